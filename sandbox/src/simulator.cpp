// SPDX-License-Identifier: MIT
#include "simulator.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <cmath>

namespace Flotilla::Sandbox {

Q_LOGGING_CATEGORY(lcSim, "flotilla.sandbox.sim")

namespace {
constexpr int TickMs = 20;
constexpr int MaxEventsPerTick = 50000;
} // namespace

Simulator::Simulator(Fleet &fleet, const SimulationSettings &settings, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_settings(settings)
{
    m_elapsed.start();
    m_baseSim = QDateTime::currentMSecsSinceEpoch();
    m_fleet.now = [this] { return now(); };
    m_fleet.observer = this;
    m_timer.setInterval(TickMs);
    connect(&m_timer, &QTimer::timeout, this, &Simulator::tick);
}

qint64 Simulator::now() const
{
    const qint64 real = m_elapsed.elapsed() - m_baseReal;
    return m_baseSim + static_cast<qint64>(static_cast<double>(real) * m_settings.timeScale);
}

void Simulator::setTimeScale(double scale)
{
    m_baseSim = now();
    m_baseReal = m_elapsed.elapsed();
    m_settings.timeScale = scale;
}

qint64 Simulator::exponentialMs(Device &d, double meanSeconds)
{
    const double u = std::max(1e-12, uniform01(d.rng));
    return static_cast<qint64>(-std::log(u) * meanSeconds * 1000.0);
}

void Simulator::start()
{
    for (size_t i = 0; i < m_fleet.devices.size(); ++i) {
        Device &d = m_fleet.devices[i];
        if (!d.inProduct || !d.active)
            continue;
        const int index = static_cast<int>(i);
        if (d.online) {
            schedule(index, exponentialMs(d, m_settings.meanOnlineS), Kind::GoOffline);
            // Devices that were online when the sandbox started handshake again soon, so pending
            // updates of the seeded fleet start without waiting for a full session.
            if (m_fleet.targetOf(d).value_or(d.firmwareVersion) != d.firmwareVersion)
                maybeStartUpdate(index, false);
        } else {
            schedule(index, exponentialMs(d, m_settings.meanOfflineS), Kind::GoOnline);
        }
    }
    m_timer.start();
}

void Simulator::schedule(int device, qint64 delayMs, Kind kind)
{
    const Device &d = m_fleet.devices[static_cast<size_t>(device)];
    m_queue.push(
        Pending {now() + std::max<qint64>(0, delayMs), m_seq++, device, d.simGeneration, kind});
}

void Simulator::tick()
{
    const qint64 t = now();
    int processed = 0;
    while (!m_queue.empty() && m_queue.top().at <= t && processed < MaxEventsPerTick) {
        const Pending p = m_queue.top();
        m_queue.pop();
        ++processed;
        if (static_cast<size_t>(p.device) >= m_fleet.devices.size())
            continue;
        const Device &d = m_fleet.devices[static_cast<size_t>(p.device)];
        if (d.simGeneration != p.generation || !d.inProduct)
            continue;
        process(p);
    }
}

void Simulator::process(const Pending &p)
{
    Device &d = m_fleet.devices[static_cast<size_t>(p.device)];
    switch (p.kind) {
    case Kind::GoOnline:
        if (!d.online && d.active)
            comeOnline(p.device, false);
        break;
    case Kind::GoOffline:
        if (d.updating) {
            schedule(
                p.device, static_cast<qint64>(m_settings.updateDurationS * 2000), Kind::GoOffline);
        } else if (d.online && d.active) {
            goOffline(p.device);
            schedule(p.device, exponentialMs(d, m_settings.meanOfflineS), Kind::GoOnline);
        }
        break;
    case Kind::FlashStart:
        if (!d.online) {
            d.updating = false;
            break;
        }
        flashStarted(p.device, d.updateTarget);
        emitDeviceEvent(d, QStringLiteral("spark/flash/status"), QStringLiteral("started "));
        schedule(p.device,
            static_cast<qint64>(m_settings.updateDurationS * 1000 * (0.5 + uniform01(d.rng))),
            Kind::FlashEnd);
        break;
    case Kind::FlashEnd: {
        if (!d.online) {
            d.updating = false;
            flashInterrupted(p.device);
            break;
        }
        const bool failed = uniform01(d.rng) < m_settings.updateFailureRate;
        if (failed) {
            d.updating = false;
            flashEnded(p.device, false);
            emitDeviceEvent(d, QStringLiteral("spark/flash/status"), QStringLiteral("failed "));
            break;
        }
        emitDeviceEvent(d, QStringLiteral("spark/flash/status"), QStringLiteral("success "));
        d.online = false;
        m_fleet.revision();
        emitDeviceEvent(d, QStringLiteral("spark/status"), QStringLiteral("offline"));
        schedule(p.device,
            static_cast<qint64>(m_settings.rebootS * 1000 * (0.5 + uniform01(d.rng))),
            Kind::RebootOnline);
        break;
    }
    case Kind::RebootOnline:
        d.firmwareVersion = d.updateTarget;
        d.updating = false;
        if (Firmware *fw = m_fleet.findFirmware(d.firmwareVersion))
            fw->hasRun = true;
        d.appHash = static_cast<quint32>(splitmix64(d.rng));
        flashEnded(p.device, true);
        comeOnline(p.device, true);
        break;
    }
}

void Simulator::comeOnline(int device, bool afterUpdate)
{
    Device &d = m_fleet.devices[static_cast<size_t>(device)];
    d.online = true;
    d.lastHeardMs = d.lastHandshakeMs = now();
    m_fleet.revision();
    emitDeviceEvent(d, QStringLiteral("spark/status"), QStringLiteral("online"));
    if (afterUpdate) {
        emitDeviceEvent(d, QStringLiteral("spark/device/last_reset"), QStringLiteral("update"));
        emitDeviceEvent(d, QStringLiteral("spark/device/app-hash"),
            QStringLiteral("%1").arg(d.appHash, 8, 16, QLatin1Char('0')).repeated(8));
    }
    if (d.active)
        schedule(device, exponentialMs(d, m_settings.meanOnlineS), Kind::GoOffline);
    maybeStartUpdate(device, false);
}

void Simulator::goOffline(int device)
{
    Device &d = m_fleet.devices[static_cast<size_t>(device)];
    d.online = false;
    d.lastHeardMs = now();
    m_fleet.revision();
    emitDeviceEvent(d, QStringLiteral("spark/status"), QStringLiteral("offline"));
}

void Simulator::maybeStartUpdate(int device, bool /*push*/)
{
    Device &d = m_fleet.devices[static_cast<size_t>(device)];
    if (!d.inProduct || !d.online || d.updating)
        return;
    const std::optional<int> target = m_fleet.targetOf(d);
    if (!target || *target == d.firmwareVersion || !m_fleet.findFirmware(*target))
        return;
    if (!d.updatesEnabled && !d.updatesForced) {
        emitDeviceEvent(
            d, QStringLiteral("particle/device/updates/pending"), QStringLiteral("true"));
        return;
    }
    startUpdate(device, *target);
}

void Simulator::startUpdate(int device, int version)
{
    Device &d = m_fleet.devices[static_cast<size_t>(device)];
    d.updating = true;
    d.updateTarget = version;
    emitDeviceEvent(d, QStringLiteral("spark/status"), QStringLiteral("auto-update"));
    schedule(device, 1000 + static_cast<qint64>(uniform01(d.rng) * 2000), Kind::FlashStart);
}

bool Simulator::flashNow(int deviceIndex, int version)
{
    const Device &d = m_fleet.devices[static_cast<size_t>(deviceIndex)];
    if (!d.inProduct || !d.online || d.updating)
        return false;
    // The same sequence of events as a lock with flash; afterwards the cloud's usual rule
    // applies: a device that does not run its target is updated to it at its next handshake.
    startUpdate(deviceIndex, version);
    return true;
}

void Simulator::targetMayHaveChanged(int deviceIndex, bool pushNow)
{
    // Standard releases and locks without flash reach a device at its next handshake; an
    // intelligent release or lock + flash reaches online devices now.
    if (pushNow)
        maybeStartUpdate(deviceIndex, true);
}

void Simulator::setOnline(int deviceIndex, bool online)
{
    Device &d = m_fleet.devices[static_cast<size_t>(deviceIndex)];
    if (d.online == online)
        return;
    ++d.simGeneration; // drop whatever was scheduled for it
    d.updating = false;
    flashInterrupted(deviceIndex);
    if (online) {
        comeOnline(deviceIndex, false);
    } else {
        goOffline(deviceIndex);
        if (d.active)
            schedule(deviceIndex, exponentialMs(d, m_settings.meanOfflineS), Kind::GoOnline);
    }
}

void Simulator::connectImported(int deviceIndex)
{
    setActive(deviceIndex, true);
    setOnline(deviceIndex, true);
}

void Simulator::setActive(int deviceIndex, bool active)
{
    Device &d = m_fleet.devices[static_cast<size_t>(deviceIndex)];
    d.active = active;
    ++d.simGeneration;
    d.updating = false;
    flashInterrupted(deviceIndex);
    if (active)
        schedule(deviceIndex,
            exponentialMs(d, d.online ? m_settings.meanOnlineS : m_settings.meanOfflineS),
            d.online ? Kind::GoOffline : Kind::GoOnline);
}

void Simulator::flashStarted(int device, int version)
{
    ++m_ota.total.started;
    ++m_ota.byVersion[version].started;
    m_flashing.insert(device, version);
    if (m_flashedTo.value(device).contains(version) && !m_flashedTwice.contains(device)) {
        m_flashedTwice.insert(device);
        m_ota.flashedTwice.append(m_fleet.devices[static_cast<size_t>(device)].id);
        qCWarning(lcSim) << "device" << m_fleet.devices[static_cast<size_t>(device)].id
                         << "started a second flash to version" << version;
    }
}

void Simulator::flashEnded(int device, bool succeeded)
{
    const auto it = m_flashing.constFind(device);
    if (it == m_flashing.constEnd())
        return;
    const int version = it.value();
    m_flashing.erase(it);
    OtaCounts &v = m_ota.byVersion[version];
    if (succeeded) {
        ++m_ota.total.succeeded;
        ++v.succeeded;
        m_flashedTo[device].insert(version);
    } else {
        ++m_ota.total.failed;
        ++v.failed;
    }
}

void Simulator::flashInterrupted(int device)
{
    const auto it = m_flashing.constFind(device);
    if (it == m_flashing.constEnd())
        return;
    ++m_ota.total.interrupted;
    ++m_ota.byVersion[it.value()].interrupted;
    m_flashing.erase(it);
}

void Simulator::resetOtaStats()
{
    m_ota = OtaStats();
    m_flashedTo.clear();
    m_flashedTwice.clear();
    m_flashing.clear(); // flashes on their way when the counters were reset are not counted
}

void Simulator::emitDeviceEvent(const Device &d, const QString &name, const QString &data)
{
    CloudEvent e;
    e.name = name;
    e.data = data;
    e.coreId = d.id;
    e.owner = d.owner;
    e.productId = m_fleet.product.id;
    e.version = d.firmwareVersion;
    e.publishedMs = now();
    publish(e);
}

void Simulator::publish(const CloudEvent &event)
{
    ++m_published;
    if (sink)
        sink(event);
}

} // namespace Flotilla::Sandbox
