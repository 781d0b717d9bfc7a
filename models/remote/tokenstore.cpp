// SPDX-License-Identifier: MIT
#include "tokenstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <functional>

namespace Flotilla::Remote {

QString OAuthClient::toStored() const
{
    const QJsonObject o {{QStringLiteral("id"), id}, {QStringLiteral("secret"), secret}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

OAuthClient OAuthClient::fromStored(const QString &stored)
{
    const QJsonObject o = QJsonDocument::fromJson(stored.toUtf8()).object();
    OAuthClient client;
    client.id = o.value(QStringLiteral("id")).toString();
    client.secret = o.value(QStringLiteral("secret")).toString();
    if (!client.isValid())
        return {};
    return client;
}

namespace {

// Runs `f` from the event loop, on `context`'s thread, unless `context` is gone by then. Without
// a context it runs on the current thread's event loop.
void later(QObject *context, std::function<void()> f)
{
    if (context)
        QTimer::singleShot(0, context, std::move(f));
    else
        QTimer::singleShot(0, std::move(f));
}

} // namespace

void MemoryTokenStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    std::optional<QString> value;
    QString error = m_failure;
    if (error.isEmpty()) {
        const auto it = m_values.constFind(key);
        if (it != m_values.constEnd())
            value = *it;
    }
    later(context, [callback = std::move(callback), value, error] { callback(value, error); });
}

void MemoryTokenStore::write(
    const QString &key, const QString &value, QObject *context, DoneCallback callback)
{
    const QString error = m_failure;
    if (error.isEmpty())
        m_values.insert(key, value);
    later(context, [callback = std::move(callback), error] { callback(error); });
}

void MemoryTokenStore::remove(const QString &key, QObject *context, DoneCallback callback)
{
    const QString error = m_failure;
    if (error.isEmpty())
        m_values.remove(key);
    later(context, [callback = std::move(callback), error] { callback(error); });
}

KeychainTokenStore::KeychainTokenStore(QString service)
    : m_service(std::move(service))
{ }

namespace {

// Sets up a keychain job for `key` (never the insecure fallback) and runs `onFinished` when it
// ends, unless `context` was given and has been destroyed by then.
void runJob(QKeychain::Job *job, const QString &key, QObject *context,
    std::function<void(QKeychain::Job *)> onFinished)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    const bool hasContext = context != nullptr;
    QObject::connect(job, &QKeychain::Job::finished, context ? context : job,
        [onFinished = std::move(onFinished), guard = QPointer<QObject>(context), hasContext](
            QKeychain::Job *finished) {
            if (hasContext && !guard)
                return;
            onFinished(finished);
        });
    job->start();
}

} // namespace

void KeychainTokenStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    runJob(new QKeychain::ReadPasswordJob(m_service), key, context,
        [callback = std::move(callback)](QKeychain::Job *finished) {
            auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
            switch (readJob->error()) {
            case QKeychain::NoError:
                callback(readJob->textData(), QString());
                break;
            case QKeychain::EntryNotFound:
                callback(std::nullopt, QString());
                break;
            default:
                callback(std::nullopt, readJob->errorString());
                break;
            }
        });
}

void KeychainTokenStore::write(
    const QString &key, const QString &value, QObject *context, DoneCallback callback)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(value);
    runJob(job, key, context, [callback = std::move(callback)](QKeychain::Job *finished) {
        callback(finished->error() == QKeychain::NoError ? QString() : finished->errorString());
    });
}

void KeychainTokenStore::remove(const QString &key, QObject *context, DoneCallback callback)
{
    runJob(new QKeychain::DeletePasswordJob(m_service), key, context,
        [callback = std::move(callback)](QKeychain::Job *finished) {
            const QKeychain::Error error = finished->error();
            callback(error == QKeychain::NoError || error == QKeychain::EntryNotFound
                    ? QString()
                    : finished->errorString());
        });
}

} // namespace Flotilla::Remote
