// SPDX-License-Identifier: MIT
#include "views/wavestable.h"

#include "domain/hierarchy.h"
#include "domain/nodepath.h"
#include "views/headerwidths.h"

#include <QHeaderView>
#include <QLocale>

#include <optional>

namespace Flotilla::Views {

namespace {

enum WaveColumn {
    WaveNameColumn,
    WaveDevicesColumn,
    WaveSuccessColumn,
    WaveFailureColumn,
    WavePauseColumn,
    WaveColumnCount
};

constexpr int NodesRole = Qt::UserRole + 1; // QStringList on a node wave's first cell

QString percentText(double percent)
{
    return WavesTable::tr("%1%").arg(QLocale::c().toString(percent, 'g', 4));
}

// Reads "25%", "25 %", "25": a share of 0 < p <= 100.
std::optional<double> parsePercent(QString text)
{
    text = text.trimmed();
    if (text.endsWith(QLatin1Char('%')))
        text.chop(1);
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || value <= 0 || value > 100)
        return std::nullopt;
    return value;
}

} // namespace

WavesTable::WavesTable(QWidget *parent)
    : QTableWidget(0, WaveColumnCount, parent)
{
    setObjectName(QStringLiteral("wavesTable"));
    setHorizontalHeaderLabels({tr("Wave (groups or %)"), tr("Devices"), tr("Success at"),
        tr("Pause at failures"), tr("Pause before")});
    verticalHeader()->hide();
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    horizontalHeader()->setStretchLastSection(true);
    for (int c = 0; c < WaveColumnCount; ++c)
        resizeSectionAtLeast(horizontalHeader(), c,
            c == WaveNameColumn ? 220 : horizontalHeader()->defaultSectionSize());
    setMinimumHeight(110);
    connect(this, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling)
            Q_EMIT edited();
    });
}

WavesTable::~WavesTable() = default;

void WavesTable::setWaves(const QList<Domain::WaveSpec> &waves, const Domain::Hierarchy &hierarchy)
{
    m_filling = true;
    setRowCount(0);
    for (const Domain::WaveSpec &w : waves) {
        const int row = rowCount();
        insertRow(row);
        auto *name = new QTableWidgetItem;
        if (!w.nodes.isEmpty()) {
            name->setText(w.name.isEmpty() ? Domain::waveTitle(w) : w.name);
            name->setData(NodesRole, w.nodes);
            QStringList titles;
            for (const QString &path : w.nodes)
                titles.append(Domain::titlePath(hierarchy, path));
            name->setToolTip(titles.join(QLatin1Char('\n')));
            name->setFlags(name->flags() & ~Qt::ItemIsEditable);
        } else {
            name->setText(percentText(w.percent));
            name->setToolTip(tr("A share of the devices not yet in a wave, e.g. 25%"));
        }
        setItem(row, WaveNameColumn, name);
        auto *devices = new QTableWidgetItem;
        devices->setFlags(devices->flags() & ~Qt::ItemIsEditable);
        devices->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setItem(row, WaveDevicesColumn, devices);
        setItem(row, WaveSuccessColumn, new QTableWidgetItem(w.success.toString()));
        setItem(row, WaveFailureColumn, new QTableWidgetItem(w.failure.toString()));
        auto *pause = new QTableWidgetItem;
        pause->setFlags((pause->flags() | Qt::ItemIsUserCheckable) & ~Qt::ItemIsEditable);
        pause->setCheckState(w.pauseBefore ? Qt::Checked : Qt::Unchecked);
        setItem(row, WavePauseColumn, pause);
    }
    m_filling = false;
}

QList<Domain::WaveSpec> WavesTable::waves(QString *error) const
{
    QList<Domain::WaveSpec> waves;
    for (int row = 0; row < rowCount(); ++row) {
        Domain::WaveSpec w;
        const QTableWidgetItem *name = item(row, WaveNameColumn);
        const QStringList nodes = name ? name->data(NodesRole).toStringList() : QStringList();
        if (!nodes.isEmpty()) {
            w.nodes = nodes;
            w.name = name->text();
        } else {
            const std::optional<double> percent = parsePercent(name ? name->text() : QString());
            if (!percent) {
                if (error && error->isEmpty())
                    *error = tr("Wave %1: “%2” is not a share of the devices (e.g. 25%).")
                                 .arg(row + 1)
                                 .arg(name ? name->text() : QString());
                continue;
            }
            w.percent = *percent;
        }
        for (const auto &[column, threshold] : {std::pair {WaveSuccessColumn, &w.success},
                 std::pair {WaveFailureColumn, &w.failure}}) {
            const QTableWidgetItem *item = this->item(row, column);
            QString why;
            const std::optional<Domain::Threshold> t
                = Domain::Threshold::parse(item ? item->text() : QString(), &why);
            if (t)
                *threshold = *t;
            else if (error && error->isEmpty())
                *error = tr("Wave %1: %2").arg(row + 1).arg(why);
        }
        const QTableWidgetItem *pause = item(row, WavePauseColumn);
        w.pauseBefore = pause && pause->checkState() == Qt::Checked;
        waves.append(w);
    }
    return waves;
}

void WavesTable::setDeviceCounts(const QList<int> &counts)
{
    m_filling = true;
    for (int row = 0; row < rowCount(); ++row) {
        if (QTableWidgetItem *item = this->item(row, WaveDevicesColumn))
            item->setText(row < counts.size() ? QLocale().toString(counts.at(row)) : QString());
    }
    m_filling = false;
}

} // namespace Flotilla::Views
