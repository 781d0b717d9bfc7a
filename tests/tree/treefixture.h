// SPDX-License-Identifier: MIT
// Fleets for the tree tests, built directly as Sync::FleetState (no network, no cache), and
// helpers to look at a model as text.
#pragma once

#include "domain/hierarchy.h"
#include "domain/moves.h"
#include "domain/nodepath.h"
#include "sync/fleetstate.h"
#include "tree/roles.h"

#include <QAbstractItemModel>
#include <QAbstractItemModelTester>
#include <QObject>
#include <QRandomGenerator>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <memory>

namespace Flotilla::TreeTest {

inline Domain::Group group(const QString &name, const QString &description)
{
    return Domain::Group {name, description, QString(), std::nullopt};
}

inline QString deviceId(int n)
{
    return QStringLiteral("%1").arg(n, 24, 16, QLatin1Char('0'));
}

inline Domain::Device device(
    int n, const QString &name, const QStringList &groups, int firmware = 0, bool online = false)
{
    Domain::Device d;
    d.id = deviceId(n);
    d.name = name;
    d.groups = groups;
    d.groups.sort();
    d.firmwareVersion = firmware;
    d.online = online;
    d.productId = 4242;
    return d;
}

inline Domain::Firmware firmware(int version, const QStringList &groups, bool productDefault)
{
    Domain::Firmware f;
    f.version = version;
    f.title = QStringLiteral("v%1").arg(version);
    f.groups = groups;
    f.productDefault = productDefault;
    return f;
}

// Sets every device's targeted version to what the releases give (as the cloud does).
inline void retarget(Sync::FleetState &state)
{
    for (Domain::Device &d : state.devices)
        d.targetedFirmwareVersion = state.targetFor(d);
}

inline void addDevice(Sync::FleetState &state, const Domain::Device &d)
{
    state.devices.insert(d.id, d);
}

// The chain of groups of a node: "a--b" -> {"a", "a--b"}.
inline QStringList chain(const QString &path)
{
    return Domain::pathChain(path);
}

// acme "Acme Logistics" (linked to ops@acme.example) > berlin "Berlin depot" > test "Berlin
// test bench"; acme > hamburg "Hamburg port"; beta "Beta Energy" > north "North"; the Returns
// pool; the label beta-testers. Releases: v3 is the product default, v4 to acme, v5 to
// acme--berlin--test.
//
//  1 alpha    acme--berlin        v4 online      6 foxtrot  beta--north  v2 online
//  2 Bravo    acme--berlin        v3 (off: v4)   7 golf     Unassigned   none
//  3 charlie  acme--berlin--test  v5 online      8 hotel    Returns      v4
//  4 delta    acme                v4             9 india    acme + beta (Needs repair)
//  5 echo     acme--hamburg       v4 + label    10 juliet   acme, acme--berlin--test
inline Sync::FleetState smallFleet()
{
    Sync::FleetState s;
    s.product.id = 4242;
    s.product.name = QStringLiteral("Tracker");
    for (const Domain::Group &g :
        {
            group(QStringLiteral("acme"),
                QStringLiteral("Acme Logistics [flotilla:customer account=ops@acme.example]")),
            group(QStringLiteral("acme--berlin"), QStringLiteral("Berlin depot [flotilla:group]")),
            group(QStringLiteral("acme--berlin--test"),
                QStringLiteral("Berlin test bench [flotilla:group]")),
            group(QStringLiteral("acme--hamburg"), QStringLiteral("Hamburg port [flotilla:group]")),
            group(QStringLiteral("beta"), QStringLiteral("Beta Energy [flotilla:customer]")),
            group(QStringLiteral("beta--north"), QStringLiteral("North [flotilla:group]")),
            group(QStringLiteral("flotilla-returns"), QStringLiteral("Returns [flotilla:returns]")),
            group(QStringLiteral("beta-testers"), QStringLiteral("Field beta")),
        })
        s.groups.insert(g.name, g);
    for (const Domain::Firmware &f :
        {firmware(3, {}, true), firmware(4, {QStringLiteral("acme")}, false),
            firmware(5, {QStringLiteral("acme--berlin--test")}, false)})
        s.firmware.insert(f.version, f);
    s.customers.insert(QStringLiteral("ops@acme.example"),
        Domain::Customer {QStringLiteral("c1"), QStringLiteral("ops@acme.example")});

    addDevice(
        s, device(1, QStringLiteral("alpha"), chain(QStringLiteral("acme--berlin")), 4, true));
    addDevice(s, device(2, QStringLiteral("Bravo"), chain(QStringLiteral("acme--berlin")), 3));
    addDevice(s,
        device(3, QStringLiteral("charlie"), chain(QStringLiteral("acme--berlin--test")), 5, true));
    addDevice(s, device(4, QStringLiteral("delta"), chain(QStringLiteral("acme")), 4));
    addDevice(s,
        device(5, QStringLiteral("echo"),
            chain(QStringLiteral("acme--hamburg")) << QStringLiteral("beta-testers"), 4));
    addDevice(
        s, device(6, QStringLiteral("foxtrot"), chain(QStringLiteral("beta--north")), 2, true));
    addDevice(s, device(7, QStringLiteral("golf"), {}, 0));
    addDevice(s, device(8, QStringLiteral("hotel"), {QStringLiteral("flotilla-returns")}, 4));
    addDevice(
        s, device(9, QStringLiteral("india"), {QStringLiteral("acme"), QStringLiteral("beta")}, 4));
    addDevice(s,
        device(10, QStringLiteral("juliet"),
            {QStringLiteral("acme"), QStringLiteral("acme--berlin--test")}, 5));
    s.devices[deviceId(1)].owner = QStringLiteral("ops@acme.example");
    retarget(s);
    return s;
}

// A generated fleet: `customers` customers (every other one linked to an account), each with
// 3 sites of 2 lines; devices spread over nodes, the pools and Needs repair, with random
// names (some equal), firmware and status.
inline Sync::FleetState generatedFleet(int devices, int customers, quint32 seed)
{
    QRandomGenerator rng(seed);
    Sync::FleetState s;
    s.product.id = 4242;
    QStringList nodes;
    QStringList customerPaths;
    for (int c = 0; c < customers; ++c) {
        const QString cp = QStringLiteral("c%1").arg(c, 3, 10, QLatin1Char('0'));
        customerPaths.append(cp);
        const QString account
            = c % 2 == 0 ? QStringLiteral(" account=ops%1@example.com").arg(c) : QString();
        s.groups.insert(
            cp, group(cp, QStringLiteral("Customer %1 [flotilla:customer%2]").arg(c).arg(account)));
        nodes.append(cp);
        for (int site = 0; site < 3; ++site) {
            const QString sp = cp + QStringLiteral("--s%1").arg(site);
            s.groups.insert(sp, group(sp, QStringLiteral("Site %1 [flotilla:group]").arg(site)));
            nodes.append(sp);
            for (int line = 0; line < 2; ++line) {
                const QString lp = sp + QStringLiteral("--l%1").arg(line);
                s.groups.insert(
                    lp, group(lp, QStringLiteral("Line %1 [flotilla:group]").arg(line)));
                nodes.append(lp);
            }
        }
    }
    s.groups.insert(QStringLiteral("flotilla-returns"),
        group(QStringLiteral("flotilla-returns"), QStringLiteral("Returns [flotilla:returns]")));
    s.groups.insert(QStringLiteral("low-battery"), group(QStringLiteral("low-battery"), QString()));
    s.firmware.insert(3, firmware(3, {}, true));
    s.firmware.insert(4, firmware(4, customerPaths, false));
    s.firmware.insert(5, firmware(5, {nodes.value(2), nodes.value(9)}, false));
    for (int i = 0; i < devices; ++i) {
        QStringList groups;
        const int r = rng.bounded(100);
        if (r < 85) {
            groups = chain(nodes.at(rng.bounded(static_cast<int>(nodes.size()))));
        } else if (r < 92) {
            // Unassigned
        } else if (r < 97) {
            groups.append(QStringLiteral("flotilla-returns"));
        } else {
            groups = {customerPaths.at(0),
                customerPaths.at(customers > 1 ? 1 : 0) + QStringLiteral("--s1")};
        }
        if (rng.bounded(10) == 0)
            groups.append(QStringLiteral("low-battery"));
        const QString name = rng.bounded(20) == 0
            ? QString()
            : QStringLiteral("%1 %2")
                  .arg(rng.bounded(3) == 0 ? QStringLiteral("Unit") : QStringLiteral("unit"))
                  .arg(rng.bounded(devices));
        addDevice(s, device(i + 1, name, groups, rng.bounded(3) + 3, rng.bounded(2) == 1));
    }
    retarget(s);
    return s;
}

// The fleet after moving `ids` as the sync engine would: groups by planMove, targets by the
// releases. Returns the delta (the state is updated).
inline Sync::FleetDelta moveDevices(
    Sync::FleetState &state, const QStringList &ids, const Domain::MoveTarget &target)
{
    const Domain::Hierarchy h = state.hierarchy();
    Sync::FleetDelta delta;
    for (const QString &id : ids) {
        Domain::Device d = state.devices.value(id);
        d.groups = Domain::applyDelta(d.groups, Domain::planMove(d.groups, target, h));
        d.targetedFirmwareVersion = state.targetFor(d);
        if (!(d == state.devices.value(id)))
            delta.changedDevices.append(d);
    }
    Sync::apply(state, delta);
    return delta;
}

// The delta between `state` and `after` (full), applied to `state`.
inline Sync::FleetDelta follow(Sync::FleetState &state, const Sync::FleetState &after)
{
    Sync::CloudContent content;
    content.devices = after.devices;
    content.groups = after.groups;
    content.firmware = after.firmware;
    content.customers = after.customers;
    const Sync::FleetDelta delta = Sync::diff(state, content, true);
    Sync::apply(state, delta);
    return delta;
}

// Renames groups in a state as Particle does (memberships follow the group).
inline void renameGroups(Sync::FleetState &s, const QList<Domain::GroupRename> &renames)
{
    for (const Domain::GroupRename &r : renames) {
        Domain::Group g = s.groups.take(r.from);
        g.name = r.to;
        s.groups.insert(g.name, g);
        for (Domain::Device &d : s.devices) {
            if (d.groups.removeAll(r.from) > 0) {
                d.groups.append(r.to);
                d.groups.sort();
            }
        }
        for (Domain::Firmware &f : s.firmware) {
            if (f.groups.removeAll(r.from) > 0) {
                f.groups.append(r.to);
                f.groups.sort();
            }
        }
    }
}

// A row as text: identity and every column's display, plus the aggregate roles.
inline QString rowText(const QModelIndex &index)
{
    const QAbstractItemModel *m = index.model();
    QStringList parts;
    parts.append(QString::number(index.data(Tree::KindRole).toInt()));
    parts.append(
        index.data(Tree::NodePathRole).toString() + index.data(Tree::DeviceIdRole).toString());
    for (int c = 0; c < m->columnCount(index.parent()); ++c)
        parts.append(m->index(index.row(), c, index.parent()).data().toString());
    QStringList fw;
    const QVariantMap map = index.data(Tree::FirmwareVersionsRole).toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        fw.append(it.key() + QLatin1Char('=') + it.value().toString());
    parts.append(fw.join(QLatin1Char(',')));
    parts.append(index.data(Tree::DeviceCountRole).toString());
    parts.append(index.data(Tree::OnlineCountRole).toString());
    parts.append(index.data(Tree::OffTargetCountRole).toString());
    parts.append(index.data(Tree::PendingCountRole).toString());
    parts.append(index.data(Tree::PlacementProblemRole).toString());
    parts.append(index.data(Tree::TitleRole).toString());
    parts.append(index.data(Qt::ToolTipRole).toString());
    return parts.join(QLatin1Char('|'));
}

// The whole model as text, depth-first, one line per row.
inline QStringList dump(
    const QAbstractItemModel &m, const QModelIndex &parent = QModelIndex(), int depth = 0)
{
    QStringList lines;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        lines.append(QString(depth * 2, QLatin1Char(' ')) + rowText(i));
        lines += dump(m, i, depth + 1);
    }
    return lines;
}

