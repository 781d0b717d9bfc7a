// SPDX-License-Identifier: MIT
#include "cacheworker.h"

#include "cacherepair.h"
#include "devicecodec.h"
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

namespace {

// SQLite's result code for "file is not a database".
constexpr int SqliteNotADatabase = 26;

QString notOpen()
{
    return QStringLiteral("the cache is not open");
}

QString failure(const QSqlQuery &query, const QString &what)
{
    return QStringLiteral("%1: %2").arg(what, query.lastError().text());
}

// Binds text for a NOT NULL column: QtSql binds a null QString as SQL NULL.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

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

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
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

// One SQLite transaction; rolled back unless committed.
class Transaction final
{
public:
    Transaction(const QSqlDatabase &db, const CacheWorker &worker)
        : m_query(db)
        , m_worker(worker)
    { }
    ~Transaction()
    {
        if (m_active && !m_query.exec(QStringLiteral("ROLLBACK")))
            qCWarning(lcStore) << "rollback failed:" << m_query.lastError().text();
    }
    Q_DISABLE_COPY_MOVE(Transaction)

    // A write transaction takes the write lock at once (BEGIN IMMEDIATE).
    QString begin(bool write)
    {
        if (!m_query.exec(write ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN")))
            return failure(m_query, QStringLiteral("cannot start a transaction"));
        m_active = true;
        m_write = write;
        return {};
    }
    QString commit()
    {
        if (m_write)
            m_worker.hook(u"beforeCommit");
        if (!m_query.exec(QStringLiteral("COMMIT")))
            return failure(m_query, QStringLiteral("cannot commit"));
        m_active = false;
        return {};
    }
    // Ends a read transaction that SQLite may have ended itself after an error.
    void abandon()
    {
        if (m_active && !m_write)
            m_query.exec(QStringLiteral("ROLLBACK"));
        m_active = false;
    }

private:
    QSqlQuery m_query;
    const CacheWorker &m_worker;
    bool m_active = false;
    bool m_write = false;
};

// Runs `work` in one write transaction: committed when it returns no error, rolled back
// otherwise.
QString inWriteTransaction(const QSqlDatabase &db, const CacheWorker &worker,
    const std::function<QString(const QSqlDatabase &)> &work)
{
    if (!db.isOpen())
        return notOpen();
    Transaction transaction(db, worker);
    QString error = transaction.begin(true);
    if (error.isEmpty())
        error = work(db);
    if (error.isEmpty())
        error = transaction.commit();
    return error;
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

// Appends activity rows. A link to an outbox entry that no longer exists (discarded meanwhile)
// is stored as no link rather than failing the whole write.
QString writeActivity(
    const QSqlDatabase &db, const QList<ActivityRecord> &records, qint64 outboxIdOverride = 0)
{
    if (records.isEmpty())
        return {};
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral(
            "INSERT INTO activity(at_ms, actor, action, subject, result, detail, outbox_id) "
            "VALUES(?, ?, ?, ?, ?, ?, (SELECT id FROM outbox WHERE id = ?))")))
        return failure(query, QStringLiteral("cannot write the activity log"));
    const qint64 now = nowMs();
    for (const ActivityRecord &record : records) {
        const qint64 outboxId = outboxIdOverride ? outboxIdOverride : record.outboxId;
        query.bindValue(0, record.atMs ? record.atMs : now);
        query.bindValue(1, text(record.actor));
        query.bindValue(2, text(record.action));
        query.bindValue(3, text(record.subject));
        query.bindValue(4, text(record.result));
        query.bindValue(5, text(record.detail));
        query.bindValue(6, outboxId ? QVariant(outboxId) : QVariant());
        if (!query.exec())
            return failure(query, QStringLiteral("cannot write the activity log"));
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

// ---- rollouts -------------------------------------------------------------------------------

// Writes `rows` with multi-row INSERT statements of up to RowsPerStatement rows each (one
// prepared statement for the full chunks, one for the last, shorter one): far fewer statement
// executions than one per row. `bind(row, query, first)` binds one row's `columns` values at the
// positions from `first` on. `tail` follows the VALUES list (an ON CONFLICT clause, or empty).
template<typename Row, typename Bind>
QString insertRows(const QSqlDatabase &db, const QString &head, int columns, const QString &tail,
    const QList<Row> &rows, const Bind &bind, const QString &what)
{
    constexpr qsizetype RowsPerStatement = 64;
    if (rows.isEmpty())
        return {};
    const QString placeholders = QLatin1Char('(')
        + QStringList(columns, QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    const auto statement = [&](qsizetype n) -> QString {
        return head + QLatin1String(" VALUES ")
            + QStringList(n, placeholders).join(QLatin1Char(',')) + tail;
    };
    QSqlQuery full(db);
    QSqlQuery last(db);
    bool fullPrepared = false;
    for (qsizetype from = 0; from < rows.size(); from += RowsPerStatement) {
        const qsizetype n = qMin(RowsPerStatement, rows.size() - from);
        const bool isFull = n == RowsPerStatement;
        QSqlQuery &query = isFull ? full : last;
        if (!isFull || !fullPrepared) {
            if (!query.prepare(statement(n)))
                return failure(query, what);
            fullPrepared = fullPrepared || isFull;
        }
        for (qsizetype i = 0; i < n; ++i)
            bind(rows.at(from + i), query, int(i) * columns);
        if (!query.exec())
            return failure(query, what);
    }
    return {};
}

QString writeRolloutWaves(
    const QSqlDatabase &db, qint64 id, const QList<Domain::WaveProgress> &waves)
{
    QList<int> indexes(waves.size());
    std::iota(indexes.begin(), indexes.end(), 0);
    return insertRows(
        db,
        QStringLiteral("INSERT INTO rollout_waves(rollout_id, wave, state, started_ms, "
                       "finished_ms, batches_done, released, failures_accepted)"),
        8, QString(), indexes,
        [&](int wave, QSqlQuery &q, int at) {
            const Domain::WaveProgress &w = waves.at(wave);
            q.bindValue(at, id);
            q.bindValue(at + 1, wave);
            q.bindValue(at + 2, Domain::toString(w.state));
            q.bindValue(at + 3, w.startedMs);
            q.bindValue(at + 4, w.finishedMs);
            q.bindValue(at + 5, w.batchesDone);
            q.bindValue(at + 6, w.released ? 1 : 0);
            q.bindValue(at + 7, w.failuresAccepted ? 1 : 0);
        },
        QStringLiteral("cannot write the waves of rollout %1").arg(id));
}

// Inserts the devices; with `upsert`, updates those the rollout already has (keeping their
// place), else a device the rollout already has is an error.
QString writeRolloutDevices(
    const QSqlDatabase &db, qint64 id, const QList<Domain::RolloutDevice> &devices, bool upsert)
{
    return insertRows(
        db,
        QStringLiteral("INSERT INTO rollout_devices(rollout_id, device_id, name, node, wave, "
                       "state, reason, stage, previous_version, attempts, started_ms, "
                       "updated_ms)"),
        12,
        !upsert ? QString()
                : QStringLiteral(
                    " ON CONFLICT(rollout_id, device_id) DO UPDATE SET "
                    "name = excluded.name, node = excluded.node, wave = excluded.wave, "
                    "state = excluded.state, reason = excluded.reason, "
                    "stage = excluded.stage, previous_version = excluded.previous_version, "
                    "attempts = excluded.attempts, started_ms = excluded.started_ms, "
                    "updated_ms = excluded.updated_ms"),
        devices,
        [&](const Domain::RolloutDevice &d, QSqlQuery &q, int at) {
            q.bindValue(at, id);
            q.bindValue(at + 1, text(d.id));
            q.bindValue(at + 2, text(d.name));
            q.bindValue(at + 3, text(d.node));
            q.bindValue(at + 4, d.wave);
            q.bindValue(at + 5, Domain::toString(d.state));
            q.bindValue(at + 6, text(d.reason));
            q.bindValue(at + 7, text(d.stage));
            q.bindValue(at + 8, d.previousVersion);
            q.bindValue(at + 9, d.attempts);
            q.bindValue(at + 10, d.startedMs);
            q.bindValue(at + 11, d.updatedMs);
        },
        QStringLiteral("cannot write the devices of rollout %1").arg(id));
}

QString writeRolloutSamples(
    const QSqlDatabase &db, qint64 id, const QList<Domain::RolloutSample> &samples)
{
    return insertRows(
        db,
        QStringLiteral("INSERT INTO rollout_samples(rollout_id, ms, succeeded, failed, active)"), 5,
        QString(), samples,
        [&](const Domain::RolloutSample &sample, QSqlQuery &q, int at) {
            q.bindValue(at, id);
            q.bindValue(at + 1, sample.ms);
            q.bindValue(at + 2, sample.succeeded);
            q.bindValue(at + 3, sample.failed);
            q.bindValue(at + 4, sample.active);
        },
        QStringLiteral("cannot write the progress of rollout %1").arg(id));
}

QString noSuchRollout(qint64 id)
{
    return QStringLiteral("there is no rollout %1 in the cache").arg(id);
}

QString damagedRollout(qint64 id, const QString &what)
{
    return QStringLiteral("rollout %1 in the cache is damaged (%2)").arg(QString::number(id), what);
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
        return QStringLiteral("Cannot open the cache %1: %2")
            .arg(QDir::toNativeSeparators(path), error);
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
            return QStringLiteral("The cache could not be repaired: %1").arg(error);
    }
    close();
    QString error;
    const QString damaged = Repair::moveAside(path, &error);
    if (damaged.isEmpty()) {
        QFile::remove(fresh);
        const QString reopened = open(path);
        return QStringLiteral("The cache could not be repaired: %1%2")
            .arg(error, reopened.isEmpty() ? QString() : QStringLiteral("; ") + reopened);
    }
    if (!QFile::rename(fresh, path)) {
        QFile::rename(damaged, path); // put it back as it was
        return QStringLiteral("The cache could not be repaired: cannot rename %1 to %2")
            .arg(fresh, path);
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
        return QStringLiteral("The cache could not be set aside: %1").arg(error);
    qCWarning(lcStore).noquote() << "the cache was set aside as" << damagedCopy;
    return open(path);
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
    noteFleet(Repair::readRows(db, QStringLiteral("products"),
        QStringLiteral("id, slug, name, platform_id"), {}, [&s](const QSqlQuery &row) {
            if (s.product.id != 0)
                return;
            s.product.id = row.value(1).toInt();
            s.product.slug = row.value(2).toString();
            s.product.name = row.value(3).toString();
            s.product.platformId = row.value(4).toInt();
        }));

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

QString CacheWorker::activity(int limit, QList<ActivityRecord> &records)
{
    const QSqlDatabase db = database();
    if (!db.isOpen())
        return notOpen();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(QStringLiteral("SELECT id, at_ms, actor, action, subject, result, detail, "
                                      "outbox_id FROM activity ORDER BY at_ms DESC, id DESC "
                                      "LIMIT ?")))
        return failure(query, QStringLiteral("cannot read the activity log"));
    query.bindValue(0, limit > 0 ? limit : -1);
    if (!query.exec())
        return failure(query, QStringLiteral("cannot read the activity log"));
    while (query.next()) {
        ActivityRecord &record = records.emplace_back();
        record.id = query.value(0).toLongLong();
        record.atMs = query.value(1).toLongLong();
        record.actor = query.value(2).toString();
        record.action = query.value(3).toString();
        record.subject = query.value(4).toString();
        record.result = query.value(5).toString();
        record.detail = query.value(6).toString();
        record.outboxId = query.value(7).toLongLong(); // NULL reads as 0
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

QString CacheWorker::createRollout(
    const Domain::Rollout &rollout, const ActivityRecord &activity, qint64 &id)
{
    id = 0;
    qint64 newId = 0;
    const QString failed = inWriteTransaction(database(), *this, [&](const QSqlDatabase &db) {
        QSqlQuery query(db);
        if (!query.prepare(QStringLiteral(
                "INSERT INTO rollouts(spec, state, state_reason, paused_for_failures, requests, "
                "final_release_done, created_ms, finished_ms) VALUES(?, ?, ?, ?, ?, ?, ?, ?)")))
            return failure(query, QStringLiteral("cannot write the rollout"));
        query.bindValue(0,
            QString::fromUtf8(QJsonDocument(rollout.spec.toJson()).toJson(QJsonDocument::Compact)));
        query.bindValue(1, Domain::toString(rollout.state));
        query.bindValue(2, text(rollout.stateReason));
        query.bindValue(3, rollout.pausedForFailures ? 1 : 0);
        query.bindValue(4, rollout.requests);
        query.bindValue(5, rollout.finalReleaseDone ? 1 : 0);
        query.bindValue(6, rollout.createdMs);
        query.bindValue(7, rollout.finishedMs);
        if (!query.exec())
            return failure(query, QStringLiteral("cannot write the rollout"));
        newId = query.lastInsertId().toLongLong();
        QString error = writeRolloutWaves(db, newId, rollout.waves);
        if (error.isEmpty())
            error = writeRolloutDevices(db, newId, rollout.devices, false);
        if (error.isEmpty())
            error = writeRolloutSamples(db, newId, rollout.samples);
        if (error.isEmpty() && !activity.isEmpty())
            error = writeActivity(db, {activity});
        return error;
    });
    if (failed.isEmpty())
        id = newId;
    return failed;
}

QString CacheWorker::loadRollouts(
    QList<Domain::Rollout> &rollouts, const std::atomic<bool> &cancelled)
{
    rollouts.clear();
    const QSqlDatabase db = database();
    if (!db.isOpen())
        return notOpen();
    Transaction transaction(db, *this); // one consistent view of the four tables
    if (QString error = transaction.begin(false); !error.isEmpty())
        return error;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const QString readFailed = QStringLiteral("cannot read the rollouts");

    if (!query.exec(QStringLiteral("SELECT id, spec, state, state_reason, paused_for_failures, "
                                   "requests, final_release_done, created_ms, finished_ms "
                                   "FROM rollouts ORDER BY id")))
        return failure(query, readFailed);
    QHash<qint64, qsizetype> indexOf;
    while (query.next()) {
        Domain::Rollout &r = rollouts.emplace_back();
        r.id = query.value(0).toLongLong();
        QJsonParseError parseError;
        const QJsonDocument spec
            = QJsonDocument::fromJson(query.value(1).toString().toUtf8(), &parseError);
        QString why;
        if (parseError.error != QJsonParseError::NoError || !spec.isObject())
            return damagedRollout(r.id, QStringLiteral("its settings are not JSON"));
        if (std::optional<Domain::RolloutSpec> s
            = Domain::RolloutSpec::fromJson(spec.object(), &why))
            r.spec = std::move(*s);
        else
            return damagedRollout(r.id, why);
        const QString state = query.value(2).toString();
        if (const auto s = Domain::rolloutStateFromString(state))
            r.state = *s;
        else
            return damagedRollout(r.id, QStringLiteral("unknown state '%1'").arg(state));
        r.stateReason = query.value(3).toString();
        r.pausedForFailures = query.value(4).toInt() != 0;
        r.requests = query.value(5).toInt();
        r.finalReleaseDone = query.value(6).toInt() != 0;
        r.createdMs = query.value(7).toLongLong();
        r.finishedMs = query.value(8).toLongLong();
        indexOf.insert(r.id, rollouts.size() - 1);
    }
    if (query.lastError().isValid())
        return failure(query, readFailed);
    if (rollouts.isEmpty())
        return transaction.commit();

    if (!query.exec(QStringLiteral("SELECT rollout_id, wave, state, started_ms, finished_ms, "
                                   "batches_done, released, failures_accepted "
                                   "FROM rollout_waves ORDER BY rollout_id, wave")))
        return failure(query, readFailed);
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        const int wave = query.value(1).toInt();
        const auto index = indexOf.constFind(id);
        if (index == indexOf.cend())
            continue;
        QList<Domain::WaveProgress> &waves = rollouts[*index].waves;
        if (waves.size() <= wave)
            waves.resize(wave + 1);
        Domain::WaveProgress &w = waves[wave];
        const QString state = query.value(2).toString();
        if (const auto s = Domain::waveStateFromString(state))
            w.state = *s;
        else
            return damagedRollout(id, QStringLiteral("unknown wave state '%1'").arg(state));
        w.startedMs = query.value(3).toLongLong();
        w.finishedMs = query.value(4).toLongLong();
        w.batchesDone = query.value(5).toInt();
        w.released = query.value(6).toInt() != 0;
        w.failuresAccepted = query.value(7).toInt() != 0;
    }
    if (query.lastError().isValid())
        return failure(query, readFailed);

    // In rowid order: each rollout's devices in the order they were first written.
    if (!query.exec(QStringLiteral("SELECT rollout_id, device_id, name, node, wave, state, "
                                   "reason, stage, previous_version, attempts, started_ms, "
                                   "updated_ms FROM rollout_devices ORDER BY rowid")))
        return failure(query, readFailed);
    qint64 lastId = -1;
    Domain::Rollout *current = nullptr;
    qsizetype rows = 0;
    while (query.next()) {
        if ((++rows & 0x3fff) == 0 && cancelled.load(std::memory_order_relaxed))
            return QStringLiteral("cancelled");
        const qint64 id = query.value(0).toLongLong();
        if (id != lastId) {
            const auto index = indexOf.constFind(id);
            current = index == indexOf.cend() ? nullptr : &rollouts[*index];
            lastId = id;
        }
        if (!current)
            continue;
        Domain::RolloutDevice &d = current->devices.emplace_back();
        d.id = query.value(1).toString();
        d.name = query.value(2).toString();
        d.node = query.value(3).toString();
        d.wave = query.value(4).toInt();
        const QString state = query.value(5).toString();
        if (const auto s = Domain::rolloutDeviceStateFromString(state))
            d.state = *s;
        else
            return damagedRollout(id, QStringLiteral("unknown device state '%1'").arg(state));
        d.reason = query.value(6).toString();
        d.stage = query.value(7).toString();
        d.previousVersion = query.value(8).toInt();
        d.attempts = query.value(9).toInt();
        d.startedMs = query.value(10).toLongLong();
        d.updatedMs = query.value(11).toLongLong();
    }
    if (query.lastError().isValid())
        return failure(query, readFailed);

    if (!query.exec(QStringLiteral("SELECT rollout_id, ms, succeeded, failed, active "
                                   "FROM rollout_samples ORDER BY rowid")))
        return failure(query, readFailed);
    while (query.next()) {
        const auto index = indexOf.constFind(query.value(0).toLongLong());
        if (index == indexOf.cend())
            continue;
        rollouts[*index].samples.append({query.value(1).toLongLong(), query.value(2).toInt(),
            query.value(3).toInt(), query.value(4).toInt()});
    }
    if (query.lastError().isValid())
        return failure(query, readFailed);
    query.finish();
    return transaction.commit();
}

QString CacheWorker::saveRollout(const RolloutUpdate &update)
{
    return inWriteTransaction(database(), *this, [&](const QSqlDatabase &db) {
        QSqlQuery query(db);
        const QString writeFailed = QStringLiteral("cannot write rollout %1").arg(update.id);
        if (!query.prepare(QStringLiteral(
                "UPDATE rollouts SET state = ?, state_reason = ?, paused_for_failures = ?, "
                "requests = ?, final_release_done = ?, finished_ms = ? WHERE id = ?")))
            return failure(query, writeFailed);
        query.bindValue(0, Domain::toString(update.state));
        query.bindValue(1, text(update.stateReason));
        query.bindValue(2, update.pausedForFailures ? 1 : 0);
        query.bindValue(3, update.requests);
        query.bindValue(4, update.finalReleaseDone ? 1 : 0);
        query.bindValue(5, update.finishedMs);
        query.bindValue(6, update.id);
        if (!query.exec())
            return failure(query, writeFailed);
        if (query.numRowsAffected() != 1)
            return noSuchRollout(update.id);
        if (!query.prepare(QStringLiteral("DELETE FROM rollout_waves WHERE rollout_id = ?")))
            return failure(query, writeFailed);
        query.bindValue(0, update.id);
        if (!query.exec())
            return failure(query, writeFailed);
        QString error = writeRolloutWaves(db, update.id, update.waves);
        if (error.isEmpty())
            error = writeRolloutDevices(db, update.id, update.devices, true);
        if (error.isEmpty())
            error = writeRolloutSamples(db, update.id, update.samples);
        if (error.isEmpty())
            error = writeActivity(db, update.activity);
        return error;
    });
}

QString CacheWorker::deleteRollout(qint64 id)
{
    return inWriteTransaction(database(), *this, [&](const QSqlDatabase &db) {
        QSqlQuery query(db);
        const QString deleteFailed = QStringLiteral("cannot delete rollout %1").arg(id);
        if (!query.prepare(QStringLiteral("SELECT state FROM rollouts WHERE id = ?")))
            return failure(query, deleteFailed);
        query.bindValue(0, id);
        if (!query.exec())
            return failure(query, deleteFailed);
        if (!query.next())
            return noSuchRollout(id);
        const std::optional<Domain::RolloutState> state
            = Domain::rolloutStateFromString(query.value(0).toString());
        query.finish();
        if (state == Domain::RolloutState::Running || state == Domain::RolloutState::Paused
            || state == Domain::RolloutState::RollingBack)
            return QStringLiteral("rollout %1 is still %2: only a completed, aborted or rolled "
                                  "back rollout can be deleted")
                .arg(QString::number(id),
                    state == Domain::RolloutState::Paused        ? QStringLiteral("paused")
                        : state == Domain::RolloutState::Running ? QStringLiteral("running")
                                                                 : QStringLiteral("rolling back"));
        // Children first: the cascade needs foreign keys on, and this does not.
        for (const char *table : {"rollout_samples", "rollout_devices", "rollout_waves"}) {
            if (!query.prepare(QStringLiteral("DELETE FROM %1 WHERE rollout_id = ?")
                                   .arg(QLatin1String(table))))
                return failure(query, deleteFailed);
            query.bindValue(0, id);
            if (!query.exec())
                return failure(query, deleteFailed);
        }
        if (!query.prepare(QStringLiteral("DELETE FROM rollouts WHERE id = ?")))
            return failure(query, deleteFailed);
        query.bindValue(0, id);
        if (!query.exec())
            return failure(query, deleteFailed);
        return QString();
    });
}

} // namespace Flotilla::Store
