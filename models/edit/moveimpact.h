// SPDX-License-Identifier: MIT
#pragma once

#include "domain/moves.h"
#include "sync/fleetstate.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Flotilla::Edit {

struct SubtreeEdit;

// What moving devices would do, shown before anything is sent (design.md: "which devices will
// get which firmware"): Particle flashes a device whose target version changes, and a move
// into or out of a linked customer claims or releases the device.

struct DeviceMoveImpact
{
    QString deviceId;
    std::optional<int> targetBefore; // FleetState::targetFor() with the groups now
    std::optional<int> targetAfter; // ... with the groups after the move
    Domain::OwnerChange ownerChange; // what the move does to the owner
    bool alreadyThere = false; // the move changes none of its groups
    bool targetChanges() const { return targetBefore != targetAfter; }
    bool operator==(const DeviceMoveImpact &) const = default;
};

// Devices whose target goes from `from` to `to` (nothing: not targeted).
struct FirmwareTargetChange
{
    std::optional<int> from;
    std::optional<int> to;
    int count = 0;
    QString label() const; // "v4 → v5: 12", "none → v5: 1"
    bool operator==(const FirmwareTargetChange &) const = default;
};

struct MoveImpact
{
    QList<DeviceMoveImpact> devices; // in the order asked, unknown ids left out
    QStringList unknownDevices; // ids not in the fleet
    QList<FirmwareTargetChange> firmwareChanges; // targets that change, by (from, to)
    int claims = 0; // devices claimed to a customer account
    int unclaims = 0; // devices released from their owner
    QMap<QString, int> claimsByAccount;
    int alreadyThere = 0;
    // Anything the user should confirm: an owner or a firmware target changes.
    bool needsConfirmation = false;
    int targetChanges() const;
};

// The impact of moving `deviceIds` to `target` in `state`. Pure: the devices' groups after the
// move are Domain::planMove's, the targets FleetState::targetFor's, and the owner changes those
// the move makes (Domain::deviceOwnerChange): accounts from Domain::accountOf of the source and
// the target, the device's current owner deciding whether there is anything to release.
MoveImpact computeMoveImpact(
    const Sync::FleetState &state, const QStringList &deviceIds, const Domain::MoveTarget &target);

// The impact of a subtree edit (a group moved under another node, or renamed): every device of
// the subtree gets the renamed groups and the member delta; releases follow their renamed
// groups; owners change as FleetEditor::changeSubtree changes them. Always to be confirmed.
MoveImpact subtreeImpact(const Sync::FleetState &state, const SubtreeEdit &edit);

// What a move or subtree edit does, sentence by sentence, as the confirmation shows it and the
// command line prints it: devices that move, Particle groups renamed (`renames`), claims and
// releases, firmware targets that change, devices already there or no longer in the fleet.
QStringList impactSummary(const MoveImpact &impact, int renames);

} // namespace Flotilla::Edit
