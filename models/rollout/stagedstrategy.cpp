// SPDX-License-Identifier: MIT
#include "rollout/stagedstrategy.h"

#include "domain/text.h"
#include "remote/particleclient.h"
#include "rollout/releasestrategy.h"
#include "rollout/rolloutcontext.h"
#include "rollout/rolloutjournal.h"

#include <QMap>
#include <QTimer>

namespace Flotilla::Rollout {

using Domain::RolloutDevice;
using Domain::RolloutDeviceState;
using Domain::RolloutState;
using Domain::WaveState;
using Remote::ApiError;

void StagedStrategy::beginWave(RolloutRun &run, int wave, qint64 t)
{
    RolloutStrategy::beginWave(run, wave, t);
    // A wave without devices (a tiny selection) has no group and nothing to release.
    if (run.waveDeviceIds(wave).isEmpty()) {
        Domain::WaveProgress &progress = run.r.waves[wave];
        progress.released = true;
        progress.state = WaveState::Finished;
        progress.finishedMs = t;
    }
}

void StagedStrategy::driveWave(RolloutRun &run, int wave)
{
    const Domain::WaveProgress &progress = run.r.waves.at(wave);
    const int batchSize = m_ctx.config.batchSize;
    const int batches
        = static_cast<int>((run.waveDeviceIds(wave).size() + batchSize - 1) / batchSize);
    if (progress.batchesDone < batches)
        return addBatch(run, wave, progress.batchesDone);
    if (!progress.released)
        return release(run, wave);
}

void StagedStrategy::addBatch(RolloutRun &run, int wave, int batch)
{
    run.busy = true;
    const qint64 id = run.r.id;
    if (batch > 0)
        return sendBatch(id, wave, batch);
    // Create the group first; its description carries the rollout's token, so a group of that
    // name that exists already is taken only when it is this rollout's (created before a restart).
    const QString group = run.group(wave);
    const QString token = run.token();
    Domain::Group g;
    g.name = group;
    g.description = Text::tr("Flotilla rollout %1 (%2), wave %3").arg(id).arg(token).arg(wave + 1);
    m_ctx.journal->countRequest(run);
    m_ctx.client->createGroup(m_ctx.config.productId, g, m_ctx.owner,
        [this, id, wave, batch, group, token](Remote::Result<Domain::Group> result) {
            RolloutRun *current = m_ctx.find(id);
            if (!current)
                return;
            if (result.ok())
                return sendBatch(id, wave, batch);
            if (result.error.kind != ApiError::Kind::BadRequest)
                return m_ctx.stepFailed(
                    *current, Text::tr("Creating the rollout group"), result.error);
            m_ctx.journal->countRequest(*current);
            m_ctx.client->listGroups(m_ctx.config.productId, m_ctx.owner,
                [this, id, wave, batch, group, token](Remote::Result<QList<Domain::Group>> groups) {
                    RolloutRun *latest = m_ctx.find(id);
                    if (!latest)
                        return;
                    if (!groups.ok())
                        return m_ctx.stepFailed(
                            *latest, Text::tr("Creating the rollout group"), groups.error);
                    for (const Domain::Group &existing : std::as_const(*groups.value)) {
                        if (existing.name == group && existing.description.contains(token))
                            return sendBatch(id, wave, batch);
                    }
                    ApiError clash;
                    clash.kind = ApiError::Kind::BadRequest;
                    clash.message = Text::tr("The product already has a group of the name this "
                                             "rollout's wave needs, made by something else; the "
                                             "wave cannot start until it is removed");
                    m_ctx.stepFailed(*latest, Text::tr("Creating the rollout group"), clash);
                });
        });
}

void StagedStrategy::sendBatch(qint64 id, int wave, int batch)
{
    RolloutRun *run = m_ctx.find(id);
    if (!run)
        return;
    const int batchSize = m_ctx.config.batchSize;
    // Devices found gone from the product are left out (the API refuses the whole batch).
    QStringList ids;
    for (const QString &deviceId :
        run->waveDeviceIds(wave).mid(static_cast<qsizetype>(batch) * batchSize, batchSize)) {
        const RolloutDevice &d = run->device(deviceId);
        if (!(d.state == RolloutDeviceState::Failed && d.stage == GoneStage))
            ids.append(deviceId);
    }
    auto done = [this, id, wave, batch] {
        RolloutRun *latest = m_ctx.find(id);
        if (!latest)
            return;
        latest->r.waves[wave].batchesDone = qMax(latest->r.waves[wave].batchesDone, batch + 1);
        m_ctx.journal->markHeader(*latest);
        m_ctx.journal->persist(*latest, m_ctx.resumeAfter(id));
    };
    if (ids.isEmpty())
        return done();
    m_ctx.journal->countRequest(*run);
    m_ctx.client->batchGroups(m_ctx.config.productId, ids, {run->group(wave)}, {}, m_ctx.owner,
        [this, id, wave, batch, ids, done](Remote::Result<bool> result) {
            RolloutRun *latest = m_ctx.find(id);
            if (!latest)
                return;
            if (!result.ok() && result.error.kind == ApiError::Kind::NotFound)
                return checkBatchIds(id, wave, batch, ids, {}, result.error);
            if (!result.ok())
                return m_ctx.stepFailed(
                    *latest, Text::tr("Adding devices to the rollout group"), result.error);
            m_ctx.noteGroups(ids, latest->group(wave), QString());
            done();
        });
}

// A batch was refused because a device is not in the product: the batch's devices are read
// back one by one (within the budget); those gone are marked Failed and the batch goes again
// without them.
void StagedStrategy::checkBatchIds(
    qint64 id, int wave, int batch, QStringList toCheck, QStringList gone, const ApiError &refusal)
{
    RolloutRun *run = m_ctx.find(id);
    if (!run)
        return;
    if (run->r.state != RolloutState::Running) {
        // Paused or aborted meanwhile: the batch stays undone (a resume sends it again).
        run->busy = false;
        m_ctx.drive(*run);
        return;
    }
    if (toCheck.isEmpty()) {
        if (gone.isEmpty()) // every device is there: the refusal is about something else
            return m_ctx.stepFailed(*run, Text::tr("Adding devices to the rollout group"), refusal);
        const qint64 t = m_ctx.now();
        for (const QString &deviceId : std::as_const(gone)) {
            RolloutDevice d = run->device(deviceId);
            if (d.state != RolloutDeviceState::Waiting)
                continue;
            d.state = RolloutDeviceState::Failed;
            d.stage = GoneStage;
            d.reason = Text::tr("No longer in the product");
            d.updatedMs = t;
            m_ctx.journal->markDevice(*run, d);
        }
        qCInfo(lcRollout) << "rollout" << id << "wave" << wave + 1 << "batch" << batch + 1 << ":"
                          << gone.size() << "devices gone from the product";
        m_ctx.journal->persist(*run, m_ctx.resumeAfter(id));
        return;
    }
    auto later = [this, id, wave, batch, gone, refusal](const QStringList &left) {
        QTimer::singleShot(RetryDelayMs, m_ctx.owner, [this, id, wave, batch, left, gone, refusal] {
            checkBatchIds(id, wave, batch, left, gone, refusal);
        });
    };
    if (m_ctx.client->headroom() <= m_ctx.config.reserveRequests)
        return later(toCheck);
    const QString deviceId = toCheck.takeFirst();
    m_ctx.journal->countRequest(*run);
    m_ctx.client->getDevice(m_ctx.config.productId, deviceId, m_ctx.owner,
        [this, id, wave, batch, deviceId, toCheck, gone, refusal, later](
            Remote::Result<Domain::Device> result) mutable {
            if (!m_ctx.find(id))
                return;
            if (!result.ok() && retryable(result.error)) {
                toCheck.prepend(deviceId);
                return later(toCheck);
            }
            if (!result.ok() && result.error.kind == ApiError::Kind::NotFound)
                gone.append(deviceId);
            checkBatchIds(id, wave, batch, toCheck, gone, refusal);
        });
}

void StagedStrategy::release(RolloutRun &run, int wave)
{
    // Waves without devices have no group.
    QStringList groups;
    for (int w = 0; w <= wave; ++w) {
        if (!run.waveDeviceIds(w).isEmpty())
            groups.append(run.group(w));
    }
    m_releases.releaseWave(run, wave, groups, true);
}

void StagedStrategy::finish(RolloutRun &run)
{
    if (wantsFinalRelease(run.r.spec) && !run.r.finalReleaseDone)
        finalRelease(run);
}

void StagedStrategy::finalRelease(RolloutRun &run)
{
    QStringList waveGroups;
    for (int w = 0; w < run.r.waves.size(); ++w) {
        if (!run.waveDeviceIds(w).isEmpty())
            waveGroups.append(run.group(w));
    }
    const qint64 id = run.r.id;
    m_releases.release(run, run.r.spec.nodes, waveGroups, true,
        Text::tr("Releasing the version to the selection"), [this, id, waveGroups](RolloutRun &) {
            // Delete the wave groups one after the other; one already gone is fine.
            deleteWaveGroups(id, waveGroups);
        });
}

void StagedStrategy::deleteWaveGroups(qint64 id, QStringList remaining)
{
    RolloutRun *run = m_ctx.find(id);
    if (!run)
        return;
    if (remaining.isEmpty()) {
        run->r.finalReleaseDone = true;
        m_ctx.journal->markHeader(*run);
        m_ctx.journal->persist(*run, [this, id] {
            if (RolloutRun *current = m_ctx.find(id))
                current->busy = false;
        });
        return;
    }
    const QString group = remaining.takeFirst();
    m_ctx.journal->countRequest(*run);
    m_ctx.client->deleteGroup(m_ctx.config.productId, group, m_ctx.owner,
        [this, id, group, remaining](Remote::Result<bool> result) {
            RolloutRun *current = m_ctx.find(id);
            if (!current)
                return;
            if (!result.ok() && result.error.kind != ApiError::Kind::NotFound
                && result.error.kind != ApiError::Kind::BadRequest)
                return m_ctx.stepFailed(
                    *current, Text::tr("Deleting the rollout groups"), result.error);
            m_ctx.noteGroupDeleted(group);
            deleteWaveGroups(id, remaining);
        });
}

// Cancelled devices still in a wave group: out of it, a batch per wave.
void StagedStrategy::cancel(RolloutRun &run)
{
    QMap<int, QStringList> byWave;
    for (const RolloutDevice &d : std::as_const(run.r.devices)) {
        if (d.state == RolloutDeviceState::Cancelled && d.stage == CancellingStage)
            byWave[d.wave].append(d.id);
    }
    if (byWave.isEmpty())
        return;
    const qint64 id = run.r.id;
    const int wave = byWave.firstKey();
    const QStringList ids = byWave.first().mid(0, m_ctx.config.batchSize);
    run.busy = true;
    m_ctx.journal->countRequest(run);
    m_ctx.client->batchGroups(m_ctx.config.productId, ids, {}, {run.group(wave)}, m_ctx.owner,
        [this, id, ids, group = run.group(wave)](Remote::Result<bool> result) {
            RolloutRun *current = m_ctx.find(id);
            if (!current)
                return;
            const bool refused = !result.ok() && !retryable(result.error);
            if (!result.ok() && !refused)
                return m_ctx.stepFailed(
                    *current, Text::tr("Taking devices out of the rollout group"), result.error);
            if (refused)
                m_ctx.report(id,
                    Text::tr("Devices could not be taken out of the rollout group: %1")
                        .arg(result.error.toString()));
            else
                m_ctx.noteGroups(ids, QString(), group);
            for (const QString &deviceId : ids) {
                RolloutDevice d = current->device(deviceId);
                d.stage.clear();
                d.updatedMs = m_ctx.now();
                if (refused)
                    d.reason = Text::tr("Could not be taken out of the rollout group: %1")
                                   .arg(result.error.message);
                m_ctx.journal->markDevice(*current, d);
            }
            m_ctx.journal->persist(*current, m_ctx.resumeAfter(id));
        });
}

} // namespace Flotilla::Rollout
