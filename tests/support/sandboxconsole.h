// SPDX-License-Identifier: MIT
// The data layer of one console against a sandbox, without any widget: a REST client with the
// sandbox's token, a cache file of its own and a SyncEngine on it (no refresh timer, no event
// stream, short retry delays), with the product's OAuth client for customer accounts. For the
// integration tests of the engines and of the edits above them.
#pragma once

#include "remote/particleclient.h"
#include "sandboxprocess.h"
#include "store/cachestore.h"
#include "sync/syncengine.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace Flotilla::TestSupport {

struct SandboxConsole
{
    // Limits (never waits) for a loaded 2-core machine running the suite with ctest -j 2.
    static constexpr int CacheTimeoutMs = 30000;
    static constexpr int PullTimeoutMs = 60000;
    static constexpr int PushTimeoutMs = 120000;

    // Destroyed in reverse: the engine first, then the cache (which commits what it was
    // handed), then the client.
    QNetworkAccessManager nam;
    std::unique_ptr<Remote::ParticleClient> client;
    std::unique_ptr<Store::CacheStore> store;
    std::unique_ptr<Sync::SyncEngine> engine;

    SandboxConsole(Test::SandboxProcess &sandbox, const QString &cachePath)
    {
        Remote::ClientConfig clientConfig;
        clientConfig.baseUrl = sandbox.url();
        clientConfig.backoffBaseMs = 50;
        client = std::make_unique<Remote::ParticleClient>(&nam, clientConfig);
        store = std::make_unique<Store::CacheStore>();
        Sync::SyncConfig config;
        config.productId = sandbox.productId();
        config.refreshIntervalMs = 0;
        config.retryBaseMs = 50;
        config.retryMaxMs = 1000;
        config.liveEvents = false;
        config.actor = QStringLiteral("test");
        engine = std::make_unique<Sync::SyncEngine>(client.get(), store.get(), &nam, config);
        engine->setAccessToken(sandbox.token());
        const QJsonObject oauth
            = sandbox.startLine().value(QStringLiteral("oauth_client")).toObject();
        engine->setProductClient(oauth.value(QStringLiteral("id")).toString(),
            oauth.value(QStringLiteral("secret")).toString());
        QString openError = QStringLiteral("not opened");
        bool opened = false;
        store->open(cachePath, [&](QString error) {
            openError = error;
            opened = true;
        });
        if (!QTest::qWaitFor([&] { return opened; }, CacheTimeoutMs))
            qFatal("the cache did not open in time");
        if (!openError.isEmpty())
            qFatal("cannot open the cache: %s", qPrintable(openError));
    }

    bool load()
    {
        QSignalSpy loaded(engine.get(), &Sync::SyncEngine::loaded);
        engine->start(false);
        return loaded.count() > 0 || loaded.wait(CacheTimeoutMs);
    }
    bool pull()
    {
        QSignalSpy done(engine.get(), &Sync::SyncEngine::pullFinished);
        engine->pullNow();
        return done.wait(PullTimeoutMs) && done.first().at(0).toBool();
    }
    // Every change sent and answered.
    bool pushed(int timeoutMs = PushTimeoutMs)
    {
        return QTest::qWaitFor(
            [&] { return engine->pendingCount() == 0 && !engine->isPushing(); }, timeoutMs);
    }
};

} // namespace Flotilla::TestSupport
