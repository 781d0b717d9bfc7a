// SPDX-License-Identifier: MIT
#include "views/detailpane.h"

#include "domain/hierarchy.h"
#include "domain/rollout.h"
#include "edit/commands.h"
#include "sync/fleetstate.h"

#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Flotilla::Views {

namespace {

QLabel *makeTitle(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.25);
    font.setBold(true);
    label->setFont(font);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QWidget *scrolled(QWidget *content)
{
    auto *area = new QScrollArea;
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // long values wrap
    area->setWidget(content);
    return area;
}

} // namespace

DetailPane::DetailPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("detailPane"));
    m_stack = new QStackedWidget(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_placeholder = new QLabel(tr("Select a device in the table, or a customer, group or pool in "
                                  "the tree, to see its details here."));
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setMargin(16);
    m_placeholder->setEnabled(false);
    m_stack->addWidget(m_placeholder);

    auto *device = new QWidget;
    auto *deviceLayout = new QVBoxLayout(device);
    m_deviceTitle = makeTitle(device);
    deviceLayout->addWidget(m_deviceTitle);
    auto *deviceForm = new QFormLayout;
    deviceForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    deviceForm->setRowWrapPolicy(QFormLayout::DontWrapRows);
    deviceLayout->addLayout(deviceForm);
    deviceLayout->addStretch(1);
    addField(deviceForm, QStringLiteral("id"), tr("Device ID"));
    addField(deviceForm, QStringLiteral("serial"), tr("Serial number"));
    addField(deviceForm, QStringLiteral("iccid"), tr("ICCID"));
    addField(deviceForm, QStringLiteral("location"), tr("Location"));
    addField(deviceForm, QStringLiteral("owner"), tr("Owner"));
    addField(deviceForm, QStringLiteral("groups"), tr("Also in"));
    addField(deviceForm, QStringLiteral("firmware"), tr("Firmware running"));
    addField(deviceForm, QStringLiteral("locked"), tr("Locked to"));
    addField(deviceForm, QStringLiteral("target"), tr("Targeted"));
    addField(deviceForm, QStringLiteral("system"), tr("Device OS"));
    addField(deviceForm, QStringLiteral("development"), tr("Development"));
    addField(deviceForm, QStringLiteral("online"), tr("Online"));
    addField(deviceForm, QStringLiteral("lastHeard"), tr("Last heard"));
    addField(deviceForm, QStringLiteral("pending"), tr("Local changes"));
    addField(deviceForm, QStringLiteral("problem"), tr("Problem"));
    addField(deviceForm, QStringLiteral("notes"), tr("Notes"));
    m_stack->addWidget(scrolled(device));

    auto *node = new QWidget;
    auto *nodeLayout = new QVBoxLayout(node);
    m_nodeTitle = makeTitle(node);
    nodeLayout->addWidget(m_nodeTitle);
    auto *nodeForm = new QFormLayout;
    nodeForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    nodeLayout->addLayout(nodeForm);
    nodeLayout->addStretch(1);
    addField(nodeForm, QStringLiteral("node.kind"), tr("Kind"));
    addField(nodeForm, QStringLiteral("node.path"), tr("Particle group"));
    addField(nodeForm, QStringLiteral("node.account"), tr("Customer account"));
    addField(nodeForm, QStringLiteral("node.devices"), tr("Devices"));
    addField(nodeForm, QStringLiteral("node.online"), tr("Online"));
    addField(nodeForm, QStringLiteral("node.firmware"), tr("Firmware present"));
    addField(nodeForm, QStringLiteral("node.offTarget"), tr("Not on target"));
    addField(nodeForm, QStringLiteral("node.release"), tr("Release to this group"));
    addField(nodeForm, QStringLiteral("node.pending"), tr("Local changes"));
    m_stack->addWidget(scrolled(node));

    setMinimumWidth(240);
    showNothing();
}

DetailPane::~DetailPane() = default;

QLabel *DetailPane::addField(QFormLayout *form, const QString &key, const QString &label)
{
    auto *value = new QLabel;
    value->setObjectName(key);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setTextFormat(Qt::PlainText);
    form->addRow(label, value);
    m_fields.insert(key, value);
    return value;
}

void DetailPane::set(const QString &key, const QString &text)
{
    if (QLabel *label = m_fields.value(key))
        label->setText(text.isEmpty() ? tr("—") : text);
}

QString DetailPane::fieldText(const QString &key) const
{
    const QLabel *label = m_fields.value(key);
    return label ? label->text() : QString();
}

void DetailPane::showNothing()
{
    m_deviceId.clear();
    m_stack->setCurrentIndex(0);
}

