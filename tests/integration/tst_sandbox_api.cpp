// SPDX-License-Identifier: MIT
// The sandbox's API over real HTTP: start line, auth, products, devices, groups, firmware,
// customers and claiming, paging and error shapes.
#include "sandboxprocess.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

using namespace Flotilla::Test;

class TestSandboxApi final : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QUrl product(const QString &path) const
    {
        return m_sandbox.url(QStringLiteral("/v1/products/%1%2").arg(m_sandbox.productId()).arg(path));
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
        for (const char *key : {"url", "token", "username", "password", "product", "oauth_client"})
            QVERIFY2(line.contains(QLatin1String(key)), key);
        QVERIFY(m_sandbox.productId() > 0);
        QVERIFY(!m_sandbox.productSlug().isEmpty());
        const QJsonObject client = line.value(QStringLiteral("oauth_client")).toObject();
        QVERIFY(!client.value(QStringLiteral("id")).toString().isEmpty());
        QVERIFY(!client.value(QStringLiteral("secret")).toString().isEmpty());
    }

    void listsDevicesWithPaging()
    {
        Http http(m_sandbox.token());
        const HttpResult r = http.get(product(QStringLiteral("/devices?perPage=7&page=2")));
        QCOMPARE(r.status, 200);
        const QJsonObject body = r.json();
        QCOMPARE(body.value(QStringLiteral("devices")).toArray().size(), 7);
        QVERIFY(body.value(QStringLiteral("meta")).toObject().value(QStringLiteral("total_pages")).toInt() > 10);
    }
};

QTEST_GUILESS_MAIN(TestSandboxApi)
#include "tst_sandbox_api.moc"
