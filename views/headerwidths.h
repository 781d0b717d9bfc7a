// SPDX-License-Identifier: MIT
#pragma once

#include <QHeaderView>

#include <algorithm>

namespace Flotilla::Views {

// Gives a column its usual `width`, or more when its header's text needs more in the language
// Flotilla speaks: a column sized for "Pending" still shows the whole of "Ausstehend". Call it
// once the header's model is set.
inline void resizeSectionAtLeast(QHeaderView *header, int logicalIndex, int width)
{
    header->resizeSection(logicalIndex, std::max(width, header->sectionSizeHint(logicalIndex)));
}

} // namespace Flotilla::Views
