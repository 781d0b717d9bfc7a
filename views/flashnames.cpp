// SPDX-License-Identifier: MIT
// FlashDialog: how it names what is flashed (the selection, the waves) and the default waves of
// a staged rollout, as the tree layer has them for flotillactl too (tree/rolloutmodels.h); the
// dialog itself is in flashdialog.cpp.
#include "tree/rolloutmodels.h"
#include "views/flashdialog.h"

namespace Flotilla::Views {

QList<Domain::WaveSpec> FlashDialog::defaultWaves(const Domain::Hierarchy &hierarchy,
    const QStringList &nodes, const Domain::RolloutDefaults &defaults)
{
    return Tree::defaultWaves(hierarchy, nodes, defaults);
}

QString FlashDialog::waveName(
    const Domain::Hierarchy &hierarchy, const QStringList &selectedNodes, const QString &path)
{
    return Tree::waveName(hierarchy, selectedNodes, path);
}

QString FlashDialog::selectionTitle(
    const Sync::FleetState &state, const QStringList &nodes, const QStringList &devices)
{
    return Tree::flashSelectionTitle(state, nodes, devices);
}

} // namespace Flotilla::Views
