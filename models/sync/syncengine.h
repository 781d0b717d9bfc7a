// SPDX-License-Identifier: MIT
#pragma once

#include "domain/moves.h"
#include "store/changes.h"
#include "sync/fleetoverview.h"
#include "sync/fleetstate.h"
#include "sync/importoutcome.h"
#include "sync/synchost.h"

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

namespace Detail {
class LiveEvents;
class OverviewKeeper;
class Puller;
class Pusher;
struct SyncShared;
} // namespace Detail

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
    // Where this process's edits come from, for the activity log (Store::ActivitySource): the
    // console, or "flotillactl" for the command line.
    QString source = Store::ActivitySource::Console;
};

// Keeps the local cache and the cloud in step. Pulls (full, on demand, periodic, and live
// status from the event stream), and pushes local edits: each edit is applied locally and
// queued in the outbox in one transaction, then sent — moves coalesced into batch group
// updates — with retries; a change the cloud refuses is undone locally and logged.
//
// The engine is the facade of three parts that share its state (sync/syncshared.h): the pull
// (sync/pull.h), the live events (sync/liveevents.h) and the push (sync/push.h, which sends
// each kind of outbox entry through the table of sync/pushhandlers.h). The engine itself loads
// and repairs the cache, makes the local edits and publishes every change of the fleet.
class SyncEngine final
    : public QObject
    , private Detail::SyncHost
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
    // The lines of the activity log that `filter` asks for, newest first (empty when the
    // cache cannot be read). `done` is dropped once `context` is gone.
    void activity(const Store::ActivityQuery &filter, QObject *context,
        std::function<void(QList<Store::ActivityRecord> records)> done) const;
    const FleetState &state() const;
    bool isLoaded() const;
    bool isPulling() const;
    bool isPushing() const;
    bool isSignedOut() const;
    bool isOnline() const { return m_online; }
    // Changes not yet confirmed by the cloud (including those still being written locally).
    int pendingCount() const;
    QSet<QString> pendingDevices() const;
    qint64 lastFullPullMs() const;
    // True while the product event stream is connected (live events arrive).
    bool isEventStreamConnected() const;

    // Credentials: the access token (memory only), and the product's OAuth client, which
    // claims need (a customer token per linked account).
    void setAccessToken(const QString &token);
    // Setting it again (after the cloud refused it) lets the claims that wait for it go.
    void setProductClient(const QString &clientId, const QString &clientSecret);
    // True once the cloud refused the product's OAuth client (claims wait for a new one).
    bool isProductClientRefused() const;
    // Pending changes held back until the product's OAuth client is set again (claims to
    // customer accounts, and later changes of the same devices).
    int heldCount() const;
    // Why they wait (what claimsWaiting said last).
    QString heldReason() const;
    void setEventsUrl(const QUrl &url);

    // Local edits. Each returns an empty string when queued, else why it was refused
    // (nothing is changed then).
    // `activity`: what the caller knows of the move for its activity row (its source, where the
    // devices were); the engine names the action and fills in what is left empty (the subject,
    // the devices, where they were and go).
    QString moveDevices(const QStringList &deviceIds, const Domain::MoveTarget &target,
        Store::ActivityRecord activity = {});
    QString updateDevice(const QString &deviceId, const QJsonObject &fields); // name, notes
    QString createGroup(const Domain::Group &group);
    QString updateGroup(const QString &name, const QJsonObject &fields);
    QString deleteGroup(const QString &name);
    // Several edits as one (one transaction, one activity record).
    QString applyEdit(
        const QString &action, const QString &subject, const QList<Store::OutboxEntry> &entries);
    // The same with the activity row as the caller describes it (action, subject, source,
    // devices, from, to); the engine sets the actor, the result ("queued") and, when empty,
    // the source (SyncConfig::source) and the devices (those the entries touch).
    QString applyEdit(Store::ActivityRecord activity, const QList<Store::OutboxEntry> &entries);

    // Paused ("work offline"): edits keep being applied locally and queued, nothing is sent
    // until resumed.
    void setPaused(bool paused);
    bool isPaused() const;

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

    // ---- Several Flotilla processes on one cache (Session::CloudSession::startSharing) ----
    // Whether this process sends the outbox: it holds the cache's driver lease
    // (Session::CacheLease). True unless set (a process alone on its cache). A process that
    // does not drive applies its edits locally and queues them in the cache's outbox as always;
    // the driver sends them. Pulls and live events go on either way. Becoming the driver sends
    // what is pending.
    void setDriving(bool driving);
    bool isDriving() const;
    // Another process wrote to the cache (its data version changed): reads the cache, publishes
    // what differs from the fleet in memory (fleetChanged; nothing is written back), takes the
    // outbox as the cache has it (changes queued by another process join the pending ones,
    // changes it sent leave them; pendingChanged) and, when driving, sends what is new. Edits
    // of this process still being written, and what it published after the cache was read, are
    // kept as they are. Reloads asked for while one runs are coalesced into one that follows it
    // (at most one reload per twice the time the last one took); one asked for before the
    // cache is loaded runs once it is. Then externalChange(), then `done`.
    void reloadFromCache(std::function<void()> done = {});

