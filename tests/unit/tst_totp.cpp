// SPDX-License-Identifier: MIT
// TOTP (RFC 6238) for the MFA user, against the RFC's SHA-1 test vectors.
#include "totp.h"

#include <QTest>

using namespace Flotilla::Sandbox;

class TestTotp final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rfcVectors_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QString>("code");
        // The RFC lists 8-digit codes; 6-digit codes are their last six digits.
        QTest::newRow("59") << qint64(59) << QStringLiteral("287082");
        QTest::newRow("1111111109") << qint64(1111111109) << QStringLiteral("081804");
        QTest::newRow("1111111111") << qint64(1111111111) << QStringLiteral("050471");
        QTest::newRow("1234567890") << qint64(1234567890) << QStringLiteral("005924");
        QTest::newRow("2000000000") << qint64(2000000000) << QStringLiteral("279037");
    }
    void rfcVectors()
    {
        QFETCH(qint64, time);
        QFETCH(QString, code);
        QCOMPARE(totp(QByteArrayLiteral("12345678901234567890"), time), code);
    }
    void base32()
    {
        QCOMPARE(
            base32Decode(QStringLiteral("JBSWY3DPEHPK3PXP")), QByteArray("Hello!\xde\xad\xbe\xef"));
        QVERIFY(base32Decode(QStringLiteral("not base32!")).isEmpty());
    }
    void verifyAllowsOneStepOfDrift()
    {
        const QByteArray key = QByteArrayLiteral("12345678901234567890");
        const QString code = totp(key, 1111111109);
        QVERIFY(verifyTotp(key, code, 1111111109));
        QVERIFY(verifyTotp(key, code, 1111111109 + 30));
        QVERIFY(!verifyTotp(key, code, 1111111109 + 120));
        QVERIFY(!verifyTotp(key, QStringLiteral("12345"), 1111111109));
    }
};

QTEST_APPLESS_MAIN(TestTotp)
#include "tst_totp.moc"
