// SPDX-License-Identifier: MIT
#include "tree/moveimpact.h"

#include "domain/hierarchy.h"
#include "domain/text.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>
#include <utility>

namespace Flotilla::Tree {

namespace {

QString versionText(const std::optional<int> &version)
{
    return version ? Text::tr("v%1").arg(*version) : Text::tr("none");
}

// What SyncEngine::moveDevices does to the owner: a device already owned by the target's
// account stays; a device owned by its source customer's account, or going to another linked
// customer, is released; a device going to a linked customer is claimed to its account.
Domain::OwnerChange plannedOwnerChange(
    const QString &owner, const QString &fromAccount, const QString &toAccount)
{
    if (!owner.isEmpty() && owner == toAccount)
        return {};
    const bool unclaim = !owner.isEmpty() && (owner == fromAccount || !toAccount.isEmpty());
    const bool claim = !toAccount.isEmpty();
    Domain::OwnerChange change;
    if (unclaim && claim)
        change.action = Domain::OwnerChange::Action::UnclaimAndClaim;
    else if (claim)
        change.action = Domain::OwnerChange::Action::Claim;
    else if (unclaim)
        change.action = Domain::OwnerChange::Action::Unclaim;
    if (claim)
        change.account = toAccount;
    return change;
}

} // namespace

QString FirmwareTargetChange::label() const
{
    return Text::tr("%1 → %2: %3").arg(versionText(from), versionText(to)).arg(count);
}

int MoveImpact::targetChanges() const
{
    int n = 0;
    for (const FirmwareTargetChange &c : firmwareChanges)
        n += c.count;
    return n;
}

MoveImpact computeMoveImpact(
    const Sync::FleetState &state, const QStringList &deviceIds, const Domain::MoveTarget &target)
{
    MoveImpact impact;
    const Domain::Hierarchy hierarchy = state.hierarchy();
    const QString toAccount = target.kind == Domain::MoveTarget::Kind::Node
        ? Domain::accountOf(target.path, hierarchy)
        : QString();
    // std::optional orders "none" before every version.
    std::map<std::pair<std::optional<int>, std::optional<int>>, int> changes;
    QSet<QString> seen;
    for (const QString &id : deviceIds) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        const auto it = state.devices.constFind(id);
        if (it == state.devices.cend()) {
            impact.unknownDevices.append(id);
            continue;
        }
        const Domain::Device &device = *it;
        DeviceMoveImpact d;
        d.deviceId = id;
        const Domain::GroupDelta delta = Domain::planMove(device.groups, target, hierarchy);
        d.alreadyThere = delta.isEmpty();
        Domain::Device moved = device;
        moved.groups = Domain::applyDelta(device.groups, delta);
        d.targetBefore = state.targetFor(device);
        d.targetAfter = state.targetFor(moved);
        const Domain::Placement from = Domain::placeDevice(device.groups, hierarchy);
        const QString fromAccount = from.kind == Domain::PlacementKind::Node
            ? Domain::accountOf(from.path, hierarchy)
            : QString();
        d.ownerChange = plannedOwnerChange(device.owner, fromAccount, toAccount);

        switch (d.ownerChange.action) {
        case Domain::OwnerChange::Action::None:
            break;
        case Domain::OwnerChange::Action::Claim:
            ++impact.claims;
            ++impact.claimsByAccount[d.ownerChange.account];
            break;
        case Domain::OwnerChange::Action::Unclaim:
            ++impact.unclaims;
            break;
        case Domain::OwnerChange::Action::UnclaimAndClaim:
            ++impact.unclaims;
            ++impact.claims;
            ++impact.claimsByAccount[d.ownerChange.account];
            break;
        }
        if (d.targetChanges())
            ++changes[{d.targetBefore, d.targetAfter}];
        if (d.alreadyThere)
            ++impact.alreadyThere;
        impact.devices.append(d);
    }
    for (const auto &[fromTo, count] : changes)
        impact.firmwareChanges.append(FirmwareTargetChange {fromTo.first, fromTo.second, count});
    impact.needsConfirmation
        = !impact.firmwareChanges.isEmpty() || impact.claims > 0 || impact.unclaims > 0;
    return impact;
}

} // namespace Flotilla::Tree
