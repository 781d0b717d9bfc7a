// SPDX-License-Identifier: MIT
#pragma once

#include "domain/hierarchy.h"
#include "domain/moves.h"
#include "sync/fleetstate.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUndoCommand>

#include <memory>

namespace Flotilla::Tree {

// Undo/redo of moves in the tree. Commands hold ids and group names only, never items,
// indexes or row numbers; they act through a MoveExecutor, which the sync engine satisfies
// (EngineMoveExecutor) and tests can record.

// Moving or renaming a subtree as one edit (docs/hierarchy.md §7): the group renames, parents
// first; then `memberDelta` for every device of the subtree; then the owner change from
// `fromAccount` to `toAccount` for those devices.
struct SubtreeEdit
{
    QList<Domain::GroupRename> renames;
    QStringList deviceIds;
    Domain::GroupDelta memberDelta;
    QString fromAccount;
    QString toAccount;
    QString subject; // for the activity log: what is moved or renamed
    SubtreeEdit inverse() const; // undoes this edit on the state it produced
    bool operator==(const SubtreeEdit &) const = default;
};

// Carries out edits; each call returns an empty string when the edit is made (queued), else
// why it was refused (and then nothing changed).
class MoveExecutor
{
public:
    MoveExecutor() = default;
    virtual ~MoveExecutor();
    Q_DISABLE_COPY_MOVE(MoveExecutor)

    virtual QString moveDevices(const QStringList &deviceIds, const Domain::MoveTarget &target) = 0;
    // Gives each device exactly these groups (labels included); owners are left alone.
    virtual QString setDeviceGroups(const QHash<QString, QStringList> &groupsByDevice) = 0;
    virtual QString changeSubtree(const SubtreeEdit &edit) = 0;
};

// "Acme Logistics › Berlin depot", "Unassigned", "Returns": a target for the user.
QString targetLabel(const Domain::Hierarchy &hierarchy, const Domain::MoveTarget &target);

// Where a device was before a move, for undo.
struct OriginalPlacement
{
    Domain::MoveTarget target; // a node, Unassigned or Returns
    // The device was in Needs repair: undo gives it back exactly `groups`.
    bool inconsistent = false;
    QStringList groups;
    bool operator==(const OriginalPlacement &) const = default;
};

class MoveDevicesCommand final : public QUndoCommand
{
public:
    MoveDevicesCommand(MoveExecutor *executor, const QStringList &deviceIds,
        const Domain::MoveTarget &target, const QHash<QString, OriginalPlacement> &original,
        const QString &text, QUndoCommand *parent = nullptr);
    // Records where each device of `deviceIds` is in `state` and names the command ("Move 3
    // devices to Acme Logistics › Berlin depot"). Unknown ids are left out.
    static std::unique_ptr<MoveDevicesCommand> create(MoveExecutor *executor,
        const Sync::FleetState &state, const QStringList &deviceIds,
        const Domain::MoveTarget &target, QUndoCommand *parent = nullptr);
    Q_DISABLE_COPY_MOVE(MoveDevicesCommand)
    ~MoveDevicesCommand() override;

    // moveDevices(ids, target). When refused the command becomes obsolete (a QUndoStack then
    // drops it) and error() says why.
    void redo() override;
    // Moves the devices back, one call per original place; devices that came from Needs repair
    // get their exact groups back.
    void undo() override;

    QString error() const { return m_error; }
    const QStringList &deviceIds() const { return m_deviceIds; }
    const Domain::MoveTarget &target() const { return m_target; }
    const QHash<QString, OriginalPlacement> &original() const { return m_original; }

private:
    MoveExecutor *m_executor;
    QStringList m_deviceIds;
    Domain::MoveTarget m_target;
    QHash<QString, OriginalPlacement> m_original;
    QString m_error;
};

class MoveNodeCommand final : public QUndoCommand
{
public:
    MoveNodeCommand(MoveExecutor *executor, const SubtreeEdit &edit, const QString &text,
        QUndoCommand *parent = nullptr);
    // Moves the group node `path` and its subtree under `newParentPath` (with `newSlug`, or its
    // own when empty): Domain::planSubtreeMove. Nothing, with `error` set, when refused.
    static std::unique_ptr<MoveNodeCommand> move(MoveExecutor *executor,
        const Sync::FleetState &state, const QString &path, const QString &newParentPath,
        const QString &newSlug, QString *error, QUndoCommand *parent = nullptr);
    // Renames the node `path` (customer or group) and its subtree: Domain::planNodeRename.
    static std::unique_ptr<MoveNodeCommand> rename(MoveExecutor *executor,
        const Sync::FleetState &state, const QString &path, const QString &newSlug, QString *error,
        QUndoCommand *parent = nullptr);
    Q_DISABLE_COPY_MOVE(MoveNodeCommand)
    ~MoveNodeCommand() override;

    void redo() override; // changeSubtree(edit)
    void undo() override; // changeSubtree(edit.inverse())

    QString error() const { return m_error; }
    const SubtreeEdit &edit() const { return m_edit; }

private:
    static std::unique_ptr<MoveNodeCommand> fromChange(MoveExecutor *executor,
        const Sync::FleetState &state, const Domain::Hierarchy &hierarchy, const QString &path,
        const Domain::SubtreeChange &change, const QString &text, QUndoCommand *parent);

    MoveExecutor *m_executor;
    SubtreeEdit m_edit;
    QString m_error;
};

} // namespace Flotilla::Tree
