// SPDX-License-Identifier: MIT
#pragma once

#include "api.h"
#include "fleet.h"
#include "httpserver.h"

#include <QObject>
#include <QTimer>

#include <list>

namespace Flotilla::Sandbox {

// The open event streams: each gets the events its filter admits, framed as Server-Sent Events,
// and a keep-alive comment when it has been quiet.
class EventHub final : public QObject
{
    Q_OBJECT
public:
    // A stream whose client has not taken this much of what was written to it is dropped, as
    // real servers drop slow consumers: its memory would otherwise grow without bound.
    static constexpr qint64 MaxBacklogBytes = 1024 * 1024;

    EventHub(const Fleet &fleet, int keepAliveMs, QObject *parent = nullptr);

    void subscribe(Connection connection, const StreamFilter &filter, const QString &address);
    void publish(const CloudEvent &event);
    int size() const { return static_cast<int>(m_subscribers.size()); }
    // Streams dropped because their client did not read.
    quint64 droppedSlowStreams() const { return m_droppedSlow; }
    std::function<void(const QString &address)> onClosed;

    static bool matches(const StreamFilter &filter, const CloudEvent &event, int productId);

private:
    struct Subscriber
    {
        Connection connection;
        StreamFilter filter;
        QString address;
    };
    void keepAlive();
    void prune();
    // Writes `data` to a subscriber; drops it (true) when its backlog is over the limit.
    bool write(Subscriber &subscriber, const QByteArray &data);

    const Fleet &m_fleet;
    std::list<Subscriber> m_subscribers;
    QTimer m_keepAlive;
    quint64 m_droppedSlow = 0;
};

} // namespace Flotilla::Sandbox
