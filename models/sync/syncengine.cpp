// SPDX-License-Identifier: MIT
#include "sync/syncengine.h"

#include "domain/hierarchy.h"
#include "domain/precedence.h"
#include "domain/text.h"
#include "remote/apierror.h"
#include "remote/particleclient.h"
#include "store/cachestore.h"
#include "sync/cachereload.h"
#include "sync/liveevents.h"
#include "sync/outboxops.h"
#include "sync/overviewkeeper.h"
#include "sync/pull.h"
#include "sync/push.h"
#include "sync/synclog.h"
#include "sync/syncshared.h"

#include <QDateTime>
#include <QJsonObject>

#include <algorithm>

namespace Flotilla::Sync {

Q_LOGGING_CATEGORY(lcSync, "flotilla.sync")

using Detail::describeGroup;
using Detail::nowMs;
using Detail::RecentKeepMs;
using Remote::ApiError;
using Store::OutboxEntry;

namespace Detail {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool isRefusal(const ApiError &error)
{
    return error.isError() && !error.isTransient() && error.kind != ApiError::Kind::Cancelled
        && error.kind != ApiError::Kind::Unauthorized && error.kind != ApiError::Kind::Malformed;
}

ApiError unknownOutcome(const ApiError &error)
{
    ApiError retry = error;
    retry.kind = ApiError::Kind::Server;
    return retry;
}

QString describeGroup(const FleetState &state, const QString &name)
{
    const Domain::Hierarchy hierarchy = state.hierarchy();
    if (hierarchy.node(name))
        return Domain::titlePath(hierarchy, name);
    // A label (a group of the product outside the tree): its name is all it has.
    return Text::tr("the group “%1”").arg(name);
}

} // namespace Detail

SyncEngine::SyncEngine(Remote::ParticleClient *client, Store::CacheStore *store,
    QNetworkAccessManager *nam, const SyncConfig &config, QObject *parent)
    : QObject(parent)
    , m_shared(std::make_unique<Detail::SyncShared>())
{
    m_shared->client = client;
    m_shared->store = store;
    m_shared->config = config;
    Detail::SyncHost &host = *this;
    m_puller = std::make_unique<Detail::Puller>(*m_shared, host);
    m_live = std::make_unique<Detail::LiveEvents>(*m_shared, host, nam);
    m_pusher = std::make_unique<Detail::Pusher>(*m_shared, host, *m_puller);
    m_overview = std::make_unique<Detail::OverviewKeeper>(*this, store);
    connect(m_overview.get(), &Detail::OverviewKeeper::loaded, this, &SyncEngine::overviewLoaded);

    connect(m_puller.get(), &Detail::Puller::started, this, &SyncEngine::phaseChanged);
    connect(m_puller.get(), &Detail::Puller::finished, this, [this](bool ok, const QString &error) {
        Q_EMIT pullFinished(ok, error);
        Q_EMIT phaseChanged();
    });
    connect(m_puller.get(), &Detail::Puller::replanned, this, [this] { m_pusher->schedule(0); });
    connect(m_puller.get(), &Detail::Puller::pendingChanged, this,
        [this] { Q_EMIT pendingChanged(pendingCount()); });
    connect(m_puller.get(), &Detail::Puller::deviceUnread, m_live.get(),
        &Detail::LiveEvents::forgetUnknown);
    connect(m_puller.get(), &Detail::Puller::errorOccurred, this, &SyncEngine::errorOccurred);

    connect(m_live.get(), &Detail::LiveEvents::deviceEvent, this, &SyncEngine::deviceEvent);
    connect(
        m_live.get(), &Detail::LiveEvents::connectedChanged, this, &SyncEngine::eventStreamChanged);
    connect(m_live.get(), &Detail::LiveEvents::unknownDevice, this,
        [this](const QString &id) { m_puller->refreshDevices({id}); });
    connect(m_live.get(), &Detail::LiveEvents::releasesChanged, m_puller.get(),
        &Detail::Puller::refreshReleases);

    connect(m_pusher.get(), &Detail::Pusher::busyChanged, this, &SyncEngine::phaseChanged);
    connect(m_pusher.get(), &Detail::Pusher::pendingChanged, this,
        [this] { Q_EMIT pendingChanged(pendingCount()); });
    connect(m_pusher.get(), &Detail::Pusher::finished, this, &SyncEngine::pushFinished);
    connect(m_pusher.get(), &Detail::Pusher::changeFailed, this, &SyncEngine::changeFailed);
    connect(m_pusher.get(), &Detail::Pusher::claimsWaiting, this, &SyncEngine::claimsWaiting);
    connect(m_pusher.get(), &Detail::Pusher::errorOccurred, this, &SyncEngine::errorOccurred);
    connect(m_pusher.get(), &Detail::Pusher::importFinished, this, &SyncEngine::importFinished);

    if (config.refreshIntervalMs > 0) {
        m_refreshTimer.setInterval(config.refreshIntervalMs);
        connect(&m_refreshTimer, &QTimer::timeout, this, &SyncEngine::pullNow);
    }
    connect(store, &Store::CacheStore::activityWritten, this, &SyncEngine::activityChanged);
    m_reloadTimer.setSingleShot(true);
    connect(&m_reloadTimer, &QTimer::timeout, this, &SyncEngine::startReload);
    // While a reload reads the cache, every change this process holds as pending is noted (each
    // change added to the pending list is announced before it can be sent and leave it): one
    // it held and no longer does is never taken back from an older read of the outbox.
    connect(this, &SyncEngine::pendingChanged, this, [this] {
        if (m_reload)
            notePending();
    });
    // Signed out means the client's own token was refused: a 401 on a customer token (claims)
    // or a late answer to an old token is not that.
    connect(client, &Remote::ParticleClient::signedOut, this,
        [this](const QString &) { setSignedOut(true); });
}

SyncEngine::~SyncEngine()
{
    // The parts first (their callbacks are dropped with them), then the state they share.
    m_overview.reset(); // writes the overview while the state it counts is still there
    m_pusher.reset();
    m_live.reset();
    m_puller.reset();
}

const FleetState &SyncEngine::state() const
{
    return m_shared->state;
}

bool SyncEngine::isLoaded() const
{
    return m_shared->loaded;
}

bool SyncEngine::isPulling() const
{
    return m_puller->isPulling();
}

bool SyncEngine::isPushing() const
{
    return m_pusher->isPushing();
}

bool SyncEngine::isSignedOut() const
{
    return m_shared->signedOut;
}

int SyncEngine::pendingCount() const
{
    return m_shared->pendingCount();
}

qint64 SyncEngine::lastFullPullMs() const
{
    return m_puller->lastFullPullMs();
}

bool SyncEngine::isProductClientRefused() const
{
    return m_pusher->isProductClientRefused();
}

int SyncEngine::heldCount() const
{
    return m_pusher->heldCount();
}

QString SyncEngine::heldReason() const
{
    return m_pusher->heldReason();
}

void SyncEngine::setEventsUrl(const QUrl &url)
{
    m_live->setUrl(url);
}

bool SyncEngine::isPaused() const
{
    return m_pusher->isPaused();
}

void SyncEngine::pullNow()
{
    m_puller->pullNow();
}

void SyncEngine::refreshDevices(const QStringList &ids)
{
    m_puller->refreshDevices(ids);
}

void SyncEngine::cacheWriteFailed(const QString &error)
{
    if (!error.isEmpty())
        Q_EMIT errorOccurred(Text::tr("Cannot write the local cache: %1").arg(error));
}

QSet<QString> SyncEngine::pendingDevices() const
{
    QSet<QString> ids;
    for (const OutboxEntry &e : m_shared->pending) {
        for (const QString &id : e.deviceIds)
            ids.insert(id);
    }
    return ids;
}

void SyncEngine::start(bool pullNow)
{
    if (pullNow)
        m_puller->pullLater();
    Q_EMIT phaseChanged();
    m_overview->readFirst();
    m_shared->store->load(this, [engine = this](Store::Snapshot snapshot, QString error) {
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
    m_shared->store->repair(this, [engine = this](Store::RepairReport report, QString error) {
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
        engine->m_shared->replan = report.changesDropped > 0 || damage.losesChanges();
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
        for (const OutboxEntry &e : m_shared->pending)
            ids.append(e.id);
    }
    const QSet<qint64> wanted(ids.cbegin(), ids.cend());
    // An edit's activity row is linked to its first change.
    m_shared->store->activity(
        0, [wanted, done = std::move(done)](QList<Store::ActivityRecord> log) {
            QStringList edits;
            for (auto it = log.crbegin(); it != log.crend(); ++it) {
                if (it->outboxId != 0 && it->action != QLatin1String("push")
                    && wanted.contains(it->outboxId))
                    edits.append(it->subject);
            }
            done(edits);
        });
}

void SyncEngine::activity(const Store::ActivityQuery &filter, QObject *context,
    std::function<void(QList<Store::ActivityRecord>)> done) const
{
    m_shared->store->activity(filter, context, std::move(done));
}

void SyncEngine::block(const QString &reason)
{
    if (!m_repairing)
        disconnect(m_afterRepair); // a repair's report is for the cache it repaired only
    m_blocked = reason;
    m_shared->loaded = false;
    m_pusher->stop();
    m_refreshTimer.stop();
    qCWarning(lcSync).noquote() << reason;
    Q_EMIT phaseChanged();
}

QString SyncEngine::notReady() const
{
    if (!m_blocked.isEmpty())
        return m_blocked;
    if (!m_shared->loaded)
        return Text::tr("The fleet is still loading");
    return {};
}

void SyncEngine::loadSnapshot(Store::Snapshot snapshot)
{
    m_shared->state = FleetState::fromSnapshot(snapshot);
    m_shared->pending.clear();
    for (const OutboxEntry &e : std::as_const(snapshot.outbox)) {
        if (e.state == OutboxEntry::State::Pending)
            m_shared->pending.append(e);
    }
    m_puller->setLastFullPullMs(
        snapshot.syncState.value(QStringLiteral("last_full_pull_ms")).toLongLong());
    m_shared->loaded = true;
    qCInfo(lcSync) << "loaded" << m_shared->state.devices.size() << "devices,"
                   << m_shared->pending.size() << "pending changes";
    Q_EMIT loaded();
    Q_EMIT pendingChanged(pendingCount());
    Q_EMIT phaseChanged();
    if (m_shared->config.refreshIntervalMs > 0)
        m_refreshTimer.start();
    startEvents();
    m_pusher->schedule();
    m_puller->resume();
    if (m_reloadWanted)
        startReload(); // another process wrote while the cache was being read
}

void SyncEngine::setAccessToken(const QString &token)
{
    m_shared->client->setAccessToken(token);
    m_live->setAccessToken(token);
    if (!token.isEmpty()) {
        setSignedOut(false);
        startEvents();
        m_pusher->schedule();
        if (m_shared->loaded)
            m_puller->resume();
    }
}

void SyncEngine::setProductClient(const QString &clientId, const QString &clientSecret)
{
    m_pusher->setProductClient(clientId, clientSecret);
}

void SyncEngine::setSignedOut(bool signedOut)
{
    if (m_shared->signedOut == signedOut)
        return;
    m_shared->signedOut = signedOut;
    if (signedOut) {
        m_pusher->stop();
        m_live->stop();
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
    return m_live->isConnected();
}

void SyncEngine::startEvents()
{
    m_live->start();
}

void SyncEngine::whenCommitted(std::function<void()> fn)
{
    if (m_shared->uncommitted == 0) {
        fn();
        return;
    }
    m_shared->store->flush(
        this, [this, fn = std::move(fn)]() mutable { whenCommitted(std::move(fn)); });
}

void SyncEngine::publish(const FleetDelta &delta, bool writeToCache)
{
    if (delta.isEmpty())
        return;
    if (m_reload)
        noteTouched(delta);
    apply(m_shared->state, delta);
    Q_EMIT fleetChanged(delta);
    if (writeToCache) {
        m_shared->store->applyPull(
            delta.toChangeSet(), {}, this, [this](QString error) { cacheWriteFailed(error); });
    }
}

void SyncEngine::noteCloudChange(
    const QStringList &deviceIds, const std::function<void(Domain::Device &)> &change)
{
    while (!m_shared->cloudNotes.isEmpty()
        && m_shared->cloudNotes.first().atMs < nowMs() - RecentKeepMs)
        m_shared->cloudNotes.removeFirst();
    m_shared->cloudNotes.append({nowMs(), deviceIds, change, QString()});
    whenCommitted([this, deviceIds, change] {
        const QHash<QString, int> released = m_shared->state.releasedVersionByGroup();
        const std::optional<int> productDefault = m_shared->state.productDefault();
        FleetDelta delta;
        for (const QString &id : deviceIds) {
            const auto it = m_shared->state.devices.constFind(id);
            if (it == m_shared->state.devices.cend())
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
    m_shared->cloudNotes.append({nowMs(), {}, {}, name});
    whenCommitted([this, name] {
        if (!m_shared->state.groups.contains(name))
            return;
        FleetDelta delta;
        delta.removedGroups.append(name);
        FleetState after; // the releases once the group is gone
        after.firmware = m_shared->state.firmware;
        for (Domain::Firmware &fw : after.firmware)
            fw.groups.removeAll(name);
        const QHash<QString, int> released = after.releasedVersionByGroup();
        const std::optional<int> productDefault = after.productDefault();
        for (const Domain::Firmware &fw : std::as_const(after.firmware)) {
            if (!(fw == m_shared->state.firmware.value(fw.version)))
                delta.changedFirmware.append(fw);
        }
        for (const Domain::Device &device : std::as_const(m_shared->state.devices)) {
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

void SyncEngine::pushNow()
{
    m_pusher->pushNow();
}

void SyncEngine::setPaused(bool paused)
{
    if (m_pusher->isPaused() == paused)
        return;
    m_pusher->setPaused(paused);
    Q_EMIT phaseChanged();
    if (!paused)
        m_pusher->schedule(0);
}

// --- local edits ------------------------------------------------------------------------

QString SyncEngine::moveDevices(
    const QStringList &deviceIds, const Domain::MoveTarget &target, Store::ActivityRecord activity)
{
    if (const QString why = notReady(); !why.isEmpty())
        return why;
    const Domain::Hierarchy hierarchy = m_shared->state.hierarchy();
    QString targetTitle;
    switch (target.kind) {
    case Domain::MoveTarget::Kind::Node:
        if (!hierarchy.node(target.path))
            return Text::tr("The customer or group to move to is not in the tree any more");
        targetTitle = Domain::titlePath(hierarchy, target.path);
        break;
    case Domain::MoveTarget::Kind::Returns:
        targetTitle = Text::tr("Returns");
        break;
    case Domain::MoveTarget::Kind::Unassigned:
        targetTitle = Text::tr("Unassigned");
        break;
    }
    QString error;
    const QList<OutboxEntry> entries
        = Outbox::moveEntries(m_shared->state, deviceIds, target, m_shared->batchSize(), &error);
    if (!error.isEmpty())
        return error;
    if (entries.isEmpty())
        return QString();
    activity.action = QStringLiteral("move");
    if (activity.subject.isEmpty())
        activity.subject
            = Text::tr("%Ln devices to %1", nullptr, static_cast<int>(deviceIds.size()))
                  .arg(targetTitle);
    if (activity.devices == 0)
        activity.devices
            = static_cast<int>(QSet<QString>(deviceIds.cbegin(), deviceIds.cend()).size());
    if (activity.toText.isEmpty())
        activity.toText = targetTitle;
    if (activity.fromText.isEmpty()) {
        // Where the devices are now: one place, or how many.
        QSet<QString> places;
        for (const QString &id : deviceIds) {
            const auto it = m_shared->state.devices.constFind(id);
            if (it == m_shared->state.devices.cend())
                continue;
            const Domain::Placement p = Domain::placeDevice(it->groups, hierarchy);
            switch (p.kind) {
            case Domain::PlacementKind::Node:
                places.insert(Domain::titlePath(hierarchy, p.path));
                break;
            case Domain::PlacementKind::Returns:
                places.insert(hierarchy.returnsTitle().isEmpty() ? Text::tr("Returns")
                                                                 : hierarchy.returnsTitle());
                break;
            case Domain::PlacementKind::Unassigned:
                places.insert(Text::tr("Unassigned"));
                break;
            case Domain::PlacementKind::Inconsistent:
                places.insert(Text::tr("Needs repair"));
                break;
            }
        }
        if (places.size() == 1)
            activity.fromText = *places.cbegin();
        else if (places.size() > 1)
            activity.fromText = Text::tr("%Ln places", nullptr, static_cast<int>(places.size()));
    }
    return applyEdit(std::move(activity), entries);
}

QString SyncEngine::updateDevice(const QString &deviceId, const QJsonObject &fields)
{
    if (!m_shared->state.devices.contains(deviceId))
        return Text::tr("Unknown device %1").arg(deviceId);
    return applyEdit(QStringLiteral("update"), deviceId, {Outbox::updateDevice(deviceId, fields)});
}

QString SyncEngine::createGroup(const Domain::Group &group)
{
    if (m_shared->state.groups.contains(group.name))
        return Text::tr("%1 exists already").arg(describeGroup(m_shared->state, group.name));
    const auto tag = Domain::parseDescription(group.description);
    return applyEdit(QStringLiteral("create group"),
        tag && !tag->title.isEmpty() ? tag->title : group.name, {Outbox::createGroup(group)});
}

QString SyncEngine::updateGroup(const QString &name, const QJsonObject &fields)
{
    if (!m_shared->state.groups.contains(name))
        return Text::tr("This customer or group is not in the tree any more");
    const QString to = fields.value(QStringLiteral("name")).toString();
    if (!to.isEmpty() && to != name && m_shared->state.groups.contains(to))
        return Text::tr("%1 exists already").arg(describeGroup(m_shared->state, to));
    return applyEdit(QStringLiteral("update group"), describeGroup(m_shared->state, name),
        {Outbox::updateGroup(name, fields)});
}

QString SyncEngine::deleteGroup(const QString &name)
{
    if (!m_shared->state.groups.contains(name))
        return Text::tr("This customer or group is not in the tree any more");
    return applyEdit(QStringLiteral("delete group"), describeGroup(m_shared->state, name),
        {Outbox::deleteGroup(name)});
}

QString SyncEngine::applyEdit(
    const QString &action, const QString &subject, const QList<OutboxEntry> &entries)
{
    Store::ActivityRecord activity;
    activity.action = action;
    activity.subject = subject;
    return applyEdit(std::move(activity), entries);
}

QString SyncEngine::applyEdit(Store::ActivityRecord activity, const QList<OutboxEntry> &entries)
{
    activity.result = QStringLiteral("queued");
    if (activity.devices == 0) {
        QSet<QString> devices;
        for (const OutboxEntry &e : entries) {
            for (const QString &id : e.deviceIds)
                devices.insert(id);
        }
        activity.devices = static_cast<int>(devices.size());
    }
    return applyLocalEdit(std::move(activity), entries, {}, {});
}

void SyncEngine::queueEdit(const Store::ActivityRecord &activity, const QList<OutboxEntry> &entries,
    const QList<qint64> &replaces, std::function<void(const QString &error)> done)
{
    const QString error = applyLocalEdit(activity, entries, replaces, done);
    if (!error.isEmpty())
        done(error);
}

QString SyncEngine::applyLocalEdit(Store::ActivityRecord activity,
    const QList<OutboxEntry> &entries, const QList<qint64> &replaces,
    std::function<void(const QString &error)> done)
{
    if (const QString why = notReady(); !why.isEmpty())
        return why;
    // The local effect: every entry applied to a copy of what it touches.
    QMap<QString, Domain::Group> groups = m_shared->state.groups;
    QMap<int, Domain::Firmware> firmware = m_shared->state.firmware;
    QHash<QString, Domain::Device> devices;
    bool allDevices = false;
    for (const OutboxEntry &e : entries) {
        Outbox::applyToGroups(groups, e);
        Outbox::applyToFirmware(firmware, e);
        allDevices = allDevices || Outbox::touchesAllDevices(e);
        for (const QString &id : e.deviceIds) {
            if (!devices.contains(id) && m_shared->state.devices.contains(id))
                devices.insert(id, m_shared->state.devices.value(id));
        }
    }
    if (allDevices) {
        for (auto it = m_shared->state.devices.cbegin(); it != m_shared->state.devices.cend(); ++it)
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
    const FleetDelta delta = diff(m_shared->state, incoming, false);
    const FleetDelta undo = [&] {
        FleetDelta u;
        for (const Domain::Device &d : delta.changedDevices)
            u.changedDevices.append(m_shared->state.devices.value(d.id));
        for (const Domain::Group &g : delta.addedGroups)
            u.removedGroups.append(g.name);
        for (const Domain::Group &g : delta.changedGroups)
            u.changedGroups.append(m_shared->state.groups.value(g.name));
        for (const QString &name : delta.removedGroups)
            u.addedGroups.append(m_shared->state.groups.value(name));
        for (const Domain::Firmware &fw : delta.changedFirmware)
            u.changedFirmware.append(m_shared->state.firmware.value(fw.version));
        return u;
    }();

    Store::LocalEdit edit;
    edit.effect = delta.toChangeSet();
    edit.outbox = entries;
    edit.activity = std::move(activity);
    edit.activity.actor = m_shared->config.actor;
    if (edit.activity.source.isEmpty())
        edit.activity.source = m_shared->config.source;
    edit.replaces = replaces;
    publish(delta, false);
    m_shared->uncommitted += static_cast<int>(entries.size());
    Q_EMIT pendingChanged(pendingCount());
    m_shared->store->applyLocalEdit(edit, this,
        [this, entries, undo, replaces, done = std::move(done)](QList<qint64> ids, QString error) {
            committed(entries, undo, replaces, ids, error);
            if (done)
                done(error.isEmpty() && ids.size() != entries.size()
                        ? Text::tr("The cache did not keep every change")
                        : error);
        });
    return QString();
}

void SyncEngine::committed(const QList<OutboxEntry> &entries, const FleetDelta &undo,
    const QList<qint64> &replaces, const QList<qint64> &ids, const QString &error)
{
    m_shared->uncommitted -= static_cast<int>(entries.size());
    if (!error.isEmpty() || ids.size() != entries.size()) {
        Q_EMIT pendingChanged(pendingCount());
        // Not in the cache, so not in the outbox: take the local effect back.
        Q_EMIT errorOccurred(Text::tr("The change could not be saved: %1").arg(error));
        publish(undo, false);
        return;
    }
    // The entries these take the place of were marked done with them.
    if (!replaces.isEmpty()) {
        const QSet<qint64> replaced(replaces.cbegin(), replaces.cend());
        m_shared->pending.erase(std::remove_if(m_shared->pending.begin(), m_shared->pending.end(),
                                    [&](const OutboxEntry &e) { return replaced.contains(e.id); }),
            m_shared->pending.end());
    }
    QSet<QString> ownerChanged;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        OutboxEntry e = entries.at(i);
        e.id = ids.at(i);
        if (e.kind == Outbox::DeviceClaim || e.kind == Outbox::DeviceUnclaim)
            ownerChanged.insert(e.deviceIds.value(0));
        m_shared->pending.append(e);
    }
    m_pusher->dropSupersededClaims(ownerChanged, ids);
    Q_EMIT pendingChanged(pendingCount());
    m_pusher->schedule();
}

} // namespace Flotilla::Sync
