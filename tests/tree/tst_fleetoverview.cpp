// SPDX-License-Identifier: MIT
// The fleet overview (per-container counts kept in the cache) and the fleet tree painted from
// it before the devices are read: the same containers with the same counts as the tree built
// from the whole fleet, under QAbstractItemModelTester; the overview's stored form, and the
// stored forms that are refused.
#include "../support/localengine.h"
#include "sync/fleetoverview.h"
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
using Sync::FleetOverview;
using Tree::FleetTreeModel;
using Tree::ItemKind;

namespace {

// The rows of every customer, group and pool (not the devices), depth-first, as text.
QStringList containers(const QAbstractItemModel &m, const QModelIndex &parent = {}, int depth = 0)
{
    QStringList lines;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        if (i.data(Tree::KindRole).value<ItemKind>() == ItemKind::Device)
            continue;
        lines.append(QString(depth * 2, QLatin1Char(' ')) + rowText(i));
        lines += containers(m, i, depth + 1);
    }
    return lines;
}

int deviceRows(const QAbstractItemModel &m, const QModelIndex &parent = {})
{
    int n = 0;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        if (i.data(Tree::KindRole).value<ItemKind>() == ItemKind::Device)
            ++n;
        n += deviceRows(m, i);
    }
    return n;
}

// What the cache holds besides the devices: the fleet without them.
Sync::FleetState withoutDevices(Sync::FleetState state)
{
    state.devices.clear();
    return state;
}

QSet<QString> everyThird(const Sync::FleetState &state)
{
    QSet<QString> pending;
    int i = 0;
    for (auto it = state.devices.cbegin(); it != state.devices.cend(); ++it) {
        if (i++ % 3 == 0)
            pending.insert(it.key());
    }
    return pending;
}

constexpr int CacheTimeoutMs = TestSupport::LocalEngine::CacheTimeoutMs;

} // namespace

