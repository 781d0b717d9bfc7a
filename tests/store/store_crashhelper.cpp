// SPDX-License-Identifier: MIT
// Child process of tst_cachestore's crash-safety tests, killed with SIGKILL by the test.
//
//   store_crashhelper <cache> commit     applies a LocalEdit, prints "committed <devices> <id>
//                                        <id>" once its callback reports it, then idles
//   store_crashhelper <cache> precommit  applies a big LocalEdit, prints "precommit" when its
//                                        transaction is about to commit, and stops there
//   store_crashhelper <cache> stream     applies edits one after another, printing
//                                        "committed <count>" after each
#include "storetest.h"

#include <QCoreApplication>
#include <QSemaphore>

#include <cstdio>

using namespace StoreTest;

namespace {

void say(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

LocalEdit move(int firstDevice, int devices)
{
    LocalEdit edit;
    QStringList ids;
    for (int i = firstDevice; i < firstDevice + devices; ++i) {
        Domain::Device d = fleetDevice(i);
        d.groups = {QStringLiteral("moved")};
        edit.effect.devices.append(d);
        ids.append(d.id);
    }
    for (int i = 0; i < 2; ++i) {
        OutboxEntry entry;
        entry.kind = QStringLiteral("groups");
        entry.deviceIds = ids;
        entry.payload = {{QStringLiteral("groups"), QStringLiteral("moved")}};
        edit.outbox.append(entry);
    }
    edit.activity.actor = QStringLiteral("crash-helper");
    edit.activity.action = QStringLiteral("move");
    edit.activity.subject = QStringLiteral("%1 devices").arg(devices);
    return edit;
}

void stream(CacheStore *store, int k)
{
    LocalEdit edit;
    Domain::Device d = fleetDevice(k);
    d.groups = {QStringLiteral("moved")};
    edit.effect.devices = {d};
    OutboxEntry entry;
    entry.kind = QStringLiteral("groups");
    entry.deviceIds = {d.id};
    entry.payload = {{QStringLiteral("k"), k}};
    edit.outbox = {entry};
    edit.activity.subject = QString::number(k);
    store->applyLocalEdit(edit, [store, k](QList<qint64>, QString error) {
        if (!error.isEmpty()) {
            say(error.toUtf8());
            QCoreApplication::exit(1);
            return;
        }
        say("committed " + QByteArray::number(k + 1));
        stream(store, k + 1);
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3)
        return 2;
    const QString mode = args.at(2);
    CacheStore store;
    QSemaphore never;
    if (mode == QLatin1String("precommit")) {
        store.setWorkerHook([&never](QStringView point) {
            if (point == u"beforeCommit") {
                say("precommit");
                never.acquire(); // the worker stops right before COMMIT, until killed
            }
        });
    }
    store.open(args.at(1), [](QString error) {
        if (!error.isEmpty()) {
            say(error.toUtf8());
            QCoreApplication::exit(1);
        }
    });
    if (mode == QLatin1String("commit")) {
        store.applyLocalEdit(move(0, 5000), [](QList<qint64> ids, QString error) {
            if (!error.isEmpty() || ids.size() != 2) {
                say(error.toUtf8());
                QCoreApplication::exit(1);
                return;
            }
            say("committed 5000 " + QByteArray::number(ids.at(0)) + ' '
                + QByteArray::number(ids.at(1)));
        });
    } else if (mode == QLatin1String("precommit")) {
        // Big enough that SQLite writes pages of it to the WAL before the commit.
        store.applyLocalEdit(move(0, 30000), [](QList<qint64>, QString) { say("committed"); });
    } else if (mode == QLatin1String("stream")) {
        stream(&store, 0);
    } else {
        return 2;
    }
    return app.exec(); // until killed
}
