// SPDX-License-Identifier: MIT
#pragma once

#include "io/tablewriter.h"
#include "store/changes.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QString>

#include <functional>

namespace Flotilla::Sync {
class SyncEngine;
}

namespace Flotilla::Tree {

// Roles of the activity models (the Activity window, its export and tests). They start above
// the rollout models' roles (rolloutmodels.h).
enum ActivityRole {
    ActivityIdRole = Qt::UserRole + 160, // qint64: the line's id in the log
    ActivityTimeRole, // qint64: when, in ms since the epoch (UTC)
    ActivitySourceRole, // QString: Store::ActivitySource ("console", "import", …)
    ActivityFailedRole, // bool: the change was refused
    ActivityFromRole, // QString: where the devices were (titles)
    ActivityToRole, // QString: where they went (titles)
    ActivityDetailRole, // QString: the detail (the cloud's reasons, the rows refused, …)
    ActivitySortRole, // the value a column sorts by
};

// The activity log as a table, newest first: when (local time), who, from where (console,
// import, flotillactl, rollout, sync), what, how many devices, from → to, the result and the
// requests it took. It reads the log through a reader (the sync engine's, or a test's); once
// loaded, refresh() reads only the lines written since and inserts them at the top (rows are
// never reset for that), so a view keeps its selection and scroll position.
class ActivityModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityModel)

public:
    enum Column { When, Who, Source, What, Devices, FromTo, Result, Requests, ColumnCount };
    Q_ENUM(Column)

    // Reads the lines `query` asks for (newest first) and calls `done` with them, unless
    // `context` is gone by then.
    using Reader = std::function<void(const Store::ActivityQuery &query, QObject *context,
        std::function<void(QList<Store::ActivityRecord>)> done)>;

    explicit ActivityModel(QObject *parent = nullptr);
    ~ActivityModel() override;

    // Reads `engine`'s log and follows it (its activityChanged(), and externalChange() for the
    // lines other processes on the cache wrote). Loads at once.
    void setEngine(Sync::SyncEngine *engine);
    // Reads through `reader` (tests); call reload() to load.
    void setReader(Reader reader);
    // At most this many lines are read when loading (the newest; default 10,000).
    void setLoadLimit(int limit) { m_loadLimit = limit; }

    // Reads the newest lines again and resets the model with them.
    void reload();
    // Reads the lines written since the newest one shown and inserts them at the top. Calls
    // made while a read is under way are folded into one more read after it.
    void refresh();
    bool isLoaded() const { return m_loaded; }

    const Store::ActivityRecord &record(int row) const { return m_rows.at(row); }

    // For people: the source, the action and the result of a line.
    static QString sourceTitle(const QString &source);
    static QString actionTitle(const QString &action);
    static QString resultTitle(const QString &result);
    // "Move: 3 devices to Acme Logistics › Berlin depot".
    static QString whatText(const Store::ActivityRecord &record);
    // "Acme Logistics › Berlin depot → Unassigned" (one side alone when the other is empty).
    static QString fromToText(const Store::ActivityRecord &record);
    static bool isFailed(const Store::ActivityRecord &record);
    // The sources to filter by, in the order a view offers them: the source
    // (ActivityFilterModel::setSource) and its title for a menu ("Rollouts").
    static QList<QPair<QString, QString>> sourceChoices();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // A reload() finished (the rows are there).
    void loaded();
    // refresh() added `count` rows at the top.
    void rowsAdded(int count);

private:
    void read(bool reset);

    Reader m_reader;
    QPointer<Sync::SyncEngine> m_engine;
    QList<Store::ActivityRecord> m_rows; // newest first
    int m_loadLimit = 10000;
    bool m_loaded = false;
    bool m_reading = false;
    bool m_readAgain = false; // a refresh() was asked for while reading
    bool m_resetAgain = false; // a reload() was asked for while reading
    quint64 m_generation = 0; // reads answered after a newer reload are dropped
};

// What the Activity window shows of the log: the lines of one source, the failed ones only,
// and those whose texts hold a search text (case-insensitive; every column, the detail too).
class ActivityFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityFilterModel)

public:
    explicit ActivityFilterModel(QObject *parent = nullptr);
    ~ActivityFilterModel() override;

    void setSource(const QString &source); // a Store::ActivitySource; empty: every source
    QString source() const { return m_source; }
    void setFailedOnly(bool failedOnly);
    bool failedOnly() const { return m_failedOnly; }
    void setSearchText(const QString &text);
    QString searchText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_source;
    bool m_failedOnly = false;
    QString m_text;
};

// The lines `model` shows (an ActivityModel or a proxy of one), in its order, as a table to
// write (Io::writeCsv): when (a date, written in ISO 8601 UTC), who, source, what, devices,
// from, to, result, requests and detail, by their titles.
Io::ExportTable activityTable(const QAbstractItemModel *model);

} // namespace Flotilla::Tree
