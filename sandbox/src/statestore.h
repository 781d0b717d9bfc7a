// SPDX-License-Identifier: MIT
#pragma once

#include "fleet.h"

#include <QString>

namespace Flotilla::Sandbox {

// Saves and loads the whole sandbox state in one SQLite file (--state). Saving writes a new file
// next to the old one and renames it over, so a crash never leaves half a state behind.
namespace StateStore {
bool save(const Fleet &fleet, const QString &path, QString *error);
bool load(Fleet &fleet, const QString &path, QString *error);
} // namespace StateStore

} // namespace Flotilla::Sandbox
