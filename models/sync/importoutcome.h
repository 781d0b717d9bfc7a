// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Flotilla::Sync {

// What sending an import (Outbox::DeviceImport) did, identifier by identifier, as the rows of
// the import named the devices. Identifiers are as the rows wrote them, trimmed; the lists name
// each identifier once (as its first row wrote it), deviceIds each way a row wrote it.
struct ImportOutcome
{
    qint64 entryId = 0; // the import's outbox entry
    QStringList imported; // identifiers added to the product
    QStringList existing; // already in it
    // identifier -> why the cloud refused it, for people ("unknown to Particle", "owned outside
    // the product's team", "protected device"; or the cloud's message when it refused the
    // request that carried the identifier, as it may one chunk of a large import)
    QHash<QString, QString> refused;
    QHash<QString, QString> deviceIds; // identifier -> device ID, for those found
    QStringList notFound; // imported, but not found by the pull that followed (logged too)
    // identifier -> why it was found but not placed (its customer or group is gone, or another
    // row names the same device by another identifier and places it otherwise: none of them
    // is applied)
    QHash<QString, QString> unplaced;
};

} // namespace Flotilla::Sync

Q_DECLARE_METATYPE(Flotilla::Sync::ImportOutcome)
