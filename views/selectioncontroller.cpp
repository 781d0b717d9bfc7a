// SPDX-License-Identifier: MIT
#include "views/selectioncontroller.h"

#include "domain/hierarchy.h"
#include "domain/nodepath.h"
#include "sync/syncengine.h"
#include "tree/devicetablemodel.h"
#include "tree/fleettreemodel.h"
#include "views/detailpane.h"
#include "views/fleetitemdelegate.h"
#include "views/fleettreeview.h"

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScopedValueRollback>
#include <QSettings>
#include <QTableView>
#include <QTimer>

#include <algorithm>

namespace Flotilla::Views {

using Tree::ItemKind;

namespace {

QString firmwareSummary(const QVariantMap &versions)
{
    QList<QPair<int, int>> list;
    for (auto it = versions.cbegin(); it != versions.cend(); ++it)
        list.append({it.key().toInt(), it.value().toInt()});
    std::sort(list.begin(), list.end());
    QStringList parts;
    const QLocale locale;
    for (const auto &[version, count] : std::as_const(list)) {
        parts.append(version == 0
                ? SelectionController::tr("none ×%1").arg(locale.toString(count))
                : SelectionController::tr("v%1 ×%2").arg(version).arg(locale.toString(count)));
    }
    return parts.join(QStringLiteral(", "));
}

// One line of a tab-separated copy: tabs and line breaks inside a cell become spaces.
QString tsvCell(const QString &text)
{
    QString cell = text;
    for (QChar &c : cell) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    }
    return cell;
}

} // namespace

SelectionController::SelectionController(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{
    FleetTreeView *tree = parts.treeView;
    QTableView *table = parts.tableView;
    connect(tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        m_detailSource = DetailSource::Tree;
        onTreeCurrentChanged();
    });
    // A click on the row that is already current changes nothing above: it still makes the
    // details pane follow that row again.
    connect(tree, &QAbstractItemView::pressed, this, [this] {
        m_detailSource = DetailSource::Tree;
        onTreeCurrentChanged();
    });
    connect(table, &QAbstractItemView::pressed, this, [this] {
        m_detailSource = DetailSource::Table;
        showDetail();
        Q_EMIT selectionChanged();
    });
    connect(tree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &SelectionController::selectionChanged);
    connect(table->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        // The current row moved by a change of the rows (a device that left the scope, a new
        // scope, a filter) is not the user's choice of what to look at.
        if (!m_tableChanging && !m_parts.table->isUpdating())
            m_detailSource = DetailSource::Table;
        onTableCurrentChanged();
    });
    // Flash… follows the table's selection when the table has the focus.
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &SelectionController::selectionChanged);
    connect(parts.filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_parts.table->setFilter(text);
        showDetail();
        updateFilterInfo();
    });
    connect(parts.table, &Tree::DeviceTableModel::countsChanged, this,
        &SelectionController::updateFilterInfo);
    connect(parts.tree, &QAbstractItemModel::modelAboutToBeReset, this,
        &SelectionController::rememberPlace);
    connect(parts.tree, &QAbstractItemModel::modelReset, this, &SelectionController::restorePlace);
    connect(parts.tree, &QAbstractItemModel::modelReset, this,
        &SelectionController::ensureInitialSelection);
    connect(parts.tree, &QAbstractItemModel::rowsInserted, this,
        &SelectionController::ensureInitialSelection);
}

SelectionController::~SelectionController() = default;

QModelIndex SelectionController::currentTreeIndex() const
{
    const QModelIndex current = m_parts.treeView->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0) : QModelIndex();
}

QString SelectionController::currentNodePath() const
{
    const QModelIndex current = currentTreeIndex();
    return isNodeItem(current) ? current.data(Tree::NodePathRole).toString() : QString();
}

