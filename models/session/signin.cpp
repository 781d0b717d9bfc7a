// SPDX-License-Identifier: MIT
#include "session/signin.h"

#include "remote/particleclient.h"
#include "remote/tokenstore.h"

#include <QLoggingCategory>
#include <QPointer>

namespace Flotilla::Session {

namespace {
Q_LOGGING_CATEGORY(lcSession, "flotilla.session")
}

SignIn::SignIn(QNetworkAccessManager *nam, const QUrl &apiUrl, Remote::TokenStore *store,
    const QString &tokenKey, int maxAttempts, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_tokenKey(tokenKey)
{
    Remote::ClientConfig config;
    config.baseUrl = apiUrl;
    config.maxAttempts = maxAttempts;
    m_probe = std::make_unique<Remote::ParticleClient>(nam, config);
}

SignIn::~SignIn() = default;

void SignIn::signIn(const QString &token, const QString &clientId, const QString &clientSecret,
    QObject *context, std::function<void()> saving, std::function<void(Outcome)> done)
{
    Remote::OAuthClient client;
    if (!m_clientKey.isEmpty()) {
        client.id = clientId;
        client.secret = clientSecret;
    }
    const QPointer<QObject> guard(context);
    m_probe->setAccessToken(token);
    m_probe->tokenInfo(this,
        [this, token, client, guard, saving = std::move(saving), done = std::move(done)](
            Remote::Result<QJsonObject> result) {
            if (!guard)
                return;
            if (!result.ok()) {
                m_probe->setAccessToken(QString());
                using Kind = Remote::ApiError::Kind;
                const Remote::ApiError &e = result.error;
                Outcome outcome;
                if (e.kind == Kind::Unauthorized) {
                    outcome.kind = Outcome::Kind::Refused;
                } else if (e.kind == Kind::Network || e.kind == Kind::Timeout) {
                    outcome.kind = Outcome::Kind::Unreachable;
                    outcome.message = e.message;
                } else {
                    outcome.kind = Outcome::Kind::Failed;
                    outcome.message = e.toString();
                }
                qCInfo(lcSession) << "sign-in refused:" << Remote::ApiError::kindName(e.kind);
                done(outcome);
                return;
            }
            if (saving)
                saving();
            // Captured by value: the keeping may end after this service is gone.
            Remote::TokenStore *store = m_store;
            m_store->write(m_tokenKey, token, guard,
                [store, clientKey = m_clientKey, guard, client, done](QString error) {
                    if (!error.isEmpty())
                        qCWarning(lcSession) << "the token could not be saved in the token store";
                    Outcome outcome;
                    outcome.kind = Outcome::Kind::Accepted;
                    if (clientKey.isEmpty() || !client.isValid()) {
                        outcome.storeError = error;
                        done(outcome);
                        return;
                    }
                    store->write(clientKey, client.toStored(), guard,
                        [outcome, error, client, done](QString clientError) mutable {
                            outcome.clientId = client.id;
                            outcome.clientSecret = client.secret;
                            if (!clientError.isEmpty())
                                qCWarning(lcSession)
                                    << "the OAuth client could not be saved in the token store";
                            outcome.storeError = error.isEmpty() ? clientError : error;
                            done(outcome);
                        });
                });
        });
}

} // namespace Flotilla::Session
