// SPDX-License-Identifier: MIT
// The export of any part of the fleet as a table (tree/fleetexport.h): which devices a scope
// gives (a node's subtree, a pool, the whole fleet, a selection, the device table's filter) in
// tree order, every column's cells and types (titles, never group names; dates as UTC
// QDateTime; empty cells for what a device does not have), the filter giving exactly the rows
// the device table shows, the CSV bytes of one small fleet, and files written whole or not at
// all (an existing file kept when an export is cancelled or fails), and an export read back as an
// import changing nothing but what was edited.
#include "edit/importplan.h"
#include "io/delimited.h"
#include "tree/devicetablemodel.h"
#include "tree/fleetexport.h"
#include "treefixture.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Flotilla;
using namespace Flotilla::TreeTest;
using Tree::DeviceScope;
using Tree::ExportScope;

Q_DECLARE_METATYPE(Flotilla::Tree::ExportScope)
Q_DECLARE_METATYPE(Flotilla::Tree::DeviceScope)

namespace {

constexpr qint64 BaseMs = 1700000000000; // 2023-11-14T22:13:20Z

// The small fleet of treefixture.h with the columns the tree does not need filled in:
//  n  name     node                              serial   iccid   last heard   other
//  1  alpha    acme--berlin           online     SN-1     ICC-1   base         owner ops@acme
//  2  Bravo    acme--berlin                      SN-2             base + 60 s  notes, locked v3
//  3  charlie  acme--berlin--test     online     SN-3                          development (no
//  target) 4  delta    acme                              SN-4             ... 5  echo acme--hamburg
//  (+ label beta-testers, + a rollout group) 6  foxtrot  beta--north            online 7  golf
//  Unassigned;  8 hotel Returns;  9 india, 10 juliet Needs repair
Sync::FleetState exportFleet()
{
    Sync::FleetState s = smallFleet();
    for (int n = 1; n <= 10; ++n) {
        Domain::Device &d = s.devices[deviceId(n)];
        d.serialNumber = QStringLiteral("SN-%1").arg(n);
        d.platformId = 13;
        d.lastHeardMs = n <= 2 ? BaseMs + (n - 1) * 60000 : 0;
    }
    s.devices[deviceId(1)].iccid = QStringLiteral("89883070000012345678");
    s.devices[deviceId(1)].imei = QStringLiteral("352656100123456");
    s.devices[deviceId(2)].notes = QStringLiteral("Battery replaced; \"old\" unit");
    s.devices[deviceId(2)].hasNotes = true;
    s.devices[deviceId(2)].desiredFirmwareVersion = 3;
    s.devices[deviceId(3)].development = true;
    s.devices[deviceId(6)].platformId = 26;
    Domain::Device &echo = s.devices[deviceId(5)];
    echo.groups.append(QStringLiteral("flotilla-rollout-7-wave-1"));
    echo.groups.sort();
    s.groups.insert(QStringLiteral("flotilla-rollout-7-wave-1"),
        group(QStringLiteral("flotilla-rollout-7-wave-1"), QString()));
    retarget(s);
    return s;
}

QString cellText(const QVariant &v)
{
    if (v.isNull())
        return QStringLiteral("-");
    switch (v.typeId()) {
    case QMetaType::Bool:
        return v.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    case QMetaType::LongLong:
        return QStringLiteral("#%1").arg(v.toLongLong());
    case QMetaType::QDateTime: {
        const QDateTime t = v.toDateTime();
        return (t.timeSpec() == Qt::UTC ? QStringLiteral("utc:") : QStringLiteral("local:"))
            + t.toString(Qt::ISODate);
    }
    case QMetaType::QString:
        return v.toString();
    default:
        return QStringLiteral("?%1").arg(QString::fromLatin1(v.typeName()));
    }
}

// Every row as "cell|cell|…".
QStringList rowsOf(const Io::ExportTable &table)
{
    QStringList rows;
    QVariantList cells;
    for (int r = 0; r < table.rowCount; ++r) {
        cells.clear();
        table.row(r, cells);
        QStringList texts;
        for (const QVariant &c : std::as_const(cells))
            texts.append(cellText(c));
        rows.append(texts.join(QLatin1Char('|')));
    }
    return rows;
}

QStringList keys(const char *list)
{
    return QString::fromUtf8(list).split(QLatin1Char(','));
}

} // namespace

class TestFleetExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void rows_data();
    void rows();
    void columns();
    void unknownColumnsAreNamed();
    void titlesNeverEncodings();
    void datesAreUtc();
    void filterGivesTheTableRows_data();
    void filterGivesTheTableRows();
    void csvBytes();
    void defaultDelimiterFollowsTheLocale();
    void failedExportKeepsTheFile();
    void cancelledExportKeepsTheFile_data();
    void cancelledExportKeepsTheFile();
    void tableOutlivesTheState();
    void importReadsTheExportBack();
};

void TestFleetExport::rows_data()
{
    QTest::addColumn<ExportScope>("scope");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<QStringList>("rows");

    const QStringList place = keys("name,customer,group");
    // Tree order: customers by title, a node's own devices before its groups', groups by title,
    // then Unassigned, Returns, Needs repair (customer and group empty: an import leaves them).
    QTest::newRow("whole fleet") << ExportScope::all() << place
                                 << QStringList {
                                        QStringLiteral("delta|Acme Logistics|-"),
                                        QStringLiteral("alpha|Acme Logistics|Berlin depot"),
                                        QStringLiteral("Bravo|Acme Logistics|Berlin depot"),
                                        QStringLiteral("charlie|Acme Logistics|Berlin depot › "
                                                       "Berlin test bench"),
                                        QStringLiteral("echo|Acme Logistics|Hamburg port"),
                                        QStringLiteral("foxtrot|Beta Energy|North"),
                                        QStringLiteral("golf|Unassigned|-"),
                                        QStringLiteral("hotel|Returns|-"),
                                        QStringLiteral("india|-|-"),
                                        QStringLiteral("juliet|-|-"),
                                    };
    QTest::newRow("group with its subtree")
        << ExportScope::of(DeviceScope::node(QStringLiteral("acme--berlin"))) << place
        << QStringList {
               QStringLiteral("alpha|Acme Logistics|Berlin depot"),
               QStringLiteral("Bravo|Acme Logistics|Berlin depot"),
               QStringLiteral("charlie|Acme Logistics|Berlin depot › Berlin test bench"),
           };
    QTest::newRow("customer without own devices")
        << ExportScope::of(DeviceScope::node(QStringLiteral("beta"))) << place
        << QStringList {QStringLiteral("foxtrot|Beta Energy|North")};
    QTest::newRow("Unassigned") << ExportScope::of(DeviceScope::unassigned()) << place
                                << QStringList {QStringLiteral("golf|Unassigned|-")};
    QTest::newRow("Returns") << ExportScope::of(DeviceScope::returns()) << place
                             << QStringList {QStringLiteral("hotel|Returns|-")};
    QTest::newRow("Needs repair") << ExportScope::of(DeviceScope::needsRepair()) << place
                                  << QStringList {
                                         QStringLiteral("india|-|-"), QStringLiteral("juliet|-|-")};
    // The selection: unknown and repeated IDs left out, rows in tree order.
    QTest::newRow("selection") << ExportScope::selection({deviceId(8), deviceId(6),
        QStringLiteral("ffffffffffffffffffffffff"), deviceId(1), deviceId(6)})
                               << keys("device_id,name")
                               << QStringList {
                                      deviceId(1) + QStringLiteral("|alpha"),
                                      deviceId(6) + QStringLiteral("|foxtrot"),
                                      deviceId(8) + QStringLiteral("|hotel"),
                                  };
    QTest::newRow("empty selection")
        << ExportScope::selection({}) << keys("name") << QStringList {};
    QTest::newRow("filter: online")
        << ExportScope::of(DeviceScope::all(), QStringLiteral("online")) << keys("name,online")
        << QStringList {QStringLiteral("alpha|yes"), QStringLiteral("charlie|yes"),
               QStringLiteral("foxtrot|yes")};
    QTest::newRow("filter over a node")
        << ExportScope::of(DeviceScope::node(QStringLiteral("acme")), QStringLiteral("-online"))
        << keys("name")
        << QStringList {QStringLiteral("delta"), QStringLiteral("Bravo"), QStringLiteral("echo")};
    QTest::newRow("filter: in: titles")
        << ExportScope::of(DeviceScope::all(), QStringLiteral("in:bench")) << keys("name")
        << QStringList {QStringLiteral("charlie")};
    QTest::newRow("filter: pending")
        << ExportScope::of(DeviceScope::all(), QStringLiteral("pending")) << keys("name,pending")
        << QStringList {QStringLiteral("echo|yes")};
    QTest::newRow("filter that cannot be read")
        << ExportScope::of(DeviceScope::all(), QStringLiteral("fw:abc")) << keys("name")
        << QStringList {};
    // Every column, in the order asked for; empty cells where the device has nothing.
    QTest::newRow("every column")
        << ExportScope::selection({deviceId(1), deviceId(2), deviceId(3), deviceId(6)})
        << keys("imei,iccid,serial,platform,firmware_running,firmware_targeted,locked,development,"
                "online,last_heard,owner,notes,pending")
        << QStringList {
               QStringLiteral("352656100123456|89883070000012345678|SN-1|Boron|#4|#4|-|no|yes|"
                              "utc:2023-11-14T22:13:20Z|ops@acme.example||no"),
               QStringLiteral("||SN-2|Boron|#3|#3|#3|no|no|utc:2023-11-14T22:14:20Z||Battery "
                              "replaced; \"old\" unit|no"),
               QStringLiteral("||SN-3|Boron|#5|-|-|yes|yes|-|||no"),
               QStringLiteral("||SN-6|Tracker|#2|#3|-|no|yes|-|||no"),
           };
    QTest::newRow("no columns") << ExportScope::of(DeviceScope::returns()) << QStringList {}
                                << QStringList {QString()};
}

