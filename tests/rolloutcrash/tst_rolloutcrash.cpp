// SPDX-License-Identifier: MIT
// A rollout survives a real `kill -9`: flotilla-rolloutdriver runs a staged rollout against the
// sandbox, is killed in the middle of a wave, and started again with --resume on the same cache.
// The rollout completes, every targeted device runs the version, and the sandbox's OTA counters
// show that no device was flashed twice. Also checks the sandbox features the crash test and
// bench/rollout.sh rely on: GET /admin/ota and --uniform-fleet.
#include "sandboxprocess.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using Flotilla::Test::Http;
using Flotilla::Test::SandboxProcess;

namespace {

// Limits, not waits (a passing run never reaches them), generous enough for a loaded 2-core
// machine running the whole suite with ctest -j 2: one flash on the sandbox, seen through its
// counters; a driver run, or a rollout up to the point the test waits for.
constexpr int StepTimeoutMs = 60000;
constexpr int RunTimeoutMs = 120000;

const QString Customers
    = QStringLiteral("acme,borealis,cobalt,delta-water,evergreen,fjord"); // the demo customers

// Runs flotilla-rolloutdriver and collects its JSON lines.
class Driver
{
public:
    Driver(SandboxProcess &sandbox, const QString &cache)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("flotilla.*=false"));
        m_process.setProcessEnvironment(env);
        m_process.setProgram(QStringLiteral(FLOTILLA_ROLLOUTDRIVER_EXE));
        m_args = {QStringLiteral("--api"), sandbox.url().toString(), QStringLiteral("--token"),
            sandbox.token(), QStringLiteral("--product"), QString::number(sandbox.productId()),
            QStringLiteral("--cache"), cache, QStringLiteral("--progress-ms"),
            QStringLiteral("50")};
    }
    ~Driver()
    {
        if (m_process.state() != QProcess::NotRunning)
            kill9();
    }
    Driver(const Driver &) = delete;
    Driver &operator=(const Driver &) = delete;

    void start(const QStringList &arguments)
    {
        m_lines.clear();
        m_checked = 0;
        m_matched = QJsonObject();
        m_process.setArguments(m_args + arguments);
        m_process.start();
    }
    // Runs to the end; true when it exited 0.
    bool run(const QStringList &arguments, int timeoutMs = RunTimeoutMs)
    {
        start(arguments);
        const bool finished = m_process.waitForFinished(timeoutMs);
        read();
        if (!finished || m_process.exitStatus() != QProcess::NormalExit
            || m_process.exitCode() != 0) {
            qWarning("driver %s failed: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                qPrintable(describe()));
            return false;
        }
        return true;
    }
    QList<QJsonObject> lines(const QString &event = QString())
    {
        read();
        QList<QJsonObject> out;
        for (const QJsonObject &line : std::as_const(m_lines)) {
            if (event.isEmpty() || line.value(QStringLiteral("event")).toString() == event)
                out.append(line);
        }
        return out;
    }
    QJsonObject last(const QString &event)
    {
        const QList<QJsonObject> all = lines(event);
        return all.isEmpty() ? QJsonObject() : all.last();
    }
    // True once a progress line has matched (and from then on, until the next start).
    bool sawProgress(const std::function<bool(const QJsonObject &)> &predicate)
    {
        if (!m_matched.isEmpty())
            return true;
        read();
        for (qsizetype i = m_checked; i < m_lines.size(); ++i) {
            if (m_lines.at(i).value(QStringLiteral("event")).toString() == QLatin1String("progress")
                && predicate(m_lines.at(i))) {
                m_matched = m_lines.at(i);
                m_checked = m_lines.size();
                return true;
            }
        }
        m_checked = m_lines.size();
        return false;
    }
    QJsonObject matched() const { return m_matched; }
    void kill9()
    {
        m_process.kill(); // SIGKILL
        m_process.waitForFinished(10000);
        read();
    }
    bool running() const { return m_process.state() != QProcess::NotRunning; }
    QString describe()
    {
        read();
        QStringList tail;
        for (qsizetype i = qMax<qsizetype>(0, m_lines.size() - 3); i < m_lines.size(); ++i)
            tail.append(
                QString::fromUtf8(QJsonDocument(m_lines.at(i)).toJson(QJsonDocument::Compact)));
        return QStringLiteral("exit %1, last lines: %2; stderr: %3")
            .arg(m_process.exitCode())
            .arg(tail.join(QLatin1Char(' ')),
                QString::fromUtf8(m_process.readAllStandardError().right(2000)));
    }

private:
    void read()
    {
        while (m_process.canReadLine()) {
            const QByteArray line = m_process.readLine().trimmed();
            if (!line.isEmpty())
                m_lines.append(QJsonDocument::fromJson(line).object());
        }
    }
    QProcess m_process;
    QStringList m_args;
    QList<QJsonObject> m_lines;
    qsizetype m_checked = 0;
    QJsonObject m_matched;
};

