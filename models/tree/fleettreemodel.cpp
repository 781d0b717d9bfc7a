// SPDX-License-Identifier: MIT
#include "tree/fleettreemodel.h"

#include "domain/nodepath.h"
#include "domain/text.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMimeData>

#include <algorithm>
#include <functional>
#include <map>
#include <utility>

namespace Flotilla::Tree {

namespace {

constexpr int NoTarget = -1;
constexpr int PoolCount = 3;

// Sort rank among siblings: nodes (customers at the top level, groups below) first, then the
// pools in a fixed order, then devices.
int rankOf(ItemKind kind)
{
    switch (kind) {
    case ItemKind::Customer:
    case ItemKind::Group:
        return 0;
    case ItemKind::Unassigned:
        return 1;
    case ItemKind::Returns:
        return 2;
    case ItemKind::NeedsRepair:
        return 3;
    case ItemKind::Device:
        return 4;
    }
    return 5;
}

// Titles (or device names) case-insensitively, then exactly, then the key (path or device
// id): a total order, so that a row's position follows from its own data.
int compareSortKeys(int rankA, const QString &titleA, const QString &keyA, int rankB,
    const QString &titleB, const QString &keyB)
{
    if (rankA != rankB)
        return rankA < rankB ? -1 : 1;
    int c = QString::compare(titleA, titleB, Qt::CaseInsensitive);
    if (c != 0)
        return c;
    c = QString::compare(titleA, titleB, Qt::CaseSensitive);
    if (c != 0)
        return c;
    return QString::compare(keyA, keyB, Qt::CaseSensitive);
}

// The firmware versions of a subtree: version -> device count, sorted by version, no zeros.
using FirmwareCounts = std::vector<std::pair<int, int>>;
// What a container shows of its subtree; what a device counts for.
using Aggregate = Sync::ContainerCounts;

QString problemText(const Domain::Placement &placement)
{
    QStringList messages;
    for (const Domain::PlacementProblem &p : placement.problems)
        messages.append(p.message);
    return messages.join(QLatin1Char('\n'));
}

// placeDevice() for many devices: most devices share their group list with many others.
class PlacementCache final
{
public:
    explicit PlacementCache(const Domain::Hierarchy &hierarchy)
        : m_hierarchy(hierarchy)
    { }
    Domain::Placement place(const QStringList &groups)
    {
        const auto it = m_cache.constFind(groups);
        if (it != m_cache.cend())
            return it.value();
        const Domain::Placement placement = Domain::placeDevice(groups, m_hierarchy);
        m_cache.insert(groups, placement);
        return placement;
    }

private:
    const Domain::Hierarchy &m_hierarchy;
    QHash<QStringList, Domain::Placement> m_cache;
};

const QList<int> &aggregateRoles()
{
    static const QList<int> roles {Qt::DisplayRole, Qt::ToolTipRole, DeviceCountRole,
        OnlineCountRole, FirmwareVersionsRole, OffTargetCountRole, PendingCountRole};
    return roles;
}

} // namespace

struct FleetTreeModel::Item
{
    ItemKind kind = ItemKind::Device;
    Item *parent = nullptr;
    QString key; // node path or device id; empty for the root and the pools
    QString title; // node title, pool name or device name
    QString extra; // customers: the linked account; devices: the placement problem
    std::vector<ItemPtr> children; // sorted by lessThan()
    Aggregate agg; // containers: the subtree; devices: the device itself
    int firmware = 0;
    int target = NoTarget;
    bool online = false;
    bool pending = false;

    bool isDevice() const { return kind == ItemKind::Device; }
    bool offTarget() const { return target != NoTarget && firmware != target; }
    void refreshOwnAggregate()
    {
        agg = Aggregate();
        agg.devices = 1;
        agg.online = online ? 1 : 0;
        agg.offTarget = offTarget() ? 1 : 0;
        agg.pending = pending ? 1 : 0;
        agg.firmware.emplace_back(firmware, 1);
    }
    static bool lessThan(const Item *a, const Item *b)
    {
        return compareSortKeys(rankOf(a->kind), a->title, a->key, rankOf(b->kind), b->title, b->key)
            < 0;
    }
    // Where a child with this sort key goes among `children` (the first not less than it).
    std::size_t lowerBound(ItemKind k, const QString &t, const QString &id) const
    {
        const int rank = rankOf(k);
        const auto it
            = std::partition_point(children.cbegin(), children.cend(), [&](const ItemPtr &c) {
                  return compareSortKeys(rankOf(c->kind), c->title, c->key, rank, t, id) < 0;
              });
        return static_cast<std::size_t>(it - children.cbegin());
    }
};

// What one change set touched: rows whose own data changed, and containers whose aggregates
// changed; signalled once each at the end.
struct FleetTreeModel::Batch
{
    QList<Item *> rowOrder;
    QSet<Item *> rows;
    QList<Item *> aggregateOrder;
    QSet<Item *> aggregates;

