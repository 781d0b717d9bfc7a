// SPDX-License-Identifier: MIT
#pragma once

#include "request.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

namespace Flotilla::Sandbox {

class HttpServer;

// The answering side of one request: a plain response, a response cut off half-way (fault
// injection), or a chunked event stream that stays open.
class Connection
{
public:
    Connection() = default;
    Connection(QTcpSocket *socket, HttpServer *server, bool closeAfter);

    bool isOpen() const;
    QTcpSocket *socket() const { return m_socket.data(); }
    void send(const ApiResponse &response);
    // Sends the status line, the headers and half of the body, then aborts the connection.
    void sendTruncated(const ApiResponse &response);
    void beginStream();
    void writeChunk(const QByteArray &data);
    void close();

private:
    QPointer<QTcpSocket> m_socket;
    QPointer<HttpServer> m_server;
    bool m_closeAfter = false;
};

// The HTTP front of the sandbox: QtHttpServer parses requests; a guard in front of it checks
// every connection first (request line, header size, body size, stalled or truncated requests,
// idle connections) so that bad input gets a JSON error and never holds memory or sockets.
class HttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    struct Limits
    {
        qsizetype maxHeaderBytes = 64 * 1024;
        qsizetype maxBodyBytes = 16 * 1024 * 1024;
        int requestTimeoutMs = 30000;
        int idleTimeoutMs = 120000;
    };
    using Handler = std::function<void(const ApiRequest &, Connection)>;

    explicit HttpServer(const Limits &limits, QObject *parent = nullptr);
    ~HttpServer() override;

    // Listens on 127.0.0.1; port 0 picks a free port. Returns the port, or 0 on failure.
    quint16 listenLoopback(quint16 port, QString *error);
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    int connectionCount() const { return static_cast<int>(m_guards.size()); }

    static QByteArray statusLine(int status);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    friend class Connection;
    friend class GuardedTcpServer;
    struct Guard
    {
        QPointer<QTcpSocket> socket;
        QByteArray head;
        qint64 bodyLeft = 0;
        qint64 chunkedBytes = 0;
        bool inBody = false;
        bool chunked = false;
        bool http10 = false;
        bool keepAlive = true;
        bool streaming = false;
        bool rejected = false;
        qint64 lastActivity = 0;
        qint64 rejectedAt = 0;
    };
    void attach(QTcpSocket *socket);
    void inspect(QTcpSocket *socket);
    void reject(Guard &guard, int status, const QString &message);
    void sweep();
    void touched(QTcpSocket *socket, bool streaming);

    Limits m_limits;
    Handler m_handler;
    QHash<QTcpSocket *, Guard> m_guards;
    QElapsedTimer m_clock;
    QTimer m_sweep;
};

} // namespace Flotilla::Sandbox
