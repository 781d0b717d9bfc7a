// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Flotilla::Domain {

// Value types of the fleet as Flotilla keeps it. Times are milliseconds since the epoch (UTC),
// 0 meaning "never". Group lists are sorted.

struct Product
{
    int id = 0;
    QString slug;
    QString name;
    int platformId = 0;
    bool operator==(const Product &) const = default;
};

struct Device
{
    QString id; // 24 lowercase hex characters
    QString name;
    QString serialNumber;
    QString iccid;
    QString imei; // of a cellular device's modem; empty when the cloud names none
    QString notes;
    QString owner; // username/email of the claimant; empty when unclaimed
    QString systemFirmwareVersion;
    QStringList groups; // sorted
    qint64 lastHeardMs = 0;
    qint64 lastHandshakeMs = 0;
    int productId = 0;
    int platformId = 0;
    int firmwareVersion = 0; // what it runs (0: no product firmware)
    std::optional<int> desiredFirmwareVersion; // locked to
    std::optional<int> targetedFirmwareVersion; // what the cloud targets
    bool hasNotes = false;
    bool development = false;
    bool online = false;
    bool quarantined = false;
    bool operator==(const Device &) const = default;
};

struct Group
{
    QString name;
    QString description;
    QString color;
    std::optional<int> releasedVersion; // fw_version
    bool operator==(const Group &) const = default;
};

struct Firmware
{
    int version = 0;
    QString title;
    QString description;
    QStringList groups; // released to, sorted
    qint64 uploadedMs = 0;
    qint64 size = 0;
    bool productDefault = false;
    bool operator==(const Firmware &) const = default;
};

struct Customer
{
    QString id;
    QString username;
    bool operator==(const Customer &) const = default;
};

// Parsing of the Particle API's JSON objects. Each returns nothing and sets `error` to a message
// naming the object and the field when the JSON is not what the API documents; unknown fields
// are ignored, documented optional fields may be absent or null.
std::optional<Device> deviceFromJson(const QJsonObject &json, QString *error);
std::optional<Group> groupFromJson(const QJsonObject &json, QString *error);
std::optional<Firmware> firmwareFromJson(const QJsonObject &json, QString *error);
std::optional<Customer> customerFromJson(const QJsonObject &json, QString *error);
std::optional<Product> productFromJson(const QJsonObject &json, QString *error);

// True for 24 hexadecimal characters.
bool isDeviceId(QStringView text);

// The longest device name the cloud accepts.
inline constexpr int MaxDeviceNameLength = 63;
// Empty when the cloud accepts `name` as a device name (1 to 63 ASCII letters, digits, '_' and
// '-'), else why not, for people.
QString deviceNameError(const QString &name);

} // namespace Flotilla::Domain
