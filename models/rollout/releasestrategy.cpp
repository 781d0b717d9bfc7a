// SPDX-License-Identifier: MIT
#include "rollout/releasestrategy.h"

#include "domain/text.h"
#include "remote/particleclient.h"
#include "rollout/rolloutcontext.h"
#include "rollout/rolloutjournal.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace Flotilla::Rollout {

using Domain::RolloutDevice;
using Domain::RolloutDeviceState;
using Domain::RolloutMethod;
using Remote::ApiError;

void ReleaseQueue::done(int version)
{
    const auto it = m_waiting.find(version);
    if (it == m_waiting.end() || it->isEmpty()) {
        m_waiting.remove(version);
        m_releasing.remove(version);
        return;
    }
    std::function<void()> next = it->takeFirst();
    QMetaObject::invokeMethod(m_ctx.owner, std::move(next), Qt::QueuedConnection);
}

void ReleaseQueue::release(RolloutRun &run, const QStringList &extra, const QStringList &without,
    bool intelligent, const QString &what, std::function<void(RolloutRun &)> then)
{
    run.busy = true;
    const qint64 id = run.r.id;
    const int version = run.r.spec.version;
    auto go = [this, id, version, extra, without, intelligent, what, then] {
        RolloutRun *queued = m_ctx.find(id);
        if (!queued)
            return done(version);
        m_ctx.journal->countRequest(*queued);
        m_ctx.client->requestJson("GET",
            QStringLiteral("/v1/products/%1/firmware").arg(m_ctx.config.productId), {}, m_ctx.owner,
            [this, id, version, extra, without, intelligent, what, then](
                const Remote::ApiReply &reply) {
                RolloutRun *current = m_ctx.find(id);
                if (!current)
                    return done(version);
                if (!reply.ok() || !reply.json.isArray()) {
                    ApiError error = reply.error;
                    if (!error.isError()) {
                        error.kind = ApiError::Kind::Malformed;
                        error.status = reply.status;
                        error.message = Text::tr("The firmware list could not be read");
                    }
                    done(version);
                    return m_ctx.stepFailed(*current, what, error);
                }
                QStringList groups;
                bool wasIntelligent = false;
                for (const QJsonValue &v : reply.json.array()) {
                    const QJsonObject f = v.toObject();
                    if (f.value(QStringLiteral("version")).toInt() != version)
                        continue;
                    for (const QJsonValue &g : f.value(QStringLiteral("groups")).toArray())
                        groups.append(g.toString());
                    wasIntelligent = f.value(QStringLiteral("intelligent")).toBool();
                }
                // Particle documents `intelligent` on the release answer only, not in this list:
                // what this console released intelligently itself counts as well.
                const bool keepIntelligent
                    = (wasIntelligent || releasedIntelligently(version)) && !groups.isEmpty();
                for (const QString &g : without)
                    groups.removeAll(g);
                for (const QString &g : extra) {
                    if (!groups.contains(g))
                        groups.append(g);
                }
                groups.sort();
                m_ctx.journal->countRequest(*current);
                m_ctx.client->releaseFirmware(m_ctx.config.productId, version, groups, std::nullopt,
                    intelligent || keepIntelligent, m_ctx.owner,
                    [this, id, version, what, then](Remote::Result<Domain::Firmware> released) {
                        done(version);
                        RolloutRun *latest = m_ctx.find(id);
                        if (!latest)
                            return;
                        if (!released.ok())
                            return m_ctx.stepFailed(*latest, what, released.error);
                        then(*latest);
                    });
            });
    };
    if (m_releasing.contains(version)) {
        m_waiting[version].append(std::move(go));
        return;
    }
    m_releasing.insert(version);
    go();
}

void ReleaseQueue::releaseWave(
    RolloutRun &run, int wave, const QStringList &groups, bool intelligent)
{
    const qint64 id = run.r.id;
    release(run, groups, {}, intelligent, Text::tr("Releasing the version"),
        [this, wave, id](RolloutRun &current) {
            current.r.waves[wave].released = true;
            m_ctx.journal->markHeader(current);
            // The wave's devices may update from now on: their timeouts start.
            const qint64 t = m_ctx.now();
            for (const RolloutDevice &device : std::as_const(current.r.devices)) {
                if (device.wave != wave || device.startedMs > 0
                    || (device.state != RolloutDeviceState::Waiting
                        && device.state != RolloutDeviceState::Updating))
                    continue;
                RolloutDevice d = device;
                d.startedMs = t;
                m_ctx.journal->markDevice(current, d);
            }
            qCInfo(lcRollout) << "rollout" << id << "released wave" << wave + 1;
            m_ctx.journal->persist(current, m_ctx.resumeAfter(id));
        });
}

bool ReleaseQueue::releasedIntelligently(int version) const
{
    const QList<RolloutRun *> runs = m_ctx.journal->runs();
    for (const RolloutRun *run : runs) {
        const Domain::RolloutSpec &spec = run->r.spec;
        const bool intelligent = spec.method == RolloutMethod::Staged
            || (spec.method == RolloutMethod::Release && spec.intelligent);
        if (spec.version != version || !intelligent)
            continue;
        if (run->r.finalReleaseDone
            || std::any_of(run->r.waves.cbegin(), run->r.waves.cend(),
                [](const Domain::WaveProgress &w) { return w.released; }))
            return true;
    }
    return false;
}

void ReleaseStrategy::driveWave(RolloutRun &run, int wave)
{
    if (!run.r.waves.at(wave).released)
        m_releases.releaseWave(run, wave, run.r.spec.nodes, run.r.spec.intelligent);
}

bool ReleaseStrategy::cancelDevice(RolloutRun &run, RolloutDevice &d)
{
    // A release cannot be taken back without touching the nodes: waiting devices stay.
    if (d.state == RolloutDeviceState::Waiting)
        return false;
    return RolloutStrategy::cancelDevice(run, d);
}

} // namespace Flotilla::Rollout
