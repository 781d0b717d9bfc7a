// SPDX-License-Identifier: MIT
// The peak resident set size of this process, for the benchmarks' measuring programs.
#pragma once

#include <QByteArray>
#include <QFile>

namespace Flotilla::TestSupport {

// In MB (VmHWM of /proc/self/status, Linux); -1 where it cannot be read.
inline double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

} // namespace Flotilla::TestSupport
