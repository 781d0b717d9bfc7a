// SPDX-License-Identifier: MIT
// Customers and groups from the console, against a sandbox: a customer created with a linked
// shadow customer account (and a device moved into it is claimed to that account), input
// validated with clear messages, short names shortened only with a reason and other short
// names offered (never cut silently, the room left for groups under the node shown), a second
// customer or sibling group with the same title only after the user confirms it, a nested
// group created, renamed (title and short name) and deleted with its devices going to
// Unassigned, each undone; and the Problems dialog listing devices and groups that contradict
// the encoding, with its repair.
#include "consolefixture.h"
#include "views/fleettreeview.h"
#include "views/moveconfirmdialog.h"
#include "views/nodedialog.h"
#include "views/nodepickerdialog.h"
#include "views/problemsdialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QUndoStack>

#include <tuple>

using namespace Flotilla;
using namespace Flotilla::GuiTest;

class TestFleetEditing final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup() { m_console.close(); }

    void newCustomerWithShadowAccount();
    void accountThatExistsIsLinked();
    void nodeDialogExplainsWhatIsWrong();
    void longTitlesGetShortNamesWithAReason();
    void shortNamesAtParticlesLimitSayWhatIsCut();
    void sameTitleNeedsConfirmation();
    void groupCreateRenameDeleteAndUndo();
    void problemsAreListedAndRepaired();
    void groupMovedWithItsSubtreeFromTheKeyboard();

private:
    QAction *action(const char *name) const
    {
        return m_console.window()->findChild<QAction *>(QString::fromLatin1(name));
    }
    QUndoStack *undoStack() const { return m_console.app()->undoStack(); }
    // Runs `name` (an action of the window) and returns the node dialog it opens.
    Views::NodeDialog *openNodeDialog(const char *name);
    bool pushed()
    {
        return QTest::qWaitFor(
            [this] {
                return m_console.engine()->pendingCount() == 0 && !m_console.engine()->isPushing();
            },
            CloudTimeoutMs);
    }

    ConsoleFixture m_console;
};

void TestFleetEditing::initTestCase()
{
    QVERIFY(m_console.setUp({QStringLiteral("--devices"), QStringLiteral("300"),
        QStringLiteral("--update-failure-rate"), QStringLiteral("0")}));
}

Views::NodeDialog *TestFleetEditing::openNodeDialog(const char *name)
{
    QAction *a = action(name);
    if (!a || !a->isEnabled())
        return nullptr;
    a->trigger();
    if (!QTest::qWaitFor([] { return activeModal<Views::NodeDialog>() != nullptr; }, 5000))
        return nullptr;
    return activeModal<Views::NodeDialog>();
}

