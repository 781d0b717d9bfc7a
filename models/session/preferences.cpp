// SPDX-License-Identifier: MIT
#include "session/preferences.h"

#include "domain/text.h"
#include "session/cloudsession.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryFile>

#include <cmath>

namespace Flotilla::Session {

Q_LOGGING_CATEGORY(lcPreferences, "flotilla.session.preferences")

namespace {

const QString Group = QStringLiteral("preferences");

QString proxyName(Preferences::Proxy proxy)
{
    switch (proxy) {
    case Preferences::Proxy::None:
        return QStringLiteral("none");
    case Preferences::Proxy::Manual:
        return QStringLiteral("manual");
    case Preferences::Proxy::System:
        break;
    }
    return QStringLiteral("system");
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
        || host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// The application's proxies: loopback hosts directly, the rest as the preferences say.
class ProxyFactory final : public QNetworkProxyFactory
{
public:
    ProxyFactory(Preferences::Proxy mode, const QNetworkProxy &manual)
        : m_mode(mode)
        , m_manual(manual)
    { }

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        if (isLoopbackHost(query.peerHostName()))
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
        switch (m_mode) {
        case Preferences::Proxy::None:
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
        case Preferences::Proxy::Manual:
            return {m_manual};
        case Preferences::Proxy::System:
            break;
        }
        return systemProxyForQuery(query);
    }

private:
    Preferences::Proxy m_mode;
    QNetworkProxy m_manual;
};

} // namespace

QStringList Preferences::languages()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("de")};
}

Preferences Preferences::load()
{
    const Preferences defaults;
    Preferences p;
    QSettings settings;
    settings.beginGroup(Group);
    // Each value on its own: one that is not valid (edited by hand) falls back to its default.
    const auto percent = [&settings](const QString &key, double min, double fallback) {
        bool ok = false;
        const double value = settings.value(key, fallback).toDouble(&ok);
        return ok && std::isfinite(value) && value >= min && value <= MaxPercent ? value : fallback;
    };
    const auto whole = [&settings](const QString &key, int min, int max, int fallback) {
        bool ok = false;
        const int value = settings.value(key, fallback).toInt(&ok);
        return ok && value >= min && value <= max ? value : fallback;
    };
    const QString language = settings.value(QStringLiteral("language")).toString();
    p.language = languages().contains(language) ? language : QString();
    p.successPercent
        = percent(QStringLiteral("successPercent"), MinSuccessPercent, defaults.successPercent);
    p.failurePercent = percent(QStringLiteral("failurePercent"), 0, defaults.failurePercent);
    p.deviceTimeoutHours = whole(QStringLiteral("deviceTimeoutHours"), MinTimeoutHours,
        MaxTimeoutHours, defaults.deviceTimeoutHours);
    p.rateSharePercent = whole(
        QStringLiteral("rateSharePercent"), MinRateSharePercent, 100, defaults.rateSharePercent);
    const QString proxy = settings.value(QStringLiteral("proxy")).toString();
    p.proxyHost = settings.value(QStringLiteral("proxyHost")).toString().trimmed();
    p.proxyPort = whole(QStringLiteral("proxyPort"), 1, 65535, defaults.proxyPort);
    p.proxyUser = settings.value(QStringLiteral("proxyUser")).toString();
    if (proxy == proxyName(Proxy::None))
        p.proxy = Proxy::None;
    else if (proxy == proxyName(Proxy::Manual) && isValidHost(p.proxyHost))
        p.proxy = Proxy::Manual;
    p.cacheFolder = settings.value(QStringLiteral("cacheFolder")).toString();
    return p;
}

void Preferences::save() const
{
    QSettings settings;
    settings.beginGroup(Group);
    settings.setValue(QStringLiteral("language"), language);
    settings.setValue(QStringLiteral("successPercent"), successPercent);
    settings.setValue(QStringLiteral("failurePercent"), failurePercent);
    settings.setValue(QStringLiteral("deviceTimeoutHours"), deviceTimeoutHours);
    settings.setValue(QStringLiteral("rateSharePercent"), rateSharePercent);
    settings.setValue(QStringLiteral("proxy"), proxyName(proxy));
    settings.setValue(QStringLiteral("proxyHost"), proxyHost);
    settings.setValue(QStringLiteral("proxyPort"), proxyPort);
    settings.setValue(QStringLiteral("proxyUser"), proxyUser);
    settings.setValue(QStringLiteral("cacheFolder"), cacheFolder);
    settings.sync();
    if (settings.status() != QSettings::NoError)
        qCWarning(lcPreferences) << "the preferences could not be written:" << settings.status();
}

