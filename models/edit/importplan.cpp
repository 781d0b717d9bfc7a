// SPDX-License-Identifier: MIT
#include "edit/importplan.h"

#include "domain/hierarchy.h"
#include "domain/nodepath.h"
#include "domain/text.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>
#include <utility>

namespace Flotilla::Edit {

namespace {

struct FieldInfo
{
    ImportField field;
    const char *key;
    const char *title;
};

// The fields in the order of the dialog, with their keys and titles.
const FieldInfo Fields[] = {
    {ImportField::Identifier, "identifier", QT_TRANSLATE_NOOP("Flotilla::Edit", "Identifier")},
    {ImportField::DeviceId, "device_id", QT_TRANSLATE_NOOP("Flotilla::Edit", "Device ID")},
    {ImportField::Serial, "serial", QT_TRANSLATE_NOOP("Flotilla::Edit", "Serial number")},
    {ImportField::Iccid, "iccid", QT_TRANSLATE_NOOP("Flotilla::Edit", "ICCID")},
    {ImportField::Imei, "imei", QT_TRANSLATE_NOOP("Flotilla::Edit", "IMEI")},
    {ImportField::Name, "name", QT_TRANSLATE_NOOP("Flotilla::Edit", "Name")},
    {ImportField::Customer, "customer", QT_TRANSLATE_NOOP("Flotilla::Edit", "Customer")},
    {ImportField::Group, "group", QT_TRANSLATE_NOOP("Flotilla::Edit", "Group")},
    {ImportField::Notes, "notes", QT_TRANSLATE_NOOP("Flotilla::Edit", "Notes")},
};

// Headers as spreadsheets name these columns, in English and German, folded by foldHeader().
struct HeaderName
{
    const char *folded;
    ImportField field;
};
const HeaderName Headers[] = {
    {"identifier", ImportField::Identifier},
    {"kennung", ImportField::Identifier},
    {"deviceid", ImportField::DeviceId},
    {"id", ImportField::DeviceId},
    {"device", ImportField::DeviceId},
    {"particleid", ImportField::DeviceId},
    {"coreid", ImportField::DeviceId},
    {"gerateid", ImportField::DeviceId},
    {"geraeteid", ImportField::DeviceId},
    {"serial", ImportField::Serial},
    {"serialnumber", ImportField::Serial},
    {"serialno", ImportField::Serial},
    {"serialnr", ImportField::Serial},
    {"sn", ImportField::Serial},
    {"seriennummer", ImportField::Serial},
    {"seriennr", ImportField::Serial},
    {"snr", ImportField::Serial},
    {"iccid", ImportField::Iccid},
    {"simiccid", ImportField::Iccid},
    {"sim", ImportField::Iccid},
    {"simnummer", ImportField::Iccid},
    {"simkartennummer", ImportField::Iccid},
    {"imei", ImportField::Imei},
    {"name", ImportField::Name},
    {"devicename", ImportField::Name},
    {"geratename", ImportField::Name},
    {"geraetename", ImportField::Name},
    {"geratebezeichnung", ImportField::Name},
    {"bezeichnung", ImportField::Name},
    {"customer", ImportField::Customer},
    {"customername", ImportField::Customer},
    {"client", ImportField::Customer},
    {"kunde", ImportField::Customer},
    {"kundenname", ImportField::Customer},
    {"group", ImportField::Group},
    {"grouppath", ImportField::Group},
    {"groups", ImportField::Group},
    {"gruppe", ImportField::Group},
    {"gruppenpfad", ImportField::Group},
    {"path", ImportField::Group},
    {"pfad", ImportField::Group},
    {"destination", ImportField::Group},
    {"ziel", ImportField::Group},
    {"notes", ImportField::Notes},
    {"note", ImportField::Notes},
    {"comment", ImportField::Notes},
    {"comments", ImportField::Notes},
    {"notiz", ImportField::Notes},
    {"notizen", ImportField::Notes},
    {"bemerkung", ImportField::Notes},
    {"bemerkungen", ImportField::Notes},
    {"kommentar", ImportField::Notes},
};

// "Serial No." -> "serialno", "Geräte-ID" -> "gerateid": letters and digits, lowercase, without
// accents.
QString foldHeader(const QString &header)
{
    QString out;
    const QString decomposed = header.normalized(QString::NormalizationForm_D);
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c == u'ß')
            out += QStringLiteral("ss");
        else if (c.isLetterOrNumber() && c.unicode() < 0x80)
            out += c.toLower();
    }
    return out;
}

