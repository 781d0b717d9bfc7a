// SPDX-License-Identifier: MIT
// flotilla-screenshots OUTPUT_DIR: the documentation's screenshots, taken from the real console
// (the app's AppContext) against a fresh sandbox: the main window with a customer expanded, a
// node selected and a device shown, the confirmation of a move, Move to…, a new customer, the
// Flash dialog, the Rollouts window following a staged rollout, the Flash dialog for the rest
// of the customer, and a shipment list of 300 factory units imported into a new customer's
// groups (the import preview, the tree after it, the Export dialog), then the Activity window;
// the customer is also exported to OUTPUT_DIR/../shipment-export.xlsx for a look in a
// spreadsheet. Run it on a display (or under xvfb-run); it is not a test.
#include "consolefixture.h"
#include "edit/moveimpact.h"
#include "rollout/rolloutengine.h"
#include "tree/activitymodel.h"
#include "tree/fleetexport.h"
#include "views/activitywindow.h"
#include "views/exportdialog.h"
#include "views/flashdialog.h"
#include "views/fleettreeview.h"
#include "views/importdialog.h"
#include "views/moveconfirmdialog.h"
#include "views/nodedialog.h"
#include "views/nodepickerdialog.h"
#include "views/rolloutmonitor.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QTableView>
#include <QTimer>

#include <cstdio>

using namespace Flotilla;
using namespace Flotilla::GuiTest;

