// SPDX-License-Identifier: MIT
// Helpers of the store tests: wait for CacheStore callbacks and build realistic fleet data.
#pragma once

#include "store/cachestore.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>
#include <optional>
#include <tuple>

namespace StoreTest {

using namespace Flotilla;
using namespace Flotilla::Store;

// Calls `start` with a callback and waits (spinning the event loop, never sleeping) until the
// callback has run; returns its arguments, or nothing on timeout.
template<typename... Args, typename Start>
std::optional<std::tuple<Args...>> await(Start start, int timeoutMs = 60000)
{
    auto result = std::make_shared<std::optional<std::tuple<Args...>>>();
    start([result](Args... args) { result->emplace(std::move(args)...); });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, timeoutMs))
        return std::nullopt;
    return *result;
}

// A second, read-only connection to a cache file on the calling thread (as another process
// would see the file). Removed when it goes out of scope.
class Peek final
{
public:
    explicit Peek(const QString &path)
        : m_name(QStringLiteral("peek.%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        db.open();
    }
    ~Peek() { QSqlDatabase::removeDatabase(m_name); }
    Q_DISABLE_COPY_MOVE(Peek)

    // The first column of the first row, or an "error: ..." string.
    QVariant value(const QString &sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        if (!query.exec(sql) || !query.next())
            return QStringLiteral("error: %1").arg(query.lastError().text());
        return query.value(0);
    }

private:
    static inline int s_count = 0;
    QString m_name;
};

inline QString timeoutError()
{
    return QStringLiteral("timed out waiting for the store");
}

inline QString open(CacheStore &store, const QString &path)
{
    const auto r = await<QString>([&](auto done) { store.open(path, done); });
    return r ? std::get<0>(*r) : timeoutError();
}

inline Snapshot load(CacheStore &store, QString *error = nullptr)
{
    const auto r = await<Snapshot, QString>([&](auto done) { store.load(done); });
    if (error)
        *error = r ? std::get<1>(*r) : timeoutError();
    return r ? std::get<0>(*r) : Snapshot();
}

inline QString applyPull(
    CacheStore &store, const ChangeSet &changes, const QHash<QString, QString> &syncState = {})
{
    const auto r = await<QString>([&](auto done) { store.applyPull(changes, syncState, done); });
    return r ? std::get<0>(*r) : timeoutError();
}

inline QList<qint64> applyLocalEdit(
    CacheStore &store, const LocalEdit &edit, QString *error = nullptr)
{
    const auto r
        = await<QList<qint64>, QString>([&](auto done) { store.applyLocalEdit(edit, done); });
    if (error)
        *error = r ? std::get<1>(*r) : timeoutError();
    return r ? std::get<0>(*r) : QList<qint64>();
}

inline QList<OutboxEntry> pendingOutbox(CacheStore &store)
{
    const auto r = await<QList<OutboxEntry>>([&](auto done) { store.pendingOutbox(done); });
    return r ? std::get<0>(*r) : QList<OutboxEntry>();
}

inline QList<ActivityRecord> activity(CacheStore &store, int limit)
{
    const auto r = await<QList<ActivityRecord>>([&](auto done) { store.activity(limit, done); });
    return r ? std::get<0>(*r) : QList<ActivityRecord>();
}

// Waits for a request that reports only an error string.
template<typename Start>
QString result(Start start)
{
    const auto r = await<QString>(start);
    return r ? std::get<0>(*r) : timeoutError();
}

inline bool flush(CacheStore &store)
{
    return await<>([&](auto done) { store.flush(done); }).has_value();
}

// A device with realistic field sizes: 24-hex id, ~20-character name, serial, ICCID, 2-4
// groups, an owner e-mail.
inline Domain::Device fleetDevice(int i)
{
    Domain::Device d;
    d.id = QStringLiteral("e00fce68%1").arg(i, 16, 16, QLatin1Char('0'));
    d.name = QStringLiteral("plant-sensor-%1-bay").arg(i, 6, 10, QLatin1Char('0'));
    d.serialNumber = QStringLiteral("P0%1").arg(4310000 + i, 10, 10, QLatin1Char('0'));
    d.iccid = QStringLiteral("89014103%1").arg(i, 12, 10, QLatin1Char('0'));
    d.owner = QStringLiteral("ops+customer%1@example-industries.com").arg(i % 40);
    d.systemFirmwareVersion = i % 3 ? QStringLiteral("5.5.0") : QStringLiteral("4.2.0");
    const QString customer = QStringLiteral("customer%1").arg(i % 40);
    d.groups = {customer, customer + QStringLiteral("--site%1").arg(i % 7)};
    if (i % 2)
        d.groups.append(customer + QStringLiteral("--site%1--line%2").arg(i % 7).arg(i % 3));
    if (i % 5 == 0)
        d.groups.append(QStringLiteral("beta"));
    d.groups.sort();
    d.lastHeardMs = 1700000000000 + i * 1000LL;
    d.lastHandshakeMs = 1700000000000 + i * 500LL;
    d.productId = 4242;
    d.platformId = 32;
    d.firmwareVersion = 10 + i % 4;
    if (i % 11 == 0)
        d.desiredFirmwareVersion = 12;
    d.targetedFirmwareVersion = 13;
    d.online = i % 3 == 0;
    d.development = i % 97 == 0;
    return d;
}

} // namespace StoreTest
