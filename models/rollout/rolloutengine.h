// SPDX-License-Identifier: MIT
#pragma once

#include "domain/entities.h"
#include "domain/rollout.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

namespace Flotilla::Remote {
class ParticleClient;
}
namespace Flotilla::Remote {
struct ApiError;
}
namespace Flotilla::Store {
class CacheStore;
struct RolloutUpdate;
} // namespace Flotilla::Store
namespace Flotilla::Sync {
class SyncEngine;
}

namespace Flotilla::Rollout {

struct RolloutConfig
{
    int productId = 0;
    QString actor; // who the activity log names
    int batchSize = 1000; // devices per batch group request (Particle's batch limit)
    // Requests of the client's rate window left to other work (pulls, edits): per-device
    // requests (locks, rollback) wait while the client's headroom is below this.
    int reserveRequests = 1000;
    int maxInFlight = 4; // per-device requests on the wire at once
    int tickMs = 1000; // timeouts, thresholds, sampling
    int saveDelayMs = 300; // changed devices are written in batches at most this late
    int sampleIntervalMs = 5000; // chart points while a rollout runs
    // Polling fallback: the devices of a running wave are read (GET /devices?groups=… for
    // Staged, one by one for Lock/Release, within the budget) when the event stream has been
    // down, after a restart, and at least this often while a wave has devices in flight.
    int pollIntervalMs = 5 * 60 * 1000;
};

// Runs firmware rollouts (docs/rollouts.md). The state of every rollout lives in the cache and
// is written before each request that changes the cloud and after it succeeds, so a restart
// (or a kill -9) resumes where it was without flashing any device twice. Progress comes from the
// product event stream (SyncEngine::deviceEvent) with polling as a fallback. Requests go through
// the shared ParticleClient and so share its rate budget; per-device requests are paced to keep
// `reserveRequests` of the window for other work.
class RolloutEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutEngine)

public:
    RolloutEngine(Remote::ParticleClient *client, Store::CacheStore *store, Sync::SyncEngine *sync,
        const RolloutConfig &config, QObject *parent = nullptr);
    ~RolloutEngine() override;

    // Loads the rollouts from the cache (open already) and resumes those that were running.
    // `done` gets an error message or an empty string.
    void start(std::function<void(QString error)> done = {});
    bool isStarted() const { return m_started; }

    // Rollouts, oldest first.
    QList<qint64> rolloutIds() const;
    const Domain::Rollout *rollout(qint64 id) const;
    Domain::WaveCounts waveCounts(qint64 id, int wave) const;
    // Running, Paused or RollingBack rollouts.
    bool hasActiveRollouts() const;

    // The impact of flashing `version` to the selection the `method`'s way, from the fleet as
    // the sync engine knows it (no request). `nodes` are node paths, `devices` device ids;
    // devices under several selected nodes count once.
    Domain::FlashImpact assess(Domain::RolloutMethod method, int version, const QStringList &nodes,
        const QStringList &devices) const;

    // Uploads a firmware binary to the product (the sync engine learns of it from the event
    // stream and the next pull). `done` gets the firmware or an error message.
    void uploadFirmware(int version, const QString &title, const QString &notes,
        const QByteArray &binary, const QString &fileName,
        std::function<void(std::optional<Domain::Firmware> firmware, QString error)> done);

    // Plans the rollout (assess + assignWaves), writes it to the cache and starts its first
    // wave. Refuses (with a message, nothing written) an invalid spec, a version the product
    // does not have, a selection with no device to flash, and a second active rollout that
    // shares devices with an active one. `done` gets the new id or the message.
    void startRollout(
        const Domain::RolloutSpec &spec, std::function<void(qint64 id, QString error)> done);

    // Operator controls; each returns an empty string, or why it does not apply now.
    QString pause(qint64 id); // Running → Paused: no new wave, no new request
    QString resume(
        qint64 id); // Paused → Running; after a failure pause the wave's failures are accepted
    QString startNextWave(qint64 id); // starts the next wave now (also from Paused)
    // Running/Paused → Aborted: devices not yet started are cancelled (taken out of the rollout
    // groups / unlocked); devices updating finish; finished devices stay as they are.
    QString abort(qint64 id);
    // Aborts if needed, then returns every Succeeded or Updating device to its previous version
    // (taken out of the rollout groups, locked to the previous version and flashed).
    QString rollback(qint64 id);
    // Forgets a finished rollout (not Running, Paused or RollingBack).
    QString remove(qint64 id);

    const RolloutConfig &config() const { return m_config; }
    // For tests: the time source (ms since the epoch).
    void setClock(std::function<qint64()> clock);

