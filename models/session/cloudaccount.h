// SPDX-License-Identifier: MIT
#pragma once

#include "domain/entities.h"

#include <QList>
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
}

namespace Flotilla::Session {

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

    CloudAccount(const QUrl &apiUrl, const QString &token, QObject *parent = nullptr);
    ~CloudAccount() override;

    void products(QObject *context, std::function<void(Products)> done);
    void owner(QObject *context, std::function<void(Owner)> done);

    // The product among `products` that `text` names: its ID, or its slug (case-insensitive).
    static const Domain::Product *findProduct(
        const QList<Domain::Product> &products, const QString &text);

private:
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<Remote::ParticleClient> m_client;
};

} // namespace Flotilla::Session