bool allDigits(QStringView text)
{
    return !text.isEmpty()
        && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// "8.9E+19", "8,94902E+19": a number a spreadsheet shows rounded, in scientific notation.
bool looksScientific(const QString &text)
{
    // Most cells are not: skip the expression unless a digit starts it and an E follows.
    if (text.isEmpty() || !text.front().isDigit() || (!text.contains(u'E') && !text.contains(u'e')))
        return false;
    static const QRegularExpression re(QStringLiteral("^[0-9]+([.,][0-9]+)?[eE][+]?[0-9]+$"));
    return re.match(text).hasMatch();
}

// The kind of identifier a value of an Identifier column is, by its form.
ImportField classify(const QString &value)
{
    if (Domain::isDeviceId(value))
        return ImportField::DeviceId;
    // 18 and 14 digits: an ICCID or an IMEI that lost leading zeros (said as such).
    if (allDigits(value) && value.size() >= 18 && value.size() <= 20)
        return ImportField::Iccid;
    if (allDigits(value) && (value.size() == 15 || value.size() == 14))
        return ImportField::Imei;
    return ImportField::Serial;
}

bool isIdentifierField(ImportField field)
{
    return field == ImportField::Identifier || field == ImportField::DeviceId
        || field == ImportField::Serial || field == ImportField::Iccid
        || field == ImportField::Imei;
}

QString poolKey(Domain::MoveTarget::Kind kind)
{
    return kind == Domain::MoveTarget::Kind::Returns ? QStringLiteral("returns")
                                                     : QStringLiteral("unassigned");
}

QString targetPath(const Domain::MoveTarget &target)
{
    return target.kind == Domain::MoveTarget::Kind::Node ? target.path : poolKey(target.kind);
}

// Where a device sits, as a target (an inconsistent device: nowhere it could be moved to).
std::optional<Domain::MoveTarget> placementOf(
    const Domain::Device &device, const Domain::Hierarchy &hierarchy)
{
    const Domain::Placement p = Domain::placeDevice(device.groups, hierarchy);
    switch (p.kind) {
    case Domain::PlacementKind::Unassigned:
        return Domain::MoveTarget::unassigned();
    case Domain::PlacementKind::Returns:
        return Domain::MoveTarget::returns();
    case Domain::PlacementKind::Node:
        return Domain::MoveTarget::node(p.path);
    case Domain::PlacementKind::Inconsistent:
        break;
    }
    return std::nullopt;
}

// Values by field, for one row (a small array: a hash per row costs more than the row).
class FieldValues
{
public:
    bool contains(ImportField f) const { return m_has[index(f)]; }
    QString value(ImportField f) const { return m_has[index(f)] ? m_values[index(f)] : QString(); }
    void insert(ImportField f, const QString &value)
    {
        m_values[index(f)] = value;
        m_has[index(f)] = true;
    }

private:
    static std::size_t index(ImportField f) { return static_cast<std::size_t>(f); }
    static constexpr std::size_t Count = static_cast<std::size_t>(ImportField::Notes) + 1;
    std::array<QString, Count> m_values;
    std::array<bool, Count> m_has {};
};

// Finds destinations by title or path, and plans the nodes to create (createMissing).
class Destinations
{
public:
    Destinations(const Sync::FleetState &state, const Domain::Hierarchy &hierarchy,
        QList<ImportCreation> &creates, bool createMissing)
        : m_hierarchy(hierarchy)
        , m_creates(creates)
        , m_createMissing(createMissing)
        , m_returnsTitle(hierarchy.returnsTitle())
    {
        for (auto it = state.groups.cbegin(); it != state.groups.cend(); ++it)
            m_names.append(it.key());
    }

    struct Result
    {
        std::optional<Domain::MoveTarget> target;
        QString error;
    };

    // `customer` and `group` as the row has them (both empty: not called). Rows of one file
    // name few places many times: each pair is resolved once.
    Result resolve(const QString &customer, const QString &group)
    {
        const QString key = customer + u'\x1f' + group;
        const auto known = m_resolved.constFind(key);
        if (known != m_resolved.cend())
            return *known;
        Result result = resolveOnce(customer, group);
        m_resolved.insert(key, result);
        return result;
    }

private:
    Result resolveOnce(const QString &customer, const QString &group)
    {
        if (!customer.isEmpty() && group.isEmpty()) {
            if (auto pool = poolNamed(customer))
                return {pool, {}};
        }
        if (customer.isEmpty()) {
            if (auto pool = poolNamed(group))
                return {pool, {}};
            return node(QString(), group);
        }
        Result top = node(QString(), customer, /*customerOnly=*/true);
        if (!top.target || group.isEmpty())
            return top;
        return node(top.target->path, group);
    }

    std::optional<Domain::MoveTarget> poolNamed(const QString &text) const
    {
        const QString t = text.trimmed();
        if (t.compare(QStringLiteral("unassigned"), Qt::CaseInsensitive) == 0
            || Domain::sameTitle(t, Text::tr("Unassigned")))
            return Domain::MoveTarget::unassigned();
        if (t.compare(QStringLiteral("returns"), Qt::CaseInsensitive) == 0
            || t == Domain::ReturnsGroupName || Domain::sameTitle(t, Text::tr("Returns"))
            || (!m_returnsTitle.isEmpty() && Domain::sameTitle(t, m_returnsTitle)))
            return Domain::MoveTarget::returns();
        return std::nullopt;
    }

    bool exists(const QString &path) const
    {
        return m_hierarchy.isNode(path) || m_planned.contains(path);
    }

    // The nodes under `parentPath` titled `title`, those to be created included.
    QStringList titled(const QString &parentPath, const QString &title) const
    {
        QStringList found = Domain::nodesTitled(m_hierarchy, parentPath, title);
        for (const ImportCreation &c : std::as_const(m_creates)) {
            if (c.parentPath == parentPath && Domain::sameTitle(c.title, title))
                found.append(c.path);
        }
        return found;
    }

    QString ambiguity(const QString &title, const QStringList &found) const
    {
        QStringList names;
        for (const QString &p : found)
            names.append(titleOf(p));
        return Text::tr("“%1” is ambiguous: it matches %2")
            .arg(title, names.join(Text::tr(" and ")));
    }

    // `text` under `base` ("" for the customers): a path when written as one ("acme--berlin") or
    // when it is the path of a node ("acme"), else titles separated by '/' or '›'. Titles are
    // matched level by level, the longest run of parts first (a title may hold a '/' of its
    // own: "Lager/Süd"); a group's short name below the customer counts only when no title
    // matches.
    Result node(const QString &base, const QString &text, bool customerOnly = false)
    {
        const QString value = text.trimmed();
        const bool writtenAsPath = value.contains(Domain::PathSeparator)
            && Domain::nodePathError(relative(base, value)).isEmpty();
        if (writtenAsPath)
            return byPath(base, value, customerOnly);
        if (base.isEmpty() && exists(value)) {
            // A customer's path; a customer of another path titled so makes it ambiguous.
            const QStringList byTitle = titled(QString(), value);
            if (!byTitle.isEmpty() && !byTitle.contains(value))
                return {std::nullopt, ambiguity(value, QStringList {value} + byTitle)};
            return byPath(base, value, customerOnly);
        }
        static const QRegularExpression separators(QStringLiteral("\\s*[/›]\\s*"));
        QStringList parts = value.split(separators, Qt::SkipEmptyParts);
        for (QString &t : parts)
            t = t.trimmed();
        if (parts.isEmpty())
            return {std::nullopt, Text::tr("“%1” names no customer or group").arg(value)};
        // The customer column names one customer, by its whole title.
        if (customerOnly && parts.size() > 1) {
            const QStringList found = titled(QString(), value);
            if (found.size() > 1)
                return {std::nullopt, ambiguity(value, found)};
            if (found.isEmpty())
                return {std::nullopt,
                    Text::tr("“%1” in the customer column names more than a customer").arg(value)};
            return {Domain::MoveTarget::node(found.constFirst()), {}};
        }
        QString path = base;
        for (qsizetype k = 0; k < parts.size();) {
            // The longest run of parts that is one title here.
            QStringList found;
            QString title;
            qsizetype used = 0;
            for (qsizetype n = parts.size() - k; n >= 1 && found.isEmpty(); --n) {
                title = parts.mid(k, n).join(QStringLiteral(" / "));
                found = titled(path, title);
                used = n;
            }
            if (found.isEmpty()) {
                title = parts.at(k);
                used = 1;
                // A group's short name, when no title matches.
                const QString bySlug = Domain::childPath(path, title);
                if (!path.isEmpty() && Domain::isSlug(title) && exists(bySlug)) {
                    path = bySlug;
                    k += used;
                    continue;
                }
            }
            if (found.size() > 1)
                return {std::nullopt, ambiguity(title, found)};
            if (found.isEmpty()) {
                if (!m_createMissing)
                    return {std::nullopt,
                        path.isEmpty()
                            ? Text::tr("There is no customer “%1” (allow creating missing "
                                       "customers and groups to create it)")
                                  .arg(title)
                            : Text::tr("There is no group “%1” in %2 (allow creating missing "
                                       "customers and groups to create it)")
                                  .arg(title, titleOf(path))};
                const QString e = create(path, title);
                if (!e.isEmpty())
                    return {std::nullopt, e};
                path = m_creates.constLast().path;
                k += used;
                continue;
            }
            path = found.constFirst();
            k += used;
        }
        return {Domain::MoveTarget::node(path), {}};
    }

    QString relative(const QString &base, const QString &value) const
    {
        if (base.isEmpty() || value.startsWith(base + Domain::PathSeparator) || value == base)
            return value;
        return Domain::childPath(base, value);
    }

    Result byPath(const QString &base, const QString &value, bool customerOnly)
    {
        const QString path = relative(base, value);
        if (const QString e = Domain::nodePathError(path); !e.isEmpty())
            return {std::nullopt, e};
        if (customerOnly && Domain::pathDepth(path) > 1)
            return {std::nullopt,
                Text::tr("“%1” in the customer column names more than a customer").arg(value)};
        for (const QString &p : Domain::pathChain(path)) {
            if (exists(p))
                continue;
            if (!m_createMissing)
                return {std::nullopt,
                    Text::tr("There is no customer or group %1 (allow creating missing customers "
                             "and groups to create it)")
                        .arg(value)};
            const QString e = createPath(p);
            if (!e.isEmpty())
                return {std::nullopt, e};
        }
        return {Domain::MoveTarget::node(path), {}};
    }

    QString titleOf(const QString &path) const
    {
        QStringList parts;
        for (const QString &p : Domain::pathChain(path)) {
            if (const Domain::Node *n = m_hierarchy.node(p))
                parts.append(n->title);
            else if (m_planned.contains(p))
                parts.append(m_planned.value(p));
            else
                parts.append(Domain::lastSlug(p));
        }
        return QStringLiteral("“%1”").arg(parts.join(QStringLiteral(" › ")));
    }

    QString create(const QString &parentPath, const QString &title)
    {
        if (m_creates.size() >= MaxCreations)
            return Text::tr("The file would create more than %1 customers and groups: check "
                            "which column holds what")
                .arg(MaxCreations);
        if (const QString e = Domain::titleError(title); !e.isEmpty())
            return e;
        const QString slug = Domain::suggestSlug(title, parentPath, m_names);
        if (slug.isEmpty())
            return Text::tr("“%1” cannot be created in %2: there is no room for another level")
                .arg(title, titleOf(parentPath));
        return add(parentPath, slug, title);
    }

    QString createPath(const QString &path)
    {
        return add(Domain::parentPath(path), Domain::lastSlug(path), Domain::lastSlug(path));
    }

    QString add(const QString &parentPath, const QString &slug, const QString &title)
    {
        ImportCreation c;
        c.parentPath = parentPath;
        c.slug = slug;
        c.title = title;
        c.path = Domain::childPath(parentPath, slug);
        if (m_hierarchy.contains(c.path))
            return Text::tr("“%1” cannot be created: a Particle group of its short name exists "
                            "that is not a customer or group")
                .arg(title);
        m_planned.insert(c.path, title);
        m_names.append(c.path);
        c.titlePath = titleOf(c.path).mid(1).chopped(1);
        m_creates.append(c);
        return QString();
    }

    const Domain::Hierarchy &m_hierarchy;
    QList<ImportCreation> &m_creates;
    bool m_createMissing;
    QString m_returnsTitle;
    QStringList m_names;
    QHash<QString, QString> m_planned; // path -> title of the nodes to create
    QHash<QString, Result> m_resolved; // "customer\x1fgroup" -> where it is
    // More new nodes than this is a mapping gone wrong (serial numbers read as groups), and
    // would make planning slow.
    static constexpr qsizetype MaxCreations = 500;
};

// The devices of the fleet by each of their identifiers.
struct DeviceIndex
{
    QHash<QString, QString> bySerial; // upper case
    QHash<QString, QString> byIccid;
    QHash<QString, QString> byImei;

    explicit DeviceIndex(const Sync::FleetState &state)
    {
        bySerial.reserve(state.devices.size());
        for (const Domain::Device &d : state.devices) {
            if (!d.serialNumber.isEmpty())
                bySerial.insert(d.serialNumber.toUpper(), d.id);
            if (!d.iccid.isEmpty())
                byIccid.insert(d.iccid, d.id);
            if (!d.imei.isEmpty())
                byImei.insert(d.imei, d.id);
        }
    }
};

// What the row does to its device, to compare rows that name the same device.
QString effectKey(const ImportRow &row)
{
    QString key = row.target ? targetPath(*row.target) : QStringLiteral("\x01");
    key += u'\x02' + row.name.value_or(QStringLiteral("\x01"));
    key += u'\x02' + row.notes.value_or(QStringLiteral("\x01"));
    return key;
}

} // namespace

