// SPDX-License-Identifier: MIT
#pragma once

#include "domain/rollout.h"

#include <QList>
#include <QWidget>

namespace Flotilla::Views {

// A rollout's progress over time, painted from its samples: succeeded (green), failed and timed
// out (red) and in progress (waiting or updating, blue) devices, on a common axis up to the
// rollout's targeted devices.
class ProgressChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressChart)

public:
    explicit ProgressChart(QWidget *parent = nullptr);

    // `total`: the devices the rollout targets (the top of the axis; at least the samples' max).
    void setSamples(const QList<Domain::RolloutSample> &samples, int total);
    const QList<Domain::RolloutSample> &samples() const { return m_samples; }

    QSize sizeHint() const override { return {480, 160}; }
    // Wide enough for the legend on one line, in the language Flotilla speaks.
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    // The legend's texts: succeeded, failed, in progress.
    static QStringList legendTexts();
    // From the left of the plot: its mark and text per entry.
    int legendWidth() const;

    QList<Domain::RolloutSample> m_samples;
    int m_total = 0;
};

} // namespace Flotilla::Views
