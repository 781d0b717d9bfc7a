// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QLabel;
class QUndoStack;

namespace Flotilla::Remote {
class TokenStore;
}
namespace Flotilla::Rollout {
class RolloutEngine;
}
namespace Flotilla::Session {
class CloudSession;
class Credentials;
class SignIn;
} // namespace Flotilla::Session
namespace Flotilla::Sync {
class SyncEngine;
}
namespace Flotilla::Tree {
class DeviceTableModel;
class FleetTreeModel;
} // namespace Flotilla::Tree
namespace Flotilla::Edit {
class AccountService;
class FleetEditor;
} // namespace Flotilla::Edit
namespace Flotilla::Views {
class MainWindow;
}

namespace Flotilla::App {

// Which cloud and product this session works with.
struct Connection
{
    QUrl apiUrl; // https://api.particle.io, or the sandbox's http://127.0.0.1:PORT
    int productId = 0;
    QString token; // empty: ask the user to sign in (a real cloud)
    QString oauthClientId; // the product's OAuth client, for claims and customer accounts
    QString oauthClientSecret;
    QString cachePath; // empty: where the preferences put it (Session::Preferences::cachePath)
    QString description; // for the window: "Sandbox 127.0.0.1:41234", "api.particle.io"
    QString actor; // who the activity log names
    // The sandbox cloud this session started: no sign-in, and it stops (its fleet discarded)
    // when the session ends.
    bool sandbox = false;
    bool liveEvents = true;
};

// The composition root: builds the cloud session (Session::CloudSession: the Particle client,
// the cache, the sync and rollout engines), the models, the undo stack and the main window for
// one connection, and owns them (destroyed in the reverse order: the window first, the session
// last). Secrets stay in memory and in the token store (Session::Credentials).
class AppContext final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppContext)

public:
    explicit AppContext(QObject *parent = nullptr);
    ~AppContext() override;

    // Where an access token for `apiUrl` is kept in the token store.
    static QString tokenKey(const QUrl &apiUrl);
    // Where the product's OAuth client (Remote::OAuthClient::toStored) is kept in the token
    // store: "oauth-client-secret/<host[:port]>/<product>".
    static QString productClientKey(const QUrl &apiUrl, int productId);

    // Sign-in for a real cloud: the token store that keeps the token (not owned; made by
    // Session::Credentials::makeStore). Without it, "Sign in…" is not offered.
    void setTokenStore(Remote::TokenStore *store);

    // Builds everything, opens the cache and starts the engine (load, then pull when there is
    // a token; without one the sign-in dialog opens). `done` gets why it failed, or empty.
    void open(const Connection &connection, std::function<void(QString error)> done);

    const Connection &connection() const { return m_connection; }
    Session::CloudSession *session() const { return m_session.get(); }
    Sync::SyncEngine *engine() const;
    // Firmware rollouts; started once the sync engine has loaded the cache.
    Rollout::RolloutEngine *rolloutEngine() const;
    Tree::FleetTreeModel *treeModel() const { return m_tree.get(); }
    Tree::DeviceTableModel *tableModel() const { return m_table.get(); }
    QUndoStack *undoStack() const { return m_undoStack.get(); }
    Views::MainWindow *window() const { return m_window.get(); }

    // Opens the sign-in dialog (a real cloud with a token store), or calls the handler set.
    void signIn();
    // Who signs in when the cloud refuses the token or there is none: `handler` instead of
    // the token dialog (the console's shell: the profile's own sign-in); it hands the new
    // token to useToken(). Pending changes stay in the outbox meanwhile.
    void setSignInHandler(std::function<void()> handler) { m_signInHandler = std::move(handler); }
    // Works with `token` from now on (memory only): sends what is pending and pulls.
    void useToken(const QString &token);
    // Opens the dialog that sets or clears the product's OAuth client (File › Product OAuth
    // client…), kept in the token store.
    void editProductClient();
    // Edit › Settings…: the preferences (Session::Preferences), kept when accepted.
    void editSettings();
    // Deletes the local cache and opens the session again on a new one, read from the cloud
    // (a new window): refused while changes are still to be sent.
    void clearCache();

Q_SIGNALS:
    // clearCache() closed the session and opened it again: window() is a new one.
    void reopened();

private:
    // Destroys what open() built, in the reverse order.
    void closeSession();
    void startEngine();
    // Shares the cache with other Flotilla processes (Session::CloudSession::startSharing);
    // the status bar says when another one sends the changes.
    void startSharing();
    void showDriver(bool driving);
    void setCacheAside();
    // The product's OAuth client for this session (empty: none), for the engine's claims and
    // the window's customer dialog.
    void useProductClient(const QString &clientId, const QString &clientSecret);

    Connection m_connection;
    std::unique_ptr<Session::Credentials> m_credentials; // none: no sign-in
    std::unique_ptr<Session::CloudSession> m_session;
    std::unique_ptr<Session::SignIn> m_signIn; // checks tokens typed into sign-in
    std::unique_ptr<Tree::FleetTreeModel> m_tree;
    std::unique_ptr<Tree::DeviceTableModel> m_table;
    std::unique_ptr<QUndoStack> m_undoStack;
    std::unique_ptr<Edit::AccountService> m_accounts;
    std::unique_ptr<Edit::FleetEditor> m_editor;
    std::unique_ptr<Views::MainWindow> m_window;
    bool m_signingIn = false;
    QString m_proxyPassword; // the manual proxy's, typed in Settings: memory only
    std::function<void()> m_signInHandler;
    QPointer<QLabel> m_driverLabel; // in the window's status bar
};

} // namespace Flotilla::App
