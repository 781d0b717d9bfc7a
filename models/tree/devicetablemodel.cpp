// SPDX-License-Identifier: MIT
#include "tree/devicetablemodel.h"

#include "domain/nodepath.h"
#include "sync/syncengine.h"
#include "tree/dragdrop.h"

#include <QDateTime>
#include <QLocale>
#include <QMimeData>
#include <QScopedValueRollback>

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
constexpr int NoLocation = 3; // free slots: never in scope
constexpr int PoolCount = 4; // the locations before the nodes
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
// Where devices sit, for the table: a node's "Customer › site" titles or a pool.
struct DeviceTableModel::Location
{
    QString path; // nodes; empty for the pools
    QString text; // for display
    QString folded; // fold(text) Separator path: the sort key and what in: searches
};

namespace {

bool sameData(const QString &a, const QString &b)
{
    return a.constData() == b.constData() && a.size() == b.size();
}

} // namespace

// One device. The text fields are kept as they are (for display) and once more, case-folded,
// in one string `key` (for the filter and the sort): id, name, serial, notes and owner,
// separated by DeviceFilter::Separator.
struct DeviceTableModel::Record
{
    QString id;
    QString name;
    QString serial;
    QString notes;
    QString owner;
    QString key;
    QString problem; // Needs repair: why
    QStringList groups; // as in the device (shared): to recognise an unchanged device
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
    quint32 epoch = 0; // the last syncRecords() that saw the device
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

    // What the table shows and sorts by is the same.
    bool sameContent(const Record &o) const
    {
        return id == o.id && name == o.name && serial == o.serial && notes == o.notes
            && owner == o.owner && problem == o.problem && lastHeardMs == o.lastHeardMs
            && location == o.location && firmware == o.firmware && target == o.target
            && locked == o.locked && online == o.online && development == o.development
            && pending == o.pending;
    }

    // The record was made from this very device (its strings are shared, not only equal), so
    // it needs no work. Reads the device's fields, never the text they point to.
    bool madeFrom(const Domain::Device &d) const
    {
        return sameData(id, d.id) && sameData(name, d.name) && sameData(serial, d.serialNumber)
            && sameData(notes, d.notes) && sameData(owner, d.owner)
            && groups.constData() == d.groups.constData() && groups.size() == d.groups.size()
            && lastHeardMs == d.lastHeardMs && firmware == d.firmwareVersion
            && target == d.targetedFirmwareVersion.value_or(NoVersion)
            && locked == d.desiredFirmwareVersion.value_or(NoVersion) && online == d.online
            && development == d.development;
    }
};

