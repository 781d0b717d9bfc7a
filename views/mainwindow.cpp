// SPDX-License-Identifier: MIT
#include "views/mainwindow.h"

#include "domain/nodepath.h"
#include "rollout/rolloutengine.h"
#include "sync/syncengine.h"
#include "tree/devicetablemodel.h"
#include "tree/fleettreemodel.h"
#include "tree/rolloutmodels.h"
#include "views/activitywindow.h"
#include "views/cacheproblems.h"
#include "views/detailpane.h"
#include "views/editcontroller.h"
#include "views/exportdialog.h"
#include "views/flashdialog.h"
#include "views/fleetitemdelegate.h"
#include "views/fleettreeview.h"
#include "views/headerwidths.h"
#include "views/logging.h"
#include "views/problemsdialog.h"
#include "views/rolloutmonitor.h"
#include "views/statusbarcontroller.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Flotilla::Views {

namespace {

constexpr int DefaultTreeWidths[] = {200, 56, 52, 128, 64, 58};
constexpr int CopiedNoticeMs = 8000;

bool isActive(const Domain::Rollout &r)
{
    return r.state == Domain::RolloutState::Running || r.state == Domain::RolloutState::Paused
        || r.state == Domain::RolloutState::RollingBack;
}

// The device table: sortable, columns movable and hidden by the header's menu, devices
// dragged onto the tree; widths and order for a first start (the saved layout wins).
void setUpDeviceTable(QTableView *view, Tree::DeviceTableModel *model)
{
    using C = Tree::DeviceTableModel;
    view->setObjectName(QStringLiteral("deviceTable"));
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setDragEnabled(true);
    view->setDragDropMode(QAbstractItemView::DragOnly);
    view->setDefaultDropAction(Qt::MoveAction);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    QHeaderView *header = view->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setSortIndicator(C::NameColumn, Qt::AscendingOrder);
    view->setSortingEnabled(true);
    const QList<QPair<int, int>> widths {{C::NameColumn, 150}, {C::IdColumn, 205},
        {C::SerialColumn, 130}, {C::LocationColumn, 190}, {C::OnlineColumn, 60},
        {C::LastHeardColumn, 145}, {C::FirmwareColumn, 70}, {C::TargetColumn, 62},
        {C::LockedColumn, 62}, {C::DevelopmentColumn, 48}, {C::OwnerColumn, 210},
        {C::NotesColumn, 160}, {C::PendingColumn, 64}};
    for (const auto &[column, width] : widths)
        resizeSectionAtLeast(header, column, width);
    for (const int hidden : {C::IdColumn, C::LockedColumn, C::DevelopmentColumn, C::NotesColumn})
        header->setSectionHidden(hidden, true);
    // What tells devices apart first; the rest can be dragged into place (and stays).
    const QList<int> order {C::NameColumn, C::OnlineColumn, C::FirmwareColumn, C::TargetColumn,
        C::PendingColumn, C::LastHeardColumn, C::LocationColumn, C::SerialColumn, C::OwnerColumn};
    for (int visual = 0; visual < order.size(); ++visual)
        header->moveSection(header->visualIndex(order.at(visual)), visual);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(header, &QHeaderView::customContextMenuRequested, view,
        [view, model, header](const QPoint &pos) {
            auto *menu = new QMenu(view);
            menu->setAttribute(Qt::WA_DeleteOnClose);
            for (int c = 0; c < model->columnCount(); ++c) {
                QAction *action = menu->addAction(model->headerData(c, Qt::Horizontal).toString());
                action->setCheckable(true);
                action->setChecked(!header->isSectionHidden(c));
                QObject::connect(action, &QAction::toggled, header,
                    [header, c](bool shown) { header->setSectionHidden(c, !shown); });
            }
            menu->popup(header->mapToGlobal(pos));
        });
}

} // namespace

