// SPDX-License-Identifier: MIT
// RolloutEngine's part in sharing one cache between Flotilla processes: driving or following
// the rollouts, and the controls a process that does not drive asks of the one that does.
#include "rollout/rolloutcontext.h"
#include "rollout/rolloutengine.h"
#include "rollout/rolloutjournal.h"
#include "rollout/rolloutpoller.h"
#include "store/cachestore.h"

#include <QMetaObject>

namespace Flotilla::Rollout {

QString RolloutEngine::controlName(Control control)
{
    switch (control) {
    case Control::Start:
        return QStringLiteral("start");
    case Control::Pause:
        return QStringLiteral("pause");
    case Control::Resume:
        return QStringLiteral("resume");
    case Control::NextWave:
        return QStringLiteral("next");
    case Control::Abort:
        return QStringLiteral("abort");
    case Control::Rollback:
        return QStringLiteral("rollback");
    case Control::Remove:
        return QStringLiteral("remove");
    }
    return {};
}

std::optional<RolloutEngine::Control> RolloutEngine::controlFromName(const QString &name)
{
    for (const Control c : {Control::Start, Control::Pause, Control::Resume, Control::NextWave,
             Control::Abort, Control::Rollback, Control::Remove}) {
        if (controlName(c) == name)
            return c;
    }
    return std::nullopt;
}

void RolloutEngine::setDriving(bool driving)
{
    if (m_driving == driving)
        return;
    m_driving = driving;
    qCInfo(lcRollout) << (driving ? "this process runs the rollouts"
                                  : "another process runs the rollouts");
    if (!m_started)
        return; // start() reads them as the cache has them
    if (!driving) {
        m_tick.stop();
        m_journal->flush(); // what this process changed is in the cache for the next driver
        return;
    }
    // Another process ran them until now: every rollout as the cache has it, readied to resume.
    m_takeUpAll = true;
    reloadFromCache();
}

void RolloutEngine::reloadFromCache(std::function<void()> done)
{
    if (done)
        m_reloadWaiters.append(std::move(done));
    m_reloadWanted = true;
    if (!m_started) {
        checkAnswers(); // the rollouts are read once started; answers can be read now
        return;
    }
    if (m_reloading)
        return; // after the reload under way
    reloadNow();
}

void RolloutEngine::reloadNow()
{
    m_reloadWanted = false;
    m_reloading = true;
    m_store->loadRollouts(this, [this](QList<Domain::Rollout> rollouts, QString error) {
        reloaded(std::move(rollouts), error);
    });
}

void RolloutEngine::reloaded(QList<Domain::Rollout> rollouts, const QString &error)
{
    QList<std::function<void()>> waiters = std::exchange(m_reloadWaiters, {});
    if (!error.isEmpty()) {
        qCWarning(lcRollout) << "cannot read the rollouts another process wrote:" << error;
    } else if (m_takeUpAll && m_driving) {
        m_takeUpAll = false;
        takeUpAll(std::move(rollouts));
    } else if (!m_driving) {
        // Follow what the driver wrote.
        const RolloutJournal::Replaced replaced = m_journal->replaceAll(std::move(rollouts));
        for (const qint64 id : replaced.removed)
            Q_EMIT rolloutRemoved(id);
        for (const qint64 id : replaced.added)
            Q_EMIT rolloutAdded(id);
        for (const qint64 id : replaced.changed) {
            const QStringList devices = replaced.devices.value(id);
            if (!devices.isEmpty())
                Q_EMIT devicesChanged(id, devices);
            Q_EMIT rolloutChanged(id);
        }
    } else {
        // Rollouts another process wrote that this driver does not hold yet.
        for (const qint64 id : m_journal->adopt(std::move(rollouts))) {
            Q_EMIT rolloutAdded(id);
            if (RolloutRun *run = findRun(id))
                drive(*run);
        }
    }
    if (m_driving)
        runWaitingControls();
    checkAnswers();
    m_reloading = false;
    for (const auto &done : waiters)
        done();
    if (m_reloadWanted)
        reloadNow();
}

void RolloutEngine::takeUpAll(QList<Domain::Rollout> rollouts)
{
    // What the window shows follows the cache, then every rollout is readied to resume (its
    // devices possibly sent are read back, events possibly missed are polled for).
    const RolloutJournal::Replaced replaced = m_journal->replaceAll(rollouts);
    m_journal->clear();
    m_journal->adopt(std::move(rollouts));
    for (const qint64 id : replaced.removed)
        Q_EMIT rolloutRemoved(id);
    for (const qint64 id : replaced.added)
        Q_EMIT rolloutAdded(id);
    for (const qint64 id : replaced.changed) {
        const QStringList devices = replaced.devices.value(id);
        if (!devices.isEmpty())
            Q_EMIT devicesChanged(id, devices);
        Q_EMIT rolloutChanged(id);
    }
    m_poller->start(false); // events may have been missed
    m_tick.start();
    for (RolloutRun *run : m_journal->runs())
        drive(*run);
}

QString RolloutEngine::askDriver(Control control, qint64 id)
{
    if (!findRun(id))
        return tr("There is no such rollout.");
    requestControl(control, id, {}, [this](qint64 rolloutId, QString error) {
        if (!error.isEmpty())
            Q_EMIT problem(rolloutId, error);
    });
    return {};
}

void RolloutEngine::requestControl(Control control, qint64 rolloutId,
    const Domain::RolloutSpec &spec, std::function<void(qint64, QString)> done)
{
    if (m_driving) {
        runControl(control, rolloutId, spec, std::move(done));
        return;
    }
    Store::RolloutControl request;
    request.action = controlName(control);
    request.rolloutId = control == Control::Start ? 0 : rolloutId;
    if (control == Control::Start) {
        const QString invalid = spec.validate();
        if (!invalid.isEmpty()) {
            QMetaObject::invokeMethod(
                this, [done, invalid] { done(0, invalid); }, Qt::QueuedConnection);
            return;
        }
        request.spec = spec.toJson();
    }
    m_store->requestRolloutControl(request, this,
        [this, control, rolloutId, done = std::move(done)](qint64 id, QString error) {
            if (!error.isEmpty() || id <= 0) {
                done(rolloutId, tr("The request could not be written to the cache: %1").arg(error));
                return;
            }
            qCInfo(lcRollout) << "asked the driver of the cache to" << controlName(control)
                              << "rollout" << rolloutId << "(control" << id << ')';
            m_waiting.insert(id, {control, rolloutId, done});
            // It may be this process's to run after all (it became the driver meanwhile).
            if (m_driving)
                runWaitingControls();
        });
}

void RolloutEngine::runControl(Control control, qint64 rolloutId, const Domain::RolloutSpec &spec,
    std::function<void(qint64, QString)> done)
{
    if (control == Control::Start) {
        startRollout(spec, std::move(done));
        return;
    }
    QString error;
    switch (control) {
    case Control::Start:
        break;
    case Control::Pause:
        error = pause(rolloutId);
        break;
    case Control::Resume:
        error = resume(rolloutId);
        break;
    case Control::NextWave:
        error = startNextWave(rolloutId);
        break;
    case Control::Abort:
        error = abort(rolloutId);
        break;
    case Control::Rollback:
        error = rollback(rolloutId);
        break;
    case Control::Remove:
        error = remove(rolloutId);
        break;
    }
    QMetaObject::invokeMethod(
        this, [done = std::move(done), rolloutId, error] { done(rolloutId, error); },
        Qt::QueuedConnection);
}

void RolloutEngine::runWaitingControls()
{
    if (!m_driving || !m_started)
        return;
    m_store->pendingRolloutControls(
        this, [this](QList<Store::RolloutControl> controls, QString error) {
            if (!error.isEmpty())
                return; // logged by the store; the next change tries again
            for (const Store::RolloutControl &c : std::as_const(controls)) {
                if (m_controlsTaken.contains(c.id))
                    continue;
                m_controlsTaken.insert(c.id);
                m_controls.append(c);
            }
            runNextControl();
        });
}

void RolloutEngine::runNextControl()
{
    // One at a time, in the order asked: a start is planned against the rollouts the ones
    // before it created.
    if (m_controlRunning || m_controls.isEmpty() || !m_driving)
        return;
    const Store::RolloutControl control = m_controls.takeFirst();
    m_controlRunning = true;
    const auto answer = [this, control](qint64 rolloutId, QString error) {
        Store::RolloutControl answered = control;
        answered.state = error.isEmpty() ? Store::RolloutControl::State::Done
                                         : Store::RolloutControl::State::Refused;
        answered.result = error;
        answered.resultId = error.isEmpty() ? rolloutId : 0;
        qCInfo(lcRollout) << "control" << control.id << control.action << "of rollout"
                          << control.rolloutId << (error.isEmpty() ? "done" : "refused:") << error;
        m_store->answerRolloutControl(answered, this, [this, id = control.id](QString) {
            m_controlsTaken.remove(id);
            checkAnswers(); // one asked here
        });
        m_controlRunning = false;
        runNextControl();
    };
    const std::optional<Control> kind = controlFromName(control.action);
    if (!kind) {
        answer(0, tr("Flotilla does not know the rollout control “%1”.").arg(control.action));
        return;
    }
    Domain::RolloutSpec spec;
    if (*kind == Control::Start) {
        QString error;
        const std::optional<Domain::RolloutSpec> read
            = Domain::RolloutSpec::fromJson(control.spec, &error);
        if (!read) {
            answer(0, tr("The rollout's settings cannot be read: %1").arg(error));
            return;
        }
        spec = *read;
    }
    runControl(*kind, control.rolloutId, spec, answer);
}

void RolloutEngine::checkAnswers()
{
    for (auto it = m_waiting.cbegin(); it != m_waiting.cend(); ++it) {
        const qint64 id = it.key();
        m_store->rolloutControl(id, this, [this, id](Store::RolloutControl control, QString error) {
            const auto waiting = m_waiting.constFind(id);
            if (waiting == m_waiting.cend())
                return; // answered by an earlier read
            if (error.isEmpty() && control.state == Store::RolloutControl::State::Pending)
                return;
            const WaitingControl w = *waiting;
            m_waiting.erase(waiting);
            if (!error.isEmpty()) {
                w.done(w.rolloutId, tr("The answer to the request cannot be read: %1").arg(error));
                return;
            }
            if (control.state == Store::RolloutControl::State::Refused) {
                w.done(w.control == Control::Start ? 0 : w.rolloutId, control.result);
                return;
            }
            const qint64 rolloutId = w.control == Control::Start ? control.resultId : w.rolloutId;
            // A started rollout is followed from the cache: read it before saying it started.
            if (w.control == Control::Start && !m_driving && !findRun(rolloutId)) {
                reloadFromCache([done = w.done, rolloutId] { done(rolloutId, QString()); });
                return;
            }
            w.done(rolloutId, QString());
        });
    }
}

} // namespace Flotilla::Rollout
