// SPDX-License-Identifier: MIT
// Importing from the console's window against a sandbox: File › Import… is there, a spreadsheet
// dropped onto the window opens the import dialog, Import applies the preview as one undoable
// edit whose devices come into the product at the customer the file names, and the rows whose
// serial numbers Particle does not know are reported by row.
#include "consolefixture.h"
#include "edit/fleeteditor.h"
#include "views/importdialog.h"

#include <QAction>
#include <QDropEvent>
#include <QFile>
#include <QJsonArray>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QUrl>

using namespace Flotilla;

class TestImportConsole final : public QObject
{
    Q_OBJECT

    GuiTest::ConsoleFixture m_fixture;
    QTemporaryDir m_files;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fixture.setUp({QStringLiteral("--devices"), QStringLiteral("200"),
            QStringLiteral("--stock"), QStringLiteral("12")}));
        QVERIFY(m_files.isValid());
    }

    void droppedSpreadsheetIsImported()
    {
        QVERIFY(m_fixture.open());
        Views::MainWindow *window = m_fixture.window();
        auto *importAction = window->findChild<QAction *>(QStringLiteral("actionImport"));
        QVERIFY(importAction);
        QVERIFY(importAction->isEnabled());

        // Five units of the factory stock and one serial Particle does not know, for the first
        // customer of the tree, by its title.
        const Domain::Hierarchy hierarchy = m_fixture.state().hierarchy();
        const QString customer = hierarchy.customers().constFirst();
        const QString title = hierarchy.node(customer)->title;
        const QJsonArray stock = Test::Http(m_fixture.sandbox().adminToken())
                                     .get(m_fixture.sandbox().url(QStringLiteral("/admin/stock")))
                                     .json()
                                     .value(QStringLiteral("stock"))
                                     .toArray();
        QVERIFY(stock.size() >= 5);
        QByteArray csv = "\xEF\xBB\xBFSerial number;Customer\r\n";
        QStringList serials;
        for (int i = 0; i < 5; ++i) {
            const QString serial
                = stock.at(i).toObject().value(QStringLiteral("serial_number")).toString();
            serials.append(serial);
            csv += serial.toUtf8() + ';' + title.toUtf8() + "\r\n";
        }
        csv += "P0NOSUCHUNIT01;" + title.toUtf8() + "\r\n";
        const QString path = m_files.filePath(QStringLiteral("shipment.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(csv);
        file.close();

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        const QPoint centre = window->rect().center();
        QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window, &drop);
        QVERIFY(drop.isAccepted());

        Views::ImportDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<Views::ImportDialog *>()) != nullptr);
        QCOMPARE(dialog->preview().rows.count(Edit::RowAction::Import), 6);
        QCOMPARE(dialog->preview().rows.errorCount(), 0);
        QVERIFY(dialog->importButton()->isEnabled());
        dialog->importButton()->click();

        // The devices arrive at the customer once the cloud took them.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                int placed = 0;
                for (const Domain::Device &d : m_fixture.state().devices) {
                    if (serials.contains(d.serialNumber) && d.groups.contains(customer))
                        ++placed;
                }
                return placed == 5;
            }(),
            GuiTest::CloudTimeoutMs);
        // The unknown serial is reported with its row.
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (box = window->findChild<QMessageBox *>(QStringLiteral("importRefusedBox"))) != nullptr,
            GuiTest::CloudTimeoutMs);
        QVERIFY2(box->detailedText().contains(QStringLiteral("Row 7 (P0NOSUCHUNIT01)")),
            qPrintable(box->detailedText()));
        box->close();
        // One edit, named by its file, on the window's undo stack.
        auto *undo = window->findChild<QAction *>(QStringLiteral("actionUndo"));
        QVERIFY(undo);
        QVERIFY2(undo->text().contains(QStringLiteral("Import 6 devices from shipment.csv")),
            qPrintable(undo->text()));
    }

    void cleanupTestCase() { m_fixture.close(); }
};

QTEST_MAIN(TestImportConsole)
#include "tst_importconsole.moc"