void TestFleetExport::rows()
{
    QFETCH(ExportScope, scope);
    QFETCH(QStringList, columns);
    QFETCH(QStringList, rows);
    const Io::ExportTable table = Tree::exportTable(exportFleet(), scope, columns, {deviceId(5)});
    QCOMPARE(table.columns.size(), columns.size());
    QCOMPARE(rowsOf(table), rows);
}

void TestFleetExport::columns()
{
    const QList<Tree::ExportField> fields = Tree::exportFields();
    QStringList all;
    for (const Tree::ExportField &f : fields)
        all.append(f.key);
    QCOMPARE(all,
        keys("device_id,name,serial,iccid,imei,platform,customer,group,firmware_running,"
             "firmware_targeted,locked,development,online,last_heard,owner,notes,pending"));
    QCOMPARE(Tree::defaultExportColumns(),
        keys("device_id,name,serial,customer,group,firmware_running,firmware_targeted,online,"
             "last_heard,notes"));
    // Device IDs, serials, ICCIDs stay text; versions are numbers; dates are dates.
    const auto typeOf
        = [](const char *key) { return Tree::exportField(QString::fromLatin1(key))->type; };
    QCOMPARE(typeOf("device_id"), Io::CellType::Text);
    QCOMPARE(typeOf("iccid"), Io::CellType::Text);
    QCOMPARE(typeOf("serial"), Io::CellType::Text);
    QCOMPARE(typeOf("firmware_running"), Io::CellType::Number);
    QCOMPARE(typeOf("locked"), Io::CellType::Number);
    QCOMPARE(typeOf("last_heard"), Io::CellType::Date);
    QCOMPARE(typeOf("online"), Io::CellType::Bool);
    QCOMPARE(typeOf("pending"), Io::CellType::Bool);
    QVERIFY(!Tree::exportField(QStringLiteral("groups")));

    // The table's columns: headers are the titles (what an import recognises), in the order
    // asked for; an unknown key is left out.
    const Io::ExportTable table = Tree::exportTable(
        exportFleet(), ExportScope::all(), keys("customer,bogus,device_id,group,serial,notes"));
    QStringList headers;
    for (const Io::ExportColumn &c : table.columns)
        headers.append(c.header);
    QCOMPARE(headers,
        QStringList({QStringLiteral("Customer"), QStringLiteral("Device ID"),
            QStringLiteral("Group"), QStringLiteral("Serial number"), QStringLiteral("Notes")}));
    QCOMPARE(table.columns.at(1).type, Io::CellType::Text);
    QCOMPARE(table.rowCount, 10);
    QVERIFY(!table.sheetName.isEmpty());
}

