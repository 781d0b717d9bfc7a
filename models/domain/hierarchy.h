// SPDX-License-Identifier: MIT
#pragma once

#include "domain/entities.h"
#include "domain/nodepath.h"

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Flotilla::Domain {

// How the tree lives in a product's flat Particle groups (docs/hierarchy.md): which groups are
// nodes, what a device's groups say about where it sits, and how to repair what contradicts it.

enum class NodeKind {
    Customer, // a top-level node: one slug
    Group, // a nested node: two or more slugs
    Returns, // the Returns pool, group "flotilla-returns"
};

// "customer", "group", "returns": the word used in the description tag.
QString kindKeyword(NodeKind kind);

inline constexpr QLatin1String AccountAttribute("account");

// What a group's description says about the node: `<title> [flotilla:<kind> key=value ...]`.
struct NodeTag
{
    NodeKind kind = NodeKind::Group;
    QString title; // trimmed; may be empty (the tree then shows the last slug)
    QMap<QString, QString> attributes; // written in key order
    QString account() const { return attributes.value(AccountAttribute); }
    bool operator==(const NodeTag &) const = default;
};

// The description for a tag: "Acme Logistics [flotilla:customer account=ops@acme.example]".
// Parsing the result gives the tag back for every tag that tagError() accepts.
QString formatDescription(const NodeTag &tag);
// The tag at the end of a description, or nothing when there is none or it is malformed
// (unknown kind, doubled spaces, attribute without '=' or with an empty value, a repeated key,
// text after the closing bracket ...). Surrounding whitespace is ignored.
std::optional<NodeTag> parseDescription(const QString &description);
// True when the description contains "[flotilla:" at all, parsable or not.
bool hasFlotillaTag(const QString &description);
// Empty when the tag can be written and read back unchanged, else a message for the user.
QString tagError(const NodeTag &tag);

// A node of the tree: a tagged group whose name, kind and parent agree.
struct Node
{
    QString path; // the group name
    NodeKind kind = NodeKind::Group; // Customer or Group
    QString title; // for display: the tag's title, or the last slug when that is empty
    QString account; // customers: the linked customer account; empty otherwise
    int depth() const { return pathDepth(path); }
    bool operator==(const Node &) const = default;
};

// Why a tagged group is not a node. Such a group is placed as a plain label.
enum class GroupIssue {
    MalformedTag, // "[flotilla:" in the description, but not a tag this version reads
    MisplacedReturnsTag, // a returns tag on a group other than "flotilla-returns", or the
                         // Returns pool tagged with another kind
    InvalidName, // the name is not a node path (bad slug, too deep, too long)
    KindContradictsName, // customer tag on "a--b", group tag on "a"
    MissingParent, // the parent node does not exist (or is not a node itself)
};

struct GroupProblem
{
    QString group;
    GroupIssue issue = GroupIssue::MalformedTag;
    QString message; // for the user; names the group
    bool operator==(const GroupProblem &) const = default;
};

// The classification of all groups of one product.
class Hierarchy final
{
public:
    Hierarchy() = default;
    explicit Hierarchy(const QList<Group> &groups);

    // Nodes by path; iteration order is depth-first pre-order (a parent before its children).
    const QMap<QString, Node> &nodes() const { return m_nodes; }
    const Node *node(const QString &path) const; // nullptr when not a node; lives as long as *this
    bool isNode(const QString &groupName) const { return m_nodes.contains(groupName); }
    // Every group of the product, whatever it is.
    bool contains(const QString &groupName) const { return m_groupNames.contains(groupName); }
    QStringList groupNames() const; // sorted
    // Groups that are neither nodes nor the Returns pool, inconsistent ones included; sorted.
    const QStringList &labels() const { return m_labels; }
    bool isLabel(const QString &groupName) const;
    // Tagged groups that could not be made nodes, sorted by group name.
    const QList<GroupProblem> &problems() const { return m_problems; }
    bool hasReturnsPool() const { return m_hasReturnsPool; }
    QString returnsTitle() const { return m_returnsTitle; }

    QStringList customers() const; // paths of the top-level nodes
    QStringList children(const QString &path) const; // direct child nodes; "" gives customers
    QStringList subtree(const QString &path) const; // the node and its descendants, pre-order

private:
    QMap<QString, Node> m_nodes;
    QSet<QString> m_groupNames;
    QStringList m_labels;
    QList<GroupProblem> m_problems;
    QString m_returnsTitle;
    bool m_hasReturnsPool = false;
};

// The node groups among `groups` (those that are nodes of `hierarchy`), sorted.
QStringList nodeGroups(const QStringList &groups, const Hierarchy &hierarchy);

enum class PlacementKind {
    Unassigned, // no node groups, not in the Returns pool
    Returns, // in "flotilla-returns" and in no node group
    Node, // the node groups form exactly one complete chain root -> path
    Inconsistent, // see problems
};

enum class PlacementIssue {
    TwoBranches, // node groups not on one chain (two sites, two customers)
    MissingAncestor, // a node group without all of its ancestors
    ReturnsWithNode, // in the Returns pool and in a node
};

struct PlacementProblem
{
    PlacementIssue issue = PlacementIssue::TwoBranches;
    QStringList groups; // the groups concerned: the branches' ends, or the missing ancestors
    QString message; // for the user
    bool operator==(const PlacementProblem &) const = default;
};

struct Placement
{
    PlacementKind kind = PlacementKind::Unassigned;
    QString path; // the node, for PlacementKind::Node
    QList<PlacementProblem> problems; // PlacementKind::Inconsistent only
    bool operator==(const Placement &) const = default;
};

// Where a device with these groups sits. Labels never matter.
Placement placeDevice(const QStringList &groups, const Hierarchy &hierarchy);

// The corrected group list (sorted, without duplicates): labels kept; among the node groups the
// deepest wins (most slugs; on a tie the lexicographically smallest name) and its full chain is
// set, every other node group removed; "flotilla-returns" dropped when a node is kept. A device
// without node groups keeps its groups. repairGroups() of a consistent list changes nothing.
QStringList repairGroups(const QStringList &groups, const Hierarchy &hierarchy);

// The customer account linked to the customer node of `path` (its first slug), or empty.
QString accountOf(const QString &path, const Hierarchy &hierarchy);

// Nodes as people name them: by their titles, never by their group names.
//
// "Acme Logistics › Berlin depot › Test": the titles of the chain from the customer down to
// `path`; a part that is not a node shows its slug.
QString titlePath(const Hierarchy &hierarchy, const QString &path);
// titlePath() kept to about `maxLength` characters: the levels between the customer and the
// node become "…" ("Müller Straßenbau GmbH › … › Prüfstand"), then the longest titles are cut
// with "…" (to no less than 8 characters each).
QString shortTitlePath(const Hierarchy &hierarchy, const QString &path, int maxLength = 60);
// The nodes directly under `parentPath` ("" for the customers), other than `except`, whose
// title is sameTitle() as `title`.
QStringList nodesTitled(const Hierarchy &hierarchy, const QString &parentPath, const QString &title,
    const QString &except = QString());

} // namespace Flotilla::Domain
