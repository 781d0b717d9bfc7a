// SPDX-License-Identifier: MIT
#include "app/shell.h"

#include "app/logging.h"
#include "app/sandboxlauncher.h"
#include "session/cloudaccount.h"
#include "session/cloudsession.h"
#include "session/credentials.h"
#include "session/profiles.h"
#include "sync/syncengine.h"
#include "views/mainwindow.h"
#include "views/welcomewindow.h"

#include <QApplication>
#include <QDir>
#include <QJsonObject>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace Flotilla::App {

namespace {

using Session::Profiles::DemoEntry;

bool isProfile(const QString &entry)
{
    return !entry.isEmpty() && !entry.startsWith(QLatin1Char(':'));
}

QString profileTitle(const Session::Profile &p)
{
    const QString product = p.productName.isEmpty() ? QString::number(p.productId) : p.productName;
    return p.username.isEmpty()
        ? Shell::tr("%1 (%2 on %3)").arg(p.name, product, p.apiUrl.host())
        : Shell::tr("%1 (%2 on %3, %4)").arg(p.name, product, p.apiUrl.host(), p.username);
}

// What a session on `p` connects with: its cloud and product, the token and the product's
// OAuth client read from the token store, its cache (empty: where the preferences put caches).
Connection profileConnection(const Session::Profile &p, const QString &token,
    const QString &clientId, const QString &clientSecret)
{
    Connection c;
    c.apiUrl = p.apiUrl;
    c.productId = p.productId;
    c.token = token;
    c.oauthClientId = clientId;
    c.oauthClientSecret = clientSecret;
    c.cachePath = p.cachePath;
    c.description = Shell::tr("%1 (%2)").arg(
        p.productName.isEmpty() ? p.name : p.productName, p.apiUrl.host());
    c.actor = p.username.isEmpty() ? qEnvironmentVariable("USER", QStringLiteral("operator"))
                                   : p.username;
    return c;
}

} // namespace

Shell::Shell(const ShellOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_store(Session::Credentials::makeStore(options.memoryTokens
              ? Session::Credentials::Keeping::MemoryOnly
              : Session::Credentials::Keeping::Keychain))
    , m_credentials(std::make_unique<Session::Credentials>(m_store.get()))
{ }

Shell::~Shell()
{
    // The window and the session first (their writes finished), then the sandbox (saved and
    // stopped) and its folder.
    m_context.reset();
    m_welcome.reset();
    m_sandbox.reset();
    m_freshDir.reset();
}

QString Shell::demoFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/demo");
}

void Shell::start()
{
    const QString last = Session::Profiles::lastUsed();
    if (last == DemoEntry)
        openDemo();
    else if (!last.isEmpty())
        openProfile(last);
    else
        showWelcome();
}

void Shell::holdQuit(bool hold)
{
    QGuiApplication::setQuitOnLastWindowClosed(!hold);
}

Views::WelcomeWindow *Shell::ensureWelcome()
{
    if (m_welcome)
        return m_welcome.get();
    m_welcome = std::make_unique<Views::WelcomeWindow>();
    QString why;
    const bool demo = !SandboxLauncher::findExecutable(&why).isEmpty();
    m_welcome->setDemoAvailable(demo,
        tr("The demo needs the training sandbox (flotilla-sandbox), which is not installed: "
           "install the \"flotilla-sandbox\" package (the training sandbox) to try it."));
    connect(m_welcome.get(), &Views::WelcomeWindow::demoRequested, this, &Shell::openDemo,
        Qt::QueuedConnection);
    connect(m_welcome.get(), &Views::WelcomeWindow::signedIn, this, &Shell::keepProfile,
        Qt::QueuedConnection);
    connect(m_welcome.get(), &Views::WelcomeWindow::cancelled, this, [this] {
        if (m_context)
            m_welcome->hide();
        else
            m_welcome->showChoices();
    });
    return m_welcome.get();
}

