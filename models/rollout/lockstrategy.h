// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/rolloutstrategy.h"

namespace Flotilla::Rollout {

// Lock and flash: every device is locked to the version with `flash: true`, one request each,
// paced by the budget (RolloutContext::mayUseBudget). A device is written as Sending before its
// request goes out; after a restart a Sending device is read back and sent only when it does not
// carry the lock yet, so no device is locked or flashed twice. An abort unlocks the devices that
// were locked and have not started. Internal to the rollout engine.
class LockStrategy final : public RolloutStrategy
{
public:
    using RolloutStrategy::RolloutStrategy;

    void beginWave(RolloutRun &run, int wave, qint64 t) override;
    void driveWave(RolloutRun &run, int wave) override;
    bool waveSent(const RolloutRun &run, int wave) const override;
    void abort(RolloutRun &run, qint64 t) override;
    void cancel(RolloutRun &run) override;

protected:
    bool cancelDevice(RolloutRun &run, Domain::RolloutDevice &d) override;

private:
    void verify(RolloutRun &run);
    void send(RolloutRun &run);
    void prepare(RolloutRun &run, int wave);
    void finishUnlock(RolloutRun &run, const QString &deviceId, const Remote::ApiError &error);
};

} // namespace Flotilla::Rollout
