// SPDX-License-Identifier: MIT
// What the console's window says, against a sandbox cloud: the toolbar keeps short texts (the
// edit Undo and Redo act on is in their tooltips and in the Edit menu, '&' shown as typed), every
// toolbar action stays in view; status messages say what happened (created, sent, kept here
// while working offline) and go away by themselves; closing while rollouts run asks first.
#include "consolefixture.h"
#include "rollout/rolloutengine.h"
#include "views/mainwindow.h"
#include "views/moveconfirmdialog.h"
#include "views/nodedialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

using namespace Flotilla;
using namespace Flotilla::GuiTest;

class TestWindowTexts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup() { m_console.close(); }

    void toolbarStaysShortWithALongEdit();
    void ampersandsShowAsTyped();
    void customerAccountCreatedThenSent();
    void offlineEditIsKeptHereThenSent();
    void closingWithRolloutsOnTheSandboxAsksFirst();

private:
    Views::MainWindow *window() const { return m_console.window(); }
    QAction *action(const char *name) const
    {
        return window()->findChild<QAction *>(QString::fromLatin1(name));
    }
    // Creates a customer through New customer…; `account`: link it to that customer account
    // (created in Particle when the product does not have it).
    bool createCustomer(const QString &title, const QString &slug, const QString &account = {});
    // Every status message shown since `spy` started, in order.
    static QStringList messages(const QSignalSpy &spy)
    {
        QStringList out;
        for (const QList<QVariant> &args : spy)
            out.append(args.at(0).toString());
        return out;
    }
    static bool anyContains(const QSignalSpy &spy, const QString &text)
    {
        const QStringList all = messages(spy);
        return std::any_of(
            all.cbegin(), all.cend(), [&](const QString &m) { return m.contains(text); });
    }

    ConsoleFixture m_console;
};

void TestWindowTexts::initTestCase()
{
    QVERIFY(m_console.setUp({QStringLiteral("--devices"), QStringLiteral("200"),
        QStringLiteral("--update-failure-rate"), QStringLiteral("0")}));
}

bool TestWindowTexts::createCustomer(
    const QString &title, const QString &slug, const QString &account)
{
    window()->newCustomer();
    if (!QTest::qWaitFor([] { return activeModal<Views::NodeDialog>() != nullptr; }, 5000))
        return false;
    auto *dialog = activeModal<Views::NodeDialog>();
    dialog->titleField()->setText(title);
    dialog->slugField()->setText(slug);
    if (!account.isEmpty()) {
        dialog->linkField()->setChecked(true);
        dialog->accountField()->setText(account);
    }
    if (!dialog->validationError().isEmpty()) {
        qWarning() << "the dialog refuses:" << dialog->validationError();
        dialog->reject();
        return false;
    }
    dialog->accept();
    return true;
}

// --- the toolbar --------------------------------------------------------------------------

