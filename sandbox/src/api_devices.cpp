// SPDX-License-Identifier: MIT
#include "api.h"
#include "names.h"
#include "paging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace Flotilla::Sandbox {

namespace {

constexpr int MaxDeviceNameLength = 63;

QString deviceNameError(const QString &name)
{
    if (name.isEmpty() || name.size() > MaxDeviceNameLength)
        return QStringLiteral("Device name must be 1 to %1 characters").arg(MaxDeviceNameLength);
    for (const QChar c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('_')
            && c != QLatin1Char('-'))
            return QStringLiteral("Device name may only contain letters, digits, underscore and "
                                  "hyphen: '%1'")
                .arg(name);
    }
    return {};
}

ApiResponse badRequest(const QString &message)
{
    return ApiResponse::apiError(400, message);
}

// The product firmware version a flashed binary reports once it runs: the version whose upload
// it is, else the PRODUCT_VERSION its header announces, else 0 (not product firmware).
int flashedVersion(const QList<Firmware> &firmware, const QByteArray &binary)
{
    for (const Firmware &fw : firmware) {
        if (fw.binary == binary)
            return fw.version;
    }
    static constexpr QByteArrayView marker("PRODUCT_VERSION=");
    const qsizetype at
        = QByteArrayView(binary).first(std::min<qsizetype>(binary.size(), 4096)).indexOf(marker);
    if (at < 0)
        return 0;
    qsizetype end = at + marker.size();
    while (end < binary.size() && end - at - marker.size() < 5 && binary.at(end) >= '0'
        && binary.at(end) <= '9')
        ++end;
    bool ok = false;
    const int version = binary.mid(at + marker.size(), end - at - marker.size()).toInt(&ok);
    return ok && version >= 1 && version <= 65535 ? version : 0;
}

// Source code would need the cloud compiler, which the sandbox does not have.
bool looksLikeSource(const FilePart &file)
{
    static const QStringList extensions {QStringLiteral(".cpp"), QStringLiteral(".c"),
        QStringLiteral(".h"), QStringLiteral(".hpp"), QStringLiteral(".cc"), QStringLiteral(".ino"),
        QStringLiteral(".properties")};
    return std::any_of(extensions.cbegin(), extensions.cend(),
        [&](const QString &e) { return file.fileName.endsWith(e, Qt::CaseInsensitive); });
}

} // namespace

int Api::productDevice(const QString &id) const
{
    const auto it = m_fleet.deviceById.constFind(id.toLower());
    if (it == m_fleet.deviceById.constEnd())
        return -1;
    return m_fleet.devices[static_cast<size_t>(*it)].inProduct ? *it : -1;
}

Outcome Api::deviceNotFound(const QString &)
{
    // The real cloud's text (particle-cli's product device tests): it does not repeat the id.
    return respond(ApiResponse::apiError(404, QStringLiteral("Device not found for this product")));
}

int Api::visibleDevice(const Auth &auth, const QString &id) const
{
    const auto it = m_fleet.deviceById.constFind(id.toLower());
    if (it == m_fleet.deviceById.constEnd()
        || !canSeeDevice(auth, m_fleet.devices[static_cast<size_t>(*it)]))
        return -1;
    return *it;
}

Outcome Api::unrecognizedDevice()
{
    // `info` carries the real cloud's text, which particle-cli looks for; the real cloud answers
    // 403 "Permission Denied" with it, the sandbox keeps 404 (see sandbox/README.md).
    return respond(ApiResponse::json(404,
        QJsonObject {{QStringLiteral("ok"), false},
            {QStringLiteral("error"), QStringLiteral("Device not found")},
            {QStringLiteral("info"),
                QStringLiteral("I didn't recognize that device name or ID")}}));
}

bool Api::canSeeDevice(const Auth &auth, const Device &device) const
{
    switch (auth.kind) {
    case TokenKind::User:
    case TokenKind::Product:
        return device.inProduct || device.owner == auth.subject;
    case TokenKind::Customer:
        return device.owner == auth.subject;
    }
    return false;
}

