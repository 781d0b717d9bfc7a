// SPDX-License-Identifier: MIT
#include "session/cachelease.h"

#include <QLockFile>
#include <QLoggingCategory>

namespace Flotilla::Session {

Q_LOGGING_CATEGORY(lcLease, "flotilla.session.lease")

CacheLease::CacheLease(const QString &cachePath)
    : m_path(lockPath(cachePath))
    , m_lock(std::make_unique<QLockFile>(m_path))
{
    // A lease is held as long as its process runs, however long that is: only a holder that is
    // gone (by its process id) frees it, never the age of the lock file.
    m_lock->setStaleLockTime(0);
}

CacheLease::~CacheLease()
{
    release();
}

QString CacheLease::lockPath(const QString &cachePath)
{
    return cachePath + QStringLiteral(".driver.lock");
}

bool CacheLease::tryAcquire()
{
    if (m_lock->isLocked())
        return true;
    // tryLock(0) also removes the lock of a holder that is no longer running.
    if (m_lock->tryLock(0)) {
        qCInfo(lcLease).noquote() << "this process drives the cache:" << m_path;
        return true;
    }
    if (m_lock->error() != QLockFile::LockFailedError)
        qCWarning(lcLease).noquote()
            << "cannot take the lease" << m_path << "error" << m_lock->error();
    return false;
}

void CacheLease::release()
{
    if (!m_lock->isLocked())
        return;
    m_lock->unlock();
    qCInfo(lcLease).noquote() << "this process no longer drives the cache:" << m_path;
}

bool CacheLease::isHeld() const
{
    return m_lock->isLocked();
}

QString CacheLease::holderName() const
{
    if (m_lock->isLocked())
        return {};
    qint64 pid = 0;
    QString host;
    QString application;
    return m_lock->getLockInfo(&pid, &host, &application) ? application : QString();
}

qint64 CacheLease::holderPid() const
{
    if (m_lock->isLocked())
        return 0;
    qint64 pid = 0;
    QString host;
    QString application;
    return m_lock->getLockInfo(&pid, &host, &application) ? pid : 0;
}

} // namespace Flotilla::Session
