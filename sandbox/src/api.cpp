// SPDX-License-Identifier: MIT
#include "api.h"

#include "totp.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>

namespace Flotilla::Sandbox {

Q_LOGGING_CATEGORY(lcApi, "flotilla.sandbox.api")

Outcome respond(ApiResponse response)
{
    Outcome o;
    o.response = std::move(response);
    return o;
}

namespace {

constexpr qint64 DefaultTokenLifetime = 7776000; // 90 days
constexpr qint64 RefreshLifetime = 14 * 24 * 3600;

bool isPublicClient(const QString &id, const QString &secret)
{
    static const QStringList publicClients {
        QStringLiteral("particle"), QStringLiteral("particle-api"), QStringLiteral("particle-cli")};
    return publicClients.contains(id) && secret == id;
}

ApiResponse notFound(const QString &what = QStringLiteral("Not found"))
{
    return ApiResponse::apiError(404, what);
}

} // namespace

Api::Api(Fleet &fleet, const ApiLimits &limits)
    : m_fleet(fleet)
    , m_limits(limits)
    , m_general(limits.requestsPerWindow, limits.windowSeconds)
    , m_tokenLimiter(limits.tokenRequestsPerWindow, limits.windowSeconds)
    , m_streamLimiter(limits.streamOpensPerWindow, limits.windowSeconds)
{
    m_clock.start();
    realNow = [] { return QDateTime::currentMSecsSinceEpoch(); };

    add("POST", "/oauth/token", Access::Oauth, &Api::oauthToken);
    add("GET", "/v1/access_tokens/current", Access::Any, &Api::tokenInfo);
    add("DELETE", "/v1/access_tokens/current", Access::Any, &Api::deleteCurrentToken);
    // Authenticates itself: the account's username and password (HTTP Basic), or a token of it.
    add("DELETE", "/v1/access_tokens/:token", Access::Public, &Api::deleteToken);
    add("GET", "/v1/user", Access::Any, &Api::userInfo);
    add("GET", "/v1/user/products", Access::ProductOnly, &Api::listProducts);
    add("GET", "/v1/products", Access::ProductOnly, &Api::listProducts);
    add("GET", "/v1/products/:p", Access::ProductOnly, &Api::getProduct);
    add("GET", "/v1/orgs", Access::ProductOnly, &Api::listOrgs);
    add("GET", "/v1/orgs/:org/products", Access::ProductOnly, &Api::listOrgProducts);

    add("GET", "/v1/products/:p/devices", Access::ProductOnly, &Api::listDevices);
    add("POST", "/v1/products/:p/devices", Access::ProductOnly, &Api::importDevices);
    add("PUT", "/v1/products/:p/devices", Access::ProductOnly, &Api::batchDevices);
    add("GET", "/v1/products/:p/devices/:id", Access::ProductOnly, &Api::getProductDevice);
    add("PUT", "/v1/products/:p/devices/:id", Access::ProductOnly, &Api::updateDevice);
    add("DELETE", "/v1/products/:p/devices/:id", Access::ProductOnly, &Api::removeDevice);
    add("DELETE", "/v1/products/:p/devices/:id/owner", Access::ProductOnly,
        &Api::unclaimProductDevice);
    add("PUT", "/v1/products/:p/devices/:id/ping", Access::ProductOnly, &Api::pingDevice);
    add("GET", "/v1/products/:p/impact", Access::ProductOnly, &Api::impact);

    add("GET", "/v1/products/:p/groups", Access::ProductOnly, &Api::listGroups);
    add("POST", "/v1/products/:p/groups", Access::ProductOnly, &Api::createGroup);
    add("GET", "/v1/products/:p/groups/:g", Access::ProductOnly, &Api::getGroup);
    add("PUT", "/v1/products/:p/groups/:g", Access::ProductOnly, &Api::updateGroup);
    add("DELETE", "/v1/products/:p/groups/:g", Access::ProductOnly, &Api::deleteGroup);

    add("GET", "/v1/products/:p/firmware", Access::ProductOnly, &Api::listFirmware);
    add("POST", "/v1/products/:p/firmware", Access::ProductOnly, &Api::uploadFirmware);
    add("PUT", "/v1/products/:p/firmware/release", Access::ProductOnly, &Api::releaseFirmware);
    add("GET", "/v1/products/:p/firmware/:v", Access::ProductOnly, &Api::getFirmware);
    add("GET", "/v1/products/:p/firmware/:v/binary", Access::ProductOnly, &Api::getFirmwareBinary);
    add("PUT", "/v1/products/:p/firmware/:v", Access::ProductOnly, &Api::editFirmware);
    add("DELETE", "/v1/products/:p/firmware/:v", Access::ProductOnly, &Api::deleteFirmware);

    add("POST", "/v1/products/:p/customers", Access::Public, &Api::createCustomer);
    add("GET", "/v1/products/:p/customers", Access::ProductOnly, &Api::listCustomers);
    add("PUT", "/v1/products/:p/customers/:email", Access::ProductOnly, &Api::updateCustomer);
    add("DELETE", "/v1/products/:p/customers/:email", Access::ProductOnly, &Api::deleteCustomer);

    add("GET", "/v1/products/:p/events", Access::ProductOnly, &Api::productEvents);
    add("GET", "/v1/products/:p/events/:prefix*", Access::ProductOnly, &Api::productEvents);
    add("POST", "/v1/products/:p/events", Access::ProductOnly, &Api::publishProductEvent);
    add("GET", "/v1/products/:p/devices/:id/events", Access::ProductOnly,
        &Api::productDeviceEvents);
    add("GET", "/v1/products/:p/devices/:id/events/:prefix*", Access::ProductOnly,
        &Api::productDeviceEvents);

    add("GET", "/v1/devices", Access::Any, &Api::listOwnDevices);
    add("POST", "/v1/devices", Access::Any, &Api::claimDevice);
    add("GET", "/v1/devices/events", Access::Any, &Api::ownEvents);
    add("GET", "/v1/devices/events/:prefix*", Access::Any, &Api::ownEvents);
    add("POST", "/v1/devices/events", Access::Any, &Api::publishEvent);
    add("GET", "/v1/devices/:id", Access::Any, &Api::getOwnDevice);
    add("PUT", "/v1/devices/:id", Access::Any, &Api::updateOwnDevice);
    add("DELETE", "/v1/devices/:id", Access::Any, &Api::unclaimOwnDevice);
    add("GET", "/v1/devices/:id/events", Access::Any, &Api::deviceEvents);
    add("GET", "/v1/devices/:id/events/:prefix*", Access::Any, &Api::deviceEvents);
    add("GET", "/v1/events", Access::Any, &Api::publicEvents);
    add("GET", "/v1/events/:prefix*", Access::Any, &Api::publicEvents);

    // Variables and functions come last: their name segment matches anything the routes above
    // have not taken ("events", "owner", "ping").
    add("GET", "/v1/products/:p/devices/:id/:name", Access::ProductOnly, &Api::productVariable);
    add("POST", "/v1/products/:p/devices/:id/:name", Access::ProductOnly, &Api::productFunction);
    add("GET", "/v1/devices/:id/:name", Access::Any, &Api::ownVariable);
    add("POST", "/v1/devices/:id/:name", Access::Any, &Api::ownFunction);
}

void Api::add(const char *method, const char *pattern, Access access, Handler handler)
{
    const QString p = QString::fromLatin1(pattern);
    m_routes.push_back(Route {QByteArray(method), p.split(QLatin1Char('/'), Qt::SkipEmptyParts),
        access, handler, QString::fromLatin1(method) + QLatin1Char(' ') + p});
}

Outcome Api::handle(const ApiRequest &request)
{
    const QString address = request.remote.toString();
    const qint64 mono = m_clock.elapsed();
    if (!m_general.allow(address, mono)) {
        Outcome o = respond(ApiResponse::json(429,
            QJsonObject {{QStringLiteral("ok"), false},
                {QStringLiteral("error"),
                    QStringLiteral("Too many requests: the limit is %1 requests per %2 "
                                   "seconds per client address")
                        .arg(m_limits.requestsPerWindow)
                        .arg(m_limits.windowSeconds)}}));
        o.route = QStringLiteral("rate-limited");
        return o;
    }

    const QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const Route *match = nullptr;
    QStringList params;
    bool pathKnown = false;
    for (const Route &route : m_routes) {
        // A last segment ":name*" takes the rest of the path (event prefixes contain slashes).
        const bool rest
            = !route.segments.isEmpty() && route.segments.last().endsWith(QLatin1Char('*'));
        if (rest ? segments.size() < route.segments.size()
                 : route.segments.size() != segments.size())
            continue;
        QStringList captured;
        bool ok = true;
        for (qsizetype i = 0; i < route.segments.size() && ok; ++i) {
            const QString &s = route.segments.at(i);
            if (rest && i == route.segments.size() - 1)
                captured.append(segments.mid(i).join(QLatin1Char('/')));
            else if (s.startsWith(QLatin1Char(':')))
                captured.append(segments.at(i));
            else
                ok = s == segments.at(i);
        }
        if (!ok)
            continue;
        pathKnown = true;
        if (route.method != request.method)
            continue;
        match = &route;
        params = captured;
        break;
    }
    if (!match) {
        Outcome o = respond(
            notFound(pathKnown ? QStringLiteral("Method %1 is not supported on %2")
                                     .arg(QString::fromLatin1(request.method), request.path)
                               : QStringLiteral("Not found: %1").arg(request.path)));
        o.route = QStringLiteral("unknown");
        return o;
    }

    ParsedBody body = parseBody(request.header("content-type"), request.body);
    Context ctx {request, params, {}, fieldsFromQuery(request.query), {}, {}};
    if (!body.error.isEmpty()) {
        Outcome o = respond(match->access == Access::Oauth
                ? ApiResponse::oauthError(
                    body.status, QStringLiteral("invalid_request"), body.error)
                : ApiResponse::apiError(body.status, body.error));
        o.route = match->pattern;
        return o;
    }
    ctx.fields = body.fields.kind() == BodyKind::None ? ctx.query : body.fields;
    ctx.files = std::move(body.files);

    if (match->access == Access::Any || match->access == Access::ProductOnly) {
        if (auto error = authenticate(ctx)) {
            Outcome o = respond(*error);
            o.route = match->pattern;
            return o;
        }
        if (match->access == Access::ProductOnly) {
            if (auto error = requireProductAccess(ctx)) {
                Outcome o = respond(*error);
                o.route = match->pattern;
                return o;
            }
        }
        if (match->segments.size() >= 3 && match->segments.at(1) == QLatin1String("products")
            && match->segments.at(2) == QLatin1String(":p")) {
            if (auto error = checkProduct(params.at(0))) {
                Outcome o = respond(*error);
                o.route = match->pattern;
                return o;
            }
        }
    }
    ctx.fields.remove(QStringLiteral("access_token"));
    Outcome o = (this->*(match->handler))(ctx);
    o.route = match->pattern;
    return o;
}

std::optional<ApiResponse> Api::authenticate(Context &ctx)
{
    const auto invalidRequest = [](const QString &message) {
        return ApiResponse::oauthError(400, QStringLiteral("invalid_request"), message);
    };
    int methods = 0;
    QString token;
    const QByteArray header = ctx.request.header("authorization");
    if (!header.isEmpty()) {
        ++methods;
        const QList<QByteArray> parts = header.trimmed().split(' ');
        if (parts.size() != 2 || parts.at(0).toLower() != "bearer" || parts.at(1).isEmpty())
            return invalidRequest(QStringLiteral("Malformed auth header"));
        token = QString::fromLatin1(parts.at(1));
    }
    if (ctx.query.has(QStringLiteral("access_token"))) {
        ++methods;
        token = ctx.query.string(QStringLiteral("access_token")).value_or(QString());
    }
    if (ctx.fields.kind() != BodyKind::None && ctx.fields.kind() != BodyKind::Json
        && ctx.request.method != "GET" && ctx.fields.has(QStringLiteral("access_token"))) {
        if (ctx.fields.kind() != BodyKind::Form)
            return invalidRequest(QStringLiteral("When putting the token in the body, content "
                                                 "type must be "
                                                 "application/x-www-form-urlencoded."));
        ++methods;
        token = ctx.fields.string(QStringLiteral("access_token")).value_or(QString());
    }
    if (methods > 1)
        return invalidRequest(QStringLiteral("Only one method may be used to authenticate at a "
                                             "time (Auth header, GET or POST)."));
    if (methods == 0 || token.isEmpty())
        return invalidRequest(QStringLiteral("The access token was not found"));
    const auto it = m_fleet.tokens.constFind(token);
    if (it == m_fleet.tokens.constEnd())
        return ApiResponse::oauthError(401, QStringLiteral("invalid_token"),
            QStringLiteral("The access token provided is invalid."));
    if (it->expiresMs != 0 && it->expiresMs <= realNow())
        return ApiResponse::oauthError(401, QStringLiteral("invalid_token"),
            QStringLiteral("The access token provided has expired."));
    ctx.auth = Auth {it->kind, it->subject, token};
    return std::nullopt;
}

std::optional<ApiResponse> Api::requireProductAccess(const Context &ctx) const
{
    if (ctx.auth.kind == TokenKind::Customer)
        return ApiResponse::apiError(403,
            QStringLiteral("Permission denied: customer access tokens cannot call product "
                           "endpoints"));
    return std::nullopt;
}

std::optional<ApiResponse> Api::checkProduct(const QString &idOrSlug) const
{
    if (idOrSlug == QString::number(m_fleet.product.id) || idOrSlug == m_fleet.product.slug)
        return std::nullopt;
    return notFound(QStringLiteral("Product %1 not found").arg(idOrSlug));
}

void Api::streamClosed(const QString &address)
{
    auto it = m_openStreams.find(address);
    if (it != m_openStreams.end() && --(*it) <= 0)
        m_openStreams.erase(it);
}

int Api::openStreams() const
{
    int n = 0;
    for (int v : m_openStreams)
        n += v;
    return n;
}

QString Api::ownerName(const Auth &auth) const
{
    return auth.kind == TokenKind::Product ? QString() : auth.subject;
}

bool Api::isProductClient(const QString &id, const QString &secret) const
{
    return !m_fleet.oauthClientId.isEmpty() && id == m_fleet.oauthClientId
        && secret == m_fleet.oauthClientSecret;
}

std::optional<std::pair<QString, QString>> Api::clientCredentials(const Context &ctx) const
{
    const QByteArray header = ctx.request.header("authorization");
    if (header.toLower().startsWith("basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(header.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon < 0)
            return std::nullopt;
        return std::pair {QString::fromUtf8(QByteArray::fromPercentEncoding(decoded.left(colon))),
            QString::fromUtf8(QByteArray::fromPercentEncoding(decoded.mid(colon + 1)))};
    }
    const auto id = ctx.fields.string(QStringLiteral("client_id"));
    if (!id)
        return std::nullopt;
    return std::pair {*id, ctx.fields.string(QStringLiteral("client_secret")).value_or(QString())};
}

QString Api::issueToken(TokenKind kind, const QString &subject, const QString &client,
    qint64 expiresInSeconds, bool withRefresh, QJsonObject *response)
{
    const QString token = Fleet::randomSecret(40);
    Token t;
    t.kind = kind;
    t.subject = subject;
    t.client = client;
    t.expiresMs = expiresInSeconds > 0 ? realNow() + expiresInSeconds * 1000 : 0;
    if (withRefresh) {
        t.refreshToken = Fleet::randomSecret(40);
        m_fleet.refreshTokens.insert(t.refreshToken, token);
    }
    m_fleet.tokens.insert(token, t);
    if (response) {
        *response = QJsonObject {{QStringLiteral("access_token"), token},
            {QStringLiteral("token_type"), QStringLiteral("bearer")},
            {QStringLiteral("expires_in"), expiresInSeconds}};
        if (withRefresh)
            response->insert(QStringLiteral("refresh_token"), t.refreshToken);
    }
    return token;
}

Outcome Api::oauthToken(Context &ctx)
{
    const QString address = ctx.request.remote.toString();
    const qint64 mono = m_clock.elapsed();
    const auto oauthError = [](int status, const char *code, const QString &text) {
        return respond(ApiResponse::oauthError(status, QString::fromLatin1(code), text));
    };
    if (lockedOut(address, mono))
        return oauthError(429, "rate_limit_exceeded",
            QStringLiteral("Too many failed attempts to create a token from this "
                           "address; try again later"));
    if (!m_tokenLimiter.allow(address, mono))
        return oauthError(429, "rate_limit_exceeded",
            QStringLiteral("Too many token requests from this address"));
    const auto failed = [&](int status, const char *code, const QString &text) {
        loginFailed(address, mono);
        return oauthError(status, code, text);
    };
    const auto succeeded = [&](const QJsonObject &body) {
        m_failedLogins.remove(address);
        ApiResponse r = ApiResponse::json(200, body);
        r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
        return respond(r);
    };

    if (ctx.fields.kind() != BodyKind::Form)
        return failed(400, "invalid_request",
            QStringLiteral("Method must be POST with "
                           "application/x-www-form-urlencoded encoding"));
    const auto client = clientCredentials(ctx);
    if (!client)
        return failed(
            400, "invalid_client", QStringLiteral("Invalid or missing client_id parameter"));
    const bool publicClient = isPublicClient(client->first, client->second);
    const bool productClient = isProductClient(client->first, client->second);
    if (!publicClient && !productClient)
        return failed(400, "invalid_client", QStringLiteral("Client credentials are invalid"));

    QString error;
    qint64 expiresIn = DefaultTokenLifetime;
    if (auto e = ctx.fields.integer(QStringLiteral("expires_in"), &error))
        expiresIn = *e;
    if (!error.isEmpty() || expiresIn < 0)
        return failed(400, "invalid_request",
            QStringLiteral("expires_in must be a non-negative "
                           "integer"));
    if (auto at = ctx.fields.string(QStringLiteral("expires_at"))) {
        const QDateTime when = QDateTime::fromString(*at, Qt::ISODateWithMs);
        if (!when.isValid())
            return failed(400, "invalid_request",
                QStringLiteral("expires_at must be an ISO-8601 "
                               "date"));
        expiresIn = std::max<qint64>(1, (when.toMSecsSinceEpoch() - realNow()) / 1000);
    }

    const QString grant = ctx.fields.string(QStringLiteral("grant_type")).value_or(QString());
    QJsonObject body;
    if (grant == QLatin1String("password")) {
        const QString username = ctx.fields.string(QStringLiteral("username")).value_or(QString());
        const QString password = ctx.fields.string(QStringLiteral("password")).value_or(QString());
        const User *user = m_fleet.findUser(username);
        if (!user || user->password != password)
            return failed(400, "invalid_grant", QStringLiteral("User credentials are invalid"));
        if (!user->mfaSecretBase32.isEmpty()) {
            const QString mfaToken = Fleet::randomSecret(40);
            m_mfaTokens.insert(mfaToken, user->username);
            m_failedLogins.remove(address);
            ApiResponse r = ApiResponse::json(403,
                QJsonObject {{QStringLiteral("error"), QStringLiteral("mfa_required")},
                    {QStringLiteral("error_description"),
                        QStringLiteral("Multi-factor authentication required")},
                    {QStringLiteral("mfa_token"), mfaToken}});
            r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
            return respond(r);
        }
        // The password and MFA grants answer with a refresh_token too (§4 success body; the
        // official client's LoginResponse type requires it), though only product and customer
        // tokens can be refreshed.
        issueToken(TokenKind::User, user->username, client->first, expiresIn, true, &body);
        return succeeded(body);
    }
    if (grant == QLatin1String("urn:custom:mfa-otp")) {
        const QString mfaToken = ctx.fields.string(QStringLiteral("mfa_token")).value_or(QString());
        const QString otp = ctx.fields.string(QStringLiteral("otp")).value_or(QString());
        const auto it = m_mfaTokens.constFind(mfaToken);
        if (it == m_mfaTokens.constEnd())
            return failed(400, "invalid_grant", QStringLiteral("Invalid or expired mfa_token"));
        const User *user = m_fleet.findUser(*it);
        if (!user || !verifyTotp(base32Decode(user->mfaSecretBase32), otp, realNow() / 1000))
            return failed(400, "invalid_grant", QStringLiteral("Invalid one-time password"));
        m_mfaTokens.remove(mfaToken);
        issueToken(TokenKind::User, user->username, client->first, expiresIn, true, &body);
        return succeeded(body);
    }
    if (grant == QLatin1String("client_credentials")) {
        if (!productClient)
            return failed(400, "invalid_client",
                QStringLiteral("The client_credentials grant needs a product OAuth "
                               "client"));
        const QString scope = ctx.fields.string(QStringLiteral("scope")).value_or(QString());
        if (scope.isEmpty()) {
            issueToken(
                TokenKind::Product, m_fleet.product.slug, client->first, expiresIn, true, &body);
            return succeeded(body);
        }
        if (!scope.startsWith(QLatin1String("customer=")))
            return failed(400, "invalid_scope", QStringLiteral("Invalid scope: %1").arg(scope));
        const Customer *customer = m_fleet.findCustomer(scope.mid(9));
        if (!customer)
            return failed(
                400, "invalid_grant", QStringLiteral("Customer %1 not found").arg(scope.mid(9)));
        issueToken(TokenKind::Customer, customer->username, client->first, expiresIn, true, &body);
        return succeeded(body);
    }
    if (grant == QLatin1String("refresh_token")) {
        const QString refresh
            = ctx.fields.string(QStringLiteral("refresh_token")).value_or(QString());
        const auto it = m_fleet.refreshTokens.constFind(refresh);
        if (it == m_fleet.refreshTokens.constEnd())
            return failed(400, "invalid_grant", QStringLiteral("Invalid refresh token"));
        const Token old = m_fleet.tokens.value(*it);
        if (old.kind == TokenKind::User && !old.subject.isEmpty())
            return failed(400, "invalid_grant",
                QStringLiteral("Only product and customer tokens can be refreshed; log "
                               "in again"));
        m_fleet.tokens.remove(*it);
        m_fleet.refreshTokens.remove(refresh);
        if (old.subject.isEmpty())
            return failed(400, "invalid_grant", QStringLiteral("Refresh token was revoked"));
        issueToken(old.kind, old.subject, client->first, expiresIn, true, &body);
        return succeeded(body);
    }
    return failed(
        400, "invalid_request", QStringLiteral("Invalid or missing grant_type parameter"));
}

Outcome Api::tokenInfo(Context &ctx)
{
    const Token t = m_fleet.tokens.value(ctx.auth.token);
    QJsonObject o {{QStringLiteral("expires_at"),
                       t.expiresMs ? QJsonValue(Fleet::isoTime(t.expiresMs)) : QJsonValue()},
        {QStringLiteral("client"), t.client}, {QStringLiteral("scopes"), QJsonArray()},
        {QStringLiteral("orgs"), QJsonArray()}};
    return respond(ApiResponse::json(200, o));
}

Outcome Api::deleteCurrentToken(Context &ctx)
{
    const Token t = m_fleet.tokens.take(ctx.auth.token);
    if (!t.refreshToken.isEmpty())
        m_fleet.refreshTokens.remove(t.refreshToken);
    return respond(ApiResponse::ok());
}

Outcome Api::deleteToken(Context &ctx)
{
    const QString address = ctx.request.remote.toString();
    const qint64 mono = m_clock.elapsed();
    QString subject;
    const QByteArray header = ctx.request.header("authorization").trimmed();
    if (header.toLower().startsWith("basic ")) {
        // As documented: the username and password of the account the token belongs to.
        if (lockedOut(address, mono))
            return respond(ApiResponse::oauthError(429, QStringLiteral("rate_limit_exceeded"),
                QStringLiteral("Too many failed attempts from this address; try again later")));
        const QByteArray decoded = QByteArray::fromBase64(header.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        const QString username = QString::fromUtf8(decoded.left(std::max<qsizetype>(colon, 0)));
        const QString password
            = QString::fromUtf8(colon < 0 ? QByteArray() : decoded.mid(colon + 1));
        const User *user = m_fleet.findUser(username);
        if (!user || user->password != password) {
            loginFailed(address, mono);
            return respond(ApiResponse::oauthError(401, QStringLiteral("invalid_grant"),
                QStringLiteral("User credentials are invalid")));
        }
        m_failedLogins.remove(address);
        subject = user->username;
    } else {
        // What particle-api-js sends: a token of the same account.
        if (auto error = authenticate(ctx))
            return respond(*error);
        subject = ctx.auth.subject;
    }
    const auto it = m_fleet.tokens.find(ctx.params.at(0));
    if (it == m_fleet.tokens.end() || it->subject.compare(subject, Qt::CaseInsensitive) != 0)
        return respond(ApiResponse::apiError(404, QStringLiteral("Access token not found")));
    if (!it->refreshToken.isEmpty())
        m_fleet.refreshTokens.remove(it->refreshToken);
    m_fleet.tokens.erase(it);
    return respond(ApiResponse::ok());
}

bool Api::lockedOut(const QString &address, qint64 mono) const
{
    return m_lockedUntil.value(address, 0) > mono;
}

void Api::loginFailed(const QString &address, qint64 mono)
{
    if (++m_failedLogins[address] >= m_limits.lockoutFailures) {
        m_lockedUntil.insert(address, mono + qint64(m_limits.lockoutSeconds) * 1000);
        m_failedLogins.remove(address);
    }
}

Outcome Api::userInfo(Context &ctx)
{
    QJsonObject o {{QStringLiteral("username"), ctx.auth.subject},
        {QStringLiteral("subscription_ids"), QJsonArray()}};
    if (const User *u = m_fleet.findUser(ctx.auth.subject)) {
        o.insert(QStringLiteral("mfa"),
            QJsonObject {{QStringLiteral("enabled"), !u->mfaSecretBase32.isEmpty()}});
        o.insert(QStringLiteral("account_info"), QJsonObject());
    }
    return respond(ApiResponse::json(200, o));
}

namespace {
QJsonObject productJson(const Fleet &fleet)
{
    QStringList names;
    for (const Group &g : fleet.groups) {
        if (g.alive)
            names.append(g.name);
    }
    names.sort();
    return QJsonObject {{QStringLiteral("id"), fleet.product.id},
        {QStringLiteral("product_id"), fleet.product.id},
        {QStringLiteral("platform_id"), fleet.product.platformId},
        {QStringLiteral("name"), fleet.product.name}, {QStringLiteral("slug"), fleet.product.slug},
        {QStringLiteral("description"), fleet.product.description},
        {QStringLiteral("subscription_id"), 1},
        {QStringLiteral("user"), fleet.users.isEmpty() ? QString() : fleet.users.first().username},
        {QStringLiteral("groups"), QJsonArray::fromStringList(names)},
        {QStringLiteral("organization"), QJsonValue()},
        {QStringLiteral("requires_activation_codes"), false},
        {QStringLiteral("device_protection"), QStringLiteral("disabled")},
        {QStringLiteral("settings"),
            QJsonObject {{QStringLiteral("location"), QJsonObject()},
                {QStringLiteral("known_application"),
                    QJsonObject {{QStringLiteral("opt_in"), false}}},
                {QStringLiteral("quarantine"), true}}}};
}
} // namespace

Outcome Api::listProducts(Context &)
{
    return respond(ApiResponse::json(
        200, QJsonObject {{QStringLiteral("products"), QJsonArray {productJson(m_fleet)}}}));
}

// The sandbox's account belongs to no organisation: its product is its own (GET /v1/orgs
// answers an empty list, as Particle does for such an account).
Outcome Api::listOrgs(Context &)
{
    return respond(
        ApiResponse::json(200, QJsonObject {{QStringLiteral("organizations"), QJsonArray {}}}));
}

Outcome Api::listOrgProducts(Context &)
{
    return respond(ApiResponse::apiError(404, QStringLiteral("Organization not found")));
}

Outcome Api::getProduct(Context &)
{
    return respond(
        ApiResponse::json(200, QJsonObject {{QStringLiteral("product"), productJson(m_fleet)}}));
}

} // namespace Flotilla::Sandbox
