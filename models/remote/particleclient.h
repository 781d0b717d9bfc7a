// SPDX-License-Identifier: MIT
#pragma once

#include "domain/entities.h"
#include "remote/apierror.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;
QT_END_NAMESPACE

namespace Flotilla::Remote {

struct ClientConfig
{
    QUrl baseUrl; // https://api.particle.io (http only to a loopback host)
    int maxConcurrent = 6; // requests on the wire at once; more wait in the queue
    int rateLimit = 10000; // requests per sliding window, retries included
    int rateWindowSeconds = 300;
    int transferTimeoutMs = 30000; // no progress for this long: Timeout
    int maxAttempts = 5; // of one request, counting the first; 429 answers do not count
    int backoffBaseMs = 500; // retry n waits a random 0..min(max, base * 2^(n-1)) ms
    int backoffMaxMs = 30000;
    // A 429 holds every request (not only the refused one) for Retry-After, or without it for
    // rateLimitHoldMs, then all of them go again. The hold stays that short while the 429s are
    // young (a burst that a few rounds ride out) and doubles for every rateLimitGrowAfterMs they
    // have gone on (a limit that lasts), up to backoffMaxMs; any other answer starts that anew.
    int rateLimitHoldMs = 100;
    int rateLimitGrowAfterMs = 2000;
    // A request that 429 answers have held back for longer than this (from its first 429) fails
    // with RateLimited; it is also the longest hold, whatever Retry-After says.
    int rateLimitMaxWaitMs = 5 * 60 * 1000;
};

// The most items (devices, customers) a product is taken to hold. Particle limits products
// (device counts are billed and capped per plan); a list whose `meta.total_pages` implies more
// than this at the page size the server used is a Malformed answer, never a reason to queue
// millions of requests or reserve memory for them.
inline constexpr int MaxListItems = 1000000;

// The raw answer to one request, after retries.
struct ApiReply
{
    int status = 0; // HTTP status of the last attempt (0: none)
    QByteArray body;
    QJsonDocument json; // the parsed body of a 2xx answer (null for 204)
    ApiError error;
    bool ok() const { return !error.isError() && status >= 200 && status < 300; }
};

template<typename T>
struct Result
{
    std::optional<T> value;
    ApiError error;
    bool ok() const { return value.has_value() && !error.isError(); }
};

struct DeviceQuery
{
    int page = 1;
    int perPage = 100;
    QString sortAttr = QStringLiteral("deviceId");
    QString sortDir = QStringLiteral("asc");
    QStringList groups; // devices in any of them
    QString deviceId, deviceName, serialNumber; // partial matches
};

struct DevicePage
{
    QList<Domain::Device> devices;
    QList<Domain::Customer> customers;
    int totalPages = 0; // 0..maxPlausiblePages(page size): the client checked it
};

// Optional parameters of a device import, as documented for POST /v1/products/:p/devices.
struct ImportOptions
{
    QString claimUser; // claim_user: a team member's email to claim the devices to
    bool importSims = false; // import_sims: also import and activate their Particle SIMs
};

// The answer to a device import: which identifiers did what (absent lists are empty).
struct ImportResult
{
    int updated = 0;
    QStringList updatedDeviceIds; // added to the product
    QStringList existingDeviceIds; // already in it
    QStringList nonmemberDeviceIds; // owned by someone outside the product's team
    QStringList invalidDeviceIds; // unknown to the cloud, or not of the product's platform
    QStringList protectedDeviceIds; // in a product with Device Protection
};

// The Particle Device Cloud REST API, with every HTTP policy in one place: Bearer token, JSON
// bodies, Accept: application/json, same-origin redirects only, a transfer timeout per request,
// at most maxConcurrent requests on the wire, a client-side sliding-window rate limit, retries of
// transient failures (429, 5xx, network errors, timeouts) with exponential backoff and full
// jitter (a Retry-After header wins), 429 answers held out for the whole queue at once (see
// ClientConfig::rateLimitHoldMs), and the signed-out state: the first 401 on the client's
// token fails that request and every queued one with Unauthorized, emits signedOut once and
// refuses new requests until setAccessToken(). 400/403/404 are never retried; a 2xx answer that
// is not JSON is a Malformed error. A base URL that is not https (or http to a loopback host) is
// refused with an Insecure error before anything is sent; TLS errors are errors, never ignored.
//
// Callbacks run on the client's thread from its event loop, never inside the call that made the
// request; a callback whose `context` was destroyed is dropped (a queued request whose context
// died is not even sent). A null context means "always call". Callbacks of requests still
// pending when the client is destroyed are dropped; cancelAll() fails them with Cancelled.
class ParticleClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ParticleClient)
public:
    using ReplyCallback = std::function<void(const ApiReply &)>;
    template<typename T>
    using Callback = std::function<void(Result<T>)>;

    ParticleClient(QNetworkAccessManager *nam, ClientConfig config, QObject *parent = nullptr);
    ~ParticleClient() override;

    // Empty when `url` may carry tokens (https, or http to 127.0.0.0/8, ::1 or localhost);
    // otherwise why not.
    static QString insecureUrlReason(const QUrl &url);
    // The API base URL a person typed ("api.particle.io", "https://API.particle.io:443/",
    // "http://127.0.0.1:8080"): a host without a scheme is https; the scheme and host are lower
    // case, the scheme's default port and trailing slashes are dropped. An invalid URL, a scheme
    // other than http/https, a query, a fragment, user information or plain http to a host that
    // is not loopback give an empty URL and the reason in `error`.
    static QUrl apiUrlFromUserInput(const QString &text, QString *error);
    // The most pages a list of MaxListItems items has at `pageSize` items a page.
    static int maxPlausiblePages(int pageSize);

    const ClientConfig &config() const { return m_config; }
    // Kept in memory only; an empty token signs out (without signedOut()).
    void setAccessToken(const QString &token);
    bool hasAccessToken() const { return !m_token.isEmpty(); }
    // True without a token, and after a 401 until the next setAccessToken().
    bool isSignedOut() const { return m_signedOut || m_token.isEmpty(); }

    // The generic call: `path` below the base URL ("/v1/products/1/devices"), a query, a body
    // and its content type (both may be empty).
    void request(const QByteArray &method, const QString &path, const QUrlQuery &query,
        const QByteArray &body, const QByteArray &contentType, QObject *context,
        ReplyCallback callback);
    // A JSON object body (none for GET/DELETE/HEAD when `body` is empty).
    void requestJson(const QByteArray &method, const QString &path, const QJsonObject &body,
        QObject *context, ReplyCallback callback);

    // POST /oauth/token with `form` (application/x-www-form-urlencoded) and the OAuth client
    // in HTTP Basic authentication: needs no access token (signing in by password and
    // one-time code). The raw answer, so that a caller reads "mfa_required" and its mfa_token.
    void requestToken(const QByteArray &form, const QString &clientId, const QString &clientSecret,
        QObject *context, ReplyCallback callback);

    // ---- Typed calls. `product` is the product ID. ----
    void listProducts(QObject *context, Callback<QList<Domain::Product>> callback);
    void listDevices(
        int product, const DeviceQuery &query, QObject *context, Callback<DevicePage> callback);
    void getDevice(
        int product, const QString &deviceId, QObject *context, Callback<Domain::Device> callback);
    // Any of name, notes, groups, desired_firmware_version (+ flash), development,
    // firmware_updates_forced; answers {"id", <fields>, "updated_at"}.
    void updateDevice(int product, const QString &deviceId, const QJsonObject &fields,
        QObject *context, Callback<QJsonObject> callback);
    // POST /v1/products/:p/devices: one identifier (device ID, serial number, IMEI or ICCID) as
    // {"id": …}, several as a multipart `file` (text/plain, one a line), as the reference and
    // particle-api-js send them. An empty list, or an identifier that is blank or holds a line
    // break, is refused (BadRequest) without sending anything.
    void importDevices(int product, const QStringList &identifiers, const ImportOptions &options,
        QObject *context, Callback<ImportResult> callback);
    void removeDevice(
        int product, const QString &deviceId, QObject *context, Callback<bool> callback);
    void unclaimDevice(
        int product, const QString &deviceId, QObject *context, Callback<bool> callback);
    void batchGroups(int product, const QStringList &deviceIds, const QStringList &add,
        const QStringList &remove, QObject *context, Callback<bool> callback);
    void listGroups(int product, QObject *context, Callback<QList<Domain::Group>> callback);
    void createGroup(int product, const Domain::Group &group, QObject *context,
        Callback<Domain::Group> callback);
    // Any of name (rename), description, color.
    void updateGroup(int product, const QString &oldName, const QJsonObject &fields,
        QObject *context, Callback<Domain::Group> callback);
    void deleteGroup(int product, const QString &name, QObject *context, Callback<bool> callback);
    void listFirmware(int product, QObject *context, Callback<QList<Domain::Firmware>> callback);
    void uploadFirmware(int product, int version, const QString &title, const QString &description,
        const QByteArray &binary, const QString &fileName, QObject *context,
        Callback<Domain::Firmware> callback);
    // Leaves `groups`/`productDefault` unchanged when nullopt (at least one must be given).
    void releaseFirmware(int product, int version, std::optional<QStringList> groups,
        std::optional<bool> productDefault, bool intelligent, QObject *context,
        Callback<Domain::Firmware> callback);
    // GET /impact?action=edit_groups_for_firmware: which devices a release would move.
    void impact(int product, int version, const QStringList &groups, bool productDefault,
        QObject *context, Callback<QJsonObject> callback);
    // Every page (meta.total_pages, checked like the device list's), the pages after the first
    // fetched maxConcurrent at a time; a customer on two pages is listed once.
    void listCustomers(int product, QObject *context, Callback<QList<Domain::Customer>> callback);
    // Authenticated with the product's OAuth client (HTTP Basic), a form body as the reference
    // shows; answers the new customer's token object {access_token, token_type, expires_in,
    // refresh_token}.
    void createCustomer(int product, const QString &email, bool noPassword, const QString &password,
        const QString &clientId, const QString &clientSecret, QObject *context,
        Callback<QJsonObject> callback);
    void deleteCustomer(
        int product, const QString &email, QObject *context, Callback<bool> callback);
    // POST /oauth/token, grant client_credentials, scope customer=EMAIL: a customer token. A
    // refusal (400, 401, 403, and 429 too) is never retried: Particle blocks an address after
    // repeated failed token requests. It fails that call only (the OAuth client's credentials
    // are not the client's token: no sign-out), with the OAuth error code in ApiError::code.
    void customerToken(const QString &clientId, const QString &clientSecret, const QString &email,
        QObject *context, Callback<QString> callback);
    // POST /v1/devices with the customer's token (not the client's): claims to that customer.
    void claimDevice(const QString &deviceId, const QString &customerAccessToken, QObject *context,
        Callback<bool> callback);
    // GET /v1/access_tokens/current.
    void tokenInfo(QObject *context, Callback<QJsonObject> callback);

    // GET /v1/products/:product/events: where the product's event stream (Server-Sent Events,
    // EventStream) is read, under this client's base URL; it takes the same access token.
    QUrl productEventsUrl(int product) const;

    // Fails every pending request (queued, waiting to retry, on the wire) with Cancelled.
    void cancelAll();

    // ---- Statistics ----
    int requestsSent() const { return m_requestsSent; } // HTTP requests sent, retries included
    int usedInWindow() const; // requests sent within the current rate window
    int headroom() const; // rateLimit - usedInWindow
    int inFlight() const { return m_inFlight; }
    int queued() const { return static_cast<int>(m_queue.size()); }
    // How long 429 answers still hold every request (0: not held).
    int holdRemainingMs() const;