Outcome Api::listDevices(Context &ctx)
{
    const Fields &q = ctx.query;
    const Paging paging = parsePaging(q, 25, m_limits.maxPerPage);
    if (!paging.error.isEmpty())
        return respond(badRequest(paging.error));
    const QString sortAttr
        = q.string(QStringLiteral("sortAttr")).value_or(QStringLiteral("lastConnection"));
    const QString sortDir
        = q.string(QStringLiteral("sortDir"))
              .value_or(sortAttr == QLatin1String("lastConnection") ? QStringLiteral("desc")
                                                                    : QStringLiteral("asc"));
    static const QStringList sortAttrs {QStringLiteral("deviceName"), QStringLiteral("deviceId"),
        QStringLiteral("firmwareVersion"), QStringLiteral("lastConnection")};
    if (!sortAttrs.contains(sortAttr))
        return respond(badRequest(QStringLiteral("sortAttr must be one of %1")
                                      .arg(sortAttrs.join(QStringLiteral(", ")))));
    if (sortDir != QLatin1String("asc") && sortDir != QLatin1String("desc"))
        return respond(badRequest(QStringLiteral("sortDir must be asc or desc")));
    QString error;
    const QString idFilter = q.string(QStringLiteral("deviceId")).value_or(QString()).toLower();
    const QString nameFilter = q.string(QStringLiteral("deviceName")).value_or(QString());
    const QString serialFilter = q.string(QStringLiteral("serialNumber")).value_or(QString());
    const QStringList groupFilter
        = q.list(QStringLiteral("groups"), &error).value_or(QStringList());
    const std::optional<bool> quarantined = q.boolean(QStringLiteral("quarantined"), &error);
    if (!error.isEmpty())
        return respond(badRequest(error));
    QList<int> groupIds;
    bool groupFilterActive = false;
    for (const QString &name : groupFilter) {
        if (name.isEmpty())
            continue;
        groupFilterActive = true;
        const int g = m_fleet.findGroup(name);
        if (g >= 0)
            groupIds.append(g);
    }

    // Each match carries its sort key: an integer primary key (firmwareVersion, lastConnection;
    // negated for desc) and the device's rank in id order (Fleet::idRanks) as the tie-break, so
    // selecting a page compares integers, not ids.
    enum class SortBy { Id, Name, Firmware, LastConnection };
    const SortBy sortBy = sortAttr == QLatin1String("deviceId") ? SortBy::Id
        : sortAttr == QLatin1String("deviceName")               ? SortBy::Name
        : sortAttr == QLatin1String("firmwareVersion")          ? SortBy::Firmware
                                                                : SortBy::LastConnection;
    const bool desc = sortDir == QLatin1String("desc");
    struct Match
    {
        qint64 primary;
        int rank;
        int index;
    };
    const auto &devs = m_fleet.devices;
    const std::vector<int> &idRank = m_fleet.idRanks();
    std::vector<Match> matches;
    matches.reserve(devs.size());
    for (size_t i = 0; i < devs.size(); ++i) {
        const Device &d = devs[i];
#if defined(__GNUC__)
        // The scan is memory-bound (a cache line per device): fetch ahead.
        if (i + 64 < devs.size())
            __builtin_prefetch(&devs[i + 64].inProduct);
#endif
        if (!d.inProduct || d.quarantined != quarantined.value_or(false))
            continue;
        if (!idFilter.isEmpty() && !d.id.contains(idFilter))
            continue;
        if (!nameFilter.isEmpty() && !d.name.contains(nameFilter, Qt::CaseInsensitive))
            continue;
        if (!serialFilter.isEmpty() && !d.serial.contains(serialFilter, Qt::CaseInsensitive))
            continue;
        if (groupFilterActive && std::none_of(groupIds.cbegin(), groupIds.cend(), [&](int g) {
                return d.groups.contains(g);
            }))
            continue;
        const int rank = idRank[i];
        qint64 primary = 0;
        switch (sortBy) {
        case SortBy::Id:
        case SortBy::Name:
            break;
        case SortBy::Firmware:
            primary = desc ? -qint64(d.firmwareVersion) : d.firmwareVersion;
            break;
        case SortBy::LastConnection:
            // "Last connection" is the handshake: see sandbox/README.md for the evidence.
            primary = desc ? -d.lastHandshakeMs : d.lastHandshakeMs;
            break;
        }
        matches.push_back(Match {primary, rank, static_cast<int>(i)});
    }

    const qsizetype total = static_cast<qsizetype>(matches.size());
    const qsizetype first = std::min(paging.first(), total);
    const qsizetype last = std::min(first + paging.perPage, total);
    std::vector<int> page; // device indices, in order
    page.reserve(static_cast<size_t>(last - first));
    if (sortBy == SortBy::Id) {
        // Ranks are positions in id order: place each match at its rank and read the page off.
        std::vector<int> byRank(devs.size(), -1);
        for (const Match &m : matches)
            byRank[static_cast<size_t>(m.rank)] = m.index;
        const auto readPage = [&](auto it, auto end) {
            for (qsizetype seen = 0; it != end && seen < last; ++it) {
                if (*it >= 0 && seen++ >= first)
                    page.push_back(*it);
            }
        };
        if (desc)
            readPage(byRank.crbegin(), byRank.crend());
        else
            readPage(byRank.cbegin(), byRank.cend());
    } else {
        // Select the page without sorting everything: O(n) per request on average.
        const auto selectPage = [&](auto less) {
            if (first > 0)
                std::nth_element(matches.begin(), matches.begin() + first, matches.end(), less);
            if (last > first)
                std::partial_sort(
                    matches.begin() + first, matches.begin() + last, matches.end(), less);
        };
        if (sortBy == SortBy::Name) {
            selectPage([&devs, desc](const Match &a, const Match &b) {
                const int c = QString::compare(devs[static_cast<size_t>(a.index)].name,
                    devs[static_cast<size_t>(b.index)].name, Qt::CaseInsensitive);
                return c != 0 ? (desc ? c > 0 : c < 0) : a.rank < b.rank;
            });
        } else {
            selectPage([](const Match &a, const Match &b) {
                return a.primary != b.primary ? a.primary < b.primary : a.rank < b.rank;
            });
        }
        for (qsizetype i = first; i < last; ++i)
            page.push_back(matches[static_cast<size_t>(i)].index);
    }

    QJsonArray deviceArray;
    QJsonArray customerArray;
    QSet<QString> seenOwners;
    for (const int index : page) {
        const Device &d = devs[static_cast<size_t>(index)];
        deviceArray.append(m_fleet.deviceJson(d));
        if (!d.owner.isEmpty() && !seenOwners.contains(d.owner)) {
            seenOwners.insert(d.owner);
            if (const Customer *c = m_fleet.findCustomer(d.owner))
                customerArray.append(QJsonObject {
                    {QStringLiteral("id"), c->id}, {QStringLiteral("username"), c->username}});
        }
    }
    return respond(ApiResponse::json(200,
        QJsonObject {{QStringLiteral("devices"), deviceArray},
            {QStringLiteral("customers"), customerArray},
            {QStringLiteral("meta"),
                QJsonObject {{QStringLiteral("total_pages"), paging.totalPages(total)}}}}));
}