    void row(Item *item)
    {
        if (!rows.contains(item)) {
            rows.insert(item);
            rowOrder.append(item);
        }
    }
    void aggregate(Item *item)
    {
        if (!aggregates.contains(item)) {
            aggregates.insert(item);
            aggregateOrder.append(item);
        }
    }
    void forget(Item *item)
    {
        rows.remove(item);
        aggregates.remove(item);
    }
};

FleetTreeModel::FleetTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    clear();
}

FleetTreeModel::FleetTreeModel(Sync::SyncEngine *engine, QObject *parent)
    : FleetTreeModel(parent)
{
    followEngine(engine);
}

FleetTreeModel::~FleetTreeModel() = default;

void FleetTreeModel::followEngine(Sync::SyncEngine *engine)
{
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    if (!engine)
        return;
    connect(engine, &Sync::SyncEngine::overviewLoaded, this,
        [this](const Sync::FleetState &fleet, const Sync::FleetOverview &overview) {
            if (!m_engine->isLoaded())
                showOverview(fleet, overview);
        });
    connect(engine, &Sync::SyncEngine::loaded, this,
        [this] { reset(m_engine->state(), m_engine->pendingDevices()); });
    connect(engine, &Sync::SyncEngine::fleetChanged, this,
        [this](const Sync::FleetDelta &delta) { applyDelta(m_engine->state(), delta); });
    connect(engine, &Sync::SyncEngine::pendingChanged, this,
        [this] { setPending(m_engine->pendingDevices()); });
    if (engine->isLoaded())
        reset(engine->state(), engine->pendingDevices());
}

// --- building -----------------------------------------------------------------------------

void FleetTreeModel::clear()
{
    m_devices.clear();
    m_nodes.clear();
    m_root = std::make_unique<Item>();
    m_root->kind = ItemKind::Customer; // never shown; sorts nothing
    std::size_t i = 0;
    for (const ItemKind kind : {ItemKind::Unassigned, ItemKind::Returns, ItemKind::NeedsRepair}) {
        auto pool = std::make_unique<Item>();
        pool->kind = kind;
        pool->title = poolTitle(kind);
        pool->parent = m_root.get();
        m_pools[i++] = pool.get();
        m_root->children.push_back(std::move(pool));
    }
}

QString FleetTreeModel::poolTitle(ItemKind kind) const
{
    switch (kind) {
    case ItemKind::Unassigned:
        return Text::tr("Unassigned");
    case ItemKind::Returns:
        return m_hierarchy.returnsTitle().isEmpty() ? Text::tr("Returns")
                                                    : m_hierarchy.returnsTitle();
    case ItemKind::NeedsRepair:
        return Text::tr("Needs repair");
    case ItemKind::Customer:
    case ItemKind::Group:
    case ItemKind::Device:
        break;
    }
    return QString();
}

FleetTreeModel::ItemPtr FleetTreeModel::makeNode(const Domain::Node &node) const
{
    auto item = std::make_unique<Item>();
    item->kind = node.kind == Domain::NodeKind::Customer ? ItemKind::Customer : ItemKind::Group;
    item->key = node.path;
    item->title = node.title;
    item->extra = node.account;
    return item;
}

void FleetTreeModel::fillDevice(
    Item *item, const Domain::Device &device, const Domain::Placement &placement)
{
    item->kind = ItemKind::Device;
    item->key = device.id;
    item->title = device.name;
    item->firmware = device.firmwareVersion;
    item->target = device.targetedFirmwareVersion.value_or(NoTarget);
    item->online = device.online;
    item->pending = m_pending.contains(device.id);
    item->extra = placement.kind == Domain::PlacementKind::Inconsistent ? problemText(placement)
                                                                        : QString();
    item->refreshOwnAggregate();
}

FleetTreeModel::Item *FleetTreeModel::poolItem(ItemKind kind) const
{
    const int rank = rankOf(kind);
    if (rank < 1 || rank > PoolCount)
        return nullptr;
    return m_pools[static_cast<std::size_t>(rank - 1)];
}

