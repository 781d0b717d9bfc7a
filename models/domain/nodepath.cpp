// SPDX-License-Identifier: MIT
#include "domain/nodepath.h"

#include "domain/text.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

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
    return Text::tr("The group name '%1' would be %2 characters; Particle allows %3")
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

// Words a shortened short name can do without: legal forms and joining words. "muller" and
// "strassenbau" are what people call "Müller Straßenbau GmbH & Co. KG".
bool isFillerWord(const QString &word)
{
    static const QSet<QString> fillers {QStringLiteral("ab"), QStringLiteral("ag"),
        QStringLiteral("and"), QStringLiteral("aps"), QStringLiteral("as"), QStringLiteral("asa"),
        QStringLiteral("bv"), QStringLiteral("co"), QStringLiteral("company"),
        QStringLiteral("corp"), QStringLiteral("corporation"), QStringLiteral("das"),
        QStringLiteral("de"), QStringLiteral("der"), QStringLiteral("des"), QStringLiteral("die"),
        QStringLiteral("du"), QStringLiteral("ev"), QStringLiteral("for"), QStringLiteral("gbr"),
        QStringLiteral("gmbh"), QStringLiteral("inc"), QStringLiteral("kg"), QStringLiteral("kgaa"),
        QStringLiteral("la"), QStringLiteral("le"), QStringLiteral("les"),
        QStringLiteral("limited"), QStringLiteral("llc"), QStringLiteral("llp"),
        QStringLiteral("ltd"), QStringLiteral("mbh"), QStringLiteral("nv"), QStringLiteral("of"),
        QStringLiteral("ohg"), QStringLiteral("oy"), QStringLiteral("oyj"), QStringLiteral("plc"),
        QStringLiteral("pty"), QStringLiteral("sa"), QStringLiteral("sarl"), QStringLiteral("sas"),
        QStringLiteral("se"), QStringLiteral("spa"), QStringLiteral("srl"), QStringLiteral("the"),
        QStringLiteral("ug"), QStringLiteral("und")};
    return fillers.contains(word);
}

// The words of a slug that a shortened one is made of: without filler words, unless nothing
// else is left.
QStringList abbreviationWords(const QString &slug)
{
    const QStringList words = slug.split(QLatin1Char('-'), Qt::SkipEmptyParts);
    QStringList kept;
    for (const QString &w : words) {
        if (!isFillerWord(w))
            kept.append(w);
    }
    return kept.isEmpty() ? words : kept;
}

// "tbn" for test, bench, north; a word of digits stays whole ("d12n").
QString initialsOf(const QStringList &words)
{
    QString out;
    for (const QString &w : words) {
        const bool digits = std::all_of(w.cbegin(), w.cend(),
            [](QChar c) { return c.unicode() >= u'0' && c.unicode() <= u'9'; });
        out += digits ? w : w.left(1);
    }
    return words.size() >= 2 ? out : QString();
}

// What a title says to a reader, for comparing titles: decomposed, without accents and
// apostrophes, case-folded, letters and digits of any script kept, every other run of
// characters one space.
QString titleKey(const QString &title)
{
    const QString decomposed = title.normalized(QString::NormalizationForm_KD);
    QString out;
    bool pendingSeparator = false;
    for (const QChar c : decomposed) {
        const char16_t u = c.unicode();
        if (c.isMark() || isApostrophe(u))
            continue;
        QString piece = transliterated(u);
        if (piece.isEmpty() && c.isLetterOrNumber())
            piece = QString(c).toCaseFolded();
        if (piece.isEmpty()) {
            pendingSeparator = !out.isEmpty();
            continue;
        }
        if (pendingSeparator)
            out += QLatin1Char(' ');
        pendingSeparator = false;
        out += piece;
    }
    return out;
}

} // namespace

