// SPDX-License-Identifier: MIT
#include "tree/activitymodel.h"

#include "sync/syncengine.h"

#include <QDateTime>
#include <QLocale>

namespace Flotilla::Tree {

// Unqualified in the signatures of functions that call tr(): lupdate files their texts under a
// qualified return type's namespace.
using Io::ExportTable;

namespace {

using Store::ActivityRecord;

QString number(int n)
{
    return n > 0 ? QLocale().toString(n) : QString();
}

} // namespace

// --- ActivityModel ----------------------------------------------------------------------------

ActivityModel::ActivityModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

ActivityModel::~ActivityModel() = default;

void ActivityModel::setEngine(Sync::SyncEngine *engine)
{
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    if (!engine) {
        m_reader = {};
        return;
    }
    const QPointer<Sync::SyncEngine> guard(engine);
    m_reader = [guard](const Store::ActivityQuery &query, QObject *context,
                   std::function<void(QList<ActivityRecord>)> done) {
        if (guard)
            guard->activity(query, context, std::move(done));
    };
    // Lines written here, and lines another Flotilla process (flotillactl) wrote to the cache.
    connect(engine, &Sync::SyncEngine::activityChanged, this, &ActivityModel::refresh);
    connect(engine, &Sync::SyncEngine::externalChange, this, &ActivityModel::refresh);
    reload();
}

void ActivityModel::setReader(Reader reader)
{
    m_reader = std::move(reader);
}

void ActivityModel::reload()
{
    if (m_reading) {
        m_resetAgain = true;
        ++m_generation; // the read under way is for the rows before
        return;
    }
    read(true);
}

void ActivityModel::refresh()
{
    // A read under way may have read the log before the newest lines were written.
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    read(!m_loaded);
}

void ActivityModel::read(bool reset)
{
    if (!m_reader)
        return;
    Store::ActivityQuery query;
    if (reset) {
        query.limit = m_loadLimit;
    } else {
        // Ids only grow, whichever process wrote the line.
        qint64 newest = 0;
        for (const ActivityRecord &r : std::as_const(m_rows))
            newest = std::max(newest, r.id);
        query.afterId = newest;
    }
    m_reading = true;
    m_readAgain = false;
    m_resetAgain = false;
    const quint64 generation = ++m_generation;
    m_reader(query, this, [this, reset, generation](QList<ActivityRecord> records) {
        m_reading = false;
        if (generation == m_generation) {
            if (reset) {
                beginResetModel();
                m_rows = std::move(records);
                m_loaded = true;
                endResetModel();
                Q_EMIT loaded();
            } else if (!records.isEmpty()) {
                const int n = static_cast<int>(records.size());
                beginInsertRows(QModelIndex(), 0, n - 1);
                records.append(m_rows);
                m_rows = std::move(records);
                endInsertRows();
                Q_EMIT rowsAdded(n);
            }
        }
        if (m_resetAgain)
            read(true);
        else if (m_readAgain)
            read(!m_loaded);
    });
}

QString ActivityModel::sourceTitle(const QString &source)
{
    if (source == Store::ActivitySource::Console || source.isEmpty())
        return tr("Console");
    if (source == Store::ActivitySource::Import)
        return tr("Import");
    if (source == Store::ActivitySource::Ctl)
        return QStringLiteral("flotillactl"); // the command's name
    if (source == Store::ActivitySource::Sync)
        return tr("Sync");
    if (source == Store::ActivitySource::Rollout)
        return tr("Rollout");
    return source;
}

QList<QPair<QString, QString>> ActivityModel::sourceChoices()
{
    namespace Source = Store::ActivitySource;
    return {{Source::Console, tr("Console")}, {Source::Import, tr("Import")},
        {Source::Ctl, QStringLiteral("flotillactl")}, {Source::Rollout, tr("Rollouts")},
        {Source::Sync, tr("Sync")}};
}

QString ActivityModel::actionTitle(const QString &action)
{
    if (action.startsWith(QLatin1String("undo ")))
        return tr("Undo: %1").arg(actionTitle(action.mid(5)));
    if (action == QLatin1String("move"))
        return tr("Move");
    if (action == QLatin1String("update") || action == QLatin1String("update device"))
        return tr("Device names or notes");
    if (action == QLatin1String("create group"))
        return tr("New customer or group");
    if (action == QLatin1String("update group"))
        return tr("Customer or group changed");
    if (action == QLatin1String("delete group"))
        return tr("Customer or group deleted");
    if (action == QLatin1String("move group"))
        return tr("Customer or group moved");
    if (action == QLatin1String("restore groups"))
        return tr("Groups restored");
    if (action == QLatin1String("batch"))
        return tr("Batch of changes");
    if (action == QLatin1String("import"))
        return tr("Import into the product");
    if (action == QLatin1String("push"))
        return tr("Sent");
    return action; // the rollout engine writes its actions for people already
}

QString ActivityModel::resultTitle(const QString &result)
{
    if (result == QLatin1String("queued") || result == QLatin1String("pending"))
        return tr("Queued");
    if (result == QLatin1String("done"))
        return tr("Done");
    if (result == QLatin1String("failed"))
        return tr("Failed");
    return result;
}

QString ActivityModel::whatText(const ActivityRecord &record)
{
    const QString action = actionTitle(record.action);
    if (record.subject.isEmpty())
        return action;
    if (action.isEmpty())
        return record.subject;
    return tr("%1: %2").arg(action, record.subject);
}

QString ActivityModel::fromToText(const ActivityRecord &record)
{
    if (record.fromText.isEmpty())
        return record.toText.isEmpty() ? QString() : tr("→ %1").arg(record.toText);
    if (record.toText.isEmpty())
        return record.fromText;
    return tr("%1 → %2").arg(record.fromText, record.toText);
}

bool ActivityModel::isFailed(const ActivityRecord &record)
{
    return record.result == QLatin1String("failed");
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ActivityRecord &r = m_rows.at(index.row());
    switch (role) {
    case ActivityIdRole:
        return r.id;
    case ActivityTimeRole:
        return r.atMs;
    case ActivitySourceRole:
        return r.source.isEmpty() ? QString(Store::ActivitySource::Console) : r.source;
    case ActivityFailedRole:
        return isFailed(r);
    case ActivityFromRole:
        return r.fromText;
    case ActivityToRole:
        return r.toText;
    case ActivityDetailRole:
        return r.detail;
    case Qt::ToolTipRole:
        if (index.column() == What || index.column() == Result)
            return r.detail.isEmpty() ? QVariant() : QVariant(r.detail);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Devices || index.column() == Requests)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ActivitySortRole:
        switch (index.column()) {
        case When:
            return r.atMs;
        case Devices:
            return r.devices;
        case Requests:
            return r.requests;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case When:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(r.atMs).toLocalTime(),
                QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Who:
            return r.actor;
        case Source:
            return sourceTitle(r.source);
        case What:
            return whatText(r);
        case Devices:
            return number(r.devices);
        case FromTo:
            return fromToText(r);
        case Result:
            return resultTitle(r.result);
        case Requests:
            return number(r.requests);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When:
        return tr("When");
    case Who:
        return tr("Who");
    case Source:
        return tr("Source");
    case What:
        return tr("What");
    case Devices:
        return tr("Devices");
    case FromTo:
        return tr("From → To");
    case Result:
        return tr("Result");
    case Requests:
        return tr("Requests");
    default:
        return {};
    }
}

// --- ActivityFilterModel ----------------------------------------------------------------------

ActivityFilterModel::ActivityFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ActivitySortRole);
}