FleetTreeModel::Item *FleetTreeModel::containerFor(const Domain::Placement &placement) const
{
    switch (placement.kind) {
    case Domain::PlacementKind::Unassigned:
        return poolItem(ItemKind::Unassigned);
    case Domain::PlacementKind::Returns:
        return poolItem(ItemKind::Returns);
    case Domain::PlacementKind::Node:
        if (Item *node = m_nodes.value(placement.path))
            return node;
        break;
    case Domain::PlacementKind::Inconsistent:
        break;
    }
    return poolItem(ItemKind::NeedsRepair);
}

void FleetTreeModel::reset(const Sync::FleetState &state, const QSet<QString> &pending)
{
    beginResetModel();
    m_productId = state.product.id;
    m_pending = pending;
    m_hierarchy = state.hierarchy();
    m_overview = false;
    clear();
    buildNodes();

    PlacementCache placements(m_hierarchy);
    m_devices.reserve(state.devices.size());
    for (const Domain::Device &device : state.devices) {
        const Domain::Placement placement = placements.place(device.groups);
        Item *parent = containerFor(placement);
        auto item = std::make_unique<Item>();
        fillDevice(item.get(), device, placement);
        item->parent = parent;
        m_devices.insert(device.id, item.get());
        parent->children.push_back(std::move(item));
    }

    sortAndSum({});
    endResetModel();
}

void FleetTreeModel::showOverview(
    const Sync::FleetState &state, const Sync::FleetOverview &overview)
{
    beginResetModel();
    m_productId = state.product.id;
    m_pending.clear();
    m_hierarchy = state.hierarchy();
    m_overview = true;
    clear();
    buildNodes();
    QHash<const Item *, Aggregate> own;
    own.insert(poolItem(ItemKind::Unassigned), overview.unassigned);
    own.insert(poolItem(ItemKind::Returns), overview.returns);
    Aggregate &needsRepair = own[poolItem(ItemKind::NeedsRepair)];
    needsRepair = overview.needsRepair;
    for (auto it = overview.nodes.cbegin(); it != overview.nodes.cend(); ++it) {
        // Counted at a node that is gone since: such devices need repair, as reset() finds.
        if (const Item *node = m_nodes.value(it.key()))
            own[node].add(it.value(), 1);
        else
            needsRepair.add(it.value(), 1);
    }
    sortAndSum(own);
    endResetModel();
}

// Nodes in pre-order, so that a parent exists before its children.
void FleetTreeModel::buildNodes()
{
    for (const Domain::Node &node : m_hierarchy.nodes()) {
        Item *parent = node.kind == Domain::NodeKind::Customer
            ? m_root.get()
            : m_nodes.value(Domain::parentPath(node.path));
        if (!parent)
            continue; // a node's parent is a node (Hierarchy guarantees it)
        ItemPtr item = makeNode(node);
        item->parent = parent;
        m_nodes.insert(node.path, item.get());
        parent->children.push_back(std::move(item));
    }
}

// Sorts every container and sums its subtree (its own counts, if any, and its children's),
// bottom-up.
void FleetTreeModel::sortAndSum(const QHash<const Item *, Aggregate> &ownCounts)
{
    const auto build = [&ownCounts](auto &self, Item *item) -> void {
        if (item->isDevice())
            return;
        std::sort(item->children.begin(), item->children.end(),
            [](const ItemPtr &a, const ItemPtr &b) { return Item::lessThan(a.get(), b.get()); });
        item->agg = ownCounts.value(item);
        for (const ItemPtr &child : item->children) {
            self(self, child.get());
            item->agg.add(child->agg, 1);
        }
    };
    build(build, m_root.get());
}

// --- incremental changes --------------------------------------------------------------------