QString fieldTitle(ImportField field)
{
    for (const FieldInfo &f : Fields) {
        if (f.field == field)
            return QCoreApplication::translate("Flotilla::Edit", f.title);
    }
    return Text::tr("Ignored");
}

QString fieldKey(ImportField field)
{
    for (const FieldInfo &f : Fields) {
        if (f.field == field)
            return QString::fromLatin1(f.key);
    }
    return QStringLiteral("ignore");
}

std::optional<ImportField> fieldFromKey(const QString &key)
{
    if (key == QLatin1String("ignore"))
        return ImportField::Ignore;
    for (const FieldInfo &f : Fields) {
        if (key == QLatin1String(f.key))
            return f.field;
    }
    return std::nullopt;
}

QString columnName(int column)
{
    QString name;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        name.prepend(QChar(u'A' + (n - 1) % 26));
    return name;
}

QList<ImportField> allFields()
{
    QList<ImportField> out;
    for (const FieldInfo &f : Fields)
        out.append(f.field);
    return out;
}

ImportField fieldForHeader(const QString &header)
{
    const QString folded = foldHeader(header);
    if (folded.isEmpty())
        return ImportField::Ignore;
    for (const HeaderName &h : Headers) {
        if (folded == QLatin1String(h.folded))
            return h.field;
    }
    // The console's own export headers, in any language the console speaks.
    for (const FieldInfo &f : Fields) {
        if (folded == foldHeader(QCoreApplication::translate("Flotilla::Edit", f.title)))
            return f.field;
    }
    return ImportField::Ignore;
}

