// SPDX-License-Identifier: MIT
// The sandbox under abuse, over real TCP on 127.0.0.1: random bytes, malformed, truncated,
// oversized, slow and abandoned requests, malformed bodies, fault injection and rate limits.
// Every abuse must end in a JSON error or a closed connection within bounded time, must change
// nothing, and must leave the server answering (and running) afterwards.
#include "sandboxprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

#ifdef Q_OS_UNIX
#include <signal.h>
#elif defined(Q_OS_WIN)
#include <qt_windows.h>
#endif

using namespace Flotilla::Test;

namespace {

constexpr int RequestTimeoutMs = 600;
constexpr int MaxBodyBytes = 65536;
constexpr int MaxHeaderBytes = 64 * 1024; // the sandbox's fixed header limit
constexpr int Prompt = 3000; // bound for answers that need no timer to expire

// One HTTP response read off a raw socket.
struct RawResponse
{
    int status = 0; // 0: no (complete) status line
    bool complete = false; // head and the whole Content-Length body arrived
    bool closed = false; // the server closed the connection
    bool timedOut = false;
    QByteArray raw; // everything received
    QByteArray head;
    QByteArray body;
    qint64 contentLength = -1;
    qint64 elapsedMs = 0;

    QByteArray header(const QByteArray &name) const
    {
        const QList<QByteArray> lines = head.split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// Parses the first response in `r.raw`; how many bytes it took (0 while incomplete).
qsizetype parseResponse(RawResponse &r)
{
    const qsizetype end = r.raw.indexOf("\r\n\r\n");
    if (end < 0)
        return 0;
    r.head = r.raw.left(end);
    const QList<QByteArray> status = r.head.left(r.head.indexOf('\r')).split(' ');
    r.status
        = status.size() >= 2 && status.first().startsWith("HTTP/1.") ? status.at(1).toInt() : -1;
    bool ok = false;
    r.contentLength = r.header("content-length").toLongLong(&ok);
    if (!ok)
        r.contentLength = -1;
    if (r.contentLength < 0)
        return 0; // an event stream, or not the sandbox
    r.body = r.raw.mid(end + 4, r.contentLength);
    r.complete = r.body.size() == r.contentLength;
    return r.complete ? end + 4 + r.contentLength : 0;
}

// A raw TCP client: what it sends is exactly what the server gets.
class RawClient
{
public:
    explicit RawClient(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }
    bool waitConnected(int ms = 5000)
    {
        return QTest::qWaitFor(
            [this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, ms);
    }
    QTcpSocket &socket() { return m_socket; }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    bool closed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    // Everything received and not yet taken by next().
    const QByteArray &received()
    {
        if (m_socket.isOpen())
            m_buffer += m_socket.readAll();
        return m_buffer;
    }
    // Waits for the next complete response or the end of the connection, at most `timeoutMs`.
    RawResponse next(int timeoutMs)
    {
        RawResponse r;
        QElapsedTimer clock;
        clock.start();
        const auto done = [&] {
            r.raw = received();
            if (const qsizetype used = parseResponse(r)) {
                m_buffer.remove(0, used);
                return true;
            }
            return closed();
        };
        r.timedOut = !QTest::qWaitFor(done, timeoutMs);
        r.elapsedMs = clock.elapsed();
        r.closed = closed();
        return r;
    }
    // Waits for the server to close the connection.
    bool waitClosed(int ms)
    {
        return QTest::qWaitFor(
            [this] {
                received();
                return closed();
            },
            ms);
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

QByteArray request(const QByteArray &method, const QByteArray &target,
    const QList<QByteArray> &headers = {}, const QByteArray &body = {}, bool close = true)
{
    QByteArray r = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const QByteArray &h : headers)
        r += h + "\r\n";
    if (!body.isEmpty())
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (close)
        r += "Connection: close\r\n";
    return r + "\r\n" + body;
}

QByteArray randomBytes(quint32 seed, qsizetype size, bool printable)
{
    QRandomGenerator rng(seed);
    QByteArray out(size, '\0');
    for (char &c : out) {
        c = printable ? static_cast<char>(rng.bounded(0x20, 0x7f))
                      : static_cast<char>(rng.bounded(256));
        if (printable && rng.bounded(64) == 0)
            c = '\n';
    }
    return out;
}

// Empty when `body` is the API error shape {"ok": false, "error": "<text>"}.
QString apiErrorProblem(const QByteArray &body)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return QStringLiteral("not a JSON object: %1").arg(QString::fromLatin1(body.left(200)));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("ok")) != QJsonValue(false)
        || o.value(QStringLiteral("error")).toString().isEmpty())
        return QStringLiteral("not {\"ok\":false,\"error\":...}: %1")
            .arg(QString::fromUtf8(body.left(200)));
    return {};
}

// The error text of an API error or an OAuth error body.
QString errorText(const QJsonObject &o)
{
    return o.value(QStringLiteral("error")).toString() + QLatin1Char(' ')
        + o.value(QStringLiteral("error_description")).toString();
}

// Whether the process is running (and not a zombie).
bool processAlive(SandboxProcess &process)
{
    const qint64 pid = process.pid();
    if (pid <= 0)
        return false;
#ifdef Q_OS_LINUX
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray s = stat.readAll();
    const qsizetype paren = s.lastIndexOf(')');
    return paren > 0 && paren + 2 < s.size() && s.at(paren + 2) != 'Z' && s.at(paren + 2) != 'X';
#elif defined(Q_OS_UNIX)
    return ::kill(static_cast<pid_t>(pid), 0) == 0;
#elif defined(Q_OS_WIN)
    const HANDLE handle
        = ::OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid));
    if (!handle)
        return false;
    DWORD code = 0;
    const bool running = ::GetExitCodeProcess(handle, &code) != 0 && code == STILL_ACTIVE;
    ::CloseHandle(handle);
    return running;
#else
    return true;
#endif
}

// Reads /admin/stats over one keep-alive connection, so that polling it does not itself leave
// closed connections behind in the count.
class StatsProbe
{
public:
    explicit StatsProbe(SandboxProcess &sandbox)
        : m_client(static_cast<quint16>(sandbox.url().port()))
        , m_authorization("Authorization: Bearer " + sandbox.adminToken().toLatin1())
    { }
    QJsonObject stats()
    {
        if (m_client.closed() || !m_client.waitConnected())
            return {};
        m_client.send(request("GET", "/admin/stats", {m_authorization}, {}, false));
        const RawResponse r = m_client.next(5000);
        return r.status == 200 ? r.json() : QJsonObject();
    }
    int connections() { return stats().value(QStringLiteral("connections")).toInt(-1); }
    int openStreams() { return stats().value(QStringLiteral("open_streams")).toInt(-1); }

private:
    RawClient m_client;
    QByteArray m_authorization;
};

