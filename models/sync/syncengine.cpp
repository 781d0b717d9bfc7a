// SPDX-License-Identifier: MIT
#include "sync/syncengine.h"

#include "domain/hierarchy.h"
#include "domain/precedence.h"
#include "domain/text.h"
#include "remote/apierror.h"
#include "remote/eventstream.h"
#include "remote/particleclient.h"
#include "remote/sseparser.h"
#include "store/cachestore.h"
#include "sync/outboxops.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QRandomGenerator>

#include <algorithm>

namespace Flotilla::Sync {

Q_LOGGING_CATEGORY(lcSync, "flotilla.sync")

using Remote::ApiError;
using Store::OutboxEntry;

namespace {

constexpr qint64 DefaultPushRunDevices = 20000;
constexpr int RefreshManyThreshold = 200;
constexpr qsizetype MinSplitBatch = 100; // a refused batch this small is refused, not too large
// Particle blocks token requests from an address for 30 minutes after ten failed ones.
constexpr qint64 TokenLockoutMs = 30 * 60 * 1000;
// A first refusal of a token request with 429 may be a passing rate limit: the claims wait this
// long before one more request; a second one in a row is taken for the lockout.
constexpr qint64 TokenRetryAfter429Ms = 60 * 1000;
constexpr qint64 RecentKeepMs = 10 * 60 * 1000; // confirmed entries kept for rebasing refreshes

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// The cloud refused the change for good (not a failure on the way, a lost token or an answer
// that could not be read).
bool isRefusal(const ApiError &error)
{
    return error.isError() && !error.isTransient() && error.kind != ApiError::Kind::Cancelled
        && error.kind != ApiError::Kind::Unauthorized && error.kind != ApiError::Kind::Malformed;
}

// `error` (a refusal, or an answer that could not be read) turned into "the outcome is not known
// yet": the change stays queued and goes again later.
ApiError unknownOutcome(const ApiError &error)
{
    ApiError retry = error;
    retry.kind = ApiError::Kind::Server;
    return retry;
}

} // namespace

struct SyncEngine::PullJob
{
    quint64 generation = 0;
    qint64 startedMs = 0;
    int outstanding = 0;
    bool failed = false;
    CloudContent incoming;
    QElapsedTimer timer;
};

SyncEngine::SyncEngine(Remote::ParticleClient *client, Store::CacheStore *store,
    QNetworkAccessManager *nam, const SyncConfig &config, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_nam(nam)
    , m_config(config)
{
    m_pushTimer.setSingleShot(true);
    connect(&m_pushTimer, &QTimer::timeout, this, &SyncEngine::pushNext);
    m_tokenBlockTimer.setSingleShot(true);
    connect(&m_tokenBlockTimer, &QTimer::timeout, this, [this] {
        m_tokenBlockedUntilMs = 0;
        if (!m_held.isEmpty() && !m_clientRefused) {
            m_held.clear();
            schedulePush(0);
        }
    });
    m_liveTimer.setSingleShot(true);
    m_liveTimer.setInterval(m_config.liveFlushMs);
    connect(&m_liveTimer, &QTimer::timeout, this, &SyncEngine::flushLive);
    if (m_config.refreshIntervalMs > 0) {
        m_refreshTimer.setInterval(m_config.refreshIntervalMs);
        connect(&m_refreshTimer, &QTimer::timeout, this, &SyncEngine::pullNow);
    }
    // Signed out means the client's own token was refused: a 401 on a customer token (claims)
    // or a late answer to an old token is not that.
    connect(m_client, &Remote::ParticleClient::signedOut, this,
        [this](const QString &) { setSignedOut(true); });
}

SyncEngine::~SyncEngine() = default;

QSet<QString> SyncEngine::pendingDevices() const
{
    QSet<QString> ids;
    for (const OutboxEntry &e : m_pending) {
        for (const QString &id : e.deviceIds)
            ids.insert(id);
    }
    return ids;
}

void SyncEngine::start(bool pullNow)
{
    m_pullAgain = m_pullAgain || pullNow;
    Q_EMIT phaseChanged();
    m_store->load([self = QPointer<SyncEngine>(this)](Store::Snapshot snapshot, QString error) {
        if (!self)
            return;
        SyncEngine *const engine = self;
        if (!error.isEmpty()) {
            engine->m_repairing.reset();
            engine->block(Text::tr("The local cache cannot be read: %1").arg(error));
            Q_EMIT engine->cacheUnusable(engine->m_blocked);
            return;
        }
        if (!snapshot.damage.isEmpty()) {
            if (engine->m_repairing) {
                // Rebuilt, and still not whole: something keeps damaging it (a failing disk?).
                engine->m_repairing.reset();
                engine->block(Text::tr("The local cache is still damaged after it was rebuilt: %1")
                                  .arg(snapshot.damage.problems.join(QStringLiteral("; "))));
                Q_EMIT engine->cacheUnusable(engine->m_blocked);
                return;
            }
            if (snapshot.damage.losesChanges()) {
                engine->block(
                    Text::tr("The local cache is damaged, and changes not yet sent cannot "
                             "be read from it"));
                Q_EMIT engine->cacheDamaged(snapshot.damage);
                return;
            }
            // Only what the cloud has too was lost: rebuild it at once.
            engine->m_repairing = snapshot.damage;
            engine->repairCache();
            return;
        }
        engine->m_blocked.clear();
        engine->m_repairing.reset();
        engine->loadSnapshot(std::move(snapshot));
    });
}

void SyncEngine::repairCache()
{
    if (!m_repairing)
        m_repairing = Store::CacheDamage();
    block(Text::tr("The local cache is being repaired"));
    m_store->repair([self = QPointer<SyncEngine>(this)](Store::RepairReport report, QString error) {
        if (!self)
            return;
        SyncEngine *const engine = self;
        if (!error.isEmpty()) {
            engine->m_repairing.reset();
            engine->block(error);
            Q_EMIT engine->cacheUnusable(error);
            return;
        }
        const Store::CacheDamage damage = *engine->m_repairing;
        // Changes not yet sent were lost: those kept are relative to a state that is gone. They
        // are planned again from the cloud's state at the first pull, and nothing is sent
        // before.
        engine->m_replan = report.changesDropped > 0 || damage.losesChanges();
        // Once the rebuilt cache is loaded (and only then), say what was done.
        // (A reload that fails drops this: see block().)
        engine->m_afterRepair
            = connect(engine, &SyncEngine::loaded, engine, [engine, report, damage] {
                  disconnect(engine->m_afterRepair);
                  Q_EMIT engine->cacheRepaired(report, damage);
              });
        engine->start(true); // a full pull restores what was left behind
    });
}

void SyncEngine::describeChanges(
    const QList<qint64> &outboxIds, std::function<void(QStringList)> done) const
{
    QList<qint64> ids = outboxIds;
    if (ids.isEmpty()) {
        for (const OutboxEntry &e : m_pending)
            ids.append(e.id);
    }
    const QSet<qint64> wanted(ids.cbegin(), ids.cend());
    // An edit's activity row is linked to its first change.
    m_store->activity(0, [wanted, done = std::move(done)](QList<Store::ActivityRecord> log) {
        QStringList edits;
        for (auto it = log.crbegin(); it != log.crend(); ++it) {
            if (it->outboxId != 0 && it->action != QLatin1String("push")
                && wanted.contains(it->outboxId))
                edits.append(it->subject);
        }
        done(edits);
    });
}

void SyncEngine::block(const QString &reason)
{
    if (!m_repairing)
        disconnect(m_afterRepair); // a repair's report is for the cache it repaired only
    m_blocked = reason;
    m_loaded = false;
    m_pushTimer.stop();
    m_refreshTimer.stop();
    qCWarning(lcSync).noquote() << reason;
    Q_EMIT phaseChanged();
}

QString SyncEngine::notReady() const
{
    if (!m_blocked.isEmpty())
        return m_blocked;
    if (!m_loaded)
        return Text::tr("The fleet is still loading");
    return {};
}

void SyncEngine::loadSnapshot(Store::Snapshot snapshot)
{
    FleetState state;
    state.product = snapshot.product;
    state.devices.reserve(snapshot.devices.size());
    for (Domain::Device &d : snapshot.devices)
        state.devices.insert(d.id, std::move(d));
    for (const Domain::Group &g : std::as_const(snapshot.groups))
        state.groups.insert(g.name, g);
    for (const Domain::Firmware &f : std::as_const(snapshot.firmware))
        state.firmware.insert(f.version, f);
    for (const Domain::Customer &c : std::as_const(snapshot.customers))
        state.customers.insert(c.username, c);
    m_state = std::move(state);
    m_pending.clear();
    for (const OutboxEntry &e : std::as_const(snapshot.outbox)) {
        if (e.state == OutboxEntry::State::Pending)
            m_pending.append(e);
    }
    m_lastFullPullMs = snapshot.syncState.value(QStringLiteral("last_full_pull_ms")).toLongLong();
    m_loaded = true;
    qCInfo(lcSync) << "loaded" << m_state.devices.size() << "devices," << m_pending.size()
                   << "pending changes";
    Q_EMIT loaded();
    Q_EMIT pendingChanged(pendingCount());
    Q_EMIT phaseChanged();
    if (m_config.refreshIntervalMs > 0)
        m_refreshTimer.start();
    startEvents();
    schedulePush();
    if (m_pullAgain) {
        m_pullAgain = false;
        pullNow();
    }
}

void SyncEngine::setAccessToken(const QString &token)
{
    m_token = token;
    m_client->setAccessToken(token);
    if (m_events)
        m_events->setAccessToken(token);
    if (!token.isEmpty()) {
        setSignedOut(false);
        startEvents();
        schedulePush();
        if (m_pullAgain && m_loaded) {
            m_pullAgain = false;
            pullNow();
        }
    }
}

void SyncEngine::setProductClient(const QString &clientId, const QString &clientSecret)
{
    m_clientId = clientId;
    m_clientSecret = clientSecret;
    m_customerTokens.clear();
    m_clientRefused = false;
    if (!m_held.isEmpty()) {
        m_held.clear();
        schedulePush(0);
    }
}

void SyncEngine::setSignedOut(bool signedOut)
{
    if (m_signedOut == signedOut)
        return;
    m_signedOut = signedOut;
    if (signedOut) {
        m_pushTimer.stop();
        if (m_events)
            m_events->stop();
    }
    Q_EMIT signedOutChanged(signedOut);
}

void SyncEngine::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    Q_EMIT onlineChanged(online);
}

bool SyncEngine::isEventStreamConnected() const
{
    return m_events && m_events->isConnected();
}

void SyncEngine::startEvents()
{
    if (!m_config.liveEvents || !m_loaded || m_token.isEmpty() || !m_eventsUrl.isValid())
        return;
    if (!m_events) {
        m_events = new Remote::EventStream(m_nam, this);
        connect(m_events, &Remote::EventStream::event, this, &SyncEngine::onEvent);
        connect(m_events, &Remote::EventStream::connectedChanged, this,
            &SyncEngine::eventStreamChanged);
        connect(m_events, &Remote::EventStream::error, this, [this](const ApiError &e) {
            if (e.kind == ApiError::Kind::Unauthorized && m_client->isSignedOut())
                setSignedOut(true);
        });
    }
    m_events->start(m_eventsUrl, m_token);
}

// --- pulling ----------------------------------------------------------------------------

void SyncEngine::pullNow()
{
    if (!m_loaded || m_signedOut) {
        m_pullAgain = true; // once loaded, or signed in again
        return;
    }
    if (m_pull) {
        m_pullAgain = true;
        return;
    }
    m_pull = std::make_unique<PullJob>();
    PullJob *job = m_pull.get();
    job->generation = ++m_pullGeneration;
    job->startedMs = nowMs();
    job->timer.start();
    job->incoming.groups.emplace();
    job->incoming.firmware.emplace();
    job->incoming.customers.emplace();
    Q_EMIT phaseChanged();
    const int product = m_config.productId;
    const quint64 generation = job->generation;
    const auto alive = [this, generation] {
        return m_pull && m_pull->generation == generation && !m_pull->failed;
    };
    const auto stepDone = [this, job] {
        if (--job->outstanding == 0)
            finishPull();
    };
    job->outstanding = 4;
    m_client->listGroups(product, this, [=, this](Remote::Result<QList<Domain::Group>> r) {
        if (!alive())
            return;
        if (!r.ok())
            return failPull(r.error);
        for (const Domain::Group &g : std::as_const(*r.value))
            job->incoming.groups->insert(g.name, g);
        stepDone();
    });
    m_client->listFirmware(product, this, [=, this](Remote::Result<QList<Domain::Firmware>> r) {
        if (!alive())
            return;
        if (!r.ok())
            return failPull(r.error);
        for (const Domain::Firmware &f : std::as_const(*r.value))
            job->incoming.firmware->insert(f.version, f);
        stepDone();
    });
    m_client->listCustomers(product, this, [=, this](Remote::Result<QList<Domain::Customer>> r) {
        if (!alive())
            return;
        if (!r.ok())
            return failPull(r.error);
        for (const Domain::Customer &c : std::as_const(*r.value))
            job->incoming.customers->insert(c.username, c);
        stepDone();
    });
    const auto onPage = [=, this](Remote::Result<Remote::DevicePage> r) {
        if (!alive())
            return;
        if (!r.ok())
            return failPull(r.error);
        for (const Domain::Device &d : std::as_const(r.value->devices))
            job->incoming.devices.insert(d.id, d);
        stepDone();
    };
    Remote::DeviceQuery first;
    first.perPage = m_config.perPage;
    m_client->listDevices(product, first, this, [=, this](Remote::Result<Remote::DevicePage> r) {
        if (!alive())
            return;
        if (!r.ok())
            return failPull(r.error);
        // Room for what the first answer announces, within reason (a hash grows by itself).
        job->incoming.devices.reserve(static_cast<qsizetype>(
            std::min<qint64>(qint64(r.value->totalPages) * m_config.perPage, 200000)));
        // Every other page at once: the client keeps the number on the wire bounded.
        for (int page = 2; page <= r.value->totalPages; ++page) {
            ++job->outstanding;
            Remote::DeviceQuery q = first;
            q.page = page;
            m_client->listDevices(product, q, this, onPage);
        }
        onPage(std::move(r));
    });
}

void SyncEngine::failPull(const ApiError &error)
{
    if (!m_pull)
        return;
    m_pull->failed = true;
    m_pull.reset();
    qCWarning(lcSync) << "pull failed:" << error.toString();
    m_pullAgain = false;
    if (error.kind == ApiError::Kind::Unauthorized && m_client->isSignedOut()) {
        setSignedOut(true);
        m_pullAgain = true; // after signing in again
    } else if (error.isTransient()) {
        setOnline(false);
    }
    Q_EMIT pullFinished(false, error.message);
    Q_EMIT phaseChanged();
}

void SyncEngine::finishPull()
{
    QStringList missing;
    for (auto it = m_state.devices.cbegin(); it != m_state.devices.cend(); ++it) {
        if (!m_pull->incoming.devices.contains(it.key()))
            missing.append(it.key());
    }
    // Pages of a listing move when devices come and go while it runs: check the few devices
    // that seem gone one by one before removing them.
    if (!missing.isEmpty() && missing.size() <= m_config.verifyMissingLimit)
        verifyMissing(missing);
    else
        commitPull();
}

void SyncEngine::verifyMissing(const QStringList &missing)
{
    PullJob *job = m_pull.get();
    const quint64 generation = job->generation;
    job->outstanding = static_cast<int>(missing.size());
    for (const QString &id : missing) {
        m_client->getDevice(
            m_config.productId, id, this, [this, generation](Remote::Result<Domain::Device> r) {
                if (!m_pull || m_pull->generation != generation || m_pull->failed)
                    return;
                if (r.ok())
                    m_pull->incoming.devices.insert(r.value->id, *r.value);
                else if (r.error.kind != ApiError::Kind::NotFound)
                    return failPull(r.error);
                if (--m_pull->outstanding == 0)
                    commitPull();
            });
    }
}

void SyncEngine::rebaseIncoming(CloudContent &incoming, qint64 sinceMs) const
{
    // Changes the cloud confirmed while the answers were on their way may be missing from
    // them; changes still queued certainly are. Both go on top, in queue order.
    QList<OutboxEntry> entries;
    for (const auto &[at, e] : m_recent) {
        if (at >= sinceMs)
            entries.append(e);
    }
    entries += m_pending;
    QSet<QString> touched;
    // What Flotilla changed in the cloud outside the outbox (rollouts) goes first: the outbox's
    // own entries were queued later or confirmed in their own order.
    for (const CloudNote &note : m_cloudNotes) {
        if (note.atMs < sinceMs)
            continue;
        if (!note.deletedGroup.isEmpty()) {
            if (incoming.groups)
                incoming.groups->remove(note.deletedGroup);
            if (incoming.firmware) {
                for (Domain::Firmware &fw : *incoming.firmware)
                    fw.groups.removeAll(note.deletedGroup);
            }
            for (auto it = incoming.devices.begin(); it != incoming.devices.end(); ++it) {
                if (it->groups.removeAll(note.deletedGroup) > 0)
                    touched.insert(it.key());
            }
            continue;
        }
        for (const QString &id : note.deviceIds) {
            auto it = incoming.devices.find(id);
            if (it == incoming.devices.end())
                continue;
            note.change(*it);
            std::sort(it->groups.begin(), it->groups.end());
            it->groups.erase(std::unique(it->groups.begin(), it->groups.end()), it->groups.end());
            touched.insert(id);
        }
    }
    for (const OutboxEntry &e : std::as_const(entries)) {
        if (incoming.groups)
            Outbox::applyToGroups(*incoming.groups, e);
        if (incoming.firmware)
            Outbox::applyToFirmware(*incoming.firmware, e);
        if (Outbox::touchesAllDevices(e)) {
            for (Domain::Device &d : incoming.devices)
                Outbox::applyToDevice(d, e);
            continue;
        }
        for (const QString &id : e.deviceIds) {
            auto it = incoming.devices.find(id);
            if (it != incoming.devices.end()) {
                Outbox::applyToDevice(*it, e, true);
                touched.insert(id);
            }
        }
    }
    // Live status newer than the answer stays (the event stream saw it after the page left).
    for (auto it = incoming.devices.begin(); it != incoming.devices.end(); ++it) {
        const auto local = m_state.devices.constFind(it.key());
        if (local != m_state.devices.cend() && local->lastHeardMs > it->lastHeardMs) {
            it->online = local->online;
            it->lastHeardMs = local->lastHeardMs;
            it->lastHandshakeMs = std::max(it->lastHandshakeMs, local->lastHandshakeMs);
            it->firmwareVersion = local->firmwareVersion;
        }
    }
    if (touched.isEmpty())
        return;
    // Their targets follow the groups they will have.
    FleetState releases;
    releases.firmware = incoming.firmware ? *incoming.firmware : m_state.firmware;
    const QHash<QString, int> released = releases.releasedVersionByGroup();
    const std::optional<int> productDefault = releases.productDefault();
    for (const QString &id : std::as_const(touched)) {
        Domain::Device &d = incoming.devices[id];
        d.targetedFirmwareVersion = Domain::effectiveTarget(d, released, productDefault);
    }
}

void SyncEngine::whenCommitted(std::function<void()> fn)
{
    if (m_uncommitted == 0) {
        fn();
        return;
    }
    m_store->flush([self = QPointer<SyncEngine>(this), fn = std::move(fn)]() mutable {
        if (self)
            self->whenCommitted(std::move(fn));
    });
}

void SyncEngine::commitPull()
{
    // An edit still being written is not in m_pending yet: wait for it, or the pull would
    // take it back.
    if (m_uncommitted > 0) {
        const quint64 generation = m_pull->generation;
        whenCommitted([this, generation] {
            if (m_pull && m_pull->generation == generation && !m_pull->failed)
                commitPull();
        });
        return;
    }
    if (m_replan) {
        replanKeptChanges();
        return;
    }
    CloudContent incoming = std::move(m_pull->incoming);
    rebaseIncoming(incoming, m_pull->startedMs);
    const FleetDelta delta = diff(m_state, incoming, true);
    const qint64 elapsed = m_pull->timer.elapsed();
    m_lastFullPullMs = nowMs();
    m_pull.reset();
    qCInfo(lcSync) << "pull:" << incoming.devices.size() << "devices in" << elapsed << "ms,"
                   << delta.size() << "changes";
    publish(delta, false);
    m_store->applyPull(delta.toChangeSet(),
        {{QStringLiteral("last_full_pull_ms"), QString::number(m_lastFullPullMs)}},
        [self = QPointer<SyncEngine>(this)](QString error) {
            if (self && !error.isEmpty())
                Q_EMIT self->errorOccurred(Text::tr("Cannot write the local cache: %1").arg(error));
        });
    const qint64 oldest = nowMs() - RecentKeepMs;
    m_recent.erase(std::remove_if(m_recent.begin(), m_recent.end(),
                       [oldest](const auto &p) { return p.first < oldest; }),
        m_recent.end());
    m_cloudNotes.erase(std::remove_if(m_cloudNotes.begin(), m_cloudNotes.end(),
                           [oldest](const CloudNote &n) { return n.atMs < oldest; }),
        m_cloudNotes.end());
    setOnline(true);
    Q_EMIT pullFinished(true, QString());
    Q_EMIT phaseChanged();
    if (m_pullAgain) {
        m_pullAgain = false;
        pullNow();
    }
}

void SyncEngine::refreshDevices(const QStringList &ids)
{
    if (ids.isEmpty())
        return;
    if (m_signedOut || ids.size() > RefreshManyThreshold) {
        pullNow();
        return;
    }
    struct Job
    {
        qint64 startedMs = 0;
        int outstanding = 0;
        bool failed = false;
        CloudContent incoming;
        QStringList gone;
    };
    auto job = std::make_shared<Job>();
    job->startedMs = nowMs();
    job->outstanding = static_cast<int>(ids.size());
    for (const QString &id : ids) {
        m_client->getDevice(
            m_config.productId, id, this, [this, job, id](Remote::Result<Domain::Device> r) {
                if (r.ok()) {
                    job->incoming.devices.insert(r.value->id, *r.value);
                } else if (r.error.kind == ApiError::Kind::NotFound) {
                    job->gone.append(id);
                } else {
                    job->failed = true;
                    m_unknownSeen.remove(id); // try again when it shows up next
                }
                if (--job->outstanding > 0)
                    return;
                whenCommitted([this, job] {
                    rebaseIncoming(job->incoming, job->startedMs);
                    FleetDelta delta = diff(m_state, job->incoming, false);
                    for (const QString &g : std::as_const(job->gone)) {
                        if (m_state.devices.contains(g))
                            delta.removedDevices.append(g);
                    }
                    publish(delta, true);
                    // What could not be read is read again with the next full pull.
                    if (job->failed)
                        pullNow();
                });
            });
    }
}

void SyncEngine::noteCloudChange(
    const QStringList &deviceIds, const std::function<void(Domain::Device &)> &change)
{
    while (!m_cloudNotes.isEmpty() && m_cloudNotes.first().atMs < nowMs() - RecentKeepMs)
        m_cloudNotes.removeFirst();
    m_cloudNotes.append({nowMs(), deviceIds, change, QString()});
    whenCommitted([this, deviceIds, change] {
        const QHash<QString, int> released = m_state.releasedVersionByGroup();
        const std::optional<int> productDefault = m_state.productDefault();
        FleetDelta delta;
        for (const QString &id : deviceIds) {
            const auto it = m_state.devices.constFind(id);
            if (it == m_state.devices.cend())
                continue;
            Domain::Device d = *it;
            change(d);
            std::sort(d.groups.begin(), d.groups.end());
            d.groups.erase(std::unique(d.groups.begin(), d.groups.end()), d.groups.end());
            d.targetedFirmwareVersion = Domain::effectiveTarget(d, released, productDefault);
            if (!(d == *it))
                delta.changedDevices.append(d);
        }
        publish(delta, true);
    });
}

void SyncEngine::noteCloudGroupDeleted(const QString &name)
{
    m_cloudNotes.append({nowMs(), {}, {}, name});
    whenCommitted([this, name] {
        if (!m_state.groups.contains(name))
            return;
        FleetDelta delta;
        delta.removedGroups.append(name);
        FleetState after; // the releases once the group is gone
        after.firmware = m_state.firmware;
        for (Domain::Firmware &fw : after.firmware)
            fw.groups.removeAll(name);
        const QHash<QString, int> released = after.releasedVersionByGroup();
        const std::optional<int> productDefault = after.productDefault();
        for (const Domain::Firmware &fw : std::as_const(after.firmware)) {
            if (!(fw == m_state.firmware.value(fw.version)))
                delta.changedFirmware.append(fw);
        }
        for (const Domain::Device &device : std::as_const(m_state.devices)) {
            if (!device.groups.contains(name))
                continue;
            Domain::Device d = device;
            d.groups.removeAll(name);
            d.targetedFirmwareVersion = Domain::effectiveTarget(d, released, productDefault);
            delta.changedDevices.append(d);
        }
        publish(delta, true);
    });
}

void SyncEngine::publish(const FleetDelta &delta, bool writeToCache)
{
    if (delta.isEmpty())
        return;
    apply(m_state, delta);
    Q_EMIT fleetChanged(delta);
    if (writeToCache) {
        m_store->applyPull(
            delta.toChangeSet(), {}, [self = QPointer<SyncEngine>(this)](QString error) {
                if (self && !error.isEmpty())
                    Q_EMIT self->errorOccurred(
                        Text::tr("Cannot write the local cache: %1").arg(error));
            });
    }
}

// --- live events ------------------------------------------------------------------------

void SyncEngine::onEvent(const Remote::SseEvent &event)
{
    const QJsonObject json = QJsonDocument::fromJson(event.data).object();
    const QString coreId = json.value(QStringLiteral("coreid")).toString();
    const QString data = json.value(QStringLiteral("data")).toString();
    const QDateTime published = QDateTime::fromString(
        json.value(QStringLiteral("published_at")).toString(), Qt::ISODateWithMs);
    const qint64 at = published.isValid() ? published.toMSecsSinceEpoch() : nowMs();
    const int version = json.value(QStringLiteral("version")).toInt();
    if (coreId.isEmpty() || coreId == QLatin1String("api")) {
        // A release or an upload moves targets: refresh releases, recompute targets here.
        if (event.name.startsWith(QLatin1String("particle/firmware")))
            refreshReleases();
        return;
    }
    Q_EMIT deviceEvent(coreId, event.name, data, version, at);
    if (event.name != QLatin1String("spark/status"))
        return;
    if (!m_state.devices.contains(coreId)) {
        if (!m_unknownSeen.contains(coreId)) {
            m_unknownSeen.insert(coreId);
            refreshDevices({coreId});
        }
        return;
    }
    LiveStatus status;
    if (data == QLatin1String("online"))
        status.online = true;
    else if (data != QLatin1String("offline"))
        return;
    status.atMs = at;
    status.version = status.online ? version : 0;
    const auto known = m_live.constFind(coreId);
    if (known == m_live.cend() || known->atMs <= at)
        m_live.insert(coreId, status);
    if (!m_liveTimer.isActive())
        m_liveTimer.start();
}

void SyncEngine::flushLive()
{
    FleetDelta delta;
    for (auto it = m_live.cbegin(); it != m_live.cend(); ++it) {
        const auto current = m_state.devices.constFind(it.key());
        // Older than what is known (a pull may have brought newer data meanwhile): skip.
        if (current == m_state.devices.cend() || it->atMs < current->lastHeardMs)
            continue;
        Domain::Device d = *current;
        d.online = it->online;
        d.lastHeardMs = it->atMs;
        if (it->online) {
            d.lastHandshakeMs = std::max(d.lastHandshakeMs, it->atMs);
            if (it->version > 0)
                d.firmwareVersion = it->version;
        }
        if (!(d == *current))
            delta.changedDevices.append(d);
    }
    m_live.clear();
    publish(delta, true);
}

void SyncEngine::refreshReleases()
{
    if (m_signedOut || !m_loaded)
        return;
    struct Job
    {
        int outstanding = 2;
        bool failed = false;
        CloudContent incoming;
    };
    auto job = std::make_shared<Job>();
    job->incoming.groups.emplace();
    job->incoming.firmware.emplace();
    const auto done = [this, job] {
        if (--job->outstanding > 0)
            return;
        if (job->failed) {
            pullNow();
            return;
        }
        whenCommitted([this, job] {
            rebaseIncoming(job->incoming, nowMs());
            FleetDelta delta = diff(m_state, job->incoming, false);
            // Targets follow the releases: recompute them here rather than reading every page.
            FleetState releases;
            releases.firmware = *job->incoming.firmware;
            const QHash<QString, int> released = releases.releasedVersionByGroup();
            const std::optional<int> productDefault = releases.productDefault();
            for (const Domain::Device &d : std::as_const(m_state.devices)) {
                const std::optional<int> target
                    = Domain::effectiveTarget(d, released, productDefault);
                if (target != d.targetedFirmwareVersion) {
                    Domain::Device changed = d;
                    changed.targetedFirmwareVersion = target;
                    delta.changedDevices.append(changed);
                }
            }
            publish(delta, true);
        });
    };
    m_client->listGroups(
        m_config.productId, this, [job, done](Remote::Result<QList<Domain::Group>> r) {
            if (r.ok()) {
                for (const Domain::Group &g : std::as_const(*r.value))
                    job->incoming.groups->insert(g.name, g);
            } else {
                job->failed = true;
            }
            done();
        });
    m_client->listFirmware(
        m_config.productId, this, [job, done](Remote::Result<QList<Domain::Firmware>> r) {
            if (r.ok()) {
                for (const Domain::Firmware &f : std::as_const(*r.value))
                    job->incoming.firmware->insert(f.version, f);
            } else {
                job->failed = true;
            }
            done();
        });
}

// --- local edits ------------------------------------------------------------------------

QString SyncEngine::moveDevices(const QStringList &deviceIds, const Domain::MoveTarget &target)
{
    if (const QString why = notReady(); !why.isEmpty())
        return why;
    const Domain::Hierarchy hierarchy = m_state.hierarchy();
    QString toAccount;
    QString targetTitle;
    switch (target.kind) {
    case Domain::MoveTarget::Kind::Node:
        if (!hierarchy.node(target.path))
            return Text::tr("The customer or group to move to is not in the tree any more");
        toAccount = Domain::accountOf(target.path, hierarchy);
        targetTitle = Domain::titlePath(hierarchy, target.path);
        break;
    case Domain::MoveTarget::Kind::Returns:
        targetTitle = Text::tr("Returns");
        break;
    case Domain::MoveTarget::Kind::Unassigned:
        targetTitle = Text::tr("Unassigned");
        break;
    }
    QHash<QString, Domain::GroupDelta> deltas;
    QList<OutboxEntry> ownership;
    for (const QString &id : deviceIds) {
        const auto it = m_state.devices.constFind(id);
        if (it == m_state.devices.cend())
            return Text::tr("Unknown device %1").arg(id);
        const Domain::GroupDelta delta = Domain::planMove(it->groups, target, hierarchy);
        if (!delta.isEmpty())
            deltas.insert(id, delta);
        const Domain::Placement from = Domain::placeDevice(it->groups, hierarchy);
        const QString fromAccount = from.kind == Domain::PlacementKind::Node
            ? Domain::accountOf(from.path, hierarchy)
            : QString();
        if (!it->owner.isEmpty() && it->owner == toAccount)
            continue;
        // Leaving its linked customer, or going to another linked one: release it first. A
        // claim that is not a linked customer's stays unless another account takes the device.
        if (!it->owner.isEmpty() && (it->owner == fromAccount || !toAccount.isEmpty()))
            ownership.append(Outbox::unclaim(id));
        if (!toAccount.isEmpty())
            ownership.append(Outbox::claim(id, toAccount));
    }
    QList<OutboxEntry> entries;
    for (const Domain::DeviceBatch &batch :
        Domain::batchByDelta(deltas, std::min(m_config.batchSize, m_batchLimit)))
        entries.append(Outbox::groups(batch.deviceIds, batch.delta));
    entries += ownership;
    if (entries.isEmpty())
        return QString();
    return applyEdit(QStringLiteral("move"),
        (deviceIds.size() == 1
                ? Text::tr("1 device to %1")
                : Text::tr("%n devices to %1", nullptr, static_cast<int>(deviceIds.size())))
            .arg(targetTitle),
        entries);
}

QString SyncEngine::updateDevice(const QString &deviceId, const QJsonObject &fields)
{
    if (!m_state.devices.contains(deviceId))
        return Text::tr("Unknown device %1").arg(deviceId);
    return applyEdit(QStringLiteral("update"), deviceId, {Outbox::updateDevice(deviceId, fields)});
}

QString SyncEngine::createGroup(const Domain::Group &group)
{
    if (m_state.groups.contains(group.name))
        return Text::tr("%1 exists already").arg(describeGroup(group.name));
    const auto tag = Domain::parseDescription(group.description);
    return applyEdit(QStringLiteral("create group"),
        tag && !tag->title.isEmpty() ? tag->title : group.name, {Outbox::createGroup(group)});
}

QString SyncEngine::updateGroup(const QString &name, const QJsonObject &fields)
{
    if (!m_state.groups.contains(name))
        return Text::tr("This customer or group is not in the tree any more");
    const QString to = fields.value(QStringLiteral("name")).toString();
    if (!to.isEmpty() && to != name && m_state.groups.contains(to))
        return Text::tr("%1 exists already").arg(describeGroup(to));
    return applyEdit(
        QStringLiteral("update group"), describeGroup(name), {Outbox::updateGroup(name, fields)});
}

QString SyncEngine::deleteGroup(const QString &name)
{
    if (!m_state.groups.contains(name))
        return Text::tr("This customer or group is not in the tree any more");
    return applyEdit(
        QStringLiteral("delete group"), describeGroup(name), {Outbox::deleteGroup(name)});
}

QString SyncEngine::applyEdit(
    const QString &action, const QString &subject, const QList<OutboxEntry> &entries)
{
    if (const QString why = notReady(); !why.isEmpty())
        return why;
    // The local effect: every entry applied to a copy of what it touches.
    QMap<QString, Domain::Group> groups = m_state.groups;
    QMap<int, Domain::Firmware> firmware = m_state.firmware;
    QHash<QString, Domain::Device> devices;
    bool allDevices = false;
    for (const OutboxEntry &e : entries) {
        Outbox::applyToGroups(groups, e);
        Outbox::applyToFirmware(firmware, e);
        allDevices = allDevices || Outbox::touchesAllDevices(e);
        for (const QString &id : e.deviceIds) {
            if (!devices.contains(id) && m_state.devices.contains(id))
                devices.insert(id, m_state.devices.value(id));
        }
    }
    if (allDevices) {
        for (auto it = m_state.devices.cbegin(); it != m_state.devices.cend(); ++it)
            devices.insert(it.key(), it.value());
    }
    for (const OutboxEntry &e : entries) {
        if (Outbox::touchesAllDevices(e)) {
            for (Domain::Device &d : devices)
                Outbox::applyToDevice(d, e);
        } else {
            for (const QString &id : e.deviceIds) {
                auto it = devices.find(id);
                if (it != devices.end())
                    Outbox::applyToDevice(*it, e, true);
            }
        }
    }
    FleetState releases;
    releases.firmware = firmware;
    const QHash<QString, int> released = releases.releasedVersionByGroup();
    const std::optional<int> productDefault = releases.productDefault();
    for (Domain::Device &d : devices)
        d.targetedFirmwareVersion = Domain::effectiveTarget(d, released, productDefault);
    CloudContent incoming;
    incoming.devices = std::move(devices);
    incoming.groups = groups;
    incoming.firmware = firmware;
    const FleetDelta delta = diff(m_state, incoming, false);
    const FleetDelta undo = [&] {
        FleetDelta u;
        for (const Domain::Device &d : delta.changedDevices)
            u.changedDevices.append(m_state.devices.value(d.id));
        for (const Domain::Group &g : delta.addedGroups)
            u.removedGroups.append(g.name);
        for (const Domain::Group &g : delta.changedGroups)
            u.changedGroups.append(m_state.groups.value(g.name));
        for (const QString &name : delta.removedGroups)
            u.addedGroups.append(m_state.groups.value(name));
        for (const Domain::Firmware &fw : delta.changedFirmware)
            u.changedFirmware.append(m_state.firmware.value(fw.version));
        return u;
    }();

    Store::LocalEdit edit;
    edit.effect = delta.toChangeSet();
    edit.outbox = entries;
    edit.activity.actor = m_config.actor;
    edit.activity.action = action;
    edit.activity.subject = subject;
    edit.activity.result = QStringLiteral("queued");
    publish(delta, false);
    m_uncommitted += static_cast<int>(entries.size());
    Q_EMIT pendingChanged(pendingCount());
    m_store->applyLocalEdit(
        edit, [self = QPointer<SyncEngine>(this), entries, undo](QList<qint64> ids, QString error) {
            if (!self)
                return;
            SyncEngine *const engine = self;
            engine->committed(entries, undo, ids, error);
        });
    return QString();
}

void SyncEngine::committed(const QList<OutboxEntry> &entries, const FleetDelta &undo,
    const QList<qint64> &ids, const QString &error)
{
    m_uncommitted -= static_cast<int>(entries.size());
    if (!error.isEmpty() || ids.size() != entries.size()) {
        Q_EMIT pendingChanged(pendingCount());
        // Not in the cache, so not in the outbox: take the local effect back.
        Q_EMIT errorOccurred(Text::tr("The change could not be saved: %1").arg(error));
        publish(undo, false);
        return;
    }
    QSet<QString> ownerChanged;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        OutboxEntry e = entries.at(i);
        e.id = ids.at(i);
        if (e.kind == Outbox::DeviceClaim || e.kind == Outbox::DeviceUnclaim)
            ownerChanged.insert(e.deviceIds.value(0));
        m_pending.append(e);
    }
    // A held claim that a newer claim or unclaim of its device replaces (an undo, or a move
    // on) is not sent any more: it would block the newer changes of that device meanwhile.
    QList<qint64> superseded;
    for (const OutboxEntry &e : std::as_const(m_pending)) {
        if (m_held.contains(e.id) && ownerChanged.contains(e.deviceIds.value(0))
            && !ids.contains(e.id))
            superseded.append(e.id);
    }
    if (!superseded.isEmpty()) {
        m_store->completeOutbox(superseded, {});
        for (const qint64 id : std::as_const(superseded))
            m_held.remove(id);
        m_pending.erase(std::remove_if(m_pending.begin(), m_pending.end(),
                            [&](const OutboxEntry &e) { return superseded.contains(e.id); }),
            m_pending.end());
    }
    Q_EMIT pendingChanged(pendingCount());
    schedulePush();
}

