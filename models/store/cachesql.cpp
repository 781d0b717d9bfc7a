// SPDX-License-Identifier: MIT
#include "cachesql.h"

#include "cacheworker.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>

namespace Flotilla::Store::Sql {

QString notOpen()
{
    return QStringLiteral("the cache is not open");
}

QString failure(const QSqlQuery &query, const QString &what)
{
    return QStringLiteral("%1: %2").arg(what, query.lastError().text());
}

QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

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

// Appends activity rows. A link to an outbox entry that no longer exists (discarded meanwhile)
// is stored as no link rather than failing the whole write.
QString writeActivity(
    const QSqlDatabase &db, const QList<ActivityRecord> &records, qint64 outboxIdOverride)
{
    if (records.isEmpty())
        return {};
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral(
            "INSERT INTO activity(at_ms, actor, action, subject, result, detail, outbox_id, "
            "source, devices, from_text, to_text, requests) "
            "VALUES(?, ?, ?, ?, ?, ?, (SELECT id FROM outbox WHERE id = ?), ?, ?, ?, ?, ?)")))
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
        query.bindValue(7,
            record.source.isEmpty() ? QVariant(QString(ActivitySource::Console))
                                    : QVariant(record.source));
        query.bindValue(8, record.devices);
        query.bindValue(9, text(record.fromText));
        query.bindValue(10, text(record.toText));
        query.bindValue(11, record.requests);
        if (!query.exec())
            return failure(query, QStringLiteral("cannot write the activity log"));
    }
    return {};
}

} // namespace Flotilla::Store::Sql
