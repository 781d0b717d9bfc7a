// SPDX-License-Identifier: MIT
#include "sync/push.h"

#include "domain/hierarchy.h"
#include "domain/moves.h"
#include "domain/text.h"
#include "remote/apierror.h"
#include "remote/particleclient.h"
#include "store/cachestore.h"
#include "sync/outboxops.h"
#include "sync/pull.h"
#include "sync/synchost.h"
#include "sync/synclog.h"
#include "sync/syncshared.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>
#include <memory>

namespace Flotilla::Sync::Detail {

using Remote::ApiError;
using Store::OutboxEntry;

namespace {

constexpr qint64 DefaultPushRunDevices = 20000;
constexpr qsizetype MinSplitBatch = 100; // a refused batch this small is refused, not too large

} // namespace

Pusher::Pusher(SyncShared &shared, SyncHost &host, Puller &puller, QObject *parent)
    : QObject(parent)
    , m_shared(shared)
    , m_host(host)
    , m_puller(puller)
    , m_handlers(shared, host, puller)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Pusher::pushNext);
    connect(&m_handlers, &PushHandlers::errorOccurred, this, &Pusher::errorOccurred);
    connect(&m_handlers, &PushHandlers::importFinished, this, &Pusher::importFinished);
    connect(&m_handlers.tokens(), &CustomerTokens::available, this, [this] {
        if (!m_held.isEmpty() && !m_handlers.tokens().isClientRefused()) {
            m_held.clear();
            schedule(0);
        }
    });
}

Pusher::~Pusher() = default;

void Pusher::pushNow()
{
    m_failures = 0;
    schedule(0);
}

void Pusher::setProductClient(const QString &clientId, const QString &clientSecret)
{
    m_handlers.tokens().setProductClient(clientId, clientSecret);
    if (!m_held.isEmpty()) {
        m_held.clear();
        schedule(0);
    }
}

void Pusher::dropSupersededClaims(const QSet<QString> &devices, const QList<qint64> &newIds)
{
    // A held claim that a newer claim or unclaim of its device replaces (an undo, or a move
    // on) is not sent any more: it would block the newer changes of that device meanwhile.
    QList<qint64> superseded;
    for (const OutboxEntry &e : std::as_const(m_shared.pending)) {
        if (m_held.contains(e.id) && devices.contains(e.deviceIds.value(0))
            && !newIds.contains(e.id))
            superseded.append(e.id);
    }
    if (superseded.isEmpty())
        return;
    m_shared.store->completeOutbox(superseded, {});
    for (const qint64 id : std::as_const(superseded))
        m_held.remove(id);
    m_shared.pending.erase(std::remove_if(m_shared.pending.begin(), m_shared.pending.end(),
                               [&](const OutboxEntry &e) { return superseded.contains(e.id); }),
        m_shared.pending.end());
}

void Pusher::pushSingle(const OutboxEntry &entry)
{
    const QList<OutboxEntry> one {entry};
    ++m_requests[entry.id];
    m_handlers.send(
        entry,
        [this, one](const ApiError &error) {
            if (error.isError())
                entriesFailed(one, error);
            else
                entriesSucceeded(one, QStringLiteral("done"));
        },
        [this, entry](const ApiError &error) { holdForClient(entry, error); });
}

void Pusher::schedule(int delayMs)
{
    if (m_pushing || m_paused || !m_shared.driving || m_shared.signedOut || !m_shared.loaded
        || m_shared.pending.isEmpty() || (!m_held.isEmpty() && sendable().isEmpty()))
        return;
    // A new edit does not cut short the wait after a failure.
    if (m_timer.isActive() && m_failures > 0 && m_timer.remainingTime() > delayMs)
        return;
    m_timer.start(delayMs);
}

