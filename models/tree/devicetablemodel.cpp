// SPDX-License-Identifier: MIT
#include "tree/devicetablemodel.h"

#include "domain/nodepath.h"
#include "tree/dragdrop.h"

#include <QDateTime>
#include <QLocale>
#include <QMimeData>

#include <algorithm>
#include <iterator>
#include <limits>
#include <utility>

namespace Flotilla::Tree {

namespace {

constexpr int NoVersion = -1;
constexpr int UnassignedLocation = 0;
constexpr int ReturnsLocation = 1;
constexpr int NeedsRepairLocation = 2;
// The tie of a row added by a delta: after the rows with an equal key.
constexpr quint32 NewTie = std::numeric_limits<quint32>::max();

QString problemText(const Domain::Placement &placement)
{
    QStringList messages;
    for (const Domain::PlacementProblem &p : placement.problems)
        messages.append(p.message);
    return messages.join(QLatin1Char('\n'));
}

template<typename T>
int compareValues(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

int compareText(QStringView a, QStringView b)
{
    const int c = a.compare(b);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

QString versionText(int version)
{
    return DeviceTableModel::tr("v%1").arg(version);
}

} // namespace

std::optional<DeviceScope> DeviceScope::forTreeItem(ItemKind kind, const QString &path)
{
    switch (kind) {
    case ItemKind::Customer:
    case ItemKind::Group:
        return node(path);
    case ItemKind::Unassigned:
        return unassigned();
    case ItemKind::Returns:
        return returns();
    case ItemKind::NeedsRepair:
        return needsRepair();
    case ItemKind::Device:
        break;
    }
    return std::nullopt;
}

bool DeviceScope::contains(const Domain::Placement &placement) const
{
    switch (kind) {
    case Kind::All:
        return true;
    case Kind::Node:
        return placement.kind == Domain::PlacementKind::Node
            && Domain::isAncestorOrSelf(path, placement.path);
    case Kind::Unassigned:
        return placement.kind == Domain::PlacementKind::Unassigned;
    case Kind::Returns:
        return placement.kind == Domain::PlacementKind::Returns;
    case Kind::NeedsRepair:
        return placement.kind == Domain::PlacementKind::Inconsistent;
    }
    return false;
}

// Where devices sit, for the table: a node's "Customer › site" titles or a pool.
struct DeviceTableModel::Location
{
    QString path; // nodes; empty for the pools
    QString text; // for display
    QString folded; // fold(text) Separator path: the sort key and what in: searches
};

// One device of the scope. The text fields are kept as they are (for display) and once more,
// case-folded, in one string `key` (for the filter and the sort): id, name, serial, notes and
// owner, separated by DeviceFilter::Separator.
struct DeviceTableModel::Record
{
    QString id;
    QString name;
    QString serial;
    QString notes;
    QString owner;
    QString key;
    QString problem; // Needs repair: why
    qint64 lastHeardMs = 0;
    int nameAt = 0; // where the fields start in `key`
    int serialAt = 0;
    int notesAt = 0;
    int ownerAt = 0;
    int location = UnassignedLocation;
    int firmware = 0;
    int target = NoVersion;
    int locked = NoVersion;
    quint32 tie = NewTie; // the row's position when the model was last sorted
    bool online = false;
    bool development = false;
    bool pending = false;
    bool live = false; // false: a free slot

    QStringView field(int from, int next) const
    {
        return QStringView(key).mid(from, next - from - 1);
    }
    QStringView foldedId() const { return field(0, nameAt); }
    QStringView foldedName() const { return field(nameAt, serialAt); }
    QStringView foldedSerial() const { return field(serialAt, notesAt); }
    QStringView foldedNotes() const { return field(notesAt, ownerAt); }
    QStringView foldedOwner() const { return QStringView(key).mid(ownerAt); }
    QStringView searchText() const { return QStringView(key).left(ownerAt - 1); }

    bool sameContent(const Record &o) const
    {
        return id == o.id && name == o.name && serial == o.serial && notes == o.notes
            && owner == o.owner && problem == o.problem && lastHeardMs == o.lastHeardMs
            && location == o.location && firmware == o.firmware && target == o.target
            && locked == o.locked && online == o.online && development == o.development
            && pending == o.pending;
    }
};

// placeDevice() and the scope test for many devices: most share their group list with others.
class DeviceTableModel::Placer final
{
public:
    struct Result
    {
        int location = UnassignedLocation;
        bool inScope = false;
        QString problem;
    };

    explicit Placer(DeviceTableModel &model)
        : m_model(model)
    { }

    const Result &place(const QStringList &groups)
    {
        const auto it = m_cache.constFind(groups);
        if (it != m_cache.cend())
            return it.value();
        const Domain::Placement placement = Domain::placeDevice(groups, m_model.m_hierarchy);
        Result result;
        result.location = m_model.locationFor(placement);
        result.inScope = m_model.m_scope.contains(placement);
        if (placement.kind == Domain::PlacementKind::Inconsistent)
            result.problem = problemText(placement);
        return m_cache.insert(groups, result).value();
    }

private:
    DeviceTableModel &m_model;
    QHash<QStringList, Result> m_cache;
};

DeviceTableModel::DeviceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

DeviceTableModel::~DeviceTableModel() = default;

// --- building ----------------------------------------------------------------------------

DeviceTableModel::Record DeviceTableModel::makeRecord(
    const Domain::Device &device, int location, const QString &problem) const
{
    Record r;
    r.id = device.id;
    r.name = device.name;
    r.serial = device.serialNumber;
    r.notes = device.notes;
    r.owner = device.owner;
    r.problem = problem;
    r.lastHeardMs = device.lastHeardMs;
    r.location = location;
    r.firmware = device.firmwareVersion;
    r.target = device.targetedFirmwareVersion.value_or(NoVersion);
    r.locked = device.desiredFirmwareVersion.value_or(NoVersion);
    r.online = device.online;
    r.development = device.development;
    r.pending = m_pending.contains(device.id);

    const QChar sep = DeviceFilter::Separator;
    QString raw;
    raw.reserve(
        r.id.size() + r.name.size() + r.serial.size() + r.notes.size() + r.owner.size() + 4);
    raw.append(r.id).append(sep);
    r.nameAt = static_cast<int>(raw.size());
    raw.append(r.name).append(sep);
    r.serialAt = static_cast<int>(raw.size());
    raw.append(r.serial).append(sep);
    r.notesAt = static_cast<int>(raw.size());
    raw.append(r.notes).append(sep);
    r.ownerAt = static_cast<int>(raw.size());
    raw.append(r.owner);
    const qsizetype rawSize = raw.size();
    r.key = std::move(raw).toCaseFolded();
    if (r.key.size() != rawSize) {
        // A character whose folding changes the length: fold field by field.
        const QStringList parts = {DeviceFilter::fold(r.id), DeviceFilter::fold(r.name),
            DeviceFilter::fold(r.serial), DeviceFilter::fold(r.notes), DeviceFilter::fold(r.owner)};
        r.nameAt = static_cast<int>(parts.at(0).size() + 1);
        r.serialAt = static_cast<int>(r.nameAt + parts.at(1).size() + 1);
        r.notesAt = static_cast<int>(r.serialAt + parts.at(2).size() + 1);
        r.ownerAt = static_cast<int>(r.notesAt + parts.at(3).size() + 1);
        r.key = parts.join(sep);
    }
    return r;
}

int DeviceTableModel::locationFor(const Domain::Placement &placement)
{
    switch (placement.kind) {
    case Domain::PlacementKind::Unassigned:
        return UnassignedLocation;
    case Domain::PlacementKind::Returns:
        return ReturnsLocation;
    case Domain::PlacementKind::Inconsistent:
        return NeedsRepairLocation;
    case Domain::PlacementKind::Node:
        break;
    }
    const auto it = m_locationByPath.constFind(placement.path);
    if (it != m_locationByPath.cend())
        return it.value();
    const int index = static_cast<int>(m_locations.size());
    Location location {placement.path, QString(), QString()};
    location.text = locationText(location, index);
    location.folded = DeviceFilter::fold(location.text) + DeviceFilter::Separator + location.path;
    m_locations.push_back(std::move(location));
    m_locationByPath.insert(placement.path, index);
    return index;
}

QString DeviceTableModel::locationText(const Location &location, int index) const
{
    switch (index) {
    case UnassignedLocation:
        return tr("Unassigned");
    case ReturnsLocation:
        return m_hierarchy.returnsTitle().isEmpty() ? tr("Returns") : m_hierarchy.returnsTitle();
    case NeedsRepairLocation:
        return tr("Needs repair");
    default:
        break;
    }
    QString text;
    for (const QString &p : Domain::pathChain(location.path)) {
        const Domain::Node *node = m_hierarchy.node(p);
        const QString title = node ? node->title : Domain::lastSlug(p);
        text = text.isEmpty() ? title : tr("%1 › %2").arg(text, title);
    }
    return text;
}

void DeviceTableModel::refreshLocations(QList<int> *changed)
{
    if (m_locations.size() < 3)
        m_locations.resize(3);
    for (int i = 0; i < static_cast<int>(m_locations.size()); ++i) {
        Location &l = m_locations[static_cast<size_t>(i)];
        const QString text = locationText(l, i);
        if (text == l.text && !l.folded.isEmpty())
            continue;
        l.text = text;
        l.folded = DeviceFilter::fold(text) + DeviceFilter::Separator + l.path;
        changed->append(i);
    }
}

void DeviceTableModel::setScope(const Sync::FleetState &state, const Scope &scope)
{
    beginResetModel();
    m_records.clear();
    m_freeSlots.clear();
    m_shown.clear();
    m_slotById.clear();
    m_order.clear();
    m_visible.clear();
    m_locations.clear();
    m_locationByPath.clear();
    m_hierarchy = state.hierarchy();
    m_productId = state.product.id;
    m_scope = scope;
    m_hasState = true;
    QList<int> ignored;
    refreshLocations(&ignored);

    Placer placer(*this);
    m_records.reserve(static_cast<size_t>(state.devices.size()));
    for (const Domain::Device &device : state.devices) {
        const Placer::Result &placed = placer.place(device.groups);
        if (!placed.inScope)
            continue;
        m_records.push_back(makeRecord(device, placed.location, placed.problem));
        m_records.back().live = true;
    }
    m_slotById.reserve(static_cast<qsizetype>(m_records.size()));
    m_shown.resize(m_records.size());
    m_order.resize(m_records.size());
    for (int slot = 0; slot < static_cast<int>(m_records.size()); ++slot) {
        const Record &r = m_records[static_cast<size_t>(slot)];
        m_slotById.insert(r.id, slot);
        m_shown[static_cast<size_t>(slot)] = matches(r) ? 1 : 0;
        m_order[static_cast<size_t>(slot)] = slot;
    }
    // All ties are equal here: the id decides between equal keys.
    std::sort(m_order.begin(), m_order.end(),
        [this](int a, int b) { return lessThan(m_records[size_t(a)], m_records[size_t(b)]); });
    m_visible.reserve(m_order.size());
    for (size_t i = 0; i < m_order.size(); ++i) {
        const int slot = m_order[i];
        m_records[static_cast<size_t>(slot)].tie = static_cast<quint32>(i);
        if (m_shown[static_cast<size_t>(slot)])
            m_visible.push_back(slot);
    }
    endResetModel();
    Q_EMIT countsChanged();
}

// --- order and filter --------------------------------------------------------------------

int DeviceTableModel::compareColumn(const Record &a, const Record &b, int column) const
{
    switch (column) {
    case NameColumn:
        return compareText(a.foldedName(), b.foldedName());
    case IdColumn:
        return compareText(a.foldedId(), b.foldedId());
    case SerialColumn:
        return compareText(a.foldedSerial(), b.foldedSerial());
    case LocationColumn:
        if (a.location == b.location)
            return 0;
        return compareText(m_locations[static_cast<size_t>(a.location)].folded,
            m_locations[static_cast<size_t>(b.location)].folded);
    case OnlineColumn:
        return compareValues(a.online, b.online);
    case LastHeardColumn:
        return compareValues(a.lastHeardMs, b.lastHeardMs);
    case FirmwareColumn:
        return compareValues(a.firmware, b.firmware);
    case TargetColumn:
        return compareValues(a.target, b.target);
    case LockedColumn:
        return compareValues(a.locked, b.locked);
    case DevelopmentColumn:
        return compareValues(a.development, b.development);
    case OwnerColumn:
        return compareText(a.foldedOwner(), b.foldedOwner());
    case NotesColumn:
        return compareText(a.foldedNotes(), b.foldedNotes());
    case PendingColumn:
        return compareValues(a.pending, b.pending);
    default:
        return 0;
    }
}

// The order of the rows: the sort column's key, then the order before the last sort (the
// tie), then the id. A total order, so that a row's position can be found by binary search.
bool DeviceTableModel::lessThan(const Record &a, const Record &b) const
{
    const int c = compareColumn(a, b, m_sortColumn);
    if (c != 0)
        return m_sortOrder == Qt::AscendingOrder ? c < 0 : c > 0;
    if (a.tie != b.tie)
        return a.tie < b.tie;
    return a.id < b.id;
}

bool DeviceTableModel::matches(const Record &r) const
{
    if (m_filter.isEmpty())
        return true;
    DeviceFilter::Subject s;
    s.text = r.searchText();
    s.id = r.foldedId();
    s.name = r.foldedName();
    s.serial = r.foldedSerial();
    s.notes = r.foldedNotes();
    s.owner = r.foldedOwner();
    s.location = m_locations[static_cast<size_t>(r.location)].folded;
    s.firmware = r.firmware;
    s.target = r.target;
    s.online = r.online;
    s.pending = r.pending;
    s.locked = r.locked != NoVersion;
    s.development = r.development;
    return m_filter.matches(s);
}

// The position of `slot` in `rows` (sorted by lessThan with the slot's current record).
int DeviceTableModel::findIn(const std::vector<int> &rows, int slot) const
{
    const Record &record = m_records[static_cast<size_t>(slot)];
    const auto it = std::lower_bound(rows.cbegin(), rows.cend(), slot,
        [this, &record](int a, int) { return lessThan(m_records[size_t(a)], record); });
    if (it != rows.cend() && *it == slot)
        return static_cast<int>(it - rows.cbegin());
    // Not reached while the order is kept; stay correct if it is not.
    const auto found = std::find(rows.cbegin(), rows.cend(), slot);
    return found == rows.cend() ? -1 : static_cast<int>(found - rows.cbegin());
}

// Where `record` goes in `rows` (after the rows that sort before or equal to it), counting as if
// the element at `skip` (the record's own old place, or -1) were not there.
int DeviceTableModel::insertionPoint(
    const std::vector<int> &rows, const Record &record, int skip) const
{
    int lo = 0;
    int hi = static_cast<int>(rows.size()) - (skip >= 0 ? 1 : 0);
    while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        const int actual = skip >= 0 && mid >= skip ? mid + 1 : mid;
        if (lessThan(record, m_records[static_cast<size_t>(rows[static_cast<size_t>(actual)])]))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

// A layout change around `change`, which rearranges m_order and m_visible (slots stay what
// they are): persistent indexes follow their devices, or become invalid when filtered out.
template<typename Change>
void DeviceTableModel::relayout(Change change, QAbstractItemModel::LayoutChangeHint hint)
{
    Q_EMIT layoutAboutToBeChanged({}, hint);
    const QModelIndexList from = persistentIndexList();
    std::vector<int> slots;
    slots.reserve(static_cast<size_t>(from.size()));
    for (const QModelIndex &index : from)
        slots.push_back(m_visible[static_cast<size_t>(index.row())]);
    change();
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i) {
        const int slot = slots[static_cast<size_t>(i)];
        const int row = m_shown[static_cast<size_t>(slot)] ? findIn(m_visible, slot) : -1;
        to.append(row < 0 ? QModelIndex() : createIndex(row, from.at(i).column()));
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, hint);
}

void DeviceTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    relayout(
        [this, column, order] {
            m_sortColumn = column;
            m_sortOrder = order;
            const auto byKey = [this](int a, int b) {
                const int c
                    = compareColumn(m_records[size_t(a)], m_records[size_t(b)], m_sortColumn);
                return m_sortOrder == Qt::AscendingOrder ? c < 0 : c > 0;
            };
            std::stable_sort(m_order.begin(), m_order.end(), byKey);
            m_visible.clear();
            for (size_t i = 0; i < m_order.size(); ++i) {
                const int slot = m_order[i];
                m_records[static_cast<size_t>(slot)].tie = static_cast<quint32>(i);
                if (m_shown[static_cast<size_t>(slot)])
                    m_visible.push_back(slot);
            }
        },
        QAbstractItemModel::VerticalSortHint);
}

void DeviceTableModel::setFilter(const QString &query)
{
    m_filterText = query;
    DeviceFilter filter(query);
    if (filter == m_filter) {
        m_filter = std::move(filter);
        return;
    }
    if (!m_hasState) {
        m_filter = std::move(filter);
        return;
    }
    refilter(filter);
}

void DeviceTableModel::refilter(const DeviceFilter &filter, bool everyRow)
{
    // Typing one more character only hides rows: test the rows shown, not the whole scope.
    const bool narrowing = !everyRow && filter.narrows(m_filter);
    m_filter = filter;
    // By slot, the order the records were made in: a sequential walk through memory.
    const size_t slotCount = m_records.size();
    for (size_t slot = 0; slot < slotCount; ++slot) {
        const Record &r = m_records[slot];
        if (narrowing ? m_shown[slot] != 0 : r.live)
            m_shown[slot] = matches(r) ? 1 : 0;
    }
    std::vector<int> visible;
    visible.reserve(narrowing ? m_visible.size() : m_order.size());
    for (const int slot : narrowing ? m_visible : m_order) {
        if (m_shown[static_cast<size_t>(slot)])
            visible.push_back(slot);
    }
    if (visible == m_visible)
        return;
    const bool countChanged = visible.size() != m_visible.size();
    relayout([this, &visible] { m_visible.swap(visible); }, QAbstractItemModel::NoLayoutChangeHint);
    if (countChanged)
        Q_EMIT countsChanged();
}

// --- deltas ------------------------------------------------------------------------------

void DeviceTableModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void DeviceTableModel::applyDelta(const Sync::FleetState &after, const Sync::FleetDelta &delta)
{
    if (!m_hasState || delta.isEmpty())
        return;
    const int oldTotal = totalInScope();
    const int oldVisible = visibleCount();
    m_productId = after.product.id;

    const bool groupsChanged = delta.groupsChanged();
    bool titlesChanged = false;
    if (groupsChanged) {
        m_hierarchy = after.hierarchy();
        QList<int> changed;
        refreshLocations(&changed);
        titlesChanged = !changed.isEmpty();
        if (!changed.isEmpty() && m_sortColumn == LocationColumn) {
            relayout(
                [this] {
                    std::sort(m_order.begin(), m_order.end(), [this](int a, int b) {
                        return lessThan(m_records[size_t(a)], m_records[size_t(b)]);
                    });
                    m_visible.clear();
                    for (const int slot : m_order) {
                        if (m_shown[static_cast<size_t>(slot)])
                            m_visible.push_back(slot);
                    }
                },
                QAbstractItemModel::VerticalSortHint);
        }
        if (!changed.isEmpty()) {
            // The titles shown changed; so may the rows the in: filter shows.
            int first = -1;
            for (int row = 0; row <= visibleCount(); ++row) {
                const bool hit = row < visibleCount()
                    && changed.contains(m_records[size_t(m_visible[size_t(row)])].location);
                if (hit && first < 0)
                    first = row;
                if (!hit && first >= 0) {
                    Q_EMIT dataChanged(
                        index(first, LocationColumn), index(row - 1, LocationColumn));
                    first = -1;
                }
            }
        }
    }

    Placer placer(*this);
    std::vector<int> removals;
    std::vector<std::pair<int, Record>> updates;
    std::vector<Record> inserts;
    const auto consider = [&](const Domain::Device &device) {
        const Placer::Result &placed = placer.place(device.groups);
        const int slot = m_slotById.value(device.id, -1);
        if (!placed.inScope) {
            if (slot >= 0)
                removals.push_back(slot);
            return;
        }
        Record record = makeRecord(device, placed.location, placed.problem);
        if (slot < 0)
            inserts.push_back(std::move(record));
        else if (!m_records[static_cast<size_t>(slot)].sameContent(record))
            updates.emplace_back(slot, std::move(record));
    };
    if (groupsChanged) {
        // Any device may have changed place: look at all of them.
        for (const Domain::Device &device : after.devices)
            consider(device);
    } else {
        QSet<QString> seen;
        for (const QList<Domain::Device> *list : {&delta.addedDevices, &delta.changedDevices}) {
            for (const Domain::Device &d : *list) {
                if (seen.contains(d.id))
                    continue;
                seen.insert(d.id);
                const auto it = after.devices.constFind(d.id);
                if (it != after.devices.cend())
                    consider(it.value());
            }
        }
    }
    for (const QString &id : delta.removedDevices) {
        const int slot = m_slotById.value(id, -1);
        if (slot >= 0 && !after.devices.contains(id))
            removals.push_back(slot);
    }
    // Inconsistent input (a device both removed and changed): the removal wins.
    if (!removals.empty()) {
        std::sort(removals.begin(), removals.end());
        removals.erase(std::unique(removals.begin(), removals.end()), removals.end());
        std::erase_if(updates, [&removals](const auto &u) {
            return std::binary_search(removals.begin(), removals.end(), u.first);
        });
    }

    removeSlots(removals);
    for (auto &[slot, record] : updates)
        updateSlot(slot, std::move(record));
    insertRecords(std::move(inserts));
    if (titlesChanged) {
        // in: terms search the titles: the rows they show may have changed.
        const auto &terms = m_filter.terms();
        if (std::any_of(terms.cbegin(), terms.cend(), [](const DeviceFilter::Term &t) {
                return t.kind == DeviceFilter::Term::Kind::Location;
            }))
            refilter(DeviceFilter(m_filter), true);
    }
    if (totalInScope() != oldTotal || visibleCount() != oldVisible)
        Q_EMIT countsChanged();
}

void DeviceTableModel::setPending(const QSet<QString> &pending)
{
    const QSet<QString> before = std::exchange(m_pending, pending);
    if (!m_hasState)
        return;
    const int oldVisible = visibleCount();
    const auto flip = [this](const QString &id) {
        const int slot = m_slotById.value(id, -1);
        if (slot < 0)
            return;
        Record record = m_records[static_cast<size_t>(slot)];
        record.pending = m_pending.contains(id);
        updateSlot(slot, std::move(record));
    };
    for (const QString &id : before) {
        if (!pending.contains(id))
            flip(id);
    }
    for (const QString &id : pending) {
        if (!before.contains(id))
            flip(id);
    }
    if (visibleCount() != oldVisible)
        Q_EMIT countsChanged();
}

void DeviceTableModel::removeSlots(const std::vector<int> &slots)
{
    if (slots.empty())
        return;
    std::vector<int> rows;
    for (const int slot : slots) {
        if (m_shown[static_cast<size_t>(slot)])
            rows.push_back(findIn(m_visible, slot));
    }
    std::sort(rows.begin(), rows.end(), std::greater<>());
    // Contiguous runs, bottom up: the rows above a run keep their numbers.
    for (size_t i = 0; i < rows.size();) {
        size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] - 1)
            ++j;
        const int last = rows[i];
        const int first = rows[j];
        beginRemoveRows(QModelIndex(), first, last);
        m_visible.erase(m_visible.begin() + first, m_visible.begin() + last + 1);
        endRemoveRows();
        i = j + 1;
    }
    for (const int slot : slots) {
        Record &r = m_records[static_cast<size_t>(slot)];
        m_slotById.remove(r.id);
        r = Record();
        m_shown[static_cast<size_t>(slot)] = 0;
        m_freeSlots.push_back(slot);
    }
    std::erase_if(m_order, [this](int slot) { return !m_records[size_t(slot)].live; });
}

