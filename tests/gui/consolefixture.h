// SPDX-License-Identifier: MIT
#pragma once

// The console of the GUI tests: the app's own AppContext (the same wiring as `flotilla`) on a
// cache file of its own, against a sandbox started once per test program, with settings and
// standard paths isolated.
#include "app/appcontext.h"
#include "domain/hierarchy.h"
#include "sandboxprocess.h"
#include "sync/syncengine.h"
#include "tree/devicetablemodel.h"
#include "tree/fleettreemodel.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace Flotilla::GuiTest {

inline constexpr int CloudTimeoutMs = 60000;

template<typename T>
T *activeModal()
{
    return qobject_cast<T *>(QApplication::activeModalWidget());
}

class ConsoleFixture
{
public:
    // Isolates settings and standard paths and starts the sandbox (`arguments` after --port 0).
    bool setUp(const QStringList &arguments)
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!m_dir.isValid())
            return false;
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsPath());
        QCoreApplication::setOrganizationName(QStringLiteral("FlotillaTest"));
        QCoreApplication::setApplicationName(QCoreApplication::applicationName());
        QLocale::setDefault(QLocale::c());
        if (!m_sandbox.start(arguments)) {
            qWarning() << "sandbox:" << m_sandbox.errorString();
            return false;
        }
        return true;
    }

    QString settingsPath() const { return m_dir.filePath(QStringLiteral("settings")); }
    Test::SandboxProcess &sandbox() { return m_sandbox; }

    App::Connection sandboxConnection()
    {
        App::Connection c;
        c.apiUrl = m_sandbox.url();
        c.productId = m_sandbox.productId();
        c.token = m_sandbox.token();
        const QJsonObject oauth
            = m_sandbox.startLine().value(QStringLiteral("oauth_client")).toObject();
        c.oauthClientId = oauth.value(QStringLiteral("id")).toString();
        c.oauthClientSecret = oauth.value(QStringLiteral("secret")).toString();
        c.cachePath = m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_consoles));
        c.description = QStringLiteral("test sandbox");
        c.actor = QStringLiteral("gui test");
        c.sandbox = true;
        return c;
    }

    // A new console on a fresh cache, shown and (with a token, unless `waitForPull` is false)
    // pulled from the sandbox.
    bool open(App::Connection connection = {}, Remote::TokenStore *tokenStore = nullptr,
        bool waitForPull = true)
    {
        close();
        m_app = std::make_unique<App::AppContext>();
        if (tokenStore)
            m_app->setTokenStore(tokenStore);
        if (connection.apiUrl.isEmpty())
            connection = sandboxConnection();
        bool opened = false;
        QString error = QStringLiteral("not opened");
        m_app->open(connection, [&](QString e) {
            error = e;
            opened = true;
        });
        if (!QTest::qWaitFor([&] { return opened; }, 10000) || !error.isEmpty()) {
            qWarning() << "open failed:" << error;
            return false;
        }
        Views::MainWindow *w = m_app->window();
        w->resize(1400, 900);
        w->show();
        w->activateWindow();
        if (!QTest::qWaitForWindowExposed(w))
            return false;
        if (connection.token.isEmpty() || !waitForPull)
            return true; // signs in first, or the caller waits
        return QTest::qWaitFor(
            [&] {
                return engine()->lastFullPullMs() > 0 && !engine()->isPulling()
                    && tree()->deviceCount() > 0;
            },
            CloudTimeoutMs);
    }

    void close()
    {
        if (m_app && m_app->window())
            m_app->window()->close();
        m_app.reset();
    }

    App::AppContext *app() const { return m_app.get(); }
    Views::MainWindow *window() const { return m_app->window(); }
    Tree::FleetTreeModel *tree() const { return m_app->treeModel(); }
    Sync::SyncEngine *engine() const { return m_app->engine(); }
    const Sync::FleetState &state() const { return m_app->engine()->state(); }

    // Devices that sit exactly at `path`, by id.
    QStringList devicesAt(const QString &path) const
    {
        const Domain::Hierarchy hierarchy = state().hierarchy();
        QStringList ids;
        for (const Domain::Device &d : state().devices) {
            const Domain::Placement p = Domain::placeDevice(d.groups, hierarchy);
            if (p.kind == Domain::PlacementKind::Node && p.path == path)
                ids.append(d.id);
        }
        ids.sort();
        return ids;
    }

    // ---- the sandbox's own state, over HTTP ----
    QJsonObject cloudDevice(const QString &deviceId)
    {
        return Test::Http(m_sandbox.token())
            .get(m_sandbox.url(QStringLiteral("/v1/products/%1/devices/%2")
                                   .arg(m_sandbox.productId())
                                   .arg(deviceId)))
            .json();
    }
    QStringList cloudGroups(const QString &deviceId)
    {
        QStringList groups;
        for (const QJsonValue &g : cloudDevice(deviceId).value(QStringLiteral("groups")).toArray())
            groups.append(g.toString());
        groups.sort();
        return groups;
    }
    QString cloudOwner(const QString &deviceId)
    {
        return cloudDevice(deviceId).value(QStringLiteral("owner")).toString();
    }
    // Where the sandbox's groups put a device, by the tree as the console knows it.
    Domain::Placement cloudPlacement(const QString &deviceId)
    {
        return Domain::placeDevice(cloudGroups(deviceId), state().hierarchy());
    }
    // The group's description, or a null string when the sandbox has no such group.
    QString cloudGroupDescription(const QString &name)
    {
        const Test::HttpResult r
            = Test::Http(m_sandbox.token())
                  .get(m_sandbox.url(QStringLiteral("/v1/products/%1/groups/%2")
                                         .arg(m_sandbox.productId())
                                         .arg(name)));
        if (r.status != 200)
            return QString();
        const QString d = r.json()
                              .value(QStringLiteral("group"))
                              .toObject()
                              .value(QStringLiteral("description"))
                              .toString();
        return d.isNull() ? QStringLiteral("") : d;
    }
    QStringList cloudCustomers()
    {
        QStringList out;
        const QJsonObject body
            = Test::Http(m_sandbox.token())
                  .get(m_sandbox.url(
                      QStringLiteral("/v1/products/%1/customers").arg(m_sandbox.productId())))
                  .json();
        for (const QJsonValue &c : body.value(QStringLiteral("customers")).toArray())
            out.append(c.toObject().value(QStringLiteral("username")).toString());
        return out;
    }

private:
    QTemporaryDir m_dir;
    Test::SandboxProcess m_sandbox;
    std::unique_ptr<App::AppContext> m_app;
    int m_consoles = 0;
};

} // namespace Flotilla::GuiTest
