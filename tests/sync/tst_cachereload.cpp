// SPDX-License-Identifier: MIT
// SyncEngine::reloadFromCache, without a cloud: two engines on one cache file (as two Flotilla
// processes), each paused (nothing is sent). What one of them wrote reaches the other's fleet and
// pending changes; what a process changes while the cache is being read is kept.
#include "localengine.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using TestSupport::LocalEngine;

namespace {

constexpr int CacheTimeoutMs = LocalEngine::CacheTimeoutMs;

Domain::Group group(const QString &name, const QString &description)
{
    Domain::Group g;
    g.name = name;
    g.description = description;
    return g;
}

QString deviceId(int i)
{
    return QStringLiteral("%1").arg(i, 24, 16, QLatin1Char('0'));
}

// A customer with one group, the Returns pool and six devices in the customer's group.
Sync::FleetState fleet()
{
    Sync::FleetState s;
    s.product.id = 4242;
    s.product.name = QStringLiteral("Tracker");
    for (const Domain::Group &g :
        {group(QStringLiteral("beta"), QStringLiteral("Beta Energy [flotilla:customer]")),
            group(QStringLiteral("beta--north"), QStringLiteral("North [flotilla:group]")),
            group(
                QStringLiteral("flotilla-returns"), QStringLiteral("Returns [flotilla:returns]"))})
        s.groups.insert(g.name, g);
    for (int i = 1; i <= 6; ++i) {
        Domain::Device d;
        d.id = deviceId(i);
        d.name = QStringLiteral("unit-%1").arg(i);
        d.groups = {QStringLiteral("beta"), QStringLiteral("beta--north")};
        s.devices.insert(d.id, d);
    }
    return s;
}

bool inReturns(const Sync::SyncEngine &engine, int device)
{
    return engine.state()
        .devices.value(deviceId(device))
        .groups.contains(QStringLiteral("flotilla-returns"));
}

bool reload(Sync::SyncEngine &engine)
{
    bool done = false;
    engine.reloadFromCache([&] { done = true; });
    return QTest::qWaitFor([&] { return done; }, CacheTimeoutMs);
}

// Waits until every edit handed to the engine's store is written.
bool flushed(LocalEngine &local)
{
    bool done = false;
    local.store->flush([&] { done = true; });
    return QTest::qWaitFor([&] { return done; }, CacheTimeoutMs);
}

} // namespace

class CacheReloadTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // The other engine's move: published to this one as a change of that device, and its
    // change joins this one's pending changes; once sent (marked done in the cache), it leaves.
    void editOfTheOtherEngineArrivesAndLeavesWhenSent()
    {
        const QString path = m_dir.filePath(QStringLiteral("arrives.sqlite"));
        LocalEngine a;
        LocalEngine b;
        QVERIFY(a.open(path, 4242));
        QVERIFY(a.seed(fleet()));
        QVERIFY(b.open(path, 4242));
        QVERIFY(a.start());
        QVERIFY(b.start());

        QCOMPARE(b.engine->moveDevices({deviceId(1)}, Domain::MoveTarget::returns()), QString());
        QVERIFY(flushed(b));
        QSignalSpy changed(a.engine.get(), &Sync::SyncEngine::fleetChanged);
        QSignalSpy external(a.engine.get(), &Sync::SyncEngine::externalChange);
        QVERIFY(reload(*a.engine));
        QVERIFY(inReturns(*a.engine, 1));
        QVERIFY(!inReturns(*a.engine, 2));
        QCOMPARE(changed.count(), 1);
        const auto delta = changed.first().at(0).value<Sync::FleetDelta>();
        QCOMPARE(delta.changedDevices.size(), 1);
        QCOMPARE(delta.changedDevices.first().id, deviceId(1));
        QCOMPARE(external.count(), 1);
        QCOMPARE(a.engine->pendingCount(), 1);
        QVERIFY(a.engine->pendingDevices().contains(deviceId(1)));
        // Read again: nothing new, nothing twice.
        QVERIFY(reload(*a.engine));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(a.engine->pendingCount(), 1);

        // The driver sent it (marked done in the cache): it leaves the pending changes.
        QList<qint64> ids;
        b.store->pendingOutbox([&](QList<Store::OutboxEntry> entries) {
            for (const Store::OutboxEntry &e : entries)
                ids.append(e.id);
        });
        QVERIFY(QTest::qWaitFor([&] { return !ids.isEmpty(); }, CacheTimeoutMs));
        bool completed = false;
        b.store->completeOutbox(ids, {}, [&](QString error) { completed = error.isEmpty(); });
        QVERIFY(QTest::qWaitFor([&] { return completed; }, CacheTimeoutMs));
        QVERIFY(reload(*a.engine));
        QCOMPARE(a.engine->pendingCount(), 0);
        QVERIFY(inReturns(*a.engine, 1));
    }

    // An edit made here while the cache is being read is not in what was read: it is kept
    // (not taken back as if the cache said otherwise) and counted once.
    void editMadeWhileTheCacheIsReadIsKept()
    {
        const QString path = m_dir.filePath(QStringLiteral("kept.sqlite"));
        LocalEngine a;
        LocalEngine b;
        QVERIFY(a.open(path, 4242));
        QVERIFY(a.seed(fleet()));
        QVERIFY(b.open(path, 4242));
        QVERIFY(a.start());
        QVERIFY(b.start());

        QCOMPARE(b.engine->moveDevices({deviceId(3)}, Domain::MoveTarget::returns()), QString());
        QVERIFY(flushed(b));
        bool done = false;
        a.engine->reloadFromCache([&] { done = true; });
        // Queued after the read: the read does not have it.
        QCOMPARE(a.engine->moveDevices({deviceId(4)}, Domain::MoveTarget::returns()), QString());
        QVERIFY(QTest::qWaitFor([&] { return done; }, CacheTimeoutMs));
        QVERIFY(inReturns(*a.engine, 3)); // the other engine's
        QVERIFY(inReturns(*a.engine, 4)); // its own, kept
        QVERIFY(flushed(a));
        QCOMPARE(a.engine->pendingCount(), 2);
        QVERIFY(reload(*a.engine));
        QCOMPARE(a.engine->pendingCount(), 2);
        QVERIFY(inReturns(*a.engine, 4));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(CacheReloadTest)
#include "tst_cachereload.moc"
