// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QLabel;
class QStatusBar;

namespace Flotilla::Rollout {
class RolloutEngine;
}
namespace Flotilla::Session {
class ApiUsage;
}
namespace Flotilla::Sync {
class SyncEngine;
}

namespace Flotilla::Views {

// The main window's status bar: the lasting labels (sync phase, connection, pending changes,
// running rollouts, API headroom), following the engines by itself, and the passing messages:
// errors and refusals, and the notices of edits ("Done here, being sent to the cloud: …", then
// "Sent to the cloud: …" once every change has been confirmed).
class StatusBarController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusBarController)

public:
    // `usage` and `rollouts` may be null (nothing shown of them).
    StatusBarController(QStatusBar *bar, Sync::SyncEngine *engine, Session::ApiUsage *usage,
        Rollout::RolloutEngine *rollouts, QObject *parent = nullptr);
    ~StatusBarController() override;

    QLabel *pendingLabel() const { return m_pendingLabel; }
    QLabel *rolloutLabel() const { return m_rolloutLabel; }

    // "Sandbox at http://127.0.0.1:41234" or "api.particle.io", in the connection label.
    void setConnectionDescription(const QString &text);
    // Enabled while a pull can start.
    void setSyncAction(QAction *action);

    // An error or a refusal: stays a while, replaced by a newer message.
    void showError(const QString &message);
    void showMessage(const QString &message, int timeoutMs);
    // "Done here, being sent to the cloud: <text>", or kept here while working offline; once
    // every change has been confirmed, "Sent to the cloud: <text>" (not when a change was
    // refused). `prefix` is what happened before, said first.
    void announceEdit(const QString &text, const QString &prefix = QString());
    // Working offline was switched on or off: what happens to the changes waiting.
    void announceOffline(bool offline);

    void updateStatus();

private:
    void updatePending();
    void updateHeadroom();
    void updateRolloutStatus();
    void reportSent();

    QStatusBar *m_bar;
    Sync::SyncEngine *m_engine;
    QPointer<Session::ApiUsage> m_usage;
    Rollout::RolloutEngine *m_rollouts;
    QPointer<QAction> m_syncAction;
    QString m_connection;
    QLabel *m_phaseLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_pendingLabel = nullptr;
    QLabel *m_rolloutLabel = nullptr;
    QLabel *m_headroomLabel = nullptr;
    // The last edit announced while changes were on their way, how many were announced since
    // the last "sent", and whether the cloud refused one meanwhile.
    QString m_sentNotice;
    int m_sentNoticeCount = 0;
    bool m_sentNoticeRefused = false;
    QString m_lastNotice; // the last status message of the edit notices
};

} // namespace Flotilla::Views
