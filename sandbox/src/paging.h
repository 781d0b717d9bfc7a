// SPDX-License-Identifier: MIT
#pragma once

#include "request.h"

#include <QString>

namespace Flotilla::Sandbox {

struct Paging
{
    int page = 1;
    int perPage = 25;
    QString error; // non-empty: the parameters are invalid

    // The number of pages for `total` items (0 for an empty list).
    int totalPages(qsizetype total) const
    {
        return static_cast<int>((total + perPage - 1) / perPage);
    }
    qsizetype first() const { return qsizetype(page - 1) * perPage; }
};

// Reads `page` and the page size, spelled `perPage` (Particle's docs) or `per_page`
// (particle-api-js). Page sizes above `maxPerPage` are clamped; non-positive or non-numeric
// values are an error.
Paging parsePaging(const Fields &query, int defaultPerPage, int maxPerPage);

} // namespace Flotilla::Sandbox