void TestFleetEditing::newCustomerWithShadowAccount()
{
    QVERIFY(m_console.open());
    Views::NodeDialog *dialog = openNodeDialog("actionNewCustomer");
    QVERIFY(dialog);
    // Nothing typed yet: Create waits, but no mistake is shown before the title is typed in.
    QVERIFY(!dialog->validationError().isEmpty());
    QVERIFY2(dialog->shownError().isEmpty(), qPrintable(dialog->shownError()));
    QTest::keyClicks(dialog->titleField(), QStringLiteral("G"));
    QTest::keyClick(dialog->titleField(), Qt::Key_Backspace);
    QCOMPARE(dialog->shownError(), dialog->validationError()); // typed in, then emptied
    QTest::keyClicks(dialog->titleField(), QStringLiteral("Gamma Robotics Ltd."));
    // The short name follows the title until it is edited (kept short: without the legal form).
    QCOMPARE(dialog->slugField()->text(), QStringLiteral("gamma-robotics"));
    dialog->slugField()->clear();
    QTest::keyClicks(dialog->slugField(), QStringLiteral("gamma"));
    dialog->linkField()->setChecked(true);
    QVERIFY(!dialog->validationError().isEmpty()); // no account yet
    QTest::keyClicks(dialog->accountField(), QStringLiteral("ops@gamma.example"));
    QVERIFY2(dialog->validationError().isEmpty(), qPrintable(dialog->validationError()));
    const Views::NodeDialog::Result r = dialog->result();
    QVERIFY(r.createAccount);
    QCOMPARE(r.path, QStringLiteral("gamma"));
    dialog->accept();

    // The account first, then the customer's group; the node is selected.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_console.tree()->indexForNode(QStringLiteral("gamma")).isValid(), CloudTimeoutMs);
    QVERIFY(m_console.cloudCustomers().contains(QStringLiteral("ops@gamma.example")));
    QTRY_COMPARE_WITH_TIMEOUT(m_console.cloudGroupDescription(QStringLiteral("gamma")),
        QStringLiteral("[flotilla:customer account=ops@gamma.example] Gamma Robotics Ltd."),
        CloudTimeoutMs);
    QCOMPARE(m_console.window()->treeView()->currentIndex().siblingAtColumn(0),
        m_console.tree()->indexForNode(QStringLiteral("gamma")));

    // A device moved there is claimed to the new account (the claim is confirmed first).
    const QString device = m_console.devicesAt(QStringLiteral("cobalt--field-a")).value(0);
    QVERIFY(!device.isEmpty());
    m_console.window()->requestMoveDevices(
        {device}, Domain::MoveTarget::node(QStringLiteral("gamma")));
    QTRY_VERIFY(activeModal<Views::MoveConfirmDialog>() != nullptr);
    QVERIFY(activeModal<Views::MoveConfirmDialog>()
                ->summaryLines()
                .join(QLatin1Char(' '))
                .contains(QStringLiteral("ops@gamma.example")));
    activeModal<Views::MoveConfirmDialog>()->accept();
    QTRY_COMPARE_WITH_TIMEOUT(
        m_console.cloudOwner(device), QStringLiteral("ops@gamma.example"), CloudTimeoutMs);
    QVERIFY(pushed());

    // Undo both: the device goes back (and is released), then the customer's group goes.
    action("actionUndo")->trigger();
    action("actionUndo")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_console.cloudOwner(device), QString(), CloudTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_console.cloudGroupDescription(QStringLiteral("gamma")).isNull(), CloudTimeoutMs);
    QVERIFY(!m_console.tree()->indexForNode(QStringLiteral("gamma")).isValid());
    QCOMPARE(m_console.cloudPlacement(device).path, QStringLiteral("cobalt--field-a"));
}

// The account was created meanwhile (by another console): the refusal is recognised by
// reading the product's customers back, not by its wording, and the customer is linked to it.
void TestFleetEditing::accountThatExistsIsLinked()
{
    QVERIFY(m_console.open());
    const QJsonObject oauth
        = m_console.sandbox().startLine().value(QStringLiteral("oauth_client")).toObject();
    const Test::HttpResult created = Test::Http().postForm(
        m_console.sandbox().url(
            QStringLiteral("/v1/products/%1/customers").arg(m_console.sandbox().productId())),
        "email=ops%40omega.example&no_password=true",
        "Basic "
            + (oauth.value(QStringLiteral("id")).toString() + QLatin1Char(':')
                + oauth.value(QStringLiteral("secret")).toString())
                  .toUtf8()
                  .toBase64());
    QCOMPARE(created.status, 201);
    Views::NodeDialog *dialog = openNodeDialog("actionNewCustomer");
    QVERIFY(dialog);
    QTest::keyClicks(dialog->titleField(), QStringLiteral("Omega Metering"));
    dialog->linkField()->setChecked(true);
    QTest::keyClicks(dialog->accountField(), QStringLiteral("ops@omega.example"));
    QVERIFY2(dialog->validationError().isEmpty(), qPrintable(dialog->validationError()));
    QVERIFY(dialog->result().createAccount); // not known here yet
    const QString path = dialog->result().path;
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(m_console.tree()->indexForNode(path).isValid(), CloudTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_console.cloudGroupDescription(path),
        QStringLiteral("[flotilla:customer account=ops@omega.example] Omega Metering"),
        CloudTimeoutMs);
    QVERIFY(pushed());
}

