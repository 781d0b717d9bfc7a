// SPDX-License-Identifier: MIT
// writeXlsx(): libxlsxwriter in constant memory mode behind the ExportTable interface.
#include "domain/text.h"
#include "io/tablewriter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryFile>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <system_error>
#include <xlsxwriter.h>

namespace Flotilla::Io {

namespace {

Q_LOGGING_CATEGORY(lcXlsxWriter, "flotilla.io")

constexpr int MaxCellText = 32767; // Excel's limit for the text of one cell
constexpr int WidthSampleRows = 200; // rows looked at to size the columns
constexpr double MinWidth = 8;
constexpr double MaxWidth = 50;

bool isNumber(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
    case QMetaType::Double:
    case QMetaType::Float:
        return true;
    default:
        return false;
    }
}

// The text of a cell that is written as a string, at most what Excel holds in a cell.
QByteArray cellText(const QVariant &value)
{
    QString text = value.typeId() == QMetaType::QDateTime
        ? value.toDateTime().toUTC().toString(Qt::ISODate)
        : value.toString();
    if (text.size() > MaxCellText) {
        qsizetype cut = MaxCellText;
        if (text.at(cut - 1).isHighSurrogate())
            --cut;
        qCWarning(lcXlsxWriter) << "a cell's text of" << text.size()
                                << "characters was cut to Excel's limit";
        text.truncate(cut);
    }
    // Office Open XML reads "_xHHHH_" as an escaped character: a literal one keeps its
    // underscore as "_x005F_" (libxlsxwriter escapes control characters, not this).
    for (qsizetype i = text.indexOf(QLatin1String("_x")); i >= 0;
         i = text.indexOf(QLatin1String("_x"), i + 1)) {
        if (i + 6 < text.size() && text.at(i + 6) == u'_') {
            bool hex = false;
            (void)QStringView(text).mid(i + 2, 4).toUInt(&hex, 16);
            if (hex) {
                text.insert(i + 1, QLatin1String("x005F_"));
                i += 6;
            }
        }
    }
    return text.toUtf8();
}

// The width (in characters) a cell's value needs in its column.
double widthOf(const QVariant &value, CellType type)
{
    if (value.isNull() || !value.isValid())
        return 0;
    if (value.typeId() == QMetaType::QDateTime)
        return 19;
    if (value.typeId() == QMetaType::Bool)
        return 5;
    if (type == CellType::Number && isNumber(value))
        return double(QString::number(value.toDouble(), 'g', 15).size());
    qsizetype longest = 0;
    const QString text = value.toString();
    for (const QStringView line : QStringView(text).split(u'\n'))
        longest = std::max(longest, line.size());
    return double(longest);
}

class Workbook final
{
public:
    explicit Workbook(const QByteArray &fileName)
    {
        lxw_workbook_options options {};
        options.constant_memory = LXW_TRUE;
        workbook = workbook_new_opt(fileName.constData(), &options);
    }
    ~Workbook()
    {
        if (workbook)
            workbook_close(workbook);
    }
    Workbook(const Workbook &) = delete;
    Workbook &operator=(const Workbook &) = delete;

    lxw_error close()
    {
        const lxw_error result = workbook_close(workbook);
        workbook = nullptr;
        return result;
    }

    lxw_workbook *workbook = nullptr;
};

struct Sheet
{
    lxw_worksheet *sheet;
    lxw_format *dateTime;
    lxw_format *date;
    QByteArray *buffer; // a cell's text as UTF-8, reused from one cell to the next
};

// Plain text as UTF-8 into `out` (its room kept from one cell to the next) when nothing in it
// needs cellText(): ASCII, within Excel's limit, no "_x" that could read as an escape. Most cells
// of a device table are; false for the others.
bool plainText(const QVariant &value, QByteArray &out)
{
    if (value.typeId() != QMetaType::QString)
        return false;
    const QString &text = *static_cast<const QString *>(value.constData());
    if (text.size() > MaxCellText)
        return false;
    out.resize(text.size());
    char *bytes = out.data();
    const QChar *chars = text.constData();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = chars[i].unicode();
        if (c >= 0x80 || (c == u'x' && i > 0 && chars[i - 1] == u'_'))
            return false;
        bytes[i] = char(c);
    }
    return true;
}

