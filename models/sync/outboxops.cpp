// SPDX-License-Identifier: MIT
#include "sync/outboxops.h"

#include "domain/hierarchy.h"
#include "domain/text.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <climits>
#include <utility>

namespace Flotilla::Sync::Outbox {

namespace {

QJsonArray array(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out.append(v.toString());
    return out;
}

Store::OutboxEntry entry(QLatin1String kind, QJsonObject payload, QStringList deviceIds = {})
{
    Store::OutboxEntry e;
    e.kind = kind;
    e.payload = std::move(payload);
    e.deviceIds = std::move(deviceIds);
    return e;
}

} // namespace

Store::OutboxEntry groups(const QStringList &deviceIds, const Domain::GroupDelta &delta)
{
    return entry(DeviceGroups,
        QJsonObject {{QStringLiteral("add"), array(delta.add)},
            {QStringLiteral("remove"), array(delta.remove)}},
        deviceIds);
}

Store::OutboxEntry claim(const QString &deviceId, const QString &account)
{
    return entry(DeviceClaim, QJsonObject {{QStringLiteral("account"), account}}, {deviceId});
}

Store::OutboxEntry unclaim(const QString &deviceId)
{
    return entry(DeviceUnclaim, QJsonObject(), {deviceId});
}

Store::OutboxEntry updateDevice(const QString &deviceId, const QJsonObject &fields)
{
    return entry(DeviceUpdate, QJsonObject {{QStringLiteral("fields"), fields}}, {deviceId});
}

Store::OutboxEntry createGroup(const Domain::Group &group)
{
    return entry(GroupCreate,
        QJsonObject {{QStringLiteral("name"), group.name},
            {QStringLiteral("description"), group.description},
            {QStringLiteral("color"), group.color}});
}

Store::OutboxEntry updateGroup(const QString &name, const QJsonObject &fields)
{
    return entry(GroupUpdate,
        QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("fields"), fields}});
}

Store::OutboxEntry deleteGroup(const QString &name)
{
    return entry(GroupDelete, QJsonObject {{QStringLiteral("name"), name}});
}

QList<Store::OutboxEntry> moveEntries(const FleetState &state, const QStringList &deviceIds,
    const Domain::MoveTarget &target, int batchSize, QString *error)
{
    const Domain::Hierarchy hierarchy = state.hierarchy();
    const QString toAccount = target.kind == Domain::MoveTarget::Kind::Node
        ? Domain::accountOf(target.path, hierarchy)
        : QString();
    QHash<QString, Domain::GroupDelta> deltas;
    QList<Store::OutboxEntry> ownership;
    for (const QString &id : deviceIds) {
        const auto it = state.devices.constFind(id);
        if (it == state.devices.cend()) {
            *error = Text::tr("Unknown device %1").arg(id);
            return {};
        }
        const Domain::GroupDelta delta = Domain::planMove(it->groups, target, hierarchy);
        if (!delta.isEmpty())
            deltas.insert(id, delta);
        const Domain::Placement from = Domain::placeDevice(it->groups, hierarchy);
        const QString fromAccount = from.kind == Domain::PlacementKind::Node
            ? Domain::accountOf(from.path, hierarchy)
            : QString();
        const Domain::OwnerChange owner
            = Domain::deviceOwnerChange(it->owner, fromAccount, toAccount);
        if (owner.releases())
            ownership.append(unclaim(id));
        if (owner.claims())
            ownership.append(claim(id, owner.account));
    }
    QList<Store::OutboxEntry> entries;
    for (const Domain::DeviceBatch &batch : Domain::batchByDelta(deltas, batchSize))
        entries.append(groups(batch.deviceIds, batch.delta));
    return entries + ownership;
}

Domain::GroupDelta deltaOf(const Store::OutboxEntry &e)
{
    return Domain::GroupDelta {strings(e.payload.value(QStringLiteral("add"))),
        strings(e.payload.value(QStringLiteral("remove")))};
}

namespace {

QJsonObject targetJson(const Domain::MoveTarget &target)
{
    switch (target.kind) {
    case Domain::MoveTarget::Kind::Node:
        return {{QStringLiteral("kind"), QStringLiteral("node")},
            {QStringLiteral("path"), target.path}};
    case Domain::MoveTarget::Kind::Returns:
        return {{QStringLiteral("kind"), QStringLiteral("returns")}};
    case Domain::MoveTarget::Kind::Unassigned:
        break;
    }
    return {{QStringLiteral("kind"), QStringLiteral("unassigned")}};
}

std::optional<Domain::MoveTarget> targetOf(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    const QString kind = o.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("node")) {
        const QJsonValue path = o.value(QStringLiteral("path"));
        if (o.size() != 2 || !path.isString() || path.toString().isEmpty())
            return std::nullopt;
        return Domain::MoveTarget::node(path.toString());
    }
    if (o.size() != 1)
        return std::nullopt;
    if (kind == QLatin1String("unassigned"))
        return Domain::MoveTarget::unassigned();
    if (kind == QLatin1String("returns"))
        return Domain::MoveTarget::returns();
    return std::nullopt;
}

} // namespace

