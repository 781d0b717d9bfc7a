// SPDX-License-Identifier: MIT
#pragma once

#include "domain/entities.h"
#include "domain/rollout.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Flotilla::Store {

// A batch of changes to the cached fleet. The lists of entities are upserts (each element is the
// full new value, keyed by its id / name / version); the `removed*` lists name what to delete.
// Removals are applied before upserts, so a key in both ends up present with the new value.
struct ChangeSet
{
    QList<Domain::Device> devices;
    QStringList removedDevices;
    QList<Domain::Group> groups;
    QStringList removedGroups;
    QList<Domain::Firmware> firmware;
    QList<int> removedFirmware;
    QList<Domain::Customer> customers;
    QStringList removedCustomers;

    bool isEmpty() const;
};

// One change waiting to be carried to the cloud (or kept after failing, for the user to retry or
// discard). `kind` and `payload` are the sync layer's business; the store keeps them verbatim.
struct OutboxEntry
{
    qint64 id = 0; // assigned by the store, increasing, never reused
    QString kind; // must not be empty
    QJsonObject payload;
    QStringList deviceIds; // the devices it touches (for "pending changes" in the tree)
    int attempts = 0;
    QString lastError;
    qint64 createdMs = 0; // 0 when written: the store stamps the current time
    enum class State { Pending, Failed, Done } state = State::Pending;
};

// One line of the activity log.
struct ActivityRecord
{
    qint64 id = 0; // assigned by the store
    qint64 atMs = 0; // 0 when written: the store stamps the current time
    QString actor;
    QString action;
    QString subject;
    QString result;
    QString detail;
    qint64 outboxId = 0; // 0: not linked (or the outbox entry was discarded)
    bool isEmpty() const
    {
        return actor.isEmpty() && action.isEmpty() && subject.isEmpty() && result.isEmpty()
            && detail.isEmpty();
    }
};

// Everything the console needs at start-up, read in one read transaction.
struct Snapshot
{
    Domain::Product product;
    QList<Domain::Device> devices;
    QList<Domain::Group> groups;
    QList<Domain::Firmware> firmware;
    QList<Domain::Customer> customers;
    QList<OutboxEntry> outbox; // Pending and Failed, in id order
    QHash<QString, QString> syncState;
};

// An edit made in the console: its optimistic local effect, the outbox entries that carry it to
// the cloud and its activity row, all written in one transaction. The activity row is linked to
// the first outbox entry (its `outboxId` is set by the store).
struct LocalEdit
{
    ChangeSet effect;
    QList<OutboxEntry> outbox;
    ActivityRecord activity; // not written when it is empty
    // Pending entries that `outbox` takes the place of (compaction before sending): marked
    // Done in the same transaction.
    QList<qint64> replaces;
};

// What changed in a rollout since it was last written: its header and waves (always written
// whole: they are small), the devices that changed (upserts by device id) and new chart
// samples, with activity rows, all in one transaction. The spec never changes.
struct RolloutUpdate
{
    qint64 id = 0;
    Domain::RolloutState state = Domain::RolloutState::Running;
    QString stateReason;
    bool pausedForFailures = false;
    int requests = 0;
    bool finalReleaseDone = false;
    qint64 finishedMs = 0;
    QList<Domain::WaveProgress> waves;
    QList<Domain::RolloutDevice> devices;
    QList<Domain::RolloutSample> samples;
    QList<ActivityRecord> activity;
};

} // namespace Flotilla::Store
