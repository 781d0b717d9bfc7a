// SPDX-License-Identifier: MIT
#include "rollout/rolloutengine.h"

#include "domain/hierarchy.h"
#include "domain/nodepath.h"
#include "domain/precedence.h"
#include "remote/particleclient.h"
#include "store/cachestore.h"
#include "sync/syncengine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>

namespace Flotilla::Rollout {

Q_LOGGING_CATEGORY(lcRollout, "flotilla.rollout")

using Domain::RolloutDevice;
using Domain::RolloutDeviceState;
using Domain::RolloutMethod;
using Domain::RolloutState;
using Domain::WaveState;
using Remote::ApiError;

namespace {

// A Cancelled device whose cloud-side cancellation (group removal, unlock) is not done yet.
const QLatin1String CancellingStage("cancelling");

// A staged rollout of nodes only releases the version to those nodes once it completes.
bool wantsFinalRelease(const Domain::RolloutSpec &spec)
{
    return spec.method == RolloutMethod::Staged && spec.releaseToNodesWhenDone
        && !spec.nodes.isEmpty() && spec.devices.isEmpty();
}
// A Failed device that is no longer in the product (left out of the wave's batches).
const QLatin1String GoneStage("gone");
// A TimedOut device that did not return to its previous version in time.
const QLatin1String RollbackStage("rollback");
// Devices per page when polling a wave group (the API allows 100).
constexpr int PollPageSize = 100;
// Devices read one by one per polling round at most (the least recently read first).
constexpr int PollDevicesPerRound = 200;
// A step that failed for a transient reason is tried again this much later.
constexpr qint64 RetryDelayMs = 5000;

// Worth trying again later: transient failures, and requests refused while signed out (they go
// through once the operator signs in again).
bool retryable(const ApiError &error)
{
    return error.isTransient() || error.kind == ApiError::Kind::Cancelled
        || error.kind == ApiError::Kind::Unauthorized;
}

bool isActive(RolloutState state)
{
    return state == RolloutState::Running || state == RolloutState::Paused
        || state == RolloutState::RollingBack;
}

// Rollouts whose devices still follow the event stream.
bool followsEvents(RolloutState state)
{
    return isActive(state) || state == RolloutState::Aborted;
}

bool inFlight(RolloutDeviceState state)
{
    return state == RolloutDeviceState::Waiting || state == RolloutDeviceState::Updating
        || state == RolloutDeviceState::RollingBack;
}

// Devices a rollout still means to change: not started yet, or started and not finished.
bool isInFlight(RolloutDeviceState state)
{
    return state == RolloutDeviceState::Pending || state == RolloutDeviceState::Sending
        || inFlight(state);
}

} // namespace

struct RolloutEngine::Run
{
    Domain::Rollout r;
    QList<Domain::WaveSpec> waves; // spec.effectiveWaves()
    QHash<QString, int> index; // device id -> index in r.devices

    // Coalesced saving and signalling.
    QSet<QString> dirty; // devices changed since the last write
    QList<Domain::RolloutSample> newSamples;
    QList<Store::ActivityRecord> activity;
    QSet<QString> changedForSignal;
    bool headerChanged = false;

    // Cloud work.
    bool busy = false; // a wave step (batch, release, final release, cancellation) is running
    qint64 retryAtMs = 0; // after a transient failure: not before then
    int perDeviceInFlight = 0; // lock / unlock / read-back requests on the wire
    bool preparing = false; // Lock: the next devices are being written as Sending
    QStringList ready; // Lock: written as Sending, to send
    QStringList verify; // Lock: Sending at start-up, read back before sending again
    QSet<QString> sent; // Lock: on the wire (a reply may still come)
    QStringList unlockQueue; // Lock abort: Cancelled devices to unlock
    QSet<QString> unlockKnown; // of those, known to carry the rollout's lock (no read-back)
    bool rollbackGroupsDone = false; // Staged rollback: devices taken out of the wave groups
    QStringList rollbackQueue; // RollingBack devices to lock to their previous version

    // Polling.
    QHash<QString, qint64> lastPolled; // device id -> when it was last read one by one
    bool polling = false;
    bool pollWanted = false;
    qint64 lastPollMs = 0;
    qint64 lastSampleMs = 0;

    // A step refused for good outside Running (the final release, cancellations): tried again
    // less and less often, and reported once per distinct message.
    int refusals = 0;
    QString lastProblem;

    // Cloud work that a completed or aborted rollout still owes: the final release, or taking
    // cancelled devices back out of the wave groups / unlocking them.
    bool owesCloudWork() const
    {
        if (r.state == RolloutState::Completed && wantsFinalRelease(r.spec) && !r.finalReleaseDone)
            return true;
        return std::any_of(r.devices.cbegin(), r.devices.cend(), [](const RolloutDevice &d) {
            return d.state == RolloutDeviceState::Cancelled && d.stage == CancellingStage;
        });
    }

