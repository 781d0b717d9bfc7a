// SPDX-License-Identifier: MIT
#include "api.h"
#include "names.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace Flotilla::Sandbox {

namespace {

constexpr int MaxDescriptionLength = 4096;
constexpr int MaxFileNameLength = 255;

ApiResponse badRequest(const QString &message)
{
    return ApiResponse::apiError(400, message);
}

// Empty when an uploaded binary's file name may be kept; the problem otherwise. Only the last
// path component counts (browsers and form-data libraries may send a path).
QString fileNameError(const QString &name)
{
    if (name.size() > MaxFileNameLength)
        return QStringLiteral("The binary's file name must be at most %1 characters, got %2")
            .arg(MaxFileNameLength)
            .arg(name.size());
    for (const QChar c : name) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return QStringLiteral("The binary's file name must not contain control characters");
    }
    return {};
}

QString baseName(const QString &path)
{
    const qsizetype slash
        = std::max(path.lastIndexOf(QLatin1Char('/')), path.lastIndexOf(QLatin1Char('\\')));
    return slash < 0 ? path : path.mid(slash + 1);
}

// A Content-Disposition header for a stored file name, whatever it holds: an ASCII name without
// quotes, backslashes or control characters, and the name itself percent-encoded (RFC 6266).
QByteArray attachmentHeader(const QString &fileName)
{
    const QString name = fileName.left(MaxFileNameLength);
    QByteArray ascii;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        ascii += u >= 0x20 && u < 0x7f && u != u'"' && u != u'\\' ? static_cast<char>(u) : '_';
    }
    if (ascii.isEmpty())
        ascii = "firmware.bin";
    QByteArray header = "attachment; filename=\"" + ascii + '"';
    if (ascii != name.toUtf8())
        header += "; filename*=UTF-8''" + name.toUtf8().toPercentEncoding();
    return header;
}

QString colorError(const QString &color)
{
    static const QRegularExpression hex(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    if (!hex.match(color).hasMatch())
        return QStringLiteral("'color' must be a hex color like #34495e, got '%1'").arg(color);
    return {};
}

} // namespace

Outcome Api::listGroups(Context &ctx)
{
    const QString nameFilter = ctx.query.string(QStringLiteral("name")).value_or(QString());
    QList<int> ids;
    for (size_t i = 0; i < m_fleet.groups.size(); ++i) {
        const Group &g = m_fleet.groups[i];
        if (g.alive && (nameFilter.isEmpty() || g.name.contains(nameFilter)))
            ids.append(static_cast<int>(i));
    }
    std::sort(ids.begin(), ids.end(), [this](int a, int b) {
        return m_fleet.groups[static_cast<size_t>(a)].name
            < m_fleet.groups[static_cast<size_t>(b)].name;
    });
    QJsonArray out;
    for (int id : std::as_const(ids))
        out.append(m_fleet.groupJson(id, false));
    return respond(ApiResponse::json(200, QJsonObject {{QStringLiteral("groups"), out}}));
}

Outcome Api::getGroup(Context &ctx)
{
    const int g = m_fleet.findGroup(ctx.params.at(1));
    if (g < 0)
        return respond(
            ApiResponse::apiError(404, QStringLiteral("Group %1 not found").arg(ctx.params.at(1))));
    return respond(ApiResponse::json(
        200, QJsonObject {{QStringLiteral("group"), m_fleet.groupJson(g, true)}}));
}

Outcome Api::createGroup(Context &ctx)
{
    const QString name = ctx.fields.string(QStringLiteral("name")).value_or(QString());
    if (const QString e = groupNameError(name); !e.isEmpty())
        return respond(badRequest(e));
    if (m_fleet.findGroup(name) >= 0)
        return respond(badRequest(QStringLiteral("A group named '%1' already exists").arg(name)));
    const QString color
        = ctx.fields.string(QStringLiteral("color")).value_or(QStringLiteral("#34495e"));
    if (const QString e = colorError(color); !e.isEmpty())
        return respond(badRequest(e));
    const QString description
        = ctx.fields.string(QStringLiteral("description")).value_or(QString());
    if (description.size() > MaxDescriptionLength)
        return respond(badRequest(QStringLiteral("'description' must be at most %1 characters")
                                      .arg(MaxDescriptionLength)));
    const int id = m_fleet.ensureGroup(name);
    Group &g = m_fleet.groups[static_cast<size_t>(id)];
    g.color = color;
    g.description = m_fleet.keptDescription(description);
    return respond(ApiResponse::json(201,
        QJsonObject {{QStringLiteral("group"),
            QJsonObject {{QStringLiteral("name"), g.name},
                {QStringLiteral("description"), g.description},
                {QStringLiteral("color"), g.color}}}}));
}

