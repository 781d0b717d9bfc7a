// SPDX-License-Identifier: MIT
#pragma once

#include "domain/rolloutdefaults.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace Flotilla::Session {

// What the console and flotillactl keep as the user's preferences, in QSettings (the
// application's organisation and name: "Flotilla", "Console"), group "preferences":
//
//   preferences/language         "" (the system's), "en", "de"; read at start (translations)
//   preferences/successPercent   the default waves' success threshold, percent
//   preferences/failurePercent   the default waves' failure threshold, percent
//   preferences/deviceTimeoutHours   a new rollout's device timeout
//   preferences/rateSharePercent the share of the cloud's request budget Flotilla may use
//   preferences/proxy            "system", "none" or "manual"
//   preferences/proxyHost, proxyPort, proxyUser   a manual proxy (its password is never kept)
//   preferences/cacheFolder      "" (the usual place) or the folder new caches live in
//
// Read by a front end (load()) and handed down to what uses it: the models never read settings
// themselves.
struct Preferences
{
    enum class Proxy { System, None, Manual };

    QString language; // "", "en", "de"
    double successPercent = 95;
    double failurePercent = 10;
    int deviceTimeoutHours = 24;
    // Particle's budget is per public IP (10,000 requests per 5 minutes): other tools of the
    // same site share it, so Flotilla leaves them a fifth by default.
    int rateSharePercent = 80;
    Proxy proxy = Proxy::System;
    QString proxyHost;
    int proxyPort = 3128;
    QString proxyUser; // empty: the proxy asks for no sign-in
    QString cacheFolder; // empty: CloudSession::defaultCachePath's folder

    bool operator==(const Preferences &) const = default;

    // The languages offered, as codes ("" first: the system's).
    static QStringList languages();

    // The preferences kept in QSettings (the defaults for what is not there or not valid).
    static Preferences load();
    // Writes every key (validate() first: nothing checks them here).
    void save() const;

    // Why these preferences cannot be kept (the first problem, for people), or empty.
    QString validate() const;
    // The ranges validate() checks, for the widgets that edit them.
    static constexpr double MinSuccessPercent = 1;
    static constexpr double MaxPercent = 100;
    static constexpr int MinTimeoutHours = 1;
    static constexpr int MaxTimeoutHours = 24 * 30;
    static constexpr int MinRateSharePercent = 10;
    // Whether `host` is a host name or an IP address (no scheme, port, path or spaces).
    static bool isValidHost(const QString &host);
    // Why new caches cannot live in `folder` (it is not a folder, or cannot be written or
    // made), or empty.
    static QString folderProblem(const QString &folder);

    // The thresholds and device timeout a new rollout starts from.
    Domain::RolloutDefaults rolloutDefaults() const;
    // Where the cache of `apiUrl` and `productId` lives: in cacheFolder when one is set, else
    // CloudSession::defaultCachePath.
    QString cachePath(const QUrl &apiUrl, int productId) const;

    // Makes the network proxy of these preferences the one of the whole application (every
    // QNetworkAccessManager): the system's, none, or the manual one (with `proxyPassword`,
    // kept in memory only, when proxyUser is set). Loopback hosts (127.0.0.0/8, ::1,
    // localhost: a sandbox cloud) are never sent through a proxy.
    void applyProxy(const QString &proxyPassword = QString()) const;
};

} // namespace Flotilla::Session
