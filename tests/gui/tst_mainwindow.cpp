// SPDX-License-Identifier: MIT
// The console end to end: the real MainWindow, wired by the app's own AppContext, against a
// sandbox cloud. A real drag of three devices from one customer to another with QTest mouse
// events (QDrag runs its own loop: the move and the release are driven from a timer while it
// runs), the confirmation, the sandbox's state afterwards, and undo back in the sandbox; the
// keyboard path ("Move to…" and its picker); a drop onto a device refused with the reason; the
// pending-changes indicator; the details pane following a device dragged to Returns; expanded
// rows kept through creates, moves, pulls and a drag resting on them; Ctrl+C in the table and
// the context menus (Flash…, Copy device IDs, Edit notes…); sign-in with a memory token store.
//
// Drags need a platform with a drag loop: the offscreen platform's drag returns at once, so
// this test runs on the (equally headless) "minimal" platform, see CMakeLists.txt.
#include "consolefixture.h"
#include "domain/nodepath.h"
#include "edit/commands.h"
#include "remote/particleclient.h"
#include "remote/tokenstore.h"
#include "sandboxprocess.h"
#include "session/signin.h"
#include "sync/fleetoverview.h"
#include "sync/syncengine.h"
#include "tree/devicetablemodel.h"
#include "tree/fleettreemodel.h"
#include "views/detailpane.h"
#include "views/fleettreeview.h"
#include "views/mainwindow.h"
#include "views/moveconfirmdialog.h"
#include "views/nodedialog.h"
#include "views/nodepickerdialog.h"
#include "views/notesdialog.h"
#include "views/productclientdialog.h"
#include "views/signindialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDirIterator>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <memory>

using namespace Flotilla;
using Flotilla::Test::Http;
using Flotilla::Test::SandboxProcess;

using namespace Flotilla::GuiTest;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void dragThreeDevicesToAnotherCustomerAndUndo();
    void moveToPickerIsTheKeyboardPath();
    void dragFromTheDeviceTableOntoTheTree();
    void dropOntoADeviceIsRefusedWithTheReason();
    void pendingIndicatorFollowsTheOutbox();
    void detailsFollowADeviceDraggedToReturns();
    void expansionSurvivesCreatesMovesAndPulls();
    void placeChosenOnTheOverviewSurvivesTheDevices();
    void aRestingDragOpensRowsAndNeverClosesThem();
    void copyRowsAsASpreadsheet();
    void contextMenusFlashCopyIdsAndEditNotes();
    void layoutIsRemembered();
    void signInDialogChecksAndStoresTheToken();
    void signInFromTheWindowForARealCloud();
    void signInWithTheProductOAuthClient();

private:
    bool openConsole(App::Connection connection = {}) { return m_console.open(connection); }
    Views::MainWindow *window() const { return m_console.window(); }
    Tree::FleetTreeModel *tree() const { return m_console.tree(); }
    QStringList devicesAt(const QString &path) const { return m_console.devicesAt(path); }
    QStringList cloudGroups(const QString &id) { return m_console.cloudGroups(id); }
    QString cloudOwner(const QString &id) { return m_console.cloudOwner(id); }
    Domain::Placement cloudPlacement(const QString &id) { return m_console.cloudPlacement(id); }
    // Presses on `from` (a selected row), drags past the start distance, and from a timer
    // while the drag loop runs moves to `to` and releases there.
    void drag(QWidget *viewport, const QPoint &from, const QPoint &to);
    void showRow(const QModelIndex &index);

    ConsoleFixture m_console;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_console.setUp({QStringLiteral("--devices"), QStringLiteral("400"),
        QStringLiteral("--update-failure-rate"), QStringLiteral("0")}));
}

void TestMainWindow::init() { }

void TestMainWindow::cleanup()
{
    m_console.close();
}

void TestMainWindow::showRow(const QModelIndex &index)
{
    Views::FleetTreeView *view = window()->treeView();
    view->expand(index.parent());
    view->scrollTo(index);
}

void TestMainWindow::drag(QWidget *viewport, const QPoint &from, const QPoint &to)
{
    const int distance = QApplication::startDragDistance();
    bool moved = false;
    // QDrag::exec() runs its own loop from inside the mouse move below; this timer runs in it.
    QTimer::singleShot(50, viewport, [viewport, from, to, distance, &moved] {
        QTest::mouseMove(viewport, from + QPoint(distance + 4, distance + 4));
        QTest::mouseMove(viewport, to + QPoint(0, -2));
        QTest::mouseMove(viewport, to);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
        moved = true;
    });
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, from + QPoint(0, distance + 2));
    QTest::mouseMove(viewport, from + QPoint(distance + 2, distance + 2));
    QVERIFY(QTest::qWaitFor([&] { return moved; }, 10000));
}

// --- the drag -----------------------------------------------------------------------------

