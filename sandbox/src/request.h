// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace Flotilla::Sandbox {

// A file part of a multipart/form-data body.
struct FilePart
{
    QString fieldName;
    QString fileName;
    QByteArray contentType;
    QByteArray data;
};

enum class BodyKind { None, Json, Form, Multipart };

// The fields of a request body, whatever its encoding. JSON bodies keep their types; form and
// multipart fields are strings, and repeated `name[]` / `name` fields become arrays. The typed
// accessors accept both, so every endpoint takes JSON and form bodies alike, as Particle's does.
class Fields
{
public:
    Fields() = default;
    explicit Fields(QJsonObject values, BodyKind kind = BodyKind::Json);

    BodyKind kind() const { return m_kind; }
    const QJsonObject &values() const { return m_values; }
    bool has(const QString &key) const { return m_values.contains(key); }
    bool isNull(const QString &key) const;
    bool isEmpty() const { return m_values.isEmpty(); }

    std::optional<QString> string(const QString &key) const;
    // The result is empty (and `error` set) when the field is present but not a boolean.
    std::optional<bool> boolean(const QString &key, QString *error) const;
    std::optional<qint64> integer(const QString &key, QString *error) const;
    // A JSON array of strings, repeated form fields, or one comma-separated string.
    std::optional<QStringList> list(const QString &key, QString *error) const;

    void insert(const QString &key, const QJsonValue &value) { m_values.insert(key, value); }
    void remove(const QString &key) { m_values.remove(key); }

private:
    QJsonObject m_values;
    BodyKind m_kind = BodyKind::None;
};

struct ParsedBody
{
    Fields fields;
    QList<FilePart> files;
    QString error; // non-empty: the body is malformed; the message says how
    int status = 400; // the status for `error`: 400, or 413 for too many fields
};

// The most fields (form pairs, multipart parts) one request body may carry; more is a 413.
// JSON bodies are not counted: their parser is linear in the size of the body.
inline constexpr qsizetype MaxBodyFields = 10000;

// Parses a request body by its Content-Type. JSON must be an object; form bodies are
// application/x-www-form-urlencoded; multipart/form-data needs a boundary.
ParsedBody parseBody(const QByteArray &contentType, const QByteArray &body);

// Query parameters as Fields (strings; repeated or `name[]` keys become arrays).
Fields fieldsFromQuery(const QUrlQuery &query);

// Decodes an application/x-www-form-urlencoded string, however many fields it has. The time it
// takes grows with n log n in the number of fields (repeated keys and `name[]` arrays included).
QJsonObject parseForm(const QByteArray &body);

// The media type of a Content-Type header, lowercased, without parameters.
QByteArray mediaType(const QByteArray &contentType);

// A request as the API layer sees it, independent of the HTTP server in front of it.
struct ApiRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path; // decoded path, no query
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers; // names lowercased
    QByteArray body;
    QHostAddress remote;

    QByteArray header(const QByteArray &lowercaseName) const;
};

// An answer produced by the API layer.
struct ApiResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static ApiResponse json(int status, const QJsonObject &object);
    static ApiResponse json(int status, const QJsonArray &array);
    static ApiResponse noContent();
    // {"ok": false, "error": message}
    static ApiResponse apiError(int status, const QString &message);
    // {"error": code, "error_description": description}
    static ApiResponse oauthError(int status, const QString &code, const QString &description);
    static ApiResponse ok();
};

} // namespace Flotilla::Sandbox
