// SPDX-License-Identifier: MIT
#pragma once

#include "domain/rollout.h"

#include <QList>
#include <QTableWidget>

namespace Flotilla::Domain {
class Hierarchy;
}

namespace Flotilla::Views {

// Flash…'s waves of a staged rollout, one row each: the wave (a share of the devices not yet in
// a wave, "25%", or the devices at or under some nodes, named for people), its planned device
// count, its success and failure thresholds and whether the rollout pauses before it. The
// share and the thresholds are edited in place.
class WavesTable final : public QTableWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WavesTable)

public:
    explicit WavesTable(QWidget *parent = nullptr);
    ~WavesTable() override;

    // Shows `waves`; the title paths of a node wave (in `hierarchy`) are its tooltip.
    void setWaves(const QList<Domain::WaveSpec> &waves, const Domain::Hierarchy &hierarchy);
    // The waves as edited. A wave whose share cannot be read is left out; `error` gets the
    // first cell that cannot be read (it is left as it is when already set).
    QList<Domain::WaveSpec> waves(QString *error) const;
    // The planned devices of each wave, in order (empty: none shown).
    void setDeviceCounts(const QList<int> &counts);

Q_SIGNALS:
    // The user changed a cell (not setWaves() or setDeviceCounts()).
    void edited();

private:
    bool m_filling = false;
};

} // namespace Flotilla::Views
