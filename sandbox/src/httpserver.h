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
#include <optional>

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
    // What is written but not yet taken by the client (0 when closed).
    qint64 backlog() const;
    void close();
    // Drops the connection at once, discarding whatever was not sent.
    void abort();

private:
    QPointer<QTcpSocket> m_socket;
    QPointer<HttpServer> m_server;
    bool m_closeAfter = false;
};

// The HTTP front of the sandbox: QtHttpServer parses requests; a guard in front of it checks
// every connection first (request line, header fields, body framing and size, stalled or
// truncated requests, idle connections) so that bad input gets a JSON error and never holds
// memory or sockets. The guard refuses whatever QtHttpServer could frame differently from it.
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
    // Where the guard is in the request it is reading.
    enum class Phase { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, ChunkTrailer };
    struct Guard
    {
        QPointer<QTcpSocket> socket;
        Phase phase = Phase::Head;
        QByteArray head; // Head: the request head so far
        qsizetype checked = 0; // Head: where the line being checked starts
        qsizetype scanned = 0; // Head: how much of that line has been checked
        bool colon = false; // Head: whether that line's field name has ended
        QByteArray line; // chunked phases: the partial chunk size line or CRLF
        qint64 seen = 0; // bytes at the front of the socket buffer inspected already
        qint64 bodyLeft = 0;
        qint64 chunkedBytes = 0;
        bool http10 = false;
        bool keepAlive = true;
        bool streaming = false;
        bool rejected = false;
        qint64 lastActivity = 0;
        qint64 requestStart = 0;
        qint64 rejectedAt = 0;
        bool partial() const { return phase != Phase::Head || !head.isEmpty(); }
    };
    struct Problem
    {
        int status = 0;
        QString message;
    };
    void attach(QTcpSocket *socket);
    void attachAfterHttpServer();
    void inspect(QTcpSocket *socket);
    void inspected(QTcpSocket *socket);
    std::optional<Problem> consume(Guard &guard, QByteArrayView data);
    std::optional<Problem> parseHead(Guard &guard);
    static bool headPrefixOk(Guard &guard);
    void finishRequest(Guard &guard);
    void reject(Guard &guard, int status, const QString &message);
    void sweep();
    void touched(QTcpSocket *socket, bool streaming);

    Limits m_limits;
    Handler m_handler;
    QHash<QTcpSocket *, Guard> m_guards;
    QList<QPointer<QTcpSocket>> m_fresh; // accepted, not yet followed after QtHttpServer's reader
    QElapsedTimer m_clock;
    QTimer m_sweep;
};

} // namespace Flotilla::Sandbox
