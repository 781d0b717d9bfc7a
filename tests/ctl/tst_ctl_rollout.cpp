// SPDX-License-Identifier: MIT
// flotillactl's firmware, flash and rollout commands, run as a process against a sandbox cloud
// whose devices flash in a fraction of a second: uploads, the three ways to flash, a staged
// rollout watched to completion, the controls, and refusals that leave nothing started.
#include "ctlprocess.h"
#include "rollout/rolloutengine.h"
#include "sandboxprocess.h"
#include "session/cloudsession.h"
#include "sync/syncengine.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace Flotilla::Test;

namespace {

QStringList args(std::initializer_list<const char *> words)
{
    QStringList list;
    for (const char *w : words)
        list.append(QString::fromUtf8(w));
    return list;
}

} // namespace

class TestCtlRollout final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;
    std::unique_ptr<CtlProcess> m_ctl;
    QJsonArray m_nodes; // `ls --json` at the start

    QString cachePath() const { return m_dir.filePath(QStringLiteral("cache.sqlite")); }

    CtlResult json(const QStringList &arguments, int timeoutMs = 120000) const
    {
        return m_ctl->run(QStringList {QStringLiteral("--json")} + arguments, {}, true, timeoutMs);
    }

    int devicesAt(const QString &path) const
    {
        for (const QJsonValue &n : m_nodes) {
            if (n[QStringLiteral("path")].toString() == path)
                return n[QStringLiteral("devices")].toInt();
        }
        return 0;
    }

    // The device IDs at or under `path`, as flotillactl lists them.
    QStringList devicesUnder(const QString &path) const
    {
        const CtlResult r = json({QStringLiteral("devices"), path});
        QStringList ids;
        for (const QJsonValue &d : r.object()[QStringLiteral("devices")].toArray())
            ids.append(d[QStringLiteral("device_id")].toString());
        return ids;
    }

    // Runs flotillactl --json while this process's event loop runs (a console beside it).
    CtlResult runBeside(const QStringList &arguments, int timeoutMs = 100000) const
    {
        std::unique_ptr<QProcess> process
            = m_ctl->start(QStringList {QStringLiteral("--json")} + arguments);
        process->closeWriteChannel();
        CtlResult result;
        result.finished = QTest::qWaitFor(
            [&process] { return process->state() == QProcess::NotRunning; }, timeoutMs);
        if (!result.finished) {
            process->kill();
            process->waitForFinished(10000);
        }
        result.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
        result.out = process->readAllStandardOutput();
        result.err = process->readAllStandardError();
        return result;
    }

    int rolloutCount() const
    {
        return static_cast<int>(json({QStringLiteral("rollout"), QStringLiteral("ls")})
                                    .object()[QStringLiteral("rollouts")]
                                    .toArray()
                                    .size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // Every device in the customers' nodes, online nearly all the time, updating in a
        // tenth of a second and never failing.
        QVERIFY2(m_sandbox.start(args({"--devices", "60", "--uniform-fleet", "--time-scale", "100",
                     "--update-duration", "10", "--update-failure-rate", "0", "--mean-online",
                     "10000000", "--mean-offline", "20", "--allow-unproven-release"})),
            qPrintable(m_sandbox.errorString()));
        m_ctl = std::make_unique<CtlProcess>(m_dir.filePath(QStringLiteral("home")));
        m_ctl->setCloud(m_sandbox.url(), m_sandbox.productId(), m_sandbox.token(), cachePath());
        const CtlResult ls = json({QStringLiteral("ls")});
        QCOMPARE(ls.exitCode, 0);
        m_nodes = ls.object()[QStringLiteral("nodes")].toArray();
        QVERIFY(devicesAt(QStringLiteral("borealis--north--test")) > 0);
        QVERIFY(devicesAt(QStringLiteral("borealis--north"))
            > devicesAt(QStringLiteral("borealis--north--test")));
        QVERIFY(devicesAt(QStringLiteral("acme")) >= 2);
    }

    void firmwareUploadAndList()
    {
        const QString file = m_dir.filePath(QStringLiteral("tracker-7.bin"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, '\x5a'));
        f.close();
        const CtlResult up = json({QStringLiteral("--yes"), QStringLiteral("firmware"),
            QStringLiteral("upload"), file, QStringLiteral("--version"), QStringLiteral("7"),
            QStringLiteral("--title"), QStringLiteral("Tracker 7"), QStringLiteral("--notes"),
            QStringLiteral("Battery fix")});
        QVERIFY2(up.exitCode == 0, up.describe().constData());
        QCOMPARE(up.object()[QStringLiteral("uploaded")].toBool(), true);
        QCOMPARE(up.object()[QStringLiteral("size")].toInt(), 4096);

        // The same version again is refused before anything is sent.
        const CtlResult again = json({QStringLiteral("--yes"), QStringLiteral("firmware"),
            QStringLiteral("upload"), file, QStringLiteral("--version"), QStringLiteral("7"),
            QStringLiteral("--title"), QStringLiteral("Again")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("already"), again.describe().constData());

        const CtlResult ls = json({QStringLiteral("firmware"), QStringLiteral("ls")});
        QCOMPARE(ls.exitCode, 0);
        QJsonObject seven;
        for (const QJsonValue &fw : ls.object()[QStringLiteral("firmware")].toArray()) {
            if (fw[QStringLiteral("version")].toInt() == 7)
                seven = fw.toObject();
        }
        QCOMPARE(seven[QStringLiteral("title")].toString(), QStringLiteral("Tracker 7"));
        QCOMPARE(seven[QStringLiteral("notes")].toString(), QStringLiteral("Battery fix"));
        // People read where a version is released by titles, never by group names.
        const CtlResult human = m_ctl->run({QStringLiteral("firmware"), QStringLiteral("ls")});
        QCOMPARE(human.exitCode, 0);
        QVERIFY(human.out.contains("Tracker 7"));
        QVERIFY2(human.out.contains("Acme Logistics \u203a Berlin depot \u203a Berlin test bench"),
            human.out.constData());
        QVERIFY2(!human.out.contains("acme--berlin--test"), human.out.constData());
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("says");
        QTest::newRow("version the product lacks")
            << args({"rollout", "start", "99", "--to", "acme"}) << 1 << QByteArray("no firmware");
        QTest::newRow("lock to a version the product lacks")
            << args({"flash", "lock", "99", "nobody"}) << 1 << QByteArray("no firmware");
        QTest::newRow("not a version") << args({"flash", "release", "six", "--to", "acme"}) << 2
                                       << QByteArray("not a firmware version");
        QTest::newRow("wave share above 100%")
            << args({"rollout", "start", "6", "--to", "acme", "--wave", "150%"}) << 2
            << QByteArray("--wave");
        QTest::newRow("wave threshold not a number")
            << args({"rollout", "start", "6", "--to", "acme", "--wave", "25%:many"}) << 2
            << QByteArray("success threshold");
        QTest::newRow("wave with too many parts")
            << args({"rollout", "start", "6", "--to", "acme", "--wave", "25%:90%:5%:1"}) << 2
            << QByteArray("--wave");
        QTest::newRow("empty wave") << args({"rollout", "start", "6", "--to", "acme", "--wave", ""})
                                    << 2 << QByteArray("--wave");
        QTest::newRow("wave group outside the targets")
            << args({"rollout", "start", "6", "--to", "acme--berlin", "--wave", "borealis"}) << 1
            << QByteArray("not under");
        QTest::newRow("bad timeout")
            << args({"rollout", "start", "6", "--to", "acme", "--timeout", "soon"}) << 2
            << QByteArray("--timeout");
        QTest::newRow("no target") << args({"rollout", "start", "6"}) << 2 << QByteArray("--to");
        QTest::newRow("unknown target")
            << args({"flash", "release", "6", "--to", "Nowhere Ltd"}) << 1 << QByteArray("Nowhere");
        QTest::newRow("unknown device")
            << args({"flash", "lock", "6", "no-such-device"}) << 1 << QByteArray("no-such-device");
        QTest::newRow("not a rollout id")
            << args({"rollout", "pause", "first"}) << 2 << QByteArray("not a rollout ID");
        QTest::newRow("no such rollout")
            << args({"rollout", "show", "4242"}) << 1 << QByteArray("no rollout 4242");
    }

    // Wrong input is said clearly, with its exit status, one JSON document, and nothing started.
    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, status);
        QFETCH(QByteArray, says);
        const int before = rolloutCount();
        const CtlResult r = json(QStringList {QStringLiteral("--yes")} + arguments);
        QVERIFY2(r.exitCode == status, r.describe().constData());
        QVERIFY2(r.isJson(), r.describe().constData());
        QVERIFY2(r.err.contains(says), r.describe().constData());
        QCOMPARE(rolloutCount(), before);
    }

    // Thresholds and a timeout not given: `rollout start` plans with the console's preferences
    // (Edit › Settings…, in the console's settings file), as the Flash dialog does.
    void rolloutStartPlansWithThePreferences()
    {
        const QString file = m_dir.filePath(QStringLiteral("home/config/Flotilla/Console.conf"));
        {
            QSettings settings(file, QSettings::IniFormat);
            settings.setValue(QStringLiteral("preferences/successPercent"), 80);
            settings.setValue(QStringLiteral("preferences/failurePercent"), 3);
            settings.setValue(QStringLiteral("preferences/deviceTimeoutHours"), 36);
        }
        const auto removeFile = qScopeGuard([&file] { QFile::remove(file); });
        const int before = rolloutCount();
        const auto waveOf = [](const CtlResult &r, int i) {
            return r.object()[QStringLiteral("impact")][QStringLiteral("waves")][i].toObject();
        };

        // Not confirmed (no --yes, no terminal): the plan only. A wave's own thresholds win.
        const CtlResult given
            = json({QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("6"),
                QStringLiteral("--to"), QStringLiteral("acme"), QStringLiteral("--wave"),
                QStringLiteral("50%"), QStringLiteral("--wave"), QStringLiteral("100%:99%")});
        QVERIFY2(given.isJson(), given.describe().constData());
        QCOMPARE(
            waveOf(given, 0).value(QStringLiteral("success")).toString(), QStringLiteral("80%"));
        QCOMPARE(
            waveOf(given, 0).value(QStringLiteral("failure")).toString(), QStringLiteral("3%"));
        QCOMPARE(
            waveOf(given, 1).value(QStringLiteral("success")).toString(), QStringLiteral("99%"));
        QCOMPARE(
            waveOf(given, 1).value(QStringLiteral("failure")).toString(), QStringLiteral("3%"));
        QCOMPARE(given.object()[QStringLiteral("impact")][QStringLiteral("timeout_s")].toInt(),
            36 * 3600);

        // The default plan: every wave with the preferred thresholds.
        const CtlResult planned = json({QStringLiteral("rollout"), QStringLiteral("start"),
            QStringLiteral("6"), QStringLiteral("--to"), QStringLiteral("acme")});
        QVERIFY2(planned.isJson(), planned.describe().constData());
        const QJsonArray waves
            = planned.object()[QStringLiteral("impact")][QStringLiteral("waves")].toArray();
        QVERIFY(!waves.isEmpty());
        for (const QJsonValue &wave : waves) {
            QCOMPARE(wave[QStringLiteral("success")].toString(), QStringLiteral("80%"));
            QCOMPARE(wave[QStringLiteral("failure")].toString(), QStringLiteral("3%"));
        }
        QCOMPARE(rolloutCount(), before);
    }

    // Lock and flash: one device, named by its serial number or ID, locked to the uploaded
    // version.
    void flashLockDevice()
    {
        const QStringList ids = devicesUnder(QStringLiteral("cobalt"));
        QVERIFY(!ids.isEmpty());
        const CtlResult r = json({QStringLiteral("--yes"), QStringLiteral("flash"),
            QStringLiteral("lock"), QStringLiteral("7"), ids.constFirst()});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        const QJsonObject o = r.object();
        QCOMPARE(o[QStringLiteral("started")].toBool(), true);
        QCOMPARE(
            o.value(QStringLiteral("impact")).toObject().value(QStringLiteral("method")).toString(),
            QStringLiteral("lock"));
        QCOMPARE(
            o.value(QStringLiteral("impact")).toObject().value(QStringLiteral("targeted")).toInt(),
            1);
        QVERIFY(o[QStringLiteral("id")].toInteger() > 0);
        // The lock reached the cloud before the command ended.
        QTRY_COMPARE_WITH_TIMEOUT(
            cloudDevices(m_sandbox).value(ids.constFirst()).desiredFirmwareVersion.value_or(0), 7,
            30000);
    }

    // A release to a group: the impact per current version, then the release in the cloud.
    void flashReleaseGroup()
    {
        const CtlResult r = json({QStringLiteral("--yes"), QStringLiteral("flash"),
            QStringLiteral("release"), QStringLiteral("7"), QStringLiteral("--to"),
            QStringLiteral("Delta Water Authority"), QStringLiteral("--intelligent")});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        const QJsonObject impact = r.object()[QStringLiteral("impact")].toObject();
        QCOMPARE(impact[QStringLiteral("method")].toString(), QStringLiteral("release"));
        QVERIFY(impact[QStringLiteral("targeted")].toInt() > 0);
        QCOMPARE(impact.value(QStringLiteral("nodes"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("path"))
                     .toString(),
            QStringLiteral("delta-water"));
        // By the version the devices run now: delta-water holds v3.
        QVERIFY(impact[QStringLiteral("by_version")].toObject().contains(QStringLiteral("3")));
        const CtlResult fw = json({QStringLiteral("firmware"), QStringLiteral("ls")});
        bool released = false;
        for (const QJsonValue &v : fw.object()[QStringLiteral("firmware")].toArray()) {
            if (v[QStringLiteral("version")].toInt() != 7)
                continue;
            for (const QJsonValue &n : v[QStringLiteral("released_nodes")].toArray())
                released = released
                    || n[QStringLiteral("path")].toString() == QStringLiteral("delta-water");
        }
        QVERIFY2(released, fw.out.constData());
    }

    // The pre-shipment scenario's rollout: the test group first, then everyone else, started
    // from the shell and watched to completion.
    void stagedRolloutWatchedToCompletion()
    {
        const int test = devicesAt(QStringLiteral("borealis--north--test"));
        const int all = devicesAt(QStringLiteral("borealis--north"));
        const CtlResult start = json({QStringLiteral("--yes"), QStringLiteral("rollout"),
            QStringLiteral("start"), QStringLiteral("6"), QStringLiteral("--to"),
            QStringLiteral("borealis--north"), QStringLiteral("--wave"),
            QStringLiteral("Borealis Energy/North wind park/North test turbines:100%:50%"),
            QStringLiteral("--wave"), QStringLiteral("100%"), QStringLiteral("--timeout"),
            QStringLiteral("90m")});
        QVERIFY2(start.exitCode == 0, start.describe().constData());
        const QJsonObject impact = start.object()[QStringLiteral("impact")].toObject();
        const QJsonArray waves = impact[QStringLiteral("waves")].toArray();
        QCOMPARE(waves.size(), 2);
        QCOMPARE(waves.at(0).toObject().value(QStringLiteral("devices")).toInt(), test);
        QCOMPARE(waves.at(0).toObject().value(QStringLiteral("success")).toString(),
            QStringLiteral("100%"));
        QCOMPARE(waves.at(0).toObject().value(QStringLiteral("failure")).toString(),
            QStringLiteral("50%"));
        QCOMPARE(waves.at(1).toObject().value(QStringLiteral("devices")).toInt(), all - test);
        QCOMPARE(impact[QStringLiteral("timeout_s")].toInt(), 90 * 60);
        const qint64 id = start.object()[QStringLiteral("id")].toInteger();
        QVERIFY(id > 0);
        // The human text names the test wave by its title, never by its group name.
        QVERIFY2(start.err.contains("North test turbines"), start.err.constData());
        QVERIFY2(!start.err.contains("flotilla-rollout-"), start.err.constData());

        const CtlResult watch = json(
            {QStringLiteral("rollout"), QStringLiteral("watch"), QString::number(id)}, 100000);
        QVERIFY2(watch.exitCode == 0, watch.describe().constData());
        const QJsonObject done = watch.object();
        QCOMPARE(done[QStringLiteral("state")].toString(), QStringLiteral("completed"));
        const QJsonObject counts = done[QStringLiteral("counts")].toObject();
        QCOMPARE(counts[QStringLiteral("total")].toInt(), all);
        QCOMPARE(counts[QStringLiteral("succeeded")].toInt(), all);
        QCOMPARE(counts[QStringLiteral("failed")].toInt(), 0);
        QCOMPARE(done[QStringLiteral("waves")].toArray().size(), 2);
        // A line per change on stderr.
        QVERIFY2(watch.err.contains("Completed"), watch.err.constData());

        const CtlResult ls = json({QStringLiteral("rollout"), QStringLiteral("ls")});
        QCOMPARE(ls.exitCode, 0);
        bool listed = false;
        for (const QJsonValue &r : ls.object()[QStringLiteral("rollouts")].toArray())
            listed = listed
                || (r[QStringLiteral("id")].toInteger() == id
                    && r[QStringLiteral("state")].toString() == QStringLiteral("completed"));
        QVERIFY2(listed, ls.out.constData());
        const CtlResult show
            = json({QStringLiteral("rollout"), QStringLiteral("show"), QString::number(id)});
        QCOMPARE(show.exitCode, 0);
        QCOMPARE(show.object()[QStringLiteral("devices")].toArray().size(), all);
        QCOMPARE(show.object()[QStringLiteral("title")].toString(),
            QStringLiteral("v6 to Borealis Energy \u203a North wind park"));
        // Every device of the node runs the version in the cloud.
        const auto cloud = cloudDevices(m_sandbox);
        for (const QString &deviceId : devicesUnder(QStringLiteral("borealis--north")))
            QCOMPARE(cloud.value(deviceId).firmwareVersion, 6);
    }

    // Pause, resume, next, abort and rollback: exit 0 when they apply, 1 with the reason when
    // they do not. The customer's devices are taken offline first, so that nothing moves on
    // by itself between the commands.
    void controls()
    {
        Http admin(m_sandbox.adminToken());
        const QStringList ids = devicesUnder(QStringLiteral("acme"));
        for (const QString &deviceId : ids)
            QCOMPARE(admin
                         .putJson(m_sandbox.url(QStringLiteral("/admin/devices/%1").arg(deviceId)),
                             QJsonObject {{QStringLiteral("online"), false},
                                 {QStringLiteral("active"), false}})
                         .status,
                200);
        const CtlResult start = json({QStringLiteral("--yes"), QStringLiteral("rollout"),
            QStringLiteral("start"), QStringLiteral("7"), QStringLiteral("--to"),
            QStringLiteral("acme"), QStringLiteral("--wave"), QStringLiteral("50%"),
            QStringLiteral("--wave"), QStringLiteral("100%")});
        QVERIFY2(start.exitCode == 0, start.describe().constData());
        const QString id = QString::number(start.object()[QStringLiteral("id")].toInteger());

        // Without --yes and without a terminal nothing is applied.
        const CtlResult unasked
            = m_ctl->run({QStringLiteral("rollout"), QStringLiteral("pause"), id});
        QCOMPARE(unasked.exitCode, 1);
        QVERIFY2(unasked.err.contains("--yes"), unasked.describe().constData());
        QCOMPARE(json({QStringLiteral("rollout"), QStringLiteral("show"), id})
                     .object()[QStringLiteral("state")]
                     .toString(),
            QStringLiteral("running"));

        struct Step
        {
            const char *action;
            int status;
            const char *state; // after it, or the refusal's words
        };
        const QList<Step> steps {{"pause", 0, "paused"},
            {"pause", 1, "Only a running rollout can be paused"}, {"resume", 0, "running"},
            {"resume", 1, "Only a paused rollout can be resumed"}, {"next", 0, "running"},
            {"next", 1, "last wave"}, {"abort", 0, "aborted"},
            {"abort", 1, "Only a running or paused rollout can be aborted"},
            {"rollback", 0, "roll"}, {"rollback", 1, "already rolled back"}};
        for (const Step &step : steps) {
            const CtlResult r = json({QStringLiteral("--yes"), QStringLiteral("rollout"),
                QString::fromUtf8(step.action), id});
            QVERIFY2(r.exitCode == step.status, QByteArray(step.action + r.describe()).constData());
            QVERIFY2(r.isJson(), r.describe().constData());
            if (step.status == 0) {
                QCOMPARE(r.object()[QStringLiteral("done")].toBool(), true);
                QVERIFY2(r.object()
                             .value(QStringLiteral("rollout"))
                             .toObject()
                             .value(QStringLiteral("state"))
                             .toString()
                             .startsWith(QString::fromUtf8(step.state)),
                    r.describe().constData());
            } else {
                QVERIFY2(r.err.contains(step.state), r.describe().constData());
            }
        }
    }

    // A rollout that pauses for failures ends the watch with exit status 1 and says what to do.
    void watchOfAFailingRollout()
    {
        Http admin(m_sandbox.adminToken());
        const QStringList ids = devicesUnder(QStringLiteral("borealis--south"));
        const auto setDevices = [&](bool online) {
            for (const QString &deviceId : ids) {
                if (admin
                        .putJson(m_sandbox.url(QStringLiteral("/admin/devices/%1").arg(deviceId)),
                            QJsonObject {{QStringLiteral("online"), online},
                                {QStringLiteral("active"), online}})
                        .status
                    != 200)
                    return false;
            }
            return true;
        };
        QVERIFY(setDevices(false));
        const QUrl simulation = m_sandbox.url(QStringLiteral("/admin/simulation"));
        QCOMPARE(
            admin.putJson(simulation, QJsonObject {{QStringLiteral("update_failure_rate"), 1.0}})
                .status,
            200);
        const CtlResult start
            = json({QStringLiteral("--yes"), QStringLiteral("rollout"), QStringLiteral("start"),
                QStringLiteral("7"), QStringLiteral("--to"), QStringLiteral("borealis--south"),
                QStringLiteral("--wave"), QStringLiteral("100%:100%:1")});
        QVERIFY2(start.exitCode == 0, start.describe().constData());
        const QString id = QString::number(start.object().value(QStringLiteral("id")).toInteger());

        std::unique_ptr<QProcess> watch = m_ctl->start(
            {QStringLiteral("--json"), QStringLiteral("rollout"), QStringLiteral("watch"), id});
        watch->closeWriteChannel();
        // Failures come only as events: the devices come back (a handshake, an update that
        // fails) every second until the watch, once it follows the event stream, sees them.
        QElapsedTimer sinceBack;
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (!sinceBack.isValid() || sinceBack.hasExpired(1000)) {
                    sinceBack.start();
                    setDevices(false);
                    setDevices(true);
                }
                return watch->state() == QProcess::NotRunning;
            },
            90000));
        QByteArray err;
        QCOMPARE(
            admin.putJson(simulation, QJsonObject {{QStringLiteral("update_failure_rate"), 0.0}})
                .status,
            200);
        err += watch->readAllStandardError();
        CtlResult r;
        r.exitCode = watch->exitStatus() == QProcess::NormalExit ? watch->exitCode() : -1;
        r.out = watch->readAllStandardOutput();
        r.err = err;
        QVERIFY2(r.exitCode == 1, r.describe().constData());
        QVERIFY2(r.isJson(), r.describe().constData());
        QCOMPARE(r.object().value(QStringLiteral("state")).toString(), QStringLiteral("paused"));
        QCOMPARE(r.object().value(QStringLiteral("paused_for_failures")).toBool(), true);
        QVERIFY(r.object()
                    .value(QStringLiteral("counts"))
                    .toObject()
                    .value(QStringLiteral("failed"))
                    .toInt()
            >= 1);
        QVERIFY2(r.err.contains("rollout resume"), r.describe().constData());
    }

    // With a console open on the same cache, the console runs the rollouts: flotillactl asks it
    // to start and pause them, and watch follows a rollout as the console writes it.
    void besideAConsole()
    {
        Session::SessionConfig config;
        config.apiUrl = m_sandbox.url();
        config.productId = m_sandbox.productId();
        config.actor = QStringLiteral("console");
        Session::CloudSession console(config);
        console.setAccessToken(m_sandbox.token());
        std::optional<QString> opened;
        console.openCache(cachePath(), nullptr, [&opened](const QString &e) { opened = e; });
        QTRY_VERIFY_WITH_TIMEOUT(opened.has_value(), 30000);
        QCOMPARE(*opened, QString());
        console.engine()->start(false);
        QTRY_VERIFY_WITH_TIMEOUT(console.engine()->isLoaded(), 30000);
        std::optional<QString> started;
        console.rollouts()->start([&started](const QString &e) { started = e; });
        QTRY_VERIFY_WITH_TIMEOUT(started.has_value(), 30000);
        console.startSharing();
        QTRY_VERIFY_WITH_TIMEOUT(console.isDriving(), 30000);

        const CtlResult start = runBeside({QStringLiteral("--yes"), QStringLiteral("rollout"),
            QStringLiteral("start"), QStringLiteral("7"), QStringLiteral("--to"),
            QStringLiteral("fjord"), QStringLiteral("--wave"), QStringLiteral("50%"),
            QStringLiteral("--wave"), QStringLiteral("100%")});
        QVERIFY2(start.exitCode == 0, start.describe().constData());
        QVERIFY2(start.err.contains("asks it"), start.describe().constData());
        const qint64 id = start.object().value(QStringLiteral("id")).toInteger();
        // The console started it.
        QVERIFY(console.rollouts()->rollout(id));

        const CtlResult watch
            = runBeside({QStringLiteral("rollout"), QStringLiteral("watch"), QString::number(id)});
        QVERIFY2(watch.exitCode == 0, watch.describe().constData());
        QCOMPARE(
            watch.object().value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
        QVERIFY(console.rollouts()->rollout(id)->state == Domain::RolloutState::Completed);

        // A control is asked of the console, which runs it.
        Http admin(m_sandbox.adminToken());
        for (const QString &deviceId : devicesUnder(QStringLiteral("evergreen")))
            QCOMPARE(admin
                         .putJson(m_sandbox.url(QStringLiteral("/admin/devices/%1").arg(deviceId)),
                             QJsonObject {{QStringLiteral("online"), false},
                                 {QStringLiteral("active"), false}})
                         .status,
                200);
        const CtlResult second = runBeside(
            {QStringLiteral("--yes"), QStringLiteral("rollout"), QStringLiteral("start"),
                QStringLiteral("7"), QStringLiteral("--to"), QStringLiteral("evergreen")});
        QVERIFY2(second.exitCode == 0, second.describe().constData());
        const qint64 held = second.object().value(QStringLiteral("id")).toInteger();
        const CtlResult pause = runBeside({QStringLiteral("--yes"), QStringLiteral("rollout"),
            QStringLiteral("pause"), QString::number(held)});
        QVERIFY2(pause.exitCode == 0, pause.describe().constData());
        QVERIFY(console.rollouts()->rollout(held)->state == Domain::RolloutState::Paused);
        // What it prints is what the console made of it.
        QCOMPARE(pause.object()
                     .value(QStringLiteral("rollout"))
                     .toObject()
                     .value(QStringLiteral("state"))
                     .toString(),
            QStringLiteral("paused"));
        QVERIFY(console.isDriving());
    }
};

QTEST_GUILESS_MAIN(TestCtlRollout)
#include "tst_ctl_rollout.moc"
