// SPDX-License-Identifier: MIT
// Session::Preferences: what is valid, what QSettings keeps, the cache folder, the proxy every
// request of the application goes through; CloudSession's request budget and cache files.
#include "session/cachelease.h"
#include "session/cloudsession.h"
#include "session/preferences.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using Session::Preferences;

class TestPreferences final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void defaultsAreValid();
    void validation_data();
    void validation();
    void roundTripThroughSettings();
    void invalidStoredValuesFallBack();
    void cachePathFollowsTheFolder();
    void rolloutDefaults();
    void rateBudgetShare();
    void proxyNeverForLoopback_data();
    void proxyNeverForLoopback();
    void removeCacheDeletesEveryFile();
    void removeCacheRefusedWhileAnotherDrives();

private:
    QTemporaryDir m_dir;
};

void TestPreferences::initTestCase()
{
    // Settings and standard paths of the test, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(
        QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("FlotillaTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_preferences"));
}

void TestPreferences::init()
{
    QSettings().clear();
    QNetworkProxyFactory::setApplicationProxyFactory(nullptr);
}

void TestPreferences::defaultsAreValid()
{
    const Preferences p;
    QCOMPARE(p.validate(), QString());
    // Nothing kept yet: the defaults.
    QCOMPARE(Preferences::load(), p);
    QCOMPARE(p.proxy, Preferences::Proxy::System);
    QVERIFY(p.cacheFolder.isEmpty());
    QVERIFY(p.language.isEmpty());
}

void TestPreferences::validation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem"); // part of the message; empty: valid

    // The rules, one row each: the boundaries of every range, host syntax, the cache folder.
    QTest::newRow("language de") << "language"
                                 << "de"
                                 << "";
    QTest::newRow("language en") << "language"
                                 << "en"
                                 << "";
    QTest::newRow("language fr") << "language"
                                 << "fr"
                                 << "language";
    QTest::newRow("success 1") << "success"
                               << "1"
                               << "";
    QTest::newRow("success 100") << "success"
                                 << "100"
                                 << "";
    QTest::newRow("success 0") << "success"
                               << "0"
                               << "success threshold";
    QTest::newRow("success 101") << "success"
                                 << "101"
                                 << "success threshold";
    QTest::newRow("failure 0") << "failure"
                               << "0"
                               << "";
    QTest::newRow("failure 100") << "failure"
                                 << "100"
                                 << "";
    QTest::newRow("failure -1") << "failure"
                                << "-1"
                                << "failure threshold";
    QTest::newRow("failure 100.5") << "failure"
                                   << "100.5"
                                   << "failure threshold";
    QTest::newRow("timeout 1") << "timeout"
                               << "1"
                               << "";
    QTest::newRow("timeout 720") << "timeout"
                                 << "720"
                                 << "";
    QTest::newRow("timeout 0") << "timeout"
                               << "0"
                               << "device timeout";
    QTest::newRow("timeout 721") << "timeout"
                                 << "721"
                                 << "device timeout";
    QTest::newRow("rate 10") << "rate"
                             << "10"
                             << "";
    QTest::newRow("rate 100") << "rate"
                              << "100"
                              << "";
    QTest::newRow("rate 9") << "rate"
                            << "9"
                            << "request budget";
    QTest::newRow("rate 101") << "rate"
                              << "101"
                              << "request budget";
    QTest::newRow("host name") << "host"
                               << "proxy.example.com"
                               << "";
    QTest::newRow("host single label") << "host"
                                       << "squid"
                                       << "";
    QTest::newRow("host IPv4") << "host"
                               << "10.1.2.3"
                               << "";
    QTest::newRow("host IPv6") << "host"
                               << "fd00::1"
                               << "";
    QTest::newRow("host empty") << "host"
                                << ""
                                << "proxy's host";
    QTest::newRow("host with scheme") << "host"
                                      << "http://proxy"
                                      << "not a host";
    QTest::newRow("host with port") << "host"
                                    << "proxy:8080"
                                    << "not a host";
    QTest::newRow("host with space") << "host"
                                     << "my proxy"
                                     << "not a host";
    QTest::newRow("host with dash at end") << "host"
                                           << "proxy-.example"
                                           << "not a host";
    QTest::newRow("port 1") << "port"
                            << "1"
                            << "";
    QTest::newRow("port 65535") << "port"
                                << "65535"
                                << "";
    QTest::newRow("port 0") << "port"
                            << "0"
                            << "port";
    QTest::newRow("port 65536") << "port"
                                << "65536"
                                << "port";
    QTest::newRow("folder existing") << "folder"
                                     << "<dir>"
                                     << "";
    QTest::newRow("folder to be made") << "folder"
                                       << "<dir>/new/caches"
                                       << "";
    QTest::newRow("folder relative") << "folder"
                                     << "caches"
                                     << "not a full path";
    QTest::newRow("folder is a file") << "folder"
                                      << "<file>"
                                      << "not a folder";
    QTest::newRow("folder under a file") << "folder"
                                         << "<file>/caches"
                                         << "cannot write";
}

