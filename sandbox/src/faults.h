// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>

namespace Flotilla::Sandbox {

struct FaultSettings
{
    double errorRate = 0; // fraction of requests answered 500 or 503 without effect
    double dropRate = 0; // fraction of requests applied, then cut off mid-response
    double garbleRate = 0; // fraction of requests applied, then answered 200 with broken JSON
    int latencyMs = 0; // added to every answer
    int latencyJitterMs = 0; // plus a uniform 0..jitter
    double burst429Rate = 0; // chance per request that a burst of 429s starts
    int burst429Length = 20; // requests per burst

    QJsonObject toJson() const;
    // Applies the fields present in `json`; returns an error message for bad values.
    QString update(const QJsonObject &json);
};

// Decides, request by request, which fault (if any) to inject. Deterministic for a seed.
class Faults
{
public:
    enum class Action { None, Error500, Error503, TooMany, Drop, Garble };
    struct Decision
    {
        Action action = Action::None;
        int latencyMs = 0;
    };

    explicit Faults(quint64 seed);
    Decision decide();
    void startBurst(int length) { m_burstLeft = length; }
    FaultSettings settings;
    quint64 injected() const { return m_injected; }

private:
    double uniform();
    quint64 m_state;
    int m_burstLeft = 0;
    quint64 m_injected = 0;
};

} // namespace Flotilla::Sandbox
