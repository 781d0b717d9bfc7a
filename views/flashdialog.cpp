// SPDX-License-Identifier: MIT
#include "views/flashdialog.h"

#include "domain/hierarchy.h"
#include "domain/nodepath.h"
#include "rollout/rolloutengine.h"
#include "sync/syncengine.h"
#include "tree/rolloutmodels.h"
#include "views/headerwidths.h"
#include "views/logging.h"
#include "views/nodepickerdialog.h"
#include "views/uploaddialog.h"
#include "views/wavestable.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Flotilla::Views {

namespace {

const QString ErrorStyle = QStringLiteral("color: #b02020;");

QString versionsText(const QMap<int, int> &byVersion)
{
    QStringList parts;
    const QLocale locale;
    for (auto it = byVersion.cbegin(); it != byVersion.cend(); ++it)
        parts.append(it.key() == 0
                ? FlashDialog::tr("none ×%1").arg(locale.toString(it.value()))
                : FlashDialog::tr("v%1 ×%2").arg(it.key()).arg(locale.toString(it.value())));
    return parts.join(QStringLiteral(", "));
}

} // namespace

FlashDialog::FlashDialog(Rollout::RolloutEngine *rollouts, Sync::SyncEngine *sync,
    const Selection &selection, const Domain::RolloutDefaults &defaults, QWidget *parent)
    : QDialog(parent)
    , m_rollouts(rollouts)
    , m_sync(sync)
    , m_selection(selection)
    , m_defaults(defaults)
    , m_seed(QRandomGenerator::global()->generate64())
{
    setObjectName(QStringLiteral("flashDialog"));

    // (a) the version
    m_versions = new QTreeWidget;
    m_versions->setObjectName(QStringLiteral("versionList"));
    m_versions->setRootIsDecorated(false);
    m_versions->setUniformRowHeights(true);
    m_versions->setHeaderLabels(
        {tr("Version"), tr("Title"), tr("Uploaded"), tr("Released to"), tr("Running on")});
    resizeSectionAtLeast(m_versions->header(), 0, 60);
    resizeSectionAtLeast(m_versions->header(), 1, 120);
    resizeSectionAtLeast(m_versions->header(), 2, 90);
    resizeSectionAtLeast(
        m_versions->header(), 3, 210); // title paths and rollouts (all in the tooltip)
    m_versions->setMinimumHeight(120);
    m_upload = new QPushButton(tr("Upload new…"));
    m_upload->setObjectName(QStringLiteral("uploadButton"));
    auto *versionBox = new QGroupBox(tr("Firmware version"));
    auto *versionLayout = new QVBoxLayout(versionBox);
    versionLayout->addWidget(m_versions);
    auto *uploadRow = new QHBoxLayout;
    uploadRow->addStretch(1);
    uploadRow->addWidget(m_upload);
    versionLayout->addLayout(uploadRow);

    // (b) the strategy
    m_lock = new QRadioButton(tr("&Lock and flash now"));
    m_lock->setObjectName(QStringLiteral("strategyLock"));
    m_lock->setToolTip(tr("Each device is locked to the version and flashed now (online) or at "
                          "its next handshake; replaces existing locks, can downgrade"));
    m_release = new QRadioButton(tr("&Release to the selected groups"));
    m_release->setObjectName(QStringLiteral("strategyRelease"));
    m_release->setToolTip(tr("The version is released to the selected customers' and groups' "
                             "Particle groups; devices that join them later get it too"));
    m_intelligent = new QCheckBox(tr("Intelligent: push to online devices now"));
    m_intelligent->setObjectName(QStringLiteral("intelligentRelease"));
    m_intelligent->setChecked(true);
    m_releaseReason = new QLabel;
    m_releaseReason->setObjectName(QStringLiteral("releaseReason"));
    m_releaseReason->setTextFormat(Qt::PlainText);
    m_releaseReason->setWordWrap(true);
    m_releaseReason->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_releaseReason->hide();
    m_staged = new QRadioButton(tr("&Staged rollout"));
    m_staged->setObjectName(QStringLiteral("strategyStaged"));
    m_staged->setToolTip(tr("Waves of devices, each released to through a rollout group; the "
                            "next wave starts once enough of the previous one succeeded"));
    auto *methods = new QButtonGroup(this);
    methods->addButton(m_lock);
    methods->addButton(m_release);
    methods->addButton(m_staged);
    auto *strategyBox = new QGroupBox(tr("Strategy"));
    auto *strategyLayout = new QVBoxLayout(strategyBox);
    strategyLayout->addWidget(m_lock);
    strategyLayout->addWidget(m_release);
    auto *intelligentRow = new QHBoxLayout;
    intelligentRow->addSpacing(24);
    intelligentRow->addWidget(m_intelligent, 1);
    strategyLayout->addLayout(intelligentRow);
    auto *reasonRow = new QHBoxLayout;
    reasonRow->addSpacing(24);
    reasonRow->addWidget(m_releaseReason, 1);
    strategyLayout->addLayout(reasonRow);
    strategyLayout->addWidget(m_staged);
    strategyLayout->addStretch(1);
    // Every strategy waits this long for a device before it counts as timed out.
    m_timeoutHours = new QSpinBox;
    m_timeoutHours->setObjectName(QStringLiteral("deviceTimeout"));
    m_timeoutHours->setRange(1, 24 * 30);
    m_timeoutHours->setValue(defaultTimeoutHours());
    m_timeoutHours->setSuffix(tr(" h"));
    m_timeoutHours->setToolTip(
        tr("A device that has not updated this long after it was "
           "targeted counts as timed out (offline devices wait until then)"));
    auto *timeoutLabel = new QLabel(tr("Device &timeout:"));
    timeoutLabel->setBuddy(m_timeoutHours);
    auto *timeoutRow = new QHBoxLayout;
    timeoutRow->addWidget(timeoutLabel);
    timeoutRow->addWidget(m_timeoutHours);
    timeoutRow->addStretch(1);
    strategyLayout->addLayout(timeoutRow);

    // (c) the waves
    m_stagedBox = new QGroupBox(tr("Waves"));
    m_stagedBox->setObjectName(QStringLiteral("wavesBox"));
    m_waves = new WavesTable;
    m_addWave = new QPushButton(tr("Add"));
    m_addWave->setObjectName(QStringLiteral("addWave"));
    m_addWave->setToolTip(tr("Add a percentage wave after the selected one"));
    m_addGroupWave = new QPushButton(tr("Add groups…"));
    m_addGroupWave->setObjectName(QStringLiteral("addGroupWave"));
    m_addGroupWave->setToolTip(
        tr("Add a wave of the selection's devices at or under a group (a test group)"));
    m_removeWave = new QPushButton(tr("Remove"));
    m_removeWave->setObjectName(QStringLiteral("removeWave"));
    m_waveUp = new QPushButton(tr("Up"));
    m_waveUp->setObjectName(QStringLiteral("waveUp"));
    m_waveDown = new QPushButton(tr("Down"));
    m_waveDown->setObjectName(QStringLiteral("waveDown"));
    auto *waveButtons = new QVBoxLayout;
    for (QPushButton *b : {m_addWave, m_addGroupWave, m_removeWave, m_waveUp, m_waveDown})
        waveButtons->addWidget(b);
    waveButtons->addStretch(1);
    m_order = new QComboBox;
    m_order->setObjectName(QStringLiteral("waveOrder"));
    m_order->addItem(tr("Random"), static_cast<int>(Domain::RolloutSpec::Order::Random));
    m_order->addItem(tr("By name"), static_cast<int>(Domain::RolloutSpec::Order::ByName));
    m_releaseWhenDone = new QCheckBox(tr("Release to the selected groups when done"));
    m_releaseWhenDone->setObjectName(QStringLiteral("releaseWhenDone"));
    m_releaseWhenDone->setChecked(true);
    auto *wavesRow = new QHBoxLayout;
    wavesRow->addWidget(m_waves, 1);
    wavesRow->addLayout(waveButtons);
    auto *optionsRow = new QHBoxLayout;
    optionsRow->addWidget(new QLabel(tr("Percentage waves pick devices:")));
    optionsRow->addWidget(m_order);
    optionsRow->addSpacing(12);
    optionsRow->addWidget(m_releaseWhenDone);
    optionsRow->addStretch(1);
    auto *stagedLayout = new QVBoxLayout(m_stagedBox);
    stagedLayout->addLayout(wavesRow);
    stagedLayout->addLayout(optionsRow);

    // (d) the impact
    auto *impactBox = new QGroupBox(tr("Impact"));
    m_impactLabel = new QLabel;
    m_impactLabel->setObjectName(QStringLiteral("impactLabel"));
    m_impactLabel->setTextFormat(Qt::PlainText);
    m_impactLabel->setWordWrap(true);
    m_impactLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_downgradeLabel = new QLabel;
    m_downgradeLabel->setObjectName(QStringLiteral("downgradeLabel"));
    m_downgradeLabel->setTextFormat(Qt::PlainText);
    m_downgradeLabel->setWordWrap(true);
    m_downgradeLabel->setStyleSheet(QStringLiteral("color: #b02020; font-weight: bold;"));
    m_downgradeLabel->hide();
    auto *impactLayout = new QVBoxLayout(impactBox);
    impactLayout->addWidget(m_impactLabel);
    impactLayout->addWidget(m_downgradeLabel);

    m_errorLabel = new QLabel;
    m_errorLabel->setObjectName(QStringLiteral("flashError"));
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(ErrorStyle);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_start = m_buttons->addButton(tr("Start"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("startRollout"));
    m_start->setDefault(true);

    auto *top = new QHBoxLayout;
    top->addWidget(versionBox, 5);
    top->addWidget(strategyBox, 3);
    auto *layout = new QVBoxLayout(this);
    m_selectionLabel = new QLabel;
    m_selectionLabel->setObjectName(QStringLiteral("selectionLabel"));
    m_selectionLabel->setTextFormat(Qt::PlainText);
    m_selectionLabel->setWordWrap(true);
    layout->addWidget(m_selectionLabel);
    layout->addLayout(top, 2);
    layout->addWidget(m_stagedBox, 2);
    layout->addWidget(impactBox);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);
    resize(980, 760);

    updateNames();
    fillVersions();
    setWaves(defaultWaves(m_sync->state().hierarchy(), selection.nodes, m_defaults));
    if (selection.nodes.isEmpty()) {
        const QString reason
            = tr("Only individual devices are selected: a release goes to groups.");
        m_release->setEnabled(false);
        m_release->setToolTip(reason);
        m_releaseReason->setText(reason);
        m_releaseReason->show();
        m_releaseWhenDone->setChecked(false);
        m_releaseWhenDone->setEnabled(false);
    }
    m_staged->setChecked(true);

    connect(m_versions, &QTreeWidget::currentItemChanged, this, &FlashDialog::recompute);
    connect(m_upload, &QPushButton::clicked, this, &FlashDialog::upload);
    connect(methods, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool checked) {
        if (checked)
            updateStrategy();
    });
    connect(m_intelligent, &QCheckBox::toggled, this, [this](bool intelligent) {
        // A standard release reaches devices at their next handshake, spread over about a
        // week: the untouched default timeout follows.
        const int usual = defaultTimeoutHours();
        const int week = std::max(usual, 24 * 7);
        if (!intelligent && m_timeoutHours->value() == usual)
            m_timeoutHours->setValue(week);
        else if (intelligent && m_timeoutHours->value() == week)
            m_timeoutHours->setValue(usual);
        recompute();
    });
    connect(m_waves, &WavesTable::edited, this, [this] {
        m_planEdited = true;
        recompute();
    });
    connect(m_waves, &QTableWidget::itemSelectionChanged, this, &FlashDialog::updateStrategy);
    connect(m_addWave, &QPushButton::clicked, this, &FlashDialog::addWave);
    connect(m_addGroupWave, &QPushButton::clicked, this, &FlashDialog::addGroupWave);
    connect(m_removeWave, &QPushButton::clicked, this, &FlashDialog::removeWave);
    connect(m_waveUp, &QPushButton::clicked, this, [this] { moveWave(-1); });
    connect(m_waveDown, &QPushButton::clicked, this, [this] { moveWave(1); });
    connect(m_order, &QComboBox::currentIndexChanged, this, &FlashDialog::recompute);
    connect(m_timeoutHours, &QSpinBox::valueChanged, this, &FlashDialog::recompute);
    connect(m_releaseWhenDone, &QCheckBox::toggled, this, &FlashDialog::recompute);
    connect(m_sync, &Sync::SyncEngine::fleetChanged, this, &FlashDialog::onFleetChanged);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_start, &QPushButton::clicked, this, &FlashDialog::start);
    updateStrategy();
}

