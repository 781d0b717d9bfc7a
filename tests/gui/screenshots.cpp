// SPDX-License-Identifier: MIT
// The documentation's screenshots, taken with the Fusion style from the real console (the app's
// AppContext) against a fresh sandbox. Run it on a display (or under xvfb-run); it is not a test.
//
// flotilla-screenshots OUTPUT_DIR (docs/screenshots, in English): the main window with a customer
// expanded, a node selected and a device shown, the confirmation of a move, Move to…, a new
// customer, the Flash dialog, the Rollouts window following a staged rollout, the Flash dialog
// for the rest of the customer, and a shipment list of 300 factory units imported into a new
// customer's groups (the import preview, the tree after it, the Export dialog), then the Activity
// window; the customer is also exported to OUTPUT_DIR/../shipment-export.xlsx for a look in a
// spreadsheet.
//
// flotilla-screenshots --guide LANGUAGE OUTPUT_DIR (docs/screenshots/guide/<language>, for
// docs/user-guide.md): the console speaking LANGUAGE (App::installTranslations, as `flotilla`
// does); the welcome page, the sign-in reaching the one-time code, the product's choice, the main
// window, the import preview, the confirmation of a return, the Flash dialog for a customer's
// test group, the Rollouts window and the Settings dialog.
#include "app/translations.h"
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
#include "views/settingsdialog.h"
#include "views/welcomewindow.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>

#include <cstdio>

using namespace Flotilla;
using namespace Flotilla::GuiTest;

namespace {

constexpr int DialogTimeoutMs = 5000;

// Takes the shots of one set into a folder, from the console of `console`.
class Shots final
{
public:
    Shots(ConsoleFixture &console, const QDir &out)
        : m_console(console)
        , m_out(out)
    { }

    Views::MainWindow *window() const { return m_console.window(); }

    // `widget` as it is painted once its last changes settled, into the folder.
    bool save(QWidget *widget, const QString &file) const
    {
        QTest::qWait(300); // let it paint once (a screenshot tool, not a test)
        const QString path = m_out.filePath(file);
        const bool ok = widget->grab().save(path);
        std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "could not write", qPrintable(path));
        return ok;
    }

    bool trigger(const char *action) const
    {
        auto *a = window()->findChild<QAction *>(QString::fromLatin1(action));
        if (!a)
            return false;
        a->trigger();
        return true;
    }

    template<typename T>
    static T *waitForModal()
    {
        if (!QTest::qWaitFor([] { return activeModal<T>() != nullptr; }, DialogTimeoutMs))
            return nullptr;
        return activeModal<T>();
    }