Outcome Api::getProductDevice(Context &ctx)
{
    const int i = productDevice(ctx.params.at(1));
    if (i < 0)
        return deviceNotFound(ctx.params.at(1));
    return respond(
        ApiResponse::json(200, m_fleet.deviceJson(m_fleet.devices[static_cast<size_t>(i)], true)));
}

Outcome Api::importDevices(Context &ctx)
{
    QStringList identifiers;
    QString error;
    if (auto id = ctx.fields.string(QStringLiteral("id")))
        identifiers.append(*id);
    if (auto ids = ctx.fields.list(QStringLiteral("ids"), &error))
        identifiers.append(*ids);
    if (!error.isEmpty())
        return respond(badRequest(error));
    for (const FilePart &file : std::as_const(ctx.files)) {
        if (file.fieldName != QLatin1String("file"))
            continue;
        for (const QByteArray &line : file.data.split('\n')) {
            const QString s = QString::fromUtf8(line).trimmed();
            if (!s.isEmpty())
                identifiers.append(s);
        }
    }
    if (identifiers.isEmpty())
        return respond(badRequest(QStringLiteral("Nothing to import: send 'id', 'ids' or a "
                                                 "multipart 'file' with one identifier per line")));
    QString claimUser;
    if (auto cu = ctx.fields.string(QStringLiteral("claim_user"))) {
        if (!m_fleet.findUser(*cu))
            return respond(
                badRequest(QStringLiteral("claim_user %1 is not a team member").arg(*cu)));
        claimUser = m_fleet.findUser(*cu)->username;
    }

    QJsonArray updated, existing, nonmember, invalid;
    for (const QString &ident : std::as_const(identifiers)) {
        // Only units Particle knows: the product's, the factory stock and other products'.
        const int i = m_fleet.findDevice(ident);
        if (i < 0) {
            invalid.append(ident);
            continue;
        }
        Device &d = m_fleet.devices[static_cast<size_t>(i)];
        if (d.foreignProductId != 0) {
            nonmember.append(ident);
            continue;
        }
        if (d.inProduct && !d.quarantined) {
            existing.append(ident);
            continue;
        }
        const bool wasStock = !d.inProduct;
        d.inProduct = true;
        d.quarantined = false;
        if (!claimUser.isEmpty())
            d.owner = claimUser;
        m_fleet.revision();
        updated.append(ident);
        if (m_fleet.observer) {
            m_fleet.observer->targetMayHaveChanged(i, false);
            if (wasStock && m_fleet.importedStockConnects)
                m_fleet.observer->connectImported(i);
        }
    }
    return respond(ApiResponse::json(200,
        QJsonObject {{QStringLiteral("updated"), updated.size()},
            {QStringLiteral("updatedDeviceIds"), updated},
            {QStringLiteral("existingDeviceIds"), existing},
            {QStringLiteral("nonmemberDeviceIds"), nonmember},
            {QStringLiteral("invalidDeviceIds"), invalid},
            {QStringLiteral("protectedDeviceIds"), QJsonArray()}}));
}

