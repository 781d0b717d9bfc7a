// SPDX-License-Identifier: MIT
#include "tree/rolloutmodels.h"

#include "domain/hierarchy.h"
#include "domain/nodepath.h"
#include "rollout/rolloutengine.h"
#include "sync/fleetstate.h"
#include "tree/roles.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <optional>

namespace Flotilla::Tree {

namespace {

QString waveStateText(Domain::WaveState state)
{
    switch (state) {
    case Domain::WaveState::Pending:
        return RolloutWavesModel::tr("Not started");
    case Domain::WaveState::Running:
        return RolloutWavesModel::tr("Running");
    case Domain::WaveState::Finished:
        return RolloutWavesModel::tr("Finished");
    }
    return QString();
}

int percentOf(int part, int total)
{
    return total > 0 ? part * 100 / total : 0;
}

// Emits dataChanged for the rows in `rows` (sorted), one signal per run of adjacent rows.
template<typename Model>
void emitRowRuns(Model *model, QList<int> rows, int lastColumn)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    int i = 0;
    while (i < rows.size()) {
        int j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1)
            ++j;
        Q_EMIT model->dataChanged(
            model->index(rows.at(i), 0), model->index(rows.at(j), lastColumn));
        i = j + 1;
    }
}

} // namespace

RolloutSource RolloutSource::of(const Rollout::RolloutEngine *engine)
{
    RolloutSource source;
    source.ids = [engine] { return engine->rolloutIds(); };
    source.rollout = [engine](qint64 id) { return engine->rollout(id); };
    source.waveCounts = [engine](qint64 id, int wave) { return engine->waveCounts(id, wave); };
    return source;
}

RolloutTotals rolloutTotals(const RolloutSource &source, qint64 id)
{
    RolloutTotals totals;
    const Domain::Rollout *rollout = source.rollout ? source.rollout(id) : nullptr;
    if (!rollout)
        return totals;
    const int waves = static_cast<int>(rollout->spec.effectiveWaves().size());
    for (int w = 0; w < waves; ++w) {
        const Domain::WaveCounts c = source.waveCounts(id, w);
        totals.targeted += c.total;
        totals.succeeded += c.succeeded;
        totals.failures += c.failures();
        totals.active += c.active();
        totals.notStarted += c.pending;
    }
    return totals;
}

QString rolloutTitle(const Domain::Rollout &rollout)
{
    return rollout.spec.title.isEmpty() ? RolloutListModel::tr("v%1").arg(rollout.spec.version)
                                        : rollout.spec.title;
}

QString rolloutNodeTitle(const Domain::Rollout &rollout, const QString &path)
{
    const auto it = rollout.spec.nodeTitles.constFind(path);
    if (it != rollout.spec.nodeTitles.cend() && !it->isEmpty())
        return *it;
    return Domain::slugTitlePath(path);
}

