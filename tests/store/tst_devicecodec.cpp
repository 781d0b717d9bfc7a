// SPDX-License-Identifier: MIT
#include "store/devicecodec.h"
#include "storetest.h"

#include <QTest>

using namespace Flotilla;
using namespace Flotilla::Store;

class TestDeviceCodec final : public QObject
{
    Q_OBJECT

private:
    static Domain::Device full()
    {
        Domain::Device d = StoreTest::fleetDevice(7);
        d.imei = QStringLiteral("350000000000042");
        d.notes = QStringLiteral("Bay 3, Halle Süd — ünïcødé 🚚\nsecond line");
        d.hasNotes = true;
        d.development = true;
        d.online = true;
        d.quarantined = true;
        d.desiredFirmwareVersion = 0; // present, and zero
        d.targetedFirmwareVersion = -1;
        d.lastHeardMs = -5; // negative values survive zig-zag
        d.lastHandshakeMs = std::numeric_limits<qint64>::max();
        d.productId = std::numeric_limits<int>::max();
        d.platformId = std::numeric_limits<int>::min();
        return d;
    }

private Q_SLOTS:
    void roundTripsEveryField_data()
    {
        QTest::addColumn<Domain::Device>("device");
        QTest::newRow("full") << full();
        QTest::newRow("empty") << Domain::Device();
        Domain::Device noOptionals = StoreTest::fleetDevice(1);
        noOptionals.desiredFirmwareVersion.reset();
        noOptionals.targetedFirmwareVersion.reset();
        noOptionals.groups.clear();
        QTest::newRow("no optionals, no groups") << noOptionals;
        Domain::Device onlyDesired;
        onlyDesired.desiredFirmwareVersion = 3;
        QTest::newRow("only desired") << onlyDesired;
        Domain::Device longText;
        longText.notes = QString(70000, QLatin1Char('x')); // multi-byte length varint
        QTest::newRow("long notes") << longText;
    }
    void roundTripsEveryField()
    {
        QFETCH(Domain::Device, device);
        const QByteArray data = DeviceCodec::encode(device);
        QCOMPARE(static_cast<quint8>(data.at(0)), DeviceCodec::FormatVersion);
        DeviceCodec codec;
        Domain::Device decoded = StoreTest::fleetDevice(99); // every field overwritten
        QString error;
        QVERIFY2(codec.decode(data, decoded, &error), qPrintable(error));
        QVERIFY(decoded == device);
    }

    // A cache written before devices had an IMEI holds records of format 1: they are read, with
    // no IMEI, and every other field as it was written.
    void decodesFormatVersion1()
    {
        // Written by hand as format 1 lays it out (not by today's encoder).
        QByteArray v1;
        v1.append('\x01'); // format version
        v1.append('\x20'); // flags: targetedFirmwareVersion present
        const auto text = [&](const char *s) {
            v1.append(static_cast<char>(qstrlen(s)));
            v1.append(s);
        };
        text("0123456789abcdef01234567"); // id
        text("pump"); // name
        text("P1"); // serialNumber
        text("8901"); // iccid
        text(""); // notes
        text("acme@example.com"); // owner
        text("5.8.0"); // systemFirmwareVersion
        v1.append('\x01'); // one group
        text("acme");
        v1.append("\x14\x00\x02\x40\x06\x08", 6); // 10, 0, 1, 32, 3 and the target 4
        Domain::Device expected;
        expected.id = QStringLiteral("0123456789abcdef01234567");
        expected.name = QStringLiteral("pump");
        expected.serialNumber = QStringLiteral("P1");
        expected.iccid = QStringLiteral("8901");
        expected.owner = QStringLiteral("acme@example.com");
        expected.systemFirmwareVersion = QStringLiteral("5.8.0");
        expected.groups = {QStringLiteral("acme")};
        expected.lastHeardMs = 10;
        expected.productId = 1;
        expected.platformId = 32;
        expected.firmwareVersion = 3;
        expected.targetedFirmwareVersion = 4;
        DeviceCodec codec;
        Domain::Device decoded = full(); // its IMEI must not survive
        QString error;
        QVERIFY2(codec.decode(v1, decoded, &error), qPrintable(error));
        QVERIFY(decoded.imei.isEmpty());
        QVERIFY(decoded == expected);
        // Written again, it takes the current format and keeps the IMEI from then on.
        decoded.imei = QStringLiteral("350000000000001");
        const QByteArray again = DeviceCodec::encode(decoded);
        QCOMPARE(static_cast<quint8>(again.at(0)), DeviceCodec::FormatVersion);
        Domain::Device reread;
        QVERIFY(codec.decode(again, reread, &error));
        QVERIFY(reread == decoded);
    }

    void sharesRepeatedStrings()
    {
        DeviceCodec codec;
        Domain::Device a;
        Domain::Device b;
        QVERIFY(codec.decode(DeviceCodec::encode(StoreTest::fleetDevice(40)), a, nullptr));
        QVERIFY(codec.decode(DeviceCodec::encode(StoreTest::fleetDevice(80)), b, nullptr));
        QCOMPARE(a.owner, b.owner);
        QCOMPARE(a.owner.constData(), b.owner.constData()); // one string, shared
        QCOMPARE(a.groups.first().constData(), b.groups.first().constData());
    }

    void isCompact()
    {
        // About the UTF-8 size of the text plus a few bytes: no per-field names or padding.
        const QByteArray data = DeviceCodec::encode(StoreTest::fleetDevice(12345));
        QVERIFY2(data.size() < 230, QByteArray::number(data.size()).constData());
    }

    void refusesDamagedRecords()
    {
        const QByteArray good = DeviceCodec::encode(full());
        DeviceCodec codec;
        Domain::Device d;
        QString error;
        for (qsizetype size = 0; size < good.size(); ++size) {
            QVERIFY2(!codec.decode(QByteArrayView(good).first(size), d, &error),
                qPrintable(QString::number(size)));
            QVERIFY(!error.isEmpty());
        }
        QVERIFY(!codec.decode(QByteArray(good + 'x'), d, &error)); // trailing garbage
        QByteArray newer = good;
        newer[0] = static_cast<char>(DeviceCodec::FormatVersion + 1);
        QVERIFY(!codec.decode(newer, d, &error));
        QVERIFY(error.contains(QLatin1String("format")));
        QByteArray hugeGroups = DeviceCodec::encode(Domain::Device());
        hugeGroups.chop(5 + 1); // five svarints, then the group count: make it enormous
        hugeGroups.append("\xff\xff\xff\xff\x0f", 5);
        QVERIFY(!codec.decode(hugeGroups, d, &error));
        QVERIFY(!codec.decode(QByteArray(300, '\xff'), d, &error));
    }
};

QTEST_GUILESS_MAIN(TestDeviceCodec)
#include "tst_devicecodec.moc"
