// SPDX-License-Identifier: MIT
// Reading XLSX workbooks: files LibreOffice saved (tests/data/io, made by make-fixtures.sh), small
// workbooks built here with libzip for what LibreOffice never writes (inline strings, cells
// without references, the 1900 leap-year serials, number formats), and hostile input: truncated
// archives, text or old .xls files named .xlsx, archives without a workbook, malformed XML, a
// part that unpacks far beyond its size.
#include "io/xlsx.h"

#include <QFile>
#include <QTest>

#include <utility>
#include <zip.h>

using namespace Flotilla::Io;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QLatin1String(FLOTILLA_IO_FIXTURES "/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("fixture %s is missing", name);
    return file.readAll();
}

using Entries = QList<std::pair<QString, QByteArray>>;

// A ZIP archive of the given parts (deflated), in memory.
QByteArray zipOf(const Entries &entries)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(buffer);
    zip_t *archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    for (const auto &[name, bytes] : entries) {
        zip_source_t *source = zip_source_buffer(archive, bytes.constData(), bytes.size(), 0);
        zip_file_add(archive, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8);
    }
    zip_close(archive);
    QByteArray result;
    zip_source_open(buffer);
    zip_source_seek(buffer, 0, SEEK_END);
    result.resize(zip_source_tell(buffer));
    zip_source_seek(buffer, 0, SEEK_SET);
    zip_source_read(buffer, result.data(), zip_uint64_t(result.size()));
    zip_source_close(buffer);
    zip_source_free(buffer);
    zip_error_fini(&error);
    return result;
}

const QByteArray Main("xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                      "relationships\"");
const QByteArray RelsNs("xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"");
const QByteArray RelType("http://schemas.openxmlformats.org/officeDocument/2006/relationships/");

// A workbook of the given sheets (name, sheetData's content, state), and optionally shared
// strings (the <si> elements) and styles (numFmts and the cellXfs' numFmtIds).
struct Book
{
    struct Sheet
    {
        Sheet(QByteArray sheetName, QByteArray sheetData, QByteArray sheetState = "visible")
            : name(std::move(sheetName))
            , data(std::move(sheetData))
            , state(std::move(sheetState))
        { }
        QByteArray name;
        QByteArray data; // inside <sheetData>
        QByteArray state;
    };
    Book() = default;
    explicit Book(QList<Sheet> bookSheets, QByteArray bookSharedStrings = {})
        : sheets(std::move(bookSheets))
        , sharedStrings(std::move(bookSharedStrings))
    { }
    QList<Sheet> sheets;
    QByteArray sharedStrings; // <si> elements; empty: no part
    QByteArray numFmts; // <numFmt> elements
    QList<int> cellFormats; // numFmtId of each cellXfs entry; empty: no styles part
    QByteArray workbookPr;

    Entries entries() const
    {
        Entries parts;
        parts.append({QStringLiteral("_rels/.rels"),
            "<Relationships " + RelsNs + "><Relationship Id=\"rId1\" Type=\"" + RelType
                + "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"});
        QByteArray workbook = "<workbook " + Main + ">" + workbookPr + "<sheets>";
        QByteArray rels = "<Relationships " + RelsNs + ">";
        for (qsizetype i = 0; i < sheets.size(); ++i) {
            const QByteArray n = QByteArray::number(i + 1);
            workbook += "<sheet name=\"" + sheets[i].name + "\" sheetId=\"" + n + "\" state=\""
                + sheets[i].state + "\" r:id=\"rIdS" + n + "\"/>";
            rels += "<Relationship Id=\"rIdS" + n + "\" Type=\"" + RelType
                + "worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
            parts.append({QStringLiteral("xl/worksheets/sheet%1.xml").arg(i + 1),
                "<worksheet " + Main + "><sheetData>" + sheets[i].data
                    + "</sheetData></worksheet>"});
        }
        if (!sharedStrings.isEmpty()) {
            rels += "<Relationship Id=\"rIdT\" Type=\"" + RelType
                + "sharedStrings\" Target=\"sharedStrings.xml\"/>";
            parts.append({QStringLiteral("xl/sharedStrings.xml"),
                "<sst " + Main + ">" + sharedStrings + "</sst>"});
        }
        if (!cellFormats.isEmpty()) {
            rels += "<Relationship Id=\"rIdY\" Type=\"" + RelType
                + "styles\" Target=\"/xl/styles.xml\"/>";
            QByteArray styles = "<styleSheet " + Main + "><numFmts>" + numFmts + "</numFmts>"
                + "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs>";
            for (const int id : cellFormats)
                styles += "<xf numFmtId=\"" + QByteArray::number(id) + "\"/>";
            styles += "</cellXfs><dxfs><dxf><numFmt numFmtId=\"0\" formatCode=\"yyyy\"/></dxf>"
                      "</dxfs></styleSheet>";
            parts.append({QStringLiteral("xl/styles.xml"), styles});
        }
        parts.append({QStringLiteral("xl/workbook.xml"), workbook + "</sheets></workbook>"});
        parts.append({QStringLiteral("xl/_rels/workbook.xml.rels"), rels + "</Relationships>"});
        return parts;
    }
    QByteArray bytes() const { return zipOf(entries()); }
};

QByteArray oneSheet(const QByteArray &data)
{
    return Book {{{"Sheet1", data}}}.bytes();
}

// A cell type as one letter: Text, Number, Date, Bool, Empty, X for an error.
QString typeLetters(const QList<CellType> &types)
{
    QString letters;
    for (const CellType type : types) {
        switch (type) {
        case CellType::Text:
            letters += QLatin1Char('T');
            break;
        case CellType::Number:
            letters += QLatin1Char('N');
            break;
        case CellType::Date:
            letters += QLatin1Char('D');
            break;
        case CellType::Bool:
            letters += QLatin1Char('B');
            break;
        case CellType::Empty:
            letters += QLatin1Char('E');
            break;
        case CellType::Error:
            letters += QLatin1Char('X');
            break;
        }
    }
    return letters;
}

QStringList rowTexts(const TextTable &table)
{
    QStringList texts;
    for (const TextRow &row : table.rows)
        texts.append(row.cells.join(QLatin1Char('|')));
    return texts;
}

QStringList rowTypes(const TextTable &table)
{
    QStringList types;
    for (const TextRow &row : table.rows)
        types.append(typeLetters(row.types));
    return types;
}

} // namespace

