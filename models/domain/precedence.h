// SPDX-License-Identifier: MIT
#pragma once

#include "domain/entities.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Flotilla::Domain {

// The product firmware version the cloud targets for a device (its
// targeted_firmware_release_version), following Particle's precedence (particle-api.md §8):
// 1. a development device is never targeted;
// 2. a locked device (desired_firmware_version) is targeted at its lock;
// 3. else the highest version released to any of its groups;
// 4. else the product default release;
// 5. else nothing.
std::optional<int> effectiveTarget(bool development, std::optional<int> lock,
    const QList<int> &groupReleaseVersions, std::optional<int> productDefault);

// The same for a device, with `releasedVersionByGroup` mapping a group name to the version
// released to it (groups without a release are absent).
std::optional<int> effectiveTarget(const Device &device,
    const QHash<QString, int> &releasedVersionByGroup, std::optional<int> productDefault);

} // namespace Flotilla::Domain
