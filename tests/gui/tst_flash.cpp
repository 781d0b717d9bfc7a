// SPDX-License-Identifier: MIT
// Flash… and the Rollouts window against a time-scaled sandbox (fast updates, short offline
// gaps): the action's disabled states, the flash dialog's impact against the fleet state (a
// Lock and flash downgrade called out, Release refused for loose devices), and a staged
// rollout of a group with the default plan (its test group first) started from the dialog,
// shown in the monitor and the status bar, and followed until its devices succeeded; the
// monitor's controls on rollouts that wait for the operator (Start next wave, Abort…, Remove);
// a new version uploaded from the dialog. People see titles, never group names: the rollout's
// default title names the whole path of the selection, the dialog's "Released to" names
// rollouts and nodes, and the monitor's devices show their nodes' titles.
#include "consolefixture.h"
#include "domain/nodepath.h"
#include "rollout/rolloutengine.h"
#include "tree/rolloutmodels.h"
#include "views/flashdialog.h"
#include "views/fleettreeview.h"
#include "views/nodepickerdialog.h"
#include "views/rolloutmonitor.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace Flotilla;
using namespace Flotilla::GuiTest;

namespace {

// The fleet's devices at or under `path`, as the console knows them.
QList<Domain::Device> devicesUnder(const Sync::FleetState &state, const QString &path)
{
    const Domain::Hierarchy hierarchy = state.hierarchy();
    QList<Domain::Device> out;
    for (const Domain::Device &d : state.devices) {
        const Domain::Placement p = Domain::placeDevice(d.groups, hierarchy);
        if (p.kind == Domain::PlacementKind::Node && Domain::isAncestorOrSelf(path, p.path))
            out.append(d);
    }
    return out;
}

} // namespace

class TestFlash final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup() { m_console.close(); }

    void flashNeedsAFlashableSelection();
    void selectionIsNamedByItsTitles();
    void impactOfLockAndFlashCallsOutDowngrades();
    void stagedRolloutFromTheDialogToSuccess();
    void monitorControlsPauseBeforeNextWaveAbortRemove();
    void uploadNewVersionFromTheDialog();

private:
    QAction *action(const char *name) const
    {
        return m_console.window()->findChild<QAction *>(QString::fromLatin1(name));
    }
    Rollout::RolloutEngine *rollouts() const { return m_console.app()->rolloutEngine(); }
    // Starts a staged rollout of v6 to `node` with the default plan, its last wave waiting for
    // the operator; returns its id (0 on failure) and the planned devices per wave.
    qint64 startWaitingRollout(const QString &node, QList<int> *waves);
    Views::FlashDialog *openFlash()
    {
        QAction *flash = action("actionFlash");
        if (!flash || !flash->isEnabled())
            return nullptr;
        flash->trigger();
        if (!QTest::qWaitFor([] { return activeModal<Views::FlashDialog>() != nullptr; }, 5000))
            return nullptr;
        return activeModal<Views::FlashDialog>();
    }

    ConsoleFixture m_console;
};

void TestFlash::initTestCase()
{
    // A simulated minute per real second, two-second updates that never fail, devices back
    // online a simulated minute after they went offline.
    QVERIFY(m_console.setUp({QStringLiteral("--devices"), QStringLiteral("300"),
        QStringLiteral("--time-scale"), QStringLiteral("60"), QStringLiteral("--update-duration"),
        QStringLiteral("2"), QStringLiteral("--update-failure-rate"), QStringLiteral("0"),
        QStringLiteral("--mean-offline"), QStringLiteral("60")}));
}

