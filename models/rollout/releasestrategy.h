// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/rolloutstrategy.h"

#include <QHash>
#include <QSet>

#include <functional>

namespace Flotilla::Rollout {

// Releases of the product's firmware versions, shared by the rollouts that release (Release and
// Staged). A release is a read-modify-write of a version's group list (read the version's groups
// from the cloud, add and take out some, write them back), so the releases of one version go one
// at a time across all rollouts: two never interleave their read and write and drop each other's
// groups. Particle keeps one `intelligent` flag per version: a version this console released
// intelligently stays intelligent. Internal to the rollout engine.
class ReleaseQueue final
{
    Q_DISABLE_COPY_MOVE(ReleaseQueue)

public:
    explicit ReleaseQueue(RolloutContext &context)
        : m_ctx(context)
    { }

    // The run's version released to its groups now with `extra` added and `without` taken out;
    // then `then` (a failure goes to RolloutContext::stepFailed, naming `what`). The run is busy
    // until then.
    void release(RolloutRun &run, const QStringList &extra, const QStringList &without,
        bool intelligent, const QString &what, std::function<void(RolloutRun &)> then);
    // Wave `wave` released with `groups` added: its devices may update from now on (their
    // timeouts start), and the run goes on.
    void releaseWave(RolloutRun &run, int wave, const QStringList &groups, bool intelligent);

private:
    void done(int version);
    // Whether a rollout of this console released `version` intelligently.
    bool releasedIntelligently(int version) const;

    RolloutContext &m_ctx;
    QSet<int> m_releasing; // versions with a release under way
    QHash<int, QList<std::function<void()>>> m_waiting; // releases waiting for their turn
};

// Release to the selected groups: one release adds the selected nodes' groups to the version's
// groups, standard or intelligent as the spec says. A release cannot be taken back without
// touching the nodes, so an abort leaves the waiting devices as they are.
class ReleaseStrategy final : public RolloutStrategy
{
public:
    ReleaseStrategy(RolloutContext &context, ReleaseQueue &releases)
        : RolloutStrategy(context)
        , m_releases(releases)
    { }

    void driveWave(RolloutRun &run, int wave) override;

protected:
    bool cancelDevice(RolloutRun &run, Domain::RolloutDevice &d) override;

private:
    ReleaseQueue &m_releases;
};

} // namespace Flotilla::Rollout