ActivityFilterModel::~ActivityFilterModel() = default;

void ActivityFilterModel::setSource(const QString &source)
{
    if (source == m_source)
        return;
    m_source = source;
    invalidateFilter();
}

void ActivityFilterModel::setFailedOnly(bool failedOnly)
{
    if (failedOnly == m_failedOnly)
        return;
    m_failedOnly = failedOnly;
    invalidateFilter();
}

void ActivityFilterModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool ActivityFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    if (!m_source.isEmpty() && model->data(first, ActivitySourceRole).toString() != m_source)
        return false;
    if (m_failedOnly && !model->data(first, ActivityFailedRole).toBool())
        return false;
    if (m_text.isEmpty())
        return true;
    if (model->data(first, ActivityDetailRole).toString().contains(m_text, Qt::CaseInsensitive))
        return true;
    for (int c = 0; c < model->columnCount(sourceParent); ++c) {
        if (model->data(model->index(sourceRow, c, sourceParent))
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// --- export -----------------------------------------------------------------------------------

ExportTable activityTable(const QAbstractItemModel *model)
{
    using Io::CellType;
    Io::ExportTable table;
    table.columns = {
        {ActivityModel::tr("When"), CellType::Date},
        {ActivityModel::tr("Who"), CellType::Text},
        {ActivityModel::tr("Source"), CellType::Text},
        {ActivityModel::tr("What"), CellType::Text},
        {ActivityModel::tr("Devices"), CellType::Number},
        {ActivityModel::tr("From"), CellType::Text},
        {ActivityModel::tr("To"), CellType::Text},
        {ActivityModel::tr("Result"), CellType::Text},
        {ActivityModel::tr("Requests"), CellType::Number},
        {ActivityModel::tr("Detail"), CellType::Text},
    };
    table.rowCount = model->rowCount();
    table.sheetName = ActivityModel::tr("Activity");
    const QPointer<const QAbstractItemModel> guard(model);
    table.row = [guard](int row, QVariantList &cells) {
        if (!guard)
            return;
        const auto cell = [&](int column, int role = Qt::DisplayRole) {
            return guard->data(guard->index(row, column), role);
        };
        const qint64 at = cell(ActivityModel::When, ActivityTimeRole).toLongLong();
        cells.append(QDateTime::fromMSecsSinceEpoch(at, Qt::UTC));
        cells.append(cell(ActivityModel::Who));
        cells.append(cell(ActivityModel::Source));
        cells.append(cell(ActivityModel::What));
        const qint64 devices = cell(ActivityModel::Devices, ActivitySortRole).toLongLong();
        cells.append(devices > 0 ? QVariant(devices) : QVariant());
        cells.append(cell(ActivityModel::When, ActivityFromRole));
        cells.append(cell(ActivityModel::When, ActivityToRole));
        cells.append(cell(ActivityModel::Result));
        const qint64 requests = cell(ActivityModel::Requests, ActivitySortRole).toLongLong();
        cells.append(requests > 0 ? QVariant(requests) : QVariant());
        cells.append(cell(ActivityModel::When, ActivityDetailRole));
    };
    return table;
}

} // namespace Flotilla::Tree
