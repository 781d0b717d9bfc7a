// SPDX-License-Identifier: MIT
// ParticleClient against the sandbox cloud over real HTTP: typed calls, the signed-out state,
// retries under injected faults, the rate limiter, bounded concurrency, timeouts, malformed
// answers and the refusal of insecure URLs. A small scripted server covers what the sandbox never
// sends (Retry-After, 204 on a JSON route, HTML on a 200).
#include "remote/particleclient.h"
#include "sandboxprocess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>

using namespace Flotilla;
using namespace Flotilla::Remote;
using Flotilla::Test::Http;
using Flotilla::Test::SandboxProcess;
using Kind = ApiError::Kind;

namespace {

constexpr int CallTimeoutMs = 60000;

// Waits for one typed call: `invoke(context, callback)`.
template<typename T, typename Invoke>
Result<T> call(Invoke &&invoke)
{
    std::optional<Result<T>> out;
    QObject context;
    invoke(&context, [&out](Result<T> r) { out = std::move(r); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, CallTimeoutMs)) {
        Result<T> timedOut;
        timedOut.error = {Kind::Cancelled, 0, {}, QStringLiteral("the test gave up waiting")};
        return timedOut;
    }
    return *out;
}

ApiReply rawCall(ParticleClient &client, const QByteArray &method, const QString &path,
    const QJsonObject &body = {})
{
    std::optional<ApiReply> out;
    QObject context;
    client.requestJson(
        method, path, body, &context, [&out](const ApiReply &reply) { out = reply; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, CallTimeoutMs))
        return ApiReply();
    return *out;
}

// A client of the sandbox's /admin routes, with its admin credential from the start line.
Http adminHttp(SandboxProcess &sandbox)
{
    return Http(sandbox.startLine().value(QStringLiteral("admin_token")).toString());
}

QJsonObject stats(SandboxProcess &sandbox)
{
    return adminHttp(sandbox).get(sandbox.url(QStringLiteral("/admin/stats"))).json();
}

int apiRequests(SandboxProcess &sandbox)
{
    return stats(sandbox).value(QStringLiteral("requests")).toInt();
}

// A QNetworkAccessManager that counts every request it is asked to create.
class CountingNam final : public QNetworkAccessManager
{
public:
    int created = 0;

protected:
    QNetworkReply *createRequest(
        Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        ++created;
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

// Answers each HTTP request on 127.0.0.1 with the next canned response, and notes when it came,
// its head (request line and headers) and its body.
class ScriptedServer final : public QObject
{
public:
    QList<QByteArray> responses;
    QList<qint64> arrivals; // ms since start()
    QList<QByteArray> requestHeads;
    QList<QByteArray> requestBodies;
    // When set, answers instead of `responses`: from the request line.
    std::function<QByteArray(const QByteArray &requestLine)> answer;

    bool start()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    qsizetype end;
                    while ((end = buffer->indexOf("\r\n\r\n")) >= 0) {
                        const QByteArray head = buffer->left(end);
                        qsizetype length = 0;
                        for (const QByteArray &line : head.split('\n')) {
                            if (line.toLower().startsWith("content-length:"))
                                length = line.mid(15).trimmed().toLongLong();
                        }
                        if (buffer->size() < end + 4 + length)
                            break; // the body is still coming
                        requestHeads.append(head);
                        requestBodies.append(buffer->mid(end + 4, length));
                        buffer->remove(0, end + 4 + length);
                        arrivals.append(m_clock.elapsed());
                        if (answer) {
                            socket->write(answer(head.split('\r').first()));
                            continue;
                        }
                        socket->write(responses.isEmpty() ? QByteArray("HTTP/1.1 500 No script\r\n"
                                                                       "Content-Length: 0\r\n\r\n")
                                                          : responses.takeFirst());
                    }
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_clock.start();
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }

    static QByteArray response(const QByteArray &statusLine, const QByteArray &body,
        const QByteArray &contentType = "application/json", const QByteArray &extra = {})
    {
        return "HTTP/1.1 " + statusLine + "\r\nContent-Type: " + contentType
            + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extra + "\r\n"
            + body;
    }

    // The request line ("GET /v1/... HTTP/1.1") of request `i`.
    QByteArray requestLine(qsizetype i) const { return requestHeads.at(i).split('\r').first(); }

private:
    QTcpServer m_server;
    QElapsedTimer m_clock;
};

QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A device list answer: `count` copies of `device` with distinct IDs, and meta.total_pages.
QByteArray devicePage(const QJsonObject &device, int count, const QJsonValue &totalPages)
{
    QJsonArray devices;
    for (int i = 0; i < count; ++i) {
        QJsonObject d = device;
        d.insert(QStringLiteral("id"), QStringLiteral("%1").arg(i, 24, 16, QLatin1Char('0')));
        devices.append(d);
    }
    QJsonObject meta;
    if (!totalPages.isUndefined())
        meta.insert(QStringLiteral("total_pages"), totalPages);
    return jsonBody(QJsonObject {{QStringLiteral("devices"), devices},
        {QStringLiteral("customers"), QJsonArray()}, {QStringLiteral("meta"), meta}});
}

QByteArray customerPage(const QStringList &usernames, const QJsonValue &totalPages)
{
    QJsonArray customers;
    for (const QString &u : usernames)
        customers.append(QJsonObject {{QStringLiteral("id"), QString(QStringLiteral("id-") + u)},
            {QStringLiteral("username"), u}, {QStringLiteral("devices"), QJsonArray()}});
    QJsonObject body {
        {QStringLiteral("customers"), customers}, {QStringLiteral("devices"), QJsonArray()}};
    if (!totalPages.isUndefined())
        body.insert(
            QStringLiteral("meta"), QJsonObject {{QStringLiteral("total_pages"), totalPages}});
    return jsonBody(body);
}

// The `page` query item of a request line.
int pageOf(const QByteArray &requestLine)
{
    const QUrl url(QString::fromLatin1(requestLine.split(' ').value(1)));
    return QUrlQuery(url).queryItemValue(QStringLiteral("page")).toInt();
}

QByteArray ok200(const QByteArray &body)
{
    return ScriptedServer::response("200 OK", body);
}

} // namespace

class TestParticleClient final : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ParticleClient> m_client;
    int m_product = 0;

    std::unique_ptr<ParticleClient> clientFor(SandboxProcess &sandbox, ClientConfig config = {})
    {
        config.baseUrl = sandbox.url();
        auto client = std::make_unique<ParticleClient>(&m_nam, config);
        client->setAccessToken(sandbox.token());
        return client;
    }

    static QStringList startArgs(const QStringList &extra = {})
    {
        return QStringList {QStringLiteral("--devices"), QStringLiteral("300"),
                   QStringLiteral("--seed"), QStringLiteral("7")}
        + extra;
    }

    QList<Domain::Device> allDevices(ParticleClient &client)
    {
        QList<Domain::Device> out;
        DeviceQuery query;
        query.perPage = 100;
        for (int page = 1;; ++page) {
            query.page = page;
            const Result<DevicePage> r = call<DevicePage>(
                [&](QObject *c, auto cb) { client.listDevices(m_product, query, c, cb); });
            if (!r.ok())
                return {};
            out += r.value->devices;
            if (page >= r.value->totalPages)
                break;
        }
        return out;
    }