void FleetTreeModel::applyDelta(const Sync::FleetState &stateAfter, const Sync::FleetDelta &delta)
{
    Batch batch;
    bool nodesChanged = false;
    if (delta.groupsChanged()) {
        Domain::Hierarchy after = stateAfter.hierarchy();
        nodesChanged = after.nodes().keys() != m_hierarchy.nodes().keys();
        m_hierarchy = std::move(after);
        updateNodes(m_hierarchy, batch);
        Item *returns = poolItem(ItemKind::Returns);
        if (returns->title != poolTitle(ItemKind::Returns)) {
            returns->title = poolTitle(ItemKind::Returns);
            batch.row(returns);
        }
    }

    for (const QString &id : delta.removedDevices) {
        if (Item *item = m_devices.value(id))
            removeItem(item, batch);
    }

    // Added and changed devices alike: a device the model has is updated, one it has not is
    // inserted. A device named twice counts with its last value.
    QList<const Domain::Device *> incoming;
    incoming.reserve(delta.addedDevices.size() + delta.changedDevices.size());
    for (const Domain::Device &device : delta.addedDevices)
        incoming.append(&device);
    for (const Domain::Device &device : delta.changedDevices)
        incoming.append(&device);
    QHash<QString, qsizetype> last;
    for (qsizetype i = 0; i < incoming.size(); ++i)
        last.insert(incoming.at(i)->id, i);

    PlacementCache placements(m_hierarchy);
    std::map<Item *, std::vector<ItemPtr>> inserts;
    for (qsizetype i = 0; i < incoming.size(); ++i) {
        const Domain::Device &device = *incoming.at(i);
        if (last.value(device.id) != i)
            continue;
        const Domain::Placement placement = placements.place(device.groups);
        if (Item *item = m_devices.value(device.id)) {
            updateDevice(item, device, placement, batch);
            continue;
        }
        auto item = std::make_unique<Item>();
        fillDevice(item.get(), device, placement);
        inserts[containerFor(placement)].push_back(std::move(item));
    }

    // Where a device sits depends on which groups are nodes: when that changed, every device
    // may have moved (into or out of Needs repair, or with a renamed subtree).
    if (nodesChanged) {
        for (auto it = m_devices.cbegin(); it != m_devices.cend(); ++it) {
            if (last.contains(it.key()))
                continue;
            const auto device = stateAfter.devices.constFind(it.key());
            if (device != stateAfter.devices.cend())
                updateDevice(it.value(), *device, placements.place(device->groups), batch);
        }
    }

    for (auto &[parent, items] : inserts) {
        std::sort(items.begin(), items.end(),
            [](const ItemPtr &a, const ItemPtr &b) { return Item::lessThan(a.get(), b.get()); });
        insertDevices(parent, std::move(items), batch);
    }

    // Nodes that are gone, deepest first; their devices have moved out by now.
    if (delta.groupsChanged()) {
        QStringList stale;
        for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
            if (!m_hierarchy.isNode(it.key()))
                stale.append(it.key());
        }
        std::sort(stale.begin(), stale.end(), std::greater<QString>());
        for (const QString &path : std::as_const(stale)) {
            if (Item *item = m_nodes.value(path))
                removeItem(item, batch);
        }
    }
    finish(batch);
}

void FleetTreeModel::updateNodes(const Domain::Hierarchy &after, Batch &batch)
{
    const QMap<QString, Domain::Node> &nodes = after.nodes();
    // Node rows whose path is no node any more: a renamed or moved subtree finds its old row
    // among them, the rest are removed at the end.
    QSet<QString> candidates;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        if (!nodes.contains(it.key()))
            candidates.insert(it.key());
    }
    const auto isInside = [](const Item *item, const Item *ancestor) {
        for (; item; item = item->parent) {
            if (item == ancestor)
                return true;
        }
        return false;
    };

    for (const Domain::Node &node : nodes) { // pre-order: parents first
        Item *parent = node.kind == Domain::NodeKind::Customer
            ? m_root.get()
            : m_nodes.value(Domain::parentPath(node.path));
        if (!parent)
            continue;
        const ItemKind kind
            = node.kind == Domain::NodeKind::Customer ? ItemKind::Customer : ItemKind::Group;
        Item *item = m_nodes.value(node.path);
        if (!item) {
            // The same node under a new path: same kind, title and account, moved (same last
            // slug) or renamed in place (same parent). The best match wins; none: a new row.
            Item *best = nullptr;
            int bestScore = -1;
            QString bestKey;
            for (const QString &key : std::as_const(candidates)) {
                Item *c = m_nodes.value(key);
                if (!c || c->kind != kind || c->title != node.title || c->extra != node.account
                    || isInside(parent, c))
                    continue;
                const int score = (Domain::lastSlug(key) == Domain::lastSlug(node.path) ? 2 : 0)
                    + (c->parent == parent ? 1 : 0);
                if (score > bestScore || (score == bestScore && key < bestKey)) {
                    best = c;
                    bestScore = score;
                    bestKey = key;
                }
            }
            if (!best) {
                insertNode(parent, makeNode(node));
                continue;
            }
            // One move to its new place, then the paths below it.
            const QString oldPath = best->key;
            relocate(best, parent, node.title, node.path, batch);
            m_nodes.remove(oldPath);
            m_nodes.insert(node.path, best);
            batch.row(best);
            rekeyDescendants(best, oldPath, batch);
            for (auto it = candidates.begin(); it != candidates.end();) {
                if (m_nodes.value(*it) == nullptr)
                    it = candidates.erase(it);
                else
                    ++it;
            }
            item = best;
        }
        if (item->parent != parent || item->title != node.title) {
            if (item->title != node.title)
                batch.row(item);
            relocate(item, parent, node.title, item->key, batch);
        }
        if (item->extra != node.account) {
            item->extra = node.account;
            batch.row(item);
        }
    }
}

