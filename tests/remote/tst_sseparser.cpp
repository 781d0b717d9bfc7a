// SPDX-License-Identifier: MIT
// The SSE parser against the event-stream rules, and the property that matters on the wire: how
// the bytes are cut into reads never changes the events.
#include "remote/sseparser.h"

#include <QRandomGenerator>
#include <QTest>

using Flotilla::Remote::SseEvent;
using Flotilla::Remote::SseParser;

namespace {

// A recorded product stream (as the sandbox and api.particle.io write it) with every framing
// rule mixed in: BOM, comments, CRLF/CR/LF line ends, multi-line data, ids, retry, fields without
// a colon or a space, unknown fields, an event without data, UTF-8, an id with a NUL (ignored)
// and an unfinished event at the end.
QByteArray stream()
{
    // An explicit size because of the NUL inside.
    static const char raw[] = "\xEF\xBB\xBF"
                              ":ok\n"
                              "\n"
                              "event: spark/status\n"
                              "data: {\"data\":\"auto-update\",\"ttl\":60,\"coreid\":"
                              "\"e00fce68aaaaaaaaaaaaaaaa\",\"version\":4}\n"
                              "\n"
                              ": keep-alive\r\n"
                              "event: spark/flash/status\r\n"
                              "data: {\"data\":\"started \",\"ttl\":60}\r\n"
                              "\r\n"
                              "event:spark/flash/status\r"
                              "data:{\"data\":\"success \"}\r"
                              "id: 42\r"
                              "\r"
                              "data: first line\n"
                              "data:  two leading spaces keep one\n"
                              "data\n"
                              "data: last\n"
                              "\n"
                              "event: only-a-name\n"
                              "\n"
                              "retry: 2500\n"
                              "retry: soon\n"
                              "foo: unknown fields are ignored\n"
                              "event: custom/caf\xC3\xA9\n"
                              "data: gr\xC3\xBC\xC3\x9F"
                              "e \xE2\x82\xAC \xF0\x9F\x9A\x80\n"
                              "id\n"
                              "\n"
                              "id: bad\0id\n"
                              "data: after a NUL id\r\n"
                              "\n"
                              "data: not finished, never dispatched\n";
    return QByteArray(raw, sizeof(raw) - 1);
}

QList<SseEvent> expected()
{
    return {
        {QStringLiteral("spark/status"),
            QByteArray(
                "{\"data\":\"auto-update\",\"ttl\":60,\"coreid\":\"e00fce68aaaaaaaaaaaaaaaa\","
                "\"version\":4}"),
            QByteArray()},
        {QStringLiteral("spark/flash/status"), QByteArray("{\"data\":\"started \",\"ttl\":60}"),
            QByteArray()},
        {QStringLiteral("spark/flash/status"), QByteArray("{\"data\":\"success \"}"),
            QByteArray("42")},
        {QStringLiteral("message"), QByteArray("first line\n two leading spaces keep one\n\nlast"),
            QByteArray("42")},
        {QStringLiteral("custom/caf\u00E9"),
            QByteArray("gr\xC3\xBC\xC3\x9F"
                       "e \xE2\x82\xAC \xF0\x9F\x9A\x80"),
            QByteArray()},
        {QStringLiteral("message"), QByteArray("after a NUL id"), QByteArray()},
    };
}

QList<SseEvent> feedInPieces(const QByteArray &bytes, const QList<qsizetype> &cuts)
{
    SseParser parser;
    QList<SseEvent> out;
    qsizetype from = 0;
    for (const qsizetype cut : cuts) {
        out += parser.feed(QByteArrayView(bytes).sliced(from, cut - from));
        from = cut;
    }
    out += parser.feed(QByteArrayView(bytes).sliced(from));
    return out;
}

QString describe(const QList<SseEvent> &events)
{
    QStringList lines;
    for (const SseEvent &e : events)
        lines.append(e.name + QLatin1Char('|')
            + QString::fromUtf8(e.data).replace(QLatin1Char('\n'), QStringLiteral("\\n"))
            + QLatin1Char('|') + QString::fromUtf8(e.id));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestSseParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wholeStream()
    {
        SseParser parser;
        const QList<SseEvent> events = parser.feed(stream());
        QCOMPARE(describe(events), describe(expected()));
        QCOMPARE(events, expected());
        QCOMPARE(parser.retryMs(), 2500);
        QCOMPARE(parser.lastEventId(), QByteArray());
    }

    void everySplitPosition()
    {
        const QByteArray bytes = stream();
        const QList<SseEvent> want = expected();
        for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
            const QList<SseEvent> got = feedInPieces(bytes, {cut});
            if (got != want)
                QFAIL(qPrintable(QStringLiteral("split at %1:\n%2").arg(cut).arg(describe(got))));
        }
    }

