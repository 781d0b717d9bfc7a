// SPDX-License-Identifier: MIT
// The undo commands on a real SyncEngine: a cache in a temporary folder, the engine paused
// (nothing is sent, no network), edits made through FleetEditor as their executor, and the tree
// model following the engine's fleetChanged and pendingChanged.
#include "../tree/treefixture.h"
#include "editfixture.h"
#include "tree/fleettreemodel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QStandardPaths>

#include <memory>

using namespace Flotilla;
using namespace Flotilla::TreeTest;
using Flotilla::EditTest::CacheTimeoutMs;
using Tree::FleetTreeModel;

namespace {

// The editor's console with the tree model following its engine, under model testers.
struct Console : EditTest::EditConsole
{
    FleetTreeModel model;
    QSortFilterProxyModel proxy;
    std::unique_ptr<QAbstractItemModelTester> testers[2];

    bool open(const Sync::FleetState &fleet)
    {
        if (!EditConsole::open(fleet))
            return false;
        model.followEngine(engine.get());
        proxy.setSourceModel(&model);
        const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
        testers[0] = std::make_unique<QAbstractItemModelTester>(&model, mode);
        testers[1] = std::make_unique<QAbstractItemModelTester>(&proxy, mode);
        return true;
    }
    QStringList rebuilt() const
    {
        FleetTreeModel m;
        m.reset(engine->state(), engine->pendingDevices());
        return dump(m);
    }
};

} // namespace

class TestEditEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void moveDevicesThroughTheEngine()
    {
        Console c;
        QVERIFY(c.open(smallFleet()));
        QCOMPARE(c.model.deviceCount(), 10);
        Edit::FleetEditor executor(c.engine.get());
        QSignalSpy resets(&c.model, &QAbstractItemModel::modelAboutToBeReset);
        SignalLog log(&c.model);
        const QPersistentModelIndex alpha = c.model.indexForDevice(deviceId(1));

        QUndoStack stack;
        auto command = Edit::MoveDevicesCommand::create(&executor, c.engine->state(),
            {deviceId(1), deviceId(2)}, Domain::MoveTarget::node(QStringLiteral("beta--north")));
        stack.push(command.release());
        QCOMPARE(stack.count(), 1);
        QCOMPARE(log.lines.filter(QStringLiteral("moved")).size(), 2);
        QCOMPARE(alpha.parent(), c.model.indexForNode(QStringLiteral("beta--north")));
        // Queued, not sent: pending once the edit is in the cache.
        QTRY_COMPARE_WITH_TIMEOUT(
            c.model.indexForNode(QStringLiteral("beta")).data(Tree::PendingCountRole).toInt(), 2,
            CacheTimeoutMs);
        QCOMPARE(dump(c.model), c.rebuilt());

        stack.undo();
        QCOMPARE(alpha.parent(), c.model.indexForNode(QStringLiteral("acme--berlin")));
        QCOMPARE(c.engine->state().devices.value(deviceId(1)).groups,
            smallFleet().devices.value(deviceId(1)).groups);
        QTRY_COMPARE_WITH_TIMEOUT(dump(c.model), c.rebuilt(), CacheTimeoutMs);
        QCOMPARE(resets.count(), 0);
    }

    void repairUndoRestoresExactGroups()
    {
        Console c;
        QVERIFY(c.open(smallFleet()));
        Edit::FleetEditor executor(c.engine.get());
        QUndoStack stack;
        stack.push(Edit::MoveDevicesCommand::create(&executor, c.engine->state(), {deviceId(9)},
            Domain::MoveTarget::node(QStringLiteral("beta")))
                       .release());
        QCOMPARE(c.model.indexForDevice(deviceId(9)).parent(),
            c.model.indexForNode(QStringLiteral("beta")));
        stack.undo();
        QCOMPARE(c.engine->state().devices.value(deviceId(9)).groups,
            (QStringList {QStringLiteral("acme"), QStringLiteral("beta")}));
        QCOMPARE(c.model.indexForDevice(deviceId(9)).parent(),
            c.model.indexForPool(Tree::ItemKind::NeedsRepair));
        QTRY_COMPARE_WITH_TIMEOUT(dump(c.model), c.rebuilt(), CacheTimeoutMs);
    }

    void moveSubtreeThroughTheEngine()
    {
        Console c;
        QVERIFY(c.open(smallFleet()));
        Edit::FleetEditor executor(c.engine.get());
        SignalLog log(&c.model);
        const QPersistentModelIndex berlin = c.model.indexForNode(QStringLiteral("acme--berlin"));
        QString error;
        auto command = Edit::MoveNodeCommand::move(&executor, c.engine->state(),
            QStringLiteral("acme--berlin"), QStringLiteral("beta"), QString(), &error);
        QVERIFY2(command, qPrintable(error));
        QUndoStack stack;
        stack.push(command.release());
        QCOMPARE(stack.count(), 1);
        // One edit, one delta: the node row moves once, its devices with it.
        QCOMPARE(log.lines,
            (QStringList {QStringLiteral("aboutToMove acme 0-0 -> beta 0"),
                QStringLiteral("moved acme 0-0 -> beta 0")}));
        QCOMPARE(QModelIndex(berlin), c.model.indexForNode(QStringLiteral("beta--berlin")));
        QVERIFY(c.engine->state().groups.contains(QStringLiteral("beta--berlin--test")));
        // alpha was Acme's: released (nothing is claimed, Beta has no account).
        QVERIFY(c.engine->state().devices.value(deviceId(1)).owner.isEmpty());
        QCOMPARE(dump(c.model), c.rebuilt());

        log.clear();
        stack.undo();
        QCOMPARE(log.lines,
            (QStringList {QStringLiteral("aboutToMove beta 0-0 -> acme 0"),
                QStringLiteral("moved beta 0-0 -> acme 0")}));
        QCOMPARE(QModelIndex(berlin), c.model.indexForNode(QStringLiteral("acme--berlin")));
        QCOMPARE(
            c.engine->state().devices.value(deviceId(1)).owner, QStringLiteral("ops@acme.example"));
        QCOMPARE(c.engine->state().groups.keys(), smallFleet().groups.keys());
        QTRY_COMPARE_WITH_TIMEOUT(dump(c.model), c.rebuilt(), CacheTimeoutMs);

        // A refusal of the engine (the name is taken meanwhile) drops the command.
        Edit::SubtreeEdit clash;
        clash.renames = {
            Domain::GroupRename {QStringLiteral("acme--hamburg"), QStringLiteral("beta--north")}};
        QVERIFY(executor.changeSubtree(clash).contains(QStringLiteral("already exists")));
    }

    void goneEngineRefuses()
    {
        QNetworkAccessManager nam;
        Remote::ClientConfig clientConfig;
        clientConfig.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        Remote::ParticleClient client(&nam, clientConfig);
        Store::CacheStore store;
        auto engine = std::make_unique<Sync::SyncEngine>(&client, &store, &nam, Sync::SyncConfig());
        Edit::FleetEditor executor(engine.get());
        // Not loaded yet: the engine refuses, and says why.
        QVERIFY(!executor.moveDevices({deviceId(1)}, Domain::MoveTarget::returns()).isEmpty());
        engine.reset();
        QVERIFY(!executor.moveDevices({deviceId(1)}, Domain::MoveTarget::returns()).isEmpty());
        QVERIFY(!executor.changeSubtree(Edit::SubtreeEdit()).isEmpty());
        QVERIFY(!executor.setDeviceGroups({}).isEmpty());
    }
};

QTEST_MAIN(TestEditEngine)
#include "tst_editengine.moc"