// Gives the node rows below `item` the paths under its new path (`oldPath` was its path).
// Sibling order does not change: every path below it loses and gains the same prefix.
void FleetTreeModel::rekeyDescendants(Item *item, const QString &oldPath, Batch &batch)
{
    const QString newPath = item->key;
    const auto walk = [&](auto &self, Item *parent) -> void {
        for (const ItemPtr &child : parent->children) {
            if (child->isDevice())
                continue;
            m_nodes.remove(child->key);
            child->key = newPath + child->key.mid(oldPath.size());
            m_nodes.insert(child->key, child.get());
            batch.row(child.get());
            self(self, child.get());
        }
    };
    walk(walk, item);
}

void FleetTreeModel::updateDevice(
    Item *item, const Domain::Device &device, const Domain::Placement &placement, Batch &batch)
{
    Item *parent = containerFor(placement);
    const QString problem = placement.kind == Domain::PlacementKind::Inconsistent
        ? problemText(placement)
        : QString();
    const int target = device.targetedFirmwareVersion.value_or(NoTarget);
    const bool pending = m_pending.contains(device.id);
    if (parent != item->parent || item->title != device.name) {
        if (item->title != device.name)
            batch.row(item);
        relocate(item, parent, device.name, item->key, batch);
    }
    if (item->firmware != device.firmwareVersion || item->target != target
        || item->online != device.online || item->pending != pending || item->extra != problem) {
        addToAncestors(item->parent, item, -1, batch);
        item->firmware = device.firmwareVersion;
        item->target = target;
        item->online = device.online;
        item->pending = pending;
        item->extra = problem;
        item->refreshOwnAggregate();
        addToAncestors(item->parent, item, 1, batch);
        batch.row(item);
    }
}

void FleetTreeModel::setPending(const QSet<QString> &pending)
{
    Batch batch;
    QSet<QString> flipped = pending;
    flipped.subtract(m_pending);
    for (const QString &id : std::as_const(m_pending)) {
        if (!pending.contains(id))
            flipped.insert(id);
    }
    m_pending = pending;
    for (const QString &id : std::as_const(flipped)) {
        Item *item = m_devices.value(id);
        if (!item || item->pending == pending.contains(id))
            continue;
        addToAncestors(item->parent, item, -1, batch);
        item->pending = !item->pending;
        item->refreshOwnAggregate();
        addToAncestors(item->parent, item, 1, batch);
        batch.row(item);
    }
    finish(batch);
}

void FleetTreeModel::insertNode(Item *parent, ItemPtr item)
{
    const std::size_t pos = parent->lowerBound(item->kind, item->title, item->key);
    const int row = static_cast<int>(pos);
    beginInsertRows(indexOf(parent), row, row);
    item->parent = parent;
    m_nodes.insert(item->key, item.get());
    parent->children.insert(
        parent->children.begin() + static_cast<std::ptrdiff_t>(pos), std::move(item));
    endInsertRows();
}

