// SPDX-License-Identifier: MIT
#include "session/cloudaccount.h"

#include "domain/text.h"
#include "remote/apierror.h"
#include "remote/particleclient.h"
#include "session/signin.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QUrlQuery>

#include <algorithm>

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
    , m_apiUrl(apiUrl)
    , m_nam(std::make_unique<QNetworkAccessManager>())
{
    Remote::ClientConfig config;
    config.baseUrl = apiUrl;
    config.maxAttempts = 2;
    m_client = std::make_unique<Remote::ParticleClient>(m_nam.get(), config);
    if (!token.isEmpty())
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

int CloudAccount::Catalogue::productCount() const
{
    int count = 0;
    for (const ProductGroup &group : groups)
        count += int(group.products.size());
    return count;
}

void CloudAccount::catalogue(QObject *context, std::function<void(Catalogue)> done)
{
    const QPointer<QObject> guard(context);
    products(this, [this, guard, context, done = std::move(done)](Products own) {
        if (context && !guard)
            return;
        auto result = std::make_shared<Catalogue>();
        result->failure = own.failure;
        result->error = own.error;
        if (own.failure != Failure::None) {
            done(*result);
            return;
        }
        result->groups.append(ProductGroup {QString(), QString(), own.products});
        m_client->requestJson("GET", QStringLiteral("/v1/orgs"), {}, this,
            [this, guard, context, result, done](const Remote::ApiReply &reply) {
                if (context && !guard)
                    return;
                QList<ProductGroup> orgs;
                if (reply.ok()) {
                    const QJsonArray list
                        = reply.json.object().value(QStringLiteral("organizations")).toArray();
                    for (const QJsonValue &value : list) {
                        const QJsonObject org = value.toObject();
                        ProductGroup group;
                        group.org = org.value(QStringLiteral("slug")).toString();
                        if (group.org.isEmpty())
                            group.org = org.value(QStringLiteral("id")).toString();
                        group.orgName = org.value(QStringLiteral("name")).toString(group.org);
                        if (!group.org.isEmpty())
                            orgs.append(group);
                    }
                }
                std::sort(orgs.begin(), orgs.end(), [](const auto &a, const auto &b) {
                    return a.orgName.localeAwareCompare(b.orgName) < 0;
                });
                readOrgProducts(orgs, 0, result, guard, context, done);
            });
    });
}

void CloudAccount::readOrgProducts(QList<ProductGroup> orgs, int next,
    std::shared_ptr<Catalogue> result, QPointer<QObject> guard, QObject *context,
    std::function<void(Catalogue)> done)
{
    if (next >= orgs.size()) {
        done(*result);
        return;
    }
    const QString path = QStringLiteral("/v1/orgs/%1/products")
                             .arg(QString::fromUtf8(QUrl::toPercentEncoding(orgs.at(next).org)));
    m_client->requestJson("GET", path, {}, this,
        [this, orgs, next, result, guard, context, done](const Remote::ApiReply &reply) mutable {
            if (context && !guard)
                return;
            if (reply.ok()) {
                ProductGroup group = orgs.at(next);
                const QJsonArray list
                    = reply.json.object().value(QStringLiteral("products")).toArray();
                for (const QJsonValue &value : list) {
                    QString error;
                    if (const std::optional<Domain::Product> p
                        = Domain::productFromJson(value.toObject(), &error))
                        group.products.append(*p);
                }
                if (!group.products.isEmpty())
                    result->groups.append(group);
            }
            readOrgProducts(orgs, next + 1, result, guard, context, done);
        });
}

void CloudAccount::logIn(const QString &username, const QString &password, QObject *context,
    std::function<void(Login)> done)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("password"));
    form.addQueryItem(QStringLiteral("username"), username);
    form.addQueryItem(QStringLiteral("password"), password);
    requestToken(form.toString(QUrl::FullyEncoded).toUtf8(), context, std::move(done));
}

void CloudAccount::logInWithCode(const QString &mfaToken, const QString &oneTimeCode,
    QObject *context, std::function<void(Login)> done)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("urn:custom:mfa-otp"));
    form.addQueryItem(QStringLiteral("mfa_token"), mfaToken);
    form.addQueryItem(QStringLiteral("otp"), oneTimeCode);
    requestToken(form.toString(QUrl::FullyEncoded).toUtf8(), context, std::move(done));
}

void CloudAccount::requestToken(
    const QByteArray &form, QObject *context, std::function<void(Login)> done)
{
    // The public client of Particle's own tools.
    const QPointer<QObject> guard(context);
    m_client->requestToken(form, QStringLiteral("particle"), QStringLiteral("particle"), this,
        [guard, context, done = std::move(done)](const Remote::ApiReply &reply) {
            if (context && !guard)
                return;
            Login result;
            const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
            if (reply.ok()) {
                result.token = answer.value(QStringLiteral("access_token")).toString();
                if (result.token.isEmpty()) {
                    result.failure = Failure::Other;
                    result.error = Text::tr("The cloud's answer has no access token.");
                }
            } else if (answer.value(QStringLiteral("error")).toString()
                    == QLatin1String("mfa_required")
                && !answer.value(QStringLiteral("mfa_token")).toString().isEmpty()) {
                result.mfaToken = answer.value(QStringLiteral("mfa_token")).toString();
            } else {
                // A wrong password or code is refused with invalid_grant (400 or 401).
                const QString code = answer.value(QStringLiteral("error")).toString();
                result.failure = code == QLatin1String("invalid_grant")
                        || reply.error.kind == Remote::ApiError::Kind::Unauthorized
                    ? Failure::Refused
                    : failureOf(reply.error);
                const QString description
                    = answer.value(QStringLiteral("error_description")).toString();
                result.error = description.isEmpty() ? reply.error.toString() : description;
            }
            done(result);
        });
}

void CloudAccount::revoke(QObject *context, std::function<void(Failure, QString)> done)
{
    const QPointer<QObject> guard(context);
    m_client->requestJson("DELETE", QStringLiteral("/v1/access_tokens/current"), {}, this,
        [guard, context, done = std::move(done)](const Remote::ApiReply &reply) {
            if (context && !guard)
                return;
            if (reply.ok())
                done(Failure::None, QString());
            else
                done(failureOf(reply.error), reply.error.toString());
        });
}

std::unique_ptr<SignIn> CloudAccount::makeSignIn(
    Remote::TokenStore *store, const QString &tokenKey) const
{
    return std::make_unique<SignIn>(m_nam.get(), m_apiUrl, store, tokenKey);
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
