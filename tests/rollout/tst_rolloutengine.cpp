// SPDX-License-Identifier: MIT
// The rollout engine against the sandbox over real HTTP: a three-wave staged rollout of a
// 2,000-device fleet completes with a few dozen requests; failures pause it after the first
// wave; a restart in the middle of a wave resumes without flashing any device twice; abort stops
// new flashes; lock and flash, release, the operator controls and rollback do what they say; empty
// waves, devices removed from the product, concurrent rollouts of one version, rollbacks that
// time out and devices that update after the rollout completed are handled. The setup they share
// (sandbox, console, flash counter, specs) is RolloutFixture.
#include "rolloutfixture.h"
#include "sync/syncengine.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace Flotilla::Test;
using Domain::RolloutDeviceState;
using Domain::RolloutMethod;
using Domain::RolloutState;
using Domain::WaveState;

// Waits (up to `timeoutMs`, a limit) for rollout `id` of `fixture` to be in `expected`; a
// failure names the state it is in.
#define WAIT_FOR_STATE(fixture, id, expected, timeoutMs)                                           \
    QTRY_COMPARE_WITH_TIMEOUT((fixture).state(id), Domain::toString(expected), timeoutMs)

namespace {

// What the console's own fleet view still gets wrong once a completed staged rollout of
// `version` has deleted its groups (empty when it follows): a rollout group still known, a
// device still in one, a device not targeted at the version. The first few, for the failure
// message.
QString viewProblems(const RolloutFixture &f, qint64 id, int version)
{
    const Sync::FleetState &state = f.fleet();
    QStringList problems;
    for (const QString &g : state.groups.keys()) {
        if (Domain::isRolloutGroupName(g))
            problems.append(QStringLiteral("group %1 still known").arg(g));
    }
    int devices = 0;
    for (const QString &deviceId : f.targeted(id)) {
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

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // 5% → 25% → 100% of every customer of a 2,000-device fleet: the waves are sized as
    // planned, every targeted device ends on the version, the version ends released to the
    // customers with no rollout group left, and the whole fleet takes a few dozen requests.
    void stagedRolloutCompletes()
    {
        RolloutFixture f(m_dir.path());
        QVERIFY2(f.start({.devices = 2000, .timeScale = 60, .meanOfflineS = 30},
                     QStringLiteral("staged.sqlite")),
            qPrintable(f.errorString()));

        const Domain::RolloutSpec spec = stagedSpec(QStringLiteral("v6 to every customer"),
            f.fleet().hierarchy().customers(), {percentWave(5), percentWave(25), percentWave(100)});
        const Domain::FlashImpact impact
            = f.engine().assess(spec.method, spec.version, spec.nodes, {});
        QVERIFY(impact.targeted > 1000);

        QSignalSpy added(&f.engine(), &Rollout::RolloutEngine::rolloutAdded);
        const qint64 id = f.startRollout(spec);
        QVERIFY2(id > 0, qPrintable(f.lastRefusal()));
        QCOMPARE(added.count(), 1);
        QVERIFY(f.engine().hasActiveRollouts());
        const Domain::Rollout &r = f.rollout(id);
        QVERIFY(r.spec.seed != 0); // a random seed was picked and kept
        QCOMPARE(r.waves.size(), 3);
        QCOMPARE(f.targeted(id).size(), impact.targeted);
        // The waves: 5% of the targeted devices, then 25% of the rest, then the rest.
        const int w0 = f.engine().waveCounts(id, 0).total;
        const int w1 = f.engine().waveCounts(id, 1).total;
        QCOMPARE(w0, (impact.targeted * 5 + 99) / 100);
        QCOMPARE(w1, ((impact.targeted - w0) * 25 + 99) / 100);

        WAIT_FOR_STATE(f, id, RolloutState::Completed, RolloutTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(f.rollout(id).finalReleaseDone, StepTimeoutMs);
        QVERIFY(!f.engine().hasActiveRollouts());
        for (const Domain::WaveProgress &w : f.rollout(id).waves) {
            QCOMPARE(Domain::toString(w.state), Domain::toString(WaveState::Finished));
            QVERIFY(w.released);
        }
        for (const Domain::RolloutDevice &d : f.rollout(id).devices) {
            if (d.state != RolloutDeviceState::Skipped && d.state != RolloutDeviceState::Succeeded)
                qWarning() << d.id << Domain::toString(d.state) << d.stage << d.reason << d.attempts
                           << d.previousVersion;
        }
        QCOMPARE(f.devicesIn(id, RolloutDeviceState::Succeeded).size(), impact.targeted);

        // The cloud agrees: every targeted device runs v6; the version is released to the
        // customers and the rollout groups are gone.
        const QHash<QString, Domain::Device> cloud = f.cloudDevices();
        for (const QString &deviceId : f.targeted(id))
            QVERIFY2(cloud.value(deviceId).firmwareVersion == 6, qPrintable(deviceId));
        const QStringList released = f.releasedGroups(6);
        for (const QString &customer : spec.nodes)
            QVERIFY2(released.contains(customer), qPrintable(customer));
        for (const QString &g : released)
            QVERIFY2(!Domain::isRolloutGroupName(g), qPrintable(g));
        for (const QString &g : f.productGroups())
            QVERIFY2(!Domain::isRolloutGroupName(g), qPrintable(g));

        // The console's own view follows without a pull: no rollout group left on a device and
        // every updated device targeted at the version it runs (not shown as off target).
        QTRY_VERIFY2_WITH_TIMEOUT(viewProblems(f, id, 6).isEmpty(),
            qPrintable(viewProblems(f, id, 6)), ConsoleViewTimeoutMs);

        // Economy: a few dozen requests for the whole fleet.
        qInfo("%d devices updated with %d requests", impact.targeted, f.rollout(id).requests);
        QVERIFY2(f.rollout(id).requests < 50, qPrintable(QString::number(r.requests)));
        QVERIFY(f.rollout(id).requests >= 12);
        QVERIFY(!f.rollout(id).samples.isEmpty());

        // Completed rollouts can be removed; active ones could not.
        QSignalSpy removed(&f.engine(), &Rollout::RolloutEngine::rolloutRemoved);
        QCOMPARE(f.engine().remove(id), QString());
        QCOMPARE(removed.count(), 1);
        QVERIFY(!f.engine().rollout(id));
    }

    // 30% of the updates fail: the rollout pauses after the first wave, the later waves never
    // start; resuming accepts the first wave's failures and goes on.
    void failuresPauseAfterFirstWave()
    {
        RolloutFixture f(m_dir.path());
        QVERIFY2(f.start({.devices = 800,
                             .timeScale = 60,
                             .failureRate = 0.3,
                             .meanOfflineS = 30,
                             .seed = 11},
                     QStringLiteral("failures.sqlite")),
            qPrintable(f.errorString()));

        const qint64 id = f.startRollout(
            stagedSpec(QStringLiteral("v6, failing"), f.fleet().hierarchy().customers(),
                {percentWave(10), percentWave(25), percentWave(100)}));
        QVERIFY2(id > 0, qPrintable(f.lastRefusal()));

        WAIT_FOR_STATE(f, id, RolloutState::Paused, RolloutTimeoutMs);
        const Domain::Rollout &r = f.rollout(id);
        QVERIFY(r.pausedForFailures);
        QVERIFY(!r.stateReason.isEmpty());
        QCOMPARE(Domain::toString(r.waves.at(1).state), Domain::toString(WaveState::Pending));
        QCOMPARE(Domain::toString(r.waves.at(2).state), Domain::toString(WaveState::Pending));
        const Domain::WaveCounts first = f.engine().waveCounts(id, 0);
        QVERIFY(first.failures() >= qMax(1, (first.total * 10 + 99) / 100));
        // The second wave never started: its devices are pending and not in a rollout group.
        const QStringList second = f.devicesIn(id, RolloutDeviceState::Pending, 1);
        QCOMPARE(second.size(), f.engine().waveCounts(id, 1).total);
        const QHash<QString, Domain::Device> cloud = f.cloudDevices();
        for (const QString &deviceId : second) {
            QVERIFY(!cloud.value(deviceId).groups.contains(
                Domain::rolloutGroupName(f.rollout(id).spec.token, 1)));
            QVERIFY(cloud.value(deviceId).targetedFirmwareVersion != 6);
        }
        // The console's own view of the first wave follows without a pull: its devices are in
        // the wave's group and targeted at the version (so not shown as off target).
        const QString firstGroup = Domain::rolloutGroupName(f.rollout(id).spec.token, 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const Domain::RolloutDevice &d : f.rollout(id).devices) {
                    if (d.wave != 0)
                        continue;
                    const Domain::Device &known = f.fleet().devices.value(d.id);
                    if (!known.groups.contains(firstGroup)
                        || known.targetedFirmwareVersion != std::optional<int>(6))
                        return false;
                }
                return true;
            }(),
            ConsoleViewTimeoutMs);

        // Resuming accepts the first wave's failures: the next wave starts.
        QVERIFY(!f.engine().pause(id).isEmpty()); // paused already
        QVERIFY(f.setSimulation({{QStringLiteral("update_failure_rate"), 0}}));
        QCOMPARE(f.engine().resume(id), QString());
        QTRY_VERIFY_WITH_TIMEOUT(
            f.rollout(id).waves.at(1).state != WaveState::Pending, StepTimeoutMs);
        QVERIFY(f.rollout(id).waves.at(0).failuresAccepted);
        QCOMPARE(f.engine().abort(id), QString());
    }

    // The console goes away in the middle of a wave and comes back on the same cache: the
    // rollout completes and no device flashes twice.
    void restartResumesWithoutFlashingTwice()
    {
        RolloutFixture f(m_dir.path());
        QVERIFY2(f.start({.devices = 600, .updateS = 20, .seed = 5}, QString()),
            qPrintable(f.errorString()));
        QVERIFY2(f.countFlashes(), qPrintable(f.errorString()));
        QVERIFY2(f.openConsole(QStringLiteral("restart.sqlite"), {}), qPrintable(f.errorString()));
        const QSet<QString> busyBefore = notOnTarget(f.fleet());
        const qint64 startedAt = QDateTime::currentMSecsSinceEpoch();
        const qint64 id = f.startRollout(stagedSpec(QStringLiteral("v6, restarted"),
            f.fleet().hierarchy().customers(), {percentWave(20), percentWave(100)}));
        QVERIFY2(id > 0, qPrintable(f.lastRefusal()));
        const QStringList targeted = f.targeted(id);
        // One device of the first wave goes away before the wave is released, so the wave
        // cannot finish before the console goes, however slowly the test runs.
        QString away;
        for (const Domain::RolloutDevice &d : f.rollout(id).devices) {
            if (d.wave == 0 && d.state != RolloutDeviceState::Skipped
                && !busyBefore.contains(d.id)) {
                away = d.id;
                break;
            }
        }
        QVERIFY(!away.isEmpty());
        QVERIFY(f.setDeviceAway(away, true));
        // In the middle of the first wave: some devices done, others not.
        QTRY_VERIFY_WITH_TIMEOUT(f.engine().waveCounts(id, 0).succeeded >= 3, RolloutTimeoutMs);
        QVERIFY(f.engine().waveCounts(id, 0).active() > 0);

        QVERIFY2(f.restartConsole(), qPrintable(f.errorString()));
        QVERIFY(f.engine().rollout(id));
        QCOMPARE(f.targeted(id), targeted);
        QVERIFY(f.setDeviceAway(away, false));
        WAIT_FOR_STATE(f, id, RolloutState::Completed, RolloutTimeoutMs);
        QCOMPARE(f.devicesIn(id, RolloutDeviceState::Succeeded).size(), targeted.size());
        const QHash<QString, Domain::Device> cloud = f.cloudDevices();
        for (const QString &deviceId : targeted) {
            QCOMPARE(cloud.value(deviceId).firmwareVersion, 6);
            // (The device the test took away may have been flashing already: its update
            // starts again when it is back.)
            if (!busyBefore.contains(deviceId) && deviceId != away)
                QVERIFY2(f.flashes().startsAfter(deviceId, startedAt) == 1, qPrintable(deviceId));
        }
    }

    // After an abort no cancelled device and no device of a later wave flashes; devices
    // updating at the abort finish, and succeeded devices stay as they are.
    void abortStopsNewFlashes()
    {
        RolloutFixture f(m_dir.path());
        // Devices that go offline stay away long: some of the first wave are still waiting.
        QVERIFY2(
            f.start({.devices = 600, .updateS = 20, .meanOfflineS = 1e7, .seed = 9}, QString()),
            qPrintable(f.errorString()));
        QVERIFY2(f.countFlashes(), qPrintable(f.errorString()));
        QVERIFY2(f.openConsole(QStringLiteral("abort.sqlite"), {}), qPrintable(f.errorString()));
        const QSet<QString> busyBefore = notOnTarget(f.fleet());
        const qint64 startedAt = QDateTime::currentMSecsSinceEpoch();
        const qint64 id = f.startRollout(stagedSpec(QStringLiteral("v6, aborted"),
            f.fleet().hierarchy().customers(), {percentWave(30), percentWave(100)}));
        QVERIFY2(id > 0, qPrintable(f.lastRefusal()));
        QTRY_VERIFY_WITH_TIMEOUT(f.rollout(id).waves.at(0).released, StepTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(f.engine().waveCounts(id, 0).succeeded >= 3, RolloutTimeoutMs);
        // The devices that are away now stay away until the test brings them back.
        QSet<QString> offline;
        for (const Domain::Device &d : f.cloudDevices()) {
            if (!d.online)
                offline.insert(d.id);
        }
        const qint64 abortedAt = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(f.engine().abort(id), QString());
        QCOMPARE(f.state(id), Domain::toString(RolloutState::Aborted));
        QVERIFY(!f.engine().abort(id).isEmpty());
        const QStringList cancelled = f.devicesIn(id, RolloutDeviceState::Cancelled);
        QStringList laterWave;
        QStringList waitingCancelled; // first wave, away: taken out of the rollout group
        for (const Domain::RolloutDevice &d : f.rollout(id).devices) {
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
                for (const Domain::RolloutDevice &d : f.rollout(id).devices) {
                    if (!d.stage.isEmpty() && d.state == RolloutDeviceState::Cancelled)
                        return false;
                }
                return true;
            }(),
            StepTimeoutMs);
        // Every device updating at the abort finishes; the devices that were away come back.
        QTRY_COMPARE_WITH_TIMEOUT(f.engine().waveCounts(id, 0).updating, 0, RolloutTimeoutMs);
        for (const QString &deviceId : std::as_const(waitingCancelled))
            QVERIFY(f.setDeviceAway(deviceId, false));
        const QHash<QString, Domain::Device> cloud = f.cloudDevices();
        // No cancelled device is targeted at the version any more (so none will flash it).
        for (const QString &deviceId : cancelled) {
            QVERIFY2(cloud.value(deviceId).targetedFirmwareVersion != 6, qPrintable(deviceId));
            QVERIFY(!cloud.value(deviceId).groups.contains(
                Domain::rolloutGroupName(f.rollout(id).spec.token, 0)));
        }
        for (const QString &deviceId : std::as_const(waitingCancelled)) {
            QVERIFY(cloud.value(deviceId).online);
            QVERIFY2(cloud.value(deviceId).firmwareVersion != 6, qPrintable(deviceId));
            // (Unless it was behind its earlier target: that update goes on.)
            if (!busyBefore.contains(deviceId))
                QCOMPARE(f.flashes().startsAfter(deviceId, abortedAt), 0);
        }
        // The later wave never started: none of its devices flashed.
        for (const QString &deviceId : std::as_const(laterWave)) {
            QVERIFY2(cloud.value(deviceId).firmwareVersion != 6, qPrintable(deviceId));
            if (!busyBefore.contains(deviceId))
                QCOMPARE(f.flashes().startsAfter(deviceId, startedAt), 0);
        }
        QCOMPARE(Domain::toString(f.rollout(id).waves.at(1).state),
            Domain::toString(WaveState::Pending));
        // Succeeded devices stay as they are.
        for (const QString &deviceId : f.devicesIn(id, RolloutDeviceState::Succeeded))
            QCOMPARE(cloud.value(deviceId).firmwareVersion, 6);
    }

    // Lock and flash a handful of devices (one request each), then roll them back to the
    // versions they ran.
    void lockAndRollback()
    {
        RolloutFixture f(m_dir.path());
        QVERIFY2(f.start({.seed = 3}, QStringLiteral("lock.sqlite")), qPrintable(f.errorString()));
        const QStringList chosen = plainDevices(f.fleet(), 12);
        QCOMPARE(chosen.size(), 12);
        QHash<QString, int> before;
        for (const QString &deviceId : chosen)
            before.insert(deviceId, f.fleet().devices.value(deviceId).firmwareVersion);
        const Domain::RolloutSpec spec = lockSpec(QStringLiteral("v6 locked"), chosen);
        const qint64 id = f.startRollout(spec);
        QVERIFY2(id > 0, qPrintable(f.lastRefusal()));
        // The same devices cannot be in two active rollouts.
        QCOMPARE(f.startRollout(spec), 0);
        QVERIFY(!f.lastRefusal().isEmpty());
        WAIT_FOR_STATE(f, id, RolloutState::Completed, RolloutTimeoutMs);
        QCOMPARE(f.devicesIn(id, RolloutDeviceState::Succeeded).size(), chosen.size());
        QHash<QString, Domain::Device> cloud = f.cloudDevices();
        for (const QString &deviceId : chosen) {
            QCOMPARE(cloud.value(deviceId).desiredFirmwareVersion, std::optional<int>(6));
            QCOMPARE(cloud.value(deviceId).firmwareVersion, 6);
        }
        // One request per device and little more.
        QVERIFY(f.rollout(id).requests >= chosen.size());
        QVERIFY(f.rollout(id).requests <= chosen.size() + 5);

        QCOMPARE(f.engine().rollback(id), QString());
        QCOMPARE(f.state(id), Domain::toString(RolloutState::RollingBack));
        WAIT_FOR_STATE(f, id, RolloutState::RolledBack, RolloutTimeoutMs);
        QCOMPARE(f.devicesIn(id, RolloutDeviceState::RolledBack).size(), chosen.size());
        cloud = f.cloudDevices();
        for (const QString &deviceId : chosen) {
            QCOMPARE(cloud.value(deviceId).firmwareVersion, before.value(deviceId));
            QCOMPARE(cloud.value(deviceId).desiredFirmwareVersion,
                std::optional<int>(before.value(deviceId)));
        }
    }

    // Lock and flash, restarted while locks are being sent: devices that may have been sent are
    // read back, none is locked or flashed twice.
    void lockRestartReadsBack()
    {
        RolloutFixture f(m_dir.path());
        QVERIFY2(f.start({.seed = 12}, QString()), qPrintable(f.errorString()));
        QVERIFY2(f.countFlashes(), qPrintable(f.errorString()));
        ConsoleOptions options;
        options.config.maxInFlight = 2;
        QVERIFY2(f.openConsole(QStringLiteral("lockrestart.sqlite"), options),
            qPrintable(f.errorString()));
        const QSet<QString> busyBefore = notOnTarget(f.fleet());
        QStringList chosen;
        for (const Domain::Device &d : f.fleet().devices) {
            if (!d.development && !d.desiredFirmwareVersion && d.firmwareVersion != 6
                && !d.groups.isEmpty() && !d.groups.contains(QStringLiteral("flotilla-returns"))
                && chosen.size() < 120)
                chosen.append(d.id);
        }
        const qint64 startedAt = QDateTime::currentMSecsSinceEpoch();
        const qint64 id = f.startRollout(lockSpec(QStringLiteral("v6 locked, restarted"), chosen));
        QVERIFY2(id > 0, qPrintable(f.lastRefusal()));
        QTRY_VERIFY_WITH_TIMEOUT(f.devicesIn(id, RolloutDeviceState::Waiting).size()
                    + f.devicesIn(id, RolloutDeviceState::Succeeded).size()
                >= 10,
            StepTimeoutMs);
        QVERIFY(!f.devicesIn(id, RolloutDeviceState::Pending).isEmpty());

        QVERIFY2(f.restartConsole(), qPrintable(f.errorString()));
        QVERIFY(f.engine().rollout(id));
        WAIT_FOR_STATE(f, id, RolloutState::Completed, RolloutTimeoutMs);
        const QHash<QString, Domain::Device> cloud = f.cloudDevices();
        for (const QString &deviceId : f.targeted(id)) {
            QCOMPARE(cloud.value(deviceId).firmwareVersion, 6);
            QCOMPARE(cloud.value(deviceId).desiredFirmwareVersion, std::optional<int>(6));
            if (!busyBefore.contains(deviceId))
                QVERIFY2(f.flashes().startsAfter(deviceId, startedAt) == 1, qPrintable(deviceId));
        }
        // One lock per device; the restart re-sends at most the locks that were on the wire.
        const int locks = f.requests(QStringLiteral("PUT /v1/products/:p/devices/:id"));
        QVERIFY2(locks >= f.targeted(id).size()
                && locks <= f.targeted(id).size() + options.config.maxInFlight,
            qPrintable(QString::number(locks)));
    }

    // Without the event stream the engine learns of the updates by polling the wave groups (a
    // staged rollout) or the selected nodes' groups (a release), a page per 100 devices, never
    // a request per device.
    void pollingWithoutEvents()
    {
        RolloutFixture f(m_dir.path());
        ConsoleOptions options;
        options.config.pollIntervalMs = 300;
        options.liveEvents = false;
        QVERIFY2(f.start({.seed = 6}, QStringLiteral("polling.sqlite"), options),
            qPrintable(f.errorString()));
        const qint64 id = f.startRollout(stagedSpec(QStringLiteral("v6, polled"),
            {QStringLiteral("acme")}, {percentWave(50), percentWave(100)}));
        QVERIFY2(id > 0, qPrintable(f.lastRefusal()));
        WAIT_FOR_STATE(f, id, RolloutState::Completed, RolloutTimeoutMs);
        QCOMPARE(f.devicesIn(id, RolloutDeviceState::Succeeded).size(), f.targeted(id).size());
        QVERIFY(f.requests(QStringLiteral("GET /v1/products/:p/devices")) > 0);
        QCOMPARE(f.requests(QStringLiteral("GET /v1/products/:p/devices/:id")), 0);

        const qint64 released = f.startRollout(
            releaseSpec(QStringLiteral("v6 to Cobalt, polled"), {QStringLiteral("cobalt")}));
        QVERIFY2(released > 0, qPrintable(f.lastRefusal()));
        WAIT_FOR_STATE(f, released, RolloutState::Completed, RolloutTimeoutMs);
        QCOMPARE(f.devicesIn(released, RolloutDeviceState::Succeeded).size(),
            f.targeted(released).size());
        QCOMPARE(f.requests(QStringLiteral("GET /v1/products/:p/devices/:id")), 0);
    }

    // Rolling back a staged rollout in its first wave: it is aborted, the devices that updated
    // leave the rollout group and return to their previous version.
    void stagedRollbackMidWave()
    {
        RolloutFixture f(m_dir.path());
        QVERIFY2(f.start({.seed = 13}, QStringLiteral("stagedrollback.sqlite")),
            qPrintable(f.errorString()));
        const qint64 id = f.startRollout(stagedSpec(QStringLiteral("v6, rolled back"),
            {QStringLiteral("acme")}, {percentWave(50), percentWave(100)}));
        QVERIFY2(id > 0, qPrintable(f.lastRefusal()));
        QTRY_VERIFY_WITH_TIMEOUT(f.engine().waveCounts(id, 0).succeeded >= 5, RolloutTimeoutMs);
        QCOMPARE(f.engine().rollback(id), QString());
        QCOMPARE(f.state(id), Domain::toString(RolloutState::RollingBack));
        QVERIFY(!f.engine().rollback(id).isEmpty());
        QVERIFY(!f.engine().remove(id).isEmpty());
        WAIT_FOR_STATE(f, id, RolloutState::RolledBack, RolloutTimeoutMs);
        const QHash<QString, Domain::Device> cloud = f.cloudDevices();
        const QStringList rolledBack = f.devicesIn(id, RolloutDeviceState::RolledBack);
        QVERIFY(rolledBack.size() >= 5);
        for (const Domain::RolloutDevice &d : f.rollout(id).devices) {
            if (d.state != RolloutDeviceState::RolledBack)
                continue;
            const Domain::Device &now = cloud.value(d.id);
            QCOMPARE(now.firmwareVersion, d.previousVersion);
            QCOMPARE(now.desiredFirmwareVersion, std::optional<int>(d.previousVersion));
            QVERIFY(!now.groups.contains(Domain::rolloutGroupName(f.rollout(id).spec.token, 0)));
        }
        QCOMPARE(f.devicesIn(id, RolloutDeviceState::Pending).size(), 0);
        QCOMPARE(Domain::toString(f.rollout(id).waves.at(1).state),
            Domain::toString(WaveState::Pending));
        QCOMPARE(f.engine().remove(id), QString());
    }

    // Release to one customer's groups: one read of the version's groups and one release; and
    // a version the product does not have is refused.
    void releaseToANode()
    {
        RolloutFixture f(m_dir.path());
        QVERIFY2(
            f.start({.seed = 4}, QStringLiteral("release.sqlite")), qPrintable(f.errorString()));
        QCOMPARE(
            f.startRollout(releaseSpec(QStringLiteral("v9"), {QStringLiteral("cobalt")}, 9)), 0);
        QVERIFY(!f.lastRefusal().isEmpty());

        const qint64 id = f.startRollout(
            releaseSpec(QStringLiteral("v6 to Cobalt"), {QStringLiteral("cobalt")}));
        QVERIFY2(id > 0, qPrintable(f.lastRefusal()));
        WAIT_FOR_STATE(f, id, RolloutState::Completed, RolloutTimeoutMs);
        const QHash<QString, Domain::Device> cloud = f.cloudDevices();
        for (const QString &deviceId : f.targeted(id))
            QCOMPARE(cloud.value(deviceId).firmwareVersion, 6);
        QCOMPARE(f.rollout(id).requests, 2);
        QVERIFY(f.releasedGroups(6).contains(QStringLiteral("cobalt")));
    }

    // A release that would reach devices another rollout still updates to another version is
    // refused; locking and flashing the rest is not.
    void releaseOverAnotherRolloutIsRefused()
    {
        RolloutFixture f(m_dir.path());
        // Devices that are offline stay offline: the first rollout keeps waiting for them.
        QVERIFY2(f.start({.meanOfflineS = 10000000, .seed = 4}, QStringLiteral("held.sqlite")),
            qPrintable(f.errorString()));
        Domain::RolloutSpec first
            = releaseSpec(QStringLiteral("v5 to Cobalt"), {QStringLiteral("cobalt")}, 5);
        const Domain::FlashImpact impact
            = f.engine().assess(first.method, first.version, first.nodes, {});
        QVERIFY(impact.offline > 0);
        const qint64 a = f.startRollout(first);
        QVERIFY2(a > 0, qPrintable(f.lastRefusal()));
        QTRY_VERIFY_WITH_TIMEOUT(f.engine().waveCounts(a, 0).waiting == impact.offline
                && f.engine().waveCounts(a, 0).updating == 0,
            RolloutTimeoutMs);

        Domain::RolloutSpec second = first;
        second.title = QStringLiteral("v6 to Cobalt");
        second.version = 6;
        const Domain::FlashImpact held
            = f.engine().assess(second.method, second.version, second.nodes, {});
        QCOMPARE(held.inOtherRollout, impact.offline);
        QCOMPARE(f.startRollout(second), 0);
        QVERIFY2(
            f.lastRefusal().contains(QStringLiteral("v5 to Cobalt")), qPrintable(f.lastRefusal()));
        second.method = RolloutMethod::Staged; // its final release would reach them too
        QCOMPARE(f.startRollout(second), 0);
        QVERIFY2(
            f.lastRefusal().contains(QStringLiteral("v5 to Cobalt")), qPrintable(f.lastRefusal()));
        second.method = RolloutMethod::Lock; // locks reach only the devices it targets
        const qint64 b = f.startRollout(second);
        QVERIFY2(b > 0, qPrintable(f.lastRefusal()));
        QCOMPARE(f.engine().abort(b), QString());
        QCOMPARE(f.engine().abort(a), QString());
    }

    // A wave that waits for the operator, pause and resume, start the next wave now.
    void operatorControls()
    {
        RolloutFixture f(m_dir.path());
        QVERIFY2(
            f.start({.seed = 8}, QStringLiteral("controls.sqlite")), qPrintable(f.errorString()));
        Domain::RolloutSpec spec = stagedSpec(QStringLiteral("v6 by hand"),
            {QStringLiteral("acme")}, {percentWave(10), percentWave(30, true), percentWave(100)});
        spec.order = Domain::RolloutSpec::Order::ByName;
        const qint64 id = f.startRollout(spec);
        QVERIFY2(id > 0, qPrintable(f.lastRefusal()));
        // Pause right away: nothing new starts, resume goes on.
        QCOMPARE(f.engine().pause(id), QString());
        QCOMPARE(f.state(id), Domain::toString(RolloutState::Paused));
        QVERIFY(!f.rollout(id).pausedForFailures);
        QVERIFY(!f.engine().remove(id).isEmpty());
        QCOMPARE(f.engine().resume(id), QString());
        QCOMPARE(f.state(id), Domain::toString(RolloutState::Running));
        // The second wave waits for the operator.
        WAIT_FOR_STATE(f, id, RolloutState::Paused, RolloutTimeoutMs);
        QVERIFY(!f.rollout(id).pausedForFailures);
        QVERIFY(f.rollout(id).stateReason.contains(QLatin1Char('2')));
        QCOMPARE(Domain::toString(f.rollout(id).waves.at(1).state),
            Domain::toString(WaveState::Pending));
        // The second wave's devices go away: it cannot reach its success threshold.
        QStringList second;
        for (const Domain::RolloutDevice &d : f.rollout(id).devices) {
            if (d.wave == 1)
                second.append(d.id);
        }
        QVERIFY(!second.isEmpty());
        for (const QString &deviceId : std::as_const(second))
            QVERIFY(f.setDeviceAway(deviceId, true));
        QCOMPARE(f.engine().startNextWave(id), QString());
        QCOMPARE(f.state(id), Domain::toString(RolloutState::Running));
        QVERIFY(f.rollout(id).waves.at(1).state != WaveState::Pending);
        QTRY_VERIFY_WITH_TIMEOUT(f.rollout(id).waves.at(1).released, StepTimeoutMs);
        QCOMPARE(Domain::toString(f.rollout(id).waves.at(2).state),
            Domain::toString(WaveState::Pending));
        // Skip the success threshold of the second wave: the third starts at once (once the
        // second wave's release is through).
        QVERIFY(
            QTest::qWaitFor([&] { return f.engine().startNextWave(id).isEmpty(); }, StepTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(f.rollout(id).waves.at(2).released, StepTimeoutMs);
        QVERIFY(!f.engine().startNextWave(id).isEmpty()); // no wave after the last
        // The last wave is done, the second one is not: the rollout goes on.
        QTRY_COMPARE_WITH_TIMEOUT(f.engine().waveCounts(id, 2).succeeded,
            f.engine().waveCounts(id, 2).total, RolloutTimeoutMs);
        QCOMPARE(f.state(id), Domain::toString(RolloutState::Running));
        QCOMPARE(f.engine().waveCounts(id, 1).waiting, second.size());
        for (const QString &deviceId : std::as_const(second))
            QVERIFY(f.setDeviceAway(deviceId, false));
        WAIT_FOR_STATE(f, id, RolloutState::Completed, RolloutTimeoutMs);
        QCOMPARE(f.devicesIn(id, RolloutDeviceState::Succeeded).size(), f.targeted(id).size());
    }

    // Two devices in 5% → 25% → 100%: the third wave has no device. It is finished at once and
    // never named in a release (its group does not exist).
    void emptyWaveIsSkipped()
    {
        RolloutFixture f(m_dir.path());
        QVERIFY2(f.start({.devices = 100, .seed = 21}, QStringLiteral("emptywave.sqlite")),
            qPrintable(f.errorString()));
        const QStringList chosen = plainDevices(f.fleet(), 2);
        QCOMPARE(chosen.size(), 2);
        Domain::RolloutSpec spec = stagedSpec(QStringLiteral("v6 to two devices"), {},
            {percentWave(5), percentWave(25), percentWave(100)});
        spec.devices = chosen;
        const qint64 id = f.startRollout(spec);
        QVERIFY2(id > 0, qPrintable(f.lastRefusal()));
        const QString token = f.rollout(id).spec.token;
        QCOMPARE(token.size(), 10);
        QCOMPARE(f.engine().waveCounts(id, 0).total, 1);
        QCOMPARE(f.engine().waveCounts(id, 1).total, 1);
        QCOMPARE(f.engine().waveCounts(id, 2).total, 0);
        WAIT_FOR_STATE(f, id, RolloutState::Completed, RolloutTimeoutMs);
        QCOMPARE(f.devicesIn(id, RolloutDeviceState::Succeeded).size(), 2);
        for (const Domain::WaveProgress &w : f.rollout(id).waves) {
            QVERIFY(w.released);
            QCOMPARE(Domain::toString(w.state), Domain::toString(WaveState::Finished));
        }
        const QStringList groups = f.releasedGroups(6);
        QVERIFY(groups.contains(Domain::rolloutGroupName(token, 0)));
        QVERIFY(groups.contains(Domain::rolloutGroupName(token, 1)));
        QVERIFY(!groups.contains(Domain::rolloutGroupName(token, 2)));

        // Particle keeps one `intelligent` flag per version: a standard release of the same
        // version to a customer keeps it intelligent (the wave groups stay an immediate push).
        Domain::RolloutSpec standard
            = releaseSpec(QStringLiteral("v6 to Cobalt, standard"), {QStringLiteral("cobalt")});
        standard.intelligent = false;
        const qint64 released = f.startRollout(standard);
        QVERIFY2(released > 0, qPrintable(f.lastRefusal()));
        QTRY_VERIFY_WITH_TIMEOUT(f.rollout(released).waves.at(0).released, StepTimeoutMs);
        // The firmware list does not say it (Particle documents the flag on the release answer
        // only); the sandbox's own record does.
        QVERIFY(f.releasedIntelligently(6));
        QVERIFY(f.releasedGroups(6).contains(QStringLiteral("cobalt")));
    }

    // A device removed from the product between the plan and its wave: the batch that names it
    // is refused; the device is marked Failed and the others of the wave still update.
    void removedDeviceDoesNotBlockTheWave()
    {
        RolloutFixture f(m_dir.path());
        QVERIFY2(
            f.start({.seed = 22}, QStringLiteral("removed.sqlite")), qPrintable(f.errorString()));
        const qint64 id = f.startRollout(stagedSpec(QStringLiteral("v6 to Acme"),
            {QStringLiteral("acme")}, {tolerantWave(30), tolerantWave(100, true)}));
        QVERIFY2(id > 0, qPrintable(f.lastRefusal()));
        WAIT_FOR_STATE(f, id, RolloutState::Paused, RolloutTimeoutMs);
        QVERIFY(!f.rollout(id).pausedForFailures);
        const QStringList second = f.devicesIn(id, RolloutDeviceState::Pending, 1);
        QVERIFY(second.size() >= 2);
        const QString gone = second.at(second.size() / 2);
        QVERIFY(f.removeDevice(gone));
        QCOMPARE(f.engine().startNextWave(id), QString());
        WAIT_FOR_STATE(f, id, RolloutState::Completed, RolloutTimeoutMs);
        for (const Domain::RolloutDevice &d : f.rollout(id).devices) {
            if (d.id == gone) {
                QCOMPARE(Domain::toString(d.state), Domain::toString(RolloutDeviceState::Failed));
                QVERIFY(!d.reason.isEmpty());
            } else if (d.wave == 1) {
                QCOMPARE(
                    Domain::toString(d.state), Domain::toString(RolloutDeviceState::Succeeded));
            }
        }
        QCOMPARE(f.devicesIn(id, RolloutDeviceState::Succeeded, 1).size(), second.size() - 1);
    }

    // Two staged rollouts of one version to two customers at once: their releases (read the
    // version's groups, write them back) take turns, so neither drops the other's groups.
    void concurrentRolloutsOfOneVersion()
    {
        RolloutFixture f(m_dir.path());
        QVERIFY2(f.start({.seed = 23}, QStringLiteral("concurrent.sqlite")),
            qPrintable(f.errorString()));
        QList<qint64> ids;
        for (const QString &customer : {QStringLiteral("acme"), QStringLiteral("cobalt")}) {
            const qint64 id = f.startRollout(stagedSpec(QStringLiteral("v6 to ") + customer,
                {customer}, {tolerantWave(20), tolerantWave(50), tolerantWave(100)}));
            QVERIFY2(id > 0, qPrintable(f.lastRefusal()));
            ids.append(id);
        }
        QVERIFY(f.rollout(ids.at(0)).spec.token != f.rollout(ids.at(1)).spec.token);
        for (const qint64 id : std::as_const(ids)) {
            WAIT_FOR_STATE(f, id, RolloutState::Completed, RolloutTimeoutMs);
            QTRY_VERIFY_WITH_TIMEOUT(f.rollout(id).finalReleaseDone, StepTimeoutMs);
        }
        const QHash<QString, Domain::Device> cloud = f.cloudDevices();
        for (const qint64 id : std::as_const(ids)) {
            QCOMPARE(f.devicesIn(id, RolloutDeviceState::Succeeded).size(), f.targeted(id).size());
            for (const QString &deviceId : f.targeted(id))
                QVERIFY2(cloud.value(deviceId).firmwareVersion == 6, qPrintable(deviceId));
        }
        const QStringList groups = f.releasedGroups(6);
        QVERIFY(groups.contains(QStringLiteral("acme")));
        QVERIFY(groups.contains(QStringLiteral("cobalt")));
        for (const QString &g : groups)
            QVERIFY2(!Domain::isRolloutGroupName(g), qPrintable(g));
    }

    // A device that stays offline while rolling back times out; the rollback still finishes
    // and says how many devices did not return.
    void rollbackTimesOut()
    {
        RolloutFixture f(m_dir.path());
        QVERIFY2(f.start({.devices = 100, .seed = 24}, QStringLiteral("rollbacktimeout.sqlite")),
            qPrintable(f.errorString()));
        const QStringList chosen = plainDevices(f.fleet(), 3);
        QCOMPARE(chosen.size(), 3);
        Domain::RolloutSpec spec = lockSpec(QStringLiteral("v6 locked, rolled back"), chosen);
        spec.deviceTimeoutS = 3600;
        const qint64 id = f.startRollout(spec);
        QVERIFY2(id > 0, qPrintable(f.lastRefusal()));
        WAIT_FOR_STATE(f, id, RolloutState::Completed, RolloutTimeoutMs);
        const QString away = chosen.at(1);
        QVERIFY(f.setDeviceAway(away, true));
        QCOMPARE(f.engine().rollback(id), QString());
        QTRY_COMPARE_WITH_TIMEOUT(
            f.devicesIn(id, RolloutDeviceState::RolledBack).size(), 2, RolloutTimeoutMs);
        // Its lock to the previous version went out; it never comes back.
        const auto lockedBack = [&] {
            for (const Domain::RolloutDevice &d : f.rollout(id).devices) {
                if (d.id == away)
                    return d.state == RolloutDeviceState::RollingBack && d.startedMs > 0;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(lockedBack(), StepTimeoutMs);
        QCOMPARE(f.state(id), Domain::toString(RolloutState::RollingBack));
        const qint64 later = QDateTime::currentMSecsSinceEpoch() + 2 * 3600 * 1000;
        f.engine().setClock([later] { return later; });
        WAIT_FOR_STATE(f, id, RolloutState::RolledBack, StepTimeoutMs);
        QCOMPARE(f.devicesIn(id, RolloutDeviceState::TimedOut), QStringList {away});
        QVERIFY(f.rollout(id).stateReason.contains(QLatin1Char('1')));
    }

    // A device that timed out (offline) and updates after the rollout completed still counts as
    // succeeded, and the cache keeps it.
    void lateUpdateAfterCompletion()
    {
        RolloutFixture f(m_dir.path());
        QVERIFY2(f.start({.devices = 100, .seed = 25}, QStringLiteral("late.sqlite")),
            qPrintable(f.errorString()));
        const QStringList chosen = plainDevices(f.fleet(), 3);
        QCOMPARE(chosen.size(), 3);
        const QString away = chosen.at(2);
        QVERIFY(f.setDeviceAway(away, true));
        Domain::RolloutSpec spec = lockSpec(QStringLiteral("v6 locked, one late"), chosen);
        spec.waves = {tolerantWave(100)};
        spec.deviceTimeoutS = 3600;
        const qint64 id = f.startRollout(spec);
        QVERIFY2(id > 0, qPrintable(f.lastRefusal()));
        QTRY_COMPARE_WITH_TIMEOUT(
            f.devicesIn(id, RolloutDeviceState::Succeeded).size(), 2, RolloutTimeoutMs);
        const qint64 later = QDateTime::currentMSecsSinceEpoch() + 2 * 3600 * 1000;
        f.engine().setClock([later] { return later; });
        WAIT_FOR_STATE(f, id, RolloutState::Completed, StepTimeoutMs);
        QCOMPARE(f.devicesIn(id, RolloutDeviceState::TimedOut), QStringList {away});
        QVERIFY(f.setDeviceAway(away, false));
        QTRY_COMPARE_WITH_TIMEOUT(
            f.devicesIn(id, RolloutDeviceState::Succeeded).size(), 3, RolloutTimeoutMs);
        QCOMPARE(f.state(id), Domain::toString(RolloutState::Completed));

        QVERIFY2(f.restartConsole(), qPrintable(f.errorString()));
        QVERIFY(f.engine().rollout(id));
        QCOMPARE(f.devicesIn(id, RolloutDeviceState::Succeeded).size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestRolloutEngine)
#include "tst_rolloutengine.moc"