// `items` sorted; inserted in runs: the items that go between the same two existing rows are
// one rowsInserted.
void FleetTreeModel::insertDevices(Item *parent, std::vector<ItemPtr> items, Batch &batch)
{
    std::size_t i = 0;
    std::size_t from = 0;
    const QModelIndex parentIndex = indexOf(parent);
    auto &children = parent->children;
    while (i < items.size()) {
        const Item *first = items[i].get();
        const auto pos = static_cast<std::size_t>(
            std::lower_bound(children.cbegin() + static_cast<std::ptrdiff_t>(from), children.cend(),
                first, [](const ItemPtr &c, const Item *x) { return Item::lessThan(c.get(), x); })
            - children.cbegin());
        std::size_t end = i + 1;
        while (end < items.size()
            && (pos == children.size() || Item::lessThan(items[end].get(), children[pos].get())))
            ++end;
        const int count = static_cast<int>(end - i);
        beginInsertRows(parentIndex, static_cast<int>(pos), static_cast<int>(pos) + count - 1);
        for (std::size_t k = i; k < end; ++k) {
            items[k]->parent = parent;
            m_devices.insert(items[k]->key, items[k].get());
            addToAncestors(parent, items[k].get(), 1, batch);
        }
        children.insert(children.begin() + static_cast<std::ptrdiff_t>(pos),
            std::make_move_iterator(items.begin() + static_cast<std::ptrdiff_t>(i)),
            std::make_move_iterator(items.begin() + static_cast<std::ptrdiff_t>(end)));
        endInsertRows();
        from = pos + static_cast<std::size_t>(count);
        i = end;
    }
}

void FleetTreeModel::removeItem(Item *item, Batch &batch)
{
    Item *parent = item->parent;
    const int row = rowOf(item);
    beginRemoveRows(indexOf(parent), row, row);
    addToAncestors(parent, item, -1, batch);
    const auto forget = [&](auto &self, Item *x) -> void {
        batch.forget(x);
        if (x->isDevice()) {
            if (m_devices.value(x->key) == x)
                m_devices.remove(x->key);
            return;
        }
        if (m_nodes.value(x->key) == x)
            m_nodes.remove(x->key);
        for (const ItemPtr &child : x->children)
            self(self, child.get());
    };
    forget(forget, item);
    ItemPtr owned = std::move(parent->children[static_cast<std::size_t>(row)]);
    parent->children.erase(parent->children.begin() + row);
    endRemoveRows();
}

// Moves `item` to its place under `newParent` for its new sort key: one rowsMoved, or nothing
// when it stays where it is.
void FleetTreeModel::relocate(
    Item *item, Item *newParent, const QString &newTitle, const QString &newKey, Batch &batch)
{
    Item *oldParent = item->parent;
    const int from = rowOf(item);
    const int to = static_cast<int>(newParent->lowerBound(item->kind, newTitle, newKey));
    if (oldParent == newParent && (to == from || to == from + 1)) {
        item->title = newTitle;
        item->key = newKey;
        return;
    }
    const bool ok = beginMoveRows(indexOf(oldParent), from, from, indexOf(newParent), to);
    Q_ASSERT(ok);
    Q_UNUSED(ok)
    ItemPtr owned = std::move(oldParent->children[static_cast<std::size_t>(from)]);
    oldParent->children.erase(oldParent->children.begin() + from);
    const int at = (oldParent == newParent && to > from) ? to - 1 : to;
    item->title = newTitle;
    item->key = newKey;
    item->parent = newParent;
    newParent->children.insert(newParent->children.begin() + at, std::move(owned));
    endMoveRows();
    if (oldParent != newParent) {
        addToAncestors(oldParent, item, -1, batch);
        addToAncestors(newParent, item, 1, batch);
    }
}

void FleetTreeModel::addToAncestors(Item *from, const Item *source, int sign, Batch &batch)
{
    for (Item *a = from; a; a = a->parent) {
        a->agg.add(source->agg, sign);
        if (a != m_root.get())
            batch.aggregate(a);
    }
}

void FleetTreeModel::finish(Batch &batch)
{
    for (Item *item : std::as_const(batch.rowOrder)) {
        if (!batch.rows.remove(item))
            continue;
        batch.aggregates.remove(item);
        Q_EMIT dataChanged(indexOf(item, NameColumn), indexOf(item, PendingColumn));
    }
    for (Item *item : std::as_const(batch.aggregateOrder)) {
        if (batch.aggregates.remove(item))
            Q_EMIT dataChanged(
                indexOf(item, NameColumn), indexOf(item, PendingColumn), aggregateRoles());
    }
}

// --- lookup ---------------------------------------------------------------------------------

FleetTreeModel::Item *FleetTreeModel::itemFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Item *>(index.internalPointer()) : m_root.get();
}