void DetailPane::showDevice(const Sync::FleetState &state, const QString &deviceId, bool pending)
{
    const auto it = state.devices.constFind(deviceId);
    if (it == state.devices.cend()) {
        showNothing();
        return;
    }
    const Domain::Device &d = *it;
    m_deviceId = deviceId;
    const QLocale locale;
    m_deviceTitle->setText(d.name.isEmpty() ? d.id : d.name);
    set(QStringLiteral("id"), d.id);
    set(QStringLiteral("serial"), d.serialNumber);
    set(QStringLiteral("iccid"), d.iccid);

    const Domain::Hierarchy hierarchy = state.hierarchy();
    const Domain::Placement placement = Domain::placeDevice(d.groups, hierarchy);
    QStringList problems;
    switch (placement.kind) {
    case Domain::PlacementKind::Node:
        set(QStringLiteral("location"),
            Edit::targetLabel(hierarchy, Domain::MoveTarget::node(placement.path)));
        break;
    case Domain::PlacementKind::Unassigned:
        set(QStringLiteral("location"),
            Edit::targetLabel(hierarchy, Domain::MoveTarget::unassigned()));
        break;
    case Domain::PlacementKind::Returns:
        set(QStringLiteral("location"),
            Edit::targetLabel(hierarchy, Domain::MoveTarget::returns()));
        break;
    case Domain::PlacementKind::Inconsistent:
        set(QStringLiteral("location"), tr("Needs repair"));
        for (const Domain::PlacementProblem &p : placement.problems)
            problems.append(p.message);
        break;
    }
    set(QStringLiteral("problem"), problems.join(QLatin1Char('\n')));
    set(QStringLiteral("owner"), d.owner.isEmpty() ? tr("unclaimed") : d.owner);
    // Besides its place in the tree (Location): the labels it carries, and the rollouts whose
    // waves hold it, by their titles.
    QStringList also;
    int rolloutWaves = 0;
    for (const QString &g : d.groups) {
        if (Domain::isRolloutGroupName(g))
            ++rolloutWaves;
        else if (!hierarchy.isNode(g) && g != Domain::ReturnsGroupName)
            also.append(g);
    }
    if (rolloutWaves > 0)
        also.append(tr("%Ln rollout waves", nullptr, rolloutWaves));
    set(QStringLiteral("groups"),
        also.isEmpty() ? tr("no other groups") : also.join(QStringLiteral(", ")));
    set(QStringLiteral("firmware"),
        d.firmwareVersion == 0 ? tr("no product firmware") : tr("v%1").arg(d.firmwareVersion));
    set(QStringLiteral("locked"),
        d.desiredFirmwareVersion ? tr("v%1").arg(*d.desiredFirmwareVersion) : tr("not locked"));
    QString target = d.targetedFirmwareVersion ? tr("v%1").arg(*d.targetedFirmwareVersion)
                                               : tr("none (never updated automatically)");
    if (d.targetedFirmwareVersion && *d.targetedFirmwareVersion != d.firmwareVersion)
        target = tr("%1 (update pending)").arg(target);
    set(QStringLiteral("target"), target);
    set(QStringLiteral("system"), d.systemFirmwareVersion);
    set(QStringLiteral("development"), d.development ? tr("yes (never auto-updated)") : tr("no"));
    set(QStringLiteral("online"), d.online ? tr("online") : tr("offline"));
    set(QStringLiteral("lastHeard"),
        d.lastHeardMs == 0
            ? tr("never")
            : locale.toString(QDateTime::fromMSecsSinceEpoch(d.lastHeardMs), QLocale::ShortFormat));
    set(QStringLiteral("pending"),
        pending ? tr("not yet confirmed by the cloud") : tr("none (in step with the cloud)"));
    set(QStringLiteral("notes"), d.notes);
    m_stack->setCurrentIndex(1);
}

void DetailPane::showNode(const NodeSummary &s)
{
    m_deviceId.clear();
    m_nodeTitle->setText(s.title);
    const QLocale locale;
    set(QStringLiteral("node.kind"), s.kind);
    set(QStringLiteral("node.path"), s.path);
    set(QStringLiteral("node.account"), s.account.isEmpty() ? tr("not linked") : s.account);
    set(QStringLiteral("node.devices"), locale.toString(s.devices));
    set(QStringLiteral("node.online"),
        s.devices == 0
            ? locale.toString(s.online)
            : tr("%1 (%2%)")
                  .arg(locale.toString(s.online), locale.toString(100 * s.online / s.devices)));
    set(QStringLiteral("node.firmware"), s.firmware);
    set(QStringLiteral("node.offTarget"), locale.toString(s.offTarget));
    set(QStringLiteral("node.release"), s.release);
    set(QStringLiteral("node.pending"), locale.toString(s.pending));
    m_stack->setCurrentIndex(2);
}

} // namespace Flotilla::Views
