// SPDX-License-Identifier: MIT
// Nothing is lost and nothing is applied twice: a real `kill -9` of a process while it pushes
// queued moves, then a restart that finishes the job. The cloud ends exactly as intended and the
// cache agrees with it.
#include "sandboxprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using Flotilla::Test::Http;
using Flotilla::Test::routeCount;
using Flotilla::Test::SandboxProcess;

namespace {

// Runs flotilla-syncdriver and collects its JSON lines.
class Driver
{
public:
    Driver(SandboxProcess &sandbox, const QString &cache)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FLOTILLA_TOKEN"), sandbox.token());
        // The product's OAuth client, for claims to customer accounts.
        const QJsonObject oauth
            = sandbox.startLine().value(QStringLiteral("oauth_client")).toObject();
        env.insert(QStringLiteral("FLOTILLA_CLIENT_SECRET"),
            oauth.value(QStringLiteral("secret")).toString());
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("flotilla.*=false"));
        m_process.setProcessEnvironment(env);
        m_process.setProgram(QStringLiteral(FLOTILLA_SYNCDRIVER_EXE));
        m_args = {QStringLiteral("--url"), sandbox.url().toString(), QStringLiteral("--product"),
            QString::number(sandbox.productId()), QStringLiteral("--cache"), cache,
            QStringLiteral("--client-id"), oauth.value(QStringLiteral("id")).toString()};
    }
    void start(const QStringList &command)
    {
        m_lines.clear();
        m_process.setArguments(m_args + command);
        m_process.start();
    }
    // Runs to the end; true when it exited 0.
    bool run(const QStringList &command, int timeoutMs = 60000)
    {
        start(command);
        const bool finished = m_process.waitForFinished(timeoutMs);
        read();
        return finished && m_process.exitStatus() == QProcess::NormalExit
            && m_process.exitCode() == 0;
    }
    QList<QJsonObject> lines()
    {
        read();
        return m_lines;
    }
    QJsonObject last(const QString &event)
    {
        read();
        for (auto it = m_lines.crbegin(); it != m_lines.crend(); ++it) {
            if (it->value(QStringLiteral("event")).toString() == event)
                return *it;
        }
        return {};
    }
    void kill9()
    {
        m_process.kill(); // SIGKILL
        m_process.waitForFinished(10000);
    }
    QProcess &process() { return m_process; }

private:
    void read()
    {
        while (m_process.canReadLine())
            m_lines.append(QJsonDocument::fromJson(m_process.readLine()).object());
    }
    QProcess m_process;
    QStringList m_args;
    QList<QJsonObject> m_lines;
};

int totalRequests(SandboxProcess &sandbox)
{
    return Http(sandbox.adminToken())
        .get(sandbox.url(QStringLiteral("/admin/stats")))
        .json()
        .value(QStringLiteral("requests"))
        .toInt();
}

int batchRequests(SandboxProcess &sandbox)
{
    return Http(sandbox.adminToken())
        .get(sandbox.url(QStringLiteral("/admin/stats")))
        .json()
        .value(QStringLiteral("by_route"))
        .toObject()
        .value(QStringLiteral("PUT /v1/products/:p/devices"))
        .toInt();
}

QStringList chain(const QString &path)
{
    QStringList out;
    QString prefix;
    for (const QString &slug : path.split(QStringLiteral("--"))) {
        prefix = prefix.isEmpty() ? slug : prefix + QStringLiteral("--") + slug;
        out.append(prefix);
    }
    return out;
}

} // namespace

