// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace Flotilla::Remote {
class EventStream;
struct SseEvent;
} // namespace Flotilla::Remote

namespace Flotilla::Sync::Detail {

class SyncHost;
struct SyncShared;

// The live part of the sync engine (internal): follows the product event stream. Every event is
// passed on (deviceEvent); online/offline status is written in batches (config.liveFlushMs); a
// device not known here, or a release, asks for a read (unknownDevice, releasesChanged).
class LiveEvents final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveEvents)

public:
    LiveEvents(
        SyncShared &shared, SyncHost &host, QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~LiveEvents() override;

    void setUrl(const QUrl &url) { m_url = url; }
    // Used by the stream from now on (a running stream too).
    void setAccessToken(const QString &token);
    // Connects the stream when it is wanted (config.liveEvents), the fleet is loaded, and a
    // token and a URL are set.
    void start();
    void stop();
    bool isConnected() const;
    // `deviceId` is asked for again (unknownDevice) the next time an event names it.
    void forgetUnknown(const QString &deviceId) { m_unknownSeen.remove(deviceId); }

Q_SIGNALS:
    void deviceEvent(const QString &deviceId, const QString &name, const QString &data, int version,
        qint64 publishedMs);
    void connectedChanged(bool connected);
    // An event of a device that is not in the fleet here (asked once until forgetUnknown()).
    void unknownDevice(const QString &deviceId);
    // A release or an upload: targets may have moved.
    void releasesChanged();

private:
    void onEvent(const Remote::SseEvent &event);
    void flushLive();

    struct LiveStatus
    {
        bool online = false;
        qint64 atMs = 0;
        int version = 0;
    };

    SyncShared &m_shared;
    SyncHost &m_host;
    QNetworkAccessManager *m_nam;
    QUrl m_url;
    QString m_token;
    Remote::EventStream *m_events = nullptr;
    QTimer m_liveTimer;
    QHash<QString, LiveStatus> m_live; // live status changes waiting to be written
    QSet<QString> m_unknownSeen;
};

} // namespace Flotilla::Sync::Detail
