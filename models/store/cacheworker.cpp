// SPDX-License-Identifier: MIT
#include "cacheworker.h"

#include "cacherepair.h"
#include "cachesql.h"
#include "devicecodec.h"
#include "domain/text.h"
#include "schema.h"
#include "storelog.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <functional>
#include <memory>
#include <numeric>

namespace Flotilla::Store {

using namespace Sql;

namespace {

// SQLite's result code for "file is not a database".
constexpr int SqliteNotADatabase = 26;

QVariant optionalInt(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant();
}

QString toJson(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList stringsFromJson(const QString &json)
{
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    list.reserve(array.size());
    for (const QJsonValue &v : array)
        list.append(v.toString());
    return list;
}

int stateCode(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Pending:
        return 0;
    case OutboxEntry::State::Failed:
        return 1;
    case OutboxEntry::State::Done:
        return 2;
    }
    return 0;
}

OutboxEntry::State stateFromCode(int code)
{
    return code == 1 ? OutboxEntry::State::Failed
        : code == 2  ? OutboxEntry::State::Done
                     : OutboxEntry::State::Pending;
}
// Runs `sql` once per key (bound as the only parameter).
template<typename Keys>
QString forEachKey(
    const QSqlDatabase &db, const QString &sql, const Keys &keys, const QString &what)
{
    if (keys.isEmpty())
        return {};
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return failure(query, what);
    for (const auto &key : keys) {
        query.bindValue(0, key);
        if (!query.exec())
            return failure(query, what);
    }
    return {};
}

// Applies removals, then upserts, inside the caller's transaction.
QString writeChanges(const QSqlDatabase &db, const ChangeSet &changes)
{
    for (const Domain::Device &device : changes.devices) {
        if (!Domain::isDeviceId(device.id))
            return QStringLiteral("\"%1\" is not a device ID (24 hexadecimal characters)")
                .arg(device.id);
    }
    QString error = forEachKey(db, QStringLiteral("DELETE FROM devices WHERE id = ?"),
        changes.removedDevices, QStringLiteral("cannot remove a device"));
    if (error.isEmpty())
        error = forEachKey(db, QStringLiteral("DELETE FROM groups WHERE name = ?"),
            changes.removedGroups, QStringLiteral("cannot remove a group"));
    if (error.isEmpty())
        error = forEachKey(db, QStringLiteral("DELETE FROM firmware WHERE version = ?"),
            changes.removedFirmware, QStringLiteral("cannot remove firmware"));
    if (error.isEmpty())
        error = forEachKey(db, QStringLiteral("DELETE FROM customers WHERE id = ?"),
            changes.removedCustomers, QStringLiteral("cannot remove a customer"));
    if (!error.isEmpty())
        return error;

    QSqlQuery query(db);
    if (!changes.devices.isEmpty()) {
        if (!query.prepare(QStringLiteral("INSERT INTO devices(id, data) VALUES(?, ?) "
                                          "ON CONFLICT(id) DO UPDATE SET data = excluded.data")))
            return failure(query, QStringLiteral("cannot write devices"));
        for (const Domain::Device &device : changes.devices) {
            query.bindValue(0, device.id);
            query.bindValue(1, DeviceCodec::encode(device));
            if (!query.exec())
                return failure(query, QStringLiteral("cannot write device %1").arg(device.id));
        }
    }
    if (!changes.groups.isEmpty()) {
        if (!query.prepare(
                QStringLiteral("INSERT INTO groups(name, description, color, released_version) "
                               "VALUES(?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
                               "description = excluded.description, color = excluded.color, "
                               "released_version = excluded.released_version")))
            return failure(query, QStringLiteral("cannot write groups"));
        for (const Domain::Group &group : changes.groups) {
            query.bindValue(0, text(group.name));
            query.bindValue(1, text(group.description));
            query.bindValue(2, text(group.color));
            query.bindValue(3, optionalInt(group.releasedVersion));
            if (!query.exec())
                return failure(query, QStringLiteral("cannot write group \"%1\"").arg(group.name));
        }
    }
    if (!changes.firmware.isEmpty()) {
        if (!query.prepare(QStringLiteral(
                "INSERT INTO firmware(version, title, description, groups, uploaded_ms, size, "
                "product_default) VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT(version) DO UPDATE SET "
                "title = excluded.title, description = excluded.description, "
                "groups = excluded.groups, uploaded_ms = excluded.uploaded_ms, "
                "size = excluded.size, product_default = excluded.product_default")))
            return failure(query, QStringLiteral("cannot write firmware"));
        for (const Domain::Firmware &firmware : changes.firmware) {
            query.bindValue(0, firmware.version);
            query.bindValue(1, text(firmware.title));
            query.bindValue(2, text(firmware.description));
            query.bindValue(3, toJson(firmware.groups));
            query.bindValue(4, firmware.uploadedMs);
            query.bindValue(5, firmware.size);
            query.bindValue(6, firmware.productDefault ? 1 : 0);
            if (!query.exec())
                return failure(query,
                    QStringLiteral("cannot write firmware version %1").arg(firmware.version));
        }
    }
    if (!changes.customers.isEmpty()) {
        if (!query.prepare(QStringLiteral("INSERT INTO customers(id, username) VALUES(?, ?) "
                                          "ON CONFLICT(id) DO UPDATE SET "
                                          "username = excluded.username")))
            return failure(query, QStringLiteral("cannot write customers"));
        for (const Domain::Customer &customer : changes.customers) {
            query.bindValue(0, text(customer.id));
            query.bindValue(1, text(customer.username));
            if (!query.exec())
                return failure(
                    query, QStringLiteral("cannot write customer \"%1\"").arg(customer.id));
        }
    }
    return {};
}

// Sets the given keys; a null value removes its key.
QString writeSyncState(const QSqlDatabase &db, const QHash<QString, QString> &state)
{
    if (state.isEmpty())
        return {};
    QSqlQuery set(db);
    QSqlQuery remove(db);
    if (!set.prepare(QStringLiteral("INSERT INTO sync_state(key, value) VALUES(?, ?) "
                                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"))
        || !remove.prepare(QStringLiteral("DELETE FROM sync_state WHERE key = ?")))
        return failure(set, QStringLiteral("cannot write the sync state"));
    for (auto it = state.constBegin(); it != state.constEnd(); ++it) {
        QSqlQuery &query = it.value().isNull() ? remove : set;
        query.bindValue(0, text(it.key()));
        if (!it.value().isNull())
            query.bindValue(1, it.value());
        if (!query.exec())
            return failure(query, QStringLiteral("cannot write the sync state"));
    }
    return {};
}
// Reads the outbox entries in `states` in id order. With `damage`, rows that cannot be read or
// used are named there (and the read goes on); without it, they make the read fail.
QString readOutbox(const QSqlDatabase &db, const QString &states, QList<OutboxEntry> &entries,
    CacheDamage *damage = nullptr)
{
    QList<OutboxEntry> unusable;
    const Repair::TableRead read = Repair::readRows(db, QStringLiteral("outbox"),
        QStringLiteral("id, kind, payload, device_ids, attempts, last_error, created_ms, state"),
        QStringLiteral("state IN (%1)").arg(states), [&](const QSqlQuery &row) {
            OutboxEntry entry;
            entry.id = row.value(1).toLongLong();
            entry.kind = row.value(2).toString();
            entry.attempts = row.value(5).toInt();
            entry.lastError = row.value(6).toString();
            entry.createdMs = row.value(7).toLongLong();
            entry.state = stateFromCode(row.value(8).toInt());
            const QString problem = Repair::outboxRowProblem(
                entry.kind, row.value(3).toString(), row.value(4).toString());
            if (!problem.isEmpty()) {
                entry.lastError = problem;
                unusable.append(std::move(entry));
                return;
            }
            entry.payload = QJsonDocument::fromJson(row.value(3).toString().toUtf8()).object();
            entry.deviceIds = stringsFromJson(row.value(4).toString());
            entries.append(std::move(entry));
        });
    if (!damage) {
        if (!read.whole || !unusable.isEmpty())
            return QStringLiteral("cannot read the outbox: %1")
                .arg(read.problems.isEmpty() ? unusable.first().lastError
                                             : read.problems.join(QStringLiteral("; ")));
        return {};
    }
    for (const OutboxEntry &entry : std::as_const(unusable))
        damage->problems.append(
            QStringLiteral("change %1 (made %2) cannot be used: %3")
                .arg(entry.id)
                .arg(entry.createdMs > 0
                        ? QDateTime::fromMSecsSinceEpoch(entry.createdMs).toString(Qt::ISODate)
                        : QStringLiteral("at an unknown time"),
                    entry.lastError));
    damage->lostChanges += unusable;
    if (read.whole)
        return {};
    damage->problems += read.problems;
    // The outbox's index names every entry in these states: those not read were on the parts
    // of the table that could not be read.
    QSet<qint64> seen;
    for (const OutboxEntry &e : std::as_const(entries))
        seen.insert(e.id);
    for (const OutboxEntry &e : std::as_const(unusable))
        seen.insert(e.id);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id FROM outbox INDEXED BY outbox_state "
                                   "WHERE state IN (%1) ORDER BY id")
                        .arg(states))) {
        damage->changesMayBeMissing = true;
        return {};
    }
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        if (seen.contains(id))
            continue;
        OutboxEntry lost;
        lost.id = id;
        lost.lastError = QStringLiteral("it is on a damaged part of the cache");
        damage->lostChanges.append(lost);
    }
    if (query.lastError().isValid())
        damage->changesMayBeMissing = true;
    return {};
}

