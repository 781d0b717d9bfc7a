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

// Where a line of the activity log came from (ActivityRecord::source).
namespace ActivitySource {
inline constexpr QLatin1String Console("console"); // an edit made in the console
inline constexpr QLatin1String Import("import"); // a spreadsheet import and what it queued
inline constexpr QLatin1String Ctl("flotillactl"); // an edit made on the command line
inline constexpr QLatin1String Sync("sync"); // the sync engine: changes sent, refused, pulled
inline constexpr QLatin1String Rollout("rollout"); // the rollout engine
} // namespace ActivitySource

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
    // ActivitySource; empty when written: "console". Rows written before schema version 4 read
    // as "console" with the counts and places below empty.
    QString source {};
    int devices = 0; // how many devices the change concerns
    QString fromText {}; // where they were, as people read it ("Acme Logistics › Berlin depot")
    QString toText {}; // where they went ("Unassigned")
    int requests = 0; // the requests to the cloud it took (once confirmed)
    bool isEmpty() const
    {
        return actor.isEmpty() && action.isEmpty() && subject.isEmpty() && result.isEmpty()
            && detail.isEmpty();
    }
};

// What a load found damaged in the cache; empty when the cache is whole.
struct CacheDamage
{
    // Device records that could not be read (by device ID). The cloud has them: the next full
    // pull reads them again.
    QStringList devices;
    // Rows of the fleet's tables (product, devices, groups, firmware, customers, sync state)
    // that could not be read at all: the next full pull restores them.
    bool fleetIncomplete = false;
    // Changes not yet sent (Pending or Failed outbox entries) that could not be read, with what
    // could be read of each (at least the id). Repairing the cache drops them.
    QList<OutboxEntry> lostChanges;
    // Changes not yet sent may be missing, and how many is not known (the outbox could not be
    // read through).
    bool changesMayBeMissing = false;
    // What SQLite or the record decoder said, for the log and the details shown.
    QStringList problems;

    bool isEmpty() const
    {
        return devices.isEmpty() && !fleetIncomplete && lostChanges.isEmpty()
            && !changesMayBeMissing && problems.isEmpty();
    }
    // Repairing loses changes that were not sent yet: the user decides.
    bool losesChanges() const { return !lostChanges.isEmpty() || changesMayBeMissing; }
};

// What repairing a damaged cache did: it was rebuilt from what could be read, and the damaged
// file kept under another name.
struct RepairReport
{
    QString damagedCopy; // the damaged file's new name
    int devicesDropped = 0; // device records left behind (read again from the cloud)
    int changesDropped = 0; // changes not yet sent that could not be read
    int changesKept = 0; // changes not yet sent that were kept
    bool changesMayBeMissing = false; // more may have been lost (the outbox was not readable)
    int activityDropped = 0; // activity log rows that could not be read
    int rolloutRowsDropped = 0; // rows of rollouts (headers, waves, devices, samples)
    int otherRowsDropped = 0; // groups, firmware, customers, product, sync state
    QStringList problems;
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
    // What could not be read; everything else above was read. Empty for a whole cache.
    CacheDamage damage;
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

// Which lines of the activity log to read (CacheStore::activity). Newest first.
struct ActivityQuery
{
    qint64 sinceMs = 0; // at or after this time (0: any time)
    qint64 afterId = 0; // with a larger id only: the lines written since one already read
    int limit = 0; // the newest `limit` lines that match (<= 0: all)
    QString source; // an ActivitySource (empty: every source)
    // Lines whose actor, action, subject, result, detail, from or to holds this text (case
    // insensitive; empty: every line).
    QString text;
};

// A rollout control that a Flotilla process which does not drive the cache (see
// Session::CacheLease) asks of the one that does: kept in the cache until the driver has run it
// and written its answer.
struct RolloutControl
{
    enum class State { Pending, Done, Refused };

    qint64 id = 0; // assigned by the store, increasing, never reused
    qint64 rolloutId = 0; // the rollout it is for (0 for "start")
    QString action; // "start", "pause", "resume", "next", "abort", "rollback" or "remove"
    QJsonObject spec; // "start": Domain::RolloutSpec::toJson()
    qint64 requestedMs = 0; // 0 when written: the store stamps the current time
    State state = State::Pending;
    QString result; // Refused: why, as the operator reads it
    qint64 resultId = 0; // Done "start": the new rollout's id
};

} // namespace Flotilla::Store
