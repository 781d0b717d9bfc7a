// SPDX-License-Identifier: MIT
#include "domain/hierarchy.h"

#include "domain/text.h"

#include <QCoreApplication>

#include <algorithm>

namespace Flotilla::Domain {

namespace {

constexpr QLatin1String TagOpening("[flotilla:");

std::optional<NodeKind> kindFromKeyword(QStringView word)
{
    if (word == QLatin1String("customer"))
        return NodeKind::Customer;
    if (word == QLatin1String("group"))
        return NodeKind::Group;
    if (word == QLatin1String("returns"))
        return NodeKind::Returns;
    return std::nullopt;
}

bool isAttributeKey(QStringView key)
{
    if (key.isEmpty() || key.front() < QLatin1Char('a') || key.front() > QLatin1Char('z'))
        return false;
    return std::all_of(key.begin(), key.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-' || u == u'_';
    });
}

// Attribute values are single words: no whitespace, no brackets.
bool isAttributeValue(QStringView value)
{
    return !value.isEmpty() && std::none_of(value.begin(), value.end(), [](QChar c) {
        return c.isSpace() || c == QLatin1Char('[') || c == QLatin1Char(']');
    });
}

QString quotedList(const QStringList &names)
{
    QStringList quoted;
    for (const QString &n : names)
        quoted.append(QLatin1Char('\'') + n + QLatin1Char('\''));
    return quoted.join(QLatin1String(", "));
}

QString kindForMessage(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Customer:
        return Text::tr("customer");
    case NodeKind::Group:
        return Text::tr("group");
    case NodeKind::Returns:
        return Text::tr("Returns pool");
    }
    return {};
}

QStringList sortedUnique(QStringList list)
{
    list.sort();
    list.erase(std::unique(list.begin(), list.end()), list.end());
    return list;
}

} // namespace

QString kindKeyword(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Customer:
        return QStringLiteral("customer");
    case NodeKind::Group:
        return QStringLiteral("group");
    case NodeKind::Returns:
        return QStringLiteral("returns");
    }
    return {};
}

QString formatDescription(const NodeTag &tag)
{
    // The tag first: should the cloud ever keep only the start of a long description, it is the
    // title's end that goes, not the node's kind or its account.
    QString out = TagOpening + kindKeyword(tag.kind);
    for (auto it = tag.attributes.cbegin(); it != tag.attributes.cend(); ++it)
        out += QLatin1Char(' ') + it.key() + QLatin1Char('=') + it.value();
    out += QLatin1Char(']');
    const QString title = tag.title.trimmed();
    if (!title.isEmpty())
        out += QLatin1Char(' ') + title;
    return out;
}

namespace {

// The tag's inside (between "[flotilla:" and "]"), read strictly.
std::optional<NodeTag> parseTagInner(QStringView inner)
{
    if (inner.contains(QLatin1Char('[')) || inner.contains(QLatin1Char(']')))
        return std::nullopt;
    const QList<QStringView> words = inner.split(QLatin1Char(' '));
    const std::optional<NodeKind> kind = kindFromKeyword(words.front());
    if (!kind)
        return std::nullopt;
    NodeTag tag;
    tag.kind = *kind;
    for (qsizetype i = 1; i < words.size(); ++i) {
        const QStringView word = words.at(i);
        const qsizetype eq = word.indexOf(QLatin1Char('='));
        if (eq < 0)
            return std::nullopt;
        const QString key = word.left(eq).toString();
        const QStringView value = word.mid(eq + 1);
        if (!isAttributeKey(key) || !isAttributeValue(value) || tag.attributes.contains(key))
            return std::nullopt;
        tag.attributes.insert(key, value.toString());
    }
    return tag;
}

} // namespace