class TestXlsx final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void libreOfficeTypes();
    void libreOfficeSheets_data();
    void libreOfficeSheets();
    void libreOfficeDate1904();
    void handMade_data();
    void handMade();
    void firstVisibleSheet();
    void hostile_data();
    void hostile();
    void spreadsheetPicksTheReader();
};

void TestXlsx::libreOfficeTypes()
{
    QString error;
    const TextTable table = readXlsx(fixture("types.xlsx"), {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(table.sheet, QStringLiteral("Devices"));
    QCOMPARE(table.columnCount, 13); // "far right" in M4, column L empty throughout
    QCOMPARE(rowTexts(table),
        (QStringList {
            QStringLiteral("Device ID|Name|ICCID|Serial|Count|Ratio|Installed|Last seen|Online|"
                           "Check|Note||"),
            // The ICCID saved as a number lost its digits: the text Excel shows, type Number.
            QStringLiteral("e00fce68a1b2c3d4e5f6a7b8|M\u00FCller K\u00F6ln|8.94902E+19|123|42|"
                           "3.25|2026-12-07|2026-12-07T04:31:00|true|#N/A|first line\nsecond "
                           "line||"),
            QStringLiteral("||||||||||||"),
            QStringLiteral("Stra\u00DFe \u00C4 \u00D6 \u00DC \u00DF|plain bold|||-7|0.1|"
                           "1900-03-01|1999-12-31T23:59:59|false|ab|||far right"),
            QStringLiteral("e00fce68a1b2c3d4e5f6a7b9|M\u00FCller K\u00F6ln|89490200001234567890|"
                           "00123|123456789012345|1.23457E+15|||||||")}));
    QCOMPARE(rowTypes(table),
        (QStringList {QStringLiteral("TTTTTTTTTTTEE"), QStringLiteral("TTNNNNDDBXTEE"),
            QStringLiteral("EEEEEEEEEEEEE"), QStringLiteral("TTEENNDDBTEET"),
            QStringLiteral("TTTTNNEEEEEEE")}));
    QList<int> numbers;
    for (const TextRow &row : table.rows)
        numbers.append(row.number);
    QCOMPARE(numbers, (QList<int> {1, 2, 3, 4, 5}));
}

void TestXlsx::libreOfficeSheets_data()
{
    QTest::addColumn<QString>("sheet");
    QTest::addColumn<QString>("read"); // the sheet's name as read; empty: an error
    QTest::addColumn<QStringList>("rows");

    QTest::newRow("first visible")
        << QString() << QStringLiteral("Customers")
        << QStringList {QStringLiteral("Customer|Country"), QStringLiteral("Acme Logistics|DE")};
    QTest::newRow("by name") << QStringLiteral("Customers") << QStringLiteral("Customers")
                             << QStringList {QStringLiteral("Customer|Country"),
                                    QStringLiteral("Acme Logistics|DE")};
    QTest::newRow("hidden, by name")
        << QStringLiteral("Hidden notes") << QStringLiteral("Hidden notes")
        << QStringList {QStringLiteral("secret")};
    QTest::newRow("name in other case")
        << QStringLiteral("hidden NOTES") << QStringLiteral("Hidden notes")
        << QStringList {QStringLiteral("secret")};
    QTest::newRow("empty sheet") << QStringLiteral("Empty") << QStringLiteral("Empty")
                                 << QStringList {};
    QTest::newRow("no such sheet") << QStringLiteral("Devices") << QString() << QStringList {};
}

void TestXlsx::libreOfficeSheets()
{
    QFETCH(QString, sheet);
    QFETCH(QString, read);
    QFETCH(QStringList, rows);
    const QByteArray bytes = fixture("sheets.xlsx");

    QString error;
    const QList<SheetInfo> sheets = xlsxSheets(bytes, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(sheets.size(), 3);
    QCOMPARE(sheets.at(0).name, QStringLiteral("Customers"));
    QVERIFY(!sheets.at(0).hidden);
    QCOMPARE(sheets.at(1).name, QStringLiteral("Hidden notes"));
    QVERIFY(sheets.at(1).hidden);
    QCOMPARE(sheets.at(2).name, QStringLiteral("Empty"));

    const TextTable table = readXlsx(bytes, {sheet}, &error);
    if (read.isEmpty()) {
        // The message names the sheet asked for and the ones there are.
        QVERIFY(error.contains(sheet));
        QVERIFY(error.contains(QStringLiteral("Hidden notes")));
        QVERIFY(table.rows.isEmpty());
        return;
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(table.sheet, read);
    QCOMPARE(rowTexts(table), rows);
}

void TestXlsx::libreOfficeDate1904()
{
    QString error;
    const TextTable table = readXlsx(fixture("date1904.xlsx"), {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rowTexts(table),
        (QStringList {QStringLiteral("Installed"), QStringLiteral("2026-12-07"),
            QStringLiteral("1904-01-02")}));
    QCOMPARE(rowTypes(table),
        (QStringList {QStringLiteral("T"), QStringLiteral("D"), QStringLiteral("D")}));
}

void TestXlsx::handMade_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QStringList>("types");

    QTest::newRow("inline strings, rich runs, phonetic runs left out")
        << oneSheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Ger\xC3\xA4t</t></is></c>"
                    "<c r=\"B1\" t=\"inlineStr\"><is><r><t>two </t></r><r><rPr><b/></rPr>"
                    "<t>runs</t></r><rPh><t>ignored</t></rPh></is></c></row>")
        << QStringList {QStringLiteral("Ger\u00E4t|two runs")}
        << QStringList {QStringLiteral("TT")};
    QTest::newRow("cells and rows without references follow the previous ones")
        << oneSheet("<row><c t=\"inlineStr\"><is><t>a</t></is></c><c><v>1</v></c></row>"
                    "<row r=\"3\"><c r=\"B3\"><v>2</v></c><c><v>3</v></c></row>"
                    "<row><c><v>4</v></c></row>")
        << QStringList {QStringLiteral("a|1|"), QStringLiteral("||"), QStringLiteral("|2|3"),
               QStringLiteral("4||")}
        << QStringList {QStringLiteral("TNE"), QStringLiteral("EEE"), QStringLiteral("ENN"),
               QStringLiteral("NEE")};
    QTest::newRow("formula results, booleans, errors, ISO dates")
        << oneSheet("<row r=\"1\"><c r=\"A1\" t=\"str\"><f>A2&amp;\"x\"</f><v>yx</v></c>"
                    "<c r=\"B1\" t=\"b\"><v>1</v></c><c r=\"C1\" t=\"b\"><v>0</v></c>"
                    "<c r=\"D1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
                    "<c r=\"E1\" t=\"d\"><v>2026-12-07T04:31:00</v></c></row>")
        << QStringList {QStringLiteral("yx|true|false|#DIV/0!|2026-12-07T04:31:00")}
        << QStringList {QStringLiteral("TBBXD")};
    QTest::newRow("numbers as a spreadsheet shows them")
        << oneSheet("<row r=\"1\"><c r=\"A1\"><v>999999999999999</v></c>"
                    "<c r=\"B1\"><v>1E+15</v></c><c r=\"C1\"><v>8.9490200001234602E+19</v></c>"
                    "<c r=\"D1\"><v>0.30000000000000004</v></c><c r=\"E1\"><v>-2.5</v></c>"
                    "<c r=\"F1\"><v>1.0E-7</v></c><c r=\"G1\"><v>-0</v></c>"
                    "<c r=\"H1\" t=\"n\"><v>12345</v></c></row>")
        << QStringList {QStringLiteral(
               "999999999999999|1E+15|8.94902E+19|0.30000000000000004|-2.5|1e-07|0|12345")}
        << QStringList {QStringLiteral("NNNNNNNN")};
    QTest::newRow("shared strings: escapes, line breaks, blank text")
        << Book {{{"S",
                     "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\">"
                     "<v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v>"
                     "</c></row>"}},
               "<si><t>a_x000D__x000A_b</t></si><si><t>c\r\nd</t></si><si><t/></si>"
               "<si><t>_x005F_x0041_</t></si>"}
               .bytes()
        << QStringList {QStringLiteral("a\nb|c\nd||_x0041_")}
        << QStringList {QStringLiteral("TTTT")};

    // Serial numbers of the 1900 date system, with Excel's 29 February 1900 that never was.
    Book dates {{{"D",
        "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>1</v></c><c r=\"B1\" s=\"1\"><v>59</v></c>"
        "<c r=\"C1\" s=\"1\"><v>60</v></c><c r=\"D1\" s=\"1\"><v>61</v></c>"
        "<c r=\"E1\" s=\"1\"><v>46363.5</v></c><c r=\"F1\" s=\"2\"><v>46363</v></c>"
        "<c r=\"G1\" s=\"2\"><v>0.5</v></c><c r=\"H1\" s=\"3\"><v>46363.1881944444</v></c>"
        "<c r=\"I1\" s=\"2\"><v>46363.00001</v></c></row>"}}};
    dates.cellFormats = {0, 14, 22, 164};
    dates.numFmts = "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy hh:mm\"/>";
    QTest::newRow("1900 date system")
        << dates.bytes()
        << QStringList {QStringLiteral("1900-01-01|1900-02-28|1900-02-28|1900-03-01|"
                                       "2026-12-07T12:00:00|2026-12-07T00:00:00|12:00:00|"
                                       "2026-12-07T04:31:00|2026-12-07T00:00:00.864")}
        << QStringList {QStringLiteral("DDDDDDDDD")};

    // Which number formats are dates: built-in ids, and custom codes with d, m, y, h or s
    // outside quotes, brackets and escapes.
    Book formats {{{"F",
        "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>2</v></c><c r=\"B1\" s=\"2\"><v>2</v></c>"
        "<c r=\"C1\" s=\"3\"><v>2</v></c><c r=\"D1\" s=\"4\"><v>2</v></c>"
        "<c r=\"E1\" s=\"5\"><v>2</v></c><c r=\"F1\" s=\"6\"><v>2</v></c>"
        "<c r=\"G1\" s=\"7\"><v>2</v></c><c r=\"H1\" s=\"8\"><v>2</v></c>"
        "<c r=\"I1\" s=\"9\"><v>2</v></c><c r=\"J1\" s=\"10\"><v>2</v></c>"
        "<c r=\"K1\" s=\"99\"><v>2</v></c></row>"}}};
    formats.numFmts = "<numFmt numFmtId=\"164\" formatCode=\"0.00\"/>"
                      "<numFmt numFmtId=\"165\" formatCode=\"[Red]0;[Blue]-0\"/>"
                      "<numFmt numFmtId=\"166\" formatCode=\"0&quot; days&quot;\"/>"
                      "<numFmt numFmtId=\"167\" formatCode=\"\\d0\"/>"
                      "<numFmt numFmtId=\"168\" formatCode=\"[$-407]dd/mm/yyyy\"/>"
                      "<numFmt numFmtId=\"169\" formatCode=\"[h]:mm\"/>"
                      "<numFmt numFmtId=\"170\" formatCode=\"General\"/>";
    // cellXfs 0..10: General, 14, 47, 49 (text), 2 (0.00), 164…170
    formats.cellFormats = {0, 14, 47, 49, 2, 164, 165, 166, 167, 168, 169};
    QTest::newRow("date formats") << formats.bytes()
                                  << QStringList {QStringLiteral(
                                         "1900-01-02|1900-01-02T00:00:00|2|2|2|2|2|2|1900-01-02|"
                                         "1900-01-02T00:00:00|2")}
                                  << QStringList {QStringLiteral("DDNNNNNNDDN")};
    QTest::newRow("no shared strings, no styles, no cells")
        << oneSheet("<row r=\"4\"/>") << QStringList {} << QStringList {};
}

void TestXlsx::handMade()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, rows);
    QFETCH(QStringList, types);
    QString error;
    const TextTable table = readXlsx(bytes, {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rowTexts(table), rows);
    QCOMPARE(rowTypes(table), types);
    for (const TextRow &row : table.rows) {
        QCOMPARE(row.cells.size(), table.columnCount);
        QCOMPARE(row.line, row.number);
    }
}

void TestXlsx::firstVisibleSheet()
{
    // The first sheet hidden, the second "very hidden": the third is read.
    const QByteArray bytes
        = Book {{{"Notes", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", "hidden"},
                    {"Macros", "<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>", "veryHidden"},
                    {"Devices", "<row r=\"1\"><c r=\"A1\"><v>3</v></c></row>"}}}
              .bytes();
    QString error;
    const QList<SheetInfo> sheets = xlsxSheets(bytes, &error);
    QCOMPARE(sheets.size(), 3);
    QVERIFY(sheets.at(0).hidden);
    QVERIFY(sheets.at(1).hidden);
    QVERIFY(!sheets.at(2).hidden);
    QVERIFY(sheets.at(2).worksheet);
    const TextTable table = readXlsx(bytes, {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(table.sheet, QStringLiteral("Devices"));
    QCOMPARE(rowTexts(table), QStringList {QStringLiteral("3")});
}

void TestXlsx::hostile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message"); // a part of the message people see

    const QByteArray types = fixture("types.xlsx");
    QTest::newRow("empty file") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("CSV named .xlsx")
        << QByteArray("Device ID;Name\r\ne00fce68;Pump\r\n") << QStringLiteral("CSV");
    QTest::newRow("old Excel (.xls)") << QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
            + QByteArray(504, '\0') << QStringLiteral(".xls");
    QTest::newRow("binary, not a ZIP archive")
        << QByteArray("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) << QStringLiteral(".xlsx or CSV");
    QTest::newRow("truncated archive")
        << types.left(types.size() / 2) << QStringLiteral("damaged or incomplete");
    QTest::newRow("ZIP archive without a workbook")
        << zipOf({{QStringLiteral("hello.txt"), "hello"}}) << QStringLiteral("no workbook");
    QTest::newRow("OpenDocument spreadsheet")
        << zipOf({{QStringLiteral("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"},
               {QStringLiteral("content.xml"), "<office:document-content/>"}})
        << QStringLiteral("OpenDocument");
    QTest::newRow("malformed sheet XML") << oneSheet("<row r=\"1\"><c r=\"A1\"><v>1</v></row>")
                                         << QStringLiteral("xl/worksheets/sheet1.xml");
    Entries badWorkbook = Book {{{"S", ""}}}.entries();
    for (auto &[name, bytes] : badWorkbook) {
        if (name == QLatin1String("xl/workbook.xml"))
            bytes.chop(5);
    }
    QTest::newRow("malformed workbook XML")
        << zipOf(badWorkbook) << QStringLiteral("xl/workbook.xml");
    Entries missingSheet = Book {{{"S", ""}}}.entries();
    missingSheet.removeIf(
        [](const auto &entry) { return entry.first == QLatin1String("xl/worksheets/sheet1.xml"); });
    QTest::newRow("sheet part missing") << zipOf(missingSheet) << QStringLiteral("missing");
    QTest::newRow("shared string out of range")
        << Book {{{"S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>"}},
               "<si><t>a</t></si>"}
               .bytes()
        << QStringLiteral("xl/worksheets/sheet1.xml");
    QTest::newRow("row number out of range")
        << oneSheet("<row r=\"1048577\"><c><v>1</v></c></row>") << QStringLiteral("1048577");
    QTest::newRow("column out of range")
        << oneSheet("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>") << QStringLiteral("XFE1");
    // A few bytes that would place a cell far out, or many rows of far cells: refused before
    // billions of empty cells are made.
    QTest::newRow("one far cell") << oneSheet(
        "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>")
                                  << QStringLiteral("too big");
    QByteArray farRows;
    for (int row = 1; row <= 350; ++row)
        farRows += "<row><c r=\"XFD" + QByteArray::number(row) + "\"><v>1</v></c></row>";
    QTest::newRow("many rows of far cells") << oneSheet(farRows) << QStringLiteral("too big");
    QTest::newRow("no sheets") << Book {}.bytes() << QStringLiteral("no sheets");
    // 4 MB of spaces deflate to a few KB: more than 200:1, refused before it is unpacked.
    Entries bomb = Book {{{"S", ""}}}.entries();
    for (auto &[name, bytes] : bomb) {
        if (name == QLatin1String("xl/worksheets/sheet1.xml"))
            bytes.insert(bytes.indexOf("<sheetData>"), QByteArray(4 * 1024 * 1024, ' '));
    }
    QTest::newRow("part compressed more than 200:1") << zipOf(bomb) << QStringLiteral("200:1");
}

void TestXlsx::hostile()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    QString error;
    const TextTable table = readXlsx(bytes, {}, &error);
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY(table.rows.isEmpty());
    QCOMPARE(table.columnCount, 0);
}

void TestXlsx::spreadsheetPicksTheReader()
{
    QString error;
    // A ZIP archive is a workbook, whatever the name.
    TextTable table
        = readSpreadsheet(fixture("sheets.xlsx"), QStringLiteral("export.csv"), {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(table.sheet, QStringLiteral("Customers"));
    QCOMPARE(table.rows.first().types.size(), 2);

    // Text is delimited text, even under an .xlsx name.
    table = readSpreadsheet(QByteArray("a;b\r\n1;2\r\n"), QStringLiteral("devices.xlsx"),
        {QStringLiteral("ignored")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rowTexts(table), (QStringList {QStringLiteral("a|b"), QStringLiteral("1|2")}));
    QCOMPARE(table.delimiter, QLatin1Char(';'));
    QVERIFY(table.rows.first().types.isEmpty());
    QVERIFY(table.sheet.isEmpty());

    // UTF-16 text has NUL bytes and is still text.
    table = readSpreadsheet(
        fixture("devices-tab-utf16.csv"), QStringLiteral("devices.csv"), {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(table.encoding, TextEncoding::Utf16LE);

    // An old Excel file: refused, the message naming the file.
    table = readSpreadsheet(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") + QByteArray(504, '\0'),
        QStringLiteral("/home/anna/Fleet 2019.xls"), {}, &error);
    QVERIFY(table.rows.isEmpty());
    QVERIFY(error.startsWith(QStringLiteral("Fleet 2019.xls: ")));
    QVERIFY(error.contains(QStringLiteral(".xlsx")));
}

QTEST_GUILESS_MAIN(TestXlsx)
#include "tst_xlsx.moc"