void TestFlash::flashNeedsAFlashableSelection()
{
    QVERIFY(m_console.open());
    Views::MainWindow *window = m_console.window();
    QAction *flash = action("actionFlash");
    QVERIFY(flash);
    QCOMPARE(flash->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    QVERIFY(action("actionRollouts"));

    // Nothing selected: disabled, and the tooltip says what to select.
    QTRY_VERIFY(window->treeView()->currentIndex().isValid()); // the initial selection
    window->treeView()->selectionModel()->clear();
    QVERIFY(!flash->isEnabled());
    QVERIFY2(
        flash->toolTip().contains(QStringLiteral("Select devices")), qPrintable(flash->toolTip()));

    // A pool is not flashable; a customer is.
    const QModelIndex pool = m_console.tree()->indexForPool(Tree::ItemKind::Unassigned);
    QVERIFY(pool.isValid());
    window->treeView()->selectionModel()->setCurrentIndex(
        pool, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(!flash->isEnabled());
    window->selectNode(QStringLiteral("acme"));
    QVERIFY(flash->isEnabled());
    QCOMPARE(window->flashSelection().nodes, QStringList {QStringLiteral("acme")});

    // Loose devices: Release needs groups, so it is disabled with the reason.
    const QStringList ids = m_console.devicesAt(QStringLiteral("acme--munich")).mid(0, 2);
    QCOMPARE(ids.size(), 2);
    window->treeView()->expand(m_console.tree()->indexForNode(QStringLiteral("acme")));
    window->treeView()->expand(m_console.tree()->indexForNode(QStringLiteral("acme--munich")));
    QItemSelection selection;
    for (const QString &id : ids) {
        const QModelIndex row = m_console.tree()->indexForDevice(id);
        QVERIFY(row.isValid());
        selection.select(row, row);
    }
    window->treeView()->selectionModel()->select(
        selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(flash->isEnabled());
    const Views::MainWindow::FlashSelection devices = window->flashSelection();
    QVERIFY(devices.nodes.isEmpty());
    QCOMPARE(devices.devices.size(), 2);

    Views::FlashDialog *dialog = openFlash();
    QVERIFY(dialog);
    QVERIFY(!dialog->releaseButton()->isEnabled());
    QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("releaseReason"))->text().isEmpty());
    QVERIFY(dialog->lockButton()->isEnabled());
    QVERIFY(dialog->stagedButton()->isEnabled());
    // No test group among loose devices: 25%, then the rest.
    QCOMPARE(dialog->wavesTable()->rowCount(), 2);
    QVERIFY(dialog->selectVersion(6));
    QCOMPARE(dialog->impact().selected, 2);
    dialog->reject();
}

void TestFlash::selectionIsNamedByItsTitles()
{
    QVERIFY(m_console.open());
    Views::MainWindow *window = m_console.window();
    // A test group: whose test group it is belongs in the rollout's title.
    window->selectNode(QStringLiteral("acme--berlin--test"));
    Views::FlashDialog *dialog = openFlash();
    QVERIFY(dialog);
    QVERIFY(dialog->selectVersion(6));
    const QString path
        = QStringLiteral("Acme Logistics \u203a Berlin depot \u203a Berlin test bench");
    QCOMPARE(dialog->spec().title, QStringLiteral("v6 to ") + path);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Flash ") + path);
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("selectionLabel"))->text(),
        QStringLiteral("Selected: ") + path);
    // The rollout keeps its nodes' titles for the Rollouts window.
    QCOMPARE(dialog->spec().nodeTitles.value(QStringLiteral("acme--berlin--test")), path);
    dialog->reject();
    QTRY_COMPARE(QApplication::activeModalWidget(), nullptr);

    // Devices chosen one by one: how many, and where they all are.
    const QStringList ids = m_console.devicesAt(QStringLiteral("acme--munich")).mid(0, 2);
    QCOMPARE(ids.size(), 2);
    window->treeView()->expand(m_console.tree()->indexForNode(QStringLiteral("acme")));
    window->treeView()->expand(m_console.tree()->indexForNode(QStringLiteral("acme--munich")));
    QItemSelection selection;
    for (const QString &id : ids) {
        const QModelIndex row = m_console.tree()->indexForDevice(id);
        QVERIFY(row.isValid());
        selection.select(row, row);
    }
    window->treeView()->selectionModel()->select(
        selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    dialog = openFlash();
    QVERIFY(dialog);
    QVERIFY(dialog->selectVersion(6));
    QCOMPARE(dialog->spec().title,
        QStringLiteral("v6 to 2 devices in Acme Logistics \u203a Munich hub"));
    QCOMPARE(dialog->spec().nodeTitles.value(QStringLiteral("acme--munich")),
        QStringLiteral("Acme Logistics \u203a Munich hub"));
    dialog->reject();
}

