// SPDX-License-Identifier: MIT
#pragma once

#include "domain/rollout.h"

namespace Flotilla::Domain {

// What a new rollout starts from unless the operator sets it: the thresholds of the default
// waves and the device timeout (the console's and flotillactl's preferences,
// Session::Preferences; these are the defaults when none are set).
struct RolloutDefaults
{
    Threshold success = WaveSpec {}.success;
    Threshold failure = WaveSpec {}.failure;
    qint64 deviceTimeoutS = RolloutSpec {}.deviceTimeoutS;
    bool operator==(const RolloutDefaults &) const = default;
};

} // namespace Flotilla::Domain