QString releasedToText(
    const Domain::Hierarchy &hierarchy, const RolloutSource &rollouts, const QStringList &groups)
{
    QStringList nodes;
    QMap<QString, QList<int>> wavesByToken; // rollout token -> waves (0-based)
    QStringList pools;
    QStringList labels;
    for (const QString &group : groups) {
        QString token;
        int wave = -1;
        if (hierarchy.isNode(group))
            nodes.append(group);
        else if (Domain::parseRolloutGroupName(group, &token, &wave))
            wavesByToken[token].append(wave);
        else if (group == Domain::ReturnsGroupName)
            pools.append(hierarchy.returnsTitle().isEmpty() ? RolloutListModel::tr("Returns")
                                                            : hierarchy.returnsTitle());
        else
            labels.append(group);
    }
    QHash<QString, QString> titleByToken;
    if (!wavesByToken.isEmpty() && rollouts.ids && rollouts.rollout) {
        for (const qint64 id : rollouts.ids()) {
            if (const Domain::Rollout *r = rollouts.rollout(id); r && !r->spec.token.isEmpty())
                titleByToken.insert(r->spec.token, rolloutTitle(*r));
        }
    }
    QStringList parts;
    nodes.sort(); // tree order
    for (const QString &path : std::as_const(nodes))
        parts.append(Domain::shortTitlePath(hierarchy, path));
    for (auto it = wavesByToken.cbegin(); it != wavesByToken.cend(); ++it) {
        QList<int> waves = it.value();
        std::sort(waves.begin(), waves.end());
        waves.erase(std::unique(waves.begin(), waves.end()), waves.end());
        QStringList numbers;
        for (const int w : std::as_const(waves))
            numbers.append(QString::number(w + 1));
        QString waveText;
        if (numbers.size() == 1)
            waveText = RolloutListModel::tr("wave %1").arg(numbers.constFirst());
        else
            waveText = RolloutListModel::tr("waves %1 and %2")
                           .arg(numbers.mid(0, numbers.size() - 1).join(QStringLiteral(", ")),
                               numbers.constLast());
        const auto title = titleByToken.constFind(it.key());
        parts.append(title == titleByToken.cend()
                ? RolloutListModel::tr("another console's rollout, %1").arg(waveText)
                : RolloutListModel::tr("rollout \u201c%1\u201d, %2").arg(*title, waveText));
    }
    parts.append(pools);
    labels.sort();
    parts.append(labels);
    return parts.join(QStringLiteral(", "));
}

QList<Domain::WaveSpec> defaultWaves(const Domain::Hierarchy &hierarchy, const QStringList &nodes,
    const Domain::RolloutDefaults &defaults)
{
    QStringList tests;
    QStringList titles;
    const auto isTest = [](const QString &text) {
        return text.contains(QLatin1String("test"), Qt::CaseInsensitive);
    };
    for (const QString &selected : nodes) {
        for (const QString &path : hierarchy.subtree(selected)) {
            if (path == selected)
                continue;
            const Domain::Node *node = hierarchy.node(path);
            if (!node || !(isTest(Domain::lastSlug(path)) || isTest(node->title)))
                continue;
            // A test group under another test group is in that wave already.
            const bool covered = std::any_of(tests.cbegin(), tests.cend(),
                [&](const QString &t) { return Domain::isAncestorOrSelf(t, path); });
            if (covered)
                continue;
            tests.append(path);
            titles.append(waveName(hierarchy, nodes, path));
        }
    }
    Domain::WaveSpec wave;
    wave.success = defaults.success;
    wave.failure = defaults.failure;
    QList<Domain::WaveSpec> waves;
    if (!tests.isEmpty()) {
        Domain::WaveSpec test = wave;
        test.nodes = tests;
        test.name = titles.join(QStringLiteral(", "));
        waves.append(test);
    }
    Domain::WaveSpec quarter = wave;
    quarter.percent = 25;
    waves.append(quarter);
    waves.append(wave); // the rest
    return waves;
}

QString waveName(
    const Domain::Hierarchy &hierarchy, const QStringList &selectedNodes, const QString &path)
{
    for (const QString &selected : selectedNodes) {
        if (!Domain::isStrictAncestor(selected, path))
            continue;
        QStringList titles;
        const QStringList chain = Domain::pathChain(path);
        for (qsizetype i = Domain::pathDepth(selected); i < chain.size(); ++i) {
            const Domain::Node *node = hierarchy.node(chain.at(i));
            titles.append(node ? node->title : Domain::lastSlug(chain.at(i)));
        }
        return titles.join(QStringLiteral(" \u203a "));
    }
    return Domain::shortTitlePath(hierarchy, path);
}

