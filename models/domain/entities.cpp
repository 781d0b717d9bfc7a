// SPDX-License-Identifier: MIT
#include "entities.h"

#include "domain/text.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

namespace Flotilla::Domain {

namespace {

// Reads fields of one JSON object and remembers the first problem.
class Reader
{
public:
    Reader(const QJsonObject &json, const char *what, QString *error)
        : m_json(json)
        , m_what(what)
        , m_error(error)
    { }

    bool ok() const { return m_ok; }

    QString string(const char *key, bool required = false)
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (v.isString())
            return v.toString();
        if ((v.isUndefined() || v.isNull()) && !required)
            return {};
        fail(key, required && (v.isUndefined() || v.isNull()) ? "is missing" : "is not a string");
        return {};
    }
    bool boolean(const char *key)
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (v.isBool())
            return v.toBool();
        if (!v.isUndefined() && !v.isNull())
            fail(key, "is not true or false");
        return false;
    }
    std::optional<int> optionalInt(const char *key)
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (d == static_cast<double>(static_cast<int>(d)))
                return static_cast<int>(d);
        }
        // Documented as a number; some examples show strings of digits.
        if (v.isString()) {
            bool ok = false;
            const int n = v.toString().toInt(&ok);
            if (ok)
                return n;
        }
        fail(key, "is not an integer");
        return std::nullopt;
    }
    int integer(const char *key) { return optionalInt(key).value_or(0); }
    qint64 time(const char *key)
    {
        const QString s = string(key);
        if (s.isEmpty())
            return 0;
        const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
        if (!t.isValid()) {
            fail(key, "is not an ISO-8601 time");
            return 0;
        }
        return t.toMSecsSinceEpoch();
    }
    QStringList strings(const char *key)
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        QStringList out;
        if (v.isUndefined() || v.isNull())
            return out;
        if (!v.isArray()) {
            fail(key, "is not an array");
            return out;
        }
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString()) {
                fail(key, "has an item that is not a string");
                return {};
            }
            out.append(item.toString());
        }
        out.sort();
        return out;
    }
    void fail(const char *key, const char *problem)
    {
        if (!m_ok)
            return;
        m_ok = false;
        if (m_error)
            *m_error = QStringLiteral("Malformed %1 from the server: '%2' %3")
                           .arg(QLatin1String(m_what), QLatin1String(key), QLatin1String(problem));
    }

private:
    const QJsonObject &m_json;
    const char *m_what;
    QString *m_error;
    bool m_ok = true;
};

} // namespace

QString deviceNameError(const QString &name)
{
    if (name.isEmpty() || name.size() > MaxDeviceNameLength)
        return Text::tr("a device name has 1 to %1 characters").arg(MaxDeviceNameLength);
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
            || (u >= u'0' && u <= u'9') || u == u'_' || u == u'-';
        if (!ok)
            return Text::tr("“%1” cannot be a device name: only letters A–Z, digits, '_' and '-' "
                            "are allowed")
                .arg(name.left(MaxDeviceNameLength));
    }
    return QString();
}

bool isDeviceId(QStringView text)
{
    return text.size() == 24 && std::all_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
    });
}

std::optional<Device> deviceFromJson(const QJsonObject &json, QString *error)
{
    Reader r(json, "device", error);
    Device d;
    d.id = r.string("id", true).toLower();
    if (r.ok() && !isDeviceId(d.id))
        r.fail("id", "is not a 24-character hexadecimal device ID");
    d.name = r.string("name");
    d.serialNumber = r.string("serial_number");
    d.iccid = r.string("iccid");
    d.imei = r.string("imei");
    d.hasNotes = json.value(QStringLiteral("notes")).isString();
    d.notes = r.string("notes");
    d.owner = r.string("owner");
    d.systemFirmwareVersion = r.string("system_firmware_version");
    d.groups = r.strings("groups");
    d.lastHeardMs = r.time("last_heard");
    d.lastHandshakeMs = r.time("last_handshake_at");
    d.productId = r.integer("product_id");
    d.platformId = r.integer("platform_id");
    d.firmwareVersion = r.integer("firmware_version");
    d.desiredFirmwareVersion = r.optionalInt("desired_firmware_version");
    d.targetedFirmwareVersion = r.optionalInt("targeted_firmware_release_version");
    d.development = r.boolean("development");
    d.online = r.boolean("online");
    d.quarantined = r.boolean("quarantined");
    if (!r.ok())
        return std::nullopt;
    return d;
}

std::optional<Group> groupFromJson(const QJsonObject &json, QString *error)
{
    Reader r(json, "group", error);
    Group g;
    g.name = r.string("name", true);
    g.description = r.string("description");
    g.color = r.string("color");
    g.releasedVersion = r.optionalInt("fw_version");
    if (!r.ok())
        return std::nullopt;
    return g;
}

std::optional<Firmware> firmwareFromJson(const QJsonObject &json, QString *error)
{
    Reader r(json, "firmware", error);
    Firmware f;
    f.version = r.optionalInt("version").value_or(-1);
    if (r.ok() && f.version < 0)
        r.fail("version", "is missing");
    f.title = r.string("title");
    f.description = r.string("description");
    f.groups = r.strings("groups");
    f.uploadedMs = r.time("uploaded_on");
    f.size = r.integer("size");
    f.productDefault = r.boolean("product_default");
    if (!r.ok())
        return std::nullopt;
    return f;
}

std::optional<Customer> customerFromJson(const QJsonObject &json, QString *error)
{
    Reader r(json, "customer", error);
    Customer c;
    c.id = r.string("id");
    c.username = r.string("username", true);
    if (!r.ok())
        return std::nullopt;
    return c;
}

std::optional<Product> productFromJson(const QJsonObject &json, QString *error)
{
    Reader r(json, "product", error);
    Product p;
    p.id = r.optionalInt("id").value_or(0);
    if (r.ok() && p.id <= 0)
        r.fail("id", "is missing");
    p.slug = r.string("slug");
    p.name = r.string("name");
    p.platformId = r.integer("platform_id");
    if (!r.ok())
        return std::nullopt;
    return p;
}

} // namespace Flotilla::Domain
