// SPDX-License-Identifier: MIT
#include "edit/importpreviewmodel.h"

#include "domain/text.h"

#include <QBrush>
#include <QColor>

namespace Flotilla::Edit {

ImportPreviewModel::ImportPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

ImportPreviewModel::~ImportPreviewModel() = default;

void ImportPreviewModel::setPlan(const ImportPlan &plan)
{
    beginResetModel();
    m_plan = plan;
    refilter();
    endResetModel();
}

void ImportPreviewModel::setShow(Show show)
{
    if (show == m_show)
        return;
    beginResetModel();
    m_show = show;
    refilter();
    endResetModel();
}

void ImportPreviewModel::refilter()
{
    m_rows.clear();
    m_rows.reserve(m_plan.rows.size());
    for (int i = 0; i < m_plan.rows.size(); ++i) {
        const ImportRow &r = m_plan.rows.at(i);
        const bool shown = m_show == Show::All || (m_show == Show::Errors && r.isError())
            || (m_show == Show::Changes && !r.isError() && r.action != RowAction::Unchanged);
        if (shown)
            m_rows.append(i);
    }
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : DetailsColumn + 1;
}

QString ImportPreviewModel::details(const ImportRow &row)
{
    if (row.isError())
        return row.errors.join(QStringLiteral("; "));
    QStringList parts;
    if (row.name)
        parts.append(row.oldName.isEmpty() ? Text::tr("Name: %1").arg(*row.name)
                                           : Text::tr("Name: %1 → %2").arg(row.oldName, *row.name));
    if (row.notes)
        parts.append(Text::tr("Notes: %1").arg(row.notes->left(60)));
    if (row.action == RowAction::Import && !row.target)
        parts.append(Text::tr("into Unassigned"));
    return parts.join(QStringLiteral("; "));
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImportRow &r = m_plan.rows.at(m_rows.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RowColumn:
            return r.row;
        case ActionColumn:
            return actionTitle(r.action);
        case DeviceColumn:
            return r.label;
        case FromColumn:
            return r.action == RowAction::Import ? Text::tr("(not in the product)") : r.fromTitle;
        case ToColumn:
            return r.toTitle;
        case DetailsColumn:
            return details(r);
        }
        break;
    case Qt::ToolTipRole:
        if (r.isError())
            return r.errors.join(u'\n');
        if (index.column() == DeviceColumn && !r.deviceId.isEmpty())
            return r.deviceId;
        break;
    case Qt::ForegroundRole:
        if (r.isError() && (index.column() == ActionColumn || index.column() == DetailsColumn))
            return QBrush(QColor(0xb0, 0x00, 0x20));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == RowColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ActionRole:
        return static_cast<int>(r.action);
    default:
        break;
    }
    return {};
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RowColumn:
        return Text::tr("Row");
    case ActionColumn:
        return Text::tr("Action");
    case DeviceColumn:
        return Text::tr("Device");
    case FromColumn:
        return Text::tr("From");
    case ToColumn:
        return Text::tr("To");
    case DetailsColumn:
        return Text::tr("Changes and errors");
    }
    return {};
}

} // namespace Flotilla::Edit