namespace {

bool save(QWidget *widget, const QString &path)
{
    const bool ok = widget->grab().save(path);
    std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "could not write", qPrintable(path));
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: flotilla-screenshots OUTPUT_DIR\n");
        return 2;
    }
    const QDir out(args.at(1));
    ConsoleFixture console;
    if (!console.setUp(
            {QStringLiteral("--devices"), QStringLiteral("2000"), QStringLiteral("--time-scale"),
                QStringLiteral("60"), QStringLiteral("--stock"), QStringLiteral("320")}))
        return 1;
    App::Connection connection = console.sandboxConnection();
    connection.description = QStringLiteral("sandbox %1").arg(connection.apiUrl.authority());
    if (!console.open(connection))
        return 1;
    Views::MainWindow *window = console.window();
    window->resize(1600, 940);

    // Acme expanded, its Berlin depot selected, one device shown in the details.
    window->selectNode(QStringLiteral("acme--berlin"));
    window->treeView()->expand(console.tree()->indexForNode(QStringLiteral("acme")));
    window->treeView()->scrollToTop();
    QTableView *table = window->deviceView();
    if (!QTest::qWaitFor([&] { return table->model()->rowCount() > 2; }, 5000))
        return 1;
    const QModelIndex row = table->model()->index(2, 0);
    table->selectionModel()->setCurrentIndex(
        row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTest::qWait(300); // let the window paint once (a screenshot tool, not a test)
    if (!save(window, out.filePath(QStringLiteral("main-window.png"))))
        return 1;

    // The confirmation of a move: three Fjord Marine devices to Borealis Energy.
    const QStringList devices = console.devicesAt(QStringLiteral("fjord")).mid(0, 3);
    window->requestMoveDevices(devices, Domain::MoveTarget::node(QStringLiteral("borealis")));
    if (!QTest::qWaitFor([] { return activeModal<Views::MoveConfirmDialog>() != nullptr; }, 5000))
        return 1;
    Views::MoveConfirmDialog *confirm = activeModal<Views::MoveConfirmDialog>();
    QTest::qWait(300);
    bool ok = save(confirm, out.filePath(QStringLiteral("move-confirmation.png")));
    confirm->reject();
    QTest::qWait(100);

    // "Move to…", the keyboard path, with a search typed.
    table->setFocus();
    window->findChild<QAction *>(QStringLiteral("actionMoveTo"))->trigger();
    if (!QTest::qWaitFor([] { return activeModal<Views::NodePickerDialog>() != nullptr; }, 5000))
        return 1;
    Views::NodePickerDialog *picker = activeModal<Views::NodePickerDialog>();
    QTest::keyClicks(picker->searchField(), QStringLiteral("acme ham"));
    QTest::qWait(300);
    ok = save(picker, out.filePath(QStringLiteral("move-to.png"))) && ok;
    picker->reject();
    QTest::qWait(100);

    // A new customer, linked to a shadow customer account; its long title gets a short name
    // that leaves room for the groups under it, and the dialog says so.
    window->findChild<QAction *>(QStringLiteral("actionNewCustomer"))->trigger();
    if (!QTest::qWaitFor([] { return activeModal<Views::NodeDialog>() != nullptr; }, 5000))
        return 1;
    Views::NodeDialog *node = activeModal<Views::NodeDialog>();
    QTest::keyClicks(node->titleField(), QStringLiteral("Gamma Robotics International"));
    node->linkField()->setChecked(true);
    QTest::keyClicks(node->accountField(), QStringLiteral("ops@gamma.example"));
    QTest::qWait(300);
    ok = save(node, out.filePath(QStringLiteral("new-customer.png"))) && ok;
    node->reject();
    QTest::qWait(100);

    // Flash…: v6 to Acme's Berlin depot, staged with the default plan.
    window->selectNode(QStringLiteral("acme--berlin"));
    window->treeView()->setFocus();
    window->findChild<QAction *>(QStringLiteral("actionFlash"))->trigger();
    if (!QTest::qWaitFor([] { return activeModal<Views::FlashDialog>() != nullptr; }, 5000))
        return 1;
    Views::FlashDialog *flash = activeModal<Views::FlashDialog>();
    flash->selectVersion(6);
    QTest::qWait(300);
    ok = save(flash, out.filePath(QStringLiteral("flash.png"))) && ok;

    // The Rollouts window a few seconds into that rollout.
    flash->startButton()->click();
    if (!QTest::qWaitFor(
            [&] { return window->rolloutMonitor() && window->rolloutMonitor()->isVisible(); },
            CloudTimeoutMs))
        return 1;
    Views::RolloutMonitor *monitor = window->rolloutMonitor();
    monitor->resize(1360, 820);
    // Let it progress into its last wave (a screenshot tool, not a test): the test bench's
    // offline devices would hold the next wave, so it is started by hand as an operator would.
    Rollout::RolloutEngine *rollouts = console.app()->rolloutEngine();
    const qint64 shown = rollouts->rolloutIds().constLast();
    QTest::qWait(6000);
    rollouts->startNextWave(shown);
    QTest::qWait(6000);
    rollouts->startNextWave(shown);
    QTest::qWait(12000);
    ok = save(monitor, out.filePath(QStringLiteral("rollouts.png"))) && ok;

    // The rest of the customer while Berlin's rollout runs: devices it still updates are
    // skipped, and "Released to" names that rollout.
    window->selectNode(QStringLiteral("acme"));
    window->treeView()->setFocus();
    window->findChild<QAction *>(QStringLiteral("actionFlash"))->trigger();
    if (!QTest::qWaitFor([] { return activeModal<Views::FlashDialog>() != nullptr; }, 5000))
        return 1;
    flash = activeModal<Views::FlashDialog>();
    flash->selectVersion(6);
    QTest::qWait(300);
    ok = save(flash, out.filePath(QStringLiteral("flash-rest-of-customer.png"))) && ok;
    flash->reject();

    // A customer's shipment list as German Excel saves it (UTF-8 with BOM, ';'): 300 units of
    // the factory stock by serial number, for two groups of a customer that does not exist yet.
    const QJsonArray stock = Test::Http(console.sandbox().adminToken())
                                 .get(console.sandbox().url(QStringLiteral("/admin/stock")))
                                 .json()
                                 .value(QStringLiteral("stock"))
                                 .toArray();
    if (stock.size() < 300)
        return 1;
    QByteArray csv = "\xEF\xBB\xBFSeriennummer;Kunde;Gruppe;Bemerkung\r\n";
    for (int i = 0; i < 300; ++i)
        csv += stock.at(i).toObject().value(QStringLiteral("serial_number")).toString().toUtf8()
            + ";Nordwind Energie GmbH;" + (i < 200 ? "Hamburg" : "Hamburg / Prüfstand")
            + ";Lieferung 4711\r\n";
    const QString listPath = out.absoluteFilePath(QStringLiteral("../lieferung-4711.csv"));
    QFile list(listPath);
    if (!list.open(QIODevice::WriteOnly) || list.write(csv) != csv.size())
        return 1;
    list.close();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(listPath)});
    const QPoint centre = window->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &enter);
    QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &drop);
    Views::ImportDialog *import = nullptr;
    if (!QTest::qWaitFor(
            [&] { return (import = window->findChild<Views::ImportDialog *>()) != nullptr; }, 5000))
        return 1;
    import->resize(1100, 760);
    import->createMissingBox()->setChecked(true);
    QTest::qWait(300);
    ok = save(import, out.filePath(QStringLiteral("import-preview.png"))) && ok;
    import->importButton()->click();
    const QString customer = QStringLiteral("nordwind-energie");
    if (!QTest::qWaitFor(
            [&] {
                return console.devicesAt(customer + QStringLiteral("--hamburg")).size() == 200
                    && console.engine()->pendingCount() == 0;
            },
            CloudTimeoutMs))
        return 1;
    window->selectNode(customer + QStringLiteral("--hamburg"));
    window->treeView()->expand(console.tree()->indexForNode(customer));
    QTest::qWait(300);
    ok = save(window, out.filePath(QStringLiteral("imported.png"))) && ok;

    // The customer as a workbook: the Export dialog, and the file it writes.
    window->selectNode(customer);
    window->treeView()->setFocus();
    window->findChild<QAction *>(QStringLiteral("actionExport"))->trigger();
    Views::ExportDialog *exporter = nullptr;
    if (!QTest::qWaitFor(
            [&] { return (exporter = window->findChild<Views::ExportDialog *>()) != nullptr; },
            5000))
        return 1;
    exporter->setFormat(Tree::ExportFormat::Xlsx);
    exporter->setPath(out.absoluteFilePath(QStringLiteral("../shipment-export.xlsx")));
    QTest::qWait(300);
    ok = save(exporter, out.filePath(QStringLiteral("export.png"))) && ok;
    exporter->startExport();
    QTest::qWait(3000);

    // View › Activity after all this: the moves, the import, the rollout, what was sent.
    window->findChild<QAction *>(QStringLiteral("actionActivity"))->trigger();
    Views::ActivityWindow *activity = nullptr;
    if (!QTest::qWaitFor(
            [&] {
                activity = window->findChild<Views::ActivityWindow *>();
                return activity && activity->model()->rowCount() > 0;
            },
            5000))
        return 1;
    activity->resize(1500, 560);
    QTest::qWait(300);
    ok = save(activity, out.filePath(QStringLiteral("activity.png"))) && ok;
    console.close();
    return ok ? 0 : 1;
}