void TestMainWindow::dragThreeDevicesToAnotherCustomerAndUndo()
{
    QVERIFY(openConsole());
    // Fjord Marine (unlinked, on the default v4) to Borealis Energy (linked to a customer
    // account, v5 released to it): both rows stay in view with Fjord expanded.
    const QString from = QStringLiteral("fjord");
    const QString to = QStringLiteral("borealis");
    QVERIFY(tree()->indexForNode(to).isValid());
    const QStringList atFrom = devicesAt(from);
    QVERIFY2(atFrom.size() >= 3, "the demo fleet has devices directly at Fjord Marine");
    const QStringList moving = atFrom.mid(0, 3);
    const QHash<QString, QStringList> before {{moving[0], cloudGroups(moving[0])},
        {moving[1], cloudGroups(moving[1])}, {moving[2], cloudGroups(moving[2])}};
    for (const QString &id : moving)
        QCOMPARE(cloudPlacement(id).path, from);

    // Select the three device rows in the tree.
    Views::FleetTreeView *view = window()->treeView();
    view->collapseAll();
    const QModelIndex source = tree()->indexForNode(from);
    view->expand(source);
    view->selectionModel()->clearSelection();
    for (const QString &id : moving) {
        const QModelIndex row = tree()->indexForDevice(id);
        QVERIFY(row.isValid());
        QCOMPARE(row.parent(), source);
        showRow(row);
        view->selectionModel()->select(
            row, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QCOMPARE(view->selectionModel()->selectedRows().size(), 3);
    const QModelIndex first = tree()->indexForDevice(moving[0]);
    view->scrollTo(first);
    const QModelIndex target = tree()->indexForNode(to);
    const QRect fromRect = view->visualRect(first);
    const QRect toRect = view->visualRect(target);
    QVERIFY(view->viewport()->rect().contains(fromRect.center()));
    QVERIFY(view->viewport()->rect().contains(toRect.center()));

    qDebug() << "drag from" << fromRect.center() << "to" << toRect.center();
    drag(view->viewport(), fromRect.center(), toRect.center());

    // The confirmation: ownership changes (Borealis is linked to a customer account).
    QTRY_VERIFY_WITH_TIMEOUT(activeModal<Views::MoveConfirmDialog>() != nullptr, 10000);
    Views::MoveConfirmDialog *confirm = activeModal<Views::MoveConfirmDialog>();
    const QString summary = confirm->summaryLines().join(QLatin1Char('\n'));
    QVERIFY2(summary.contains(QStringLiteral("3 devices move")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("claimed")), qPrintable(summary));
    // Nothing has changed before the confirmation.
    QCOMPARE(m_console.app()->undoStack()->count(), 0);
    QCOMPARE(tree()->indexForDevice(moving[0]).parent(), tree()->indexForNode(from));
    confirm->accept();

    // Applied here at once (and pending until the cloud confirms it)...
    QCOMPARE(m_console.app()->undoStack()->count(), 1);
    for (const QString &id : moving)
        QCOMPARE(tree()->indexForDevice(id).parent(), tree()->indexForNode(to));
    // ... and in the cloud soon after.
    const QString borealisAccount = tree()->indexForNode(to).data(Tree::AccountRole).toString();
    QVERIFY(!borealisAccount.isEmpty());
    for (const QString &id : moving) {
        QTRY_COMPARE_WITH_TIMEOUT(cloudPlacement(id).path, to, CloudTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(cloudOwner(id), borealisAccount, CloudTimeoutMs);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_console.engine()->pendingCount(), 0, CloudTimeoutMs);

    // Undo puts them back, in the cloud too.
    QAction *undo = window()->findChild<QAction *>(QStringLiteral("actionUndo"));
    QVERIFY(undo && undo->isEnabled());
    undo->trigger();
    for (const QString &id : moving)
        QCOMPARE(tree()->indexForDevice(id).parent(), tree()->indexForNode(from));
    for (const QString &id : moving) {
        QTRY_COMPARE_WITH_TIMEOUT(cloudGroups(id), before.value(id), CloudTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(cloudOwner(id), QString(), CloudTimeoutMs);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_console.engine()->pendingCount(), 0, CloudTimeoutMs);
}

// --- Move to… -----------------------------------------------------------------------------

void TestMainWindow::moveToPickerIsTheKeyboardPath()
{
    QVERIFY(openConsole());
    const QString from = QStringLiteral("delta-water--pump-1");
    const QString to = QStringLiteral("cobalt");
    const QStringList at = devicesAt(from);
    QVERIFY(at.size() >= 2);
    const QStringList moving = at.mid(0, 2);

    // Select the node, then two devices in the table, with the keyboard focus there.
    window()->selectNode(from);
    QTableView *table = window()->deviceView();
    QTRY_VERIFY(m_console.app()->tableModel()->indexForDevice(moving[0]).isValid());
    table->setFocus();
    table->selectionModel()->clearSelection();
    for (const QString &id : moving)
        table->selectionModel()->select(m_console.app()->tableModel()->indexForDevice(id),
            QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(window()->selectedDeviceIds().size(), 2);

    QVERIFY(QTest::qWaitForWindowActive(window()));
    QTest::keyClick(table, Qt::Key_M, Qt::ControlModifier);
    QTRY_VERIFY(activeModal<Views::NodePickerDialog>() != nullptr);
    Views::NodePickerDialog *picker = activeModal<Views::NodePickerDialog>();
    const int all = picker->visibleCount();
    QTest::keyClicks(picker->searchField(), QStringLiteral("cobalt"));
    QVERIFY(picker->visibleCount() < all);
    QVERIFY(picker->visibleCount() >= 1);
    QCOMPARE(picker->target()->path, to);
    QTest::keyClick(picker->searchField(), Qt::Key_Return);

    // Delta's devices run v3 (held back); Cobalt's target is the default: confirmed.
    QTRY_VERIFY(activeModal<Views::MoveConfirmDialog>() != nullptr);
    activeModal<Views::MoveConfirmDialog>()->accept();
    for (const QString &id : moving) {
        QCOMPARE(tree()->indexForDevice(id).parent(), tree()->indexForNode(to));
        QTRY_COMPARE_WITH_TIMEOUT(cloudPlacement(id).path, to, CloudTimeoutMs);
    }
}

// --- from the table ------------------------------------------------------------------------

void TestMainWindow::dragFromTheDeviceTableOntoTheTree()
{
    QVERIFY(openConsole());
    // Two devices of Cobalt's field B, from the table onto the Unassigned pool: no owner and
    // no firmware target changes, so no confirmation.
    const QStringList moving = devicesAt(QStringLiteral("cobalt--field-b")).mid(0, 2);
    QCOMPARE(moving.size(), 2);
    window()->selectNode(QStringLiteral("cobalt--field-b"));
    QTableView *table = window()->deviceView();
    Tree::DeviceTableModel *rows = m_console.app()->tableModel();
    QTRY_VERIFY(rows->indexForDevice(moving[0]).isValid());
    table->selectionModel()->clearSelection();
    for (const QString &id : moving)
        table->selectionModel()->select(
            rows->indexForDevice(id), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QModelIndex first = rows->indexForDevice(moving[0]);
    table->scrollTo(first);
    Views::FleetTreeView *view = window()->treeView();
    view->collapseAll();
    const QModelIndex pool = tree()->indexForPool(Tree::ItemKind::Unassigned);
    view->scrollTo(pool);
    const QPoint onPool = table->viewport()->mapFromGlobal(
        view->viewport()->mapToGlobal(view->visualRect(pool).center()));

    drag(table->viewport(), table->visualRect(first).center(), onPool);

    QTRY_COMPARE(m_console.app()->undoStack()->count(), 1);
    QCOMPARE(QApplication::activeModalWidget(), nullptr);
    for (const QString &id : moving) {
        QCOMPARE(tree()->indexForDevice(id).parent(), pool);
        QTRY_COMPARE_WITH_TIMEOUT(
            cloudPlacement(id).kind, Domain::PlacementKind::Unassigned, CloudTimeoutMs);
    }
}

// --- refused drops ------------------------------------------------------------------------

void TestMainWindow::dropOntoADeviceIsRefusedWithTheReason()
{
    QVERIFY(openConsole());
    const QStringList atFjord = devicesAt(QStringLiteral("fjord"));
    QVERIFY(atFjord.size() >= 2);
    Views::FleetTreeView *view = window()->treeView();
    view->collapseAll();
    const QModelIndex first = tree()->indexForDevice(atFjord[0]);
    const QModelIndex second = tree()->indexForDevice(atFjord[1]);
    showRow(first);
    view->selectionModel()->select(
        first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy refused(view, &Views::FleetTreeView::dropRefused);
    QSignalSpy requested(tree(), &Tree::FleetTreeModel::dropRequested);

    drag(view->viewport(), view->visualRect(first).center(), view->visualRect(second).center());

    QTRY_COMPARE(refused.count(), 1);
    const QString reason = refused.first().at(0).toString();
    QVERIFY(!reason.isEmpty());
    QVERIFY2(window()->statusBar()->currentMessage().contains(reason),
        qPrintable(window()->statusBar()->currentMessage()));
    QCOMPARE(requested.count(), 0);
    QCOMPARE(QApplication::activeModalWidget(), nullptr);
    QCOMPARE(m_console.app()->undoStack()->count(), 0);
    QCOMPARE(m_console.engine()->pendingCount(), 0);
    QCOMPARE(
        tree()->indexForDevice(atFjord[0]).parent(), tree()->indexForNode(QStringLiteral("fjord")));
}

// --- pending changes ----------------------------------------------------------------------

void TestMainWindow::pendingIndicatorFollowsTheOutbox()
{
    QVERIFY(openConsole());
    QLabel *pending = window()->pendingLabel();
    QCOMPARE(pending->text(), QStringLiteral("All changes sent"));

    // Offline: the edit is applied and queued, and nothing is sent.
    QAction *offline = window()->findChild<QAction *>(QStringLiteral("actionWorkOffline"));
    QVERIFY(offline);
    offline->setChecked(true);
    const QStringList at = devicesAt(QStringLiteral("evergreen--depot-west"));
    QVERIFY(!at.isEmpty());
    const QString id = at.first();
    const QStringList cloudBefore = cloudGroups(id);
    window()->requestMoveDevices({id}, Domain::MoveTarget::returns());
    if (auto *confirm = activeModal<Views::MoveConfirmDialog>())
        confirm->accept();
    QTRY_COMPARE(pending->text(), QStringLiteral("1 pending change"));
    QTRY_COMPARE(
        tree()->indexForPool(Tree::ItemKind::Returns).data(Tree::PendingCountRole).toInt(), 1);
    QVERIFY(tree()->indexForDevice(id).data(Tree::PendingRole).toBool());
    QCOMPARE(cloudGroups(id), cloudBefore);

    // Online again: sent, confirmed, and the indicator clears.
    offline->setChecked(false);
    QTRY_COMPARE_WITH_TIMEOUT(pending->text(), QStringLiteral("All changes sent"), CloudTimeoutMs);
    QVERIFY(!tree()->indexForDevice(id).data(Tree::PendingRole).toBool());
    QCOMPARE(cloudPlacement(id).kind, Domain::PlacementKind::Returns);
}

// --- the details pane ----------------------------------------------------------------------

void TestMainWindow::detailsFollowADeviceDraggedToReturns()
{
    QVERIFY(openConsole());
    Views::FleetTreeView *view = window()->treeView();
    QTableView *table = window()->deviceView();
    const QModelIndex returns = tree()->indexForPool(Tree::ItemKind::Returns);
    // Returns holds another device already, so the table has a second row there.
    if (returns.data(Tree::DeviceCountRole).toInt() == 0) {
        const QStringList other = devicesAt(QStringLiteral("cobalt"));
        QVERIFY(!other.isEmpty());
        window()->requestMoveDevices({other.first()}, Domain::MoveTarget::returns());
        if (auto *confirm = activeModal<Views::MoveConfirmDialog>())
            confirm->accept();
        QTRY_COMPARE(returns.data(Tree::DeviceCountRole).toInt(), 1);
    }
    // A node with a few devices of its own, expanded alone, whose second device and Returns
    // are both in view with that device at the top.
    QString id;
    const Domain::Hierarchy hierarchy = m_console.state().hierarchy();
    for (const Domain::Node &n : hierarchy.nodes()) {
        const QStringList at = devicesAt(n.path);
        if (at.size() < 3)
            continue;
        view->collapseAll();
        showRow(tree()->indexForDevice(at.at(1)));
        view->scrollTo(tree()->indexForDevice(at.at(1)), QAbstractItemView::PositionAtTop);
        if (view->viewport()->rect().contains(view->visualRect(returns).center())) {
            id = at.at(1);
            break;
        }
    }
    QVERIFY2(!id.isEmpty(), "a node whose devices and Returns fit in the view together");
    const QModelIndex device = tree()->indexForDevice(id);

    // Clicked in the tree: the table shows the node's devices with it, the pane shows it.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(device).center());
    QTRY_COMPARE(window()->detailPane()->deviceId(), id);
    QCOMPARE(table->selectionModel()->currentIndex().data(Tree::DeviceIdRole).toString(), id);

    const QRect fromRect = view->visualRect(tree()->indexForDevice(id));
    const QRect toRect = view->visualRect(returns);
    QVERIFY(view->viewport()->rect().contains(fromRect.center()));
    QVERIFY(view->viewport()->rect().contains(toRect.center()));
    const int before = m_console.app()->undoStack()->count();
    drag(view->viewport(), fromRect.center(), toRect.center());
    QTRY_VERIFY(activeModal<Views::MoveConfirmDialog>() != nullptr
        || m_console.app()->undoStack()->count() > before);
    if (auto *confirm = activeModal<Views::MoveConfirmDialog>())
        confirm->accept();
    QTRY_COMPARE(
        tree()->indexForDevice(id).parent(), tree()->indexForPool(Tree::ItemKind::Returns));

    // The tree keeps the moved device current; the pane shows that device, not the row that
    // took its place in the table; the table shows it at its new place.
    QCOMPARE(view->currentIndex().siblingAtColumn(0), tree()->indexForDevice(id));
    QCOMPARE(window()->detailPane()->deviceId(), id);
    QCOMPARE(window()->detailPane()->fieldText(QStringLiteral("location")),
        Edit::targetLabel(m_console.state().hierarchy(), Domain::MoveTarget::returns()));
    QCOMPARE(table->selectionModel()->currentIndex().data(Tree::DeviceIdRole).toString(), id);

    // Another device chosen in the table shows that one; a click on the tree's current row
    // (which changes no current row) shows the tree's device again.
    QModelIndex other;
    for (int r = 0; r < table->model()->rowCount() && !other.isValid(); ++r) {
        const QModelIndex row = table->model()->index(r, 0);
        if (row.data(Tree::DeviceIdRole).toString() != id)
            other = row;
    }
    QVERIFY(other.isValid());
    const QString otherId = other.data(Tree::DeviceIdRole).toString();
    table->scrollTo(other);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(other).center());
    QTRY_COMPARE(window()->detailPane()->deviceId(), otherId);
    showRow(tree()->indexForDevice(id));
    QCOMPARE(view->currentIndex().siblingAtColumn(0), tree()->indexForDevice(id));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
        view->visualRect(tree()->indexForDevice(id)).center());
    QTRY_COMPARE(window()->detailPane()->deviceId(), id);
}

// --- expansion ----------------------------------------------------------------------------

// At a cold start the tree is painted from the fleet overview kept in the cache, before the
// devices are read (the same model signals as here: a reset to the overview, then a reset to the
// fleet). A customer opened and a group selected on the overview stay open and selected when the
// devices come in, and the device table shows that group's devices.
void TestMainWindow::placeChosenOnTheOverviewSurvivesTheDevices()
{
    QVERIFY(openConsole());
    Views::FleetTreeView *view = window()->treeView();
    const Sync::FleetState fleet = m_console.state();
    Sync::FleetState withoutDevices = fleet;
    withoutDevices.devices.clear();
    tree()->showOverview(withoutDevices, Sync::FleetOverview::of(fleet, {}));
    QVERIFY(tree()->showsOverview());

    // A group under a customer, on the overview.
    QString groupPath;
    const Domain::Hierarchy hierarchy = fleet.hierarchy();
    for (const Domain::Node &n : hierarchy.nodes()) {
        if (n.kind == Domain::NodeKind::Group
            && !Domain::parentPath(n.path).contains(QLatin1String("--"))) {
            groupPath = n.path;
            break;
        }
    }
    QVERIFY(!groupPath.isEmpty());
    const QString customerPath = Domain::parentPath(groupPath);
    view->collapseAll();
    view->expand(tree()->indexForNode(customerPath));
    view->selectionModel()->setCurrentIndex(tree()->indexForNode(groupPath),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    tree()->reset(m_console.engine()->state(), m_console.engine()->pendingDevices());
    QVERIFY(!tree()->showsOverview());
    QVERIFY(tree()->deviceCount() > 0);
    QVERIFY(view->isExpanded(tree()->indexForNode(customerPath)));
    QCOMPARE(view->currentIndex().siblingAtColumn(0), tree()->indexForNode(groupPath));
    QTRY_COMPARE(m_console.app()->tableModel()->scope().path, groupPath);
}

void TestMainWindow::expansionSurvivesCreatesMovesAndPulls()
{
    QVERIFY(openConsole());
    Views::FleetTreeView *view = window()->treeView();
    const Domain::Hierarchy hierarchy = m_console.state().hierarchy();
    // Every customer and group expanded, and the pools.
    view->expandAll();
    QStringList expanded;
    for (const Domain::Node &n : hierarchy.nodes())
        expanded.append(n.path);
    const QList<Tree::ItemKind> pools {Tree::ItemKind::Unassigned, Tree::ItemKind::Returns};
    const auto collapsed = [&] {
        QStringList out;
        for (const QString &path : std::as_const(expanded)) {
            const QModelIndex index = tree()->indexForNode(path);
            if (index.isValid() && tree()->rowCount(index) > 0 && !view->isExpanded(index))
                out.append(path);
        }
        for (const Tree::ItemKind pool : pools) {
            const QModelIndex index = tree()->indexForPool(pool);
            if (tree()->rowCount(index) > 0 && !view->isExpanded(index))
                out.append(index.data(Tree::TitleRole).toString());
        }
        return out;
    };
    QCOMPARE(collapsed(), QStringList());

    // A new customer, a new group, devices moved out of a customer and into the group, the
    // group moved to another customer with its devices.
    window()->newCustomer();
    QTRY_VERIFY(activeModal<Views::NodeDialog>() != nullptr);
    auto *customer = activeModal<Views::NodeDialog>();
    customer->titleField()->setText(QStringLiteral("Harbor Tools"));
    customer->slugField()->setText(QStringLiteral("harbor-tools"));
    QVERIFY2(customer->validationError().isEmpty(), qPrintable(customer->validationError()));
    customer->accept();
    QTRY_VERIFY(tree()->indexForNode(QStringLiteral("harbor-tools")).isValid());
    QCOMPARE(collapsed(), QStringList());

    window()->selectNode(QStringLiteral("fjord"));
    window()->newGroup();
    QTRY_VERIFY(activeModal<Views::NodeDialog>() != nullptr);
    auto *dialog = activeModal<Views::NodeDialog>();
    dialog->titleField()->setText(QStringLiteral("Night shift"));
    dialog->slugField()->setText(QStringLiteral("night-shift"));
    QVERIFY2(dialog->validationError().isEmpty(), qPrintable(dialog->validationError()));
    dialog->accept();
    QTRY_VERIFY(tree()->indexForNode(QStringLiteral("fjord--night-shift")).isValid());
    QCOMPARE(collapsed(), QStringList());

    const QStringList moving = devicesAt(QStringLiteral("fjord")).mid(0, 3);
    QCOMPARE(moving.size(), 3);
    window()->requestMoveDevices(moving, Domain::MoveTarget::unassigned());
    if (auto *confirm = activeModal<Views::MoveConfirmDialog>())
        confirm->accept();
    QTRY_COMPARE(tree()->indexForDevice(moving[0]).parent(),
        tree()->indexForPool(Tree::ItemKind::Unassigned));
    QCOMPARE(collapsed(), QStringList());
    window()->requestMoveDevices(
        moving, Domain::MoveTarget::node(QStringLiteral("fjord--night-shift")));
    if (auto *confirm = activeModal<Views::MoveConfirmDialog>())
        confirm->accept();
    QTRY_COMPARE(tree()->indexForDevice(moving[0]).parent(),
        tree()->indexForNode(QStringLiteral("fjord--night-shift")));
    expanded.append(QStringLiteral("fjord--night-shift"));
    view->expand(tree()->indexForNode(QStringLiteral("fjord--night-shift")));
    QCOMPARE(collapsed(), QStringList());

    window()->requestMoveNode(QStringLiteral("fjord--night-shift"), QStringLiteral("borealis"));
    QTRY_VERIFY(activeModal<Views::MoveConfirmDialog>() != nullptr);
    activeModal<Views::MoveConfirmDialog>()->accept();
    QTRY_VERIFY(tree()->indexForNode(QStringLiteral("borealis--night-shift")).isValid());
    expanded.replace(expanded.indexOf(QStringLiteral("fjord--night-shift")),
        QStringLiteral("borealis--night-shift"));
    QCOMPARE(collapsed(), QStringList());

    // Sent, confirmed, and the fleet pulled again: still as the user left it.
    QTRY_COMPARE_WITH_TIMEOUT(m_console.engine()->pendingCount(), 0, CloudTimeoutMs);
    QSignalSpy pulled(m_console.engine(), &Sync::SyncEngine::pullFinished);
    QAction *sync = window()->findChild<QAction *>(QStringLiteral("actionSyncNow"));
    QVERIFY(sync);
    QTRY_VERIFY(sync->isEnabled());
    sync->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(pulled.count() >= 1, CloudTimeoutMs);
    QCOMPARE(collapsed(), QStringList());

    // Undo everything: the group and the customer go, the devices return.
    QAction *undo = window()->findChild<QAction *>(QStringLiteral("actionUndo"));
    for (int i = 0; i < 5; ++i) {
        QVERIFY(undo->isEnabled());
        undo->trigger();
        if (i == 0)
            expanded.replace(expanded.indexOf(QStringLiteral("borealis--night-shift")),
                QStringLiteral("fjord--night-shift"));
        QCOMPARE(collapsed(), QStringList());
    }
    QVERIFY(!undo->isEnabled());
    QTRY_VERIFY(!tree()->indexForNode(QStringLiteral("fjord--night-shift")).isValid());
    QVERIFY(!tree()->indexForNode(QStringLiteral("harbor-tools")).isValid());
    expanded.removeAll(QStringLiteral("fjord--night-shift"));
    QCOMPARE(
        tree()->indexForDevice(moving[0]).parent(), tree()->indexForNode(QStringLiteral("fjord")));
    QCOMPARE(collapsed(), QStringList());
}

void TestMainWindow::aRestingDragOpensRowsAndNeverClosesThem()
{
    QVERIFY(openConsole());
    Views::FleetTreeView *view = window()->treeView();
    view->collapseAll();
    const QModelIndex fjord = tree()->indexForNode(QStringLiteral("fjord"));
    view->expand(fjord);
    const QStringList atFjord = devicesAt(QStringLiteral("fjord"));
    QVERIFY(!atFjord.isEmpty());
    // A closed pool with devices, below Fjord.
    QModelIndex pool;
    for (const Tree::ItemKind kind : {Tree::ItemKind::Unassigned, Tree::ItemKind::Returns}) {
        const QModelIndex p = tree()->indexForPool(kind);
        if (!pool.isValid() && tree()->rowCount(p) > 0)
            pool = p;
    }
    QVERIFY(pool.isValid());
    QVERIFY(!view->isExpanded(pool));
    const QString device = atFjord.first();
    showRow(tree()->indexForDevice(device));
    view->selectionModel()->select(tree()->indexForDevice(device),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    for (const QModelIndex &row : {tree()->indexForDevice(device), fjord, pool})
        QVERIFY(view->viewport()->rect().contains(view->visualRect(row).center()));

    // The drag rests on open Fjord, then on the closed pool, and ends on the dragged device
    // (refused: nothing moves).
    QSignalSpy rested(view, &Views::FleetTreeView::dragRested);
    QWidget *viewport = view->viewport();
    const QPoint from = view->visualRect(tree()->indexForDevice(device)).center();
    const int distance = QApplication::startDragDistance();
    bool fjordStayedOpen = false;
    bool poolOpened = false;
    bool done = false;
    QTimer::singleShot(50, viewport, [&] {
        QTest::mouseMove(viewport, from + QPoint(distance + 4, distance + 4));
        QTest::mouseMove(viewport, view->visualRect(fjord).center());
        if (QTest::qWaitFor([&] { return rested.count() >= 1; }, 10000))
            fjordStayedOpen
                = rested.last().at(0).toModelIndex() == fjord && view->isExpanded(fjord);
        QTest::mouseMove(viewport, view->visualRect(pool).center());
        if (QTest::qWaitFor([&] { return rested.count() >= 2; }, 10000))
            poolOpened = rested.last().at(0).toModelIndex() == pool && view->isExpanded(pool);
        const QPoint end = view->visualRect(tree()->indexForDevice(device)).center();
        QTest::mouseMove(viewport, end);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, end);
        done = true;
    });
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, from + QPoint(0, distance + 2));
    QTest::mouseMove(viewport, from + QPoint(distance + 2, distance + 2));
    QVERIFY(QTest::qWaitFor([&] { return done; }, 30000));
    QVERIFY(fjordStayedOpen);
    QVERIFY(poolOpened);
    QVERIFY(view->isExpanded(fjord));
    QCOMPARE(m_console.app()->undoStack()->count(), 0);
}

// --- copying and the context menus ----------------------------------------------------------

void TestMainWindow::copyRowsAsASpreadsheet()
{
    QVERIFY(openConsole());
    const QString node = QStringLiteral("cobalt--field-b");
    window()->selectNode(node);
    QTableView *table = window()->deviceView();
    Tree::DeviceTableModel *rows = m_console.app()->tableModel();
    QTRY_VERIFY(rows->rowCount() >= 3);
    table->setFocus();
    QVERIFY(QTest::qWaitForWindowActive(window()));
    QTRY_COMPARE(QApplication::focusWidget(), table);
    table->selectionModel()->clearSelection();
    QStringList ids;
    for (const int r : {0, 2, 1}) { // selection order does not matter: the table's order does
        table->selectionModel()->select(
            rows->index(r, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    for (int r = 0; r < 3; ++r)
        ids.append(rows->index(r, 0).data(Tree::DeviceIdRole).toString());
    QGuiApplication::clipboard()->clear();

    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);

    const QString text = QGuiApplication::clipboard()->text();
    QStringList lines = text.split(QLatin1Char('\n'));
    QCOMPARE(lines.takeLast(), QString()); // ends with a line break
    QCOMPARE(lines.size(), 4);
    const QStringList header = lines.at(0).split(QLatin1Char('\t'));
    // The columns shown, in their order, then the device ID (its column is hidden).
    QCOMPARE(header.value(0), QStringLiteral("Name"));
    QVERIFY2(header.contains(QStringLiteral("Customer › node")), qPrintable(lines.at(0)));
    QCOMPARE(header.constLast(), QStringLiteral("Device ID"));
    const qsizetype location = header.indexOf(QStringLiteral("Customer › node"));
    const QString where
        = Edit::targetLabel(m_console.state().hierarchy(), Domain::MoveTarget::node(node));
    QVERIFY(where.contains(QStringLiteral(" › ")));
    for (int r = 0; r < 3; ++r) {
        const QStringList cells = lines.at(r + 1).split(QLatin1Char('\t'));
        QCOMPARE(cells.size(), header.size());
        QCOMPARE(cells.constLast(), ids.at(r));
        QCOMPARE(cells.at(0), m_console.state().devices.value(ids.at(r)).name);
        // People see titles, not Particle group names.
        QCOMPARE(cells.at(location), where);
        QVERIFY2(!lines.at(r + 1).contains(node), qPrintable(lines.at(r + 1)));
    }
}

void TestMainWindow::contextMenusFlashCopyIdsAndEditNotes()
{
    QVERIFY(openConsole());
    const auto action = [this](const char *name) {
        return window()->findChild<QAction *>(QString::fromLatin1(name));
    };
    QAction *flash = action("actionFlash");
    QAction *copyIds = action("actionCopyDeviceIds");
    QAction *notes = action("actionEditNotes");
    QVERIFY(flash && copyIds && notes);
    QTableView *table = window()->deviceView();
    Views::FleetTreeView *view = window()->treeView();
    for (QWidget *menuOf : {static_cast<QWidget *>(table), static_cast<QWidget *>(view)}) {
        QCOMPARE(menuOf->contextMenuPolicy(), Qt::ActionsContextMenu);
        const QList<QAction *> actions = menuOf->actions();
        QVERIFY(actions.contains(flash));
        QVERIFY(actions.contains(copyIds));
        QVERIFY(actions.contains(notes));
    }
    QVERIFY(QTest::qWaitForWindowActive(window()));

    // In the tree, on a group: Copy device IDs copies every device under it...
    const QString node = QStringLiteral("cobalt--field-b");
    window()->selectNode(node);
    view->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), view);
    copyIds->trigger();
    QStringList copied
        = QGuiApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const int under = tree()->indexForNode(node).data(Tree::DeviceCountRole).toInt();
    QCOMPARE(copied.size(), under);
    copied.sort();
    QStringList expected;
    const Domain::Hierarchy hierarchy = m_console.state().hierarchy();
    for (const Domain::Device &d : m_console.state().devices) {
        const Domain::Placement p = Domain::placeDevice(d.groups, hierarchy);
        if (p.kind == Domain::PlacementKind::Node && Domain::isAncestorOrSelf(node, p.path))
            expected.append(d.id);
    }
    expected.sort();
    QCOMPARE(copied, expected);
    // ... and Flash… opens on it.
    QVERIFY(flash->isEnabled());
    flash->trigger();
    QTRY_VERIFY(QApplication::activeModalWidget() != nullptr);
    QCOMPARE(QApplication::activeModalWidget()->objectName(), QStringLiteral("flashDialog"));
    QApplication::activeModalWidget()->close();
    QTRY_COMPARE(QApplication::activeModalWidget(), nullptr);
    window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window()));

    // In the table, on two devices: their IDs, and their notes in one edit.
    Tree::DeviceTableModel *rows = m_console.app()->tableModel();
    QTRY_VERIFY(rows->rowCount() >= 2);
    table->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), table);
    table->selectionModel()->clearSelection();
    QStringList ids;
    for (int r = 0; r < 2; ++r) {
        table->selectionModel()->select(
            rows->index(r, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        ids.append(rows->index(r, 0).data(Tree::DeviceIdRole).toString());
    }
    copyIds->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), ids.join(QLatin1Char('\n')) + QLatin1Char('\n'));

    QHash<QString, QString> before;
    for (const QString &id : std::as_const(ids))
        before.insert(id, m_console.cloudDevice(id).value(QStringLiteral("notes")).toString());
    notes->trigger();
    QTRY_VERIFY(activeModal<Views::NotesDialog>() != nullptr);
    auto *dialog = activeModal<Views::NotesDialog>();
    dialog->editor()->setPlainText(QStringLiteral("Antenna checked on site"));
    dialog->saveButton()->click();
    QTRY_COMPARE(QApplication::activeModalWidget(), nullptr);
    for (const QString &id : std::as_const(ids)) {
        QCOMPARE(
            m_console.state().devices.value(id).notes, QStringLiteral("Antenna checked on site"));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_console.cloudDevice(id).value(QStringLiteral("notes")).toString(),
            QStringLiteral("Antenna checked on site"), CloudTimeoutMs);
    }
    QCOMPARE(m_console.app()->undoStack()->undoText(), QStringLiteral("Edit notes of 2 devices"));

    // Undo gives each its own notes back, in the cloud too.
    window()->findChild<QAction *>(QStringLiteral("actionUndo"))->trigger();
    for (const QString &id : std::as_const(ids)) {
        QTRY_COMPARE_WITH_TIMEOUT(
            m_console.cloudDevice(id).value(QStringLiteral("notes")).toString(), before.value(id),
            CloudTimeoutMs);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_console.engine()->pendingCount(), 0, CloudTimeoutMs);
}

