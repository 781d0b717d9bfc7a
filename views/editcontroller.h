// SPDX-License-Identifier: MIT
#pragma once

#include "domain/moves.h"
#include "tree/dragdrop.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>

class QUndoCommand;
class QUndoStack;

namespace Flotilla::Remote {
class ParticleClient;
}
namespace Flotilla::Sync {
class SyncEngine;
}
namespace Flotilla::Tree {
class FleetTreeModel;
class MoveExecutor;
} // namespace Flotilla::Tree

namespace Flotilla::Views {

class MainWindow;
class ReportingExecutor;

// The console's edits as the user makes them: shows the dialogs that ask what to do (move
// confirmation, Move to…, customer and group dialogs, notes, delete confirmation) and hands
// the answer over as one undoable edit. The window owns it; it says what happened through
// its signals (the window's status bar).
class EditController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditController)

public:
    struct Parts
    {
        Sync::SyncEngine *engine = nullptr;
        Remote::ParticleClient *client = nullptr;
        Tree::FleetTreeModel *tree = nullptr;
        QUndoStack *undoStack = nullptr;
        Tree::MoveExecutor *executor = nullptr;
        int productId = 0;
    };
    EditController(const Parts &parts, MainWindow *window);
    ~EditController() override;

    void setProductClient(const QString &clientId, const QString &clientSecret);
    bool hasProductClient() const { return !m_clientId.isEmpty() && !m_clientSecret.isEmpty(); }

    // Moves devices, asking for confirmation first when an owner or a firmware target changes.
    void requestMoveDevices(const QStringList &deviceIds, const Domain::MoveTarget &target);
    // Moves a group node with its subtree under another node (always confirmed).
    void requestMoveNode(const QString &path, const QString &newParentPath);
    void onDrop(const Tree::DropRequest &request);
    void showMoveToPicker();
    void newCustomer();
    void newGroup();
    void renameNode();
    void deleteNode();
    void editNotes();
    // Gives devices their repaired groups, as one undoable edit.
    void repairDevices(
        const QHash<QString, QStringList> &before, const QHash<QString, QStringList> &after);

Q_SIGNALS:
    // A message for the status bar that stays a while (a refusal, an error).
    void errorOccurred(const QString &message);
    // An edit (or its undo or redo) was refused: nothing changed.
    void editRefused(const QString &error);
    // An edit was applied here; `prefix` is what happened before it.
    void editApplied(const QString &text, const QString &prefix);

private:
    void showError(const QString &message);
    void showMessage(const QString &message, int timeoutMs);
    void reportRefusal(const QString &error);
    bool pushEdit(QUndoCommand *command);
    void applyMoveDevices(const QStringList &deviceIds, const Domain::MoveTarget &target);
    void applyMoveNode(const QString &path, const QString &newParentPath);
    void pushNodeCreation(const QString &path, const QString &title, const QString &account,
        const QString &prefix = QString());
    QString currentNodePath() const;

    MainWindow *m_window;
    Sync::SyncEngine *m_engine;
    QPointer<Remote::ParticleClient> m_client;
    Tree::FleetTreeModel *m_tree;
    QUndoStack *m_undoStack;
    std::unique_ptr<ReportingExecutor> m_executor;
    int m_productId;
    QString m_clientId;
    QString m_clientSecret;
    bool m_editRefused = false;
    QString m_lastRefusal;
};

} // namespace Flotilla::Views
