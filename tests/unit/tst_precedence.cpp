// SPDX-License-Identifier: MIT
// Particle's firmware precedence as one rule table: development > lock > highest group release
// > product default > none. The table is tests/data/precedence.tsv, shared with the console's
// own implementation (tests/domain/tst_domain_precedence.cpp).
#include "precedence.h"
#include "precedencetable.h"

#include <QTest>

#include <optional>

using namespace Flotilla::Sandbox;
using Flotilla::TestData::PrecedenceRow;

class TestPrecedence final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_rows = Flotilla::TestData::readPrecedenceTable(
            QString::fromUtf8(FLOTILLA_PRECEDENCE_TABLE), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // The rows this test had before the table moved to tests/data: none may get lost.
    void keepsTheOriginalRows()
    {
        const QStringList original {QStringLiteral("nothing"), QStringLiteral("default only"),
            QStringLiteral("group only"), QStringLiteral("group above default"),
            QStringLiteral("group below default still wins"),
            QStringLiteral("highest of several groups"), QStringLiteral("tie between groups"),
            QStringLiteral("groups tie with default"), QStringLiteral("lock alone"),
            QStringLiteral("lock beats default"), QStringLiteral("lock beats higher group"),
            QStringLiteral("lock equals group"), QStringLiteral("lock above everything"),
            QStringLiteral("development alone"), QStringLiteral("development ignores default"),
            QStringLiteral("development ignores groups"),
            QStringLiteral("development ignores lock")};
        QStringList names;
        for (const PrecedenceRow &r : std::as_const(m_rows))
            names.append(r.name);
        for (const QString &name : original)
            QVERIFY2(names.contains(name), qPrintable(name));
    }

    void target_data() { Flotilla::TestData::addPrecedenceRows(m_rows); }

    void target()
    {
        QFETCH(bool, development);
        QFETCH(std::optional<int>, locked);
        QFETCH(QList<int>, groupReleases);
        QFETCH(std::optional<int>, productDefault);
        QFETCH(std::optional<int>, expected);
        TargetInput in;
        in.development = development;
        in.lockedVersion = locked;
        in.groupReleaseVersions = groupReleases;
        in.productDefault = productDefault;
        QCOMPARE(Flotilla::TestData::shownVersion(targetedFirmwareVersion(in)),
            Flotilla::TestData::shownVersion(expected));
    }

private:
    QList<PrecedenceRow> m_rows;
};

QTEST_APPLESS_MAIN(TestPrecedence)
#include "tst_precedence.moc"
