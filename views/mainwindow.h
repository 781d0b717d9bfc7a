// SPDX-License-Identifier: MIT
#pragma once

#include "domain/moves.h"
#include "domain/rolloutdefaults.h"
#include "views/mainwindowactions.h"
#include "views/selectioncontroller.h"

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

class QDragEnterEvent;
class QDropEvent;
class QLabel;
class QLineEdit;
class QMessageBox;
class QSplitter;
class QTableView;
class QToolBar;
class QUndoStack;

namespace Flotilla::Rollout {
class RolloutEngine;
}
namespace Flotilla::Session {
class ApiUsage;
}
namespace Flotilla::Sync {
class SyncEngine;
struct FleetDelta;
} // namespace Flotilla::Sync
namespace Flotilla::Tree {
class DeviceTableModel;
class FleetTreeModel;
} // namespace Flotilla::Tree
namespace Flotilla::Edit {
class FleetEditor;
}

namespace Flotilla::Views {

class ActivityWindow;
class CacheProblems;
class DetailPane;
class EditController;
class FleetTreeView;
class ProblemsDialog;
class RolloutMonitor;
class StatusBarController;

// What the window works with; everything is owned elsewhere (AppContext) and outlives it.
struct MainWindowParts
{
    Sync::SyncEngine *engine = nullptr;
    // The request allowance left (the status bar's headroom); none: not shown.
    Session::ApiUsage *usage = nullptr;
    // The models follow the engine themselves (FleetTreeModel::followEngine()).
    Tree::FleetTreeModel *tree = nullptr;
    Tree::DeviceTableModel *table = nullptr;
    QUndoStack *undoStack = nullptr;
    Edit::FleetEditor *editor = nullptr; // every edit of the fleet
    // Flash… and the Rollouts window (none: not offered).
    Rollout::RolloutEngine *rollouts = nullptr;
};

// The console: the fleet tree (left), the devices of the selected node and its descendants
// (centre, filterable and sortable), the details of the selected device or node (right), a
// toolbar, menus with the standard shortcuts and a status bar (sync phase, connectivity,
// pending changes, rate-limit headroom). The window lays them out and keeps the layout in
// QSettings; its parts do the rest: the actions (MainWindowActions), how the views follow one
// another (SelectionController), the status bar (StatusBarController) and the edits' dialogs
// (EditController), which hand each edit to the FleetEditor: one undo command on the shared
// QUndoStack, applied through the sync engine.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const MainWindowParts &parts, QWidget *parent = nullptr);
    ~MainWindow() override;

    // "Sandbox at http://127.0.0.1:41234" or "api.particle.io": window title and status bar.
    void setConnectionDescription(const QString &text);
    // The product's OAuth client, to create customer accounts (kept in memory only).
    void setProductClient(const QString &clientId, const QString &clientSecret);
    // Whether "Sign in…" and "Product OAuth client…" are offered (a real cloud; the sandbox
    // signs in by itself and brings its own client).
    void setSignInAvailable(bool available);
    // Whether the product's OAuth client is known (customer accounts can be created).
    bool hasProductClient() const;
    // Whether the cloud is the sandbox this session started, whose fleet (and every rollout on
    // it) is discarded when the window closes: closing asks first while rollouts run.
    void setThrowawayCloud(bool throwaway);
    // What Flash… starts a rollout from: the default waves' thresholds, the device timeout.
    void setRolloutDefaults(const Domain::RolloutDefaults &defaults);
    // File › Profiles: `entries` (id, title) to switch to, `current` checked; with Add profile…,
    // and Sign out and Remove profile… when `signedIn` (the current one is a profile, not the
    // demo). Hidden until set.
    void setProfiles(
        const QList<QPair<QString, QString>> &entries, const QString &current, bool signedIn);
    // Whether View › Reset demo… is offered (the demo).
    void setResetDemoAvailable(bool available);

    FleetTreeView *treeView() const { return m_treeView; }
    QTableView *deviceView() const { return m_tableView; }
    QLineEdit *filterField() const { return m_filter; }
    DetailPane *detailPane() const { return m_detail; }
    QLabel *pendingLabel() const;
    ProblemsDialog *problemsDialog() const;
    RolloutMonitor *rolloutMonitor() const;
    QLabel *rolloutLabel() const;
    // What the window says when the local cache is damaged or cannot be read.
    CacheProblems *cacheProblems() const { return m_cacheProblems; }

