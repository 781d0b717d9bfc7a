// SPDX-License-Identifier: MIT
// Reading delimited text as Excel and LibreOffice save it: each case is the bytes of a file,
// built here (byte order marks, UTF-16 through QStringEncoder, Windows-1252 bytes), and what the
// reader must make of them.
#include "io/delimited.h"

#include <QFile>
#include <QStringEncoder>
#include <QTest>

using namespace Flotilla::Io;

namespace {

QByteArray utf8(const QString &text)
{
    return text.toUtf8();
}

QByteArray utf8Bom(const QString &text)
{
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

QByteArray utf16(QStringEncoder::Encoding encoding, const QString &text)
{
    QStringEncoder encoder(encoding);
    const QByteArray bom
        = encoding == QStringEncoder::Utf16LE ? QByteArray("\xFF\xFE") : QByteArray("\xFE\xFF");
    return bom + QByteArray(encoder.encode(text));
}

// A row as one string: its cells joined with '|' (no case has a '|' in a cell).
QStringList rowTexts(const TextTable &table)
{
    QStringList texts;
    for (const TextRow &row : table.rows)
        texts.append(row.cells.join(QLatin1Char('|')));
    return texts;
}

} // namespace

class TestDelimited final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void read_data();
    void read();
    void everyRowHasTheColumnCount();
    void readsAHundredThousandRows();
    void refusesARaggedFileOfTooManyCells();
    void libreOfficeFiles_data();
    void libreOfficeFiles();
};

