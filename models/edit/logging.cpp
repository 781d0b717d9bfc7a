// SPDX-License-Identifier: MIT
#include "edit/logging.h"

namespace Flotilla::Edit {

Q_LOGGING_CATEGORY(lcEdit, "flotilla.edit")

} // namespace Flotilla::Edit
