// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QSocketNotifier;

namespace Flotilla::App {

// Turns SIGINT and SIGTERM (Ctrl+C in the terminal that started the console, or a service
// manager stopping it) into an orderly QCoreApplication::quit(), so that the cache finishes its
// writes and the sandbox is stopped. On Windows the same for Ctrl+C and Ctrl+Break in the
// console that started it (SetConsoleCtrlHandler).
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

private:
    QSocketNotifier *m_notifier = nullptr;
    [[maybe_unused]] bool m_consoleHandler = false; // Windows
};

} // namespace Flotilla::App