void TestFleetEditing::nodeDialogExplainsWhatIsWrong()
{
    QVERIFY(m_console.open());
    Views::NodeDialog *dialog = openNodeDialog("actionNewCustomer");
    QVERIFY(dialog);
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // nothing typed
    QVERIFY(dialog->validationError().contains(QStringLiteral("title")));

    QTest::keyClicks(dialog->titleField(), QStringLiteral("Acme"));
    // "acme" is taken: the suggestion is the next free one.
    QCOMPARE(dialog->slugField()->text(), QStringLiteral("acme-2"));
    QVERIFY(ok->isEnabled());

    const auto typeSlug = [&](const QString &slug) {
        dialog->slugField()->clear();
        QTest::keyClicks(dialog->slugField(), slug);
        return dialog->validationError();
    };
    QVERIFY(typeSlug(QStringLiteral("acme")).contains(QStringLiteral("is taken here by “Acme")));
    QVERIFY(!ok->isEnabled());
    QVERIFY(!typeSlug(QStringLiteral("Acme Corp")).isEmpty());
    QVERIFY(!typeSlug(QStringLiteral("a--b")).isEmpty());
    QVERIFY(typeSlug(QStringLiteral("flotilla-returns")).contains(QStringLiteral("reserved"))
        || typeSlug(QStringLiteral("flotilla-returns")).contains(QStringLiteral("exists")));
    QVERIFY(typeSlug(QStringLiteral("acme-corp")).isEmpty());
    QVERIFY(ok->isEnabled());

    dialog->linkField()->setChecked(true);
    QTest::keyClicks(dialog->accountField(), QStringLiteral("not an address"));
    QVERIFY(dialog->validationError().contains(QStringLiteral("e-mail")));
    dialog->reject();
    QCOMPARE(undoStack()->count(), 0);

    // Under a group three levels deep there is room for one more level, within 64 characters.
    m_console.window()->selectNode(QStringLiteral("acme--berlin--test"));
    Views::NodeDialog *group = openNodeDialog("actionNewGroup");
    QVERIFY(group);
    QTest::keyClicks(group->titleField(), QStringLiteral("Rig"));
    QVERIFY(group->validationError().isEmpty());
    QCOMPARE(group->result().path, QStringLiteral("acme--berlin--test--rig"));
    group->slugField()->setText(QString(50, QLatin1Char('r')));
    QVERIFY2(group->validationError().contains(QStringLiteral("64")),
        qPrintable(group->validationError()));
    group->reject();
}

// The buttons offering other short names, as shown.
QStringList offeredButtons(const Views::NodeDialog *dialog)
{
    QStringList texts;
    for (const QPushButton *b :
        dialog->findChildren<QPushButton *>(QStringLiteral("offeredSlug"))) {
        if (!b->isHidden())
            texts.append(b->text());
    }
    return texts;
}

QPushButton *offeredButton(const Views::NodeDialog *dialog, const QString &slug)
{
    for (QPushButton *b : dialog->findChildren<QPushButton *>(QStringLiteral("offeredSlug"))) {
        if (!b->isHidden() && b->text() == slug)
            return b;
    }
    return nullptr;
}

