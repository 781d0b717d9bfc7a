// SPDX-License-Identifier: MIT
#include "io/xlsx.h"

#include "domain/text.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QIODevice>
#include <QLocale>
#include <QLoggingCategory>
#include <QXmlStreamReader>

#include <algorithm>
#include <cmath>
#include <memory>
#include <zip.h>

namespace Flotilla::Io {

namespace {

Q_LOGGING_CATEGORY(lcXlsx, "flotilla.io")

constexpr qint64 MaxPartSize = 512LL * 1024 * 1024; // uncompressed size of one part
constexpr qint64 MaxRatio = 200; // uncompressed : compressed
constexpr qint64 RatioCheckFrom = 1024 * 1024; // a smaller part cannot be a bomb
constexpr int MaxRows = 1048576; // Excel's limits
constexpr int MaxColumns = 16384;
// Cells held for one sheet, empty ones in between included: a few bytes of sheet can place a cell
// at XFD1048576, which would otherwise ask for 17 billion.
constexpr qint64 MaxCells = 5'000'000;

const QByteArray ZipMagic("PK\x03\x04");
const QByteArray Ole2Magic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");

// A failure with a message for people; thrown inside this file only, caught at the entries.
struct Failure
{
    QString message;
};

QString damaged(const QString &part, const QString &why)
{
    return Text::tr("The workbook is damaged: its part %1 cannot be read (%2).").arg(part, why);
}

// One part of the archive as a sequential device, unpacked as the XML reader asks for it: a
// sheet is never held whole, neither its bytes nor their text. At most the size the archive
// gives for the part is read.
class PartDevice final : public QIODevice
{
public:
    PartDevice(zip_file_t *partFile, qint64 size)
        : file(partFile)
        , remaining(size)
    {
        QIODevice::open(QIODevice::ReadOnly);
    }
    ~PartDevice() override
    {
        close();
        zip_fclose(file);
    }
    PartDevice(const PartDevice &) = delete;
    PartDevice &operator=(const PartDevice &) = delete;

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return remaining + QIODevice::bytesAvailable(); }

    QString failure; // why the part could not be unpacked (libzip's words); empty when it could

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (remaining <= 0)
            return -1;
        if (maxSize <= 0)
            return 0;
        const zip_int64_t got = zip_fread(file, data, zip_uint64_t(std::min(maxSize, remaining)));
        if (got <= 0) {
            failure = got < 0 ? QString::fromUtf8(zip_error_strerror(zip_file_get_error(file)))
                              : Text::tr("it ends early");
            remaining = 0;
            return -1;
        }
        remaining -= got;
        return got;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    zip_file_t *file;
    qint64 remaining;
};

// The archive, read from memory.
class Archive final
{
public:
    explicit Archive(const QByteArray &bytes)
    {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t *source
            = zip_source_buffer_create(bytes.constData(), zip_uint64_t(bytes.size()), 0, &error);
        if (source) {
            zip = zip_open_from_source(source, ZIP_RDONLY, &error);
            if (!zip)
                zip_source_free(source);
        }
        if (!zip) {
            code = zip_error_code_zip(&error);
            reason = QString::fromUtf8(zip_error_strerror(&error));
        }
        zip_error_fini(&error);
    }
    ~Archive()
    {
        if (zip)
            zip_discard(zip);
    }
    Archive(const Archive &) = delete;
    Archive &operator=(const Archive &) = delete;

    bool contains(const QString &name) const { return locate(name) >= 0; }

