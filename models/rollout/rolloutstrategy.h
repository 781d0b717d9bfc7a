// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/rolloutrun.h"

#include <QtGlobal>

namespace Flotilla::Rollout {

struct RolloutContext;

// How one rollout method (docs/rollouts.md §1) works the cloud: what starting a wave means for
// its devices, the requests that send a wave, what an abort cancels and how the cancellation is
// taken back in the cloud, and what a completed rollout still owes. The state lives in the
// RolloutRun (and through the journal in the cache), so one strategy serves every rollout of its
// method; when a step is done it hands the run back to the engine (RolloutContext::drive).
// Internal to the rollout engine.
class RolloutStrategy
{
    Q_DISABLE_COPY_MOVE(RolloutStrategy)

public:
    explicit RolloutStrategy(RolloutContext &context)
        : m_ctx(context)
    { }
    virtual ~RolloutStrategy();

    // Wave `wave` starts at `t`: its devices wait for the wave's release (Release and Staged;
    // their timeouts start with the release).
    virtual void beginWave(RolloutRun &run, int wave, qint64 t);
    // Running: the next cloud step of the current wave.
    virtual void driveWave(RolloutRun &run, int wave) = 0;
    // Whether the wave's cloud work is done, so that its devices may update and its thresholds
    // apply (Release and Staged: released).
    virtual bool waveSent(const RolloutRun &run, int wave) const;
    // An abort at `t`: devices not started are Cancelled (those the cloud already holds with the
    // Cancelling stage, for cancel() to take back).
    virtual void abort(RolloutRun &run, qint64 t);
    // Aborted or rolling back: takes back in the cloud what the abort cancelled.
    virtual void cancel(RolloutRun &run);
    // Completed: what the rollout still owes the cloud.
    virtual void finish(RolloutRun &run);

protected:
    // What an abort makes of `d` (state, stage); false leaves it as it is. Pending devices are
    // Cancelled, waiting ones Cancelled and Cancelling.
    virtual bool cancelDevice(RolloutRun &run, Domain::RolloutDevice &d);

    RolloutContext &m_ctx;
};

} // namespace Flotilla::Rollout
