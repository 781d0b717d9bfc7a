// SPDX-License-Identifier: MIT
#include "domain/moves.h"

#include "domain/text.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <map>
#include <utility>

namespace Flotilla::Domain {

namespace {

QStringList sortedUnique(QStringList list)
{
    list.sort();
    list.erase(std::unique(list.begin(), list.end()), list.end());
    return list;
}

// `a` without the members of `b`, sorted, without duplicates.
QStringList minus(const QStringList &a, const QStringList &b)
{
    const QSet<QString> drop(b.cbegin(), b.cend());
    QStringList out;
    for (const QString &s : a) {
        if (!drop.contains(s))
            out.append(s);
    }
    return sortedUnique(out);
}

// A node as people know it ("“Acme Logistics › Berlin depot”"), or a label or a missing node by
// its group name.
QString named(const Hierarchy &hierarchy, const QString &path)
{
    if (hierarchy.isNode(path))
        return QStringLiteral("“%1”").arg(titlePath(hierarchy, path));
    return Text::tr("the group '%1'").arg(path);
}

SubtreeChange refused(const QString &reason)
{
    SubtreeChange change;
    change.error = reason;
    return change;
}

// The renames and member delta that put the subtree of `path` at `newParent` + `slug`, or the
// reason why not.
SubtreeChange relocate(
    const Hierarchy &hierarchy, const QString &path, const QString &newParent, const QString &slug)
{
    const QString newPath = childPath(newParent, slug);
    SubtreeChange change;
    for (const QString &old : hierarchy.subtree(path)) {
        const QString renamed = newPath + QStringView(old).mid(path.size());
        const QString error = nodePathError(renamed);
        if (!error.isEmpty())
            return refused(error);
        if (hierarchy.contains(renamed))
            return refused(Text::tr("%1 already exists in the product, where %2 would go")
                               .arg(named(hierarchy, renamed), named(hierarchy, old)));
        change.renames.append(GroupRename {old, renamed});
    }
    const QStringList oldChain = pathChain(parentPath(path));
    const QStringList newChain = pathChain(newParent);
    change.memberDelta.remove = minus(oldChain, newChain);
    change.memberDelta.add = minus(newChain, oldChain);
    change.fromAccount = accountOf(path, hierarchy);
    // A renamed customer keeps its description, so its account goes with it.
    change.toAccount = newParent.isEmpty() ? change.fromAccount : accountOf(newParent, hierarchy);
    return change;
}

} // namespace

QStringList applyDelta(const QStringList &groups, const GroupDelta &delta)
{
    return sortedUnique(minus(groups, delta.remove) + delta.add);
}

GroupDelta mergeDeltas(const GroupDelta &first, const GroupDelta &second)
{
    GroupDelta merged;
    merged.add = sortedUnique(minus(first.add, second.remove) + second.add);
    merged.remove = minus(first.remove + second.remove, merged.add);
    return merged;
}

GroupDelta planMove(
    const QStringList &currentGroups, const MoveTarget &target, const Hierarchy &hierarchy)
{
    const QStringList chain
        = target.kind == MoveTarget::Kind::Node ? pathChain(target.path) : QStringList();
    const bool toReturns = target.kind == MoveTarget::Kind::Returns;
    GroupDelta delta;
    for (const QString &g : currentGroups) {
        if ((hierarchy.isNode(g) && !chain.contains(g)) || (g == ReturnsGroupName && !toReturns))
            delta.remove.append(g);
    }
    for (const QString &g : chain) {
        if (!currentGroups.contains(g))
            delta.add.append(g);
    }
    if (toReturns && !currentGroups.contains(ReturnsGroupName))
        delta.add.append(ReturnsGroupName);
    delta.add = sortedUnique(delta.add);
    delta.remove = sortedUnique(delta.remove);
    return delta;
}

QList<DeviceBatch> batchByDelta(
    const QHash<QString, GroupDelta> &deltaByDevice, int maxDevicesPerBatch)
{
    std::map<std::pair<QStringList, QStringList>, QStringList> byDelta;
    for (auto it = deltaByDevice.cbegin(); it != deltaByDevice.cend(); ++it) {
        if (!it.value().isEmpty())
            byDelta[{it.value().add, it.value().remove}].append(it.key());
    }
    QList<DeviceBatch> batches;
    for (auto &[key, ids] : byDelta) {
        ids.sort();
        const qsizetype chunk = maxDevicesPerBatch < 1 ? ids.size() : maxDevicesPerBatch;
        for (qsizetype start = 0; start < ids.size(); start += chunk)
            batches.append(DeviceBatch {GroupDelta {key.first, key.second}, ids.mid(start, chunk)});
    }
    return batches;
}

OwnerChange ownerChange(const QString &fromAccount, const QString &toAccount)
{
    if (fromAccount.compare(toAccount, Qt::CaseInsensitive) == 0)
        return {};
    if (fromAccount.isEmpty())
        return {OwnerChange::Action::Claim, toAccount};
    if (toAccount.isEmpty())
        return {OwnerChange::Action::Unclaim, {}};
    return {OwnerChange::Action::UnclaimAndClaim, toAccount};
}

OwnerChange deviceOwnerChange(
    const QString &owner, const QString &fromAccount, const QString &toAccount)
{
    if (!owner.isEmpty() && owner == toAccount)
        return {};
    const bool unclaim = !owner.isEmpty() && (owner == fromAccount || !toAccount.isEmpty());
    const bool claim = !toAccount.isEmpty();
    if (unclaim && claim)
        return {OwnerChange::Action::UnclaimAndClaim, toAccount};
    if (claim)
        return {OwnerChange::Action::Claim, toAccount};
    if (unclaim)
        return {OwnerChange::Action::Unclaim, {}};
    return {};
}

SubtreeChange planSubtreeMove(const Hierarchy &hierarchy, const QString &path,
    const QString &newParentPath, const QString &newSlug)
{
    const Node *node = hierarchy.node(path);
    if (!node)
        return refused(
            Text::tr("%1 is not a customer or group of the tree").arg(named(hierarchy, path)));
    if (node->kind == NodeKind::Customer)
        return refused(
            Text::tr("%1 is a customer; a customer cannot be moved under another node (rename it "
                     "instead)")
                .arg(named(hierarchy, path)));
    if (newParentPath.isEmpty())
        return refused(Text::tr("%1 cannot be moved to the top level: only customers are there")
                           .arg(named(hierarchy, path)));
    if (newParentPath == path)
        return refused(Text::tr("%1 cannot be moved onto itself").arg(named(hierarchy, path)));
    if (isStrictAncestor(path, newParentPath))
        return refused(Text::tr("%1 cannot be moved into its own subtree (%2)")
                           .arg(named(hierarchy, path), named(hierarchy, newParentPath)));
    if (!hierarchy.isNode(newParentPath))
        return refused(Text::tr("%1 is not a customer or group of the tree")
                           .arg(named(hierarchy, newParentPath)));
    const QString slug = newSlug.isEmpty() ? lastSlug(path) : newSlug;
    const QString slugProblem = slugError(slug);
    if (!slugProblem.isEmpty())
        return refused(slugProblem);
    if (parentPath(path) == newParentPath && slug == lastSlug(path))
        return refused(Text::tr("%1 is already directly under %2")
                           .arg(named(hierarchy, path), named(hierarchy, newParentPath)));
    return relocate(hierarchy, path, newParentPath, slug);
}

SubtreeChange planNodeRename(
    const Hierarchy &hierarchy, const QString &path, const QString &newSlug)
{
    if (!hierarchy.isNode(path))
        return refused(
            Text::tr("%1 is not a customer or group of the tree").arg(named(hierarchy, path)));
    const QString slugProblem = slugError(newSlug);
    if (!slugProblem.isEmpty())
        return refused(slugProblem);
    if (newSlug == lastSlug(path))
        return refused(
            Text::tr("%1 already has the short name '%2'").arg(named(hierarchy, path), newSlug));
    return relocate(hierarchy, path, parentPath(path), newSlug);
}

} // namespace Flotilla::Domain
