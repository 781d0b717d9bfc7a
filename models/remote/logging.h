// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace Flotilla::Remote {

// "flotilla.remote": requests, retries, sign-outs, streams. Never tokens, secrets or bodies.
Q_DECLARE_LOGGING_CATEGORY(lcRemote)

} // namespace Flotilla::Remote