// Decodes the device records `records` (record i ends at ends[i], and is the row rowids[i] of
// the devices table) into `devices`, splitting the work between this thread and a helper thread
// when there is enough of it. Records that cannot be decoded are left out and named in `damage`.
QString decodeDevices(const QSqlDatabase &db, const QByteArray &records,
    const QList<qsizetype> &ends, const QList<qint64> &rowids, QList<Domain::Device> &devices,
    CacheDamage &damage, const std::atomic<bool> &cancelled)
{
    const qsizetype count = ends.size();
    devices.resize(count);
    Domain::Device *const out = devices.data();
    using Failures = QList<QPair<qsizetype, QString>>;
    const auto decodeRange = [&](qsizetype from, qsizetype to, Failures *failures) {
        DeviceCodec codec; // one per thread: it shares repeated strings
        for (qsizetype i = from; i < to; ++i) {
            if ((i & 0x3fff) == 0 && cancelled.load(std::memory_order_relaxed))
                return false;
            const qsizetype begin = i ? ends.at(i - 1) : 0;
            const QByteArrayView record(records.constData() + begin, ends.at(i) - begin);
            QString error;
            if (!codec.decode(record, out[i], &error))
                failures->append({i, error});
        }
        return true;
    };
    Failures failures;
    constexpr qsizetype ParallelFrom = 4096;
    bool finished = true;
    if (count < ParallelFrom || QThread::idealThreadCount() < 2) {
        finished = decodeRange(0, count, &failures);
    } else {
        const qsizetype half = count / 2;
        Failures helperFailures;
        bool helperFinished = true;
        const std::unique_ptr<QThread> helper(
            QThread::create([&] { helperFinished = decodeRange(half, count, &helperFailures); }));
        helper->setObjectName(QStringLiteral("flotilla-store-decode"));
        helper->start();
        finished = decodeRange(0, half, &failures);
        helper->wait();
        finished = finished && helperFinished;
        failures += helperFailures;
    }
    if (!finished)
        return QStringLiteral("cancelled");
    if (failures.isEmpty())
        return {};
    QSet<qsizetype> bad;
    QSqlQuery idOf(db);
    idOf.prepare(QStringLiteral("SELECT id FROM devices WHERE rowid = ?"));
    for (const auto &[index, error] : std::as_const(failures)) {
        bad.insert(index);
        idOf.bindValue(0, rowids.at(index));
        const QString id
            = idOf.exec() && idOf.next() ? idOf.value(0).toString() : QStringLiteral("(unknown)");
        idOf.finish();
        damage.devices.append(id);
        if (damage.problems.size() < 20)
            damage.problems.append(
                QStringLiteral("the record of device %1 cannot be read (%2)").arg(id, error));
    }
    qsizetype kept = 0;
    for (qsizetype i = 0; i < count; ++i) {
        if (!bad.contains(i))
            devices[kept++] = std::move(devices[i]);
    }
    devices.resize(kept);
    return {};
}

} // namespace

