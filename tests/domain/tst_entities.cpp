// SPDX-License-Identifier: MIT
// Parsing of the Particle API's JSON objects into the domain's value types.
#include "domain/entities.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Flotilla::Domain;

namespace {

// JSON written with single quotes, which become double quotes (no value here has an apostrophe).
QJsonObject object(const char *json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json).replace('\'', '"'), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("bad JSON in the test: %s", qPrintable(error.errorString()));
    return doc.object();
}

qint64 utcMs(int y, int mo, int d, int h, int mi, int s, int ms)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC).toMSecsSinceEpoch();
}

// A product device exactly as the sandbox serves it (GET /v1/products/:p/devices/:id).
const char SandboxDevice[] = "{"
                             "'id': 'e00fce68a1b2c3d4e5f60718',"
                             "'name': 'acme-berlin-00042',"
                             "'owner': 'acme@customers.flotilla.example',"
                             "'last_ip_address': '100.70.12.9',"
                             "'last_heard': '2024-05-01T12:34:56.789Z',"
                             "'last_handshake_at': '2024-05-01T08:00:00.000Z',"
                             "'product_id': 20001,"
                             "'online': true,"
                             "'connected': true,"
                             "'platform_id': 13,"
                             "'cellular': true,"
                             "'notes': 'Mounted on dock 4',"
                             "'functions': [],"
                             "'variables': {},"
                             "'status': 'normal',"
                             "'serial_number': 'B40KLA123456789',"
                             "'iccid': '89012601234567890123',"
                             "'imei': '350000000000001',"
                             "'system_firmware_version': '5.8.0',"
                             "'firmware_updates_enabled': true,"
                             "'firmware_updates_forced': false,"
                             "'device_protection': {'status': 'disabled'},"
                             "'firmware_product_id': 20001,"
                             "'groups': ['acme--berlin', 'beta-testers', 'acme'],"
                             "'firmware_version': 4,"
                             "'desired_firmware_version': 3,"
                             "'targeted_firmware_release_version': 3,"
                             "'development': false,"
                             "'quarantined': false,"
                             "'denied': false"
                             "}";

} // namespace