ColumnMapping guessMapping(const Io::TextTable &table)
{
    ColumnMapping mapping;
    mapping.fields.fill(ImportField::Ignore, table.columnCount);
    const Io::TextRow *first = nullptr;
    for (const Io::TextRow &row : table.rows) {
        if (std::any_of(row.cells.cbegin(), row.cells.cend(),
                [](const QString &c) { return !c.trimmed().isEmpty(); })) {
            first = &row;
            break;
        }
    }
    bool named = false;
    if (first) {
        QSet<ImportField> seen;
        for (int c = 0; c < table.columnCount && c < first->cells.size(); ++c) {
            const ImportField f = fieldForHeader(first->cells.at(c));
            if (f != ImportField::Ignore && !seen.contains(f)) {
                mapping.fields[c] = f;
                seen.insert(f);
                named = true;
            }
        }
    }
    mapping.hasHeader = named;
    if (!named && table.columnCount == 1)
        mapping.fields[0] = ImportField::Identifier;
    return mapping;
}

QString headerSetKey(const Io::TextTable &table)
{
    for (const Io::TextRow &row : table.rows) {
        QStringList folded;
        bool any = false;
        for (const QString &cell : row.cells) {
            folded.append(foldHeader(cell));
            any = any || !cell.trimmed().isEmpty();
        }
        if (!any)
            continue;
        return QString::fromLatin1(
            QCryptographicHash::hash(folded.join(u'\x1f').toUtf8(), QCryptographicHash::Sha1)
                .toHex());
    }
    return QString();
}

