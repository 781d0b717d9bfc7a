// SPDX-License-Identifier: MIT
#include "rollout/rolloutpoller.h"

#include "domain/text.h"
#include "remote/particleclient.h"
#include "rollout/rolloutcontext.h"
#include "rollout/rolloutjournal.h"

namespace Flotilla::Rollout {

using Domain::RolloutDevice;
using Domain::RolloutDeviceState;
using Domain::RolloutMethod;
using Domain::RolloutState;

namespace {

// Devices per page when polling a wave group (the API allows 100).
constexpr int PollPageSize = 100;
// Devices read one by one per polling round at most (the least recently read first).
constexpr int PollDevicesPerRound = 200;

} // namespace

void RolloutPoller::setStreamConnected(bool connected)
{
    if (!connected) {
        m_streamWasDown = true;
        return;
    }
    if (!m_streamWasDown)
        return;
    m_streamWasDown = false;
    // Events may have been missed while the stream was down: read the devices in flight.
    for (RolloutRun *run : m_ctx.journal->runs()) {
        if (isActive(run->r.state))
            run->pollWanted = true;
    }
}

void RolloutPoller::onDeviceEvent(
    const QString &deviceId, const QString &name, const QString &data, int version)
{
    for (RolloutRun *run : m_ctx.journal->runs()) {
        // A completed rollout still counts its devices that timed out or failed and update later
        // (they pass through Updating on the way).
        if ((!followsEvents(run->r.state) && run->r.state != RolloutState::Completed)
            || !run->has(deviceId))
            continue;
        const RolloutDevice &d = run->device(deviceId);
        if (d.wave < 0)
            continue;
        // Gave up returning to its previous version, or gone from the product.
        if ((d.state == RolloutDeviceState::TimedOut && d.stage == RollbackStage)
            || (d.state == RolloutDeviceState::Failed && d.stage == GoneStage))
            continue;
        int eventVersion = version;
        if (d.state == RolloutDeviceState::RollingBack) {
            // Not locked to its previous version yet: what it does now is not the rollback.
            if (d.startedMs == 0)
                continue;
            // A device interrupted in the middle of the update reports its previous version
            // while it still flashes the rollout's: only its next handshake proves the rollback.
            if (!(name == QLatin1String("spark/status")
                    && data.trimmed() == QLatin1String("online")))
                eventVersion = 0;
        }
        const auto changed
            = Domain::applyDeviceEvent(d, name, data, eventVersion, run->targetFor(d), m_ctx.now());
        // A completed rollout only learns of late successes: what else a device does now
        // (another rollout flashing it) is not its business, and nothing would time it out.
        if (run->r.state == RolloutState::Completed && changed
            && changed->state != RolloutDeviceState::Succeeded)
            continue;
        if (changed && !(*changed == d))
            m_ctx.journal->markDevice(*run, *changed);
    }
}

void RolloutPoller::checkTimeouts(RolloutRun &run, qint64 t)
{
    const qint64 timeoutMs = run.r.spec.deviceTimeoutS * 1000;
    if (timeoutMs <= 0)
        return;
    const int hours = static_cast<int>(qMax<qint64>(1, run.r.spec.deviceTimeoutS / 3600));
    for (const RolloutDevice &device : std::as_const(run.r.devices)) {
        if ((device.state == RolloutDeviceState::Waiting
                || device.state == RolloutDeviceState::Updating)
            && device.startedMs > 0 && t - device.startedMs > timeoutMs) {
            RolloutDevice d = device;
            d.state = RolloutDeviceState::TimedOut;
            d.reason = Text::tr("Not updated within %Ln hour(s)", nullptr, hours);
            d.updatedMs = t;
            m_ctx.journal->markDevice(run, d);
        } else if (device.state == RolloutDeviceState::RollingBack && device.startedMs > 0
            && t - device.startedMs > timeoutMs) {
            RolloutDevice d = device;
            d.state = RolloutDeviceState::TimedOut;
            d.stage = RollbackStage;
            d.reason = Text::tr("Not back on version %1 within %Ln hour(s)", nullptr, hours)
                           .arg(d.previousVersion);
            d.updatedMs = t;
            m_ctx.journal->markDevice(run, d);
        }
    }
}

void RolloutPoller::pollIfDue(RolloutRun &run, qint64 t)
{
    if (!isActive(run.r.state) && run.r.state != RolloutState::Aborted)
        return;
    // The interval counts from the first tick that sees the rollout.
    if (run.lastPollMs == 0)
        run.lastPollMs = t;
    const bool anyInFlight = std::any_of(run.r.devices.cbegin(), run.r.devices.cend(),
        [](const RolloutDevice &d) { return inFlight(d.state); });
    if (anyInFlight && (run.pollWanted || t - run.lastPollMs >= m_ctx.config.pollIntervalMs))
        poll(run);
}

void RolloutPoller::applyPolledVersion(
    RolloutRun &run, const QString &deviceId, int firmwareVersion)
{
    if (!run.has(deviceId))
        return;
    const RolloutDevice &d = run.device(deviceId);
    if (d.wave < 0 || firmwareVersion != run.targetFor(d))
        return;
    if (d.state == RolloutDeviceState::RollingBack && d.startedMs == 0)
        return;
    // As if an event had reported the version.
    const auto changed = Domain::applyDeviceEvent(d, QStringLiteral("spark/status"),
        QStringLiteral("online"), firmwareVersion, run.targetFor(d), m_ctx.now());
    if (changed && !(*changed == d))
        m_ctx.journal->markDevice(run, *changed);
}

void RolloutPoller::poll(RolloutRun &run)
{
    if (run.polling)
        return;
    run.polling = true;
    run.pollWanted = false;
    run.lastPollMs = m_ctx.now();
    const qint64 id = run.r.id;
    // Staged: the wave groups' members, a page at a time. Release: the selected nodes' groups,
    // a page at a time. Lock (and devices rolling back): one by one, at most
    // PollDevicesPerRound a round, the least recently read first.
    QStringList groups;
    QList<const RolloutDevice *> single;
    for (const RolloutDevice &d : std::as_const(run.r.devices)) {
        if (!inFlight(d.state))
            continue;
        if (d.state == RolloutDeviceState::RollingBack
            || run.r.spec.method == RolloutMethod::Lock) {
            single.append(&d);
        } else if (run.r.spec.method == RolloutMethod::Staged) {
            const QString g = run.group(d.wave);
            if (!groups.contains(g))
                groups.append(g);
        } else {
            for (const QString &node : std::as_const(run.r.spec.nodes)) {
                if (!groups.contains(node))
                    groups.append(node);
            }
        }
    }
    const auto readAt = [&run](const RolloutDevice *d) {
        return qMax(d->updatedMs, run.lastPolled.value(d->id));
    };
    std::stable_sort(single.begin(), single.end(),
        [&](const RolloutDevice *a, const RolloutDevice *b) { return readAt(a) < readAt(b); });
    QStringList singleIds;
    for (const RolloutDevice *d : std::as_const(single)) {
        if (singleIds.size() >= PollDevicesPerRound)
            break;
        singleIds.append(d->id);
    }
    qCDebug(lcRollout) << "rollout" << id << "polls" << groups.size() << "groups," << single.size()
                       << "devices";
    pollStep(id, groups, 1, singleIds);
}

// Reads the first group's page `page`, or (groups done) the next single device, then goes on.
void RolloutPoller::pollStep(qint64 id, QStringList groups, int page, QStringList single)
{
    RolloutRun *run = m_ctx.find(id);
    if (!run)
        return;
    if (!groups.isEmpty()) {
        Remote::DeviceQuery query;
        query.page = page;
        query.perPage = PollPageSize;
        query.groups = {groups.first()};
        m_ctx.journal->countRequest(*run);
        m_ctx.client->listDevices(m_ctx.config.productId, query, m_ctx.owner,
            [this, id, groups, page, single](Remote::Result<Remote::DevicePage> result) mutable {
                RolloutRun *current = m_ctx.find(id);
                if (!current)
                    return;
                if (!result.ok()) {
                    current->polling = false;
                    return;
                }
                for (const Domain::Device &d : std::as_const(result.value->devices))
                    applyPolledVersion(*current, d.id, d.firmwareVersion);
                if (page < result.value->totalPages) {
                    ++page;
                } else {
                    groups.removeFirst();
                    page = 1;
                }
                pollStep(id, groups, page, single);
            });
        return;
    }
    if (single.isEmpty() || m_ctx.client->headroom() <= m_ctx.config.reserveRequests) {
        run->polling = false;
        return;
    }
    const QString deviceId = single.takeFirst();
    run->lastPolled.insert(deviceId, m_ctx.now());
    m_ctx.journal->countRequest(*run);
    m_ctx.client->getDevice(m_ctx.config.productId, deviceId, m_ctx.owner,
        [this, id, deviceId, single](Remote::Result<Domain::Device> result) {
            RolloutRun *current = m_ctx.find(id);
            if (!current)
                return;
            if (result.ok())
                applyPolledVersion(*current, deviceId, result.value->firmwareVersion);
            pollStep(id, {}, 1, single);
        });
}

} // namespace Flotilla::Rollout
