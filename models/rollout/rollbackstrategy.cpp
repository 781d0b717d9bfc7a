// SPDX-License-Identifier: MIT
#include "rollout/rollbackstrategy.h"

#include "domain/text.h"
#include "remote/particleclient.h"
#include "rollout/rolloutcontext.h"
#include "rollout/rolloutjournal.h"

#include <QJsonObject>
#include <QMap>

namespace Flotilla::Rollout {

using Domain::RolloutDevice;
using Domain::RolloutDeviceState;
using Domain::RolloutMethod;
using Domain::RolloutState;

int RollbackStrategy::begin(RolloutRun &run, qint64 t)
{
    int count = 0;
    for (const RolloutDevice &device : std::as_const(run.r.devices)) {
        if ((device.state != RolloutDeviceState::Succeeded
                && device.state != RolloutDeviceState::Updating)
            || device.previousVersion <= 0)
            continue;
        RolloutDevice d = device;
        d.state = RolloutDeviceState::RollingBack;
        d.stage.clear();
        d.startedMs = 0; // set once its lock to the previous version is confirmed
        d.updatedMs = t;
        d.reason = Text::tr("Returning to version %1").arg(d.previousVersion);
        m_ctx.journal->markDevice(run, d);
        run.rollbackQueue.append(d.id);
        ++count;
    }
    run.rollbackGroupsDone = false;
    return count;
}

void RollbackStrategy::drive(RolloutRun &run)
{
    const qint64 id = run.r.id;
    if (run.r.spec.method == RolloutMethod::Staged && !run.rollbackGroupsDone) {
        // Out of the wave groups first (else the release would bring the version back).
        QMap<int, QStringList> byWave;
        for (const QString &deviceId : std::as_const(run.rollbackQueue))
            byWave[run.device(deviceId).wave].append(deviceId);
        if (byWave.isEmpty()) {
            run.rollbackGroupsDone = true;
        } else {
            const int batchSize = m_ctx.config.batchSize;
            QList<QPair<int, QStringList>> batches;
            for (auto it = byWave.cbegin(); it != byWave.cend(); ++it) {
                for (qsizetype i = 0; i < it->size(); i += batchSize)
                    batches.append({it.key(), it->mid(i, batchSize)});
            }
            run.busy = true;
            removeFromWaveGroups(id, batches);
            return;
        }
    }
    while (!run.rollbackQueue.isEmpty() && m_ctx.mayUseBudget(run)) {
        const QString deviceId = run.rollbackQueue.takeFirst();
        const RolloutDevice &d = run.device(deviceId);
        if (d.state != RolloutDeviceState::RollingBack)
            continue;
        ++run.perDeviceInFlight;
        m_ctx.journal->countRequest(run);
        const QJsonObject fields {{QStringLiteral("desired_firmware_version"), d.previousVersion},
            {QStringLiteral("flash"), true}};
        m_ctx.client->updateDevice(m_ctx.config.productId, deviceId, fields, m_ctx.owner,
            [this, id, deviceId](Remote::Result<QJsonObject> result) {
                RolloutRun *current = m_ctx.find(id);
                if (!current)
                    return;
                --current->perDeviceInFlight;
                RolloutDevice device = current->device(deviceId);
                if (!result.ok()) {
                    if (retryable(result.error)) {
                        current->rollbackQueue.append(deviceId);
                        current->retryAtMs = m_ctx.now() + RetryDelayMs;
                        return;
                    }
                    device.state = RolloutDeviceState::Failed;
                    device.reason = Text::tr("Could not be locked to version %1: %2")
                                        .arg(device.previousVersion)
                                        .arg(result.error.message);
                } else {
                    device.startedMs = m_ctx.now();
                    m_ctx.noteLock(deviceId, device.previousVersion);
                }
                device.updatedMs = m_ctx.now();
                m_ctx.journal->markDevice(*current, device);
                m_ctx.drive(*current);
            });
    }
}

void RollbackStrategy::removeFromWaveGroups(qint64 id, QList<QPair<int, QStringList>> batches)
{
    RolloutRun *run = m_ctx.find(id);
    if (!run)
        return;
    if (batches.isEmpty()) {
        run->busy = false;
        run->rollbackGroupsDone = true;
        m_ctx.drive(*run);
        return;
    }
    const auto [wave, ids] = batches.takeFirst();
    m_ctx.journal->countRequest(*run);
    m_ctx.client->batchGroups(m_ctx.config.productId, ids, {}, {run->group(wave)}, m_ctx.owner,
        [this, id, batches, ids = ids, group = run->group(wave)](Remote::Result<bool> result) {
            RolloutRun *current = m_ctx.find(id);
            if (!current)
                return;
            if (result.ok())
                m_ctx.noteGroups(ids, QString(), group);
            if (!result.ok()) {
                if (retryable(result.error))
                    return m_ctx.stepFailed(*current,
                        Text::tr("Taking devices out of the rollout group"), result.error);
                // Refused for good: the locks to the previous version still win.
                m_ctx.report(id,
                    Text::tr("Devices could not be taken out of the rollout group: %1")
                        .arg(result.error.toString()));
            }
            removeFromWaveGroups(id, batches);
        });
}

bool RollbackStrategy::finishIfDone(RolloutRun &run, qint64 t)
{
    const bool left = std::any_of(run.r.devices.cbegin(), run.r.devices.cend(),
        [](const RolloutDevice &d) { return d.state == RolloutDeviceState::RollingBack; });
    if (left || run.busy || run.perDeviceInFlight > 0 || !run.unlockQueue.isEmpty())
        return false;
    const int timedOut = static_cast<int>(
        std::count_if(run.r.devices.cbegin(), run.r.devices.cend(), [](const RolloutDevice &d) {
            return d.state == RolloutDeviceState::TimedOut && d.stage == RollbackStage;
        }));
    run.r.state = RolloutState::RolledBack;
    run.r.finishedMs = t;
    if (timedOut > 0)
        run.r.stateReason = Text::tr(
            "%Ln device(s) did not return to their previous version in time", nullptr, timedOut);
    m_ctx.journal->addActivity(run, Text::tr("Rollback completed"), Text::tr("Rolled back"),
        timedOut > 0 ? run.r.stateReason : QString());
    m_ctx.journal->persist(run, {});
    return true;
}

} // namespace Flotilla::Rollout