MainWindow::MainWindow(const MainWindowParts &parts, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(parts.engine)
    , m_tree(parts.tree)
    , m_table(parts.table)
    , m_undoStack(parts.undoStack)
    , m_rollouts(parts.rollouts)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Flotilla"));
    setCentralWidget(createCentralWidget());
    setAcceptDrops(true); // spreadsheets dropped onto the window are imported

    m_actions.create(this, m_rollouts != nullptr);
    m_actions.fillMenus(menuBar());
    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_actions.fillToolBar(m_toolBar);
    m_treeView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_treeView->addActions(m_actions.treeContextActions(this));
    m_tableView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tableView->addActions(m_actions.tableContextActions(this));
    if (m_rollouts) // built now, hidden: it keeps every rollout's problems from the start
        m_monitor = new RolloutMonitor(m_rollouts, this);

    m_status = new StatusBarController(statusBar(), m_engine, parts.usage, m_rollouts, this);
    m_status->setSyncAction(m_actions.sync);
    m_selection = new SelectionController(
        {m_engine, m_tree, m_table, m_treeView, m_tableView, m_filter, m_filterInfo, m_detail},
        this);
    connect(m_selection, &SelectionController::selectionChanged, this, &MainWindow::updateActions);
    m_edits = new EditController({parts.engine, parts.editor, parts.tree}, this);
    connect(m_edits, &EditController::errorOccurred, this, &MainWindow::showError);
    connect(m_edits, &EditController::editRefused, this, &MainWindow::reportRefusal);
    connect(m_edits, &EditController::editApplied, m_status, &StatusBarController::announceEdit);
    connect(m_treeView, &FleetTreeView::dropHint, this, [this](const QString &text, bool) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text);
    });
    connect(m_treeView, &FleetTreeView::dropRefused, this, [this](const QString &reason) {
        statusBar()->showMessage(tr("Not moved: %1").arg(reason), 10000);
    });

    connectActions();
    connectEngine();
    restoreLayout();
    if (m_engine->isLoaded())
        onLoaded();
    updateActions();
}

MainWindow::~MainWindow()
{
    // The undo history is this window's: it goes with it.
    m_undoStack->clear();
}

QWidget *MainWindow::createCentralWidget()
{
    m_treeView = new FleetTreeView;
    m_treeView->setModel(m_tree);
    m_treeView->setItemDelegate(new FleetItemDelegate(m_treeView));
    for (int c = 0; c < Tree::FleetTreeModel::ColumnCount; ++c)
        resizeSectionAtLeast(m_treeView->header(), c, DefaultTreeWidths[c]);

    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("deviceFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(
        tr("Filter devices: name, ID, serial, notes; fw:5, online, offline, pending, in:berlin"));
    m_filterInfo = new QLabel;
    m_filterInfo->setObjectName(QStringLiteral("filterInfo"));
    m_filterInfo->setTextFormat(Qt::PlainText);
    m_tableView = new QTableView;
    setUpDeviceTable(m_tableView, m_table);

    auto *center = new QWidget;
    auto *centerLayout = new QVBoxLayout(center);
    centerLayout->setContentsMargins(0, 0, 0, 0);
    centerLayout->setSpacing(4);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_filterInfo);
    centerLayout->addLayout(filterRow);
    centerLayout->addWidget(m_tableView, 1);

    m_detail = new DetailPane;

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_treeView);
    m_splitter->addWidget(center);
    m_splitter->addWidget(m_detail);
    // A narrower window takes most from the device table, but not all: it stays usable.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({575, 665, 360});
    auto *central = new QWidget;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(6, 6, 6, 0);
    centralLayout->addWidget(m_splitter);
    return central;
}

QLabel *MainWindow::pendingLabel() const
{
    return m_status->pendingLabel();
}

QLabel *MainWindow::rolloutLabel() const
{
    return m_status->rolloutLabel();
}

ProblemsDialog *MainWindow::problemsDialog() const
{
    return m_problems;
}

RolloutMonitor *MainWindow::rolloutMonitor() const
{
    return m_monitor;
}

