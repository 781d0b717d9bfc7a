// SPDX-License-Identifier: MIT
#include "sandboxprocess.h"

#include <QBuffer>
#include <QJsonArray>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

namespace Flotilla::Test {

QString sandboxExecutable()
{
    return QStringLiteral(FLOTILLA_SANDBOX_EXE);
}

SandboxProcess::~SandboxProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        stop(5000);
}

bool SandboxProcess::start(const QStringList &arguments, int timeoutMs)
{
    m_process.setProgram(sandboxExecutable());
    m_process.setArguments(QStringList {QStringLiteral("--port"), QStringLiteral("0")} + arguments);
    m_process.start();
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = m_process.errorString();
        return false;
    }
    const bool gotLine = QTest::qWaitFor(
        [this] { return m_process.canReadLine() || m_process.state() == QProcess::NotRunning; },
        timeoutMs);
    if (!gotLine || !m_process.canReadLine()) {
        m_error
            = QStringLiteral("no start line; stderr: %1").arg(QString::fromUtf8(stderrOutput()));
        return false;
    }
    m_rawLine = m_process.readLine().trimmed();
    QJsonParseError parseError {};
    m_startLine = QJsonDocument::fromJson(m_rawLine, &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        m_error = QStringLiteral("start line is not JSON: %1").arg(QString::fromUtf8(m_rawLine));
        return false;
    }
    return true;
}

int SandboxProcess::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitCode();
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QByteArray SandboxProcess::stderrOutput()
{
    m_stderr += m_process.readAllStandardError();
    return m_stderr;
}

QUrl SandboxProcess::url(const QString &path) const
{
    return QUrl(m_startLine.value(QStringLiteral("url")).toString() + path);
}

int SandboxProcess::productId() const
{
    return m_startLine.value(QStringLiteral("product"))
        .toObject()
        .value(QStringLiteral("id"))
        .toInt();
}

QString SandboxProcess::productSlug() const
{
    return m_startLine.value(QStringLiteral("product"))
        .toObject()
        .value(QStringLiteral("slug"))
        .toString();
}

QJsonArray HttpResult::array() const
{
    return QJsonDocument::fromJson(body).array();
}

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

Http::Http(QString token)
    : m_token(std::move(token))
{ }

HttpResult Http::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
    const QByteArray &contentType, const QByteArray &authorization)
{
    QNetworkRequest request(url);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    else if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    ++m_requests;
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(30000);
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    result.networkError = reply->error();
    reply->deleteLater();
    return result;
}

HttpResult Http::get(const QUrl &url)
{
    return send("GET", url, {}, {});
}

HttpResult Http::del(const QUrl &url)
{
    return send("DELETE", url, {}, {});
}

HttpResult Http::postJson(const QUrl &url, const QJsonObject &body)
{
    return send(
        "POST", url, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
}

HttpResult Http::putJson(const QUrl &url, const QJsonObject &body)
{
    return send("PUT", url, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
}

HttpResult Http::postForm(const QUrl &url, const QByteArray &form, const QByteArray &authorization)
{
    return send("POST", url, form, "application/x-www-form-urlencoded", authorization);
}

HttpResult Http::putForm(const QUrl &url, const QByteArray &form)
{
    return send("PUT", url, form, "application/x-www-form-urlencoded");
}

QStringList stockSerials(SandboxProcess &sandbox)
{
    QStringList out;
    const QJsonArray stock = Http(sandbox.adminToken())
                                 .get(sandbox.url(QStringLiteral("/admin/stock")))
                                 .json()
                                 .value(QStringLiteral("stock"))
                                 .toArray();
    for (const QJsonValue &v : stock)
        out.append(v.toObject().value(QStringLiteral("serial_number")).toString());
    return out;
}

QHash<QString, Domain::Device> cloudDevices(SandboxProcess &sandbox)
{
    Http http(sandbox.token());
    QHash<QString, Domain::Device> out;
    for (int page = 1;; ++page) {
        const QJsonObject body
            = http.get(sandbox.url(QStringLiteral(
                           "/v1/products/%1/devices?sortAttr=deviceId&perPage=100&page=%2")
                                       .arg(sandbox.productId())
                                       .arg(page)))
                  .json();
        for (const QJsonValue &v : body.value(QStringLiteral("devices")).toArray()) {
            QString error;
            const auto d = Domain::deviceFromJson(v.toObject(), &error);
            if (d)
                out.insert(d->id, *d);
        }
        if (page >= body.value(QStringLiteral("meta"))
                        .toObject()
                        .value(QStringLiteral("total_pages"))
                        .toInt())
            return out;
    }
}

int routeCount(SandboxProcess &sandbox, const QString &route)
{
    return Http(sandbox.adminToken())
        .get(sandbox.url(QStringLiteral("/admin/stats")))
        .json()
        .value(QStringLiteral("by_route"))
        .toObject()
        .value(route)
        .toInt();
}

} // namespace Flotilla::Test
