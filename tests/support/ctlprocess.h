// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QUrl>

#include <memory>

namespace Flotilla::Test {

// What one flotillactl run gave.
struct CtlResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool finished = false;
    QJsonObject object() const { return QJsonDocument::fromJson(out).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(out).array(); }
    // True when stdout is exactly one JSON document (object or array).
    bool isJson() const
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(out, &error);
        return error.error == QJsonParseError::NoError && !document.isNull();
    }
    // For failure messages.
    QByteArray describe() const
    {
        return QByteArray("exit ") + QByteArray::number(exitCode) + "\n--- stdout:\n" + out
            + "\n--- stderr:\n" + err;
    }
};

// Runs the flotillactl under test (FLOTILLACTL_EXE) against one cloud and one cache, with its
// settings and data in a folder of the test (never the user's) and tokens kept in memory only.
class CtlProcess
{
public:
    explicit CtlProcess(const QString &home)
        : m_home(home)
    {
        QDir(home).mkpath(QStringLiteral("config"));
        QDir(home).mkpath(QStringLiteral("data"));
    }

    // --api URL --product ID, the token in FLOTILLA_TOKEN, the cache at `cachePath`.
    void setCloud(const QUrl &api, int productId, const QString &token, const QString &cachePath)
    {
        m_cloud = {QStringLiteral("--api"), api.toString(), QStringLiteral("--product"),
            QString::number(productId), QStringLiteral("--cache"), cachePath};
        m_token = token;
    }
    void setToken(const QString &token) { m_token = token; }
    // Runs this thread's event loop while a command runs (for sessions of the test itself).
    void setSpinEvents(bool spin) { m_spin = spin; }
    QStringList cloudArguments() const { return m_cloud; }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home + QStringLiteral("/data"));
        env.insert(QStringLiteral("FLOTILLA_TOKEN_STORE"), QStringLiteral("memory"));
        env.remove(QStringLiteral("FLOTILLA_TOKEN"));
        if (!m_token.isEmpty())
            env.insert(QStringLiteral("FLOTILLA_TOKEN"), m_token);
        return env;
    }

    // Starts `flotillactl [cloud arguments] arguments` (for commands that run a while).
    std::unique_ptr<QProcess> start(const QStringList &arguments, bool withCloud = true) const
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment());
        process->setProgram(QStringLiteral(FLOTILLACTL_EXE));
        process->setArguments((withCloud ? m_cloud : QStringList()) + arguments);
        process->start();
        return process;
    }

    // Runs it to the end (at most `timeoutMs`), with `input` on stdin.
    CtlResult run(const QStringList &arguments, const QByteArray &input = {}, bool withCloud = true,
        int timeoutMs = 120000) const
    {
        std::unique_ptr<QProcess> process = start(arguments, withCloud);
        CtlResult result;
        if (!process->waitForStarted(30000))
            return result;
        if (!input.isEmpty())
            process->write(input);
        process->closeWriteChannel();
        // With a cloud session of the test on the same cache (a console), its event loop runs
        // while flotillactl waits for it to send.
        result.finished = m_spin
            ? QTest::qWaitFor(
                [&process] { return process->state() == QProcess::NotRunning; }, timeoutMs)
            : process->waitForFinished(timeoutMs);
        if (!result.finished) {
            process->kill();
            process->waitForFinished(10000);
        }
        result.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
        result.out = process->readAllStandardOutput();
        result.err = process->readAllStandardError();
        return result;
    }

private:
    QString m_home;
    QStringList m_cloud;
    QString m_token;
    bool m_spin = false;
};

} // namespace Flotilla::Test
