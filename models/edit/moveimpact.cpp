// SPDX-License-Identifier: MIT
#include "edit/moveimpact.h"

#include "domain/hierarchy.h"
#include "domain/precedence.h"
#include "domain/text.h"
#include "edit/commands.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>
#include <utility>

namespace Flotilla::Edit {

namespace {

QString versionText(const std::optional<int> &version)
{
    return version ? Text::tr("v%1").arg(*version) : Text::tr("none");
}

QStringList renamedGroups(const QStringList &groups, const QHash<QString, QString> &renames)
{
    QStringList out;
    out.reserve(groups.size());
    for (const QString &g : groups)
        out.append(renames.value(g, g));
    out.sort();
    out.removeDuplicates();
    return out;
}

void countOwnerChange(MoveImpact &impact, const Domain::OwnerChange &change)
{
    if (change.claims()) {
        ++impact.claims;
        ++impact.claimsByAccount[change.account];
    }
    if (change.releases())
        ++impact.unclaims;
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
        d.ownerChange = Domain::deviceOwnerChange(device.owner, fromAccount, toAccount);
        countOwnerChange(impact, d.ownerChange);
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

MoveImpact subtreeImpact(const Sync::FleetState &state, const SubtreeEdit &edit)
{
    QHash<QString, QString> renames;
    for (const Domain::GroupRename &r : edit.renames)
        renames.insert(r.from, r.to);
    const QHash<QString, int> released = state.releasedVersionByGroup();
    QHash<QString, int> releasedAfter;
    for (auto it = released.cbegin(); it != released.cend(); ++it)
        releasedAfter.insert(renames.value(it.key(), it.key()), it.value());
    const std::optional<int> productDefault = state.productDefault();
    const bool ownersChange = Domain::ownerChange(edit.fromAccount, edit.toAccount).action
        != Domain::OwnerChange::Action::None;

    MoveImpact impact;
    std::map<std::pair<std::optional<int>, std::optional<int>>, int> changes;
    for (const QString &id : edit.deviceIds) {
        const auto it = state.devices.constFind(id);
        if (it == state.devices.cend()) {
            impact.unknownDevices.append(id);
            continue;
        }
        DeviceMoveImpact d;
        d.deviceId = id;
        d.targetBefore = state.targetFor(*it);
        Domain::Device after = *it;
        after.groups = Domain::applyDelta(renamedGroups(it->groups, renames), edit.memberDelta);
        d.targetAfter = Domain::effectiveTarget(after, releasedAfter, productDefault);
        if (ownersChange) {
            d.ownerChange = Domain::deviceOwnerChange(it->owner, edit.fromAccount, edit.toAccount);
            countOwnerChange(impact, d.ownerChange);
        }
        if (d.targetChanges())
            ++changes[{d.targetBefore, d.targetAfter}];
        impact.devices.append(d);
    }
    for (const auto &[fromTo, count] : changes)
        impact.firmwareChanges.append(FirmwareTargetChange {fromTo.first, fromTo.second, count});
    impact.needsConfirmation = true; // group renames are always confirmed
    return impact;
}

QStringList impactSummary(const MoveImpact &impact, int renames)
{
    // Counted phrases read right in English through the English catalogue's plural forms.
    QStringList lines;
    const int moving = static_cast<int>(impact.devices.size()) - impact.alreadyThere;
    lines.append(Text::tr("%Ln devices move.", nullptr, moving));
    if (renames > 0)
        lines.append(
            Text::tr("%Ln Particle groups get new names to follow their new place; their devices "
                     "and firmware releases stay with them.",
                nullptr, renames));
    for (auto it = impact.claimsByAccount.cbegin(); it != impact.claimsByAccount.cend(); ++it)
        lines.append(
            Text::tr("%Ln devices will be claimed to the customer account %1.", nullptr, it.value())
                .arg(it.key()));
    if (impact.unclaims > 0)
        lines.append(Text::tr(
            "%Ln devices will be released from their current owner.", nullptr, impact.unclaims));
    const int flashes = impact.targetChanges();
    if (flashes > 0)
        lines.append(Text::tr(
            "%Ln devices get a new firmware target: Particle will flash them when they next "
            "connect (or now, if they are online).",
            nullptr, flashes));
    else
        lines.append(Text::tr("No device changes its firmware target."));
    if (impact.alreadyThere > 0)
        lines.append(Text::tr(
            "%Ln devices are already there and do not change.", nullptr, impact.alreadyThere));
    const int unknown = static_cast<int>(impact.unknownDevices.size());
    if (unknown > 0)
        lines.append(
            Text::tr("%Ln devices are no longer in the fleet and are left out.", nullptr, unknown));

    return lines;
}

} // namespace Flotilla::Edit
