// SPDX-License-Identifier: MIT
#include "cachestore.h"

#include "cacheworker.h"
#include "storelog.h"

#include <QDir>
#include <QPointer>
#include <QStandardPaths>

namespace Flotilla::Store {

Q_LOGGING_CATEGORY(lcStore, "flotilla.store")

CacheStore::CacheStore(QObject *parent)
    : QObject(parent)
{
    static std::atomic<int> instances = 0;
    m_worker = new CacheWorker(QStringLiteral("flotilla.store.%1").arg(++instances));
    m_worker->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("flotilla-store"));
    m_thread.start();
}

CacheStore::~CacheStore()
{
    // Queued reads are skipped, queued writes finish; no callback runs any more (see deliver).
    m_closing = true;
    QThread *home = thread();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, home] {
            worker->close();
            worker->moveToThread(home); // to be deleted below, on this object's thread
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
    delete m_worker;
    // ~QObject drops the results still posted to this object.
}

QString CacheStore::defaultPath(const QUrl &apiBase, int productId)
{
    QString host = apiBase.host(QUrl::FullyEncoded).toLower();
    for (QChar &c : host) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'.' || u == u'-'))
            c = u'-';
    }
    if (host.isEmpty())
        host = QStringLiteral("local");
    const int defaultPort = apiBase.scheme() == QLatin1String("https") ? 443
        : apiBase.scheme() == QLatin1String("http")                    ? 80
                                                                       : -1;
    const int port = apiBase.port(defaultPort);
    const QString name = port != defaultPort
        ? QStringLiteral("%1-%2-%3.sqlite")
              .arg(host, QString::number(port), QString::number(productId))
        : QStringLiteral("%1-%2.sqlite").arg(host, QString::number(productId));
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + QStringLiteral("/caches/") + name;
}

void CacheStore::post(std::function<void(CacheWorker &worker)> task)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, task = std::move(task)] { task(*worker); },
        Qt::QueuedConnection);
}

void CacheStore::deliver(std::function<void()> callback)
{
    // Runs on the worker thread. This object outlives every task (its destructor waits for the
    // thread), and ~QObject discards, on this object's thread, whatever was posted to it and not
    // run yet; so callbacks, and what they captured, are always destroyed on the caller's side.
    QMetaObject::invokeMethod(this, std::move(callback), Qt::QueuedConnection);
}

namespace {

void logFailure(const char *request, const QString &error)
{
    if (!error.isEmpty())
        qCWarning(lcStore).noquote() << request << "failed:" << error;
}

// `done`, dropped once `context` is destroyed (the guard is taken here, on the caller's thread,
// and checked where the callback runs, on the same thread).
template<typename... Args>
std::function<void(Args...)> boundTo(QObject *context, std::function<void(Args...)> done)
{
    if (!context || !done)
        return done;
    return [guard = QPointer<QObject>(context), done = std::move(done)](Args... args) {
        if (guard)
            done(std::move(args)...);
    };
}

} // namespace

void CacheStore::open(const QString &path, QObject *context, std::function<void(QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, path, done = std::move(done)](CacheWorker &worker) mutable {
        const QString error = worker.open(path);
        deliver([done = std::move(done), error] {
            if (done)
                done(error);
        });
    });
}

void CacheStore::close(QObject *context, std::function<void()> done)
{
    done = boundTo(context, std::move(done));
    post([this, done = std::move(done)](CacheWorker &worker) mutable {
        worker.close();
        deliver([done = std::move(done)] {
            if (done)
                done();
        });
    });
}

void CacheStore::load(QObject *context, std::function<void(Snapshot, QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, done = std::move(done)](CacheWorker &worker) mutable {
        Snapshot snapshot;
        QString error;
        if (!m_closing.load()) { // else nobody is waiting for it any more
            error = worker.load(snapshot, m_closing);
            if (!error.isEmpty()) {
                if (!m_closing.load())
                    logFailure("load", error);
                snapshot = {};
            }
        }
        deliver([done = std::move(done), snapshot = std::move(snapshot), error]() mutable {
            if (done)
                done(std::move(snapshot), error);
        });
    });
}

void CacheStore::loadOverview(QObject *context, std::function<void(Snapshot, QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, done = std::move(done)](CacheWorker &worker) mutable {
        Snapshot snapshot;
        QString error
            = m_closing.load() ? QStringLiteral("closing") : worker.loadOverview(snapshot);
        deliver([done = std::move(done), snapshot = std::move(snapshot), error]() mutable {
            if (done)
                done(std::move(snapshot), error);
        });
    });
}

void CacheStore::repair(QObject *context, std::function<void(RepairReport, QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, done = std::move(done)](CacheWorker &worker) mutable {
        RepairReport report;
        const QString error = worker.repair(report);
        logFailure("repair", error);
        deliver([done = std::move(done), report = std::move(report), error]() mutable {
            if (done)
                done(std::move(report), error);
        });
    });
}