void TestPreferences::validation()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, problem);
    QFile file(m_dir.filePath(QStringLiteral("a-file")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    value.replace(QStringLiteral("<dir>"), m_dir.path());
    value.replace(QStringLiteral("<file>"), file.fileName());

    Preferences p;
    p.proxy = Preferences::Proxy::Manual; // the host and port count only for a manual proxy
    p.proxyHost = QStringLiteral("proxy.example.com");
    if (field == QLatin1String("language"))
        p.language = value;
    else if (field == QLatin1String("success"))
        p.successPercent = value.toDouble();
    else if (field == QLatin1String("failure"))
        p.failurePercent = value.toDouble();
    else if (field == QLatin1String("timeout"))
        p.deviceTimeoutHours = value.toInt();
    else if (field == QLatin1String("rate"))
        p.rateSharePercent = value.toInt();
    else if (field == QLatin1String("host"))
        p.proxyHost = value;
    else if (field == QLatin1String("port"))
        p.proxyPort = value.toInt();
    else if (field == QLatin1String("folder"))
        p.cacheFolder = value;
    else
        QFAIL("unknown field");

    const QString error = p.validate();
    if (problem.isEmpty()) {
        QCOMPARE(error, QString());
    } else {
        QVERIFY2(error.contains(problem, Qt::CaseInsensitive), qPrintable(error));
    }
    // The folder that would be made is not made by checking it.
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("new"))));
}

void TestPreferences::roundTripThroughSettings()
{
    Preferences p;
    p.language = QStringLiteral("de");
    p.successPercent = 90;
    p.failurePercent = 2.5;
    p.deviceTimeoutHours = 48;
    p.rateSharePercent = 50;
    p.proxy = Preferences::Proxy::Manual;
    p.proxyHost = QStringLiteral("proxy.example.com");
    p.proxyPort = 8080;
    p.proxyUser = QStringLiteral("ops");
    p.cacheFolder = m_dir.filePath(QStringLiteral("caches"));
    QCOMPARE(p.validate(), QString());
    p.save();
    QCOMPARE(Preferences::load(), p);

    // The keys others read (the translations read preferences/language at start).
    const QSettings settings;
    QCOMPARE(
        settings.value(QStringLiteral("preferences/language")).toString(), QStringLiteral("de"));
    QCOMPARE(
        settings.value(QStringLiteral("preferences/proxy")).toString(), QStringLiteral("manual"));
    // No password is ever written.
    for (const QString &key : settings.allKeys())
        QVERIFY2(!key.contains(QLatin1String("password"), Qt::CaseInsensitive), qPrintable(key));

    p.proxy = Preferences::Proxy::None;
    p.save();
    QCOMPARE(Preferences::load().proxy, Preferences::Proxy::None);
}

