// SPDX-License-Identifier: MIT
#include "store/devicecodec.h"
#include "store/schema.h"
#include "storetest.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace StoreTest;

namespace {

// Runs `statements` on a connection of the test's own thread, after bringing the file to schema
// version `version` with only the first `version` migration steps.
QString prepareAtVersion(const QString &path, int version, const QStringList &statements)
{
    const QString name = QStringLiteral("prepare");
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        error = Schema::migrate(db, version);
        QSqlQuery query(db);
        for (const QString &sql : statements) {
            if (error.isEmpty() && !query.exec(sql))
                error = QStringLiteral("%1: %2").arg(sql, query.lastError().text());
        }
        if (error.isEmpty() && Schema::userVersion(db, &error) != version)
            error = QStringLiteral("not at version %1").arg(version);
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

// Data as a cache at `version` holds it, written with that version's columns. Every table gets
// rows, so that each later step has something to carry over. (Version 1 columns are valid at
// every version so far; a step that changes tables adds its own case here.)
QStringList dataAtVersion(int version)
{
    if (version < 1)
        return {};
    const QString blob = QString::fromLatin1(DeviceCodec::encode(fleetDevice(1)).toHex());
    return {
        QStringLiteral("INSERT INTO products VALUES(4242, 'acme-tracker', 'ACME', 32)"),
        QStringLiteral("INSERT INTO devices(id, data) VALUES('%1', x'%2')")
            .arg(fleetDevice(1).id, blob),
        QStringLiteral("INSERT INTO groups VALUES('acme', 'ACME Corp', '#ff0000', 5)"),
        QStringLiteral("INSERT INTO groups VALUES('beta', '', '', NULL)"),
        QStringLiteral("INSERT INTO firmware VALUES(3, 'v3', 'fixes', '[\"acme\"]', 1700, 100, 1)"),
        QStringLiteral("INSERT INTO customers VALUES('c1', 'shadow@example.com')"),
        QStringLiteral("INSERT INTO outbox(kind, payload, device_ids, attempts, last_error, "
                       "created_ms, state) VALUES('groups', '{\"add\":[\"acme\"]}', '[\"%1\"]', "
                       "1, 'HTTP 503', 5, 0)")
            .arg(fleetDevice(1).id),
        QStringLiteral("INSERT INTO outbox(kind, payload, device_ids, attempts, last_error, "
                       "created_ms, state) VALUES('claim', '{}', '[]', 3, 'denied', 6, 1)"),
        QStringLiteral("INSERT INTO activity(at_ms, actor, action, subject, result, outbox_id) "
                       "VALUES(10, 'ops', 'move', '1 device', 'pending', 1)"),
        QStringLiteral("INSERT INTO sync_state VALUES('devices.fullPullMs', '1700')"),
    };
}

} // namespace

class TestCacheMigrations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void latestVersionIsTheLastStep() { QCOMPARE(Schema::latestVersion(), 5); }