    void everyPairOfSplitPositions()
    {
        const QByteArray bytes = stream();
        const QList<SseEvent> want = expected();
        for (qsizetype a = 0; a <= bytes.size(); ++a) {
            for (qsizetype b = a; b <= bytes.size(); b += 3) {
                if (feedInPieces(bytes, {a, b}) != want)
                    QFAIL(qPrintable(QStringLiteral("split at %1 and %2").arg(a).arg(b)));
            }
        }
    }

    void byteByByte()
    {
        const QByteArray bytes = stream();
        SseParser parser;
        QList<SseEvent> got;
        for (const char c : bytes)
            got += parser.feed(QByteArrayView(&c, 1));
        QCOMPARE(describe(got), describe(expected()));
        QCOMPARE(parser.retryMs(), 2500);
    }

    void randomChunks()
    {
        const QByteArray bytes = stream();
        QRandomGenerator rng(20240601);
        for (int round = 0; round < 500; ++round) {
            QList<qsizetype> cuts;
            qsizetype at = 0;
            while (true) {
                at += rng.bounded(1, 24);
                if (at >= bytes.size())
                    break;
                cuts.append(at);
            }
            QCOMPARE(feedInPieces(bytes, cuts), expected());
        }
    }

    void eventsAreDispatchedAsSoonAsTheBlankLineArrives()
    {
        SseParser parser;
        QVERIFY(parser.feed("event: a\ndata: 1\n").isEmpty());
        // A lone CR ends the blank line at once, without waiting for a possible LF.
        QCOMPARE(parser.feed("\r").size(), 1);
        // The LF of that CRLF, arriving late, is not a second blank line.
        QVERIFY(parser.feed("\ndata: 2\r").isEmpty());
        QCOMPARE(parser.feed("\n\n").size(), 1);
    }

