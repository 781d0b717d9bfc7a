// SPDX-License-Identifier: MIT
// The peak resident set size of this process, for the benchmarks' measuring programs.
#pragma once

#include <QByteArray>
#include <QFile>

#ifdef Q_OS_WIN
#include <qt_windows.h>

#include <psapi.h>
#elif defined(Q_OS_UNIX) && !defined(Q_OS_LINUX)
#include <sys/resource.h>
#endif

namespace Flotilla::TestSupport {

// In MB (Linux: VmHWM of /proc/self/status; Windows: the peak working set; other Unix systems:
// getrusage's maximum resident set size); -1 where it cannot be read.
inline double peakRssMb()
{
#ifdef Q_OS_LINUX
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
#elif defined(Q_OS_WIN)
    PROCESS_MEMORY_COUNTERS counters {};
    if (!::GetProcessMemoryInfo(::GetCurrentProcess(), &counters, sizeof(counters)))
        return -1;
    return double(counters.PeakWorkingSetSize) / (1024.0 * 1024.0);
#elif defined(Q_OS_UNIX)
    rusage usage {};
    if (::getrusage(RUSAGE_SELF, &usage) != 0)
        return -1;
#ifdef Q_OS_MACOS
    return double(usage.ru_maxrss) / (1024.0 * 1024.0); // bytes
#else
    return double(usage.ru_maxrss) / 1024.0; // KiB
#endif
#else
    return -1;
#endif
}

} // namespace Flotilla::TestSupport
