// SPDX-License-Identifier: MIT
#include "io/delimited.h"

#include "domain/text.h"

#include <QLoggingCategory>
#include <QStringDecoder>

#include <array>
#include <utility>

namespace Flotilla::Io {

namespace {

// The most cells a file is read into once its rows are made as wide as the widest (as the XLSX
// reader refuses sheets of more).
constexpr qint64 MaxCells = 5'000'000;

Q_LOGGING_CATEGORY(lcIo, "flotilla.io")

// Windows-1252 differs from Latin-1 only in 0x80–0x9F; its five unassigned bytes (0x81, 0x8D,
// 0x8F, 0x90, 0x9D) keep their own code points, as Windows itself decodes them.
constexpr std::array<char16_t, 32> Cp1252High = {
    0x20AC,
    0x0081,
    0x201A,
    0x0192,
    0x201E,
    0x2026,
    0x2020,
    0x2021,
    0x02C6,
    0x2030,
    0x0160,
    0x2039,
    0x0152,
    0x008D,
    0x017D,
    0x008F,
    0x0090,
    0x2018,
    0x2019,
    0x201C,
    0x201D,
    0x2022,
    0x2013,
    0x2014,
    0x02DC,
    0x2122,
    0x0161,
    0x203A,
    0x0153,
    0x009D,
    0x017E,
    0x0178,
};

QString decodeWindows1252(const QByteArray &bytes)
{
    QString text(bytes.size(), Qt::Uninitialized);
    QChar *out = text.data();
    for (const char byte : bytes) {
        const auto value = static_cast<unsigned char>(byte);
        *out++ = (value >= 0x80 && value <= 0x9F) ? QChar(Cp1252High[value - 0x80])
                                                  : QChar(char16_t(value));
    }
    return text;
}

QString decodeWith(QStringDecoder::Encoding encoding, const QByteArray &bytes, bool *ok)
{
    // ConvertInitialBom: the byte order mark is taken off before; a second one is text.
    QStringDecoder decoder(encoding, QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (ok)
        *ok = !decoder.hasError();
    return text;
}

QString decode(const QByteArray &bytes, TextEncoding *encoding)
{
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        *encoding = TextEncoding::Utf8Bom;
        return decodeWith(QStringDecoder::Utf8, bytes.mid(3), nullptr);
    }
    if (bytes.startsWith("\xFF\xFE")) {
        *encoding = TextEncoding::Utf16LE;
        return decodeWith(QStringDecoder::Utf16LE, bytes.mid(2), nullptr);
    }
    if (bytes.startsWith("\xFE\xFF")) {
        *encoding = TextEncoding::Utf16BE;
        return decodeWith(QStringDecoder::Utf16BE, bytes.mid(2), nullptr);
    }
    bool valid = false;
    QString text = decodeWith(QStringDecoder::Utf8, bytes, &valid);
    if (valid) {
        *encoding = TextEncoding::Utf8;
        return text;
    }
    *encoding = TextEncoding::Windows1252;
    return decodeWindows1252(bytes);
}

constexpr std::array<char16_t, 3> Candidates = {u'\t', u';', u','}; // preferred first on a tie
constexpr int SniffRecords = 20;

// The delimiter used consistently on the first records: quotes (opened at the start of a field)
// hide what they hold, blank lines do not count. The one found the same number of times, and at
// least once, on every record wins (the most often on a tie of consistency); when none is
// consistent, the one found most in the first record; when none is found, ',' (one column).
QChar sniffDelimiter(const QString &text)
{
    QList<std::array<int, 3>> records;
    std::array<int, 3> current {};
    bool inQuotes = false;
    bool atFieldStart = true;
    bool hasContent = false;
    const QChar *p = text.constData();
    const QChar *const end = p + text.size();
    for (; p != end && records.size() < SniffRecords; ++p) {
        const char16_t c = p->unicode();
        if (inQuotes) {
            if (c == u'"') {
                if (p + 1 != end && *(p + 1) == u'"')
                    ++p;
                else
                    inQuotes = false;
            }
            continue;
        }
        if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && p + 1 != end && *(p + 1) == u'\n')
                ++p;
            if (hasContent)
                records.append(current);
            current = {};
            hasContent = false;
            atFieldStart = true;
            continue;
        }
        hasContent = true;
        if (c == u'"' && atFieldStart) {
            inQuotes = true;
            atFieldStart = false;
            continue;
        }
        atFieldStart = false;
        for (std::size_t k = 0; k < Candidates.size(); ++k) {
            if (c == Candidates[k]) {
                ++current[k];
                atFieldStart = true;
            }
        }
    }
    if (hasContent && records.size() < SniffRecords)
        records.append(current);
    if (records.isEmpty())
        return QLatin1Char(',');

