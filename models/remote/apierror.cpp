// SPDX-License-Identifier: MIT
#include "apierror.h"

#include "domain/text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QStringList>

namespace Flotilla::Remote {

namespace {

// A snake_case word such as "invalid_token": an error code rather than a sentence.
bool looksLikeCode(const QString &text)
{
    if (text.isEmpty() || text.size() > 64 || !text.at(0).isLower())
        return false;
    for (const QChar c : text) {
        if (!(c.isLower() || c.isDigit() || c == QLatin1Char('_')))
            return false;
    }
    return true;
}

QString textOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().trimmed();
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (const QLatin1String key : {QLatin1String("message"),
                 QLatin1String("error_description"), QLatin1String("error")}) {
            const QString s = o.value(key).toString().trimmed();
            if (!s.isEmpty())
                return s;
        }
    }
    return {};
}

} // namespace

bool ApiError::isTransient() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::RateLimited:
    case Kind::Server:
        return true;
    default:
        return false;
    }
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return Text::tr("No error");
    case Kind::Network:
        return Text::tr("Network error");
    case Kind::Timeout:
        return Text::tr("Timeout");
    case Kind::Unauthorized:
        return Text::tr("Unauthorized");
    case Kind::Forbidden:
        return Text::tr("Forbidden");
    case Kind::NotFound:
        return Text::tr("Not found");
    case Kind::RateLimited:
        return Text::tr("Rate limited");
    case Kind::Server:
        return Text::tr("Server error");
    case Kind::BadRequest:
        return Text::tr("Bad request");
    case Kind::Malformed:
        return Text::tr("Malformed answer");
    case Kind::Insecure:
        return Text::tr("Insecure");
    case Kind::Cancelled:
        return Text::tr("Cancelled");
    }
    return Text::tr("Unknown error");
}

QString ApiError::toString() const
{
    if (!isError())
        return kindName(kind);
    QStringList details;
    if (status > 0)
        details.append(QStringLiteral("HTTP %1").arg(status));
    if (!code.isEmpty())
        details.append(code);
    QString text = kindName(kind);
    if (!details.isEmpty())
        text += QStringLiteral(" (") + details.join(QStringLiteral(", ")) + QLatin1Char(')');
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    return text;
}

ApiError::Kind ApiError::kindForStatus(int status)
{
    if (status >= 200 && status < 300)
        return Kind::None;
    switch (status) {
    case 401:
        return Kind::Unauthorized;
    case 403:
        return Kind::Forbidden;
    case 404:
        return Kind::NotFound;
    case 408:
        return Kind::Timeout;
    case 429:
        return Kind::RateLimited;
    default:
        break;
    }
    if (status >= 500 && status < 600)
        return Kind::Server;
    if (status >= 400 && status < 500)
        return Kind::BadRequest;
    // 1xx/3xx as a final answer (a redirect that was not followed) or nonsense.
    return Kind::Malformed;
}

QString ApiError::messageFromBody(const QJsonObject &body, QString *code)
{
    const QString description
        = body.value(QStringLiteral("error_description")).toString().trimmed();
    const QString error = textOf(body.value(QStringLiteral("error")));
    if (code) {
        code->clear();
        if (looksLikeCode(error))
            *code = error;
    }
    if (!description.isEmpty())
        return description;
    if (!error.isEmpty())
        return error;
    const QJsonValue errors = body.value(QStringLiteral("errors"));
    if (errors.isArray()) {
        QStringList parts;
        for (const QJsonValue &item : errors.toArray()) {
            const QString s = textOf(item);
            if (!s.isEmpty())
                parts.append(s);
        }
        if (!parts.isEmpty())
            return parts.join(QLatin1Char('\n'));
    } else if (const QString s = textOf(errors); !s.isEmpty()) {
        return s;
    }
    return textOf(body.value(QStringLiteral("info")));
}

ApiError ApiError::fromHttp(int status, const QByteArray &body, const QString &reasonPhrase)
{
    ApiError e;
    e.kind = kindForStatus(status);
    e.status = status;
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject())
        e.message = messageFromBody(doc.object(), &e.code);
    if (e.message.isEmpty())
        e.message
            = reasonPhrase.isEmpty() ? QStringLiteral("HTTP status %1").arg(status) : reasonPhrase;
    return e;
}

} // namespace Flotilla::Remote
