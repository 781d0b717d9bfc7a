// SPDX-License-Identifier: MIT
#pragma once

#include <QList>

#include <optional>

namespace Flotilla::Sandbox {

// What the cloud knows about one device when it decides which product firmware to target.
struct TargetInput
{
    bool development = false;
    std::optional<int> lockedVersion; // desired_firmware_version
    QList<int> groupReleaseVersions; // versions released to any group the device is in
    std::optional<int> productDefault; // version released as product default
};

// The version the cloud targets for a device (targeted_firmware_release_version), following
// Particle's precedence: development > lock > highest group release > product default > none.
std::optional<int> targetedFirmwareVersion(const TargetInput &input);

} // namespace Flotilla::Sandbox