void Shell::showWelcome()
{
    Views::WelcomeWindow *welcome = ensureWelcome();
    welcome->setWindowModality(Qt::NonModal);
    welcome->showChoices();
    welcome->show();
    welcome->raise();
    welcome->activateWindow();
    qCInfo(lcApp) << "the welcome page is shown";
    closeSession();
    if (m_sandbox)
        m_sandbox.reset(); // the demo's is saved as it stops
    m_freshDir.reset();
}

void Shell::closeSession()
{
    if (!m_context)
        return;
    holdQuit(true);
    qCInfo(lcApp) << "closing the session";
    m_context.reset(); // the window, then the engines; the cache after its writes
    m_current.clear();
    holdQuit(false);
}

void Shell::failOpening(const QString &error)
{
    qCWarning(lcApp) << "the session could not be opened";
    // Not from within the session's own callback: it goes now.
    QTimer::singleShot(0, this, [this, error] {
        showWelcome();
        m_welcome->showProblem(error);
        Q_EMIT openFailed(error);
    });
}

void Shell::openDemo()
{
    startSandbox(true);
}

void Shell::openFreshSandbox()
{
    startSandbox(false);
}

void Shell::startSandbox(bool demo)
{
    holdQuit(true);
    closeSession();
    m_sandbox.reset();
    m_freshDir.reset();
    QString error;
    const QString program = SandboxLauncher::findExecutable(&error);
    if (program.isEmpty()) {
        failOpening(error);
        return;
    }
    QString folder;
    QStringList arguments = m_options.sandboxArguments;
    if (demo) {
        folder = m_options.demoFolder.isEmpty() ? demoFolder() : m_options.demoFolder;
        if (!QDir().mkpath(folder)) {
            failOpening(
                tr("The demo's folder %1 cannot be made.").arg(QDir::toNativeSeparators(folder)));
            return;
        }
        arguments << QStringLiteral("--state") << folder + QStringLiteral("/sandbox-state.sqlite");
    } else {
        m_freshDir = std::make_unique<QTemporaryDir>(
            QDir::tempPath() + QStringLiteral("/flotilla-sandbox-XXXXXX"));
        if (!m_freshDir->isValid()) {
            failOpening(
                tr("No temporary folder for the session: %1").arg(m_freshDir->errorString()));
            return;
        }
        folder = m_freshDir->path();
    }
    m_opening = demo ? QString(DemoEntry) : QString(FreshEntry);
    m_sandbox = std::make_unique<SandboxLauncher>();
    m_sandbox->start(
        program, arguments, [this, demo, folder](QJsonObject line, QString startError) {
            if (!startError.isEmpty()) {
                failOpening(startError);
                return;
            }
            if (demo)
                m_sandbox->keepSaved(m_options.demoSaveIntervalMs);
            Connection connection;
            connection.apiUrl = QUrl(line.value(QStringLiteral("url")).toString());
            connection.productId = line.value(QStringLiteral("product"))
                                       .toObject()
                                       .value(QStringLiteral("id"))
                                       .toInt();
            connection.token = line.value(QStringLiteral("token")).toString();
            const QJsonObject oauth = line.value(QStringLiteral("oauth_client")).toObject();
            connection.oauthClientId = oauth.value(QStringLiteral("id")).toString();
            connection.oauthClientSecret = oauth.value(QStringLiteral("secret")).toString();
            connection.cachePath = QDir(folder).filePath(QStringLiteral("cache.sqlite"));
            connection.description = demo
                ? tr("demo (sandbox %1)").arg(connection.apiUrl.authority())
                : tr("sandbox %1").arg(connection.apiUrl.authority());
            connection.actor = line.value(QStringLiteral("username")).toString();
            connection.sandbox = true;
            qCInfo(lcApp) << "sandbox ready at" << connection.apiUrl.toString() << "product"
                          << connection.productId;
            // flotillactl works beside the console on its cache; the sandbox's own demo token is
            // what it prints on its start line too.
            std::fprintf(stderr, "%s\n",
                qPrintable(tr("flotillactl on this sandbox (the console shows what it does):\n  "
                              "export FLOTILLA_TOKEN=%1\n  flotillactl --api %2 --product %3 "
                              "--cache %4 status")
                               .arg(connection.token, connection.apiUrl.toString())
                               .arg(connection.productId)
                               .arg(QDir::toNativeSeparators(connection.cachePath))));
            openSession(connection, demo ? QString(DemoEntry) : QString(FreshEntry));
        });
}

