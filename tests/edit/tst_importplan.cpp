// SPDX-License-Identifier: MIT
// The import rules, file by file: a spreadsheet (as delimited text) and the fleet it is planned
// on give every row's action, destination, changes and errors; and how columns are recognised
// by their headers.
#include "../tree/treefixture.h"
#include "domain/nodepath.h"
#include "edit/importplan.h"
#include "edit/importpreviewmodel.h"
#include "io/delimited.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Flotilla;
using Edit::ImportField;
using TreeTest::deviceId;

namespace {

// The small test fleet with identifiers: alpha (#1), Bravo (#2) and golf (#7) have serial
// numbers, alpha and Bravo ICCIDs, alpha an IMEI. With `twin`, Acme Logistics has a second
// group titled "Berlin Depot".
Sync::FleetState fleet(bool twin = false)
{
    Sync::FleetState s = TreeTest::smallFleet();
    Domain::Device &alpha = s.devices[deviceId(1)];
    alpha.serialNumber = QStringLiteral("P046AF0001");
    alpha.iccid = QStringLiteral("89314404000000000011");
    alpha.imei = QStringLiteral("350000000000011");
    Domain::Device &bravo = s.devices[deviceId(2)];
    bravo.serialNumber = QStringLiteral("P046AF0002");
    bravo.iccid = QStringLiteral("89314404000000000022");
    bravo.hasNotes = true;
    bravo.notes = QStringLiteral("spare");
    s.devices[deviceId(7)].serialNumber = QStringLiteral("P046AF0007");
    s.devices[deviceId(7)].name = QStringLiteral("Golf Unit 7"); // as a console may show it
    for (const auto &[name, description] :
        {std::pair {"beta--north--lager", "Lager/Süd [flotilla:group]"},
            std::pair {"beta--lab", "Lab -- East [flotilla:group]"},
            std::pair {"beta--north2", "Spare [flotilla:group]"},
            std::pair {"beta--n2", "north2 [flotilla:group]"}})
        s.groups.insert(QString::fromUtf8(name),
            TreeTest::group(QString::fromUtf8(name), QString::fromUtf8(description)));
    s.groups.insert(QStringLiteral("beta--ns"),
        TreeTest::group(
            QStringLiteral("beta--ns"), QStringLiteral("North/South [flotilla:group]")));
    if (twin)
        s.groups.insert(QStringLiteral("acme--berlin-2"),
            TreeTest::group(
                QStringLiteral("acme--berlin-2"), QStringLiteral("Berlin Depot [flotilla:group]")));
    return s;
}

// "3 move acme--hamburg [move]", "4 error same as row 3": a planned row as one line.
QString rowLine(const Edit::ImportRow &r)
{
    if (r.isError())
        return QStringLiteral("%1 error %2").arg(r.row).arg(r.errors.join(QStringLiteral("; ")));
    QString line = QStringLiteral("%1 %2").arg(r.row).arg(Edit::actionKey(r.action));
    if (!r.toPath.isEmpty())
        line += u' ' + r.toPath;
    if (!r.changes.isEmpty())
        line += QStringLiteral(" [%1]").arg(r.changes.join(QStringLiteral(", ")));
    return line;
}

Edit::ImportPlan plan(const QString &csv, bool createMissing = false,
    const QString &destination = QString(), bool twin = false)
{
    const Io::TextTable table = Io::readDelimited(csv.toUtf8());
    Edit::ImportOptions options;
    options.mapping = Edit::guessMapping(table);
    options.createMissing = createMissing;
    options.destination = destination;
    return Edit::planImport(table, options, fleet(twin));
}

QStringList lines(const Edit::ImportPlan &p)
{
    QStringList out;
    for (const Edit::ImportRow &r : p.rows)
        out.append(rowLine(r));
    return out;
}

} // namespace

