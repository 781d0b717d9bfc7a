// SPDX-License-Identifier: MIT
#pragma once

#include "store/changes.h"
#include "sync/customertokens.h"
#include "sync/importoutcome.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

namespace Flotilla::Remote {
struct ApiError;
}

namespace Flotilla::Sync::Detail {

class Puller;
class SyncHost;
struct SyncShared;

// How the push sends the outbox entries that go on their own (every kind but the group changes
// of devices, which go in batches): a table from the entry's kind to its handler (internal to
// the sync engine).
class PushHandlers final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PushHandlers)

public:
    using Finish = std::function<void(const Remote::ApiError &error)>;

    PushHandlers(SyncShared &shared, SyncHost &host, Puller &puller, QObject *parent = nullptr);
    ~PushHandlers() override;

    // Sends `entry`, then calls `finish` with no error when it is done, else with why not (a
    // refusal, or a failure after which it goes again); or `hold` when it must wait: a claim,
    // for the product's OAuth client or for token requests to be made again.
    void send(const Store::OutboxEntry &entry, const Finish &finish, const Finish &hold);
    // True when entries of `kind` have a handler here (every kind but the group changes of
    // devices); send() refuses the others.
    static bool handles(const QString &kind);

    CustomerTokens &tokens() { return m_tokens; }
    const CustomerTokens &tokens() const { return m_tokens; }
    // What the cloud kept of the description last sent for `group`, when it kept it other
    // than sent (cut short); null otherwise. Taken: asked once.
    QString takeKeptDescription(const QString &group) { return m_descriptionsKept.take(group); }
    // True when the handler marked the entry `id` done itself (an import does, in the cache
    // transaction that queues its placements). Taken: asked once.
    bool takeCompleted(qint64 id) { return m_completed.remove(id); }

Q_SIGNALS:
    void errorOccurred(const QString &message);
    void importFinished(const Flotilla::Sync::ImportOutcome &outcome);

private:
    using Handler = void (PushHandlers::*)(
        const Store::OutboxEntry &entry, const Finish &finish, const Finish &hold);
    struct Route
    {
        QLatin1String kind;
        Handler handler;
    };
    static const Route Routes[];

    void claim(const Store::OutboxEntry &entry, const Finish &finish, const Finish &hold);
    void unclaim(const Store::OutboxEntry &entry, const Finish &finish, const Finish &hold);
    void updateDevice(const Store::OutboxEntry &entry, const Finish &finish, const Finish &hold);
    void createGroup(const Store::OutboxEntry &entry, const Finish &finish, const Finish &hold);
    void updateGroup(const Store::OutboxEntry &entry, const Finish &finish, const Finish &hold);
    void deleteGroup(const Store::OutboxEntry &entry, const Finish &finish, const Finish &hold);
    // An import (sync/importhandler.cpp): the identifiers imported a chunk at a time, the
    // devices the fleet does not know yet read, then the placements queued as local edits.
    void importDevices(const Store::OutboxEntry &entry, const Finish &finish, const Finish &hold);
    struct ImportRun;
    void importChunk(const std::shared_ptr<ImportRun> &run, qsizetype from);
    void learnImported(const std::shared_ptr<ImportRun> &run);
    void placeImported(const std::shared_ptr<ImportRun> &run);

    // After an answer that cannot be read, or a refusal that may only mean "already done":
    // reads the device back and calls `finish` with no error when its owner is `account`
    // (empty: unclaimed), else with `first` (a refusal) or a retry (an unknown outcome).
    void confirmOwner(const QString &deviceId, const QString &account,
        const Remote::ApiError &first, const Finish &finish);
    // Says so when the cloud kept a group's description other than it was sent (cut short).
    void checkDescriptionKept(const QString &group, const QString &sent, const QString &kept);
    // After a group rename: releases again to `to` every version the cloud did not keep
    // released to it, then calls `finish`.
    void keepReleases(const QString &from, const QString &to, const Finish &finish);

    SyncShared &m_shared;
    SyncHost &m_host;
    Puller &m_puller;
    CustomerTokens m_tokens;
    QHash<QString, QString> m_descriptionsKept; // group -> the description the cloud kept
    QSet<qint64> m_completed; // entries marked done by their handler (takeCompleted)
};

} // namespace Flotilla::Sync::Detail
