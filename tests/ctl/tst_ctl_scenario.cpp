// SPDX-License-Identifier: MIT
// The pre-shipment scenario from a shell while the console is open on the same cache: a new
// customer with two groups, 200 units of factory stock pre-assigned to them from one CSV file
// with one command, a two-wave rollout (the test group, then the rest) started and watched to
// completion with flotillactl. The console here is a cloud session in this test that drives the
// cache, as the open console does: it sends what flotillactl queues, runs the rollout, and
// shows every change without a restart.
#include "ctlprocess.h"
#include "domain/hierarchy.h"
#include "domain/rollout.h"
#include "rollout/rolloutengine.h"
#include "sandboxprocess.h"
#include "session/cloudsession.h"
#include "sync/syncengine.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Flotilla;
using namespace Flotilla::Test;

class TestCtlScenario final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;
    std::unique_ptr<CtlProcess> m_ctl;
    std::unique_ptr<Session::CloudSession> m_console;

    QString cachePath() const { return m_dir.filePath(QStringLiteral("cache.sqlite")); }

    CtlResult ctl(const QStringList &arguments, int timeoutMs = 120000)
    {
        return m_ctl->run(QStringList {QStringLiteral("--json")} + arguments, {}, true, timeoutMs);
    }

    // Devices the console shows at `path` or below.
    int consoleDevicesUnder(const QString &path) const
    {
        const Sync::FleetState &state = m_console->engine()->state();
        const Domain::Hierarchy hierarchy = state.hierarchy();
        int count = 0;
        for (const Domain::Device &d : state.devices) {
            const Domain::Placement p = Domain::placeDevice(d.groups, hierarchy);
            count
                += p.kind == Domain::PlacementKind::Node && Domain::isAncestorOrSelf(path, p.path);
        }
        return count;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // Simulated devices that stay online and flash quickly and without failures; the stock
        // connects once imported (powered on at the bench).
        QVERIFY2(
            m_sandbox.start({QStringLiteral("--devices"), QStringLiteral("40"),
                QStringLiteral("--stock"), QStringLiteral("200"), QStringLiteral("--stock-online"),
                QStringLiteral("--stock-csv"), m_dir.filePath(QStringLiteral("stock.csv")),
                QStringLiteral("--uniform-fleet"), QStringLiteral("--time-scale"),
                QStringLiteral("100"), QStringLiteral("--update-duration"), QStringLiteral("10"),
                QStringLiteral("--update-failure-rate"), QStringLiteral("0"),
                QStringLiteral("--mean-online"), QStringLiteral("10000000"),
                QStringLiteral("--mean-offline"), QStringLiteral("20"),
                QStringLiteral("--allow-unproven-release")}),
            qPrintable(m_sandbox.errorString()));
        m_ctl = std::make_unique<CtlProcess>(m_dir.filePath(QStringLiteral("home")));
        m_ctl->setCloud(m_sandbox.url(), m_sandbox.productId(), m_sandbox.token(), cachePath());
        m_ctl->setSpinEvents(true);

        // The console: its own session on the cache, driving it.
        Session::SessionConfig config;
        config.apiUrl = m_sandbox.url();
        config.productId = m_sandbox.productId();
        config.actor = QStringLiteral("console");
        config.sharePollMs = 100;
        config.leaseRetryMs = 200;
        config.rolloutTickMs = 200;
        m_console = std::make_unique<Session::CloudSession>(config);
        m_console->setAccessToken(m_sandbox.token());
        bool opened = false;
        QString error;
        m_console->openCache(cachePath(), nullptr, [&](const QString &e) {
            error = e;
            opened = true;
        });
        QTRY_VERIFY(opened);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_console->startSharing();
        QVERIFY(m_console->isDriving());
        QSignalSpy pulled(m_console->engine(), &Sync::SyncEngine::pullFinished);
        m_console->engine()->start(true);
        QVERIFY(pulled.wait(60000));
        QVERIFY(pulled.constFirst().at(0).toBool());
        bool rolloutsStarted = false;
        m_console->rollouts()->start([&](const QString &e) {
            error = e;
            rolloutsStarted = true;
        });
        QTRY_VERIFY(rolloutsStarted);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void preShipment()
    {
        QSignalSpy changes(m_console.get(), &Session::CloudSession::externalChange);

        // A customer with two groups.
        const CtlResult customer = ctl({QStringLiteral("--yes"), QStringLiteral("customer"),
            QStringLiteral("add"), QStringLiteral("Nordwind Energie GmbH")});
        QVERIFY2(customer.exitCode == 0, customer.describe().constData());
        const QString root = customer.object().value(QStringLiteral("path")).toString();
        QVERIFY2(!root.isEmpty(), customer.out.constData());
        for (const QString &group : {QStringLiteral("Hamburg"), QStringLiteral("Prüfstand")}) {
            const CtlResult r = ctl({QStringLiteral("--yes"), QStringLiteral("group"),
                QStringLiteral("add"), QStringLiteral("Nordwind Energie GmbH/") + group});
            QVERIFY2(r.exitCode == 0, r.describe().constData());
        }
        // The console shows them without a restart (it also sent them: it drives).
        QTRY_VERIFY_WITH_TIMEOUT(
            m_console->engine()->state().hierarchy().children(root).size() == 2, 30000);
        QVERIFY(changes.count() > 0);
        const QStringList groups = m_console->engine()->state().hierarchy().children(root);

        // 200 units of factory stock, as a warehouse's list: 20 to the test bench, the rest to
        // Hamburg. One command.
        const QStringList serials = stockSerials(m_sandbox);
        QCOMPARE(serials.size(), 200);
        // The sandbox wrote the same units as a warehouse's list (a header, one unit a line).
        QFile list(m_dir.filePath(QStringLiteral("stock.csv")));
        QVERIFY(list.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = list.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 201);
        QCOMPARE(lines.at(0).trimmed(), QByteArray("Serial number,ICCID,IMEI"));
        QVERIFY(lines.at(1).startsWith(QByteArray(serials.constFirst().toUtf8() + ',')));
        QByteArray csv = "Serial number,Customer,Group\r\n";
        for (qsizetype i = 0; i < serials.size(); ++i)
            csv += serials.at(i).toUtf8() + ",Nordwind Energie GmbH,"
                + (i < 20 ? QByteArrayLiteral("Prüfstand") : QByteArrayLiteral("Hamburg")) + "\r\n";
        const QString file = m_dir.filePath(QStringLiteral("shipment.csv"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(csv);
        f.close();
        const CtlResult imported
            = ctl({QStringLiteral("--yes"), QStringLiteral("import"), file}, 180000);
        QVERIFY2(imported.exitCode == 0, imported.describe().constData());
        // The console, which sent the import, shows the 200 devices in their places.
        QTRY_COMPARE_WITH_TIMEOUT(consoleDevicesUnder(root), 200, 60000);
        const QString bench = m_console->engine()->state().hierarchy().node(groups.at(0))->title
                == QLatin1String("Prüfstand")
            ? groups.at(0)
            : groups.at(1);
        QCOMPARE(consoleDevicesUnder(bench), 20);
        QTRY_COMPARE_WITH_TIMEOUT(m_console->engine()->pendingCount(), 0, 60000);

        // Firmware, then a two-wave rollout to the customer: the test bench first, then all.
        const QString binary = m_dir.filePath(QStringLiteral("firmware.bin"));
        QFile fw(binary);
        QVERIFY(fw.open(QIODevice::WriteOnly));
        fw.write(QByteArray(4096, 'x'));
        fw.close();
        const CtlResult upload = ctl({QStringLiteral("--yes"), QStringLiteral("firmware"),
            QStringLiteral("upload"), binary, QStringLiteral("--version"), QStringLiteral("9"),
            QStringLiteral("--title"), QStringLiteral("Shipment release")});
        QVERIFY2(upload.exitCode == 0, upload.describe().constData());
        const CtlResult start = ctl({QStringLiteral("--yes"), QStringLiteral("rollout"),
            QStringLiteral("start"), QStringLiteral("9"), QStringLiteral("--to"),
            QStringLiteral("Nordwind Energie GmbH"), QStringLiteral("--wave"),
            QStringLiteral("Nordwind Energie GmbH/Prüfstand:100%"), QStringLiteral("--wave"),
            QStringLiteral("100%")});
        QVERIFY2(start.exitCode == 0, start.describe().constData());
        const qint64 id = start.object().value(QStringLiteral("id")).toInteger();
        QVERIFY(id > 0);
        // The console runs it (it drives the cache) and shows it.
        QTRY_VERIFY_WITH_TIMEOUT(m_console->rollouts()->rollout(id) != nullptr, 30000);

        const CtlResult watch = ctl(
            {QStringLiteral("rollout"), QStringLiteral("watch"), QString::number(id)}, 240000);
        QVERIFY2(watch.exitCode == 0, watch.describe().constData());
        QCOMPARE(
            watch.object().value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_console->rollouts()->rollout(id)->state == Domain::RolloutState::Completed, 30000);
        int onNine = 0;
        for (const Domain::Device &d : m_console->engine()->state().devices)
            onNine += d.firmwareVersion == 9 ? 1 : 0;
        QVERIFY2(onNine >= 200, qPrintable(QString::number(onNine)));

        // The log says where each change came from.
        const CtlResult log
            = ctl({QStringLiteral("log"), QStringLiteral("--limit"), QStringLiteral("0")});
        QCOMPARE(log.exitCode, 0);
        QVERIFY2(log.isJson(), log.describe().constData());
        QSet<QString> sources;
        for (const QJsonValue &e : log.object().value(QStringLiteral("entries")).toArray())
            sources.insert(e.toObject().value(QStringLiteral("source")).toString());
        QVERIFY2(sources.contains(QStringLiteral("flotillactl")), log.out.constData());
        QVERIFY2(sources.contains(QStringLiteral("import")), log.out.constData());
        const CtlResult since = ctl({QStringLiteral("log"), QStringLiteral("--since"),
            QStringLiteral("2999-01-01T00:00:00Z")});
        QCOMPARE(since.exitCode, 0);
        QVERIFY(since.object().value(QStringLiteral("entries")).toArray().isEmpty());
        QCOMPARE(
            ctl({QStringLiteral("log"), QStringLiteral("--since"), QStringLiteral("yesterday")})
                .exitCode,
            2);

        // Nothing is left to send; status says so from the command line too.
        const CtlResult status = ctl({QStringLiteral("status")});
        QCOMPARE(status.exitCode, 0);
        QCOMPARE(status.object().value(QStringLiteral("pending")).toInt(), 0);
    }

    void cleanupTestCase() { m_console.reset(); }
};

QTEST_GUILESS_MAIN(TestCtlScenario)
#include "tst_ctl_scenario.moc"
