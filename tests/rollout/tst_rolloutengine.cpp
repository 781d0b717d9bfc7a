// SPDX-License-Identifier: MIT
// The rollout engine against the sandbox over real HTTP: a three-wave staged rollout of a
// 2,000-device fleet completes with a few dozen requests; failures pause it after the first
// wave; a restart in the middle of a wave resumes without flashing any device twice; abort stops
// new flashes; lock and flash, release, the operator controls and rollback do what they say; empty
// waves, devices removed from the product, concurrent rollouts of one version, rollbacks that
// time out and devices that update after the rollout completed are handled.
#include "remote/eventstream.h"
#include "remote/particleclient.h"
#include "rollout/rolloutengine.h"
#include "sandboxprocess.h"
#include "store/cachestore.h"
#include "sync/syncengine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Flotilla;
using Domain::RolloutDeviceState;
using Domain::RolloutMethod;
using Domain::RolloutState;
using Flotilla::Test::cloudDevices;
using Flotilla::Test::Http;
using Flotilla::Test::HttpResult;
using Flotilla::Test::routeCount;
using Flotilla::Test::SandboxProcess;

namespace {

// Limits, not waits (a passing run never reaches them), generous enough for a loaded 2-core
// machine running the whole suite with ctest -j 2: one step through the cache, the client and the
// sandbox; a rollout or a wave on the time-scaled sandbox; the console's view catching up with
// what a rollout did.
constexpr int StepTimeoutMs = 30000;
constexpr int RolloutTimeoutMs = 60000;
constexpr int ConsoleViewTimeoutMs = 30000;

// The data layer of one console with its rollout engine, on a cache file of its own.
struct Console
{
    QNetworkAccessManager nam;
    std::unique_ptr<Remote::ParticleClient> client;
    std::unique_ptr<Store::CacheStore> store;
    std::unique_ptr<Sync::SyncEngine> sync;
    std::unique_ptr<Rollout::RolloutEngine> engine;
    bool liveEvents = true;

