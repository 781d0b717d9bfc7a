// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace Flotilla::Views {

// "flotilla.views": what the user did and what the window asked of the sync engine. Never
// tokens or secrets.
Q_DECLARE_LOGGING_CATEGORY(lcViews)

} // namespace Flotilla::Views
