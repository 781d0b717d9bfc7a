// SPDX-License-Identifier: MIT
// CacheWorker's rollout records (docs/rollouts.md): rollouts with their waves, devices and
// progress samples, each written in one transaction.
#include "cachesql.h"
#include "cacheworker.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <numeric>

namespace Flotilla::Store {

using namespace Sql;

namespace {

// A rollout's activity rows say they came from the rollout engine (unless they say otherwise).
QList<ActivityRecord> fromRollouts(QList<ActivityRecord> rows)
{
    for (ActivityRecord &row : rows) {
        if (row.source.isEmpty())
            row.source = ActivitySource::Rollout;
    }
    return rows;
}

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
            error = writeActivity(db, fromRollouts({activity}));
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
            error = writeActivity(db, fromRollouts(update.activity));
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
