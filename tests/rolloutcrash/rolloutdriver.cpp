// SPDX-License-Identifier: MIT
// flotilla-rolloutdriver: runs a firmware rollout headless, with the console's data layer (cache,
// Particle client, sync engine) and rollout engine, against a Particle API. The rollout crash
// test kills it with kill -9 in the middle of a wave and starts it again with --resume;
// bench/rollout.sh times a 10,000-device staged rollout with it. Output: one JSON object per
// line on stdout; logs go to stderr.
//
//   flotilla-rolloutdriver --api URL --token T --product ID --cache FILE
//       (--version N (--nodes a,b | --devices id,id | --all) [rollout options] | --resume)
//
// It opens the cache, starts the sync engine and waits for its first pull, starts the rollout
// engine (which resumes what the cache holds), starts the rollout when asked and none is active,
// then prints a "progress" line every --progress-ms, and a "final" line once the rollout is
// Completed, Aborted, RolledBack or Paused. Exit code 0 then; 2 on errors (bad arguments, the
// cache, a refused rollout, signed out, --deadline-s passed).
#include "../support/peakrss.h"
#include "domain/hierarchy.h"
#include "domain/rollout.h"
#include "remote/particleclient.h"
#include "rollout/rolloutengine.h"
#include "store/cachestore.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTimer>

#include <cstdio>
#include <deque>

using namespace Flotilla;

using Flotilla::TestSupport::peakRssMb;