    // The window at `size` (its tree, table and details `panes` wide, as dragged there, when
    // given): Acme expanded, its Berlin depot selected, one device shown in the details.
    bool mainWindow(const QSize &size, const QString &file, const QList<int> &panes = {}) const
    {
        Views::MainWindow *w = window();
        w->resize(size);
        if (!panes.isEmpty())
            w->findChild<QSplitter *>(QStringLiteral("mainSplitter"))->setSizes(panes);
        w->selectNode(QStringLiteral("acme--berlin"));
        w->treeView()->expand(m_console.tree()->indexForNode(QStringLiteral("acme")));
        w->treeView()->scrollToTop();
        QTableView *table = w->deviceView();
        if (!QTest::qWaitFor([&] { return table->model()->rowCount() > 2; }, DialogTimeoutMs))
            return false;
        const QModelIndex row = table->model()->index(2, 0);
        table->selectionModel()->setCurrentIndex(
            row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        return save(w, file);
    }

    // The confirmation of moving `devices` to `target`, cancelled once taken.
    bool moveConfirmation(
        const QStringList &devices, const Domain::MoveTarget &target, const QString &file) const
    {
        window()->requestMoveDevices(devices, target);
        Views::MoveConfirmDialog *confirm = waitForModal<Views::MoveConfirmDialog>();
        if (!confirm)
            return false;
        const bool ok = save(confirm, file);
        confirm->reject();
        return ok && QTest::qWaitFor([] { return !activeModal<Views::MoveConfirmDialog>(); });
    }

    // Flash… on the node `path` with `version` chosen.
    Views::FlashDialog *openFlash(const QString &path, int version) const
    {
        window()->selectNode(path);
        window()->treeView()->setFocus();
        if (!trigger("actionFlash"))
            return nullptr;
        Views::FlashDialog *flash = waitForModal<Views::FlashDialog>();
        if (flash && !flash->selectVersion(version))
            return nullptr;
        return flash;
    }

    // Starts the rollout `flash` is set up for, then shows the Rollouts window at `size` once
    // the newest rollout has gone through its waves.
    bool rollouts(Views::FlashDialog *flash, const QSize &size, const QString &file) const
    {
        flash->startButton()->click();
        Views::MainWindow *w = window();
        if (!QTest::qWaitFor(
                [&] { return w->rolloutMonitor() && w->rolloutMonitor()->isVisible(); },
                CloudTimeoutMs))
            return false;
        Views::RolloutMonitor *monitor = w->rolloutMonitor();
        monitor->resize(size);
        // Let it progress into its last wave (a screenshot tool, not a test): the test bench's
        // offline devices would hold the next wave, so it is started by hand as an operator
        // would.
        Rollout::RolloutEngine *engine = m_console.app()->rolloutEngine();
        const qint64 shown = engine->rolloutIds().constLast();
        QTest::qWait(6000);
        engine->startNextWave(shown);
        QTest::qWait(6000);
        engine->startNextWave(shown);
        QTest::qWait(12000);
        return save(monitor, file);
    }

    // A customer's shipment list as German Excel saves it (UTF-8 with BOM, ';'): 300 units of
    // the factory stock by serial number, for two groups of a customer that does not exist yet,
    // written to `listPath` and dropped on the window; the import preview, creating the missing
    // customer and groups, is shown and taken.
    Views::ImportDialog *importPreview(const QString &listPath, const QString &file) const
    {
        const QJsonArray stock = Test::Http(m_console.sandbox().adminToken())
                                     .get(m_console.sandbox().url(QStringLiteral("/admin/stock")))
                                     .json()
                                     .value(QStringLiteral("stock"))
                                     .toArray();
        if (stock.size() < 300)
            return nullptr;
        QByteArray csv = "\xEF\xBB\xBFSeriennummer;Kunde;Gruppe;Bemerkung\r\n";
        for (int i = 0; i < 300; ++i)
            csv += stock.at(i).toObject().value(QStringLiteral("serial_number")).toString().toUtf8()
                + ";Nordwind Energie GmbH;" + (i < 200 ? "Hamburg" : "Hamburg / Prüfstand")
                + ";Lieferung 4711\r\n";
        QFile list(listPath);
        if (!list.open(QIODevice::WriteOnly) || list.write(csv) != csv.size())
            return nullptr;
        list.close();
        Views::MainWindow *w = window();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(listPath)});
        const QPoint centre = w->rect().center();
        QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(w, &enter);
        QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(w, &drop);
        Views::ImportDialog *import = nullptr;
        if (!QTest::qWaitFor(
                [&] { return (import = w->findChild<Views::ImportDialog *>()) != nullptr; },
                DialogTimeoutMs))
            return nullptr;
        import->resize(1100, 760);
        import->createMissingBox()->setChecked(true);
        return save(import, file) ? import : nullptr;
    }

private:
    ConsoleFixture &m_console;
    QDir m_out;
};

