// SPDX-License-Identifier: MIT
// The sandbox held against Particle's own tools and documentation, over real HTTP: revoking a
// token, the /v1/devices/:id routes, variables and functions, the fields of device objects, the
// real cloud's messages, the default order of the device list, paged customers, the limits on
// batches, forms and file names, and the admin routes' credential.
#include "sandboxprocess.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Flotilla::Test;

namespace {
QByteArray basic(const QString &id, const QString &secret)
{
    return "Basic " + (id + QLatin1Char(':') + secret).toUtf8().toBase64();
}
QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out.append(x.toString());
    return out;
}
QStringList keys(const QJsonObject &o)
{
    QStringList out = o.keys();
    out.sort();
    return out;
}
QString error(const HttpResult &r)
{
    return r.json().value(QStringLiteral("error")).toString();
}
} // namespace

class TestSandboxParticle final : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;

    QUrl product(const QString &path) const
    {
        return m_sandbox.url(
            QStringLiteral("/v1/products/%1%2").arg(m_sandbox.productId()).arg(path));
    }
    QString username() const
    {
        return m_sandbox.startLine().value(QStringLiteral("username")).toString();
    }
    QString password() const
    {
        return m_sandbox.startLine().value(QStringLiteral("password")).toString();
    }
    QString clientId() const
    {
        return m_sandbox.startLine()
            .value(QStringLiteral("oauth_client"))
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }
    QString clientSecret() const
    {
        return m_sandbox.startLine()
            .value(QStringLiteral("oauth_client"))
            .toObject()
            .value(QStringLiteral("secret"))
            .toString();
    }
    QJsonObject device(const QString &id)
    {
        return Http(m_sandbox.token()).get(product(QStringLiteral("/devices/") + id)).json();
    }
    QList<QJsonObject> devicesIn(const QString &group)
    {
        QList<QJsonObject> out;
        for (const QJsonValue &v :
            Http(m_sandbox.token())
                .get(product(
                    QStringLiteral("/devices?perPage=100&sortAttr=deviceId&groups=") + group))
                .json()
                .value(QStringLiteral("devices"))
                .toArray())
            out.append(v.toObject());
        return out;
    }
    // The first device of `group` (by id); fails the test when there is none.
    QString firstIn(const QString &group)
    {
        const QList<QJsonObject> devices = devicesIn(group);
        return devices.isEmpty() ? QString()
                                 : devices.first().value(QStringLiteral("id")).toString();
    }
    // An online device of `group` that runs its target (so no update is under way).
    QJsonObject settledOnlineDevice(const QString &group, int skip = 0)
    {
        for (const QJsonObject &d : devicesIn(group)) {
            if (d.value(QStringLiteral("online")).toBool()
                && !d.value(QStringLiteral("development")).toBool()
                && d.value(QStringLiteral("firmware_version"))
                    == d.value(QStringLiteral("targeted_firmware_release_version"))
                && skip-- == 0)
                return d;
        }
        return {};
    }
    // A fresh access token of the demo user (password grant).
    QString login()
    {
        return Http()
            .postForm(m_sandbox.url(QStringLiteral("/oauth/token")),
                "grant_type=password&username=" + QUrl::toPercentEncoding(username())
                    + "&password=" + QUrl::toPercentEncoding(password()),
                basic(QStringLiteral("particle"), QStringLiteral("particle")))
            .json()
            .value(QStringLiteral("access_token"))
            .toString();
    }
    // A new customer with a password; its access token.
    QString createCustomer(const QString &email)
    {
        return Http()
            .postForm(product(QStringLiteral("/customers")),
                "email=" + QUrl::toPercentEncoding(email) + "&password=pw",
                basic(clientId(), clientSecret()))
            .json()
            .value(QStringLiteral("access_token"))
            .toString();
    }
    int status(const QString &token, const QString &path)
    {
        return Http(token).get(m_sandbox.url(path)).status;
    }
    void setOnline(const QString &id, bool online)
    {
        QCOMPARE(Http(m_sandbox.adminToken())
                     .putJson(m_sandbox.url(QStringLiteral("/admin/devices/") + id),
                         QJsonObject {{QStringLiteral("online"), online}})
                     .status,
            200);
    }
    HttpResult upload(int version, const QByteArray &fileName)
    {
        const QByteArray boundary = "particle-test-boundary";
        const QByteArray body = "--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n"
            + QByteArray::number(version) + "\r\n--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nnamed\r\n--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"binary\"; filename=\"" + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + QByteArray(512, '\x3c')
            + "\r\n--" + boundary + "--\r\n";
        return Http(m_sandbox.token())
            .send("POST", product(QStringLiteral("/firmware")), body,
                "multipart/form-data; boundary=" + boundary);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Devices stay online for a long time (mean session: 10 simulated days), so that the
        // ones a test picks online are still online when it calls them.
        QVERIFY2(m_sandbox.start({QStringLiteral("--devices"), QStringLiteral("300"),
                     QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--mean-online"),
                     QStringLiteral("864000")}),
            qPrintable(m_sandbox.errorString()));
    }

    // ---- the admin routes -----------------------------------------------------------------

    void adminRoutesNeedTheAdminToken_data()
    {
        QTest::addColumn<QString>("route");
        for (const char *route : {"/admin/stats", "/admin/mfa", "/admin/faults",
                 "/admin/simulation", "/admin/ota", "/admin/stock"})
            QTest::newRow(route) << QString::fromLatin1(route);
    }
    void adminRoutesNeedTheAdminToken()
    {
        QFETCH(QString, route);
        const QUrl url = m_sandbox.url(route);
        const QList<QByteArray> refused {QByteArray(),
            QByteArray("Bearer " + m_sandbox.token().toLatin1()),
            QByteArray("Bearer " + m_sandbox.adminToken().toLatin1() + 'x'),
            QByteArray("Bearer " + m_sandbox.adminToken().left(39).toLatin1()),
            basic(QStringLiteral("admin"), m_sandbox.adminToken())};
        for (const QByteArray &authorization : refused) {
            const HttpResult r = Http().send("GET", url, {}, {}, authorization);
            QCOMPARE(r.status, 401);
            QCOMPARE(r.json().value(QStringLiteral("ok")).toBool(true), false);
            QVERIFY2(error(r).contains(QStringLiteral("admin_token")), r.body.constData());
            // The MFA user's password and one-time code are not given away.
            QVERIFY(!r.body.contains(password().toLatin1()));
        }
        QCOMPARE(Http(m_sandbox.adminToken()).get(url).status, 200);
    }
    void adminChangesNeedTheAdminTokenToo()
    {
        const QUrl faults = m_sandbox.url(QStringLiteral("/admin/faults"));
        const HttpResult refused
            = Http(m_sandbox.token())
                  .putJson(faults, QJsonObject {{QStringLiteral("error_rate"), 1.0}});
        Http admin(m_sandbox.adminToken());
        const double errorRate
            = admin.get(faults).json().value(QStringLiteral("error_rate")).toDouble();
        // Put back whatever happened, so that a failure here does not spoil the tests after it.
        admin.putJson(faults, QJsonObject {{QStringLiteral("error_rate"), 0.0}});
        QCOMPARE(refused.status, 401);
        QCOMPARE(errorRate, 0.0);
        QCOMPARE(Http(m_sandbox.token()).get(product(QString())).status, 200);
    }

    // ---- DELETE /v1/access_tokens/:token ----------------------------------------------------

    void revokingATokenWithAnotherTokenOfTheAccount()
    {
        const QString doomed = login();
        QVERIFY(!doomed.isEmpty());
        QCOMPARE(status(doomed, QStringLiteral("/v1/user")), 200);
        const HttpResult r = Http(m_sandbox.token())
                                 .del(m_sandbox.url(QStringLiteral("/v1/access_tokens/") + doomed));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(), (QJsonObject {{QStringLiteral("ok"), true}}));
        QCOMPARE(status(doomed, QStringLiteral("/v1/user")), 401);
        QCOMPARE(status(doomed, QStringLiteral("/v1/products")), 401);
        QCOMPARE(status(m_sandbox.token(), QStringLiteral("/v1/user")), 200);
        // Gone is gone.
        QCOMPARE(Http(m_sandbox.token())
                     .del(m_sandbox.url(QStringLiteral("/v1/access_tokens/") + doomed))
                     .status,
            404);
    }
    void revokingATokenWithUsernameAndPassword()
    {
        // The documented way (and particle-cli's): HTTP Basic with the account's credentials.
        const QString doomed = login();
        const QUrl url = m_sandbox.url(QStringLiteral("/v1/access_tokens/") + doomed);
        const HttpResult wrong
            = Http().send("DELETE", url, {}, {}, basic(username(), password() + QLatin1Char('x')));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(status(doomed, QStringLiteral("/v1/user")), 200);
        const HttpResult r = Http().send("DELETE", url, {}, {}, basic(username(), password()));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(), (QJsonObject {{QStringLiteral("ok"), true}}));
        QCOMPARE(status(doomed, QStringLiteral("/v1/user")), 401);
    }
    void anotherAccountsTokenIsNotRevoked()
    {
        const QString customer = createCustomer(QStringLiteral("revoke-me-not@example.com"));
        QVERIFY(!customer.isEmpty());
        const QUrl url = m_sandbox.url(QStringLiteral("/v1/access_tokens/") + customer);
        QCOMPARE(Http(m_sandbox.token()).del(url).status, 404);
        QCOMPARE(Http().send("DELETE", url, {}, {}, basic(username(), password())).status, 404);
        QCOMPARE(status(customer, QStringLiteral("/v1/devices")), 200);
        // Without any credential it is refused like every other authenticated route.
        const HttpResult anonymous = Http().del(url);
        QCOMPARE(anonymous.status, 400);
        QCOMPARE(status(customer, QStringLiteral("/v1/devices")), 200);
        // The customer may revoke its own.
        QCOMPARE(Http(customer).del(url).status, 200);
        QCOMPARE(status(customer, QStringLiteral("/v1/devices")), 401);
    }

    // ---- PUT /v1/devices/:id -------------------------------------------------------------------

    void renamingThroughTheDeviceRoute()
    {
        const QString id = firstIn(QStringLiteral("cobalt--field-a"));
        QVERIFY(!id.isEmpty());
        const QUrl url = m_sandbox.url(QStringLiteral("/v1/devices/") + id);
        // A team member renames a product device, as particle-cli does (a form).
        HttpResult r = Http(m_sandbox.token()).putForm(url, "name=via-device-route");
        QCOMPARE(r.status, 200);
        QCOMPARE(keys(r.json()),
            (QStringList {
                QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("updated_at")}));
        QCOMPARE(r.json().value(QStringLiteral("id")).toString(), id);
        QCOMPARE(
            r.json().value(QStringLiteral("name")).toString(), QStringLiteral("via-device-route"));
        QCOMPARE(device(id).value(QStringLiteral("name")).toString(),
            QStringLiteral("via-device-route"));
        r = Http(m_sandbox.token())
                .putJson(url, QJsonObject {{QStringLiteral("notes"), QStringLiteral("on a pole")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(device(id).value(QStringLiteral("notes")).toString(), QStringLiteral("on a pole"));
        // Names are validated as on the product route; product settings stay on that route.
        QCOMPARE(Http(m_sandbox.token()).putForm(url, "name=not+valid%21").status, 400);
        r = Http(m_sandbox.token())
                .putJson(url,
                    QJsonObject {{QStringLiteral("groups"), QJsonArray {QStringLiteral("x")}}});
        QCOMPARE(r.status, 400);
        QVERIFY(error(r).contains(QStringLiteral("/v1/products/")));
        QCOMPARE(device(id).value(QStringLiteral("name")).toString(),
            QStringLiteral("via-device-route"));
    }
    void aCustomerRenamesItsOwnDeviceOnly()
    {
        const QString token = createCustomer(QStringLiteral("renamer@example.com"));
        QVERIFY(!token.isEmpty());
        const QList<QJsonObject> candidates = devicesIn(QStringLiteral("fjord"));
        QJsonObject mine;
        for (const QJsonObject &d : candidates) {
            if (d.value(QStringLiteral("owner")).isNull()) {
                mine = d;
                break;
            }
        }
        QVERIFY(!mine.isEmpty());
        const QString id = mine.value(QStringLiteral("id")).toString();
        QCOMPARE(Http(token)
                     .postJson(m_sandbox.url(QStringLiteral("/v1/devices")),
                         QJsonObject {{QStringLiteral("id"), id}})
                     .status,
            200);
        HttpResult r = Http(token).putJson(m_sandbox.url(QStringLiteral("/v1/devices/") + id),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("customers-own")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(
            device(id).value(QStringLiteral("name")).toString(), QStringLiteral("customers-own"));
        // Someone else's device, and one that does not exist: 404, with the real cloud's text.
        const QString other = firstIn(QStringLiteral("acme"));
        QVERIFY(!other.isEmpty());
        const QString name = device(other).value(QStringLiteral("name")).toString();
        for (const QString &target : {other, QStringLiteral("0123456789abcdef01234567")}) {
            r = Http(token).putJson(m_sandbox.url(QStringLiteral("/v1/devices/") + target),
                QJsonObject {{QStringLiteral("name"), QStringLiteral("not-mine")}});
            QCOMPARE(r.status, 404);
            QCOMPARE(r.json().value(QStringLiteral("info")).toString(),
                QStringLiteral("I didn't recognize that device name or ID"));
        }
        QCOMPARE(device(other).value(QStringLiteral("name")).toString(), name);
    }

    // ---- variables and functions ---------------------------------------------------------------

    void devicesListTheirVariablesAndFunctions()
    {
        const QJsonObject d = settledOnlineDevice(QStringLiteral("evergreen"));
        QVERIFY(!d.isEmpty());
        QCOMPARE(d.value(QStringLiteral("variables")).toObject(),
            (QJsonObject {{QStringLiteral("temperature"), QStringLiteral("double")},
                {QStringLiteral("battery"), QStringLiteral("double")},
                {QStringLiteral("rssi"), QStringLiteral("int32")},
                {QStringLiteral("version"), QStringLiteral("int32")}}));
        QCOMPARE(strings(d.value(QStringLiteral("functions"))),
            (QStringList {QStringLiteral("cmd"), QStringLiteral("led")}));
    }
    void readingVariables()
    {
        const QJsonObject d = settledOnlineDevice(QStringLiteral("evergreen"));
        QVERIFY(!d.isEmpty());
        const QString id = d.value(QStringLiteral("id")).toString();
        Http http(m_sandbox.token());
        HttpResult r = http.get(product(QStringLiteral("/devices/%1/temperature").arg(id)));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("name")).toString(), QStringLiteral("temperature"));
        QVERIFY(r.json().value(QStringLiteral("result")).isDouble());
        const QJsonObject core = r.json().value(QStringLiteral("coreInfo")).toObject();
        QCOMPARE(core.value(QStringLiteral("deviceID")).toString(), id);
        QCOMPARE(core.value(QStringLiteral("connected")).toBool(), true);
        QCOMPARE(core.value(QStringLiteral("name")).toString(),
            d.value(QStringLiteral("name")).toString());
        // The user route reaches the same device for a team member; `version` is what it runs.
        r = http.get(m_sandbox.url(QStringLiteral("/v1/devices/%1/version").arg(id)));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("result")).toInt(),
            d.value(QStringLiteral("firmware_version")).toInt());
        // format=raw answers the value alone.
        r = http.get(product(QStringLiteral("/devices/%1/version?format=raw").arg(id)));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray::number(d.value(QStringLiteral("firmware_version")).toInt()));
        // An unknown name: the real cloud's 404, not a route miss.
        r = http.get(product(QStringLiteral("/devices/%1/humidity").arg(id)));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json(),
            (QJsonObject {{QStringLiteral("ok"), false},
                {QStringLiteral("error"), QStringLiteral("Variable not found")}}));
        r = http.get(m_sandbox.url(QStringLiteral("/v1/devices/%1/humidity").arg(id)));
        QCOMPARE(error(r), QStringLiteral("Variable not found"));
    }
    void callingFunctions()
    {
        const QJsonObject d = settledOnlineDevice(QStringLiteral("evergreen"));
        QVERIFY(!d.isEmpty());
        const QString id = d.value(QStringLiteral("id")).toString();
        Http http(m_sandbox.token());
        // The reference sends `arg` (as a form); particle-api-js sends `args` (as JSON).
        HttpResult r = http.postForm(product(QStringLiteral("/devices/%1/led").arg(id)), "arg=on");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(),
            (QJsonObject {{QStringLiteral("id"), id},
                {QStringLiteral("name"), d.value(QStringLiteral("name"))},
                {QStringLiteral("connected"), true}, {QStringLiteral("return_value"), 1}}));
        r = http.postJson(product(QStringLiteral("/devices/%1/led").arg(id)),
            QJsonObject {{QStringLiteral("args"), QStringLiteral("off")}});
        QCOMPARE(r.json().value(QStringLiteral("return_value")).toInt(), 0);
        r = http.postForm(
            m_sandbox.url(QStringLiteral("/v1/devices/%1/cmd").arg(id)), "args=ping&format=raw");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("1"));
        r = http.postForm(product(QStringLiteral("/devices/%1/reboot").arg(id)), "arg=now");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json(),
            (QJsonObject {{QStringLiteral("ok"), false},
                {QStringLiteral("error"), QStringLiteral("Function reboot not found")}}));
        r = http.postJson(product(QStringLiteral("/devices/%1/led").arg(id)),
            QJsonObject {{QStringLiteral("arg"), QString(623, QLatin1Char('x'))}});
        QCOMPARE(r.status, 400);
        QVERIFY(error(r).contains(QStringLiteral("622")));
    }
    void anOfflineDeviceTimesOut()
    {
        const QString id = settledOnlineDevice(QStringLiteral("evergreen"), 1)
                               .value(QStringLiteral("id"))
                               .toString();
        QVERIFY(!id.isEmpty());
        setOnline(id, false);
        Http http(m_sandbox.token());
        // What the real cloud answers (see sandbox/README.md): a 408 for a variable, a 400 for
        // a function.
        HttpResult r = http.get(product(QStringLiteral("/devices/%1/temperature").arg(id)));
        QCOMPARE(r.status, 408);
        QCOMPARE(error(r), QStringLiteral("Timed out."));
        r = http.postForm(product(QStringLiteral("/devices/%1/led").arg(id)), "arg=on");
        QCOMPARE(r.status, 400);
        QCOMPARE(error(r), QStringLiteral("Timed out"));
        setOnline(id, true);
        QCOMPARE(http.get(product(QStringLiteral("/devices/%1/temperature").arg(id))).status, 200);
    }
    void variablesOfUnknownDevices()
    {
        Http http(m_sandbox.token());
        const QString unknown = QStringLiteral("0123456789abcdef01234567");
        HttpResult r = http.get(product(QStringLiteral("/devices/%1/temperature").arg(unknown)));
        QCOMPARE(r.status, 404);
        QCOMPARE(error(r), QStringLiteral("Device not found for this product"));
        r = http.postForm(
            m_sandbox.url(QStringLiteral("/v1/devices/%1/led").arg(unknown)), "arg=on");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(QStringLiteral("info")).toString(),
            QStringLiteral("I didn't recognize that device name or ID"));
        // The other routes under a device keep their meaning.
        const QString id = firstIn(QStringLiteral("cobalt"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(
            http.send("PUT", product(QStringLiteral("/devices/%1/ping").arg(id)), {}, {}).status,
            200);
    }

    // ---- device objects -----------------------------------------------------------------------

    void deviceObjectsCarryTheDocumentedFields()
    {
        Http http(m_sandbox.token());
        const QList<QJsonObject> listed = devicesIn(QStringLiteral("acme--munich"));
        QVERIFY(listed.size() >= 2);
        static const QRegularExpression secret(QStringLiteral("^[A-Z0-9]{15}$"));
        QSet<QString> secrets;
        for (const QJsonObject &d : listed) {
            const QString s = d.value(QStringLiteral("mobile_secret")).toString();
            QVERIFY2(secret.match(s).hasMatch(), qPrintable(s));
            secrets.insert(s);
            const QJsonObject one
                = device(d.value(QStringLiteral("id")).toString()); // GET of one device
            QCOMPARE(one.value(QStringLiteral("mobile_secret")).toString(), s);
            QCOMPARE(one.value(QStringLiteral("current_build_target")).toString(),
                one.value(QStringLiteral("system_firmware_version")).toString());
            QVERIFY(!one.value(QStringLiteral("default_build_target")).toString().isEmpty());
            QVERIFY(one.value(QStringLiteral("imei")).isString());
        }
        QCOMPARE(secrets.size(), listed.size());
        // The user route shows the same.
        const QJsonObject plain
            = http.get(m_sandbox.url(QStringLiteral("/v1/devices/")
                           + listed.first().value(QStringLiteral("id")).toString()))
                  .json();
        QVERIFY(plain.value(QStringLiteral("default_build_target")).isString());
    }
    void theLockAnswerIsTheDocumentedOne()
    {
        const QString id = firstIn(QStringLiteral("delta-water--pump-1"));
        QVERIFY(!id.isEmpty());
        const HttpResult r = Http(m_sandbox.token())
                                 .putJson(product(QStringLiteral("/devices/") + id),
                                     QJsonObject {{QStringLiteral("desired_firmware_version"), 2},
                                         {QStringLiteral("flash"), false}});
        QCOMPARE(r.status, 200);
        // `flash` is an instruction, not something the device has: it is not echoed.
        QCOMPARE(keys(r.json()),
            (QStringList {QStringLiteral("desired_firmware_version"), QStringLiteral("id"),
                QStringLiteral("updated_at")}));
        QCOMPARE(Http(m_sandbox.token())
                     .putJson(product(QStringLiteral("/devices/") + id),
                         QJsonObject {{QStringLiteral("desired_firmware_version"), QJsonValue()}})
                     .status,
            200);
    }

    // ---- messages ------------------------------------------------------------------------------

    void messagesMatchTheRealCloud()
    {
        Http http(m_sandbox.token());
        const QString unknown = QStringLiteral("0123456789abcdef01234567");
        // particle-cli: "Error removing device from product: Device not found for this product".
        for (const QByteArray &method : {QByteArray("GET"), QByteArray("DELETE")}) {
            const HttpResult r
                = http.send(method, product(QStringLiteral("/devices/") + unknown), {}, {});
            QCOMPARE(r.status, 404);
            QCOMPARE(error(r), QStringLiteral("Device not found for this product"));
        }
        HttpResult r = http.putJson(product(QStringLiteral("/devices/") + unknown),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("x")}});
        QCOMPARE(error(r), QStringLiteral("Device not found for this product"));
        r = http.putJson(product(QStringLiteral("/devices")),
            QJsonObject {{QStringLiteral("action"), QStringLiteral("groups")},
                {QStringLiteral("devices"), QJsonArray {unknown}},
                {QStringLiteral("metadata"),
                    QJsonObject {{QStringLiteral("add"), QJsonArray {QStringLiteral("x")}}}}});
        QCOMPARE(r.status, 404);
        QVERIFY(error(r).startsWith(QStringLiteral("Device not found for this product")));
        // particle-cli: "Failed to claim device: device not found", for any id it does not know.
        for (const QString &id : {unknown, QStringLiteral("1234567890")}) {
            r = http.postJson(m_sandbox.url(QStringLiteral("/v1/devices")),
                QJsonObject {{QStringLiteral("id"), id}});
            QCOMPARE(r.status, 404);
            QCOMPARE(error(r), QStringLiteral("device not found"));
        }
    }

    // ---- the default order of the device list -------------------------------------------------

    void defaultOrderIsTheLastHandshakeNewestFirst()
    {
        // "Last connection, newest first": the time the device last connected (last_handshake_at),
        // not the time the cloud last heard from it (last_heard).
        Http http(m_sandbox.token());
        const QJsonArray page = http.get(product(QStringLiteral("/devices?perPage=100")))
                                    .json()
                                    .value(QStringLiteral("devices"))
                                    .toArray();
        QCOMPARE(page.size(), 100);
        bool heardOutOfOrder = false;
        for (qsizetype i = 1; i < page.size(); ++i) {
            const QJsonObject a = page.at(i - 1).toObject();
            const QJsonObject b = page.at(i).toObject();
            QVERIFY2(a.value(QStringLiteral("last_handshake_at")).toString()
                    >= b.value(QStringLiteral("last_handshake_at")).toString(),
                qPrintable(QStringLiteral("at %1").arg(i)));
            heardOutOfOrder = heardOutOfOrder
                || a.value(QStringLiteral("last_heard")).toString()
                    < b.value(QStringLiteral("last_heard")).toString();
        }
        // The two orders differ in the demo fleet, so the check above tells them apart.
        QVERIFY(heardOutOfOrder);
    }

    // ---- customers, batches, bodies, file names ------------------------------------------------

    void customersArePaged()
    {
        for (int i = 0; i < 3; ++i)
            QVERIFY(!createCustomer(QStringLiteral("paged-%1@example.com").arg(i)).isEmpty());
        Http http(m_sandbox.token());
        const QJsonObject all = http.get(product(QStringLiteral("/customers"))).json();
        const QJsonArray everyone = all.value(QStringLiteral("customers")).toArray();
        QVERIFY(everyone.size() >= 5); // the demo fleet's two and the three above
        // The default page holds them all (Flotilla's first clients read one page).
        QCOMPARE(all.value(QStringLiteral("meta"))
                     .toObject()
                     .value(QStringLiteral("total_pages"))
                     .toInt(),
            1);
        for (const QString &size : {QStringLiteral("perPage"), QStringLiteral("per_page")}) {
            QStringList seen;
            int pages = 0;
            for (int page = 1;; ++page) {
                const QJsonObject body
                    = http.get(product(
                                   QStringLiteral("/customers?page=%1&%2=2").arg(page).arg(size)))
                          .json();
                pages = body.value(QStringLiteral("meta"))
                            .toObject()
                            .value(QStringLiteral("total_pages"))
                            .toInt();
                const QJsonArray customers = body.value(QStringLiteral("customers")).toArray();
                QVERIFY(customers.size() <= 2);
                QSet<QString> pageDevices;
                for (const QJsonValue &c : customers) {
                    seen.append(c.toObject().value(QStringLiteral("username")).toString());
                    for (const QString &id : strings(c.toObject().value(QStringLiteral("devices"))))
                        pageDevices.insert(id);
                }
                // The devices are those of this page's customers.
                for (const QJsonValue &d : body.value(QStringLiteral("devices")).toArray())
                    QVERIFY(
                        pageDevices.contains(d.toObject().value(QStringLiteral("id")).toString()));
                if (page >= pages)
                    break;
            }
            QCOMPARE(pages, int((everyone.size() + 1) / 2));
            QStringList expected;
            for (const QJsonValue &c : everyone)
                expected.append(c.toObject().value(QStringLiteral("username")).toString());
            QCOMPARE(seen, expected);
        }
        const QJsonObject beyond = http.get(product(QStringLiteral("/customers?page=99"))).json();
        QVERIFY(beyond.value(QStringLiteral("customers")).toArray().isEmpty());
        QVERIFY(beyond.value(QStringLiteral("devices")).toArray().isEmpty());
        QCOMPARE(http.get(product(QStringLiteral("/customers?page=0"))).status, 400);
        QCOMPARE(http.get(product(QStringLiteral("/customers?per_page=-1"))).status, 400);
    }
    void oversizedBatchIsRefusedWhole()
    {
        Http http(m_sandbox.token());
        const QList<QJsonObject> devices = devicesIn(QStringLiteral("cobalt--field-b"));
        QVERIFY(!devices.isEmpty());
        QJsonArray ids;
        for (int i = 0; i < 1001; ++i)
            ids.append(devices.at(i % devices.size()).value(QStringLiteral("id")));
        const HttpResult r = http.putJson(product(QStringLiteral("/devices")),
            QJsonObject {{QStringLiteral("action"), QStringLiteral("groups")},
                {QStringLiteral("devices"), ids},
                {QStringLiteral("metadata"),
                    QJsonObject {
                        {QStringLiteral("add"), QJsonArray {QStringLiteral("batch-limit")}}}}});
        QCOMPARE(r.status, 400);
        QVERIFY2(error(r).contains(QStringLiteral("At most 1000 devices")), qPrintable(error(r)));
        QVERIFY(!strings(device(ids.first().toString()).value(QStringLiteral("groups")))
                     .contains(QStringLiteral("batch-limit")));
    }
    void formsWithTooManyFieldsAre413()
    {
        Http http(m_sandbox.token());
        for (const int fields : {10001, 300000}) {
            QByteArray form = "id=0123456789abcdef01234567";
            form.reserve(qsizetype(fields) * 28);
            for (int i = 1; i < fields; ++i)
                form += "&id=0123456789abcdef01234567";
            const HttpResult r = http.postForm(product(QStringLiteral("/devices")), form);
            QCOMPARE(r.status, 413);
            QVERIFY2(error(r).contains(QStringLiteral("Too many fields")), qPrintable(error(r)));
            QCOMPARE(http.get(product(QString())).status, 200);
        }
    }
    void firmwareFileNamesAreChecked_data()
    {
        QTest::addColumn<QByteArray>("fileName");
        QTest::addColumn<QString>("mention");
        QTest::newRow("carriage return")
            << QByteArray("fw\r.bin") << QStringLiteral("control characters");
        QTest::newRow("NUL") << QByteArray("fw\0.bin", 7) << QStringLiteral("control characters");
        QTest::newRow("escape") << QByteArray("fw\x1b[2J.bin") << QStringLiteral("control");
        QTest::newRow("100 KB") << QByteArray(100 * 1024, 'n') << QStringLiteral("at most 255");
    }
    void firmwareFileNamesAreChecked()
    {
        QFETCH(QByteArray, fileName);
        QFETCH(QString, mention);
        const HttpResult r = upload(40, fileName);
        QCOMPARE(r.status, 400);
        QVERIFY2(error(r).contains(mention), qPrintable(error(r)));
        QCOMPARE(Http(m_sandbox.token()).get(product(QStringLiteral("/firmware/40"))).status, 404);
    }
    void downloadedFileNamesAreSafeHeaders()
    {
        // A path is reduced to its file name; a non-ASCII name is sent as RFC 6266 allows.
        QCOMPARE(upload(41, "C:\\builds\\tracker-v41.bin").status, 201);
        QCOMPARE(Http(m_sandbox.token())
                     .get(product(QStringLiteral("/firmware/41")))
                     .json()
                     .value(QStringLiteral("name"))
                     .toString(),
            QStringLiteral("tracker-v41.bin"));
        QCOMPARE(upload(42,
                     "Pr\xc3\xbc"
                     "fstand-v42.bin")
                     .status,
            201);
        const HttpResult binary
            = Http(m_sandbox.token()).get(product(QStringLiteral("/firmware/42/binary")));
        QCOMPARE(binary.status, 200);
        const QByteArray header = binary.header("Content-Disposition");
        QCOMPARE(header,
            QByteArray("attachment; filename=\"Pr_fstand-v42.bin\"; "
                       "filename*=UTF-8''Pr%C3%BCfstand-v42.bin"));
        QCOMPARE(Http(m_sandbox.token())
                     .get(product(QStringLiteral("/firmware/41/binary")))
                     .header("Content-Disposition"),
            QByteArray("attachment; filename=\"tracker-v41.bin\""));
    }

    void cleanupTestCase() { QCOMPARE(m_sandbox.stop(), 0); }
};

QTEST_GUILESS_MAIN(TestSandboxParticle)
#include "tst_sandbox_particle.moc"