void MainWindow::setConnectionDescription(const QString &text)
{
    setWindowTitle(tr("Flotilla — %1").arg(text));
    m_status->setConnectionDescription(text);
}

void MainWindow::setProductClient(const QString &clientId, const QString &clientSecret)
{
    m_edits->setProductClient(clientId, clientSecret);
}

bool MainWindow::hasProductClient() const
{
    return m_edits->hasProductClient();
}

void MainWindow::setThrowawayCloud(bool throwaway)
{
    m_throwawayCloud = throwaway;
    m_actions.setThrowawayCloud(throwaway);
}

void MainWindow::setRolloutDefaults(const Domain::RolloutDefaults &defaults)
{
    m_rolloutDefaults = defaults;
}

void MainWindow::setProfiles(
    const QList<QPair<QString, QString>> &entries, const QString &current, bool signedIn)
{
    QMenu *menu = m_actions.profiles->menu();
    menu->clear();
    auto *group = new QActionGroup(menu);
    for (const auto &[id, title] : entries) {
        QAction *entry = menu->addAction(title);
        entry->setCheckable(true);
        entry->setChecked(id == current);
        entry->setData(id);
        group->addAction(entry);
        connect(entry, &QAction::triggered, this, [this, id = id, current] {
            if (id != current)
                Q_EMIT profileChosen(id);
        });
    }
    menu->addSeparator();
    QAction *add = menu->addAction(tr("&Add profile…"));
    add->setObjectName(QStringLiteral("actionAddProfile"));
    connect(add, &QAction::triggered, this, &MainWindow::addProfileRequested);
    if (signedIn) {
        QAction *signOut = menu->addAction(tr("&Sign out"));
        signOut->setObjectName(QStringLiteral("actionSignOut"));
        signOut->setStatusTip(tr("Revoke this profile's access token and forget it"));
        connect(signOut, &QAction::triggered, this, &MainWindow::signOutRequested);
        QAction *remove = menu->addAction(tr("&Remove profile…"));
        remove->setObjectName(QStringLiteral("actionRemoveProfile"));
        connect(remove, &QAction::triggered, this, &MainWindow::removeProfileRequested);
    }
    m_actions.profiles->setVisible(true);
}

void MainWindow::setResetDemoAvailable(bool available)
{
    m_actions.resetDemo->setVisible(available);
    if (available && !m_resetDemoConnected) {
        m_resetDemoConnected = true;
        connect(m_actions.resetDemo, &QAction::triggered, this, [this] {
            // Asked without blocking: the demo goes on until the answer.
            auto *question = new QMessageBox(QMessageBox::Question, tr("Reset the demo"),
                tr("Discard everything done in the demo (customers, moves, rollouts) and start "
                   "it afresh?"),
                QMessageBox::Reset | QMessageBox::Cancel, this);
            question->setObjectName(QStringLiteral("resetDemoQuestion"));
            question->setDefaultButton(QMessageBox::Cancel);
            question->setAttribute(Qt::WA_DeleteOnClose);
            connect(question, &QMessageBox::finished, this, [this, question] {
                if (question->standardButton(question->clickedButton()) == QMessageBox::Reset)
                    Q_EMIT resetDemoRequested();
            });
            question->open();
        });
    }
}

void MainWindow::setSignInAvailable(bool available)
{
    m_actions.signIn->setVisible(available);
    m_actions.productClient->setVisible(available);
}

// --- construction -------------------------------------------------------------------------

