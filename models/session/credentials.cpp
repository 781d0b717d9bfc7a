// SPDX-License-Identifier: MIT
#include "session/credentials.h"

#include "remote/tokenstore.h"

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

QString Credentials::tokenKey(const QUrl &apiUrl)
{
    return QStringLiteral("access-token/") + hostKey(apiUrl);
}

QString Credentials::productClientKey(const QUrl &apiUrl, int productId)
{
    return QStringLiteral("oauth-client-secret/") + hostKey(apiUrl) + QLatin1Char('/')
        + QString::number(productId);
}

void Credentials::readToken(const QUrl &apiUrl, QObject *context,
    std::function<void(std::optional<QString>, QString)> done) const
{
    m_store->read(tokenKey(apiUrl), context, std::move(done));
}

void Credentials::forgetToken(
    const QUrl &apiUrl, QObject *context, std::function<void(QString error)> done) const
{
    m_store->remove(tokenKey(apiUrl), context, std::move(done));
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
