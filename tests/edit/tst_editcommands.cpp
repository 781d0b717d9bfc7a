// SPDX-License-Identifier: MIT
// Undo/redo of moves: MoveDevicesCommand, MoveNodeCommand, EntriesCommand and
// RepairDevicesCommand on a QUndoStack, through a recording EditExecutor that keeps its own
// FleetState and feeds a FleetTreeModel, as FleetEditor on the sync engine does.
#include "../tree/treefixture.h"
#include "edit/commands.h"
#include "sync/outboxops.h"
#include "tree/fleettreemodel.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using namespace Flotilla;
using namespace Flotilla::TreeTest;
using Tree::FleetTreeModel;

namespace {

QString targetText(const Domain::MoveTarget &t)
{
    switch (t.kind) {
    case Domain::MoveTarget::Kind::Unassigned:
        return QStringLiteral("unassigned");
    case Domain::MoveTarget::Kind::Returns:
        return QStringLiteral("returns");
    case Domain::MoveTarget::Kind::Node:
        break;
    }
    return t.path;
}

QString shortIds(const QStringList &ids)
{
    QStringList out;
    for (const QString &id : ids)
        out.append(id.right(3));
    return out.join(QLatin1Char(','));
}

// Does what the engine does to the state (groups by planMove, renames with memberships) and
// records each call; a model, when given, follows every change through applyDelta.
class RecordingExecutor final : public Edit::EditExecutor
{
public:
    explicit RecordingExecutor(Sync::FleetState state, FleetTreeModel *model = nullptr)
        : m_state(std::move(state))
        , m_model(model)
    { }

    QString moveDevices(const QStringList &ids, const Domain::MoveTarget &target) override
    {
        calls.append(QStringLiteral("move %1 -> %2").arg(shortIds(ids), targetText(target)));
        if (!refuse.isEmpty())
            return refuse;
        Sync::FleetState next = m_state;
        const Domain::Hierarchy h = next.hierarchy();
        const QString toAccount = target.kind == Domain::MoveTarget::Kind::Node
            ? Domain::accountOf(target.path, h)
            : QString();
        for (const QString &id : ids) {
            if (!next.devices.contains(id))
                return QStringLiteral("Unknown device %1").arg(id);
            Domain::Device &d = next.devices[id];
            d.groups = Domain::applyDelta(d.groups, Domain::planMove(d.groups, target, h));
            if (!toAccount.isEmpty())
                d.owner = toAccount;
        }
        commit(next);
        return QString();
    }
    QString setDeviceGroups(const QHash<QString, QStringList> &groupsByDevice) override
    {
        QStringList ids = groupsByDevice.keys();
        ids.sort();
        calls.append(QStringLiteral("restore %1").arg(shortIds(ids)));
        if (!refuse.isEmpty())
            return refuse;
        Sync::FleetState next = m_state;
        for (auto it = groupsByDevice.cbegin(); it != groupsByDevice.cend(); ++it)
            next.devices[it.key()].groups = it.value();
        commit(next);
        return QString();
    }
    QString changeSubtree(const Edit::SubtreeEdit &edit) override
    {
        QStringList renames;
        for (const Domain::GroupRename &r : edit.renames)
            renames.append(r.from + QStringLiteral("->") + r.to);
        calls.append(QStringLiteral("subtree %1 | %2 | +%3 -%4 | %5")
                         .arg(renames.join(QLatin1Char(' ')), shortIds(edit.deviceIds),
                             edit.memberDelta.add.join(QLatin1Char(',')),
                             edit.memberDelta.remove.join(QLatin1Char(',')),
                             edit.fromAccount + QStringLiteral("->") + edit.toAccount));
        if (!refuse.isEmpty())
            return refuse;
        Sync::FleetState next = m_state;
        for (const Domain::GroupRename &r : edit.renames) {
            if (!next.groups.contains(r.from))
                return QStringLiteral("There is no group '%1'").arg(r.from);
        }
        renameGroups(next, edit.renames);
        for (const QString &id : edit.deviceIds) {
            Domain::Device &d = next.devices[id];
            d.groups = Domain::applyDelta(d.groups, edit.memberDelta);
            if (d.owner == edit.fromAccount || !edit.toAccount.isEmpty())
                d.owner = edit.toAccount;
        }
        commit(next);
        return QString();
    }