void DeviceTableModel::updateSlot(int slot, Record record)
{
    Record &r = m_records[static_cast<size_t>(slot)];
    if (r.sameContent(record))
        return;
    record.tie = r.tie;
    record.live = true;
    const bool wasShown = m_shown[static_cast<size_t>(slot)] != 0;
    const bool willShow = matches(record);
    const bool keyChanged = compareColumn(r, record, m_sortColumn) != 0;
    const int oldRow = wasShown ? findIn(m_visible, slot) : -1;
    if (keyChanged) {
        const int oldPos = findIn(m_order, slot);
        m_order.erase(m_order.begin() + oldPos);
        m_order.insert(m_order.begin() + insertionPoint(m_order, record), slot);
    }
    m_shown[static_cast<size_t>(slot)] = willShow ? 1 : 0;
    if (wasShown && willShow) {
        const int newRow = keyChanged ? insertionPoint(m_visible, record, oldRow) : oldRow;
        if (newRow != oldRow) {
            // A move keeps the selection on the device (qt-style §2.8).
            beginMoveRows(QModelIndex(), oldRow, oldRow, QModelIndex(),
                newRow > oldRow ? newRow + 1 : newRow);
            m_visible.erase(m_visible.begin() + oldRow);
            m_visible.insert(m_visible.begin() + newRow, slot);
            r = std::move(record);
            endMoveRows();
        } else {
            r = std::move(record);
        }
        emitRowChanged(newRow);
    } else if (wasShown) {
        beginRemoveRows(QModelIndex(), oldRow, oldRow);
        m_visible.erase(m_visible.begin() + oldRow);
        r = std::move(record);
        endRemoveRows();
    } else if (willShow) {
        r = std::move(record);
        const int row = insertionPoint(m_visible, r);
        beginInsertRows(QModelIndex(), row, row);
        m_visible.insert(m_visible.begin() + row, slot);
        endInsertRows();
    } else {
        r = std::move(record);
    }
}

