// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

namespace Flotilla::Session {
class SandboxAdmin;
}

namespace Flotilla::App {

// A fresh sandbox cloud for this session: `flotilla-sandbox --port 0 ...` started as a child
// process, its JSON start line read (URL, demo token, product, OAuth client), and the process
// stopped (SIGTERM, then kill) when the launcher goes away. It does not outlive the console even
// when the console is killed outright (Linux: a parent-death signal; Windows: a job object).
// stopped (SIGTERM, then kill) when the launcher goes away. A sandbox with a state file
// (`--state FILE`, the demo's) can be kept saved: keepSaved() has it write its state
// periodically (POST /admin/save) and once more before it is stopped, so that its state
// survives the console being killed, on every platform (Windows has no SIGTERM).
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
    qint64 processId() const { return m_process.processId(); }

    // Once started: saves the sandbox's state every `intervalMs` and before stop().
    void keepSaved(int intervalMs);
    // Asks the sandbox to save its state now (POST /admin/save with the start line's
    // admin_token) and waits up to `timeoutMs` for it; true when it answered that it did.
    bool saveNow(int timeoutMs = 10000);
    // Sends the save request without waiting (periodic saves); `done` gets whether it saved.
    void requestSave(std::function<void(bool saved)> done = {});

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
    QUrl m_url; // from the start line
    QString m_adminToken;
    std::unique_ptr<Session::SandboxAdmin> m_admin; // its admin routes, once started
    QTimer m_saveTimer;
    bool m_keepSaved = false;
};

} // namespace Flotilla::App
