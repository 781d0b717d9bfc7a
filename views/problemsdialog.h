// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QHash>
#include <QStringList>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Flotilla::Sync {
struct FleetState;
}

namespace Flotilla::Views {

// The problems of the fleet's encoding: devices whose groups contradict the tree (two
// branches, a missing ancestor, Returns together with a node: Domain::placeDevice), each with
// its one-click repair (Domain::repairGroups), and tagged groups that are not nodes
// (Domain::Hierarchy::problems), which need a person (rename or fix the description).
// Non-modal; the window refreshes it as the fleet changes.
class ProblemsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsDialog)

public:
    explicit ProblemsDialog(QWidget *parent = nullptr);
    ~ProblemsDialog() override;

    void setState(const Sync::FleetState &state);
    int deviceProblemCount() const;
    int groupProblemCount() const;
    // The devices listed, in order (for tests).
    QStringList deviceIds() const;

Q_SIGNALS:
    // Give these devices these groups (the repaired lists; the current ones in `before`).
    void repairRequested(
        const QHash<QString, QStringList> &before, const QHash<QString, QStringList> &after);

private:
    void repair(bool all);
    void updateButtons();

    QLabel *m_deviceHeading = nullptr;
    QLabel *m_groupHeading = nullptr;
    QTreeWidget *m_devices = nullptr;
    QTreeWidget *m_groups = nullptr;
    QPushButton *m_repairSelected = nullptr;
    QPushButton *m_repairAll = nullptr;
    QHash<QString, QStringList> m_current;
    QHash<QString, QStringList> m_repaired;
};

} // namespace Flotilla::Views
