// SPDX-License-Identifier: MIT
// SyncEngine's part in sharing one cache between Flotilla processes: the driving flag and
// reading back what another process wrote (reloadFromCache).
#include "sync/cachereload.h"

#include "store/cachestore.h"
#include "sync/pull.h"
#include "sync/push.h"
#include "sync/syncengine.h"
#include "sync/synclog.h"
#include "sync/syncshared.h"

#include <algorithm>

namespace Flotilla::Sync {

using Store::OutboxEntry;

void SyncEngine::setDriving(bool driving)
{
    if (m_shared->driving == driving)
        return;
    m_shared->driving = driving;
    qCInfo(lcSync) << (driving ? "this process sends the outbox"
                               : "another process sends the outbox");
    if (driving) {
        m_pusher->pushNow();
    } else {
        m_pusher->stop(); // a run on the wire finishes
    }
    Q_EMIT phaseChanged();
}

bool SyncEngine::isDriving() const
{
    return m_shared->driving;
}

void SyncEngine::reloadFromCache(std::function<void()> done)
{
    if (done)
        m_reloadWaiters.append(std::move(done));
    m_reloadWanted = true;
    if (m_reload || !m_shared->loaded || m_reloadTimer.isActive())
        return; // after the reload under way, or once loaded, or once rested
    startReload();
}

void SyncEngine::startReload()
{
    if (m_reload || !m_reloadWanted)
        return;
    if (!m_shared->loaded)
        return; // loadSnapshot() starts it
    m_reloadWanted = false;
    m_reload = std::make_unique<Reload>();
    m_reload->waiters = std::exchange(m_reloadWaiters, {});
    m_reload->timer.start();
    for (const OutboxEntry &e : std::as_const(m_shared->pending))
        m_reload->pendingAtStart.insert(e.id);
    m_shared->store->load(this, [this](Store::Snapshot snapshot, QString error) {
        finishReload(std::move(snapshot), error);
    });
}

void SyncEngine::notePending()
{
    for (const OutboxEntry &e : std::as_const(m_shared->pending))
        m_reload->heldSince.insert(e.id);
}

void SyncEngine::noteTouched(const FleetDelta &delta)
{
    Reload &r = *m_reload;
    for (const Domain::Device &d : delta.addedDevices + delta.changedDevices)
        r.devices.insert(d.id);
    for (const QString &id : delta.removedDevices)
        r.devices.insert(id);
    for (const Domain::Group &g : delta.addedGroups + delta.changedGroups)
        r.groups.insert(g.name);
    for (const QString &name : delta.removedGroups)
        r.groups.insert(name);
    for (const Domain::Firmware &f : delta.addedFirmware + delta.changedFirmware)
        r.firmware.insert(f.version);
    for (const int version : delta.removedFirmware)
        r.firmware.insert(version);
    for (const Domain::Customer &c : delta.addedCustomers + delta.changedCustomers)
        r.customers.insert(c.username);
    for (const QString &name : delta.removedCustomers)
        r.customers.insert(name);
}

namespace {

// `key` of `incoming` as memory has it (kept, or left out when memory lacks it).
template<typename Map, typename Key>
void keepMemory(Map &incoming, const Map &memory, const Key &key)
{
    const auto it = memory.constFind(key);
    if (it == memory.cend())
        incoming.remove(key);
    else
        incoming.insert(key, it.value());
}

} // namespace

void SyncEngine::finishReload(Store::Snapshot snapshot, const QString &error)
{
    const std::unique_ptr<Reload> reload = std::move(m_reload);
    const qint64 elapsed = reload->timer.elapsed();
    if (!error.isEmpty() || !snapshot.damage.isEmpty()) {
        // Nothing is taken from a read that failed (the next change tries again).
        qCWarning(lcSync).noquote()
            << "cannot read what another process wrote to the cache:"
            << (error.isEmpty() ? snapshot.damage.problems.join(QStringLiteral("; ")) : error);
    } else if (m_shared->loaded) {
        // The fleet: what differs from memory, except what this process published meanwhile.
        const qint64 lastPull
            = snapshot.syncState.value(QStringLiteral("last_full_pull_ms")).toLongLong();
        FleetState read = FleetState::fromSnapshot(snapshot);
        CloudContent incoming;
        incoming.devices = std::move(read.devices);
        incoming.groups = std::move(read.groups);
        incoming.firmware = std::move(read.firmware);
        incoming.customers = std::move(read.customers);
        const FleetState &memory = m_shared->state;
        for (const QString &id : std::as_const(reload->devices))
            keepMemory(incoming.devices, memory.devices, id);
        for (const QString &name : std::as_const(reload->groups))
            keepMemory(*incoming.groups, memory.groups, name);
        for (const int version : std::as_const(reload->firmware))
            keepMemory(*incoming.firmware, memory.firmware, version);
        for (const QString &name : std::as_const(reload->customers))
            keepMemory(*incoming.customers, memory.customers, name);
        if (m_shared->state.product.id == 0 && read.product.id != 0)
            m_shared->state.product = read.product;
        if (lastPull > m_puller->lastFullPullMs())
            m_puller->setLastFullPullMs(lastPull);
        const FleetDelta delta = diff(m_shared->state, incoming, true);

        // The outbox. Changes held here when the read was asked for (so written before it) and
        // not pending in the cache were sent (or refused) by the driver: they leave, and are kept
        // as confirmed lately (a pull whose answers left earlier rebases onto them). Changes
        // pending in the cache that this process never held were queued by another process:
        // they join, in the order they were written.
        QSet<qint64> inCache;
        for (const OutboxEntry &e : std::as_const(snapshot.outbox)) {
            if (e.state == OutboxEntry::State::Pending)
                inCache.insert(e.id);
        }
        QSet<qint64> inMemory;
        for (const OutboxEntry &e : std::as_const(m_shared->pending))
            inMemory.insert(e.id);
        int left = 0;
        const qint64 now = Detail::nowMs();
        m_shared->pending.erase(
            std::remove_if(m_shared->pending.begin(), m_shared->pending.end(),
                [&](const OutboxEntry &e) {
                    if (!reload->pendingAtStart.contains(e.id) || inCache.contains(e.id))
                        return false;
                    m_shared->recent.append({now, e});
                    ++left;
                    return true;
                }),
            m_shared->pending.end());
        int joined = 0;
        for (const OutboxEntry &e : std::as_const(snapshot.outbox)) {
            if (e.state != OutboxEntry::State::Pending || inMemory.contains(e.id)
                || reload->pendingAtStart.contains(e.id) || reload->heldSince.contains(e.id))
                continue;
            m_shared->pending.append(e);
            ++joined;
        }
        if (!delta.isEmpty() || joined > 0 || left > 0)
            qCInfo(lcSync) << "read what another process wrote in" << elapsed
                           << "ms:" << delta.size() << "changes of the fleet," << joined
                           << "changes queued," << left << "changes sent";
        publish(delta, false);
        if (left > 0 || joined > 0)
            Q_EMIT pendingChanged(pendingCount());
        if (joined > 0)
            m_pusher->schedule(0); // sends only when driving
    }
    m_lastReloadMs = elapsed;
    Q_EMIT externalChange();
    for (const auto &done : reload->waiters)
        done();
    // Changes noticed meanwhile: once the engine has rested twice as long as the read took.
    if (m_reloadWanted && !m_reloadTimer.isActive())
        m_reloadTimer.start(static_cast<int>(std::min<qint64>(2 * m_lastReloadMs, 10000)));
}

} // namespace Flotilla::Sync
