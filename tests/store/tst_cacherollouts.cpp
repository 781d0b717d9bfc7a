// SPDX-License-Identifier: MIT
// Rollouts in the cache: create, load, save and delete (docs/rollouts.md §6), atomicity, and the
// time a 10,000-device rollout takes to write and read.
#include "storetest.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace StoreTest;
using Domain::Rollout;
using Domain::RolloutDevice;
using Domain::RolloutDeviceState;
using Domain::RolloutState;

Q_DECLARE_METATYPE(Domain::RolloutState)

namespace {

RolloutDevice rolloutDevice(int i, int wave, RolloutDeviceState state)
{
    RolloutDevice d;
    d.id = fleetDevice(i).id;
    d.name = fleetDevice(i).name;
    d.node = QStringLiteral("customer%1--site%2").arg(i % 40).arg(i % 7);
    d.wave = wave;
    d.state = state;
    d.previousVersion = 10 + i % 4;
    d.startedMs = 1700000000000 + i;
    d.updatedMs = 1700000001000 + i;
    if (state == RolloutDeviceState::Failed) {
        d.attempts = 2;
        d.reason = QStringLiteral("The device reported that the update failed (attempt 2)");
        d.stage = QStringLiteral("flashing");
    }
    return d;
}

Rollout sampleRollout(int devices = 6)
{
    Rollout r;
    r.spec.title = QStringLiteral("v13 to Acme \u2013 M\u00fcnchen");
    r.spec.version = 13;
    r.spec.method = Domain::RolloutMethod::Staged;
    r.spec.nodes = {QStringLiteral("customer1"), QStringLiteral("customer2")};
    r.spec.seed = 0xfedcba9876543210ULL;
    Domain::WaveSpec bench;
    bench.name = QStringLiteral("Test bench");
    bench.nodes = {QStringLiteral("customer1--site1")};
    bench.success = {Domain::Threshold::Unit::Count, 1};
    Domain::WaveSpec five;
    five.percent = 5;
    five.pauseBefore = true;
    r.spec.waves = {bench, five, Domain::WaveSpec {}};
    r.state = RolloutState::Running;
    r.stateReason = QStringLiteral("");
    r.waves = {Domain::WaveProgress {Domain::WaveState::Running, 1700000000000, 0, 1, true, false},
        Domain::WaveProgress {}, Domain::WaveProgress {}};
    // Not in id order: the cache keeps the order it was given.
    for (int i = devices - 1; i >= 0; --i) {
        const auto state = i == 0 ? RolloutDeviceState::Skipped
            : i % 3 == 0          ? RolloutDeviceState::Failed
                                  : RolloutDeviceState::Pending;
        RolloutDevice d
            = rolloutDevice(i, state == RolloutDeviceState::Skipped ? -1 : i % 3, state);
        if (state == RolloutDeviceState::Skipped)
            d.reason = QStringLiteral("It is locked to v12, and a lock wins over any release");
        r.devices.append(d);
    }
    r.samples = {{1700000000000, 0, 0, 3}, {1700000060000, 1, 1, 2}};
    r.requests = 4;
    r.createdMs = 1699999999000;
    return r;
}

ActivityRecord activityRow(const QString &action)
{
    ActivityRecord a;
    a.actor = QStringLiteral("ops@example.com");
    a.action = action;
    a.subject = QStringLiteral("v13 to Acme");
    a.result = QStringLiteral("ok");
    return a;
}

qint64 createRollout(
    CacheStore &store, const Rollout &r, const ActivityRecord &a, QString *error = nullptr)
{
    const auto res = await<qint64, QString>([&](auto done) { store.createRollout(r, a, done); });
    if (error)
        *error = res ? std::get<1>(*res) : timeoutError();
    return res ? std::get<0>(*res) : 0;
}

QList<Rollout> loadRollouts(CacheStore &store, QString *error = nullptr)
{
    const auto res = await<QList<Rollout>, QString>([&](auto done) { store.loadRollouts(done); });
    if (error)
        *error = res ? std::get<1>(*res) : timeoutError();
    return res ? std::get<0>(*res) : QList<Rollout>();
}

QString saveRollout(CacheStore &store, const RolloutUpdate &update)
{
    return result([&](auto done) { store.saveRollout(update, done); });
}

QString deleteRollout(CacheStore &store, qint64 id)
{
    return result([&](auto done) { store.deleteRollout(id, done); });
}

// The rollout `r` with `update` applied as the cache applies it.
Rollout applied(Rollout r, const RolloutUpdate &update)
{
    r.state = update.state;
    r.stateReason = update.stateReason;
    r.pausedForFailures = update.pausedForFailures;
    r.requests = update.requests;
    r.finalReleaseDone = update.finalReleaseDone;
    r.finishedMs = update.finishedMs;
    r.waves = update.waves;
    for (const RolloutDevice &d : update.devices) {
        const auto it = std::find_if(r.devices.begin(), r.devices.end(),
            [&](const RolloutDevice &old) { return old.id == d.id; });
        if (it != r.devices.end())
            *it = d;
        else
            r.devices.append(d);
    }
    r.samples.append(update.samples);
    return r;
}

// Compares rollouts field by field, so that a failure says where they differ.
void compareRollouts(const Rollout &actual, const Rollout &expected)
{
    QCOMPARE(actual.id, expected.id);
    QVERIFY(actual.spec == expected.spec);
    QCOMPARE(Domain::toString(actual.state), Domain::toString(expected.state));
    QCOMPARE(actual.stateReason, expected.stateReason);
    QCOMPARE(actual.pausedForFailures, expected.pausedForFailures);
    QVERIFY(actual.waves == expected.waves);
    QCOMPARE(actual.devices.size(), expected.devices.size());
    for (qsizetype i = 0; i < actual.devices.size(); ++i) {
        QCOMPARE(actual.devices[i].id, expected.devices[i].id);
        QVERIFY2(actual.devices[i] == expected.devices[i], qPrintable(actual.devices[i].id));
    }
    QVERIFY(actual.samples == expected.samples);
    QCOMPARE(actual.requests, expected.requests);
    QCOMPARE(actual.finalReleaseDone, expected.finalReleaseDone);
    QCOMPARE(actual.createdMs, expected.createdMs);
    QCOMPARE(actual.finishedMs, expected.finishedMs);
    QVERIFY(actual == expected); // and nothing else differs
}

#define COMPARE_ROLLOUT(actual, expected)                                                          \
    do {                                                                                           \
        compareRollouts(actual, expected);                                                         \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

} // namespace

class TestCacheRollouts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("cache.sqlite"));
    }

    void emptyCache()
    {
        CacheStore store;
        QCOMPARE(open(store, m_path), QString());
        QString error = QStringLiteral("not called");
        QVERIFY(loadRollouts(store, &error).isEmpty());
        QCOMPARE(error, QString());
    }

    void createAndLoad()
    {
        const Rollout first = sampleRollout();
        Rollout second = sampleRollout(3);
        second.spec.method = Domain::RolloutMethod::Lock;
        second.spec.waves.clear();
        second.state = RolloutState::Completed;
        second.stateReason = QStringLiteral("Every device runs v13");
        second.finalReleaseDone = true;
        second.finishedMs = 1700000099000;
        second.samples.clear();
        second.waves = {Domain::WaveProgress {Domain::WaveState::Finished, 5, 6, 0, false, true}};

        CacheStore store;
        QCOMPARE(open(store, m_path), QString());
        QString error;
        const qint64 id1
            = createRollout(store, first, activityRow(QStringLiteral("start")), &error);
        QCOMPARE(error, QString());
        QVERIFY(id1 > 0);
        Rollout ignoredId = second;
        ignoredId.id = 77; // the store assigns ids
        const qint64 id2 = createRollout(store, ignoredId, ActivityRecord {}, &error);
        QCOMPARE(error, QString());
        QVERIFY(id2 > id1);

        const QList<Rollout> loaded = loadRollouts(store, &error);
        QCOMPARE(error, QString());
        QCOMPARE(loaded.size(), 2);
        Rollout expected1 = first;
        expected1.id = id1;
        Rollout expected2 = second;
        expected2.id = id2;
        COMPARE_ROLLOUT(loaded[0], expected1); // oldest first
        COMPARE_ROLLOUT(loaded[1], expected2);
        QCOMPARE(loaded[0].devices.first().id, fleetDevice(5).id); // the order it was given

        // one activity row, for the first (the second's was empty)
        const QList<ActivityRecord> log = activity(store, 0);
        QCOMPARE(log.size(), 1);
        QCOMPARE(log[0].action, QStringLiteral("start"));
        QVERIFY(log[0].atMs > 0);

        // and the same after reopening the file
        CacheStore again;
        store.close();
        QVERIFY(flush(store));
        QCOMPARE(open(again, m_path), QString());
        const QList<Rollout> reloaded = loadRollouts(again, &error);
        QCOMPARE(reloaded.size(), 2);
        COMPARE_ROLLOUT(reloaded[0], expected1);
    }

    void createIsAtomic()
    {
        Rollout r = sampleRollout();
        r.devices.append(r.devices.first()); // the same device twice
        CacheStore store;
        QCOMPARE(open(store, m_path), QString());
        QString error;
        QCOMPARE(createRollout(store, r, activityRow(QStringLiteral("start")), &error), 0);
        QVERIFY(!error.isEmpty());
        QVERIFY(loadRollouts(store).isEmpty());
        QVERIFY(activity(store, 0).isEmpty());
        QVERIFY(flush(store));
        Peek peek(m_path);
        for (const char *table :
            {"rollouts", "rollout_waves", "rollout_devices", "rollout_samples"})
            QCOMPARE(peek.value(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)))
                         .toInt(),
                0);
    }

    void saveUpsertsDevicesAndAppendsSamples()
    {
        CacheStore store;
        QCOMPARE(open(store, m_path), QString());
        Rollout r = sampleRollout();
        const qint64 otherId = createRollout(store, sampleRollout(2), ActivityRecord {});
        r.id = createRollout(store, r, ActivityRecord {});
        QVERIFY(r.id > otherId);

        RolloutUpdate update;
        update.id = r.id;
        update.state = RolloutState::Paused;
        update.stateReason = QStringLiteral("Wave 1 reached its failure threshold");
        update.pausedForFailures = true;
        update.requests = 9;
        update.waves = {Domain::WaveProgress {Domain::WaveState::Finished, 1, 2, 1, true, true},
            Domain::WaveProgress {Domain::WaveState::Running, 3, 0, 0, false, false}};
        RolloutDevice changed = r.devices.at(2);
        changed.state = RolloutDeviceState::Succeeded;
        changed.stage.clear();
        changed.updatedMs = 1800000000000;
        RolloutDevice added = rolloutDevice(100, 2, RolloutDeviceState::Pending);
        update.devices = {changed, added};
        update.samples = {{1700000120000, 2, 1, 1}};
        update.activity
            = {activityRow(QStringLiteral("pause")), activityRow(QStringLiteral("note"))};
        QCOMPARE(saveRollout(store, update), QString());

        Rollout expected = applied(r, update);
        QCOMPARE(expected.waves.size(), 2); // the waves are written whole
        QList<Rollout> loaded = loadRollouts(store);
        QCOMPARE(loaded.size(), 2);
        COMPARE_ROLLOUT(loaded[1], expected);
        QCOMPARE(loaded[1].devices.size(), r.devices.size() + 1);
        QCOMPARE(Domain::toString(loaded[1].devices.at(2).state),
            Domain::toString(changed.state)); // in its place
        QCOMPARE(loaded[1].devices.last().id, added.id); // appended
        QCOMPARE(loaded[1].samples.size(), 3);
        QCOMPARE(loaded[0].devices.size(), 2); // the other rollout is untouched
        QCOMPARE(loaded[0].samples.size(), 2);
        QCOMPARE(activity(store, 0).size(), 2);

        // a second save with the same device again, more samples
        RolloutUpdate second = update;
        second.state = RolloutState::Running;
        second.stateReason.clear();
        second.pausedForFailures = false;
        changed.state = RolloutDeviceState::RollingBack;
        changed.stage = QStringLiteral("flashing");
        second.devices = {changed};
        second.samples = {{1700000180000, 3, 1, 0}, {1700000240000, 3, 1, 0}};
        second.activity.clear();
        QCOMPARE(saveRollout(store, second), QString());
        expected = applied(expected, second);
        loaded = loadRollouts(store);
        COMPARE_ROLLOUT(loaded[1], expected);
        QCOMPARE(loaded[1].samples.size(), 5);
        QCOMPARE(activity(store, 0).size(), 2);
    }

    void saveUnknownRollout()
    {
        CacheStore store;
        QCOMPARE(open(store, m_path), QString());
        const Rollout r = [&] {
            Rollout created = sampleRollout();
            created.id = createRollout(store, created, ActivityRecord {});
            return created;
        }();
        RolloutUpdate update;
        update.id = r.id + 1;
        update.state = RolloutState::Aborted;
        update.devices = {rolloutDevice(200, 0, RolloutDeviceState::Cancelled)};
        update.samples = {{1, 2, 3, 4}};
        update.activity = {activityRow(QStringLiteral("abort"))};
        const QString error = saveRollout(store, update);
        QVERIFY2(error.contains(QStringLiteral("no rollout %1").arg(r.id + 1)), qPrintable(error));

        // nothing written
        const QList<Rollout> loaded = loadRollouts(store);
        QCOMPARE(loaded.size(), 1);
        COMPARE_ROLLOUT(loaded[0], r);
        QVERIFY(activity(store, 0).isEmpty());
        QVERIFY(flush(store));
        Peek peek(m_path);
        QCOMPARE(peek.value(QStringLiteral("SELECT count(*) FROM rollout_devices")).toInt(),
            r.devices.size());
        QCOMPARE(peek.value(QStringLiteral("SELECT count(*) FROM rollout_samples")).toInt(), 2);
    }

    void deleteRules_data()
    {
        QTest::addColumn<RolloutState>("state");
        QTest::addColumn<QString>("error"); // a fragment; empty: deleted

        QTest::newRow("running") << RolloutState::Running << QStringLiteral("still running");
        QTest::newRow("paused") << RolloutState::Paused << QStringLiteral("still paused");
        QTest::newRow("rolling back")
            << RolloutState::RollingBack << QStringLiteral("still rolling back");
        QTest::newRow("completed") << RolloutState::Completed << QString();
        QTest::newRow("aborted") << RolloutState::Aborted << QString();
        QTest::newRow("rolled back") << RolloutState::RolledBack << QString();
    }

    void deleteRules()
    {
        QFETCH(RolloutState, state);
        QFETCH(QString, error);

        CacheStore store;
        QCOMPARE(open(store, m_path), QString());
        Rollout keep = sampleRollout(4);
        keep.id = createRollout(store, keep, ActivityRecord {});
        Rollout r = sampleRollout();
        r.state = state;
        r.id = createRollout(store, r, ActivityRecord {});
        QVERIFY(r.id > 0);

        const QString got = deleteRollout(store, r.id);
        const QList<Rollout> loaded = loadRollouts(store);
        if (error.isEmpty()) {
            QCOMPARE(got, QString());
            QCOMPARE(loaded.size(), 1);
            COMPARE_ROLLOUT(loaded[0], keep);
        } else {
            QVERIFY2(got.contains(error), qPrintable(got));
            QVERIFY2(got.contains(QString::number(r.id)), qPrintable(got));
            QCOMPARE(loaded.size(), 2);
            COMPARE_ROLLOUT(loaded[1], r);
        }
        QVERIFY(flush(store));
        Peek peek(m_path);
        const int left = error.isEmpty() ? 0 : 1;
        QCOMPARE(peek.value(QStringLiteral("SELECT count(*) FROM rollout_waves "
                                           "WHERE rollout_id = %1")
                                .arg(r.id))
                     .toInt(),
            left * r.waves.size());
        QCOMPARE(peek.value(QStringLiteral("SELECT count(*) FROM rollout_devices "
                                           "WHERE rollout_id = %1")
                                .arg(r.id))
                     .toInt(),
            left * r.devices.size());
        QCOMPARE(peek.value(QStringLiteral("SELECT count(*) FROM rollout_samples "
                                           "WHERE rollout_id = %1")
                                .arg(r.id))
                     .toInt(),
            left * r.samples.size());
    }

    void deleteUnknownAndIdsNotReused()
    {
        CacheStore store;
        QCOMPARE(open(store, m_path), QString());
        const QString error = deleteRollout(store, 42);
        QVERIFY2(error.contains(QLatin1String("no rollout 42")), qPrintable(error));

        Rollout r = sampleRollout();
        r.state = RolloutState::Completed;
        const qint64 id = createRollout(store, r, ActivityRecord {});
        QCOMPARE(deleteRollout(store, id), QString());
        QVERIFY(createRollout(store, r, ActivityRecord {}) > id);
    }

    void destroyedRightAfterSave()
    {
        Rollout r = sampleRollout();
        RolloutUpdate update;
        {
            CacheStore store;
            QCOMPARE(open(store, m_path), QString());
            r.id = createRollout(store, r, ActivityRecord {});
            update.id = r.id;
            update.state = RolloutState::Aborted;
            update.finishedMs = 1700000500000;
            update.waves = r.waves;
            RolloutDevice d = r.devices.at(1);
            d.state = RolloutDeviceState::Cancelled;
            update.devices = {d};
            update.samples = {{1700000500000, 0, 1, 0}};
            update.activity = {activityRow(QStringLiteral("abort"))};
            bool called = false;
            store.saveRollout(update, [&called](const QString &) { called = true; });
            QVERIFY(!called); // the store is destroyed before it could report
        }
        CacheStore store;
        QCOMPARE(open(store, m_path), QString());
        const QList<Rollout> loaded = loadRollouts(store);
        QCOMPARE(loaded.size(), 1);
        COMPARE_ROLLOUT(loaded[0], applied(r, update));
        QCOMPARE(activity(store, 0).size(), 1);
    }

    void tenThousandDevices()
    {
        constexpr int Devices = 10000;
        Rollout r = sampleRollout(0);
        for (int i = 0; i < Devices; ++i) {
            RolloutDevice d = rolloutDevice(i, i < 500 ? 0 : (i < 2500 ? 1 : 2),
                i % 50 == 0 ? RolloutDeviceState::Failed : RolloutDeviceState::Pending);
            r.devices.append(d);
        }
        for (int i = 0; i < 300; ++i)
            r.samples.append({1700000000000 + i * 60000LL, i, i / 10, Devices - i});

        CacheStore store;
        QCOMPARE(open(store, m_path), QString());
        QElapsedTimer timer;
        timer.start();
        QString error;
        r.id = createRollout(store, r, activityRow(QStringLiteral("start")), &error);
        const qint64 createMs = timer.elapsed();
        QCOMPARE(error, QString());

        timer.restart();
        const QList<Rollout> loaded = loadRollouts(store, &error);
        const qint64 loadMs = timer.elapsed();
        QCOMPARE(error, QString());
        QCOMPARE(loaded.size(), 1);
        COMPARE_ROLLOUT(loaded[0], r);

        // a save of every device (a wave's worth of state changes is usually far less)
        RolloutUpdate update;
        update.id = r.id;
        update.waves = r.waves;
        update.devices = r.devices;
        for (RolloutDevice &d : update.devices)
            d.state = RolloutDeviceState::Waiting;
        timer.restart();
        QCOMPARE(saveRollout(store, update), QString());
        const qint64 saveMs = timer.elapsed();

        qInfo().noquote() << QStringLiteral("rollout of %1 devices: create %2 ms, load %3 ms, "
                                            "save of all devices %4 ms")
                                 .arg(Devices)
                                 .arg(createMs)
                                 .arg(loadMs)
                                 .arg(saveMs);
        // Far above the expected figures (well under a second each), so that a slow machine
        // does not fail; a regression to per-row round trips would still show in the log.
        QVERIFY2(createMs < 10000, qPrintable(QString::number(createMs)));
        QVERIFY2(loadMs < 10000, qPrintable(QString::number(loadMs)));
    }

private:
    std::optional<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestCacheRollouts)
#include "tst_cacherollouts.moc"