class TestFleetOverview final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void treeFromOverviewMatchesTreeFromFleet_data()
    {
        QTest::addColumn<int>("fleet");
        QTest::newRow("small fleet (pools, Needs repair, labels)") << 0;
        QTest::newRow("3,000 generated devices") << 3000;
    }

    // Painted from the overview, every customer, group and pool shows what it shows once the
    // devices are read; then the devices arrive and the tree is the tree of the whole fleet.
    void treeFromOverviewMatchesTreeFromFleet()
    {
        QFETCH(int, fleet);
        const Sync::FleetState state = fleet == 0 ? smallFleet() : generatedFleet(fleet, 7, 99);
        const QSet<QString> pending = everyThird(state);

        FleetTreeModel whole;
        whole.reset(state, pending);

        FleetTreeModel early;
        QAbstractItemModelTester tester(
            &early, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const FleetOverview overview = FleetOverview::of(state, pending);
        QCOMPARE(overview.deviceCount(), state.devices.size());
        early.showOverview(withoutDevices(state), overview);
        QVERIFY(early.showsOverview());
        QCOMPARE(deviceRows(early), 0);
        QVERIFY(containers(early).size() > 5);
        QCOMPARE(containers(early), containers(whole));

        early.reset(state, pending);
        QVERIFY(!early.showsOverview());
        QCOMPARE(dump(early), dump(whole));
    }

    // Devices counted at a node that no longer exists (it was deleted after the overview was
    // written) are counted where the tree would place them: under Needs repair.
    void countsOfAVanishedNodeGoToNeedsRepair()
    {
        const Sync::FleetState state = smallFleet();
        FleetOverview overview = FleetOverview::of(state, {});
        Sync::ContainerCounts gone;
        gone.addDevice(4, true, false, false);
        gone.addDevice(4, false, true, false);
        overview.nodes.insert(QStringLiteral("zulu--gone"), gone);

        FleetTreeModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.showOverview(withoutDevices(state), overview);
        const QModelIndex repair = model.indexForPool(ItemKind::NeedsRepair);
        QCOMPARE(repair.data(Tree::DeviceCountRole).toInt(), overview.needsRepair.devices + 2);
        QCOMPARE(repair.data(Tree::OnlineCountRole).toInt(), overview.needsRepair.online + 1);
        int total = 0;
        for (int r = 0; r < model.rowCount(); ++r)
            total += model.index(r, 0).data(Tree::DeviceCountRole).toInt();
        QCOMPARE(total, overview.deviceCount());
    }

    // A console that quits keeps the overview in the cache; the next start paints the tree from
    // it (with the pending devices the last session had), and then from the devices.
    void nextStartPaintsTheOverviewBeforeTheDevices()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const Sync::FleetState fleet = generatedFleet(3000, 6, 5);
        QStringList expected;
        {
            TestSupport::LocalEngine first;
            QVERIFY(first.open(path, fleet.product.id));
            QVERIFY(first.seed(fleet));
            QSignalSpy overviewLoaded(first.engine.get(), &Sync::SyncEngine::overviewLoaded);
            QSignalSpy loaded(first.engine.get(), &Sync::SyncEngine::loaded);
            first.engine->start(false);
            QVERIFY(loaded.wait(CacheTimeoutMs));
            QCOMPARE(overviewLoaded.count(), 0); // this cache has none yet
            // A local edit: its devices are pending, which the overview counts too.
            QStringList ids;
            for (const Domain::Device &d : fleet.devices) {
                if (!d.groups.contains(QStringLiteral("flotilla-returns")) && ids.size() < 3)
                    ids.append(d.id);
            }
            QVERIFY(first.engine->moveDevices(ids, Domain::MoveTarget::returns()).isEmpty());
            QTRY_COMPARE_WITH_TIMEOUT(first.engine->pendingDevices().size(), 3, CacheTimeoutMs);
            FleetTreeModel whole;
            whole.reset(first.engine->state(), first.engine->pendingDevices());
            expected = containers(whole);
            first.close();
        }

        TestSupport::LocalEngine second;
        QVERIFY(second.open(path, fleet.product.id));
        FleetTreeModel model(second.engine.get());
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QStringList painted;
        bool paintedBeforeLoad = false;
        connect(second.engine.get(), &Sync::SyncEngine::overviewLoaded, this, [&] {
            paintedBeforeLoad = model.showsOverview() && !second.engine->isLoaded();
            painted = containers(model);
        });
        QSignalSpy loaded(second.engine.get(), &Sync::SyncEngine::loaded);
        second.engine->start(false);
        QVERIFY(loaded.wait(CacheTimeoutMs));
        QVERIFY(paintedBeforeLoad);
        QCOMPARE(painted, expected);
        QVERIFY(!model.showsOverview());
        QCOMPARE(model.deviceCount(), 3000);
        QCOMPARE(containers(model), expected);
    }

    void storedFormRoundTrips()
    {
        const Sync::FleetState state = generatedFleet(2000, 5, 7);
        FleetOverview overview = FleetOverview::of(state, everyThird(state));
        overview.writtenMs = 1'780'000'000'123;
        const std::optional<FleetOverview> read = FleetOverview::fromJson(overview.toJson());
        QVERIFY(read);
        QVERIFY(*read == overview);
        QCOMPARE(read->deviceCount(), 2000);
    }

    void damagedStoredFormsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        const QByteArray ok = "[1,1,0,0,[4,1]]";
        const auto with
            = [&ok](const QByteArray &unassigned, const QByteArray &nodes = "{}") -> QByteArray {
            return "{\"format\":1,\"written_ms\":5,\"unassigned\":" + unassigned
                + ",\"returns\":" + ok + ",\"needs_repair\":" + ok + ",\"nodes\":" + nodes + "}";
        };
        QTest::newRow("not JSON") << QByteArray("{\"format\":1,");
        QTest::newRow("an array") << QByteArray("[1,2,3]");
        QTest::newRow("another format")
            << QByteArray(with(ok)).replace("\"format\":1", "\"format\":2");
        QTest::newRow("no nodes") << QByteArray(with(ok)).replace(",\"nodes\":{}", "");
        QTest::newRow("counts not a list") << with("{}");
        QTest::newRow("too few counts") << with("[1,1,0,[4,1]]");
        QTest::newRow("a negative count") << with("[-1,0,0,0,[]]");
        QTest::newRow("a fraction") << with("[1.5,1,0,0,[4,1]]");
        QTest::newRow("a count as text") << with("[\"1\",1,0,0,[4,1]]");
        QTest::newRow("more online than devices") << with("[1,2,0,0,[4,1]]");
        QTest::newRow("more pending than devices") << with("[1,0,0,2,[4,1]]");
        QTest::newRow("firmware does not add up") << with("[2,0,0,0,[4,1]]");
        QTest::newRow("firmware with an odd length") << with("[1,0,0,0,[4,1,5]]");
        QTest::newRow("firmware out of order") << with("[2,0,0,0,[5,1,4,1]]");
        QTest::newRow("firmware with no devices") << with("[1,0,0,0,[4,1,5,0]]");
        QTest::newRow("a node without a path") << with(ok, "{\"\":" + ok + "}");
        QTest::newRow("a damaged node") << with(ok, "{\"acme\":[1,1]}");
    }

    void damagedStoredFormsAreRefused()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!FleetOverview::fromJson(json));
    }

    void wellFormedStoredFormIsRead()
    {
        const QByteArray json = "{\"format\":1,\"written_ms\":5,\"unassigned\":[1,1,0,0,[0,1]],"
                                "\"returns\":[0,0,0,0,[]],\"needs_repair\":[0,0,0,0,[]],"
                                "\"nodes\":{\"acme--berlin\":[3,2,1,1,[4,2,5,1]]}}";
        const std::optional<FleetOverview> read = FleetOverview::fromJson(json);
        QVERIFY(read);
        QCOMPARE(read->deviceCount(), 4);
        const Sync::ContainerCounts berlin = read->nodes.value(QStringLiteral("acme--berlin"));
        QCOMPARE(berlin.online, 2);
        QCOMPARE(berlin.offTarget, 1);
        QCOMPARE(berlin.firmware.size(), std::size_t(2));
        QCOMPARE(berlin.firmware.at(1), std::make_pair(5, 1));
    }
};

QTEST_MAIN(TestFleetOverview)
#include "tst_fleetoverview.moc"