// --- pushing ----------------------------------------------------------------------------

void SyncEngine::pushNow()
{
    m_pushFailures = 0;
    schedulePush(0);
}

void SyncEngine::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    Q_EMIT phaseChanged();
    if (!paused)
        schedulePush(0);
}

void SyncEngine::schedulePush(int delayMs)
{
    if (m_pushing || m_paused || m_signedOut || !m_loaded || m_pending.isEmpty()
        || (!m_held.isEmpty() && sendable().isEmpty()))
        return;
    // A new edit does not cut short the wait after a failure.
    if (m_pushTimer.isActive() && m_pushFailures > 0 && m_pushTimer.remainingTime() > delayMs)
        return;
    m_pushTimer.start(delayMs);
}

void SyncEngine::pushNext()
{
    if (m_pushing || m_paused || m_signedOut || !m_loaded || m_pending.isEmpty())
        return;
    const QList<OutboxEntry> queue = sendable();
    if (queue.isEmpty())
        return;
    // Edits still being written go out with the rest: wait the few milliseconds for them.
    if (m_uncommitted > 0) {
        whenCommitted([self = QPointer<SyncEngine>(this)] {
            if (self)
                self->pushNext();
        });
        return;
    }
    m_pushing = true;
    Q_EMIT phaseChanged();
    const OutboxEntry &front = queue.first();
    if (front.kind != Outbox::DeviceGroups) {
        pushSingle(front);
        return;
    }
    // When everything queued is group changes (typically work done offline), the changes are
    // merged per device and compacted: one request per distinct add/remove set, and a device
    // moved twice goes straight to its final place. Otherwise a run of group changes that touch
    // different devices goes out together, one request each, in queue order.
    const bool allGroups = m_uncommitted == 0
        && std::all_of(queue.cbegin(), queue.cend(),
            [](const OutboxEntry &e) { return e.kind == Outbox::DeviceGroups; });
    if (allGroups && queue.size() > 1) {
        qint64 devices = 0;
        for (const OutboxEntry &e : queue)
            devices += e.deviceIds.size();
        if (devices <= DefaultPushRunDevices) {
            pushGroups(queue);
            return;
        }
    }
    QList<OutboxEntry> run;
    QSet<QString> seen;
    for (const OutboxEntry &e : queue) {
        if (e.kind != Outbox::DeviceGroups)
            break;
        const bool overlaps = std::any_of(e.deviceIds.cbegin(), e.deviceIds.cend(),
            [&](const QString &id) { return seen.contains(id); });
        if (overlaps
            || (!run.isEmpty() && seen.size() + e.deviceIds.size() > DefaultPushRunDevices))
            break;
        for (const QString &id : e.deviceIds)
            seen.insert(id);
        run.append(e);
    }
    sendBatches(run);
}

