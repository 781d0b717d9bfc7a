// SPDX-License-Identifier: MIT
#pragma once

// What SyncEngine keeps while it reads back what another process wrote to the cache
// (reloadFromCache; internal to the sync layer).

#include "sync/syncengine.h"

#include <QElapsedTimer>
#include <QList>
#include <QSet>

#include <functional>

namespace Flotilla::Sync {

// What a reload under way keeps while the cache is read: what this process published since (its
// own writes come after the read in the store's queue, so the read is older than memory for
// those), and the changes it held as pending.
struct SyncEngine::Reload
{
    QSet<QString> devices;
    QSet<QString> groups;
    QSet<int> firmware;
    QSet<QString> customers;
    QSet<qint64> pendingAtStart; // pending here when the read was asked for
    QSet<qint64> heldSince; // pending here at some time since
    QList<std::function<void()>> waiters;
    QElapsedTimer timer;
};

} // namespace Flotilla::Sync
