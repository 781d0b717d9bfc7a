// SPDX-License-Identifier: MIT
#include "cacherepair.h"

#include "devicecodec.h"
#include "schema.h"
#include "storelog.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <atomic>
#include <limits>

namespace Flotilla::Store::Repair {

namespace {

// Past a damaged part of a table, the read skips ahead (1, 2, 4… rows) until it can go on; it
// gives up on the table after this many attempts.
constexpr int MaxSkips = 64;
// The rows between the last row read and the point where the read went on are read one by one
// when there are at most this many.
constexpr qint64 MaxRowsReadOneByOne = 4096;

void addProblem(TableRead &read, const QString &table, const QSqlError &error)
{
    const QString text = QStringLiteral("%1: %2").arg(table, error.text());
    if (!read.problems.contains(text))
        read.problems.append(text);
}

} // namespace

TableRead readRows(const QSqlDatabase &db, const QString &table, const QString &columns,
    const QString &filter, const std::function<void(const QSqlQuery &)> &row)
{
    TableRead read;
    const QString where = filter.isEmpty() ? QString() : QStringLiteral(" AND (%1)").arg(filter);
    // NOT INDEXED: a damaged index must not hide rows the table still holds.
    const QString scan = QStringLiteral("SELECT rowid, %1 FROM %2 NOT INDEXED WHERE rowid > ?%3 "
                                        "ORDER BY rowid")
                             .arg(columns, table, where);
    const QString one = QStringLiteral("SELECT rowid, %1 FROM %2 NOT INDEXED WHERE rowid = ?%3")
                            .arg(columns, table, where);
    qint64 after = std::numeric_limits<qint64>::min();
    bool anyRow = false;
    qint64 lastRead = after; // the last row read before the damage
    qint64 step = 1;
    int skips = 0;
    for (;;) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.prepare(scan)) {
            // The table itself is missing or unreadable (the schema is damaged).
            read.whole = false;
            read.unreadable = true;
            addProblem(read, table, query.lastError());
            return read;
        }
        query.addBindValue(after);
        const bool started = query.exec();
        if (started && skips > 0 && anyRow && after > lastRead
            && after - lastRead <= MaxRowsReadOneByOne) {
            // Went on past the damage: read the rows skipped over one by one (those on the
            // damaged part fail, the others are read).
            QSqlQuery single(db);
            single.setForwardOnly(true);
            if (single.prepare(one)) {
                for (qint64 id = lastRead + 1; id <= after; ++id) {
                    single.addBindValue(id);
                    if (single.exec() && single.next())
                        row(single);
                    single.finish();
                }
            }
        }
        if (started) {
            while (query.next()) {
                after = query.value(0).toLongLong();
                anyRow = true;
                step = 1;
                row(query);
            }
            if (!query.lastError().isValid())
                return read;
        }
        read.whole = false;
        addProblem(read, table, query.lastError());
        if (++skips > MaxSkips) {
            read.unreadable = true;
            return read;
        }
        if (step == 1)
            lastRead = after;
        if (after == std::numeric_limits<qint64>::min())
            after = 0; // rowids are positive in every table Flotilla writes
        else if (after > std::numeric_limits<qint64>::max() - step)
            return read;
        else
            after += step;
        step = step < (qint64(1) << 40) ? step * 2 : step;
    }
}

QString outboxRowProblem(const QString &kind, const QString &payload, const QString &deviceIds)
{
    if (kind.trimmed().isEmpty())
        return QStringLiteral("the kind of change is missing");
    QJsonParseError error {};
    const QJsonDocument body = QJsonDocument::fromJson(payload.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !body.isObject())
        return QStringLiteral("its content cannot be read");
    const QJsonDocument ids = QJsonDocument::fromJson(deviceIds.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !ids.isArray())
        return QStringLiteral("its list of devices cannot be read");
    for (const QJsonValue &id : ids.array()) {
        if (!id.isString() || !Domain::isDeviceId(id.toString()))
            return QStringLiteral("its list of devices holds something that is not a device ID");
    }
    return {};
}

namespace {

struct TablePlan
{
    QString name;
    int RepairReport::*dropped = nullptr;
};

QStringList columnsOf(const QSqlDatabase &db, const QString &table)
{
    QStringList columns;
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table))) {
        while (query.next())
            columns.append(query.value(1).toString());
    }
    return columns;
}

// count(*) of `table`, or -1 when it cannot be counted.
qint64 countRows(const QSqlDatabase &db, const QString &table)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) && query.next())
        return query.value(0).toLongLong();
    return -1;
}

QString sqlFailure(const QSqlQuery &query, const QString &what)
{
    return QStringLiteral("%1: %2").arg(what, query.lastError().text());
}

void removeWithJournals(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

} // namespace

