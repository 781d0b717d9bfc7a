// SPDX-License-Identifier: MIT
#pragma once

#include "io/table.h"

#include <QByteArray>
#include <QString>

// Delimited text as spreadsheets save it (Excel's and LibreOffice's "CSV" and "Unicode text"),
// read into rows of cells: the encoding and the delimiter are found from the bytes, quoting
// follows RFC 4180, and every row keeps the number the spreadsheet showed for it.
namespace Flotilla::Io {

// The encoding's name as people know it ("UTF-8", "UTF-16 LE", "Windows-1252"…).
QString encodingName(TextEncoding encoding);

struct ReadOptions
{
    // ',', ';' or '\t' to read with that delimiter; a null QChar finds it from the text.
    QChar delimiter;
};

// Reads delimited text: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, else Windows-1252;
// delimiter ',', ';' or tab (the one used consistently on the first lines; a text without any is
// one column); quoted fields may hold delimiters, doubled quotes and line breaks (kept as "\n");
// lines end in CRLF, LF or CR. One pass over the text: linear in its size.
TextTable readDelimited(const QByteArray &bytes, const ReadOptions &options = {});

} // namespace Flotilla::Io
