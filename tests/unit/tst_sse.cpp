// SPDX-License-Identifier: MIT
// Server-Sent Events framing as particle-api-js reads it: comment lines, `event:` and `data:`
// fields, frames ended by a blank line.
#include "sse.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Flotilla::Sandbox;

namespace {
struct Parsed
{
    QString name;
    QJsonObject data;
};

// A reader that follows the same rules as the official JS client's EventStream.
QList<Parsed> readFrames(const QByteArray &stream, int *comments)
{
    QList<Parsed> out;
    Parsed current;
    bool haveData = false;
    for (const QByteArray &line : stream.split('\n')) {
        if (line.isEmpty()) {
            if (haveData)
                out.append(current);
            current = Parsed();
            haveData = false;
        } else if (line.startsWith(':')) {
            ++*comments;
        } else if (line.startsWith("event: ")) {
            current.name = QString::fromUtf8(line.mid(7));
        } else if (line.startsWith("data: ")) {
            current.data = QJsonDocument::fromJson(line.mid(6)).object();
            haveData = true;
        }
    }
    return out;
}
} // namespace

class TestSse final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void openingAndKeepAliveAreComments()
    {
        QCOMPARE(Sse::opening(), QByteArray(":ok\n\n"));
        QVERIFY(Sse::keepAlive().startsWith(':'));
        QVERIFY(Sse::keepAlive().endsWith('\n'));
    }
    void frameIsEventDataBlank()
    {
        QCOMPARE(Sse::frame(QStringLiteral("spark/status"), R"({"data":"online"})"),
            QByteArray("event: spark/status\ndata: {\"data\":\"online\"}\n\n"));
    }
    void lineBreaksCannotSplitAFrame()
    {
        const QByteArray f = Sse::frame(QStringLiteral("a\nb"), "{\"x\":\n1}");
        QCOMPARE(f.count('\n'), 3);
        QVERIFY(f.endsWith("\n\n"));
    }
    void productEventData()
    {
        CloudEvent e;
        e.name = QStringLiteral("spark/flash/status");
        e.data = QStringLiteral("success ");
        e.coreId = QStringLiteral("e00fce68aaaaaaaaaaaaaaaa");
        e.productId = 20001;
        e.version = 5;
        e.publishedMs = 1700000000000;
        const QJsonObject o = QJsonDocument::fromJson(Sse::eventData(e, true)).object();
        QCOMPARE(o.value(QStringLiteral("data")).toString(), QStringLiteral("success "));
        QCOMPARE(o.value(QStringLiteral("coreid")).toString(), e.coreId);
        QCOMPARE(o.value(QStringLiteral("productID")).toInt(), 20001);
        QCOMPARE(o.value(QStringLiteral("version")).toInt(), 5);
        QCOMPARE(o.value(QStringLiteral("ttl")).toInt(), 60);
        QCOMPARE(o.value(QStringLiteral("published_at")).toString(),
            QStringLiteral("2023-11-14T22:13:20.000Z"));
        const QJsonObject plain = QJsonDocument::fromJson(Sse::eventData(e, false)).object();
        QVERIFY(!plain.contains(QStringLiteral("productID")));
    }
    void aStreamReadsBackFrameByFrame()
    {
        QByteArray stream = Sse::opening();
        CloudEvent e;
        e.coreId = QStringLiteral("c");
        for (const char *status : {"started ", "success "}) {
            e.name = QStringLiteral("spark/flash/status");
            e.data = QString::fromLatin1(status);
            stream += Sse::frame(e.name, Sse::eventData(e, true));
            stream += Sse::keepAlive();
        }
        int comments = 0;
        const QList<Parsed> frames = readFrames(stream, &comments);
        QCOMPARE(frames.size(), 2);
        QCOMPARE(comments, 3);
        QCOMPARE(frames.at(0).name, QStringLiteral("spark/flash/status"));
        QCOMPARE(
            frames.at(0).data.value(QStringLiteral("data")).toString(), QStringLiteral("started "));
        QCOMPARE(
            frames.at(1).data.value(QStringLiteral("data")).toString(), QStringLiteral("success "));
    }
};

QTEST_APPLESS_MAIN(TestSse)
#include "tst_sse.moc"