class TestImportPlan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void createsMissingNodesWithSlugsFromTitles();
    void ignoredColumnsAreListed();
    void fileWithoutIdentifierColumnIsRefused();
    void numberCellsOfSpreadsheets_data();
    void numberCellsOfSpreadsheets();
    void headers_data();
    void headers();
    void mappingsAreRememberedByHeaderSet();
    void rowsKeepNamesAndPlacesForThePreview();
    void previewModelShowsAllChangesOrErrors();
    void planAsTheCommandLinePrintsIt();
};

void TestImportPlan::rules_data()
{
    QTest::addColumn<QString>("csv");
    QTest::addColumn<bool>("createMissing");
    QTest::addColumn<QString>("destination");
    QTest::addColumn<bool>("twin");
    QTest::addColumn<QStringList>("expected");

    const QString id7 = deviceId(7);
    QTest::newRow("German headers, titles, semicolons")
        << QStringLiteral("Seriennummer;Kunde;Gruppe\nP046AF0001;Acme Logistics;Hamburg port\n")
        << false << QString() << false
        << QStringList {QStringLiteral("2 move acme--hamburg [move]")};
    QTest::newRow("already there")
        << QStringLiteral("serial,customer,group\nP046AF0001,Acme Logistics,Berlin depot\n")
        << false << QString() << false << QStringList {QStringLiteral("2 unchanged")};
    QTest::newRow("titles compare without case")
        << QStringLiteral("serial,customer,group\nP046AF0001,ACME logistics,hamburg PORT\n")
        << false << QString() << false
        << QStringList {QStringLiteral("2 move acme--hamburg [move]")};
    QTest::newRow("a customer with an empty group is the customer")
        << QStringLiteral("serial,customer,group\nP046AF0002,Beta Energy,\n") << false << QString()
        << false << QStringList {QStringLiteral("2 move beta [move]")};
    QTest::newRow("empty customer and group keep the place")
        << QStringLiteral("serial,customer,group,notes\nP046AF0002,,,on the shelf\n") << false
        << QString() << false << QStringList {QStringLiteral("2 notes [notes]")};
    QTest::newRow("empty cells leave fields as they are")
        << QStringLiteral("serial,name,notes\nP046AF0002,,\n") << false << QString() << false
        << QStringList {QStringLiteral("2 unchanged")};
    QTest::newRow("the pools by the tree's names")
        << QStringLiteral("serial,customer\nP046AF0001,Returns\nP046AF0002,unassigned\n") << false
        << QString() << false
        << QStringList {
               QStringLiteral("2 move returns [move]"), QStringLiteral("3 move unassigned [move]")};
    QTest::newRow("a path with --")
        << QStringLiteral("device id,group\n%1,acme--berlin--test\n").arg(id7) << false << QString()
        << false << QStringList {QStringLiteral("2 move acme--berlin--test [move]")};
    QTest::newRow("a path below the customer")
        << QStringLiteral("device id,customer,group\n%1,acme,berlin--test\n").arg(id7) << false
        << QString() << false << QStringList {QStringLiteral("2 move acme--berlin--test [move]")};
    QTest::newRow("a value equal to a path")
        << QStringLiteral("device id,group\n%1,beta\n").arg(id7) << false << QString() << false
        << QStringList {QStringLiteral("2 move beta [move]")};
    QTest::newRow("title path with / and ›")
        << QStringLiteral("serial,group\nP046AF0007,Acme Logistics / Berlin depot › Berlin test "
                          "bench\n")
        << false << QString() << false
        << QStringList {QStringLiteral("2 move acme--berlin--test [move]")};
    QTest::newRow("a title with a slash of its own")
        << QStringLiteral("serial,customer,group\nP046AF0007,Beta Energy,North/South\n") << false
        << QString() << false << QStringList {QStringLiteral("2 move beta--ns [move]")};
    QTest::newRow("a title with a slash below another level")
        << QStringLiteral("serial,customer,group\nP046AF0007,Beta Energy,North › Lager/Süd\n")
        << false << QString() << false
        << QStringList {QStringLiteral("2 move beta--north--lager [move]")};
    QTest::newRow("a title with -- is a title")
        << QStringLiteral("serial,customer,group\nP046AF0007,Beta Energy,Lab -- East\n") << false
        << QString() << false << QStringList {QStringLiteral("2 move beta--lab [move]")};
    QTest::newRow("a title wins over another group's short name")
        << QStringLiteral("serial,customer,group\nP046AF0007,Beta Energy,north2\n") << false
        << QString() << false << QStringList {QStringLiteral("2 move beta--n2 [move]")};
    QTest::newRow("a group's short name when no title matches")
        << QStringLiteral("serial,customer,group\nP046AF0007,Beta Energy,lab\n") << false
        << QString() << false << QStringList {QStringLiteral("2 move beta--lab [move]")};
    QTest::newRow("ambiguous title")
        << QStringLiteral("serial,customer,group\nP046AF0007,Acme Logistics,berlin depot\n")
        << false << QString() << true
        << QStringList {QStringLiteral("2 error “berlin depot” is ambiguous: it matches “Acme "
                                       "Logistics › Berlin depot” and “Acme Logistics › Berlin "
                                       "Depot”")};
    QTest::newRow("unknown customer without creating")
        << QStringLiteral("serial,customer\nP046AF0007,Nordwind\n") << false << QString() << false
        << QStringList {QStringLiteral("2 error There is no customer “Nordwind” (allow creating "
                                       "missing customers and groups to create it)")};
    QTest::newRow("a repeated row: the first counts")
        << QStringLiteral("serial,customer\nP046AF0002,Beta Energy\nP046AF0002,Beta Energy\n")
        << false << QString() << false
        << QStringList {
               QStringLiteral("2 move beta [move]"), QStringLiteral("3 error same as row 2")};
    QTest::newRow("two places for one device: both rows")
        << QStringLiteral("serial,customer\nP046AF0002,Beta Energy\nP046AF0002,Returns\n") << false
        << QString() << false
        << QStringList {QStringLiteral("2 error row 3 does something else with the same device"),
               QStringLiteral("3 error row 2 does something else with the same device")};
    QTest::newRow("one device by serial and by ICCID")
        << QStringLiteral("serial,iccid,customer\nP046AF0001,,Beta Energy\n,"
                          "89314404000000000011,Returns\n")
        << false << QString() << false
        << QStringList {QStringLiteral("2 error row 3 does something else with the same device"),
               QStringLiteral("3 error row 2 does something else with the same device")};
    QTest::newRow("one device by IMEI and device ID: same place is a repeat")
        << QStringLiteral("imei,device id,customer\n350000000000011,,beta\n,%1,beta\n")
               .arg(deviceId(1))
        << false << QString() << false
        << QStringList {
               QStringLiteral("2 move beta [move]"), QStringLiteral("3 error same as row 2")};
    QTest::newRow("identifiers of two devices")
        << QStringLiteral("serial,iccid\nP046AF0001,89314404000000000022\n") << false << QString()
        << false
        << QStringList {QStringLiteral("2 error the identifiers name two different devices: %1 by "
                                       "Serial number and %2 by ICCID")
                            .arg(deviceId(1), deviceId(2))};
    QTest::newRow("malformed device ID")
        << QStringLiteral("device id\nxyz\n") << false << QString() << false
        << QStringList {QStringLiteral("2 error the device ID “xyz” is not 24 hexadecimal digits")};
    QTest::newRow("ICCID without its leading digits")
        << QStringLiteral("iccid\n893144040000000011\n") << false << QString() << false
        << QStringList {QStringLiteral("2 error the ICCID “893144040000000011” has 18 digits, not "
                                       "19 or 20 (did a spreadsheet drop its leading zeros? "
                                       "Format the column as text)")};
    QTest::newRow("IMEI of 16 digits")
        << QStringLiteral("imei\n3500000000000111\n") << false << QString() << false
        << QStringList {QStringLiteral("2 error the IMEI “3500000000000111” is not 15 digits")};
    QTest::newRow("ICCID rounded by a spreadsheet")
        << QStringLiteral("iccid\n8.93144E+19\n") << false << QString() << false
        << QStringList {QStringLiteral("2 error column A holds ICCID as a number that the "
                                       "spreadsheet rounded (8.93144E+19): format the column as "
                                       "text and enter the numbers again")};
    QTest::newRow("unknown identifiers are imported")
        << QStringLiteral("serial,customer,group\nP046AF9999,Acme Logistics,Hamburg port\n")
        << false << QString() << false
        << QStringList {QStringLiteral("2 import acme--hamburg [import, move]")};
    QTest::newRow("imported without a place goes to Unassigned")
        << QStringLiteral("serial,name\nP046AF9999,tracker-1\n") << false << QString() << false
        << QStringList {QStringLiteral("2 import [import, rename]")};
    QTest::newRow("identifiers only, one destination")
        << QStringLiteral("P046AF0001\nP046AF9999\n89314404000000000022\n") << false
        << QStringLiteral("Acme Logistics/Hamburg port") << false
        << QStringList {QStringLiteral("1 move acme--hamburg [move]"),
               QStringLiteral("2 import acme--hamburg [import, move]"),
               QStringLiteral("3 move acme--hamburg [move]")};
    QTest::newRow("identifiers only: an IMEI without its leading zero")
        << QStringLiteral("35000000000001\n") << false << QString() << false
        << QStringList {QStringLiteral("1 error the IMEI “35000000000001” has 14 digits, not 15 "
                                       "(did a spreadsheet drop its leading zeros? Format the "
                                       "column as text)")};
    QTest::newRow("notes that differ only in line ends and spaces are the same")
        << QStringLiteral("serial,notes\nP046AF0002,\"spare \"\n") << false << QString() << false
        << QStringList {QStringLiteral("2 unchanged")};
    QTest::newRow("identifiers only, no destination")
        << QStringLiteral("P046AF0001\n") << false << QString() << false
        << QStringList {QStringLiteral("1 unchanged")};
    QTest::newRow("rename, and a name too long")
        << QStringLiteral("serial,name\nP046AF0001,alpha-2\nP046AF0002,%1\n").arg(QString(64, u'x'))
        << false << QString() << false
        << QStringList {QStringLiteral("2 rename [rename]"),
               QStringLiteral("3 error a device name has 1 to 63 characters")};
    QTest::newRow("a name the cloud refuses")
        << QStringLiteral("serial,name\nP046AF0001,Wärmezähler 470\n") << false << QString()
        << false
        << QStringList {QStringLiteral("2 error “Wärmezähler 470” cannot be a device name: only "
                                       "letters A–Z, digits, '_' and '-' are allowed")};
    QTest::newRow("a name the device has is no change, whatever it is")
        << QStringLiteral("serial,name\nP046AF0007,Golf Unit 7\n") << false << QString() << false
        << QStringList {QStringLiteral("2 unchanged")};
    QTest::newRow("a device ID of digits around an e is not a rounded number")
        << QStringLiteral("device id\n0585588957760e5559046507\n") << false << QString() << false
        << QStringList {QStringLiteral("2 import [import]")};
    QTest::newRow("an export's guard against formulas is read back")
        << QStringLiteral("serial,name,notes\nP046AF0001,'-Reserve,'=1+1\n") << false << QString()
        << false << QStringList {QStringLiteral("2 rename [rename, notes]")};
    QTest::newRow("every change of a row is listed")
        << QStringLiteral("serial,customer,name,notes\nP046AF0002,Beta Energy,bravo-2,new\n")
        << false << QString() << false
        << QStringList {QStringLiteral("2 move beta [move, rename, notes]")};
    QTest::newRow("blank rows count in the row numbers")
        << QStringLiteral("serial,customer\n\nP046AF0001,Beta Energy\n,\n") << false << QString()
        << false << QStringList {QStringLiteral("3 move beta [move]")};
    QTest::newRow("a quoted line break does not start a row")
        << QStringLiteral("serial,notes\nP046AF0001,\"two\nlines\"\nP046AF0002,x\n") << false
        << QString() << false
        << QStringList {QStringLiteral("2 notes [notes]"), QStringLiteral("3 notes [notes]")};
    QTest::newRow("a row without identifiers")
        << QStringLiteral("serial,customer\n,Beta Energy\n") << false << QString() << false
        << QStringList {QStringLiteral("2 error no device ID, serial number, ICCID or IMEI")};
    QTest::newRow("missing customer and group created from titles")
        << QStringLiteral("serial,customer,group\nP046AF0007,Nordwind Energie,Hafen / Prüfstand\n")
        << true << QString() << false
        << QStringList {QStringLiteral("2 move nordwind-energie--hafen--prufstand [move]")};
}