int FleetTreeModel::rowOf(const Item *item) const
{
    const auto &siblings = item->parent->children;
    const auto it = std::lower_bound(siblings.cbegin(), siblings.cend(), item,
        [](const ItemPtr &c, const Item *x) { return Item::lessThan(c.get(), x); });
    if (it != siblings.cend() && it->get() == item)
        return static_cast<int>(it - siblings.cbegin());
    // Not reached while the siblings are sorted; a linear search keeps the index right anyway.
    const auto found = std::find_if(
        siblings.cbegin(), siblings.cend(), [item](const ItemPtr &c) { return c.get() == item; });
    Q_ASSERT(found != siblings.cend());
    return static_cast<int>(found - siblings.cbegin());
}

QModelIndex FleetTreeModel::indexOf(const Item *item, int column) const
{
    if (!item || item == m_root.get())
        return QModelIndex();
    return createIndex(rowOf(item), column, const_cast<Item *>(item));
}

QModelIndex FleetTreeModel::indexForDevice(const QString &deviceId, int column) const
{
    return indexOf(m_devices.value(deviceId), column);
}

QModelIndex FleetTreeModel::indexForNode(const QString &path, int column) const
{
    return indexOf(m_nodes.value(path), column);
}

QModelIndex FleetTreeModel::indexForPool(ItemKind kind, int column) const
{
    return indexOf(poolItem(kind), column);
}

int FleetTreeModel::deviceCount() const
{
    return static_cast<int>(m_devices.size());
}

// --- QAbstractItemModel ---------------------------------------------------------------------

QModelIndex FleetTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return QModelIndex();
    Item *p = itemFor(parent);
    return createIndex(row, column, p->children[static_cast<std::size_t>(row)].get());
}

QModelIndex FleetTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return QModelIndex();
    return indexOf(itemFor(child)->parent);
}

int FleetTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return static_cast<int>(itemFor(parent)->children.size());
}

int FleetTreeModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

bool FleetTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

namespace {

QString firmwareText(const FirmwareCounts &firmware)
{
    QStringList parts;
    for (const auto &[version, count] : firmware) {
        const QString devices = QLocale().toString(count);
        parts.append(version == 0 ? Text::tr("none ×%1").arg(devices)
                                  : Text::tr("v%1 ×%2").arg(version).arg(devices));
    }
    return parts.join(QStringLiteral(", "));
}

QVariantMap firmwareMap(const FirmwareCounts &firmware)
{
    QVariantMap map;
    for (const auto &[version, count] : firmware)
        map.insert(QString::number(version), count);
    return map;
}

} // namespace

QVariant FleetTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return QVariant();
    const Item *item = itemFor(index);
    const bool device = item->isDevice();
    const bool node = item->kind == ItemKind::Customer || item->kind == ItemKind::Group;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return device && item->title.isEmpty() ? item->key : item->title;
        case DevicesColumn:
            return device ? QVariant() : QVariant(item->agg.devices);
        case OnlineColumn:
            if (device)
                return item->online ? Text::tr("online") : Text::tr("offline");
            return item->agg.online;
        case FirmwareColumn:
            if (device)
                return item->firmware == 0 ? Text::tr("none") : Text::tr("v%1").arg(item->firmware);
            return firmwareText(item->agg.firmware);
        case OffTargetColumn:
            if (device)
                return item->offTarget() ? Text::tr("→ v%1").arg(item->target) : QVariant();
            return item->agg.offTarget;
        case PendingColumn:
            if (device)
                return item->pending ? Text::tr("pending") : QVariant();
            return item->agg.pending;
        default:
            return QVariant();
        }
    case Qt::ToolTipRole:
        if (index.column() != NameColumn)
            return QVariant();
        if (device)
            return item->extra.isEmpty() ? item->key
                                         : QString(item->key + QLatin1Char('\n') + item->extra);
        if (node)
            return item->extra.isEmpty()
                ? item->key
                : Text::tr("%1 (customer account %2)").arg(item->key, item->extra);
        return QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == NameColumn || index.column() == FirmwareColumn)
            return QVariant();
        return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
    case KindRole:
        return static_cast<int>(item->kind);
    case NodePathRole:
        return node ? QVariant(item->key) : QVariant();
    case DeviceIdRole:
        return device ? QVariant(item->key) : QVariant();
    case TitleRole:
        return item->title;
    case DeviceCountRole:
        return item->agg.devices;
    case OnlineCountRole:
        return item->agg.online;
    case FirmwareVersionsRole:
        return firmwareMap(item->agg.firmware);
    case OffTargetCountRole:
        return item->agg.offTarget;
    case PendingCountRole:
        return item->agg.pending;
    case PlacementProblemRole:
        return device ? QVariant(item->extra) : QVariant();
    case FirmwareVersionRole:
        return device ? QVariant(item->firmware) : QVariant();
    case TargetVersionRole:
        return device && item->target != NoTarget ? QVariant(item->target) : QVariant();
    case OnlineRole:
        return device ? QVariant(item->online) : QVariant();
    case PendingRole:
        return device ? QVariant(item->pending) : QVariant();
    case AccountRole:
        return item->kind == ItemKind::Customer ? QVariant(item->extra) : QVariant();
    default:
        return QVariant();
    }
}