// placeDevice() and the location for many devices: most share their group list with others.
class DeviceTableModel::Placer final
{
public:
    struct Result
    {
        int location = UnassignedLocation;
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

DeviceTableModel::DeviceTableModel(Sync::SyncEngine *engine, QObject *parent)
    : DeviceTableModel(parent)
{
    followEngine(engine);
}

DeviceTableModel::~DeviceTableModel() = default;

void DeviceTableModel::followEngine(Sync::SyncEngine *engine)
{
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    if (!engine)
        return;
    connect(engine, &Sync::SyncEngine::loaded, this, [this] {
        setScope(m_engine->state(), m_scope);
        setPending(m_engine->pendingDevices());
    });
    connect(engine, &Sync::SyncEngine::fleetChanged, this,
        [this](const Sync::FleetDelta &delta) { applyDelta(m_engine->state(), delta); });
    connect(engine, &Sync::SyncEngine::pendingChanged, this,
        [this] { setPending(m_engine->pendingDevices()); });
    if (engine->isLoaded()) {
        setScope(engine->state(), m_scope);
        setPending(engine->pendingDevices());
    }
}

void DeviceTableModel::setScope(const Scope &scope)
{
    if (m_engine && m_engine->isLoaded())
        setScope(m_engine->state(), scope);
    else
        m_scope = scope;
}

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
    r.groups = device.groups;
    r.lastHeardMs = device.lastHeardMs;
    r.location = location;
    r.firmware = device.firmwareVersion;
    r.target = device.targetedFirmwareVersion.value_or(NoVersion);
    r.locked = device.desiredFirmwareVersion.value_or(NoVersion);
    r.online = device.online;
    r.development = device.development;
    r.pending = m_pending.contains(device.id);
    r.live = true;

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
    m_locationInScope.push_back(scopeContains(location, index) ? 1 : 0);
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
    case NoLocation:
        return QString();
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
    for (int i = static_cast<int>(m_locations.size()); i < PoolCount; ++i) {
        m_locations.push_back(Location());
        m_locationInScope.push_back(0);
    }
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

bool DeviceTableModel::scopeContains(const Location &location, int index) const
{
    if (index == NoLocation)
        return false;
    switch (m_scope.kind) {
    case Scope::Kind::All:
        return true;
    case Scope::Kind::Node:
        return index >= PoolCount && Domain::isAncestorOrSelf(m_scope.path, location.path);
    case Scope::Kind::Unassigned:
        return index == UnassignedLocation;
    case Scope::Kind::Returns:
        return index == ReturnsLocation;
    case Scope::Kind::NeedsRepair:
        return index == NeedsRepairLocation;
    }
    return false;
}

bool DeviceTableModel::inScope(int slot) const
{
    return m_locationInScope[static_cast<size_t>(m_locationOf[static_cast<size_t>(slot)])] != 0;
}

bool DeviceTableModel::isShown(int slot) const
{
    return inScope(slot) && m_shown[static_cast<size_t>(slot)] != 0;
}

int DeviceTableModel::allocate(Record record)
{
    int slot = 0;
    if (m_freeSlots.empty()) {
        slot = static_cast<int>(m_records.size());
        m_records.push_back(std::move(record));
        m_locationOf.push_back(NoLocation);
        m_shown.push_back(0);
    } else {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
        m_records[static_cast<size_t>(slot)] = std::move(record);
    }
    const Record &r = m_records[static_cast<size_t>(slot)];
    m_locationOf[static_cast<size_t>(slot)] = r.location;
    m_slotById.insert(r.id, slot);
    return slot;
}

void DeviceTableModel::setScope(const Sync::FleetState &state, const Scope &scope)
{
    const QScopedValueRollback updating(m_updating, true);
    beginResetModel();
    m_productId = state.product.id;
    m_scope = scope;
    const bool groupsChanged = !m_hasState || !(m_groups == state.groups);
    if (groupsChanged) {
        m_groups = state.groups;
        m_hierarchy = state.hierarchy();
        QList<int> ignored;
        refreshLocations(&ignored);
    }
    m_hasState = true;
    syncRecords(state, groupsChanged);
    selectScope();
    endResetModel();
    Q_EMIT countsChanged();
}

// Brings the records in line with `state`: devices the records were made from are left alone
// (the common case: the sync engine's state, followed by applyDelta()), others are remade,
// added or dropped; m_all is re-sorted when anything moved. No signals.
void DeviceTableModel::syncRecords(const Sync::FleetState &state, bool replacePlacements)
{
    Placer placer(*this);
    const quint32 epoch = ++m_epoch;
    const auto count = static_cast<size_t>(state.devices.size());
    std::vector<int> sequence;
    sequence.reserve(count);
    if (m_records.size() < count) {
        m_records.reserve(count);
        m_locationOf.reserve(count);
        m_shown.reserve(count);
        m_all.reserve(count);
        m_slotById.reserve(static_cast<qsizetype>(count));
    }
    bool reorder = replacePlacements; // titles may have changed, and with them the order
    size_t i = 0;
    for (const Domain::Device &device : state.devices) {
        int slot = -1;
        // The state's iteration order is the last one's unless devices came or went.
        if (i < m_sequence.size()) {
            const int candidate = m_sequence[i];
            const Record &r = m_records[static_cast<size_t>(candidate)];
            if (r.live && sameData(r.id, device.id))
                slot = candidate;
        }
        ++i;
        if (slot < 0)
            slot = m_slotById.value(device.id, -1);
        if (slot < 0) {
            const Placer::Result &placed = placer.place(device.groups);
            Record record = makeRecord(device, placed.location, placed.problem);
            record.epoch = epoch;
            slot = allocate(std::move(record));
            m_all.push_back(slot);
            reorder = true;
        } else {
            Record &r = m_records[static_cast<size_t>(slot)];
            if (replacePlacements || !r.madeFrom(device)) {
                const Placer::Result &placed = placer.place(device.groups);
                Record record = makeRecord(device, placed.location, placed.problem);
                record.tie = r.tie;
                reorder = reorder || compareColumn(r, record, m_sortColumn) != 0;
                r = std::move(record);
                m_locationOf[static_cast<size_t>(slot)] = r.location;
            }
            r.epoch = epoch;
        }
        sequence.push_back(slot);
    }
    m_sequence.swap(sequence);
    if (m_all.size() != m_sequence.size()) {
        // Devices the state no longer has.
        for (int slot = 0; slot < static_cast<int>(m_records.size()); ++slot) {
            Record &r = m_records[static_cast<size_t>(slot)];
            if (!r.live || r.epoch == epoch)
                continue;
            m_slotById.remove(r.id);
            r = Record();
            m_locationOf[static_cast<size_t>(slot)] = NoLocation;
            m_freeSlots.push_back(slot);
        }
        std::erase_if(m_all, [this](int slot) { return !m_records[size_t(slot)].live; });
    }
    if (reorder)
        sortAll();
}

// Sorts m_all by the sort column, equal keys by their ties (the order before) and then by id,
// and makes the new positions the ties. The keys are packed into integers first (the first
// sixteen characters of a text, a location's rank, a number) so that most comparisons touch
// neither the records nor their strings.
void DeviceTableModel::sortAll()
{
    struct Item
    {
        quint64 high;
        quint64 low;
        quint32 tie;
        int slot;
        bool whole; // the packed text is the whole text
    };
    const int column = m_sortColumn;
    const bool text = column == NameColumn || column == IdColumn || column == SerialColumn
        || column == OwnerColumn || column == NotesColumn;
    std::vector<int> rank;
    if (column == LocationColumn) {
        std::vector<int> byText(m_locations.size());
        for (size_t i = 0; i < byText.size(); ++i)
            byText[i] = static_cast<int>(i);
        std::sort(byText.begin(), byText.end(), [this](int a, int b) {
            return m_locations[size_t(a)].folded < m_locations[size_t(b)].folded;
        });
        rank.resize(byText.size());
        for (size_t i = 0; i < byText.size(); ++i)
            rank[static_cast<size_t>(byText[i])] = static_cast<int>(i);
    }
    // Sixteen characters of a text, eight bits each, into two integers that sort as the text
    // does: a character above U+00FE ends the packing (0xff, then zeros), so such texts tie
    // and are compared in full.
    const auto pack = [](QStringView s, Item *item) {
        quint64 v[2] = {0, 0};
        const qsizetype n = std::min<qsizetype>(s.size(), 16);
        bool whole = s.size() <= 16;
        for (qsizetype i = 0; i < n; ++i) {
            const char16_t c = s.at(i).unicode();
            const quint64 byte = c < 0xff ? c : 0xff;
            if (c == 0)
                whole = false; // as the padding: not told apart
            v[i / 8] |= byte << (8 * (7 - i % 8));
            if (byte == 0xff) {
                whole = false;
                break;
            }
        }
        item->high = v[0];
        item->low = v[1];
        item->whole = whole;
    };
    const auto number = [](qint64 v) { return static_cast<quint64>(v) ^ (quint64(1) << 63); };
    // Records are read and written in slot order, the order they lie in memory.
    std::vector<Item> items;
    items.reserve(m_all.size());
    for (int slot = 0; slot < static_cast<int>(m_records.size()); ++slot) {
        if (m_locationOf[static_cast<size_t>(slot)] == NoLocation)
            continue;
        const Record &r = m_records[static_cast<size_t>(slot)];
        Item item {0, 0, r.tie, slot, true};
        QStringView view;
        switch (column) {
        case NameColumn:
            view = r.foldedName();
            break;
        case IdColumn:
            view = r.foldedId();
            break;
        case SerialColumn:
            view = r.foldedSerial();
            break;
        case OwnerColumn:
            view = r.foldedOwner();
            break;
        case NotesColumn:
            view = r.foldedNotes();
            break;
        case LocationColumn:
            item.high = static_cast<quint64>(rank[static_cast<size_t>(r.location)]);
            break;
        case OnlineColumn:
            item.high = r.online ? 1 : 0;
            break;
        case LastHeardColumn:
            item.high = number(r.lastHeardMs);
            break;
        case FirmwareColumn:
            item.high = number(r.firmware);
            break;
        case TargetColumn:
            item.high = number(r.target);
            break;
        case LockedColumn:
            item.high = number(r.locked);
            break;
        case DevelopmentColumn:
            item.high = r.development ? 1 : 0;
            break;
        case PendingColumn:
            item.high = r.pending ? 1 : 0;
            break;
        default:
            break;
        }
        if (text)
            pack(view, &item);
        items.push_back(item);
    }
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    std::sort(items.begin(), items.end(), [&](const Item &a, const Item &b) {
        if (a.high != b.high)
            return ascending ? a.high < b.high : a.high > b.high;
        if (a.low != b.low)
            return ascending ? a.low < b.low : a.low > b.low;
        const Record &x = m_records[static_cast<size_t>(a.slot)];
        const Record &y = m_records[static_cast<size_t>(b.slot)];
        if (text && !(a.whole && b.whole)) {
            const int c = compareColumn(x, y, column);
            if (c != 0)
                return ascending ? c < 0 : c > 0;
        }
        if (a.tie != b.tie)
            return a.tie < b.tie;
        return x.id < y.id;
    });
    std::vector<quint32> position(m_records.size());
    for (size_t i = 0; i < items.size(); ++i) {
        m_all[i] = items[i].slot;
        position[static_cast<size_t>(items[i].slot)] = static_cast<quint32>(i);
    }
    for (size_t slot = 0; slot < m_records.size(); ++slot)
        m_records[slot].tie = position[slot];
}

// Which locations the scope takes, the filter over the devices in it, and the rows.
void DeviceTableModel::selectScope()
{
    for (size_t i = 0; i < m_locations.size(); ++i)
        m_locationInScope[i] = scopeContains(m_locations[i], static_cast<int>(i)) ? 1 : 0;
    m_inScope = 0;
    const bool everything = m_filter.isEmpty();
    for (size_t slot = 0; slot < m_records.size(); ++slot) {
        if (!m_locationInScope[static_cast<size_t>(m_locationOf[slot])])
            continue;
        ++m_inScope;
        m_shown[slot] = everything || matches(m_records[slot]) ? 1 : 0;
    }
    rebuildVisible();
}

void DeviceTableModel::rebuildVisible()
{
    m_visible.clear();
    for (const int slot : m_all) {
        if (isShown(slot))
            m_visible.push_back(slot);
    }
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

// A layout change around `change`, which rearranges m_all and m_visible (slots stay what they
// are): persistent indexes follow their devices, or become invalid when they are no rows.
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
        const int row = isShown(slot) ? findIn(m_visible, slot) : -1;
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
            sortAll();
            rebuildVisible();
        },
        QAbstractItemModel::VerticalSortHint);
}

