// SPDX-License-Identifier: MIT
#include "edit/accountservice.h"

#include "domain/text.h"
#include "edit/logging.h"
#include "remote/particleclient.h"

#include <QCoreApplication>

#include <algorithm>

namespace Flotilla::Edit {

AccountService::AccountService(Remote::ParticleClient *client, int productId, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_productId(productId)
{ }

AccountService::~AccountService() = default;

void AccountService::setProductClient(const QString &clientId, const QString &clientSecret)
{
    m_clientId = clientId;
    m_clientSecret = clientSecret;
    if (m_forward)
        m_forward(clientId, clientSecret);
}

bool AccountService::canCreateAccounts() const
{
    return m_client && !m_clientId.isEmpty() && !m_clientSecret.isEmpty();
}

void AccountService::createCustomerAccount(
    const QString &account, QObject *context, std::function<void(const Created &)> done)
{
    if (!canCreateAccounts()) {
        done(Created {false, false,
            Text::tr("The product's OAuth client is not known, so no customer account can be "
                     "created")});
        return;
    }
    qCInfo(lcEdit) << "creating a customer account";
    const QPointer<QObject> guard(context);
    const auto finish = [guard, done](const Created &created) {
        if (guard)
            done(created);
    };
    m_client->createCustomer(m_productId, account, true, QString(), m_clientId, m_clientSecret,
        this, [this, account, finish](Remote::Result<QJsonObject> result) {
            // The answer carries the customer's token: it is not kept anywhere.
            const bool unknown = result.error.kind == Remote::ApiError::Kind::Malformed
                || result.error.isTransient();
            if (result.ok()
                || (result.error.kind != Remote::ApiError::Kind::BadRequest && !unknown)) {
                finish(Created {result.ok(), false, result.error.message});
                return;
            }
            // Refused: because the account exists already? The product's customers say it,
            // rather than the message. (The same when the answer could not be read: it may
            // have been created.)
            if (!m_client) {
                finish(Created {false, false, result.error.message});
                return;
            }
            m_client->listCustomers(m_productId, this,
                [finish, account, refusal = result.error.message](
                    Remote::Result<QList<Domain::Customer>> customers) {
                    const bool exists = customers.ok()
                        && std::any_of(customers.value->cbegin(), customers.value->cend(),
                            [&](const Domain::Customer &c) {
                                return c.username.compare(account, Qt::CaseInsensitive) == 0;
                            });
                    finish(Created {false, exists, refusal});
                });
        });
}

} // namespace Flotilla::Edit