    RolloutDevice &device(const QString &id) { return r.devices[index.value(id)]; }
    // What names the rollout's groups: its token (rollouts written before tokens: the id).
    QString token() const { return r.spec.token.isEmpty() ? QString::number(r.id) : r.spec.token; }
    QString group(int wave) const { return Domain::rolloutGroupName(token(), wave); }
    bool has(const QString &id) const { return index.contains(id); }
    void reindex()
    {
        index.clear();
        for (int i = 0; i < r.devices.size(); ++i)
            index.insert(r.devices.at(i).id, i);
    }
    // The highest started wave (-1 before the first).
    int currentWave() const
    {
        for (int w = r.waves.size() - 1; w >= 0; --w) {
            if (r.waves.at(w).state != WaveState::Pending)
                return w;
        }
        return -1;
    }
    // The wave's devices (not skipped), sorted by id: the stable order of its batches. The plan
    // never changes, so the lists are kept.
    mutable QHash<int, QStringList> waveIds;
    const QStringList &waveDeviceIds(int wave) const
    {
        const auto known = waveIds.constFind(wave);
        if (known != waveIds.cend())
            return *known;
        QStringList ids;
        for (const RolloutDevice &d : r.devices) {
            if (d.wave == wave)
                ids.append(d.id);
        }
        ids.sort();
        return *waveIds.insert(wave, ids);
    }
    int targetFor(const RolloutDevice &d) const
    {
        return d.state == RolloutDeviceState::RollingBack
                || d.state == RolloutDeviceState::RolledBack
            ? d.previousVersion
            : r.spec.version;
    }
};

RolloutEngine::RolloutEngine(Remote::ParticleClient *client, Store::CacheStore *store,
    Sync::SyncEngine *sync, const RolloutConfig &config, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_sync(sync)
    , m_config(config)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_tick.setInterval(qMax(10, m_config.tickMs));
    connect(&m_tick, &QTimer::timeout, this, &RolloutEngine::tick);
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(qMax(0, m_config.saveDelayMs));
    connect(&m_saveTimer, &QTimer::timeout, this, &RolloutEngine::flush);
    connect(m_sync, &Sync::SyncEngine::deviceEvent, this, &RolloutEngine::onDeviceEvent);
    connect(m_sync, &Sync::SyncEngine::eventStreamChanged, this, [this](bool connected) {
        if (!connected) {
            m_streamWasDown = true;
            return;
        }
        if (!m_streamWasDown)
            return;
        m_streamWasDown = false;
        // Events may have been missed while the stream was down: read the devices in flight.
        for (auto &[id, run] : m_runs) {
            if (isActive(run->r.state))
                run->pollWanted = true;
        }
    });
}

RolloutEngine::~RolloutEngine()
{
    // Write what is still waiting; the store finishes queued writes before it closes.
    if (m_started)
        flush();
}

qint64 RolloutEngine::now() const
{
    return m_clock();
}

void RolloutEngine::setClock(std::function<qint64()> clock)
{
    m_clock = clock ? std::move(clock) : [] { return QDateTime::currentMSecsSinceEpoch(); };
}

std::function<void()> RolloutEngine::resumeAfter(qint64 id)
{
    return [this, id] {
        if (Run *found = findRun(id)) {
            found->busy = false;
            // A step went through: earlier refusals are history.
            found->refusals = 0;
            found->lastProblem.clear();
            drive(*found);
        }
    };
}

std::function<void()> RolloutEngine::driveAfter(qint64 id)
{
    return [this, id] {
        if (Run *found = findRun(id))
            drive(*found);
    };
}

RolloutEngine::Run *RolloutEngine::findRun(qint64 id) const
{
    const auto it = m_runs.find(id);
    return it == m_runs.end() ? nullptr : it->second.get();
}

// ---- start and queries ------------------------------------------------------------------

void RolloutEngine::start(std::function<void(QString)> done)
{
    m_store->loadRollouts([this, guard = QPointer<RolloutEngine>(this), done = std::move(done)](
                              QList<Domain::Rollout> rollouts, QString error) {
        if (!guard)
            return;
        if (!error.isEmpty()) {
            qCWarning(lcRollout) << "cannot load the rollouts:" << error;
            if (done)
                done(error);
            return;
        }
        for (Domain::Rollout &r : rollouts) {
            auto run = std::make_unique<Run>();
            run->r = std::move(r);
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
            const qint64 id = run->r.id;
            m_runs.emplace(id, std::move(run));
            qCInfo(lcRollout) << "loaded rollout" << id;
        }
        m_started = true;
        m_streamWasDown = !m_sync->isEventStreamConnected();
        m_tick.start();
        for (auto &[id, run] : m_runs)
            drive(*run);
        if (done)
            done(QString());
    });
}

QList<qint64> RolloutEngine::rolloutIds() const
{
    QList<qint64> ids;
    for (const auto &[id, run] : m_runs)
        ids.append(id);
    return ids;
}

const Domain::Rollout *RolloutEngine::rollout(qint64 id) const
{
    const Run *run = findRun(id);
    return run ? &run->r : nullptr;
}

Domain::WaveCounts RolloutEngine::waveCounts(qint64 id, int wave) const
{
    const Run *run = findRun(id);
    return run ? Domain::countWave(run->r.devices, wave) : Domain::WaveCounts {};
}

bool RolloutEngine::hasActiveRollouts() const
{
    return std::any_of(
        m_runs.cbegin(), m_runs.cend(), [](const auto &p) { return isActive(p.second->r.state); });
}

Domain::FlashImpact RolloutEngine::assess(Domain::RolloutMethod method, int version,
    const QStringList &nodes, const QStringList &devices) const
{
    const Sync::FleetState &state = m_sync->state();
    const Domain::Hierarchy hierarchy = state.hierarchy();
    const QHash<QString, int> released = state.releasedVersionByGroup();
    const std::optional<int> productDefault = state.productDefault();
    QHash<QString, int> releasedAfter = released;
    if (method == RolloutMethod::Release) {
        for (const QString &node : nodes)
            releasedAfter.insert(node, version);
    }

    QList<Domain::RolloutCandidate> candidates;
    QSet<QString> seen;
    auto add = [&](const Domain::Device &device, const QString &node) {
        if (seen.contains(device.id))
            return;
        seen.insert(device.id);
        Domain::RolloutCandidate c;
        c.id = device.id;
        c.name = device.name;
        c.node = node;
        c.firmwareVersion = device.firmwareVersion;
        c.lock = device.desiredFirmwareVersion;
        c.development = device.development;
        c.online = device.online;
        switch (method) {
        case RolloutMethod::Lock:
            c.targetAfter = Domain::effectiveTarget(device.development, version, {}, std::nullopt);
            break;
        case RolloutMethod::Release:
            c.targetAfter = Domain::effectiveTarget(device, releasedAfter, productDefault);
            break;
        case RolloutMethod::Staged: {
            QList<int> versions;
            for (const QString &g : device.groups) {
                const auto it = released.constFind(g);
                if (it != released.cend())
                    versions.append(*it);
            }
            versions.append(version);
            c.targetAfter = Domain::effectiveTarget(
                device.development, device.desiredFirmwareVersion, versions, productDefault);
            break;
        }
        }
        candidates.append(c);
    };

    QList<const Domain::Device *> underNodes;
    QHash<QString, QString> placeOf;
    for (auto it = state.devices.cbegin(); it != state.devices.cend(); ++it) {
        const Domain::Placement placement = Domain::placeDevice(it->groups, hierarchy);
        const QString path
            = placement.kind == Domain::PlacementKind::Node ? placement.path : QString();
        placeOf.insert(it.key(), path);
        if (path.isEmpty())
            continue;
        for (const QString &node : nodes) {
            if (Domain::isAncestorOrSelf(node, path)) {
                underNodes.append(&it.value());
                break;
            }
        }
    }
    std::sort(underNodes.begin(), underNodes.end(),
        [](const Domain::Device *a, const Domain::Device *b) { return a->id < b->id; });
    for (const Domain::Device *d : std::as_const(underNodes))
        add(*d, placeOf.value(d->id));
    for (const QString &id : devices) {
        const auto it = state.devices.constFind(id);
        if (it != state.devices.cend())
            add(*it, placeOf.value(id));
    }
    Domain::FlashImpact impact = Domain::assessFlash(method, version, candidates);
    // A device still in flight in another active rollout is left to that rollout: two rollouts
    // targeting one device would fight over its target and count its events twice.
    QHash<QString, QString> busy; // device id -> title of the rollout that holds it
    for (const auto &[id, run] : m_runs) {
        if (!isActive(run->r.state))
            continue;
        for (const RolloutDevice &d : std::as_const(run->r.devices)) {
            if (isInFlight(d.state))
                busy.insert(d.id, run->r.spec.title);
        }
    }
    if (busy.isEmpty())
        return impact;
    for (RolloutDevice &d : impact.devices) {
        const auto it = busy.constFind(d.id);
        if (d.state == RolloutDeviceState::Skipped || it == busy.cend())
            continue;
        d.state = RolloutDeviceState::Skipped;
        d.reason = tr("Still being updated by the rollout “%1”").arg(*it);
        --impact.targeted;
        ++impact.inOtherRollout;
        const Domain::Device &device = m_sync->state().devices.value(d.id);
        if (--impact.targetedByVersion[d.previousVersion] <= 0)
            impact.targetedByVersion.remove(d.previousVersion);
        if (!device.online)
            --impact.offline;
        if (d.previousVersion > version)
            --impact.downgrades;
        if (method == RolloutMethod::Lock && device.desiredFirmwareVersion
            && *device.desiredFirmwareVersion != version)
            --impact.locked;
    }
    return impact;
}

void RolloutEngine::uploadFirmware(int version, const QString &title, const QString &notes,
    const QByteArray &binary, const QString &fileName,
    std::function<void(std::optional<Domain::Firmware>, QString)> done)
{
    m_client->uploadFirmware(m_config.productId, version, title, notes, binary, fileName, this,
        [this, version, done = std::move(done)](Remote::Result<Domain::Firmware> result) {
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
    const Domain::RolloutSpec &specIn, std::function<void(qint64, QString)> done)
{
    auto refuse = [this, done](const QString &message) {
        QMetaObject::invokeMethod(
            this, [done, message] { done(0, message); }, Qt::QueuedConnection);
    };
    Domain::RolloutSpec spec = specIn;
    const QString invalid = spec.validate();
    if (!invalid.isEmpty())
        return refuse(invalid);
    if (!m_started)
        return refuse(tr("The rollouts are not loaded yet."));
    if (!m_sync->state().firmware.contains(spec.version) && !m_uploaded.contains(spec.version))
        return refuse(tr("The product has no firmware version %1.").arg(spec.version));
    if (spec.order == Domain::RolloutSpec::Order::Random && spec.seed == 0)
        spec.seed = QRandomGenerator::global()->generate64() | 1u;
    if (spec.token.isEmpty())
        spec.token = Domain::newRolloutToken();

    Domain::FlashImpact impact = assess(spec.method, spec.version, spec.nodes, spec.devices);
    if (impact.targeted == 0)
        return refuse(tr("No device of the selection would be flashed."));
    // Devices in flight in another active rollout are skipped by assess(), so no device is
    // targeted twice.
    QSet<QString> selected;
    for (const RolloutDevice &d : std::as_const(impact.devices))
        selected.insert(d.id);
    // A release to the selected nodes (now, or when a staged rollout completes) also reaches
    // the devices another rollout still holds there: with another version it would take them
    // over, and that rollout would wait for them in vain.
    const bool releasesToNodes = spec.method == RolloutMethod::Release || wantsFinalRelease(spec);
    if (releasesToNodes && impact.inOtherRollout > 0) {
        for (const auto &[id, run] : m_runs) {
            if (!isActive(run->r.state) || run->r.spec.version == spec.version)
                continue;
            int held = 0;
            for (const RolloutDevice &d : std::as_const(run->r.devices)) {
                if (isInFlight(d.state) && selected.contains(d.id))
                    ++held;
            }
            if (held > 0)
                return refuse(tr("%n device(s) of the selection are still being updated to v%1 by "
                                 "the rollout “%2”, and this release would reach them too. Wait "
                                 "for it to finish, abort it, or lock and flash instead.",
                    nullptr, held)
                                  .arg(run->r.spec.version)
                                  .arg(run->r.spec.title));
        }
    }
    Domain::Rollout r;
    r.spec = spec;
    r.state = RolloutState::Running;
    r.devices = impact.devices;
    const QList<Domain::WaveSpec> waves = spec.effectiveWaves();
    if (spec.method == RolloutMethod::Staged) {
        Domain::assignWaves(spec, r.devices);
    } else {
        for (RolloutDevice &d : r.devices) {
            if (d.state != RolloutDeviceState::Skipped)
                d.wave = 0;
        }
    }
    r.waves = QList<Domain::WaveProgress>(waves.size());
    r.createdMs = now();
    for (RolloutDevice &d : r.devices)
        d.updatedMs = r.createdMs;

    Store::ActivityRecord activity;
    activity.actor = m_config.actor;
    activity.action = tr("Rollout started");
    activity.subject = spec.title;
    activity.result = tr("Started");
    activity.detail = tr("Version %1 to %2 of %3 selected devices (%4 skipped), %n wave(s)",
        nullptr, static_cast<int>(waves.size()))
                          .arg(spec.version)
                          .arg(impact.targeted)
                          .arg(impact.selected)
                          .arg(impact.selected - impact.targeted);

    m_store->createRollout(r, activity,
        [this, guard = QPointer<RolloutEngine>(this), r, done = std::move(done)](
            qint64 id, QString error) mutable {
            if (!guard)
                return;
            if (!error.isEmpty() || id <= 0) {
                done(0, tr("The rollout could not be written to the cache: %1").arg(error));
                return;
            }
            r.id = id;
            auto run = std::make_unique<Run>();
            run->r = std::move(r);
            run->waves = run->r.spec.effectiveWaves();
            run->reindex();
            Run &ref = *run;
            m_runs.emplace(id, std::move(run));
            qCInfo(lcRollout) << "rollout" << id << "created:" << ref.r.spec.title;
            Q_EMIT rolloutAdded(id);
            startWave(ref, 0);
            done(id, QString());
        });
}

// ---- saving and signalling ----------------------------------------------------------------

void RolloutEngine::markDevice(Run &run, const RolloutDevice &device)
{
    run.device(device.id) = device;
    run.dirty.insert(device.id);
    run.changedForSignal.insert(device.id);
    run.headerChanged = true;
    scheduleSave();
}

void RolloutEngine::markHeader(Run &run)
{
    run.headerChanged = true;
    scheduleSave();
}

void RolloutEngine::scheduleSave()
{
    if (!m_saveTimer.isActive())
        m_saveTimer.start();
}

Store::RolloutUpdate RolloutEngine::takeUpdate(Run &run)
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

void RolloutEngine::persist(Run &run, std::function<void()> then)
{
    const Store::RolloutUpdate update = takeUpdate(run);
    const qint64 id = run.r.id;
    QStringList deviceIds;
    for (const RolloutDevice &d : update.devices)
        deviceIds.append(d.id);
    m_store->saveRollout(update,
        [this, guard = QPointer<RolloutEngine>(this), id, deviceIds, then = std::move(then)](
            QString error) {
            if (!guard)
                return;
            Run *current = findRun(id);
            if (!error.isEmpty()) {
                qCWarning(lcRollout) << "rollout" << id << "not saved:" << error;
                if (current) {
                    // Written again with the next save; the step that waited for it is not sent.
                    for (const QString &d : deviceIds)
                        current->dirty.insert(d);
                    current->busy = false;
                    current->preparing = false;
                    current->retryAtMs = now() + RetryDelayMs;
                    scheduleSave();
                }
                Q_EMIT problem(
                    id, tr("The rollout could not be written to the cache: %1").arg(error));
                return;
            }
            if (current && then)
                then();
        });
    notify(run);
}

void RolloutEngine::notify(Run &run)
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

void RolloutEngine::flush()
{
    for (auto &[id, run] : m_runs) {
        if (!run->dirty.isEmpty() || !run->newSamples.isEmpty() || !run->activity.isEmpty()
            || run->headerChanged)
            persist(*run, {});
    }
}

void RolloutEngine::countRequest(Run &run)
{
    ++run.r.requests;
    markHeader(run);
}

void RolloutEngine::addActivity(
    Run &run, const QString &action, const QString &result, const QString &detail)
{
    Store::ActivityRecord a;
    a.actor = m_config.actor;
    a.action = action;
    a.subject = run.r.spec.title;
    a.result = result;
    a.detail = detail;
    run.activity.append(a);
    markHeader(run);
}

// A step failed: transient errors are retried later, others pause the rollout.
void RolloutEngine::stepFailed(Run &run, const QString &what, const ApiError &error)
{
    run.busy = false;
    qCWarning(lcRollout) << "rollout" << run.r.id << what << "failed:" << error.toString();
    if (retryable(error)) {
        run.retryAtMs = now() + RetryDelayMs;
        return;
    }
    const QString message = tr("%1 failed: %2").arg(what, error.toString());
    if (message != run.lastProblem)
        Q_EMIT problem(run.r.id, message);
    run.lastProblem = message;
    if (run.r.state == RolloutState::Running) {
        run.r.state = RolloutState::Paused;
        run.r.pausedForFailures = false;
        run.r.stateReason = message;
        addActivity(run, tr("Rollout paused"), tr("Paused"), message);
    } else {
        // 1 minute, then 2, 4 … up to 32 between attempts.
        run.retryAtMs = now() + RetryDelayMs * 12 * (qint64(1) << qMin(run.refusals, 5));
        ++run.refusals;
    }
    persist(run, {});
}

// ---- waves ---------------------------------------------------------------------------------

void RolloutEngine::startWave(Run &run, int wave)
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
    if (run.r.spec.method != RolloutMethod::Lock) {
        for (RolloutDevice d : std::as_const(run.r.devices)) {
            if (d.wave != wave || d.state != RolloutDeviceState::Pending)
                continue;
            d.state = RolloutDeviceState::Waiting;
            d.startedMs = 0; // the timeout counts from the wave's release
            d.updatedMs = t;
            d.reason.clear();
            d.stage.clear();
            const auto known = m_sync->state().devices.constFind(d.id);
            if (known != m_sync->state().devices.cend() && !known->online) {
                d.stage = QStringLiteral("offline");
                d.reason = tr("Offline: it updates when it comes back");
            }
            markDevice(run, d);
        }
    }
    // A wave without devices (a tiny selection) has no group and nothing to release.
    if (run.r.spec.method == RolloutMethod::Staged && run.waveDeviceIds(wave).isEmpty()) {
        progress.released = true;
        progress.state = WaveState::Finished;
        progress.finishedMs = t;
    }
    qCInfo(lcRollout) << "rollout" << run.r.id << "starts wave" << wave + 1;
    markHeader(run);
    run.busy = true;
    const qint64 id = run.r.id;
    persist(run, resumeAfter(id));
}

void RolloutEngine::drive(Run &run)
{
    if (run.busy || now() < run.retryAtMs)
        return;
    switch (run.r.state) {
    case RolloutState::Running: {
        const int w = run.currentWave();
        if (w < 0) {
            startWave(run, 0);
            return;
        }
        const Domain::WaveProgress &progress = run.r.waves.at(w);
        switch (run.r.spec.method) {
        case RolloutMethod::Staged: {
            const int batches = static_cast<int>(
                (run.waveDeviceIds(w).size() + m_config.batchSize - 1) / m_config.batchSize);
            if (progress.batchesDone < batches)
                return addBatch(run, w, progress.batchesDone);
            if (!progress.released)
                return release(run, w);
            break;
        }
        case RolloutMethod::Release:
            if (!progress.released)
                return release(run, w);
            break;
        case RolloutMethod::Lock:
            pumpLocks(run);
            break;
        }
        break;
    }
    case RolloutState::Completed:
        if (wantsFinalRelease(run.r.spec) && !run.r.finalReleaseDone)
            finalRelease(run);
        break;
    case RolloutState::Aborted:
        cancelDevices(run);
        break;
    case RolloutState::RollingBack:
        // Cancellations of the abort that preceded it first.
        cancelDevices(run);
        if (!run.busy)
            rollBackDevices(run);
        break;
    case RolloutState::Paused:
    case RolloutState::RolledBack:
        break;
    }
}

void RolloutEngine::addBatch(Run &run, int wave, int batch)
{
    run.busy = true;
    const qint64 id = run.r.id;
    const QString group = run.group(wave);
    const QString token = run.token();
    auto sendBatch = [this, id, wave, batch, group] {
        Run *current = findRun(id);
        if (!current)
            return;
        // Devices found gone from the product are left out (the API refuses the whole batch).
        QStringList ids;
        for (const QString &deviceId : current->waveDeviceIds(wave).mid(
                 static_cast<qsizetype>(batch) * m_config.batchSize, m_config.batchSize)) {
            const RolloutDevice &d = current->device(deviceId);
            if (!(d.state == RolloutDeviceState::Failed && d.stage == GoneStage))
                ids.append(deviceId);
        }
        auto done = [this, id, wave, batch] {
            Run *latest = findRun(id);
            if (!latest)
                return;
            latest->r.waves[wave].batchesDone = qMax(latest->r.waves[wave].batchesDone, batch + 1);
            markHeader(*latest);
            persist(*latest, resumeAfter(id));
        };
        if (ids.isEmpty())
            return done();
        countRequest(*current);
        m_client->batchGroups(m_config.productId, ids, {group}, {}, this,
            [this, id, wave, batch, ids, done](Remote::Result<bool> result) {
                Run *latest = findRun(id);
                if (!latest)
                    return;
                if (!result.ok() && result.error.kind == ApiError::Kind::NotFound)
                    return checkBatchIds(id, wave, batch, ids, {}, result.error);
                if (!result.ok())
                    return stepFailed(
                        *latest, tr("Adding devices to the rollout group"), result.error);
                noteGroups(ids, latest->group(wave), QString());
                done();
            });
    };
    if (batch > 0)
        return sendBatch();
    // Create the group first; its description carries the rollout's token, so a group of that
    // name that exists already is taken only when it is this rollout's (created before a restart).
    Domain::Group g;
    g.name = group;
    g.description = tr("Flotilla rollout %1 (%2), wave %3").arg(id).arg(token).arg(wave + 1);
    countRequest(run);
    m_client->createGroup(m_config.productId, g, this,
        [this, id, group, token, sendBatch](Remote::Result<Domain::Group> result) {
            Run *current = findRun(id);
            if (!current)
                return;
            if (result.ok())
                return sendBatch();
            if (result.error.kind != ApiError::Kind::BadRequest)
                return stepFailed(*current, tr("Creating the rollout group"), result.error);
            countRequest(*current);
            m_client->listGroups(m_config.productId, this,
                [this, id, group, token, sendBatch](Remote::Result<QList<Domain::Group>> groups) {
                    Run *latest = findRun(id);
                    if (!latest)
                        return;
                    if (!groups.ok())
                        return stepFailed(*latest, tr("Creating the rollout group"), groups.error);
                    for (const Domain::Group &existing : std::as_const(*groups.value)) {
                        if (existing.name == group && existing.description.contains(token))
                            return sendBatch();
                    }
                    ApiError clash;
                    clash.kind = ApiError::Kind::BadRequest;
                    clash.message = tr("The product already has a group of the name this "
                                       "rollout's wave needs, made by something else; the wave "
                                       "cannot start until it is removed");
                    stepFailed(*latest, tr("Creating the rollout group"), clash);
                });
        });
}

// A batch was refused because a device is not in the product: the batch's devices are read
// back one by one (within the budget); those gone are marked Failed and the batch goes again
// without them.
void RolloutEngine::checkBatchIds(
    qint64 id, int wave, int batch, QStringList toCheck, QStringList gone, const ApiError &refusal)
{
    Run *run = findRun(id);
    if (!run)
        return;
    if (run->r.state != RolloutState::Running) {
        // Paused or aborted meanwhile: the batch stays undone (a resume sends it again).
        run->busy = false;
        drive(*run);
        return;
    }
    if (toCheck.isEmpty()) {
        if (gone.isEmpty()) // every device is there: the refusal is about something else
            return stepFailed(*run, tr("Adding devices to the rollout group"), refusal);
        const qint64 t = now();
        for (const QString &deviceId : std::as_const(gone)) {
            RolloutDevice d = run->device(deviceId);
            if (d.state != RolloutDeviceState::Waiting)
                continue;
            d.state = RolloutDeviceState::Failed;
            d.stage = GoneStage;
            d.reason = tr("No longer in the product");
            d.updatedMs = t;
            markDevice(*run, d);
        }
        qCInfo(lcRollout) << "rollout" << id << "wave" << wave + 1 << "batch" << batch + 1 << ":"
                          << gone.size() << "devices gone from the product";
        persist(*run, resumeAfter(id));
        return;
    }
    auto later = [this, id, wave, batch, toCheck, gone, refusal] {
        QTimer::singleShot(RetryDelayMs, this, [this, id, wave, batch, toCheck, gone, refusal] {
            checkBatchIds(id, wave, batch, toCheck, gone, refusal);
        });
    };
    if (m_client->headroom() <= m_config.reserveRequests)
        return later();
    const QString deviceId = toCheck.takeFirst();
    countRequest(*run);
    m_client->getDevice(m_config.productId, deviceId, this,
        [this, id, wave, batch, deviceId, toCheck, gone, refusal](
            Remote::Result<Domain::Device> result) mutable {
            if (!findRun(id))
                return;
            if (!result.ok() && retryable(result.error)) {
                toCheck.prepend(deviceId);
                QTimer::singleShot(
                    RetryDelayMs, this, [this, id, wave, batch, toCheck, gone, refusal] {
                        checkBatchIds(id, wave, batch, toCheck, gone, refusal);
                    });
                return;
            }
            if (!result.ok() && result.error.kind == ApiError::Kind::NotFound)
                gone.append(deviceId);
            checkBatchIds(id, wave, batch, toCheck, gone, refusal);
        });
}

void RolloutEngine::releaseDone(int version)
{
    const auto it = m_releaseWaiting.find(version);
    if (it == m_releaseWaiting.end() || it->isEmpty()) {
        m_releaseWaiting.remove(version);
        m_releasing.remove(version);
        return;
    }
    std::function<void()> next = it->takeFirst();
    QMetaObject::invokeMethod(this, std::move(next), Qt::QueuedConnection);
}

// The version's groups now (read from the cloud), then released with `extra` added and
// `without` taken out. One release of a version at a time (m_releasing): the read and the write
// of two rollouts of the same version never interleave. Particle keeps one `intelligent` flag per
// version: a version released intelligently to groups stays intelligent.
void RolloutEngine::releaseWith(Run &run, const QStringList &extra, const QStringList &without,
    bool intelligent, const QString &what, std::function<void(Run &)> then)
{
    run.busy = true;
    const qint64 id = run.r.id;
    const int version = run.r.spec.version;
    auto go = [this, id, version, extra, without, intelligent, what, then] {
        Run *queued = findRun(id);
        if (!queued)
            return releaseDone(version);
        countRequest(*queued);
        m_client->requestJson("GET",
            QStringLiteral("/v1/products/%1/firmware").arg(m_config.productId), {}, this,
            [this, id, version, extra, without, intelligent, what, then](
                const Remote::ApiReply &reply) {
                Run *current = findRun(id);
                if (!current)
                    return releaseDone(version);
                if (!reply.ok() || !reply.json.isArray()) {
                    ApiError error = reply.error;
                    if (!error.isError()) {
                        error.kind = ApiError::Kind::Malformed;
                        error.status = reply.status;
                        error.message = tr("The firmware list could not be read");
                    }
                    releaseDone(version);
                    return stepFailed(*current, what, error);
                }
                QStringList groups;
                bool wasIntelligent = false;
                for (const QJsonValue &v : reply.json.array()) {
                    const QJsonObject f = v.toObject();
                    if (f.value(QStringLiteral("version")).toInt() != version)
                        continue;
                    for (const QJsonValue &g : f.value(QStringLiteral("groups")).toArray())
                        groups.append(g.toString());
                    wasIntelligent = f.value(QStringLiteral("intelligent")).toBool();
                }
                // Particle documents `intelligent` on the release answer only, not in this list:
                // what this console released intelligently itself counts as well.
                const bool keepIntelligent
                    = (wasIntelligent || releasedIntelligently(version)) && !groups.isEmpty();
                for (const QString &g : without)
                    groups.removeAll(g);
                for (const QString &g : extra) {
                    if (!groups.contains(g))
                        groups.append(g);
                }
                groups.sort();
                countRequest(*current);
                m_client->releaseFirmware(m_config.productId, version, groups, std::nullopt,
                    intelligent || keepIntelligent, this,
                    [this, id, version, what, then](Remote::Result<Domain::Firmware> released) {
                        releaseDone(version);
                        Run *latest = findRun(id);
                        if (!latest)
                            return;
                        if (!released.ok())
                            return stepFailed(*latest, what, released.error);
                        then(*latest);
                    });
            });
    };
    if (m_releasing.contains(version)) {
        m_releaseWaiting[version].append(std::move(go));
        return;
    }
    m_releasing.insert(version);
    go();
}

void RolloutEngine::release(Run &run, int wave)
{
    QStringList groups;
    bool intelligent = true;
    if (run.r.spec.method == RolloutMethod::Staged) {
        // Waves without devices have no group.
        for (int w = 0; w <= wave; ++w) {
            if (!run.waveDeviceIds(w).isEmpty())
                groups.append(run.group(w));
        }
    } else {
        groups = run.r.spec.nodes;
        intelligent = run.r.spec.intelligent;
    }
    const qint64 id = run.r.id;
    releaseWith(
        run, groups, {}, intelligent, tr("Releasing the version"), [this, wave, id](Run &current) {
            current.r.waves[wave].released = true;
            markHeader(current);
            // The wave's devices may update from now on: their timeouts start.
            const qint64 t = now();
            for (const RolloutDevice &device : std::as_const(current.r.devices)) {
                if (device.wave != wave || device.startedMs > 0
                    || (device.state != RolloutDeviceState::Waiting
                        && device.state != RolloutDeviceState::Updating))
                    continue;
                RolloutDevice d = device;
                d.startedMs = t;
                markDevice(current, d);
            }
            qCInfo(lcRollout) << "rollout" << id << "released wave" << wave + 1;
            persist(current, resumeAfter(id));
        });
}

bool RolloutEngine::releasedIntelligently(int version) const
{
    for (const auto &[id, run] : m_runs) {
        const Domain::RolloutSpec &spec = run->r.spec;
        const bool intelligent = spec.method == RolloutMethod::Staged
            || (spec.method == RolloutMethod::Release && spec.intelligent);
        if (spec.version != version || !intelligent)
            continue;
        if (run->r.finalReleaseDone
            || std::any_of(run->r.waves.cbegin(), run->r.waves.cend(),
                [](const Domain::WaveProgress &w) { return w.released; }))
            return true;
    }
    return false;
}

void RolloutEngine::finalRelease(Run &run)
{
    QStringList waveGroups;
    for (int w = 0; w < run.r.waves.size(); ++w) {
        if (!run.waveDeviceIds(w).isEmpty())
            waveGroups.append(run.group(w));
    }
    const qint64 id = run.r.id;
    releaseWith(run, run.r.spec.nodes, waveGroups, true,
        tr("Releasing the version to the selection"), [this, id, waveGroups](Run &) {
            // Delete the wave groups one after the other; one already gone is fine.
            deleteWaveGroups(id, waveGroups);
        });
}

void RolloutEngine::deleteWaveGroups(qint64 id, QStringList remaining)
{
    Run *run = findRun(id);
    if (!run)
        return;
    if (remaining.isEmpty()) {
        run->r.finalReleaseDone = true;
        markHeader(*run);
        persist(*run, [this, id] {
            if (Run *current = findRun(id))
                current->busy = false;
        });
        return;
    }
    const QString group = remaining.takeFirst();
    countRequest(*run);
    m_client->deleteGroup(
        m_config.productId, group, this, [this, id, group, remaining](Remote::Result<bool> result) {
            Run *current = findRun(id);
            if (!current)
                return;
            if (!result.ok() && result.error.kind != ApiError::Kind::NotFound
                && result.error.kind != ApiError::Kind::BadRequest)
                return stepFailed(*current, tr("Deleting the rollout groups"), result.error);
            m_sync->noteCloudGroupDeleted(group);
            deleteWaveGroups(id, remaining);
        });
}

// ---- lock and flash ---------------------------------------------------------------------

bool RolloutEngine::mayUseBudget(const Run &run) const
{
    return run.perDeviceInFlight < qMax(1, m_config.maxInFlight)
        && m_client->headroom() > m_config.reserveRequests;
}

void RolloutEngine::pumpLocks(Run &run)
{
    const qint64 id = run.r.id;
    const int version = run.r.spec.version;
    // Devices that may have been sent before a restart: read back, send only when not locked.
    while (!run.verify.isEmpty() && mayUseBudget(run)) {
        const QString deviceId = run.verify.takeFirst();
        ++run.perDeviceInFlight;
        countRequest(run);
        m_client->getDevice(m_config.productId, deviceId, this,
            [this, id, deviceId, version](Remote::Result<Domain::Device> result) {
                Run *current = findRun(id);
                if (!current)
                    return;
                --current->perDeviceInFlight;
                if (!result.ok() && !retryable(result.error)) {
                    // Gone from the product, or refused for good: not sent again.
                    RolloutDevice d = current->device(deviceId);
                    d.state = RolloutDeviceState::Failed;
                    d.reason = tr("The device could not be read: %1").arg(result.error.message);
                    d.updatedMs = now();
                    markDevice(*current, d);
                    return drive(*current);
                }
                if (!result.ok()) {
                    current->verify.append(deviceId);
                    current->retryAtMs = now() + RetryDelayMs;
                    return;
                }
                RolloutDevice d = current->device(deviceId);
                if (d.state != RolloutDeviceState::Sending)
                    return drive(*current);
                if (result.value->desiredFirmwareVersion == version) {
                    d.state = RolloutDeviceState::Waiting;
                    d.startedMs = d.updatedMs = now();
                    if (result.value->firmwareVersion == version)
                        d.state = RolloutDeviceState::Succeeded;
                    markDevice(*current, d);
                } else {
                    current->ready.append(deviceId);
                }
                drive(*current);
            });
    }
    if (!run.verify.isEmpty())
        return;
    while (!run.ready.isEmpty() && mayUseBudget(run)) {
        const QString deviceId = run.ready.takeFirst();
        if (run.device(deviceId).state != RolloutDeviceState::Sending)
            continue;
        ++run.perDeviceInFlight;
        run.sent.insert(deviceId);
        countRequest(run);
        const QJsonObject fields {
            {QStringLiteral("desired_firmware_version"), version}, {QStringLiteral("flash"), true}};
        m_client->updateDevice(m_config.productId, deviceId, fields, this,
            [this, id, deviceId](Remote::Result<QJsonObject> result) {
                Run *current = findRun(id);
                if (!current)
                    return;
                --current->perDeviceInFlight;
                current->sent.remove(deviceId);
                RolloutDevice d = current->device(deviceId);
                if (!result.ok()) {
                    if (retryable(result.error)) {
                        current->ready.append(deviceId);
                        current->retryAtMs = now() + RetryDelayMs;
                        return;
                    }
                    // Aborted meanwhile: nothing was locked, the device stays Cancelled.
                    if (d.state == RolloutDeviceState::Sending) {
                        d.state = RolloutDeviceState::Failed;
                        d.reason = tr("The lock was refused: %1").arg(result.error.message);
                    }
                    d.stage.clear();
                    d.updatedMs = now();
                    markDevice(*current, d);
                    return drive(*current);
                }
                noteLock(deviceId, current->r.spec.version);
                if (d.state == RolloutDeviceState::Sending) {
                    d.state = RolloutDeviceState::Waiting;
                    d.startedMs = d.updatedMs = now();
                    markDevice(*current, d);
                } else if (d.state == RolloutDeviceState::Cancelled) {
                    // Aborted while the lock was on the wire: take it back.
                    d.stage = CancellingStage;
                    markDevice(*current, d);
                    current->unlockQueue.append(deviceId);
                    current->unlockKnown.insert(deviceId);
                }
                drive(*current);
            });
    }
    if (!run.ready.isEmpty() || run.preparing || run.r.state != RolloutState::Running)
        return;
    const int w = run.currentWave();
    QStringList next;
    const int chunk = qMax(50, m_config.maxInFlight * 8);
    for (const QString &deviceId : run.waveDeviceIds(w)) {
        const RolloutDeviceState state = run.device(deviceId).state;
        // Pending, or Sending but never sent (its write failed): written (again), then sent.
        if (state == RolloutDeviceState::Pending
            || (state == RolloutDeviceState::Sending && !run.sent.contains(deviceId)
                && !run.verify.contains(deviceId))) {
            next.append(deviceId);
            if (next.size() >= chunk)
                break;
        }
    }
    if (next.isEmpty())
        return;
    // Written as Sending before anything is sent.
    const qint64 t = now();
    for (const QString &deviceId : std::as_const(next)) {
        RolloutDevice d = run.device(deviceId);
        d.state = RolloutDeviceState::Sending;
        d.updatedMs = t;
        markDevice(run, d);
    }
    run.preparing = true;
    persist(run, [this, id, next] {
        Run *current = findRun(id);
        if (!current)
            return;
        current->preparing = false;
        for (const QString &deviceId : next) {
            if (current->device(deviceId).state == RolloutDeviceState::Sending)
                current->ready.append(deviceId);
        }
        drive(*current);
    });
}

// ---- abort and rollback ----------------------------------------------------------------

void RolloutEngine::cancelDevices(Run &run)
{
    const qint64 id = run.r.id;
    if (run.r.spec.method == RolloutMethod::Staged) {
        // Cancelled devices still in a wave group: out of it, a batch per wave.
        QMap<int, QStringList> byWave;
        for (const RolloutDevice &d : std::as_const(run.r.devices)) {
            if (d.state == RolloutDeviceState::Cancelled && d.stage == CancellingStage)
                byWave[d.wave].append(d.id);
        }
        if (byWave.isEmpty())
            return;
        const int wave = byWave.firstKey();
        const QStringList ids = byWave.first().mid(0, m_config.batchSize);
        run.busy = true;
        countRequest(run);
        m_client->batchGroups(m_config.productId, ids, {}, {run.group(wave)}, this,
            [this, id, ids, group = run.group(wave)](Remote::Result<bool> result) {
                Run *current = findRun(id);
                if (!current)
                    return;
                const bool refused = !result.ok() && !retryable(result.error);
                if (!result.ok() && !refused)
                    return stepFailed(
                        *current, tr("Taking devices out of the rollout group"), result.error);
                if (refused)
                    Q_EMIT problem(id,
                        tr("Devices could not be taken out of the rollout group: %1")
                            .arg(result.error.toString()));
                else
                    noteGroups(ids, QString(), group);
                for (const QString &deviceId : ids) {
                    RolloutDevice d = current->device(deviceId);
                    d.stage.clear();
                    d.updatedMs = now();
                    if (refused)
                        d.reason = tr("Could not be taken out of the rollout group: %1")
                                       .arg(result.error.message);
                    markDevice(*current, d);
                }
                persist(*current, resumeAfter(id));
            });
        return;
    }
    if (run.r.spec.method != RolloutMethod::Lock)
        return;
    while (!run.unlockQueue.isEmpty() && mayUseBudget(run)) {
        const QString deviceId = run.unlockQueue.takeFirst();
        ++run.perDeviceInFlight;
        auto unlock = [this, id, deviceId] {
            Run *current = findRun(id);
            if (!current)
                return;
            countRequest(*current);
            m_client->updateDevice(m_config.productId, deviceId,
                QJsonObject {{QStringLiteral("desired_firmware_version"), QJsonValue::Null}}, this,
                [this, id, deviceId](Remote::Result<QJsonObject> result) {
                    Run *latest = findRun(id);
                    if (!latest)
                        return;
                    --latest->perDeviceInFlight;
                    finishUnlock(*latest, deviceId, result.error);
                });
        };
        if (run.unlockKnown.contains(deviceId)) {
            unlock();
            continue;
        }
        // Not known to carry the rollout's lock (the request may not have gone out): read back.
        countRequest(run);
        const int version = run.r.spec.version;
        m_client->getDevice(m_config.productId, deviceId, this,
            [this, id, deviceId, version, unlock](Remote::Result<Domain::Device> result) {
                Run *current = findRun(id);
                if (!current)
                    return;
                if (result.ok() && result.value->desiredFirmwareVersion == version)
                    return unlock();
                --current->perDeviceInFlight;
                finishUnlock(*current, deviceId, result.error);
            });
    }
}

void RolloutEngine::finishUnlock(Run &run, const QString &deviceId, const ApiError &error)
{
    if (error.isError() && retryable(error)) {
        run.unlockQueue.append(deviceId);
        run.retryAtMs = now() + RetryDelayMs;
        return;
    }
    RolloutDevice d = run.device(deviceId);
    d.stage.clear();
    d.updatedMs = now();
    if (error.isError())
        d.reason = tr("Could not be unlocked: %1").arg(error.message);
    else
        noteLock(deviceId, std::nullopt);
    markDevice(run, d);
    run.unlockKnown.remove(deviceId);
    drive(run);
}

void RolloutEngine::removeFromWaveGroups(qint64 id, QList<QPair<int, QStringList>> batches)
{
    Run *run = findRun(id);
    if (!run)
        return;
    if (batches.isEmpty()) {
        run->busy = false;
        run->rollbackGroupsDone = true;
        drive(*run);
        return;
    }
    const auto [wave, ids] = batches.takeFirst();
    countRequest(*run);
    m_client->batchGroups(m_config.productId, ids, {}, {run->group(wave)}, this,
        [this, id, batches, ids = ids, group = run->group(wave)](Remote::Result<bool> result) {
            Run *current = findRun(id);
            if (!current)
                return;
            if (result.ok())
                noteGroups(ids, QString(), group);
            if (!result.ok()) {
                if (retryable(result.error))
                    return stepFailed(
                        *current, tr("Taking devices out of the rollout group"), result.error);
                // Refused for good: the locks to the previous version still win.
                Q_EMIT problem(id,
                    tr("Devices could not be taken out of the rollout group: %1")
                        .arg(result.error.toString()));
            }
            removeFromWaveGroups(id, batches);
        });
}

void RolloutEngine::rollBackDevices(Run &run)
{
    const qint64 id = run.r.id;
    if (run.r.spec.method == RolloutMethod::Staged && !run.rollbackGroupsDone) {
        // Out of the wave groups first (else the release would bring the version back).
        QMap<int, QStringList> byWave;
        for (const QString &deviceId : std::as_const(run.rollbackQueue))
            byWave[run.device(deviceId).wave].append(deviceId);
        if (byWave.isEmpty()) {
            run.rollbackGroupsDone = true;
        } else {
            QList<QPair<int, QStringList>> batches;
            for (auto it = byWave.cbegin(); it != byWave.cend(); ++it) {
                for (qsizetype i = 0; i < it->size(); i += m_config.batchSize)
                    batches.append({it.key(), it->mid(i, m_config.batchSize)});
            }
            run.busy = true;
            removeFromWaveGroups(id, batches);
            return;
        }
    }
    while (!run.rollbackQueue.isEmpty() && mayUseBudget(run)) {
        const QString deviceId = run.rollbackQueue.takeFirst();
        const RolloutDevice &d = run.device(deviceId);
        if (d.state != RolloutDeviceState::RollingBack)
            continue;
        ++run.perDeviceInFlight;
        countRequest(run);
        const QJsonObject fields {{QStringLiteral("desired_firmware_version"), d.previousVersion},
            {QStringLiteral("flash"), true}};
        m_client->updateDevice(m_config.productId, deviceId, fields, this,
            [this, id, deviceId](Remote::Result<QJsonObject> result) {
                Run *current = findRun(id);
                if (!current)
                    return;
                --current->perDeviceInFlight;
                RolloutDevice device = current->device(deviceId);
                if (!result.ok()) {
                    if (retryable(result.error)) {
                        current->rollbackQueue.append(deviceId);
                        current->retryAtMs = now() + RetryDelayMs;
                        return;
                    }
                    device.state = RolloutDeviceState::Failed;
                    device.reason = tr("Could not be locked to version %1: %2")
                                        .arg(device.previousVersion)
                                        .arg(result.error.message);
                } else {
                    device.startedMs = now();
                    noteLock(deviceId, device.previousVersion);
                }
                device.updatedMs = now();
                markDevice(*current, device);
                drive(*current);
            });
    }
}

// ---- what the sync engine learns from the requests made here ---------------------------

void RolloutEngine::noteGroups(const QStringList &ids, const QString &add, const QString &remove)
{
    m_sync->noteCloudChange(ids, [add, remove](Domain::Device &d) {
        if (!remove.isEmpty())
            d.groups.removeAll(remove);
        if (!add.isEmpty())
            d.groups.append(add);
    });
}

void RolloutEngine::noteLock(const QString &deviceId, std::optional<int> version)
{
    m_sync->noteCloudChange(
        {deviceId}, [version](Domain::Device &d) { d.desiredFirmwareVersion = version; });
}

// ---- progress --------------------------------------------------------------------------

void RolloutEngine::onDeviceEvent(
    const QString &deviceId, const QString &name, const QString &data, int version, qint64)
{
    for (auto &[id, run] : m_runs) {
        // A completed rollout still counts its devices that timed out or failed and update later
        // (they pass through Updating on the way).
        if ((!followsEvents(run->r.state) && run->r.state != RolloutState::Completed)
            || !run->has(deviceId))
            continue;
        const RolloutDevice &d = run->device(deviceId);
        if (d.wave < 0)
            continue;
        // Gave up returning to its previous version, or gone from the product.
        if ((d.state == RolloutDeviceState::TimedOut && d.stage == RollbackStage)
            || (d.state == RolloutDeviceState::Failed && d.stage == GoneStage))
            continue;
        int eventVersion = version;
        if (d.state == RolloutDeviceState::RollingBack) {
            // Not locked to its previous version yet: what it does now is not the rollback.
            if (d.startedMs == 0)
                continue;
            // A device interrupted in the middle of the update reports its previous version
            // while it still flashes the rollout's: only its next handshake proves the rollback.
            if (!(name == QLatin1String("spark/status")
                    && data.trimmed() == QLatin1String("online")))
                eventVersion = 0;
        }
        const auto changed
            = Domain::applyDeviceEvent(d, name, data, eventVersion, run->targetFor(d), now());
        // A completed rollout only learns of late successes: what else a device does now
        // (another rollout flashing it) is not its business, and nothing would time it out.
        if (run->r.state == RolloutState::Completed && changed
            && changed->state != RolloutDeviceState::Succeeded)
            continue;
        if (changed && !(*changed == d))
            markDevice(*run, *changed);
    }
}

void RolloutEngine::tick()
{
    const qint64 t = now();
    QList<qint64> ids;
    for (const auto &[id, run] : m_runs)
        ids.append(id);
    for (const qint64 id : std::as_const(ids)) {
        Run *run = findRun(id);
        if (!run)
            continue;
        if (followsEvents(run->r.state))
            checkTimeouts(*run, t);
        if (run->r.state == RolloutState::Running)
            evaluate(*run);
        if (run->r.state == RolloutState::RollingBack) {
            const bool left = std::any_of(run->r.devices.cbegin(), run->r.devices.cend(),
                [](const RolloutDevice &d) { return d.state == RolloutDeviceState::RollingBack; });
            if (!left && !run->busy && run->perDeviceInFlight == 0 && run->unlockQueue.isEmpty()) {
                const int timedOut = static_cast<int>(std::count_if(
                    run->r.devices.cbegin(), run->r.devices.cend(), [](const RolloutDevice &d) {
                        return d.state == RolloutDeviceState::TimedOut && d.stage == RollbackStage;
                    }));
                run->r.state = RolloutState::RolledBack;
                run->r.finishedMs = t;
                if (timedOut > 0)
                    run->r.stateReason
                        = tr("%n device(s) did not return to their previous version in time",
                            nullptr, timedOut);
                addActivity(*run, tr("Rollback completed"), tr("Rolled back"),
                    timedOut > 0 ? run->r.stateReason : QString());
                persist(*run, {});
            }
        }
        if ((run->r.state == RolloutState::Running || run->r.state == RolloutState::RollingBack)
            && t - run->lastSampleMs >= m_config.sampleIntervalMs)
            addSample(*run, t);
        if (isActive(run->r.state) || run->r.state == RolloutState::Aborted) {
            // The interval counts from the first tick that sees the rollout.
            if (run->lastPollMs == 0)
                run->lastPollMs = t;
            const bool anyInFlight = std::any_of(run->r.devices.cbegin(), run->r.devices.cend(),
                [](const RolloutDevice &d) { return inFlight(d.state); });
            if (anyInFlight && (run->pollWanted || t - run->lastPollMs >= m_config.pollIntervalMs))
                poll(*run);
        }
        drive(*run);
    }
}

void RolloutEngine::checkTimeouts(Run &run, qint64 t)
{
    const qint64 timeoutMs = run.r.spec.deviceTimeoutS * 1000;
    if (timeoutMs <= 0)
        return;
    for (const RolloutDevice &device : std::as_const(run.r.devices)) {
        if ((device.state == RolloutDeviceState::Waiting
                || device.state == RolloutDeviceState::Updating)
            && device.startedMs > 0 && t - device.startedMs > timeoutMs) {
            RolloutDevice d = device;
            d.state = RolloutDeviceState::TimedOut;
            d.reason = tr("Not updated within %n hour(s)", nullptr,
                static_cast<int>(qMax<qint64>(1, run.r.spec.deviceTimeoutS / 3600)));
            d.updatedMs = t;
            markDevice(run, d);
        } else if (device.state == RolloutDeviceState::RollingBack && device.startedMs > 0
            && t - device.startedMs > timeoutMs) {
            RolloutDevice d = device;
            d.state = RolloutDeviceState::TimedOut;
            d.stage = RollbackStage;
            d.reason = tr("Not back on version %1 within %n hour(s)", nullptr,
                static_cast<int>(qMax<qint64>(1, run.r.spec.deviceTimeoutS / 3600)))
                           .arg(d.previousVersion);
            d.updatedMs = t;
            markDevice(run, d);
        }
    }
}

void RolloutEngine::evaluate(Run &run)
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
            markHeader(run);
        }
    }
    const Domain::WaveProgress &progress = run.r.waves.at(w);
    // A wave whose cloud work is not done yet cannot advance.
    if (run.r.spec.method != RolloutMethod::Lock && !progress.released)
        return;
    const Domain::WaveCounts counts = Domain::countWave(run.r.devices, w);
    const Domain::WaveVerdict verdict
        = Domain::evaluateWave(run.waves.value(w), counts, progress.failuresAccepted);
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
        addActivity(run, tr("Rollout paused"), tr("Paused"), run.r.stateReason);
        persist(run, {});
        return;
    }
    case Domain::WaveVerdict::Done:
        if (run.r.waves[w].state == WaveState::Running) {
            run.r.waves[w].state = WaveState::Finished;
            run.r.waves[w].finishedMs = now();
            markHeader(run);
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

void RolloutEngine::advanceTo(Run &run, int wave, bool byOperator)
{
    if (!byOperator && run.waves.value(wave).pauseBefore) {
        run.r.state = RolloutState::Paused;
        run.r.pausedForFailures = false;
        run.r.stateReason = tr("Waiting for the operator to start wave %1").arg(wave + 1);
        addActivity(run, tr("Rollout paused"), tr("Paused"), run.r.stateReason);
        persist(run, {});
        return;
    }
    startWave(run, wave);
}

void RolloutEngine::complete(Run &run)
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
    addSample(run, t);
    addActivity(run, tr("Rollout completed"), tr("Completed"),
        tr("%1 devices updated, %2 failed or timed out").arg(succeeded).arg(failed));
    qCInfo(lcRollout) << "rollout" << run.r.id << "completed";
    const qint64 id = run.r.id;
    persist(run, driveAfter(id));
}

