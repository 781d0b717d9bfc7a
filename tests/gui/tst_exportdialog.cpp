// SPDX-License-Identifier: MIT
// Export… in the console, against a sandbox: opened from the context menu of a customer in the
// tree, it exports that customer's devices to an Excel workbook with the columns chosen and
// reordered, which reads back (Io::readXlsx) with exactly the customer's devices, titles in the
// customer and group columns; the columns and the format are remembered for the next time.
// Opened on devices selected in the table, it exports those to CSV with ';'; opened from the
// filter field, the devices the filter shows (those the table shows). A file that cannot be
// written is said in the dialog, which stays open, and nothing is left behind; a file that exists
// is replaced only when the user agrees.
#include "consolefixture.h"
#include "io/delimited.h"
#include "io/xlsx.h"
#include "tree/fleetexport.h"
#include "views/exportdialog.h"
#include "views/fleettreeview.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>

using namespace Flotilla;
using namespace Flotilla::GuiTest;
using Views::ExportDialog;

namespace {

QAction *actionIn(const QWidget *view, const QString &name)
{
    for (QAction *a : view->actions()) {
        if (a->objectName() == name)
            return a;
    }
    return nullptr;
}

// A cell as the spreadsheet reader gives it back.
QString readBackText(const QVariant &value)
{
    if (value.isNull())
        return QString();
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::QDateTime:
        return value.toDateTime().toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    default:
        return value.toString();
    }
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestExportDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup() { m_console.close(); }

    void customerToXlsxFromTheTreesContextMenu();
    void selectedDevicesToCsvFromTheTable();
    void filterIsPreselectedFromTheFilterField();
    void fileThatCannotBeWrittenIsSaid();
    void existingFileIsReplacedOnlyWhenAgreed();

private:
    // Triggers Export… of `view` (its context menu's entry) and returns the dialog it opens.
    ExportDialog *openFrom(QWidget *view);
    Tree::DeviceTableModel *table() const { return m_console.app()->tableModel(); }

    ConsoleFixture m_console;
    QTemporaryDir m_dir;
};

void TestExportDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_console.setUp({QStringLiteral("--devices"), QStringLiteral("300")}));
}

ExportDialog *TestExportDialog::openFrom(QWidget *view)
{
    QAction *action = actionIn(view, QStringLiteral("actionExport"));
    if (!action || !action->isEnabled())
        return nullptr;
    // As a right click does: the window active, the view with the focus.
    view->window()->activateWindow();
    if (!QTest::qWaitForWindowActive(view->window()))
        return nullptr;
    view->setFocus(Qt::PopupFocusReason);
    if (!QTest::qWaitFor([view] { return view->hasFocus(); }, 5000))
        return nullptr;
    action->trigger();
    if (!QTest::qWaitFor([] { return activeModal<ExportDialog>() != nullptr; }, 5000))
        return nullptr;
    return activeModal<ExportDialog>();
}

