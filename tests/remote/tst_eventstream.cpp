// SPDX-License-Identifier: MIT
// EventStream over real HTTP: the OTA sequence a simulated device emits when locked with flash,
// reconnection after the sandbox goes away and comes back on the same port, a stream that goes
// silent (a local server that answers the headers and ":ok", then nothing), a stream whose line
// never ends, and the 401 stop.
#include "remote/eventstream.h"
#include "remote/particleclient.h"
#include "sandboxprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Flotilla;
using namespace Flotilla::Remote;
using Flotilla::Test::Http;
using Flotilla::Test::SandboxProcess;

namespace {

struct Received
{
    QString name;
    QJsonObject data;
};

// Collects what a stream delivers.
class Collector final : public QObject
{
public:
    explicit Collector(EventStream *stream)
    {
        QObject::connect(stream, &EventStream::event, this, [this](const SseEvent &e) {
            events.append({e.name, QJsonDocument::fromJson(e.data).object()});
        });
        QObject::connect(stream, &EventStream::connectedChanged, this,
            [this](bool connected) { transitions.append(connected); });
        QObject::connect(
            stream, &EventStream::error, this, [this](const ApiError &e) { errors.append(e); });
    }
    QList<Received> events;
    QList<bool> transitions;
    QList<ApiError> errors;

    QStringList sequenceFor(const QString &coreId) const
    {
        QStringList out;
        for (const Received &r : events) {
            if (r.data.value(QStringLiteral("coreid")).toString() == coreId)
                out.append(r.name + QLatin1Char('=')
                    + r.data.value(QStringLiteral("data")).toString().trimmed());
        }
        return out;
    }
    bool has(const QString &name, const QString &data) const
    {
        return std::any_of(events.cbegin(), events.cend(), [&](const Received &r) {
            return r.name == name && r.data.value(QStringLiteral("data")).toString() == data;
        });
    }
    int errorsOf(ApiError::Kind kind) const
    {
        return static_cast<int>(std::count_if(
            errors.cbegin(), errors.cend(), [kind](const ApiError &e) { return e.kind == kind; }));
    }
};

// A client of the sandbox's /admin routes, with its admin credential from the start line.
Http adminHttp(SandboxProcess &sandbox)
{
    return Http(sandbox.startLine().value(QStringLiteral("admin_token")).toString());
}

template<typename T, typename Invoke>
Result<T> call(Invoke &&invoke)
{
    std::optional<Result<T>> out;
    QObject context;
    invoke(&context, [&out](Result<T> r) { out = std::move(r); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 60000))
        return {};
    return *out;
}

// Answers every connection with event-stream headers and ":ok", then `body` (nothing by
// default), then stays silent.
class SilentServer final : public QObject
{
public:
    int connections = 0;
    QList<QByteArray> requests;
    QByteArray body;

    bool start()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++connections;
                auto head = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, head] {
                    *head += socket->readAll();
                    if (!head->contains("\r\n\r\n") || head->isEmpty())
                        return;
                    requests.append(*head);
                    head->clear();
                    socket->write("HTTP/1.1 200 OK\r\n"
                                  "Content-Type: text/event-stream\r\n"
                                  "Cache-Control: no-cache\r\n"
                                  "Connection: keep-alive\r\n\r\n"
                                  ":ok\n\n");
                    socket->write(body);
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const
    {
        return QUrl(
            QStringLiteral("http://127.0.0.1:%1/v1/products/1/events").arg(m_server.serverPort()));
    }

private:
    QTcpServer m_server;
};

} // namespace

