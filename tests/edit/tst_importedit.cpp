// SPDX-License-Identifier: MIT
// A spreadsheet import through FleetEditor on a paused engine over a temporary cache: the
// preview's edit, the refusal of a file with errors unless only the valid rows are asked for,
// one undoable edit in the outbox, and the import of devices not yet in the product.
#include "../tree/treefixture.h"
#include "editfixture.h"
#include "io/delimited.h"
#include "sync/outboxops.h"

#include <QStandardPaths>
#include <QTest>

using namespace Flotilla;
using EditTest::EditConsole;
using TreeTest::deviceId;

namespace {

Sync::FleetState fleet()
{
    Sync::FleetState s = TreeTest::smallFleet();
    s.devices[deviceId(2)].serialNumber = QStringLiteral("P046AF0002");
    s.devices[deviceId(6)].serialNumber = QStringLiteral("P046AF0006");
    s.devices[deviceId(7)].serialNumber = QStringLiteral("P046AF0007");
    return s;
}

Edit::FleetEditor::ImportPreview preview(
    const EditConsole &console, const QByteArray &csv, bool createMissing = false)
{
    const Io::TextTable table = Io::readDelimited(csv);
    Edit::ImportOptions options;
    options.mapping = Edit::guessMapping(table);
    options.createMissing = createMissing;
    return console.editor->planImport(table, options, QStringLiteral("list.csv"));
}

} // namespace

class TestImportEdit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void rowsWithErrorsStopTheWholeImport()
    {
        EditConsole console;
        QVERIFY(console.open(fleet()));
        const QStringList before = EditTest::fleetText(console.engine->state());
        const auto p = preview(console, "serial;customer\nP046AF0002;Beta Energy\nxx yy;beta\n");
        QCOMPARE(p.rows.errorCount(), 1);
        QVERIFY(p.edit.canApply());
        QSignalSpy refused(console.editor.get(), &Edit::FleetEditor::refused);
        QVERIFY(!console.editor->applyImport(p, false).isEmpty());
        QCOMPARE(refused.count(), 1);
        QCOMPARE(console.outbox(), QStringList());
        QCOMPARE(EditTest::fleetText(console.engine->state()), before);
        QCOMPARE(console.stack.count(), 0);
    }

    void onlyValidRowsAreOneUndoableEdit()
    {
        EditConsole console;
        QVERIFY(console.open(fleet()));
        const QStringList before = EditTest::fleetText(console.engine->state());
        const auto p = preview(console,
            "serial;customer;group;notes\nP046AF0006;Beta Energy;;\nP046AF0007;"
            "Nordwind;;fresh\nbad id!;beta;;\n",
            true);
        QCOMPARE(p.rows.errorCount(), 1);
        QCOMPARE(p.edit.impact.createdNodes, QStringList {QStringLiteral("Nordwind")});
        // foxtrot goes up to Beta Energy and golf to Nordwind: no customer account involved.
        QCOMPARE(p.edit.impact.devices.claims + p.edit.impact.devices.unclaims, 0);
        QCOMPARE(console.editor->applyImport(p, true), QString());
        QCOMPARE(console.stack.count(), 1);
        QCOMPARE(console.stack.undoText(), QStringLiteral("Import 2 devices from list.csv"));
        const Sync::FleetState &after = console.engine->state();
        QCOMPARE(after.devices.value(deviceId(6)).groups, QStringList {QStringLiteral("beta")});
        QCOMPARE(after.devices.value(deviceId(7)).groups, QStringList {QStringLiteral("nordwind")});
        QCOMPARE(after.devices.value(deviceId(7)).notes, QStringLiteral("fresh"));
        const QStringList outbox = console.outbox();
        QVERIFY2(outbox.size() >= 3, qPrintable(outbox.join(u'\n')));
        QVERIFY(outbox.constFirst().startsWith(QStringLiteral("group.create")));

        console.stack.undo();
        QTRY_COMPARE(EditTest::fleetText(console.engine->state()), before);
    }

    void devicesNotInTheProductAreImportedThenPlaced()
    {
        EditConsole console;
        QVERIFY(console.open(fleet()));
        const auto p = preview(console,
            "serial;customer;group;name\nP046AF7777;Acme Logistics;Hamburg port;t-1\n"
            "P046AF7778;;;\n");
        QCOMPARE(p.rows.count(Edit::RowAction::Import), 2);
        QCOMPARE(p.edit.impact.devicesImported, 2);
        // Acme Logistics is linked to a customer account: its account claims the device.
        QCOMPARE(p.edit.impact.importClaims, 1);
        QCOMPARE(
            p.edit.impact.devices.claimsByAccount.value(QStringLiteral("ops@acme.example")), 1);
        // Once in the product, both are targeted: v4 released to Acme Logistics, the product
        // default v3 in Unassigned.
        QCOMPARE(p.edit.impact.devices.firmwareChanges.size(), 2);
        QVERIFY(p.edit.needsConfirmation);
        // The import itself, the reads of the new devices, a group change, a claim and a name.
        QVERIFY2(p.requests >= 5, qPrintable(QString::number(p.requests)));
        QCOMPARE(console.editor->applyImport(p, false), QString());
        const QStringList outbox = console.outbox();
        QCOMPARE(outbox.size(), 1);
        QVERIFY(outbox.constFirst().startsWith(QStringLiteral("device.import")));
        QVERIFY(outbox.constFirst().contains(QStringLiteral("P046AF7777")));
        QVERIFY(outbox.constFirst().contains(QStringLiteral("acme--hamburg")));

        // Undo takes the placed device back to Unassigned (it stays in the product).
        console.stack.undo();
        const QStringList undone = console.outbox();
        QCOMPARE(undone.size(), 2);
        QVERIFY(undone.constLast().startsWith(QStringLiteral("device.import")));
        QVERIFY(undone.constLast().contains(QStringLiteral("unassigned")));
        QVERIFY(!undone.constLast().contains(QStringLiteral("P046AF7778")));
    }

    void aFileThatChangesNothing()
    {
        EditConsole console;
        QVERIFY(console.open(fleet()));
        const auto p = preview(console, "serial;customer;group\nP046AF0002;acme;berlin\n");
        QCOMPARE(p.rows.count(Edit::RowAction::Unchanged), 1);
        QVERIFY(!p.edit.canApply());
        QVERIFY(!p.edit.notice.isEmpty());
        QCOMPARE(console.editor->applyImport(p, false), p.edit.notice);
        QCOMPARE(console.outbox(), QStringList());
    }
};

QTEST_MAIN(TestImportEdit)
#include "tst_importedit.moc"