FlashDialog::~FlashDialog() = default;

void FlashDialog::updateNames()
{
    const Sync::FleetState &state = m_sync->state();
    const Domain::Hierarchy hierarchy = state.hierarchy();
    m_title = selectionTitle(state, m_selection.nodes, m_selection.devices);
    setWindowTitle(tr("Flash %1").arg(m_title));
    m_selectionLabel->setText(tr("Selected: %1").arg(m_title));
    // Every node the rollout's devices may sit at, named for the Rollouts window.
    m_nodeTitles.clear();
    for (const QString &selected : std::as_const(m_selection.nodes)) {
        for (const QString &path : hierarchy.subtree(selected))
            m_nodeTitles.insert(path, Domain::titlePath(hierarchy, path));
    }
    for (const QString &id : std::as_const(m_selection.devices)) {
        const auto it = state.devices.constFind(id);
        if (it == state.devices.cend())
            continue;
        const Domain::Placement p = Domain::placeDevice(it->groups, hierarchy);
        if (p.kind == Domain::PlacementKind::Node && !m_nodeTitles.contains(p.path))
            m_nodeTitles.insert(p.path, Domain::titlePath(hierarchy, p.path));
    }
}

// --- versions -----------------------------------------------------------------------------

void FlashDialog::fillVersions()
{
    const Sync::FleetState &state = m_sync->state();
    const int current = version();
    QHash<int, int> running;
    for (const Domain::Device &d : state.devices)
        ++running[d.firmwareVersion];
    const Domain::Hierarchy hierarchy = state.hierarchy();
    const Tree::RolloutSource rollouts = Tree::RolloutSource::of(m_rollouts);
    const QLocale locale;
    const QSignalBlocker blocker(m_versions);
    m_versions->clear();
    QTreeWidgetItem *select = nullptr;
    QList<Domain::Firmware> newestFirst = state.firmware.values();
    std::reverse(newestFirst.begin(), newestFirst.end());
    for (const Domain::Firmware &fw : std::as_const(newestFirst)) {
        QStringList released;
        if (fw.productDefault)
            released.append(tr("product default"));
        const QString groups = Tree::releasedToText(hierarchy, rollouts, fw.groups);
        if (!groups.isEmpty())
            released.append(groups);
        auto *item = new QTreeWidgetItem(m_versions);
        item->setText(0, tr("v%1").arg(fw.version));
        item->setData(0, Qt::UserRole, fw.version);
        item->setText(1, fw.title);
        item->setToolTip(1, fw.description);
        item->setText(2,
            fw.uploadedMs > 0 ? locale.toString(
                QDateTime::fromMSecsSinceEpoch(fw.uploadedMs).date(), QLocale::ShortFormat)
                              : QString());
        item->setText(3, released.join(QStringLiteral(", ")));
        item->setToolTip(3, released.join(QStringLiteral(", ")));
        const int count = running.value(fw.version);
        item->setText(4, tr("%Ln devices", nullptr, count));
        if (fw.version == current || (!select && current == 0))
            select = item; // the one chosen before, else the newest
    }
    if (select)
        m_versions->setCurrentItem(select);
}