void TestFleetExport::unknownColumnsAreNamed()
{
    QVERIFY(Tree::exportColumnsError(Tree::defaultExportColumns()).isEmpty());
    const QString error = Tree::exportColumnsError(keys("name,colour,groups"));
    QVERIFY2(error.contains(QStringLiteral("'colour'")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("'groups'")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("device_id")), qPrintable(error)); // what there is
}

// People see titles: no cell of any column holds a group name, a path or a rollout group.
void TestFleetExport::titlesNeverEncodings()
{
    QStringList all;
    for (const Tree::ExportField &f : Tree::exportFields())
        all.append(f.key);
    const Io::ExportTable table = Tree::exportTable(exportFleet(), ExportScope::all(), all);
    const QStringList rows = rowsOf(table);
    QCOMPARE(rows.size(), 10);
    for (const QString &row : rows) {
        QVERIFY2(!row.contains(QStringLiteral("--")), qPrintable(row));
        QVERIFY2(!row.contains(QStringLiteral("flotilla-")), qPrintable(row));
        QVERIFY2(!row.contains(QStringLiteral("beta-testers")), qPrintable(row));
        QVERIFY2(!row.contains(QStringLiteral("|acme|")), qPrintable(row));
    }
    // A Returns pool with a title of its own is called by it.
    Sync::FleetState s = exportFleet();
    s.groups[QStringLiteral("flotilla-returns")].description
        = QStringLiteral("Refurbishment [flotilla:returns]");
    QCOMPARE(
        rowsOf(Tree::exportTable(s, ExportScope::of(DeviceScope::returns()), keys("customer"))),
        QStringList {QStringLiteral("Refurbishment")});
}

void TestFleetExport::datesAreUtc()
{
    const Io::ExportTable table = Tree::exportTable(
        exportFleet(), ExportScope::selection({deviceId(1), deviceId(3)}), keys("last_heard"));
    QVariantList cells;
    table.row(0, cells);
    QCOMPARE(cells.size(), 1);
    const QDateTime heard = cells.at(0).toDateTime();
    QCOMPARE(heard.timeSpec(), Qt::UTC);
    QCOMPARE(heard.toMSecsSinceEpoch(), BaseMs);
    cells.clear();
    table.row(1, cells);
    QVERIFY(cells.at(0).isNull()); // never heard: an empty cell, not 1970
}

void TestFleetExport::filterGivesTheTableRows_data()
{
    QTest::addColumn<DeviceScope>("scope");
    QTest::addColumn<QString>("query");
    QTest::newRow("all, a word") << DeviceScope::all() << QStringLiteral("unit 1");
    QTest::newRow("all, online fw") << DeviceScope::all() << QStringLiteral("online fw:4");
    QTest::newRow("node, negation")
        << DeviceScope::node(QStringLiteral("c001")) << QStringLiteral("-offline -\"unit 3\"");
    QTest::newRow("in: a title") << DeviceScope::all() << QStringLiteral("in:\"site 1\"");
    QTest::newRow("in: a path") << DeviceScope::all() << QStringLiteral("in:c002--s0");
    QTest::newRow("pool, off-target") << DeviceScope::returns() << QStringLiteral("off-target");
    QTest::newRow("needs repair, pending")
        << DeviceScope::needsRepair() << QStringLiteral("pending");
    QTest::newRow("owner, target") << DeviceScope::all() << QStringLiteral("target:5 -locked");
}

