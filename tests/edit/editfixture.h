// SPDX-License-Identifier: MIT
// A console's data layer for the FleetEditor tests, without any widget: a cache in a temporary
// folder seeded with a fleet, a SyncEngine on it (paused: edits are queued in the outbox,
// nothing is sent) and a FleetEditor with its undo stack. Helpers read the outbox and the fleet
// as text.
#pragma once

#include "../support/localengine.h"
#include "edit/fleeteditor.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

namespace Flotilla::EditTest {

constexpr int CacheTimeoutMs = TestSupport::LocalEngine::CacheTimeoutMs;

// "#12" for the 24-digit hexadecimal IDs of the test fleets (TreeTest::deviceId(12)).
inline QString shortId(const QString &id)
{
    bool ok = false;
    const qulonglong n = id.toULongLong(&ok, 16);
    return ok ? QStringLiteral("#%1").arg(n) : id;
}

// "device.groups {"add":["beta"],"remove":["acme"]} #1,#2": kind, payload, devices.
inline QString entryText(const Store::OutboxEntry &entry)
{
    QStringList ids;
    for (const QString &id : entry.deviceIds)
        ids.append(shortId(id));
    QString text = entry.kind + QLatin1Char(' ')
        + QString::fromUtf8(QJsonDocument(entry.payload).toJson(QJsonDocument::Compact));
    if (!ids.isEmpty())
        text += QLatin1Char(' ') + ids.join(QLatin1Char(','));
    return text;
}

inline QStringList entriesText(const QList<Store::OutboxEntry> &entries)
{
    QStringList lines;
    for (const Store::OutboxEntry &e : entries)
        lines.append(entryText(e));
    return lines;
}

// Everything an edit can change, one sorted line per device and group.
inline QStringList fleetText(const Sync::FleetState &state)
{
    QStringList lines;
    for (const Domain::Device &d : state.devices)
        lines.append(QStringLiteral("%1 name=%2 groups=%3 owner=%4 notes=%5 target=%6")
                         .arg(shortId(d.id), d.name, d.groups.join(QLatin1Char(',')), d.owner,
                             d.hasNotes ? d.notes : QStringLiteral("(none)"),
                             d.targetedFirmwareVersion ? QString::number(*d.targetedFirmwareVersion)
                                                       : QStringLiteral("-")));
    for (const Domain::Group &g : state.groups)
        lines.append(QStringLiteral("group %1: %2").arg(g.name, g.description));
    lines.sort();
    return lines;
}

struct EditConsole : TestSupport::LocalEngine
{
    QTemporaryDir dir;
    QUndoStack stack;
    std::unique_ptr<Edit::FleetEditor> editor;

    // Seeds the cache with `fleet` and loads it into a paused engine (no network).
    bool open(const Sync::FleetState &fleet)
    {
        if (!LocalEngine::open(dir.filePath(QStringLiteral("cache.sqlite")), fleet.product.id)
            || !seed(fleet) || !start())
            return false;
        editor = std::make_unique<Edit::FleetEditor>(engine.get(), &stack);
        return true;
    }

    // The outbox as the cache has it, once every edit made so far is written.
    QStringList outbox() const
    {
        QList<Store::OutboxEntry> entries;
        bool done = false;
        store->pendingOutbox([&](QList<Store::OutboxEntry> e) {
            entries = e;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, CacheTimeoutMs))
            return {QStringLiteral("(the outbox could not be read in time)")};
        return entriesText(entries);
    }
};

} // namespace Flotilla::EditTest
