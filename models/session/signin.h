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

namespace Flotilla::Remote {
class ParticleClient;
class TokenStore;
} // namespace Flotilla::Remote

namespace Flotilla::Session {

// Signing in to a Particle cloud with an access token: the token is checked with the cloud
// (GET /v1/access_tokens/current, through a client of its own with no other token) and, once
// accepted, kept in the token store; with it, optionally, the product's OAuth client. What a
// sign-in dialog (or a command line) asks for, without any HTTP or keychain of its own.
class SignIn final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignIn)

public:
    struct Outcome
    {
        enum class Kind {
            Accepted, // checked and kept (see storeError)
            Refused, // the cloud refused the token: invalid, expired or revoked
            Unreachable, // no answer from the cloud (network, timeout): `message` says why
            Failed, // another error: `message` says what
        };
        Kind kind = Kind::Failed;
        QString message;
        // Accepted, but the token or the client could not be kept in the token store: the
        // session still uses them.
        QString storeError;
        // The product's OAuth client kept with the token (empty when none was given).
        QString clientId;
        QString clientSecret;
    };

    // `store` (not owned) keeps the token under `tokenKey`; `maxAttempts` bounds each check.
    SignIn(QNetworkAccessManager *nam, const QUrl &apiUrl, Remote::TokenStore *store,
        const QString &tokenKey, int maxAttempts = 2, QObject *parent = nullptr);
    ~SignIn() override;

    // Also keeps a product OAuth client given with the token, under `key`.
    void setProductClientKey(const QString &key) { m_clientKey = key; }
    bool takesProductClient() const { return !m_clientKey.isEmpty(); }

    // Checks `token`; once accepted, keeps it (and the client, when both its ID and its secret
    // are given and a key is set). `saving` is called when the check passed and the keeping
    // starts. Callbacks are dropped if `context` has been destroyed.
    void signIn(const QString &token, const QString &clientId, const QString &clientSecret,
        QObject *context, std::function<void()> saving, std::function<void(Outcome)> done);

private:
    std::unique_ptr<Remote::ParticleClient> m_probe;
    Remote::TokenStore *m_store;
    QString m_tokenKey;
    QString m_clientKey;
};

} // namespace Flotilla::Session