Outcome Api::updateGroup(Context &ctx)
{
    const int id = m_fleet.findGroup(ctx.params.at(1));
    if (id < 0)
        return respond(
            ApiResponse::apiError(404, QStringLiteral("Group %1 not found").arg(ctx.params.at(1))));
    const auto name = ctx.fields.string(QStringLiteral("name"));
    const auto color = ctx.fields.string(QStringLiteral("color"));
    const auto description = ctx.fields.string(QStringLiteral("description"));
    if (!name && !color && !description)
        return respond(
            badRequest(QStringLiteral("Send at least one of name, color or description")));
    if (name) {
        if (const QString e = groupNameError(*name); !e.isEmpty())
            return respond(badRequest(e));
        const int other = m_fleet.findGroup(*name);
        if (other >= 0 && other != id)
            return respond(
                badRequest(QStringLiteral("A group named '%1' already exists").arg(*name)));
    }
    if (color) {
        if (const QString e = colorError(*color); !e.isEmpty())
            return respond(badRequest(e));
    }
    if (description && description->size() > MaxDescriptionLength)
        return respond(badRequest(QStringLiteral("'description' must be at most %1 characters")
                                      .arg(MaxDescriptionLength)));
    Group &g = m_fleet.groups[static_cast<size_t>(id)];
    if (name && *name != g.name) {
        m_fleet.groupByName.remove(g.name);
        g.name = *name;
        m_fleet.groupByName.insert(g.name, id);
        if (m_fleet.renameDropsRelease) {
            bool released = false;
            for (Firmware &fw : m_fleet.firmware)
                released = fw.groups.removeAll(id) > 0 || released;
            if (released)
                m_fleet.retargetGroup(id, false);
        }
    }
    if (color)
        g.color = *color;
    if (description)
        g.description = m_fleet.keptDescription(*description);
    m_fleet.revision();
    return respond(ApiResponse::json(
        200, QJsonObject {{QStringLiteral("group"), m_fleet.groupJson(id, true)}}));
}

Outcome Api::deleteGroup(Context &ctx)
{
    const int id = m_fleet.findGroup(ctx.params.at(1));
    if (id < 0)
        return respond(
            ApiResponse::apiError(404, QStringLiteral("Group %1 not found").arg(ctx.params.at(1))));
    m_fleet.removeGroup(id);
    return respond(ApiResponse::noContent());
}

Outcome Api::listFirmware(Context &)
{
    QJsonArray out;
    for (const Firmware &fw : std::as_const(m_fleet.firmware))
        out.append(m_fleet.firmwareJson(fw, true));
    return respond(ApiResponse::json(200, out));
}

Firmware *Api::firmwareParam(const QString &text)
{
    bool ok = false;
    const int version = text.toInt(&ok);
    return ok ? m_fleet.findFirmware(version) : nullptr;
}

Outcome Api::firmwareNotFound(const QString &version)
{
    return respond(
        ApiResponse::apiError(404, QStringLiteral("Firmware version %1 not found").arg(version)));
}

Outcome Api::getFirmware(Context &ctx)
{
    Firmware *fw = firmwareParam(ctx.params.at(1));
    if (!fw)
        return firmwareNotFound(ctx.params.at(1));
    return respond(ApiResponse::json(200, m_fleet.firmwareJson(*fw, false)));
}

Outcome Api::getFirmwareBinary(Context &ctx)
{
    Firmware *fw = firmwareParam(ctx.params.at(1));
    if (!fw)
        return firmwareNotFound(ctx.params.at(1));
    ApiResponse r;
    r.contentType = "application/octet-stream";
    r.body = fw->binary;
    r.headers.append({QByteArrayLiteral("Content-Disposition"), attachmentHeader(fw->fileName)});
    return respond(r);
}

