// SPDX-License-Identifier: MIT
#include "tree/fleetexport.h"

#include "domain/hierarchy.h"
#include "domain/nodepath.h"
#include "domain/text.h"
#include "tree/devicefilter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTemporaryFile>

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

namespace Flotilla::Tree {

Q_LOGGING_CATEGORY(lcExport, "flotilla.tree.export")

// Unqualified in the signatures of functions that call tr(): lupdate files their texts under a
// qualified return type's namespace.
using Io::ExportTable;

namespace {

enum class Field : quint8 {
    DeviceId,
    Name,
    Serial,
    Iccid,
    Imei,
    Platform,
    Customer,
    Group,
    FirmwareRunning,
    FirmwareTargeted,
    Locked,
    Development,
    Online,
    LastHeard,
    Owner,
    Notes,
    Pending,
};

struct FieldSpec
{
    Field field;
    QLatin1String key;
    Io::CellType type;
};

constexpr FieldSpec Specs[] = {
    {Field::DeviceId, QLatin1String("device_id"), Io::CellType::Text},
    {Field::Name, QLatin1String("name"), Io::CellType::Text},
    {Field::Serial, QLatin1String("serial"), Io::CellType::Text},
    {Field::Iccid, QLatin1String("iccid"), Io::CellType::Text},
    {Field::Imei, QLatin1String("imei"), Io::CellType::Text},
    {Field::Platform, QLatin1String("platform"), Io::CellType::Text},
    {Field::Customer, QLatin1String("customer"), Io::CellType::Text},
    {Field::Group, QLatin1String("group"), Io::CellType::Text},
    {Field::FirmwareRunning, QLatin1String("firmware_running"), Io::CellType::Number},
    {Field::FirmwareTargeted, QLatin1String("firmware_targeted"), Io::CellType::Number},
    {Field::Locked, QLatin1String("locked"), Io::CellType::Number},
    {Field::Development, QLatin1String("development"), Io::CellType::Bool},
    {Field::Online, QLatin1String("online"), Io::CellType::Bool},
    {Field::LastHeard, QLatin1String("last_heard"), Io::CellType::Date},
    {Field::Owner, QLatin1String("owner"), Io::CellType::Text},
    {Field::Notes, QLatin1String("notes"), Io::CellType::Text},
    {Field::Pending, QLatin1String("pending"), Io::CellType::Bool},
};

QString fieldTitle(Field field)
{
    switch (field) {
    case Field::DeviceId:
        return Text::tr("Device ID");
    case Field::Name:
        return Text::tr("Name");
    case Field::Serial:
        return Text::tr("Serial number");
    case Field::Iccid:
        return Text::tr("ICCID");
    case Field::Imei:
        return Text::tr("IMEI");
    case Field::Platform:
        return Text::tr("Platform");
    case Field::Customer:
        return Text::tr("Customer");
    case Field::Group:
        return Text::tr("Group");
    case Field::FirmwareRunning:
        return Text::tr("Firmware running");
    case Field::FirmwareTargeted:
        return Text::tr("Firmware targeted");
    case Field::Locked:
        return Text::tr("Locked to firmware");
    case Field::Development:
        return Text::tr("Development");
    case Field::Online:
        return Text::tr("Online");
    case Field::LastHeard:
        return Text::tr("Last heard (UTC)");
    case Field::Owner:
        return Text::tr("Owner");
    case Field::Notes:
        return Text::tr("Notes");
    case Field::Pending:
        return Text::tr("Changes not yet sent");
    }
    return QString();
}

const FieldSpec *specOf(QStringView key)
{
    for (const FieldSpec &s : Specs) {
        if (key == s.key)
            return &s;
    }
    return nullptr;
}

// Where devices sit, as the export names it: the customer column, the group column, a rank in
// tree order, and the case-folded text the filter's in: searches (as the device table has it).
struct Location
{
    QString customer;
    QString group;
    QString folded;
    QString path; // nodes; empty for the pools
    int rank = 0;
    bool inScope = false;
};

constexpr int UnassignedLocation = 0;
constexpr int ReturnsLocation = 1;
constexpr int NeedsRepairLocation = 2;
constexpr int PoolCount = 3;

// The export's own copy of what it reads: the state (shared with the caller's until one of them
// changes), the locations and one entry per row.
struct Snapshot
{
    struct Row
    {
        const Domain::Device *device;
        int location;
    };

