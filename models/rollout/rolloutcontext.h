// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/rolloutengine.h"
#include "rollout/rolloutrun.h"

#include <functional>
#include <optional>

namespace Flotilla::Rollout {

class RolloutJournal;

// What the parts of the rollout engine (poller, strategies, rollback) share: the cloud, the
// journal, the clock, and how a run goes on once a step is done. RolloutEngine owns it and every
// part; `owner` (the engine) is the context object of every request and timer, so that no reply
// reaches a part that is gone. Internal to the rollout engine.
struct RolloutContext
{
    QObject *owner = nullptr;
    Remote::ParticleClient *client = nullptr;
    Sync::SyncEngine *sync = nullptr;
    RolloutJournal *journal = nullptr;
    RolloutConfig config;
    std::function<qint64()> clock;
    std::function<void(RolloutRun &)> driveRun; // the run's next step (RolloutEngine::drive)
    std::function<void(qint64 id, const QString &message)> report; // RolloutEngine::problem

    qint64 now() const { return clock(); }
    RolloutRun *find(qint64 id) const;
    void drive(RolloutRun &run) const { driveRun(run); }
    // Continuations of a step: not busy any more (earlier refusals forgotten), then drive; or
    // just drive. Both do nothing once the rollout is gone.
    std::function<void()> resumeAfter(qint64 id) const;
    std::function<void()> driveAfter(qint64 id) const;
    // A step failed: transient errors are retried later; others pause a running rollout, or
    // (outside Running) are tried again less and less often. Reported once per distinct message.
    void stepFailed(RolloutRun &run, const QString &what, const Remote::ApiError &error) const;
    // Whether another per-device request may go out now: few enough on the wire, and the
    // client's rate window keeps `reserveRequests` for other work.
    bool mayUseBudget(const RolloutRun &run) const;

    // Tells the sync engine what a request made here changed in the cloud.
    void noteGroups(const QStringList &ids, const QString &add, const QString &remove) const;
    void noteLock(const QString &deviceId, std::optional<int> version) const;
    void noteGroupDeleted(const QString &group) const;
};

} // namespace Flotilla::Rollout
