// SPDX-License-Identifier: MIT
// The rollout monitor's item models (tree/rolloutmodels.h) under QAbstractItemModelTester: the
// rollouts list, the waves of one rollout and its devices with the state and text filter. The
// rollouts are values kept by the test and read through the models' RolloutSource, with the
// wave counts of Domain::countWave; changes are announced the way the engine announces them,
// and the tests check that they arrive as row inserts, removals and dataChanged on exactly the
// rows concerned (a reset only when another rollout is chosen). Nodes and rollout groups are
// named by their titles, never by their Particle group names.
#include "domain/hierarchy.h"
#include "tree/rolloutmodels.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Flotilla;
using Domain::RolloutDeviceState;

namespace {

Domain::RolloutDevice device(const QString &id, int wave, RolloutDeviceState state)
{
    Domain::RolloutDevice d;
    d.id = id;
    d.name = QStringLiteral("unit-") + id;
    d.node = QStringLiteral("acme--berlin");
    d.wave = wave;
    d.state = state;
    d.previousVersion = 5;
    return d;
}

// Three waves: a test group (2 devices), 50% (3), the rest (3), plus one skipped device.
Domain::Rollout makeRollout(qint64 id, const QString &title)
{
    Domain::Rollout r;
    r.id = id;
    r.spec.title = title;
    r.spec.version = 6;
    r.spec.method = Domain::RolloutMethod::Staged;
    r.spec.nodes = {QStringLiteral("acme")};
    Domain::WaveSpec test;
    test.nodes = {QStringLiteral("acme--berlin--test")};
    test.name = QStringLiteral("Berlin test bench");
    Domain::WaveSpec half;
    half.percent = 50;
    Domain::WaveSpec rest;
    r.spec.waves = {test, half, rest};
    r.waves.resize(3);
    r.waves[0].state = Domain::WaveState::Running;
    r.devices = {device(QStringLiteral("a1"), 0, RolloutDeviceState::Waiting),
        device(QStringLiteral("a2"), 0, RolloutDeviceState::Updating),
        device(QStringLiteral("b1"), 1, RolloutDeviceState::Pending),
        device(QStringLiteral("b2"), 1, RolloutDeviceState::Pending),
        device(QStringLiteral("b3"), 1, RolloutDeviceState::Pending),
        device(QStringLiteral("c1"), 2, RolloutDeviceState::Pending),
        device(QStringLiteral("c2"), 2, RolloutDeviceState::Pending),
        device(QStringLiteral("c3"), 2, RolloutDeviceState::Pending),
        device(QStringLiteral("dev"), -1, RolloutDeviceState::Skipped)};
    r.devices.last().reason = QStringLiteral("Development device: never updated by the cloud.");
    r.spec.nodeTitles = {{QStringLiteral("acme"), QStringLiteral("Acme Logistics")},
        {QStringLiteral("acme--berlin"), QStringLiteral("Acme Logistics \u203a Berlin depot")},
        {QStringLiteral("acme--berlin--test"),
            QStringLiteral("Acme Logistics \u203a Berlin depot \u203a Test")}};
    return r;
}

// "path|title" per node: customers for one slug, groups below.
Domain::Hierarchy treeOf(const QStringList &specs, const QStringList &labels = {})
{
    QList<Domain::Group> groups;
    for (const QString &spec : specs) {
        Domain::Group g;
        g.name = spec.section(QLatin1Char('|'), 0, 0);
        Domain::NodeTag tag;
        tag.kind
            = Domain::pathDepth(g.name) == 1 ? Domain::NodeKind::Customer : Domain::NodeKind::Group;
        tag.title = spec.section(QLatin1Char('|'), 1);
        g.description = Domain::formatDescription(tag);
        groups.append(g);
    }
    for (const QString &label : labels)
        groups.append(Domain::Group {label, QString(), QString(), std::nullopt});
    return Domain::Hierarchy(groups);
}

// The rollouts the models read, as the engine would keep them.
class Rollouts
{
public:
    QMap<qint64, Domain::Rollout> map;

