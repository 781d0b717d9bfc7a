// SPDX-License-Identifier: MIT
#pragma once

#include "domain/hierarchy.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Flotilla::Domain {

// Moving devices and whole subtrees in the tree, as changes of Particle group memberships
// (docs/hierarchy.md).

// A change of one device's groups: first `remove`, then `add`. Both sorted, without
// duplicates; the deltas made here never name a group in both lists, so the order in which a
// server applies them does not matter. This is the body of a batch `PUT /devices` call with
// action "groups".
struct GroupDelta
{
    QStringList add;
    QStringList remove;
    bool isEmpty() const { return add.isEmpty() && remove.isEmpty(); }
    bool operator==(const GroupDelta &) const = default;
};

// The groups after the delta: (groups \ remove) ∪ add, sorted, without duplicates.
QStringList applyDelta(const QStringList &groups, const GroupDelta &delta);

// One delta that does what applying `first` then `second` does, for any group list:
// add = (add1 \ remove2) ∪ add2, remove = (remove1 ∪ remove2) \ add.
GroupDelta mergeDeltas(const GroupDelta &first, const GroupDelta &second);

// Where a device is dropped.
struct MoveTarget
{
    enum class Kind { Unassigned, Returns, Node };
    Kind kind = Kind::Unassigned;
    QString path; // Kind::Node: the node's path

    static MoveTarget unassigned() { return {}; }
    static MoveTarget returns() { return {Kind::Returns, {}}; }
    static MoveTarget node(const QString &path) { return {Kind::Node, path}; }
    bool operator==(const MoveTarget &) const = default;
};

// The delta that moves a device with `currentGroups` to `target`: labels stay, the node groups
// become exactly the target's chain (none for Unassigned and Returns), "flotilla-returns" is
// there only for Returns. Works from any starting point, inconsistent ones included. A node
// target's chain is derived from its path; the path should be a node of `hierarchy`.
GroupDelta planMove(
    const QStringList &currentGroups, const MoveTarget &target, const Hierarchy &hierarchy);

// Devices that get the same delta, at most the chunk size per batch.
struct DeviceBatch
{
    GroupDelta delta;
    QStringList deviceIds; // sorted
    bool operator==(const DeviceBatch &) const = default;
};

// One batch per distinct non-empty delta (empty deltas need no request), split into chunks of
// at most `maxDevicesPerBatch` devices (no limit when it is below 1). Batches are ordered by
// delta (add, then remove, compared as lists) and then by device ID, so that the plan is the
// same on every run.
QList<DeviceBatch> batchByDelta(
    const QHash<QString, GroupDelta> &deltaByDevice, int maxDevicesPerBatch);

// What a move does to a device's owner when the source and target customer accounts differ.
struct OwnerChange
{
    enum class Action {
        None, // same account (or none on both sides)
        Claim, // unowned -> claim to `account`
        Unclaim, // owned -> no account at the target
        UnclaimAndClaim, // owned by another account -> unclaim, then claim to `account`
    };
    Action action = Action::None;
    QString account; // the account to claim to (Claim, UnclaimAndClaim)
    bool releases() const { return action == Action::Unclaim || action == Action::UnclaimAndClaim; }
    bool claims() const { return action == Action::Claim || action == Action::UnclaimAndClaim; }
    bool operator==(const OwnerChange &) const = default;
};

// Accounts compare case-insensitively (they are e-mail addresses or usernames). Pass the
// device's actual owner as `fromAccount` to also correct an owner that drifted.
OwnerChange ownerChange(const QString &fromAccount, const QString &toAccount);

// What a move does to one device's owner (the rule every move follows: devices, subtrees,
// deletions): a device already owned by the target's account `toAccount` stays; a device owned
// by its source customer's account `fromAccount`, or going to another linked customer, is
// released; every device going to a linked customer is claimed to its account. A claim that
// is not its source customer's stays unless another account takes the device. `owner` is the
// device's current owner (empty: unclaimed).
OwnerChange deviceOwnerChange(
    const QString &owner, const QString &fromAccount, const QString &toAccount);

// A group renamed in Particle (PUT /groups/:from with name=to).
struct GroupRename
{
    QString from;
    QString to;
    bool operator==(const GroupRename &) const = default;
};

// Moving or renaming a node with its subtree: every node group of the subtree is renamed (the
// devices keep their memberships through the renames), then every device of the subtree gets
// `memberDelta` (the old parent chain out, the new one in). Nothing else changes: labels,
// releases and the devices' own places inside the subtree stay.
struct SubtreeChange
{
    QList<GroupRename> renames; // one per node of the subtree, parents first
    GroupDelta memberDelta; // empty for a rename in place
    QString fromAccount; // accountOf() the node before and after: see ownerChange()
    QString toAccount;
    QString error; // why the change is refused; empty when it is possible
    bool ok() const { return error.isEmpty(); }
};

// Moves the group node `path` and its subtree under `newParentPath` (a customer or a group),
// optionally under a new slug (empty: keep the last slug). Refused, with a reason: a node that
// does not exist, a customer (customers are never moved; rename them), a target that is not a
// node, the node itself, a node inside its own subtree, the node's current parent without a
// new slug, an invalid slug, a result deeper than the maximum depth, longer than 64
// characters, or equal to a group that exists.
SubtreeChange planSubtreeMove(const Hierarchy &hierarchy, const QString &path,
    const QString &newParentPath, const QString &newSlug = QString());

// Renames the last slug of `path` (a customer or a group) and of every node under it. Refused
// when the node does not exist, the slug is invalid or unchanged, or a resulting name is too
// long or taken.
SubtreeChange planNodeRename(
    const Hierarchy &hierarchy, const QString &path, const QString &newSlug);

} // namespace Flotilla::Domain
