// SPDX-License-Identifier: MIT
#include "views/fleetitemdelegate.h"

#include "tree/fleettreemodel.h"
#include "views/icons.h"

namespace Flotilla::Views {

using Tree::ItemKind;

FleetItemDelegate::FleetItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

FleetItemDelegate::~FleetItemDelegate() = default;

void FleetItemDelegate::initStyleOption(
    QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const ItemKind kind = itemKind(index);
    const bool device = kind == ItemKind::Device;
    if (index.column() == 0) {
        option->icon = Icons::forItem(kind, index.data(Tree::OnlineRole).toBool());
        option->features |= QStyleOptionViewItem::HasDecoration;
    }
    if (device && !index.data(Tree::OnlineRole).toBool())
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
    if ((device && index.data(Tree::PendingRole).toBool())
        || (!device && index.column() == Tree::FleetTreeModel::PendingColumn
            && index.data(Tree::PendingCountRole).toInt() > 0))
        option->font.setItalic(true);
    if (!device && index.column() == Tree::FleetTreeModel::OffTargetColumn
        && index.data(Tree::OffTargetCountRole).toInt() > 0)
        option->palette.setColor(QPalette::Text, QColor(0xb3, 0x5c, 0x00));
    if (!device && index.column() != 0 && index.data(Qt::DisplayRole).toInt() == 0
        && index.column() != Tree::FleetTreeModel::FirmwareColumn)
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
}

} // namespace Flotilla::Views