Q_SIGNALS:
    // The token was refused (401); emitted once until the next setAccessToken().
    void signedOut(const QString &reason);
    // One HTTP request (first attempt or retry) went out.
    void requestSent();
    // usedInWindow() changed.
    void usageChanged();
    // A 429 started a hold of every request for `holdMs`.
    void rateLimited(int holdMs);

private:
    struct Job;
    using JobPtr = std::shared_ptr<Job>;
    struct CustomerListing;
    enum class Auth { ClientToken, Explicit };

    void submit(const QByteArray &method, const QString &path, const QUrlQuery &query,
        const QByteArray &body, const QByteArray &contentType, const QByteArray &authorization,
        QObject *context, ReplyCallback callback);
    template<typename T>
    void typed(const QByteArray &method, const QString &path, const QUrlQuery &query,
        const QByteArray &body, const QByteArray &contentType, const QByteArray &authorization,
        QObject *context, Callback<T> callback,
        std::function<std::optional<T>(const ApiReply &, QString *)> parse);
    void pump();
    void send(const JobPtr &job);
    void finished(const JobPtr &job, QNetworkReply *reply);
    void retryLater(const JobPtr &job, const ApiError &error, int delayMs, bool exact);
    // A 429 for `job`: hold the queue, put the job first in line, or fail it when it waited long
    // enough. `hintedMs` is Retry-After (-1: none).
    void rateLimitedAnswer(const JobPtr &job, const ApiReply &result, qint64 hintedMs);
    void armHoldTimer();
    void fetchCustomerPages(
        int product, QObject *context, const std::shared_ptr<CustomerListing> &listing);
    void complete(const JobPtr &job, const ApiReply &reply);
    void completeLater(const JobPtr &job, const ApiReply &reply);
    void enterSignedOut(const QString &reason, const JobPtr &refusedJob);
    void forget(const JobPtr &job);
    int backoffDelay(int attempt) const;
    void pruneWindow() const;
    void armWindowTimer();
    QUrl urlFor(const QString &path, const QUrlQuery &query) const;

    QPointer<QNetworkAccessManager> m_nam;
    ClientConfig m_config;
    QString m_baseInsecure; // insecureUrlReason(baseUrl)
    QString m_token;
    quint64 m_tokenGeneration = 0;
    bool m_signedOut = false;
    QString m_signOutReason;
    std::deque<JobPtr> m_queue; // waiting for a slot
    QList<JobPtr> m_pending; // every job not yet completed (queued, waiting, on the wire)
    int m_inFlight = 0;
    bool m_pumping = false;
    int m_requestsSent = 0;
    quint64 m_nextJobId = 1;
    QElapsedTimer m_clock;
    mutable std::deque<qint64> m_sendTimes; // m_clock times of the sends in the window
    QTimer *m_windowTimer = nullptr;
    // 429 holds: nothing is sent before m_holdUntil (m_clock time). A hold starts a new epoch;
    // a 429 to a request sent in an older epoch belongs to a hold already under way.
    qint64 m_holdUntil = 0;
    quint64 m_holdEpoch = 0;
    qint64 m_streakStart = -1; // m_clock time of the first 429 since another answer
    QTimer *m_holdTimer = nullptr;
};

} // namespace Flotilla::Remote
