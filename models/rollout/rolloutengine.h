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
#include <memory>
#include <optional>

namespace Flotilla::Remote {
class ParticleClient;
}
namespace Flotilla::Store {
class CacheStore;
struct RolloutControl;
} // namespace Flotilla::Store
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

    // ---- Several Flotilla processes on one cache (Session::CloudSession::startSharing) ----
    // Exactly one process drives the cache (Session::CacheLease): it runs the rollouts (waves,
    // requests, polling, thresholds) and the controls. Another process follows them from the
    // cache (reloadFromCache) and asks the driver for controls: pause(), resume(),
    // startNextWave(), abort(), rollback(), remove() and startRollout() called there are queued
    // in the cache for the driver (the quick checks are made at once; a refusal of the driver
    // comes as problem(), or to startRollout()'s `done`).
    enum class Control { Start, Pause, Resume, NextWave, Abort, Rollback, Remove };
    Q_ENUM(Control)
    // The name a control has in the cache and on the command line ("start", "pause", "resume",
    // "next", "abort", "rollback", "remove"); an unknown name gives std::nullopt.
    static QString controlName(Control control);
    static std::optional<Control> controlFromName(const QString &name);

    // True unless set (a process alone on its cache). Becoming the driver reads every rollout
    // from the cache again and resumes the active ones, as start() does, then runs the controls
    // waiting in the cache; no longer driving stops the rollouts' progress here (requests on the
    // wire finish) after writing what is waiting.
    void setDriving(bool driving);
    bool isDriving() const { return m_driving; }
    // Another process wrote to the cache: when not driving, every rollout is read again
    // (rolloutAdded, rolloutChanged, devicesChanged, rolloutRemoved follow it); when driving,
    // rollouts this process does not know are taken up and resumed, and the controls waiting
    // in the cache are run and answered. Controls this process asked for that have been
    // answered meanwhile report (also before start(): a process may ask for controls without
    // loading the rollouts). Reloads asked for while one runs are coalesced; one asked for
    // before start() runs after it. Then `done`.
    void reloadFromCache(std::function<void()> done = {});
    // A control of a rollout for scripts and other front ends. When this process drives, the
    // control runs here (Start: startRollout(spec); the others: pause(), resume(),
    // startNextWave(), abort(), rollback() or remove() of `rolloutId`) and `done` reports at
    // once (never from inside this call); otherwise it is queued in the cache and `done`
    // reports once the driver has run it and written its answer (the driver's refusal, or the
    // cache's error, in `error`). `done` gets the rollout's id (Start: the new rollout's) and
    // an empty error, or why not. `spec` is for Start only.
    void requestControl(Control control, qint64 rolloutId, const Domain::RolloutSpec &spec,
        std::function<void(qint64 rolloutId, QString error)> done);
    // Controls asked of the driver that have not been answered yet.
    int waitingControls() const { return static_cast<int>(m_waiting.size()); }

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

    // Sharing the cache (rolloutsharing.cpp).
    struct WaitingControl
    {
        Control control = Control::Pause;
        qint64 rolloutId = 0;
        std::function<void(qint64, QString)> done;
    };
    // Asks the driver for `control` of `id` (a process that does not drive); refusals come as
    // problem(). Empty, or why not at once.
    QString askDriver(Control control, qint64 id);
    // Runs `control` here (the driver) and reports to `done` later.
    void runControl(Control control, qint64 rolloutId, const Domain::RolloutSpec &spec,
        std::function<void(qint64, QString)> done);
    void reloadNow();
    void reloaded(QList<Domain::Rollout> rollouts, const QString &error);
    void takeUpAll(QList<Domain::Rollout> rollouts);
    void runWaitingControls();
    void runNextControl();
    void checkAnswers();

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
    Store::CacheStore *m_store = nullptr;
    bool m_driving = true;
    bool m_reloading = false;
    bool m_reloadWanted = false;
    bool m_takeUpAll = false; // the next reload reads every rollout again (became the driver)
    QList<std::function<void()>> m_reloadWaiters;
    QHash<qint64, WaitingControl> m_waiting; // asked of the driver, by control id
    QList<Store::RolloutControl> m_controls; // the driver's: to run, in order
    QSet<qint64> m_controlsTaken; // the driver's: run or running, not answered yet
    bool m_controlRunning = false;
};

} // namespace Flotilla::Rollout
