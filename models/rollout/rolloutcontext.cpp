// SPDX-License-Identifier: MIT
#include "rollout/rolloutcontext.h"

#include "domain/text.h"
#include "remote/particleclient.h"
#include "rollout/rolloutjournal.h"
#include "sync/syncengine.h"

namespace Flotilla::Rollout {

using Remote::ApiError;

bool retryable(const ApiError &error)
{
    return error.isTransient() || error.kind == ApiError::Kind::Cancelled
        || error.kind == ApiError::Kind::Unauthorized;
}

RolloutRun *RolloutContext::find(qint64 id) const
{
    return journal->find(id);
}

std::function<void()> RolloutContext::resumeAfter(qint64 id) const
{
    return [this, id] {
        if (RolloutRun *found = find(id)) {
            found->busy = false;
            // A step went through: earlier refusals are history.
            found->refusals = 0;
            found->lastProblem.clear();
            drive(*found);
        }
    };
}

std::function<void()> RolloutContext::driveAfter(qint64 id) const
{
    return [this, id] {
        if (RolloutRun *found = find(id))
            drive(*found);
    };
}

void RolloutContext::stepFailed(RolloutRun &run, const QString &what, const ApiError &error) const
{
    run.busy = false;
    qCWarning(lcRollout) << "rollout" << run.r.id << what << "failed:" << error.toString();
    if (retryable(error)) {
        run.retryAtMs = now() + RetryDelayMs;
        return;
    }
    const QString message = Text::tr("%1 failed: %2").arg(what, error.toString());
    if (message != run.lastProblem)
        report(run.r.id, message);
    run.lastProblem = message;
    if (run.r.state == Domain::RolloutState::Running) {
        run.r.state = Domain::RolloutState::Paused;
        run.r.pausedForFailures = false;
        run.r.stateReason = message;
        journal->addActivity(run, Text::tr("Rollout paused"), Text::tr("Paused"), message);
    } else {
        // 1 minute, then 2, 4 … up to 32 between attempts.
        run.retryAtMs = now() + RetryDelayMs * 12 * (qint64(1) << qMin(run.refusals, 5));
        ++run.refusals;
    }
    journal->persist(run, {});
}

bool RolloutContext::mayUseBudget(const RolloutRun &run) const
{
    return run.perDeviceInFlight < qMax(1, config.maxInFlight)
        && client->headroom() > config.reserveRequests;
}

void RolloutContext::noteGroups(
    const QStringList &ids, const QString &add, const QString &remove) const
{
    sync->noteCloudChange(ids, [add, remove](Domain::Device &d) {
        if (!remove.isEmpty())
            d.groups.removeAll(remove);
        if (!add.isEmpty())
            d.groups.append(add);
    });
}

void RolloutContext::noteLock(const QString &deviceId, std::optional<int> version) const
{
    sync->noteCloudChange(
        {deviceId}, [version](Domain::Device &d) { d.desiredFirmwareVersion = version; });
}

void RolloutContext::noteGroupDeleted(const QString &group) const
{
    sync->noteCloudGroupDeleted(group);
}

} // namespace Flotilla::Rollout