std::optional<NodeTag> parseDescription(const QString &description)
{
    const QString text = description.trimmed();
    if (text.startsWith(TagOpening)) {
        // Written by this version: the tag first, then the title.
        const qsizetype end = text.indexOf(QLatin1Char(']'));
        if (end < 0)
            return std::nullopt;
        const QStringView rest = QStringView(text).mid(end + 1);
        std::optional<NodeTag> tag
            = parseTagInner(QStringView(text).mid(TagOpening.size(), end - TagOpening.size()));
        if (!tag || rest.contains(TagOpening))
            return std::nullopt;
        tag->title = rest.trimmed().toString();
        return tag;
    }
    // Written by earlier versions: the title, then the tag at the end.
    if (!text.endsWith(QLatin1Char(']')))
        return std::nullopt;
    const qsizetype start = text.lastIndexOf(TagOpening);
    if (start < 0)
        return std::nullopt;
    const qsizetype innerStart = start + TagOpening.size();
    std::optional<NodeTag> tag
        = parseTagInner(QStringView(text).mid(innerStart, text.size() - 1 - innerStart));
    if (!tag)
        return std::nullopt;
    tag->title = text.left(start).trimmed();
    return tag;
}

bool hasFlotillaTag(const QString &description)
{
    return description.contains(TagOpening);
}

QString tagError(const NodeTag &tag)
{
    const QString title = titleError(tag.title);
    if (!title.isEmpty())
        return title;
    for (auto it = tag.attributes.cbegin(); it != tag.attributes.cend(); ++it) {
        if (!isAttributeKey(it.key()))
            return Text::tr(
                "'%1' is not a valid attribute name: use lowercase letters, digits, '-' and '_', "
                "starting with a letter")
                .arg(it.key());
        if (!isAttributeValue(it.value()))
            return Text::tr("The value of '%1' must be one word without spaces or brackets: '%2'")
                .arg(it.key(), it.value());
    }
    if (tag.attributes.contains(AccountAttribute) && tag.kind != NodeKind::Customer)
        return Text::tr("Only a customer can be linked to a customer account");
    return {};
}

Hierarchy::Hierarchy(const QList<Group> &groups)
{
    QMap<QString, Node> candidates;
    QStringList labels;
    const auto problem = [this](const QString &group, GroupIssue issue, const QString &message) {
        m_problems.append(GroupProblem {group, issue, message});
    };
    for (const Group &g : groups) {
        m_groupNames.insert(g.name);
        const std::optional<NodeTag> tag = parseDescription(g.description);
        if (g.name == ReturnsGroupName) {
            m_hasReturnsPool = true;
            // The pool's default title (as the group's description usually carries it, in
            // English) is shown in the console's language; a title of the team's own stays.
            const bool defaultTitle
                = !tag || tag->title.isEmpty() || tag->title == QLatin1String("Returns");
            m_returnsTitle = defaultTitle ? Text::tr("Returns") : tag->title;
            if (tag && tag->kind != NodeKind::Returns)
                problem(g.name, GroupIssue::MisplacedReturnsTag,
                    Text::tr("'%1' is the Returns pool, but its description tags it as a %2")
                        .arg(g.name, kindForMessage(tag->kind)));
            else if (!tag && hasFlotillaTag(g.description))
                problem(g.name, GroupIssue::MalformedTag,
                    Text::tr("The description of '%1' has a Flotilla tag that cannot be read: '%2'")
                        .arg(g.name, g.description));
            continue;
        }
        if (!tag) {
            if (hasFlotillaTag(g.description))
                problem(g.name, GroupIssue::MalformedTag,
                    Text::tr("The description of '%1' has a Flotilla tag that cannot be read: '%2'")
                        .arg(g.name, g.description));
            labels.append(g.name);
            continue;
        }
        if (tag->kind == NodeKind::Returns) {
            problem(g.name, GroupIssue::MisplacedReturnsTag,
                Text::tr("'%1' is tagged as the Returns pool, but only '%2' is the Returns pool")
                    .arg(g.name, ReturnsGroupName));
            labels.append(g.name);
            continue;
        }
        const QString pathError = nodePathError(g.name);
        if (!pathError.isEmpty()) {
            problem(g.name, GroupIssue::InvalidName,
                Text::tr("'%1' is tagged as a %2 but its name is not valid: %3")
                    .arg(g.name, kindForMessage(tag->kind), pathError));
            labels.append(g.name);
            continue;
        }
        const int depth = pathDepth(g.name);
        if (tag->kind == NodeKind::Customer && depth != 1) {
            problem(g.name, GroupIssue::KindContradictsName,
                Text::tr("'%1' is tagged as a customer, but a customer's group name has no '--'")
                    .arg(g.name));
            labels.append(g.name);
            continue;
        }
        if (tag->kind == NodeKind::Group && depth == 1) {
            problem(g.name, GroupIssue::KindContradictsName,
                Text::tr(
                    "'%1' is tagged as a group, but a group's name starts with its customer's, "
                    "as in 'customer--%1'")
                    .arg(g.name));
            labels.append(g.name);
            continue;
        }
        Node node;
        node.path = g.name;
        node.kind = tag->kind;
        node.title = tag->title.isEmpty() ? lastSlug(g.name) : tag->title;
        if (tag->kind == NodeKind::Customer)
            node.account = tag->account();
        candidates.insert(node.path, node);
    }
    // Pre-order: every parent is decided before its children.
    for (const Node &node : std::as_const(candidates)) {
        const QString parent = parentPath(node.path);
        if (parent.isEmpty() || m_nodes.contains(parent)) {
            m_nodes.insert(node.path, node);
            continue;
        }
        const QString message = m_groupNames.contains(parent)
            ? Text::tr("'%1' is a group of the tree, but its parent '%2' is not a node of the tree")
                  .arg(node.path, parent)
            : Text::tr("'%1' is a group of the tree, but its parent '%2' does not exist")
                  .arg(node.path, parent);
        problem(node.path, GroupIssue::MissingParent, message);
        labels.append(node.path);
    }
    m_labels = sortedUnique(labels);
    std::stable_sort(m_problems.begin(), m_problems.end(),
        [](const GroupProblem &a, const GroupProblem &b) { return a.group < b.group; });
}

