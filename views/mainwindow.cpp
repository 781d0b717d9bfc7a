// SPDX-License-Identifier: MIT
#include "views/mainwindow.h"

#include "domain/hierarchy.h"
#include "domain/nodepath.h"
#include "remote/particleclient.h"
#include "rollout/rolloutengine.h"
#include "sync/syncengine.h"
#include "tree/fleettreemodel.h"
#include "tree/rolloutmodels.h"
#include "views/cacheproblems.h"
#include "views/detailpane.h"
#include "views/editcontroller.h"
#include "views/flashdialog.h"
#include "views/fleettreeview.h"
#include "views/logging.h"
#include "views/moveconfirmdialog.h"
#include "views/nodedialog.h"
#include "views/nodepickerdialog.h"
#include "views/notesdialog.h"
#include "views/plural.h"
#include "views/problemsdialog.h"
#include "views/rolloutmonitor.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace Flotilla::Views {

namespace {

using Tree::ItemKind;

ItemKind kindOf(const QModelIndex &index)
{
    return static_cast<ItemKind>(index.data(Tree::KindRole).toInt());
}

bool isNode(const QModelIndex &index)
{
    const ItemKind kind = kindOf(index);
    return index.isValid() && (kind == ItemKind::Customer || kind == ItemKind::Group);
}

// Icons by kind, offline devices greyed, devices with local changes in italics.
class FleetItemDelegate final : public QStyledItemDelegate
{
public:
    explicit FleetItemDelegate(QObject *parent)
        : QStyledItemDelegate(parent)
    { }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const ItemKind kind = kindOf(index);
        const bool device = kind == ItemKind::Device;
        if (index.column() == 0) {
            QStyle *style = option->widget ? option->widget->style() : QApplication::style();
            QStyle::StandardPixmap pixmap = QStyle::SP_FileIcon;
            switch (kind) {
            case ItemKind::Customer:
                pixmap = QStyle::SP_DirHomeIcon;
                break;
            case ItemKind::Group:
                pixmap = QStyle::SP_DirIcon;
                break;
            case ItemKind::Unassigned:
                pixmap = QStyle::SP_DriveHDIcon;
                break;
            case ItemKind::Returns:
                pixmap = QStyle::SP_BrowserReload;
                break;
            case ItemKind::NeedsRepair:
                pixmap = QStyle::SP_MessageBoxWarning;
                break;
            case ItemKind::Device:
                pixmap = QStyle::SP_ComputerIcon;
                break;
            }
            option->icon = style->standardIcon(pixmap);
            option->features |= QStyleOptionViewItem::HasDecoration;
        }
        if (device && !index.data(Tree::OnlineRole).toBool())
            option->palette.setColor(
                QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        if ((device && index.data(Tree::PendingRole).toBool())
            || (!device && index.column() == Tree::FleetTreeModel::PendingColumn
                && index.data(Tree::PendingCountRole).toInt() > 0))
            option->font.setItalic(true);
        if (!device && index.column() == Tree::FleetTreeModel::OffTargetColumn
            && index.data(Tree::OffTargetCountRole).toInt() > 0)
            option->palette.setColor(QPalette::Text, QColor(0xb3, 0x5c, 0x00));
        if (!device && index.column() != 0 && index.data(Qt::DisplayRole).toInt() == 0
            && index.column() != Tree::FleetTreeModel::FirmwareColumn)
            option->palette.setColor(
                QPalette::Text, option->palette.color(QPalette::PlaceholderText));
    }
};

QString firmwareSummary(const QVariantMap &versions)
{
    QList<QPair<int, int>> list;
    for (auto it = versions.cbegin(); it != versions.cend(); ++it)
        list.append({it.key().toInt(), it.value().toInt()});
    std::sort(list.begin(), list.end());
    QStringList parts;
    const QLocale locale;
    for (const auto &[version, count] : std::as_const(list)) {
        parts.append(version == 0
                ? MainWindow::tr("none ×%1").arg(locale.toString(count))
                : MainWindow::tr("v%1 ×%2").arg(version).arg(locale.toString(count)));
    }
    return parts.join(QStringLiteral(", "));
}

constexpr int DefaultTreeWidths[] = {200, 56, 52, 128, 64, 58};

// How long status messages stay: none stays for good. A newer message replaces an older one.
constexpr int ErrorNoticeMs = 15000;
constexpr int SendingNoticeMs = 15000; // "done here, being sent": replaced by "sent"
constexpr int OfflineNoticeMs = 15000;
constexpr int SentNoticeMs = 8000;
constexpr int AccountRequestNoticeMs = 60000; // replaced by the answer

// An action's text shows a '&' only doubled; a single one marks the mnemonic.
QString actionText(const QString &text)
{
    QString escaped = text;
    return escaped.replace(QLatin1Char('&'), QStringLiteral("&&"));
}

// A tooltip is rich text when it looks like it: a title with markup is shown as typed.
QString plainToolTip(const QString &text)
{
    return Qt::mightBeRichText(text)
        ? QStringLiteral("<p style='white-space:pre'>%1</p>").arg(text.toHtmlEscaped())
        : text;
}

// One line of a tab-separated copy: tabs and line breaks inside a cell become spaces.
QString tsvCell(const QString &text)
{
    QString cell = text;
    for (QChar &c : cell) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    }
    return cell;
}

} // namespace

