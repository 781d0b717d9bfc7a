// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <memory>

QT_BEGIN_NAMESPACE
class QLockFile;
QT_END_NAMESPACE

namespace Flotilla::Session {

// The driver lease of one cache file. Several Flotilla processes (the console, flotillactl) may
// open the same cache; exactly one of them "drives" it: sends the outbox and runs the rollouts.
// The lease is a lock file next to the cache (`<cache>.driver.lock`) holding the process id,
// host and program name of its holder: it is free once the holder releases it or exits, and a
// holder that died without releasing it (killed, crashed) is recognised by its process id and
// its lock taken over.
//
// Lives on one thread; tryAcquire() never blocks.
class CacheLease final
{
public:
    explicit CacheLease(const QString &cachePath);
    ~CacheLease(); // releases the lease
    CacheLease(const CacheLease &) = delete;
    CacheLease &operator=(const CacheLease &) = delete;

    // The lock file of the cache at `cachePath`.
    static QString lockPath(const QString &cachePath);

    // Takes the lease if it is free (or its holder is gone); true when this object holds it
    // (also when it held it already). Never waits.
    bool tryAcquire();
    void release();
    bool isHeld() const;

    // Who holds the lease when another process does: its program name ("flotilla",
    // "flotillactl"; empty when unknown or when nobody holds it), and its process id (0).
    QString holderName() const;
    qint64 holderPid() const;

private:
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace Flotilla::Session