QString slugError(const QString &slug)
{
    if (slug.isEmpty())
        return Text::tr("The short name must not be empty");
    const QChar foreign = firstForeignChar(slug);
    if (!foreign.isNull())
        return Text::tr(
            "The short name '%1' contains '%2'; use lowercase letters a-z, digits 0-9, '-' and "
            "'_'")
            .arg(shown(slug), QString(foreign));
    if (isSeparatorChar(slug.front().unicode()) || isSeparatorChar(slug.back().unicode()))
        return Text::tr("The short name '%1' must start and end with a letter or a digit")
            .arg(shown(slug));
    for (qsizetype i = 1; i < slug.size(); ++i) {
        if (isSeparatorChar(slug.at(i).unicode()) && isSeparatorChar(slug.at(i - 1).unicode()))
            return Text::tr(
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
        return Text::tr("A group name must not be empty");
    const QChar foreign = firstForeignChar(name);
    if (!foreign.isNull())
        return Text::tr(
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
        return Text::tr("A group name must not be empty");
    const QStringList slugs = path.split(PathSeparator);
    for (const QString &slug : slugs) {
        if (slug.isEmpty())
            return Text::tr(
                "The group name '%1' has an empty part: '--' may only stand between two short "
                "names")
                .arg(shown(path));
        const QString error = slugError(slug);
        if (!error.isEmpty())
            return error;
    }
    if (slugs.size() > MaxNodeDepth)
        return Text::tr(
            "'%1' would be %2 levels deep; at most %3 are allowed (a customer and %4 levels of "
            "groups)")
            .arg(shown(path))
            .arg(slugs.size())
            .arg(MaxNodeDepth)
            .arg(MaxNodeDepth - 1);
    if (path.size() > MaxGroupNameLength)
        return lengthError(path);
    if (path == ReturnsGroupName)
        return Text::tr("'%1' is reserved for the Returns pool").arg(path);
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
            return Text::tr("The title must be a single line of text");
    }
    if (trimmed.size() > MaxTitleLength)
        return Text::tr("The title is %1 characters long; at most %2 are allowed")
            .arg(trimmed.size())
            .arg(MaxTitleLength);
    if (trimmed.contains(QLatin1String("[flotilla:"), Qt::CaseInsensitive))
        return Text::tr("The title must not contain '[flotilla:'");
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

int suggestedSlugLength(int depth)
{
    return depth <= 1 ? SuggestedCustomerSlugLength : SuggestedGroupSlugLength;
}

int slugRoom(const QString &parentPath)
{
    if (pathDepth(parentPath) >= MaxNodeDepth)
        return 0;
    const qsizetype prefix = parentPath.isEmpty() ? 0 : parentPath.size() + PathSeparator.size();
    return static_cast<int>(qMax<qsizetype>(0, MaxGroupNameLength - prefix));
}

int roomBelow(const QString &path)
{
    if (pathDepth(path) >= MaxNodeDepth)
        return 0;
    return static_cast<int>(qMax<qsizetype>(0, MaxGroupNameLength - path.size()));
}

int recommendedRoomBelow(const QString &path)
{
    const int levels = qMax(0, MaxNodeDepth - pathDepth(path));
    return levels * (static_cast<int>(PathSeparator.size()) + SuggestedGroupSlugLength);
}

QString slugFromTitle(const QString &title)
{
    return slugify(title);
}

SlugSuggestions suggestSlugs(
    const QString &title, const QString &parentPath, const QStringList &existingNames)
{
    SlugSuggestions out;
    out.full = slugify(title);
    if (out.full.isEmpty())
        out.full = parentPath.isEmpty() ? QStringLiteral("customer") : QStringLiteral("group");
    out.room = slugRoom(parentPath);
    out.limit = qMin(out.room, suggestedSlugLength(pathDepth(parentPath) + 1));
    if (out.limit < 1)
        return out;

    QSet<QString> taken(existingNames.cbegin(), existingNames.cend());
    taken.insert(ReturnsGroupName);
    const qsizetype limit = out.limit;
    // `candidate` made unused: "-2", "-3" ... appended, shortening it again to fit `room`.
    QString suffixUsed;
    const auto unused = [&](const QString &candidate, qsizetype room) -> QString {
        for (int n = 2;; ++n) {
            const QString suffix = QLatin1Char('-') + QString::number(n);
            if (suffix.size() >= room)
                return {};
            const QString slug = shortened(candidate, room - suffix.size()) + suffix;
            if (!taken.contains(childPath(parentPath, slug))) {
                suffixUsed = suffix;
                return slug;
            }
        }
    };

    QStringList candidates;
    if (out.full.size() <= limit) {
        candidates.append(out.full);
    } else {
        const QStringList words = abbreviationWords(out.full);
        const QString joined = words.join(QLatin1Char('-'));
        if (joined.size() <= limit)
            candidates.append(joined);
        // The most leading words that fit.
        for (qsizetype k = words.size() - 1; k >= 1; --k) {
            const QString prefix = words.mid(0, k).join(QLatin1Char('-'));
            if (prefix.size() <= limit) {
                candidates.append(prefix);
                break;
            }
        }
        if (words.size() >= 3) {
            const QString ends = words.constFirst() + QLatin1Char('-') + words.constLast();
            if (ends.size() <= limit)
                candidates.append(ends);
        }
        const QString initials = initialsOf(words);
        if (initials.size() >= 2 && initials.size() <= limit)
            candidates.append(initials);
        if (candidates.isEmpty())
            candidates.append(shortened(joined, limit));
    }
    // The candidates not taken yet, in order; when every one is taken, the first with "-2",
    // "-3" ... ("berlin-2").
    QStringList free;
    for (const QString &candidate : std::as_const(candidates)) {
        if (!taken.contains(childPath(parentPath, candidate)) && !free.contains(candidate))
            free.append(candidate);
    }
    if (free.isEmpty()) {
        const QString slug = unused(candidates.constFirst(), out.room);
        if (!slug.isEmpty())
            free.append(slug);
    }
    out.slug = free.value(0);
    out.alternatives = free.mid(1);
    out.shortened = !out.slug.isEmpty() && out.slug != out.full + suffixUsed;
    out.cutByParticleLimit = out.shortened && out.full.size() + suffixUsed.size() > out.room;
    return out;
}

QString suggestSlug(
    const QString &title, const QString &parentPath, const QStringList &existingNames)
{
    return suggestSlugs(title, parentPath, existingNames).slug;
}

bool sameTitle(const QString &a, const QString &b)
{
    const QString key = titleKey(a);
    return !key.isEmpty() && key == titleKey(b);
}

} // namespace Flotilla::Domain