Outcome Api::removeDevice(Context &ctx)
{
    const int i = productDevice(ctx.params.at(1));
    if (i < 0)
        return deviceNotFound(ctx.params.at(1));
    Device &d = m_fleet.devices[static_cast<size_t>(i)];
    if (!d.owner.isEmpty() && m_fleet.findCustomer(d.owner))
        d.owner.clear();
    d.inProduct = false;
    d.groups.clear();
    d.desiredVersion.reset();
    d.development = false;
    d.updating = false;
    ++d.simGeneration;
    m_fleet.revision();
    return respond(ApiResponse::noContent());
}

Outcome Api::updateDevice(Context &ctx)
{
    const int i = productDevice(ctx.params.at(1));
    if (i < 0)
        return deviceNotFound(ctx.params.at(1));
    if (!ctx.files.isEmpty())
        return flashBinary(ctx, i);
    return applyUpdate(i, ctx.fields);
}

Outcome Api::flashBinary(const Context &ctx, int index)
{
    const FilePart *file = nullptr;
    for (const FilePart &f : ctx.files) {
        if (f.fieldName == QLatin1String("file")) {
            file = &f;
            break;
        }
    }
    if (!file || file->data.isEmpty())
        return respond(badRequest(
            QStringLiteral("Send the firmware binary to flash as the multipart part 'file'")));
    if (ctx.files.size() > 1 || looksLikeSource(*file)
        || ctx.fields.string(QStringLiteral("file_type")).value_or(QStringLiteral("binary"))
            != QLatin1String("binary"))
        return respond(badRequest(QStringLiteral("The sandbox has no compiler: flash one compiled "
                                                 "binary (file_type=binary), not source code")));
    if (file->data.size() > MaxFirmwareBytes)
        return respond(ApiResponse::apiError(
            413, QStringLiteral("Firmware binary is larger than %1 bytes").arg(MaxFirmwareBytes)));
    Device &d = m_fleet.devices[static_cast<size_t>(index)];
    if (!d.inProduct || !d.online)
        return respond(badRequest(
            QStringLiteral("Device %1 is offline: a binary is only flashed to a connected device")
                .arg(d.id)));
    if (d.updating)
        return respond(badRequest(
            QStringLiteral("Device %1 is taking an update already; flash it when that is done")
                .arg(d.id)));
    if (!m_fleet.observer
        || !m_fleet.observer->flashNow(index, flashedVersion(m_fleet.firmware, file->data)))
        return respond(ApiResponse::apiError(
            500, QStringLiteral("The update could not be started on device %1").arg(d.id)));
    return respond(ApiResponse::json(200,
        QJsonObject {{QStringLiteral("id"), d.id},
            {QStringLiteral("status"), QStringLiteral("Update started")}}));
}

