// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace Flotilla::Sync {
Q_DECLARE_LOGGING_CATEGORY(lcSync)
}
