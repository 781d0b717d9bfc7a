// SPDX-License-Identifier: MIT
#pragma once

#include "domain/rolloutdefaults.h"
#include "tree/roles.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Flotilla::Domain {
class Hierarchy;
}
namespace Flotilla::Rollout {
class RolloutEngine;
}
namespace Flotilla::Sync {
struct FleetState;
}

namespace Flotilla::Tree {

// Roles of the rollout models (the monitor's delegates and tests). They start above the device
// table's roles (devicetablemodel.h).
enum RolloutRole {
    RolloutIdRole = Qt::UserRole + 128, // qint64
    RolloutStateRole, // int: Domain::RolloutState
    ProgressRole, // int: percent (0..100) of the row's devices that succeeded
    RolloutDeviceStateRole, // int: Domain::RolloutDeviceState
    WaveIndexRole, // int: the wave (devices: -1 when skipped)
    RolloutSortRole, // the value a column sorts by
};

// What the rollout models read: the engine's rollouts, or in tests rollouts kept by the test.
// The models are told about changes through their slots (connectEngine wires the engine's
// signals to them).
struct RolloutSource
{
    std::function<QList<qint64>()> ids; // oldest first
    std::function<const Domain::Rollout *(qint64 id)> rollout;
    std::function<Domain::WaveCounts(qint64 id, int wave)> waveCounts;

    static RolloutSource of(const Rollout::RolloutEngine *engine);
};

// Progress of a whole rollout: its waves' counts added up (skipped devices are in no wave).
struct RolloutTotals
{
    int targeted = 0;
    int succeeded = 0;
    int failures = 0; // failed + timed out
    int active = 0; // pending, waiting, updating, rolling back
    int notStarted = 0; // pending: their wave has not started (part of active)
    int percent() const { return targeted > 0 ? succeeded * 100 / targeted : 0; }
};
RolloutTotals rolloutTotals(const RolloutSource &source, qint64 id);

// A rollout's title for display: the spec's title, or "v6" when it has none.
QString rolloutTitle(const Domain::Rollout &rollout);
// A node of a rollout as people name it: its title path as recorded when the rollout was
// planned ("Acme Logistics › Berlin depot"), else its slugs ("acme › berlin"); empty for "".
QString rolloutNodeTitle(const Domain::Rollout &rollout, const QString &path);
// Where a firmware version is released, for people: node groups by their title paths, rollout
// wave groups by their rollout ("rollout “v6 to Acme Logistics”, waves 1 and 2"), the Returns
// pool by its title and labels (groups made outside Flotilla) by their names, in that order,
// separated by ", ". Never a node's group name or a "flotilla-rollout-…" name.
QString releasedToText(
    const Domain::Hierarchy &hierarchy, const RolloutSource &rollouts, const QStringList &groups);

// How a flash is named and planned by default, the same in the Flash dialog and in flotillactl.
// The default waves of a staged rollout of `nodes`: the test groups under them (descendant
// nodes whose last slug or title contains "test") first, then 25%, then the rest, each with the
// thresholds of `defaults`.
QList<Domain::WaveSpec> defaultWaves(const Domain::Hierarchy &hierarchy, const QStringList &nodes,
    const Domain::RolloutDefaults &defaults = {});
// A wave of the devices at or under `path`, named for people: the titles below the selected
// node it is under ("Test", "Berlin depot › Test"), else its short title path.
QString waveName(
    const Domain::Hierarchy &hierarchy, const QStringList &selectedNodes, const QString &path);
// What is flashed as people name it, for a rollout's title ("v6 to <title>"): nodes by their
// title paths ("Acme Logistics › Berlin depot › Test", shortened as "Customer › … › Test" when
// long; "… and 2 more"), devices by name or count and, when they all sit under one node, where
// ("3 devices in Acme Logistics › Berlin depot").
QString flashSelectionTitle(
    const Sync::FleetState &state, const QStringList &nodes, const QStringList &devices);

// The rollouts, oldest first: title, state, progress, requests. One row per rollout; rows are
// inserted, changed and removed as the engine reports.
class RolloutListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutListModel)

