// SPDX-License-Identifier: MIT
#include "sync/fleetoverview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>

namespace Flotilla::Sync {

namespace {

constexpr int FormatVersion = 1;

QJsonArray countsToJson(const ContainerCounts &c)
{
    QJsonArray firmware;
    for (const auto &[version, count] : c.firmware) {
        firmware.append(version);
        firmware.append(count);
    }
    return QJsonArray {c.devices, c.online, c.offTarget, c.pending, firmware};
}

// Whole, non-negative numbers in the ranges the counts can have; anything else is refused.
std::optional<int> count(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (d < 0 || d > 1e9 || d != static_cast<double>(static_cast<int>(d)))
        return std::nullopt;
    return static_cast<int>(d);
}

std::optional<ContainerCounts> countsFromJson(const QJsonValue &value)
{
    const QJsonArray a = value.toArray();
    if (a.size() != 5 || !a.at(4).isArray())
        return std::nullopt;
    ContainerCounts c;
    int *const fields[] = {&c.devices, &c.online, &c.offTarget, &c.pending};
    for (int i = 0; i < 4; ++i) {
        const std::optional<int> n = count(a.at(i));
        if (!n)
            return std::nullopt;
        *fields[i] = *n;
    }
    const QJsonArray firmware = a.at(4).toArray();
    if (firmware.size() % 2 != 0)
        return std::nullopt;
    int sum = 0;
    for (qsizetype i = 0; i < firmware.size(); i += 2) {
        const std::optional<int> version = count(firmware.at(i));
        const std::optional<int> devices = count(firmware.at(i + 1));
        if (!version || !devices || *devices == 0)
            return std::nullopt;
        if (!c.firmware.empty() && c.firmware.back().first >= *version)
            return std::nullopt;
        c.firmware.emplace_back(*version, *devices);
        sum += *devices;
    }
    if (c.online > c.devices || c.offTarget > c.devices || c.pending > c.devices
        || sum != c.devices)
        return std::nullopt;
    return c;
}

} // namespace

void ContainerCounts::addDevice(
    int firmwareVersion, bool isOnline, bool isOffTarget, bool isPending)
{
    ++devices;
    online += isOnline ? 1 : 0;
    offTarget += isOffTarget ? 1 : 0;
    pending += isPending ? 1 : 0;
    addFirmware(firmwareVersion, 1);
}

void ContainerCounts::addFirmware(int version, int count)
{
    auto it = std::lower_bound(firmware.begin(), firmware.end(), version,
        [](const std::pair<int, int> &e, int v) { return e.first < v; });
    if (it != firmware.end() && it->first == version) {
        it->second += count;
        if (it->second == 0)
            firmware.erase(it);
    } else if (count != 0) {
        firmware.insert(it, {version, count});
    }
}

void ContainerCounts::add(const ContainerCounts &other, int sign)
{
    devices += sign * other.devices;
    online += sign * other.online;
    offTarget += sign * other.offTarget;
    pending += sign * other.pending;
    for (const auto &[version, n] : other.firmware)
        addFirmware(version, sign * n);
}

int FleetOverview::deviceCount() const
{
    int n = unassigned.devices + returns.devices + needsRepair.devices;
    for (const ContainerCounts &c : nodes)
        n += c.devices;
    return n;
}

FleetOverview FleetOverview::of(const FleetState &state, const QSet<QString> &pending)
{
    FleetOverview overview;
    const Domain::Hierarchy hierarchy = state.hierarchy();
    // Most devices share their group list with many others.
    QHash<QStringList, Domain::Placement> placements;
    for (const Domain::Device &device : state.devices) {
        auto it = placements.constFind(device.groups);
        if (it == placements.cend())
            it = placements.insert(device.groups, Domain::placeDevice(device.groups, hierarchy));
        const Domain::Placement &placement = it.value();
        ContainerCounts *counts = &overview.needsRepair;
        switch (placement.kind) {
        case Domain::PlacementKind::Unassigned:
            counts = &overview.unassigned;
            break;
        case Domain::PlacementKind::Returns:
            counts = &overview.returns;
            break;
        case Domain::PlacementKind::Node:
            if (hierarchy.nodes().contains(placement.path))
                counts = &overview.nodes[placement.path];
            break;
        case Domain::PlacementKind::Inconsistent:
            break;
        }
        const int version = device.firmwareVersion;
        const bool offTarget = device.targetedFirmwareVersion.has_value()
            && *device.targetedFirmwareVersion != version;
        counts->addDevice(version, device.online, offTarget, pending.contains(device.id));
    }
    return overview;
}

QString FleetOverview::syncStateKey()
{
    return QStringLiteral("fleet_overview");
}

QByteArray FleetOverview::toJson() const
{
    QJsonObject nodeCounts;
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it)
        nodeCounts.insert(it.key(), countsToJson(it.value()));
    const QJsonObject o {
        {QStringLiteral("format"), FormatVersion},
        {QStringLiteral("written_ms"), static_cast<double>(writtenMs)},
        {QStringLiteral("unassigned"), countsToJson(unassigned)},
        {QStringLiteral("returns"), countsToJson(returns)},
        {QStringLiteral("needs_repair"), countsToJson(needsRepair)},
        {QStringLiteral("nodes"), nodeCounts},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<FleetOverview> FleetOverview::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toInt(-1) != FormatVersion
        || !o.value(QStringLiteral("nodes")).isObject())
        return std::nullopt;
    FleetOverview overview;
    overview.writtenMs = static_cast<qint64>(o.value(QStringLiteral("written_ms")).toDouble());
    const std::pair<const char *, ContainerCounts *> pools[] = {
        {"unassigned", &overview.unassigned},
        {"returns", &overview.returns},
        {"needs_repair", &overview.needsRepair},
    };
    for (const auto &[key, counts] : pools) {
        const std::optional<ContainerCounts> c = countsFromJson(o.value(QLatin1String(key)));
        if (!c)
            return std::nullopt;
        *counts = *c;
    }
    const QJsonObject nodeCounts = o.value(QStringLiteral("nodes")).toObject();
    overview.nodes.reserve(nodeCounts.size());
    for (auto it = nodeCounts.constBegin(); it != nodeCounts.constEnd(); ++it) {
        const std::optional<ContainerCounts> c = countsFromJson(it.value());
        if (!c || it.key().isEmpty())
            return std::nullopt;
        overview.nodes.insert(it.key(), *c);
    }
    return overview;
}

} // namespace Flotilla::Sync
