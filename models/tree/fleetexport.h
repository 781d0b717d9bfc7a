// SPDX-License-Identifier: MIT
#pragma once

#include "io/tablewriter.h"
#include "sync/fleetstate.h"
#include "tree/devicetablemodel.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// Any part of the fleet as a table for a spreadsheet (CSV or XLSX, models/io): which devices,
// which columns, in which order. The console's Export… dialog and the command line use it alike.
namespace Flotilla::Tree {

// A column an export can have: its stable key (what the command line and the settings name),
// its header (translated) and the type of its cells.
struct ExportField
{
    QString key;
    QString title;
    Io::CellType type = Io::CellType::Text;
    bool operator==(const ExportField &) const = default;
};

// Every column, in the order the dialog lists them first:
//   device_id, name, serial, iccid, imei, platform (its name), customer, group,
//   firmware_running, firmware_targeted, locked (the version locked to), development, online,
//   last_heard (a date, UTC), owner, notes, pending (has changes not yet sent to the cloud).
// People see titles, never group names: `customer` is the customer's title, or the pool the
// device sits in ("Unassigned", the Returns pool's title); `group` is the titles of the groups
// below the customer ("Berlin depot › Test"), empty at the customer itself and in the pools.
// These two columns are what a spreadsheet import reads back to place devices, so both are
// empty for a device whose groups contradict the tree (Needs repair): importing the row leaves
// it where it is. Labels and rollout groups are not columns.
QList<ExportField> exportFields();
// device_id, name, serial, customer, group, firmware_running, firmware_targeted, online,
// last_heard, notes.
QStringList defaultExportColumns();
// The field of `key`, or nothing.
std::optional<ExportField> exportField(const QString &key);
// Empty when every key is a column; else one sentence naming those that are not.
QString exportColumnsError(const QStringList &keys);

// The platform's name as Particle names it ("Boron", "Tracker"); "Platform 99" when unknown.
QString platformName(int platformId);

// Which devices an export has.
struct ExportScope
{
    // The whole fleet, a node's subtree or a pool (DeviceScope of the device table).
    DeviceScope devices;
    // A device table query (DeviceFilter's grammar) over `devices`; empty: all of them.
    QString filter;
    // When set: exactly these devices (the table's selection); `devices` and `filter` do not
    // count. IDs the fleet does not have are left out.
    std::optional<QStringList> deviceIds;

    static ExportScope all() { return {}; }
    static ExportScope of(const DeviceScope &scope, const QString &filter = QString())
    {
        return {scope, filter, std::nullopt};
    }
    static ExportScope selection(const QStringList &ids) { return {{}, {}, ids}; }
    bool operator==(const ExportScope &) const = default;
};

// The table of `columns` (keys of exportFields(); unknown keys are left out) for the devices of
// `scope`. Rows are in tree order: customers by title, each customer's devices before those of
// its groups, groups by title depth first (as the tree lists them), then Unassigned, Returns
// and Needs repair; within one node or pool by name (case-insensitively, then exactly), then
// device ID. The table keeps its own copy of the state (implicitly shared: nothing is copied
// now) and one entry per row; `row` makes each row's cells when it is asked for, so 100,000
// rows are never held as cells at once. The table may be written on another thread. `pending`:
// the devices with local changes not yet confirmed (SyncEngine::pendingDevices()), for the
// pending column and the filter's "pending".
Io::ExportTable exportTable(const Sync::FleetState &state, const ExportScope &scope,
    const QStringList &columns, const QSet<QString> &pending = {});

enum class ExportFormat { Csv, Xlsx };

struct ExportFileOptions
{
    ExportFormat format = ExportFormat::Csv;
    QChar delimiter = QLatin1Char(','); // CSV: ',' or ';'
    // Called with the number of rows made so far, from the thread that writes.
    std::function<void(int rows)> progress;
    // Asked while the rows are made: true stops the export; nothing is written then.
    std::function<bool()> cancelled;
};

// The delimiter a spreadsheet of this locale expects: ';' where the decimal point is ',' (Excel
// there reads ',' as part of numbers), else ','.
QChar defaultDelimiter(const QLocale &locale);

// Writes `table` to `path` as CSV or XLSX. Nothing half-written is left: CSV is written through
// QSaveFile, XLSX by the writer to a file beside `path` that replaces it only when complete. On
// failure (or when cancelled) a file that was at `path` is unchanged, `error` says why in plain
// words, and false is returned.
bool writeExportFile(const QString &path, const Io::ExportTable &table,
    const ExportFileOptions &options, QString *error);

} // namespace Flotilla::Tree