CacheWorker::CacheWorker(QString connectionName)
    : m_connection(std::move(connectionName))
{ }

CacheWorker::~CacheWorker()
{
    close();
}

QSqlDatabase CacheWorker::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

QString CacheWorker::open(const QString &path)
{
    close();
    const QString error = openError(path);
    if (!error.isEmpty()) {
        close();
        qCWarning(lcStore).noquote() << "cannot open the cache" << path << ':' << error;
        return Text::tr("Cannot open the cache %1: %2").arg(QDir::toNativeSeparators(path), error);
    }
    m_path = path;
    qCInfo(lcStore).noquote() << "cache open:" << path;
    hook(u"open");
    return {};
}

QString CacheWorker::openError(const QString &path)
{
    const bool inMemory = path == QLatin1String(":memory:");
    if (path.isEmpty())
        return QStringLiteral("no file name");
    if (!inMemory) {
        const QFileInfo info(path);
        if (info.isDir())
            return QStringLiteral("it is a folder");
        if (!QDir().mkpath(info.absolutePath()))
            return QStringLiteral("cannot create the folder %1")
                .arg(QDir::toNativeSeparators(info.absolutePath()));
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    if (!db.isValid())
        return QStringLiteral("the SQLite driver of Qt (QSQLITE) is not available");
    db.setDatabaseName(path);
    if (!db.open())
        return db.lastError().text();

    // Identify the file before changing anything in it.
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        if (query.lastError().nativeErrorCode().toInt() == SqliteNotADatabase)
            return QStringLiteral("the file is not a SQLite database (%1)")
                .arg(query.lastError().databaseText());
        return query.lastError().text();
    }
    const int version = query.value(0).toInt();
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
        return query.lastError().text();
    const int applicationId = query.value(0).toInt();
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
        return query.lastError().text();
    const int objects = query.value(0).toInt();
    query.finish();
    if ((applicationId != 0 && applicationId != Schema::ApplicationId)
        || (version > 0 && applicationId != Schema::ApplicationId) || (version == 0 && objects > 0))
        return QStringLiteral("the file is a SQLite database but not a Flotilla cache");
    if (version > Schema::latestVersion())
        return QStringLiteral("it was written by a newer version of Flotilla (cache schema "
                              "version %1; this version reads up to %2). Use the newer "
                              "version, or remove the file to rebuild the cache from the cloud "
                              "(changes not yet sent would be lost)")
            .arg(QString::number(version), QString::number(Schema::latestVersion()));

    if (!inMemory) {
        if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next())
            return query.lastError().text();
        if (query.value(0).toString() != QLatin1String("wal"))
            qCWarning(lcStore) << "the cache could not use write-ahead logging; journal mode is"
                               << query.value(0).toString();
    }
    const QStringList pragmas = {
        QStringLiteral("PRAGMA synchronous = NORMAL"), // with WAL: durable across process crashes
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA busy_timeout = 5000"),
        // After a big pull, do not keep a WAL file of that size on disk.
        QStringLiteral("PRAGMA journal_size_limit = 16777216"),
    };
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma))
            return query.lastError().text();
    }
    query.finish();
    const QString error = Schema::migrate(db);
    return error;
}