void TestDelimited::read_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QChar>("givenDelimiter"); // null: found from the text
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QList<int>>("numbers");
    QTest::addColumn<QList<int>>("lines");
    QTest::addColumn<QList<int>>("problemRows");

    const QChar found;
    const QChar comma = QLatin1Char(',');
    const QChar semicolon = QLatin1Char(';');
    const QChar tab = QLatin1Char('\t');

    // German Excel, "CSV UTF-8": semicolons, a BOM, CRLF.
    QTest::newRow("semicolon, umlauts, BOM")
        << utf8Bom(QStringLiteral(
               "Name;Stra\u00DFe;Ort\r\nM\u00FCller;Hauptstra\u00DFe 1;K\u00F6ln\r\n"))
        << found << semicolon << QStringLiteral("UTF-8 (BOM)")
        << QStringList {QStringLiteral("Name|Stra\u00DFe|Ort"),
               QStringLiteral("M\u00FCller|Hauptstra\u00DFe 1|K\u00F6ln")}
        << QList<int> {1, 2} << QList<int> {1, 2} << QList<int> {};
    // Decimal commas in a semicolon file: the semicolon is the consistent one.
    QTest::newRow("semicolon with decimal commas")
        << utf8(QStringLiteral("Ger\u00E4t;Wert\nA;1,5\nB;2,25\n")) << found << semicolon
        << QStringLiteral("UTF-8")
        << QStringList {QStringLiteral("Ger\u00E4t|Wert"), QStringLiteral("A|1,5"),
               QStringLiteral("B|2,25")}
        << QList<int> {1, 2, 3} << QList<int> {1, 2, 3} << QList<int> {};
    // Excel's "Unicode text": UTF-16 with a BOM, tabs.
    QTest::newRow("tab, UTF-16 LE")
        << utf16(QStringEncoder::Utf16LE,
               QStringLiteral("Ger\u00E4t\tFirmware\r\nBox \u00C4\t4.1.0\r\n"))
        << found << tab << QStringLiteral("UTF-16 LE")
        << QStringList {QStringLiteral("Ger\u00E4t|Firmware"), QStringLiteral("Box \u00C4|4.1.0")}
        << QList<int> {1, 2} << QList<int> {1, 2} << QList<int> {};
    QTest::newRow("tab, UTF-16 BE")
        << utf16(QStringEncoder::Utf16BE,
               QStringLiteral("Ger\u00E4t\tFirmware\r\nBox \u20AC\t4.1.0\r\n"))
        << found << tab << QStringLiteral("UTF-16 BE")
        << QStringList {QStringLiteral("Ger\u00E4t|Firmware"), QStringLiteral("Box \u20AC|4.1.0")}
        << QList<int> {1, 2} << QList<int> {1, 2} << QList<int> {};
    // Excel's plain "CSV": the Windows code page; 0x80 is '€', 0xE4 'ä', 0x9A 'š', and the
    // unassigned 0x81 stays U+0081.
    QTest::newRow("Windows-1252 fallback")
        << QByteArray("Preis;Name\r\n\x80"
                      "5;M\xE4"
                      "rz\r\nKo\x9A"
                      "ice;\x81\r\n")
        << found << semicolon << QStringLiteral("Windows-1252")
        << QStringList {QStringLiteral("Preis|Name"), QStringLiteral("\u20AC5|M\u00E4rz"),
               QStringLiteral("Ko\u0161ice|\u0081")}
        << QList<int> {1, 2, 3} << QList<int> {1, 2, 3} << QList<int> {};
    // Quoted cells hold the delimiter, doubled quotes and line breaks (kept as "\n"); the row
    // after a cell with a line break is the next spreadsheet row, though on a later line.
    QTest::newRow("quoting") << utf8(QStringLiteral("id,note,x\r\n"
                                                    "1,\"a, b\",y\r\n"
                                                    "2,\"say \"\"hi\"\"\",z\r\n"
                                                    "3,\"line one\r\nline two\nthree\",w\r\n"
                                                    "4,after,v\r\n"))
                             << found << comma << QStringLiteral("UTF-8")
                             << QStringList {QStringLiteral("id|note|x"),
                                    QStringLiteral("1|a, b|y"), QStringLiteral("2|say \"hi\"|z"),
                                    QStringLiteral("3|line one\nline two\nthree|w"),
                                    QStringLiteral("4|after|v")}
                             << QList<int> {1, 2, 3, 4, 5} << QList<int> {1, 2, 3, 4, 7}
                             << QList<int> {};
    // A quoted header cell holding a comma does not make the comma the delimiter.
    QTest::newRow("quoted other delimiter")
        << utf8(QStringLiteral("\"a,b\";c\n1;2\n")) << found << semicolon << QStringLiteral("UTF-8")
        << QStringList {QStringLiteral("a,b|c"), QStringLiteral("1|2")} << QList<int> {1, 2}
        << QList<int> {1, 2} << QList<int> {};
    // Quotes hide what they hold: semicolons in every quoted cell of a comma file do not count.
    QTest::newRow("quoted semicolons in a comma file")
        << utf8(QStringLiteral("\"Berlin; depot\",a\n\"Hamburg; yard\",b\n")) << found << comma
        << QStringLiteral("UTF-8")
        << QStringList {QStringLiteral("Berlin; depot|a"), QStringLiteral("Hamburg; yard|b")}
        << QList<int> {1, 2} << QList<int> {1, 2} << QList<int> {};
    QTest::newRow("LF") << utf8(QStringLiteral("a,b\n1,2\n3,4")) << found << comma
                        << QStringLiteral("UTF-8")
                        << QStringList {QStringLiteral("a|b"), QStringLiteral("1|2"),
                               QStringLiteral("3|4")}
                        << QList<int> {1, 2, 3} << QList<int> {1, 2, 3} << QList<int> {};
    QTest::newRow("CR") << utf8(QStringLiteral("a,b\r1,2\r3,\"x\ry\"\r")) << found << comma
                        << QStringLiteral("UTF-8")
                        << QStringList {QStringLiteral("a|b"), QStringLiteral("1|2"),
                               QStringLiteral("3|x\ny")}
                        << QList<int> {1, 2, 3} << QList<int> {1, 2, 3} << QList<int> {};
    QTest::newRow("mixed line ends")
        << utf8(QStringLiteral("a,b\r\n1,2\n3,4\r5,6\r\n")) << found << comma
        << QStringLiteral("UTF-8")
        << QStringList {QStringLiteral("a|b"), QStringLiteral("1|2"), QStringLiteral("3|4"),
               QStringLiteral("5|6")}
        << QList<int> {1, 2, 3, 4} << QList<int> {1, 2, 3, 4} << QList<int> {};
    // Blank rows in between are rows of the spreadsheet (kept, counted); those at the end are not
    // kept, nor rows of delimiters only at the end (Excel writes ";;" for a row formatted once).
    QTest::newRow("blank rows") << utf8(
        QStringLiteral("a;b\r\n\r\n1;2\r\n;\r\n3;4\r\n\r\n;\r\n\r\n"))
                                << found << semicolon << QStringLiteral("UTF-8")
                                << QStringList {QStringLiteral("a|b"), QStringLiteral("|"),
                                       QStringLiteral("1|2"), QStringLiteral("|"),
                                       QStringLiteral("3|4")}
                                << QList<int> {1, 2, 3, 4, 5} << QList<int> {1, 2, 3, 4, 5}
                                << QList<int> {};
    // Columns empty in every row at the right end are not kept; an empty one in between is.
    QTest::newRow("trailing empty columns")
        << utf8(QStringLiteral("a;;c;;\r\n1;;;;\r\n;;3;;\r\n")) << found << semicolon
        << QStringLiteral("UTF-8")
        << QStringList {QStringLiteral("a||c"), QStringLiteral("1||"), QStringLiteral("||3")}
        << QList<int> {1, 2, 3} << QList<int> {1, 2, 3} << QList<int> {};
    QTest::newRow("single column") << utf8(QStringLiteral("name\r\nalpha\r\n\"beta; gamma\"\r\n"))
                                   << found << comma << QStringLiteral("UTF-8")
                                   << QStringList {QStringLiteral("name"), QStringLiteral("alpha"),
                                          QStringLiteral("beta; gamma")}
                                   << QList<int> {1, 2, 3} << QList<int> {1, 2, 3} << QList<int> {};
    QTest::newRow("header only") << utf8(QStringLiteral("id\tname\r\n")) << found << tab
                                 << QStringLiteral("UTF-8")
                                 << QStringList {QStringLiteral("id|name")} << QList<int> {1}
                                 << QList<int> {1} << QList<int> {};
    QTest::newRow("empty file") << QByteArray() << found << comma << QStringLiteral("UTF-8")
                                << QStringList {} << QList<int> {} << QList<int> {}
                                << QList<int> {};
    QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF") << found << comma
                              << QStringLiteral("UTF-8 (BOM)") << QStringList {} << QList<int> {}
                              << QList<int> {} << QList<int> {};
    // A quote never closed: the rest of the file is that cell, and the problem names its row.
    QTest::newRow("unterminated quote")
        << utf8(QStringLiteral("a,b\r\n1,2\r\n3,\"open\r\nmore,text\r\n")) << found << comma
        << QStringLiteral("UTF-8")
        << QStringList {QStringLiteral("a|b"), QStringLiteral("1|2"),
               QStringLiteral("3|open\nmore,text\n")}
        << QList<int> {1, 2, 3} << QList<int> {1, 2, 3} << QList<int> {3};
    // A delimiter given in the options is used, whatever the text looks like.
    QTest::newRow("given delimiter")
        << utf8(QStringLiteral("a;b,c\n1;2,3\n")) << comma << comma << QStringLiteral("UTF-8")
        << QStringList {QStringLiteral("a;b|c"), QStringLiteral("1;2|3")} << QList<int> {1, 2}
        << QList<int> {1, 2} << QList<int> {};
}