Outcome Api::applyUpdate(int index, const Fields &f)
{
    Device &d = m_fleet.devices[static_cast<size_t>(index)];
    QString error;
    // Validate everything first: a request is applied whole or not at all.
    const auto name = f.string(QStringLiteral("name"));
    if (name) {
        error = deviceNameError(*name);
        if (!error.isEmpty())
            return respond(badRequest(error));
    }
    const bool hasNotes = f.has(QStringLiteral("notes"));
    const auto groups = f.list(QStringLiteral("groups"), &error);
    if (!error.isEmpty())
        return respond(badRequest(error));
    if (groups) {
        for (const QString &g : *groups) {
            const QString e = groupNameError(g);
            if (!e.isEmpty())
                return respond(badRequest(e));
        }
    }
    const bool hasLock = f.has(QStringLiteral("desired_firmware_version"));
    std::optional<int> lock;
    if (hasLock && !f.isNull(QStringLiteral("desired_firmware_version"))) {
        const auto v = f.integer(QStringLiteral("desired_firmware_version"), &error);
        if (!error.isEmpty())
            return respond(badRequest(error));
        if (!m_fleet.findFirmware(static_cast<int>(*v)))
            return respond(badRequest(
                QStringLiteral("Firmware version %1 does not exist in this product").arg(*v)));
        lock = static_cast<int>(*v);
    }
    const auto flash = f.boolean(QStringLiteral("flash"), &error);
    const auto development = f.boolean(QStringLiteral("development"), &error);
    const auto forced = f.boolean(QStringLiteral("firmware_updates_forced"), &error);
    const auto signal = f.boolean(QStringLiteral("signal"), &error);
    if (!error.isEmpty())
        return respond(badRequest(error));
    if (!name && !hasNotes && !groups && !hasLock && !development && !forced && !signal)
        return respond(badRequest(QStringLiteral("Nothing to update: send name, notes, groups, "
                                                 "desired_firmware_version, development, "
                                                 "firmware_updates_forced or signal")));

    QJsonObject out {{QStringLiteral("id"), d.id}};
    if (signal) {
        out.insert(QStringLiteral("connected"), d.online);
        out.insert(QStringLiteral("signaling"), *signal && d.online);
    }
    if (name) {
        d.name = *name;
        out.insert(QStringLiteral("name"), d.name);
    }
    if (hasNotes) {
        d.hasNotes = !f.isNull(QStringLiteral("notes"));
        d.notes = d.hasNotes ? f.string(QStringLiteral("notes")).value_or(QString()) : QString();
        out.insert(QStringLiteral("notes"), d.hasNotes ? QJsonValue(d.notes) : QJsonValue());
    }
    bool retarget = false;
    if (groups) {
        QList<int> ids;
        for (const QString &g : *groups)
            ids.append(m_fleet.ensureGroup(g));
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        if (ids != d.groups) {
            d.groups = ids;
            retarget = true;
        }
        out.insert(QStringLiteral("groups"), QJsonArray::fromStringList(m_fleet.groupNames(d)));
    }
    if (hasLock) {
        d.desiredVersion = lock;
        retarget = true;
        // The documented answer has no `flash`: it is an instruction, not a property.
        out.insert(
            QStringLiteral("desired_firmware_version"), lock ? QJsonValue(*lock) : QJsonValue());
    }
    if (development) {
        d.development = *development;
        retarget = true;
        out.insert(QStringLiteral("development"), d.development);
    }
    if (forced) {
        d.updatesForced = *forced;
        retarget = true;
        out.insert(QStringLiteral("firmware_updates_forced"), d.updatesForced);
    }
    out.insert(QStringLiteral("updated_at"), Fleet::isoTime(m_fleet.now()));
    m_fleet.revision();
    if (retarget && m_fleet.observer)
        m_fleet.observer->targetMayHaveChanged(index, lock.has_value() && flash.value_or(false));
    return respond(ApiResponse::json(200, out));
}

Outcome Api::unclaimProductDevice(Context &ctx)
{
    const int i = productDevice(ctx.params.at(1));
    if (i < 0)
        return deviceNotFound(ctx.params.at(1));
    m_fleet.setOwner(i, QString());
    return respond(ApiResponse::ok());
}

