// SPDX-License-Identifier: MIT
// Particle's firmware precedence as one rule table: development > lock > highest group release
// > product default > none.
#include "precedence.h"

#include <QTest>

using namespace Flotilla::Sandbox;

Q_DECLARE_METATYPE(std::optional<int>)

class TestPrecedence final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void target_data()
    {
        QTest::addColumn<bool>("development");
        QTest::addColumn<int>("locked"); // 0: not locked
        QTest::addColumn<QList<int>>("groupReleases");
        QTest::addColumn<int>("productDefault"); // 0: none
        QTest::addColumn<int>("expected"); // 0: no target (null)

        // rule 5: nothing released, nothing locked
        QTest::newRow("nothing") << false << 0 << QList<int> {} << 0 << 0;
        // rule 4: product default
        QTest::newRow("default only") << false << 0 << QList<int> {} << 4 << 4;
        // rule 3: group release
        QTest::newRow("group only") << false << 0 << QList<int> {5} << 0 << 5;
        QTest::newRow("group above default") << false << 0 << QList<int> {5} << 4 << 5;
        QTest::newRow("group below default still wins") << false << 0 << QList<int> {3} << 4 << 3;
        QTest::newRow("highest of several groups") << false << 0 << QList<int> {3, 6, 5} << 4 << 6;
        QTest::newRow("tie between groups") << false << 0 << QList<int> {5, 5} << 4 << 5;
        QTest::newRow("groups tie with default") << false << 0 << QList<int> {4} << 4 << 4;
        // rule 2: lock
        QTest::newRow("lock alone") << false << 2 << QList<int> {} << 0 << 2;
        QTest::newRow("lock beats default") << false << 2 << QList<int> {} << 4 << 2;
        QTest::newRow("lock beats higher group") << false << 2 << QList<int> {6} << 4 << 2;
        QTest::newRow("lock equals group") << false << 5 << QList<int> {5} << 4 << 5;
        QTest::newRow("lock above everything") << false << 7 << QList<int> {6} << 4 << 7;
        // rule 1: development devices are never targeted
        QTest::newRow("development alone") << true << 0 << QList<int> {} << 0 << 0;
        QTest::newRow("development ignores default") << true << 0 << QList<int> {} << 4 << 0;
        QTest::newRow("development ignores groups") << true << 0 << QList<int> {5} << 4 << 0;
        QTest::newRow("development ignores lock") << true << 3 << QList<int> {5} << 4 << 0;
    }

    void target()
    {
        QFETCH(bool, development);
        QFETCH(int, locked);
        QFETCH(QList<int>, groupReleases);
        QFETCH(int, productDefault);
        QFETCH(int, expected);
        TargetInput in;
        in.development = development;
        if (locked)
            in.lockedVersion = locked;
        in.groupReleaseVersions = groupReleases;
        if (productDefault)
            in.productDefault = productDefault;
        const std::optional<int> got = targetedFirmwareVersion(in);
        QCOMPARE(got.has_value(), expected != 0);
        if (expected)
            QCOMPARE(*got, expected);
    }
};

QTEST_APPLESS_MAIN(TestPrecedence)
#include "tst_precedence.moc"