// A readable name for a row: a node's path, a device id, or the pool's kind; "root".
inline QString rowName(const QModelIndex &index)
{
    if (!index.isValid())
        return QStringLiteral("root");
    switch (static_cast<Tree::ItemKind>(index.data(Tree::KindRole).toInt())) {
    case Tree::ItemKind::Customer:
    case Tree::ItemKind::Group:
        return index.data(Tree::NodePathRole).toString();
    case Tree::ItemKind::Device:
        return index.data(Tree::DeviceIdRole).toString().right(3);
    case Tree::ItemKind::Unassigned:
        return QStringLiteral("<unassigned>");
    case Tree::ItemKind::Returns:
        return QStringLiteral("<returns>");
    case Tree::ItemKind::NeedsRepair:
        return QStringLiteral("<repair>");
    }
    return QStringLiteral("?");
}

// QAbstractItemModelTester (failures reported as QtTest failures) on a model and on a sorting
// QSortFilterProxyModel over it, for as long as this lives.
class TestedModel final
{
public:
    explicit TestedModel(QAbstractItemModel *model)
    {
        m_proxy.setSourceModel(model);
        m_proxy.setDynamicSortFilter(true);
        m_proxy.sort(0);
        const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
        m_model = std::make_unique<QAbstractItemModelTester>(model, mode);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(&m_proxy, mode);
    }
    Q_DISABLE_COPY_MOVE(TestedModel)
    ~TestedModel() = default;

private:
    QSortFilterProxyModel m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

// A row's identity: its kind and its path or device id.
inline QString rowId(const QModelIndex &index)
{
    return index.data(Tree::KindRole).toString() + QLatin1Char(':')
        + index.data(Tree::NodePathRole).toString() + index.data(Tree::DeviceIdRole).toString();
}

// Every structural signal of a model, as one line each (kitemmodels' rowSpyToText habit), so
// one QCOMPARE checks a whole sequence; dataChanged is logged separately.
class SignalLog final : public QObject
{
public:
    explicit SignalLog(QAbstractItemModel *model)
    {
        using M = QAbstractItemModel;
        const auto range = [](const char *what, const QModelIndex &p, int a, int b) {
            return QStringLiteral("%1 %2 %3-%4").arg(QLatin1String(what), rowName(p)).arg(a).arg(b);
        };
        connect(
            model, &M::rowsAboutToBeInserted, this, [=, this](const QModelIndex &p, int a, int b) {
                lines.append(range("aboutToInsert", p, a, b));
            });
        connect(model, &M::rowsInserted, this, [=, this](const QModelIndex &p, int a, int b) {
            lines.append(range("inserted", p, a, b));
        });
        connect(
            model, &M::rowsAboutToBeRemoved, this, [=, this](const QModelIndex &p, int a, int b) {
                lines.append(range("aboutToRemove", p, a, b));
            });
        connect(model, &M::rowsRemoved, this, [=, this](const QModelIndex &p, int a, int b) {
            lines.append(range("removed", p, a, b));
        });
        connect(model, &M::rowsAboutToBeMoved, this,
            [=, this](const QModelIndex &p, int a, int b, const QModelIndex &d, int row) {
                lines.append(range("aboutToMove", p, a, b)
                    + QStringLiteral(" -> %1 %2").arg(rowName(d)).arg(row));
            });
        connect(model, &M::rowsMoved, this,
            [=, this](const QModelIndex &p, int a, int b, const QModelIndex &d, int row) {
                lines.append(
                    range("moved", p, a, b) + QStringLiteral(" -> %1 %2").arg(rowName(d)).arg(row));
            });
        connect(model, &M::modelAboutToBeReset, this,
            [this] { lines.append(QStringLiteral("reset")); });
        connect(model, &M::layoutAboutToBeChanged, this,
            [this] { lines.append(QStringLiteral("layout")); });
        connect(model, &M::dataChanged, this,
            [this](const QModelIndex &tl, const QModelIndex &br, const QList<int> &) {
                changed.append(
                    QStringLiteral("%1 %2-%3").arg(rowName(tl)).arg(tl.column()).arg(br.column()));
                changedRows.insert(rowName(tl));
                changedIds.insert(rowId(tl));
            });
    }
    void clear()
    {
        lines.clear();
        changed.clear();
        changedRows.clear();
        changedIds.clear();
    }
    QStringList lines;
    QStringList changed;
    QSet<QString> changedRows;
    QSet<QString> changedIds; // rowId() of every row named by a dataChanged
};

} // namespace Flotilla::TreeTest