QString flashSelectionTitle(
    const Sync::FleetState &state, const QStringList &nodes, const QStringList &devices)
{
    const Domain::Hierarchy hierarchy = state.hierarchy();
    QStringList parts;
    if (nodes.size() == 1)
        parts.append(Domain::shortTitlePath(hierarchy, nodes.constFirst()));
    else if (nodes.size() > 1)
        parts.append(
            RolloutListModel::tr("%1 and %Ln more", nullptr, static_cast<int>(nodes.size() - 1))
                .arg(Domain::shortTitlePath(hierarchy, nodes.constFirst(), 40)));
    if (!devices.isEmpty()) {
        // Where the devices sit: the deepest node all of them are at or under.
        std::optional<QString> common;
        for (const QString &id : devices) {
            const auto it = state.devices.constFind(id);
            const Domain::Placement p = it == state.devices.cend()
                ? Domain::Placement {}
                : Domain::placeDevice(it->groups, hierarchy);
            const QString path = p.kind == Domain::PlacementKind::Node ? p.path : QString();
            if (!common) {
                common = path;
                continue;
            }
            while (!common->isEmpty() && !Domain::isAncestorOrSelf(*common, path))
                common = Domain::parentPath(*common);
            if (common->isEmpty())
                break;
        }
        const auto first = state.devices.constFind(devices.constFirst());
        const QString name = first == state.devices.cend() || first->name.isEmpty()
            ? devices.constFirst()
            : first->name;
        const int count = static_cast<int>(devices.size());
        const QString what
            = count == 1 ? name : RolloutListModel::tr("%Ln devices", nullptr, count);
        const bool inSelectedNode = std::any_of(nodes.cbegin(), nodes.cend(),
            [&](const QString &n) { return common && Domain::isAncestorOrSelf(n, *common); });
        parts.append(common && !common->isEmpty() && !inSelectedNode
                ? RolloutListModel::tr("%1 in %2")
                      .arg(what, Domain::shortTitlePath(hierarchy, *common, 40))
                : what);
    }
    return parts.join(RolloutListModel::tr(" and "));
}

// --- RolloutListModel ---------------------------------------------------------------------

RolloutListModel::RolloutListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

RolloutListModel::RolloutListModel(Rollout::RolloutEngine *engine, QObject *parent)
    : QAbstractTableModel(parent)
{
    setSource(RolloutSource::of(engine));
    connectEngine(engine);
}

void RolloutListModel::setSource(const RolloutSource &source)
{
    beginResetModel();
    m_source = source;
    m_ids = m_source.ids ? m_source.ids() : QList<qint64>();
    m_totals.clear();
    for (const qint64 id : std::as_const(m_ids))
        m_totals.insert(id, rolloutTotals(m_source, id));
    endResetModel();
}

void RolloutListModel::connectEngine(Rollout::RolloutEngine *engine)
{
    connect(engine, &Rollout::RolloutEngine::rolloutAdded, this, &RolloutListModel::rolloutAdded);
    connect(
        engine, &Rollout::RolloutEngine::rolloutChanged, this, &RolloutListModel::rolloutChanged);
    connect(engine, &Rollout::RolloutEngine::devicesChanged, this,
        [this](qint64 id, const QStringList &) { rolloutChanged(id); });
    connect(
        engine, &Rollout::RolloutEngine::rolloutRemoved, this, &RolloutListModel::rolloutRemoved);
}

int RolloutListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_ids.size());
}

int RolloutListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QModelIndex RolloutListModel::indexForRollout(qint64 id) const
{
    const qsizetype row = m_ids.indexOf(id);
    return row < 0 ? QModelIndex() : index(static_cast<int>(row), 0);
}

