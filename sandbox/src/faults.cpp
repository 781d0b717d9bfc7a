// SPDX-License-Identifier: MIT
#include "faults.h"

#include "fleet.h"

#include <cmath>

namespace Flotilla::Sandbox {

QJsonObject FaultSettings::toJson() const
{
    return QJsonObject {{QStringLiteral("error_rate"), errorRate},
        {QStringLiteral("drop_rate"), dropRate}, {QStringLiteral("garble_rate"), garbleRate},
        {QStringLiteral("latency_ms"), latencyMs},
        {QStringLiteral("latency_jitter_ms"), latencyJitterMs},
        {QStringLiteral("burst429_rate"), burst429Rate},
        {QStringLiteral("burst429_length"), burst429Length}};
}

QString FaultSettings::update(const QJsonObject &json)
{
    FaultSettings next = *this;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const QString &key = it.key();
        if (!it->isDouble())
            return QStringLiteral("'%1' must be a number").arg(key);
        const double v = it->toDouble();
        const bool fraction = v >= 0 && v <= 1;
        // Milliseconds and lengths are whole numbers (as on the command line).
        const bool count = v >= 0 && v <= 600000 && v == std::floor(v);
        if (key == QLatin1String("error_rate") && fraction)
            next.errorRate = v;
        else if (key == QLatin1String("drop_rate") && fraction)
            next.dropRate = v;
        else if (key == QLatin1String("garble_rate") && fraction)
            next.garbleRate = v;
        else if (key == QLatin1String("burst429_rate") && fraction)
            next.burst429Rate = v;
        else if (key == QLatin1String("latency_ms") && count)
            next.latencyMs = static_cast<int>(v);
        else if (key == QLatin1String("latency_jitter_ms") && count)
            next.latencyJitterMs = static_cast<int>(v);
        else if (key == QLatin1String("burst429_length") && count && v >= 1)
            next.burst429Length = static_cast<int>(v);
        else
            return QStringLiteral("Unknown fault setting or value out of range: '%1'").arg(key);
    }
    if (next.errorRate + next.dropRate + next.garbleRate > 1)
        return QStringLiteral("error_rate + drop_rate + garble_rate must not exceed 1");
    *this = next;
    return {};
}

Faults::Faults(quint64 seed)
    : m_state(seed ^ 0x5deece66dULL)
{ }

double Faults::uniform()
{
    return uniform01(m_state);
}

Faults::Decision Faults::decide()
{
    Decision d;
    d.latencyMs = settings.latencyMs;
    if (settings.latencyJitterMs > 0)
        d.latencyMs += static_cast<int>(uniform() * settings.latencyJitterMs);
    if (m_burstLeft == 0 && settings.burst429Rate > 0 && uniform() < settings.burst429Rate)
        m_burstLeft = settings.burst429Length;
    if (m_burstLeft > 0) {
        --m_burstLeft;
        d.action = Action::TooMany;
    } else {
        const double u = uniform();
        if (u < settings.errorRate)
            d.action = uniform() < 0.5 ? Action::Error500 : Action::Error503;
        else if (u < settings.errorRate + settings.dropRate)
            d.action = Action::Drop;
        else if (u < settings.errorRate + settings.dropRate + settings.garbleRate)
            d.action = Action::Garble;
    }
    if (d.action != Action::None)
        ++m_injected;
    return d;
}

} // namespace Flotilla::Sandbox
