// SPDX-License-Identifier: MIT
#include "app/sandboxlauncher.h"

#include "app/logging.h"
#include "session/sandboxadmin.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPointer>

#include <optional>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#elif defined(Q_OS_WIN)
#include <qt_windows.h>
#endif

namespace Flotilla::App {

namespace {

constexpr qsizetype StderrKeep = 8192;

} // namespace

SandboxLauncher::SandboxLauncher(QObject *parent)
    : QObject(parent)
{
    // Even if the console is killed outright, the sandbox does not outlive it. (macOS has no
    // such tie: a sandbox left behind by a crashed console serves until it is stopped.)
#ifdef Q_OS_LINUX
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#elif defined(Q_OS_WIN)
    // A job that ends its processes when its last handle, the console's, closes.
    m_job = ::CreateJobObjectW(nullptr, nullptr);
    if (m_job) {
        JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits {};
        limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
        ::SetInformationJobObject(
            m_job, JobObjectExtendedLimitInformation, &limits, sizeof(limits));
    }
    connect(&m_process, &QProcess::started, this, [this] {
        if (!m_job)
            return;
        const HANDLE process = ::OpenProcess(PROCESS_SET_QUOTA | PROCESS_TERMINATE, FALSE,
            static_cast<DWORD>(m_process.processId()));
        if (process) {
            ::AssignProcessToJobObject(m_job, process);
            ::CloseHandle(process);
        }
    });
#endif
    m_saveTimer.callOnTimeout(this, [this] { requestSave(); });
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finishStart({}, tr("The sandbox did not start in time. %1").arg(stderrTail()));
        stop(2000);
    });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] {
        m_stdout += m_process.readAllStandardOutput();
        if (!m_done)
            return; // only the start line matters
        const qsizetype end = m_stdout.indexOf('\n');
        if (end < 0)
            return;
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(m_stdout.left(end), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            finishStart(
                {}, tr("The sandbox's start line is not JSON: %1").arg(error.errorString()));
        else
            finishStart(doc.object(), QString());
    });
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        m_stderr += m_process.readAllStandardError();
        if (m_stderr.size() > StderrKeep)
            m_stderr = m_stderr.right(StderrKeep);
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finishStart(
                {}, tr("The sandbox could not be started: %1").arg(m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        qCInfo(lcApp) << "sandbox exited:" << code << status;
        finishStart({},
            tr("The sandbox exited before it was ready (exit code %1). %2")
                .arg(code)
                .arg(stderrTail()));
    });
}

SandboxLauncher::~SandboxLauncher()
{
    m_done = nullptr;
    stop();
#ifdef Q_OS_WIN
    if (m_job)
        ::CloseHandle(m_job);
#endif
}

QString SandboxLauncher::findExecutable(QString *error)
{
    return findExecutable(QCoreApplication::applicationDirPath(), error);
}

QString SandboxLauncher::findExecutable(const QString &consoleDir, QString *error)
{
    const QString fromEnv = qEnvironmentVariable("FLOTILLA_SANDBOX");
    if (!fromEnv.isEmpty()) {
        if (QFileInfo(fromEnv).isExecutable())
            return fromEnv;
        if (error)
            *error = tr("FLOTILLA_SANDBOX is set to %1, which is not an executable file.")
                         .arg(fromEnv);
        return QString();
    }
#ifdef Q_OS_WIN
    const QString name = QStringLiteral("flotilla-sandbox.exe");
#else
    const QString name = QStringLiteral("flotilla-sandbox");
#endif
    const QDir dir(consoleDir);
    QStringList candidates {dir.filePath(name), dir.filePath(QStringLiteral("../sandbox/") + name)};
#ifdef Q_OS_MACOS
    // The build tree's console is build/app/flotilla.app/Contents/MacOS/flotilla.
    candidates.append(dir.filePath(QStringLiteral("../../../../sandbox/") + name));
#endif
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isExecutable())
            return QDir::cleanPath(candidate);
    }
    if (error)
        *error = tr("The sandbox cloud (flotilla-sandbox) was not found next to Flotilla or in "
                    "the build tree; set FLOTILLA_SANDBOX to its path, or use --api and "
                    "--product for the real cloud.");
    return QString();
}

void SandboxLauncher::start(
    const QString &program, const QStringList &arguments, StartCallback done, int timeoutMs)
{
    m_done = std::move(done);
    m_stdout.clear();
    m_stderr.clear();
    m_process.setProgram(program);
    m_process.setArguments(QStringList {QStringLiteral("--port"), QStringLiteral("0")} + arguments);
    qCInfo(lcApp) << "starting the sandbox:" << program << m_process.arguments();
    m_timeout.start(timeoutMs);
    m_process.start(QIODevice::ReadOnly);
}

void SandboxLauncher::finishStart(const QJsonObject &line, const QString &error)
{
    m_timeout.stop();
    if (error.isEmpty()) {
        m_url = QUrl(line.value(QStringLiteral("url")).toString());
        m_adminToken = line.value(QStringLiteral("admin_token")).toString();
    }
    if (!m_done)
        return;
    const StartCallback done = std::move(m_done);
    m_done = nullptr;
    done(line, error);
}

QString SandboxLauncher::stderrTail()
{
    m_stderr += m_process.readAllStandardError();
    const QString text = QString::fromUtf8(m_stderr).trimmed();
    if (text.isEmpty())
        return QString();
    return tr("Its last messages: %1").arg(text.right(600));
}

void SandboxLauncher::keepSaved(int intervalMs)
{
    m_keepSaved = true;
    m_saveTimer.start(intervalMs);
}

void SandboxLauncher::requestSave(std::function<void(bool saved)> done)
{
    if (!isRunning() || m_adminToken.isEmpty() || !m_url.isValid()) {
        if (done)
            done(false);
        return;
    }
    if (!m_admin)
        m_admin = std::make_unique<Session::SandboxAdmin>(m_url, m_adminToken);
    m_admin->save(this, [done = std::move(done)](bool saved, const QString &error) {
        if (!saved)
            qCWarning(lcApp) << "the sandbox did not save its state:" << error;
        if (done)
            done(saved);
    });
}

bool SandboxLauncher::saveNow(int timeoutMs)
{
    if (!isRunning())
        return false;
    QEventLoop loop;
    std::optional<bool> answer;
    const QPointer<QEventLoop> waiting(&loop);
    requestSave([&answer, waiting](bool saved) {
        answer = saved;
        if (waiting)
            waiting->quit();
    });
    if (!answer) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    return answer.value_or(false);
}

void SandboxLauncher::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_saveTimer.stop();
    if (m_keepSaved && m_done == nullptr)
        saveNow(timeoutMs);
    m_done = nullptr;
    m_timeout.stop();
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
    qCInfo(lcApp) << "sandbox stopped";
}

} // namespace Flotilla::App