    // The part, unpacked as it is read; null when the archive has no such part. Throws when it
    // cannot be opened or is too big.
    std::unique_ptr<PartDevice> open(const QString &name) const
    {
        const zip_int64_t index = locate(name);
        if (index < 0)
            return nullptr;
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(zip, zip_uint64_t(index), 0, &stat) != 0
            || !(stat.valid & ZIP_STAT_SIZE))
            throw Failure {damaged(name, QString::fromUtf8(zip_strerror(zip)))};
        const auto size = qint64(stat.size);
        const qint64 compressed = (stat.valid & ZIP_STAT_COMP_SIZE) ? qint64(stat.comp_size) : 0;
        if (size > MaxPartSize
            || (size > RatioCheckFrom && (compressed <= 0 || size / compressed > MaxRatio))) {
            throw Failure {Text::tr("The workbook's part %1 unpacks to %L2 MB from %L3 KB: too "
                                    "big for a sheet (at most 512 MB, compressed at most 200:1). "
                                    "The file is not read.")
                               .arg(name)
                               .arg(size / (1024 * 1024))
                               .arg(compressed / 1024)};
        }
        zip_file_t *file = zip_fopen_index(zip, zip_uint64_t(index), 0);
        if (!file)
            throw Failure {damaged(name, QString::fromUtf8(zip_strerror(zip)))};
        return std::make_unique<PartDevice>(file, size);
    }

    zip_t *zip = nullptr;
    int code = ZIP_ER_OK;
    QString reason;

private:
    zip_int64_t locate(const QString &name) const
    {
        const QByteArray utf8 = name.toUtf8();
        zip_int64_t index = zip_name_locate(zip, utf8.constData(), 0);
        if (index < 0) // part names are case-insensitive in Office Open XML
            index = zip_name_locate(zip, utf8.constData(), ZIP_FL_NOCASE);
        return index;
    }
};

// The first bytes are text a spreadsheet may hold: no NUL bytes (UTF-16 with a BOM aside).
bool looksLikeText(const QByteArray &bytes)
{
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        return true;
    return !bytes.left(4096).contains('\0');
}

[[noreturn]] void refuseNonZip(const QByteArray &bytes)
{
    if (bytes.startsWith(Ole2Magic)) {
        throw Failure {Text::tr("This is an old Excel workbook (.xls) or a password-protected "
                                "one, which Flotilla cannot read. Open it in Excel or LibreOffice "
                                "and save it as an Excel workbook (.xlsx) or as CSV.")};
    }
    if (bytes.isEmpty())
        throw Failure {Text::tr("The file is empty.")};
    if (looksLikeText(bytes)) {
        throw Failure {Text::tr("This file is not an Excel workbook (.xlsx): it holds text, "
                                "perhaps CSV under another name. Save it as .xlsx or CSV, with "
                                "the name ending that way.")};
    }
    throw Failure {Text::tr("This file is not an Excel workbook (.xlsx). Open it in a "
                            "spreadsheet and save it as .xlsx or CSV.")};
}

void openOrThrow(const Archive &archive)
{
    if (!archive.zip) {
        throw Failure {Text::tr("The workbook is damaged or incomplete and cannot be opened "
                                "(%1). Save it again as .xlsx or CSV.")
                           .arg(archive.reason)};
    }
}

// Throws when the part could not be unpacked or its XML is malformed.
void checkXml(const QXmlStreamReader &xml, const PartDevice &device, const QString &part)
{
    if (!device.failure.isEmpty())
        throw Failure {damaged(part, device.failure)};
    if (xml.hasError()) {
        QString why = xml.errorString();
        while (why.endsWith(QLatin1Char('.')))
            why.chop(1);
        throw Failure {damaged(part, Text::tr("%1, line %2").arg(why).arg(xml.lineNumber()))};
    }
}

// Office Open XML text: "_xHHHH_" escapes decoded (Excel writes a CR as "_x000D_"), line
// breaks as "\n" (CRLF and CR included).
QString decodeEscapes(const QString &text)
{
    bool plain = true;
    for (const QChar c : text)
        plain = plain && c != u'_' && c != u'\r';
    if (plain)
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'_' && i + 6 < text.size() && text.at(i + 1) == u'x' && text.at(i + 6) == u'_') {
            bool ok = false;
            const uint code = QStringView(text).mid(i + 2, 4).toUInt(&ok, 16);
            if (ok) {
                out += QChar(char16_t(code));
                i += 6;
                continue;
            }
        }
        out += c;
    }
    out.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    out.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return out;
}