void TestDelimited::read()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QChar, givenDelimiter);
    QFETCH(QChar, delimiter);
    QFETCH(QString, encoding);
    QFETCH(QStringList, rows);
    QFETCH(QList<int>, numbers);
    QFETCH(QList<int>, lines);
    QFETCH(QList<int>, problemRows);

    ReadOptions options;
    options.delimiter = givenDelimiter;
    const TextTable table = readDelimited(bytes, options);

    QCOMPARE(table.delimiter, delimiter);
    QCOMPARE(encodingName(table.encoding), encoding);
    QCOMPARE(rowTexts(table), rows);
    QList<int> actualNumbers;
    QList<int> actualLines;
    for (const TextRow &row : table.rows) {
        actualNumbers.append(row.number);
        actualLines.append(row.line);
    }
    QCOMPARE(actualNumbers, numbers);
    QCOMPARE(actualLines, lines);
    QList<int> actualProblemRows;
    for (const ReadProblem &problem : table.problems) {
        actualProblemRows.append(problem.row);
        // The message names the row, as the spreadsheet numbers it.
        QVERIFY2(problem.message.contains(QStringLiteral("Row %1").arg(problem.row)),
            qPrintable(problem.message));
    }
    QCOMPARE(actualProblemRows, problemRows);
}

// Rows of a ragged file come out as a rectangle: short rows are filled with empty cells.
void TestDelimited::everyRowHasTheColumnCount()
{
    const TextTable table = readDelimited(QByteArray("a,b,c\n1\n2,3\n\n4,5,6,\n"));
    QCOMPARE(table.columnCount, 3);
    QCOMPARE(table.rows.size(), 5);
    for (const TextRow &row : table.rows)
        QCOMPARE(row.cells.size(), 3);
    QCOMPARE(table.rows.at(1).cells, (QStringList {QStringLiteral("1"), QString(), QString()}));
}

