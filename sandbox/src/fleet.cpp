// SPDX-License-Identifier: MIT
#include "fleet.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace Flotilla::Sandbox {

namespace {

QJsonValue timeOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(Fleet::isoTime(ms)) : QJsonValue(QJsonValue::Null);
}

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

// A number fixed for a device (from its id), so that its simulated readings stay put without
// drawing from its generator (whose draws decide its simulated outcomes).
quint64 deviceHash(const Device &d)
{
    const QByteArray h = QCryptographicHash::hash(d.id.toLatin1(), QCryptographicHash::Sha1);
    quint64 v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | static_cast<unsigned char>(h.at(i));
    return v;
}

// The secret a mobile app uses for BLE setup: 15 characters like the documented examples.
QString mobileSecret(const Device &d)
{
    static constexpr char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    const QByteArray h = QCryptographicHash::hash(
        QByteArray("mobile-secret:" + d.id.toLatin1()), QCryptographicHash::Sha256);
    QString out;
    for (int i = 0; i < 15; ++i)
        out.append(QLatin1Char(alphabet[static_cast<unsigned char>(h.at(i)) % 32]));
    return out;
}

} // namespace

QString Fleet::isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

void Fleet::recomputeReleases()
{
    groupRelease.clear();
    productDefault.reset();
    for (const Firmware &fw : std::as_const(firmware)) {
        if (fw.productDefault)
            productDefault = fw.version;
        for (int g : fw.groups)
            groupRelease.insert(g, std::max(groupRelease.value(g, 0), fw.version));
    }
}

TargetInput Fleet::targetInputOf(const Device &device) const
{
    TargetInput in;
    in.development = device.development;
    in.lockedVersion = device.desiredVersion;
    for (int g : device.groups) {
        const auto it = groupRelease.constFind(g);
        if (it != groupRelease.constEnd())
            in.groupReleaseVersions.append(*it);
    }
    in.productDefault = productDefault;
    return in;
}

std::optional<int> Fleet::targetOf(const Device &device) const
{
    return targetedFirmwareVersion(targetInputOf(device));
}

int Fleet::findDevice(const QString &idOrAlias) const
{
    const auto it = deviceById.constFind(idOrAlias.toLower());
    if (it != deviceById.constEnd())
        return *it;
    return deviceByAlias.value(idOrAlias.toUpper(), -1);
}

int Fleet::findGroup(const QString &name) const
{
    return groupByName.value(name, -1);
}

int Fleet::ensureGroup(const QString &name)
{
    const int existing = findGroup(name);
    if (existing >= 0)
        return existing;
    const int id = static_cast<int>(groups.size());
    groups.push_back(Group {name, QString(), QStringLiteral("#34495e"), true});
    groupByName.insert(name, id);
    revision();
    return id;
}

Firmware *Fleet::findFirmware(int version)
{
    for (Firmware &fw : firmware) {
        if (fw.version == version)
            return &fw;
    }
    return nullptr;
}

const Customer *Fleet::findCustomer(const QString &username) const
{
    for (const Customer &c : customers) {
        if (c.username.compare(username, Qt::CaseInsensitive) == 0)
            return &c;
    }
    return nullptr;
}

const User *Fleet::findUser(const QString &username) const
{
    for (const User &u : users) {
        if (u.username.compare(username, Qt::CaseInsensitive) == 0)
            return &u;
    }
    return nullptr;
}

QStringList Fleet::groupNames(const Device &device) const
{
    QStringList names;
    names.reserve(device.groups.size());
    for (int g : device.groups)
        names.append(groups[static_cast<size_t>(g)].name);
    names.sort();
    return names;
}

