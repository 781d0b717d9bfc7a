// SPDX-License-Identifier: MIT
// The console's firmware precedence (Flotilla::Domain::effectiveTarget) and the sandbox's
// (Flotilla::Sandbox::targetedFirmwareVersion) are independent implementations of one rule.
// Every row of the shared table tests/data/precedence.tsv must give the expected target in both.
#include "domain/precedence.h"
#include "precedence.h"
#include "precedencetable.h"

#include <QRandomGenerator>
#include <QTest>

#include <optional>

using namespace Flotilla;
using TestData::PrecedenceRow;
using TestData::shownVersion;

namespace {

std::optional<int> sandboxTarget(bool development, std::optional<int> locked,
    const QList<int> &groupReleases, std::optional<int> productDefault)
{
    Sandbox::TargetInput in;
    in.development = development;
    in.lockedVersion = locked;
    in.groupReleaseVersions = groupReleases;
    in.productDefault = productDefault;
    return Sandbox::targetedFirmwareVersion(in);
}

} // namespace

class TestDomainPrecedence final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_rows
            = TestData::readPrecedenceTable(QString::fromUtf8(FLOTILLA_PRECEDENCE_TABLE), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!m_rows.isEmpty());
    }

    void sharedTable_data() { TestData::addPrecedenceRows(m_rows); }

    void sharedTable()
    {
        QFETCH(bool, development);
        QFETCH(std::optional<int>, locked);
        QFETCH(QList<int>, groupReleases);
        QFETCH(std::optional<int>, productDefault);
        QFETCH(std::optional<int>, expected);
        const std::optional<int> domain
            = Domain::effectiveTarget(development, locked, groupReleases, productDefault);
        const std::optional<int> sandbox
            = sandboxTarget(development, locked, groupReleases, productDefault);
        QCOMPARE(shownVersion(domain), shownVersion(expected));
        QCOMPARE(shownVersion(sandbox), shownVersion(expected));
    }

    // Beyond the table: both implementations agree on many random inputs.
    void randomInputsAgree()
    {
        QRandomGenerator rng(20240501);
        const auto maybeVersion = [&rng]() -> std::optional<int> {
            const int v = static_cast<int>(rng.bounded(7)); // 0: none
            return v == 0 ? std::nullopt : std::optional<int>(v);
        };
        for (int i = 0; i < 5000; ++i) {
            const bool development = rng.bounded(5) == 0;
            const std::optional<int> locked = rng.bounded(3) == 0 ? maybeVersion() : std::nullopt;
            QList<int> groups;
            for (int n = static_cast<int>(rng.bounded(4)); n > 0; --n)
                groups.append(1 + static_cast<int>(rng.bounded(6)));
            const std::optional<int> productDefault = maybeVersion();
            QCOMPARE(
                shownVersion(Domain::effectiveTarget(development, locked, groups, productDefault)),
                shownVersion(sandboxTarget(development, locked, groups, productDefault)));
        }
    }

    // The convenience overload looks up the releases of the device's own groups.
    void deviceOverload_data()
    {
        QTest::addColumn<QStringList>("groups");
        QTest::addColumn<bool>("development");
        QTest::addColumn<std::optional<int>>("locked");
        QTest::addColumn<std::optional<int>>("productDefault");
        QTest::addColumn<std::optional<int>>("expected");
        const std::optional<int> none;
        const QStringList acmeTest {QStringLiteral("acme"), QStringLiteral("acme--berlin"),
            QStringLiteral("acme--berlin--test")};
        const QStringList acmeBerlin {QStringLiteral("acme"), QStringLiteral("acme--berlin")};
        // Released: acme -> 4, acme--berlin--test -> 6, beta-testers -> 5, cobalt -> 2.
        QTest::newRow("no groups: product default")
            << QStringList {} << false << none << std::optional<int>(3) << std::optional(3);
        QTest::newRow("no groups, no default") << QStringList {} << false << none << none << none;
        QTest::newRow("groups without releases: default")
            << QStringList {QStringLiteral("low-battery"), QStringLiteral("acme--hamburg")} << false
            << none << std::optional(3) << std::optional(3);
        QTest::newRow("customer release")
            << acmeBerlin << false << none << std::optional(3) << std::optional(4);
        QTest::newRow("test group canary wins")
            << acmeTest << false << none << std::optional(3) << std::optional(6);
        QTest::newRow("label release above customer release")
            << QStringList {QStringLiteral("acme"), QStringLiteral("beta-testers")} << false << none
            << std::optional(3) << std::optional(5);
        QTest::newRow("group release below default")
            << QStringList {QStringLiteral("cobalt")} << false << none << std::optional(3)
            << std::optional(2);
        QTest::newRow("lock beats canary")
            << acmeTest << false << std::optional(1) << std::optional(3) << std::optional(1);
        QTest::newRow("development ignores all")
            << acmeTest << true << std::optional(1) << std::optional(3) << none;
    }

    void deviceOverload()
    {
        QFETCH(QStringList, groups);
        QFETCH(bool, development);
        QFETCH(std::optional<int>, locked);
        QFETCH(std::optional<int>, productDefault);
        QFETCH(std::optional<int>, expected);
        const QHash<QString, int> released {{QStringLiteral("acme"), 4},
            {QStringLiteral("acme--berlin--test"), 6}, {QStringLiteral("beta-testers"), 5},
            {QStringLiteral("cobalt"), 2}};
        Domain::Device device;
        device.groups = groups;
        device.development = development;
        device.desiredFirmwareVersion = locked;
        QCOMPARE(shownVersion(Domain::effectiveTarget(device, released, productDefault)),
            shownVersion(expected));
    }

private:
    QList<PrecedenceRow> m_rows;
};

QTEST_APPLESS_MAIN(TestDomainPrecedence)
#include "tst_domain_precedence.moc"