int FlashDialog::version() const
{
    const QTreeWidgetItem *item = m_versions ? m_versions->currentItem() : nullptr;
    return item ? item->data(0, Qt::UserRole).toInt() : 0;
}

bool FlashDialog::selectVersion(int version)
{
    for (int i = 0; i < m_versions->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_versions->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toInt() == version) {
            m_versions->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void FlashDialog::onFleetChanged(const Sync::FleetDelta &delta)
{
    if (delta.groupsChanged())
        updateNames();
    if (!delta.addedFirmware.isEmpty() || !delta.changedFirmware.isEmpty()
        || !delta.removedFirmware.isEmpty())
        fillVersions();
    if (!m_starting)
        recompute();
}

void FlashDialog::upload()
{
    const QMap<int, Domain::Firmware> &firmware = m_sync->state().firmware;
    const int suggested = firmware.isEmpty() ? 1 : firmware.lastKey() + 1;
    auto *dialog = new UploadDialog(m_rollouts, suggested, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const std::optional<Domain::Firmware> fw = dialog->firmware();
        if (!fw)
            return;
        // The sync engine hears of it shortly; until then it is listed from the answer.
        if (!selectVersion(fw->version)) {
            auto *item = new QTreeWidgetItem;
            item->setText(0, tr("v%1").arg(fw->version));
            item->setData(0, Qt::UserRole, fw->version);
            item->setText(1, fw->title);
            item->setText(4, tr("0 devices"));
            m_versions->insertTopLevelItem(0, item);
            m_versions->setCurrentItem(item);
        }
    });
    dialog->open();
}

// --- strategy and waves -------------------------------------------------------------------

Domain::RolloutMethod FlashDialog::method() const
{
    if (m_lock->isChecked())
        return Domain::RolloutMethod::Lock;
    if (m_release->isChecked())
        return Domain::RolloutMethod::Release;
    return Domain::RolloutMethod::Staged;
}

void FlashDialog::setMethod(Domain::RolloutMethod method)
{
    switch (method) {
    case Domain::RolloutMethod::Lock:
        m_lock->setChecked(true);
        break;
    case Domain::RolloutMethod::Release:
        m_release->setChecked(true);
        break;
    case Domain::RolloutMethod::Staged:
        m_staged->setChecked(true);
        break;
    }
}

int FlashDialog::defaultTimeoutHours() const
{
    return int(std::clamp<qint64>(m_defaults.deviceTimeoutS / 3600, 1, 24 * 30));
}

void FlashDialog::setWaves(const QList<Domain::WaveSpec> &waves)
{
    m_waves->setWaves(waves, m_sync->state().hierarchy());
    recompute();
}

QList<Domain::WaveSpec> FlashDialog::readWaves(QString *error) const
{
    return m_waves->waves(error);
}

void FlashDialog::addWave()
{
    m_planEdited = true;
    QString error;
    QList<Domain::WaveSpec> waves = readWaves(&error);
    Domain::WaveSpec wave;
    wave.success = m_defaults.success;
    wave.failure = m_defaults.failure;
    wave.percent = 50;
    const int current = m_waves->currentRow();
    const int at
        = current >= 0 ? current + 1 : static_cast<int>(qMax<qsizetype>(0, waves.size() - 1));
    waves.insert(qMin<qsizetype>(at, waves.size()), wave);
    setWaves(waves);
    m_waves->selectRow(at);
}

void FlashDialog::addGroupWave()
{
    NodePickerDialog::Options options;
    options.includePools = false;
    auto *picker = new NodePickerDialog(
        m_sync->state().hierarchy(), tr("A wave of the devices at or under:"), options, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this, [this, picker] {
        const std::optional<Domain::MoveTarget> target = picker->target();
        if (!target || target->kind != Domain::MoveTarget::Kind::Node)
            return;
        m_planEdited = true;
        const Domain::Hierarchy hierarchy = m_sync->state().hierarchy();
        QString error;
        QList<Domain::WaveSpec> waves = readWaves(&error);
        Domain::WaveSpec wave;
        wave.success = m_defaults.success;
        wave.failure = m_defaults.failure;
        wave.nodes = {target->path};
        wave.name = waveName(hierarchy, m_selection.nodes, target->path);
        const int current = m_waves->currentRow();
        const int at = current >= 0 ? current + 1 : 0;
        waves.insert(qMin<qsizetype>(at, waves.size()), wave);
        setWaves(waves);
        m_waves->selectRow(at);
    });
    picker->open();
}

void FlashDialog::removeWave()
{
    const int row = m_waves->currentRow();
    if (row < 0)
        return;
    m_planEdited = true;
    m_waves->removeRow(row);
    recompute();
}

void FlashDialog::moveWave(int by)
{
    const int row = m_waves->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_waves->rowCount())
        return;
    QString error;
    QList<Domain::WaveSpec> waves = readWaves(&error);
    if (!error.isEmpty() || waves.size() != m_waves->rowCount())
        return;
    m_planEdited = true;
    waves.swapItemsAt(row, to);
    setWaves(waves);
    m_waves->selectRow(to);
}

