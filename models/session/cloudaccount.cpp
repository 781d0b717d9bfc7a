// SPDX-License-Identifier: MIT
#include "session/cloudaccount.h"

#include "remote/apierror.h"
#include "remote/particleclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>

namespace Flotilla::Session {

namespace {

CloudAccount::Failure failureOf(const Remote::ApiError &error)
{
    if (!error.isError())
        return CloudAccount::Failure::None;
    if (error.kind == Remote::ApiError::Kind::Unauthorized)
        return CloudAccount::Failure::Refused;
    if (error.isTransient())
        return CloudAccount::Failure::Unreachable;
    return CloudAccount::Failure::Other;
}

} // namespace

CloudAccount::CloudAccount(const QUrl &apiUrl, const QString &token, QObject *parent)
    : QObject(parent)
    , m_nam(std::make_unique<QNetworkAccessManager>())
{
    Remote::ClientConfig config;
    config.baseUrl = apiUrl;
    config.maxAttempts = 2;
    m_client = std::make_unique<Remote::ParticleClient>(m_nam.get(), config);
    m_client->setAccessToken(token);
}

CloudAccount::~CloudAccount() = default;

void CloudAccount::products(QObject *context, std::function<void(Products)> done)
{
    const QPointer<QObject> guard(context);
    m_client->listProducts(
        this, [guard, context, done = std::move(done)](Remote::Result<QList<Domain::Product>> r) {
            if (context && !guard)
                return;
            Products result;
            if (r.ok())
                result.products = *r.value;
            else {
                result.failure = r.error.isError() ? failureOf(r.error) : Failure::Other;
                result.error = r.error.toString();
            }
            done(result);
        });
}

void CloudAccount::owner(QObject *context, std::function<void(Owner)> done)
{
    const QPointer<QObject> guard(context);
    m_client->requestJson("GET", QStringLiteral("/v1/user"), {}, this,
        [guard, context, done = std::move(done)](const Remote::ApiReply &reply) {
            if (context && !guard)
                return;
            Owner result;
            if (reply.ok())
                result.username = reply.json.object().value(QStringLiteral("username")).toString();
            else {
                result.failure = reply.error.isError() ? failureOf(reply.error) : Failure::Other;
                result.error = reply.error.toString();
            }
            done(result);
        });
}

const Domain::Product *CloudAccount::findProduct(
    const QList<Domain::Product> &products, const QString &text)
{
    bool numeric = false;
    const int id = text.toInt(&numeric);
    for (const Domain::Product &product : products) {
        if (numeric ? product.id == id : product.slug.compare(text, Qt::CaseInsensitive) == 0)
            return &product;
    }
    return nullptr;
}

} // namespace Flotilla::Session
