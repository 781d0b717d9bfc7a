// SPDX-License-Identifier: MIT
// Benchmark (not a test): the wall time of CacheStore::load() for a cache of 100,000 devices,
// from the call to the callback with the Snapshot, the database being open already. Also
// reports the time to write those devices with applyPull. The last line is
// "cache_load_ms=<n>", the slowest of the load runs.
//
//   bench_cacheload [devices] [runs]
#include "storetest.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace StoreTest;

namespace {

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    const int count = args.size() > 1 ? args.at(1).toInt() : 100000;
    const int runs = args.size() > 2 ? args.at(2).toInt() : 5;

    QTemporaryDir dir;
    if (!dir.isValid()) {
        print(QStringLiteral("cannot create a temporary folder"));
        return 1;
    }
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));

    ChangeSet changes;
    changes.devices.reserve(count);
    for (int i = 0; i < count; ++i)
        changes.devices.append(fleetDevice(i));
    for (int c = 0; c < 40; ++c)
        changes.groups.append({QStringLiteral("customer%1").arg(c), {}, {}, {}});

    {
        CacheStore store;
        if (const QString error = open(store, path); !error.isEmpty()) {
            print(error);
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        if (const QString error = applyPull(store, changes); !error.isEmpty()) {
            print(error);
            return 1;
        }
        print(QStringLiteral("apply_pull_ms=%1 (%2 devices, one transaction)")
                  .arg(timer.elapsed())
                  .arg(count));
    }
    print(QStringLiteral("file_bytes=%1").arg(QFileInfo(path).size()));

    // A fresh store and connection, as at application start.
    CacheStore store;
    if (const QString error = open(store, path); !error.isEmpty()) {
        print(error);
        return 1;
    }
    qint64 worst = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpuStart = std::clock();
        QString error;
        const Snapshot snapshot = load(store, &error);
        const qint64 ms = timer.elapsed();
        const auto cpuMs = static_cast<qint64>(
            1000.0 * static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC);
        if (!error.isEmpty() || snapshot.devices.size() != count) {
            print(QStringLiteral("load failed: %1 (%2 devices)")
                      .arg(error)
                      .arg(snapshot.devices.size()));
            return 1;
        }
        if (snapshot.devices.at(count / 2) != changes.devices.at(count / 2)) {
            print(QStringLiteral("load returned different data"));
            return 1;
        }
        print(QStringLiteral("run %1: load_ms=%2 (cpu_ms=%3, all threads)")
                  .arg(run + 1)
                  .arg(ms)
                  .arg(cpuMs));
        worst = std::max(worst, ms);
    }
    print(QStringLiteral("cache_load_ms=%1").arg(worst));
    return 0;
}
