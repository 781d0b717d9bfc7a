// SPDX-License-Identifier: MIT
// Drag and drop in the fleet tree: the rules (checkDrop, one row per rule), the MIME payload,
// and the model's drop handling, which only asks (dropRequested) and never changes itself.
#include "tree/dragdrop.h"
#include "tree/fleettreemodel.h"
#include "treefixture.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Flotilla;
using namespace Flotilla::TreeTest;
using Tree::DragItem;
using Tree::DropOperation;
using Tree::DropTarget;
using Tree::FleetTreeModel;
using Tree::ItemKind;

Q_DECLARE_METATYPE(Flotilla::Tree::DragItem)
Q_DECLARE_METATYPE(Flotilla::Tree::DropTarget)
Q_DECLARE_METATYPE(Flotilla::Tree::DropOperation)

namespace {

// The small fleet plus what the refusals need: a rig four levels deep, a beta--berlin for a
// name collision and a customer with a long name.
Sync::FleetState dropFleet()
{
    Sync::FleetState s = smallFleet();
    for (const Domain::Group &g : {
             group(
                 QStringLiteral("acme--berlin--test--rig"), QStringLiteral("Rig [flotilla:group]")),
             group(QStringLiteral("beta--berlin"), QStringLiteral("Beta Berlin [flotilla:group]")),
             group(QStringLiteral("northwind-logistics-international"),
                 QStringLiteral("Northwind [flotilla:customer]")),
             group(QStringLiteral("northwind-logistics-international--distribution-centre"),
                 QStringLiteral("DC [flotilla:group]")),
             group(QStringLiteral("acme--hamburg--berlin"), QStringLiteral("Hb [flotilla:group]")),
         })
        s.groups.insert(g.name, g);
    return s;
}

DragItem devItem(int n)
{
    return DragItem {ItemKind::Device, deviceId(n)};
}

DragItem groupItem(const char *path)
{
    return DragItem {ItemKind::Group, QString::fromLatin1(path)};
}

DropTarget onto(ItemKind kind, const char *id = "")
{
    return DropTarget {kind, QString::fromLatin1(id)};
}

} // namespace