void TestImportPlan::rules()
{
    QFETCH(QString, csv);
    QFETCH(bool, createMissing);
    QFETCH(QString, destination);
    QFETCH(bool, twin);
    QFETCH(QStringList, expected);
    const Edit::ImportPlan p = plan(csv, createMissing, destination, twin);
    QCOMPARE(p.error, QString());
    QCOMPARE(lines(p), expected);
}

void TestImportPlan::createsMissingNodesWithSlugsFromTitles()
{
    const Edit::ImportPlan p = plan(QStringLiteral("serial,customer,group\n"
                                                   "P046AF0007,Nordwind Energie,Hafen\n"
                                                   "P046AF9999,nordwind energie,Hafen / Test\n"
                                                   "P046AF9998,Acme Logistics,Kiel\n"
                                                   "bad id!,Zulu,\n"),
        true);
    QStringList creates;
    for (const Edit::ImportCreation &c : p.creates)
        creates.append(c.path + u' ' + c.titlePath);
    // Parents before children, each once; nothing for the row with an error.
    QCOMPARE(creates,
        (QStringList {QStringLiteral("nordwind-energie Nordwind Energie"),
            QStringLiteral("nordwind-energie--hafen Nordwind Energie › Hafen"),
            QStringLiteral("nordwind-energie--hafen--test Nordwind Energie › Hafen › Test"),
            QStringLiteral("acme--kiel Acme Logistics › Kiel")}));
    for (const Edit::ImportCreation &c : p.creates)
        QCOMPARE(Domain::nodePathError(c.path), QString());
    QCOMPARE(p.rows.at(1).toTitle, QStringLiteral("Nordwind Energie › Hafen › Test"));
    QCOMPARE(p.errorCount(), 1);
}

