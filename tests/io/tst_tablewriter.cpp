// SPDX-License-Identifier: MIT
// Writing tables for spreadsheets: the exact bytes of CSV files (byte order mark, CRLF, quoting,
// the semicolon of German Excel, dates, formula-looking text), and XLSX files read back.
#include "io/tablewriter.h"
#include "io/xlsx.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Flotilla::Io;

namespace {

// A table whose rows are the given lists of cells.
ExportTable tableOf(const QList<ExportColumn> &columns, const QList<QVariantList> &rows)
{
    ExportTable table;
    table.columns = columns;
    table.rowCount = int(rows.size());
    table.row = [rows](int row, QVariantList &cells) { cells = rows.at(row); };
    return table;
}

QByteArray csv(const ExportTable &table, const CsvOptions &options = {})
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!writeCsv(&buffer, table, options, &error))
        qWarning() << error;
    return bytes;
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

// The round trip's table: every type, text that must stay text, and empty cells.
ExportTable roundTripTable(int rowCount)
{
    ExportTable table;
    table.columns = {{QStringLiteral("Device ID"), CellType::Text},
        {QStringLiteral("Name"), CellType::Text}, {QStringLiteral("ICCID"), CellType::Text},
        {QStringLiteral("Serial"), CellType::Text}, {QStringLiteral("Count"), CellType::Number},
        {QStringLiteral("Ratio"), CellType::Number}, {QStringLiteral("Last seen"), CellType::Date},
        {QStringLiteral("Online"), CellType::Bool}};
    table.rowCount = rowCount;
    table.sheetName = QStringLiteral("Acme: Berlin/Test");
    table.row = [](int row, QVariantList &cells) {
        cells << QStringLiteral("e00fce68%1").arg(row, 16, 16, QLatin1Char('0'))
              << (row % 3 == 0 ? QStringLiteral("M\u00FCller \u00C4\u00D6\u00DC\u00DF #%1").arg(row)
                         : row % 3 == 1 ? QStringLiteral("two\nlines =1+1 %1").arg(row)
                                        : QStringLiteral("  spaced  "))
              << QStringLiteral("894902000012345%1").arg(row, 5, 10, QLatin1Char('0'))
              << QStringLiteral("%1").arg(row, 6, 10, QLatin1Char('0')) << qint64(row * 1000 - 7)
              << (row % 2 ? QVariant(row + 0.125) : QVariant())
              << (row % 5 ? QVariant(utc(2026, 12, 7, 4, 31, 0).addSecs(row * 3601)) : QVariant())
              << (row % 7 ? QVariant(row % 2 == 0) : QVariant());
    };
    return table;
}

// The texts and types the reader must give for row `row` of roundTripTable().
void expectedRoundTripRow(int row, QStringList &texts, QList<CellType> &types)
{
    QVariantList cells;
    roundTripTable(row + 1).row(row, cells);
    texts.clear();
    types.clear();
    for (qsizetype c = 0; c < 4; ++c) {
        texts << cells.at(c).toString();
        types << CellType::Text;
    }
    texts << QString::number(cells.at(4).toLongLong());
    types << CellType::Number;
    texts << (cells.at(5).isNull()
            ? QString()
            : QString::number(cells.at(5).toDouble(), 'g', QLocale::FloatingPointShortest));
    types << (cells.at(5).isNull() ? CellType::Empty : CellType::Number);
    // A spreadsheet's dates have no time zone: the UTC time without the "Z".
    texts << (cells.at(6).isNull()
            ? QString()
            : cells.at(6).toDateTime().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")));
    types << (cells.at(6).isNull() ? CellType::Empty : CellType::Date);
    texts << (cells.at(7).isNull() ? QString()
            : cells.at(7).toBool() ? QStringLiteral("true")
                                   : QStringLiteral("false"));
    types << (cells.at(7).isNull() ? CellType::Empty : CellType::Bool);
}

} // namespace

class TestTableWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvBytes_data();
    void csvBytes();
    void csvRowsAreAskedForOneAtATime();
    void csvWriteFailure();
    void sheetNames_data();
    void sheetNames();
    void xlsxIsAZipWorkbook();
    void xlsxRoundTrip();
    void xlsxTenThousandRows();
    void xlsxColumnTypeDecides();
    void xlsxTextKeptAsWritten();
    void xlsxFailureLeavesNothing();
    void xlsxFailureKeepsTheExistingFile();
};

void TestTableWriter::csvBytes_data()
{
    QTest::addColumn<QList<ExportColumn>>("columns");
    QTest::addColumn<QList<QVariantList>>("rows");
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<QChar>("decimalPoint");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray bom("\xEF\xBB\xBF");
    const QChar comma = QLatin1Char(',');
    const QChar semicolon = QLatin1Char(';');
    const QChar point = QLatin1Char('.');
    const QList<ExportColumn> idName {
        {QStringLiteral("Device ID"), CellType::Text}, {QStringLiteral("Name"), CellType::Text}};

    QTest::newRow("header only") << idName << QList<QVariantList> {} << comma << point
                                 << bom + "Device ID,Name\r\n";
    QTest::newRow("plain text, leading zeros kept")
        << idName << QList<QVariantList> {{QStringLiteral("e00fce68"), QStringLiteral("00123")}}
        << comma << point << bom + "Device ID,Name\r\ne00fce68,00123\r\n";
    QTest::newRow("quoting: delimiter, quote, line breaks, outer spaces")
        << idName
        << QList<QVariantList> {{QStringLiteral("a,b"), QStringLiteral("say \"hi\"")},
               {QStringLiteral("two\nlines"), QStringLiteral("cr\rhere")},
               {QStringLiteral(" lead"), QStringLiteral("trail ")},
               {QStringLiteral("in side"), QStringLiteral("semi;colon")}}
        << comma << point
        << bom
            + "Device ID,Name\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",\"cr\rhere\"\r\n"
              "\" lead\",\"trail \"\r\nin side,semi;colon\r\n";
    QTest::newRow("semicolon: commas are not quoted, semicolons are")
        << idName << QList<QVariantList> {{QStringLiteral("a,b"), QStringLiteral("c;d")}}
        << semicolon << point << bom + "Device ID;Name\r\na,b;\"c;d\"\r\n";
    QTest::newRow("umlauts are UTF-8")
        << idName << QList<QVariantList> {{QStringLiteral("K\u00F6ln"), QStringLiteral("\u20AC")}}
        << comma << point << bom + "Device ID,Name\r\nK\xC3\xB6ln,\xE2\x82\xAC\r\n";
    QTest::newRow("formula-looking text gets an apostrophe")
        << QList<ExportColumn> {{QStringLiteral("Note"), CellType::Text}}
        << QList<QVariantList> {{QStringLiteral("=HYPERLINK(\"http://x\")")},
               {QStringLiteral("+49 30 1234")}, {QStringLiteral("-test-")},
               {QStringLiteral("@SUM(A1)")}, {QStringLiteral("\tTAB")}, {QStringLiteral("a=b")}}
        << comma << point
        << bom
            + "Note\r\n\"'=HYPERLINK(\"\"http://x\"\")\"\r\n'+49 30 1234\r\n'-test-\r\n"
              "'@SUM(A1)\r\n'\tTAB\r\na=b\r\n";
    QTest::newRow("numbers, dates, booleans, empty cells")
        << QList<ExportColumn> {{QStringLiteral("Count"), CellType::Number},
               {QStringLiteral("Ratio"), CellType::Number},
               {QStringLiteral("Last seen"), CellType::Date},
               {QStringLiteral("Online"), CellType::Bool}}
        << QList<QVariantList> {{qint64(-42), 0.25, utc(2026, 12, 7, 4, 31, 0), true},
               {qint64(1234567890123), 1e20, QDateTime(), false},
               {QVariant(), QVariant(), QVariant(), QVariant()},
               {qint64(0), 1.0 / 3.0, QDateTime(QDate(2026, 12, 7), QTime(5, 31), QTimeZone(3600)),
                   QVariant()}}
        << comma << point
        << bom
            + "Count,Ratio,Last seen,Online\r\n-42,0.25,2026-12-07T04:31:00Z,true\r\n"
              "1234567890123,100000000000000000000,,false\r\n,,,\r\n"
              "0,0.3333333333333333,2026-12-07T04:31:00Z,\r\n";
    QTest::newRow("German Excel: semicolon and decimal comma")
        << QList<ExportColumn> {{QStringLiteral("Wert"), CellType::Number},
               {QStringLiteral("Anzahl"), CellType::Number}}
        << QList<QVariantList> {{1.5, qint64(1000)}} << semicolon << QChar(u',')
        << bom + "Wert;Anzahl\r\n1,5;1000\r\n";
    QTest::newRow("short rows are padded")
        << idName << QList<QVariantList> {{QStringLiteral("only")}} << comma << point
        << bom + "Device ID,Name\r\nonly,\r\n";
}