// A sandbox with its own flags, for tests that need them.
struct Instance
{
    SandboxProcess process;
    QString deviceId;
    quint16 port() const { return static_cast<quint16>(process.url().port()); }
    QUrl api(const QString &path) const
    {
        return process.url(QStringLiteral("/v1/products/%1%2").arg(process.productId()).arg(path));
    }
    QUrl device() const { return api(QStringLiteral("/devices/") + deviceId); }
    // Starts with a small demo fleet; `knownDevice` (the same seed makes the same fleet) saves
    // looking one up through an API that may be faulty or rate limited.
    bool start(const QStringList &flags, const QString &knownDevice = QString())
    {
        if (!process.start(QStringList {QStringLiteral("--devices"), QStringLiteral("30"),
                               QStringLiteral("--seed"), QStringLiteral("11")}
                + flags))
            return false;
        deviceId = knownDevice;
        if (!deviceId.isEmpty())
            return true;
        Http http(process.token());
        const HttpResult r = http.get(api(QStringLiteral("/devices?perPage=1")));
        const QJsonArray devices = r.json().value(QStringLiteral("devices")).toArray();
        deviceId = devices.isEmpty()
            ? QString()
            : devices.first().toObject().value(QStringLiteral("id")).toString();
        return r.status == 200 && !deviceId.isEmpty();
    }
    QByteArray bearer() const { return "Authorization: Bearer " + process.token().toLatin1(); }
};

// The fields of a device an update could change.
QJsonObject editable(const QJsonObject &device)
{
    QJsonObject out;
    for (const char *key : {"name", "notes", "groups", "development", "desired_firmware_version",
             "firmware_updates_forced"})
        out.insert(QLatin1String(key), device.value(QLatin1String(key)));
    return out;
}

} // namespace

class TestSandboxRobustness final : public QObject
{
    Q_OBJECT

private:
    Instance m_main;

    quint16 port() const { return m_main.port(); }
    QByteArray productPath(const QByteArray &rest = {}) const
    {
        return "/v1/products/" + QByteArray::number(m_main.process.productId()) + rest;
    }
    QByteArray devicePath() const { return productPath("/devices/" + m_main.deviceId.toLatin1()); }

    // A normal API request on a new connection answers 200, and the process still runs.
    void verifyServing(Instance &instance)
    {
        Http http(instance.process.token());
        const HttpResult r = http.get(instance.api(QString()));
        QVERIFY2(r.status == 200,
            qPrintable(QStringLiteral("after the abuse the API answered %1: %2")
                           .arg(r.status)
                           .arg(QString::fromUtf8(r.body.left(200)))));
        QVERIFY(r.json().contains(QStringLiteral("product")));
        QVERIFY2(processAlive(instance.process),
            instance.process.stderrOutput().right(2000).constData());
    }

    QJsonObject getDevice(Instance &instance)
    {
        Http http(instance.process.token());
        const HttpResult r = http.get(instance.device());
        return r.status == 200 ? r.json() : QJsonObject();
    }

    // The firmware versions of the product.
    QList<int> firmwareVersions(Instance &instance)
    {
        Http http(instance.process.token());
        QList<int> versions;
        const QJsonArray list = http.get(instance.api(QStringLiteral("/firmware"))).array();
        for (const QJsonValue &fw : list)
            versions.append(fw.toObject().value(QStringLiteral("version")).toInt());
        return versions;
    }

    // Sends `bytes` on a new connection and reads the answer (or the end of the connection).
    RawResponse exchange(quint16 to, const QByteArray &bytes, int timeoutMs)
    {
        RawClient client(to);
        if (!client.waitConnected())
            return {};
        client.send(bytes);
        return client.next(timeoutMs);
    }

    // Puts fault settings through the admin route; the answer's status.
    int putFaults(Instance &instance, const QJsonObject &settings)
    {
        Http http(instance.process.adminToken());
        return http.putJson(instance.process.url(QStringLiteral("/admin/faults")), settings).status;
    }

    QByteArray loginForm(Instance &instance, const QString &password)
    {
        const QJsonObject line = instance.process.startLine();
        return "grant_type=password&username="
            + QUrl::toPercentEncoding(line.value(QStringLiteral("username")).toString())
            + "&password=" + QUrl::toPercentEncoding(password)
            + "&client_id=particle-api&client_secret=particle-api";
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(
            m_main.start({QStringLiteral("--request-timeout-ms"), QString::number(RequestTimeoutMs),
                QStringLiteral("--max-body-bytes"), QString::number(MaxBodyBytes),
                QStringLiteral("--idle-timeout-ms"), QStringLiteral("60000")}),
            qPrintable(m_main.process.errorString()));
    }

    // ---- Bad bytes on the wire ----------------------------------------------------------------

    void abuseGetsAnErrorOrAClose_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status"); // the answer the sandbox must give
        QTest::addColumn<bool>("mayJustClose"); // large input: the answer may be lost to a reset
        QTest::addColumn<int>("withinMs");

        // Seeded random buffers: binary, printable with line breaks, and very long lines.
        for (quint32 seed = 1; seed <= 4; ++seed) {
            const qsizetype size = qsizetype(1) << (6 + 3 * seed); // 512 B .. 256 KiB
            QTest::addRow("random binary, seed %u, %lld bytes", seed, static_cast<long long>(size))
                << randomBytes(seed, size, false) << 400 << (size > 4096) << Prompt;
            QTest::addRow("random text, seed %u, %lld bytes", seed, static_cast<long long>(size))
                << randomBytes(seed + 100, size, true) << 400 << (size > 4096) << Prompt;
        }
        QTest::newRow("random bytes after a valid request line")
            << QByteArray("GET /v1/user HTTP/1.1\r\n" + randomBytes(7, 300, false)) << 400 << false
            << Prompt;
        QTest::newRow("very long line, no line break")
            << QByteArray("GET /" + QByteArray(20000, 'a')) << 400 << true << Prompt;
        QTest::newRow("very long request target")
            << request("GET", '/' + QByteArray(9000, 'a')) << 400 << false << Prompt;
        QTest::newRow("very long method")
            << request(QByteArray(40, 'G'), "/") << 400 << false << Prompt;

        // Malformed request lines.
        QTest::newRow("method only") << QByteArray("GET\r\n\r\n") << 400 << false << Prompt;
        QTest::newRow("no version") << QByteArray("GET /v1/user\r\n\r\n") << 400 << false << Prompt;
        QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 400 << false << Prompt;
        QTest::newRow("HTTP/0.9 style") << QByteArray("GET /\r\n") << 400 << false << Prompt;
        QTest::newRow("lower-case method")
            << QByteArray("get / HTTP/1.1\r\n\r\n") << 400 << false << Prompt;
        QTest::newRow("two spaces")
            << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 400 << false << Prompt;
        QTest::newRow("extra token")
            << QByteArray("GET / HTTP/1.1 x\r\n\r\n") << 400 << false << Prompt;
        QTest::newRow("NUL in method")
            << QByteArray("G\0ET / HTTP/1.1\r\n\r\n", 20) << 400 << false << Prompt;
        QTest::newRow("control byte in target")
            << QByteArray("GET /a\x01 HTTP/1.1\r\n\r\n") << 400 << false << Prompt;
        QTest::newRow("leading space")
            << QByteArray(" GET / HTTP/1.1\r\n\r\n") << 400 << false << Prompt;
        QTest::newRow("TLS client hello")
            << QByteArray::fromHex("16030100a5010000a10303") + randomBytes(3, 160, false) << 400
            << false << Prompt;

