// SPDX-License-Identifier: MIT
#include "app/signalwatcher.h"

#include "app/logging.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <QMetaObject>
#include <qt_windows.h>
#endif

namespace Flotilla::App {

#ifdef Q_OS_UNIX
namespace {

int signalFds[2] = {-1, -1};

extern "C" void onSignal(int signal)
{
    const char byte = static_cast<char>(signal);
    [[maybe_unused]] const ssize_t written = ::write(signalFds[0], &byte, 1);
}

} // namespace
#elif defined(Q_OS_WIN)
namespace {

// Runs on a thread of its own that Windows starts for the event: the quit is queued to the main
// thread. Other events (the console window closed, log off) keep their default handling.
BOOL WINAPI onConsoleEvent(DWORD event)
{
    if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT)
        return FALSE;
    qCInfo(lcApp) << "console event" << event << "received: quitting";
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), &QCoreApplication::quit, Qt::QueuedConnection);
    return TRUE;
}

} // namespace
#endif

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalFds) != 0) {
        qCWarning(lcApp) << "no socket pair for signals; Ctrl+C ends the console abruptly";
        return;
    }
    m_notifier = new QSocketNotifier(signalFds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [] {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(signalFds[1], &byte, 1);
        qCInfo(lcApp) << "signal" << int(byte) << "received: quitting";
        QCoreApplication::quit();
    });
    struct sigaction action
    { };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
#elif defined(Q_OS_WIN)
    m_consoleHandler = ::SetConsoleCtrlHandler(onConsoleEvent, TRUE) != 0;
#endif
}

SignalWatcher::~SignalWatcher()
{
#ifdef Q_OS_UNIX
    if (m_notifier) {
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGTERM, SIG_DFL);
        ::close(signalFds[0]);
        ::close(signalFds[1]);
        signalFds[0] = signalFds[1] = -1;
    }
#elif defined(Q_OS_WIN)
    if (m_consoleHandler)
        ::SetConsoleCtrlHandler(onConsoleEvent, FALSE);
#endif
}

} // namespace Flotilla::App