MainWindow::MainWindow(const MainWindowParts &parts, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(parts.engine)
    , m_client(parts.client)
    , m_tree(parts.tree)
    , m_table(parts.table)
    , m_undoStack(parts.undoStack)
    , m_rollouts(parts.rollouts)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_edits = new EditController({parts.engine, parts.editor, parts.tree}, this);
    connect(m_edits, &EditController::errorOccurred, this, &MainWindow::showError);
    connect(m_edits, &EditController::editRefused, this, &MainWindow::reportRefusal);
    connect(m_edits, &EditController::editApplied, this, &MainWindow::announceEdit);
    setWindowTitle(tr("Flotilla"));

    m_treeView = new FleetTreeView;
    m_treeView->setModel(m_tree);
    m_treeView->setItemDelegate(new FleetItemDelegate(m_treeView));
    for (int c = 0; c < Tree::FleetTreeModel::ColumnCount; ++c)
        m_treeView->header()->resizeSection(c, DefaultTreeWidths[c]);

    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("deviceFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(
        tr("Filter devices: name, ID, serial, notes; fw:5, online, offline, pending, in:berlin"));
    m_filterInfo = new QLabel;
    m_filterInfo->setObjectName(QStringLiteral("filterInfo"));
    m_filterInfo->setTextFormat(Qt::PlainText);

    m_tableView = new QTableView;
    m_tableView->setObjectName(QStringLiteral("deviceTable"));
    m_tableView->setModel(m_table);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tableView->setDragEnabled(true);
    m_tableView->setDragDropMode(QAbstractItemView::DragOnly);
    m_tableView->setDefaultDropAction(Qt::MoveAction);
    m_tableView->setAlternatingRowColors(true);
    m_tableView->setWordWrap(false);
    m_tableView->setShowGrid(false);
    m_tableView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tableView->verticalHeader()->hide();
    m_tableView->verticalHeader()->setDefaultSectionSize(m_tableView->fontMetrics().height() + 8);
    QHeaderView *tableHeader = m_tableView->horizontalHeader();
    tableHeader->setSectionsMovable(true);
    tableHeader->setHighlightSections(false);
    tableHeader->setStretchLastSection(true);
    tableHeader->setSortIndicator(Tree::DeviceTableModel::NameColumn, Qt::AscendingOrder);
    m_tableView->setSortingEnabled(true);
    {
        using C = Tree::DeviceTableModel;
        const QList<QPair<int, int>> widths {{C::NameColumn, 150}, {C::IdColumn, 205},
            {C::SerialColumn, 130}, {C::LocationColumn, 190}, {C::OnlineColumn, 60},
            {C::LastHeardColumn, 145}, {C::FirmwareColumn, 70}, {C::TargetColumn, 62},
            {C::LockedColumn, 62}, {C::DevelopmentColumn, 48}, {C::OwnerColumn, 210},
            {C::NotesColumn, 160}, {C::PendingColumn, 64}};
        for (const auto &[column, width] : widths)
            tableHeader->resizeSection(column, width);
        for (const int hidden :
            {C::IdColumn, C::LockedColumn, C::DevelopmentColumn, C::NotesColumn})
            tableHeader->setSectionHidden(hidden, true);
        // What tells devices apart first; the rest can be dragged into place (and stays).
        const QList<int> order {C::NameColumn, C::OnlineColumn, C::FirmwareColumn, C::TargetColumn,
            C::PendingColumn, C::LastHeardColumn, C::LocationColumn, C::SerialColumn,
            C::OwnerColumn};
        for (int visual = 0; visual < order.size(); ++visual)
            tableHeader->moveSection(tableHeader->visualIndex(order.at(visual)), visual);
    }
    tableHeader->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(tableHeader, &QHeaderView::customContextMenuRequested, this, [this](const QPoint &pos) {
        QHeaderView *header = m_tableView->horizontalHeader();
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        for (int c = 0; c < m_table->columnCount(); ++c) {
            QAction *action = menu->addAction(m_table->headerData(c, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setChecked(!header->isSectionHidden(c));
            connect(action, &QAction::toggled, header,
                [header, c](bool shown) { header->setSectionHidden(c, !shown); });
        }
        menu->popup(header->mapToGlobal(pos));
    });

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
    setCentralWidget(central);

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();

    // The context menus act on the view they open in (it has the focus then).
    const auto separator = [this] {
        auto *action = new QAction(this);
        action->setSeparator(true);
        return action;
    };
    m_treeView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_treeView->addActions(
        {m_moveAction, m_flashAction, m_copyIdsAction, m_notesAction, separator(), m_newGroupAction,
            m_renameAction, m_deleteAction, separator(), m_expandAction});
    m_tableView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tableView->addActions({m_moveAction, m_flashAction, separator(), m_copyRowsAction,
        m_copyIdsAction, m_notesAction});

    connect(m_treeView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        m_detailSource = DetailSource::Tree;
        onTreeCurrentChanged();
    });
    // A click on the row that is already current changes nothing above: it still makes the
    // details pane follow that row again.
    connect(m_treeView, &QAbstractItemView::pressed, this, &MainWindow::onTreeActivated);
    connect(m_tableView, &QAbstractItemView::pressed, this, &MainWindow::onTableActivated);
    connect(m_treeView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MainWindow::updateActions);
    connect(m_tableView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        // The current row moved by a change of the rows (a device that left the scope, a new
        // scope) is not the user's choice of what to look at.
        if (!m_tableChanging)
            m_detailSource = DetailSource::Table;
        onTableCurrentChanged();
    });
    // Flash… follows the table's selection when the table has the focus.
    connect(m_tableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MainWindow::updateActions);
    connect(m_treeView, &FleetTreeView::dropHint, this, [this](const QString &text, bool) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text);
    });
    connect(m_treeView, &FleetTreeView::dropRefused, this, [this](const QString &reason) {
        statusBar()->showMessage(tr("Not moved: %1").arg(reason), 10000);
    });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        {
            const QScopedValueRollback changing(m_tableChanging, true);
            m_table->setFilter(text);
        }
        showDetail();
        updateFilterInfo();
    });
    connect(m_table, &Tree::DeviceTableModel::countsChanged, this, &MainWindow::updateFilterInfo);
    connect(m_tree, &QAbstractItemModel::modelReset, this, &MainWindow::ensureInitialSelection);
    connect(m_tree, &QAbstractItemModel::rowsInserted, this, &MainWindow::ensureInitialSelection);

    connectEngine();
    restoreLayout();
    if (m_engine->isLoaded())
        onLoaded();
    updateStatus();
    updateActions();
}

MainWindow::~MainWindow()
{
    // The commands on the stack refer to this window's executor.
    m_undoStack->clear();
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
    m_connection = text;
    setWindowTitle(tr("Flotilla — %1").arg(text));
    updateStatus();
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
    const QString tip = throwaway
        ? tr("Close Flotilla; the sandbox cloud of this session stops, and what was done in it "
             "is discarded")
        : tr("Close Flotilla; changes not yet sent are kept and sent next time");
    m_quitAction->setStatusTip(tip);
    m_quitAction->setToolTip(
        tr("%1 (%2)").arg(tip, m_quitAction->shortcut().toString(QKeySequence::NativeText)));
}

void MainWindow::setSignInAvailable(bool available)
{
    m_signInAction->setVisible(available);
    m_productClientAction->setVisible(available);
}

// --- construction -------------------------------------------------------------------------