    Console(SandboxProcess &sandbox, const QString &cachePath, Rollout::RolloutConfig config = {},
        bool withEvents = true)
    {
        Remote::ClientConfig clientConfig;
        clientConfig.baseUrl = sandbox.url();
        clientConfig.backoffBaseMs = 50;
        client = std::make_unique<Remote::ParticleClient>(&nam, clientConfig);
        client->setAccessToken(sandbox.token());
        store = std::make_unique<Store::CacheStore>();
        Sync::SyncConfig syncConfig;
        syncConfig.productId = sandbox.productId();
        syncConfig.refreshIntervalMs = 0;
        syncConfig.retryBaseMs = 50;
        syncConfig.actor = QStringLiteral("test");
        syncConfig.liveEvents = withEvents;
        liveEvents = withEvents;
        sync = std::make_unique<Sync::SyncEngine>(client.get(), store.get(), &nam, syncConfig);
        sync->setEventsUrl(
            sandbox.url(QStringLiteral("/v1/products/%1/events").arg(sandbox.productId())));
        sync->setAccessToken(sandbox.token());
        config.productId = sandbox.productId();
        config.actor = QStringLiteral("test");
        if (config.tickMs == Rollout::RolloutConfig().tickMs)
            config.tickMs = 100;
        if (config.saveDelayMs == Rollout::RolloutConfig().saveDelayMs)
            config.saveDelayMs = 50;
        engine = std::make_unique<Rollout::RolloutEngine>(
            client.get(), store.get(), sync.get(), config);
        QString openError = QStringLiteral("not opened");
        bool opened = false;
        store->open(cachePath, [&](QString error) {
            openError = error;
            opened = true;
        });
        if (!QTest::qWaitFor([&] { return opened; }, StepTimeoutMs))
            qFatal("the cache did not open in time");
        if (!openError.isEmpty())
            qFatal("cannot open the cache: %s", qPrintable(openError));
    }
    ~Console()
    {
        // The engine writes what is waiting; the store finishes before it closes.
        engine.reset();
        bool closed = false;
        store->close([&] { closed = true; });
        if (!QTest::qWaitFor([&] { return closed; }, StepTimeoutMs))
            qWarning("the cache did not close in time");
        sync.reset();
        store.reset();
    }
    // Loads the cache, pulls the fleet, waits for the event stream and starts the engine.
    bool start(bool pull = true)
    {
        QSignalSpy loaded(sync.get(), &Sync::SyncEngine::loaded);
        sync->start(false);
        if (loaded.count() == 0 && !loaded.wait(StepTimeoutMs))
            return false;
        if (pull) {
            QSignalSpy done(sync.get(), &Sync::SyncEngine::pullFinished);
            sync->pullNow();
            if (!done.wait(RolloutTimeoutMs) || !done.first().at(0).toBool())
                return false;
        }
        if (liveEvents
            && !QTest::qWaitFor([&] { return sync->isEventStreamConnected(); }, StepTimeoutMs))
            return false;
        QString error = QStringLiteral("not started");
        bool started = false;
        engine->start([&](QString e) {
            error = e;
            started = true;
        });
        return QTest::qWaitFor([&] { return started; }, StepTimeoutMs) && error.isEmpty();
    }
    qint64 startRollout(const Domain::RolloutSpec &spec, QString *errorOut = nullptr)
    {
        qint64 id = -1;
        QString error;
        engine->startRollout(spec, [&](qint64 newId, QString e) {
            id = newId;
            error = e;
        });
        if (!QTest::qWaitFor([&] { return id >= 0; }, StepTimeoutMs))
            return 0;
        if (errorOut)
            *errorOut = error;
        return id;
    }
    const Domain::Rollout &rollout(qint64 id) const { return *engine->rollout(id); }
    RolloutState state(qint64 id) const
    {
        const Domain::Rollout *r = engine->rollout(id);
        return r ? r->state : RolloutState::Running;
    }
    QStringList devicesIn(qint64 id, RolloutDeviceState state, int wave = -2) const
    {
        QStringList ids;
        for (const Domain::RolloutDevice &d : engine->rollout(id)->devices) {
            if (d.state == state && (wave == -2 || d.wave == wave))
                ids.append(d.id);
        }
        return ids;
    }
    QStringList targeted(qint64 id) const
    {
        QStringList ids;
        for (const Domain::RolloutDevice &d : engine->rollout(id)->devices) {
            if (d.state != RolloutDeviceState::Skipped)
                ids.append(d.id);
        }
        return ids;
    }
};

// Counts "spark/flash/status started" per device from the product event stream, independently
// of any console.
struct FlashCounter
{
    QNetworkAccessManager nam;
    Remote::EventStream stream {&nam};
    QHash<QString, QList<qint64>> started; // device -> when (local ms)
    explicit FlashCounter(SandboxProcess &sandbox)
    {
        QObject::connect(
            &stream, &Remote::EventStream::event, &stream, [this](const Remote::SseEvent &event) {
                if (event.name != QLatin1String("spark/flash/status"))
                    return;
                const QJsonObject json = QJsonDocument::fromJson(event.data).object();
                if (json.value(QStringLiteral("data")).toString().trimmed()
                    == QLatin1String("started"))
                    started[json.value(QStringLiteral("coreid")).toString()].append(
                        QDateTime::currentMSecsSinceEpoch());
            });
        stream.start(sandbox.url(QStringLiteral("/v1/products/%1/events").arg(sandbox.productId())),
            sandbox.token());
    }
    bool waitConnected()
    {
        return QTest::qWaitFor([&] { return stream.isConnected(); }, StepTimeoutMs);
    }
    int startsAfter(const QString &device, qint64 ms) const
    {
        int n = 0;
        for (qint64 at : started.value(device))
            n += at >= ms ? 1 : 0;
        return n;
    }
};

bool setSimulation(SandboxProcess &sandbox, const QJsonObject &settings)
{
    return Http(sandbox.adminToken())
               .putJson(sandbox.url(QStringLiteral("/admin/simulation")), settings)
               .status
        == 200;
}

bool setDevice(SandboxProcess &sandbox, const QString &id, const QJsonObject &settings)
{
    return Http(sandbox.adminToken())
               .putJson(sandbox.url(QStringLiteral("/admin/devices/") + id), settings)
               .status
        == 200;
}

QStringList sandboxArgs(int devices, double timeScale, double updateS, double failureRate,
    double meanOfflineS, quint64 seed = 7)
{
    return {QStringLiteral("--devices"), QString::number(devices), QStringLiteral("--time-scale"),
        QString::number(timeScale), QStringLiteral("--update-duration"), QString::number(updateS),
        QStringLiteral("--update-failure-rate"), QString::number(failureRate),
        QStringLiteral("--mean-offline"), QString::number(meanOfflineS),
        QStringLiteral("--mean-online"), QStringLiteral("10000000"), QStringLiteral("--seed"),
        QString::number(seed)};
}

Domain::WaveSpec percentWave(double percent, bool pauseBefore = false)
{
    Domain::WaveSpec w;
    w.percent = percent;
    w.pauseBefore = pauseBefore;
    return w;
}

// Devices whose running version differs from the cloud's target (an update already under way
// before a rollout, which the flash counts must not blame on it).
QSet<QString> notOnTarget(const Sync::FleetState &state)
{
    QSet<QString> out;
    for (const Domain::Device &d : state.devices) {
        if (d.targetedFirmwareVersion && *d.targetedFirmwareVersion != d.firmwareVersion)
            out.insert(d.id);
    }
    return out;
}

// Devices that a rollout of v6 flashes and that nothing else moves: released (not locked), on
// their target, in a group.
QStringList plainDevices(const Sync::FleetState &state, int count)
{
    QStringList ids;
    for (const Domain::Device &d : state.devices) {
        if (!d.development && !d.desiredFirmwareVersion && d.firmwareVersion > 0
            && d.firmwareVersion != 6 && d.targetedFirmwareVersion == d.firmwareVersion
            && !d.groups.isEmpty() && !d.groups.contains(QStringLiteral("flotilla-returns")))
            ids.append(d.id);
    }
    ids.sort();
    return ids.mid(0, count);
}

// The groups version `version` is released to, as the sandbox has them.
QStringList releasedGroups(SandboxProcess &sandbox, int version)
{
    const HttpResult reply
        = Http(sandbox.token())
              .get(
                  sandbox.url(QStringLiteral("/v1/products/%1/firmware").arg(sandbox.productId())));
    QStringList groups;
    for (const QJsonValue &v : reply.array()) {
        if (v.toObject().value(QStringLiteral("version")).toInt() != version)
            continue;
        for (const QJsonValue &g : v.toObject().value(QStringLiteral("groups")).toArray())
            groups.append(g.toString());
    }
    return groups;
}

// A percentage wave that never pauses for failures.
Domain::WaveSpec tolerantWave(double percent, bool pauseBefore = false)
{
    Domain::WaveSpec w = percentWave(percent, pauseBefore);
    w.failure = {Domain::Threshold::Unit::Count, 1000};
    return w;
}

// What the console's own fleet view still gets wrong once a completed staged rollout of
// `version` has deleted its groups (empty when it follows): a rollout group still known, a
// device still in one, a device not targeted at the version. The first few, for the failure
// message.
QString viewProblems(const Console &console, qint64 id, int version)
{
    const Sync::FleetState &state = console.sync->state();
    QStringList problems;
    for (const QString &g : state.groups.keys()) {
        if (Domain::isRolloutGroupName(g))
            problems.append(QStringLiteral("group %1 still known").arg(g));
    }
    int devices = 0;
    for (const QString &deviceId : console.targeted(id)) {
        const Domain::Device &d = state.devices.value(deviceId);
        QStringList wrong;
        for (const QString &g : d.groups) {
            if (Domain::isRolloutGroupName(g))
                wrong.append(QStringLiteral("in %1").arg(g));
        }
        if (d.targetedFirmwareVersion != std::optional<int>(version))
            wrong.append(
                QStringLiteral("targeted at %1")
                    .arg(d.targetedFirmwareVersion ? QString::number(*d.targetedFirmwareVersion)
                                                   : QStringLiteral("nothing")));
        if (wrong.isEmpty())
            continue;
        if (++devices <= 5)
            problems.append(deviceId + QLatin1Char(' ') + wrong.join(QStringLiteral(", ")));
    }
    if (devices > 5)
        problems.append(QStringLiteral("%1 devices in all").arg(devices));
    return problems.join(QStringLiteral("; "));
}

} // namespace