void SyncEngine::pushGroups(const QList<OutboxEntry> &entries)
{
    QHash<QString, Domain::GroupDelta> merged;
    for (const OutboxEntry &e : entries) {
        const Domain::GroupDelta delta = Outbox::deltaOf(e);
        for (const QString &id : e.deviceIds) {
            auto it = merged.find(id);
            if (it == merged.end())
                merged.insert(id, delta);
            else
                *it = Domain::mergeDeltas(*it, delta);
        }
    }
    for (auto it = merged.begin(); it != merged.end();) {
        if (it->isEmpty())
            it = merged.erase(it);
        else
            ++it;
    }
    const QList<Domain::DeviceBatch> batches
        = Domain::batchByDelta(merged, std::min(m_config.batchSize, m_batchLimit));
    if (batches.isEmpty()) {
        entriesSucceeded(entries, QStringLiteral("done"));
        return;
    }
    // Compaction: the whole queue becomes one outbox entry per batch request, written in one
    // transaction before anything is sent (the new entries are the newest, and nothing else is
    // queued, so the order stays right). Each request is then confirmed on its own; a crash
    // replays only what was not confirmed.
    Store::LocalEdit edit;
    for (const Domain::DeviceBatch &batch : batches)
        edit.outbox.append(Outbox::groups(batch.deviceIds, batch.delta));
    for (const OutboxEntry &e : entries)
        edit.replaces.append(e.id);
    const QList<qint64> oldIds = edit.replaces;
    const QList<OutboxEntry> compacted = edit.outbox;
    m_store->applyLocalEdit(edit,
        [self = QPointer<SyncEngine>(this), oldIds, compacted](QList<qint64> ids, QString error) {
            if (!self)
                return;
            SyncEngine *const engine = self;
            if (!error.isEmpty() || ids.size() != compacted.size()) {
                Q_EMIT engine->errorOccurred(
                    Text::tr("Cannot write the local cache: %1").arg(error));
                engine->m_pushing = false;
                ++engine->m_pushFailures;
                Q_EMIT engine->phaseChanged();
                engine->m_pushTimer.start(engine->m_config.retryMaxMs);
                return;
            }
            QList<OutboxEntry> fresh = compacted;
            for (qsizetype i = 0; i < fresh.size(); ++i)
                fresh[i].id = ids.at(i);
            const QSet<qint64> replaced(oldIds.cbegin(), oldIds.cend());
            engine->m_pending.erase(
                std::remove_if(engine->m_pending.begin(), engine->m_pending.end(),
                    [&](const OutboxEntry &e) { return replaced.contains(e.id); }),
                engine->m_pending.end());
            // Anything queued meanwhile came after them.
            for (qsizetype i = 0; i < fresh.size(); ++i)
                engine->m_pending.insert(i, fresh.at(i));
            Q_EMIT engine->pendingChanged(engine->pendingCount());
            engine->sendBatches(fresh);
        });
}

