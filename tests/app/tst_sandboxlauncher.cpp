// SPDX-License-Identifier: MIT
// Where the console finds flotilla-sandbox: installed next to it, in the build tree, or named by
// FLOTILLA_SANDBOX.
#include "app/sandboxlauncher.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using Flotilla::App::SandboxLauncher;

namespace {

#ifdef Q_OS_WIN
const QString SandboxName = QStringLiteral("flotilla-sandbox.exe");
#else
const QString SandboxName = QStringLiteral("flotilla-sandbox");
#endif

// An executable file at `path` (its content does not matter: it is only looked for).
bool makeExecutable(const QString &path, bool executable = true)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write("#!/bin/sh\n");
    file.close();
    QFileDevice::Permissions permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (executable)
        permissions |= QFileDevice::ExeOwner;
    return file.setPermissions(permissions);
}

} // namespace

class TestSandboxLauncher final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { qunsetenv("FLOTILLA_SANDBOX"); }
    void cleanup() { qunsetenv("FLOTILLA_SANDBOX"); }

    // Layouts relative to a temporary root: where the console is, where the sandbox is, which
    // one is found (empty: none).
    void findsTheSandbox_data()
    {
        QTest::addColumn<QString>("consoleDir");
        QTest::addColumn<QStringList>("sandboxes");
        QTest::addColumn<QString>("found");
        QTest::newRow("installed, next to the console")
            << QStringLiteral("usr/bin") << QStringList {QStringLiteral("usr/bin/") + SandboxName}
            << QStringLiteral("usr/bin/") + SandboxName;
        QTest::newRow("build tree") << QStringLiteral("build/app")
                                    << QStringList {QStringLiteral("build/sandbox/") + SandboxName}
                                    << QStringLiteral("build/sandbox/") + SandboxName;
        QTest::newRow("next to the console before the build tree")
            << QStringLiteral("build/app")
            << QStringList {QStringLiteral("build/sandbox/") + SandboxName,
                   QStringLiteral("build/app/") + SandboxName}
            << QStringLiteral("build/app/") + SandboxName;
#ifdef Q_OS_MACOS
        QTest::newRow("build tree, console bundle")
            << QStringLiteral("build/app/flotilla.app/Contents/MacOS")
            << QStringList {QStringLiteral("build/sandbox/") + SandboxName}
            << QStringLiteral("build/sandbox/") + SandboxName;
#endif
        QTest::newRow("none") << QStringLiteral("opt/flotilla") << QStringList {} << QString();
        QTest::newRow("elsewhere")
            << QStringLiteral("opt/flotilla")
            << QStringList {QStringLiteral("opt/tools/") + SandboxName} << QString();
    }
    void findsTheSandbox()
    {
        QFETCH(QString, consoleDir);
        QFETCH(QStringList, sandboxes);
        QFETCH(QString, found);
        QTemporaryDir root;
        QVERIFY(root.isValid());
        QVERIFY(QDir(root.path()).mkpath(consoleDir));
        for (const QString &sandbox : std::as_const(sandboxes))
            QVERIFY(makeExecutable(root.filePath(sandbox)));

        QString error;
        const QString program = SandboxLauncher::findExecutable(root.filePath(consoleDir), &error);
        if (found.isEmpty()) {
            QVERIFY(program.isEmpty());
            // The message says how to go on: name it, or use the real cloud.
            QVERIFY2(error.contains(QStringLiteral("FLOTILLA_SANDBOX")), qPrintable(error));
        } else {
            QCOMPARE(program, QDir::cleanPath(root.filePath(found)));
            QVERIFY(error.isEmpty());
        }
    }

    void environmentComesFirst()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        QVERIFY(makeExecutable(root.filePath(QStringLiteral("bin/") + SandboxName)));
        const QString chosen = root.filePath(QStringLiteral("elsewhere/") + SandboxName);
        QVERIFY(makeExecutable(chosen));
        qputenv("FLOTILLA_SANDBOX", QFile::encodeName(chosen));
        QString error;
        QCOMPARE(
            SandboxLauncher::findExecutable(root.filePath(QStringLiteral("bin")), &error), chosen);
    }

#ifndef Q_OS_WIN // Windows has no executable bit to take away
    void environmentNamingNoExecutableIsAnError()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        QVERIFY(makeExecutable(root.filePath(QStringLiteral("bin/") + SandboxName)));
        const QString plain = root.filePath(QStringLiteral("notes.txt"));
        QVERIFY(makeExecutable(plain, false));
        qputenv("FLOTILLA_SANDBOX", QFile::encodeName(plain));
        QString error;
        // Not silently the one next to the console: the setting names another.
        QVERIFY(SandboxLauncher::findExecutable(root.filePath(QStringLiteral("bin")), &error)
                    .isEmpty());
        QVERIFY2(error.contains(plain), qPrintable(error));
    }
#endif
};

QTEST_GUILESS_MAIN(TestSandboxLauncher)
#include "tst_sandboxlauncher.moc"
