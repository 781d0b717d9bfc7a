// SPDX-License-Identifier: MIT
#include "changes.h"

namespace Flotilla::Store {

bool ChangeSet::isEmpty() const
{
    return devices.isEmpty() && removedDevices.isEmpty() && groups.isEmpty()
        && removedGroups.isEmpty() && firmware.isEmpty() && removedFirmware.isEmpty()
        && customers.isEmpty() && removedCustomers.isEmpty();
}

} // namespace Flotilla::Store
