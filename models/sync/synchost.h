// SPDX-License-Identifier: MIT
#pragma once

#include "sync/fleetstate.h"

#include <QString>

#include <functional>

namespace Flotilla::Sync::Detail {

// What the parts of the sync engine (pull, live events, push) ask of the engine that owns them
// (internal to the sync layer).
class SyncHost
{
public:
    // Applies `delta` to the fleet state and tells the models; with `writeToCache`, also writes
    // it to the cache (what a pull found is written with its sync state by the puller itself).
    virtual void publish(const FleetDelta &delta, bool writeToCache) = 0;
    // Runs `fn` once no local edit is being written (so that every edit is in the pending list).
    virtual void whenCommitted(std::function<void()> fn) = 0;
    virtual void setOnline(bool online) = 0;
    virtual void setSignedOut(bool signedOut) = 0;
    // Queues `entries` the way a local edit does (their local effect at once, then sent), with
    // `activity` as the edit's activity row; the pending entries `replaces` are marked done in
    // the same cache transaction. `done` gets why it could not be queued (empty when it was).
    virtual void queueEdit(const Store::ActivityRecord &activity,
        const QList<Store::OutboxEntry> &entries, const QList<qint64> &replaces,
        std::function<void(const QString &error)> done)
        = 0;

protected:
    SyncHost() = default;
    ~SyncHost() = default;
    Q_DISABLE_COPY_MOVE(SyncHost)
};

} // namespace Flotilla::Sync::Detail
