// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Flotilla::Remote {
class ParticleClient;
class TokenStore;
} // namespace Flotilla::Remote
namespace Flotilla::Store {
class CacheStore;
}
namespace Flotilla::Sync {
class SyncEngine;
}
namespace Flotilla::Rollout {
class RolloutEngine;
}

namespace Flotilla::Session {

class ApiUsage;
class SignIn;

// Which cloud and product a session works with, and how.
struct SessionConfig
{
    QUrl apiUrl; // https://api.particle.io, or a sandbox's http://127.0.0.1:PORT
    int productId = 0;
    QString actor; // who the activity log names
    bool liveEvents = true; // follow the product event stream
};

// One session with a Particle cloud: the network access, the REST client, the local cache,
// the sync engine (following the product's event stream) and the rollout engine, built and
// wired here and owned (destroyed in the reverse order: the rollout engine first, the cache
// after the engines, the network last). Front ends (the console, a command line) build their
// models and views on its engines and never see the cache's or the cloud's own types.
class CloudSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CloudSession)

public:
    explicit CloudSession(const SessionConfig &config, QObject *parent = nullptr);
    ~CloudSession() override;

    // "api.particle.io" means https; plain http only to a loopback host. Invalid (and `error`
    // says why) otherwise.
    static QUrl apiUrlFromUserInput(const QString &text, QString *error);
    // The usual place of the local cache for `apiUrl` and `productId` (one per host and
    // product, in the application's data folder).
    static QString defaultCachePath(const QUrl &apiUrl, int productId);

    const SessionConfig &config() const { return m_config; }
    Sync::SyncEngine *engine() const { return m_engine.get(); }
    Rollout::RolloutEngine *rollouts() const { return m_rollouts.get(); }
    // The request allowance left, for a status line.
    ApiUsage *usage() const { return m_usage.get(); }
    // For services of models/ built on the cloud (not for views): the REST client.
    Remote::ParticleClient *client() const { return m_client.get(); }

    // The access token (memory only) and the product's OAuth client (claims, customer
    // accounts), for every request of the session.
    void setAccessToken(const QString &token);
    void setProductClient(const QString &clientId, const QString &clientSecret);

    // Opens (creating or migrating it) the local cache at `path`; `done` gets why it cannot be
    // used, or empty. Dropped if `context` (or, without one, the session) is gone by then.
    void openCache(const QString &path, QObject *context, std::function<void(QString error)> done);
    // Moves an unreadable cache at `path` aside (`damagedCopy` is where it went) and opens a
    // new, empty one there.
    void setCacheAside(const QString &path, QObject *context,
        std::function<void(QString damagedCopy, QString error)> done);

    // Checking and keeping access tokens typed by the user for this cloud, kept in `store`
    // (not owned) under `tokenKey`.
    std::unique_ptr<SignIn> makeSignIn(Remote::TokenStore *store, const QString &tokenKey) const;

private:
    SessionConfig m_config;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<Remote::ParticleClient> m_client;
    std::unique_ptr<Store::CacheStore> m_store;
    std::unique_ptr<Sync::SyncEngine> m_engine;
    std::unique_ptr<Rollout::RolloutEngine> m_rollouts;
    std::unique_ptr<ApiUsage> m_usage;
};

} // namespace Flotilla::Session
