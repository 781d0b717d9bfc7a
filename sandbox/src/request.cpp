// SPDX-License-Identifier: MIT
#include "request.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

#include <algorithm>
#include <vector>

namespace Flotilla::Sandbox {

namespace {

// Collects fields in the order they come and builds the QJsonObject once, in key order.
// Inserting into a QJsonObject keeps its keys sorted (an O(n) move per insert) and re-inserting a
// growing array copies it, so adding fields one by one is quadratic; this is O(n log n): a stable
// sort by key keeps repeated keys' values in the order they came.
class FieldCollector
{
public:
    // `name[]` is the array `name`.
    static bool takeArraySuffix(QString &key)
    {
        if (!key.endsWith(QStringLiteral("[]")))
            return false;
        key.chop(2);
        return true;
    }
    void add(QString key, QString value)
    {
        const bool isArray = takeArraySuffix(key);
        add(std::move(key), std::move(value), isArray);
    }
    void add(QString key, QString value, bool isArray)
    {
        m_entries.push_back(Entry {std::move(key), std::move(value), isArray});
    }
    QJsonObject take()
    {
        std::stable_sort(m_entries.begin(), m_entries.end(),
            [](const Entry &a, const Entry &b) { return a.key < b.key; });
        QJsonObject object;
        for (size_t i = 0; i < m_entries.size();) {
            size_t end = i + 1;
            while (end < m_entries.size() && m_entries[end].key == m_entries[i].key)
                ++end;
            // In key order each insert lands at the end: nothing already there moves.
            if (end - i == 1 && !m_entries[i].array) {
                object.insert(m_entries[i].key, m_entries[i].value);
            } else {
                // A repeated key, or `name[]`, is an array of the values in the order they came.
                QJsonArray values;
                for (size_t j = i; j < end; ++j)
                    values.append(m_entries[j].value);
                object.insert(m_entries[i].key, values);
            }
            i = end;
        }
        m_entries.clear();
        return object;
    }

private:
    struct Entry
    {
        QString key;
        QString value;
        bool array = false;
    };
    std::vector<Entry> m_entries;
};

QString tooManyFields()
{
    return QStringLiteral("Too many fields in the request body: at most %1").arg(MaxBodyFields);
}

QByteArray headerParameter(const QByteArray &header, const QByteArray &name)
{
    const QList<QByteArray> parts = header.split(';');
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray part = parts.at(i).trimmed();
        const qsizetype eq = part.indexOf('=');
        if (eq < 0 || part.left(eq).trimmed().toLower() != name)
            continue;
        QByteArray value = part.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return value;
    }
    return {};
}

ParsedBody parseMultipart(const QByteArray &contentType, const QByteArray &body)
{
    ParsedBody result;
    const QByteArray boundary = headerParameter(contentType, "boundary");
    if (boundary.isEmpty() || boundary.size() > 200) {
        result.error = QStringLiteral("Malformed multipart body: missing or invalid boundary");
        return result;
    }
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0) {
        result.error = QStringLiteral("Malformed multipart body: boundary not found");
        return result;
    }
    FieldCollector fields;
    qsizetype parts = 0;
    bool closed = false;
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--") {
            closed = true;
            break;
        }
        if (body.mid(pos, 2) != "\r\n")
            break;
        if (++parts > MaxBodyFields) {
            result.error = tooManyFields();
            result.status = 413;
            return result;
        }
        pos += 2;
        const qsizetype headerEnd = body.indexOf("\r\n\r\n", pos);
        if (headerEnd < 0)
            break;
        const QByteArray headerBlock = body.mid(pos, headerEnd - pos);
        const qsizetype dataStart = headerEnd + 4;
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), dataStart);
        if (next < 0)
            break;
        QByteArray disposition;
        QByteArray partType;
        for (const QByteArray &line : headerBlock.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            if (name == "content-disposition")
                disposition = line.mid(colon + 1).trimmed();
            else if (name == "content-type")
                partType = line.mid(colon + 1).trimmed();
        }
        const QString fieldName = QString::fromUtf8(headerParameter(disposition, "name"));
        if (!disposition.toLower().startsWith("form-data") || fieldName.isEmpty()) {
            result.error = QStringLiteral(
                "Malformed multipart body: a part has no Content-Disposition form-data name");
            return result;
        }
        const QByteArray data = body.mid(dataStart, next - dataStart);
        if (disposition.contains("filename=")) {
            result.files.append(FilePart {fieldName,
                QString::fromUtf8(headerParameter(disposition, "filename")), partType, data});
        } else {
            fields.add(fieldName, QString::fromUtf8(data));
        }
        pos = next + 2;
    }
    if (!closed) {
        result.error = QStringLiteral("Malformed multipart body: truncated or missing the closing "
                                      "boundary");
        result.files.clear();
        return result;
    }
    result.fields = Fields(fields.take(), BodyKind::Multipart);
    return result;
}

} // namespace

Fields::Fields(QJsonObject values, BodyKind kind)
    : m_values(std::move(values))
    , m_kind(kind)
{ }

bool Fields::isNull(const QString &key) const
{
    const QJsonValue v = m_values.value(key);
    if (v.isNull())
        return true;
    if (v.isString()) {
        const QString s = v.toString();
        return s.isEmpty() || s == QLatin1String("null");
    }
    return false;
}

std::optional<QString> Fields::string(const QString &key) const
{
    const QJsonValue v = m_values.value(key);
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return std::nullopt;
}