void RolloutEngine::addSample(Run &run, qint64 t)
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

// ---- polling -----------------------------------------------------------------------------

void RolloutEngine::applyPolledVersion(Run &run, const QString &deviceId, int firmwareVersion)
{
    if (!run.has(deviceId))
        return;
    const RolloutDevice &d = run.device(deviceId);
    if (d.wave < 0 || firmwareVersion != run.targetFor(d))
        return;
    if (d.state == RolloutDeviceState::RollingBack && d.startedMs == 0)
        return;
    // As if an event had reported the version.
    const auto changed = Domain::applyDeviceEvent(d, QStringLiteral("spark/status"),
        QStringLiteral("online"), firmwareVersion, run.targetFor(d), now());
    if (changed && !(*changed == d))
        markDevice(run, *changed);
}

void RolloutEngine::poll(Run &run)
{
    if (run.polling)
        return;
    run.polling = true;
    run.pollWanted = false;
    run.lastPollMs = now();
    const qint64 id = run.r.id;
    // Staged: the wave groups' members, a page at a time. Else (and devices rolling back):
    // the devices in flight one by one.
    // Release: the selected nodes' groups, a page at a time. Lock (and devices rolling back):
    // one by one, at most PollDevicesPerRound a round, the least recently read first.
    QStringList groups;
    QList<const RolloutDevice *> single;
    for (const RolloutDevice &d : std::as_const(run.r.devices)) {
        if (!inFlight(d.state))
            continue;
        if (d.state == RolloutDeviceState::RollingBack
            || run.r.spec.method == RolloutMethod::Lock) {
            single.append(&d);
        } else if (run.r.spec.method == RolloutMethod::Staged) {
            const QString g = run.group(d.wave);
            if (!groups.contains(g))
                groups.append(g);
        } else {
            for (const QString &node : std::as_const(run.r.spec.nodes)) {
                if (!groups.contains(node))
                    groups.append(node);
            }
        }
    }
    const auto readAt = [&run](const RolloutDevice *d) {
        return qMax(d->updatedMs, run.lastPolled.value(d->id));
    };
    std::stable_sort(single.begin(), single.end(),
        [&](const RolloutDevice *a, const RolloutDevice *b) { return readAt(a) < readAt(b); });
    QStringList singleIds;
    for (const RolloutDevice *d : std::as_const(single)) {
        if (singleIds.size() >= PollDevicesPerRound)
            break;
        singleIds.append(d->id);
    }
    qCDebug(lcRollout) << "rollout" << id << "polls" << groups.size() << "groups," << single.size()
                       << "devices";
    pollStep(id, groups, 1, singleIds);
}