Store::OutboxEntry importDevices(const QList<ImportPlacement> &placements)
{
    QJsonArray rows;
    for (const ImportPlacement &p : placements) {
        QJsonObject row {{QStringLiteral("identifier"), p.identifier}};
        if (p.target)
            row.insert(QStringLiteral("target"), targetJson(*p.target));
        if (p.name)
            row.insert(QStringLiteral("name"), *p.name);
        if (p.notes)
            row.insert(QStringLiteral("notes"), *p.notes);
        rows.append(row);
    }
    return entry(DeviceImport, QJsonObject {{QStringLiteral("placements"), rows}});
}

QList<ImportPlacement> placementsOf(const Store::OutboxEntry &e, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return QList<ImportPlacement>();
    };
    if (e.kind != DeviceImport)
        return fail(Text::tr("it is not an import"));
    const QJsonValue rows = e.payload.value(QStringLiteral("placements"));
    if (!rows.isArray() || e.payload.size() != 1)
        return fail(Text::tr("it has no list of devices"));
    if (rows.toArray().isEmpty())
        return fail(Text::tr("its list of devices is empty"));
    static const QSet<QString> known {QStringLiteral("identifier"), QStringLiteral("target"),
        QStringLiteral("name"), QStringLiteral("notes")};
    QList<ImportPlacement> out;
    int number = 0;
    for (const QJsonValue &value : rows.toArray()) {
        ++number;
        if (!value.isObject())
            return fail(Text::tr("device %1 of its list is not a device").arg(number));
        const QJsonObject row = value.toObject();
        for (auto it = row.constBegin(); it != row.constEnd(); ++it) {
            if (!known.contains(it.key()))
                return fail(Text::tr("device %1 of its list has an unknown field").arg(number));
        }
        ImportPlacement p;
        const QJsonValue identifier = row.value(QStringLiteral("identifier"));
        p.identifier = identifier.toString();
        if (!identifier.isString() || identifierKey(p.identifier).isEmpty()
            || p.identifier.contains(QLatin1Char('\n')) || p.identifier.contains(QLatin1Char('\r')))
            return fail(Text::tr("device %1 of its list has no identifier").arg(number));
        if (row.contains(QStringLiteral("target"))) {
            p.target = targetOf(row.value(QStringLiteral("target")));
            if (!p.target)
                return fail(Text::tr("device %1 of its list has a destination that cannot be read")
                                .arg(number));
        }
        for (const auto &[key, field] : {std::pair {QStringLiteral("name"), &p.name},
                 std::pair {QStringLiteral("notes"), &p.notes}}) {
            if (!row.contains(key))
                continue;
            const QJsonValue v = row.value(key);
            if (!v.isString())
                return fail(Text::tr("device %1 of its list has a name or notes that are not text")
                                .arg(number));
            *field = v.toString();
        }
        out.append(p);
    }
    if (error)
        error->clear();
    return out;
}

int importRequests(int identifiers, int fleetSize, int pageSize)
{
    if (identifiers <= 0)
        return 0;
    const qint64 imports = (qint64(identifiers) + ImportChunk - 1) / ImportChunk;
    const qint64 devices = qint64(std::max(fleetSize, 0)) + identifiers;
    const qint64 page = std::max(pageSize, 1);
    const qint64 pages = std::max<qint64>(1, (devices + page - 1) / page);
    const qint64 lists = 3; // groups, releases, customers
    return static_cast<int>(std::min<qint64>(imports + lists + pages, INT_MAX));
}

QString identifierKey(const QString &identifier)
{
    return identifier.trimmed().toLower();
}

QHash<QString, QString> deviceIdsByIdentifier(const FleetState &state)
{
    QHash<QString, QString> out;
    out.reserve(state.devices.size() * 4);
    for (auto it = state.devices.cbegin(); it != state.devices.cend(); ++it)
        out.insert(identifierKey(it->id), it.key());
    for (auto it = state.devices.cbegin(); it != state.devices.cend(); ++it) {
        for (const QString *alias : {&it->serialNumber, &it->iccid, &it->imei}) {
            const QString key = identifierKey(*alias);
            if (!key.isEmpty() && !out.contains(key))
                out.insert(key, it.key());
        }
    }
    return out;
}

