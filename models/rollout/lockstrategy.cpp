// SPDX-License-Identifier: MIT
#include "rollout/lockstrategy.h"

#include "domain/text.h"
#include "remote/particleclient.h"
#include "rollout/rolloutcontext.h"
#include "rollout/rolloutjournal.h"

#include <QJsonObject>

namespace Flotilla::Rollout {

using Domain::RolloutDevice;
using Domain::RolloutDeviceState;
using Domain::RolloutState;
using Remote::ApiError;

void LockStrategy::beginWave(RolloutRun &, int, qint64)
{
    // Each device waits from its own lock on.
}

bool LockStrategy::waveSent(const RolloutRun &, int) const
{
    return true;
}

void LockStrategy::driveWave(RolloutRun &run, int wave)
{
    verify(run);
    if (!run.verify.isEmpty())
        return;
    send(run);
    if (!run.ready.isEmpty() || run.preparing || run.r.state != RolloutState::Running)
        return;
    prepare(run, wave);
}

// Devices that may have been sent before a restart: read back, sent again only when not locked.
void LockStrategy::verify(RolloutRun &run)
{
    const qint64 id = run.r.id;
    const int version = run.r.spec.version;
    while (!run.verify.isEmpty() && m_ctx.mayUseBudget(run)) {
        const QString deviceId = run.verify.takeFirst();
        ++run.perDeviceInFlight;
        m_ctx.journal->countRequest(run);
        m_ctx.client->getDevice(m_ctx.config.productId, deviceId, m_ctx.owner,
            [this, id, deviceId, version](Remote::Result<Domain::Device> result) {
                RolloutRun *current = m_ctx.find(id);
                if (!current)
                    return;
                --current->perDeviceInFlight;
                if (!result.ok() && !retryable(result.error)) {
                    // Gone from the product, or refused for good: not sent again.
                    RolloutDevice d = current->device(deviceId);
                    d.state = RolloutDeviceState::Failed;
                    d.reason
                        = Text::tr("The device could not be read: %1").arg(result.error.message);
                    d.updatedMs = m_ctx.now();
                    m_ctx.journal->markDevice(*current, d);
                    return m_ctx.drive(*current);
                }
                if (!result.ok()) {
                    current->verify.append(deviceId);
                    current->retryAtMs = m_ctx.now() + RetryDelayMs;
                    return;
                }
                RolloutDevice d = current->device(deviceId);
                if (d.state != RolloutDeviceState::Sending)
                    return m_ctx.drive(*current);
                if (result.value->desiredFirmwareVersion == version) {
                    d.state = RolloutDeviceState::Waiting;
                    d.startedMs = d.updatedMs = m_ctx.now();
                    if (result.value->firmwareVersion == version)
                        d.state = RolloutDeviceState::Succeeded;
                    m_ctx.journal->markDevice(*current, d);
                } else {
                    current->ready.append(deviceId);
                }
                m_ctx.drive(*current);
            });
    }
}

// The devices written as Sending: locked to the version and flashed, within the budget.
void LockStrategy::send(RolloutRun &run)
{
    const qint64 id = run.r.id;
    const int version = run.r.spec.version;
    while (!run.ready.isEmpty() && m_ctx.mayUseBudget(run)) {
        const QString deviceId = run.ready.takeFirst();
        if (run.device(deviceId).state != RolloutDeviceState::Sending)
            continue;
        ++run.perDeviceInFlight;
        run.sent.insert(deviceId);
        m_ctx.journal->countRequest(run);
        const QJsonObject fields {
            {QStringLiteral("desired_firmware_version"), version}, {QStringLiteral("flash"), true}};
        m_ctx.client->updateDevice(m_ctx.config.productId, deviceId, fields, m_ctx.owner,
            [this, id, deviceId](Remote::Result<QJsonObject> result) {
                RolloutRun *current = m_ctx.find(id);
                if (!current)
                    return;
                --current->perDeviceInFlight;
                current->sent.remove(deviceId);
                RolloutDevice d = current->device(deviceId);
                if (!result.ok()) {
                    if (retryable(result.error)) {
                        current->ready.append(deviceId);
                        current->retryAtMs = m_ctx.now() + RetryDelayMs;
                        return;
                    }
                    // Aborted meanwhile: nothing was locked, the device stays Cancelled.
                    if (d.state == RolloutDeviceState::Sending) {
                        d.state = RolloutDeviceState::Failed;
                        d.reason = Text::tr("The lock was refused: %1").arg(result.error.message);
                    }
                    d.stage.clear();
                    d.updatedMs = m_ctx.now();
                    m_ctx.journal->markDevice(*current, d);
                    return m_ctx.drive(*current);
                }
                m_ctx.noteLock(deviceId, current->r.spec.version);
                if (d.state == RolloutDeviceState::Sending) {
                    d.state = RolloutDeviceState::Waiting;
                    d.startedMs = d.updatedMs = m_ctx.now();
                    m_ctx.journal->markDevice(*current, d);
                } else if (d.state == RolloutDeviceState::Cancelled) {
                    // Aborted while the lock was on the wire: take it back.
                    d.stage = CancellingStage;
                    m_ctx.journal->markDevice(*current, d);
                    current->unlockQueue.append(deviceId);
                    current->unlockKnown.insert(deviceId);
                }
                m_ctx.drive(*current);
            });
    }
}

// The next devices of the wave are written as Sending; once that is in the cache they are sent.
void LockStrategy::prepare(RolloutRun &run, int wave)
{
    QStringList next;
    const int chunk = qMax(50, m_ctx.config.maxInFlight * 8);
    for (const QString &deviceId : run.waveDeviceIds(wave)) {
        const RolloutDeviceState state = run.device(deviceId).state;
        // Pending, or Sending but never sent (its write failed): written (again), then sent.
        if (state == RolloutDeviceState::Pending
            || (state == RolloutDeviceState::Sending && !run.sent.contains(deviceId)
                && !run.verify.contains(deviceId))) {
            next.append(deviceId);
            if (next.size() >= chunk)
                break;
        }
    }
    if (next.isEmpty())
        return;
    const qint64 t = m_ctx.now();
    for (const QString &deviceId : std::as_const(next)) {
        RolloutDevice d = run.device(deviceId);
        d.state = RolloutDeviceState::Sending;
        d.updatedMs = t;
        m_ctx.journal->markDevice(run, d);
    }
    run.preparing = true;
    const qint64 id = run.r.id;
    m_ctx.journal->persist(run, [this, id, next] {
        RolloutRun *current = m_ctx.find(id);
        if (!current)
            return;
        current->preparing = false;
        for (const QString &deviceId : next) {
            if (current->device(deviceId).state == RolloutDeviceState::Sending)
                current->ready.append(deviceId);
        }
        m_ctx.drive(*current);
    });
}

void LockStrategy::abort(RolloutRun &run, qint64 t)
{
    RolloutStrategy::abort(run, t);
    run.ready.clear();
    run.verify.clear();
}

bool LockStrategy::cancelDevice(RolloutRun &run, RolloutDevice &d)
{
    switch (d.state) {
    case RolloutDeviceState::Sending:
        d.state = RolloutDeviceState::Cancelled;
        // On the wire: the reply takes the lock back. Never sent (still ready): nothing to
        // undo. Perhaps sent (before a restart): read back, and unlocked when locked.
        if (!run.ready.contains(d.id) && !run.sent.contains(d.id)) {
            d.stage = CancellingStage;
            run.unlockQueue.append(d.id);
        }
        return true;
    case RolloutDeviceState::Waiting:
        d.state = RolloutDeviceState::Cancelled;
        d.stage = CancellingStage;
        run.unlockQueue.append(d.id);
        run.unlockKnown.insert(d.id);
        return true;
    default:
        return RolloutStrategy::cancelDevice(run, d);
    }
}

// Cancelled devices that carry (or may carry) the rollout's lock are unlocked, within the
// budget; those not known to carry it are read back first.
void LockStrategy::cancel(RolloutRun &run)
{
    const qint64 id = run.r.id;
    while (!run.unlockQueue.isEmpty() && m_ctx.mayUseBudget(run)) {
        const QString deviceId = run.unlockQueue.takeFirst();
        ++run.perDeviceInFlight;
        auto unlock = [this, id, deviceId] {
            RolloutRun *current = m_ctx.find(id);
            if (!current)
                return;
            m_ctx.journal->countRequest(*current);
            m_ctx.client->updateDevice(m_ctx.config.productId, deviceId,
                QJsonObject {{QStringLiteral("desired_firmware_version"), QJsonValue::Null}},
                m_ctx.owner, [this, id, deviceId](Remote::Result<QJsonObject> result) {
                    RolloutRun *latest = m_ctx.find(id);
                    if (!latest)
                        return;
                    --latest->perDeviceInFlight;
                    finishUnlock(*latest, deviceId, result.error);
                });
        };
        if (run.unlockKnown.contains(deviceId)) {
            unlock();
            continue;
        }
        // Not known to carry the rollout's lock (the request may not have gone out): read back.
        m_ctx.journal->countRequest(run);
        const int version = run.r.spec.version;
        m_ctx.client->getDevice(m_ctx.config.productId, deviceId, m_ctx.owner,
            [this, id, deviceId, version, unlock](Remote::Result<Domain::Device> result) {
                RolloutRun *current = m_ctx.find(id);
                if (!current)
                    return;
                if (result.ok() && result.value->desiredFirmwareVersion == version)
                    return unlock();
                --current->perDeviceInFlight;
                finishUnlock(*current, deviceId, result.error);
            });
    }
}

void LockStrategy::finishUnlock(RolloutRun &run, const QString &deviceId, const ApiError &error)
{
    if (error.isError() && retryable(error)) {
        run.unlockQueue.append(deviceId);
        run.retryAtMs = m_ctx.now() + RetryDelayMs;
        return;
    }
    RolloutDevice d = run.device(deviceId);
    d.stage.clear();
    d.updatedMs = m_ctx.now();
    if (error.isError())
        d.reason = Text::tr("Could not be unlocked: %1").arg(error.message);
    else
        m_ctx.noteLock(deviceId, std::nullopt);
    m_ctx.journal->markDevice(run, d);
    run.unlockKnown.remove(deviceId);
    m_ctx.drive(run);
}

} // namespace Flotilla::Rollout
