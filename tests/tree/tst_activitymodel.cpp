// SPDX-License-Identifier: MIT
// The activity log's models (tree/activitymodel.h) under QAbstractItemModelTester: the log read
// newest first through a reader kept by the test (answering later, as the cache does), new lines
// arriving as row inserts at the top (never a reset), reads asked for while one is under way
// folded into one more; the filter by source, by result and by text; the export as CSV. Then
// the model on a real SyncEngine (a temporary cache, paused: nothing is sent) following the
// edits of FleetEditor, whose lines say where they came from, how many devices went from where
// to where, by titles.
#include "../support/localengine.h"
#include "domain/moves.h"
#include "edit/fleeteditor.h"
#include "io/delimited.h"
#include "io/tablewriter.h"
#include "session/cloudsession.h"
#include "tree/activitymodel.h"
#include "treefixture.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QDateTime>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Flotilla;
using Store::ActivityRecord;
using Tree::ActivityFilterModel;
using Tree::ActivityModel;

namespace {

constexpr int CacheTimeoutMs = TestSupport::LocalEngine::CacheTimeoutMs;

// A log kept by the test: answers a read on the next turn of the event loop, as the cache
// (on its own thread) does; counts the reads.
struct FakeLog
{
    QList<ActivityRecord> rows; // oldest first; ids ascending
    int reads = 0;
    QList<Store::ActivityQuery> queries;

    void add(const QString &action, const QString &subject, const QLatin1String &source,
        const QString &result = QStringLiteral("queued"))
    {
        ActivityRecord r;
        r.id = rows.isEmpty() ? 1 : rows.constLast().id + 1;
        r.atMs = 1'700'000'000'000 + r.id * 60'000;
        r.actor = QStringLiteral("ops@example.com");
        r.action = action;
        r.subject = subject;
        r.result = result;
        r.source = source;
        rows.append(r);
    }

    ActivityModel::Reader reader()
    {
        return [this](const Store::ActivityQuery &query, QObject *context,
                   std::function<void(QList<ActivityRecord>)> done) {
            ++reads;
            queries.append(query);
            QList<ActivityRecord> out;
            for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
                if (it->id > query.afterId)
                    out.append(*it);
                if (query.limit > 0 && out.size() >= query.limit)
                    break;
            }
            QTimer::singleShot(0, context, [done = std::move(done), out] { done(out); });
        };
    }
};

QStringList column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out.append(model.index(r, column).data(role).toString());
    return out;
}

struct Engine : TestSupport::LocalEngine
{
    QTemporaryDir dir;

    bool open(const Sync::FleetState &fleet)
    {
        return LocalEngine::open(dir.filePath(QStringLiteral("cache.sqlite")), fleet.product.id)
            && seed(fleet);
    }
};

} // namespace

class TestActivityModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void readsNewestFirstAndShowsTitles()
    {
        FakeLog log;
        log.add(QStringLiteral("move"), QStringLiteral("3 devices to Acme Logistics"),
            Store::ActivitySource::Console);
        log.rows.last().devices = 3;
        log.rows.last().fromText = QStringLiteral("Unassigned");
        log.rows.last().toText = QStringLiteral("Acme Logistics \u203a Berlin depot");
        log.add(QStringLiteral("push"), QStringLiteral("moving 3 devices"),
            Store::ActivitySource::Sync, QStringLiteral("done"));
        log.rows.last().requests = 2;
        log.add(QStringLiteral("import"), QStringLiteral("Imported 2 devices into the product"),
            Store::ActivitySource::Import, QStringLiteral("done"));
        log.add(
            QStringLiteral("create group"), QStringLiteral("Nordwind"), Store::ActivitySource::Ctl);
        log.add(QStringLiteral("Rollout started"), QStringLiteral("v7 to Acme"),
            Store::ActivitySource::Rollout, QStringLiteral("Started"));
        log.add(QStringLiteral("push"), QStringLiteral("moving 1 device"),
            Store::ActivitySource::Sync, QStringLiteral("failed"));
        log.rows.last().detail = QStringLiteral("device not found");

        ActivityModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setReader(log.reader());
        QSignalSpy loaded(&model, &ActivityModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(CacheTimeoutMs));
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.columnCount(), int(ActivityModel::ColumnCount));
        QCOMPARE(column(model, ActivityModel::Source),
            (QStringList {QStringLiteral("Sync"), QStringLiteral("Rollout"),
                QStringLiteral("flotillactl"), QStringLiteral("Import"), QStringLiteral("Sync"),
                QStringLiteral("Console")}));
        QCOMPARE(column(model, ActivityModel::What),
            (QStringList {QStringLiteral("Sent: moving 1 device"),
                QStringLiteral("Rollout started: v7 to Acme"),
                QStringLiteral("New customer or group: Nordwind"),
                QStringLiteral("Import into the product: Imported 2 devices into the product"),
                QStringLiteral("Sent: moving 3 devices"),
                QStringLiteral("Move: 3 devices to Acme Logistics")}));
        QCOMPARE(column(model, ActivityModel::Result),
            (QStringList {QStringLiteral("Failed"), QStringLiteral("Started"),
                QStringLiteral("Queued"), QStringLiteral("Done"), QStringLiteral("Done"),
                QStringLiteral("Queued")}));
        const int oldest = 5;
        QCOMPARE(model.index(oldest, ActivityModel::FromTo).data().toString(),
            QStringLiteral("Unassigned \u2192 Acme Logistics \u203a Berlin depot"));
        QCOMPARE(
            model.index(oldest, ActivityModel::Devices).data().toString(), QStringLiteral("3"));
        QCOMPARE(model.index(4, ActivityModel::Requests).data().toString(), QStringLiteral("2"));
        QCOMPARE(model.index(4, ActivityModel::Devices).data().toString(), QString()); // none
        QCOMPARE(model.index(oldest, ActivityModel::Who).data().toString(),
            QStringLiteral("ops@example.com"));
        // Local time, to the second.
        QCOMPARE(model.index(oldest, ActivityModel::When).data().toString(),
            QDateTime::fromMSecsSinceEpoch(log.rows.first().atMs)
                .toLocalTime()
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QVERIFY(model.index(0, 0).data(Tree::ActivityFailedRole).toBool());
        QVERIFY(!model.index(1, 0).data(Tree::ActivityFailedRole).toBool());
        QCOMPARE(model.index(0, ActivityModel::What).data(Qt::ToolTipRole).toString(),
            QStringLiteral("device not found"));
        // The load asked for the newest lines, no more than the limit.
        QCOMPARE(log.queries.first().limit, 10000);
    }

    void newLinesAreInsertedAtTheTop()
    {
        FakeLog log;
        for (int i = 0; i < 3; ++i)
            log.add(QStringLiteral("move"), QStringLiteral("line %1").arg(i),
                Store::ActivitySource::Console);
        ActivityModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setReader(log.reader());
        QSignalSpy loaded(&model, &ActivityModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(CacheTimeoutMs));

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy added(&model, &ActivityModel::rowsAdded);
        log.add(QStringLiteral("move"), QStringLiteral("line 3"), Store::ActivitySource::Console);
        log.add(QStringLiteral("move"), QStringLiteral("line 4"), Store::ActivitySource::Ctl);
        model.refresh();
        QVERIFY(added.wait(CacheTimeoutMs));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 1);
        QCOMPARE(log.queries.last().afterId, 3); // only what is new was read
        QCOMPARE(column(model, ActivityModel::What).mid(0, 3),
            (QStringList {QStringLiteral("Move: line 4"), QStringLiteral("Move: line 3"),
                QStringLiteral("Move: line 2")}));

        // Refreshes asked for while a read is under way make one more read after it, which
        // finds what was written meanwhile.
        const int readsBefore = log.reads;
        log.add(QStringLiteral("move"), QStringLiteral("line 5"), Store::ActivitySource::Console);
        model.refresh();
        log.add(QStringLiteral("move"), QStringLiteral("line 6"), Store::ActivitySource::Console);
        model.refresh();
        model.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 7, CacheTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(log.reads, readsBefore + 2, CacheTimeoutMs);
        QCOMPARE(column(model, ActivityModel::What).mid(0, 2),
            (QStringList {QStringLiteral("Move: line 6"), QStringLiteral("Move: line 5")}));
        QCOMPARE(resets.size(), 0);
        // Nothing new: nothing inserted.
        const qsizetype insertsBefore = inserted.size();
        model.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(log.reads, readsBefore + 3, CacheTimeoutMs);
        QCOMPARE(inserted.size(), insertsBefore);
    }

    void filterBySourceResultAndText_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("failedOnly");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("subjects");
        QTest::addRow("all") << QString() << false << QString()
                             << QStringList {QStringLiteral("e"), QStringLiteral("d"),
                                    QStringLiteral("c"), QStringLiteral("b"), QStringLiteral("a")};
        QTest::addRow("console") << QStringLiteral("console") << false << QString()
                                 << QStringList {QStringLiteral("c"), QStringLiteral("a")};
        QTest::addRow("flotillactl") << QStringLiteral("flotillactl") << false << QString()
                                     << QStringList {QStringLiteral("b")};
        QTest::addRow("failed") << QString() << true << QString()
                                << QStringList {QStringLiteral("e"), QStringLiteral("d")};
        QTest::addRow("failed sync")
            << QStringLiteral("sync") << true << QString() << QStringList {QStringLiteral("e")};
        // Any column, case-insensitive, beyond ASCII; the detail too.
        QTest::addRow("text in from-to")
            << QString() << false << QStringLiteral("MÜNCHEN") << QStringList {QStringLiteral("c")};
        QTest::addRow("text in the source")
            << QString() << false << QStringLiteral("import") << QStringList {QStringLiteral("d")};
        QTest::addRow("text in the detail") << QString() << false << QStringLiteral("not found")
                                            << QStringList {QStringLiteral("e")};
        QTest::addRow("text, trimmed")
            << QString() << false << QStringLiteral("  sent ") << QStringList {QStringLiteral("e")};
        QTest::addRow("nothing") << QStringLiteral("rollout") << false << QString()
                                 << QStringList {};
    }
    void filterBySourceResultAndText()
    {
        QFETCH(QString, source);
        QFETCH(bool, failedOnly);
        QFETCH(QString, text);
        QFETCH(QStringList, subjects);
        FakeLog log;
        log.add(QStringLiteral("move"), QStringLiteral("a"), Store::ActivitySource::Console);
        log.add(QStringLiteral("move"), QStringLiteral("b"), Store::ActivitySource::Ctl);
        log.add(QStringLiteral("move"), QStringLiteral("c"), Store::ActivitySource::Console);
        log.rows.last().toText = QStringLiteral("Süd \u203a München");
        log.add(QStringLiteral("batch"), QStringLiteral("d"), Store::ActivitySource::Import,
            QStringLiteral("failed"));
        log.add(QStringLiteral("push"), QStringLiteral("e"), Store::ActivitySource::Sync,
            QStringLiteral("failed"));
        log.rows.last().detail = QStringLiteral("Device not found");

        ActivityModel model;
        model.setReader(log.reader());
        QSignalSpy loaded(&model, &ActivityModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(CacheTimeoutMs));
        ActivityFilterModel proxy;
        QAbstractItemModelTester tester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        proxy.setSourceModel(&model);
        proxy.setSource(source);
        proxy.setFailedOnly(failedOnly);
        proxy.setSearchText(text);
        QStringList got;
        for (int r = 0; r < proxy.rowCount(); ++r)
            got.append(model.record(proxy.mapToSource(proxy.index(r, 0)).row()).subject);
        QCOMPARE(got, subjects);

        // New lines go through the filter too.
        log.add(QStringLiteral("move"), QStringLiteral("f"), Store::ActivitySource::Console);
        QSignalSpy added(&model, &ActivityModel::rowsAdded);
        model.refresh();
        QVERIFY(added.wait(CacheTimeoutMs));
        const bool shown = (source.isEmpty() || source == QLatin1String("console")) && !failedOnly
            && text.isEmpty();
        QCOMPARE(proxy.rowCount(), subjects.size() + (shown ? 1 : 0));
    }

    void exportsWhatIsShownAsCsv()
    {
        FakeLog log;
        log.add(QStringLiteral("move"), QStringLiteral("2 devices to Nordwind"),
            Store::ActivitySource::Console);
        log.rows.last().devices = 2;
        log.rows.last().fromText = QStringLiteral("Acme Logistics \u203a Berlin depot");
        log.rows.last().toText = QStringLiteral("Nordwind");
        log.rows.last().atMs = 1'767'225'600'000; // 2026-01-01T00:00:00Z
        log.add(QStringLiteral("push"), QStringLiteral("moving 2 devices"),
            Store::ActivitySource::Sync, QStringLiteral("done"));
        log.rows.last().requests = 2;
        ActivityModel model;
        model.setReader(log.reader());
        QSignalSpy loaded(&model, &ActivityModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(CacheTimeoutMs));
        ActivityFilterModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSource(QStringLiteral("console"));

        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QString error;
        QVERIFY2(Io::writeCsv(&buffer, Tree::activityTable(&proxy), Io::CsvOptions {}, &error),
            qPrintable(error));
        QString csv = QString::fromUtf8(buffer.data());
        if (csv.startsWith(QChar(0xFEFF)))
            csv.remove(0, 1);
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2); // the header and the console's line only
        QCOMPARE(lines.at(0),
            QStringLiteral("When,Who,Source,What,Devices,From,To,Result,Requests,Detail"));
        QCOMPARE(lines.at(1),
            QStringLiteral("2026-01-01T00:00:00Z,ops@example.com,Console,"
                           "Move: 2 devices to Nordwind,2,Acme Logistics \u203a Berlin depot,"
                           "Nordwind,Queued,,"));
    }

    void followsTheEditsOfARealEngine()
    {
        Engine e;
        QVERIFY(e.open(TreeTest::smallFleet()));
        QVERIFY(e.start());
        ActivityModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy loaded(&model, &ActivityModel::loaded);
        model.setEngine(e.engine.get());
        QVERIFY(loaded.count() > 0 || loaded.wait(CacheTimeoutMs));
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        // Two devices of Berlin depot to Nordwind… to Beta Energy › North, through the one
        // edit path: the line says it came from the console, 2 devices, from where to where.
        Edit::FleetEditor editor(e.engine.get());
        const Edit::EditPlan plan
            = editor.planMoveDevices({TreeTest::deviceId(1), TreeTest::deviceId(2)},
                Domain::MoveTarget::node(QStringLiteral("beta--north")));
        QVERIFY2(plan.canApply(), qPrintable(plan.error));
        QCOMPARE(editor.apply(plan), QString());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, CacheTimeoutMs);
        const ActivityRecord &move = model.record(0);
        QCOMPARE(move.source, QStringLiteral("console"));
        QCOMPARE(move.devices, 2);
        QCOMPARE(move.fromText, QStringLiteral("Acme Logistics \u203a Berlin depot"));
        QCOMPARE(move.toText, QStringLiteral("Beta Energy \u203a North"));
        QCOMPARE(move.actor, QStringLiteral("test"));
        QCOMPARE(model.index(0, ActivityModel::Result).data().toString(), QStringLiteral("Queued"));

        // A new group: named by its title, never by its group name.
        const Edit::EditPlan create = editor.planCreateNode(
            QStringLiteral("acme"), QStringLiteral("koeln"), QStringLiteral("Köln depot"));
        QVERIFY2(create.canApply(), qPrintable(create.error));
        QCOMPARE(editor.apply(create), QString());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, CacheTimeoutMs);
        QCOMPARE(model.record(0).subject, QStringLiteral("Acme Logistics \u203a Köln depot"));
        QCOMPARE(model.record(0).toText, QStringLiteral("Acme Logistics \u203a Köln depot"));
        QVERIFY(!model.index(0, ActivityModel::What)
                     .data()
                     .toString()
                     .contains(QLatin1String("acme--koeln")));

        // Undo of the move: from North back (the engine sees where the devices are now).
        editor.undoStack()->undo(); // the group
        editor.undoStack()->undo(); // the move
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 4, CacheTimeoutMs);
        QCOMPARE(model.record(0).fromText, QStringLiteral("Beta Energy \u203a North"));
        QCOMPARE(model.record(0).toText, QStringLiteral("Acme Logistics \u203a Berlin depot"));
        QCOMPARE(model.record(1).action, QStringLiteral("undo create group"));
        QCOMPARE(model.record(1).fromText, QStringLiteral("Acme Logistics \u203a Köln depot"));
        QCOMPARE(resets.size(), 0); // every line came as an insert

        // A spreadsheet's moves: the line says it came from an import (its undo, made here
        // later, is the console's).
        const QByteArray csv = "Device ID,Customer,Group\r\n" + TreeTest::deviceId(6).toLatin1()
            + ",Acme Logistics,Hamburg port\r\n";
        const Io::TextTable table = Io::readDelimited(csv);
        Edit::ImportOptions options;
        options.mapping = Edit::guessMapping(table);
        const Edit::FleetEditor::ImportPreview preview
            = editor.planImport(table, options, QStringLiteral("list.csv"));
        QVERIFY2(preview.edit.canApply(), qPrintable(preview.edit.error + preview.edit.notice));
        QCOMPARE(editor.applyImport(preview, false), QString());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 5, CacheTimeoutMs);
        QCOMPARE(model.record(0).source, QStringLiteral("import"));
        QCOMPARE(model.index(0, ActivityModel::Source).data().toString(), QStringLiteral("Import"));
        QCOMPARE(model.record(0).devices, 1);
        QCOMPARE(model.record(0).fromText, QStringLiteral("Beta Energy \u203a North"));
        QCOMPARE(model.record(0).toText, QStringLiteral("Acme Logistics \u203a Hamburg port"));
        editor.undoStack()->undo();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 6, CacheTimeoutMs);
        QCOMPARE(model.record(0).source, QStringLiteral("console"));
        QCOMPARE(model.record(0).fromText, QStringLiteral("Acme Logistics \u203a Hamburg port"));
        QCOMPARE(model.record(0).toText, QStringLiteral("Beta Energy \u203a North"));
        e.close();
    }

    void followsTheLinesOfAnotherProcess()
    {
        // Two engines on one cache file, as the console and flotillactl: the lines the second
        // writes come into the first one's model, at the top, once its engine has read the
        // cache again (reloadFromCache, which a session starts when the cache's data version
        // changed).
        Engine console;
        QVERIFY(console.open(TreeTest::smallFleet()));
        QVERIFY(console.start());
        TestSupport::LocalEngine other;
        QVERIFY(other.open(console.dir.filePath(QStringLiteral("cache.sqlite")),
            TreeTest::smallFleet().product.id));
        QVERIFY(other.start());
        ActivityModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy loaded(&model, &ActivityModel::loaded);
        model.setEngine(console.engine.get());
        QVERIFY(loaded.count() > 0 || loaded.wait(CacheTimeoutMs));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        Edit::FleetEditor editor(other.engine.get());
        QSignalSpy written(other.engine.get(), &Sync::SyncEngine::activityChanged);
        QCOMPARE(editor.apply(editor.planMoveDevices(
                     {TreeTest::deviceId(7)}, Domain::MoveTarget::node(QStringLiteral("beta")))),
            QString());
        QVERIFY(written.count() > 0 || written.wait(CacheTimeoutMs));
        QCOMPARE(model.rowCount(), 0); // not read yet
        console.engine->reloadFromCache();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, CacheTimeoutMs);
        QCOMPARE(model.record(0).fromText, QStringLiteral("Unassigned"));
        QCOMPARE(model.record(0).toText, QStringLiteral("Beta Energy"));
        QCOMPARE(resets.size(), 0);
        other.close();
        console.close();
    }

    void aSessionNamesItsSourceOnItsLines()
    {
        // The command line's session says so on the lines of its edits: a cache seeded here,
        // then opened by a CloudSession whose source is "flotillactl" (its engine paused: nothing
        // is sent).
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            TestSupport::LocalEngine seeder;
            QVERIFY(seeder.open(path, TreeTest::smallFleet().product.id));
            QVERIFY(seeder.seed(TreeTest::smallFleet()));
            seeder.close();
        }
        Session::SessionConfig config;
        config.apiUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        config.productId = TreeTest::smallFleet().product.id;
        config.actor = QStringLiteral("script");
        config.source = Store::ActivitySource::Ctl;
        config.liveEvents = false;
        Session::CloudSession session(config);
        bool opened = false;
        QString error = QStringLiteral("no answer");
        session.openCache(path, this, [&](const QString &e) {
            error = e;
            opened = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(opened, CacheTimeoutMs);
        QCOMPARE(error, QString());
        Sync::SyncEngine *engine = session.engine();
        engine->setPaused(true);
        QSignalSpy loaded(engine, &Sync::SyncEngine::loaded);
        engine->start(false);
        QVERIFY(loaded.count() > 0 || loaded.wait(CacheTimeoutMs));

        ActivityModel model;
        QSignalSpy modelLoaded(&model, &ActivityModel::loaded);
        model.setEngine(engine);
        QVERIFY(modelLoaded.count() > 0 || modelLoaded.wait(CacheTimeoutMs));
        Edit::FleetEditor editor(engine);
        QCOMPARE(editor.apply(editor.planMoveDevices(
                     {TreeTest::deviceId(7)}, Domain::MoveTarget::node(QStringLiteral("beta")))),
            QString());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, CacheTimeoutMs);
        QCOMPARE(model.record(0).source, QStringLiteral("flotillactl"));
        QCOMPARE(model.record(0).actor, QStringLiteral("script"));
        QCOMPARE(
            model.index(0, ActivityModel::Source).data().toString(), QStringLiteral("flotillactl"));
        QCOMPARE(model.index(0, ActivityModel::FromTo).data().toString(),
            QStringLiteral("Unassigned \u2192 Beta Energy"));
    }
};

QTEST_MAIN(TestActivityModel)
#include "tst_activitymodel.moc"
