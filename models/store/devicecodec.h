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
// Layout, format version 2 (all integers are LEB128 varints, signed ones zig-zag encoded first;
// strings are a varint byte length followed by UTF-8):
//   u8      format version (2)
//   varint  flags: 1 hasNotes, 2 development, 4 online, 8 quarantined,
//                  16 desiredFirmwareVersion present, 32 targetedFirmwareVersion present
//   string  id, name, serialNumber, iccid, imei, notes, owner, systemFirmwareVersion
//   varint  number of groups, then each group as a string
//   svarint lastHeardMs, lastHandshakeMs, productId, platformId, firmwareVersion
//   svarint desiredFirmwareVersion (if flagged), targetedFirmwareVersion (if flagged)
// Format version 1 is the same without the imei: its records decode with an empty imei (a cache
// written before stays readable, and each device is written in the new format when it next
// changes; the next full pull fills the imei in).
// A new field means a new format version: the decoder keeps reading every older version. An
// older Flotilla finds the records of a newer format damaged (the version byte names what it
// cannot read), rebuilds them from the cloud with the next full pull and keeps the outbox.
class DeviceCodec final
{
public:
    static constexpr quint8 FormatVersion = 2;
    static constexpr quint8 OldestFormatVersion = 1; // still decoded

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