    // What Flash… would flash (SelectionController::flashSelection()).
    using FlashSelection = Views::FlashSelection;
    FlashSelection flashSelection() const;

    // The devices the user has selected: in the view that has the focus, else the table's,
    // else the device rows of the tree.
    QStringList selectedDeviceIds() const;
    // Selects a node (or pool) in the tree and shows its devices.
    void selectNode(const QString &path);
    // Moves devices, asking for confirmation first when an owner or a firmware target changes.
    void requestMoveDevices(const QStringList &deviceIds, const Domain::MoveTarget &target);
    // Moves a group node with its subtree under another node (always confirmed).
    void requestMoveNode(const QString &path, const QString &newParentPath);
    // The device table's selected rows as tab-separated text: a header line, then one line per
    // row, the columns shown in their order (and the device ID when its column is hidden), as
    // the table shows them. What Ctrl+C in the table copies.
    QString selectedRowsText() const;
    // The devices Copy device IDs, Edit notes… and Move to… act on: the selected devices of the
    // view that has the focus, else the table's, else the tree's; for Copy device IDs, with no
    // device selected, every device under the customers, groups and pools selected in the tree.
    QStringList devicesForCopy() const;

public Q_SLOTS:
    void showMoveToPicker();
    void newCustomer();
    void newGroup();
    void renameNode();
    void deleteNode();
    void showProblems();
    // Notes of the selected devices (one or many), as one undoable edit.
    void editNotes();
    void copyRows();
    void copyDeviceIds();
    // Flash… on the selection.
    void showFlashDialog();
    // The Rollouts window, on rollout `id` when given.
    void showRollouts(qint64 id = 0);
    // View › Activity: the activity log (made when first shown).
    void showActivity();

Q_SIGNALS:
    void signInRequested();
    void productClientRequested();
    // The user chose to set an unreadable cache aside and start a new one.
    void cacheSetAsideRequested();
    // Edit › Settings… (Preferences on macOS).
    void settingsRequested();
    // File › Profiles: another profile (its id from setProfiles) was chosen, Add profile…,
    // Sign out, Remove profile…; View › Reset demo… (asked first).
    void profileChosen(const QString &id);
    void addProfileRequested();
    void signOutRequested();
    void removeProfileRequested();
    void resetDemoRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    // A spreadsheet dropped onto the window is imported (the import dialog opens).
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *createCentralWidget();
    void connectActions();
    void connectEngine();
    void restoreLayout();
    void fitToolBar();
    // Closing while rollouts run: what stops and what is lost, Quit or Cancel.
    void askBeforeQuitting();
    // Asks for a spreadsheet file and opens the import dialog on it.
    void chooseImportFile();
    void saveLayout() const;

    void onLoaded();
    void onFleetChanged(const Sync::FleetDelta &delta);
    void updateActions();
    void updateProblemsAction();
    void showError(const QString &message);
    // Why an edit (or its undo or redo) was refused; nothing changed.
    void reportRefusal(const QString &error);
    // Undo or redo on the stack, then says so (unless it was refused).
    void undoOrRedo(bool redo);

    Sync::SyncEngine *m_engine;
    Tree::FleetTreeModel *m_tree;
    Tree::DeviceTableModel *m_table;
    QUndoStack *m_undoStack;
    Rollout::RolloutEngine *m_rollouts = nullptr;
    EditController *m_edits = nullptr; // the edit dialogs
    SelectionController *m_selection = nullptr;
    StatusBarController *m_status = nullptr;
    MainWindowActions m_actions;
    bool m_throwawayCloud = false;
    Domain::RolloutDefaults m_rolloutDefaults;
    bool m_resetDemoConnected = false;
    bool m_quitConfirmed = false;
    bool m_editRefused = false;
    QPointer<QMessageBox> m_quitQuestion;

    FleetTreeView *m_treeView = nullptr;
    QTableView *m_tableView = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_filterInfo = nullptr;
    DetailPane *m_detail = nullptr;
    QSplitter *m_splitter = nullptr;
    QToolBar *m_toolBar = nullptr;
    int m_toolBarTextWidth = 0; // the width the toolbar needs with texts
    QPointer<ProblemsDialog> m_problems;
    QPointer<RolloutMonitor> m_monitor;
    QPointer<ActivityWindow> m_activity;
    CacheProblems *m_cacheProblems = nullptr;
};

} // namespace Flotilla::Views
