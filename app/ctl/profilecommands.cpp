// SPDX-License-Identifier: MIT
// login, logout, profiles: the connections flotillactl knows.
#include "app/ctl/context.h"
#include "app/ctl/ctl.h"

namespace Flotilla::Ctl {

QList<Command> profileCommands()
{
    return {};
}

} // namespace Flotilla::Ctl
