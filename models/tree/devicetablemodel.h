// SPDX-License-Identifier: MIT
#pragma once

#include "domain/hierarchy.h"
#include "sync/fleetstate.h"
#include "tree/devicefilter.h"
#include "tree/roles.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QMap>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Flotilla::Sync {
class SyncEngine;
}

namespace Flotilla::Tree {

// Roles of the device table beyond the shared ones of roles.h, which the table also answers:
// KindRole (always ItemKind::Device), DeviceIdRole, TitleRole (the name), FirmwareVersionRole,
// TargetVersionRole, OnlineRole, PendingRole, PlacementProblemRole. These live here because
// roles.h belongs to the tree; they start well above its roles so that both can grow.
enum DeviceTableRole {
    LastHeardRole = Qt::UserRole + 64, // qint64: ms since the epoch, 0 = never
    LockedVersionRole, // int: the version the device is locked to; invalid QVariant when none
    DevelopmentRole, // bool
    LocationPathRole, // QString: the node the device sits at; empty in the pools
    SortKeyRole, // the value the column sorts by: a number, a bool or a case-folded string
};

// Which devices the table shows: those of the node selected in the tree and all its
// descendants, a pool, or the whole fleet.
struct DeviceScope
{
    enum class Kind : int {
        All, // every device of the product
        Node, // devices at `path` or below it
        Unassigned, // the Unassigned pool
        Returns, // the Returns pool
        NeedsRepair, // devices whose groups contradict the tree
    };
    Kind kind = Kind::All;
    QString path; // Kind::Node

    static DeviceScope all() { return {}; }
    static DeviceScope node(const QString &path) { return {Kind::Node, path}; }
    static DeviceScope unassigned() { return {Kind::Unassigned, {}}; }
    static DeviceScope returns() { return {Kind::Returns, {}}; }
    static DeviceScope needsRepair() { return {Kind::NeedsRepair, {}}; }
    // The scope of a tree row (KindRole, and NodePathRole of a customer or group); nothing for
    // a device row.
    static std::optional<DeviceScope> forTreeItem(ItemKind kind, const QString &path);

    bool contains(const Domain::Placement &placement) const;
    bool operator==(const DeviceScope &) const = default;
};

// The devices of a scope as a flat, sortable, filterable table, for 100,000 devices.
//
// The model is a projection of a Sync::FleetState. It keeps a record of every device of the
// fleet (display text, a case-folded search text, the sort keys, where the device sits), in
// scope or not; a scope is a selection of them. setScope() is a model reset: it checks the
// records against the state by identity (an unchanged device shares its strings with its
// record, so nothing is read but the device's fields), remakes only what changed, and selects
// the scope in one pass (a few ms at 100,000 devices; the first call builds every record).
// applyDelta() follows the sync engine's fleetChanged with granular signals: devices entering
// the scope (or the filter) are row inserts, leaving it row removes, a changed device is one
// dataChanged for its row (and a row move when its sort key moved it); never a reset.
//
// Sorting is done here (sort(), stable: equal keys keep their previous order), not by a
// QSortFilterProxyModel, and so is filtering (setFilter(), DeviceFilter's grammar): a keystroke
// is one pass over the search texts of the scope — or only over the rows shown, when the new
// query can only hide rows. Rows stay in sort order as devices change. A filter change is a
// layout change (persistent indexes, and so the selection, follow their devices; rows filtered
// out lose theirs); sort() is one too. data() only reads what the model holds: no I/O.
//
// Given a sync engine (the constructor, followEngine()), the model follows it by itself: the
// scope is shown from the engine's fleet once it has loaded, then every fleetChanged and
// pendingChanged is applied; without one it is fed by hand (tests).
class DeviceTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceTableModel)

