// SPDX-License-Identifier: MIT
#pragma once

#include "store/changes.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

class QSqlQuery;

// Reading a damaged cache and rebuilding it (internal to the store; see CacheStore::repair).
namespace Flotilla::Store::Repair {

// How a tolerant read of one table went.
struct TableRead
{
    bool whole = true; // every row was read
    bool unreadable = false; // the table could not be read at all (or not past some point)
    QStringList problems; // what SQLite said, each message once
};

// Reads the rows of `table` ("SELECT rowid, <columns> FROM <table> [WHERE <filter>]" in rowid
// order) and calls `row` for each. Where SQLite cannot read a part of the table (a damaged
// page), the read goes on past it, and the rows around the damage that can still be read one
// by one are read; the rows of the damaged part are skipped. A healthy table costs one query.
TableRead readRows(const QSqlDatabase &db, const QString &table, const QString &columns,
    const QString &filter, const std::function<void(const QSqlQuery &)> &row);

// Checks a Pending or Failed outbox row as read from the cache; empty when it can be used,
// otherwise what is wrong with it.
QString outboxRowProblem(const QString &kind, const QString &payload, const QString &deviceIds);

// Copies what can be read of the open cache `source` into a new cache file at `freshPath` (its
// schema created by the migrations): device records that decode, outbox rows that can be used,
// every other row that can be read; links to rows that were lost are cleared. `report` counts
// what was left behind. On error nothing is left at `freshPath`.
QString rebuild(const QSqlDatabase &source, const QString &freshPath, RepairReport &report);

// Moves the cache file at `path` and its write-ahead log files aside, to
// "<path>.damaged-<date-time>[-n]"; returns the new name of the cache file, or an empty string
// with `error` set.
QString moveAside(const QString &path, QString *error);

} // namespace Flotilla::Store::Repair