void TestImportPlan::ignoredColumnsAreListed()
{
    const Edit::ImportPlan p
        = plan(QStringLiteral("serial,Firmware,customer,Online\nP046AF0001,4,beta,yes\n"));
    QCOMPARE(p.ignoredColumns,
        (QStringList {QStringLiteral("B (Firmware)"), QStringLiteral("D (Online)")}));
    QCOMPARE(lines(p), QStringList {QStringLiteral("2 move beta [move]")});
}

void TestImportPlan::fileWithoutIdentifierColumnIsRefused()
{
    const Edit::ImportPlan p = plan(QStringLiteral("customer,group\nAcme Logistics,Hamburg\n"));
    QVERIFY(!p.error.isEmpty());
    QVERIFY(p.rows.isEmpty());
}

void TestImportPlan::numberCellsOfSpreadsheets_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("expected");
    QTest::newRow("an ICCID stored as a number")
        << QStringLiteral("iccid") << QStringLiteral("8.93144E+19")
        << QStringLiteral("2 error column A holds ICCID as a number that the spreadsheet rounded "
                          "(8.93144E+19): format the column as text and enter the numbers again");
    QTest::newRow("an IMEI held exactly")
        << QStringLiteral("imei") << QStringLiteral("350000000000011")
        << QStringLiteral("2 unchanged");
    QTest::newRow("a serial of digits held exactly")
        << QStringLiteral("serial") << QStringLiteral("123456789012345")
        << QStringLiteral("2 import [import]");
    QTest::newRow("an IMEI that lost its leading zero")
        << QStringLiteral("imei") << QStringLiteral("12345678901234")
        << QStringLiteral("2 error the IMEI “12345678901234” has 14 digits, not 15 (did a "
                          "spreadsheet drop its leading zeros? Format the column as text)");
}

