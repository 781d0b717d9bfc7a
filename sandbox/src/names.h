// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Flotilla::Sandbox {

inline constexpr int MaxGroupNameLength = 64;

// Empty when `name` is a valid Particle group name (^[a-z0-9_-]{1,64}$), else a message for
// the API caller that says what is wrong with it.
QString groupNameError(QStringView name);
inline bool isValidGroupName(QStringView name)
{
    return groupNameError(name).isEmpty();
}

// Device IDs are 24 hexadecimal characters; the cloud compares them case-insensitively.
bool isDeviceId(QStringView text);

} // namespace Flotilla::Sandbox
