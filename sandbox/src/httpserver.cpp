// SPDX-License-Identifier: MIT
#include "httpserver.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpServer>

#include <algorithm>

namespace Flotilla::Sandbox {

Q_LOGGING_CATEGORY(lcHttp, "flotilla.sandbox.http")

// Accepts connections and hands each socket to the guard before QtHttpServer sees it, so the
// guard's readyRead handler always runs first.
class GuardedTcpServer final : public QTcpServer
{
public:
    explicit GuardedTcpServer(HttpServer *owner)
        : m_owner(owner)
    { }

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
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
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
{ }

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
    // A modest kernel buffer, so that what a client does not read shows as backlog here (where
    // the event hub limits it) instead of hiding in megabytes of auto-tuned socket buffer.
    m_socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, 64 * 1024);
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

qint64 Connection::backlog() const
{
    return isOpen() ? m_socket->bytesToWrite() : 0;
}

void Connection::abort()
{
    if (m_socket)
        m_socket->abort();
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
    // Connected after bind(): runs after QtHttpServer has hooked up each new socket.
    connect(server, &QTcpServer::newConnection, this, &HttpServer::attachAfterHttpServer);
    return server->serverPort();
}

void HttpServer::attach(QTcpSocket *socket)
{
    Guard g;
    g.socket = socket;
    g.lastActivity = m_clock.elapsed();
    m_guards.insert(socket, g);
    // Connected before QtHttpServer's reader, so the guard sees every byte first.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
    m_fresh.append(socket);
}

void HttpServer::attachAfterHttpServer()
{
    // QtHttpServer reads one request per readyRead and announces what is left over with another
    // readyRead. Noting what is left after its reader ran keeps the guard from inspecting the
    // same bytes twice (which broke pipelined and split requests).
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_fresh)) {
        if (QTcpSocket *s = socket.data())
            connect(s, &QTcpSocket::readyRead, this, [this, s] { inspected(s); });
    }
    m_fresh.clear();
}

void HttpServer::inspected(QTcpSocket *socket)
{
    auto it = m_guards.find(socket);
    if (it != m_guards.end())
        it->seen = socket->bytesAvailable();
}

void HttpServer::touched(QTcpSocket *socket, bool streaming)
{
    auto it = m_guards.find(socket);
    if (it == m_guards.end())
        return;
    it->lastActivity = m_clock.elapsed();
    it->streaming = it->streaming || streaming;
}

namespace {

constexpr qsizetype MaxMethodLength = 16;
constexpr qsizetype MaxTargetLength = 8192;
constexpr qsizetype MaxRequestLineLength = MaxMethodLength + 1 + MaxTargetLength + 1 + 8 + 1;
constexpr qsizetype MaxChunkLineLength = 1024;

bool isUpperAlpha(char c)
{
    return c >= 'A' && c <= 'Z';
}

// A byte of a request target: visible ASCII or any non-ASCII byte; no space or control character.
bool isTargetByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u != 0x7f;
}

// Whether `line` (without its line end) is, or with `complete == false` can still become, a
// request line "METHOD SP target SP HTTP/1.x".
bool requestLineOk(QByteArrayView line, bool complete)
{
    if (line.size() > MaxRequestLineLength)
        return false;
    const qsizetype sp1 = line.indexOf(' ');
    const QByteArrayView method = sp1 < 0 ? line : line.first(sp1);
    if (method.size() > MaxMethodLength || !std::all_of(method.begin(), method.end(), isUpperAlpha))
        return false;
    if (sp1 < 0)
        return !complete;
    if (method.isEmpty())
        return false;
    const QByteArrayView rest = line.sliced(sp1 + 1);
    const qsizetype sp2 = rest.indexOf(' ');
    const QByteArrayView target = sp2 < 0 ? rest : rest.first(sp2);
    if (target.size() > MaxTargetLength || !std::all_of(target.begin(), target.end(), isTargetByte))
        return false;
    if (sp2 < 0)
        return !complete;
    if (target.isEmpty())
        return false;
    const QByteArrayView version = rest.sliced(sp2 + 1);
    if (complete)
        return version == "HTTP/1.1" || version == "HTTP/1.0";
    return QByteArrayView("HTTP/1.1").startsWith(version)
        || QByteArrayView("HTTP/1.0").startsWith(version);
}

