// SPDX-License-Identifier: MIT
#include "particleclient.h"

#include "domain/text.h"
#include "remote/logging.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

#if QT_CONFIG(ssl)
#include <QSslError>
#endif

#include <algorithm>

namespace Flotilla::Remote {

Q_LOGGING_CATEGORY(lcRemote, "flotilla.remote")

struct ParticleClient::Job
{
    quint64 id = 0;
    QByteArray method;
    QString path; // for messages and logs (never carries secrets)
    QUrl url;
    QByteArray body;
    QByteArray contentType;
    QByteArray authorization; // empty: the client's Bearer token
    QPointer<QObject> context;
    bool hasContext = false;
    ReplyCallback callback;
    int attempts = 0; // sends
    int rateLimited = 0; // sends answered 429 (not counted against maxAttempts)
    qint64 firstRateLimitedAt = -1; // m_clock time of the first 429
    quint64 holdEpoch = 0; // m_holdEpoch when last sent
    bool retryRateLimited = true; // false: a 429 fails the request at once
    quint64 generation = 0; // token generation of the last attempt
    QPointer<QNetworkReply> reply;
    QPointer<QTimer> retryTimer;
    QStringList tlsErrors;
    bool done = false;

    bool contextAlive() const { return !hasContext || context; }
    bool usesClientToken() const { return authorization.isEmpty(); }
    QString what() const { return QString::fromLatin1(method) + QLatin1Char(' ') + path; }
};

namespace {

constexpr qint64 MaxRetryAfterMs = 3600 * 1000;

QString segment(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString productPath(int product, const QString &rest = QString())
{
    return QStringLiteral("/v1/products/%1").arg(product) + rest;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A query value as QUrlQuery expects it: '+' would be read back as a space by form decoders.
QString queryValue(QString value)
{
    return value.replace(QLatin1Char('%'), QStringLiteral("%25"))
        .replace(QLatin1Char('+'), QStringLiteral("%2B"));
}

QByteArray formEncode(const QList<QPair<QByteArray, QString>> &fields)
{
    QByteArray out;
    for (const auto &[key, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += key + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

QByteArray basicAuth(const QString &user, const QString &password)
{
    const QByteArray credentials
        = QUrl::toPercentEncoding(user) + ':' + QUrl::toPercentEncoding(password);
    return "Basic " + credentials.toBase64();
}

bool isHttpLevelError(QNetworkReply::NetworkError e)
{
    return e == QNetworkReply::NoError
        || (e >= QNetworkReply::ContentAccessDenied && e <= QNetworkReply::UnknownContentError)
        || e == QNetworkReply::ProtocolInvalidOperationError
        || (e >= QNetworkReply::InternalServerError && e <= QNetworkReply::UnknownServerError);
}

// Retry-After: delta-seconds or an HTTP date. -1 when absent or unreadable.
qint64 retryAfterMs(const QNetworkReply *reply)
{
    const QByteArray value = reply->rawHeader("Retry-After").trimmed();
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = value.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : std::min(seconds * 1000, MaxRetryAfterMs);
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return std::clamp(QDateTime::currentDateTimeUtc().msecsTo(when), qint64(0), MaxRetryAfterMs);
}

template<typename T>
std::optional<QList<T>> parseArray(const QJsonValue &value, const char *what,
    std::optional<T> (*parse)(const QJsonObject &, QString *), QString *error)
{
    if (!value.isArray()) {
        *error = Text::tr("Malformed answer from the server: '%1' is not an array")
                     .arg(QLatin1String(what));
        return std::nullopt;
    }
    QList<T> out;
    const QJsonArray array = value.toArray();
    out.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (!item.isObject()) {
            *error = Text::tr("Malformed answer from the server: an item of '%1' is not an "
                              "object")
                         .arg(QLatin1String(what));
            return std::nullopt;
        }
        std::optional<T> parsed = parse(item.toObject(), error);
        if (!parsed)
            return std::nullopt;
        out.append(std::move(*parsed));
    }
    return out;
}

std::optional<QJsonObject> objectBody(const ApiReply &reply, QString *error)
{
    if (!reply.json.isObject()) {
        *error = Text::tr("Malformed answer from the server: expected a JSON object");
        return std::nullopt;
    }
    return reply.json.object();
}

// 204, or a JSON object that does not say "ok": false.
std::optional<bool> okBody(const ApiReply &reply, QString *error)
{
    if (reply.status == 204)
        return true;
    const std::optional<QJsonObject> object = objectBody(reply, error);
    if (!object)
        return std::nullopt;
    const QJsonValue ok = object->value(QStringLiteral("ok"));
    if (!ok.isUndefined() && ok != QJsonValue(true)) {
        *error = Text::tr("Malformed answer from the server: a success status with "
                          "\"ok\": %1")
                     .arg(QString::fromUtf8(
                         QJsonDocument(QJsonArray {ok}).toJson(QJsonDocument::Compact)));
        return std::nullopt;
    }
    return true;
}

// {"<key>": {...}} parsed with `parse`.
template<typename T>
std::optional<T> wrapped(const ApiReply &reply, const char *key,
    std::optional<T> (*parse)(const QJsonObject &, QString *), QString *error)
{
    const std::optional<QJsonObject> object = objectBody(reply, error);
    if (!object)
        return std::nullopt;
    const QJsonValue inner = object->value(QLatin1String(key));
    if (!inner.isObject()) {
        *error = Text::tr("Malformed answer from the server: '%1' is missing or not an "
                          "object")
                     .arg(QLatin1String(key));
        return std::nullopt;
    }
    return parse(inner.toObject(), error);
}

// meta.total_pages of a list answer, checked: a non-negative integer no larger than a product
// can hold at the page size the server used. That is `perPage`, unless a page before the last
// came back with fewer items (a server that caps the page size below what was asked). Absent:
// `absent` (-1 means required).
constexpr int MinPlausiblePageSize = 25;

std::optional<int> readTotalPages(
    const QJsonObject &object, int perPage, qsizetype items, int page, int absent, QString *error)
{
    const QJsonValue total
        = object.value(QStringLiteral("meta")).toObject().value(QStringLiteral("total_pages"));
    if (total.isUndefined() && absent >= 0)
        return absent;
    if (!total.isDouble() || total.toDouble() < 0
        || total.toDouble() != static_cast<double>(total.toInt())) {
        *error = Text::tr("Malformed answer from the server: 'meta.total_pages' is "
                          "missing or not a non-negative integer");
        return std::nullopt;
    }
    const int pages = total.toInt();
    int pageSize = std::max(1, perPage);
    // A server that caps the page size below what was asked is believed down to a page of 25
    // (a page of one item would let a claim of a million pages through).
    if (items > 0 && items < pageSize && page < pages)
        pageSize = std::max(static_cast<int>(items), std::min(pageSize, MinPlausiblePageSize));
    const int most = ParticleClient::maxPlausiblePages(pageSize);
    if (pages > most) {
        *error = Text::tr("Malformed answer from the server: 'meta.total_pages' is %1, "
                          "more than %2 pages of %3 (a product holds at most %4)")
                     .arg(pages)
                     .arg(most)
                     .arg(pageSize)
                     .arg(MaxListItems);
        return std::nullopt;
    }
    return pages;
}

QStringList stringList(const QJsonObject &object, const char *key, QString *error)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray()) {
        *error = Text::tr("Malformed answer from the server: '%1' is not an array")
                     .arg(QLatin1String(key));
        return {};
    }
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (!item.isString()) {
            *error = Text::tr("Malformed answer from the server: an item of '%1' is not a "
                              "string")
                         .arg(QLatin1String(key));
            return {};
        }
        out.append(item.toString());
    }
    return out;
}

// A device list page size, spelled both ways: the reference documents `perPage`, Particle's own
// JS client sends `per_page`; a cloud that reads either gets the same number.
void addPageSize(QUrlQuery *query, int perPage)
{
    query->addQueryItem(QStringLiteral("perPage"), QString::number(perPage));
    query->addQueryItem(QStringLiteral("per_page"), QString::number(perPage));
}

// Calls `callback` with `error` from the event loop (never inside the caller), unless `context`
// died first.
template<typename T>
void failLater(QObject *owner, QObject *context, std::function<void(Result<T>)> callback,
    const ApiError &error)
{
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    QTimer::singleShot(0, owner, [guard, hasContext, callback = std::move(callback), error] {
        if (hasContext && !guard)
            return;
        Result<T> result;
        result.error = error;
        callback(std::move(result));
    });
}

constexpr int CustomerPageSize = 100;

struct CustomerPage
{
    QList<Domain::Customer> customers;
    int totalPages = 0;
};

} // namespace

struct ParticleClient::CustomerListing
{
    Callback<QList<Domain::Customer>> callback;
    QList<QList<Domain::Customer>> pages; // by page number - 1
    int totalPages = 1;
    int nextPage = 2;
    int outstanding = 0;
    bool finished = false;
};

ParticleClient::ParticleClient(QNetworkAccessManager *nam, ClientConfig config, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_config(std::move(config))
{
    m_config.maxConcurrent = std::max(1, m_config.maxConcurrent);
    m_config.rateLimit = std::max(1, m_config.rateLimit);
    m_config.rateWindowSeconds = std::max(1, m_config.rateWindowSeconds);
    m_config.transferTimeoutMs = std::max(0, m_config.transferTimeoutMs);
    m_config.maxAttempts = std::max(1, m_config.maxAttempts);
    m_config.backoffBaseMs = std::max(1, m_config.backoffBaseMs);
    m_config.backoffMaxMs = std::max(m_config.backoffBaseMs, m_config.backoffMaxMs);
    m_config.rateLimitHoldMs = std::max(1, m_config.rateLimitHoldMs);
    m_config.rateLimitGrowAfterMs = std::max(1, m_config.rateLimitGrowAfterMs);
    m_config.rateLimitMaxWaitMs = std::max(m_config.rateLimitHoldMs, m_config.rateLimitMaxWaitMs);
    m_baseInsecure = insecureUrlReason(m_config.baseUrl);
    if (!m_baseInsecure.isEmpty())
        qCWarning(lcRemote) << "refusing the base URL:" << m_baseInsecure;
    m_clock.start();
    m_windowTimer = new QTimer(this);
    m_windowTimer->setSingleShot(true);
    m_windowTimer->setTimerType(Qt::PreciseTimer);
    connect(m_windowTimer, &QTimer::timeout, this, [this] {
        const std::size_t before = m_sendTimes.size();
        pruneWindow();
        if (m_sendTimes.size() != before)
            Q_EMIT usageChanged();
        pump();
        armWindowTimer();
    });
    m_holdTimer = new QTimer(this);
    m_holdTimer->setSingleShot(true);
    m_holdTimer->setTimerType(Qt::PreciseTimer); // a Retry-After: not earlier
    connect(m_holdTimer, &QTimer::timeout, this, &ParticleClient::pump);
}

ParticleClient::~ParticleClient()
{
    // Pending callbacks are dropped: nothing of ours runs after this.
    const QList<JobPtr> pending = std::exchange(m_pending, {});
    for (const JobPtr &job : pending) {
        job->done = true;
        if (QNetworkReply *reply = job->reply.data()) {
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
        }
    }
}

QString ParticleClient::insecureUrlReason(const QUrl &url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return QStringLiteral("'%1' is not an absolute URL with a host")
            .arg(url.toDisplayString(QUrl::RemoveUserInfo));
    if (!url.userInfo().isEmpty())
        return QStringLiteral("URLs with user information are refused");
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme != QLatin1String("http"))
        return Text::tr("The scheme '%1' is not supported; use https").arg(scheme);
    const QString host = url.host().toLower();
    if (host == QLatin1String("localhost"))
        return {};
    QHostAddress address;
    if (address.setAddress(host) && address.isLoopback())
        return {};
    return Text::tr("Plain http to %1 would expose the access token; use https "
                    "(http is only allowed to a loopback address)")
        .arg(host);
}

QUrl ParticleClient::apiUrlFromUserInput(const QString &text, QString *error)
{
    const auto refuse = [error](const QString &reason) {
        if (error)
            *error = reason;
        return QUrl();
    };
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return refuse(Text::tr("No API address given; use https://api.particle.io"));
    const qsizetype separator = trimmed.indexOf(QLatin1String("://"));
    if (separator >= 0) {
        const QString scheme = trimmed.left(separator).toLower();
        if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
            return refuse(Text::tr("The scheme '%1' in '%2' is not supported; use "
                                   "https://HOST (http:// only to a loopback address)")
                              .arg(trimmed.left(separator), trimmed));
    }
    QUrl url(separator >= 0 ? trimmed : QStringLiteral("https://") + trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return refuse(QStringLiteral("'%1' is not a valid API address; use "
                                     "https://api.particle.io")
                          .arg(trimmed));
    if (url.hasQuery() || url.hasFragment())
        return refuse(
            Text::tr("The API address '%1' must not have a query or a fragment").arg(trimmed));
    url.setScheme(url.scheme().toLower());
    if ((url.scheme() == QLatin1String("https") && url.port() == 443)
        || (url.scheme() == QLatin1String("http") && url.port() == 80))
        url.setPort(-1);
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    const QString insecure = insecureUrlReason(url);
    if (!insecure.isEmpty())
        return refuse(insecure);
    if (error)
        error->clear();
    return url;
}

int ParticleClient::maxPlausiblePages(int pageSize)
{
    pageSize = std::max(1, pageSize);
    return (MaxListItems + pageSize - 1) / pageSize;
}

int ParticleClient::holdRemainingMs() const
{
    return static_cast<int>(
        std::clamp(m_holdUntil - m_clock.elapsed(), qint64(0), qint64(INT_MAX)));
}

void ParticleClient::armHoldTimer()
{
    const int remaining = holdRemainingMs();
    if (remaining > 0 && (!m_holdTimer->isActive() || m_holdTimer->remainingTime() < remaining))
        m_holdTimer->start(remaining + 1);
}

void ParticleClient::setAccessToken(const QString &token)
{
    m_token = token;
    ++m_tokenGeneration;
    m_signedOut = false;
    m_signOutReason.clear();
    if (!token.isEmpty())
        pump();
}

int ParticleClient::usedInWindow() const
{
    pruneWindow();
    return static_cast<int>(m_sendTimes.size());
}

int ParticleClient::headroom() const
{
    return std::max(0, m_config.rateLimit - usedInWindow());
}

void ParticleClient::pruneWindow() const
{
    // A send leaves the window strictly after `window` ms: sends i and i + rateLimit are always
    // more than a window apart.
    const qint64 horizon = m_clock.elapsed() - qint64(m_config.rateWindowSeconds) * 1000;
    while (!m_sendTimes.empty() && m_sendTimes.front() < horizon)
        m_sendTimes.pop_front();
}

void ParticleClient::armWindowTimer()
{
    if (m_sendTimes.empty()) {
        m_windowTimer->stop();
        return;
    }
    const qint64 expires
        = m_sendTimes.front() + qint64(m_config.rateWindowSeconds) * 1000 + 1 - m_clock.elapsed();
    m_windowTimer->start(static_cast<int>(std::clamp(expires, qint64(0), qint64(INT_MAX))));
}

QUrl ParticleClient::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_config.baseUrl;
    QString base = url.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path, QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(query);
    else
        url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QUrl ParticleClient::productEventsUrl(int product) const
{
    return urlFor(QStringLiteral("/v1/products/%1/events").arg(product), QUrlQuery());
}

void ParticleClient::request(const QByteArray &method, const QString &path, const QUrlQuery &query,
    const QByteArray &body, const QByteArray &contentType, QObject *context, ReplyCallback callback)
{
    submit(method, path, query, body, contentType, {}, context, std::move(callback));
}

void ParticleClient::requestToken(const QByteArray &form, const QString &clientId,
    const QString &clientSecret, QObject *context, ReplyCallback callback)
{
    submit("POST", QStringLiteral("/oauth/token"), {}, form, "application/x-www-form-urlencoded",
        basicAuth(clientId, clientSecret), context, std::move(callback));
}

void ParticleClient::requestJson(const QByteArray &method, const QString &path,
    const QJsonObject &body, QObject *context, ReplyCallback callback)
{
    const bool bodyless = body.isEmpty()
        && (method == "GET" || method == "DELETE" || method == "HEAD" || method == "OPTIONS");
    submit(method, path, {}, bodyless ? QByteArray() : compact(body),
        bodyless ? QByteArray() : QByteArrayLiteral("application/json"), {}, context,
        std::move(callback));
}

void ParticleClient::submit(const QByteArray &method, const QString &path, const QUrlQuery &query,
    const QByteArray &body, const QByteArray &contentType, const QByteArray &authorization,
    QObject *context, ReplyCallback callback)
{
    auto job = std::make_shared<Job>();
    job->id = m_nextJobId++;
    job->method = method.toUpper();
    job->path = path;
    job->url = urlFor(path, query);
    job->body = body;
    job->contentType = contentType;
    job->authorization = authorization;
    job->context = context;
    job->hasContext = context != nullptr;
    job->callback = std::move(callback);
    // Particle blocks an address after repeated failed token requests: a 429 there is an answer,
    // not a reason to ask again.
    job->retryRateLimited = path != QLatin1String("/oauth/token");

    ApiReply refused;
    if (!m_baseInsecure.isEmpty()) {
        refused.error = {ApiError::Kind::Insecure, 0, {}, m_baseInsecure};
    } else if (job->usesClientToken() && isSignedOut()) {
        refused.error = {ApiError::Kind::Unauthorized, 0, {},
            m_signedOut ? Text::tr("Signed out: %1").arg(m_signOutReason)
                        : Text::tr("Not signed in: there is no access token")};
    } else if (!m_nam) {
        refused.error = {ApiError::Kind::Network, 0, {}, Text::tr("No network access manager")};
    }
    if (refused.error.isError()) {
        qCDebug(lcRemote).noquote() << "refused" << job->what() << refused.error.toString();
        completeLater(job, refused);
        return;
    }
    m_pending.append(job);
    m_queue.push_back(job);
    pump();
}

void ParticleClient::pump()
{
    if (m_pumping)
        return; // a signal handler below submitted more work: the outer loop takes it
    m_pumping = true;
    QPointer<ParticleClient> self(this);
    while (self && !m_queue.empty() && m_inFlight < m_config.maxConcurrent) {
        const JobPtr job = m_queue.front();
        if (job->done) {
            m_queue.pop_front();
            continue;
        }
        if (!job->contextAlive()) {
            m_queue.pop_front();
            job->done = true;
            m_pending.removeOne(job);
            continue;
        }
        if (job->usesClientToken() && isSignedOut()) {
            // The token was cleared while this waited.
            ApiReply refused;
            refused.error = {ApiError::Kind::Unauthorized, 0, {},
                Text::tr("Not signed in: there is no access token")};
            completeLater(job, refused);
            continue;
        }
        if (holdRemainingMs() > 0) {
            armHoldTimer(); // 429: nothing goes out until the hold ends
            break;
        }
        pruneWindow();
        if (static_cast<int>(m_sendTimes.size()) >= m_config.rateLimit) {
            armWindowTimer();
            break;
        }
        m_queue.pop_front();
        send(job);
    }
    if (self)
        m_pumping = false;
}

void ParticleClient::send(const JobPtr &job)
{
    QNetworkRequest request(job->url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "Flotilla/0.1 (Qt)");
    if (!job->contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, job->contentType);
    if (job->usesClientToken()) {
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        job->generation = m_tokenGeneration;
    } else {
        request.setRawHeader("Authorization", job->authorization);
    }
    // A redirect to another origin would carry the Authorization header there.
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setTransferTimeout(m_config.transferTimeoutMs);

    ++job->attempts;
    job->holdEpoch = m_holdEpoch;
    job->tlsErrors.clear();
    QNetworkReply *reply = m_nam->sendCustomRequest(request, job->method, job->body);
    job->reply = reply;
    ++m_inFlight;
    ++m_requestsSent;
    m_sendTimes.push_back(m_clock.elapsed());
    qCDebug(lcRemote).noquote() << "send" << job->what() << "attempt" << job->attempts;

#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, this, [job](const QList<QSslError> &errors) {
        // Surfaced, never ignored: the reply then fails with SslHandshakeFailedError.
        for (const QSslError &e : errors)
            job->tlsErrors.append(e.errorString());
    });
#endif
    connect(reply, &QNetworkReply::finished, this, [this, job, reply] { finished(job, reply); });

