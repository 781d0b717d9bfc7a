// SPDX-License-Identifier: MIT
#pragma once

#include "domain/moves.h"
#include "tree/dragdrop.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace Flotilla::Edit {
class FleetEditor;
struct EditPlan;
} // namespace Flotilla::Edit
namespace Flotilla::Sync {
class SyncEngine;
struct ImportOutcome;
} // namespace Flotilla::Sync
namespace Flotilla::Tree {
class FleetTreeModel;
}

class QDialog;

namespace Flotilla::Views {

class MainWindow;

// The console's edits as the user makes them: shows the dialogs that ask what to do (move
// confirmation, Move to…, customer and group dialogs, notes, delete confirmation) and hands
// the answer to the FleetEditor, which plans, checks and applies it as one undoable edit. The
// window owns it; it says what happened through its signals (the window's status bar).
class EditController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditController)

public:
    struct Parts
    {
        Sync::SyncEngine *engine = nullptr; // what the dialogs show
        Edit::FleetEditor *editor = nullptr;
        Tree::FleetTreeModel *tree = nullptr; // drops
    };
    EditController(const Parts &parts, MainWindow *window);
    ~EditController() override;

    // The product's OAuth client, for the editor's account service (which keeps it).
    void setProductClient(const QString &clientId, const QString &clientSecret);
    // Whether new customers can get a new customer account (the product's OAuth client is
    // known).
    bool hasProductClient() const;

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
    // Opens the import dialog for a spreadsheet file and applies what it previews.
    void importFile(const QString &path);
    // The import dialog open now (none: nullptr), for tests.
    QDialog *importDialog() const;
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
    // Applies a plan and says so (editApplied); a refused plan or one with nothing to do is
    // said instead. True when applied.
    bool applyPlan(const Edit::EditPlan &plan, const QString &prefix = QString());
    QString currentNodePath() const;

    // What Particle answered to an import: the rows of identifiers it refused.
    void importFinished(const Sync::ImportOutcome &outcome);

    MainWindow *m_window;
    Sync::SyncEngine *m_engine;
    Edit::FleetEditor *m_editor;
    Tree::FleetTreeModel *m_tree;
    QPointer<QDialog> m_importDialog;
};

} // namespace Flotilla::Views
