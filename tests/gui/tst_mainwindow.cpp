// SPDX-License-Identifier: MIT
// The console end to end: the real MainWindow, wired by the app's own AppContext, against a
// sandbox cloud. A real drag of three devices from one customer to another with QTest mouse
// events (QDrag runs its own loop: the move and the release are driven from a timer while it
// runs), the confirmation, the sandbox's state afterwards, and undo back in the sandbox; the
// keyboard path ("Move to…" and its picker); a drop onto a device refused with the reason; the
// pending-changes indicator; sign-in with a memory token store.
//
// Drags need a platform with a drag loop: the offscreen platform's drag returns at once, so
// this test runs on the (equally headless) "minimal" platform, see CMakeLists.txt.
#include "consolefixture.h"
#include "remote/particleclient.h"
#include "remote/tokenstore.h"
#include "sandboxprocess.h"
#include "sync/syncengine.h"
#include "tree/devicetablemodel.h"
#include "tree/fleettreemodel.h"
#include "views/detailpane.h"
#include "views/fleettreeview.h"
#include "views/mainwindow.h"
#include "views/moveconfirmdialog.h"
#include "views/nodedialog.h"
#include "views/nodepickerdialog.h"
#include "views/productclientdialog.h"
#include "views/signindialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDirIterator>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
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
    Remote::ClientConfig config;
    config.baseUrl = m_console.sandbox().url();
    config.maxAttempts = 1;
    Remote::ParticleClient probe(&nam, config);
    Remote::MemoryTokenStore store;
    Views::SignInDialog dialog(
        &probe, &store, QStringLiteral("access-token/test"), QStringLiteral("the sandbox"));
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
    Views::SignInDialog second(
        &probe, &store, QStringLiteral("access-token/test2"), QStringLiteral("the sandbox"));
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
