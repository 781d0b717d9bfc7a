// SPDX-License-Identifier: MIT
// The sandbox's API over real HTTP: start line, authentication and tokens, products, product
// devices, groups, firmware and releases, customers and claiming, error shapes.
#include "sandboxprocess.h"

#include <QJsonArray>
#include <QSet>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

using namespace Flotilla::Test;

namespace {
QByteArray basic(const QString &id, const QString &secret)
{
    return "Basic " + (id + QLatin1Char(':') + secret).toUtf8().toBase64();
}
QString randomHexId(int salt)
{
    return QStringLiteral("0123abcd%1").arg(salt, 16, 16, QLatin1Char('0'));
}
QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out.append(x.toString());
    return out;
}
} // namespace

class TestSandboxApi final : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QUrl product(const QString &path) const
    {
        return m_sandbox.url(
            QStringLiteral("/v1/products/%1%2").arg(m_sandbox.productId()).arg(path));
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
    QString username() const
    {
        return m_sandbox.startLine().value(QStringLiteral("username")).toString();
    }
    QString password() const
    {
        return m_sandbox.startLine().value(QStringLiteral("password")).toString();
    }

    QJsonObject device(const QString &id)
    {
        Http http(m_sandbox.token());
        return http.get(product(QStringLiteral("/devices/") + id)).json();
    }
    // All product devices, paged by device ID.
    QList<QJsonObject> allDevices(const QString &extraQuery = QString())
    {
        Http http(m_sandbox.token());
        QList<QJsonObject> out;
        for (int page = 1;; ++page) {
            const HttpResult r = http.get(
                product(QStringLiteral("/devices?sortAttr=deviceId&perPage=100&page=%1%2")
                            .arg(page)
                            .arg(extraQuery)));
            if (r.status != 200)
                return {};
            for (const QJsonValue &d : r.json().value(QStringLiteral("devices")).toArray())
                out.append(d.toObject());
            if (page >= r.json()
                            .value(QStringLiteral("meta"))
                            .toObject()
                            .value(QStringLiteral("total_pages"))
                            .toInt())
                return out;
        }
    }
    QJsonObject firstDeviceIn(const QString &group)
    {
        Http http(m_sandbox.token());
        return http
            .get(product(QStringLiteral("/devices?sortAttr=deviceId&perPage=1&groups=") + group))
            .json()
            .value(QStringLiteral("devices"))
            .toArray()
            .first()
            .toObject();
    }
    QString tokenFor(const QByteArray &form, const QByteArray &authorization = {})
    {
        Http http;
        return http.postForm(m_sandbox.url(QStringLiteral("/oauth/token")), form, authorization)
            .json()
            .value(QStringLiteral("access_token"))
            .toString();
    }
    HttpResult uploadFirmware(const QByteArray &part, int version, const QString &title)
    {
        const QByteArray boundary = "flotilla-test-boundary";
        QByteArray body;
        const auto field = [&](const QByteArray &name, const QByteArray &value) {
            body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n";
        };
        field("version", QByteArray::number(version));
        if (!title.isNull())
            field("title", title.toUtf8());
        field("description", "integration test upload");
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part
            + "\"; filename=\"fw.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body += QByteArray(2048, '\x5a') + "\r\n--" + boundary + "--\r\n";
        Http http(m_sandbox.token());
        return http.send("POST", product(QStringLiteral("/firmware")), body,
            "multipart/form-data; boundary=" + boundary);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_sandbox.start({QStringLiteral("--devices"), QStringLiteral("300"),
                     QStringLiteral("--seed"), QStringLiteral("7")}),
            qPrintable(m_sandbox.errorString()));
    }

    void startLineHasTheContractFields()
    {
        const QJsonObject line = m_sandbox.startLine();
        QVERIFY(m_sandbox.rawStartLine().startsWith("{\"url\":\"http://127.0.0.1:"));
        for (const char *key :
            {"url", "token", "username", "password", "product", "oauth_client", "admin_token"})
            QVERIFY2(line.contains(QLatin1String(key)), key);
        QVERIFY(!m_sandbox.adminToken().isEmpty());
        QVERIFY(m_sandbox.adminToken() != m_sandbox.token());
        QVERIFY(m_sandbox.productId() > 0);
        QVERIFY(!m_sandbox.productSlug().isEmpty());
        QVERIFY(!clientId().isEmpty());
        QVERIFY(!clientSecret().isEmpty());
    }

    // --- authentication -------------------------------------------------------------------

    void missingTokenIs400()
    {
        Http http;
        const HttpResult r = http.get(product(QStringLiteral("/devices")));
        QCOMPARE(r.status, 400);
        QCOMPARE(
            r.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
        QCOMPARE(r.json().value(QStringLiteral("error_description")).toString(),
            QStringLiteral("The access token was not found"));
    }
    void unknownTokenIs401()
    {
        Http http(QStringLiteral("0000000000000000000000000000000000000000"));
        const HttpResult r = http.get(product(QStringLiteral("/devices")));
        QCOMPARE(r.status, 401);
        QCOMPARE(
            r.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_token"));
    }
    void tokenTransports()
    {
        Http anonymous;
        QUrl url = product(QStringLiteral("/groups"));
        url.setQuery(QStringLiteral("access_token=") + m_sandbox.token());
        QCOMPARE(anonymous.get(url).status, 200); // query token on GET
        // Form field token on a PUT with a form body.
        const QString id
            = firstDeviceIn(QStringLiteral("cobalt")).value(QStringLiteral("id")).toString();
        const HttpResult form = anonymous.putForm(product(QStringLiteral("/devices/") + id),
            "notes=via+form&access_token=" + m_sandbox.token().toLatin1());
        QCOMPARE(form.status, 200);
        QCOMPARE(device(id).value(QStringLiteral("notes")).toString(), QStringLiteral("via form"));
        // Header and query together: more than one method is a 400.
        Http both(m_sandbox.token());
        const HttpResult twice = both.get(url);
        QCOMPARE(twice.status, 400);
        QCOMPARE(twice.json().value(QStringLiteral("error")).toString(),
            QStringLiteral("invalid_request"));
    }
    void malformedAuthHeader()
    {
        Http http;
        const HttpResult r
            = http.send("GET", product(QStringLiteral("/devices")), {}, {}, "Bearer");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("error_description")).toString(),
            QStringLiteral("Malformed auth header"));
    }
    void expiredTokenIs401()
    {
        const QString token = tokenFor(
            "grant_type=password&expires_in=1&username=" + QUrl::toPercentEncoding(username())
                + "&password=" + QUrl::toPercentEncoding(password()),
            basic(QStringLiteral("particle-api"), QStringLiteral("particle-api")));
        QVERIFY(!token.isEmpty());
        Http http(token);
        QCOMPARE(http.get(product(QStringLiteral("/groups"))).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(http.get(product(QStringLiteral("/groups"))).status, 401, 5000);
        QCOMPARE(http.get(product(QStringLiteral("/groups")))
                     .json()
                     .value(QStringLiteral("error_description"))
                     .toString(),
            QStringLiteral("The access token provided has expired."));
    }

    void passwordGrant_data()
    {
        QTest::addColumn<QByteArray>("form");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        const QByteArray creds = "username=" + QUrl::toPercentEncoding(username())
            + "&password=" + QUrl::toPercentEncoding(password());
        QTest::newRow("basic particle-api")
            << "grant_type=password&" + creds
            << basic(QStringLiteral("particle-api"), QStringLiteral("particle-api")) << 200
            << QString();
        QTest::newRow("body particle-cli")
            << "grant_type=password&client_id=particle-cli&client_secret=particle-cli&" + creds
            << QByteArray() << 200 << QString();
        QTest::newRow("basic particle")
            << "grant_type=password&" + creds
            << basic(QStringLiteral("particle"), QStringLiteral("particle")) << 200 << QString();
        QTest::newRow("wrong password")
            << "grant_type=password&client_id=particle&client_secret=particle&username="
                + QUrl::toPercentEncoding(username()) + "&password=nope"
            << QByteArray() << 400 << QStringLiteral("invalid_grant");
        QTest::newRow("unknown client") << "grant_type=password&" + creds
                                        << basic(QStringLiteral("someone"), QStringLiteral("else"))
                                        << 400 << QStringLiteral("invalid_client");
        QTest::newRow("no client") << "grant_type=password&" + creds << QByteArray() << 400
                                   << QStringLiteral("invalid_client");
        QTest::newRow("no grant type")
            << creds << basic(QStringLiteral("particle"), QStringLiteral("particle")) << 400
            << QStringLiteral("invalid_request");
        QTest::newRow("public client cannot use client_credentials")
            << QByteArray("grant_type=client_credentials")
            << basic(QStringLiteral("particle"), QStringLiteral("particle")) << 400
            << QStringLiteral("invalid_client");
    }
    void passwordGrant()
    {
        QFETCH(QByteArray, form);
        QFETCH(QByteArray, authorization);
        QFETCH(int, status);
        QFETCH(QString, error);
        Http http;
        const HttpResult r
            = http.postForm(m_sandbox.url(QStringLiteral("/oauth/token")), form, authorization);
        QCOMPARE(r.status, status);
        if (status == 200) {
            QCOMPARE(
                r.json().value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
            QCOMPARE(r.json().value(QStringLiteral("expires_in")).toInt(), 7776000);
            Http use(r.json().value(QStringLiteral("access_token")).toString());
            QCOMPARE(use.get(product(QString())).status, 200);
        } else {
            QCOMPARE(r.json().value(QStringLiteral("error")).toString(), error);
            QVERIFY(!r.json().value(QStringLiteral("error_description")).toString().isEmpty());
            if (error == QLatin1String("invalid_client"))
                QVERIFY(r.header("WWW-Authenticate").startsWith("Basic"));
        }
    }
    void tokenEndpointIsFormOnly()
    {
        Http http;
        const HttpResult r = http.postJson(m_sandbox.url(QStringLiteral("/oauth/token")),
            QJsonObject {{QStringLiteral("grant_type"), QStringLiteral("password")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(
            r.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
    }
    void mfaLogin()
    {
        Http http;
        Http admin(m_sandbox.adminToken());
        const QUrl tokenUrl = m_sandbox.url(QStringLiteral("/oauth/token"));
        const QJsonObject mfa = admin.get(m_sandbox.url(QStringLiteral("/admin/mfa"))).json();
        const QByteArray creds = "grant_type=password&username="
            + QUrl::toPercentEncoding(mfa.value(QStringLiteral("username")).toString())
            + "&password="
            + QUrl::toPercentEncoding(mfa.value(QStringLiteral("password")).toString());
        const QByteArray client
            = basic(QStringLiteral("particle-api"), QStringLiteral("particle-api"));
        const HttpResult first = http.postForm(tokenUrl, creds, client);
        QCOMPARE(first.status, 403);
        QCOMPARE(
            first.json().value(QStringLiteral("error")).toString(), QStringLiteral("mfa_required"));
        const QString mfaToken = first.json().value(QStringLiteral("mfa_token")).toString();
        QVERIFY(!mfaToken.isEmpty());
        const HttpResult wrong = http.postForm(tokenUrl,
            "grant_type=urn:custom:mfa-otp&otp=000000&mfa_token=" + mfaToken.toLatin1(), client);
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.json().value(QStringLiteral("error")).toString(),
            QStringLiteral("invalid_grant"));
        const QString otp = admin.get(m_sandbox.url(QStringLiteral("/admin/mfa")))
                                .json()
                                .value(QStringLiteral("otp"))
                                .toString();
        const HttpResult ok = http.postForm(tokenUrl,
            "grant_type=urn:custom:mfa-otp&otp=" + otp.toLatin1()
                + "&mfa_token=" + mfaToken.toLatin1(),
            client);
        QCOMPARE(ok.status, 200);
        Http use(ok.json().value(QStringLiteral("access_token")).toString());
        QCOMPARE(use.get(m_sandbox.url(QStringLiteral("/v1/user")))
                     .json()
                     .value(QStringLiteral("username"))
                     .toString(),
            mfa.value(QStringLiteral("username")).toString());
        // The MFA token is single-use.
        QCOMPARE(http.postForm(tokenUrl,
                         "grant_type=urn:custom:mfa-otp&otp=" + otp.toLatin1()
                             + "&mfa_token=" + mfaToken.toLatin1(),
                         client)
                     .status,
            400);
    }
    void productTokenAndRefresh()
    {
        Http http;
        const HttpResult r = http.postForm(m_sandbox.url(QStringLiteral("/oauth/token")),
            "grant_type=client_credentials", basic(clientId(), clientSecret()));
        QCOMPARE(r.status, 200);
        const QString token = r.json().value(QStringLiteral("access_token")).toString();
        const QString refresh = r.json().value(QStringLiteral("refresh_token")).toString();
        QVERIFY(!refresh.isEmpty());
        Http use(token);
        QCOMPARE(use.get(product(QStringLiteral("/devices?perPage=1"))).status, 200);
        const HttpResult refreshed = http.postForm(m_sandbox.url(QStringLiteral("/oauth/token")),
            "grant_type=refresh_token&refresh_token=" + refresh.toLatin1(),
            basic(clientId(), clientSecret()));
        QCOMPARE(refreshed.status, 200);
        QCOMPARE(use.get(product(QStringLiteral("/devices?perPage=1"))).status,
            401); // the old token is replaced
        Http renewed(refreshed.json().value(QStringLiteral("access_token")).toString());
        QCOMPARE(renewed.get(product(QStringLiteral("/devices?perPage=1"))).status, 200);
        // A refresh token works once.
        QCOMPARE(http.postForm(m_sandbox.url(QStringLiteral("/oauth/token")),
                         "grant_type=refresh_token&refresh_token=" + refresh.toLatin1(),
                         basic(clientId(), clientSecret()))
                     .status,
            400);
    }
    void tokenInfoAndSignOut()
    {
        const QString token
            = tokenFor("grant_type=password&username=" + QUrl::toPercentEncoding(username())
                    + "&password=" + QUrl::toPercentEncoding(password()),
                basic(QStringLiteral("particle-cli"), QStringLiteral("particle-cli")));
        Http http(token);
        const HttpResult info
            = http.get(m_sandbox.url(QStringLiteral("/v1/access_tokens/current")));
        QCOMPARE(info.status, 200);
        QCOMPARE(
            info.json().value(QStringLiteral("client")).toString(), QStringLiteral("particle-cli"));
        QVERIFY(!info.json().value(QStringLiteral("expires_at")).toString().isEmpty());
        QCOMPARE(http.del(m_sandbox.url(QStringLiteral("/v1/access_tokens/current")))
                     .json()
                     .value(QStringLiteral("ok"))
                     .toBool(),
            true);
        QCOMPARE(http.get(m_sandbox.url(QStringLiteral("/v1/access_tokens/current"))).status, 401);
    }

    // --- products ------------------------------------------------------------------------

    void products()
    {
        Http http(m_sandbox.token());
        for (const QString &path :
            {QStringLiteral("/v1/user/products"), QStringLiteral("/v1/products")}) {
            const QJsonArray list
                = http.get(m_sandbox.url(path)).json().value(QStringLiteral("products")).toArray();
            QCOMPARE(list.size(), 1);
            QCOMPARE(
                list.first().toObject().value(QStringLiteral("id")).toInt(), m_sandbox.productId());
        }
        for (const QString &key :
            {QString::number(m_sandbox.productId()), m_sandbox.productSlug()}) {
            const HttpResult r = http.get(m_sandbox.url(QStringLiteral("/v1/products/") + key));
            QCOMPARE(r.status, 200);
            const QJsonObject p = r.json().value(QStringLiteral("product")).toObject();
            QCOMPARE(p.value(QStringLiteral("slug")).toString(), m_sandbox.productSlug());
            QVERIFY(strings(p.value(QStringLiteral("groups")))
                        .contains(QStringLiteral("acme--berlin--test")));
        }
        const HttpResult missing
            = http.get(m_sandbox.url(QStringLiteral("/v1/products/999999/devices")));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.json().value(QStringLiteral("ok")).toBool(true), false);

        // Organisations: the sandbox's account is in none (its product is its own); an
        // organisation's products are not found; without a token, the answer is that of every
        // product route without one.
        const HttpResult orgs = http.get(m_sandbox.url(QStringLiteral("/v1/orgs")));
        QCOMPARE(orgs.status, 200);
        QVERIFY(orgs.json().value(QStringLiteral("organizations")).isArray());
        QCOMPARE(orgs.json().value(QStringLiteral("organizations")).toArray().size(), 0);
        QCOMPARE(http.get(m_sandbox.url(QStringLiteral("/v1/orgs/acme/products"))).status, 404);
        const int withoutToken = Http().get(m_sandbox.url(QStringLiteral("/v1/products"))).status;
        QVERIFY(withoutToken >= 400 && withoutToken < 500);
        QCOMPARE(Http().get(m_sandbox.url(QStringLiteral("/v1/orgs"))).status, withoutToken);
    }

    // --- device listing ------------------------------------------------------------------

    void pagingCoversEveryDeviceOnce()
    {
        const QList<QJsonObject> devices = allDevices();
        QSet<QString> ids;
        for (const QJsonObject &d : devices)
            ids.insert(d.value(QStringLiteral("id")).toString());
        QCOMPARE(ids.size(), devices.size());
        Http http(m_sandbox.adminToken());
        QCOMPARE(devices.size(),
            http.get(m_sandbox.url(QStringLiteral("/admin/stats")))
                .json()
                .value(QStringLiteral("devices"))
                .toInt());
        QVERIFY(devices.size() >= 300);
    }
    void bothPageSizeSpellings()
    {
        Http http(m_sandbox.token());
        QCOMPARE(http.get(product(QStringLiteral("/devices?perPage=3")))
                     .json()
                     .value(QStringLiteral("devices"))
                     .toArray()
                     .size(),
            3);
        QCOMPARE(http.get(product(QStringLiteral("/devices?per_page=4")))
                     .json()
                     .value(QStringLiteral("devices"))
                     .toArray()
                     .size(),
            4);
        QCOMPARE(http.get(product(QStringLiteral("/devices")))
                     .json()
                     .value(QStringLiteral("devices"))
                     .toArray()
                     .size(),
            25);
        QCOMPARE(http.get(product(QStringLiteral("/devices?page=0"))).status, 400);
    }
    void sorting_data()
    {
        QTest::addColumn<QString>("attr");
        QTest::addColumn<QString>("field");
        QTest::newRow("deviceId") << QStringLiteral("deviceId") << QStringLiteral("id");
        QTest::newRow("deviceName") << QStringLiteral("deviceName") << QStringLiteral("name");
        QTest::newRow("firmwareVersion")
            << QStringLiteral("firmwareVersion") << QStringLiteral("firmware_version");
        QTest::newRow("lastConnection")
            << QStringLiteral("lastConnection") << QStringLiteral("last_handshake_at");
    }
    void sorting()
    {
        QFETCH(QString, attr);
        QFETCH(QString, field);
        Http http(m_sandbox.token());
        for (const QString &dir : {QStringLiteral("asc"), QStringLiteral("desc")}) {
            const QJsonArray page
                = http.get(product(
                               QStringLiteral("/devices?perPage=60&page=2&sortAttr=%1&sortDir=%2")
                                   .arg(attr, dir)))
                      .json()
                      .value(QStringLiteral("devices"))
                      .toArray();
            QCOMPARE(page.size(), 60);
            for (qsizetype i = 1; i < page.size(); ++i) {
                const QJsonValue a = page.at(i - 1).toObject().value(field);
                const QJsonValue b = page.at(i).toObject().value(field);
                const int cmp = a.isDouble()
                    ? (a.toDouble() < b.toDouble()        ? -1
                            : a.toDouble() > b.toDouble() ? 1
                                                          : 0)
                    : QString::compare(a.toString(), b.toString(), Qt::CaseInsensitive);
                QVERIFY2(dir == QLatin1String("asc") ? cmp <= 0 : cmp >= 0,
                    qPrintable(QStringLiteral("%1 %2 at %3").arg(attr, dir).arg(i)));
            }
        }
        QCOMPARE(http.get(product(QStringLiteral("/devices?sortAttr=color"))).status, 400);
        QCOMPARE(http.get(product(QStringLiteral("/devices?sortDir=up"))).status, 400);
    }
    void filters()
    {
        Http http(m_sandbox.token());
        const QJsonObject sample = firstDeviceIn(QStringLiteral("acme--hamburg"));
        const QString id = sample.value(QStringLiteral("id")).toString();
        const auto find = [&](const QString &query) {
            return http.get(product(QStringLiteral("/devices?perPage=100&") + query))
                .json()
                .value(QStringLiteral("devices"))
                .toArray();
        };
        const QJsonArray byId = find(QStringLiteral("deviceId=") + id.mid(6, 10));
        QVERIFY(!byId.isEmpty());
        for (const QJsonValue &d : byId)
            QVERIFY(d.toObject().value(QStringLiteral("id")).toString().contains(id.mid(6, 10)));
        const QJsonArray byName
            = find(QStringLiteral("deviceName=") + sample.value(QStringLiteral("name")).toString());
        QCOMPARE(byName.size(), 1);
        const QJsonArray bySerial = find(QStringLiteral("serialNumber=")
            + sample.value(QStringLiteral("serial_number")).toString().mid(3));
        QCOMPARE(bySerial.first().toObject().value(QStringLiteral("id")).toString(), id);
        // groups: comma-separated full names, devices in any of them.
        const QList<QJsonObject> either
            = allDevices(QStringLiteral("&groups=acme--munich,borealis--south"));
        QVERIFY(!either.isEmpty());
        bool sawMunich = false;
        bool sawSouth = false;
        for (const QJsonObject &d : either) {
            const QStringList groups = strings(d.value(QStringLiteral("groups")));
            sawMunich = sawMunich || groups.contains(QStringLiteral("acme--munich"));
            sawSouth = sawSouth || groups.contains(QStringLiteral("borealis--south"));
            QVERIFY(groups.contains(QStringLiteral("acme--munich"))
                || groups.contains(QStringLiteral("borealis--south")));
        }
        QVERIFY(sawMunich && sawSouth);
        QVERIFY(find(QStringLiteral("groups=acme")).size()
            > find(QStringLiteral("groups=acme--munich")).size());
        QVERIFY(find(QStringLiteral("groups=no-such-group")).isEmpty());
    }
    void listCarriesCustomers()
    {
        Http http(m_sandbox.token());
        const QJsonObject body
            = http.get(product(QStringLiteral("/devices?perPage=50&groups=acme"))).json();
        const QJsonArray customers = body.value(QStringLiteral("customers")).toArray();
        QCOMPARE(customers.size(), 1); // acme is linked to one shadow customer
        const QString owner
            = customers.first().toObject().value(QStringLiteral("username")).toString();
        for (const QJsonValue &d : body.value(QStringLiteral("devices")).toArray())
            QCOMPARE(d.toObject().value(QStringLiteral("owner")).toString(), owner);
    }
    void deviceObjectTypes()
    {
        const QJsonObject d = firstDeviceIn(QStringLiteral("acme"));
        QVERIFY(d.value(QStringLiteral("id")).isString());
        QCOMPARE(d.value(QStringLiteral("id")).toString().size(), 24);
        QVERIFY(d.value(QStringLiteral("groups")).isArray());
        QVERIFY(d.value(QStringLiteral("firmware_version")).isDouble());
        QVERIFY(d.value(QStringLiteral("desired_firmware_version")).isNull());
        QVERIFY(d.value(QStringLiteral("targeted_firmware_release_version")).isDouble());
        QVERIFY(d.value(QStringLiteral("online")).isBool());
        QVERIFY(d.value(QStringLiteral("development")).isBool());
        QCOMPARE(d.value(QStringLiteral("product_id")).toInt(), m_sandbox.productId());
        QVERIFY(d.value(QStringLiteral("serial_number")).toString().size() > 6);
        Http http(m_sandbox.token());
        const HttpResult missing
            = http.get(product(QStringLiteral("/devices/") + randomHexId(999)));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.json().value(QStringLiteral("ok")).toBool(true), false);
    }
    void demoFleetShape()
    {
        const QList<QJsonObject> devices = allDevices();
        int online = 0, stock = 0, returns = 0, locked = 0, development = 0;
        QSet<int> versions;
        for (const QJsonObject &d : devices) {
            const QStringList groups = strings(d.value(QStringLiteral("groups")));
            online += d.value(QStringLiteral("online")).toBool() ? 1 : 0;
            stock += groups.isEmpty() ? 1 : 0;
            returns += groups.contains(QStringLiteral("flotilla-returns")) ? 1 : 0;
            locked += d.value(QStringLiteral("desired_firmware_version")).isNull() ? 0 : 1;
            development += d.value(QStringLiteral("development")).toBool() ? 1 : 0;
            versions.insert(d.value(QStringLiteral("firmware_version")).toInt());
        }
        const double share = double(online) / devices.size();
        QVERIFY2(share > 0.6 && share < 0.8, qPrintable(QString::number(share)));
        QVERIFY(stock > 0);
        QVERIFY(returns > 0);
        QVERIFY(locked > 0);
        QVERIFY(development > 0);
        QVERIFY(versions.size() >= 4);
    }

    // --- device updates ------------------------------------------------------------------

    void renameAndNotes()
    {
        Http http(m_sandbox.token());
        const QString id = firstDeviceIn(QStringLiteral("cobalt--field-a"))
                               .value(QStringLiteral("id"))
                               .toString();
        const HttpResult r = http.putJson(product(QStringLiteral("/devices/") + id),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("renamed-unit")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("id")).toString(), id);
        QCOMPARE(r.json().value(QStringLiteral("name")).toString(), QStringLiteral("renamed-unit"));
        QVERIFY(!r.json().value(QStringLiteral("updated_at")).toString().isEmpty());
        QCOMPARE(
            device(id).value(QStringLiteral("name")).toString(), QStringLiteral("renamed-unit"));
        QCOMPARE(http.putJson(product(QStringLiteral("/devices/") + id),
                         QJsonObject {{QStringLiteral("name"), QStringLiteral("bad name!")}})
                     .status,
            400);
        QCOMPARE(
            device(id).value(QStringLiteral("name")).toString(), QStringLiteral("renamed-unit"));
        QCOMPARE(http.putJson(product(QStringLiteral("/devices/") + id),
                         QJsonObject {{QStringLiteral("notes"), QStringLiteral("on the roof")}})
                     .status,
            200);
        QCOMPARE(
            device(id).value(QStringLiteral("notes")).toString(), QStringLiteral("on the roof"));
        QCOMPARE(http.putJson(product(QStringLiteral("/devices/") + id),
                         QJsonObject {{QStringLiteral("notes"), QJsonValue::Null}})
                     .status,
            200);
        QVERIFY(device(id).value(QStringLiteral("notes")).isNull());
        QCOMPARE(http.putJson(product(QStringLiteral("/devices/") + id),
                         QJsonObject {{QStringLiteral("color"), QStringLiteral("red")}})
                     .status,
            400);
    }
    void groupsAreAbsoluteAndAutoCreated()
    {
        Http http(m_sandbox.token());
        const QString id = firstDeviceIn(QStringLiteral("cobalt--field-b"))
                               .value(QStringLiteral("id"))
                               .toString();
        const HttpResult r = http.putJson(product(QStringLiteral("/devices/") + id),
            QJsonObject {{QStringLiteral("groups"),
                QJsonArray {QStringLiteral("cobalt"), QStringLiteral("auto-made-group")}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(strings(device(id).value(QStringLiteral("groups"))),
            (QStringList {QStringLiteral("auto-made-group"), QStringLiteral("cobalt")}));
        QCOMPARE(http.get(product(QStringLiteral("/groups/auto-made-group")))
                     .json()
                     .value(QStringLiteral("group"))
                     .toObject()
                     .value(QStringLiteral("device_count"))
                     .toInt(),
            1);
        // Form encoding with groups[].
        QCOMPARE(http.putForm(product(QStringLiteral("/devices/") + id),
                         "groups%5B%5D=cobalt&groups%5B%5D=cobalt--field-b")
                     .status,
            200);
        QCOMPARE(strings(device(id).value(QStringLiteral("groups"))),
            (QStringList {QStringLiteral("cobalt"), QStringLiteral("cobalt--field-b")}));
        // An invalid name changes nothing.
        QCOMPARE(http.putJson(product(QStringLiteral("/devices/") + id),
                         QJsonObject {
                             {QStringLiteral("groups"), QJsonArray {QStringLiteral("Bad Name")}}})
                     .status,
            400);
        QCOMPARE(strings(device(id).value(QStringLiteral("groups"))),
            (QStringList {QStringLiteral("cobalt"), QStringLiteral("cobalt--field-b")}));
    }
    void lockUnlockAndDevelopment()
    {
        Http http(m_sandbox.token());
        const QJsonObject before = firstDeviceIn(QStringLiteral("fjord--vessels"));
        const QString id = before.value(QStringLiteral("id")).toString();
        const QUrl url = product(QStringLiteral("/devices/") + id);
        const int target
            = before.value(QStringLiteral("targeted_firmware_release_version")).toInt();
        const int lockTo = target == 2 ? 3 : 2;
        HttpResult r = http.putJson(url,
            QJsonObject {{QStringLiteral("desired_firmware_version"), lockTo},
                {QStringLiteral("flash"), false}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("desired_firmware_version")).toInt(), lockTo);
        QCOMPARE(
            device(id).value(QStringLiteral("targeted_firmware_release_version")).toInt(), lockTo);
        // A lock to a version that does not exist is refused, together with the rest of the
        // request.
        r = http.putJson(url,
            QJsonObject {{QStringLiteral("desired_firmware_version"), 999},
                {QStringLiteral("name"), QStringLiteral("never-applied")}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().value(QStringLiteral("error")).toString().contains(QStringLiteral("999")));
        QVERIFY(
            device(id).value(QStringLiteral("name")).toString() != QLatin1String("never-applied"));
        QCOMPARE(device(id).value(QStringLiteral("desired_firmware_version")).toInt(), lockTo);
        // Unlock with null.
        QCOMPARE(
            http.putJson(url,
                    QJsonObject {{QStringLiteral("desired_firmware_version"), QJsonValue::Null}})
                .status,
            200);
        QVERIFY(device(id).value(QStringLiteral("desired_firmware_version")).isNull());
        QCOMPARE(
            device(id).value(QStringLiteral("targeted_firmware_release_version")).toInt(), target);
        // Development devices are never targeted.
        QCOMPARE(http.putJson(url, QJsonObject {{QStringLiteral("development"), true}})
                     .json()
                     .value(QStringLiteral("development"))
                     .toBool(),
            true);
        QVERIFY(device(id).value(QStringLiteral("targeted_firmware_release_version")).isNull());
        QCOMPARE(http.putForm(url, "development=false").status, 200);
        QCOMPARE(
            device(id).value(QStringLiteral("targeted_firmware_release_version")).toInt(), target);
        QCOMPARE(http.putJson(url, QJsonObject {{QStringLiteral("firmware_updates_forced"), true}})
                     .status,
            200);
        QCOMPARE(device(id).value(QStringLiteral("firmware_updates_forced")).toBool(), true);
    }
    void unclaimAndRemove()
    {
        Http http(m_sandbox.token());
        const QJsonObject owned = firstDeviceIn(QStringLiteral("borealis--south"));
        const QString id = owned.value(QStringLiteral("id")).toString();
        QVERIFY(!owned.value(QStringLiteral("owner")).toString().isEmpty());
        const HttpResult unclaim = http.del(product(QStringLiteral("/devices/%1/owner").arg(id)));
        QCOMPARE(unclaim.status, 200);
        QCOMPARE(unclaim.json().value(QStringLiteral("ok")).toBool(), true);
        QVERIFY(device(id).value(QStringLiteral("owner")).isNull());
        const HttpResult removed = http.del(product(QStringLiteral("/devices/") + id));
        QCOMPARE(removed.status, 204);
        QVERIFY(removed.body.isEmpty());
        QCOMPARE(http.get(product(QStringLiteral("/devices/") + id)).status, 404);
        QCOMPARE(http.del(product(QStringLiteral("/devices/") + id)).status, 404);
        // It can be imported again; its groups are gone.
        const HttpResult again = http.postJson(
            product(QStringLiteral("/devices")), QJsonObject {{QStringLiteral("id"), id}});
        QCOMPARE(again.json().value(QStringLiteral("updated")).toInt(), 1);
        QVERIFY(strings(device(id).value(QStringLiteral("groups"))).isEmpty());
    }
    void import()
    {
        Http http(m_sandbox.token());
        // Factory stock: units Particle knows that are in no product yet.
        const QJsonArray stock = Http(m_sandbox.adminToken())
                                     .get(m_sandbox.url(QStringLiteral("/admin/stock")))
                                     .json()
                                     .value(QStringLiteral("stock"))
                                     .toArray();
        QVERIFY(stock.size() >= 4);
        const auto unit = [&](int i, const char *field) {
            return stock.at(i).toObject().value(QLatin1String(field)).toString();
        };
        const QString fresh = unit(0, "id");
        HttpResult r = http.postJson(
            product(QStringLiteral("/devices")), QJsonObject {{QStringLiteral("id"), fresh}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("updated")).toInt(), 1);
        QCOMPARE(strings(r.json().value(QStringLiteral("updatedDeviceIds"))), QStringList {fresh});
        for (const char *key :
            {"existingDeviceIds", "nonmemberDeviceIds", "invalidDeviceIds", "protectedDeviceIds"})
            QVERIFY2(r.json().value(QLatin1String(key)).isArray(), key);
        QCOMPARE(device(fresh).value(QStringLiteral("id")).toString(), fresh);
        // The sandbox's own list form: a well-formed id Particle does not know is invalid too.
        const QString existing
            = firstDeviceIn(QStringLiteral("acme")).value(QStringLiteral("id")).toString();
        r = http.postJson(product(QStringLiteral("/devices")),
            QJsonObject {{QStringLiteral("ids"),
                QJsonArray {fresh, existing, QStringLiteral("not-a-device"), randomHexId(2)}}});
        QCOMPARE(r.json().value(QStringLiteral("updated")).toInt(), 0);
        QCOMPARE(strings(r.json().value(QStringLiteral("existingDeviceIds"))),
            (QStringList {fresh, existing}));
        QCOMPARE(strings(r.json().value(QStringLiteral("invalidDeviceIds"))),
            (QStringList {QStringLiteral("not-a-device"), randomHexId(2)}));
        QCOMPARE(http.get(product(QStringLiteral("/devices/") + randomHexId(2))).status, 404);
        // A multipart file with one identifier per line (CRLF or LF): serial numbers, IMEIs and
        // ICCIDs count too.
        const QString serial = device(existing).value(QStringLiteral("serial_number")).toString();
        const QByteArray boundary = "b0undary";
        const QByteArray body = "--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"devices.txt\"\r\n"
              "Content-Type: text/plain\r\n\r\n"
            + unit(1, "serial_number").toLatin1() + "\r\n" + unit(2, "imei").toLatin1() + "\n"
            + unit(3, "iccid").toLatin1() + "\n" + serial.toLatin1() + "\n\nxyz\n\r\n--" + boundary
            + "--\r\n";
        r = http.send("POST", product(QStringLiteral("/devices")), body,
            "multipart/form-data; boundary=" + boundary);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("updated")).toInt(), 3);
        QCOMPARE(strings(r.json().value(QStringLiteral("updatedDeviceIds"))),
            (QStringList {unit(1, "serial_number"), unit(2, "imei"), unit(3, "iccid")}));
        QCOMPARE(
            strings(r.json().value(QStringLiteral("existingDeviceIds"))), QStringList {serial});
        QCOMPARE(strings(r.json().value(QStringLiteral("invalidDeviceIds"))),
            QStringList {QStringLiteral("xyz")});
        for (int i = 1; i <= 3; ++i)
            QCOMPARE(device(unit(i, "id")).value(QStringLiteral("product_id")).toInt(),
                m_sandbox.productId());
        QCOMPARE(http.postJson(product(QStringLiteral("/devices")), QJsonObject()).status, 400);
    }
    void batchGroups()
    {
        Http http(m_sandbox.token());
        const QList<QJsonObject> devices
            = allDevices(QStringLiteral("&groups=delta-water--pump-1"));
        QVERIFY(devices.size() >= 3);
        QJsonArray ids;
        for (qsizetype i = 0; i < 3; ++i)
            ids.append(devices.at(i).value(QStringLiteral("id")));
        const QUrl url = product(QStringLiteral("/devices"));
        const auto batch
            = [&](const QJsonArray &devs, const QJsonArray &add, const QJsonArray &remove) {
                  return http.putJson(url,
                      QJsonObject {{QStringLiteral("action"), QStringLiteral("groups")},
                          {QStringLiteral("devices"), devs},
                          {QStringLiteral("metadata"),
                              QJsonObject {{QStringLiteral("add"), add},
                                  {QStringLiteral("remove"), remove}}}});
              };
        HttpResult r = batch(
            ids, {QStringLiteral("delta-water--pump-2")}, {QStringLiteral("delta-water--pump-1")});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("ok")).toBool(), true);
        for (const QJsonValue &id : ids)
            QCOMPARE(strings(device(id.toString()).value(QStringLiteral("groups"))),
                (QStringList {
                    QStringLiteral("delta-water"), QStringLiteral("delta-water--pump-2")}));
        // One unknown device: nothing is applied.
        QJsonArray withUnknown = ids;
        withUnknown.append(randomHexId(77));
        r = batch(withUnknown, {QStringLiteral("delta-water--pump-1")}, {});
        QCOMPARE(r.status, 404);
        QVERIFY(!strings(device(ids.first().toString()).value(QStringLiteral("groups")))
                     .contains(QStringLiteral("delta-water--pump-1")));
        QCOMPARE(batch(ids, {QStringLiteral("UPPER")}, {}).status, 400);
        QJsonArray tooMany;
        for (int i = 0; i < 1001; ++i)
            tooMany.append(ids.first());
        QCOMPARE(batch(tooMany, {QStringLiteral("x")}, {}).status, 400);
        QCOMPARE(http.putJson(url,
                         QJsonObject {{QStringLiteral("action"), QStringLiteral("rename")},
                             {QStringLiteral("devices"), ids}})
                     .status,
            400);
    }

    // --- groups --------------------------------------------------------------------------

    void groupCrud()
    {
        Http http(m_sandbox.token());
        const QUrl groups = product(QStringLiteral("/groups"));
        HttpResult r = http.postJson(groups,
            QJsonObject {{QStringLiteral("name"), QStringLiteral("crud-test")},
                {QStringLiteral("description"), QStringLiteral("Test [flotilla:group]")},
                {QStringLiteral("color"), QStringLiteral("#112233")}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json()
                     .value(QStringLiteral("group"))
                     .toObject()
                     .value(QStringLiteral("color"))
                     .toString(),
            QStringLiteral("#112233"));
        QCOMPARE(http.postJson(groups,
                         QJsonObject {{QStringLiteral("name"), QStringLiteral("crud-test")}})
                     .status,
            400);
        QCOMPARE(http.postJson(groups,
                         QJsonObject {{QStringLiteral("name"), QString(65, QLatin1Char('a'))}})
                     .status,
            400);
        QCOMPARE(http.postJson(groups,
                         QJsonObject {{QStringLiteral("name"), QStringLiteral("ok-name")},
                             {QStringLiteral("color"), QStringLiteral("blue")}})
                     .status,
            400);
        QCOMPARE(http.postForm(groups, "name=form-made&description=via+form").status, 201);
        const QJsonArray partial = http.get(product(QStringLiteral("/groups?name=crud")))
                                       .json()
                                       .value(QStringLiteral("groups"))
                                       .toArray();
        QCOMPARE(partial.size(), 1);
        // Put a device in it, rename the group: the device follows.
        const QString id
            = firstDeviceIn(QStringLiteral("cobalt--test")).value(QStringLiteral("id")).toString();
        const QJsonObject before = device(id);
        QJsonArray withGroup = before.value(QStringLiteral("groups")).toArray();
        withGroup.append(QStringLiteral("crud-test"));
        QCOMPARE(http.putJson(product(QStringLiteral("/devices/") + id),
                         QJsonObject {{QStringLiteral("groups"), withGroup}})
                     .status,
            200);
        r = http.putJson(product(QStringLiteral("/groups/crud-test")),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("crud-renamed")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()
                     .value(QStringLiteral("group"))
                     .toObject()
                     .value(QStringLiteral("device_count"))
                     .toInt(),
            1);
        QVERIFY(strings(device(id).value(QStringLiteral("groups")))
                    .contains(QStringLiteral("crud-renamed")));
        QCOMPARE(http.get(product(QStringLiteral("/groups/crud-test"))).status, 404);
        QCOMPARE(http.putJson(product(QStringLiteral("/groups/crud-renamed")),
                         QJsonObject {{QStringLiteral("name"), QStringLiteral("acme")}})
                     .status,
            400);
        QCOMPARE(
            http.putJson(product(QStringLiteral("/groups/crud-renamed")), QJsonObject()).status,
            400);
        // Deleting the group removes it from its devices.
        QCOMPARE(http.del(product(QStringLiteral("/groups/crud-renamed"))).status, 204);
        QVERIFY(!strings(device(id).value(QStringLiteral("groups")))
                     .contains(QStringLiteral("crud-renamed")));
        QCOMPARE(http.del(product(QStringLiteral("/groups/crud-renamed"))).status, 404);
    }
    void groupShowsReleaseAndCount()
    {
        Http http(m_sandbox.token());
        const QJsonObject g = http.get(product(QStringLiteral("/groups/acme--berlin--test")))
                                  .json()
                                  .value(QStringLiteral("group"))
                                  .toObject();
        QCOMPARE(g.value(QStringLiteral("fw_version")).toInt(), 5);
        QVERIFY(g.value(QStringLiteral("device_count")).toInt() >= 1);
        QVERIFY(g.value(QStringLiteral("description"))
                    .toString()
                    .contains(QStringLiteral("[flotilla:group]")));
    }

    // --- firmware ------------------------------------------------------------------------

    void firmwareList()
    {
        Http http(m_sandbox.token());
        const QJsonArray list = http.get(product(QStringLiteral("/firmware"))).array();
        QVERIFY(list.size() >= 5);
        int defaults = 0;
        for (const QJsonValue &v : list) {
            const QJsonObject fw = v.toObject();
            QVERIFY(fw.value(QStringLiteral("version")).isDouble());
            QVERIFY(fw.value(QStringLiteral("groups")).isArray());
            QVERIFY(fw.value(QStringLiteral("device_count")).isDouble());
            defaults += fw.value(QStringLiteral("product_default")).toBool() ? 1 : 0;
        }
        QCOMPARE(defaults, 1);
        const HttpResult one = http.get(product(QStringLiteral("/firmware/5")));
        QCOMPARE(one.json().value(QStringLiteral("title")).toString().isEmpty(), false);
        QVERIFY(strings(one.json().value(QStringLiteral("groups")))
                    .contains(QStringLiteral("acme--berlin--test")));
        const HttpResult binary = http.get(product(QStringLiteral("/firmware/5/binary")));
        QCOMPARE(binary.status, 200);
        QCOMPARE(binary.body.size(), one.json().value(QStringLiteral("size")).toInt());
        QCOMPARE(http.get(product(QStringLiteral("/firmware/777"))).status, 404);
    }
    void uploadReleaseAndDelete()
    {
        Http http(m_sandbox.token());
        HttpResult r = uploadFirmware("binary", 20, QStringLiteral("twenty"));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("version")).toInt(), 20);
        QCOMPARE(r.json().value(QStringLiteral("size")).toInt(), 2048);
        QCOMPARE(r.json().value(QStringLiteral("product_default")).toBool(true), false);
        QCOMPARE(uploadFirmware("file", 21, QStringLiteral("twenty-one")).status, 201);
        QCOMPARE(uploadFirmware("binary", 20, QStringLiteral("again")).status, 400);
        QCOMPARE(uploadFirmware("binary", 22, QString()).status, 400);
        QCOMPARE(uploadFirmware("binary", 70000, QStringLiteral("too big")).status, 400);
        QCOMPARE(http.putJson(product(QStringLiteral("/firmware/20")),
                         QJsonObject {{QStringLiteral("title"), QStringLiteral("renamed title")}})
                     .json()
                     .value(QStringLiteral("title"))
                     .toString(),
            QStringLiteral("renamed title"));

        // First release needs the version to have run on a device.
        const QUrl release = product(QStringLiteral("/firmware/release"));
        r = http.putJson(release,
            QJsonObject {{QStringLiteral("version"), 20},
                {QStringLiteral("groups"), QJsonArray {QStringLiteral("cobalt--test")}}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.json()
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("at least one")));

        // Version 6 has run on development units: release it to a test group.
        const QJsonObject impact
            = http.get(product(
                           QStringLiteral("/impact?action=edit_groups_for_firmware&firmware_"
                                          "version=6&groups=cobalt--test&product_default=false")))
                  .json()
                  .value(QStringLiteral("devices"))
                  .toObject()
                  .value(QStringLiteral("firmware_update"))
                  .toObject();
        const QList<QJsonObject> testDevices = allDevices(QStringLiteral("&groups=cobalt--test"));
        int expected = 0;
        for (const QJsonObject &d : testDevices) {
            const bool dev = d.value(QStringLiteral("development")).toBool();
            const bool locked = !d.value(QStringLiteral("desired_firmware_version")).isNull();
            expected
                += (!dev && !locked && d.value(QStringLiteral("firmware_version")).toInt() != 6)
                ? 1
                : 0;
        }
        QCOMPARE(impact.value(QStringLiteral("total")).toInt(), expected);
        r = http.putJson(release,
            QJsonObject {{QStringLiteral("version"), 6},
                {QStringLiteral("groups"), QJsonArray {QStringLiteral("cobalt--test")}},
                {QStringLiteral("intelligent"), false}});
        QCOMPARE(r.status, 200);
        QVERIFY(strings(r.json().value(QStringLiteral("groups")))
                    .contains(QStringLiteral("cobalt--test")));
        for (const QJsonObject &d : testDevices) {
            const QJsonObject now = device(d.value(QStringLiteral("id")).toString());
            if (!now.value(QStringLiteral("development")).toBool()
                && now.value(QStringLiteral("desired_firmware_version")).isNull())
                QCOMPARE(now.value(QStringLiteral("targeted_firmware_release_version")).toInt(), 6);
        }
        QCOMPARE(http.get(product(QStringLiteral("/groups/cobalt--test")))
                     .json()
                     .value(QStringLiteral("group"))
                     .toObject()
                     .value(QStringLiteral("fw_version"))
                     .toInt(),
            6);
        // Released firmware cannot be deleted; an unreleased upload can.
        QCOMPARE(http.del(product(QStringLiteral("/firmware/6"))).status, 400);
        QCOMPARE(http.del(product(QStringLiteral("/firmware/21"))).status, 204);
        QCOMPARE(http.get(product(QStringLiteral("/firmware/21"))).status, 404);
        QCOMPARE(
            http.putJson(release,
                    QJsonObject {{QStringLiteral("version"), 6},
                        {QStringLiteral("groups"), QJsonArray {QStringLiteral("missing-group")}}})
                .status,
            404);
        QCOMPARE(http.putJson(release, QJsonObject {{QStringLiteral("version"), 6}}).status, 400);
    }
    void productDefaultRelease()
    {
        Http http(m_sandbox.token());
        // A plain device with no group release follows the product default.
        const QJsonObject plain = firstDeviceIn(QStringLiteral("fjord--vessels"));
        const QString id = plain.value(QStringLiteral("id")).toString();
        QCOMPARE(plain.value(QStringLiteral("targeted_firmware_release_version")).toInt(), 4);
        const QJsonObject borealis = firstDeviceIn(QStringLiteral("borealis--north"));
        QCOMPARE(borealis.value(QStringLiteral("targeted_firmware_release_version")).toInt(),
            5); // group release
        HttpResult r = http.putJson(product(QStringLiteral("/firmware/release")),
            QJsonObject {
                {QStringLiteral("version"), 2}, {QStringLiteral("product_default"), true}});
        QCOMPARE(r.status, 200);
        QCOMPARE(device(id).value(QStringLiteral("targeted_firmware_release_version")).toInt(),
            2); // targets move down too
        QCOMPARE(device(borealis.value(QStringLiteral("id")).toString())
                     .value(QStringLiteral("targeted_firmware_release_version"))
                     .toInt(),
            5);
        QCOMPARE(http.get(product(QStringLiteral("/firmware/4")))
                     .json()
                     .value(QStringLiteral("product_default"))
                     .toBool(true),
            false);
        r = http.putJson(product(QStringLiteral("/firmware/release")),
            QJsonObject {
                {QStringLiteral("version"), 4}, {QStringLiteral("product_default"), true}});
        QCOMPARE(r.status, 200);
        QCOMPARE(device(id).value(QStringLiteral("targeted_firmware_release_version")).toInt(), 4);
    }

    // --- customers and claiming ----------------------------------------------------------

    void customersAndClaiming()
    {
        Http http;
        const QUrl customers = product(QStringLiteral("/customers"));
        HttpResult r = http.postForm(customers, "email=shadow%40example.com&no_password=true",
            basic(clientId(), clientSecret()));
        QCOMPARE(r.status, 201);
        const QString customerToken = r.json().value(QStringLiteral("access_token")).toString();
        QVERIFY(!customerToken.isEmpty());
        QVERIFY(!r.json().value(QStringLiteral("refresh_token")).toString().isEmpty());
        QCOMPARE(http.postForm(customers, "email=shadow%40example.com&no_password=true",
                         basic(clientId(), clientSecret()))
                     .status,
            400);
        QCOMPARE(http.postForm(customers, "email=x%40example.com&no_password=true",
                         basic(clientId(), QStringLiteral("wrong")))
                     .status,
            400);
        // Client credentials in the body work too, and a team member's token can create customers.
        QCOMPARE(
            http.postForm(customers,
                    "email=body%40example.com&password=secret&client_id=" + clientId().toLatin1()
                        + "&client_secret=" + clientSecret().toLatin1())
                .status,
            201);
        Http team(m_sandbox.token());
        QCOMPARE(team.postForm(customers, "email=team%40example.com&password=pw").status, 201);
        QCOMPARE(team.postForm(customers, "email=missing-password%40example.com").status, 400);

        // Customer tokens: no product endpoints; claim a product device (offline is fine).
        Http customer(customerToken);
        QCOMPARE(customer.get(product(QStringLiteral("/devices"))).status, 403);
        QJsonObject offline;
        for (const QJsonObject &d :
            allDevices(QStringLiteral("&groups=cobalt,delta-water,evergreen,fjord"))) {
            if (!d.value(QStringLiteral("online")).toBool()
                && d.value(QStringLiteral("owner")).isNull()) {
                offline = d;
                break;
            }
        }
        QVERIFY(!offline.isEmpty());
        const QString id = offline.value(QStringLiteral("id")).toString();
        r = customer.postJson(
            m_sandbox.url(QStringLiteral("/v1/devices")), QJsonObject {{QStringLiteral("id"), id}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(device(id).value(QStringLiteral("owner")).toString(),
            QStringLiteral("shadow@example.com"));
        const QJsonArray mine = customer.get(m_sandbox.url(QStringLiteral("/v1/devices"))).array();
        QCOMPARE(mine.size(), 1);
        QCOMPARE(customer.get(m_sandbox.url(QStringLiteral("/v1/devices/") + id)).status, 200);
        // Someone else's device cannot be claimed; a customer cannot see it either.
        const QString acme
            = firstDeviceIn(QStringLiteral("acme")).value(QStringLiteral("id")).toString();
        QCOMPARE(customer
                     .postJson(m_sandbox.url(QStringLiteral("/v1/devices")),
                         QJsonObject {{QStringLiteral("id"), acme}})
                     .status,
            403);
        QCOMPARE(customer.get(m_sandbox.url(QStringLiteral("/v1/devices/") + acme)).status, 404);
        // A new customer token through client_credentials + scope.
        const QString scoped
            = tokenFor("grant_type=client_credentials&scope=customer%3Dshadow%40example.com",
                basic(clientId(), clientSecret()));
        QVERIFY(!scoped.isEmpty());
        QCOMPARE(Http(scoped).get(m_sandbox.url(QStringLiteral("/v1/devices"))).array().size(), 1);

        // The list shows the customer with its device.
        bool listed = false;
        for (const QJsonValue &c :
            team.get(customers).json().value(QStringLiteral("customers")).toArray()) {
            if (c.toObject().value(QStringLiteral("username")).toString()
                == QLatin1String("shadow@example.com")) {
                listed = true;
                QCOMPARE(strings(c.toObject().value(QStringLiteral("devices"))), QStringList {id});
            }
        }
        QVERIFY(listed);
        // Deleting the customer revokes its tokens and releases its devices.
        r = team.del(m_sandbox.url(QStringLiteral("/v1/products/%1/customers/shadow%40example.com")
                                       .arg(m_sandbox.productId())));
        QCOMPARE(r.status, 200);
        QCOMPARE(customer.get(m_sandbox.url(QStringLiteral("/v1/devices"))).status, 401);
        QCOMPARE(Http(scoped).get(m_sandbox.url(QStringLiteral("/v1/devices"))).status, 401);
        QVERIFY(device(id).value(QStringLiteral("owner")).isNull());
    }

    // --- error shapes --------------------------------------------------------------------

    void unknownRoutesAreJson404()
    {
        Http http(m_sandbox.token());
        for (const QString &path :
            {QStringLiteral("/v1/nothing"), QStringLiteral("/"), QStringLiteral("/v2/products")}) {
            const HttpResult r = http.get(m_sandbox.url(path));
            QCOMPARE(r.status, 404);
            QVERIFY(r.header("Content-Type").startsWith("application/json"));
            QCOMPARE(r.json().value(QStringLiteral("ok")).toBool(true), false);
        }
        const HttpResult wrongMethod
            = http.send("PATCH", product(QStringLiteral("/devices")), {}, {});
        QCOMPARE(wrongMethod.status, 404);
        QVERIFY(wrongMethod.json()
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("PATCH")));
    }
    void malformedBodiesAre400()
    {
        Http http(m_sandbox.token());
        const QString id
            = firstDeviceIn(QStringLiteral("cobalt")).value(QStringLiteral("id")).toString();
        const QString name = device(id).value(QStringLiteral("name")).toString();
        const HttpResult r = http.send("PUT", product(QStringLiteral("/devices/") + id),
            "{\"name\": \"x\"", "application/json");
        QCOMPARE(r.status, 400);
        QVERIFY(r.json()
                    .value(QStringLiteral("error"))
                    .toString()
                    .startsWith(QStringLiteral("Malformed JSON")));
        QCOMPARE(device(id).value(QStringLiteral("name")).toString(), name);
    }
};

QTEST_GUILESS_MAIN(TestSandboxApi)
#include "tst_sandbox_api.moc"
