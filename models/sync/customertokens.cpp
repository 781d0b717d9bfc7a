// SPDX-License-Identifier: MIT
#include "sync/customertokens.h"

#include "domain/text.h"
#include "remote/apierror.h"
#include "remote/particleclient.h"
#include "sync/synclog.h"
#include "sync/syncshared.h"

#include <QDateTime>

namespace Flotilla::Sync::Detail {

using Remote::ApiError;

namespace {

// Particle blocks token requests from an address for 30 minutes after ten failed ones.
constexpr qint64 TokenLockoutMs = 30 * 60 * 1000;
// A first refusal of a token request with 429 may be a passing rate limit: the claims wait this
// long before one more request; a second one in a row is taken for the lockout.
constexpr qint64 TokenRetryAfter429Ms = 60 * 1000;

} // namespace

CustomerTokens::CustomerTokens(Remote::ParticleClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_blockTimer.setSingleShot(true);
    connect(&m_blockTimer, &QTimer::timeout, this, [this] {
        m_blockedUntilMs = 0;
        Q_EMIT available();
    });
}

CustomerTokens::~CustomerTokens() = default;

void CustomerTokens::setProductClient(const QString &clientId, const QString &clientSecret)
{
    m_clientId = clientId;
    m_clientSecret = clientSecret;
    m_tokens.clear();
    m_clientRefused = false;
}

void CustomerTokens::request(const QString &account, std::function<void(QString, ApiError)> cb)
{
    const auto cached = m_tokens.constFind(account);
    if (cached != m_tokens.cend()) {
        cb(*cached, ApiError());
        return;
    }
    if (m_blockedUntilMs > nowMs()) {
        ApiError e;
        e.kind = ApiError::Kind::RateLimited;
        e.message = Text::tr("Particle refuses token requests from this address for now (too many "
                             "requests, or failed ones); claims to customer accounts wait until %1")
                        .arg(QDateTime::fromMSecsSinceEpoch(m_blockedUntilMs)
                                 .toString(QStringLiteral("HH:mm")));
        cb(QString(), e);
        return;
    }
    if (m_clientId.isEmpty() || m_clientSecret.isEmpty() || m_clientRefused) {
        ApiError e;
        e.kind = ApiError::Kind::Unauthorized;
        e.message = m_clientRefused
            ? Text::tr(
                "The cloud refused the product's OAuth client; enter it again to claim devices "
                "to customer accounts")
            : Text::tr("Claiming devices to a customer account needs the product's OAuth client; "
                       "none is configured");
        cb(QString(), e);
        return;
    }
    m_client->customerToken(
        m_clientId, m_clientSecret, account, this, [this, account, cb](Remote::Result<QString> r) {
            if (r.ok()) {
                m_tokens.insert(account, *r.value);
                m_429s = 0;
            } else if (r.error.kind == ApiError::Kind::RateLimited) {
                // Refused for a while (a passing limit, or the lockout after failed token
                // requests): ask again only once it is over.
                const qint64 hold = ++m_429s == 1 ? TokenRetryAfter429Ms : TokenLockoutMs;
                m_blockedUntilMs = nowMs() + hold;
                m_blockTimer.start(static_cast<int>(hold));
                qCWarning(lcSync) << "token requests are refused for a while:"
                                  << r.error.toString();
                ApiError blocked = r.error;
                blocked.message
                    = Text::tr("Particle refuses token requests from this address for now "
                               "(too many requests, or failed ones); claims to customer "
                               "accounts wait until %1")
                          .arg(QDateTime::fromMSecsSinceEpoch(m_blockedUntilMs)
                                   .toString(QStringLiteral("HH:mm")));
                cb(QString(), blocked);
                return;
            } else if (r.error.code == QLatin1String("invalid_client")
                || r.error.kind == ApiError::Kind::Unauthorized) {
                // The client itself was refused. Particle blocks an address after ten failed
                // token requests: none is made again until the client is entered anew. (Other
                // refusals, such as an account that no longer exists, concern that account's
                // claims only: they are refused one by one.)
                m_clientRefused = true;
                qCWarning(lcSync) << "the product's OAuth client was refused:"
                                  << r.error.toString();
                ApiError refused = r.error;
                refused.kind = ApiError::Kind::Unauthorized; // the client, not this claim
                cb(QString(), refused);
                return;
            }
            cb(r.value.value_or(QString()), r.error);
        });
}

} // namespace Flotilla::Sync::Detail