QVariant RolloutListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qint64 id = m_ids.at(index.row());
    const Domain::Rollout *rollout = m_source.rollout(id);
    if (!rollout)
        return {};
    switch (role) {
    case RolloutIdRole:
        return id;
    case RolloutStateRole:
        return static_cast<int>(rollout->state);
    case ProgressRole:
        return m_totals.value(id).percent();
    case Qt::DisplayRole:
    case RolloutSortRole:
        switch (index.column()) {
        case TitleColumn:
            return rolloutTitle(*rollout);
        case StateColumn:
            return Domain::displayName(rollout->state);
        case ProgressColumn: {
            const RolloutTotals t = m_totals.value(id);
            if (role == RolloutSortRole)
                return t.percent();
            const QLocale locale;
            return tr("%1/%2 (%3%)")
                .arg(locale.toString(t.succeeded), locale.toString(t.targeted),
                    locale.toString(t.percent()));
        }
        case RequestsColumn:
            return role == RolloutSortRole ? QVariant(rollout->requests)
                                           : QVariant(QLocale().toString(rollout->requests));
        }
        break;
    case Qt::ToolTipRole:
        // The whole title (the column may cut it), and why the rollout is in its state.
        if (index.column() == TitleColumn && !rollout->stateReason.isEmpty())
            return QStringLiteral("%1\n%2").arg(rolloutTitle(*rollout), rollout->stateReason);
        if (index.column() == TitleColumn)
            return rolloutTitle(*rollout);
        if (!rollout->stateReason.isEmpty())
            return rollout->stateReason;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == RequestsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant RolloutListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Rollout");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Succeeded");
    case RequestsColumn:
        return tr("Requests");
    }
    return {};
}

void RolloutListModel::rolloutAdded(qint64 id)
{
    if (m_ids.contains(id) || !m_source.rollout || !m_source.rollout(id))
        return;
    // Oldest first: ids grow with time, so a new rollout goes after the smaller ids.
    const auto it = std::upper_bound(m_ids.begin(), m_ids.end(), id);
    const int row = static_cast<int>(it - m_ids.begin());
    beginInsertRows({}, row, row);
    m_ids.insert(row, id);
    m_totals.insert(id, rolloutTotals(m_source, id));
    endInsertRows();
}

void RolloutListModel::rolloutChanged(qint64 id)
{
    const qsizetype row = m_ids.indexOf(id);
    if (row < 0) {
        rolloutAdded(id);
        return;
    }
    m_totals.insert(id, rolloutTotals(m_source, id));
    Q_EMIT dataChanged(
        index(static_cast<int>(row), 0), index(static_cast<int>(row), ColumnCount - 1));
}

void RolloutListModel::rolloutRemoved(qint64 id)
{
    const qsizetype row = m_ids.indexOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, static_cast<int>(row), static_cast<int>(row));
    m_ids.removeAt(row);
    m_totals.remove(id);
    endRemoveRows();
}

// --- RolloutWavesModel --------------------------------------------------------------------

RolloutWavesModel::RolloutWavesModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

RolloutWavesModel::RolloutWavesModel(Rollout::RolloutEngine *engine, QObject *parent)
    : QAbstractTableModel(parent)
{
    setSource(RolloutSource::of(engine));
    connectEngine(engine);
}

void RolloutWavesModel::setSource(const RolloutSource &source)
{
    m_source = source;
    reload();
}

void RolloutWavesModel::connectEngine(Rollout::RolloutEngine *engine)
{
    connect(
        engine, &Rollout::RolloutEngine::rolloutChanged, this, &RolloutWavesModel::rolloutChanged);
    connect(
        engine, &Rollout::RolloutEngine::devicesChanged, this, &RolloutWavesModel::devicesChanged);
    connect(
        engine, &Rollout::RolloutEngine::rolloutRemoved, this, &RolloutWavesModel::rolloutRemoved);
}

void RolloutWavesModel::setRollout(qint64 id)
{
    if (id == m_id)
        return;
    m_id = id;
    reload();
}

void RolloutWavesModel::reload()
{
    beginResetModel();
    const Domain::Rollout *rollout
        = m_id != 0 && m_source.rollout ? m_source.rollout(m_id) : nullptr;
    if (rollout) {
        m_waves = rollout->spec.effectiveWaves();
        m_progress = rollout->waves;
    } else {
        m_waves.clear();
        m_progress.clear();
    }
    m_counts = readCounts();
    endResetModel();
}

QList<Domain::WaveCounts> RolloutWavesModel::readCounts() const
{
    QList<Domain::WaveCounts> counts;
    counts.reserve(m_waves.size());
    for (int w = 0; w < m_waves.size(); ++w)
        counts.append(m_source.waveCounts(m_id, w));
    return counts;
}

int RolloutWavesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_waves.size());
}

int RolloutWavesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RolloutWavesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int w = index.row();
    const Domain::WaveSpec &wave = m_waves.at(w);
    const Domain::WaveCounts &c = m_counts.at(w);
    const Domain::WaveProgress progress = m_progress.value(w);
    if (role == WaveIndexRole)
        return w;
    if (role == ProgressRole)
        return percentOf(c.succeeded, c.total);
    if (role == Qt::TextAlignmentRole) {
        if (index.column() >= DevicesColumn && index.column() <= FailureThresholdColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == NameColumn && !wave.nodes.isEmpty()) {
        const Domain::Rollout *rollout = m_source.rollout(m_id);
        QStringList titles;
        for (const QString &path : wave.nodes)
            titles.append(rollout ? rolloutNodeTitle(*rollout, path) : Domain::slugTitlePath(path));
        return titles.join(QLatin1Char('\n'));
    }
    if (role == Qt::CheckStateRole && index.column() == PauseBeforeColumn)
        return wave.pauseBefore ? Qt::Checked : Qt::Unchecked;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return wave.name.isEmpty() ? Domain::waveTitle(wave) : wave.name;
    case StateColumn:
        return waveStateText(progress.state);
    case DevicesColumn:
        return c.total;
    case ProgressColumn:
        return tr("%1%").arg(percentOf(c.succeeded, c.total));
    case PendingColumn:
        return c.pending;
    case WaitingColumn:
        return c.waiting;
    case UpdatingColumn:
        return c.updating + c.rollingBack;
    case SucceededColumn:
        return c.succeeded;
    case FailedColumn:
        return c.failed;
    case TimedOutColumn:
        return c.timedOut;
    case CancelledColumn:
        return c.cancelled;
    case SuccessThresholdColumn:
        return wave.success.toString();
    case FailureThresholdColumn:
        return wave.failure.toString();
    case PauseBeforeColumn:
        return wave.pauseBefore ? tr("Waits") : QString();
    }
    return {};
}

QVariant RolloutWavesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Wave");
    case StateColumn:
        return tr("State");
    case DevicesColumn:
        return tr("Devices");
    case ProgressColumn:
        return tr("Progress");
    case PendingColumn:
        return tr("Pending");
    case WaitingColumn:
        return tr("Waiting");
    case UpdatingColumn:
        return tr("Updating");
    case SucceededColumn:
        return tr("Succeeded");
    case FailedColumn:
        return tr("Failed");
    case TimedOutColumn:
        return tr("Timed out");
    case CancelledColumn:
        return tr("Cancelled");
    case SuccessThresholdColumn:
        return tr("Success at");
    case FailureThresholdColumn:
        return tr("Pause at failures");
    case PauseBeforeColumn:
        return tr("Pause before");
    }
    return {};
}

void RolloutWavesModel::rolloutChanged(qint64 id)
{
    if (id != m_id || m_id == 0)
        return;
    const Domain::Rollout *rollout = m_source.rollout(m_id);
    if (!rollout || rollout->spec.effectiveWaves() != m_waves) {
        reload();
        return;
    }
    QList<int> rows;
    const QList<Domain::WaveCounts> counts = readCounts();
    for (int w = 0; w < m_waves.size(); ++w) {
        if (counts.at(w) != m_counts.at(w) || rollout->waves.value(w) != m_progress.value(w))
            rows.append(w);
    }
    m_counts = counts;
    m_progress = rollout->waves;
    emitRowRuns(this, rows, ColumnCount - 1);
}

void RolloutWavesModel::devicesChanged(qint64 id, const QStringList &)
{
    rolloutChanged(id);
}

void RolloutWavesModel::rolloutRemoved(qint64 id)
{
    if (id == m_id)
        setRollout(0);
}

// --- RolloutDevicesModel ------------------------------------------------------------------

RolloutDevicesModel::RolloutDevicesModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

