// SPDX-License-Identifier: MIT
#include "views/moveconfirmdialog.h"

#include "domain/precedence.h"
#include "edit/commands.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace Flotilla::Views {

namespace {

constexpr int MaxDeviceRows = 2000;

QString versionText(const std::optional<int> &version)
{
    return version ? MoveConfirmDialog::tr("v%1").arg(*version) : MoveConfirmDialog::tr("none");
}

QString ownerText(const Domain::OwnerChange &change)
{
    switch (change.action) {
    case Domain::OwnerChange::Action::None:
        return QString();
    case Domain::OwnerChange::Action::Claim:
        return MoveConfirmDialog::tr("claimed to %1").arg(change.account);
    case Domain::OwnerChange::Action::Unclaim:
        return MoveConfirmDialog::tr("released from its owner");
    case Domain::OwnerChange::Action::UnclaimAndClaim:
        return MoveConfirmDialog::tr("released, then claimed to %1").arg(change.account);
    }
    return QString();
}

} // namespace

MoveConfirmDialog::MoveConfirmDialog(const MovePreview &preview, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("moveConfirmDialog"));
    setWindowTitle(tr("Confirm move"));
    const Edit::MoveImpact &impact = preview.impact;
    const QLocale locale;

    auto *layout = new QVBoxLayout(this);
    auto *headline = new QLabel(preview.headline);
    QFont font = headline->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    headline->setFont(font);
    headline->setWordWrap(true);
    layout->addWidget(headline);

    m_lines = Edit::impactSummary(impact, static_cast<int>(preview.renames.size()));

    auto *summary = new QLabel(QStringLiteral("• ") + m_lines.join(QStringLiteral("\n• ")));
    summary->setObjectName(QStringLiteral("moveSummary"));
    summary->setTextFormat(Qt::PlainText);
    summary->setWordWrap(true);
    layout->addWidget(summary);

    if (!impact.firmwareChanges.isEmpty()) {
        layout->addWidget(new QLabel(tr("Firmware targets that change:")));
        auto *firmware = new QTreeWidget;
        firmware->setObjectName(QStringLiteral("firmwareChanges"));
        firmware->setRootIsDecorated(false);
        firmware->setHeaderLabels({tr("Target now"), tr("Target after"), tr("Devices")});
        for (const Edit::FirmwareTargetChange &c : impact.firmwareChanges)
            new QTreeWidgetItem(
                firmware, {versionText(c.from), versionText(c.to), locale.toString(c.count)});
        firmware->setFocusPolicy(Qt::NoFocus);
        firmware->setSelectionMode(QAbstractItemView::NoSelection);
        firmware->header()->setStretchLastSection(false);
        firmware->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        firmware->header()->setSectionResizeMode(2, QHeaderView::Stretch);
        firmware->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        // As tall as its rows (a handful), not more.
        const int rows = std::min(static_cast<int>(impact.firmwareChanges.size()), 6);
        firmware->setFixedHeight(firmware->header()->sizeHint().height()
            + rows * firmware->sizeHintForRow(0) + 2 * firmware->frameWidth() + 2);
        layout->addWidget(firmware);
    }

    layout->addWidget(new QLabel(tr("Devices:")));
    auto *devices = new QTreeWidget;
    devices->setObjectName(QStringLiteral("deviceImpact"));
    devices->setRootIsDecorated(false);
    devices->setAlternatingRowColors(true);
    devices->setHeaderLabels({tr("Device"), tr("Target now"), tr("Target after"), tr("Owner")});
    int shown = 0;
    for (const Edit::DeviceMoveImpact &d : impact.devices) {
        if (++shown > MaxDeviceRows)
            break;
        const QString name = preview.deviceNames.value(d.deviceId);
        auto *item = new QTreeWidgetItem(devices,
            {name.isEmpty() ? d.deviceId : name, versionText(d.targetBefore),
                versionText(d.targetAfter),
                d.alreadyThere ? tr("already there") : ownerText(d.ownerChange)});
        item->setToolTip(0, d.deviceId);
        if (d.targetChanges()) {
            QFont bold = item->font(2);
            bold.setBold(true);
            item->setFont(2, bold);
        }
    }
    if (impact.devices.size() > MaxDeviceRows)
        new QTreeWidgetItem(
            devices, {tr("… and %1 more").arg(impact.devices.size() - MaxDeviceRows)});
    const int shownRows = std::clamp(devices->topLevelItemCount(), 3, 12);
    devices->setMinimumHeight(devices->header()->sizeHint().height()
        + shownRows * std::max(devices->sizeHintForRow(0), 1) + 2 * devices->frameWidth() + 4);
    devices->setFocusPolicy(Qt::NoFocus);
    devices->setSelectionMode(QAbstractItemView::NoSelection);
    devices->header()->setStretchLastSection(true);
    for (int c = 0; c < 3; ++c)
        devices->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    layout->addWidget(devices, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Move"));
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, sizeHint().height());
}

MoveConfirmDialog::~MoveConfirmDialog() = default;

} // namespace Flotilla::Views
