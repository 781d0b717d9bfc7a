// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

namespace Flotilla::Remote {
class ParticleClient;
}

namespace Flotilla::Session {

// How much of Particle's request allowance the session has left (the REST client's sliding
// window), and whether the client has a token the cloud still takes: what the status bar shows.
// changed() when a request went out, and now and then (the window slides without requests).
class ApiUsage final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiUsage)

public:
    explicit ApiUsage(Remote::ParticleClient *client, QObject *parent = nullptr);
    ~ApiUsage() override;

    // False once the client is gone: nothing to show.
    bool isAvailable() const { return !m_client.isNull(); }
    int headroom() const; // requests left in the current window
    int usedInWindow() const;
    int rateLimit() const; // requests allowed per window
    int windowSeconds() const;
    // No token, or the cloud refused it.
    bool isSignedOut() const;
    bool hasAccessToken() const;

Q_SIGNALS:
    void changed();

private:
    QPointer<Remote::ParticleClient> m_client;
};

} // namespace Flotilla::Session
