// SPDX-License-Identifier: MIT
#include "store/schema.h"
#include "storetest.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace StoreTest;

namespace {

Domain::Device richDevice()
{
    Domain::Device d = fleetDevice(3);
    d.notes = QStringLiteral("Halle Süd — rack 4 ✓");
    d.hasNotes = true;
    d.quarantined = true;
    d.development = true;
    d.online = true;
    d.desiredFirmwareVersion = 12;
    d.targetedFirmwareVersion = 0;
    return d;
}

Domain::Device bareDevice()
{
    Domain::Device d;
    d.id = QStringLiteral("0123456789abcdef01234567");
    return d;
}

OutboxEntry outboxEntry(const QString &kind, const QStringList &devices)
{
    OutboxEntry e;
    e.kind = kind;
    e.deviceIds = devices;
    e.payload
        = QJsonObject {{QStringLiteral("groups"),
                           QJsonArray {QStringLiteral("acme"), QStringLiteral("acme--berlin")}},
            {QStringLiteral("nested"), QJsonObject {{QStringLiteral("n"), 1.5}}}};
    return e;
}

LocalEdit moveEdit(const QString &subject, int firstDevice, int devices, int outboxEntries)
{
    LocalEdit edit;
    QStringList ids;
    for (int i = firstDevice; i < firstDevice + devices; ++i) {
        Domain::Device d = fleetDevice(i);
        d.groups = {QStringLiteral("moved")};
        edit.effect.devices.append(d);
        ids.append(d.id);
    }
    for (int i = 0; i < outboxEntries; ++i)
        edit.outbox.append(outboxEntry(QStringLiteral("groups"), ids));
    edit.activity.actor = QStringLiteral("ops@example.com");
    edit.activity.action = QStringLiteral("move");
    edit.activity.subject = subject;
    edit.activity.result = QStringLiteral("pending");
    return edit;
}

ChangeSet devicesOnly(const QList<Domain::Device> &devices)
{
    ChangeSet changes;
    changes.devices = devices;
    return changes;
}

QList<qint64> idsOf(const QList<OutboxEntry> &entries)
{
    QList<qint64> ids;
    for (const OutboxEntry &e : entries)
        ids.append(e.id);
    return ids;
}

} // namespace