Outcome Api::batchDevices(Context &ctx)
{
    if (ctx.fields.kind() != BodyKind::Json)
        return respond(badRequest(
            QStringLiteral("Batch updates need a JSON body: {\"action\": \"groups\", \"devices\": "
                           "[...], \"metadata\": {\"add\": [...], \"remove\": [...]}}")));
    const QJsonObject body = ctx.fields.values();
    const QString action = body.value(QStringLiteral("action")).toString();
    if (action != QLatin1String("groups"))
        return respond(
            badRequest(QStringLiteral("Unsupported action '%1': the only batch action is 'groups'")
                           .arg(action)));
    const QJsonValue devicesValue = body.value(QStringLiteral("devices"));
    if (!devicesValue.isArray() || devicesValue.toArray().isEmpty())
        return respond(
            badRequest(QStringLiteral("'devices' must be a non-empty array of device IDs")));
    const QJsonArray deviceArray = devicesValue.toArray();
    if (deviceArray.size() > MaxBatchDevices)
        return respond(badRequest(
            QStringLiteral("At most %1 devices per batch request, got %2: split the batch")
                .arg(MaxBatchDevices)
                .arg(deviceArray.size())));
    const QJsonObject metadata = body.value(QStringLiteral("metadata")).toObject();
    Fields meta(metadata);
    QString error;
    const QStringList add = meta.list(QStringLiteral("add"), &error).value_or(QStringList());
    const QStringList remove = meta.list(QStringLiteral("remove"), &error).value_or(QStringList());
    if (!error.isEmpty())
        return respond(badRequest(error));
    if (add.isEmpty() && remove.isEmpty())
        return respond(
            badRequest(QStringLiteral("'metadata' must have a non-empty 'add' or 'remove' list")));
    for (const QString &g : add + remove) {
        const QString e = groupNameError(g);
        if (!e.isEmpty())
            return respond(badRequest(e));
    }
    QList<int> indexes;
    QStringList unknown;
    for (const QJsonValue &v : deviceArray) {
        const int i = v.isString() ? productDevice(v.toString()) : -1;
        if (i < 0)
            unknown.append(v.isString() ? v.toString() : QStringLiteral("(not a string)"));
        else
            indexes.append(i);
    }
    if (!unknown.isEmpty())
        return respond(ApiResponse::apiError(404,
            QStringLiteral("Device not found for this product: %1")
                .arg(unknown.mid(0, 20).join(QStringLiteral(", ")))));
    QList<int> addIds;
    for (const QString &g : add)
        addIds.append(m_fleet.ensureGroup(g));
    QList<int> removeIds;
    for (const QString &g :
        m_fleet.batchAppliesAddOnly && !add.isEmpty() ? QStringList() : remove) {
        const int id = m_fleet.findGroup(g);
        if (id >= 0)
            removeIds.append(id);
    }
    for (int i : std::as_const(indexes)) {
        QList<int> ids = m_fleet.devices[static_cast<size_t>(i)].groups;
        for (int r : std::as_const(removeIds))
            ids.removeAll(r);
        ids.append(addIds);
        m_fleet.setDeviceGroups(i, ids);
    }
    return respond(ApiResponse::ok());
}

Outcome Api::pingDevice(Context &ctx)
{
    const int i = productDevice(ctx.params.at(1));
    if (i < 0)
        return deviceNotFound(ctx.params.at(1));
    return respond(ApiResponse::json(200,
        QJsonObject {{QStringLiteral("online"), m_fleet.devices[static_cast<size_t>(i)].online},
            {QStringLiteral("ok"), true}}));
}

Outcome Api::impact(Context &ctx)
{
    const Fields &q = ctx.query;
    const QString action = q.string(QStringLiteral("action")).value_or(QString());
    if (action != QLatin1String("edit_groups_for_firmware"))
        return respond(badRequest(QStringLiteral("'action' must be edit_groups_for_firmware")));
    QString error;
    const auto version = q.integer(QStringLiteral("firmware_version"), &error);
    const QStringList groupNames = q.list(QStringLiteral("groups"), &error).value_or(QStringList());
    const bool productDefault
        = q.boolean(QStringLiteral("product_default"), &error).value_or(false);
    if (!error.isEmpty())
        return respond(badRequest(error));
    if (!version || !m_fleet.findFirmware(static_cast<int>(*version)))
        return respond(ApiResponse::apiError(
            404, QStringLiteral("Firmware version %1 not found").arg(version.value_or(0))));
    const int v = static_cast<int>(*version);
    // The hypothetical release state: version v released to exactly `groups`, and product
    // default or not.
    QHash<int, int> groupRelease;
    std::optional<int> defaultVersion;
    QSet<int> groups;
    for (const QString &g : groupNames) {
        const int id = m_fleet.findGroup(g);
        if (id >= 0)
            groups.insert(id);
    }
    for (const Firmware &fw : std::as_const(m_fleet.firmware)) {
        const bool isV = fw.version == v;
        if (isV ? productDefault : fw.productDefault)
            defaultVersion = std::max(defaultVersion.value_or(0), fw.version);
        const QList<int> released = isV ? QList<int>(groups.cbegin(), groups.cend()) : fw.groups;
        for (int g : released)
            groupRelease.insert(g, std::max(groupRelease.value(g, 0), fw.version));
    }
    if (productDefault)
        defaultVersion = v;
    QMap<int, int> byVersion;
    int total = 0;
    for (const Device &d : m_fleet.devices) {
        if (!d.inProduct)
            continue;
        TargetInput in = m_fleet.targetInputOf(d);
        in.groupReleaseVersions.clear();
        for (int g : d.groups) {
            const auto it = groupRelease.constFind(g);
            if (it != groupRelease.constEnd())
                in.groupReleaseVersions.append(*it);
        }
        in.productDefault = defaultVersion;
        const std::optional<int> before = m_fleet.targetOf(d);
        const std::optional<int> after = targetedFirmwareVersion(in);
        if (after != before && after && *after != d.firmwareVersion) {
            ++byVersion[d.firmwareVersion];
            ++total;
        }
    }
    QJsonArray list;
    for (auto it = byVersion.cbegin(); it != byVersion.cend(); ++it)
        list.append(QJsonObject {
            {QStringLiteral("version"), it.key()}, {QStringLiteral("total"), it.value()}});
    return respond(ApiResponse::json(200,
        QJsonObject {{QStringLiteral("devices"),
            QJsonObject {{QStringLiteral("firmware_update"),
                QJsonObject {
                    {QStringLiteral("total"), total}, {QStringLiteral("by_version"), list}}}}}}));
}

