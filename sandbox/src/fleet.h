// SPDX-License-Identifier: MIT
#pragma once

#include "precedence.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace Flotilla::Sandbox {

struct Product
{
    int id = 0;
    QString slug;
    QString name;
    QString description;
    int platformId = 13; // Boron
};

struct User
{
    QString id;
    QString username;
    QString password;
    QString mfaSecretBase32; // empty: no MFA
};

struct Customer
{
    QString id;
    QString username; // the email (any unique id)
    QString password; // empty for shadow customers (no_password)
    bool noPassword = false;
    qint64 createdMs = 0;
};

struct Group
{
    QString name;
    QString description;
    QString color;
    bool alive = true;
};

struct Firmware
{
    int version = 0;
    QString id;
    QString title;
    QString description;
    QString fileName;
    QByteArray binary;
    bool productDefault = false;
    QList<int> groups; // group ids this version is released to
    bool intelligent = false;
    bool everReleased = false;
    bool hasRun = false; // reported running on at least one product device
    bool mandatory = false;
    qint64 uploadedMs = 0;
    qint64 updatedMs = 0;
    QString uploadedBy;
};

struct Device
{
    QString id; // lowercase hex
    QString name;
    QString serial;
    QString iccid;
    QString imei;
    QString notes;
    bool hasNotes = false;
    QString owner; // username/email of the claimant, empty when unclaimed
    QString lastIp;
    QString systemFirmware;
    QList<int> groups; // group ids
    qint64 lastHeardMs = 0; // 0: never
    qint64 lastHandshakeMs = 0; // 0: never
    int platformId = 13;
    int firmwareVersion = 0; // what the device reports running (0: no product firmware)
    std::optional<int> desiredVersion;
    int foreignProductId = 0; // devices outside the product: non-zero when another product owns it
    bool inProduct = true;
    bool cellular = true;
    bool development = false;
    bool online = false;
    bool updatesEnabled = true;
    bool updatesForced = false;
    bool quarantined = false;
    // Simulation state.
    bool active = true; // churns online/offline (stock in a warehouse does not)
    bool updating = false;
    int updateTarget = 0;
    quint32 simGeneration = 0;
    quint64 rng = 0;
    quint32 appHash = 0;
};

// One event published on the cloud's event streams.
struct CloudEvent
{
    QString name;
    QString data;
    QString coreId; // device id, or "api" for cloud-side events
    QString owner; // owner of the publishing device (for /v1/devices/events)
    int productId = 0;
    int version = 0; // product firmware the device runs
    qint64 publishedMs = 0;
    int ttl = 60;
    bool isPublic = false;
};

enum class TokenKind { User, Product, Customer };

struct Token
{
    TokenKind kind = TokenKind::User;
    QString subject; // username (user/customer) or product slug (product)
    QString client;
    qint64 expiresMs = 0; // 0: never
    QString refreshToken;
};

// The cloud variables (name and type) and functions the demo product's firmware exposes: every
// device running a product firmware version has them.
struct CloudVariable
{
    const char *name;
    const char *type;
};
inline constexpr CloudVariable DeviceVariables[]
    = {{"temperature", "double"}, {"battery", "double"}, {"rssi", "int32"}, {"version", "int32"}};
inline constexpr const char *DeviceFunctions[] = {"cmd", "led"};
// The Device OS a device reports as `default_build_target` (the newest the sandbox knows).
inline constexpr char DefaultBuildTarget[] = "5.8.0";

// Whatever else must react when the fleet changes: the simulator (targets moved, flash now) and
// the event streams.
class FleetObserver
{
public:
    virtual ~FleetObserver() = default;
    // A device's target may have changed. `pushNow`: an intelligent release or lock + flash.
    virtual void targetMayHaveChanged(int deviceIndex, bool pushNow) = 0;
    // A binary flashed to one online device (PUT .../devices/:id with a file): it takes the update
    // at once and then runs `version` (0: not product firmware). False if it cannot start now.
    virtual bool flashNow(int deviceIndex, int version) = 0;
    virtual void publish(const CloudEvent &event) = 0;
    // A unit of factory stock was imported and is powered on: it connects and churns from now.
    virtual void connectImported(int deviceIndex) = 0;
};

