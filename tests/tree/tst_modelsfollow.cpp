// SPDX-License-Identifier: MIT
// The fleet tree and the device table follow a real SyncEngine by themselves: a cache in a
// temporary folder, the engine paused (edits are queued, nothing is sent, no network). Nobody
// feeds the models here: whatever they show comes from their own connections to the engine.
#include "../support/localengine.h"
#include "tree/devicetablemodel.h"
#include "tree/fleettreemodel.h"
#include "treefixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Flotilla;
using namespace Flotilla::TreeTest;
using Tree::DeviceScope;
using Tree::DeviceTableModel;
using Tree::FleetTreeModel;

namespace {

constexpr int CacheTimeoutMs = TestSupport::LocalEngine::CacheTimeoutMs;

// A cache seeded with a fleet and a paused engine on it, not started yet.
struct Engine : TestSupport::LocalEngine
{
    QTemporaryDir dir;

    bool open(const Sync::FleetState &fleet)
    {
        return LocalEngine::open(dir.filePath(QStringLiteral("cache.sqlite")), fleet.product.id)
            && seed(fleet);
    }
};

QStringList rebuiltTree(const Sync::SyncEngine &engine)
{
    FleetTreeModel m;
    m.reset(engine.state(), engine.pendingDevices());
    return dump(m);
}

QStringList tableIds(const DeviceTableModel &table)
{
    QStringList ids;
    for (int r = 0; r < table.rowCount(); ++r)
        ids.append(table.index(r, 0).data(Tree::DeviceIdRole).toString());
    ids.sort();
    return ids;
}

} // namespace

class TestModelsFollow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void treeIsBuiltWhenTheEngineLoads()
    {
        Engine e;
        QVERIFY(e.open(smallFleet()));
        FleetTreeModel model(e.engine.get());
        const TestedModel tested(&model);
        QCOMPARE(model.deviceCount(), 0);
        QVERIFY(e.start());
        QCOMPARE(model.deviceCount(), 10);
        QCOMPARE(dump(model), rebuiltTree(*e.engine));
    }

    void treeMadeAfterTheLoadIsBuiltAtOnce()
    {
        Engine e;
        QVERIFY(e.open(smallFleet()));
        QVERIFY(e.start());
        FleetTreeModel model(e.engine.get());
        const TestedModel tested(&model);
        QCOMPARE(model.deviceCount(), 10);
        QCOMPARE(dump(model), rebuiltTree(*e.engine));
    }

    void treeFollowsEditsAndPendingChanges()
    {
        Engine e;
        QVERIFY(e.open(smallFleet()));
        QVERIFY(e.start());
        FleetTreeModel model(e.engine.get());
        const TestedModel tested(&model);
        SignalLog log(&model);
        const QPersistentModelIndex alpha = model.indexForDevice(deviceId(1));

        QCOMPARE(e.engine->moveDevices({deviceId(1), deviceId(2)},
                     Domain::MoveTarget::node(QStringLiteral("beta--north"))),
            QString());
        // Granular: the two rows moved, no reset.
        QCOMPARE(log.lines.filter(QStringLiteral("moved")).size(), 2);
        QVERIFY(log.lines.filter(QStringLiteral("reset")).isEmpty());
        QCOMPARE(alpha.parent(), model.indexForNode(QStringLiteral("beta--north")));
        // Queued, not sent: pending once the edit is in the cache.
        QTRY_COMPARE_WITH_TIMEOUT(
            model.indexForNode(QStringLiteral("beta")).data(Tree::PendingCountRole).toInt(), 2,
            CacheTimeoutMs);
        QCOMPARE(dump(model), rebuiltTree(*e.engine));
    }

    void tableShowsItsScopeWhenTheEngineLoads()
    {
        Engine e;
        QVERIFY(e.open(smallFleet()));
        DeviceTableModel table(e.engine.get());
        const QAbstractItemModelTester tester(
            &table, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Chosen before anything is loaded: kept for the load.
        table.setScope(DeviceScope::node(QStringLiteral("acme--berlin")));
        QCOMPARE(table.rowCount(), 0);
        QVERIFY(e.start());
        QCOMPARE(tableIds(table), (QStringList {deviceId(1), deviceId(2), deviceId(3)}));
        QCOMPARE(table.totalInScope(), 3);

        // A new scope reads the engine's fleet.
        table.setScope(DeviceScope::node(QStringLiteral("beta")));
        QCOMPARE(tableIds(table), (QStringList {deviceId(6)}));
    }

    void tableFollowsEditsAndSaysItIsUpdating()
    {
        Engine e;
        QVERIFY(e.open(smallFleet()));
        QVERIFY(e.start());
        DeviceTableModel table(e.engine.get());
        const QAbstractItemModelTester tester(
            &table, QAbstractItemModelTester::FailureReportingMode::QtTest);
        table.setScope(DeviceScope::node(QStringLiteral("beta")));
        QCOMPARE(tableIds(table), (QStringList {deviceId(6)}));
        QVERIFY(!table.isUpdating());

        // Rows that come and go by an edit come and go while the model says it is updating
        // (a view's current row that moves meanwhile is not the user's choice).
        QList<bool> updatingWhenInserted;
        connect(&table, &QAbstractItemModel::rowsInserted, this,
            [&] { updatingWhenInserted.append(table.isUpdating()); });
        QSignalSpy resets(&table, &QAbstractItemModel::modelAboutToBeReset);
        QCOMPARE(e.engine->moveDevices(
                     {deviceId(1)}, Domain::MoveTarget::node(QStringLiteral("beta--north"))),
            QString());
        QCOMPARE(tableIds(table), (QStringList {deviceId(1), deviceId(6)}));
        QCOMPARE(updatingWhenInserted, (QList<bool> {true}));
        QCOMPARE(resets.count(), 0);
        QVERIFY(!table.isUpdating());
        // Queued, not sent: the row is marked pending once the edit is in the cache.
        QTRY_VERIFY_WITH_TIMEOUT(
            table.indexForDevice(deviceId(1)).data(Tree::PendingRole).toBool(), CacheTimeoutMs);
        QVERIFY(!table.indexForDevice(deviceId(6)).data(Tree::PendingRole).toBool());
    }

    void goneEngineLeavesTheModelsAsTheyAre()
    {
        Engine e;
        QVERIFY(e.open(smallFleet()));
        QVERIFY(e.start());
        FleetTreeModel tree(e.engine.get());
        DeviceTableModel table(e.engine.get());
        e.engine.reset();
        QCOMPARE(tree.deviceCount(), 10);
        QCOMPARE(table.rowCount(), 10);
        // Nothing to read a new scope from: kept, the rows stay.
        table.setScope(DeviceScope::node(QStringLiteral("beta")));
        QCOMPARE(table.scope(), DeviceScope::node(QStringLiteral("beta")));
        QCOMPARE(table.rowCount(), 10);
    }
};

QTEST_MAIN(TestModelsFollow)
#include "tst_modelsfollow.moc"
