// SPDX-License-Identifier: MIT
#include "rollout/rolloutengine.h"

#include "remote/particleclient.h"
#include "rollout/lockstrategy.h"
#include "rollout/releasestrategy.h"
#include "rollout/rollbackstrategy.h"
#include "rollout/rolloutcontext.h"
#include "rollout/rolloutjournal.h"
#include "rollout/rolloutplanner.h"
#include "rollout/rolloutpoller.h"
#include "rollout/stagedstrategy.h"
#include "sync/syncengine.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace Flotilla::Rollout {

Q_LOGGING_CATEGORY(lcRollout, "flotilla.rollout")

using Domain::RolloutDevice;
using Domain::RolloutDeviceState;
using Domain::RolloutMethod;
using Domain::RolloutState;
using Domain::WaveState;

namespace {

qint64 systemClock()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

RolloutEngine::RolloutEngine(Remote::ParticleClient *client, Store::CacheStore *store,
    Sync::SyncEngine *sync, const RolloutConfig &config, QObject *parent)
    : QObject(parent)
    , m_ctx(std::make_unique<RolloutContext>())
    , m_store(store)
{
    m_ctx->owner = this;
    m_ctx->client = client;
    m_ctx->sync = sync;
    m_ctx->config = config;
    m_ctx->clock = systemClock;
    m_ctx->driveRun = [this](RolloutRun &run) { drive(run); };
    m_ctx->report = [this](qint64 id, const QString &message) { Q_EMIT problem(id, message); };
    m_journal = std::make_unique<RolloutJournal>(
        store, config.actor, config.saveDelayMs, [ctx = m_ctx.get()] { return ctx->now(); });
    m_ctx->journal = m_journal.get();
    m_poller = std::make_unique<RolloutPoller>(*m_ctx);
    m_releases = std::make_unique<ReleaseQueue>(*m_ctx);
    m_lock = std::make_unique<LockStrategy>(*m_ctx);
    m_release = std::make_unique<ReleaseStrategy>(*m_ctx, *m_releases);
    m_staged = std::make_unique<StagedStrategy>(*m_ctx, *m_releases);
    m_rollback = std::make_unique<RollbackStrategy>(*m_ctx);

    connect(m_journal.get(), &RolloutJournal::rolloutChanged, this, &RolloutEngine::rolloutChanged);
    connect(m_journal.get(), &RolloutJournal::devicesChanged, this, &RolloutEngine::devicesChanged);
    connect(m_journal.get(), &RolloutJournal::problem, this, &RolloutEngine::problem);
    m_tick.setInterval(qMax(10, config.tickMs));
    connect(&m_tick, &QTimer::timeout, this, &RolloutEngine::tick);
    connect(sync, &Sync::SyncEngine::deviceEvent, this,
        [this](const QString &deviceId, const QString &name, const QString &data, int version,
            qint64) {
            // Only the driver follows the devices (and writes what it sees).
            if (m_driving)
                m_poller->onDeviceEvent(deviceId, name, data, version);
        });
    connect(sync, &Sync::SyncEngine::eventStreamChanged, this,
        [this](bool connected) { m_poller->setStreamConnected(connected); });
}

RolloutEngine::~RolloutEngine()
{
    // Write what is still waiting; the store finishes queued writes before it closes.
    if (m_started)
        m_journal->flush();
}

const RolloutConfig &RolloutEngine::config() const
{
    return m_ctx->config;
}

qint64 RolloutEngine::now() const
{
    return m_ctx->now();
}

void RolloutEngine::setClock(std::function<qint64()> clock)
{
    m_ctx->clock = clock ? std::move(clock) : systemClock;
}

RolloutRun *RolloutEngine::findRun(qint64 id) const
{
    return m_journal->find(id);
}

RolloutStrategy &RolloutEngine::strategy(const RolloutRun &run) const
{
    switch (run.r.spec.method) {
    case RolloutMethod::Lock:
        return *m_lock;
    case RolloutMethod::Release:
        return *m_release;
    case RolloutMethod::Staged:
        break;
    }
    return *m_staged;
}

// ---- start and queries ------------------------------------------------------------------

void RolloutEngine::start(std::function<void(QString)> done)
{
    m_journal->load([this, done = std::move(done)](QString error) {
        if (!error.isEmpty()) {
            if (done)
                done(error);
            return;
        }
        m_started = true;
        m_poller->start(m_ctx->sync->isEventStreamConnected());
        if (m_driving) {
            m_tick.start();
            for (RolloutRun *run : m_journal->runs())
                drive(*run);
        }
        if (done)
            done(QString());
        // Another process wrote while the rollouts were read; controls may wait for the driver.
        if (m_reloadWanted)
            reloadNow();
        else if (m_driving)
            runWaitingControls();
    });
}

QList<qint64> RolloutEngine::rolloutIds() const
{
    return m_journal->ids();
}

const Domain::Rollout *RolloutEngine::rollout(qint64 id) const
{
    const RolloutRun *run = findRun(id);
    return run ? &run->r : nullptr;
}

Domain::WaveCounts RolloutEngine::waveCounts(qint64 id, int wave) const
{
    const RolloutRun *run = findRun(id);
    return run ? Domain::countWave(run->r.devices, wave) : Domain::WaveCounts {};
}

bool RolloutEngine::hasActiveRollouts() const
{
    const QList<RolloutRun *> runs = m_journal->runs();
    return std::any_of(
        runs.cbegin(), runs.cend(), [](const RolloutRun *run) { return isActive(run->r.state); });
}

Domain::FlashImpact RolloutEngine::assess(Domain::RolloutMethod method, int version,
    const QStringList &nodes, const QStringList &devices) const
{
    return RolloutPlanner(m_ctx->sync->state(), m_journal->runs())
        .assess(method, version, nodes, devices);
}

void RolloutEngine::uploadFirmware(int version, const QString &title, const QString &notes,
    const QByteArray &binary, const QString &fileName,
    std::function<void(std::optional<Domain::Firmware>, QString)> done)
{
    m_ctx->client->uploadFirmware(m_ctx->config.productId, version, title, notes, binary, fileName,
        this, [this, version, done = std::move(done)](Remote::Result<Domain::Firmware> result) {
            if (!result.ok()) {
                done(std::nullopt,
                    tr("The firmware could not be uploaded: %1").arg(result.error.toString()));
                return;
            }
            // The sync engine learns of it from the event stream; until then the engine knows.
            m_uploaded.insert(version);
            done(result.value, QString());
        });
}

// ---- starting a rollout -------------------------------------------------------------------

void RolloutEngine::startRollout(
    const Domain::RolloutSpec &spec, std::function<void(qint64, QString)> done)
{
    auto refuse = [this, done](const QString &message) {
        QMetaObject::invokeMethod(
            this, [done, message] { done(0, message); }, Qt::QueuedConnection);
    };
    const QString invalid = spec.validate();
    if (!invalid.isEmpty())
        return refuse(invalid);
    if (!m_started)
        return refuse(tr("The rollouts are not loaded yet."));
    if (!m_driving)
        return requestControl(Control::Start, 0, spec, std::move(done));
    if (!m_ctx->sync->state().firmware.contains(spec.version) && !m_uploaded.contains(spec.version))
        return refuse(tr("The product has no firmware version %1.").arg(spec.version));
    RolloutPlan plan = RolloutPlanner(m_ctx->sync->state(), m_journal->runs())
                           .plan(spec, m_ctx->config.actor, now());
    if (!plan.refusal.isEmpty())
        return refuse(plan.refusal);
    m_journal->create(std::move(plan.rollout), plan.activity,
        [this, done = std::move(done)](RolloutRun *run, QString error) {
            if (!run) {
                done(0, tr("The rollout could not be written to the cache: %1").arg(error));
                return;
            }
            const qint64 id = run->r.id;
            qCInfo(lcRollout) << "rollout" << id << "created:" << run->r.spec.title;
            Q_EMIT rolloutAdded(id);
            startWave(*run, 0);
            done(id, QString());
        });
}

// ---- waves ---------------------------------------------------------------------------------

void RolloutEngine::startWave(RolloutRun &run, int wave)
{
    if (wave < 0 || wave >= run.r.waves.size())
        return;
    const qint64 t = now();
    for (int w = 0; w < wave; ++w) {
        if (run.r.waves[w].state == WaveState::Pending)
            run.r.waves[w].state = WaveState::Finished;
    }
    Domain::WaveProgress &progress = run.r.waves[wave];
    progress.state = WaveState::Running;
    progress.startedMs = t;
    run.r.state = RolloutState::Running;
    run.r.pausedForFailures = false;
    run.r.stateReason.clear();
    strategy(run).beginWave(run, wave, t);
    qCInfo(lcRollout) << "rollout" << run.r.id << "starts wave" << wave + 1;
    m_journal->markHeader(run);
    run.busy = true;
    // The wave's start is in the cache before any of its requests goes out.
    m_journal->persist(run, m_ctx->resumeAfter(run.r.id));
}

void RolloutEngine::drive(RolloutRun &run)
{
    if (run.busy || now() < run.retryAtMs)
        return;
    switch (run.r.state) {
    case RolloutState::Running: {
        const int w = run.currentWave();
        if (w < 0)
            return startWave(run, 0);
        strategy(run).driveWave(run, w);
        break;
    }
    case RolloutState::Completed:
        strategy(run).finish(run);
        break;
    case RolloutState::Aborted:
        strategy(run).cancel(run);
        break;
    case RolloutState::RollingBack:
        // Cancellations of the abort that preceded it first.
        strategy(run).cancel(run);
        if (!run.busy)
            m_rollback->drive(run);
        break;
    case RolloutState::Paused:
    case RolloutState::RolledBack:
        break;
    }
}

// ---- progress --------------------------------------------------------------------------

void RolloutEngine::tick()
{
    const qint64 t = now();
    for (const qint64 id : m_journal->ids()) {
        RolloutRun *run = findRun(id);
        if (!run)
            continue;
        if (followsEvents(run->r.state))
            m_poller->checkTimeouts(*run, t);
        if (run->r.state == RolloutState::Running)
            evaluate(*run);
        if (run->r.state == RolloutState::RollingBack)
            m_rollback->finishIfDone(*run, t);
        if ((run->r.state == RolloutState::Running || run->r.state == RolloutState::RollingBack)
            && t - run->lastSampleMs >= m_ctx->config.sampleIntervalMs)
            m_journal->addSample(*run, t);
        m_poller->pollIfDue(*run, t);
        drive(*run);
    }
}

void RolloutEngine::evaluate(RolloutRun &run)
{
    const int w = run.currentWave();
    if (w < 0 || run.busy)
        return;
    // Earlier waves finish once nothing of them is in flight.
    for (int e = 0; e < w; ++e) {
        if (run.r.waves[e].state == WaveState::Running
            && Domain::countWave(run.r.devices, e).active() == 0) {
            run.r.waves[e].state = WaveState::Finished;
            run.r.waves[e].finishedMs = now();
            m_journal->markHeader(run);
        }
    }
    // A wave whose cloud work is not done yet cannot advance.
    if (!strategy(run).waveSent(run, w))
        return;
    const Domain::WaveCounts counts = Domain::countWave(run.r.devices, w);
    const Domain::WaveVerdict verdict
        = Domain::evaluateWave(run.waves.value(w), counts, run.r.waves.at(w).failuresAccepted);
    const bool last = w + 1 >= run.r.waves.size();
    switch (verdict) {
    case Domain::WaveVerdict::Continue:
        return;
    case Domain::WaveVerdict::Pause: {
        run.r.state = RolloutState::Paused;
        run.r.pausedForFailures = true;
        run.r.stateReason = tr("Wave %1: %2 of %3 devices failed or timed out")
                                .arg(w + 1)
                                .arg(counts.failures())
                                .arg(counts.total);
        qCInfo(lcRollout) << "rollout" << run.r.id << "paused:" << run.r.stateReason;
        m_journal->addActivity(run, tr("Rollout paused"), tr("Paused"), run.r.stateReason);
        m_journal->persist(run, {});
        return;
    }
    case Domain::WaveVerdict::Done:
        if (run.r.waves[w].state == WaveState::Running) {
            run.r.waves[w].state = WaveState::Finished;
            run.r.waves[w].finishedMs = now();
            m_journal->markHeader(run);
        }
        if (last) {
            // Earlier waves may still have devices in flight (their threshold was skipped).
            const bool anyActive = std::any_of(run.r.devices.cbegin(), run.r.devices.cend(),
                [](const RolloutDevice &d) { return inFlight(d.state); });
            if (!anyActive)
                complete(run);
            return;
        }
        break;
    case Domain::WaveVerdict::Advance:
        if (last)
            return;
        break;
    }
    advanceTo(run, w + 1, false);
}

void RolloutEngine::advanceTo(RolloutRun &run, int wave, bool byOperator)
{
    if (!byOperator && run.waves.value(wave).pauseBefore) {
        run.r.state = RolloutState::Paused;
        run.r.pausedForFailures = false;
        run.r.stateReason = tr("Waiting for the operator to start wave %1").arg(wave + 1);
        m_journal->addActivity(run, tr("Rollout paused"), tr("Paused"), run.r.stateReason);
        m_journal->persist(run, {});
        return;
    }
    startWave(run, wave);
}

void RolloutEngine::complete(RolloutRun &run)
{
    const qint64 t = now();
    run.r.state = RolloutState::Completed;
    run.r.stateReason.clear();
    run.r.finishedMs = t;
    for (Domain::WaveProgress &w : run.r.waves) {
        if (w.state != WaveState::Finished) {
            w.state = WaveState::Finished;
            w.finishedMs = t;
        }
    }
    int succeeded = 0;
    int failed = 0;
    for (const RolloutDevice &d : std::as_const(run.r.devices)) {
        if (d.state == RolloutDeviceState::Succeeded)
            ++succeeded;
        else if (d.state == RolloutDeviceState::Failed || d.state == RolloutDeviceState::TimedOut)
            ++failed;
    }
    m_journal->addSample(run, t);
    m_journal->addActivity(run, tr("Rollout completed"), tr("Completed"),
        tr("%1 devices updated, %2 failed or timed out")
            .arg(QLocale().toString(succeeded), QLocale().toString(failed)));
    qCInfo(lcRollout) << "rollout" << run.r.id << "completed";
    m_journal->persist(run, m_ctx->driveAfter(run.r.id));
}

// ---- controls ------------------------------------------------------------------------------

QString RolloutEngine::pause(qint64 id)
{
    if (!m_driving)
        return askDriver(Control::Pause, id);
    RolloutRun *run = findRun(id);
    if (!run)
        return tr("There is no such rollout.");
    if (run->r.state != RolloutState::Running)
        return tr("Only a running rollout can be paused.");
    run->r.state = RolloutState::Paused;
    run->r.pausedForFailures = false;
    run->r.stateReason = tr("Paused by %1").arg(m_ctx->config.actor);
    m_journal->addActivity(*run, tr("Rollout paused"), tr("Paused"), run->r.stateReason);
    m_journal->persist(*run, {});
    return {};
}

QString RolloutEngine::resume(qint64 id)
{
    if (!m_driving)
        return askDriver(Control::Resume, id);
    RolloutRun *run = findRun(id);
    if (!run)
        return tr("There is no such rollout.");
    if (run->r.state != RolloutState::Paused)
        return tr("Only a paused rollout can be resumed.");
    const int w = run->currentWave();
    const bool forFailures = run->r.pausedForFailures;
    if (forFailures && w >= 0)
        run->r.waves[w].failuresAccepted = true;
    run->r.state = RolloutState::Running;
    run->r.pausedForFailures = false;
    run->r.stateReason.clear();
    run->retryAtMs = 0;
    m_journal->addActivity(*run, tr("Rollout resumed"), tr("Running"),
        forFailures && w >= 0 ? tr("The failures of wave %1 were accepted").arg(w + 1) : QString());
    // Paused before a wave that waits for the operator: resuming starts it.
    if (!forFailures && w >= 0 && w + 1 < run->r.waves.size() && run->r.waves.at(w).released
        && run->waves.value(w + 1).pauseBefore) {
        const Domain::WaveVerdict v = Domain::evaluateWave(run->waves.value(w),
            Domain::countWave(run->r.devices, w), run->r.waves.at(w).failuresAccepted);
        if (v == Domain::WaveVerdict::Advance || v == Domain::WaveVerdict::Done) {
            startWave(*run, w + 1);
            return {};
        }
    }
    m_journal->persist(*run, m_ctx->driveAfter(id));
    return {};
}

QString RolloutEngine::startNextWave(qint64 id)
{
    if (!m_driving)
        return askDriver(Control::NextWave, id);
    RolloutRun *run = findRun(id);
    if (!run)
        return tr("There is no such rollout.");
    if (run->r.state != RolloutState::Running && run->r.state != RolloutState::Paused)
        return tr("Only a running or paused rollout can start its next wave.");
    const int w = run->currentWave();
    if (w + 1 >= run->r.waves.size())
        return tr("The rollout is in its last wave.");
    if (run->busy || run->preparing)
        return tr("The current wave is still being started; try again in a moment.");
    if (w >= 0 && !strategy(*run).waveSent(*run, w))
        return tr("The current wave is still being started; try again in a moment.");
    m_journal->addActivity(*run, tr("Next wave started"), tr("Running"), tr("Wave %1").arg(w + 2));
    advanceTo(*run, w + 1, true);
    return {};
}

QString RolloutEngine::abort(qint64 id)
{
    if (!m_driving)
        return askDriver(Control::Abort, id);
    RolloutRun *run = findRun(id);
    if (!run)
        return tr("There is no such rollout.");
    if (run->r.state != RolloutState::Running && run->r.state != RolloutState::Paused)
        return tr("Only a running or paused rollout can be aborted.");
    abortNow(*run, tr("Aborted by %1").arg(m_ctx->config.actor));
    m_journal->addActivity(*run, tr("Rollout aborted"), tr("Aborted"), run->r.stateReason);
    m_journal->persist(*run, m_ctx->driveAfter(id));
    return {};
}

void RolloutEngine::abortNow(RolloutRun &run, const QString &reason)
{
    const qint64 t = now();
    run.r.state = RolloutState::Aborted;
    run.r.stateReason = reason;
    run.r.pausedForFailures = false;
    run.r.finishedMs = t;
    strategy(run).abort(run, t);
    for (Domain::WaveProgress &w : run.r.waves) {
        if (w.state == WaveState::Running) {
            w.state = WaveState::Finished;
            w.finishedMs = t;
        }
    }
    m_journal->markHeader(run);
}

QString RolloutEngine::rollback(qint64 id)
{
    if (!m_driving)
        return askDriver(Control::Rollback, id);
    RolloutRun *run = findRun(id);
    if (!run)
        return tr("There is no such rollout.");
    if (run->r.state == RolloutState::RollingBack || run->r.state == RolloutState::RolledBack)
        return tr("The rollout is already rolled back.");
    if (run->r.state == RolloutState::Running || run->r.state == RolloutState::Paused)
        abortNow(*run, tr("Rolled back by %1").arg(m_ctx->config.actor));
    const int count = m_rollback->begin(*run, now());
    run->r.state = RolloutState::RollingBack;
    run->r.stateReason = tr("Rolled back by %1").arg(m_ctx->config.actor);
    run->r.finishedMs = 0;
    m_journal->addActivity(*run, tr("Rollback started"), tr("Rolling back"),
        tr("%Ln device(s) return to their previous version", nullptr, count));
    m_journal->persist(*run, m_ctx->driveAfter(id));
    return {};
}

QString RolloutEngine::remove(qint64 id)
{
    if (!m_driving)
        return askDriver(Control::Remove, id);
    RolloutRun *run = findRun(id);
    if (!run)
        return tr("There is no such rollout.");
    if (isActive(run->r.state))
        return tr("A running, paused or rolling back rollout cannot be removed.");
    if (run->busy || run->perDeviceInFlight > 0)
        return tr("The rollout is still finishing a step; try again in a moment.");
    if (run->owesCloudWork())
        return run->lastProblem.isEmpty()
            ? tr("The rollout still has work to finish in the cloud (its final release or "
                 "cancellations); try again once it is done.")
            : tr("The rollout still has work to finish in the cloud, which keeps failing: %1")
                  .arg(run->lastProblem);
    m_journal->remove(id);
    Q_EMIT rolloutRemoved(id);
    return {};
}

} // namespace Flotilla::Rollout
