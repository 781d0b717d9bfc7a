// SPDX-License-Identifier: MIT
// ApiError: status classification and messages from both Particle error body shapes.
#include "remote/apierror.h"

#include <QTest>

using Flotilla::Remote::ApiError;
using Kind = ApiError::Kind;

class TestApiError final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classification_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<bool>("transient");
        QTest::newRow("400") << 400 << Kind::BadRequest << false;
        QTest::newRow("401") << 401 << Kind::Unauthorized << false;
        QTest::newRow("403") << 403 << Kind::Forbidden << false;
        QTest::newRow("404") << 404 << Kind::NotFound << false;
        QTest::newRow("408") << 408 << Kind::Timeout << true;
        QTest::newRow("413") << 413 << Kind::BadRequest << false;
        QTest::newRow("422") << 422 << Kind::BadRequest << false;
        QTest::newRow("429") << 429 << Kind::RateLimited << true;
        QTest::newRow("500") << 500 << Kind::Server << true;
        QTest::newRow("503") << 503 << Kind::Server << true;
        QTest::newRow("302 not followed") << 302 << Kind::Malformed << false;
    }
    void classification()
    {
        QFETCH(int, status);
        QFETCH(Kind, kind);
        QFETCH(bool, transient);
        const ApiError e = ApiError::fromHttp(status, {});
        QCOMPARE(e.kind, kind);
        QCOMPARE(e.status, status);
        QCOMPARE(e.isTransient(), transient);
        QVERIFY(e.isError());
        QVERIFY(!e.message.isEmpty());
    }

    void messages_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("code");
        QTest::newRow("oauth") << QByteArray("{\"error\":\"invalid_token\",\"error_description\":"
                                             "\"The access token provided is invalid.\"}")
                               << QStringLiteral("The access token provided is invalid.")
                               << QStringLiteral("invalid_token");
        QTest::newRow("api") << QByteArray("{\"ok\":false,\"error\":\"Device not found\"}")
                             << QStringLiteral("Device not found") << QString();
        QTest::newRow("api code only")
            << QByteArray("{\"ok\":false,\"error\":\"not_found\"}") << QStringLiteral("not_found")
            << QStringLiteral("not_found");
        QTest::newRow("description only")
            << QByteArray("{\"error_description\":\"Invalid operation\"}")
            << QStringLiteral("Invalid operation") << QString();
        QTest::newRow("errors[] strings")
            << QByteArray("{\"ok\":false,\"errors\":[\"name is taken\",\"color is bad\"]}")
            << QStringLiteral("name is taken\ncolor is bad") << QString();
        QTest::newRow("errors[] objects")
            << QByteArray("{\"errors\":[{\"message\":\"version must be an integer\"}]}")
            << QStringLiteral("version must be an integer") << QString();
        QTest::newRow("info") << QByteArray("{\"ok\":false,\"info\":\"I didn't recognize that\"}")
                              << QStringLiteral("I didn't recognize that") << QString();
        QTest::newRow("not JSON") << QByteArray("<html>Bad Gateway</html>")
                                  << QStringLiteral("Bad Gateway") << QString();
        QTest::newRow("empty") << QByteArray() << QStringLiteral("Bad Gateway") << QString();
    }
    void messages()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        QFETCH(QString, code);
        const ApiError e = ApiError::fromHttp(502, body, QStringLiteral("Bad Gateway"));
        QCOMPARE(e.message, message);
        QCOMPARE(e.code, code);
    }

    void toStringSaysEverything()
    {
        const ApiError e = ApiError::fromHttp(401,
            "{\"error\":\"invalid_token\",\"error_description\":\"The access token provided has "
            "expired.\"}");
        QCOMPARE(e.toString(),
            QStringLiteral(
                "Unauthorized (HTTP 401, invalid_token): The access token provided has expired."));
        QCOMPARE(ApiError().toString(), QStringLiteral("No error"));
        QVERIFY(!ApiError().isError());
        const ApiError timeout {Kind::Timeout, 0, {}, QStringLiteral("No answer within 300 ms")};
        QCOMPARE(timeout.toString(), QStringLiteral("Timeout: No answer within 300 ms"));
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
