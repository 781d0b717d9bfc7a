// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/rolloutstrategy.h"

namespace Flotilla::Rollout {

class ReleaseQueue;

// A staged rollout: per wave, the wave's devices join a rollout group of their own (created
// first, then filled with batch requests of `batchSize` devices), then the version is released
// intelligently to the rollout groups so far. A batch the cloud refuses because a device left
// the product goes again without it. Once completed, a rollout of nodes releases the version to
// those nodes and deletes its groups; an abort takes the cancelled devices out of the groups.
// Internal to the rollout engine.
class StagedStrategy final : public RolloutStrategy
{
public:
    StagedStrategy(RolloutContext &context, ReleaseQueue &releases)
        : RolloutStrategy(context)
        , m_releases(releases)
    { }

    void beginWave(RolloutRun &run, int wave, qint64 t) override;
    void driveWave(RolloutRun &run, int wave) override;
    void cancel(RolloutRun &run) override;
    void finish(RolloutRun &run) override;

private:
    void addBatch(RolloutRun &run, int wave, int batch);
    void sendBatch(qint64 id, int wave, int batch);
    void checkBatchIds(qint64 id, int wave, int batch, QStringList toCheck, QStringList gone,
        const Remote::ApiError &refusal);
    void release(RolloutRun &run, int wave);
    void finalRelease(RolloutRun &run);
    void deleteWaveGroups(qint64 id, QStringList remaining);

    ReleaseQueue &m_releases;
};

} // namespace Flotilla::Rollout
