// SPDX-License-Identifier: MIT
#include "session/cloudsession.h"

#include "domain/text.h"
#include "remote/particleclient.h"
#include "rollout/rolloutengine.h"
#include "session/apiusage.h"
#include "session/cachelease.h"
#include "session/signin.h"
#include "store/cachestore.h"
#include "sync/syncengine.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTimer>

#include <algorithm>

namespace Flotilla::Session {

Q_LOGGING_CATEGORY(lcSession, "flotilla.session")

CloudSession::CloudSession(const SessionConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    Remote::ClientConfig clientConfig;
    clientConfig.baseUrl = config.apiUrl;
    clientConfig.rateLimit = rateLimitFor(config.rateSharePercent);
    m_client = std::make_unique<Remote::ParticleClient>(m_nam.get(), clientConfig);
    m_store = std::make_unique<Store::CacheStore>();

    Sync::SyncConfig syncConfig;
    syncConfig.productId = config.productId;
    syncConfig.liveEvents = config.liveEvents;
    syncConfig.actor = config.actor;
    if (!config.source.isEmpty())
        syncConfig.source = config.source;
    m_engine = std::make_unique<Sync::SyncEngine>(
        m_client.get(), m_store.get(), m_nam.get(), syncConfig);
    m_engine->setEventsUrl(m_client->productEventsUrl(config.productId));

    Rollout::RolloutConfig rolloutConfig;
    rolloutConfig.productId = config.productId;
    rolloutConfig.actor = config.actor;
    if (config.rolloutTickMs > 0)
        rolloutConfig.tickMs = config.rolloutTickMs;
    if (config.rolloutSaveDelayMs > 0)
        rolloutConfig.saveDelayMs = config.rolloutSaveDelayMs;
    m_rollouts = std::make_unique<Rollout::RolloutEngine>(
        m_client.get(), m_store.get(), m_engine.get(), rolloutConfig);
    m_usage = std::make_unique<ApiUsage>(m_client.get());
}

CloudSession::~CloudSession()
{
    // The rollout engine follows the sync engine and writes to the cache: before both. The
    // cache last of the three: its destructor waits for the writes already handed to it.
    // The lease goes last: the next driver finds every write of this one in the cache.
    m_pollTimer.reset();
    m_leaseTimer.reset();
    m_usage.reset();
    m_rollouts.reset();
    m_engine.reset();
    m_store.reset();
    m_lease.reset();
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

int CloudSession::rateLimitFor(int sharePercent)
{
    const int whole = Remote::ClientConfig {}.rateLimit;
    return std::max(1, int(qint64(whole) * std::clamp(sharePercent, 0, 100) / 100));
}

QStringList CloudSession::cacheFiles(const QString &path)
{
    return {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm"),
        path + QStringLiteral("-journal"), CacheLease::lockPath(path)};
}

qint64 CloudSession::cacheSize(const QString &path)
{
    qint64 size = 0;
    for (const QString &file : cacheFiles(path))
        size += QFileInfo(file).size(); // 0 for a file that is not there
    return size;
}

bool CloudSession::removeCache(const QString &path, QString *error)
{
    {
        // Another process driving this cache (flotillactl on it) keeps it.
        CacheLease lease(path);
        if (!lease.tryAcquire()) {
            const QString holder = lease.holderName();
            *error = holder.isEmpty()
                ? Text::tr("Another Flotilla program on this computer has the cache open.")
                : Text::tr("Another Flotilla program on this computer (%1) has the cache open.")
                      .arg(holder);
            return false;
        }
    } // released: its lock file goes with the others
    for (const QString &file : cacheFiles(path)) {
        if (QFile::exists(file) && !QFile::remove(file)) {
            *error = Text::tr("%1 cannot be deleted.").arg(QDir::toNativeSeparators(file));
            qCWarning(lcSession).noquote() << "the cache file" << file << "cannot be deleted";
            return false;
        }
    }
    qCInfo(lcSession).noquote() << "the cache" << path << "was deleted";
    return true;
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
    m_cachePath = path;
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

// ---- several processes on one cache ----------------------------------------------------

void CloudSession::startSharing()
{
    if (m_lease || m_cachePath.isEmpty())
        return;
    m_lease = std::make_unique<CacheLease>(m_cachePath);
    m_pollTimer = std::make_unique<QTimer>();
    m_pollTimer->setInterval(std::max(10, m_config.sharePollMs));
    connect(m_pollTimer.get(), &QTimer::timeout, this, &CloudSession::pollDataVersion);
    m_pollTimer->start();
    pollDataVersion(); // what is in the cache from now on counts as written by another
    m_leaseTimer = std::make_unique<QTimer>();
    m_leaseTimer->setInterval(std::max(10, m_config.leaseRetryMs));
    connect(m_leaseTimer.get(), &QTimer::timeout, this, [this] {
        if (!m_lease->isHeld())
            tryDrive();
    });
    // Not driving until the lease is taken.
    m_driving = false;
    m_engine->setDriving(false);
    m_rollouts->setDriving(false);
    if (m_config.driveWhenFree) {
        m_leaseTimer->start();
        tryDrive();
    }
    if (!m_lease->isHeld()) {
        if (m_config.driveWhenFree)
            qCInfo(lcSession).noquote()
                << "another Flotilla process drives the cache" << m_cachePath << driverName();
        Q_EMIT drivingChanged(false);
    }
}

bool CloudSession::isSharing() const
{
    return m_lease != nullptr;
}

bool CloudSession::tryDrive()
{
    if (!m_lease)
        return m_driving;
    if (m_lease->isHeld())
        return true;
    if (!m_lease->tryAcquire())
        return false;
    becomeDriver();
    return true;
}

void CloudSession::becomeDriver()
{
    // Changes the previous driver sent leave the outbox before this one sends any.
    m_becoming = true;
    const auto drive = [this] {
        if (!m_becoming || !m_lease || !m_lease->isHeld())
            return;
        m_becoming = false;
        m_driving = true;
        m_engine->setDriving(true);
        m_rollouts->setDriving(true);
        Q_EMIT drivingChanged(true);
    };
    if (!m_engine->isLoaded()) {
        drive(); // its load reads the cache as it is now
        return;
    }
    m_engine->reloadFromCache(drive);
}

void CloudSession::releaseDriving()
{
    if (!m_lease || !m_lease->isHeld())
        return;
    m_becoming = false;
    const bool was = m_driving;
    m_driving = false;
    m_engine->setDriving(false);
    m_rollouts->setDriving(false);
    // The rollouts' last writes are queued: they reach the cache before another process can
    // read it as its driver (the store writes in order, and the lease goes once they are in).
    m_store->flush(this, [this] {
        if (!m_driving && m_lease)
            m_lease->release();
    });
    if (was)
        Q_EMIT drivingChanged(false);
}

QString CloudSession::driverName() const
{
    return m_lease ? m_lease->holderName() : QString();
}

void CloudSession::pollDataVersion()
{
    if (m_versionAsked)
        return;
    m_versionAsked = true;
    m_store->dataVersion(this, [this](qint64 version, QString error) {
        m_versionAsked = false;
        if (!error.isEmpty())
            return; // not open (yet), or closing
        const bool changed = m_dataVersion >= 0 && version != m_dataVersion;
        m_dataVersion = version;
        if (!changed)
            return;
        m_rollouts->reloadFromCache();
        m_engine->reloadFromCache([this] { Q_EMIT externalChange(); });
    });
}

} // namespace Flotilla::Session
