// SPDX-License-Identifier: MIT
#pragma once

#include "domain/entities.h"

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Flotilla::Test {

// A flotilla-sandbox process started for one test on a random loopback port; stopped (SIGTERM,
// then kill) when the object goes away.
class SandboxProcess
{
public:
    SandboxProcess() = default;
    ~SandboxProcess();
    SandboxProcess(const SandboxProcess &) = delete;
    SandboxProcess &operator=(const SandboxProcess &) = delete;

    // Starts the sandbox with `--port 0` plus `arguments` and waits for its start line.
    bool start(const QStringList &arguments = {}, int timeoutMs = 30000);
    // SIGTERM and wait; returns the exit code (or -1 when it had to be killed).
    int stop(int timeoutMs = 15000);

    QJsonObject startLine() const { return m_startLine; }
    QByteArray rawStartLine() const { return m_rawLine; }
    QUrl url(const QString &path = QString()) const;
    QString token() const { return m_startLine.value(QStringLiteral("token")).toString(); }
    // The credential of the sandbox's /admin routes: Http(sandbox.adminToken()) sends it.
    QString adminToken() const
    {
        return m_startLine.value(QStringLiteral("admin_token")).toString();
    }
    int productId() const;
    QString productSlug() const;
    QString errorString() const { return m_error; }
    QByteArray stderrOutput();
    // What the process wrote on stdout after its start line (readable after stop()).
    QByteArray remainingStdout() { return m_process.readAllStandardOutput(); }
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
    QJsonObject m_startLine;
    QByteArray m_rawLine;
    QByteArray m_stderr;
    QString m_error;
};

// The path of the flotilla-sandbox executable under test.
QString sandboxExecutable();

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int networkError = 0;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const;
    QByteArray header(const QByteArray &name) const;
};

// A small blocking HTTP client for tests (waits with QSignalSpy; no sleeps).
class Http
{
public:
    explicit Http(QString token = QString());
    void setToken(const QString &token) { m_token = token; }
    HttpResult get(const QUrl &url);
    HttpResult del(const QUrl &url);
    HttpResult postJson(const QUrl &url, const QJsonObject &body);
    HttpResult putJson(const QUrl &url, const QJsonObject &body);
    HttpResult postForm(
        const QUrl &url, const QByteArray &form, const QByteArray &authorization = {});
    HttpResult putForm(const QUrl &url, const QByteArray &form);
    HttpResult send(const QByteArray &method, const QUrl &url, const QByteArray &body,
        const QByteArray &contentType, const QByteArray &authorization = {});
    int requestCount() const { return m_requests; }

private:
    QNetworkAccessManager m_nam;
    QString m_token;
    int m_requests = 0;
};

// The serial numbers of the sandbox's factory stock (units in no product yet), as
// GET /admin/stock lists them.
QStringList stockSerials(SandboxProcess &sandbox);

// The product's devices as the sandbox has them (every page, by device ID), parsed like the
// console parses them.
QHash<QString, Domain::Device> cloudDevices(SandboxProcess &sandbox);
// How many requests the sandbox counted for `route` (as in GET /admin/stats' by_route, e.g.
// "GET /v1/products/:p/devices/:id").
int routeCount(SandboxProcess &sandbox, const QString &route);

} // namespace Flotilla::Test
