// SPDX-License-Identifier: MIT
// The import dialog on a console's data layer (a paused engine over a temporary cache, no
// network): the columns it recognises and lets the user change (remembered for files with the
// same headers), the preview of every row, the totals, errors that keep Import disabled until
// the file is fixed or only the valid rows are asked for, a destination for a file of
// identifiers, and the sheets of a workbook.
#include "../support/localengine.h"
#include "../tree/treefixture.h"
#include "edit/fleeteditor.h"
#include "edit/importpreviewmodel.h"
#include "views/importdialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Flotilla;
using Edit::ImportField;
using TreeTest::deviceId;

namespace {

Sync::FleetState fleet()
{
    Sync::FleetState s = TreeTest::smallFleet();
    s.devices[deviceId(1)].serialNumber = QStringLiteral("P046AF0001");
    s.devices[deviceId(2)].serialNumber = QStringLiteral("P046AF0002");
    s.devices[deviceId(7)].serialNumber = QStringLiteral("P046AF0007");
    return s;
}

} // namespace

class TestImportDialog final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestSupport::LocalEngine m_local;
    QUndoStack m_stack;
    std::unique_ptr<Edit::FleetEditor> m_editor;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write the test file");
        return path;
    }

    QComboBox *fieldBox(Views::ImportDialog &dialog, int column)
    {
        return qobject_cast<QComboBox *>(dialog.columnsTable()->cellWidget(column, 2));
    }

    QString cell(Views::ImportDialog &dialog, int row, int column)
    {
        const QAbstractItemModel *model = dialog.previewTable()->model();
        return model->index(row, column).data().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(
            QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
        QVERIFY(m_local.open(m_dir.filePath(QStringLiteral("cache.sqlite")), 4242));
        QVERIFY(m_local.seed(fleet()));
        QVERIFY(m_local.start());
        m_editor = std::make_unique<Edit::FleetEditor>(m_local.engine.get(), &m_stack);
    }

    void germanSemicolonFileWithAnError()
    {
        // As German Excel saves "CSV UTF-8": a byte order mark, semicolons, CRLF.
        const QString path = write(QStringLiteral("lieferung.csv"),
            QByteArray("\xEF\xBB\xBF") + "Seriennummer;Kunde;Gruppe;Firmware\r\n"
                + "P046AF0001;Beta Energy;North;4\r\n" + "P046AF0002;Nordwind Energie;Hafen;4\r\n"
                + "P046AF9999;Acme Logistics;Hamburg port;\r\n");
        Views::ImportDialog dialog(
            m_editor.get(), m_local.engine->state().hierarchy(), path, nullptr);
        QAbstractItemModelTester tester(
            dialog.previewTable()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        QCOMPARE(dialog.readError(), QString());
        QCOMPARE(dialog.columnsTable()->rowCount(), 4);
        QCOMPARE(fieldBox(dialog, 0)->currentData().toInt(), static_cast<int>(ImportField::Serial));
        QCOMPARE(
            fieldBox(dialog, 1)->currentData().toInt(), static_cast<int>(ImportField::Customer));
        QCOMPARE(fieldBox(dialog, 2)->currentData().toInt(), static_cast<int>(ImportField::Group));
        QCOMPARE(fieldBox(dialog, 3)->currentData().toInt(), static_cast<int>(ImportField::Ignore));

        QCOMPARE(dialog.previewTable()->model()->rowCount(), 3);
        QCOMPARE(cell(dialog, 0, Edit::ImportPreviewModel::ActionColumn), QStringLiteral("Move"));
        QCOMPARE(cell(dialog, 0, Edit::ImportPreviewModel::ToColumn),
            QStringLiteral("Beta Energy › North"));
        QCOMPARE(cell(dialog, 1, Edit::ImportPreviewModel::ActionColumn), QStringLiteral("Error"));
        QCOMPARE(cell(dialog, 2, Edit::ImportPreviewModel::ActionColumn),
            QStringLiteral("Import into the product"));
        const QString summary = dialog.summaryLabel()->text();
        QVERIFY2(summary.contains(QStringLiteral("1 with errors")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("D (Firmware)")), qPrintable(summary));
        // Acme Logistics is linked to a customer account: the imported device is claimed.
        QVERIFY2(summary.contains(QStringLiteral("ops@acme.example")), qPrintable(summary));
        QVERIFY(!dialog.importButton()->isEnabled());
        QVERIFY(dialog.onlyValidBox()->isVisible());

        // Knowingly, only the valid rows.
        dialog.onlyValidBox()->setChecked(true);
        QVERIFY(dialog.importButton()->isEnabled());
        QCOMPARE(dialog.importButton()->text(), QStringLiteral("&Import 2 rows"));
        dialog.onlyValidBox()->setChecked(false);
        QVERIFY(!dialog.importButton()->isEnabled());

        // Creating the missing customer clears the error and lists what is created.
        dialog.createMissingBox()->setChecked(true);
        QCOMPARE(dialog.preview().rows.errorCount(), 0);
        QVERIFY(dialog.importButton()->isEnabled());
        QVERIFY2(dialog.summaryLabel()->text().contains(
                     QStringLiteral("2 new customers and groups: Nordwind Energie › Hafen.")),
            qPrintable(dialog.summaryLabel()->text()));
        QVERIFY(!dialog.onlyValidBox()->isVisible());

        // The user says the fourth column holds notes: the rows change their notes too, and
        // the next file with these headers is read the same way.
        dialog.setField(3, ImportField::Notes);
        QCOMPARE(dialog.preview().rows.rows.constFirst().changes,
            (QStringList {QStringLiteral("move"), QStringLiteral("notes")}));
        dialog.importButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(m_editor->applyImport(dialog.preview(), dialog.onlyValidRows()), QString());
        QCOMPARE(m_stack.undoText(), QStringLiteral("Import 3 devices from lieferung.csv"));
        QCOMPARE(m_local.engine->state().devices.value(deviceId(1)).groups,
            (QStringList {QStringLiteral("beta"), QStringLiteral("beta--north")}));
        m_stack.undo();

        const QString again = write(QStringLiteral("lieferung-2.csv"),
            "seriennummer;kunde;gruppe;firmware\nP046AF0007;Beta Energy;;x\n");
        Views::ImportDialog second(
            m_editor.get(), m_local.engine->state().hierarchy(), again, nullptr);
        QCOMPARE(fieldBox(second, 3)->currentData().toInt(), static_cast<int>(ImportField::Notes));
    }

    void fileOfIdentifiersGetsOneDestination()
    {
        const QString path
            = write(QStringLiteral("serials.txt"), "P046AF0001\nP046AF0007\nP046AF8888\n");
        Views::ImportDialog dialog(
            m_editor.get(), m_local.engine->state().hierarchy(), path, nullptr);
        dialog.show();
        QVERIFY(dialog.destinationField()->isEnabled());
        QCOMPARE(
            fieldBox(dialog, 0)->currentData().toInt(), static_cast<int>(ImportField::Identifier));
        QCOMPARE(dialog.preview().rows.count(Edit::RowAction::Unchanged), 2);
        dialog.destinationField()->setText(QStringLiteral("Beta Energy / North"));
        Q_EMIT dialog.destinationField()->editingFinished();
        QCOMPARE(dialog.preview().rows.count(Edit::RowAction::Move), 2);
        QCOMPARE(dialog.preview().rows.count(Edit::RowAction::Import), 1);
        QCOMPARE(
            cell(dialog, 1, Edit::ImportPreviewModel::FromColumn), QStringLiteral("Unassigned"));
        QCOMPARE(cell(dialog, 1, Edit::ImportPreviewModel::ToColumn),
            QStringLiteral("Beta Energy › North"));

        // A destination typed and Import pressed at once (no editing finished): Import shows
        // the plan for what is typed first, and applies only what is shown.
        dialog.destinationField()->setText(QStringLiteral("Returns"));
        dialog.importButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(cell(dialog, 1, Edit::ImportPreviewModel::ToColumn), QStringLiteral("Returns"));
        dialog.importButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void workbookSheetsAreOffered()
    {
        QFile fixture(QStringLiteral(FLOTILLA_IO_FIXTURES "/sheets.xlsx"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        const QString path = write(QStringLiteral("sheets.xlsx"), fixture.readAll());
        Views::ImportDialog dialog(
            m_editor.get(), m_local.engine->state().hierarchy(), path, nullptr);
        QCOMPARE(dialog.readError(), QString());
        auto *sheets = dialog.findChild<QComboBox *>(QStringLiteral("importSheet"));
        QVERIFY(sheets);
        QVERIFY(sheets->count() >= 2);
    }

    void unreadableFileSaysWhy()
    {
        const QString path = write(QStringLiteral("old.xlsx"), "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
        Views::ImportDialog dialog(
            m_editor.get(), m_local.engine->state().hierarchy(), path, nullptr);
        QVERIFY(!dialog.readError().isEmpty());
        QVERIFY(!dialog.importButton()->isEnabled());
    }
};

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
