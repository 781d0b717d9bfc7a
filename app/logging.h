// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace Flotilla::App {

// "flotilla.app": start-up, the sandbox process, sign-in (never tokens or secrets).
Q_DECLARE_LOGGING_CATEGORY(lcApp)

} // namespace Flotilla::App