RolloutDevicesModel::RolloutDevicesModel(Rollout::RolloutEngine *engine, QObject *parent)
    : QAbstractTableModel(parent)
{
    setSource(RolloutSource::of(engine));
    connectEngine(engine);
}

void RolloutDevicesModel::setSource(const RolloutSource &source)
{
    m_source = source;
    reload();
}

void RolloutDevicesModel::connectEngine(Rollout::RolloutEngine *engine)
{
    connect(engine, &Rollout::RolloutEngine::rolloutChanged, this,
        &RolloutDevicesModel::rolloutChanged);
    connect(engine, &Rollout::RolloutEngine::devicesChanged, this,
        &RolloutDevicesModel::devicesChanged);
    connect(engine, &Rollout::RolloutEngine::rolloutRemoved, this,
        &RolloutDevicesModel::rolloutRemoved);
}

void RolloutDevicesModel::setRollout(qint64 id)
{
    if (id == m_id)
        return;
    m_id = id;
    reload();
}

void RolloutDevicesModel::reload()
{
    beginResetModel();
    m_rowById.clear();
    m_waveNames.clear();
    m_rows = 0;
    const Domain::Rollout *rollout
        = m_id != 0 && m_source.rollout ? m_source.rollout(m_id) : nullptr;
    if (rollout) {
        m_rows = static_cast<int>(rollout->devices.size());
        m_rowById.reserve(m_rows);
        for (int row = 0; row < m_rows; ++row)
            m_rowById.insert(rollout->devices.at(row).id, row);
        for (const Domain::WaveSpec &w : rollout->spec.effectiveWaves())
            m_waveNames.append(w.name.isEmpty() ? Domain::waveTitle(w) : w.name);
    }
    endResetModel();
}

const Domain::RolloutDevice *RolloutDevicesModel::deviceAt(int row) const
{
    const Domain::Rollout *rollout = m_source.rollout ? m_source.rollout(m_id) : nullptr;
    if (!rollout || row < 0 || row >= rollout->devices.size())
        return nullptr;
    return &rollout->devices.at(row);
}

QModelIndex RolloutDevicesModel::indexForDevice(const QString &deviceId) const
{
    const auto it = m_rowById.constFind(deviceId);
    return it == m_rowById.cend() ? QModelIndex() : index(*it, 0);
}

int RolloutDevicesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int RolloutDevicesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RolloutDevicesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Domain::RolloutDevice *d = deviceAt(index.row());
    if (!d)
        return {};
    switch (role) {
    case DeviceIdRole:
        return d->id;
    case RolloutDeviceStateRole:
        return static_cast<int>(d->state);
    case WaveIndexRole:
        return d->wave;
    case Qt::ToolTipRole:
        if (index.column() == NodeColumn) {
            const Domain::Rollout *rollout = m_source.rollout(m_id);
            return rollout && !d->node.isEmpty() ? QVariant(rolloutNodeTitle(*rollout, d->node))
                                                 : QVariant();
        }
        return d->reason.isEmpty() ? QVariant() : QVariant(d->reason);
    case Qt::ForegroundRole:
        if (index.column() == StateColumn
            && (d->state == Domain::RolloutDeviceState::Failed
                || d->state == Domain::RolloutDeviceState::TimedOut))
            return QColor(0xb0, 0x20, 0x20);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == AttemptsColumn || index.column() == PreviousVersionColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
    case RolloutSortRole:
        break;
    default:
        return {};
    }
    const bool sort = role == RolloutSortRole;
    switch (index.column()) {
    case NameColumn:
        return sort ? QVariant(d->name.toCaseFolded()) : QVariant(d->name);
    case IdColumn:
        return d->id;
    case NodeColumn: {
        const Domain::Rollout *rollout = m_source.rollout(m_id);
        const QString title = rollout ? rolloutNodeTitle(*rollout, d->node) : QString();
        return sort ? QVariant(title.toCaseFolded()) : QVariant(title);
    }
    case WaveColumn:
        if (sort)
            return d->wave;
        return d->wave < 0 ? QString() : m_waveNames.value(d->wave);
    case StateColumn:
        return sort ? QVariant(static_cast<int>(d->state))
                    : QVariant(Domain::displayName(d->state));
    case StageColumn:
        return d->stage;
    case AttemptsColumn:
        return d->attempts;
    case PreviousVersionColumn:
        if (sort)
            return d->previousVersion;
        return d->previousVersion > 0 ? tr("v%1").arg(d->previousVersion) : tr("none");
    case ReasonColumn:
        return d->reason;
    case UpdatedColumn:
        if (sort)
            return d->updatedMs;
        return d->updatedMs > 0
            ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(d->updatedMs), QLocale::ShortFormat)
            : QString();
    }
    return {};
}