Outcome Api::uploadFirmware(Context &ctx)
{
    if (ctx.fields.kind() != BodyKind::Multipart)
        return respond(badRequest(QStringLiteral(
            "Firmware uploads must be multipart/form-data with a 'binary' (or 'file') part")));
    const FilePart *binary = nullptr;
    for (const FilePart &f : std::as_const(ctx.files)) {
        if (f.fieldName == QLatin1String("binary") || f.fieldName == QLatin1String("file")) {
            binary = &f;
            break;
        }
    }
    if (!binary || binary->data.isEmpty())
        return respond(badRequest(QStringLiteral(
            "Missing firmware binary: send it as the multipart part 'binary' (or 'file')")));
    if (binary->data.size() > MaxFirmwareBytes)
        return respond(ApiResponse::apiError(
            413, QStringLiteral("Firmware binary is larger than %1 bytes").arg(MaxFirmwareBytes)));
    const QString fileName = baseName(binary->fileName);
    if (const QString e = fileNameError(fileName); !e.isEmpty())
        return respond(badRequest(e));
    QString error;
    const auto version = ctx.fields.integer(QStringLiteral("version"), &error);
    if (!error.isEmpty() || !version || *version < 1 || *version > 65535)
        return respond(badRequest(QStringLiteral("'version' must be an integer from 1 to 65535")));
    const QString title = ctx.fields.string(QStringLiteral("title")).value_or(QString()).trimmed();
    if (title.isEmpty())
        return respond(badRequest(QStringLiteral("'title' is required")));
    const QString description
        = ctx.fields.string(QStringLiteral("description")).value_or(QString());
    if (description.size() > MaxDescriptionLength)
        return respond(badRequest(QStringLiteral("'description' must be at most %1 characters")
                                      .arg(MaxDescriptionLength)));
    const bool mandatory = ctx.fields.boolean(QStringLiteral("mandatory"), &error).value_or(false);
    if (!error.isEmpty())
        return respond(badRequest(error));
    if (m_fleet.findFirmware(static_cast<int>(*version)))
        return respond(badRequest(
            QStringLiteral("Version %1 already exists; every upload needs a new version number")
                .arg(*version)));
    Firmware fw;
    fw.version = static_cast<int>(*version);
    fw.id = m_fleet.newHexId(24);
    fw.title = title;
    fw.description = description;
    fw.fileName = fileName.isEmpty() ? QStringLiteral("firmware.bin") : fileName;
    fw.binary = binary->data;
    fw.mandatory = mandatory;
    fw.uploadedMs = fw.updatedMs = m_fleet.now();
    fw.uploadedBy = ctx.auth.subject;
    for (const Device &d : m_fleet.devices) {
        if (d.inProduct && d.firmwareVersion == fw.version)
            fw.hasRun = true;
    }
    const auto pos = std::lower_bound(m_fleet.firmware.begin(), m_fleet.firmware.end(), fw.version,
        [](const Firmware &a, int v) { return a.version < v; });
    const Firmware &stored = *m_fleet.firmware.insert(pos, fw);
    m_fleet.revision();
    if (m_fleet.observer) {
        CloudEvent e;
        e.name = QStringLiteral("particle/firmware/create");
        e.data = QStringLiteral("{\"version\":\"%1\"}").arg(fw.version);
        e.coreId = QStringLiteral("api");
        e.productId = m_fleet.product.id;
        e.publishedMs = m_fleet.now();
        m_fleet.observer->publish(e);
    }
    return respond(ApiResponse::json(201, m_fleet.firmwareJson(stored, false)));
}

Outcome Api::editFirmware(Context &ctx)
{
    Firmware *fw = firmwareParam(ctx.params.at(1));
    if (!fw)
        return firmwareNotFound(ctx.params.at(1));
    QString error;
    const auto title = ctx.fields.string(QStringLiteral("title"));
    const auto description = ctx.fields.string(QStringLiteral("description"));
    const auto mandatory = ctx.fields.boolean(QStringLiteral("mandatory"), &error);
    if (!error.isEmpty())
        return respond(badRequest(error));
    if (title && title->trimmed().isEmpty())
        return respond(badRequest(QStringLiteral("'title' must not be empty")));
    if (description && description->size() > MaxDescriptionLength)
        return respond(badRequest(QStringLiteral("'description' must be at most %1 characters")
                                      .arg(MaxDescriptionLength)));
    if (title)
        fw->title = title->trimmed();
    if (description)
        fw->description = *description;
    if (mandatory)
        fw->mandatory = *mandatory;
    fw->updatedMs = m_fleet.now();
    m_fleet.revision();
    return respond(ApiResponse::json(200, m_fleet.firmwareJson(*fw, false)));
}