void TestTableWriter::csvBytes()
{
    QFETCH(QList<ExportColumn>, columns);
    QFETCH(QList<QVariantList>, rows);
    QFETCH(QChar, delimiter);
    QFETCH(QChar, decimalPoint);
    QFETCH(QByteArray, expected);
    CsvOptions options;
    options.delimiter = delimiter;
    options.decimalPoint = decimalPoint;
    QCOMPARE(csv(tableOf(columns, rows), options), expected);
}

void TestTableWriter::csvRowsAreAskedForOneAtATime()
{
    // 100,000 rows, made on demand and each asked for once, in order.
    ExportTable table;
    table.columns = {{QStringLiteral("N"), CellType::Number}};
    table.rowCount = 100000;
    int expectedRow = 0;
    table.row = [&expectedRow](int row, QVariantList &cells) {
        QCOMPARE(row, expectedRow);
        QVERIFY(cells.isEmpty());
        ++expectedRow;
        cells.append(qint64(row));
    };
    const QByteArray bytes = csv(table);
    QCOMPARE(expectedRow, 100000);
    QVERIFY(bytes.endsWith("\r\n99998\r\n99999\r\n"));
}

void TestTableWriter::csvWriteFailure()
{
    QBuffer readOnly;
    readOnly.open(QIODevice::ReadOnly);
    QString error;
    QVERIFY(!writeCsv(&readOnly, tableOf({{QStringLiteral("A"), CellType::Text}}, {}), {}, &error));
    QVERIFY(!error.isEmpty());

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvOptions pipe;
    pipe.delimiter = QLatin1Char('|');
    QVERIFY(!writeCsv(&buffer, tableOf({{QStringLiteral("A"), CellType::Text}}, {}), pipe, &error));
    QVERIFY(!error.isEmpty());
}

void TestTableWriter::sheetNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << QStringLiteral("Devices");
    QTest::newRow("plain") << QStringLiteral("Acme Logistics") << QStringLiteral("Acme Logistics");
    QTest::newRow("forbidden characters")
        << QStringLiteral("a[b]c:d*e?f/g\\h") << QStringLiteral("a_b_c_d_e_f_g_h");
    QTest::newRow("too long") << QStringLiteral("Acme Logistics \u203A Berlin depot \u203A Test")
                              << QStringLiteral("Acme Logistics \u203A Berlin depot \u203A");
    QTest::newRow("apostrophes at the ends")
        << QStringLiteral("'quoted'") << QStringLiteral("quoted");
    QTest::newRow("reserved") << QStringLiteral("History") << QStringLiteral("History_");
    QTest::newRow("only forbidden") << QStringLiteral("''") << QStringLiteral("Devices");
}