        // Malformed header sections.
        QTest::newRow("header without colon")
            << request("GET", "/v1/user", {"NoColonHere"}) << 400 << false << Prompt;
        QTest::newRow("space in header name")
            << request("GET", "/v1/user", {"Bad Header: x"}) << 400 << false << Prompt;
        QTest::newRow("empty header name")
            << request("GET", "/v1/user", {": x"}) << 400 << false << Prompt;
        QTest::newRow("folded header line")
            << request("GET", "/v1/user", {"X-A: a", " Content-Length: 5"}) << 400 << false
            << Prompt;
        QTest::newRow("NUL in header value")
            << request("GET", "/v1/user", {QByteArray("X-A: a\0b", 8)}) << 400 << false << Prompt;
        QTest::newRow("WebSocket upgrade")
            << request("GET", "/v1/user", {"Connection: Upgrade", "Upgrade: websocket"}) << 400
            << false << Prompt;

        // Body framing.
        QTest::newRow("Content-Length not a number")
            << request("PUT", "/v1/user", {"Content-Length: abc"}) << 400 << false << Prompt;
        QTest::newRow("negative Content-Length")
            << request("PUT", "/v1/user", {"Content-Length: -5"}) << 400 << false << Prompt;
        QTest::newRow("conflicting Content-Lengths")
            << request("POST", "/v1/user", {"Content-Length: 2", "Content-Length: 3"}, {}, false)
                + "abc"
            << 400 << false << Prompt;
        QTest::newRow("Content-Length overflowing 64 bits")
            << request("PUT", "/v1/user", {"Content-Length: 99999999999999999999999"}) << 400
            << false << Prompt;
        QTest::newRow("Content-Length far above the limit") << request("PUT", devicePath(),
            {"Content-Length: 1000000000"}) << 413 << false << Prompt;
        QTest::newRow("Content-Length above the limit, body following") << request("PUT",
            devicePath(), {"Content-Type: application/json"}, QByteArray(MaxBodyBytes + 1, 'x'))
                                                                        << 413 << true << Prompt;
        QTest::newRow("unknown Transfer-Encoding")
            << request("POST", "/v1/user", {"Transfer-Encoding: gzip"}) << 400 << false << Prompt;
        QTest::newRow("two Transfer-Encodings") << request(
            "POST", "/v1/user", {"Transfer-Encoding: chunked", "Transfer-Encoding: identity"})
                                                << 400 << false << Prompt;
        QTest::newRow("invalid chunk size")
            << request("POST", "/v1/user", {"Transfer-Encoding: chunked"})
                + "zz\r\nabc\r\n0\r\n\r\n"
            << 400 << false << Prompt;
        QTest::newRow("chunk without CRLF")
            << request("POST", "/v1/user", {"Transfer-Encoding: chunked"})
                + "3\r\nabcdef\r\n0\r\n\r\n"
            << 400 << false << Prompt;
        QTest::newRow("chunk size above the limit")
            << request("POST", "/v1/user", {"Transfer-Encoding: chunked"}) + "7fffffffffff\r\n"
            << 413 << false << Prompt;
        QTest::newRow("chunked trailer")
            << request("POST", "/v1/user", {"Transfer-Encoding: chunked"})
                + "1\r\na\r\n0\r\nX-T: 1\r\n\r\n"
            << 400 << false << Prompt;

        // Oversized headers.
        QTest::newRow("one huge header")
            << request("GET", "/v1/user", {"X-Fill: " + QByteArray(MaxHeaderBytes + 100, 'a')})
            << 431 << true << Prompt;
        QByteArrayList many;
        for (int i = 0; i < 3000; ++i)
            many.append("X-Header-" + QByteArray::number(i) + ": " + QByteArray(20, 'v'));
        QTest::newRow("thousands of headers")
            << request("GET", "/v1/user", many) << 431 << true << Prompt;
        QTest::newRow("huge header, never finished") << QByteArray(
            "GET /v1/user HTTP/1.1\r\nX-Fill: " + QByteArray(MaxHeaderBytes + 10, 'b'))
                                                     << 431 << true << Prompt;

