// SPDX-License-Identifier: MIT
#pragma once

#include "domain/entities.h"
#include "domain/moves.h"
#include "store/changes.h"
#include "sync/fleetstate.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace Flotilla::Sync {

// The kinds of outbox entries and their payloads. Every kind is safe to replay: sending an
// entry again after it was applied changes nothing more (after a crash, an entry whose answer
// was lost is sent again).
namespace Outbox {
inline constexpr QLatin1String DeviceGroups("device.groups"); // {add, remove}; deviceIds
inline constexpr QLatin1String DeviceClaim("device.claim"); // {account}; one device
inline constexpr QLatin1String DeviceUnclaim("device.unclaim"); // {}; one device
inline constexpr QLatin1String DeviceUpdate("device.update"); // {fields: {name?, notes?}}
inline constexpr QLatin1String GroupCreate("group.create"); // {name, description, color}
inline constexpr QLatin1String GroupUpdate("group.update"); // {name, fields: {...}}
inline constexpr QLatin1String GroupDelete("group.delete"); // {name}

Store::OutboxEntry groups(const QStringList &deviceIds, const Domain::GroupDelta &delta);
Store::OutboxEntry claim(const QString &deviceId, const QString &account);
Store::OutboxEntry unclaim(const QString &deviceId);
Store::OutboxEntry updateDevice(const QString &deviceId, const QJsonObject &fields);
Store::OutboxEntry createGroup(const Domain::Group &group);
Store::OutboxEntry updateGroup(const QString &name, const QJsonObject &fields);
Store::OutboxEntry deleteGroup(const QString &name);

// The entries that move `deviceIds` of `state` to `target`, as every move of devices makes them:
// one group change per batch of at most `batchSize` devices with the same delta, then the owner
// changes of the ownership rule (Domain::deviceOwnerChange). Nothing, with `error` set, when a
// device is not in `state`.
QList<Store::OutboxEntry> moveEntries(const FleetState &state, const QStringList &deviceIds,
    const Domain::MoveTarget &target, int batchSize, QString *error);

Domain::GroupDelta deltaOf(const Store::OutboxEntry &entry);

// A device as the cloud sent it, with the local effect of `entry` applied on top (for entries
// still on their way to the cloud).
// `member`: the caller knows the device is one of the entry's devices (skips the lookup).
void applyToDevice(Domain::Device &device, const Store::OutboxEntry &entry, bool member = false);
// The same for groups (creation, rename, description, deletion).
void applyToGroups(QMap<QString, Domain::Group> &groups, const Store::OutboxEntry &entry);
// The same for the releases: a renamed group keeps the versions released to it (Particle does
// not document it; docs/hierarchy.md), a deleted one loses them.
void applyToFirmware(QMap<int, Domain::Firmware> &firmware, const Store::OutboxEntry &entry);
// The group a rename entry renames, and its new name (both empty for other entries).
QPair<QString, QString> renameOf(const Store::OutboxEntry &entry);
// Every entry that changes a group's name or existence touches device group lists too.
bool touchesAllDevices(const Store::OutboxEntry &entry);
} // namespace Outbox

} // namespace Flotilla::Sync