void MainWindow::createActions()
{
    QStyle *s = style();
    const auto make = [this](const QString &name, const QString &text, const QIcon &icon,
                          const QKeySequence &shortcut, const QString &tip) {
        auto *action = new QAction(icon, text, this);
        action->setObjectName(name);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        action->setStatusTip(tip);
        action->setToolTip(shortcut.isEmpty()
                ? tip
                : tr("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
        return action;
    };

    m_syncAction = make(QStringLiteral("actionSyncNow"), tr("&Sync now"),
        s->standardIcon(QStyle::SP_BrowserReload), QKeySequence::Refresh,
        tr("Fetch the fleet from the cloud now"));
    connect(m_syncAction, &QAction::triggered, this, [this] {
        m_engine->pullNow();
        m_engine->pushNow();
    });
    m_offlineAction = make(QStringLiteral("actionWorkOffline"), tr("Work &offline"), QIcon(), {},
        tr("Keep changes local; send them when you go back online"));
    m_offlineAction->setCheckable(true);
    connect(m_offlineAction, &QAction::toggled, this, &MainWindow::onWorkOfflineToggled);
    m_signInAction = make(QStringLiteral("actionSignIn"), tr("Sign &in…"), QIcon(), {},
        tr("Sign in to the Particle cloud with an access token"));
    m_signInAction->setVisible(false);
    connect(m_signInAction, &QAction::triggered, this, &MainWindow::signInRequested);
    m_productClientAction
        = make(QStringLiteral("actionProductClient"), tr("Product OAuth &client…"), QIcon(), {},
            tr("Set or clear the product's OAuth client, needed to link customers to Particle "
               "customer accounts"));
    m_productClientAction->setVisible(false);
    connect(m_productClientAction, &QAction::triggered, this, &MainWindow::productClientRequested);
    m_quitAction = make(QStringLiteral("actionQuit"), tr("&Quit"), QIcon(), QKeySequence::Quit,
        tr("Close Flotilla; changes not yet sent are kept and sent next time"));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    // The toolbar shows "Undo" and "Redo" (icon texts); the edit they act on is in the menu's
    // text and in the tooltip (updateUndoRedoActions).
    m_undoAction = make(QStringLiteral("actionUndo"), tr("&Undo"),
        s->standardIcon(QStyle::SP_ArrowBack), QKeySequence::Undo, tr("Undo the last edit"));
    m_undoAction->setIconText(tr("Undo"));
    connect(m_undoAction, &QAction::triggered, this, [this] {
        if (!m_undoStack->canUndo())
            return;
        const QString text = m_undoStack->undoText();
        m_editRefused = false;
        m_undoStack->undo();
        if (!m_editRefused)
            announceEdit(tr("Undo %1").arg(text));
    });
    m_redoAction = make(QStringLiteral("actionRedo"), tr("&Redo"),
        s->standardIcon(QStyle::SP_ArrowForward), QKeySequence::Redo, tr("Redo the last edit"));
    m_redoAction->setIconText(tr("Redo"));
    connect(m_redoAction, &QAction::triggered, this, [this] {
        if (!m_undoStack->canRedo())
            return;
        const QString text = m_undoStack->redoText();
        m_editRefused = false;
        m_undoStack->redo();
        if (!m_editRefused)
            announceEdit(tr("Redo %1").arg(text));
    });
    connect(m_undoStack, &QUndoStack::indexChanged, this, &MainWindow::updateUndoRedoActions);
    connect(m_undoStack, &QUndoStack::undoTextChanged, this, &MainWindow::updateUndoRedoActions);
    connect(m_undoStack, &QUndoStack::redoTextChanged, this, &MainWindow::updateUndoRedoActions);
    connect(m_undoStack, &QUndoStack::canUndoChanged, this, &MainWindow::updateUndoRedoActions);
    connect(m_undoStack, &QUndoStack::canRedoChanged, this, &MainWindow::updateUndoRedoActions);
    updateUndoRedoActions();

    m_moveAction = make(QStringLiteral("actionMoveTo"), tr("&Move to…"),
        s->standardIcon(QStyle::SP_ArrowRight), QKeySequence(Qt::CTRL | Qt::Key_M),
        tr("Move the selected devices (or group) to a customer, group or pool"));
    connect(m_moveAction, &QAction::triggered, this, &MainWindow::showMoveToPicker);
    m_newCustomerAction = make(QStringLiteral("actionNewCustomer"), tr("New &customer…"),
        s->standardIcon(QStyle::SP_DirHomeIcon), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
        tr("Create a customer"));
    connect(m_newCustomerAction, &QAction::triggered, this, &MainWindow::newCustomer);
    m_newGroupAction = make(QStringLiteral("actionNewGroup"), tr("New &group…"),
        s->standardIcon(QStyle::SP_FileDialogNewFolder), QKeySequence::New,
        tr("Create a group under the selected customer or group"));
    connect(m_newGroupAction, &QAction::triggered, this, &MainWindow::newGroup);
    m_renameAction = make(QStringLiteral("actionRename"), tr("&Rename…"),
        s->standardIcon(QStyle::SP_FileDialogDetailedView), QKeySequence(Qt::Key_F2),
        tr("Rename the selected customer or group"));
    connect(m_renameAction, &QAction::triggered, this, &MainWindow::renameNode);
    m_deleteAction = make(QStringLiteral("actionDelete"), tr("&Delete…"),
        s->standardIcon(QStyle::SP_TrashIcon), QKeySequence::Delete,
        tr("Delete the selected customer or group"));
    // Delete acts on the tree's selection: only while the tree has the focus.
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteNode);
    m_problemsAction = make(QStringLiteral("actionProblems"), tr("&Problems"),
        s->standardIcon(QStyle::SP_MessageBoxWarning), QKeySequence(Qt::CTRL | Qt::Key_P),
        tr("Devices and groups that contradict the tree, with a repair"));
    connect(m_problemsAction, &QAction::triggered, this, &MainWindow::showProblems);
    m_flashAction = make(QStringLiteral("actionFlash"), tr("&Flash…"),
        s->standardIcon(QStyle::SP_DialogApplyButton),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
        tr("Flash firmware to the selected devices, groups or customers"));
    connect(m_flashAction, &QAction::triggered, this, &MainWindow::showFlashDialog);
    m_rolloutsAction = make(QStringLiteral("actionRollouts"), tr("&Rollouts"),
        s->standardIcon(QStyle::SP_FileDialogInfoView),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
        tr("Follow the firmware rollouts device by device"));
    connect(m_rolloutsAction, &QAction::triggered, this, [this] { showRollouts(); });
    if (!m_rollouts) {
        m_flashAction->setVisible(false);
        m_rolloutsAction->setVisible(false);
    } else {
        // Built now, hidden: it keeps every rollout's problems from the start.
        m_monitor = new RolloutMonitor(m_rollouts, this);
    }
    m_copyRowsAction = make(QStringLiteral("actionCopyRows"), tr("&Copy rows"),
        QIcon::fromTheme(QStringLiteral("edit-copy")), QKeySequence::Copy,
        tr("Copy the selected rows of the device table, tab-separated with a header line, to "
           "paste them into a spreadsheet"));
    // Ctrl+C copies rows while the table has the focus; elsewhere it keeps its usual meaning.
    m_copyRowsAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyRowsAction, &QAction::triggered, this, &MainWindow::copyRows);
    m_copyIdsAction = make(QStringLiteral("actionCopyDeviceIds"), tr("Copy device &IDs"), QIcon(),
        {},
        tr("Copy the IDs of the selected devices (or of every device of the selected customers, "
           "groups and pools), one per line"));
    connect(m_copyIdsAction, &QAction::triggered, this, &MainWindow::copyDeviceIds);
    m_notesAction = make(QStringLiteral("actionEditNotes"), tr("Edit &notes…"), QIcon(), {},
        tr("Edit the notes of the selected devices"));
    connect(m_notesAction, &QAction::triggered, this, &MainWindow::editNotes);
    m_findAction = make(QStringLiteral("actionFind"), tr("&Find devices"), QIcon(),
        QKeySequence::Find, tr("Filter the device table"));
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    m_expandAction = make(QStringLiteral("actionExpandAll"), tr("E&xpand all"), QIcon(), {},
        tr("Expand every customer and group"));
    connect(m_expandAction, &QAction::triggered, this, [this] { m_treeView->expandToDepth(3); });
    m_collapseAction = make(QStringLiteral("actionCollapseAll"), tr("&Collapse all"), QIcon(), {},
        tr("Collapse the tree"));
    connect(m_collapseAction, &QAction::triggered, m_treeView, &QTreeView::collapseAll);
    m_aboutAction = make(
        QStringLiteral("actionAbout"), tr("&About Flotilla"), QIcon(), {}, tr("About Flotilla"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About Flotilla"),
            tr("Flotilla %1\nAn operations console for Particle device fleets.")
                .arg(QCoreApplication::applicationVersion()),
            QMessageBox::Close, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_syncAction);
    file->addAction(m_offlineAction);
    file->addAction(m_signInAction);
    file->addAction(m_productClientAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_copyRowsAction);
    edit->addAction(m_copyIdsAction);
    edit->addSeparator();
    edit->addAction(m_moveAction);
    edit->addAction(m_notesAction);
    edit->addAction(m_renameAction);
    edit->addAction(m_deleteAction);
    edit->addSeparator();
    edit->addAction(m_findAction);

    QMenu *fleet = menuBar()->addMenu(tr("F&leet"));
    fleet->addAction(m_newCustomerAction);
    fleet->addAction(m_newGroupAction);
    fleet->addSeparator();
    fleet->addAction(m_flashAction);
    fleet->addSeparator();
    fleet->addAction(m_problemsAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_expandAction);
    view->addAction(m_collapseAction);
    view->addSeparator();
    view->addAction(m_rolloutsAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    m_toolBar = bar;
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    bar->addAction(m_syncAction);
    bar->addSeparator();
    bar->addAction(m_undoAction);
    bar->addAction(m_redoAction);
    bar->addSeparator();
    bar->addAction(m_moveAction);
    bar->addAction(m_newCustomerAction);
    bar->addAction(m_newGroupAction);
    bar->addAction(m_renameAction);
    bar->addAction(m_deleteAction);
    bar->addSeparator();
    bar->addAction(m_flashAction);
    bar->addAction(m_rolloutsAction);
    bar->addSeparator();
    bar->addAction(m_problemsAction);
}

void MainWindow::createStatusBar()
{
    const auto label = [this](const QString &name) {
        auto *l = new QLabel;
        l->setObjectName(name);
        l->setTextFormat(Qt::PlainText);
        l->setContentsMargins(6, 0, 6, 0);
        statusBar()->addPermanentWidget(l);
        return l;
    };
    m_phaseLabel = label(QStringLiteral("phaseLabel"));
    m_connectionLabel = label(QStringLiteral("connectionLabel"));
    m_pendingLabel = label(QStringLiteral("pendingLabel"));
    m_rolloutLabel = label(QStringLiteral("rolloutLabel"));
    m_headroomLabel = label(QStringLiteral("headroomLabel"));
    if (m_client) {
        connect(m_client, &Remote::ParticleClient::usageChanged, this, &MainWindow::updateHeadroom);
        // The window slides without requests: refresh now and then.
        auto *timer = new QTimer(this);
        timer->setInterval(5000);
        connect(timer, &QTimer::timeout, this, &MainWindow::updateHeadroom);
        timer->start();
    }
    updateHeadroom();
}

void MainWindow::connectEngine()
{
    connect(m_engine, &Sync::SyncEngine::loaded, this, &MainWindow::onLoaded);
    connect(m_engine, &Sync::SyncEngine::fleetChanged, this, &MainWindow::onFleetChanged);
    connect(m_engine, &Sync::SyncEngine::pendingChanged, this, &MainWindow::onPendingChanged);
    connect(m_engine, &Sync::SyncEngine::phaseChanged, this, &MainWindow::updateStatus);
    connect(m_engine, &Sync::SyncEngine::signedOutChanged, this, &MainWindow::updateStatus);
    connect(m_engine, &Sync::SyncEngine::onlineChanged, this, &MainWindow::updateStatus);
    connect(m_engine, &Sync::SyncEngine::pullFinished, this, [this](bool ok, const QString &error) {
        ensureInitialSelection();
        updateStatus();
        updateActions();
        if (!ok)
            showError(tr("Sync failed: %1").arg(error));
    });
    connect(m_engine, &Sync::SyncEngine::pushFinished, this, &MainWindow::updateStatus);
    connect(m_engine, &Sync::SyncEngine::errorOccurred, this, &MainWindow::showError);
    m_cacheProblems = new CacheProblems(m_engine, this);
    connect(m_cacheProblems, &CacheProblems::quitRequested, this, &QWidget::close);
    connect(m_cacheProblems, &CacheProblems::setAsideRequested, this,
        &MainWindow::cacheSetAsideRequested);
    connect(m_engine, &Sync::SyncEngine::claimsWaiting, this, [this](const QString &reason) {
        showError(tr("Claims to customer accounts wait: %1").arg(reason));
        updateStatus();
    });
    connect(m_engine, &Sync::SyncEngine::pendingChanged, this, &MainWindow::updateStatus);
    connect(m_engine, &Sync::SyncEngine::changeFailed, this,
        [this](const QString &what, const QString &reason) {
            if (m_sentNoticeCount > 0)
                m_sentNoticeRefused = true;
            showError(tr("The cloud refused “%1”, so it was undone here: %2").arg(what, reason));
        });
    connect(m_undoStack, &QUndoStack::indexChanged, this, &MainWindow::updateActions);
    if (m_rollouts) {
        using Rollout::RolloutEngine;
        connect(m_rollouts, &RolloutEngine::rolloutAdded, this, &MainWindow::updateRolloutStatus);
        connect(m_rollouts, &RolloutEngine::rolloutChanged, this, &MainWindow::updateRolloutStatus);
        connect(m_rollouts, &RolloutEngine::rolloutRemoved, this, &MainWindow::updateRolloutStatus);
        connect(m_rollouts, &RolloutEngine::devicesChanged, this, &MainWindow::updateRolloutStatus);
        connect(
            m_rollouts, &RolloutEngine::problem, this, [this](qint64 id, const QString &message) {
                const Domain::Rollout *r = m_rollouts->rollout(id);
                showError(r ? tr("Rollout %1: %2").arg(Tree::rolloutTitle(*r), message) : message);
            });
    }
    updateRolloutStatus();
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
    const QModelIndex current = currentTreeIndex();
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
        if (r
            && (r->state == Domain::RolloutState::Running
                || r->state == Domain::RolloutState::Paused
                || r->state == Domain::RolloutState::RollingBack))
            names.append(Tree::rolloutTitle(*r));
    }
    const int count = static_cast<int>(names.size());
    const QString which = names.size() <= 3
        ? names.join(QStringLiteral(", "))
        : tr("%1 and %n more", nullptr, count - 3).arg(names.mid(0, 3).join(QStringLiteral(", ")));
    const QString text = plural(count, tr("A rollout is still running: %1."),
        tr("%n rollouts are still running: %1.", nullptr, count))
                             .arg(which);
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

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    fitToolBar();
    ensureInitialSelection();
}

// --- following the engine -----------------------------------------------------------------

void MainWindow::onLoaded()
{
    const Sync::FleetState &state = m_engine->state();
    m_tree->reset(state, m_engine->pendingDevices());
    if (!m_scope)
        m_scope = Tree::DeviceScope::all();
    {
        const QScopedValueRollback changing(m_tableChanging, true);
        m_table->setScope(state, *m_scope);
        m_table->setPending(m_engine->pendingDevices());
    }
    ensureInitialSelection();
    onTreeCurrentChanged();
    updateProblemsAction();
    onPendingChanged();
    updateStatus();
    qCInfo(lcViews) << "showing" << state.devices.size() << "devices";
}

void MainWindow::onFleetChanged(const Sync::FleetDelta &delta)
{
    const Sync::FleetState &state = m_engine->state();
    m_tree->applyDelta(state, delta);
    {
        const QScopedValueRollback changing(m_tableChanging, true);
        m_table->applyDelta(state, delta);
    }
    followTreeCurrent();
    updateActions();
    if (delta.groupsChanged() || !delta.changedDevices.isEmpty() || !delta.addedDevices.isEmpty()
        || !delta.removedDevices.isEmpty())
        updateProblemsAction();
    if (m_problems && m_problems->isVisible())
        m_problems->setState(state);
}

void MainWindow::onPendingChanged()
{
    const QSet<QString> pending = m_engine->pendingDevices();
    m_tree->setPending(pending);
    {
        const QScopedValueRollback changing(m_tableChanging, true);
        m_table->setPending(pending);
    }
    const int count = m_engine->pendingCount();
    if (count == 0) {
        m_pendingLabel->setText(tr("All changes sent"));
        m_pendingLabel->setToolTip(tr("Every local change has been confirmed by the cloud"));
    } else {
        m_pendingLabel->setText(
            plural(count, tr("1 pending change"), tr("%n pending changes", nullptr, count)));
        m_pendingLabel->setToolTip(plural(static_cast<int>(pending.size()),
            tr("Changes made here and not yet confirmed by the cloud (1 device)"),
            tr("Changes made here and not yet confirmed by the cloud (%n devices)", nullptr,
                static_cast<int>(pending.size()))));
    }
    if (count == 0 && m_sentNoticeCount > 0)
        QTimer::singleShot(0, this, &MainWindow::reportSent);
    showDetail();
}

void MainWindow::updateStatus()
{
    QString phase;
    if (!m_engine->blockedReason().isEmpty()) {
        phase = tr("Local cache damaged: nothing is loaded or sent");
    } else if (!m_engine->isLoaded()) {
        phase = tr("Loading the cache…");
    } else if (m_engine->isPulling()) {
        phase = tr("Syncing with the cloud…");
    } else if (m_engine->isPushing()) {
        phase = tr("Sending changes…");
    } else if (m_engine->lastFullPullMs() > 0) {
        phase = tr("Synced at %1")
                    .arg(QLocale().toString(
                        QDateTime::fromMSecsSinceEpoch(m_engine->lastFullPullMs()).time(),
                        QLocale::ShortFormat));
    } else {
        phase = tr("Not synced yet");
    }
    m_phaseLabel->setText(phase);

    QString connection;
    QString color;
    if (m_engine->isSignedOut() || (m_client && m_client->isSignedOut())) {
        connection = m_client && !m_client->hasAccessToken() ? tr("Not signed in")
                                                             : tr("Signed out: sign in to sync");
        color = QStringLiteral("#b02020");
    } else if (m_engine->heldCount() > 0) {
        // Lasting, unlike the message that said it first: claims wait until the product's
        // OAuth client is entered again (File menu), or a lockout is over.
        connection = plural(m_engine->heldCount(), tr("1 claim to a customer waits"),
            tr("%n claims to customers wait", nullptr, m_engine->heldCount()));
        color = QStringLiteral("#b35c00");
    } else if (m_engine->isPaused()) {
        connection = tr("Working offline");
        color = QStringLiteral("#b35c00");
    } else if (!m_engine->isOnline()) {
        connection = tr("Offline: changes are queued");
        color = QStringLiteral("#b35c00");
    } else {
        connection = m_connection.isEmpty() ? tr("Online") : tr("Online (%1)").arg(m_connection);
    }
    m_connectionLabel->setText(connection);
    m_connectionLabel->setToolTip(m_engine->heldCount() > 0 ? m_engine->heldReason() : QString());
    m_connectionLabel->setStyleSheet(
        color.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(color));
    m_syncAction->setEnabled(m_engine->isLoaded() && !m_engine->isPulling());
}

void MainWindow::updateHeadroom()
{
    if (!m_client) {
        m_headroomLabel->clear();
        return;
    }
    const QLocale locale;
    const Remote::ClientConfig &config = m_client->config();
    m_headroomLabel->setText(
        tr("API: %1 of %2 requests left")
            .arg(locale.toString(m_client->headroom()), locale.toString(config.rateLimit)));
    m_headroomLabel->setToolTip(
        tr("Particle allows %1 requests per %2 minutes; %3 were made in the current window")
            .arg(locale.toString(config.rateLimit), locale.toString(config.rateWindowSeconds / 60),
                locale.toString(m_client->usedInWindow())));
}

void MainWindow::updateProblemsAction()
{
    const QModelIndex pool = m_tree->indexForPool(ItemKind::NeedsRepair);
    const int devices = pool.isValid() ? pool.data(Tree::DeviceCountRole).toInt() : 0;
    const int groups = static_cast<int>(m_tree->hierarchy().problems().size());
    const int total = devices + groups;
    m_problemsAction->setText(total == 0 ? tr("&Problems") : tr("&Problems (%1)").arg(total));
    m_problemsAction->setIconVisibleInMenu(total > 0);
}

void MainWindow::updateFilterInfo()
{
    const QStringList errors = m_table->filterErrors();
    if (!errors.isEmpty()) {
        m_filterInfo->setText(errors.join(QLatin1Char(' ')));
        m_filterInfo->setStyleSheet(QStringLiteral("color: #b02020;"));
    } else {
        m_filterInfo->setText(m_table->countText());
        m_filterInfo->setStyleSheet(QString());
    }
}

void MainWindow::showError(const QString &message)
{
    qCInfo(lcViews) << "shown to the user:" << message;
    statusBar()->showMessage(message, ErrorNoticeMs);
}

void MainWindow::reportRefusal(const QString &error)
{
    m_editRefused = true;
    showError(error);
}

void MainWindow::announceEdit(const QString &text, const QString &prefix)
{
    m_sentNotice = text;
    ++m_sentNoticeCount;
    const bool offline = m_engine->isPaused();
    QString message = offline ? tr("Kept here, will be sent when you go back online: %1").arg(text)
                              : tr("Done here, being sent to the cloud: %1").arg(text);
    if (!prefix.isEmpty())
        message = prefix + QLatin1Char(' ') + message;
    statusBar()->showMessage(message, offline ? OfflineNoticeMs : SendingNoticeMs);
    m_lastNotice = message;
    if (!offline && m_engine->pendingCount() == 0)
        QTimer::singleShot(0, this, &MainWindow::reportSent);
}

void MainWindow::reportSent()
{
    // Queued after the outbox emptied: a refusal is reported right after that moment.
    if (m_sentNoticeCount == 0 || m_engine->pendingCount() > 0 || m_engine->isPaused())
        return;
    const int count = m_sentNoticeCount;
    const QString text = m_sentNotice;
    const bool refused = m_sentNoticeRefused;
    m_sentNotice.clear();
    m_sentNoticeCount = 0;
    m_sentNoticeRefused = false;
    // A refusal is what the user must read; a message other than ours stays too.
    const QString current = statusBar()->currentMessage();
    if (refused || (!current.isEmpty() && current != m_lastNotice))
        return;
    QString message;
    if (text.isEmpty())
        message = plural(count, tr("1 change sent to the cloud"),
            tr("%n changes sent to the cloud", nullptr, count));
    else if (count == 1)
        message = tr("Sent to the cloud: %1").arg(text);
    else
        message = plural(count - 1, tr("Sent to the cloud: %1, and 1 earlier change"),
            tr("Sent to the cloud: %1, and %n earlier changes", nullptr, count - 1))
                      .arg(text);
    statusBar()->showMessage(message, SentNoticeMs);
    m_lastNotice = message;
}

void MainWindow::onWorkOfflineToggled(bool offline)
{
    m_engine->setPaused(offline);
    updateStatus();
    const int pending = m_engine->pendingCount();
    QString message;
    if (offline) {
        message = pending == 0
            ? tr("Working offline: edits are kept here and sent when you go back online")
            : plural(pending,
                tr("Working offline: 1 change kept here, will be sent when you go back online"),
                tr("Working offline: %n changes kept here, will be sent when you go back online",
                    nullptr, pending));
    } else if (pending > 0) {
        message = plural(pending, tr("Back online: sending 1 change to the cloud…"),
            tr("Back online: sending %n changes to the cloud…", nullptr, pending));
        if (m_sentNoticeCount == 0) {
            // Said "sent" once they all are.
            m_sentNotice.clear();
            m_sentNoticeCount = pending;
        }
    } else {
        message = tr("Back online");
    }
    statusBar()->showMessage(message, offline ? OfflineNoticeMs : SendingNoticeMs);
    m_lastNotice = message;
}

void MainWindow::updateUndoRedoActions()
{
    const QString undo = m_undoStack->undoText();
    const QString redo = m_undoStack->redoText();
    const QString undoKey = m_undoAction->shortcut().toString(QKeySequence::NativeText);
    const QString redoKey = m_redoAction->shortcut().toString(QKeySequence::NativeText);
    m_undoAction->setEnabled(m_undoStack->canUndo());
    m_undoAction->setText(undo.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(actionText(undo)));
    m_undoAction->setIconText(tr("Undo"));
    const QString undoTip = undo.isEmpty() ? tr("Nothing to undo") : tr("Undo %1").arg(undo);
    m_undoAction->setStatusTip(undoTip);
    m_undoAction->setToolTip(plainToolTip(tr("%1 (%2)").arg(undoTip, undoKey)));
    m_redoAction->setEnabled(m_undoStack->canRedo());
    m_redoAction->setText(redo.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(actionText(redo)));
    m_redoAction->setIconText(tr("Redo"));
    const QString redoTip = redo.isEmpty() ? tr("Nothing to redo") : tr("Redo %1").arg(redo);
    m_redoAction->setStatusTip(redoTip);
    m_redoAction->setToolTip(plainToolTip(tr("%1 (%2)").arg(redoTip, redoKey)));
}

// --- selection ----------------------------------------------------------------------------

QModelIndex MainWindow::currentTreeIndex() const
{
    const QModelIndex current = m_treeView->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0) : QModelIndex();
}