void MainWindow::connectActions()
{
    const MainWindowActions &a = m_actions;
    connect(a.sync, &QAction::triggered, this, [this] {
        m_engine->pullNow();
        m_engine->pushNow();
    });
    connect(a.offline, &QAction::toggled, this, [this](bool offline) {
        m_engine->setPaused(offline);
        m_status->announceOffline(offline);
    });
    connect(a.signIn, &QAction::triggered, this, &MainWindow::signInRequested);
    connect(a.productClient, &QAction::triggered, this, &MainWindow::productClientRequested);
    connect(a.settings, &QAction::triggered, this, &MainWindow::settingsRequested);
    connect(a.importDevices, &QAction::triggered, this, &MainWindow::chooseImportFile);
    connect(a.exportDevices, &QAction::triggered, this, [this] {
        ExportDialog::showFor(ExportDialog::contextOf(
                                  m_engine, m_table, m_treeView, m_tableView, selectedDeviceIds()),
            this);
    });
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.undo, &QAction::triggered, this, [this] { undoOrRedo(false); });
    connect(a.redo, &QAction::triggered, this, [this] { undoOrRedo(true); });
    const auto updateUndoRedo = [this] { m_actions.updateUndoRedo(*m_undoStack); };
    connect(m_undoStack, &QUndoStack::indexChanged, this, updateUndoRedo);
    connect(m_undoStack, &QUndoStack::undoTextChanged, this, updateUndoRedo);
    connect(m_undoStack, &QUndoStack::redoTextChanged, this, updateUndoRedo);
    connect(m_undoStack, &QUndoStack::canUndoChanged, this, updateUndoRedo);
    connect(m_undoStack, &QUndoStack::canRedoChanged, this, updateUndoRedo);
    updateUndoRedo();
    connect(a.moveTo, &QAction::triggered, this, &MainWindow::showMoveToPicker);
    connect(a.newCustomer, &QAction::triggered, this, &MainWindow::newCustomer);
    connect(a.newGroup, &QAction::triggered, this, &MainWindow::newGroup);
    connect(a.rename, &QAction::triggered, this, &MainWindow::renameNode);
    connect(a.remove, &QAction::triggered, this, &MainWindow::deleteNode);
    connect(a.problems, &QAction::triggered, this, &MainWindow::showProblems);
    connect(a.flash, &QAction::triggered, this, &MainWindow::showFlashDialog);
    connect(a.rollouts, &QAction::triggered, this, [this] { showRollouts(); });
    connect(a.activity, &QAction::triggered, this, &MainWindow::showActivity);
    connect(a.copyRows, &QAction::triggered, this, &MainWindow::copyRows);
    connect(a.copyIds, &QAction::triggered, this, &MainWindow::copyDeviceIds);
    connect(a.notes, &QAction::triggered, this, &MainWindow::editNotes);
    connect(a.find, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    connect(a.expand, &QAction::triggered, this, [this] { m_treeView->expandToDepth(3); });
    connect(a.collapse, &QAction::triggered, m_treeView, &QTreeView::collapseAll);
    connect(a.about, &QAction::triggered, this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About Flotilla"),
            tr("Flotilla %1\nAn operations console for Particle device fleets.")
                .arg(QCoreApplication::applicationVersion()),
            QMessageBox::Close, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

void MainWindow::connectEngine()
{
    // The models have followed the engine already when these run (they connected first).
    connect(m_engine, &Sync::SyncEngine::loaded, this, &MainWindow::onLoaded);
    connect(m_engine, &Sync::SyncEngine::fleetChanged, this, &MainWindow::onFleetChanged);
    connect(
        m_engine, &Sync::SyncEngine::pendingChanged, m_selection, &SelectionController::showDetail);
    connect(m_engine, &Sync::SyncEngine::pullFinished, this, [this] {
        m_selection->ensureInitialSelection();
        updateActions();
    });
    m_cacheProblems = new CacheProblems(m_engine, this);
    connect(m_cacheProblems, &CacheProblems::quitRequested, this, &QWidget::close);
    connect(m_cacheProblems, &CacheProblems::setAsideRequested, this,
        &MainWindow::cacheSetAsideRequested);
    connect(m_undoStack, &QUndoStack::indexChanged, this, &MainWindow::updateActions);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray())) {
        // The first start: 1600×950, or less on a smaller screen, so that the status bar and
        // the details are on it.
        QSize size(1600, 950);
        if (const QScreen *s = screen()) {
            const QRect available = s->availableGeometry();
            size = size.boundedTo(available.size() * 0.94);
            move(available.topLeft()
                + QPoint((available.width() - size.width()) / 2,
                    (available.height() - size.height()) / 3));
        }
        resize(size);
    }
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    m_treeView->header()->restoreState(settings.value(QStringLiteral("treeHeader")).toByteArray());
    m_tableView->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("tableHeader")).toByteArray());
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("treeHeader"), m_treeView->header()->saveState());
    settings.setValue(QStringLiteral("tableHeader"), m_tableView->horizontalHeader()->saveState());
    const QModelIndex current = m_selection->currentTreeIndex();
    settings.setValue(QStringLiteral("selectedNode"), current.data(Tree::NodePathRole).toString());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_quitConfirmed && m_rollouts && m_rollouts->hasActiveRollouts()) {
        // Asked without blocking: the window stays until the answer.
        event->ignore();
        askBeforeQuitting();
        return;
    }
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::askBeforeQuitting()
{
    if (m_quitQuestion && m_quitQuestion->isVisible()) {
        m_quitQuestion->raise();
        m_quitQuestion->activateWindow();
        return;
    }
    QStringList names;
    for (const qint64 id : m_rollouts->rolloutIds()) {
        const Domain::Rollout *r = m_rollouts->rollout(id);
        if (r && isActive(*r))
            names.append(Tree::rolloutTitle(*r));
    }
    const int count = static_cast<int>(names.size());
    const QString which = names.size() <= 3
        ? names.join(QStringLiteral(", "))
        : tr("%1 and %Ln more", nullptr, count - 3).arg(names.mid(0, 3).join(QStringLiteral(", ")));
    const QString text = tr("%Ln rollouts are still running: %1.", nullptr, count).arg(which);
    const QString detail = m_throwawayCloud
        ? tr("This session works on a sandbox cloud of its own, which stops when Flotilla "
             "closes: the rollouts, the devices' progress and everything else done in this "
             "session are lost for good.")
        : tr("Devices already told to update keep updating in the cloud; the next waves wait "
             "for Flotilla. The rollouts resume where they are the next time Flotilla starts.");
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Quit Flotilla"),
        text + QLatin1Char('\n') + QLatin1Char('\n') + detail, QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("quitQuestion"));
    box->setTextFormat(Qt::PlainText);
    QPushButton *quit = box->addButton(m_throwawayCloud ? tr("&Quit anyway") : tr("&Quit"),
        m_throwawayCloud ? QMessageBox::DestructiveRole : QMessageBox::AcceptRole);
    quit->setObjectName(QStringLiteral("quitButton"));
    if (m_throwawayCloud)
        box->setDefaultButton(QMessageBox::Cancel);
    else
        box->setDefaultButton(quit);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, quit](QAbstractButton *clicked) {
        if (clicked != quit)
            return;
        m_quitConfirmed = true;
        // After the box is gone: closing the window from inside its click ends the session.
        QTimer::singleShot(0, this, &QWidget::close);
    });
    m_quitQuestion = box;
    box->open();
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    fitToolBar();
}

