// SPDX-License-Identifier: MIT
#include "domain/nodepath.h"

#include <QCoreApplication>
#include <QSet>

namespace Flotilla::Domain {

namespace {

bool isLowerAlnum(char16_t u)
{
    return (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9');
}

bool isSeparatorChar(char16_t u)
{
    return u == u'-' || u == u'_';
}

// Long names are shortened in messages so that the sentence stays readable.
QString shown(const QString &name)
{
    constexpr qsizetype Limit = 40;
    if (name.size() <= Limit)
        return name;
    return name.left(Limit - 1) + QChar(0x2026); // …
}

// The first character Particle does not allow in a group name, or a null QChar.
QChar firstForeignChar(const QString &text)
{
    for (const QChar c : text) {
        if (!isLowerAlnum(c.unicode()) && !isSeparatorChar(c.unicode()))
            return c;
    }
    return {};
}

QString lengthError(const QString &name)
{
    return QCoreApplication::translate(
        "Flotilla::Domain", "The group name '%1' would be %2 characters; Particle allows %3")
        .arg(shown(name))
        .arg(name.size())
        .arg(MaxGroupNameLength);
}

// ASCII replacements of letters that Unicode decomposition leaves alone.
QString transliterated(char16_t u)
{
    switch (u) {
    case u'\u00df': // ß
        return QStringLiteral("ss");
    case u'\u00e6': // æ
    case u'\u00c6':
        return QStringLiteral("ae");
    case u'\u0153': // œ
    case u'\u0152':
        return QStringLiteral("oe");
    case u'\u00f8': // ø
    case u'\u00d8':
        return QStringLiteral("o");
    case u'\u0142': // ł
    case u'\u0141':
        return QStringLiteral("l");
    case u'\u0111': // đ
    case u'\u0110':
    case u'\u00f0': // ð
    case u'\u00d0':
        return QStringLiteral("d");
    case u'\u00fe': // þ
    case u'\u00de':
        return QStringLiteral("th");
    case u'\u0131': // dotless ı
        return QStringLiteral("i");
    case u'\u0127': // ħ
    case u'\u0126':
        return QStringLiteral("h");
    default:
        return {};
    }
}

bool isApostrophe(char16_t u)
{
    return u == u'\'' || u == u'\u2019' || u == u'\u2018' || u == u'\u02bc';
}

// The title as lowercase ASCII words joined by single '-'; may be empty.
QString slugify(const QString &title)
{
    const QString decomposed = title.normalized(QString::NormalizationForm_KD);
    QString out;
    bool pendingSeparator = false;
    for (const QChar c : decomposed) {
        const char16_t u = c.unicode();
        if (c.isMark() || isApostrophe(u))
            continue;
        QString piece;
        if (u < 128 && (isLowerAlnum(u) || (u >= u'A' && u <= u'Z')))
            piece = QChar(u).toLower();
        else
            piece = transliterated(u);
        if (piece.isEmpty()) {
            pendingSeparator = !out.isEmpty();
            continue;
        }
        if (pendingSeparator)
            out += QLatin1Char('-');
        pendingSeparator = false;
        out += piece;
    }
    return out;
}

// `slug` cut to at most `room` characters, at a word boundary when that keeps at least half of
// the room, without a trailing separator.
QString shortened(const QString &slug, qsizetype room)
{
    if (slug.size() <= room)
        return slug;
    QString cut = slug.left(room);
    if (slug.at(room) != QLatin1Char('-')) {
        const qsizetype boundary = cut.lastIndexOf(QLatin1Char('-'));
        if (boundary > 0 && boundary >= room / 2)
            cut.truncate(boundary);
    }
    while (cut.endsWith(QLatin1Char('-')))
        cut.chop(1);
    return cut;
}

} // namespace

QString slugError(const QString &slug)
{
    if (slug.isEmpty())
        return QCoreApplication::translate("Flotilla::Domain", "The short name must not be empty");
    const QChar foreign = firstForeignChar(slug);
    if (!foreign.isNull())
        return QCoreApplication::translate("Flotilla::Domain",
            "The short name '%1' contains '%2'; use lowercase letters a-z, digits 0-9, '-' and "
            "'_'")
            .arg(shown(slug), QString(foreign));
    if (isSeparatorChar(slug.front().unicode()) || isSeparatorChar(slug.back().unicode()))
        return QCoreApplication::translate(
            "Flotilla::Domain", "The short name '%1' must start and end with a letter or a digit")
            .arg(shown(slug));
    for (qsizetype i = 1; i < slug.size(); ++i) {
        if (isSeparatorChar(slug.at(i).unicode()) && isSeparatorChar(slug.at(i - 1).unicode()))
            return QCoreApplication::translate("Flotilla::Domain",
                "The short name '%1' contains '%2'; '-' and '_' may only stand alone between "
                "letters and digits")
                .arg(shown(slug), slug.mid(i - 1, 2));
    }
    return {};
}

bool isSlug(const QString &text)
{
    return slugError(text).isEmpty();
}

QString groupNameError(const QString &name)
{
    if (name.isEmpty())
        return QCoreApplication::translate("Flotilla::Domain", "A group name must not be empty");
    const QChar foreign = firstForeignChar(name);
    if (!foreign.isNull())
        return QCoreApplication::translate("Flotilla::Domain",
            "The group name '%1' contains '%2'; Particle allows only lowercase letters a-z, "
            "digits 0-9, '-' and '_'")
            .arg(shown(name), QString(foreign));
    if (name.size() > MaxGroupNameLength)
        return lengthError(name);
    return {};
}

QString nodePathError(const QString &path)
{
    if (path.isEmpty())
        return QCoreApplication::translate("Flotilla::Domain", "A group name must not be empty");
    const QStringList slugs = path.split(PathSeparator);
    for (const QString &slug : slugs) {
        if (slug.isEmpty())
            return QCoreApplication::translate("Flotilla::Domain",
                "The group name '%1' has an empty part: '--' may only stand between two short "
                "names")
                .arg(shown(path));
        const QString error = slugError(slug);
        if (!error.isEmpty())
            return error;
    }
    if (slugs.size() > MaxNodeDepth)
        return QCoreApplication::translate("Flotilla::Domain",
            "'%1' would be %2 levels deep; at most %3 are allowed (a customer and %4 levels of "
            "groups)")
            .arg(shown(path))
            .arg(slugs.size())
            .arg(MaxNodeDepth)
            .arg(MaxNodeDepth - 1);
    if (path.size() > MaxGroupNameLength)
        return lengthError(path);
    if (path == ReturnsGroupName)
        return QCoreApplication::translate(
            "Flotilla::Domain", "'%1' is reserved for the Returns pool")
            .arg(path);
    return {};
}

bool isNodePath(const QString &path)
{
    return nodePathError(path).isEmpty();
}

QString titleError(const QString &title)
{
    const QString trimmed = title.trimmed();
    for (const QChar c : trimmed) {
        const QChar::Category category = c.category();
        if (category == QChar::Other_Control || category == QChar::Separator_Line
            || category == QChar::Separator_Paragraph)
            return QCoreApplication::translate(
                "Flotilla::Domain", "The title must be a single line of text");
    }
    if (trimmed.size() > MaxTitleLength)
        return QCoreApplication::translate(
            "Flotilla::Domain", "The title is %1 characters long; at most %2 are allowed")
            .arg(trimmed.size())
            .arg(MaxTitleLength);
    if (trimmed.contains(QLatin1String("[flotilla:"), Qt::CaseInsensitive))
        return QCoreApplication::translate(
            "Flotilla::Domain", "The title must not contain '[flotilla:'");
    return {};
}

QStringList pathSlugs(const QString &path)
{
    if (path.isEmpty())
        return {};
    return path.split(PathSeparator);
}

int pathDepth(const QString &path)
{
    return static_cast<int>(pathSlugs(path).size());
}

QString parentPath(const QString &path)
{
    const qsizetype at = path.lastIndexOf(PathSeparator);
    return at < 0 ? QString() : path.left(at);
}

QString lastSlug(const QString &path)
{
    const qsizetype at = path.lastIndexOf(PathSeparator);
    return at < 0 ? path : path.mid(at + PathSeparator.size());
}

QString customerSlug(const QString &path)
{
    const qsizetype at = path.indexOf(PathSeparator);
    return at < 0 ? path : path.left(at);
}

QString childPath(const QString &parent, const QString &slug)
{
    if (parent.isEmpty())
        return slug;
    return parent + PathSeparator + slug;
}

QStringList pathChain(const QString &path)
{
    QStringList chain;
    QString prefix;
    for (const QString &slug : pathSlugs(path)) {
        prefix = childPath(prefix, slug);
        chain.append(prefix);
    }
    return chain;
}

bool isStrictAncestor(const QString &ancestor, const QString &path)
{
    return !ancestor.isEmpty() && path.size() > ancestor.size() + PathSeparator.size()
        && path.startsWith(ancestor)
        && QStringView(path).mid(ancestor.size()).startsWith(PathSeparator);
}

bool isAncestorOrSelf(const QString &ancestor, const QString &path)
{
    return (!ancestor.isEmpty() && ancestor == path) || isStrictAncestor(ancestor, path);
}

QString suggestSlug(
    const QString &title, const QString &parentPath, const QStringList &existingNames)
{
    if (pathDepth(parentPath) >= MaxNodeDepth)
        return {};
    const qsizetype prefix = parentPath.isEmpty() ? 0 : parentPath.size() + PathSeparator.size();
    const qsizetype room = MaxGroupNameLength - prefix;
    if (room < 1)
        return {};
    QString base = slugify(title);
    if (base.isEmpty())
        base = parentPath.isEmpty() ? QStringLiteral("customer") : QStringLiteral("group");
    QSet<QString> taken(existingNames.cbegin(), existingNames.cend());
    taken.insert(ReturnsGroupName);
    for (int n = 1;; ++n) {
        const QString suffix = n == 1 ? QString() : QString(QLatin1Char('-') + QString::number(n));
        if (suffix.size() >= room)
            return {};
        const QString candidate = shortened(base, room - suffix.size()) + suffix;
        if (!taken.contains(childPath(parentPath, candidate)))
            return candidate;
    }
}

} // namespace Flotilla::Domain
