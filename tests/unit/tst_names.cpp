// SPDX-License-Identifier: MIT
#include "names.h"

#include <QTest>

using namespace Flotilla::Sandbox;

class TestNames final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void groupNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << QStringLiteral("acme") << true;
        QTest::newRow("path encoding") << QStringLiteral("acme--berlin--test") << true;
        QTest::newRow("digits underscore") << QStringLiteral("site_01") << true;
        QTest::newRow("one char") << QStringLiteral("a") << true;
        QTest::newRow("64 chars") << QString(64, QLatin1Char('a')) << true;
        QTest::newRow("65 chars") << QString(65, QLatin1Char('a')) << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("upper case") << QStringLiteral("Acme") << false;
        QTest::newRow("space") << QStringLiteral("acme berlin") << false;
        QTest::newRow("dot") << QStringLiteral("acme.berlin") << false;
        QTest::newRow("slash") << QStringLiteral("acme/berlin") << false;
        QTest::newRow("unicode") << QStringLiteral("m\u00fcnchen") << false;
    }
    void groupNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(isValidGroupName(name), valid);
        // An invalid name always comes with a message that names the problem.
        QCOMPARE(groupNameError(name).isEmpty(), valid);
    }
    void lengthMessageSaysTheLimit()
    {
        QVERIFY(groupNameError(QString(70, QLatin1Char('x'))).contains(QStringLiteral("64")));
    }

    void deviceIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("lower hex") << QStringLiteral("e00fce68aaaaaaaaaaaaaaaa") << true;
        QTest::newRow("upper hex") << QStringLiteral("E00FCE68AAAAAAAAAAAAAAAA") << true;
        QTest::newRow("23 chars") << QStringLiteral("e00fce68aaaaaaaaaaaaaaa") << false;
        QTest::newRow("25 chars") << QStringLiteral("e00fce68aaaaaaaaaaaaaaaaa") << false;
        QTest::newRow("non hex") << QStringLiteral("e00fce68aaaaaaaaaaaaaaag") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void deviceIds()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(isDeviceId(id), valid);
    }
};

QTEST_APPLESS_MAIN(TestNames)
#include "tst_names.moc"
