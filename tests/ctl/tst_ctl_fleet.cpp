// SPDX-License-Identifier: MIT
// flotillactl's reading commands and its command line, run as a process against a sandbox
// cloud: what they print, their exit statuses, and --json that parses.
#include "ctlprocess.h"
#include "sandboxprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace Flotilla::Test;

class TestCtlFleet final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;
    std::unique_ptr<CtlProcess> m_ctl;

    QString cachePath() const { return m_dir.filePath(QStringLiteral("cache.sqlite")); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sandbox.start({QStringLiteral("--devices"), QStringLiteral("60")}),
            qPrintable(m_sandbox.errorString()));
        m_ctl = std::make_unique<CtlProcess>(m_dir.filePath(QStringLiteral("home")));
        m_ctl->setCloud(m_sandbox.url(), m_sandbox.productId(), m_sandbox.token(), cachePath());
    }

    // The console's preferences (Edit › Settings…, in its settings file) hold for flotillactl:
    // the share of the request budget, the cache folder (without --cache) and the proxy, which
    // a sandbox on this computer is never reached through.
    void preferencesOfTheConsole()
    {
        const QString file = m_dir.filePath(QStringLiteral("home/config/Flotilla/Console.conf"));
        const QString folder = m_dir.filePath(QStringLiteral("caches"));
        {
            QSettings settings(file, QSettings::IniFormat);
            settings.setValue(QStringLiteral("preferences/rateSharePercent"), 50);
            settings.setValue(QStringLiteral("preferences/cacheFolder"), folder);
            settings.setValue(QStringLiteral("preferences/proxy"), QStringLiteral("manual"));
            settings.setValue(
                QStringLiteral("preferences/proxyHost"), QStringLiteral("proxy.invalid"));
            settings.setValue(QStringLiteral("preferences/proxyPort"), 9);
        }
        const auto removeFile = qScopeGuard([&file] { QFile::remove(file); });
        const CtlResult status
            = m_ctl->run({QStringLiteral("--api"), m_sandbox.url().toString(),
                             QStringLiteral("--product"), QString::number(m_sandbox.productId()),
                             QStringLiteral("--json"), QStringLiteral("status")},
                {}, false);
        QVERIFY2(status.exitCode == 0, status.describe().constData());
        const QJsonObject s = status.object();
        QCOMPARE(s.value(QStringLiteral("rate")).toObject().value(QStringLiteral("limit")).toInt(),
            5000);
        const QString cache
            = QDir::fromNativeSeparators(s.value(QStringLiteral("cache")).toString());
        QVERIFY2(cache.startsWith(folder + QLatin1Char('/')), qPrintable(cache));
        QVERIFY(QFileInfo::exists(cache));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList();
        QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")};
        QTest::newRow("too many arguments")
            << QStringList {QStringLiteral("ls"), QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("missing argument") << QStringList {QStringLiteral("show")};
        QTest::newRow("unknown option")
            << QStringList {QStringLiteral("devices"), QStringLiteral("--colour")};
        QTest::newRow("global option without value") << QStringList {QStringLiteral("--cache")};
        QTest::newRow("completion of an unknown shell")
            << QStringList {QStringLiteral("completion"), QStringLiteral("fish")};
    }

    // A wrong command line is exit status 2, with one JSON document under --json.
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const CtlResult r = m_ctl->run(QStringList {QStringLiteral("--json")} + arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.isJson(), r.describe().constData());
        QCOMPARE(r.object().value(QStringLiteral("status")).toInt(), 2);
        QVERIFY(!r.err.isEmpty());
    }

    void apiWithoutProduct()
    {
        const CtlResult r = m_ctl->run(
            {QStringLiteral("--api"), m_sandbox.url().toString(), QStringLiteral("ls")}, {}, false);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--product"), r.describe().constData());
    }

    void helpAndVersion()
    {
        const CtlResult overview = m_ctl->run({QStringLiteral("help")});
        QCOMPARE(overview.exitCode, 0);
        QVERIFY(overview.out.contains("devices"));
        QVERIFY(overview.out.contains("Exit status"));
        const CtlResult one = m_ctl->run({QStringLiteral("help"), QStringLiteral("devices")});
        QCOMPARE(one.exitCode, 0);
        QVERIFY2(one.out.contains("--filter"), one.describe().constData());
        const CtlResult asOption
            = m_ctl->run({QStringLiteral("devices"), QStringLiteral("--help")});
        QCOMPARE(asOption.out, one.out);
        const CtlResult version = m_ctl->run({QStringLiteral("--version")}, {}, false);
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("flotillactl "));
    }

    // The bash script completes commands and their options as bash itself runs it.
    void bashCompletion()
    {
        const CtlResult script
            = m_ctl->run({QStringLiteral("completion"), QStringLiteral("bash")}, {}, false);
        QCOMPARE(script.exitCode, 0);
        const QString file = m_dir.filePath(QStringLiteral("completion.bash"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(script.out);
        f.close();
        const auto complete = [&file](const QString &words, int current) {
            QProcess bash;
            bash.start(QStringLiteral("bash"),
                {QStringLiteral("-c"),
                    QStringLiteral("source '%1'; COMP_WORDS=(%2); COMP_CWORD=%3; _flotillactl; "
                                   "echo \"${COMPREPLY[*]}\"")
                        .arg(file, words)
                        .arg(current)});
            bash.waitForFinished(30000);
            return QString::fromUtf8(bash.readAllStandardOutput()).trimmed();
        };
        QCOMPARE(complete(QStringLiteral("flotillactl sta"), 1), QStringLiteral("status"));
        QCOMPARE(complete(QStringLiteral("flotillactl --json dev"), 2), QStringLiteral("devices"));
        QVERIFY(complete(QStringLiteral("flotillactl devices --fi"), 2)
                    .split(QLatin1Char(' '))
                    .contains(QStringLiteral("--filter")));
        QVERIFY(complete(QStringLiteral("flotillactl push --"), 2)
                    .split(QLatin1Char(' '))
                    .contains(QStringLiteral("--wait")));
        const CtlResult zsh
            = m_ctl->run({QStringLiteral("completion"), QStringLiteral("zsh")}, {}, false);
        QCOMPARE(zsh.exitCode, 0);
        QVERIFY(zsh.out.contains("bashcompinit"));
    }

    // Without a token (and no profile) nothing can be read: exit status 3.
    void notSignedIn()
    {
        CtlProcess anonymous(m_dir.filePath(QStringLiteral("anonymous")));
        anonymous.setCloud(m_sandbox.url(), m_sandbox.productId(), QString(),
            m_dir.filePath(QStringLiteral("anonymous.sqlite")));
        const CtlResult r = anonymous.run({QStringLiteral("--json"), QStringLiteral("ls")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.isJson(), r.describe().constData());
        const CtlResult noProfile
            = anonymous.run({QStringLiteral("--json"), QStringLiteral("status")}, {}, false);
        QCOMPARE(noProfile.exitCode, 3);
        QVERIFY(noProfile.isJson());
        QVERIFY2(noProfile.err.contains("login"), noProfile.describe().constData());
    }

    void refusedToken()
    {
        CtlProcess wrong(m_dir.filePath(QStringLiteral("wrong")));
        wrong.setCloud(m_sandbox.url(), m_sandbox.productId(),
            QStringLiteral("0123456789abcdef0123456789abcdef01234567"),
            m_dir.filePath(QStringLiteral("wrong.sqlite")));
        const CtlResult r = wrong.run({QStringLiteral("--json"), QStringLiteral("sync")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.isJson(), r.describe().constData());
    }

    // A cloud that does not answer: exit status 4.
    void unreachable()
    {
        quint16 port = 0;
        {
            QTcpServer server;
            QVERIFY(server.listen(QHostAddress::LocalHost));
            port = server.serverPort();
        } // closed: nothing listens there now
        CtlProcess offline(m_dir.filePath(QStringLiteral("offline")));
        offline.setCloud(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)),
            m_sandbox.productId(), m_sandbox.token(),
            m_dir.filePath(QStringLiteral("offline.sqlite")));
        const CtlResult r = offline.run({QStringLiteral("--json"), QStringLiteral("sync")});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.isJson(), r.describe().constData());
    }

    void syncStatusLs()
    {
        const CtlResult sync = m_ctl->run({QStringLiteral("--json"), QStringLiteral("sync")});
        QCOMPARE(sync.exitCode, 0);
        QVERIFY2(sync.isJson(), sync.describe().constData());
        QCOMPARE(sync.object().value(QStringLiteral("devices")).toInt(), 60);
        QVERIFY(sync.object().value(QStringLiteral("customers")).toInt() > 0);

        const CtlResult status = m_ctl->run({QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(status.exitCode, 0);
        const QJsonObject s = status.object();
        QVERIFY2(!s.value(QStringLiteral("user")).toString().isEmpty(), status.out.constData());
        QCOMPARE(s.value(QStringLiteral("product")).toObject().value(QStringLiteral("id")).toInt(),
            m_sandbox.productId());
        QCOMPARE(s.value(QStringLiteral("pending")).toInt(), 0);
        QCOMPARE(
            s.value(QStringLiteral("token_from")).toString(), QStringLiteral("FLOTILLA_TOKEN"));
        QVERIFY(s.value(QStringLiteral("cache_age_s")).toInt() < 600);
        QVERIFY(
            s.value(QStringLiteral("rate")).toObject().value(QStringLiteral("limit")).toInt() > 0);

        const CtlResult human = m_ctl->run({QStringLiteral("status")});
        QCOMPARE(human.exitCode, 0);
        QVERIFY(human.out.contains("Pending changes:"));

        const CtlResult ls = m_ctl->run({QStringLiteral("--json"), QStringLiteral("ls")});
        QCOMPARE(ls.exitCode, 0);
        const QJsonArray nodes = ls.object().value(QStringLiteral("nodes")).toArray();
        QVERIFY(!nodes.isEmpty());
        int inCustomers = 0;
        for (const QJsonValue &n : nodes) {
            const QJsonObject o = n.toObject();
            QVERIFY(!o.value(QStringLiteral("title")).toString().isEmpty());
            if (o.value(QStringLiteral("kind")).toString() == QLatin1String("customer"))
                inCustomers += o.value(QStringLiteral("devices")).toInt();
        }
        const QJsonObject pools = ls.object().value(QStringLiteral("pools")).toObject();
        const int inPools = pools.value(QStringLiteral("unassigned"))
                                .toObject()
                                .value(QStringLiteral("devices"))
                                .toInt()
            + pools.value(QStringLiteral("returns"))
                  .toObject()
                  .value(QStringLiteral("devices"))
                  .toInt()
            + pools.value(QStringLiteral("needs-repair"))
                  .toObject()
                  .value(QStringLiteral("devices"))
                  .toInt();
        // Every device is counted once: under its customer or in a pool.
        QCOMPARE(inCustomers + inPools, 60);

        // A customer named by its title, and its subtree only.
        const QJsonObject first = nodes.first().toObject();
        const CtlResult one = m_ctl->run({QStringLiteral("--json"), QStringLiteral("ls"),
            first.value(QStringLiteral("title")).toString()});
        QCOMPARE(one.exitCode, 0);
        const QJsonArray sub = one.object().value(QStringLiteral("nodes")).toArray();
        QVERIFY(!sub.isEmpty());
        QCOMPARE(sub.first().toObject().value(QStringLiteral("path")),
            first.value(QStringLiteral("path")));
        for (const QJsonValue &n : sub)
            QVERIFY(n.toObject()
                        .value(QStringLiteral("path"))
                        .toString()
                        .startsWith(first.value(QStringLiteral("path")).toString()));
        QVERIFY(!one.object().contains(QStringLiteral("pools")));

        const CtlResult missing
            = m_ctl->run({QStringLiteral("ls"), QStringLiteral("No Such Customer")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("No Such Customer"));
    }

    void devicesAndShow()
    {
        const CtlResult all = m_ctl->run({QStringLiteral("--json"), QStringLiteral("devices")});
        QCOMPARE(all.exitCode, 0);
        QVERIFY2(all.isJson(), all.describe().constData());
        const QJsonArray devices = all.object().value(QStringLiteral("devices")).toArray();
        QCOMPARE(devices.size(), 60);

        const CtlResult online = m_ctl->run({QStringLiteral("--json"), QStringLiteral("devices"),
            QStringLiteral("--filter"), QStringLiteral("online")});
        QCOMPARE(online.exitCode, 0);
        const QJsonArray on = online.object().value(QStringLiteral("devices")).toArray();
        for (const QJsonValue &d : on)
            QCOMPARE(d.toObject().value(QStringLiteral("online")).toBool(), true);
        const CtlResult offline = m_ctl->run({QStringLiteral("--json"), QStringLiteral("devices"),
            QStringLiteral("--filter"), QStringLiteral("-online")});
        QCOMPARE(
            on.size() + offline.object().value(QStringLiteral("devices")).toArray().size(), 60);

        // One device, by its serial number and by its ID.
        QJsonObject device;
        for (const QJsonValue &d : devices) {
            if (!d.toObject().value(QStringLiteral("serial")).toString().isEmpty()) {
                device = d.toObject();
                break;
            }
        }
        QVERIFY(!device.isEmpty());
        const QString id = device.value(QStringLiteral("device_id")).toString();
        const CtlResult bySerial = m_ctl->run({QStringLiteral("--json"), QStringLiteral("show"),
            device.value(QStringLiteral("serial")).toString()});
        QCOMPARE(bySerial.exitCode, 0);
        QCOMPARE(bySerial.object().value(QStringLiteral("device_id")).toString(), id);
        QVERIFY(bySerial.object().contains(QStringLiteral("path")));
        const CtlResult human = m_ctl->run({QStringLiteral("show"), id});
        QCOMPARE(human.exitCode, 0);
        QVERIFY(human.out.contains(id.toUtf8()));

        const CtlResult unknown = m_ctl->run(
            {QStringLiteral("--json"), QStringLiteral("show"), QStringLiteral("no-such-device")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.isJson());

        const CtlResult badColumns = m_ctl->run({QStringLiteral("devices"),
            QStringLiteral("--columns"), QStringLiteral("device_id,colour")});
        QCOMPARE(badColumns.exitCode, 2);
    }

    // Signing in: a token or a password (with the one-time code when Particle asks for it) read
    // from stdin, never from an argument; the profile keeps the cloud and product, not the token.
    void loginAndProfiles()
    {
        CtlProcess fresh(m_dir.filePath(QStringLiteral("login")));
        const QStringList cloud {QStringLiteral("--api"), m_sandbox.url().toString(),
            QStringLiteral("--product"), m_sandbox.productSlug()};
        const CtlResult byToken
            = fresh.run(cloud + QStringList {QStringLiteral("--json"), QStringLiteral("login")},
                m_sandbox.token().toUtf8() + '\n', false);
        QCOMPARE(byToken.exitCode, 0);
        QVERIFY2(byToken.isJson(), byToken.describe().constData());
        QCOMPARE(byToken.object().value(QStringLiteral("profile")).toString(),
            QStringLiteral("default"));
        QCOMPARE(byToken.object()
                     .value(QStringLiteral("product"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toInt(),
            m_sandbox.productId());
        QVERIFY(!byToken.out.contains(m_sandbox.token().toUtf8()));
        QVERIFY(!byToken.err.contains(m_sandbox.token().toUtf8()));

        const QString password = m_sandbox.startLine().value(QStringLiteral("password")).toString();
        const CtlResult wrong = fresh.run(cloud
                + QStringList {QStringLiteral("--profile"), QStringLiteral("other"),
                    QStringLiteral("login"), QStringLiteral("--username"),
                    QStringLiteral("demo@flotilla.example")},
            "not-the-password\n", false);
        QCOMPARE(wrong.exitCode, 3);

        // The MFA user: the password, then the code the sandbox's authenticator shows now.
        Http admin(m_sandbox.adminToken());
        const QString code = admin.get(m_sandbox.url(QStringLiteral("/admin/mfa")))
                                 .json()
                                 .value(QStringLiteral("otp"))
                                 .toString();
        QVERIFY(!code.isEmpty());
        const CtlResult mfa = fresh.run(cloud
                + QStringList {QStringLiteral("--json"), QStringLiteral("--profile"),
                    QStringLiteral("mfa"), QStringLiteral("login"), QStringLiteral("--username"),
                    QStringLiteral("mfa@flotilla.example")},
            (password + QLatin1Char('\n') + code + QLatin1Char('\n')).toUtf8(), false);
        QCOMPARE(mfa.exitCode, 0);
        QCOMPARE(mfa.object().value(QStringLiteral("user")).toString(),
            QStringLiteral("mfa@flotilla.example"));
        const CtlResult badCode = fresh.run(cloud
                + QStringList {QStringLiteral("--profile"), QStringLiteral("mfa2"),
                    QStringLiteral("login"), QStringLiteral("--username"),
                    QStringLiteral("mfa@flotilla.example")},
            (password + QStringLiteral("\n000000\n")).toUtf8(), false);
        QCOMPARE(badCode.exitCode, 3);

        const CtlResult profiles
            = fresh.run({QStringLiteral("--json"), QStringLiteral("profiles")}, {}, false);
        QCOMPARE(profiles.exitCode, 0);
        const QJsonArray list = profiles.object().value(QStringLiteral("profiles")).toArray();
        QCOMPARE(list.size(), 2); // default and mfa; the refused sign-ins made none
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("default"));
        QVERIFY(list.at(0).toObject().value(QStringLiteral("default")).toBool());
        // Nothing secret in the settings file.
        QDirIterator files(m_dir.filePath(QStringLiteral("login/config")), QDir::Files,
            QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray content = f.readAll();
            QVERIFY(!content.contains(m_sandbox.token().toUtf8()));
            QVERIFY(!content.contains(password.toUtf8()));
        }
        const CtlResult usage = fresh.run({QStringLiteral("login")}, {}, false);
        QCOMPARE(usage.exitCode, 2);
    }

    void pushWithNothingPending()
    {
        const CtlResult r = m_ctl->run({QStringLiteral("--json"), QStringLiteral("push")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.object().value(QStringLiteral("pending")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCtlFleet)
#include "tst_ctl_fleet.moc"
