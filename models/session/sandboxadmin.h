// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Flotilla::Session {

// The admin routes of a sandbox cloud that this computer started (on loopback), with the
// admin_token of its start line: for the console that keeps a demo's sandbox saved.
class SandboxAdmin final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxAdmin)

public:
    SandboxAdmin(const QUrl &url, const QString &adminToken, QObject *parent = nullptr);
    ~SandboxAdmin() override;

    // POST /admin/save: the sandbox writes its --state file now. `done` gets whether it did
    // (and why not); dropped if `context` is gone by then.
    void save(QObject *context, std::function<void(bool saved, QString error)> done);

private:
    QUrl m_url;
    QString m_adminToken;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

} // namespace Flotilla::Session
