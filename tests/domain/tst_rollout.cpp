// SPDX-License-Identifier: MIT
// Rollout rules: thresholds, specs and their JSON, the impact of a flash, waves, device events
// and wave verdicts (docs/rollouts.md).
#include "domain/rollout.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace Flotilla::Domain;

// Note: QCOMPARE cannot print the state enums (argument-dependent lookup finds the domain's
// toString, which returns a QString), so states are compared through their stable names.
using S = RolloutDeviceState;
Q_DECLARE_METATYPE(Threshold::Unit)
Q_DECLARE_METATYPE(RolloutMethod)
Q_DECLARE_METATYPE(RolloutDeviceState)
Q_DECLARE_METATYPE(WaveVerdict)
Q_DECLARE_METATYPE(Threshold)
Q_DECLARE_METATYPE(RolloutCandidate)
Q_DECLARE_METATYPE(RolloutSpec)

namespace {

Threshold percent(double v)
{
    return {Threshold::Unit::Percent, v};
}

Threshold count(double v)
{
    return {Threshold::Unit::Count, v};
}

RolloutCandidate candidate(const QString &id, int firmware, std::optional<int> targetAfter)
{
    RolloutCandidate c;
    c.id = id;
    c.name = QStringLiteral("Name ") + id;
    c.node = QStringLiteral("acme--berlin");
    c.firmwareVersion = firmware;
    c.online = true;
    c.targetAfter = targetAfter;
    return c;
}

QList<RolloutDevice> pendingDevices(int n, const QString &node = QString())
{
    QList<RolloutDevice> devices;
    for (int i = 0; i < n; ++i) {
        RolloutDevice d;
        d.id = QStringLiteral("dev%1").arg(i, 5, 10, QLatin1Char('0'));
        d.name = QStringLiteral("Device %1").arg(n - i, 5, 10, QLatin1Char('0'));
        d.node = node;
        d.state = S::Pending;
        devices.append(d);
    }
    return devices;
}

RolloutSpec stagedSpec(const QList<double> &percents, quint64 seed = 42)
{
    RolloutSpec spec;
    spec.version = 7;
    spec.method = RolloutMethod::Staged;
    spec.nodes = {QStringLiteral("acme")};
    spec.seed = seed;
    for (double p : percents) {
        WaveSpec w;
        w.percent = p;
        spec.waves.append(w);
    }
    return spec;
}

RolloutSpec fullSpec()
{
    RolloutSpec spec;
    spec.title = QStringLiteral("v7 to Acme Logistics");
    spec.version = 7;
    spec.method = RolloutMethod::Staged;
    spec.intelligent = false;
    spec.nodes = {QStringLiteral("acme"), QStringLiteral("globex--paris")};
    spec.devices = {QStringLiteral("e00fce68aaaaaaaaaaaaaaaa")};
    WaveSpec bench;
    bench.name = QStringLiteral("Test bench");
    bench.nodes = {QStringLiteral("acme--bench")};
    bench.success = count(3);
    bench.failure = count(0);
    WaveSpec five;
    five.percent = 2.5;
    five.success = percent(90);
    five.failure = percent(12.5);
    five.pauseBefore = true;
    WaveSpec rest;
    spec.waves = {bench, five, rest};
    spec.order = RolloutSpec::Order::ByName;
    spec.seed = 0xfedcba9876543210ULL; // beyond a double's exact integers
    spec.token = QStringLiteral("k3x9q2m7ab");
    spec.deviceTimeoutS = 3600;
    spec.releaseToNodesWhenDone = false;
    spec.nodeTitles = {{QStringLiteral("acme"), QStringLiteral("Acme Logistics")},
        {QStringLiteral("acme--bench"), QStringLiteral("Acme Logistics \u203a Test bench")},
        {QStringLiteral("globex--paris"),
            QStringLiteral("Globex \u203a Paris [EU] \u201cnord\u201d")}};
    return spec;
}

QList<int> wavesOf(const QList<RolloutDevice> &devices)
{
    QList<int> waves;
    for (const RolloutDevice &d : devices)
        waves.append(d.wave);
    return waves;
}

} // namespace

