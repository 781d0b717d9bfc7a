// SPDX-License-Identifier: MIT
#include "edit/commands.h"

#include "domain/nodepath.h"
#include "domain/text.h"

#include <QCoreApplication>
#include <QMap>

namespace Flotilla::Edit {

namespace {

// Where a placement is, as a move target (Needs repair has none).
std::optional<Domain::MoveTarget> targetOf(const Domain::Placement &placement)
{
    switch (placement.kind) {
    case Domain::PlacementKind::Unassigned:
        return Domain::MoveTarget::unassigned();
    case Domain::PlacementKind::Returns:
        return Domain::MoveTarget::returns();
    case Domain::PlacementKind::Node:
        return Domain::MoveTarget::node(placement.path);
    case Domain::PlacementKind::Inconsistent:
        break;
    }
    return std::nullopt;
}

QString targetKey(const Domain::MoveTarget &target)
{
    return QString::number(static_cast<int>(target.kind)) + QLatin1Char(':') + target.path;
}

} // namespace

EditExecutor::~EditExecutor() = default;

SubtreeEdit SubtreeEdit::inverse() const
{
    SubtreeEdit back;
    for (const Domain::GroupRename &r : renames)
        back.renames.append(Domain::GroupRename {r.to, r.from});
    back.deviceIds = deviceIds;
    back.memberDelta = Domain::GroupDelta {memberDelta.remove, memberDelta.add};
    back.fromAccount = toAccount;
    back.toAccount = fromAccount;
    back.subject = subject;
    return back;
}

QString targetLabel(const Domain::Hierarchy &hierarchy, const Domain::MoveTarget &target)
{
    switch (target.kind) {
    case Domain::MoveTarget::Kind::Unassigned:
        return Text::tr("Unassigned");
    case Domain::MoveTarget::Kind::Returns:
        return hierarchy.returnsTitle().isEmpty() ? Text::tr("Returns") : hierarchy.returnsTitle();
    case Domain::MoveTarget::Kind::Node:
        break;
    }
    QStringList titles;
    for (const QString &path : Domain::pathChain(target.path)) {
        const Domain::Node *node = hierarchy.node(path);
        titles.append(node ? node->title : Domain::lastSlug(path));
    }
    return titles.join(QStringLiteral(" \u203a "));
}

QHash<QString, OriginalPlacement> originalPlacements(
    const Sync::FleetState &state, const Domain::Hierarchy &hierarchy, const QStringList &deviceIds)
{
    QHash<QString, OriginalPlacement> original;
    for (const QString &id : deviceIds) {
        const auto it = state.devices.constFind(id);
        if (it == state.devices.cend() || original.contains(id))
            continue;
        OriginalPlacement o;
        if (const auto at = targetOf(Domain::placeDevice(it->groups, hierarchy))) {
            o.target = *at;
        } else {
            o.inconsistent = true;
            o.groups = it->groups;
        }
        original.insert(id, o);
    }
    return original;
}

// --- MoveDevicesCommand ---------------------------------------------------------------------

MoveDevicesCommand::MoveDevicesCommand(EditExecutor *executor, const QStringList &deviceIds,
    const Domain::MoveTarget &target, const QHash<QString, OriginalPlacement> &original,
    const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_executor(executor)
    , m_deviceIds(deviceIds)
    , m_target(target)
    , m_original(original)
{ }

MoveDevicesCommand::~MoveDevicesCommand() = default;

std::unique_ptr<MoveDevicesCommand> MoveDevicesCommand::create(EditExecutor *executor,
    const Sync::FleetState &state, const QStringList &deviceIds, const Domain::MoveTarget &target,
    QUndoCommand *parent)
{
    const Domain::Hierarchy hierarchy = state.hierarchy();
    const QHash<QString, OriginalPlacement> original
        = originalPlacements(state, hierarchy, deviceIds);
    QStringList ids;
    for (const QString &id : deviceIds) {
        if (original.contains(id) && !ids.contains(id))
            ids.append(id);
    }
    const QString to = targetLabel(hierarchy, target);
    QString text;
    if (ids.size() == 1) {
        const Domain::Device &device = state.devices.value(ids.constFirst());
        text = Text::tr("Move %1 to %2").arg(device.name.isEmpty() ? device.id : device.name, to);
    } else {
        text = Text::tr("Move %Ln devices to %1", nullptr, static_cast<int>(ids.size())).arg(to);
    }
    return std::make_unique<MoveDevicesCommand>(executor, ids, target, original, text, parent);
}

void MoveDevicesCommand::redo()
{
    m_error = m_executor->moveDevices(m_deviceIds, m_target);
    setObsolete(!m_error.isEmpty());
}

void MoveDevicesCommand::undo()
{
    // One move per original place, in a stable order; then the exact groups of devices that
    // came from Needs repair.
    QMap<QString, QPair<Domain::MoveTarget, QStringList>> moves;
    QHash<QString, QStringList> restore;
    for (const QString &id : std::as_const(m_deviceIds)) {
        const OriginalPlacement o = m_original.value(id);
        if (o.inconsistent) {
            restore.insert(id, o.groups);
            continue;
        }
        auto &entry = moves[targetKey(o.target)];
        entry.first = o.target;
        entry.second.append(id);
    }
    QStringList errors;
    for (const auto &[target, ids] : std::as_const(moves)) {
        const QString e = m_executor->moveDevices(ids, target);
        if (!e.isEmpty())
            errors.append(e);
    }
    if (!restore.isEmpty()) {
        const QString e = m_executor->setDeviceGroups(restore);
        if (!e.isEmpty())
            errors.append(e);
    }
    m_error = errors.join(QLatin1Char('\n'));
    setObsolete(!m_error.isEmpty());
}

// --- MoveNodeCommand ------------------------------------------------------------------------

MoveNodeCommand::MoveNodeCommand(
    EditExecutor *executor, const SubtreeEdit &edit, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_executor(executor)
    , m_edit(edit)
{ }

MoveNodeCommand::~MoveNodeCommand() = default;

std::unique_ptr<MoveNodeCommand> MoveNodeCommand::fromChange(EditExecutor *executor,
    const Sync::FleetState &state, const Domain::Hierarchy &hierarchy, const QString &path,
    const Domain::SubtreeChange &change, const QString &text, QUndoCommand *parent)
{
    SubtreeEdit edit;
    edit.renames = change.renames;
    edit.memberDelta = change.memberDelta;
    edit.fromAccount = change.fromAccount;
    edit.toAccount = change.toAccount;
    edit.subject = path;
    // The devices that sit in the subtree get the member delta (and the owner change).
    for (auto it = state.devices.cbegin(); it != state.devices.cend(); ++it) {
        const Domain::Placement p = Domain::placeDevice(it->groups, hierarchy);
        if (p.kind == Domain::PlacementKind::Node && Domain::isAncestorOrSelf(path, p.path))
            edit.deviceIds.append(it.key());
    }
    edit.deviceIds.sort();
    return std::make_unique<MoveNodeCommand>(executor, edit, text, parent);
}

std::unique_ptr<MoveNodeCommand> MoveNodeCommand::move(EditExecutor *executor,
    const Sync::FleetState &state, const QString &path, const QString &newParentPath,
    const QString &newSlug, QString *error, QUndoCommand *parent)
{
    const Domain::Hierarchy hierarchy = state.hierarchy();
    const Domain::SubtreeChange change
        = Domain::planSubtreeMove(hierarchy, path, newParentPath, newSlug);
    if (error)
        *error = change.error;
    if (!change.ok())
        return nullptr;
    const Domain::Node *node = hierarchy.node(path);
    const QString text = Text::tr("Move %1 to %2")
                             .arg(node ? node->title : path,
                                 targetLabel(hierarchy, Domain::MoveTarget::node(newParentPath)));
    return fromChange(executor, state, hierarchy, path, change, text, parent);
}

std::unique_ptr<MoveNodeCommand> MoveNodeCommand::rename(EditExecutor *executor,
    const Sync::FleetState &state, const QString &path, const QString &newSlug, QString *error,
    QUndoCommand *parent)
{
    const Domain::Hierarchy hierarchy = state.hierarchy();
    const Domain::SubtreeChange change = Domain::planNodeRename(hierarchy, path, newSlug);
    if (error)
        *error = change.error;
    if (!change.ok())
        return nullptr;
    const Domain::Node *node = hierarchy.node(path);
    const QString text = Text::tr("Rename %1 to '%2'").arg(node ? node->title : path, newSlug);
    return fromChange(executor, state, hierarchy, path, change, text, parent);
}

void MoveNodeCommand::redo()
{
    m_error = m_executor->changeSubtree(m_edit);
    setObsolete(!m_error.isEmpty());
}

void MoveNodeCommand::undo()
{
    m_error = m_executor->changeSubtree(m_edit.inverse());
    setObsolete(!m_error.isEmpty());
}

// --- EntriesCommand -------------------------------------------------------------------------

EntriesCommand::EntriesCommand(EditExecutor *executor, const QString &action,
    const QString &subject, EntriesPlanner redoPlan, EntriesPlanner undoPlan, const QString &text,
    QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_executor(executor)
    , m_action(action)
    , m_subject(subject)
    , m_redo(std::move(redoPlan))
    , m_undo(std::move(undoPlan))
{ }

EntriesCommand::EntriesCommand(EditExecutor *executor, const QString &action,
    const QString &subject, const QList<Store::OutboxEntry> &redoEntries,
    const QList<Store::OutboxEntry> &undoEntries, const QString &text, QUndoCommand *parent)
    : EntriesCommand(
        executor, action, subject,
        [redoEntries] {
            return PlannedEntries {redoEntries, {}};
        },
        [undoEntries] {
            return PlannedEntries {undoEntries, {}};
        },
        text, parent)
{ }

EntriesCommand::~EntriesCommand() = default;

void EntriesCommand::run(const QString &action, const EntriesPlanner &plan)
{
    const PlannedEntries planned = plan();
    if (!planned.error.isEmpty())
        m_error = m_executor->refuse(planned.error);
    else if (planned.entries.isEmpty())
        m_error.clear();
    else
        m_error = m_executor->applyEntries(action, m_subject, planned.entries);
    setObsolete(!m_error.isEmpty());
}

void EntriesCommand::redo()
{
    run(m_action, m_redo);
}

void EntriesCommand::undo()
{
    run(QStringLiteral("undo ") + m_action, m_undo);
}

// --- RepairDevicesCommand -------------------------------------------------------------------

RepairDevicesCommand::RepairDevicesCommand(EditExecutor *executor,
    const QHash<QString, QStringList> &before, const QHash<QString, QStringList> &after,
    const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_executor(executor)
    , m_before(before)
    , m_after(after)
{ }

RepairDevicesCommand::~RepairDevicesCommand() = default;

void RepairDevicesCommand::redo()
{
    m_error = m_executor->setDeviceGroups(m_after);
    setObsolete(!m_error.isEmpty());
}

void RepairDevicesCommand::undo()
{
    m_error = m_executor->setDeviceGroups(m_before);
    setObsolete(!m_error.isEmpty());
}

} // namespace Flotilla::Edit
