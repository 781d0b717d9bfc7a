// SPDX-License-Identifier: MIT
#pragma once

#include "sync/fleetoverview.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Flotilla::Store {
class CacheStore;
}

namespace Flotilla::Sync {
class SyncEngine;
}

namespace Flotilla::Sync::Detail {

// Keeps the fleet overview (FleetOverview) in the cache, and reads it first at a start: a part of
// the SyncEngine. Once the engine has loaded, every change of the fleet or of the pending devices
// marks the overview as out of date (as does a load that finds a fleet of another size than the
// overview read first, or none); it is written at most every WriteIntervalMs (counting it goes
// over every device: with live status changes flowing, not more often), at once after a full
// pull, and when the engine goes. It is a picture for the first paint: a slightly older one only
// shows older counts for the moment the devices take to load.
class OverviewKeeper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewKeeper)

public:
    static constexpr int WriteIntervalMs = 60000;

    OverviewKeeper(SyncEngine &engine, Store::CacheStore *store);
    // Writes the overview if it is out of date.
    ~OverviewKeeper() override;

    // Asks the cache for the overview; asked before the engine's load, it comes first.
    void readFirst();

Q_SIGNALS:
    // The overview kept in the cache, with the fleet it counts (without devices), before the
    // engine has loaded.
    void loaded(const Flotilla::Sync::FleetState &fleetWithoutDevices,
        const Flotilla::Sync::FleetOverview &overview);

private:
    void changed();
    void write();

    SyncEngine &m_engine;
    QPointer<Store::CacheStore> m_store;
    QTimer m_timer;
    bool m_outOfDate = false;
    qsizetype m_devicesRead = -1; // the overview read first: its number of devices
};

} // namespace Flotilla::Sync::Detail