    Tree::RolloutSource source()
    {
        Tree::RolloutSource s;
        s.ids = [this] { return map.keys(); };
        s.rollout = [this](qint64 id) -> const Domain::Rollout * {
            const auto it = map.constFind(id);
            return it == map.cend() ? nullptr : &*it;
        };
        s.waveCounts = [this](qint64 id, int wave) {
            return Domain::countWave(map.value(id).devices, wave);
        };
        return s;
    }
    void setState(qint64 id, const QString &deviceId, RolloutDeviceState state)
    {
        for (Domain::RolloutDevice &d : map[id].devices) {
            if (d.id == deviceId)
                d.state = state;
        }
    }
};

QList<int> changedRows(const QSignalSpy &spy)
{
    QList<int> rows;
    for (const QList<QVariant> &args : spy) {
        const auto from = args.at(0).toModelIndex();
        const auto to = args.at(1).toModelIndex();
        for (int r = from.row(); r <= to.row(); ++r)
            rows.append(r);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

} // namespace

class TestRolloutModels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listFollowsAddChangeRemove();
    void wavesCountAndChangeOnlyTheirRows();
    void devicesChangeOnlyTheirRows();
    void filterByStateAndText();
    void switchingRolloutResets();
    void nodesAreNamedByTheirTitles();
    void releasedToNamesRolloutsAndNodes();
};

void TestRolloutModels::listFollowsAddChangeRemove()
{
    Rollouts rollouts;
    rollouts.map.insert(1, makeRollout(1, QStringLiteral("v6 to Acme")));
    Tree::RolloutListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(rollouts.source());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, Tree::RolloutListModel::TitleColumn).data().toString(),
        QStringLiteral("v6 to Acme"));
    QCOMPARE(model.index(0, Tree::RolloutListModel::StateColumn).data().toString(),
        Domain::displayName(Domain::RolloutState::Running));
    QCOMPARE(model.index(0, 0).data(Tree::ProgressRole).toInt(), 0);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    Domain::Rollout second = makeRollout(2, QString());
    rollouts.map.insert(2, second);
    model.rolloutAdded(2);
    model.rolloutAdded(2); // announced twice: one row
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rolloutAt(1), 2);
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("v6")); // no title

    // Two of the 8 targeted devices succeed: 25%, on that row only.
    rollouts.setState(2, QStringLiteral("a1"), RolloutDeviceState::Succeeded);
    rollouts.setState(2, QStringLiteral("a2"), RolloutDeviceState::Succeeded);
    rollouts.map[2].requests = 1234;
    model.rolloutChanged(2);
    QCOMPARE(changedRows(changed), QList<int> {1});
    QCOMPARE(model.index(1, 0).data(Tree::ProgressRole).toInt(), 25);
    QCOMPARE(model.index(1, Tree::RolloutListModel::ProgressColumn).data().toString(),
        QStringLiteral("2/8 (25%)"));
    QCOMPARE(
        model.index(1, Tree::RolloutListModel::RequestsColumn).data(Tree::RolloutSortRole).toInt(),
        1234);

    rollouts.map.remove(1);
    model.rolloutRemoved(1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.indexForRollout(2).row(), 0);
    QVERIFY(!model.indexForRollout(1).isValid());
    QCOMPARE(reset.size(), 0);
}

