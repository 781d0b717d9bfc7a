// SPDX-License-Identifier: MIT
#include "views/rolloutmonitor.h"

#include "rollout/rolloutengine.h"
#include "tree/roles.h"
#include "tree/rolloutmodels.h"
#include "views/headerwidths.h"
#include "views/logging.h"
#include "views/progresschart.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTime>
#include <QTreeView>
#include <QVBoxLayout>

namespace Flotilla::Views {

namespace {

using State = Domain::RolloutDeviceState;

// A progress bar from the ProgressRole of the cell (0..100).
class ProgressDelegate final : public QStyledItemDelegate
{
public:
    explicit ProgressDelegate(QObject *parent)
        : QStyledItemDelegate(parent)
    { }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override
    {
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 3, -2, -3);
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = index.data(Tree::ProgressRole).toInt();
        bar.text = index.data().toString();
        bar.textVisible = true;
        bar.state = option.state | QStyle::State_Horizontal;
        bar.palette = option.palette;
        bar.fontMetrics = option.fontMetrics;
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        if (option.state & QStyle::State_Selected)
            painter->fillRect(option.rect, option.palette.highlight());
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    }
};

struct FilterChoice
{
    QString text;
    QList<State> states;
};

QList<FilterChoice> filterChoices()
{
    return {
        {RolloutMonitor::tr("All devices"), {}},
        {RolloutMonitor::tr("Failed or timed out"), {State::Failed, State::TimedOut}},
        {RolloutMonitor::tr("Waiting"), {State::Waiting}},
        {RolloutMonitor::tr("Updating"), {State::Updating, State::Sending}},
        {RolloutMonitor::tr("Pending"), {State::Pending}},
        {RolloutMonitor::tr("Succeeded"), {State::Succeeded}},
        {RolloutMonitor::tr("Skipped"), {State::Skipped}},
        {RolloutMonitor::tr("Cancelled"), {State::Cancelled}},
        {RolloutMonitor::tr("Rolled back"), {State::RollingBack, State::RolledBack}},
    };
}

bool isActive(Domain::RolloutState state)
{
    return state == Domain::RolloutState::Running || state == Domain::RolloutState::Paused
        || state == Domain::RolloutState::RollingBack;
}

QTableView *makeTable(const QString &name)
{
    auto *view = new QTableView;
    view->setObjectName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

} // namespace

RolloutMonitor::RolloutMonitor(Rollout::RolloutEngine *engine, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_engine(engine)
{
    setObjectName(QStringLiteral("rolloutMonitor"));
    setWindowTitle(tr("Rollouts"));

    m_list = new Tree::RolloutListModel(engine, this);
    m_waves = new Tree::RolloutWavesModel(engine, this);
    m_devices = new Tree::RolloutDevicesModel(engine, this);
    m_filter = new Tree::RolloutDeviceFilterModel(this);
    m_filter->setSourceModel(m_devices);

    m_listView = new QTreeView;
    m_listView->setObjectName(QStringLiteral("rolloutList"));
    m_listView->setModel(m_list);
    m_listView->setRootIsDecorated(false);
    m_listView->setUniformRowHeights(true);
    m_listView->setAlternatingRowColors(true);
    // Titles name whole paths ("v6 to Acme Logistics › Berlin depot"): cut in the middle, so
    // that both the customer and the node stay readable (the whole title is above the waves).
    m_listView->setTextElideMode(Qt::ElideMiddle);
    resizeSectionAtLeast(m_listView->header(), Tree::RolloutListModel::TitleColumn, 140);
    resizeSectionAtLeast(m_listView->header(), Tree::RolloutListModel::StateColumn, 62);
    resizeSectionAtLeast(m_listView->header(), Tree::RolloutListModel::ProgressColumn, 110);

    m_titleLabel = new QLabel;
    m_titleLabel->setObjectName(QStringLiteral("rolloutTitle"));
    m_titleLabel->setTextFormat(Qt::PlainText);
    QFont big = m_titleLabel->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_titleLabel->setFont(big);
    m_titleLabel->setWordWrap(true); // a long title never widens the window
    m_stateLabel = new QLabel;
    m_stateLabel->setObjectName(QStringLiteral("rolloutState"));
    m_stateLabel->setTextFormat(Qt::PlainText);
    m_stateLabel->setWordWrap(true);

    const auto button = [](const QString &name, const QString &text, const QString &tip) {
        auto *b = new QPushButton(text);
        b->setObjectName(name);
        b->setToolTip(tip);
        return b;
    };
    m_pause = button(QStringLiteral("pauseRollout"), tr("Pause"),
        tr("No new wave starts and no new request is sent; devices already targeted go on"));
    m_resume = button(QStringLiteral("resumeRollout"), tr("Resume"),
        tr("Go on; after a pause for failures, that wave's failures are accepted"));
    m_nextWave = button(QStringLiteral("nextWave"), tr("Start next wave"),
        tr("Start the next wave now, without waiting for the success threshold"));
    m_abort = button(QStringLiteral("abortRollout"), tr("Abort…"),
        tr("Cancel the devices not yet started; devices updating finish"));
    m_rollback = button(QStringLiteral("rollbackRollout"), tr("Roll back…"),
        tr("Return every device that succeeded to the version it ran before"));
    m_remove
        = button(QStringLiteral("removeRollout"), tr("Remove"), tr("Forget this finished rollout"));
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_pause, m_resume, m_nextWave, m_abort, m_rollback, m_remove})
        buttons->addWidget(b);
    buttons->addStretch(1);

