// SPDX-License-Identifier: MIT
#include "options.h"

#include <QTest>

using namespace Flotilla::Sandbox;

class TestOptions final : public QObject
{
    Q_OBJECT
    static ParsedOptions parse(QStringList args)
    {
        args.prepend(QStringLiteral("flotilla-sandbox"));
        return parseOptions(args);
    }
private Q_SLOTS:
    void defaults()
    {
        const ParsedOptions p = parse({});
        QVERIFY(p.error.isEmpty());
        QCOMPARE(p.options.port, quint16(0));
        QCOMPARE(p.options.devices, 2000);
        QCOMPARE(p.options.limits.requestsPerWindow, 10000);
        QCOMPARE(p.options.limits.windowSeconds, 300);
        QCOMPARE(p.options.simulation.timeScale, 1.0);
        QVERIFY(p.options.statePath.isEmpty());
        QVERIFY(!p.options.uniformFleet);
        QCOMPARE(p.options.stock, -1); // the demo fleet's default share
    }
    void values()
    {
        const ParsedOptions p = parse({QStringLiteral("--port"), QStringLiteral("8123"),
            QStringLiteral("--seed"), QStringLiteral("42"), QStringLiteral("--devices"),
            QStringLiteral("100000"), QStringLiteral("--customers"), QStringLiteral("9"),
            QStringLiteral("--time-scale"), QStringLiteral("60"), QStringLiteral("--state"),
            QStringLiteral("/tmp/x.db"), QStringLiteral("--fault-error-rate"),
            QStringLiteral("0.2"), QStringLiteral("--fault-drop-rate"), QStringLiteral("0.1"),
            QStringLiteral("--fault-latency-ms"), QStringLiteral("50"),
            QStringLiteral("--rate-limit"), QStringLiteral("99"), QStringLiteral("--uniform-fleet"),
            QStringLiteral("--stock"), QStringLiteral("40")});
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.options.port, quint16(8123));
        QCOMPARE(p.options.seed, quint64(42));
        QCOMPARE(p.options.devices, 100000);
        QCOMPARE(p.options.customers, 9);
        QCOMPARE(p.options.simulation.timeScale, 60.0);
        QCOMPARE(p.options.statePath, QStringLiteral("/tmp/x.db"));
        QCOMPARE(p.options.faults.errorRate, 0.2);
        QCOMPARE(p.options.faults.dropRate, 0.1);
        QCOMPARE(p.options.faults.latencyMs, 50);
        QCOMPARE(p.options.limits.requestsPerWindow, 99);
        QVERIFY(p.options.uniformFleet);
        QCOMPARE(p.options.stock, 40);
        QCOMPARE(parse({QStringLiteral("--stock"), QStringLiteral("0")}).options.stock, 0);
    }
    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("port too big")
            << QStringList {QStringLiteral("--port"), QStringLiteral("70000")};
        QTest::newRow("negative devices")
            << QStringList {QStringLiteral("--devices"), QStringLiteral("-1")};
        QTest::newRow("rate above one")
            << QStringList {QStringLiteral("--fault-error-rate"), QStringLiteral("1.5")};
        QTest::newRow("rates sum above one") << QStringList {QStringLiteral("--fault-error-rate"),
            QStringLiteral("0.6"), QStringLiteral("--fault-drop-rate"), QStringLiteral("0.6")};
        QTest::newRow("not a number")
            << QStringList {QStringLiteral("--time-scale"), QStringLiteral("fast")};
        QTest::newRow("unknown flag") << QStringList {QStringLiteral("--frobnicate")};
        QTest::newRow("positional") << QStringList {QStringLiteral("extra")};
        QTest::newRow("bad seed") << QStringList {QStringLiteral("--seed"), QStringLiteral("x")};
        QTest::newRow("negative stock")
            << QStringList {QStringLiteral("--stock"), QStringLiteral("-3")};
        QTest::newRow("stock not a number")
            << QStringList {QStringLiteral("--stock"), QStringLiteral("lots")};
    }
    void errors()
    {
        QFETCH(QStringList, args);
        const ParsedOptions p = parse(args);
        QVERIFY(!p.error.isEmpty());
        QVERIFY(!p.helpText.isEmpty());
    }
    void help()
    {
        const ParsedOptions p = parse({QStringLiteral("--help")});
        QVERIFY(p.help);
        QVERIFY(p.helpText.contains(QStringLiteral("--time-scale")));
        QVERIFY(p.helpText.contains(QStringLiteral("--fault-drop-rate")));
        QVERIFY(p.helpText.contains(QStringLiteral("--uniform-fleet")));
        QVERIFY(p.helpText.contains(QStringLiteral("--stock")));
    }
};

QTEST_GUILESS_MAIN(TestOptions)
#include "tst_options.moc"
