// SPDX-License-Identifier: MIT
// A console's data layer without any widget, for the tests of the models above it: a cache file,
// a REST client and a SyncEngine on that cache. Offline (the default) the client points at a
// loopback port where nothing listens and the engine is paused: edits are queued in the outbox,
// nothing is sent.
#pragma once

#include "remote/particleclient.h"
#include "store/cachestore.h"
#include "sync/syncengine.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace Flotilla::TestSupport {

struct LocalEngine
{
    // The cache works on a thread of its own: a limit (never a wait) for one of its requests
    // that holds on a loaded 2-core machine running the whole suite with ctest -j 2.
    static constexpr int CacheTimeoutMs = 30000;

    QNetworkAccessManager nam;
    std::unique_ptr<Remote::ParticleClient> client;
    std::unique_ptr<Store::CacheStore> store;
    std::unique_ptr<Sync::SyncEngine> engine;

    // Opens (creating it) the cache at `path` and a paused engine for `productId` on it, not
    // started yet.
    bool open(const QString &path, int productId)
    {
        Remote::ClientConfig clientConfig;
        clientConfig.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        client = std::make_unique<Remote::ParticleClient>(&nam, clientConfig);
        store = std::make_unique<Store::CacheStore>();
        QString error = QStringLiteral("no answer");
        bool done = false;
        store->open(path, nullptr, [&](QString e) {
            error = e;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, CacheTimeoutMs) || !error.isEmpty())
            return false;
        Sync::SyncConfig config;
        config.productId = productId;
        config.refreshIntervalMs = 0;
        config.liveEvents = false;
        config.actor = QStringLiteral("test");
        engine = std::make_unique<Sync::SyncEngine>(client.get(), store.get(), &nam, config);
        engine->setPaused(true); // queue, never send
        return true;
    }

    // Writes `fleet` into the cache as a pull from the cloud would.
    bool seed(const Sync::FleetState &fleet)
    {
        QString error = QStringLiteral("no answer");
        bool done = false;
        store->setProduct(fleet.product, nullptr, [&](QString e) {
            error = e;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, CacheTimeoutMs) || !error.isEmpty())
            return false;
        Store::ChangeSet changes;
        changes.devices = fleet.devices.values();
        changes.groups = fleet.groups.values();
        changes.firmware = fleet.firmware.values();
        changes.customers = fleet.customers.values();
        done = false;
        store->applyPull(changes, {}, nullptr, [&](QString e) {
            error = e;
            done = true;
        });
        return QTest::qWaitFor([&] { return done; }, CacheTimeoutMs) && error.isEmpty();
    }

    // Starts the engine and waits until it has loaded the cache.
    bool start()
    {
        QSignalSpy loaded(engine.get(), &Sync::SyncEngine::loaded);
        engine->start(false);
        return loaded.count() > 0 || loaded.wait(CacheTimeoutMs);
    }

    // The engine first (what it keeps is handed to the cache), then the cache (which commits
    // every write handed to it before it closes).
    void close()
    {
        engine.reset();
        store.reset();
        client.reset();
    }
};

} // namespace Flotilla::TestSupport
