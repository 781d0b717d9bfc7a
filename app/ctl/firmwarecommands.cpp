// SPDX-License-Identifier: MIT
// firmware …, flash …, rollout …: firmware and its rollouts.
#include "app/ctl/context.h"
#include "app/ctl/ctl.h"

namespace Flotilla::Ctl {

QList<Command> firmwareCommands()
{
    return {};
}

} // namespace Flotilla::Ctl
