// SPDX-License-Identifier: MIT
// flotilla-syncdriver: runs the data layer (cache, client, sync engine) against a Particle API
// from the command line. Tests use it for crash recovery (kill -9 while it pushes) and the sync
// benchmark uses it to time full pulls, moves and cache loads. The access token comes from the
// FLOTILLA_TOKEN environment variable. Output: one JSON object per line on stdout.
//
//   flotilla-syncdriver --url URL --product ID --cache FILE [options] COMMAND
//   COMMAND: pull | load | push | dump | moves FILE | import FILE
//   moves FILE: each line is "TARGET id,id,..." with TARGET a node path, :unassigned or :returns
//   import FILE: each line is "IDENTIFIER TARGET [NAME]", one import of all lines
#include "../support/peakrss.h"
#include "domain/moves.h"
#include "remote/particleclient.h"
#include "store/cachestore.h"
#include "sync/outboxops.h"
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

using namespace Flotilla;

using Flotilla::TestSupport::peakRssMb;

namespace {

void emitLine(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fflush(stdout);
}

// Peak resident memory of this process in MiB (Linux), or -1.
[[noreturn]] void fail(const QString &message)
{
    emitLine(QJsonObject {
        {QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("message"), message}});
    std::exit(1);
}

Domain::MoveTarget parseTarget(const QString &text)
{
    if (text == QLatin1String(":unassigned"))
        return Domain::MoveTarget::unassigned();
    if (text == QLatin1String(":returns"))
        return Domain::MoveTarget::returns();
    return Domain::MoveTarget::node(text);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption url(
        QStringLiteral("url"), QStringLiteral("API base URL."), QStringLiteral("URL"));
    const QCommandLineOption product(
        QStringLiteral("product"), QStringLiteral("Product ID."), QStringLiteral("ID"));
    const QCommandLineOption cache(
        QStringLiteral("cache"), QStringLiteral("Cache file."), QStringLiteral("FILE"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"),
        QStringLiteral("Requests on the wire at once."), QStringLiteral("N"), QStringLiteral("6"));
    const QCommandLineOption batch(QStringLiteral("batch"),
        QStringLiteral("Devices per batch request."), QStringLiteral("N"), QStringLiteral("500"));
    const QCommandLineOption perPage(QStringLiteral("per-page"),
        QStringLiteral("Devices per page."), QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption clientId(QStringLiteral("client-id"),
        QStringLiteral("Product OAuth client id."), QStringLiteral("ID"));
    for (const QCommandLineOption &o : {url, product, cache, concurrency, batch, perPage, clientId})
        parser.addOption(o);
    parser.addPositionalArgument(QStringLiteral("command"),
        QStringLiteral("pull | load | push | dump | moves FILE | import FILE"));
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty() || !parser.isSet(url) || !parser.isSet(product) || !parser.isSet(cache))
        fail(QStringLiteral("usage: --url URL --product ID --cache FILE COMMAND"));
    const QString command = args.first();

    QNetworkAccessManager nam;
    Remote::ClientConfig config;
    config.baseUrl = QUrl(parser.value(url));
    config.maxConcurrent = parser.value(concurrency).toInt();
    Remote::ParticleClient client(&nam, config);
    client.setAccessToken(qEnvironmentVariable("FLOTILLA_TOKEN"));
    Store::CacheStore store;
    Sync::SyncConfig syncConfig;
    syncConfig.productId = parser.value(product).toInt();
    syncConfig.batchSize = parser.value(batch).toInt();
    syncConfig.perPage = parser.value(perPage).toInt();
    syncConfig.refreshIntervalMs = 0;
    syncConfig.liveEvents = false;
    syncConfig.retryBaseMs = 200;
    syncConfig.actor = QStringLiteral("syncdriver");
    Sync::SyncEngine engine(&client, &store, &nam, syncConfig);
    engine.setAccessToken(qEnvironmentVariable("FLOTILLA_TOKEN"));
    engine.setProductClient(parser.value(clientId), qEnvironmentVariable("FLOTILLA_CLIENT_SECRET"));

    QElapsedTimer timer;
    const auto finishPush = [&] {
        emitLine(QJsonObject {{QStringLiteral("event"), QStringLiteral("pushed")},
            {QStringLiteral("ms"), timer.elapsed()},
            {QStringLiteral("requests"), client.requestsSent()},
            {QStringLiteral("pending"), engine.pendingCount()}});
        store.flush([] { QCoreApplication::quit(); });
    };
    QObject::connect(
        &engine, &Sync::SyncEngine::changeFailed, [](const QString &what, const QString &reason) {
            emitLine(QJsonObject {{QStringLiteral("event"), QStringLiteral("refused")},
                {QStringLiteral("what"), what}, {QStringLiteral("reason"), reason}});
        });
    QObject::connect(
        &engine, &Sync::SyncEngine::importFinished, [](const Sync::ImportOutcome &outcome) {
            emitLine(QJsonObject {{QStringLiteral("event"), QStringLiteral("imported")},
                {QStringLiteral("imported"), outcome.imported.size()},
                {QStringLiteral("existing"), outcome.existing.size()},
                {QStringLiteral("refused"), outcome.refused.size()},
                {QStringLiteral("found"), outcome.deviceIds.size()}});
        });
    QObject::connect(&engine, &Sync::SyncEngine::signedOutChanged, [](bool out) {
        if (out)
            fail(QStringLiteral("signed out"));
    });

    timer.start();
    store.open(parser.value(cache), [&](QString error) {
        if (!error.isEmpty())
            fail(error);
        QObject::connect(&engine, &Sync::SyncEngine::loaded, [&] {
            emitLine(QJsonObject {{QStringLiteral("event"), QStringLiteral("loaded")},
                {QStringLiteral("ms"), timer.elapsed()},
                {QStringLiteral("devices"), engine.state().devices.size()},
                {QStringLiteral("pending"), engine.pendingCount()},
                {QStringLiteral("rss_mb"), peakRssMb()}});
            timer.restart();
            if (command == QLatin1String("load")) {
                QCoreApplication::quit();
            } else if (command == QLatin1String("pull")) {
                QObject::connect(
                    &engine, &Sync::SyncEngine::pullFinished, [&](bool ok, const QString &message) {
                        if (!ok)
                            fail(message);
                        emitLine(QJsonObject {{QStringLiteral("event"), QStringLiteral("pulled")},
                            {QStringLiteral("ms"), timer.elapsed()},
                            {QStringLiteral("devices"), engine.state().devices.size()},
                            {QStringLiteral("requests"), client.requestsSent()},
                            {QStringLiteral("rss_mb"), peakRssMb()}});
                        store.flush([] { QCoreApplication::quit(); });
                    });
                engine.pullNow();
            } else if (command == QLatin1String("push")) {
                if (engine.pendingCount() == 0)
                    return finishPush();
                QObject::connect(&engine, &Sync::SyncEngine::pushFinished, finishPush);
                engine.pushNow();
            } else if (command == QLatin1String("dump")) {
                QStringList ids = engine.state().devices.keys();
                ids.sort();
                for (const QString &id : std::as_const(ids)) {
                    const Domain::Device &d = engine.state().devices[id];
                    emitLine(QJsonObject {{QStringLiteral("id"), id},
                        {QStringLiteral("groups"), QJsonArray::fromStringList(d.groups)},
                        {QStringLiteral("owner"), d.owner}});
                }
                QCoreApplication::quit();
            } else if ((command == QLatin1String("moves") || command == QLatin1String("import"))
                && args.size() == 2) {
                QFile file(args.at(1));
                if (!file.open(QIODevice::ReadOnly))
                    fail(QStringLiteral("cannot read %1").arg(args.at(1)));
                // Everything is queued first, then sent in one go.
                engine.setPaused(true);
                int queued = 0;
                QList<Sync::Outbox::ImportPlacement> placements;
                for (const QByteArray &raw : file.readAll().split('\n')) {
                    const QString line = QString::fromUtf8(raw).trimmed();
                    if (line.isEmpty())
                        continue;
                    if (command == QLatin1String("import")) {
                        const QStringList fields = line.split(QLatin1Char(' '));
                        Sync::Outbox::ImportPlacement p;
                        p.identifier = fields.value(0);
                        p.target = parseTarget(fields.value(1));
                        if (fields.size() > 2)
                            p.name = fields.value(2);
                        placements.append(p);
                        continue;
                    }
                    const QString target = line.section(QLatin1Char(' '), 0, 0);
                    const QStringList ids = line.section(QLatin1Char(' '), 1)
                                                .split(QLatin1Char(','), Qt::SkipEmptyParts);
                    const QString refused = engine.moveDevices(ids, parseTarget(target));
                    if (!refused.isEmpty())
                        fail(refused);
                    ++queued;
                }
                if (!placements.isEmpty()) {
                    const QString refused = engine.applyEdit(QStringLiteral("import"),
                        QStringLiteral("an import"), {Sync::Outbox::importDevices(placements)});
                    if (!refused.isEmpty())
                        fail(refused);
                    ++queued;
                }
                // Every edit is committed once the store has run the queued work.
                store.flush([&, queued] {
                    emitLine(QJsonObject {{QStringLiteral("event"), QStringLiteral("queued")},
                        {QStringLiteral("edits"), queued},
                        {QStringLiteral("pending"), engine.pendingCount()}});
                    timer.restart();
                    if (engine.pendingCount() == 0)
                        return finishPush();
                    QObject::connect(&engine, &Sync::SyncEngine::pushFinished, finishPush);
                    engine.setPaused(false);
                });
            } else {
                fail(QStringLiteral("unknown command %1").arg(command));
            }
        });
        engine.start(false);
    });
    return QCoreApplication::exec();
}
