// SPDX-License-Identifier: MIT
#include "rollout/rolloutstrategy.h"

#include "domain/text.h"
#include "rollout/rolloutcontext.h"
#include "rollout/rolloutjournal.h"
#include "sync/syncengine.h"

namespace Flotilla::Rollout {

using Domain::RolloutDevice;
using Domain::RolloutDeviceState;

RolloutStrategy::~RolloutStrategy() = default;

void RolloutStrategy::beginWave(RolloutRun &run, int wave, qint64 t)
{
    const QHash<QString, Domain::Device> &known = m_ctx.sync->state().devices;
    for (RolloutDevice d : std::as_const(run.r.devices)) {
        if (d.wave != wave || d.state != RolloutDeviceState::Pending)
            continue;
        d.state = RolloutDeviceState::Waiting;
        d.startedMs = 0; // the timeout counts from the wave's release
        d.updatedMs = t;
        d.reason.clear();
        d.stage.clear();
        const auto device = known.constFind(d.id);
        if (device != known.cend() && !device->online) {
            d.stage = QStringLiteral("offline");
            d.reason = Text::tr("Offline: it updates when it comes back");
        }
        m_ctx.journal->markDevice(run, d);
    }
}

bool RolloutStrategy::waveSent(const RolloutRun &run, int wave) const
{
    return run.r.waves.at(wave).released;
}

void RolloutStrategy::abort(RolloutRun &run, qint64 t)
{
    const QString cancelled = Text::tr("The rollout was aborted before the device started");
    for (const RolloutDevice &device : std::as_const(run.r.devices)) {
        RolloutDevice d = device;
        if (!cancelDevice(run, d))
            continue;
        d.reason = cancelled;
        d.updatedMs = t;
        m_ctx.journal->markDevice(run, d);
    }
}

bool RolloutStrategy::cancelDevice(RolloutRun &, RolloutDevice &d)
{
    switch (d.state) {
    case RolloutDeviceState::Pending:
        d.state = RolloutDeviceState::Cancelled;
        return true;
    case RolloutDeviceState::Waiting:
        d.state = RolloutDeviceState::Cancelled;
        d.stage = CancellingStage;
        return true;
    default:
        return false;
    }
}

void RolloutStrategy::cancel(RolloutRun &) { }

void RolloutStrategy::finish(RolloutRun &) { }

} // namespace Flotilla::Rollout
