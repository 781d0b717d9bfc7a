// SPDX-License-Identifier: MIT
// ParticleClient against the sandbox cloud over real HTTP: typed calls, the signed-out state,
// retries under injected faults, the rate limiter, bounded concurrency, timeouts, malformed
// answers and the refusal of insecure URLs. A small scripted server covers what the sandbox never
// sends (Retry-After, 204 on a JSON route, HTML on a 200).
#include "remote/particleclient.h"
#include "sandboxprocess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

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

QJsonObject stats(SandboxProcess &sandbox)
{
    return Http().get(sandbox.url(QStringLiteral("/admin/stats"))).json();
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

// Answers each HTTP request on 127.0.0.1 with the next canned response, and notes when it came.
class ScriptedServer final : public QObject
{
public:
    QList<QByteArray> responses;
    QList<qint64> arrivals; // ms since start()
    QList<QByteArray> requestHeads;

    bool start()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    qsizetype end;
                    while ((end = buffer->indexOf("\r\n\r\n")) >= 0) {
                        requestHeads.append(buffer->left(end));
                        buffer->remove(0, end + 4);
                        arrivals.append(m_clock.elapsed());
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

private:
    QTcpServer m_server;
    QElapsedTimer m_clock;
};

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

        // A wrong client secret: the token endpoint's error, and the client stays signed in.
        QSignalSpy signedOut(m_client.get(), &ParticleClient::signedOut);
        const auto badClient = call<QString>([&](QObject *c, auto cb) {
            m_client->customerToken(clientId, QStringLiteral("wrong"), email, c, cb);
        });
        QVERIFY(badClient.error.isError());
        QVERIFY(!badClient.error.message.isEmpty());

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

    void importAndRemove()
    {
        const QString id = QStringLiteral("0a1b2c3d4e5f60718293a4b5");
        const auto imported = call<QJsonObject>(
            [&](QObject *c, auto cb) { m_client->importDevices(m_product, {id}, c, cb); });
        QVERIFY2(imported.ok(), qPrintable(imported.error.toString()));
        QCOMPARE(imported.value->value(QStringLiteral("updated")).toInt(), 1);
        QCOMPARE(
            imported.value->value(QStringLiteral("updatedDeviceIds")).toArray(), QJsonArray {id});
        const auto device = call<Domain::Device>(
            [&](QObject *c, auto cb) { m_client->getDevice(m_product, id, c, cb); });
        QVERIFY2(device.ok(), qPrintable(device.error.toString()));
        const auto removed = call<bool>(
            [&](QObject *c, auto cb) { m_client->removeDevice(m_product, id, c, cb); });
        QVERIFY2(removed.ok(), qPrintable(removed.error.toString())); // 204
        const auto gone = call<Domain::Device>(
            [&](QObject *c, auto cb) { m_client->getDevice(m_product, id, c, cb); });
        QCOMPARE(gone.error.kind, Kind::NotFound);
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
        auto client = clientFor(m_sandbox, config);
        const QJsonObject before = stats(m_sandbox);
        QCOMPARE(Http()
                     .postJson(m_sandbox.url(QStringLiteral("/admin/faults/burst429")),
                         QJsonObject {{QStringLiteral("count"), 3}})
                     .status,
            200);
        const auto r = call<QList<Domain::Group>>(
            [&](QObject *c, auto cb) { client->listGroups(m_product, c, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(client->requestsSent(), 4);
        const QJsonObject after = stats(m_sandbox);
        QCOMPARE(
            after.value(QStringLiteral("by_status")).toObject().value(QStringLiteral("429")).toInt()
                - before.value(QStringLiteral("by_status"))
                      .toObject()
                      .value(QStringLiteral("429"))
                      .toInt(),
            3);

        // More 429s than attempts: RateLimited in the end.
        QCOMPARE(Http()
                     .postJson(m_sandbox.url(QStringLiteral("/admin/faults/burst429")),
                         QJsonObject {{QStringLiteral("count"), 5}})
                     .status,
            200);
        const auto limited = call<QList<Domain::Group>>(
            [&](QObject *c, auto cb) { client->listGroups(m_product, c, cb); });
        QCOMPARE(limited.error.kind, Kind::RateLimited);
        QCOMPARE(limited.error.status, 429);
        QVERIFY(limited.error.isTransient());
        QCOMPARE(client->requestsSent(), 4 + config.maxAttempts);
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
        QCOMPARE(Http()
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
            QCOMPARE(Http()
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