// The text of a string item (<si> or <is>, the reader on its start): its <t> and those of its
// rich text runs, without phonetic runs (<rPh>).
QString readStringItem(QXmlStreamReader &xml)
{
    QString text;
    int depth = 1;
    bool inPhonetic = false;
    while (depth > 0 && !xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (xml.name() == u"rPh")
                inPhonetic = true;
            else if (xml.name() == u"t" && !inPhonetic) {
                text += xml.readElementText();
                --depth;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            --depth;
            if (xml.name() == u"rPh")
                inPhonetic = false;
        }
    }
    return decodeEscapes(text);
}

struct Relationship
{
    QString type;
    QString target; // resolved: a part name inside the archive
};

QString partDirectory(const QString &part)
{
    const qsizetype slash = part.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : part.left(slash);
}

QString resolveTarget(const QString &base, const QString &target)
{
    if (target.startsWith(QLatin1Char('/')))
        return QDir::cleanPath(target.mid(1));
    return QDir::cleanPath(base.isEmpty() ? target : base + QLatin1Char('/') + target);
}

// The relationships of a part (its "_rels/<name>.rels"), by id.
QHash<QString, Relationship> readRelationships(const Archive &archive, const QString &part)
{
    const QString directory = partDirectory(part);
    const QString relsName = (directory.isEmpty() ? QString() : directory + QLatin1Char('/'))
        + QLatin1String("_rels/") + QFileInfo(part).fileName() + QLatin1String(".rels");
    QHash<QString, Relationship> relationships;
    const std::unique_ptr<PartDevice> device = archive.open(relsName);
    if (!device)
        return relationships;
    QXmlStreamReader xml(device.get());
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"Relationship") {
            const QXmlStreamAttributes attributes = xml.attributes();
            if (attributes.value(QLatin1String("TargetMode")) == u"External")
                continue;
            relationships.insert(attributes.value(QLatin1String("Id")).toString(),
                {attributes.value(QLatin1String("Type")).toString(),
                    resolveTarget(
                        directory, attributes.value(QLatin1String("Target")).toString())});
        }
    }
    checkXml(xml, *device, relsName);
    return relationships;
}

struct WorkbookSheet
{
    SheetInfo info;
    QString part; // the sheet's part in the archive
    bool worksheet = true; // false: a chart sheet or a dialog sheet
};

struct Workbook
{
    QString part;
    QList<WorkbookSheet> sheets;
    bool date1904 = false;
    QString sharedStringsPart;
    QString stylesPart;
};

Workbook readWorkbook(const Archive &archive)
{
    Workbook workbook;
    // The package's main part is named by its relationships; "xl/workbook.xml" by convention.
    for (const Relationship &relationship : readRelationships(archive, QString())) {
        if (relationship.type.endsWith(QLatin1String("/officeDocument")))
            workbook.part = relationship.target;
    }
    if (workbook.part.isEmpty() || !archive.contains(workbook.part))
        workbook.part = QStringLiteral("xl/workbook.xml");
    const std::unique_ptr<PartDevice> device = archive.open(workbook.part);
    if (!device) {
        if (archive.contains(QStringLiteral("content.xml"))
            || archive.contains(QStringLiteral("mimetype"))) {
            throw Failure {Text::tr("This is an OpenDocument spreadsheet (.ods), not an Excel "
                                    "workbook. Save it as .xlsx or CSV.")};
        }
        throw Failure {Text::tr("This ZIP archive is not an Excel workbook: it has no workbook "
                                "inside. Save the spreadsheet as .xlsx or CSV.")};
    }
    const QHash<QString, Relationship> relationships = readRelationships(archive, workbook.part);
    for (const Relationship &relationship : relationships) {
        if (relationship.type.endsWith(QLatin1String("/sharedStrings")))
            workbook.sharedStringsPart = relationship.target;
        else if (relationship.type.endsWith(QLatin1String("/styles")))
            workbook.stylesPart = relationship.target;
    }

    QXmlStreamReader xml(device.get());
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"workbookPr") {
            const QStringView value = xml.attributes().value(QLatin1String("date1904"));
            workbook.date1904 = value == u"1" || value == u"true";
        } else if (xml.name() == u"sheet") {
            const QXmlStreamAttributes attributes = xml.attributes();
            WorkbookSheet sheet;
            sheet.info.name = attributes.value(QLatin1String("name")).toString();
            const QStringView state = attributes.value(QLatin1String("state"));
            sheet.info.hidden = state == u"hidden" || state == u"veryHidden";
            for (const QXmlStreamAttribute &attribute : attributes) {
                if (attribute.name() == u"id" && !attribute.namespaceUri().isEmpty()) {
                    const Relationship relationship
                        = relationships.value(attribute.value().toString());
                    sheet.part = relationship.target;
                    sheet.worksheet = relationship.type.endsWith(QLatin1String("/worksheet"));
                }
            }
            workbook.sheets.append(sheet);
        }
    }
    checkXml(xml, *device, workbook.part);
    return workbook;
}