// --- layout -------------------------------------------------------------------------------

void TestMainWindow::layoutIsRemembered()
{
    QVERIFY(openConsole());
    window()->deviceView()->horizontalHeader()->resizeSection(0, 233);
    window()->selectNode(QStringLiteral("fjord"));
    m_console.close();
    QVERIFY(openConsole());
    QCOMPARE(window()->deviceView()->horizontalHeader()->sectionSize(0), 233);
    QTRY_COMPARE(window()->treeView()->currentIndex().siblingAtColumn(0),
        tree()->indexForNode(QStringLiteral("fjord")));
    // The token is never part of the settings.
    QDirIterator files(m_console.settingsPath(), QDir::Files, QDirIterator::Subdirectories);
    int count = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(m_console.sandbox().token().toUtf8()));
        ++count;
    }
    QVERIFY(count > 0);
}

// --- sign-in ------------------------------------------------------------------------------

void TestMainWindow::signInDialogChecksAndStoresTheToken()
{
    QNetworkAccessManager nam;
    Remote::MemoryTokenStore store;
    Session::SignIn signIn(
        &nam, m_console.sandbox().url(), &store, QStringLiteral("access-token/test"), 1);
    Views::SignInDialog dialog(&signIn, QStringLiteral("the sandbox"));
    dialog.show();

    // A wrong token is refused, and nothing is stored.
    QTest::keyClicks(
        dialog.tokenField(), QStringLiteral("0123456789abcdef0123456789abcdef01234567"));
    dialog.submit();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().contains(QStringLiteral("refused")), 10000);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(store.size(), 0);

    // The right one is accepted and kept in the token store.
    dialog.tokenField()->setText(m_console.sandbox().token());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.submit();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 10000);
    QCOMPARE(dialog.token(), m_console.sandbox().token());
    QVERIFY(dialog.storeError().isEmpty());
    std::optional<QString> stored;
    bool read = false;
    store.read(
        QStringLiteral("access-token/test"), &dialog, [&](std::optional<QString> v, QString) {
            stored = v;
            read = true;
        });
    QTRY_VERIFY(read);
    QCOMPARE(stored.value_or(QString()), m_console.sandbox().token());

    // A store that fails still lets the session sign in, and says so.
    Session::SignIn secondSignIn(
        &nam, m_console.sandbox().url(), &store, QStringLiteral("access-token/test2"), 1);
    Views::SignInDialog second(&secondSignIn, QStringLiteral("the sandbox"));
    store.setFailure(QStringLiteral("no keychain"));
    second.tokenField()->setText(m_console.sandbox().token());
    QSignalSpy secondAccepted(&second, &QDialog::accepted);
    second.submit();
    QTRY_COMPARE_WITH_TIMEOUT(secondAccepted.count(), 1, 10000);
    QCOMPARE(second.storeError(), QStringLiteral("no keychain"));
}