QJsonObject Fleet::deviceJson(const Device &d, bool detailed) const
{
    const std::optional<int> target = targetOf(d);
    QJsonObject o;
    o.insert(QStringLiteral("id"), d.id);
    o.insert(QStringLiteral("name"), stringOrNull(d.name));
    o.insert(QStringLiteral("owner"), stringOrNull(d.owner));
    o.insert(QStringLiteral("last_ip_address"), stringOrNull(d.lastIp));
    o.insert(QStringLiteral("last_heard"), timeOrNull(d.lastHeardMs));
    o.insert(QStringLiteral("last_handshake_at"), timeOrNull(d.lastHandshakeMs));
    o.insert(QStringLiteral("product_id"), d.inProduct ? product.id : d.platformId);
    o.insert(QStringLiteral("online"), d.online);
    o.insert(QStringLiteral("connected"), d.online);
    o.insert(QStringLiteral("platform_id"), d.platformId);
    o.insert(QStringLiteral("cellular"), d.cellular);
    o.insert(
        QStringLiteral("notes"), d.hasNotes ? QJsonValue(d.notes) : QJsonValue(QJsonValue::Null));
    QJsonArray functions;
    QJsonObject variables;
    if (hasCloudApi(d)) {
        for (const char *f : DeviceFunctions)
            functions.append(QLatin1String(f));
        for (const CloudVariable &v : DeviceVariables)
            variables.insert(QLatin1String(v.name), QLatin1String(v.type));
    }
    o.insert(QStringLiteral("functions"), functions);
    o.insert(QStringLiteral("variables"), variables);
    o.insert(QStringLiteral("status"), QStringLiteral("normal"));
    o.insert(QStringLiteral("serial_number"), d.serial);
    if (!d.iccid.isEmpty())
        o.insert(QStringLiteral("iccid"), d.iccid);
    if (!d.imei.isEmpty())
        o.insert(QStringLiteral("imei"), d.imei);
    o.insert(QStringLiteral("mobile_secret"), mobileSecret(d));
    o.insert(QStringLiteral("system_firmware_version"), d.systemFirmware);
    if (detailed) {
        // Documented as deprecated in favour of system_firmware_version, and still sent.
        o.insert(QStringLiteral("current_build_target"), d.systemFirmware);
        o.insert(QStringLiteral("default_build_target"), QLatin1String(DefaultBuildTarget));
    }
    o.insert(QStringLiteral("firmware_updates_enabled"), d.updatesEnabled);
    o.insert(QStringLiteral("firmware_updates_forced"), d.updatesForced);
    o.insert(QStringLiteral("device_protection"),
        QJsonObject {{QStringLiteral("status"), QStringLiteral("disabled")}});
    if (d.inProduct) {
        o.insert(QStringLiteral("firmware_product_id"), product.id);
        o.insert(QStringLiteral("groups"), QJsonArray::fromStringList(groupNames(d)));
        o.insert(QStringLiteral("firmware_version"), d.firmwareVersion);
        o.insert(QStringLiteral("desired_firmware_version"),
            d.desiredVersion ? QJsonValue(*d.desiredVersion) : QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("targeted_firmware_release_version"),
            target ? QJsonValue(*target) : QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("development"), d.development);
        o.insert(QStringLiteral("quarantined"), d.quarantined);
        o.insert(QStringLiteral("denied"), false);
    }
    return o;
}

QJsonValue Fleet::variableValue(const Device &d, const QString &name, qint64 atMs)
{
    const quint64 h = deviceHash(d);
    if (name == QLatin1String("temperature")) {
        // Between 12 and 28 degrees, plus a daily swing of 3.
        const double day = double(atMs % 86400000) / 86400000.0;
        const double phase = double(h % 1000) / 1000.0;
        const double t
            = 12.0 + double(h % 160) / 10.0 + 3.0 * std::sin(2 * std::numbers::pi * (day + phase));
        return std::round(t * 100) / 100;
    }
    if (name == QLatin1String("battery"))
        return 40.0 + double((h >> 10) % 600) / 10.0;
    if (name == QLatin1String("rssi"))
        return -55 - static_cast<int>((h >> 20) % 50);
    if (name == QLatin1String("version"))
        return d.firmwareVersion;
    return QJsonValue(QJsonValue::Undefined);
}

std::optional<int> Fleet::callFunction(const QString &name, const QString &argument)
{
    if (name == QLatin1String("led")) {
        if (argument == QLatin1String("on"))
            return 1;
        return argument == QLatin1String("off") ? 0 : -1;
    }
    if (name == QLatin1String("cmd")) {
        if (argument == QLatin1String("ping"))
            return 1;
        return argument == QLatin1String("report") ? 0 : -1;
    }
    return std::nullopt;
}

int Fleet::deviceCountInGroup(int groupId) const
{
    int n = 0;
    for (const Device &d : devices) {
        if (d.inProduct && d.groups.contains(groupId))
            ++n;
    }
    return n;
}

QJsonObject Fleet::groupJson(int groupId, bool withCount) const
{
    const Group &g = groups[static_cast<size_t>(groupId)];
    QJsonObject o {{QStringLiteral("name"), g.name}, {QStringLiteral("description"), g.description},
        {QStringLiteral("color"), g.color}};
    const auto rel = groupRelease.constFind(groupId);
    if (rel != groupRelease.constEnd())
        o.insert(QStringLiteral("fw_version"), *rel);
    if (withCount)
        o.insert(QStringLiteral("device_count"), deviceCountInGroup(groupId));
    return o;
}