void TestExportDialog::customerToXlsxFromTheTreesContextMenu()
{
    QVERIFY(m_console.open());
    const QString customer = QStringLiteral("cobalt");
    const Domain::Hierarchy hierarchy = m_console.state().hierarchy();
    const QString customerTitle = hierarchy.node(customer)->title;
    QCOMPARE(customerTitle, QStringLiteral("Cobalt Farms"));
    m_console.window()->selectNode(customer);
    QTRY_COMPARE(table()->scope(), Tree::DeviceScope::node(customer));

    ExportDialog *dialog = openFrom(m_console.window()->treeView());
    QVERIFY(dialog);
    QCOMPARE(dialog->source(), ExportDialog::Source::Node);
    QVERIFY2(dialog->sourceButton(ExportDialog::Source::Node)->text().contains(customerTitle),
        qPrintable(dialog->sourceButton(ExportDialog::Source::Node)->text()));
    // Nothing selected in the table: that choice is not offered.
    QVERIFY(!dialog->sourceButton(ExportDialog::Source::Selection)->isEnabled());

    dialog->formatField()->setCurrentIndex(dialog->formatField()->findData(QStringLiteral("xlsx")));
    QCOMPARE(dialog->format(), Tree::ExportFormat::Xlsx);
    QVERIFY(!dialog->delimiterField()->isEnabled()); // CSV only
    QVERIFY(dialog->path().endsWith(QStringLiteral(".xlsx")));
    dialog->setColumns({QStringLiteral("device_id"), QStringLiteral("customer"),
        QStringLiteral("group"), QStringLiteral("name"), QStringLiteral("firmware_running"),
        QStringLiteral("online"), QStringLiteral("last_heard")});
    // "Name" moved up above "Group" with the Up button; "Online" unchecked.
    dialog->columnList()->setCurrentRow(3);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("columnUp")), Qt::LeftButton);
    QListWidgetItem *online
        = dialog->columnList()->findItems(QStringLiteral("Online"), Qt::MatchExactly).value(0);
    QVERIFY(online);
    online->setCheckState(Qt::Unchecked);
    const QStringList columns {QStringLiteral("device_id"), QStringLiteral("customer"),
        QStringLiteral("name"), QStringLiteral("group"), QStringLiteral("firmware_running"),
        QStringLiteral("last_heard")};
    QCOMPARE(dialog->columns(), columns);

    const QString path = m_dir.filePath(QStringLiteral("cobalt.xlsx"));
    dialog->setPath(path);
    QVERIFY2(dialog->validationError().isEmpty(), qPrintable(dialog->validationError()));
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    const QPointer<ExportDialog> guard(dialog);
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, CloudTimeoutMs);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(3).toString()));
    QTRY_VERIFY(guard.isNull()); // closed once written
    QVERIFY(
        m_console.window()->statusBar()->currentMessage().contains(QStringLiteral("cobalt.xlsx")));

    // Read back: exactly the customer's devices in tree order, titles (never group names) in
    // the customer and group columns, the cells that do not change meanwhile as the export
    // makes them (the sandbox's devices go on updating and reporting: for the running firmware
    // and the last heard, the cells' types), device IDs as text, versions as numbers, dates as
    // dates.
    QString error;
    const Io::TextTable read = Io::readXlsx(contentsOf(path), {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(read.rows.size() > 1);
    QCOMPARE(read.rows.at(0).cells,
        QStringList({QStringLiteral("Device ID"), QStringLiteral("Customer"),
            QStringLiteral("Name"), QStringLiteral("Group"), QStringLiteral("Firmware running"),
            QStringLiteral("Last heard (UTC)")}));
    QHash<QString, QString> groupById;
    for (const Domain::Device &d : m_console.state().devices) {
        const Domain::Placement p = Domain::placeDevice(d.groups, hierarchy);
        if (p.kind == Domain::PlacementKind::Node && Domain::isAncestorOrSelf(customer, p.path)) {
            QString group = Domain::titlePath(hierarchy, p.path);
            group = group.mid(customerTitle.size() + 3); // without "Cobalt Farms › "
            groupById.insert(d.id, group);
        }
    }
    QCOMPARE(read.rows.size() - 1, groupById.size());
    QCOMPARE(finished.at(0).at(2).toInt(), groupById.size());
    const Io::ExportTable expected = Tree::exportTable(m_console.state(),
        Tree::ExportScope::of(Tree::DeviceScope::node(customer)), columns,
        m_console.engine()->pendingDevices());
    QCOMPARE(expected.rowCount, groupById.size());
    QVariantList cells;
    for (int r = 1; r < read.rows.size(); ++r) {
        const Io::TextRow &row = read.rows.at(r);
        const QString id = row.cells.at(0);
        QVERIFY2(groupById.contains(id), qPrintable(id));
        QCOMPARE(row.cells.at(1), customerTitle);
        QCOMPARE(row.cells.at(3), groupById.value(id));
        QVERIFY(!row.cells.at(3).contains(QStringLiteral("--")));
        QCOMPARE(row.type(0), Io::CellType::Text); // device IDs stay text
        cells.clear();
        expected.row(r - 1, cells);
        for (int c = 0; c < 4; ++c)
            QCOMPARE(row.cells.value(c), readBackText(cells.at(c)));
        QVERIFY(row.type(4) == Io::CellType::Number || row.cells.at(4).isEmpty());
        QVERIFY(row.type(5) == Io::CellType::Date || row.cells.at(5).isEmpty());
        if (!row.cells.at(5).isEmpty())
            QVERIFY2(QDateTime::fromString(row.cells.at(5), Qt::ISODate).isValid(),
                qPrintable(row.cells.at(5)));
    }

    // The next time: the columns, their order and the format are remembered.
    ExportDialog *again = openFrom(m_console.window()->treeView());
    QVERIFY(again);
    QCOMPARE(again->columns(), columns);
    QCOMPARE(again->format(), Tree::ExportFormat::Xlsx);
    QCOMPARE(QFileInfo(again->path()).absolutePath(), QFileInfo(path).absolutePath());
    again->reject();
}

void TestExportDialog::selectedDevicesToCsvFromTheTable()
{
    QVERIFY(m_console.open());
    const QString node = QStringLiteral("cobalt--field-a");
    m_console.window()->selectNode(node);
    const QStringList at = m_console.devicesAt(node);
    QVERIFY(at.size() >= 4);
    const QStringList chosen = at.mid(1, 3);
    QTableView *view = m_console.window()->deviceView();
    QTRY_VERIFY(table()->indexForDevice(chosen.at(0)).isValid());
    view->setFocus();
    view->selectionModel()->clearSelection();
    for (const QString &id : chosen)
        view->selectionModel()->select(
            table()->indexForDevice(id), QItemSelectionModel::Select | QItemSelectionModel::Rows);

    ExportDialog *dialog = openFrom(view);
    QVERIFY(dialog);
    QCOMPARE(dialog->source(), ExportDialog::Source::Selection);
    QVERIFY(dialog->sourceButton(ExportDialog::Source::Selection)
                ->text()
                .contains(QStringLiteral("3")));
    dialog->setFormat(Tree::ExportFormat::Csv);
    QVERIFY(dialog->delimiterField()->isEnabled());
    dialog->setDelimiter(QLatin1Char(';'));
    dialog->setColumns({QStringLiteral("device_id"), QStringLiteral("name"),
        QStringLiteral("customer"), QStringLiteral("group")});
    const QString path = m_dir.filePath(QStringLiteral("chosen.csv"));
    dialog->setPath(path);
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, CloudTimeoutMs);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(3).toString()));

    const Io::TextTable read = Io::readDelimited(contentsOf(path));
    QCOMPARE(read.delimiter, QLatin1Char(';'));
    QCOMPARE(read.rows.size(), 4);
    QStringList ids;
    for (int r = 1; r < read.rows.size(); ++r) {
        ids.append(read.rows.at(r).cells.at(0));
        QCOMPARE(read.rows.at(r).cells.at(2), QStringLiteral("Cobalt Farms"));
        QCOMPARE(read.rows.at(r).cells.at(3), QStringLiteral("Field A"));
    }
    ids.sort();
    QStringList expected = chosen;
    expected.sort();
    QCOMPARE(ids, expected);
}

