// SPDX-License-Identifier: MIT
// Request body parsing: JSON, forms and multipart, and the typed field accessors that let every
// endpoint accept any of them.
#include "request.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace Flotilla::Sandbox;

class TestRequest final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jsonObject()
    {
        const ParsedBody b = parseBody("application/json; charset=utf-8",
            R"({"name":"x","groups":["a","b"],"flash":true,"v":3})");
        QVERIFY(b.error.isEmpty());
        QCOMPARE(b.fields.kind(), BodyKind::Json);
        QCOMPARE(b.fields.string(QStringLiteral("name")).value(), QStringLiteral("x"));
        QString error;
        QCOMPARE(b.fields.list(QStringLiteral("groups"), &error).value(),
            (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(b.fields.boolean(QStringLiteral("flash"), &error).value(), true);
        QCOMPARE(b.fields.integer(QStringLiteral("v"), &error).value(), 3);
        QVERIFY(error.isEmpty());
    }
    void malformedJson_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mention");
        QTest::newRow("truncated") << QByteArray(R"({"name":)") << QStringLiteral("offset");
        QTest::newRow("array") << QByteArray(R"(["a"])") << QStringLiteral("object");
        QTest::newRow("garbage") << QByteArray("\x01\x02not json")
                                 << QStringLiteral("Malformed JSON");
    }
    void malformedJson()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, mention);
        const ParsedBody b = parseBody("application/json", body);
        QVERIFY(!b.error.isEmpty());
        QVERIFY2(b.error.contains(mention), qPrintable(b.error));
    }
    void formArraysAndEncoding()
    {
        const ParsedBody b = parseBody("application/x-www-form-urlencoded",
            "groups%5B%5D=a&groups[]=b&name=hello+world%21&flag=1&n=007");
        QVERIFY(b.error.isEmpty());
        QString error;
        QCOMPARE(b.fields.list(QStringLiteral("groups"), &error).value(),
            (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(b.fields.string(QStringLiteral("name")).value(), QStringLiteral("hello world!"));
        QCOMPARE(b.fields.boolean(QStringLiteral("flag"), &error).value(), true);
        QCOMPARE(b.fields.integer(QStringLiteral("n"), &error).value(), 7);
    }
    void singleArrayItemStaysAnArray()
    {
        const ParsedBody b = parseBody("application/x-www-form-urlencoded", "groups[]=only");
        QVERIFY(b.fields.values().value(QStringLiteral("groups")).isArray());
    }
    void repeatedKeysBecomeArrays()
    {
        const QJsonObject o = parseForm("ids=a&ids=b&ids=c");
        QCOMPARE(o.value(QStringLiteral("ids")).toArray().size(), 3);
    }
    void commaSeparatedList()
    {
        Fields f(QJsonObject {{QStringLiteral("groups"), QStringLiteral("a, b,c")}});
        QString error;
        QCOMPARE(f.list(QStringLiteral("groups"), &error).value(),
            (QStringList {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    }
    void typedAccessorsReportBadValues()
    {
        Fields f(QJsonObject {{QStringLiteral("b"), QStringLiteral("maybe")},
            {QStringLiteral("i"), QStringLiteral("1.5x")},
            {QStringLiteral("l"), QJsonArray {1, 2}}});
        QString error;
        QVERIFY(!f.boolean(QStringLiteral("b"), &error));
        QVERIFY(error.contains(QStringLiteral("'b'")));
        error.clear();
        QVERIFY(!f.integer(QStringLiteral("i"), &error));
        QVERIFY(error.contains(QStringLiteral("'i'")));
        error.clear();
        QVERIFY(!f.list(QStringLiteral("l"), &error));
        QVERIFY(error.contains(QStringLiteral("'l'")));
        error.clear();
        QVERIFY(!f.boolean(QStringLiteral("absent"), &error));
        QVERIFY(error.isEmpty()); // absent is not an error
    }
    void nullSemantics()
    {
        Fields json(QJsonObject {{QStringLiteral("v"), QJsonValue::Null}});
        QVERIFY(json.isNull(QStringLiteral("v")));
        QVERIFY(json.has(QStringLiteral("v")));
        const ParsedBody form = parseBody("application/x-www-form-urlencoded", "v=null&w=");
        QVERIFY(form.fields.isNull(QStringLiteral("v")));
        QVERIFY(form.fields.isNull(QStringLiteral("w")));
        Fields number(QJsonObject {{QStringLiteral("v"), 3}});
        QVERIFY(!number.isNull(QStringLiteral("v")));
    }
    void multipart()
    {
        const QByteArray binary("\x00\x01\r\n--not-the-boundary\r\n\x02", 26);
        const QByteArray body
            = QByteArray("--XyZ\r\n"
                         "Content-Disposition: form-data; name=\"version\"\r\n\r\n"
                         "7\r\n"
                         "--XyZ\r\n"
                         "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
                         "Seven\r\n"
                         "--XyZ\r\n"
                         "Content-Disposition: form-data; name=\"binary\"; "
                         "filename=\"fw.bin\"\r\n"
                         "Content-Type: application/octet-stream\r\n\r\n")
            + binary + QByteArray("\r\n--XyZ--\r\n");
        const ParsedBody b = parseBody("multipart/form-data; boundary=\"XyZ\"", body);
        QVERIFY2(b.error.isEmpty(), qPrintable(b.error));
        QCOMPARE(b.fields.kind(), BodyKind::Multipart);
        QString error;
        QCOMPARE(b.fields.integer(QStringLiteral("version"), &error).value(), 7);
        QCOMPARE(b.fields.string(QStringLiteral("title")).value(), QStringLiteral("Seven"));
        QCOMPARE(b.files.size(), 1);
        QCOMPARE(b.files.first().fieldName, QStringLiteral("binary"));
        QCOMPARE(b.files.first().fileName, QStringLiteral("fw.bin"));
        QCOMPARE(b.files.first().data, binary);
    }
    void malformedMultipart_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no boundary parameter")
            << QByteArray("multipart/form-data") << QByteArray("--a\r\n");
        QTest::newRow("boundary absent from body")
            << QByteArray("multipart/form-data; boundary=a") << QByteArray("hello");
        QTest::newRow("no closing boundary")
            << QByteArray("multipart/form-data; boundary=a")
            << QByteArray("--a\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n");
        QTest::newRow("part without name")
            << QByteArray("multipart/form-data; boundary=a")
            << QByteArray("--a\r\nContent-Type: text/plain\r\n\r\n1\r\n--a--\r\n");
        QTest::newRow("headers never end")
            << QByteArray("multipart/form-data; boundary=a")
            << QByteArray("--a\r\nContent-Disposition: form-data; name=\"x\"\r\n");
    }
    void malformedMultipart()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        const ParsedBody b = parseBody(contentType, body);
        QVERIFY(!b.error.isEmpty());
        QVERIFY(b.error.startsWith(QStringLiteral("Malformed multipart")));
        QVERIFY(b.files.isEmpty());
    }
    void unsupportedContentType()
    {
        const ParsedBody b = parseBody("text/xml", "<a/>");
        QVERIFY(b.error.contains(QStringLiteral("Unsupported Content-Type")));
    }
    void emptyBodyIsNoBody()
    {
        const ParsedBody b = parseBody("application/json", "  ");
        QVERIFY(b.error.isEmpty());
        QCOMPARE(b.fields.kind(), BodyKind::None);
    }
    void queryFields()
    {
        const Fields f = fieldsFromQuery(QUrlQuery(QStringLiteral("groups=a%2Cb&page=2")));
        QString error;
        QCOMPARE(f.list(QStringLiteral("groups"), &error).value(),
            (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(f.integer(QStringLiteral("page"), &error).value(), 2);
    }
    void repeatedKeysKeepTheirOrder()
    {
        // Other keys in between do not disturb an array's order.
        const QJsonObject o = parseForm("ids[]=c&name=x&ids[]=a&ids[]=b&z=1");
        QCOMPARE(o.value(QStringLiteral("ids")).toArray(),
            (QJsonArray {QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("x"));
        QCOMPARE(o.size(), 3);
    }

    // A form with hundreds of thousands of fields is parsed in time that grows with n log n, as
    // its JSON counterpart is, not with n squared. Parsing one field at a time into a QJsonObject
    // moves (or, for arrays, copies) everything collected so far at every field: 300,000 fields
    // took hundreds of times as long as the same fields as JSON. Compared with the JSON of the
    // same fields, measured on the same machine at the same moment, with a generous bound.
    void manyFormFieldsParseLikeJson_data()
    {
        QTest::addColumn<QByteArray>("form");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("keys");
        const auto build = [](int n, bool array, QByteArray *form, QByteArray *json) {
            form->reserve(qsizetype(n) * 20);
            json->reserve(qsizetype(n) * 24);
            *json = "{";
            for (int i = 0; i < n; ++i) {
                const QByteArray number = QByteArray::number(i);
                if (i > 0) {
                    *form += '&';
                    *json += ',';
                }
                *form += (array ? QByteArray("ids%5B%5D") : "key" + number) + "=value" + number;
                *json += "\"key" + number + "\":\"value" + number + '"';
            }
            *json += '}';
        };
        QByteArray form, json;
        build(300000, false, &form, &json);
        QTest::newRow("300,000 different keys") << form << json << 300000;
        // A quadratic parser needs seconds for 30,000 array items already.
        form.clear();
        json.clear();
        build(30000, true, &form, &json);
        QTest::newRow("one array of 30,000 items") << form << json << 1;
    }
    void manyFormFieldsParseLikeJson()
    {
        QFETCH(QByteArray, form);
        QFETCH(QByteArray, json);
        QFETCH(int, keys);
        constexpr double Bound = 50; // measured: about 10 on a loaded 2-core machine
        qint64 bestForm = std::numeric_limits<qint64>::max();
        qint64 bestJson = std::numeric_limits<qint64>::max();
        // The best of up to three rounds, so that a busy moment does not decide; a ratio far
        // beyond the bound is conclusive at once.
        for (int round = 0; round < 3; ++round) {
            QElapsedTimer clock;
            clock.start();
            const QJsonObject fromForm = parseForm(form);
            bestForm = std::min(bestForm, std::max<qint64>(clock.nsecsElapsed(), 1));
            QCOMPARE(fromForm.size(), keys);
            clock.restart();
            const QJsonObject fromJson = QJsonDocument::fromJson(json).object();
            bestJson = std::min(bestJson, std::max<qint64>(clock.nsecsElapsed(), 1));
            QCOMPARE(fromJson.size(), json.count(':'));
            const double ratio = double(bestForm) / double(bestJson);
            if (ratio < Bound || ratio > 10 * Bound)
                break;
        }
        const double ratio = double(bestForm) / double(bestJson);
        QVERIFY2(ratio < Bound,
            qPrintable(QStringLiteral("the form took %1 ms, the same fields as JSON %2 ms (%3x)")
                           .arg(double(bestForm) / 1e6)
                           .arg(double(bestJson) / 1e6)
                           .arg(ratio)));
    }

    // Bodies with more fields than the limit are refused before they are decoded, with 413.
    void tooManyFieldsIs413_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QByteArray form = "a=1";
        for (qsizetype i = 0; i < MaxBodyFields; ++i)
            form += "&a=1";
        QTest::newRow("form") << QByteArray("application/x-www-form-urlencoded") << form;
        QByteArray multipart;
        for (qsizetype i = 0; i <= MaxBodyFields; ++i)
            multipart += "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n";
        multipart += "--b--\r\n";
        QTest::newRow("multipart") << QByteArray("multipart/form-data; boundary=b") << multipart;
    }
    void tooManyFieldsIs413()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        const ParsedBody b = parseBody(contentType, body);
        QCOMPARE(b.status, 413);
        QVERIFY2(b.error.contains(QStringLiteral("Too many fields")), qPrintable(b.error));
        QVERIFY(b.files.isEmpty());
        // At the limit it is fine.
        const qsizetype cut
            = body.lastIndexOf(contentType.startsWith("multipart") ? "--b\r\n" : "&");
        QByteArray within = body.left(cut);
        if (contentType.startsWith("multipart"))
            within += "--b--\r\n";
        const ParsedBody ok = parseBody(contentType, within);
        QVERIFY2(ok.error.isEmpty(), qPrintable(ok.error));
        QCOMPARE(ok.fields.values().value(QStringLiteral("a")).toArray().size(), MaxBodyFields);
    }
    void errorShapes()
    {
        const ApiResponse api = ApiResponse::apiError(404, QStringLiteral("not found"));
        QCOMPARE(api.status, 404);
        QCOMPARE(api.body, QByteArray(R"({"error":"not found","ok":false})"));
        const ApiResponse oauth
            = ApiResponse::oauthError(400, QStringLiteral("invalid_client"), QStringLiteral("bad"));
        QCOMPARE(oauth.body, QByteArray(R"({"error":"invalid_client","error_description":"bad"})"));
        bool hasAuthenticate = false;
        for (const auto &[name, value] : oauth.headers)
            hasAuthenticate = hasAuthenticate || name == "WWW-Authenticate";
        QVERIFY(hasAuthenticate);
        QCOMPARE(ApiResponse::noContent().status, 204);
        QVERIFY(ApiResponse::noContent().body.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestRequest)
#include "tst_request.moc"
