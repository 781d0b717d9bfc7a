// SPDX-License-Identifier: MIT
#pragma once

#include "app/appcontext.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

class QTemporaryDir;

namespace Flotilla::Remote {
class TokenStore;
}
namespace Flotilla::Session {
class Credentials;
struct Profile;
} // namespace Flotilla::Session
namespace Flotilla::Views {
class WelcomeWindow;
}

namespace Flotilla::App {

class SandboxLauncher;

// How the console starts sandboxes and keeps secrets.
struct ShellOptions
{
    // Secrets in memory only (tests; nothing is remembered), else the system keychain.
    bool memoryTokens = false;
    // For flotilla-sandbox, after --port 0: the demo's and a fresh sandbox's --time-scale,
    // --devices and --sandbox-arg.
    QStringList sandboxArguments;
    // The demo's folder (its sandbox's state file and the console's cache); empty: demoFolder().
    QString demoFolder;
    // How often the demo's sandbox saves its state, besides once the console's changes are sent
    // and once more before it stops. A save rewrites the whole state file on the sandbox's
    // thread (12 ms for the 2,000-device demo, 0.54 s for 100,000): the periodic one only keeps
    // the simulated devices' own changes, so it need not be frequent.
    int demoSaveIntervalMs = 30000;
};

// The console as a whole: the welcome page, the session open now (an AppContext on a profile,
// the demo, a fresh sandbox or a cloud named on the command line) and the demo's sandbox, and
// the moves between them: File › Profiles (switch, add, sign out, remove), View › Reset demo,
// signing in again when the cloud refuses a profile's token. A session is closed (its writes
// finished, the cache's lease given back) before the next one opens, in the same process.
// Profiles are Session::Profiles; their tokens are in the token store only, per cloud and
// account (Session::Credentials).
class Shell final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Shell)

public:
    explicit Shell(const ShellOptions &options, QObject *parent = nullptr);
    ~Shell() override;

    // Where the demo is kept: AppDataLocation/demo.
    static QString demoFolder();

    // Without a choice on the command line: the profile (or demo) used last, else the only or
    // default profile, else the welcome page.
    void start();
    void showWelcome();
    void openDemo();
    // A sandbox of its own for this session, discarded when it ends (development, tests).
    void openFreshSandbox();
    // False (and nothing changes) when there is no such profile.
    bool openProfile(const QString &name);
    // A cloud and product named on the command line (no profile; the token of that cloud).
    void openCloud(const QUrl &apiUrl, int productId);
    // File › Profiles › Add profile…: the welcome page's sign-in.
    void addProfile();
    // Revokes the current profile's token at the cloud, forgets it and shows the welcome page;
    // `done` (tests) once the token is revoked and forgotten.
    void signOut(std::function<void()> done = {});
    void removeCurrentProfile();
    // Stops the demo's sandbox, deletes the demo's folder and starts a fresh demo.
    void resetDemo();

    // A profile's name, Session::Profiles::DemoEntry, FreshEntry or CloudEntry; empty while
    // the welcome page is shown.
    QString current() const { return m_current; }
    static constexpr QLatin1String FreshEntry {":fresh"};
    static constexpr QLatin1String CloudEntry {":cloud"};
    AppContext *context() const { return m_context.get(); }
    Views::WelcomeWindow *welcome() const { return m_welcome.get(); }
    SandboxLauncher *sandbox() const { return m_sandbox.get(); }
    Remote::TokenStore *tokenStore() const { return m_store.get(); }

Q_SIGNALS:
    // A session opened (its window shown), or could not be opened (`error` says why; the
    // welcome page shows it when it can).
    void opened();
    void openFailed(const QString &error);
    // Signed out: the token is revoked (when the cloud could be reached) and forgotten.
    void signedOut();

private:
    Views::WelcomeWindow *ensureWelcome();
    void closeSession();
    void openSession(const Connection &connection, const QString &entry);
    // Connects the current window's profile, demo and menu signals (again after Clear cache…,
    // which opens a new window).
    void wireWindow();
    void startSandbox(bool demo);
    void failOpening(const QString &error);
    void keepProfile(const Session::Profile &profile, const QString &token);
    // Shows a token store problem in the session's window: now when it is open, else once
    // the session opening now has its window.
    void tellStoreProblem(const QString &message);
    void signInAgain();
    void updateMenus();
    // Keeps the application running while one window replaces another.
    void holdQuit(bool hold);

    ShellOptions m_options;
    std::shared_ptr<Remote::TokenStore> m_store;
    std::unique_ptr<Session::Credentials> m_credentials;
    std::unique_ptr<Views::WelcomeWindow> m_welcome;
    // Destroyed after the session: the sandbox it works with, and its folder.
    std::unique_ptr<SandboxLauncher> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_freshDir;
    std::unique_ptr<AppContext> m_context;
    QString m_current;
    QString m_opening; // the entry being opened
    QString m_storeProblem; // told once a window shows it
    QString m_tokenReadProblem; // why the profile opened last has no token: the keychain's error
};

} // namespace Flotilla::App
