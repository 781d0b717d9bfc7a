// SPDX-License-Identifier: MIT
#pragma once

#include "domain/moves.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace Flotilla::Domain {
class Hierarchy;
}

namespace Flotilla::Views {

// "Move to…": the keyboard path to a drop. A search field over every customer and group node
// (shown as "Acme Logistics › Berlin depot") and the Unassigned and Returns pools; typing
// filters the list (any part of the titles or of the group name), Up/Down pick, Enter moves.
class NodePickerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodePickerDialog)

public:
    struct Options
    {
        bool includePools = true; // Unassigned and Returns
        QString excludeSubtree; // a node whose subtree is not offered (moving that group)
    };

    NodePickerDialog(const Domain::Hierarchy &hierarchy, const QString &prompt,
        const Options &options, QWidget *parent = nullptr);
    ~NodePickerDialog() override;

    // The chosen target once accepted (the current row of the list).
    std::optional<Domain::MoveTarget> target() const;
    QLineEdit *searchField() const { return m_search; }
    int visibleCount() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filterChanged(const QString &text);
    void updateOk();

    QLineEdit *m_search = nullptr;
    QListView *m_list = nullptr;
    QLabel *m_empty = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    class QPushButton *m_ok = nullptr;
};

} // namespace Flotilla::Views
