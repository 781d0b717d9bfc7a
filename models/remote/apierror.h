// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace Flotilla::Remote {

// What went wrong with one request to the Particle cloud, in terms a caller can act on.
struct ApiError
{
    enum class Kind {
        None, // no error
        Network, // connection refused, reset, cut off, DNS... (transient)
        Timeout, // no progress within the transfer timeout, or HTTP 408 (transient)
        Unauthorized, // 401: the token is invalid, expired or revoked
        Forbidden, // 403
        NotFound, // 404
        RateLimited, // 429 (transient)
        Server, // 5xx (transient)
        BadRequest, // any other 4xx
        Malformed, // a 2xx answer that is not what the API documents (never trusted)
        Insecure, // refused URL or TLS failure: nothing (more) was sent
        Cancelled, // the request was cancelled before it completed
    };

    Kind kind = Kind::None;
    int status = 0; // HTTP status, 0 when there was no HTTP answer
    QString code; // machine-readable code when the server sent one ("invalid_token")
    QString message; // for humans

    bool isError() const { return kind != Kind::None; }
    // Network, Timeout, RateLimited, Server: worth retrying later.
    bool isTransient() const;
    // "Unauthorized (HTTP 401, invalid_token): The access token provided is invalid."
    QString toString() const;

    static QString kindName(Kind kind);
    // The kind of a non-2xx HTTP status.
    static Kind kindForStatus(int status);
    // An error for a non-2xx answer: the kind from the status, the message and code from either
    // error body shape (OAuth {error, error_description}; API {ok:false, error}; also errors[],
    // info), falling back to the reason phrase when the body says nothing useful.
    static ApiError fromHttp(int status, const QByteArray &body, const QString &reasonPhrase = {});
    // The human message of an error body, like particle-cli's extractApiErrorMessage:
    // error_description, then error, then errors[], then info. `code` (optional) receives the
    // OAuth error code when there is one.
    static QString messageFromBody(const QJsonObject &body, QString *code = nullptr);
};

} // namespace Flotilla::Remote

Q_DECLARE_METATYPE(Flotilla::Remote::ApiError)