class TestEntities final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sandboxDevice()
    {
        QString error;
        const std::optional<Device> d = deviceFromJson(object(SandboxDevice), &error);
        QVERIFY2(d, qPrintable(error));
        QCOMPARE(d->id, QStringLiteral("e00fce68a1b2c3d4e5f60718"));
        QCOMPARE(d->name, QStringLiteral("acme-berlin-00042"));
        QCOMPARE(d->owner, QStringLiteral("acme@customers.flotilla.example"));
        QCOMPARE(d->serialNumber, QStringLiteral("B40KLA123456789"));
        QCOMPARE(d->iccid, QStringLiteral("89012601234567890123"));
        QCOMPARE(d->imei, QStringLiteral("350000000000001"));
        QCOMPARE(d->notes, QStringLiteral("Mounted on dock 4"));
        QVERIFY(d->hasNotes);
        QCOMPARE(d->systemFirmwareVersion, QStringLiteral("5.8.0"));
        QCOMPARE(d->groups,
            (QStringList {QStringLiteral("acme"), QStringLiteral("acme--berlin"),
                QStringLiteral("beta-testers")})); // sorted
        QCOMPARE(d->lastHeardMs, utcMs(2024, 5, 1, 12, 34, 56, 789));
        QCOMPARE(d->lastHandshakeMs, utcMs(2024, 5, 1, 8, 0, 0, 0));
        QCOMPARE(d->productId, 20001);
        QCOMPARE(d->platformId, 13);
        QCOMPARE(d->firmwareVersion, 4);
        QCOMPARE(d->desiredFirmwareVersion.value_or(-1), 3);
        QCOMPARE(d->targetedFirmwareVersion.value_or(-1), 3);
        QVERIFY(!d->development);
        QVERIFY(d->online);
        QVERIFY(!d->quarantined);
    }

    // The sandbox writes null for what a device does not have; so does Particle.
    void sandboxDeviceWithNulls()
    {
        QJsonObject json = object(SandboxDevice);
        json.insert(QStringLiteral("id"), QStringLiteral("E00FCE68A1B2C3D4E5F60718"));
        for (const char *key : {"name", "owner", "last_heard", "last_handshake_at", "notes",
                 "desired_firmware_version", "targeted_firmware_release_version"})
            json.insert(QLatin1String(key), QJsonValue::Null);
        json.remove(QStringLiteral("iccid"));
        json.insert(QStringLiteral("imei"), QJsonValue::Null); // a device without a modem
        json.remove(QStringLiteral("groups"));
        json.insert(QStringLiteral("development"), true);
        QString error;
        const std::optional<Device> d = deviceFromJson(json, &error);
        QVERIFY2(d, qPrintable(error));
        QCOMPARE(d->id, QStringLiteral("e00fce68a1b2c3d4e5f60718")); // lower-cased
        QVERIFY(d->name.isEmpty());
        QVERIFY(d->owner.isEmpty());
        QVERIFY(d->iccid.isEmpty());
        QVERIFY(d->imei.isEmpty());
        QVERIFY(!d->hasNotes);
        QVERIFY(d->groups.isEmpty());
        QCOMPARE(d->lastHeardMs, qint64(0));
        QCOMPARE(d->lastHandshakeMs, qint64(0));
        QVERIFY(!d->desiredFirmwareVersion);
        QVERIFY(!d->targetedFirmwareVersion);
        QVERIFY(d->development);
    }

    void emptyNotesAreNotes()
    {
        QJsonObject json = object(SandboxDevice);
        json.insert(QStringLiteral("notes"), QString());
        const std::optional<Device> d = deviceFromJson(json, nullptr);
        QVERIFY(d);
        QVERIFY(d->hasNotes);
        QVERIFY(d->notes.isEmpty());
    }

    void malformedDevice_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value"); // undefined: remove the key
        QTest::addColumn<QString>("message"); // the exact message

        const auto row
            = [](const char *name, const char *key, const QJsonValue &value, const char *problem) {
                  QTest::newRow(name) << QString::fromUtf8(key) << value
                                      << QStringLiteral("Malformed device from the server: '%1' %2")
                                             .arg(QLatin1String(key), QLatin1String(problem));
              };
        row("missing id", "id", QJsonValue(QJsonValue::Undefined), "is missing");
        row("null id", "id", QJsonValue(QJsonValue::Null), "is missing");
        row("numeric id", "id", QJsonValue(42), "is not a string");
        row("short id", "id", QJsonValue(QStringLiteral("e00fce68a1b2c3d4e5f6071")),
            "is not a 24-character hexadecimal device ID");
        row("long id", "id", QJsonValue(QStringLiteral("e00fce68a1b2c3d4e5f607189")),
            "is not a 24-character hexadecimal device ID");
        row("id not hexadecimal", "id", QJsonValue(QStringLiteral("g00fce68a1b2c3d4e5f60718")),
            "is not a 24-character hexadecimal device ID");
        row("name a number", "name", QJsonValue(7), "is not a string");
        row("owner an object", "owner", QJsonValue(QJsonObject()), "is not a string");
        row("imei a number", "imei", QJsonValue(350000000000001.0), "is not a string");
        row("groups a string", "groups", QJsonValue(QStringLiteral("acme")), "is not an array");
        row("groups with a number", "groups", QJsonValue(QJsonArray {QStringLiteral("acme"), 3}),
            "has an item that is not a string");
        row("bad time", "last_heard", QJsonValue(QStringLiteral("yesterday")),
            "is not an ISO-8601 time");
        row("time a number", "last_handshake_at", QJsonValue(1714550400), "is not a string");
        row("firmware version text", "firmware_version", QJsonValue(QStringLiteral("four")),
            "is not an integer");
        row("firmware version fraction", "firmware_version", QJsonValue(3.5), "is not an integer");
        row("lock a boolean", "desired_firmware_version", QJsonValue(true), "is not an integer");
        row("product id an array", "product_id", QJsonValue(QJsonArray()), "is not an integer");
        row("online text", "online", QJsonValue(QStringLiteral("yes")), "is not true or false");
        row("development a number", "development", QJsonValue(1), "is not true or false");
    }

    void malformedDevice()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        QJsonObject json = object(SandboxDevice);
        if (value.isUndefined())
            json.remove(key);
        else
            json.insert(key, value);
        QString error;
        QVERIFY(!deviceFromJson(json, &error));
        QCOMPARE(error, message);
        QVERIFY(!deviceFromJson(json, nullptr)); // no error out-parameter: still nothing
    }

    // Only the first problem is reported.
    void firstProblemWins()
    {
        QJsonObject json = object(SandboxDevice);
        json.insert(QStringLiteral("name"), 1);
        json.insert(QStringLiteral("online"), QStringLiteral("no"));
        QString error;
        QVERIFY(!deviceFromJson(json, &error));
        QVERIFY2(error.contains(QLatin1String("'name'")), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1String("'online'")), qPrintable(error));
    }

    // Documented as numbers, sometimes shown as strings of digits.
    void digitStringsAreIntegers()
    {
        QJsonObject json = object(SandboxDevice);
        json.insert(QStringLiteral("firmware_version"), QStringLiteral("5"));
        json.insert(QStringLiteral("product_id"), QStringLiteral("20001"));
        const std::optional<Device> d = deviceFromJson(json, nullptr);
        QVERIFY(d);
        QCOMPARE(d->firmwareVersion, 5);
        QCOMPARE(d->productId, 20001);
    }

    void group_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("released"); // -1: none
        QTest::addColumn<QString>("error"); // exact; empty: parses

        QTest::newRow("list item")
            << QByteArray("{'name':'acme--berlin','description':'Berlin [flotilla:group]',"
                          "'color':'#34495e'}")
            << QStringLiteral("acme--berlin") << -1 << QString();
        QTest::newRow("with release") << QByteArray("{'name':'acme','fw_version':5}")
                                      << QStringLiteral("acme") << 5 << QString();
        QTest::newRow("release as text") << QByteArray("{'name':'acme','fw_version':'5'}")
                                         << QStringLiteral("acme") << 5 << QString();
        QTest::newRow("no name") << QByteArray("{'description':'x'}") << QString() << -1
                                 << QStringLiteral(
                                        "Malformed group from the server: 'name' is missing");
        QTest::newRow("bad release")
            << QByteArray("{'name':'acme','fw_version':'five'}") << QString() << -1
            << QStringLiteral("Malformed group from the server: 'fw_version' is not an integer");
        QTest::newRow("description a number")
            << QByteArray("{'name':'acme','description':5}") << QString() << -1
            << QStringLiteral("Malformed group from the server: 'description' is not a string");
    }

    void group()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, name);
        QFETCH(int, released);
        QFETCH(QString, error);
        QString got;
        const std::optional<Group> g = groupFromJson(object(json.constData()), &got);
        QCOMPARE(got, error);
        QCOMPARE(g.has_value(), error.isEmpty());
        if (g) {
            QCOMPARE(g->name, name);
            QCOMPARE(g->releasedVersion.value_or(-1), released);
        }
    }

    void firmware()
    {
        QString error;
        const std::optional<Firmware> f = firmwareFromJson(
            object("{'_id':'abc','version':5,"
                   "'title':'1.4.0','description':'Demo','size':40960,'product_default':true,"
                   "'groups':['borealis','acme--berlin--test'],'uploaded_on':'2024-04-01T10:00:00."
                   "000Z'}"),
            &error);
        QVERIFY2(f, qPrintable(error));
        QCOMPARE(f->version, 5);
        QCOMPARE(f->title, QStringLiteral("1.4.0"));
        QCOMPARE(f->size, qint64(40960));
        QVERIFY(f->productDefault);
        QCOMPARE(f->groups,
            (QStringList {QStringLiteral("acme--berlin--test"), QStringLiteral("borealis")}));
        QCOMPARE(f->uploadedMs, utcMs(2024, 4, 1, 10, 0, 0, 0));

        QVERIFY(!firmwareFromJson(object("{'title':'x'}"), &error));
        QCOMPARE(error, QStringLiteral("Malformed firmware from the server: 'version' is missing"));
        QVERIFY(!firmwareFromJson(object("{'version':1,'uploaded_on':'soon'}"), &error));
        QCOMPARE(error,
            QStringLiteral(
                "Malformed firmware from the server: 'uploaded_on' is not an ISO-8601 time"));
    }

    void customerAndProduct()
    {
        QString error;
        const std::optional<Customer> c
            = customerFromJson(object("{'id':'c1','username':'acme@customers.example',"
                                      "'devices':['e00fce68a1b2c3d4e5f60718']}"),
                &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->username, QStringLiteral("acme@customers.example"));
        QVERIFY(!customerFromJson(object("{'id':'c1'}"), &error));
        QCOMPARE(
            error, QStringLiteral("Malformed customer from the server: 'username' is missing"));

        const std::optional<Product> p = productFromJson(
            object("{'id':20001,'slug':'flotilla-demo','name':'Demo','platform_id':13}"), &error);
        QVERIFY(p);
        QCOMPARE(p->id, 20001);
        QCOMPARE(p->slug, QStringLiteral("flotilla-demo"));
        QCOMPARE(p->platformId, 13);
        QVERIFY(!productFromJson(object("{'slug':'x'}"), &error));
        QCOMPARE(error, QStringLiteral("Malformed product from the server: 'id' is missing"));
    }

    void deviceId_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("lower") << QStringLiteral("e00fce68a1b2c3d4e5f60718") << true;
        QTest::newRow("upper") << QStringLiteral("E00FCE68A1B2C3D4E5F60718") << true;
        QTest::newRow("23") << QStringLiteral("e00fce68a1b2c3d4e5f6071") << false;
        QTest::newRow("25") << QStringLiteral("e00fce68a1b2c3d4e5f607189") << false;
        QTest::newRow("not hex") << QStringLiteral("e00fce68a1b2c3d4e5f6071z") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void deviceId()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(isDeviceId(text), valid);
    }
};

QTEST_APPLESS_MAIN(TestEntities)
#include "tst_entities.moc"
