// SPDX-License-Identifier: MIT
#include "rolloutfixture.h"

#include "remote/particleclient.h"
#include "store/cachestore.h"
#include "sync/syncengine.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

namespace Flotilla::Test {

QStringList Fleet::sandboxArguments() const
{
    return {QStringLiteral("--devices"), QString::number(devices), QStringLiteral("--time-scale"),
        QString::number(timeScale), QStringLiteral("--update-duration"), QString::number(updateS),
        QStringLiteral("--update-failure-rate"), QString::number(failureRate),
        QStringLiteral("--mean-offline"), QString::number(meanOfflineS),
        QStringLiteral("--mean-online"), QStringLiteral("10000000"), QStringLiteral("--seed"),
        QString::number(seed)};
}

// ---- Console -------------------------------------------------------------------------------

Console::Console(SandboxProcess &sandbox, const QString &cachePath, const ConsoleOptions &options)
    : liveEvents(options.liveEvents)
{
    Remote::ClientConfig clientConfig;
    clientConfig.baseUrl = sandbox.url();
    clientConfig.backoffBaseMs = 50;
    client = std::make_unique<Remote::ParticleClient>(&nam, clientConfig);
    client->setAccessToken(sandbox.token());
    store = std::make_unique<Store::CacheStore>();
    Sync::SyncConfig syncConfig;
    syncConfig.productId = sandbox.productId();
    syncConfig.refreshIntervalMs = 0;
    syncConfig.retryBaseMs = 50;
    syncConfig.actor = QStringLiteral("test");
    syncConfig.liveEvents = options.liveEvents;
    sync = std::make_unique<Sync::SyncEngine>(client.get(), store.get(), &nam, syncConfig);
    sync->setEventsUrl(
        sandbox.url(QStringLiteral("/v1/products/%1/events").arg(sandbox.productId())));
    sync->setAccessToken(sandbox.token());
    Rollout::RolloutConfig config = options.config;
    config.productId = sandbox.productId();
    config.actor = QStringLiteral("test");
    if (config.tickMs == Rollout::RolloutConfig().tickMs)
        config.tickMs = 100;
    if (config.saveDelayMs == Rollout::RolloutConfig().saveDelayMs)
        config.saveDelayMs = 50;
    engine
        = std::make_unique<Rollout::RolloutEngine>(client.get(), store.get(), sync.get(), config);
    QString openError = QStringLiteral("not opened");
    bool opened = false;
    store->open(cachePath, [&](QString error) {
        openError = error;
        opened = true;
    });
    if (!QTest::qWaitFor([&] { return opened; }, StepTimeoutMs))
        qFatal("the cache did not open in time");
    if (!openError.isEmpty())
        qFatal("cannot open the cache: %s", qPrintable(openError));
}

Console::~Console()
{
    // The engine writes what is waiting; the store finishes before it closes.
    engine.reset();
    bool closed = false;
    store->close([&] { closed = true; });
    if (!QTest::qWaitFor([&] { return closed; }, StepTimeoutMs))
        qWarning("the cache did not close in time");
    sync.reset();
    store.reset();
}

bool Console::start(bool pull)
{
    QSignalSpy loaded(sync.get(), &Sync::SyncEngine::loaded);
    sync->start(false);
    if (loaded.count() == 0 && !loaded.wait(StepTimeoutMs))
        return false;
    if (pull) {
        QSignalSpy done(sync.get(), &Sync::SyncEngine::pullFinished);
        sync->pullNow();
        if (!done.wait(RolloutTimeoutMs) || !done.first().at(0).toBool())
            return false;
    }
    if (liveEvents
        && !QTest::qWaitFor([&] { return sync->isEventStreamConnected(); }, StepTimeoutMs))
        return false;
    QString error = QStringLiteral("not started");
    bool started = false;
    engine->start([&](QString e) {
        error = e;
        started = true;
    });
    return QTest::qWaitFor([&] { return started; }, StepTimeoutMs) && error.isEmpty();
}

// ---- FlashCounter --------------------------------------------------------------------------

FlashCounter::FlashCounter(SandboxProcess &sandbox)
{
    QObject::connect(
        &m_stream, &Remote::EventStream::event, &m_stream, [this](const Remote::SseEvent &event) {
            if (event.name != QLatin1String("spark/flash/status"))
                return;
            const QJsonObject json = QJsonDocument::fromJson(event.data).object();
            if (json.value(QStringLiteral("data")).toString().trimmed() == QLatin1String("started"))
                m_started[json.value(QStringLiteral("coreid")).toString()].append(
                    QDateTime::currentMSecsSinceEpoch());
        });
    m_stream.start(sandbox.url(QStringLiteral("/v1/products/%1/events").arg(sandbox.productId())),
        sandbox.token());
}

bool FlashCounter::waitConnected()
{
    return QTest::qWaitFor([&] { return m_stream.isConnected(); }, StepTimeoutMs);
}

int FlashCounter::startsAfter(const QString &device, qint64 ms) const
{
    int n = 0;
    for (qint64 at : m_started.value(device))
        n += at >= ms ? 1 : 0;
    return n;
}

// ---- RolloutFixture ------------------------------------------------------------------------

RolloutFixture::RolloutFixture(QString cacheDir)
    : m_cacheDir(std::move(cacheDir))
{ }

RolloutFixture::~RolloutFixture()
{
    // The console goes before the cloud it talks to.
    m_console.reset();
    m_flashes.reset();
}

bool RolloutFixture::start(
    const Fleet &fleet, const QString &cacheName, const ConsoleOptions &options)
{
    if (!m_sandbox.start(fleet.sandboxArguments())) {
        m_error = QStringLiteral("the sandbox did not start: ") + m_sandbox.errorString();
        return false;
    }
    return cacheName.isEmpty() || openConsole(cacheName, options);
}

bool RolloutFixture::countFlashes()
{
    m_flashes = std::make_unique<FlashCounter>(m_sandbox);
    if (!m_flashes->waitConnected()) {
        m_error = QStringLiteral("the flash counter's event stream did not connect");
        return false;
    }
    return true;
}

bool RolloutFixture::openConsole(const QString &cacheName, const ConsoleOptions &options, bool pull)
{
    closeConsole();
    m_cachePath = QDir(m_cacheDir).filePath(cacheName);
    m_options = options;
    m_console = std::make_unique<Console>(m_sandbox, m_cachePath, m_options);
    if (!m_console->start(pull)) {
        m_error = QStringLiteral("the console on %1 did not start").arg(cacheName);
        return false;
    }
    return true;
}

bool RolloutFixture::restartConsole()
{
    return openConsole(QDir(m_cacheDir).relativeFilePath(m_cachePath), m_options, false);
}

void RolloutFixture::closeConsole()
{
    m_console.reset();
}

const Sync::FleetState &RolloutFixture::fleet() const
{
    return m_console->sync->state();
}

qint64 RolloutFixture::startRollout(const Domain::RolloutSpec &spec)
{
    qint64 id = -1;
    m_refusal.clear();
    engine().startRollout(spec, [&](qint64 newId, QString error) {
        id = newId;
        m_refusal = error;
    });
    if (!QTest::qWaitFor([&] { return id >= 0; }, StepTimeoutMs)) {
        m_refusal = QStringLiteral("the engine did not answer in time");
        return 0;
    }
    return id;
}

const Domain::Rollout &RolloutFixture::rollout(qint64 id) const
{
    return *m_console->engine->rollout(id);
}

QString RolloutFixture::state(qint64 id) const
{
    const Domain::Rollout *r = m_console->engine->rollout(id);
    return r ? Domain::toString(r->state) : QStringLiteral("(no such rollout)");
}

QStringList RolloutFixture::devicesIn(qint64 id, Domain::RolloutDeviceState state, int wave) const
{
    QStringList ids;
    for (const Domain::RolloutDevice &d : rollout(id).devices) {
        if (d.state == state && (wave == AnyWave || d.wave == wave))
            ids.append(d.id);
    }
    return ids;
}

QStringList RolloutFixture::targeted(qint64 id) const
{
    QStringList ids;
    for (const Domain::RolloutDevice &d : rollout(id).devices) {
        if (d.state != Domain::RolloutDeviceState::Skipped)
            ids.append(d.id);
    }
    return ids;
}

QHash<QString, Domain::Device> RolloutFixture::cloudDevices()
{
    return Test::cloudDevices(m_sandbox);
}

QStringList RolloutFixture::releasedGroups(int version)
{
    const HttpResult reply
        = Http(m_sandbox.token())
              .get(m_sandbox.url(
                  QStringLiteral("/v1/products/%1/firmware").arg(m_sandbox.productId())));
    QStringList groups;
    for (const QJsonValue &v : reply.array()) {
        if (v.toObject().value(QStringLiteral("version")).toInt() != version)
            continue;
        for (const QJsonValue &g : v.toObject().value(QStringLiteral("groups")).toArray())
            groups.append(g.toString());
    }
    return groups;
}

QStringList RolloutFixture::productGroups()
{
    const QJsonArray groups
        = Http(m_sandbox.token())
              .get(m_sandbox.url(
                  QStringLiteral("/v1/products/%1/groups").arg(m_sandbox.productId())))
              .json()
              .value(QStringLiteral("groups"))
              .toArray();
    QStringList names;
    for (const QJsonValue &g : groups)
        names.append(g.toObject().value(QStringLiteral("name")).toString());
    return names;
}

bool RolloutFixture::releasedIntelligently(int version)
{
    return Http(m_sandbox.adminToken())
        .get(m_sandbox.url(QStringLiteral("/admin/ota")))
        .json()
        .value(QStringLiteral("intelligent_versions"))
        .toArray()
        .contains(QJsonValue(version));
}

bool RolloutFixture::setDevice(const QString &deviceId, const QJsonObject &settings)
{
    return Http(m_sandbox.adminToken())
               .putJson(m_sandbox.url(QStringLiteral("/admin/devices/") + deviceId), settings)
               .status
        == 200;
}

bool RolloutFixture::setDeviceAway(const QString &deviceId, bool away)
{
    return setDevice(
        deviceId, {{QStringLiteral("online"), !away}, {QStringLiteral("active"), !away}});
}

bool RolloutFixture::setSimulation(const QJsonObject &settings)
{
    return Http(m_sandbox.adminToken())
               .putJson(m_sandbox.url(QStringLiteral("/admin/simulation")), settings)
               .status
        == 200;
}

bool RolloutFixture::removeDevice(const QString &deviceId)
{
    return Http(m_sandbox.token())
               .del(m_sandbox.url(QStringLiteral("/v1/products/%1/devices/%2")
                                      .arg(m_sandbox.productId())
                                      .arg(deviceId)))
               .status
        == 204;
}

int RolloutFixture::requests(const QString &route)
{
    return routeCount(m_sandbox, route);
}

// ---- specs and fleet helpers ---------------------------------------------------------------

Domain::RolloutSpec stagedSpec(const QString &title, const QStringList &nodes,
    const QList<Domain::WaveSpec> &waves, int version)
{
    Domain::RolloutSpec spec;
    spec.title = title;
    spec.version = version;
    spec.method = Domain::RolloutMethod::Staged;
    spec.nodes = nodes;
    spec.waves = waves;
    return spec;
}

Domain::RolloutSpec lockSpec(const QString &title, const QStringList &devices, int version)
{
    Domain::RolloutSpec spec;
    spec.title = title;
    spec.version = version;
    spec.method = Domain::RolloutMethod::Lock;
    spec.devices = devices;
    return spec;
}

Domain::RolloutSpec releaseSpec(const QString &title, const QStringList &nodes, int version)
{
    Domain::RolloutSpec spec;
    spec.title = title;
    spec.version = version;
    spec.method = Domain::RolloutMethod::Release;
    spec.nodes = nodes;
    return spec;
}

Domain::WaveSpec percentWave(double percent, bool pauseBefore)
{
    Domain::WaveSpec w;
    w.percent = percent;
    w.pauseBefore = pauseBefore;
    return w;
}

Domain::WaveSpec tolerantWave(double percent, bool pauseBefore)
{
    Domain::WaveSpec w = percentWave(percent, pauseBefore);
    w.failure = {Domain::Threshold::Unit::Count, 1000};
    return w;
}

QSet<QString> notOnTarget(const Sync::FleetState &state)
{
    QSet<QString> out;
    for (const Domain::Device &d : state.devices) {
        if (d.targetedFirmwareVersion && *d.targetedFirmwareVersion != d.firmwareVersion)
            out.insert(d.id);
    }
    return out;
}

QStringList plainDevices(const Sync::FleetState &state, int count)
{
    QStringList ids;
    for (const Domain::Device &d : state.devices) {
        if (!d.development && !d.desiredFirmwareVersion && d.firmwareVersion > 0
            && d.firmwareVersion != 6 && d.targetedFirmwareVersion == d.firmwareVersion
            && !d.groups.isEmpty() && !d.groups.contains(QStringLiteral("flotilla-returns")))
            ids.append(d.id);
    }
    ids.sort();
    return ids.mid(0, count);
}

} // namespace Flotilla::Test