    Sync::FleetState state;
    QSet<QString> pending;
    std::vector<Location> locations;
    std::vector<Row> rows;
    std::vector<Field> fields;
};

// The nodes in the tree's order: siblings by title (case-insensitively, then exactly, then by
// path), each node before its children.
void treeOrder(const Domain::Hierarchy &hierarchy, const QString &parent, QStringList *out)
{
    QStringList children = hierarchy.children(parent);
    const auto title = [&hierarchy](const QString &path) {
        const Domain::Node *node = hierarchy.node(path);
        return node ? node->title : Domain::lastSlug(path);
    };
    std::sort(children.begin(), children.end(), [&](const QString &a, const QString &b) {
        const QString ta = title(a);
        const QString tb = title(b);
        int c = QString::compare(ta, tb, Qt::CaseInsensitive);
        if (c == 0)
            c = QString::compare(ta, tb, Qt::CaseSensitive);
        if (c == 0)
            c = QString::compare(a, b, Qt::CaseSensitive);
        return c < 0;
    });
    for (const QString &child : std::as_const(children)) {
        out->append(child);
        treeOrder(hierarchy, child, out);
    }
}

bool scopeHas(const DeviceScope &scope, int location, const QString &path)
{
    switch (scope.kind) {
    case DeviceScope::Kind::All:
        return true;
    case DeviceScope::Kind::Node:
        return location >= PoolCount && Domain::isAncestorOrSelf(scope.path, path);
    case DeviceScope::Kind::Unassigned:
        return location == UnassignedLocation;
    case DeviceScope::Kind::Returns:
        return location == ReturnsLocation;
    case DeviceScope::Kind::NeedsRepair:
        return location == NeedsRepairLocation;
    }
    return false;
}

// The filter's view of a device, as the device table makes it (DeviceTableModel::matches()).
bool filterMatches(
    const DeviceFilter &filter, const Domain::Device &d, const Location &location, bool pending)
{
    const QString id = DeviceFilter::fold(d.id);
    const QString name = DeviceFilter::fold(d.name);
    const QString serial = DeviceFilter::fold(d.serialNumber);
    const QString notes = DeviceFilter::fold(d.notes);
    const QString owner = DeviceFilter::fold(d.owner);
    const QChar sep = DeviceFilter::Separator;
    const QString text = id + sep + name + sep + serial + sep + notes;
    DeviceFilter::Subject s;
    s.text = text;
    s.id = id;
    s.name = name;
    s.serial = serial;
    s.notes = notes;
    s.owner = owner;
    s.location = location.folded;
    s.firmware = d.firmwareVersion;
    s.target = d.targetedFirmwareVersion.value_or(-1);
    s.online = d.online;
    s.pending = pending;
    s.locked = d.desiredFirmwareVersion.has_value();
    s.development = d.development;
    return filter.matches(s);
}

QVariant cell(const Snapshot &snap, const Snapshot::Row &row, Field field)
{
    const Domain::Device &d = *row.device;
    switch (field) {
    case Field::DeviceId:
        return d.id;
    case Field::Name:
        return d.name;
    case Field::Serial:
        return d.serialNumber;
    case Field::Iccid:
        return d.iccid;
    case Field::Imei:
        return d.imei;
    case Field::Platform:
        return d.platformId == 0 ? QVariant() : QVariant(platformName(d.platformId));
    case Field::Customer: {
        const QString &customer = snap.locations[static_cast<size_t>(row.location)].customer;
        return customer.isEmpty() ? QVariant() : QVariant(customer);
    }
    case Field::Group: {
        const QString &group = snap.locations[static_cast<size_t>(row.location)].group;
        return group.isEmpty() ? QVariant() : QVariant(group);
    }
    case Field::FirmwareRunning:
        return d.firmwareVersion == 0 ? QVariant() : QVariant(qint64(d.firmwareVersion));
    case Field::FirmwareTargeted:
        return d.targetedFirmwareVersion ? QVariant(qint64(*d.targetedFirmwareVersion))
                                         : QVariant();
    case Field::Locked:
        return d.desiredFirmwareVersion ? QVariant(qint64(*d.desiredFirmwareVersion)) : QVariant();
    case Field::Development:
        return d.development;
    case Field::Online:
        return d.online;
    case Field::LastHeard:
        return d.lastHeardMs == 0
            ? QVariant()
            : QVariant(QDateTime::fromMSecsSinceEpoch(d.lastHeardMs, Qt::UTC));
    case Field::Owner:
        return d.owner;
    case Field::Notes:
        return d.notes;
    case Field::Pending:
        return snap.pending.contains(d.id);
    }
    return QVariant();
}

} // namespace

QList<ExportField> exportFields()
{
    QList<ExportField> fields;
    for (const FieldSpec &s : Specs)
        fields.append(ExportField {QString(s.key), fieldTitle(s.field), s.type});
    return fields;
}

QStringList defaultExportColumns()
{
    return {QStringLiteral("device_id"), QStringLiteral("name"), QStringLiteral("serial"),
        QStringLiteral("customer"), QStringLiteral("group"), QStringLiteral("firmware_running"),
        QStringLiteral("firmware_targeted"), QStringLiteral("online"), QStringLiteral("last_heard"),
        QStringLiteral("notes")};
}

std::optional<ExportField> exportField(const QString &key)
{
    const FieldSpec *s = specOf(key);
    if (!s)
        return std::nullopt;
    return ExportField {QString(s->key), fieldTitle(s->field), s->type};
}

QString exportColumnsError(const QStringList &keys)
{
    QStringList unknown;
    for (const QString &key : keys) {
        if (!specOf(key))
            unknown.append(QStringLiteral("'%1'").arg(key));
    }
    if (unknown.isEmpty())
        return QString();
    QStringList known;
    for (const FieldSpec &s : Specs)
        known.append(QString(s.key));
    return Text::tr(
        "%Ln column(s) unknown: %1; the columns are %2", nullptr, static_cast<int>(unknown.size()))
        .arg(unknown.join(QStringLiteral(", ")), known.join(QStringLiteral(", ")));
}

QString platformName(int platformId)
{
    // Particle's platform IDs (device-os platforms) and the names its console shows.
    switch (platformId) {
    case 0:
        return QStringLiteral("Core");
    case 6:
        return QStringLiteral("Photon");
    case 8:
        return QStringLiteral("P1");
    case 10:
        return QStringLiteral("Electron");
    case 12:
        return QStringLiteral("Argon");
    case 13:
        return QStringLiteral("Boron");
    case 14:
        return QStringLiteral("Xenon");
    case 22:
        return QStringLiteral("A SoM");
    case 23:
        return QStringLiteral("B SoM");
    case 24:
        return QStringLiteral("X SoM");
    case 25:
        return QStringLiteral("B5 SoM");
    case 26:
        return QStringLiteral("Tracker");
    case 28:
        return QStringLiteral("Tracker M");
    case 32:
        return QStringLiteral("P2");
    default:
        break;
    }
    return Text::tr("Platform %1").arg(platformId);
}

ExportTable exportTable(const Sync::FleetState &state, const ExportScope &scope,
    const QStringList &columns, const QSet<QString> &pending)
{
    auto snap = std::make_shared<Snapshot>();
    snap->state = state;
    snap->pending = pending;
    const Sync::FleetState &s = snap->state; // read only: never detached, pointers stay valid
    const Domain::Hierarchy hierarchy = s.hierarchy();

    Io::ExportTable table;
    for (const QString &key : columns) {
        const FieldSpec *spec = specOf(key);
        if (!spec) {
            qCWarning(lcExport) << "not a column:" << key;
            continue;
        }
        snap->fields.push_back(spec->field);
        table.columns.append(Io::ExportColumn {fieldTitle(spec->field), spec->type});
    }
    table.sheetName = Text::tr("Devices");

    // The locations: the pools, then every node in tree order (its rank).
    const QString returnsTitle
        = hierarchy.returnsTitle().isEmpty() ? Text::tr("Returns") : hierarchy.returnsTitle();
    const QString poolNames[PoolCount]
        = {Text::tr("Unassigned"), returnsTitle, Text::tr("Needs repair")};
    QStringList order;
    treeOrder(hierarchy, QString(), &order);
    const int nodeCount = static_cast<int>(order.size());
    QHash<QString, int> locationByPath;
    snap->locations.reserve(static_cast<size_t>(PoolCount + nodeCount));
    for (int i = 0; i < PoolCount; ++i) {
        Location l;
        // A device whose groups contradict the tree is in no customer: an import of the row
        // (customer and group empty) leaves it where it is.
        if (i != NeedsRepairLocation)
            l.customer = poolNames[i];
        l.folded = DeviceFilter::fold(poolNames[i]) + DeviceFilter::Separator;
        l.rank = nodeCount + i;
        snap->locations.push_back(std::move(l));
    }
    for (int i = 0; i < nodeCount; ++i) {
        const QString &path = order.at(i);
        Location l;
        l.path = path;
        l.rank = i;
        QStringList titles;
        for (const QString &p : Domain::pathChain(path)) {
            const Domain::Node *node = hierarchy.node(p);
            titles.append(node ? node->title : Domain::lastSlug(p));
        }
        l.customer = titles.takeFirst();
        l.group = titles.join(QStringLiteral(" \u203a "));
        l.folded = DeviceFilter::fold(Domain::titlePath(hierarchy, path)) + DeviceFilter::Separator
            + path;
        locationByPath.insert(path, static_cast<int>(snap->locations.size()));
        snap->locations.push_back(std::move(l));
    }
    for (int i = 0; i < static_cast<int>(snap->locations.size()); ++i) {
        Location &l = snap->locations[static_cast<size_t>(i)];
        l.inScope = scope.deviceIds || scopeHas(scope.devices, i, l.path);
    }

    // Placements: most devices share their group list with others.
    QHash<QStringList, int> placed;
    const auto locationOf = [&](const Domain::Device &d) {
        const auto it = placed.constFind(d.groups);
        if (it != placed.cend())
            return it.value();
        const Domain::Placement p = Domain::placeDevice(d.groups, hierarchy);
        int location = UnassignedLocation;
        switch (p.kind) {
        case Domain::PlacementKind::Unassigned:
            break;
        case Domain::PlacementKind::Returns:
            location = ReturnsLocation;
            break;
        case Domain::PlacementKind::Inconsistent:
            location = NeedsRepairLocation;
            break;
        case Domain::PlacementKind::Node:
            location = locationByPath.value(p.path, NeedsRepairLocation);
            break;
        }
        placed.insert(d.groups, location);
        return location;
    };

    const DeviceFilter filter(scope.filter);
    const bool filtered = !scope.deviceIds && !filter.isEmpty();
    if (!filter.errors().isEmpty() && filtered)
        qCInfo(lcExport) << "filter terms not read:" << filter.errors();
    const auto take = [&](const Domain::Device &d) {
        const int location = locationOf(d);
        const Location &l = snap->locations[static_cast<size_t>(location)];
        if (!l.inScope)
            return;
        if (filtered && !filterMatches(filter, d, l, snap->pending.contains(d.id)))
            return;
        snap->rows.push_back({&d, location});
    };
    if (scope.deviceIds) {
        QSet<QString> seen;
        for (const QString &id : *scope.deviceIds) {
            const auto it = s.devices.constFind(id);
            if (it != s.devices.cend() && !seen.contains(id)) {
                seen.insert(id);
                take(it.value());
            }
        }
    } else {
        snap->rows.reserve(static_cast<size_t>(s.devices.size()));
        for (const Domain::Device &d : s.devices)
            take(d);
    }

    // Tree order, then name (case-folded, then exactly), then ID. The folded names are made
    // once for the sort, and go with it.
    struct SortKey
    {
        int rank;
        QString folded;
        Snapshot::Row row;
    };
    std::vector<SortKey> keys;
    keys.reserve(snap->rows.size());
    for (const Snapshot::Row &r : snap->rows) {
        keys.push_back({snap->locations[static_cast<size_t>(r.location)].rank,
            r.device->name.toCaseFolded(), r});
    }
    std::sort(keys.begin(), keys.end(), [](const SortKey &a, const SortKey &b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        int c = a.folded.compare(b.folded);
        if (c == 0)
            c = a.row.device->name.compare(b.row.device->name);
        if (c == 0)
            c = a.row.device->id.compare(b.row.device->id);
        return c < 0;
    });
    for (size_t i = 0; i < keys.size(); ++i)
        snap->rows[i] = keys[i].row;

    table.rowCount = static_cast<int>(snap->rows.size());
    table.row = [snap](int row, QVariantList &cells) {
        cells.resize(static_cast<qsizetype>(snap->fields.size()));
        if (row < 0 || row >= static_cast<int>(snap->rows.size())) {
            cells.fill(QVariant());
            return;
        }
        const Snapshot::Row &r = snap->rows[static_cast<size_t>(row)];
        for (size_t c = 0; c < snap->fields.size(); ++c)
            cells[static_cast<qsizetype>(c)] = cell(*snap, r, snap->fields[c]);
    };
    return table;
}

QChar defaultDelimiter(const QLocale &locale)
{
    return locale.decimalPoint() == QStringLiteral(",") ? QLatin1Char(';') : QLatin1Char(',');
}

namespace {

// `table` with its rows counted (progress) and, once cancelled, left empty: the writer then
// finishes at once and its output is thrown away.
Io::ExportTable watched(const Io::ExportTable &table, const ExportFileOptions &options,
    const std::shared_ptr<std::atomic<bool>> &stopped)
{
    Io::ExportTable out = table;
    out.row = [inner = table.row, progress = options.progress, cancelled = options.cancelled,
                  stopped](int row, QVariantList &cells) {
        constexpr int Every = 256;
        if (row % Every == 0) {
            if (progress)
                progress(row);
            if (!stopped->load() && cancelled && cancelled())
                stopped->store(true);
        }
        if (stopped->load()) {
            cells.fill(QVariant());
            return;
        }
        inner(row, cells);
    };
    return out;
}

QString cancelledText()
{
    return Text::tr("The export was cancelled; nothing was written");
}

} // namespace

bool writeExportFile(const QString &path, const Io::ExportTable &table,
    const ExportFileOptions &options, QString *error)
{
    QString message;
    const auto failed = [&](const QString &why) {
        qCWarning(lcExport) << "export to" << path << "failed:" << why;
        if (error)
            *error = why;
        return false;
    };
    const auto stopped = std::make_shared<std::atomic<bool>>(false);
    const Io::ExportTable rows = watched(table, options, stopped);
    const QString shown = QDir::toNativeSeparators(path);

    if (options.format == ExportFormat::Csv) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return failed(Text::tr("Cannot write %1: %2").arg(shown, file.errorString()));
        Io::CsvOptions csv;
        csv.delimiter = options.delimiter;
        csv.decimalPoint
            = options.delimiter == QLatin1Char(';') ? QLatin1Char(',') : QLatin1Char('.');
        if (!Io::writeCsv(&file, rows, csv, &message)) {
            file.cancelWriting();
            return failed(Text::tr("Cannot write %1: %2")
                              .arg(shown, message.isEmpty() ? file.errorString() : message));
        }
        if (stopped->load()) {
            file.cancelWriting();
            return failed(cancelledText());
        }
        if (!file.commit())
            return failed(Text::tr("Cannot write %1: %2").arg(shown, file.errorString()));
        if (options.progress)
            options.progress(table.rowCount);
        return true;
    }

