// SPDX-License-Identifier: MIT
#include "paging.h"

#include <algorithm>

namespace Flotilla::Sandbox {

Paging parsePaging(const Fields &query, int defaultPerPage, int maxPerPage)
{
    Paging p;
    p.perPage = defaultPerPage;
    QString error;
    if (const auto page = query.integer(QStringLiteral("page"), &error)) {
        if (*page < 1 || *page > 10000000)
            error = QStringLiteral("'page' must be a positive integer");
        else
            p.page = static_cast<int>(*page);
    }
    for (const QString &key : {QStringLiteral("perPage"), QStringLiteral("per_page")}) {
        if (!error.isEmpty())
            break;
        if (const auto per = query.integer(key, &error)) {
            if (*per < 1)
                error = QStringLiteral("'%1' must be a positive integer").arg(key);
            else
                p.perPage = static_cast<int>(std::min<qint64>(*per, maxPerPage));
        }
    }
    p.error = error;
    return p;
}

} // namespace Flotilla::Sandbox
