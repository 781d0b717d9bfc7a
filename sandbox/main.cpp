// SPDX-License-Identifier: MIT
// flotilla-sandbox: the sandbox cloud executable. Prints one JSON start line on stdout, serves
// until SIGINT/SIGTERM, then saves --state and exits 0.
#include "src/options.h"
#include "src/sandbox.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalFds[0], &byte, 1);
}

void installSignalHandlers(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalFds[1], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}
} // namespace
#elif defined(Q_OS_WIN)
#include <QMetaObject>
#include <qt_windows.h>

namespace {
// Ctrl+C and Ctrl+Break in the console it runs in: an orderly quit (the --state file is saved).
// Windows calls this on a thread of its own; the quit is queued to the main thread.
BOOL WINAPI onConsoleEvent(DWORD event)
{
    if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT)
        return FALSE;
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), &QCoreApplication::quit, Qt::QueuedConnection);
    return TRUE;
}
void installSignalHandlers(QCoreApplication &)
{
    ::SetConsoleCtrlHandler(onConsoleEvent, TRUE);
}
} // namespace
#else
namespace {
void installSignalHandlers(QCoreApplication &) { }
} // namespace
#endif

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("flotilla-sandbox"));
    QCoreApplication::setOrganizationName(QStringLiteral("Flotilla"));
    // Everything but the start line goes to stderr.
    qSetMessagePattern(QStringLiteral("%{time hh:mm:ss.zzz} %{category} %{type}: %{message}"));
    QLoggingCategory::setFilterRules(QStringLiteral("flotilla.*.debug=false"));

    using namespace Flotilla::Sandbox;
    const ParsedOptions parsed = parseOptions(QCoreApplication::arguments());
    if (parsed.help) {
        std::fputs(parsed.helpText.toLocal8Bit().constData(), stdout);
        return 0;
    }
    if (!parsed.error.isEmpty()) {
        std::fprintf(stderr, "flotilla-sandbox: %s\n\n%s", parsed.error.toLocal8Bit().constData(),
            parsed.helpText.toLocal8Bit().constData());
        return 2;
    }
    installSignalHandlers(app);
    Sandbox sandbox(parsed.options);
    QString error;
    if (!sandbox.start(&error)) {
        std::fprintf(stderr, "flotilla-sandbox: %s\n", error.toLocal8Bit().constData());
        return 1;
    }
    const QByteArray line = sandbox.startLine() + '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fflush(stdout);

    const int code = QCoreApplication::exec();
    if (!sandbox.saveState(&error)) {
        std::fprintf(
            stderr, "flotilla-sandbox: cannot save state: %s\n", error.toLocal8Bit().constData());
        return 1;
    }
    return code;
}
