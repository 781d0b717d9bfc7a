// SPDX-License-Identifier: MIT
#pragma once

// SQL helpers shared by the parts of CacheWorker (internal to the store).

#include "cacheworker.h"
#include "store/changes.h"
#include "storelog.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>

namespace Flotilla::Store {

namespace Sql {

QString notOpen();
QString failure(const QSqlQuery &query, const QString &what);
// Binds text for a NOT NULL column: QtSql binds a null QString as SQL NULL.
QVariant text(const QString &value);
qint64 nowMs();

// One SQLite transaction; rolled back unless committed.
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
    const std::function<QString(const QSqlDatabase &)> &work);

// Appends activity rows. A link to an outbox entry that no longer exists (discarded meanwhile)
// is stored as no link rather than failing the whole write.
QString writeActivity(
    const QSqlDatabase &db, const QList<ActivityRecord> &records, qint64 outboxIdOverride = 0);

} // namespace Sql

} // namespace Flotilla::Store
