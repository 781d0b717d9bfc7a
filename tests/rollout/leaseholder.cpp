// SPDX-License-Identifier: MIT
// A process that takes the driver lease of the cache named on its command line and keeps it
// until it is killed: tst_sharedcache kills it with SIGKILL and checks that the lease of a
// process that is gone is taken over. Prints "held" once it holds the lease, "busy" when
// another process does (and exits).
#include "session/cachelease.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2) {
        QTextStream(stderr) << "usage: flotilla-leaseholder CACHE_FILE\n";
        return 2;
    }
    Flotilla::Session::CacheLease lease(args.at(1));
    QTextStream out(stdout);
    if (!lease.tryAcquire()) {
        out << "busy\n";
        return 1;
    }
    out << "held\n";
    out.flush();
    return QCoreApplication::exec();
}
