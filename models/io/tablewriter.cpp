// SPDX-License-Identifier: MIT
#include "io/tablewriter.h"

#include "domain/text.h"

#include <QDate>
#include <QDateTime>
#include <QIODevice>
#include <QLocale>
#include <QMetaType>

#include <cmath>

namespace Flotilla::Io {

namespace {

bool isFormulaStart(const QString &text)
{
    if (text.isEmpty())
        return false;
    switch (text.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return true;
    default:
        return false;
    }
}

QString csvNumber(double value, QChar decimalPoint)
{
    if (!std::isfinite(value))
        return QString();
    if (value == std::trunc(value) && std::fabs(value) < 1e18)
        return QString::number(qint64(value));
    QString text = QString::number(value, 'f', QLocale::FloatingPointShortest);
    if (decimalPoint != QLatin1Char('.'))
        text.replace(QLatin1Char('.'), decimalPoint);
    return text;
}

// The text of one cell as the CSV holds it, before quoting.
QString csvText(const QVariant &value, QChar decimalPoint)
{
    if (value.isNull() || !value.isValid())
        return QString();
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
        return QString::number(value.toLongLong());
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
        return QString::number(value.toULongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return csvNumber(value.toDouble(), decimalPoint);
    case QMetaType::QDateTime: {
        const QDateTime when = value.toDateTime();
        return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
    }
    case QMetaType::QDate: {
        const QDate day = value.toDate();
        return day.isValid() ? day.toString(Qt::ISODate) : QString();
    }
    default: {
        QString text = value.toString();
        if (isFormulaStart(text))
            text.prepend(QLatin1Char('\''));
        return text;
    }
    }
}

void appendField(QString &line, const QString &text, QChar delimiter)
{
    bool quote = !text.isEmpty() && (text.front() == u' ' || text.back() == u' ');
    for (qsizetype i = 0; !quote && i < text.size(); ++i) {
        const QChar c = text.at(i);
        quote = c == delimiter || c == u'"' || c == u'\r' || c == u'\n';
    }
    if (!quote) {
        line += text;
        return;
    }
    line += QLatin1Char('"');
    for (const QChar c : text) {
        if (c == u'"')
            line += QLatin1Char('"');
        line += c;
    }
    line += QLatin1Char('"');
}

} // namespace

bool writeCsv(QIODevice *out, const ExportTable &table, const CsvOptions &options, QString *error)
{
    if (error)
        error->clear();
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!out || !out->isWritable())
        return fail(Text::tr("The file cannot be written: it is not open for writing."));
    const QChar delimiter = options.delimiter;
    if (delimiter != u',' && delimiter != u';' && delimiter != u'\t')
        return fail(Text::tr("CSV files are written with a comma, a semicolon or a tab between "
                             "the cells."));

    constexpr qsizetype FlushAt = 64 * 1024;
    QByteArray buffer("\xEF\xBB\xBF");
    QString line;
    const auto flush = [&](bool force) {
        if (!force && buffer.size() < FlushAt)
            return true;
        if (!buffer.isEmpty() && out->write(buffer) != buffer.size())
            return false;
        buffer.clear();
        return true;
    };
    const auto endLine = [&] {
        line += QLatin1String("\r\n");
        buffer += line.toUtf8();
        line.clear();
        return flush(false);
    };
    const auto writeFailed = [&] {
        return fail(Text::tr("The file could not be written: %1").arg(out->errorString()));
    };

    const qsizetype columns = table.columns.size();
    for (qsizetype c = 0; c < columns; ++c) {
        if (c > 0)
            line += delimiter;
        QString header = table.columns.at(c).header;
        if (isFormulaStart(header))
            header.prepend(QLatin1Char('\''));
        appendField(line, header, delimiter);
    }
    if (!endLine())
        return writeFailed();

    QVariantList cells;
    for (int r = 0; r < table.rowCount; ++r) {
        cells.clear();
        if (table.row)
            table.row(r, cells);
        for (qsizetype c = 0; c < columns; ++c) {
            if (c > 0)
                line += delimiter;
            if (c < cells.size())
                appendField(line, csvText(cells.at(c), options.decimalPoint), delimiter);
        }
        if (!endLine())
            return writeFailed();
    }
    if (!flush(true))
        return writeFailed();
    return true;
}

QString sanitizedSheetName(const QString &name)
{
    static const QString Forbidden = QStringLiteral("[]:*?/\\");
    QString result;
    result.reserve(name.size());
    for (const QChar c : name) {
        if (Forbidden.contains(c))
            result += QLatin1Char('_');
        else if (c.unicode() < 0x20)
            result += QLatin1Char(' ');
        else
            result += c;
    }
    result = result.trimmed();
    while (result.startsWith(QLatin1Char('\'')))
        result.remove(0, 1);
    constexpr qsizetype MaxLength = 31;
    if (result.size() > MaxLength) {
        qsizetype cut = MaxLength;
        if (result.at(cut - 1).isHighSurrogate())
            --cut; // never half a character
        result.truncate(cut);
    }
    while (result.endsWith(QLatin1Char('\'')))
        result.chop(1);
    result = result.trimmed();
    if (result.isEmpty())
        return QStringLiteral("Devices");
    if (result.compare(QLatin1String("History"), Qt::CaseInsensitive) == 0)
        result += QLatin1Char('_');
    return result;
}

} // namespace Flotilla::Io