void CacheStore::setAside(
    const QString &path, QObject *context, std::function<void(QString, QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, path, done = std::move(done)](CacheWorker &worker) mutable {
        QString damagedCopy;
        const QString error = worker.setAside(path, damagedCopy);
        logFailure("setAside", error);
        deliver([done = std::move(done), damagedCopy, error] {
            if (done)
                done(damagedCopy, error);
        });
    });
}

void CacheStore::applyPull(const ChangeSet &changes, const QHash<QString, QString> &syncState,
    QObject *context, std::function<void(QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, changes, syncState, done = std::move(done)](CacheWorker &worker) mutable {
        const QString error = worker.applyPull(changes, syncState);
        logFailure("applyPull", error);
        deliver([done = std::move(done), error] {
            if (done)
                done(error);
        });
    });
}

void CacheStore::applyLocalEdit(
    const LocalEdit &edit, QObject *context, std::function<void(QList<qint64>, QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, edit, done = std::move(done)](CacheWorker &worker) mutable {
        QList<qint64> ids;
        const QString error = worker.applyLocalEdit(edit, ids);
        logFailure("applyLocalEdit", error);
        const bool wroteActivity = error.isEmpty() && !edit.activity.isEmpty();
        deliver([this, done = std::move(done), ids, error, wroteActivity] {
            if (wroteActivity)
                Q_EMIT activityWritten();
            if (done)
                done(ids, error);
        });
    });
}

void CacheStore::pendingOutbox(QObject *context, std::function<void(QList<OutboxEntry>)> done)
{
    done = boundTo(context, std::move(done));
    post([this, done = std::move(done)](CacheWorker &worker) mutable {
        QList<OutboxEntry> entries;
        if (!m_closing.load())
            logFailure("pendingOutbox", worker.pendingOutbox(entries));
        deliver([done = std::move(done), entries] {
            if (done)
                done(entries);
        });
    });
}

void CacheStore::completeOutbox(const QList<qint64> &ids, const QList<ActivityRecord> &activity,
    QObject *context, std::function<void(QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, ids, activity, done = std::move(done)](CacheWorker &worker) mutable {
        const QString error = worker.completeOutbox(ids, activity);
        logFailure("completeOutbox", error);
        const bool wroteActivity = error.isEmpty() && !activity.isEmpty();
        deliver([this, done = std::move(done), error, wroteActivity] {
            if (wroteActivity)
                Q_EMIT activityWritten();
            if (done)
                done(error);
        });
    });
}

void CacheStore::failOutbox(const QList<qint64> &ids, const QString &reason, bool permanent,
    QObject *context, std::function<void(QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, ids, reason, permanent, done = std::move(done)](CacheWorker &worker) mutable {
        const QString error = worker.failOutbox(ids, reason, permanent);
        logFailure("failOutbox", error);
        deliver([done = std::move(done), error] {
            if (done)
                done(error);
        });
    });
}

void CacheStore::retryOutbox(
    const QList<qint64> &ids, QObject *context, std::function<void(QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, ids, done = std::move(done)](CacheWorker &worker) mutable {
        const QString error = worker.retryOutbox(ids);
        logFailure("retryOutbox", error);
        deliver([done = std::move(done), error] {
            if (done)
                done(error);
        });
    });
}

void CacheStore::discardOutbox(
    const QList<qint64> &ids, QObject *context, std::function<void(QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, ids, done = std::move(done)](CacheWorker &worker) mutable {
        const QString error = worker.discardOutbox(ids);
        logFailure("discardOutbox", error);
        deliver([done = std::move(done), error] {
            if (done)
                done(error);
        });
    });
}

void CacheStore::activity(
    int limit, QObject *context, std::function<void(QList<ActivityRecord>)> done)
{
    ActivityQuery filter;
    filter.limit = limit;
    activity(filter, context, std::move(done));
}

void CacheStore::activity(
    const ActivityQuery &filter, QObject *context, std::function<void(QList<ActivityRecord>)> done)
{
    done = boundTo(context, std::move(done));
    post([this, filter, done = std::move(done)](CacheWorker &worker) mutable {
        QList<ActivityRecord> records;
        if (!m_closing.load())
            logFailure("activity", worker.activity(filter, records));
        deliver([done = std::move(done), records] {
            if (done)
                done(records);
        });
    });
}

void CacheStore::setProduct(
    const Domain::Product &product, QObject *context, std::function<void(QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, product, done = std::move(done)](CacheWorker &worker) mutable {
        const QString error = worker.setProduct(product);
        logFailure("setProduct", error);
        deliver([done = std::move(done), error] {
            if (done)
                done(error);
        });
    });
}

void CacheStore::setSyncState(
    const QHash<QString, QString> &state, QObject *context, std::function<void(QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, state, done = std::move(done)](CacheWorker &worker) mutable {
        const QString error = worker.setSyncState(state);
        logFailure("setSyncState", error);
        deliver([done = std::move(done), error] {
            if (done)
                done(error);
        });
    });
}