// Reads the first group's page `page`, or (groups done) the next single device, then goes on.
void RolloutEngine::pollStep(qint64 id, QStringList groups, int page, QStringList single)
{
    Run *run = findRun(id);
    if (!run)
        return;
    if (!groups.isEmpty()) {
        Remote::DeviceQuery query;
        query.page = page;
        query.perPage = PollPageSize;
        query.groups = {groups.first()};
        countRequest(*run);
        m_client->listDevices(m_config.productId, query, this,
            [this, id, groups, page, single](Remote::Result<Remote::DevicePage> result) mutable {
                Run *current = findRun(id);
                if (!current)
                    return;
                if (!result.ok()) {
                    current->polling = false;
                    return;
                }
                for (const Domain::Device &d : std::as_const(result.value->devices))
                    applyPolledVersion(*current, d.id, d.firmwareVersion);
                if (page < result.value->totalPages) {
                    ++page;
                } else {
                    groups.removeFirst();
                    page = 1;
                }
                pollStep(id, groups, page, single);
            });
        return;
    }
    if (single.isEmpty() || m_client->headroom() <= m_config.reserveRequests) {
        run->polling = false;
        return;
    }
    const QString deviceId = single.takeFirst();
    run->lastPolled.insert(deviceId, now());
    countRequest(*run);
    m_client->getDevice(m_config.productId, deviceId, this,
        [this, id, deviceId, single](Remote::Result<Domain::Device> result) {
            Run *current = findRun(id);
            if (!current)
                return;
            if (result.ok())
                applyPolledVersion(*current, deviceId, result.value->firmwareVersion);
            pollStep(id, {}, 1, single);
        });
}

