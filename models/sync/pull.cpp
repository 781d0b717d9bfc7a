// SPDX-License-Identifier: MIT
#include "sync/pull.h"

#include "domain/hierarchy.h"
#include "domain/precedence.h"
#include "domain/text.h"
#include "remote/apierror.h"
#include "remote/particleclient.h"
#include "store/cachestore.h"
#include "sync/outboxops.h"
#include "sync/synchost.h"
#include "sync/synclog.h"
#include "sync/syncshared.h"

#include <QElapsedTimer>
#include <QSet>

#include <algorithm>

namespace Flotilla::Sync::Detail {

using Remote::ApiError;
using Store::OutboxEntry;

namespace {

constexpr int RefreshManyThreshold = 200;

} // namespace

struct Puller::PullJob
{
    quint64 generation = 0;
    qint64 startedMs = 0;
    int outstanding = 0;
    bool failed = false;
    CloudContent incoming;
    QElapsedTimer timer;
};

Puller::Puller(SyncShared &shared, SyncHost &host, QObject *parent)
    : QObject(parent)
    , m_shared(shared)
    , m_host(host)
{ }

Puller::~Puller() = default;

void Puller::resume()
{
    if (!m_again)
        return;
    m_again = false;
    pullNow();
}

void Puller::pullNow()
{
    if (!m_shared.loaded || m_shared.signedOut) {
        m_again = true; // once loaded, or signed in again
        return;
    }
    if (m_pull) {
        m_again = true;
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
    Q_EMIT started();
    const int product = m_shared.config.productId;
    const quint64 generation = job->generation;
    const auto alive = [this, generation] {
        return m_pull && m_pull->generation == generation && !m_pull->failed;
    };
    const auto stepDone = [this, job] {
        if (--job->outstanding == 0)
            finishPull();
    };
    job->outstanding = 4;
    m_shared.client->listGroups(product, this, [=, this](Remote::Result<QList<Domain::Group>> r) {
        if (!alive())
            return;
        if (!r.ok())
            return failPull(r.error);
        for (const Domain::Group &g : std::as_const(*r.value))
            job->incoming.groups->insert(g.name, g);
        stepDone();
    });
    m_shared.client->listFirmware(
        product, this, [=, this](Remote::Result<QList<Domain::Firmware>> r) {
            if (!alive())
                return;
            if (!r.ok())
                return failPull(r.error);
            for (const Domain::Firmware &f : std::as_const(*r.value))
                job->incoming.firmware->insert(f.version, f);
            stepDone();
        });
    m_shared.client->listCustomers(
        product, this, [=, this](Remote::Result<QList<Domain::Customer>> r) {
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
    first.perPage = m_shared.config.perPage;
    m_shared.client->listDevices(
        product, first, this, [=, this](Remote::Result<Remote::DevicePage> r) {
            if (!alive())
                return;
            if (!r.ok())
                return failPull(r.error);
            // Room for what the first answer announces, within reason (a hash grows by itself).
            job->incoming.devices.reserve(static_cast<qsizetype>(
                std::min<qint64>(qint64(r.value->totalPages) * m_shared.config.perPage, 200000)));
            // Every other page at once: the client keeps the number on the wire bounded.
            for (int page = 2; page <= r.value->totalPages; ++page) {
                ++job->outstanding;
                Remote::DeviceQuery q = first;
                q.page = page;
                m_shared.client->listDevices(product, q, this, onPage);
            }
            onPage(std::move(r));
        });
}

void Puller::pullThen(Done done)
{
    if (m_shared.signedOut) {
        ApiError error;
        error.kind = ApiError::Kind::Unauthorized;
        error.message = Text::tr("Signed out");
        done(error);
        return;
    }
    // The next pull started gets the next number, whether one runs now or not.
    m_waiters.append({m_pullGeneration + 1, std::move(done)});
    pullNow();
}

void Puller::answerWaiters(quint64 generation, const ApiError &error)
{
    QList<Done> answered;
    for (auto it = m_waiters.begin(); it != m_waiters.end();) {
        if (error.isError() || it->first <= generation) {
            answered.append(std::move(it->second));
            it = m_waiters.erase(it);
        } else {
            ++it;
        }
    }
    for (const Done &done : std::as_const(answered))
        done(error);
}

void Puller::failPull(const ApiError &error)
{
    if (!m_pull)
        return;
    const quint64 generation = m_pull->generation;
    m_pull->failed = true;
    m_pull.reset();
    qCWarning(lcSync) << "pull failed:" << error.toString();
    m_again = false;
    if (error.kind == ApiError::Kind::Unauthorized && m_shared.client->isSignedOut()) {
        m_host.setSignedOut(true);
        m_again = true; // after signing in again
    } else if (error.isTransient()) {
        m_host.setOnline(false);
    }
    Q_EMIT finished(false, error.message);
    // A failed pull fails every wait for one (the pull asked for meanwhile is not run now).
    ApiError failure = error;
    if (!failure.isError()) {
        failure.kind = ApiError::Kind::Server; // the cache could not be written: try again
        failure.message = Text::tr("The devices could not be read");
    }
    answerWaiters(generation, failure);
}

void Puller::finishPull()
{
    QStringList missing;
    for (auto it = m_shared.state.devices.cbegin(); it != m_shared.state.devices.cend(); ++it) {
        if (!m_pull->incoming.devices.contains(it.key()))
            missing.append(it.key());
    }
    // Pages of a listing move when devices come and go while it runs: check the few devices
    // that seem gone one by one before removing them.
    if (!missing.isEmpty() && missing.size() <= m_shared.config.verifyMissingLimit)
        verifyMissing(missing);
    else
        commitPull();
}

void Puller::verifyMissing(const QStringList &missing)
{
    PullJob *job = m_pull.get();
    const quint64 generation = job->generation;
    job->outstanding = static_cast<int>(missing.size());
    for (const QString &id : missing) {
        m_shared.client->getDevice(m_shared.config.productId, id, this,
            [this, generation](Remote::Result<Domain::Device> r) {
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

void Puller::rebaseIncoming(CloudContent &incoming, qint64 sinceMs) const
{
    // Changes the cloud confirmed while the answers were on their way may be missing from
    // them; changes still queued certainly are. Both go on top, in queue order.
    QList<OutboxEntry> entries;
    for (const auto &[at, e] : m_shared.recent) {
        if (at >= sinceMs)
            entries.append(e);
    }
    entries += m_shared.pending;
    QSet<QString> touched;
    // What Flotilla changed in the cloud outside the outbox (rollouts) goes first: the outbox's
    // own entries were queued later or confirmed in their own order.
    for (const CloudNote &note : m_shared.cloudNotes) {
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
        const auto local = m_shared.state.devices.constFind(it.key());
        if (local != m_shared.state.devices.cend() && local->lastHeardMs > it->lastHeardMs) {
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
    releases.firmware = incoming.firmware ? *incoming.firmware : m_shared.state.firmware;
    const QHash<QString, int> released = releases.releasedVersionByGroup();
    const std::optional<int> productDefault = releases.productDefault();
    for (const QString &id : std::as_const(touched)) {
        Domain::Device &d = incoming.devices[id];
        d.targetedFirmwareVersion = Domain::effectiveTarget(d, released, productDefault);
    }
}

void Puller::commitPull()
{
    // An edit still being written is not in m_shared.pending yet: wait for it, or the pull would
    // take it back.
    if (m_shared.uncommitted > 0) {
        const quint64 generation = m_pull->generation;
        m_host.whenCommitted([this, generation] {
            if (m_pull && m_pull->generation == generation && !m_pull->failed)
                commitPull();
        });
        return;
    }
    if (m_shared.replan) {
        replanKeptChanges();
        return;
    }
    CloudContent incoming = std::move(m_pull->incoming);
    rebaseIncoming(incoming, m_pull->startedMs);
    const FleetDelta delta = diff(m_shared.state, incoming, true);
    const qint64 elapsed = m_pull->timer.elapsed();
    const quint64 generation = m_pull->generation;
    m_lastFullPullMs = nowMs();
    m_pull.reset();
    qCInfo(lcSync) << "pull:" << incoming.devices.size() << "devices in" << elapsed << "ms,"
                   << delta.size() << "changes";
    m_host.publish(delta, false);
    m_shared.store->applyPull(delta.toChangeSet(),
        {{QStringLiteral("last_full_pull_ms"), QString::number(m_lastFullPullMs)}}, this,
        [this](QString error) {
            if (!error.isEmpty())
                Q_EMIT errorOccurred(Text::tr("Cannot write the local cache: %1").arg(error));
        });
    const qint64 oldest = nowMs() - RecentKeepMs;
    m_shared.recent.erase(std::remove_if(m_shared.recent.begin(), m_shared.recent.end(),
                              [oldest](const auto &p) { return p.first < oldest; }),
        m_shared.recent.end());
    m_shared.cloudNotes.erase(std::remove_if(m_shared.cloudNotes.begin(), m_shared.cloudNotes.end(),
                                  [oldest](const CloudNote &n) { return n.atMs < oldest; }),
        m_shared.cloudNotes.end());
    m_host.setOnline(true);
    Q_EMIT finished(true, QString());
    answerWaiters(generation, ApiError());
    if (m_again) {
        m_again = false;
        pullNow();
    }
}

void Puller::refreshDevices(const QStringList &ids, Done done)
{
    if (ids.isEmpty()) {
        if (done)
            done(ApiError());
        return;
    }
    if (m_shared.signedOut || ids.size() > RefreshManyThreshold) {
        if (done)
            pullThen(std::move(done));
        else
            pullNow();
        return;
    }
    struct Job
    {
        qint64 startedMs = 0;
        int outstanding = 0;
        bool failed = false;
        ApiError error; // the first failure
        CloudContent incoming;
        QStringList gone;
        Done done;
    };
    auto job = std::make_shared<Job>();
    job->startedMs = nowMs();
    job->outstanding = static_cast<int>(ids.size());
    job->done = std::move(done);
    for (const QString &id : ids) {
        m_shared.client->getDevice(
            m_shared.config.productId, id, this, [this, job, id](Remote::Result<Domain::Device> r) {
                if (r.ok()) {
                    job->incoming.devices.insert(r.value->id, *r.value);
                } else if (r.error.kind == ApiError::Kind::NotFound) {
                    job->gone.append(id);
                } else {
                    if (!job->failed)
                        job->error = r.error;
                    job->failed = true;
                    Q_EMIT deviceUnread(id); // tried again when it shows up next
                }
                if (--job->outstanding > 0)
                    return;
                m_host.whenCommitted([this, job] {
                    rebaseIncoming(job->incoming, job->startedMs);
                    FleetDelta delta = diff(m_shared.state, job->incoming, false);
                    for (const QString &g : std::as_const(job->gone)) {
                        if (m_shared.state.devices.contains(g))
                            delta.removedDevices.append(g);
                    }
                    m_host.publish(delta, true);
                    // What could not be read is read again with the next full pull.
                    if (job->failed)
                        pullNow();
                    if (job->done)
                        job->done(job->failed ? job->error : ApiError());
                });
            });
    }
}

void Puller::refreshReleases()
{
    if (m_shared.signedOut || !m_shared.loaded)
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
        m_host.whenCommitted([this, job] {
            rebaseIncoming(job->incoming, nowMs());
            FleetDelta delta = diff(m_shared.state, job->incoming, false);
            // Targets follow the releases: recompute them here rather than reading every page.
            FleetState releases;
            releases.firmware = *job->incoming.firmware;
            const QHash<QString, int> released = releases.releasedVersionByGroup();
            const std::optional<int> productDefault = releases.productDefault();
            for (const Domain::Device &d : std::as_const(m_shared.state.devices)) {
                const std::optional<int> target
                    = Domain::effectiveTarget(d, released, productDefault);
                if (target != d.targetedFirmwareVersion) {
                    Domain::Device changed = d;
                    changed.targetedFirmwareVersion = target;
                    delta.changedDevices.append(changed);
                }
            }
            m_host.publish(delta, true);
        });
    };
    m_shared.client->listGroups(
        m_shared.config.productId, this, [job, done](Remote::Result<QList<Domain::Group>> r) {
            if (r.ok()) {
                for (const Domain::Group &g : std::as_const(*r.value))
                    job->incoming.groups->insert(g.name, g);
            } else {
                job->failed = true;
            }
            done();
        });
    m_shared.client->listFirmware(
        m_shared.config.productId, this, [job, done](Remote::Result<QList<Domain::Firmware>> r) {
            if (r.ok()) {
                for (const Domain::Firmware &f : std::as_const(*r.value))
                    job->incoming.firmware->insert(f.version, f);
            } else {
                job->failed = true;
            }
            done();
        });
}

void Puller::replanKeptChanges()
{
    // What this console meant for a device is its local state as the cache kept it (every edit
    // wrote its local effect with its changes). For each device of a kept change: from the
    // cloud's groups and owner to those, in place of the kept changes.
    static const QSet<QString> deviceKinds {
        Outbox::DeviceGroups, Outbox::DeviceClaim, Outbox::DeviceUnclaim};
    const CloudContent &cloud = m_pull->incoming;
    const Domain::Hierarchy hierarchy = m_shared.state.hierarchy();
    const auto inTree
        = [&](const QString &g) { return hierarchy.isNode(g) || g == Domain::ReturnsGroupName; };
    QList<qint64> replaced;
    QStringList devices;
    for (const OutboxEntry &e : std::as_const(m_shared.pending)) {
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
        const auto meant = m_shared.state.devices.constFind(id);
        const auto now = cloud.devices.constFind(id);
        if (meant == m_shared.state.devices.cend() || now == cloud.devices.cend()) {
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
    for (const Domain::DeviceBatch &batch : Domain::batchByDelta(deltas, m_shared.batchSize()))
        edit.outbox.append(Outbox::groups(batch.deviceIds, batch.delta));
    edit.outbox += ownership;
    edit.replaces = replaced;
    if (!dropped.isEmpty())
        qCWarning(lcSync) << "changes of" << dropped.size()
                          << "devices are dropped: what was meant for them is not known";
    qCInfo(lcSync) << "after the repair," << devices.size() << "devices' changes are planned again";
    const quint64 generation = m_pull->generation;
    const QList<OutboxEntry> fresh = edit.outbox;
    m_shared.store->applyLocalEdit(
        edit, this, [this, generation, replaced, fresh](QList<qint64> ids, QString error) {
            if (!error.isEmpty() || ids.size() != fresh.size()) {
                // Nothing was replaced: nothing is sent until it can be planned again.
                Q_EMIT errorOccurred(Text::tr("Cannot write the local cache: %1").arg(error));
                if (m_pull && m_pull->generation == generation)
                    failPull(ApiError());
                return;
            }
            const QSet<qint64> old(replaced.cbegin(), replaced.cend());
            m_shared.pending.erase(std::remove_if(m_shared.pending.begin(), m_shared.pending.end(),
                                       [&](const OutboxEntry &e) { return old.contains(e.id); }),
                m_shared.pending.end());
            for (qsizetype i = 0; i < fresh.size(); ++i) {
                OutboxEntry e = fresh.at(i);
                e.id = ids.at(i);
                m_shared.pending.append(e);
            }
            m_shared.replan = false;
            Q_EMIT pendingChanged();
            if (m_pull && m_pull->generation == generation)
                commitPull();
            Q_EMIT replanned();
        });
}

} // namespace Flotilla::Sync::Detail