    if (!m_windowTimer->isActive())
        armWindowTimer();
    Q_EMIT requestSent();
    Q_EMIT usageChanged();
}

void ParticleClient::finished(const JobPtr &job, QNetworkReply *reply)
{
    reply->deleteLater();
    --m_inFlight;
    job->reply = nullptr;
    if (job->done) {
        pump();
        return;
    }

    ApiReply result;
    const QNetworkReply::NetworkError netError = reply->error();
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    result.status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    if (reply->isOpen())
        result.body = reply->readAll();

    if (result.status == 0 || !isHttpLevelError(netError)) {
        // No (complete) HTTP answer.
        result.error.status = result.status;
        if (!job->tlsErrors.isEmpty() || netError == QNetworkReply::SslHandshakeFailedError) {
            result.error.kind = ApiError::Kind::Insecure;
            result.error.message
                = QStringLiteral("TLS error: %1")
                      .arg(job->tlsErrors.isEmpty() ? reply->errorString()
                                                    : job->tlsErrors.join(QStringLiteral("; ")));
        } else if (netError == QNetworkReply::InsecureRedirectError) {
            result.error.kind = ApiError::Kind::Insecure;
            result.error.message
                = Text::tr("Refused a redirect to another origin: %1").arg(reply->errorString());
        } else if (netError == QNetworkReply::TooManyRedirectsError) {
            result.error.kind = ApiError::Kind::Malformed;
            result.error.message = reply->errorString();
        } else if (netError == QNetworkReply::OperationCanceledError
            || netError == QNetworkReply::TimeoutError) {
            // We only abort replies after marking their job done, so this is the transfer
            // timeout.
            result.error.kind = ApiError::Kind::Timeout;
            result.error.message
                = Text::tr("No answer within %1 ms").arg(m_config.transferTimeoutMs);
        } else {
            result.error.kind = ApiError::Kind::Network;
            result.error.message = reply->errorString();
        }
    } else if (result.status >= 200 && result.status < 300
        && reply->header(QNetworkRequest::ContentLengthHeader).isValid()
        && reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() > result.body.size()) {
        // The connection closed before the whole answer arrived (QNetworkAccessManager does
        // not always report it): a network failure, retried, never data to parse.
        result.error = {ApiError::Kind::Network, result.status, {},
            Text::tr("The connection closed after %1 of %2 bytes")
                .arg(result.body.size())
                .arg(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong())};
    } else if (result.status >= 200 && result.status < 300) {
        if (result.status != 204) {
            QJsonParseError parseError {};
            result.json = QJsonDocument::fromJson(result.body, &parseError);
            QString problem;
            if (result.body.trimmed().isEmpty())
                problem = QStringLiteral("the body is empty");
            else if (parseError.error != QJsonParseError::NoError)
                problem = QStringLiteral("the body is not valid JSON (%1 at offset %2)")
                              .arg(parseError.errorString())
                              .arg(parseError.offset);
            if (!problem.isEmpty()) {
                const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
                result.json = QJsonDocument();
                result.error = {ApiError::Kind::Malformed, result.status, {},
                    Text::tr("Malformed answer to %1 (HTTP %2, %3): %4")
                        .arg(job->what())
                        .arg(result.status)
                        .arg(type.isEmpty() ? QStringLiteral("no content type") : type, problem)};
                qCWarning(lcRemote).noquote() << result.error.message;
            }
        }
    } else {
        result.error = ApiError::fromHttp(result.status, result.body,
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
    }

    if (result.error.kind == ApiError::Kind::Unauthorized && job->usesClientToken()) {
        if (job->generation == m_tokenGeneration && !m_signedOut) {
            qCWarning(lcRemote).noquote()
                << "signed out after" << job->what() << "answered" << result.error.toString();
            enterSignedOut(result.error.message, job);
        }
        QPointer<ParticleClient> self(this);
        complete(job, result);
        if (self)
            pump();
        return;
    }

    if (result.status > 0 && result.status != 429 && job->holdEpoch == m_holdEpoch)
        m_streakStart = -1; // an answer other than 429 since the last hold began
    const bool alive = job->contextAlive() && !(job->usesClientToken() && isSignedOut());
    if (result.error.kind == ApiError::Kind::RateLimited && job->retryRateLimited && alive) {
        rateLimitedAnswer(job, result, retryAfterMs(reply));
        return;
    }
    const bool retry = result.error.isTransient()
        && result.error.kind != ApiError::Kind::RateLimited
        && job->attempts - job->rateLimited < m_config.maxAttempts && alive;
    if (retry) {
        const qint64 hinted
            = result.error.kind == ApiError::Kind::Server ? retryAfterMs(reply) : -1;
        const int delay = hinted >= 0 ? static_cast<int>(hinted) : backoffDelay(job->attempts);
        retryLater(job, result.error, delay, hinted >= 0);
        pump();
        return;
    }
    if (result.error.isError())
        qCInfo(lcRemote).noquote() << job->what() << "failed after" << job->attempts
                                   << "attempt(s):" << result.error.toString();
    QPointer<ParticleClient> self(this);
    complete(job, result);
    if (self)
        pump();
}

void ParticleClient::rateLimitedAnswer(const JobPtr &job, const ApiReply &result, qint64 hintedMs)
{
    const qint64 now = m_clock.elapsed();
    ++job->rateLimited;
    if (job->firstRateLimitedAt < 0)
        job->firstRateLimitedAt = now;
    if (hintedMs >= 0)
        hintedMs = std::min<qint64>(hintedMs, m_config.rateLimitMaxWaitMs);
    if (job->holdEpoch == m_holdEpoch) {
        // Sent after the last hold began (or before any): a new hold of the whole queue.
        ++m_holdEpoch;
        if (m_streakStart < 0)
            m_streakStart = now;
        const qint64 doublings = (now - m_streakStart) / m_config.rateLimitGrowAfterMs;
        const qint64 own = std::min<qint64>(m_config.backoffMaxMs,
            qint64(m_config.rateLimitHoldMs) << std::clamp<qint64>(doublings, 0, 20));
        // Retry-After wins, but never as less than the hold of our own: "0" or a date already
        // past (a clock apart) must not turn into a burst of requests.
        const qint64 hold = hintedMs >= 0 ? std::max(hintedMs, own) : own;
        m_holdUntil = std::max(m_holdUntil, now + hold);
        qCInfo(lcRemote).noquote() << job->what() << "got" << result.error.toString()
                                   << "- holding every request for" << holdRemainingMs() << "ms";
        Q_EMIT rateLimited(holdRemainingMs());
    } else if (hintedMs >= 0) {
        // Part of a hold under way; a later Retry-After still counts.
        m_holdUntil = std::max(m_holdUntil, now + hintedMs);
    }
    if (m_holdUntil - job->firstRateLimitedAt > m_config.rateLimitMaxWaitMs) {
        ApiReply failed = result;
        failed.error.message += QStringLiteral(" (answered 429 %1 times over %2 s)")
                                    .arg(job->rateLimited)
                                    .arg((now - job->firstRateLimitedAt) / 1000);
        qCInfo(lcRemote).noquote() << job->what() << "failed:" << failed.error.toString();
        QPointer<ParticleClient> self(this);
        complete(job, failed);
        if (self)
            pump();
        return;
    }
    m_queue.push_front(job); // first in line when the hold ends
    armHoldTimer();
    pump();
}

int ParticleClient::backoffDelay(int attempt) const
{
    const int exponent = std::clamp(attempt - 1, 0, 30);
    const qint64 cap
        = std::min<qint64>(m_config.backoffMaxMs, qint64(m_config.backoffBaseMs) << exponent);
    // Full jitter: uniformly 0..cap.
    return static_cast<int>(QRandomGenerator::global()->bounded(cap + 1));
}

void ParticleClient::retryLater(const JobPtr &job, const ApiError &error, int delayMs, bool exact)
{
    qCInfo(lcRemote).noquote() << job->what() << "got" << error.toString() << "- retry"
                               << job->attempts + 1 << "of" << m_config.maxAttempts << "in"
                               << delayMs << "ms";
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    if (exact)
        timer->setTimerType(Qt::PreciseTimer); // the server said when: not earlier
    job->retryTimer = timer;
    connect(timer, &QTimer::timeout, this, [this, job, timer] {
        timer->deleteLater();
        job->retryTimer = nullptr;
        if (job->done)
            return;
        if (!job->contextAlive()) {
            job->done = true;
            forget(job);
            return;
        }
        if (job->usesClientToken() && isSignedOut()) {
            ApiReply refused;
            refused.error = {ApiError::Kind::Unauthorized, 0, {},
                Text::tr("Signed out: %1").arg(m_signOutReason)};
            complete(job, refused);
            return;
        }
        m_queue.push_front(job); // retries go before new work
        pump();
    });
    timer->start(delayMs);
}

void ParticleClient::enterSignedOut(const QString &reason, const JobPtr &refusedJob)
{
    m_signedOut = true;
    m_signOutReason = reason;
    ApiReply refused;
    refused.error = {ApiError::Kind::Unauthorized, 0, {}, Text::tr("Signed out: %1").arg(reason)};
    // Every request that would use the refused token and is not on the wire fails now.
    const QList<JobPtr> pending = m_pending;
    for (const JobPtr &job : pending) {
        if (job == refusedJob || job->done || !job->usesClientToken() || job->reply)
            continue;
        if (job->retryTimer) {
            job->retryTimer->stop();
            job->retryTimer->deleteLater();
            job->retryTimer = nullptr;
        }
        completeLater(job, refused);
    }
    Q_EMIT signedOut(reason);
}

void ParticleClient::cancelAll()
{
    ApiReply cancelled;
    cancelled.error = {ApiError::Kind::Cancelled, 0, {}, QStringLiteral("Cancelled")};
    const QList<JobPtr> pending = m_pending;
    for (const JobPtr &job : pending) {
        if (job->done)
            continue;
        if (QNetworkReply *reply = job->reply.data()) {
            disconnect(reply, nullptr, this, nullptr);
            job->reply = nullptr;
            reply->abort();
            reply->deleteLater();
            --m_inFlight;
        }
        if (job->retryTimer) {
            job->retryTimer->stop();
            job->retryTimer->deleteLater();
            job->retryTimer = nullptr;
        }
        completeLater(job, cancelled);
    }
    m_queue.clear();
}

void ParticleClient::forget(const JobPtr &job)
{
    m_pending.removeOne(job);
    const auto it = std::find(m_queue.begin(), m_queue.end(), job);
    if (it != m_queue.end())
        m_queue.erase(it);
}

void ParticleClient::complete(const JobPtr &job, const ApiReply &reply)
{
    if (job->done)
        return;
    job->done = true;
    forget(job);
    if (job->contextAlive() && job->callback)
        job->callback(reply);
}

void ParticleClient::completeLater(const JobPtr &job, const ApiReply &reply)
{
    if (job->done)
        return;
    job->done = true;
    forget(job);
    QTimer::singleShot(0, this, [job, reply] {
        if (job->contextAlive() && job->callback)
            job->callback(reply);
    });
}

// ---- Typed calls ------------------------------------------------------------------------------

template<typename T>
void ParticleClient::typed(const QByteArray &method, const QString &path, const QUrlQuery &query,
    const QByteArray &body, const QByteArray &contentType, const QByteArray &authorization,
    QObject *context, Callback<T> callback,
    std::function<std::optional<T>(const ApiReply &, QString *)> parse)
{
    submit(method, path, query, body, contentType, authorization, context,
        [callback = std::move(callback), parse = std::move(parse),
            what = QString(QString::fromLatin1(method) + QLatin1Char(' ') + path)](
            const ApiReply &reply) {
            Result<T> result;
            if (!reply.ok()) {
                result.error = reply.error;
                if (!result.error.isError())
                    result.error = {ApiError::Kind::Malformed, reply.status, {},
                        Text::tr("Unexpected HTTP status %1").arg(reply.status)};
                callback(std::move(result));
                return;
            }
            QString problem;
            result.value = parse(reply, &problem);
            if (!result.value) {
                if (problem.isEmpty())
                    problem = Text::tr("Malformed answer from the server");
                result.error = {ApiError::Kind::Malformed, reply.status, {},
                    problem + QStringLiteral(" (%1)").arg(what)};
                qCWarning(lcRemote).noquote() << result.error.message;
            }
            callback(std::move(result));
        });
}

void ParticleClient::listProducts(QObject *context, Callback<QList<Domain::Product>> callback)
{
    typed<QList<Domain::Product>>("GET", QStringLiteral("/v1/user/products"), {}, {}, {}, {},
        context, std::move(callback), [](const ApiReply &reply, QString *error) {
            const std::optional<QJsonObject> object = objectBody(reply, error);
            if (!object)
                return std::optional<QList<Domain::Product>>();
            return parseArray<Domain::Product>(object->value(QStringLiteral("products")),
                "products", &Domain::productFromJson, error);
        });
}

void ParticleClient::listDevices(
    int product, const DeviceQuery &q, QObject *context, Callback<DevicePage> callback)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("page"), QString::number(q.page));
    addPageSize(&query, q.perPage);
    if (!q.sortAttr.isEmpty())
        query.addQueryItem(QStringLiteral("sortAttr"), queryValue(q.sortAttr));
    if (!q.sortDir.isEmpty())
        query.addQueryItem(QStringLiteral("sortDir"), queryValue(q.sortDir));
    if (!q.groups.isEmpty())
        query.addQueryItem(QStringLiteral("groups"), queryValue(q.groups.join(QLatin1Char(','))));
    if (!q.deviceId.isEmpty())
        query.addQueryItem(QStringLiteral("deviceId"), queryValue(q.deviceId));
    if (!q.deviceName.isEmpty())
        query.addQueryItem(QStringLiteral("deviceName"), queryValue(q.deviceName));
    if (!q.serialNumber.isEmpty())
        query.addQueryItem(QStringLiteral("serialNumber"), queryValue(q.serialNumber));
    typed<DevicePage>("GET", productPath(product, QStringLiteral("/devices")), query, {}, {}, {},
        context, std::move(callback),
        [perPage = q.perPage, pageNumber = q.page](const ApiReply &reply, QString *error) {
            const std::optional<QJsonObject> object = objectBody(reply, error);
            if (!object)
                return std::optional<DevicePage>();
            DevicePage page;
            auto devices = parseArray<Domain::Device>(object->value(QStringLiteral("devices")),
                "devices", &Domain::deviceFromJson, error);
            if (!devices)
                return std::optional<DevicePage>();
            page.devices = std::move(*devices);
            const QJsonValue customers = object->value(QStringLiteral("customers"));
            if (!customers.isUndefined() && !customers.isNull()) {
                auto parsed = parseArray<Domain::Customer>(
                    customers, "customers", &Domain::customerFromJson, error);
                if (!parsed)
                    return std::optional<DevicePage>();
                page.customers = std::move(*parsed);
            }
            const std::optional<int> total
                = readTotalPages(*object, perPage, page.devices.size(), pageNumber, -1, error);
            if (!total)
                return std::optional<DevicePage>();
            page.totalPages = *total;
            return std::optional<DevicePage>(std::move(page));
        });
}

