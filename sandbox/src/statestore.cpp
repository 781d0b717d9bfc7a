// SPDX-License-Identifier: MIT
#include "statestore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace Flotilla::Sandbox {

namespace {

constexpr int SchemaVersion = 1;

QString joinIds(const QList<int> &ids)
{
    QStringList parts;
    for (int id : ids)
        parts.append(QString::number(id));
    return parts.join(QLatin1Char(','));
}

QList<int> splitIds(const QString &text)
{
    QList<int> ids;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        ids.append(part.toInt());
    return ids;
}

// A named connection that is removed when the scope ends (after every query is gone).
class ScopedDatabase
{
public:
    explicit ScopedDatabase(const QString &path)
        : m_name(
            QStringLiteral("sandbox-state-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
    }
    ~ScopedDatabase() { QSqlDatabase::removeDatabase(m_name); }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};

bool exec(QSqlQuery &q, const QString &sql, QString *error)
{
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

const char *const Schema[] = {
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE users (id TEXT, username TEXT, password TEXT, mfa TEXT)",
    "CREATE TABLE customers (id TEXT, username TEXT, password TEXT, no_password INTEGER, "
    "created_ms INTEGER)",
    "CREATE TABLE groups_ (id INTEGER PRIMARY KEY, name TEXT, description TEXT, color TEXT, "
    "alive INTEGER)",
    "CREATE TABLE firmware (version INTEGER PRIMARY KEY, id TEXT, title TEXT, description TEXT, "
    "file_name TEXT, binary BLOB, product_default INTEGER, groups_ TEXT, intelligent INTEGER, "
    "ever_released INTEGER, has_run INTEGER, mandatory INTEGER, uploaded_ms INTEGER, "
    "updated_ms INTEGER, uploaded_by TEXT)",
    "CREATE TABLE devices (idx INTEGER PRIMARY KEY, id TEXT, name TEXT, serial TEXT, iccid TEXT, "
    "imei TEXT, notes TEXT, has_notes INTEGER, owner TEXT, last_ip TEXT, system_fw TEXT, "
    "groups_ TEXT, last_heard INTEGER, last_handshake INTEGER, platform INTEGER, fw INTEGER, "
    "desired INTEGER, foreign_product INTEGER, in_product INTEGER, cellular INTEGER, "
    "development INTEGER, online INTEGER, updates_enabled INTEGER, updates_forced INTEGER, "
    "quarantined INTEGER, active INTEGER, rng INTEGER, app_hash INTEGER)",
    "CREATE TABLE tokens (token TEXT PRIMARY KEY, kind INTEGER, subject TEXT, client TEXT, "
    "expires_ms INTEGER, refresh TEXT)",
};

} // namespace

bool StateStore::save(const Fleet &fleet, const QString &path, QString *error)
{
    const QString temp = path + QStringLiteral(".saving");
    QFile::remove(temp);
    {
        ScopedDatabase scoped(temp);
        QSqlDatabase db = scoped.db();
        if (!db.open()) {
            if (error)
                *error = db.lastError().text();
            return false;
        }
        QSqlQuery q(db);
        if (!exec(q, QStringLiteral("PRAGMA journal_mode=OFF"), error)
            || !exec(q, QStringLiteral("PRAGMA synchronous=OFF"), error))
            return false;
        db.transaction();
        for (const char *sql : Schema) {
            if (!exec(q, QString::fromLatin1(sql), error))
                return false;
        }
        const QJsonObject product {{QStringLiteral("id"), fleet.product.id},
            {QStringLiteral("slug"), fleet.product.slug},
            {QStringLiteral("name"), fleet.product.name},
            {QStringLiteral("description"), fleet.product.description},
            {QStringLiteral("platform_id"), fleet.product.platformId}};
        q.prepare(QStringLiteral("INSERT INTO meta VALUES (?, ?)"));
        const QList<std::pair<QString, QString>> meta {
            {QStringLiteral("schema"), QString::number(SchemaVersion)},
            {QStringLiteral("product"),
                QString::fromUtf8(QJsonDocument(product).toJson(QJsonDocument::Compact))},
            {QStringLiteral("oauth_client_id"), fleet.oauthClientId},
            {QStringLiteral("oauth_client_secret"), fleet.oauthClientSecret},
            {QStringLiteral("demo_token"), fleet.demoToken},
            {QStringLiteral("admin_token"), fleet.adminToken}};
        for (const auto &[k, v] : meta) {
            q.addBindValue(k);
            q.addBindValue(v);
            if (!q.exec())
                return exec(q, QString(), error);
        }
        q.prepare(QStringLiteral("INSERT INTO users VALUES (?, ?, ?, ?)"));
        for (const User &u : fleet.users) {
            q.addBindValue(u.id);
            q.addBindValue(u.username);
            q.addBindValue(u.password);
            q.addBindValue(u.mfaSecretBase32);
            q.exec();
        }
        q.prepare(QStringLiteral("INSERT INTO customers VALUES (?, ?, ?, ?, ?)"));
        for (const Customer &c : fleet.customers) {
            q.addBindValue(c.id);
            q.addBindValue(c.username);
            q.addBindValue(c.password);
            q.addBindValue(c.noPassword ? 1 : 0);
            q.addBindValue(c.createdMs);
            q.exec();
        }
        q.prepare(QStringLiteral("INSERT INTO groups_ VALUES (?, ?, ?, ?, ?)"));
        for (size_t i = 0; i < fleet.groups.size(); ++i) {
            const Group &g = fleet.groups[i];
            q.addBindValue(static_cast<int>(i));
            q.addBindValue(g.name);
            q.addBindValue(g.description);
            q.addBindValue(g.color);
            q.addBindValue(g.alive ? 1 : 0);
            q.exec();
        }
        q.prepare(QStringLiteral(
            "INSERT INTO firmware VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const Firmware &f : fleet.firmware) {
            for (const QVariant &v :
                {QVariant(f.version), QVariant(f.id), QVariant(f.title), QVariant(f.description),
                    QVariant(f.fileName), QVariant(f.binary), QVariant(f.productDefault),
                    QVariant(joinIds(f.groups)), QVariant(f.intelligent), QVariant(f.everReleased),
                    QVariant(f.hasRun), QVariant(f.mandatory), QVariant(f.uploadedMs),
                    QVariant(f.updatedMs), QVariant(f.uploadedBy)})
                q.addBindValue(v);
            q.exec();
        }
        q.prepare(
            QStringLiteral("INSERT INTO devices VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                           "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (size_t i = 0; i < fleet.devices.size(); ++i) {
            const Device &d = fleet.devices[i];
            for (const QVariant &v :
                {QVariant(static_cast<qint64>(i)), QVariant(d.id), QVariant(d.name),
                    QVariant(d.serial), QVariant(d.iccid), QVariant(d.imei), QVariant(d.notes),
                    QVariant(d.hasNotes), QVariant(d.owner), QVariant(d.lastIp),
                    QVariant(d.systemFirmware), QVariant(joinIds(d.groups)),
                    QVariant(d.lastHeardMs), QVariant(d.lastHandshakeMs), QVariant(d.platformId),
                    QVariant(d.updating ? d.firmwareVersion : d.firmwareVersion),
                    d.desiredVersion ? QVariant(*d.desiredVersion) : QVariant(),
                    QVariant(d.foreignProductId), QVariant(d.inProduct), QVariant(d.cellular),
                    QVariant(d.development), QVariant(d.online), QVariant(d.updatesEnabled),
                    QVariant(d.updatesForced), QVariant(d.quarantined), QVariant(d.active),
                    QVariant(static_cast<qint64>(d.rng)), QVariant(static_cast<qint64>(d.appHash))})
                q.addBindValue(v);
            if (!q.exec())
                return exec(q, QString(), error);
        }
        q.prepare(QStringLiteral("INSERT INTO tokens VALUES (?, ?, ?, ?, ?, ?)"));
        for (auto it = fleet.tokens.cbegin(); it != fleet.tokens.cend(); ++it) {
            q.addBindValue(it.key());
            q.addBindValue(static_cast<int>(it->kind));
            q.addBindValue(it->subject);
            q.addBindValue(it->client);
            q.addBindValue(it->expiresMs);
            q.addBindValue(it->refreshToken);
            q.exec();
        }
        if (!db.commit()) {
            if (error)
                *error = db.lastError().text();
            return false;
        }
        db.close();
    }
    QFile::remove(path);
    if (!QFile::rename(temp, path)) {
        if (error)
            *error = QStringLiteral("cannot rename %1 to %2").arg(temp, path);
        return false;
    }
    return true;
}

bool StateStore::load(Fleet &fleet, const QString &path, QString *error)
{
    ScopedDatabase scoped(path);
    QSqlDatabase db = scoped.db();
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    if (!exec(q, QStringLiteral("SELECT key, value FROM meta"), error))
        return false;
    QHash<QString, QString> meta;
    while (q.next())
        meta.insert(q.value(0).toString(), q.value(1).toString());
    if (meta.value(QStringLiteral("schema")).toInt() != SchemaVersion) {
        if (error)
            *error = QStringLiteral("unsupported state file schema '%1'")
                         .arg(meta.value(QStringLiteral("schema")));
        return false;
    }
    const QJsonObject product
        = QJsonDocument::fromJson(meta.value(QStringLiteral("product")).toUtf8()).object();
    fleet.product = Product {product.value(QStringLiteral("id")).toInt(),
        product.value(QStringLiteral("slug")).toString(),
        product.value(QStringLiteral("name")).toString(),
        product.value(QStringLiteral("description")).toString(),
        product.value(QStringLiteral("platform_id")).toInt()};
    fleet.oauthClientId = meta.value(QStringLiteral("oauth_client_id"));
    fleet.oauthClientSecret = meta.value(QStringLiteral("oauth_client_secret"));
    fleet.demoToken = meta.value(QStringLiteral("demo_token"));
    fleet.adminToken = meta.value(QStringLiteral("admin_token")); // empty in older files
    fleet.users.clear();
    exec(q, QStringLiteral("SELECT id, username, password, mfa FROM users"), error);
    while (q.next())
        fleet.users.append(User {q.value(0).toString(), q.value(1).toString(),
            q.value(2).toString(), q.value(3).toString()});
    fleet.customers.clear();
    exec(q, QStringLiteral("SELECT id, username, password, no_password, created_ms FROM customers"),
        error);
    while (q.next())
        fleet.customers.append(Customer {q.value(0).toString(), q.value(1).toString(),
            q.value(2).toString(), q.value(3).toBool(), q.value(4).toLongLong()});
    fleet.groups.clear();
    fleet.groupByName.clear();
    exec(q, QStringLiteral("SELECT name, description, color, alive FROM groups_ ORDER BY id"),
        error);
    while (q.next()) {
        fleet.groups.push_back(Group {q.value(0).toString(), q.value(1).toString(),
            q.value(2).toString(), q.value(3).toBool()});
        if (fleet.groups.back().alive)
            fleet.groupByName.insert(
                fleet.groups.back().name, static_cast<int>(fleet.groups.size()) - 1);
    }
    fleet.firmware.clear();
    exec(q,
        QStringLiteral(
            "SELECT version, id, title, description, file_name, binary, product_default, groups_, "
            "intelligent, ever_released, has_run, mandatory, uploaded_ms, updated_ms, uploaded_by "
            "FROM firmware ORDER BY version"),
        error);
    while (q.next()) {
        Firmware f;
        f.version = q.value(0).toInt();
        f.id = q.value(1).toString();
        f.title = q.value(2).toString();
        f.description = q.value(3).toString();
        f.fileName = q.value(4).toString();
        f.binary = q.value(5).toByteArray();
        f.productDefault = q.value(6).toBool();
        f.groups = splitIds(q.value(7).toString());
        f.intelligent = q.value(8).toBool();
        f.everReleased = q.value(9).toBool();
        f.hasRun = q.value(10).toBool();
        f.mandatory = q.value(11).toBool();
        f.uploadedMs = q.value(12).toLongLong();
        f.updatedMs = q.value(13).toLongLong();
        f.uploadedBy = q.value(14).toString();
        fleet.firmware.append(f);
    }
    fleet.devices.clear();
    fleet.deviceById.clear();
    fleet.deviceByAlias.clear();
    q.setForwardOnly(true);
    exec(q,
        QStringLiteral(
            "SELECT id, name, serial, iccid, imei, notes, has_notes, owner, last_ip, system_fw, "
            "groups_, last_heard, last_handshake, platform, fw, desired, foreign_product, "
            "in_product, cellular, development, online, updates_enabled, updates_forced, "
            "quarantined, active, rng, app_hash FROM devices ORDER BY idx"),
        error);
    while (q.next()) {
        Device d;
        d.id = q.value(0).toString();
        d.name = q.value(1).toString();
        d.serial = q.value(2).toString();
        d.iccid = q.value(3).toString();
        d.imei = q.value(4).toString();
        d.notes = q.value(5).toString();
        d.hasNotes = q.value(6).toBool();
        d.owner = q.value(7).toString();
        d.lastIp = q.value(8).toString();
        d.systemFirmware = q.value(9).toString();
        d.groups = splitIds(q.value(10).toString());
        d.lastHeardMs = q.value(11).toLongLong();
        d.lastHandshakeMs = q.value(12).toLongLong();
        d.platformId = q.value(13).toInt();
        d.firmwareVersion = q.value(14).toInt();
        if (!q.value(15).isNull())
            d.desiredVersion = q.value(15).toInt();
        d.foreignProductId = q.value(16).toInt();
        d.inProduct = q.value(17).toBool();
        d.cellular = q.value(18).toBool();
        d.development = q.value(19).toBool();
        d.online = q.value(20).toBool();
        d.updatesEnabled = q.value(21).toBool();
        d.updatesForced = q.value(22).toBool();
        d.quarantined = q.value(23).toBool();
        d.active = q.value(24).toBool();
        d.rng = static_cast<quint64>(q.value(25).toLongLong());
        d.appHash = static_cast<quint32>(q.value(26).toLongLong());
        fleet.devices.push_back(std::move(d));
        fleet.indexDevice(static_cast<int>(fleet.devices.size()) - 1);
    }
    fleet.tokens.clear();
    fleet.refreshTokens.clear();
    exec(q, QStringLiteral("SELECT token, kind, subject, client, expires_ms, refresh FROM tokens"),
        error);
    while (q.next()) {
        Token t {static_cast<TokenKind>(q.value(1).toInt()), q.value(2).toString(),
            q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toString()};
        if (!t.refreshToken.isEmpty())
            fleet.refreshTokens.insert(t.refreshToken, q.value(0).toString());
        fleet.tokens.insert(q.value(0).toString(), t);
    }
    fleet.recomputeReleases();
    fleet.revision();
    if (fleet.users.isEmpty() || fleet.product.id == 0) {
        if (error)
            *error = QStringLiteral("state file has no product or users");
        return false;
    }
    return true;
}

} // namespace Flotilla::Sandbox