void CacheWorker::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = database();
        if (db.isOpen()) {
            if (!m_path.isEmpty())
                QSqlQuery(db).exec(QStringLiteral("PRAGMA optimize"));
            db.close();
            if (!m_path.isEmpty())
                qCInfo(lcStore).noquote() << "cache closed:" << m_path;
        }
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_path.clear();
}

QString CacheWorker::repair(RepairReport &report)
{
    const QString path = m_path;
    const QString fresh = path + QStringLiteral(".repairing");
    {
        const QSqlDatabase db = database();
        if (!db.isOpen())
            return notOpen();
        if (m_path == QLatin1String(":memory:"))
            return QStringLiteral("a cache in memory cannot be repaired");
        if (QString error = Repair::rebuild(db, fresh, report); !error.isEmpty())
            return Text::tr("The cache could not be repaired: %1").arg(error);
    }
    close();
    QString error;
    const QString damaged = Repair::moveAside(path, &error);
    if (damaged.isEmpty()) {
        QFile::remove(fresh);
        const QString reopened = open(path);
        return Text::tr("The cache could not be repaired: %1%2")
            .arg(error, reopened.isEmpty() ? QString() : QStringLiteral("; ") + reopened);
    }
    if (!QFile::rename(fresh, path)) {
        QFile::rename(damaged, path); // put it back as it was
        return Text::tr("The cache could not be repaired: cannot rename %1 to %2").arg(fresh, path);
    }
    report.damagedCopy = damaged;
    qCWarning(lcStore).noquote() << "the cache was rebuilt; the damaged file is kept as" << damaged;
    return open(path);
}