// docs/screenshots: the console reference's set (docs/console.md and the others).
bool takeReference(ConsoleFixture &console, const QDir &out)
{
    const Shots shots(console, out);
    Views::MainWindow *window = shots.window();
    if (!shots.mainWindow(QSize(1600, 940), QStringLiteral("main-window.png")))
        return false;

    // The confirmation of a move: three Fjord Marine devices to Borealis Energy.
    if (!shots.moveConfirmation(console.devicesAt(QStringLiteral("fjord")).mid(0, 3),
            Domain::MoveTarget::node(QStringLiteral("borealis")),
            QStringLiteral("move-confirmation.png")))
        return false;

    // "Move to…", the keyboard path, with a search typed.
    window->deviceView()->setFocus();
    shots.trigger("actionMoveTo");
    auto *picker = Shots::waitForModal<Views::NodePickerDialog>();
    if (!picker)
        return false;
    QTest::keyClicks(picker->searchField(), QStringLiteral("acme ham"));
    bool ok = shots.save(picker, QStringLiteral("move-to.png"));
    picker->reject();

    // A new customer, linked to a shadow customer account; its long title gets a short name
    // that leaves room for the groups under it, and the dialog says so.
    shots.trigger("actionNewCustomer");
    auto *node = Shots::waitForModal<Views::NodeDialog>();
    if (!node)
        return false;
    QTest::keyClicks(node->titleField(), QStringLiteral("Gamma Robotics International"));
    node->linkField()->setChecked(true);
    QTest::keyClicks(node->accountField(), QStringLiteral("ops@gamma.example"));
    ok = shots.save(node, QStringLiteral("new-customer.png")) && ok;
    node->reject();

    // Flash…: v6 to Acme's Berlin depot, staged with the default plan; the Rollouts window
    // following it.
    Views::FlashDialog *flash = shots.openFlash(QStringLiteral("acme--berlin"), 6);
    if (!flash)
        return false;
    ok = shots.save(flash, QStringLiteral("flash.png")) && ok;
    if (!shots.rollouts(flash, QSize(1360, 820), QStringLiteral("rollouts.png")))
        return false;

    // The rest of the customer while Berlin's rollout runs: devices it still updates are
    // skipped, and "Released to" names that rollout.
    flash = shots.openFlash(QStringLiteral("acme"), 6);
    if (!flash)
        return false;
    ok = shots.save(flash, QStringLiteral("flash-rest-of-customer.png")) && ok;
    flash->reject();

    // The shipment list imported, and the tree after it.
    Views::ImportDialog *import
        = shots.importPreview(out.absoluteFilePath(QStringLiteral("../lieferung-4711.csv")),
            QStringLiteral("import-preview.png"));
    if (!import)
        return false;
    import->importButton()->click();
    const QString customer = QStringLiteral("nordwind-energie");
    if (!QTest::qWaitFor(
            [&] {
                return console.devicesAt(customer + QStringLiteral("--hamburg")).size() == 200
                    && console.engine()->pendingCount() == 0;
            },
            CloudTimeoutMs))
        return false;
    window->selectNode(customer + QStringLiteral("--hamburg"));
    window->treeView()->expand(console.tree()->indexForNode(customer));
    ok = shots.save(window, QStringLiteral("imported.png")) && ok;

    // The customer as a workbook: the Export dialog, and the file it writes.
    window->selectNode(customer);
    window->treeView()->setFocus();
    shots.trigger("actionExport");
    Views::ExportDialog *exporter = nullptr;
    if (!QTest::qWaitFor(
            [&] { return (exporter = window->findChild<Views::ExportDialog *>()) != nullptr; },
            DialogTimeoutMs))
        return false;
    exporter->setFormat(Tree::ExportFormat::Xlsx);
    exporter->setPath(out.absoluteFilePath(QStringLiteral("../shipment-export.xlsx")));
    ok = shots.save(exporter, QStringLiteral("export.png")) && ok;
    exporter->startExport();
    QTest::qWait(3000);

    // View › Activity after all this: the moves, the import, the rollout, what was sent.
    shots.trigger("actionActivity");
    Views::ActivityWindow *activity = nullptr;
    if (!QTest::qWaitFor(
            [&] {
                activity = window->findChild<Views::ActivityWindow *>();
                return activity && activity->model()->rowCount() > 0;
            },
            DialogTimeoutMs))
        return false;
    activity->resize(1500, 560);
    return shots.save(activity, QStringLiteral("activity.png")) && ok;
}

// The welcome page, then signing in to the sandbox as its MFA user: the one-time code's page
// with the code typed, and the product's choice.
bool takeFirstRun(ConsoleFixture &console, const Shots &shots)
{
    Views::WelcomeWindow welcome;
    welcome.setDemoAvailable(true);
    welcome.show();
    if (!QTest::qWaitForWindowExposed(&welcome)
        || !shots.save(&welcome, QStringLiteral("welcome.png")))
        return false;

    // GET /admin/mfa: the MFA user's email, password and current one-time code.
    const auto mfa = [&console] {
        return Test::Http(console.sandbox().adminToken())
            .get(console.sandbox().url(QStringLiteral("/admin/mfa")))
            .json();
    };
    QTest::mouseClick(welcome.signInButton(), Qt::LeftButton);
    welcome.cloudField()->setText(console.sandbox().url().toString());
    welcome.passwordChoice()->setChecked(true);
    const QJsonObject user = mfa();
    QTest::keyClicks(welcome.usernameField(), user.value(QStringLiteral("username")).toString());
    QTest::keyClicks(welcome.passwordField(), user.value(QStringLiteral("password")).toString());
    QTest::keyClick(welcome.passwordField(), Qt::Key_Return);
    if (!QTest::qWaitFor(
            [&] { return welcome.page() == Views::WelcomeWindow::Page::Code; }, CloudTimeoutMs))
        return false;
    QTest::keyClicks(welcome.codeField(), mfa().value(QStringLiteral("otp")).toString());
    if (!shots.save(&welcome, QStringLiteral("sign-in-code.png")))
        return false;

    welcome.submitCode();
    if (!QTest::qWaitFor(
            [&] {
                return welcome.page() == Views::WelcomeWindow::Page::Product && !welcome.isBusy()
                    && welcome.productList()->topLevelItemCount() > 0;
            },
            CloudTimeoutMs))
        return false;
    const bool ok = shots.save(&welcome, QStringLiteral("pick-product.png"));
    welcome.close();
    return ok;
}