void DeviceTableModel::insertRecords(std::vector<Record> records)
{
    if (records.empty())
        return;
    std::vector<int> slots;
    slots.reserve(records.size());
    for (Record &record : records) {
        record.live = true;
        record.tie = NewTie;
        int slot = 0;
        if (m_freeSlots.empty()) {
            slot = static_cast<int>(m_records.size());
            m_records.push_back(std::move(record));
            m_shown.push_back(0);
        } else {
            slot = m_freeSlots.back();
            m_freeSlots.pop_back();
            m_records[static_cast<size_t>(slot)] = std::move(record);
        }
        const Record &r = m_records[static_cast<size_t>(slot)];
        m_shown[static_cast<size_t>(slot)] = matches(r) ? 1 : 0;
        m_slotById.insert(r.id, slot);
        slots.push_back(slot);
    }
    const auto less
        = [this](int a, int b) { return lessThan(m_records[size_t(a)], m_records[size_t(b)]); };
    std::sort(slots.begin(), slots.end(), less);
    std::vector<int> merged;
    merged.reserve(m_order.size() + slots.size());
    std::merge(m_order.cbegin(), m_order.cend(), slots.cbegin(), slots.cend(),
        std::back_inserter(merged), less);
    m_order.swap(merged);

    // The rows: blocks of new rows that land at the same place, inserted bottom up.
    std::vector<std::pair<int, int>> placed; // (row before the insertions, slot)
    for (const int slot : slots) {
        if (m_shown[static_cast<size_t>(slot)])
            placed.emplace_back(insertionPoint(m_visible, m_records[size_t(slot)]), slot);
    }
    for (size_t end = placed.size(); end > 0;) {
        size_t begin = end - 1;
        while (begin > 0 && placed[begin - 1].first == placed[end - 1].first)
            --begin;
        const int row = placed[begin].first;
        const int count = static_cast<int>(end - begin);
        beginInsertRows(QModelIndex(), row, row + count - 1);
        std::vector<int> block;
        block.reserve(static_cast<size_t>(count));
        for (size_t i = begin; i < end; ++i)
            block.push_back(placed[i].second);
        m_visible.insert(m_visible.begin() + row, block.cbegin(), block.cend());
        endInsertRows();
        end = begin;
    }
}

