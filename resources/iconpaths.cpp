// SPDX-License-Identifier: MIT
#include "resources/iconpaths.h"

namespace Flotilla::Resources {

QString applicationId()
{
    return QStringLiteral(FLOTILLA_APP_ID);
}

QString applicationIconPath()
{
    return QStringLiteral(":/flotilla/flotilla.svg");
}

QString smallApplicationIconPath()
{
    return QStringLiteral(":/flotilla/flotilla-small.svg");
}

QString iconPath(QStringView name)
{
    return QStringLiteral(":/flotilla/icons/") + name + QStringLiteral(".svg");
}

} // namespace Flotilla::Resources
