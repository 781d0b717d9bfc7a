// SPDX-License-Identifier: MIT
#include "views/mainwindowactions.h"

#include "views/icons.h"
#include "views/mainwindow.h"

#include <QAction>
#include <QIcon>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QTextDocument>
#include <QToolBar>
#include <QUndoStack>
#include <QWidget>

namespace Flotilla::Views {

namespace {

QString withShortcut(const QString &tip, const QAction *action)
{
    return action->shortcut().isEmpty()
        ? tip
        : MainWindow::tr("%1 (%2)").arg(tip, action->shortcut().toString(QKeySequence::NativeText));
}

void setTip(QAction *action, const QString &tip)
{
    action->setStatusTip(tip);
    action->setToolTip(withShortcut(tip, action));
}

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

QAction *separator(QWidget *owner)
{
    auto *action = new QAction(owner);
    action->setSeparator(true);
    return action;
}

} // namespace

void MainWindowActions::create(QWidget *owner, bool withRollouts)
{
    const auto make = [owner](const QString &name, const QString &text, const QIcon &icon,
                          const QKeySequence &shortcut, const QString &tip) {
        auto *action = new QAction(icon, text, owner);
        action->setObjectName(name);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        setTip(action, tip);
        return action;
    };

    sync = make(QStringLiteral("actionSyncNow"), MainWindow::tr("&Sync now"), Icons::sync(),
        QKeySequence::Refresh, MainWindow::tr("Fetch the fleet from the cloud now"));
    offline = make(QStringLiteral("actionWorkOffline"), MainWindow::tr("Work &offline"),
        Icons::workOffline(), {},
        MainWindow::tr("Keep changes local; send them when you go back online"));
    offline->setCheckable(true);
    signIn = make(QStringLiteral("actionSignIn"), MainWindow::tr("Sign &in…"), Icons::signIn(), {},
        MainWindow::tr("Sign in to the Particle cloud with an access token"));
    signIn->setVisible(false);
    productClient = make(QStringLiteral("actionProductClient"),
        MainWindow::tr("Product OAuth &client…"), QIcon(), {},
        MainWindow::tr(
            "Set or clear the product's OAuth client, needed to link customers to Particle "
            "customer accounts"));
    productClient->setVisible(false);
    importDevices = make(QStringLiteral("actionImport"), MainWindow::tr("&Import…"),
        Icons::importDevices(), QKeySequence(Qt::CTRL | Qt::Key_I),
        MainWindow::tr("Read a list of devices from a CSV file or an Excel workbook: import them "
                       "into the product, place, name and annotate them, with a preview first"));
    exportDevices = make(QStringLiteral("actionExport"), MainWindow::tr("E&xport…"),
        Icons::exportDevices(), QKeySequence(Qt::CTRL | Qt::Key_E),
        MainWindow::tr(
            "Write the devices of the selected node, the selection, the filter or the whole "
            "fleet to a CSV file or an Excel workbook"));
    profiles = make(QStringLiteral("actionProfiles"), MainWindow::tr("&Profiles"), QIcon(), {},
        MainWindow::tr("Switch to another profile or the demo, add one, or sign out"));
    profiles->setMenu(new QMenu(owner));
    profiles->menu()->setObjectName(QStringLiteral("profilesMenu"));
    profiles->setVisible(false);
    resetDemo = make(QStringLiteral("actionResetDemo"), MainWindow::tr("Reset &demo…"), QIcon(), {},
        MainWindow::tr("Discard everything done in the demo and start it afresh"));
    resetDemo->setVisible(false);
    quit = make(QStringLiteral("actionQuit"), MainWindow::tr("&Quit"), QIcon(), QKeySequence::Quit,
        MainWindow::tr("Close Flotilla; changes not yet sent are kept and sent next time"));
    quit->setMenuRole(QAction::QuitRole);

    // The toolbar shows "Undo" and "Redo" (icon texts); the edit they act on is in the menu's
    // text and in the tooltip (updateUndoRedo).
    undo = make(QStringLiteral("actionUndo"), MainWindow::tr("&Undo"), Icons::undo(),
        QKeySequence::Undo, MainWindow::tr("Undo the last edit"));
    undo->setIconText(MainWindow::tr("Undo"));
    redo = make(QStringLiteral("actionRedo"), MainWindow::tr("&Redo"), Icons::redo(),
        QKeySequence::Redo, MainWindow::tr("Redo the last edit"));
    redo->setIconText(MainWindow::tr("Redo"));

    moveTo = make(QStringLiteral("actionMoveTo"), MainWindow::tr("&Move to…"), Icons::moveTo(),
        QKeySequence(Qt::CTRL | Qt::Key_M),
        MainWindow::tr("Move the selected devices (or group) to a customer, group or pool"));
    newCustomer = make(QStringLiteral("actionNewCustomer"), MainWindow::tr("New &customer…"),
        Icons::newCustomer(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
        MainWindow::tr("Create a customer"));
    newGroup = make(QStringLiteral("actionNewGroup"), MainWindow::tr("New &group…"),
        Icons::newGroup(), QKeySequence::New,
        MainWindow::tr("Create a group under the selected customer or group"));
    rename = make(QStringLiteral("actionRename"), MainWindow::tr("&Rename…"), Icons::rename(),
        QKeySequence(Qt::Key_F2), MainWindow::tr("Rename the selected customer or group"));
    remove = make(QStringLiteral("actionDelete"), MainWindow::tr("&Delete…"), Icons::remove(),
        QKeySequence::Delete, MainWindow::tr("Delete the selected customer or group"));
    // Delete acts on the tree's selection: only while the tree has the focus.
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    problems = make(QStringLiteral("actionProblems"), MainWindow::tr("&Problems"),
        Icons::problems(), QKeySequence(Qt::CTRL | Qt::Key_P),
        MainWindow::tr("Devices and groups that contradict the tree, with a repair"));
    flash = make(QStringLiteral("actionFlash"), MainWindow::tr("&Flash…"), Icons::flash(),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
        MainWindow::tr("Flash firmware to the selected devices, groups or customers"));
    rollouts = make(QStringLiteral("actionRollouts"), MainWindow::tr("&Rollouts"),
        Icons::rollouts(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
        MainWindow::tr("Follow the firmware rollouts device by device"));
    activity = make(QStringLiteral("actionActivity"), MainWindow::tr("&Activity"),
        Icons::activity(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
        MainWindow::tr("The activity log: every change, who made it, from where, and its result"));
    if (!withRollouts) {
        flash->setVisible(false);
        rollouts->setVisible(false);
    }
    copyRows = make(QStringLiteral("actionCopyRows"), MainWindow::tr("&Copy rows"), Icons::copy(),
        QKeySequence::Copy,
        MainWindow::tr(
            "Copy the selected rows of the device table, tab-separated with a header line, to "
            "paste them into a spreadsheet"));
    // Ctrl+C copies rows while the table has the focus; elsewhere it keeps its usual meaning.
    copyRows->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    copyIds = make(QStringLiteral("actionCopyDeviceIds"), MainWindow::tr("Copy device &IDs"),
        QIcon(), {},
        MainWindow::tr(
            "Copy the IDs of the selected devices (or of every device of the selected customers, "
            "groups and pools), one per line"));
    notes = make(QStringLiteral("actionEditNotes"), MainWindow::tr("Edit &notes…"), Icons::notes(),
        {}, MainWindow::tr("Edit the notes of the selected devices"));
    find = make(QStringLiteral("actionFind"), MainWindow::tr("&Find devices"), Icons::find(),
        QKeySequence::Find, MainWindow::tr("Filter the device table"));
    expand = make(QStringLiteral("actionExpandAll"), MainWindow::tr("E&xpand all"),
        Icons::expandAll(), {}, MainWindow::tr("Expand every customer and group"));
    collapse = make(QStringLiteral("actionCollapseAll"), MainWindow::tr("&Collapse all"),
        Icons::collapseAll(), {}, MainWindow::tr("Collapse the tree"));
    // Preferences on macOS (its application menu), Edit › Settings… elsewhere.
    const QKeySequence preferences = QKeySequence(QKeySequence::Preferences).isEmpty()
        ? QKeySequence(Qt::CTRL | Qt::Key_Comma)
        : QKeySequence(QKeySequence::Preferences);
    settings
        = make(QStringLiteral("actionSettings"), MainWindow::tr("Se&ttings…"), QIcon(), preferences,
            MainWindow::tr("Language, rollout defaults, network proxy and the local cache"));
    settings->setMenuRole(QAction::PreferencesRole);
    about = make(QStringLiteral("actionAbout"), MainWindow::tr("&About Flotilla"),
        Icons::application(), {}, MainWindow::tr("About Flotilla"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindowActions::fillMenus(QMenuBar *bar) const
{
    QMenu *file = bar->addMenu(MainWindow::tr("&File"));
    file->addActions({sync, offline, signIn, productClient});
    file->addSeparator();
    file->addAction(profiles);
    file->addSeparator();
    file->addActions({importDevices, exportDevices});
    file->addSeparator();
    file->addAction(quit);

    QMenu *edit = bar->addMenu(MainWindow::tr("&Edit"));
    edit->addActions({undo, redo});
    edit->addSeparator();
    edit->addActions({copyRows, copyIds});
    edit->addSeparator();
    edit->addActions({moveTo, notes, rename, remove});
    edit->addSeparator();
    edit->addAction(find);
    edit->addSeparator();
    edit->addAction(settings);

    QMenu *fleet = bar->addMenu(MainWindow::tr("F&leet"));
    fleet->addActions({newCustomer, newGroup});
    fleet->addSeparator();
    fleet->addAction(flash);
    fleet->addSeparator();
    fleet->addAction(problems);

    QMenu *view = bar->addMenu(MainWindow::tr("&View"));
    view->addActions({expand, collapse});
    view->addSeparator();
    view->addActions({rollouts, activity});
    view->addSeparator();
    view->addAction(resetDemo);

    QMenu *help = bar->addMenu(MainWindow::tr("&Help"));
    help->addAction(about);
}

void MainWindowActions::fillToolBar(QToolBar *bar) const
{
    bar->addAction(sync);
    bar->addSeparator();
    bar->addActions({undo, redo});
    bar->addSeparator();
    bar->addActions({moveTo, newCustomer, newGroup, rename, remove});
    bar->addSeparator();
    bar->addActions({flash, rollouts});
    bar->addSeparator();
    bar->addAction(problems);
}

QList<QAction *> MainWindowActions::treeContextActions(QWidget *owner) const
{
    return {moveTo, flash, copyIds, notes, exportDevices, separator(owner), newGroup, rename,
        remove, separator(owner), expand};
}

QList<QAction *> MainWindowActions::tableContextActions(QWidget *owner) const
{
    return {moveTo, flash, separator(owner), copyRows, copyIds, notes, exportDevices};
}

void MainWindowActions::updateUndoRedo(const QUndoStack &stack)
{
    const QString undoText = stack.undoText();
    const QString redoText = stack.redoText();
    const QString undoKey = undo->shortcut().toString(QKeySequence::NativeText);
    const QString redoKey = redo->shortcut().toString(QKeySequence::NativeText);
    undo->setEnabled(stack.canUndo());
    undo->setText(undoText.isEmpty() ? MainWindow::tr("&Undo")
                                     : MainWindow::tr("&Undo %1").arg(actionText(undoText)));
    undo->setIconText(MainWindow::tr("Undo"));
    const QString undoTip = undoText.isEmpty() ? MainWindow::tr("Nothing to undo")
                                               : MainWindow::tr("Undo %1").arg(undoText);
    undo->setStatusTip(undoTip);
    undo->setToolTip(plainToolTip(MainWindow::tr("%1 (%2)").arg(undoTip, undoKey)));
    redo->setEnabled(stack.canRedo());
    redo->setText(redoText.isEmpty() ? MainWindow::tr("&Redo")
                                     : MainWindow::tr("&Redo %1").arg(actionText(redoText)));
    redo->setIconText(MainWindow::tr("Redo"));
    const QString redoTip = redoText.isEmpty() ? MainWindow::tr("Nothing to redo")
                                               : MainWindow::tr("Redo %1").arg(redoText);
    redo->setStatusTip(redoTip);
    redo->setToolTip(plainToolTip(MainWindow::tr("%1 (%2)").arg(redoTip, redoKey)));
}

void MainWindowActions::setThrowawayCloud(bool throwaway)
{
    setTip(quit,
        throwaway
            ? MainWindow::tr(
                "Close Flotilla; the sandbox cloud of this session stops, and what was "
                "done in it is discarded")
            : MainWindow::tr("Close Flotilla; changes not yet sent are kept and sent next time"));
}

void MainWindowActions::setFlashable(bool flashable)
{
    flash->setEnabled(flashable);
    setTip(flash,
        flashable
            ? MainWindow::tr("Flash firmware to the selected devices, groups or customers")
            : MainWindow::tr("Select devices, groups or customers in the tree to flash them"));
}

void MainWindowActions::setProblemCount(int count)
{
    problems->setText(
        count == 0 ? MainWindow::tr("&Problems") : MainWindow::tr("&Problems (%1)").arg(count));
    problems->setIconVisibleInMenu(count > 0);
}

} // namespace Flotilla::Views
