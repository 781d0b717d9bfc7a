// SPDX-License-Identifier: MIT
#pragma once

#include "store/changes.h"
#include "tree/commands.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUndoCommand>

#include <functional>

namespace Flotilla::Sync {
class SyncEngine;
}

namespace Flotilla::Views {

// Receives why an edit was refused (empty edits are never reported).
using ErrorReporter = std::function<void(const QString &error)>;

// The window's MoveExecutor: forwards to the real one (EngineMoveExecutor) and reports every
// refusal, so that a refused redo or undo (the command then drops out of the stack) is still
// shown to the user.
class ReportingExecutor final : public Tree::MoveExecutor
{
public:
    ReportingExecutor(Tree::MoveExecutor *inner, ErrorReporter reporter);
    ~ReportingExecutor() override;
    Q_DISABLE_COPY_MOVE(ReportingExecutor)

    QString moveDevices(const QStringList &deviceIds, const Domain::MoveTarget &target) override;
    QString setDeviceGroups(const QHash<QString, QStringList> &groupsByDevice) override;
    QString changeSubtree(const Tree::SubtreeEdit &edit) override;

private:
    QString report(const QString &error) const;
    Tree::MoveExecutor *m_inner;
    ErrorReporter m_reporter;
};

// An edit of Particle groups (create, describe, delete) as one undoable step: redo applies
// `redoEntries` and undo `undoEntries`, each as one local edit of the sync engine (one
// transaction, one activity record). Holds group names only.
class GroupEditCommand final : public QUndoCommand
{
public:
    GroupEditCommand(Sync::SyncEngine *engine, const QString &action, const QString &subject,
        const QList<Store::OutboxEntry> &redoEntries, const QList<Store::OutboxEntry> &undoEntries,
        const QString &text, ErrorReporter reporter, QUndoCommand *parent = nullptr);
    ~GroupEditCommand() override;
    Q_DISABLE_COPY_MOVE(GroupEditCommand)

    void redo() override;
    void undo() override;
    QString error() const { return m_error; }

private:
    void run(const QString &action, const QList<Store::OutboxEntry> &entries);

    QPointer<Sync::SyncEngine> m_engine;
    QString m_action;
    QString m_subject;
    QList<Store::OutboxEntry> m_redo;
    QList<Store::OutboxEntry> m_undo;
    ErrorReporter m_reporter;
    QString m_error;
};

// Gives devices their repaired groups (Domain::repairGroups); undo gives them back exactly the
// groups they had.
class RepairDevicesCommand final : public QUndoCommand
{
public:
    RepairDevicesCommand(Tree::MoveExecutor *executor, const QHash<QString, QStringList> &before,
        const QHash<QString, QStringList> &after, const QString &text,
        QUndoCommand *parent = nullptr);
    ~RepairDevicesCommand() override;
    Q_DISABLE_COPY_MOVE(RepairDevicesCommand)

    void redo() override;
    void undo() override;

private:
    Tree::MoveExecutor *m_executor;
    QHash<QString, QStringList> m_before;
    QHash<QString, QStringList> m_after;
};

} // namespace Flotilla::Views
