// SPDX-License-Identifier: MIT
#pragma once

#include "remote/apierror.h"
#include "remote/sseparser.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;
QT_END_NAMESPACE

namespace Flotilla::Remote {

// A Server-Sent Events stream of the Particle cloud (/v1/products/:p/events, ...) that stays
// open: it reconnects after the connection ends, fails, or goes silent (no byte at all, not even
// a keep-alive comment, for deadAfterMs), waiting 1 s, 2 s, 4 s ... up to 60 s (with ±20 %
// jitter) between attempts; the wait starts again at 1 s after a healthy connection (one that
// delivered an event or stayed up for 10 s). A 401 stops it for good with an Unauthorized error
// (a new token needs a new start()); so do 400/403/404, TLS errors and refused URLs (http to a
// host that is not loopback). Reconnects send Last-Event-ID when the server ever sent an id.
// A line longer than SseParser::MaxLineBytes (a stream without line breaks) ends the connection
// with a Malformed error and a reconnect, counted as unhealthy: memory stays bounded.
class EventStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventStream)
public:
    explicit EventStream(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~EventStream() override;

    void start(const QUrl &url, const QString &token);
    void stop();
    // Used from the next (re)connection on.
    void setAccessToken(const QString &token) { m_token = token; }
    void setDeadAfterMs(int ms);
    int deadAfterMs() const { return m_deadAfterMs; }
    // The reconnect wait: `firstMs` doubling up to `maxMs` (defaults 1000 and 60000).
    void setReconnectDelays(int firstMs, int maxMs);

    bool isRunning() const { return m_running; }
    bool isConnected() const { return m_connected; }
    QUrl url() const { return m_url; }
    int connectionAttempts() const { return m_attempts; } // since start()
    int nextReconnectDelayMs() const { return m_lastDelayMs; } // the last wait chosen

Q_SIGNALS:
    // Hides QObject::event(QEvent *) by name only: connect to &EventStream::event as usual.
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Woverloaded-virtual"
#endif
    void event(const Flotilla::Remote::SseEvent &event);
#if defined(__clang__)
#pragma clang diagnostic pop
#endif
    void connectedChanged(bool connected);
    void error(const Flotilla::Remote::ApiError &error);

private:
    void connectNow();
    void metaDataChanged();
    void readyRead();
    void replyFinished(QNetworkReply *reply);
    void deadTimeout();
    void dropReply();
    void setConnected(bool connected);
    void scheduleReconnect();

    QPointer<QNetworkAccessManager> m_nam;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_deadTimer = nullptr;
    QTimer *m_reconnectTimer = nullptr;
    SseParser m_parser;
    QUrl m_url;
    QString m_token;
    QByteArray m_lastEventId;
    QByteArray m_errorBody;
    QStringList m_tlsErrors;
    QElapsedTimer m_connectedFor;
    int m_deadAfterMs = 30000;
    int m_firstDelayMs = 1000;
    int m_maxDelayMs = 60000;
    int m_failures = 0; // consecutive unhealthy connections
    int m_attempts = 0;
    int m_lastDelayMs = 0;
    int m_eventsThisConnection = 0;
    bool m_running = false;
    bool m_connected = false;
    bool m_streaming = false; // this connection answered 200 text/event-stream
    bool m_broken = false; // this connection sent an overlong line
};

} // namespace Flotilla::Remote