        // Truncated requests: nothing more comes, so the request timeout answers.
        const int timedOut = RequestTimeoutMs + Prompt;
        QTest::newRow("request line cut off")
            << QByteArray("GET /v1/us") << 408 << false << timedOut;
        QTest::newRow("headers cut off")
            << QByteArray("GET /v1/user HTTP/1.1\r\nHost: x\r\n") << 408 << false << timedOut;
        QTest::newRow("header line cut off")
            << QByteArray("GET /v1/user HTTP/1.1\r\nAuthoriza") << 408 << false << timedOut;
        QTest::newRow("body shorter than Content-Length") << request("PUT", devicePath(),
                                                                 {"Content-Type: application/json",
                                                                     "Content-Length: 100"})
                + "{\"name\":" << 408 << false << timedOut;
        QTest::newRow("chunked body cut off")
            << request("PUT", devicePath(), {"Transfer-Encoding: chunked"}) + "10\r\n{\"name\""
            << 408 << false << timedOut;
    }

    void abuseGetsAnErrorOrAClose()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QFETCH(bool, mayJustClose);
        QFETCH(int, withinMs);

        const RawResponse r = exchange(port(), bytes, withinMs + 2000);
        QVERIFY2(!r.timedOut,
            qPrintable(QStringLiteral("no answer and no close after %1 ms; got: %2")
                           .arg(r.elapsedMs)
                           .arg(QString::fromLatin1(r.raw.left(300)))));
        QVERIFY2(
            r.elapsedMs <= withinMs, qPrintable(QStringLiteral("took %1 ms").arg(r.elapsedMs)));
        if (r.raw.isEmpty() && mayJustClose) {
            QVERIFY(r.closed);
        } else {
            QVERIFY2(r.complete, r.raw.left(300).constData());
            QCOMPARE(r.status, status);
            const QString problem = apiErrorProblem(r.body);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            QCOMPARE(r.header("content-type"), QByteArray("application/json"));
            QCOMPARE(r.header("connection"), QByteArray("close"));
        }
        if (status == 408)
            QVERIFY2(r.elapsedMs >= RequestTimeoutMs, qPrintable(QString::number(r.elapsedMs)));
        verifyServing(m_main);
    }

    // A request sent one byte at a time, never finishing: the request timeout counts from its
    // first byte, so trickling does not keep it open.
    void slowRequestTimesOut()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        const QByteArray slow = "GET /v1/user HTTP/1.1\r\nX-Slow: " + QByteArray(1000, 's');
        qsizetype sent = 0;
        QTimer drip;
        drip.setInterval(RequestTimeoutMs / 6);
        QObject::connect(&drip, &QTimer::timeout, &drip, [&] {
            if (sent < slow.size() && !client.closed())
                client.send(slow.mid(sent++, 1));
        });
        drip.start();
        const RawResponse r = client.next(RequestTimeoutMs * 4 + Prompt);
        drip.stop();
        QVERIFY2(!r.timedOut,
            qPrintable(
                QStringLiteral("still open after %1 ms and %2 bytes").arg(r.elapsedMs).arg(sent)));
        QCOMPARE(r.status, 408);
        QVERIFY(apiErrorProblem(r.body).isEmpty());
        QVERIFY(r.elapsedMs >= RequestTimeoutMs);
        QVERIFY(sent < slow.size());
        QVERIFY(client.waitClosed(Prompt));
        verifyServing(m_main);
    }

    // A chunked body streamed chunk after chunk past --max-body-bytes is cut off at the limit:
    // the server answers 413 (or closes) long before the client is done.
    void chunkedBodyStreamedPastTheLimit()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        client.send(request("PUT", devicePath(),
            {m_main.bearer(), "Content-Type: application/json", "Transfer-Encoding: chunked"}));
        const QByteArray chunk = "1000\r\n" + QByteArray(0x1000, ' ') + "\r\n";
        const qint64 budget = 16 * MaxBodyBytes;
        qint64 streamed = 0;
        const auto reacted = [&] {
            if (!client.received().isEmpty() || client.closed())
                return true;
            // Keep the pipe full, but only a chunk or two ahead of the server.
            if (client.socket().bytesToWrite() < 2 * chunk.size() && streamed < budget) {
                client.send(chunk);
                streamed += 0x1000;
            }
            return false;
        };
        QVERIFY2(QTest::qWaitFor(reacted, 10000),
            qPrintable(
                QStringLiteral("the server took %1 body bytes without objecting").arg(streamed)));
        QVERIFY2(streamed < budget, qPrintable(QString::number(streamed)));
        QVERIFY(streamed > MaxBodyBytes - 0x2000); // nothing was refused below the limit
        const RawResponse r = client.next(Prompt);
        QVERIFY(!r.timedOut);
        if (!r.raw.isEmpty()) { // else the answer was lost to the reset of the connection
            QCOMPARE(r.status, 413);
            QVERIFY(apiErrorProblem(r.body).isEmpty());
        }
        QVERIFY(client.waitClosed(Prompt + 5000));
        verifyServing(m_main);
    }

    // Requests pipelined on one connection, split at awkward places, with valid chunked bodies:
    // all are answered (the guard must not inspect the same bytes twice).
    void pipelinedAndSplitRequestsAreAnswered()
    {
        RawClient client(port());
        QVERIFY(client.waitConnected());
        const QByteArray get = request("GET", productPath(), {m_main.bearer()}, {}, false);
        // A whole request and the first half of the next one in one write.
        client.send(get + get.left(get.size() / 2));
        RawResponse first = client.next(Prompt);
        QCOMPARE(first.status, 200);
        client.send(get.mid(get.size() / 2));
        QCOMPARE(client.next(Prompt).status, 200);

        // A chunked JSON body in pieces, cut inside the size line, the data and the final CRLF.
        const QByteArray notes = "{\"notes\":\"chunked-"
            + QByteArray::number(QRandomGenerator::global()->generate()) + "\"}";
        const QByteArray chunked
            = request("PUT", devicePath(),
                  {m_main.bearer(), "Content-Type: application/json", "Transfer-Encoding: chunked"},
                  {}, false)
            + QByteArray::number(notes.size() - 5, 16) + ";ext=1\r\n" + notes.left(notes.size() - 5)
            + "\r\n" + QByteArray::number(5, 16) + "\r\n" + notes.right(5) + "\r\n0\r\n\r\n";
        const QByteArray all = chunked + get;
        for (qsizetype at = 0; at < all.size();) {
            const qsizetype n = std::min<qsizetype>(7 + at % 13, all.size() - at);
            client.send(all.mid(at, n));
            at += n;
            QVERIFY(
                client.socket().waitForBytesWritten(1000) || client.socket().bytesToWrite() == 0);
        }
        const RawResponse put = client.next(Prompt);
        QCOMPARE(put.status, 200);
        QCOMPARE(put.json().value(QStringLiteral("notes")).toString(),
            QJsonDocument::fromJson(notes).object().value(QStringLiteral("notes")).toString());
        QCOMPARE(client.next(Prompt).status, 200);
        QVERIFY(!client.closed());
        QCOMPARE(getDevice(m_main).value(QStringLiteral("notes")),
            put.json().value(QStringLiteral("notes")));
    }

    // Fifty connections sending different garbage at the same moment.
    void concurrentGarbage()
    {
        constexpr int Clients = 50;
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < Clients; ++i)
            clients.push_back(std::make_unique<RawClient>(port()));
        for (auto &c : clients)
            QVERIFY(c->waitConnected());
        for (int i = 0; i < Clients; ++i) {
            const QByteArray junk = i % 3 == 0 ? randomBytes(1000 + i, 2000, false)
                : i % 3 == 1                   ? randomBytes(2000 + i, 2000, true)
                             : "POST /v1/user HTTP/1.1\r\nContent-Length: x" + QByteArray::number(i)
                    + "\r\n\r\n";
            clients.at(static_cast<size_t>(i))->send(junk);
        }
        int answered = 0;
        for (auto &c : clients) {
            const RawResponse r = c->next(Prompt * 2);
            QVERIFY2(!r.timedOut, r.raw.left(200).constData());
            if (!r.raw.isEmpty()) {
                QCOMPARE(r.status, 400);
                QVERIFY(apiErrorProblem(r.body).isEmpty());
                ++answered;
            }
            QVERIFY(c->waitClosed(Prompt));
        }
        QVERIFY2(answered > Clients / 2, qPrintable(QString::number(answered)));
        clients.clear();
        verifyServing(m_main);
        StatsProbe probe(m_main.process);
        QTRY_COMPARE_WITH_TIMEOUT(probe.connections(), 1, 5000);
    }

    // Clients that go away in the middle of a request leave nothing behind.
    void clientDisconnectsMidRequest_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        // Keep-alive, so that the server holds every connection until the client goes.
        const QByteArray put = request("PUT", devicePath(),
            {m_main.bearer(), "Content-Type: application/json"}, "{\"notes\":\"never\"}", false);
        QTest::newRow("in the request line") << QByteArray("GET /v1/pro");
        QTest::newRow("in the headers") << put.left(put.indexOf("Content-Type") + 5);
        QTest::newRow("in the body") << put.left(put.size() - 4);
        QTest::newRow("in a chunked body")
            << request("PUT", devicePath(), {m_main.bearer(), "Transfer-Encoding: chunked"})
                + "20\r\n{\"notes\":";
        QTest::newRow("before reading the answer") << put;
    }

    void clientDisconnectsMidRequest()
    {
        QFETCH(QByteArray, bytes);
        const QJsonObject before = editable(getDevice(m_main));
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 10; ++i) {
            clients.push_back(std::make_unique<RawClient>(port()));
            QVERIFY(clients.back()->waitConnected());
            clients.back()->send(bytes);
            QVERIFY(clients.back()->socket().waitForBytesWritten(1000)
                || clients.back()->socket().bytesToWrite() == 0);
        }
        StatsProbe probe(m_main.process);
        QTRY_VERIFY_WITH_TIMEOUT(probe.connections() >= 10, 5000); // the server has them all
        for (auto &c : clients)
            c->socket().abort();
        clients.clear();
        QTRY_COMPARE_WITH_TIMEOUT(probe.connections(), 1, 5000);
        verifyServing(m_main);
        if (!QByteArray(QTest::currentDataTag()).startsWith("before"))
            QCOMPARE(editable(getDevice(m_main)), before);
    }

    // ---- Malformed bodies to real endpoints ---------------------------------------------------

    void malformedBodiesChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("endpoint"); // device, firmware or token
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");

        const QByteArray json = "application/json";
        const QByteArray form = "application/x-www-form-urlencoded";
        const QByteArray multipart = "multipart/form-data; boundary=XyZ";
        const QString device = QStringLiteral("device");
        QTest::newRow("device: JSON cut off")
            << QByteArray("PUT") << device << json << QByteArray("{\"name\":\"x")
            << QStringLiteral("Malformed JSON body");
        QTest::newRow("device: JSON array")
            << QByteArray("PUT") << device << json << QByteArray("[\"name\"]")
            << QStringLiteral("expected a JSON object");
        QTest::newRow("device: JSON with trailing garbage")
            << QByteArray("PUT") << device << json << QByteArray("{\"name\":\"renamed\"} }")
            << QStringLiteral("Malformed JSON body");
        QTest::newRow("device: binary as JSON")
            << QByteArray("PUT") << device << json << randomBytes(5, 64, false)
            << QStringLiteral("Malformed JSON body");
        QTest::newRow("device: JSON, one bad field")
            << QByteArray("PUT") << device << json
            << QByteArray("{\"name\":\"renamed\",\"development\":\"maybe\"}")
            << QStringLiteral("'development' must be true or false");
        QTest::newRow("device: form, one bad field")
            << QByteArray("PUT") << device << form
            << QByteArray("name=renamed&notes=x&development=maybe")
            << QStringLiteral("'development' must be true or false");
        QTest::newRow("device: form, bad name")
            << QByteArray("PUT") << device << form << QByteArray("name=bad%20name%21")
            << QStringLiteral("Device name may only contain");
        QTest::newRow("device: form with NUL")
            << QByteArray("PUT") << device << form << QByteArray("name=a\0b", 8)
            << QStringLiteral("Device name may only contain");
        QTest::newRow("device: no content type, not a form")
            << QByteArray("PUT") << device << QByteArray() << QByteArray("just some text")
            << QStringLiteral("Unsupported request body");
        QTest::newRow("device: unsupported content type")
            << QByteArray("PUT") << device << QByteArray("text/plain") << QByteArray("name=renamed")
            << QStringLiteral("Unsupported Content-Type");
        QTest::newRow("device: multipart without boundary")
            << QByteArray("PUT") << device << QByteArray("multipart/form-data")
            << QByteArray("--XyZ\r\n") << QStringLiteral("missing or invalid boundary");
        QTest::newRow("device: multipart cut off")
            << QByteArray("PUT") << device << multipart
            << QByteArray("--XyZ\r\nContent-Disposition: form-data; "
                          "name=\"name\"\r\n\r\nrenamed\r\n--XyZ\r\nContent-Dispos")
            << QStringLiteral("truncated or missing the closing boundary");

        const QString firmware = QStringLiteral("firmware");
        const QByteArray part
            = "--XyZ\r\nContent-Disposition: form-data; name=\"binary\"; filename=\"fw.bin\"\r\n"
              "Content-Type: application/octet-stream\r\n\r\n"
            + randomBytes(9, 256, false) + "\r\n";
        QTest::newRow("firmware: JSON instead of multipart")
            << QByteArray("POST") << firmware << json
            << QByteArray("{\"version\":77,\"title\":\"x\"}")
            << QStringLiteral("must be multipart/form-data");
        QTest::newRow("firmware: multipart without boundary")
            << QByteArray("POST") << firmware << QByteArray("multipart/form-data") << part
            << QStringLiteral("missing or invalid boundary");
        QTest::newRow("firmware: boundary not in body")
            << QByteArray("POST") << firmware << QByteArray("multipart/form-data; boundary=Other")
            << part + "--XyZ--\r\n"
            << QStringLiteral("boundary not found");
        QTest::newRow("firmware: multipart cut off")
            << QByteArray("POST") << firmware << multipart << part.left(part.size() - 40)
            << QStringLiteral("truncated or missing the closing boundary");
        QTest::newRow("firmware: part without a name")
            << QByteArray("POST") << firmware << multipart
            << QByteArray("--XyZ\r\nContent-Disposition: attachment\r\n\r\n77\r\n--XyZ--\r\n")
            << QStringLiteral("no Content-Disposition form-data name");
        QTest::newRow("firmware: version not a number")
            << QByteArray("POST") << firmware << multipart
            << part
                + "--XyZ\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\nseventy\r\n"
                  "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--XyZ--\r\n"
            << QStringLiteral("'version' must be an integer");

        const QString token = QStringLiteral("token");
        QTest::newRow("token: malformed JSON")
            << QByteArray("POST") << token << json << QByteArray("{\"grant_type\":")
            << QStringLiteral("Malformed JSON body");
        QTest::newRow("token: JSON instead of a form")
            << QByteArray("POST") << token << json << QByteArray("{\"grant_type\":\"password\"}")
            << QStringLiteral("application/x-www-form-urlencoded");
        QTest::newRow("token: multipart cut off")
            << QByteArray("POST") << token << multipart
            << QByteArray(
                   "--XyZ\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\npass")
            << QStringLiteral("truncated or missing the closing boundary");
    }

    void malformedBodiesChangeNothing()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, endpoint);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, message);

        const QJsonObject deviceBefore = editable(getDevice(m_main));
        QVERIFY(!deviceBefore.value(QStringLiteral("name")).toString().isEmpty());
        const QList<int> firmwareBefore = firmwareVersions(m_main);
        QVERIFY(!firmwareBefore.isEmpty());

        QByteArray target = devicePath();
        QList<QByteArray> headers {m_main.bearer()};
        if (endpoint == QLatin1String("firmware")) {
            target = productPath("/firmware");
        } else if (endpoint == QLatin1String("token")) {
            target = "/oauth/token";
            headers.clear();
        }
        if (!contentType.isEmpty())
            headers.append("Content-Type: " + contentType);
        const RawResponse r = exchange(port(), request(method, target, headers, body), Prompt);
        QVERIFY2(r.complete, r.raw.left(300).constData());
        QCOMPARE(r.status, 400);
        const QJsonObject error = r.json();
        if (endpoint == QLatin1String("token")) {
            // The token endpoint speaks OAuth: {"error": code, "error_description": text}.
            QCOMPARE(
                error.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
            QVERIFY(!error.contains(QStringLiteral("access_token")));
        } else {
            const QString problem = apiErrorProblem(r.body);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        QVERIFY2(errorText(error).contains(message), qPrintable(errorText(error)));

        QCOMPARE(editable(getDevice(m_main)), deviceBefore);
        QCOMPARE(firmwareVersions(m_main), firmwareBefore);
        verifyServing(m_main);
    }

    // ---- Fault injection ----------------------------------------------------------------------

    void burst429HitsExactlyTheNextCalls()
    {
        Http http(m_main.process.token());
        Http admin(m_main.process.adminToken());
        const QUrl burst = m_main.process.url(QStringLiteral("/admin/faults/burst429"));
        const QUrl stats = m_main.process.url(QStringLiteral("/admin/stats"));
        QCOMPARE(http.get(m_main.api(QString())).status, 200);
        QCOMPARE(admin.postJson(burst, QJsonObject {{QStringLiteral("count"), 5}}).status, 200);
        for (int i = 0; i < 5; ++i) {
            const HttpResult r = http.get(m_main.api(QString()));
            QCOMPARE(r.status, 429);
            const QString problem = apiErrorProblem(r.body);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            QCOMPARE(admin.get(stats).status, 200); // admin routes neither count nor consume
        }
        QCOMPARE(http.get(m_main.api(QString())).status, 200);

        // Bad counts are refused and start no burst.
        for (const QJsonValue &bad :
            {QJsonValue(0), QJsonValue(-3), QJsonValue(2.5), QJsonValue(QStringLiteral("5")),
                QJsonValue(2000000), QJsonValue(QJsonValue::Null)}) {
            const HttpResult r
                = admin.postJson(burst, QJsonObject {{QStringLiteral("count"), bad}});
            QVERIFY2(r.status == 400,
                qPrintable(QString::fromUtf8(
                    QJsonDocument(QJsonArray {bad}).toJson(QJsonDocument::Compact))));
            QVERIFY(apiErrorProblem(r.body).isEmpty());
            QCOMPARE(http.get(m_main.api(QString())).status, 200);
        }
        QCOMPARE(admin.send("POST", burst, "{\"count\":", "application/json").status, 400);
        QCOMPARE(http.get(m_main.api(QString())).status, 200);
    }

    void faultSettingsAreValidated_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("error_rate above 1") << QByteArray("{\"error_rate\":1.5}");
        QTest::newRow("negative error_rate") << QByteArray("{\"error_rate\":-0.1}");
        QTest::newRow("error_rate as text") << QByteArray("{\"error_rate\":\"0.5\"}");
        QTest::newRow("drop_rate as boolean") << QByteArray("{\"drop_rate\":true}");
        QTest::newRow("rates adding up above 1")
            << QByteArray("{\"error_rate\":0.6,\"drop_rate\":0.6}");
        QTest::newRow("negative latency") << QByteArray("{\"latency_ms\":-1}");
        QTest::newRow("latency too long") << QByteArray("{\"latency_ms\":600001}");
        QTest::newRow("fractional latency") << QByteArray("{\"latency_ms\":12.5}");
        QTest::newRow("null jitter") << QByteArray("{\"latency_jitter_ms\":null}");
        QTest::newRow("empty burst") << QByteArray("{\"burst429_length\":0}");
        QTest::newRow("unknown setting") << QByteArray("{\"explode\":1}");
        QTest::newRow("good and bad together")
            << QByteArray("{\"error_rate\":0.2,\"latency_ms\":-5}");
        QTest::newRow("not JSON") << QByteArray("error_rate=0.5");
        QTest::newRow("JSON array") << QByteArray("[{\"error_rate\":0.5}]");
    }

    void faultSettingsAreValidated()
    {
        QFETCH(QByteArray, body);
        Http admin(m_main.process.adminToken());
        const QUrl faults = m_main.process.url(QStringLiteral("/admin/faults"));
        const HttpResult before = admin.get(faults);
        QCOMPARE(before.status, 200);
        const HttpResult r = admin.send("PUT", faults, body, "application/json");
        QCOMPARE(r.status, 400);
        const QString problem = apiErrorProblem(r.body);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(admin.get(faults).json(), before.json());
        verifyServing(m_main);
    }

    void faultSettingsRoundTrip()
    {
        Http admin(m_main.process.adminToken());
        const QUrl faults = m_main.process.url(QStringLiteral("/admin/faults"));
        const QJsonObject set {
            {QStringLiteral("latency_jitter_ms"), 0}, {QStringLiteral("burst429_length"), 7}};
        const HttpResult r = admin.putJson(faults, set);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("burst429_length")).toInt(), 7);
        QCOMPARE(admin.get(faults).json().value(QStringLiteral("burst429_length")).toInt(), 7);
        QCOMPARE(admin.get(faults).json().value(QStringLiteral("error_rate")).toDouble(), 0.0);
    }

    void errorRateFailsAboutHalf()
    {
        Instance sandbox;
        QVERIFY2(sandbox.start({QStringLiteral("--fault-error-rate"), QStringLiteral("0.5")},
                     m_main.deviceId),
            qPrintable(sandbox.process.errorString()));
        Http http(sandbox.process.token());
        Http admin(sandbox.process.adminToken());
        constexpr int Requests = 80;
        QMap<int, int> statuses;
        for (int i = 0; i < Requests; ++i) {
            const HttpResult r = http.get(sandbox.api(QString()));
            ++statuses[r.status];
            if (r.status == 200) {
                QVERIFY(r.json().contains(QStringLiteral("product")));
            } else {
                QVERIFY2(r.status == 500 || r.status == 503, qPrintable(QString::number(r.status)));
                const QString problem = apiErrorProblem(r.body);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
            }
        }
        const int failed = statuses.value(500) + statuses.value(503);
        QVERIFY2(failed >= Requests * 3 / 10 && failed <= Requests * 7 / 10,
            qPrintable(QString::number(failed)));
        QVERIFY(statuses.value(500) > 0);
        QVERIFY(statuses.value(503) > 0);
        QCOMPARE(statuses.value(200), Requests - failed);
        const QJsonObject stats
            = admin.get(sandbox.process.url(QStringLiteral("/admin/stats"))).json();
        QCOMPARE(stats.value(QStringLiteral("faults_injected")).toInt(), failed);

        // Failed requests have no effect: the notes are those of the last successful update.
        QString lastApplied;
        bool failedAfterSuccess = false;
        for (int i = 0; i < 40 && !failedAfterSuccess; ++i) {
            const QString notes = QStringLiteral("attempt-%1").arg(i);
            const int status
                = http.putJson(sandbox.device(), QJsonObject {{QStringLiteral("notes"), notes}})
                      .status;
            QVERIFY(status == 200 || status == 500 || status == 503);
            if (status == 200)
                lastApplied = notes;
            else
                failedAfterSuccess = !lastApplied.isEmpty();
        }
        QVERIFY(failedAfterSuccess);
        QCOMPARE(putFaults(sandbox, QJsonObject {{QStringLiteral("error_rate"), 0}}), 200);
        QCOMPARE(getDevice(sandbox).value(QStringLiteral("notes")).toString(), lastApplied);
        verifyServing(sandbox);
    }

    void dropRateCutsAnswersButApplies()
    {
        Instance sandbox;
        QVERIFY2(sandbox.start(
                     {QStringLiteral("--fault-drop-rate"), QStringLiteral("1")}, m_main.deviceId),
            qPrintable(sandbox.process.errorString()));

        // On the wire: the answer stops half-way and the connection closes.
        const QByteArray renameA = "{\"name\":\"dropped-a\"}";
        const RawResponse r = exchange(sandbox.port(),
            request("PUT", sandbox.device().path().toLatin1(),
                {sandbox.bearer(), "Content-Type: application/json"}, renameA, false),
            Prompt);
        QVERIFY(!r.timedOut);
        QVERIFY(r.closed);
        QVERIFY2(!r.complete, r.raw.constData());
        QVERIFY2(!r.raw.isEmpty(), "nothing at all was sent");
        QVERIFY(r.raw.startsWith("HTTP/1.1 200"));
        QCOMPARE(putFaults(sandbox, QJsonObject {{QStringLiteral("drop_rate"), 0}}), 200);
        QCOMPARE(getDevice(sandbox).value(QStringLiteral("name")).toString(),
            QStringLiteral("dropped-a"));

        // Through QNetworkAccessManager: the reply fails, yet the rename happened.
        QCOMPARE(putFaults(sandbox, QJsonObject {{QStringLiteral("drop_rate"), 1}}), 200);
        Http http(sandbox.process.token());
        const HttpResult dropped = http.putJson(
            sandbox.device(), QJsonObject {{QStringLiteral("name"), QStringLiteral("dropped-b")}});
        QVERIFY2(dropped.networkError != 0, qPrintable(QString::number(dropped.status)));
        QVERIFY(QJsonDocument::fromJson(dropped.body).isNull());
        QCOMPARE(putFaults(sandbox, QJsonObject {{QStringLiteral("drop_rate"), 0}}), 200);
        QCOMPARE(getDevice(sandbox).value(QStringLiteral("name")).toString(),
            QStringLiteral("dropped-b"));
        verifyServing(sandbox);
    }

    void latencyDelaysAnswers()
    {
        constexpr int LatencyMs = 300;
        Instance sandbox;
        QVERIFY2(sandbox.start({QStringLiteral("--fault-latency-ms"), QString::number(LatencyMs)},
                     m_main.deviceId),
            qPrintable(sandbox.process.errorString()));
        for (int i = 0; i < 3; ++i) {
            Http http(sandbox.process.token());
            QElapsedTimer clock;
            clock.start();
            const HttpResult r = http.get(sandbox.api(QStringLiteral("/devices?perPage=2")));
            const qint64 elapsed = clock.elapsed();
            QCOMPARE(r.status, 200);
            QVERIFY2(elapsed >= LatencyMs, qPrintable(QString::number(elapsed)));
        }
        const RawResponse raw = exchange(sandbox.port(),
            request("GET", sandbox.api(QString()).path().toLatin1(), {sandbox.bearer()}),
            LatencyMs + Prompt);
        QCOMPARE(raw.status, 200);
        QVERIFY(raw.elapsedMs >= LatencyMs);

        // A client that leaves while its answer is delayed costs nothing: the delayed update is
        // dropped with it, and the connection goes away.
        const QString before = getDevice(sandbox).value(QStringLiteral("name")).toString();
        {
            RawClient client(sandbox.port());
            QVERIFY(client.waitConnected());
            client.send(request("PUT", sandbox.device().path().toLatin1(),
                {sandbox.bearer(), "Content-Type: application/json"}, "{\"name\":\"left-early\"}"));
            QVERIFY(
                client.socket().waitForBytesWritten(1000) || client.socket().bytesToWrite() == 0);
            client.socket().abort();
        }
        StatsProbe probe(sandbox.process);
        QTRY_COMPARE_WITH_TIMEOUT(probe.connections(), 1, 5000);
        QCOMPARE(getDevice(sandbox).value(QStringLiteral("name")).toString(), before);
        verifyServing(sandbox);
    }

    // ---- Rate limits --------------------------------------------------------------------------

    void requestRateLimit()
    {
        Instance sandbox;
        QVERIFY2(
            sandbox.start({QStringLiteral("--rate-limit"), QStringLiteral("30")}, m_main.deviceId),
            qPrintable(sandbox.process.errorString()));
        Http http(sandbox.process.token());
        Http admin(sandbox.process.adminToken());
        const QUrl stats = sandbox.process.url(QStringLiteral("/admin/stats"));
        for (int i = 1; i <= 30; ++i) {
            QCOMPARE(http.get(sandbox.api(QString())).status, 200);
            QCOMPARE(admin.get(stats).status, 200);
            QCOMPARE(admin.get(sandbox.process.url(QStringLiteral("/admin/faults"))).status, 200);
        }
        for (int i = 31; i <= 33; ++i) {
            const HttpResult r = http.get(sandbox.api(QString()));
            QCOMPARE(r.status, 429);
            const QString problem = apiErrorProblem(r.body);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            QVERIFY2(
                r.json().value(QStringLiteral("error")).toString().contains(QLatin1String("30")),
                r.body.constData());
        }
        QCOMPARE(admin.get(stats).status, 200);
        QCOMPARE(admin.get(stats)
                     .json()
                     .value(QStringLiteral("by_route"))
                     .toObject()
                     .value(QStringLiteral("rate-limited"))
                     .toInt(),
            3);
    }

    void tokenEndpointLocksOutAfterTenFailures()
    {
        Instance sandbox;
        QVERIFY2(sandbox.start({}, m_main.deviceId), qPrintable(sandbox.process.errorString()));
        const QString password
            = sandbox.process.startLine().value(QStringLiteral("password")).toString();
        const QUrl token = sandbox.process.url(QStringLiteral("/oauth/token"));
        Http http;
        const auto login
            = [&](const QString &pass) { return http.postForm(token, loginForm(sandbox, pass)); };

        const HttpResult first = login(password);
        QCOMPARE(first.status, 200);
        QVERIFY(!first.json().value(QStringLiteral("access_token")).toString().isEmpty());
        // Nine failures, then a success: the count is of consecutive failures.
        for (int i = 0; i < 9; ++i) {
            const HttpResult r = login(QStringLiteral("wrong-%1").arg(i));
            QCOMPARE(r.status, 400);
            QCOMPARE(r.json().value(QStringLiteral("error")).toString(),
                QStringLiteral("invalid_grant"));
        }
        QCOMPARE(login(password).status, 200);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(login(QStringLiteral("wrong-again-%1").arg(i)).status, 400);
        for (const QString &pass : {password, QStringLiteral("wrong")}) {
            const HttpResult r = login(pass);
            QCOMPARE(r.status, 429);
            QCOMPARE(r.json().value(QStringLiteral("error")).toString(),
                QStringLiteral("rate_limit_exceeded"));
            QVERIFY(!r.json().value(QStringLiteral("error_description")).toString().isEmpty());
            QVERIFY(!r.json().contains(QStringLiteral("access_token")));
        }
        // Only the token endpoint is locked; existing tokens keep working.
        verifyServing(sandbox);
    }

    void eventStreamLimits()
    {
        constexpr int MaxStreams = 100;
        Instance sandbox;
        // A one-second window, so that the 100-opens-per-window limit cannot mask freed slots.
        QVERIFY2(
            sandbox.start({QStringLiteral("--rate-window"), QStringLiteral("1")}, m_main.deviceId),
            qPrintable(sandbox.process.errorString()));
        const QByteArray open
            = request("GET", sandbox.api(QStringLiteral("/events")).path().toLatin1(),
                {sandbox.bearer(), "Accept: text/event-stream"}, {}, false);
        struct Opened
        {
            std::unique_ptr<RawClient> client;
            RawResponse response;
            bool streaming = false;
        };
        const auto openStream = [&] {
            Opened o;
            o.client = std::make_unique<RawClient>(sandbox.port());
            if (!o.client->waitConnected())
                return o;
            o.client->send(open);
            const bool settled = QTest::qWaitFor(
                [&] {
                    o.response.raw = o.client->received();
                    return parseResponse(o.response) > 0 || o.response.raw.contains(":ok")
                        || o.client->closed();
                },
                5000);
            if (!settled)
                return o;
            const QByteArray &received = o.response.raw;
            o.streaming = received.startsWith("HTTP/1.1 200")
                && received.contains("text/event-stream") && received.contains(":ok");
            return o;
        };
        const auto isSimultaneousLimit = [](const Opened &o) {
            return o.response.status == 429 && apiErrorProblem(o.response.body).isEmpty()
                && o.response.json()
                       .value(QStringLiteral("error"))
                       .toString()
                       .contains(QLatin1String("simultaneous"));
        };
        // Opens a stream, waiting out the opens-per-window limit; never the simultaneous one.
        const auto openStreamSoon = [&] {
            Opened o;
            const bool settled = QTest::qWaitFor(
                [&] {
                    o = openStream();
                    return o.streaming || o.response.status != 429 || isSimultaneousLimit(o);
                },
                5000);
            Q_UNUSED(settled); // the caller checks o.streaming
            return o;
        };

        std::vector<Opened> streams;
        for (int i = 0; i < MaxStreams; ++i) {
            streams.push_back(openStreamSoon());
            QVERIFY2(streams.back().streaming,
                qPrintable(QStringLiteral("stream %1: %2")
                               .arg(i + 1)
                               .arg(QString::fromLatin1(streams.back().response.raw.left(300)))));
        }
        StatsProbe probe(sandbox.process);
        QCOMPARE(probe.openStreams(), MaxStreams);
        {
            const Opened refused = openStream();
            QVERIFY2(isSimultaneousLimit(refused), refused.response.raw.left(300).constData());
        }

        // Closing streams frees their slots.
        for (int i = 0; i < 5; ++i)
            streams.at(static_cast<size_t>(i)).client->socket().disconnectFromHost();
        streams.erase(streams.begin(), streams.begin() + 5);
        QTRY_COMPARE_WITH_TIMEOUT(probe.openStreams(), MaxStreams - 5, 5000);
        for (int i = 0; i < 5; ++i) {
            streams.push_back(openStreamSoon());
            QVERIFY2(streams.back().streaming, streams.back().response.raw.left(300).constData());
        }
        {
            const Opened refused = openStream();
            QVERIFY2(isSimultaneousLimit(refused), refused.response.raw.left(300).constData());
        }
        streams.clear();
        QTRY_COMPARE_WITH_TIMEOUT(probe.openStreams(), 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(probe.connections(), 1, 5000);
        verifyServing(sandbox);
    }

    // A client that opens an event stream and never reads it: what waits to be sent to it stays
    // bounded. Past 1 MiB of backlog the stream is dropped, as real servers drop slow consumers,
    // instead of holding every later event in memory for as long as the connection lasts. A
    // client that keeps reading is not affected.
    void streamsThatAreNeverReadAreDropped()
    {
        Instance sandbox;
        QVERIFY2(sandbox.start(
                     {QStringLiteral("--rate-limit"), QStringLiteral("1000000")}, m_main.deviceId),
            qPrintable(sandbox.process.errorString()));
        const QByteArray open
            = request("GET", sandbox.api(QStringLiteral("/events")).path().toLatin1(),
                {sandbox.bearer(), "Accept: text/event-stream"}, {}, false);
        RawClient slow(sandbox.port());
        slow.socket().setReadBufferSize(4096); // takes almost nothing off the wire
        QVERIFY(slow.waitConnected());
        slow.send(open);
        RawClient reader(sandbox.port());
        QVERIFY(reader.waitConnected());
        reader.send(open);
        StatsProbe probe(sandbox.process);
        QTRY_COMPARE_WITH_TIMEOUT(probe.openStreams(), 2, 5000);

        Http http(sandbox.process.token());
        const QJsonObject event {{QStringLiteral("name"), QStringLiteral("load/test")},
            {QStringLiteral("data"), QString(1000, QLatin1Char('x'))}};
        constexpr int MaxEvents = 6000; // about 6.5 MB of frames, several times the limit
        int published = 0;
        int dropped = 0;
        while (published < MaxEvents && dropped == 0) {
            QCOMPARE(http.postJson(sandbox.api(QStringLiteral("/events")), event).status, 200);
            reader.received(); // the reader keeps up
            if (++published % 50 == 0)
                dropped = probe.stats().value(QStringLiteral("slow_streams_dropped")).toInt();
        }
        QCOMPARE(dropped, 1);
        QVERIFY2(published < MaxEvents, "the stream that is never read was kept");
        QTRY_COMPARE_WITH_TIMEOUT(probe.openStreams(), 1, 5000);
        // The slow client, when it reads at last, finds the connection closed.
        slow.socket().setReadBufferSize(0);
        QVERIFY(slow.waitClosed(10000));
        // The reader got every event and is still open.
        QTRY_VERIFY_WITH_TIMEOUT(reader.received().count("event: load/test") == published, 10000);
        QVERIFY(!reader.closed());
        verifyServing(sandbox);
    }

    // ---- Afterwards ---------------------------------------------------------------------------

    void noConnectionLeftBehind()
    {
        StatsProbe probe(m_main.process);
        QTRY_COMPARE_WITH_TIMEOUT(probe.connections(), 1, 5000);
        QVERIFY(processAlive(m_main.process));
    }

    void cleanupTestCase() { QCOMPARE(m_main.process.stop(), 0); }
};

QTEST_GUILESS_MAIN(TestSandboxRobustness)
#include "tst_sandbox_robustness.moc"