void TestMainWindow::signInFromTheWindowForARealCloud()
{
    // The --api path: no token yet, so the window asks for one.
    Remote::MemoryTokenStore store;
    App::Connection c = m_console.sandboxConnection();
    c.token.clear();
    c.sandbox = false;
    QVERIFY(m_console.open(c, &store));
    QTRY_VERIFY(activeModal<Views::SignInDialog>() != nullptr);
    Views::SignInDialog *dialog = activeModal<Views::SignInDialog>();
    dialog->tokenField()->setText(m_console.sandbox().token());
    dialog->submit();
    QTRY_VERIFY_WITH_TIMEOUT(tree()->deviceCount() > 0, CloudTimeoutMs);
    QCOMPARE(store.size(), 1);
    QVERIFY(!m_console.engine()->isSignedOut());
    QTRY_COMPARE(QApplication::activeModalWidget(), nullptr);
    m_console.close(); // before the store goes
}

void TestMainWindow::signInWithTheProductOAuthClient()
{
    // The --api path again, this time with the product's OAuth client typed into sign-in.
    const App::Connection sandbox = m_console.sandboxConnection();
    const QString clientId = sandbox.oauthClientId;
    const QString clientSecret = sandbox.oauthClientSecret;
    QVERIFY(!clientId.isEmpty() && !clientSecret.isEmpty());
    Remote::MemoryTokenStore store;
    App::Connection c = sandbox;
    c.token.clear();
    c.oauthClientId.clear();
    c.oauthClientSecret.clear();
    c.sandbox = false;
    QVERIFY(m_console.open(c, &store));
    QTRY_VERIFY(activeModal<Views::SignInDialog>() != nullptr);
    Views::SignInDialog *dialog = activeModal<Views::SignInDialog>();
    QVERIFY(dialog->clientIdField()->isVisibleTo(dialog));
    dialog->tokenField()->setText(m_console.sandbox().token());
    dialog->clientIdField()->setText(clientId);
    dialog->clientSecretField()->setText(clientSecret);
    dialog->submit();
    QTRY_VERIFY_WITH_TIMEOUT(tree()->deviceCount() > 0, CloudTimeoutMs);
    QTRY_COMPARE(QApplication::activeModalWidget(), nullptr);
    QVERIFY(window()->hasProductClient());

    // The secret is in the token store, under the product's key.
    QCOMPARE(store.size(), 2);
    const QString key = App::AppContext::productClientKey(c.apiUrl, c.productId);
    std::optional<QString> stored;
    bool read = false;
    store.read(key, window(), [&](std::optional<QString> v, QString) {
        stored = v;
        read = true;
    });
    QTRY_VERIFY(read);
    const Remote::OAuthClient client = Remote::OAuthClient::fromStored(stored.value_or(QString()));
    QCOMPARE(client.id, clientId);
    QCOMPARE(client.secret, clientSecret);

    // The new-customer dialog offers linking and creating the customer account.
    window()->newCustomer();
    QTRY_VERIFY(activeModal<Views::NodeDialog>() != nullptr);
    auto *customer = activeModal<Views::NodeDialog>();
    QVERIFY(customer->linkField()->isEnabled());
    customer->linkField()->setChecked(true);
    customer->accountField()->setText(QStringLiteral("new-customer@example.com"));
    auto *create = customer->findChild<QCheckBox *>(QStringLiteral("createAccountField"));
    QVERIFY(create);
    QVERIFY(create->isEnabled());
    QVERIFY(create->isChecked());
    customer->reject();
    QTRY_COMPARE(QApplication::activeModalWidget(), nullptr);

    // File › Product OAuth client… clears it: creating accounts is no longer offered.
    auto *action = window()->findChild<QAction *>(QStringLiteral("actionProductClient"));
    QVERIFY(action && action->isVisible());
    action->trigger();
    QTRY_VERIFY(activeModal<Views::ProductClientDialog>() != nullptr);
    auto *clientDialog = activeModal<Views::ProductClientDialog>();
    QCOMPARE(clientDialog->clientIdField()->text(), clientId);
    QVERIFY(clientDialog->clearButton()->isEnabled());
    clientDialog->clearButton()->click();
    QTRY_COMPARE(store.size(), 1);
    QVERIFY(!window()->hasProductClient());
    window()->newCustomer();
    QTRY_VERIFY(activeModal<Views::NodeDialog>() != nullptr);
    customer = activeModal<Views::NodeDialog>();
    customer->linkField()->setChecked(true);
    customer->accountField()->setText(QStringLiteral("new-customer@example.com"));
    QVERIFY(!customer->findChild<QCheckBox *>(QStringLiteral("createAccountField"))->isEnabled());
    customer->reject();
    QTRY_COMPARE(QApplication::activeModalWidget(), nullptr);

    // ... and sets it again.
    action->trigger();
    QTRY_VERIFY(activeModal<Views::ProductClientDialog>() != nullptr);
    clientDialog = activeModal<Views::ProductClientDialog>();
    QVERIFY(!clientDialog->saveButton()->isEnabled());
    clientDialog->clientIdField()->setText(clientId);
    clientDialog->clientSecretField()->setText(clientSecret);
    QVERIFY(clientDialog->saveButton()->isEnabled());
    clientDialog->saveButton()->click();
    QTRY_COMPARE(store.size(), 2);
    QVERIFY(window()->hasProductClient());
    m_console.close(); // before the store goes; writes the settings

    // Neither the token nor the client secret is ever part of the settings.
    QDirIterator files(m_console.settingsPath(), QDir::Files, QDirIterator::Subdirectories);
    int count = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(!content.contains(clientSecret.toUtf8()));
        QVERIFY(!content.contains(m_console.sandbox().token().toUtf8()));
        ++count;
    }
    QVERIFY(count > 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