void ParticleClient::getDevice(
    int product, const QString &deviceId, QObject *context, Callback<Domain::Device> callback)
{
    typed<Domain::Device>("GET",
        productPath(product, QStringLiteral("/devices/") + segment(deviceId)), {}, {}, {}, {},
        context, std::move(callback), [](const ApiReply &reply, QString *error) {
            const std::optional<QJsonObject> object = objectBody(reply, error);
            return object ? Domain::deviceFromJson(*object, error) : std::nullopt;
        });
}

void ParticleClient::updateDevice(int product, const QString &deviceId, const QJsonObject &fields,
    QObject *context, Callback<QJsonObject> callback)
{
    typed<QJsonObject>("PUT", productPath(product, QStringLiteral("/devices/") + segment(deviceId)),
        {}, compact(fields), "application/json", {}, context, std::move(callback), &objectBody);
}

void ParticleClient::importDevices(int product, const QStringList &identifiers,
    const ImportOptions &options, QObject *context, Callback<ImportResult> callback)
{
    QStringList ids;
    for (const QString &raw : identifiers) {
        const QString id = raw.trimmed();
        if (id.isEmpty() || id.contains(QLatin1Char('\n')) || id.contains(QLatin1Char('\r'))
            || id.contains(QChar(0))) {
            failLater<ImportResult>(this, context, std::move(callback),
                {ApiError::Kind::BadRequest, 0, {},
                    Text::tr("Cannot import '%1': an identifier is one line, not blank")
                        .arg(raw.left(64))});
            return;
        }
        ids.append(id);
    }
    if (ids.isEmpty()) {
        failLater<ImportResult>(this, context, std::move(callback),
            {ApiError::Kind::BadRequest, 0, {}, Text::tr("Nothing to import")});
        return;
    }
    QByteArray body;
    QByteArray contentType;
    if (ids.size() == 1) {
        QJsonObject object {{QStringLiteral("id"), ids.first()}};
        if (!options.claimUser.isEmpty())
            object.insert(QStringLiteral("claim_user"), options.claimUser);
        if (options.importSims)
            object.insert(QStringLiteral("import_sims"), true);
        body = compact(object);
        contentType = "application/json";
    } else {
        // Several: a text file of identifiers, one a line, in a multipart form (the route takes
        // `id` for one only).
        const QByteArray file = ids.join(QLatin1Char('\n')).toUtf8() + '\n';
        QByteArray boundary;
        do {
            boundary
                = "flotilla-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
        } while (file.contains(boundary) || options.claimUser.toUtf8().contains(boundary));
        const auto field = [&](const char *key, const QByteArray &value) {
            body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + key
                + "\"\r\n\r\n" + value + "\r\n";
        };
        if (!options.claimUser.isEmpty())
            field("claim_user", options.claimUser.toUtf8());
        if (options.importSims)
            field("import_sims", "true");
        body += "--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"devices.txt\"\r\n"
              "Content-Type: text/plain\r\n\r\n"
            + file + "\r\n--" + boundary + "--\r\n";
        contentType = "multipart/form-data; boundary=" + boundary;
    }
    typed<ImportResult>("POST", productPath(product, QStringLiteral("/devices")), {}, body,
        contentType, {}, context, std::move(callback), [](const ApiReply &reply, QString *error) {
            const std::optional<QJsonObject> object = objectBody(reply, error);
            if (!object)
                return std::optional<ImportResult>();
            ImportResult result;
            result.updatedDeviceIds = stringList(*object, "updatedDeviceIds", error);
            result.existingDeviceIds = stringList(*object, "existingDeviceIds", error);
            result.nonmemberDeviceIds = stringList(*object, "nonmemberDeviceIds", error);
            result.invalidDeviceIds = stringList(*object, "invalidDeviceIds", error);
            result.protectedDeviceIds = stringList(*object, "protectedDeviceIds", error);
            const QJsonValue updated = object->value(QStringLiteral("updated"));
            if (updated.isDouble())
                result.updated = updated.toInt();
            else if (updated.isUndefined() || updated.isNull())
                result.updated = static_cast<int>(result.updatedDeviceIds.size());
            else
                *error = Text::tr("Malformed answer from the server: 'updated' is not a "
                                  "number");
            if (!error->isEmpty())
                return std::optional<ImportResult>();
            return std::optional<ImportResult>(std::move(result));
        });
}