QJsonObject ota(SandboxProcess &sandbox)
{
    return Http(sandbox.adminToken()).get(sandbox.url(QStringLiteral("/admin/ota"))).json();
}

QJsonObject otaOf(SandboxProcess &sandbox, int version)
{
    return ota(sandbox)
        .value(QStringLiteral("by_version"))
        .toObject()
        .value(QString::number(version))
        .toObject();
}

// Every device of the product, by id, as the sandbox's API lists it.
QHash<QString, QJsonObject> cloudDeviceObjects(SandboxProcess &sandbox)
{
    Http http(sandbox.token());
    QHash<QString, QJsonObject> out;
    for (int page = 1;; ++page) {
        const QJsonObject body
            = http.get(sandbox.url(QStringLiteral("/v1/products/%1/devices?page=%2&perPage=100"
                                                  "&sortAttr=deviceId&sortDir=asc")
                                       .arg(sandbox.productId())
                                       .arg(page)))
                  .json();
        for (const QJsonValue &v : body.value(QStringLiteral("devices")).toArray()) {
            const QJsonObject d = v.toObject();
            out.insert(d.value(QStringLiteral("id")).toString(), d);
        }
        if (page >= body.value(QStringLiteral("meta"))
                        .toObject()
                        .value(QStringLiteral("total_pages"))
                        .toInt())
            break;
    }
    return out;
}

QStringList groupNames(SandboxProcess &sandbox)
{
    QStringList names;
    const QJsonObject body
        = Http(sandbox.token())
              .get(sandbox.url(QStringLiteral("/v1/products/%1/groups").arg(sandbox.productId())))
              .json();
    for (const QJsonValue &v : body.value(QStringLiteral("groups")).toArray())
        names.append(v.toObject().value(QStringLiteral("name")).toString());
    return names;
}

// Changes the sandbox's simulation or fault settings through its admin routes.
bool adminPut(SandboxProcess &sandbox, const QString &route, const QJsonObject &settings)
{
    return Http(sandbox.adminToken()).putJson(sandbox.url(route), settings).status == 200;
}

int flashTo(SandboxProcess &sandbox, const QString &id, int version)
{
    return Http(sandbox.token())
        .putJson(sandbox.url(
                     QStringLiteral("/v1/products/%1/devices/%2").arg(sandbox.productId()).arg(id)),
            QJsonObject {{QStringLiteral("desired_firmware_version"), version},
                {QStringLiteral("flash"), true}})
        .status;
}

// A sandbox for the crash cases: a 2,000-device demo fleet, time-scaled so that a staged rollout
// of every customer takes seconds, no failed updates.
QStringList crashSandboxArguments()
{
    return {QStringLiteral("--devices"), QStringLiteral("2000"), QStringLiteral("--time-scale"),
        QStringLiteral("120"), QStringLiteral("--update-duration"), QStringLiteral("120"),
        QStringLiteral("--update-failure-rate"), QStringLiteral("0"),
        QStringLiteral("--mean-offline"), QStringLiteral("120")};
}

} // namespace