QString mappingToText(const ColumnMapping &mapping)
{
    QStringList keys;
    for (ImportField f : mapping.fields)
        keys.append(fieldKey(f));
    return (mapping.hasHeader ? QStringLiteral("header:") : QStringLiteral("noheader:"))
        + keys.join(u',');
}

std::optional<ColumnMapping> mappingFromText(const QString &text, int columnCount)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon < 0)
        return std::nullopt;
    const QString head = text.left(colon);
    if (head != QLatin1String("header") && head != QLatin1String("noheader"))
        return std::nullopt;
    const QStringList keys = text.mid(colon + 1).split(u',');
    if (keys.size() != columnCount)
        return std::nullopt;
    ColumnMapping mapping;
    mapping.hasHeader = head == QLatin1String("header");
    for (const QString &key : keys) {
        const auto f = fieldFromKey(key);
        if (!f)
            return std::nullopt;
        mapping.fields.append(*f);
    }
    return mapping;
}

QString actionKey(RowAction action)
{
    switch (action) {
    case RowAction::Import:
        return QStringLiteral("import");
    case RowAction::Move:
        return QStringLiteral("move");
    case RowAction::Rename:
        return QStringLiteral("rename");
    case RowAction::Notes:
        return QStringLiteral("notes");
    case RowAction::Unchanged:
        return QStringLiteral("unchanged");
    case RowAction::Error:
        break;
    }
    return QStringLiteral("error");
}

QString actionTitle(RowAction action)
{
    switch (action) {
    case RowAction::Import:
        return Text::tr("Import into the product");
    case RowAction::Move:
        return Text::tr("Move");
    case RowAction::Rename:
        return Text::tr("Rename");
    case RowAction::Notes:
        return Text::tr("Notes");
    case RowAction::Unchanged:
        return Text::tr("Unchanged");
    case RowAction::Error:
        break;
    }
    return Text::tr("Error");
}

QString identifierError(ImportField field, const QString &value)
{
    switch (field) {
    case ImportField::DeviceId:
        if (!Domain::isDeviceId(value))
            return Text::tr("the device ID “%1” is not 24 hexadecimal digits").arg(value);
        break;
    case ImportField::Iccid:
        if (!allDigits(value) || value.size() < 19 || value.size() > 20)
            return allDigits(value) && value.size() < 19
                ? Text::tr("the ICCID “%1” has %2 digits, not 19 or 20 (did a spreadsheet drop "
                           "its leading zeros? Format the column as text)")
                      .arg(value)
                      .arg(value.size())
                : Text::tr("the ICCID “%1” is not 19 or 20 digits").arg(value);
        break;
    case ImportField::Imei:
        if (!allDigits(value) || value.size() != 15)
            return allDigits(value) && value.size() < 15
                ? Text::tr("the IMEI “%1” has %2 digits, not 15 (did a spreadsheet drop its "
                           "leading zeros? Format the column as text)")
                      .arg(value)
                      .arg(value.size())
                : Text::tr("the IMEI “%1” is not 15 digits").arg(value);
        break;
    case ImportField::Serial:
        if (value.size() > 64 || std::any_of(value.begin(), value.end(), [](QChar c) {
                return c.isSpace() || !c.isPrint();
            }))
            return Text::tr("the serial number “%1” is not one word of at most 64 characters")
                .arg(value.left(80));
        break;
    default:
        break;
    }
    return QString();
}

