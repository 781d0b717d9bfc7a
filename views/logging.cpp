// SPDX-License-Identifier: MIT
#include "views/logging.h"

namespace Flotilla::Views {

Q_LOGGING_CATEGORY(lcViews, "flotilla.views")

} // namespace Flotilla::Views