class TestSyncCrash final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void killedWhilePushingLosesAndDuplicatesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxProcess sandbox;
        // Every answer takes 150 ms, so the push is slow enough to be killed in the middle.
        QVERIFY(sandbox.start({QStringLiteral("--devices"), QStringLiteral("3000"),
            QStringLiteral("--time-scale"), QStringLiteral("0.001"),
            QStringLiteral("--fault-latency-ms"), QStringLiteral("150")}));
        const QString cache = dir.filePath(QStringLiteral("crash.sqlite"));
        Driver driver(sandbox, cache);
        QVERIFY(driver.run({QStringLiteral("pull")}, 120000));
        QCOMPARE(
            driver.last(QStringLiteral("pulled")).value(QStringLiteral("devices")).toInt(), 3000);

        // Devices of two customers, each moved twice: first to an intermediate node, then to
        // their final one. Order matters: replaying the first move after the second would be
        // wrong.
        QVERIFY(driver.run({QStringLiteral("dump")}));
        QStringList evergreen, cobalt;
        for (const QJsonObject &d : driver.lines()) {
            const QStringList groups = [&] {
                QStringList g;
                for (const QJsonValue &v : d.value(QStringLiteral("groups")).toArray())
                    g.append(v.toString());
                return g;
            }();
            if (groups.contains(QStringLiteral("evergreen")) && evergreen.size() < 150)
                evergreen.append(d.value(QStringLiteral("id")).toString());
            else if (groups.contains(QStringLiteral("cobalt")) && cobalt.size() < 150)
                cobalt.append(d.value(QStringLiteral("id")).toString());
        }
        QCOMPARE(evergreen.size(), 150);
        QCOMPARE(cobalt.size(), 150);
        QHash<QString, QString> intended;
        QByteArray script;
        const auto move = [&](const QString &target, const QStringList &ids) {
            script += target.toUtf8() + ' ' + ids.join(QLatin1Char(',')).toUtf8() + '\n';
            for (const QString &id : ids)
                intended.insert(id, target);
        };
        for (int i = 0; i < 5; ++i) {
            move(QStringLiteral("fjord--vessels"), evergreen.mid(i * 30, 30));
            move(QStringLiteral("delta-water--pump-2"), cobalt.mid(i * 30, 30));
        }
        for (int i = 0; i < 5; ++i) {
            move(i % 2 ? QStringLiteral("delta-water--pump-1") : QStringLiteral(":returns"),
                evergreen.mid(i * 30, 30));
            move(i % 2 ? QStringLiteral("fjord") : QStringLiteral(":unassigned"),
                cobalt.mid(i * 30, 30));
        }
        QFile file(dir.filePath(QStringLiteral("moves.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(script);
        file.close();

        // Small batches, two at a time: many requests, so the kill lands in the middle.
        const int before = batchRequests(sandbox);
        driver.start(
            {QStringLiteral("--batch"), QStringLiteral("10"), QStringLiteral("--concurrency"),
                QStringLiteral("2"), QStringLiteral("moves"), file.fileName()});
        QTRY_VERIFY_WITH_TIMEOUT(!driver.last(QStringLiteral("queued")).isEmpty(), 30000);
        const int queuedEntries
            = driver.last(QStringLiteral("queued")).value(QStringLiteral("pending")).toInt();
        QTRY_VERIFY_WITH_TIMEOUT(batchRequests(sandbox) - before >= 6, 30000);
        driver.kill9();
        QVERIFY(driver.last(QStringLiteral("pushed")).isEmpty()); // it really died in the middle
        const int atKill = batchRequests(sandbox) - before;

        // The cache kept every queued change, minus those the cloud had confirmed.
        QVERIFY(driver.run({QStringLiteral("load")}));
        const int pendingAfterKill
            = driver.last(QStringLiteral("loaded")).value(QStringLiteral("pending")).toInt();
        qInfo("outbox entries: %d queued, %d still pending after the kill", queuedEntries,
            pendingAfterKill);
        QVERIFY2(pendingAfterKill > 0, "the kill came before the end");

        // Restart: the rest goes out (no added latency from here on).
        QCOMPARE(Http(sandbox.adminToken())
                     .putJson(sandbox.url(QStringLiteral("/admin/faults")),
                         QJsonObject {{QStringLiteral("latency_ms"), 0}})
                     .status,
            200);
        QVERIFY(driver.run(
            {QStringLiteral("--batch"), QStringLiteral("10"), QStringLiteral("push")}, 120000));
        const QJsonObject pushed = driver.last(QStringLiteral("pushed"));
        QCOMPARE(pushed.value(QStringLiteral("pending")).toInt(), 0);
        const int afterRestart = batchRequests(sandbox) - before - atKill;

        // What confirmed before the kill is not sent again: the restart needs fewer batch
        // requests than the whole script does on an identical fleet without a crash.
        SandboxProcess reference;
        QVERIFY(reference.start({QStringLiteral("--devices"), QStringLiteral("3000"),
            QStringLiteral("--time-scale"), QStringLiteral("0.001")}));
        Driver clean(reference, dir.filePath(QStringLiteral("reference.sqlite")));
        QVERIFY(clean.run({QStringLiteral("pull")}, 120000));
        const int referenceBefore = batchRequests(reference);
        QVERIFY(clean.run(
            {QStringLiteral("--batch"), QStringLiteral("10"), QStringLiteral("--concurrency"),
                QStringLiteral("2"), QStringLiteral("moves"), file.fileName()},
            120000));
        const int whole = batchRequests(reference) - referenceBefore;
        qInfo("batch requests: %d before the kill, %d after the restart, %d for the whole script",
            atKill, afterRestart, whole);
        QVERIFY(afterRestart < whole);
        // Sent twice at most: the requests on the wire when the process died (two at a time).
        QVERIFY(atKill + afterRestart <= whole + 2);

        // The cloud holds exactly the intended placement.
        Http http(sandbox.token());
        for (auto it = intended.cbegin(); it != intended.cend(); ++it) {
            const QJsonObject d = http.get(sandbox.url(QStringLiteral("/v1/products/%1/devices/%2")
                                                           .arg(sandbox.productId())
                                                           .arg(it.key())))
                                      .json();
            QStringList groups;
            for (const QJsonValue &v : d.value(QStringLiteral("groups")).toArray()) {
                if (v.toString() != QLatin1String("beta-testers")
                    && v.toString() != QLatin1String("low-battery"))
                    groups.append(v.toString());
            }
            QStringList expected;
            if (it.value() == QLatin1String(":returns"))
                expected = {QStringLiteral("flotilla-returns")};
            else if (it.value() != QLatin1String(":unassigned"))
                expected = chain(it.value());
            expected.sort();
            QCOMPARE(groups, expected);
        }
        // And the cache agrees with the cloud, device by device.
        QVERIFY(driver.run({QStringLiteral("pull")}, 120000));
        QVERIFY(driver.run({QStringLiteral("dump")}));
        QHash<QString, QJsonArray> cached;
        for (const QJsonObject &d : driver.lines())
            cached.insert(d.value(QStringLiteral("id")).toString(),
                d.value(QStringLiteral("groups")).toArray());
        for (auto it = intended.cbegin(); it != intended.cend(); ++it) {
            const QJsonObject d = http.get(sandbox.url(QStringLiteral("/v1/products/%1/devices/%2")
                                                           .arg(sandbox.productId())
                                                           .arg(it.key())))
                                      .json();
            QCOMPARE(cached.value(it.key()), d.value(QStringLiteral("groups")).toArray());
        }
    }

    // Several kills in one run, while answers are dropped and garbled, with claims and unclaims
    // to customer accounts among the changes: each restart goes on where the last one stopped,
    // nothing is reported refused, and the cloud ends with every device in its one intended
    // place and owned by the intended account.
    void severalKillsUnderFaultsWithClaims()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(
            {QStringLiteral("--devices"), QStringLiteral("1500"), QStringLiteral("--time-scale"),
                QStringLiteral("0.001"), QStringLiteral("--seed"), QStringLiteral("11")}));
        const QString cache = dir.filePath(QStringLiteral("kills.sqlite"));
        Driver driver(sandbox, cache);
        QVERIFY(driver.run({QStringLiteral("pull")}, 120000));
        QVERIFY(driver.run({QStringLiteral("dump")}));
        QHash<QString, QStringList> byCustomer;
        for (const QJsonObject &d : driver.lines()) {
            for (const QJsonValue &v : d.value(QStringLiteral("groups")).toArray()) {
                const QString g = v.toString();
                if (!g.contains(QLatin1String("--")) && byCustomer.value(g).size() < 40)
                    byCustomer[g].append(d.value(QStringLiteral("id")).toString());
            }
        }
        const QStringList cobalt = byCustomer.value(QStringLiteral("cobalt"));
        const QStringList acme = byCustomer.value(QStringLiteral("acme"));
        const QStringList fjord = byCustomer.value(QStringLiteral("fjord"));
        QCOMPARE(cobalt.size(), 40);
        QCOMPARE(acme.size(), 40);
        QCOMPARE(fjord.size(), 40);
        // Into a linked customer (claims), out of one (unclaims), from one linked customer to
        // another (unclaim, then claim), and between customers without accounts.
        QHash<QString, QString> intended;
        QByteArray script;
        const auto move = [&](const QString &target, const QStringList &ids) {
            script += target.toUtf8() + ' ' + ids.join(QLatin1Char(',')).toUtf8() + '\n';
            for (const QString &id : ids)
                intended.insert(id, target);
        };
        for (int i = 0; i < 4; ++i) {
            move(QStringLiteral("acme--hamburg"), cobalt.mid(i * 10, 10));
            move(i % 2 ? QStringLiteral("delta-water") : QStringLiteral("borealis--south"),
                acme.mid(i * 10, 10));
            move(i % 2 ? QStringLiteral(":returns") : QStringLiteral("evergreen--depot-west"),
                fjord.mid(i * 10, 10));
        }
        QFile file(dir.filePath(QStringLiteral("moves.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(script);
        file.close();

        // From here on a tenth of the answers are cut off and a tenth garbled, each slowly.
        QCOMPARE(
            Http(sandbox.adminToken())
                .putJson(sandbox.url(QStringLiteral("/admin/faults")),
                    QJsonObject {{QStringLiteral("drop_rate"), 0.1},
                        {QStringLiteral("garble_rate"), 0.1}, {QStringLiteral("latency_ms"), 40}})
                .status,
            200);
        int refused = 0;
        const auto countRefused = [&] {
            for (const QJsonObject &line : driver.lines())
                refused
                    += line.value(QStringLiteral("event")).toString() == QLatin1String("refused");
        };
        int start = totalRequests(sandbox);
        driver.start(
            {QStringLiteral("--batch"), QStringLiteral("5"), QStringLiteral("--concurrency"),
                QStringLiteral("2"), QStringLiteral("moves"), file.fileName()});
        QTRY_VERIFY_WITH_TIMEOUT(!driver.last(QStringLiteral("queued")).isEmpty(), 60000);
        int kills = 0;
        for (int round = 0; round < 3; ++round) {
            // Kill it once it has sent a good part of what it had to send.
            const bool progressed = QTest::qWaitFor(
                [&] {
                    return totalRequests(sandbox) - start >= 25
                        || driver.process().state() == QProcess::NotRunning;
                },
                120000);
            QVERIFY(progressed);
            if (driver.process().state() == QProcess::NotRunning)
                break;
            driver.kill9();
            ++kills;
            countRefused();
            QVERIFY(driver.run({QStringLiteral("load")}));
            if (driver.last(QStringLiteral("loaded")).value(QStringLiteral("pending")).toInt() == 0)
                break;
            start = totalRequests(sandbox);
            driver.start({QStringLiteral("--batch"), QStringLiteral("5"),
                QStringLiteral("--concurrency"), QStringLiteral("2"), QStringLiteral("push")});
        }
        QVERIFY2(kills >= 2, qPrintable(QString::number(kills)));
        if (driver.process().state() != QProcess::NotRunning)
            QVERIFY(driver.process().waitForFinished(300000));
        countRefused();
        QVERIFY(driver.run({QStringLiteral("push")}, 300000));
        countRefused();
        QCOMPARE(driver.last(QStringLiteral("pushed")).value(QStringLiteral("pending")).toInt(), 0);
        QCOMPARE(refused, 0);
        qInfo("%d kills under faults", kills);

        QCOMPARE(Http(sandbox.adminToken())
                     .putJson(sandbox.url(QStringLiteral("/admin/faults")),
                         QJsonObject {{QStringLiteral("drop_rate"), 0},
                             {QStringLiteral("garble_rate"), 0}, {QStringLiteral("latency_ms"), 0}})
                     .status,
            200);
        Http http(sandbox.token());
        for (auto it = intended.cbegin(); it != intended.cend(); ++it) {
            const QJsonObject d = http.get(sandbox.url(QStringLiteral("/v1/products/%1/devices/%2")
                                                           .arg(sandbox.productId())
                                                           .arg(it.key())))
                                      .json();
            QStringList groups;
            for (const QJsonValue &v : d.value(QStringLiteral("groups")).toArray()) {
                if (v.toString() != QLatin1String("beta-testers")
                    && v.toString() != QLatin1String("low-battery"))
                    groups.append(v.toString());
            }
            QStringList expected = it.value() == QLatin1String(":returns")
                ? QStringList {QStringLiteral("flotilla-returns")}
                : chain(it.value());
            expected.sort();
            QCOMPARE(groups, expected);
            const QString owner = d.value(QStringLiteral("owner")).toString();
            if (it.value().startsWith(QLatin1String("acme")))
                QCOMPARE(owner, QStringLiteral("acme@customers.flotilla.example"));
            else if (it.value().startsWith(QLatin1String("borealis")))
                QCOMPARE(owner, QStringLiteral("borealis@customers.flotilla.example"));
            else
                QVERIFY2(owner.isEmpty(), qPrintable(it.key() + QLatin1Char(' ') + owner));
        }
    }

    // An import killed after the cloud took it, before its placements were queued: the restart
    // sends it again (its devices answer "existing"), places every device once, and the cache
    // agrees with the cloud.
    void killedWhileImportingPlacesEveryDeviceOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxProcess sandbox;
        // Every answer takes 150 ms: the full pull that follows the import (30 pages, two at a
        // time) is slow enough to be killed in.
        QVERIFY(sandbox.start({QStringLiteral("--devices"), QStringLiteral("3000"),
            QStringLiteral("--stock"), QStringLiteral("200"), QStringLiteral("--time-scale"),
            QStringLiteral("0.001"), QStringLiteral("--fault-latency-ms"), QStringLiteral("150")}));
        const QString cache = dir.filePath(QStringLiteral("import.sqlite"));
        Driver driver(sandbox, cache);
        QVERIFY(driver.run({QStringLiteral("pull")}, 120000));
        const QJsonArray stock = Http(sandbox.adminToken())
                                     .get(sandbox.url(QStringLiteral("/admin/stock")))
                                     .json()
                                     .value(QStringLiteral("stock"))
                                     .toArray();
        QCOMPARE(stock.size(), 200);
        QHash<QString, QString> intended; // device ID -> node path
        QByteArray script;
        for (qsizetype i = 0; i < stock.size(); ++i) {
            const QJsonObject unit = stock.at(i).toObject();
            const QString target
                = i % 2 ? QStringLiteral("acme--berlin") : QStringLiteral("fjord--vessels");
            // By serial number: the devices are found by a full pull.
            script += unit.value(QStringLiteral("serial_number")).toString().toUtf8() + ' '
                + target.toUtf8() + " unit-" + QByteArray::number(i) + '\n';
            intended.insert(unit.value(QStringLiteral("id")).toString(), target);
        }
        QFile file(dir.filePath(QStringLiteral("import.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(script);
        file.close();

        const QString importRoute = QStringLiteral("POST /v1/products/:p/devices");
        const int importsBefore = routeCount(sandbox, importRoute);
        driver.start({QStringLiteral("--concurrency"), QStringLiteral("2"),
            QStringLiteral("import"), file.fileName()});
        QTRY_VERIFY_WITH_TIMEOUT(routeCount(sandbox, importRoute) > importsBefore, 30000);
        driver.kill9();
        QVERIFY(driver.last(QStringLiteral("imported")).isEmpty()); // it died in the middle
        QCOMPARE(Http(sandbox.adminToken())
                     .get(sandbox.url(QStringLiteral("/admin/stock")))
                     .json()
                     .value(QStringLiteral("stock"))
                     .toArray()
                     .size(),
            0); // the cloud took the import

        // The import is still queued, and nothing else.
        QVERIFY(driver.run({QStringLiteral("load")}));
        QCOMPARE(driver.last(QStringLiteral("loaded")).value(QStringLiteral("pending")).toInt(), 1);
        QCOMPARE(Http(sandbox.adminToken())
                     .putJson(sandbox.url(QStringLiteral("/admin/faults")),
                         QJsonObject {{QStringLiteral("latency_ms"), 0}})
                     .status,
            200);
        QVERIFY(driver.run({QStringLiteral("push")}, 120000));
        QCOMPARE(driver.last(QStringLiteral("pushed")).value(QStringLiteral("pending")).toInt(), 0);
        const QJsonObject imported = driver.last(QStringLiteral("imported"));
        QCOMPARE(imported.value(QStringLiteral("imported")).toInt(), 0);
        QCOMPARE(imported.value(QStringLiteral("existing")).toInt(), 200);
        QCOMPARE(imported.value(QStringLiteral("found")).toInt(), 200);
        QCOMPARE(routeCount(sandbox, importRoute) - importsBefore, 2);

        // Every device in its one intended place, owned as the ownership rule says, named; and
        // the cache agrees with the cloud, with nothing left to send (the import was marked
        // done in the cache with its placements).
        QVERIFY(driver.run({QStringLiteral("pull")}, 120000));
        QCOMPARE(driver.last(QStringLiteral("loaded")).value(QStringLiteral("pending")).toInt(), 0);
        QVERIFY(driver.run({QStringLiteral("dump")}));
        QHash<QString, QJsonObject> cached;
        for (const QJsonObject &d : driver.lines())
            cached.insert(d.value(QStringLiteral("id")).toString(), d);
        Http http(sandbox.token());
        for (auto it = intended.cbegin(); it != intended.cend(); ++it) {
            const QJsonObject d = http.get(sandbox.url(QStringLiteral("/v1/products/%1/devices/%2")
                                                           .arg(sandbox.productId())
                                                           .arg(it.key())))
                                      .json();
            QStringList groups;
            for (const QJsonValue &v : d.value(QStringLiteral("groups")).toArray())
                groups.append(v.toString());
            QCOMPARE(groups, chain(it.value()));
            QCOMPARE(d.value(QStringLiteral("owner")).toString(),
                it.value() == QLatin1String("acme--berlin")
                    ? QStringLiteral("acme@customers.flotilla.example")
                    : QString());
            QVERIFY(d.value(QStringLiteral("name")).toString().startsWith(QLatin1String("unit-")));
            QCOMPARE(cached.value(it.key()).value(QStringLiteral("groups")).toArray(),
                d.value(QStringLiteral("groups")).toArray());
            QCOMPARE(cached.value(it.key()).value(QStringLiteral("owner")).toString(),
                d.value(QStringLiteral("owner")).toString());
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncCrash)
#include "tst_synccrash.moc"
