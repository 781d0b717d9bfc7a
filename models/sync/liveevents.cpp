// SPDX-License-Identifier: MIT
#include "sync/liveevents.h"

#include "remote/apierror.h"
#include "remote/eventstream.h"
#include "remote/particleclient.h"
#include "remote/sseparser.h"
#include "sync/synchost.h"
#include "sync/syncshared.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Flotilla::Sync::Detail {

using Remote::ApiError;

LiveEvents::LiveEvents(
    SyncShared &shared, SyncHost &host, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_shared(shared)
    , m_host(host)
    , m_nam(nam)
{
    m_liveTimer.setSingleShot(true);
    m_liveTimer.setInterval(m_shared.config.liveFlushMs);
    connect(&m_liveTimer, &QTimer::timeout, this, &LiveEvents::flushLive);
}

LiveEvents::~LiveEvents() = default;

void LiveEvents::setAccessToken(const QString &token)
{
    m_token = token;
    if (m_events)
        m_events->setAccessToken(token);
}

void LiveEvents::stop()
{
    if (m_events)
        m_events->stop();
}

bool LiveEvents::isConnected() const
{
    return m_events && m_events->isConnected();
}

void LiveEvents::start()
{
    if (!m_shared.config.liveEvents || !m_shared.loaded || m_token.isEmpty() || !m_url.isValid())
        return;
    if (!m_events) {
        m_events = new Remote::EventStream(m_nam, this);
        connect(m_events, &Remote::EventStream::event, this, &LiveEvents::onEvent);
        connect(
            m_events, &Remote::EventStream::connectedChanged, this, &LiveEvents::connectedChanged);
        connect(m_events, &Remote::EventStream::error, this, [this](const ApiError &e) {
            if (e.kind == ApiError::Kind::Unauthorized && m_shared.client->isSignedOut())
                m_host.setSignedOut(true);
        });
    }
    m_events->start(m_url, m_token);
}

void LiveEvents::onEvent(const Remote::SseEvent &event)
{
    const QJsonObject json = QJsonDocument::fromJson(event.data).object();
    const QString coreId = json.value(QStringLiteral("coreid")).toString();
    const QString data = json.value(QStringLiteral("data")).toString();
    const QDateTime published = QDateTime::fromString(
        json.value(QStringLiteral("published_at")).toString(), Qt::ISODateWithMs);
    const qint64 at = published.isValid() ? published.toMSecsSinceEpoch() : nowMs();
    const int version = json.value(QStringLiteral("version")).toInt();
    if (coreId.isEmpty() || coreId == QLatin1String("api")) {
        // A release or an upload moves targets: refresh releases, recompute targets here.
        if (event.name.startsWith(QLatin1String("particle/firmware")))
            Q_EMIT releasesChanged();
        return;
    }
    Q_EMIT deviceEvent(coreId, event.name, data, version, at);
    if (event.name != QLatin1String("spark/status"))
        return;
    if (!m_shared.state.devices.contains(coreId)) {
        if (!m_unknownSeen.contains(coreId)) {
            m_unknownSeen.insert(coreId);
            Q_EMIT unknownDevice(coreId);
        }
        return;
    }
    LiveStatus status;
    if (data == QLatin1String("online"))
        status.online = true;
    else if (data != QLatin1String("offline"))
        return;
    status.atMs = at;
    status.version = status.online ? version : 0;
    const auto known = m_live.constFind(coreId);
    if (known == m_live.cend() || known->atMs <= at)
        m_live.insert(coreId, status);
    if (!m_liveTimer.isActive())
        m_liveTimer.start();
}

void LiveEvents::flushLive()
{
    FleetDelta delta;
    for (auto it = m_live.cbegin(); it != m_live.cend(); ++it) {
        const auto current = m_shared.state.devices.constFind(it.key());
        // Older than what is known (a pull may have brought newer data meanwhile): skip.
        if (current == m_shared.state.devices.cend() || it->atMs < current->lastHeardMs)
            continue;
        Domain::Device d = *current;
        d.online = it->online;
        d.lastHeardMs = it->atMs;
        if (it->online) {
            d.lastHandshakeMs = std::max(d.lastHandshakeMs, it->atMs);
            if (it->version > 0)
                d.firmwareVersion = it->version;
        }
        if (!(d == *current))
            delta.changedDevices.append(d);
    }
    m_live.clear();
    m_host.publish(delta, true);
}

} // namespace Flotilla::Sync::Detail