// ---- controls ------------------------------------------------------------------------------

QString RolloutEngine::pause(qint64 id)
{
    Run *run = findRun(id);
    if (!run)
        return tr("There is no such rollout.");
    if (run->r.state != RolloutState::Running)
        return tr("Only a running rollout can be paused.");
    run->r.state = RolloutState::Paused;
    run->r.pausedForFailures = false;
    run->r.stateReason = tr("Paused by %1").arg(m_config.actor);
    addActivity(*run, tr("Rollout paused"), tr("Paused"), run->r.stateReason);
    persist(*run, {});
    return {};
}

QString RolloutEngine::resume(qint64 id)
{
    Run *run = findRun(id);
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
    addActivity(*run, tr("Rollout resumed"), tr("Running"),
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
    persist(*run, driveAfter(id));
    return {};
}

QString RolloutEngine::startNextWave(qint64 id)
{
    Run *run = findRun(id);
    if (!run)
        return tr("There is no such rollout.");
    if (run->r.state != RolloutState::Running && run->r.state != RolloutState::Paused)
        return tr("Only a running or paused rollout can start its next wave.");
    const int w = run->currentWave();
    if (w + 1 >= run->r.waves.size())
        return tr("The rollout is in its last wave.");
    if (run->busy || run->preparing)
        return tr("The current wave is still being started; try again in a moment.");
    if (run->r.spec.method != RolloutMethod::Lock && w >= 0 && !run->r.waves.at(w).released)
        return tr("The current wave is still being started; try again in a moment.");
    addActivity(*run, tr("Next wave started"), tr("Running"), tr("Wave %1").arg(w + 2));
    advanceTo(*run, w + 1, true);
    return {};
}

QString RolloutEngine::abort(qint64 id)
{
    Run *run = findRun(id);
    if (!run)
        return tr("There is no such rollout.");
    if (run->r.state != RolloutState::Running && run->r.state != RolloutState::Paused)
        return tr("Only a running or paused rollout can be aborted.");
    abortNow(*run, tr("Aborted by %1").arg(m_config.actor));
    addActivity(*run, tr("Rollout aborted"), tr("Aborted"), run->r.stateReason);
    persist(*run, driveAfter(id));
    return {};
}

void RolloutEngine::abortNow(Run &run, const QString &reason)
{
    const qint64 t = now();
    run.r.state = RolloutState::Aborted;
    run.r.stateReason = reason;
    run.r.pausedForFailures = false;
    run.r.finishedMs = t;
    const QString cancelled = tr("The rollout was aborted before the device started");
    const QSet<QString> notSent(run.ready.cbegin(), run.ready.cend());
    run.ready.clear();
    run.verify.clear();
    for (const RolloutDevice &device : std::as_const(run.r.devices)) {
        RolloutDevice d = device;
        switch (device.state) {
        case RolloutDeviceState::Pending:
            d.state = RolloutDeviceState::Cancelled;
            break;
        case RolloutDeviceState::Sending:
            d.state = RolloutDeviceState::Cancelled;
            // On the wire: the reply takes the lock back. Never sent: nothing to undo.
            // Perhaps sent (before a restart): read back, and unlocked when locked.
            if (!notSent.contains(d.id) && !run.sent.contains(d.id)) {
                d.stage = CancellingStage;
                run.unlockQueue.append(d.id);
            }
            break;
        case RolloutDeviceState::Waiting:
            if (run.r.spec.method == RolloutMethod::Release)
                continue; // a release cannot be taken back without touching the nodes
            d.state = RolloutDeviceState::Cancelled;
            d.stage = CancellingStage;
            if (run.r.spec.method == RolloutMethod::Lock) {
                run.unlockQueue.append(d.id);
                run.unlockKnown.insert(d.id);
            }
            break;
        default:
            continue;
        }
        d.reason = cancelled;
        d.updatedMs = t;
        markDevice(run, d);
    }
    for (Domain::WaveProgress &w : run.r.waves) {
        if (w.state == WaveState::Running) {
            w.state = WaveState::Finished;
            w.finishedMs = t;
        }
    }
    markHeader(run);
}

QString RolloutEngine::rollback(qint64 id)
{
    Run *run = findRun(id);
    if (!run)
        return tr("There is no such rollout.");
    if (run->r.state == RolloutState::RollingBack || run->r.state == RolloutState::RolledBack)
        return tr("The rollout is already rolled back.");
    if (run->r.state == RolloutState::Running || run->r.state == RolloutState::Paused)
        abortNow(*run, tr("Rolled back by %1").arg(m_config.actor));
    const qint64 t = now();
    int count = 0;
    for (const RolloutDevice &device : std::as_const(run->r.devices)) {
        if ((device.state != RolloutDeviceState::Succeeded
                && device.state != RolloutDeviceState::Updating)
            || device.previousVersion <= 0)
            continue;
        RolloutDevice d = device;
        d.state = RolloutDeviceState::RollingBack;
        d.stage.clear();
        d.startedMs = 0; // set once its lock to the previous version is confirmed
        d.updatedMs = t;
        d.reason = tr("Returning to version %1").arg(d.previousVersion);
        markDevice(*run, d);
        run->rollbackQueue.append(d.id);
        ++count;
    }
    run->rollbackGroupsDone = false;
    run->r.state = RolloutState::RollingBack;
    run->r.stateReason = tr("Rolled back by %1").arg(m_config.actor);
    run->r.finishedMs = 0;
    addActivity(*run, tr("Rollback started"), tr("Rolling back"),
        tr("%n device(s) return to their previous version", nullptr, count));
    persist(*run, driveAfter(id));
    return {};
}

QString RolloutEngine::remove(qint64 id)
{
    Run *run = findRun(id);
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
    m_runs.erase(id);
    m_store->deleteRollout(id, [this, guard = QPointer<RolloutEngine>(this), id](QString error) {
        if (guard && !error.isEmpty())
            Q_EMIT problem(
                id, tr("The rollout could not be removed from the cache: %1").arg(error));
    });
    Q_EMIT rolloutRemoved(id);
    return {};
}

} // namespace Flotilla::Rollout
