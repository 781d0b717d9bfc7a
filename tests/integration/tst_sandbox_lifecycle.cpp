// SPDX-License-Identifier: MIT
// The flotilla-sandbox process: command line, the start line as the only stdout output, a clean
// exit on SIGTERM, persistence with --state, determinism for a seed (credentials excepted), and
// the factory stock.
#include "sandboxprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla::Test;

namespace {
QJsonArray firstPage(SandboxProcess &sandbox)
{
    return Http(sandbox.token())
        .get(sandbox.url(QStringLiteral("/v1/products/%1/devices?perPage=100&sortAttr=deviceId")
                             .arg(sandbox.productId())))
        .json()
        .value(QStringLiteral("devices"))
        .toArray();
}
QJsonArray stock(SandboxProcess &sandbox)
{
    return Http(sandbox.adminToken())
        .get(sandbox.url(QStringLiteral("/admin/stock")))
        .json()
        .value(QStringLiteral("stock"))
        .toArray();
}
QJsonObject stable(QJsonObject d)
{
    // Fields the simulation does not move.
    for (const char *key :
        {"online", "connected", "last_heard", "last_handshake_at", "firmware_version"})
        d.remove(QLatin1String(key));
    return d;
}
} // namespace

class TestSandboxLifecycle final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void helpAndBadArguments()
    {
        QProcess help;
        help.start(sandboxExecutable(), {QStringLiteral("--help")});
        QVERIFY(help.waitForFinished(10000));
        QCOMPARE(help.exitCode(), 0);
        QVERIFY(help.readAllStandardOutput().contains("--time-scale"));

        QProcess bad;
        bad.start(sandboxExecutable(), {QStringLiteral("--port"), QStringLiteral("99999")});
        QVERIFY(bad.waitForFinished(10000));
        QCOMPARE(bad.exitCode(), 2);
        QVERIFY(bad.readAllStandardOutput().isEmpty());
        QVERIFY(bad.readAllStandardError().contains("--port"));
    }

    void startLineIsTheOnlyStdoutAndSigtermExitsCleanly()
    {
        SandboxProcess sandbox;
        QVERIFY2(sandbox.start({QStringLiteral("--devices"), QStringLiteral("50")}),
            qPrintable(sandbox.errorString()));
        QCOMPARE(
            Http(sandbox.token()).get(sandbox.url(QStringLiteral("/v1/products"))).status, 200);
        QCOMPARE(sandbox.stop(), 0);
        QVERIFY(sandbox.remainingStdout().isEmpty());
    }

    void portInUseIsAClearError()
    {
        SandboxProcess first;
        QVERIFY(first.start({QStringLiteral("--devices"), QStringLiteral("10")}));
        QProcess second;
        second.start(sandboxExecutable(),
            {QStringLiteral("--port"), QString::number(first.url().port()),
                QStringLiteral("--devices"), QStringLiteral("10")});
        QVERIFY(second.waitForFinished(10000));
        QCOMPARE(second.exitCode(), 1);
        QVERIFY(second.readAllStandardOutput().isEmpty());
        QVERIFY(second.readAllStandardError().contains("cannot listen"));
    }

    void stateSurvivesARestart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString state = dir.filePath(QStringLiteral("sandbox.db"));
        QString token;
        QString adminToken;
        QString secret;
        QString deviceId;
        {
            SandboxProcess sandbox;
            QVERIFY(sandbox.start({QStringLiteral("--devices"), QStringLiteral("120"),
                QStringLiteral("--state"), state}));
            token = sandbox.token();
            adminToken = sandbox.adminToken();
            secret = sandbox.startLine()
                         .value(QStringLiteral("oauth_client"))
                         .toObject()
                         .value(QStringLiteral("secret"))
                         .toString();
            Http http(token);
            const QString base = QStringLiteral("/v1/products/%1").arg(sandbox.productId());
            deviceId = firstPage(sandbox).first().toObject().value(QStringLiteral("id")).toString();
            QCOMPARE(
                http.putJson(sandbox.url(base + QStringLiteral("/devices/") + deviceId),
                        QJsonObject {{QStringLiteral("name"), QStringLiteral("persisted-name")},
                            {QStringLiteral("groups"),
                                QJsonArray {QStringLiteral("persisted-group")}},
                            {QStringLiteral("desired_firmware_version"), 2}})
                    .status,
                200);
            QCOMPARE(http.postForm(sandbox.url(base + QStringLiteral("/customers")),
                             "email=kept%40example.com&password=pw")
                         .status,
                201);
            QCOMPARE(sandbox.stop(), 0);
            QVERIFY(QFile::exists(state));
        }
        SandboxProcess again;
        QVERIFY2(again.start({QStringLiteral("--state"), state}), qPrintable(again.errorString()));
        // The state file keeps the credentials that clients may have stored.
        QCOMPARE(again.token(), token);
        QCOMPARE(again.adminToken(), adminToken);
        QCOMPARE(again.startLine()
                     .value(QStringLiteral("oauth_client"))
                     .toObject()
                     .value(QStringLiteral("secret"))
                     .toString(),
            secret);
        Http http(token);
        const QJsonObject d = http.get(again.url(QStringLiteral("/v1/products/%1/devices/%2")
                                                     .arg(again.productId())
                                                     .arg(deviceId)))
                                  .json();
        QCOMPARE(d.value(QStringLiteral("name")).toString(), QStringLiteral("persisted-name"));
        QCOMPARE(d.value(QStringLiteral("groups")).toArray(),
            QJsonArray {QStringLiteral("persisted-group")});
        QCOMPARE(d.value(QStringLiteral("desired_firmware_version")).toInt(), 2);
        const QJsonArray customers
            = http.get(
                      again.url(QStringLiteral("/v1/products/%1/customers").arg(again.productId())))
                  .json()
                  .value(QStringLiteral("customers"))
                  .toArray();
        bool found = false;
        for (const QJsonValue &c : customers)
            found = found
                || c.toObject().value(QStringLiteral("username")).toString()
                    == QLatin1String("kept@example.com");
        QVERIFY(found);
        QCOMPARE(again.stop(), 0);
    }

    void corruptStateIsAClearError()
    {
        QTemporaryDir dir;
        const QString state = dir.filePath(QStringLiteral("broken.db"));
        QFile file(state);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a database");
        file.close();
        QProcess process;
        process.start(sandboxExecutable(), {QStringLiteral("--state"), state});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(process.readAllStandardOutput().isEmpty());
        QVERIFY(process.readAllStandardError().contains("cannot load state"));
    }

    void sameSeedSameFleet()
    {
        SandboxProcess a, b, c;
        QVERIFY(a.start({QStringLiteral("--seed"), QStringLiteral("11"),
            QStringLiteral("--devices"), QStringLiteral("500")}));
        QVERIFY(b.start({QStringLiteral("--seed"), QStringLiteral("11"),
            QStringLiteral("--devices"), QStringLiteral("500")}));
        QVERIFY(c.start({QStringLiteral("--seed"), QStringLiteral("12"),
            QStringLiteral("--devices"), QStringLiteral("500")}));
        // The seed decides the fleet, never the credentials: knowing the seed must not give
        // another local process the token, the password, the client secret or the admin token.
        const auto secret = [](const SandboxProcess &s) {
            return s.startLine()
                .value(QStringLiteral("oauth_client"))
                .toObject()
                .value(QStringLiteral("secret"))
                .toString();
        };
        const auto clientId = [](const SandboxProcess &s) {
            return s.startLine()
                .value(QStringLiteral("oauth_client"))
                .toObject()
                .value(QStringLiteral("id"))
                .toString();
        };
        QVERIFY(a.token() != b.token());
        QVERIFY(a.startLine().value(QStringLiteral("password"))
            != b.startLine().value(QStringLiteral("password")));
        QVERIFY(secret(a) != secret(b));
        QVERIFY(a.adminToken() != b.adminToken());
        QCOMPARE(clientId(a), clientId(b)); // an identifier, not a secret
        // Tokens issued later come from the system's generator too, not from the seed.
        const auto login = [](SandboxProcess &s) {
            return Http()
                .postForm(s.url(QStringLiteral("/oauth/token")),
                    "grant_type=password&client_id=particle&client_secret=particle&username="
                        + QUrl::toPercentEncoding(
                            s.startLine().value(QStringLiteral("username")).toString())
                        + "&password="
                        + QUrl::toPercentEncoding(
                            s.startLine().value(QStringLiteral("password")).toString()))
                .json()
                .value(QStringLiteral("access_token"))
                .toString();
        };
        const QString issuedA = login(a);
        QVERIFY(!issuedA.isEmpty());
        QVERIFY(issuedA != login(b));
        const QJsonArray pa = firstPage(a);
        const QJsonArray pb = firstPage(b);
        QCOMPARE(pa.size(), 100);
        for (qsizetype i = 0; i < pa.size(); ++i)
            QCOMPARE(stable(pa.at(i).toObject()), stable(pb.at(i).toObject()));
        QVERIFY(firstPage(c).first().toObject().value(QStringLiteral("id"))
            != pa.first().toObject().value(QStringLiteral("id")));
        // The factory stock is part of the fleet.
        QCOMPARE(stock(a), stock(b));
    }

    void stockFlagSetsTheFactoryStock()
    {
        SandboxProcess byDefault, ten, none;
        QVERIFY(byDefault.start({QStringLiteral("--devices"), QStringLiteral("1200")}));
        QVERIFY(ten.start({QStringLiteral("--devices"), QStringLiteral("50"),
            QStringLiteral("--stock"), QStringLiteral("10")}));
        QVERIFY(none.start({QStringLiteral("--devices"), QStringLiteral("50"),
            QStringLiteral("--stock"), QStringLiteral("0")}));
        QCOMPARE(stock(byDefault).size(), 12); // 1% of the devices, at least 5
        QCOMPARE(stock(none).size(), 0);
        const QJsonArray units = stock(ten);
        QCOMPARE(units.size(), 10);
        QSet<QString> seen;
        for (const QJsonValue &v : units) {
            const QJsonObject unit = v.toObject();
            QCOMPARE(unit.value(QStringLiteral("id")).toString().size(), 24);
            QVERIFY(unit.value(QStringLiteral("serial_number"))
                        .toString()
                        .startsWith(QStringLiteral("B40KLA")));
            QCOMPARE(unit.value(QStringLiteral("iccid")).toString().size(), 20);
            QCOMPARE(unit.value(QStringLiteral("imei")).toString().size(), 15);
            seen.insert(unit.value(QStringLiteral("imei")).toString());
            // Known to Particle, in no product: the product's device route does not have it.
            QCOMPARE(Http(ten.token())
                         .get(ten.url(QStringLiteral("/v1/products/%1/devices/%2")
                                          .arg(ten.productId())
                                          .arg(unit.value(QStringLiteral("id")).toString())))
                         .status,
                404);
        }
        QCOMPARE(seen.size(), 10);
        // The same seed with a different stock keeps the product's devices as they were.
        const QJsonArray withStock = firstPage(ten);
        const QJsonArray withoutStock = firstPage(none);
        QCOMPARE(withStock.size(), 50);
        QCOMPARE(withoutStock.size(), 50);
        for (qsizetype i = 0; i < withStock.size(); ++i)
            QCOMPARE(stable(withStock.at(i).toObject()), stable(withoutStock.at(i).toObject()));
        // Units of another product are listed apart.
        QCOMPARE(Http(ten.adminToken())
                     .get(ten.url(QStringLiteral("/admin/stock")))
                     .json()
                     .value(QStringLiteral("other_product"))
                     .toArray()
                     .size(),
            3);
    }
};

QTEST_GUILESS_MAIN(TestSandboxLifecycle)
#include "tst_sandbox_lifecycle.moc"
