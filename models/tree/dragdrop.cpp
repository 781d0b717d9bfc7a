// SPDX-License-Identifier: MIT
#include "tree/dragdrop.h"

#include "domain/nodepath.h"
#include "domain/text.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QIODevice>

namespace Flotilla::Tree {

namespace {

constexpr quint32 PayloadMagic = 0x464c5449; // "FLTI"
constexpr quint16 PayloadVersion = 1;
constexpr quint32 MaxItems = 10'000'000;

bool isKnownKind(qint32 kind)
{
    return kind >= static_cast<qint32>(ItemKind::Customer)
        && kind <= static_cast<qint32>(ItemKind::Device);
}

bool isPool(ItemKind kind)
{
    return kind == ItemKind::Unassigned || kind == ItemKind::Returns
        || kind == ItemKind::NeedsRepair;
}

DropVerdict refuse(const QString &reason)
{
    DropVerdict v;
    v.reason = reason;
    return v;
}

} // namespace

QStringList DropRequest::deviceIds() const
{
    QStringList ids;
    for (const DragItem &item : items) {
        if (item.kind == ItemKind::Device)
            ids.append(item.id);
    }
    return ids;
}

DropVerdict checkDrop(
    const QList<DragItem> &items, const DropTarget &target, const Domain::Hierarchy &h)
{
    if (items.isEmpty())
        return refuse(Text::tr("Nothing to move"));
    int devices = 0;
    int groups = 0;
    for (const DragItem &item : items) {
        if (item.kind == ItemKind::Customer)
            return refuse(Text::tr("Customers are top-level nodes and cannot be moved under "
                                   "anything; rename a customer instead"));
        if (isPool(item.kind))
            return refuse(Text::tr("The pools Unassigned, Returns and Needs repair cannot be "
                                   "moved; drag their devices instead"));
        if (item.kind == ItemKind::Device)
            ++devices;
        else
            ++groups;
    }
    if (devices > 0 && groups > 0)
        return refuse(Text::tr("Devices and groups cannot be moved together; drag the devices "
                               "and the groups separately"));
    if (groups > 1)
        return refuse(Text::tr("Only one group can be moved at a time"));
    if (target.kind == ItemKind::Device)
        return refuse(Text::tr("A device cannot hold devices or groups; drop onto a customer, "
                               "a group or a pool"));
    if (target.kind == ItemKind::NeedsRepair)
        return refuse(Text::tr("Devices are in Needs repair because their groups contradict "
                               "the tree, not by a move; drop them onto a node or a pool to "
                               "repair them"));

    const bool targetIsNode = target.kind == ItemKind::Customer || target.kind == ItemKind::Group;
    if (groups == 1) {
        const QString &path = items.constFirst().id;
        if (!targetIsNode)
            return refuse(Text::tr("A group cannot be moved into a pool; move its devices "
                                   "instead"));
        const Domain::SubtreeChange change = Domain::planSubtreeMove(h, path, target.id);
        if (!change.ok())
            return refuse(change.error);
        DropVerdict v;
        v.allowed = true;
        v.operation = DropOperation::MoveSubtree;
        v.newParentPath = target.id;
        return v;
    }

    DropVerdict v;
    switch (target.kind) {
    case ItemKind::Customer:
    case ItemKind::Group: {
        const Domain::Node *node = h.node(target.id);
        const Domain::NodeKind expected = target.kind == ItemKind::Customer
            ? Domain::NodeKind::Customer
            : Domain::NodeKind::Group;
        if (!node || node->kind != expected)
            return refuse(Text::tr("That customer or group is not in the tree any more"));
        v.moveTarget = Domain::MoveTarget::node(target.id);
        break;
    }
    case ItemKind::Unassigned:
        v.moveTarget = Domain::MoveTarget::unassigned();
        break;
    case ItemKind::Returns:
        v.moveTarget = Domain::MoveTarget::returns();
        break;
    case ItemKind::NeedsRepair:
    case ItemKind::Device:
        return refuse(Text::tr("Devices cannot be dropped here"));
    }
    v.allowed = true;
    v.operation = DropOperation::MoveDevices;
    return v;
}

QByteArray encodeDragItems(const QList<DragItem> &items, int productId)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << PayloadMagic << PayloadVersion << qint32(productId) << quint32(items.size());
    for (const DragItem &item : items)
        out << static_cast<qint32>(item.kind) << item.id;
    return bytes;
}

std::optional<DecodedDrag> decodeDragItems(const QByteArray &bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint16 version = 0;
    qint32 productId = 0;
    quint32 count = 0;
    in >> magic >> version >> productId >> count;
    if (in.status() != QDataStream::Ok || magic != PayloadMagic || version != PayloadVersion
        || count > MaxItems)
        return std::nullopt;
    DecodedDrag decoded;
    decoded.productId = productId;
    for (quint32 i = 0; i < count; ++i) {
        qint32 kind = 0;
        QString id;
        in >> kind >> id;
        if (in.status() != QDataStream::Ok || !isKnownKind(kind))
            return std::nullopt;
        decoded.items.append(DragItem {static_cast<ItemKind>(kind), id});
    }
    if (!in.atEnd())
        return std::nullopt;
    return decoded;
}

} // namespace Flotilla::Tree