QJsonObject planToJson(const ImportPlan &plan, int requests)
{
    const auto orNull = [](const QString &text) {
        return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
    };
    QJsonObject counts;
    for (RowAction action : {RowAction::Import, RowAction::Move, RowAction::Rename,
             RowAction::Notes, RowAction::Unchanged, RowAction::Error})
        counts.insert(actionKey(action), plan.count(action));
    QJsonArray creates;
    for (const ImportCreation &c : plan.creates)
        creates.append(c.path);
    QJsonArray rows;
    for (const ImportRow &r : plan.rows) {
        QJsonObject row;
        row.insert(QStringLiteral("row"), r.row);
        row.insert(QStringLiteral("action"), actionKey(r.action));
        row.insert(QStringLiteral("device_id"), orNull(r.deviceId));
        row.insert(QStringLiteral("from"), orNull(r.fromPath));
        row.insert(QStringLiteral("to"), orNull(r.toPath));
        row.insert(QStringLiteral("changes"), QJsonArray::fromStringList(r.changes));
        row.insert(QStringLiteral("errors"), QJsonArray::fromStringList(r.errors));
        rows.append(row);
    }
    return QJsonObject {{QStringLiteral("rows"), static_cast<int>(plan.rows.size())},
        {QStringLiteral("counts"), counts}, {QStringLiteral("creates"), creates},
        {QStringLiteral("requests"), requests}, {QStringLiteral("rows_detail"), rows}};
}

int ImportPlan::count(RowAction action) const
{
    return static_cast<int>(std::count_if(
        rows.cbegin(), rows.cend(), [action](const ImportRow &r) { return r.action == action; }));
}

int ImportPlan::validChanges() const
{
    return static_cast<int>(std::count_if(rows.cbegin(), rows.cend(),
        [](const ImportRow &r) { return !r.isError() && r.action != RowAction::Unchanged; }));
}

