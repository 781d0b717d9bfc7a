// SPDX-License-Identifier: MIT
#include "sync/overviewkeeper.h"

#include "store/cachestore.h"
#include "sync/syncengine.h"
#include "sync/synclog.h"

#include <QDateTime>

namespace Flotilla::Sync::Detail {

OverviewKeeper::OverviewKeeper(SyncEngine &engine, Store::CacheStore *store)
    : m_engine(engine)
    , m_store(store)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(WriteIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &OverviewKeeper::write);
    connect(&engine, &SyncEngine::loaded, this, [this] {
        if (m_engine.state().devices.size() != m_devicesRead)
            changed();
    });
    connect(&engine, &SyncEngine::fleetChanged, this, &OverviewKeeper::changed);
    connect(&engine, &SyncEngine::pendingChanged, this, &OverviewKeeper::changed);
    connect(&engine, &SyncEngine::pullFinished, this, [this](bool ok) {
        if (ok && m_outOfDate)
            write();
    });
}

OverviewKeeper::~OverviewKeeper()
{
    if (m_outOfDate)
        write();
}

void OverviewKeeper::readFirst()
{
    if (!m_store)
        return;
    m_store->loadOverview(this, [this](Store::Snapshot snapshot, const QString &error) {
        if (!error.isEmpty() || m_engine.isLoaded())
            return;
        const std::optional<FleetOverview> overview = FleetOverview::fromJson(
            snapshot.syncState.value(FleetOverview::syncStateKey()).toUtf8());
        if (!overview) {
            qCDebug(lcSync) << "no fleet overview in the cache";
            return;
        }
        const FleetState fleet = FleetState::fromSnapshot(snapshot);
        m_devicesRead = overview->deviceCount();
        qCInfo(lcSync) << "fleet overview read:" << m_devicesRead << "devices";
        Q_EMIT loaded(fleet, *overview);
    });
}

void OverviewKeeper::changed()
{
    if (!m_engine.isLoaded())
        return;
    m_outOfDate = true;
    if (!m_timer.isActive())
        m_timer.start();
}

void OverviewKeeper::write()
{
    m_timer.stop();
    if (!m_store || !m_engine.isLoaded())
        return;
    m_outOfDate = false;
    FleetOverview overview = FleetOverview::of(m_engine.state(), m_engine.pendingDevices());
    overview.writtenMs = QDateTime::currentMSecsSinceEpoch();
    m_store->setSyncState(
        {{FleetOverview::syncStateKey(), QString::fromUtf8(overview.toJson())}}, nullptr, {});
}

} // namespace Flotilla::Sync::Detail