    int best = -1;
    for (std::size_t k = 0; k < Candidates.size(); ++k) {
        const int first = records.first()[k];
        if (first == 0)
            continue;
        bool consistent = true;
        for (const auto &record : std::as_const(records))
            consistent = consistent && record[k] == first;
        if (consistent && (best < 0 || first > records.first()[std::size_t(best)]))
            best = int(k);
    }
    if (best < 0) {
        for (std::size_t k = 0; k < Candidates.size(); ++k) {
            if (records.first()[k] > 0
                && (best < 0 || records.first()[k] > records.first()[std::size_t(best)]))
                best = int(k);
        }
    }
    return QChar(best < 0 ? u',' : Candidates[std::size_t(best)]);
}

bool allEmpty(const QStringList &cells)
{
    for (const QString &cell : cells) {
        if (!cell.isEmpty())
            return false;
    }
    return true;
}

} // namespace

QString encodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case TextEncoding::Utf8Bom:
        return QStringLiteral("UTF-8 (BOM)");
    case TextEncoding::Utf16LE:
        return QStringLiteral("UTF-16 LE");
    case TextEncoding::Utf16BE:
        return QStringLiteral("UTF-16 BE");
    case TextEncoding::Windows1252:
        return QStringLiteral("Windows-1252");
    }
    return QString();
}

TextTable readDelimited(const QByteArray &bytes, const ReadOptions &options)
{
    TextTable table;
    const QString text = decode(bytes, &table.encoding);
    table.delimiter = options.delimiter.isNull() ? sniffDelimiter(text) : options.delimiter;
    const char16_t delimiter = table.delimiter.unicode();

    enum class State { FieldStart, Unquoted, Quoted, AfterQuote };
    State state = State::FieldStart;
    QString field;
    QStringList cells;
    int line = 1; // the line the scan is on
    int rowLine = 1; // the line the current row started on
    int quoteLine = 1; // the line the open quote started on
    const auto endRow = [&] {
        cells.append(std::exchange(field, QString()));
        TextRow row;
        row.number = int(table.rows.size()) + 1;
        row.line = rowLine;
        row.cells = std::exchange(cells, QStringList());
        table.rows.append(std::move(row));
    };

    const QChar *p = text.constData();
    const QChar *const end = p + text.size();
    for (; p != end; ++p) {
        const char16_t c = p->unicode();
        if (state == State::Quoted) {
            if (c == u'"') {
                if (p + 1 != end && *(p + 1) == u'"') {
                    field.append(QLatin1Char('"'));
                    ++p;
                } else {
                    state = State::AfterQuote;
                }
            } else if (c == u'\r' || c == u'\n') {
                // A line break in a cell: one "\n", whatever the file's line ends are.
                if (c == u'\r' && p + 1 != end && *(p + 1) == u'\n')
                    ++p;
                field.append(QLatin1Char('\n'));
                ++line;
            } else {
                field.append(*p);
            }
            continue;
        }
        if (c == u'"' && state == State::FieldStart) {
            state = State::Quoted;
            quoteLine = line;
        } else if (c == delimiter) {
            cells.append(std::exchange(field, QString()));
            state = State::FieldStart;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && p + 1 != end && *(p + 1) == u'\n')
                ++p;
            endRow();
            ++line;
            rowLine = line;
            state = State::FieldStart;
        } else {
            // Text after a closing quote is kept, as spreadsheets do ("a"b reads as ab).
            field.append(*p);
            if (state == State::FieldStart)
                state = State::Unquoted;
        }
    }
    if (state == State::Quoted) {
        endRow();
        const int row = int(table.rows.size());
        table.problems.append({row,
            Text::tr("Row %1: the quote opened on line %2 is never closed; the rest of the "
                     "file was read into one cell.")
                .arg(row)
                .arg(quoteLine)});
    } else if (state != State::FieldStart || !cells.isEmpty()) {
        endRow();
    }

    while (!table.rows.isEmpty() && allEmpty(table.rows.constLast().cells))
        table.rows.removeLast();
    for (const TextRow &row : std::as_const(table.rows)) {
        for (qsizetype i = row.cells.size(); i > table.columnCount; --i) {
            if (!row.cells.at(i - 1).isEmpty()) {
                table.columnCount = int(i);
                break;
            }
        }
    }
    // A few long lines would make every row that wide (a line of a million delimiters): such a
    // file is refused rather than padded to more cells than any list of devices has.
    if (qint64(table.rows.size()) * table.columnCount > MaxCells) {
        const int rows = int(table.rows.size());
        const int columns = table.columnCount;
        table.rows.clear();
        table.columnCount = 0;
        table.problems.append({0,
            Text::tr("The file has %1 rows of %2 columns, more than %3 cells: it cannot be a "
                     "list of devices (check that it was saved as a spreadsheet's CSV).")
                .arg(rows)
                .arg(columns)
                .arg(MaxCells)});
        return table;
    }
    for (TextRow &row : table.rows) {
        if (row.cells.size() > table.columnCount)
            row.cells.resize(table.columnCount);
        while (row.cells.size() < table.columnCount)
            row.cells.append(QString());
    }
    qCDebug(lcIo) << "read" << table.rows.size() << "rows of" << table.columnCount << "columns,"
                  << encodingName(table.encoding) << "delimiter" << table.delimiter;
    return table;
}

} // namespace Flotilla::Io
