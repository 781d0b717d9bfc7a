// SPDX-License-Identifier: MIT
#pragma once

#include "fleet.h"
#include "ratelimiter.h"
#include "request.h"

#include <QElapsedTimer>
#include <QHash>

#include <functional>
#include <optional>
#include <vector>

namespace Flotilla::Sandbox {

// Which events an open event stream receives.
struct StreamFilter
{
    enum class Scope { Product, Device, Mine, Public };
    Scope scope = Scope::Product;
    QString deviceId;
    QString prefix;
    QString owner; // Mine: the token's user or customer
};

// What the API answers: a response, or an event stream to open.
struct Outcome
{
    ApiResponse response;
    std::optional<StreamFilter> stream;
    QString route; // the matched route pattern ("GET /v1/products/:p/devices"), for statistics
};

// The largest firmware binary an upload or a flash takes.
inline constexpr qsizetype MaxFirmwareBytes = 8 * 1024 * 1024;
// The longest argument a device function takes (Device OS 0.8 and later).
inline constexpr int MaxFunctionArgument = 622;
// Customer lists: the page size when none is asked for, and the largest one.
inline constexpr int DefaultCustomersPerPage = 100;
inline constexpr int MaxCustomersPerPage = 100;
// Batch group updates: the most devices in one request.
inline constexpr int MaxBatchDevices = 1000;

struct ApiLimits
{
    int requestsPerWindow = 10000;
    int windowSeconds = 300;
    int tokenRequestsPerWindow = 100;
    int streamOpensPerWindow = 100;
    int maxOpenStreams = 100;
    int lockoutFailures = 10;
    int lockoutSeconds = 1800;
    int maxPerPage = 100;
};

// The Particle API as the sandbox serves it: authentication, routing and every endpoint, over
// the state in Fleet. No sockets here; the HTTP server feeds it ApiRequests.
class Api final
{
public:
    Api(Fleet &fleet, const ApiLimits &limits);

    Outcome handle(const ApiRequest &request);

    // Event streams report here so the open-stream limit can be enforced.
    void streamClosed(const QString &address);
    int openStreams() const;
    void setRequestLimit(int perWindow) { m_general.setLimit(perWindow); }
    const ApiLimits &limits() const { return m_limits; }
    // Real (not simulated) time for rate limits; replaceable in tests.
    std::function<qint64()> realNow;

    struct Auth
    {
        TokenKind kind = TokenKind::User;
        QString subject;
        QString token;
    };

    struct Context
    {
        const ApiRequest &request;
        QStringList params;
        Fields fields; // body fields, or query fields for GET/DELETE without a body
        Fields query;
        QList<FilePart> files;
        Auth auth;
    };

private:
    using Handler = Outcome (Api::*)(Context &);
    enum class Access { Public, Any, ProductOnly, Oauth };
    struct Route
    {
        QByteArray method;
        QStringList segments; // literal or ":name"
        Access access;
        Handler handler;
        QString pattern;
    };
    void add(const char *method, const char *pattern, Access access, Handler handler);
    std::optional<ApiResponse> authenticate(Context &ctx);
    std::optional<ApiResponse> checkProduct(const QString &idOrSlug) const;
    std::optional<ApiResponse> requireProductAccess(const Context &ctx) const;

