// SPDX-License-Identifier: MIT
#pragma once

#include "fleet.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QStringList>
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

// OTA updates counted since the sandbox started (or the counters were reset): GET /admin/ota.
struct OtaCounts
{
    quint64 started = 0; // "spark/flash/status started" emitted
    quint64 succeeded = 0; // the device came back running the new version
    quint64 failed = 0; // "spark/flash/status failed" emitted
    quint64 interrupted = 0; // started, then cut off by an admin route (device taken offline)
};

struct OtaStats
{
    OtaCounts total;
    QMap<int, OtaCounts> byVersion; // by the version being flashed
    // Devices that started a flash to a version they had already been flashed to successfully
    // (since the start or the last reset): a double flash. In the order they were seen.
    QStringList flashedTwice;
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
    const OtaStats &otaStats() const { return m_ota; }
    void resetOtaStats();

    void targetMayHaveChanged(int deviceIndex, bool pushNow) override;
    bool flashNow(int deviceIndex, int version) override;
    void connectImported(int deviceIndex) override;
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
    void startUpdate(int device, int version);
    void emitDeviceEvent(const Device &d, const QString &name, const QString &data);
    qint64 exponentialMs(Device &d, double meanSeconds);
    void flashStarted(int device, int version);
    void flashEnded(int device, bool succeeded);
    void flashInterrupted(int device);

    Fleet &m_fleet;
    SimulationSettings m_settings;
    QElapsedTimer m_elapsed;
    qint64 m_baseSim = 0; // simulated time at m_baseReal
    qint64 m_baseReal = 0; // m_elapsed at the last time-scale change
    std::priority_queue<Pending, std::vector<Pending>, std::greater<>> m_queue;
    quint64 m_seq = 0;
    quint64 m_published = 0;
    OtaStats m_ota;
    QHash<int, int> m_flashing; // device index -> version of the flash it started
    QHash<int, QSet<int>> m_flashedTo; // device index -> versions it was flashed to successfully
    QSet<int> m_flashedTwice;
    QTimer m_timer;
};

} // namespace Flotilla::Sandbox