QList<QString> readSharedStrings(const Archive &archive, const QString &part)
{
    QList<QString> strings;
    if (part.isEmpty())
        return strings;
    const std::unique_ptr<PartDevice> device = archive.open(part);
    if (!device)
        return strings; // a workbook without text cells may have none
    QXmlStreamReader xml(device.get());
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            if (xml.name() == u"sst") {
                const qsizetype count
                    = xml.attributes().value(QLatin1String("uniqueCount")).toLongLong();
                if (count > 0 && count < 10'000'000)
                    strings.reserve(count);
            } else if (xml.name() == u"si") {
                strings.append(readStringItem(xml));
            }
        }
    }
    checkXml(xml, *device, part);
    return strings;
}

// A number format shows a date or a time: one of Excel's built-in date formats, or a format
// with d, m, y, h or s outside quoted text, [brackets] and escaped characters.
bool isDateFormatCode(QStringView code)
{
    bool inQuotes = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const char16_t c = code.at(i).unicode();
        if (inQuotes) {
            inQuotes = c != u'"';
            continue;
        }
        switch (c) {
        case u'"':
            inQuotes = true;
            break;
        case u'[': {
            const qsizetype close = code.indexOf(u']', i);
            if (close < 0)
                return false;
            i = close;
            break;
        }
        case u'\\':
        case u'_':
        case u'*':
            ++i; // the next character is literal (or padding)
            break;
        case u'd':
        case u'D':
        case u'm':
        case u'M':
        case u'y':
        case u'Y':
        case u'h':
        case u'H':
        case u's':
        case u'S':
            return true;
        default:
            break;
        }
    }
    return false;
}

bool hasTimeCode(QStringView code)
{
    return code.contains(u'h', Qt::CaseInsensitive) || code.contains(u's', Qt::CaseInsensitive);
}

struct CellStyle
{
    bool date = false;
    bool time = false; // the format shows a time of day
};

QList<CellStyle> readStyles(const Archive &archive, const QString &part)
{
    QList<CellStyle> styles;
    if (part.isEmpty())
        return styles;
    const std::unique_ptr<PartDevice> device = archive.open(part);
    if (!device)
        return styles;
    QHash<int, QString> custom;
    QXmlStreamReader xml(device.get());
    bool inNumFmts = false;
    bool inCellXfs = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QStringView name = xml.name();
            if (name == u"numFmts") {
                inNumFmts = true;
            } else if (name == u"cellXfs") {
                inCellXfs = true;
            } else if (name == u"numFmt" && inNumFmts) {
                const QXmlStreamAttributes attributes = xml.attributes();
                custom.insert(attributes.value(QLatin1String("numFmtId")).toInt(),
                    attributes.value(QLatin1String("formatCode")).toString());
            } else if (name == u"xf" && inCellXfs) {
                const int id = xml.attributes().value(QLatin1String("numFmtId")).toInt();
                CellStyle style;
                const auto found = custom.constFind(id);
                if (found != custom.constEnd()) {
                    style.date = isDateFormatCode(*found);
                    style.time = style.date && hasTimeCode(*found);
                } else {
                    style.date = (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
                    style.time = id >= 18;
                }
                styles.append(style);
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (xml.name() == u"numFmts")
                inNumFmts = false;
            else if (xml.name() == u"cellXfs")
                inCellXfs = false;
        }
    }
    checkXml(xml, *device, part);
    return styles;
}