QVariant FleetTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case NameColumn:
        return Text::tr("Name");
    case DevicesColumn:
        return Text::tr("Devices");
    case OnlineColumn:
        return Text::tr("Online");
    case FirmwareColumn:
        return Text::tr("Firmware");
    case OffTargetColumn:
        return Text::tr("Off target");
    case PendingColumn:
        return Text::tr("Pending");
    default:
        return QVariant();
    }
}

Qt::ItemFlags FleetTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags; // nothing is dropped between customers
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    switch (itemFor(index)->kind) {
    case ItemKind::Device:
        return f | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
    case ItemKind::Customer: // draggable, so that the refusal says why
    case ItemKind::Group:
        return f | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
    case ItemKind::Unassigned:
    case ItemKind::Returns:
        return f | Qt::ItemIsDropEnabled;
    case ItemKind::NeedsRepair:
        return f;
    }
    return f;
}

// --- drag and drop --------------------------------------------------------------------------

QList<DragItem> FleetTreeModel::dragItems(const QModelIndexList &indexes) const
{
    QList<DragItem> items;
    QSet<const Item *> seen;
    for (const QModelIndex &index : indexes) {
        if (!index.isValid() || index.model() != this)
            continue;
        const Item *item = itemFor(index);
        if (seen.contains(item))
            continue; // one row, several columns
        seen.insert(item);
        items.append(DragItem {item->kind, item->key});
    }
    return items;
}

std::optional<DropTarget> FleetTreeModel::dropTarget(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.model() != this)
        return std::nullopt;
    const Item *item = itemFor(parent);
    return DropTarget {item->kind, item->key};
}

DropVerdict FleetTreeModel::verdict(const QMimeData *data, const QModelIndex &parent) const
{
    DropVerdict refused;
    if (!data || !data->hasFormat(ItemsMimeType)) {
        refused.reason = Text::tr("Only devices and groups of the fleet tree can be dropped here");
        return refused;
    }
    const std::optional<DecodedDrag> decoded = decodeDragItems(data->data(ItemsMimeType));
    if (!decoded) {
        refused.reason = Text::tr("The dragged items cannot be read");
        return refused;
    }
    if (decoded->productId != m_productId) {
        refused.reason = Text::tr("The dragged items belong to another product");
        return refused;
    }
    const std::optional<DropTarget> target = dropTarget(parent);
    if (!target) {
        refused.reason = Text::tr("Drop onto a customer, a group or a pool");
        return refused;
    }
    return checkDrop(decoded->items, *target, m_hierarchy);
}

QStringList FleetTreeModel::mimeTypes() const
{
    return {ItemsMimeType};
}

QMimeData *FleetTreeModel::mimeData(const QModelIndexList &indexes) const
{
    const QList<DragItem> items = dragItems(indexes);
    if (items.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(ItemsMimeType, encodeDragItems(items, m_productId));
    return mime;
}

Qt::DropActions FleetTreeModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions FleetTreeModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

bool FleetTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row,
    int column, const QModelIndex &parent) const
{
    Q_UNUSED(row)
    Q_UNUSED(column)
    return action == Qt::MoveAction && verdict(data, parent).allowed;
}

bool FleetTreeModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    Q_UNUSED(row)
    Q_UNUSED(column)
    if (action == Qt::IgnoreAction)
        return true;
    if (action != Qt::MoveAction)
        return false;
    const DropVerdict v = verdict(data, parent);
    if (!v.allowed)
        return false;
    DropRequest request;
    request.items = decodeDragItems(data->data(ItemsMimeType))->items;
    request.target = *dropTarget(parent);
    request.operation = v.operation;
    request.moveTarget = v.moveTarget;
    request.newParentPath = v.newParentPath;
    Q_EMIT dropRequested(request);
    return true;
}

} // namespace Flotilla::Tree
