// SPDX-License-Identifier: MIT
#pragma once

#include "api.h"
#include "eventhub.h"
#include "faults.h"
#include "fleet.h"
#include "httpserver.h"
#include "options.h"
#include "simulator.h"

#include <QMap>
#include <QObject>

#include <memory>

namespace Flotilla::Sandbox {

// The sandbox cloud as one object: state, API, simulation, event streams, fault injection and
// the HTTP server, plus the admin routes under /admin (loopback only, with the admin token).
class Sandbox final : public QObject
{
    Q_OBJECT
public:
    explicit Sandbox(const SandboxOptions &options, QObject *parent = nullptr);
    ~Sandbox() override;

    // Loads --state (or generates the demo fleet), listens and starts the simulation.
    bool start(QString *error);
    // The start line: {"url", "token", "username", "password", "product", "oauth_client",
    // "admin_token"}.
    QByteArray startLine() const;
    bool saveState(QString *error);
    // The factory stock as a shipment list (--stock-csv).
    bool writeStockList(const QString &path, QString *error) const;
    quint16 port() const { return m_port; }
    Fleet &fleet() { return m_fleet; }
    Simulator &simulator() { return *m_simulator; }

private:
    void handle(const ApiRequest &request, Connection connection);
    void deliver(const ApiRequest &request, Connection connection, Faults::Action action);
    ApiResponse admin(const ApiRequest &request);
    // Whether the request carries the admin token as a Bearer token.
    bool isAdmin(const ApiRequest &request) const;
    void count(const QString &route, int status);

    SandboxOptions m_options;
    Fleet m_fleet;
    std::unique_ptr<Api> m_api;
    Simulator *m_simulator = nullptr;
    EventHub *m_events = nullptr;
    HttpServer *m_server = nullptr;
    Faults m_faults;
    quint16 m_port = 0;
    quint64 m_requests = 0;
    QMap<QString, quint64> m_byRoute;
    QMap<int, quint64> m_byStatus;
};

} // namespace Flotilla::Sandbox
