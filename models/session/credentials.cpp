// SPDX-License-Identifier: MIT
#include "session/credentials.h"

#include "remote/tokenstore.h"

#include <QPointer>

namespace Flotilla::Session {

namespace {

QString hostKey(const QUrl &apiUrl)
{
    return apiUrl.host(QUrl::FullyEncoded).toLower()
        + (apiUrl.port() > 0 ? QLatin1Char(':') + QString::number(apiUrl.port()) : QString());
}

} // namespace

std::shared_ptr<Remote::TokenStore> Credentials::makeStore(Keeping keeping)
{
    if (keeping == Keeping::MemoryOnly)
        return std::make_shared<Remote::MemoryTokenStore>();
    return std::make_shared<Remote::KeychainTokenStore>();
}

Credentials::Credentials(Remote::TokenStore *store)
    : m_store(store)
{ }

Credentials::~Credentials() = default;

QString Credentials::tokenKey(const QUrl &apiUrl, const QString &username)
{
    const QString cloud = QStringLiteral("access-token/") + hostKey(apiUrl);
    return username.isEmpty() ? cloud : cloud + QLatin1Char('/') + username.toLower();
}

QString Credentials::productClientKey(const QUrl &apiUrl, int productId)
{
    return QStringLiteral("oauth-client-secret/") + hostKey(apiUrl) + QLatin1Char('/')
        + QString::number(productId);
}

void Credentials::readToken(const QUrl &apiUrl, const QString &username, QObject *context,
    std::function<void(std::optional<QString>, QString)> done) const
{
    if (username.isEmpty()) {
        m_store->read(tokenKey(apiUrl), context, std::move(done));
        return;
    }
    Remote::TokenStore *store = m_store;
    const QPointer<QObject> guard(context);
    m_store->read(tokenKey(apiUrl, username), context,
        [store, apiUrl, guard, done = std::move(done)](
            std::optional<QString> token, QString error) {
            if ((token && !token->isEmpty()) || !error.isEmpty() || !guard) {
                done(token, error);
                return;
            }
            store->read(tokenKey(apiUrl), guard, done);
        });
}

void Credentials::writeToken(const QUrl &apiUrl, const QString &username, const QString &token,
    QObject *context, std::function<void(QString error)> done) const
{
    m_store->write(tokenKey(apiUrl, username), token, context, std::move(done));
}

void Credentials::forgetToken(const QUrl &apiUrl, const QString &username, QObject *context,
    std::function<void(QString error)> done) const
{
    if (username.isEmpty()) {
        m_store->remove(tokenKey(apiUrl), context, std::move(done));
        return;
    }
    // The account's own token, and the cloud's one when it is the same token (kept by an
    // older version for this account).
    Remote::TokenStore *store = m_store;
    const QPointer<QObject> guard(context);
    m_store->read(tokenKey(apiUrl, username), context,
        [store, apiUrl, username, guard, done = std::move(done)](
            std::optional<QString> own, QString) {
            if (!guard)
                return;
            store->read(tokenKey(apiUrl), guard,
                [store, apiUrl, username, own, guard, done](std::optional<QString> cloud, QString) {
                    if (!guard)
                        return;
                    const bool same = cloud && !cloud->isEmpty() && (!own || *own == *cloud);
                    store->remove(tokenKey(apiUrl, username), guard,
                        [store, apiUrl, same, guard, done](QString error) {
                            if (!same || !guard || !error.isEmpty()) {
                                done(error);
                                return;
                            }
                            store->remove(tokenKey(apiUrl), guard, done);
                        });
                });
        });
}

void Credentials::readProductClient(const QUrl &apiUrl, int productId, QObject *context,
    std::function<void(QString, QString, QString)> done) const
{
    m_store->read(productClientKey(apiUrl, productId), context,
        [done = std::move(done)](std::optional<QString> stored, QString error) {
            const Remote::OAuthClient client
                = Remote::OAuthClient::fromStored(stored.value_or(QString()));
            done(client.id, client.secret, error);
        });
}

bool Credentials::writeProductClient(const QUrl &apiUrl, int productId, const QString &clientId,
    const QString &clientSecret, QObject *context, std::function<void(QString)> done)
{
    Remote::OAuthClient client;
    client.id = clientId;
    client.secret = clientSecret;
    if (!client.isValid())
        return false;
    m_store->write(
        productClientKey(apiUrl, productId), client.toStored(), context, std::move(done));
    return true;
}

void Credentials::forgetProductClient(
    const QUrl &apiUrl, int productId, QObject *context, std::function<void(QString)> done)
{
    m_store->remove(productClientKey(apiUrl, productId), context, std::move(done));
}

} // namespace Flotilla::Session
