// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace Flotilla::Session {

// A named connection of the console and the command line (`flotillactl --profile NAME`): an
// account on a cloud, a product and the cache it uses. Kept in the settings (Flotilla/Profiles);
// the access token never is: it stays in the system keychain, per cloud and account
// (Credentials::tokenKey).
struct Profile
{
    QString name;
    QUrl apiUrl;
    int productId = 0;
    QString productName;
    QString cachePath; // empty: the usual place for the cloud and product
    QString username; // who signed in ("" for an API user's token)
};

namespace Profiles {
QList<Profile> all(); // by name
std::optional<Profile> find(const QString &name);
void save(const Profile &profile);
void remove(const QString &name);
// The profile used without --profile: the one set as default, or the only one.
QString defaultName();
void setDefault(const QString &name);
// A profile name: letters, digits, '.', '_' and '-', at most 64 characters. Empty when fine.
QString nameError(const QString &name);
// A free, valid profile name for `username` and `productName` ("ops-acme-trackers", then
// "ops-acme-trackers-2" …): what a sign-in suggests.
QString suggestName(const QString &username, const QString &productName);

// What the console opened last: a profile's name, DemoEntry for the demo, or empty (nothing
// yet: the welcome page).
inline constexpr QLatin1String DemoEntry(":demo"); // never a profile name (':' is not allowed)
QString lastUsed();
void setLastUsed(const QString &entry);
} // namespace Profiles

} // namespace Flotilla::Session