Outcome Api::listOwnDevices(Context &ctx)
{
    QJsonArray out;
    for (const Device &d : m_fleet.devices) {
        if (!d.owner.isEmpty() && d.owner == ctx.auth.subject)
            out.append(m_fleet.deviceJson(d));
    }
    return respond(ApiResponse::json(200, out));
}

Outcome Api::getOwnDevice(Context &ctx)
{
    const int i = visibleDevice(ctx.auth, ctx.params.at(0));
    if (i < 0)
        return unrecognizedDevice();
    return respond(
        ApiResponse::json(200, m_fleet.deviceJson(m_fleet.devices[static_cast<size_t>(i)], true)));
}

Outcome Api::updateOwnDevice(Context &ctx)
{
    const int i = visibleDevice(ctx.auth, ctx.params.at(0));
    if (i < 0)
        return unrecognizedDevice();
    if (!ctx.files.isEmpty())
        return flashBinary(ctx, i);
    // What this route documents; the product's own settings go through the product route.
    for (const QString &key : {QStringLiteral("groups"), QStringLiteral("desired_firmware_version"),
             QStringLiteral("development")}) {
        if (ctx.fields.has(key))
            return respond(badRequest(QStringLiteral("'%1' is changed through "
                                                     "/v1/products/:productIdOrSlug/devices/:id")
                                          .arg(key)));
    }
    return applyUpdate(i, ctx.fields);
}

Outcome Api::productVariable(Context &ctx)
{
    const int i = productDevice(ctx.params.at(1));
    if (i < 0)
        return deviceNotFound(ctx.params.at(1));
    return readVariable(ctx, i, ctx.params.at(2));
}

Outcome Api::productFunction(Context &ctx)
{
    const int i = productDevice(ctx.params.at(1));
    if (i < 0)
        return deviceNotFound(ctx.params.at(1));
    return callDeviceFunction(ctx, i, ctx.params.at(2));
}

Outcome Api::ownVariable(Context &ctx)
{
    const int i = visibleDevice(ctx.auth, ctx.params.at(0));
    if (i < 0)
        return unrecognizedDevice();
    return readVariable(ctx, i, ctx.params.at(1));
}

Outcome Api::ownFunction(Context &ctx)
{
    const int i = visibleDevice(ctx.auth, ctx.params.at(0));
    if (i < 0)
        return unrecognizedDevice();
    return callDeviceFunction(ctx, i, ctx.params.at(1));
}

namespace {
bool rawFormat(const Api::Context &ctx)
{
    return ctx.query.string(QStringLiteral("format")) == QStringLiteral("raw")
        || ctx.fields.string(QStringLiteral("format")) == QStringLiteral("raw");
}

ApiResponse rawAnswer(const QJsonValue &value)
{
    ApiResponse r;
    r.contentType = "text/plain";
    r.body = value.isString()
        ? value.toString().toUtf8()
        : QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    return r;
}
} // namespace

Outcome Api::readVariable(const Context &ctx, int index, const QString &name)
{
    const Device &d = m_fleet.devices[static_cast<size_t>(index)];
    // What the real cloud answers when the device cannot be reached (a 408, see the README).
    if (!d.inProduct || !d.online)
        return respond(ApiResponse::apiError(408, QStringLiteral("Timed out.")));
    const QJsonValue value = Fleet::hasCloudApi(d) ? Fleet::variableValue(d, name, m_fleet.now())
                                                   : QJsonValue(QJsonValue::Undefined);
    if (value.isUndefined())
        return respond(ApiResponse::apiError(404, QStringLiteral("Variable not found")));
    if (rawFormat(ctx))
        return respond(rawAnswer(value));
    return respond(ApiResponse::json(200,
        QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("result"), value},
            {QStringLiteral("coreInfo"),
                QJsonObject {{QStringLiteral("name"), d.name}, {QStringLiteral("deviceID"), d.id},
                    {QStringLiteral("connected"), true},
                    {QStringLiteral("last_handshake_at"), Fleet::isoTime(d.lastHandshakeMs)},
                    {QStringLiteral("last_app"), QString()}}}}));
}