QJsonObject Fleet::firmwareJson(
    const Firmware &fw, bool withDeviceCount, bool withIntelligent) const
{
    QJsonArray groupList;
    QStringList names;
    for (int g : fw.groups)
        names.append(groups[static_cast<size_t>(g)].name);
    names.sort();
    for (const QString &n : std::as_const(names))
        groupList.append(n);
    QJsonObject o {{QStringLiteral("_id"), fw.id}, {QStringLiteral("version"), fw.version},
        {QStringLiteral("title"), fw.title}, {QStringLiteral("description"), fw.description},
        {QStringLiteral("name"), fw.fileName}, {QStringLiteral("size"), fw.binary.size()},
        {QStringLiteral("product_default"), fw.productDefault},
        {QStringLiteral("current"), fw.productDefault}, {QStringLiteral("groups"), groupList},
        {QStringLiteral("mandatory"), fw.mandatory},
        {QStringLiteral("uploaded_on"), isoTime(fw.uploadedMs)},
        {QStringLiteral("updated_at"), isoTime(fw.updatedMs)},
        {QStringLiteral("product_id"), product.id},
        {QStringLiteral("uploaded_by"), QJsonObject {{QStringLiteral("username"), fw.uploadedBy}}}};
    // Particle documents `intelligent` on the release answer only.
    if (withIntelligent)
        o.insert(QStringLiteral("intelligent"), fw.intelligent);
    if (withDeviceCount) {
        int n = 0;
        for (const Device &d : devices) {
            if (d.inProduct && d.firmwareVersion == fw.version)
                ++n;
        }
        o.insert(QStringLiteral("device_count"), n);
    }
    return o;
}

void Fleet::addDevice(Device device)
{
    devices.push_back(std::move(device));
    indexDevice(static_cast<int>(devices.size()) - 1);
    revision();
}

void Fleet::indexDevice(int index)
{
    const Device &d = devices[static_cast<size_t>(index)];
    deviceById.insert(d.id, index);
    if (!d.serial.isEmpty())
        deviceByAlias.insert(d.serial.toUpper(), index);
    if (!d.iccid.isEmpty())
        deviceByAlias.insert(d.iccid.toUpper(), index);
    if (!d.imei.isEmpty())
        deviceByAlias.insert(d.imei.toUpper(), index);
}

void Fleet::setDeviceGroups(int index, QList<int> groupIds)
{
    std::sort(groupIds.begin(), groupIds.end());
    groupIds.erase(std::unique(groupIds.begin(), groupIds.end()), groupIds.end());
    Device &d = devices[static_cast<size_t>(index)];
    if (d.groups == groupIds)
        return;
    d.groups = std::move(groupIds);
    revision();
    if (observer)
        observer->targetMayHaveChanged(index, false);
}

void Fleet::setOwner(int index, const QString &owner)
{
    devices[static_cast<size_t>(index)].owner = owner;
    revision();
}

void Fleet::removeGroup(int groupId)
{
    Group &g = groups[static_cast<size_t>(groupId)];
    g.alive = false;
    groupByName.remove(g.name);
    for (Firmware &fw : firmware)
        fw.groups.removeAll(groupId);
    recomputeReleases();
    for (size_t i = 0; i < devices.size(); ++i) {
        Device &d = devices[i];
        if (d.groups.removeAll(groupId) > 0 && observer)
            observer->targetMayHaveChanged(static_cast<int>(i), false);
    }
    revision();
}

void Fleet::retargetAll(bool pushNow)
{
    if (!observer)
        return;
    for (size_t i = 0; i < devices.size(); ++i) {
        if (devices[i].inProduct)
            observer->targetMayHaveChanged(static_cast<int>(i), pushNow);
    }
}

void Fleet::retargetGroup(int groupId, bool pushNow)
{
    if (!observer)
        return;
    for (size_t i = 0; i < devices.size(); ++i) {
        if (devices[i].inProduct && devices[i].groups.contains(groupId))
            observer->targetMayHaveChanged(static_cast<int>(i), pushNow);
    }
}

const std::vector<int> &Fleet::idRanks() const
{
    if (m_idRanks.size() != devices.size()) {
        std::vector<int> order(devices.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = static_cast<int>(i);
        std::sort(order.begin(), order.end(), [this](int a, int b) {
            return devices[static_cast<size_t>(a)].id < devices[static_cast<size_t>(b)].id;
        });
        m_idRanks.assign(devices.size(), 0);
        for (size_t r = 0; r < order.size(); ++r)
            m_idRanks[static_cast<size_t>(order[r])] = static_cast<int>(r);
    }
    return m_idRanks;
}

quint64 Fleet::nextRandom()
{
    return splitmix64(m_rng);
}

QString Fleet::randomSecret(int hexLength)
{
    static constexpr char digits[] = "0123456789abcdef";
    QString out;
    out.reserve(hexLength);
    QRandomGenerator *rng = QRandomGenerator::system();
    for (int i = 0; i < hexLength; ++i)
        out.append(QLatin1Char(digits[rng->bounded(16)]));
    return out;
}

QString Fleet::newHexId(int length)
{
    static constexpr char digits[] = "0123456789abcdef";
    QString out;
    out.reserve(length);
    quint64 bits = 0;
    int left = 0;
    for (int i = 0; i < length; ++i) {
        if (left == 0) {
            bits = nextRandom();
            left = 16;
        }
        out.append(QLatin1Char(digits[bits & 0xf]));
        bits >>= 4;
        --left;
    }
    return out;
}

} // namespace Flotilla::Sandbox