void TestFlash::impactOfLockAndFlashCallsOutDowngrades()
{
    QVERIFY(m_console.open());
    Views::MainWindow *window = m_console.window();
    window->selectNode(QStringLiteral("acme"));
    Views::FlashDialog *dialog = openFlash();
    QVERIFY(dialog);
    // The product's versions, newest first and chosen by default.
    QCOMPARE(dialog->versionList()->topLevelItemCount(),
        static_cast<int>(m_console.state().firmware.size()));
    QCOMPARE(dialog->version(), m_console.state().firmware.lastKey());

    QVERIFY(dialog->selectVersion(3));
    dialog->setMethod(Domain::RolloutMethod::Lock);
    QVERIFY(!dialog->wavesTable()->isEnabled());

    // What the fleet state says: every non-development device under Acme that does not run 3
    // is flashed; those that run a newer one are downgrades.
    const QList<Domain::Device> devices = devicesUnder(m_console.state(), QStringLiteral("acme"));
    int development = 0;
    int targeted = 0;
    int downgrades = 0;
    int current = 0;
    for (const Domain::Device &d : devices) {
        if (d.development)
            ++development;
        else if (d.firmwareVersion == 3)
            ++current;
        else {
            ++targeted;
            if (d.firmwareVersion > 3)
                ++downgrades;
        }
    }
    QVERIFY(downgrades > 0);
    const Domain::FlashImpact &impact = dialog->impact();
    QCOMPARE(impact.version, 3);
    QCOMPARE(impact.selected, static_cast<int>(devices.size()));
    QCOMPARE(impact.development, development);
    QCOMPARE(impact.alreadyCurrent, current);
    QCOMPARE(impact.targeted, targeted);
    QCOMPARE(impact.downgrades, downgrades);
    QVERIFY2(dialog->downgradeText().contains(QString::number(downgrades)),
        qPrintable(dialog->downgradeText()));
    QVERIFY(dialog->downgradeText().contains(QStringLiteral("downgrade")));
    QCOMPARE(dialog->startButton()->text(), QStringLiteral("Flash %1 devices").arg(targeted));
    QVERIFY(dialog->startButton()->isEnabled());

    // Staged to the same older version cannot downgrade through a release where a newer one
    // is released; the dialog follows the strategy at once.
    dialog->setMethod(Domain::RolloutMethod::Staged);
    QVERIFY(dialog->wavesTable()->isEnabled());
    QCOMPARE(dialog->impact().selected, static_cast<int>(devices.size()));
    QVERIFY(dialog->impact().targeted < targeted);
    QVERIFY(dialog->startButton()->text().startsWith(QStringLiteral("Start rollout to ")));
    // The default plan leaves out the test bench: a higher release holds all its devices.
    QCOMPARE(dialog->wavesTable()->rowCount(), 2);
    QCOMPARE(dialog->spec().waves.at(0).percent, 25.0);

    // An invalid wave is reported inline and Start is disabled.
    dialog->wavesTable()->item(1, 0)->setText(QStringLiteral("250%"));
    QVERIFY(!dialog->validationError().isEmpty());
    QVERIFY(!dialog->startButton()->isEnabled());
    dialog->wavesTable()->item(1, 0)->setText(QStringLiteral("30%"));
    QVERIFY2(dialog->validationError().isEmpty(), qPrintable(dialog->validationError()));
    QCOMPARE(dialog->spec().waves.at(1).percent, 30.0);

    // A group wave is added after the selected wave (first without one), picked from the tree.
    dialog->wavesTable()->setCurrentCell(-1, -1);
    dialog->findChild<QPushButton *>(QStringLiteral("addGroupWave"))->click();
    QTRY_VERIFY(activeModal<Views::NodePickerDialog>() != nullptr);
    Views::NodePickerDialog *picker = activeModal<Views::NodePickerDialog>();
    QTest::keyClicks(picker->searchField(), QStringLiteral("cold"));
    QCOMPARE(picker->target()->path, QStringLiteral("acme--hamburg--cold-store"));
    picker->accept();
    QTRY_COMPARE(dialog->wavesTable()->rowCount(), 3);
    QCOMPARE(dialog->spec().waves.at(0).nodes,
        QStringList {QStringLiteral("acme--hamburg--cold-store")});
    QCOMPARE(dialog->plannedWaveCounts().size(), 3);
    int cold = 0;
    for (const Domain::RolloutDevice &d : dialog->impact().devices) {
        if (d.state == Domain::RolloutDeviceState::Pending
            && Domain::isAncestorOrSelf(QStringLiteral("acme--hamburg--cold-store"), d.node))
            ++cold;
    }
    QCOMPARE(dialog->plannedWaveCounts().at(0), cold);
    dialog->reject();
}

