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

// A valid, unused slug for a new child of `parentPath` ("" for a customer) made from a human
// title: ASCII lowercase, diacritics stripped (ß -> ss, æ -> ae, ø -> o ...), apostrophes
// dropped, every other run of spaces and punctuation -> one '-', trimmed; shortened (at a word
// boundary when that keeps at least half the room) so that the whole group name stays within 64
// characters; "-2", "-3" ... appended when the name is among `existingNames` (all group names of
// the product) or reserved. A title with no usable letters gives "customer" or "group". Empty
// when no child of `parentPath` is possible (already at the maximum depth or no room left).
QString suggestSlug(
    const QString &title, const QString &parentPath, const QStringList &existingNames);

} // namespace Flotilla::Domain
