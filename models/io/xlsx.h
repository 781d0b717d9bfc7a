// SPDX-License-Identifier: MIT
#pragma once

#include "io/delimited.h"
#include "io/table.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Reading Excel workbooks (.xlsx, Office Open XML as Excel, LibreOffice and Google Sheets save
// it) into the same rows of text as delimited text: libzip unpacks each part as QXmlStreamReader
// parses it (neither the sheet's bytes nor a document tree are held), so memory grows with the
// rows read, not with the file.
namespace Flotilla::Io {

struct SheetInfo
{
    QString name;
    bool hidden = false; // hidden or "very hidden" in the workbook
    bool worksheet = true; // false: a chart sheet or a dialog sheet (nothing to read)
};

struct XlsxOptions
{
    QString sheet; // the sheet to read, by name; empty: the first visible sheet
};

// The workbook's sheets in their order; empty with `error` set (for people) when the bytes are
// not an XLSX workbook.
QList<SheetInfo> xlsxSheets(const QByteArray &bytes, QString *error);

// Reads one sheet: rows keep the sheet's row numbers (a row the sheet does not have is a blank
// row), cells are placed by their column letters (a gap is an empty cell); shared strings (rich
// text runs joined), inline strings, formula results, booleans ("true"/"false"), errors
// ("#N/A", type Error), numbers and dates (number cells whose format is a date format; the 1900
// and 1904 date systems) as text in ISO 8601, each cell with its CellType (see TextRow). Empty
// rows at the end and empty columns at the right are not kept. On failure the table is empty and
// `error` says why, for people: not a workbook (an old .xls, a CSV or OpenDocument file named
// .xlsx: save as .xlsx or CSV), a damaged or incomplete file (naming the part), a part too big
// to be a sheet (over 512 MB, or compressed more than 200:1), a sheet of more than 5 million
// cells (rows × columns, the empty ones between included), no sheet of the given name.
TextTable readXlsx(const QByteArray &bytes, const XlsxOptions &options, QString *error);

// A spreadsheet file of either kind: an XLSX workbook when the bytes are a ZIP archive, an old
// Excel or a binary file refused with a message, else delimited text (whatever the file's name
// says: a .xlsx that is really CSV is read as CSV). `fileName` names the file in messages.
TextTable readSpreadsheet(const QByteArray &bytes, const QString &fileName,
    const XlsxOptions &options, QString *error, const ReadOptions &textOptions = {});

} // namespace Flotilla::Io
