// SPDX-License-Identifier: MIT
// FleetTreeModel: structure, aggregates, lookups, and the granular signals of every kind of
// delta — always under QAbstractItemModelTester, on the model and through proxies.
#include "tree/fleettreemodel.h"
#include "treefixture.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Flotilla;
using namespace Flotilla::TreeTest;
using Tree::FleetTreeModel;
using Tree::ItemKind;

namespace {

// The model under QAbstractItemModelTester, directly and through a sorting and a recursively
// filtering QSortFilterProxyModel (each with its own tester).
struct Watched
{
    FleetTreeModel model;
    QSortFilterProxyModel sorted;
    QSortFilterProxyModel filtered;
    std::unique_ptr<QAbstractItemModelTester> testers[3];

    Watched()
    {
        sorted.setSourceModel(&model);
        sorted.setDynamicSortFilter(true);
        sorted.sort(FleetTreeModel::NameColumn, Qt::DescendingOrder);
        filtered.setSourceModel(&model);
        filtered.setRecursiveFilteringEnabled(true);
        filtered.setFilterRegularExpression(QStringLiteral("[aeo]"));
        const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
        testers[0] = std::make_unique<QAbstractItemModelTester>(&model, mode);
        testers[1] = std::make_unique<QAbstractItemModelTester>(&sorted, mode);
        testers[2] = std::make_unique<QAbstractItemModelTester>(&filtered, mode);
    }
};

QString dev(int n)
{
    return deviceId(n).right(3);
}

QStringList childNames(const QAbstractItemModel &m, const QModelIndex &parent)
{
    QStringList names;
    for (int r = 0; r < m.rowCount(parent); ++r)
        names.append(m.index(r, 0, parent).data().toString());
    return names;
}

QString cell(const FleetTreeModel &m, const QModelIndex &row, int column)
{
    return m.index(row.row(), column, row.parent()).data().toString();
}

QStringList fresh(const Sync::FleetState &state, const QSet<QString> &pending)
{
    FleetTreeModel rebuilt;
    rebuilt.reset(state, pending);
    return dump(rebuilt);
}

// Every row's text by identity.
QHash<QString, QString> rowsById(const QAbstractItemModel &m, const QModelIndex &parent = {})
{
    QHash<QString, QString> rows;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        rows.insert(rowId(i), rowText(i));
        rows.insert(rowsById(m, i));
    }
    return rows;
}

} // namespace

class TestFleetTreeModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void emptyModelHasThePools()
    {
        Watched w;
        QCOMPARE(childNames(w.model, {}),
            (QStringList {QStringLiteral("Unassigned"), QStringLiteral("Returns"),
                QStringLiteral("Needs repair")}));
        w.model.reset(Sync::FleetState(), {});
        QCOMPARE(w.model.rowCount(), 3);
        QCOMPARE(w.model.columnCount(), int(FleetTreeModel::ColumnCount));
        QCOMPARE(w.model.indexForPool(ItemKind::NeedsRepair).row(), 2);
        QVERIFY(!w.model.indexForPool(ItemKind::Device).isValid());
    }

    void structureAndOrder()
    {
        Watched w;
        w.model.reset(smallFleet(), {deviceId(2)});
        const FleetTreeModel &m = w.model;
        QCOMPARE(childNames(m, {}),
            (QStringList {QStringLiteral("Acme Logistics"), QStringLiteral("Beta Energy"),
                QStringLiteral("Unassigned"), QStringLiteral("Returns"),
                QStringLiteral("Needs repair")}));
        const QModelIndex acme = m.indexForNode(QStringLiteral("acme"));
        QCOMPARE(childNames(m, acme),
            (QStringList {QStringLiteral("Berlin depot"), QStringLiteral("Hamburg port"),
                QStringLiteral("delta")}));
        // Groups before devices; devices by name, case-insensitively.
        QCOMPARE(childNames(m, m.indexForNode(QStringLiteral("acme--berlin"))),
            (QStringList {QStringLiteral("Berlin test bench"), QStringLiteral("alpha"),
                QStringLiteral("Bravo")}));
        QCOMPARE(childNames(m, m.indexForPool(ItemKind::NeedsRepair)),
            (QStringList {QStringLiteral("india"), QStringLiteral("juliet")}));
        QCOMPARE(childNames(m, m.indexForPool(ItemKind::Unassigned)),
            QStringList {QStringLiteral("golf")});
        QCOMPARE(childNames(m, m.indexForPool(ItemKind::Returns)),
            QStringList {QStringLiteral("hotel")});

        // Kinds on every row.
        QCOMPARE(acme.data(Tree::KindRole).toInt(), int(ItemKind::Customer));
        QCOMPARE(m.indexForNode(QStringLiteral("acme--berlin")).data(Tree::KindRole).toInt(),
            int(ItemKind::Group));
        QCOMPARE(m.indexForDevice(deviceId(1)).data(Tree::KindRole).toInt(), int(ItemKind::Device));
        QCOMPARE(
            m.indexForPool(ItemKind::Returns).data(Tree::KindRole).toInt(), int(ItemKind::Returns));
        QCOMPARE(acme.data(Tree::AccountRole).toString(), QStringLiteral("ops@acme.example"));
        QCOMPARE(acme.data(Tree::NodePathRole).toString(), QStringLiteral("acme"));
        QVERIFY(!acme.data(Tree::DeviceIdRole).isValid());
        QVERIFY(m.indexForNode(QStringLiteral("beta-testers")) == QModelIndex()); // a label
        QVERIFY(!m.indexForDevice(QStringLiteral("nope")).isValid());
        QCOMPARE(m.deviceCount(), 10);

        QCOMPARE(m.headerData(FleetTreeModel::NameColumn, Qt::Horizontal).toString(),
            QStringLiteral("Name"));
        QCOMPARE(m.headerData(FleetTreeModel::OffTargetColumn, Qt::Horizontal).toString(),
            QStringLiteral("Off target"));
        QCOMPARE(m.headerData(FleetTreeModel::PendingColumn, Qt::Horizontal).toString(),
            QStringLiteral("Pending"));
    }

    void aggregates()
    {
        Watched w;
        w.model.reset(smallFleet(), {deviceId(2)});
        const FleetTreeModel &m = w.model;
        const QModelIndex acme = m.indexForNode(QStringLiteral("acme"));
        // alpha v4 online, Bravo v3 (targeted v4), charlie v5 online, delta v4, echo v4.
        QCOMPARE(cell(m, acme, FleetTreeModel::DevicesColumn), QStringLiteral("5"));
        QCOMPARE(cell(m, acme, FleetTreeModel::OnlineColumn), QStringLiteral("2"));
        QCOMPARE(cell(m, acme, FleetTreeModel::FirmwareColumn),
            QStringLiteral("v3 \u00d71, v4 \u00d73, v5 \u00d71"));
        QCOMPARE(cell(m, acme, FleetTreeModel::OffTargetColumn), QStringLiteral("1"));
        QCOMPARE(cell(m, acme, FleetTreeModel::PendingColumn), QStringLiteral("1"));
        QCOMPARE(acme.data(Tree::DeviceCountRole).toInt(), 5);
        QCOMPARE(acme.data(Tree::FirmwareVersionsRole).toMap(),
            (QVariantMap {
                {QStringLiteral("3"), 1}, {QStringLiteral("4"), 3}, {QStringLiteral("5"), 1}}));
        const QModelIndex berlin = m.indexForNode(QStringLiteral("acme--berlin"));
        QCOMPARE(berlin.data(Tree::DeviceCountRole).toInt(), 3);
        QCOMPARE(berlin.data(Tree::OnlineCountRole).toInt(), 2);
        QCOMPARE(berlin.data(Tree::OffTargetCountRole).toInt(), 1);
        QCOMPARE(berlin.data(Tree::PendingCountRole).toInt(), 1);
        // foxtrot runs v2, targeted at the product default v3.
        QCOMPARE(m.indexForNode(QStringLiteral("beta")).data(Tree::OffTargetCountRole).toInt(), 1);
        const QModelIndex unassigned = m.indexForPool(ItemKind::Unassigned);
        QCOMPARE(
            cell(m, unassigned, FleetTreeModel::FirmwareColumn), QStringLiteral("none \u00d71"));

        const QModelIndex bravo = m.indexForDevice(deviceId(2));
        QCOMPARE(cell(m, bravo, FleetTreeModel::FirmwareColumn), QStringLiteral("v3"));
        QCOMPARE(cell(m, bravo, FleetTreeModel::OffTargetColumn), QStringLiteral("\u2192 v4"));
        QCOMPARE(cell(m, bravo, FleetTreeModel::PendingColumn), QStringLiteral("pending"));
        QCOMPARE(cell(m, bravo, FleetTreeModel::OnlineColumn), QStringLiteral("offline"));
        QCOMPARE(bravo.data(Tree::TargetVersionRole).toInt(), 4);
        QCOMPARE(bravo.data(Tree::FirmwareVersionRole).toInt(), 3);
        QCOMPARE(bravo.data(Tree::PendingRole).toBool(), true);
        QCOMPARE(bravo.data(Tree::DeviceCountRole).toInt(), 1);

        const QModelIndex india = m.indexForDevice(deviceId(9));
        QVERIFY(india.data(Tree::PlacementProblemRole)
                    .toString()
                    .contains(QStringLiteral("more than one customer")));
        QVERIFY(india.data(Qt::ToolTipRole).toString().contains(deviceId(9)));
        QVERIFY(m.indexForDevice(deviceId(10))
                    .data(Tree::PlacementProblemRole)
                    .toString()
                    .contains(QStringLiteral("acme--berlin")));
        QVERIFY(
            m.indexForDevice(deviceId(1)).data(Tree::PlacementProblemRole).toString().isEmpty());
    }

    void flagsAndParents()
    {
        Watched w;
        w.model.reset(smallFleet(), {});
        const FleetTreeModel &m = w.model;
        const QModelIndex charlie = m.indexForDevice(deviceId(3));
        QCOMPARE(m.parent(charlie), m.indexForNode(QStringLiteral("acme--berlin--test")));
        QCOMPARE(m.parent(m.parent(charlie)), m.indexForNode(QStringLiteral("acme--berlin")));
        QVERIFY(!m.parent(m.indexForNode(QStringLiteral("acme"))).isValid());
        QVERIFY(m.flags(charlie).testFlag(Qt::ItemIsDragEnabled));
        QVERIFY(!m.flags(charlie).testFlag(Qt::ItemIsDropEnabled));
        QVERIFY(m.flags(m.indexForNode(QStringLiteral("acme--berlin")))
                    .testFlag(Qt::ItemIsDropEnabled));
        QVERIFY(m.flags(m.indexForPool(ItemKind::Returns)).testFlag(Qt::ItemIsDropEnabled));
        QVERIFY(!m.flags(m.indexForPool(ItemKind::NeedsRepair)).testFlag(Qt::ItemIsDropEnabled));
        QVERIFY(!m.flags(m.indexForPool(ItemKind::Returns)).testFlag(Qt::ItemIsDragEnabled));
        QCOMPARE(m.flags(QModelIndex()), Qt::NoItemFlags);
    }

    // A device whose node changes is one rowsMoved pair: selection and persistent indexes
    // follow it; the old and the new ancestors get dataChanged for their aggregate columns.
    void deviceMoveIsOneMove()
    {
        Watched w;
        Sync::FleetState s = smallFleet();
        w.model.reset(s, {});
        QItemSelectionModel selection(&w.model);
        const QPersistentModelIndex alpha = w.model.indexForDevice(deviceId(1));
        selection.select(alpha, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QSignalSpy resets(&w.model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy layouts(&w.model, &QAbstractItemModel::layoutAboutToBeChanged);
        SignalLog log(&w.model);

        const Sync::FleetDelta delta = moveDevices(
            s, {deviceId(1)}, Domain::MoveTarget::node(QStringLiteral("beta--north")));
        w.model.applyDelta(s, delta);

        QCOMPARE(log.lines,
            (QStringList {QStringLiteral("aboutToMove acme--berlin 1-1 -> beta--north 0"),
                QStringLiteral("moved acme--berlin 1-1 -> beta--north 0")}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(layouts.count(), 0);
        QVERIFY(alpha.isValid());
        QCOMPARE(QModelIndex(alpha), w.model.indexForDevice(deviceId(1)));
        QCOMPARE(alpha.parent(), w.model.indexForNode(QStringLiteral("beta--north")));
        QVERIFY(selection.isSelected(alpha));
        for (const QString &ancestor : {QStringLiteral("acme--berlin"), QStringLiteral("acme"),
                 QStringLiteral("beta--north"), QStringLiteral("beta")}) {
            QVERIFY2(log.changed.contains(ancestor + QStringLiteral(" 0-5")), qPrintable(ancestor));
        }
        QVERIFY(!log.changedRows.contains(QStringLiteral("acme--hamburg")));
        // Its target changed with its groups (v4 from acme -> the product default v3).
        QVERIFY(log.changedRows.contains(dev(1)));
        QCOMPARE(
            w.model.indexForNode(QStringLiteral("beta")).data(Tree::DeviceCountRole).toInt(), 2);
        QCOMPARE(
            w.model.indexForNode(QStringLiteral("acme")).data(Tree::DeviceCountRole).toInt(), 4);
        QCOMPARE(dump(w.model), fresh(s, {}));
    }

    void moveWithinTheSameCustomerAndToPools()
    {
        Watched w;
        Sync::FleetState s = smallFleet();
        w.model.reset(s, {});
        SignalLog log(&w.model);
        // Bravo: acme--berlin -> acme (its ancestor); then to Returns; golf: Unassigned -> acme.
        w.model.applyDelta(
            s, moveDevices(s, {deviceId(2)}, Domain::MoveTarget::node(QStringLiteral("acme"))));
        QCOMPARE(log.lines,
            (QStringList {QStringLiteral("aboutToMove acme--berlin 2-2 -> acme 2"),
                QStringLiteral("moved acme--berlin 2-2 -> acme 2")}));
        log.clear();
        w.model.applyDelta(
            s, moveDevices(s, {deviceId(2), deviceId(7)}, Domain::MoveTarget::returns()));
        QCOMPARE(log.lines.size(), 4);
        QVERIFY(log.lines.at(0).startsWith(QStringLiteral("aboutToMove acme 2-2 -> <returns>")));
        QVERIFY(log.lines.at(2).startsWith(
            QStringLiteral("aboutToMove <unassigned> 0-0 -> <returns>")));
        QCOMPARE(childNames(w.model, w.model.indexForPool(ItemKind::Returns)),
            (QStringList {
                QStringLiteral("Bravo"), QStringLiteral("golf"), QStringLiteral("hotel")}));
        QCOMPARE(w.model.rowCount(w.model.indexForPool(ItemKind::Unassigned)), 0);
        // Repairing a Needs repair device moves it out of the pool.
        log.clear();
        w.model.applyDelta(
            s, moveDevices(s, {deviceId(9)}, Domain::MoveTarget::node(QStringLiteral("beta"))));
        QCOMPARE(log.lines,
            (QStringList {QStringLiteral("aboutToMove <repair> 0-0 -> beta 1"),
                QStringLiteral("moved <repair> 0-0 -> beta 1")}));
        QVERIFY(w.model.indexForDevice(deviceId(9))
                    .data(Tree::PlacementProblemRole)
                    .toString()
                    .isEmpty());
        QCOMPARE(dump(w.model), fresh(s, {}));
    }

    void addAndRemoveDevices()
    {
        Watched w;
        Sync::FleetState s = smallFleet();
        w.model.reset(s, {});
        SignalLog log(&w.model);
        Sync::FleetState next = s;
        const QStringList berlin = chain(QStringLiteral("acme--berlin"));
        addDevice(next, device(20, QStringLiteral("Aardvark"), berlin, 4));
        addDevice(next, device(21, QStringLiteral("zulu"), berlin, 4, true));
        addDevice(next, device(22, QStringLiteral("b1"), berlin, 4));
        addDevice(next, device(23, QStringLiteral("b2"), berlin, 4));
        addDevice(next, device(24, QStringLiteral("kilo"), {}, 0));
        retarget(next);
        w.model.applyDelta(s, follow(s, next));
        // Devices that go between the same two rows arrive in one rowsInserted.
        QStringList inserted = log.lines.filter(QStringLiteral("inserted"));
        inserted.sort();
        QCOMPARE(inserted,
            (QStringList {QStringLiteral("inserted <unassigned> 1-1"),
                QStringLiteral("inserted acme--berlin 1-1"),
                QStringLiteral("inserted acme--berlin 3-4"),
                QStringLiteral("inserted acme--berlin 6-6")}));
        QCOMPARE(log.lines.size(), 8);
        QCOMPARE(childNames(w.model, w.model.indexForNode(QStringLiteral("acme--berlin"))),
            (QStringList {QStringLiteral("Berlin test bench"), QStringLiteral("Aardvark"),
                QStringLiteral("alpha"), QStringLiteral("b1"), QStringLiteral("b2"),
                QStringLiteral("Bravo"), QStringLiteral("zulu")}));
        QCOMPARE(
            w.model.indexForNode(QStringLiteral("acme")).data(Tree::DeviceCountRole).toInt(), 9);
        QCOMPARE(dump(w.model), fresh(s, {}));

        log.clear();
        next = s;
        next.devices.remove(deviceId(1));
        next.devices.remove(deviceId(24));
        w.model.applyDelta(s, follow(s, next));
        QStringList removed = log.lines.filter(QStringLiteral("removed"));
        removed.sort();
        QCOMPARE(removed,
            (QStringList {QStringLiteral("removed <unassigned> 1-1"),
                QStringLiteral("removed acme--berlin 2-2")}));
        QCOMPARE(log.lines.size(), 4);
        QVERIFY(!w.model.indexForDevice(deviceId(1)).isValid());
        QCOMPARE(dump(w.model), fresh(s, {}));
    }

    void changedFieldsAreDataChanged()
    {
        Watched w;
        Sync::FleetState s = smallFleet();
        w.model.reset(s, {});
        SignalLog log(&w.model);
        Sync::FleetState next = s;
        next.devices[deviceId(3)].online = false;
        next.devices[deviceId(3)].firmwareVersion = 4;
        w.model.applyDelta(s, follow(s, next));
        QVERIFY(log.lines.isEmpty());
        QVERIFY(log.changed.contains(dev(3) + QStringLiteral(" 0-5")));
        QCOMPARE(log.changedRows,
            (QSet<QString> {dev(3), QStringLiteral("acme--berlin--test"),
                QStringLiteral("acme--berlin"), QStringLiteral("acme")}));
        const QModelIndex test = w.model.indexForNode(QStringLiteral("acme--berlin--test"));
        QCOMPARE(test.data(Tree::OffTargetCountRole).toInt(), 1);
        QCOMPARE(test.data(Tree::OnlineCountRole).toInt(), 0);
        QCOMPARE(dump(w.model), fresh(s, {}));

        // A change the tree does not show (last heard) signals nothing at all.
        log.clear();
        next = s;
        next.devices[deviceId(3)].lastHeardMs = 12345;
        w.model.applyDelta(s, follow(s, next));
        QVERIFY(log.lines.isEmpty());
        QVERIFY(log.changed.isEmpty());
    }

    void renamedDeviceMovesToItsPlace()
    {
        Watched w;
        Sync::FleetState s = smallFleet();
        w.model.reset(s, {});
        SignalLog log(&w.model);
        Sync::FleetState next = s;
        next.devices[deviceId(1)].name = QStringLiteral("Zed");
        w.model.applyDelta(s, follow(s, next));
        QCOMPARE(log.lines,
            (QStringList {QStringLiteral("aboutToMove acme--berlin 1-1 -> acme--berlin 3"),
                QStringLiteral("moved acme--berlin 1-1 -> acme--berlin 3")}));
        QVERIFY(log.changedRows.contains(dev(1)));
        QCOMPARE(dump(w.model), fresh(s, {}));
    }

    void groupNodeAddedAndRemoved()
    {
        Watched w;
        Sync::FleetState s = smallFleet();
        w.model.reset(s, {});
        SignalLog log(&w.model);
        Sync::FleetState next = s;
        next.groups.insert(QStringLiteral("acme--berlin--spare"),
            group(QStringLiteral("acme--berlin--spare"), QStringLiteral("Spare [flotilla:group]")));
        w.model.applyDelta(s, follow(s, next));
        QCOMPARE(log.lines,
            (QStringList {QStringLiteral("aboutToInsert acme--berlin 1-1"),
                QStringLiteral("inserted acme--berlin 1-1")}));
        QCOMPARE(w.model.indexForNode(QStringLiteral("acme--berlin--spare")).row(), 1);
        QCOMPARE(dump(w.model), fresh(s, {}));

        log.clear();
        next = s;
        next.groups.remove(QStringLiteral("acme--berlin--spare"));
        w.model.applyDelta(s, follow(s, next));
        QCOMPARE(log.lines,
            (QStringList {QStringLiteral("aboutToRemove acme--berlin 1-1"),
                QStringLiteral("removed acme--berlin 1-1")}));
        QCOMPARE(dump(w.model), fresh(s, {}));

        // A new customer goes among the customers by title.
        log.clear();
        next = s;
        next.groups.insert(QStringLiteral("zeta"),
            group(QStringLiteral("zeta"), QStringLiteral("Aardvark Inc [flotilla:customer]")));
        w.model.applyDelta(s, follow(s, next));
        QCOMPARE(log.lines,
            (QStringList {
                QStringLiteral("aboutToInsert root 0-0"), QStringLiteral("inserted root 0-0")}));
        QCOMPARE(dump(w.model), fresh(s, {}));
    }

    // Moving a subtree (group renames + member delta, as planSubtreeMove plans it) is one move
    // of the node row; its devices travel with it.
    void subtreeMoveIsOneMove()
    {
        Watched w;
        Sync::FleetState s = smallFleet();
        w.model.reset(s, {});
        const QPersistentModelIndex berlin = w.model.indexForNode(QStringLiteral("acme--berlin"));
        const QPersistentModelIndex charlie = w.model.indexForDevice(deviceId(3));
        SignalLog log(&w.model);

        const Domain::SubtreeChange change = Domain::planSubtreeMove(
            s.hierarchy(), QStringLiteral("acme--berlin"), QStringLiteral("beta"));
        QVERIFY2(change.ok(), qPrintable(change.error));
        Sync::FleetState next = s;
        const QStringList members {deviceId(1), deviceId(2), deviceId(3)};
        renameGroups(next, change.renames);
        for (const QString &id : members)
            next.devices[id].groups
                = Domain::applyDelta(next.devices[id].groups, change.memberDelta);
        retarget(next);
        w.model.applyDelta(s, follow(s, next));

        QCOMPARE(log.lines,
            (QStringList {QStringLiteral("aboutToMove acme 0-0 -> beta 0"),
                QStringLiteral("moved acme 0-0 -> beta 0")}));
        QVERIFY(berlin.isValid());
        QCOMPARE(QModelIndex(berlin), w.model.indexForNode(QStringLiteral("beta--berlin")));
        QCOMPARE(berlin.data(Tree::NodePathRole).toString(), QStringLiteral("beta--berlin"));
        QVERIFY(!w.model.indexForNode(QStringLiteral("acme--berlin")).isValid());
        QCOMPARE(charlie.parent(), w.model.indexForNode(QStringLiteral("beta--berlin--test")));
        QVERIFY(log.changedRows.contains(QStringLiteral("beta--berlin--test"))); // its path
        QCOMPARE(
            w.model.indexForNode(QStringLiteral("beta")).data(Tree::DeviceCountRole).toInt(), 4);
        QCOMPARE(
            w.model.indexForNode(QStringLiteral("acme")).data(Tree::DeviceCountRole).toInt(), 2);
        QCOMPARE(dump(w.model), fresh(s, {}));
    }

    // Renaming a node in place changes paths, not places: no structural signal at all when
    // the title is unchanged; dataChanged for every renamed row.
    void renameInPlaceKeepsRows()
    {
        Watched w;
        Sync::FleetState s = smallFleet();
        w.model.reset(s, {});
        SignalLog log(&w.model);
        const Domain::SubtreeChange change = Domain::planNodeRename(
            s.hierarchy(), QStringLiteral("acme"), QStringLiteral("acme-log"));
        QVERIFY2(change.ok(), qPrintable(change.error));
        Sync::FleetState next = s;
        renameGroups(next, change.renames);
        w.model.applyDelta(s, follow(s, next));
        QVERIFY2(log.lines.isEmpty(), qPrintable(log.lines.join(QLatin1Char('\n'))));
        for (const QString &path : {QStringLiteral("acme-log"), QStringLiteral("acme-log--berlin"),
                 QStringLiteral("acme-log--berlin--test"), QStringLiteral("acme-log--hamburg")})
            QVERIFY2(log.changedRows.contains(path), qPrintable(path));
        QCOMPARE(w.model.indexForNode(QStringLiteral("acme-log")).row(), 0);
        QCOMPARE(dump(w.model), fresh(s, {}));
    }

    void retitledNodeMovesToItsPlace()
    {
        Watched w;
        Sync::FleetState s = smallFleet();
        w.model.reset(s, {});
        SignalLog log(&w.model);
        Sync::FleetState next = s;
        next.groups[QStringLiteral("acme--hamburg")].description
            = QStringLiteral("Aachen port [flotilla:group]");
        w.model.applyDelta(s, follow(s, next));
        QCOMPARE(log.lines,
            (QStringList {QStringLiteral("aboutToMove acme 1-1 -> acme 0"),
                QStringLiteral("moved acme 1-1 -> acme 0")}));
        QCOMPARE(w.model.indexForNode(QStringLiteral("acme--hamburg")).data().toString(),
            QStringLiteral("Aachen port"));
        QVERIFY(log.changedRows.contains(QStringLiteral("acme--hamburg")));
        QCOMPARE(dump(w.model), fresh(s, {}));

        // The customer account is data too.
        log.clear();
        next = s;
        next.groups[QStringLiteral("acme")].description
            = QStringLiteral("Acme Logistics [flotilla:customer account=new@acme.example]");
        w.model.applyDelta(s, follow(s, next));
        QVERIFY(log.lines.isEmpty());
        QCOMPARE(w.model.indexForNode(QStringLiteral("acme")).data(Tree::AccountRole).toString(),
            QStringLiteral("new@acme.example"));
        QCOMPARE(dump(w.model), fresh(s, {}));
    }

    // A deleted group (Particle drops the memberships too): its devices move up, then the row
    // goes. A broken tag makes the group a label: its branch leaves the tree and its devices
    // go to Needs repair or up.
    void deletedAndBrokenGroups()
    {
        Watched w;
        Sync::FleetState s = smallFleet();
        w.model.reset(s, {});
        SignalLog log(&w.model);
        Sync::FleetState next = s;
        next.groups.remove(QStringLiteral("acme--hamburg"));
        next.devices[deviceId(5)].groups.removeAll(QStringLiteral("acme--hamburg"));
        w.model.applyDelta(s, follow(s, next));
        QCOMPARE(log.lines,
            (QStringList {QStringLiteral("aboutToMove acme--hamburg 0-0 -> acme 3"),
                QStringLiteral("moved acme--hamburg 0-0 -> acme 3"),
                QStringLiteral("aboutToRemove acme 1-1"), QStringLiteral("removed acme 1-1")}));
        QCOMPARE(dump(w.model), fresh(s, {}));

        log.clear();
        next = s;
        next.groups[QStringLiteral("acme--berlin")].description
            = QStringLiteral("Berlin depot [flotilla:grop]");
        w.model.applyDelta(s, follow(s, next));
        // acme--berlin is a label now, acme--berlin--test an orphan: alpha, Bravo, charlie sit
        // at acme, and so does juliet (acme plus what is only a label now).
        QCOMPARE(log.lines.filter(QRegularExpression(QStringLiteral("^moved "))).size(), 4);
        QCOMPARE(log.lines.filter(QStringLiteral("removed")),
            (QStringList {
                QStringLiteral("removed acme--berlin 0-0"), QStringLiteral("removed acme 0-0")}));
        QVERIFY(!w.model.indexForNode(QStringLiteral("acme--berlin")).isValid());
        QCOMPARE(w.model.rowCount(w.model.indexForPool(ItemKind::NeedsRepair)), 1);
        QCOMPARE(w.model.rowCount(w.model.indexForNode(QStringLiteral("acme"))), 6);
        QCOMPARE(dump(w.model), fresh(s, {}));

        // Fixing the tag brings the branch back, and the devices into it.
        log.clear();
        next = s;
        next.groups[QStringLiteral("acme--berlin")].description
            = QStringLiteral("Berlin depot [flotilla:group]");
        w.model.applyDelta(s, follow(s, next));
        QCOMPARE(log.lines.filter(QStringLiteral("inserted")),
            (QStringList {
                QStringLiteral("inserted acme 0-0"), QStringLiteral("inserted acme--berlin 0-0")}));
        QCOMPARE(log.lines.filter(QRegularExpression(QStringLiteral("^moved "))).size(),
            4); // juliet back to repair
        QCOMPARE(dump(w.model), fresh(s, {}));
    }

    void pendingChangesOnlyTheFlippedRows()
    {
        Watched w;
        Sync::FleetState s = smallFleet();
        w.model.reset(s, {deviceId(2)});
        SignalLog log(&w.model);
        w.model.setPending({deviceId(2), deviceId(3)});
        QVERIFY(log.lines.isEmpty());
        QCOMPARE(log.changedRows,
            (QSet<QString> {dev(3), QStringLiteral("acme--berlin--test"),
                QStringLiteral("acme--berlin"), QStringLiteral("acme")}));
        QCOMPARE(
            w.model.indexForNode(QStringLiteral("acme")).data(Tree::PendingCountRole).toInt(), 2);
        log.clear();
        w.model.setPending({deviceId(3)});
        QCOMPARE(log.changedRows,
            (QSet<QString> {dev(2), QStringLiteral("acme--berlin"), QStringLiteral("acme")}));
        log.clear();
        w.model.setPending({deviceId(3), QStringLiteral("unknown")});
        QVERIFY(log.changed.isEmpty());
        QCOMPARE(dump(w.model), fresh(s, {deviceId(3)}));
        // A device added while pending is counted.
        Sync::FleetState next = s;
        addDevice(next, device(30, QStringLiteral("new"), {}, 0));
        w.model.setPending({deviceId(3), deviceId(30)});
        w.model.applyDelta(s, follow(s, next));
        QCOMPARE(
            w.model.indexForPool(ItemKind::Unassigned).data(Tree::PendingCountRole).toInt(), 1);
        QCOMPARE(dump(w.model), fresh(s, {deviceId(3), deviceId(30)}));
    }

    void deltaNamingUnknownDevices()
    {
        Watched w;
        Sync::FleetState s = smallFleet();
        w.model.reset(s, {});
        Sync::FleetDelta delta;
        delta.removedDevices.append(QStringLiteral("not-there"));
        Domain::Device d = device(40, QStringLiteral("late"), {}, 0);
        delta.changedDevices.append(d); // "changed" but new to the model: inserted
        Sync::apply(s, delta);
        w.model.applyDelta(s, delta);
        QVERIFY(w.model.indexForDevice(deviceId(40)).isValid());
        QCOMPARE(dump(w.model), fresh(s, {}));
        // A device named twice in one delta: one row, with the last value.
        Sync::FleetDelta twice;
        twice.addedDevices.append(device(41, QStringLiteral("first"), {}, 0));
        twice.changedDevices.append(device(41, QStringLiteral("second"), {}, 0));
        Sync::apply(s, twice);
        w.model.applyDelta(s, twice);
        QCOMPARE(w.model.indexForDevice(deviceId(41)).data().toString(), QStringLiteral("second"));
        QCOMPARE(w.model.deviceCount(), 12);
        QCOMPARE(dump(w.model), fresh(s, {}));
        w.model.applyDelta(s, Sync::FleetDelta());
        QCOMPARE(dump(w.model), fresh(s, {}));
    }

    // Random deltas of every kind on a generated fleet: after each, the model equals a model
    // built from scratch (structure, order, every column, every aggregate), no reset is ever
    // signalled, and every row whose data changed got a dataChanged.
    void randomDeltasMatchRebuild_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 2u, 3u, 4u, 5u, 6u})
            QTest::addRow("seed %u", seed) << seed;
    }
    void randomDeltasMatchRebuild()
    {
        QFETCH(quint32, seed);
        QRandomGenerator rng(seed);
        Watched w;
        Sync::FleetState s = generatedFleet(250, 4, seed);
        QSet<QString> pending;
        w.model.reset(s, pending);
        QSignalSpy resets(&w.model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy layouts(&w.model, &QAbstractItemModel::layoutAboutToBeChanged);
        SignalLog log(&w.model);
        int nextId = 100000;
        QStringList kinds;
        for (int step = 0; step < 120; ++step) {
            Sync::FleetState next = s;
            const int ops = 1 + rng.bounded(3);
            for (int i = 0; i < ops; ++i)
                kinds.append(mutate(next, rng, nextId));
            retarget(next);
            if (rng.bounded(4) == 0) {
                const QStringList ids = next.devices.keys();
                for (int k = 0; k < 5 && !ids.isEmpty(); ++k) {
                    const QString id = ids.at(rng.bounded(static_cast<int>(ids.size())));
                    if (pending.contains(id))
                        pending.remove(id);
                    else
                        pending.insert(id);
                }
                w.model.setPending(pending);
            }
            const QHash<QString, QString> before = rowsById(w.model);
            log.clear();
            const Sync::FleetDelta delta = follow(s, next);
            w.model.applyDelta(s, delta);
            const QStringList expected = fresh(s, pending);
            const QStringList actual = dump(w.model);
            if (actual != expected) {
                qWarning().noquote() << "step" << step << "ops" << kinds.mid(kinds.size() - ops);
                for (qsizetype l = 0; l < std::max(actual.size(), expected.size()); ++l) {
                    if (actual.value(l) != expected.value(l)) {
                        qWarning().noquote() << "line" << l << "\n actual:  " << actual.value(l)
                                             << "\n expected:" << expected.value(l);
                        break;
                    }
                }
                QFAIL("the model differs from a rebuild");
            }
            const QHash<QString, QString> after = rowsById(w.model);
            for (auto it = after.cbegin(); it != after.cend(); ++it) {
                const auto old = before.constFind(it.key());
                if (old != before.cend() && old.value() != it.value()
                    && !log.changedIds.contains(it.key()))
                    QFAIL(qPrintable(QStringLiteral("no dataChanged for %1: %2 -> %3")
                                         .arg(it.key(), old.value(), it.value())));
            }
        }
        QCOMPARE(resets.count(), 0);
        QCOMPARE(layouts.count(), 0);
        // Every kind of change happened.
        for (const QString &k :
            {QStringLiteral("add"), QStringLiteral("remove"), QStringLiteral("move"),
                QStringLiteral("fields"), QStringLiteral("addNode"), QStringLiteral("deleteGroup"),
                QStringLiteral("renameNode"), QStringLiteral("moveSubtree"),
                QStringLiteral("retitle"), QStringLiteral("breakTag"), QStringLiteral("repair")})
            QVERIFY2(kinds.contains(k), qPrintable(k));
    }

private:
    static QString mutate(Sync::FleetState &s, QRandomGenerator &rng, int &nextId)
    {
        const Domain::Hierarchy h = s.hierarchy();
        const QStringList nodes = h.nodes().keys();
        const QStringList ids = s.devices.keys();
        const auto pick = [&rng](const QStringList &list) {
            return list.isEmpty() ? QString() : list.at(rng.bounded(static_cast<int>(list.size())));
        };
        const auto randomTarget = [&]() {
            const int r = rng.bounded(10);
            if (r == 0 || nodes.isEmpty())
                return Domain::MoveTarget::unassigned();
            if (r == 1)
                return Domain::MoveTarget::returns();
            return Domain::MoveTarget::node(pick(nodes));
        };
        const QStringList titles {QStringLiteral("Site"), QStringLiteral("site"),
            QStringLiteral("Alpha"), QStringLiteral("Zulu"), QStringLiteral("Depot")};
        switch (rng.bounded(11)) {
        case 0: {
            QStringList groups;
            const Domain::MoveTarget t = randomTarget();
            groups = Domain::applyDelta({}, Domain::planMove({}, t, h));
            if (rng.bounded(5) == 0 && nodes.size() > 1)
                groups << pick(nodes) << pick(nodes); // probably inconsistent
            groups.removeDuplicates();
            addDevice(
                s, device(nextId++, pick(titles), groups, rng.bounded(4) + 2, rng.bounded(2)));
            return QStringLiteral("add");
        }
        case 1:
            if (!ids.isEmpty())
                s.devices.remove(pick(ids));
            return QStringLiteral("remove");
        case 2: {
            const QStringList moved {pick(ids), pick(ids), pick(ids)};
            moveDevices(s, moved.mid(0, 1 + rng.bounded(3)), randomTarget());
            return QStringLiteral("move");
        }
        case 3: {
            Domain::Device &d = s.devices[pick(ids)];
            switch (rng.bounded(4)) {
            case 0:
                d.online = !d.online;
                break;
            case 1:
                d.firmwareVersion = rng.bounded(4) + 2;
                break;
            case 2:
                d.name = pick(titles) + QString::number(rng.bounded(3));
                break;
            default:
                d.desiredFirmwareVersion
                    = rng.bounded(2) ? std::optional<int>(rng.bounded(3) + 3) : std::nullopt;
                break;
            }
            return QStringLiteral("fields");
        }
        case 4: {
            const QString parent = rng.bounded(5) == 0 ? QString() : pick(nodes);
            if (Domain::pathDepth(parent) >= Domain::MaxNodeDepth)
                return QStringLiteral("addNode");
            const QString path
                = Domain::childPath(parent, QStringLiteral("n%1").arg(rng.bounded(1000)));
            if (s.groups.contains(path))
                return QStringLiteral("addNode");
            const QString kind
                = parent.isEmpty() ? QStringLiteral("customer") : QStringLiteral("group");
            s.groups.insert(
                path, group(path, QStringLiteral("%1 [flotilla:%2]").arg(pick(titles), kind)));
            return QStringLiteral("addNode");
        }
        case 5: {
            const QString name = pick(s.groups.keys());
            s.groups.remove(name);
            if (rng.bounded(2) == 0) { // Particle drops the memberships; a stale cache may not
                for (Domain::Device &d : s.devices)
                    d.groups.removeAll(name);
            }
            return QStringLiteral("deleteGroup");
        }
        case 6: {
            const Domain::SubtreeChange c = Domain::planNodeRename(
                h, pick(nodes), QStringLiteral("r%1").arg(rng.bounded(1000)));
            if (c.ok())
                renameGroups(s, c.renames);
            return QStringLiteral("renameNode");
        }
        case 7: {
            const QString path = pick(nodes);
            const Domain::SubtreeChange c = Domain::planSubtreeMove(h, path, pick(nodes));
            if (!c.ok())
                return QStringLiteral("moveSubtree");
            QStringList members;
            for (const Domain::Device &d : std::as_const(s.devices)) {
                const Domain::Placement p = Domain::placeDevice(d.groups, h);
                if (p.kind == Domain::PlacementKind::Node && Domain::isAncestorOrSelf(path, p.path))
                    members.append(d.id);
            }
            renameGroups(s, c.renames);
            for (const QString &id : std::as_const(members))
                s.devices[id].groups = Domain::applyDelta(s.devices[id].groups, c.memberDelta);
            return QStringLiteral("moveSubtree");
        }
        case 8: {
            const QString path = pick(nodes);
            if (path.isEmpty())
                return QStringLiteral("retitle");
            std::optional<Domain::NodeTag> tag
                = Domain::parseDescription(s.groups[path].description);
            if (tag) {
                tag->title = pick(titles);
                s.groups[path].description = Domain::formatDescription(*tag);
            }
            return QStringLiteral("retitle");
        }
        case 9: {
            // Break a node's tag, or turn a broken or plain group with a node name into a node.
            const QString name = pick(s.groups.keys());
            if (name.isEmpty() || name == Domain::ReturnsGroupName)
                return QStringLiteral("breakTag");
            Domain::Group &g = s.groups[name];
            if (h.isNode(name))
                g.description = QStringLiteral("Broken [flotilla:grop]");
            else if (Domain::isNodePath(name))
                g.description = QStringLiteral("Fixed [flotilla:%1]")
                                    .arg(Domain::pathDepth(name) == 1 ? QStringLiteral("customer")
                                                                      : QStringLiteral("group"));
            return QStringLiteral("breakTag");
        }
        default: {
            for (Domain::Device &d : s.devices) {
                if (Domain::placeDevice(d.groups, h).kind == Domain::PlacementKind::Inconsistent) {
                    d.groups = Domain::repairGroups(d.groups, h);
                    break;
                }
            }
            return QStringLiteral("repair");
        }
        }
    }
};

QTEST_MAIN(TestFleetTreeModel)
#include "tst_fleettreemodel.moc"
