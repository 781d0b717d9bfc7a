// SPDX-License-Identifier: MIT
// FlashDialog: how it names what is flashed (the selection, the waves) and the default waves of
// a staged rollout; the dialog itself is in flashdialog.cpp.
#include "domain/hierarchy.h"
#include "domain/nodepath.h"
#include "sync/fleetstate.h"
#include "views/flashdialog.h"

#include <algorithm>
#include <optional>

namespace Flotilla::Views {

QList<Domain::WaveSpec> FlashDialog::defaultWaves(
    const Domain::Hierarchy &hierarchy, const QStringList &nodes)
{
    QStringList tests;
    QStringList titles;
    const auto isTest = [](const QString &text) {
        return text.contains(QLatin1String("test"), Qt::CaseInsensitive);
    };
    for (const QString &selected : nodes) {
        for (const QString &path : hierarchy.subtree(selected)) {
            if (path == selected)
                continue;
            const Domain::Node *node = hierarchy.node(path);
            if (!node || !(isTest(Domain::lastSlug(path)) || isTest(node->title)))
                continue;
            // A test group under another test group is in that wave already.
            const bool covered = std::any_of(tests.cbegin(), tests.cend(),
                [&](const QString &t) { return Domain::isAncestorOrSelf(t, path); });
            if (covered)
                continue;
            tests.append(path);
            titles.append(waveName(hierarchy, nodes, path));
        }
    }
    QList<Domain::WaveSpec> waves;
    if (!tests.isEmpty()) {
        Domain::WaveSpec test;
        test.nodes = tests;
        test.name = titles.join(QStringLiteral(", "));
        waves.append(test);
    }
    Domain::WaveSpec quarter;
    quarter.percent = 25;
    waves.append(quarter);
    waves.append(Domain::WaveSpec {}); // the rest
    return waves;
}

QString FlashDialog::waveName(
    const Domain::Hierarchy &hierarchy, const QStringList &selectedNodes, const QString &path)
{
    for (const QString &selected : selectedNodes) {
        if (!Domain::isStrictAncestor(selected, path))
            continue;
        QStringList titles;
        const QStringList chain = Domain::pathChain(path);
        for (qsizetype i = Domain::pathDepth(selected); i < chain.size(); ++i) {
            const Domain::Node *node = hierarchy.node(chain.at(i));
            titles.append(node ? node->title : Domain::lastSlug(chain.at(i)));
        }
        return titles.join(QStringLiteral(" \u203a "));
    }
    return Domain::shortTitlePath(hierarchy, path);
}

QString FlashDialog::selectionTitle(
    const Sync::FleetState &state, const QStringList &nodes, const QStringList &devices)
{
    const Domain::Hierarchy hierarchy = state.hierarchy();
    QStringList parts;
    if (nodes.size() == 1)
        parts.append(Domain::shortTitlePath(hierarchy, nodes.constFirst()));
    else if (nodes.size() > 1)
        parts.append(tr("%1 and %n more", nullptr, static_cast<int>(nodes.size() - 1))
                         .arg(Domain::shortTitlePath(hierarchy, nodes.constFirst(), 40)));
    if (!devices.isEmpty()) {
        // Where the devices sit: the deepest node all of them are at or under.
        std::optional<QString> common;
        for (const QString &id : devices) {
            const auto it = state.devices.constFind(id);
            const Domain::Placement p = it == state.devices.cend()
                ? Domain::Placement {}
                : Domain::placeDevice(it->groups, hierarchy);
            const QString path = p.kind == Domain::PlacementKind::Node ? p.path : QString();
            if (!common) {
                common = path;
                continue;
            }
            while (!common->isEmpty() && !Domain::isAncestorOrSelf(*common, path))
                common = Domain::parentPath(*common);
            if (common->isEmpty())
                break;
        }
        const auto first = state.devices.constFind(devices.constFirst());
        const QString name = first == state.devices.cend() || first->name.isEmpty()
            ? devices.constFirst()
            : first->name;
        const int count = static_cast<int>(devices.size());
        const QString what = count == 1 ? name : tr("%n devices", nullptr, count);
        const bool inSelectedNode = std::any_of(nodes.cbegin(), nodes.cend(),
            [&](const QString &n) { return common && Domain::isAncestorOrSelf(n, *common); });
        parts.append(common && !common->isEmpty() && !inSelectedNode
                ? tr("%1 in %2").arg(what, Domain::shortTitlePath(hierarchy, *common, 40))
                : what);
    }
    return parts.join(tr(" and "));
}

} // namespace Flotilla::Views