QString CacheWorker::setAside(const QString &path, QString &damagedCopy)
{
    close();
    QString error;
    damagedCopy = Repair::moveAside(path, &error);
    if (damagedCopy.isEmpty())
        return Text::tr("The cache could not be set aside: %1").arg(error);
    qCWarning(lcStore).noquote() << "the cache was set aside as" << damagedCopy;
    return open(path);
}

// The fleet's tables other than the devices (product, groups, firmware, customers, sync state)
// into `s`, each read past the parts that cannot be read (named to `note`).
void CacheWorker::readFleetTables(
    const QSqlDatabase &db, Snapshot &s, const std::function<void(const Repair::TableRead &)> &note)
{
    const auto &noteFleet = note;
    noteFleet(Repair::readRows(db, QStringLiteral("products"),
        QStringLiteral("id, slug, name, platform_id"), {}, [&s](const QSqlQuery &row) {
            if (s.product.id != 0)
                return;
            s.product.id = row.value(1).toInt();
            s.product.slug = row.value(2).toString();
            s.product.name = row.value(3).toString();
            s.product.platformId = row.value(4).toInt();
        }));

    noteFleet(Repair::readRows(db, QStringLiteral("groups"),
        QStringLiteral("name, description, color, released_version"), {},
        [&s](const QSqlQuery &row) {
            Domain::Group &group = s.groups.emplace_back();
            group.name = row.value(1).toString();
            group.description = row.value(2).toString();
            group.color = row.value(3).toString();
            if (!row.value(4).isNull())
                group.releasedVersion = row.value(4).toInt();
        }));
    std::sort(s.groups.begin(), s.groups.end(),
        [](const Domain::Group &a, const Domain::Group &b) { return a.name < b.name; });

    noteFleet(Repair::readRows(db, QStringLiteral("firmware"),
        QStringLiteral("version, title, description, groups, uploaded_ms, size, product_default"),
        {}, [&s](const QSqlQuery &row) {
            Domain::Firmware &firmware = s.firmware.emplace_back();
            firmware.version = row.value(1).toInt();
            firmware.title = row.value(2).toString();
            firmware.description = row.value(3).toString();
            firmware.groups = stringsFromJson(row.value(4).toString());
            firmware.uploadedMs = row.value(5).toLongLong();
            firmware.size = row.value(6).toLongLong();
            firmware.productDefault = row.value(7).toInt() != 0;
        }));
    std::sort(s.firmware.begin(), s.firmware.end(),
        [](const Domain::Firmware &a, const Domain::Firmware &b) { return a.version < b.version; });

    noteFleet(Repair::readRows(db, QStringLiteral("customers"), QStringLiteral("id, username"), {},
        [&s](const QSqlQuery &row) {
            s.customers.append({row.value(1).toString(), row.value(2).toString()});
        }));
    std::sort(s.customers.begin(), s.customers.end(),
        [](const Domain::Customer &a, const Domain::Customer &b) { return a.id < b.id; });

    noteFleet(Repair::readRows(db, QStringLiteral("sync_state"), QStringLiteral("key, value"), {},
        [&s](const QSqlQuery &row) {
            s.syncState.insert(row.value(1).toString(), row.value(2).toString());
        }));
}

