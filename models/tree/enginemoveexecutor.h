// SPDX-License-Identifier: MIT
#pragma once

#include "tree/commands.h"

#include <QPointer>

namespace Flotilla::Sync {
class SyncEngine;
}

namespace Flotilla::Tree {

// The sync engine as the executor of the tree's undo commands. Each call is one local edit of
// the engine (one transaction, one activity record); the engine's fleetChanged then brings the
// change into FleetTreeModel::applyDelta.
class EngineMoveExecutor final : public MoveExecutor
{
public:
    explicit EngineMoveExecutor(Sync::SyncEngine *engine);
    ~EngineMoveExecutor() override;
    Q_DISABLE_COPY_MOVE(EngineMoveExecutor)

    QString moveDevices(const QStringList &deviceIds, const Domain::MoveTarget &target) override;
    QString setDeviceGroups(const QHash<QString, QStringList> &groupsByDevice) override;
    // The renames (PUT /groups), the member delta (batch PUT /devices) and the owner changes
    // as one edit, so that the tree never shows the subtree half-moved.
    QString changeSubtree(const SubtreeEdit &edit) override;

    static constexpr int BatchSize = 500; // devices per group change, as the engine's default

private:
    QPointer<Sync::SyncEngine> m_engine;
};

} // namespace Flotilla::Tree