lxw_error writeText(const Sheet &sheet, lxw_row_t row, lxw_col_t column, const QVariant &value)
{
    if (!plainText(value, *sheet.buffer))
        *sheet.buffer = cellText(value);
    if (sheet.buffer->isEmpty())
        return LXW_NO_ERROR;
    return worksheet_write_string(sheet.sheet, row, column, sheet.buffer->constData(), nullptr);
}

// One cell as its column's type asks: a Text column's cells are always strings (a serial given
// as a number stays "00123"-safe text), the others are numbers, dates or booleans when the value
// is one, else text.
lxw_error writeCell(
    const Sheet &sheet, lxw_row_t row, lxw_col_t column, const QVariant &value, CellType type)
{
    if (value.isNull() || !value.isValid())
        return LXW_NO_ERROR;
    switch (type) {
    case CellType::Bool:
        if (value.typeId() != QMetaType::Bool)
            break;
        return worksheet_write_boolean(sheet.sheet, row, column, value.toBool(), nullptr);
    case CellType::Number: {
        if (!isNumber(value))
            break;
        const double number = value.toDouble();
        if (!std::isfinite(number))
            return LXW_NO_ERROR;
        return worksheet_write_number(sheet.sheet, row, column, number, nullptr);
    }
    case CellType::Date: {
        QDateTime when;
        if (value.typeId() == QMetaType::QDateTime)
            when = value.toDateTime().toUTC();
        else if (value.typeId() == QMetaType::QDate)
            when = value.toDate().startOfDay(Qt::UTC);
        else
            break;
        if (!when.isValid())
            return LXW_NO_ERROR;
        const QDate day = when.date();
        const QTime time = when.time();
        if (day.year() < 1900 || day.year() > 9999)
            break; // outside Excel's calendar: the ISO text, so that nothing is lost
        lxw_datetime stamp {day.year(), day.month(), day.day(), time.hour(), time.minute(),
            time.second() + time.msec() / 1000.0};
        return worksheet_write_datetime(sheet.sheet, row, column, &stamp,
            value.typeId() == QMetaType::QDate ? sheet.date : sheet.dateTime);
    }
    case CellType::Text:
    case CellType::Empty:
    case CellType::Error:
        break;
    }
    return writeText(sheet, row, column, value);
}

QString libraryError(lxw_error error)
{
    return QString::fromUtf8(lxw_strerror(error));
}

} // namespace

