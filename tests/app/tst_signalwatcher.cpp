// SPDX-License-Identifier: MIT
// SIGTERM and SIGINT end the console through QCoreApplication::quit() (the cache finishes its
// writes, the sandbox is stopped) instead of killing it.
#include "app/signalwatcher.h"

#include <QCoreApplication>
#include <QTest>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using Flotilla::App::SignalWatcher;

class TestSignalWatcher final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void signalQuitsTheEventLoop_data()
    {
        QTest::addColumn<int>("signal");
#ifdef Q_OS_UNIX
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
#else
        QTest::newRow("Ctrl+C") << 0;
#endif
    }
    void signalQuitsTheEventLoop()
    {
#ifndef Q_OS_UNIX
        // A console control event would reach every process of the console, the test runner
        // included.
        QSKIP("console control events are not raised in a test");
#else
        QFETCH(int, signal);
        const SignalWatcher watcher;
        QTimer::singleShot(0, this, [signal] { std::raise(signal); });
        // Without the watcher the signal ends this process; with it the loop quits with 0.
        // The second timer only keeps a broken watcher from hanging the test.
        QTimer::singleShot(30000, this, [] { QCoreApplication::exit(3); });
        QCOMPARE(QCoreApplication::exec(), 0);
#endif
    }

    void signalsAreRestoredAfterwards()
    {
#ifdef Q_OS_UNIX
        {
            const SignalWatcher watcher;
        }
        struct sigaction current
        { };
        QCOMPARE(::sigaction(SIGTERM, nullptr, &current), 0);
        QVERIFY(current.sa_handler == SIG_DFL);
#endif
    }
};

QTEST_GUILESS_MAIN(TestSignalWatcher)
#include "tst_signalwatcher.moc"
