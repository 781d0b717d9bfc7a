// SPDX-License-Identifier: MIT
#pragma once

#include "domain/moves.h"
#include "edit/moveimpact.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QTreeWidget;

namespace Flotilla::Views {

// What a move will do, for the confirmation.
struct MovePreview
{
    QString headline; // "Move 3 devices to Borealis Energy?"
    Edit::MoveImpact impact;
    QList<Domain::GroupRename> renames; // a group moved with its subtree
    QHash<QString, QString> deviceNames; // id -> name, for the device list
};

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
