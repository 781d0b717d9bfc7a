// SPDX-License-Identifier: MIT
#include "eventstream.h"

#include "domain/text.h"
#include "remote/logging.h"
#include "remote/particleclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

#if QT_CONFIG(ssl)
#include <QSslError>
#endif

#include <algorithm>

namespace Flotilla::Remote {

namespace {
constexpr int HealthyAfterMs = 10000;
constexpr qsizetype MaxErrorBody = 64 * 1024;
} // namespace

EventStream::EventStream(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_deadTimer(new QTimer(this))
    , m_reconnectTimer(new QTimer(this))
{
    m_deadTimer->setSingleShot(true);
    m_reconnectTimer->setSingleShot(true);
    connect(m_deadTimer, &QTimer::timeout, this, &EventStream::deadTimeout);
    connect(m_reconnectTimer, &QTimer::timeout, this, [this] {
        if (m_running)
            connectNow();
    });
}

EventStream::~EventStream()
{
    m_running = false;
    dropReply();
}

void EventStream::setDeadAfterMs(int ms)
{
    m_deadAfterMs = std::max(1, ms);
    if (m_deadTimer->isActive())
        m_deadTimer->start(m_deadAfterMs);
}

void EventStream::setReconnectDelays(int firstMs, int maxMs)
{
    m_firstDelayMs = std::max(1, firstMs);
    m_maxDelayMs = std::max(m_firstDelayMs, maxMs);
}

void EventStream::start(const QUrl &url, const QString &token)
{
    stop();
    m_url = url;
    m_token = token;
    m_lastEventId.clear();
    m_failures = 0;
    m_attempts = 0;
    const QString insecure = ParticleClient::insecureUrlReason(url);
    if (!insecure.isEmpty()) {
        qCWarning(lcRemote).noquote() << "event stream refused:" << insecure;
        Q_EMIT error(ApiError {ApiError::Kind::Insecure, 0, {}, insecure});
        return;
    }
    m_running = true;
    connectNow();
}

void EventStream::stop()
{
    m_running = false;
    m_reconnectTimer->stop();
    dropReply();
    setConnected(false);
}

void EventStream::dropReply()
{
    m_deadTimer->stop();
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

void EventStream::setConnected(bool connected)
{
    if (m_connected == connected)
        return;
    m_connected = connected;
    Q_EMIT connectedChanged(connected);
}

void EventStream::connectNow()
{
    dropReply();
    if (!m_nam) {
        stop();
        Q_EMIT error(
            ApiError {ApiError::Kind::Network, 0, {}, Text::tr("No network access manager")});
        return;
    }
    m_parser.reset();
    m_errorBody.clear();
    m_tlsErrors.clear();
    m_streaming = false;
    m_broken = false;
    m_eventsThisConnection = 0;
    ++m_attempts;

    QNetworkRequest request(m_url);
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Cache-Control", "no-cache");
    request.setRawHeader("User-Agent", "Flotilla/0.1 (Qt)");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!m_lastEventId.isEmpty())
        request.setRawHeader("Last-Event-ID", m_lastEventId);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // Our own silence timer decides; this only overrides a shorter default of the manager.
    request.setTransferTimeout(m_deadAfterMs + 1000);

    QNetworkReply *reply = m_nam->get(request);
    m_reply = reply;
    qCDebug(lcRemote).noquote() << "event stream: connecting to" << m_url.path() << "attempt"
                                << m_attempts;
    connect(reply, &QNetworkReply::metaDataChanged, this, &EventStream::metaDataChanged);
    connect(reply, &QNetworkReply::readyRead, this, &EventStream::readyRead);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { replyFinished(reply); });
#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            m_tlsErrors.append(e.errorString());
    });
#endif
    m_deadTimer->start(m_deadAfterMs);
}

void EventStream::metaDataChanged()
{
    QNetworkReply *reply = m_reply.data();
    if (!reply || m_streaming)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    if (status == 200 && type.startsWith(QLatin1String("text/event-stream"), Qt::CaseInsensitive)) {
        m_streaming = true;
        m_connectedFor.start();
        qCInfo(lcRemote).noquote() << "event stream: connected to" << m_url.path();
        setConnected(true);
    }
}

