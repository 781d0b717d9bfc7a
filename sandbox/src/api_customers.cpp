// SPDX-License-Identifier: MIT
#include "api.h"
#include "paging.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace Flotilla::Sandbox {

namespace {
constexpr qint64 DefaultCustomerTokenLifetime = 7776000;
}

Outcome Api::createCustomer(Context &ctx)
{
    if (auto error = checkProduct(ctx.params.at(0)))
        return respond(*error);
    // Either the product's OAuth client (Basic or body fields) or a team member's token.
    const QByteArray header = ctx.request.header("authorization");
    if (header.toLower().startsWith("bearer ") || ctx.query.has(QStringLiteral("access_token"))) {
        if (auto error = authenticate(ctx))
            return respond(*error);
        if (ctx.auth.kind != TokenKind::User)
            return respond(ApiResponse::apiError(403,
                QStringLiteral(
                    "Only team members or the product's OAuth client can create customers")));
    } else {
        const auto client = clientCredentials(ctx);
        if (!client)
            return respond(ApiResponse::oauthError(400, QStringLiteral("invalid_client"),
                QStringLiteral("Invalid or missing client_id parameter")));
        if (!isProductClient(client->first, client->second))
            return respond(ApiResponse::oauthError(400, QStringLiteral("invalid_client"),
                QStringLiteral("Client credentials are invalid")));
    }
    const QString email = ctx.fields.string(QStringLiteral("email")).value_or(QString()).trimmed();
    if (email.isEmpty() || email.size() > 254)
        return respond(ApiResponse::apiError(400,
            QStringLiteral("'email' is required (any unique identifier, at most 254 characters)")));
    QString error;
    const bool noPassword
        = ctx.fields.boolean(QStringLiteral("no_password"), &error).value_or(false);
    if (!error.isEmpty())
        return respond(ApiResponse::apiError(400, error));
    const QString password = ctx.fields.string(QStringLiteral("password")).value_or(QString());
    if (!noPassword && password.isEmpty())
        return respond(ApiResponse::apiError(
            400, QStringLiteral("Send 'password', or 'no_password=true' for a shadow customer")));
    if (noPassword && !password.isEmpty())
        return respond(ApiResponse::apiError(
            400, QStringLiteral("Send either 'password' or 'no_password', not both")));
    // Particle documents no code or text for a taken e-mail address; Flotilla reads the customer
    // list back instead of reading this message.
    if (m_fleet.findCustomer(email) || m_fleet.findUser(email))
        return respond(ApiResponse::apiError(
            400, QStringLiteral("The e-mail address %1 is taken in this product").arg(email)));
    Customer c;
    c.id = m_fleet.newHexId(24);
    c.username = email;
    c.password = password;
    c.noPassword = noPassword;
    c.createdMs = m_fleet.now();
    m_fleet.customers.append(c);
    m_fleet.revision();
    QJsonObject body;
    issueToken(TokenKind::Customer, email, m_fleet.oauthClientId, DefaultCustomerTokenLifetime,
        true, &body);
    return respond(ApiResponse::json(201, body));
}

Outcome Api::listCustomers(Context &ctx)
{
    // Paged like the device list (`page` and `perPage` or `per_page`); the default page holds
    // every customer of the demo fleet and then some (see sandbox/README.md).
    const Paging paging = parsePaging(ctx.query, DefaultCustomersPerPage, MaxCustomersPerPage);
    if (!paging.error.isEmpty())
        return respond(ApiResponse::apiError(400, paging.error));
    const qsizetype total = m_fleet.customers.size();
    const qsizetype first = std::min(paging.first(), total);
    const qsizetype last = std::min(first + paging.perPage, total);
    QHash<QString, QJsonArray> devicesByOwner;
    QSet<QString> onPage;
    for (qsizetype i = first; i < last; ++i)
        onPage.insert(m_fleet.customers.at(i).username.toLower());
    QJsonArray deviceList;
    for (const Device &d : m_fleet.devices) {
        if (!d.inProduct || d.owner.isEmpty() || !onPage.contains(d.owner.toLower()))
            continue;
        devicesByOwner[d.owner.toLower()].append(d.id);
        deviceList.append(QJsonObject {{QStringLiteral("id"), d.id},
            {QStringLiteral("product_id"), m_fleet.product.id},
            {QStringLiteral("last_ip_address"), d.lastIp},
            {QStringLiteral("firmware_version"), d.firmwareVersion},
            {QStringLiteral("online"), d.online}});
    }
    QJsonArray customers;
    for (qsizetype i = first; i < last; ++i) {
        const Customer &c = m_fleet.customers.at(i);
        customers.append(
            QJsonObject {{QStringLiteral("id"), c.id}, {QStringLiteral("username"), c.username},
                {QStringLiteral("devices"), devicesByOwner.value(c.username.toLower())}});
    }
    return respond(ApiResponse::json(200,
        QJsonObject {{QStringLiteral("customers"), customers},
            {QStringLiteral("devices"), deviceList},
            {QStringLiteral("meta"),
                QJsonObject {{QStringLiteral("total_pages"), paging.totalPages(total)}}}}));
}

Outcome Api::updateCustomer(Context &ctx)
{
    const QString email = ctx.params.at(1);
    for (Customer &c : m_fleet.customers) {
        if (c.username.compare(email, Qt::CaseInsensitive) != 0)
            continue;
        if (c.noPassword)
            return respond(ApiResponse::apiError(
                400, QStringLiteral("Customer %1 has no password (shadow customer)").arg(email)));
        const QString password = ctx.fields.string(QStringLiteral("password")).value_or(QString());
        if (password.isEmpty())
            return respond(ApiResponse::apiError(400, QStringLiteral("'password' is required")));
        c.password = password;
        return respond(ApiResponse::ok());
    }
    return respond(ApiResponse::apiError(404, QStringLiteral("Customer %1 not found").arg(email)));
}

Outcome Api::deleteCustomer(Context &ctx)
{
    const QString email = ctx.params.at(1);
    const Customer *c = m_fleet.findCustomer(email);
    if (!c)
        return respond(
            ApiResponse::apiError(404, QStringLiteral("Customer %1 not found").arg(email)));
    const QString username = c->username;
    m_fleet.customers.removeIf([&](const Customer &x) { return x.username == username; });
    for (auto it = m_fleet.tokens.begin(); it != m_fleet.tokens.end();) {
        if (it->kind == TokenKind::Customer && it->subject == username) {
            m_fleet.refreshTokens.remove(it->refreshToken);
            it = m_fleet.tokens.erase(it);
        } else {
            ++it;
        }
    }
    for (size_t i = 0; i < m_fleet.devices.size(); ++i) {
        if (m_fleet.devices[i].owner == username)
            m_fleet.setOwner(static_cast<int>(i), QString());
    }
    m_fleet.revision();
    return respond(ApiResponse::ok());
}

} // namespace Flotilla::Sandbox