void ParticleClient::removeDevice(
    int product, const QString &deviceId, QObject *context, Callback<bool> callback)
{
    typed<bool>("DELETE", productPath(product, QStringLiteral("/devices/") + segment(deviceId)), {},
        {}, {}, {}, context, std::move(callback), &okBody);
}

void ParticleClient::unclaimDevice(
    int product, const QString &deviceId, QObject *context, Callback<bool> callback)
{
    typed<bool>("DELETE",
        productPath(product, QStringLiteral("/devices/%1/owner").arg(segment(deviceId))), {}, {},
        {}, {}, context, std::move(callback), &okBody);
}

void ParticleClient::batchGroups(int product, const QStringList &deviceIds, const QStringList &add,
    const QStringList &remove, QObject *context, Callback<bool> callback)
{
    const QJsonObject body {{QStringLiteral("action"), QStringLiteral("groups")},
        {QStringLiteral("devices"), QJsonArray::fromStringList(deviceIds)},
        {QStringLiteral("metadata"),
            QJsonObject {{QStringLiteral("add"), QJsonArray::fromStringList(add)},
                {QStringLiteral("remove"), QJsonArray::fromStringList(remove)}}}};
    typed<bool>("PUT", productPath(product, QStringLiteral("/devices")), {}, compact(body),
        "application/json", {}, context, std::move(callback), &okBody);
}