QString CacheWorker::loadOverview(Snapshot &s)
{
    const QSqlDatabase db = database();
    if (!db.isOpen())
        return notOpen();
    Transaction transaction(db, *this);
    if (QString error = transaction.begin(false); !error.isEmpty())
        return error;
    bool whole = true;
    readFleetTables(
        db, s, [&whole](const Repair::TableRead &read) { whole = whole && read.whole; });
    if (!whole) {
        // The whole load finds and names the damage; an overview is only for a sound cache.
        transaction.abandon();
        s = {};
        return QStringLiteral("the cache is damaged");
    }
    return transaction.commit();
}

QString CacheWorker::load(Snapshot &s, const std::atomic<bool> &cancelled)
{
    const QSqlDatabase db = database();
    if (!db.isOpen())
        return notOpen();
    Transaction transaction(db, *this); // one consistent view of all tables
    if (QString error = transaction.begin(false); !error.isEmpty())
        return error;
    // Every table is read past the parts that cannot be read: what is lost of the fleet comes
    // back with the next pull; what is lost of the changes not yet sent is named.
    CacheDamage &damage = s.damage;
    const auto noteFleet = [&damage](const Repair::TableRead &read) {
        if (read.whole)
            return;
        damage.fleetIncomplete = true;
        damage.problems += read.problems;
    };
    readFleetTables(db, s, noteFleet);

    // SQLite reads on this thread into one buffer, then the records are decoded on two threads.
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const qsizetype expected
        = query.exec(QStringLiteral("SELECT count(*) FROM devices")) && query.next()
        ? query.value(0).toLongLong()
        : 0;
    query.finish();
    QByteArray records;
    records.reserve(expected * 288);
    QList<qsizetype> ends;
    ends.reserve(expected);
    QList<qint64> rowids;
    rowids.reserve(expected);
    bool stop = false;
    noteFleet(Repair::readRows(
        db, QStringLiteral("devices"), QStringLiteral("data"), {}, [&](const QSqlQuery &row) {
            if (stop)
                return;
            rowids.append(row.value(0).toLongLong());
            records.append(row.value(1).toByteArray());
            ends.append(records.size());
            if ((ends.size() & 0x3fff) == 0 && cancelled.load(std::memory_order_relaxed))
                stop = true;
        }));
    if (stop)
        return QStringLiteral("cancelled");
    if (QString error = decodeDevices(db, records, ends, rowids, s.devices, damage, cancelled);
        !error.isEmpty())
        return error;
    records = {};
    ends = {};
    rowids = {};

    if (QString error = readOutbox(db, QStringLiteral("0, 1"), s.outbox, &damage); !error.isEmpty())
        return error;
    if (!damage.isEmpty()) {
        // SQLite may have ended the read transaction on the damage already.
        transaction.abandon();
        qCWarning(lcStore).noquote()
            << "the cache is damaged:" << damage.devices.size() << "device records,"
            << damage.lostChanges.size() << "changes not yet sent cannot be read"
            << (damage.changesMayBeMissing ? "(and maybe more)" : "") << '|'
            << damage.problems.join(QStringLiteral("; "));
        return {};
    }
    return transaction.commit();
}

QString CacheWorker::applyPull(const ChangeSet &changes, const QHash<QString, QString> &syncState)
{
    return inWriteTransaction(database(), *this, [&](const QSqlDatabase &db) {
        QString error;
        if (error.isEmpty())
            error = writeChanges(db, changes);
        if (error.isEmpty())
            error = writeSyncState(db, syncState);
        return error;
    });
}

