// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace Flotilla::Remote {
class ParticleClient;
struct ApiError;
} // namespace Flotilla::Remote

namespace Flotilla::Sync::Detail {

// Customer access tokens for claims to customer accounts (internal to the sync engine's push):
// asked for with the product's OAuth client, kept per account. Particle blocks token requests
// from an address after ten failed ones: once the client is refused no request is made until it
// is set again, and after a 429 none is made until the refusal is over.
class CustomerTokens final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerTokens)

public:
    explicit CustomerTokens(Remote::ParticleClient *client, QObject *parent = nullptr);
    ~CustomerTokens() override;

    // Forgets every token and a refusal of the client before.
    void setProductClient(const QString &clientId, const QString &clientSecret);
    // True once the cloud refused the product's OAuth client.
    bool isClientRefused() const { return m_clientRefused; }
    // The cloud refused `account`'s token: asked for again next time.
    void forget(const QString &account) { m_tokens.remove(account); }
    // Calls `done` with `account`'s token, or with why there is none: Unauthorized when there is
    // no usable client, RateLimited while token requests are refused (for this address), other
    // errors for this account only.
    void request(const QString &account, std::function<void(QString, Remote::ApiError)> done);

Q_SIGNALS:
    // Token requests are made again (the time Particle refused them is over).
    void available();

private:
    QPointer<Remote::ParticleClient> m_client;
    QHash<QString, QString> m_tokens; // account -> token
    QString m_clientId;
    QString m_clientSecret;
    bool m_clientRefused = false;
    qint64 m_blockedUntilMs = 0; // Particle refuses token requests until then
    int m_429s = 0; // token requests refused with 429 in a row
    QTimer m_blockTimer;
};

} // namespace Flotilla::Sync::Detail
