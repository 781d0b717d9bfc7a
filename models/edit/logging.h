// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace Flotilla::Edit {

// "flotilla.edit": the edits planned and applied, and why one was refused. Never tokens or
// secrets.
Q_DECLARE_LOGGING_CATEGORY(lcEdit)

} // namespace Flotilla::Edit
