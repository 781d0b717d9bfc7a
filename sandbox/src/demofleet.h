// SPDX-License-Identifier: MIT
#pragma once

#include "fleet.h"

namespace Flotilla::Sandbox {

struct DemoOptions
{
    quint64 seed = 1;
    int devices = 2000;
    int customers = 6;
    // Every device an active production device of a customer node, running its target: no
    // unassigned stock, no returns, no development devices, no locks (benchmarks).
    bool uniform = false;
    // Factory stock: units that exist at Particle (device ID, serial number, ICCID, IMEI) but are
    // in no product yet, so they can be imported. -1: 1% of `devices`, at least 5.
    int stock = -1;
    int productId = 20001;
    QString productSlug = QStringLiteral("flotilla-demo");
};

// The time-zero TOTP secret of the seeded MFA user (documented in sandbox/README.md).
inline constexpr char MfaSecretBase32[] = "JBSWY3DPEHPK3PXP";

// Fills `fleet` with the demo fleet: customers with two or three levels of groups in the Flotilla
// encoding, unassigned stock, returned units, six firmware versions with group releases and a
// product default, locked and development devices, and about 70% of the fleet online. A uniform
// fleet (options.uniform) has only the customers' devices, all of them ones the cloud may update.
// Outside the product: factory stock and three units of another product. Everything comes from
// the seed except the credentials (the demo user's token, the users' password, the OAuth
// client's secret), which are random on every call.
// `now` is the simulated wall clock in ms. Returns the demo user's access token.
QString generateDemoFleet(Fleet &fleet, const DemoOptions &options, qint64 now);

} // namespace Flotilla::Sandbox