void ParticleClient::listGroups(
    int product, QObject *context, Callback<QList<Domain::Group>> callback)
{
    typed<QList<Domain::Group>>("GET", productPath(product, QStringLiteral("/groups")), {}, {}, {},
        {}, context, std::move(callback), [](const ApiReply &reply, QString *error) {
            const std::optional<QJsonObject> object = objectBody(reply, error);
            if (!object)
                return std::optional<QList<Domain::Group>>();
            return parseArray<Domain::Group>(
                object->value(QStringLiteral("groups")), "groups", &Domain::groupFromJson, error);
        });
}

void ParticleClient::createGroup(
    int product, const Domain::Group &group, QObject *context, Callback<Domain::Group> callback)
{
    QJsonObject body {{QStringLiteral("name"), group.name}};
    if (!group.description.isEmpty())
        body.insert(QStringLiteral("description"), group.description);
    if (!group.color.isEmpty())
        body.insert(QStringLiteral("color"), group.color);
    typed<Domain::Group>("POST", productPath(product, QStringLiteral("/groups")), {}, compact(body),
        "application/json", {}, context, std::move(callback),
        [](const ApiReply &reply, QString *error) {
            return wrapped<Domain::Group>(reply, "group", &Domain::groupFromJson, error);
        });
}

void ParticleClient::updateGroup(int product, const QString &oldName, const QJsonObject &fields,
    QObject *context, Callback<Domain::Group> callback)
{
    typed<Domain::Group>("PUT", productPath(product, QStringLiteral("/groups/") + segment(oldName)),
        {}, compact(fields), "application/json", {}, context, std::move(callback),
        [](const ApiReply &reply, QString *error) {
            return wrapped<Domain::Group>(reply, "group", &Domain::groupFromJson, error);
        });
}