void SyncEngine::sendBatches(const QList<OutboxEntry> &entries)
{
    struct Run
    {
        int outstanding = 0;
        QList<QPair<OutboxEntry, ApiError>> failures;
    };
    auto run = std::make_shared<Run>();
    run->outstanding = static_cast<int>(entries.size());
    for (const OutboxEntry &entry : entries) {
        sendGroupChange(
            entry.deviceIds, Outbox::deltaOf(entry), [this, run, entry](ApiError error) {
                if (!error.isError())
                    markDone({entry}, QStringLiteral("done"));
                else
                    run->failures.append({entry, error});
                if (--run->outstanding > 0)
                    return;
                if (run->failures.isEmpty())
                    finishRun();
                else
                    handleFailures(run->failures);
            });
    }
}

void SyncEngine::sendGroupChange(const QStringList &deviceIds, const Domain::GroupDelta &delta,
    std::function<void(ApiError)> done)
{
    // Particle's reference shows batch requests that add groups; whether one request that adds
    // and removes applies both is not documented. Two requests, adding first, are right under
    // either reading (docs/hierarchy.md): between them the device targets the highest release
    // of its old and new groups together, which is its old target or its new one, never a
    // third version.
    if (delta.add.isEmpty()) {
        sendGroupBatch(deviceIds, {}, delta.remove,
            [done = std::move(done)](ApiError error, bool) { done(error); });
        return;
    }
    // A change refused after some of its groups were added is taken back (the added groups are
    // removed: the device had none of them before), so that no device is left in two places
    // while it is reported as undone. When that cannot be done now, the outcome stays unknown
    // and the change goes again later.
    const auto takeBack = [this, deviceIds, add = delta.add](
                              ApiError refusal, std::function<void(ApiError)> then) {
        sendGroupBatch(deviceIds, {}, add, [refusal, then = std::move(then)](ApiError error, bool) {
            then(error.isError() ? unknownOutcome(refusal) : refusal);
        });
    };
    sendGroupBatch(deviceIds, delta.add, {},
        [this, deviceIds, remove = delta.remove, takeBack, done = std::move(done)](
            ApiError error, bool someApplied) mutable {
            if (isRefusal(error) && someApplied)
                return takeBack(error, std::move(done));
            if (error.isError() || remove.isEmpty())
                return done(error);
            sendGroupBatch(deviceIds, {}, remove,
                [takeBack, done = std::move(done)](ApiError removeError, bool) mutable {
                    if (isRefusal(removeError))
                        return takeBack(removeError, std::move(done));
                    done(removeError);
                });
        });
}