// The filter scope exports what the device table shows for the same scope and query.
void TestFleetExport::filterGivesTheTableRows()
{
    QFETCH(DeviceScope, scope);
    QFETCH(QString, query);
    Sync::FleetState s = generatedFleet(1500, 4, 7);
    QSet<QString> pending;
    int n = 0;
    for (const Domain::Device &d : std::as_const(s.devices)) {
        if (++n % 7 == 0)
            pending.insert(d.id);
    }
    Tree::DeviceTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setScope(s, scope);
    model.setPending(pending);
    model.setFilter(query);
    QStringList shown = model.visibleDeviceIds();
    QVERIFY(!shown.isEmpty());

    const Io::ExportTable table
        = Tree::exportTable(s, ExportScope::of(scope, query), keys("device_id"), pending);
    QStringList exported;
    QVariantList cells;
    for (int r = 0; r < table.rowCount; ++r) {
        cells.clear();
        table.row(r, cells);
        exported.append(cells.at(0).toString());
    }
    shown.sort();
    exported.sort();
    QCOMPARE(exported, shown);
}

// The CSV file of a group, byte for byte (the writer's rules: BOM, CRLF, quoting, ISO dates).
void TestFleetExport::csvBytes()
{
    const Io::ExportTable table = Tree::exportTable(exportFleet(),
        ExportScope::of(DeviceScope::node(QStringLiteral("acme--berlin"))),
        keys("device_id,name,customer,group,firmware_running,locked,online,last_heard,notes"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("berlin.csv"));
    QString error;
    Tree::ExportFileOptions options;
    options.delimiter = QLatin1Char(';');
    QList<int> progress;
    options.progress = [&progress](int rows) { progress.append(rows); };
    QVERIFY2(Tree::writeExportFile(path, table, options, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray expected = "\xEF\xBB\xBF"
                                "Device ID;Name;Customer;Group;Firmware running;Locked to "
                                "firmware;Online;Last heard (UTC);Notes\r\n"
                                "000000000000000000000001;alpha;Acme Logistics;Berlin depot;4;;"
                                "true;2023-11-14T22:13:20Z;\r\n"
                                "000000000000000000000002;Bravo;Acme Logistics;Berlin depot;3;3;"
                                "false;2023-11-14T22:14:20Z;\"Battery replaced; \"\"old\"\" "
                                "unit\"\r\n"
                                "000000000000000000000003;charlie;Acme Logistics;Berlin depot "
                                "\xE2\x80\xBA Berlin test bench;5;;true;;\r\n";
    QCOMPARE(file.readAll(), expected);
    QCOMPARE(progress.value(0), 0);
    QCOMPARE(progress.last(), 3);
    // Nothing else is left in the folder (QSaveFile's temporary file is gone).
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
        QStringList {QStringLiteral("berlin.csv")});
}

void TestFleetExport::defaultDelimiterFollowsTheLocale()
{
    QCOMPARE(Tree::defaultDelimiter(QLocale::c()), QLatin1Char(','));
    QCOMPARE(Tree::defaultDelimiter(QLocale(QLocale::English, QLocale::UnitedKingdom)),
        QLatin1Char(','));
    QCOMPARE(Tree::defaultDelimiter(QLocale(QLocale::German, QLocale::Germany)), QLatin1Char(';'));
    QCOMPARE(Tree::defaultDelimiter(QLocale(QLocale::French, QLocale::France)), QLatin1Char(';'));
}

// A folder that cannot be written: a clear error, and no file.
void TestFleetExport::failedExportKeepsTheFile()
{
    const Io::ExportTable table
        = Tree::exportTable(exportFleet(), ExportScope::all(), Tree::defaultExportColumns());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const Tree::ExportFormat format : {Tree::ExportFormat::Csv, Tree::ExportFormat::Xlsx}) {
        const QString path = dir.filePath(QStringLiteral("missing/fleet.out"));
        Tree::ExportFileOptions options;
        options.format = format;
        QString error;
        QVERIFY(!Tree::writeExportFile(path, table, options, &error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void TestFleetExport::cancelledExportKeepsTheFile_data()
{
    QTest::addColumn<Tree::ExportFormat>("format");
    QTest::newRow("csv") << Tree::ExportFormat::Csv;
    QTest::newRow("xlsx") << Tree::ExportFormat::Xlsx;
}

// Cancelled halfway: the file that was there before is unchanged, nothing else is left.
void TestFleetExport::cancelledExportKeepsTheFile()
{
    QFETCH(Tree::ExportFormat, format);
    const Io::ExportTable table = Tree::exportTable(
        generatedFleet(2000, 3, 11), ExportScope::all(), Tree::defaultExportColumns());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("fleet"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("yesterday's list");
    }
    Tree::ExportFileOptions options;
    options.format = format;
    int made = 0;
    options.progress = [&made](int rows) { made = rows; };
    options.cancelled = [&made] { return made >= 1000; };
    QString error;
    QVERIFY(!Tree::writeExportFile(path, table, options, &error));
    QVERIFY2(error.contains(QStringLiteral("cancelled")), qPrintable(error));
    QFile old(path);
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("yesterday's list"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
        QStringList {QStringLiteral("fleet")});

    // Not cancelled: the file is replaced.
    options.cancelled = {};
    QVERIFY2(Tree::writeExportFile(path, table, options, &error), qPrintable(error));
    QVERIFY(QFileInfo(path).size() > 10000);
    QCOMPARE(made, 2000);
}

// The table keeps its own copy of the fleet: it can be written after the state changed or is
// gone (on another thread, while the engine goes on).
void TestFleetExport::tableOutlivesTheState()
{
    Io::ExportTable table;
    {
        auto state = std::make_unique<Sync::FleetState>(exportFleet());
        table = Tree::exportTable(*state,
            ExportScope::of(DeviceScope::node(QStringLiteral("acme--hamburg"))), keys("name"));
        state->devices[deviceId(5)].name = QStringLiteral("renamed");
        state->devices.clear();
    }
    QCOMPARE(rowsOf(table), QStringList {QStringLiteral("echo")});
}

// The round trip: an export read as an import (Edit::planImport, the rules every import
// follows) changes nothing; the same file with one group cell edited moves that device, and
// only it. Pools and Needs repair included.
void TestFleetExport::importReadsTheExportBack()
{
    const Sync::FleetState fleet = exportFleet();
    const Io::ExportTable table
        = Tree::exportTable(fleet, ExportScope::all(), Tree::defaultExportColumns());
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY2(Io::writeCsv(&buffer, table, {}, &error), qPrintable(error));
    const auto plan = [&fleet](const QByteArray &bytes) {
        const Io::TextTable read = Io::readDelimited(bytes);
        Edit::ImportOptions options;
        options.mapping = Edit::guessMapping(read);
        return Edit::planImport(read, options, fleet);
    };

    const Edit::ImportPlan unchanged = plan(buffer.data());
    QVERIFY2(unchanged.error.isEmpty(), qPrintable(unchanged.error));
    QCOMPARE(unchanged.rows.size(), 10);
    for (const Edit::ImportRow &row : unchanged.rows)
        QVERIFY2(row.action == Edit::RowAction::Unchanged,
            qPrintable(QStringLiteral("row %1: %2 %3")
                           .arg(row.row)
                           .arg(Edit::actionKey(row.action), row.errors.join(u';'))));

    // Bravo from "Berlin depot" to "Hamburg port" (its row: "…;Bravo;SN-2;Acme Logistics;Berlin
    // depot;…").
    QByteArray edited = buffer.data();
    const QByteArray bravo = "Bravo,SN-2,Acme Logistics,Berlin depot,";
    QVERIFY(edited.contains(bravo));
    edited.replace(bravo, "Bravo,SN-2,Acme Logistics,Hamburg port,");
    const Edit::ImportPlan moved = plan(edited);
    QCOMPARE(moved.validChanges(), 1);
    QCOMPARE(moved.errorCount(), 0);
    const auto it = std::find_if(moved.rows.cbegin(), moved.rows.cend(),
        [](const Edit::ImportRow &r) { return r.action != Edit::RowAction::Unchanged; });
    QVERIFY(it != moved.rows.cend());
    QCOMPARE(it->action, Edit::RowAction::Move);
    QCOMPARE(it->deviceId, deviceId(2));
    QCOMPARE(it->toPath, QStringLiteral("acme--hamburg"));
}

QTEST_GUILESS_MAIN(TestFleetExport)
#include "tst_fleetexport.moc"