void TestRolloutModels::wavesCountAndChangeOnlyTheirRows()
{
    Rollouts rollouts;
    rollouts.map.insert(7, makeRollout(7, QStringLiteral("v6 to Acme")));
    Tree::RolloutWavesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(rollouts.source());
    QCOMPARE(model.rowCount(), 0);
    model.setRollout(7);
    QCOMPARE(model.rowCount(), 3);
    using W = Tree::RolloutWavesModel;
    QCOMPARE(model.index(0, W::NameColumn).data().toString(), QStringLiteral("Berlin test bench"));
    QCOMPARE(model.index(1, W::NameColumn).data().toString(),
        Domain::waveTitle(rollouts.map[7].spec.waves.at(1)));
    QCOMPARE(model.index(0, W::DevicesColumn).data().toInt(), 2);
    QCOMPARE(model.index(1, W::DevicesColumn).data().toInt(), 3);
    QCOMPARE(model.index(0, W::WaitingColumn).data().toInt(), 1);
    QCOMPARE(model.index(0, W::UpdatingColumn).data().toInt(), 1);
    QCOMPARE(model.index(1, W::PendingColumn).data().toInt(), 3);
    QCOMPARE(model.index(0, W::SuccessThresholdColumn).data().toString(), QStringLiteral("95%"));
    QCOMPARE(model.index(0, W::FailureThresholdColumn).data().toString(), QStringLiteral("10%"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    // One device of wave 0 succeeds, one of wave 2 fails: rows 0 and 2 change, not row 1.
    rollouts.setState(7, QStringLiteral("a1"), RolloutDeviceState::Succeeded);
    rollouts.setState(7, QStringLiteral("c2"), RolloutDeviceState::Failed);
    model.devicesChanged(7, {QStringLiteral("a1"), QStringLiteral("c2")});
    QCOMPARE(changedRows(changed), (QList<int> {0, 2}));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.index(0, W::SucceededColumn).data().toInt(), 1);
    QCOMPARE(model.index(0, W::ProgressColumn).data(Tree::ProgressRole).toInt(), 50);
    QCOMPARE(model.index(2, W::FailedColumn).data().toInt(), 1);
    QCOMPARE(model.counts(2).failures(), 1);

    // Another rollout's change does nothing here; nothing changed: no signal.
    changed.clear();
    model.rolloutChanged(8);
    model.rolloutChanged(7);
    QCOMPARE(changed.size(), 0);

    // A wave that starts changes its state column.
    rollouts.map[7].waves[1].state = Domain::WaveState::Running;
    model.rolloutChanged(7);
    QCOMPARE(changedRows(changed), QList<int> {1});

    rollouts.map.remove(7);
    model.rolloutRemoved(7);
    QCOMPARE(model.rowCount(), 0);
}

void TestRolloutModels::devicesChangeOnlyTheirRows()
{
    Rollouts rollouts;
    rollouts.map.insert(3, makeRollout(3, QStringLiteral("v6 to Acme")));
    Tree::RolloutDevicesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(rollouts.source());
    model.setRollout(3);
    QCOMPARE(model.rowCount(), 9);
    using D = Tree::RolloutDevicesModel;
    QCOMPARE(model.index(0, D::NameColumn).data().toString(), QStringLiteral("unit-a1"));
    QCOMPARE(model.index(0, D::WaveColumn).data().toString(), QStringLiteral("Berlin test bench"));
    QCOMPARE(model.index(0, D::PreviousVersionColumn).data().toString(), QStringLiteral("v5"));
    QCOMPARE(model.index(8, D::StateColumn).data().toString(),
        Domain::displayName(RolloutDeviceState::Skipped));
    QVERIFY(
        model.index(8, D::ReasonColumn).data().toString().contains(QStringLiteral("Development")));
    QCOMPARE(model.indexForDevice(QStringLiteral("b2")).row(), 3);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    rollouts.setState(3, QStringLiteral("b1"), RolloutDeviceState::Waiting);
    rollouts.setState(3, QStringLiteral("b2"), RolloutDeviceState::Waiting);
    rollouts.setState(3, QStringLiteral("c3"), RolloutDeviceState::Waiting);
    model.devicesChanged(3,
        {QStringLiteral("c3"), QStringLiteral("b2"), QStringLiteral("b1"), QStringLiteral("zz")});
    QCOMPARE(changedRows(changed), (QList<int> {2, 3, 7}));
    QCOMPARE(changed.size(), 2); // rows 2-3 in one signal, row 7 in another
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.index(7, D::StateColumn).data(Tree::RolloutDeviceStateRole).toInt(),
        static_cast<int>(RolloutDeviceState::Waiting));
    model.devicesChanged(4, {QStringLiteral("a1")}); // another rollout
    QCOMPARE(changed.size(), 2);
}

