// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace Flotilla::Domain {

// Names of the tree's nodes as Particle group names (docs/hierarchy.md).
//
// A node's group name is its path: slugs joined by "--" ("acme", "acme--berlin",
// "acme--berlin--test"). A slug is lowercase letters and digits with single '-' or '_' only
// between them, so "--" can only be the separator. Sorting paths as strings lists a tree in
// depth-first pre-order (parents before children), because '-' sorts below every character a
// slug may continue with.

inline constexpr int MaxGroupNameLength = 64; // Particle's limit for a group name
inline constexpr int MaxNodeDepth = 4; // a customer and three levels of groups
inline constexpr int MaxTitleLength = 200; // a node's human title, in characters
inline constexpr QLatin1String PathSeparator("--");
inline constexpr QLatin1String ReturnsGroupName("flotilla-returns"); // the Returns pool

// Validation. Each returns an empty string when the input is acceptable, else one sentence for
// the user that names the input and says what is wrong with it.
QString slugError(const QString &slug); // one path component
QString groupNameError(const QString &name); // Particle's own rule: ^[a-z0-9_-]{1,64}$
QString nodePathError(const QString &path); // slugs, depth, length, reserved name
QString titleError(const QString &title); // a node's title (empty is fine: the slug shows)

bool isSlug(const QString &text);
bool isNodePath(const QString &path);

// Path arithmetic. These do not validate; on a valid path they do what their names say.
QStringList pathSlugs(const QString &path); // "a--b" -> {"a", "b"}; "" -> {}
int pathDepth(const QString &path); // number of slugs; 0 for ""
QString parentPath(const QString &path); // "a--b--c" -> "a--b"; "a" -> ""
QString lastSlug(const QString &path); // "a--b" -> "b"
QString customerSlug(const QString &path); // "a--b" -> "a"
QString childPath(
    const QString &parent, const QString &slug); // ("a", "b") -> "a--b"; ("", "b") -> "b"
QStringList pathChain(const QString &path); // "a--b--c" -> {"a", "a--b", "a--b--c"}
bool isAncestorOrSelf(const QString &ancestor, const QString &path);
bool isStrictAncestor(const QString &ancestor, const QString &path);

// Suggested short names are kept this short, so that a tree whose short names were all
// suggested never runs out of Particle's 64 characters: 16 + 3 × (2 + 14) = 64.
inline constexpr int SuggestedCustomerSlugLength = 16;
inline constexpr int SuggestedGroupSlugLength = 14;

// The longest short name suggested for a node at `depth` (1: a customer).
int suggestedSlugLength(int depth);
// The characters the short name of a new child of `parentPath` ("" for a customer) may have:
// 64 minus the parent's name and the "--" before the child; 0 when no child is possible (the
// parent is at the maximum depth, or its name leaves no room).
int slugRoom(const QString &parentPath);
// The characters the groups under `path` would have for their names beyond `path` itself
// (64 minus its length); 0 at the maximum depth.
int roomBelow(const QString &path);
// The room below `path` that suggested short names need down to the maximum depth:
// (MaxNodeDepth - depth) × (2 + SuggestedGroupSlugLength). roomBelow() smaller than this means
// the groups under `path` will need shorter short names than usual.
int recommendedRoomBelow(const QString &path);

// The title as one short name, before any shortening: ASCII lowercase, diacritics stripped
// (ß -> ss, æ -> ae, ø -> o ...), apostrophes dropped, every other run of spaces and
// punctuation -> one '-', trimmed. Empty when the title has no usable letters or digits.
QString slugFromTitle(const QString &title);

// Short names for a new child of `parentPath` made from a title (docs/hierarchy.md, "Suggested
// slugs"). Every suggestion is a valid slug whose name is not among `existingNames` (all group
// names of the product) and is not reserved.
struct SlugSuggestions
{
    QString slug; // the suggestion; empty when no child of `parentPath` is possible
    // Other suggestions when the title had to be shortened (shorter words, initials ...), each
    // different from `slug`; empty otherwise.
    QStringList alternatives;
    QString full; // slugFromTitle(title), or "customer" / "group" when that is empty
    int room = 0; // slugRoom(parentPath)
    // The longest shortened suggestion: min(room, suggestedSlugLength(depth of the child)).
    // A whole short name that fits it is kept; so is one that only needs "-2" and fits `room`.
    int limit = 0;
    // `slug` is not `full` (a "-2" ... aside): the title's short name was cut, to leave room for
    // the groups under the new node or because Particle's 64 characters allow no more.
    bool shortened = false;
    // Shortened because `full` (with its "-2" ...) does not fit in `room` at all.
    bool cutByParticleLimit = false;
};
SlugSuggestions suggestSlugs(
    const QString &title, const QString &parentPath, const QStringList &existingNames);
// suggestSlugs(...).slug.
QString suggestSlug(
    const QString &title, const QString &parentPath, const QStringList &existingNames);

// Whether two titles name the same thing to a reader: equal once case, accents, punctuation
// and spacing are ignored ("Acme Logistics" and "ACME  logistics." do; "Müller" and "Muller"
// do; "Acme" and "Acme 2" do not). Empty titles are never the same.
bool sameTitle(const QString &a, const QString &b);

} // namespace Flotilla::Domain