const Node *Hierarchy::node(const QString &path) const
{
    const auto it = m_nodes.constFind(path);
    return it == m_nodes.cend() ? nullptr : &*it;
}

QStringList Hierarchy::groupNames() const
{
    QStringList names(m_groupNames.cbegin(), m_groupNames.cend());
    names.sort();
    return names;
}

bool Hierarchy::isLabel(const QString &groupName) const
{
    return m_groupNames.contains(groupName) && !m_nodes.contains(groupName)
        && groupName != ReturnsGroupName;
}

QStringList Hierarchy::customers() const
{
    return children(QString());
}

QStringList Hierarchy::children(const QString &path) const
{
    QStringList out;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        if (parentPath(it.key()) == path)
            out.append(it.key());
    }
    return out;
}

QStringList Hierarchy::subtree(const QString &path) const
{
    QStringList out;
    // Pre-order: the node, then a contiguous run of its descendants.
    for (auto it = m_nodes.constFind(path); it != m_nodes.cend(); ++it) {
        if (!isAncestorOrSelf(path, it.key()))
            break;
        out.append(it.key());
    }
    return out;
}

QStringList nodeGroups(const QStringList &groups, const Hierarchy &hierarchy)
{
    QStringList out;
    for (const QString &g : groups) {
        if (hierarchy.isNode(g))
            out.append(g);
    }
    return sortedUnique(out);
}

Placement placeDevice(const QStringList &groups, const Hierarchy &hierarchy)
{
    Placement placement;
    const QStringList nodes = nodeGroups(groups, hierarchy);
    const bool inReturns = groups.contains(ReturnsGroupName);
    if (nodes.isEmpty()) {
        placement.kind = inReturns ? PlacementKind::Returns : PlacementKind::Unassigned;
        return placement;
    }
    // The ends of the branches: node groups that are no other node group's ancestor.
    QStringList ends;
    for (const QString &n : nodes) {
        const bool isAncestor = std::any_of(nodes.cbegin(), nodes.cend(),
            [&n](const QString &other) { return isStrictAncestor(n, other); });
        if (!isAncestor)
            ends.append(n);
    }
    if (ends.size() > 1) {
        QStringList customers;
        for (const QString &e : std::as_const(ends))
            customers.append(customerSlug(e));
        customers = sortedUnique(customers);
        const QString message = customers.size() > 1
            ? Text::tr(
                "The device is in the groups of more than one customer (%1); a device belongs to "
                "one customer only")
                  .arg(quotedList(customers))
            : Text::tr(
                "The device is in more than one branch of the tree (%1); a device sits at one "
                "node only")
                  .arg(quotedList(ends));
        placement.problems.append(PlacementProblem {PlacementIssue::TwoBranches, ends, message});
    }
    for (const QString &e : std::as_const(ends)) {
        QStringList missing;
        for (const QString &ancestor : pathChain(e)) {
            if (!nodes.contains(ancestor))
                missing.append(ancestor);
        }
        if (!missing.isEmpty())
            placement.problems.append(PlacementProblem {PlacementIssue::MissingAncestor, missing,
                Text::tr("The device is in '%1' but not in %2, which every device under '%1' must "
                         "also be in")
                    .arg(e, quotedList(missing))});
    }
    if (inReturns)
        placement.problems.append(PlacementProblem {PlacementIssue::ReturnsWithNode, ends,
            Text::tr("The device is in the Returns pool and also in %1").arg(quotedList(ends))});
    if (placement.problems.isEmpty()) {
        placement.kind = PlacementKind::Node;
        placement.path = ends.front();
    } else {
        placement.kind = PlacementKind::Inconsistent;
    }
    return placement;
}