Q_SIGNALS:
    // Before loaded(), when the cache keeps an overview: the fleet without its devices, and the
    // counts per container from when the overview was written (for painting the tree early).
    void overviewLoaded(const Flotilla::Sync::FleetState &fleetWithoutDevices,
        const Flotilla::Sync::FleetOverview &overview);
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
    // An import (Outbox::DeviceImport) was sent: its devices are in the product, and their
    // placements are queued (or it was sent again after its answer was lost: the same outcome,
    // with the identifiers "existing").
    void importFinished(const Flotilla::Sync::ImportOutcome &outcome);
    // A reload (reloadFromCache) read what another process wrote to the cache: the fleet and
    // the pending changes are up to date, and the activity log may have new lines.
    void externalChange();
    // This process wrote lines to the activity log (an edit, a change sent or refused, an
    // import, a rollout's record): read them with activity().
    void activityChanged();

private:
    // SyncHost: what the parts ask of the engine.
    void publish(const FleetDelta &delta, bool writeToCache) override;
    void whenCommitted(std::function<void()> fn) override;
    void setOnline(bool online) override;
    void setSignedOut(bool signedOut) override;
    void queueEdit(const Store::ActivityRecord &activity, const QList<Store::OutboxEntry> &entries,
        const QList<qint64> &replaces, std::function<void(const QString &error)> done) override;

    void loadSnapshot(Store::Snapshot snapshot);
    void block(const QString &reason);
    // Why an edit cannot be made now (empty when it can).
    QString notReady() const;
    // applyEdit() and queueEdit(): the edit applied locally and written with its entries.
    QString applyLocalEdit(Store::ActivityRecord activity, const QList<Store::OutboxEntry> &entries,
        const QList<qint64> &replaces, std::function<void(const QString &error)> done);
    void committed(const QList<Store::OutboxEntry> &entries, const FleetDelta &undo,
        const QList<qint64> &replaces, const QList<qint64> &ids, const QString &error);
    void startEvents();
    void cacheWriteFailed(const QString &error);

    // Declared first: the parts below use it until they are gone.
    std::unique_ptr<Detail::SyncShared> m_shared;
    std::unique_ptr<Detail::Puller> m_puller;
    std::unique_ptr<Detail::LiveEvents> m_live;
    std::unique_ptr<Detail::Pusher> m_pusher;
    std::unique_ptr<Detail::OverviewKeeper> m_overview;
    QString m_blocked; // why nothing is loaded (a damaged or unreadable cache)
    std::optional<Store::CacheDamage> m_repairing; // what the repair under way is for
    QMetaObject::Connection m_afterRepair; // says what a repair did once its cache is loaded
    bool m_online = true;
    QTimer m_refreshTimer;
    // Reading what other processes wrote (reloadFromCache, in cachereload.cpp).
    struct Reload;
    void startReload();
    void finishReload(Store::Snapshot snapshot, const QString &error);
    void noteTouched(const FleetDelta &delta);
    void notePending();
    std::unique_ptr<Reload> m_reload; // the reload under way
    QList<std::function<void()>> m_reloadWaiters; // those of the next reload
    bool m_reloadWanted = false; // another reload follows (or follows the load)
    qint64 m_lastReloadMs = 0; // how long the last reload took
    QTimer m_reloadTimer; // the next reload, once the last one has rested
};

} // namespace Flotilla::Sync
