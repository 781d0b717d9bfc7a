// SPDX-License-Identifier: MIT
#pragma once

#include "domain/rollout.h"
#include "domain/rolloutdefaults.h"
#include "views/wavestable.h"

#include <QDialog>
#include <QMap>
#include <QPointer>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTreeWidget;

namespace Flotilla::Domain {
class Hierarchy;
}
namespace Flotilla::Rollout {
class RolloutEngine;
}
namespace Flotilla::Sync {
class SyncEngine;
struct FleetDelta;
struct FleetState;
} // namespace Flotilla::Sync

namespace Flotilla::Views {

// "Flash…" (docs/rollouts.md): flashes a firmware version to the devices, groups and customers
// selected in the tree. The operator picks a version of the product (or uploads a new one),
// a strategy (lock and flash now, release to the selected groups, staged rollout with a waves
// editor) and reads the impact, recomputed with RolloutEngine::assess on every change; Start
// hands the spec to the engine and reports the new rollout (rolloutStarted) once it runs.
class FlashDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlashDialog)

public:
    struct Selection
    {
        QStringList nodes; // node paths (customers, groups)
        QStringList devices; // device ids chosen one by one
        // Not used any more: the dialog names the selection itself (selectionTitle).
        QString title;
    };

    // `defaults`: the thresholds of the default waves and the device timeout (the
    // preferences).
    FlashDialog(Rollout::RolloutEngine *rollouts, Sync::SyncEngine *sync,
        const Selection &selection, const Domain::RolloutDefaults &defaults = {},
        QWidget *parent = nullptr);
    ~FlashDialog() override;

    // The default waves of a staged rollout of `nodes`: the test groups under them (descendant
    // nodes whose last slug or title contains "test") first, then 25%, then the rest, with the
    // thresholds of `defaults`.
    static QList<Domain::WaveSpec> defaultWaves(const Domain::Hierarchy &hierarchy,
        const QStringList &nodes, const Domain::RolloutDefaults &defaults = {});
    // The selection as people name it, for the dialog's title and the rollout's ("v6 to
    // <title>"): nodes by their title paths ("Acme Logistics › Berlin depot › Test", shortened
    // as "Customer › … › Test" when long; "… and 2 more"), devices by name or count and, when
    // they all sit under one node, where ("3 devices in Acme Logistics › Berlin depot").
    static QString selectionTitle(
        const Sync::FleetState &state, const QStringList &nodes, const QStringList &devices);
    // A wave of the devices at or under `path`, named for people: the titles below the
    // selected node it is under ("Test", "Berlin depot › Test"), else its short title path.
    static QString waveName(
        const Domain::Hierarchy &hierarchy, const QStringList &selectedNodes, const QString &path);
    // The selection's name as shown (selectionTitle).
    QString title() const { return m_title; }

    // The version chosen (0: none).
    int version() const;
    bool selectVersion(int version);
    Domain::RolloutMethod method() const;
    void setMethod(Domain::RolloutMethod method);
    // The rollout as configured now (what Start sends).
    Domain::RolloutSpec spec() const;
    // The impact of spec() as last computed, and a staged rollout's devices per wave.
    const Domain::FlashImpact &impact() const { return m_impact; }
    QList<int> plannedWaveCounts() const { return m_waveCounts; }
    // The impact as shown, one line per fact; the downgrade warning on its own.
    QStringList impactLines() const { return m_impactLines; }
    QString downgradeText() const;
    // Why Start is not possible now (empty when it is).
    QString validationError() const { return m_error; }

    QTreeWidget *versionList() const { return m_versions; }
    QPushButton *uploadButton() const { return m_upload; }
    QRadioButton *lockButton() const { return m_lock; }
    QRadioButton *releaseButton() const { return m_release; }
    QRadioButton *stagedButton() const { return m_staged; }
    QCheckBox *intelligentBox() const { return m_intelligent; }
    QTableWidget *wavesTable() const { return m_waves; }
    QPushButton *startButton() const { return m_start; }

Q_SIGNALS:
    void rolloutStarted(qint64 id);

private:
    void fillVersions();
    void onFleetChanged(const Sync::FleetDelta &delta);
    void upload();
    void setWaves(const QList<Domain::WaveSpec> &waves);
    int defaultTimeoutHours() const; // m_defaults' device timeout, as the spin box shows it
    QList<Domain::WaveSpec> readWaves(QString *error) const;
    void addWave();
    void addGroupWave();
    void removeWave();
    void moveWave(int by);
    void updateStrategy();
    void recompute();
    void start();
    void updateNames();

    Rollout::RolloutEngine *m_rollouts;
    Sync::SyncEngine *m_sync;
    Selection m_selection;
    Domain::RolloutDefaults m_defaults;
    QString m_title; // selectionTitle()
    QMap<QString, QString> m_nodeTitles; // RolloutSpec::nodeTitles
    QLabel *m_selectionLabel = nullptr;
    quint64 m_seed = 0;
    Domain::FlashImpact m_impact;
    QList<int> m_waveCounts;
    QStringList m_impactLines;
    QString m_startError; // why the engine refused the last Start
    Domain::RolloutSpec m_refusedSpec; // the spec it refused
    QString m_error;
    bool m_starting = false;
    bool m_planEdited = false; // the operator changed the default wave plan
    bool m_replanning = false;

    QTreeWidget *m_versions = nullptr;
    QPushButton *m_upload = nullptr;
    QRadioButton *m_lock = nullptr;
    QRadioButton *m_release = nullptr;
    QRadioButton *m_staged = nullptr;
    QCheckBox *m_intelligent = nullptr;
    QLabel *m_releaseReason = nullptr;
    QGroupBox *m_stagedBox = nullptr;
    WavesTable *m_waves = nullptr;
    QPushButton *m_addWave = nullptr;
    QPushButton *m_addGroupWave = nullptr;
    QPushButton *m_removeWave = nullptr;
    QPushButton *m_waveUp = nullptr;
    QPushButton *m_waveDown = nullptr;
    QComboBox *m_order = nullptr;
    QSpinBox *m_timeoutHours = nullptr;
    QCheckBox *m_releaseWhenDone = nullptr;
    QLabel *m_impactLabel = nullptr;
    QLabel *m_downgradeLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_start = nullptr;
};

} // namespace Flotilla::Views
