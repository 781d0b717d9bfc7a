// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Delimited text as spreadsheets save it (Excel's and LibreOffice's "CSV" and "Unicode text"),
// read into rows of cells: the encoding and the delimiter are found from the bytes, quoting
// follows RFC 4180, and every row keeps the number the spreadsheet showed for it.
namespace Flotilla::Io {

enum class TextEncoding {
    Utf8, // UTF-8 without a byte order mark (also plain ASCII)
    Utf8Bom, // UTF-8 with a byte order mark (Excel's "CSV UTF-8")
    Utf16LE, // UTF-16 little endian with a byte order mark (Excel's "Unicode text")
    Utf16BE, // UTF-16 big endian with a byte order mark
    Windows1252, // bytes that are not valid UTF-8: the Western Windows code page (Excel's "CSV")
};

// The encoding's name as people know it ("UTF-8", "UTF-16 LE", "Windows-1252"…).
QString encodingName(TextEncoding encoding);

struct ReadOptions
{
    // ',', ';' or '\t' to read with that delimiter; a null QChar finds it from the text.
    QChar delimiter;
};

struct TextRow
{
    int number = 0; // the spreadsheet's row number: 1 for the first row; blank rows count
    int line = 0; // the line of the file the row starts on (a quoted line break spans lines)
    QStringList cells; // exactly TextTable::columnCount cells
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
    QList<ReadProblem> problems;
};

// Reads delimited text: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, else Windows-1252;
// delimiter ',', ';' or tab (the one used consistently on the first lines; a text without any is
// one column); quoted fields may hold delimiters, doubled quotes and line breaks (kept as "\n");
// lines end in CRLF, LF or CR. One pass over the text: linear in its size.
TextTable readDelimited(const QByteArray &bytes, const ReadOptions &options = {});

} // namespace Flotilla::Io
