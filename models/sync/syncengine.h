// SPDX-License-Identifier: MIT
#pragma once

#include "domain/moves.h"
#include "store/changes.h"
#include "sync/fleetstate.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <limits>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Flotilla::Remote {
class ParticleClient;
class EventStream;
struct ApiError;
struct SseEvent;
} // namespace Flotilla::Remote

namespace Flotilla::Store {
class CacheStore;
}

namespace Flotilla::Sync {

struct SyncConfig
{
    int productId = 0;
    int perPage = 100; // devices per page of a full pull
    int batchSize = 500; // devices per batch PUT /devices
    int refreshIntervalMs = 15 * 60 * 1000; // periodic full pull (0: never)
    int retryBaseMs = 2000; // first retry of a failed push; doubles up to retryMaxMs
    int retryMaxMs = 5 * 60 * 1000;
    int liveFlushMs = 300; // live status changes are written in batches
    int verifyMissingLimit = 100; // devices missing from a pull checked one by one, at most
    bool liveEvents = true; // follow the product event stream
    QString actor; // who the activity log names
};

// Keeps the local cache and the cloud in step. Pulls (full, on demand, periodic, and live
// status from the event stream), and pushes local edits: each edit is applied locally and
// queued in the outbox in one transaction, then sent — moves coalesced into batch group
// updates — with retries; a change the cloud refuses is undone locally and logged.
class SyncEngine final : public QObject
{
    Q_OBJECT
public:
    enum class Phase { Idle, Loading, Pulling, Pushing };
    Q_ENUM(Phase)

