// SPDX-License-Identifier: MIT
// Event streams and simulated devices over real HTTP: SSE framing on the wire, keep-alives,
// scopes and prefixes, publishing, and the OTA sequences simulated devices emit.
#include "sandboxprocess.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QPointer>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Flotilla::Test;

namespace {

struct Frame
{
    QString name;
    QJsonObject data;
};

// Reads an event stream the way particle-api-js does: ':' comments, `event:` and `data:` lines,
// a blank line ends an event.
class EventReader
{
public:
    EventReader(QNetworkAccessManager &nam, const QUrl &url, const QString &token)
    {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        request.setRawHeader("Accept", "text/event-stream");
        m_reply = nam.get(request);
        QObject::connect(m_reply, &QNetworkReply::readyRead, m_reply, [this] { read(); });
    }
    ~EventReader()
    {
        if (m_reply) {
            m_reply->abort();
            m_reply->deleteLater();
        }
    }
    int status() const
    {
        return m_reply ? m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
    }
    bool opened() const { return m_raw.startsWith(":ok"); }
    int comments() const { return m_comments; }
    QList<Frame> frames;
    QList<Frame> framesFor(const QString &coreId) const
    {
        QList<Frame> out;
        for (const Frame &f : frames) {
            if (f.data.value(QStringLiteral("coreid")).toString() == coreId)
                out.append(f);
        }
        return out;
    }
    bool has(const QString &coreId, const QString &name, const QString &dataPrefix) const
    {
        for (const Frame &f : frames) {
            if (f.data.value(QStringLiteral("coreid")).toString() == coreId && f.name == name
                && f.data.value(QStringLiteral("data")).toString().startsWith(dataPrefix))
                return true;
        }
        return false;
    }

private:
    void read()
    {
        const QByteArray chunk = m_reply->readAll();
        m_raw += chunk;
        m_buffer += chunk;
        qsizetype nl;
        while ((nl = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(nl);
            m_buffer.remove(0, nl + 1);
            if (line.isEmpty()) {
                if (m_haveData)
                    frames.append(m_current);
                m_current = Frame();
                m_haveData = false;
            } else if (line.startsWith(':')) {
                ++m_comments;
            } else if (line.startsWith("event:")) {
                m_current.name = QString::fromUtf8(line.mid(6).trimmed());
            } else if (line.startsWith("data:")) {
                m_current.data = QJsonDocument::fromJson(line.mid(5).trimmed()).object();
                m_haveData = true;
            }
        }
    }
    QPointer<QNetworkReply> m_reply;
    QByteArray m_raw;
    QByteArray m_buffer;
    Frame m_current;
    bool m_haveData = false;
    int m_comments = 0;
};

} // namespace

class TestSandboxEvents final : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QNetworkAccessManager m_nam;

