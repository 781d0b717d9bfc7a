// SPDX-License-Identifier: MIT
#pragma once

#include "api.h"
#include "faults.h"
#include "httpserver.h"
#include "simulator.h"

#include <QString>
#include <QStringList>

namespace Flotilla::Sandbox {

struct SandboxOptions
{
    quint16 port = 0;
    quint64 seed = 1;
    int devices = 2000;
    int customers = 6;
    int stock = -1; // factory stock outside the product; -1: 1% of the devices, at least 5
    QString statePath;
    bool allowUnprovenRelease = false;
    QString stockCsvPath; // the factory stock written there as a shipment list (CSV)
    bool stockOnline = false; // imported factory stock connects (and churns) from then on
    bool batchAppliesAddOnly = false;
    bool renameDropsRelease = false;
    int descriptionCut = 0;
    bool uniformFleet = false; // the demo fleet without stock, returns, development devices, locks
    int keepAliveMs = 9000;
    SimulationSettings simulation;
    FaultSettings faults;
    ApiLimits limits;
    HttpServer::Limits http;
};

struct ParsedOptions
{
    SandboxOptions options;
    QString error; // non-empty: print it with the usage and exit 2
    bool help = false; // print the usage and exit 0
    QString helpText;
};

// Parses the flotilla-sandbox command line (arguments include the program name).
ParsedOptions parseOptions(const QStringList &arguments);

} // namespace Flotilla::Sandbox