void TestPreferences::invalidStoredValuesFallBack()
{
    // Values edited by hand into something not valid: each falls back to its default alone.
    QSettings settings;
    settings.setValue(QStringLiteral("preferences/language"), QStringLiteral("xx"));
    settings.setValue(QStringLiteral("preferences/successPercent"), QStringLiteral("lots"));
    settings.setValue(QStringLiteral("preferences/failurePercent"), 7);
    settings.setValue(QStringLiteral("preferences/deviceTimeoutHours"), 100000);
    settings.setValue(QStringLiteral("preferences/rateSharePercent"), 0);
    settings.setValue(QStringLiteral("preferences/proxy"), QStringLiteral("manual"));
    settings.setValue(QStringLiteral("preferences/proxyHost"), QStringLiteral("http://x"));
    settings.sync();
    const Preferences p = Preferences::load();
    const Preferences defaults;
    QCOMPARE(p.language, QString());
    QCOMPARE(p.successPercent, defaults.successPercent);
    QCOMPARE(p.failurePercent, 7.0);
    QCOMPARE(p.deviceTimeoutHours, defaults.deviceTimeoutHours);
    QCOMPARE(p.rateSharePercent, defaults.rateSharePercent);
    QCOMPARE(p.proxy, Preferences::Proxy::System); // a manual proxy without a valid host
    QCOMPARE(p.validate(), QString());
}

void TestPreferences::cachePathFollowsTheFolder()
{
    const QUrl api(QStringLiteral("https://api.particle.io"));
    Preferences p;
    const QString usual = Session::CloudSession::defaultCachePath(api, 20001);
    QCOMPARE(p.cachePath(api, 20001), usual);
    p.cacheFolder = m_dir.filePath(QStringLiteral("caches"));
    QCOMPARE(p.cachePath(api, 20001),
        m_dir.filePath(QStringLiteral("caches/") + QFileInfo(usual).fileName()));
    // One cache per cloud and product in the folder too.
    QVERIFY(p.cachePath(api, 20001) != p.cachePath(api, 20002));
}

void TestPreferences::rolloutDefaults()
{
    Preferences p;
    const Domain::RolloutDefaults builtIn;
    QCOMPARE(p.rolloutDefaults(), builtIn);
    p.successPercent = 80;
    p.failurePercent = 3;
    p.deviceTimeoutHours = 72;
    const Domain::RolloutDefaults d = p.rolloutDefaults();
    QCOMPARE(d.success, (Domain::Threshold {Domain::Threshold::Unit::Percent, 80}));
    QCOMPARE(d.failure, (Domain::Threshold {Domain::Threshold::Unit::Percent, 3}));
    QCOMPARE(d.deviceTimeoutS, qint64(72) * 3600);
}

void TestPreferences::rateBudgetShare()
{
    // Particle's budget: 10,000 requests per 5 minutes (per public IP).
    QCOMPARE(Session::CloudSession::rateLimitFor(100), 10000);
    QCOMPARE(Session::CloudSession::rateLimitFor(80), 8000);
    QCOMPARE(Session::CloudSession::rateLimitFor(10), 1000);
    QCOMPARE(Session::CloudSession::rateLimitFor(0), 1);
}

void TestPreferences::proxyNeverForLoopback_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected"); // "direct", "manual", "system"

    const int system = int(Preferences::Proxy::System);
    const int none = int(Preferences::Proxy::None);
    const int manual = int(Preferences::Proxy::Manual);
    // A sandbox on this computer is reached directly whatever the mode.
    for (const int mode : {system, none, manual}) {
        QTest::addRow("127.0.0.1 mode %d", mode) << mode << "http://127.0.0.1:41234/v1/devices"
                                                 << "direct";
        QTest::addRow("127.1.2.3 mode %d", mode) << mode << "http://127.1.2.3:8080/"
                                                 << "direct";
        QTest::addRow("::1 mode %d", mode) << mode << "http://[::1]:8080/"
                                           << "direct";
        QTest::addRow("localhost mode %d", mode) << mode << "http://LOCALHOST:8080/"
                                                 << "direct";
    }
    QTest::newRow("cloud, manual") << manual << "https://api.particle.io/v1/products"
                                   << "manual";
    QTest::newRow("other host, manual") << manual << "https://example.com/"
                                        << "manual";
    QTest::newRow("cloud, none") << none << "https://api.particle.io/v1/products"
                                 << "direct";
    QTest::newRow("cloud, system") << system << "https://api.particle.io/v1/products"
                                   << "system";
}

