// SPDX-License-Identifier: MIT
#include "tree/enginemoveexecutor.h"

#include "domain/hierarchy.h"
#include "domain/text.h"
#include "sync/outboxops.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>

namespace Flotilla::Tree {

namespace {

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

} // namespace

EngineMoveExecutor::EngineMoveExecutor(Sync::SyncEngine *engine)
    : m_engine(engine)
{ }

EngineMoveExecutor::~EngineMoveExecutor() = default;

QString EngineMoveExecutor::moveDevices(
    const QStringList &deviceIds, const Domain::MoveTarget &target)
{
    if (!m_engine)
        return Text::tr("The fleet is not available");
    return m_engine->moveDevices(deviceIds, target);
}

QString EngineMoveExecutor::setDeviceGroups(const QHash<QString, QStringList> &groupsByDevice)
{
    if (!m_engine)
        return Text::tr("The fleet is not available");
    const Sync::FleetState &state = m_engine->state();
    QHash<QString, Domain::GroupDelta> deltas;
    for (auto it = groupsByDevice.cbegin(); it != groupsByDevice.cend(); ++it) {
        const auto device = state.devices.constFind(it.key());
        if (device == state.devices.cend())
            return Text::tr("Unknown device %1").arg(it.key());
        const Domain::GroupDelta delta {sortedDifference(it.value(), device->groups),
            sortedDifference(device->groups, it.value())};
        if (!delta.isEmpty())
            deltas.insert(it.key(), delta);
    }
    QList<Store::OutboxEntry> entries;
    for (const Domain::DeviceBatch &batch : Domain::batchByDelta(deltas, BatchSize))
        entries.append(Sync::Outbox::groups(batch.deviceIds, batch.delta));
    if (entries.isEmpty())
        return QString();
    return m_engine->applyEdit(QStringLiteral("restore groups"),
        deltas.size() == 1 ? Text::tr("1 device")
                           : Text::tr("%n devices", nullptr, static_cast<int>(deltas.size())),
        entries);
}

QString EngineMoveExecutor::changeSubtree(const SubtreeEdit &edit)
{
    if (!m_engine)
        return Text::tr("The fleet is not available");
    const Sync::FleetState &state = m_engine->state();
    const Domain::Hierarchy hierarchy = state.hierarchy();
    // The renames must find their groups, and must not land on one that exists (unless an
    // earlier rename of the same edit frees the name).
    QSet<QString> names;
    for (auto it = state.groups.cbegin(); it != state.groups.cend(); ++it)
        names.insert(it.key());
    QList<Store::OutboxEntry> entries;
    for (const Domain::GroupRename &r : edit.renames) {
        if (!names.contains(r.from))
            return Text::tr("A customer or group of this change is not in the tree any more");
        if (r.to != r.from && names.contains(r.to))
            return Text::tr("%1 already exists where this change would put a customer or group")
                .arg(hierarchy.isNode(r.to)
                        ? QStringLiteral("“%1”").arg(Domain::titlePath(hierarchy, r.to))
                        : Text::tr("The group '%1'").arg(r.to));
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
        for (qsizetype i = 0; i < ids.size(); i += BatchSize)
            entries.append(Sync::Outbox::groups(ids.mid(i, BatchSize), edit.memberDelta));
    }
    // Owners, as SyncEngine::moveDevices treats them: a device already owned by the target
    // account stays; one owned by the source account, or going to another linked customer, is
    // released; every device going to a linked customer is claimed.
    if (Domain::ownerChange(edit.fromAccount, edit.toAccount).action
        != Domain::OwnerChange::Action::None) {
        for (const QString &id : std::as_const(ids)) {
            const QString owner = state.devices.value(id).owner;
            if (!owner.isEmpty() && owner == edit.toAccount)
                continue;
            if (!owner.isEmpty() && (owner == edit.fromAccount || !edit.toAccount.isEmpty()))
                entries.append(Sync::Outbox::unclaim(id));
            if (!edit.toAccount.isEmpty())
                entries.append(Sync::Outbox::claim(id, edit.toAccount));
        }
    }
    if (entries.isEmpty())
        return QString();
    return m_engine->applyEdit(QStringLiteral("move group"), edit.subject, entries);
}

} // namespace Flotilla::Tree