// A number as a spreadsheet shows it in a General cell, for the import to read.
QString numberText(double value, QStringView raw)
{
    if (!std::isfinite(value))
        return raw.toString();
    if (value == std::trunc(value)) {
        if (std::fabs(value) < 1e15)
            return QString::number(qint64(value));
        // Too long for its digits to be right: what Excel shows, "8.94902E+19".
        QString text = QString::number(value, 'E', 5);
        const qsizetype e = text.indexOf(QLatin1Char('E'));
        qsizetype end = e;
        while (end > 0 && text.at(end - 1) == u'0')
            --end;
        if (end > 0 && text.at(end - 1) == u'.')
            --end;
        text.remove(end, e - end);
        return text;
    }
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// Appends `value` as `width` digits, zeros in front.
void appendDigits(char16_t *&out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char16_t(u'0' + value % 10);
        value /= 10;
    }
    out += width;
}

// A date serial number as ISO 8601: days since 1899-12-30 (1900 system, where Excel counts a
// 29 February 1900 that never was) or since 1904-01-01. Formatted digit by digit: a sheet of
// 100,000 devices has hundreds of thousands of dates.
QString dateText(double serial, bool date1904, bool showsTime)
{
    if (!std::isfinite(serial) || serial < 0 || serial >= 2958466) // up to 9999-12-31
        return QString::number(serial, 'g', QLocale::FloatingPointShortest);
    auto days = qint64(std::floor(serial));
    qint64 ms = std::llround((serial - double(days)) * 86400000.0);
    if (ms >= 86400000) {
        ++days;
        ms -= 86400000;
    }
    char16_t buffer[32];
    char16_t *out = buffer;
    const auto appendTime = [&out, time = int(ms)] {
        appendDigits(out, time / 3600000, 2);
        *out++ = u':';
        appendDigits(out, time / 60000 % 60, 2);
        *out++ = u':';
        appendDigits(out, time / 1000 % 60, 2);
        if (time % 1000) {
            *out++ = u'.';
            appendDigits(out, time % 1000, 3);
        }
    };
    const auto text = [&buffer, &out] {
        return QString(reinterpret_cast<const QChar *>(buffer), out - buffer);
    };
    if (!date1904 && days == 0) {
        appendTime(); // a time of day alone
        return text();
    }
    QDate day;
    if (date1904)
        day = QDate(1904, 1, 1).addDays(days);
    else if (days < 60)
        day = QDate(1899, 12, 31).addDays(days);
    else if (days == 60)
        day = QDate(1900, 2, 28); // Excel's 29 February 1900
    else
        day = QDate(1899, 12, 30).addDays(days);
    int year = 0;
    int month = 0;
    int dayOfMonth = 0;
    day.getDate(&year, &month, &dayOfMonth);
    if (year < 0 || year > 9999)
        return QString::number(serial, 'g', QLocale::FloatingPointShortest);
    appendDigits(out, year, 4);
    *out++ = u'-';
    appendDigits(out, month, 2);
    *out++ = u'-';
    appendDigits(out, dayOfMonth, 2);
    if (showsTime || ms != 0) {
        *out++ = u'T';
        appendTime();
    }
    return text();
}

// "C7" → column 2 (from 0); -1 when there are no letters.
int columnOf(QStringView reference)
{
    int column = 0;
    qsizetype i = 0;
    for (; i < reference.size(); ++i) {
        const char16_t c = reference.at(i).unicode();
        if (c >= u'A' && c <= u'Z')
            column = column * 26 + (c - u'A' + 1);
        else if (c >= u'a' && c <= u'z')
            column = column * 26 + (c - u'a' + 1);
        else
            break;
        if (column > MaxColumns)
            return MaxColumns; // out of range: reported by the caller
    }
    return i == 0 ? -1 : column - 1;
}