void TestExportDialog::filterIsPreselectedFromTheFilterField()
{
    QVERIFY(m_console.open());
    m_console.window()->selectNode(QStringLiteral("cobalt"));
    QLineEdit *filter = m_console.window()->filterField();
    filter->setFocus();
    // A filter on where devices sit: the sandbox's devices come and go online meanwhile, but
    // stay where they are.
    QTest::keyClicks(filter, QStringLiteral("in:field-a"));
    QTRY_COMPARE(table()->filterText(), QStringLiteral("in:field-a"));
    const int shown = table()->visibleCount();
    QVERIFY(shown > 0);
    QVERIFY(shown < table()->totalInScope());

    QAction *action = m_console.window()->findChild<QAction *>(QStringLiteral("actionExport"));
    QVERIFY(action);
    action->trigger();
    QTRY_VERIFY(activeModal<ExportDialog>() != nullptr);
    ExportDialog *dialog = activeModal<ExportDialog>();
    QCOMPARE(dialog->source(), ExportDialog::Source::Filter);
    QVERIFY2(
        dialog->sourceButton(ExportDialog::Source::Filter)->text().contains(QString::number(shown)),
        qPrintable(dialog->sourceButton(ExportDialog::Source::Filter)->text()));
    dialog->setFormat(Tree::ExportFormat::Csv);
    dialog->setDelimiter(QLatin1Char(','));
    dialog->setColumns({QStringLiteral("device_id"), QStringLiteral("group")});
    const QString path = m_dir.filePath(QStringLiteral("field-a.csv"));
    dialog->setPath(path);
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, CloudTimeoutMs);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(3).toString()));
    const Io::TextTable read = Io::readDelimited(contentsOf(path));
    QCOMPARE(read.rows.size(), shown + 1);
    QStringList ids;
    for (int r = 1; r < read.rows.size(); ++r) {
        ids.append(read.rows.at(r).cells.at(0));
        QCOMPARE(read.rows.at(r).cells.at(1), QStringLiteral("Field A"));
    }
    QStringList visible = table()->visibleDeviceIds();
    ids.sort();
    visible.sort();
    QCOMPARE(ids, visible);
}

