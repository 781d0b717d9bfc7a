// SPDX-License-Identifier: MIT
#include "ratelimiter.h"

#include <QTest>

using namespace Flotilla::Sandbox;

class TestRateLimiter final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void allowsUpToTheLimitThenRefuses()
    {
        RateLimiter limiter(5, 300);
        for (int i = 0; i < 5; ++i)
            QVERIFY(limiter.allow(QStringLiteral("a"), 1000));
        QVERIFY(!limiter.allow(QStringLiteral("a"), 1000));
        QCOMPARE(limiter.used(QStringLiteral("a"), 1000), 5); // refused requests are not counted
    }
    void keysAreIndependent()
    {
        RateLimiter limiter(1, 300);
        QVERIFY(limiter.allow(QStringLiteral("a"), 0));
        QVERIFY(!limiter.allow(QStringLiteral("a"), 0));
        QVERIFY(limiter.allow(QStringLiteral("b"), 0));
    }
    void windowSlides()
    {
        RateLimiter limiter(3, 10);
        QVERIFY(limiter.allow(QStringLiteral("a"), 0)); // second 0
        QVERIFY(limiter.allow(QStringLiteral("a"), 5000)); // second 5
        QVERIFY(limiter.allow(QStringLiteral("a"), 9000)); // second 9
        QVERIFY(!limiter.allow(QStringLiteral("a"), 9999));
        QVERIFY(limiter.allow(QStringLiteral("a"), 10000)); // second 0 left the window
        QVERIFY(!limiter.allow(QStringLiteral("a"), 14999));
        QVERIFY(limiter.allow(QStringLiteral("a"), 15000)); // second 5 left too
        QCOMPARE(limiter.used(QStringLiteral("a"), 100000), 0); // long idle: all forgotten
    }
    void defaultParticleLimit()
    {
        RateLimiter limiter(10000, 300);
        int allowed = 0;
        for (int i = 0; i < 12000; ++i)
            allowed += limiter.allow(QStringLiteral("x"), i * 10) ? 1 : 0; // 120 s of traffic
        QCOMPARE(allowed, 10000);
    }
};

QTEST_APPLESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
