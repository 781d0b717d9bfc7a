// SPDX-License-Identifier: MIT
#pragma once

#include <Qt>

namespace Flotilla::Tree {

// What a row of the fleet tree is (qt-style §2.9: a kind tag on every item). The values are
// part of the drag-and-drop format (mimecodec.h): never renumber them.
enum class ItemKind : int {
    Customer = 1, // a top-level node (group "acme")
    Group = 2, // a nested node (group "acme--berlin")
    Unassigned = 3, // the pool of devices in no node (stock)
    Returns = 4, // the pool of devices in "flotilla-returns"
    NeedsRepair = 5, // the pool of devices whose groups contradict the tree
    Device = 6, // a leaf
};

// Custom data roles of FleetTreeModel, shared by models, delegates and tests. Aggregate roles
// count the row's whole subtree; on a device row they count the device itself (0 or 1).
enum ItemRole {
    KindRole = Qt::UserRole + 1, // int: ItemKind
    NodePathRole, // QString: the node's path (group name); customers and groups
    DeviceIdRole, // QString: devices
    TitleRole, // QString: the node's title, the pool's name or the device's name (may be empty)
    DeviceCountRole, // int
    OnlineCountRole, // int
    FirmwareVersionsRole, // QVariantMap: running version ("4") -> device count; "0" = none
    OffTargetCountRole, // int: devices whose running version differs from the targeted one
    PendingCountRole, // int: devices with local changes not yet confirmed by the cloud
    PlacementProblemRole, // QString: why a device is in Needs repair (empty elsewhere)
    FirmwareVersionRole, // int: a device's running product firmware (0: none)
    TargetVersionRole, // int: the version the cloud targets; invalid QVariant when none
    OnlineRole, // bool: a device is online
    PendingRole, // bool: a device has local changes not yet confirmed by the cloud
    AccountRole, // QString: the customer account linked to a customer node
};

} // namespace Flotilla::Tree