    m_wavesView = makeTable(QStringLiteral("wavesView"));
    m_wavesView->setModel(m_waves);
    m_wavesView->setItemDelegateForColumn(
        Tree::RolloutWavesModel::ProgressColumn, new ProgressDelegate(m_wavesView));
    resizeSectionAtLeast(m_wavesView->horizontalHeader(), Tree::RolloutWavesModel::NameColumn, 160);
    resizeSectionAtLeast(
        m_wavesView->horizontalHeader(), Tree::RolloutWavesModel::ProgressColumn, 140);
    for (int c = Tree::RolloutWavesModel::DevicesColumn; c < Tree::RolloutWavesModel::ColumnCount;
         ++c) {
        if (c != Tree::RolloutWavesModel::ProgressColumn)
            resizeSectionAtLeast(m_wavesView->horizontalHeader(), c, 72);
    }

    m_chart = new ProgressChart;

    m_stateFilter = new QComboBox;
    m_stateFilter->setObjectName(QStringLiteral("deviceStateFilter"));
    for (const FilterChoice &choice : filterChoices())
        m_stateFilter->addItem(choice.text);
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("rolloutDeviceSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search devices: name, ID, node, reason"));
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("Show:")));
    filterRow->addWidget(m_stateFilter);
    filterRow->addWidget(m_search, 1);

    m_devicesView = makeTable(QStringLiteral("rolloutDevicesView"));
    m_devicesView->setTextElideMode(Qt::ElideMiddle); // "Müller Straßenbau … › Prüfstand"
    m_devicesView->setModel(m_filter);
    m_devicesView->setSortingEnabled(true);
    m_devicesView->sortByColumn(-1, Qt::AscendingOrder);
    {
        using D = Tree::RolloutDevicesModel;
        QHeaderView *h = m_devicesView->horizontalHeader();
        resizeSectionAtLeast(h, D::NameColumn, 150);
        resizeSectionAtLeast(h, D::IdColumn, 205);
        resizeSectionAtLeast(h, D::NodeColumn, 230); // "Acme Logistics › Berlin depot"
        resizeSectionAtLeast(h, D::WaveColumn, 110);
        resizeSectionAtLeast(h, D::StateColumn, 110); // "Übersprungen"
        resizeSectionAtLeast(h, D::StageColumn, 90);
        resizeSectionAtLeast(h, D::AttemptsColumn, 100);
        resizeSectionAtLeast(h, D::PreviousVersionColumn, 64);
        resizeSectionAtLeast(h, D::ReasonColumn, 280);
        h->setSectionHidden(D::IdColumn, true);
    }

    m_problemLabel = new QLabel;
    m_problemLabel->setObjectName(QStringLiteral("rolloutProblem"));
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #b02020;"));
    m_problemLabel->hide();

    auto *detail = new QWidget;
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_titleLabel);
    detailLayout->addWidget(m_stateLabel);
    detailLayout->addLayout(buttons);
    auto *middle = new QSplitter(Qt::Horizontal);
    middle->addWidget(m_wavesView);
    middle->addWidget(m_chart);
    middle->setStretchFactor(0, 3);
    middle->setStretchFactor(1, 2);
    middle->setSizes({700, 380}); // the waves' counts per state fit without scrolling
    auto *devices = new QWidget;
    auto *devicesLayout = new QVBoxLayout(devices);
    devicesLayout->setContentsMargins(0, 0, 0, 0);
    devicesLayout->addLayout(filterRow);
    devicesLayout->addWidget(m_devicesView, 1);
    auto *vertical = new QSplitter(Qt::Vertical);
    vertical->addWidget(middle);
    vertical->addWidget(devices);
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 2);
    detailLayout->addWidget(vertical, 1);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_listView);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    splitter->setSizes({320, 1040});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_problemLabel);
    resize(1360, 820);

    connect(m_listView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &RolloutMonitor::onCurrentChanged);
    connect(m_list, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_current == 0 && m_list->rowCount() > 0)
            showRollout(m_list->rolloutAt(m_list->rowCount() - 1));
    });
    connect(m_list, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_current != 0 && !m_list->indexForRollout(m_current).isValid()) {
            m_current = 0;
            if (m_list->rowCount() > 0)
                showRollout(m_list->rolloutAt(m_list->rowCount() - 1));
            else
                onCurrentChanged();
        }
    });
    connect(
        engine, &Rollout::RolloutEngine::rolloutChanged, this, &RolloutMonitor::onRolloutChanged);
    connect(engine, &Rollout::RolloutEngine::devicesChanged, this,
        [this](qint64 id, const QStringList &) { onRolloutChanged(id); });
    connect(engine, &Rollout::RolloutEngine::problem, this, &RolloutMonitor::onProblem);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &RolloutMonitor::updateFilter);
    connect(m_search, &QLineEdit::textChanged, this, &RolloutMonitor::updateFilter);
    connect(m_pause, &QPushButton::clicked, this, &RolloutMonitor::pause);
    connect(m_resume, &QPushButton::clicked, this, &RolloutMonitor::resume);
    connect(m_nextWave, &QPushButton::clicked, this, &RolloutMonitor::startNextWave);
    connect(m_abort, &QPushButton::clicked, this, &RolloutMonitor::abort);
    connect(m_rollback, &QPushButton::clicked, this, &RolloutMonitor::rollback);
    connect(m_remove, &QPushButton::clicked, this, &RolloutMonitor::remove);

    if (m_list->rowCount() > 0)
        showRollout(m_list->rolloutAt(m_list->rowCount() - 1));
    else
        onCurrentChanged();
}