    void migratesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 0; v < Schema::latestVersion(); ++v)
            QTest::addRow("from version %d", v) << v;
    }
    void migratesFromEveryEarlierVersion()
    {
        QFETCH(int, version);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const QString prepared = prepareAtVersion(path, version, dataAtVersion(version));
        QVERIFY2(prepared.isEmpty(), qPrintable(prepared));

        {
            CacheStore store;
            QCOMPARE(open(store, path), QString());
            QString error;
            const Snapshot s = load(store, &error);
            QCOMPARE(error, QString());
            if (version >= 1) {
                QCOMPARE(s.product,
                    (Domain::Product {
                        4242, QStringLiteral("acme-tracker"), QStringLiteral("ACME"), 32}));
                QCOMPARE(s.devices, QList<Domain::Device> {fleetDevice(1)});
                QCOMPARE(s.groups,
                    (QList<Domain::Group> {{QStringLiteral("acme"), QStringLiteral("ACME Corp"),
                                               QStringLiteral("#ff0000"), 5},
                        {QStringLiteral("beta"), {}, {}, std::nullopt}}));
                QCOMPARE(s.firmware.size(), 1);
                QCOMPARE(s.firmware.at(0).groups, QStringList {QStringLiteral("acme")});
                QVERIFY(s.firmware.at(0).productDefault);
                QCOMPARE(s.customers.size(), 1);
                QCOMPARE(s.syncState.value(QStringLiteral("devices.fullPullMs")),
                    QStringLiteral("1700"));
                QCOMPARE(s.outbox.size(), 2);
                QCOMPARE(s.outbox.at(0).id, 1);
                QCOMPARE(s.outbox.at(0).deviceIds, QStringList {fleetDevice(1).id});
                QCOMPARE(s.outbox.at(0).attempts, 1);
                QCOMPARE(s.outbox.at(1).state, OutboxEntry::State::Failed);
                QCOMPARE(idsOfPending(store), QList<qint64> {1});
                const QList<ActivityRecord> log = activity(store, 0);
                QCOMPARE(log.size(), 1);
                QCOMPARE(log.at(0).detail, QString()); // the column added by version 2
                QCOMPARE(log.at(0).outboxId, 1);
                // The columns added by version 4: a row from before reads as the console's,
                // with no counts and no places.
                QCOMPARE(log.at(0).source, QStringLiteral("console"));
                QCOMPARE(log.at(0).devices, 0);
                QCOMPARE(log.at(0).fromText, QString());
                QCOMPARE(log.at(0).toText, QString());
                QCOMPARE(log.at(0).requests, 0);
            } else {
                QVERIFY(s.devices.isEmpty());
            }
            // The new schema is usable: a new edit with an activity detail.
            LocalEdit edit;
            edit.outbox = {OutboxEntry {}};
            edit.outbox[0].kind = QStringLiteral("notes");
            edit.activity.detail = QStringLiteral("after migration");
            edit.activity.source = ActivitySource::Ctl;
            edit.activity.devices = 3;
            edit.activity.fromText = QStringLiteral("Acme Logistics \u203a Berlin depot");
            edit.activity.toText = QStringLiteral("Unassigned");
            edit.activity.requests = 2;
            QCOMPARE(applyLocalEdit(store, edit, &error).size(), 1);
            QCOMPARE(error, QString());
            const ActivityRecord written = activity(store, 1).at(0);
            QCOMPARE(written.detail, QStringLiteral("after migration"));
            QCOMPARE(written.source, QStringLiteral("flotillactl"));
            QCOMPARE(written.devices, 3);
            QCOMPARE(written.fromText, QStringLiteral("Acme Logistics \u203a Berlin depot"));
            QCOMPARE(written.toText, QStringLiteral("Unassigned"));
            QCOMPARE(written.requests, 2);

            // The rollout tables of version 3: empty, and usable.
            const auto none = await<QList<Domain::Rollout>, QString>(
                [&](auto done) { store.loadRollouts(done); });
            QVERIFY(none);
            QCOMPARE(std::get<1>(*none), QString());
            QVERIFY(std::get<0>(*none).isEmpty());
            Domain::Rollout rollout;
            rollout.spec.version = 13;
            rollout.spec.devices = {fleetDevice(1).id};
            rollout.waves = {Domain::WaveProgress {}};
            Domain::RolloutDevice device;
            device.id = fleetDevice(1).id;
            device.wave = 0;
            rollout.devices = {device};
            rollout.samples = {{1, 0, 0, 1}};
            const auto created = await<qint64, QString>(
                [&](auto done) { store.createRollout(rollout, ActivityRecord {}, done); });
            QVERIFY(created);
            QCOMPARE(std::get<1>(*created), QString());
            rollout.id = std::get<0>(*created);
            QVERIFY(rollout.id > 0);
            const auto loaded = await<QList<Domain::Rollout>, QString>(
                [&](auto done) { store.loadRollouts(done); });
            QVERIFY(loaded);
            QCOMPARE(std::get<0>(*loaded).size(), 1);
            QVERIFY(std::get<0>(*loaded).at(0) == rollout);
        }

        Peek peek(path);
        QCOMPARE(
            peek.value(QStringLiteral("PRAGMA user_version")).toInt(), Schema::latestVersion());
        QCOMPARE(
            peek.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        for (const char *index : {"activity_at", "outbox_state", "rollout_samples_rollout"})
            QCOMPARE(peek.value(QStringLiteral("SELECT count(*) FROM sqlite_master "
                                               "WHERE type = 'index' AND name = '%1'")
                                    .arg(QLatin1String(index)))
                         .toInt(),
                1);
        QCOMPARE(
            peek.value(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    }

    void aFailingStepLeavesThePreviousVersion()
    {
        // Something in the way of step 2's index: the step fails and is rolled back whole (its
        // ALTER TABLE included), user_version stays 1, and the error says which step.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const QString prepared
            = prepareAtVersion(path, 1, {QStringLiteral("CREATE TABLE activity_at(x)")});
        QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
        {
            CacheStore store;
            const QString error = open(store, path);
            QVERIFY2(error.contains(QLatin1String("migration to schema version 2 failed")),
                qPrintable(error));
        }
        Peek peek(path);
        QCOMPARE(peek.value(QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QCOMPARE(peek.value(QStringLiteral("SELECT count(*) FROM pragma_table_info('activity') "
                                           "WHERE name = 'detail'"))
                     .toInt(),
            0);
    }

    void aFailingRolloutStepLeavesVersion2()
    {
        // A table in the way of step 3: none of its tables is created, user_version stays 2.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const QString prepared
            = prepareAtVersion(path, 2, {QStringLiteral("CREATE TABLE rollout_samples(x)")});
        QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
        {
            CacheStore store;
            const QString error = open(store, path);
            QVERIFY2(error.contains(QLatin1String("migration to schema version 3 failed")),
                qPrintable(error));
        }
        Peek peek(path);
        QCOMPARE(peek.value(QStringLiteral("PRAGMA user_version")).toInt(), 2);
        QCOMPARE(peek.value(QStringLiteral("SELECT count(*) FROM sqlite_master "
                                           "WHERE name IN ('rollouts', 'rollout_waves', "
                                           "'rollout_devices')"))
                     .toInt(),
            0);
    }

    void aFailingActivityStepLeavesVersion3()
    {
        // A column in the way of step 4 (added by hand): none of its columns is added,
        // user_version stays 3, and the log reads as before.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const QString prepared = prepareAtVersion(
            path, 3, {QStringLiteral("ALTER TABLE activity ADD COLUMN requests TEXT")});
        QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
        {
            CacheStore store;
            const QString error = open(store, path);
            QVERIFY2(error.contains(QLatin1String("migration to schema version 4 failed")),
                qPrintable(error));
        }
        Peek peek(path);
        QCOMPARE(peek.value(QStringLiteral("PRAGMA user_version")).toInt(), 3);
        QCOMPARE(peek.value(QStringLiteral("SELECT count(*) FROM pragma_table_info('activity') "
                                           "WHERE name IN ('source', 'devices', 'from_text', "
                                           "'to_text')"))
                     .toInt(),
            0);
    }

private:
    static QList<qint64> idsOfPending(CacheStore &store)
    {
        QList<qint64> ids;
        for (const OutboxEntry &e : pendingOutbox(store))
            ids.append(e.id);
        return ids;
    }
};

QTEST_GUILESS_MAIN(TestCacheMigrations)
#include "tst_cachemigrations.moc"
