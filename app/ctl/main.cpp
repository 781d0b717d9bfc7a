// SPDX-License-Identifier: MIT
// flotillactl: the Flotilla console on the command line (docs/flotillactl.md).
#include "app/ctl/ctl.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Before anything reads QSettings or QStandardPaths: the console's folders.
    QCoreApplication::setOrganizationName(QStringLiteral("Flotilla"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("flotilla.example"));
    QCoreApplication::setApplicationName(QStringLiteral("Console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLOTILLA_VERSION));
    return Flotilla::Ctl::run(QCoreApplication::arguments());
}