void TestFleetEditing::longTitlesGetShortNamesWithAReason()
{
    QVERIFY(m_console.open());
    Views::NodeDialog *dialog = openNodeDialog("actionNewCustomer");
    QVERIFY(dialog);
    // (Typed at once: QTest types ASCII only.)
    dialog->titleField()->setText(
        QStringLiteral("M\u00fcller Stra\u00dfenbau GmbH & Co. KG Niederlassung S\u00fcd-West"));
    // Not a 50-character short name: a short one that leaves room for three levels of groups,
    // and the dialog says what it shortened and why.
    QCOMPARE(dialog->slugField()->text(), QStringLiteral("muller"));
    QVERIFY2(dialog->validationError().isEmpty(), qPrintable(dialog->validationError()));
    QVERIFY2(dialog->notice().contains(
                 QStringLiteral("\u201cmuller-strassenbau-gmbh-co-kg-niederlassung-sud-west\u201d"))
            && dialog->notice().contains(QStringLiteral("shortened to \u201cmuller\u201d"))
            && dialog->notice().contains(QStringLiteral("groups under it have room")),
        qPrintable(dialog->notice()));
    QCOMPARE(dialog->lengthText(),
        QStringLiteral("6 of 64 characters \u00b7 58 left for the groups under it"));
    // Other short names are offered, and one click takes one.
    QCOMPARE(offeredButtons(dialog),
        (QStringList {QStringLiteral("muller-west"), QStringLiteral("msnsw")}));
    offeredButton(dialog, QStringLiteral("msnsw"))->click();
    QCOMPARE(dialog->slugField()->text(), QStringLiteral("msnsw"));
    QCOMPARE(dialog->result().path, QStringLiteral("msnsw"));
    QVERIFY(dialog->validationError().isEmpty());
    // A chosen short name no longer follows the title, and nothing shortened is reported.
    QTest::keyClicks(dialog->titleField(), QStringLiteral(" 2"));
    QCOMPARE(dialog->slugField()->text(), QStringLiteral("msnsw"));
    QVERIFY2(dialog->notice().isEmpty(), qPrintable(dialog->notice()));

    // A long short name typed by hand is allowed, with a word on the room it leaves.
    dialog->slugField()->setText(QStringLiteral("muller-strassenbau-gmbh-co-kg-niederlassung"));
    QVERIFY(dialog->validationError().isEmpty());
    QVERIFY2(dialog->notice().contains(QStringLiteral("have 21 of the 64 characters left")),
        qPrintable(dialog->notice()));
    QCOMPARE(dialog->lengthText(),
        QStringLiteral("43 of 64 characters \u00b7 21 left for the groups under it"));
    dialog->reject();
    QCOMPARE(undoStack()->count(), 0);
}

void TestFleetEditing::shortNamesAtParticlesLimitSayWhatIsCut()
{
    // Customers whose short names use up most of the 64 characters, as a product may have them
    // (made by hand or by another tool); the dialog works on the product's hierarchy.
    const QString long59(59, QLatin1Char('l'));
    const QString long62(62, QLatin1Char('f'));
    QList<Domain::Group> groups;
    for (const auto &[name, title] : {std::pair {long59, QStringLiteral("Long Name Logistics")},
             std::pair {long62, QStringLiteral("Full Name Logistics")}}) {
        Domain::Group g;
        g.name = name;
        g.description
            = Domain::formatDescription(Domain::NodeTag {Domain::NodeKind::Customer, title, {}});
        groups.append(g);
    }
    Views::NodeDialog::Context context;
    context.hierarchy = Domain::Hierarchy(groups);

    // Room for three characters: "Test" becomes "tes", and the dialog says so, with the length.
    Views::NodeDialog tight(Views::NodeDialog::Mode::NewGroup, context, long59);
    QTest::keyClicks(tight.titleField(), QStringLiteral("Test"));
    QCOMPARE(tight.slugField()->text(), QStringLiteral("tes"));
    QVERIFY(tight.validationError().isEmpty());
    QVERIFY2(
        tight.notice().contains(QStringLiteral("would be 65 characters; Particle allows 64, "
                                               "so the short name is shortened to \u201ctes\u201d"))
            && tight.notice().contains(
                QStringLiteral("A shorter short name for Long Name Logistics")),
        qPrintable(tight.notice()));
    QCOMPARE(tight.lengthText(),
        QStringLiteral("64 of 64 characters \u00b7 no room for groups under it"));
    // The whole short name typed by hand: what is too long, by how much, and what fits.
    tight.slugField()->setText(QStringLiteral("test"));
    QVERIFY2(tight.validationError().startsWith(QStringLiteral("The full path "))
            && tight.validationError().contains(
                QStringLiteral("--test would be 65 characters; "
                               "Particle allows 64. Under Long "
                               "Name Logistics a short name may "
                               "have 3 characters. Suggested: tes.")),
        qPrintable(tight.validationError()));
    QCOMPARE(offeredButtons(&tight), QStringList {QStringLiteral("tes")});
    QCOMPARE(tight.lengthText(), QStringLiteral("65 of 64 characters \u00b7 1 too many"));
    offeredButton(&tight, QStringLiteral("tes"))->click();
    QVERIFY(tight.validationError().isEmpty());

    // No room at all: the first thing said is why, not "Enter a short name".
    Views::NodeDialog full(Views::NodeDialog::Mode::NewGroup, context, long62);
    for (const QString &title : {QString(), QStringLiteral("Test")}) {
        full.titleField()->setText(title);
        QVERIFY2(full.validationError().startsWith(
                     QStringLiteral("There is no room for a group under Full Name Logistics: its "
                                    "Particle group name already has 62 of the 64 characters")),
            qPrintable(full.validationError()));
        QVERIFY(full.slugField()->text().isEmpty());
    }

    // A new short name renames every node under it: a name below that would grow beyond the
    // limit is caught in the dialog, with the node's title and the length that fits.
    QList<Domain::Group> tree;
    for (const auto &[name, kind, title] :
        {std::tuple {
             QStringLiteral("acme"), Domain::NodeKind::Customer, QStringLiteral("Acme Logistics")},
            std::tuple {QString(QStringLiteral("acme--") + QString(50, QLatin1Char('b'))),
                Domain::NodeKind::Group, QStringLiteral("Long bench")}}) {
        Domain::Group g;
        g.name = name;
        g.description = Domain::formatDescription(Domain::NodeTag {kind, title, {}});
        tree.append(g);
    }
    context.hierarchy = Domain::Hierarchy(tree);
    Views::NodeDialog rename(Views::NodeDialog::Mode::Rename, context, QStringLiteral("acme"));
    rename.slugField()->setText(QStringLiteral("acme-logistics"));
    QVERIFY2(rename.validationError()
            == QStringLiteral("With this short name, the Particle group name of Acme "
                              "Logistics \u203a Long bench would be 66 characters; Particle "
                              "allows 64. A short name of at most 12 characters fits."),
        qPrintable(rename.validationError()));
    rename.slugField()->setText(QStringLiteral("acme-logist"));
    QVERIFY2(rename.validationError().isEmpty(), qPrintable(rename.validationError()));
}