bool touchesAllDevices(const Store::OutboxEntry &e)
{
    if (e.kind == GroupDelete)
        return true;
    return e.kind == GroupUpdate
        && e.payload.value(QStringLiteral("fields")).toObject().contains(QStringLiteral("name"));
}

void applyToDevice(Domain::Device &device, const Store::OutboxEntry &e, bool member)
{
    const auto touches = [&] { return member || e.deviceIds.contains(device.id); };
    if (e.kind == DeviceGroups) {
        if (touches())
            device.groups = Domain::applyDelta(device.groups, deltaOf(e));
    } else if (e.kind == DeviceClaim) {
        if (touches())
            device.owner = e.payload.value(QStringLiteral("account")).toString();
    } else if (e.kind == DeviceUnclaim) {
        if (touches())
            device.owner.clear();
    } else if (e.kind == DeviceUpdate) {
        if (!touches())
            return;
        const QJsonObject fields = e.payload.value(QStringLiteral("fields")).toObject();
        if (fields.contains(QStringLiteral("name")))
            device.name = fields.value(QStringLiteral("name")).toString();
        if (fields.contains(QStringLiteral("notes"))) {
            device.hasNotes = fields.value(QStringLiteral("notes")).isString();
            device.notes = fields.value(QStringLiteral("notes")).toString();
        }
    } else if (e.kind == GroupUpdate) {
        const QString from = e.payload.value(QStringLiteral("name")).toString();
        const QJsonObject fields = e.payload.value(QStringLiteral("fields")).toObject();
        const QString to = fields.value(QStringLiteral("name")).toString();
        if (!to.isEmpty() && device.groups.contains(from)) {
            device.groups.removeAll(from);
            if (!device.groups.contains(to))
                device.groups.append(to);
            device.groups.sort();
        }
    } else if (e.kind == GroupDelete) {
        device.groups.removeAll(e.payload.value(QStringLiteral("name")).toString());
    }
}

QPair<QString, QString> renameOf(const Store::OutboxEntry &e)
{
    if (e.kind != GroupUpdate)
        return {};
    const QString to = e.payload.value(QStringLiteral("fields"))
                           .toObject()
                           .value(QStringLiteral("name"))
                           .toString();
    const QString from = e.payload.value(QStringLiteral("name")).toString();
    if (to.isEmpty() || to == from)
        return {};
    return {from, to};
}

void applyToFirmware(QMap<int, Domain::Firmware> &firmware, const Store::OutboxEntry &e)
{
    const auto [from, to] = renameOf(e);
    const QString deleted
        = e.kind == GroupDelete ? e.payload.value(QStringLiteral("name")).toString() : QString();
    if (from.isEmpty() && deleted.isEmpty())
        return;
    for (Domain::Firmware &fw : firmware) {
        if (!deleted.isEmpty()) {
            fw.groups.removeAll(deleted);
        } else if (fw.groups.contains(from)) {
            fw.groups.removeAll(from);
            if (!fw.groups.contains(to))
                fw.groups.append(to);
            fw.groups.sort();
        }
    }
}

void applyToGroups(QMap<QString, Domain::Group> &groups, const Store::OutboxEntry &e)
{
    if (e.kind == GroupCreate) {
        const QString name = e.payload.value(QStringLiteral("name")).toString();
        Domain::Group g = groups.value(name);
        g.name = name;
        g.description = e.payload.value(QStringLiteral("description")).toString();
        g.color = e.payload.value(QStringLiteral("color")).toString();
        groups.insert(name, g);
    } else if (e.kind == GroupUpdate) {
        const QString from = e.payload.value(QStringLiteral("name")).toString();
        if (!groups.contains(from))
            return;
        Domain::Group g = groups.take(from);
        const QJsonObject fields = e.payload.value(QStringLiteral("fields")).toObject();
        if (fields.contains(QStringLiteral("name")))
            g.name = fields.value(QStringLiteral("name")).toString();
        if (fields.contains(QStringLiteral("description")))
            g.description = fields.value(QStringLiteral("description")).toString();
        if (fields.contains(QStringLiteral("color")))
            g.color = fields.value(QStringLiteral("color")).toString();
        groups.insert(g.name, g);
    } else if (e.kind == GroupDelete) {
        groups.remove(e.payload.value(QStringLiteral("name")).toString());
    } else if (e.kind == DeviceGroups) {
        // Particle creates unknown groups when devices are added to them.
        for (const QString &name : strings(e.payload.value(QStringLiteral("add")))) {
            if (!groups.contains(name))
                groups.insert(name, Domain::Group {name, {}, {}, std::nullopt});
        }
    }
}

} // namespace Flotilla::Sync::Outbox