public:
    enum Column { TitleColumn, StateColumn, ProgressColumn, RequestsColumn, ColumnCount };

    explicit RolloutListModel(QObject *parent = nullptr);
    // Reads from and follows `engine`.
    explicit RolloutListModel(Rollout::RolloutEngine *engine, QObject *parent = nullptr);

    // Reads from `source` (everything is read again).
    void setSource(const RolloutSource &source);
    void connectEngine(Rollout::RolloutEngine *engine);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    qint64 rolloutAt(int row) const { return m_ids.value(row, 0); }
    QModelIndex indexForRollout(qint64 id) const;

public Q_SLOTS:
    void rolloutAdded(qint64 id);
    void rolloutChanged(qint64 id);
    void rolloutRemoved(qint64 id);

private:
    RolloutSource m_source;
    QList<qint64> m_ids;
    QHash<qint64, RolloutTotals> m_totals; // counted when the rollout changes, not per paint
};

// The waves of one rollout: name, device counts by state, a progress role (ProgressRole on the
// Progress column, for a progress-bar delegate), thresholds and whether it waits for the
// operator. Counts are refreshed on every change of the rollout (dataChanged on the count
// columns, never a reset); choosing another rollout resets.
class RolloutWavesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutWavesModel)

public:
    enum Column {
        NameColumn,
        StateColumn,
        DevicesColumn,
        ProgressColumn,
        PendingColumn,
        WaitingColumn,
        UpdatingColumn,
        SucceededColumn,
        FailedColumn,
        TimedOutColumn,
        CancelledColumn,
        SuccessThresholdColumn,
        FailureThresholdColumn,
        PauseBeforeColumn,
        ColumnCount
    };

    explicit RolloutWavesModel(QObject *parent = nullptr);
    explicit RolloutWavesModel(Rollout::RolloutEngine *engine, QObject *parent = nullptr);

    void setSource(const RolloutSource &source);
    void connectEngine(Rollout::RolloutEngine *engine);
    // Shows the waves of `id` (0: none).
    void setRollout(qint64 id);
    qint64 rolloutId() const { return m_id; }
    Domain::WaveCounts counts(int wave) const { return m_counts.value(wave); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    void rolloutChanged(qint64 id);
    void devicesChanged(qint64 id, const QStringList &deviceIds);
    void rolloutRemoved(qint64 id);

private:
    void reload();
    QList<Domain::WaveCounts> readCounts() const;

    RolloutSource m_source;
    qint64 m_id = 0;
    QList<Domain::WaveSpec> m_waves;
    QList<Domain::WaveProgress> m_progress;
    QList<Domain::WaveCounts> m_counts;
};

// The devices of one rollout, in the rollout's order: name, id, node, wave, state, stage,
// attempts, previous version, reason, last change (DeviceIdRole of roles.h gives the id). Devices
// the engine reports changed get dataChanged on their rows; choosing another rollout resets.
class RolloutDevicesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutDevicesModel)

public:
    enum Column {
        NameColumn,
        IdColumn,
        NodeColumn,
        WaveColumn,
        StateColumn,
        StageColumn,
        AttemptsColumn,
        PreviousVersionColumn,
        ReasonColumn,
        UpdatedColumn,
        ColumnCount
    };

    explicit RolloutDevicesModel(QObject *parent = nullptr);
    explicit RolloutDevicesModel(Rollout::RolloutEngine *engine, QObject *parent = nullptr);

    void setSource(const RolloutSource &source);
    void connectEngine(Rollout::RolloutEngine *engine);
    void setRollout(qint64 id);
    qint64 rolloutId() const { return m_id; }
    QModelIndex indexForDevice(const QString &deviceId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    void rolloutChanged(qint64 id);
    void devicesChanged(qint64 id, const QStringList &deviceIds);
    void rolloutRemoved(qint64 id);

private:
    const Domain::RolloutDevice *deviceAt(int row) const;
    void reload();

    RolloutSource m_source;
    qint64 m_id = 0;
    QHash<QString, int> m_rowById;
    QList<QString> m_waveNames;
    int m_rows = 0;
};

// The devices table's filter: by state (none: all) and by text (name, id, node, stage, reason;
// case-insensitive), sorting by RolloutSortRole.
class RolloutDeviceFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutDeviceFilterModel)

public:
    explicit RolloutDeviceFilterModel(QObject *parent = nullptr);

    // Only devices in these states (empty: every state).
    void setStates(const QList<Domain::RolloutDeviceState> &states);
    bool isFilteringStates() const { return !m_states.isEmpty(); }
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QSet<int> m_states;
    QString m_text;
};

} // namespace Flotilla::Tree