class TestEventStream final : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ParticleClient> m_client;
    int m_product = 0;
    quint16 m_port = 0;
    QTemporaryDir m_stateDir;

    QStringList sandboxArgs() const
    {
        // Time runs 60x faster and an update takes ~2 simulated seconds; sessions are long
        // enough (10 simulated days on average) that churn does not interfere. The state file
        // keeps the cloud (and its tokens) across a restart.
        return {QStringLiteral("--state"), m_stateDir.filePath(QStringLiteral("cloud.sqlite")),
            QStringLiteral("--devices"), QStringLiteral("300"), QStringLiteral("--seed"),
            QStringLiteral("11"), QStringLiteral("--time-scale"), QStringLiteral("60"),
            QStringLiteral("--update-duration"), QStringLiteral("2"),
            QStringLiteral("--update-failure-rate"), QStringLiteral("0"),
            QStringLiteral("--mean-online"), QStringLiteral("864000"),
            QStringLiteral("--keepalive-ms"), QStringLiteral("500")};
    }
    QUrl productEvents() const
    {
        return m_sandbox.url(QStringLiteral("/v1/products/%1/events").arg(m_product));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_stateDir.isValid());
        QVERIFY2(m_sandbox.start(sandboxArgs()), qPrintable(m_sandbox.errorString()));
        m_product = m_sandbox.productId();
        m_port = static_cast<quint16>(m_sandbox.url().port());
        ClientConfig config;
        config.baseUrl = m_sandbox.url();
        config.backoffBaseMs = 100;
        m_client = std::make_unique<ParticleClient>(&m_nam, config);
        m_client->setAccessToken(m_sandbox.token());
    }

    void flashSequenceThenRestart()
    {
        EventStream stream(&m_nam);
        stream.setDeadAfterMs(3000); // keep-alives come every 500 ms
        Collector seen(&stream);
        stream.start(productEvents(), m_sandbox.token());
        QVERIFY(stream.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(stream.isConnected(), 10000);

        // An online, unlocked, non-development device, locked to another version with flash.
        DeviceQuery query;
        query.groups = {QStringLiteral("fjord")};
        const Result<DevicePage> page = call<DevicePage>(
            [&](QObject *c, auto cb) { m_client->listDevices(m_product, query, c, cb); });
        QVERIFY2(page.ok(), qPrintable(page.error.toString()));
        const auto candidate = std::find_if(
            page.value->devices.cbegin(), page.value->devices.cend(), [](const Domain::Device &d) {
                return d.online && !d.development && !d.desiredFirmwareVersion;
            });
        QVERIFY(candidate != page.value->devices.cend());
        const QString id = candidate->id;
        const int from = candidate->firmwareVersion;
        const int to = from == 3 ? 2 : 3;
        const auto locked = call<QJsonObject>([&](QObject *c, auto cb) {
            m_client->updateDevice(m_product, id,
                QJsonObject {{QStringLiteral("desired_firmware_version"), to},
                    {QStringLiteral("flash"), true}},
                c, cb);
        });
        QVERIFY2(locked.ok(), qPrintable(locked.error.toString()));

        QTRY_VERIFY_WITH_TIMEOUT(
            seen.sequenceFor(id).size() >= 7 || seen.errorsOf(ApiError::Kind::Unauthorized) > 0,
            20000);
        const QStringList sequence = seen.sequenceFor(id);
        const QStringList expected {QStringLiteral("spark/status=auto-update"),
            QStringLiteral("spark/flash/status=started"),
            QStringLiteral("spark/flash/status=success"), QStringLiteral("spark/status=offline"),
            QStringLiteral("spark/status=online"),
            QStringLiteral("spark/device/last_reset=update")};
        QCOMPARE(sequence.mid(0, expected.size()), expected);
        QVERIFY2(sequence.at(expected.size()).startsWith(QStringLiteral("spark/device/app-hash=")),
            qPrintable(sequence.join(QLatin1Char('\n'))));
        // One connection the whole time: keep-alives kept the silence timer quiet.
        QCOMPARE(stream.connectionAttempts(), 1);
        QVERIFY(seen.errors.isEmpty());
        QCOMPARE(seen.transitions, QList<bool> {true});
        const auto device = call<Domain::Device>(
            [&](QObject *c, auto cb) { m_client->getDevice(m_product, id, c, cb); });
        QVERIFY(device.ok());
        QCOMPARE(device.value->firmwareVersion, to);

        // The cloud goes away...
        QCOMPARE(m_sandbox.stop(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!stream.isConnected(), 10000);
        QCOMPARE(seen.transitions, (QList<bool> {true, false}));
        QVERIFY(stream.isRunning());
        QVERIFY(seen.errorsOf(ApiError::Kind::Network) >= 1);
        // ...and comes back on the same port (same state file: same token).
        QVERIFY2(m_sandbox.start(sandboxArgs()
                     + QStringList {QStringLiteral("--port"), QString::number(m_port)}),
            qPrintable(m_sandbox.errorString()));
        QCOMPARE(m_sandbox.url().port(), int(m_port));
        QTRY_VERIFY_WITH_TIMEOUT(stream.isConnected(), 30000);
        QVERIFY(stream.connectionAttempts() >= 2);
        QCOMPARE(seen.transitions.last(), true);

        // Events flow again on the new connection.
        const ApiReply published = [&] {
            std::optional<ApiReply> out;
            QObject context;
            m_client->requestJson("POST", QStringLiteral("/v1/products/%1/events").arg(m_product),
                QJsonObject {{QStringLiteral("name"), QStringLiteral("remote/after-restart")},
                    {QStringLiteral("data"), QStringLiteral("back")}},
                &context, [&](const ApiReply &r) { out = r; });
            if (!QTest::qWaitFor([&] { return out.has_value(); }, 60000))
                return ApiReply();
            return *out;
        }();
        QVERIFY2(published.ok(), qPrintable(published.error.toString()));
        QTRY_VERIFY_WITH_TIMEOUT(
            seen.has(QStringLiteral("remote/after-restart"), QStringLiteral("back")), 10000);
        stream.stop();
        QVERIFY(!stream.isRunning());
        QVERIFY(!stream.isConnected());
    }

    void silentStreamIsDeadAndReconnects()
    {
        SilentServer server;
        QVERIFY(server.start());
        EventStream stream(&m_nam);
        stream.setDeadAfterMs(400);
        Collector seen(&stream);
        stream.start(server.url(), QStringLiteral("token-for-the-silent-server"));
        QTRY_VERIFY_WITH_TIMEOUT(stream.isConnected(), 5000);
        // Silent for 400 ms: dead; reconnect after ~1 s (the first backoff step).
        QTRY_VERIFY_WITH_TIMEOUT(seen.errorsOf(ApiError::Kind::Timeout) >= 1, 5000);
        QVERIFY(stream.nextReconnectDelayMs() >= 800 && stream.nextReconnectDelayMs() <= 1200);
        QTRY_VERIFY_WITH_TIMEOUT(server.connections >= 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(server.requests.size(), 2, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(stream.isConnected(), 5000);
        QCOMPARE(seen.transitions.mid(0, 3), (QList<bool> {true, false, true}));
        // Still unhealthy (no event, short-lived): the next wait doubles.
        QTRY_VERIFY_WITH_TIMEOUT(seen.errorsOf(ApiError::Kind::Timeout) >= 2, 5000);
        QVERIFY2(stream.nextReconnectDelayMs() >= 1600 && stream.nextReconnectDelayMs() <= 2400,
            qPrintable(QString::number(stream.nextReconnectDelayMs())));
        QVERIFY(seen.events.isEmpty()); // ":ok" is a comment, not an event
        const QByteArray request = server.requests.first().toLower();
        QVERIFY(request.startsWith("get /v1/products/1/events "));
        QVERIFY(request.contains("accept: text/event-stream"));
        QVERIFY(request.contains("authorization: bearer token-for-the-silent-server"));
        stream.stop();
        QVERIFY(!stream.isRunning());
    }

    // A server that starts an event and never ends its line: the stream delivers what came
    // before, gives up the connection once the line is longer than the parser keeps, and
    // reconnects as after a failure (an event before the broken line does not make the
    // connection healthy, so the waits keep growing).
    void streamWithoutLineBreaksReconnects()
    {
        SilentServer server;
        server.body = "event: first\ndata: {\"data\":\"one\"}\n\ndata: "
            + QByteArray(3 * SseParser::MaxLineBytes, 'x');
        QVERIFY(server.start());
        EventStream stream(&m_nam);
        stream.setReconnectDelays(50, 1000);
        Collector seen(&stream);
        QList<int> waits; // the wait before each connection
        connect(&stream, &EventStream::connectedChanged, this, [&](bool connected) {
            if (connected)
                waits.append(stream.nextReconnectDelayMs());
        });
        stream.start(server.url(), QStringLiteral("token-for-the-endless-line"));
        QTRY_VERIFY_WITH_TIMEOUT(waits.size() >= 3, 60000);
        QVERIFY(seen.errorsOf(ApiError::Kind::Malformed) >= 2);
        QVERIFY2(seen.errors.first().message.contains(QLatin1String("longer than")),
            qPrintable(seen.errors.first().message));
        QCOMPARE(seen.events.first().name, QStringLiteral("first"));
        QVERIFY(seen.events.size() >= 2); // the first event again after the reconnect
        for (const Received &r : std::as_const(seen.events))
            QCOMPARE(r.name, QStringLiteral("first"));
        QVERIFY2(waits.at(1) >= 40 && waits.at(1) <= 60, qPrintable(QString::number(waits.at(1))));
        QVERIFY2(waits.at(2) >= 80 && waits.at(2) <= 120, qPrintable(QString::number(waits.at(2))));
        QVERIFY(stream.isRunning());
        stream.stop();
    }

    void unauthorizedStopsForGood()
    {
        const int before = adminHttp(m_sandbox)
                               .get(m_sandbox.url(QStringLiteral("/admin/stats")))
                               .json()
                               .value(QStringLiteral("requests"))
                               .toInt();
        EventStream stream(&m_nam);
        Collector seen(&stream);
        QSignalSpy errors(&stream, &EventStream::error);
        stream.start(productEvents(), QStringLiteral("ffffffffffffffffffffffffffffffffffffffff"));
        QVERIFY(errors.wait(10000));
        QCOMPARE(seen.errors.size(), 1);
        QCOMPARE(seen.errors.first().kind, ApiError::Kind::Unauthorized);
        QCOMPARE(seen.errors.first().status, 401);
        QVERIFY(!seen.errors.first().message.isEmpty());
        QVERIFY(!stream.isRunning());
        // No reconnect storm: nothing more in the next 2.5 s (longer than a backoff step).
        QVERIFY(!errors.wait(2500));
        QCOMPARE(stream.connectionAttempts(), 1);
        QCOMPARE(adminHttp(m_sandbox)
                     .get(m_sandbox.url(QStringLiteral("/admin/stats")))
                     .json()
                     .value(QStringLiteral("requests"))
                     .toInt(),
            before + 1);
        QVERIFY(seen.transitions.isEmpty());
    }

    void insecureUrlIsRefused()
    {
        EventStream stream(&m_nam);
        QSignalSpy errors(&stream, &EventStream::error);
        stream.start(QUrl(QStringLiteral("http://api.particle.io/v1/products/1/events")),
            QStringLiteral("secret"));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.first().first().value<ApiError>().kind, ApiError::Kind::Insecure);
        QVERIFY(!stream.isRunning());
        QCOMPARE(stream.connectionAttempts(), 0);
    }
};

QTEST_GUILESS_MAIN(TestEventStream)
#include "tst_eventstream.moc"