// The whole state of the sandbox cloud: one product, its devices, groups, firmware, customers,
// users and tokens. Endpoints read and change it through these members; it never does I/O.
class Fleet
{
public:
    Product product;
    QList<User> users;
    QString oauthClientId;
    QString oauthClientSecret;
    QString demoToken; // the access token printed on the start line
    QString adminToken; // the credential of the /admin routes, printed on the start line
    QList<Customer> customers;
    std::vector<Group> groups; // index = group id; deleted groups stay as tombstones
    QHash<QString, int> groupByName;
    QList<Firmware> firmware; // sorted by version
    std::vector<Device> devices;
    QHash<QString, int> deviceById;
    QHash<QString, int> deviceByAlias; // serial, ICCID, IMEI (upper case) -> index
    QHash<QString, Token> tokens;
    QHash<QString, QString> refreshTokens; // refresh token -> access token
    bool requireFirmwareRanBeforeRelease = true;
    // Factory stock connects once it is imported (FleetObserver::connectImported).
    bool importedStockConnects = false;
    // A batch group request with both lists applies only `add` (--batch-applies-add-only).
    bool batchAppliesAddOnly = false;
    // A renamed group loses the firmware released to it (--rename-drops-release).
    bool renameDropsRelease = false;
    // Group descriptions longer than this are cut short, not refused (--cut-descriptions; 0:
    // never).
    int descriptionCut = 0;
    QString keptDescription(const QString &description) const
    {
        return descriptionCut > 0 ? description.left(descriptionCut) : description;
    }
    FleetObserver *observer = nullptr;
    std::function<qint64()> now; // simulated wall clock, ms since epoch

    // Releases: group id -> released version, and the product default; kept current by
    // recomputeReleases() after every firmware change.
    QHash<int, int> groupRelease;
    std::optional<int> productDefault;
    void recomputeReleases();

    std::optional<int> targetOf(const Device &device) const;
    TargetInput targetInputOf(const Device &device) const;

    int findDevice(const QString &idOrAlias) const; // -1 if unknown
    int findGroup(const QString &name) const; // -1 if unknown or deleted
    int ensureGroup(const QString &name); // auto-create
    Firmware *findFirmware(int version);
    const Customer *findCustomer(const QString &username) const;
    const User *findUser(const QString &username) const;

    QStringList groupNames(const Device &device) const;
    // A device as the API shows it. `detailed`: as GET of one device answers it, with the build
    // targets the list leaves out.
    QJsonObject deviceJson(const Device &device, bool detailed = false) const;
    QJsonObject groupJson(int groupId, bool withCount) const;
    QJsonObject firmwareJson(
        const Firmware &fw, bool withDeviceCount, bool withIntelligent = false) const;
    int deviceCountInGroup(int groupId) const;
    // Whether `device` exposes the demo firmware's variables and functions.
    static bool hasCloudApi(const Device &device) { return device.firmwareVersion > 0; }
    // A variable's current value (`atMs`: simulated time); undefined for an unknown name.
    static QJsonValue variableValue(const Device &device, const QString &name, qint64 atMs);
    // What a function returns for `argument`; nullopt for an unknown name.
    static std::optional<int> callFunction(const QString &name, const QString &argument);

    void addDevice(Device device);
    void indexDevice(int index);
    // Sets a device's groups, notifies the observer and bumps revision.
    void setDeviceGroups(int index, QList<int> groupIds);
    void setOwner(int index, const QString &owner);
    void removeGroup(int groupId);
    void revision() { ++m_revision; }
    quint64 currentRevision() const { return m_revision; }

    // Notifies the observer for every product device (after a release or a group change).
    void retargetAll(bool pushNow);
    void retargetGroup(int groupId, bool pushNow);

    // Each device's position in ascending id order (QString's operator<), so listings sort by
    // comparing integers instead of ids. Device ids never change and devices are only appended,
    // so it is rebuilt only when the number of devices changes.
    const std::vector<int> &idRanks() const;

    // Seeded: ids and everything else a seed must reproduce.
    QString newHexId(int length);
    quint64 nextRandom();
    // From the system's secure generator, never from the seed: access, refresh and MFA tokens,
    // client secrets, passwords.
    static QString randomSecret(int hexLength);
    void seed(quint64 seed) { m_rng = seed ? seed : 0x9e3779b97f4a7c15ULL; }

    static QString isoTime(qint64 ms);

private:
    mutable std::vector<int> m_idRanks;
    quint64 m_revision = 0;
    quint64 m_rng = 0x9e3779b97f4a7c15ULL;
};

// A small fast deterministic generator (splitmix64), shared by the fleet and the simulator.
inline quint64 splitmix64(quint64 &state)
{
    quint64 z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
inline double uniform01(quint64 &state)
{
    return static_cast<double>(splitmix64(state) >> 11) * (1.0 / 9007199254740992.0);
}

} // namespace Flotilla::Sandbox
