// SPDX-License-Identifier: MIT
#pragma once

#include "domain/hierarchy.h"
#include "sync/fleetoverview.h"
#include "sync/fleetstate.h"
#include "tree/dragdrop.h"
#include "tree/roles.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QString>

#include <array>
#include <memory>
#include <vector>

namespace Flotilla::Sync {
class SyncEngine;
}

namespace Flotilla::Tree {

// The fleet as a tree: customers (by title), then the pools Unassigned, Returns and Needs
// repair; under a customer its group nodes (any depth, by title, before devices) and the
// devices that sit at it (by name, then id). Every row carries its kind (KindRole) and the
// status of its subtree: device count, online count, firmware versions present, devices off
// their target version, devices with pending local changes.
//
// The model is a projection of a Sync::FleetState: reset() builds it once, applyDelta() follows
// the sync engine's fleetChanged with granular signals (inserts, removes, moves, dataChanged;
// never a reset), and the subtree aggregates are maintained incrementally. data() only reads
// what the model holds: no I/O, no SQL. Given a sync engine (the constructor, followEngine()),
// the model follows it by itself: built when the engine has loaded, then every fleetChanged
// and pendingChanged; without one it is fed by hand (tests).
//
// Drag and drop carries (kind, id) pairs (dragdrop.h). A drop never changes the model: it
// emits dropRequested() for the window to confirm and apply through the sync engine. The model
// does not implement removeRows(), so the view's clean-up after a Move drop does nothing.
class FleetTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetTreeModel)

public:
    enum Column {
        NameColumn,
        DevicesColumn,
        OnlineColumn,
        FirmwareColumn,
        OffTargetColumn,
        PendingColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit FleetTreeModel(QObject *parent = nullptr);
    // Reads from and follows `engine` (followEngine()).
    explicit FleetTreeModel(Sync::SyncEngine *engine, QObject *parent = nullptr);
    ~FleetTreeModel() override;

    // Builds the model from the engine's fleet now if it has loaded, and again at every
    // loaded() (before that, from the overview the engine reads first, if the cache keeps
    // one); then applies its fleetChanged and pendingChanged. Connected before the views'
    // own connections, the model has changed when they hear of the change.
    void followEngine(Sync::SyncEngine *engine);

    // Builds everything from `state` (a model reset); `pending` are the devices with local
    // changes not yet confirmed by the cloud (SyncEngine::pendingDevices()).
    void reset(const Sync::FleetState &state, const QSet<QString> &pending);
    // Before the devices are read: the nodes of `state` (which has no devices) and the pools,
    // with the counts of `overview` (a model reset). reset() replaces it with the fleet.
    void showOverview(const Sync::FleetState &state, const Sync::FleetOverview &overview);
    // Whether the model shows an overview: counts, and no device rows yet.
    bool showsOverview() const { return m_overview; }
    // Applies what changed; `stateAfter` is the state with `delta` applied.
    void applyDelta(const Sync::FleetState &stateAfter, const Sync::FleetDelta &delta);
    // Updates the rows whose pending flag changed (and their ancestors' counts).
    void setPending(const QSet<QString> &pending);

    QModelIndex indexForDevice(const QString &deviceId, int column = NameColumn) const;
    QModelIndex indexForNode(const QString &path, int column = NameColumn) const;
    // Unassigned, Returns or NeedsRepair; invalid for other kinds.
    QModelIndex indexForPool(ItemKind kind, int column = NameColumn) const;

    const Domain::Hierarchy &hierarchy() const { return m_hierarchy; }
    int productId() const { return m_productId; }
    int deviceCount() const;

    // The dragged items for these indexes: one per row, in the order first seen.
    QList<DragItem> dragItems(const QModelIndexList &indexes) const;
    // The target of a drop onto `parent` (the row dropped on, or the parent of a drop between
    // rows); nothing for the root.
    std::optional<DropTarget> dropTarget(const QModelIndex &parent) const;
    // Whether `data` may be dropped onto `parent`, and why not: for the view's status line.
    DropVerdict verdict(const QMimeData *data, const QModelIndex &parent) const;

    QModelIndex index(
        int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    using QAbstractItemModel::parent;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) override;

Q_SIGNALS:
    // A drop was accepted by the rules; nothing has changed yet. The request is emitted from
    // inside the view's drop handling: connect with Qt::QueuedConnection to open a dialog.
    void dropRequested(const Flotilla::Tree::DropRequest &request);

private:
    struct Item;
    struct Batch;
    using ItemPtr = std::unique_ptr<Item>;

    Item *itemFor(const QModelIndex &index) const;
    QModelIndex indexOf(const Item *item, int column = NameColumn) const;
    int rowOf(const Item *item) const;
    Item *poolItem(ItemKind kind) const;
    Item *containerFor(const Domain::Placement &placement) const;
    QString poolTitle(ItemKind kind) const;

    void clear();
    void buildNodes();
    void sortAndSum(const QHash<const Item *, Sync::ContainerCounts> &ownCounts);
    ItemPtr makeNode(const Domain::Node &node) const;
    void fillDevice(Item *item, const Domain::Device &device, const Domain::Placement &placement);
    void insertNode(Item *parent, ItemPtr item);
    void insertDevices(Item *parent, std::vector<ItemPtr> items, Batch &batch);
    void removeItem(Item *item, Batch &batch);
    void relocate(
        Item *item, Item *newParent, const QString &newTitle, const QString &newKey, Batch &batch);
    void rekeyDescendants(Item *item, const QString &oldPath, Batch &batch);
    void updateNodes(const Domain::Hierarchy &after, Batch &batch);
    void updateDevice(
        Item *item, const Domain::Device &device, const Domain::Placement &placement, Batch &batch);
    void addToAncestors(Item *from, const Item *source, int sign, Batch &batch);
    void finish(Batch &batch);

    std::unique_ptr<Item> m_root;
    std::array<Item *, 3> m_pools {}; // Unassigned, Returns, Needs repair
    QHash<QString, Item *> m_devices; // by id
    QHash<QString, Item *> m_nodes; // by path
    QSet<QString> m_pending;
    Domain::Hierarchy m_hierarchy;
    int m_productId = 0;
    bool m_overview = false;
    QPointer<Sync::SyncEngine> m_engine;
};

} // namespace Flotilla::Tree