// A header field name: an RFC 9110 token.
bool headerNameOk(QByteArrayView name)
{
    static constexpr QByteArrayView extra("!#$%&'*+-.^_`|~");
    return !name.isEmpty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || extra.contains(c);
    });
}

bool headerValueOk(QByteArrayView value)
{
    return std::all_of(value.begin(), value.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u == '\t' || (u >= 0x20 && u != 0x7f);
    });
}

// Whether `line` (without its line end) is a header field line "name: value". A line starting
// with white space would continue the previous field (obsolete line folding), which QtHttpServer
// and the guard could read differently, so it is refused like any other bad name.
bool headerLineOk(QByteArrayView line)
{
    const qsizetype colon = line.indexOf(':');
    return colon > 0 && headerNameOk(line.first(colon)) && headerValueOk(line.sliced(colon + 1));
}

// Where the head ends: the index just past the blank line (CRLF CRLF, LF LF, CRLF LF or LF CRLF,
// the endings QtHttpServer accepts), or -1.
qsizetype endOfHead(const QByteArray &head, qsizetype from)
{
    for (qsizetype i = head.indexOf('\n', std::max<qsizetype>(from, 0)); i >= 0;
         i = head.indexOf('\n', i + 1)) {
        if (i + 1 < head.size() && head.at(i + 1) == '\n')
            return i + 2;
        if (i + 2 < head.size() && head.at(i + 1) == '\r' && head.at(i + 2) == '\n')
            return i + 3;
    }
    return -1;
}