QString MainWindow::currentNodePath() const
{
    const QModelIndex current = currentTreeIndex();
    return isNode(current) ? current.data(Tree::NodePathRole).toString() : QString();
}

void MainWindow::selectNode(const QString &path)
{
    const QModelIndex index = m_tree->indexForNode(path);
    if (!index.isValid())
        return;
    m_treeView->scrollTo(index);
    m_treeView->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void MainWindow::ensureInitialSelection()
{
    // Called while the model is inserting rows: look once it is done.
    if (m_initialSelectionDone || m_initialSelectionQueued)
        return;
    m_initialSelectionQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_initialSelectionQueued = false;
        tryInitialSelection();
    });
}

void MainWindow::tryInitialSelection()
{
    if (m_initialSelectionDone || m_tree->rowCount() == 0)
        return;
    const QString saved = QSettings().value(QStringLiteral("MainWindow/selectedNode")).toString();
    QModelIndex index = saved.isEmpty() ? QModelIndex() : m_tree->indexForNode(saved);
    // The node remembered may still be on its way from the first pull.
    if (!saved.isEmpty() && !index.isValid()
        && (m_engine->isPulling() || m_engine->lastFullPullMs() == 0))
        return;
    if (!index.isValid()) {
        const QModelIndex first = m_tree->index(0, 0);
        if (kindOf(first) == ItemKind::Customer)
            index = first;
    }
    if (!index.isValid())
        return; // no customers yet: wait for the first pull
    m_initialSelectionDone = true;
    // The view makes the first row current when it gets the focus; anything else is the
    // user's own choice.
    const QModelIndex current = currentTreeIndex();
    if (current.isValid() && current != m_tree->index(0, 0))
        return;
    m_treeView->expand(index);
    selectNode(index.data(Tree::NodePathRole).toString());
}