// --- Qt model interface ------------------------------------------------------------------

QString DeviceTableModel::countText() const
{
    if (m_filter.isEmpty())
        return tr("%Ln devices", nullptr, totalInScope());
    return tr("%L1 of %Ln devices", nullptr, totalInScope()).arg(visibleCount());
}

QModelIndex DeviceTableModel::indexForDevice(const QString &deviceId, int column) const
{
    const int slot = m_slotById.value(deviceId, -1);
    if (slot < 0 || !m_shown[static_cast<size_t>(slot)] || column < 0 || column >= ColumnCount)
        return QModelIndex();
    const int row = findIn(m_visible, slot);
    return row < 0 ? QModelIndex() : index(row, column);
}

QStringList DeviceTableModel::visibleDeviceIds() const
{
    QStringList ids;
    ids.reserve(visibleCount());
    for (const int slot : m_visible)
        ids.append(m_records[static_cast<size_t>(slot)].id);
    return ids;
}

int DeviceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : visibleCount();
}

int DeviceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeviceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Record &r = m_records[static_cast<size_t>(m_visible[static_cast<size_t>(index.row())])];
    const Location &location = m_locations[static_cast<size_t>(r.location)];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return r.name;
        case IdColumn:
            return r.id;
        case SerialColumn:
            return r.serial;
        case LocationColumn:
            return location.text;
        case OnlineColumn:
            return r.online ? tr("online") : tr("offline");
        case LastHeardColumn:
            if (r.lastHeardMs == 0)
                return tr("never");
            return QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(r.lastHeardMs).toLocalTime(), QLocale::ShortFormat);
        case FirmwareColumn:
            return r.firmware == 0 ? tr("none") : versionText(r.firmware);
        case TargetColumn:
            return r.target == NoVersion ? QVariant() : QVariant(versionText(r.target));
        case LockedColumn:
            return r.locked == NoVersion ? QVariant() : QVariant(versionText(r.locked));
        case DevelopmentColumn:
            return r.development ? tr("yes") : QVariant();
        case OwnerColumn:
            return r.owner;
        case NotesColumn:
            return r.notes.simplified();
        case PendingColumn:
            return r.pending ? tr("pending") : QVariant();
        default:
            return QVariant();
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
        case IdColumn:
            return r.problem.isEmpty() ? r.id : QString(r.id + QLatin1Char('\n') + r.problem);
        case LocationColumn:
            return r.problem.isEmpty() ? location.path : r.problem;
        case LastHeardColumn:
            if (r.lastHeardMs == 0)
                return QVariant();
            return QDateTime::fromMSecsSinceEpoch(r.lastHeardMs, Qt::UTC)
                .toString(Qt::ISODateWithMs);
        case NotesColumn:
            return r.notes.isEmpty() ? QVariant() : QVariant(r.notes);
        default:
            return QVariant();
        }
    case KindRole:
        return static_cast<int>(ItemKind::Device);
    case DeviceIdRole:
        return r.id;
    case TitleRole:
        return r.name;
    case FirmwareVersionRole:
        return r.firmware;
    case TargetVersionRole:
        return r.target == NoVersion ? QVariant() : QVariant(r.target);
    case OnlineRole:
        return r.online;
    case PendingRole:
        return r.pending;
    case PlacementProblemRole:
        return r.problem;
    case LastHeardRole:
        return r.lastHeardMs;
    case LockedVersionRole:
        return r.locked == NoVersion ? QVariant() : QVariant(r.locked);
    case DevelopmentRole:
        return r.development;
    case LocationPathRole:
        return location.path;
    case SortKeyRole:
        switch (index.column()) {
        case NameColumn:
            return r.foldedName().toString();
        case IdColumn:
            return r.foldedId().toString();
        case SerialColumn:
            return r.foldedSerial().toString();
        case LocationColumn:
            return location.folded;
        case OnlineColumn:
            return r.online;
        case LastHeardColumn:
            return r.lastHeardMs;
        case FirmwareColumn:
            return r.firmware;
        case TargetColumn:
            return r.target;
        case LockedColumn:
            return r.locked;
        case DevelopmentColumn:
            return r.development;
        case OwnerColumn:
            return r.foldedOwner().toString();
        case NotesColumn:
            return r.foldedNotes().toString();
        case PendingColumn:
            return r.pending;
        default:
            return QVariant();
        }
    default:
        return QVariant();
    }
}

