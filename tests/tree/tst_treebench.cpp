// SPDX-License-Identifier: MIT
// How long the tree takes at the scale of the quality bar (100,000 devices), printed, not
// asserted: building it (reset) and following a move of 1,000 devices (applyDelta). The timed
// runs have no observer attached; the results are then checked against a rebuild, and a
// further delta runs under QAbstractItemModelTester on the model and on a proxy.
#include "tree/fleettreemodel.h"
#include "treefixture.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace Flotilla;
using namespace Flotilla::TreeTest;
using Tree::FleetTreeModel;

namespace {

constexpr int Devices = 100000;
constexpr int Moved = 1000;

// The nodes and pools, with their aggregates, as text (device rows left out).
QStringList containers(const QAbstractItemModel &m, const QModelIndex &parent = QModelIndex())
{
    QStringList lines;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        if (i.data(Tree::KindRole).toInt() == int(Tree::ItemKind::Device))
            continue;
        lines.append(rowText(i) + QLatin1Char('|') + QString::number(m.rowCount(i)));
        lines += containers(m, i);
    }
    return lines;
}

QStringList pickDevices(const Sync::FleetState &s, int count, quint32 seed)
{
    QStringList ids = s.devices.keys();
    ids.sort();
    QRandomGenerator rng(seed);
    std::shuffle(ids.begin(), ids.end(), rng);
    return ids.mid(0, count);
}

qint64 ms(const QElapsedTimer &t)
{
    return t.elapsed();
}

} // namespace

class TestTreeBench final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void resetAndMove()
    {
        QElapsedTimer timer;
        timer.start();
        Sync::FleetState s = generatedFleet(Devices, 40, 7);
        qInfo("generated %d devices, %d groups in %lld ms", int(s.devices.size()),
            int(s.groups.size()), ms(timer));

        FleetTreeModel model;
        QList<qint64> resets;
        for (int run = 0; run < 3; ++run) {
            timer.restart();
            model.reset(s, {});
            resets.append(ms(timer));
        }
        std::sort(resets.begin(), resets.end());
        qInfo("reset(%d devices) took %lld ms (best of 3; runs %lld, %lld, %lld ms)", Devices,
            resets.first(), resets.at(0), resets.at(1), resets.at(2));
        QCOMPARE(model.deviceCount(), Devices);

        // 1,000 devices from all over the fleet onto one line.
        const QStringList ids = pickDevices(s, Moved, 11);
        const Sync::FleetDelta spread
            = moveDevices(s, ids, Domain::MoveTarget::node(QStringLiteral("c001--s2--l1")));
        timer.restart();
        model.applyDelta(s, spread);
        qInfo("applyDelta(move %d devices) took %lld ms (%d devices changed, from all over the "
              "fleet to one node)",
            Moved, ms(timer), int(spread.changedDevices.size()));

        // 1,000 devices from one big container (Unassigned) to another (Returns).
        QStringList stock;
        for (const Domain::Device &d : std::as_const(s.devices)) {
            if (stock.size() < Moved && d.groups.isEmpty())
                stock.append(d.id);
        }
        const Sync::FleetDelta pools = moveDevices(s, stock, Domain::MoveTarget::returns());
        timer.restart();
        model.applyDelta(s, pools);
        qInfo("applyDelta(move %d devices) took %lld ms (Unassigned -> Returns, %d and %d rows)",
            int(stock.size()), ms(timer),
            model.rowCount(model.indexForPool(Tree::ItemKind::Unassigned)),
            model.rowCount(model.indexForPool(Tree::ItemKind::Returns)));

        QSet<QString> pending(ids.cbegin(), ids.cend());
        timer.restart();
        model.setPending(pending);
        qInfo("setPending(%d devices) took %lld ms", int(pending.size()), ms(timer));

        // A subtree move with its devices: a customer's site to another customer.
        const Domain::SubtreeChange change = Domain::planSubtreeMove(s.hierarchy(),
            QStringLiteral("c002--s1"), QStringLiteral("c003"), QStringLiteral("moved"));
        QVERIFY2(change.ok(), qPrintable(change.error));
        Sync::FleetState next = s;
        const Domain::Hierarchy h = s.hierarchy();
        renameGroups(next, change.renames);
        int members = 0;
        for (Domain::Device &d : next.devices) {
            const Domain::Placement p = Domain::placeDevice(s.devices.value(d.id).groups, h);
            if (p.kind == Domain::PlacementKind::Node
                && Domain::isAncestorOrSelf(QStringLiteral("c002--s1"), p.path)) {
                d.groups = Domain::applyDelta(d.groups, change.memberDelta);
                ++members;
            }
        }
        retarget(next);
        const Sync::FleetDelta subtree = follow(s, next);
        timer.restart();
        model.applyDelta(s, subtree);
        qInfo("applyDelta(move a site with %d devices to another customer) took %lld ms", members,
            ms(timer));

        timer.restart();
        FleetTreeModel rebuilt;
        rebuilt.reset(s, pending);
        const QStringList expected = containers(rebuilt);
        QCOMPARE(containers(model), expected);
        for (const QString &id : ids)
            QCOMPARE(model.indexForDevice(id).parent().data(Tree::NodePathRole).toString(),
                rebuilt.indexForDevice(id).parent().data(Tree::NodePathRole).toString());

        // What a view's proxy costs: the same kind of move with a sorting proxy attached.
        {
            QSortFilterProxyModel sorted;
            sorted.setSourceModel(&model);
            sorted.sort(FleetTreeModel::NameColumn);
            const Sync::FleetDelta proxied = moveDevices(
                s, pickDevices(s, Moved, 13), Domain::MoveTarget::node(QStringLiteral("c005--s0")));
            timer.restart();
            model.applyDelta(s, proxied);
            qInfo("applyDelta(move %d devices) with a sorting QSortFilterProxyModel attached "
                  "took %lld ms",
                Moved, ms(timer));
        }

        // The same model under observation: testers on it and on a sorting proxy.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(FleetTreeModel::NameColumn);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Sync::FleetDelta observed = moveDevices(
            s, pickDevices(s, 2, 12), Domain::MoveTarget::node(QStringLiteral("c004")));
        timer.restart();
        model.applyDelta(s, observed);
        qInfo("applyDelta(move 2 devices) under QAbstractItemModelTester (model + sorted proxy) "
              "took %lld ms",
            ms(timer));
        rebuilt.reset(s, pending);
        QCOMPARE(containers(model), containers(rebuilt));
    }
};

QTEST_MAIN(TestTreeBench)
#include "tst_treebench.moc"
