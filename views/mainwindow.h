// SPDX-License-Identifier: MIT
#pragma once

#include "domain/moves.h"
#include "tree/devicetablemodel.h"
#include "tree/dragdrop.h"

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QMessageBox;
class QSplitter;
class QTableView;
class QToolBar;
class QUndoCommand;
class QUndoStack;

namespace Flotilla::Remote {
class ParticleClient;
}
namespace Flotilla::Rollout {
class RolloutEngine;
}
namespace Flotilla::Sync {
class SyncEngine;
struct FleetDelta;
} // namespace Flotilla::Sync
namespace Flotilla::Tree {
class FleetTreeModel;
} // namespace Flotilla::Tree
namespace Flotilla::Edit {
class FleetEditor;
}

namespace Flotilla::Views {

class DetailPane;
class FleetTreeView;
class FlashDialog;
class ProblemsDialog;
class EditController;
class RolloutMonitor;

// What the window works with; everything is owned elsewhere (AppContext) and outlives it.
struct MainWindowParts
{
    Sync::SyncEngine *engine = nullptr;
    // Statistics (rate-limit headroom) and the few calls that are not edits of the fleet
    // (creating a customer account).
    Remote::ParticleClient *client = nullptr;
    Tree::FleetTreeModel *tree = nullptr;
    Tree::DeviceTableModel *table = nullptr;
    QUndoStack *undoStack = nullptr;
    Edit::FleetEditor *editor = nullptr; // every edit of the fleet
    // Flash… and the Rollouts window (none: not offered).
    Rollout::RolloutEngine *rollouts = nullptr;
    int productId = 0;
};

// The console: the fleet tree (left), the devices of the selected node and its descendants
// (centre, filterable and sortable), the details of the selected device or node (right), a
// toolbar, menus with the standard shortcuts and a status bar (sync phase, connectivity,
// pending changes, rate-limit headroom). Every edit is an undo command on the shared
// QUndoStack, applied through the sync engine (local first, then pushed); the models follow
// the engine's fleetChanged. Drops and "Move to…" that change an owner or a firmware target are
// confirmed first. Layout (geometry, docks, splitter, column states) is kept in QSettings.
class CacheProblems;

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

    FleetTreeView *treeView() const { return m_treeView; }
    QTableView *deviceView() const { return m_tableView; }
    QLineEdit *filterField() const { return m_filter; }
    DetailPane *detailPane() const { return m_detail; }
    QLabel *pendingLabel() const { return m_pendingLabel; }
    ProblemsDialog *problemsDialog() const;
    RolloutMonitor *rolloutMonitor() const;
    QLabel *rolloutLabel() const { return m_rolloutLabel; }
    // What the window says when the local cache is damaged or cannot be read.
    CacheProblems *cacheProblems() const { return m_cacheProblems; }

    // What Flash… would flash: the customers and groups selected in the tree (nodes) and the
    // devices selected one by one (the table's when it has the focus). Empty: nothing.
    struct FlashSelection
    {
        QStringList nodes;
        QStringList devices;
        QString title;
        bool isEmpty() const { return nodes.isEmpty() && devices.isEmpty(); }
    };
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

Q_SIGNALS:
    void signInRequested();
    void productClientRequested();
    // The user chose to set an unreadable cache aside and start a new one.
    void cacheSetAsideRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void connectEngine();
    void restoreLayout();
    void fitToolBar();
    // Closing while rollouts run: what stops and what is lost, Quit or Cancel.
    void askBeforeQuitting();
    void saveLayout() const;

    void onLoaded();
    void onFleetChanged(const Sync::FleetDelta &delta);
    void onPendingChanged();
    void onTreeCurrentChanged();
    void onTableCurrentChanged();
    void ensureInitialSelection();
    void tryInitialSelection();
    void updateActions();
    void updateStatus();
    void updateHeadroom();
    void updateProblemsAction();
    void updateFilterInfo();
    void updateRolloutStatus();
    void showDetail();
    void showError(const QString &message);
    // Why an edit (or its undo or redo) was refused; nothing changed.
    void reportRefusal(const QString &error);
    // "Done here, being sent to the cloud: <text>", or kept here while working offline; once
    // every change has been confirmed, "Sent to the cloud: <text>" (not when a change was
    // refused). The outcome comes first: a long text is cut at the end.
    void announceEdit(const QString &text, const QString &prefix = QString());
    void reportSent();
    void updateUndoRedoActions();
    void onWorkOfflineToggled(bool offline);

    // The tree's current row, in column 0 (invalid when none).
    QModelIndex currentTreeIndex() const;
    // The view the details pane follows: the one the user last chose a row in.
    enum class DetailSource { Tree, Table };
    void onTreeActivated();
    void onTableActivated();
    // After the tree changed: the table's scope follows the tree's current row again (a moved
    // device takes it to its new place), and the details pane shows the current row.
    void followTreeCurrent();
    QString currentNodePath() const;

    Sync::SyncEngine *m_engine;
    QPointer<Remote::ParticleClient> m_client;
    Tree::FleetTreeModel *m_tree;
    Tree::DeviceTableModel *m_table;
    QUndoStack *m_undoStack;
    EditController *m_edits = nullptr; // the edit dialogs
    QString m_connection;
    bool m_initialSelectionDone = false;
    bool m_initialSelectionQueued = false;
    std::optional<Tree::DeviceScope> m_scope;
    DetailSource m_detailSource = DetailSource::Tree;
    // The table is inside a model change: its current row moves by itself, not by the user.
    bool m_tableChanging = false;
    bool m_throwawayCloud = false;
    bool m_quitConfirmed = false;
    QPointer<QMessageBox> m_quitQuestion;
    // The last edit announced while changes were on their way, how many were announced since
    // the last "sent", and whether the cloud refused one meanwhile.
    QString m_sentNotice;
    int m_sentNoticeCount = 0;
    bool m_sentNoticeRefused = false;
    bool m_editRefused = false;
    QString m_lastNotice; // the last status message of the edit notices

    FleetTreeView *m_treeView = nullptr;
    QTableView *m_tableView = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_filterInfo = nullptr;
    DetailPane *m_detail = nullptr;
    QSplitter *m_splitter = nullptr;
    QToolBar *m_toolBar = nullptr;
    int m_toolBarTextWidth = 0; // the width the toolbar needs with texts
    QPointer<ProblemsDialog> m_problems;
    Rollout::RolloutEngine *m_rollouts = nullptr;
    QPointer<RolloutMonitor> m_monitor;

    QLabel *m_phaseLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_pendingLabel = nullptr;
    QLabel *m_headroomLabel = nullptr;
    QLabel *m_rolloutLabel = nullptr;
    CacheProblems *m_cacheProblems = nullptr;

    QAction *m_syncAction = nullptr;
    QAction *m_offlineAction = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_productClientAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_moveAction = nullptr;
    QAction *m_newCustomerAction = nullptr;
    QAction *m_newGroupAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_problemsAction = nullptr;
    QAction *m_flashAction = nullptr;
    QAction *m_rolloutsAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_copyRowsAction = nullptr;
    QAction *m_copyIdsAction = nullptr;
    QAction *m_notesAction = nullptr;
    QAction *m_expandAction = nullptr;
    QAction *m_collapseAction = nullptr;
    QAction *m_aboutAction = nullptr;
};

} // namespace Flotilla::Views