void TestTableWriter::sheetNames()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(sanitizedSheetName(name), expected);
    QVERIFY(sanitizedSheetName(name).size() <= 31);
}

void TestTableWriter::xlsxIsAZipWorkbook()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("devices.xlsx"));
    QString error;
    QVERIFY2(writeXlsx(path,
                 tableOf({{QStringLiteral("Device ID"), CellType::Text}},
                     {{QStringLiteral("e00fce68")}}),
                 &error),
        qPrintable(error));
    QVERIFY(error.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("PK\x03\x04"));
    // Only the workbook is left in the folder (the temporary file was renamed).
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
        QStringList {QStringLiteral("devices.xlsx")});
}

void TestTableWriter::xlsxRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("devices.xlsx"));
    QString error;
    QVERIFY2(writeXlsx(path, roundTripTable(1000), &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();

    const QList<SheetInfo> sheets = xlsxSheets(bytes, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(sheets.size(), 1);
    QCOMPARE(sheets.first().name, QStringLiteral("Acme_ Berlin_Test"));

    const TextTable table = readXlsx(bytes, {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(table.sheet, QStringLiteral("Acme_ Berlin_Test"));
    QCOMPARE(table.columnCount, 8);
    QCOMPARE(table.rows.size(), 1001);
    QCOMPARE(table.rows.first().cells,
        (QStringList {QStringLiteral("Device ID"), QStringLiteral("Name"), QStringLiteral("ICCID"),
            QStringLiteral("Serial"), QStringLiteral("Count"), QStringLiteral("Ratio"),
            QStringLiteral("Last seen"), QStringLiteral("Online")}));
    QCOMPARE(table.rows.first().types, QList<CellType>(8, CellType::Text));
    QStringList texts;
    QList<CellType> types;
    for (int row = 0; row < 1000; ++row) {
        const TextRow &read = table.rows.at(row + 1);
        QCOMPARE(read.number, row + 2);
        expectedRoundTripRow(row, texts, types);
        QCOMPARE(read.cells, texts);
        QCOMPARE(read.types, types);
    }
}

void TestTableWriter::xlsxTenThousandRows()
{
    // Written in constant memory and read back whole, in a couple of seconds.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("devices.xlsx"));
    QString error;
    QVERIFY2(writeXlsx(path, roundTripTable(10000), &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const TextTable table = readXlsx(file.readAll(), {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(table.rows.size(), 10001);
    QStringList texts;
    QList<CellType> types;
    expectedRoundTripRow(9999, texts, types);
    QCOMPARE(table.rows.last().cells, texts);
    QCOMPARE(table.rows.last().types, types);
}

void TestTableWriter::xlsxColumnTypeDecides()
{
    // A Text column is text whatever the value; other columns take values of their type and
    // write anything else as text.
    const QList<ExportColumn> columns {{QStringLiteral("Serial"), CellType::Text},
        {QStringLiteral("ICCID"), CellType::Text}, {QStringLiteral("Count"), CellType::Number},
        {QStringLiteral("Installed"), CellType::Date}, {QStringLiteral("Online"), CellType::Bool}};
    const QList<QVariantList> rows {{qint64(123), 8.9490200001234567e19, QStringLiteral("n/a"),
                                        QDate(2026, 12, 7), QStringLiteral("yes")},
        {true, utc(2026, 12, 7, 4, 31, 0), 2.5, QStringLiteral("soon"), false}};
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("types.xlsx"));
    QString error;
    QVERIFY2(writeXlsx(path, tableOf(columns, rows), &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const TextTable table = readXlsx(file.readAll(), {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(table.rows.size(), 3);
    QCOMPARE(table.rows.at(1).cells,
        (QStringList {QStringLiteral("123"), QStringLiteral("89490200001234570000"),
            QStringLiteral("n/a"), QStringLiteral("2026-12-07"), QStringLiteral("yes")}));
    QCOMPARE(table.rows.at(1).types,
        (QList<CellType> {
            CellType::Text, CellType::Text, CellType::Text, CellType::Date, CellType::Text}));
    QCOMPARE(table.rows.at(2).cells,
        (QStringList {QStringLiteral("true"), QStringLiteral("2026-12-07T04:31:00Z"),
            QStringLiteral("2.5"), QStringLiteral("soon"), QStringLiteral("false")}));
    QCOMPARE(table.rows.at(2).types,
        (QList<CellType> {
            CellType::Text, CellType::Text, CellType::Number, CellType::Text, CellType::Bool}));
}

void TestTableWriter::xlsxTextKeptAsWritten()
{
    // Plain ASCII text takes a short way to the sheet; text that reads as an Office Open XML
    // escape ("_x0041_"), other than ASCII or too long for a cell must still come back as it
    // was written (the escape kept literal, the long text cut at Excel's 32,767 characters).
    const QString longText = QString(40000, QLatin1Char('a'));
    const QStringList written {QStringLiteral("e00fce68a1b2c3d4e5f6a7b8"),
        QStringLiteral("_x0041_"), QStringLiteral("a_x000D_b_x"), QStringLiteral("tail_x"),
        QStringLiteral("_x12_"), QStringLiteral("M\u00FCller_x0041_"), QStringLiteral("x_y"),
        longText};
    QList<QVariantList> rows;
    for (const QString &text : written)
        rows.append(QVariantList {text});
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("texts.xlsx"));
    QString error;
    QVERIFY2(writeXlsx(path, tableOf({{QStringLiteral("Note"), CellType::Text}}, rows), &error),
        qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const TextTable table = readXlsx(file.readAll(), {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(table.rows.size(), written.size() + 1);
    for (qsizetype i = 0; i < written.size() - 1; ++i)
        QCOMPARE(table.rows.at(i + 1).cells.first(), written.at(i));
    QCOMPARE(table.rows.last().cells.first(), longText.left(32767));
}

void TestTableWriter::xlsxFailureLeavesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A folder without write permission (root may write there all the same).
    const QString locked = dir.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkdir(locked));
    QVERIFY(QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const QString path = locked + QLatin1String("/devices.xlsx");
    QString error;
    const bool written = writeXlsx(
        path, tableOf({{QStringLiteral("A"), CellType::Text}}, {{QStringLiteral("x")}}), &error);
    QFile::setPermissions(
        locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (written) {
        // Root writes in a read-only folder: then the workbook is there and complete.
        QVERIFY(QFile::remove(path));
    } else {
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(path));
    }
    QVERIFY(QDir(locked).entryList(QDir::Files | QDir::Hidden).isEmpty());

    // A folder that does not exist, and one that is a file: refused as root too.
    const QString file = dir.filePath(QStringLiteral("file"));
    {
        QFile plain(file);
        QVERIFY(plain.open(QIODevice::WriteOnly));
    }
    QVERIFY(!writeXlsx(file + QLatin1String("/devices.xlsx"),
        tableOf({{QStringLiteral("A"), CellType::Text}}, {}), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
        QStringList {QStringLiteral("file")});

    // A folder that does not exist.
    const QString missing = dir.filePath(QStringLiteral("missing/devices.xlsx"));
    QVERIFY(!writeXlsx(missing, tableOf({{QStringLiteral("A"), CellType::Text}}, {}), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(missing));
}

void TestTableWriter::xlsxFailureKeepsTheExistingFile()
{
    // A table too big for one sheet: refused before anything is written over the old file.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("devices.xlsx"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous export");
    }
    ExportTable table = tableOf({{QStringLiteral("A"), CellType::Text}}, {});
    table.rowCount = 1048576;
    QString error;
    QVERIFY(!writeXlsx(path, table, &error));
    QVERIFY(error.contains(QStringLiteral("1,048,575")));
    QFile old(path);
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("previous export"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

QTEST_GUILESS_MAIN(TestTableWriter)
#include "tst_tablewriter.moc"