void DeviceTableModel::setFilter(const QString &query)
{
    const QScopedValueRollback updating(m_updating, true);
    m_filterText = query;
    DeviceFilter filter(query);
    if (filter == m_filter || !m_hasState) {
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
    const bool everything = m_filter.isEmpty();
    for (size_t slot = 0; slot < m_records.size(); ++slot) {
        if (!m_locationInScope[static_cast<size_t>(m_locationOf[slot])])
            continue;
        if (narrowing && !m_shown[slot])
            continue;
        m_shown[slot] = everything || matches(m_records[slot]) ? 1 : 0;
    }
    std::vector<int> visible;
    visible.reserve(narrowing ? m_visible.size() : static_cast<size_t>(m_inScope));
    for (const int slot : narrowing ? m_visible : m_all) {
        if (isShown(slot))
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
    const QScopedValueRollback updating(m_updating, true);
    const int oldTotal = totalInScope();
    const int oldVisible = visibleCount();
    m_productId = after.product.id;

    const bool groupsChanged = delta.groupsChanged() || !(m_groups == after.groups);
    bool titlesChanged = false;
    if (groupsChanged) {
        m_groups = after.groups;
        m_hierarchy = after.hierarchy();
        QList<int> changed;
        refreshLocations(&changed);
        titlesChanged = !changed.isEmpty();
        if (titlesChanged && m_sortColumn == LocationColumn) {
            relayout(
                [this] {
                    sortAll();
                    rebuildVisible();
                },
                QAbstractItemModel::VerticalSortHint);
        } else if (titlesChanged) {
            // The titles shown changed: dataChanged for the runs of rows at those locations.
            int first = -1;
            for (int row = 0; row <= visibleCount(); ++row) {
                const bool hit = row < visibleCount()
                    && changed.contains(m_locationOf[size_t(m_visible[size_t(row)])]);
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
        const int slot = m_slotById.value(device.id, -1);
        if (slot >= 0 && !groupsChanged && m_records[static_cast<size_t>(slot)].madeFrom(device))
            return;
        const Placer::Result &placed = placer.place(device.groups);
        Record record = makeRecord(device, placed.location, placed.problem);
        if (slot < 0)
            inserts.push_back(std::move(record));
        else
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

    removeSlots(std::move(removals));
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
    const QScopedValueRollback updating(m_updating, true);
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

void DeviceTableModel::removeSlots(std::vector<int> slots)
{
    if (slots.empty())
        return;
    std::sort(slots.begin(), slots.end());
    slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
    std::vector<int> rows;
    for (const int slot : slots) {
        if (isShown(slot))
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
        if (inScope(slot))
            --m_inScope;
        Record &r = m_records[static_cast<size_t>(slot)];
        m_slotById.remove(r.id);
        r = Record();
        m_shown[static_cast<size_t>(slot)] = 0;
        m_locationOf[static_cast<size_t>(slot)] = NoLocation;
        m_freeSlots.push_back(slot);
    }
    std::erase_if(m_all, [this](int slot) { return !m_records[size_t(slot)].live; });
}

void DeviceTableModel::updateSlot(int slot, Record record)
{
    Record &r = m_records[static_cast<size_t>(slot)];
    record.tie = r.tie;
    record.epoch = r.epoch;
    record.live = true;
    if (r.sameContent(record)) {
        r = std::move(record); // the same row, made from the device as it is now
        return;
    }
    const bool wasIn = inScope(slot);
    const bool willIn = m_locationInScope[static_cast<size_t>(record.location)] != 0;
    const bool wasShown = wasIn && m_shown[static_cast<size_t>(slot)] != 0;
    const bool willShow = willIn && matches(record);
    const bool keyChanged = compareColumn(r, record, m_sortColumn) != 0;
    const int oldRow = wasShown ? findIn(m_visible, slot) : -1;
    if (keyChanged) {
        m_all.erase(m_all.begin() + findIn(m_all, slot));
        m_all.insert(m_all.begin() + insertionPoint(m_all, record), slot);
    }
    m_locationOf[static_cast<size_t>(slot)] = record.location;
    m_shown[static_cast<size_t>(slot)] = willShow ? 1 : 0;
    m_inScope += (willIn ? 1 : 0) - (wasIn ? 1 : 0);
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
        record.tie = NewTie;
        record.epoch = m_epoch;
        const int slot = allocate(std::move(record));
        const bool in = inScope(slot);
        m_inScope += in ? 1 : 0;
        m_shown[static_cast<size_t>(slot)] = in && matches(m_records[size_t(slot)]) ? 1 : 0;
        slots.push_back(slot);
    }
    const auto less
        = [this](int a, int b) { return lessThan(m_records[size_t(a)], m_records[size_t(b)]); };
    std::sort(slots.begin(), slots.end(), less);
    std::vector<int> merged;
    merged.reserve(m_all.size() + slots.size());
    std::merge(m_all.cbegin(), m_all.cend(), slots.cbegin(), slots.cend(),
        std::back_inserter(merged), less);
    m_all.swap(merged);

    // The rows: blocks of new rows that land at the same place, inserted bottom up.
    std::vector<std::pair<int, int>> placed; // (row before the insertions, slot)
    for (const int slot : slots) {
        if (isShown(slot))
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
    if (slot < 0 || !isShown(slot) || column < 0 || column >= ColumnCount)
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
            // An unnamed device (a unit just imported) by its ID, as the tree shows it.
            return r.name.isEmpty() ? r.id : r.name;
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