    SyncEngine(Remote::ParticleClient *client, Store::CacheStore *store, QNetworkAccessManager *nam,
        const SyncConfig &config, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Loads the cache (already opened), then pushes what is pending and pulls. A cache with
    // damaged parts is repaired first when that loses nothing that was not sent yet
    // (cacheRepaired); otherwise nothing is loaded, pulled or sent until repairCache() is called
    // (cacheDamaged). A cache that cannot be read at all is reported (cacheUnusable).
    void start(bool pullNow = true);
    // Rebuilds the damaged cache from what can be read of it (changes that cannot be read are
    // lost), then loads it.
    void repairCache();
    // Why edits, pulls and pushes wait (the cache is damaged or unreadable); empty when they
    // do not.
    QString blockedReason() const { return m_blocked; }
    // The edits that made the changes `outboxIds` (the pending ones when empty), as the activity
    // log names them ("3 devices to Acme Logistics"), oldest first. Changes merged before they
    // were sent are no longer named there.
    void describeChanges(
        const QList<qint64> &outboxIds, std::function<void(QStringList edits)> done) const;
    const FleetState &state() const { return m_state; }
    bool isLoaded() const { return m_loaded; }
    bool isPulling() const { return m_pull != nullptr; }
    bool isPushing() const { return m_pushing; }
    bool isSignedOut() const { return m_signedOut; }
    bool isOnline() const { return m_online; }
    // Changes not yet confirmed by the cloud (including those still being written locally).
    int pendingCount() const { return static_cast<int>(m_pending.size()) + m_uncommitted; }
    QSet<QString> pendingDevices() const;
    qint64 lastFullPullMs() const { return m_lastFullPullMs; }
    // True while the product event stream is connected (live events arrive).
    bool isEventStreamConnected() const;

    // Credentials: the access token (memory only), and the product's OAuth client, which
    // claims need (a customer token per linked account).
    void setAccessToken(const QString &token);
    // Setting it again (after the cloud refused it) lets the claims that wait for it go.
    void setProductClient(const QString &clientId, const QString &clientSecret);
    // True once the cloud refused the product's OAuth client (claims wait for a new one).
    bool isProductClientRefused() const { return m_clientRefused; }
    // Pending changes held back until the product's OAuth client is set again (claims to
    // customer accounts, and later changes of the same devices).
    int heldCount() const { return static_cast<int>(m_held.size()); }
    // Why they wait (what claimsWaiting said last).
    QString heldReason() const { return m_heldReason; }
    void setEventsUrl(const QUrl &url) { m_eventsUrl = url; }

    // Local edits. Each returns an empty string when queued, else why it was refused
    // (nothing is changed then).
    QString moveDevices(const QStringList &deviceIds, const Domain::MoveTarget &target);
    QString updateDevice(const QString &deviceId, const QJsonObject &fields); // name, notes
    QString createGroup(const Domain::Group &group);
    QString updateGroup(const QString &name, const QJsonObject &fields);
    QString deleteGroup(const QString &name);
    // Several edits as one (one transaction, one activity record).
    QString applyEdit(
        const QString &action, const QString &subject, const QList<Store::OutboxEntry> &entries);

    // Paused ("work offline"): edits keep being applied locally and queued, nothing is sent
    // until resumed.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    // Cloud changes Flotilla made itself outside the outbox (the rollout engine's batch group
    // requests, locks and group deletions), applied to the state, the models and the cache
    // without a request. `change` edits each known device of `deviceIds`; targets are
    // recomputed from the releases known here.
    void noteCloudChange(
        const QStringList &deviceIds, const std::function<void(Domain::Device &)> &change);
    void noteCloudGroupDeleted(const QString &name);

    void pullNow();
    void refreshDevices(const QStringList &ids);
    void pushNow();

Q_SIGNALS:
    void loaded();
    // The cache has damaged parts whose repair would lose changes not sent yet: nothing is
    // loaded until repairCache() (or the application quits, leaving the file as it is).
    void cacheDamaged(const Flotilla::Store::CacheDamage &damage);
    // The damaged cache was rebuilt from what could be read (`damage` is what was found) and
    // loaded; what it lacks of the fleet comes back with the next pull.
    void cacheRepaired(
        const Flotilla::Store::RepairReport &report, const Flotilla::Store::CacheDamage &damage);
    // The cache cannot be read (or repaired): nothing is loaded, pulled or sent.
    void cacheUnusable(const QString &reason);
    void fleetChanged(const Flotilla::Sync::FleetDelta &delta);
    void phaseChanged();
    void pendingChanged(int count);
    void pullFinished(bool ok, const QString &error);
    void pushFinished();
    void changeFailed(const QString &what, const QString &reason);
    void signedOutChanged(bool signedOut);
    void onlineChanged(bool online);
    void errorOccurred(const QString &message);
    // Every event of the product stream (the rollout engine follows flashes with it).
    void deviceEvent(const QString &deviceId, const QString &name, const QString &data, int version,
        qint64 publishedMs);
    // The product event stream connected or dropped (events may have been missed meanwhile).
    void eventStreamChanged(bool connected);
    // Claims to customer accounts wait, nothing undone: the cloud refused the product's OAuth
    // client (or none is set), and no further token request is made until setProductClient() is
    // called again; or Particle refuses token requests from this address for a while (after
    // failed ones), and claims go on by themselves once that time is over.
    void claimsWaiting(const QString &reason);

private:
    struct PullJob;
    void loadSnapshot(Store::Snapshot snapshot);
    void block(const QString &reason);
    // Why an edit cannot be made now (empty when it can).
    QString notReady() const;
    void finishPull();
    void failPull(const Remote::ApiError &error);
    void verifyMissing(const QStringList &missing);
    void commitPull();
    // Applies what the cloud may not have yet (pending entries, and entries confirmed since
    // `sinceMs`) on top of what it sent.
    void rebaseIncoming(CloudContent &incoming, qint64 sinceMs) const;
    // Runs `fn` once no local edit is being written (so it is in m_pending).
    void whenCommitted(std::function<void()> fn);
    void refreshReleases();
    void handleFailures(const QList<QPair<Store::OutboxEntry, Remote::ApiError>> &failures);
    void publish(const FleetDelta &delta, bool writeToCache);
    void committed(const QList<Store::OutboxEntry> &entries, const FleetDelta &undo,
        const QList<qint64> &ids, const QString &error);
    void schedulePush(int delayMs = 0);
    void pushNext();
    void pushGroups(const QList<Store::OutboxEntry> &entries);
    void sendBatches(const QList<Store::OutboxEntry> &entries);
    // One group change of `deviceIds`: the groups added, then (a second request) removed.
    void sendGroupChange(const QStringList &deviceIds, const Domain::GroupDelta &delta,
        std::function<void(Remote::ApiError)> done);
    // One batch request, halved and sent again when the cloud refuses its size; `done` also
    // says whether some of it was applied (a part of a halved batch).
    void sendGroupBatch(const QStringList &deviceIds, const QStringList &add,
        const QStringList &remove, std::function<void(Remote::ApiError, bool)> done);
    void pushSingle(const Store::OutboxEntry &entry);
    void entriesSucceeded(const QList<Store::OutboxEntry> &entries, const QString &result);
    void markDone(const QList<Store::OutboxEntry> &entries, const QString &result);
    void finishRun();
    // Emits pushFinished when nothing more can be sent now, else goes on sending.
    void continuePush();
    void entriesFailed(const QList<Store::OutboxEntry> &entries, const Remote::ApiError &error);
    void revert(const QList<Store::OutboxEntry> &entries);
    void withCustomerToken(
        const QString &account, std::function<void(QString, Remote::ApiError)> cb);
    // After an answer that cannot be read, or a refusal that may only mean "already done":
    // reads the device back and calls `finish` with no error when its owner is `account`
    // (empty: unclaimed), else with `first` (a refusal) or a retry (an unknown outcome).
    void confirmOwner(const QString &deviceId, const QString &account,
        const Remote::ApiError &first, std::function<void(const Remote::ApiError &)> finish);
    void holdForClient(const Store::OutboxEntry &entry, const Remote::ApiError &error);
    // Says so when the cloud kept a group's description other than it was sent (cut short).
    void checkDescriptionKept(const QString &group, const QString &sent, const QString &kept);
    // After a group rename: releases again to `to` every version the cloud did not keep
    // released to it, then calls `finish`.
    void keepReleases(const QString &from, const QString &to,
        std::function<void(const Remote::ApiError &)> finish);
    // m_pending without the held entries and the later entries of their devices.
    QList<Store::OutboxEntry> sendable() const;
    // After a repair that lost changes not yet sent: the kept device changes, relative to a
    // state that is gone, are replaced by changes from the pulled cloud state to what the
    // cache says was meant; then the pull is committed.
    void replanKeptChanges();
    void onEvent(const Remote::SseEvent &event);
    void flushLive();
    void setOnline(bool online);
    void setSignedOut(bool signedOut);
    void startEvents();
    QString describe(const QList<Store::OutboxEntry> &entries) const;
    // A group as people know it: a node's title path, or a label's name.
    QString describeGroup(const QString &name) const;

    QPointer<Remote::ParticleClient> m_client;
    QPointer<Store::CacheStore> m_store;
    QNetworkAccessManager *m_nam;
    SyncConfig m_config;
    FleetState m_state;
    QList<Store::OutboxEntry> m_pending; // committed, not yet confirmed by the cloud
    QList<QPair<qint64, Store::OutboxEntry>> m_recent; // confirmed during a running pull
    // Cloud changes noted by noteCloudChange / noteCloudGroupDeleted, kept like m_recent so that
    // a pull whose answers left before them does not undo them.
    struct CloudNote
    {
        qint64 atMs = 0;
        QStringList deviceIds;
        std::function<void(Domain::Device &)> change;
        QString deletedGroup;
    };
    QList<CloudNote> m_cloudNotes;
    QHash<QString, QString> m_customerTokens; // account -> token
    QString m_clientId;
    QString m_clientSecret;
    bool m_clientRefused = false;
    qint64 m_tokenBlockedUntilMs = 0; // Particle refuses token requests until then
    int m_token429s = 0; // token requests refused with 429 in a row
    QTimer m_tokenBlockTimer;
    QSet<qint64> m_held; // outbox ids waiting for the product's OAuth client
    QString m_heldReason;
    QHash<QString, QString> m_descriptionsKept; // group -> the description the cloud kept
    QString m_token;
    QUrl m_eventsUrl;
    std::unique_ptr<PullJob> m_pull;
    quint64 m_pullGeneration = 0;
    bool m_pullAgain = false;
    QString m_blocked; // why nothing is loaded (a damaged or unreadable cache)
    std::optional<Store::CacheDamage> m_repairing; // what the repair under way is for
    bool m_replan = false; // kept changes are planned again at the first pull
    QMetaObject::Connection m_afterRepair; // says what a repair did once its cache is loaded
    bool m_loaded = false;
    bool m_pushing = false;
    bool m_signedOut = false;
    bool m_paused = false;
    bool m_online = true;
    int m_pushFailures = 0;
    int m_batchLimit = std::numeric_limits<int>::max(); // lowered when the cloud refuses a size
    int m_uncommitted = 0; // entries whose local edit is being written
    qint64 m_lastFullPullMs = 0;
    QTimer m_pushTimer;
    QTimer m_refreshTimer;
    QTimer m_liveTimer;
    struct LiveStatus
    {
        bool online = false;
        qint64 atMs = 0;
        int version = 0;
    };
    QHash<QString, LiveStatus> m_live; // live status changes waiting to be written
    QSet<QString> m_unknownSeen;
    Remote::EventStream *m_events = nullptr;
};

} // namespace Flotilla::Sync