bool Preferences::isValidHost(const QString &host)
{
    if (host.isEmpty() || host.size() > 253)
        return false;
    if (!QHostAddress(host).isNull())
        return true;
    static const QRegularExpression name(
        QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,"
                       "61}[A-Za-z0-9])?)*$"));
    return name.match(host).hasMatch();
}

QString Preferences::folderProblem(const QString &folder)
{
    if (folder.isEmpty())
        return {};
    const QString shown = QDir::toNativeSeparators(folder);
    const QFileInfo info(folder);
    if (!info.isAbsolute())
        return Text::tr("The cache folder “%1” is not a full path.").arg(shown);
    if (info.exists() && !info.isDir())
        return Text::tr("“%1” is a file, not a folder.").arg(shown);
    // A folder not there yet is made when a cache is created in it: its nearest existing
    // parent must be writable then.
    QString existing = info.absoluteFilePath();
    while (!QFileInfo::exists(existing)) {
        const QString parent = QFileInfo(existing).absolutePath();
        if (parent == existing)
            break; // the root
        existing = parent;
    }
    QTemporaryFile probe(QDir(existing).filePath(QStringLiteral(".flotilla-probe-XXXXXX")));
    if (!QFileInfo(existing).isDir() || !probe.open())
        return Text::tr("Flotilla cannot write to the folder “%1”.").arg(shown);
    return {};
}

QString Preferences::validate() const
{
    if (!languages().contains(language))
        return Text::tr("The language “%1” is not one Flotilla offers.").arg(language);
    const auto percentText = [](double value) { return QString::number(value); };
    if (!(successPercent >= MinSuccessPercent && successPercent <= MaxPercent))
        return Text::tr("The success threshold is a percentage from %1 to %2 (not %3).")
            .arg(percentText(MinSuccessPercent), percentText(MaxPercent),
                percentText(successPercent));
    if (!(failurePercent >= 0 && failurePercent <= MaxPercent))
        return Text::tr("The failure threshold is a percentage from 0 to %1 (not %2).")
            .arg(percentText(MaxPercent), percentText(failurePercent));
    if (deviceTimeoutHours < MinTimeoutHours || deviceTimeoutHours > MaxTimeoutHours)
        return Text::tr("The device timeout is from %1 to %2 hours (not %3).")
            .arg(MinTimeoutHours)
            .arg(MaxTimeoutHours)
            .arg(deviceTimeoutHours);
    if (rateSharePercent < MinRateSharePercent || rateSharePercent > 100)
        return Text::tr("The share of the request budget is from %1% to 100% (not %2%).")
            .arg(MinRateSharePercent)
            .arg(rateSharePercent);
    if (proxy == Proxy::Manual) {
        if (proxyHost.trimmed().isEmpty())
            return Text::tr("Enter the proxy's host name or address.");
        if (!isValidHost(proxyHost))
            return Text::tr("“%1” is not a host name or address (write it without http:// and "
                            "without the port).")
                .arg(proxyHost);
        if (proxyPort < 1 || proxyPort > 65535)
            return Text::tr("The proxy's port is from 1 to 65535 (not %1).").arg(proxyPort);
    }
    return folderProblem(cacheFolder);
}

Domain::RolloutDefaults Preferences::rolloutDefaults() const
{
    Domain::RolloutDefaults d;
    d.success = {Domain::Threshold::Unit::Percent, successPercent};
    d.failure = {Domain::Threshold::Unit::Percent, failurePercent};
    d.deviceTimeoutS = qint64(deviceTimeoutHours) * 3600;
    return d;
}

QString Preferences::cachePath(const QUrl &apiUrl, int productId) const
{
    const QString usual = CloudSession::defaultCachePath(apiUrl, productId);
    if (cacheFolder.isEmpty())
        return usual;
    return QDir(cacheFolder).filePath(QFileInfo(usual).fileName());
}

void Preferences::applyProxy(const QString &proxyPassword) const
{
    QNetworkProxy manual(QNetworkProxy::HttpProxy, proxyHost, quint16(proxyPort));
    if (!proxyUser.isEmpty()) {
        manual.setUser(proxyUser);
        manual.setPassword(proxyPassword);
    }
    // Owned by Qt from here on (the previous factory is deleted).
    QNetworkProxyFactory::setApplicationProxyFactory(new ProxyFactory(proxy, manual));
    qCInfo(lcPreferences).noquote() << "network proxy:" << proxyName(proxy);
}

} // namespace Flotilla::Session