bool Shell::openProfile(const QString &name)
{
    const std::optional<Session::Profile> profile = Session::Profiles::find(name);
    if (!profile)
        return false;
    holdQuit(true);
    closeSession();
    m_sandbox.reset();
    m_freshDir.reset();
    m_opening = name;
    const Session::Profile p = *profile;
    m_credentials->readToken(
        p.apiUrl, p.username, this, [this, p](std::optional<QString> token, QString error) {
            if (!error.isEmpty())
                qCWarning(lcApp) << "the token store cannot be read:" << error;
            m_credentials->readProductClient(p.apiUrl, p.productId, this,
                [this, p, token, error](QString clientId, QString clientSecret, QString) {
                    if (m_opening != p.name)
                        return; // another one was chosen meanwhile
                    m_tokenReadProblem = error;
                    openSession(
                        profileConnection(p, token.value_or(QString()), clientId, clientSecret),
                        p.name);
                });
        });
    return true;
}

void Shell::openCloud(const QUrl &apiUrl, int productId)
{
    holdQuit(true);
    closeSession();
    m_opening = CloudEntry;
    m_credentials->readToken(apiUrl, QString(), this,
        [this, apiUrl, productId](std::optional<QString> token, QString error) {
            if (!error.isEmpty())
                qCWarning(lcApp) << "the token store cannot be read:" << error;
            m_credentials->readProductClient(apiUrl, productId, this,
                [this, apiUrl, productId, token](QString clientId, QString clientSecret, QString) {
                    Connection c;
                    c.apiUrl = apiUrl;
                    c.productId = productId;
                    c.token = token.value_or(QString());
                    c.oauthClientId = clientId;
                    c.oauthClientSecret = clientSecret;
                    // c.cachePath empty: where the preferences put caches.
                    c.description = apiUrl.host();
                    c.actor = qEnvironmentVariable("USER", QStringLiteral("operator"));
                    openSession(c, CloudEntry);
                });
        });
}

void Shell::openSession(const Connection &connection, const QString &entry)
{
    holdQuit(true);
    closeSession();
    holdQuit(true);
    m_context = std::make_unique<AppContext>();
    if (!connection.sandbox)
        m_context->setTokenStore(m_store.get());
    if (isProfile(entry))
        m_context->setSignInHandler([this] { signInAgain(); });
    m_context->open(connection, [this](QString error) {
        if (!error.isEmpty())
            failOpening(error);
    });
    if (!m_context->window()) {
        holdQuit(false);
        return;
    }
    m_current = entry;
    m_opening.clear();
    if (isProfile(entry) || entry == DemoEntry)
        Session::Profiles::setLastUsed(entry);
    wireWindow();
    // Clear cache… closes the session and opens it again on a new window.
    connect(m_context.get(), &AppContext::reopened, this, &Shell::wireWindow);
    m_context->window()->show();
    if (m_welcome)
        m_welcome->hide();
    holdQuit(false);
    tellStoreProblem(QString());
    Q_EMIT opened();
}

void Shell::tellStoreProblem(const QString &message)
{
    if (!message.isEmpty())
        m_storeProblem = message;
    if (m_storeProblem.isEmpty() || !m_context || !m_context->window() || !m_opening.isEmpty())
        return;
    // A note over the window, not a status bar message: the keychain's own error is long,
    // and it says what happens next time.
    auto *note = new QMessageBox(QMessageBox::Warning, tr("Access token not kept"), m_storeProblem,
        QMessageBox::Ok, m_context->window());
    note->setObjectName(QStringLiteral("tokenNotKeptNote"));
    note->setAttribute(Qt::WA_DeleteOnClose);
    note->open();
    m_storeProblem.clear();
}

