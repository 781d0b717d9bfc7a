// SPDX-License-Identifier: MIT
#pragma once

#include "domain/entities.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Flotilla::Remote {
class ParticleClient;
class TokenStore;
struct ApiReply;
} // namespace Flotilla::Remote

namespace Flotilla::Session {

class SignIn;

// What an access token can see of a Particle cloud before a product is chosen: who it belongs
// to and the products it may work with. For front ends that pick a product (the command line's
// --product by slug, a profile's sign-in), without HTTP of their own.
class CloudAccount final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CloudAccount)

public:
    // How a request ended: the kinds a front end tells apart (a command line's exit statuses).
    enum class Failure {
        None,
        Refused, // the token is invalid, expired or revoked
        Unreachable, // no answer (network, timeout, the cloud busy)
        Other,
    };
    struct Products
    {
        QList<Domain::Product> products;
        Failure failure = Failure::None;
        QString error; // for people
    };
    struct Owner
    {
        QString username; // the token's user ("" for an API user's token)
        Failure failure = Failure::None;
        QString error;
    };

    // The products an account can see, by owner: its own (`org` empty) and each of its
    // organisations'.
    struct ProductGroup
    {
        QString org; // the organisation's slug (or ID); empty: the account's own products
        QString orgName; // for people
        QList<Domain::Product> products;
    };
    struct Catalogue
    {
        QList<ProductGroup> groups; // the account's own first, then by organisation name
        Failure failure = Failure::None;
        QString error;
        int productCount() const;
    };

    // The answer to a sign-in with a username and password: a token, or the multi-factor step.
    struct Login
    {
        QString token; // the new access token (empty unless it succeeded)
        QString mfaToken; // set when Particle asks for the one-time code next
        Failure failure = Failure::None;
        QString error; // for people
    };

    // `token` may be empty (for logIn()).
    CloudAccount(const QUrl &apiUrl, const QString &token, QObject *parent = nullptr);
    ~CloudAccount() override;

    // POST /oauth/token with the password grant (the public client "particle", as Particle's
    // own tools sign in). `Login::mfaToken` set: call logInWithCode() with the one-time code.
    void logIn(const QString &username, const QString &password, QObject *context,
        std::function<void(Login)> done);
    void logInWithCode(const QString &mfaToken, const QString &oneTimeCode, QObject *context,
        std::function<void(Login)> done);
    // DELETE /v1/access_tokens/current: the token of this account is revoked.
    void revoke(QObject *context, std::function<void(Failure, QString error)> done);
    // Checking an access token and keeping it in `store` under `tokenKey` (SignIn).
    std::unique_ptr<SignIn> makeSignIn(Remote::TokenStore *store, const QString &tokenKey) const;

    void products(QObject *context, std::function<void(Products)> done);
    void owner(QObject *context, std::function<void(Owner)> done);
    // GET /v1/user/products, GET /v1/orgs and each organisation's GET /v1/orgs/:org/products.
    // An organisation whose products cannot be read is left out (a cloud without organisations
    // answers /v1/orgs with an error: only the account's own products then).
    void catalogue(QObject *context, std::function<void(Catalogue)> done);

    // The product among `products` that `text` names: its ID, or its slug (case-insensitive).
    static const Domain::Product *findProduct(
        const QList<Domain::Product> &products, const QString &text);

private:
    void readOrgProducts(QList<ProductGroup> orgs, int next, std::shared_ptr<Catalogue> result,
        QPointer<QObject> guard, QObject *context, std::function<void(Catalogue)> done);
    void requestToken(const QByteArray &form, QObject *context, std::function<void(Login)> done);

    QUrl m_apiUrl;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<Remote::ParticleClient> m_client;
};

} // namespace Flotilla::Session