QVariant DeviceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case NameColumn:
        return tr("Name");
    case IdColumn:
        return tr("Device ID");
    case SerialColumn:
        return tr("Serial");
    case LocationColumn:
        return tr("Customer › node");
    case OnlineColumn:
        return tr("Online");
    case LastHeardColumn:
        return tr("Last heard");
    case FirmwareColumn:
        return tr("Firmware");
    case TargetColumn:
        return tr("Target");
    case LockedColumn:
        return tr("Locked");
    case DevelopmentColumn:
        return tr("Development");
    case OwnerColumn:
        return tr("Owner");
    case NotesColumn:
        return tr("Notes");
    case PendingColumn:
        return tr("Pending");
    default:
        return QVariant();
    }
}

Qt::ItemFlags DeviceTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren
        | Qt::ItemIsDragEnabled;
}

QStringList DeviceTableModel::mimeTypes() const
{
    return {QString(ItemsMimeType)};
}

QMimeData *DeviceTableModel::mimeData(const QModelIndexList &indexes) const
{
    QList<DragItem> items;
    QSet<QString> seen;
    for (const QModelIndex &index : indexes) {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            continue;
        const QString id = m_records[size_t(m_visible[size_t(index.row())])].id;
        if (seen.contains(id))
            continue;
        seen.insert(id);
        items.append(DragItem {ItemKind::Device, id});
    }
    if (items.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(ItemsMimeType, encodeDragItems(items, m_productId));
    return mime;
}

Qt::DropActions DeviceTableModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

} // namespace Flotilla::Tree
