// SPDX-License-Identifier: MIT
#pragma once

#include "domain/entities.h"
#include "domain/rollout.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace Flotilla::Remote {
class ParticleClient;
}
namespace Flotilla::Store {
class CacheStore;
}
namespace Flotilla::Sync {
class SyncEngine;
}

namespace Flotilla::Rollout {

struct RolloutContext;
struct RolloutRun;
class ReleaseQueue;
class RollbackStrategy;
class RolloutJournal;
class RolloutPoller;
class RolloutStrategy;

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
    // Staged and Release, one by one for Lock and devices rolling back, within the budget) when
    // the event stream has been down, after a restart, and at least this often while a wave has
    // devices in flight.
    int pollIntervalMs = 5 * 60 * 1000;
};

// Runs firmware rollouts (docs/rollouts.md). The state of every rollout lives in the cache and
// is written before each request that changes the cloud and after it succeeds, so a restart
// (or a kill -9) resumes where it was without flashing any device twice. Progress comes from the
// product event stream (SyncEngine::deviceEvent) with polling as a fallback. Requests go through
// the shared ParticleClient and so share its rate budget; per-device requests are paced to keep
// `reserveRequests` of the window for other work.
//
// The engine is the facade of its parts: RolloutJournal (the rollouts in memory and in the
// cache, the crash-safe order of writes), RolloutPoller (events, polling, timeouts), a
// RolloutStrategy per method (LockStrategy, ReleaseStrategy, StagedStrategy) and
// RollbackStrategy; it plans rollouts, takes the operator's controls and moves the waves on.
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

    const RolloutConfig &config() const;
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
    RolloutRun *findRun(qint64 id) const;
    qint64 now() const;
    RolloutStrategy &strategy(const RolloutRun &run) const;

    // The rollout's next step, from its persisted progress: the current wave's cloud work (by
    // its strategy), the final release of a completed rollout, cancellations, the rollback.
    void drive(RolloutRun &run);
    void startWave(RolloutRun &run, int wave);
    void abortNow(RolloutRun &run, const QString &reason);

    // Progress, every tick: timeouts, polling, thresholds, samples.
    void tick();
    void evaluate(RolloutRun &run);
    void advanceTo(RolloutRun &run, int wave, bool byOperator);
    void complete(RolloutRun &run);

    std::unique_ptr<RolloutContext> m_ctx; // what the parts below share
    std::unique_ptr<RolloutJournal> m_journal;
    std::unique_ptr<RolloutPoller> m_poller;
    std::unique_ptr<ReleaseQueue> m_releases;
    std::unique_ptr<RolloutStrategy> m_lock;
    std::unique_ptr<RolloutStrategy> m_release;
    std::unique_ptr<RolloutStrategy> m_staged;
    std::unique_ptr<RollbackStrategy> m_rollback;
    bool m_started = false;
    QSet<int> m_uploaded; // versions uploaded here (the fleet state may not know them yet)
    QTimer m_tick;
};

} // namespace Flotilla::Rollout