RolloutMonitor::~RolloutMonitor() = default;

void RolloutMonitor::showRollout(qint64 id)
{
    const QModelIndex index = m_list->indexForRollout(id);
    if (!index.isValid())
        return;
    m_listView->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_listView->scrollTo(index);
}

void RolloutMonitor::onCurrentChanged()
{
    const QModelIndex current = m_listView->selectionModel()->currentIndex();
    m_current = current.isValid() ? m_list->rolloutAt(current.row()) : 0;
    m_waves->setRollout(m_current);
    m_devices->setRollout(m_current);
    showProblem(m_current);
    updateHeader();
}

void RolloutMonitor::onRolloutChanged(qint64 id)
{
    if (id == m_current)
        updateHeader();
}

void RolloutMonitor::onProblem(qint64 id, const QString &message)
{
    qCInfo(lcViews) << "rollout" << id << "problem shown:" << message;
    // Kept per rollout, so that a problem met while the window was closed or another rollout
    // was selected is still there when the operator looks.
    m_problems.insert(id,
        tr("Last problem (%1): %2")
            .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat), message));
    if (id == m_current || m_current == 0)
        showProblem(id);
}

void RolloutMonitor::showProblem(qint64 id)
{
    const QString problem = m_problems.value(id);
    m_problemLabel->setText(problem);
    m_problemLabel->setVisible(!problem.isEmpty());
}

void RolloutMonitor::updateHeader()
{
    const Domain::Rollout *r = m_current != 0 ? m_engine->rollout(m_current) : nullptr;
    for (QPushButton *b : {m_pause, m_resume, m_nextWave, m_abort, m_rollback, m_remove})
        b->setEnabled(false);
    if (!r) {
        m_titleLabel->setText(m_list->rowCount() == 0 ? tr("No rollouts yet") : QString());
        m_stateLabel->setText(m_list->rowCount() == 0
                ? tr("Select devices, groups or customers in the tree and choose Flash… to "
                     "start one.")
                : QString());
        m_chart->setSamples({}, 0);
        return;
    }
    const QLocale locale;
    const Tree::RolloutTotals totals
        = Tree::rolloutTotals(Tree::RolloutSource::of(m_engine), r->id);
    m_titleLabel->setText(Tree::rolloutTitle(*r));
    QStringList parts;
    parts.append(r->stateReason.isEmpty()
            ? Domain::displayName(r->state)
            : tr("%1: %2").arg(Domain::displayName(r->state), r->stateReason));
    parts.append(tr("%1 of %2 devices succeeded, %3 failed, %4 in progress, %5 not started")
                     .arg(locale.toString(totals.succeeded), locale.toString(totals.targeted),
                         locale.toString(totals.failures),
                         locale.toString(totals.active - totals.notStarted),
                         locale.toString(totals.notStarted)));
    parts.append(tr("%Ln requests", nullptr, r->requests));
    m_stateLabel->setText(parts.join(QStringLiteral(" · ")));
    m_chart->setSamples(r->samples, totals.targeted);

    using S = Domain::RolloutState;
    const bool running = r->state == S::Running;
    const bool paused = r->state == S::Paused;
    bool wavesLeft = false;
    for (const Domain::WaveProgress &w : r->waves)
        wavesLeft = wavesLeft || w.state == Domain::WaveState::Pending;
    m_pause->setEnabled(running);
    m_resume->setEnabled(paused);
    m_nextWave->setEnabled((running || paused) && wavesLeft);
    m_abort->setEnabled(running || paused);
    m_rollback->setEnabled(r->state != S::RollingBack && r->state != S::RolledBack);
    m_remove->setEnabled(!isActive(r->state));
}