void TestFlash::stagedRolloutFromTheDialogToSuccess()
{
    QVERIFY(m_console.open());
    QTRY_VERIFY(rollouts()->isStarted());
    Views::MainWindow *window = m_console.window();
    const QString node = QStringLiteral("acme--berlin");
    window->selectNode(node);
    Views::FlashDialog *dialog = openFlash();
    QVERIFY(dialog);
    QVERIFY(dialog->selectVersion(6));
    QVERIFY(dialog->stagedButton()->isChecked()); // the default

    // The default plan: the Berlin test bench, 25%, the rest.
    QCOMPARE(dialog->wavesTable()->rowCount(), 3);
    const Domain::RolloutSpec spec = dialog->spec();
    QCOMPARE(spec.waves.at(0).nodes, QStringList {QStringLiteral("acme--berlin--test")});
    QCOMPARE(spec.waves.at(1).percent, 25.0);
    QCOMPARE(spec.waves.at(2).percent, 100.0);
    QCOMPARE(spec.nodes, QStringList {node});
    QVERIFY(spec.releaseToNodesWhenDone);

    // The impact against the fleet state: development and locked devices are skipped; v6 has
    // only run on development units, so every other device is flashed.
    const QList<Domain::Device> devices = devicesUnder(m_console.state(), node);
    int development = 0;
    int locked = 0;
    int targeted = 0;
    int inTest = 0;
    QStringList targetedIds;
    const Domain::Hierarchy hierarchy = m_console.state().hierarchy();
    for (const Domain::Device &d : devices) {
        if (d.development) {
            ++development;
        } else if (d.desiredFirmwareVersion) {
            ++locked;
        } else {
            ++targeted;
            targetedIds.append(d.id);
            const Domain::Placement p = Domain::placeDevice(d.groups, hierarchy);
            if (Domain::isAncestorOrSelf(QStringLiteral("acme--berlin--test"), p.path))
                ++inTest;
        }
    }
    QVERIFY(targeted > 3);
    QVERIFY(inTest > 0);
    const Domain::FlashImpact &impact = dialog->impact();
    QCOMPARE(impact.selected, static_cast<int>(devices.size()));
    QCOMPARE(impact.development, development);
    QCOMPARE(impact.locked, locked);
    QCOMPARE(impact.alreadyCurrent, 0);
    QCOMPARE(impact.downgrades, 0);
    QCOMPARE(impact.targeted, targeted);
    QVERIFY(dialog->downgradeText().isEmpty());
    const QList<int> waves = dialog->plannedWaveCounts();
    QCOMPARE(waves.size(), 3);
    QCOMPARE(waves.at(0), inTest);
    QCOMPARE(waves.at(1), (targeted - inTest + 3) / 4); // 25% of the rest, rounded up
    QCOMPARE(waves.at(0) + waves.at(1) + waves.at(2), targeted);
    QCOMPARE(dialog->wavesTable()->item(0, 1)->text(), QString::number(inTest));
    QCOMPARE(
        dialog->startButton()->text(), QStringLiteral("Start rollout to %1 devices").arg(targeted));

    // Start: the rollout runs in the engine and the monitor opens on it.
    QVERIFY(dialog->startButton()->isEnabled());
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(rollouts()->rolloutIds().size() == 1, CloudTimeoutMs);
    const qint64 id = rollouts()->rolloutIds().constFirst();
    QTRY_VERIFY(window->rolloutMonitor() && window->rolloutMonitor()->isVisible());
    Views::RolloutMonitor *monitor = window->rolloutMonitor();
    QCOMPARE(monitor->currentRollout(), id);
    QCOMPARE(monitor->listModel()->rowCount(), 1);
    QCOMPARE(monitor->wavesModel()->rowCount(), 3);
    QCOMPARE(monitor->devicesModel()->rowCount(), static_cast<int>(devices.size()));
    const Domain::Rollout *rollout = rollouts()->rollout(id);
    QVERIFY(rollout);
    QCOMPARE(rollout->spec.version, 6);
    QCOMPARE(rollout->spec.method, Domain::RolloutMethod::Staged);

    // The status bar sums it up while it runs.
    QVERIFY2(window->rolloutLabel()->text().startsWith(QStringLiteral("Rollout v6 to ")),
        qPrintable(window->rolloutLabel()->text()));

    // The devices reach Succeeded, wave after wave; the monitor follows.
    QTRY_VERIFY_WITH_TIMEOUT(monitor->wavesModel()->counts(0).succeeded == inTest, CloudTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        rollouts()->rollout(id)->state == Domain::RolloutState::Completed, 3 * CloudTimeoutMs);
    for (int w = 0; w < 3; ++w) {
        const Domain::WaveCounts counts = monitor->wavesModel()->counts(w);
        QCOMPARE(counts.succeeded, waves.at(w));
        QCOMPARE(monitor->wavesModel()
                     ->index(w, Tree::RolloutWavesModel::ProgressColumn)
                     .data(Tree::ProgressRole)
                     .toInt(),
            100);
    }
    QCOMPARE(monitor->listModel()->index(0, 0).data(Tree::ProgressRole).toInt(), 100);
    QTRY_VERIFY(window->rolloutLabel()->isHidden()); // nothing active any more
    QVERIFY(!monitor->pauseButton()->isEnabled());
    QVERIFY(monitor->removeButton()->isEnabled());

    // The cloud agrees: the devices run v6.
    for (const QString &deviceId : targetedIds.mid(0, 3))
        QCOMPARE(
            m_console.cloudDevice(deviceId).value(QStringLiteral("firmware_version")).toInt(), 6);

    // The devices table filters by state.
    monitor->stateFilter()->setCurrentIndex(5); // Succeeded
    QCOMPARE(monitor->deviceFilter()->rowCount(), targeted);
    monitor->stateFilter()->setCurrentIndex(6); // Skipped, each with its reason
    QCOMPARE(monitor->deviceFilter()->rowCount(), development + locked);
    for (int row = 0; row < monitor->deviceFilter()->rowCount(); ++row)
        QVERIFY(!monitor->deviceFilter()
                     ->index(row, Tree::RolloutDevicesModel::ReasonColumn)
                     .data()
                     .toString()
                     .isEmpty());
    monitor->stateFilter()->setCurrentIndex(1); // Failed or timed out
    QCOMPARE(monitor->deviceFilter()->rowCount(), 0);
}