Outcome Api::callDeviceFunction(const Context &ctx, int index, const QString &name)
{
    // The reference documents `arg`; particle-api-js sends `args`.
    const QString argument
        = ctx.fields.string(QStringLiteral("arg"))
              .value_or(ctx.fields.string(QStringLiteral("args")).value_or(QString()));
    if (argument.size() > MaxFunctionArgument)
        return respond(
            badRequest(QStringLiteral("The function argument must be at most %1 characters")
                           .arg(MaxFunctionArgument)));
    const Device &d = m_fleet.devices[static_cast<size_t>(index)];
    // The real cloud answers an unreachable device's function call with 400 (see the README).
    if (!d.inProduct || !d.online)
        return respond(ApiResponse::apiError(400, QStringLiteral("Timed out")));
    const std::optional<int> result
        = Fleet::hasCloudApi(d) ? Fleet::callFunction(name, argument) : std::nullopt;
    if (!result)
        return respond(
            ApiResponse::apiError(404, QStringLiteral("Function %1 not found").arg(name)));
    if (rawFormat(ctx))
        return respond(rawAnswer(*result));
    return respond(ApiResponse::json(200,
        QJsonObject {{QStringLiteral("id"), d.id}, {QStringLiteral("name"), d.name},
            {QStringLiteral("connected"), true}, {QStringLiteral("return_value"), *result}}));
}

Outcome Api::claimDevice(Context &ctx)
{
    if (ctx.auth.kind == TokenKind::Product)
        return respond(badRequest(
            QStringLiteral("A product token cannot claim devices: use a user or customer token")));
    const QString id = ctx.fields.string(QStringLiteral("id")).value_or(QString()).trimmed();
    if (id.isEmpty())
        return respond(badRequest(QStringLiteral("'id' is required: the device ID to claim")));
    QString error;
    const bool transfer
        = ctx.fields.boolean(QStringLiteral("request_transfer"), &error).value_or(false);
    // The real cloud's answer for any id it does not know, well-formed or not (particle-cli).
    const auto it = m_fleet.deviceById.constFind(id.toLower());
    if (it == m_fleet.deviceById.constEnd())
        return respond(ApiResponse::apiError(404, QStringLiteral("device not found")));
    Device &d = m_fleet.devices[static_cast<size_t>(*it)];
    if (!d.owner.isEmpty() && d.owner != ctx.auth.subject)
        return respond(ApiResponse::apiError(403,
            transfer ? QStringLiteral(
                "Ownership transfers are not available in the sandbox; unclaim the device first")
                     : QStringLiteral("That belongs to someone else.")));
    if (!d.inProduct && !d.online)
        return respond(
            badRequest(QStringLiteral("Device %1 must be online to be claimed").arg(id)));
    if (ctx.auth.kind == TokenKind::Customer && !d.inProduct)
        return respond(ApiResponse::apiError(
            403, QStringLiteral("Customers can only claim devices of the product")));
    m_fleet.setOwner(*it, ctx.auth.subject);
    QString userId = ctx.auth.subject;
    if (const Customer *c = m_fleet.findCustomer(ctx.auth.subject))
        userId = c->id;
    else if (const User *u = m_fleet.findUser(ctx.auth.subject))
        userId = u->id;
    return respond(ApiResponse::json(200,
        QJsonObject {{QStringLiteral("ok"), true}, {QStringLiteral("user_id"), userId},
            {QStringLiteral("id"), d.id}, {QStringLiteral("connected"), d.online}}));
}

Outcome Api::unclaimOwnDevice(Context &ctx)
{
    const auto it = m_fleet.deviceById.constFind(ctx.params.at(0).toLower());
    if (it == m_fleet.deviceById.constEnd()
        || m_fleet.devices[static_cast<size_t>(*it)].owner != ctx.auth.subject)
        return unrecognizedDevice();
    m_fleet.setOwner(*it, QString());
    return respond(ApiResponse::ok());
}

} // namespace Flotilla::Sandbox