class TestRolloutEngine final : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString cache(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // Issue 5 §6 (1): 5% → 25% → 100% of every customer of a 2,000-device fleet.
    void stagedRolloutCompletes()
    {
        SandboxProcess sandbox;
        QVERIFY2(
            sandbox.start(sandboxArgs(2000, 60, 10, 0, 30)), qPrintable(sandbox.errorString()));
        Console console(sandbox, cache("staged.sqlite"));
        QVERIFY(console.start());

        Domain::RolloutSpec spec;
        spec.title = QStringLiteral("v6 to every customer");
        spec.version = 6;
        spec.method = RolloutMethod::Staged;
        spec.nodes = console.sync->state().hierarchy().customers();
        spec.waves = {percentWave(5), percentWave(25), percentWave(100)};
        const Domain::FlashImpact impact
            = console.engine->assess(spec.method, spec.version, spec.nodes, {});
        QVERIFY(impact.targeted > 1000);

        QSignalSpy added(console.engine.get(), &Rollout::RolloutEngine::rolloutAdded);
        QString error;
        const qint64 id = console.startRollout(spec, &error);
        QVERIFY2(id > 0, qPrintable(error));
        QCOMPARE(added.count(), 1);
        QVERIFY(console.engine->hasActiveRollouts());
        const Domain::Rollout &r = console.rollout(id);
        QVERIFY(r.spec.seed != 0); // a random seed was picked and kept
        QCOMPARE(r.waves.size(), 3);
        QCOMPARE(console.targeted(id).size(), impact.targeted);
        // The waves: 5% of the targeted devices, then 25% of the rest, then the rest.
        const int w0 = console.engine->waveCounts(id, 0).total;
        const int w1 = console.engine->waveCounts(id, 1).total;
        QCOMPARE(w0, (impact.targeted * 5 + 99) / 100);
        QCOMPARE(w1, ((impact.targeted - w0) * 25 + 99) / 100);

        QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(id)),
            Domain::toString(RolloutState::Completed), RolloutTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(console.rollout(id).finalReleaseDone, StepTimeoutMs);
        QVERIFY(!console.engine->hasActiveRollouts());
        for (const Domain::WaveProgress &w : console.rollout(id).waves) {
            QCOMPARE(Domain::toString(w.state), Domain::toString(Domain::WaveState::Finished));
            QVERIFY(w.released);
        }
        for (const Domain::RolloutDevice &d : console.rollout(id).devices) {
            if (d.state != RolloutDeviceState::Skipped && d.state != RolloutDeviceState::Succeeded)
                qWarning() << d.id << Domain::toString(d.state) << d.stage << d.reason << d.attempts
                           << d.previousVersion;
        }
        QCOMPARE(console.devicesIn(id, RolloutDeviceState::Succeeded).size(), impact.targeted);

        // The cloud agrees: every targeted device runs v6; the version is released to the
        // customers and the rollout groups are gone.
        const QHash<QString, Domain::Device> cloud = cloudDevices(sandbox);
        for (const QString &deviceId : console.targeted(id))
            QVERIFY2(cloud.value(deviceId).firmwareVersion == 6, qPrintable(deviceId));
        const QJsonArray firmware
            = Http(sandbox.token())
                  .get(sandbox.url(
                      QStringLiteral("/v1/products/%1/firmware").arg(sandbox.productId())))
                  .array();
        QStringList released;
        for (const QJsonValue &v : firmware) {
            if (v.toObject().value(QStringLiteral("version")).toInt() == 6) {
                for (const QJsonValue &g : v.toObject().value(QStringLiteral("groups")).toArray())
                    released.append(g.toString());
            }
        }
        for (const QString &customer : spec.nodes)
            QVERIFY2(released.contains(customer), qPrintable(customer));
        for (const QString &g : released)
            QVERIFY2(!Domain::isRolloutGroupName(g), qPrintable(g));
        const QJsonArray groups
            = Http(sandbox.token())
                  .get(sandbox.url(
                      QStringLiteral("/v1/products/%1/groups").arg(sandbox.productId())))
                  .json()
                  .value(QStringLiteral("groups"))
                  .toArray();
        for (const QJsonValue &g : groups)
            QVERIFY(
                !Domain::isRolloutGroupName(g.toObject().value(QStringLiteral("name")).toString()));

        // The console's own view follows without a pull: no rollout group left on a device and
        // every updated device targeted at the version it runs (not shown as off target).
        QTRY_VERIFY2_WITH_TIMEOUT(viewProblems(console, id, 6).isEmpty(),
            qPrintable(viewProblems(console, id, 6)), ConsoleViewTimeoutMs);

        // Economy: a few dozen requests for the whole fleet.
        qInfo("%d devices updated with %d requests", impact.targeted, console.rollout(id).requests);
        QVERIFY2(console.rollout(id).requests < 50, qPrintable(QString::number(r.requests)));
        QVERIFY(console.rollout(id).requests >= 12);
        QVERIFY(!console.rollout(id).samples.isEmpty());

        // Completed rollouts can be removed; active ones could not.
        QSignalSpy removed(console.engine.get(), &Rollout::RolloutEngine::rolloutRemoved);
        QCOMPARE(console.engine->remove(id), QString());
        QCOMPARE(removed.count(), 1);
        QVERIFY(!console.engine->rollout(id));
    }

    // Issue 5 §6 (2): 30% of the updates fail: the rollout pauses after the first wave.
    void failuresPauseAfterFirstWave()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(sandboxArgs(800, 60, 10, 0.3, 30, 11)));
        Console console(sandbox, cache("failures.sqlite"));
        QVERIFY(console.start());

        Domain::RolloutSpec spec;
        spec.title = QStringLiteral("v6, failing");
        spec.version = 6;
        spec.nodes = console.sync->state().hierarchy().customers();
        spec.waves = {percentWave(10), percentWave(25), percentWave(100)};
        QString error;
        const qint64 id = console.startRollout(spec, &error);
        QVERIFY2(id > 0, qPrintable(error));

        QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(id)),
            Domain::toString(RolloutState::Paused), RolloutTimeoutMs);
        const Domain::Rollout &r = console.rollout(id);
        QVERIFY(r.pausedForFailures);
        QVERIFY(!r.stateReason.isEmpty());
        QCOMPARE(
            Domain::toString(r.waves.at(1).state), Domain::toString(Domain::WaveState::Pending));
        QCOMPARE(
            Domain::toString(r.waves.at(2).state), Domain::toString(Domain::WaveState::Pending));
        const Domain::WaveCounts first = console.engine->waveCounts(id, 0);
        QVERIFY(first.failures() >= qMax(1, (first.total * 10 + 99) / 100));
        // The second wave never started: its devices are pending and not in a rollout group.
        const QStringList second = console.devicesIn(id, RolloutDeviceState::Pending, 1);
        QCOMPARE(second.size(), console.engine->waveCounts(id, 1).total);
        const QHash<QString, Domain::Device> cloud = cloudDevices(sandbox);
        for (const QString &deviceId : second) {
            QVERIFY(!cloud.value(deviceId).groups.contains(
                Domain::rolloutGroupName(console.rollout(id).spec.token, 1)));
            QVERIFY(cloud.value(deviceId).targetedFirmwareVersion != 6);
        }
        // The console's own view of the first wave follows without a pull: its devices are in
        // the wave's group and targeted at the version (so not shown as off target).
        const QString firstGroup = Domain::rolloutGroupName(console.rollout(id).spec.token, 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const Domain::RolloutDevice &d : console.rollout(id).devices) {
                    if (d.wave != 0)
                        continue;
                    const Domain::Device &known = console.sync->state().devices.value(d.id);
                    if (!known.groups.contains(firstGroup)
                        || known.targetedFirmwareVersion != std::optional<int>(6))
                        return false;
                }
                return true;
            }(),
            ConsoleViewTimeoutMs);

        // Resuming accepts the first wave's failures: the next wave starts.
        QVERIFY(!console.engine->pause(id).isEmpty()); // paused already
        QVERIFY(setSimulation(sandbox, {{QStringLiteral("update_failure_rate"), 0}}));
        QCOMPARE(console.engine->resume(id), QString());
        QTRY_VERIFY_WITH_TIMEOUT(
            console.rollout(id).waves.at(1).state != Domain::WaveState::Pending, StepTimeoutMs);
        QVERIFY(console.rollout(id).waves.at(0).failuresAccepted);
        QCOMPARE(console.engine->abort(id), QString());
    }

    // Issue 5 §6 (3): the console goes away in the middle of a wave and comes back.
    void restartResumesWithoutFlashingTwice()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(sandboxArgs(600, 20, 20, 0, 20, 5)));
        FlashCounter flashes(sandbox);
        QVERIFY(flashes.waitConnected());
        const QString path = cache("restart.sqlite");
        qint64 id = 0;
        QStringList targeted;
        QSet<QString> busyBefore;
        QString away; // a device of the first wave the test keeps offline until the restart
        qint64 startedAt = 0;
        {
            Console console(sandbox, path);
            QVERIFY(console.start());
            busyBefore = notOnTarget(console.sync->state());
            Domain::RolloutSpec spec;
            spec.title = QStringLiteral("v6, restarted");
            spec.version = 6;
            spec.nodes = console.sync->state().hierarchy().customers();
            spec.waves = {percentWave(20), percentWave(100)};
            startedAt = QDateTime::currentMSecsSinceEpoch();
            QString error;
            id = console.startRollout(spec, &error);
            QVERIFY2(id > 0, qPrintable(error));
            targeted = console.targeted(id);
            // One device of the first wave goes away before the wave is released, so the wave
            // cannot finish before the console goes, however slowly the test runs.
            for (const Domain::RolloutDevice &d : console.rollout(id).devices) {
                if (d.wave == 0 && d.state != RolloutDeviceState::Skipped
                    && !busyBefore.contains(d.id)) {
                    away = d.id;
                    break;
                }
            }
            QVERIFY(!away.isEmpty());
            QVERIFY(setDevice(sandbox, away,
                {{QStringLiteral("online"), false}, {QStringLiteral("active"), false}}));
            // In the middle of the first wave: some devices done, others not.
            QTRY_VERIFY_WITH_TIMEOUT(
                console.engine->waveCounts(id, 0).succeeded >= 3, RolloutTimeoutMs);
            QVERIFY(console.engine->waveCounts(id, 0).active() > 0);
        }
        {
            Console console(sandbox, path);
            QVERIFY(console.start(false));
            QVERIFY(console.engine->rollout(id));
            QCOMPARE(console.targeted(id), targeted);
            QVERIFY(setDevice(sandbox, away,
                {{QStringLiteral("online"), true}, {QStringLiteral("active"), true}}));
            QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(id)),
                Domain::toString(RolloutState::Completed), RolloutTimeoutMs);
            QCOMPARE(console.devicesIn(id, RolloutDeviceState::Succeeded).size(), targeted.size());
            const QHash<QString, Domain::Device> cloud = cloudDevices(sandbox);
            for (const QString &deviceId : std::as_const(targeted)) {
                QCOMPARE(cloud.value(deviceId).firmwareVersion, 6);
                // (The device the test took away may have been flashing already: its update
                // starts again when it is back.)
                if (!busyBefore.contains(deviceId) && deviceId != away)
                    QVERIFY2(flashes.startsAfter(deviceId, startedAt) == 1, qPrintable(deviceId));
            }
        }
    }

    // Issue 5 §6 (4): after an abort no cancelled device and no device of a later wave flashes.
    void abortStopsNewFlashes()
    {
        SandboxProcess sandbox;
        // Devices that go offline stay away long: some of the first wave are still waiting.
        QVERIFY(sandbox.start(sandboxArgs(600, 20, 20, 0, 1e7, 9)));
        FlashCounter flashes(sandbox);
        QVERIFY(flashes.waitConnected());
        Console console(sandbox, cache("abort.sqlite"));
        QVERIFY(console.start());
        const QSet<QString> busyBefore = notOnTarget(console.sync->state());
        Domain::RolloutSpec spec;
        spec.title = QStringLiteral("v6, aborted");
        spec.version = 6;
        spec.nodes = console.sync->state().hierarchy().customers();
        spec.waves = {percentWave(30), percentWave(100)};
        const qint64 startedAt = QDateTime::currentMSecsSinceEpoch();
        QString error;
        const qint64 id = console.startRollout(spec, &error);
        QVERIFY2(id > 0, qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(console.rollout(id).waves.at(0).released, StepTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            console.engine->waveCounts(id, 0).succeeded >= 3, RolloutTimeoutMs);
        // The devices that are away now stay away until the test brings them back.
        QSet<QString> offline;
        for (const Domain::Device &d : cloudDevices(sandbox)) {
            if (!d.online)
                offline.insert(d.id);
        }
        const qint64 abortedAt = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(console.engine->abort(id), QString());
        QCOMPARE(Domain::toString(console.state(id)), Domain::toString(RolloutState::Aborted));
        QVERIFY(!console.engine->abort(id).isEmpty());
        const QStringList cancelled = console.devicesIn(id, RolloutDeviceState::Cancelled);
        QStringList laterWave;
        QStringList waitingCancelled; // first wave, away: taken out of the rollout group
        for (const Domain::RolloutDevice &d : console.rollout(id).devices) {
            if (d.wave == 1)
                laterWave.append(d.id);
            if (d.state == RolloutDeviceState::Cancelled && d.wave == 0 && offline.contains(d.id))
                waitingCancelled.append(d.id);
        }
        QVERIFY(!laterWave.isEmpty());
        QVERIFY(laterWave.size() <= cancelled.size());
        QVERIFY2(!waitingCancelled.isEmpty(), "no device of the first wave was still waiting");
        // The cancellation reaches the cloud.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const Domain::RolloutDevice &d : console.rollout(id).devices) {
                    if (!d.stage.isEmpty() && d.state == RolloutDeviceState::Cancelled)
                        return false;
                }
                return true;
            }(),
            StepTimeoutMs);
        // Every device updating at the abort finishes; the devices that were away come back.
        QTRY_COMPARE_WITH_TIMEOUT(console.engine->waveCounts(id, 0).updating, 0, RolloutTimeoutMs);
        for (const QString &deviceId : std::as_const(waitingCancelled))
            QVERIFY(setDevice(sandbox, deviceId, {{QStringLiteral("online"), true}}));
        const QHash<QString, Domain::Device> cloud = cloudDevices(sandbox);
        // No cancelled device is targeted at the version any more (so none will flash it).
        for (const QString &deviceId : cancelled) {
            QVERIFY2(cloud.value(deviceId).targetedFirmwareVersion != 6, qPrintable(deviceId));
            QVERIFY(!cloud.value(deviceId).groups.contains(
                Domain::rolloutGroupName(console.rollout(id).spec.token, 0)));
        }
        for (const QString &deviceId : std::as_const(waitingCancelled)) {
            QVERIFY(cloud.value(deviceId).online);
            QVERIFY2(cloud.value(deviceId).firmwareVersion != 6, qPrintable(deviceId));
            // (Unless it was behind its earlier target: that update goes on.)
            if (!busyBefore.contains(deviceId))
                QCOMPARE(flashes.startsAfter(deviceId, abortedAt), 0);
        }
        // The later wave never started: none of its devices flashed.
        for (const QString &deviceId : std::as_const(laterWave)) {
            QVERIFY2(cloud.value(deviceId).firmwareVersion != 6, qPrintable(deviceId));
            if (!busyBefore.contains(deviceId))
                QCOMPARE(flashes.startsAfter(deviceId, startedAt), 0);
        }
        QCOMPARE(Domain::toString(console.rollout(id).waves.at(1).state),
            Domain::toString(Domain::WaveState::Pending));
        // Succeeded devices stay as they are.
        for (const QString &deviceId : console.devicesIn(id, RolloutDeviceState::Succeeded))
            QCOMPARE(cloud.value(deviceId).firmwareVersion, 6);
    }

    // Lock and flash a handful of devices, then roll them back.
    void lockAndRollback()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(sandboxArgs(300, 20, 10, 0, 20, 3)));
        Console console(sandbox, cache("lock.sqlite"));
        QVERIFY(console.start());
        const Sync::FleetState &state = console.sync->state();
        QStringList chosen;
        QHash<QString, int> before;
        for (const Domain::Device &d : state.devices) {
            if (!d.development && !d.desiredFirmwareVersion && d.firmwareVersion > 0
                && d.firmwareVersion != 6 && d.targetedFirmwareVersion == d.firmwareVersion
                && !d.groups.isEmpty() && !d.groups.contains(QStringLiteral("flotilla-returns"))
                && chosen.size() < 12) {
                chosen.append(d.id);
                before.insert(d.id, d.firmwareVersion);
            }
        }
        QCOMPARE(chosen.size(), 12);
        Domain::RolloutSpec spec;
        spec.title = QStringLiteral("v6 locked");
        spec.version = 6;
        spec.method = RolloutMethod::Lock;
        spec.devices = chosen;
        QString error;
        const qint64 id = console.startRollout(spec, &error);
        QVERIFY2(id > 0, qPrintable(error));
        // The same devices cannot be in two active rollouts.
        QString second;
        QCOMPARE(console.startRollout(spec, &second), 0);
        QVERIFY(!second.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(id)),
            Domain::toString(RolloutState::Completed), RolloutTimeoutMs);
        QCOMPARE(console.devicesIn(id, RolloutDeviceState::Succeeded).size(), chosen.size());
        QHash<QString, Domain::Device> cloud = cloudDevices(sandbox);
        for (const QString &deviceId : std::as_const(chosen)) {
            QCOMPARE(cloud.value(deviceId).desiredFirmwareVersion, std::optional<int>(6));
            QCOMPARE(cloud.value(deviceId).firmwareVersion, 6);
        }
        // One request per device and little more.
        QVERIFY(console.rollout(id).requests >= chosen.size());
        QVERIFY(console.rollout(id).requests <= chosen.size() + 5);

        QCOMPARE(console.engine->rollback(id), QString());
        QCOMPARE(Domain::toString(console.state(id)), Domain::toString(RolloutState::RollingBack));
        QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(id)),
            Domain::toString(RolloutState::RolledBack), RolloutTimeoutMs);
        QCOMPARE(console.devicesIn(id, RolloutDeviceState::RolledBack).size(), chosen.size());
        cloud = cloudDevices(sandbox);
        for (const QString &deviceId : std::as_const(chosen)) {
            QCOMPARE(cloud.value(deviceId).firmwareVersion, before.value(deviceId));
            QCOMPARE(cloud.value(deviceId).desiredFirmwareVersion,
                std::optional<int>(before.value(deviceId)));
        }
    }

    // Lock and flash, restarted while locks are being sent: devices that may have been sent are
    // read back, none is locked or flashed twice.
    void lockRestartReadsBack()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(sandboxArgs(300, 20, 10, 0, 20, 12)));
        FlashCounter flashes(sandbox);
        QVERIFY(flashes.waitConnected());
        const QString path = cache("lockrestart.sqlite");
        Rollout::RolloutConfig config;
        config.maxInFlight = 2;
        qint64 id = 0;
        QStringList chosen;
        QSet<QString> busyBefore;
        qint64 startedAt = 0;
        {
            Console console(sandbox, path, config);
            QVERIFY(console.start());
            busyBefore = notOnTarget(console.sync->state());
            for (const Domain::Device &d : console.sync->state().devices) {
                if (!d.development && !d.desiredFirmwareVersion && d.firmwareVersion != 6
                    && !d.groups.isEmpty() && !d.groups.contains(QStringLiteral("flotilla-returns"))
                    && chosen.size() < 120)
                    chosen.append(d.id);
            }
            Domain::RolloutSpec spec;
            spec.title = QStringLiteral("v6 locked, restarted");
            spec.version = 6;
            spec.method = RolloutMethod::Lock;
            spec.devices = chosen;
            startedAt = QDateTime::currentMSecsSinceEpoch();
            QString error;
            id = console.startRollout(spec, &error);
            QVERIFY2(id > 0, qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(console.devicesIn(id, RolloutDeviceState::Waiting).size()
                        + console.devicesIn(id, RolloutDeviceState::Succeeded).size()
                    >= 10,
                StepTimeoutMs);
            QVERIFY(!console.devicesIn(id, RolloutDeviceState::Pending).isEmpty());
        }
        Console console(sandbox, path, config);
        QVERIFY(console.start(false));
        QVERIFY(console.engine->rollout(id));
        QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(id)),
            Domain::toString(RolloutState::Completed), RolloutTimeoutMs);
        const QHash<QString, Domain::Device> cloud = cloudDevices(sandbox);
        for (const QString &deviceId : console.targeted(id)) {
            QCOMPARE(cloud.value(deviceId).firmwareVersion, 6);
            QCOMPARE(cloud.value(deviceId).desiredFirmwareVersion, std::optional<int>(6));
            if (!busyBefore.contains(deviceId))
                QVERIFY2(flashes.startsAfter(deviceId, startedAt) == 1, qPrintable(deviceId));
        }
        // One lock per device; the restart re-sends at most the locks that were on the wire.
        const int locks = routeCount(sandbox, QStringLiteral("PUT /v1/products/:p/devices/:id"));
        QVERIFY2(locks >= console.targeted(id).size()
                && locks <= console.targeted(id).size() + config.maxInFlight,
            qPrintable(QString::number(locks)));
    }

    // Without the event stream the engine learns of the updates by polling the wave groups.
    void pollingWithoutEvents()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(sandboxArgs(300, 20, 10, 0, 20, 6)));
        Rollout::RolloutConfig config;
        config.pollIntervalMs = 300;
        Console console(sandbox, cache("polling.sqlite"), config, false);
        QVERIFY(console.start());
        Domain::RolloutSpec spec;
        spec.title = QStringLiteral("v6, polled");
        spec.version = 6;
        spec.nodes = {QStringLiteral("acme")};
        spec.waves = {percentWave(50), percentWave(100)};
        QString error;
        const qint64 id = console.startRollout(spec, &error);
        QVERIFY2(id > 0, qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(id)),
            Domain::toString(RolloutState::Completed), RolloutTimeoutMs);
        QCOMPARE(console.devicesIn(id, RolloutDeviceState::Succeeded).size(),
            console.targeted(id).size());
        // Group listings, a page per 100 devices, not a request per device.
        QVERIFY(routeCount(sandbox, QStringLiteral("GET /v1/products/:p/devices")) > 0);
        QCOMPARE(routeCount(sandbox, QStringLiteral("GET /v1/products/:p/devices/:id")), 0);

        // A release is polled the same way: the selected nodes' groups, page by page.
        Domain::RolloutSpec release;
        release.title = QStringLiteral("v6 to Cobalt, polled");
        release.version = 6;
        release.method = RolloutMethod::Release;
        release.nodes = {QStringLiteral("cobalt")};
        const qint64 released = console.startRollout(release, &error);
        QVERIFY2(released > 0, qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(released)),
            Domain::toString(RolloutState::Completed), RolloutTimeoutMs);
        QCOMPARE(console.devicesIn(released, RolloutDeviceState::Succeeded).size(),
            console.targeted(released).size());
        QCOMPARE(routeCount(sandbox, QStringLiteral("GET /v1/products/:p/devices/:id")), 0);
    }

    // Rolling back a staged rollout in its first wave: it is aborted, the devices that updated
    // leave the rollout group and return to their previous version.
    void stagedRollbackMidWave()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(sandboxArgs(300, 20, 10, 0, 20, 13)));
        Console console(sandbox, cache("stagedrollback.sqlite"));
        QVERIFY(console.start());
        Domain::RolloutSpec spec;
        spec.title = QStringLiteral("v6, rolled back");
        spec.version = 6;
        spec.nodes = {QStringLiteral("acme")};
        spec.waves = {percentWave(50), percentWave(100)};
        QString error;
        const qint64 id = console.startRollout(spec, &error);
        QVERIFY2(id > 0, qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(
            console.engine->waveCounts(id, 0).succeeded >= 5, RolloutTimeoutMs);
        QCOMPARE(console.engine->rollback(id), QString());
        QCOMPARE(Domain::toString(console.state(id)), Domain::toString(RolloutState::RollingBack));
        QVERIFY(!console.engine->rollback(id).isEmpty());
        QVERIFY(!console.engine->remove(id).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(id)),
            Domain::toString(RolloutState::RolledBack), RolloutTimeoutMs);
        const QHash<QString, Domain::Device> cloud = cloudDevices(sandbox);
        const QStringList rolledBack = console.devicesIn(id, RolloutDeviceState::RolledBack);
        QVERIFY(rolledBack.size() >= 5);
        for (const Domain::RolloutDevice &d : console.rollout(id).devices) {
            if (d.state != RolloutDeviceState::RolledBack)
                continue;
            const Domain::Device &now = cloud.value(d.id);
            QCOMPARE(now.firmwareVersion, d.previousVersion);
            QCOMPARE(now.desiredFirmwareVersion, std::optional<int>(d.previousVersion));
            QVERIFY(
                !now.groups.contains(Domain::rolloutGroupName(console.rollout(id).spec.token, 0)));
        }
        QCOMPARE(console.devicesIn(id, RolloutDeviceState::Pending).size(), 0);
        QCOMPARE(Domain::toString(console.rollout(id).waves.at(1).state),
            Domain::toString(Domain::WaveState::Pending));
        QCOMPARE(console.engine->remove(id), QString());
    }

    // Release to one customer's groups; and a version the product does not have is refused.
    void releaseToANode()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(sandboxArgs(300, 20, 10, 0, 20, 4)));
        Console console(sandbox, cache("release.sqlite"));
        QVERIFY(console.start());
        QString error;
        Domain::RolloutSpec spec;
        spec.title = QStringLiteral("v9");
        spec.version = 9;
        spec.method = RolloutMethod::Release;
        spec.nodes = {QStringLiteral("cobalt")};
        QCOMPARE(console.startRollout(spec, &error), 0);
        QVERIFY(!error.isEmpty());

        spec.title = QStringLiteral("v6 to Cobalt");
        spec.version = 6;
        const qint64 id = console.startRollout(spec, &error);
        QVERIFY2(id > 0, qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(id)),
            Domain::toString(RolloutState::Completed), RolloutTimeoutMs);
        const QHash<QString, Domain::Device> cloud = cloudDevices(sandbox);
        for (const QString &deviceId : console.targeted(id))
            QCOMPARE(cloud.value(deviceId).firmwareVersion, 6);
        // One read of the version's groups and one release.
        QCOMPARE(console.rollout(id).requests, 2);
        const QJsonArray firmware
            = Http(sandbox.token())
                  .get(sandbox.url(
                      QStringLiteral("/v1/products/%1/firmware").arg(sandbox.productId())))
                  .array();
        for (const QJsonValue &v : firmware) {
            if (v.toObject().value(QStringLiteral("version")).toInt() == 6)
                QVERIFY(v.toObject()
                            .value(QStringLiteral("groups"))
                            .toArray()
                            .contains(QJsonValue(QStringLiteral("cobalt"))));
        }
    }

    // A release that would reach devices another rollout still updates to another version is
    // refused; locking and flashing the rest is not.
    void releaseOverAnotherRolloutIsRefused()
    {
        SandboxProcess sandbox;
        // Devices that are offline stay offline: the first rollout keeps waiting for them.
        QVERIFY(sandbox.start(sandboxArgs(300, 20, 10, 0, 10000000, 4)));
        Console console(sandbox, cache("held.sqlite"));
        QVERIFY(console.start());
        Domain::RolloutSpec first;
        first.title = QStringLiteral("v5 to Cobalt");
        first.version = 5;
        first.method = RolloutMethod::Release;
        first.nodes = {QStringLiteral("cobalt")};
        const Domain::FlashImpact impact
            = console.engine->assess(first.method, first.version, first.nodes, {});
        QVERIFY(impact.offline > 0);
        QString error;
        const qint64 a = console.startRollout(first, &error);
        QVERIFY2(a > 0, qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(console.engine->waveCounts(a, 0).waiting == impact.offline
                && console.engine->waveCounts(a, 0).updating == 0,
            RolloutTimeoutMs);

        Domain::RolloutSpec second = first;
        second.title = QStringLiteral("v6 to Cobalt");
        second.version = 6;
        const Domain::FlashImpact held
            = console.engine->assess(second.method, second.version, second.nodes, {});
        QCOMPARE(held.inOtherRollout, impact.offline);
        QCOMPARE(console.startRollout(second, &error), 0);
        QVERIFY2(error.contains(QStringLiteral("v5 to Cobalt")), qPrintable(error));
        second.method = RolloutMethod::Staged; // its final release would reach them too
        QCOMPARE(console.startRollout(second, &error), 0);
        QVERIFY2(error.contains(QStringLiteral("v5 to Cobalt")), qPrintable(error));
        second.method = RolloutMethod::Lock; // locks reach only the devices it targets
        const qint64 b = console.startRollout(second, &error);
        QVERIFY2(b > 0, qPrintable(error));
        QCOMPARE(console.engine->abort(b), QString());
        QCOMPARE(console.engine->abort(a), QString());
    }

    // A wave that waits for the operator, pause and resume, start the next wave now.
    void operatorControls()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(sandboxArgs(300, 20, 10, 0, 20, 8)));
        Console console(sandbox, cache("controls.sqlite"));
        QVERIFY(console.start());
        Domain::RolloutSpec spec;
        spec.title = QStringLiteral("v6 by hand");
        spec.version = 6;
        spec.order = Domain::RolloutSpec::Order::ByName;
        spec.nodes = {QStringLiteral("acme")};
        spec.waves = {percentWave(10), percentWave(30, true), percentWave(100)};
        QString error;
        const qint64 id = console.startRollout(spec, &error);
        QVERIFY2(id > 0, qPrintable(error));
        // Pause right away: nothing new starts, resume goes on.
        QCOMPARE(console.engine->pause(id), QString());
        QCOMPARE(Domain::toString(console.state(id)), Domain::toString(RolloutState::Paused));
        QVERIFY(!console.rollout(id).pausedForFailures);
        QVERIFY(!console.engine->remove(id).isEmpty());
        QCOMPARE(console.engine->resume(id), QString());
        QCOMPARE(Domain::toString(console.state(id)), Domain::toString(RolloutState::Running));
        // The second wave waits for the operator.
        QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(id)),
            Domain::toString(RolloutState::Paused), RolloutTimeoutMs);
        QVERIFY(!console.rollout(id).pausedForFailures);
        QVERIFY(console.rollout(id).stateReason.contains(QLatin1Char('2')));
        QCOMPARE(Domain::toString(console.rollout(id).waves.at(1).state),
            Domain::toString(Domain::WaveState::Pending));
        // The second wave's devices go away: it cannot reach its success threshold.
        QStringList second;
        for (const Domain::RolloutDevice &d : console.rollout(id).devices) {
            if (d.wave == 1)
                second.append(d.id);
        }
        QVERIFY(!second.isEmpty());
        for (const QString &deviceId : std::as_const(second))
            QVERIFY(setDevice(sandbox, deviceId,
                {{QStringLiteral("online"), false}, {QStringLiteral("active"), false}}));
        QCOMPARE(console.engine->startNextWave(id), QString());
        QCOMPARE(Domain::toString(console.state(id)), Domain::toString(RolloutState::Running));
        QVERIFY(console.rollout(id).waves.at(1).state != Domain::WaveState::Pending);
        QTRY_VERIFY_WITH_TIMEOUT(console.rollout(id).waves.at(1).released, StepTimeoutMs);
        QCOMPARE(Domain::toString(console.rollout(id).waves.at(2).state),
            Domain::toString(Domain::WaveState::Pending));
        // Skip the success threshold of the second wave: the third starts at once.
        QString refused = QStringLiteral("not called");
        QVERIFY(
            QTest::qWaitFor([&] { return (refused = console.engine->startNextWave(id)).isEmpty(); },
                StepTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(console.rollout(id).waves.at(2).released, StepTimeoutMs);
        QVERIFY(!console.engine->startNextWave(id).isEmpty()); // no wave after the last
        // The last wave is done, the second one is not: the rollout goes on.
        QTRY_COMPARE_WITH_TIMEOUT(console.engine->waveCounts(id, 2).succeeded,
            console.engine->waveCounts(id, 2).total, RolloutTimeoutMs);
        QCOMPARE(Domain::toString(console.state(id)), Domain::toString(RolloutState::Running));
        QCOMPARE(console.engine->waveCounts(id, 1).waiting, second.size());
        for (const QString &deviceId : std::as_const(second))
            QVERIFY(setDevice(sandbox, deviceId,
                {{QStringLiteral("online"), true}, {QStringLiteral("active"), true}}));
        QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(id)),
            Domain::toString(RolloutState::Completed), RolloutTimeoutMs);
        QCOMPARE(console.devicesIn(id, RolloutDeviceState::Succeeded).size(),
            console.targeted(id).size());
    }

    // Two devices in 5% → 25% → 100%: the third wave has no device. It is finished at once and
    // never named in a release (its group does not exist).
    void emptyWaveIsSkipped()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(sandboxArgs(100, 20, 10, 0, 20, 21)));
        Console console(sandbox, cache("emptywave.sqlite"));
        QVERIFY(console.start());
        const QStringList chosen = plainDevices(console.sync->state(), 2);
        QCOMPARE(chosen.size(), 2);
        Domain::RolloutSpec spec;
        spec.title = QStringLiteral("v6 to two devices");
        spec.version = 6;
        spec.devices = chosen;
        spec.waves = {percentWave(5), percentWave(25), percentWave(100)};
        QString error;
        const qint64 id = console.startRollout(spec, &error);
        QVERIFY2(id > 0, qPrintable(error));
        const QString token = console.rollout(id).spec.token;
        QCOMPARE(token.size(), 10);
        QCOMPARE(console.engine->waveCounts(id, 0).total, 1);
        QCOMPARE(console.engine->waveCounts(id, 1).total, 1);
        QCOMPARE(console.engine->waveCounts(id, 2).total, 0);
        QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(id)),
            Domain::toString(RolloutState::Completed), RolloutTimeoutMs);
        QCOMPARE(console.devicesIn(id, RolloutDeviceState::Succeeded).size(), 2);
        for (const Domain::WaveProgress &w : console.rollout(id).waves) {
            QVERIFY(w.released);
            QCOMPARE(Domain::toString(w.state), Domain::toString(Domain::WaveState::Finished));
        }
        const QStringList groups = releasedGroups(sandbox, 6);
        QVERIFY(groups.contains(Domain::rolloutGroupName(token, 0)));
        QVERIFY(groups.contains(Domain::rolloutGroupName(token, 1)));
        QVERIFY(!groups.contains(Domain::rolloutGroupName(token, 2)));

        // Particle keeps one `intelligent` flag per version: a standard release of the same
        // version to a customer keeps it intelligent (the wave groups stay an immediate push).
        Domain::RolloutSpec standard;
        standard.title = QStringLiteral("v6 to Cobalt, standard");
        standard.version = 6;
        standard.method = RolloutMethod::Release;
        standard.intelligent = false;
        standard.nodes = {QStringLiteral("cobalt")};
        const qint64 released = console.startRollout(standard, &error);
        QVERIFY2(released > 0, qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(console.rollout(released).waves.at(0).released, StepTimeoutMs);
        // The firmware list does not say it (Particle documents the flag on the release answer
        // only); the sandbox's own record does.
        const QJsonArray intelligentVersions = Http(sandbox.adminToken())
                                                   .get(sandbox.url(QStringLiteral("/admin/ota")))
                                                   .json()
                                                   .value(QStringLiteral("intelligent_versions"))
                                                   .toArray();
        const bool intelligent = intelligentVersions.contains(QJsonValue(6));
        QVERIFY(intelligent);
        QVERIFY(releasedGroups(sandbox, 6).contains(QStringLiteral("cobalt")));
    }

    // A device removed from the product between the plan and its wave: the batch that names it
    // is refused; the device is marked Failed and the others of the wave still update.
    void removedDeviceDoesNotBlockTheWave()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(sandboxArgs(300, 20, 10, 0, 20, 22)));
        Console console(sandbox, cache("removed.sqlite"));
        QVERIFY(console.start());
        Domain::RolloutSpec spec;
        spec.title = QStringLiteral("v6 to Acme");
        spec.version = 6;
        spec.nodes = {QStringLiteral("acme")};
        spec.waves = {tolerantWave(30), tolerantWave(100, true)};
        QString error;
        const qint64 id = console.startRollout(spec, &error);
        QVERIFY2(id > 0, qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(id)),
            Domain::toString(RolloutState::Paused), RolloutTimeoutMs);
        QVERIFY(!console.rollout(id).pausedForFailures);
        const QStringList second = console.devicesIn(id, RolloutDeviceState::Pending, 1);
        QVERIFY(second.size() >= 2);
        const QString gone = second.at(second.size() / 2);
        QCOMPARE(Http(sandbox.token())
                     .del(sandbox.url(QStringLiteral("/v1/products/%1/devices/%2")
                                          .arg(sandbox.productId())
                                          .arg(gone)))
                     .status,
            204);
        QCOMPARE(console.engine->startNextWave(id), QString());
        QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(id)),
            Domain::toString(RolloutState::Completed), RolloutTimeoutMs);
        for (const Domain::RolloutDevice &d : console.rollout(id).devices) {
            if (d.id == gone) {
                QCOMPARE(Domain::toString(d.state), Domain::toString(RolloutDeviceState::Failed));
                QVERIFY(!d.reason.isEmpty());
            } else if (d.wave == 1) {
                QCOMPARE(
                    Domain::toString(d.state), Domain::toString(RolloutDeviceState::Succeeded));
            }
        }
        QCOMPARE(console.devicesIn(id, RolloutDeviceState::Succeeded, 1).size(), second.size() - 1);
    }

    // Two staged rollouts of one version to two customers at once: their releases (read the
    // version's groups, write them back) take turns, so neither drops the other's groups.
    void concurrentRolloutsOfOneVersion()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(sandboxArgs(300, 20, 10, 0, 20, 23)));
        Console console(sandbox, cache("concurrent.sqlite"));
        QVERIFY(console.start());
        QList<qint64> ids;
        for (const QString &customer : {QStringLiteral("acme"), QStringLiteral("cobalt")}) {
            Domain::RolloutSpec spec;
            spec.title = QStringLiteral("v6 to ") + customer;
            spec.version = 6;
            spec.nodes = {customer};
            spec.waves = {tolerantWave(20), tolerantWave(50), tolerantWave(100)};
            QString error;
            const qint64 id = console.startRollout(spec, &error);
            QVERIFY2(id > 0, qPrintable(error));
            ids.append(id);
        }
        QVERIFY(console.rollout(ids.at(0)).spec.token != console.rollout(ids.at(1)).spec.token);
        for (const qint64 id : std::as_const(ids)) {
            QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(id)),
                Domain::toString(RolloutState::Completed), RolloutTimeoutMs);
            QTRY_VERIFY_WITH_TIMEOUT(console.rollout(id).finalReleaseDone, StepTimeoutMs);
        }
        const QHash<QString, Domain::Device> cloud = cloudDevices(sandbox);
        for (const qint64 id : std::as_const(ids)) {
            QCOMPARE(console.devicesIn(id, RolloutDeviceState::Succeeded).size(),
                console.targeted(id).size());
            for (const QString &deviceId : console.targeted(id))
                QVERIFY2(cloud.value(deviceId).firmwareVersion == 6, qPrintable(deviceId));
        }
        const QStringList groups = releasedGroups(sandbox, 6);
        QVERIFY(groups.contains(QStringLiteral("acme")));
        QVERIFY(groups.contains(QStringLiteral("cobalt")));
        for (const QString &g : groups)
            QVERIFY2(!Domain::isRolloutGroupName(g), qPrintable(g));
    }

    // A device that stays offline while rolling back times out; the rollback still finishes
    // and says how many devices did not return.
    void rollbackTimesOut()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(sandboxArgs(100, 20, 10, 0, 20, 24)));
        Console console(sandbox, cache("rollbacktimeout.sqlite"));
        QVERIFY(console.start());
        const QStringList chosen = plainDevices(console.sync->state(), 3);
        QCOMPARE(chosen.size(), 3);
        Domain::RolloutSpec spec;
        spec.title = QStringLiteral("v6 locked, rolled back");
        spec.version = 6;
        spec.method = RolloutMethod::Lock;
        spec.devices = chosen;
        spec.deviceTimeoutS = 3600;
        QString error;
        const qint64 id = console.startRollout(spec, &error);
        QVERIFY2(id > 0, qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(id)),
            Domain::toString(RolloutState::Completed), RolloutTimeoutMs);
        const QString away = chosen.at(1);
        QVERIFY(setDevice(
            sandbox, away, {{QStringLiteral("online"), false}, {QStringLiteral("active"), false}}));
        QCOMPARE(console.engine->rollback(id), QString());
        QTRY_COMPARE_WITH_TIMEOUT(
            console.devicesIn(id, RolloutDeviceState::RolledBack).size(), 2, RolloutTimeoutMs);
        // Its lock to the previous version went out; it never comes back.
        const auto lockedBack = [&] {
            for (const Domain::RolloutDevice &d : console.rollout(id).devices) {
                if (d.id == away)
                    return d.state == RolloutDeviceState::RollingBack && d.startedMs > 0;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(lockedBack(), StepTimeoutMs);
        QCOMPARE(Domain::toString(console.state(id)), Domain::toString(RolloutState::RollingBack));
        const qint64 later = QDateTime::currentMSecsSinceEpoch() + 2 * 3600 * 1000;
        console.engine->setClock([later] { return later; });
        QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(id)),
            Domain::toString(RolloutState::RolledBack), StepTimeoutMs);
        QCOMPARE(console.devicesIn(id, RolloutDeviceState::TimedOut), QStringList {away});
        QVERIFY(console.rollout(id).stateReason.contains(QLatin1Char('1')));
    }

    // A device that timed out (offline) and updates after the rollout completed still counts as
    // succeeded, and the cache keeps it.
    void lateUpdateAfterCompletion()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(sandboxArgs(100, 20, 10, 0, 20, 25)));
        const QString path = cache("late.sqlite");
        qint64 id = 0;
        QString away;
        {
            Console console(sandbox, path);
            QVERIFY(console.start());
            const QStringList chosen = plainDevices(console.sync->state(), 3);
            QCOMPARE(chosen.size(), 3);
            away = chosen.at(2);
            QVERIFY(setDevice(sandbox, away,
                {{QStringLiteral("online"), false}, {QStringLiteral("active"), false}}));
            Domain::RolloutSpec spec;
            spec.title = QStringLiteral("v6 locked, one late");
            spec.version = 6;
            spec.method = RolloutMethod::Lock;
            spec.devices = chosen;
            spec.waves = {tolerantWave(100)};
            spec.deviceTimeoutS = 3600;
            QString error;
            id = console.startRollout(spec, &error);
            QVERIFY2(id > 0, qPrintable(error));
            QTRY_COMPARE_WITH_TIMEOUT(
                console.devicesIn(id, RolloutDeviceState::Succeeded).size(), 2, RolloutTimeoutMs);
            const qint64 later = QDateTime::currentMSecsSinceEpoch() + 2 * 3600 * 1000;
            console.engine->setClock([later] { return later; });
            QTRY_COMPARE_WITH_TIMEOUT(Domain::toString(console.state(id)),
                Domain::toString(RolloutState::Completed), StepTimeoutMs);
            QCOMPARE(console.devicesIn(id, RolloutDeviceState::TimedOut), QStringList {away});
            QVERIFY(setDevice(sandbox, away,
                {{QStringLiteral("online"), true}, {QStringLiteral("active"), true}}));
            QTRY_COMPARE_WITH_TIMEOUT(
                console.devicesIn(id, RolloutDeviceState::Succeeded).size(), 3, RolloutTimeoutMs);
            QCOMPARE(
                Domain::toString(console.state(id)), Domain::toString(RolloutState::Completed));
        }
        Console again(sandbox, path);
        QVERIFY(again.start(false));
        QVERIFY(again.engine->rollout(id));
        QCOMPARE(again.devicesIn(id, RolloutDeviceState::Succeeded).size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestRolloutEngine)
#include "tst_rolloutengine.moc"
