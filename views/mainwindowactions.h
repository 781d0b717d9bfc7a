// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

class QAction;
class QMenuBar;
class QToolBar;
class QUndoStack;
class QWidget;

namespace Flotilla::Views {

// The main window's actions with their texts, icons, shortcuts and tips, and where they
// appear: the menus, the toolbar and the context menus of the tree and the device table. What
// they do is connected by the window.
struct MainWindowActions
{
    // Made with `owner` as their parent. Without rollouts, Flash… and Rollouts are hidden.
    void create(QWidget *owner, bool rollouts);
    void fillMenus(QMenuBar *bar) const;
    void fillToolBar(QToolBar *bar) const;
    // The context menus act on the view they open in (it has the focus then).
    QList<QAction *> treeContextActions(QWidget *owner) const;
    QList<QAction *> tableContextActions(QWidget *owner) const;

    // "Undo Move 3 devices to …" in the menu and the tooltip; "Undo" on the toolbar.
    void updateUndoRedo(const QUndoStack &stack);
    // The tip of Quit: what closing does to the cloud of this session.
    void setThrowawayCloud(bool throwaway);
    // Whether Flash… can act on the selection, and its tip saying why not.
    void setFlashable(bool flashable);
    // "Problems (3)" when there are some.
    void setProblemCount(int count);

    QAction *sync = nullptr;
    QAction *offline = nullptr;
    QAction *signIn = nullptr;
    QAction *productClient = nullptr;
    QAction *importDevices = nullptr;
    QAction *exportDevices = nullptr;
    QAction *quit = nullptr;
    // File › Profiles (its submenu is filled by MainWindow::setProfiles) and View › Reset demo.
    QAction *profiles = nullptr;
    QAction *resetDemo = nullptr;
    QAction *undo = nullptr;
    QAction *redo = nullptr;
    QAction *moveTo = nullptr;
    QAction *newCustomer = nullptr;
    QAction *newGroup = nullptr;
    QAction *rename = nullptr;
    QAction *remove = nullptr;
    QAction *problems = nullptr;
    QAction *flash = nullptr;
    QAction *rollouts = nullptr;
    QAction *activity = nullptr;
    QAction *find = nullptr;
    QAction *settings = nullptr;
    QAction *copyRows = nullptr;
    QAction *copyIds = nullptr;
    QAction *notes = nullptr;
    QAction *expand = nullptr;
    QAction *collapse = nullptr;
    QAction *about = nullptr;
};

} // namespace Flotilla::Views