// A large sheet (100,000 rows of 8 columns, some quoted) is read whole, in one pass.
void TestDelimited::readsAHundredThousandRows()
{
    constexpr int Rows = 100000;
    QByteArray bytes = "device;name;group;firmware;owner;note;product;serial\r\n";
    bytes.reserve(Rows * 80);
    for (int i = 1; i < Rows; ++i) {
        const QByteArray n = QByteArray::number(i);
        bytes += "e00fce68" + n + ";box-" + n + ";\"Berlin; depot\";4.1." + n
            + ";ops@example.com;\"said \"\"ok\"\"\";20001;SN" + n + "\r\n";
    }
    const TextTable table = readDelimited(bytes);
    QCOMPARE(table.delimiter, QLatin1Char(';'));
    QCOMPARE(table.columnCount, 8);
    QCOMPARE(table.rows.size(), Rows);
    QCOMPARE(table.rows.constLast().number, Rows);
    QCOMPARE(table.rows.constLast().cells.at(2), QStringLiteral("Berlin; depot"));
    QCOMPARE(table.rows.constLast().cells.at(5), QStringLiteral("said \"ok\""));
    QVERIFY(table.problems.isEmpty());
}

void TestDelimited::refusesARaggedFileOfTooManyCells()
{
    // One line of a million delimiters, then many short lines: padded, the rows would hold
    // billions of cells.
    QByteArray bytes(1000000, ',');
    bytes += "x\n";
    for (int i = 0; i < 10000; ++i)
        bytes += "a\n";
    const TextTable table = readDelimited(bytes);
    QCOMPARE(table.rows.size(), 0);
    QCOMPARE(table.problems.size(), 1);
    QVERIFY(table.problems.constFirst().message.contains(QStringLiteral("cells")));
}

void TestDelimited::libreOfficeFiles_data()
{
    // Files LibreOffice Calc saved as "Text CSV" from tests/data/io/devices.fods (see
    // make-fixtures.sh): one table, three delimiters, three encodings, quoted and unquoted text.
    QTest::addColumn<QString>("file");
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<QString>("encoding");
    QTest::newRow("semicolon, UTF-8, text unquoted")
        << QStringLiteral("devices-semicolon-utf8.csv") << QChar(u';') << QStringLiteral("UTF-8");
    QTest::newRow("comma, Windows-1252, text quoted") << QStringLiteral(
        "devices-comma-cp1252.csv") << QChar(u',') << QStringLiteral("Windows-1252");
    QTest::newRow("tab, UTF-16, text quoted")
        << QStringLiteral("devices-tab-utf16.csv") << QChar(u'\t') << QStringLiteral("UTF-16 LE");
}

void TestDelimited::libreOfficeFiles()
{
    QFETCH(QString, file);
    QFETCH(QChar, delimiter);
    QFETCH(QString, encoding);
    QFile source(QLatin1String(FLOTILLA_IO_FIXTURES "/") + file);
    QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(source.fileName()));
    const TextTable table = readDelimited(source.readAll());
    QCOMPARE(table.delimiter, delimiter);
    QCOMPARE(encodingName(table.encoding), encoding);
    QCOMPARE(table.columnCount, 4);
    QCOMPARE(rowTexts(table),
        (QStringList {QStringLiteral("Device ID|Name|Note|Value"),
            QStringLiteral("e00fce68a1b2c3d4e5f6a7b8|M\u00FCller \"K\u00F6ln\"|a;b,c|3.25"),
            QStringLiteral("e00fce68a1b2c3d4e5f6a7b9|Stra\u00DFe|first line\nsecond line|42"),
            QStringLiteral("|||"), QStringLiteral("00123|5 \u20AC|\ttab inside|-7")}));
    QList<int> numbers;
    QList<int> lines;
    for (const TextRow &row : table.rows) {
        numbers.append(row.number);
        lines.append(row.line);
        QVERIFY(row.types.isEmpty()); // delimited text: every cell is text
    }
    QCOMPARE(numbers, (QList<int> {1, 2, 3, 4, 5}));
    QCOMPARE(lines, (QList<int> {1, 2, 3, 5, 6})); // the line break in row 3 spans two lines
    QVERIFY(table.problems.isEmpty());
}

QTEST_GUILESS_MAIN(TestDelimited)
#include "tst_delimited.moc"
