// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace Flotilla::App {

// A fresh sandbox cloud for this session: `flotilla-sandbox --port 0 ...` started as a child
// process, its JSON start line read (URL, demo token, product, OAuth client), and the process
// stopped (SIGTERM, then kill) when the launcher goes away. It does not outlive the console even
// when the console is killed outright (Linux: a parent-death signal; Windows: a job object).
class SandboxLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxLauncher)

public:
    explicit SandboxLauncher(QObject *parent = nullptr);
    ~SandboxLauncher() override;

    // The flotilla-sandbox executable: $FLOTILLA_SANDBOX, else next to this executable (bin/ of
    // an installation, flotilla.app/Contents/MacOS on macOS), else in the build tree
    // (build/sandbox beside build/app). Empty, with `error` set, when none.
    static QString findExecutable(QString *error);
    // The same, for a console in `consoleDir`.
    static QString findExecutable(const QString &consoleDir, QString *error);

    using StartCallback = std::function<void(QJsonObject startLine, QString error)>;
    // Starts it with `--port 0` and `arguments`; `done` runs once, with the start line or why
    // it did not start.
    void start(const QString &program, const QStringList &arguments, StartCallback done,
        int timeoutMs = 60000);
    // Stops it (blocks up to `timeoutMs`, then kills it).
    void stop(int timeoutMs = 10000);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

private:
    void finishStart(const QJsonObject &line, const QString &error);
    QString stderrTail();

    QProcess m_process;
    QTimer m_timeout;
    QByteArray m_stdout;
    QByteArray m_stderr;
    StartCallback m_done;
#ifdef Q_OS_WIN
    void *m_job = nullptr; // the job object the sandbox runs in (HANDLE)
#endif
};

} // namespace Flotilla::App