void MainWindow::fitToolBar()
{
    // Texts beside the icons while they all fit; icons alone (each with its tooltip) in a
    // window too narrow for that, rather than actions out of sight behind the » button.
    if (m_toolBar->toolButtonStyle() == Qt::ToolButtonTextBesideIcon) {
        const int needed = m_toolBar->sizeHint().width();
        if (needed <= width())
            return;
        m_toolBarTextWidth = needed;
        m_toolBar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    } else if (width() >= m_toolBarTextWidth) {
        m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        fitToolBar(); // the texts may have grown meanwhile
    }
}

namespace {

// The local spreadsheet file among the dropped URLs (empty: none), by its suffix.
QString droppedSpreadsheet(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return QString();
    const QList<QUrl> urls = mime->urls();
    if (urls.size() != 1 || !urls.constFirst().isLocalFile())
        return QString();
    const QString path = urls.constFirst().toLocalFile();
    const QString suffix = QFileInfo(path).suffix().toLower();
    return QStringList {QStringLiteral("csv"), QStringLiteral("tsv"), QStringLiteral("txt"),
               QStringLiteral("xlsx")}
               .contains(suffix)
        ? path
        : QString();
}

} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_engine->isLoaded() && !droppedSpreadsheet(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        QMainWindow::dragEnterEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedSpreadsheet(event->mimeData());
    if (path.isEmpty()) {
        QMainWindow::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    // After the drop has finished: the dialog must not run inside the platform's drag.
    QMetaObject::invokeMethod(
        m_edits, [edits = m_edits, path] { edits->importFile(path); }, Qt::QueuedConnection);
}

void MainWindow::chooseImportFile()
{
    if (!m_engine->isLoaded())
        return;
    QSettings settings;
    const QString folder = settings.value(QStringLiteral("import/folder")).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Import devices"), folder,
        tr("Spreadsheets (*.csv *.tsv *.txt *.xlsx);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("import/folder"), QFileInfo(path).absolutePath());
    m_edits->importFile(path);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    fitToolBar();
    m_selection->ensureInitialSelection();
}

// --- following the engine -----------------------------------------------------------------

void MainWindow::onLoaded()
{
    m_selection->followLoad();
    updateProblemsAction();
    qCInfo(lcViews) << "showing" << m_engine->state().devices.size() << "devices";
}

void MainWindow::onFleetChanged(const Sync::FleetDelta &delta)
{
    m_selection->followTreeCurrent();
    updateActions();
    if (delta.groupsChanged() || !delta.changedDevices.isEmpty() || !delta.addedDevices.isEmpty()
        || !delta.removedDevices.isEmpty())
        updateProblemsAction();
    if (m_problems && m_problems->isVisible())
        m_problems->setState(m_engine->state());
}

void MainWindow::updateProblemsAction()
{
    const QModelIndex pool = m_tree->indexForPool(Tree::ItemKind::NeedsRepair);
    const int devices = pool.isValid() ? pool.data(Tree::DeviceCountRole).toInt() : 0;
    const int groups = static_cast<int>(m_tree->hierarchy().problems().size());
    m_actions.setProblemCount(devices + groups);
}

void MainWindow::updateActions()
{
    const bool loaded = m_engine->isLoaded();
    const bool node = isNodeItem(m_selection->currentTreeIndex());
    const QString path = m_selection->currentNodePath();
    const MainWindowActions &a = m_actions;
    a.moveTo->setEnabled(loaded);
    a.copyIds->setEnabled(loaded);
    a.notes->setEnabled(loaded);
    a.newCustomer->setEnabled(loaded);
    a.newGroup->setEnabled(loaded && node && Domain::pathDepth(path) < Domain::MaxNodeDepth);
    a.rename->setEnabled(loaded && node);
    a.remove->setEnabled(loaded && node);
    a.problems->setEnabled(loaded);
    // Imports plan on the fleet, exports write it: both wait until it is loaded.
    a.importDevices->setEnabled(loaded);
    a.exportDevices->setEnabled(loaded);
    if (m_rollouts)
        m_actions.setFlashable(loaded && !flashSelection().isEmpty());
}

void MainWindow::showError(const QString &message)
{
    m_status->showError(message);
}

void MainWindow::reportRefusal(const QString &error)
{
    m_editRefused = true;
    showError(error);
}

void MainWindow::undoOrRedo(bool redo)
{
    if (redo ? !m_undoStack->canRedo() : !m_undoStack->canUndo())
        return;
    const QString text = redo ? m_undoStack->redoText() : m_undoStack->undoText();
    m_editRefused = false;
    if (redo)
        m_undoStack->redo();
    else
        m_undoStack->undo();
    if (!m_editRefused)
        m_status->announceEdit(redo ? tr("Redo %1").arg(text) : tr("Undo %1").arg(text));
}

// --- selection and copying ----------------------------------------------------------------

void MainWindow::selectNode(const QString &path)
{
    m_selection->selectNode(path);
}

QStringList MainWindow::selectedDeviceIds() const
{
    return m_selection->selectedDeviceIds();
}

QString MainWindow::selectedRowsText() const
{
    return m_selection->selectedRowsText();
}

QStringList MainWindow::devicesForCopy() const
{
    return m_selection->devicesForCopy();
}

MainWindow::FlashSelection MainWindow::flashSelection() const
{
    return m_selection->flashSelection();
}

void MainWindow::copyRows()
{
    const QString text = selectedRowsText();
    if (text.isEmpty()) {
        showError(tr("Select rows of the device table to copy them."));
        return;
    }
    QGuiApplication::clipboard()->setText(text);
    const int rows = static_cast<int>(text.count(QLatin1Char('\n'))) - 1;
    statusBar()->showMessage(
        tr("Copied %Ln rows with a header line: they paste into a spreadsheet", nullptr, rows),
        CopiedNoticeMs);
}

void MainWindow::copyDeviceIds()
{
    const QStringList ids = devicesForCopy();
    if (ids.isEmpty()) {
        showError(tr("Select devices, or a customer, group or pool with devices, to copy their "
                     "IDs."));
        return;
    }
    QGuiApplication::clipboard()->setText(ids.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    const int count = static_cast<int>(ids.size());
    statusBar()->showMessage(tr("Copied %Ln device IDs", nullptr, count), CopiedNoticeMs);
}

// --- edits (EditController) ---------------------------------------------------------------

void MainWindow::editNotes()
{
    m_edits->editNotes();
}

void MainWindow::requestMoveDevices(const QStringList &deviceIds, const Domain::MoveTarget &target)
{
    m_edits->requestMoveDevices(deviceIds, target);
}

void MainWindow::requestMoveNode(const QString &path, const QString &newParentPath)
{
    m_edits->requestMoveNode(path, newParentPath);
}

void MainWindow::showMoveToPicker()
{
    m_edits->showMoveToPicker();
}

void MainWindow::newCustomer()
{
    m_edits->newCustomer();
}

void MainWindow::newGroup()
{
    m_edits->newGroup();
}

void MainWindow::renameNode()
{
    m_edits->renameNode();
}

void MainWindow::deleteNode()
{
    m_edits->deleteNode();
}

void MainWindow::showProblems()
{
    if (!m_problems) {
        m_problems = new ProblemsDialog(this);
        connect(
            m_problems, &ProblemsDialog::repairRequested, m_edits, &EditController::repairDevices);
    }
    m_problems->setState(m_engine->state());
    m_problems->show();
    m_problems->raise();
    m_problems->activateWindow();
}

// --- flashing ---------------------------------------------------------------------------

void MainWindow::showFlashDialog()
{
    if (!m_rollouts || !m_engine->isLoaded())
        return;
    const FlashSelection selection = flashSelection();
    if (selection.isEmpty()) {
        showError(tr("Select devices, groups or customers in the tree to flash them."));
        return;
    }
    FlashDialog::Selection s;
    s.nodes = selection.nodes;
    s.devices = selection.devices;
    s.title = selection.title;
    auto *dialog = new FlashDialog(m_rollouts, m_engine, s, m_rolloutDefaults, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &FlashDialog::rolloutStarted, this, [this](qint64 id) {
        statusBar()->showMessage(tr("Rollout started"), 8000);
        showRollouts(id);
    });
    dialog->open();
}

void MainWindow::showRollouts(qint64 id)
{
    if (!m_rollouts)
        return;
    if (!m_monitor)
        m_monitor = new RolloutMonitor(m_rollouts, this);
    if (id != 0)
        m_monitor->showRollout(id);
    m_monitor->show();
    m_monitor->raise();
    m_monitor->activateWindow();
}

void MainWindow::showActivity()
{
    if (!m_activity)
        m_activity = new ActivityWindow(m_engine, this);
    m_activity->show();
    m_activity->raise();
    m_activity->activateWindow();
}

} // namespace Flotilla::Views