void TestRolloutModels::filterByStateAndText()
{
    Rollouts rollouts;
    rollouts.map.insert(3, makeRollout(3, QStringLiteral("v6 to Acme")));
    rollouts.setState(3, QStringLiteral("b1"), RolloutDeviceState::Failed);
    rollouts.map[3].devices[2].reason = QStringLiteral("The update failed: bad CRC.");
    Tree::RolloutDevicesModel model;
    model.setSource(rollouts.source());
    model.setRollout(3);
    Tree::RolloutDeviceFilterModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    QCOMPARE(proxy.rowCount(), 9);

    proxy.setStates({RolloutDeviceState::Failed, RolloutDeviceState::TimedOut});
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data(Tree::DeviceIdRole).toString(), QStringLiteral("b1"));
    QCOMPARE(proxy.index(0, Tree::RolloutDevicesModel::ReasonColumn).data().toString(),
        QStringLiteral("The update failed: bad CRC."));

    // A device that fails later shows up (the filter follows dataChanged).
    rollouts.setState(3, QStringLiteral("c1"), RolloutDeviceState::TimedOut);
    model.devicesChanged(3, {QStringLiteral("c1")});
    QCOMPARE(proxy.rowCount(), 2);

    proxy.setStates({});
    proxy.setText(QStringLiteral("CRC"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setText(QStringLiteral("UNIT-C"));
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setStates({RolloutDeviceState::Pending});
    QCOMPARE(proxy.rowCount(), 2); // c2, c3 (c1 timed out)

    // Sorting by state uses the state's order, not its text.
    proxy.setStates({});
    proxy.setText(QString());
    proxy.sort(Tree::RolloutDevicesModel::StateColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data(Tree::DeviceIdRole).toString(), QStringLiteral("dev"));
}

void TestRolloutModels::switchingRolloutResets()
{
    Rollouts rollouts;
    rollouts.map.insert(1, makeRollout(1, QStringLiteral("one")));
    Domain::Rollout other = makeRollout(2, QStringLiteral("two"));
    other.devices.removeLast();
    other.spec.waves.removeFirst();
    other.waves.removeFirst();
    for (Domain::RolloutDevice &d : other.devices)
        d.wave = qMax(0, d.wave - 1);
    rollouts.map.insert(2, other);
    Tree::RolloutDevicesModel devices;
    Tree::RolloutWavesModel waves;
    QAbstractItemModelTester t1(&devices, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&waves, QAbstractItemModelTester::FailureReportingMode::QtTest);
    devices.setSource(rollouts.source());
    waves.setSource(rollouts.source());
    devices.setRollout(1);
    waves.setRollout(1);
    QSignalSpy reset(&devices, &QAbstractItemModel::modelReset);
    devices.setRollout(2);
    waves.setRollout(2);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(devices.rowCount(), 8);
    QCOMPARE(waves.rowCount(), 2);
    devices.setRollout(2); // the same: nothing
    QCOMPARE(reset.size(), 1);
    devices.setRollout(0);
    QCOMPARE(devices.rowCount(), 0);
}

void TestRolloutModels::nodesAreNamedByTheirTitles()
{
    Rollouts rollouts;
    rollouts.map.insert(3, makeRollout(3, QStringLiteral("v6 to Acme")));
    // A device at a node the rollout has no title for (planned by an older console) shows the
    // node's short names, still not its group name.
    rollouts.map[3].devices[5].node = QStringLiteral("acme--hamburg--cold-store");
    Tree::RolloutDevicesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(rollouts.source());
    model.setRollout(3);
    using D = Tree::RolloutDevicesModel;
    QCOMPARE(model.index(0, D::NodeColumn).data().toString(),
        QStringLiteral("Acme Logistics \u203a Berlin depot"));
    QCOMPARE(model.index(5, D::NodeColumn).data().toString(),
        QStringLiteral("acme \u203a hamburg \u203a cold-store"));
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY2(!model.index(row, D::NodeColumn).data().toString().contains(QLatin1String("--")),
            qPrintable(model.index(row, D::NodeColumn).data().toString()));

    // The text filter finds devices by the titles shown.
    Tree::RolloutDeviceFilterModel proxy;
    proxy.setSourceModel(&model);
    proxy.setText(QStringLiteral("berlin depot"));
    QCOMPARE(proxy.rowCount(), 8);

    // A test wave's tooltip lists its nodes by title.
    Tree::RolloutWavesModel waves;
    QAbstractItemModelTester wavesTester(
        &waves, QAbstractItemModelTester::FailureReportingMode::QtTest);
    waves.setSource(rollouts.source());
    waves.setRollout(3);
    QCOMPARE(waves.index(0, Tree::RolloutWavesModel::NameColumn).data(Qt::ToolTipRole).toString(),
        QStringLiteral("Acme Logistics \u203a Berlin depot \u203a Test"));

    // The list shows the whole title as a tooltip (the column may cut it).
    Tree::RolloutListModel list;
    QAbstractItemModelTester listTester(
        &list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    list.setSource(rollouts.source());
    QCOMPARE(list.index(0, Tree::RolloutListModel::TitleColumn).data(Qt::ToolTipRole).toString(),
        QStringLiteral("v6 to Acme"));
}

void TestRolloutModels::releasedToNamesRolloutsAndNodes()
{
    Rollouts rollouts;
    Domain::Rollout r = makeRollout(3, QStringLiteral("v6 to Acme Logistics \u203a Berlin depot"));
    r.spec.token = QStringLiteral("k3x9q2m7ab");
    rollouts.map.insert(3, r);
    const Domain::Hierarchy tree = treeOf(
        {QStringLiteral("acme|Acme Logistics"), QStringLiteral("acme--berlin|Berlin depot"),
            QStringLiteral("acme--berlin--test|Test")},
        {QStringLiteral("beta-testers"), QStringLiteral("flotilla-returns")});
    const auto text = [&](const QStringList &groups) {
        return Tree::releasedToText(tree, rollouts.source(), groups);
    };
    QCOMPARE(text({QStringLiteral("acme--berlin--test")}),
        QStringLiteral("Acme Logistics \u203a Berlin depot \u203a Test"));
    QCOMPARE(text({Domain::rolloutGroupName(QStringLiteral("k3x9q2m7ab"), 1)}),
        QStringLiteral("rollout \u201cv6 to Acme Logistics \u203a Berlin depot\u201d, wave 2"));
    // Several waves of one rollout are named once; nodes first, labels last.
    const QString all = text(
        {QStringLiteral("beta-testers"), Domain::rolloutGroupName(QStringLiteral("k3x9q2m7ab"), 2),
            Domain::rolloutGroupName(QStringLiteral("k3x9q2m7ab"), 0),
            Domain::rolloutGroupName(QStringLiteral("k3x9q2m7ab"), 1), QStringLiteral("acme")});
    QCOMPARE(all,
        QStringLiteral("Acme Logistics, rollout \u201cv6 to Acme Logistics \u203a Berlin "
                       "depot\u201d, waves 1, 2 and 3, beta-testers"));
    // A rollout this console does not know (another console's): no group name either.
    const QString other = text({Domain::rolloutGroupName(QStringLiteral("zz9"), 0)});
    QCOMPARE(other, QStringLiteral("another console's rollout, wave 1"));
    QCOMPARE(text({QStringLiteral("flotilla-returns")}), QStringLiteral("Returns"));
    for (const QString &shown : {all, other})
        QVERIFY2(!shown.contains(QLatin1String("flotilla-rollout-"))
                && !shown.contains(QLatin1String("--")),
            qPrintable(shown));
}

QTEST_GUILESS_MAIN(TestRolloutModels)
#include "tst_rolloutmodels.moc"