// The text of a value element (<v>, the reader on its start) into `text`, which keeps its
// room from one cell to the next (readElementText() would make a string for each).
void readValue(QXmlStreamReader &xml, QString &text)
{
    text.resize(0);
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::Characters:
        case QXmlStreamReader::EntityReference:
            text += xml.text();
            break;
        case QXmlStreamReader::EndElement:
            return;
        case QXmlStreamReader::StartElement:
            xml.raiseError(Text::tr("a value holds an element"));
            return;
        default: // comments, processing instructions
            break;
        }
    }
}

struct SheetContext
{
    const QList<QString> &strings;
    const QList<CellStyle> &styles;
    bool date1904 = false;
};

[[noreturn]] void tooManyCells(qint64 rows, qint64 columns)
{
    throw Failure {Text::tr("The sheet is too big to read: %L1 rows by %L2 columns. Flotilla reads "
                            "up to %L3 cells; remove what is not needed or split the sheet.")
                       .arg(rows)
                       .arg(columns)
                       .arg(MaxCells)};
}

void readSheet(
    PartDevice &device, const QString &part, const SheetContext &context, TextTable &table)
{
    QXmlStreamReader xml(&device);
    QList<TextRow> &rows = table.rows;
    int rowIndex = -1; // of the current row, from 0
    int column = -1; // of the current cell
    enum class Kind { Number, Shared, Inline, Formula, Bool, Error, Date };
    Kind kind = Kind::Number;
    int style = 0;
    QString value;
    QString inlineText;
    bool hasValue = false;
    bool hasInline = false;
    qint64 cellsHeld = 0;
    qsizetype widest = 0; // cells in the widest row so far
    const auto fail = [&](const QString &why) { throw Failure {damaged(part, why)}; };
    const auto rowAt = [&](int index) -> TextRow & {
        while (rows.size() <= index) {
            TextRow row;
            row.number = int(rows.size()) + 1;
            row.line = row.number;
            rows.append(row);
        }
        return rows[index];
    };
    const auto finishCell = [&] {
        QString text;
        CellType type = CellType::Text;
        if (kind == Kind::Shared) {
            bool ok = false;
            const qsizetype index = value.toLongLong(&ok);
            if (!hasValue)
                return;
            if (!ok || index < 0 || index >= context.strings.size())
                fail(Text::tr("a cell refers to shared text %1 of %2")
                         .arg(value)
                         .arg(context.strings.size()));
            text = context.strings.at(index);
        } else if (kind == Kind::Inline) {
            if (!hasInline)
                return;
            text = inlineText;
        } else if (kind == Kind::Formula) {
            text = decodeEscapes(value);
        } else if (kind == Kind::Bool) {
            if (!hasValue)
                return;
            type = CellType::Bool;
            text = (value == u"1" || value == u"true") ? QStringLiteral("true")
                                                       : QStringLiteral("false");
        } else if (kind == Kind::Error) {
            if (!hasValue)
                return;
            type = CellType::Error;
            text = value;
        } else if (kind == Kind::Date) {
            if (!hasValue)
                return;
            type = CellType::Date;
            text = value;
        } else { // "n" or none: a number
            if (!hasValue || value.isEmpty())
                return;
            bool ok = false;
            const double number = QStringView(value).toDouble(&ok);
            if (!ok)
                fail(Text::tr("a number cell holds \"%1\"").arg(value.left(40)));
            const CellStyle cellStyle = style >= 0 && style < context.styles.size()
                ? context.styles.at(style)
                : CellStyle {};
            if (cellStyle.date) {
                type = CellType::Date;
                text = dateText(number, context.date1904, cellStyle.time);
            } else {
                type = CellType::Number;
                text = numberText(number, value);
            }
        }
        TextRow &row = rowAt(rowIndex);
        if (row.cells.size() <= column) {
            cellsHeld += column + 1 - row.cells.size();
            if (cellsHeld > MaxCells)
                tooManyCells(rows.size(), column + 1);
            widest = std::max(widest, qsizetype(column) + 1);
            if (row.cells.capacity() <= column) { // room for as many cells as the widest row
                row.cells.reserve(widest);
                row.types.reserve(widest);
            }
            row.cells.resize(column + 1);
            row.types.resize(column + 1, CellType::Empty);
        }
        row.cells[column] = text;
        row.types[column] = type;
    };

    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QStringView name = xml.name();
            if (name == u"c") {
                // The attributes looked at once each: "r", "t" and "s" are all a cell has.
                QStringView reference;
                QStringView type;
                QStringView styleIndex;
                const QXmlStreamAttributes attributes = xml.attributes();
                for (const QXmlStreamAttribute &attribute : attributes) {
                    const QStringView attributeName = attribute.qualifiedName();
                    if (attributeName == u"r")
                        reference = attribute.value();
                    else if (attributeName == u"t")
                        type = attribute.value();
                    else if (attributeName == u"s")
                        styleIndex = attribute.value();
                }
                const int given = reference.isEmpty() ? -1 : columnOf(reference);
                column = given >= 0 ? given : column + 1;
                if (column >= MaxColumns)
                    fail(Text::tr("a cell is beyond the last column (%1)").arg(reference));
                if (rowIndex < 0)
                    rowIndex = 0;
                kind = type.isEmpty() || type == u"n" ? Kind::Number
                    : type == u"s"                    ? Kind::Shared
                    : type == u"inlineStr"            ? Kind::Inline
                    : type == u"str"                  ? Kind::Formula
                    : type == u"b"                    ? Kind::Bool
                    : type == u"e"                    ? Kind::Error
                    : type == u"d"                    ? Kind::Date
                                                      : Kind::Formula;
                style = styleIndex.toInt();
                value.resize(0); // its room kept for the next value
                inlineText.clear();
                hasValue = false;
                hasInline = false;
            } else if (name == u"v") {
                readValue(xml, value);
                hasValue = true;
            } else if (name == u"is") {
                inlineText = readStringItem(xml);
                hasInline = true;
            } else if (name == u"row") {
                const QStringView number = xml.attributes().value(QLatin1String("r"));
                bool ok = false;
                const int given = number.toInt(&ok);
                if (!number.isEmpty() && (!ok || given < 1 || given > MaxRows))
                    fail(Text::tr("a row has the number \"%1\"").arg(number.left(20)));
                rowIndex = number.isEmpty() ? rowIndex + 1 : given - 1;
                column = -1;
            } else if (name == u"f") {
                xml.skipCurrentElement(); // the formula; its result is in <v>
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (xml.name() == u"c")
                finishCell();
            else if (xml.name() == u"sheetData")
                break;
        }
    }
    checkXml(xml, device, part);
}