void ParticleClient::deleteGroup(
    int product, const QString &name, QObject *context, Callback<bool> callback)
{
    typed<bool>("DELETE", productPath(product, QStringLiteral("/groups/") + segment(name)), {}, {},
        {}, {}, context, std::move(callback), &okBody);
}

void ParticleClient::listFirmware(
    int product, QObject *context, Callback<QList<Domain::Firmware>> callback)
{
    typed<QList<Domain::Firmware>>("GET", productPath(product, QStringLiteral("/firmware")), {}, {},
        {}, {}, context, std::move(callback), [](const ApiReply &reply, QString *error) {
            if (!reply.json.isArray()) {
                *error = Text::tr("Malformed answer from the server: expected a JSON array "
                                  "of firmware");
                return std::optional<QList<Domain::Firmware>>();
            }
            return parseArray<Domain::Firmware>(
                reply.json.array(), "firmware", &Domain::firmwareFromJson, error);
        });
}

void ParticleClient::uploadFirmware(int product, int version, const QString &title,
    const QString &description, const QByteArray &binary, const QString &fileName, QObject *context,
    Callback<Domain::Firmware> callback)
{
    // Built by hand (not QHttpMultiPart) so that a retry can send the same bytes again.
    QByteArray boundary;
    do {
        boundary = "flotilla-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16)
            + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    } while (binary.contains(boundary));
    QString name = fileName;
    name.remove(QLatin1Char('"'))
        .remove(QLatin1Char('\\'))
        .remove(QLatin1Char('\r'))
        .remove(QLatin1Char('\n'));
    if (name.isEmpty())
        name = QStringLiteral("firmware.bin");
    QByteArray body;
    const auto field = [&](const char *key, const QByteArray &value) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + key + "\"\r\n\r\n"
            + value + "\r\n";
    };
    field("version", QByteArray::number(version));
    field("title", title.toUtf8());
    if (!description.isEmpty())
        field("description", description.toUtf8());
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"binary\"; filename=\""
        + name.toUtf8() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + binary + "\r\n--"
        + boundary + "--\r\n";
    typed<Domain::Firmware>("POST", productPath(product, QStringLiteral("/firmware")), {}, body,
        "multipart/form-data; boundary=" + boundary, {}, context, std::move(callback),
        [](const ApiReply &reply, QString *error) {
            const std::optional<QJsonObject> object = objectBody(reply, error);
            return object ? Domain::firmwareFromJson(*object, error) : std::nullopt;
        });
}