QVariant RolloutDevicesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Device");
    case IdColumn:
        return tr("ID");
    case NodeColumn:
        return tr("Node");
    case WaveColumn:
        return tr("Wave");
    case StateColumn:
        return tr("State");
    case StageColumn:
        return tr("Stage");
    case AttemptsColumn:
        return tr("Failed attempts");
    case PreviousVersionColumn:
        return tr("Previous");
    case ReasonColumn:
        return tr("Reason");
    case UpdatedColumn:
        return tr("Last change");
    }
    return {};
}

void RolloutDevicesModel::rolloutChanged(qint64 id)
{
    if (id != m_id || m_id == 0)
        return;
    // The device list is planned once; a different length means another plan (a reload).
    const Domain::Rollout *rollout = m_source.rollout(m_id);
    if (!rollout || rollout->devices.size() != m_rows)
        reload();
}

void RolloutDevicesModel::devicesChanged(qint64 id, const QStringList &deviceIds)
{
    if (id != m_id || m_id == 0)
        return;
    const Domain::Rollout *rollout = m_source.rollout(m_id);
    if (!rollout || rollout->devices.size() != m_rows) {
        reload();
        return;
    }
    QList<int> rows;
    rows.reserve(deviceIds.size());
    for (const QString &deviceId : deviceIds) {
        const auto it = m_rowById.constFind(deviceId);
        if (it == m_rowById.cend())
            continue;
        if (rollout->devices.at(*it).id != deviceId) {
            reload(); // reordered: read again
            return;
        }
        rows.append(*it);
    }
    emitRowRuns(this, rows, ColumnCount - 1);
}

void RolloutDevicesModel::rolloutRemoved(qint64 id)
{
    if (id == m_id)
        setRollout(0);
}

// --- RolloutDeviceFilterModel -------------------------------------------------------------

RolloutDeviceFilterModel::RolloutDeviceFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RolloutSortRole);
    setDynamicSortFilter(true);
}

void RolloutDeviceFilterModel::setStates(const QList<Domain::RolloutDeviceState> &states)
{
    QSet<int> set;
    for (const Domain::RolloutDeviceState s : states)
        set.insert(static_cast<int>(s));
    if (set == m_states)
        return;
    m_states = set;
    invalidateFilter();
}

void RolloutDeviceFilterModel::setText(const QString &text)
{
    const QString folded = text.trimmed().toCaseFolded();
    if (folded == m_text)
        return;
    m_text = folded;
    invalidateFilter();
}

bool RolloutDeviceFilterModel::filterAcceptsRow(
    int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    if (!m_states.isEmpty() && !m_states.contains(first.data(RolloutDeviceStateRole).toInt()))
        return false;
    if (m_text.isEmpty())
        return true;
    for (const int column : {RolloutDevicesModel::NameColumn, RolloutDevicesModel::IdColumn,
             RolloutDevicesModel::NodeColumn, RolloutDevicesModel::StageColumn,
             RolloutDevicesModel::ReasonColumn}) {
        if (model->index(sourceRow, column, sourceParent)
                .data()
                .toString()
                .toCaseFolded()
                .contains(m_text))
            return true;
    }
    return false;
}

} // namespace Flotilla::Tree
