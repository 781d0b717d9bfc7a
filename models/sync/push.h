// SPDX-License-Identifier: MIT
#pragma once

#include "store/changes.h"
#include "sync/pushhandlers.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace Flotilla::Domain {
struct GroupDelta;
}

namespace Flotilla::Sync::Detail {

// The pushing part of the sync engine (internal): sends the pending outbox entries in order.
// Group changes of devices go in batches (all of them merged and compacted when nothing else
// is queued); every other kind goes on its own through PushHandlers. Failures on the way are
// retried with backoff; a change the cloud refuses is logged and undone by reading back what
// the cloud has.
class Pusher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Pusher)

public:
    Pusher(SyncShared &shared, SyncHost &host, Puller &puller, QObject *parent = nullptr);
    ~Pusher() override;

    // Sends what can be sent in `delayMs` (unless a wait after a failure ends later).
    void schedule(int delayMs = 0);
    // Sends now, forgetting the failures before.
    void pushNow();
    // Stops the timer of the next run (the running one goes on).
    void stop() { m_timer.stop(); }
    bool isPushing() const { return m_pushing; }
    void setPaused(bool paused) { m_paused = paused; }
    bool isPaused() const { return m_paused; }

    void setProductClient(const QString &clientId, const QString &clientSecret);
    bool isProductClientRefused() const { return m_handlers.tokens().isClientRefused(); }
    int heldCount() const { return static_cast<int>(m_held.size()); }
    QString heldReason() const { return m_heldReason; }
    // New entries changed the owners of `devices`: held claims of those devices that are not
    // among `newIds` are not sent any more (they would hold back the newer changes).
    void dropSupersededClaims(const QSet<QString> &devices, const QList<qint64> &newIds);

Q_SIGNALS:
    void busyChanged();
    void pendingChanged();
    // Nothing more can be sent now.
    void finished();
    void changeFailed(const QString &what, const QString &reason);
    void claimsWaiting(const QString &reason);
    void errorOccurred(const QString &message);
    void importFinished(const Flotilla::Sync::ImportOutcome &outcome);

private:
    void pushNext();
    void pushGroups(const QList<Store::OutboxEntry> &entries);
    void sendBatches(const QList<Store::OutboxEntry> &entries);
    // One group change of `deviceIds`: the groups added, then (a second request) removed.
    void sendGroupChange(qint64 entryId, const QStringList &deviceIds,
        const Domain::GroupDelta &delta, std::function<void(Remote::ApiError)> done);
    // One batch request, halved and sent again when the cloud refuses its size; `done` also
    // says whether some of it was applied (a part of a halved batch).
    void sendGroupBatch(qint64 entryId, const QStringList &deviceIds, const QStringList &add,
        const QStringList &remove, std::function<void(Remote::ApiError, bool)> done);
    void pushSingle(const Store::OutboxEntry &entry);
    void holdForClient(const Store::OutboxEntry &entry, const Remote::ApiError &error);
    void entriesSucceeded(const QList<Store::OutboxEntry> &entries, const QString &result);
    void markDone(const QList<Store::OutboxEntry> &entries, const QString &result);
    void finishRun();
    // Emits finished when nothing more can be sent now, else goes on sending.
    void continuePush();
    void entriesFailed(const QList<Store::OutboxEntry> &entries, const Remote::ApiError &error);
    void handleFailures(const QList<QPair<Store::OutboxEntry, Remote::ApiError>> &failures);
    void revert(const QList<Store::OutboxEntry> &entries);
    // The pending entries without the held ones and the later entries of their devices.
    QList<Store::OutboxEntry> sendable() const;
    QString describe(const QList<Store::OutboxEntry> &entries) const;
    // The activity row of entries sent (or refused): who, what, how many devices.
    Store::ActivityRecord sentRecord(const QList<Store::OutboxEntry> &entries) const;

    SyncShared &m_shared;
    SyncHost &m_host;
    Puller &m_puller;
    PushHandlers m_handlers;
    QTimer m_timer;
    bool m_pushing = false;
    bool m_paused = false;
    int m_failures = 0;
    QSet<qint64> m_held; // outbox ids waiting for the product's OAuth client
    // Requests sent for each outbox entry so far (all attempts), for its activity row: one per
    // attempt of a change that goes on its own, each batch request of a group change (halves
    // included).
    QHash<qint64, int> m_requests;
    QString m_heldReason;
};

} // namespace Flotilla::Sync::Detail