void TestImportPlan::numberCellsOfSpreadsheets()
{
    QFETCH(QString, field);
    QFETCH(QString, cell);
    QFETCH(QString, expected);
    // As an XLSX sheet reads: a header row of text, then a number cell.
    Io::TextTable table;
    table.columnCount = 1;
    table.rows.append(Io::TextRow {1, 1, {field}, {Io::CellType::Text}});
    table.rows.append(Io::TextRow {2, 2, {cell}, {Io::CellType::Number}});
    Edit::ImportOptions options;
    options.mapping = Edit::guessMapping(table);
    QCOMPARE(lines(Edit::planImport(table, options, fleet())), QStringList {expected});
}

void TestImportPlan::headers_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("field");
    const QList<QPair<const char *, const char *>> table = {
        {"Device ID", "device_id"},
        {"deviceID", "device_id"},
        {"Geräte-ID", "device_id"},
        {"Serial number", "serial"},
        {"Serial No.", "serial"},
        {"S/N", "serial"},
        {"Seriennummer", "serial"},
        {"ICCID", "iccid"},
        {"SIM ICCID", "iccid"},
        {"IMEI", "imei"},
        {"Name", "name"},
        {"Gerätename", "name"},
        {"Customer", "customer"},
        {"Kunde", "customer"},
        {"Group path", "group"},
        {"Gruppe", "group"},
        {"Notes", "notes"},
        {"Bemerkung", "notes"},
        {"Firmware", "ignore"},
        {"", "ignore"},
    };
    for (const auto &[header, field] : table)
        QTest::newRow(header) << QString::fromUtf8(header) << QString::fromLatin1(field);
}

