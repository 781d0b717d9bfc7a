// SPDX-License-Identifier: MIT
#include "tree/devicefilter.h"

#include <algorithm>
#include <optional>

namespace Flotilla::Tree {

namespace {

using Kind = DeviceFilter::Term::Kind;

bool isTextKind(Kind kind)
{
    switch (kind) {
    case Kind::Text:
    case Kind::Id:
    case Kind::Name:
    case Kind::Serial:
    case Kind::Notes:
    case Kind::Owner:
    case Kind::Location:
        return true;
    default:
        return false;
    }
}

// The status keywords, bare or after "is:".
std::optional<Kind> statusKeyword(QStringView word)
{
    if (word == u"online")
        return Kind::Online;
    if (word == u"offline")
        return Kind::Offline;
    if (word == u"pending")
        return Kind::Pending;
    if (word == u"locked")
        return Kind::Locked;
    if (word == u"dev" || word == u"development")
        return Kind::Development;
    if (word == u"off-target")
        return Kind::OffTarget;
    return std::nullopt;
}

// The kind of a field key ("fw", "name" ...); false for other words.
bool fieldKey(QStringView key, Kind *kind)
{
    const auto found = [kind](Kind k) {
        *kind = k;
        return true;
    };
    if (key == u"fw" || key == u"firmware")
        return found(Kind::Firmware);
    if (key == u"target")
        return found(Kind::Target);
    if (key == u"id")
        return found(Kind::Id);
    if (key == u"name")
        return found(Kind::Name);
    if (key == u"serial")
        return found(Kind::Serial);
    if (key == u"notes")
        return found(Kind::Notes);
    if (key == u"owner")
        return found(Kind::Owner);
    if (key == u"in")
        return found(Kind::Location);
    return false;
}

// A version: "5" or "v5"; `none` for "none". Nothing when unreadable.
std::optional<int> versionValue(QStringView value, int none)
{
    if (value == u"none")
        return none;
    if (value.startsWith(u'v'))
        value = value.mid(1);
    bool ok = false;
    const int number = value.toInt(&ok);
    if (!ok || number < 0 || value.startsWith(u'+'))
        return std::nullopt;
    return number;
}

// Control characters (the subject's field separator among them) never match anything.
QString withoutControls(QString text)
{
    text.removeIf([](QChar c) { return c.unicode() < 0x20; });
    return text;
}

bool implies(const DeviceFilter::Term &t, const DeviceFilter::Term &w)
{
    if (t.negated != w.negated)
        return false;
    if (t.kind != w.kind) {
        // name:abc narrows the free word "ab" (free words search the name too).
        const bool fieldOfText = t.kind == Kind::Id || t.kind == Kind::Name
            || t.kind == Kind::Serial || t.kind == Kind::Notes;
        return !t.negated && w.kind == Kind::Text && fieldOfText && t.text.contains(w.text);
    }
    if (isTextKind(t.kind))
        return t.negated ? w.text.contains(t.text) : t.text.contains(w.text);
    if (t.kind == Kind::Firmware || t.kind == Kind::Target)
        return t.number == w.number;
    return t.kind != Kind::Invalid;
}

} // namespace

DeviceFilter::DeviceFilter(QStringView query)
{
    qsizetype i = 0;
    const qsizetype n = query.size();
    while (i < n) {
        while (i < n && query.at(i).isSpace())
            ++i;
        if (i >= n)
            break;
        bool negated = false;
        if (query.at(i) == u'-' && i + 1 < n && !query.at(i + 1).isSpace()) {
            negated = true;
            ++i;
        }
        const bool quoted = query.at(i) == u'"';
        bool inQuote = false;
        QString token;
        while (i < n && (inQuote || !query.at(i).isSpace())) {
            const QChar c = query.at(i);
            if (c == u'"')
                inQuote = !inQuote;
            else
                token.append(c);
            ++i;
        }
        addToken(token, quoted, negated);
    }
}

QString DeviceFilter::fold(QStringView text)
{
    return text.toString().toCaseFolded();
}

void DeviceFilter::addToken(const QString &rawToken, bool quoted, bool negated)
{
    const QString token = withoutControls(fold(rawToken));
    Term term;
    term.negated = negated;
    if (quoted) {
        if (token.isEmpty())
            return;
        term.text = token;
        m_terms.append(term);
        return;
    }
    if (const std::optional<Kind> status = statusKeyword(token)) {
        term.kind = *status;
        m_terms.append(term);
        return;
    }
    const qsizetype colon = token.indexOf(u':');
    const QStringView keyText = colon > 0 ? QStringView(token).left(colon) : QStringView();
    const bool statusKey = keyText == u"is";
    Kind key = Kind::Text;
    if (!statusKey && !fieldKey(keyText, &key)) {
        if (token.isEmpty())
            return;
        term.text = token;
        m_terms.append(term);
        return;
    }
    const QString value = token.mid(colon + 1);
    if (value.isEmpty())
        return; // "fw:" — the user is still typing
    if (statusKey) {
        if (const std::optional<Kind> status = statusKeyword(value)) {
            term.kind = *status;
        } else {
            term.kind = Kind::Invalid;
            m_errors.append(tr("“%1” is not a status: use online, offline, pending, locked, dev "
                               "or off-target.")
                                .arg(value));
        }
        m_terms.append(term);
        return;
    }
    term.kind = key;
    switch (key) {
    case Kind::Firmware:
    case Kind::Target: {
        const std::optional<int> version = versionValue(value, key == Kind::Firmware ? 0 : -1);
        if (version) {
            term.number = *version;
        } else {
            term.kind = Kind::Invalid;
            m_errors.append(key == Kind::Firmware
                    ? tr("“%1” is not a firmware version: use a number, as in fw:5, or fw:none.")
                          .arg(value)
                    : tr("“%1” is not a firmware version: use a number, as in target:5, or "
                         "target:none.")
                          .arg(value));
        }
        break;
    }
    default:
        term.text = value;
        break;
    }
    m_terms.append(term);
}

bool DeviceFilter::matches(const Subject &s) const
{
    for (const Term &t : m_terms) {
        bool match = false;
        switch (t.kind) {
        case Kind::Text:
            match = s.text.contains(t.text);
            break;
        case Kind::Id:
            match = s.id.contains(t.text);
            break;
        case Kind::Name:
            match = s.name.contains(t.text);
            break;
        case Kind::Serial:
            match = s.serial.contains(t.text);
            break;
        case Kind::Notes:
            match = s.notes.contains(t.text);
            break;
        case Kind::Owner:
            match = s.owner.contains(t.text);
            break;
        case Kind::Location:
            match = s.location.contains(t.text);
            break;
        case Kind::Firmware:
            match = s.firmware == t.number;
            break;
        case Kind::Target:
            match = s.target == t.number;
            break;
        case Kind::Online:
            match = s.online;
            break;
        case Kind::Offline:
            match = !s.online;
            break;
        case Kind::Pending:
            match = s.pending;
            break;
        case Kind::Locked:
            match = s.locked;
            break;
        case Kind::Development:
            match = s.development;
            break;
        case Kind::OffTarget:
            match = s.target >= 0 && s.firmware != s.target;
            break;
        case Kind::Invalid:
            return false;
        }
        if (match == t.negated)
            return false;
    }
    return true;
}

bool DeviceFilter::narrows(const DeviceFilter &wider) const
{
    const auto invalid = [](const Term &t) { return t.kind == Kind::Invalid; };
    if (std::any_of(m_terms.cbegin(), m_terms.cend(), invalid))
        return true; // this matches nothing
    return std::all_of(wider.m_terms.cbegin(), wider.m_terms.cend(), [this](const Term &w) {
        return std::any_of(
            m_terms.cbegin(), m_terms.cend(), [&w](const Term &t) { return implies(t, w); });
    });
}

} // namespace Flotilla::Tree