bool writeXlsx(const QString &path, const ExportTable &table, QString *error)
{
    if (error)
        error->clear();
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        qCWarning(lcXlsxWriter) << "writing" << path << "failed:" << message;
        return false;
    };
    const qsizetype columns = table.columns.size();
    if (table.rowCount < 0 || qint64(table.rowCount) + 1 > LXW_ROW_MAX)
        return fail(Text::tr("An Excel sheet holds at most %L1 rows; this table has %L2.")
                        .arg(LXW_ROW_MAX - 1)
                        .arg(table.rowCount));
    if (columns > LXW_COL_MAX)
        return fail(Text::tr("An Excel sheet holds at most %L1 columns; this table has %L2.")
                        .arg(LXW_COL_MAX)
                        .arg(columns));

    const QFileInfo target(path);
    const QString folder = QDir::toNativeSeparators(target.absolutePath());
    if (target.isDir())
        return fail(Text::tr("%1 is a folder.").arg(QDir::toNativeSeparators(path)));
    // A file of our own next to the target, renamed over it once complete.
    QTemporaryFile part(target.absolutePath() + QLatin1String("/.") + target.fileName()
        + QLatin1String(".XXXXXX.part"));
    if (!part.open())
        return fail(Text::tr("Cannot write in the folder %1: %2").arg(folder, part.errorString()));
    const QString partPath = part.fileName();
    part.close(); // libxlsxwriter writes it by name; QTemporaryFile removes it unless renamed

    Workbook book(QFile::encodeName(partPath));
    if (!book.workbook)
        return fail(Text::tr("The Excel file could not be started (out of memory?)."));
    const QByteArray sheetName = sanitizedSheetName(table.sheetName).toUtf8();
    lxw_worksheet *sheet = workbook_add_worksheet(book.workbook, sheetName.constData());
    if (!sheet)
        return fail(Text::tr("The Excel sheet could not be added."));
    lxw_format *headerFormat = workbook_add_format(book.workbook);
    format_set_bold(headerFormat);
    lxw_format *dateTimeFormat = workbook_add_format(book.workbook);
    format_set_num_format(dateTimeFormat, "yyyy-mm-dd hh:mm:ss");
    lxw_format *dateFormat = workbook_add_format(book.workbook);
    format_set_num_format(dateFormat, "yyyy-mm-dd");

    // Column widths from the headers and the first rows (rows are made again when written).
    QList<double> widths(columns, 0);
    QVariantList cells;
    for (qsizetype c = 0; c < columns; ++c)
        widths[c] = double(table.columns.at(c).header.size()) + 1; // bold is wider
    for (int r = 0; r < std::min(table.rowCount, WidthSampleRows) && table.row; ++r) {
        cells.clear();
        table.row(r, cells);
        for (qsizetype c = 0; c < std::min(columns, cells.size()); ++c)
            widths[c] = std::max(widths[c], widthOf(cells.at(c), table.columns.at(c).type));
    }
    for (qsizetype c = 0; c < columns; ++c) {
        const double width = std::clamp(widths[c] + 2, MinWidth, MaxWidth);
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), width, nullptr);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    if (columns > 0)
        worksheet_autofilter(sheet, 0, 0, lxw_row_t(table.rowCount), lxw_col_t(columns - 1));

    lxw_error result = LXW_NO_ERROR;
    for (qsizetype c = 0; c < columns && result == LXW_NO_ERROR; ++c) {
        result = worksheet_write_string(
            sheet, 0, lxw_col_t(c), cellText(table.columns.at(c).header).constData(), headerFormat);
    }
    QByteArray buffer;
    const Sheet cellSheet {sheet, dateTimeFormat, dateFormat, &buffer};
    for (int r = 0; r < table.rowCount && result == LXW_NO_ERROR && table.row; ++r) {
        cells.clear();
        table.row(r, cells);
        const auto row = lxw_row_t(r + 1);
        for (qsizetype c = 0; c < std::min(columns, cells.size()) && result == LXW_NO_ERROR; ++c)
            result = writeCell(cellSheet, row, lxw_col_t(c), cells.at(c), table.columns.at(c).type);
    }
    const lxw_error closed = book.close();
    if (result == LXW_NO_ERROR)
        result = closed;
    if (result != LXW_NO_ERROR)
        return fail(Text::tr("The Excel file could not be written: %1.").arg(libraryError(result)));

    std::error_code code;
    std::filesystem::rename(std::filesystem::path(QFile::encodeName(partPath).toStdString()),
        std::filesystem::path(QFile::encodeName(target.absoluteFilePath()).toStdString()), code);
    if (code) {
        return fail(
            Text::tr("The Excel file could not be saved as %1: %2")
                .arg(QDir::toNativeSeparators(path), QString::fromStdString(code.message())));
    }
    part.setAutoRemove(false); // renamed: it is the file now
    QFile::setPermissions(target.absoluteFilePath(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
            | QFileDevice::ReadOther);
    qCDebug(lcXlsxWriter) << "wrote" << table.rowCount << "rows of" << columns << "columns to"
                          << path;
    return true;
}

} // namespace Flotilla::Io
