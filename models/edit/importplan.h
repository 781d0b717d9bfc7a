// SPDX-License-Identifier: MIT
#pragma once

#include "domain/moves.h"
#include "io/delimited.h"
#include "sync/fleetstate.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A spreadsheet of devices read as an import: which column says what, and what every row will
// do to the fleet, by the import rules (docs/import.md) that the console's dialog, the command
// line and the tests all follow. Planning reads the fleet; it changes nothing.
namespace Flotilla::Edit {

// What a column of the file holds.
enum class ImportField {
    Ignore,
    Identifier, // any of the four below, told apart by its form (a file of one column)
    DeviceId,
    Serial,
    Iccid,
    Imei,
    Name,
    Customer,
    Group, // the group path: below the customer, or from the customer when there is none
    Notes,
};

// The field's name as people see it ("Serial number"), and its key ("serial") for the command
// line and for remembering mappings.
QString fieldTitle(ImportField field);
QString fieldKey(ImportField field);
std::optional<ImportField> fieldFromKey(const QString &key);
QList<ImportField> allFields(); // every field but Ignore, in the order of the dialog
// A column's letters as spreadsheets name it: 0 → "A", 26 → "AA".
QString columnName(int column);

// The field a header names ("Serial number", "Seriennummer", "S/N", "ICCID" ...), or Ignore.
ImportField fieldForHeader(const QString &header);

struct ColumnMapping
{
    bool hasHeader = true; // the first row names the columns (and is not a device)
    QList<ImportField> fields; // one per column
    bool operator==(const ColumnMapping &) const = default;
};

// The mapping read from the file: a first row is a header when a cell of it names a field;
// without one, a file of a single column is a column of identifiers, and any other file has
// every column ignored until the user says what they hold.
ColumnMapping guessMapping(const Io::TextTable &table);
// A key for the set of headers (the first row), to remember a mapping the user made for files
// of the same layout. Empty for a file without a header.
QString headerSetKey(const Io::TextTable &table);
// The mapping as text ("serial,ignore,customer,group") and back (nothing when malformed or of
// another column count).
QString mappingToText(const ColumnMapping &mapping);
std::optional<ColumnMapping> mappingFromText(const QString &text, int columnCount);

struct ImportOptions
{
    ColumnMapping mapping;
    // Customers and groups named in the file that do not exist are created (else each such row
    // is an error).
    bool createMissing = false;
    // The destination of every row without customer and group columns (a file of identifiers):
    // a path, a title path, "unassigned" or "returns". Empty: those rows keep their places.
    QString destination;
};

// What a row does: the first that applies of import, move, rename, notes, unchanged.
enum class RowAction { Import, Move, Rename, Notes, Unchanged, Error };
QString actionKey(RowAction action); // "import", "move" ... "error" (also the JSON of the CLI)
QString actionTitle(RowAction action); // for people: "Import into the product", "Move" ...

// One row of the file, planned.
struct ImportRow
{
    int row = 0; // the spreadsheet's row number
    RowAction action = RowAction::Unchanged;
    QStringList changes; // every change the row makes: "import", "move", "rename", "notes"
    QStringList errors; // for people; the row changes nothing when there is one
    QString identifier; // what the row names the device by (as written in the file)
    QString deviceId; // the device in the fleet (empty for an import)
    QString label; // the device as people know it: its name, else the identifier
    // Where the device is and goes: "unassigned", "returns" or a node path (from is empty for
    // an import); and the same as people read it ("Acme Logistics › Berlin depot").
    QString fromPath;
    QString toPath;
    QString fromTitle;
    QString toTitle;
    std::optional<Domain::MoveTarget> target; // set when the row moves or places the device
    std::optional<QString> name; // set when the row renames
    std::optional<QString> notes; // set when the row changes the notes
    QString oldName; // the name and notes before, for the preview
    QString oldNotes;
    bool isError() const { return action == RowAction::Error; }
};

// A customer or group that the import creates (createMissing).
struct ImportCreation
{
    QString parentPath; // empty for a customer
    QString slug;
    QString title;
    QString path; // parentPath--slug
    QString titlePath; // "Acme Logistics › Berlin depot"
};

struct ImportPlan
{
    QList<ImportRow> rows; // every row of the file but the header and blank rows, in order
    QList<ImportCreation> creates; // parents before their children
    QStringList ignoredColumns; // "C (Firmware)": columns not read
    QList<Io::ReadProblem> readProblems; // what reading the file found
    QString error; // the file as a whole cannot be imported (no identifier column ...)
    int blankRows = 0;

    int count(RowAction action) const;
    int errorCount() const { return count(RowAction::Error); }
    int validChanges() const; // rows that change something
};

// Plans the import of `table` on the fleet `state` by the import rules. Linear in the rows
// (hash lookups against the fleet).
ImportPlan planImport(
    const Io::TextTable &table, const ImportOptions &options, const Sync::FleetState &state);

// The plan as the command line prints it (`flotillactl import --dry-run --json`):
// {"rows": N, "counts": {"import": n, "move": n, "rename": n, "notes": n, "unchanged": n,
// "error": n}, "creates": [paths], "requests": n, "rows_detail": [{"row": 2, "action": "move",
// "device_id": "…", "from": "acme--berlin", "to": "nordwind--hamburg", "changes": ["move"],
// "errors": []}, …]}. Row numbers as the spreadsheet shows them; places as paths, the pools as
// "unassigned" and "returns"; null where a row has no device ID, no place it comes from, or does
// not move. `requests`: what the edit takes (FleetEditor::ImportPreview::requests).
QJsonObject planToJson(const ImportPlan &plan, int requests);

// Device IDs: 24 hexadecimal digits; ICCIDs: 19 or 20 digits; IMEIs: 15 digits. Empty when the
// value is well formed for `field`, else why not (for people).
QString identifierError(ImportField field, const QString &value);

} // namespace Flotilla::Edit
