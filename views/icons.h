// SPDX-License-Identifier: MIT
#pragma once

#include "tree/roles.h"

#include <QIcon>

// The console's icons, drawn for Flotilla (resources/icons/*.svg) instead of the style's
// standard pixmaps: the same on Windows, macOS and Linux. Their outlines and glyphs follow the
// palette (dark ink on a light palette, light ink on a dark one), checked each time they are
// painted, so they read on both and follow a change of the palette.
namespace Flotilla::Views::Icons {

// The application: window icon, About box.
QIcon application();

// The fleet tree's kinds of nodes.
QIcon customer();
QIcon group();
QIcon unassignedPool();
QIcon returnsPool();
QIcon needsRepairPool();
QIcon deviceOnline();
QIcon deviceOffline();
// The icon of a row of the fleet tree: its kind, and for a device whether it is online.
QIcon forItem(Tree::ItemKind kind, bool online);

// The actions of the menus and the toolbar.
QIcon sync();
QIcon workOffline();
QIcon signIn();
QIcon importDevices();
QIcon exportDevices();
QIcon undo();
QIcon redo();
QIcon moveTo();
QIcon newCustomer();
QIcon newGroup();
QIcon rename();
QIcon remove();
QIcon problems();
QIcon flash();
QIcon rollouts();
QIcon activity();
QIcon copy();
QIcon find();
QIcon notes();
QIcon expandAll();
QIcon collapseAll();

// The application's identity on the desktop: the window icon of every window and the desktop
// entry it belongs to (Wayland's app id; the taskbar's grouping). Called once, after the
// QApplication is made.
void installApplicationIdentity();

} // namespace Flotilla::Views::Icons