// docs/screenshots/guide/<language>: the user guide's set (docs/user-guide.md).
bool takeGuide(ConsoleFixture &console, const QDir &out)
{
    const Shots shots(console, out);
    if (!takeFirstRun(console, shots))
        return false;

    App::Connection connection = console.sandboxConnection();
    connection.description = QStringLiteral("sandbox %1").arg(connection.apiUrl.authority());
    if (!console.open(connection))
        return false;
    // The details wide enough for a device's ID and owner.
    if (!shots.mainWindow(QSize(1200, 800), QStringLiteral("main-window.png"), {390, 440, 370}))
        return false;

    // A shipment list's preview (cancelled: the guide shows only the preview).
    QTemporaryDir lists;
    Views::ImportDialog *import = shots.importPreview(
        lists.filePath(QStringLiteral("lieferung-4711.csv")), QStringLiteral("import-preview.png"));
    if (!import)
        return false;
    import->reject();

    // A unit of Acme (linked to a customer account) taken back: moved to Returns.
    if (!shots.moveConfirmation(console.devicesAt(QStringLiteral("acme--berlin")).mid(0, 1),
            Domain::MoveTarget::returns(), QStringLiteral("return-confirmation.png")))
        return false;

    // The customer's test group first: v6 released to it.
    Views::FlashDialog *flash = shots.openFlash(QStringLiteral("acme--berlin--test"), 6);
    if (!flash)
        return false;
    flash->setMethod(Domain::RolloutMethod::Release);
    if (!shots.save(flash, QStringLiteral("flash-test-group.png")))
        return false;
    flash->startButton()->click();
    if (!QTest::qWaitFor([] { return !activeModal<Views::FlashDialog>(); }, CloudTimeoutMs))
        return false;

    // Then the rest of the customer, staged; the Rollouts window following both.
    flash = shots.openFlash(QStringLiteral("acme"), 6);
    if (!flash)
        return false;
    flash->setMethod(Domain::RolloutMethod::Staged);
    if (!shots.rollouts(flash, QSize(1280, 780), QStringLiteral("rollouts.png")))
        return false;

    // Edit › Settings…, on the rollouts' defaults.
    shots.trigger("actionSettings");
    auto *settings = Shots::waitForModal<Views::SettingsDialog>();
    if (!settings)
        return false;
    settings->pages()->setCurrentIndex(1);
    const bool ok = shots.save(settings, QStringLiteral("settings.png"));
    settings->reject();
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setStyle(QStringLiteral("Fusion"));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    QString language = QStringLiteral("en");
    const bool guide = !args.isEmpty() && args.constFirst() == QLatin1String("--guide");
    if (guide && args.size() == 3) {
        language = args.at(1);
        args = args.mid(2);
    }
    if (args.size() != 1 || args.constFirst().startsWith(QLatin1Char('-'))
        || !App::availableLanguages().contains(language)) {
        std::fprintf(stderr,
            "usage: flotilla-screenshots OUTPUT_DIR\n"
            "       flotilla-screenshots --guide LANGUAGE OUTPUT_DIR   (LANGUAGE: %s)\n",
            qPrintable(App::availableLanguages().join(QLatin1Char(' '))));
        return 2;
    }
    const QDir out(args.constFirst());
    if (!out.exists() && !QDir().mkpath(out.absolutePath()))
        return 1;
    ConsoleFixture console;
    if (!console.setUp(
            {QStringLiteral("--devices"), QStringLiteral("2000"), QStringLiteral("--time-scale"),
                QStringLiteral("60"), QStringLiteral("--stock"), QStringLiteral("320")}))
        return 1;
    // After setUp (which makes the C locale the default): the language's texts and formats.
    App::installTranslations(language);

    bool ok = false;
    if (guide) {
        ok = takeGuide(console, out);
    } else {
        App::Connection connection = console.sandboxConnection();
        connection.description = QStringLiteral("sandbox %1").arg(connection.apiUrl.authority());
        ok = console.open(connection) && takeReference(console, out);
    }
    console.close();
    return ok ? 0 : 1;
}
