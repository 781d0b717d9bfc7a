// SPDX-License-Identifier: MIT
// Session::Profiles: the rules of a profile's name, the names a sign-in suggests, what the
// console opened last, and where a profile's token is kept; in settings of the test's own.
#include "remote/tokenstore.h"
#include "session/credentials.h"
#include "session/profiles.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;

class TestProfiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        for (const auto format : {QSettings::NativeFormat, QSettings::IniFormat})
            QSettings::setPath(format, QSettings::UserScope, m_dir.path());
    }
    void cleanup()
    {
        for (const Session::Profile &p : Session::Profiles::all())
            Session::Profiles::remove(p.name);
        Session::Profiles::setLastUsed(QString());
    }

    void nameRules_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("letters") << QStringLiteral("production") << true;
        QTest::newRow("digits, dot, dash, underscore") << QStringLiteral("ops-2.eu_west") << true;
        QTest::newRow("64 characters") << QString(64, QLatin1Char('a')) << true;
        QTest::newRow("65 characters") << QString(65, QLatin1Char('a')) << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("space") << QStringLiteral("my profile") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("colon (the demo's entry)") << QStringLiteral(":demo") << false;
        QTest::newRow("umlaut") << QStringLiteral("Zürich") << false;
    }
    void nameRules()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(Session::Profiles::nameError(name).isEmpty(), valid);
    }

    void suggestedNames_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("product");
        QTest::addColumn<QString>("expected");
        QTest::newRow("account and product")
            << QStringLiteral("ops@acme.example") << QStringLiteral("Acme Trackers")
            << QStringLiteral("ops-acme-trackers");
        QTest::newRow("API user") << QString() << QStringLiteral("Fleet (EU)")
                                  << QStringLiteral("fleet-eu");
        QTest::newRow("nothing usable")
            << QString() << QStringLiteral("Ü") << QStringLiteral("particle");
    }
    void suggestedNames()
    {
        QFETCH(QString, username);
        QFETCH(QString, product);
        QFETCH(QString, expected);
        const QString name = Session::Profiles::suggestName(username, product);
        QCOMPARE(name, expected);
        QVERIFY(Session::Profiles::nameError(name).isEmpty());
    }

    // A taken name gets a number; a removed profile is no longer the one used last.
    void suggestionsAreFreeAndLastUsedFollows()
    {
        Session::Profile p;
        p.name = Session::Profiles::suggestName(
            QStringLiteral("ops@acme.example"), QStringLiteral("Trackers"));
        p.apiUrl = QUrl(QStringLiteral("https://api.particle.io"));
        p.productId = 7;
        p.username = QStringLiteral("ops@acme.example");
        Session::Profiles::save(p);
        QCOMPARE(Session::Profiles::suggestName(p.username, QStringLiteral("Trackers")),
            QStringLiteral("ops-trackers-2"));

        QCOMPARE(Session::Profiles::lastUsed(), QString());
        Session::Profiles::setLastUsed(p.name);
        QCOMPARE(Session::Profiles::lastUsed(), p.name);
        Session::Profiles::setLastUsed(Session::Profiles::DemoEntry);
        QCOMPARE(Session::Profiles::lastUsed(), QString(Session::Profiles::DemoEntry));
        Session::Profiles::setLastUsed(p.name);
        Session::Profiles::remove(p.name);
        QCOMPARE(Session::Profiles::lastUsed(), QString());
        // A name that is no profile is not "used last".
        Session::Profiles::setLastUsed(QStringLiteral("gone"));
        QCOMPARE(Session::Profiles::lastUsed(), QString());
    }

    // Two accounts of one cloud keep a token each; a token kept for the whole cloud (older
    // versions) is still found for an account without one of its own, and signing that account
    // out forgets it too.
    void tokensPerAccount()
    {
        Remote::MemoryTokenStore store;
        const Session::Credentials credentials(&store);
        const QUrl cloud(QStringLiteral("https://api.particle.io"));
        QCOMPARE(
            Session::Credentials::tokenKey(cloud), QStringLiteral("access-token/api.particle.io"));
        QCOMPARE(Session::Credentials::tokenKey(cloud, QStringLiteral("Ops@Acme.example")),
            QStringLiteral("access-token/api.particle.io/ops@acme.example"));

        const auto write = [&](const QString &user, const QString &token) {
            std::optional<QString> done;
            credentials.writeToken(cloud, user, token, this, [&done](QString e) { done = e; });
            QTRY_VERIFY(done.has_value());
            QCOMPARE(*done, QString());
        };
        const auto read = [&](const QString &user) {
            std::optional<std::optional<QString>> got;
            credentials.readToken(
                cloud, user, this, [&got](std::optional<QString> t, QString) { got = t; });
            if (!QTest::qWaitFor([&got] { return got.has_value(); }, 5000))
                return QStringLiteral("(no answer)");
            return got->value_or(QString());
        };
        const auto forget = [&](const QString &user) {
            std::optional<QString> done;
            credentials.forgetToken(cloud, user, this, [&done](QString e) { done = e; });
            return QTest::qWaitFor([&done] { return done.has_value(); }, 5000) && done->isEmpty();
        };

        write(QStringLiteral("a@acme.example"), QStringLiteral("token-a"));
        write(QStringLiteral("b@acme.example"), QStringLiteral("token-b"));
        QCOMPARE(read(QStringLiteral("a@acme.example")), QStringLiteral("token-a"));
        QCOMPARE(read(QStringLiteral("b@acme.example")), QStringLiteral("token-b"));
        QCOMPARE(read(QString()), QString());

        write(QString(), QStringLiteral("token-of-the-cloud")); // as older versions kept it
        QCOMPARE(read(QStringLiteral("c@acme.example")), QStringLiteral("token-of-the-cloud"));
        QVERIFY(forget(QStringLiteral("c@acme.example")));
        QCOMPARE(read(QString()), QString());
        // Another account's sign-out leaves the others' tokens.
        QVERIFY(forget(QStringLiteral("a@acme.example")));
        QCOMPARE(read(QStringLiteral("a@acme.example")), QString());
        QCOMPARE(read(QStringLiteral("b@acme.example")), QStringLiteral("token-b"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