void TestFleetEditing::sameTitleNeedsConfirmation()
{
    QVERIFY(m_console.open());
    Views::NodeDialog *dialog = openNodeDialog("actionNewCustomer");
    QVERIFY(dialog);
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    // The title of an existing customer (spelt differently): said before anything is created,
    // and Create waits for an explicit yes.
    QTest::keyClicks(dialog->titleField(), QStringLiteral("ACME logistics"));
    QCOMPARE(dialog->slugField()->text(), QStringLiteral("acme-logistics"));
    QVERIFY2(dialog->notice().contains(
                 QStringLiteral("There is already a customer named \u201cAcme Logistics\u201d")),
        qPrintable(dialog->notice()));
    QVERIFY(dialog->duplicateField()->isVisible());
    QVERIFY(!dialog->duplicateField()->isChecked());
    QVERIFY(!ok->isEnabled());
    QVERIFY(!dialog->validationError().isEmpty());
    dialog->duplicateField()->setChecked(true);
    QVERIFY2(dialog->validationError().isEmpty(), qPrintable(dialog->validationError()));
    QVERIFY(ok->isEnabled());
    // A title that sets it apart needs no confirmation.
    QTest::keyClicks(dialog->titleField(), QStringLiteral(" Hamburg"));
    QVERIFY(!dialog->duplicateField()->isVisible());
    QVERIFY2(!dialog->notice().contains(QStringLiteral("already a customer")),
        qPrintable(dialog->notice()));
    QVERIFY(ok->isEnabled());
    dialog->titleField()->setText(QStringLiteral("Acme Logistics"));
    QVERIFY(!dialog->duplicateField()->isChecked()); // a new duplicate is confirmed anew
    QVERIFY(!ok->isEnabled());
    dialog->duplicateField()->setChecked(true);
    ok->click();
    // Confirmed: the second customer is created (and the creation undone).
    QTRY_VERIFY_WITH_TIMEOUT(
        m_console.tree()->indexForNode(QStringLiteral("acme-logistics")).isValid(), CloudTimeoutMs);
    QVERIFY(pushed());
    action("actionUndo")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        m_console.cloudGroupDescription(QStringLiteral("acme-logistics")).isNull(), CloudTimeoutMs);
    QVERIFY(pushed());

    // A group: only a sibling with the same title counts.
    m_console.window()->selectNode(QStringLiteral("acme--berlin"));
    Views::NodeDialog *group = openNodeDialog("actionNewGroup");
    QVERIFY(group);
    QTest::keyClicks(group->titleField(), QStringLiteral("Berlin test-bench"));
    QVERIFY2(group->notice().contains(QStringLiteral(
                 "Acme Logistics \u203a Berlin depot already has a group named \u201cBerlin test "
                 "bench\u201d")),
        qPrintable(group->notice()));
    QVERIFY(group->duplicateField()->isVisible());
    QVERIFY(!group->validationError().isEmpty());
    group->reject();
    QTRY_COMPARE(QApplication::activeModalWidget(), nullptr);
    m_console.window()->selectNode(QStringLiteral("acme--hamburg"));
    group = openNodeDialog("actionNewGroup");
    QVERIFY(group);
    QTest::keyClicks(group->titleField(), QStringLiteral("Berlin test bench"));
    QVERIFY(!group->duplicateField()->isVisible());
    QVERIFY2(group->validationError().isEmpty(), qPrintable(group->validationError()));
    group->reject();
    QTRY_COMPARE(QApplication::activeModalWidget(), nullptr);

    // Renaming to another customer's title is the same mistake; keeping its own title is not.
    m_console.window()->selectNode(QStringLiteral("cobalt"));
    Views::NodeDialog *rename = openNodeDialog("actionRename");
    QVERIFY(rename);
    rename->titleField()->setText(QStringLiteral("Borealis Energy"));
    QVERIFY(rename->duplicateField()->isVisible());
    QVERIFY(!rename->validationError().isEmpty());
    rename->titleField()->setText(QStringLiteral("Cobalt farms"));
    QVERIFY(!rename->duplicateField()->isVisible());
    QVERIFY2(rename->validationError().isEmpty(), qPrintable(rename->validationError()));
    rename->reject();
    QCOMPARE(undoStack()->count(), 1); // the customer created (and undone), nothing else
}