void CacheStore::createRollout(const Domain::Rollout &rollout, const ActivityRecord &activity,
    QObject *context, std::function<void(qint64, QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, rollout, activity, done = std::move(done)](CacheWorker &worker) mutable {
        qint64 id = 0;
        const QString error = worker.createRollout(rollout, activity, id);
        logFailure("createRollout", error);
        const bool wroteActivity = error.isEmpty() && !activity.isEmpty();
        deliver([this, done = std::move(done), id, error, wroteActivity] {
            if (wroteActivity)
                Q_EMIT activityWritten();
            if (done)
                done(id, error);
        });
    });
}

void CacheStore::loadRollouts(
    QObject *context, std::function<void(QList<Domain::Rollout>, QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, done = std::move(done)](CacheWorker &worker) mutable {
        QList<Domain::Rollout> rollouts;
        QString error;
        if (!m_closing.load()) { // else nobody is waiting for it any more
            error = worker.loadRollouts(rollouts, m_closing);
            if (!error.isEmpty()) {
                if (!m_closing.load())
                    logFailure("loadRollouts", error);
                rollouts = {};
            }
        }
        deliver([done = std::move(done), rollouts = std::move(rollouts), error]() mutable {
            if (done)
                done(std::move(rollouts), error);
        });
    });
}

void CacheStore::saveRollout(
    const RolloutUpdate &update, QObject *context, std::function<void(QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, update, done = std::move(done)](CacheWorker &worker) mutable {
        const QString error = worker.saveRollout(update);
        logFailure("saveRollout", error);
        const bool wroteActivity = error.isEmpty() && !update.activity.isEmpty();
        deliver([this, done = std::move(done), error, wroteActivity] {
            if (wroteActivity)
                Q_EMIT activityWritten();
            if (done)
                done(error);
        });
    });
}

void CacheStore::deleteRollout(qint64 id, QObject *context, std::function<void(QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, id, done = std::move(done)](CacheWorker &worker) mutable {
        const QString error = worker.deleteRollout(id);
        logFailure("deleteRollout", error);
        deliver([done = std::move(done), error] {
            if (done)
                done(error);
        });
    });
}

void CacheStore::flush(QObject *context, std::function<void()> done)
{
    done = boundTo(context, std::move(done));
    post([this, done = std::move(done)](CacheWorker &) mutable {
        deliver([done = std::move(done)] {
            if (done)
                done();
        });
    });
}

void CacheStore::dataVersion(QObject *context, std::function<void(qint64, QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, done = std::move(done)](CacheWorker &worker) mutable {
        qint64 version = 0;
        const QString error
            = m_closing.load() ? QStringLiteral("closing") : worker.dataVersion(version);
        deliver([done = std::move(done), version, error] {
            if (done)
                done(version, error);
        });
    });
}

void CacheStore::requestRolloutControl(
    const RolloutControl &control, QObject *context, std::function<void(qint64, QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, control, done = std::move(done)](CacheWorker &worker) mutable {
        qint64 id = 0;
        const QString error = worker.requestRolloutControl(control, id);
        logFailure("requestRolloutControl", error);
        deliver([done = std::move(done), id, error] {
            if (done)
                done(id, error);
        });
    });
}

void CacheStore::pendingRolloutControls(
    QObject *context, std::function<void(QList<RolloutControl>, QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, done = std::move(done)](CacheWorker &worker) mutable {
        QList<RolloutControl> controls;
        QString error = QStringLiteral("closing");
        if (!m_closing.load()) {
            error = worker.pendingRolloutControls(controls);
            logFailure("pendingRolloutControls", error);
        }
        deliver([done = std::move(done), controls, error] {
            if (done)
                done(controls, error);
        });
    });
}

void CacheStore::answerRolloutControl(
    const RolloutControl &answer, QObject *context, std::function<void(QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, answer, done = std::move(done)](CacheWorker &worker) mutable {
        const QString error = worker.answerRolloutControl(answer);
        logFailure("answerRolloutControl", error);
        deliver([done = std::move(done), error] {
            if (done)
                done(error);
        });
    });
}

void CacheStore::rolloutControl(
    qint64 id, QObject *context, std::function<void(RolloutControl, QString)> done)
{
    done = boundTo(context, std::move(done));
    post([this, id, done = std::move(done)](CacheWorker &worker) mutable {
        RolloutControl control;
        const QString error
            = m_closing.load() ? QStringLiteral("closing") : worker.rolloutControl(id, control);
        deliver([done = std::move(done), control, error] {
            if (done)
                done(control, error);
        });
    });
}

void CacheStore::setWorkerHook(std::function<void(QStringView)> hook)
{
    post([hook = std::move(hook)](CacheWorker &worker) { worker.setHook(hook); });
}

} // namespace Flotilla::Store