// Trailing empty rows and columns off; every row exactly columnCount cells and types.
void normalize(TextTable &table)
{
    const auto rowIsEmpty = [](const TextRow &row) {
        for (const QString &cell : row.cells) {
            if (!cell.isEmpty())
                return false;
        }
        return true;
    };
    while (!table.rows.isEmpty() && rowIsEmpty(table.rows.constLast()))
        table.rows.removeLast();
    table.columnCount = 0;
    for (const TextRow &row : std::as_const(table.rows)) {
        for (qsizetype i = row.cells.size(); i > table.columnCount; --i) {
            if (!row.cells.at(i - 1).isEmpty()) {
                table.columnCount = int(i);
                break;
            }
        }
    }
    if (qint64(table.rows.size()) * table.columnCount > MaxCells)
        tooManyCells(table.rows.size(), table.columnCount);
    for (TextRow &row : table.rows) {
        row.cells.resize(table.columnCount);
        row.types.resize(table.columnCount, CellType::Empty);
    }
}

void clearError(QString *error)
{
    if (error)
        error->clear();
}

} // namespace

QList<SheetInfo> xlsxSheets(const QByteArray &bytes, QString *error)
{
    clearError(error);
    try {
        if (!bytes.startsWith(ZipMagic))
            refuseNonZip(bytes);
        const Archive archive(bytes);
        openOrThrow(archive);
        QList<SheetInfo> sheets;
        for (const WorkbookSheet &sheet : readWorkbook(archive).sheets) {
            SheetInfo info = sheet.info;
            info.worksheet = sheet.worksheet;
            sheets.append(info);
        }
        return sheets;
    } catch (const Failure &failure) {
        if (error)
            *error = failure.message;
        return {};
    }
}