QString rebuild(const QSqlDatabase &source, const QString &freshPath, RepairReport &report)
{
    static std::atomic<int> rebuilds = 0;
    const QString connection = QStringLiteral("flotilla.store.rebuild.%1").arg(++rebuilds);
    removeWithJournals(freshPath);
    QString error;
    {
        QSqlDatabase fresh = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        fresh.setDatabaseName(freshPath);
        if (!fresh.open())
            error = fresh.lastError().text();
        QSqlQuery query(fresh);
        // No write-ahead log while it is built: the finished file is complete on its own.
        for (const QString &pragma : {QStringLiteral("PRAGMA journal_mode = DELETE"),
                 QStringLiteral("PRAGMA foreign_keys = OFF")}) {
            if (error.isEmpty() && !query.exec(pragma))
                error = sqlFailure(query, QStringLiteral("cannot prepare the new cache"));
        }
        if (error.isEmpty())
            error = Schema::migrate(fresh);
        if (error.isEmpty() && !query.exec(QStringLiteral("BEGIN IMMEDIATE")))
            error = sqlFailure(query, QStringLiteral("cannot start a transaction"));

        const QList<TablePlan> tables = {
            {QStringLiteral("products"), &RepairReport::otherRowsDropped},
            {QStringLiteral("devices"), &RepairReport::devicesDropped},
            {QStringLiteral("groups"), &RepairReport::otherRowsDropped},
            {QStringLiteral("firmware"), &RepairReport::otherRowsDropped},
            {QStringLiteral("customers"), &RepairReport::otherRowsDropped},
            {QStringLiteral("sync_state"), &RepairReport::otherRowsDropped},
            {QStringLiteral("outbox"), nullptr},
            {QStringLiteral("activity"), &RepairReport::activityDropped},
            {QStringLiteral("rollouts"), &RepairReport::rolloutRowsDropped},
            {QStringLiteral("rollout_waves"), &RepairReport::rolloutRowsDropped},
            {QStringLiteral("rollout_devices"), &RepairReport::rolloutRowsDropped},
            {QStringLiteral("rollout_samples"), &RepairReport::rolloutRowsDropped},
        };
        for (const TablePlan &plan : tables) {
            if (!error.isEmpty())
                break;
            const QStringList columns = columnsOf(fresh, plan.name);
            QStringList marks;
            for (qsizetype i = 0; i < columns.size(); ++i)
                marks.append(QStringLiteral("?"));
            QSqlQuery insert(fresh);
            if (columns.isEmpty()
                || !insert.prepare(QStringLiteral("INSERT OR REPLACE INTO %1(%2) VALUES(%3)")
                                       .arg(plan.name, columns.join(QLatin1String(", ")),
                                           marks.join(QLatin1String(", "))))) {
                error = sqlFailure(insert, QStringLiteral("cannot prepare the new cache"));
                break;
            }
            const int kindColumn = static_cast<int>(columns.indexOf(QStringLiteral("kind")));
            const int payloadColumn = static_cast<int>(columns.indexOf(QStringLiteral("payload")));
            const int idsColumn = static_cast<int>(columns.indexOf(QStringLiteral("device_ids")));
            const int stateColumn = static_cast<int>(columns.indexOf(QStringLiteral("state")));
            const int dataColumn = static_cast<int>(columns.indexOf(QStringLiteral("data")));
            const int idColumn = static_cast<int>(columns.indexOf(QStringLiteral("id")));
            const bool devices = plan.name == QLatin1String("devices");
            const bool outbox = plan.name == QLatin1String("outbox");
            qint64 copied = 0;
            qint64 rejected = 0;
            DeviceCodec codec;
            const TableRead read = readRows(source, plan.name, columns.join(QLatin1String(", ")),
                {}, [&](const QSqlQuery &row) {
                    if (!error.isEmpty())
                        return;
                    // Column i of the table is value i + 1 of the row (rowid first).
                    if (devices) {
                        Domain::Device device;
                        QString problem;
                        if (!codec.decode(row.value(dataColumn + 1).toByteArray(), device, &problem)
                            || device.id != row.value(idColumn + 1).toString()) {
                            ++rejected;
                            return;
                        }
                    }
                    if (outbox && row.value(stateColumn + 1).toInt() != 2) {
                        const QString problem
                            = outboxRowProblem(row.value(kindColumn + 1).toString(),
                                row.value(payloadColumn + 1).toString(),
                                row.value(idsColumn + 1).toString());
                        if (!problem.isEmpty()) {
                            ++report.changesDropped;
                            return;
                        }
                        ++report.changesKept;
                    }
                    for (int i = 0; i < columns.size(); ++i)
                        insert.bindValue(i, row.value(i + 1));
                    if (!insert.exec())
                        error = sqlFailure(insert,
                            QStringLiteral("cannot write the new cache (%1)").arg(plan.name));
                    ++copied;
                });
            report.problems += read.problems;
            if (plan.dropped) {
                const qint64 before = countRows(source, plan.name);
                const qint64 lost = before >= 0 ? std::max<qint64>(0, before - copied) : rejected;
                report.*plan.dropped += static_cast<int>(std::max(lost, rejected));
            }
            if (outbox && read.unreadable)
                report.changesMayBeMissing = true;
            if (outbox && !read.whole) {
                // How many changes not yet sent were on the parts that could not be read: the
                // outbox's index still names them.
                QSqlQuery pending(source);
                QSet<qint64> known;
                QSqlQuery kept(fresh);
                if (kept.exec(QStringLiteral("SELECT id FROM outbox WHERE state IN (0, 1)"))) {
                    while (kept.next())
                        known.insert(kept.value(0).toLongLong());
                }
                if (!pending.exec(QStringLiteral("SELECT id FROM outbox INDEXED BY outbox_state "
                                                 "WHERE state IN (0, 1)"))) {
                    report.changesMayBeMissing = true;
                } else {
                    while (pending.next()) {
                        if (!known.contains(pending.value(0).toLongLong()))
                            ++report.changesDropped;
                    }
                }
            }
        }
        // AUTOINCREMENT counters: an id is never used twice, even across a repair.
        if (error.isEmpty()) {
            QSqlQuery update(fresh);
            QSqlQuery insert(fresh);
            if (!update.prepare(
                    QStringLiteral("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?"))
                || !insert.prepare(
                    QStringLiteral("INSERT INTO sqlite_sequence(seq, name) VALUES(?, ?)"))) {
                error = sqlFailure(update, QStringLiteral("cannot prepare the new cache"));
            } else {
                readRows(source, QStringLiteral("sqlite_sequence"), QStringLiteral("name, seq"), {},
                    [&](const QSqlQuery &row) {
                        update.bindValue(0, row.value(2));
                        update.bindValue(1, row.value(1));
                        if (update.exec() && update.numRowsAffected() == 0) {
                            insert.bindValue(0, row.value(2));
                            insert.bindValue(1, row.value(1));
                            insert.exec();
                        }
                    });
            }
        }
        // Links to rows that were left behind go; a full pull is due.
        const QStringList cleanup = {
            QStringLiteral("UPDATE activity SET outbox_id = NULL WHERE outbox_id IS NOT NULL "
                           "AND outbox_id NOT IN (SELECT id FROM outbox)"),
            QStringLiteral("DELETE FROM rollout_waves WHERE rollout_id NOT IN "
                           "(SELECT id FROM rollouts)"),
            QStringLiteral("DELETE FROM rollout_devices WHERE rollout_id NOT IN "
                           "(SELECT id FROM rollouts)"),
            QStringLiteral("DELETE FROM rollout_samples WHERE rollout_id NOT IN "
                           "(SELECT id FROM rollouts)"),
            QStringLiteral("DELETE FROM sync_state WHERE key = 'last_full_pull_ms'"),
            QStringLiteral("COMMIT"),
        };
        for (const QString &sql : cleanup) {
            if (error.isEmpty() && !query.exec(sql))
                error = sqlFailure(query, QStringLiteral("cannot finish the new cache"));
        }
        if (error.isEmpty()) {
            query.exec(QStringLiteral("PRAGMA foreign_key_check"));
            if (query.next())
                error = QStringLiteral("the new cache has broken links (%1)")
                            .arg(query.value(0).toString());
        }
        query.finish();
        fresh.close();
    }
    QSqlDatabase::removeDatabase(connection);
    if (!error.isEmpty()) {
        removeWithJournals(freshPath);
        qCWarning(lcStore).noquote() << "the cache could not be rebuilt:" << error;
    }
    return error;
}

QString moveAside(const QString &path, QString *error)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = QStringLiteral("%1.damaged-%2").arg(path, stamp);
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = QStringLiteral("%1.damaged-%2-%3").arg(path, stamp).arg(n);
    if (QFileInfo::exists(path) && !QFile::rename(path, target)) {
        *error = QStringLiteral("cannot rename %1 to %2").arg(path, target);
        return {};
    }
    // The write-ahead log belongs to the old file: left here it would be applied to a new one.
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        const QString journal = path + QLatin1String(suffix);
        if (QFileInfo::exists(journal) && !QFile::rename(journal, target + QLatin1String(suffix))
            && !QFile::remove(journal)) {
            *error = QStringLiteral("cannot move %1 aside").arg(journal);
            return {};
        }
    }
    return target;
}

} // namespace Flotilla::Store::Repair