void TestImportPlan::headers()
{
    QFETCH(QString, header);
    QFETCH(QString, field);
    QCOMPARE(Edit::fieldKey(Edit::fieldForHeader(header)), field);
}

void TestImportPlan::mappingsAreRememberedByHeaderSet()
{
    const Io::TextTable a = Io::readDelimited("Serial;Kunde;X\nP1;acme;1\n");
    const Io::TextTable b = Io::readDelimited("serial ; KUNDE ; x\nP2;beta;2\n");
    const Io::TextTable c = Io::readDelimited("Serial;Kunde;Y\nP2;beta;2\n");
    QCOMPARE(Edit::headerSetKey(a), Edit::headerSetKey(b));
    QVERIFY(Edit::headerSetKey(a) != Edit::headerSetKey(c));
    Edit::ColumnMapping m = Edit::guessMapping(a);
    QCOMPARE(m.fields,
        (QList<ImportField> {ImportField::Serial, ImportField::Customer, ImportField::Ignore}));
    m.fields[2] = ImportField::Notes;
    QCOMPARE(Edit::mappingFromText(Edit::mappingToText(m), 3), std::optional(m));
    QCOMPARE(Edit::mappingFromText(Edit::mappingToText(m), 4), std::nullopt);
    QCOMPARE(Edit::mappingFromText(QStringLiteral("header:serial,bogus,notes"), 3), std::nullopt);
    // A file without a header: a single column holds identifiers.
    const Edit::ColumnMapping single = Edit::guessMapping(Io::readDelimited("P1\nP2\n"));
    QVERIFY(!single.hasHeader);
    QCOMPARE(single.fields, QList<ImportField> {ImportField::Identifier});
}

