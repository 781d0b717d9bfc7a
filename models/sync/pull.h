// SPDX-License-Identifier: MIT
#pragma once

#include "sync/fleetstate.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QStringList>

#include <functional>
#include <memory>

namespace Flotilla::Remote {
struct ApiError;
}

namespace Flotilla::Sync::Detail {

class SyncHost;
struct SyncShared;

// The pulling part of the sync engine (internal): full pulls (groups, firmware, customers and
// every page of devices), reads of a few devices and of the releases. What the cloud sends is
// rebased (what it may not have yet goes on top: changes still queued, changes confirmed and
// cloud notes made while the answers were on their way, newer live status) and published.
class Puller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Puller)

public:
    Puller(SyncShared &shared, SyncHost &host, QObject *parent = nullptr);
    ~Puller() override;

    // A full pull. Asked for while the fleet is not loaded, signed out or a pull runs, it is
    // remembered and runs at the next resume() (or once the running one is over).
    void pullNow();
    // Remembers that a full pull is wanted (run at the next resume()).
    void pullLater() { m_again = true; }
    // Runs the pull that was asked for while it could not run.
    void resume();
    bool isPulling() const { return m_pull != nullptr; }
    qint64 lastFullPullMs() const { return m_lastFullPullMs; }
    void setLastFullPullMs(qint64 ms) { m_lastFullPullMs = ms; }

    // Called once what was asked for is read and published: with no error, else with why not.
    using Done = std::function<void(const Remote::ApiError &error)>;
    // A full pull that starts after this call (the one asked for already when none runs yet),
    // then `done`: once it is published, or when it (or the pull running) fails.
    void pullThen(Done done);

    // Reads `ids` one by one (a full pull when there are many of them, or when signed out),
    // then calls `done` (when given).
    void refreshDevices(const QStringList &ids, Done done = {});
    // Reads the groups and the releases, and recomputes every device's target from them.
    void refreshReleases();

Q_SIGNALS:
    void started();
    void finished(bool ok, const QString &error);
    // The pending changes were planned again (after a repair that lost some): they can go.
    void replanned();
    void pendingChanged();
    // `deviceId` could not be read (it is read again with the next full pull).
    void deviceUnread(const QString &deviceId);
    void errorOccurred(const QString &message);

private:
    struct PullJob;
    void failPull(const Remote::ApiError &error);
    void finishPull();
    void verifyMissing(const QStringList &missing);
    void commitPull();
    // Applies what the cloud may not have yet (pending entries, and entries confirmed since
    // `sinceMs`) on top of what it sent.
    void rebaseIncoming(CloudContent &incoming, qint64 sinceMs) const;
    // After a repair that lost changes not yet sent: the kept device changes, relative to a
    // state that is gone, are replaced by changes from the pulled cloud state to what the
    // cache says was meant; then the pull is committed.
    void replanKeptChanges();
    // Calls the pullThen() callbacks a pull numbered `generation` answers (every one for a
    // failure).
    void answerWaiters(quint64 generation, const Remote::ApiError &error);

    SyncShared &m_shared;
    SyncHost &m_host;
    std::unique_ptr<PullJob> m_pull;
    quint64 m_pullGeneration = 0;
    bool m_again = false;
    qint64 m_lastFullPullMs = 0;
    QList<QPair<quint64, Done>> m_waiters; // pullThen(): the first pull that answers each
};

} // namespace Flotilla::Sync::Detail
