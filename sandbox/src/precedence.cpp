// SPDX-License-Identifier: MIT
#include "precedence.h"

#include <algorithm>

namespace Flotilla::Sandbox {

std::optional<int> targetedFirmwareVersion(const TargetInput &input)
{
    if (input.development)
        return std::nullopt;
    if (input.lockedVersion)
        return input.lockedVersion;
    if (!input.groupReleaseVersions.isEmpty())
        return *std::max_element(
            input.groupReleaseVersions.cbegin(), input.groupReleaseVersions.cend());
    return input.productDefault;
}

} // namespace Flotilla::Sandbox