void Shell::wireWindow()
{
    const QString entry = m_current;
    Views::MainWindow *window = m_context->window();
    // The demo is kept: closing it loses nothing.
    window->setThrowawayCloud(entry == FreshEntry);
    connect(
        window, &Views::MainWindow::profileChosen, this,
        [this](const QString &id) {
            if (id == DemoEntry)
                openDemo();
            else
                openProfile(id);
        },
        Qt::QueuedConnection);
    connect(window, &Views::MainWindow::addProfileRequested, this, &Shell::addProfile,
        Qt::QueuedConnection);
    connect(
        window, &Views::MainWindow::signOutRequested, this, [this] { signOut(); },
        Qt::QueuedConnection);
    connect(window, &Views::MainWindow::removeProfileRequested, this, &Shell::removeCurrentProfile,
        Qt::QueuedConnection);
    connect(window, &Views::MainWindow::resetDemoRequested, this, &Shell::resetDemo,
        Qt::QueuedConnection);
    if (entry == DemoEntry && m_sandbox) {
        // The demo's sandbox saves once the changes are sent too, not only every few seconds.
        connect(m_context->engine(), &Sync::SyncEngine::pendingChanged, m_sandbox.get(),
            [sandbox = m_sandbox.get()](int count) {
                if (count == 0)
                    sandbox->requestSave();
            });
    }
    updateMenus();
}

void Shell::updateMenus()
{
    if (!m_context || !m_context->window())
        return;
    QList<QPair<QString, QString>> entries;
    for (const Session::Profile &p : Session::Profiles::all())
        entries.append({p.name, profileTitle(p)});
    QString why;
    if (!SandboxLauncher::findExecutable(&why).isEmpty())
        entries.append({QString(DemoEntry), tr("Demo (a sandbox cloud on this computer)")});
    m_context->window()->setProfiles(entries, m_current, isProfile(m_current));
    m_context->window()->setResetDemoAvailable(m_current == DemoEntry);
}

void Shell::addProfile()
{
    Views::WelcomeWindow *welcome = ensureWelcome();
    welcome->setWindowModality(Qt::NonModal);
    welcome->showSignIn(m_context != nullptr);
    welcome->show();
    welcome->raise();
    welcome->activateWindow();
}

void Shell::signInAgain()
{
    const std::optional<Session::Profile> profile = Session::Profiles::find(m_current);
    if (!profile || !m_context)
        return;
    Views::WelcomeWindow *welcome = ensureWelcome();
    if (welcome->isVisible() && welcome->page() != Views::WelcomeWindow::Page::Choices)
        return; // already asking
    const bool hadToken = !m_context->connection().token.isEmpty();
    // Without a token: signed out, or the keychain could not be asked (say so, it is no
    // sign-out).
    QString why = tr("This profile is signed out.");
    if (hadToken)
        why = tr("The cloud no longer accepts this profile's access token (it expired or was "
                 "revoked).");
    else if (!m_tokenReadProblem.isEmpty())
        why = tr("The access token cannot be read from the system keychain (%1).")
                  .arg(m_tokenReadProblem);
    welcome->signInAgain(*profile, why);
    // Over the console's window, which stays as it is (its pending changes too).
    welcome->setWindowModality(Qt::ApplicationModal);
    welcome->show();
    welcome->raise();
    welcome->activateWindow();
}

