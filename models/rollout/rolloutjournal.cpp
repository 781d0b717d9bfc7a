// SPDX-License-Identifier: MIT
#include "rollout/rolloutjournal.h"

#include "domain/text.h"
#include "store/cachestore.h"

namespace Flotilla::Rollout {

using Domain::RolloutDevice;
using Domain::RolloutDeviceState;
using Domain::RolloutMethod;
using Domain::RolloutState;

RolloutJournal::RolloutJournal(Store::CacheStore *store, QString actor, int saveDelayMs,
    std::function<qint64()> now, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_actor(std::move(actor))
    , m_now(std::move(now))
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(qMax(0, saveDelayMs));
    connect(&m_saveTimer, &QTimer::timeout, this, &RolloutJournal::flush);
}

RolloutJournal::~RolloutJournal() = default;

void RolloutJournal::load(std::function<void(QString)> done)
{
    m_store->loadRollouts(
        this, [this, done = std::move(done)](QList<Domain::Rollout> rollouts, QString error) {
            if (!error.isEmpty()) {
                qCWarning(lcRollout) << "cannot load the rollouts:" << error;
                done(error);
                return;
            }
            for (Domain::Rollout &r : rollouts) {
                std::unique_ptr<RolloutRun> run = readyRun(std::move(r));
                const qint64 id = run->r.id;
                m_runs.emplace(id, std::move(run));
                qCInfo(lcRollout) << "loaded rollout" << id;
            }
            done(QString());
        });
}

std::unique_ptr<RolloutRun> RolloutJournal::readyRun(Domain::Rollout rollout)
{
    auto run = std::make_unique<RolloutRun>();
    run->r = std::move(rollout);
    run->waves = run->r.spec.effectiveWaves();
    while (run->r.waves.size() < run->waves.size())
        run->r.waves.append(Domain::WaveProgress {});
    run->reindex();
    if (isActive(run->r.state) || run->r.state == RolloutState::Aborted) {
        for (const RolloutDevice &d : std::as_const(run->r.devices)) {
            if (d.state == RolloutDeviceState::Sending)
                run->verify.append(d.id);
            else if (d.state == RolloutDeviceState::Cancelled && d.stage == CancellingStage
                && run->r.spec.method == RolloutMethod::Lock)
                run->unlockQueue.append(d.id);
            else if (d.state == RolloutDeviceState::RollingBack && d.startedMs == 0)
                run->rollbackQueue.append(d.id);
        }
        // Events may have been missed while Flotilla was not running.
        run->pollWanted = isActive(run->r.state);
    }
    return run;
}

RolloutJournal::Replaced RolloutJournal::replaceAll(QList<Domain::Rollout> rollouts)
{
    Replaced out;
    std::map<qint64, std::unique_ptr<RolloutRun>> runs;
    for (Domain::Rollout &r : rollouts) {
        const qint64 id = r.id;
        auto old = m_runs.find(id);
        if (old == m_runs.end()) {
            auto run = std::make_unique<RolloutRun>();
            run->r = std::move(r);
            run->waves = run->r.spec.effectiveWaves();
            run->reindex();
            runs.emplace(id, std::move(run));
            out.added.append(id);
            continue;
        }
        std::unique_ptr<RolloutRun> run = std::move(old->second);
        m_runs.erase(old);
        if (!(run->r == r)) {
            QStringList devices;
            for (const RolloutDevice &d : std::as_const(r.devices)) {
                const auto at = run->index.constFind(d.id);
                if (at == run->index.cend() || !(run->r.devices.at(*at) == d))
                    devices.append(d.id);
            }
            const bool sameDevices = run->r.devices.size() == r.devices.size();
            run->r = std::move(r);
            if (!sameDevices)
                run->waveIds.clear();
            run->reindex();
            out.changed.append(id);
            if (!devices.isEmpty())
                out.devices.insert(id, devices);
        }
        runs.emplace(id, std::move(run));
    }
    for (const auto &[id, run] : m_runs)
        out.removed.append(id);
    m_runs = std::move(runs);
    return out;
}

QList<qint64> RolloutJournal::adopt(QList<Domain::Rollout> rollouts)
{
    QList<qint64> ids;
    for (Domain::Rollout &r : rollouts) {
        if (m_runs.find(r.id) != m_runs.end())
            continue;
        std::unique_ptr<RolloutRun> run = readyRun(std::move(r));
        const qint64 id = run->r.id;
        m_runs.emplace(id, std::move(run));
        ids.append(id);
        qCInfo(lcRollout) << "took up rollout" << id;
    }
    return ids;
}

void RolloutJournal::clear()
{
    m_saveTimer.stop();
    m_runs.clear();
}

void RolloutJournal::create(Domain::Rollout rollout, const Store::ActivityRecord &activity,
    std::function<void(RolloutRun *, QString)> done)
{
    m_store->createRollout(rollout, activity, this,
        [this, rollout, done = std::move(done)](qint64 id, QString error) mutable {
            if (!error.isEmpty() || id <= 0) {
                done(nullptr, error);
                return;
            }
            rollout.id = id;
            auto run = std::make_unique<RolloutRun>();
            run->r = std::move(rollout);
            run->waves = run->r.spec.effectiveWaves();
            run->reindex();
            RolloutRun *created = run.get();
            m_runs.emplace(id, std::move(run));
            done(created, QString());
        });
}

void RolloutJournal::remove(qint64 id)
{
    m_runs.erase(id);
    m_store->deleteRollout(id, this, [this, id](QString error) {
        if (!error.isEmpty())
            Q_EMIT problem(
                id, Text::tr("The rollout could not be removed from the cache: %1").arg(error));
    });
}

RolloutRun *RolloutJournal::find(qint64 id) const
{
    const auto it = m_runs.find(id);
    return it == m_runs.end() ? nullptr : it->second.get();
}

QList<RolloutRun *> RolloutJournal::runs() const
{
    QList<RolloutRun *> out;
    out.reserve(static_cast<qsizetype>(m_runs.size()));
    for (const auto &[id, run] : m_runs)
        out.append(run.get());
    return out;
}

QList<qint64> RolloutJournal::ids() const
{
    QList<qint64> out;
    for (const auto &[id, run] : m_runs)
        out.append(id);
    return out;
}

void RolloutJournal::markDevice(RolloutRun &run, const RolloutDevice &device)
{
    run.device(device.id) = device;
    run.dirty.insert(device.id);
    run.changedForSignal.insert(device.id);
    run.headerChanged = true;
    scheduleSave();
}

void RolloutJournal::markHeader(RolloutRun &run)
{
    run.headerChanged = true;
    scheduleSave();
}

void RolloutJournal::countRequest(RolloutRun &run)
{
    ++run.r.requests;
    markHeader(run);
}

void RolloutJournal::addActivity(
    RolloutRun &run, const QString &action, const QString &result, const QString &detail)
{
    Store::ActivityRecord a;
    a.actor = m_actor;
    a.action = action;
    a.subject = run.r.spec.title;
    a.result = result;
    a.detail = detail;
    run.activity.append(a);
    markHeader(run);
}

void RolloutJournal::addSample(RolloutRun &run, qint64 t)
{
    Domain::RolloutSample s;
    s.ms = t;
    for (const RolloutDevice &d : std::as_const(run.r.devices)) {
        switch (d.state) {
        case RolloutDeviceState::Succeeded:
            ++s.succeeded;
            break;
        case RolloutDeviceState::Failed:
        case RolloutDeviceState::TimedOut:
            ++s.failed;
            break;
        case RolloutDeviceState::Waiting:
        case RolloutDeviceState::Updating:
        case RolloutDeviceState::RollingBack:
            ++s.active;
            break;
        default:
            break;
        }
    }
    run.lastSampleMs = t;
    if (!run.r.samples.isEmpty()) {
        const Domain::RolloutSample &last = run.r.samples.constLast();
        if (last.succeeded == s.succeeded && last.failed == s.failed && last.active == s.active
            && t - last.ms < 60000)
            return;
    }
    run.r.samples.append(s);
    run.newSamples.append(s);
    markHeader(run);
}

void RolloutJournal::scheduleSave()
{
    if (!m_saveTimer.isActive())
        m_saveTimer.start();
}

Store::RolloutUpdate RolloutJournal::takeUpdate(RolloutRun &run)
{
    Store::RolloutUpdate u;
    u.id = run.r.id;
    u.state = run.r.state;
    u.stateReason = run.r.stateReason;
    u.pausedForFailures = run.r.pausedForFailures;
    u.requests = run.r.requests;
    u.finalReleaseDone = run.r.finalReleaseDone;
    u.finishedMs = run.r.finishedMs;
    u.waves = run.r.waves;
    QStringList ids(run.dirty.cbegin(), run.dirty.cend());
    ids.sort();
    for (const QString &id : std::as_const(ids))
        u.devices.append(run.device(id));
    u.samples = run.newSamples;
    u.activity = run.activity;
    run.dirty.clear();
    run.newSamples.clear();
    run.activity.clear();
    return u;
}

void RolloutJournal::persist(RolloutRun &run, std::function<void()> then)
{
    const Store::RolloutUpdate update = takeUpdate(run);
    const qint64 id = run.r.id;
    QStringList deviceIds;
    for (const RolloutDevice &d : update.devices)
        deviceIds.append(d.id);
    m_store->saveRollout(
        update, this, [this, id, deviceIds, then = std::move(then)](QString error) {
            RolloutRun *current = find(id);
            if (!error.isEmpty()) {
                qCWarning(lcRollout) << "rollout" << id << "not saved:" << error;
                if (current) {
                    // Written again with the next save; the step that waited for it is not sent.
                    for (const QString &d : deviceIds)
                        current->dirty.insert(d);
                    current->busy = false;
                    current->preparing = false;
                    current->retryAtMs = m_now() + RetryDelayMs;
                    scheduleSave();
                }
                Q_EMIT problem(
                    id, Text::tr("The rollout could not be written to the cache: %1").arg(error));
                return;
            }
            if (current && then)
                then();
        });
    notify(run);
}

void RolloutJournal::notify(RolloutRun &run)
{
    if (!run.changedForSignal.isEmpty()) {
        QStringList ids(run.changedForSignal.cbegin(), run.changedForSignal.cend());
        run.changedForSignal.clear();
        ids.sort();
        Q_EMIT devicesChanged(run.r.id, ids);
    }
    if (run.headerChanged) {
        run.headerChanged = false;
        Q_EMIT rolloutChanged(run.r.id);
    }
}

void RolloutJournal::flush()
{
    for (auto &[id, run] : m_runs) {
        if (!run->dirty.isEmpty() || !run->newSamples.isEmpty() || !run->activity.isEmpty()
            || run->headerChanged)
            persist(*run, {});
    }
}

} // namespace Flotilla::Rollout
