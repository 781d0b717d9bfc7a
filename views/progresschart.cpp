// SPDX-License-Identifier: MIT
#include "views/progresschart.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <functional>

namespace Flotilla::Views {

namespace {

// A legend entry: its colour mark (and the space after it), the text, the gap to the next.
constexpr int LegendMarkWidth = 18;
constexpr int LegendGap = 16;

} // namespace

ProgressChart::ProgressChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("progressChart"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void ProgressChart::setSamples(const QList<Domain::RolloutSample> &samples, int total)
{
    if (samples == m_samples && total == m_total)
        return;
    m_samples = samples;
    m_total = total;
    update();
}

QStringList ProgressChart::legendTexts()
{
    return {tr("Succeeded"), tr("Failed"), tr("In progress")};
}

int ProgressChart::legendWidth() const
{
    const QFontMetrics fm = fontMetrics();
    int width = 0;
    for (const QString &text : legendTexts())
        width += LegendMarkWidth + fm.horizontalAdvance(text) + LegendGap;
    return width;
}

QSize ProgressChart::minimumSizeHint() const
{
    // The axis' widest label ("0" to a few thousand devices), then the legend.
    const int axis = fontMetrics().horizontalAdvance(QLocale().toString(std::max(m_total, 9999)));
    return {std::max(200, axis + 10 + legendWidth()), 90};
}

void ProgressChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QFontMetrics fm = fontMetrics();
    const QLocale locale;

    int top = m_total;
    for (const Domain::RolloutSample &s : m_samples)
        top = std::max({top, s.succeeded, s.failed, s.active});
    top = std::max(top, 1);

    const int left = fm.horizontalAdvance(locale.toString(top)) + 10;
    const int legend = fm.height() + 6;
    const QRectF plot(left, 6 + legend, width() - left - 10, height() - 12 - 2 * legend);
    p.setPen(pal.color(QPalette::Mid));
    p.drawRect(plot);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRectF(0, plot.top() - fm.height() / 2.0, left - 4, fm.height()),
        Qt::AlignRight | Qt::AlignVCenter, locale.toString(top));
    p.drawText(QRectF(0, plot.bottom() - fm.height() / 2.0, left - 4, fm.height()),
        Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));

    const QColor succeeded(0x2e, 0x8b, 0x3e);
    const QColor failed(0xc0, 0x30, 0x30);
    const QColor active(0x30, 0x70, 0xc0);
    // The legend.
    int x = left;
    const QStringList texts = legendTexts();
    const QColor colors[] = {succeeded, failed, active};
    for (qsizetype i = 0; i < texts.size(); ++i) {
        p.fillRect(QRectF(x, 6 + fm.height() / 2.0 - 3, 14, 6), colors[i]);
        x += LegendMarkWidth;
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QPointF(x, 6 + fm.ascent()), texts.at(i));
        x += fm.horizontalAdvance(texts.at(i)) + LegendGap;
    }

    if (m_samples.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(plot, Qt::AlignCenter, tr("No progress recorded yet"));
        return;
    }
    const qint64 t0 = m_samples.constFirst().ms;
    const qint64 t1 = std::max(m_samples.constLast().ms, t0 + 1);
    const auto point = [&](qint64 ms, int value) {
        const double fx = double(ms - t0) / double(t1 - t0);
        const double fy = double(value) / double(top);
        return QPointF(plot.left() + fx * plot.width(), plot.bottom() - fy * plot.height());
    };
    const auto line
        = [&](const QColor &color, const std::function<int(const Domain::RolloutSample &)> &value) {
              QPainterPath path;
              path.moveTo(point(m_samples.constFirst().ms, value(m_samples.constFirst())));
              for (const Domain::RolloutSample &s : m_samples)
                  path.lineTo(point(s.ms, value(s)));
              if (m_samples.size() == 1)
                  path.lineTo(point(t1, value(m_samples.constFirst())));
              p.setPen(QPen(color, 2));
              p.drawPath(path);
          };
    line(active, [](const Domain::RolloutSample &s) { return s.active; });
    line(failed, [](const Domain::RolloutSample &s) { return s.failed; });
    line(succeeded, [](const Domain::RolloutSample &s) { return s.succeeded; });

    p.setPen(pal.color(QPalette::Text));
    const QString from
        = locale.toString(QDateTime::fromMSecsSinceEpoch(t0).time(), QLocale::ShortFormat);
    const QString to
        = locale.toString(QDateTime::fromMSecsSinceEpoch(t1).time(), QLocale::ShortFormat);
    p.drawText(
        QRectF(plot.left(), plot.bottom() + 2, plot.width(), fm.height()), Qt::AlignLeft, from);
    p.drawText(
        QRectF(plot.left(), plot.bottom() + 2, plot.width(), fm.height()), Qt::AlignRight, to);
}

} // namespace Flotilla::Views
