// SPDX-License-Identifier: MIT
// Importing devices into the product through the outbox, against the sandbox over real HTTP:
// factory stock named by serial number, ICCID, IMEI or device ID comes into the product and
// lands where its rows say (claimed to the customer's account when the customer has one), with
// its name and notes; unknown identifiers are refused and said; an import queued while the cloud
// cannot be reached goes once it can; an import sent again (its answer lost, or queued twice)
// changes nothing more; a damaged import is refused with a clear message.
#include "remote/particleclient.h"
#include "sandboxconsole.h"
#include "sandboxprocess.h"
#include "store/cachestore.h"
#include "sync/importoutcome.h"
#include "sync/outboxops.h"
#include "sync/pushhandlers.h"
#include "sync/syncengine.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Flotilla;
using Flotilla::Sync::Outbox::ImportPlacement;
using Flotilla::Test::cloudDevices;
using Flotilla::Test::Http;
using Flotilla::Test::routeCount;
using Flotilla::Test::SandboxProcess;

namespace {

const QString Acme = QStringLiteral("acme@customers.flotilla.example");
const QString ImportRoute = QStringLiteral("POST /v1/products/:p/devices");

// The data layer of one console, on a cache file of its own, and how a test imports.
struct Console : TestSupport::SandboxConsole
{
    using SandboxConsole::SandboxConsole;
    QString import(const QList<ImportPlacement> &placements)
    {
        return engine->applyEdit(QStringLiteral("import"), QStringLiteral("an import"),
            {Sync::Outbox::importDevices(placements)});
    }
};

// A unit of the factory stock, as GET /admin/stock lists it.
struct Unit
{
    QString id;
    QString serial;
    QString iccid;
    QString imei;
};

// `list`: "stock" (the factory stock) or "other_product" (units of another product).
QList<Unit> factoryStock(SandboxProcess &sandbox, const QString &list = QStringLiteral("stock"))
{
    QList<Unit> out;
    const QJsonArray stock = Http(sandbox.adminToken())
                                 .get(sandbox.url(QStringLiteral("/admin/stock")))
                                 .json()
                                 .value(list)
                                 .toArray();
    for (const QJsonValue &v : stock) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QStringLiteral("id")).toString(),
            o.value(QStringLiteral("serial_number")).toString(),
            o.value(QStringLiteral("iccid")).toString(),
            o.value(QStringLiteral("imei")).toString()});
    }
    return out;
}

ImportPlacement placement(const QString &identifier, std::optional<Domain::MoveTarget> target,
    std::optional<QString> name = std::nullopt, std::optional<QString> notes = std::nullopt)
{
    return ImportPlacement {identifier, std::move(target), std::move(name), std::move(notes)};
}

// The groups of the tree a device is in (labels left out), and its owner, name and notes: what
// an import may change.
struct Placed
{
    QStringList groups;
    QString owner;
    QString name;
    QString notes;
    bool operator==(const Placed &) const = default;
};

Placed placedOf(const Domain::Device &d)
{
    QStringList groups;
    for (const QString &g : d.groups) {
        if (g != QLatin1String("beta-testers") && g != QLatin1String("low-battery"))
            groups.append(g);
    }
    return {groups, d.owner, d.name, d.notes};
}

QHash<QString, Placed> placedInCloud(SandboxProcess &sandbox)
{
    QHash<QString, Placed> out;
    const QHash<QString, Domain::Device> cloud = cloudDevices(sandbox);
    for (auto it = cloud.cbegin(); it != cloud.cend(); ++it)
        out.insert(it.key(), placedOf(*it));
    return out;
}

// Requests that change devices (group batches, device updates, claims, unclaims).
int changeRequests(SandboxProcess &sandbox)
{
    return routeCount(sandbox, QStringLiteral("PUT /v1/products/:p/devices"))
        + routeCount(sandbox, QStringLiteral("PUT /v1/products/:p/devices/:id"))
        + routeCount(sandbox, QStringLiteral("POST /v1/devices"))
        + routeCount(sandbox, QStringLiteral("DELETE /v1/products/:p/devices/:id/owner"));
}

} // namespace