void TestFleetEditing::groupCreateRenameDeleteAndUndo()
{
    QVERIFY(m_console.open());
    Views::MainWindow *window = m_console.window();

    // Create "Field C" under Cobalt Farms.
    window->selectNode(QStringLiteral("cobalt"));
    Views::NodeDialog *create = openNodeDialog("actionNewGroup");
    QVERIFY(create);
    QTest::keyClicks(create->titleField(), QStringLiteral("Field C"));
    QCOMPARE(create->result().path, QStringLiteral("cobalt--field-c"));
    create->accept();
    QVERIFY(m_console.tree()->indexForNode(QStringLiteral("cobalt--field-c")).isValid());
    QTRY_COMPARE_WITH_TIMEOUT(m_console.cloudGroupDescription(QStringLiteral("cobalt--field-c")),
        QStringLiteral("[flotilla:group] Field C"), CloudTimeoutMs);

    // Two devices go there.
    const QStringList devices = m_console.devicesAt(QStringLiteral("cobalt--field-a")).mid(0, 2);
    QCOMPARE(devices.size(), 2);
    window->requestMoveDevices(
        devices, Domain::MoveTarget::node(QStringLiteral("cobalt--field-c")));
    if (auto *confirm = activeModal<Views::MoveConfirmDialog>())
        confirm->accept();
    QVERIFY(pushed());

    // Rename: a new title and a new short name (the Particle group is renamed; the devices
    // keep their membership).
    window->selectNode(QStringLiteral("cobalt--field-c"));
    Views::NodeDialog *rename = openNodeDialog("actionRename");
    QVERIFY(rename);
    QCOMPARE(rename->titleField()->text(), QStringLiteral("Field C"));
    rename->titleField()->setText(QStringLiteral("Field Charlie"));
    rename->slugField()->setText(QStringLiteral("field-charlie"));
    QVERIFY2(rename->validationError().isEmpty(), qPrintable(rename->validationError()));
    rename->accept();
    QVERIFY(m_console.tree()->indexForNode(QStringLiteral("cobalt--field-charlie")).isValid());
    QTRY_COMPARE_WITH_TIMEOUT(
        m_console.cloudGroupDescription(QStringLiteral("cobalt--field-charlie")),
        QStringLiteral("[flotilla:group] Field Charlie"), CloudTimeoutMs);
    QVERIFY(m_console.cloudGroupDescription(QStringLiteral("cobalt--field-c")).isNull());
    for (const QString &id : devices)
        QTRY_COMPARE_WITH_TIMEOUT(m_console.cloudPlacement(id).path,
            QStringLiteral("cobalt--field-charlie"), CloudTimeoutMs);
    QVERIFY(pushed());

    // Delete it: its devices go to Unassigned, as the confirmation says.
    window->selectNode(QStringLiteral("cobalt--field-charlie"));
    action("actionDelete")->trigger();
    QTRY_VERIFY(activeModal<QMessageBox>() != nullptr);
    QMessageBox *box = activeModal<QMessageBox>();
    QVERIFY2(box->text().contains(QStringLiteral("2 devices go to Unassigned")),
        qPrintable(box->text()));
    QAbstractButton *remove = nullptr;
    for (QAbstractButton *b : box->buttons()) {
        if (box->buttonRole(b) == QMessageBox::DestructiveRole)
            remove = b;
    }
    QVERIFY(remove);
    remove->click();
    QVERIFY(!m_console.tree()->indexForNode(QStringLiteral("cobalt--field-charlie")).isValid());
    QTRY_VERIFY_WITH_TIMEOUT(
        m_console.cloudGroupDescription(QStringLiteral("cobalt--field-charlie")).isNull(),
        CloudTimeoutMs);
    for (const QString &id : devices)
        QTRY_COMPARE_WITH_TIMEOUT(
            m_console.cloudPlacement(id).kind, Domain::PlacementKind::Unassigned, CloudTimeoutMs);
    QVERIFY(pushed());

    // Undo the deletion: the group and its devices come back.
    action("actionUndo")->trigger();
    QVERIFY(m_console.tree()->indexForNode(QStringLiteral("cobalt--field-charlie")).isValid());
    for (const QString &id : devices)
        QTRY_COMPARE_WITH_TIMEOUT(m_console.cloudPlacement(id).path,
            QStringLiteral("cobalt--field-charlie"), CloudTimeoutMs);
    // Undo the rename: the old name and title are back in the cloud.
    action("actionUndo")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_console.cloudGroupDescription(QStringLiteral("cobalt--field-c")),
        QStringLiteral("[flotilla:group] Field C"), CloudTimeoutMs);
    QVERIFY(pushed());
}