TextTable readXlsx(const QByteArray &bytes, const XlsxOptions &options, QString *error)
{
    clearError(error);
    TextTable table;
    try {
        if (!bytes.startsWith(ZipMagic))
            refuseNonZip(bytes);
        const Archive archive(bytes);
        openOrThrow(archive);
        const Workbook workbook = readWorkbook(archive);
        if (workbook.sheets.isEmpty())
            throw Failure {Text::tr("The workbook has no sheets.")};
        const WorkbookSheet *chosen = nullptr;
        if (options.sheet.isEmpty()) {
            for (const WorkbookSheet &sheet : workbook.sheets) {
                if (!sheet.info.hidden && sheet.worksheet) {
                    chosen = &sheet;
                    break;
                }
            }
            if (!chosen)
                throw Failure {Text::tr("The workbook has no visible sheet with a table.")};
        } else {
            for (const Qt::CaseSensitivity sensitivity : {Qt::CaseSensitive, Qt::CaseInsensitive}) {
                for (const WorkbookSheet &sheet : workbook.sheets) {
                    if (!chosen && sheet.info.name.compare(options.sheet, sensitivity) == 0)
                        chosen = &sheet;
                }
            }
            if (!chosen) {
                QStringList names;
                for (const WorkbookSheet &sheet : workbook.sheets)
                    names.append(QStringLiteral("\u201C%1\u201D").arg(sheet.info.name));
                throw Failure {Text::tr("The workbook has no sheet named \u201C%1\u201D; its "
                                        "sheets are %2.")
                                   .arg(options.sheet, names.join(QLatin1String(", ")))};
            }
            if (!chosen->worksheet) {
                throw Failure {Text::tr("The sheet \u201C%1\u201D is a chart, not a table.")
                                   .arg(chosen->info.name)};
            }
        }
        table.sheet = chosen->info.name;
        const std::unique_ptr<PartDevice> sheet
            = chosen->part.isEmpty() ? nullptr : archive.open(chosen->part);
        if (!sheet) {
            throw Failure {Text::tr("The workbook is damaged: its sheet \u201C%1\u201D is missing.")
                               .arg(chosen->info.name)};
        }
        const QList<QString> strings = readSharedStrings(archive, workbook.sharedStringsPart);
        const QList<CellStyle> styles = readStyles(archive, workbook.stylesPart);
        readSheet(*sheet, chosen->part, {strings, styles, workbook.date1904}, table);
        normalize(table);
    } catch (const Failure &failure) {
        if (error)
            *error = failure.message;
        qCDebug(lcXlsx) << "workbook not read:" << failure.message;
        return {};
    }
    qCDebug(lcXlsx) << "read sheet" << table.sheet << ":" << table.rows.size() << "rows of"
                    << table.columnCount << "columns";
    return table;
}

TextTable readSpreadsheet(const QByteArray &bytes, const QString &fileName,
    const XlsxOptions &options, QString *error, const ReadOptions &textOptions)
{
    clearError(error);
    const QString name = QFileInfo(fileName).fileName();
    const auto named = [&](const QString &message) {
        return name.isEmpty() ? message : QStringLiteral("%1: %2").arg(name, message);
    };
    if (bytes.startsWith(ZipMagic) || bytes.startsWith(Ole2Magic) || !looksLikeText(bytes)) {
        QString xlsxError;
        TextTable table = readXlsx(bytes, options, &xlsxError);
        if (!xlsxError.isEmpty() && error)
            *error = named(xlsxError);
        return table;
    }
    return readDelimited(bytes, textOptions);
}

} // namespace Flotilla::Io