namespace {

constexpr qint64 RateWindowMs = 300 * 1000;

void emitLine(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fflush(stdout);
}

[[noreturn]] void fail(const QString &message)
{
    emitLine(QJsonObject {
        {QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("message"), message}});
    std::fflush(stdout);
    std::_Exit(2);
}

// Peak resident memory of this process in MiB (Linux), or -1.
QStringList list(const QString &text)
{
    QStringList out;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.append(item.trimmed());
    return out;
}

// "5%,25%,100%" or "node:acme--berlin--test,25%,100%" ("node:a+b" for a wave of two nodes).
QList<Domain::WaveSpec> parseWaves(const QString &text, const Domain::WaveSpec &prototype)
{
    QList<Domain::WaveSpec> waves;
    for (const QString &item : list(text)) {
        Domain::WaveSpec wave = prototype;
        if (item.startsWith(QLatin1String("node:"))) {
            wave.nodes = item.mid(5).split(QLatin1Char('+'), Qt::SkipEmptyParts);
            if (wave.nodes.isEmpty())
                fail(QStringLiteral("--waves: '%1' names no node").arg(item));
        } else {
            QString number = item;
            if (!number.endsWith(QLatin1Char('%')))
                fail(QStringLiteral("--waves: '%1' is neither node:PATH nor a percentage")
                         .arg(item));
            number.chop(1);
            bool ok = false;
            wave.percent = number.toDouble(&ok);
            if (!ok || wave.percent <= 0 || wave.percent > 100)
                fail(QStringLiteral("--waves: '%1' is not a percentage from 0 to 100").arg(item));
        }
        waves.append(wave);
    }
    if (waves.isEmpty())
        fail(QStringLiteral("--waves names no wave"));
    return waves;
}

Domain::Threshold threshold(const QString &text, const char *option)
{
    QString error;
    const std::optional<Domain::Threshold> t = Domain::Threshold::parse(text, &error);
    if (!t)
        fail(QStringLiteral("--%1: %2").arg(QLatin1String(option), error));
    return *t;
}

Domain::RolloutMethod method(const QString &text)
{
    if (text == QLatin1String("staged"))
        return Domain::RolloutMethod::Staged;
    if (text == QLatin1String("lock"))
        return Domain::RolloutMethod::Lock;
    if (text == QLatin1String("release"))
        return Domain::RolloutMethod::Release;
    fail(QStringLiteral("--method must be staged, lock or release, not '%1'").arg(text));
}

bool finalReleaseDue(const Domain::Rollout &r)
{
    return r.spec.method == Domain::RolloutMethod::Staged && r.spec.releaseToNodesWhenDone
        && !r.spec.nodes.isEmpty() && r.spec.devices.isEmpty();
}

bool isActive(Domain::RolloutState state)
{
    return state == Domain::RolloutState::Running || state == Domain::RolloutState::RollingBack;
}

// The requests of this process: how many, and the most within any window of five minutes.
class RequestLog final
{
public:
    RequestLog() { m_clock.start(); }
    void sent()
    {
        const qint64 now = m_clock.elapsed();
        ++m_total;
        m_window.push_back(now);
        while (!m_window.empty() && m_window.front() <= now - RateWindowMs)
            m_window.pop_front();
        m_max = qMax(m_max, static_cast<int>(m_window.size()));
    }
    int total() const { return m_total; }
    int maxPerWindow() const { return m_max; }

private:
    QElapsedTimer m_clock;
    std::deque<qint64> m_window;
    int m_total = 0;
    int m_max = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("flotilla-rolloutdriver"));
    QElapsedTimer wall;
    wall.start();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs a firmware rollout headless and prints its progress as JSON lines."));
    parser.addHelpOption();
    const auto option = [&](const char *name, const char *description, const char *valueName,
                            const QString &defaultValue = QString()) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(description),
            QString::fromLatin1(valueName), defaultValue);
        parser.addOption(o);
        return o;
    };
    const auto flag = [&](const char *name, const char *description) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(description));
        parser.addOption(o);
        return o;
    };
    const QCommandLineOption api = option("api", "API base URL.", "URL");
    const QCommandLineOption token
        = option("token", "Access token (default: $FLOTILLA_TOKEN).", "T");
    const QCommandLineOption product = option("product", "Product ID.", "ID");
    const QCommandLineOption cache = option("cache", "Cache file.", "FILE");
    const QCommandLineOption resume = flag("resume", "Continue the rollout the cache holds.");
    const QCommandLineOption version = option("version", "Start a rollout of this version.", "N");
    const QCommandLineOption nodes = option("nodes", "Selected node paths.", "a,b");
    const QCommandLineOption devices = option("devices", "Selected device ids.", "id,id");
    const QCommandLineOption all
        = flag("all", "Select every customer node and every device at no node (not returns).");
    const QCommandLineOption methodOption
        = option("method", "staged, lock or release.", "M", QStringLiteral("staged"));
    const QCommandLineOption waves = option("waves",
        "Staged waves: percentages and node:PATH, comma-separated.", "W", QStringLiteral("100%"));
    const QCommandLineOption success = option(
        "success-threshold", "Per wave: advance once reached.", "T", QStringLiteral("95%"));
    const QCommandLineOption failure
        = option("failure-threshold", "Per wave: pause once reached.", "T", QStringLiteral("10%"));
    const QCommandLineOption timeout
        = option("timeout-s", "Device timeout in seconds.", "S", QString::number(24 * 3600));
    const QCommandLineOption order = option(
        "order", "random or name: how percentage waves pick.", "O", QStringLiteral("random"));
    const QCommandLineOption seed
        = option("seed", "Seed of the random order.", "N", QStringLiteral("1"));
    const QCommandLineOption standard
        = flag("standard", "Release: a standard release (devices update at their next handshake).");
    const QCommandLineOption batch
        = option("batch-size", "Devices per batch group request.", "N", QStringLiteral("1000"));
    const QCommandLineOption pollS = option("poll-interval-s",
        "Polling fallback interval while devices are in flight.", "S", QStringLiteral("300"));
    const QCommandLineOption progressMs
        = option("progress-ms", "Interval of progress lines.", "MS", QStringLiteral("1000"));
    const QCommandLineOption deadline = option(
        "deadline-s", "Give up (exit 2) after this long; 0: never.", "S", QStringLiteral("0"));
    const QCommandLineOption printDevices
        = flag("print-devices", "Before the final line, one line per device of the rollout.");
    parser.process(app);

    if (!parser.isSet(api) || !parser.isSet(product) || !parser.isSet(cache))
        fail(QStringLiteral("usage: --api URL --token T --product ID --cache FILE "
                            "(--version N … | --resume)"));
    if (parser.isSet(resume) == parser.isSet(version))
        fail(QStringLiteral("give either --version N (a rollout to start) or --resume"));
    const int selections
        = (parser.isSet(nodes) || parser.isSet(devices) ? 1 : 0) + (parser.isSet(all) ? 1 : 0);
    if (parser.isSet(version) && selections != 1)
        fail(QStringLiteral("a rollout needs --nodes and/or --devices, or --all"));
    const QString accessToken
        = parser.isSet(token) ? parser.value(token) : qEnvironmentVariable("FLOTILLA_TOKEN");
    if (accessToken.isEmpty())
        fail(QStringLiteral("no access token: --token T or FLOTILLA_TOKEN"));
    const int productId = parser.value(product).toInt();
    if (productId <= 0)
        fail(QStringLiteral("--product must be a product ID"));

    Domain::RolloutSpec spec;
    if (parser.isSet(version)) {
        spec.version = parser.value(version).toInt();
        spec.method = method(parser.value(methodOption));
        spec.nodes = list(parser.value(nodes));
        spec.devices = list(parser.value(devices));
        spec.intelligent = !parser.isSet(standard);
        Domain::WaveSpec prototype;
        prototype.success = threshold(parser.value(success), "success-threshold");
        prototype.failure = threshold(parser.value(failure), "failure-threshold");
        if (spec.method == Domain::RolloutMethod::Staged)
            spec.waves = parseWaves(parser.value(waves), prototype);
        else
            spec.waves = {prototype};
        if (parser.value(order) == QLatin1String("name"))
            spec.order = Domain::RolloutSpec::Order::ByName;
        else if (parser.value(order) != QLatin1String("random"))
            fail(QStringLiteral("--order must be random or name"));
        spec.seed = parser.value(seed).toULongLong();
        spec.deviceTimeoutS = parser.value(timeout).toLongLong();
        if (spec.deviceTimeoutS <= 0)
            fail(QStringLiteral("--timeout-s must be a positive number of seconds"));
        spec.title = QStringLiteral("v%1 (flotilla-rolloutdriver)").arg(spec.version);
    }

    QNetworkAccessManager nam;
    nam.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    Remote::ClientConfig clientConfig;
    clientConfig.baseUrl = QUrl(parser.value(api));
    Remote::ParticleClient client(&nam, clientConfig);
    RequestLog requests;
    QObject::connect(&client, &Remote::ParticleClient::requestSent, [&] { requests.sent(); });
    Store::CacheStore store;

    Sync::SyncConfig syncConfig;
    syncConfig.productId = productId;
    syncConfig.refreshIntervalMs = 0; // the rollout engine polls what it follows
    syncConfig.liveEvents = true;
    syncConfig.retryBaseMs = 500;
    syncConfig.actor = QStringLiteral("rolloutdriver");
    Sync::SyncEngine sync(&client, &store, &nam, syncConfig);
    QUrl events = clientConfig.baseUrl;
    events.setPath(QStringLiteral("/v1/products/%1/events").arg(productId));
    sync.setEventsUrl(events);
    sync.setAccessToken(accessToken);

    Rollout::RolloutConfig rolloutConfig;
    rolloutConfig.productId = productId;
    rolloutConfig.actor = QStringLiteral("rolloutdriver");
    rolloutConfig.batchSize = parser.value(batch).toInt();
    rolloutConfig.pollIntervalMs = parser.value(pollS).toInt() * 1000;
    if (rolloutConfig.batchSize < 1 || rolloutConfig.pollIntervalMs < 1000)
        fail(QStringLiteral("--batch-size and --poll-interval-s must be positive"));
    Rollout::RolloutEngine engine(&client, &store, &sync, rolloutConfig);

    qint64 followed = 0;
    bool finished = false;
    QTimer progress;
    progress.setInterval(qMax(50, parser.value(progressMs).toInt()));

    // Figures of the followed rollout.
    const auto figures = [&](const Domain::Rollout &r) {
        Domain::WaveCounts sum;
        int wave = 0;
        for (int i = 0; i < r.waves.size(); ++i) {
            if (r.waves.at(i).state != Domain::WaveState::Pending)
                wave = i;
        }
        for (int i = 0; i < r.waves.size(); ++i) {
            const Domain::WaveCounts c = engine.waveCounts(r.id, i);
            sum.total += c.total;
            sum.pending += c.pending;
            sum.waiting += c.waiting;
            sum.updating += c.updating;
            sum.succeeded += c.succeeded;
            sum.failed += c.failed;
            sum.timedOut += c.timedOut;
            sum.cancelled += c.cancelled;
            sum.rollingBack += c.rollingBack;
            sum.rolledBack += c.rolledBack;
        }
        int skipped = 0;
        for (const Domain::RolloutDevice &d : r.devices)
            skipped += d.state == Domain::RolloutDeviceState::Skipped ? 1 : 0;
        const Domain::WaveCounts current = engine.waveCounts(r.id, wave);
        const Domain::WaveProgress wp = r.waves.value(wave);
        return QJsonObject {{QStringLiteral("id"), r.id},
            {QStringLiteral("state"), Domain::toString(r.state)},
            {QStringLiteral("reason"), r.stateReason}, {QStringLiteral("wave"), wave},
            {QStringLiteral("waves"), static_cast<int>(r.waves.size())},
            {QStringLiteral("wave_state"), Domain::toString(wp.state)},
            {QStringLiteral("wave_total"), current.total},
            {QStringLiteral("wave_succeeded"), current.succeeded},
            {QStringLiteral("wave_batches_done"), wp.batchesDone},
            {QStringLiteral("wave_released"), wp.released}, {QStringLiteral("targeted"), sum.total},
            {QStringLiteral("skipped"), skipped}, {QStringLiteral("pending"), sum.pending},
            {QStringLiteral("succeeded"), sum.succeeded}, {QStringLiteral("failed"), sum.failed},
            {QStringLiteral("timed_out"), sum.timedOut},
            {QStringLiteral("cancelled"), sum.cancelled}, {QStringLiteral("active"), sum.active()},
            {QStringLiteral("final_release_done"), r.finalReleaseDone},
            {QStringLiteral("rollout_requests"), r.requests},
            {QStringLiteral("requests"), requests.total()}};
    };

    const auto finish = [&](int code, const QString &note) {
        if (finished)
            return;
        finished = true;
        progress.stop();
        QJsonObject line;
        if (const Domain::Rollout *r = followed ? engine.rollout(followed) : nullptr) {
            if (parser.isSet(printDevices)) {
                for (const Domain::RolloutDevice &d : r->devices)
                    emitLine(QJsonObject {{QStringLiteral("event"), QStringLiteral("device")},
                        {QStringLiteral("id"), d.id}, {QStringLiteral("wave"), d.wave},
                        {QStringLiteral("state"), Domain::toString(d.state)},
                        {QStringLiteral("previous_version"), d.previousVersion},
                        {QStringLiteral("attempts"), d.attempts},
                        {QStringLiteral("reason"), d.reason}});
            }
            line = figures(*r);
            line.insert(QStringLiteral("version"), r->spec.version);
        }
        line.insert(QStringLiteral("event"), QStringLiteral("final"));
        if (!note.isEmpty())
            line.insert(QStringLiteral("note"), note);
        line.insert(QStringLiteral("requests"), requests.total());
        line.insert(QStringLiteral("max_requests_per_5min"), requests.maxPerWindow());
        line.insert(QStringLiteral("wall_ms"), wall.elapsed());
        line.insert(QStringLiteral("rss_mb"), peakRssMb());
        // Everything the engine has written reaches the file before the process ends.
        store.flush([line, code] {
            emitLine(line);
            QCoreApplication::exit(code);
        });
    };

    const auto check = [&] {
        if (finished || !followed)
            return;
        const Domain::Rollout *r = engine.rollout(followed);
        if (!r)
            return finish(2, QStringLiteral("the rollout disappeared"));
        if (isActive(r->state))
            return;
        // A completed staged rollout of nodes then releases the version to the nodes and
        // deletes its wave groups: the driver waits for that too.
        if (r->state == Domain::RolloutState::Completed && finalReleaseDue(*r)
            && !r->finalReleaseDone)
            return;
        finish(0, QString()); // Paused, Completed, Aborted or RolledBack
    };
    QObject::connect(&progress, &QTimer::timeout, [&] {
        if (const Domain::Rollout *r = followed ? engine.rollout(followed) : nullptr) {
            QJsonObject line = figures(*r);
            line.insert(QStringLiteral("event"), QStringLiteral("progress"));
            line.insert(QStringLiteral("ms"), wall.elapsed());
            emitLine(line);
        }
        check();
    });
    QObject::connect(&engine, &Rollout::RolloutEngine::rolloutChanged, [&](qint64 id) {
        if (id == followed)
            check();
    });
    QObject::connect(&engine, &Rollout::RolloutEngine::problem, [](qint64 id, const QString &m) {
        emitLine(QJsonObject {{QStringLiteral("event"), QStringLiteral("problem")},
            {QStringLiteral("id"), id}, {QStringLiteral("message"), m}});
    });
    QObject::connect(&sync, &Sync::SyncEngine::signedOutChanged, [](bool out) {
        if (out)
            fail(QStringLiteral("signed out: the token was refused"));
    });
    QObject::connect(
        &sync, &Sync::SyncEngine::changeFailed, [](const QString &w, const QString &r) {
            emitLine(QJsonObject {{QStringLiteral("event"), QStringLiteral("refused")},
                {QStringLiteral("what"), w}, {QStringLiteral("reason"), r}});
        });
    if (const int s = parser.value(deadline).toInt(); s > 0)
        QTimer::singleShot(s * 1000, &app, [&] { finish(2, QStringLiteral("deadline passed")); });

    const auto follow = [&](qint64 id, const char *how) {
        followed = id;
        emitLine(QJsonObject {{QStringLiteral("event"), QString::fromLatin1(how)},
            {QStringLiteral("id"), id}, {QStringLiteral("ms"), wall.elapsed()},
            {QStringLiteral("requests"), requests.total()}});
        progress.start();
        check();
    };

    const auto startRollouts = [&] {
        engine.start([&](const QString &error) {
            if (!error.isEmpty())
                fail(QStringLiteral("the rollout engine did not start: %1").arg(error));
            // The active rollout if there is one, else (--resume) the newest.
            qint64 active = 0;
            const QList<qint64> ids = engine.rolloutIds();
            for (qint64 id : ids) {
                const Domain::Rollout *r = engine.rollout(id);
                if (r && (isActive(r->state) || r->state == Domain::RolloutState::Paused))
                    active = id;
            }
            if (parser.isSet(resume)) {
                if (active)
                    return follow(active, "resumed");
                if (ids.isEmpty())
                    fail(QStringLiteral("--resume: the cache holds no rollout"));
                return follow(ids.last(), "resumed");
            }
            if (active)
                return follow(active, "following");
            if (parser.isSet(all)) {
                const Domain::Hierarchy hierarchy = sync.state().hierarchy();
                spec.nodes = hierarchy.customers();
                for (auto it = sync.state().devices.cbegin(); it != sync.state().devices.cend();
                     ++it) {
                    const Domain::PlacementKind kind
                        = Domain::placeDevice(it->groups, hierarchy).kind;
                    if (kind == Domain::PlacementKind::Unassigned
                        || kind == Domain::PlacementKind::Inconsistent)
                        spec.devices.append(it.key());
                }
                spec.devices.sort();
            }
            engine.startRollout(spec, [&](qint64 id, const QString &refused) {
                if (!refused.isEmpty())
                    fail(QStringLiteral("the rollout was refused: %1").arg(refused));
                follow(id, "started");
            });
        });
    };

    store.open(parser.value(cache), [&](const QString &error) {
        if (!error.isEmpty())
            fail(QStringLiteral("cannot open the cache: %1").arg(error));
        bool first = true;
        QObject::connect(&sync, &Sync::SyncEngine::pullFinished,
            [&, first](bool ok, const QString &message) mutable {
                if (!first)
                    return;
                first = false;
                if (!ok)
                    fail(QStringLiteral("the first pull failed: %1").arg(message));
                emitLine(QJsonObject {{QStringLiteral("event"), QStringLiteral("pulled")},
                    {QStringLiteral("devices"), static_cast<int>(sync.state().devices.size())},
                    {QStringLiteral("ms"), wall.elapsed()},
                    {QStringLiteral("requests"), requests.total()}});
                startRollouts();
            });
        sync.start(true);
    });
    return QCoreApplication::exec();
}