    void bomOnlyAtTheStart()
    {
        SseParser parser;
        // Split BOM.
        QVERIFY(parser.feed("\xEF").isEmpty());
        QVERIFY(parser.feed("\xBB").isEmpty());
        const QList<SseEvent> first = parser.feed("\xBF"
                                                  "data: x\n\n");
        QCOMPARE(first.size(), 1);
        QCOMPARE(first.first().data, QByteArray("x"));
        // A second BOM is content: the line becomes an unknown field and is ignored.
        QVERIFY(parser
                    .feed("\xEF\xBB\xBF"
                          "data: y\n\n")
                    .isEmpty());
        // Not a BOM: bytes that only start like one are kept.
        SseParser other;
        const QList<SseEvent> events = other.feed("\xEF"
                                                  "data: z\n\ndata: w\n\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().data, QByteArray("w"));
    }

    void idPersistsAndResetForgets()
    {
        SseParser parser;
        QCOMPARE(parser.feed("id: 7\ndata: a\n\ndata: b\n\n").last().id, QByteArray("7"));
        QCOMPARE(parser.lastEventId(), QByteArray("7"));
        QVERIFY(parser.feed("data: pending").isEmpty());
        parser.reset();
        QCOMPARE(parser.lastEventId(), QByteArray());
        QCOMPARE(parser.retryMs(), -1);
        // The pending line and event are gone.
        const QList<SseEvent> events = parser.feed("\n\ndata: c\n\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().data, QByteArray("c"));
    }

    void commentsOnlyNeverDispatch()
    {
        SseParser parser;
        QVERIFY(parser.feed(":ok\n\n:\n\n: ping\r\n\r\n").isEmpty());
        QVERIFY(parser.feed("event: x\n\n").isEmpty()); // no data: no event
        QCOMPARE(parser.feed("data:\n\n").size(), 1); // empty data line: an event with ""
    }

    void largeEventAcrossManyReads()
    {
        const QByteArray payload(100000, 'x');
        const QByteArray bytes = "data: " + payload + "\n\n";
        SseParser parser;
        QList<SseEvent> got;
        for (qsizetype i = 0; i < bytes.size(); i += 997)
            got += parser.feed(
                QByteArrayView(bytes).sliced(i, std::min<qsizetype>(997, bytes.size() - i)));
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.first().data, payload);
    }

    // A stream that never sends a line break: fed in pieces of every kind of size, the parser
    // never holds more than one maximal line, drops the overlong line and the event it belongs
    // to, and reads the events before and after it as usual.
    void overlongLineIsDroppedWithBoundedMemory_data()
    {
        QTest::addColumn<qsizetype>("chunk");
        QTest::newRow("7 bytes") << qsizetype(7);
        QTest::newRow("4 KiB") << qsizetype(4096);
        QTest::newRow("64 KiB + 1") << qsizetype(65537);
        QTest::newRow("1 MiB") << SseParser::MaxLineBytes;
        QTest::newRow("all at once") << qsizetype(0);
    }
    void overlongLineIsDroppedWithBoundedMemory()
    {
        QFETCH(qsizetype, chunk);
        const qsizetype limit = SseParser::MaxLineBytes;
        const QByteArray bytes = "data: before\n\n"
                                 "event: huge\n"
                                 "data: kept only if the rest fits\n"
                                 "data: "
            + QByteArray(2 * limit + 123, 'x')
            + "\r\n"
              "data: the tail of the dropped event\n"
              "\n"
              "event: next\n"
              "data: after\n\n";
        SseParser parser;
        QList<SseEvent> got;
        qsizetype most = 0;
        const qsizetype step = chunk > 0 ? chunk : bytes.size();
        for (qsizetype i = 0; i < bytes.size(); i += step) {
            got += parser.feed(QByteArrayView(bytes).sliced(i, std::min(step, bytes.size() - i)));
            most = std::max(most, parser.bufferedBytes());
        }
        // One maximal line at most, and the event's few bytes before it.
        QVERIFY2(most <= limit + 64, qPrintable(QString::number(most)));
        QVERIFY(parser.overflowed());
        QCOMPARE(got.size(), 2);
        QCOMPARE(got.at(0).data, QByteArray("before"));
        QCOMPARE(got.at(1).name, QStringLiteral("next"));
        QCOMPARE(got.at(1).data, QByteArray("after"));
        QCOMPARE(parser.bufferedBytes(), 0);
        parser.reset();
        QVERIFY(!parser.overflowed());
    }

    void lineOfExactlyTheLimitIsKept()
    {
        const qsizetype limit = SseParser::MaxLineBytes;
        const QByteArray value(limit - 6, 'y'); // "data: " + value: a line of exactly the limit
        SseParser parser;
        QList<SseEvent> got = parser.feed(QByteArray("data: " + value + "\n\n"));
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.first().data.size(), value.size());
        QVERIFY(!parser.overflowed());
        // One byte more is one byte too many.
        got = parser.feed(QByteArray("data: " + value + "y\n\ndata: ok\n\n"));
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.first().data, QByteArray("ok"));
        QVERIFY(parser.overflowed());
    }

    // Many short data lines that add up to more than the limit: the event goes, memory stays.
    void eventDataAddingUpPastTheLimitIsDropped()
    {
        const QByteArray line = "data: " + QByteArray(64 * 1024, 'z') + "\n";
        SseParser parser;
        QList<SseEvent> got;
        qsizetype most = 0;
        for (int i = 0; i < 40; ++i) { // 2.5 MiB of data in one event
            got += parser.feed(line);
            most = std::max(most, parser.bufferedBytes());
        }
        got += parser.feed("\ndata: small\n\n");
        QVERIFY2(most <= SseParser::MaxLineBytes, qPrintable(QString::number(most)));
        QVERIFY(parser.overflowed());
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.first().data, QByteArray("small"));
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
