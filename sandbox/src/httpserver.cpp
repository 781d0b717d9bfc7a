// SPDX-License-Identifier: MIT
#include "httpserver.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTcpServer>

namespace Flotilla::Sandbox {

Q_LOGGING_CATEGORY(lcHttp, "flotilla.sandbox.http")

// Accepts connections and hands each socket to the guard before QtHttpServer sees it, so the
// guard's readyRead handler always runs first.
class GuardedTcpServer final : public QTcpServer
{
public:
    explicit GuardedTcpServer(HttpServer *owner)
        : m_owner(owner)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        m_owner->attach(socket);
        addPendingConnection(socket);
    }

private:
    HttpServer *m_owner;
};

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "OTHER";
    }
}

QByteArray serialize(const ApiResponse &r, bool close)
{
    QByteArray out = HttpServer::statusLine(r.status);
    if (!r.contentType.isEmpty())
        out += "Content-Type: " + r.contentType + "\r\n";
    for (const auto &[name, value] : r.headers)
        out += name + ": " + value + "\r\n";
    if (r.status != 204)
        out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    out += close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    return out;
}

} // namespace

QByteArray HttpServer::statusLine(int status)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
}

Connection::Connection(QTcpSocket *socket, HttpServer *server, bool closeAfter)
    : m_socket(socket)
    , m_server(server)
    , m_closeAfter(closeAfter)
{
}

bool Connection::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void Connection::send(const ApiResponse &response)
{
    if (!isOpen())
        return;
    m_socket->write(serialize(response, m_closeAfter));
    if (response.status != 204)
        m_socket->write(response.body);
    if (m_server)
        m_server->touched(m_socket, false);
    if (m_closeAfter)
        m_socket->disconnectFromHost();
}

void Connection::sendTruncated(const ApiResponse &response)
{
    if (!isOpen())
        return;
    const QByteArray whole = serialize(response, false) + response.body;
    m_socket->write(whole.left(whole.size() / 2));
    m_socket->flush();
    m_socket->abort();
}

void Connection::beginStream()
{
    if (!isOpen())
        return;
    m_socket->write(HttpServer::statusLine(200)
                    + "Content-Type: text/event-stream\r\n"
                      "Cache-Control: no-cache\r\n"
                      "Connection: keep-alive\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n");
    if (m_server)
        m_server->touched(m_socket, true);
}

void Connection::writeChunk(const QByteArray &data)
{
    if (!isOpen() || data.isEmpty())
        return;
    m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
}

void Connection::close()
{
    if (isOpen()) {
        m_socket->write("0\r\n\r\n");
        m_socket->disconnectFromHost();
    }
}

