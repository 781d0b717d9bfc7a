// SPDX-License-Identifier: MIT
// One cache shared by two stores (as by two Flotilla processes): the data version tells each
// when the other wrote, and rollout controls wait in the cache until they are answered.
#include "storetest.h"

#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace StoreTest;

namespace {

qint64 dataVersion(CacheStore &store)
{
    const auto r = await<qint64, QString>([&](auto done) { store.dataVersion(nullptr, done); });
    if (!r || !std::get<1>(*r).isEmpty())
        return -1;
    return std::get<0>(*r);
}

QString setState(CacheStore &store, const QString &key, const QString &value)
{
    const auto r = await<QString>([&](auto done) { store.setSyncState({{key, value}}, done); });
    return r ? std::get<0>(*r) : timeoutError();
}

qint64 request(CacheStore &store, const RolloutControl &control, QString *error = nullptr)
{
    const auto r = await<qint64, QString>(
        [&](auto done) { store.requestRolloutControl(control, nullptr, done); });
    if (error)
        *error = r ? std::get<1>(*r) : timeoutError();
    return r ? std::get<0>(*r) : 0;
}

QList<RolloutControl> pending(CacheStore &store)
{
    const auto r = await<QList<RolloutControl>, QString>(
        [&](auto done) { store.pendingRolloutControls(nullptr, done); });
    return r ? std::get<0>(*r) : QList<RolloutControl>();
}

QString answer(CacheStore &store, const RolloutControl &control)
{
    const auto r
        = await<QString>([&](auto done) { store.answerRolloutControl(control, nullptr, done); });
    return r ? std::get<0>(*r) : timeoutError();
}

RolloutControl read(CacheStore &store, qint64 id, QString *error)
{
    const auto r = await<RolloutControl, QString>(
        [&](auto done) { store.rolloutControl(id, nullptr, done); });
    *error = r ? std::get<1>(*r) : timeoutError();
    return r ? std::get<0>(*r) : RolloutControl();
}

} // namespace

class CacheSharingTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // The data version changes for a store when the other one wrote, never for its own
    // writes: what a process polls to notice another process's changes.
    void dataVersionChangesWithTheOtherWriter()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shared.sqlite"));
        CacheStore a;
        CacheStore b;
        QCOMPARE(open(a, path), QString());
        QCOMPARE(open(b, path), QString());

        const qint64 a0 = dataVersion(a);
        const qint64 b0 = dataVersion(b);
        QVERIFY(a0 >= 0);
        QVERIFY(b0 >= 0);
        QCOMPARE(setState(a, QStringLiteral("k"), QStringLiteral("1")), QString());
        QCOMPARE(dataVersion(a), a0); // its own write
        const qint64 b1 = dataVersion(b);
        QVERIFY(b1 != b0); // the other one's
        QCOMPARE(dataVersion(b), b1); // unchanged until the next write
        QCOMPARE(setState(b, QStringLiteral("k"), QStringLiteral("2")), QString());
        QVERIFY(dataVersion(a) != a0);
        QCOMPARE(dataVersion(b), b1);
    }

    // A control asked through one store is pending for the other until that one answers it;
    // the answer is read back by id, and a control is answered once.
    void rolloutControlsWaitForTheirAnswer()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("controls.sqlite"));
        CacheStore asker;
        CacheStore driver;
        QCOMPARE(open(asker, path), QString());
        QCOMPARE(open(driver, path), QString());

        RolloutControl start;
        start.action = QStringLiteral("start");
        start.spec = QJsonObject {{QStringLiteral("title"), QStringLiteral("v6 to Acme")}};
        RolloutControl pause;
        pause.action = QStringLiteral("pause");
        pause.rolloutId = 7;
        QString error;
        const qint64 startId = request(asker, start, &error);
        QCOMPARE(error, QString());
        const qint64 pauseId = request(asker, pause, &error);
        QCOMPARE(error, QString());
        QVERIFY(startId > 0);
        QVERIFY(pauseId > startId);
        RolloutControl nothing;
        QVERIFY(request(asker, nothing, &error) == 0);
        QVERIFY(!error.isEmpty()); // a control needs an action

        const QList<RolloutControl> waiting = pending(driver);
        QCOMPARE(waiting.size(), 2);
        QCOMPARE(waiting.at(0).id, startId);
        QCOMPARE(waiting.at(0).action, QStringLiteral("start"));
        QCOMPARE(waiting.at(0).spec.value(QStringLiteral("title")).toString(),
            QStringLiteral("v6 to Acme"));
        QVERIFY(waiting.at(0).requestedMs > 0);
        QCOMPARE(waiting.at(1).rolloutId, 7);
        QCOMPARE(waiting.at(1).state, RolloutControl::State::Pending);

        RolloutControl started = waiting.at(0);
        started.state = RolloutControl::State::Done;
        started.resultId = 12;
        QCOMPARE(answer(driver, started), QString());
        RolloutControl refused = waiting.at(1);
        refused.state = RolloutControl::State::Refused;
        refused.result = QStringLiteral("Only a running rollout can be paused.");
        QCOMPARE(answer(driver, refused), QString());
        QVERIFY(!answer(driver, refused).isEmpty()); // answered already
        QVERIFY(pending(asker).isEmpty());

        RolloutControl r = read(asker, startId, &error);
        QCOMPARE(error, QString());
        QCOMPARE(r.state, RolloutControl::State::Done);
        QCOMPARE(r.resultId, 12);
        r = read(asker, pauseId, &error);
        QCOMPARE(r.state, RolloutControl::State::Refused);
        QCOMPARE(r.result, QStringLiteral("Only a running rollout can be paused."));
        read(asker, pauseId + 100, &error);
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(CacheSharingTest)
#include "tst_cachesharing.moc"
