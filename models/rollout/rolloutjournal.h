// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/rolloutrun.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

namespace Flotilla::Store {
class CacheStore;
struct RolloutUpdate;
} // namespace Flotilla::Store

namespace Flotilla::Rollout {

// The rollouts as the cache keeps them: loads them (and what a restart must check again), holds
// them in memory while they run and writes their changes back. Changes are marked and written in
// batches at most `saveDelayMs` late; a step that must not reach the cloud before its state is on
// disk goes through persist(), whose continuation runs only once the write succeeded (a failed
// write leaves the step undone and retried later). Internal to the rollout engine.
class RolloutJournal final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutJournal)

public:
    RolloutJournal(Store::CacheStore *store, QString actor, int saveDelayMs,
        std::function<qint64()> now, QObject *parent = nullptr);
    ~RolloutJournal() override;

    // Reads every rollout from the cache (open already). Running ones get ready to resume:
    // devices that may have been sent before a restart are read back, cancellations and
    // rollbacks not done yet are queued again, events possibly missed are polled for.
    void load(std::function<void(QString error)> done);
    // Writes a new rollout and its first activity; `done` gets it (kept here) or the message.
    void create(Domain::Rollout rollout, const Store::ActivityRecord &activity,
        std::function<void(RolloutRun *run, QString error)> done);
    // Forgets a rollout and deletes it from the cache.
    void remove(qint64 id);

    // What replaceAll() changed.
    struct Replaced
    {
        QList<qint64> added;
        QList<qint64> changed; // header, waves or samples
        QList<qint64> removed;
        QHash<qint64, QStringList> devices; // of changed rollouts: the devices whose row changed
    };
    // A process that does not drive the cache follows the rollouts another one runs: the
    // rollouts in memory become `rollouts` as read from the cache (nothing is written).
    Replaced replaceAll(QList<Domain::Rollout> rollouts);
    // The driver takes up rollouts of the cache it does not hold (another process created or
    // ran them), readied to resume as load() readies them; their ids.
    QList<qint64> adopt(QList<Domain::Rollout> rollouts);
    // Forgets every rollout (nothing is written): before the driver reads them all again.
    void clear();

    RolloutRun *find(qint64 id) const;
    // Oldest first.
    QList<RolloutRun *> runs() const;
    QList<qint64> ids() const;

    // Changes to write with the next batch.
    void markDevice(RolloutRun &run, const Domain::RolloutDevice &device);
    void markHeader(RolloutRun &run);
    void countRequest(RolloutRun &run);
    void addActivity(
        RolloutRun &run, const QString &action, const QString &result, const QString &detail);
    // A point of the progress chart (skipped when nothing moved within a minute).
    void addSample(RolloutRun &run, qint64 t);

    // Writes the run's changes now and runs `then` once they are in the cache. On failure the
    // changes stay marked, the run is no longer busy and retries after RetryDelayMs.
    void persist(RolloutRun &run, std::function<void()> then);
    // Writes every run's waiting changes.
    void flush();

Q_SIGNALS:
    void rolloutChanged(qint64 id);
    void devicesChanged(qint64 id, const QStringList &deviceIds);
    void problem(qint64 id, const QString &message);

private:
    void scheduleSave();
    Store::RolloutUpdate takeUpdate(RolloutRun &run);
    void notify(RolloutRun &run);
    // A run of `rollout` as read from the cache, readied to resume (see load()).
    static std::unique_ptr<RolloutRun> readyRun(Domain::Rollout rollout);

    Store::CacheStore *m_store;
    QString m_actor;
    std::function<qint64()> m_now;
    std::map<qint64, std::unique_ptr<RolloutRun>> m_runs;
    QTimer m_saveTimer;
};

} // namespace Flotilla::Rollout