void Pusher::pushNext()
{
    if (m_pushing || m_paused || !m_shared.driving || m_shared.signedOut || !m_shared.loaded
        || m_shared.pending.isEmpty())
        return;
    const QList<OutboxEntry> queue = sendable();
    if (queue.isEmpty())
        return;
    // Edits still being written go out with the rest: wait the few milliseconds for them.
    if (m_shared.uncommitted > 0) {
        m_host.whenCommitted([this] { pushNext(); });
        return;
    }
    m_pushing = true;
    Q_EMIT busyChanged();
    const OutboxEntry &front = queue.first();
    if (front.kind != Outbox::DeviceGroups) {
        pushSingle(front);
        return;
    }
    // When everything queued is group changes (typically work done offline), the changes are
    // merged per device and compacted: one request per distinct add/remove set, and a device
    // moved twice goes straight to its final place. Otherwise a run of group changes that touch
    // different devices goes out together, one request each, in queue order.
    const bool allGroups = m_shared.uncommitted == 0
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

void Pusher::pushGroups(const QList<OutboxEntry> &entries)
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
    const QList<Domain::DeviceBatch> batches = Domain::batchByDelta(merged, m_shared.batchSize());
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
    m_shared.store->applyLocalEdit(
        edit, this, [this, oldIds, compacted](QList<qint64> ids, QString error) {
            if (!error.isEmpty() || ids.size() != compacted.size()) {
                Q_EMIT errorOccurred(Text::tr("Cannot write the local cache: %1").arg(error));
                m_pushing = false;
                ++m_failures;
                Q_EMIT busyChanged();
                m_timer.start(m_shared.config.retryMaxMs);
                return;
            }
            QList<OutboxEntry> fresh = compacted;
            for (qsizetype i = 0; i < fresh.size(); ++i)
                fresh[i].id = ids.at(i);
            const QSet<qint64> replaced(oldIds.cbegin(), oldIds.cend());
            for (const qint64 id : oldIds)
                m_requests.remove(id); // their earlier attempts are not the new entries'
            m_shared.pending.erase(
                std::remove_if(m_shared.pending.begin(), m_shared.pending.end(),
                    [&](const OutboxEntry &e) { return replaced.contains(e.id); }),
                m_shared.pending.end());
            // Anything queued meanwhile came after them.
            for (qsizetype i = 0; i < fresh.size(); ++i)
                m_shared.pending.insert(i, fresh.at(i));
            Q_EMIT pendingChanged();
            sendBatches(fresh);
        });
}

void Pusher::sendBatches(const QList<OutboxEntry> &entries)
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
            entry.id, entry.deviceIds, Outbox::deltaOf(entry), [this, run, entry](ApiError error) {
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

void Pusher::sendGroupChange(qint64 entryId, const QStringList &deviceIds,
    const Domain::GroupDelta &delta, std::function<void(ApiError)> done)
{
    // Particle's reference shows batch requests that add groups; whether one request that adds
    // and removes applies both is not documented. Two requests, adding first, are right under
    // either reading (docs/hierarchy.md): between them the device targets the highest release
    // of its old and new groups together, which is its old target or its new one, never a
    // third version.
    if (delta.add.isEmpty()) {
        sendGroupBatch(entryId, deviceIds, {}, delta.remove,
            [done = std::move(done)](ApiError error, bool) { done(error); });
        return;
    }
    // A change refused after some of its groups were added is taken back (the added groups are
    // removed: the device had none of them before), so that no device is left in two places
    // while it is reported as undone. When that cannot be done now, the outcome stays unknown
    // and the change goes again later.
    const auto takeBack = [this, entryId, deviceIds, add = delta.add](
                              ApiError refusal, std::function<void(ApiError)> then) {
        sendGroupBatch(
            entryId, deviceIds, {}, add, [refusal, then = std::move(then)](ApiError error, bool) {
                then(error.isError() ? unknownOutcome(refusal) : refusal);
            });
    };
    sendGroupBatch(entryId, deviceIds, delta.add, {},
        [this, entryId, deviceIds, remove = delta.remove, takeBack, done = std::move(done)](
            ApiError error, bool someApplied) mutable {
            if (isRefusal(error) && someApplied)
                return takeBack(error, std::move(done));
            if (error.isError() || remove.isEmpty())
                return done(error);
            sendGroupBatch(entryId, deviceIds, {}, remove,
                [takeBack, done = std::move(done)](ApiError removeError, bool) mutable {
                    if (isRefusal(removeError))
                        return takeBack(removeError, std::move(done));
                    done(removeError);
                });
        });
}

void Pusher::sendGroupBatch(qint64 entryId, const QStringList &deviceIds, const QStringList &add,
    const QStringList &remove, std::function<void(ApiError, bool)> done)
{
    ++m_requests[entryId];
    m_shared.client->batchGroups(m_shared.config.productId, deviceIds, add, remove, this,
        [this, entryId, deviceIds, add, remove, done = std::move(done)](
            Remote::Result<bool> r) mutable {
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
                if (!error.isError() && half < m_shared.batchLimit) {
                    qCInfo(lcSync) << "the cloud took a batch of" << half
                                   << "devices: sending at most that many at a time";
                    m_shared.batchLimit = static_cast<int>(half);
                }
                if (--split->outstanding == 0)
                    split->done(split->error, split->someApplied);
            };
            sendGroupBatch(entryId, deviceIds.mid(0, half), add, remove, part);
            sendGroupBatch(entryId, deviceIds.mid(half), add, remove, part);
        });
}

