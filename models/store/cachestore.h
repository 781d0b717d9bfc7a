// SPDX-License-Identifier: MIT
#pragma once

#include "store/changes.h"

#include <QObject>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <functional>

namespace Flotilla::Store {

class CacheWorker;

// The local cache of one product's fleet, its outbox of local edits and its activity log, in one
// SQLite file.
//
// CacheStore lives on the caller's thread (call it from there only) and never blocks it: all SQL
// runs on one worker object on the store's own thread, which owns the only connection. Requests
// run one at a time in the order they were made; each reports with its callback on the
// CacheStore's thread, in the same order. An empty error string means success. A callback is
// dropped (never called, and destroyed on the CacheStore's thread) once the CacheStore is
// destroyed, or once its `context` is (an object living on the CacheStore's thread: callers pass
// themselves and need no guard of their own; a null context means "always call"). Destroying the
// CacheStore or the context from inside a callback is fine. The requests without a context are
// the same requests with a null one.
//
// Destroying the CacheStore blocks until the writes already requested are committed (so no edit
// handed to it is lost), skips the reads still queued, closes the database and stops the thread.
class CacheStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheStore)

public:
    explicit CacheStore(QObject *parent = nullptr);
    ~CacheStore() override;

    // AppLocalDataLocation/caches/<host>[-<port>]-<product>.sqlite: one cache per API host and
    // product. The host is lowercased (IDNs in their ASCII form) and every character outside
    // [a-z0-9.-] becomes '-'; the port appears only when it is not the scheme's default.
    static QString defaultPath(const QUrl &apiBase, int productId);

    // Opens (creating it and its folders if needed) and migrates the cache at `path`; closes
    // the one open before. Refuses, with a message saying why, a file that is not a SQLite
    // database, a SQLite database that is not a Flotilla cache, and a cache written by a newer
    // version of Flotilla (its schema version is higher than this code knows).
    void open(const QString &path, QObject *context, std::function<void(QString error)> done);
    void close(QObject *context, std::function<void()> done);

    // Everything in the cache, read in one transaction. Parts that cannot be read (damaged
    // records or pages) are left out and described in `snapshot.damage`; `error` is set only when
    // nothing useful could be read.
    void load(QObject *context, std::function<void(Snapshot snapshot, QString error)> done);
    // What load() reads but the devices and the outbox (the product, groups, firmware,
    // customers and sync state): quick to read however large the fleet, for painting an
    // overview first. Asked for before load(), it is answered first. A damaged cache gives an
    // error (load() names the damage).
    void loadOverview(QObject *context, std::function<void(Snapshot snapshot, QString error)> done);
    // Rebuilds a damaged cache from what can be read of it (Snapshot::damage says what cannot),
    // keeps the damaged file under another name (RepairReport::damagedCopy) and opens the new
    // one in its place.
    void repair(QObject *context, std::function<void(RepairReport report, QString error)> done);
    // For a file that cannot be opened as a cache at all: moves it (and its journal files)
    // aside, keeping it under another name, and opens a new, empty cache at `path`.
    void setAside(const QString &path, QObject *context,
        std::function<void(QString damagedCopy, QString error)> done);

    // Applies what a pull from the cloud found, and the sync state that goes with it, in one
    // transaction. Sync state keys with a null value are removed.
    void applyPull(const ChangeSet &changes, const QHash<QString, QString> &syncState,
        QObject *context, std::function<void(QString error)> done);

    // Writes an edit's local effect, its outbox entries (in order) and its activity row (linked
    // to the first outbox entry) in one transaction. Reports the new outbox ids, in order.
    void applyLocalEdit(const LocalEdit &edit, QObject *context,
        std::function<void(QList<qint64> outboxIds, QString error)> done);

    // The Pending outbox entries, in id order (empty on error, which is logged).
    void pendingOutbox(QObject *context, std::function<void(QList<OutboxEntry> entries)> done);
    // Pending -> Done, and appends `activity`, in one transaction. Done entries are kept so that
    // activity rows keep their link.
    void completeOutbox(const QList<qint64> &ids, const QList<ActivityRecord> &activity,
        QObject *context, std::function<void(QString error)> done);
    // Counts an attempt of Pending entries and records `reason`; `permanent` moves them to
    // Failed, otherwise they stay Pending.
    void failOutbox(const QList<qint64> &ids, const QString &reason, bool permanent,
        QObject *context, std::function<void(QString error)> done);
    // Failed -> Pending, with the attempt count reset (the last error is kept until it succeeds).
    void retryOutbox(
        const QList<qint64> &ids, QObject *context, std::function<void(QString error)> done);
    // Deletes Pending or Failed entries; activity rows that named them lose the link.
    void discardOutbox(
        const QList<qint64> &ids, QObject *context, std::function<void(QString error)> done);

    // The activity rows `filter` asks for, newest first (empty on error).
    void activity(const ActivityQuery &filter, QObject *context,
        std::function<void(QList<ActivityRecord> records)> done);
    // The newest `limit` activity rows (all when limit <= 0), newest first (empty on error).
    void activity(
        int limit, QObject *context, std::function<void(QList<ActivityRecord> records)> done);

    void setProduct(
        const Domain::Product &product, QObject *context, std::function<void(QString error)> done);
    // Sets the given keys (a null value removes its key); other keys are kept.
    void setSyncState(const QHash<QString, QString> &state, QObject *context,
        std::function<void(QString error)> done);

    // ---- Rollouts (docs/rollouts.md) ----
    // Writes a new rollout (header, spec, waves, devices, samples) and `activity` in one
    // transaction; `rollout.id` is ignored and the new id reported. The activity rows of
    // rollouts (here and in saveRollout) without a source are the rollout engine's.
    void createRollout(const Domain::Rollout &rollout, const ActivityRecord &activity,
        QObject *context, std::function<void(qint64 id, QString error)> done);
    // Every rollout, complete, oldest first (empty and an error when the cache cannot be read).
    void loadRollouts(
        QObject *context, std::function<void(QList<Domain::Rollout> rollouts, QString error)> done);
    // Writes `update` in one transaction (an unknown id is an error, nothing is written).
    void saveRollout(
        const RolloutUpdate &update, QObject *context, std::function<void(QString error)> done);
    // Deletes a rollout that is no longer running (Completed, Aborted or RolledBack) with its
    // waves, devices and samples; refuses others.
    void deleteRollout(qint64 id, QObject *context, std::function<void(QString error)> done);

    // ---- Several Flotilla processes on one cache (Session::CacheLease) ----
    // SQLite's data version (PRAGMA data_version) on this store's connection: it changes when
    // another connection (another process, or another CacheStore) committed a change since the
    // last time it was read; what this store writes leaves it as it is.
    void dataVersion(QObject *context, std::function<void(qint64 version, QString error)> done);
    // Queues a rollout control for the process that drives the cache (`control.id`, `state`,
    // `result` and `resultId` are ignored); reports the control's id.
    void requestRolloutControl(const RolloutControl &control, QObject *context,
        std::function<void(qint64 id, QString error)> done);
    // The controls waiting for the driver, oldest first.
    void pendingRolloutControls(
        QObject *context, std::function<void(QList<RolloutControl> controls, QString error)> done);
    // Writes the driver's answer to the waiting control `answer.id` (its state Done or Refused,
    // `result` and `resultId`); a control answered already is an error, and left as it is.
    // Answers older than a week are deleted.
    void answerRolloutControl(
        const RolloutControl &answer, QObject *context, std::function<void(QString error)> done);
    // One control, answered or not (an error when there is no such control).
    void rolloutControl(qint64 id, QObject *context,
        std::function<void(RolloutControl control, QString error)> done);

    // Calls `done` once every request made before it has finished. Never blocks.
    void flush(QObject *context, std::function<void()> done);

    // The same requests without a context (a null one).
    void open(const QString &path, std::function<void(QString)> done)
    {
        open(path, nullptr, std::move(done));
    }
    void close(std::function<void()> done = {}) { close(nullptr, std::move(done)); }
    void load(std::function<void(Snapshot, QString)> done) { load(nullptr, std::move(done)); }
    void repair(std::function<void(RepairReport, QString)> done)
    {
        repair(nullptr, std::move(done));
    }
    void setAside(const QString &path, std::function<void(QString, QString)> done)
    {
        setAside(path, nullptr, std::move(done));
    }
    void applyPull(const ChangeSet &changes, const QHash<QString, QString> &syncState,
        std::function<void(QString)> done = {})
    {
        applyPull(changes, syncState, nullptr, std::move(done));
    }
    void applyLocalEdit(
        const LocalEdit &edit, std::function<void(QList<qint64>, QString)> done = {})
    {
        applyLocalEdit(edit, nullptr, std::move(done));
    }
    void pendingOutbox(std::function<void(QList<OutboxEntry>)> done)
    {
        pendingOutbox(nullptr, std::move(done));
    }
    void completeOutbox(const QList<qint64> &ids, const QList<ActivityRecord> &activity,
        std::function<void(QString)> done = {})
    {
        completeOutbox(ids, activity, nullptr, std::move(done));
    }
    void failOutbox(const QList<qint64> &ids, const QString &reason, bool permanent,
        std::function<void(QString)> done = {})
    {
        failOutbox(ids, reason, permanent, nullptr, std::move(done));
    }
    void retryOutbox(const QList<qint64> &ids, std::function<void(QString)> done = {})
    {
        retryOutbox(ids, nullptr, std::move(done));
    }
    void discardOutbox(const QList<qint64> &ids, std::function<void(QString)> done = {})
    {
        discardOutbox(ids, nullptr, std::move(done));
    }
    void activity(int limit, std::function<void(QList<ActivityRecord>)> done)
    {
        activity(limit, nullptr, std::move(done));
    }
    void activity(const ActivityQuery &filter, std::function<void(QList<ActivityRecord>)> done)
    {
        activity(filter, nullptr, std::move(done));
    }
    void setProduct(const Domain::Product &product, std::function<void(QString)> done = {})
    {
        setProduct(product, nullptr, std::move(done));
    }
    void setSyncState(const QHash<QString, QString> &state, std::function<void(QString)> done = {})
    {
        setSyncState(state, nullptr, std::move(done));
    }
    void createRollout(const Domain::Rollout &rollout, const ActivityRecord &activity,
        std::function<void(qint64, QString)> done)
    {
        createRollout(rollout, activity, nullptr, std::move(done));
    }
    void loadRollouts(std::function<void(QList<Domain::Rollout>, QString)> done)
    {
        loadRollouts(nullptr, std::move(done));
    }
    void saveRollout(const RolloutUpdate &update, std::function<void(QString)> done = {})
    {
        saveRollout(update, nullptr, std::move(done));
    }
    void deleteRollout(qint64 id, std::function<void(QString)> done = {})
    {
        deleteRollout(id, nullptr, std::move(done));
    }
    void flush(std::function<void()> done) { flush(nullptr, std::move(done)); }

    // For tests: `hook` is called on the store's thread at named points of its work ("open"
    // after a successful open, "beforeCommit" before each write transaction commits).
    void setWorkerHook(std::function<void(QStringView point)> hook);

Q_SIGNALS:
    // Rows were added to the activity log by this store (an edit, a change completed or
    // refused, a rollout's record), just before the request's callback.
    void activityWritten();

private:
    void post(std::function<void(CacheWorker &worker)> task);
    void deliver(std::function<void()> callback);

    QThread m_thread;
    CacheWorker *m_worker = nullptr;
    std::atomic<bool> m_closing = false;
};

} // namespace Flotilla::Store
