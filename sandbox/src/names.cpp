// SPDX-License-Identifier: MIT
#include "names.h"

namespace Flotilla::Sandbox {

QString groupNameError(QStringView name)
{
    if (name.isEmpty())
        return QStringLiteral("Group name must not be empty");
    if (name.size() > MaxGroupNameLength)
        return QStringLiteral("Group name must be at most %1 characters, got %2")
            .arg(MaxGroupNameLength)
            .arg(name.size());
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool ok
            = (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-' || u == u'_';
        if (!ok)
            return QStringLiteral("Group name may only contain lowercase letters a-z, digits 0-9, "
                                  "hyphen and underscore: '%1'")
                .arg(name);
    }
    return {};
}

bool isDeviceId(QStringView text)
{
    if (text.size() != 24)
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F')))
            return false;
    }
    return true;
}

} // namespace Flotilla::Sandbox
