// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace Flotilla::Store {
Q_DECLARE_LOGGING_CATEGORY(lcStore)
} // namespace Flotilla::Store
