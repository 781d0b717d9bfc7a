// SPDX-License-Identifier: MIT
#pragma once

#include <QModelIndex>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

class QLabel;
class QLineEdit;
class QTableView;

namespace Flotilla::Sync {
class SyncEngine;
}
namespace Flotilla::Tree {
class DeviceTableModel;
class FleetTreeModel;
} // namespace Flotilla::Tree

namespace Flotilla::Views {

class DetailPane;
class FleetTreeView;

// What Flash… would flash: the customers and groups selected in the tree (nodes) and the
// devices selected one by one (the table's when it has the focus). Empty: nothing.
struct FlashSelection
{
    QStringList nodes;
    QStringList devices;
    QString title;
    bool isEmpty() const { return nodes.isEmpty() && devices.isEmpty(); }
};

// How the main window's views follow one another: the device table shows the scope of the
// tree's current row (a node with its descendants, a pool, the whole fleet), filtered by the
// filter field; the details pane shows the row the user last chose, in the tree or the table;
// the first customer (or the node remembered from the last session) is selected once the
// fleet is there. It also answers what is selected, for the actions.
class SelectionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SelectionController)

public:
    struct Parts
    {
        Sync::SyncEngine *engine = nullptr;
        Tree::FleetTreeModel *tree = nullptr;
        Tree::DeviceTableModel *table = nullptr;
        FleetTreeView *treeView = nullptr;
        QTableView *tableView = nullptr;
        QLineEdit *filter = nullptr;
        QLabel *filterInfo = nullptr;
        DetailPane *detail = nullptr;
    };
    explicit SelectionController(const Parts &parts, QObject *parent = nullptr);
    ~SelectionController() override;

    // The tree's current row, in column 0 (invalid when none).
    QModelIndex currentTreeIndex() const;
    // The current row's path when it is a customer or group, else empty.
    QString currentNodePath() const;
    // Selects a node (or pool) in the tree and shows its devices.
    void selectNode(const QString &path);
    // Once there are customers: the node remembered from the last session, else the first
    // customer (unless the user chose a row already). Looks once the model is done changing.
    void ensureInitialSelection();
    // After the fleet changed: the table's scope follows the tree's current row again (a
    // moved device takes it to its new place), and the details pane shows the current row.
    void followTreeCurrent();
    // The fleet was loaded: the table and the details follow the tree's current row.
    void followLoad();
    void showDetail();

    // The devices the user has selected: in the view that has the focus, else the table's,
    // else the device rows of the tree.
    QStringList selectedDeviceIds() const;
    // The device table's selected rows as tab-separated text: a header line, then one line
    // per row, the columns shown in their order (and the device ID when its column is hidden).
    QString selectedRowsText() const;
    // The selected devices of the view that has the focus, else the table's, else the tree's;
    // with no device selected, every device under the customers, groups and pools selected in
    // the tree.
    QStringList devicesForCopy() const;
    FlashSelection flashSelection() const;

Q_SIGNALS:
    // The current rows or the selection changed: what the actions act on.
    void selectionChanged();

private:
    enum class DetailSource { Tree, Table };
    void tryInitialSelection();
    void onTreeCurrentChanged();
    void onTableCurrentChanged();
    void updateFilterInfo();
    void rememberPlace();
    void restorePlace();

    // Where the user was in the tree painted from the fleet overview (the rows expanded, the
    // row current: node paths, or a pool's kind as "#<kind>"), kept across the reset that brings
    // in the devices.
    struct Place
    {
        QStringList expanded;
        QString current;
    };

    Parts m_parts;
    std::optional<Place> m_place;
    DetailSource m_detailSource = DetailSource::Tree;
    // The window is moving the table's current row itself: not the user's choice.
    bool m_tableChanging = false;
    bool m_initialSelectionDone = false;
    bool m_initialSelectionQueued = false;
};

} // namespace Flotilla::Views
