// SPDX-License-Identifier: MIT
#pragma once

#include <QChar>
#include <QList>
#include <QString>
#include <QStringList>

// The rows of a spreadsheet as read from a file (delimited text or an XLSX sheet): plain text
// cells, each row keeping the number the spreadsheet showed for it.
namespace Flotilla::Io {

// What a cell held in the spreadsheet. Delimited text knows only text; an XLSX sheet tells
// numbers, dates, booleans and errors apart. Also the type of a column to write (tablewriter.h).
enum class CellType {
    Text,
    Number,
    Date,
    Bool,
    Empty,
    Error, // a formula's error value ("#N/A", "#DIV/0!"…), its text kept as the cell's text
};

enum class TextEncoding {
    Utf8, // UTF-8 without a byte order mark (also plain ASCII; also what an XLSX file holds)
    Utf8Bom, // UTF-8 with a byte order mark (Excel's "CSV UTF-8")
    Utf16LE, // UTF-16 little endian with a byte order mark (Excel's "Unicode text")
    Utf16BE, // UTF-16 big endian with a byte order mark
    Windows1252, // bytes that are not valid UTF-8: the Western Windows code page (Excel's "CSV")
};

struct TextRow
{
    int number = 0; // the spreadsheet's row number: 1 for the first row; blank rows count
    int line = 0; // the line of the file the row starts on (XLSX: the row number)
    QStringList cells; // exactly TextTable::columnCount cells
    // Empty for delimited text (every cell is text); for an XLSX sheet one type per cell (Empty
    // for a cell the sheet does not have). Number cells' text: an integral value below 10^15 as
    // its digits, a larger one as a spreadsheet shows it ("8.94902E+19"), else the shortest
    // decimal that reads back the same; Date cells' text: ISO 8601 ("2026-12-07" for a date
    // alone, "2026-12-07T04:31:00" with a time: a spreadsheet's dates have no time zone);
    // Bool cells' text: "true" or "false".
    QList<CellType> types;

    CellType type(qsizetype column) const
    {
        return column < types.size() ? types.at(column) : CellType::Text;
    }
};

struct ReadProblem
{
    int row = 0; // the spreadsheet's row number the problem is in
    QString message; // for people: names the row
};

struct TextTable
{
    QList<TextRow> rows; // empty rows at the end are not kept; blank rows in between are
    int columnCount = 0; // columns empty in every row at the right are not kept
    TextEncoding encoding = TextEncoding::Utf8;
    QChar delimiter = QLatin1Char(','); // the one used (found, or given in the options)
    QString sheet; // XLSX: the name of the sheet read; empty for delimited text
    QList<ReadProblem> problems;
};

} // namespace Flotilla::Io
