// SPDX-License-Identifier: MIT
#include "views/cacheproblems.h"

#include "sync/syncengine.h"

#include <QDir>
#include <QMessageBox>
#include <QPushButton>

namespace Flotilla::Views {

namespace {

QString bullets(const QStringList &lines)
{
    QString html = QStringLiteral("<ul style=\"margin-left: 12px; -qt-list-indent: 0;\">");
    for (const QString &line : lines)
        html += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
    return html + QStringLiteral("</ul>");
}

// At most `limit` lines, then how many more.
QStringList firstOf(const QStringList &lines, int limit)
{
    QStringList out = lines.mid(0, limit);
    if (lines.size() > limit)
        out.append(
            CacheProblems::tr("and %Ln more", nullptr, static_cast<int>(lines.size() - limit)));
    return out;
}

} // namespace

CacheProblems::CacheProblems(Sync::SyncEngine *engine, QWidget *window)
    : QObject(window)
    , m_engine(engine)
    , m_window(window)
{
    connect(engine, &Sync::SyncEngine::cacheDamaged, this, &CacheProblems::showDamaged);
    connect(engine, &Sync::SyncEngine::cacheRepaired, this, &CacheProblems::showRepaired);
    connect(engine, &Sync::SyncEngine::cacheUnusable, this, &CacheProblems::showUnusable);
}

QMessageBox *CacheProblems::newDialog(
    QMessageBox::Icon icon, const QString &title, const QString &text)
{
    if (m_dialog)
        m_dialog->deleteLater();
    auto *box = new QMessageBox(icon, title, text, QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("cacheProblemDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::RichText);
    box->setWindowModality(Qt::WindowModal);
    m_dialog = box;
    return box;
}

void CacheProblems::showDamaged(const Store::CacheDamage &damage)
{
    QList<qint64> lostIds;
    for (const Store::OutboxEntry &e : damage.lostChanges)
        lostIds.append(e.id);
    const int lost = static_cast<int>(damage.lostChanges.size());
    m_engine->describeChanges(lostIds, [this, damage, lost](const QStringList &edits) {
        QString text = damage.changesMayBeMissing && lost == 0
            ? tr("Flotilla's local copy of the fleet is damaged, and the changes made here and "
                 "not yet sent cannot all be read from it.")
            : tr("Flotilla's local copy of the fleet is damaged: %Ln changes made here and not "
                 "yet sent cannot be read from it.",
                nullptr, lost);
        if (!edits.isEmpty())
            text += QStringLiteral("<p>") + tr("They were made by:") + bullets(firstOf(edits, 8));
        QMessageBox *box = newDialog(
            QMessageBox::Warning, tr("The local cache is damaged"), QStringLiteral("<p>") + text);
        box->setInformativeText(
            tr("<p><b>Repair</b> rebuilds the local copy from everything that can still be read: "
               "the changes not yet sent that can be read are kept and sent, and the fleet is "
               "read again from the cloud. The damaged file is kept under another name.</p>"
               "<p><b>Quit</b> leaves the file as it is. Until you choose, nothing is loaded, "
               "sent or changed.</p>"));
        box->setDetailedText(damage.problems.join(QLatin1Char('\n')));
        QPushButton *repair = box->addButton(tr("Repair"), QMessageBox::AcceptRole);
        repair->setObjectName(QStringLiteral("repairButton"));
        QPushButton *quit = box->addButton(tr("Quit"), QMessageBox::RejectRole);
        quit->setObjectName(QStringLiteral("quitButton"));
        box->setDefaultButton(repair);
        box->setEscapeButton(quit);
        connect(box, &QMessageBox::finished, this, [this, box, repair] {
            if (box->clickedButton() == repair)
                m_engine->repairCache();
            else
                Q_EMIT quitRequested();
        });
        box->open();
    });
}

void CacheProblems::showRepaired(
    const Store::RepairReport &report, const Store::CacheDamage &damage)
{
    m_engine->describeChanges({}, [this, report, damage](const QStringList &edits) {
        QStringList lines;
        const int devices
            = std::max<int>(static_cast<int>(damage.devices.size()), report.devicesDropped);
        if (devices > 0)
            lines.append(
                tr("%Ln device records could not be read; the devices are read again from the "
                   "cloud.",
                    nullptr, devices));
        if (damage.fleetIncomplete)
            lines.append(tr("Parts of the fleet (groups, firmware, customers) could not be "
                            "read; they are read again from the cloud."));
        const int pending = report.changesKept;
        if (report.changesDropped > 0)
            lines.append(
                tr("%Ln changes made here and not yet sent could not be read and are lost.",
                    nullptr, report.changesDropped));
        else if (report.changesMayBeMissing || damage.changesMayBeMissing)
            lines.append(tr("Changes made here and not yet sent may have been lost: how many "
                            "cannot be told."));
        else
            lines.append(tr("No change made here was lost."));
        if (report.activityDropped > 0)
            lines.append(tr("%Ln lines of the activity log could not be read.", nullptr,
                report.activityDropped));
        if (report.rolloutRowsDropped > 0)
            lines.append(tr("Parts of the rollouts could not be read; check the Rollouts "
                            "window."));
        QString text = QStringLiteral("<p>")
            + tr("Flotilla's local copy of the fleet was damaged, and it has been rebuilt from "
                 "what could be read.")
            + bullets(lines);
        if (pending > 0) {
            text += QStringLiteral("<p>")
                + tr("%Ln changes made here and not yet sent are kept and will be sent.", nullptr,
                    pending);
            if (!edits.isEmpty())
                text += QLatin1Char(' ') + tr("They were made by:") + bullets(firstOf(edits, 8));
            text += QStringLiteral("</p>");
        }
        QMessageBox *box
            = newDialog(QMessageBox::Information, tr("The local cache was repaired"), text);
        if (!report.damagedCopy.isEmpty())
            box->setInformativeText(
                tr("The damaged file is kept as %1.")
                    .arg(QDir::toNativeSeparators(report.damagedCopy).toHtmlEscaped()));
        QStringList details = report.problems;
        details += damage.problems;
        details.removeDuplicates();
        box->setDetailedText(details.join(QLatin1Char('\n')));
        box->addButton(QMessageBox::Ok);
        box->open();
    });
}

void CacheProblems::showRolloutsUnreadable(const QString &reason)
{
    QMessageBox *box = newDialog(QMessageBox::Warning, tr("The rollouts could not be read"),
        QStringLiteral("<p>%1</p>")
            .arg(tr("The rollouts kept in the local cache could not be read: %1")
                     .arg(reason)
                     .toHtmlEscaped()));
    box->setInformativeText(
        tr("<p>Rollouts that were running are not followed in this session: devices already "
           "told to update still update in the cloud, but no new wave starts and no threshold "
           "is checked. The fleet itself and the changes not yet sent are not affected.</p>"));
    box->addButton(QMessageBox::Ok);
    box->open();
}

void CacheProblems::showUnusable(const QString &reason)
{
    QMessageBox *box = newDialog(QMessageBox::Critical, tr("The local cache cannot be read"),
        QStringLiteral("<p>%1</p>").arg(reason.toHtmlEscaped()));
    box->setInformativeText(
        tr("<p>Changes made here and not yet sent may be in it.</p>"
           "<p><b>Set aside and start afresh</b> keeps the file under another name and starts a "
           "new local copy, read from the cloud; changes in the old file are not sent.</p>"
           "<p><b>Quit</b> leaves it as it is, for example to restore it from a backup.</p>"));
    QPushButton *aside = box->addButton(tr("Set aside and start afresh"), QMessageBox::AcceptRole);
    aside->setObjectName(QStringLiteral("setAsideButton"));
    QPushButton *quit = box->addButton(tr("Quit"), QMessageBox::RejectRole);
    quit->setObjectName(QStringLiteral("quitButton"));
    box->setDefaultButton(quit);
    box->setEscapeButton(quit);
    connect(box, &QMessageBox::finished, this, [this, box, aside] {
        if (box->clickedButton() == aside)
            Q_EMIT setAsideRequested();
        else
            Q_EMIT quitRequested();
    });
    box->open();
}

} // namespace Flotilla::Views