void Shell::keepProfile(const Session::Profile &signedIn, const QString &token)
{
    Session::Profile profile = signedIn;
    // The same account and product again: that profile (and its cache, with what it has not
    // sent yet) rather than a second one.
    if (!Session::Profiles::find(profile.name)) {
        for (const Session::Profile &p : Session::Profiles::all()) {
            if (p.apiUrl == profile.apiUrl && p.productId == profile.productId
                && p.username.compare(profile.username, Qt::CaseInsensitive) == 0) {
                profile = p;
                break;
            }
        }
    }
    const bool again = m_context && profile.name == m_current;
    if (!again)
        Session::Profiles::save(profile);
    m_credentials->writeToken(profile.apiUrl, profile.username, token, this, [this](QString error) {
        if (error.isEmpty())
            return;
        qCWarning(lcApp) << "the token could not be kept in the token store";
        // The session of this profile may still be opening: its window tells it then.
        tellStoreProblem(tr("Signed in, but the access token could not be kept in the system "
                            "keychain (%1): Flotilla will ask for it again next time.")
                             .arg(error));
    });
    if (again) {
        qCInfo(lcApp) << "signed in again";
        if (m_welcome) {
            m_welcome->hide();
            m_welcome->setWindowModality(Qt::NonModal);
        }
        m_context->useToken(token);
        return;
    }
    qCInfo(lcApp) << "opening the profile";
    holdQuit(true);
    closeSession();
    m_sandbox.reset();
    m_freshDir.reset();
    m_credentials->readProductClient(profile.apiUrl, profile.productId, this,
        [this, profile, token](QString clientId, QString clientSecret, QString) {
            openSession(profileConnection(profile, token, clientId, clientSecret), profile.name);
        });
}

void Shell::signOut(std::function<void()> done)
{
    const std::optional<Session::Profile> profile = Session::Profiles::find(m_current);
    if (!profile || !m_context)
        return;
    const Session::Profile p = *profile;
    const QString token = m_context->connection().token;
    const int pending = m_context->engine() ? m_context->engine()->pendingCount() : 0;
    const auto forget = [this, p, pending, done](bool revoked) {
        m_credentials->forgetToken(
            p.apiUrl, p.username, this, [this, p, pending, revoked, done](QString error) {
                if (!error.isEmpty())
                    qCWarning(lcApp) << "the token could not be forgotten:" << error;
                qCInfo(lcApp) << "signed out; token revoked:" << revoked;
                Session::Profiles::setLastUsed(QString());
                showWelcome();
                if (pending > 0)
                    m_welcome->showProblem(
                        tr("Signed out of \"%1\". %Ln change(s) not yet sent are kept in its "
                           "local cache and sent after you sign in to it again.",
                            nullptr, pending)
                            .arg(p.name));
                else if (!revoked)
                    m_welcome->showProblem(
                        tr("Signed out of \"%1\"; the cloud could not be reached to revoke the "
                           "access token, which is forgotten here.")
                            .arg(p.name));
                Q_EMIT signedOut();
                if (done)
                    done();
            });
    };
    if (token.isEmpty()) {
        forget(false);
        return;
    }
    // Revoked at the cloud first (with its own client: the session is closed meanwhile).
    auto *account = new Session::CloudAccount(p.apiUrl, token, this);
    account->revoke(this, [account, forget](Session::CloudAccount::Failure failure, QString) {
        account->deleteLater();
        forget(failure == Session::CloudAccount::Failure::None
            || failure == Session::CloudAccount::Failure::Refused);
    });
}

void Shell::removeCurrentProfile()
{
    if (!isProfile(m_current) || !m_context)
        return;
    const QString name = m_current;
    // Asked without blocking: the console goes on until the answer.
    auto *question = new QMessageBox(QMessageBox::Question, tr("Remove profile"),
        tr("Sign out of \"%1\" and remove the profile? Its local cache stays on this computer.")
            .arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, m_context->window());
    question->setObjectName(QStringLiteral("removeProfileQuestion"));
    question->setDefaultButton(QMessageBox::Cancel);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, question, name] {
        if (question->standardButton(question->clickedButton()) != QMessageBox::Yes)
            return;
        // After the question is gone (it belongs to the window that closes).
        QTimer::singleShot(0, this, [this, name] {
            if (m_current == name)
                signOut([name] { Session::Profiles::remove(name); });
        });
    });
    question->open();
}

void Shell::resetDemo()
{
    qCInfo(lcApp) << "resetting the demo";
    holdQuit(true);
    closeSession();
    m_sandbox.reset();
    const QString folder = m_options.demoFolder.isEmpty() ? demoFolder() : m_options.demoFolder;
    QDir(folder).removeRecursively();
    openDemo();
}

} // namespace Flotilla::App
