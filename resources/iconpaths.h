// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

namespace Flotilla::Resources {

// The reverse-DNS id of the application ("example.flotilla.Flotilla"): the name of its desktop
// entry (without ".desktop"), of its AppStream metainfo and of its icon in the icon theme.
QString applicationId();

// The application icon's SVG, compiled in, and the same drawn for 16 to 24 px.
QString applicationIconPath();
QString smallApplicationIconPath();
constexpr int largestSmallApplicationIcon = 24;

// The compiled-in SVG of the icon `name` (resources/icons/<name>.svg), e.g. "customer".
QString iconPath(QStringView name);

} // namespace Flotilla::Resources