void TestWindowTexts::toolbarStaysShortWithALongEdit()
{
    QVERIFY(m_console.open());
    // The fixture's window (1400 pixels) is narrower than the first-start default (1600).
    QCOMPARE(window()->width(), 1400);
    const QString title
        = QStringLiteral("Nordlicht Wind Service Cooperative of the Lower Saxony Coast");
    QVERIFY(createCustomer(title, QStringLiteral("nordlicht")));
    QTRY_VERIFY(m_console.tree()->indexForNode(QStringLiteral("nordlicht")).isValid());

    auto *bar = window()->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(bar);
    QAction *undo = action("actionUndo");
    QAction *redo = action("actionRedo");
    QVERIFY(undo && redo);
    QVERIFY(undo->isEnabled());
    const auto button
        = [bar](QAction *a) { return qobject_cast<QToolButton *>(bar->widgetForAction(a)); };
    const auto everyActionInView = [bar] {
        // The toolbar lays out on the next event loop pass: lay it out now.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        bar->layout()->activate();
        for (QAction *a : bar->actions()) {
            if (a->isSeparator() || !a->isVisible())
                continue;
            QWidget *w = bar->widgetForAction(a);
            if (!w || !w->isVisible()) {
                qWarning() << "not in view:" << a->objectName() << a->iconText();
                return false;
            }
        }
        const auto *extension = bar->findChild<QWidget *>(QStringLiteral("qt_toolbar_ext_button"));
        return !extension || !extension->isVisible();
    };

    // The button says "Undo"; the tooltip and the menu say what.
    QCOMPARE(button(undo)->text(), QStringLiteral("Undo"));
    QVERIFY2(undo->toolTip().contains(QStringLiteral("Create customer ") + title),
        qPrintable(undo->toolTip()));
    QCOMPARE(undo->text(), QStringLiteral("&Undo Create customer ") + title);
    QVERIFY(everyActionInView());

    undo->trigger();
    QTRY_VERIFY(!m_console.tree()->indexForNode(QStringLiteral("nordlicht")).isValid());
    QVERIFY(redo->isEnabled());
    QCOMPARE(button(redo)->text(), QStringLiteral("Redo"));
    QVERIFY2(redo->toolTip().contains(QStringLiteral("Create customer ") + title),
        qPrintable(redo->toolTip()));
    QCOMPARE(redo->text(), QStringLiteral("&Redo Create customer ") + title);
    QCOMPARE(button(undo)->text(), QStringLiteral("Undo"));
    QVERIFY(everyActionInView());

    // A window too narrow for the texts shows the icons alone, never an action out of sight;
    // wide again, the texts come back.
    window()->resize(760, 700);
    QTRY_COMPARE(window()->width(), 760);
    QTRY_COMPARE(bar->toolButtonStyle(), Qt::ToolButtonIconOnly);
    QVERIFY(everyActionInView());
    window()->resize(1400, 900);
    QTRY_COMPARE(window()->width(), 1400);
    QTRY_COMPARE(bar->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
    QVERIFY(everyActionInView());
}

void TestWindowTexts::ampersandsShowAsTyped()
{
    QVERIFY(m_console.open());
    const QString title = QStringLiteral("Wind & Solar");
    QVERIFY(createCustomer(title, QStringLiteral("wind-solar")));
    QTRY_VERIFY(m_console.tree()->indexForNode(QStringLiteral("wind-solar")).isValid());
    QAction *undo = action("actionUndo");
    QAction *redo = action("actionRedo");
    // In an action's text a single '&' marks the mnemonic: the title's is doubled there...
    QCOMPARE(undo->text(), QStringLiteral("&Undo Create customer Wind && Solar"));
    // ... and nowhere else.
    QVERIFY2(undo->toolTip().contains(QStringLiteral("Create customer Wind & Solar")),
        qPrintable(undo->toolTip()));
    QVERIFY2(window()->statusBar()->currentMessage().contains(
                 QStringLiteral("Create customer Wind & Solar")),
        qPrintable(window()->statusBar()->currentMessage()));
    QCOMPARE(
        m_console.app()->undoStack()->undoText(), QStringLiteral("Create customer Wind & Solar"));
    undo->trigger();
    QCOMPARE(redo->text(), QStringLiteral("&Redo Create customer Wind && Solar"));
    QVERIFY(redo->toolTip().contains(QStringLiteral("Create customer Wind & Solar")));
    QCOMPARE(undo->text(), QStringLiteral("&Undo"));
}

// --- status messages ----------------------------------------------------------------------

void TestWindowTexts::customerAccountCreatedThenSent()
{
    QVERIFY(m_console.open());
    QVERIFY(window()->hasProductClient()); // the sandbox brings its OAuth client
    QStatusBar *status = window()->statusBar();
    QSignalSpy spy(status, &QStatusBar::messageChanged);
    const QString account = QStringLiteral("ops@harbor-tools.example");
    QVERIFY(!m_console.cloudCustomers().contains(account));
    QVERIFY(
        createCustomer(QStringLiteral("Harbor Tools"), QStringLiteral("harbor-tools"), account));

    // Asked, then answered: the account was created, the customer is on its way...
    QVERIFY2(anyContains(spy, QStringLiteral("Creating the customer account ") + account),
        qPrintable(messages(spy).join(QLatin1Char('\n'))));
    QTRY_VERIFY_WITH_TIMEOUT(
        anyContains(
            spy, QStringLiteral("Customer account ") + account + QStringLiteral(" created")),
        CloudTimeoutMs);
    QVERIFY2(
        anyContains(spy,
            QStringLiteral("Done here, being sent to the cloud: Create customer Harbor Tools")),
        qPrintable(messages(spy).join(QLatin1Char('\n'))));
    QVERIFY(!status->currentMessage().startsWith(QStringLiteral("Creating the customer account")));
    // ... and once the cloud has it, it says so.
    QTRY_VERIFY_WITH_TIMEOUT(
        anyContains(spy, QStringLiteral("Sent to the cloud: Create customer Harbor Tools")),
        CloudTimeoutMs);
    QCOMPARE(m_console.engine()->pendingCount(), 0);
    QVERIFY(m_console.cloudCustomers().contains(account));
    QVERIFY(!m_console.cloudGroupDescription(QStringLiteral("harbor-tools")).isNull());
    // Nothing stays up for good: the last message goes by itself.
    QTRY_VERIFY_WITH_TIMEOUT(status->currentMessage().isEmpty(), CloudTimeoutMs);
    QVERIFY(!anyContains(spy, QStringLiteral("Kept here")));
}

void TestWindowTexts::offlineEditIsKeptHereThenSent()
{
    QVERIFY(m_console.open());
    QStatusBar *status = window()->statusBar();
    QAction *offline = action("actionWorkOffline");
    QVERIFY(offline);
    offline->setChecked(true);
    const QStringList at = m_console.devicesAt(QStringLiteral("evergreen--depot-west"));
    QVERIFY(!at.isEmpty());
    const QString id = at.first();
    QSignalSpy spy(status, &QStatusBar::messageChanged);
    window()->requestMoveDevices({id}, Domain::MoveTarget::returns());
    if (auto *confirm = activeModal<Views::MoveConfirmDialog>())
        confirm->accept();
    QTRY_COMPARE(m_console.engine()->pendingCount(), 1);

    // Working offline nothing is being sent: it says where the change is.
    QVERIFY2(status->currentMessage().contains(
                 QStringLiteral("Kept here, will be sent when you go back online: Move ")),
        qPrintable(status->currentMessage()));
    QVERIFY(!anyContains(spy, QStringLiteral("being sent")));
    QVERIFY(!anyContains(spy, QStringLiteral("Sent to the cloud")));
    QCOMPARE(m_console.cloudPlacement(id).kind, Domain::PlacementKind::Node);
    QCOMPARE(m_console.engine()->pendingCount(), 1);
    QVERIFY(!anyContains(spy, QStringLiteral("Sent to the cloud")));

    // Back online: sending, then sent.
    offline->setChecked(false);
    QVERIFY2(status->currentMessage().contains(QStringLiteral("sending 1 change")),
        qPrintable(status->currentMessage()));
    QTRY_COMPARE_WITH_TIMEOUT(m_console.engine()->pendingCount(), 0, CloudTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(anyContains(spy, QStringLiteral("Sent to the cloud")), CloudTimeoutMs);
    QCOMPARE(m_console.cloudPlacement(id).kind, Domain::PlacementKind::Returns);
}

// --- closing ------------------------------------------------------------------------------

void TestWindowTexts::closingWithRolloutsOnTheSandboxAsksFirst()
{
    QVERIFY(m_console.open());
    Rollout::RolloutEngine *rollouts = m_console.app()->rolloutEngine();
    QTRY_VERIFY(rollouts->isStarted());
    QVERIFY(!rollouts->hasActiveRollouts());
    Domain::RolloutSpec spec;
    spec.title = QStringLiteral("Quit test");
    spec.version = m_console.state().firmware.lastKey();
    spec.method = Domain::RolloutMethod::Staged;
    spec.nodes = {QStringLiteral("fjord")};
    qint64 id = 0;
    QString error = QStringLiteral("not answered");
    rollouts->startRollout(spec, [&](qint64 started, QString e) {
        id = started;
        error = e;
    });
    QTRY_VERIFY_WITH_TIMEOUT(id != 0 || error != QStringLiteral("not answered"), CloudTimeoutMs);
    QVERIFY2(id != 0, qPrintable(error));
    // Paused: still active, and it stays so however fast the devices update.
    QCOMPARE(rollouts->pause(id), QString());
    QVERIFY(rollouts->hasActiveRollouts());

    // The sandbox this session started goes with the window: it asks, Cancel keeps it open.
    QVERIFY(!window()->close());
    QTRY_VERIFY(activeModal<QMessageBox>() != nullptr);
    auto *question = activeModal<QMessageBox>();
    QCOMPARE(question->objectName(), QStringLiteral("quitQuestion"));
    QVERIFY2(question->text().contains(QStringLiteral("Quit test")), qPrintable(question->text()));
    QVERIFY2(question->text().contains(QStringLiteral("lost")), qPrintable(question->text()));
    auto *quit = question->findChild<QPushButton *>(QStringLiteral("quitButton"));
    QVERIFY(quit);
    QCOMPARE(quit->text(), QStringLiteral("&Quit anyway"));
    QCOMPARE(question->defaultButton(), question->button(QMessageBox::Cancel));
    question->button(QMessageBox::Cancel)->click();
    QTRY_COMPARE(QApplication::activeModalWidget(), nullptr);
    QVERIFY(window()->isVisible());

    // A real cloud: the rollouts go on there and resume at the next start.
    window()->setThrowawayCloud(false);
    QVERIFY(!window()->close());
    QTRY_VERIFY(activeModal<QMessageBox>() != nullptr);
    question = activeModal<QMessageBox>();
    QVERIFY2(question->text().contains(QStringLiteral("resume")), qPrintable(question->text()));
    QVERIFY2(question->text().contains(QStringLiteral("keep updating in the cloud")),
        qPrintable(question->text()));
    question->button(QMessageBox::Cancel)->click();
    QTRY_COMPARE(QApplication::activeModalWidget(), nullptr);
    QVERIFY(window()->isVisible());

    // Quit closes the window.
    window()->setThrowawayCloud(true);
    QVERIFY(!window()->close());
    QTRY_VERIFY(activeModal<QMessageBox>() != nullptr);
    activeModal<QMessageBox>()->findChild<QPushButton *>(QStringLiteral("quitButton"))->click();
    QTRY_VERIFY(!window()->isVisible());
}

QTEST_MAIN(TestWindowTexts)
#include "tst_windowtexts.moc"