void TestFleetEditing::problemsAreListedAndRepaired()
{
    QVERIFY(m_console.open());
    Test::SandboxProcess &sandbox = m_console.sandbox();
    Test::Http http(sandbox.token());
    // A device in a group without its parent (a missing ancestor), and a tagged group whose
    // parent does not exist, both made outside Flotilla.
    const QString device = m_console.devicesAt(QStringLiteral("acme--hamburg")).value(0);
    QVERIFY(!device.isEmpty());
    QStringList groups = m_console.cloudGroups(device);
    groups.removeAll(QStringLiteral("acme"));
    QCOMPARE(http.putJson(sandbox.url(QStringLiteral("/v1/products/%1/devices/%2")
                                          .arg(sandbox.productId())
                                          .arg(device)),
                     QJsonObject {{QStringLiteral("groups"), QJsonArray::fromStringList(groups)}})
                 .status,
        200);
    QCOMPARE(
        http.postJson(
                sandbox.url(QStringLiteral("/v1/products/%1/groups").arg(sandbox.productId())),
                QJsonObject {{QStringLiteral("name"), QStringLiteral("zeta--orphan")},
                    {QStringLiteral("description"), QStringLiteral("Orphan [flotilla:group]")}})
            .status,
        201);

    action("actionSyncNow")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_console.tree()
                                 ->indexForPool(Tree::ItemKind::NeedsRepair)
                                 .data(Tree::DeviceCountRole)
                                 .toInt()
            == 1,
        CloudTimeoutMs);
    QTRY_VERIFY(action("actionProblems")->text().contains(QStringLiteral("(2)")));

    action("actionProblems")->trigger();
    Views::ProblemsDialog *problems = m_console.window()->problemsDialog();
    QVERIFY(problems && problems->isVisible());
    QCOMPARE(problems->deviceIds(), QStringList {device});
    QCOMPARE(problems->groupProblemCount(), 1);
    const QTreeWidget *groupList
        = problems->findChild<QTreeWidget *>(QStringLiteral("groupProblems"));
    QCOMPARE(groupList->topLevelItem(0)->text(0), QStringLiteral("zeta--orphan"));

    problems->findChild<QPushButton *>(QStringLiteral("repairAll"))->click();
    QTRY_COMPARE(problems->deviceProblemCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_console.cloudPlacement(device).path, QStringLiteral("acme--hamburg"), CloudTimeoutMs);
    QVERIFY(m_console.cloudGroups(device).contains(QStringLiteral("acme")));
    QVERIFY(pushed());

    // Undo gives the device back exactly the groups it had.
    action("actionUndo")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_console.cloudGroups(device), groups, CloudTimeoutMs);
    QVERIFY(pushed());
    problems->close();
}

