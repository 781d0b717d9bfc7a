// SPDX-License-Identifier: MIT
#include "session/apiusage.h"

#include "remote/particleclient.h"

#include <QTimer>

namespace Flotilla::Session {

namespace {
constexpr int RefreshMs = 5000;
}

ApiUsage::ApiUsage(Remote::ParticleClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    if (!client)
        return;
    connect(client, &Remote::ParticleClient::usageChanged, this, &ApiUsage::changed);
    auto *timer = new QTimer(this);
    timer->setInterval(RefreshMs);
    connect(timer, &QTimer::timeout, this, &ApiUsage::changed);
    timer->start();
}

ApiUsage::~ApiUsage() = default;

int ApiUsage::headroom() const
{
    return m_client ? m_client->headroom() : 0;
}

int ApiUsage::usedInWindow() const
{
    return m_client ? m_client->usedInWindow() : 0;
}

int ApiUsage::rateLimit() const
{
    return m_client ? m_client->config().rateLimit : 0;
}

int ApiUsage::windowSeconds() const
{
    return m_client ? m_client->config().rateWindowSeconds : 0;
}

bool ApiUsage::isSignedOut() const
{
    return m_client && m_client->isSignedOut();
}

bool ApiUsage::hasAccessToken() const
{
    return m_client && m_client->hasAccessToken();
}

} // namespace Flotilla::Session