void MainWindow::onTreeActivated()
{
    m_detailSource = DetailSource::Tree;
    onTreeCurrentChanged();
}

void MainWindow::onTableActivated()
{
    m_detailSource = DetailSource::Table;
    showDetail();
    updateActions();
}

void MainWindow::followTreeCurrent()
{
    // A scope whose node went away (deleted, renamed) shows its parent's devices.
    bool rescope = m_scope && m_scope->kind == Tree::DeviceScope::Kind::Node
        && !m_tree->indexForNode(m_scope->path).isValid();
    // The device the tree's current row shows moved (the row moves with it): the table shows
    // its new place, with it selected.
    const QModelIndex current = currentTreeIndex();
    if (!rescope && m_detailSource == DetailSource::Tree && current.isValid()
        && kindOf(current) == ItemKind::Device) {
        const QModelIndex parent = current.parent();
        const std::optional<Tree::DeviceScope> scope = parent.isValid()
            ? Tree::DeviceScope::forTreeItem(
                kindOf(parent), parent.data(Tree::NodePathRole).toString())
            : std::nullopt;
        rescope = scope && m_scope && *scope != *m_scope;
    }
    if (rescope)
        onTreeCurrentChanged();
    else
        showDetail();
}

void MainWindow::onTreeCurrentChanged()
{
    const QScopedValueRollback changing(m_tableChanging, true);
    const QModelIndex current = currentTreeIndex();
    QModelIndex scopeIndex = current;
    QString device;
    if (current.isValid() && kindOf(current) == ItemKind::Device) {
        device = current.data(Tree::DeviceIdRole).toString();
        scopeIndex = current.parent();
    }
    std::optional<Tree::DeviceScope> scope = scopeIndex.isValid()
        ? Tree::DeviceScope::forTreeItem(
            kindOf(scopeIndex), scopeIndex.data(Tree::NodePathRole).toString())
        : std::optional<Tree::DeviceScope>(Tree::DeviceScope::all());
    if (scope && (!m_scope || *scope != *m_scope) && m_engine->isLoaded()) {
        m_scope = scope;
        m_table->setScope(m_engine->state(), *scope);
        updateFilterInfo();
    }
    if (!device.isEmpty()) {
        const QModelIndex row = m_table->indexForDevice(device);
        if (row.isValid()) {
            m_tableView->selectionModel()->setCurrentIndex(
                row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_tableView->scrollTo(row);
        }
    } else {
        m_tableView->selectionModel()->clearCurrentIndex();
    }
    showDetail();
    updateActions();
}

void MainWindow::onTableCurrentChanged()
{
    showDetail();
    updateActions();
}

void MainWindow::showDetail()
{
    const QModelIndex row = m_tableView->selectionModel()->currentIndex();
    const Sync::FleetState &state = m_engine->state();
    if (m_detailSource == DetailSource::Table && row.isValid()) {
        const QString id = row.data(Tree::DeviceIdRole).toString();
        m_detail->showDevice(state, id, row.data(Tree::PendingRole).toBool());
        return;
    }
    const QModelIndex current = currentTreeIndex();
    if (!current.isValid()) {
        m_detail->showNothing();
        return;
    }
    if (kindOf(current) == ItemKind::Device) {
        const QString id = current.data(Tree::DeviceIdRole).toString();
        m_detail->showDevice(state, id, current.data(Tree::PendingRole).toBool());
        return;
    }
    DetailPane::NodeSummary s;
    s.title = current.data(Tree::TitleRole).toString();
    switch (kindOf(current)) {
    case ItemKind::Customer:
        s.kind = tr("Customer");
        break;
    case ItemKind::Group:
        s.kind = tr("Group");
        break;
    case ItemKind::Unassigned:
        s.kind = tr("Pool: devices in stock, in no customer");
        break;
    case ItemKind::Returns:
        s.kind = tr("Pool: units back for refurbishment");
        s.path = QString(Domain::ReturnsGroupName);
        break;
    case ItemKind::NeedsRepair:
        s.kind = tr("Devices whose groups contradict the tree");
        break;
    case ItemKind::Device:
        break;
    }
    if (isNode(current)) {
        s.path = current.data(Tree::NodePathRole).toString();
        s.account = current.data(Tree::AccountRole).toString();
        const int released = state.releasedVersionByGroup().value(s.path, 0);
        s.release = released > 0 ? tr("v%1").arg(released) : tr("none");
    }
    s.devices = current.data(Tree::DeviceCountRole).toInt();
    s.online = current.data(Tree::OnlineCountRole).toInt();
    s.offTarget = current.data(Tree::OffTargetCountRole).toInt();
    s.pending = current.data(Tree::PendingCountRole).toInt();
    s.firmware = firmwareSummary(current.data(Tree::FirmwareVersionsRole).toMap());
    m_detail->showNode(s);
}

QStringList MainWindow::selectedDeviceIds() const
{
    const auto fromTable = [this] {
        QStringList ids;
        for (const QModelIndex &row : m_tableView->selectionModel()->selectedRows())
            ids.append(row.data(Tree::DeviceIdRole).toString());
        return ids;
    };
    const auto fromTree = [this] {
        QStringList ids;
        for (const QModelIndex &row : m_treeView->selectionModel()->selectedRows()) {
            if (kindOf(row) == ItemKind::Device)
                ids.append(row.data(Tree::DeviceIdRole).toString());
        }
        return ids;
    };
    QWidget *focus = QApplication::focusWidget();
    if (focus == m_treeView)
        return fromTree();
    if (focus == m_tableView)
        return fromTable();
    const QStringList table = fromTable();
    return table.isEmpty() ? fromTree() : table;
}

void MainWindow::updateActions()
{
    const bool loaded = m_engine->isLoaded();
    const QModelIndex current = currentTreeIndex();
    const bool node = isNode(current);
    const QString path = currentNodePath();
    m_moveAction->setEnabled(loaded);
    m_copyIdsAction->setEnabled(loaded);
    m_notesAction->setEnabled(loaded);
    m_newCustomerAction->setEnabled(loaded);
    m_newGroupAction->setEnabled(loaded && node && Domain::pathDepth(path) < Domain::MaxNodeDepth);
    m_renameAction->setEnabled(loaded && node);
    m_deleteAction->setEnabled(loaded && node);
    m_problemsAction->setEnabled(loaded);
    if (m_rollouts) {
        const bool flashable = loaded && !flashSelection().isEmpty();
        m_flashAction->setEnabled(flashable);
        const QString tip = flashable
            ? tr("Flash firmware to the selected devices, groups or customers")
            : tr("Select devices, groups or customers in the tree to flash them");
        m_flashAction->setStatusTip(tip);
        m_flashAction->setToolTip(
            tr("%1 (%2)").arg(tip, m_flashAction->shortcut().toString(QKeySequence::NativeText)));
    }
}

// --- copying and notes ------------------------------------------------------------------

QString MainWindow::selectedRowsText() const
{
    using C = Tree::DeviceTableModel;
    QList<int> rows;
    for (const QModelIndex &row : m_tableView->selectionModel()->selectedRows())
        rows.append(row.row());
    const QModelIndex current = m_tableView->selectionModel()->currentIndex();
    if (rows.isEmpty() && current.isValid())
        rows.append(current.row());
    if (rows.isEmpty())
        return QString();
    std::sort(rows.begin(), rows.end());
    const QHeaderView *header = m_tableView->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    // The device ID tells the rows apart wherever they are pasted.
    if (!columns.contains(C::IdColumn))
        columns.append(C::IdColumn);
    QStringList lines;
    QStringList cells;
    for (const int column : std::as_const(columns))
        cells.append(tsvCell(m_table->headerData(column, Qt::Horizontal).toString()));
    lines.append(cells.join(QLatin1Char('\t')));
    for (const int row : std::as_const(rows)) {
        cells.clear();
        for (const int column : std::as_const(columns))
            cells.append(tsvCell(m_table->index(row, column).data(Qt::DisplayRole).toString()));
        lines.append(cells.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
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
        plural(rows, tr("Copied 1 row with a header line: it pastes into a spreadsheet"),
            tr("Copied %n rows with a header line: they paste into a spreadsheet", nullptr, rows)),
        SentNoticeMs);
}

QStringList MainWindow::devicesForCopy() const
{
    QStringList ids = selectedDeviceIds();
    if (!ids.isEmpty() || QApplication::focusWidget() == m_tableView)
        return ids;
    // Customers, groups and pools: every device under them, in the tree's order.
    QModelIndexList rows = m_treeView->selectionModel()->selectedRows();
    if (rows.isEmpty() && currentTreeIndex().isValid())
        rows.append(currentTreeIndex());
    QSet<QString> seen;
    const auto collect = [&](const auto &self, const QModelIndex &index) -> void {
        if (kindOf(index) == ItemKind::Device) {
            const QString id = index.data(Tree::DeviceIdRole).toString();
            if (!seen.contains(id)) {
                seen.insert(id);
                ids.append(id);
            }
            return;
        }
        for (int r = 0; r < m_tree->rowCount(index); ++r)
            self(self, m_tree->index(r, 0, index));
    };
    for (const QModelIndex &row : std::as_const(rows))
        collect(collect, row.siblingAtColumn(0));
    return ids;
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
    statusBar()->showMessage(plural(static_cast<int>(ids.size()), tr("Copied 1 device ID"),
                                 tr("Copied %n device IDs", nullptr, static_cast<int>(ids.size()))),
        SentNoticeMs);
}

void MainWindow::editNotes()
{
    m_edits->editNotes();
}

// --- moves --------------------------------------------------------------------------------

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

// --- customers and groups -----------------------------------------------------------------

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

MainWindow::FlashSelection MainWindow::flashSelection() const
{
    FlashSelection selection;
    QStringList nodeTitles;
    QStringList deviceNames;
    const Sync::FleetState &state = m_engine->state();
    const auto addDevice = [&](const QString &id) {
        if (id.isEmpty() || selection.devices.contains(id))
            return;
        selection.devices.append(id);
        const QString name = state.devices.value(id).name;
        deviceNames.append(name.isEmpty() ? id : name);
    };
    if (QApplication::focusWidget() == m_tableView) {
        for (const QModelIndex &row : m_tableView->selectionModel()->selectedRows())
            addDevice(row.data(Tree::DeviceIdRole).toString());
    }
    if (selection.devices.isEmpty()) {
        QModelIndexList rows = m_treeView->selectionModel()->selectedRows();
        if (rows.isEmpty() && currentTreeIndex().isValid())
            rows.append(currentTreeIndex());
        for (const QModelIndex &row : std::as_const(rows)) {
            if (kindOf(row) == ItemKind::Device) {
                addDevice(row.data(Tree::DeviceIdRole).toString());
            } else if (isNode(row)) {
                selection.nodes.append(row.data(Tree::NodePathRole).toString());
                nodeTitles.append(row.data(Tree::TitleRole).toString());
            }
        }
    }
    // A node under another selected node is flashed with it.
    QStringList nodes;
    QStringList titles;
    for (int i = 0; i < selection.nodes.size(); ++i) {
        const QString &path = selection.nodes.at(i);
        const bool covered = std::any_of(selection.nodes.cbegin(), selection.nodes.cend(),
            [&](const QString &other) { return Domain::isStrictAncestor(other, path); });
        if (!covered && !nodes.contains(path)) {
            nodes.append(path);
            titles.append(nodeTitles.value(i));
        }
    }
    selection.nodes = nodes;
    QStringList parts;
    if (titles.size() == 1)
        parts.append(titles.constFirst());
    else if (titles.size() > 1)
        parts.append(tr("%1 and %2 more").arg(titles.constFirst()).arg(titles.size() - 1));
    const int devices = static_cast<int>(deviceNames.size());
    if (devices == 1)
        parts.append(deviceNames.constFirst());
    else if (devices > 1)
        parts.append(tr("%n devices", nullptr, devices));
    selection.title = parts.join(tr(" and "));
    return selection;
}

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
    auto *dialog = new FlashDialog(m_rollouts, m_engine, s, this);
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

void MainWindow::updateRolloutStatus()
{
    if (!m_rollouts) {
        m_rolloutLabel->hide();
        return;
    }
    const Tree::RolloutSource source = Tree::RolloutSource::of(m_rollouts);
    QStringList active;
    const QLocale locale;
    for (const qint64 id : m_rollouts->rolloutIds()) {
        const Domain::Rollout *r = m_rollouts->rollout(id);
        if (!r
            || !(r->state == Domain::RolloutState::Running
                || r->state == Domain::RolloutState::Paused
                || r->state == Domain::RolloutState::RollingBack))
            continue;
        const Tree::RolloutTotals t = Tree::rolloutTotals(source, id);
        QString text = tr("Rollout %1: %2/%3")
                           .arg(Tree::rolloutTitle(*r), locale.toString(t.succeeded),
                               locale.toString(t.targeted));
        if (r->state != Domain::RolloutState::Running)
            text += tr(" (%1)").arg(Domain::displayName(r->state));
        active.append(text);
    }
    m_rolloutLabel->setVisible(!active.isEmpty());
    m_rolloutLabel->setText(active.size() <= 2
            ? active.join(QStringLiteral("; "))
            : tr("%1; and %2 more rollouts").arg(active.constFirst()).arg(active.size() - 1));
    m_rolloutLabel->setToolTip(active.join(QLatin1Char('\n')));
}

} // namespace Flotilla::Views