QString CacheWorker::applyLocalEdit(const LocalEdit &edit, QList<qint64> &outboxIds)
{
    outboxIds.clear();
    const QSqlDatabase db = database();
    if (!db.isOpen())
        return notOpen();
    Transaction transaction(db, *this);
    QString error = transaction.begin(true);
    if (error.isEmpty())
        error = writeChanges(db, edit.effect);
    if (error.isEmpty() && !edit.outbox.isEmpty()) {
        QSqlQuery query(db);
        if (!query.prepare(QStringLiteral(
                "INSERT INTO outbox(kind, payload, device_ids, attempts, last_error, created_ms, "
                "state) VALUES(?, ?, ?, ?, ?, ?, ?)")))
            error = failure(query, QStringLiteral("cannot write the outbox"));
        const qint64 now = nowMs();
        for (qsizetype i = 0; error.isEmpty() && i < edit.outbox.size(); ++i) {
            const OutboxEntry &entry = edit.outbox.at(i);
            query.bindValue(0, text(entry.kind));
            query.bindValue(
                1, QString::fromUtf8(QJsonDocument(entry.payload).toJson(QJsonDocument::Compact)));
            query.bindValue(2, toJson(entry.deviceIds));
            query.bindValue(3, entry.attempts);
            query.bindValue(4, text(entry.lastError));
            query.bindValue(5, entry.createdMs ? entry.createdMs : now);
            query.bindValue(6, stateCode(entry.state));
            if (!query.exec())
                error = failure(query, QStringLiteral("cannot write the outbox"));
            else
                outboxIds.append(query.lastInsertId().toLongLong());
        }
    }
    if (error.isEmpty() && !edit.replaces.isEmpty())
        error = forEachKey(db,
            QStringLiteral("UPDATE outbox SET state = 2 WHERE id = ? AND state = 0"), edit.replaces,
            QStringLiteral("cannot update the outbox"));
    if (error.isEmpty() && !edit.activity.isEmpty())
        error = writeActivity(db, {edit.activity}, outboxIds.isEmpty() ? 0 : outboxIds.first());
    if (error.isEmpty())
        error = transaction.commit();
    if (!error.isEmpty())
        outboxIds.clear();
    return error;
}

QString CacheWorker::pendingOutbox(QList<OutboxEntry> &entries)
{
    const QSqlDatabase db = database();
    if (!db.isOpen())
        return notOpen();
    return readOutbox(db, QStringLiteral("0"), entries);
}

QString CacheWorker::completeOutbox(const QList<qint64> &ids, const QList<ActivityRecord> &activity)
{
    return inWriteTransaction(database(), *this, [&](const QSqlDatabase &db) {
        QString error;
        if (error.isEmpty())
            error = forEachKey(db, QStringLiteral("UPDATE outbox SET state = 2 WHERE id = ?"), ids,
                QStringLiteral("cannot update the outbox"));
        if (error.isEmpty())
            error = writeActivity(db, activity);
        return error;
    });
}

QString CacheWorker::failOutbox(const QList<qint64> &ids, const QString &reason, bool permanent)
{
    const QSqlDatabase db = database();
    if (!db.isOpen())
        return notOpen();
    Transaction transaction(db, *this);
    QString error = transaction.begin(true);
    if (error.isEmpty() && !ids.isEmpty()) {
        QSqlQuery query(db);
        if (!query.prepare(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, "
                                          "last_error = ?, state = ? WHERE id = ? AND state = 0")))
            error = failure(query, QStringLiteral("cannot update the outbox"));
        for (qsizetype i = 0; error.isEmpty() && i < ids.size(); ++i) {
            query.bindValue(0, text(reason));
            query.bindValue(1, permanent ? 1 : 0);
            query.bindValue(2, ids.at(i));
            if (!query.exec())
                error = failure(query, QStringLiteral("cannot update the outbox"));
        }
    }
    if (error.isEmpty())
        error = transaction.commit();
    return error;
}

QString CacheWorker::retryOutbox(const QList<qint64> &ids)
{
    return inWriteTransaction(database(), *this, [&](const QSqlDatabase &db) {
        QString error;
        if (error.isEmpty())
            error = forEachKey(db,
                QStringLiteral("UPDATE outbox SET state = 0, attempts = 0 "
                               "WHERE id = ? AND state = 1"),
                ids, QStringLiteral("cannot update the outbox"));
        return error;
    });
}

