// SPDX-License-Identifier: MIT
#include "views/problemsdialog.h"

#include "domain/hierarchy.h"
#include "sync/fleetstate.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Flotilla::Views {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

QLabel *heading(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

ProblemsDialog::ProblemsDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("problemsDialog"));
    setWindowTitle(tr("Problems"));
    auto *layout = new QVBoxLayout(this);

    m_deviceHeading = heading(this);
    layout->addWidget(m_deviceHeading);
    auto *deviceIntro = new QLabel(tr("These devices' groups contradict the tree. Repair keeps "
                                      "the deepest node and sets its full chain; labels stay."));
    deviceIntro->setWordWrap(true);
    layout->addWidget(deviceIntro);
    m_devices = new QTreeWidget;
    m_devices->setObjectName(QStringLiteral("deviceProblems"));
    m_devices->setRootIsDecorated(false);
    m_devices->setAlternatingRowColors(true);
    m_devices->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_devices->setHeaderLabels({tr("Device"), tr("Problem"), tr("Groups now"), tr("After repair")});
    m_devices->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_devices->header()->resizeSection(0, 180);
    m_devices->header()->resizeSection(1, 320);
    m_devices->header()->resizeSection(2, 200);
    layout->addWidget(m_devices, 3);

    auto *repairRow = new QHBoxLayout;
    m_repairSelected = new QPushButton(tr("Repair &selected"));
    m_repairSelected->setObjectName(QStringLiteral("repairSelected"));
    m_repairAll = new QPushButton(tr("Repair &all"));
    m_repairAll->setObjectName(QStringLiteral("repairAll"));
    repairRow->addStretch(1);
    repairRow->addWidget(m_repairSelected);
    repairRow->addWidget(m_repairAll);
    layout->addLayout(repairRow);

    m_groupHeading = heading(this);
    layout->addWidget(m_groupHeading);
    auto *groupIntro = new QLabel(tr("These groups are tagged as part of the tree but cannot be "
                                     "nodes; they are shown as plain labels until someone fixes "
                                     "their name or description."));
    groupIntro->setWordWrap(true);
    layout->addWidget(groupIntro);
    m_groups = new QTreeWidget;
    m_groups->setObjectName(QStringLiteral("groupProblems"));
    m_groups->setRootIsDecorated(false);
    m_groups->setHeaderLabels({tr("Group"), tr("Problem")});
    m_groups->header()->resizeSection(0, 200);
    layout->addWidget(m_groups, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_repairSelected, &QPushButton::clicked, this, [this] { repair(false); });
    connect(m_repairAll, &QPushButton::clicked, this, [this] { repair(true); });
    connect(m_devices, &QTreeWidget::itemSelectionChanged, this, &ProblemsDialog::updateButtons);
    resize(900, 560);
}

ProblemsDialog::~ProblemsDialog() = default;

void ProblemsDialog::setState(const Sync::FleetState &state)
{
    const Domain::Hierarchy hierarchy = state.hierarchy();
    QStringList selected;
    for (const QTreeWidgetItem *item : m_devices->selectedItems())
        selected.append(item->data(0, IdRole).toString());
    m_devices->clear();
    m_current.clear();
    m_repaired.clear();

    QHash<QStringList, Domain::Placement> placements; // many devices share their group list
    QList<const Domain::Device *> problems;
    for (const Domain::Device &d : state.devices) {
        auto it = placements.constFind(d.groups);
        if (it == placements.cend())
            it = placements.insert(d.groups, Domain::placeDevice(d.groups, hierarchy));
        if (it->kind == Domain::PlacementKind::Inconsistent)
            problems.append(&d);
    }
    std::sort(problems.begin(), problems.end(),
        [](const Domain::Device *a, const Domain::Device *b) { return a->id < b->id; });
    QList<QTreeWidgetItem *> items;
    for (const Domain::Device *d : std::as_const(problems)) {
        QStringList messages;
        for (const Domain::PlacementProblem &p : placements.value(d->groups).problems)
            messages.append(p.message);
        const QStringList repaired = Domain::repairGroups(d->groups, hierarchy);
        m_current.insert(d->id, d->groups);
        m_repaired.insert(d->id, repaired);
        auto *item = new QTreeWidgetItem(
            {d->name.isEmpty() ? d->id : d->name, messages.join(QLatin1Char('\n')),
                d->groups.join(QStringLiteral(", ")), repaired.join(QStringLiteral(", "))});
        item->setData(0, IdRole, d->id);
        item->setToolTip(0, d->id);
        item->setToolTip(1, messages.join(QLatin1Char('\n')));
        items.append(item);
    }
    m_devices->addTopLevelItems(items);
    for (QTreeWidgetItem *item : std::as_const(items)) {
        if (selected.contains(item->data(0, IdRole).toString()))
            item->setSelected(true);
    }

    m_groups->clear();
    for (const Domain::GroupProblem &p : hierarchy.problems())
        new QTreeWidgetItem(m_groups, {p.group, p.message});

    m_deviceHeading->setText(tr("Devices that need repair: %1").arg(items.size()));
    m_groupHeading->setText(tr("Groups with problems: %1").arg(hierarchy.problems().size()));
    updateButtons();
}

int ProblemsDialog::deviceProblemCount() const
{
    return m_devices->topLevelItemCount();
}

int ProblemsDialog::groupProblemCount() const
{
    return m_groups->topLevelItemCount();
}

QStringList ProblemsDialog::deviceIds() const
{
    QStringList ids;
    for (int i = 0; i < m_devices->topLevelItemCount(); ++i)
        ids.append(m_devices->topLevelItem(i)->data(0, IdRole).toString());
    return ids;
}

void ProblemsDialog::updateButtons()
{
    m_repairSelected->setEnabled(!m_devices->selectedItems().isEmpty());
    m_repairAll->setEnabled(m_devices->topLevelItemCount() > 0);
}

void ProblemsDialog::repair(bool all)
{
    QStringList ids;
    if (all) {
        ids = deviceIds();
    } else {
        for (const QTreeWidgetItem *item : m_devices->selectedItems())
            ids.append(item->data(0, IdRole).toString());
    }
    QHash<QString, QStringList> before;
    QHash<QString, QStringList> after;
    for (const QString &id : std::as_const(ids)) {
        before.insert(id, m_current.value(id));
        after.insert(id, m_repaired.value(id));
    }
    if (!after.isEmpty())
        Q_EMIT repairRequested(before, after);
}

} // namespace Flotilla::Views