// A file name the file system refuses: the dialog says so and stays open, nothing is written.
void TestExportDialog::fileThatCannotBeWrittenIsSaid()
{
    QVERIFY(m_console.open());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ExportDialog *dialog = openFrom(m_console.window()->treeView());
    QVERIFY(dialog);
    dialog->setSource(ExportDialog::Source::Fleet);
    dialog->setFormat(Tree::ExportFormat::Csv);
    const QString path = dir.filePath(QString(300, QLatin1Char('x')) + QStringLiteral(".csv"));
    dialog->setPath(path);
    QVERIFY2(dialog->validationError().isEmpty(), qPrintable(dialog->validationError()));
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, CloudTimeoutMs);
    QVERIFY(!finished.at(0).at(0).toBool());
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->errorLabel()->isVisible());
    QVERIFY2(dialog->errorLabel()->text().startsWith(QStringLiteral("Cannot write")),
        qPrintable(dialog->errorLabel()->text()));
    QVERIFY(dialog->exportButton()->isEnabled()); // another try is possible
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    dialog->reject();
}

// A file that is there already: Export asks; Cancel leaves it as it was, Replace writes it.
void TestExportDialog::existingFileIsReplacedOnlyWhenAgreed()
{
    QVERIFY(m_console.open());
    const QString path = m_dir.filePath(QStringLiteral("existing.csv"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("last week's list");
    }
    ExportDialog *dialog = openFrom(m_console.window()->treeView());
    QVERIFY(dialog);
    dialog->setSource(ExportDialog::Source::Fleet);
    dialog->setFormat(Tree::ExportFormat::Csv);
    dialog->setColumns({QStringLiteral("device_id")});
    dialog->setPath(path);
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    const auto question = [] {
        QWidget *w = QApplication::activeModalWidget();
        return w && w->objectName() == QStringLiteral("exportReplaceQuestion")
            ? qobject_cast<QMessageBox *>(w)
            : nullptr;
    };

    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    QTRY_VERIFY(question() != nullptr);
    QVERIFY(question()->text().contains(QStringLiteral("existing.csv")));
    QTest::mouseClick(question()->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(question() == nullptr);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isRunning());
    QCOMPARE(finished.size(), 0);
    QCOMPARE(contentsOf(path), QByteArray("last week's list"));

    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    QTRY_VERIFY(question() != nullptr);
    QTest::mouseClick(
        question()->findChild<QPushButton *>(QStringLiteral("exportReplace")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, CloudTimeoutMs);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(3).toString()));
    const Io::TextTable read = Io::readDelimited(contentsOf(path));
    QCOMPARE(read.rows.size(), m_console.state().devices.size() + 1);
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