qint64 TestFlash::startWaitingRollout(const QString &node, QList<int> *waves)
{
    m_console.window()->selectNode(node);
    Views::FlashDialog *dialog = openFlash();
    if (!dialog || !dialog->selectVersion(6))
        return 0;
    QTableWidget *table = dialog->wavesTable();
    table->item(table->rowCount() - 1, 4)->setCheckState(Qt::Checked); // pause before the last
    if (!dialog->spec().waves.constLast().pauseBefore || !dialog->startButton()->isEnabled())
        return 0;
    *waves = dialog->plannedWaveCounts();
    const QList<qint64> before = rollouts()->rolloutIds();
    dialog->startButton()->click();
    if (!QTest::qWaitFor(
            [&] { return rollouts()->rolloutIds().size() == before.size() + 1; }, CloudTimeoutMs))
        return 0;
    return rollouts()->rolloutIds().constLast();
}

void TestFlash::monitorControlsPauseBeforeNextWaveAbortRemove()
{
    QVERIFY(m_console.open());
    QTRY_VERIFY(rollouts()->isStarted());
    Views::MainWindow *window = m_console.window();

    // Hamburg (no test group): 25%, then the rest, which waits for the operator.
    QList<int> waves;
    const qint64 id = startWaitingRollout(QStringLiteral("acme--hamburg"), &waves);
    QVERIFY(id > 0);
    QCOMPARE(waves.size(), 2);
    QVERIFY(waves.at(1) > 0);
    QTRY_VERIFY(window->rolloutMonitor() && window->rolloutMonitor()->isVisible());
    Views::RolloutMonitor *monitor = window->rolloutMonitor();
    QCOMPARE(monitor->currentRollout(), id);
    QTRY_VERIFY_WITH_TIMEOUT(
        rollouts()->rollout(id)->state == Domain::RolloutState::Paused, CloudTimeoutMs);
    QCOMPARE(monitor->wavesModel()->counts(0).succeeded, waves.at(0));
    QCOMPARE(monitor->wavesModel()->counts(1).pending, waves.at(1));
    // Paused: Resume and Start next wave, not Pause; the reason is shown.
    QVERIFY(!monitor->pauseButton()->isEnabled());
    QVERIFY(monitor->resumeButton()->isEnabled());
    QVERIFY(monitor->nextWaveButton()->isEnabled());
    QVERIFY(monitor->abortButton()->isEnabled());
    QVERIFY(!monitor->removeButton()->isEnabled());
    QVERIFY2(monitor->stateLabel()->text().contains(rollouts()->rollout(id)->stateReason),
        qPrintable(monitor->stateLabel()->text()));
    QVERIFY(window->rolloutLabel()->text().contains(QStringLiteral("Paused")));

    // The monitor names every device's node by its titles.
    for (int row = 0; row < monitor->devicesModel()->rowCount(); ++row) {
        const QString node = monitor->devicesModel()
                                 ->index(row, Tree::RolloutDevicesModel::NodeColumn)
                                 .data()
                                 .toString();
        QVERIFY2(node.startsWith(QStringLiteral("Acme Logistics \u203a Hamburg port"))
                && !node.contains(QLatin1String("--")),
            qPrintable(node));
    }
    // While it waits, v6 is released to the first wave's rollout group: the Flash dialog names
    // that rollout, not its group.
    const auto releasedToRolloutGroup = [this] {
        const Domain::Firmware fw = m_console.state().firmware.value(6);
        return std::any_of(fw.groups.cbegin(), fw.groups.cend(),
            [](const QString &g) { return Domain::isRolloutGroupName(g); });
    };
    action("actionSyncNow")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(releasedToRolloutGroup(), CloudTimeoutMs);
    window->selectNode(QStringLiteral("acme"));
    {
        Views::FlashDialog *flash = openFlash();
        QVERIFY(flash);
        QTreeWidgetItem *v6 = nullptr;
        for (int i = 0; i < flash->versionList()->topLevelItemCount(); ++i) {
            if (flash->versionList()->topLevelItem(i)->data(0, Qt::UserRole).toInt() == 6)
                v6 = flash->versionList()->topLevelItem(i);
        }
        QVERIFY(v6);
        const QString releasedTo = v6->text(3);
        QVERIFY2(releasedTo.contains(QStringLiteral(
                     "rollout \u201cv6 to Acme Logistics \u203a Hamburg port\u201d, wave 1")),
            qPrintable(releasedTo));
        for (const QString &text : {releasedTo, v6->toolTip(3)})
            QVERIFY2(!text.contains(QLatin1String("flotilla-rollout-"))
                    && !text.contains(QLatin1String("--")),
                qPrintable(text));
        flash->reject();
        QTRY_COMPARE(QApplication::activeModalWidget(), nullptr);
    }

    QTest::mouseClick(monitor->nextWaveButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        rollouts()->rollout(id)->state == Domain::RolloutState::Completed, 2 * CloudTimeoutMs);
    QCOMPARE(monitor->wavesModel()->counts(1).succeeded, waves.at(1));

    // Roll back… says how many devices go back to which version, then returns them.
    QVERIFY(monitor->rollbackButton()->isEnabled());
    monitor->rollbackButton()->click();
    QTRY_VERIFY(activeModal<QMessageBox>() != nullptr);
    {
        QMessageBox *box = activeModal<QMessageBox>();
        QCOMPARE(box->objectName(), QStringLiteral("rollbackConfirmation"));
        const int back = waves.at(0) + waves.at(1);
        QVERIFY2(
            box->text().contains(QStringLiteral("%1 devices").arg(back)), qPrintable(box->text()));
        QAbstractButton *yes = nullptr;
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                yes = b;
        }
        QVERIFY(yes);
        yes->click();
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        rollouts()->rollout(id)->state == Domain::RolloutState::RolledBack, 2 * CloudTimeoutMs);
    for (const Domain::RolloutDevice &d : rollouts()->rollout(id)->devices) {
        if (d.wave < 0)
            continue;
        const QJsonObject cloud = m_console.cloudDevice(d.id);
        QCOMPARE(cloud.value(QStringLiteral("firmware_version")).toInt(), d.previousVersion);
        QCOMPARE(
            cloud.value(QStringLiteral("desired_firmware_version")).toInt(), d.previousVersion);
    }
    QVERIFY(!monitor->rollbackButton()->isEnabled());

    // Munich, stopped while it waits: Abort says what happens, then cancels the last wave.
    QList<int> munichWaves;
    const qint64 munich = startWaitingRollout(QStringLiteral("acme--munich"), &munichWaves);
    QVERIFY(munich > 0);
    QTRY_COMPARE(monitor->currentRollout(), munich);
    QCOMPARE(monitor->listModel()->rowCount(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(
        rollouts()->rollout(munich)->state == Domain::RolloutState::Paused, CloudTimeoutMs);
    monitor->abortButton()->click();
    QTRY_VERIFY(activeModal<QMessageBox>() != nullptr);
    QMessageBox *box = activeModal<QMessageBox>();
    QCOMPARE(box->objectName(), QStringLiteral("abortConfirmation"));
    QVERIFY2(
        box->text().contains(QStringLiteral("%1 devices not yet started").arg(munichWaves.at(1))),
        qPrintable(box->text()));
    QAbstractButton *abort = nullptr;
    for (QAbstractButton *b : box->buttons()) {
        if (box->buttonRole(b) == QMessageBox::DestructiveRole)
            abort = b;
    }
    QVERIFY(abort);
    abort->click();
    QTRY_VERIFY_WITH_TIMEOUT(
        rollouts()->rollout(munich)->state == Domain::RolloutState::Aborted, CloudTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        monitor->wavesModel()->counts(1).cancelled, munichWaves.at(1), CloudTimeoutMs);
    monitor->stateFilter()->setCurrentIndex(7); // Cancelled
    QCOMPARE(monitor->deviceFilter()->rowCount(), munichWaves.at(1));
    QVERIFY(!monitor->abortButton()->isEnabled());
    QTRY_VERIFY(monitor->removeButton()->isEnabled());

    // Remove forgets it: the list shows the other rollout.
    monitor->removeButton()->click();
    QTRY_COMPARE(monitor->listModel()->rowCount(), 1);
    QVERIFY(!monitor->listModel()->indexForRollout(munich).isValid());
    QCOMPARE(monitor->currentRollout(), id);
}

void TestFlash::uploadNewVersionFromTheDialog()
{
    QVERIFY(m_console.open());
    m_console.window()->selectNode(QStringLiteral("acme"));
    Views::FlashDialog *flash = openFlash();
    QVERIFY(flash);
    const int next = m_console.state().firmware.lastKey() + 1;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tracker.bin"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, '\x5a'));
    }
    flash->uploadButton()->click();
    QTRY_VERIFY(activeModal<QDialog>() && activeModal<QDialog>() != flash);
    const QPointer<QDialog> upload = activeModal<QDialog>(); // deleted once it closes
    QCOMPARE(upload->objectName(), QStringLiteral("uploadFirmwareDialog"));
    auto *version = upload->findChild<QSpinBox *>(QStringLiteral("uploadVersion"));
    QCOMPARE(version->value(), next); // suggested: the next free version
    upload->findChild<QLineEdit *>(QStringLiteral("uploadFile"))->setText(path);
    auto *status = upload->findChild<QLabel *>(QStringLiteral("uploadStatus"));
    QPushButton *send = nullptr;
    for (QPushButton *b : upload->findChildren<QPushButton *>()) {
        if (b->text() == QStringLiteral("Upload"))
            send = b;
    }
    QVERIFY(send);

    // A title is needed; an existing version is refused by the cloud, said clearly.
    send->click();
    QVERIFY(!status->text().isEmpty());
    QVERIFY(upload->isVisible());
    upload->findChild<QLineEdit *>(QStringLiteral("uploadTitle"))
        ->setText(QStringLiteral("Tracker 7"));
    version->setValue(6);
    send->click();
    QTRY_VERIFY_WITH_TIMEOUT(send->isEnabled(), CloudTimeoutMs); // busy while it is sent
    QVERIFY2(status->text().contains(QStringLiteral("exists")), qPrintable(status->text()));
    QVERIFY(upload->isVisible());

    version->setValue(next);
    send->click();
    QTRY_VERIFY_WITH_TIMEOUT(!upload, CloudTimeoutMs);
    QCOMPARE(flash->version(), next); // listed and chosen at once
    QTRY_VERIFY_WITH_TIMEOUT(m_console.state().firmware.contains(next), CloudTimeoutMs);
    QCOMPARE(m_console.state().firmware.value(next).title, QStringLiteral("Tracker 7"));
    flash->reject();
}

QTEST_MAIN(TestFlash)
#include "tst_flash.moc"