QStringList repairGroups(const QStringList &groups, const Hierarchy &hierarchy)
{
    const QStringList nodes = nodeGroups(groups, hierarchy);
    if (nodes.isEmpty())
        return sortedUnique(groups);
    QString chosen;
    int chosenDepth = 0;
    for (const QString &n : nodes) { // sorted: the first of equal depth is the smallest
        const int depth = pathDepth(n);
        if (depth > chosenDepth) {
            chosen = n;
            chosenDepth = depth;
        }
    }
    QStringList out = pathChain(chosen);
    for (const QString &g : groups) {
        if (!hierarchy.isNode(g) && g != ReturnsGroupName)
            out.append(g);
    }
    return sortedUnique(out);
}

QString accountOf(const QString &path, const Hierarchy &hierarchy)
{
    const Node *customer = hierarchy.node(customerSlug(path));
    return customer && customer->kind == NodeKind::Customer ? customer->account : QString();
}

QString titlePath(const Hierarchy &hierarchy, const QString &path)
{
    QStringList titles;
    for (const QString &p : pathChain(path)) {
        const Node *node = hierarchy.node(p);
        titles.append(node ? node->title : lastSlug(p));
    }
    return titles.join(QStringLiteral(" \u203a "));
}

QString shortTitlePath(const Hierarchy &hierarchy, const QString &path, int maxLength)
{
    const QString separator = QStringLiteral(" \u203a ");
    const QString ellipsis(QChar(0x2026));
    QStringList parts;
    for (const QString &p : pathChain(path)) {
        const Node *node = hierarchy.node(p);
        parts.append(node ? node->title : lastSlug(p));
    }
    const auto length = [&] {
        qsizetype n = separator.size() * qMax<qsizetype>(0, parts.size() - 1);
        for (const QString &part : std::as_const(parts))
            n += part.size();
        return n;
    };
    if (length() <= maxLength)
        return parts.join(separator);
    if (parts.size() > 2)
        parts = QStringList {parts.constFirst(), ellipsis, parts.constLast()};
    constexpr qsizetype MinPart = 8;
    while (length() > maxLength) {
        qsizetype longest = -1;
        for (qsizetype i = 0; i < parts.size(); ++i) {
            if (parts.at(i) != ellipsis && parts.at(i).size() > MinPart
                && (longest < 0 || parts.at(i).size() > parts.at(longest).size()))
                longest = i;
        }
        if (longest < 0)
            break;
        const QString &part = parts.at(longest);
        const qsizetype keep = qMax(MinPart, part.size() - (length() - maxLength));
        parts[longest] = part.left(keep - 1).trimmed() + ellipsis;
    }
    return parts.join(separator);
}

QStringList nodesTitled(const Hierarchy &hierarchy, const QString &parentPath, const QString &title,
    const QString &except)
{
    QStringList out;
    for (const QString &child : hierarchy.children(parentPath)) {
        const Node *node = hierarchy.node(child);
        if (child != except && node && sameTitle(node->title, title))
            out.append(child);
    }
    return out;
}

} // namespace Flotilla::Domain