std::optional<bool> Fields::boolean(const QString &key, QString *error) const
{
    const QJsonValue v = m_values.value(key);
    if (v.isUndefined())
        return std::nullopt;
    if (v.isBool())
        return v.toBool();
    if (v.isString()) {
        const QString s = v.toString().toLower();
        if (s == QLatin1String("true") || s == QLatin1String("1"))
            return true;
        if (s == QLatin1String("false") || s == QLatin1String("0"))
            return false;
    }
    if (v.isDouble() && (v.toDouble() == 0 || v.toDouble() == 1))
        return v.toDouble() == 1;
    if (error)
        *error = QStringLiteral("'%1' must be true or false").arg(key);
    return std::nullopt;
}

std::optional<qint64> Fields::integer(const QString &key, QString *error) const
{
    const QJsonValue v = m_values.value(key);
    if (v.isUndefined())
        return std::nullopt;
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == static_cast<double>(static_cast<qint64>(d)))
            return static_cast<qint64>(d);
    } else if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok);
        if (ok)
            return n;
    }
    if (error)
        *error = QStringLiteral("'%1' must be an integer").arg(key);
    return std::nullopt;
}

std::optional<QStringList> Fields::list(const QString &key, QString *error) const
{
    const QJsonValue v = m_values.value(key);
    if (v.isUndefined())
        return std::nullopt;
    QStringList out;
    if (v.isArray()) {
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString()) {
                if (error)
                    *error = QStringLiteral("'%1' must be an array of strings").arg(key);
                return std::nullopt;
            }
            out.append(item.toString());
        }
        return out;
    }
    if (v.isString()) {
        const QString s = v.toString();
        if (s.isEmpty())
            return out;
        for (const QString &part : s.split(QLatin1Char(',')))
            out.append(part.trimmed());
        return out;
    }
    if (v.isNull())
        return out;
    if (error)
        *error = QStringLiteral("'%1' must be an array of strings").arg(key);
    return std::nullopt;
}

QByteArray mediaType(const QByteArray &contentType)
{
    const qsizetype semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.left(semi)).trimmed().toLower();
}

QJsonObject parseForm(const QByteArray &body)
{
    FieldCollector object;
    QByteArray lastRawKey;
    QString lastKey;
    bool lastIsArray = false;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray rawKey = eq < 0 ? pair : pair.left(eq);
        QByteArray rawValue = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        // Array fields repeat their key: decode it once.
        if (rawKey != lastRawKey || lastKey.isNull()) {
            lastRawKey = rawKey;
            rawKey.replace('+', ' ');
            lastKey = QString::fromUtf8(QByteArray::fromPercentEncoding(rawKey));
            lastIsArray = FieldCollector::takeArraySuffix(lastKey);
        }
        rawValue.replace('+', ' ');
        object.add(
            lastKey, QString::fromUtf8(QByteArray::fromPercentEncoding(rawValue)), lastIsArray);
    }
    return object.take();
}

Fields fieldsFromQuery(const QUrlQuery &query)
{
    FieldCollector object;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        object.add(key, value);
    return Fields(object.take(), BodyKind::Form);
}

ParsedBody parseBody(const QByteArray &contentType, const QByteArray &body)
{
    ParsedBody result;
    const QByteArray type = mediaType(contentType);
    if (body.trimmed().isEmpty() && type != "multipart/form-data")
        return result;
    if (type == "application/json" || type.endsWith("+json")) {
        QJsonParseError parseError {};
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            result.error = QStringLiteral("Malformed JSON body: %1 at offset %2")
                               .arg(parseError.errorString())
                               .arg(parseError.offset);
        } else if (!doc.isObject()) {
            result.error = QStringLiteral("Malformed JSON body: expected a JSON object");
        } else {
            result.fields = Fields(doc.object(), BodyKind::Json);
        }
        return result;
    }
    if (type == "application/x-www-form-urlencoded" || type.isEmpty()) {
        if (type.isEmpty() && (body.contains('\0') || !body.contains('='))) {
            result.error
                = QStringLiteral("Unsupported request body: send application/json, "
                                 "application/x-www-form-urlencoded or multipart/form-data");
            return result;
        }
        // Counting the separators first refuses an oversized form before any of it is decoded.
        if (body.count('&') >= MaxBodyFields) {
            result.error = tooManyFields();
            result.status = 413;
            return result;
        }
        result.fields = Fields(parseForm(body), BodyKind::Form);
        return result;
    }
    if (type == "multipart/form-data")
        return parseMultipart(contentType, body);
    result.error = QStringLiteral("Unsupported Content-Type '%1': send application/json, "
                                  "application/x-www-form-urlencoded or multipart/form-data")
                       .arg(QString::fromLatin1(type.left(100)));
    return result;
}

QByteArray ApiRequest::header(const QByteArray &lowercaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowercaseName)
            return value;
    }
    return {};
}

ApiResponse ApiResponse::json(int status, const QJsonObject &object)
{
    ApiResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

ApiResponse ApiResponse::json(int status, const QJsonArray &array)
{
    ApiResponse r;
    r.status = status;
    r.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return r;
}

ApiResponse ApiResponse::noContent()
{
    ApiResponse r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

ApiResponse ApiResponse::apiError(int status, const QString &message)
{
    return json(
        status, QJsonObject {{QStringLiteral("ok"), false}, {QStringLiteral("error"), message}});
}

ApiResponse ApiResponse::oauthError(int status, const QString &code, const QString &description)
{
    ApiResponse r = json(status,
        QJsonObject {
            {QStringLiteral("error"), code}, {QStringLiteral("error_description"), description}});
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    if (code == QLatin1String("invalid_client"))
        r.headers.append(
            {QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Basic realm=\"Service\"")});
    return r;
}

ApiResponse ApiResponse::ok()
{
    return json(200, QJsonObject {{QStringLiteral("ok"), true}});
}

} // namespace Flotilla::Sandbox
