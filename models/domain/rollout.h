// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

// Firmware rollouts as values: what an operator asks for (RolloutSpec), which devices it reaches
// and which it skips (assessFlash), how the devices split into waves (assignWaves), what a device
// event means for a device (applyDeviceEvent) and when a wave may advance or must pause
// (evaluateWave). Pure functions, no I/O; docs/rollouts.md describes the rules.
namespace Flotilla::Domain {

// How the version reaches the devices.
enum class RolloutMethod {
    Lock, // lock each device to the version and flash it now (online) or at its next handshake
    Release, // release the version to the selected nodes' groups, standard or intelligent
    Staged, // waves: each wave's devices join a rollout group the version is released to
};
// The method's keyword in the cache's rollout records and in flotillactl's JSON: "lock",
// "release", "staged".
QString methodKeyword(RolloutMethod method);

// A success or failure threshold of a wave, as a count of devices or a share of the wave.
struct Threshold
{
    enum class Unit { Count, Percent };
    Unit unit = Unit::Percent;
    double value = 0; // Count: >= 0, whole; Percent: 0..100

    // The number of devices of a wave of `total` that meets the threshold: Count → value
    // (at most total); Percent → ceil(value% of total). A failure threshold is at least 1
    // (use failureCount), so "0%" pauses at the first failure.
    int count(int total) const;
    int failureCount(int total) const { return qMax(1, count(total)); }
    // "10%", "3"
    QString toString() const;
    // Reads "10%", "10 %", "2.5%", "3"; refuses negatives, fractions of a count and > 100%.
    static std::optional<Threshold> parse(QStringView text, QString *error);
    bool operator==(const Threshold &) const = default;
};

struct WaveSpec
{
    QString name; // shown to the operator ("Test bench", "5%"); empty: derived (waveTitle)
    // The devices of the rollout placed at or under these node paths (a test group), in the
    // order of the rollout. Empty: a percentage wave.
    QStringList nodes;
    // A percentage wave takes this share (0 < percent <= 100) of the devices not yet in an
    // earlier wave, rounded up (at least one device while any are left). The last wave always
    // takes all that are left.
    double percent = 100;
    Threshold success {Threshold::Unit::Percent, 95}; // the next wave starts once reached
    Threshold failure {Threshold::Unit::Percent, 10}; // the rollout pauses once reached
    bool pauseBefore = false; // wait for the operator ("Start next wave") before this wave
    bool operator==(const WaveSpec &) const = default;
};

// "Test bench" for a node wave, "5%" for a percentage wave, "All remaining" for 100%.
QString waveTitle(const WaveSpec &wave);

struct RolloutSpec
{
    enum class Order { Random, ByName };

    QString title; // "v6 to Acme Logistics"
    int version = 0;
    RolloutMethod method = RolloutMethod::Staged;
    bool intelligent = true; // Release: push to online devices now (else at their next handshake)
    QStringList nodes; // the selection: node paths (customers, groups)
    QStringList devices; // the selection: devices chosen one by one (ids)
    QList<WaveSpec> waves; // Staged; Lock and Release run as one wave of every device
    Order order = Order::Random; // how percentage waves pick their devices
    quint64 seed = 0; // Random order's seed (kept, so a plan can be reproduced)
    // A short random token ([a-z0-9], set when the rollout starts) that names its wave groups,
    // so rollouts of other consoles or caches never share a group.
    QString token;
    // A device that has not succeeded this long after its wave started is timed out (it stays
    // in the rollout: if it updates later it still counts as succeeded).
    qint64 deviceTimeoutS = 24 * 3600;
    // Staged, node selection only: once the last wave completes, release the version to the
    // selected nodes' groups and delete the rollout's wave groups.
    bool releaseToNodesWhenDone = true;
    // How people name the nodes the rollout concerns, as they were named when it was planned:
    // node path -> title path ("acme--berlin" -> "Acme Logistics › Berlin depot"). The console
    // shows these instead of group names; a path without an entry is shown by its slugs.
    QMap<QString, QString> nodeTitles;

    // The waves the rollout runs: `waves` for Staged (one 100% wave when empty), else one
    // wave of everything with `waves.value(0)`'s thresholds.
    QList<WaveSpec> effectiveWaves() const;