void SyncEngine::sendGroupBatch(const QStringList &deviceIds, const QStringList &add,
    const QStringList &remove, std::function<void(ApiError, bool)> done)
{
    m_client->batchGroups(m_config.productId, deviceIds, add, remove, this,
        [this, deviceIds, add, remove, done = std::move(done)](Remote::Result<bool> r) mutable {
            // A 400 for a large batch may mean "too many devices at once" (Particle documents
            // no limit): halve it and try again, down to a size no such limit could refuse.
            if (r.error.kind != ApiError::Kind::BadRequest || deviceIds.size() <= MinSplitBatch)
                return done(r.error, !r.error.isError());
            const qsizetype half = deviceIds.size() / 2;
            struct Split
            {
                int outstanding = 2;
                ApiError error;
                bool someApplied = false;
                std::function<void(ApiError, bool)> done;
            };
            auto split = std::make_shared<Split>();
            split->done = std::move(done);
            const auto part = [this, split, half](ApiError error, bool applied) {
                if (error.isError() && !split->error.isError())
                    split->error = error;
                split->someApplied = split->someApplied || applied;
                // Later batches start at a size the cloud took.
                if (!error.isError() && half < m_batchLimit) {
                    qCInfo(lcSync) << "the cloud took a batch of" << half
                                   << "devices: sending at most that many at a time";
                    m_batchLimit = static_cast<int>(half);
                }
                if (--split->outstanding == 0)
                    split->done(split->error, split->someApplied);
            };
            sendGroupBatch(deviceIds.mid(0, half), add, remove, part);
            sendGroupBatch(deviceIds.mid(half), add, remove, part);
        });
}