    // auth & products (api.cpp)
    Outcome oauthToken(Context &ctx);
    Outcome tokenInfo(Context &ctx);
    Outcome deleteCurrentToken(Context &ctx);
    Outcome deleteToken(Context &ctx);
    Outcome userInfo(Context &ctx);
    Outcome listProducts(Context &ctx);
    Outcome getProduct(Context &ctx);
    Outcome listOrgs(Context &ctx);
    Outcome listOrgProducts(Context &ctx);
    // product devices (api_devices.cpp)
    Outcome listDevices(Context &ctx);
    Outcome getProductDevice(Context &ctx);
    Outcome importDevices(Context &ctx);
    Outcome removeDevice(Context &ctx);
    Outcome updateDevice(Context &ctx);
    Outcome unclaimProductDevice(Context &ctx);
    Outcome batchDevices(Context &ctx);
    Outcome pingDevice(Context &ctx);
    Outcome impact(Context &ctx);
    Outcome productVariable(Context &ctx);
    Outcome productFunction(Context &ctx);
    // user / customer devices (api_devices.cpp)
    Outcome listOwnDevices(Context &ctx);
    Outcome getOwnDevice(Context &ctx);
    Outcome updateOwnDevice(Context &ctx);
    Outcome claimDevice(Context &ctx);
    Outcome unclaimOwnDevice(Context &ctx);
    Outcome ownVariable(Context &ctx);
    Outcome ownFunction(Context &ctx);
    // groups & firmware (api_groups.cpp)
    Outcome listGroups(Context &ctx);
    Outcome getGroup(Context &ctx);
    Outcome createGroup(Context &ctx);
    Outcome updateGroup(Context &ctx);
    Outcome deleteGroup(Context &ctx);
    Outcome listFirmware(Context &ctx);
    Outcome getFirmware(Context &ctx);
    Outcome getFirmwareBinary(Context &ctx);
    Outcome uploadFirmware(Context &ctx);
    Outcome editFirmware(Context &ctx);
    Outcome deleteFirmware(Context &ctx);
    Outcome releaseFirmware(Context &ctx);
    // customers (api_customers.cpp)
    Outcome createCustomer(Context &ctx);
    Outcome listCustomers(Context &ctx);
    Outcome updateCustomer(Context &ctx);
    Outcome deleteCustomer(Context &ctx);
    // events (api_events.cpp)
    Outcome productEvents(Context &ctx);
    Outcome productDeviceEvents(Context &ctx);
    Outcome ownEvents(Context &ctx);
    Outcome deviceEvents(Context &ctx);
    Outcome publicEvents(Context &ctx);
    Outcome publishProductEvent(Context &ctx);
    Outcome publishEvent(Context &ctx);
    Outcome openStream(Context &ctx, StreamFilter filter);
    Outcome publish(Context &ctx, bool product);

    // helpers
    int productDevice(const QString &id) const; // -1 when not a product device
    // A device /v1/devices/:id may address for this token; -1 when unknown or not visible.
    int visibleDevice(const Auth &auth, const QString &id) const;
    static Outcome deviceNotFound(const QString &id);
    static Outcome unrecognizedDevice();
    Outcome readVariable(const Context &ctx, int index, const QString &name);
    Outcome callDeviceFunction(const Context &ctx, int index, const QString &name);
    Outcome flashBinary(const Context &ctx, int index);
    bool lockedOut(const QString &address, qint64 mono) const;
    void loginFailed(const QString &address, qint64 mono);
    Firmware *firmwareParam(const QString &version); // nullptr when there is no such version
    static Outcome firmwareNotFound(const QString &version);
    bool canSeeDevice(const Auth &auth, const Device &device) const;
    QString issueToken(TokenKind kind, const QString &subject, const QString &client,
        qint64 expiresInSeconds, bool withRefresh, QJsonObject *response);
    std::optional<std::pair<QString, QString>> clientCredentials(const Context &ctx) const;
    bool isProductClient(const QString &id, const QString &secret) const;
    Outcome applyUpdate(int index, const Fields &fields);
    QString ownerName(const Auth &auth) const;

    Fleet &m_fleet;
    ApiLimits m_limits;
    std::vector<Route> m_routes;
    RateLimiter m_general;
    RateLimiter m_tokenLimiter;
    RateLimiter m_streamLimiter;
    QHash<QString, int> m_openStreams;
    QHash<QString, int> m_failedLogins;
    QHash<QString, qint64> m_lockedUntil;
    QHash<QString, QString> m_mfaTokens; // mfa_token -> username
    QElapsedTimer m_clock;
};

Outcome respond(ApiResponse response);

} // namespace Flotilla::Sandbox
