// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace Flotilla::Remote {
class ParticleClient;
}

namespace Flotilla::Edit {

// Particle customer accounts of the product: creates one (a shadow customer without a
// password) for a new customer linked to it. Holds the product's OAuth client, which that
// request needs, in memory only; the one place of the console that keeps it (the sync engine is
// given it too, for its claims, through setProductClient).
class AccountService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountService)

public:
    AccountService(Remote::ParticleClient *client, int productId, QObject *parent = nullptr);
    ~AccountService() override;

    // Kept in memory only; `forward` also gets it (the sync engine, for claims).
    void setProductClient(const QString &clientId, const QString &clientSecret);
    void setForwarding(std::function<void(const QString &, const QString &)> forward)
    {
        m_forward = std::move(forward);
    }
    // Whether accounts can be created (the product's OAuth client is known).
    bool canCreateAccounts() const;

    struct Created
    {
        bool created = false;
        bool exists = false; // it was there already (the request was refused for that)
        QString error; // neither: why
    };
    // Creates the customer account `account`. A refusal is read as "it exists already" when the
    // product's customers include it (Particle documents no code for that), and so is an answer
    // that cannot be read. The customer's token in the answer is not kept. `done` is called in
    // `context` (not at all once it is gone).
    void createCustomerAccount(
        const QString &account, QObject *context, std::function<void(const Created &)> done);

private:
    QPointer<Remote::ParticleClient> m_client;
    int m_productId;
    QString m_clientId;
    QString m_clientSecret;
    std::function<void(const QString &, const QString &)> m_forward;
};

} // namespace Flotilla::Edit
