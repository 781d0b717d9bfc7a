// SPDX-License-Identifier: MIT
#include "devicecodec.h"

#include <limits>
#include <utility>

namespace Flotilla::Store {

namespace {

constexpr quint64 HasNotes = 1;
constexpr quint64 Development = 2;
constexpr quint64 Online = 4;
constexpr quint64 Quarantined = 8;
constexpr quint64 HasDesired = 16;
constexpr quint64 HasTargeted = 32;
constexpr quint64 KnownFlags = 63;

// Enough distinct shared strings for any real fleet's groups and owners; beyond it strings are
// simply not shared (a fleet where every owner is different gains nothing from sharing).
constexpr qsizetype MaxSharedStrings = 8192;

void putVarint(QByteArray &out, quint64 value)
{
    while (value >= 0x80) {
        out.append(static_cast<char>((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.append(static_cast<char>(value));
}

void putSigned(QByteArray &out, qint64 value)
{
    putVarint(out, (static_cast<quint64>(value) << 1) ^ static_cast<quint64>(value >> 63));
}

void putString(QByteArray &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    putVarint(out, static_cast<quint64>(utf8.size()));
    out.append(utf8);
}

class Reader
{
public:
    explicit Reader(QByteArrayView data)
        : m_p(data.data())
        , m_end(data.data() + data.size())
    { }

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_p == m_end; }

    quint8 byte()
    {
        if (m_p == m_end)
            return fail(), 0;
        return static_cast<quint8>(*m_p++);
    }
    quint64 varint()
    {
        quint64 value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p == m_end)
                return fail(), 0;
            const auto b = static_cast<quint8>(*m_p++);
            value |= static_cast<quint64>(b & 0x7f) << shift;
            if (!(b & 0x80))
                return value;
        }
        return fail(), 0;
    }
    qint64 signedVarint()
    {
        const quint64 v = varint();
        return static_cast<qint64>((v >> 1) ^ (~(v & 1) + 1));
    }
    int integer()
    {
        const qint64 v = signedVarint();
        if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
            return fail(), 0;
        return static_cast<int>(v);
    }
    // The bytes of the next string (valid while the record is).
    std::pair<const char *, qsizetype> bytes()
    {
        const quint64 size = varint();
        if (!m_ok || size > static_cast<quint64>(m_end - m_p))
            return fail(), std::pair<const char *, qsizetype> {nullptr, 0};
        const char *start = m_p;
        m_p += size;
        return {start, static_cast<qsizetype>(size)};
    }
    QString string()
    {
        const auto [data, size] = bytes();
        return size ? QString::fromUtf8(data, size) : QString();
    }

    void fail() { m_ok = false, m_p = m_end; }

private:
    const char *m_p;
    const char *m_end;
    bool m_ok = true;
};

} // namespace

void DeviceCodec::encode(const Domain::Device &d, QByteArray &out)
{
    out.append(static_cast<char>(FormatVersion));
    quint64 flags = 0;
    flags |= d.hasNotes ? HasNotes : 0;
    flags |= d.development ? Development : 0;
    flags |= d.online ? Online : 0;
    flags |= d.quarantined ? Quarantined : 0;
    flags |= d.desiredFirmwareVersion ? HasDesired : 0;
    flags |= d.targetedFirmwareVersion ? HasTargeted : 0;
    putVarint(out, flags);
    putString(out, d.id);
    putString(out, d.name);
    putString(out, d.serialNumber);
    putString(out, d.iccid);
    putString(out, d.imei);
    putString(out, d.notes);
    putString(out, d.owner);
    putString(out, d.systemFirmwareVersion);
    putVarint(out, static_cast<quint64>(d.groups.size()));
    for (const QString &group : d.groups)
        putString(out, group);
    putSigned(out, d.lastHeardMs);
    putSigned(out, d.lastHandshakeMs);
    putSigned(out, d.productId);
    putSigned(out, d.platformId);
    putSigned(out, d.firmwareVersion);
    if (d.desiredFirmwareVersion)
        putSigned(out, *d.desiredFirmwareVersion);
    if (d.targetedFirmwareVersion)
        putSigned(out, *d.targetedFirmwareVersion);
}

QByteArray DeviceCodec::encode(const Domain::Device &device)
{
    QByteArray out;
    out.reserve(256);
    encode(device, out);
    return out;
}

QString DeviceCodec::shared(const char *data, qsizetype size)
{
    if (size == 0)
        return {};
    const QByteArray key = QByteArray::fromRawData(data, size); // no copy for the lookup
    const auto it = m_strings.constFind(key);
    if (it != m_strings.constEnd())
        return *it;
    QString text = QString::fromUtf8(data, size);
    if (m_strings.size() < MaxSharedStrings)
        m_strings.insert(QByteArray(data, size), text);
    return text;
}

bool DeviceCodec::decode(QByteArrayView data, Domain::Device &d, QString *error)
{
    Reader r(data);
    const quint8 version = r.byte();
    if (!r.ok() || version < OldestFormatVersion || version > FormatVersion) {
        if (error)
            *error = r.ok() ? QStringLiteral("unknown device record format %1").arg(version)
                            : QStringLiteral("empty device record");
        return false;
    }
    const quint64 flags = r.varint();
    d.id = r.string();
    d.name = r.string();
    d.serialNumber = r.string();
    d.iccid = r.string();
    if (version >= 2)
        d.imei = r.string();
    else
        d.imei.clear(); // format 1 had none
    d.notes = r.string();
    auto [owner, ownerSize] = r.bytes();
    d.owner = shared(owner, ownerSize);
    auto [system, systemSize] = r.bytes();
    d.systemFirmwareVersion = shared(system, systemSize);
    const quint64 groups = r.varint();
    d.groups.clear();
    if (r.ok() && groups <= static_cast<quint64>(data.size())) {
        d.groups.reserve(static_cast<qsizetype>(groups));
        for (quint64 i = 0; i < groups && r.ok(); ++i) {
            auto [group, groupSize] = r.bytes();
            d.groups.append(shared(group, groupSize));
        }
    } else {
        r.fail(); // more groups than the record has bytes
    }
    d.lastHeardMs = r.signedVarint();
    d.lastHandshakeMs = r.signedVarint();
    d.productId = r.integer();
    d.platformId = r.integer();
    d.firmwareVersion = r.integer();
    d.desiredFirmwareVersion.reset();
    d.targetedFirmwareVersion.reset();
    if (flags & HasDesired)
        d.desiredFirmwareVersion = r.integer();
    if (flags & HasTargeted)
        d.targetedFirmwareVersion = r.integer();
    d.hasNotes = flags & HasNotes;
    d.development = flags & Development;
    d.online = flags & Online;
    d.quarantined = flags & Quarantined;
    if (!r.ok() || !r.atEnd() || (flags & ~KnownFlags)) {
        if (error)
            *error = !r.ok() ? QStringLiteral("truncated device record")
                             : QStringLiteral("malformed device record");
        return false;
    }
    return true;
}

} // namespace Flotilla::Store
