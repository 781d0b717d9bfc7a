// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/rolloutrun.h"

namespace Flotilla::Rollout {

struct RolloutContext;

// Follows the devices of the rollouts: what the product event stream reports (SyncEngine's
// deviceEvent), the devices in flight read back when events may have been missed (the stream was
// down, Flotilla was not running) and at least every `pollIntervalMs` while a wave has devices in
// flight, and the devices that take longer than the rollout's device timeout. Staged and Release
// rollouts are read a group page at a time; Lock and devices rolling back one by one, the least
// recently read first, within the budget. Internal to the rollout engine.
class RolloutPoller final
{
    Q_DISABLE_COPY_MOVE(RolloutPoller)

public:
    explicit RolloutPoller(RolloutContext &context)
        : m_ctx(context)
    { }

    // The engine starts with the stream up or down (down: it counts as having been down).
    void start(bool streamConnected) { m_streamWasDown = !streamConnected; }
    // The event stream went down or came back; once back, the active rollouts are read again.
    void setStreamConnected(bool connected);
    // An event of the product's stream (the device's firmware version as the sync engine knows it).
    void onDeviceEvent(
        const QString &deviceId, const QString &name, const QString &data, int version);
    // Devices past the rollout's device timeout at `t` time out.
    void checkTimeouts(RolloutRun &run, qint64 t);
    // Reads the run's devices in flight if it is time to (see the class comment).
    void pollIfDue(RolloutRun &run, qint64 t);

private:
    void poll(RolloutRun &run);
    void pollStep(qint64 id, QStringList groups, int page, QStringList single);
    void applyPolledVersion(RolloutRun &run, const QString &deviceId, int firmwareVersion);

    RolloutContext &m_ctx;
    bool m_streamWasDown = false;
};

} // namespace Flotilla::Rollout