void ParticleClient::releaseFirmware(int product, int version, std::optional<QStringList> groups,
    std::optional<bool> productDefault, bool intelligent, QObject *context,
    Callback<Domain::Firmware> callback)
{
    QJsonObject body {
        {QStringLiteral("version"), version}, {QStringLiteral("intelligent"), intelligent}};
    if (groups)
        body.insert(QStringLiteral("groups"), QJsonArray::fromStringList(*groups));
    if (productDefault)
        body.insert(QStringLiteral("product_default"), *productDefault);
    typed<Domain::Firmware>("PUT", productPath(product, QStringLiteral("/firmware/release")), {},
        compact(body), "application/json", {}, context, std::move(callback),
        [](const ApiReply &reply, QString *error) {
            const std::optional<QJsonObject> object = objectBody(reply, error);
            return object ? Domain::firmwareFromJson(*object, error) : std::nullopt;
        });
}

void ParticleClient::impact(int product, int version, const QStringList &groups,
    bool productDefault, QObject *context, Callback<QJsonObject> callback)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("action"), QStringLiteral("edit_groups_for_firmware"));
    query.addQueryItem(QStringLiteral("firmware_version"), QString::number(version));
    query.addQueryItem(QStringLiteral("groups"), queryValue(groups.join(QLatin1Char(','))));
    query.addQueryItem(QStringLiteral("product_default"),
        productDefault ? QStringLiteral("true") : QStringLiteral("false"));
    typed<QJsonObject>("GET", productPath(product, QStringLiteral("/impact")), query, {}, {}, {},
        context, std::move(callback), &objectBody);
}