void FlashDialog::updateStrategy()
{
    const Domain::RolloutMethod m = method();
    m_intelligent->setEnabled(m == Domain::RolloutMethod::Release);
    m_stagedBox->setEnabled(m == Domain::RolloutMethod::Staged);
    const int row = m_waves->currentRow();
    m_removeWave->setEnabled(row >= 0 && m_waves->rowCount() > 1);
    m_waveUp->setEnabled(row > 0);
    m_waveDown->setEnabled(row >= 0 && row + 1 < m_waves->rowCount());
    recompute();
}

// --- the spec and its impact --------------------------------------------------------------

Domain::RolloutSpec FlashDialog::spec() const
{
    Domain::RolloutSpec spec;
    spec.version = version();
    spec.method = method();
    spec.title = tr("v%1 to %2").arg(spec.version).arg(m_title);
    spec.nodeTitles = m_nodeTitles;
    spec.intelligent = m_intelligent->isChecked();
    spec.nodes = m_selection.nodes;
    spec.devices = m_selection.devices;
    spec.seed = m_seed;
    spec.deviceTimeoutS = qint64(m_timeoutHours->value()) * 3600;
    spec.order = static_cast<Domain::RolloutSpec::Order>(m_order->currentData().toInt());
    if (spec.method == Domain::RolloutMethod::Staged) {
        spec.waves = readWaves(nullptr);
        spec.releaseToNodesWhenDone = m_releaseWhenDone->isChecked() && !spec.nodes.isEmpty();
    } else {
        spec.releaseToNodesWhenDone = false;
    }
    return spec;
}

