// SPDX-License-Identifier: MIT
// View › Activity in the console, against a sandbox: after a move made through the edit path,
// the window (opened by its action) shows the move as the console's, with its devices and where
// they went from and to by titles, and then the line of its sending with the requests it took,
// each coming in at the top by itself. The search, the source filter and the result filter
// narrow the lines; Export… writes the lines shown to a CSV file (titles, ISO 8601 times), also
// through its file dialog; the keyboard reaches the search (Ctrl+F) and closes the window
// (Escape).
#include "consolefixture.h"
#include "edit/fleeteditor.h"
#include "tree/activitymodel.h"
#include "views/activitywindow.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QUndoStack>

#include <algorithm>

using namespace Flotilla;
using namespace Flotilla::GuiTest;
using Tree::ActivityModel;
using Views::ActivityWindow;

namespace {

QStringList shownColumn(const QAbstractItemModel *model, int column)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        out.append(model->index(r, column).data().toString());
    return out;
}

QStringList csvLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
}

} // namespace

class TestActivityWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_console.setUp({QStringLiteral("--devices"), QStringLiteral("120")}));
    }
    void cleanup() { m_console.close(); }

    void showsAnEditSearchesFiltersAndExports();

private:
    ConsoleFixture m_console;
    QTemporaryDir m_dir;
};

