// SPDX-License-Identifier: MIT
// A cache damaged on disk (a record overwritten, a page of garbage, a broken schema): loading it
// reads everything that can be read and says exactly what could not be, changes not yet sent are
// never dropped without being named, repairing rebuilds a whole cache and keeps the damaged file,
// and a file that cannot be opened at all can be set aside.
#include "store/devicecodec.h"
#include "storetest.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>

using namespace StoreTest;

namespace {

constexpr int Devices = 2000;
constexpr int Changes = 300;

// A cache file with a fleet and `Changes` changes not yet sent (big enough to span many pages).
void writeCache(const QString &path)
{
    CacheStore store;
    QVERIFY(open(store, path).isEmpty());
    ChangeSet fleet;
    for (int i = 0; i < Devices; ++i)
        fleet.devices.append(fleetDevice(i));
    Domain::Group group;
    group.name = QStringLiteral("customer1");
    group.description = QStringLiteral("Customer one [flotilla:customer]");
    fleet.groups.append(group);
    Domain::Firmware firmware;
    firmware.version = 12;
    firmware.title = QStringLiteral("v12");
    firmware.groups = {QStringLiteral("customer1")};
    fleet.firmware.append(firmware);
    fleet.customers.append({QStringLiteral("c1"), QStringLiteral("c1@example.com")});
    QCOMPARE(applyPull(store, fleet, {{QStringLiteral("last_full_pull_ms"), QStringLiteral("1")}}),
        QString());
    for (int edit = 0; edit < Changes / 10; ++edit) {
        LocalEdit local;
        for (int i = 0; i < 10; ++i) {
            OutboxEntry e;
            e.kind = QStringLiteral("device.groups");
            for (int d = 0; d < 8; ++d)
                e.deviceIds.append(fleetDevice(edit * 80 + i * 8 + d).id);
            e.payload
                = QJsonObject {{QStringLiteral("add"), QJsonArray {QStringLiteral("customer2")}},
                    {QStringLiteral("remove"), QJsonArray {QStringLiteral("customer1")}}};
            local.outbox.append(e);
        }
        local.activity.actor = QStringLiteral("ops@example.com");
        local.activity.action = QStringLiteral("move");
        local.activity.subject = QStringLiteral("80 devices to Customer two");
        QString error;
        QCOMPARE(applyLocalEdit(store, local, &error).size(), 10);
        QCOMPARE(error, QString());
    }
}

// A writable connection to the file, as another program (or a disk error) would change it.
class Raw final
{
public:
    explicit Raw(const QString &path)
        : m_name(QStringLiteral("raw.%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~Raw()
    {
        QSqlDatabase::database(m_name).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(Raw)
    bool exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        if (!query.exec(sql))
            qWarning() << sql << query.lastError().text();
        return !query.lastError().isValid();
    }
    QList<QVariant> column(const QString &sql)
    {
        QList<QVariant> values;
        QSqlQuery query(QSqlDatabase::database(m_name));
        if (query.exec(sql)) {
            while (query.next())
                values.append(query.value(0));
        }
        return values;
    }

private:
    static inline int s_count = 0;
    QString m_name;
};

// Overwrites page `page` (1-based) of the file with bytes that are no valid page.
bool garblePage(const QString &path, qint64 page)
{
    qint64 pageSize = 0;
    {
        Raw raw(path);
        pageSize = raw.column(QStringLiteral("PRAGMA page_size")).value(0).toLongLong();
    }
    QFile file(path);
    if (pageSize <= 0 || !file.open(QIODevice::ReadWrite) || !file.seek((page - 1) * pageSize))
        return false;
    return file.write(QByteArray(static_cast<int>(pageSize), '\xa5')) == pageSize;
}

// The `n`th leaf page of a table (from the dbstat table of SQLite).
qint64 leafPage(const QString &path, const QString &table, int n)
{
    Raw raw(path);
    const QList<QVariant> pages
        = raw.column(QStringLiteral("SELECT pageno FROM dbstat WHERE name = '%1' AND "
                                    "pagetype = 'leaf' ORDER BY pageno")
                         .arg(table));
    return n < pages.size() ? pages.at(n).toLongLong() : 0;
}

QSet<qint64> ids(const QList<OutboxEntry> &entries)
{
    QSet<qint64> set;
    for (const OutboxEntry &e : entries)
        set.insert(e.id);
    return set;
}

RepairReport repair(CacheStore &store, QString *error)
{
    const auto r = await<RepairReport, QString>([&](auto done) { store.repair(done); });
    *error = r ? std::get<1>(*r) : timeoutError();
    return r ? std::get<0>(*r) : RepairReport();
}

} // namespace

class TestCacheDamage final : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    QList<OutboxEntry> m_changes; // as written, before any damage

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        static int n = 0;
        m_path = m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++n));
        writeCache(m_path);
        CacheStore store;
        QCOMPARE(open(store, m_path), QString());
        m_changes = pendingOutbox(store);
        QCOMPARE(m_changes.size(), Changes);
    }

    void wholeCacheHasNoDamage()
    {
        CacheStore store;
        QCOMPARE(open(store, m_path), QString());
        QString error;
        const Snapshot s = load(store, &error);
        QCOMPARE(error, QString());
        QVERIFY(s.damage.isEmpty());
        QCOMPARE(s.devices.size(), Devices);
        QCOMPARE(s.outbox.size(), Changes);
    }

    // A cache written before devices had an IMEI holds device records of format 1: it is read
    // whole (no damage, nothing to repair), every device as it was, with no IMEI.
    void formerDeviceRecordsAreRead()
    {
        {
            Raw raw(m_path);
            QVERIFY(raw.exec(QStringLiteral("BEGIN")));
            for (int i = 0; i < Devices; ++i) {
                const Domain::Device d = fleetDevice(i);
                QVERIFY(d.imei.isEmpty());
                const QByteArray current = DeviceCodec::encode(d);
                // Format 1 is format 2 without the IMEI, which follows the ICCID. The flags and
                // every length here are below 128: one byte each.
                qsizetype at = 2;
                for (const QString *text : {&d.id, &d.name, &d.serialNumber, &d.iccid})
                    at += 1 + text->toUtf8().size();
                QCOMPARE(current.at(at), '\0'); // the empty IMEI
                QByteArray former = current.left(at) + current.mid(at + 1);
                former[0] = '\x01';
                QVERIFY(raw.exec(QStringLiteral("UPDATE devices SET data = x'%1' WHERE id = '%2'")
                                     .arg(QString::fromLatin1(former.toHex()), d.id)));
            }
            QVERIFY(raw.exec(QStringLiteral("COMMIT")));
        }
        CacheStore store;
        QCOMPARE(open(store, m_path), QString());
        QString error;
        const Snapshot s = load(store, &error);
        QCOMPARE(error, QString());
        QVERIFY(s.damage.isEmpty());
        QCOMPARE(s.devices.size(), Devices);
        QCOMPARE(ids(s.outbox), ids(m_changes));
        QHash<QString, Domain::Device> read;
        for (const Domain::Device &d : s.devices)
            read.insert(d.id, d);
        for (int i = 0; i < Devices; ++i)
            QVERIFY(read.value(fleetDevice(i).id) == fleetDevice(i));
    }

    // Kinds of damage whose repair loses nothing that the cloud does not have.
    void damageOfTheFleetIsRepaired_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("a device record overwritten") << QStringLiteral("record");
        QTest::newRow("a page of the devices table") << QStringLiteral("devices page");
        QTest::newRow("the groups table unreadable") << QStringLiteral("groups");
    }
    void damageOfTheFleetIsRepaired()
    {
        QFETCH(QString, kind);
        const QString damagedId = fleetDevice(5).id;
        if (kind == QLatin1String("record")) {
            Raw raw(m_path);
            QVERIFY(raw.exec(
                QStringLiteral("UPDATE devices SET data = x'00' WHERE id = '%1'").arg(damagedId)));
        } else if (kind == QLatin1String("devices page")) {
            const qint64 page = leafPage(m_path, QStringLiteral("devices"), 10);
            if (page == 0)
                QSKIP("SQLite's dbstat table is not available");
            QVERIFY(garblePage(m_path, page));
        } else {
            Raw raw(m_path);
            QVERIFY(raw.exec(QStringLiteral("DROP TABLE groups")));
        }

        CacheStore store;
        QCOMPARE(open(store, m_path), QString());
        QString error;
        const Snapshot s = load(store, &error);
        QCOMPARE(error, QString());
        QVERIFY(!s.damage.isEmpty());
        QVERIFY2(!s.damage.problems.isEmpty(), "the damage is described");
        // Every change not yet sent was read, so the repair loses nothing the cloud lacks.
        QVERIFY(!s.damage.losesChanges());
        QCOMPARE(ids(s.outbox), ids(m_changes));
        if (kind == QLatin1String("record")) {
            QCOMPARE(s.damage.devices, QStringList {damagedId});
            QCOMPARE(s.devices.size(), Devices - 1);
        } else if (kind == QLatin1String("devices page")) {
            QVERIFY(s.damage.fleetIncomplete);
            QVERIFY(s.devices.size() < Devices);
            QVERIFY2(s.devices.size() > Devices - 100, "only the damaged page is missing");
        } else {
            QVERIFY(s.damage.fleetIncomplete);
            QCOMPARE(s.devices.size(), Devices);
        }
        for (const Domain::Device &d : s.devices)
            QVERIFY(d.id != damagedId || kind == QLatin1String("devices page")
                || kind == QLatin1String("groups"));

        const RepairReport report = repair(store, &error);
        QCOMPARE(error, QString());
        QCOMPARE(report.changesKept, Changes);
        QCOMPARE(report.changesDropped, 0);
        QVERIFY(QFileInfo::exists(report.damagedCopy));
        QVERIFY(report.damagedCopy.startsWith(m_path + QStringLiteral(".damaged-")));
        // The rebuilt cache is whole, holds what could be read, and its changes unchanged.
        const Snapshot after = load(store, &error);
        QCOMPARE(error, QString());
        QVERIFY2(after.damage.isEmpty(), qPrintable(after.damage.problems.join(u'\n')));
        QCOMPARE(after.devices.size(), s.devices.size());
        QCOMPARE(after.outbox.size(), Changes);
        for (qsizetype i = 0; i < Changes; ++i) {
            QCOMPARE(after.outbox.at(i).id, m_changes.at(i).id);
            QCOMPARE(after.outbox.at(i).payload, m_changes.at(i).payload);
            QCOMPARE(after.outbox.at(i).deviceIds, m_changes.at(i).deviceIds);
        }
        QVERIFY2(!after.syncState.contains(QStringLiteral("last_full_pull_ms")),
            "a full pull is due after a repair");
        // The activity log came along, and new ids never reuse old ones.
        QCOMPARE(activity(store, 0).size(), Changes / 10);
        LocalEdit more;
        OutboxEntry e;
        e.kind = QStringLiteral("device.update");
        e.deviceIds = {fleetDevice(1).id};
        e.payload = QJsonObject {{QStringLiteral("fields"), QJsonObject()}};
        more.outbox.append(e);
        const QList<qint64> newIds = applyLocalEdit(store, more, &error);
        QCOMPARE(error, QString());
        QCOMPARE(newIds.size(), 1);
        QVERIFY(newIds.first() > m_changes.last().id);
    }

    // Kinds of damage that lose changes not yet sent: each lost one is named (by id), the
    // readable ones are kept, and nothing is dropped before the repair is asked for.
    void damageOfTheChangesIsNamed_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("a change's content overwritten") << QStringLiteral("payload");
        QTest::newRow("a change's devices overwritten") << QStringLiteral("devices");
        QTest::newRow("a page of the outbox") << QStringLiteral("outbox page");
        QTest::newRow("the outbox table gone") << QStringLiteral("schema");
    }
    void damageOfTheChangesIsNamed()
    {
        QFETCH(QString, kind);
        const qint64 victim = m_changes.at(123).id;
        if (kind == QLatin1String("payload")) {
            Raw raw(m_path);
            QVERIFY(
                raw.exec(QStringLiteral("UPDATE outbox SET payload = '{\"add\": [' WHERE id = %1")
                             .arg(victim)));
        } else if (kind == QLatin1String("devices")) {
            Raw raw(m_path);
            QVERIFY(raw.exec(
                QStringLiteral("UPDATE outbox SET device_ids = '[\"x\x01\"]' WHERE id = %1")
                    .arg(victim)));
        } else if (kind == QLatin1String("outbox page")) {
            const qint64 page = leafPage(m_path, QStringLiteral("outbox"), 5);
            if (page == 0)
                QSKIP("SQLite's dbstat table is not available");
            QVERIFY(garblePage(m_path, page));
        } else {
            Raw raw(m_path);
            QVERIFY(raw.exec(QStringLiteral("DROP TABLE activity")));
            QVERIFY(raw.exec(QStringLiteral("DROP TABLE outbox")));
        }

        CacheStore store;
        QCOMPARE(open(store, m_path), QString());
        QString error;
        const Snapshot s = load(store, &error);
        QCOMPARE(error, QString());
        QVERIFY(s.damage.losesChanges());
        QVERIFY(!s.damage.problems.isEmpty());
        if (kind == QLatin1String("schema")) {
            QVERIFY(s.damage.changesMayBeMissing);
            QVERIFY(s.outbox.isEmpty());
        } else {
            // Read and lost together are exactly the changes written: none vanished unnamed.
            const QSet<qint64> read = ids(s.outbox);
            const QSet<qint64> lost = ids(s.damage.lostChanges);
            QVERIFY(!lost.isEmpty());
            QVERIFY(!read.intersects(lost));
            QCOMPARE(read + lost, ids(m_changes));
            if (kind != QLatin1String("outbox page"))
                QCOMPARE(lost, QSet<qint64> {victim});
            else
                QVERIFY2(lost.size() < 40, "only the changes on the damaged page are lost");
        }
        // Loading changes nothing: the file is left as it is until a repair is asked for.
        const Snapshot again = load(store, &error);
        QCOMPARE(ids(again.outbox), ids(s.outbox));
        QCOMPARE(ids(again.damage.lostChanges), ids(s.damage.lostChanges));

        const RepairReport report = repair(store, &error);
        QCOMPARE(error, QString());
        QCOMPARE(report.changesKept, s.outbox.size());
        if (kind != QLatin1String("schema"))
            QCOMPARE(report.changesDropped, s.damage.lostChanges.size());
        const Snapshot after = load(store, &error);
        QCOMPARE(error, QString());
        QVERIFY2(after.damage.isEmpty(), qPrintable(after.damage.problems.join(u'\n')));
        QCOMPARE(ids(after.outbox), ids(s.outbox));
        QCOMPARE(after.devices.size(), Devices);
    }

    // A file that cannot be opened as a cache (its first page destroyed) is refused, and can
    // be set aside, unchanged, for a new cache.
    void unreadableFileIsRefusedAndCanBeSetAside()
    {
        QVERIFY(garblePage(m_path, 1));
        QFile before(m_path);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray bytes = before.readAll();
        before.close();
        CacheStore store;
        const QString error = open(store, m_path);
        QVERIFY2(!error.isEmpty(), "a destroyed file is refused");
        const auto r = await<QString, QString>([&](auto done) { store.setAside(m_path, done); });
        QVERIFY(r);
        const auto &[copy, setAsideError] = *r;
        QCOMPARE(setAsideError, QString());
        QFile kept(copy);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), bytes);
        QString loadError;
        const Snapshot s = load(store, &loadError);
        QCOMPARE(loadError, QString());
        QVERIFY(s.damage.isEmpty());
        QVERIFY(s.devices.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCacheDamage)
#include "tst_cachedamage.moc"