    // A batch of read-only calls of three kinds; returns how many succeeded.
    int readBatch(ParticleClient &client, int count)
    {
        int ok = 0;
        int done = 0;
        QObject context;
        DeviceQuery query;
        query.perPage = 5;
        for (int i = 0; i < count; ++i) {
            switch (i % 3) {
            case 0:
                client.listGroups(m_product, &context, [&](Result<QList<Domain::Group>> r) {
                    ok += r.ok() && !r.value->isEmpty() ? 1 : 0;
                    ++done;
                    if (!r.ok())
                        qWarning().noquote() << r.error.toString();
                });
                break;
            case 1:
                client.listDevices(m_product, query, &context, [&](Result<DevicePage> r) {
                    ok += r.ok() && r.value->devices.size() == 5 ? 1 : 0;
                    ++done;
                    if (!r.ok())
                        qWarning().noquote() << r.error.toString();
                });
                break;
            default:
                client.listFirmware(m_product, &context, [&](Result<QList<Domain::Firmware>> r) {
                    ok += r.ok() && r.value->size() >= 6 ? 1 : 0;
                    ++done;
                    if (!r.ok())
                        qWarning().noquote() << r.error.toString();
                });
                break;
            }
        }
        if (!QTest::qWaitFor([&] { return done == count; }, 120000))
            return -1;
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_sandbox.start(startArgs()), qPrintable(m_sandbox.errorString()));
        m_product = m_sandbox.productId();
        m_client = clientFor(m_sandbox);
    }

    // ---- URL policy -------------------------------------------------------------------------

    void insecureUrlReason_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << QStringLiteral("https://api.particle.io") << true;
        QTest::newRow("https with port and path")
            << QStringLiteral("https://cloud.example.com:8443/api") << true;
        QTest::newRow("http 127.0.0.1") << QStringLiteral("http://127.0.0.1:8080") << true;
        QTest::newRow("http 127.5.6.7") << QStringLiteral("http://127.5.6.7") << true;
        QTest::newRow("http ::1") << QStringLiteral("http://[::1]:9000") << true;
        QTest::newRow("http localhost") << QStringLiteral("http://localhost:1234") << true;
        QTest::newRow("http LOCALHOST") << QStringLiteral("http://LOCALHOST") << true;
        QTest::newRow("http remote") << QStringLiteral("http://api.particle.io") << false;
        QTest::newRow("http private address") << QStringLiteral("http://10.0.0.5") << false;
        QTest::newRow("http 128.0.0.1") << QStringLiteral("http://128.0.0.1") << false;
        QTest::newRow("http localhost lookalike")
            << QStringLiteral("http://localhost.example.com") << false;
        QTest::newRow("http loopback lookalike")
            << QStringLiteral("http://127.0.0.1.example.com") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1") << false;
        QTest::newRow("ws") << QStringLiteral("ws://localhost") << false;
        QTest::newRow("relative") << QStringLiteral("/v1/devices") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("user info") << QStringLiteral("https://user:pw@api.particle.io") << false;
    }
    void insecureUrlReason()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        const QString reason = ParticleClient::insecureUrlReason(QUrl(url));
        QVERIFY2(reason.isEmpty() == allowed, qPrintable(reason));
    }

    // What a person types after --api: a host alone means https; a loopback sandbox keeps its
    // explicit http; other schemes and plain http elsewhere are refused with a reason.
    void apiUrlFromUserInput_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("url"); // empty: refused
        QTest::addColumn<QString>("reason"); // part of the refusal
        const QString particle = QStringLiteral("https://api.particle.io");
        QTest::newRow("host") << QStringLiteral("api.particle.io") << particle << QString();
        QTest::newRow("host and slash")
            << QStringLiteral("api.particle.io/") << particle << QString();
        QTest::newRow("upper case, default port")
            << QStringLiteral("API.particle.io:443") << particle << QString();
        QTest::newRow("spaces") << QStringLiteral("  api.particle.io \n") << particle << QString();
        QTest::newRow("https") << QStringLiteral("https://api.particle.io") << particle
                               << QString();
        QTest::newRow("HTTPS, slashes")
            << QStringLiteral("HTTPS://Api.Particle.IO:443//") << particle << QString();
        QTest::newRow("other port and path")
            << QStringLiteral("cloud.example.com:8443/api/")
            << QStringLiteral("https://cloud.example.com:8443/api") << QString();
        QTest::newRow("loopback without scheme is https too")
            << QStringLiteral("127.0.0.1:8080") << QStringLiteral("https://127.0.0.1:8080")
            << QString();
        QTest::newRow("sandbox") << QStringLiteral("http://127.0.0.1:45678")
                                 << QStringLiteral("http://127.0.0.1:45678") << QString();
        QTest::newRow("sandbox, slash") << QStringLiteral("http://localhost:45678/")
                                        << QStringLiteral("http://localhost:45678") << QString();
        QTest::newRow("ipv6 loopback") << QStringLiteral("http://[::1]:9000")
                                       << QStringLiteral("http://[::1]:9000") << QString();
        QTest::newRow("plain http remote")
            << QStringLiteral("http://api.particle.io") << QString() << QStringLiteral("https");
        QTest::newRow("plain http remote, port 80")
            << QStringLiteral("HTTP://api.particle.io:80/") << QString() << QStringLiteral("https");
        QTest::newRow("ftp") << QStringLiteral("ftp://api.particle.io") << QString()
                             << QStringLiteral("scheme 'ftp'");
        QTest::newRow("ws") << QStringLiteral("ws://127.0.0.1:8080") << QString()
                            << QStringLiteral("scheme 'ws'");
        QTest::newRow("empty") << QStringLiteral("  ") << QString() << QStringLiteral("No API");
        QTest::newRow("no host") << QStringLiteral("https://") << QString()
                                 << QStringLiteral("not a valid");
        QTest::newRow("bad port") << QStringLiteral("api.particle.io:https") << QString()
                                  << QStringLiteral("not a valid");
        QTest::newRow("query") << QStringLiteral("api.particle.io/?x=1") << QString()
                               << QStringLiteral("query");
        QTest::newRow("user info") << QStringLiteral("https://me:pw@api.particle.io") << QString()
                                   << QStringLiteral("user information");
    }
    void apiUrlFromUserInput()
    {
        QFETCH(QString, input);
        QFETCH(QString, url);
        QFETCH(QString, reason);
        QString error = QStringLiteral("stale");
        const QUrl parsed = ParticleClient::apiUrlFromUserInput(input, &error);
        if (url.isEmpty()) {
            QVERIFY2(parsed.isEmpty(), qPrintable(parsed.toString()));
            QVERIFY2(error.contains(reason), qPrintable(error));
        } else {
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(parsed.toString(), url);
            QVERIFY(ParticleClient::insecureUrlReason(parsed).isEmpty());
        }
    }

    void insecureBaseUrlSendsNothing()
    {
        CountingNam nam;
        ClientConfig config;
        config.baseUrl = QUrl(QStringLiteral("http://api.particle.io"));
        ParticleClient client(&nam, config);
        client.setAccessToken(QStringLiteral("0123456789abcdef0123456789abcdef01234567"));
        QSignalSpy sent(&client, &ParticleClient::requestSent);
        bool inside = true;
        bool calledInside = false;
        std::optional<Result<QList<Domain::Group>>> out;
        QObject context;
        client.listGroups(1, &context, [&](Result<QList<Domain::Group>> r) {
            calledInside = inside;
            out = std::move(r);
        });
        inside = false;
        QTRY_VERIFY(out.has_value());
        QVERIFY(!calledInside);
        QCOMPARE(out->error.kind, Kind::Insecure);
        QVERIFY2(
            out->error.message.contains(QLatin1String("https")), qPrintable(out->error.message));
        const ApiReply raw = rawCall(client, "GET", QStringLiteral("/v1/user"));
        QCOMPARE(raw.error.kind, Kind::Insecure);
        QCOMPARE(nam.created, 0);
        QCOMPARE(client.requestsSent(), 0);
        QCOMPARE(sent.count(), 0);
    }

    // ---- Typed calls ------------------------------------------------------------------------

    void listProducts()
    {
        const auto r = call<QList<Domain::Product>>(
            [&](QObject *c, auto cb) { m_client->listProducts(c, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.value->size(), 1);
        QCOMPARE(r.value->first().id, m_product);
        QCOMPARE(r.value->first().slug, m_sandbox.productSlug());
        QCOMPARE(r.value->first().platformId, 13);
    }

    void listDevicesPaging()
    {
        const int total = stats(m_sandbox).value(QStringLiteral("devices")).toInt();
        QVERIFY(total > 100);
        DeviceQuery query;
        query.perPage = 25;
        QStringList ids;
        int totalPages = -1;
        bool sawCustomers = false;
        for (int page = 1; totalPages < 0 || page <= totalPages; ++page) {
            query.page = page;
            const Result<DevicePage> r = call<DevicePage>(
                [&](QObject *c, auto cb) { m_client->listDevices(m_product, query, c, cb); });
            QVERIFY2(r.ok(), qPrintable(r.error.toString()));
            if (totalPages < 0)
                totalPages = r.value->totalPages;
            QCOMPARE(r.value->totalPages, totalPages);
            QVERIFY(r.value->devices.size() <= 25);
            for (const Domain::Device &d : r.value->devices) {
                QCOMPARE(d.productId, m_product);
                ids.append(d.id);
            }
            sawCustomers = sawCustomers || !r.value->customers.isEmpty();
        }
        QCOMPARE(totalPages, (total + 24) / 25);
        QCOMPARE(ids.size(), total);
        QStringList sorted = ids;
        sorted.sort();
        QCOMPARE(ids, sorted); // sortAttr=deviceId asc
        sorted.removeDuplicates();
        QCOMPARE(sorted.size(), total);
        QVERIFY(sawCustomers);

        // Past the end: an empty page that still says how many there are.
        query.page = totalPages + 1;
        const Result<DevicePage> past = call<DevicePage>(
            [&](QObject *c, auto cb) { m_client->listDevices(m_product, query, c, cb); });
        QVERIFY(past.ok());
        QVERIFY(past.value->devices.isEmpty());
        QCOMPARE(past.value->totalPages, totalPages);

        // Group filter, descending sort.
        DeviceQuery acme;
        acme.groups = {QStringLiteral("acme--berlin"), QStringLiteral("acme--munich")};
        acme.sortDir = QStringLiteral("desc");
        const Result<DevicePage> filtered = call<DevicePage>(
            [&](QObject *c, auto cb) { m_client->listDevices(m_product, acme, c, cb); });
        QVERIFY2(filtered.ok(), qPrintable(filtered.error.toString()));
        QVERIFY(!filtered.value->devices.isEmpty());
        for (const Domain::Device &d : filtered.value->devices)
            QVERIFY(d.groups.contains(QStringLiteral("acme--berlin"))
                || d.groups.contains(QStringLiteral("acme--munich")));
        QVERIFY(filtered.value->devices.first().id > filtered.value->devices.last().id);

        // Bad paging is the caller's mistake: 400, not retried.
        const int before = m_client->requestsSent();
        DeviceQuery bad;
        bad.page = 0;
        const Result<DevicePage> refused = call<DevicePage>(
            [&](QObject *c, auto cb) { m_client->listDevices(m_product, bad, c, cb); });
        QCOMPARE(refused.error.kind, Kind::BadRequest);
        QCOMPARE(refused.error.status, 400);
        QVERIFY(!refused.error.message.isEmpty());
        QCOMPARE(m_client->requestsSent(), before + 1);
    }

    // A device object exactly as the sandbox writes it, to build hostile answers around.
    QJsonObject sampleDevice()
    {
        std::optional<ApiReply> out;
        QObject context;
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("perPage"), QStringLiteral("1"));
        m_client->request("GET", QStringLiteral("/v1/products/%1/devices").arg(m_product), query,
            {}, {}, &context, [&out](const ApiReply &reply) { out = reply; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, CallTimeoutMs) || !out->ok())
            return {};
        return out->json.object().value(QStringLiteral("devices")).toArray().first().toObject();
    }

    // The page count is the server's word, checked before anyone acts on it: a count no product
    // can have at the page size the server used (or not a whole number) makes the answer
    // Malformed, never a reason to queue millions of requests or reserve memory for them.
    void absurdPageCountsAreMalformed_data()
    {
        QTest::addColumn<int>("perPage");
        QTest::addColumn<int>("devicesOnPage");
        QTest::addColumn<QJsonValue>("totalPages");
        QTest::addColumn<int>("accepted"); // the page count the client reports, -1: Malformed
        QTest::newRow("2^31-1") << 100 << 100 << QJsonValue(2147483647) << -1;
        QTest::newRow("50,000,000") << 100 << 100 << QJsonValue(50000000) << -1;
        QTest::newRow("1,000,000") << 100 << 100 << QJsonValue(1000000) << -1;
        QTest::newRow("one page more than a product holds")
            << 100 << 100 << QJsonValue(10001) << -1;
        QTest::newRow("as many as a product holds") << 100 << 100 << QJsonValue(10000) << 10000;
        QTest::newRow("a realistic fleet") << 100 << 100 << QJsonValue(1000) << 1000;
        QTest::newRow("empty product") << 100 << 0 << QJsonValue(0) << 0;
        QTest::newRow("25 a page asked") << 25 << 25 << QJsonValue(40000) << 40000;
        QTest::newRow("25 a page asked, too many") << 25 << 25 << QJsonValue(40001) << -1;
        // A server that serves smaller pages than asked: its page size counts.
        QTest::newRow("capped at 25 a page") << 100 << 25 << QJsonValue(40000) << 40000;
        QTest::newRow("capped at 25 a page, too many") << 100 << 25 << QJsonValue(40001) << -1;
        // One item on a page that is not the last does not make a page of one plausible.
        QTest::newRow("one item, a million pages") << 100 << 1 << QJsonValue(1000000) << -1;
        QTest::newRow("one item, as many pages as of 25") << 100 << 1 << QJsonValue(40000) << 40000;
        QTest::newRow("negative") << 100 << 100 << QJsonValue(-1) << -1;
        QTest::newRow("fraction") << 100 << 100 << QJsonValue(2.5) << -1;
        QTest::newRow("huge double") << 100 << 100 << QJsonValue(1e300) << -1;
        QTest::newRow("string") << 100 << 100 << QJsonValue(QStringLiteral("3")) << -1;
        QTest::newRow("missing") << 100 << 100 << QJsonValue(QJsonValue::Undefined) << -1;
    }
    void absurdPageCountsAreMalformed()
    {
        QFETCH(int, perPage);
        QFETCH(int, devicesOnPage);
        QFETCH(QJsonValue, totalPages);
        QFETCH(int, accepted);
        const QJsonObject device = sampleDevice();
        QVERIFY(!device.isEmpty());
        ScriptedServer server;
        QVERIFY(server.start());
        server.responses = {ok200(devicePage(device, devicesOnPage, totalPages))};
        ClientConfig config;
        config.baseUrl = server.url();
        ParticleClient client(&m_nam, config);
        client.setAccessToken(QStringLiteral("t"));
        DeviceQuery query;
        query.perPage = perPage;
        const auto r
            = call<DevicePage>([&](QObject *c, auto cb) { client.listDevices(1, query, c, cb); });
        QCOMPARE(client.requestsSent(), 1); // a malformed answer is never asked again
        if (accepted < 0) {
            QCOMPARE(r.error.kind, Kind::Malformed);
            QVERIFY2(r.error.message.contains(QLatin1String("total_pages")),
                qPrintable(r.error.message));
            QVERIFY(!r.value.has_value());
        } else {
            QVERIFY2(r.ok(), qPrintable(r.error.toString()));
            QCOMPARE(r.value->totalPages, accepted);
            QCOMPARE(r.value->devices.size(), devicesOnPage);
        }
        QCOMPARE(ParticleClient::maxPlausiblePages(100), 10000);
        QCOMPARE(ParticleClient::maxPlausiblePages(0), MaxListItems);
    }

    // Both spellings of the page size go out: the reference's perPage and the per_page that
    // Particle's own client sends.
    void pageSizeIsSentBothWays()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.responses
            = {ok200(devicePage(sampleDevice(), 0, 0)), ok200(customerPage({}, QJsonValue(0)))};
        ClientConfig config;
        config.baseUrl = server.url();
        ParticleClient client(&m_nam, config);
        client.setAccessToken(QStringLiteral("t"));
        DeviceQuery query;
        query.perPage = 42;
        QVERIFY(call<DevicePage>([&](QObject *c, auto cb) {
            client.listDevices(1, query, c, cb);
        }).ok());
        QVERIFY(call<QList<Domain::Customer>>([&](QObject *c, auto cb) {
            client.listCustomers(1, c, cb);
        }).ok());
        QCOMPARE(server.requestHeads.size(), 2);
        const QByteArray devices = server.requestLine(0);
        QVERIFY2(devices.startsWith("GET /v1/products/1/devices?"), devices.constData());
        QVERIFY2(devices.contains("perPage=42&per_page=42"), devices.constData());
        const QByteArray customers = server.requestLine(1);
        QVERIFY2(
            customers.startsWith("GET /v1/products/1/customers?page=1&"), customers.constData());
        QVERIFY2(customers.contains("perPage=100&per_page=100"), customers.constData());
    }

    // Every page of the customer list (meta.total_pages), read a few pages at a time; the
    // count is checked like the device list's.
    void customerListReadsEveryPage()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        constexpr int Pages = 9;
        server.answer = [](const QByteArray &line) {
            const int page = pageOf(line);
            QStringList names {QStringLiteral("c%1a@example.com").arg(page),
                QStringLiteral("c%1b@example.com").arg(page)};
            if (page == 3)
                names.append(QStringLiteral("C1A@example.com")); // seen on page 1 already
            return ok200(customerPage(names, Pages));
        };
        ClientConfig config;
        config.baseUrl = server.url();
        config.maxConcurrent = 2;
        ParticleClient client(&m_nam, config);
        client.setAccessToken(QStringLiteral("t"));
        int most = 0; // requests on the wire or queued at once
        connect(&client, &ParticleClient::requestSent, this,
            [&] { most = std::max(most, client.inFlight() + client.queued()); });
        const auto r = call<QList<Domain::Customer>>(
            [&](QObject *c, auto cb) { client.listCustomers(1, c, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(client.requestsSent(), Pages);
        QVERIFY2(most <= 2, qPrintable(QString::number(most)));
        QStringList names;
        for (const Domain::Customer &c : *r.value)
            names.append(c.username);
        QStringList want;
        for (int page = 1; page <= Pages; ++page)
            want << QStringLiteral("c%1a@example.com").arg(page)
                 << QStringLiteral("c%1b@example.com").arg(page);
        QCOMPARE(names, want); // in page order, the repeated customer once
        QCOMPARE(pageOf(server.requestLine(0)), 1); // alone first: it says how many there are
        QSet<int> asked;
        for (qsizetype i = 0; i < server.requestHeads.size(); ++i)
            asked.insert(pageOf(server.requestLine(i)));
        QCOMPARE(asked.size(), Pages);

        // An absurd count: Malformed after one request; no count at all: one page.
        ScriptedServer hostile;
        QVERIFY(hostile.start());
        hostile.responses = {ok200(customerPage({QStringLiteral("a@example.com")}, 2147483647)),
            ok200(customerPage({QStringLiteral("b@example.com")}, QJsonValue::Undefined))};
        config.baseUrl = hostile.url();
        ParticleClient other(&m_nam, config);
        other.setAccessToken(QStringLiteral("t"));
        const auto absurd = call<QList<Domain::Customer>>(
            [&](QObject *c, auto cb) { other.listCustomers(1, c, cb); });
        QCOMPARE(absurd.error.kind, Kind::Malformed);
        QCOMPARE(other.requestsSent(), 1);
        const auto single = call<QList<Domain::Customer>>(
            [&](QObject *c, auto cb) { other.listCustomers(1, c, cb); });
        QVERIFY2(single.ok(), qPrintable(single.error.toString()));
        QCOMPARE(single.value->size(), 1);
        QCOMPARE(other.requestsSent(), 2);
    }

    void getAndUpdateDevice()
    {
        const QList<Domain::Device> devices = allDevices(*m_client);
        QVERIFY(!devices.isEmpty());
        const QString id = devices.at(3).id;
        const auto got = call<Domain::Device>(
            [&](QObject *c, auto cb) { m_client->getDevice(m_product, id, c, cb); });
        QVERIFY2(got.ok(), qPrintable(got.error.toString()));
        QCOMPARE(got.value->id, id);

        const auto updated = call<QJsonObject>([&](QObject *c, auto cb) {
            m_client->updateDevice(m_product, id,
                QJsonObject {{QStringLiteral("name"), QStringLiteral("remote-renamed")},
                    {QStringLiteral("notes"), QStringLiteral("notes from tst_particleclient")}},
                c, cb);
        });
        QVERIFY2(updated.ok(), qPrintable(updated.error.toString()));
        QCOMPARE(updated.value->value(QStringLiteral("id")).toString(), id);
        QCOMPARE(updated.value->value(QStringLiteral("name")).toString(),
            QStringLiteral("remote-renamed"));
        QVERIFY(updated.value->contains(QStringLiteral("updated_at")));

        const auto again = call<Domain::Device>(
            [&](QObject *c, auto cb) { m_client->getDevice(m_product, id, c, cb); });
        QVERIFY(again.ok());
        QCOMPARE(again.value->name, QStringLiteral("remote-renamed"));
        QCOMPARE(again.value->notes, QStringLiteral("notes from tst_particleclient"));

        // A bad field: 400 with the server's message, nothing retried.
        int before = m_client->requestsSent();
        const auto bad = call<QJsonObject>([&](QObject *c, auto cb) {
            m_client->updateDevice(m_product, id,
                QJsonObject {{QStringLiteral("name"), QStringLiteral("not a valid name!")}}, c, cb);
        });
        QCOMPARE(bad.error.kind, Kind::BadRequest);
        QVERIFY(!bad.error.message.isEmpty());
        QCOMPARE(m_client->requestsSent(), before + 1);

        // Unknown device: 404, not retried.
        before = m_client->requestsSent();
        const auto missing = call<Domain::Device>([&](QObject *c, auto cb) {
            m_client->getDevice(m_product, QStringLiteral("ffffffffffffffffffffffff"), c, cb);
        });
        QCOMPARE(missing.error.kind, Kind::NotFound);
        QCOMPARE(missing.error.status, 404);
        QVERIFY(!missing.error.message.isEmpty());
        QCOMPARE(m_client->requestsSent(), before + 1);
    }

    void batchGroups()
    {
        const QList<Domain::Device> devices = allDevices(*m_client);
        QVERIFY(devices.size() > 12);
        const QStringList ids {devices.at(10).id, devices.at(11).id, devices.at(12).id};
        const QString group = QStringLiteral("remote-batch");
        const auto added = call<bool>([&](QObject *c, auto cb) {
            m_client->batchGroups(m_product, ids, {group}, {}, c, cb);
        });
        QVERIFY2(added.ok(), qPrintable(added.error.toString()));
        for (const QString &id : ids) {
            const auto d = call<Domain::Device>(
                [&](QObject *c, auto cb) { m_client->getDevice(m_product, id, c, cb); });
            QVERIFY(d.ok());
            QVERIFY(d.value->groups.contains(group));
        }
        const auto removed = call<bool>([&](QObject *c, auto cb) {
            m_client->batchGroups(m_product, ids, {}, {group}, c, cb);
        });
        QVERIFY2(removed.ok(), qPrintable(removed.error.toString()));
        const auto d = call<Domain::Device>(
            [&](QObject *c, auto cb) { m_client->getDevice(m_product, ids.first(), c, cb); });
        QVERIFY(d.ok());
        QVERIFY(!d.value->groups.contains(group));

        // An unknown device makes the whole batch a 404.
        const auto unknown = call<bool>([&](QObject *c, auto cb) {
            m_client->batchGroups(
                m_product, {QStringLiteral("ffffffffffffffffffffffff")}, {group}, {}, c, cb);
        });
        QCOMPARE(unknown.error.kind, Kind::NotFound);
    }

    void groupsCrud()
    {
        Domain::Group group;
        group.name = QStringLiteral("remote-crud");
        group.description = QStringLiteral("Created by tst_particleclient");
        group.color = QStringLiteral("#34495e");
        const auto created = call<Domain::Group>(
            [&](QObject *c, auto cb) { m_client->createGroup(m_product, group, c, cb); });
        QVERIFY2(created.ok(), qPrintable(created.error.toString()));
        QCOMPARE(created.value->name, group.name);
        QCOMPARE(created.value->description, group.description);
        QCOMPARE(created.value->color, group.color);

        const auto duplicate = call<Domain::Group>(
            [&](QObject *c, auto cb) { m_client->createGroup(m_product, group, c, cb); });
        QCOMPARE(duplicate.error.kind, Kind::BadRequest);
        QVERIFY2(duplicate.error.message.contains(QLatin1String("remote-crud")),
            qPrintable(duplicate.error.message));

        Domain::Group invalid;
        invalid.name = QStringLiteral("Not Valid");
        const auto refused = call<Domain::Group>(
            [&](QObject *c, auto cb) { m_client->createGroup(m_product, invalid, c, cb); });
        QCOMPARE(refused.error.kind, Kind::BadRequest);

        auto listed = call<QList<Domain::Group>>(
            [&](QObject *c, auto cb) { m_client->listGroups(m_product, c, cb); });
        QVERIFY(listed.ok());
        QVERIFY(std::any_of(listed.value->cbegin(), listed.value->cend(),
            [&](const Domain::Group &g) { return g.name == group.name; }));
        // The demo fleet's releases show up as fw_version.
        const auto berlin = std::find_if(listed.value->cbegin(), listed.value->cend(),
            [](const Domain::Group &g) { return g.name == QLatin1String("acme--berlin--test"); });
        QVERIFY(berlin != listed.value->cend());
        QCOMPARE(berlin->releasedVersion, std::optional<int>(5));

        const auto updated = call<Domain::Group>([&](QObject *c, auto cb) {
            m_client->updateGroup(m_product, group.name,
                QJsonObject {{QStringLiteral("name"), QStringLiteral("remote-crud-2")},
                    {QStringLiteral("description"), QStringLiteral("renamed")}},
                c, cb);
        });
        QVERIFY2(updated.ok(), qPrintable(updated.error.toString()));
        QCOMPARE(updated.value->name, QStringLiteral("remote-crud-2"));
        QCOMPARE(updated.value->description, QStringLiteral("renamed"));

        const auto deleted = call<bool>([&](QObject *c, auto cb) {
            m_client->deleteGroup(m_product, QStringLiteral("remote-crud-2"), c, cb);
        });
        QVERIFY2(deleted.ok(), qPrintable(deleted.error.toString()));
        QCOMPARE(*deleted.value, true);
        const auto deletedAgain = call<bool>([&](QObject *c, auto cb) {
            m_client->deleteGroup(m_product, QStringLiteral("remote-crud-2"), c, cb);
        });
        QCOMPARE(deletedAgain.error.kind, Kind::NotFound);

        listed = call<QList<Domain::Group>>(
            [&](QObject *c, auto cb) { m_client->listGroups(m_product, c, cb); });
        QVERIFY(listed.ok());
        QVERIFY(
            std::none_of(listed.value->cbegin(), listed.value->cend(), [](const Domain::Group &g) {
                return g.name.startsWith(QLatin1String("remote-crud"));
            }));
    }

    void firmwareListUploadRelease()
    {
        const auto listed = call<QList<Domain::Firmware>>(
            [&](QObject *c, auto cb) { m_client->listFirmware(m_product, c, cb); });
        QVERIFY2(listed.ok(), qPrintable(listed.error.toString()));
        QList<int> versions;
        for (const Domain::Firmware &f : *listed.value)
            versions.append(f.version);
        std::sort(versions.begin(), versions.end());
        QCOMPARE(versions, (QList<int> {1, 2, 3, 4, 5, 6}));
        const auto v4 = std::find_if(listed.value->cbegin(), listed.value->cend(),
            [](const Domain::Firmware &f) { return f.version == 4; });
        QVERIFY(v4->productDefault);

        // Upload: multipart with the part `binary`; the bytes include CRLFs and dashes.
        QByteArray binary;
        for (int i = 0; i < 4096; ++i)
            binary.append(static_cast<char>((i * 37) % 256));
        binary.replace(100, 8, "\r\n--\r\n--");
        const auto uploaded = call<Domain::Firmware>([&](QObject *c, auto cb) {
            m_client->uploadFirmware(m_product, 7, QStringLiteral("Seven"),
                QStringLiteral("Uploaded by tst_particleclient"), binary, QStringLiteral("fw7.bin"),
                c, cb);
        });
        QVERIFY2(uploaded.ok(), qPrintable(uploaded.error.toString()));
        QCOMPARE(uploaded.value->version, 7);
        QCOMPARE(uploaded.value->title, QStringLiteral("Seven"));
        QCOMPARE(uploaded.value->size, qint64(4096));
        const auto stored
            = Http(m_sandbox.token())
                  .get(m_sandbox.url(
                      QStringLiteral("/v1/products/%1/firmware/7/binary").arg(m_product)));
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.body, binary);

        // Impact of releasing 6 to a group, then the release itself.
        const QString group = QStringLiteral("beta-testers");
        const auto impact = call<QJsonObject>(
            [&](QObject *c, auto cb) { m_client->impact(m_product, 6, {group}, false, c, cb); });
        QVERIFY2(impact.ok(), qPrintable(impact.error.toString()));
        const QJsonObject update = impact.value->value(QStringLiteral("devices"))
                                       .toObject()
                                       .value(QStringLiteral("firmware_update"))
                                       .toObject();
        QVERIFY(update.value(QStringLiteral("total")).isDouble());
        QVERIFY(update.value(QStringLiteral("by_version")).isArray());

        const auto released = call<Domain::Firmware>([&](QObject *c, auto cb) {
            m_client->releaseFirmware(
                m_product, 6, QStringList {group}, std::nullopt, false, c, cb);
        });
        QVERIFY2(released.ok(), qPrintable(released.error.toString()));
        QCOMPARE(released.value->version, 6);
        QVERIFY(released.value->groups.contains(group));
        QVERIFY(!released.value->productDefault);

        // A version no device has run cannot be released yet (400, no retry).
        const int before = m_client->requestsSent();
        const auto refused = call<Domain::Firmware>([&](QObject *c, auto cb) {
            m_client->releaseFirmware(m_product, 7, std::nullopt, true, false, c, cb);
        });
        QCOMPARE(refused.error.kind, Kind::BadRequest);
        QVERIFY(!refused.error.message.isEmpty());
        QCOMPARE(m_client->requestsSent(), before + 1);
    }

    void customersAndClaiming()
    {
        const QJsonObject oauth
            = m_sandbox.startLine().value(QStringLiteral("oauth_client")).toObject();
        const QString clientId = oauth.value(QStringLiteral("id")).toString();
        const QString clientSecret = oauth.value(QStringLiteral("secret")).toString();
        const QString email = QStringLiteral("remote+shadow@customers.flotilla.example");

        const auto created = call<QJsonObject>([&](QObject *c, auto cb) {
            m_client->createCustomer(
                m_product, email, true, QString(), clientId, clientSecret, c, cb);
        });
        QVERIFY2(created.ok(), qPrintable(created.error.toString()));
        QVERIFY(!created.value->value(QStringLiteral("access_token")).toString().isEmpty());

        const auto customers = call<QList<Domain::Customer>>(
            [&](QObject *c, auto cb) { m_client->listCustomers(m_product, c, cb); });
        QVERIFY2(customers.ok(), qPrintable(customers.error.toString()));
        QVERIFY(std::any_of(customers.value->cbegin(), customers.value->cend(),
            [&](const Domain::Customer &cu) { return cu.username == email; }));

        const auto token = call<QString>([&](QObject *c, auto cb) {
            m_client->customerToken(clientId, clientSecret, email, c, cb);
        });
        QVERIFY2(token.ok(), qPrintable(token.error.toString()));
        QVERIFY(!token.value->isEmpty());

        // A wrong client secret: the token endpoint's error with its OAuth code, asked once,
        // and the client stays signed in (the OAuth client's secret is not the client's token).
        QSignalSpy signedOut(m_client.get(), &ParticleClient::signedOut);
        const int sentBefore = m_client->requestsSent();
        const auto badClient = call<QString>([&](QObject *c, auto cb) {
            m_client->customerToken(clientId, QStringLiteral("wrong"), email, c, cb);
        });
        QCOMPARE(badClient.error.kind, Kind::BadRequest);
        QCOMPARE(badClient.error.status, 400);
        QCOMPARE(badClient.error.code, QStringLiteral("invalid_client"));
        QVERIFY(!badClient.error.message.isEmpty());
        QCOMPARE(m_client->requestsSent(), sentBefore + 1);
        QVERIFY(!m_client->isSignedOut());

        // Claim an unclaimed product device with the customer's token.
        const QList<Domain::Device> devices = allDevices(*m_client);
        const auto unclaimed = std::find_if(devices.cbegin(), devices.cend(),
            [](const Domain::Device &d) { return d.owner.isEmpty(); });
        QVERIFY(unclaimed != devices.cend());
        const QString id = unclaimed->id;
        const auto claimed = call<bool>(
            [&](QObject *c, auto cb) { m_client->claimDevice(id, *token.value, c, cb); });
        QVERIFY2(claimed.ok(), qPrintable(claimed.error.toString()));
        auto device = call<Domain::Device>(
            [&](QObject *c, auto cb) { m_client->getDevice(m_product, id, c, cb); });
        QVERIFY(device.ok());
        QCOMPARE(device.value->owner, email);

        // A bogus customer token is that call's 401, not the client's.
        const auto bogus = call<bool>([&](QObject *c, auto cb) {
            m_client->claimDevice(
                id, QStringLiteral("0000000000000000000000000000000000000000"), c, cb);
        });
        QCOMPARE(bogus.error.kind, Kind::Unauthorized);
        QVERIFY(!m_client->isSignedOut());
        QCOMPARE(signedOut.count(), 0);

        const auto unclaimedNow = call<bool>(
            [&](QObject *c, auto cb) { m_client->unclaimDevice(m_product, id, c, cb); });
        QVERIFY2(unclaimedNow.ok(), qPrintable(unclaimedNow.error.toString()));
        device = call<Domain::Device>(
            [&](QObject *c, auto cb) { m_client->getDevice(m_product, id, c, cb); });
        QVERIFY(device.ok());
        QVERIFY(device.value->owner.isEmpty());

        const auto deleted = call<bool>(
            [&](QObject *c, auto cb) { m_client->deleteCustomer(m_product, email, c, cb); });
        QVERIFY2(deleted.ok(), qPrintable(deleted.error.toString()));
        const auto after = call<QList<Domain::Customer>>(
            [&](QObject *c, auto cb) { m_client->listCustomers(m_product, c, cb); });
        QVERIFY(after.ok());
        QVERIFY(std::none_of(after.value->cbegin(), after.value->cend(),
            [&](const Domain::Customer &cu) { return cu.username == email; }));
    }

    // Particle blocks an address after repeated failed token requests: each refusal of the
    // customer-token request is asked exactly once, 400 and 401 alike, and the block's 429 too is
    // an answer, not a reason to ask again; none of them signs the client out.
    void refusedTokenRequestsAreNeverRetried()
    {
        SandboxProcess sandbox;
        QVERIFY2(sandbox.start(startArgs()), qPrintable(sandbox.errorString()));
        const QString clientId = sandbox.startLine()
                                     .value(QStringLiteral("oauth_client"))
                                     .toObject()
                                     .value(QStringLiteral("id"))
                                     .toString();
        ClientConfig config;
        config.backoffBaseMs = 1;
        config.backoffMaxMs = 1;
        config.rateLimitHoldMs = 1;
        auto client = clientFor(sandbox, config);
        QSignalSpy signedOut(client.get(), &ParticleClient::signedOut);
        const QString email = QStringLiteral("acme@customers.flotilla.example");
        // The sandbox locks the address out after 10 failures, like the real cloud.
        for (int i = 1; i <= 10; ++i) {
            const auto refused = call<QString>([&](QObject *c, auto cb) {
                client->customerToken(clientId, QStringLiteral("wrong-secret"), email, c, cb);
            });
            QCOMPARE(refused.error.kind, Kind::BadRequest);
            QCOMPARE(refused.error.code, QStringLiteral("invalid_client"));
            QCOMPARE(client->requestsSent(), i);
        }
        const auto blocked = call<QString>([&](QObject *c, auto cb) {
            client->customerToken(clientId, QStringLiteral("wrong-secret"), email, c, cb);
        });
        QCOMPARE(blocked.error.kind, Kind::RateLimited);
        QCOMPARE(blocked.error.code, QStringLiteral("rate_limit_exceeded"));
        QCOMPARE(client->requestsSent(), 11);
        QCOMPARE(client->holdRemainingMs(), 0); // the API itself is not held
        QVERIFY(!client->isSignedOut());
        QCOMPARE(signedOut.count(), 0);
        QVERIFY(call<QList<Domain::Group>>([&](QObject *c, auto cb) {
            client->listGroups(m_product, c, cb);
        }).ok());

        // A 401 from the token endpoint (what the real cloud may answer for a bad client): the
        // same, and with its code.
        ScriptedServer server;
        QVERIFY(server.start());
        server.responses = {ScriptedServer::response("401 Unauthorized",
            "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication "
            "failed\"}")};
        ClientConfig scripted = config;
        scripted.baseUrl = server.url();
        ParticleClient other(&m_nam, scripted);
        other.setAccessToken(QStringLiteral("t"));
        QSignalSpy otherOut(&other, &ParticleClient::signedOut);
        const auto unauthorized = call<QString>([&](QObject *c, auto cb) {
            other.customerToken(QStringLiteral("id"), QStringLiteral("secret"), email, c, cb);
        });
        QCOMPARE(unauthorized.error.kind, Kind::Unauthorized);
        QCOMPARE(unauthorized.error.code, QStringLiteral("invalid_client"));
        QCOMPARE(unauthorized.error.message, QStringLiteral("Client authentication failed"));
        QCOMPARE(other.requestsSent(), 1);
        QVERIFY(!other.isSignedOut());
        QCOMPARE(otherOut.count(), 0);
        const QByteArray head = server.requestHeads.first().toLower();
        QVERIFY(head.startsWith("post /oauth/token "));
        QVERIFY(head.contains("authorization: basic "));
        QVERIFY(head.contains("content-type: application/x-www-form-urlencoded"));
    }

    // What goes on the wire, held against the reference and particle-api-js: a customer is
    // created with a form; one identifier is imported as {"id"}, several as a multipart `file`
    // of one identifier a line; the import answer is read field by field, absent lists empty.
    void createCustomerAndImportRequestShapes()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.responses = {
            ScriptedServer::response("201 Created",
                "{\"access_token\":\"abc\",\"token_type\":\"bearer\",\"expires_in\":10}"),
            ScriptedServer::response("201 Created", "{\"access_token\":\"def\"}"),
            ok200("{\"updated\":1,\"updatedDeviceIds\":[\"0123456789abcdef01234567\"]}"),
            ok200("{\"updated\":1,\"updatedDeviceIds\":[\"a\"],\"existingDeviceIds\":[\"b\"],"
                  "\"nonmemberDeviceIds\":[\"c\"],\"invalidDeviceIds\":[\"d\"],"
                  "\"protectedDeviceIds\":[\"e\"]}"),
            ok200("{\"updatedDeviceIds\":\"not a list\"}"),
        };
        ClientConfig config;
        config.baseUrl = server.url();
        ParticleClient client(&m_nam, config);
        client.setAccessToken(QStringLiteral("t"));

        const auto shadow = call<QJsonObject>([&](QObject *c, auto cb) {
            client.createCustomer(7, QStringLiteral("a+b@example.com"), true, QString(),
                QStringLiteral("client-id"), QStringLiteral("client-secret"), c, cb);
        });
        QVERIFY2(shadow.ok(), qPrintable(shadow.error.toString()));
        QVERIFY(server.requestLine(0).startsWith("POST /v1/products/7/customers "));
        QVERIFY(server.requestHeads.at(0).toLower().contains(
            "content-type: application/x-www-form-urlencoded"));
        QVERIFY(server.requestHeads.at(0).contains(QByteArray(
            "Authorization: Basic " + QByteArray("client-id:client-secret").toBase64())));
        QCOMPARE(
            server.requestBodies.at(0), QByteArray("email=a%2Bb%40example.com&no_password=true"));
        const auto withPassword = call<QJsonObject>([&](QObject *c, auto cb) {
            client.createCustomer(7, QStringLiteral("c@example.com"), false,
                QStringLiteral("p&ss word"), QStringLiteral("id"), QStringLiteral("s"), c, cb);
        });
        QVERIFY2(withPassword.ok(), qPrintable(withPassword.error.toString()));
        QCOMPARE(
            server.requestBodies.at(1), QByteArray("email=c%40example.com&password=p%26ss%20word"));

        const QString one = QStringLiteral("0123456789abcdef01234567");
        const auto single = call<ImportResult>([&](QObject *c, auto cb) {
            client.importDevices(7, {QStringLiteral(" %1 ").arg(one)}, {}, c, cb);
        });
        QVERIFY2(single.ok(), qPrintable(single.error.toString()));
        QCOMPARE(single.value->updated, 1);
        QCOMPARE(single.value->updatedDeviceIds, QStringList {one});
        QVERIFY(single.value->existingDeviceIds.isEmpty());
        QVERIFY(single.value->invalidDeviceIds.isEmpty());
        QVERIFY(server.requestLine(2).startsWith("POST /v1/products/7/devices "));
        QVERIFY(server.requestHeads.at(2).toLower().contains("content-type: application/json"));
        const QJsonObject sentSingle {{QStringLiteral("id"), one}};
        QCOMPARE(QJsonDocument::fromJson(server.requestBodies.at(2)).object(), sentSingle);

        ImportOptions options;
        options.claimUser = QStringLiteral("team@example.com");
        const auto several = call<ImportResult>([&](QObject *c, auto cb) {
            client.importDevices(7,
                {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"),
                    QStringLiteral("e")},
                options, c, cb);
        });
        QVERIFY2(several.ok(), qPrintable(several.error.toString()));
        QCOMPARE(several.value->updatedDeviceIds, QStringList {QStringLiteral("a")});
        QCOMPARE(several.value->existingDeviceIds, QStringList {QStringLiteral("b")});
        QCOMPARE(several.value->nonmemberDeviceIds, QStringList {QStringLiteral("c")});
        QCOMPARE(several.value->invalidDeviceIds, QStringList {QStringLiteral("d")});
        QCOMPARE(several.value->protectedDeviceIds, QStringList {QStringLiteral("e")});
        const QByteArray head = server.requestHeads.at(3);
        const qsizetype at = head.indexOf("boundary=");
        QVERIFY2(at > 0, head.constData());
        const QByteArray boundary = head.mid(at + 9).split('\r').first();
        const QByteArray body = server.requestBodies.at(3);
        const QByteArray filePart = "--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"devices.txt\"\r\n"
              "Content-Type: text/plain\r\n\r\na\nb\nc\nd\ne\n\r\n--"
            + boundary + "--\r\n";
        QVERIFY2(body.endsWith(filePart), body.constData());
        QVERIFY2(
            body.contains("name=\"claim_user\"\r\n\r\nteam@example.com\r\n"), body.constData());

        const auto malformed = call<ImportResult>(
            [&](QObject *c, auto cb) { client.importDevices(7, {one}, {}, c, cb); });
        QCOMPARE(malformed.error.kind, Kind::Malformed);
        QVERIFY2(malformed.error.message.contains(QLatin1String("updatedDeviceIds")),
            qPrintable(malformed.error.message));

        // Refused before anything is sent: nothing, a blank identifier, a line break.
        const int sent = client.requestsSent();
        for (const QStringList &bad : {QStringList {}, QStringList {one, QStringLiteral("  ")},
                 QStringList {QStringLiteral("a\nb")}}) {
            const auto refused = call<ImportResult>(
                [&](QObject *c, auto cb) { client.importDevices(7, bad, {}, c, cb); });
            QCOMPARE(refused.error.kind, Kind::BadRequest);
        }
        QCOMPARE(client.requestsSent(), sent);
    }

    // Against the sandbox: devices taken out of the product come back with an import, one as
    // {"id"} and several as a `file`; each identifier lands in the list that says what happened.
    void importAndRemove()
    {
        const QList<Domain::Device> devices = allDevices(*m_client);
        QList<Domain::Device> stock;
        for (const Domain::Device &d : devices) {
            if (d.groups.isEmpty() && d.owner.isEmpty())
                stock.append(d);
        }
        QVERIFY(stock.size() >= 3);
        const QString a = stock.at(0).id;
        const QString b = stock.at(1).id;
        const QString c = stock.at(2).id;
        for (const QString &id : {a, b}) {
            const auto removed = call<bool>(
                [&](QObject *ctx, auto cb) { m_client->removeDevice(m_product, id, ctx, cb); });
            QVERIFY2(removed.ok(), qPrintable(removed.error.toString())); // 204
            const auto gone = call<Domain::Device>(
                [&](QObject *ctx, auto cb) { m_client->getDevice(m_product, id, ctx, cb); });
            QCOMPARE(gone.error.kind, Kind::NotFound);
        }

        const auto imported = call<ImportResult>(
            [&](QObject *ctx, auto cb) { m_client->importDevices(m_product, {a}, {}, ctx, cb); });
        QVERIFY2(imported.ok(), qPrintable(imported.error.toString()));
        QCOMPARE(imported.value->updated, 1);
        QCOMPARE(imported.value->updatedDeviceIds, QStringList {a});

        const QString notAnId = QStringLiteral("not-a-device-identifier");
        const auto several = call<ImportResult>([&](QObject *ctx, auto cb) {
            m_client->importDevices(m_product, {b, c, notAnId}, {}, ctx, cb);
        });
        QVERIFY2(several.ok(), qPrintable(several.error.toString()));
        QCOMPARE(several.value->updatedDeviceIds, QStringList {b});
        QCOMPARE(several.value->existingDeviceIds, QStringList {c});
        QCOMPARE(several.value->invalidDeviceIds, QStringList {notAnId});
        QVERIFY(several.value->nonmemberDeviceIds.isEmpty());
        for (const QString &id : {a, b}) {
            const auto back = call<Domain::Device>(
                [&](QObject *ctx, auto cb) { m_client->getDevice(m_product, id, ctx, cb); });
            QVERIFY2(back.ok(), qPrintable(back.error.toString()));
        }
    }

    void tokenInfoAndGenericRequests()
    {
        const auto info
            = call<QJsonObject>([&](QObject *c, auto cb) { m_client->tokenInfo(c, cb); });
        QVERIFY2(info.ok(), qPrintable(info.error.toString()));
        QVERIFY(info.value->contains(QStringLiteral("client")));
        QVERIFY(info.value->contains(QStringLiteral("expires_at")));

        const ApiReply product
            = rawCall(*m_client, "GET", QStringLiteral("/v1/products/%1").arg(m_product));
        QVERIFY2(product.ok(), qPrintable(product.error.toString()));
        QCOMPARE(product.status, 200);
        QCOMPARE(product.json.object()
                     .value(QStringLiteral("product"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toInt(),
            m_product);

        const ApiReply published
            = rawCall(*m_client, "POST", QStringLiteral("/v1/products/%1/events").arg(m_product),
                QJsonObject {{QStringLiteral("name"), QStringLiteral("remote/test")},
                    {QStringLiteral("data"), QStringLiteral("hello")}});
        QVERIFY2(published.ok(), qPrintable(published.error.toString()));

        const ApiReply unknown = rawCall(*m_client, "GET", QStringLiteral("/v1/no/such/route"));
        QCOMPARE(unknown.error.kind, Kind::NotFound);
        QVERIFY(!unknown.ok());
    }

    // ---- Signed out -------------------------------------------------------------------------

    void bogusTokenSignsOutOnce()
    {
        ClientConfig config;
        config.maxConcurrent = 1;
        auto client = clientFor(m_sandbox, config);
        client->setAccessToken(QStringLiteral("ffffffffffffffffffffffffffffffffffffffff"));
        QSignalSpy signedOut(client.get(), &ParticleClient::signedOut);
        const int before = apiRequests(m_sandbox);

        QList<ApiError> errors;
        QObject context;
        for (int i = 0; i < 5; ++i)
            client->listGroups(m_product, &context,
                [&](Result<QList<Domain::Group>> r) { errors.append(r.error); });
        QCOMPARE(client->requestsSent(), 1); // one on the wire, four queued
        QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 5, CallTimeoutMs);
        for (const ApiError &e : std::as_const(errors))
            QCOMPARE(e.kind, Kind::Unauthorized);
        QCOMPARE(errors.first().status, 401);
        QCOMPARE(errors.first().code, QStringLiteral("invalid_token"));
        QCOMPARE(signedOut.count(), 1);
        QVERIFY2(signedOut.first().first().toString().contains(QLatin1String("invalid")),
            qPrintable(signedOut.first().first().toString()));
        QVERIFY(client->isSignedOut());
        QCOMPARE(client->requestsSent(), 1);
        QCOMPARE(apiRequests(m_sandbox), before + 1);

        // Refused while signed out: nothing sent, no second signal.
        const auto refused = call<QList<Domain::Group>>(
            [&](QObject *c, auto cb) { client->listGroups(m_product, c, cb); });
        QCOMPARE(refused.error.kind, Kind::Unauthorized);
        QCOMPARE(client->requestsSent(), 1);
        QCOMPARE(apiRequests(m_sandbox), before + 1);
        QCOMPARE(signedOut.count(), 1);

        // A good token brings it back.
        client->setAccessToken(m_sandbox.token());
        QVERIFY(!client->isSignedOut());
        const auto ok = call<QList<Domain::Group>>(
            [&](QObject *c, auto cb) { client->listGroups(m_product, c, cb); });
        QVERIFY2(ok.ok(), qPrintable(ok.error.toString()));
        QCOMPARE(apiRequests(m_sandbox), before + 2);
    }

    void concurrent401sSignOutOnce()
    {
        ClientConfig config;
        config.maxConcurrent = 4;
        auto client = clientFor(m_sandbox, config);
        client->setAccessToken(QStringLiteral("eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"));
        QSignalSpy signedOut(client.get(), &ParticleClient::signedOut);
        const int before = apiRequests(m_sandbox);
        int failed = 0;
        QObject context;
        for (int i = 0; i < 10; ++i)
            client->listFirmware(m_product, &context, [&](Result<QList<Domain::Firmware>> r) {
                failed += r.error.kind == Kind::Unauthorized ? 1 : 0;
            });
        QTRY_COMPARE_WITH_TIMEOUT(failed, 10, CallTimeoutMs);
        QCOMPARE(signedOut.count(), 1);
        QCOMPARE(client->requestsSent(), 4); // the four on the wire; the six queued never went
        QCOMPARE(apiRequests(m_sandbox), before + 4);
    }

    void revokedTokenSignsOut()
    {
        // A fresh user token, used, then revoked behind the client's back.
        const QJsonObject line = m_sandbox.startLine();
        const QByteArray form = "grant_type=password&client_id=particle&client_secret=particle"
                                "&username="
            + QUrl::toPercentEncoding(line.value(QStringLiteral("username")).toString())
            + "&password="
            + QUrl::toPercentEncoding(line.value(QStringLiteral("password")).toString());
        const auto issued = Http().postForm(m_sandbox.url(QStringLiteral("/oauth/token")), form);
        QCOMPARE(issued.status, 200);
        const QString token = issued.json().value(QStringLiteral("access_token")).toString();
        QVERIFY(!token.isEmpty());

        auto client = clientFor(m_sandbox);
        client->setAccessToken(token);
        QSignalSpy signedOut(client.get(), &ParticleClient::signedOut);
        QVERIFY(call<QJsonObject>([&](QObject *c, auto cb) { client->tokenInfo(c, cb); }).ok());
        QCOMPARE(Http(token).del(m_sandbox.url(QStringLiteral("/v1/access_tokens/current"))).status,
            200);
        const int sentBefore = client->requestsSent();
        const auto refused = call<QList<Domain::Group>>(
            [&](QObject *c, auto cb) { client->listGroups(m_product, c, cb); });
        QCOMPARE(refused.error.kind, Kind::Unauthorized);
        QCOMPARE(client->requestsSent(), sentBefore + 1);
        QCOMPARE(signedOut.count(), 1);
        QVERIFY(client->isSignedOut());
    }

    void noTokenIsRefusedLocally()
    {
        ClientConfig config;
        config.baseUrl = m_sandbox.url();
        ParticleClient client(&m_nam, config);
        QVERIFY(client.isSignedOut());
        QSignalSpy signedOut(&client, &ParticleClient::signedOut);
        const auto r = call<QList<Domain::Group>>(
            [&](QObject *c, auto cb) { client.listGroups(m_product, c, cb); });
        QCOMPARE(r.error.kind, Kind::Unauthorized);
        QCOMPARE(client.requestsSent(), 0);
        QCOMPARE(signedOut.count(), 0);
    }

    // ---- Faults and retries -----------------------------------------------------------------

    void errorRateIsRetriedAway()
    {
        SandboxProcess sandbox;
        QVERIFY2(
            sandbox.start(startArgs({QStringLiteral("--fault-error-rate"), QStringLiteral("0.3")})),
            qPrintable(sandbox.errorString()));
        ClientConfig config;
        config.maxAttempts = 10;
        config.backoffBaseMs = 10;
        config.backoffMaxMs = 100;
        auto client = clientFor(sandbox, config);
        constexpr int Calls = 40;
        QCOMPARE(readBatch(*client, Calls), Calls);
        QVERIFY2(
            client->requestsSent() > Calls, qPrintable(QString::number(client->requestsSent())));
        const QJsonObject s = stats(sandbox);
        QCOMPARE(s.value(QStringLiteral("requests")).toInt(), client->requestsSent());
        QCOMPARE(
            s.value(QStringLiteral("faults_injected")).toInt(), client->requestsSent() - Calls);
    }

    void dropRateIsRetriedAway()
    {
        SandboxProcess sandbox;
        QVERIFY2(
            sandbox.start(startArgs({QStringLiteral("--fault-drop-rate"), QStringLiteral("0.2")})),
            qPrintable(sandbox.errorString()));
        ClientConfig config;
        config.maxAttempts = 10;
        config.backoffBaseMs = 10;
        config.backoffMaxMs = 100;
        auto client = clientFor(sandbox, config);
        constexpr int Calls = 40;
        QCOMPARE(readBatch(*client, Calls), Calls);
        QVERIFY2(
            client->requestsSent() > Calls, qPrintable(QString::number(client->requestsSent())));
        QVERIFY(stats(sandbox).value(QStringLiteral("faults_injected")).toInt() > 0);
    }

    void burstOf429IsRetried()
    {
        ClientConfig config;
        config.backoffBaseMs = 20;
        config.backoffMaxMs = 200;
        config.rateLimitHoldMs = 20;
        auto client = clientFor(m_sandbox, config);
        QSignalSpy holds(client.get(), &ParticleClient::rateLimited);
        const QJsonObject before = stats(m_sandbox);
        QCOMPARE(adminHttp(m_sandbox)
                     .postJson(m_sandbox.url(QStringLiteral("/admin/faults/burst429")),
                         QJsonObject {{QStringLiteral("count"), 3}})
                     .status,
            200);
        const auto r = call<QList<Domain::Group>>(
            [&](QObject *c, auto cb) { client->listGroups(m_product, c, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(client->requestsSent(), 4);
        QCOMPARE(holds.count(), 3);
        const QJsonObject after = stats(m_sandbox);
        QCOMPARE(
            after.value(QStringLiteral("by_status")).toObject().value(QStringLiteral("429")).toInt()
                - before.value(QStringLiteral("by_status"))
                      .toObject()
                      .value(QStringLiteral("429"))
                      .toInt(),
            3);

        // More 429s than attempts: a 429 is the server asking for time, not a failed attempt,
        // so the request waits the burst out (bounded by rateLimitMaxWaitMs, not maxAttempts).
        QCOMPARE(adminHttp(m_sandbox)
                     .postJson(m_sandbox.url(QStringLiteral("/admin/faults/burst429")),
                         QJsonObject {{QStringLiteral("count"), 2 * config.maxAttempts}})
                     .status,
            200);
        const auto waited = call<QList<Domain::Group>>(
            [&](QObject *c, auto cb) { client->listGroups(m_product, c, cb); });
        QVERIFY2(waited.ok(), qPrintable(waited.error.toString()));
        QCOMPARE(client->requestsSent(), 4 + 2 * config.maxAttempts + 1);
        QCOMPARE(client->holdRemainingMs(), 0);
    }

    // A burst of 429 answers while many requests wait: the whole queue is held per round (one
    // hold for everything on the wire at the time, not one backoff per request), every request
    // gets through, and the only extra requests are the burst's own.
    void burstOf429HoldsTheWholeQueue()
    {
        ClientConfig config;
        config.rateLimitHoldMs = 30;
        config.rateLimitGrowAfterMs = 60000;
        auto client = clientFor(m_sandbox, config);
        QList<int> holdLengths;
        bool sentWhileHeld = false;
        connect(client.get(), &ParticleClient::rateLimited, this,
            [&](int ms) { holdLengths.append(ms); });
        connect(client.get(), &ParticleClient::requestSent, this,
            [&] { sentWhileHeld = sentWhileHeld || client->holdRemainingMs() > 0; });
        constexpr int Burst = 20;
        QCOMPARE(adminHttp(m_sandbox)
                     .postJson(m_sandbox.url(QStringLiteral("/admin/faults/burst429")),
                         QJsonObject {{QStringLiteral("count"), Burst}})
                     .status,
            200);
        constexpr int Calls = 36;
        QCOMPARE(readBatch(*client, Calls), Calls);
        QCOMPARE(client->requestsSent(), Calls + Burst);
        QVERIFY(!sentWhileHeld);
        // Each hold is one round: at least one 429 to a request sent after the previous hold.
        QVERIFY2(!holdLengths.isEmpty() && holdLengths.size() <= Burst,
            qPrintable(QString::number(holdLengths.size())));
        // A burst ridden out in well under rateLimitGrowAfterMs: every hold is the short one.
        for (const int ms : std::as_const(holdLengths))
            QVERIFY2(ms <= 30, qPrintable(QString::number(ms)));
    }

    // A 429 holds every request, not only the one it answered: with one request on the wire at a
    // time, the next to arrive after a 429 is the same request, after the hold (Retry-After when
    // the server gives one, rateLimitHoldMs otherwise); requests queued behind it wait too.
    void rateLimitHoldsRequestsBehindTheRefusedOne_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("holdMs");
        QTest::newRow("no Retry-After") << QByteArray() << 400;
        QTest::newRow("Retry-After: 1") << QByteArray("Retry-After: 1\r\n") << 1000;
        // "At once" (or a date already past) does not make a burst: the client's own hold counts.
        QTest::newRow("Retry-After: 0") << QByteArray("Retry-After: 0\r\n") << 400;
        QTest::newRow("Retry-After in the past")
            << QByteArray("Retry-After: Wed, 21 Oct 2015 07:28:00 GMT\r\n") << 400;
    }
    void rateLimitHoldsRequestsBehindTheRefusedOne()
    {
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, holdMs);
        ScriptedServer server;
        QVERIFY(server.start());
        const QByteArray ok = ok200("{\"ok\":true}");
        server.responses
            = {ScriptedServer::response("429 Too Many Requests",
                   "{\"ok\":false,\"error\":\"slow down\"}", "application/json", retryAfter),
                ok, ok, ok};
        ClientConfig config;
        config.baseUrl = server.url();
        config.maxConcurrent = 1;
        config.backoffBaseMs = 1;
        config.backoffMaxMs = 5000;
        config.rateLimitHoldMs = 400;
        ParticleClient client(&m_nam, config);
        client.setAccessToken(QStringLiteral("t"));
        int done = 0;
        QObject context;
        for (const char *name : {"first", "second", "third"})
            client.deleteGroup(1, QString::fromLatin1(name), &context, [&](Result<bool> r) {
                QVERIFY2(r.ok(), qPrintable(r.error.toString()));
                ++done;
            });
        QTRY_COMPARE_WITH_TIMEOUT(done, 3, CallTimeoutMs);
        QCOMPARE(server.arrivals.size(), 4);
        QVERIFY(server.requestLine(0).contains("/groups/first "));
        QVERIFY2(
            server.requestLine(1).contains("/groups/first "), server.requestLine(1).constData());
        QVERIFY(server.requestLine(2).contains("/groups/second "));
        QVERIFY(server.requestLine(3).contains("/groups/third "));
        QVERIFY2(server.arrivals.at(1) - server.arrivals.at(0) >= holdMs - 50,
            qPrintable(QString::number(server.arrivals.at(1) - server.arrivals.at(0))));
    }

    // 429s without end: the holds grow while the 429s go on, and the request gives up with
    // RateLimited once they have held it for rateLimitMaxWaitMs: a handful of requests, bounded
    // by time and not by maxAttempts (a 429 is not a failed attempt).
    void endless429GivesUpInBoundedTime()
    {
        SandboxProcess sandbox;
        QVERIFY2(sandbox.start(startArgs()), qPrintable(sandbox.errorString()));
        QCOMPARE(adminHttp(sandbox)
                     .postJson(sandbox.url(QStringLiteral("/admin/faults/burst429")),
                         QJsonObject {{QStringLiteral("count"), 1000}})
                     .status,
            200);
        ClientConfig config;
        config.maxAttempts = 2;
        config.rateLimitHoldMs = 50;
        config.rateLimitGrowAfterMs = 200;
        config.rateLimitMaxWaitMs = 2000;
        auto client = clientFor(sandbox, config);
        QList<int> holdLengths;
        connect(client.get(), &ParticleClient::rateLimited, this,
            [&](int ms) { holdLengths.append(ms); });
        QElapsedTimer clock;
        clock.start();
        const auto r = call<QList<Domain::Group>>(
            [&](QObject *c, auto cb) { client->listGroups(m_product, c, cb); });
        QCOMPARE(r.error.kind, Kind::RateLimited);
        QCOMPARE(r.error.status, 429);
        QVERIFY2(r.error.message.contains(QLatin1String("429")), qPrintable(r.error.message));
        // At the earliest: holds of 50 ms (4), 100 ms (2), 200, 400 ms, then one of 1,600 ms
        // would pass 2 s: 9 requests. A slower machine gets there with fewer (at least one more).
        const int sent = client->requestsSent();
        QVERIFY2(sent >= 2 && sent <= 10, qPrintable(QString::number(sent)));
        QCOMPARE(holdLengths.size(), sent);
        QVERIFY(holdLengths.first() <= 50);
        QVERIFY2(holdLengths.last() > 50, qPrintable(QString::number(holdLengths.last())));
        QVERIFY(clock.elapsed() < 60000);
    }

    void garbledJsonIsMalformed()
    {
        SandboxProcess sandbox;
        QVERIFY2(
            sandbox.start(startArgs({QStringLiteral("--fault-garble-rate"), QStringLiteral("1")})),
            qPrintable(sandbox.errorString()));
        auto client = clientFor(sandbox);
        const auto groups = call<QList<Domain::Group>>(
            [&](QObject *c, auto cb) { client->listGroups(m_product, c, cb); });
        QCOMPARE(groups.error.kind, Kind::Malformed);
        QCOMPARE(groups.error.status, 200);
        QVERIFY(!groups.value.has_value());
        QVERIFY2(groups.error.message.contains(QLatin1String("not valid JSON"))
                && groups.error.message.contains(QLatin1String("/groups")),
            qPrintable(groups.error.message));
        QCOMPARE(client->requestsSent(), 1); // never retried, never trusted

        const ApiReply raw
            = rawCall(*client, "GET", QStringLiteral("/v1/products/%1").arg(m_product));
        QCOMPARE(raw.error.kind, Kind::Malformed);
        QVERIFY(raw.json.isNull());
        QVERIFY(!raw.body.isEmpty());
        QVERIFY(!raw.ok());

        // A 204 route garbled into a 200 with a broken body is not a success either.
        const auto deleted = call<bool>([&](QObject *c, auto cb) {
            client->deleteGroup(m_product, QStringLiteral("beta-testers"), c, cb);
        });
        QCOMPARE(deleted.error.kind, Kind::Malformed);

        // Switched off through the admin route: everything is fine again.
        QCOMPARE(adminHttp(sandbox)
                     .putJson(sandbox.url(QStringLiteral("/admin/faults")),
                         QJsonObject {{QStringLiteral("garble_rate"), 0}})
                     .json()
                     .value(QStringLiteral("garble_rate"))
                     .toDouble(-1),
            0.0);
        QVERIFY(call<QList<Domain::Group>>([&](QObject *c, auto cb) {
            client->listGroups(m_product, c, cb);
        }).ok());
    }

    // ---- Rate limiter, concurrency, timeouts ------------------------------------------------

    void rateLimiterSlidingWindow()
    {
        ClientConfig config;
        config.rateLimit = 20;
        config.rateWindowSeconds = 2;
        auto client = clientFor(m_sandbox, config);
        QElapsedTimer clock;
        QList<qint64> sends;
        int maxUsed = 0;
        connect(client.get(), &ParticleClient::requestSent, this, [&] {
            sends.append(clock.elapsed());
            maxUsed = std::max(maxUsed, client->usedInWindow());
        });
        clock.start();
        constexpr int Calls = 30;
        int done = 0;
        int ok = 0;
        QObject context;
        for (int i = 0; i < Calls; ++i)
            client->listGroups(m_product, &context, [&](Result<QList<Domain::Group>> r) {
                ++done;
                ok += r.ok() ? 1 : 0;
            });
        QCOMPARE(sends.size(), 6); // maxConcurrent on the wire at once
        QTRY_COMPARE_WITH_TIMEOUT(done, Calls, CallTimeoutMs);
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(ok, Calls);
        QCOMPARE(sends.size(), Calls);
        QCOMPARE(maxUsed, 20);
        // Any 21 consecutive sends span more than a window; so the 30 need more than one.
        for (int i = 0; i + 20 < sends.size(); ++i)
            QVERIFY2(sends.at(i + 20) - sends.at(i) >= 2000,
                qPrintable(QStringLiteral("sends %1 and %2 are %3 ms apart")
                               .arg(i)
                               .arg(i + 20)
                               .arg(sends.at(i + 20) - sends.at(i))));
        QVERIFY(elapsed >= 2000);
        QCOMPARE(client->headroom(), 20 - client->usedInWindow());
        // The window empties by itself (timers, no polling by the caller).
        QSignalSpy usage(client.get(), &ParticleClient::usageChanged);
        QTRY_COMPARE_WITH_TIMEOUT(client->usedInWindow(), 0, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(usage.count() > 0, 5000);
        QCOMPARE(client->headroom(), 20);
    }

    void concurrencyAndTimeouts()
    {
        SandboxProcess sandbox;
        QVERIFY2(
            sandbox.start(startArgs({QStringLiteral("--fault-latency-ms"), QStringLiteral("300")})),
            qPrintable(sandbox.errorString()));
        {
            ClientConfig config;
            config.maxConcurrent = 3;
            auto client = clientFor(sandbox, config);
            int inFlight = 0;
            int maxInFlight = 0;
            connect(client.get(), &ParticleClient::requestSent, this, [&] {
                ++inFlight;
                maxInFlight = std::max(maxInFlight, inFlight);
                QVERIFY(client->inFlight() <= 3);
            });
            int done = 0;
            QObject context;
            QElapsedTimer clock;
            clock.start();
            for (int i = 0; i < 12; ++i)
                client->listGroups(m_product, &context, [&](Result<QList<Domain::Group>> r) {
                    QVERIFY(r.ok());
                    --inFlight;
                    ++done;
                });
            QCOMPARE(client->queued(), 9);
            QTRY_COMPARE_WITH_TIMEOUT(done, 12, CallTimeoutMs);
            QCOMPARE(maxInFlight, 3);
            QVERIFY2(clock.elapsed() >= 4 * 300, qPrintable(QString::number(clock.elapsed())));
            QCOMPARE(client->requestsSent(), 12);
        }
        {
            // The answer takes longer than the transfer timeout: Timeout after every attempt.
            QCOMPARE(adminHttp(sandbox)
                         .putJson(sandbox.url(QStringLiteral("/admin/faults")),
                             QJsonObject {{QStringLiteral("latency_ms"), 2000}})
                         .status,
                200);
            ClientConfig config;
            config.transferTimeoutMs = 300;
            config.maxAttempts = 2;
            config.backoffBaseMs = 10;
            config.backoffMaxMs = 10;
            auto client = clientFor(sandbox, config);
            QElapsedTimer clock;
            clock.start();
            const auto r = call<QList<Domain::Group>>(
                [&](QObject *c, auto cb) { client->listGroups(m_product, c, cb); });
            QCOMPARE(r.error.kind, Kind::Timeout);
            QVERIFY(r.error.isTransient());
            QVERIFY2(r.error.message.contains(QLatin1String("300")), qPrintable(r.error.message));
            QCOMPARE(client->requestsSent(), 2);
            QVERIFY(clock.elapsed() >= 600);
            QVERIFY(clock.elapsed() < 2000);
        }
    }

    void deadContextsAndCancel()
    {
        SandboxProcess sandbox;
        QVERIFY2(
            sandbox.start(startArgs({QStringLiteral("--fault-latency-ms"), QStringLiteral("200")})),
            qPrintable(sandbox.errorString()));
        ClientConfig config;
        config.maxConcurrent = 1;
        auto client = clientFor(sandbox, config);

        // Queued requests of a dead context are never sent; its callbacks never run.
        int called = 0;
        {
            QObject context;
            for (int i = 0; i < 3; ++i)
                client->listGroups(
                    m_product, &context, [&](Result<QList<Domain::Group>>) { ++called; });
        }
        QObject alive;
        bool aliveDone = false;
        client->listGroups(m_product, &alive, [&](Result<QList<Domain::Group>> r) {
            QVERIFY(r.ok());
            aliveDone = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(aliveDone, CallTimeoutMs);
        QCOMPARE(called, 0);
        QCOMPARE(client->requestsSent(), 2); // the one already on the wire, and `alive`'s

        // cancelAll: every pending request fails with Cancelled, later, not inside the call.
        QList<Kind> kinds;
        for (int i = 0; i < 4; ++i)
            client->listGroups(m_product, &alive,
                [&](Result<QList<Domain::Group>> r) { kinds.append(r.error.kind); });
        client->cancelAll();
        QVERIFY(kinds.isEmpty());
        QTRY_COMPARE(kinds.size(), 4);
        for (const Kind k : std::as_const(kinds))
            QCOMPARE(k, Kind::Cancelled);
        QCOMPARE(client->inFlight(), 0);
        QCOMPARE(client->queued(), 0);
        QVERIFY(call<QList<Domain::Group>>([&](QObject *c, auto cb) {
            client->listGroups(m_product, c, cb);
        }).ok());
    }

    // ---- What the sandbox never sends ------------------------------------------------------

    void retryAfterIsHonoured()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.responses = {
            ScriptedServer::response("503 Service Unavailable", "{\"ok\":false,\"error\":\"busy\"}",
                "application/json", "Retry-After: 1\r\n"),
            ScriptedServer::response("200 OK", "{\"groups\":[]}"),
        };
        ClientConfig config;
        config.baseUrl = server.url();
        config.backoffBaseMs = 1;
        config.backoffMaxMs = 1;
        ParticleClient client(&m_nam, config);
        client.setAccessToken(QStringLiteral("token-for-the-scripted-server"));
        const auto r
            = call<QList<Domain::Group>>([&](QObject *c, auto cb) { client.listGroups(1, c, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(server.arrivals.size(), 2);
        QVERIFY2(server.arrivals.at(1) - server.arrivals.at(0) >= 950,
            qPrintable(QString::number(server.arrivals.at(1) - server.arrivals.at(0))));
        // The policy headers went out.
        const QByteArray head = server.requestHeads.first().toLower();
        QVERIFY(head.contains("authorization: bearer token-for-the-scripted-server"));
        QVERIFY(head.contains("accept: application/json"));
    }

    void noContentAndNonJsonAnswers()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.responses = {
            "HTTP/1.1 204 No Content\r\n\r\n",
            ScriptedServer::response("200 OK", "<html><body>Hello</body></html>", "text/html"),
            ScriptedServer::response("200 OK", QByteArray()),
            ScriptedServer::response("200 OK", "{\"groups\":[{\"description\":\"no name\"}]}"),
            ScriptedServer::response("400 Bad Request",
                "{\"error\":\"invalid_request\",\"error_description\":\"Malformed auth header\"}"),
        };
        ClientConfig config;
        config.baseUrl = server.url();
        ParticleClient client(&m_nam, config);
        client.setAccessToken(QStringLiteral("t"));

        const auto deleted = call<bool>(
            [&](QObject *c, auto cb) { client.deleteGroup(1, QStringLiteral("g"), c, cb); });
        QVERIFY2(deleted.ok(), qPrintable(deleted.error.toString()));

        const auto html
            = call<QList<Domain::Group>>([&](QObject *c, auto cb) { client.listGroups(1, c, cb); });
        QCOMPARE(html.error.kind, Kind::Malformed);
        QVERIFY2(html.error.message.contains(QLatin1String("text/html")),
            qPrintable(html.error.message));

        const auto empty
            = call<QList<Domain::Group>>([&](QObject *c, auto cb) { client.listGroups(1, c, cb); });
        QCOMPARE(empty.error.kind, Kind::Malformed);
        QVERIFY2(
            empty.error.message.contains(QLatin1String("empty")), qPrintable(empty.error.message));

        const auto invalid
            = call<QList<Domain::Group>>([&](QObject *c, auto cb) { client.listGroups(1, c, cb); });
        QCOMPARE(invalid.error.kind, Kind::Malformed);
        QVERIFY2(invalid.error.message.contains(QLatin1String("'name' is missing")),
            qPrintable(invalid.error.message));

        const auto oauth
            = call<QList<Domain::Group>>([&](QObject *c, auto cb) { client.listGroups(1, c, cb); });
        QCOMPARE(oauth.error.kind, Kind::BadRequest);
        QCOMPARE(oauth.error.code, QStringLiteral("invalid_request"));
        QCOMPARE(oauth.error.message, QStringLiteral("Malformed auth header"));
        QCOMPARE(client.requestsSent(), 5);
    }
};

QTEST_GUILESS_MAIN(TestParticleClient)
#include "tst_particleclient.moc"