void SyncEngine::withCustomerToken(
    const QString &account, std::function<void(QString, ApiError)> cb)
{
    const auto cached = m_customerTokens.constFind(account);
    if (cached != m_customerTokens.cend()) {
        cb(*cached, ApiError());
        return;
    }
    if (m_tokenBlockedUntilMs > nowMs()) {
        ApiError e;
        e.kind = ApiError::Kind::RateLimited;
        e.message = Text::tr("Particle refuses token requests from this address for now (too many "
                             "requests, or failed ones); claims to customer accounts wait until %1")
                        .arg(QDateTime::fromMSecsSinceEpoch(m_tokenBlockedUntilMs)
                                 .toString(QStringLiteral("HH:mm")));
        cb(QString(), e);
        return;
    }
    if (m_clientId.isEmpty() || m_clientSecret.isEmpty() || m_clientRefused) {
        ApiError e;
        e.kind = ApiError::Kind::Unauthorized;
        e.message = m_clientRefused
            ? Text::tr(
                "The cloud refused the product's OAuth client; enter it again to claim devices "
                "to customer accounts")
            : Text::tr("Claiming devices to a customer account needs the product's OAuth client; "
                       "none is configured");
        cb(QString(), e);
        return;
    }
    m_client->customerToken(
        m_clientId, m_clientSecret, account, this, [this, account, cb](Remote::Result<QString> r) {
            if (r.ok()) {
                m_customerTokens.insert(account, *r.value);
                m_token429s = 0;
            } else if (r.error.kind == ApiError::Kind::RateLimited) {
                // Refused for a while (a passing limit, or the lockout after failed token
                // requests): ask again only once it is over.
                const qint64 hold = ++m_token429s == 1 ? TokenRetryAfter429Ms : TokenLockoutMs;
                m_tokenBlockedUntilMs = nowMs() + hold;
                m_tokenBlockTimer.start(static_cast<int>(hold));
                qCWarning(lcSync) << "token requests are refused for a while:"
                                  << r.error.toString();
                ApiError blocked = r.error;
                blocked.message
                    = Text::tr("Particle refuses token requests from this address for now "
                               "(too many requests, or failed ones); claims to customer "
                               "accounts wait until %1")
                          .arg(QDateTime::fromMSecsSinceEpoch(m_tokenBlockedUntilMs)
                                   .toString(QStringLiteral("HH:mm")));
                cb(QString(), blocked);
                return;
            } else if (r.error.code == QLatin1String("invalid_client")
                || r.error.kind == ApiError::Kind::Unauthorized) {
                // The client itself was refused. Particle blocks an address after ten failed
                // token requests: none is made again until the client is entered anew. (Other
                // refusals, such as an account that no longer exists, concern that account's
                // claims only: they are refused one by one.)
                m_clientRefused = true;
                qCWarning(lcSync) << "the product's OAuth client was refused:"
                                  << r.error.toString();
                ApiError refused = r.error;
                refused.kind = ApiError::Kind::Unauthorized; // the client, not this claim
                cb(QString(), refused);
                return;
            }
            cb(r.value.value_or(QString()), r.error);
        });
}

void SyncEngine::pushSingle(const OutboxEntry &entry)
{
    const QList<OutboxEntry> one {entry};
    const int product = m_config.productId;
    const auto finish = [this, one](const ApiError &error) {
        if (error.isError())
            entriesFailed(one, error);
        else
            entriesSucceeded(one, QStringLiteral("done"));
    };
    const QString device = entry.deviceIds.value(0);
    if (entry.kind == Outbox::DeviceClaim) {
        const QString account = entry.payload.value(QStringLiteral("account")).toString();
        withCustomerToken(
            account, [this, entry, device, finish, account](QString token, ApiError error) {
                // An answer that cannot be read, or a failure on the way: ask again later.
                if ((error.isTransient() && error.kind != ApiError::Kind::RateLimited)
                    || error.kind == ApiError::Kind::Malformed
                    || error.kind == ApiError::Kind::Cancelled)
                    return finish(error);
                // No usable client, or token requests refused for a while: the claim waits.
                if (error.kind == ApiError::Kind::Unauthorized
                    || error.kind == ApiError::Kind::RateLimited)
                    return holdForClient(entry, error);
                // Refused for this account only (it no longer exists, say).
                if (error.isError())
                    return finish(error);
                m_client->claimDevice(
                    device, token, this, [this, device, finish, account](Remote::Result<bool> r) {
                        if (r.error.kind == ApiError::Kind::Unauthorized)
                            m_customerTokens.remove(account); // the customer token, not ours
                        if (!r.error.isError() || r.error.isTransient()
                            || r.error.kind == ApiError::Kind::Cancelled)
                            return finish(r.error);
                        confirmOwner(device, account, r.error, finish);
                    });
            });
    } else if (entry.kind == Outbox::DeviceUnclaim) {
        m_client->unclaimDevice(
            product, device, this, [this, device, finish](Remote::Result<bool> r) {
                if (!r.error.isError() || r.error.isTransient()
                    || r.error.kind == ApiError::Kind::Cancelled)
                    return finish(r.error);
                confirmOwner(device, QString(), r.error, finish);
            });
    } else if (entry.kind == Outbox::DeviceUpdate) {
        m_client->updateDevice(product, device,
            entry.payload.value(QStringLiteral("fields")).toObject(), this,
            [finish](Remote::Result<QJsonObject> r) { finish(r.error); });
    } else if (entry.kind == Outbox::GroupCreate) {
        Domain::Group g;
        g.name = entry.payload.value(QStringLiteral("name")).toString();
        g.description = entry.payload.value(QStringLiteral("description")).toString();
        g.color = entry.payload.value(QStringLiteral("color")).toString();
        m_client->createGroup(product, g, this, [this, finish, g](Remote::Result<Domain::Group> r) {
            if (r.ok())
                checkDescriptionKept(g.name, g.description, r.value->description);
            if (r.ok()
                || (r.error.kind != ApiError::Kind::BadRequest
                    && r.error.kind != ApiError::Kind::Malformed))
                return finish(r.error);
            // Sent before and applied, but the answer was lost? Then the group is there.
            m_client->listGroups(m_config.productId, this,
                [finish, g, first = r.error](Remote::Result<QList<Domain::Group>> l) {
                    if (!l.ok())
                        return finish(unknownOutcome(first)); // cannot tell now: ask again
                    const bool there = std::any_of(l.value->cbegin(), l.value->cend(),
                        [&](const Domain::Group &x) { return x.name == g.name; });
                    finish(there ? ApiError() : first);
                });
        });
    } else if (entry.kind == Outbox::GroupUpdate) {
        const QString name = entry.payload.value(QStringLiteral("name")).toString();
        const QJsonObject fields = entry.payload.value(QStringLiteral("fields")).toObject();
        const auto [from, to] = Outbox::renameOf(entry);
        // A rename is done once the versions released to the group are released to its new
        // name too (Particle does not document that a rename keeps them).
        const auto done = [this, finish, from = from, to = to](const ApiError &error) {
            if (error.isError() || from.isEmpty())
                return finish(error);
            keepReleases(from, to, finish);
        };
        m_client->updateGroup(product, name, fields, this,
            [this, done, to = to, fields](Remote::Result<Domain::Group> r) {
                if (r.ok() && fields.contains(QStringLiteral("description")))
                    checkDescriptionKept(r.value->name,
                        fields.value(QStringLiteral("description")).toString(),
                        r.value->description);
                if (r.ok()
                    || (r.error.kind != ApiError::Kind::NotFound
                        && r.error.kind != ApiError::Kind::Malformed)
                    || to.isEmpty())
                    return done(r.error);
                m_client->listGroups(m_config.productId, this,
                    [done, to, first = r.error](Remote::Result<QList<Domain::Group>> l) {
                        if (!l.ok())
                            return done(unknownOutcome(first)); // cannot tell now: ask again
                        const bool there = std::any_of(l.value->cbegin(), l.value->cend(),
                            [&](const Domain::Group &x) { return x.name == to; });
                        done(there ? ApiError() : first);
                    });
            });
    } else if (entry.kind == Outbox::GroupDelete) {
        m_client->deleteGroup(product, entry.payload.value(QStringLiteral("name")).toString(), this,
            [finish](Remote::Result<bool> r) {
                finish(r.error.kind == ApiError::Kind::NotFound ? ApiError() : r.error);
            });
    } else {
        ApiError e;
        e.kind = ApiError::Kind::BadRequest;
        e.message = Text::tr("Unknown kind of change '%1'").arg(entry.kind);
        finish(e);
    }
}