Q_SIGNALS:
    void rolloutAdded(qint64 id);
    void rolloutChanged(qint64 id); // header, wave or counts changed (coalesced)
    void devicesChanged(qint64 id, const QStringList &deviceIds); // per-device rows (coalesced)
    void rolloutRemoved(qint64 id);
    // Something went wrong that the operator should read (a request refused for good, the
    // cache not writable): shown in the monitor and the status bar.
    void problem(qint64 id, const QString &message);

private:
    // Tells the sync engine what a request made here changed in the cloud.
    void noteGroups(const QStringList &ids, const QString &add, const QString &remove);
    void noteLock(const QString &deviceId, std::optional<int> version);
    struct Run;
    Run *findRun(qint64 id) const;
    std::function<void()> resumeAfter(qint64 id); // not busy any more, then drive
    std::function<void()> driveAfter(qint64 id);
    qint64 now() const;

    // Saving (coalesced; `persist` writes now and continues once the write succeeded).
    void markDevice(Run &run, const Domain::RolloutDevice &device);
    void markHeader(Run &run);
    void scheduleSave();
    Store::RolloutUpdate takeUpdate(Run &run);
    void persist(Run &run, std::function<void()> then);
    void notify(Run &run);
    void flush();
    void countRequest(Run &run);
    void addActivity(Run &run, const QString &action, const QString &result, const QString &detail);
    void stepFailed(Run &run, const QString &what, const Remote::ApiError &error);

    // Cloud work, resumed from the persisted progress.
    void drive(Run &run);
    void startWave(Run &run, int wave);
    void addBatch(Run &run, int wave, int batch);
    void checkBatchIds(qint64 id, int wave, int batch, QStringList toCheck, QStringList gone,
        const Remote::ApiError &refusal);
    void releaseDone(int version);
    // Whether a rollout of this console released `version` intelligently (Particle keeps one
    // flag per version).
    bool releasedIntelligently(int version) const;
    void releaseWith(Run &run, const QStringList &extra, const QStringList &without,
        bool intelligent, const QString &what, std::function<void(Run &)> then);
    void release(Run &run, int wave);
    void finalRelease(Run &run);
    void deleteWaveGroups(qint64 id, QStringList remaining);
    void removeFromWaveGroups(qint64 id, QList<QPair<int, QStringList>> batches);
    bool mayUseBudget(const Run &run) const;
    void pumpLocks(Run &run);
    void abortNow(Run &run, const QString &reason);
    void cancelDevices(Run &run);
    void finishUnlock(Run &run, const QString &deviceId, const Remote::ApiError &error);
    void rollBackDevices(Run &run);

    // Progress.
    void onDeviceEvent(const QString &deviceId, const QString &name, const QString &data,
        int version, qint64 publishedMs);
    void tick();
    void checkTimeouts(Run &run, qint64 t);
    void evaluate(Run &run);
    void advanceTo(Run &run, int wave, bool byOperator);
    void complete(Run &run);
    void addSample(Run &run, qint64 t);
    void poll(Run &run);
    void pollStep(qint64 id, QStringList groups, int page, QStringList single);
    void applyPolledVersion(Run &run, const QString &deviceId, int firmwareVersion);

    Remote::ParticleClient *m_client;
    Store::CacheStore *m_store;
    Sync::SyncEngine *m_sync;
    RolloutConfig m_config;
    bool m_started = false;
    bool m_streamWasDown = false;
    QSet<int> m_uploaded; // versions uploaded here (the fleet state may not know them yet)
    std::map<qint64, std::unique_ptr<Run>> m_runs;
    QTimer m_tick;
    QTimer m_saveTimer;
    std::function<qint64()> m_clock;
    // Releases are read-modify-write of a version's group list: one at a time per version,
    // across all rollouts (the others wait here).
    QSet<int> m_releasing;
    QHash<int, QList<std::function<void()>>> m_releaseWaiting;
};

} // namespace Flotilla::Rollout
