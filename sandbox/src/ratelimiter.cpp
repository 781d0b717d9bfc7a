// SPDX-License-Identifier: MIT
#include "ratelimiter.h"

#include <algorithm>

namespace Flotilla::Sandbox {

RateLimiter::RateLimiter(int limit, int windowSeconds)
    : m_limit(limit)
    , m_windowSeconds(std::max(1, windowSeconds))
{ }

void RateLimiter::advance(Window &w, qint64 second) const
{
    if (w.buckets.empty()) {
        w.buckets.assign(static_cast<size_t>(m_windowSeconds), 0);
        w.lastSecond = second;
        return;
    }
    const qint64 steps = std::min<qint64>(second - w.lastSecond, m_windowSeconds);
    for (qint64 s = 1; s <= steps; ++s) {
        int &bucket = w.buckets[static_cast<size_t>((w.lastSecond + s) % m_windowSeconds)];
        w.total -= bucket;
        bucket = 0;
    }
    if (second > w.lastSecond)
        w.lastSecond = second;
}

bool RateLimiter::allow(const QString &key, qint64 nowMs)
{
    Window &w = m_windows[key];
    const qint64 second = nowMs / 1000;
    advance(w, second);
    if (w.total >= m_limit)
        return false;
    ++w.buckets[static_cast<size_t>(w.lastSecond % m_windowSeconds)];
    ++w.total;
    return true;
}

int RateLimiter::used(const QString &key, qint64 nowMs)
{
    Window &w = m_windows[key];
    advance(w, nowMs / 1000);
    return w.total;
}

} // namespace Flotilla::Sandbox
