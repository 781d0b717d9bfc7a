// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>

#include <vector>

namespace Flotilla::Sandbox {

// A sliding-window request counter per key (client address): at most `limit` requests within
// the last `windowSeconds`, counted in one-second buckets. Time is passed in, so tests control it.
class RateLimiter
{
public:
    RateLimiter(int limit, int windowSeconds);

    // Counts one request at `nowMs` and returns true when it is within the limit. A request over
    // the limit is not counted.
    bool allow(const QString &key, qint64 nowMs);
    int used(const QString &key, qint64 nowMs);
    int limit() const { return m_limit; }
    void setLimit(int limit) { m_limit = limit; }
    void reset() { m_windows.clear(); }

private:
    struct Window
    {
        std::vector<int> buckets;
        qint64 lastSecond = 0;
        int total = 0;
    };
    void advance(Window &w, qint64 second) const;

    int m_limit;
    int m_windowSeconds;
    QHash<QString, Window> m_windows;
};

} // namespace Flotilla::Sandbox
