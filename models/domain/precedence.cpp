// SPDX-License-Identifier: MIT
#include "domain/precedence.h"

#include <algorithm>

namespace Flotilla::Domain {

std::optional<int> effectiveTarget(bool development, std::optional<int> lock,
    const QList<int> &groupReleaseVersions, std::optional<int> productDefault)
{
    if (development)
        return std::nullopt;
    if (lock)
        return lock;
    if (!groupReleaseVersions.isEmpty())
        return *std::max_element(groupReleaseVersions.cbegin(), groupReleaseVersions.cend());
    return productDefault;
}

std::optional<int> effectiveTarget(const Device &device,
    const QHash<QString, int> &releasedVersionByGroup, std::optional<int> productDefault)
{
    QList<int> releases;
    for (const QString &group : device.groups) {
        const auto it = releasedVersionByGroup.constFind(group);
        if (it != releasedVersionByGroup.cend())
            releases.append(*it);
    }
    return effectiveTarget(
        device.development, device.desiredFirmwareVersion, releases, productDefault);
}

} // namespace Flotilla::Domain