class TestRollout final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // ---- thresholds ----

    void thresholdParse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<Threshold::Unit>("unit");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("error");

        const auto P = Threshold::Unit::Percent;
        const auto C = Threshold::Unit::Count;
        QTest::newRow("percent") << QStringLiteral("10%") << true << P << 10.0 << QString();
        QTest::newRow("percent, space") << QStringLiteral("10 %") << true << P << 10.0 << QString();
        QTest::newRow("fraction percent")
            << QStringLiteral("2.5%") << true << P << 2.5 << QString();
        QTest::newRow("zero percent") << QStringLiteral("0%") << true << P << 0.0 << QString();
        QTest::newRow("hundred percent")
            << QStringLiteral("100%") << true << P << 100.0 << QString();
        QTest::newRow("count") << QStringLiteral("3") << true << C << 3.0 << QString();
        QTest::newRow("count, padded") << QStringLiteral(" 3 ") << true << C << 3.0 << QString();
        QTest::newRow("zero count") << QStringLiteral("0") << true << C << 0.0 << QString();

        QTest::newRow("empty") << QString() << false << C << 0.0 << QStringLiteral("Enter");
        QTest::newRow("blank") << QStringLiteral("  ") << false << C << 0.0
                               << QStringLiteral("Enter");
        QTest::newRow("negative count")
            << QStringLiteral("-1") << false << C << 0.0 << QStringLiteral("negative");
        QTest::newRow("negative percent")
            << QStringLiteral("-5%") << false << C << 0.0 << QStringLiteral("negative");
        QTest::newRow("fraction count")
            << QStringLiteral("1.5") << false << C << 0.0 << QStringLiteral("whole");
        QTest::newRow("over 100%")
            << QStringLiteral("100.5%") << false << C << 0.0 << QStringLiteral("exceed 100%");
        QTest::newRow("garbage") << QStringLiteral("ten") << false << C << 0.0
                                 << QStringLiteral("'ten'");
        QTest::newRow("percent sign only")
            << QStringLiteral("%") << false << C << 0.0 << QStringLiteral("neither");
        QTest::newRow("double percent")
            << QStringLiteral("5%%") << false << C << 0.0 << QStringLiteral("neither");
        QTest::newRow("trailing words")
            << QStringLiteral("5 devices") << false << C << 0.0 << QStringLiteral("neither");
        QTest::newRow("infinity") << QStringLiteral("inf") << false << C << 0.0
                                  << QStringLiteral("neither");
    }

    void thresholdParse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(Threshold::Unit, unit);
        QFETCH(double, value);
        QFETCH(QString, error);

        QString why = QStringLiteral("stale");
        const std::optional<Threshold> t = Threshold::parse(text, &why);
        QCOMPARE(t.has_value(), valid);
        if (valid) {
            QVERIFY(why.isEmpty());
            QCOMPARE(t->unit, unit);
            QCOMPARE(t->value, value);
            // toString gives text that parses back to the same threshold
            QCOMPARE(Threshold::parse(t->toString(), nullptr), t);
        } else {
            QVERIFY2(why.contains(error), qPrintable(why));
        }
    }

    void thresholdToString()
    {
        QCOMPARE(percent(10).toString(), QStringLiteral("10%"));
        QCOMPARE(percent(2.5).toString(), QStringLiteral("2.5%"));
        QCOMPARE(count(3).toString(), QStringLiteral("3"));
        QCOMPARE(count(0).toString(), QStringLiteral("0"));
    }

    void thresholdCount_data()
    {
        QTest::addColumn<Threshold>("threshold");
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("expected");
        QTest::addColumn<int>("failureCount");

        QTest::newRow("95% of 100") << percent(95) << 100 << 95 << 95;
        QTest::newRow("95% of 10 rounds up") << percent(95) << 10 << 10 << 10;
        QTest::newRow("95% of 20") << percent(95) << 20 << 19 << 19;
        QTest::newRow("10% of 10") << percent(10) << 10 << 1 << 1;
        QTest::newRow("10% of 11 rounds up") << percent(10) << 11 << 2 << 2;
        QTest::newRow("10% of 2000") << percent(10) << 2000 << 200 << 200;
        QTest::newRow("exact share, no float drift") << percent(7) << 100 << 7 << 7;
        QTest::newRow("2.5% of 200") << percent(2.5) << 200 << 5 << 5;
        QTest::newRow("0% is zero; a failure count is at least 1") << percent(0) << 50 << 0 << 1;
        QTest::newRow("100% of 3") << percent(100) << 3 << 3 << 3;
        QTest::newRow("percent of empty wave") << percent(95) << 0 << 0 << 1;
        QTest::newRow("count") << count(3) << 10 << 3 << 3;
        QTest::newRow("count capped at total") << count(30) << 10 << 10 << 10;
        QTest::newRow("count zero") << count(0) << 10 << 0 << 1;
    }

    void thresholdCount()
    {
        QFETCH(Threshold, threshold);
        QFETCH(int, total);
        QFETCH(int, expected);
        QFETCH(int, failureCount);
        QCOMPARE(threshold.count(total), expected);
        QCOMPARE(threshold.failureCount(total), failureCount);
    }

    // ---- specs ----

    void waveTitles()
    {
        WaveSpec w;
        QCOMPARE(waveTitle(w), QStringLiteral("All remaining"));
        w.percent = 5;
        QCOMPARE(waveTitle(w), QStringLiteral("5%"));
        w.percent = 2.5;
        QCOMPARE(waveTitle(w), QStringLiteral("2.5%"));
        w.nodes = {QStringLiteral("acme--bench"), QStringLiteral("acme--lab")};
        QCOMPARE(waveTitle(w), QStringLiteral("acme--bench, acme--lab"));
        w.name = QStringLiteral("Test bench");
        QCOMPARE(waveTitle(w), QStringLiteral("Test bench"));
    }

    void effectiveWaves()
    {
        RolloutSpec spec = fullSpec();
        QCOMPARE(spec.effectiveWaves(), spec.waves);

        spec.waves.clear();
        QCOMPARE(spec.effectiveWaves(), QList<WaveSpec> {WaveSpec {}});

        for (RolloutMethod m : {RolloutMethod::Lock, RolloutMethod::Release}) {
            spec = fullSpec();
            spec.method = m;
            const QList<WaveSpec> waves = spec.effectiveWaves();
            QCOMPARE(waves.size(), 1);
            QVERIFY(waves[0].nodes.isEmpty());
            QCOMPARE(waves[0].percent, 100.0);
            QCOMPARE(waves[0].success, count(3)); // the first wave's thresholds
            QCOMPARE(waves[0].failure, count(0));
            QVERIFY(!waves[0].pauseBefore);
            QCOMPARE(waves[0].name, QStringLiteral("All devices"));

            spec.waves.clear(); // defaults
            const WaveSpec only = spec.effectiveWaves().value(0);
            QCOMPARE(only.success, percent(95));
            QCOMPARE(only.failure, percent(10));
        }
    }

    void specJsonRoundTrip()
    {
        const RolloutSpec spec = fullSpec();
        const QJsonObject json = spec.toJson();
        QCOMPARE(json.value(QStringLiteral("method")).toString(), QStringLiteral("staged"));
        QCOMPARE(json.value(QStringLiteral("order")).toString(), QStringLiteral("by-name"));
        QCOMPARE(
            json.value(QStringLiteral("seed")).toString(), QStringLiteral("18364758544493064720"));
        QCOMPARE(json.value(QStringLiteral("token")).toString(), QStringLiteral("k3x9q2m7ab"));
        const QJsonObject wave1 = json.value(QStringLiteral("waves")).toArray().at(1).toObject();
        QCOMPARE(wave1.value(QStringLiteral("success")).toString(), QStringLiteral("90%"));
        QCOMPARE(wave1.value(QStringLiteral("failure")).toString(), QStringLiteral("12.5%"));
        const QJsonObject wave0 = json.value(QStringLiteral("waves")).toArray().at(0).toObject();
        QCOMPARE(wave0.value(QStringLiteral("success")).toString(), QStringLiteral("3"));
        // The nodes' titles as they were when the rollout was planned, by path.
        QCOMPARE(json.value(QStringLiteral("nodeTitles"))
                     .toObject()
                     .value(QStringLiteral("acme--bench"))
                     .toString(),
            QStringLiteral("Acme Logistics \u203a Test bench"));

        // through text, as the cache stores it
        const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
        QString error;
        const std::optional<RolloutSpec> back
            = RolloutSpec::fromJson(QJsonDocument::fromJson(text).object(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, spec);

        for (RolloutMethod m : {RolloutMethod::Lock, RolloutMethod::Release}) {
            RolloutSpec other = spec;
            other.method = m;
            other.order = RolloutSpec::Order::Random;
            other.intelligent = true;
            QCOMPARE(RolloutSpec::fromJson(other.toJson(), nullptr), other);
        }
        // missing members take their defaults
        QCOMPARE(RolloutSpec::fromJson(QJsonObject {}, nullptr), RolloutSpec {});
    }

    void specJsonRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");

        QTest::newRow("version text") << QByteArray(R"({"version":"7"})")
                                      << QStringLiteral("'version' must be a whole number");
        QTest::newRow("version fraction") << QByteArray(R"({"version":7.5})")
                                          << QStringLiteral("'version' must be a whole number");
        QTest::newRow("version too large") << QByteArray(R"({"version":3e9})")
                                           << QStringLiteral("'version' must be a whole number");
        QTest::newRow("timeout too large")
            << QByteArray(R"({"deviceTimeoutS":1e19})") << QStringLiteral("'deviceTimeoutS'");
        QTest::newRow("method unknown") << QByteArray(R"({"method":"yolo"})")
                                        << QStringLiteral("'method' has the unknown value 'yolo'");
        QTest::newRow("method number")
            << QByteArray(R"({"method":1})") << QStringLiteral("'method' must be a string");
        QTest::newRow("order unknown") << QByteArray(R"({"order":"by-size"})")
                                       << QStringLiteral("'order' has the unknown value");
        QTest::newRow("intelligent string")
            << QByteArray(R"({"intelligent":"yes"})") << QStringLiteral("'intelligent' must be");
        QTest::newRow("nodes not list") << QByteArray(R"({"nodes":"acme"})")
                                        << QStringLiteral("'nodes' must be a list of strings");
        QTest::newRow("nodes with number") << QByteArray(R"({"nodes":["acme", 3]})")
                                           << QStringLiteral("'nodes' must be a list of strings");
        QTest::newRow("seed number")
            << QByteArray(R"({"seed":12})") << QStringLiteral("'seed' must be a string");
        QTest::newRow("seed text")
            << QByteArray(R"({"seed":"abc"})") << QStringLiteral("'seed' must be a whole number");
        QTest::newRow("timeout text")
            << QByteArray(R"({"deviceTimeoutS":"1h"})") << QStringLiteral("'deviceTimeoutS'");
        QTest::newRow("waves object")
            << QByteArray(R"({"waves":{}})") << QStringLiteral("'waves' must be a list");
        QTest::newRow("wave not object")
            << QByteArray(R"({"waves":[{}, 5]})") << QStringLiteral("Wave 2's settings");
        QTest::newRow("wave percent text") << QByteArray(R"({"waves":[{"percent":"5%"}]})")
                                           << QStringLiteral("Wave 1's 'percent' must be a number");
        QTest::newRow("wave threshold number")
            << QByteArray(R"({"waves":[{"success":95}]})")
            << QStringLiteral("Wave 1's 'success' must be a string");
        QTest::newRow("wave threshold bad") << QByteArray(R"({"waves":[{}, {"failure":"1.5"}]})")
                                            << QStringLiteral("Wave 2's 'failure'");
        QTest::newRow("pauseBefore number")
            << QByteArray(R"({"waves":[{"pauseBefore":1}]})") << QStringLiteral("'pauseBefore'");
        QTest::newRow("node titles list") << QByteArray(R"({"nodeTitles":["Acme"]})")
                                          << QStringLiteral("'nodeTitles' must be an object");
        QTest::newRow("node title number") << QByteArray(R"({"nodeTitles":{"acme":3}})")
                                           << QStringLiteral("title of 'acme' must be a string");
    }

    void specJsonRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QString why;
        QVERIFY(!RolloutSpec::fromJson(doc.object(), &why));
        QVERIFY2(why.contains(error), qPrintable(why));
    }

    void validate_data()
    {
        QTest::addColumn<RolloutSpec>("spec");
        QTest::addColumn<QString>("error"); // a fragment; empty: valid

        const RolloutSpec good = fullSpec();
        QTest::newRow("full spec") << good << QString();

        RolloutSpec s = good;
        s.version = 0;
        QTest::newRow("no version") << s << QStringLiteral("firmware version");

        s = good;
        s.nodes.clear();
        s.devices.clear();
        QTest::newRow("empty selection") << s << QStringLiteral("Select at least one");

        s = good;
        s.nodes.clear();
        QTest::newRow("staged devices only") << s << QString();
        s.method = RolloutMethod::Lock;
        QTest::newRow("lock devices only") << s << QString();
        s.method = RolloutMethod::Release;
        QTest::newRow("release devices only") << s << QStringLiteral("A release reaches");

        s = good;
        s.deviceTimeoutS = 59;
        QTest::newRow("timeout too short") << s << QStringLiteral("at least one minute");
        s.deviceTimeoutS = 60;
        QTest::newRow("timeout one minute") << s << QString();

        s = good;
        s.waves[1].percent = 0;
        QTest::newRow("zero percent wave") << s << QStringLiteral("Wave 2 needs");
        s.waves[1].percent = 100.5;
        QTest::newRow("over 100 percent wave") << s << QStringLiteral("Wave 2 needs");
        s.waves[1].percent = 100;
        QTest::newRow("100 percent wave") << s << QString();
        s.waves[0].percent = 0; // a node wave needs no share
        QTest::newRow("node wave without share") << s << QString();

        s = good;
        s.waves[2].success = percent(120);
        QTest::newRow("success over 100%") << s << QStringLiteral("Wave 3's success threshold");
        s = good;
        s.waves[0].failure = count(-1);
        QTest::newRow("negative failure") << s << QStringLiteral("Wave 1's failure threshold");
        s = good;
        s.waves[1].failure = count(1.5);
        QTest::newRow("fraction count") << s << QStringLiteral("must be whole");

        s = good;
        s.method = RolloutMethod::Lock;
        s.waves[1].percent = 0; // Lock runs one wave: the staged plan does not matter
        QTest::newRow("lock ignores wave plan") << s << QString();
        s.waves[0].success = percent(101); // but the thresholds come from the first wave
        QTest::newRow("lock checks first thresholds") << s << QStringLiteral("success threshold");
    }

    void validate()
    {
        QFETCH(RolloutSpec, spec);
        QFETCH(QString, error);
        const QString got = spec.validate();
        if (error.isEmpty())
            QVERIFY2(got.isEmpty(), qPrintable(got));
        else
            QVERIFY2(got.contains(error), qPrintable(got));
    }

    // ---- impact ----

    void assessFlashRules_data()
    {
        QTest::addColumn<RolloutMethod>("method");
        QTest::addColumn<RolloutCandidate>("candidate");
        QTest::addColumn<bool>("targeted");
        QTest::addColumn<QString>("counter"); // the FlashImpact counter it raises
        QTest::addColumn<QString>("reason");

        const auto L = RolloutMethod::Lock;
        const auto R = RolloutMethod::Release;
        const auto St = RolloutMethod::Staged;

        RolloutCandidate c = candidate(QStringLiteral("a"), 5, 7);
        QTest::newRow("staged upgrade") << St << c << true << QString() << QString();
        QTest::newRow("release upgrade") << R << c << true << QString() << QString();
        QTest::newRow("lock upgrade") << L << c << true << QString() << QString();

        c.online = false;
        QTest::newRow("offline is targeted")
            << St << c << true << QStringLiteral("offline") << QString();

        c = candidate(QStringLiteral("a"), 5, std::nullopt);
        c.development = true;
        QTest::newRow("development, lock") << L << c << false << QStringLiteral("development")
                                           << QStringLiteral("Development devices");
        QTest::newRow("development, release") << R << c << false << QStringLiteral("development")
                                              << QStringLiteral("Development devices");
        QTest::newRow("development, staged") << St << c << false << QStringLiteral("development")
                                             << QStringLiteral("Development devices");

        c = candidate(QStringLiteral("a"), 5, 6);
        c.lock = 6;
        QTest::newRow("release: lock wins")
            << R << c << false << QStringLiteral("locked") << QStringLiteral("locked to v6");
        QTest::newRow("staged: lock wins")
            << St << c << false << QStringLiteral("locked") << QStringLiteral("locked to v6");
        QTest::newRow("lock: lock replaced")
            << L << c << true << QStringLiteral("locked") << QString();
        c.lock = 7;
        QTest::newRow("lock: same lock is not replaced")
            << L << c << true << QString() << QString();

        c = candidate(QStringLiteral("a"), 7, 7);
        QTest::newRow("already current, staged")
            << St << c << false << QStringLiteral("alreadyCurrent")
            << QStringLiteral("already runs v7");
        QTest::newRow("already current, lock")
            << L << c << false << QStringLiteral("alreadyCurrent")
            << QStringLiteral("already runs v7");

        c = candidate(QStringLiteral("a"), 5, 8);
        QTest::newRow("higher release wins, staged")
            << St << c << false << QStringLiteral("overridden")
            << QStringLiteral("releases v8, which wins");
        QTest::newRow("higher release wins, release")
            << R << c << false << QStringLiteral("overridden")
            << QStringLiteral("releases v8, which wins");
        QTest::newRow("lock ignores releases") << L << c << true << QString() << QString();

        c = candidate(QStringLiteral("a"), 5, std::nullopt);
        QTest::newRow("no target after")
            << R << c << false << QStringLiteral("overridden") << QStringLiteral("would not reach");

        c = candidate(QStringLiteral("a"), 9, 7);
        QTest::newRow("downgrade by lock")
            << L << c << true << QStringLiteral("downgrades") << QString();
        c.targetAfter = 9;
        QTest::newRow("no downgrade by release")
            << R << c << false << QStringLiteral("overridden") << QStringLiteral("releases v9");
    }

    void assessFlashRules()
    {
        QFETCH(RolloutMethod, method);
        QFETCH(RolloutCandidate, candidate);
        QFETCH(bool, targeted);
        QFETCH(QString, counter);
        QFETCH(QString, reason);

        const FlashImpact impact = assessFlash(method, 7, {candidate});
        QCOMPARE(impact.version, 7);
        QCOMPARE(impact.selected, 1);
        QCOMPARE(impact.devices.size(), 1);
        const RolloutDevice d = impact.devices.first();
        QCOMPARE(d.id, candidate.id);
        QCOMPARE(d.name, candidate.name);
        QCOMPARE(d.node, candidate.node);
        QCOMPARE(d.previousVersion, candidate.firmwareVersion);
        QCOMPARE(d.wave, -1);
        QCOMPARE(toString(d.state), toString(targeted ? S::Pending : S::Skipped));
        QCOMPARE(impact.targeted, targeted ? 1 : 0);
        if (targeted) {
            QCOMPARE(impact.targetedByVersion, (QMap<int, int> {{candidate.firmwareVersion, 1}}));
            QVERIFY(d.reason.isEmpty());
        } else {
            QVERIFY(impact.targetedByVersion.isEmpty());
            QVERIFY2(d.reason.contains(reason), qPrintable(d.reason));
        }
        const QMap<QString, int> counters {
            {QStringLiteral("offline"), impact.offline},
            {QStringLiteral("development"), impact.development},
            {QStringLiteral("locked"), impact.locked},
            {QStringLiteral("overridden"), impact.overridden},
            {QStringLiteral("alreadyCurrent"), impact.alreadyCurrent},
            {QStringLiteral("downgrades"), impact.downgrades},
        };
        for (auto it = counters.begin(); it != counters.end(); ++it)
            QCOMPARE(std::make_pair(it.key(), it.value()),
                std::make_pair(it.key(), it.key() == counter ? 1 : 0));
    }

    void assessFlashCounts()
    {
        QList<RolloutCandidate> candidates;
        for (int i = 0; i < 10; ++i) {
            RolloutCandidate c = candidate(QString::number(i), i < 6 ? 5 : 6, 7);
            c.online = i % 2 == 0;
            candidates.append(c);
        }
        candidates[9].development = true;
        candidates[8].lock = 3;
        candidates[7].firmwareVersion = 7;
        candidates[6].targetAfter = 8;
        candidates[5].firmwareVersion = 9;
        candidates[5].targetAfter = 9;

        FlashImpact staged = assessFlash(RolloutMethod::Staged, 7, candidates);
        QCOMPARE(staged.selected, 10);
        QCOMPARE(staged.targeted, 5); // 0..4
        QCOMPARE(staged.targetedByVersion, (QMap<int, int> {{5, 5}}));
        QCOMPARE(staged.offline, 2); // 1, 3
        QCOMPARE(staged.development, 1);
        QCOMPARE(staged.locked, 1);
        QCOMPARE(staged.alreadyCurrent, 1);
        QCOMPARE(staged.overridden, 2); // 6 (v8 wins), 5 (v9 wins)
        QCOMPARE(staged.downgrades, 0);
        QCOMPARE(staged.devices.size(), 10);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(staged.devices[i].id, QString::number(i)); // selection order

        FlashImpact lock = assessFlash(RolloutMethod::Lock, 7, candidates);
        QCOMPARE(lock.targeted, 8); // all but development and already current
        QCOMPARE(lock.targetedByVersion, (QMap<int, int> {{5, 5}, {6, 2}, {9, 1}}));
        QCOMPARE(lock.locked, 1);
        QCOMPARE(lock.overridden, 0);
        QCOMPARE(lock.downgrades, 1);
        QCOMPARE(lock.offline, 3); // 1, 3, 5 (7 already runs v7, 9 is a development device)
    }

    // ---- waves ----

    void assignPercentages()
    {
        QList<RolloutDevice> devices = pendingDevices(2000);
        const RolloutSpec spec = stagedSpec({5, 25, 100});
        QCOMPARE(assignWaves(spec, devices), (QList<int> {100, 475, 1425}));
        QCOMPARE(countWave(devices, 0).total, 100);
        QCOMPARE(countWave(devices, 1).total, 475);
        QCOMPARE(countWave(devices, 2).total, 1425);
    }

    void assignTinyFleets_data()
    {
        QTest::addColumn<int>("devices");
        QTest::addColumn<QList<double>>("percents");
        QTest::addColumn<QList<int>>("expected");

        QTest::newRow("one device, three waves")
            << 1 << QList<double> {5, 25, 100} << QList<int> {1, 0, 0};
        QTest::newRow("two devices") << 2 << QList<double> {5, 25, 100} << QList<int> {1, 1, 0};
        QTest::newRow("three devices") << 3 << QList<double> {5, 25, 100} << QList<int> {1, 1, 1};
        QTest::newRow("ten devices") << 10 << QList<double> {5, 25, 100} << QList<int> {1, 3, 6};
        QTest::newRow("no devices") << 0 << QList<double> {5, 100} << QList<int> {0, 0};
        QTest::newRow("last wave takes the rest despite its share")
            << 10 << QList<double> {10, 10} << QList<int> {1, 9};
        QTest::newRow("one 100% wave") << 7 << QList<double> {100} << QList<int> {7};
        QTest::newRow("no waves: one of all") << 7 << QList<double> {} << QList<int> {7};
        QTest::newRow("100% first leaves nothing")
            << 4 << QList<double> {100, 50} << QList<int> {4, 0};
    }

    void assignTinyFleets()
    {
        QFETCH(int, devices);
        QFETCH(QList<double>, percents);
        QFETCH(QList<int>, expected);
        QList<RolloutDevice> list = pendingDevices(devices);
        QCOMPARE(assignWaves(stagedSpec(percents), list), expected);
        for (const RolloutDevice &d : list)
            QVERIFY(d.wave >= 0);
    }

    void assignNodeWaves()
    {
        QList<RolloutDevice> devices;
        const auto add = [&](const QString &id, const QString &node, S state = S::Pending) {
            RolloutDevice d;
            d.id = id;
            d.name = id;
            d.node = node;
            d.state = state;
            devices.append(d);
        };
        add(QStringLiteral("d0"), QStringLiteral("acme--berlin"));
        add(QStringLiteral("d1"), QStringLiteral("acme--bench"));
        add(QStringLiteral("d2"), QStringLiteral("acme--bench--shelf"));
        add(QStringLiteral("d3"), QStringLiteral("acme--benchmark")); // not under acme--bench
        add(QStringLiteral("d4"), QString()); // not placed
        add(QStringLiteral("d5"), QStringLiteral("acme--lab"));
        add(QStringLiteral("d6"), QStringLiteral("acme--bench"), S::Skipped);
        add(QStringLiteral("d7"), QStringLiteral("acme--lab--a"));
        devices[6].wave = -1;

        RolloutSpec spec = stagedSpec({});
        WaveSpec bench;
        bench.nodes = {QStringLiteral("acme--bench")};
        WaveSpec lab;
        lab.nodes = {QStringLiteral("acme--lab"), QStringLiteral("acme--bench")}; // bench: taken
        WaveSpec rest;
        spec.waves = {bench, lab, rest};
        QCOMPARE(assignWaves(spec, devices), (QList<int> {2, 2, 3}));
        QCOMPARE(wavesOf(devices), (QList<int> {2, 0, 0, 2, 2, 1, -1, 1}));

        // a trailing node wave still takes every device left
        spec.waves = {lab, bench};
        QCOMPARE(assignWaves(spec, devices), (QList<int> {4, 3}));
        QCOMPARE(wavesOf(devices), (QList<int> {1, 0, 0, 1, 1, 0, -1, 0}));

        // a node wave then a share of what is left
        WaveSpec half;
        half.percent = 50;
        spec.waves = {bench, half, rest};
        spec.order = RolloutSpec::Order::ByName;
        QCOMPARE(assignWaves(spec, devices), (QList<int> {2, 3, 2}));
        // by name among d0 d3 d4 d5 d7: the first three
        QCOMPARE(wavesOf(devices), (QList<int> {1, 0, 0, 1, 1, 2, -1, 2}));
    }

    void assignSeeded()
    {
        const QList<RolloutDevice> base = pendingDevices(500);
        const auto plan = [&](quint64 seed) {
            QList<RolloutDevice> devices = base;
            assignWaves(stagedSpec({10, 30, 100}, seed), devices);
            return wavesOf(devices);
        };
        const QList<int> a = plan(1);
        QCOMPARE(plan(1), a); // the same seed, the same plan
        QVERIFY(plan(2) != a);
        QVERIFY(plan(0xffffffffffffffffULL) != a);

        // a shuffle, not the selection order
        QList<int> firstWave;
        for (int i = 0; i < a.size(); ++i) {
            if (a[i] == 0)
                firstWave.append(i);
        }
        QCOMPARE(firstWave.size(), 50);
        QVERIFY(firstWave.last() > 100);
        QVERIFY(firstWave.first() < 400);

        // pinned: the plan is the same with every standard library and on every platform
        QList<RolloutDevice> devices = pendingDevices(10);
        assignWaves(stagedSpec({30, 100}, 12345), devices);
        QCOMPARE(wavesOf(devices), (QList<int> {1, 0, 1, 0, 1, 1, 1, 0, 1, 1}));
    }

    void assignByName()
    {
        QList<RolloutDevice> devices = pendingDevices(10); // names run backwards
        devices[0].name = devices[1].name; // a tie, broken by id
        RolloutSpec spec = stagedSpec({20, 100});
        spec.order = RolloutSpec::Order::ByName;
        QCOMPARE(assignWaves(spec, devices), (QList<int> {2, 8}));
        // the two smallest names: "Device 00001" (dev00009) and "Device 00002" (dev00008)
        QCOMPARE(wavesOf(devices), (QList<int> {1, 1, 1, 1, 1, 1, 1, 1, 0, 0}));

        devices = pendingDevices(10);
        for (RolloutDevice &d : devices)
            d.name = QStringLiteral("same");
        QCOMPARE(assignWaves(spec, devices), (QList<int> {2, 8}));
        QCOMPARE(wavesOf(devices), (QList<int> {0, 0, 1, 1, 1, 1, 1, 1, 1, 1}));
    }

    void assignKeepsSkipped()
    {
        QList<RolloutDevice> devices = pendingDevices(6);
        devices[2].state = S::Skipped;
        devices[4].state = S::Skipped;
        const QList<int> counts = assignWaves(stagedSpec({50, 100}), devices);
        QCOMPARE(counts, (QList<int> {2, 2}));
        QCOMPARE(devices[2].wave, -1);
        QCOMPARE(devices[4].wave, -1);

        // Lock and Release: one wave of every targeted device
        RolloutSpec lock = stagedSpec({5, 25, 100});
        lock.method = RolloutMethod::Lock;
        QCOMPARE(assignWaves(lock, devices), (QList<int> {4}));
    }

    void groupNames()
    {
        QCOMPARE(rolloutGroupName(QStringLiteral("k3x9q2m7ab"), 0),
            QStringLiteral("flotilla-rollout-k3x9q2m7ab-w1"));
        QCOMPARE(
            rolloutGroupName(QStringLiteral("12"), 4), QStringLiteral("flotilla-rollout-12-w5"));
        QVERIFY(isRolloutGroupName(rolloutGroupName(QStringLiteral("k3x9q2m7ab"), 0)));
        QVERIFY(isRolloutGroupName(rolloutGroupName(QStringLiteral("a1"), 41)));
        // Tokens are random, [a-z0-9]: two of them differ, and names stay within 64 characters.
        const QString token = newRolloutToken();
        QCOMPARE(token.size(), 10);
        QVERIFY(token != newRolloutToken());
        QVERIFY(isRolloutGroupName(rolloutGroupName(token, 98)));
        QVERIFY(rolloutGroupName(token, 98).size() <= 64);
        for (const QChar c : token)
            QVERIFY((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c.isDigit());
        for (const char *name : {"flotilla-rollout-", "flotilla-rollout-12",
                 "flotilla-rollout-12-w", "flotilla-rollout-12-w0", "flotilla-rollout-ab-w01",
                 "flotilla-rollout--w1", "flotilla-rollout-A-w1", "flotilla-rollout-1-w1x",
                 "flotilla-rollout-a_b-w1", "flotilla-returns", "acme--flotilla-rollout-1-w1",
                 "Flotilla-rollout-1-w1", "flotilla-rollout-1-x1"}) {
            QVERIFY2(!isRolloutGroupName(QString::fromLatin1(name)), name);
            QString parsedToken = QStringLiteral("unchanged");
            int parsedWave = -7;
            QVERIFY(!parseRolloutGroupName(QString::fromLatin1(name), &parsedToken, &parsedWave));
            QCOMPARE(parsedToken, QStringLiteral("unchanged"));
            QCOMPARE(parsedWave, -7);
        }
        // A wave group names its rollout (by token) and its wave.
        for (const auto &[t, w] : {std::pair {QStringLiteral("k3x9q2m7ab"), 0},
                 std::pair {QStringLiteral("12"), 4}, std::pair {token, 98}}) {
            QString parsedToken;
            int parsedWave = -1;
            QVERIFY(parseRolloutGroupName(rolloutGroupName(t, w), &parsedToken, &parsedWave));
            QCOMPARE(parsedToken, t);
            QCOMPARE(parsedWave, w);
        }
        QCOMPARE(slugTitlePath(QStringLiteral("acme--berlin--test")),
            QStringLiteral("acme \u203a berlin \u203a test"));
        QCOMPARE(slugTitlePath(QString()), QString());
    }

    // ---- events ----

    void deviceEvent_data()
    {
        QTest::addColumn<S>("state");
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("data");
        QTest::addColumn<int>("eventVersion");
        QTest::addColumn<bool>("changes");
        QTest::addColumn<S>("newState");
        QTest::addColumn<QString>("newStage");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<QString>("reason"); // a fragment; empty: no reason

        const QString status = QStringLiteral("spark/status");
        const QString flash = QStringLiteral("spark/flash/status");
        const QString pending = QStringLiteral("particle/device/updates/pending");
        const QString hash = QStringLiteral("spark/device/app-hash");
        const QString none;

        // version reached
        QTest::newRow("waiting, version event")
            << S::Waiting << none << hash << QStringLiteral("ab") << 7 << true << S::Succeeded
            << none << 0 << none;
        QTest::newRow("online with version")
            << S::Waiting << QStringLiteral("offline") << status << QStringLiteral("online") << 7
            << true << S::Succeeded << none << 0 << none;
        QTest::newRow("updating, version event")
            << S::Updating << QStringLiteral("rebooting") << status << QStringLiteral("online") << 7
            << true << S::Succeeded << none << 0 << none;
        QTest::newRow("failed, later success")
            << S::Failed << none << status << QStringLiteral("online") << 7 << true << S::Succeeded
            << none << 1 << none;
        QTest::newRow("timed out, later success")
            << S::TimedOut << none << hash << QStringLiteral("ab") << 7 << true << S::Succeeded
            << none << 0 << none;
        QTest::newRow("other version") << S::Waiting << none << status << QStringLiteral("online")
                                       << 5 << false << S::Waiting << none << 0 << none;
        QTest::newRow("version 0 is unknown, not a target")
            << S::Waiting << none << hash << QStringLiteral("ab") << 0 << false << S::Waiting
            << none << 0 << none;

        // progress
        QTest::newRow("auto-update")
            << S::Waiting << none << status << QStringLiteral("auto-update") << 5 << true
            << S::Updating << QStringLiteral("auto-update") << 0 << none;
        QTest::newRow("flash started, trailing space")
            << S::Waiting << none << flash << QStringLiteral("started ") << 5 << true << S::Updating
            << QStringLiteral("flashing") << 0 << none;
        QTest::newRow("flash started, no space")
            << S::Updating << QStringLiteral("auto-update") << flash << QStringLiteral("started")
            << 5 << true << S::Updating << QStringLiteral("flashing") << 0 << none;
        QTest::newRow("flash started with file name")
            << S::Updating << QStringLiteral("auto-update") << flash
            << QStringLiteral("started firmware.bin") << 5 << true << S::Updating
            << QStringLiteral("flashing") << 0 << none;
        QTest::newRow("flash success")
            << S::Updating << QStringLiteral("flashing") << flash << QStringLiteral("success ") << 5
            << true << S::Updating << QStringLiteral("rebooting") << 0 << none;
        QTest::newRow("repeat changes nothing")
            << S::Updating << QStringLiteral("flashing") << flash << QStringLiteral("started ") << 5
            << false << S::Updating << QStringLiteral("flashing") << 0 << none;
        QTest::newRow("failed") << S::Updating << QStringLiteral("flashing") << flash
                                << QStringLiteral("failed ") << 5 << true << S::Failed
                                << QStringLiteral("flashing") << 1
                                << QStringLiteral("update failed (attempt 1)");
        QTest::newRow("failed again")
            << S::Failed << QStringLiteral("flashing") << flash << QStringLiteral("failed") << 5
            << true << S::Failed << QStringLiteral("flashing") << 2
            << QStringLiteral("(attempt 2)");
        QTest::newRow("failed, retry")
            << S::Failed << QStringLiteral("flashing") << flash << QStringLiteral("started ") << 5
            << true << S::Updating << QStringLiteral("flashing") << 1 << none;
        QTest::newRow("timed out, retry")
            << S::TimedOut << none << status << QStringLiteral("auto-update") << 5 << true
            << S::Updating << QStringLiteral("auto-update") << 0 << none;
        QTest::newRow("offline while updating")
            << S::Updating << QStringLiteral("flashing") << status << QStringLiteral("offline") << 5
            << true << S::Waiting << QStringLiteral("offline") << 0 << QStringLiteral("offline");
        QTest::newRow("offline while rebooting")
            << S::Updating << QStringLiteral("rebooting") << status << QStringLiteral("offline")
            << 5 << false << S::Updating << QStringLiteral("rebooting") << 0 << none;
        QTest::newRow("offline while waiting")
            << S::Waiting << none << status << QStringLiteral("offline") << 5 << true << S::Waiting
            << QStringLiteral("offline") << 0 << QStringLiteral("Offline");
        QTest::newRow("back online while waiting")
            << S::Waiting << QStringLiteral("offline") << status << QStringLiteral("online") << 5
            << true << S::Waiting << none << 0 << none;
        QTest::newRow("offline after failure")
            << S::Failed << none << status << QStringLiteral("offline") << 5 << false << S::Failed
            << none << 1 << none;
        QTest::newRow("online without version")
            << S::Updating << QStringLiteral("rebooting") << status << QStringLiteral("online") << 5
            << false << S::Updating << QStringLiteral("rebooting") << 0 << none;
        QTest::newRow("updates pending")
            << S::Waiting << none << pending << QStringLiteral("true") << 5 << true << S::Waiting
            << QStringLiteral("updates disabled") << 0 << QStringLiteral("Updates are disabled");
        QTest::newRow("updates pending while updating")
            << S::Updating << QStringLiteral("auto-update") << pending << QStringLiteral("true")
            << 5 << true << S::Waiting << QStringLiteral("updates disabled") << 0
            << QStringLiteral("disabled");
        QTest::newRow("updates pending false")
            << S::Waiting << none << pending << QStringLiteral("false") << 5 << false << S::Waiting
            << none << 0 << none;
        QTest::newRow("unrelated event")
            << S::Waiting << none << QStringLiteral("temperature") << QStringLiteral("21.5") << 5
            << false << S::Waiting << none << 0 << none;
        QTest::newRow("unknown flash status")
            << S::Waiting << none << flash << QStringLiteral("progress") << 5 << false << S::Waiting
            << none << 0 << none;

        // states that ignore events
        for (S s :
            {S::Pending, S::Sending, S::Skipped, S::Cancelled, S::Succeeded, S::RolledBack}) {
            const QByteArray tag = "ignored by " + toString(s).toLatin1();
            QTest::newRow(QByteArray(tag + ", version").constData())
                << s << none << hash << QStringLiteral("ab") << 7 << false << s << none << 0
                << none;
            QTest::newRow(QByteArray(tag + ", started").constData())
                << s << none << flash << QStringLiteral("started ") << 5 << false << s << none << 0
                << none;
            QTest::newRow(QByteArray(tag + ", failed").constData())
                << s << none << flash << QStringLiteral("failed ") << 5 << false << s << none << 0
                << none;
        }

        // rolling back: the target is the previous version (5 here; the rollout's was 7)
        QTest::newRow("rollback reached")
            << S::RollingBack << QStringLiteral("flashing") << status << QStringLiteral("online")
            << 5 << true << S::RolledBack << none << 0 << none;
        QTest::newRow("rollback progress")
            << S::RollingBack << none << flash << QStringLiteral("started ") << 7 << true
            << S::RollingBack << QStringLiteral("flashing") << 0 << none;
        QTest::newRow("rollback failure counts, stays rolling back")
            << S::RollingBack << QStringLiteral("flashing") << flash << QStringLiteral("failed ")
            << 7 << true << S::RollingBack << QStringLiteral("flashing") << 1
            << QStringLiteral("(attempt 1)");
        QTest::newRow("rollback offline")
            << S::RollingBack << QStringLiteral("flashing") << status << QStringLiteral("offline")
            << 7 << true << S::RollingBack << QStringLiteral("offline") << 0
            << QStringLiteral("offline");
        QTest::newRow("rollback: the rollout's version is not the target")
            << S::RollingBack << none << hash << QStringLiteral("ab") << 7 << false
            << S::RollingBack << none << 0 << none;
    }

    void deviceEvent()
    {
        QFETCH(S, state);
        QFETCH(QString, stage);
        QFETCH(QString, name);
        QFETCH(QString, data);
        QFETCH(int, eventVersion);
        QFETCH(bool, changes);
        QFETCH(S, newState);
        QFETCH(QString, newStage);
        QFETCH(int, attempts);
        QFETCH(QString, reason);

        const bool rollingBack = state == S::RollingBack;
        RolloutDevice d;
        d.id = QStringLiteral("e00f");
        d.wave = 0;
        d.state = state;
        d.stage = stage;
        d.previousVersion = 5;
        if (state == S::Failed) { // it failed once before
            d.attempts = 1;
            d.reason = QStringLiteral("The device reported that the update failed (attempt 1)");
        }
        d.startedMs = 1000;
        d.updatedMs = 2000;

        const std::optional<RolloutDevice> got
            = applyDeviceEvent(d, name, data, eventVersion, rollingBack ? 5 : 7, 9000);
        QCOMPARE(got.has_value(), changes);
        if (!changes)
            return;
        QCOMPARE(toString(got->state), toString(newState));
        QCOMPARE(got->stage, newStage);
        QCOMPARE(got->attempts, attempts);
        QCOMPARE(got->updatedMs, 9000);
        QCOMPARE(got->startedMs, 1000);
        QCOMPARE(got->id, d.id);
        QCOMPARE(got->wave, 0);
        QCOMPARE(got->previousVersion, 5);
        if (reason.isEmpty())
            QVERIFY2(got->reason.isEmpty(), qPrintable(got->reason));
        else
            QVERIFY2(got->reason.contains(reason), qPrintable(got->reason));
    }

    // ---- wave verdicts ----

    void countWaves()
    {
        QList<RolloutDevice> devices;
        const QList<S> states {S::Pending, S::Sending, S::Waiting, S::Updating, S::Succeeded,
            S::Succeeded, S::Failed, S::TimedOut, S::Cancelled, S::RollingBack, S::RolledBack};
        for (S s : states) {
            RolloutDevice d;
            d.state = s;
            d.wave = 1;
            devices.append(d);
        }
        RolloutDevice other;
        other.wave = 0;
        devices.append(other);
        RolloutDevice skipped;
        skipped.state = S::Skipped;
        devices.append(skipped);

        WaveCounts expected;
        expected.total = 11;
        expected.pending = 2;
        expected.waiting = 1;
        expected.updating = 1;
        expected.succeeded = 2;
        expected.failed = 1;
        expected.timedOut = 1;
        expected.cancelled = 1;
        expected.rollingBack = 1;
        expected.rolledBack = 1;
        const WaveCounts c = countWave(devices, 1);
        QCOMPARE(c, expected);
        QCOMPARE(c.failures(), 2);
        QCOMPARE(c.active(), 5);
        QCOMPARE(countWave(devices, 0).total, 1);
        QCOMPARE(countWave(devices, 0).pending, 1);
        QCOMPARE(countWave(devices, 2), WaveCounts {});
    }

    void evaluate_data()
    {
        QTest::addColumn<Threshold>("success");
        QTest::addColumn<Threshold>("failure");
        QTest::addColumn<int>("succeeded");
        QTest::addColumn<int>("failed");
        QTest::addColumn<int>("timedOut");
        QTest::addColumn<int>("active");
        QTest::addColumn<int>("cancelled");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<WaveVerdict>("verdict");

        const auto C = WaveVerdict::Continue;
        const auto A = WaveVerdict::Advance;
        const auto P = WaveVerdict::Pause;
        const auto D = WaveVerdict::Done;
        const Threshold s95 = percent(95);
        const Threshold f10 = percent(10);
        // a wave of 100 devices: succeeded + failed + timedOut + active + cancelled = 100
        QTest::newRow("just started") << s95 << f10 << 0 << 0 << 0 << 100 << 0 << false << C;
        QTest::newRow("some progress") << s95 << f10 << 50 << 5 << 0 << 45 << 0 << false << C;
        QTest::newRow("success reached") << s95 << f10 << 95 << 0 << 0 << 5 << 0 << false << A;
        QTest::newRow("success reached, few failures")
            << s95 << f10 << 95 << 2 << 1 << 2 << 0 << false << A;
        QTest::newRow("failures reached") << s95 << f10 << 50 << 6 << 4 << 40 << 0 << false << P;
        QTest::newRow("failures first, even at success")
            << percent(50) << f10 << 90 << 10 << 0 << 0 << 0 << false << P;
        QTest::newRow("failures accepted") << s95 << f10 << 50 << 6 << 4 << 40 << 0 << true << C;
        QTest::newRow("failures accepted, all done")
            << s95 << f10 << 80 << 20 << 0 << 0 << 0 << true << D;
        QTest::newRow("all done") << s95 << f10 << 91 << 5 << 0 << 0 << 4 << false << D;
        QTest::newRow("all succeeded") << s95 << f10 << 100 << 0 << 0 << 0 << 0 << false << D;
        QTest::newRow("0% pauses at the first failure")
            << s95 << percent(0) << 10 << 1 << 0 << 89 << 0 << false << P;
        QTest::newRow("count failure threshold")
            << s95 << count(3) << 10 << 2 << 0 << 88 << 0 << false << C;
        QTest::newRow("count failure threshold reached")
            << s95 << count(3) << 10 << 2 << 1 << 87 << 0 << false << P;
        QTest::newRow("count success threshold")
            << count(3) << f10 << 3 << 0 << 0 << 97 << 0 << false << A;
        QTest::newRow("0% success advances at once")
            << percent(0) << f10 << 0 << 0 << 0 << 100 << 0 << false << A;
    }

    void evaluate()
    {
        QFETCH(Threshold, success);
        QFETCH(Threshold, failure);
        QFETCH(int, succeeded);
        QFETCH(int, failed);
        QFETCH(int, timedOut);
        QFETCH(int, active);
        QFETCH(int, cancelled);
        QFETCH(bool, accepted);
        QFETCH(WaveVerdict, verdict);

        WaveSpec wave;
        wave.success = success;
        wave.failure = failure;
        WaveCounts c;
        c.succeeded = succeeded;
        c.failed = failed;
        c.timedOut = timedOut;
        c.waiting = active;
        c.cancelled = cancelled;
        c.total = succeeded + failed + timedOut + active + cancelled;
        QCOMPARE(c.total, 100);
        QCOMPARE(evaluateWave(wave, c, accepted), verdict);
    }

    void evaluateEmptyWave()
    {
        QCOMPARE(evaluateWave(WaveSpec {}, WaveCounts {}, false), WaveVerdict::Done);
    }

    // ---- names ----

    void stateNames()
    {
        QSet<QString> seen;
        for (int i = int(S::Skipped); i <= int(S::RolledBack); ++i) {
            const auto s = S(i);
            const QString text = toString(s);
            QVERIFY(!text.isEmpty());
            QVERIFY(!seen.contains(text));
            seen.insert(text);
            QVERIFY(rolloutDeviceStateFromString(text) == s);
            QVERIFY(!displayName(s).isEmpty());
        }
        QCOMPARE(toString(S::TimedOut), QStringLiteral("timed-out"));
        QCOMPARE(displayName(S::Succeeded), QStringLiteral("Succeeded"));
        QVERIFY(!rolloutDeviceStateFromString(u"Succeeded"));
        QVERIFY(!rolloutDeviceStateFromString(u""));

        const QList<S> terminal {
            S::Succeeded, S::Failed, S::TimedOut, S::Cancelled, S::Skipped, S::RolledBack};
        for (int i = int(S::Skipped); i <= int(S::RolledBack); ++i)
            QCOMPARE(isTerminal(S(i)), terminal.contains(S(i)));

        for (int i = int(RolloutState::Running); i <= int(RolloutState::RolledBack); ++i) {
            const auto s = RolloutState(i);
            QVERIFY(rolloutStateFromString(toString(s)) == s);
            QVERIFY(!displayName(s).isEmpty());
        }
        QCOMPARE(toString(RolloutState::RollingBack), QStringLiteral("rolling-back"));
        QVERIFY(!rolloutStateFromString(u"done"));

        for (WaveState s : {WaveState::Pending, WaveState::Running, WaveState::Finished})
            QVERIFY(waveStateFromString(toString(s)) == s);
        QVERIFY(!waveStateFromString(u"started"));
    }
};

QTEST_GUILESS_MAIN(TestRollout)
#include "tst_rollout.moc"
