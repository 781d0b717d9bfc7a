// SPDX-License-Identifier: MIT
#pragma once

#include "domain/moves.h"
#include "tree/moveimpact.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QTreeWidget;

namespace Flotilla::Tree {
struct SubtreeEdit;
}

namespace Flotilla::Views {

// What a move will do, for the confirmation.
struct MovePreview
{
    QString headline; // "Move 3 devices to Borealis Energy?"
    Tree::MoveImpact impact;
    QList<Domain::GroupRename> renames; // a group moved with its subtree
    QHash<QString, QString> deviceNames; // id -> name, for the device list
};

// The impact of a subtree edit (a group moved under another node): every device of the
// subtree gets the renamed groups and the member delta; releases follow their renamed groups;
// owners change as EngineMoveExecutor::changeSubtree changes them.
Tree::MoveImpact subtreeImpact(const Sync::FleetState &state, const Tree::SubtreeEdit &edit);

// Shown before a move that changes an owner or a firmware target is applied: how many devices
// go where, which firmware target changes (from -> to, per count: those devices will be
// flashed), which owners change, and the devices one by one. Accept = apply the move.
class MoveConfirmDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MoveConfirmDialog)

public:
    explicit MoveConfirmDialog(const MovePreview &preview, QWidget *parent = nullptr);
    ~MoveConfirmDialog() override;

    // The summary lines, as shown (for tests).
    QStringList summaryLines() const { return m_lines; }

private:
    QStringList m_lines;
};

} // namespace Flotilla::Views
