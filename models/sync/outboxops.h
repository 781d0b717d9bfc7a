// SPDX-License-Identifier: MIT
#pragma once

#include "domain/entities.h"
#include "domain/moves.h"
#include "store/changes.h"
#include "sync/fleetstate.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

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
// {placements: [{identifier, target?: {kind: "node", path} | {kind: "unassigned"} |
// {kind: "returns"}, name?, notes?}]}; no devices (they are not in the fleet yet)
inline constexpr QLatin1String DeviceImport("device.import");

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

// One row of an import: a device named by any identifier (device ID, serial, ICCID, IMEI),
// where it goes and its new name/notes (nullopt: leave as is).
struct ImportPlacement
{
    QString identifier;
    std::optional<Domain::MoveTarget> target;
    std::optional<QString> name;
    std::optional<QString> notes;
    bool operator==(const ImportPlacement &) const = default;
};

// Identifiers per import request. Particle documents no limit for the file of identifiers; a
// file of 1,000 lines (about 25 kB) stays far below any size a request body could be refused
// for, each request stays short enough to answer well within the client's timeout, and an
// import of a whole production run still takes only a few requests (sent one after the other;
// after a failure the import goes again, and the chunks already taken answer "existing").
inline constexpr int ImportChunk = 1000;

// The entry that brings the devices of `placements` into the product, then places them. It has
// no local effect (its devices are not in the fleet yet). Sending it:
//   1. imports every identifier: ceil(identifiers / ImportChunk) POST requests;
//   2. reads the devices that the fleet does not know yet (none when it knows them all): one
//      read per device when all of them are named by device ID (a full pull when there are more
//      than 200), else a full pull (the device list has no filter by serial number, ICCID or
//      IMEI): the groups, releases and customers, and ceil(devices / page size) pages of devices;
//   3. queues the placements as the moves and edits the console makes (Outbox::moveEntries,
//      updateDevice), each sent afterwards for what it costs: one group request per batch of
//      devices with the same change, a claim (with a token request per customer account) or an
//      unclaim per device whose owner changes, one request per device whose name or notes
//      change.
// The entry is done when the placements are queued (in the same cache transaction). Sent again
// (its answer lost), it does the same again: the identifiers are "existing", and the placements
// are planned on the fleet as it is then (devices already in place need nothing).
Store::OutboxEntry importDevices(const QList<ImportPlacement> &placements);
// The placements of an import entry. Strict: anything not as importDevices() writes it (a
// damaged payload) gives an empty list, and `error` says what is wrong.
QList<ImportPlacement> placementsOf(const Store::OutboxEntry &entry, QString *error = nullptr);
// The requests of steps 1 and 2 at most (a full pull), for an import of `identifiers` into a
// fleet of `fleetSize` devices read `pageSize` at a time; the queued placements come on top
// (counted as the moves and edits they are).
int importRequests(int identifiers, int fleetSize, int pageSize);
// The key identifiers are compared by: trimmed, case-insensitive.
QString identifierKey(const QString &identifier);
// Every device of `state` by each of its identifiers' keys (device ID, serial number, ICCID,
// IMEI). A device ID wins over another device's serial number, ICCID or IMEI.
QHash<QString, QString> deviceIdsByIdentifier(const FleetState &state);

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