HttpServer::HttpServer(const Limits &limits, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_limits(limits)
{
    m_clock.start();
    m_sweep.setInterval(500);
    connect(&m_sweep, &QTimer::timeout, this, &HttpServer::sweep);
    m_sweep.start();
}

HttpServer::~HttpServer() = default;

quint16 HttpServer::listenLoopback(quint16 port, QString *error)
{
    auto *server = new GuardedTcpServer(this);
    if (!server->listen(QHostAddress::LocalHost, port)) {
        if (error)
            *error = server->errorString();
        delete server;
        return 0;
    }
    bind(server);
    return server->serverPort();
}

void HttpServer::attach(QTcpSocket *socket)
{
    Guard g;
    g.socket = socket;
    g.lastActivity = m_clock.elapsed();
    m_guards.insert(socket, g);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
}

void HttpServer::touched(QTcpSocket *socket, bool streaming)
{
    auto it = m_guards.find(socket);
    if (it == m_guards.end())
        return;
    it->lastActivity = m_clock.elapsed();
    it->streaming = it->streaming || streaming;
}

void HttpServer::inspect(QTcpSocket *socket)
{
    auto it = m_guards.find(socket);
    if (it == m_guards.end())
        return;
    Guard &g = *it;
    if (g.rejected) {
        socket->readAll();
        return;
    }
    const QByteArray data = socket->peek(socket->bytesAvailable());
    g.lastActivity = m_clock.elapsed();
    if (g.streaming)
        return;
    qsizetype pos = 0;
    while (pos < data.size()) {
        if (g.inBody) {
            if (g.chunked) {
                g.chunkedBytes += data.size() - pos;
                if (g.chunkedBytes > m_limits.maxBodyBytes)
                    return reject(g, 413, QStringLiteral("Request body larger than %1 bytes").arg(m_limits.maxBodyBytes));
                if (data.endsWith("0\r\n\r\n")) {
                    g.inBody = false;
                    g.head.clear();
                }
                return;
            }
            const qint64 take = std::min<qint64>(g.bodyLeft, data.size() - pos);
            g.bodyLeft -= take;
            pos += take;
            if (g.bodyLeft == 0) {
                g.inBody = false;
                g.head.clear();
            }
            continue;
        }
        // Head phase: collect up to the blank line.
        const qsizetype before = g.head.size();
        g.head.append(data.mid(pos));
        qsizetype end = g.head.indexOf("\r\n\r\n");
        qsizetype sepLen = 4;
        if (end < 0) {
            end = g.head.indexOf("\n\n");
            sepLen = 2;
        }
        if (end < 0) {
            if (g.head.size() > m_limits.maxHeaderBytes)
                return reject(g, 431, QStringLiteral("Request header larger than %1 bytes").arg(m_limits.maxHeaderBytes));
            const qsizetype lineEnd = g.head.indexOf('\n');
            if (lineEnd < 0 && g.head.size() > 8192)
                return reject(g, 400, QStringLiteral("Malformed request line"));
            if (lineEnd >= 0) {
                static const QRegularExpression requestLine(QStringLiteral("^[A-Z]{1,16} \\S{1,8192} HTTP/1\\.[01]\\r?$"));
                if (!requestLine.match(QString::fromLatin1(g.head.left(lineEnd))).hasMatch())
                    return reject(g, 400, QStringLiteral("Malformed request line"));
            }
            return;
        }
        const QByteArray head = g.head.left(end);
        pos += end + sepLen - before;
        if (head.size() > m_limits.maxHeaderBytes)
            return reject(g, 431, QStringLiteral("Request header larger than %1 bytes").arg(m_limits.maxHeaderBytes));
        const QList<QByteArray> lines = head.split('\n');
        static const QRegularExpression requestLine(QStringLiteral("^[A-Z]{1,16} \\S{1,8192} HTTP/1\\.([01])\\r?$"));
        const auto match = requestLine.match(QString::fromLatin1(lines.first()));
        if (!match.hasMatch())
            return reject(g, 400, QStringLiteral("Malformed request line"));
        g.http10 = match.captured(1) == QLatin1String("0");
        g.keepAlive = !g.http10;
        qint64 contentLength = 0;
        g.chunked = false;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            if (line.isEmpty())
                continue;
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                return reject(g, 400, QStringLiteral("Malformed header line"));
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length") {
                bool ok = false;
                contentLength = value.toLongLong(&ok);
                if (!ok || contentLength < 0)
                    return reject(g, 400, QStringLiteral("Invalid Content-Length"));
            } else if (name == "transfer-encoding") {
                g.chunked = value.toLower().contains("chunked");
            } else if (name == "connection") {
                const QByteArray v = value.toLower();
                if (v.contains("close"))
                    g.keepAlive = false;
                else if (v.contains("keep-alive"))
                    g.keepAlive = true;
            }
        }
        if (contentLength > m_limits.maxBodyBytes)
            return reject(g, 413, QStringLiteral("Request body larger than %1 bytes").arg(m_limits.maxBodyBytes));
        g.inBody = g.chunked || contentLength > 0;
        g.bodyLeft = contentLength;
        g.chunkedBytes = 0;
        if (!g.inBody)
            g.head.clear();
        else
            g.head = " "; // mark: a request is in progress
    }
}

void HttpServer::reject(Guard &g, int status, const QString &message)
{
    QTcpSocket *socket = g.socket;
    g.rejected = true;
    g.rejectedAt = m_clock.elapsed();
    if (!socket)
        return;
    qCDebug(lcHttp) << "rejecting connection:" << status << message;
    socket->readAll();
    Connection(socket, this, true).send(ApiResponse::apiError(status, message));
}

void HttpServer::sweep()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_guards.begin(); it != m_guards.end();) {
        Guard &g = *it;
        QTcpSocket *socket = g.socket;
        if (!socket) {
            it = m_guards.erase(it);
            continue;
        }
        if (socket->state() == QAbstractSocket::UnconnectedState) {
            socket->deleteLater();
            it = m_guards.erase(it);
            continue;
        }
        const bool partial = !g.head.isEmpty() || g.inBody;
        if (g.rejected) {
            if (now - g.rejectedAt > 5000)
                socket->abort();
        } else if (!g.streaming && partial && now - g.lastActivity > m_limits.requestTimeoutMs) {
            reject(g, 408, QStringLiteral("Request incomplete after %1 ms").arg(m_limits.requestTimeoutMs));
        } else if (!g.streaming && !partial && now - g.lastActivity > m_limits.idleTimeoutMs) {
            socket->disconnectFromHost();
        }
        ++it;
    }
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const auto guard = m_guards.constFind(socket);
    if (guard != m_guards.constEnd() && guard->rejected)
        return true;
    ApiRequest r;
    r.method = methodName(request.method());
    r.path = request.url().path(QUrl::FullyDecoded);
    r.query = request.query();
    for (const auto &[name, value] : request.headers())
        r.headers.append({name.toLower(), value});
    r.body = request.body();
    r.remote = request.remoteAddress();
    const bool close = guard == m_guards.constEnd() || !guard->keepAlive;
    if (m_handler)
        m_handler(r, Connection(socket, this, close));
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    Connection(socket, this, true).send(ApiResponse::apiError(404, QStringLiteral("Not found")));
}

} // namespace Flotilla::Sandbox
