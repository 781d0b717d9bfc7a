// SPDX-License-Identifier: MIT
#pragma once

#include "domain/entities.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>

namespace Flotilla::Store {

// The compact binary record of a Domain::Device kept in devices.data (one blob per device).
//
// Layout, format version 1 (all integers are LEB128 varints, signed ones zig-zag encoded first;
// strings are a varint byte length followed by UTF-8):
//   u8      format version (1)
//   varint  flags: 1 hasNotes, 2 development, 4 online, 8 quarantined,
//                  16 desiredFirmwareVersion present, 32 targetedFirmwareVersion present
//   string  id, name, serialNumber, iccid, notes, owner, systemFirmwareVersion
//   varint  number of groups, then each group as a string
//   svarint lastHeardMs, lastHandshakeMs, productId, platformId, firmwareVersion
//   svarint desiredFirmwareVersion (if flagged), targetedFirmwareVersion (if flagged)
// A new field means a new format version: the decoder keeps reading every older version, and the
// schema version is raised with it so that an older Flotilla refuses the cache instead of
// misreading it.
class DeviceCodec final
{
public:
    static constexpr quint8 FormatVersion = 1;

    // Appends the record of `device` to `out` (callers reuse one buffer for many devices).
    static void encode(const Domain::Device &device, QByteArray &out);
    static QByteArray encode(const Domain::Device &device);

    // Decodes one record into `device`. On failure returns false and sets `error`. Strings that
    // repeat across devices (groups, owner, system firmware version) are shared between the
    // decoded devices of one DeviceCodec instance, which saves memory and time on big fleets.
    bool decode(QByteArrayView data, Domain::Device &device, QString *error);

private:
    QString shared(const char *data, qsizetype size);

    QHash<QByteArray, QString> m_strings;
};

} // namespace Flotilla::Store