void EventStream::readyRead()
{
    QNetworkReply *reply = m_reply.data();
    if (!reply)
        return;
    m_deadTimer->start(m_deadAfterMs); // any byte, keep-alive comments included, is life
    const QByteArray data = reply->readAll();
    if (!m_streaming) {
        if (m_errorBody.size() < MaxErrorBody)
            m_errorBody += data.left(MaxErrorBody - m_errorBody.size());
        return;
    }
    const QList<SseEvent> events = m_parser.feed(data);
    if (!m_parser.lastEventId().isEmpty())
        m_lastEventId = m_parser.lastEventId();
    QPointer<EventStream> self(this);
    for (const SseEvent &e : events) {
        ++m_eventsThisConnection;
        Q_EMIT event(e);
        if (!self || m_reply.data() != reply)
            return; // a handler stopped, restarted or deleted us
    }
    if (m_parser.overflowed()) {
        qCWarning(lcRemote).noquote() << "event stream: a line longer than"
                                      << SseParser::MaxLineBytes << "bytes, reconnecting";
        m_broken = true;
        dropReply();
        setConnected(false);
        if (!self || !m_running)
            return;
        Q_EMIT error(ApiError {ApiError::Kind::Malformed, 200, {},
            Text::tr("The event stream sent a line longer than %1 bytes")
                .arg(SseParser::MaxLineBytes)});
        if (self && m_running && !m_reply)
            scheduleReconnect();
    }
}

void EventStream::deadTimeout()
{
    if (!m_running)
        return;
    qCWarning(lcRemote).noquote() << "event stream: no data for" << m_deadAfterMs
                                  << "ms, reconnecting";
    dropReply();
    QPointer<EventStream> self(this);
    setConnected(false);
    if (!self || !m_running)
        return;
    Q_EMIT error(ApiError {ApiError::Kind::Timeout, 0, {},
        Text::tr("The event stream was silent for %1 ms").arg(m_deadAfterMs)});
    if (self && m_running)
        scheduleReconnect();
}

void EventStream::replyFinished(QNetworkReply *reply)
{
    if (reply != m_reply.data())
        return;
    m_reply = nullptr;
    m_deadTimer->stop();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!m_streaming && m_errorBody.size() < MaxErrorBody && reply->isOpen())
        m_errorBody += reply->readAll().left(MaxErrorBody - m_errorBody.size());

    ApiError failure;
    bool fatal = false;
    if (!m_tlsErrors.isEmpty() || reply->error() == QNetworkReply::SslHandshakeFailedError) {
        failure = {ApiError::Kind::Insecure, 0, {},
            QStringLiteral("TLS error: %1")
                .arg(m_tlsErrors.isEmpty() ? reply->errorString()
                                           : m_tlsErrors.join(QStringLiteral("; ")))};
        fatal = true;
    } else if (m_streaming) {
        failure = {ApiError::Kind::Network, status, {},
            reply->error() == QNetworkReply::NoError
                ? Text::tr("The server ended the event stream")
                : Text::tr("The event stream broke: %1").arg(reply->errorString())};
    } else if (status >= 200 && status < 300) {
        failure = {ApiError::Kind::Malformed, status, {},
            Text::tr("The server answered %1 with %2 instead of an event stream")
                .arg(status)
                .arg(reply->header(QNetworkRequest::ContentTypeHeader).toString())};
    } else if (status > 0) {
        failure = ApiError::fromHttp(status, m_errorBody,
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        fatal = !failure.isTransient();
    } else {
        failure = {reply->error() == QNetworkReply::OperationCanceledError
                    || reply->error() == QNetworkReply::TimeoutError
                ? ApiError::Kind::Timeout
                : ApiError::Kind::Network,
            0, {}, reply->errorString()};
    }

    QPointer<EventStream> self(this);
    setConnected(false);
    if (!self)
        return;
    if (fatal) {
        qCWarning(lcRemote).noquote() << "event stream stopped:" << failure.toString();
        m_running = false;
        m_reconnectTimer->stop();
    } else {
        qCInfo(lcRemote).noquote() << "event stream interrupted:" << failure.toString();
    }
    const bool reconnect = m_running;
    Q_EMIT error(failure);
    if (self && reconnect && m_running && !m_reply)
        scheduleReconnect();
}

void EventStream::scheduleReconnect()
{
    const bool healthy = m_streaming && !m_broken
        && (m_eventsThisConnection > 0 || m_connectedFor.elapsed() >= HealthyAfterMs);
    if (healthy)
        m_failures = 0;
    const qint64 base = m_parser.retryMs() > 0 ? m_parser.retryMs() : m_firstDelayMs;
    const qint64 nominal = std::min<qint64>(m_maxDelayMs, base << std::clamp(m_failures, 0, 20));
    // ±20 % jitter so that many clients cut off together do not come back together.
    const qint64 jitter = nominal / 5;
    const qint64 delay = std::clamp<qint64>(
        nominal - jitter + QRandomGenerator::global()->bounded(2 * jitter + 1), 1, m_maxDelayMs);
    ++m_failures;
    m_lastDelayMs = static_cast<int>(delay);
    qCDebug(lcRemote) << "event stream: reconnecting in" << delay << "ms";
    m_reconnectTimer->start(m_lastDelayMs);
}

} // namespace Flotilla::Remote