void Pusher::holdForClient(const OutboxEntry &entry, const ApiError &error)
{
    const bool first = m_held.isEmpty();
    m_held.insert(entry.id);
    m_heldReason = error.message;
    m_shared.store->failOutbox({entry.id}, error.message, false);
    for (OutboxEntry &e : m_shared.pending) {
        if (e.id == entry.id) {
            ++e.attempts;
            e.lastError = error.message;
        }
    }
    qCWarning(lcSync) << "a claim waits:" << error.toString();
    if (first)
        Q_EMIT claimsWaiting(error.message);
    m_pushing = false;
    Q_EMIT busyChanged();
    Q_EMIT pendingChanged();
    continuePush();
}

QList<OutboxEntry> Pusher::sendable() const
{
    if (m_shared.replan)
        return {}; // kept changes wait to be planned again (after a repair that lost some)
    if (m_held.isEmpty())
        return m_shared.pending;
    // A held claim keeps its device's later changes back too, so they stay in order.
    QList<OutboxEntry> out;
    QSet<QString> blocked;
    for (const OutboxEntry &e : m_shared.pending) {
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

Store::ActivityRecord Pusher::sentRecord(const QList<OutboxEntry> &entries) const
{
    Store::ActivityRecord record;
    record.actor = m_shared.config.actor;
    record.source = Store::ActivitySource::Sync;
    record.action = QStringLiteral("push");
    record.subject = describe(entries);
    QSet<QString> devices;
    for (const OutboxEntry &e : entries) {
        for (const QString &id : e.deviceIds)
            devices.insert(id);
    }
    record.devices = static_cast<int>(devices.size());
    return record;
}

QString Pusher::describe(const QList<OutboxEntry> &entries) const
{
    // For people: titles, never group names or kinds of outbox entries.
    QSet<QString> devices;
    for (const OutboxEntry &e : entries) {
        for (const QString &id : e.deviceIds)
            devices.insert(id);
    }
    const OutboxEntry &first = entries.first();
    const Domain::Hierarchy hierarchy = m_shared.state.hierarchy();
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
        return Text::tr("claiming %Ln devices to their customer", nullptr, n);
    if (first.kind == Outbox::DeviceUnclaim)
        return Text::tr("releasing %Ln devices from their customer", nullptr, n);
    if (first.kind == Outbox::DeviceUpdate)
        return Text::tr("changing the names or notes of %Ln devices", nullptr, n);
    if (first.kind == Outbox::DeviceImport) {
        // Its devices are not in the fleet: the rows of the import count them.
        const int rows
            = static_cast<int>(first.payload.value(QStringLiteral("placements")).toArray().size());
        if (rows == 0) // a damaged import
            return Text::tr("importing devices");
        return Text::tr("importing %Ln devices", nullptr, rows);
    }
    return Text::tr("moving %Ln devices", nullptr, n);
}

void Pusher::entriesSucceeded(const QList<OutboxEntry> &entries, const QString &result)
{
    markDone(entries, result);
    finishRun();
}

void Pusher::markDone(const QList<OutboxEntry> &entries, const QString &result)
{
    QList<qint64> ids;
    QList<OutboxEntry> toComplete;
    int requests = 0;
    for (const OutboxEntry &e : entries) {
        ids.append(e.id);
        requests += m_requests.take(e.id);
        // An import marks itself done with the entries it queues (its own activity row).
        if (!m_handlers.takeCompleted(e.id))
            toComplete.append(e);
    }
    if (!toComplete.isEmpty()) {
        QList<qint64> completeIds;
        for (const OutboxEntry &e : std::as_const(toComplete))
            completeIds.append(e.id);
        Store::ActivityRecord record = sentRecord(toComplete);
        record.result = result;
        record.requests = requests;
        record.outboxId = completeIds.first();
        m_shared.store->completeOutbox(completeIds, {record}, this, [this](QString error) {
            if (!error.isEmpty())
                Q_EMIT errorOccurred(Text::tr("Cannot write the local cache: %1").arg(error));
        });
    }
    const qint64 now = nowMs();
    m_shared.pending.erase(std::remove_if(m_shared.pending.begin(), m_shared.pending.end(),
                               [&](const OutboxEntry &e) { return ids.contains(e.id); }),
        m_shared.pending.end());
    for (OutboxEntry e : entries) {
        // What the cloud kept, not what was sent, is what a later answer must be rebased onto.
        const QString group = e.kind == Outbox::GroupCreate
            ? e.payload.value(QStringLiteral("name")).toString()
            : Outbox::renameOf(e).second.isEmpty()
            ? e.payload.value(QStringLiteral("name")).toString()
            : Outbox::renameOf(e).second;
        if (const QString kept = m_handlers.takeKeptDescription(group); !kept.isNull()) {
            if (e.kind == Outbox::GroupCreate) {
                e.payload.insert(QStringLiteral("description"), kept);
            } else if (e.kind == Outbox::GroupUpdate) {
                QJsonObject fields = e.payload.value(QStringLiteral("fields")).toObject();
                fields.insert(QStringLiteral("description"), kept);
                e.payload.insert(QStringLiteral("fields"), fields);
            }
        }
        m_shared.recent.append({now, e});
    }
    while (!m_shared.recent.isEmpty() && m_shared.recent.first().first < now - RecentKeepMs)
        m_shared.recent.removeFirst();
    m_failures = 0;
    m_host.setOnline(true);
    Q_EMIT pendingChanged();
}

void Pusher::finishRun()
{
    m_pushing = false;
    Q_EMIT busyChanged();
    continuePush();
}

void Pusher::continuePush()
{
    if (m_shared.uncommitted == 0 && sendable().isEmpty())
        Q_EMIT finished();
    else
        schedule(0);
}

void Pusher::entriesFailed(const QList<OutboxEntry> &entries, const ApiError &error)
{
    QList<QPair<OutboxEntry, ApiError>> failures;
    for (const OutboxEntry &e : entries)
        failures.append({e, error});
    handleFailures(failures);
}

void Pusher::handleFailures(const QList<QPair<OutboxEntry, ApiError>> &failures)
{
    m_pushing = false;
    Q_EMIT busyChanged();
    // Each entry by its own error: refused ones are undone, the others wait for a retry.
    QList<OutboxEntry> refused;
    ApiError refusal;
    QList<qint64> retry;
    ApiError transient;
    bool unauthorized = false;
    for (const auto &[entry, error] : failures) {
        if (error.kind == ApiError::Kind::Unauthorized && m_shared.client->isSignedOut()) {
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
        m_shared.store->failOutbox(ids, refusal.message, true);
        Store::ActivityRecord record = sentRecord(refused);
        for (const qint64 id : std::as_const(ids))
            record.requests += m_requests.take(id);
        record.result = QStringLiteral("failed");
        record.detail = refusal.message;
        record.outboxId = ids.first();
        m_shared.store->completeOutbox({}, {record});
        m_shared.pending.erase(std::remove_if(m_shared.pending.begin(), m_shared.pending.end(),
                                   [&](const OutboxEntry &e) { return idSet.contains(e.id); }),
            m_shared.pending.end());
        Q_EMIT pendingChanged();
        Q_EMIT changeFailed(what, refusal.message);
        revert(refused);
    }
    if (unauthorized)
        m_host.setSignedOut(true);
    if (!retry.isEmpty()) {
        m_shared.store->failOutbox(retry, transient.message, false);
        const QSet<qint64> idSet(retry.cbegin(), retry.cend());
        for (OutboxEntry &e : m_shared.pending) {
            if (idSet.contains(e.id)) {
                ++e.attempts;
                e.lastError = transient.message;
            }
        }
        if (transient.kind == ApiError::Kind::Network || transient.kind == ApiError::Kind::Timeout)
            m_host.setOnline(false);
        const int shift = std::min(m_failures++, 16);
        const qint64 delay = std::min<qint64>(
            qint64(m_shared.config.retryBaseMs) << shift, m_shared.config.retryMaxMs);
        const int jittered
            = static_cast<int>(delay / 2 + QRandomGenerator::global()->bounded(delay / 2 + 1));
        qCInfo(lcSync) << "push failed, retrying in" << jittered << "ms:" << transient.toString();
        if (!m_shared.signedOut && !m_paused)
            m_timer.start(jittered);
        return;
    }
    // Nothing left to send (the last change was refused) is a finished push too.
    continuePush();
}

void Pusher::revert(const QList<OutboxEntry> &entries)
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
        m_puller.pullNow();
    else
        m_puller.refreshDevices(QStringList(devices.cbegin(), devices.cend()));
}

} // namespace Flotilla::Sync::Detail
