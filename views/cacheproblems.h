// SPDX-License-Identifier: MIT
#pragma once

#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace Flotilla::Store {
struct CacheDamage;
struct RepairReport;
} // namespace Flotilla::Store

namespace Flotilla::Sync {
class SyncEngine;
}

namespace Flotilla::Views {

// What the window says when the local cache is damaged or cannot be read: a dialog, never a
// passing message. It asks before a repair that loses changes not yet sent, says what a repair
// did (and which changes not yet sent were kept), and offers to set an unreadable cache aside.
class CacheProblems final : public QObject
{
    Q_OBJECT
public:
    CacheProblems(Sync::SyncEngine *engine, QWidget *window);

    // The cache could not be opened or read at all (`reason` says why).
    void showUnusable(const QString &reason);
    // The rollouts kept in the cache could not be read (`reason` says why).
    void showRolloutsUnreadable(const QString &reason);
    // The dialog on screen, if any (for tests).
    QMessageBox *dialog() const { return m_dialog; }

Q_SIGNALS:
    // The user chose to set the unreadable cache aside and start a new one.
    void setAsideRequested();
    // The user chose to quit and leave the cache file as it is.
    void quitRequested();

private:
    void showDamaged(const Store::CacheDamage &damage);
    void showRepaired(const Store::RepairReport &report, const Store::CacheDamage &damage);
    QMessageBox *newDialog(QMessageBox::Icon icon, const QString &title, const QString &text);

    Sync::SyncEngine *m_engine;
    QWidget *m_window;
    QPointer<QMessageBox> m_dialog;
};

} // namespace Flotilla::Views
