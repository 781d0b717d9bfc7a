// SPDX-License-Identifier: MIT
#pragma once

// The setup every rollout engine test shares: a sandbox cloud with a simulated fleet, a console's
// data layer (Particle client, cache, sync engine) with its rollout engine on a cache file of its
// own, an independent count of the flashes the fleet reports, and the questions the tests ask of
// rollouts and of the cloud.

#include "domain/rollout.h"
#include "remote/eventstream.h"
#include "rollout/rolloutengine.h"
#include "sandboxprocess.h"
#include "sync/fleetstate.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace Flotilla::Remote {
class ParticleClient;
}
namespace Flotilla::Store {
class CacheStore;
}
namespace Flotilla::Sync {
class SyncEngine;
}

namespace Flotilla::Test {

// Limits, not waits (a passing run never reaches them), generous enough for a loaded 2-core
// machine running the whole suite with ctest -j 2: one step through the cache, the client and the
// sandbox; a rollout or a wave on the time-scaled sandbox; the console's view catching up with
// what a rollout did.
constexpr int StepTimeoutMs = 30000;
constexpr int RolloutTimeoutMs = 120000;
constexpr int ConsoleViewTimeoutMs = 30000;

// The simulated fleet a test runs against. Times are simulated seconds; the sandbox's clock runs
// `timeScale` times faster than the wall clock.
struct Fleet
{
    int devices = 300;
    double timeScale = 20;
    double updateS = 10; // how long an update takes
    double failureRate = 0; // the share of updates that fail
    double meanOfflineS = 20; // how long a device that went offline stays away, on average
    quint64 seed = 7;

    QStringList sandboxArguments() const;
};

// What a console is started with: its rollout engine's settings (the tick and the save delay
// are shortened for tests unless set), and whether it follows the product event stream.
struct ConsoleOptions
{
    Rollout::RolloutConfig config;
    bool liveEvents = true;
};

// The data layer of one console and its rollout engine, on one cache file.
class Console
{
public:
    Console(SandboxProcess &sandbox, const QString &cachePath, const ConsoleOptions &options);
    ~Console();
    Console(const Console &) = delete;
    Console &operator=(const Console &) = delete;

    // Loads the cache, pulls the fleet (when `pull`), waits for the event stream (when it
    // follows it) and starts the engine; false when a step fails or takes too long.
    bool start(bool pull);

    QNetworkAccessManager nam;
    std::unique_ptr<Remote::ParticleClient> client;
    std::unique_ptr<Store::CacheStore> store;
    std::unique_ptr<Sync::SyncEngine> sync;
    std::unique_ptr<Rollout::RolloutEngine> engine;
    bool liveEvents = true;
};

// Counts "spark/flash/status started" per device from the product event stream, independently
// of any console.
class FlashCounter
{
public:
    explicit FlashCounter(SandboxProcess &sandbox);
    bool waitConnected();
    // How often `device` started a flash at or after `ms` (local time).
    int startsAfter(const QString &device, qint64 ms) const;

private:
    QNetworkAccessManager m_nam;
    Remote::EventStream m_stream {&m_nam};
    QHash<QString, QList<qint64>> m_started; // device -> when (local ms)
};

class RolloutFixture
{
public:
    // Cache files go to `cacheDir` (the test's temporary directory).
    explicit RolloutFixture(QString cacheDir);
    ~RolloutFixture();
    RolloutFixture(const RolloutFixture &) = delete;
    RolloutFixture &operator=(const RolloutFixture &) = delete;

    // Starts the sandbox with `fleet`, then (unless `cacheName` is empty) a console on the cache
    // file `cacheName`, pulled and started. False, with errorString(), when a step fails.
    bool start(const Fleet &fleet, const QString &cacheName, const ConsoleOptions &options = {});
    // Counts the fleet's flashes from now on (flashes()); false when the stream does not connect.
    bool countFlashes();
    // A console on the cache file `cacheName`, replacing the one open before (which goes away
    // first, writing what it holds). Pulls the fleet first when `pull`.
    bool openConsole(const QString &cacheName, const ConsoleOptions &options, bool pull = true);
    // The console goes away and comes back on the same cache, as after a restart (no pull).
    bool restartConsole();
    // The console goes away.
    void closeConsole();
    QString errorString() const { return m_error; }

    SandboxProcess &sandbox() { return m_sandbox; }
    Console &console() { return *m_console; }
    Rollout::RolloutEngine &engine() { return *m_console->engine; }
    // The fleet as the console knows it.
    const Sync::FleetState &fleet() const;
    FlashCounter &flashes() { return *m_flashes; }

    // Starts a rollout; its id, or 0 (refused, see lastRefusal(), or no answer in time).
    qint64 startRollout(const Domain::RolloutSpec &spec);
    QString lastRefusal() const { return m_refusal; }

    // The rollout as the engine has it (it must exist).
    const Domain::Rollout &rollout(qint64 id) const;
    // Its state as text (for comparisons that name both states when they fail).
    QString state(qint64 id) const;
    // Its devices in `state` (of wave `wave`, or any wave).
    QStringList devicesIn(qint64 id, Domain::RolloutDeviceState state, int wave = AnyWave) const;
    // Its devices not skipped.
    QStringList targeted(qint64 id) const;
    static constexpr int AnyWave = -2;

    // The cloud, as the sandbox has it.
    QHash<QString, Domain::Device> cloudDevices();
    // The groups `version` is released to.
    QStringList releasedGroups(int version);
    // The product's group names.
    QStringList productGroups();
    // Whether the sandbox keeps `version` intelligent (its own record, not the firmware list).
    bool releasedIntelligently(int version);
    // A device goes offline and inactive (it neither updates nor answers) or comes back.
    bool setDeviceAway(const QString &deviceId, bool away);
    // Changes the sandbox's simulation settings (PUT /admin/simulation).
    bool setSimulation(const QJsonObject &settings);
    // Removes a device from the product.
    bool removeDevice(const QString &deviceId);
    // How many requests the sandbox counted for `route` ("GET /v1/products/:p/devices").
    int requests(const QString &route);

private:
    bool setDevice(const QString &deviceId, const QJsonObject &settings);

    QString m_cacheDir;
    SandboxProcess m_sandbox;
    std::unique_ptr<FlashCounter> m_flashes;
    std::unique_ptr<Console> m_console;
    QString m_cachePath;
    ConsoleOptions m_options;
    QString m_error;
    QString m_refusal;
};

// Rollout specs of version `version` (6 unless given), with the wave settings the tests use.
Domain::RolloutSpec stagedSpec(const QString &title, const QStringList &nodes,
    const QList<Domain::WaveSpec> &waves, int version = 6);
Domain::RolloutSpec lockSpec(const QString &title, const QStringList &devices, int version = 6);
Domain::RolloutSpec releaseSpec(const QString &title, const QStringList &nodes, int version = 6);
// A wave of `percent` % of the devices left, with the default thresholds.
Domain::WaveSpec percentWave(double percent, bool pauseBefore = false);
// A percentage wave that never pauses for failures.
Domain::WaveSpec tolerantWave(double percent, bool pauseBefore = false);

// Devices whose running version differs from the cloud's target (an update already under way
// before a rollout, which the flash counts must not blame on it).
QSet<QString> notOnTarget(const Sync::FleetState &state);
// The first `count` devices (by id) that a rollout of v6 flashes and that nothing else moves:
// released (not locked), on their target, in a group.
QStringList plainDevices(const Sync::FleetState &state, int count);

} // namespace Flotilla::Test
