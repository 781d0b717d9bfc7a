// SPDX-License-Identifier: MIT
#pragma once

#include "tree/roles.h"

#include <QModelIndex>
#include <QStyledItemDelegate>

namespace Flotilla::Views {

// The kind of a row of the fleet tree or the device table (KindRole).
inline Tree::ItemKind itemKind(const QModelIndex &index)
{
    return static_cast<Tree::ItemKind>(index.data(Tree::KindRole).toInt());
}

// A customer or group row (not a pool, not a device).
inline bool isNodeItem(const QModelIndex &index)
{
    const Tree::ItemKind kind = itemKind(index);
    return index.isValid() && (kind == Tree::ItemKind::Customer || kind == Tree::ItemKind::Group);
}

// The fleet tree's rows: icons by kind, offline devices greyed, devices with local changes
// in italics, counts of devices off their target in orange, zero counts greyed.
class FleetItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetItemDelegate)

public:
    explicit FleetItemDelegate(QObject *parent = nullptr);
    ~FleetItemDelegate() override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Flotilla::Views
