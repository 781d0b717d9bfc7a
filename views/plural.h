// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Flotilla::Views {

// Counted phrases without an English catalogue: the singular is a source string of its own
// ("1 pending change") and the plural keeps %n and its numerus form for translators
// (tr("%n pending changes", nullptr, n)), so English reads right with no .qm loaded.
inline QString plural(int n, const QString &one, const QString &many)
{
    return n == 1 ? one : many;
}

} // namespace Flotilla::Views
