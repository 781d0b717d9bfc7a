// SPDX-License-Identifier: MIT
#pragma once

// The in-memory state of one rollout while the engine runs it, and the rules about rollout and
// device states that the engine's parts share. Internal to models/rollout.

#include "domain/rollout.h"
#include "store/changes.h"

#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QSet>
#include <QStringList>

#include <algorithm>

namespace Flotilla::Remote {
struct ApiError;
}

namespace Flotilla::Rollout {

Q_DECLARE_LOGGING_CATEGORY(lcRollout)

// A Cancelled device whose cloud-side cancellation (group removal, unlock) is not done yet.
inline const QLatin1String CancellingStage("cancelling");
// A Failed device that is no longer in the product (left out of the wave's batches).
inline const QLatin1String GoneStage("gone");
// A TimedOut device that did not return to its previous version in time.
inline const QLatin1String RollbackStage("rollback");
// A step that failed for a transient reason is tried again this much later.
constexpr qint64 RetryDelayMs = 5000;

// Worth trying again later: transient failures, and requests refused while signed out (they go
// through once the operator signs in again).
bool retryable(const Remote::ApiError &error);

// Running, Paused or RollingBack.
inline bool isActive(Domain::RolloutState state)
{
    return state == Domain::RolloutState::Running || state == Domain::RolloutState::Paused
        || state == Domain::RolloutState::RollingBack;
}

// Rollouts whose devices still follow the event stream.
inline bool followsEvents(Domain::RolloutState state)
{
    return isActive(state) || state == Domain::RolloutState::Aborted;
}

// Devices the cloud is working on: waiting for the update, updating, or returning.
inline bool inFlight(Domain::RolloutDeviceState state)
{
    return state == Domain::RolloutDeviceState::Waiting
        || state == Domain::RolloutDeviceState::Updating
        || state == Domain::RolloutDeviceState::RollingBack;
}

// Devices a rollout still means to change: not started yet, or started and not finished.
inline bool isInFlight(Domain::RolloutDeviceState state)
{
    return state == Domain::RolloutDeviceState::Pending
        || state == Domain::RolloutDeviceState::Sending || inFlight(state);
}

// A staged rollout of nodes only releases the version to those nodes once it completes.
inline bool wantsFinalRelease(const Domain::RolloutSpec &spec)
{
    return spec.method == Domain::RolloutMethod::Staged && spec.releaseToNodesWhenDone
        && !spec.nodes.isEmpty() && spec.devices.isEmpty();
}

struct RolloutRun
{
    Domain::Rollout r;
    QList<Domain::WaveSpec> waves; // spec.effectiveWaves()
    QHash<QString, int> index; // device id -> index in r.devices

    // Coalesced saving and signalling (RolloutJournal).
    QSet<QString> dirty; // devices changed since the last write
    QList<Domain::RolloutSample> newSamples;
    QList<Store::ActivityRecord> activity;
    QSet<QString> changedForSignal;
    bool headerChanged = false;

    // Cloud work.
    bool busy = false; // a wave step (batch, release, final release, cancellation) is running
    qint64 retryAtMs = 0; // after a transient failure: not before then
    int perDeviceInFlight = 0; // lock / unlock / read-back requests on the wire
    bool preparing = false; // Lock: the next devices are being written as Sending
    QStringList ready; // Lock: written as Sending, to send
    QStringList verify; // Lock: Sending at start-up, read back before sending again
    QSet<QString> sent; // Lock: on the wire (a reply may still come)
    QStringList unlockQueue; // Lock abort: Cancelled devices to unlock
    QSet<QString> unlockKnown; // of those, known to carry the rollout's lock (no read-back)
    bool rollbackGroupsDone = false; // Staged rollback: devices taken out of the wave groups
    QStringList rollbackQueue; // RollingBack devices to lock to their previous version

    // Polling (RolloutPoller).
    QHash<QString, qint64> lastPolled; // device id -> when it was last read one by one
    bool polling = false;
    bool pollWanted = false;
    qint64 lastPollMs = 0;
    qint64 lastSampleMs = 0;

    // A step refused for good outside Running (the final release, cancellations): tried again
    // less and less often, and reported once per distinct message.
    int refusals = 0;
    QString lastProblem;

    // Cloud work that a completed or aborted rollout still owes: the final release, or taking
    // cancelled devices back out of the wave groups / unlocking them.
    bool owesCloudWork() const
    {
        if (r.state == Domain::RolloutState::Completed && wantsFinalRelease(r.spec)
            && !r.finalReleaseDone)
            return true;
        return std::any_of(
            r.devices.cbegin(), r.devices.cend(), [](const Domain::RolloutDevice &d) {
                return d.state == Domain::RolloutDeviceState::Cancelled
                    && d.stage == CancellingStage;
            });
    }

    Domain::RolloutDevice &device(const QString &id) { return r.devices[index.value(id)]; }
    // What names the rollout's groups: its token (rollouts written before tokens: the id).
    QString token() const { return r.spec.token.isEmpty() ? QString::number(r.id) : r.spec.token; }
    QString group(int wave) const { return Domain::rolloutGroupName(token(), wave); }
    bool has(const QString &id) const { return index.contains(id); }
    void reindex()
    {
        index.clear();
        for (int i = 0; i < r.devices.size(); ++i)
            index.insert(r.devices.at(i).id, i);
    }
    // The highest started wave (-1 before the first).
    int currentWave() const
    {
        for (int w = static_cast<int>(r.waves.size()) - 1; w >= 0; --w) {
            if (r.waves.at(w).state != Domain::WaveState::Pending)
                return w;
        }
        return -1;
    }
    // The wave's devices (not skipped), sorted by id: the stable order of its batches. The plan
    // never changes, so the lists are kept.
    mutable QHash<int, QStringList> waveIds;
    const QStringList &waveDeviceIds(int wave) const
    {
        const auto known = waveIds.constFind(wave);
        if (known != waveIds.cend())
            return *known;
        QStringList ids;
        for (const Domain::RolloutDevice &d : r.devices) {
            if (d.wave == wave)
                ids.append(d.id);
        }
        ids.sort();
        return *waveIds.insert(wave, ids);
    }
    int targetFor(const Domain::RolloutDevice &d) const
    {
        return d.state == Domain::RolloutDeviceState::RollingBack
                || d.state == Domain::RolloutDeviceState::RolledBack
            ? d.previousVersion
            : r.spec.version;
    }
};

} // namespace Flotilla::Rollout