void TestImportPlan::rowsKeepNamesAndPlacesForThePreview()
{
    const Edit::ImportPlan p = plan(
        QStringLiteral("serial,customer,group,name,notes\nP046AF0002,Beta Energy,North,b2,x\n"));
    QCOMPARE(p.rows.size(), 1);
    const Edit::ImportRow &r = p.rows.constFirst();
    QCOMPARE(r.deviceId, deviceId(2));
    QCOMPARE(r.label, QStringLiteral("Bravo"));
    QCOMPARE(r.fromTitle, QStringLiteral("Acme Logistics › Berlin depot"));
    QCOMPARE(r.toTitle, QStringLiteral("Beta Energy › North"));
    QCOMPARE(r.oldName, QStringLiteral("Bravo"));
    QCOMPARE(r.oldNotes, QStringLiteral("spare"));
    QCOMPARE(r.name, std::optional(QStringLiteral("b2")));
    QCOMPARE(r.notes, std::optional(QStringLiteral("x")));
}

void TestImportPlan::previewModelShowsAllChangesOrErrors()
{
    Edit::ImportPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(plan(QStringLiteral("serial,customer,name\nP046AF0001,Beta Energy,a-2\n"
                                      "P046AF0002,,\nbad id!,beta,\n")));
    QCOMPARE(model.rowCount(), 3);
    const auto cell
        = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(cell(0, Edit::ImportPreviewModel::RowColumn), QStringLiteral("2"));
    QCOMPARE(cell(0, Edit::ImportPreviewModel::DeviceColumn), QStringLiteral("alpha"));
    QCOMPARE(cell(0, Edit::ImportPreviewModel::FromColumn),
        QStringLiteral("Acme Logistics › Berlin depot"));
    QCOMPARE(cell(0, Edit::ImportPreviewModel::ToColumn), QStringLiteral("Beta Energy"));
    QCOMPARE(cell(0, Edit::ImportPreviewModel::DetailsColumn), QStringLiteral("Name: alpha → a-2"));
    model.setShow(Edit::ImportPreviewModel::Show::Changes);
    QCOMPARE(model.rowCount(), 1);
    model.setShow(Edit::ImportPreviewModel::Show::Errors);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(0, Edit::ImportPreviewModel::RowColumn), QStringLiteral("4"));
    QVERIFY(cell(0, Edit::ImportPreviewModel::DetailsColumn).contains(QStringLiteral("serial")));
}

void TestImportPlan::planAsTheCommandLinePrintsIt()
{
    const Edit::ImportPlan p = plan(QStringLiteral("serial,customer,group\n"
                                                   "P046AF0001,Nordwind,Hafen\n"
                                                   "P046AF0002,Returns,\n"
                                                   "P046AF9999,,\n"
                                                   "xx yy,beta,\n"),
        true);
    const QJsonObject json = Edit::planToJson(p, 7);
    const QByteArray expected = R"({"counts":{"error":1,"import":1,"move":2,"notes":0,"rename":0,)"
                                R"("unchanged":0},"creates":["nordwind","nordwind--hafen"],)"
                                R"("requests":7,"rows":4,"rows_detail":[)"
                                R"({"action":"move","changes":["move"],)"
                                R"("device_id":"000000000000000000000001","errors":[],)"
                                R"("from":"acme--berlin","row":2,"to":"nordwind--hafen"},)"
                                R"({"action":"move","changes":["move"],)"
                                R"("device_id":"000000000000000000000002","errors":[],)"
                                R"("from":"acme--berlin","row":3,"to":"returns"},)"
                                R"({"action":"import","changes":["import"],"device_id":null,)"
                                R"("errors":[],"from":null,"row":4,"to":null},)"
                                R"({"action":"error","changes":[],"device_id":null,)"
                                R"("errors":["the serial number “xx yy” is not one word of at )"
                                R"(most 64 characters"],"from":null,"row":5,"to":"beta"}]})";
    QCOMPARE(QJsonDocument(json).toJson(QJsonDocument::Compact), expected);
}

QTEST_GUILESS_MAIN(TestImportPlan)
#include "tst_importplan.moc"