public:
    using Scope = DeviceScope;

    enum Column {
        NameColumn,
        IdColumn,
        SerialColumn,
        LocationColumn, // "Customer › node" titles, or the pool
        OnlineColumn,
        LastHeardColumn,
        FirmwareColumn, // running
        TargetColumn,
        LockedColumn,
        DevelopmentColumn,
        OwnerColumn,
        NotesColumn,
        PendingColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit DeviceTableModel(QObject *parent = nullptr);
    // Reads from and follows `engine` (followEngine()).
    explicit DeviceTableModel(Sync::SyncEngine *engine, QObject *parent = nullptr);
    ~DeviceTableModel() override;

    // Shows the scope (the whole fleet until setScope()) from the engine's fleet now if it has
    // loaded, and again at every loaded(); then applies its fleetChanged and pendingChanged.
    // Connected before the views' own connections, the model has changed when they hear of it.
    void followEngine(Sync::SyncEngine *engine);
    // Following an engine: shows `scope` of its fleet (a model reset when the engine has
    // loaded; else the scope is kept for the load).
    void setScope(const Scope &scope);
    // True while the model changes its rows by itself (following the engine, a new scope, a
    // filter, pending flags): a view's current row moved meanwhile is not the user's choice.
    bool isUpdating() const { return m_updating; }

    // Rebuilds the rows for `scope` (a model reset); the filter and the sort order stay.
    void setScope(const Sync::FleetState &state, const Scope &scope);
    // Applies what changed; `stateAfter` is the state with `delta` applied. Ignored before the
    // first setScope().
    void applyDelta(const Sync::FleetState &stateAfter, const Sync::FleetDelta &delta);
    // The devices with local changes not yet confirmed by the cloud
    // (SyncEngine::pendingDevices()); changed rows get dataChanged.
    void setPending(const QSet<QString> &pending);
    // Shows only the devices the query matches (DeviceFilter); a layout change.
    void setFilter(const QString &query);

    const Scope &scope() const { return m_scope; }
    QString filterText() const { return m_filterText; }
    // Why parts of the query could not be read (DeviceFilter::errors()).
    QStringList filterErrors() const { return m_filter.errors(); }
    // Devices in the scope, and those of them the filter shows (the rows).
    int totalInScope() const { return m_inScope; }
    int visibleCount() const { return static_cast<int>(m_visible.size()); }
    // For the status line: "1,204 of 15,880 devices" (or "15,880 devices" without a filter).
    QString countText() const;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    QModelIndex indexForDevice(const QString &deviceId, int column = NameColumn) const;
    // The ids of the rows, top to bottom (e.g. "flash the devices shown").
    QStringList visibleDeviceIds() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Stable: sorting by one column and then another keeps the first order among equal keys.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Rows dragged onto the tree carry the tree's own payload (dragdrop.h): devices by id.
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

Q_SIGNALS:
    // totalInScope() or visibleCount() may have changed.
    void countsChanged();

private:
    struct Record;
    struct Location;
    class Placer;

    Record makeRecord(const Domain::Device &device, int location, const QString &problem) const;
    bool lessThan(const Record &a, const Record &b) const;
    int compareColumn(const Record &a, const Record &b, int column) const;
    bool matches(const Record &record) const;
    bool inScope(int slot) const;
    bool isShown(int slot) const;
    int locationFor(const Domain::Placement &placement);
    QString locationText(const Location &location, int index) const;
    void refreshLocations(QList<int> *changed);
    bool scopeContains(const Location &location, int index) const;
    int findIn(const std::vector<int> &rows, int slot) const;
    int insertionPoint(const std::vector<int> &rows, const Record &record, int skip = -1) const;
    void emitRowChanged(int row);

    int allocate(Record record);
    void syncRecords(const Sync::FleetState &state, bool replacePlacements);
    void sortAll();
    void selectScope();
    void rebuildVisible();
    void removeSlots(std::vector<int> slots);
    void updateSlot(int slot, Record record);
    void insertRecords(std::vector<Record> records);
    template<typename Change>
    void relayout(Change change, QAbstractItemModel::LayoutChangeHint hint);
    void refilter(const DeviceFilter &filter, bool everyRow = false);

    // Every device of the fleet has a record, in scope or not, so that a scope change is one
    // pass over them (setScope() checks them against the state by identity: unchanged devices
    // share their strings with the records).
    std::vector<Record> m_records; // by slot; dead slots are in m_freeSlots
    std::vector<int> m_freeSlots;
    std::vector<int> m_locationOf; // by slot: the record's location (compact, for the passes)
    std::vector<quint8> m_shown; // by slot, for slots in scope: 1 when the filter shows it
    QHash<QString, int> m_slotById;
    std::vector<int> m_sequence; // the slots in the state's iteration order at the last sync
    std::vector<int> m_all; // every live slot, in sort order
    std::vector<int> m_visible; // the rows: the slots of m_all in scope and shown, in order
    std::vector<Location> m_locations; // 0 Unassigned, 1 Returns, 2 Needs repair, then nodes
    std::vector<quint8> m_locationInScope; // by location
    QHash<QString, int> m_locationByPath;
    QMap<QString, Domain::Group> m_groups; // what the placements were computed from
    Domain::Hierarchy m_hierarchy;
    QSet<QString> m_pending;
    Scope m_scope;
    DeviceFilter m_filter;
    QString m_filterText;
    int m_inScope = 0;
    int m_productId = 0;
    int m_sortColumn = NameColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    quint32 m_epoch = 0;
    bool m_hasState = false;
    bool m_updating = false;
    QPointer<Sync::SyncEngine> m_engine;
};

} // namespace Flotilla::Tree