void SelectionController::selectNode(const QString &path)
{
    const QModelIndex index = m_parts.tree->indexForNode(path);
    if (!index.isValid())
        return;
    m_parts.treeView->scrollTo(index);
    m_parts.treeView->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

namespace {

// A container row's key: its node path, or "#<kind>" for a pool.
QString placeKey(const QModelIndex &index)
{
    if (isNodeItem(index))
        return index.data(Tree::NodePathRole).toString();
    return QLatin1Char('#') + QString::number(static_cast<int>(itemKind(index)));
}

QModelIndex placeIndex(const Tree::FleetTreeModel &tree, const QString &key)
{
    if (!key.startsWith(QLatin1Char('#')))
        return tree.indexForNode(key);
    return tree.indexForPool(static_cast<ItemKind>(key.mid(1).toInt()));
}

} // namespace

void SelectionController::rememberPlace()
{
    // Only the overview's rows are all containers, and all come back with the devices.
    if (!m_parts.tree->showsOverview())
        return;
    Place place;
    const auto walk = [&](auto &self, const QModelIndex &parent) -> void {
        for (int r = 0; r < m_parts.tree->rowCount(parent); ++r) {
            const QModelIndex i = m_parts.tree->index(r, 0, parent);
            if (m_parts.treeView->isExpanded(i)) {
                place.expanded.append(placeKey(i));
                self(self, i);
            }
        }
    };
    walk(walk, QModelIndex());
    const QModelIndex current = currentTreeIndex();
    if (current.isValid())
        place.current = placeKey(current);
    m_place = place;
}

void SelectionController::restorePlace()
{
    if (!m_place)
        return;
    const Place place = *m_place;
    m_place.reset();
    for (const QString &key : place.expanded) {
        const QModelIndex i = placeIndex(*m_parts.tree, key);
        if (i.isValid())
            m_parts.treeView->expand(i);
    }
    const QModelIndex current
        = place.current.isEmpty() ? QModelIndex() : placeIndex(*m_parts.tree, place.current);
    if (current.isValid()) {
        m_parts.treeView->scrollTo(current);
        m_parts.treeView->selectionModel()->setCurrentIndex(
            current, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
}

void SelectionController::ensureInitialSelection()
{
    // Called while the model is inserting rows: look once it is done.
    if (m_initialSelectionDone || m_initialSelectionQueued)
        return;
    m_initialSelectionQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_initialSelectionQueued = false;
        tryInitialSelection();
    });
}

void SelectionController::tryInitialSelection()
{
    Tree::FleetTreeModel *tree = m_parts.tree;
    if (m_initialSelectionDone || tree->rowCount() == 0)
        return;
    const QString saved = QSettings().value(QStringLiteral("MainWindow/selectedNode")).toString();
    QModelIndex index = saved.isEmpty() ? QModelIndex() : tree->indexForNode(saved);
    // The node remembered may still be on its way from the first pull.
    if (!saved.isEmpty() && !index.isValid()
        && (m_parts.engine->isPulling() || m_parts.engine->lastFullPullMs() == 0))
        return;
    if (!index.isValid()) {
        const QModelIndex first = tree->index(0, 0);
        if (itemKind(first) == ItemKind::Customer)
            index = first;
    }
    if (!index.isValid())
        return; // no customers yet: wait for the first pull
    m_initialSelectionDone = true;
    // The view makes the first row current when it gets the focus; anything else is the
    // user's own choice.
    const QModelIndex current = currentTreeIndex();
    if (current.isValid() && current != tree->index(0, 0))
        return;
    m_parts.treeView->expand(index);
    selectNode(index.data(Tree::NodePathRole).toString());
}

void SelectionController::followLoad()
{
    ensureInitialSelection();
    onTreeCurrentChanged();
}

void SelectionController::followTreeCurrent()
{
    const Tree::DeviceScope &shown = m_parts.table->scope();
    // A scope whose node went away (deleted, renamed) shows its parent's devices.
    bool rescope = shown.kind == Tree::DeviceScope::Kind::Node
        && !m_parts.tree->indexForNode(shown.path).isValid();
    // The device the tree's current row shows moved (the row moves with it): the table shows
    // its new place, with it selected.
    const QModelIndex current = currentTreeIndex();
    if (!rescope && m_detailSource == DetailSource::Tree && current.isValid()
        && itemKind(current) == ItemKind::Device) {
        const QModelIndex parent = current.parent();
        const std::optional<Tree::DeviceScope> scope = parent.isValid()
            ? Tree::DeviceScope::forTreeItem(
                itemKind(parent), parent.data(Tree::NodePathRole).toString())
            : std::nullopt;
        rescope = scope && *scope != shown;
    }
    if (rescope)
        onTreeCurrentChanged();
    else
        showDetail();
}

void SelectionController::onTreeCurrentChanged()
{
    const QScopedValueRollback changing(m_tableChanging, true);
    const QModelIndex current = currentTreeIndex();
    QModelIndex scopeIndex = current;
    QString device;
    if (current.isValid() && itemKind(current) == ItemKind::Device) {
        device = current.data(Tree::DeviceIdRole).toString();
        scopeIndex = current.parent();
    }
    const std::optional<Tree::DeviceScope> scope = scopeIndex.isValid()
        ? Tree::DeviceScope::forTreeItem(
            itemKind(scopeIndex), scopeIndex.data(Tree::NodePathRole).toString())
        : std::optional<Tree::DeviceScope>(Tree::DeviceScope::all());
    if (scope && *scope != m_parts.table->scope()) {
        m_parts.table->setScope(*scope);
        updateFilterInfo();
    }
    QItemSelectionModel *rows = m_parts.tableView->selectionModel();
    if (!device.isEmpty()) {
        const QModelIndex row = m_parts.table->indexForDevice(device);
        if (row.isValid()) {
            rows->setCurrentIndex(
                row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_parts.tableView->scrollTo(row);
        }
    } else {
        rows->clearCurrentIndex();
    }
    showDetail();
    Q_EMIT selectionChanged();
}

void SelectionController::onTableCurrentChanged()
{
    showDetail();
    Q_EMIT selectionChanged();
}

void SelectionController::updateFilterInfo()
{
    const QStringList errors = m_parts.table->filterErrors();
    if (!errors.isEmpty()) {
        m_parts.filterInfo->setText(errors.join(QLatin1Char(' ')));
        m_parts.filterInfo->setStyleSheet(QStringLiteral("color: #b02020;"));
    } else {
        m_parts.filterInfo->setText(m_parts.table->countText());
        m_parts.filterInfo->setStyleSheet(QString());
    }
}

void SelectionController::showDetail()
{
    DetailPane *detail = m_parts.detail;
    const QModelIndex row = m_parts.tableView->selectionModel()->currentIndex();
    const Sync::FleetState &state = m_parts.engine->state();
    if (m_detailSource == DetailSource::Table && row.isValid()) {
        const QString id = row.data(Tree::DeviceIdRole).toString();
        detail->showDevice(state, id, row.data(Tree::PendingRole).toBool());
        return;
    }
    const QModelIndex current = currentTreeIndex();
    if (!current.isValid()) {
        detail->showNothing();
        return;
    }
    if (itemKind(current) == ItemKind::Device) {
        const QString id = current.data(Tree::DeviceIdRole).toString();
        detail->showDevice(state, id, current.data(Tree::PendingRole).toBool());
        return;
    }
    DetailPane::NodeSummary s;
    s.title = current.data(Tree::TitleRole).toString();
    switch (itemKind(current)) {
    case ItemKind::Customer:
        s.kind = tr("Customer");
        break;
    case ItemKind::Group:
        s.kind = tr("Group");
        break;
    case ItemKind::Unassigned:
        s.kind = tr("Pool: devices in stock, in no customer");
        break;
    case ItemKind::Returns:
        s.kind = tr("Pool: units back for refurbishment");
        s.path = QString(Domain::ReturnsGroupName);
        break;
    case ItemKind::NeedsRepair:
        s.kind = tr("Devices whose groups contradict the tree");
        break;
    case ItemKind::Device:
        break;
    }
    if (isNodeItem(current)) {
        s.path = current.data(Tree::NodePathRole).toString();
        s.account = current.data(Tree::AccountRole).toString();
        const int released = state.releasedVersionByGroup().value(s.path, 0);
        s.release = released > 0 ? tr("v%1").arg(released) : tr("none");
    }
    s.devices = current.data(Tree::DeviceCountRole).toInt();
    s.online = current.data(Tree::OnlineCountRole).toInt();
    s.offTarget = current.data(Tree::OffTargetCountRole).toInt();
    s.pending = current.data(Tree::PendingCountRole).toInt();
    s.firmware = firmwareSummary(current.data(Tree::FirmwareVersionsRole).toMap());
    detail->showNode(s);
}

QStringList SelectionController::selectedDeviceIds() const
{
    const auto fromTable = [this] {
        QStringList ids;
        for (const QModelIndex &row : m_parts.tableView->selectionModel()->selectedRows())
            ids.append(row.data(Tree::DeviceIdRole).toString());
        return ids;
    };
    const auto fromTree = [this] {
        QStringList ids;
        for (const QModelIndex &row : m_parts.treeView->selectionModel()->selectedRows()) {
            if (itemKind(row) == ItemKind::Device)
                ids.append(row.data(Tree::DeviceIdRole).toString());
        }
        return ids;
    };
    QWidget *focus = QApplication::focusWidget();
    if (focus == m_parts.treeView)
        return fromTree();
    if (focus == m_parts.tableView)
        return fromTable();
    const QStringList table = fromTable();
    return table.isEmpty() ? fromTree() : table;
}

QString SelectionController::selectedRowsText() const
{
    using C = Tree::DeviceTableModel;
    const QItemSelectionModel *selection = m_parts.tableView->selectionModel();
    QList<int> rows;
    for (const QModelIndex &row : selection->selectedRows())
        rows.append(row.row());
    const QModelIndex current = selection->currentIndex();
    if (rows.isEmpty() && current.isValid())
        rows.append(current.row());
    if (rows.isEmpty())
        return QString();
    std::sort(rows.begin(), rows.end());
    const QHeaderView *header = m_parts.tableView->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    // The device ID tells the rows apart wherever they are pasted.
    if (!columns.contains(C::IdColumn))
        columns.append(C::IdColumn);
    const C *table = m_parts.table;
    QStringList lines;
    QStringList cells;
    for (const int column : std::as_const(columns))
        cells.append(tsvCell(table->headerData(column, Qt::Horizontal).toString()));
    lines.append(cells.join(QLatin1Char('\t')));
    for (const int row : std::as_const(rows)) {
        cells.clear();
        for (const int column : std::as_const(columns))
            cells.append(tsvCell(table->index(row, column).data(Qt::DisplayRole).toString()));
        lines.append(cells.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QStringList SelectionController::devicesForCopy() const
{
    QStringList ids = selectedDeviceIds();
    if (!ids.isEmpty() || QApplication::focusWidget() == m_parts.tableView)
        return ids;
    // Customers, groups and pools: every device under them, in the tree's order.
    QModelIndexList rows = m_parts.treeView->selectionModel()->selectedRows();
    if (rows.isEmpty() && currentTreeIndex().isValid())
        rows.append(currentTreeIndex());
    const Tree::FleetTreeModel *tree = m_parts.tree;
    QSet<QString> seen;
    const auto collect = [&](const auto &self, const QModelIndex &index) -> void {
        if (itemKind(index) == ItemKind::Device) {
            const QString id = index.data(Tree::DeviceIdRole).toString();
            if (!seen.contains(id)) {
                seen.insert(id);
                ids.append(id);
            }
            return;
        }
        for (int r = 0; r < tree->rowCount(index); ++r)
            self(self, tree->index(r, 0, index));
    };
    for (const QModelIndex &row : std::as_const(rows))
        collect(collect, row.siblingAtColumn(0));
    return ids;
}

FlashSelection SelectionController::flashSelection() const
{
    FlashSelection selection;
    QStringList nodeTitles;
    QStringList deviceNames;
    const Sync::FleetState &state = m_parts.engine->state();
    const auto addDevice = [&](const QString &id) {
        if (id.isEmpty() || selection.devices.contains(id))
            return;
        selection.devices.append(id);
        const QString name = state.devices.value(id).name;
        deviceNames.append(name.isEmpty() ? id : name);
    };
    if (QApplication::focusWidget() == m_parts.tableView) {
        for (const QModelIndex &row : m_parts.tableView->selectionModel()->selectedRows())
            addDevice(row.data(Tree::DeviceIdRole).toString());
    }
    if (selection.devices.isEmpty()) {
        QModelIndexList rows = m_parts.treeView->selectionModel()->selectedRows();
        if (rows.isEmpty() && currentTreeIndex().isValid())
            rows.append(currentTreeIndex());
        for (const QModelIndex &row : std::as_const(rows)) {
            if (itemKind(row) == ItemKind::Device) {
                addDevice(row.data(Tree::DeviceIdRole).toString());
            } else if (isNodeItem(row)) {
                selection.nodes.append(row.data(Tree::NodePathRole).toString());
                nodeTitles.append(row.data(Tree::TitleRole).toString());
            }
        }
    }
    // A node under another selected node is flashed with it.
    QStringList nodes;
    QStringList titles;
    for (int i = 0; i < selection.nodes.size(); ++i) {
        const QString &path = selection.nodes.at(i);
        const bool covered = std::any_of(selection.nodes.cbegin(), selection.nodes.cend(),
            [&](const QString &other) { return Domain::isStrictAncestor(other, path); });
        if (!covered && !nodes.contains(path)) {
            nodes.append(path);
            titles.append(nodeTitles.value(i));
        }
    }
    selection.nodes = nodes;
    QStringList parts;
    if (titles.size() == 1)
        parts.append(titles.constFirst());
    else if (titles.size() > 1)
        parts.append(tr("%1 and %2 more").arg(titles.constFirst()).arg(titles.size() - 1));
    const int devices = static_cast<int>(deviceNames.size());
    if (devices == 1)
        parts.append(deviceNames.constFirst());
    else if (devices > 1)
        parts.append(tr("%Ln devices", nullptr, devices));
    selection.title = parts.join(tr(" and "));
    return selection;
}

} // namespace Flotilla::Views
