// SPDX-License-Identifier: MIT
#pragma once

#include "store/changes.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>

class QSqlDatabase;

namespace Flotilla::Store {

namespace Repair {
struct TableRead;
}

// The SQL side of CacheStore (internal). It lives on the store's thread, owns the only
// connection to the cache (created, used and removed on that thread) and runs one request at a
// time. Every method returns an empty string on success, otherwise a message for the user.
class CacheWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheWorker)

public:
    explicit CacheWorker(QString connectionName);
    ~CacheWorker() override;

    QString open(const QString &path);
    void close();

    QString load(Snapshot &snapshot, const std::atomic<bool> &cancelled);
    // What load() reads except the devices and the outbox: small, so quick to read.
    QString loadOverview(Snapshot &snapshot);
    QString repair(RepairReport &report);
    QString setAside(const QString &path, QString &damagedCopy);
    QString applyPull(const ChangeSet &changes, const QHash<QString, QString> &syncState);
    QString applyLocalEdit(const LocalEdit &edit, QList<qint64> &outboxIds);
    QString pendingOutbox(QList<OutboxEntry> &entries);
    QString completeOutbox(const QList<qint64> &ids, const QList<ActivityRecord> &activity);
    QString failOutbox(const QList<qint64> &ids, const QString &reason, bool permanent);
    QString retryOutbox(const QList<qint64> &ids);
    QString discardOutbox(const QList<qint64> &ids);
    QString activity(const ActivityQuery &filter, QList<ActivityRecord> &records);
    QString setProduct(const Domain::Product &product);
    QString setSyncState(const QHash<QString, QString> &state);
    // Rollout records, in rolloutrecords.cpp.
    QString createRollout(
        const Domain::Rollout &rollout, const ActivityRecord &activity, qint64 &id);
    QString loadRollouts(QList<Domain::Rollout> &rollouts, const std::atomic<bool> &cancelled);
    QString saveRollout(const RolloutUpdate &update);
    QString deleteRollout(qint64 id);
    // Sharing the cache with other processes, in cachesharing.cpp.
    QString dataVersion(qint64 &version);
    QString requestRolloutControl(const RolloutControl &control, qint64 &id);
    QString pendingRolloutControls(QList<RolloutControl> &controls);
    QString answerRolloutControl(const RolloutControl &answer);
    QString rolloutControl(qint64 id, RolloutControl &control);

    // Test hook, called on this thread at named points ("open", "beforeCommit").
    void setHook(std::function<void(QStringView point)> hook) { m_hook = std::move(hook); }
    void hook(QStringView point) const
    {
        if (m_hook)
            m_hook(point);
    }

private:
    QSqlDatabase database() const;
    QString openError(const QString &path);
    static void readFleetTables(const QSqlDatabase &db, Snapshot &s,
        const std::function<void(const Repair::TableRead &)> &note);

    const QString m_connection;
    QString m_path;
    std::function<void(QStringView)> m_hook;
};

} // namespace Flotilla::Store