class TestTreeDrop final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<Tree::DropRequest>();
    }

    void checkDrop_data()
    {
        QTest::addColumn<QList<DragItem>>("items");
        QTest::addColumn<DropTarget>("target");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<DropOperation>("operation");
        QTest::addColumn<QString>("reason"); // a part of the refusal

        const auto move = DropOperation::MoveDevices;
        const auto subtree = DropOperation::MoveSubtree;
        const auto none = DropOperation::None;
        // Devices.
        QTest::newRow("device onto a customer")
            << QList<DragItem> {devItem(7)} << onto(ItemKind::Customer, "acme") << true << move
            << QString();
        QTest::newRow("devices onto a group")
            << QList<DragItem> {devItem(1), devItem(7), devItem(8)}
            << onto(ItemKind::Group, "beta--north") << true << move << QString();
        QTest::newRow("devices onto Unassigned")
            << QList<DragItem> {devItem(1), devItem(2)} << onto(ItemKind::Unassigned) << true
            << move << QString();
        QTest::newRow("devices onto Returns")
            << QList<DragItem> {devItem(1)} << onto(ItemKind::Returns) << true << move << QString();
        QTest::newRow("Needs repair device onto a node (repairs it)")
            << QList<DragItem> {devItem(9)} << onto(ItemKind::Group, "acme--berlin") << true << move
            << QString();
        QTest::newRow("device onto where it is")
            << QList<DragItem> {devItem(1)} << onto(ItemKind::Group, "acme--berlin") << true << move
            << QString();
        QTest::newRow("device onto a device")
            << QList<DragItem> {devItem(1)} << DropTarget {ItemKind::Device, deviceId(2)} << false
            << none << QStringLiteral("cannot hold");
        QTest::newRow("device onto Needs repair")
            << QList<DragItem> {devItem(1)} << onto(ItemKind::NeedsRepair) << false << none
            << QStringLiteral("Needs repair");
        QTest::newRow("device onto a node that is gone")
            << QList<DragItem> {devItem(1)} << onto(ItemKind::Group, "acme--gone") << false << none
            << QStringLiteral("not in the tree any more");
        QTest::newRow("device onto a label")
            << QList<DragItem> {devItem(1)} << onto(ItemKind::Customer, "beta-testers") << false
            << none << QStringLiteral("not in the tree any more");
        // Groups.
        QTest::newRow("group onto a group")
            << QList<DragItem> {groupItem("acme--hamburg")} << onto(ItemKind::Group, "acme--berlin")
            << true << subtree << QString();
        QTest::newRow("group onto another customer")
            << QList<DragItem> {groupItem("acme--hamburg")} << onto(ItemKind::Customer, "beta")
            << true << subtree << QString();
        QTest::newRow("group into its own subtree")
            << QList<DragItem> {groupItem("acme--berlin")}
            << onto(ItemKind::Group, "acme--berlin--test") << false << none
            << QStringLiteral("own subtree");
        QTest::newRow("group onto itself")
            << QList<DragItem> {groupItem("acme--berlin")} << onto(ItemKind::Group, "acme--berlin")
            << false << none << QStringLiteral("onto itself");
        QTest::newRow("group onto its current parent")
            << QList<DragItem> {groupItem("acme--berlin")} << onto(ItemKind::Customer, "acme")
            << false << none << QStringLiteral("already directly under");
        QTest::newRow("group beyond the depth limit")
            << QList<DragItem> {groupItem("acme--berlin")} << onto(ItemKind::Group, "beta--north")
            << false << none << QStringLiteral("levels deep");
        QTest::newRow("group name over 64 characters")
            << QList<DragItem> {groupItem("acme--berlin")}
            << onto(ItemKind::Group, "northwind-logistics-international--distribution-centre")
            << false << none << QStringLiteral("Particle allows 64");
        QTest::newRow("group name taken")
            << QList<DragItem> {groupItem("acme--berlin")} << onto(ItemKind::Customer, "beta")
            << false << none << QStringLiteral("already exists");
        QTest::newRow("group name taken by a node below the target")
            << QList<DragItem> {groupItem("acme--berlin")} << onto(ItemKind::Group, "acme--hamburg")
            << false << none << QStringLiteral("already exists");
        QTest::newRow("group onto Unassigned")
            << QList<DragItem> {groupItem("acme--hamburg")} << onto(ItemKind::Unassigned) << false
            << none << QStringLiteral("pool");
        QTest::newRow("group onto Returns")
            << QList<DragItem> {groupItem("acme--hamburg")} << onto(ItemKind::Returns) << false
            << none << QStringLiteral("pool");
        QTest::newRow("group onto a device") << QList<DragItem> {groupItem("acme--hamburg")}
                                             << DropTarget {ItemKind::Device, deviceId(1)} << false
                                             << none << QStringLiteral("cannot hold");
        QTest::newRow("group onto Needs repair")
            << QList<DragItem> {groupItem("acme--hamburg")} << onto(ItemKind::NeedsRepair) << false
            << none << QStringLiteral("Needs repair");
        QTest::newRow("two groups")
            << QList<DragItem> {groupItem("acme--hamburg"), groupItem("beta--north")}
            << onto(ItemKind::Customer, "beta") << false << none << QStringLiteral("one group");
        // Customers, pools, mixes.
        QTest::newRow("customer onto a customer")
            << QList<DragItem> {DragItem {ItemKind::Customer, QStringLiteral("beta")}}
            << onto(ItemKind::Customer, "acme") << false << none
            << QStringLiteral("Customers are top-level");
        QTest::newRow("customer onto a group")
            << QList<DragItem> {DragItem {ItemKind::Customer, QStringLiteral("beta")}}
            << onto(ItemKind::Group, "acme--berlin") << false << none
            << QStringLiteral("Customers are top-level");
        QTest::newRow("customer onto Returns")
            << QList<DragItem> {DragItem {ItemKind::Customer, QStringLiteral("beta")}}
            << onto(ItemKind::Returns) << false << none
            << QStringLiteral("Customers are top-level");
        QTest::newRow("customer among devices")
            << QList<DragItem> {devItem(1), DragItem {ItemKind::Customer, QStringLiteral("beta")}}
            << onto(ItemKind::Unassigned) << false << none
            << QStringLiteral("Customers are top-level");
        QTest::newRow("devices and a group")
            << QList<DragItem> {devItem(1), groupItem("acme--hamburg")}
            << onto(ItemKind::Customer, "beta") << false << none << QStringLiteral("together");
        QTest::newRow("a pool") << QList<DragItem> {DragItem {ItemKind::Returns, QString()}}
                                << onto(ItemKind::Customer, "beta") << false << none
                                << QStringLiteral("pools");
        QTest::newRow("nothing") << QList<DragItem> {} << onto(ItemKind::Customer, "beta") << false
                                 << none << QStringLiteral("Nothing");
    }

    void checkDrop()
    {
        QFETCH(QList<DragItem>, items);
        QFETCH(DropTarget, target);
        QFETCH(bool, allowed);
        QFETCH(DropOperation, operation);
        QFETCH(QString, reason);
        const Domain::Hierarchy h = dropFleet().hierarchy();
        QVERIFY(h.problems().isEmpty());
        const Tree::DropVerdict v = Tree::checkDrop(items, target, h);
        QCOMPARE(v.allowed, allowed);
        QCOMPARE(v.operation, operation);
        if (allowed) {
            QVERIFY(v.reason.isEmpty());
        } else {
            QVERIFY2(v.reason.contains(reason), qPrintable(v.reason));
        }
        if (operation == DropOperation::MoveSubtree)
            QCOMPARE(v.newParentPath, target.id);
        if (operation == DropOperation::MoveDevices) {
            switch (target.kind) {
            case ItemKind::Unassigned:
                QCOMPARE(v.moveTarget, Domain::MoveTarget::unassigned());
                break;
            case ItemKind::Returns:
                QCOMPARE(v.moveTarget, Domain::MoveTarget::returns());
                break;
            default:
                QCOMPARE(v.moveTarget, Domain::MoveTarget::node(target.id));
                break;
            }
        }
    }

    void payloadRoundTrip()
    {
        const QList<DragItem> items {devItem(1), groupItem("acme--berlin"),
            DragItem {ItemKind::Customer, QStringLiteral("acme")},
            DragItem {ItemKind::Unassigned, QString()},
            DragItem {ItemKind::Device, QStringLiteral("Gerät-ü")}};
        const QByteArray bytes = Tree::encodeDragItems(items, 4242);
        const std::optional<Tree::DecodedDrag> decoded = Tree::decodeDragItems(bytes);
        QVERIFY(decoded);
        QCOMPARE(decoded->productId, 4242);
        QCOMPARE(decoded->items, items);
        QVERIFY(Tree::decodeDragItems(Tree::encodeDragItems({}, 1)));
    }

    void payloadRejectsGarbage()
    {
        const QByteArray good = Tree::encodeDragItems({devItem(1), devItem(2)}, 7);
        QVERIFY(!Tree::decodeDragItems(QByteArray()));
        QVERIFY(!Tree::decodeDragItems(QByteArray("hello world")));
        QVERIFY(!Tree::decodeDragItems(good.left(good.size() - 3))); // truncated
        QVERIFY(!Tree::decodeDragItems(good + QByteArray(1, 'x'))); // trailing bytes
        QByteArray newer = good;
        newer[5] = 2; // the format version (quint16 after the quint32 magic)
        QVERIFY(!Tree::decodeDragItems(newer));
        QByteArray badKind;
        {
            QDataStream out(&badKind, QIODevice::WriteOnly);
            out.setVersion(QDataStream::Qt_6_4);
            out << quint32(0x464c5449) << quint16(1) << qint32(7) << quint32(1) << qint32(99)
                << QStringLiteral("x");
        }
        QVERIFY(!Tree::decodeDragItems(badKind));
        QByteArray huge;
        {
            QDataStream out(&huge, QIODevice::WriteOnly);
            out.setVersion(QDataStream::Qt_6_4);
            out << quint32(0x464c5449) << quint16(1) << qint32(7) << quint32(0xffffffff);
        }
        QVERIFY(!Tree::decodeDragItems(huge));
    }

    void modelMimeDataIsOnePairPerRow()
    {
        FleetTreeModel model;
        const TestedModel tested(&model);
        model.reset(dropFleet(), {});
        QCOMPARE(model.mimeTypes(), QStringList {QStringLiteral("application/x-flotilla-items")});
        QCOMPARE(model.supportedDragActions(), Qt::DropActions(Qt::MoveAction));
        QCOMPARE(model.supportedDropActions(), Qt::DropActions(Qt::MoveAction));
        QModelIndexList indexes;
        for (int c = 0; c < FleetTreeModel::ColumnCount; ++c) {
            indexes.append(model.indexForDevice(deviceId(2), c));
            indexes.append(model.indexForDevice(deviceId(1), c));
        }
        indexes.append(model.indexForNode(QStringLiteral("acme--hamburg")));
        std::unique_ptr<QMimeData> mime(model.mimeData(indexes));
        QVERIFY(mime);
        QVERIFY(mime->hasFormat(Tree::ItemsMimeType));
        const auto decoded = Tree::decodeDragItems(mime->data(Tree::ItemsMimeType));
        QVERIFY(decoded);
        QCOMPARE(decoded->productId, 4242);
        QCOMPARE(
            decoded->items, (QList<DragItem> {devItem(2), devItem(1), groupItem("acme--hamburg")}));
        QVERIFY(!model.mimeData({}));
    }

    // canDropMimeData follows the rules; dropMimeData emits dropRequested and changes nothing;
    // the model has no removeRows, so the view's clean-up after a Move drop does nothing.
    void modelDropAsksAndNeverChanges()
    {
        FleetTreeModel model;
        const TestedModel tested(&model);
        const Sync::FleetState state = dropFleet();
        model.reset(state, {});
        const QStringList before = dump(model);
        QSignalSpy requests(&model, &FleetTreeModel::dropRequested);
        QSignalSpy rowsChanged(&model, &QAbstractItemModel::rowsAboutToBeRemoved);

        std::unique_ptr<QMimeData> devices(
            model.mimeData({model.indexForDevice(deviceId(1)), model.indexForDevice(deviceId(7))}));
        const QModelIndex north = model.indexForNode(QStringLiteral("beta--north"));
        QVERIFY(model.canDropMimeData(devices.get(), Qt::MoveAction, -1, -1, north));
        QVERIFY(!model.canDropMimeData(devices.get(), Qt::CopyAction, -1, -1, north));
        QVERIFY(!model.canDropMimeData(devices.get(), Qt::MoveAction, 0, 0, QModelIndex()));
        QVERIFY(!model.canDropMimeData(
            devices.get(), Qt::MoveAction, -1, -1, model.indexForDevice(deviceId(6))));
        QVERIFY(!model.canDropMimeData(
            devices.get(), Qt::MoveAction, -1, -1, model.indexForPool(ItemKind::NeedsRepair)));
        QCOMPARE(model.verdict(devices.get(), QModelIndex()).reason,
            QStringLiteral("Drop onto a customer, a group or a pool"));
        // Between two rows of a node = onto that node.
        QVERIFY(model.canDropMimeData(devices.get(), Qt::MoveAction, 1, 0, north));

        QVERIFY(model.dropMimeData(devices.get(), Qt::MoveAction, -1, -1, north));
        QCOMPARE(requests.count(), 1);
        const auto request = requests.takeFirst().at(0).value<Tree::DropRequest>();
        QCOMPARE(request.items, (QList<DragItem> {devItem(1), devItem(7)}));
        QCOMPARE(request.target, onto(ItemKind::Group, "beta--north"));
        QCOMPARE(request.operation, DropOperation::MoveDevices);
        QCOMPARE(request.moveTarget, Domain::MoveTarget::node(QStringLiteral("beta--north")));
        QCOMPARE(request.deviceIds(), (QStringList {deviceId(1), deviceId(7)}));
        QCOMPARE(dump(model), before);

        // The view's clearOrRemove() after a Move drop: nothing is removed.
        QVERIFY(!model.removeRows(0, 1, model.indexForNode(QStringLiteral("acme--berlin"))));
        QCOMPARE(rowsChanged.count(), 0);
        QCOMPARE(dump(model), before);

        // A group onto a customer: a subtree move request.
        std::unique_ptr<QMimeData> hamburg(
            model.mimeData({model.indexForNode(QStringLiteral("acme--hamburg"))}));
        QVERIFY(model.dropMimeData(
            hamburg.get(), Qt::MoveAction, -1, -1, model.indexForNode(QStringLiteral("beta"))));
        const auto subtree = requests.takeFirst().at(0).value<Tree::DropRequest>();
        QCOMPARE(subtree.operation, DropOperation::MoveSubtree);
        QCOMPARE(subtree.newParentPath, QStringLiteral("beta"));

        // Refused drops and IgnoreAction ask nothing.
        QVERIFY(!model.dropMimeData(
            devices.get(), Qt::MoveAction, -1, -1, model.indexForDevice(deviceId(6))));
        QVERIFY(model.dropMimeData(devices.get(), Qt::IgnoreAction, -1, -1, north));
        std::unique_ptr<QMimeData> customer(
            model.mimeData({model.indexForNode(QStringLiteral("acme"))}));
        QVERIFY(!model.dropMimeData(customer.get(), Qt::MoveAction, -1, -1, north));
        QVERIFY(model.verdict(customer.get(), north)
                    .reason.contains(QStringLiteral("Customers are top-level")));
        QCOMPARE(requests.count(), 0);

        // Another product's items, or other data, are refused.
        QMimeData foreign;
        foreign.setData(Tree::ItemsMimeType, Tree::encodeDragItems({devItem(1)}, 1));
        QVERIFY(!model.canDropMimeData(&foreign, Qt::MoveAction, -1, -1, north));
        QVERIFY(model.verdict(&foreign, north).reason.contains(QStringLiteral("another product")));
        QMimeData text;
        text.setText(QStringLiteral("hello"));
        QVERIFY(!model.canDropMimeData(&text, Qt::MoveAction, -1, -1, north));
        QVERIFY(!model.dropMimeData(&text, Qt::MoveAction, -1, -1, north));
        QCOMPARE(dump(model), before);
    }
};

QTEST_MAIN(TestTreeDrop)
#include "tst_treedrop.moc"
