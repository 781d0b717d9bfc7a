// SPDX-License-Identifier: MIT
#pragma once

#include "edit/importplan.h"

#include <QAbstractTableModel>

namespace Flotilla::Edit {

// The rows of an import plan as a table for the preview: the spreadsheet's row number, what the
// row does, the device, from where to where, and its changes or errors, in people's words
// (titles, never group names). Shows every row, only the rows that change something, or only
// the rows with errors.
class ImportPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportPreviewModel)

public:
    enum Column { RowColumn, ActionColumn, DeviceColumn, FromColumn, ToColumn, DetailsColumn };
    enum class Show { All, Changes, Errors };
    // The row's RowAction, as an int.
    static constexpr int ActionRole = Qt::UserRole + 1;

    explicit ImportPreviewModel(QObject *parent = nullptr);
    ~ImportPreviewModel() override;

    void setPlan(const ImportPlan &plan);
    const ImportPlan &plan() const { return m_plan; }
    void setShow(Show show);
    Show show() const { return m_show; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // What a row changes, as the preview says it ("Name: alpha → alpha-2; Notes").
    static QString details(const ImportRow &row);

private:
    void refilter();

    ImportPlan m_plan;
    Show m_show = Show::All;
    QList<int> m_rows; // indexes into m_plan.rows of the rows shown
};

} // namespace Flotilla::Edit
