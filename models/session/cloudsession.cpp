// SPDX-License-Identifier: MIT
#include "session/cloudsession.h"

#include "remote/particleclient.h"
#include "rollout/rolloutengine.h"
#include "session/apiusage.h"
#include "session/signin.h"
#include "store/cachestore.h"
#include "sync/syncengine.h"

#include <QNetworkAccessManager>

namespace Flotilla::Session {

CloudSession::CloudSession(const SessionConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    Remote::ClientConfig clientConfig;
    clientConfig.baseUrl = config.apiUrl;
    m_client = std::make_unique<Remote::ParticleClient>(m_nam.get(), clientConfig);
    m_store = std::make_unique<Store::CacheStore>();

    Sync::SyncConfig syncConfig;
    syncConfig.productId = config.productId;
    syncConfig.liveEvents = config.liveEvents;
    syncConfig.actor = config.actor;
    m_engine = std::make_unique<Sync::SyncEngine>(
        m_client.get(), m_store.get(), m_nam.get(), syncConfig);
    m_engine->setEventsUrl(m_client->productEventsUrl(config.productId));

    Rollout::RolloutConfig rolloutConfig;
    rolloutConfig.productId = config.productId;
    rolloutConfig.actor = config.actor;
    m_rollouts = std::make_unique<Rollout::RolloutEngine>(
        m_client.get(), m_store.get(), m_engine.get(), rolloutConfig);
    m_usage = std::make_unique<ApiUsage>(m_client.get());
}

CloudSession::~CloudSession()
{
    // The rollout engine follows the sync engine and writes to the cache: before both. The
    // cache last of the three: its destructor waits for the writes already handed to it.
    m_usage.reset();
    m_rollouts.reset();
    m_engine.reset();
    m_store.reset();
    m_client.reset();
    m_nam.reset();
}

QUrl CloudSession::apiUrlFromUserInput(const QString &text, QString *error)
{
    return Remote::ParticleClient::apiUrlFromUserInput(text, error);
}

QString CloudSession::defaultCachePath(const QUrl &apiUrl, int productId)
{
    return Store::CacheStore::defaultPath(apiUrl, productId);
}

void CloudSession::setAccessToken(const QString &token)
{
    m_engine->setAccessToken(token);
}

void CloudSession::setProductClient(const QString &clientId, const QString &clientSecret)
{
    m_engine->setProductClient(clientId, clientSecret);
}

void CloudSession::openCache(
    const QString &path, QObject *context, std::function<void(QString)> done)
{
    // The cache goes with the session, and the callback with either.
    m_store->open(path, context ? context : this, std::move(done));
}

void CloudSession::setCacheAside(
    const QString &path, QObject *context, std::function<void(QString, QString)> done)
{
    m_store->setAside(path, context ? context : this, std::move(done));
}

std::unique_ptr<SignIn> CloudSession::makeSignIn(
    Remote::TokenStore *store, const QString &tokenKey) const
{
    return std::make_unique<SignIn>(m_nam.get(), m_config.apiUrl, store, tokenKey);
}

} // namespace Flotilla::Session
