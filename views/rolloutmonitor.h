// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTreeView;

namespace Flotilla::Rollout {
class RolloutEngine;
}
namespace Flotilla::Tree {
class RolloutDeviceFilterModel;
class RolloutDevicesModel;
class RolloutListModel;
class RolloutWavesModel;
} // namespace Flotilla::Tree

namespace Flotilla::Views {

class ProgressChart;

// The Rollouts window (View › Rollouts): every rollout with its state and progress; for the
// selected one its state and reason, the requests it made, the operator controls (Pause,
// Resume, Start next wave, Abort…, Roll back…, Remove; Abort and Roll back say what will
// happen first), its waves with progress bars and counts by state, a chart of its progress
// over time and its devices, filtered by state and text, with the reasons of failures. The
// engine's problems are shown at the bottom. Non-modal; follows the engine as it goes.
class RolloutMonitor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutMonitor)

public:
    explicit RolloutMonitor(Rollout::RolloutEngine *engine, QWidget *parent = nullptr);
    ~RolloutMonitor() override;

    // Selects rollout `id` in the list (and shows it).
    void showRollout(qint64 id);
    qint64 currentRollout() const { return m_current; }

    Tree::RolloutListModel *listModel() const { return m_list; }
    Tree::RolloutWavesModel *wavesModel() const { return m_waves; }
    Tree::RolloutDevicesModel *devicesModel() const { return m_devices; }
    Tree::RolloutDeviceFilterModel *deviceFilter() const { return m_filter; }
    QTreeView *rolloutView() const { return m_listView; }
    QTableView *wavesView() const { return m_wavesView; }
    QTableView *devicesView() const { return m_devicesView; }
    ProgressChart *chart() const { return m_chart; }
    QComboBox *stateFilter() const { return m_stateFilter; }
    QLineEdit *searchField() const { return m_search; }
    QLabel *stateLabel() const { return m_stateLabel; }
    QLabel *problemLabel() const { return m_problemLabel; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *resumeButton() const { return m_resume; }
    QPushButton *nextWaveButton() const { return m_nextWave; }
    QPushButton *abortButton() const { return m_abort; }
    QPushButton *rollbackButton() const { return m_rollback; }
    QPushButton *removeButton() const { return m_remove; }

public Q_SLOTS:
    void pause();
    void resume();
    void startNextWave();
    void abort(); // asks first
    void rollback(); // asks first
    void remove();

private:
    void onCurrentChanged();
    void onRolloutChanged(qint64 id);
    void onProblem(qint64 id, const QString &message);
    void showProblem(qint64 id);
    void updateHeader();
    void updateFilter();
    void report(const QString &error);

    Rollout::RolloutEngine *m_engine;
    qint64 m_current = 0;
    QHash<qint64, QString> m_problems;

    Tree::RolloutListModel *m_list = nullptr;
    Tree::RolloutWavesModel *m_waves = nullptr;
    Tree::RolloutDevicesModel *m_devices = nullptr;
    Tree::RolloutDeviceFilterModel *m_filter = nullptr;
    QTreeView *m_listView = nullptr;
    QTableView *m_wavesView = nullptr;
    QTableView *m_devicesView = nullptr;
    ProgressChart *m_chart = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_problemLabel = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_nextWave = nullptr;
    QPushButton *m_abort = nullptr;
    QPushButton *m_rollback = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace Flotilla::Views
