// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/rolloutrun.h"

#include <QPair>

namespace Flotilla::Rollout {

struct RolloutContext;

// Rolling a rollout back, whatever its method: every device that updated (or is updating)
// returns to its previous version, locked to it and flashed, one request each within the
// budget. A staged rollout's devices first leave the wave groups (else the release would bring
// the version back). A device that does not return within the rollout's device timeout is
// TimedOut; the rollback finishes once no device is left returning. Internal to the rollout
// engine.
class RollbackStrategy final
{
    Q_DISABLE_COPY_MOVE(RollbackStrategy)

public:
    explicit RollbackStrategy(RolloutContext &context)
        : m_ctx(context)
    { }

    // Marks the devices to return at `t` and queues them; the number of devices.
    int begin(RolloutRun &run, qint64 t);
    // The next requests of a rolling back rollout.
    void drive(RolloutRun &run);
    // RollingBack → RolledBack at `t` once no device is left returning and nothing is on the
    // wire; true when it finished.
    bool finishIfDone(RolloutRun &run, qint64 t);

private:
    void removeFromWaveGroups(qint64 id, QList<QPair<int, QStringList>> batches);

    RolloutContext &m_ctx;
};

} // namespace Flotilla::Rollout
