// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QTimer;
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
class CacheLease;
class SignIn;

// Which cloud and product a session works with, and how.
struct SessionConfig
{
    QUrl apiUrl; // https://api.particle.io, or a sandbox's http://127.0.0.1:PORT
    int productId = 0;
    QString actor; // who the activity log names
    // Where the edits of this process come from, for the activity log: "console" when empty,
    // "flotillactl" for the command line (Store::ActivitySource).
    QString source;
    bool liveEvents = true; // follow the product event stream

    // Several Flotilla processes on one cache (startSharing()). Whether this process takes
    // the cache's driver lease whenever it is free (the console), or only when tryDrive() asks
    // for it (the command line, for the commands that do cloud work).
    bool driveWhenFree = true;
    int sharePollMs = 500; // how often the cache is checked for other processes' writes
    int leaseRetryMs = 2000; // how often a free lease is tried for (driveWhenFree)
    // The rollout engine's tick and save delay (Rollout::RolloutConfig); 0: its defaults.
    int rolloutTickMs = 0;
    int rolloutSaveDelayMs = 0;
    // The share of the cloud's request budget (Particle's, per public IP) this session may
    // use, in percent (Preferences::rateSharePercent).
    int rateSharePercent = 100;
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
    // The requests per window a session may send with SessionConfig::rateSharePercent `share`
    // of the cloud's budget (at least 1).
    static int rateLimitFor(int sharePercent);
    // The files of the cache at `path`: the database, its write-ahead log and shared memory,
    // its journal and its driver lease (CacheLease).
    static QStringList cacheFiles(const QString &path);
    // Their size in bytes, together.
    static qint64 cacheSize(const QString &path);
    // Deletes the cache at `path` (every file of cacheFiles()), to be read again from the cloud
    // by the next session. Refused (false, `error` says why) while another Flotilla process has
    // it open as its driver, and to be called only once this process's session on it is gone.
    static bool removeCache(const QString &path, QString *error);

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

    // ---- Several Flotilla processes on one cache ----
    // The console and flotillactl may open the same cache. Exactly one process drives it
    // (sends the outbox, runs the rollouts): the one holding its driver lease (CacheLease, a
    // lock file next to the cache). Once the cache is open, startSharing() takes the lease
    // when it is free and SessionConfig::driveWhenFree (else see tryDrive()), retries every
    // SessionConfig::leaseRetryMs while another process holds it, and checks every
    // SessionConfig::sharePollMs whether another process wrote to the cache (SQLite's data
    // version): then the sync engine and the rollout engine read it again (their
    // reloadFromCache()) and externalChange() follows. Until startSharing() the session drives
    // (a process alone on its cache).
    void startSharing();
    bool isSharing() const;
    // This process drives the cache: its engines send the outbox and run the rollouts.
    bool isDriving() const { return m_driving; }
    // Takes the lease now if it is free (also for a session with driveWhenFree false); true
    // when this process holds it. The engines drive once the cache is read again (at once
    // while the fleet is not loaded yet): drivingChanged(true).
    bool tryDrive();
    // Gives the lease back (the engines stop sending; requests on the wire finish and are
    // written): for a command that did its cloud work. A session with driveWhenFree takes it
    // again when it is free.
    void releaseDriving();
    // When another process drives: its program name ("flotilla", "flotillactl"), when known.
    QString driverName() const;
    // The cache file opened (openCache), or empty.
    QString cachePath() const { return m_cachePath; }

    // Checking and keeping access tokens typed by the user for this cloud, kept in `store`
    // (not owned) under `tokenKey`.
    std::unique_ptr<SignIn> makeSignIn(Remote::TokenStore *store, const QString &tokenKey) const;

Q_SIGNALS:
    // This process began or stopped driving the cache (startSharing()).
    void drivingChanged(bool driving);
    // Another process wrote to the cache, and the engines read it again (the fleet, the
    // pending changes and the rollouts are up to date; the activity log may have new lines).
    void externalChange();

private:
    void pollDataVersion();
    void becomeDriver();

    SessionConfig m_config;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<Remote::ParticleClient> m_client;
    std::unique_ptr<Store::CacheStore> m_store;
    std::unique_ptr<Sync::SyncEngine> m_engine;
    std::unique_ptr<Rollout::RolloutEngine> m_rollouts;
    std::unique_ptr<ApiUsage> m_usage;
    QString m_cachePath;
    std::unique_ptr<CacheLease> m_lease; // while sharing
    std::unique_ptr<QTimer> m_pollTimer;
    std::unique_ptr<QTimer> m_leaseTimer;
    qint64 m_dataVersion = -1; // as last read (-1: not read yet)
    bool m_versionAsked = false;
    bool m_driving = true;
    bool m_becoming = false; // the lease is taken, the engines are being readied to drive
};

} // namespace Flotilla::Session