bool isDigits(QByteArrayView v, qsizetype maxDigits)
{
    return !v.isEmpty() && v.size() <= maxDigits
        && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isHexDigits(QByteArrayView v, qsizetype maxDigits)
{
    return !v.isEmpty() && v.size() <= maxDigits && std::all_of(v.begin(), v.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

} // namespace

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
    const qsizetype known = static_cast<qsizetype>(std::min<qint64>(g.seen, data.size()));
    g.seen = data.size();
    if (known == data.size())
        return; // no new bytes: QtHttpServer re-announced data the guard has checked already
    g.lastActivity = m_clock.elapsed();
    if (g.streaming)
        return;
    if (const auto problem = consume(g, QByteArrayView(data).sliced(known)))
        reject(g, problem->status, problem->message);
}

bool HttpServer::headPrefixOk(Guard &g)
{
    // Every byte is looked at once: g.checked is where the current line starts, g.scanned how
    // much of it has been checked, g.colon whether its name has ended. The request line is at
    // most ~8 KiB and is checked whole.
    while (true) {
        const qsizetype from = g.checked + g.scanned;
        const qsizetype nl = g.head.indexOf('\n', from);
        const qsizetype lineEnd = nl < 0 ? g.head.size() : nl;
        if (g.checked == 0) {
            QByteArrayView line = QByteArrayView(g.head).first(lineEnd);
            if (line.endsWith('\r'))
                line.chop(1); // the CR of a CRLF (perhaps still on its way)
            if (!requestLineOk(line, nl >= 0))
                return false;
        } else {
            for (qsizetype i = from; i < lineEnd; ++i) {
                const char c = g.head.at(i);
                if (c == '\r' && i + 1 == lineEnd)
                    break; // the CR of the line end; if the LF is still to come, look again then
                if (g.colon) {
                    if (!headerValueOk(QByteArrayView(&c, 1)))
                        return false;
                } else if (c == ':') {
                    if (i == g.checked)
                        return false;
                    g.colon = true;
                } else if (!headerNameOk(QByteArrayView(&c, 1))) {
                    return false;
                }
                g.scanned = i + 1 - g.checked;
            }
            if (nl >= 0 && !g.colon)
                return false;
        }
        if (nl < 0)
            return true;
        g.checked = nl + 1;
        g.scanned = 0;
        g.colon = false;
    }
}

void HttpServer::finishRequest(Guard &g)
{
    g.phase = Phase::Head;
    g.head.clear();
    g.checked = 0;
    g.scanned = 0;
    g.colon = false;
    g.line.clear();
    g.bodyLeft = 0;
    g.chunkedBytes = 0;
}

std::optional<HttpServer::Problem> HttpServer::consume(Guard &g, QByteArrayView data)
{
    const auto tooLarge = [this] {
        return Problem {
            413, QStringLiteral("Request body larger than %1 bytes").arg(m_limits.maxBodyBytes)};
    };
    qsizetype pos = 0;
    while (pos < data.size()) {
        switch (g.phase) {
        case Phase::Head: {
            if (g.head.isEmpty()) {
                // Empty lines before a request line are ignored (RFC 9112 2.2).
                while (pos < data.size() && (data.at(pos) == '\r' || data.at(pos) == '\n'))
                    ++pos;
                if (pos == data.size())
                    return std::nullopt;
                g.requestStart = m_clock.elapsed();
            }
            const qsizetype before = g.head.size();
            // Never hold more than the header limit (plus the blank line) of one head.
            const qsizetype room = m_limits.maxHeaderBytes + 4 - before;
            const qsizetype take
                = std::min<qsizetype>(data.size() - pos, std::max<qsizetype>(room, 1));
            g.head.append(data.sliced(pos, take));
            const qsizetype end = endOfHead(g.head, before - 3);
            if (end < 0) {
                // Check what has come so far, so that garbage is refused at once rather than
                // when the request times out.
                if (!headPrefixOk(g))
                    return Problem {400,
                        g.checked == 0 ? QStringLiteral("Malformed request line")
                                       : QStringLiteral("Malformed header line")};
                if (g.head.size() > m_limits.maxHeaderBytes)
                    return Problem {431,
                        QStringLiteral("Request header larger than %1 bytes")
                            .arg(m_limits.maxHeaderBytes)};
                pos += take;
                continue;
            }
            pos += end - before;
            g.head.truncate(end);
            if (auto problem = parseHead(g))
                return problem;
            continue;
        }
        case Phase::Body: {
            const qint64 take = std::min<qint64>(g.bodyLeft, data.size() - pos);
            g.bodyLeft -= take;
            pos += take;
            if (g.bodyLeft == 0)
                finishRequest(g);
            continue;
        }
        case Phase::ChunkSize: {
            const qsizetype nl = data.sliced(pos).indexOf('\n');
            const qsizetype take = nl < 0 ? data.size() - pos : nl + 1;
            g.line.append(data.sliced(pos, take));
            pos += take;
            if (g.line.size() > MaxChunkLineLength)
                return Problem {
                    400, QStringLiteral("Malformed chunked body: chunk size line too long")};
            if (nl < 0)
                continue;
            if (!g.line.endsWith("\r\n"))
                return Problem {400,
                    QStringLiteral("Malformed chunked body: chunk size line must end with CRLF")};
            QByteArrayView size = QByteArrayView(g.line).chopped(2);
            const qsizetype semicolon = size.indexOf(';');
            if (semicolon >= 0)
                size = size.first(semicolon);
            size = size.trimmed();
            if (!isHexDigits(size, 15))
                return Problem {400, QStringLiteral("Malformed chunked body: invalid chunk size")};
            const qint64 chunk = size.toLongLong(nullptr, 16);
            g.line.clear();
            if (chunk > m_limits.maxBodyBytes - g.chunkedBytes)
                return tooLarge();
            g.chunkedBytes += chunk;
            g.bodyLeft = chunk;
            g.phase = chunk == 0 ? Phase::ChunkTrailer : Phase::ChunkData;
            continue;
        }
        case Phase::ChunkData: {
            const qint64 take = std::min<qint64>(g.bodyLeft, data.size() - pos);
            g.bodyLeft -= take;
            pos += take;
            if (g.bodyLeft == 0)
                g.phase = Phase::ChunkDataEnd;
            continue;
        }
        case Phase::ChunkDataEnd:
        case Phase::ChunkTrailer: {
            // After chunk data: CRLF. After the last chunk: the final CRLF; trailer fields are
            // not supported (QtHttpServer cannot read them).
            g.line.append(data.at(pos++));
            const bool trailer = g.phase == Phase::ChunkTrailer;
            if (trailer && g.line == "\n") {
                finishRequest(g);
            } else if (g.line == "\r\n") {
                if (trailer)
                    finishRequest(g);
                else
                    g.phase = Phase::ChunkSize;
                g.line.clear();
            } else if (g.line != "\r") {
                return Problem {400,
                    trailer
                        ? QStringLiteral("Malformed chunked body: trailer fields are not supported")
                        : QStringLiteral("Malformed chunked body: chunk data must end with CRLF")};
            }
            continue;
        }
        }
    }
    return std::nullopt;
}

std::optional<HttpServer::Problem> HttpServer::parseHead(Guard &g)
{
    if (g.head.size() > m_limits.maxHeaderBytes + 4)
        return Problem {431,
            QStringLiteral("Request header larger than %1 bytes").arg(m_limits.maxHeaderBytes)};
    QList<QByteArray> lines = g.head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    if (!requestLineOk(lines.first(), true))
        return Problem {400, QStringLiteral("Malformed request line")};
    g.http10 = lines.first().endsWith("HTTP/1.0");
    g.keepAlive = !g.http10;
    std::optional<qint64> contentLength;
    int transferEncodings = 0;
    bool chunked = false;
    bool upgrade = false;
    bool websocket = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.isEmpty())
            continue;
        if (!headerLineOk(line))
            return Problem {400, QStringLiteral("Malformed header line")};
        const qsizetype colon = line.indexOf(':');
        const QByteArray value = line.mid(colon + 1).trimmed();
        const QByteArray name = line.left(colon).toLower();
        if (name == "content-length") {
            // Digits only; repeated fields must agree, or the two parsers could split the
            // stream differently.
            if (!isDigits(value, 18))
                return Problem {400, QStringLiteral("Invalid Content-Length")};
            const qint64 length = value.toLongLong();
            if (contentLength && *contentLength != length)
                return Problem {400, QStringLiteral("Conflicting Content-Length fields")};
            contentLength = length;
        } else if (name == "transfer-encoding") {
            ++transferEncodings;
            if (value.compare("chunked", Qt::CaseInsensitive) != 0)
                return Problem {400,
                    QStringLiteral("Unsupported Transfer-Encoding: only 'chunked' is accepted")};
            chunked = true;
        } else if (name == "connection") {
            const QByteArray v = value.toLower();
            if (v.contains("close"))
                g.keepAlive = false;
            else if (v.contains("keep-alive"))
                g.keepAlive = true;
            upgrade = upgrade || v.contains("upgrade");
        } else if (name == "upgrade") {
            websocket = websocket || value.toLower().contains("websocket");
        }
    }
    if (transferEncodings > 1)
        return Problem {400, QStringLiteral("Repeated Transfer-Encoding fields")};
    // QtHttpServer answers an unhandled WebSocket upgrade itself after the handler did, which
    // would send two responses; the API has no WebSocket routes. (Other upgrade offers, like
    // h2c, are simply not taken up.)
    if (upgrade && websocket)
        return Problem {400, QStringLiteral("WebSocket upgrades are not supported")};
    const qint64 length = contentLength.value_or(0);
    if (!chunked && length > m_limits.maxBodyBytes)
        return Problem {
            413, QStringLiteral("Request body larger than %1 bytes").arg(m_limits.maxBodyBytes)};
    g.head.clear();
    g.checked = 0;
    g.scanned = 0;
    g.colon = false;
    g.line.clear();
    g.chunkedBytes = 0;
    if (chunked) {
        g.phase = Phase::ChunkSize;
    } else if (length > 0) {
        g.phase = Phase::Body;
        g.bodyLeft = length;
    } else {
        finishRequest(g);
    }
    return std::nullopt;
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
        if (g.rejected) {
            if (now - g.rejectedAt > 5000)
                socket->abort();
        } else if (!g.streaming && g.partial()
            && now - g.requestStart > m_limits.requestTimeoutMs) {
            // Measured from the request's first byte: trickling bytes does not keep it alive.
            reject(g, 408,
                QStringLiteral("Request incomplete after %1 ms").arg(m_limits.requestTimeoutMs));
        } else if (!g.streaming && !g.partial() && now - g.lastActivity > m_limits.idleTimeoutMs) {
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
