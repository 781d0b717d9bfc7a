// SPDX-License-Identifier: MIT
// Two Flotilla processes on one cache, as the console and flotillactl: two cloud sessions in
// this test on one cache file against the sandbox. Only the one holding the driver lease sends
// changes and runs rollouts; the other notices what the driver wrote (the cache's data version)
// and follows; its edits and rollout controls are carried out by the driver; the lease passes
// on when the driver lets it go, or dies.
#include "remote/particleclient.h"
#include "rollout/rolloutengine.h"
#include "rolloutfixture.h"
#include "sandboxprocess.h"
#include "session/cachelease.h"
#include "session/cloudsession.h"
#include "sync/syncengine.h"

#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Flotilla;
using namespace Flotilla::Test;
using Domain::RolloutState;

namespace {

// One process's session on the shared cache: short polling and lease retries, a quick rollout
// tick, the sandbox's token and OAuth client.
class Process
{
public:
    Process(SandboxProcess &sandbox, const QString &cachePath, const QString &actor,
        bool driveWhenFree, bool liveEvents)
    {
        Session::SessionConfig config;
        config.apiUrl = sandbox.url();
        config.productId = sandbox.productId();
        config.actor = actor;
        config.liveEvents = liveEvents;
        config.driveWhenFree = driveWhenFree;
        config.sharePollMs = 100;
        config.leaseRetryMs = 100;
        config.rolloutTickMs = 100;
        config.rolloutSaveDelayMs = 50;
        session = std::make_unique<Session::CloudSession>(config);
        session->setAccessToken(sandbox.token());
        const QJsonObject oauth
            = sandbox.startLine().value(QStringLiteral("oauth_client")).toObject();
        session->setProductClient(oauth.value(QStringLiteral("id")).toString(),
            oauth.value(QStringLiteral("secret")).toString());
        requests
            = std::make_unique<QSignalSpy>(session->client(), &Remote::ParticleClient::requestSent);
        bool opened = false;
        session->openCache(cachePath, nullptr, [&](QString error) {
            openError = error;
            opened = true;
        });
        if (!QTest::qWaitFor([&] { return opened; }, StepTimeoutMs))
            openError = QStringLiteral("the cache did not open in time");
        if (openError.isEmpty())
            session->startSharing();
    }

    Sync::SyncEngine &sync() { return *session->engine(); }
    Rollout::RolloutEngine &rollouts() { return *session->rollouts(); }

    bool load()
    {
        QSignalSpy loaded(&sync(), &Sync::SyncEngine::loaded);
        sync().start(false);
        return loaded.count() > 0 || loaded.wait(StepTimeoutMs);
    }
    bool pull()
    {
        QSignalSpy done(&sync(), &Sync::SyncEngine::pullFinished);
        sync().pullNow();
        return done.wait(RolloutTimeoutMs) && done.first().at(0).toBool();
    }
    bool startRollouts()
    {
        QString error = QStringLiteral("not started");
        bool started = false;
        rollouts().start([&](QString e) {
            error = e;
            started = true;
        });
        return QTest::qWaitFor([&] { return started; }, StepTimeoutMs) && error.isEmpty();
    }
    QString state(qint64 id)
    {
        const Domain::Rollout *r = rollouts().rollout(id);
        return r ? Domain::toString(r->state) : QStringLiteral("(no such rollout)");
    }

    std::unique_ptr<Session::CloudSession> session;
    std::unique_ptr<QSignalSpy> requests; // every request this process sent
    QString openError;
};

// Up to `count` devices of `customer` (its own groups) that are not in `except`.
QStringList devicesOf(
    const Sync::FleetState &state, const QString &customer, const QString &except, int count)
{
    QStringList ids;
    for (const Domain::Device &d : state.devices) {
        const bool inCustomer = std::any_of(d.groups.cbegin(), d.groups.cend(),
            [&](const QString &g) { return g.section(QStringLiteral("--"), 0, 0) == customer; });
        if (inCustomer && !d.groups.contains(except))
            ids.append(d.id);
    }
    ids.sort();
    return ids.mid(0, count);
}

bool allIn(const Sync::FleetState &state, const QStringList &ids, const QString &group)
{
    return std::all_of(ids.cbegin(), ids.cend(),
        [&](const QString &id) { return state.devices.value(id).groups.contains(group); });
}

bool allInCloud(SandboxProcess &sandbox, const QStringList &ids, const QString &group)
{
    const QHash<QString, Domain::Device> cloud = cloudDevices(sandbox);
    return std::all_of(ids.cbegin(), ids.cend(),
        [&](const QString &id) { return cloud.value(id).groups.contains(group); });
}

} // namespace

class SharedCacheTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // A move made in the process that does not drive appears in the driver's fleet (and
    // fleetChanged) without a restart, is sent by the driver only, and leaves the other
    // process's pending changes once the driver has sent it.
    void editOfTheOtherProcessIsShownAndSentByTheDriver()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start({QStringLiteral("--devices"), QStringLiteral("200"),
            QStringLiteral("--time-scale"), QStringLiteral("0.001")}));
        const QString cache = m_dir.filePath(QStringLiteral("edit.sqlite"));
        Process a(sandbox, cache, QStringLiteral("console"), true, false);
        QCOMPARE(a.openError, QString());
        QVERIFY(a.session->isDriving());
        QVERIFY(a.load());
        QVERIFY(a.pull());
        Process b(sandbox, cache, QStringLiteral("ctl"), true, false);
        QCOMPARE(b.openError, QString());
        QVERIFY(!b.session->isDriving()); // the console holds the lease
        QCOMPARE(b.session->driverName(),
            QCoreApplication::applicationFilePath().section(QLatin1Char('/'), -1));
        QVERIFY(b.load());
        QCOMPARE(b.sync().state().devices.size(), a.sync().state().devices.size());

        const QString target = QStringLiteral("cobalt--field-a");
        const QStringList ids = devicesOf(b.sync().state(), QStringLiteral("cobalt"), target, 3);
        QCOMPARE(ids.size(), 3);
        QSignalSpy aFleet(&a.sync(), &Sync::SyncEngine::fleetChanged);
        QSignalSpy aExternal(a.session.get(), &Session::CloudSession::externalChange);
        const qsizetype bRequests = b.requests->count();
        QCOMPARE(b.sync().moveDevices(ids, Domain::MoveTarget::node(target)), QString());
        QCOMPARE(b.sync().pendingCount(), 1);

        // The driver's fleet shows it, published as a change of those devices.
        QTRY_VERIFY_WITH_TIMEOUT(allIn(a.sync().state(), ids, target), StepTimeoutMs);
        QVERIFY(aExternal.count() > 0);
        bool published = false;
        for (const QList<QVariant> &args : std::as_const(aFleet)) {
            const auto delta = args.at(0).value<Sync::FleetDelta>();
            for (const Domain::Device &d : delta.changedDevices)
                published = published || ids.contains(d.id);
        }
        QVERIFY(published);
        // The driver sends it; the other process learns that it was sent.
        QTRY_VERIFY_WITH_TIMEOUT(a.sync().pendingCount() == 0 && !a.sync().isPushing()
                && allInCloud(sandbox, ids, target),
            StepTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(b.sync().pendingCount(), 0, StepTimeoutMs);
        QCOMPARE(b.requests->count(), bRequests); // it sent nothing itself
        QVERIFY(allIn(b.sync().state(), ids, target));
    }

    // A command-line process takes the lease only when it asks for it; once it lets it go, the
    // console (retrying) takes it over and sends what the other process queues from then on.
    void leasePassesOnWhenTheDriverLetsItGo()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start({QStringLiteral("--devices"), QStringLiteral("200"),
            QStringLiteral("--time-scale"), QStringLiteral("0.001")}));
        const QString cache = m_dir.filePath(QStringLiteral("handover.sqlite"));
        Process ctl(sandbox, cache, QStringLiteral("ctl"), false, false);
        QCOMPARE(ctl.openError, QString());
        QVERIFY(!ctl.session->isDriving()); // not before it asks
        QVERIFY(ctl.session->tryDrive());
        QVERIFY(ctl.session->isDriving());
        QVERIFY(ctl.load());
        QVERIFY(ctl.pull());
        Process console(sandbox, cache, QStringLiteral("console"), true, false);
        QCOMPARE(console.openError, QString());
        QVERIFY(console.load());
        QVERIFY(!console.session->isDriving());

        // While the command line drives, it sends the console's edit.
        const QString first = QStringLiteral("cobalt--field-a");
        const QStringList a = devicesOf(console.sync().state(), QStringLiteral("cobalt"), first, 2);
        QCOMPARE(a.size(), 2);
        const qsizetype consoleRequests = console.requests->count();
        QCOMPARE(console.sync().moveDevices(a, Domain::MoveTarget::node(first)), QString());
        QTRY_VERIFY_WITH_TIMEOUT(allInCloud(sandbox, a, first), StepTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(console.sync().pendingCount(), 0, StepTimeoutMs);
        QCOMPARE(console.requests->count(), consoleRequests);

        // It lets the lease go: the console takes it and sends what the command line queues.
        QSignalSpy consoleDriving(console.session.get(), &Session::CloudSession::drivingChanged);
        QTRY_VERIFY_WITH_TIMEOUT(!ctl.sync().isPushing(), StepTimeoutMs);
        ctl.session->releaseDriving();
        QVERIFY(!ctl.session->isDriving());
        QTRY_VERIFY_WITH_TIMEOUT(console.session->isDriving(), StepTimeoutMs);
        QVERIFY(!consoleDriving.isEmpty());
        QCOMPARE(consoleDriving.last().at(0).toBool(), true);
        QVERIFY(!ctl.session->tryDrive()); // held by the console now

        const QString second = QStringLiteral("acme--berlin");
        const qsizetype ctlRequests = ctl.requests->count();
        QCOMPARE(ctl.sync().moveDevices(a, Domain::MoveTarget::node(second)), QString());
        QTRY_VERIFY_WITH_TIMEOUT(allInCloud(sandbox, a, second), StepTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(ctl.sync().pendingCount(), 0, StepTimeoutMs);
        QCOMPARE(ctl.requests->count(), ctlRequests);
        QTRY_VERIFY_WITH_TIMEOUT(allIn(console.sync().state(), a, second), StepTimeoutMs);
    }

    // A staged rollout started by the process that does not drive is planned and run by the
    // driver; the other process follows its progress from the cache, and its "next wave" for
    // the wave that waits for the operator is carried out by the driver too.
    void rolloutAskedByTheOtherProcessIsRunByTheDriver()
    {
        SandboxProcess sandbox;
        const Fleet fleet {.devices = 100, .timeScale = 30, .meanOfflineS = 10};
        QVERIFY(sandbox.start(fleet.sandboxArguments()));
        const QString cache = m_dir.filePath(QStringLiteral("rollout.sqlite"));
        Process driver(sandbox, cache, QStringLiteral("console"), true, true);
        QCOMPARE(driver.openError, QString());
        QVERIFY(driver.load());
        QVERIFY(driver.pull());
        QVERIFY(
            QTest::qWaitFor([&] { return driver.sync().isEventStreamConnected(); }, StepTimeoutMs));
        QVERIFY(driver.startRollouts());
        Process other(sandbox, cache, QStringLiteral("ctl"), true, false);
        QCOMPARE(other.openError, QString());
        QVERIFY(other.load());
        QVERIFY(other.startRollouts());
        QVERIFY(!other.session->isDriving());
        QVERIFY(!other.rollouts().isDriving());

        const QStringList customers = other.sync().state().hierarchy().customers();
        QVERIFY(!customers.isEmpty());
        const Domain::RolloutSpec spec = stagedSpec(QStringLiteral("v6 asked from elsewhere"),
            {customers.first()}, {tolerantWave(50), tolerantWave(100, true)});
        QSignalSpy followed(&other.rollouts(), &Rollout::RolloutEngine::rolloutChanged);
        const qsizetype otherRequests = other.requests->count();
        qint64 id = -1;
        QString refusal;
        other.rollouts().requestControl(
            Rollout::RolloutEngine::Control::Start, 0, spec, [&](qint64 newId, QString error) {
                id = newId;
                refusal = error;
            });
        QVERIFY(other.rollouts().waitingControls() <= 1);
        QTRY_VERIFY_WITH_TIMEOUT(id >= 0, StepTimeoutMs);
        QVERIFY2(id > 0, qPrintable(refusal));
        QCOMPARE(other.rollouts().waitingControls(), 0);
        // The driver runs it; the other process knows it as soon as it is told it started.
        QVERIFY(driver.rollouts().rollout(id));
        QVERIFY(other.rollouts().rollout(id));
        QCOMPARE(other.rollouts().rollout(id)->spec.title, spec.title);

        // The first wave runs on the driver; the other process follows it until the rollout
        // waits for the operator.
        QTRY_COMPARE_WITH_TIMEOUT(
            other.state(id), Domain::toString(RolloutState::Paused), RolloutTimeoutMs);
        QVERIFY(followed.count() > 1);
        QVERIFY(other.rollouts().waveCounts(id, 0).total > 0);
        QCOMPARE(other.rollouts().waveCounts(id, 0), driver.rollouts().waveCounts(id, 0));
        QCOMPARE(other.rollouts().startNextWave(id), QString()); // asked of the driver
        QTRY_COMPARE_WITH_TIMEOUT(
            other.state(id), Domain::toString(RolloutState::Completed), RolloutTimeoutMs);
        QCOMPARE(driver.state(id), Domain::toString(RolloutState::Completed));
        QCOMPARE(other.requests->count(), otherRequests); // it sent nothing itself

        // A control the driver refuses comes back with the driver's reason, also to a process
        // that asks without reading the rollouts (as a command line does).
        Process script(sandbox, cache, QStringLiteral("script"), false, false);
        QCOMPARE(script.openError, QString());
        QString error;
        bool answered = false;
        script.rollouts().requestControl(
            Rollout::RolloutEngine::Control::Pause, id, {}, [&](qint64, QString e) {
                error = e;
                answered = true;
            });
        QTRY_VERIFY_WITH_TIMEOUT(answered, StepTimeoutMs);
        QVERIFY(!error.isEmpty());
    }

    // The lease of a process killed while it held it (SIGKILL: no chance to let it go) is
    // taken over by the next process that tries.
    void leaseOfAKilledProcessIsTakenOver()
    {
        const QString cache = m_dir.filePath(QStringLiteral("killed.sqlite"));
        QProcess holder;
        holder.start(QStringLiteral(FLOTILLA_LEASEHOLDER_EXE), {cache});
        QVERIFY(holder.waitForStarted(StepTimeoutMs));
        QVERIFY(QTest::qWaitFor([&] { return holder.canReadLine(); }, StepTimeoutMs));
        QCOMPARE(holder.readLine().trimmed(), QByteArray("held"));

        Session::CacheLease probe(cache);
        QVERIFY(!probe.tryAcquire());
        QCOMPARE(probe.holderPid(), holder.processId());
        QCOMPARE(probe.holderName(), QStringLiteral("flotilla-leaseholder"));

        // A console on that cache waits for the lease.
        Session::SessionConfig config;
        config.apiUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        config.productId = 1;
        config.liveEvents = false;
        config.sharePollMs = 100;
        config.leaseRetryMs = 100;
        Session::CloudSession session(config);
        bool opened = false;
        QString openError;
        session.openCache(cache, nullptr, [&](QString e) {
            openError = e;
            opened = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return opened; }, StepTimeoutMs));
        QCOMPARE(openError, QString());
        QSignalSpy driving(&session, &Session::CloudSession::drivingChanged);
        session.startSharing();
        QVERIFY(!session.isDriving());
        QCOMPARE(session.driverName(), QStringLiteral("flotilla-leaseholder"));

        holder.kill(); // SIGKILL
        QVERIFY(holder.waitForFinished(StepTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(session.isDriving(), StepTimeoutMs);
        QCOMPARE(driving.last().at(0).toBool(), true);
        QVERIFY(!probe.tryAcquire()); // the console holds it now
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(SharedCacheTest)
#include "tst_sharedcache.moc"