    QJsonObject toJson() const;
    static std::optional<RolloutSpec> fromJson(const QJsonObject &json, QString *error);
    // Why the spec cannot run (empty when it can): no version, empty selection, a percentage
    // out of range, a wave with no nodes and no percentage, Release with devices only, …
    QString validate() const;
    bool operator==(const RolloutSpec &) const = default;
};

enum class RolloutDeviceState {
    Skipped, // never part of the rollout (reason says why)
    Pending, // its wave has not started
    Sending, // the request that targets it is being sent (written before it is sent)
    Waiting, // targeted; waiting for the device (offline, busy, or not yet reached)
    Updating, // the cloud is pushing, the device is flashing or rebooting
    Succeeded, // runs the version
    Failed, // the device reported a failed update (it may retry at its next handshake)
    TimedOut, // not succeeded within the device timeout
    Cancelled, // the rollout was aborted before the device started
    RollingBack, // being returned to its previous version
    RolledBack, // runs its previous version again
};
QString toString(RolloutDeviceState state); // "succeeded", stable: stored in the cache
std::optional<RolloutDeviceState> rolloutDeviceStateFromString(QStringView text);
QString displayName(RolloutDeviceState state); // translated: "Succeeded"
// Succeeded, Failed, TimedOut, Cancelled, Skipped, RolledBack
bool isTerminal(RolloutDeviceState state);

struct RolloutDevice
{
    QString id;
    QString name; // at planning time, for display
    QString node; // node path at planning time ("" when not in the tree)
    int wave = -1; // index into the effective waves; -1 when skipped
    RolloutDeviceState state = RolloutDeviceState::Pending;
    QString reason; // why skipped / failed / waiting, translated, one sentence
    QString stage; // last step seen: "auto-update", "flashing", "rebooting", "offline" …
    int previousVersion = 0; // what it ran when the rollout was planned
    int attempts = 0; // failed updates seen
    qint64 startedMs = 0; // when its wave targeted it (its timeout counts from here)
    qint64 updatedMs = 0; // last change
    bool operator==(const RolloutDevice &) const = default;
};

// Everything assessFlash needs to know about one selected device.
struct RolloutCandidate
{
    QString id;
    QString name;
    QString node; // placement node path, "" when not placed at a node
    int firmwareVersion = 0;
    std::optional<int> lock; // desired_firmware_version
    bool development = false;
    bool online = false;
    // What the cloud will target once the version is applied the rollout's way (Lock: the
    // lock; Release: released to the selected nodes' groups; Staged: released to a group of
    // its own). Computed by the caller with effectiveTarget().
    std::optional<int> targetAfter;
};

// The impact shown before anything starts.
struct FlashImpact
{
    int version = 0;
    int selected = 0; // devices in the selection
    int targeted = 0; // devices the rollout will flash
    QMap<int, int> targetedByVersion; // targeted devices by the version they run now
    int offline = 0; // targeted and offline now (they update when they come back)
    int development = 0; // skipped: development devices are never updated by the cloud
    int locked = 0; // Release/Staged: skipped (their lock wins); Lock: locks replaced
    int overridden = 0; // skipped: another of their groups releases a higher version
    int alreadyCurrent = 0; // skipped: already run the version
    int inOtherRollout = 0; // skipped: still in flight in another active rollout
    int downgrades = 0; // targeted devices that run a newer version
    QList<RolloutDevice> devices; // every selected device: Pending (targeted) or Skipped
};
FlashImpact assessFlash(
    RolloutMethod method, int version, const QList<RolloutCandidate> &candidates);

// Gives every Pending device of `devices` its wave (Skipped ones keep -1), following the spec's
// waves in order: node waves take the not-yet-assigned devices under their nodes, percentage
// waves their share of the rest, picked in the spec's order (Random: a shuffle seeded by
// spec.seed; ByName: by name, then id). Devices left after the last wave join the last wave.
// Returns the per-wave device counts.
QList<int> assignWaves(const RolloutSpec &spec, QList<RolloutDevice> &devices);

// The rollout group of a wave: "flotilla-rollout-<token>-w<wave+1>" (a label in the hierarchy).
// `token` is the rollout's RolloutSpec::token ([a-z0-9], at most 32 characters).
QString rolloutGroupName(const QString &token, int wave);
// A new random rollout token (10 characters of [a-z0-9]).
QString newRolloutToken();
// True for names rolloutGroupName can produce.
bool isRolloutGroupName(QStringView groupName);
// The rollout token and the wave (0-based) of a name rolloutGroupName produced; false (and
// nothing set) for other names.
bool parseRolloutGroupName(QStringView groupName, QString *token, int *wave);
// A node path as the console shows it when no title is known: its slugs joined by " › "
// ("acme › berlin › test").
QString slugTitlePath(const QString &path);

// What one event of the product stream means for a device of a running wave. `target` is the
// version the device should end up running (the rollout's, or its previous one while rolling
// back). Returns the changed device, or nullopt when the event changes nothing. Rules
// (data-driven tested): any event whose `version` is the target → Succeeded (RolledBack while
// rolling back); spark/status auto-update → Updating "auto-update"; spark/flash/status
// started/success → Updating "flashing"/"rebooting"; spark/flash/status failed → Failed with
// attempts + 1; spark/status offline during an update → Waiting "offline";
// particle/device/updates/pending true → Waiting with a reason. Terminal states other than
// Failed and TimedOut do not change, and Pending/Skipped/Sending devices ignore events.
std::optional<RolloutDevice> applyDeviceEvent(const RolloutDevice &device, const QString &name,
    const QString &data, int eventVersion, int target, qint64 nowMs);

// Devices of a wave by state.
struct WaveCounts
{
    int total = 0; // devices in the wave
    int pending = 0; // Pending + Sending
    int waiting = 0;
    int updating = 0;
    int succeeded = 0;
    int failed = 0;
    int timedOut = 0;
    int cancelled = 0;
    int rollingBack = 0;
    int rolledBack = 0;
    int failures() const { return failed + timedOut; }
    int active() const { return pending + waiting + updating + rollingBack; }
    bool operator==(const WaveCounts &) const = default;
};
WaveCounts countWave(const QList<RolloutDevice> &devices, int wave);

enum class WaveVerdict {
    Continue, // keep waiting
    Advance, // success threshold reached: the next wave may start
    Pause, // failure threshold reached
    Done, // every device is terminal and the failure threshold is not reached
};
// Failure first: a wave whose failures reach failure.failureCount(total) pauses, unless
// `failuresAccepted` (the operator resumed it after a pause). Then Done when nothing is active,
// Advance when succeeded >= success.count(total), else Continue.
WaveVerdict evaluateWave(const WaveSpec &wave, const WaveCounts &counts, bool failuresAccepted);

enum class RolloutState {
    Running,
    Paused, // no new wave starts, no new request is sent; devices already targeted go on
    Completed,
    Aborted, // no new device is started; finished devices stay as they are
    RollingBack,
    RolledBack,
};
QString toString(RolloutState state); // stable: stored in the cache
std::optional<RolloutState> rolloutStateFromString(QStringView text);
QString displayName(RolloutState state); // translated

enum class WaveState { Pending, Running, Finished };
QString toString(WaveState state);
std::optional<WaveState> waveStateFromString(QStringView text);

// How far a wave's cloud-side work got; persisted before and after each request so that a
// restart redoes only what may not have happened (every step is idempotent).
struct WaveProgress
{
    WaveState state = WaveState::Pending;
    qint64 startedMs = 0;
    qint64 finishedMs = 0;
    int batchesDone = 0; // Staged: member batches added to the wave's rollout group
    bool released = false; // Staged: the version is released to the wave's group
    bool failuresAccepted = false; // the operator resumed after a failure pause
    bool operator==(const WaveProgress &) const = default;
};

// One point of the progress chart.
struct RolloutSample
{
    qint64 ms = 0;
    int succeeded = 0;
    int failed = 0; // failed + timed out
    int active = 0; // waiting + updating
    bool operator==(const RolloutSample &) const = default;
};

// A rollout as the cache keeps it.
struct Rollout
{
    qint64 id = 0;
    RolloutSpec spec;
    RolloutState state = RolloutState::Running;
    QString stateReason; // translated: why paused / aborted
    bool pausedForFailures = false;
    QList<WaveProgress> waves; // one per spec.effectiveWaves()
    QList<RolloutDevice> devices; // every selected device, skipped ones included
    QList<RolloutSample> samples; // oldest first
    int requests = 0; // HTTP requests this rollout has made
    bool finalReleaseDone = false; // Staged: released to the nodes, wave groups deleted
    qint64 createdMs = 0;
    qint64 finishedMs = 0;
    bool operator==(const Rollout &) const = default;
};

} // namespace Flotilla::Domain