Outcome Api::deleteFirmware(Context &ctx)
{
    Firmware *fw = firmwareParam(ctx.params.at(1));
    if (!fw)
        return firmwareNotFound(ctx.params.at(1));
    const int version = fw->version;
    if (fw->everReleased)
        return respond(
            badRequest(QStringLiteral("Firmware version %1 has been released and cannot be deleted")
                           .arg(version)));
    for (const Device &d : m_fleet.devices) {
        if (d.inProduct && d.desiredVersion == version)
            return respond(badRequest(
                QStringLiteral("Firmware version %1 is locked on device %2 and cannot be deleted")
                    .arg(version)
                    .arg(d.id)));
    }
    m_fleet.firmware.removeIf([&](const Firmware &f) { return f.version == version; });
    m_fleet.revision();
    return respond(ApiResponse::noContent());
}

Outcome Api::releaseFirmware(Context &ctx)
{
    QString error;
    const auto version = ctx.fields.integer(QStringLiteral("version"), &error);
    if (!error.isEmpty() || !version)
        return respond(badRequest(QStringLiteral("'version' is required and must be an integer")));
    Firmware *fw = m_fleet.findFirmware(static_cast<int>(*version));
    if (!fw)
        return respond(ApiResponse::apiError(
            404, QStringLiteral("Firmware version %1 not found").arg(*version)));
    const auto productDefault = ctx.fields.boolean(QStringLiteral("product_default"), &error);
    const auto groupNames = ctx.fields.list(QStringLiteral("groups"), &error);
    const bool intelligent
        = ctx.fields.boolean(QStringLiteral("intelligent"), &error).value_or(false);
    if (!error.isEmpty())
        return respond(badRequest(error));
    if (!productDefault && !groupNames)
        return respond(badRequest(QStringLiteral(
            "Send 'product_default' and/or 'groups' to say where the version is released")));
    QList<int> groupIds;
    for (const QString &name : groupNames.value_or(QStringList())) {
        const int g = m_fleet.findGroup(name);
        if (g < 0)
            return respond(
                ApiResponse::apiError(404, QStringLiteral("Group %1 not found").arg(name)));
        if (!groupIds.contains(g))
            groupIds.append(g);
    }
    const bool releasing = productDefault.value_or(false) || !groupIds.isEmpty();
    if (releasing && !fw->everReleased && !fw->hasRun && m_fleet.requireFirmwareRanBeforeRelease)
        return respond(badRequest(
            QStringLiteral("Version %1 must run on at least one product device before its first "
                           "release: lock a test device to it and flash it first")
                .arg(*version)));

    QList<int> touchedGroups = fw->groups;
    if (groupNames) {
        for (Firmware &other : m_fleet.firmware) {
            if (other.version == fw->version)
                continue;
            for (int g : std::as_const(groupIds))
                other.groups.removeAll(g);
        }
        fw->groups = groupIds;
        touchedGroups.append(groupIds);
    }
    const bool defaultChanged = productDefault.has_value() && *productDefault != fw->productDefault;
    if (productDefault) {
        if (*productDefault) {
            for (Firmware &other : m_fleet.firmware)
                other.productDefault = false;
        }
        fw->productDefault = *productDefault;
    }
    fw->intelligent = intelligent;
    fw->everReleased = fw->everReleased || releasing;
    fw->updatedMs = m_fleet.now();
    m_fleet.recomputeReleases();
    m_fleet.revision();
    if (defaultChanged || productDefault.value_or(false)) {
        m_fleet.retargetAll(intelligent);
    } else {
        std::sort(touchedGroups.begin(), touchedGroups.end());
        touchedGroups.erase(
            std::unique(touchedGroups.begin(), touchedGroups.end()), touchedGroups.end());
        for (int g : std::as_const(touchedGroups))
            m_fleet.retargetGroup(g, intelligent);
    }
    if (m_fleet.observer) {
        CloudEvent e;
        e.name = QStringLiteral("particle/firmware/release");
        e.data = QStringLiteral("{\"immediate\":%1,\"version\":%2}")
                     .arg(intelligent ? QStringLiteral("true") : QStringLiteral("false"))
                     .arg(fw->version);
        e.coreId = QStringLiteral("api");
        e.productId = m_fleet.product.id;
        e.publishedMs = m_fleet.now();
        m_fleet.observer->publish(e);
    }
    return respond(ApiResponse::json(200, m_fleet.firmwareJson(*fw, false, true)));
}

} // namespace Flotilla::Sandbox
