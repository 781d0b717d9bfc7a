// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/rolloutrun.h"
#include "sync/fleetstate.h"

namespace Flotilla::Rollout {

// A rollout ready to be written (Running, its devices in their waves) with its first activity,
// or why there is none.
struct RolloutPlan
{
    Domain::Rollout rollout;
    Store::ActivityRecord activity;
    QString refusal;
};

// Plans rollouts from the fleet as the sync engine knows it and the rollouts the engine holds,
// without a request: the impact of flashing a selection, and the rollout a spec makes. A device
// still in flight in another active rollout is left to that rollout. Internal to the rollout
// engine (RolloutEngine::assess, RolloutEngine::startRollout).
class RolloutPlanner final
{
public:
    RolloutPlanner(const Sync::FleetState &fleet, QList<RolloutRun *> runs)
        : m_fleet(fleet)
        , m_runs(std::move(runs))
    { }

    // The impact of flashing `version` to the selection the `method`'s way. `nodes` are node
    // paths, `devices` device ids; devices under several selected nodes count once.
    Domain::FlashImpact assess(Domain::RolloutMethod method, int version, const QStringList &nodes,
        const QStringList &devices) const;
    // The rollout `spec` (valid, of a version the product has) makes at `nowMs`, with a random
    // seed and a token picked when it has none. Refuses a selection with no device to flash,
    // and a release that would reach devices another active rollout updates to another version.
    RolloutPlan plan(Domain::RolloutSpec spec, const QString &actor, qint64 nowMs) const;

private:
    const Sync::FleetState &m_fleet;
    QList<RolloutRun *> m_runs;
};

} // namespace Flotilla::Rollout
