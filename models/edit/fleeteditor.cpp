// SPDX-License-Identifier: MIT
#include "edit/fleeteditor.h"

#include "domain/hierarchy.h"
#include "domain/nodepath.h"
#include "domain/text.h"
#include "edit/accountservice.h"
#include "edit/logging.h"
#include "sync/importoutcome.h"
#include "sync/outboxops.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QScopedValueRollback>
#include <QSet>
#include <QUndoStack>

#include <algorithm>
#include <map>
#include <utility>

namespace Flotilla::Edit {

namespace {

using Store::OutboxEntry;

QString notAvailable()
{
    return Text::tr("The fleet is not available");
}

// “Acme Logistics › Berlin depot”, for sentences.
QString quoted(const Domain::Hierarchy &hierarchy, const QString &path)
{
    return QStringLiteral("“%1”").arg(Domain::titlePath(hierarchy, path));
}

QString deviceLabel(const Sync::FleetState &state, const QString &id)
{
    const Domain::Device device = state.devices.value(id);
    return device.name.isEmpty() ? id : device.name;
}

QStringList sortedDifference(const QStringList &a, const QStringList &b)
{
    QStringList out;
    for (const QString &x : a) {
        if (!b.contains(x))
            out.append(x);
    }
    out.sort();
    out.removeDuplicates();
    return out;
}

int requestsFor(const QList<OutboxEntry> &entries)
{
    int n = 0;
    for (const OutboxEntry &e : entries) {
        if (e.kind == Sync::Outbox::DeviceGroups) {
            const Domain::GroupDelta delta = Sync::Outbox::deltaOf(e);
            n += (delta.add.isEmpty() ? 0 : 1) + (delta.remove.isEmpty() ? 0 : 1);
        } else {
            ++n;
        }
    }
    return n;
}

// A place as people read it: a node's titles, Unassigned, Returns or Needs repair.
QString placeLabel(const Domain::Hierarchy &hierarchy, const Domain::Placement &placement)
{
    switch (placement.kind) {
    case Domain::PlacementKind::Node:
        return Domain::titlePath(hierarchy, placement.path);
    case Domain::PlacementKind::Returns:
        return hierarchy.returnsTitle().isEmpty() ? Text::tr("Returns") : hierarchy.returnsTitle();
    case Domain::PlacementKind::Unassigned:
        return Text::tr("Unassigned");
    case Domain::PlacementKind::Inconsistent:
        break;
    }
    return Text::tr("Needs repair");
}

// "Acme Logistics › Berlin depot" when every label is that one, "3 places" otherwise.
QString onePlace(const QSet<QString> &labels)
{
    if (labels.size() == 1)
        return *labels.cbegin();
    return labels.isEmpty() ? QString()
                            : Text::tr("%Ln places", nullptr, static_cast<int>(labels.size()));
}

// For the activity line of a batch of entries (an import): how many devices change groups or
// are imported, where they are and where they will be, by titles.
void describePlaces(
    const Sync::FleetState &state, const QList<OutboxEntry> &entries, Store::ActivityRecord &line)
{
    QList<Domain::Group> groups = state.groups.values();
    for (const OutboxEntry &e : entries) {
        if (e.kind != Sync::Outbox::GroupCreate)
            continue;
        Domain::Group g;
        g.name = e.payload.value(QStringLiteral("name")).toString();
        g.description = e.payload.value(QStringLiteral("description")).toString();
        groups.append(g);
    }
    const Domain::Hierarchy before = state.hierarchy();
    const Domain::Hierarchy after(groups);
    QHash<QString, QStringList> moved; // device -> its groups after the entries
    QSet<QString> from;
    QSet<QString> to;
    int imported = 0;
    for (const OutboxEntry &e : entries) {
        if (e.kind == Sync::Outbox::DeviceImport) {
            for (const Sync::Outbox::ImportPlacement &p : Sync::Outbox::placementsOf(e)) {
                ++imported;
                if (p.target)
                    to.insert(targetLabel(after, *p.target));
            }
            continue;
        }
        if (e.kind != Sync::Outbox::DeviceGroups)
            continue;
        const Domain::GroupDelta delta = Sync::Outbox::deltaOf(e);
        for (const QString &id : e.deviceIds) {
            const auto it = state.devices.constFind(id);
            if (it == state.devices.cend())
                continue;
            auto m = moved.find(id);
            if (m == moved.end()) {
                from.insert(placeLabel(before, Domain::placeDevice(it->groups, before)));
                m = moved.insert(id, it->groups);
            }
            *m = Domain::applyDelta(*m, delta);
        }
    }
    for (const QStringList &g : std::as_const(moved))
        to.insert(placeLabel(after, Domain::placeDevice(g, after)));
    if (moved.isEmpty() && imported == 0)
        return;
    line.devices = static_cast<int>(moved.size()) + imported;
    line.fromText = onePlace(from);
    line.toText = onePlace(to);
}

// Why a device cannot go to `target` (empty: it can).
QString targetError(const Domain::Hierarchy &hierarchy, const Domain::MoveTarget &target)
{
    if (target.kind == Domain::MoveTarget::Kind::Node && !hierarchy.node(target.path))
        return Text::tr("The customer or group to move to is not in the tree any more");
    return QString();
}

// The entries that move `deviceIds` (devices of `state`) to `target`.
QList<OutboxEntry> moveEntries(
    const Sync::FleetState &state, const QStringList &deviceIds, const Domain::MoveTarget &target)
{
    QString unknown; // every caller passes devices of `state`
    return Sync::Outbox::moveEntries(state, deviceIds, target, FleetEditor::BatchSize, &unknown);
}

// Each device gets exactly its groups of `groupsByDevice`.
QList<OutboxEntry> groupsEntries(const Sync::FleetState &state,
    const QHash<QString, QStringList> &groupsByDevice, QString *error)
{
    QHash<QString, Domain::GroupDelta> deltas;
    for (auto it = groupsByDevice.cbegin(); it != groupsByDevice.cend(); ++it) {
        const auto device = state.devices.constFind(it.key());
        if (device == state.devices.cend()) {
            *error = Text::tr("Unknown device %1").arg(it.key());
            return {};
        }
        const Domain::GroupDelta delta {sortedDifference(it.value(), device->groups),
            sortedDifference(device->groups, it.value())};
        if (!delta.isEmpty())
            deltas.insert(it.key(), delta);
    }
    QList<OutboxEntry> entries;
    for (const Domain::DeviceBatch &batch : Domain::batchByDelta(deltas, FleetEditor::BatchSize))
        entries.append(Sync::Outbox::groups(batch.deviceIds, batch.delta));
    return entries;
}

// Moves devices back to where `original` says they were: one move per place, then the exact
// groups of devices that came from Needs repair.
QList<OutboxEntry> moveBackEntries(const Sync::FleetState &state,
    const QHash<QString, OriginalPlacement> &original, QString *error)
{
    const Domain::Hierarchy hierarchy = state.hierarchy();
    QMap<QString, QPair<Domain::MoveTarget, QStringList>> moves;
    QHash<QString, QStringList> restore;
    for (auto it = original.cbegin(); it != original.cend(); ++it) {
        if (!state.devices.contains(it.key()))
            continue;
        if (it->inconsistent) {
            restore.insert(it.key(), it->groups);
            continue;
        }
        auto &entry
            = moves[QString::number(static_cast<int>(it->target.kind)) + u':' + it->target.path];
        entry.first = it->target;
        entry.second.append(it.key());
    }
    QList<OutboxEntry> entries;
    for (auto &[target, ids] : moves) {
        if (const QString e = targetError(hierarchy, target); !e.isEmpty()) {
            *error = e;
            return {};
        }
        ids.sort();
        entries += moveEntries(state, ids, target);
    }
    return entries + groupsEntries(state, restore, error);
}

// The subtree edit's entries on `state`: renames, member delta, owners.
QList<OutboxEntry> subtreeEntries(
    const Sync::FleetState &state, const SubtreeEdit &edit, QString *error)
{
    const Domain::Hierarchy hierarchy = state.hierarchy();
    // The renames must find their groups, and must not land on one that exists (unless an
    // earlier rename of the same edit frees the name).
    QSet<QString> names;
    for (auto it = state.groups.cbegin(); it != state.groups.cend(); ++it)
        names.insert(it.key());
    QList<OutboxEntry> entries;
    for (const Domain::GroupRename &r : edit.renames) {
        if (!names.contains(r.from)) {
            *error = Text::tr("A customer or group of this change is not in the tree any more");
            return {};
        }
        if (r.to != r.from && names.contains(r.to)) {
            *error = Text::tr("%1 already exists where this change would put a customer or group")
                         .arg(hierarchy.isNode(r.to)
                                 ? quoted(hierarchy, r.to)
                                 : Text::tr("A group of the product outside the tree"));
            return {};
        }
        names.remove(r.from);
        names.insert(r.to);
        entries.append(
            Sync::Outbox::updateGroup(r.from, QJsonObject {{QStringLiteral("name"), r.to}}));
    }
    QStringList ids;
    for (const QString &id : edit.deviceIds) {
        if (state.devices.contains(id))
            ids.append(id);
    }
    if (!edit.memberDelta.isEmpty()) {
        for (qsizetype i = 0; i < ids.size(); i += FleetEditor::BatchSize)
            entries.append(
                Sync::Outbox::groups(ids.mid(i, FleetEditor::BatchSize), edit.memberDelta));
    }
    // Nothing changes owners when the subtree keeps its account.
    if (Domain::ownerChange(edit.fromAccount, edit.toAccount).action
        != Domain::OwnerChange::Action::None) {
        for (const QString &id : std::as_const(ids)) {
            const Domain::OwnerChange owner = Domain::deviceOwnerChange(
                state.devices.value(id).owner, edit.fromAccount, edit.toAccount);
            if (owner.releases())
                entries.append(Sync::Outbox::unclaim(id));
            if (owner.claims())
                entries.append(Sync::Outbox::claim(id, owner.account));
        }
    }
    return entries;
}

// Sums the impacts of moves to different targets.
void addImpact(MoveImpact &sum, const MoveImpact &part)
{
    sum.devices += part.devices;
    sum.unknownDevices += part.unknownDevices;
    sum.claims += part.claims;
    sum.unclaims += part.unclaims;
    for (auto it = part.claimsByAccount.cbegin(); it != part.claimsByAccount.cend(); ++it)
        sum.claimsByAccount[it.key()] += it.value();
    sum.alreadyThere += part.alreadyThere;
    std::map<std::pair<std::optional<int>, std::optional<int>>, int> changes;
    for (const FirmwareTargetChange &c : std::as_const(sum.firmwareChanges))
        changes[{c.from, c.to}] += c.count;
    for (const FirmwareTargetChange &c : part.firmwareChanges)
        changes[{c.from, c.to}] += c.count;
    sum.firmwareChanges.clear();
    for (const auto &[fromTo, count] : changes)
        sum.firmwareChanges.append(FirmwareTargetChange {fromTo.first, fromTo.second, count});
    sum.needsConfirmation = sum.needsConfirmation || part.needsConfirmation;
}

EditPlan refusedPlan(EditPlan::Kind kind, const QString &error)
{
    EditPlan plan;
    plan.kind = kind;
    plan.error = error;
    return plan;
}

// Why a node `slug` with `title` cannot be created under `parentPath` in `hierarchy` (empty:
// it can). `groups`: every group of the product.
QString creationError(const Domain::Hierarchy &hierarchy,
    const QMap<QString, Domain::Group> &groups, const QString &parentPath, const QString &slug,
    const QString &title)
{
    if (!parentPath.isEmpty() && !hierarchy.isNode(parentPath))
        return Text::tr("The customer or group to create it under is not in the tree any more");
    if (!parentPath.isEmpty() && Domain::pathDepth(parentPath) >= Domain::MaxNodeDepth)
        return Text::tr("%1 is already %2 levels deep; no group can be created under it")
            .arg(quoted(hierarchy, parentPath))
            .arg(Domain::MaxNodeDepth);
    if (title.trimmed().isEmpty())
        return Text::tr("Enter a title: the name people see in the tree");
    if (const QString e = Domain::titleError(title); !e.isEmpty())
        return e;
    if (const QString e = Domain::slugError(slug); !e.isEmpty())
        return e;
    const QString path = parentPath.isEmpty() ? slug : Domain::childPath(parentPath, slug);
    if (path.size() > Domain::MaxGroupNameLength)
        return parentPath.isEmpty()
            ? Text::tr("The short name '%1' is %2 characters long; Particle allows %3")
                  .arg(slug)
                  .arg(slug.size())
                  .arg(Domain::MaxGroupNameLength)
            : Text::tr("The short name '%1' is too long under %2: a short name there may have %3 "
                       "characters")
                  .arg(slug, quoted(hierarchy, parentPath))
                  .arg(Domain::slugRoom(parentPath));
    if (const QString e = Domain::nodePathError(path); !e.isEmpty())
        return e;
    if (groups.contains(path))
        return hierarchy.isNode(path)
            ? Text::tr("The short name '%1' is taken here by %2; choose another one")
                  .arg(slug, quoted(hierarchy, path))
            : Text::tr("The short name '%1' is taken here by a group of the product outside the "
                       "tree; choose another one")
                  .arg(slug);
    return QString();
}

Domain::Group nodeGroup(const QString &path, const QString &title, const QString &account)
{
    Domain::NodeTag tag;
    tag.kind = Domain::pathDepth(path) == 1 ? Domain::NodeKind::Customer : Domain::NodeKind::Group;
    tag.title = title;
    if (!account.isEmpty())
        tag.attributes.insert(Domain::AccountAttribute, account);
    Domain::Group group;
    group.name = path;
    group.description = Domain::formatDescription(tag);
    return group;
}

QString childTitlePath(
    const Domain::Hierarchy &hierarchy, const QString &parentPath, const QString &title)
{
    return parentPath.isEmpty()
        ? title
        : Domain::titlePath(hierarchy, parentPath) + QStringLiteral(" \u203a ") + title;
}

} // namespace

FleetEditor::FleetEditor(Sync::SyncEngine *engine, QUndoStack *undoStack, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_undoStack(undoStack ? undoStack : new QUndoStack(this))
{ }

FleetEditor::~FleetEditor()
{
    // The commands on the stack act through this editor.
    if (m_undoStack->parent() != this)
        m_undoStack->clear();
}

void FleetEditor::setAccountService(AccountService *service)
{
    m_accounts = service;
}

AccountService *FleetEditor::accountService() const
{
    return m_accounts;
}

QString FleetEditor::report(const QString &error)
{
    if (!error.isEmpty()) {
        qCInfo(lcEdit) << "edit refused:" << error;
        m_refused = true;
        m_lastRefusal = error;
        Q_EMIT refused(error);
    }
    return error;
}

QString FleetEditor::refuse(const QString &reason)
{
    return report(reason);
}

bool FleetEditor::push(QUndoCommand *command)
{
    m_refused = false;
    m_undoStack->push(command); // refused: dropped again (obsolete), report() said why
    return !m_refused;
}

// --- the executor ---------------------------------------------------------------------------

QString FleetEditor::moveDevices(const QStringList &deviceIds, const Domain::MoveTarget &target)
{
    if (!m_engine)
        return report(notAvailable());
    // The engine says how many devices go from where to where.
    Store::ActivityRecord activity;
    activity.source = m_source;
    return report(m_engine->moveDevices(deviceIds, target, activity));
}

QString FleetEditor::setDeviceGroups(const QHash<QString, QStringList> &groupsByDevice)
{
    if (!m_engine)
        return report(notAvailable());
    QString error;
    const QList<OutboxEntry> entries = groupsEntries(m_engine->state(), groupsByDevice, &error);
    if (!error.isEmpty())
        return report(error);
    if (entries.isEmpty())
        return QString();
    const int n = static_cast<int>(groupsByDevice.size());
    Store::ActivityRecord activity;
    activity.action = QStringLiteral("restore groups");
    activity.subject = Text::tr("%Ln devices", nullptr, n);
    activity.source = m_source;
    activity.devices = n;
    return report(m_engine->applyEdit(activity, entries));
}

QString FleetEditor::changeSubtree(const SubtreeEdit &edit)
{
    if (!m_engine)
        return report(notAvailable());
    QString error;
    const QList<OutboxEntry> entries = subtreeEntries(m_engine->state(), edit, &error);
    if (!error.isEmpty())
        return report(error);
    if (entries.isEmpty())
        return QString();
    // Where the node was and where it is after the edit, by titles: its parents' titles at the
    // new place, and its own title (a rename keeps it).
    const Domain::Hierarchy hierarchy = m_engine->state().hierarchy();
    const QString oldPath = edit.renames.isEmpty() ? edit.subject : edit.renames.first().from;
    const QString newPath = edit.renames.isEmpty() ? edit.subject : edit.renames.first().to;
    const Domain::Node *node = hierarchy.node(oldPath);
    const QString title = node && !node->title.isEmpty() ? node->title : Domain::lastSlug(newPath);
    Store::ActivityRecord activity;
    activity.action = QStringLiteral("move group");
    activity.source = m_source;
    activity.fromText = Domain::titlePath(hierarchy, oldPath);
    activity.toText = childTitlePath(hierarchy, Domain::parentPath(newPath), title);
    activity.subject = activity.fromText;
    activity.devices = static_cast<int>(edit.deviceIds.size());
    return report(m_engine->applyEdit(activity, entries));
}

QString FleetEditor::applyEntries(
    const QString &action, const QString &subject, const QList<OutboxEntry> &entries)
{
    if (!m_engine)
        return report(notAvailable());
    // The activity row names customers and groups by their titles: `subject` is a node's path
    // for the edits of nodes (a node being created, or created again by an undo, is named by
    // the title its new group carries).
    const Domain::Hierarchy hierarchy = m_engine->state().hierarchy();
    const auto titleOf = [&](const QString &path) -> QString {
        if (hierarchy.node(path))
            return Domain::titlePath(hierarchy, path);
        for (const OutboxEntry &e : entries) {
            if (e.kind != Sync::Outbox::GroupCreate
                || e.payload.value(QStringLiteral("name")).toString() != path)
                continue;
            const auto tag = Domain::parseDescription(
                e.payload.value(QStringLiteral("description")).toString());
            const QString title
                = tag && !tag->title.isEmpty() ? tag->title : Domain::lastSlug(path);
            return childTitlePath(hierarchy, Domain::parentPath(path), title);
        }
        return QString();
    };
    Store::ActivityRecord activity;
    activity.action = action;
    activity.subject = subject;
    activity.source = m_source;
    const bool nodeEdit = action.endsWith(QLatin1String(" group"))
        && !action.endsWith(QLatin1String("restore groups"));
    if (nodeEdit && Domain::isNodePath(subject)) {
        if (const QString title = titleOf(subject); !title.isEmpty())
            activity.subject = title;
        if (action == QLatin1String("create group") || action == QLatin1String("undo delete group"))
            activity.toText = activity.subject;
        else if (action == QLatin1String("delete group")
            || action == QLatin1String("undo create group"))
            activity.fromText = activity.subject;
        // A new title: the old one and the new one.
        if (action.endsWith(QLatin1String("update group")) && hierarchy.node(subject)) {
            for (const OutboxEntry &e : entries) {
                const auto tag = Domain::parseDescription(e.payload.value(QStringLiteral("fields"))
                                                              .toObject()
                                                              .value(QStringLiteral("description"))
                                                              .toString());
                if (!tag || tag->title == hierarchy.node(subject)->title)
                    continue;
                activity.fromText = activity.subject;
                activity.toText
                    = childTitlePath(hierarchy, Domain::parentPath(subject), tag->title);
                break;
            }
        }
    }
    if (action == QLatin1String("batch") || action == QLatin1String("undo batch"))
        describePlaces(m_engine->state(), entries, activity);
    return report(m_engine->applyEdit(activity, entries));
}

// --- planning -------------------------------------------------------------------------------

EditPlan FleetEditor::planMoveDevices(
    const QStringList &deviceIds, const Domain::MoveTarget &target) const
{
    if (!m_engine)
        return refusedPlan(EditPlan::Kind::MoveDevices, notAvailable());
    const Sync::FleetState &state = m_engine->state();
    const Domain::Hierarchy hierarchy = state.hierarchy();
    if (const QString e = targetError(hierarchy, target); !e.isEmpty())
        return refusedPlan(EditPlan::Kind::MoveDevices, e);
    EditPlan plan;
    plan.kind = EditPlan::Kind::MoveDevices;
    plan.target = target;
    plan.impact.devices = computeMoveImpact(state, deviceIds, target);
    const MoveImpact &impact = plan.impact.devices;
    if (impact.devices.isEmpty()) {
        plan.error = Text::tr("Nothing to move: the devices are no longer in the fleet.");
        return plan;
    }
    for (const DeviceMoveImpact &d : impact.devices)
        plan.deviceIds.append(d.deviceId);
    if (impact.alreadyThere == impact.devices.size()) {
        plan.notice = Text::tr("Already in %1: nothing to move.", nullptr, impact.alreadyThere)
                          .arg(targetLabel(hierarchy, target));
        return plan;
    }
    plan.text = MoveDevicesCommand::create(nullptr, state, plan.deviceIds, target)->text();
    plan.entries = moveEntries(state, plan.deviceIds, target);
    plan.impact.requests = requestsFor(plan.entries);
    plan.needsConfirmation = impact.needsConfirmation;
    return plan;
}

EditPlan FleetEditor::planMoveNode(const QString &path, const QString &newParentPath) const
{
    if (!m_engine)
        return refusedPlan(EditPlan::Kind::MoveNode, notAvailable());
    const Sync::FleetState &state = m_engine->state();
    QString error;
    // Planning only: the command is never run.
    const auto command
        = MoveNodeCommand::move(nullptr, state, path, newParentPath, QString(), &error);
    if (!command)
        return refusedPlan(EditPlan::Kind::MoveNode, error);
    EditPlan plan;
    plan.kind = EditPlan::Kind::MoveNode;
    plan.path = path;
    plan.newParentPath = newParentPath;
    plan.newPath = Domain::childPath(newParentPath, Domain::lastSlug(path));
    plan.subtree = command->edit();
    plan.deviceIds = plan.subtree.deviceIds;
    plan.text = command->text();
    plan.impact.devices = subtreeImpact(state, plan.subtree);
    plan.impact.renames = plan.subtree.renames;
    plan.entries = subtreeEntries(state, plan.subtree, &plan.error);
    plan.impact.requests = requestsFor(plan.entries);
    plan.needsConfirmation = true;
    return plan;
}

EditPlan FleetEditor::planCreateNode(const QString &parentPath, const QString &slug,
    const QString &title, const QString &account, bool createAccount) const
{
    if (!m_engine)
        return refusedPlan(EditPlan::Kind::CreateNode, notAvailable());
    const Sync::FleetState &state = m_engine->state();
    const Domain::Hierarchy hierarchy = state.hierarchy();
    QString error = creationError(hierarchy, state.groups, parentPath, slug, title);
    if (error.isEmpty() && !account.isEmpty() && !parentPath.isEmpty())
        error = Text::tr("Only a customer can be linked to a customer account");
    if (error.isEmpty() && createAccount && account.isEmpty())
        error = Text::tr("Enter the customer account to create");
    if (!error.isEmpty())
        return refusedPlan(EditPlan::Kind::CreateNode, error);
    EditPlan plan;
    plan.kind = EditPlan::Kind::CreateNode;
    plan.path = parentPath.isEmpty() ? slug : Domain::childPath(parentPath, slug);
    plan.newPath = plan.path;
    plan.newParentPath = parentPath;
    plan.slug = slug;
    plan.title = title;
    plan.account = account;
    plan.createAccount = createAccount;
    plan.text = parentPath.isEmpty() ? Text::tr("Create customer %1").arg(title)
                                     : Text::tr("Create group %1").arg(title);
    plan.entries = {Sync::Outbox::createGroup(nodeGroup(plan.path, title, account))};
    plan.impact.createdNodes = {childTitlePath(hierarchy, parentPath, title)};
    plan.impact.requests = requestsFor(plan.entries) + (createAccount ? 1 : 0);
    return plan;
}

EditPlan FleetEditor::planRenameNode(
    const QString &path, const QString &title, const QString &slug) const
{
    if (!m_engine)
        return refusedPlan(EditPlan::Kind::RenameNode, notAvailable());
    const Sync::FleetState &state = m_engine->state();
    const Domain::Hierarchy hierarchy = state.hierarchy();
    const Domain::Node *node = hierarchy.node(path);
    if (!node)
        return refusedPlan(EditPlan::Kind::RenameNode,
            Text::tr("That customer or group is not in the tree any more."));
    const bool titleChanged = title != node->title;
    const bool slugChanged = slug != Domain::lastSlug(path);
    if (!titleChanged && !slugChanged)
        return refusedPlan(
            EditPlan::Kind::RenameNode, Text::tr("Change the title or the short name."));
    if (titleChanged) {
        if (title.trimmed().isEmpty())
            return refusedPlan(EditPlan::Kind::RenameNode,
                Text::tr("Enter a title: the name people see in the tree"));
        if (const QString e = Domain::titleError(title); !e.isEmpty())
            return refusedPlan(EditPlan::Kind::RenameNode, e);
    }
    EditPlan plan;
    plan.kind = EditPlan::Kind::RenameNode;
    plan.path = path;
    plan.title = title;
    plan.oldTitle = node->title;
    plan.slug = slug;
    plan.newPath = path;
    plan.text = Text::tr("Rename %1").arg(node->title);
    if (titleChanged) {
        const QString oldDescription = state.groups.value(path).description;
        Domain::NodeTag tag = Domain::parseDescription(oldDescription)
                                  .value_or(Domain::NodeTag {node->kind, node->title, {}});
        if (!node->account.isEmpty())
            tag.attributes.insert(Domain::AccountAttribute, node->account);
        tag.title = title;
        plan.entries.append(Sync::Outbox::updateGroup(
            path, QJsonObject {{QStringLiteral("description"), Domain::formatDescription(tag)}}));
    }
    if (slugChanged) {
        QString error;
        const auto rename = MoveNodeCommand::rename(nullptr, state, path, slug, &error);
        if (!rename)
            return refusedPlan(EditPlan::Kind::RenameNode, error);
        plan.subtree = rename->edit();
        plan.newPath = plan.subtree.renames.isEmpty() ? path : plan.subtree.renames.first().to;
        plan.impact.renames = plan.subtree.renames;
        plan.entries += subtreeEntries(state, plan.subtree, &plan.error);
        if (plan.isRefused())
            return plan;
    }
    plan.impact.requests = requestsFor(plan.entries);
    plan.needsConfirmation = slugChanged;
    return plan;
}

EditPlan FleetEditor::planDeleteNode(const QString &path) const
{
    if (!m_engine)
        return refusedPlan(EditPlan::Kind::DeleteNode, notAvailable());
    const Sync::FleetState &state = m_engine->state();
    const Domain::Hierarchy hierarchy = state.hierarchy();
    const Domain::Node *node = hierarchy.node(path);
    if (!node)
        return refusedPlan(EditPlan::Kind::DeleteNode,
            Text::tr("That customer or group is not in the tree any more."));
    EditPlan plan;
    plan.kind = EditPlan::Kind::DeleteNode;
    plan.path = path;
    plan.title = node->title;
    plan.account = Domain::accountOf(path, hierarchy);
    plan.text = Text::tr("Delete %1").arg(node->title);
    const QStringList subtree = hierarchy.subtree(path);
    for (auto it = state.devices.cbegin(); it != state.devices.cend(); ++it) {
        const Domain::Placement p = Domain::placeDevice(it->groups, hierarchy);
        if (p.kind == Domain::PlacementKind::Node && Domain::isAncestorOrSelf(path, p.path))
            plan.deviceIds.append(it.key());
    }
    plan.deviceIds.sort();
    if (!plan.deviceIds.isEmpty()) {
        plan.impact.devices
            = computeMoveImpact(state, plan.deviceIds, Domain::MoveTarget::unassigned());
        plan.entries = moveEntries(state, plan.deviceIds, Domain::MoveTarget::unassigned());
    }
    for (auto it = subtree.crbegin(); it != subtree.crend(); ++it)
        plan.entries.append(Sync::Outbox::deleteGroup(*it));
    const QHash<QString, int> released = state.releasedVersionByGroup();
    for (const QString &g : subtree) {
        plan.impact.deletedNodes.append(Domain::titlePath(hierarchy, g));
        if (released.contains(g))
            plan.impact.releasesLost.append(Domain::titlePath(hierarchy, g));
    }
    plan.impact.requests = requestsFor(plan.entries);
    plan.needsConfirmation = true;
    return plan;
}

EditPlan FleetEditor::planDeviceNotes(const QStringList &deviceIds, const QString &notes) const
{
    if (!m_engine)
        return refusedPlan(EditPlan::Kind::UpdateDevices, notAvailable());
    const Sync::FleetState &state = m_engine->state();
    EditPlan plan;
    plan.kind = EditPlan::Kind::UpdateDevices;
    plan.notes = notes;
    for (const QString &id : deviceIds) {
        if (state.devices.contains(id) && !plan.deviceIds.contains(id))
            plan.deviceIds.append(id);
    }
    if (plan.deviceIds.isEmpty()) {
        plan.error = Text::tr("None of these devices is in the fleet.");
        return plan;
    }
    const int count = static_cast<int>(plan.deviceIds.size());
    const QString subject = count == 1 ? deviceLabel(state, plan.deviceIds.constFirst())
                                       : Text::tr("%Ln devices", nullptr, count);
    plan.text = Text::tr("Edit notes of %1").arg(subject);
    for (const QString &id : std::as_const(plan.deviceIds)) {
        const Domain::Device &d = state.devices.value(id);
        if ((d.hasNotes ? d.notes : QString()) == notes && d.hasNotes == !notes.isEmpty())
            continue;
        plan.entries.append(Sync::Outbox::updateDevice(id,
            QJsonObject {{QStringLiteral("notes"),
                notes.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(notes)}}));
        ++plan.impact.notesChanged;
    }
    if (plan.entries.isEmpty())
        plan.notice = Text::tr("The notes are unchanged.");
    plan.impact.requests = requestsFor(plan.entries);
    return plan;
}

EditPlan FleetEditor::planDeviceName(const QString &deviceId, const QString &name) const
{
    if (!m_engine)
        return refusedPlan(EditPlan::Kind::UpdateDevices, notAvailable());
    const Sync::FleetState &state = m_engine->state();
    const auto it = state.devices.constFind(deviceId);
    if (it == state.devices.cend())
        return refusedPlan(
            EditPlan::Kind::UpdateDevices, Text::tr("Unknown device %1").arg(deviceId));
    if (const QString e = Domain::deviceNameError(name); !e.isEmpty())
        return refusedPlan(EditPlan::Kind::UpdateDevices, e);
    EditPlan plan;
    plan.kind = EditPlan::Kind::UpdateDevices;
    plan.deviceIds = {deviceId};
    plan.name = name;
    plan.text = Text::tr("Rename %1 to %2").arg(deviceLabel(state, deviceId), name);
    if (it->name == name) {
        plan.notice = Text::tr("The name is unchanged.");
        return plan;
    }
    plan.entries
        = {Sync::Outbox::updateDevice(deviceId, QJsonObject {{QStringLiteral("name"), name}})};
    plan.impact.devicesRenamed = 1;
    plan.impact.requests = 1;
    return plan;
}

EditPlan FleetEditor::planRepair(const QStringList &deviceIds) const
{
    if (!m_engine)
        return refusedPlan(EditPlan::Kind::Repair, notAvailable());
    const Sync::FleetState &state = m_engine->state();
    const Domain::Hierarchy hierarchy = state.hierarchy();
    EditPlan plan;
    plan.kind = EditPlan::Kind::Repair;
    for (const QString &id : deviceIds) {
        const auto it = state.devices.constFind(id);
        if (it == state.devices.cend())
            continue;
        const QStringList repaired = Domain::repairGroups(it->groups, hierarchy);
        if (repaired == it->groups)
            continue;
        plan.deviceIds.append(id);
        plan.groupsBefore.insert(id, it->groups);
        plan.groupsAfter.insert(id, repaired);
    }
    if (plan.deviceIds.isEmpty()) {
        plan.notice = Text::tr("Nothing to repair.");
        return plan;
    }
    const int n = static_cast<int>(plan.deviceIds.size());
    plan.text = Text::tr("Repair %Ln devices", nullptr, n);
    plan.entries = groupsEntries(state, plan.groupsAfter, &plan.error);
    plan.impact.requests = requestsFor(plan.entries);
    return plan;
}

EditPlan FleetEditor::planBatch(const BatchEdit &batch) const
{
    if (!m_engine)
        return refusedPlan(EditPlan::Kind::Batch, notAvailable());
    EditPlan plan;
    plan.kind = EditPlan::Kind::Batch;
    plan.batch = batch;
    // Planned on the fleet as it will be once the new nodes exist.
    Sync::FleetState state = m_engine->state();
    QStringList problems;
    QSet<QString> created;
    for (const NodeCreation &n : batch.nodes) {
        const Domain::Hierarchy hierarchy = state.hierarchy();
        QString e = creationError(hierarchy, state.groups, n.parentPath, n.slug, n.title);
        if (e.isEmpty() && !n.account.isEmpty() && !n.parentPath.isEmpty())
            e = Text::tr("Only a customer can be linked to a customer account");
        if (!e.isEmpty()) {
            problems.append(
                Text::tr("%1: %2").arg(childTitlePath(hierarchy, n.parentPath, n.title), e));
            continue;
        }
        const QString path
            = n.parentPath.isEmpty() ? n.slug : Domain::childPath(n.parentPath, n.slug);
        const OutboxEntry entry = Sync::Outbox::createGroup(nodeGroup(path, n.title, n.account));
        Sync::Outbox::applyToGroups(state.groups, entry);
        plan.entries.append(entry);
        plan.impact.createdNodes.append(childTitlePath(hierarchy, n.parentPath, n.title));
        created.insert(path);
    }
    const Domain::Hierarchy hierarchy = state.hierarchy();
    QSet<QString> seen;
    QMap<QString, QPair<Domain::MoveTarget, QStringList>> moves;
    QList<OutboxEntry> updates;
    for (const DeviceChange &c : batch.devices) {
        const auto it = state.devices.constFind(c.deviceId);
        if (it == state.devices.cend()) {
            problems.append(Text::tr("%1: not in the fleet").arg(c.deviceId));
            continue;
        }
        const QString label = deviceLabel(state, c.deviceId);
        if (seen.contains(c.deviceId)) {
            problems.append(Text::tr("%1: more than one change of the same device").arg(label));
            continue;
        }
        seen.insert(c.deviceId);
        if (c.target) {
            if (const QString e = targetError(hierarchy, *c.target); !e.isEmpty()) {
                problems.append(Text::tr("%1: %2").arg(label, e));
                continue;
            }
            auto &move
                = moves[QString::number(static_cast<int>(c.target->kind)) + u':' + c.target->path];
            move.first = *c.target;
            move.second.append(c.deviceId);
        }
        QJsonObject fields;
        if (c.name && *c.name != it->name) {
            if (const QString e = Domain::deviceNameError(*c.name); !e.isEmpty()) {
                problems.append(Text::tr("%1: %2").arg(label, e));
                continue;
            }
            fields.insert(QStringLiteral("name"), *c.name);
            ++plan.impact.devicesRenamed;
        }
        if (c.notes
            && ((it->hasNotes ? it->notes : QString()) != *c.notes
                || it->hasNotes != !c.notes->isEmpty())) {
            fields.insert(QStringLiteral("notes"),
                c.notes->isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(*c.notes));
            ++plan.impact.notesChanged;
        }
        if (!fields.isEmpty())
            updates.append(Sync::Outbox::updateDevice(c.deviceId, fields));
    }
    QSet<QString> importing;
    // What the imported devices get once placed: the claims of linked customers' accounts and
    // the firmware the cloud then targets (importing may flash them at once).
    MoveImpact imported;
    for (const Sync::Outbox::ImportPlacement &p : batch.imports) {
        const QString key = Sync::Outbox::identifierKey(p.identifier);
        if (key.isEmpty() || importing.contains(key)) {
            problems.append(key.isEmpty() ? Text::tr("a device to import has no identifier")
                                          : Text::tr("%1: imported twice").arg(p.identifier));
            continue;
        }
        importing.insert(key);
        if (p.target) {
            if (const QString e = targetError(hierarchy, *p.target); !e.isEmpty()) {
                problems.append(Text::tr("%1: %2").arg(p.identifier, e));
                continue;
            }
            if (p.target->kind == Domain::MoveTarget::Kind::Node) {
                if (const QString account = Domain::accountOf(p.target->path, hierarchy);
                    !account.isEmpty()) {
                    ++plan.impact.importClaims;
                    ++imported.claims;
                    ++imported.claimsByAccount[account];
                }
            }
        }
        Domain::Device placed;
        if (p.target)
            placed.groups = Domain::applyDelta({}, Domain::planMove({}, *p.target, hierarchy));
        if (const std::optional<int> target = state.targetFor(placed))
            imported.firmwareChanges.append(FirmwareTargetChange {std::nullopt, target, 1});
        if (p.name) {
            if (const QString e = Domain::deviceNameError(*p.name); !e.isEmpty()) {
                problems.append(Text::tr("%1: %2").arg(p.identifier, e));
                continue;
            }
        }
        plan.impact.devicesRenamed += p.name ? 1 : 0;
        plan.impact.notesChanged += p.notes ? 1 : 0;
    }
    plan.impact.devicesImported = static_cast<int>(batch.imports.size());
    if (!problems.isEmpty()) {
        plan.error = problems.size() == 1
            ? Text::tr("The change cannot be made: %1").arg(problems.constFirst())
            : Text::tr("%Ln changes cannot be made:", nullptr, static_cast<int>(problems.size()))
                + u'\n' + problems.join(u'\n');
        return plan;
    }
    for (const auto &[target, ids] : std::as_const(moves)) {
        addImpact(plan.impact.devices, computeMoveImpact(state, ids, target));
        plan.entries += moveEntries(state, ids, target);
        plan.deviceIds += ids;
    }
    if (!batch.imports.isEmpty()) {
        imported.needsConfirmation = imported.claims > 0 || !imported.firmwareChanges.isEmpty();
        addImpact(plan.impact.devices, imported);
    }
    plan.entries += updates;
    if (!batch.imports.isEmpty())
        plan.entries.append(Sync::Outbox::importDevices(batch.imports));
    if (plan.entries.isEmpty()) {
        plan.notice = Text::tr("Nothing to change: the fleet is as the batch says.");
        return plan;
    }
    const int changes
        = static_cast<int>(batch.nodes.size() + batch.devices.size() + batch.imports.size());
    plan.text
        = batch.text.isEmpty() ? Text::tr("Import %Ln changes", nullptr, changes) : batch.text;
    plan.impact.requests = requestsFor(plan.entries);
    plan.needsConfirmation = plan.impact.devices.needsConfirmation;
    return plan;
}

FleetEditor::ImportPreview FleetEditor::planImport(
    const Io::TextTable &table, const ImportOptions &options, const QString &fileName) const
{
    ImportPreview preview;
    if (!m_engine) {
        preview.rows.error = notAvailable();
        return preview;
    }
    const Sync::FleetState &state = m_engine->state();
    preview.rows = Edit::planImport(table, options, state);
    if (!preview.rows.error.isEmpty())
        return preview;
    BatchEdit batch;
    for (const ImportCreation &c : std::as_const(preview.rows.creates))
        batch.nodes.append({c.parentPath, c.slug, c.title, QString()});
    QHash<QString, int> importsByTarget;
    for (const ImportRow &r : std::as_const(preview.rows.rows)) {
        if (r.isError() || r.action == RowAction::Unchanged)
            continue;
        if (r.deviceId.isEmpty()) {
            batch.imports.append({r.identifier, r.target, r.name, r.notes});
            if (r.target && r.target->kind != Domain::MoveTarget::Kind::Unassigned)
                ++importsByTarget[r.toPath];
        } else {
            batch.devices.append({r.deviceId, r.target, r.name, r.notes});
        }
    }
    const int changes = preview.rows.validChanges();
    // Counted phrases read right in English without a catalogue: the singular is its own string.
    if (fileName.isEmpty())
        batch.text = Text::tr("Import %Ln devices", nullptr, changes);
    else
        batch.text = (Text::tr("Import %Ln devices from %1", nullptr, changes)).arg(fileName);
    if (batch.nodes.isEmpty() && batch.devices.isEmpty() && batch.imports.isEmpty()) {
        preview.edit.kind = EditPlan::Kind::Batch;
        preview.edit.notice = preview.rows.errorCount() > 0
            ? Text::tr("No row without errors changes anything.")
            : Text::tr("Nothing to change: the fleet is as the file says.");
        return preview;
    }
    preview.edit = planBatch(batch);
    preview.requests = preview.edit.impact.requests;
    if (!batch.imports.isEmpty()) {
        // The import entry counts once in the edit's requests; it takes the import and the
        // reads of the new devices, then places them: a group change per batch and target,
        // a claim per device a linked customer takes, a request per new name or notes.
        const int n = static_cast<int>(batch.imports.size());
        preview.requests
            += Sync::Outbox::importRequests(
                   n, static_cast<int>(state.devices.size()) + n, Sync::SyncConfig().perPage)
            - 1;
        for (const int count : std::as_const(importsByTarget))
            preview.requests += (count + BatchSize - 1) / BatchSize;
        preview.requests += preview.edit.impact.importClaims;
        for (const Sync::Outbox::ImportPlacement &p : std::as_const(batch.imports))
            preview.requests += (p.name || p.notes) ? 1 : 0;
    }
    return preview;
}

QString FleetEditor::applyImport(const ImportPreview &preview, bool onlyValid)
{
    if (!preview.rows.error.isEmpty())
        return report(preview.rows.error);
    const int errors = preview.rows.errorCount();
    if (errors > 0 && !onlyValid)
        return report(Text::tr("%Ln rows of the file have errors, so nothing was imported: correct "
                               "the file, or import only the rows without errors.",
            nullptr, errors));
    QString error;
    {
        // Its activity rows say they came from an import (its undo and redo, later, are the
        // console's or the command line's).
        const QScopedValueRollback source(m_source, QString(Store::ActivitySource::Import));
        error = apply(preview.edit);
    }
    if (error.isEmpty()) {
        for (const ImportRow &row : preview.rows.rows) {
            if (row.action == RowAction::Import)
                m_importRows.insert(Sync::Outbox::identifierKey(row.identifier), row.row);
        }
    }
    return error;
}

QList<FleetEditor::ImportRowReport> FleetEditor::importReports(const Sync::ImportOutcome &outcome)
{
    QList<ImportRowReport> reports;
    const auto add = [&](const QString &identifier, const QString &reason) {
        const auto it = m_importRows.constFind(Sync::Outbox::identifierKey(identifier));
        if (it == m_importRows.cend())
            return;
        reports.append({*it, identifier, reason});
        m_importRows.erase(it);
    };
    for (auto it = outcome.refused.cbegin(); it != outcome.refused.cend(); ++it)
        add(it.key(), it.value());
    for (const QString &identifier : outcome.notFound)
        add(identifier, Text::tr("imported, but not found in the product afterwards"));
    for (auto it = outcome.unplaced.cbegin(); it != outcome.unplaced.cend(); ++it)
        add(it.key(), Text::tr("imported, but not placed: %1").arg(it.value()));
    for (const QString &identifier : outcome.imported + outcome.existing)
        m_importRows.remove(Sync::Outbox::identifierKey(identifier));
    std::sort(reports.begin(), reports.end(),
        [](const ImportRowReport &a, const ImportRowReport &b) { return a.row < b.row; });
    return reports;
}

// --- applying -------------------------------------------------------------------------------

QString FleetEditor::apply(const EditPlan &plan)
{
    if (plan.isRefused())
        return plan.error;
    if (plan.isEmpty())
        return plan.notice;
    if (!m_engine)
        return report(notAvailable());
    if (plan.createAccount && !m_accountCreated)
        return report(Text::tr("The customer account %1 must be created first.").arg(plan.account));
    const Sync::FleetState &state = m_engine->state();
    switch (plan.kind) {
    case EditPlan::Kind::None:
        return QString();
    case EditPlan::Kind::MoveDevices: {
        auto command = MoveDevicesCommand::create(this, state, plan.deviceIds, plan.target);
        if (command->deviceIds().isEmpty())
            return Text::tr("Nothing to move: the devices are no longer in the fleet.");
        return push(command.release()) ? QString() : m_lastRefusal;
    }
    case EditPlan::Kind::MoveNode: {
        QString error;
        auto command
            = MoveNodeCommand::move(this, state, plan.path, plan.newParentPath, QString(), &error);
        if (!command)
            return report(error);
        return push(command.release()) ? QString() : m_lastRefusal;
    }
    case EditPlan::Kind::CreateNode: {
        if (const QString e = creationError(
                state.hierarchy(), state.groups, plan.newParentPath, plan.slug, plan.title);
            !e.isEmpty())
            return report(e);
        return push(new EntriesCommand(this, QStringLiteral("create group"), plan.path,
                   {Sync::Outbox::createGroup(nodeGroup(plan.path, plan.title, plan.account))},
                   {Sync::Outbox::deleteGroup(plan.path)}, plan.text))
            ? QString()
            : m_lastRefusal;
    }
    case EditPlan::Kind::RenameNode: {
        const Domain::Hierarchy hierarchy = state.hierarchy();
        const Domain::Node *node = hierarchy.node(plan.path);
        if (!node)
            return report(Text::tr("That customer or group is not in the tree any more."));
        std::unique_ptr<MoveNodeCommand> rename;
        if (plan.slug != Domain::lastSlug(plan.path)) {
            QString error;
            rename = MoveNodeCommand::rename(this, state, plan.path, plan.slug, &error);
            if (!rename)
                return report(error);
        }
        m_refused = false;
        m_undoStack->beginMacro(plan.text);
        if (plan.title != node->title) {
            const QString oldDescription = state.groups.value(plan.path).description;
            Domain::NodeTag tag = Domain::parseDescription(oldDescription)
                                      .value_or(Domain::NodeTag {node->kind, node->title, {}});
            if (!node->account.isEmpty())
                tag.attributes.insert(Domain::AccountAttribute, node->account);
            tag.title = plan.title;
            m_undoStack->push(new EntriesCommand(this, QStringLiteral("update group"), plan.path,
                {Sync::Outbox::updateGroup(plan.path,
                    QJsonObject {{QStringLiteral("description"), Domain::formatDescription(tag)}})},
                {Sync::Outbox::updateGroup(
                    plan.path, QJsonObject {{QStringLiteral("description"), oldDescription}})},
                Text::tr("Retitle %1").arg(node->title)));
        }
        if (rename)
            m_undoStack->push(rename.release());
        m_undoStack->endMacro();
        return m_refused ? m_lastRefusal : QString();
    }
    case EditPlan::Kind::DeleteNode: {
        const Domain::Hierarchy hierarchy = state.hierarchy();
        if (!hierarchy.node(plan.path))
            return report(Text::tr("That customer or group is not in the tree any more."));
        const QStringList subtree = hierarchy.subtree(plan.path);
        QStringList devices;
        for (auto it = state.devices.cbegin(); it != state.devices.cend(); ++it) {
            const Domain::Placement p = Domain::placeDevice(it->groups, hierarchy);
            if (p.kind == Domain::PlacementKind::Node
                && Domain::isAncestorOrSelf(plan.path, p.path))
                devices.append(it.key());
        }
        devices.sort();
        QList<OutboxEntry> deletes;
        QList<OutboxEntry> recreates;
        for (auto it = subtree.crbegin(); it != subtree.crend(); ++it)
            deletes.append(Sync::Outbox::deleteGroup(*it));
        for (const QString &g : subtree) {
            if (state.groups.contains(g))
                recreates.append(Sync::Outbox::createGroup(state.groups.value(g)));
        }
        // Devices in a group of the subtree without being placed in it (Needs repair) lose
        // that group with it: undo gives them back exactly the groups they had.
        const QSet<QString> deleted(subtree.cbegin(), subtree.cend());
        QHash<QString, QStringList> others;
        for (auto it = state.devices.cbegin(); it != state.devices.cend(); ++it) {
            if (devices.contains(it.key()))
                continue;
            if (std::any_of(it->groups.cbegin(), it->groups.cend(),
                    [&](const QString &g) { return deleted.contains(g); }))
                others.insert(it.key(), it->groups);
        }
        m_refused = false;
        m_undoStack->beginMacro(plan.text);
        if (!devices.isEmpty())
            m_undoStack->push(
                MoveDevicesCommand::create(this, state, devices, Domain::MoveTarget::unassigned())
                    .release());
        if (!others.isEmpty()) {
            const QPointer<FleetEditor> self(this);
            const int n = static_cast<int>(others.size());
            m_undoStack->push(new EntriesCommand(
                this, QStringLiteral("restore groups"), Text::tr("%Ln devices", nullptr, n),
                [] { return PlannedEntries {}; },
                [self, others] {
                    if (!self || !self->m_engine)
                        return PlannedEntries {{}, notAvailable()};
                    PlannedEntries back;
                    back.entries = groupsEntries(self->m_engine->state(), others, &back.error);
                    return back;
                },
                plan.text));
        }
        m_undoStack->push(new EntriesCommand(
            this, QStringLiteral("delete group"), plan.path, deletes, recreates, plan.text));
        m_undoStack->endMacro();
        return m_refused ? m_lastRefusal : QString();
    }
    case EditPlan::Kind::UpdateDevices: {
        QList<OutboxEntry> redo;
        QList<OutboxEntry> undo;
        for (const QString &id : plan.deviceIds) {
            const auto it = state.devices.constFind(id);
            if (it == state.devices.cend())
                continue;
            QJsonObject next;
            QJsonObject back;
            if (plan.notes) {
                const QString old = it->hasNotes ? it->notes : QString();
                if (old != *plan.notes || it->hasNotes != !plan.notes->isEmpty()) {
                    next.insert(QStringLiteral("notes"),
                        plan.notes->isEmpty() ? QJsonValue(QJsonValue::Null)
                                              : QJsonValue(*plan.notes));
                    back.insert(QStringLiteral("notes"),
                        it->hasNotes ? QJsonValue(it->notes) : QJsonValue(QJsonValue::Null));
                }
            }
            if (plan.name && *plan.name != it->name) {
                next.insert(QStringLiteral("name"), *plan.name);
                // The cloud has no "no name": a device without one keeps its new name on undo.
                if (!it->name.isEmpty())
                    back.insert(QStringLiteral("name"), it->name);
            }
            if (next.isEmpty())
                continue;
            redo.append(Sync::Outbox::updateDevice(id, next));
            if (!back.isEmpty())
                undo.append(Sync::Outbox::updateDevice(id, back));
        }
        if (redo.isEmpty())
            return plan.notes ? Text::tr("The notes are unchanged.")
                              : Text::tr("The name is unchanged.");
        const int count = static_cast<int>(plan.deviceIds.size());
        const QString activity
            = count == 1 ? plan.deviceIds.constFirst() : Text::tr("%Ln devices", nullptr, count);
        return push(new EntriesCommand(
                   this, QStringLiteral("update device"), activity, redo, undo, plan.text))
            ? QString()
            : m_lastRefusal;
    }
    case EditPlan::Kind::Repair:
        return push(new RepairDevicesCommand(this, plan.groupsBefore, plan.groupsAfter, plan.text))
            ? QString()
            : m_lastRefusal;
    case EditPlan::Kind::Batch: {
        // Redo plans the batch again on the fleet as it is then; undo takes every device back
        // to where it was, restores names and notes, and deletes the nodes created (children
        // first), in one edit.
        const Domain::Hierarchy hierarchy = state.hierarchy();
        QStringList ids;
        QList<QPair<QString, QJsonObject>> restore; // in the batch's order
        for (const DeviceChange &c : plan.batch.devices) {
            const auto it = state.devices.constFind(c.deviceId);
            if (it == state.devices.cend())
                continue;
            if (c.target)
                ids.append(c.deviceId);
            QJsonObject back;
            // The cloud has no "no name": a device without one keeps its new name on undo.
            if (c.name && !it->name.isEmpty())
                back.insert(QStringLiteral("name"), it->name);
            if (c.notes)
                back.insert(QStringLiteral("notes"),
                    it->hasNotes ? QJsonValue(it->notes) : QJsonValue(QJsonValue::Null));
            if (!back.isEmpty())
                restore.append({c.deviceId, back});
        }
        const QHash<QString, OriginalPlacement> original
            = originalPlacements(state, hierarchy, ids);
        QStringList created;
        for (const NodeCreation &n : plan.batch.nodes)
            created.append(
                n.parentPath.isEmpty() ? n.slug : Domain::childPath(n.parentPath, n.slug));
        const QPointer<FleetEditor> self(this);
        const BatchEdit batch = plan.batch;
        const auto redo = [self, batch] {
            if (!self)
                return PlannedEntries {{}, notAvailable()};
            const EditPlan again = self->planBatch(batch);
            return PlannedEntries {again.entries, again.isRefused() ? again.error : QString()};
        };
        // Imported devices stay in the product: undo takes them to Unassigned (and so from
        // the customer's account that claimed them).
        QList<Sync::Outbox::ImportPlacement> unplace;
        for (const Sync::Outbox::ImportPlacement &p : plan.batch.imports) {
            if (p.target && *p.target != Domain::MoveTarget::unassigned())
                unplace.append({p.identifier, Domain::MoveTarget::unassigned(), {}, {}});
        }
        const auto undo = [self, original, restore, created, unplace] {
            if (!self || !self->m_engine)
                return PlannedEntries {{}, notAvailable()};
            const Sync::FleetState &now = self->m_engine->state();
            PlannedEntries back;
            for (const auto &[id, fields] : restore) {
                if (now.devices.contains(id))
                    back.entries.append(Sync::Outbox::updateDevice(id, fields));
            }
            back.entries += moveBackEntries(now, original, &back.error);
            if (!unplace.isEmpty())
                back.entries.append(Sync::Outbox::importDevices(unplace));
            for (auto it = created.crbegin(); it != created.crend(); ++it) {
                if (now.groups.contains(*it))
                    back.entries.append(Sync::Outbox::deleteGroup(*it));
            }
            return back;
        };
        const int n = static_cast<int>(
            plan.batch.devices.size() + plan.batch.nodes.size() + plan.batch.imports.size());
        return push(new EntriesCommand(this, QStringLiteral("batch"),
                   Text::tr("%Ln changes", nullptr, n), redo, undo, plan.text))
            ? QString()
            : m_lastRefusal;
    }
    }
    return QString();
}

void FleetEditor::applyWithAccount(
    const EditPlan &plan, QObject *context, std::function<void(const Outcome &)> done)
{
    if (!plan.createAccount || !m_accounts) {
        const QString error = apply(plan);
        done(Outcome {error.isEmpty(), error, QString()});
        return;
    }
    if (!plan.canApply()) {
        done(Outcome {false, plan.isRefused() ? plan.error : plan.notice, QString()});
        return;
    }
    const QPointer<QObject> guard(context);
    m_accounts->createCustomerAccount(
        plan.account, this, [this, plan, guard, done](const AccountService::Created &created) {
            if (!guard)
                return;
            if (!created.created && !created.exists) {
                done(Outcome {false,
                    Text::tr("The customer account %1 could not be created, so the customer was "
                             "not created either: %2")
                        .arg(plan.account, created.error),
                    QString()});
                return;
            }
            const QString prefix = created.exists
                ? Text::tr("The customer account %1 already exists.").arg(plan.account)
                : Text::tr("Customer account %1 created.").arg(plan.account);
            QString error;
            {
                const QScopedValueRollback accountCreated(m_accountCreated, true);
                error = apply(plan);
            }
            if (!error.isEmpty())
                done(Outcome {false,
                    Text::tr("%1 The customer was not created: %2").arg(prefix, error), prefix});
            else
                done(Outcome {true, QString(), prefix});
        });
}

} // namespace Flotilla::Edit