class TestDeviceImport final : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString cache(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        qRegisterMetaType<Sync::ImportOutcome>();
    }

    void importKindHasAHandler()
    {
        QVERIFY(Sync::Detail::PushHandlers::handles(Sync::Outbox::DeviceImport));
    }

    void placementsRoundTrip()
    {
        const QList<ImportPlacement> placements {
            placement(QStringLiteral("B40KLA123456789"),
                Domain::MoveTarget::node(QStringLiteral("acme--berlin")), QStringLiteral("pump"),
                QStringLiteral("dock 4")),
            placement(QStringLiteral("89012601234567890123"), Domain::MoveTarget::returns()),
            placement(QStringLiteral("350000000000001"), Domain::MoveTarget::unassigned(),
                QString(), QString()), // names and notes set to nothing
            placement(QStringLiteral("e00fce68aaaaaaaaaaaaaaaa"), std::nullopt, std::nullopt,
                QStringLiteral("only notes")),
        };
        const Store::OutboxEntry entry = Sync::Outbox::importDevices(placements);
        QCOMPARE(entry.kind, QString(Sync::Outbox::DeviceImport));
        QVERIFY(entry.deviceIds.isEmpty()); // not in the fleet yet
        QString error = QStringLiteral("not cleared");
        QCOMPARE(Sync::Outbox::placementsOf(entry, &error), placements);
        QVERIFY(error.isEmpty());
        // No local effect: nothing of a device changes, whatever it is.
        Domain::Device device;
        device.id = QStringLiteral("e00fce68aaaaaaaaaaaaaaaa");
        device.name = QStringLiteral("before");
        const Domain::Device before = device;
        Sync::Outbox::applyToDevice(device, entry, true);
        QVERIFY(device == before);
    }

    void damagedPayloadsGiveNoPlacements_data()
    {
        QTest::addColumn<QByteArray>("payload");
        const auto row
            = [](const char *name, const char *json) { QTest::newRow(name) << QByteArray(json); };
        row("empty object", "{}");
        row("placements not a list", R"({"placements": {}})");
        row("no placements", R"({"placements": []})");
        row("unknown field beside", R"({"placements": [{"identifier": "x"}], "more": 1})");
        row("row not an object", R"({"placements": ["B40KLA123456789"]})");
        row("no identifier", R"({"placements": [{"target": {"kind": "returns"}}]})");
        row("blank identifier", R"({"placements": [{"identifier": "   "}]})");
        row("identifier a number", R"({"placements": [{"identifier": 12}]})");
        row("identifier of two lines", R"({"placements": [{"identifier": "a\nb"}]})");
        row("unknown kind of target",
            R"({"placements": [{"identifier": "x", "target": {"kind": "moon"}}]})");
        row("node without a path",
            R"({"placements": [{"identifier": "x", "target": {"kind": "node"}}]})");
        row("node with an empty path",
            R"({"placements": [{"identifier": "x", "target": {"kind": "node", "path": ""}}]})");
        row("pool with a path",
            R"({"placements": [{"identifier": "x", "target": )"
            R"({"kind": "returns", "path": "acme"}}]})");
        row("target a string", R"({"placements": [{"identifier": "x", "target": "returns"}]})");
        row("target null", R"({"placements": [{"identifier": "x", "target": null}]})");
        row("name a number", R"({"placements": [{"identifier": "x", "name": 3}]})");
        row("notes null", R"({"placements": [{"identifier": "x", "notes": null}]})");
        row("unknown field in a row", R"({"placements": [{"identifier": "x", "owner": "y"}]})");
        row("one bad row among good ones",
            R"({"placements": [{"identifier": "x"}, {"identifier": "y", "name": []}]})");
    }
    void damagedPayloadsGiveNoPlacements()
    {
        QFETCH(QByteArray, payload);
        Store::OutboxEntry entry;
        entry.kind = Sync::Outbox::DeviceImport;
        QJsonParseError parse;
        entry.payload = QJsonDocument::fromJson(payload, &parse).object();
        QCOMPARE(parse.error, QJsonParseError::NoError);
        QString error;
        QVERIFY(Sync::Outbox::placementsOf(entry, &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void requestsOfAnImport_data()
    {
        QTest::addColumn<int>("identifiers");
        QTest::addColumn<int>("fleet");
        QTest::addColumn<int>("pageSize");
        QTest::addColumn<int>("requests");
        // ceil(n / 1000) imports, then groups, releases, customers and the pages of devices.
        QTest::newRow("nothing") << 0 << 1000 << 100 << 0;
        QTest::newRow("one into an empty product") << 1 << 0 << 100 << 1 + 3 + 1;
        QTest::newRow("300 into 2,000") << 300 << 2000 << 100 << 1 + 3 + 23;
        QTest::newRow("1,000: one import") << 1000 << 0 << 1000 << 1 + 3 + 1;
        QTest::newRow("1,001: two imports") << 1001 << 0 << 1000 << 2 + 3 + 2;
        QTest::newRow("2,500 into 100,000") << 2500 << 100000 << 1000 << 3 + 3 + 103;
    }
    void requestsOfAnImport()
    {
        QFETCH(int, identifiers);
        QFETCH(int, fleet);
        QFETCH(int, pageSize);
        QFETCH(int, requests);
        QCOMPARE(Sync::Outbox::importRequests(identifiers, fleet, pageSize), requests);
    }

    void importPlacesDevicesAtTheirTargets()
    {
        SandboxProcess sandbox;
        // Simulated time nearly stopped: the cloud holds still while it is compared.
        QVERIFY(sandbox.start(
            {QStringLiteral("--devices"), QStringLiteral("600"), QStringLiteral("--stock"),
                QStringLiteral("40"), QStringLiteral("--time-scale"), QStringLiteral("0.001")}));
        const QList<Unit> stock = factoryStock(sandbox);
        QCOMPARE(stock.size(), 40);
        Console console(sandbox, cache("import.sqlite"));
        QVERIFY(console.load());
        QVERIFY(console.pull());
        const QHash<QString, Placed> before = placedInCloud(sandbox);
        QCOMPARE(before.size(), 600);

        // What each stock unit must end as, by its device ID.
        QHash<QString, Placed> expected;
        QList<ImportPlacement> rows;
        QStringList identifiers;
        const auto add = [&](const Unit &unit, const QString &identifier,
                             std::optional<Domain::MoveTarget> target, std::optional<QString> name,
                             std::optional<QString> notes, const Placed &placed) {
            rows.append(placement(identifier, target, name, notes));
            identifiers.append(identifier);
            expected.insert(unit.id, placed);
        };
        const QStringList berlin {QStringLiteral("acme"), QStringLiteral("acme--berlin")};
        const QStringList fieldA {QStringLiteral("cobalt"), QStringLiteral("cobalt--field-a")};
        const QStringList vessels {QStringLiteral("fjord"), QStringLiteral("fjord--vessels")};
        const QStringList returns {QStringLiteral("flotilla-returns")};
        for (int i = 0; i < 20; ++i) {
            const Unit &u = stock.at(i);
            const QString name = QStringLiteral("imported-%1").arg(i);
            const QString notes = QStringLiteral("row %1").arg(i + 2);
            // A few identifiers as people type them: other case, spaces around.
            const QString serial
                = i % 7 == 3 ? QStringLiteral("  %1 ").arg(u.serial.toLower()) : u.serial;
            if (i < 10) // a customer linked to an account: claimed to it
                add(u, serial, Domain::MoveTarget::node(QStringLiteral("acme--berlin")), name,
                    notes, {berlin, Acme, name, notes});
            else
                add(u, serial, Domain::MoveTarget::node(QStringLiteral("cobalt--field-a")), name,
                    notes, {fieldA, QString(), name, notes});
        }
        for (int i = 20; i < 25; ++i)
            add(stock.at(i), stock.at(i).iccid, Domain::MoveTarget::returns(), std::nullopt,
                std::nullopt, {returns, QString(), QString(), QString()});
        for (int i = 25; i < 30; ++i) {
            const QString name = QStringLiteral("vessel-%1").arg(i);
            add(stock.at(i), stock.at(i).imei,
                Domain::MoveTarget::node(QStringLiteral("fjord--vessels")), name, std::nullopt,
                {vessels, QString(), name, QString()});
        }
        add(stock.at(30), stock.at(30).id.toUpper(), Domain::MoveTarget::unassigned(),
            QStringLiteral("spare"), std::nullopt, {{}, QString(), QStringLiteral("spare"), {}});
        add(stock.at(31), stock.at(31).id, std::nullopt, std::nullopt,
            QStringLiteral("no place given"),
            {{}, QString(), QString(), QStringLiteral("no place given")});
        const QStringList unknown {QStringLiteral("B40KLA000000001"),
            QStringLiteral("B40KLA000000002"), QStringLiteral("B40KLA000000003")};
        for (const QString &serial : unknown)
            rows.append(placement(
                serial, Domain::MoveTarget::node(QStringLiteral("acme--berlin")), serial));

        QSignalSpy finished(console.engine.get(), &Sync::SyncEngine::importFinished);
        QSignalSpy failed(console.engine.get(), &Sync::SyncEngine::changeFailed);
        const int imports = routeCount(sandbox, ImportRoute);
        QCOMPARE(console.import(rows), QString());
        QVERIFY(console.pushed());
        QCOMPARE(failed.count(), 0);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(routeCount(sandbox, ImportRoute) - imports, 1); // one request for 35 rows

        const auto outcome = finished.first().first().value<Sync::ImportOutcome>();
        QVERIFY(outcome.entryId > 0);
        QStringList imported = outcome.imported;
        QStringList trimmed;
        for (const QString &identifier : std::as_const(identifiers))
            trimmed.append(identifier.trimmed());
        imported.sort();
        trimmed.sort();
        QCOMPARE(imported, trimmed);
        QVERIFY(outcome.existing.isEmpty());
        QCOMPARE(outcome.refused.size(), 3);
        for (const QString &serial : unknown)
            QCOMPARE(outcome.refused.value(serial), QStringLiteral("unknown to Particle"));
        QVERIFY(outcome.notFound.isEmpty());
        QVERIFY(outcome.unplaced.isEmpty());
        QCOMPARE(outcome.deviceIds.size(), 32);
        for (int i = 0; i < 32; ++i)
            QCOMPARE(outcome.deviceIds.value(identifiers.at(i).trimmed()), stock.at(i).id);

        // The cloud: the 32 where their rows put them, everything else as it was.
        const QHash<QString, Placed> after = placedInCloud(sandbox);
        QCOMPARE(after.size(), 600 + 32);
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QVERIFY2(after.contains(it.key()), qPrintable(it.key()));
            QCOMPARE(after.value(it.key()).groups, it->groups);
            QCOMPARE(after.value(it.key()).owner, it->owner);
            QCOMPARE(after.value(it.key()).name, it->name);
            QCOMPARE(after.value(it.key()).notes, it->notes);
        }
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QVERIFY2(after.value(it.key()) == *it, qPrintable(it.key()));
        // The console agrees, and knows each new device by its identifiers.
        for (int i = 0; i < 32; ++i) {
            const Domain::Device d = console.engine->state().devices.value(stock.at(i).id);
            QVERIFY(placedOf(d) == expected.value(stock.at(i).id));
            QCOMPARE(d.serialNumber, stock.at(i).serial);
            QCOMPARE(d.iccid, stock.at(i).iccid);
            QCOMPARE(d.imei, stock.at(i).imei);
        }

        // The activity log says what happened, as people read it.
        bool logged = false;
        console.store->activity(0, [&](QList<Store::ActivityRecord> log) {
            for (const Store::ActivityRecord &r : log) {
                if (r.action == QLatin1String("import")
                    && r.subject
                        == QLatin1String("Imported 32 devices into the product; 3 refused "
                                         "(unknown to Particle)")) {
                    QVERIFY(r.detail.contains(QStringLiteral("B40KLA000000002")));
                    logged = true;
                }
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(logged, 30000);

        // Queued again (the same rows, or an answer lost and the import sent again): the
        // devices are "existing", already in place, and nothing more is sent but the import and
        // the pull that looks for the devices.
        const int changes = changeRequests(sandbox);
        finished.clear();
        QCOMPARE(console.import(rows), QString());
        QVERIFY(console.pushed());
        QCOMPARE(failed.count(), 0);
        QCOMPARE(finished.count(), 1);
        const auto again = finished.first().first().value<Sync::ImportOutcome>();
        QVERIFY(again.imported.isEmpty());
        QCOMPARE(again.existing.size(), 32);
        QCOMPARE(again.refused.size(), 3);
        QCOMPARE(again.deviceIds, outcome.deviceIds);
        QCOMPARE(changeRequests(sandbox), changes);
        QVERIFY(placedInCloud(sandbox) == after);

        // Undone, the way an undo sends it: the same kind, to Unassigned, names and notes as
        // they are. The customer's account lets its devices go.
        QList<ImportPlacement> undo;
        for (int i = 0; i < 10; ++i)
            undo.append(placement(stock.at(i).serial, Domain::MoveTarget::unassigned()));
        QCOMPARE(console.import(undo), QString());
        QVERIFY(console.pushed());
        QCOMPARE(failed.count(), 0);
        const QHash<QString, Placed> undone = placedInCloud(sandbox);
        for (int i = 0; i < 10; ++i) {
            const Placed p = undone.value(stock.at(i).id);
            QVERIFY(p.groups.isEmpty());
            QVERIFY(p.owner.isEmpty());
            QCOMPARE(p.name, QStringLiteral("imported-%1").arg(i));
        }
    }

    void importQueuedOfflineGoesOnceTheCloudIsThere()
    {
        QTemporaryDir stateDir;
        QVERIFY(stateDir.isValid());
        const QStringList arguments {QStringLiteral("--devices"), QStringLiteral("300"),
            QStringLiteral("--stock"), QStringLiteral("10"), QStringLiteral("--time-scale"),
            QStringLiteral("0.001"), QStringLiteral("--state"),
            stateDir.filePath(QStringLiteral("cloud.sqlite"))};
        auto sandbox = std::make_unique<SandboxProcess>();
        QVERIFY(sandbox->start(arguments));
        const QList<Unit> stock = factoryStock(*sandbox);
        QCOMPARE(stock.size(), 10);
        const QString port = QString::number(sandbox->url().port());
        Console console(*sandbox, cache("offline.sqlite"));
        QVERIFY(console.load());
        QVERIFY(console.pull());

        // The cloud goes away (its state kept); the import is queued and cannot go.
        QCOMPARE(sandbox->stop(), 0);
        QSignalSpy online(console.engine.get(), &Sync::SyncEngine::onlineChanged);
        QList<ImportPlacement> rows;
        for (const Unit &u : stock)
            rows.append(
                placement(u.serial, Domain::MoveTarget::node(QStringLiteral("acme--berlin")),
                    QStringLiteral("offline-%1").arg(u.serial)));
        QSignalSpy finished(console.engine.get(), &Sync::SyncEngine::importFinished);
        QCOMPARE(console.import(rows), QString());
        QVERIFY(online.wait(60000));
        QVERIFY(!console.engine->isOnline());
        QCOMPARE(console.engine->pendingCount(), 1);
        QCOMPARE(finished.count(), 0);

        // Back at the same address: the retries find it, and the import goes.
        sandbox = std::make_unique<SandboxProcess>();
        QVERIFY(sandbox->start(arguments + QStringList {QStringLiteral("--port"), port}));
        QVERIFY(console.pushed());
        QCOMPARE(finished.count(), 1);
        const auto outcome = finished.first().first().value<Sync::ImportOutcome>();
        QCOMPARE(outcome.imported.size(), 10);
        QVERIFY(outcome.refused.isEmpty());
        const QHash<QString, Domain::Device> cloud = cloudDevices(*sandbox);
        for (const Unit &u : stock) {
            QVERIFY2(cloud.contains(u.id), qPrintable(u.id));
            QVERIFY(cloud.value(u.id).groups.contains(QStringLiteral("acme--berlin")));
            QCOMPARE(cloud.value(u.id).owner, Acme);
            QCOMPARE(cloud.value(u.id).name, QStringLiteral("offline-%1").arg(u.serial));
        }
    }

    void importWhoseAnswerIsLostIsSentAgainHarmlessly()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(
            {QStringLiteral("--devices"), QStringLiteral("300"), QStringLiteral("--stock"),
                QStringLiteral("10"), QStringLiteral("--time-scale"), QStringLiteral("0.001")}));
        const QList<Unit> stock = factoryStock(sandbox);
        QCOMPARE(stock.size(), 10);
        Console console(sandbox, cache("lost.sqlite"));
        QVERIFY(console.load());
        QVERIFY(console.pull());
        Http admin(sandbox.adminToken());
        // Every request is applied, then its answer cut off.
        QCOMPARE(admin
                     .putJson(sandbox.url(QStringLiteral("/admin/faults")),
                         QJsonObject {{QStringLiteral("drop_rate"), 1.0}})
                     .status,
            200);
        QList<ImportPlacement> rows;
        for (const Unit &u : stock)
            rows.append(
                placement(u.imei, Domain::MoveTarget::node(QStringLiteral("fjord--vessels"))));
        QSignalSpy finished(console.engine.get(), &Sync::SyncEngine::importFinished);
        QSignalSpy failed(console.engine.get(), &Sync::SyncEngine::changeFailed);
        QCOMPARE(console.import(rows), QString());
        // The cloud took the import (the stock is empty), the console does not know it.
        QTRY_VERIFY_WITH_TIMEOUT(factoryStock(sandbox).isEmpty(), 60000);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(console.engine->pendingCount(), 1);
        QCOMPARE(admin
                     .putJson(sandbox.url(QStringLiteral("/admin/faults")),
                         QJsonObject {{QStringLiteral("drop_rate"), 0.0}})
                     .status,
            200);
        QVERIFY(console.pushed());
        QCOMPARE(failed.count(), 0);
        QCOMPARE(finished.count(), 1);
        const auto outcome = finished.first().first().value<Sync::ImportOutcome>();
        QVERIFY(outcome.imported.isEmpty()); // the import that was sent again found them all in
        QCOMPARE(outcome.existing.size(), 10);
        QCOMPARE(outcome.deviceIds.size(), 10);
        const QHash<QString, Domain::Device> cloud = cloudDevices(sandbox);
        for (const Unit &u : stock) {
            QCOMPARE(placedOf(cloud.value(u.id)).groups,
                (QStringList {QStringLiteral("fjord"), QStringLiteral("fjord--vessels")}));
        }
    }

    void importByDeviceIdReadsOnlyThoseDevices()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(
            {QStringLiteral("--devices"), QStringLiteral("300"), QStringLiteral("--stock"),
                QStringLiteral("5"), QStringLiteral("--time-scale"), QStringLiteral("0.001")}));
        const QList<Unit> stock = factoryStock(sandbox);
        QCOMPARE(stock.size(), 5);
        Console console(sandbox, cache("byid.sqlite"));
        QVERIFY(console.load());
        QVERIFY(console.pull());
        QList<ImportPlacement> rows;
        for (const Unit &u : stock)
            rows.append(placement(u.id, Domain::MoveTarget::returns()));
        const int pages = routeCount(sandbox, QStringLiteral("GET /v1/products/:p/devices"));
        const int reads = routeCount(sandbox, QStringLiteral("GET /v1/products/:p/devices/:id"));
        QSignalSpy finished(console.engine.get(), &Sync::SyncEngine::importFinished);
        QCOMPARE(console.import(rows), QString());
        QVERIFY(console.pushed());
        QCOMPARE(finished.count(), 1);
        // No page of the product's devices: the five are read by their IDs.
        QCOMPARE(routeCount(sandbox, QStringLiteral("GET /v1/products/:p/devices")), pages);
        QCOMPARE(routeCount(sandbox, QStringLiteral("GET /v1/products/:p/devices/:id")) - reads, 5);
        const QHash<QString, Domain::Device> cloud = cloudDevices(sandbox);
        for (const Unit &u : stock)
            QCOMPARE(cloud.value(u.id).groups, QStringList {QStringLiteral("flotilla-returns")});
    }

    // 1,001 identifiers: two import requests (and units of another product refused).
    void largeImportGoesInChunks()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(
            {QStringLiteral("--devices"), QStringLiteral("100"), QStringLiteral("--stock"),
                QStringLiteral("1001"), QStringLiteral("--time-scale"), QStringLiteral("0.001")}));
        const QList<Unit> stock = factoryStock(sandbox);
        QCOMPARE(stock.size(), 1001);
        Console console(sandbox, cache("chunks.sqlite"));
        QVERIFY(console.load());
        QVERIFY(console.pull());
        QList<ImportPlacement> rows;
        for (const Unit &u : stock)
            rows.append(placement(u.iccid, std::nullopt)); // into the product, nothing more
        // Units of another product are not this product's to import.
        const QList<Unit> others = factoryStock(sandbox, QStringLiteral("other_product"));
        QCOMPARE(others.size(), 3);
        for (const Unit &u : others)
            rows.append(placement(u.serial, Domain::MoveTarget::returns()));
        const int imports = routeCount(sandbox, ImportRoute);
        const int changes = changeRequests(sandbox);
        QSignalSpy finished(console.engine.get(), &Sync::SyncEngine::importFinished);
        QCOMPARE(console.import(rows), QString());
        QVERIFY(console.pushed());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(routeCount(sandbox, ImportRoute) - imports, 2); // 1,000 and 1
        QCOMPARE(changeRequests(sandbox), changes);
        const auto outcome = finished.first().first().value<Sync::ImportOutcome>();
        QCOMPARE(outcome.imported.size(), 1001);
        QCOMPARE(outcome.deviceIds.size(), 1001);
        QCOMPARE(outcome.refused.size(), 3);
        for (const Unit &u : others)
            QCOMPARE(outcome.refused.value(u.serial),
                QStringLiteral("owned outside the product's team"));
        QCOMPARE(console.engine->state().devices.size(), 1101);
        QCOMPARE(cloudDevices(sandbox).size(), 1101);
    }

    // The cloud refuses the request of one chunk outright (here: its body is larger than the
    // cloud takes, for a cell holding a pasted blob of text). The identifiers of that chunk are
    // refused with the cloud's reason, the devices of the other chunk are in the product and
    // are placed, and the import is done. An import whose every chunk is refused fails, said.
    void refusedChunkRefusesItsIdentifiersAndTheRestGoesOn()
    {
        constexpr int MaxBody = 20000;
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(
            {QStringLiteral("--devices"), QStringLiteral("100"), QStringLiteral("--stock"),
                QStringLiteral("1003"), QStringLiteral("--time-scale"), QStringLiteral("0.001"),
                QStringLiteral("--max-body-bytes"), QString::number(MaxBody)}));
        const QList<Unit> stock = factoryStock(sandbox);
        QCOMPARE(stock.size(), 1003);
        Console console(sandbox, cache("refusedchunk.sqlite"));
        QVERIFY(console.load());
        QVERIFY(console.pull());

        // The first chunk: 1,000 serial numbers (a body well below the limit); ten of them are
        // placed and named, the others only brought into the product (their placements stay
        // small requests too). The second chunk: three more units and the blob.
        QList<ImportPlacement> rows;
        for (int i = 0; i < 1000; ++i) {
            if (i < 10)
                rows.append(placement(stock.at(i).serial,
                    Domain::MoveTarget::node(QStringLiteral("cobalt--field-a")),
                    QStringLiteral("chunked-%1").arg(i)));
            else
                rows.append(placement(stock.at(i).serial, std::nullopt));
        }
        QStringList second;
        for (int i = 1000; i < 1003; ++i) {
            rows.append(placement(
                stock.at(i).serial, Domain::MoveTarget::node(QStringLiteral("cobalt--field-a"))));
            second.append(stock.at(i).serial);
        }
        const QString blob = QString(MaxBody, QLatin1Char('x'));
        rows.append(placement(blob, Domain::MoveTarget::returns()));
        second.append(blob);

        const int imports = routeCount(sandbox, ImportRoute);
        QSignalSpy finished(console.engine.get(), &Sync::SyncEngine::importFinished);
        QSignalSpy failed(console.engine.get(), &Sync::SyncEngine::changeFailed);
        QCOMPARE(console.import(rows), QString());
        QVERIFY(console.pushed());
        QCOMPARE(failed.count(), 0);
        QCOMPARE(finished.count(), 1);
        // Each chunk sent once: the refused one is answered before it reaches the route (not
        // counted there), and is not sent again.
        QCOMPARE(routeCount(sandbox, ImportRoute) - imports, 1);
        const auto outcome = finished.first().first().value<Sync::ImportOutcome>();
        QCOMPARE(outcome.imported.size(), 1000);
        QCOMPARE(outcome.deviceIds.size(), 1000);
        QVERIFY(outcome.unplaced.isEmpty());
        QVERIFY(outcome.notFound.isEmpty());
        QCOMPARE(outcome.refused.size(), second.size());
        const QString reason = QStringLiteral("Request body larger than %1 bytes").arg(MaxBody);
        for (const QString &identifier : std::as_const(second))
            QCOMPARE(outcome.refused.value(identifier), reason);

        // The first chunk's devices are in the product, the ten placed and named; the second
        // chunk's units are still factory stock.
        const QHash<QString, Domain::Device> cloud = cloudDevices(sandbox);
        QCOMPARE(cloud.size(), 100 + 1000);
        for (int i = 0; i < 10; ++i) {
            const Placed p = placedOf(cloud.value(stock.at(i).id));
            QCOMPARE(p.groups,
                (QStringList {QStringLiteral("cobalt"), QStringLiteral("cobalt--field-a")}));
            QCOMPARE(p.name, QStringLiteral("chunked-%1").arg(i));
        }
        QVERIFY(placedOf(cloud.value(stock.at(10).id)).groups.isEmpty());
        const QList<Unit> left = factoryStock(sandbox);
        QCOMPARE(left.size(), 3);
        for (const Unit &u : left)
            QVERIFY(second.contains(u.serial));
        QCOMPARE(console.engine->state().devices.size(), 1100);

        // Only the chunk the cloud refuses: nothing was imported, and the import fails with the
        // cloud's word.
        failed.clear();
        finished.clear();
        QCOMPARE(console.import({placement(blob, Domain::MoveTarget::returns())}), QString());
        QVERIFY(failed.wait(60000));
        QVERIFY(console.pushed());
        QCOMPARE(finished.count(), 0);
        QVERIFY(failed.first().at(1).toString().contains(reason));
        QCOMPARE(factoryStock(sandbox).size(), 3);
    }

    // Rows that name one new device by different identifiers cannot be seen to be one device
    // before it is imported. Placed alike, it is placed once; placed otherwise (another group,
    // name or notes), none of those rows is applied and each identifier is said not placed.
    void rowsNamingOneNewDeviceDifferentlyAreNotApplied()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(
            {QStringLiteral("--devices"), QStringLiteral("100"), QStringLiteral("--stock"),
                QStringLiteral("4"), QStringLiteral("--time-scale"), QStringLiteral("0.001")}));
        const QList<Unit> stock = factoryStock(sandbox);
        QCOMPARE(stock.size(), 4);
        Console console(sandbox, cache("samedevice.sqlite"));
        QVERIFY(console.load());
        QVERIFY(console.pull());

        const Unit &moved = stock.at(0); // two groups
        const Unit &alike = stock.at(1); // the same place and name twice
        const Unit &renamed = stock.at(2); // the same place, two names
        const Unit &single = stock.at(3); // one row
        const auto berlin = Domain::MoveTarget::node(QStringLiteral("acme--berlin"));
        const auto vessels = Domain::MoveTarget::node(QStringLiteral("fjord--vessels"));
        const auto fieldA = Domain::MoveTarget::node(QStringLiteral("cobalt--field-a"));
        const QList<ImportPlacement> rows {
            placement(moved.serial, berlin),
            placement(alike.serial, fieldA, QStringLiteral("twice")),
            placement(renamed.iccid, Domain::MoveTarget::returns(), QStringLiteral("first")),
            placement(single.serial, vessels, QStringLiteral("single")),
            placement(moved.id, vessels),
            placement(alike.imei, fieldA, QStringLiteral("twice")),
            placement(renamed.serial, Domain::MoveTarget::returns(), QStringLiteral("second")),
        };
        const int updates = routeCount(sandbox, QStringLiteral("PUT /v1/products/:p/devices/:id"));
        const int claims = routeCount(sandbox, QStringLiteral("POST /v1/devices"));
        QSignalSpy finished(console.engine.get(), &Sync::SyncEngine::importFinished);
        QSignalSpy failed(console.engine.get(), &Sync::SyncEngine::changeFailed);
        QCOMPARE(console.import(rows), QString());
        QVERIFY(console.pushed());
        QCOMPARE(failed.count(), 0);
        QCOMPARE(finished.count(), 1);
        const auto outcome = finished.first().first().value<Sync::ImportOutcome>();
        QVERIFY(outcome.refused.isEmpty());
        QCOMPARE(outcome.deviceIds.size(), rows.size());
        const QString reason = QStringLiteral(
            "another row of the import names the same device with another place, name or notes");
        QCOMPARE(outcome.unplaced.size(), 4);
        for (const QString &identifier : {moved.serial, moved.id, renamed.iccid, renamed.serial})
            QCOMPARE(outcome.unplaced.value(identifier), reason);

        // In the cloud: the device of the conflicting rows is in the product but nowhere (not
        // claimed to Acme's account, not in a vessel group), and keeps its name; the rows that
        // agree are applied once (one name update); the single row as it says.
        const QHash<QString, Domain::Device> cloud = cloudDevices(sandbox);
        QVERIFY(cloud.contains(moved.id));
        QVERIFY(placedOf(cloud.value(moved.id)).groups.isEmpty());
        QVERIFY(cloud.value(moved.id).owner.isEmpty());
        QVERIFY(cloud.contains(renamed.id));
        QVERIFY(placedOf(cloud.value(renamed.id)).groups.isEmpty());
        QVERIFY(cloud.value(renamed.id).name != QLatin1String("first"));
        QVERIFY(cloud.value(renamed.id).name != QLatin1String("second"));
        QCOMPARE(placedOf(cloud.value(alike.id)).groups,
            (QStringList {QStringLiteral("cobalt"), QStringLiteral("cobalt--field-a")}));
        QCOMPARE(cloud.value(alike.id).name, QStringLiteral("twice"));
        QCOMPARE(placedOf(cloud.value(single.id)).groups,
            (QStringList {QStringLiteral("fjord"), QStringLiteral("fjord--vessels")}));
        QCOMPARE(cloud.value(single.id).name, QStringLiteral("single"));
        QCOMPARE(routeCount(sandbox, QStringLiteral("PUT /v1/products/:p/devices/:id")) - updates,
            2); // "twice" once, "single"
        QCOMPARE(routeCount(sandbox, QStringLiteral("POST /v1/devices")), claims);

        // The activity log says how many were not placed, and why.
        bool logged = false;
        console.store->activity(0, [&](QList<Store::ActivityRecord> log) {
            for (const Store::ActivityRecord &r : log) {
                if (r.action == QLatin1String("import")
                    && r.subject.startsWith(QLatin1String("Imported"))) {
                    QVERIFY(r.subject.contains(
                        QStringLiteral("4 not placed (rows naming one device differently)")));
                    QVERIFY(r.detail.contains(moved.serial));
                    logged = true;
                }
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(logged, 30000);
    }

    void damagedImportIsRefusedAndSaid()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start({QStringLiteral("--devices"), QStringLiteral("100"),
            QStringLiteral("--time-scale"), QStringLiteral("0.001")}));
        Console console(sandbox, cache("damaged.sqlite"));
        QVERIFY(console.load());
        QVERIFY(console.pull());
        Store::OutboxEntry damaged;
        damaged.kind = Sync::Outbox::DeviceImport;
        damaged.payload = QJsonObject {{QStringLiteral("placements"), QStringLiteral("B40KLA")}};
        QSignalSpy failed(console.engine.get(), &Sync::SyncEngine::changeFailed);
        QSignalSpy finished(console.engine.get(), &Sync::SyncEngine::importFinished);
        const int imports = routeCount(sandbox, ImportRoute);
        QCOMPARE(console.engine->applyEdit(
                     QStringLiteral("import"), QStringLiteral("a damaged import"), {damaged}),
            QString());
        QVERIFY(failed.wait(60000));
        QVERIFY(console.pushed());
        QCOMPARE(failed.first().at(1).toString(),
            QStringLiteral("The import cannot be read (it has no list of devices): nothing was "
                           "imported"));
        QCOMPARE(finished.count(), 0);
        QCOMPARE(routeCount(sandbox, ImportRoute), imports); // nothing was sent
    }
};

QTEST_GUILESS_MAIN(TestDeviceImport)
#include "tst_deviceimport.moc"