    QUrl product(const QString &path) const
    {
        return m_sandbox.url(
            QStringLiteral("/v1/products/%1%2").arg(m_sandbox.productId()).arg(path));
    }
    std::unique_ptr<EventReader> open(const QUrl &url)
    {
        auto reader = std::make_unique<EventReader>(m_nam, url, m_sandbox.token());
        if (!QTest::qWaitFor([&] { return reader->opened(); }, 10000))
            return nullptr;
        return reader;
    }
    QJsonObject device(const QString &id)
    {
        return Http(m_sandbox.token()).get(product(QStringLiteral("/devices/") + id)).json();
    }
    // Online, unlocked, non-development devices of a group.
    QList<QJsonObject> onlineDevices(const QString &group)
    {
        QList<QJsonObject> out;
        const QJsonArray devices
            = Http(m_sandbox.token())
                  .get(product(
                      QStringLiteral("/devices?perPage=100&sortAttr=deviceId&groups=") + group))
                  .json()
                  .value(QStringLiteral("devices"))
                  .toArray();
        for (const QJsonValue &v : devices) {
            const QJsonObject d = v.toObject();
            if (d.value(QStringLiteral("online")).toBool()
                && !d.value(QStringLiteral("development")).toBool()
                && d.value(QStringLiteral("desired_firmware_version")).isNull())
                out.append(d);
        }
        return out;
    }
    // PUT a multipart `file` to a device, the way particle-api-js's flashDevice sends it.
    HttpResult flash(const QUrl &url, const QByteArray &fileName, const QByteArray &data)
    {
        const QByteArray boundary = "flash-boundary-7b1f";
        const QByteArray body = "--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + data + "\r\n--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"latest\"\r\n\r\ntrue\r\n--" + boundary
            + "--\r\n";
        return Http(m_sandbox.token())
            .send("PUT", url, body, "multipart/form-data; boundary=" + boundary);
    }
    void setOnline(const QString &id, bool online)
    {
        Http(m_sandbox.adminToken())
            .putJson(m_sandbox.url(QStringLiteral("/admin/devices/") + id),
                QJsonObject {{QStringLiteral("online"), online}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Time runs 60x faster; an update takes ~2 simulated seconds. Devices stay online long
        // enough (mean session: 10 simulated days) that churn does not interfere.
        QVERIFY2(m_sandbox.start({QStringLiteral("--devices"), QStringLiteral("400"),
                     QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--time-scale"),
                     QStringLiteral("60"), QStringLiteral("--update-duration"), QStringLiteral("2"),
                     QStringLiteral("--update-failure-rate"), QStringLiteral("0"),
                     QStringLiteral("--keepalive-ms"), QStringLiteral("200"),
                     QStringLiteral("--mean-online"), QStringLiteral("864000")}),
            qPrintable(m_sandbox.errorString()));
    }

    void streamOpensAndKeepsAlive()
    {
        auto reader = open(product(QStringLiteral("/events/no-such-event-prefix")));
        QVERIFY(reader);
        QCOMPARE(reader->status(), 200);
        const int before = reader->comments();
        QTRY_VERIFY_WITH_TIMEOUT(reader->comments() >= before + 3, 5000);
        QVERIFY(reader->frames.isEmpty());
    }

    void lockAndFlashEmitsTheOtaSequence()
    {
        auto reader = open(product(QStringLiteral("/events")));
        QVERIFY(reader);
        const QList<QJsonObject> candidates = onlineDevices(QStringLiteral("fjord"));
        QVERIFY(!candidates.isEmpty());
        const QString id = candidates.first().value(QStringLiteral("id")).toString();
        const int from = candidates.first().value(QStringLiteral("firmware_version")).toInt();
        const int to = from == 3 ? 2 : 3;
        const HttpResult r = Http(m_sandbox.token())
                                 .putJson(product(QStringLiteral("/devices/") + id),
                                     QJsonObject {{QStringLiteral("desired_firmware_version"), to},
                                         {QStringLiteral("flash"), true}});
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json().contains(QStringLiteral("flash"))); // not in the documented answer
        QTRY_VERIFY_WITH_TIMEOUT(
            reader->has(id, QStringLiteral("spark/device/app-hash"), QString()), 15000);
        // The documented order, with the product stream's fields.
        QStringList sequence;
        for (const Frame &f : reader->framesFor(id))
            sequence.append(f.name + QLatin1Char('=')
                + f.data.value(QStringLiteral("data")).toString().trimmed());
        const QStringList expected {QStringLiteral("spark/status=auto-update"),
            QStringLiteral("spark/flash/status=started"),
            QStringLiteral("spark/flash/status=success"), QStringLiteral("spark/status=offline"),
            QStringLiteral("spark/status=online"),
            QStringLiteral("spark/device/last_reset=update")};
        QCOMPARE(sequence.mid(0, expected.size()), expected);
        QVERIFY(sequence.at(expected.size()).startsWith(QStringLiteral("spark/device/app-hash=")));
        const QList<Frame> frames = reader->framesFor(id);
        for (const Frame &f : frames) {
            QCOMPARE(f.data.value(QStringLiteral("productID")).toInt(), m_sandbox.productId());
            QVERIFY(!f.data.value(QStringLiteral("published_at")).toString().isEmpty());
            QVERIFY(f.data.value(QStringLiteral("version")).isDouble());
        }
        // `version` is the firmware the device runs: old until it reconnects, new after.
        QCOMPARE(frames.at(2).data.value(QStringLiteral("version")).toInt(), from);
        QCOMPARE(frames.at(4).data.value(QStringLiteral("version")).toInt(), to);
        QCOMPARE(device(id).value(QStringLiteral("firmware_version")).toInt(), to);
        QCOMPARE(device(id).value(QStringLiteral("online")).toBool(), true);
    }

    // PUT /v1/products/:p/devices/:id with a multipart `file` flashes that binary to the device
    // now (particle-cli's "cloud flash" of a .bin): the answer says the update started and the
    // device goes through the same sequence as a lock with flash. A binary that is not its target
    // is replaced by the target at the next handshake, as the cloud does.
    void flashingABinaryToOneDevice()
    {
        const QList<QJsonObject> candidates = onlineDevices(QStringLiteral("cobalt"));
        QJsonObject chosen;
        for (const QJsonObject &d : candidates) {
            if (d.value(QStringLiteral("firmware_version"))
                    == d.value(QStringLiteral("targeted_firmware_release_version"))
                && d.value(QStringLiteral("firmware_version")).toInt() != 3) {
                chosen = d;
                break;
            }
        }
        QVERIFY(!chosen.isEmpty());
        const QString id = chosen.value(QStringLiteral("id")).toString();
        const int target
            = chosen.value(QStringLiteral("targeted_firmware_release_version")).toInt();
        // Version 3's binary, as the product's firmware list has it.
        Http http(m_sandbox.token());
        const HttpResult binary = http.get(product(QStringLiteral("/firmware/3/binary")));
        QCOMPARE(binary.status, 200);
        auto reader = open(product(QStringLiteral("/events")));
        QVERIFY(reader);

        const HttpResult r
            = flash(product(QStringLiteral("/devices/") + id), "tracker-v3.bin", binary.body);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(),
            (QJsonObject {{QStringLiteral("id"), id},
                {QStringLiteral("status"), QStringLiteral("Update started")}}));
        // Flashed, back online running version 3, then updated to its target again.
        QTRY_VERIFY_WITH_TIMEOUT(
            device(id).value(QStringLiteral("firmware_version")).toInt() == target
                && reader->framesFor(id).size() >= 14,
            30000);
        QStringList sequence;
        QList<int> versions;
        for (const Frame &f : reader->framesFor(id)) {
            sequence.append(f.name + QLatin1Char('=')
                + f.data.value(QStringLiteral("data")).toString().trimmed().left(8));
            versions.append(f.data.value(QStringLiteral("version")).toInt());
        }
        const QStringList once {QStringLiteral("spark/status=auto-upd"),
            QStringLiteral("spark/flash/status=started"),
            QStringLiteral("spark/flash/status=success"), QStringLiteral("spark/status=offline"),
            QStringLiteral("spark/status=online"),
            QStringLiteral("spark/device/last_reset=update")};
        QCOMPARE(sequence.mid(0, 6), once);
        QCOMPARE(versions.at(4), 3); // online again, running the flashed binary
        QCOMPARE(sequence.mid(7, 6), once);
        QCOMPARE(versions.at(11), target);
    }
    void flashingIsRefusedWhereItCannotHappen()
    {
        Http http(m_sandbox.token());
        const QByteArray binary = http.get(product(QStringLiteral("/firmware/4/binary"))).body;
        QVERIFY(!binary.isEmpty());
        // Unknown in the product: the real cloud's message.
        HttpResult r
            = flash(product(QStringLiteral("/devices/0123456789abcdef01234567")), "fw.bin", binary);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(),
            QStringLiteral("Device not found for this product"));
        const QList<QJsonObject> candidates = onlineDevices(QStringLiteral("fjord"));
        QVERIFY(candidates.size() >= 2);
        const QString id = candidates.last().value(QStringLiteral("id")).toString();
        // Source code needs the cloud compiler.
        r = flash(product(QStringLiteral("/devices/") + id), "app.ino", "void setup() {}");
        QCOMPARE(r.status, 400);
        QVERIFY(r.json()
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("compiler")));
        // An offline device cannot take it.
        setOnline(id, false);
        r = flash(product(QStringLiteral("/devices/") + id), "fw.bin", binary);
        QCOMPARE(r.status, 400);
        QVERIFY(
            r.json().value(QStringLiteral("error")).toString().contains(QStringLiteral("offline")));
        setOnline(id, true);
        QCOMPARE(device(id).value(QStringLiteral("online")).toBool(), true);
    }

    void failedUpdateKeepsTheOldVersion()
    {
        Http admin(m_sandbox.adminToken());
        QCOMPARE(admin
                     .putJson(m_sandbox.url(QStringLiteral("/admin/simulation")),
                         QJsonObject {{QStringLiteral("update_failure_rate"), 1.0}})
                     .status,
            200);
        auto reader = open(product(QStringLiteral("/events/spark/flash")));
        QVERIFY(reader);
        const QList<QJsonObject> candidates = onlineDevices(QStringLiteral("delta-water"));
        QVERIFY(!candidates.isEmpty());
        const QString id = candidates.first().value(QStringLiteral("id")).toString();
        const int from = candidates.first().value(QStringLiteral("firmware_version")).toInt();
        const int to = from == 2 ? 1 : 2;
        QCOMPARE(Http(m_sandbox.token())
                     .putJson(product(QStringLiteral("/devices/") + id),
                         QJsonObject {{QStringLiteral("desired_firmware_version"), to},
                             {QStringLiteral("flash"), true}})
                     .status,
            200);
        QTRY_VERIFY_WITH_TIMEOUT(
            reader->has(id, QStringLiteral("spark/flash/status"), QStringLiteral("failed")), 15000);
        QVERIFY(reader->has(id, QStringLiteral("spark/flash/status"), QStringLiteral("started")));
        QVERIFY(!reader->has(id, QStringLiteral("spark/flash/status"), QStringLiteral("success")));
        // The prefix filter only passes spark/flash events.
        for (const Frame &f : reader->frames)
            QVERIFY(f.name.startsWith(QStringLiteral("spark/flash")));
        QCOMPARE(device(id).value(QStringLiteral("firmware_version")).toInt(), from);
        QCOMPARE(admin
                     .putJson(m_sandbox.url(QStringLiteral("/admin/simulation")),
                         QJsonObject {{QStringLiteral("update_failure_rate"), 0.0}})
                     .status,
            200);
    }

    void deviceScopedStreams()
    {
        const QList<QJsonObject> candidates = onlineDevices(QStringLiteral("evergreen"));
        QVERIFY(candidates.size() >= 2);
        const QString a = candidates.at(0).value(QStringLiteral("id")).toString();
        const QString b = candidates.at(1).value(QStringLiteral("id")).toString();
        auto productScoped = open(product(QStringLiteral("/devices/%1/events").arg(a)));
        auto deviceScoped
            = open(m_sandbox.url(QStringLiteral("/v1/devices/%1/events/spark").arg(a)));
        QVERIFY(productScoped && deviceScoped);
        setOnline(b, false);
        setOnline(a, false);
        setOnline(a, true);
        QTRY_VERIFY_WITH_TIMEOUT(
            productScoped->has(a, QStringLiteral("spark/status"), QStringLiteral("online")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            deviceScoped->has(a, QStringLiteral("spark/status"), QStringLiteral("online")), 10000);
        QVERIFY(productScoped->has(a, QStringLiteral("spark/status"), QStringLiteral("offline")));
        for (const auto *reader : {productScoped.get(), deviceScoped.get()}) {
            for (const Frame &f : reader->frames)
                QCOMPARE(f.data.value(QStringLiteral("coreid")).toString(), a);
        }
        setOnline(b, true);
        QCOMPARE(Http(m_sandbox.token())
                     .get(product(QStringLiteral("/devices/%1/events")
                                      .arg(QStringLiteral("0123456789abcdef01234567"))))
                     .status,
            404);
    }

    void standardReleaseWaitsForTheNextHandshake()
    {
        auto reader = open(product(QStringLiteral("/events")));
        QVERIFY(reader);
        const QList<QJsonObject> candidates = onlineDevices(QStringLiteral("cobalt--field-b"));
        QVERIFY(!candidates.isEmpty());
        Http http(m_sandbox.token());
        QCOMPARE(
            http.putJson(product(QStringLiteral("/firmware/release")),
                    QJsonObject {{QStringLiteral("version"), 6},
                        {QStringLiteral("groups"), QJsonArray {QStringLiteral("cobalt--field-b")}},
                        {QStringLiteral("intelligent"), false}})
                .status,
            200);
        QTRY_VERIFY_WITH_TIMEOUT(!reader->frames.isEmpty()
                && reader->frames.last().name == QLatin1String("particle/firmware/release"),
            5000);
        const QString id = candidates.first().value(QStringLiteral("id")).toString();
        QCOMPARE(device(id).value(QStringLiteral("targeted_firmware_release_version")).toInt(), 6);
        QVERIFY(!reader->has(id, QStringLiteral("spark/status"), QStringLiteral("auto-update")));
        // Reconnecting is a handshake: now the device takes its target.
        setOnline(id, false);
        setOnline(id, true);
        QTRY_COMPARE_WITH_TIMEOUT(
            device(id).value(QStringLiteral("firmware_version")).toInt(), 6, 15000);
        QVERIFY(reader->has(id, QStringLiteral("spark/flash/status"), QStringLiteral("success")));
    }

    void intelligentReleaseReachesOnlineDevicesNow()
    {
        auto reader = open(product(QStringLiteral("/events/spark/flash")));
        QVERIFY(reader);
        const QList<QJsonObject> candidates = onlineDevices(QStringLiteral("acme--munich"));
        QVERIFY(!candidates.isEmpty());
        Http http(m_sandbox.token());
        QCOMPARE(
            http.putJson(product(QStringLiteral("/firmware/release")),
                    QJsonObject {{QStringLiteral("version"), 6},
                        {QStringLiteral("groups"), QJsonArray {QStringLiteral("acme--munich")}},
                        {QStringLiteral("intelligent"), true}})
                .status,
            200);
        for (const QJsonObject &d : candidates) {
            const QString id = d.value(QStringLiteral("id")).toString();
            QTRY_VERIFY_WITH_TIMEOUT(
                reader->has(id, QStringLiteral("spark/flash/status"), QStringLiteral("success")),
                15000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(device(candidates.first().value(QStringLiteral("id")).toString())
                                      .value(QStringLiteral("firmware_version"))
                                      .toInt(),
            6, 15000);
    }

    void publishedEventsReachTheProductStream()
    {
        auto reader = open(product(QStringLiteral("/events/custom")));
        QVERIFY(reader);
        Http http(m_sandbox.token());
        QCOMPARE(http.postJson(product(QStringLiteral("/events")),
                         QJsonObject {{QStringLiteral("name"), QStringLiteral("custom/hello")},
                             {QStringLiteral("data"), QStringLiteral("world")}})
                     .json()
                     .value(QStringLiteral("ok"))
                     .toBool(),
            true);
        QCOMPARE(http.postJson(product(QStringLiteral("/events")),
                         QJsonObject {{QStringLiteral("name"), QStringLiteral("other/skip")}})
                     .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(reader->frames.size(), 1, 5000);
        QCOMPARE(reader->frames.first().name, QStringLiteral("custom/hello"));
        QCOMPARE(reader->frames.first().data.value(QStringLiteral("data")).toString(),
            QStringLiteral("world"));
        QCOMPARE(reader->frames.first().data.value(QStringLiteral("coreid")).toString(),
            QStringLiteral("api"));
        QCOMPARE(http.postJson(product(QStringLiteral("/events")),
                         QJsonObject {{QStringLiteral("data"), QStringLiteral("no name")}})
                     .status,
            400);
        QCOMPARE(http.get(m_sandbox.url(QStringLiteral("/v1/events"))).status,
            400); // a prefix is required
    }
};

QTEST_GUILESS_MAIN(TestSandboxEvents)
#include "tst_sandbox_events.moc"
