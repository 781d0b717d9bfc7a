// SPDX-License-Identifier: MIT
#include "session/profiles.h"

#include "domain/text.h"

#include <QRegularExpression>
#include <QSettings>

#include <algorithm>

namespace Flotilla::Session::Profiles {

namespace {

QSettings settings()
{
    return QSettings(QStringLiteral("Flotilla"), QStringLiteral("Profiles"));
}

const QString Group = QStringLiteral("profiles");
const QString DefaultKey = QStringLiteral("default");
const QString LastKey = QStringLiteral("console/last");

} // namespace

QList<Profile> all()
{
    QSettings s = settings();
    s.beginGroup(Group);
    QStringList names = s.childGroups();
    s.endGroup();
    std::sort(names.begin(), names.end());
    QList<Profile> profiles;
    for (const QString &name : names) {
        if (const std::optional<Profile> p = find(name))
            profiles.append(*p);
    }
    return profiles;
}

std::optional<Profile> find(const QString &name)
{
    if (!nameError(name).isEmpty())
        return std::nullopt;
    QSettings s = settings();
    s.beginGroup(Group + QLatin1Char('/') + name);
    if (!s.contains(QStringLiteral("api")))
        return std::nullopt;
    Profile p;
    p.name = name;
    p.apiUrl = QUrl(s.value(QStringLiteral("api")).toString());
    p.productId = s.value(QStringLiteral("product")).toInt();
    p.productName = s.value(QStringLiteral("product_name")).toString();
    p.cachePath = s.value(QStringLiteral("cache")).toString();
    p.username = s.value(QStringLiteral("username")).toString();
    return p;
}

void save(const Profile &profile)
{
    QSettings s = settings();
    s.beginGroup(Group + QLatin1Char('/') + profile.name);
    s.setValue(QStringLiteral("api"), profile.apiUrl.toString());
    s.setValue(QStringLiteral("product"), profile.productId);
    s.setValue(QStringLiteral("product_name"), profile.productName);
    s.setValue(QStringLiteral("cache"), profile.cachePath);
    s.setValue(QStringLiteral("username"), profile.username);
}

void remove(const QString &name)
{
    QSettings s = settings();
    s.remove(Group + QLatin1Char('/') + name);
    if (s.value(DefaultKey).toString() == name)
        s.remove(DefaultKey);
    if (s.value(LastKey).toString() == name)
        s.remove(LastKey);
}

QString defaultName()
{
    const QString chosen = settings().value(DefaultKey).toString();
    if (!chosen.isEmpty() && find(chosen))
        return chosen;
    const QList<Profile> profiles = all();
    return profiles.size() == 1 ? profiles.constFirst().name : QString();
}

void setDefault(const QString &name)
{
    settings().setValue(DefaultKey, name);
}

QString nameError(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (valid.match(name).hasMatch())
        return {};
    return Text::tr("\"%1\" is not a profile name: use letters, digits, '.', '_' and '-' (at most "
                    "64).")
        .arg(name);
}

QString suggestName(const QString &username, const QString &productName)
{
    // The account's local part and the product, in the characters a name may hold.
    static const QRegularExpression other(QStringLiteral("[^A-Za-z0-9._-]+"));
    QString base = username.section(QLatin1Char('@'), 0, 0);
    if (!productName.isEmpty())
        base += (base.isEmpty() ? QString() : QStringLiteral("-")) + productName;
    base = base.toLower().replace(other, QStringLiteral("-"));
    while (base.startsWith(QLatin1Char('-')))
        base.remove(0, 1);
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    base = base.left(56);
    if (base.isEmpty())
        base = QStringLiteral("particle");
    QString name = base;
    for (int n = 2; find(name); ++n)
        name = base + QLatin1Char('-') + QString::number(n);
    return name;
}

QString lastUsed()
{
    const QString entry = settings().value(LastKey).toString();
    if (entry == DemoEntry || find(entry))
        return entry;
    return QString();
}

void setLastUsed(const QString &entry)
{
    QSettings s = settings();
    if (entry.isEmpty())
        s.remove(LastKey);
    else
        s.setValue(LastKey, entry);
}

} // namespace Flotilla::Session::Profiles
