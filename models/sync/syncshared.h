// SPDX-License-Identifier: MIT
#pragma once

// What the parts of the sync engine share (internal to the sync layer).

#include "remote/apierror.h"
#include "store/changes.h"
#include "sync/fleetstate.h"
#include "sync/syncengine.h"

#include <QList>
#include <QPair>
#include <QPointer>

#include <algorithm>
#include <functional>
#include <limits>

namespace Flotilla::Remote {
class ParticleClient;
}

namespace Flotilla::Store {
class CacheStore;
}

namespace Flotilla::Sync::Detail {

// Confirmed changes (and cloud notes) are kept this long for rebasing the answers of pulls.
constexpr qint64 RecentKeepMs = 10 * 60 * 1000;

qint64 nowMs();

// The cloud refused the change for good (not a failure on the way, a lost token or an answer
// that could not be read).
bool isRefusal(const Remote::ApiError &error);

// `error` (a refusal, or an answer that could not be read) turned into "the outcome is not known
// yet": the change stays queued and goes again later.
Remote::ApiError unknownOutcome(const Remote::ApiError &error);

// A group as people know it: a node's title path, or a label's name.
QString describeGroup(const FleetState &state, const QString &name);

// A cloud change Flotilla made itself outside the outbox (SyncEngine::noteCloudChange and
// noteCloudGroupDeleted), kept like confirmed outbox entries so that a pull whose answers left
// before it does not undo it.
struct CloudNote
{
    qint64 atMs = 0;
    QStringList deviceIds;
    std::function<void(Domain::Device &)> change;
    QString deletedGroup;
};

// The state the engine's parts share. Owned by SyncEngine, which outlives its parts.
struct SyncShared
{
    QPointer<Remote::ParticleClient> client;
    QPointer<Store::CacheStore> store;
    SyncConfig config;
    FleetState state;
    QList<Store::OutboxEntry> pending; // committed, not yet confirmed by the cloud
    QList<QPair<qint64, Store::OutboxEntry>> recent; // confirmed lately (kept RecentKeepMs)
    QList<CloudNote> cloudNotes; // kept RecentKeepMs too
    int uncommitted = 0; // entries whose local edit is being written
    bool loaded = false;
    bool signedOut = false;
    bool replan = false; // kept changes are planned again at the first pull (after a repair)
    // This process sends the outbox (it holds the cache's driver lease: SyncEngine::setDriving).
    bool driving = true;
    int batchLimit = std::numeric_limits<int>::max(); // lowered when the cloud refuses a size

    // Changes not yet confirmed by the cloud (including those still being written locally).
    int pendingCount() const { return static_cast<int>(pending.size()) + uncommitted; }
    // Devices per batch group request.
    int batchSize() const { return std::min(config.batchSize, batchLimit); }
};

} // namespace Flotilla::Sync::Detail