void SyncEngine::keepReleases(
    const QString &from, const QString &to, std::function<void(const ApiError &)> finish)
{
    // The versions this console knows released to the group (the rename is applied here).
    QList<int> expected;
    for (const Domain::Firmware &fw : std::as_const(m_state.firmware)) {
        if (fw.groups.contains(to))
            expected.append(fw.version);
    }
    if (expected.isEmpty())
        return finish(ApiError());
    m_client->listFirmware(m_config.productId, this,
        [this, from, to, expected, finish](Remote::Result<QList<Domain::Firmware>> r) {
            // The rename is done; what follows only keeps its releases. A failure on the way
            // sends the rename again (nothing more happens to it) and comes back here.
            if (!r.ok())
                return finish(isRefusal(r.error) ? ApiError() : unknownOutcome(r.error));
            QList<QPair<int, QStringList>> lost;
            for (const Domain::Firmware &fw : std::as_const(*r.value)) {
                if (!expected.contains(fw.version) || fw.groups.contains(to))
                    continue;
                QStringList groups = fw.groups;
                groups.removeAll(from);
                groups.append(to);
                lost.append({fw.version, groups});
            }
            if (lost.isEmpty())
                return finish(ApiError());
            struct Releases
            {
                qsizetype outstanding = 0;
                ApiError error;
            };
            auto state = std::make_shared<Releases>();
            state->outstanding = lost.size();
            for (const auto &[version, groups] : std::as_const(lost)) {
                qCWarning(lcSync) << "the cloud did not keep version" << version
                                  << "released to the renamed group" << to << "; releasing again";
                // A standard release: devices update at their next connection, as they would
                // have without the rename.
                m_client->releaseFirmware(m_config.productId, version, groups, std::nullopt, false,
                    this,
                    [this, state, finish, version = version, to](
                        Remote::Result<Domain::Firmware> released) {
                        if (!released.ok() && !state->error.isError())
                            state->error = released.error;
                        if (!released.ok() && isRefusal(released.error))
                            Q_EMIT errorOccurred(
                                Text::tr("Version %1 could not be released again to %2 after its "
                                         "rename: %3")
                                    .arg(version)
                                    .arg(describeGroup(to), released.error.message));
                        if (--state->outstanding > 0)
                            return;
                        refreshReleases();
                        // A refusal is said (above); the rename itself stays done.
                        finish(state->error.isError() && !isRefusal(state->error)
                                ? unknownOutcome(state->error)
                                : ApiError());
                    });
            }
        });
}

void SyncEngine::checkDescriptionKept(
    const QString &group, const QString &sent, const QString &kept)
{
    // Particle documents no limit for a group's description. Flotilla writes the node's tag
    // first, so a description cut short keeps the tag; the title is what is cut.
    if (kept.isNull() || kept == sent)
        return;
    qCWarning(lcSync) << "the cloud kept" << kept.size() << "of" << sent.size()
                      << "characters of the description of" << group;
    m_descriptionsKept.insert(group, kept);
    if (m_state.groups.contains(group)) {
        FleetDelta delta;
        Domain::Group g = m_state.groups.value(group);
        g.description = kept;
        delta.changedGroups.append(g);
        publish(delta, true);
    }
    const std::optional<Domain::NodeTag> tag = Domain::parseDescription(kept);
    Q_EMIT errorOccurred(Text::tr(
        "Particle kept only %1 of the %2 characters of a node's description: its title now "
        "reads “%3”. Give it a shorter title.")
                             .arg(kept.size())
                             .arg(sent.size())
                             .arg(tag ? tag->title : Text::tr("(unreadable)")));
}

void SyncEngine::confirmOwner(const QString &deviceId, const QString &account,
    const ApiError &first, std::function<void(const ApiError &)> finish)
{
    m_client->getDevice(m_config.productId, deviceId, this,
        [account, first, finish = std::move(finish)](Remote::Result<Domain::Device> r) {
            const ApiError retry = unknownOutcome(first);
            if (r.ok() && r.value->owner.compare(account, Qt::CaseInsensitive) == 0)
                return finish(ApiError()); // it was done (by an earlier attempt, or this one)
            if (r.error.kind == ApiError::Kind::NotFound)
                return finish(r.error); // the device left the product: refused for good
            if (!r.ok())
                return finish(retry); // cannot read it back now
            // Read back, and not done: a refusal stands; an unreadable answer is sent again.
            finish(first.kind == ApiError::Kind::Malformed ? retry : first);
        });
}

void SyncEngine::holdForClient(const OutboxEntry &entry, const ApiError &error)
{
    const bool first = m_held.isEmpty();
    m_held.insert(entry.id);
    m_heldReason = error.message;
    m_store->failOutbox({entry.id}, error.message, false);
    for (OutboxEntry &e : m_pending) {
        if (e.id == entry.id) {
            ++e.attempts;
            e.lastError = error.message;
        }
    }
    qCWarning(lcSync) << "a claim waits:" << error.toString();
    if (first)
        Q_EMIT claimsWaiting(error.message);
    m_pushing = false;
    Q_EMIT phaseChanged();
    Q_EMIT pendingChanged(pendingCount());
    continuePush();
}

void SyncEngine::replanKeptChanges()
{
    // What this console meant for a device is its local state as the cache kept it (every edit
    // wrote its local effect with its changes). For each device of a kept change: from the
    // cloud's groups and owner to those, in place of the kept changes.
    static const QSet<QString> deviceKinds {
        Outbox::DeviceGroups, Outbox::DeviceClaim, Outbox::DeviceUnclaim};
    const CloudContent &cloud = m_pull->incoming;
    const Domain::Hierarchy hierarchy = m_state.hierarchy();
    const auto inTree
        = [&](const QString &g) { return hierarchy.isNode(g) || g == Domain::ReturnsGroupName; };
    QList<qint64> replaced;
    QStringList devices;
    for (const OutboxEntry &e : std::as_const(m_pending)) {
        if (!deviceKinds.contains(e.kind))
            continue;
        replaced.append(e.id);
        for (const QString &id : e.deviceIds) {
            if (!devices.contains(id))
                devices.append(id);
        }
    }
    QHash<QString, Domain::GroupDelta> deltas;
    QList<OutboxEntry> ownership;
    QStringList dropped;
    for (const QString &id : std::as_const(devices)) {
        const auto meant = m_state.devices.constFind(id);
        const auto now = cloud.devices.constFind(id);
        if (meant == m_state.devices.cend() || now == cloud.devices.cend()) {
            dropped.append(id); // its record was lost too, or it left the product
            continue;
        }
        Domain::GroupDelta delta;
        for (const QString &g : meant->groups) {
            if (inTree(g) && !now->groups.contains(g))
                delta.add.append(g);
        }
        for (const QString &g : now->groups) {
            if (inTree(g) && !meant->groups.contains(g))
                delta.remove.append(g);
        }
        if (!delta.isEmpty())
            deltas.insert(id, delta);
        if (meant->owner.compare(now->owner, Qt::CaseInsensitive) != 0) {
            if (!now->owner.isEmpty())
                ownership.append(Outbox::unclaim(id));
            if (!meant->owner.isEmpty())
                ownership.append(Outbox::claim(id, meant->owner));
        }
    }
    Store::LocalEdit edit;
    for (const Domain::DeviceBatch &batch :
        Domain::batchByDelta(deltas, std::min(m_config.batchSize, m_batchLimit)))
        edit.outbox.append(Outbox::groups(batch.deviceIds, batch.delta));
    edit.outbox += ownership;
    edit.replaces = replaced;
    if (!dropped.isEmpty())
        qCWarning(lcSync) << "changes of" << dropped.size()
                          << "devices are dropped: what was meant for them is not known";
    qCInfo(lcSync) << "after the repair," << devices.size() << "devices' changes are planned again";
    const quint64 generation = m_pull->generation;
    const QList<OutboxEntry> fresh = edit.outbox;
    m_store->applyLocalEdit(edit,
        [self = QPointer<SyncEngine>(this), generation, replaced, fresh](
            QList<qint64> ids, QString error) {
            if (!self)
                return;
            SyncEngine *const engine = self;
            if (!error.isEmpty() || ids.size() != fresh.size()) {
                // Nothing was replaced: nothing is sent until it can be planned again.
                Q_EMIT engine->errorOccurred(
                    Text::tr("Cannot write the local cache: %1").arg(error));
                if (engine->m_pull && engine->m_pull->generation == generation)
                    engine->failPull(ApiError());
                return;
            }
            const QSet<qint64> old(replaced.cbegin(), replaced.cend());
            engine->m_pending.erase(
                std::remove_if(engine->m_pending.begin(), engine->m_pending.end(),
                    [&](const OutboxEntry &e) { return old.contains(e.id); }),
                engine->m_pending.end());
            for (qsizetype i = 0; i < fresh.size(); ++i) {
                OutboxEntry e = fresh.at(i);
                e.id = ids.at(i);
                engine->m_pending.append(e);
            }
            engine->m_replan = false;
            Q_EMIT engine->pendingChanged(engine->pendingCount());
            if (engine->m_pull && engine->m_pull->generation == generation)
                engine->commitPull();
            engine->schedulePush(0);
        });
}