QString FlashDialog::downgradeText() const
{
    return m_downgradeLabel->isHidden() ? QString() : m_downgradeLabel->text();
}

void FlashDialog::recompute()
{
    if (!m_start)
        return;
    const Domain::RolloutSpec s = spec();
    QString error;
    if (s.method == Domain::RolloutMethod::Staged)
        readWaves(&error);
    if (s.version == 0 && error.isEmpty())
        error = tr("Choose a version.");
    if (error.isEmpty())
        error = s.validate();

    m_impact = s.version > 0 ? m_rollouts->assess(s.method, s.version, s.nodes, s.devices)
                             : Domain::FlashImpact {};
    m_waveCounts.clear();
    if (s.method == Domain::RolloutMethod::Staged && s.version > 0) {
        // While the operator has not edited the plan, it leaves out test groups with nothing
        // to flash (they already run the version, or another rollout holds them).
        if (!m_planEdited) {
            Domain::RolloutSpec planned = s;
            planned.waves
                = defaultWaves(m_sync->state().hierarchy(), m_selection.nodes, m_defaults);
            QList<Domain::RolloutDevice> devices = m_impact.devices;
            const QList<int> counts = Domain::assignWaves(planned, devices);
            if (!planned.waves.isEmpty() && !planned.waves.constFirst().nodes.isEmpty()
                && counts.value(0) == 0)
                planned.waves.removeFirst();
            // The plan only ever gains or loses its test wave here.
            if (planned.waves.size() != s.waves.size() && !m_replanning) {
                m_replanning = true;
                setWaves(planned.waves);
                recompute();
                m_replanning = false;
                return;
            }
        }
        QList<Domain::RolloutDevice> devices = m_impact.devices;
        m_waveCounts = Domain::assignWaves(s, devices);
    }
    m_waves->setDeviceCounts(
        s.method == Domain::RolloutMethod::Staged ? m_waveCounts : QList<int>());

    const QLocale locale;
    const auto n = [&locale](int v) { return locale.toString(v); };
    const Domain::FlashImpact &i = m_impact;
    QStringList lines;
    if (s.version > 0) {
        lines.append(tr("Devices selected: %1").arg(n(i.selected)));
        lines.append(i.targetedByVersion.isEmpty()
                ? tr("To be flashed to v%1: %2").arg(s.version).arg(n(i.targeted))
                : tr("To be flashed to v%1: %2 (now running %3)")
                      .arg(s.version)
                      .arg(n(i.targeted), versionsText(i.targetedByVersion)));
        if (i.offline > 0)
            lines.append(tr("Offline now: %1 (they update when they come back)").arg(n(i.offline)));
        if (i.development > 0)
            lines.append(tr("Development devices, skipped: %1").arg(n(i.development)));
        if (i.locked > 0)
            lines.append(s.method == Domain::RolloutMethod::Lock
                    ? tr("Locked to another version, lock replaced: %1").arg(n(i.locked))
                    : tr("Locked, skipped (their lock wins): %1").arg(n(i.locked)));
        if (i.overridden > 0)
            lines.append(tr("Held by a higher release of another group, skipped: %1 (Lock and "
                            "flash reaches them)")
                             .arg(n(i.overridden)));
        if (i.alreadyCurrent > 0)
            lines.append(
                tr("Already running v%1, skipped: %2").arg(s.version).arg(n(i.alreadyCurrent)));
        if (i.inOtherRollout > 0)
            lines.append(
                tr("Still being updated by another rollout, skipped: %1").arg(n(i.inOtherRollout)));
        if (s.method == Domain::RolloutMethod::Staged && !m_waveCounts.isEmpty()) {
            QStringList perWave;
            for (int w = 0; w < m_waveCounts.size(); ++w)
                perWave.append(n(m_waveCounts.at(w)));
            lines.append(tr("Devices per wave: %1").arg(perWave.join(QStringLiteral(" → "))));
        }
    }
    m_impactLines = lines;
    m_impactLabel->setText(lines.join(QLatin1Char('\n')));
    if (i.downgrades > 0) {
        m_downgradeLabel->setText(
            tr("%Ln downgrades: devices run a newer version than v%1 and will be flashed back.",
                nullptr, i.downgrades)
                .arg(s.version));
        m_downgradeLabel->show();
    } else {
        m_downgradeLabel->clear();
        m_downgradeLabel->hide();
    }

    if (error.isEmpty() && s.version > 0 && i.targeted == 0)
        error = tr("No device to flash: every selected device is skipped.");
    m_error = error;
    // A refusal from the engine stays readable until the operator changes the rollout.
    if (!m_startError.isEmpty() && !(s == m_refusedSpec))
        m_startError.clear();
    m_errorLabel->setStyleSheet(m_starting && error.isEmpty() ? QString() : ErrorStyle);
    m_errorLabel->setText(!error.isEmpty() ? error : m_starting ? tr("Starting…") : m_startError);
    m_start->setEnabled(error.isEmpty() && !m_starting);
    const int targeted = i.targeted;
    m_start->setText(s.method == Domain::RolloutMethod::Staged
            ? tr("Start rollout to %Ln devices", nullptr, targeted)
            : s.method == Domain::RolloutMethod::Release
            ? tr("Release to %Ln devices", nullptr, targeted)
            : tr("Flash %Ln devices", nullptr, targeted));
}

void FlashDialog::start()
{
    recompute();
    if (!m_error.isEmpty() || m_starting)
        return;
    m_starting = true;
    m_startError.clear();
    m_start->setEnabled(false);
    m_errorLabel->setStyleSheet(QString());
    m_errorLabel->setText(tr("Starting…"));
    const Domain::RolloutSpec s = spec();
    qCInfo(lcViews) << "starting a rollout of version" << s.version << "to" << m_impact.targeted
                    << "devices";
    QPointer<FlashDialog> self(this);
    m_rollouts->startRollout(s, [self, s](qint64 id, QString error) {
        if (!self)
            return;
        self->m_starting = false;
        if (id <= 0 || !error.isEmpty()) {
            self->m_startError = error.isEmpty() ? tr("The rollout could not be started.") : error;
            self->m_refusedSpec = s;
            self->m_errorLabel->setStyleSheet(ErrorStyle);
            self->m_errorLabel->setText(self->m_startError);
            self->m_start->setEnabled(true);
            return;
        }
        Q_EMIT self->rolloutStarted(id);
        self->accept();
    });
}

} // namespace Flotilla::Views
