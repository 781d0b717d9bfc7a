// SPDX-License-Identifier: MIT
#include "eventhub.h"

#include "sse.h"

namespace Flotilla::Sandbox {

EventHub::EventHub(const Fleet &fleet, int keepAliveMs, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
{
    m_keepAlive.setInterval(keepAliveMs);
    connect(&m_keepAlive, &QTimer::timeout, this, &EventHub::keepAlive);
    m_keepAlive.start();
}

bool EventHub::matches(const StreamFilter &filter, const CloudEvent &event, int productId)
{
    if (!event.name.startsWith(filter.prefix))
        return false;
    switch (filter.scope) {
    case StreamFilter::Scope::Product:
        return event.productId == productId;
    case StreamFilter::Scope::Device:
        return event.coreId == filter.deviceId;
    case StreamFilter::Scope::Mine:
        return !filter.owner.isEmpty() && event.owner == filter.owner;
    case StreamFilter::Scope::Public:
        return event.isPublic;
    }
    return false;
}

void EventHub::subscribe(Connection connection, const StreamFilter &filter, const QString &address)
{
    connection.beginStream();
    connection.writeChunk(Sse::opening());
    if (QTcpSocket *socket = connection.socket()) {
        connect(socket, &QTcpSocket::disconnected, this, &EventHub::prune, Qt::QueuedConnection);
        connect(socket, &QObject::destroyed, this, &EventHub::prune, Qt::QueuedConnection);
    }
    m_subscribers.push_back(Subscriber {connection, filter, address});
}

void EventHub::publish(const CloudEvent &event)
{
    if (m_subscribers.empty())
        return;
    QByteArray productFrame;
    QByteArray plainFrame;
    bool dropped = false;
    for (Subscriber &s : m_subscribers) {
        if (!s.connection.isOpen() || !matches(s.filter, event, m_fleet.product.id))
            continue;
        const bool product = event.productId != 0;
        QByteArray &frame = product ? productFrame : plainFrame;
        if (frame.isEmpty())
            frame = Sse::frame(event.name, Sse::eventData(event, product));
        dropped = write(s, frame) || dropped;
    }
    if (dropped)
        prune();
}

bool EventHub::write(Subscriber &subscriber, const QByteArray &data)
{
    subscriber.connection.writeChunk(data);
    if (subscriber.connection.backlog() <= MaxBacklogBytes)
        return false;
    ++m_droppedSlow;
    subscriber.connection.abort();
    return true;
}

void EventHub::keepAlive()
{
    prune();
    bool dropped = false;
    for (Subscriber &s : m_subscribers)
        dropped = write(s, Sse::keepAlive()) || dropped;
    if (dropped)
        prune();
}

void EventHub::prune()
{
    for (auto it = m_subscribers.begin(); it != m_subscribers.end();) {
        if (it->connection.isOpen()) {
            ++it;
            continue;
        }
        if (onClosed)
            onClosed(it->address);
        it = m_subscribers.erase(it);
    }
}

} // namespace Flotilla::Sandbox