class TestRolloutCrash final : public QObject
{
    Q_OBJECT

    // After the restart: the rollout completed, each targeted device runs the version and was
    // flashed exactly once, and the cache says Completed.
    void verifyCompleted(SandboxProcess &sandbox, Driver &driver, const QString &cache)
    {
        const QJsonObject done = driver.last(QStringLiteral("final"));
        QCOMPARE(done.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
        QStringList targeted;
        int skipped = 0;
        for (const QJsonObject &d : driver.lines(QStringLiteral("device"))) {
            const QString state = d.value(QStringLiteral("state")).toString();
            if (state == QLatin1String("skipped")) {
                ++skipped;
                continue;
            }
            QCOMPARE(state, QStringLiteral("succeeded"));
            targeted.append(d.value(QStringLiteral("id")).toString());
        }
        QCOMPARE(done.value(QStringLiteral("targeted")).toInt(), targeted.size());
        QVERIFY2(targeted.size() > 1500, qPrintable(QString::number(targeted.size())));
        QVERIFY(skipped > 0); // locked and development devices of the demo fleet

        const QHash<QString, QJsonObject> cloud = cloudDeviceObjects(sandbox);
        for (const QString &id : std::as_const(targeted))
            QCOMPARE(cloud.value(id).value(QStringLiteral("firmware_version")).toInt(), 6);

        const QJsonObject counters = ota(sandbox);
        QCOMPARE(counters.value(QStringLiteral("flashed_twice")).toArray(), QJsonArray());
        const QJsonObject v6 = otaOf(sandbox, 6);
        QCOMPARE(v6.value(QStringLiteral("started")).toInt(), targeted.size());
        QCOMPARE(v6.value(QStringLiteral("succeeded")).toInt(), targeted.size());
        QCOMPARE(v6.value(QStringLiteral("failed")).toInt(), 0);

        // The rollout groups are gone once the version is released to the customers.
        for (const QString &name : groupNames(sandbox))
            QVERIFY2(!name.startsWith(QLatin1String("flotilla-rollout-")), qPrintable(name));

        // The cache holds the rollout as Completed: a third run finds nothing active and
        // reports the newest rollout from the cache.
        Driver again(sandbox, cache);
        QVERIFY(again.run({QStringLiteral("--resume")}));
        QCOMPARE(again.last(QStringLiteral("resumed")).value(QStringLiteral("id")),
            done.value(QStringLiteral("id")));
        QCOMPARE(again.last(QStringLiteral("final")).value(QStringLiteral("state")).toString(),
            QStringLiteral("completed"));
        QCOMPARE(again.last(QStringLiteral("final")).value(QStringLiteral("succeeded")).toInt(),
            targeted.size());
        QCOMPARE(otaOf(sandbox, 6).value(QStringLiteral("started")).toInt(), targeted.size());
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void uniformFleetAndOtaCounters()
    {
        SandboxProcess sandbox;
        QVERIFY2(
            sandbox.start({QStringLiteral("--devices"), QStringLiteral("300"),
                QStringLiteral("--uniform-fleet"), QStringLiteral("--time-scale"),
                QStringLiteral("60"), QStringLiteral("--update-duration"), QStringLiteral("30"),
                QStringLiteral("--update-failure-rate"), QStringLiteral("0")}),
            qPrintable(sandbox.errorString()));
        // Every device is a customer's production device on its target, updatable.
        const QHash<QString, QJsonObject> devices = cloudDeviceObjects(sandbox);
        QCOMPARE(devices.size(), 300);
        QString online;
        for (const QJsonObject &d : devices) {
            QVERIFY(!d.value(QStringLiteral("development")).toBool());
            QVERIFY(d.value(QStringLiteral("desired_firmware_version")).isNull());
            QVERIFY(!d.value(QStringLiteral("groups")).toArray().isEmpty());
            QVERIFY(!d.value(QStringLiteral("groups"))
                         .toArray()
                         .contains(QJsonValue(QStringLiteral("flotilla-returns"))));
            QCOMPARE(d.value(QStringLiteral("firmware_version")).toInt(),
                d.value(QStringLiteral("targeted_firmware_release_version")).toInt());
            if (online.isEmpty() && d.value(QStringLiteral("online")).toBool())
                online = d.value(QStringLiteral("id")).toString();
        }
        QVERIFY(!online.isEmpty());
        QCOMPARE(ota(sandbox).value(QStringLiteral("started")).toInt(), 0);

        // One flash to 6: started and succeeded once, nothing flashed twice.
        QCOMPARE(flashTo(sandbox, online, 6), 200);
        QTRY_COMPARE_WITH_TIMEOUT(
            otaOf(sandbox, 6).value(QStringLiteral("succeeded")).toInt(), 1, StepTimeoutMs);
        QCOMPARE(otaOf(sandbox, 6).value(QStringLiteral("started")).toInt(), 1);
        QCOMPARE(ota(sandbox).value(QStringLiteral("flashed_twice")).toArray(), QJsonArray());
        // Back to 3, then to 6 again: the second flash to 6 is a double flash.
        QCOMPARE(flashTo(sandbox, online, 3), 200);
        QTRY_COMPARE_WITH_TIMEOUT(
            otaOf(sandbox, 3).value(QStringLiteral("succeeded")).toInt(), 1, StepTimeoutMs);
        QCOMPARE(ota(sandbox).value(QStringLiteral("flashed_twice")).toArray(), QJsonArray());
        QCOMPARE(flashTo(sandbox, online, 6), 200);
        QTRY_COMPARE_WITH_TIMEOUT(
            otaOf(sandbox, 6).value(QStringLiteral("started")).toInt(), 2, StepTimeoutMs);
        QCOMPARE(
            ota(sandbox).value(QStringLiteral("flashed_twice")).toArray(), QJsonArray {online});
        QTRY_COMPARE_WITH_TIMEOUT(
            ota(sandbox).value(QStringLiteral("succeeded")).toInt(), 3, StepTimeoutMs);
        QCOMPARE(ota(sandbox).value(QStringLiteral("failed")).toInt(), 0);
        // Reset: everything back to zero.
        QCOMPARE(Http(sandbox.adminToken())
                     .postJson(sandbox.url(QStringLiteral("/admin/ota/reset")), {})
                     .status,
            200);
        const QJsonObject reset = ota(sandbox);
        QCOMPARE(reset.value(QStringLiteral("started")).toInt(), 0);
        QCOMPARE(reset.value(QStringLiteral("succeeded")).toInt(), 0);
        QCOMPARE(reset.value(QStringLiteral("flashed_twice")).toArray(), QJsonArray());
    }

    void killedInTheSecondWaveResumes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxProcess sandbox;
        QVERIFY2(sandbox.start(crashSandboxArguments()), qPrintable(sandbox.errorString()));
        const QString cache = dir.filePath(QStringLiteral("rollout.sqlite"));
        Driver driver(sandbox, cache);
        driver.start({QStringLiteral("--version"), QStringLiteral("6"), QStringLiteral("--nodes"),
            Customers, QStringLiteral("--method"), QStringLiteral("staged"),
            QStringLiteral("--waves"), QStringLiteral("5%,25%,100%")});
        // The second wave released, some of its devices done, not yet enough for the third
        // (which would then be the current wave).
        QTRY_VERIFY2_WITH_TIMEOUT(driver.sawProgress([](const QJsonObject &p) {
            return p.value(QStringLiteral("wave")).toInt() == 1
                && p.value(QStringLiteral("wave_released")).toBool()
                && p.value(QStringLiteral("wave_succeeded")).toInt() > 0;
        }) || !driver.running(),
            qPrintable(driver.describe()), RunTimeoutMs);
        // The devices' time stands still from here: the rollout cannot finish before the kill,
        // however slowly this test runs meanwhile.
        QVERIFY(adminPut(
            sandbox, QStringLiteral("/admin/simulation"), {{QStringLiteral("time_scale"), 0.001}}));
        QVERIFY2(driver.running(), qPrintable(driver.describe()));
        driver.kill9();
        const QJsonObject atKill = driver.matched();
        qInfo("killed in wave 2 of 3: %d of its %d devices succeeded, %d of the rollout's %d",
            atKill.value(QStringLiteral("wave_succeeded")).toInt(),
            atKill.value(QStringLiteral("wave_total")).toInt(),
            atKill.value(QStringLiteral("succeeded")).toInt(),
            atKill.value(QStringLiteral("targeted")).toInt());
        QVERIFY(driver.last(QStringLiteral("final")).isEmpty()); // it died in the middle

        QVERIFY(adminPut(
            sandbox, QStringLiteral("/admin/simulation"), {{QStringLiteral("time_scale"), 120}}));
        QVERIFY(driver.run({QStringLiteral("--resume"), QStringLiteral("--print-devices")}));
        QCOMPARE(driver.last(QStringLiteral("resumed")).value(QStringLiteral("id")),
            atKill.value(QStringLiteral("id")));
        verifyCompleted(sandbox, driver, cache);
    }

    void killedWhileTheFirstWaveJoinsItsGroup()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxProcess sandbox;
        // Every answer takes 100 ms and batches hold 10 devices: the first wave's member batches
        // take seconds, and the kill lands between them.
        QVERIFY2(sandbox.start(crashSandboxArguments()
                     + QStringList {QStringLiteral("--fault-latency-ms"), QStringLiteral("100")}),
            qPrintable(sandbox.errorString()));
        const QString cache = dir.filePath(QStringLiteral("rollout.sqlite"));
        Driver driver(sandbox, cache);
        driver.start({QStringLiteral("--version"), QStringLiteral("6"), QStringLiteral("--nodes"),
            Customers, QStringLiteral("--waves"), QStringLiteral("10%,100%"),
            QStringLiteral("--batch-size"), QStringLiteral("10")});
        QTRY_VERIFY2_WITH_TIMEOUT(driver.sawProgress([](const QJsonObject &p) {
            return p.value(QStringLiteral("wave")).toInt() == 0
                && p.value(QStringLiteral("wave_batches_done")).toInt() >= 2
                && !p.value(QStringLiteral("wave_released")).toBool();
        }) || !driver.running(),
            qPrintable(driver.describe()), RunTimeoutMs);
        // Answers take a minute from here: at most the batch on the wire completes before the
        // kill, however slowly this test runs meanwhile.
        QVERIFY(adminPut(
            sandbox, QStringLiteral("/admin/faults"), {{QStringLiteral("latency_ms"), 60000}}));
        QVERIFY2(driver.running(), qPrintable(driver.describe()));
        driver.kill9();
        const QJsonObject atKill = driver.matched();
        const int batches = (atKill.value(QStringLiteral("wave_total")).toInt() + 9) / 10;
        qInfo("killed after %d of the first wave's %d member batches",
            atKill.value(QStringLiteral("wave_batches_done")).toInt(), batches);
        QVERIFY(atKill.value(QStringLiteral("wave_batches_done")).toInt() < batches);
        // Nothing released yet, so nothing flashed.
        QVERIFY(!ota(sandbox)
                     .value(QStringLiteral("by_version"))
                     .toObject()
                     .contains(QStringLiteral("6")));

        QVERIFY(adminPut(
            sandbox, QStringLiteral("/admin/faults"), {{QStringLiteral("latency_ms"), 0}}));
        QVERIFY(driver.run({QStringLiteral("--resume"), QStringLiteral("--print-devices"),
            QStringLiteral("--batch-size"), QStringLiteral("10")}));
        verifyCompleted(sandbox, driver, cache);
    }
};

QTEST_GUILESS_MAIN(TestRolloutCrash)
#include "tst_rolloutcrash.moc"
