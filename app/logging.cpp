// SPDX-License-Identifier: MIT
#include "app/logging.h"

namespace Flotilla::App {

Q_LOGGING_CATEGORY(lcApp, "flotilla.app")

} // namespace Flotilla::App