    QString applyEntries(const QString &action, const QString &subject,
        const QList<Store::OutboxEntry> &entries) override
    {
        QStringList kinds;
        for (const Store::OutboxEntry &e : entries)
            kinds.append(e.kind);
        calls.append(
            QStringLiteral("%1 %2: %3").arg(action, subject, kinds.join(QLatin1Char(' '))));
        if (!refuse.isEmpty())
            return refuse;
        Sync::FleetState next = m_state;
        for (const Store::OutboxEntry &e : entries) {
            Sync::Outbox::applyToGroups(next.groups, e);
            for (Domain::Device &d : next.devices)
                Sync::Outbox::applyToDevice(d, e);
        }
        commit(next);
        return QString();
    }

    const Sync::FleetState &state() const { return m_state; }
    QStringList calls;
    QString refuse; // when set, every call is refused with it

private:
    void commit(Sync::FleetState next)
    {
        retarget(next);
        const Sync::FleetDelta delta = follow(m_state, next);
        if (m_model)
            m_model->applyDelta(m_state, delta);
    }

    Sync::FleetState m_state;
    FleetTreeModel *m_model;
};

QHash<QString, QStringList> groupsOf(const Sync::FleetState &s)
{
    QHash<QString, QStringList> out;
    for (const Domain::Device &d : s.devices)
        out.insert(d.id, d.groups);
    return out;
}

} // namespace

