// SPDX-License-Identifier: MIT
#pragma once

#include "fleet.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <queue>

#include <functional>
#include <vector>

namespace Flotilla::Sandbox {

struct SimulationSettings
{
    double timeScale = 1.0; // simulated seconds per real second
    double updateDurationS = 60.0; // mean OTA transfer time, simulated seconds
    double updateFailureRate = 0.02; // fraction of OTA attempts that fail
    double meanOnlineS = 8 * 3600.0; // mean session length of a connected device
    double meanOfflineS = 2 * 3600.0;
    double rebootS = 8.0; // simulated seconds from a successful flash to reconnecting
};

// Simulated devices: online/offline churn, handshakes, OTA updates to the cloud's target with a
// failure rate, and the system events each of these emits. Time runs `timeScale` times faster
// than real time; every random draw comes from the device's own generator, so a seed gives the
// same fleet and the same per-device outcomes.
class Simulator final
    : public QObject
    , public FleetObserver
{
    Q_OBJECT
public:
    Simulator(Fleet &fleet, const SimulationSettings &settings, QObject *parent = nullptr);

    qint64 now() const;
    void start();
    SimulationSettings settings() const { return m_settings; }
    void setUpdateFailureRate(double rate) { m_settings.updateFailureRate = rate; }
    void setUpdateDuration(double seconds) { m_settings.updateDurationS = seconds; }
    void setTimeScale(double scale);
    // Forces a device online or offline (admin route); `active` devices keep churning.
    void setOnline(int deviceIndex, bool online);
    void setActive(int deviceIndex, bool active);
    quint64 eventsPublished() const { return m_published; }

    void targetMayHaveChanged(int deviceIndex, bool pushNow) override;
    void publish(const CloudEvent &event) override;

    std::function<void(const CloudEvent &)> sink; // the event streams

private:
    enum class Kind : quint8 { GoOnline, GoOffline, FlashStart, FlashEnd, RebootOnline };
    struct Pending
    {
        qint64 at;
        quint64 seq;
        int device;
        quint32 generation;
        Kind kind;
        bool operator>(const Pending &o) const { return at != o.at ? at > o.at : seq > o.seq; }
    };

    void tick();
    void schedule(int device, qint64 delayMs, Kind kind);
    void process(const Pending &p);
    void comeOnline(int device, bool afterUpdate);
    void goOffline(int device);
    void maybeStartUpdate(int device, bool push);
    void emitDeviceEvent(const Device &d, const QString &name, const QString &data);
    qint64 exponentialMs(Device &d, double meanSeconds);

    Fleet &m_fleet;
    SimulationSettings m_settings;
    QElapsedTimer m_elapsed;
    qint64 m_baseSim = 0; // simulated time at m_baseReal
    qint64 m_baseReal = 0; // m_elapsed at the last time-scale change
    std::priority_queue<Pending, std::vector<Pending>, std::greater<>> m_queue;
    quint64 m_seq = 0;
    quint64 m_published = 0;
    QTimer m_timer;
};

} // namespace Flotilla::Sandbox
