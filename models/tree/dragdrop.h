// SPDX-License-Identifier: MIT
#pragma once

#include "domain/hierarchy.h"
#include "domain/moves.h"
#include "tree/roles.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Flotilla::Tree {

// Drag and drop in the fleet tree: what is dragged, where it is dropped, whether that is
// allowed and the private MIME payload that carries it. Pure functions, no model needed.

// One dragged row, by id: a node's path, a device's id, empty for a pool.
struct DragItem
{
    ItemKind kind = ItemKind::Device;
    QString id;
    bool operator==(const DragItem &) const = default;
};

// The row a drop lands on (the parent of a drop between rows), by id as in DragItem.
struct DropTarget
{
    ItemKind kind = ItemKind::Unassigned;
    QString id;
    bool operator==(const DropTarget &) const = default;
};

enum class DropOperation {
    None, // refused
    MoveDevices, // devices onto a node or a pool: SyncEngine::moveDevices
    MoveSubtree, // a group node with its subtree under another node: Domain::planSubtreeMove
};

struct DropVerdict
{
    bool allowed = false;
    QString reason; // for the user (translated); empty when allowed
    DropOperation operation = DropOperation::None;
    Domain::MoveTarget moveTarget; // MoveDevices: where the devices go
    QString newParentPath; // MoveSubtree: the node the group goes under
};

// What the model asks the window to do after a drop it accepted. Nothing has changed yet: the
// window confirms (computeMoveImpact) and applies through the sync engine, whose fleetChanged
// comes back into FleetTreeModel::applyDelta.
struct DropRequest
{
    QList<DragItem> items;
    DropTarget target;
    DropOperation operation = DropOperation::None;
    Domain::MoveTarget moveTarget; // MoveDevices
    QString newParentPath; // MoveSubtree
    QStringList deviceIds() const; // the ids of the Device items, in order
    bool operator==(const DropRequest &) const = default;
};

// The rules, for the hierarchy as it is now:
// * devices (one or many) onto a customer, a group node, Unassigned or Returns: MoveDevices;
// * one group node onto a customer or another group node: MoveSubtree, unless
//   Domain::planSubtreeMove refuses (its own subtree, itself, its current parent, too deep, a
//   name over 64 characters, a name that exists);
// * refused: a customer or a pool dragged anywhere, anything onto a device or onto Needs
//   repair, a group onto a pool, devices and groups together, several groups at once.
DropVerdict checkDrop(
    const QList<DragItem> &items, const DropTarget &target, const Domain::Hierarchy &h);

// The private MIME type of the tree's drags.
inline constexpr QLatin1String ItemsMimeType("application/x-flotilla-items");

// The payload: a QDataStream (Qt_6_4) of a magic number, a format version, the product id and
// the (kind, id) pairs. Items are written once each, in order.
QByteArray encodeDragItems(const QList<DragItem> &items, int productId);

struct DecodedDrag
{
    int productId = 0;
    QList<DragItem> items;
};
// Nothing when the bytes are not such a payload (wrong magic, newer format, truncated, unknown
// kind, trailing bytes).
std::optional<DecodedDrag> decodeDragItems(const QByteArray &bytes);

} // namespace Flotilla::Tree

Q_DECLARE_METATYPE(Flotilla::Tree::DropRequest)