ImportPlan planImport(
    const Io::TextTable &table, const ImportOptions &options, const Sync::FleetState &state)
{
    ImportPlan plan;
    plan.readProblems = table.problems;
    const ColumnMapping &mapping = options.mapping;
    const Domain::Hierarchy hierarchy = state.hierarchy();

    // Which columns say what; the first column of a field wins, the others are ignored.
    QHash<ImportField, QList<int>> columns;
    const Io::TextRow *header = nullptr;
    for (const Io::TextRow &row : table.rows) {
        if (std::any_of(row.cells.cbegin(), row.cells.cend(),
                [](const QString &c) { return !c.trimmed().isEmpty(); })) {
            header = &row;
            break;
        }
    }
    for (int c = 0; c < table.columnCount; ++c) {
        const ImportField f
            = c < mapping.fields.size() ? mapping.fields.at(c) : ImportField::Ignore;
        if (f == ImportField::Ignore) {
            const QString name = mapping.hasHeader && header && c < header->cells.size()
                ? header->cells.at(c).trimmed()
                : QString();
            plan.ignoredColumns.append(name.isEmpty()
                    ? columnName(c)
                    : QStringLiteral("%1 (%2)").arg(columnName(c), name));
            continue;
        }
        columns[f].append(c);
    }
    const bool hasIdentifier = std::any_of(columns.keyBegin(), columns.keyEnd(), isIdentifierField);
    if (!hasIdentifier) {
        plan.error = Text::tr("No column names the devices: choose which column holds device IDs, "
                              "serial numbers, ICCIDs or IMEIs.");
        return plan;
    }
    const bool placesByColumn
        = columns.contains(ImportField::Customer) || columns.contains(ImportField::Group);

    Destinations destinations(state, hierarchy, plan.creates, options.createMissing);
    std::optional<Destinations::Result> fixedDestination;
    if (!placesByColumn && !options.destination.trimmed().isEmpty())
        fixedDestination = destinations.resolve(QString(), options.destination.trimmed());

    const DeviceIndex index(state);
    // Places as people read them, each made once.
    const QString unassigned = Text::tr("Unassigned");
    const QString returns
        = hierarchy.returnsTitle().isEmpty() ? Text::tr("Returns") : hierarchy.returnsTitle();
    const QString needsRepair = Text::tr("Needs repair");
    QHash<QString, QString> titles;
    const auto titleOf = [&](const Domain::MoveTarget &target) -> QString {
        if (target.kind != Domain::MoveTarget::Kind::Node)
            return target.kind == Domain::MoveTarget::Kind::Returns ? returns : unassigned;
        const auto known = titles.constFind(target.path);
        if (known != titles.cend())
            return *known;
        const auto created = std::find_if(plan.creates.cbegin(), plan.creates.cend(),
            [&](const ImportCreation &c) { return c.path == target.path; });
        const QString title = created != plan.creates.cend()
            ? created->titlePath
            : Domain::titlePath(hierarchy, target.path);
        titles.insert(target.path, title);
        return title;
    };
    // The first row of each device (by device ID, or by identifier for devices to import),
    // and of each effect on it.
    QHash<QString, int> firstRowOfDevice;
    bool headerSkipped = !mapping.hasHeader;
    plan.rows.reserve(table.rows.size());

    for (const Io::TextRow &row : table.rows) {
        const bool blank = std::none_of(row.cells.cbegin(), row.cells.cend(),
            [](const QString &c) { return !c.trimmed().isEmpty(); });
        if (blank) {
            ++plan.blankRows;
            continue;
        }
        if (!headerSkipped) {
            headerSkipped = true;
            continue;
        }
        ImportRow r;
        r.row = row.number;

        // The row's values.
        // By field: the first non-empty cell of the columns mapped to it.
        FieldValues values;
        for (auto it = columns.cbegin(); it != columns.cend(); ++it) {
            for (int c : it.value()) {
                QString cell = c < row.cells.size() ? row.cells.at(c).trimmed() : QString();
                // An export guards text that a spreadsheet would take for a formula with an
                // apostrophe ('-Reserve); read back, the apostrophe goes again.
                if (cell.size() > 1 && cell.front() == u'\''
                    && QStringView(u"=+-@").contains(cell.at(1)))
                    cell.remove(0, 1);
                if (cell.isEmpty())
                    continue;
                const bool number = c < row.types.size() && row.types.at(c) == Io::CellType::Number;
                if (isIdentifierField(it.key()) && !Domain::isDeviceId(cell)
                    && (looksScientific(cell) || (number && cell.size() > 15 && allDigits(cell)))) {
                    r.errors.append(
                        Text::tr("column %1 holds %2 as a number that the spreadsheet rounded "
                                 "(%3): format the column as text and enter the numbers again")
                            .arg(columnName(c), fieldTitle(it.key()), cell));
                    break;
                }
                if (!values.contains(it.key()))
                    values.insert(it.key(), cell);
                break;
            }
        }

        // The device it names.
        FieldValues ids;
        for (ImportField f : {ImportField::Identifier, ImportField::DeviceId, ImportField::Serial,
                 ImportField::Iccid, ImportField::Imei}) {
            if (!values.contains(f))
                continue;
            QString v = values.value(f);
            ImportField kind = f == ImportField::Identifier ? classify(v) : f;
            if (kind == ImportField::DeviceId)
                v = v.toLower();
            if (const QString e = identifierError(kind, v); !e.isEmpty()) {
                r.errors.append(e);
                continue;
            }
            if (ids.contains(kind) && ids.value(kind).compare(v, Qt::CaseInsensitive) != 0) {
                r.errors.append(Text::tr("the row has two different %1s").arg(fieldTitle(kind)));
                continue;
            }
            ids.insert(kind, v);
        }
        for (ImportField f :
            {ImportField::DeviceId, ImportField::Serial, ImportField::Iccid, ImportField::Imei}) {
            if (r.identifier.isEmpty() && ids.contains(f))
                r.identifier = ids.value(f);
        }
        if (r.identifier.isEmpty() && r.errors.isEmpty())
            r.errors.append(Text::tr("no device ID, serial number, ICCID or IMEI"));

        // Every identifier must name the same device, if any.
        QString found;
        QString foundBy;
        bool twoDevices = false;
        auto match = [&](ImportField f, const QString &id) {
            if (id.isEmpty() || found == id)
                return;
            if (found.isEmpty()) {
                found = id;
                foundBy = fieldTitle(f);
                return;
            }
            twoDevices = true;
            r.errors.append(
                Text::tr("the identifiers name two different devices: %1 by %2 and %3 by %4")
                    .arg(found, foundBy, id, fieldTitle(f)));
        };
        if (ids.contains(ImportField::DeviceId)) {
            const QString id = ids.value(ImportField::DeviceId);
            match(ImportField::DeviceId, state.devices.contains(id) ? id : QString());
        }
        if (ids.contains(ImportField::Serial))
            match(ImportField::Serial,
                index.bySerial.value(ids.value(ImportField::Serial).toUpper()));
        if (ids.contains(ImportField::Iccid))
            match(ImportField::Iccid, index.byIccid.value(ids.value(ImportField::Iccid)));
        if (ids.contains(ImportField::Imei))
            match(ImportField::Imei, index.byImei.value(ids.value(ImportField::Imei)));
        const Domain::Device *device = nullptr;
        if (!found.isEmpty()) {
            device = &*state.devices.constFind(found);
            // A device ID of the row that is not the device found names another device.
            if (!twoDevices && ids.contains(ImportField::DeviceId)
                && ids.value(ImportField::DeviceId) != found) {
                twoDevices = true;
                r.errors.append(Text::tr("the identifiers name two different devices: %1 and %2")
                                    .arg(ids.value(ImportField::DeviceId), found));
            }
            for (auto [f, own] : {std::pair {ImportField::Serial, device->serialNumber},
                     std::pair {ImportField::Iccid, device->iccid},
                     std::pair {ImportField::Imei, device->imei}}) {
                if (!twoDevices && ids.contains(f) && !own.isEmpty()
                    && ids.value(f).compare(own, Qt::CaseInsensitive) != 0)
                    r.errors.append(Text::tr("the %1 %2 is not that of device %3 (%4)")
                                        .arg(fieldTitle(f), ids.value(f), found, own));
            }
            r.deviceId = found;
            r.label = device->name.isEmpty() ? found : device->name;
            r.oldName = device->name;
            r.oldNotes = device->hasNotes ? device->notes : QString();
        } else {
            r.label = r.identifier;
        }

        // Where it goes.
        if (placesByColumn) {
            const QString customer = values.value(ImportField::Customer);
            const QString group = values.value(ImportField::Group);
            if (!customer.isEmpty() || !group.isEmpty()) {
                const Destinations::Result d = destinations.resolve(customer, group);
                if (!d.error.isEmpty())
                    r.errors.append(d.error);
                r.target = d.target;
            }
        } else if (fixedDestination) {
            if (!fixedDestination->error.isEmpty())
                r.errors.append(fixedDestination->error);
            r.target = fixedDestination->target;
        }

        // Its name and notes.
        if (values.contains(ImportField::Name)) {
            const QString name = values.value(ImportField::Name);
            // A name the device has already is no change, whatever it is.
            if (!device || name != device->name) {
                if (const QString e = Domain::deviceNameError(name); !e.isEmpty())
                    r.errors.append(e);
                else
                    r.name = name;
            }
        }
        if (values.contains(ImportField::Notes)) {
            const QString notes = values.value(ImportField::Notes);
            // Cells are trimmed and spreadsheets end lines their own way: notes that differ
            // only so are the same notes.
            const auto same = [](QString a, QString b) {
                a.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
                b.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
                return a.trimmed() == b.trimmed();
            };
            if (!device || !same(notes, r.oldNotes))
                r.notes = notes;
        }

        // From where to where.
        if (device) {
            const std::optional<Domain::MoveTarget> from = placementOf(*device, hierarchy);
            r.fromPath = from ? targetPath(*from) : QString();
            r.fromTitle = from ? titleOf(*from) : needsRepair;
            // Already there: a device placed at a node, or in a pool, has nothing to change to
            // be there (an inconsistent one has no place).
            if (r.target && from == r.target)
                r.target.reset();
        }
        if (r.target) {
            r.toPath = targetPath(*r.target);
            r.toTitle = titleOf(*r.target);
        }

        if (!r.errors.isEmpty()) {
            r.action = RowAction::Error;
        } else {
            if (!device)
                r.changes.append(QStringLiteral("import"));
            if (r.target && !(!device && r.target->kind == Domain::MoveTarget::Kind::Unassigned))
                r.changes.append(QStringLiteral("move"));
            if (r.name)
                r.changes.append(QStringLiteral("rename"));
            if (r.notes)
                r.changes.append(QStringLiteral("notes"));
            r.action = !device ? RowAction::Import
                : r.target     ? RowAction::Move
                : r.name       ? RowAction::Rename
                : r.notes      ? RowAction::Notes
                               : RowAction::Unchanged;
        }

        // One row per device: a repeat of the same row is an error of the repeat, rows that do
        // different things to one device are all errors.
        if (!r.isError()) {
            const QString key
                = device ? device->id : QStringLiteral("new:") + r.identifier.toUpper();
            const auto first = firstRowOfDevice.constFind(key);
            if (first == firstRowOfDevice.cend()) {
                firstRowOfDevice.insert(key, static_cast<int>(plan.rows.size()));
            } else {
                ImportRow &earlier = plan.rows[*first];
                if (effectKey(earlier) == effectKey(r)) {
                    r.errors.append(Text::tr("same as row %1").arg(earlier.row));
                } else {
                    r.errors.append(Text::tr("row %1 does something else with the same device")
                                        .arg(earlier.row));
                    if (!earlier.isError()) {
                        earlier.errors.append(
                            Text::tr("row %1 does something else with the same device").arg(r.row));
                        earlier.action = RowAction::Error;
                        earlier.changes.clear();
                    }
                }
                r.action = RowAction::Error;
                r.changes.clear();
            }
        }
        plan.rows.append(std::move(r));
    }
    // Nodes to create that only rows with errors asked for are not created.
    QSet<QString> used;
    for (const ImportRow &r : std::as_const(plan.rows)) {
        if (!r.isError() && r.target && r.target->kind == Domain::MoveTarget::Kind::Node) {
            for (const QString &p : Domain::pathChain(r.target->path))
                used.insert(p);
        }
    }
    plan.creates.erase(std::remove_if(plan.creates.begin(), plan.creates.end(),
                           [&](const ImportCreation &c) { return !used.contains(c.path); }),
        plan.creates.end());
    return plan;
}

} // namespace Flotilla::Edit
