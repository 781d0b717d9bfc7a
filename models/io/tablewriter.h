// SPDX-License-Identifier: MIT
#pragma once

#include "io/table.h"

#include <QChar>
#include <QList>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <functional>

class QIODevice;

// Writing a table for people to open in a spreadsheet: CSV (for any program) and XLSX (Excel's
// own format, with real number, date and boolean cells). Rows are asked for one at a time, so a
// table of 100,000 devices is never held in memory twice.
namespace Flotilla::Io {

struct ExportColumn
{
    QString header;
    CellType type = CellType::Text;
};

// A table to write, row by row: `row(i, cells)` fills `cells` (one QVariant per column: QString
// for Text, qint64 or double for Number, QDateTime (UTC) for Date (invalid or null: an empty
// cell), bool for Bool, a null QVariant for an empty cell). `cells` is cleared before each call.
// Rows are asked for in order; writeXlsx() asks for the first 200 twice (to size the columns).
struct ExportTable
{
    QList<ExportColumn> columns;
    int rowCount = 0;
    std::function<void(int row, QVariantList &cells)> row;
    QString sheetName; // the XLSX sheet's name ("Devices" when empty), made to suit Excel's rules
};

struct CsvOptions
{
    QChar delimiter = u','; // ',' or ';' (what German Excel expects)
    QChar decimalPoint = u'.'; // of non-integral numbers; ',' goes with ';' for German Excel
};

// CSV as Excel reads it without asking: UTF-8 with a byte order mark, CRLF line ends, RFC 4180
// quoting (a cell is quoted when it holds the delimiter, a quote, CR or LF, or starts or ends
// with a space); a header row with the columns' headers; dates in ISO 8601 UTC
// ("2026-12-07T04:31:00Z"), booleans "true"/"false", numbers as plain digits (no exponent, no
// thousands separator). Text is written as it is with one exception, against formula injection
// (a customer opens the file in a spreadsheet): a text cell starting with '=', '+', '-', '@', a
// tab or CR gets a leading apostrophe ("=HYPERLINK(…)" is written as "'=HYPERLINK(…)"), as OWASP
// recommends. Header texts get the same treatment. Returns false with `error` set (for people)
// when the device cannot be written.
bool writeCsv(QIODevice *out, const ExportTable &table, const CsvOptions &options, QString *error);

// An XLSX workbook of one sheet (libxlsxwriter, constant memory: rows are written in order and
// flushed): a bold header row that stays in view (frozen) with an autofilter, column widths from
// the headers and the first rows. Each cell as its column's type says: a Text column's cells are
// always strings, whatever the value (device IDs, ICCIDs and serials never become numbers);
// dates are real date cells ("yyyy-mm-dd hh:mm:ss", UTC; "yyyy-mm-dd" for a QDate), numbers
// numbers, booleans booleans; a value that is not of its column's type is written as text. A text
// longer than a cell can hold (32,767 characters) is cut there. Written to a temporary file next to
// `path` and renamed over it at the end: on failure nothing is left at `path` (an existing file
// there is kept) and `error` says why, for people.
bool writeXlsx(const QString &path, const ExportTable &table, QString *error);

// Excel's rules for a sheet name: 1 to 31 characters, none of []:*?/\ (each becomes '_'), not
// starting or ending with an apostrophe, not "History"; "Devices" for an empty name.
QString sanitizedSheetName(const QString &name);

} // namespace Flotilla::Io