void TestPreferences::proxyNeverForLoopback()
{
    QFETCH(int, mode);
    QFETCH(QString, url);
    QFETCH(QString, expected);
    Preferences p;
    p.proxy = Preferences::Proxy(mode);
    p.proxyHost = QStringLiteral("proxy.example.com");
    p.proxyPort = 3129;
    p.proxyUser = QStringLiteral("ops");
    p.applyProxy(QStringLiteral("in memory"));

    // What every QNetworkAccessManager of the application asks.
    const QNetworkProxyQuery query {QUrl(url)};
    const QList<QNetworkProxy> proxies = QNetworkProxyFactory::proxyForQuery(query);
    QVERIFY(!proxies.isEmpty());
    if (expected == QLatin1String("direct")) {
        QCOMPARE(proxies.size(), 1);
        QCOMPARE(proxies.constFirst().type(), QNetworkProxy::NoProxy);
    } else if (expected == QLatin1String("manual")) {
        QCOMPARE(proxies.size(), 1);
        const QNetworkProxy &proxy = proxies.constFirst();
        QCOMPARE(proxy.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(proxy.hostName(), QStringLiteral("proxy.example.com"));
        QCOMPARE(proxy.port(), quint16(3129));
        QCOMPARE(proxy.user(), QStringLiteral("ops"));
        QCOMPARE(proxy.password(), QStringLiteral("in memory"));
    } else {
        QCOMPARE(proxies, QNetworkProxyFactory::systemProxyForQuery(query));
    }
}

void TestPreferences::removeCacheDeletesEveryFile()
{
    const QString path = m_dir.filePath(QStringLiteral("remove/cache.sqlite"));
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    const QStringList files = Session::CloudSession::cacheFiles(path);
    QVERIFY(files.contains(path + QStringLiteral("-wal")));
    QVERIFY(files.contains(path + QStringLiteral("-shm")));
    QVERIFY(files.contains(Session::CacheLease::lockPath(path)));
    qint64 written = 0;
    for (const QString &name : files.mid(0, 3)) {
        QFile f(name);
        QVERIFY(f.open(QIODevice::WriteOnly));
        written += f.write(QByteArray(100, 'x'));
    }
    QCOMPARE(Session::CloudSession::cacheSize(path), written);
    QString error;
    QVERIFY2(Session::CloudSession::removeCache(path, &error), qPrintable(error));
    for (const QString &name : files)
        QVERIFY2(!QFileInfo::exists(name), qPrintable(name));
    QCOMPARE(Session::CloudSession::cacheSize(path), 0);
    // Nothing there: nothing to do.
    QVERIFY(Session::CloudSession::removeCache(path, &error));
}

void TestPreferences::removeCacheRefusedWhileAnotherDrives()
{
    const QString path = m_dir.filePath(QStringLiteral("held.sqlite"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    // Another session of this process stands for another Flotilla program here: the lease is
    // held, so the cache stays.
    Session::CacheLease other(path);
    QVERIFY(other.tryAcquire());
    QString error;
    QVERIFY(!Session::CloudSession::removeCache(path, &error));
    QVERIFY2(error.contains(QLatin1String("has the cache open")), qPrintable(error));
    QVERIFY(QFileInfo::exists(path));
    other.release();
    QVERIFY2(Session::CloudSession::removeCache(path, &error), qPrintable(error));
    QVERIFY(!QFileInfo::exists(path));
}

QTEST_GUILESS_MAIN(TestPreferences)
#include "tst_preferences.moc"