class TestEditCommands final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void targetLabels()
    {
        const Domain::Hierarchy h = smallFleet().hierarchy();
        QCOMPARE(Edit::targetLabel(h, Domain::MoveTarget::node(QStringLiteral("acme--berlin"))),
            QStringLiteral("Acme Logistics \u203a Berlin depot"));
        QCOMPARE(
            Edit::targetLabel(h, Domain::MoveTarget::unassigned()), QStringLiteral("Unassigned"));
        QCOMPARE(Edit::targetLabel(h, Domain::MoveTarget::returns()), QStringLiteral("Returns"));
    }

    // Devices from a node, Unassigned, Returns and Needs repair to one node; undo puts each
    // back where it was (grouped by original place), Needs repair with its exact groups.
    void moveDevicesUndoRedo()
    {
        FleetTreeModel model;
        const TestedModel tested(&model);
        const Sync::FleetState original = smallFleet();
        model.reset(original, {});
        const QStringList treeBefore = dump(model);
        RecordingExecutor executor(original, &model);
        QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);

        const QStringList ids {deviceId(2), deviceId(7), deviceId(8), deviceId(9), deviceId(1)};
        auto command = Edit::MoveDevicesCommand::create(
            &executor, original, ids, Domain::MoveTarget::node(QStringLiteral("beta--north")));
        QCOMPARE(command->text(), QStringLiteral("Move 5 devices to Beta Energy \u203a North"));
        QCOMPARE(command->deviceIds(), ids);
        QCOMPARE(command->original().value(deviceId(7)).target, Domain::MoveTarget::unassigned());
        QCOMPARE(command->original().value(deviceId(8)).target, Domain::MoveTarget::returns());
        QVERIFY(command->original().value(deviceId(9)).inconsistent);
        QCOMPARE(command->original().value(deviceId(9)).groups,
            (QStringList {QStringLiteral("acme"), QStringLiteral("beta")}));

        QUndoStack stack;
        stack.push(command.release());
        QCOMPARE(stack.count(), 1);
        QCOMPARE(executor.calls,
            QStringList {QStringLiteral("move 002,007,008,009,001 -> beta--north")});
        QCOMPARE(model.rowCount(model.indexForNode(QStringLiteral("beta--north"))), 6);
        QCOMPARE(dump(model), fresh(executor.state()));

        executor.calls.clear();
        stack.undo();
        QCOMPARE(executor.calls,
            (QStringList {QStringLiteral("move 007 -> unassigned"),
                QStringLiteral("move 008 -> returns"),
                QStringLiteral("move 002,001 -> acme--berlin"), QStringLiteral("restore 009")}));
        QCOMPARE(groupsOf(executor.state()), groupsOf(original));
        QCOMPARE(dump(model), treeBefore);

        executor.calls.clear();
        stack.redo();
        QCOMPARE(executor.calls,
            QStringList {QStringLiteral("move 002,007,008,009,001 -> beta--north")});
        QCOMPARE(dump(model), fresh(executor.state()));
        QCOMPARE(resets.count(), 0);
    }

    void oneDeviceIsNamed()
    {
        RecordingExecutor executor(smallFleet());
        auto command = Edit::MoveDevicesCommand::create(&executor, executor.state(),
            {deviceId(1), QStringLiteral("unknown"), deviceId(1)}, Domain::MoveTarget::returns());
        QCOMPARE(command->text(), QStringLiteral("Move alpha to Returns"));
        QCOMPARE(command->deviceIds(), QStringList {deviceId(1)});
    }

    // A refused move leaves no command on the stack, and says why.
    void refusedMoveIsDropped()
    {
        RecordingExecutor executor(smallFleet());
        executor.refuse = QStringLiteral("The fleet is still loading");
        auto command = Edit::MoveDevicesCommand::create(
            &executor, executor.state(), {deviceId(1)}, Domain::MoveTarget::returns());
        Edit::MoveDevicesCommand *raw = command.get();
        raw->redo();
        QCOMPARE(raw->error(), QStringLiteral("The fleet is still loading"));
        QVERIFY(raw->isObsolete());
        QUndoStack stack;
        stack.push(command.release()); // redone again, refused again: deleted by the stack
        QCOMPARE(stack.count(), 0);
    }

    // A group subtree to another customer: one edit (renames, member delta, accounts); undo is
    // the inverse edit and restores every name and membership.
    void moveNodeUndoRedo()
    {
        FleetTreeModel model;
        const TestedModel tested(&model);
        const Sync::FleetState original = smallFleet();
        model.reset(original, {});
        const QStringList treeBefore = dump(model);
        RecordingExecutor executor(original, &model);

        QString error;
        auto command = Edit::MoveNodeCommand::move(&executor, original,
            QStringLiteral("acme--berlin"), QStringLiteral("beta"), QString(), &error);
        QVERIFY2(command, qPrintable(error));
        QCOMPARE(command->text(), QStringLiteral("Move Berlin depot to Beta Energy"));
        const Edit::SubtreeEdit edit = command->edit();
        QCOMPARE(edit.renames.size(), 2);
        QCOMPARE(edit.deviceIds, (QStringList {deviceId(1), deviceId(2), deviceId(3)}));
        QCOMPARE(edit.memberDelta.add, QStringList {QStringLiteral("beta")});
        QCOMPARE(edit.memberDelta.remove, QStringList {QStringLiteral("acme")});
        QCOMPARE(edit.fromAccount, QStringLiteral("ops@acme.example"));
        QVERIFY(edit.toAccount.isEmpty());
        QCOMPARE(edit.inverse().inverse(), edit);

        const QPersistentModelIndex berlin = model.indexForNode(QStringLiteral("acme--berlin"));
        QUndoStack stack;
        stack.push(command.release());
        QCOMPARE(executor.calls,
            QStringList {QStringLiteral("subtree acme--berlin->beta--berlin "
                                        "acme--berlin--test->beta--berlin--test | 001,002,003 | "
                                        "+beta -acme | ops@acme.example->")});
        QCOMPARE(QModelIndex(berlin), model.indexForNode(QStringLiteral("beta--berlin")));
        QCOMPARE(dump(model), fresh(executor.state()));

        executor.calls.clear();
        stack.undo();
        QCOMPARE(executor.calls,
            QStringList {QStringLiteral("subtree beta--berlin->acme--berlin "
                                        "beta--berlin--test->acme--berlin--test | 001,002,003 | "
                                        "+acme -beta | ->ops@acme.example")});
        QCOMPARE(groupsOf(executor.state()), groupsOf(original));
        QCOMPARE(executor.state().groups.keys(), original.groups.keys());
        QCOMPARE(QModelIndex(berlin), model.indexForNode(QStringLiteral("acme--berlin")));
        QCOMPARE(dump(model), treeBefore);
        stack.redo();
        QCOMPARE(dump(model), fresh(executor.state()));
    }

    void renameNodeUndoRedo()
    {
        FleetTreeModel model;
        const TestedModel tested(&model);
        const Sync::FleetState original = smallFleet();
        model.reset(original, {});
        RecordingExecutor executor(original, &model);
        QString error;
        auto command = Edit::MoveNodeCommand::rename(
            &executor, original, QStringLiteral("acme"), QStringLiteral("acme-log"), &error);
        QVERIFY2(command, qPrintable(error));
        QCOMPARE(command->text(), QStringLiteral("Rename Acme Logistics to 'acme-log'"));
        QVERIFY(command->edit().memberDelta.isEmpty());
        QCOMPARE(command->edit().renames.size(), 4);
        QUndoStack stack;
        stack.push(command.release());
        QVERIFY(model.indexForNode(QStringLiteral("acme-log--berlin--test")).isValid());
        QCOMPARE(dump(model), fresh(executor.state()));
        stack.undo();
        QCOMPARE(groupsOf(executor.state()), groupsOf(original));
        QCOMPARE(executor.state().groups.keys(), original.groups.keys());
        QCOMPARE(dump(model), fresh(original));
    }

    void refusedPlans()
    {
        RecordingExecutor executor(smallFleet());
        QString error;
        QVERIFY(!Edit::MoveNodeCommand::move(&executor, executor.state(),
            QStringLiteral("acme--berlin"), QStringLiteral("acme--berlin--test"), QString(),
            &error));
        QVERIFY(error.contains(QStringLiteral("own subtree")));
        QVERIFY(!Edit::MoveNodeCommand::move(&executor, executor.state(), QStringLiteral("acme"),
            QStringLiteral("beta"), QString(), &error));
        QVERIFY(error.contains(QStringLiteral("customer")));
        QVERIFY(!Edit::MoveNodeCommand::rename(&executor, executor.state(), QStringLiteral("acme"),
            QStringLiteral("Bad Slug"), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(executor.calls.isEmpty());
    }

    // Fixed entries: redo applies the first list, undo the second, as "undo <action>".
    void entriesCommand()
    {
        RecordingExecutor executor(smallFleet());
        Domain::Group south;
        south.name = QStringLiteral("beta--south");
        south.description = QStringLiteral("South [flotilla:group]");
        QUndoStack stack;
        stack.push(new Edit::EntriesCommand(&executor, QStringLiteral("create group"), south.name,
            {Sync::Outbox::createGroup(south)}, {Sync::Outbox::deleteGroup(south.name)},
            QStringLiteral("Create group South")));
        QVERIFY(executor.state().groups.contains(south.name));
        QCOMPARE(stack.undoText(), QStringLiteral("Create group South"));
        stack.undo();
        QVERIFY(!executor.state().groups.contains(south.name));
        QCOMPARE(executor.calls,
            (QStringList {QStringLiteral("create group beta--south: group.create"),
                QStringLiteral("undo create group beta--south: group.delete")}));
    }

    // A plan refused when the command runs makes it obsolete: the stack drops it.
    void refusedEntriesPlan()
    {
        RecordingExecutor executor(smallFleet());
        QUndoStack stack;
        auto *command = new Edit::EntriesCommand(
            &executor, QStringLiteral("batch"), QStringLiteral("2 changes"),
            [] {
                return Edit::PlannedEntries {{}, QStringLiteral("no longer possible")};
            },
            [] { return Edit::PlannedEntries {}; }, QStringLiteral("Import 2 changes"));
        stack.push(command);
        QCOMPARE(stack.count(), 0);
        QVERIFY(executor.calls.isEmpty());
    }

    void repairAndUndo()
    {
        RecordingExecutor executor(smallFleet());
        const QStringList before = executor.state().devices.value(deviceId(9)).groups;
        const QStringList after = Domain::repairGroups(before, executor.state().hierarchy());
        QVERIFY(before != after);
        QUndoStack stack;
        stack.push(new Edit::RepairDevicesCommand(&executor, {{deviceId(9), before}},
            {{deviceId(9), after}}, QStringLiteral("Repair 1 device")));
        QCOMPARE(executor.state().devices.value(deviceId(9)).groups, after);
        stack.undo();
        QCOMPARE(executor.state().devices.value(deviceId(9)).groups, before);
        executor.refuse = QStringLiteral("refused");
        stack.redo();
        QCOMPARE(stack.count(), 0); // refused: dropped
        QCOMPARE(executor.state().devices.value(deviceId(9)).groups, before);
    }

private:
    static QStringList fresh(const Sync::FleetState &state)
    {
        FleetTreeModel m;
        m.reset(state, {});
        return dump(m);
    }
};

QTEST_MAIN(TestEditCommands)
#include "tst_editcommands.moc"