class TestCacheStore final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const QString &name = QStringLiteral("cache.sqlite")) const
    {
        return m_dir->filePath(name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FlotillaTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_cachestore"));
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void opensFreshCacheAtLatestSchema()
    {
        const QString file = path(QStringLiteral("sub/dir/cache.sqlite")); // folders created
        {
            CacheStore store;
            QCOMPARE(open(store, file), QString());
            QString error;
            const Snapshot s = load(store, &error);
            QCOMPARE(error, QString());
            QVERIFY(s.devices.isEmpty());
            QVERIFY(s.outbox.isEmpty());
            QCOMPARE(s.product, Domain::Product());
        }
        Peek peek(file);
        QCOMPARE(
            peek.value(QStringLiteral("PRAGMA user_version")).toInt(), Schema::latestVersion());
        QCOMPARE(
            peek.value(QStringLiteral("PRAGMA application_id")).toInt(), Schema::ApplicationId);
        for (const char *table : {"products", "devices", "groups", "firmware", "customers",
                 "outbox", "activity", "sync_state"})
            QCOMPARE(peek.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE "
                                               "type = 'table' AND name = '%1'")
                                    .arg(QLatin1String(table)))
                         .toInt(),
                1);
    }

    void opensInMemoryCache()
    {
        CacheStore store;
        QCOMPARE(open(store, QStringLiteral(":memory:")), QString());
        QCOMPARE(applyPull(store, devicesOnly({fleetDevice(1)})), QString());
        QCOMPARE(load(store).devices, QList<Domain::Device> {fleetDevice(1)});
    }

    void walAndForeignKeysAreOn()
    {
        CacheStore store;
        QCOMPARE(open(store, path()), QString());
        {
            Peek peek(path());
            QCOMPARE(peek.value(QStringLiteral("PRAGMA journal_mode")).toString(),
                QStringLiteral("wal"));
        }
        // foreign_keys is per connection: prove the store's connection enforces them through
        // ON DELETE SET NULL, which only happens when they are on.
        QString error;
        const QList<qint64> ids
            = applyLocalEdit(store, moveEdit(QStringLiteral("x"), 0, 1, 1), &error);
        QCOMPARE(error, QString());
        QCOMPARE(ids.size(), 1);
        QCOMPARE(result([&](auto done) { store.discardOutbox(ids, done); }), QString());
        QVERIFY(flush(store));
        Peek peek(path());
        QCOMPARE(peek.value(QStringLiteral("SELECT count(*) FROM activity")).toInt(), 1);
        QCOMPARE(peek.value(QStringLiteral("SELECT outbox_id IS NULL FROM activity")).toInt(), 1);
        QCOMPARE(
            peek.value(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(), 0);
    }

    void refusesNewerSchema()
    {
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QCOMPARE(Schema::migrate(db), QString());
            QVERIFY(QSqlQuery(db).exec(
                QStringLiteral("PRAGMA user_version = %1").arg(Schema::latestVersion() + 1)));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        CacheStore store;
        const QString error = open(store, path());
        QVERIFY2(error.contains(QLatin1String("newer version of Flotilla")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("version %1").arg(Schema::latestVersion() + 1)),
            qPrintable(error));
        QString loadError;
        load(store, &loadError);
        QVERIFY(loadError.contains(QLatin1String("not open")));
        // The file was left as it was: not migrated, not switched to WAL.
        Peek peek(path());
        QCOMPARE(
            peek.value(QStringLiteral("PRAGMA user_version")).toInt(), Schema::latestVersion() + 1);
        QCOMPARE(
            peek.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("delete"));
    }

    void refusesFilesThatAreNotCaches()
    {
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray junk = QByteArray("device,customer\n").repeated(300);
        file.write(junk);
        file.close();
        CacheStore store;
        QString error = open(store, path());
        QVERIFY2(error.contains(QLatin1String("not a SQLite database")), qPrintable(error));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), junk); // untouched
        file.close();

        // A SQLite database of something else.
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            db.setDatabaseName(path(QStringLiteral("other.sqlite")));
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE notes(text TEXT)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        error = open(store, path(QStringLiteral("other.sqlite")));
        QVERIFY2(error.contains(QLatin1String("not a Flotilla cache")), qPrintable(error));

        error = open(store, m_dir->path()); // a folder
        QVERIFY2(!error.isEmpty(), qPrintable(error));
        // Still usable afterwards.
        QCOMPARE(open(store, path(QStringLiteral("good.sqlite"))), QString());
    }

    void roundTripsEveryField()
    {
        ChangeSet changes;
        changes.devices = {richDevice(), bareDevice(), fleetDevice(8)};
        changes.groups = {{QStringLiteral("acme"), QStringLiteral("{\"title\":\"ACME Corp\"}"),
                              QStringLiteral("#ff8800"), 7},
            {QStringLiteral("acme--berlin"), {}, {}, std::nullopt},
            {QStringLiteral("zero"), QStringLiteral("ü"), {}, 0}};
        changes.firmware
            = {{3, QStringLiteral("v3"), QStringLiteral("fixes"),
                   {QStringLiteral("acme"), QStringLiteral("beta")}, 1700000000123, 123456, true},
                {4, {}, {}, {}, 0, 0, false}};
        changes.customers = {{QStringLiteral("c1"), QStringLiteral("shadow+acme@example.com")},
            {QStringLiteral("c2"), {}}};
        const QHash<QString, QString> syncState
            = {{QStringLiteral("devices.fullPullMs"), QStringLiteral("1700000000000")},
                {QStringLiteral("empty"), QStringLiteral("")}};
        const Domain::Product product {
            4242, QStringLiteral("acme-tracker"), QStringLiteral("ACME Tracker ✓"), 32};

        const QString file = path();
        {
            CacheStore store;
            QCOMPARE(open(store, file), QString());
            QCOMPARE(applyPull(store, changes, syncState), QString());
            QCOMPARE(result([&](auto done) { store.setProduct(product, done); }), QString());
            LocalEdit edit;
            edit.outbox = {outboxEntry(QStringLiteral("groups"), {bareDevice().id}),
                outboxEntry(QStringLiteral("notes"), {})};
            edit.outbox[1].payload = {};
            edit.outbox[1].createdMs = 42;
            edit.activity = {0, 1234, QStringLiteral("me"), QStringLiteral("move"),
                QStringLiteral("1 device"), QStringLiteral("pending"), QStringLiteral("détail"), 0};
            QString error;
            QCOMPARE(applyLocalEdit(store, edit, &error).size(), 2);
            QCOMPARE(error, QString());
        }
        // A new store and connection: everything comes back from the file.
        CacheStore store;
        QCOMPARE(open(store, file), QString());
        QString error;
        const Snapshot s = load(store, &error);
        QCOMPARE(error, QString());
        QCOMPARE(s.product, product);
        QCOMPARE(s.devices.size(), 3);
        QCOMPARE(s.devices, changes.devices);
        QCOMPARE(s.groups, changes.groups); // sorted by name
        QCOMPARE(s.firmware, changes.firmware);
        QCOMPARE(s.customers, changes.customers);
        QCOMPARE(s.syncState, syncState);
        QCOMPARE(s.outbox.size(), 2);
        const OutboxEntry &a = s.outbox.at(0);
        QCOMPARE(a.kind, QStringLiteral("groups"));
        QCOMPARE(a.payload, outboxEntry(QStringLiteral("groups"), {}).payload);
        QCOMPARE(a.deviceIds, QStringList {bareDevice().id});
        QCOMPARE(a.attempts, 0);
        QCOMPARE(a.lastError, QString());
        QCOMPARE(a.state, OutboxEntry::State::Pending);
        QVERIFY(qAbs(a.createdMs - QDateTime::currentMSecsSinceEpoch()) < 60000); // stamped
        const OutboxEntry &b = s.outbox.at(1);
        QVERIFY(b.id > a.id);
        QCOMPARE(b.payload, QJsonObject());
        QCOMPARE(b.deviceIds, QStringList());
        QCOMPARE(b.createdMs, 42);
        const QList<ActivityRecord> log = activity(store, 10);
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.at(0).atMs, 1234);
        QCOMPARE(log.at(0).actor, QStringLiteral("me"));
        QCOMPARE(log.at(0).action, QStringLiteral("move"));
        QCOMPARE(log.at(0).subject, QStringLiteral("1 device"));
        QCOMPARE(log.at(0).result, QStringLiteral("pending"));
        QCOMPARE(log.at(0).detail, QStringLiteral("détail"));
        QCOMPARE(log.at(0).outboxId, a.id);
    }

    void applyPullUpsertsAndRemoves()
    {
        CacheStore store;
        QCOMPARE(open(store, path()), QString());
        ChangeSet first;
        for (int i = 0; i < 10; ++i)
            first.devices.append(fleetDevice(i));
        first.groups = {{QStringLiteral("a"), {}, {}, 1}, {QStringLiteral("b"), {}, {}, 2}};
        first.firmware = {{1, {}, {}, {}, 0, 0, false}, {2, {}, {}, {}, 0, 0, true}};
        first.customers = {{QStringLiteral("c1"), QStringLiteral("u1")},
            {QStringLiteral("c2"), QStringLiteral("u2")}};
        QCOMPARE(applyPull(store, first,
                     {{QStringLiteral("k1"), QStringLiteral("v1")},
                         {QStringLiteral("k2"), QStringLiteral("v2")}}),
            QString());

        ChangeSet second;
        Domain::Device changed = fleetDevice(4);
        changed.name = QStringLiteral("renamed");
        changed.desiredFirmwareVersion.reset();
        second.devices = {changed, fleetDevice(10)};
        second.removedDevices = {fleetDevice(0).id, fleetDevice(9).id, QStringLiteral("unknown")};
        second.groups = {{QStringLiteral("b"), QStringLiteral("desc"), {}, std::nullopt}};
        second.removedGroups = {QStringLiteral("a")};
        second.firmware = {{2, QStringLiteral("two"), {}, {}, 0, 0, false}};
        second.removedFirmware = {1};
        second.customers = {{QStringLiteral("c3"), QStringLiteral("u3")}};
        second.removedCustomers = {QStringLiteral("c1")};
        QVERIFY(!second.isEmpty());
        QVERIFY(ChangeSet().isEmpty());
        QCOMPARE(applyPull(store, second,
                     {{QStringLiteral("k1"), QStringLiteral("v1b")},
                         {QStringLiteral("k2"), QString()}}), // null: removed
            QString());

        const Snapshot s = load(store);
        QCOMPARE(s.devices.size(), 9);
        QList<Domain::Device> expected;
        for (int i = 1; i < 9; ++i)
            expected.append(i == 4 ? changed : fleetDevice(i));
        expected.append(fleetDevice(10));
        QCOMPARE(s.devices, expected); // updated in place, new ones after
        QCOMPARE(s.groups, (QList<Domain::Group> {second.groups}));
        QCOMPARE(s.firmware, second.firmware);
        QCOMPARE(s.customers,
            (QList<Domain::Customer> {{QStringLiteral("c2"), QStringLiteral("u2")},
                {QStringLiteral("c3"), QStringLiteral("u3")}}));
        QCOMPARE(
            s.syncState, (QHash<QString, QString> {{QStringLiteral("k1"), QStringLiteral("v1b")}}));

        QCOMPARE(result([&](auto done) {
            store.setSyncState({{QStringLiteral("k3"), QStringLiteral("v3")}}, done);
        }),
            QString());
        QCOMPARE(load(store).syncState.size(), 2); // merged, not replaced
    }

    void applyPullIsAtomic()
    {
        CacheStore store;
        QCOMPARE(open(store, path()), QString());
        ChangeSet base;
        base.devices = {fleetDevice(1), fleetDevice(2)};
        base.groups = {{QStringLiteral("g"), {}, {}, 1}};
        QCOMPARE(
            applyPull(store, base, {{QStringLiteral("k"), QStringLiteral("before")}}), QString());
        const Snapshot before = load(store);

        // Devices, removals and firmware are written before the groups; the empty group name
        // then violates a constraint and the whole transaction must roll back.
        ChangeSet bad;
        Domain::Device changed = fleetDevice(1);
        changed.name = QStringLiteral("changed");
        bad.devices = {changed, fleetDevice(3)};
        bad.removedDevices = {fleetDevice(2).id};
        bad.removedGroups = {QStringLiteral("g")};
        bad.firmware = {{9, {}, {}, {}, 0, 0, false}};
        bad.groups = {{QStringLiteral("ok"), {}, {}, {}}, {QString(), {}, {}, {}}};
        QString error = applyPull(store, bad, {{QStringLiteral("k"), QStringLiteral("after")}});
        QVERIFY2(error.contains(QLatin1String("group")), qPrintable(error));
        Snapshot after = load(store);
        QCOMPARE(after.devices, before.devices);
        QCOMPARE(after.groups, before.groups);
        QCOMPARE(after.firmware, before.firmware);
        QCOMPARE(after.syncState, before.syncState);

        // An invalid device ID is refused with a clear message.
        ChangeSet badId;
        badId.devices = {fleetDevice(5), bareDevice()};
        badId.devices[1].id = QStringLiteral("not-a-device");
        error = applyPull(store, badId);
        QVERIFY2(error.contains(QLatin1String("\"not-a-device\" is not a device ID")),
            qPrintable(error));
        QCOMPARE(load(store).devices, before.devices);

        // The store is still usable.
        QCOMPARE(applyPull(store, devicesOnly({changed})), QString());
        QCOMPARE(load(store).devices.first().name, QStringLiteral("changed"));
    }

    void applyLocalEditWritesEverythingInOneTransaction()
    {
        CacheStore store;
        QCOMPARE(open(store, path()), QString());
        QCOMPARE(applyPull(store, devicesOnly({fleetDevice(1), fleetDevice(2)})), QString());

        LocalEdit edit = moveEdit(QStringLiteral("2 devices"), 1, 2, 2);
        edit.effect.groups = {{QStringLiteral("moved"), {}, {}, {}}};
        QString error;
        const QList<qint64> ids = applyLocalEdit(store, edit, &error);
        QCOMPARE(error, QString());
        QCOMPARE(ids.size(), 2);
        QVERIFY(ids.at(0) < ids.at(1));
        Snapshot s = load(store);
        QCOMPARE(s.devices, edit.effect.devices);
        QCOMPARE(s.groups, edit.effect.groups);
        QCOMPARE(idsOf(s.outbox), ids);
        QList<ActivityRecord> log = activity(store, 0);
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.at(0).outboxId, ids.at(0)); // linked to the first entry
        QVERIFY(log.at(0).atMs > 0); // stamped

        // A failing edit (an outbox entry without a kind, written after the effect and the
        // first entry) leaves nothing behind.
        LocalEdit bad = moveEdit(QStringLiteral("bad"), 1, 1, 2);
        bad.effect.devices[0].name = QStringLiteral("should not stay");
        bad.effect.removedDevices = {fleetDevice(2).id};
        bad.outbox[1].kind.clear();
        const QList<qint64> none = applyLocalEdit(store, bad, &error);
        QVERIFY(none.isEmpty());
        QVERIFY2(error.contains(QLatin1String("outbox")), qPrintable(error));
        const Snapshot after = load(store);
        QCOMPARE(after.devices, s.devices);
        QCOMPARE(idsOf(after.outbox), ids);
        QCOMPARE(activity(store, 0).size(), 1);

        // An edit with no outbox entry still logs its activity, unlinked.
        LocalEdit local = moveEdit(QStringLiteral("local only"), 5, 1, 0);
        QVERIFY(applyLocalEdit(store, local, &error).isEmpty());
        QCOMPARE(error, QString());
        log = activity(store, 0);
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(0).subject, QStringLiteral("local only"));
        QCOMPARE(log.at(0).outboxId, 0);
    }

    void outboxLifecycle()
    {
        CacheStore store;
        QCOMPARE(open(store, path()), QString());
        QList<qint64> ids;
        for (int i = 0; i < 4; ++i) {
            QString error;
            ids += applyLocalEdit(
                store, moveEdit(QStringLiteral("edit %1").arg(i), i, 1, 1), &error);
            QCOMPARE(error, QString());
        }
        QCOMPARE(ids.size(), 4);
        QCOMPARE(idsOf(pendingOutbox(store)), ids);
        const qint64 a = ids[0], b = ids[1], c = ids[2], d = ids[3];

        // Complete a: Done, with a result row linked to it.
        ActivityRecord done {0, 0, QStringLiteral("sync"), QStringLiteral("move"),
            QStringLiteral("edit 0"), QStringLiteral("ok"), {}, a};
        QCOMPARE(result([&](auto cb) { store.completeOutbox({a}, {done}, cb); }), QString());
        QCOMPARE(idsOf(pendingOutbox(store)), (QList<qint64> {b, c, d}));

        // Transient failure of b: still Pending, attempts counted, error kept.
        QCOMPARE(
            result([&](auto cb) { store.failOutbox({b}, QStringLiteral("HTTP 503"), false, cb); }),
            QString());
        QCOMPARE(
            result([&](auto cb) { store.failOutbox({b}, QStringLiteral("timeout"), false, cb); }),
            QString());
        QList<OutboxEntry> pending = pendingOutbox(store);
        QCOMPARE(idsOf(pending), (QList<qint64> {b, c, d}));
        QCOMPARE(pending.at(0).attempts, 2);
        QCOMPARE(pending.at(0).lastError, QStringLiteral("timeout"));
        QCOMPARE(pending.at(0).state, OutboxEntry::State::Pending);

        // Permanent failure of c: Failed, out of the pending list, still in the snapshot.
        QCOMPARE(result([&](auto cb) {
            store.failOutbox({c}, QStringLiteral("device not found"), true, cb);
        }),
            QString());
        QCOMPARE(idsOf(pendingOutbox(store)), (QList<qint64> {b, d}));
        Snapshot s = load(store);
        QCOMPARE(idsOf(s.outbox), (QList<qint64> {b, c, d})); // Pending and Failed, id order
        QCOMPARE(s.outbox.at(1).state, OutboxEntry::State::Failed);
        QCOMPARE(s.outbox.at(1).lastError, QStringLiteral("device not found"));
        QCOMPARE(s.outbox.at(1).attempts, 1);

        // Retry c: Pending again, back in id order, attempts reset.
        QCOMPARE(result([&](auto cb) { store.retryOutbox({c}, cb); }), QString());
        pending = pendingOutbox(store);
        QCOMPARE(idsOf(pending), (QList<qint64> {b, c, d}));
        QCOMPARE(pending.at(1).attempts, 0);
        QCOMPARE(pending.at(1).state, OutboxEntry::State::Pending);

        // Discard d: gone; its activity row stays, unlinked. Done entries cannot be discarded.
        QCOMPARE(result([&](auto cb) { store.discardOutbox({d, a}, cb); }), QString());
        QCOMPARE(idsOf(pendingOutbox(store)), (QList<qint64> {b, c}));
        const QList<ActivityRecord> log = activity(store, 0);
        QCOMPARE(log.size(), 5);
        for (const ActivityRecord &r : log) {
            if (r.subject == QLatin1String("edit 3"))
                QCOMPARE(r.outboxId, 0);
            if (r.subject == QLatin1String("edit 0"))
                QCOMPARE(r.outboxId, a);
        }

        // Ids are never reused, even the discarded newest one.
        QString error;
        const QList<qint64> next
            = applyLocalEdit(store, moveEdit(QStringLiteral("edit 4"), 9, 1, 1), &error);
        QCOMPARE(error, QString());
        QCOMPARE(next.size(), 1);
        QVERIFY(next.first() > d);

        // Completing an entry discarded meanwhile keeps the activity row, without a link.
        QCOMPARE(result([&](auto cb) {
            store.completeOutbox({d}, {{0, 0, {}, {}, QStringLiteral("late"), {}, {}, d}}, cb);
        }),
            QString());
        QCOMPARE(activity(store, 1).at(0).outboxId, 0);
    }

    void activityIsNewestFirst()
    {
        CacheStore store;
        QCOMPARE(open(store, path()), QString());
        QList<ActivityRecord> rows;
        for (const qint64 at : {1000, 3000, 2000, 3000})
            rows.append({0, at, {}, {}, QStringLiteral("at %1").arg(at), {}, {}, 0});
        QCOMPARE(result([&](auto cb) { store.completeOutbox({}, rows, cb); }), QString());
        const QList<ActivityRecord> two = activity(store, 2);
        QCOMPARE(two.size(), 2);
        QCOMPARE(two.at(0).atMs, 3000); // the later of the two at 3000 (higher id) first
        QCOMPARE(two.at(1).atMs, 3000);
        QVERIFY(two.at(0).id > two.at(1).id);
        const QList<ActivityRecord> all = activity(store, 0);
        QCOMPARE(all.size(), 4);
        QCOMPARE(all.at(2).atMs, 2000);
        QCOMPARE(all.at(3).atMs, 1000);
    }

    void activityQueryFilters_data()
    {
        QTest::addColumn<qint64>("sinceMs");
        QTest::addColumn<int>("afterRow"); // the rows after this one (by write order; -1: any)
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("subjects"); // newest first
        const QString any;
        QTest::addRow("everything")
            << qint64(0) << -1 << 0 << any << any
            << QStringList {QStringLiteral("e"), QStringLiteral("d"), QStringLiteral("c"),
                   QStringLiteral("b"), QStringLiteral("a")};
        QTest::addRow("since") << qint64(3000) << -1 << 0 << any << any
                               << QStringList {QStringLiteral("e"), QStringLiteral("d"),
                                      QStringLiteral("c")};
        QTest::addRow("after a row") << qint64(0) << 2 << 0 << any << any
                                     << QStringList {QStringLiteral("e"), QStringLiteral("d")};
        QTest::addRow("limit") << qint64(0) << -1 << 2 << any << any
                               << QStringList {QStringLiteral("e"), QStringLiteral("d")};
        QTest::addRow("source") << qint64(0) << -1 << 0 << QStringLiteral("import") << any
                                << QStringList {QStringLiteral("d"), QStringLiteral("b")};
        QTest::addRow("source unknown")
            << qint64(0) << -1 << 0 << QStringLiteral("nobody") << any << QStringList {};
        // Case-insensitive, beyond ASCII, in any of the texts (the places included).
        QTest::addRow("text in a place") << qint64(0) << -1 << 0 << any << QStringLiteral("MÜNCHEN")
                                         << QStringList {QStringLiteral("c"), QStringLiteral("a")};
        QTest::addRow("text in the actor") << qint64(0) << -1 << 0 << any << QStringLiteral("Lena")
                                           << QStringList {QStringLiteral("e")};
        QTest::addRow("text and limit") << qint64(0) << -1 << 1 << any << QStringLiteral("münchen")
                                        << QStringList {QStringLiteral("c")};
        QTest::addRow("text and source") << qint64(0) << -1 << 0 << QStringLiteral("import")
                                         << QStringLiteral("münchen") << QStringList {};
        QTest::addRow("since, source, limit") << qint64(2000) << -1 << 1 << QStringLiteral("import")
                                              << any << QStringList {QStringLiteral("d")};
    }
    void activityQueryFilters()
    {
        QFETCH(qint64, sinceMs);
        QFETCH(int, afterRow);
        QFETCH(int, limit);
        QFETCH(QString, source);
        QFETCH(QString, text);
        QFETCH(QStringList, subjects);
        CacheStore store;
        QCOMPARE(open(store, path()), QString());
        QList<ActivityRecord> rows;
        const auto row = [&](qint64 at, const char *subject, QLatin1String from,
                             const QString &place, const QString &actor) {
            ActivityRecord r;
            r.atMs = at;
            r.subject = QLatin1String(subject);
            r.source = from;
            r.toText = place;
            r.actor = actor;
            r.devices = 2;
            rows.append(r);
        };
        row(1000, "a", ActivitySource::Console, QStringLiteral("Acme \u203a München"),
            QStringLiteral("ops"));
        row(2000, "b", ActivitySource::Import, QStringLiteral("Unassigned"), QStringLiteral("ops"));
        row(3000, "c", ActivitySource::Ctl, QStringLiteral("Nordwind \u203a münchen Süd"),
            QStringLiteral("ops"));
        row(4000, "d", ActivitySource::Import, QStringLiteral("Returns"), QStringLiteral("ops"));
        row(5000, "e", ActivitySource::Sync, QString(), QStringLiteral("lena@example.com"));
        QCOMPARE(result([&](auto cb) { store.completeOutbox({}, rows, cb); }), QString());
        const QList<ActivityRecord> all = activity(store, 0);
        QCOMPARE(all.size(), 5);

        ActivityQuery query;
        query.sinceMs = sinceMs;
        query.afterId = afterRow < 0 ? 0 : all.at(all.size() - 1 - afterRow).id;
        query.limit = limit;
        query.source = source;
        query.text = text;
        const auto read
            = await<QList<ActivityRecord>>([&](auto done) { store.activity(query, done); });
        QVERIFY(read);
        QStringList got;
        for (const ActivityRecord &r : std::get<0>(*read)) {
            got.append(r.subject);
            QCOMPARE(r.devices, 2);
        }
        QCOMPARE(got, subjects);
    }

    void activityWrittenIsSignalled()
    {
        // Each request that adds rows to the log says so (and only those).
        CacheStore store;
        QCOMPARE(open(store, path()), QString());
        QSignalSpy written(&store, &CacheStore::activityWritten);
        LocalEdit edit;
        edit.outbox = {outboxEntry(QStringLiteral("notes"), {})};
        edit.activity.action = QStringLiteral("update");
        const QList<qint64> ids = applyLocalEdit(store, edit);
        QCOMPARE(ids.size(), 1);
        QCOMPARE(written.size(), 1);
        LocalEdit quiet; // no activity row
        quiet.outbox = {outboxEntry(QStringLiteral("notes"), {})};
        QCOMPARE(applyLocalEdit(store, quiet).size(), 1);
        QCOMPARE(result([&](auto cb) { store.completeOutbox(ids, {}, cb); }), QString());
        QCOMPARE(written.size(), 1);
        ActivityRecord sent;
        sent.action = QStringLiteral("push");
        QCOMPARE(result([&](auto cb) { store.completeOutbox({}, {sent}, cb); }), QString());
        QCOMPARE(written.size(), 2);
        QCOMPARE(activity(store, 0).at(0).source, QStringLiteral("console")); // none given
    }

    void defaultPathIsPerHostAndProduct()
    {
        const QString base = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
            + QStringLiteral("/caches/");
        QCOMPARE(CacheStore::defaultPath(QUrl(QStringLiteral("https://api.particle.io/v1")), 42),
            base + QStringLiteral("api.particle.io-42.sqlite"));
        QCOMPARE(
            CacheStore::defaultPath(QUrl(QStringLiteral("https://API.Particle.IO:443/v1")), 42),
            base + QStringLiteral("api.particle.io-42.sqlite"));
        QCOMPARE(CacheStore::defaultPath(QUrl(QStringLiteral("http://127.0.0.1:8080/v1")), 42),
            base + QStringLiteral("127.0.0.1-8080-42.sqlite"));
        QCOMPARE(CacheStore::defaultPath(QUrl(QStringLiteral("http://[::1]:9000")), 7),
            base + QStringLiteral("--1-9000-7.sqlite"));
        QCOMPARE(CacheStore::defaultPath(QUrl(QStringLiteral("https://bücher.example/")), 1),
            base + QStringLiteral("xn--bcher-kva.example-1.sqlite"));
        QVERIFY(CacheStore::defaultPath(QUrl(QStringLiteral("https://a.example")), 1)
            != CacheStore::defaultPath(QUrl(QStringLiteral("https://b.example")), 1));
        QVERIFY(CacheStore::defaultPath(QUrl(QStringLiteral("https://a.example")), 1)
            != CacheStore::defaultPath(QUrl(QStringLiteral("https://a.example")), 2));
        const QString name
            = QFileInfo(CacheStore::defaultPath(QUrl(QStringLiteral("http://x_y.local:1")), 3))
                  .fileName();
        QVERIFY(
            QRegularExpression(QStringLiteral("^[a-z0-9.-]+\\.sqlite$")).match(name).hasMatch());

        // Two hosts, two products: four separate caches that really open side by side.
        CacheStore s1, s2, s3, s4;
        const QUrl one(QStringLiteral("https://one.example")), two(QStringLiteral("http://two:1"));
        QCOMPARE(open(s1, CacheStore::defaultPath(one, 1)), QString());
        QCOMPARE(open(s2, CacheStore::defaultPath(one, 2)), QString());
        QCOMPARE(open(s3, CacheStore::defaultPath(two, 1)), QString());
        QCOMPARE(open(s4, CacheStore::defaultPath(two, 2)), QString());
        QCOMPARE(applyPull(s1, devicesOnly({fleetDevice(1)})), QString());
        QCOMPARE(load(s1).devices.size(), 1);
        QCOMPARE(load(s2).devices.size(), 0);
        QCOMPARE(load(s3).devices.size(), 0);
        QCOMPARE(load(s4).devices.size(), 0);
        QDir(base).removeRecursively();
    }

    void workerRunsOnItsOwnThread()
    {
        CacheStore store;
        std::atomic<QThread *> sqlThread = nullptr;
        store.setWorkerHook([&](QStringView point) {
            if (point == u"open" || point == u"beforeCommit")
                sqlThread = QThread::currentThread();
        });
        QThread *callbackThread = nullptr;
        QString error = QStringLiteral("not called");
        store.open(path(), [&](QString e) {
            error = e;
            callbackThread = QThread::currentThread();
        });
        QTRY_VERIFY(callbackThread != nullptr);
        QCOMPARE(error, QString());
        QCOMPARE(callbackThread, QThread::currentThread()); // results come to the caller
        QVERIFY(sqlThread.load() != nullptr);
        QVERIFY(sqlThread.load() != QThread::currentThread()); // SQL runs elsewhere
        QCOMPARE(sqlThread.load()->objectName(), QStringLiteral("flotilla-store"));
        QThread *const openThread = sqlThread;
        QCOMPARE(applyPull(store, devicesOnly({fleetDevice(1)})), QString());
        QCOMPARE(sqlThread.load(), openThread); // the same thread for every request
        store.setWorkerHook({});
        QVERIFY(flush(store));
    }

    void callbacksComeInRequestOrder()
    {
        CacheStore store;
        QList<int> order;
        store.open(path(), [&](QString) { order.append(0); });
        for (int i = 1; i <= 20; ++i) {
            if (i % 2)
                store.applyPull(
                    devicesOnly({fleetDevice(i)}), {}, [&, i](QString) { order.append(i); });
            else
                store.load([&, i](Snapshot, QString) { order.append(i); });
        }
        bool flushed = false;
        store.flush([&] { flushed = true; });
        QTRY_VERIFY(flushed);
        QCOMPARE(order.size(), 21);
        QVERIFY(std::is_sorted(order.cbegin(), order.cend()));
    }

    void requestsBeforeOpenFail()
    {
        CacheStore store;
        QString error;
        load(store, &error);
        QVERIFY2(error.contains(QLatin1String("not open")), qPrintable(error));
        QVERIFY(
            applyPull(store, devicesOnly({fleetDevice(1)})).contains(QLatin1String("not open")));
        QVERIFY(pendingOutbox(store).isEmpty());
        QCOMPARE(open(store, path()), QString());
        bool closed = false;
        store.close([&] { closed = true; });
        QTRY_VERIFY(closed);
        load(store, &error);
        QVERIFY(error.contains(QLatin1String("not open")));
        QCOMPARE(open(store, path()), QString()); // and again
        load(store, &error);
        QCOMPARE(error, QString());
    }

    void destroyingWithQueuedWorkFinishesWritesAndDropsCallbacks()
    {
        int callbacks = 0;
        {
            auto store = std::make_unique<CacheStore>();
            QCOMPARE(open(*store, path()), QString());
            ChangeSet big;
            for (int i = 0; i < 5000; ++i)
                big.devices.append(fleetDevice(i));
            store->applyPull(big, {}, [&](QString) { ++callbacks; });
            for (int i = 0; i < 20; ++i) {
                store->load([&](Snapshot, QString) { ++callbacks; });
                store->applyLocalEdit(moveEdit(QStringLiteral("queued %1").arg(i), 6000 + i, 1, 1),
                    [&](QList<qint64>, QString) { ++callbacks; });
            }
            store->flush([&] { ++callbacks; });
            store.reset(); // neither crashes nor deadlocks
        }
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QCOMPARE(callbacks, 0);
        CacheStore store;
        QCOMPARE(open(store, path()), QString());
        const Snapshot s = load(store);
        QCOMPARE(s.devices.size(), 5020); // every queued write was completed
        QCOMPARE(s.outbox.size(), 20);

        // Destroyed from inside one of its own callbacks.
        auto owned = std::make_unique<CacheStore>();
        bool called = false;
        owned->open(path(), [&](QString) {
            called = true;
            owned.reset();
        });
        QTRY_VERIFY(called);
        QVERIFY(!owned);

        // Destroyed before anything ran, and without ever being opened.
        {
            CacheStore neverOpened;
        }
        {
            CacheStore quick;
            quick.open(path(QStringLiteral("quick.sqlite")), {});
        }
        QVERIFY(QFile::exists(path(QStringLiteral("quick.sqlite"))));
    }

    void callbacksOfADestroyedContextAreDropped()
    {
        CacheStore store;
        QCOMPARE(open(store, path()), QString());
        QStringList calls;
        auto context = std::make_unique<QObject>();
        QObject survivor;
        // Requests of a context that is destroyed before they report: the work is done (writes
        // are never dropped), the callbacks are not called.
        store.applyLocalEdit(moveEdit(QStringLiteral("dropped"), 1, 1, 1), context.get(),
            [&](QList<qint64>, QString) { calls.append(QStringLiteral("edit")); });
        store.load(context.get(), [&](Snapshot, QString) { calls.append(QStringLiteral("load")); });
        store.activity(0, context.get(),
            [&](QList<ActivityRecord>) { calls.append(QStringLiteral("activity")); });
        store.flush(context.get(), [&] { calls.append(QStringLiteral("flush")); });
        // Requests of a context that lives, and of none, report in order.
        store.flush(&survivor, [&] { calls.append(QStringLiteral("survivor")); });
        store.flush(nullptr, [&] { calls.append(QStringLiteral("no context")); });
        context.reset();
        QTRY_COMPARE(calls.size(), 2);
        QCOMPARE(calls, QStringList({QStringLiteral("survivor"), QStringLiteral("no context")}));
        QCOMPARE(load(store).outbox.size(), 1);

        // A context destroyed by one of its own callbacks gets no further callback.
        calls.clear();
        context = std::make_unique<QObject>();
        store.flush(context.get(), [&] {
            calls.append(QStringLiteral("first"));
            context.reset();
        });
        store.flush(context.get(), [&] { calls.append(QStringLiteral("second")); });
        store.flush(&survivor, [&] { calls.append(QStringLiteral("after")); });
        QTRY_COMPARE(calls.size(), 2);
        QCOMPARE(calls, QStringList({QStringLiteral("first"), QStringLiteral("after")}));
        QVERIFY(!context);
    }

    void committedEditsSurviveKill9_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("killed after commit") << QStringLiteral("commit");
        QTest::newRow("killed before commit") << QStringLiteral("precommit");
    }
    void committedEditsSurviveKill9()
    {
        QFETCH(QString, mode);
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QStringLiteral(FLOTILLA_STORE_CRASH_HELPER), {path(), mode});
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
        QByteArray line;
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (child.canReadLine())
                    line = child.readLine().trimmed();
                return !line.isEmpty() || child.state() == QProcess::NotRunning;
            },
            60000));
        const QByteArray expected = mode == QLatin1String("commit") ? "committed" : "precommit";
        QVERIFY2(line.startsWith(expected), line.constData());
        QCOMPARE(child.state(), QProcess::Running);
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        if (mode == QLatin1String("precommit")) {
            // The uncommitted transaction had already spilled pages into the WAL: recovery must
            // ignore them.
            QVERIFY(QFileInfo(path() + QStringLiteral("-wal")).size() > 1024 * 1024);
        }

        CacheStore store;
        QCOMPARE(open(store, path()), QString());
        QString error;
        const Snapshot s = load(store, &error);
        QCOMPARE(error, QString());
        const QList<ActivityRecord> log = activity(store, 0);
        if (mode == QLatin1String("commit")) {
            // "committed <devices> <outbox id> <outbox id>"
            const QList<QByteArray> words = line.split(' ');
            QCOMPARE(words.size(), 4);
            QCOMPARE(s.devices.size(), words.at(1).toInt());
            for (const Domain::Device &d : s.devices)
                QCOMPARE(d.groups, QStringList {QStringLiteral("moved")});
            QCOMPARE(idsOf(s.outbox),
                (QList<qint64> {words.at(2).toLongLong(), words.at(3).toLongLong()}));
            QCOMPARE(s.outbox.at(0).deviceIds.size(), s.devices.size());
            QCOMPARE(log.size(), 1);
            QCOMPARE(log.at(0).outboxId, s.outbox.at(0).id);
        } else {
            QVERIFY(s.devices.isEmpty());
            QVERIFY(s.outbox.isEmpty());
            QVERIFY(log.isEmpty());
        }
    }

    void killedDuringAStreamOfEditsKeepsACompletePrefix()
    {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(
            QStringLiteral(FLOTILLA_STORE_CRASH_HELPER), {path(), QStringLiteral("stream")});
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
        int committed = 0;
        QVERIFY(QTest::qWaitFor(
            [&] {
                while (child.canReadLine()) {
                    const QByteArray line = child.readLine().trimmed();
                    if (line.startsWith("committed "))
                        committed = line.mid(10).toInt();
                }
                return committed >= 25 || child.state() == QProcess::NotRunning;
            },
            60000));
        QCOMPARE(child.state(), QProcess::Running);
        child.kill(); // while it keeps writing
        QVERIFY(child.waitForFinished());

        CacheStore store;
        QCOMPARE(open(store, path()), QString());
        const Snapshot s = load(store);
        const QList<ActivityRecord> log = activity(store, 0);
        // Edit k moved device k and queued one entry and one activity row: each edit is there
        // entirely or not at all, and the ones reported committed are all there.
        const int edits = static_cast<int>(s.outbox.size());
        QVERIFY2(
            edits >= committed, qPrintable(QStringLiteral("%1 < %2").arg(edits).arg(committed)));
        QCOMPARE(static_cast<int>(s.devices.size()), edits);
        QCOMPARE(static_cast<int>(log.size()), edits);
        for (int k = 0; k < edits; ++k) {
            QCOMPARE(s.outbox.at(k).payload.value(QStringLiteral("k")).toInt(), k);
            QCOMPARE(s.devices.at(k).id, fleetDevice(k).id);
            QCOMPARE(log.at(edits - 1 - k).subject, QString::number(k));
            QCOMPARE(log.at(edits - 1 - k).outboxId, s.outbox.at(k).id);
        }
    }
};

QTEST_GUILESS_MAIN(TestCacheStore)
#include "tst_cachestore.moc"