void RolloutMonitor::updateFilter()
{
    m_filter->setStates(filterChoices().value(m_stateFilter->currentIndex()).states);
    m_filter->setText(m_search->text());
}

void RolloutMonitor::report(const QString &error)
{
    if (error.isEmpty())
        return;
    m_problemLabel->setText(error);
    m_problemLabel->show();
}

void RolloutMonitor::pause()
{
    report(m_engine->pause(m_current));
}

void RolloutMonitor::resume()
{
    report(m_engine->resume(m_current));
}

void RolloutMonitor::startNextWave()
{
    report(m_engine->startNextWave(m_current));
}

void RolloutMonitor::abort()
{
    const Domain::Rollout *r = m_engine->rollout(m_current);
    if (!r)
        return;
    int notStarted = 0;
    int updating = 0;
    for (const Domain::RolloutDevice &d : r->devices) {
        if (d.state == State::Pending || d.state == State::Waiting)
            ++notStarted;
        else if (d.state == State::Updating || d.state == State::Sending)
            ++updating;
    }
    const QString how = r->spec.method == Domain::RolloutMethod::Staged
        ? tr("taken out of the rollout groups")
        : r->spec.method == Domain::RolloutMethod::Lock ? tr("unlocked")
                                                        : tr("left as they are");
    const QString text
        = tr("Abort %1? %2 devices not yet started are cancelled (%3). %4 devices in the middle "
             "of an update finish it; devices that finished stay as they are.")
              .arg(Tree::rolloutTitle(*r))
              .arg(QLocale().toString(notStarted))
              .arg(how)
              .arg(QLocale().toString(updating));
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Abort rollout"), text, QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("abortConfirmation"));
    QPushButton *yes = box->addButton(tr("Abort rollout"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 id = m_current;
    connect(box, &QMessageBox::buttonClicked, this, [this, yes, id](QAbstractButton *clicked) {
        if (clicked == yes)
            report(m_engine->abort(id));
    });
    box->open();
}

void RolloutMonitor::rollback()
{
    const Domain::Rollout *r = m_engine->rollout(m_current);
    if (!r)
        return;
    int back = 0;
    QMap<int, int> previous;
    for (const Domain::RolloutDevice &d : r->devices) {
        if (d.state == State::Succeeded || d.state == State::Updating) {
            ++back;
            ++previous[d.previousVersion];
        }
    }
    QStringList versions;
    for (auto it = previous.cbegin(); it != previous.cend(); ++it)
        versions.append(tr("v%1 ×%2").arg(it.key()).arg(QLocale().toString(it.value())));
    QString text = tr("Roll back %1? %2 devices that succeeded or are updating return to the "
                      "version they ran before (%3): they are taken out of the rollout groups, "
                      "locked to that version and flashed. They stay locked; unlock them once a "
                      "fixed version is out.")
                       .arg(Tree::rolloutTitle(*r))
                       .arg(QLocale().toString(back))
                       .arg(versions.join(QStringLiteral(", ")));
    if (isActive(r->state))
        text.prepend(tr("The rollout is aborted first. "));
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Roll back rollout"), text, QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("rollbackConfirmation"));
    QPushButton *yes = box->addButton(tr("Roll back"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 id = m_current;
    connect(box, &QMessageBox::buttonClicked, this, [this, yes, id](QAbstractButton *clicked) {
        if (clicked == yes)
            report(m_engine->rollback(id));
    });
    box->open();
}

void RolloutMonitor::remove()
{
    report(m_engine->remove(m_current));
}

} // namespace Flotilla::Views
