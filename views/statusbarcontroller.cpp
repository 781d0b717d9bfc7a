// SPDX-License-Identifier: MIT
#include "views/statusbarcontroller.h"

#include "rollout/rolloutengine.h"
#include "session/apiusage.h"
#include "sync/syncengine.h"
#include "tree/rolloutmodels.h"
#include "views/logging.h"

#include <QAction>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QStatusBar>
#include <QTimer>

namespace Flotilla::Views {

namespace {

// How long messages stay: none stays for good. A newer message replaces an older one.
constexpr int ErrorNoticeMs = 15000;
constexpr int SendingNoticeMs = 15000; // "done here, being sent": replaced by "sent"
constexpr int OfflineNoticeMs = 15000;
constexpr int SentNoticeMs = 8000;

bool isActive(const Domain::Rollout &r)
{
    return r.state == Domain::RolloutState::Running || r.state == Domain::RolloutState::Paused
        || r.state == Domain::RolloutState::RollingBack;
}

} // namespace

StatusBarController::StatusBarController(QStatusBar *bar, Sync::SyncEngine *engine,
    Session::ApiUsage *usage, Rollout::RolloutEngine *rollouts, QObject *parent)
    : QObject(parent)
    , m_bar(bar)
    , m_engine(engine)
    , m_usage(usage)
    , m_rollouts(rollouts)
{
    const auto label = [this](const QString &name) {
        auto *l = new QLabel;
        l->setObjectName(name);
        l->setTextFormat(Qt::PlainText);
        l->setContentsMargins(6, 0, 6, 0);
        m_bar->addPermanentWidget(l);
        return l;
    };
    m_phaseLabel = label(QStringLiteral("phaseLabel"));
    m_connectionLabel = label(QStringLiteral("connectionLabel"));
    m_pendingLabel = label(QStringLiteral("pendingLabel"));
    m_rolloutLabel = label(QStringLiteral("rolloutLabel"));
    m_headroomLabel = label(QStringLiteral("headroomLabel"));
    if (m_usage)
        connect(m_usage, &Session::ApiUsage::changed, this, &StatusBarController::updateHeadroom);
    updateHeadroom();

    using Sync::SyncEngine;
    connect(engine, &SyncEngine::loaded, this, [this] {
        updatePending();
        updateStatus();
    });
    connect(engine, &SyncEngine::pendingChanged, this, [this] {
        updatePending();
        updateStatus();
    });
    connect(engine, &SyncEngine::phaseChanged, this, &StatusBarController::updateStatus);
    connect(engine, &SyncEngine::signedOutChanged, this, &StatusBarController::updateStatus);
    connect(engine, &SyncEngine::onlineChanged, this, &StatusBarController::updateStatus);
    connect(engine, &SyncEngine::pushFinished, this, &StatusBarController::updateStatus);
    connect(engine, &SyncEngine::pullFinished, this, [this](bool ok, const QString &error) {
        updateStatus();
        if (!ok)
            showError(tr("Sync failed: %1").arg(error));
    });
    connect(engine, &SyncEngine::errorOccurred, this, &StatusBarController::showError);
    connect(engine, &SyncEngine::claimsWaiting, this, [this](const QString &reason) {
        showError(tr("Claims to customer accounts wait: %1").arg(reason));
        updateStatus();
    });
    connect(engine, &SyncEngine::changeFailed, this,
        [this](const QString &what, const QString &reason) {
            if (m_sentNoticeCount > 0)
                m_sentNoticeRefused = true;
            showError(tr("The cloud refused “%1”, so it was undone here: %2").arg(what, reason));
        });
    if (m_rollouts) {
        using Rollout::RolloutEngine;
        const auto update = &StatusBarController::updateRolloutStatus;
        connect(m_rollouts, &RolloutEngine::rolloutAdded, this, update);
        connect(m_rollouts, &RolloutEngine::rolloutChanged, this, update);
        connect(m_rollouts, &RolloutEngine::rolloutRemoved, this, update);
        connect(m_rollouts, &RolloutEngine::devicesChanged, this, update);
        connect(
            m_rollouts, &RolloutEngine::problem, this, [this](qint64 id, const QString &message) {
                const Domain::Rollout *r = m_rollouts->rollout(id);
                showError(r ? tr("Rollout %1: %2").arg(Tree::rolloutTitle(*r), message) : message);
            });
    }
    updateRolloutStatus();
    if (m_engine->isLoaded())
        updatePending();
    updateStatus();
}

StatusBarController::~StatusBarController() = default;

void StatusBarController::setConnectionDescription(const QString &text)
{
    m_connection = text;
    updateStatus();
}

void StatusBarController::setSyncAction(QAction *action)
{
    m_syncAction = action;
    updateStatus();
}

void StatusBarController::showError(const QString &message)
{
    qCInfo(lcViews) << "shown to the user:" << message;
    m_bar->showMessage(message, ErrorNoticeMs);
}

void StatusBarController::showMessage(const QString &message, int timeoutMs)
{
    m_bar->showMessage(message, timeoutMs);
}

void StatusBarController::updateStatus()
{
    QString phase;
    if (!m_engine->blockedReason().isEmpty()) {
        phase = tr("Local cache damaged: nothing is loaded or sent");
    } else if (!m_engine->isLoaded()) {
        phase = tr("Loading the cache…");
    } else if (m_engine->isPulling()) {
        phase = tr("Syncing with the cloud…");
    } else if (m_engine->isPushing()) {
        phase = tr("Sending changes…");
    } else if (m_engine->lastFullPullMs() > 0) {
        phase = tr("Synced at %1")
                    .arg(QLocale().toString(
                        QDateTime::fromMSecsSinceEpoch(m_engine->lastFullPullMs()).time(),
                        QLocale::ShortFormat));
    } else {
        phase = tr("Not synced yet");
    }
    m_phaseLabel->setText(phase);

    QString connection;
    QString color;
    if (m_engine->isSignedOut() || (m_usage && m_usage->isSignedOut())) {
        connection = m_usage && m_usage->isAvailable() && !m_usage->hasAccessToken()
            ? tr("Not signed in")
            : tr("Signed out: sign in to sync");
        color = QStringLiteral("#b02020");
    } else if (m_engine->heldCount() > 0) {
        // Lasting, unlike the message that said it first: claims wait until the product's
        // OAuth client is entered again (File menu), or a lockout is over.
        connection = tr("%Ln claims to customers wait", nullptr, m_engine->heldCount());
        color = QStringLiteral("#b35c00");
    } else if (m_engine->isPaused()) {
        connection = tr("Working offline");
        color = QStringLiteral("#b35c00");
    } else if (!m_engine->isOnline()) {
        connection = tr("Offline: changes are queued");
        color = QStringLiteral("#b35c00");
    } else {
        connection = m_connection.isEmpty() ? tr("Online") : tr("Online (%1)").arg(m_connection);
    }
    m_connectionLabel->setText(connection);
    m_connectionLabel->setToolTip(m_engine->heldCount() > 0 ? m_engine->heldReason() : QString());
    m_connectionLabel->setStyleSheet(
        color.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(color));
    if (m_syncAction)
        m_syncAction->setEnabled(m_engine->isLoaded() && !m_engine->isPulling());
}

void StatusBarController::updatePending()
{
    const int count = m_engine->pendingCount();
    if (count == 0) {
        m_pendingLabel->setText(tr("All changes sent"));
        m_pendingLabel->setToolTip(tr("Every local change has been confirmed by the cloud"));
    } else {
        const int devices = static_cast<int>(m_engine->pendingDevices().size());
        m_pendingLabel->setText(tr("%Ln pending changes", nullptr, count));
        m_pendingLabel->setToolTip(
            tr("Changes made here and not yet confirmed by the cloud (%Ln devices)", nullptr,
                devices));
    }
    if (count == 0 && m_sentNoticeCount > 0)
        QTimer::singleShot(0, this, &StatusBarController::reportSent);
}

void StatusBarController::updateHeadroom()
{
    if (!m_usage || !m_usage->isAvailable()) {
        m_headroomLabel->clear();
        return;
    }
    const QLocale locale;
    m_headroomLabel->setText(
        tr("API: %1 of %2 requests left")
            .arg(locale.toString(m_usage->headroom()), locale.toString(m_usage->rateLimit())));
    m_headroomLabel->setToolTip(
        tr("Particle allows %1 requests per %2 minutes; %3 were made in the current window")
            .arg(locale.toString(m_usage->rateLimit()),
                locale.toString(m_usage->windowSeconds() / 60),
                locale.toString(m_usage->usedInWindow())));
}

void StatusBarController::announceEdit(const QString &text, const QString &prefix)
{
    m_sentNotice = text;
    ++m_sentNoticeCount;
    const bool offline = m_engine->isPaused();
    QString message = offline ? tr("Kept here, will be sent when you go back online: %1").arg(text)
                              : tr("Done here, being sent to the cloud: %1").arg(text);
    if (!prefix.isEmpty())
        message = prefix + QLatin1Char(' ') + message;
    m_bar->showMessage(message, offline ? OfflineNoticeMs : SendingNoticeMs);
    m_lastNotice = message;
    if (!offline && m_engine->pendingCount() == 0)
        QTimer::singleShot(0, this, &StatusBarController::reportSent);
}

void StatusBarController::reportSent()
{
    // Queued after the outbox emptied: a refusal is reported right after that moment.
    if (m_sentNoticeCount == 0 || m_engine->pendingCount() > 0 || m_engine->isPaused())
        return;
    const int count = m_sentNoticeCount;
    const QString text = m_sentNotice;
    const bool refused = m_sentNoticeRefused;
    m_sentNotice.clear();
    m_sentNoticeCount = 0;
    m_sentNoticeRefused = false;
    // A refusal is what the user must read; a message other than ours stays too.
    const QString current = m_bar->currentMessage();
    if (refused || (!current.isEmpty() && current != m_lastNotice))
        return;
    QString message;
    if (text.isEmpty())
        message = tr("%Ln changes sent to the cloud", nullptr, count);
    else if (count == 1)
        message = tr("Sent to the cloud: %1").arg(text);
    else
        message
            = tr("Sent to the cloud: %1, and %Ln earlier changes", nullptr, count - 1).arg(text);
    m_bar->showMessage(message, SentNoticeMs);
    m_lastNotice = message;
}

void StatusBarController::announceOffline(bool offline)
{
    updateStatus();
    const int pending = m_engine->pendingCount();
    QString message;
    if (offline) {
        message = pending == 0
            ? tr("Working offline: edits are kept here and sent when you go back online")
            : tr("Working offline: %Ln changes kept here, will be sent when you go back online",
                nullptr, pending);
    } else if (pending > 0) {
        message = tr("Back online: sending %Ln changes to the cloud…", nullptr, pending);
        if (m_sentNoticeCount == 0) {
            // Said "sent" once they all are.
            m_sentNotice.clear();
            m_sentNoticeCount = pending;
        }
    } else {
        message = tr("Back online");
    }
    m_bar->showMessage(message, offline ? OfflineNoticeMs : SendingNoticeMs);
    m_lastNotice = message;
}

void StatusBarController::updateRolloutStatus()
{
    if (!m_rollouts) {
        m_rolloutLabel->hide();
        return;
    }
    const Tree::RolloutSource source = Tree::RolloutSource::of(m_rollouts);
    QStringList active;
    const QLocale locale;
    for (const qint64 id : m_rollouts->rolloutIds()) {
        const Domain::Rollout *r = m_rollouts->rollout(id);
        if (!r || !isActive(*r))
            continue;
        const Tree::RolloutTotals t = Tree::rolloutTotals(source, id);
        QString text = tr("Rollout %1: %2/%3")
                           .arg(Tree::rolloutTitle(*r), locale.toString(t.succeeded),
                               locale.toString(t.targeted));
        if (r->state != Domain::RolloutState::Running)
            text += tr(" (%1)").arg(Domain::displayName(r->state));
        active.append(text);
    }
    m_rolloutLabel->setVisible(!active.isEmpty());
    m_rolloutLabel->setText(active.size() <= 2
            ? active.join(QStringLiteral("; "))
            : tr("%1; and %2 more rollouts").arg(active.constFirst()).arg(active.size() - 1));
    m_rolloutLabel->setToolTip(active.join(QLatin1Char('\n')));
}

} // namespace Flotilla::Views