QList<OutboxEntry> SyncEngine::sendable() const
{
    if (m_replan)
        return {}; // kept changes wait to be planned again (after a repair that lost some)
    if (m_held.isEmpty())
        return m_pending;
    // A held claim keeps its device's later changes back too, so they stay in order.
    QList<OutboxEntry> out;
    QSet<QString> blocked;
    for (const OutboxEntry &e : m_pending) {
        const bool waits = m_held.contains(e.id)
            || std::any_of(e.deviceIds.cbegin(), e.deviceIds.cend(),
                [&](const QString &id) { return blocked.contains(id); });
        if (waits) {
            for (const QString &id : e.deviceIds)
                blocked.insert(id);
            continue;
        }
        out.append(e);
    }
    return out;
}

QString SyncEngine::describeGroup(const QString &name) const
{
    const Domain::Hierarchy hierarchy = m_state.hierarchy();
    if (hierarchy.node(name))
        return Domain::titlePath(hierarchy, name);
    // A label (a group of the product outside the tree): its name is all it has.
    return Text::tr("the group “%1”").arg(name);
}

QString SyncEngine::describe(const QList<OutboxEntry> &entries) const
{
    // For people: titles, never group names or kinds of outbox entries.
    QSet<QString> devices;
    for (const OutboxEntry &e : entries) {
        for (const QString &id : e.deviceIds)
            devices.insert(id);
    }
    const OutboxEntry &first = entries.first();
    const Domain::Hierarchy hierarchy = m_state.hierarchy();
    const auto title = [&](const QString &name) {
        if (hierarchy.node(name))
            return Domain::titlePath(hierarchy, name);
        // A node being created or gone: the title its description carries, if any.
        const auto tag = Domain::parseDescription(
            first.payload.value(QStringLiteral("description")).toString());
        return tag && !tag->title.isEmpty() ? tag->title : name;
    };
    const QString name = first.payload.value(QStringLiteral("name")).toString();
    const int n = static_cast<int>(devices.size());
    if (first.kind == Outbox::GroupCreate)
        return Text::tr("creating %1").arg(title(name));
    if (first.kind == Outbox::GroupDelete)
        return Text::tr("deleting %1").arg(title(name));
    if (first.kind == Outbox::GroupUpdate)
        return Outbox::renameOf(first).first.isEmpty()
            ? Text::tr("changing %1").arg(title(name))
            : Text::tr("renaming %1").arg(title(Outbox::renameOf(first).second));
    if (first.kind == Outbox::DeviceClaim)
        return n == 1 ? Text::tr("claiming 1 device to its customer")
                      : Text::tr("claiming %n devices to their customer", nullptr, n);
    if (first.kind == Outbox::DeviceUnclaim)
        return n == 1 ? Text::tr("releasing 1 device from its customer")
                      : Text::tr("releasing %n devices from their customer", nullptr, n);
    if (first.kind == Outbox::DeviceUpdate)
        return n == 1 ? Text::tr("changing the name or notes of 1 device")
                      : Text::tr("changing the names or notes of %n devices", nullptr, n);
    return n == 1 ? Text::tr("moving 1 device") : Text::tr("moving %n devices", nullptr, n);
}

void SyncEngine::entriesSucceeded(const QList<OutboxEntry> &entries, const QString &result)
{
    markDone(entries, result);
    finishRun();
}

void SyncEngine::markDone(const QList<OutboxEntry> &entries, const QString &result)
{
    QList<qint64> ids;
    for (const OutboxEntry &e : entries)
        ids.append(e.id);
    Store::ActivityRecord record;
    record.actor = m_config.actor;
    record.action = QStringLiteral("push");
    record.subject = describe(entries);
    record.result = result;
    record.outboxId = ids.first();
    m_store->completeOutbox(ids, {record}, [self = QPointer<SyncEngine>(this)](QString error) {
        if (self && !error.isEmpty())
            Q_EMIT self->errorOccurred(Text::tr("Cannot write the local cache: %1").arg(error));
    });
    const qint64 now = nowMs();
    m_pending.erase(std::remove_if(m_pending.begin(), m_pending.end(),
                        [&](const OutboxEntry &e) { return ids.contains(e.id); }),
        m_pending.end());
    for (OutboxEntry e : entries) {
        // What the cloud kept, not what was sent, is what a later answer must be rebased onto.
        const QString group = e.kind == Outbox::GroupCreate
            ? e.payload.value(QStringLiteral("name")).toString()
            : Outbox::renameOf(e).second.isEmpty()
            ? e.payload.value(QStringLiteral("name")).toString()
            : Outbox::renameOf(e).second;
        if (m_descriptionsKept.contains(group)) {
            const QString kept = m_descriptionsKept.take(group);
            if (e.kind == Outbox::GroupCreate) {
                e.payload.insert(QStringLiteral("description"), kept);
            } else if (e.kind == Outbox::GroupUpdate) {
                QJsonObject fields = e.payload.value(QStringLiteral("fields")).toObject();
                fields.insert(QStringLiteral("description"), kept);
                e.payload.insert(QStringLiteral("fields"), fields);
            }
        }
        m_recent.append({now, e});
    }
    while (!m_recent.isEmpty() && m_recent.first().first < now - RecentKeepMs)
        m_recent.removeFirst();
    m_pushFailures = 0;
    setOnline(true);
    Q_EMIT pendingChanged(pendingCount());
}

void SyncEngine::finishRun()
{
    m_pushing = false;
    Q_EMIT phaseChanged();
    continuePush();
}

void SyncEngine::continuePush()
{
    if (m_uncommitted == 0 && sendable().isEmpty())
        Q_EMIT pushFinished();
    else
        schedulePush(0);
}

void SyncEngine::entriesFailed(const QList<OutboxEntry> &entries, const ApiError &error)
{
    QList<QPair<OutboxEntry, ApiError>> failures;
    for (const OutboxEntry &e : entries)
        failures.append({e, error});
    handleFailures(failures);
}

void SyncEngine::handleFailures(const QList<QPair<OutboxEntry, ApiError>> &failures)
{
    m_pushing = false;
    Q_EMIT phaseChanged();
    // Each entry by its own error: refused ones are undone, the others wait for a retry.
    QList<OutboxEntry> refused;
    ApiError refusal;
    QList<qint64> retry;
    ApiError transient;
    bool unauthorized = false;
    for (const auto &[entry, error] : failures) {
        if (error.kind == ApiError::Kind::Unauthorized && m_client->isSignedOut()) {
            unauthorized = true; // stays queued, untouched, until a new token
        } else if (error.isTransient() || error.kind == ApiError::Kind::Cancelled
            || error.kind == ApiError::Kind::Unauthorized
            || error.kind == ApiError::Kind::Malformed) {
            // Malformed: the change was sent but its answer cannot be read, so whether it was
            // applied is unknown. Every kind of change is safe to send again (claims and
            // unclaims are read back first), so it goes again rather than being undone.
            retry.append(entry.id);
            transient = error;
        } else {
            refused.append(entry);
            if (!refusal.isError())
                refusal = error;
        }
    }
    if (!refused.isEmpty()) {
        QList<qint64> ids;
        for (const OutboxEntry &e : std::as_const(refused))
            ids.append(e.id);
        const QSet<qint64> idSet(ids.cbegin(), ids.cend());
        const QString what = describe(refused);
        qCWarning(lcSync) << "change refused:" << what << refusal.toString();
        m_store->failOutbox(ids, refusal.message, true);
        Store::ActivityRecord record;
        record.actor = m_config.actor;
        record.action = QStringLiteral("push");
        record.subject = what;
        record.result = QStringLiteral("failed");
        record.detail = refusal.message;
        record.outboxId = ids.first();
        m_store->completeOutbox({}, {record});
        m_pending.erase(std::remove_if(m_pending.begin(), m_pending.end(),
                            [&](const OutboxEntry &e) { return idSet.contains(e.id); }),
            m_pending.end());
        Q_EMIT pendingChanged(pendingCount());
        Q_EMIT changeFailed(what, refusal.message);
        revert(refused);
    }
    if (unauthorized)
        setSignedOut(true);
    if (!retry.isEmpty()) {
        m_store->failOutbox(retry, transient.message, false);
        const QSet<qint64> idSet(retry.cbegin(), retry.cend());
        for (OutboxEntry &e : m_pending) {
            if (idSet.contains(e.id)) {
                ++e.attempts;
                e.lastError = transient.message;
            }
        }
        if (transient.kind == ApiError::Kind::Network || transient.kind == ApiError::Kind::Timeout)
            setOnline(false);
        const int shift = std::min(m_pushFailures++, 16);
        const qint64 delay
            = std::min<qint64>(qint64(m_config.retryBaseMs) << shift, m_config.retryMaxMs);
        const int jittered
            = static_cast<int>(delay / 2 + QRandomGenerator::global()->bounded(delay / 2 + 1));
        qCInfo(lcSync) << "push failed, retrying in" << jittered << "ms:" << transient.toString();
        if (!m_signedOut && !m_paused)
            m_pushTimer.start(jittered);
        return;
    }
    // Nothing left to send (the last change was refused) is a finished push too.
    continuePush();
}

void SyncEngine::revert(const QList<OutboxEntry> &entries)
{
    QSet<QString> devices;
    bool groups = false;
    for (const OutboxEntry &e : entries) {
        groups = groups || e.kind.startsWith(QLatin1String("group."));
        for (const QString &id : e.deviceIds)
            devices.insert(id);
    }
    // What the cloud has now, with the changes still queued on top, is the truth.
    if (groups)
        pullNow();
    else
        refreshDevices(QStringList(devices.cbegin(), devices.cend()));
}

} // namespace Flotilla::Sync