void ParticleClient::listCustomers(
    int product, QObject *context, Callback<QList<Domain::Customer>> callback)
{
    auto listing = std::make_shared<CustomerListing>();
    listing->callback = std::move(callback);
    listing->outstanding = 1;
    listing->nextPage = 1;
    fetchCustomerPages(product, context, listing);
}

void ParticleClient::fetchCustomerPages(
    int product, QObject *context, const std::shared_ptr<CustomerListing> &listing)
{
    // Page 1 alone (it says how many there are), then at most maxConcurrent pages at a time.
    const int page = listing->nextPage++;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    addPageSize(&query, CustomerPageSize);
    typed<CustomerPage>(
        "GET", productPath(product, QStringLiteral("/customers")), query, {}, {}, {}, context,
        [this, product, context, listing, page](Result<CustomerPage> r) {
            if (listing->finished)
                return;
            --listing->outstanding;
            const auto finish = [&](Result<QList<Domain::Customer>> result) {
                listing->finished = true;
                listing->callback(std::move(result));
            };
            if (!r.ok()) {
                Result<QList<Domain::Customer>> failed;
                failed.error = r.error;
                return finish(std::move(failed));
            }
            if (page == 1) {
                listing->totalPages = std::max(1, r.value->totalPages);
                listing->pages.resize(listing->totalPages);
            }
            if (page <= listing->totalPages)
                listing->pages[page - 1] = std::move(r.value->customers);
            while (listing->nextPage <= listing->totalPages
                && listing->outstanding < m_config.maxConcurrent) {
                ++listing->outstanding;
                fetchCustomerPages(product, context, listing);
            }
            if (listing->outstanding > 0)
                return;
            Result<QList<Domain::Customer>> all;
            all.value.emplace();
            QSet<QString> seen;
            for (const QList<Domain::Customer> &customers : std::as_const(listing->pages)) {
                for (const Domain::Customer &c : customers) {
                    if (!seen.contains(c.username.toLower())) {
                        seen.insert(c.username.toLower());
                        all.value->append(c);
                    }
                }
            }
            finish(std::move(all));
        },
        [page](const ApiReply &reply, QString *error) {
            const std::optional<QJsonObject> object = objectBody(reply, error);
            if (!object)
                return std::optional<CustomerPage>();
            CustomerPage out;
            auto customers
                = parseArray<Domain::Customer>(object->value(QStringLiteral("customers")),
                    "customers", &Domain::customerFromJson, error);
            if (!customers)
                return std::optional<CustomerPage>();
            out.customers = std::move(*customers);
            // The reference's example has meta.total_pages; an answer without it is one page.
            const std::optional<int> total
                = readTotalPages(*object, CustomerPageSize, out.customers.size(), page, 1, error);
            if (!total)
                return std::optional<CustomerPage>();
            out.totalPages = *total;
            return std::optional<CustomerPage>(std::move(out));
        });
}

void ParticleClient::createCustomer(int product, const QString &email, bool noPassword,
    const QString &password, const QString &clientId, const QString &clientSecret, QObject *context,
    Callback<QJsonObject> callback)
{
    // A form, as the reference's example sends it (the token endpoint takes only forms, and
    // this route answers with a token).
    const QByteArray body = noPassword
        ? formEncode({{"email", email}, {"no_password", QStringLiteral("true")}})
        : formEncode({{"email", email}, {"password", password}});
    typed<QJsonObject>("POST", productPath(product, QStringLiteral("/customers")), {}, body,
        "application/x-www-form-urlencoded", basicAuth(clientId, clientSecret), context,
        std::move(callback), [](const ApiReply &reply, QString *error) {
            std::optional<QJsonObject> object = objectBody(reply, error);
            if (object && !object->value(QStringLiteral("access_token")).isString()) {
                *error = Text::tr("Malformed token answer from the server: "
                                  "'access_token' is missing");
                return std::optional<QJsonObject>();
            }
            return object;
        });
}

void ParticleClient::deleteCustomer(
    int product, const QString &email, QObject *context, Callback<bool> callback)
{
    typed<bool>("DELETE", productPath(product, QStringLiteral("/customers/") + segment(email)), {},
        {}, {}, {}, context, std::move(callback), &okBody);
}

void ParticleClient::customerToken(const QString &clientId, const QString &clientSecret,
    const QString &email, QObject *context, Callback<QString> callback)
{
    const QByteArray form = formEncode({{"grant_type", QStringLiteral("client_credentials")},
        {"scope", QStringLiteral("customer=") + email}});
    typed<QString>("POST", QStringLiteral("/oauth/token"), {}, form,
        "application/x-www-form-urlencoded", basicAuth(clientId, clientSecret), context,
        std::move(callback), [](const ApiReply &reply, QString *error) {
            const std::optional<QJsonObject> object = objectBody(reply, error);
            if (!object)
                return std::optional<QString>();
            const QString token = object->value(QStringLiteral("access_token")).toString();
            if (token.isEmpty()) {
                *error = Text::tr("Malformed token answer from the server: "
                                  "'access_token' is missing");
                return std::optional<QString>();
            }
            return std::optional<QString>(token);
        });
}

void ParticleClient::claimDevice(const QString &deviceId, const QString &customerAccessToken,
    QObject *context, Callback<bool> callback)
{
    typed<bool>("POST", QStringLiteral("/v1/devices"), {},
        compact(QJsonObject {{QStringLiteral("id"), deviceId}}), "application/json",
        "Bearer " + customerAccessToken.toUtf8(), context, std::move(callback), &okBody);
}

void ParticleClient::tokenInfo(QObject *context, Callback<QJsonObject> callback)
{
    typed<QJsonObject>("GET", QStringLiteral("/v1/access_tokens/current"), {}, {}, {}, {}, context,
        std::move(callback), &objectBody);
}

} // namespace Flotilla::Remote