void TestActivityWindow::showsAnEditSearchesFiltersAndExports()
{
    QVERIFY(m_console.open());
    // Two devices of a group (below a customer) with devices, to Unassigned.
    const Domain::Hierarchy hierarchy = m_console.state().hierarchy();
    QString from;
    QStringList ids;
    for (const QString &path : hierarchy.nodes().keys()) {
        ids = m_console.devicesAt(path);
        if (ids.size() >= 2 && path.contains(QLatin1String("--"))) {
            from = path;
            break;
        }
    }
    QVERIFY(!from.isEmpty());
    ids = ids.mid(0, 2);
    const QString fromTitle = Domain::titlePath(hierarchy, from);

    Edit::FleetEditor editor(m_console.engine(), m_console.app()->undoStack());
    const Edit::EditPlan plan = editor.planMoveDevices(ids, Domain::MoveTarget::unassigned());
    QVERIFY2(plan.canApply(), qPrintable(plan.error));
    QCOMPARE(editor.apply(plan), QString());

    // View › Activity.
    auto *action = m_console.window()->findChild<QAction *>(QStringLiteral("actionActivity"));
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    action->trigger();
    auto *window = m_console.window()->findChild<ActivityWindow *>();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    const QAbstractItemModel *shown = window->filter();
    ActivityModel *model = window->model();

    // The move, then its sending once the sandbox took it: two lines, newest first.
    QTRY_VERIFY_WITH_TIMEOUT(
        shownColumn(shown, ActivityModel::What).contains(QStringLiteral("Sent: moving 2 devices")),
        CloudTimeoutMs);
    const int moveRow
        = static_cast<int>(shownColumn(shown, ActivityModel::What)
                               .indexOf(QStringLiteral("Move: 2 devices to Unassigned")));
    QVERIFY(moveRow >= 0);
    const int sentRow = static_cast<int>(
        shownColumn(shown, ActivityModel::What).indexOf(QStringLiteral("Sent: moving 2 devices")));
    QVERIFY(sentRow < moveRow);
    const auto cell
        = [&](int row, int column) { return shown->index(row, column).data().toString(); };
    QCOMPARE(cell(moveRow, ActivityModel::Source), QStringLiteral("Console"));
    QCOMPARE(cell(moveRow, ActivityModel::Who), QStringLiteral("gui test"));
    QCOMPARE(cell(moveRow, ActivityModel::Devices), QStringLiteral("2"));
    QCOMPARE(cell(moveRow, ActivityModel::FromTo),
        QStringLiteral("%1 \u2192 Unassigned").arg(fromTitle));
    QCOMPARE(cell(moveRow, ActivityModel::Result), QStringLiteral("Queued"));
    QCOMPARE(cell(sentRow, ActivityModel::Source), QStringLiteral("Sync"));
    QCOMPARE(cell(sentRow, ActivityModel::Result), QStringLiteral("Done"));
    QVERIFY(cell(sentRow, ActivityModel::Requests).toInt() >= 1);
    // Never a group name: titles only.
    for (int r = 0; r < shown->rowCount(); ++r) {
        for (int c = 0; c < ActivityModel::ColumnCount; ++c)
            QVERIFY2(!cell(r, c).contains(from), qPrintable(cell(r, c)));
    }

    // An undo comes in at the top by itself, without a reset (the lines of what is sent for
    // the move, a release from the customer's account for each device, may come in between).
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    m_console.app()->undoStack()->undo();
    const QString back = QStringLiteral("Unassigned \u2192 %1").arg(fromTitle);
    QTRY_VERIFY_WITH_TIMEOUT(
        shownColumn(shown, ActivityModel::FromTo).contains(back), CloudTimeoutMs);
    QVERIFY(shownColumn(shown, ActivityModel::FromTo).indexOf(back)
        < shownColumn(shown, ActivityModel::What)
              .indexOf(QStringLiteral("Move: 2 devices to Unassigned")));
    QCOMPARE(resets.size(), 0);

    // Ctrl+F reaches the search; searching narrows to the lines that name the text.
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("activitySearch"));
    QVERIFY(search);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keySequence(window, QKeySequence::Find);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("sent:"));
    QTRY_VERIFY(shown->rowCount() >= 1);
    for (const QString &what : shownColumn(shown, ActivityModel::What))
        QVERIFY2(what.startsWith(QLatin1String("Sent:")), qPrintable(what));
    search->clear();
    QTRY_COMPARE(shown->rowCount(), model->rowCount());

    // The source filter: the console's lines only; the result filter: none failed.
    auto *source = window->findChild<QComboBox *>(QStringLiteral("activitySource"));
    QVERIFY(source);
    QCOMPARE(source->count(), 6);
    source->setCurrentIndex(source->findText(QStringLiteral("Console")));
    QTRY_VERIFY(shown->rowCount() >= 2);
    QVERIFY(shown->rowCount() < model->rowCount());
    for (const QString &s : shownColumn(shown, ActivityModel::Source))
        QCOMPARE(s, QStringLiteral("Console"));
    auto *result = window->findChild<QComboBox *>(QStringLiteral("activityResult"));
    QVERIFY(result);
    result->setCurrentIndex(1); // Failed
    QTRY_COMPARE(shown->rowCount(), 0);
    auto *exportButton = window->findChild<QPushButton *>(QStringLiteral("activityExport"));
    QVERIFY(exportButton);
    QVERIFY(!exportButton->isEnabled()); // nothing to export
    result->setCurrentIndex(0);
    QTRY_VERIFY(exportButton->isEnabled());

    // Export… writes the lines shown: the console's, as titles, with ISO 8601 times.
    const QString path = m_dir.filePath(QStringLiteral("activity.csv"));
    exportButton->click();
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<QFileDialog *>(QStringLiteral("activityExportDialog")))
        != nullptr);
    // Typed into the file name field (selectFile() leaves a field that has the focus alone).
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    QVERIFY(name);
    name->setText(path);
    static_cast<QDialog *>(dialog)->accept(); // as the Save button does
    QTRY_VERIFY(QFile::exists(path));
    const QStringList lines = csvLines(path);
    QCOMPARE(lines.size(), shown->rowCount() + 1);
    QCOMPARE(
        lines.at(0), QStringLiteral("When,Who,Source,What,Devices,From,To,Result,Requests,Detail"));
    const QRegularExpression iso(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ,"));
    for (const QString &line : lines.mid(1)) {
        QVERIFY2(iso.match(line).hasMatch(), qPrintable(line));
        QVERIFY2(line.contains(QLatin1String(",Console,")), qPrintable(line));
        QVERIFY2(!line.contains(from + QLatin1Char(',')), qPrintable(line));
    }
    const QString moveLine
        = QStringLiteral(",gui test,Console,Move: 2 devices to Unassigned,2,%1,Unassigned,Queued,,")
              .arg(fromTitle);
    QVERIFY2(std::any_of(lines.cbegin(), lines.cend(),
                 [&](const QString &l) { return l.endsWith(moveLine); }),
        qPrintable(lines.join(QLatin1Char('\n'))));
    auto *count = window->findChild<QLabel *>(QStringLiteral("activityCount"));
    QVERIFY(count && count->text().contains(QLatin1String("written to")));

    // Escape closes the window.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keyClick(window, Qt::Key_Escape);
    QTRY_VERIFY(!window->isVisible());
}

QTEST_MAIN(TestActivityWindow)
#include "tst_activitywindow.moc"