QString CacheWorker::discardOutbox(const QList<qint64> &ids)
{
    return inWriteTransaction(database(), *this, [&](const QSqlDatabase &db) {
        QString error;
        if (error.isEmpty())
            error = forEachKey(db, QStringLiteral("DELETE FROM outbox WHERE id = ? AND state <> 2"),
                ids, QStringLiteral("cannot update the outbox"));
        return error;
    });
}

QString CacheWorker::activity(const ActivityQuery &filter, QList<ActivityRecord> &records)
{
    const QSqlDatabase db = database();
    if (!db.isOpen())
        return notOpen();
    // Time, id and source narrow the rows in SQL; the text is matched here, as Qt lowercases
    // (SQLite's lower() knows ASCII only), so rows are read newest first until enough match.
    QStringList where;
    QVariantList values;
    if (filter.sinceMs > 0) {
        where.append(QStringLiteral("at_ms >= ?"));
        values.append(filter.sinceMs);
    }
    if (filter.afterId > 0) {
        where.append(QStringLiteral("id > ?"));
        values.append(filter.afterId);
    }
    if (!filter.source.isEmpty()) {
        where.append(QStringLiteral("source = ?"));
        values.append(filter.source);
    }
    const QString needle = filter.text.trimmed();
    QString sql = QStringLiteral("SELECT id, at_ms, actor, action, subject, result, detail, "
                                 "outbox_id, source, devices, from_text, to_text, requests "
                                 "FROM activity");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY at_ms DESC, id DESC");
    if (needle.isEmpty()) {
        sql += QStringLiteral(" LIMIT ?");
        values.append(filter.limit > 0 ? filter.limit : -1);
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return failure(query, QStringLiteral("cannot read the activity log"));
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec())
        return failure(query, QStringLiteral("cannot read the activity log"));
    while (query.next()) {
        ActivityRecord record;
        record.id = query.value(0).toLongLong();
        record.atMs = query.value(1).toLongLong();
        record.actor = query.value(2).toString();
        record.action = query.value(3).toString();
        record.subject = query.value(4).toString();
        record.result = query.value(5).toString();
        record.detail = query.value(6).toString();
        record.outboxId = query.value(7).toLongLong(); // NULL reads as 0
        record.source = query.value(8).toString();
        record.devices = query.value(9).toInt();
        record.fromText = query.value(10).toString();
        record.toText = query.value(11).toString();
        record.requests = query.value(12).toInt();
        if (!needle.isEmpty()) {
            const QString *fields[] = {&record.actor, &record.action, &record.subject,
                &record.result, &record.detail, &record.fromText, &record.toText};
            if (std::none_of(std::cbegin(fields), std::cend(fields), [&](const QString *field) {
                    return field->contains(needle, Qt::CaseInsensitive);
                }))
                continue;
        }
        records.append(std::move(record));
        if (filter.limit > 0 && records.size() >= filter.limit)
            break;
    }
    return {};
}

QString CacheWorker::setProduct(const Domain::Product &product)
{
    const QSqlDatabase db = database();
    if (!db.isOpen())
        return notOpen();
    Transaction transaction(db, *this);
    QString error = transaction.begin(true);
    QSqlQuery query(db);
    if (error.isEmpty() && !query.exec(QStringLiteral("DELETE FROM products")))
        error = failure(query, QStringLiteral("cannot write the product"));
    if (error.isEmpty()
        && !query.prepare(
            QStringLiteral("INSERT INTO products(id, slug, name, platform_id) VALUES(?, ?, ?, ?)")))
        error = failure(query, QStringLiteral("cannot write the product"));
    if (error.isEmpty()) {
        query.bindValue(0, product.id);
        query.bindValue(1, text(product.slug));
        query.bindValue(2, text(product.name));
        query.bindValue(3, product.platformId);
        if (!query.exec())
            error = failure(query, QStringLiteral("cannot write the product"));
    }
    if (error.isEmpty())
        error = transaction.commit();
    return error;
}

QString CacheWorker::setSyncState(const QHash<QString, QString> &state)
{
    return inWriteTransaction(database(), *this, [&](const QSqlDatabase &db) {
        QString error;
        if (error.isEmpty())
            error = writeSyncState(db, state);
        return error;
    });
}

} // namespace Flotilla::Store