    // XLSX: the writer makes a file beside the target, which then replaces the target in one
    // step (QSaveFile), so that a cancelled export leaves an existing file as it was.
    const QFileInfo target(path);
    QTemporaryFile scratch(target.absoluteDir().filePath(QStringLiteral(".export-XXXXXX.xlsx")));
    if (!scratch.open())
        return failed(Text::tr("Cannot write %1: %2").arg(shown, scratch.errorString()));
    scratch.close();
    if (!Io::writeXlsx(scratch.fileName(), rows, &message))
        return failed(Text::tr("Cannot write %1: %2").arg(shown, message));
    if (stopped->load())
        return failed(cancelledText());
    QFile written(scratch.fileName());
    if (!written.open(QIODevice::ReadOnly))
        return failed(Text::tr("Cannot write %1: %2").arg(shown, written.errorString()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(Text::tr("Cannot write %1: %2").arg(shown, file.errorString()));
    constexpr qint64 Chunk = 1 << 20;
    while (!written.atEnd()) {
        const QByteArray bytes = written.read(Chunk);
        if (bytes.isEmpty() || file.write(bytes) != bytes.size()) {
            const QString why = file.errorString();
            file.cancelWriting();
            return failed(Text::tr("Cannot write %1: %2").arg(shown, why));
        }
    }
    if (!file.commit())
        return failed(Text::tr("Cannot write %1: %2").arg(shown, file.errorString()));
    if (options.progress)
        options.progress(table.rowCount);
    return true;
}

} // namespace Flotilla::Tree
