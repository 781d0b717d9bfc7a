// SPDX-License-Identifier: MIT
#pragma once

#include "domain/hierarchy.h"
#include "domain/moves.h"
#include "store/changes.h"
#include "sync/fleetstate.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUndoCommand>

#include <functional>
#include <memory>

namespace Flotilla::Edit {

// The undo commands of every fleet edit. Commands hold ids and group names only, never items,
// indexes or row numbers; they act through an EditExecutor, which FleetEditor satisfies (on the
// sync engine) and tests can record. A refused redo or undo makes the command obsolete (a
// QUndoStack then drops it) and error() says why.

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
class EditExecutor
{
public:
    EditExecutor() = default;
    virtual ~EditExecutor();
    Q_DISABLE_COPY_MOVE(EditExecutor)

    virtual QString moveDevices(const QStringList &deviceIds, const Domain::MoveTarget &target) = 0;
    // Gives each device exactly these groups (labels included); owners are left alone.
    virtual QString setDeviceGroups(const QHash<QString, QStringList> &groupsByDevice) = 0;
    virtual QString changeSubtree(const SubtreeEdit &edit) = 0;
    // Outbox entries as one edit (one transaction, one activity record named by `action` and
    // `subject`).
    virtual QString applyEntries(
        const QString &action, const QString &subject, const QList<Store::OutboxEntry> &entries)
        = 0;
    // A command found, before it changed anything, that it cannot be done (or undone) now:
    // says so as the executor says every refusal, and returns `reason`.
    virtual QString refuse(const QString &reason) { return reason; }
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

// Where each device of `deviceIds` is in `state` (unknown ids left out).
QHash<QString, OriginalPlacement> originalPlacements(const Sync::FleetState &state,
    const Domain::Hierarchy &hierarchy, const QStringList &deviceIds);

class MoveDevicesCommand final : public QUndoCommand
{
public:
    MoveDevicesCommand(EditExecutor *executor, const QStringList &deviceIds,
        const Domain::MoveTarget &target, const QHash<QString, OriginalPlacement> &original,
        const QString &text, QUndoCommand *parent = nullptr);
    // Records where each device of `deviceIds` is in `state` and names the command ("Move 3
    // devices to Acme Logistics › Berlin depot"). Unknown ids are left out.
    static std::unique_ptr<MoveDevicesCommand> create(EditExecutor *executor,
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
    EditExecutor *m_executor;
    QStringList m_deviceIds;
    Domain::MoveTarget m_target;
    QHash<QString, OriginalPlacement> m_original;
    QString m_error;
};

class MoveNodeCommand final : public QUndoCommand
{
public:
    MoveNodeCommand(EditExecutor *executor, const SubtreeEdit &edit, const QString &text,
        QUndoCommand *parent = nullptr);
    // Moves the group node `path` and its subtree under `newParentPath` (with `newSlug`, or its
    // own when empty): Domain::planSubtreeMove. Nothing, with `error` set, when refused.
    static std::unique_ptr<MoveNodeCommand> move(EditExecutor *executor,
        const Sync::FleetState &state, const QString &path, const QString &newParentPath,
        const QString &newSlug, QString *error, QUndoCommand *parent = nullptr);
    // Renames the node `path` (customer or group) and its subtree: Domain::planNodeRename.
    static std::unique_ptr<MoveNodeCommand> rename(EditExecutor *executor,
        const Sync::FleetState &state, const QString &path, const QString &newSlug, QString *error,
        QUndoCommand *parent = nullptr);
    Q_DISABLE_COPY_MOVE(MoveNodeCommand)
    ~MoveNodeCommand() override;

    void redo() override; // changeSubtree(edit)
    void undo() override; // changeSubtree(edit.inverse())

    QString error() const { return m_error; }
    const SubtreeEdit &edit() const { return m_edit; }

private:
    static std::unique_ptr<MoveNodeCommand> fromChange(EditExecutor *executor,
        const Sync::FleetState &state, const Domain::Hierarchy &hierarchy, const QString &path,
        const Domain::SubtreeChange &change, const QString &text, QUndoCommand *parent);

    EditExecutor *m_executor;
    SubtreeEdit m_edit;
    QString m_error;
};

// Outbox entries planned when the command runs: redo applies what `redoPlan` gives, undo what
// `undoPlan` gives, each as one edit of the executor (one transaction). A plan that is refused
// (its `error`) changes nothing. Group creations, descriptions, deletions, device notes and
// names, and batch plans are such commands.
struct PlannedEntries
{
    QList<Store::OutboxEntry> entries;
    QString error;
};
using EntriesPlanner = std::function<PlannedEntries()>;

class EntriesCommand final : public QUndoCommand
{
public:
    EntriesCommand(EditExecutor *executor, const QString &action, const QString &subject,
        EntriesPlanner redoPlan, EntriesPlanner undoPlan, const QString &text,
        QUndoCommand *parent = nullptr);
    // Fixed entries: `redoEntries` on redo, `undoEntries` on undo.
    EntriesCommand(EditExecutor *executor, const QString &action, const QString &subject,
        const QList<Store::OutboxEntry> &redoEntries, const QList<Store::OutboxEntry> &undoEntries,
        const QString &text, QUndoCommand *parent = nullptr);
    ~EntriesCommand() override;
    Q_DISABLE_COPY_MOVE(EntriesCommand)

    void redo() override;
    void undo() override; // applied as "undo <action>"
    QString error() const { return m_error; }

private:
    void run(const QString &action, const EntriesPlanner &plan);

    EditExecutor *m_executor;
    QString m_action;
    QString m_subject;
    EntriesPlanner m_redo;
    EntriesPlanner m_undo;
    QString m_error;
};

// Gives devices their repaired groups (Domain::repairGroups); undo gives them back exactly the
// groups they had.
class RepairDevicesCommand final : public QUndoCommand
{
public:
    RepairDevicesCommand(EditExecutor *executor, const QHash<QString, QStringList> &before,
        const QHash<QString, QStringList> &after, const QString &text,
        QUndoCommand *parent = nullptr);
    ~RepairDevicesCommand() override;
    Q_DISABLE_COPY_MOVE(RepairDevicesCommand)

    void redo() override;
    void undo() override;
    QString error() const { return m_error; }

private:
    EditExecutor *m_executor;
    QHash<QString, QStringList> m_before;
    QHash<QString, QStringList> m_after;
    QString m_error;
};

} // namespace Flotilla::Edit