void TestFleetEditing::groupMovedWithItsSubtreeFromTheKeyboard()
{
    QVERIFY(m_console.open());
    // Evergreen's west depot (a group with devices) under Fjord Marine, with "Move to…".
    const QStringList devices = m_console.devicesAt(QStringLiteral("evergreen--depot-west"));
    QVERIFY(!devices.isEmpty());
    Views::MainWindow *window = m_console.window();
    window->selectNode(QStringLiteral("evergreen--depot-west"));
    window->treeView()->setFocus();
    action("actionMoveTo")->trigger();
    QTRY_VERIFY(activeModal<Views::NodePickerDialog>() != nullptr);
    Views::NodePickerDialog *picker = activeModal<Views::NodePickerDialog>();
    QTest::keyClicks(picker->searchField(), QStringLiteral("fjord"));
    QCOMPARE(picker->target()->path, QStringLiteral("fjord"));
    // Pools are no place for a group, and neither is its own subtree.
    picker->searchField()->clear();
    QTest::keyClicks(picker->searchField(), QStringLiteral("unassigned"));
    QCOMPARE(picker->visibleCount(), 0);
    picker->searchField()->clear();
    QTest::keyClicks(picker->searchField(), QStringLiteral("fjord"));
    QTest::keyClick(picker->searchField(), Qt::Key_Return);

    // Always confirmed: the Particle groups are renamed.
    QTRY_VERIFY(activeModal<Views::MoveConfirmDialog>() != nullptr);
    Views::MoveConfirmDialog *confirm = activeModal<Views::MoveConfirmDialog>();
    QVERIFY2(
        confirm->summaryLines().join(QLatin1Char(' ')).contains(QStringLiteral("gets a new name")),
        qPrintable(confirm->summaryLines().join(QLatin1Char(' '))));
    confirm->accept();
    QVERIFY(m_console.tree()->indexForNode(QStringLiteral("fjord--depot-west")).isValid());
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_console.cloudGroupDescription(QStringLiteral("fjord--depot-west")).isNull(),
        CloudTimeoutMs);
    for (const QString &id : devices)
        QTRY_COMPARE_WITH_TIMEOUT(
            m_console.cloudPlacement(id).path, QStringLiteral("fjord--depot-west"), CloudTimeoutMs);
    QVERIFY(pushed());

    action("actionUndo")->trigger();
    for (const QString &id : devices)
        QTRY_COMPARE_WITH_TIMEOUT(m_console.cloudPlacement(id).path,
            QStringLiteral("evergreen--depot-west"), CloudTimeoutMs);
    QVERIFY(m_console.cloudGroupDescription(QStringLiteral("fjord--depot-west")).isNull());
    QVERIFY(pushed());
}

QTEST_MAIN(TestFleetEditing)
#include "tst_fleetediting.moc"
