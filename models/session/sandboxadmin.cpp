// SPDX-License-Identifier: MIT
#include "session/sandboxadmin.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

namespace Flotilla::Session {

namespace {
constexpr int SaveTimeoutMs = 10000;
}

SandboxAdmin::SandboxAdmin(const QUrl &url, const QString &adminToken, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_adminToken(adminToken)
    , m_nam(std::make_unique<QNetworkAccessManager>())
{ }

SandboxAdmin::~SandboxAdmin() = default;

void SandboxAdmin::save(QObject *context, std::function<void(bool, QString)> done)
{
    QUrl url = m_url;
    url.setPath(QStringLiteral("/admin/save"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_adminToken.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(SaveTimeoutMs);
    QNetworkReply *reply = m_nam->post(request, QByteArrayLiteral("{}"));
    const QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [reply, guard, done = std::move(done)] {
        reply->deleteLater();
        if (!guard)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::NoError && status / 100 == 2)
            done(true, QString());
        else
            done(false, status > 0 ? QStringLiteral("HTTP %1").arg(status) : reply->errorString());
    });
}

} // namespace Flotilla::Session
