// SPDX-License-Identifier: MIT
#include "app/appcontext.h"

#include "app/logging.h"
#include "edit/accountservice.h"
#include "edit/fleeteditor.h"
#include "rollout/rolloutengine.h"
#include "session/cloudsession.h"
#include "session/credentials.h"
#include "session/preferences.h"
#include "session/signin.h"
#include "sync/syncengine.h"
#include "tree/devicetablemodel.h"
#include "tree/fleettreemodel.h"
#include "views/cacheproblems.h"
#include "views/mainwindow.h"
#include "views/productclientdialog.h"
#include "views/settingsdialog.h"
#include "views/signindialog.h"

#include <QDir>
#include <QEventLoopLocker>
#include <QFileInfo>
#include <QLabel>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>

namespace Flotilla::App {

AppContext::AppContext(QObject *parent)
    : QObject(parent)
{ }

AppContext::~AppContext()
{
    closeSession();
}

void AppContext::closeSession()
{
    // The window and the commands first (they refer to the engine), then the models, the
    // session last (the rollout engine, the sync engine, then the cache after its writes).
    m_window.reset();
    if (m_undoStack)
        m_undoStack->clear();
    m_editor.reset();
    m_accounts.reset();
    m_table.reset();
    m_tree.reset();
    m_signIn.reset();
    m_session.reset();
    m_signingIn = false;
}

Sync::SyncEngine *AppContext::engine() const
{
    return m_session ? m_session->engine() : nullptr;
}

Rollout::RolloutEngine *AppContext::rolloutEngine() const
{
    return m_session ? m_session->rollouts() : nullptr;
}

QString AppContext::tokenKey(const QUrl &apiUrl)
{
    return Session::Credentials::tokenKey(apiUrl);
}

QString AppContext::productClientKey(const QUrl &apiUrl, int productId)
{
    return Session::Credentials::productClientKey(apiUrl, productId);
}

void AppContext::setTokenStore(Remote::TokenStore *store)
{
    m_credentials = store ? std::make_unique<Session::Credentials>(store) : nullptr;
    if (m_window)
        m_window->setSignInAvailable(store != nullptr);
}

void AppContext::open(const Connection &connection, std::function<void(QString error)> done)
{
    m_connection = connection;
    // The preferences as kept now (Edit › Settings…): the proxy of every request, the
    // request budget, where the cache lives, what new rollouts start from.
    const Session::Preferences preferences = Session::Preferences::load();
    preferences.applyProxy(m_proxyPassword);
    if (m_connection.cachePath.isEmpty())
        m_connection.cachePath = preferences.cachePath(connection.apiUrl, connection.productId);
    Session::SessionConfig config;
    config.rateSharePercent = preferences.rateSharePercent;
    config.apiUrl = connection.apiUrl;
    config.productId = connection.productId;
    config.liveEvents = connection.liveEvents;
    config.actor = connection.actor;
    m_session = std::make_unique<Session::CloudSession>(config);
    m_session->setProductClient(connection.oauthClientId, connection.oauthClientSecret);
    if (!connection.token.isEmpty())
        m_session->setAccessToken(connection.token);

    // Rollouts resume once the fleet they work on is known.
    connect(engine(), &Sync::SyncEngine::loaded, this, [this] {
        Rollout::RolloutEngine *rollouts = rolloutEngine();
        if (!rollouts || rollouts->isStarted())
            return;
        rollouts->start([this](QString error) {
            if (!error.isEmpty()) {
                qCWarning(lcApp) << "the rollouts could not be loaded:" << error;
                if (m_window)
                    m_window->cacheProblems()->showRolloutsUnreadable(error);
            }
        });
    });

    // The models follow the engine themselves, connected before the window is.
    m_tree = std::make_unique<Tree::FleetTreeModel>(engine());
    m_table = std::make_unique<Tree::DeviceTableModel>(engine());
    m_undoStack = std::make_unique<QUndoStack>();
    m_undoStack->setUndoLimit(500);
    // Every edit of the fleet; new customers may get a new customer account.
    m_accounts = std::make_unique<Edit::AccountService>(m_session->client(), connection.productId);
    m_editor = std::make_unique<Edit::FleetEditor>(engine(), m_undoStack.get());
    m_editor->setAccountService(m_accounts.get());

    Views::MainWindowParts parts;
    parts.engine = engine();
    parts.usage = m_session->usage();
    parts.tree = m_tree.get();
    parts.table = m_table.get();
    parts.undoStack = m_undoStack.get();
    parts.editor = m_editor.get();
    parts.rollouts = rolloutEngine();
    m_window = std::make_unique<Views::MainWindow>(parts);
    m_window->setConnectionDescription(connection.description);
    m_window->setRolloutDefaults(preferences.rolloutDefaults());
    m_window->setProductClient(connection.oauthClientId, connection.oauthClientSecret);
    m_window->setSignInAvailable(m_credentials != nullptr && !connection.sandbox);
    // The sandbox the session started goes with it: closing asks first while rollouts run.
    m_window->setThrowawayCloud(connection.sandbox);
    connect(m_window.get(), &Views::MainWindow::signInRequested, this, &AppContext::signIn);
    connect(m_window.get(), &Views::MainWindow::productClientRequested, this,
        &AppContext::editProductClient);
    connect(m_window.get(), &Views::MainWindow::cacheSetAsideRequested, this,
        &AppContext::setCacheAside);
    connect(m_window.get(), &Views::MainWindow::settingsRequested, this, &AppContext::editSettings);
    connect(engine(), &Sync::SyncEngine::signedOutChanged, this, [this](bool signedOut) {
        if (signedOut && !m_connection.sandbox && (m_credentials || m_signInHandler)) {
            qCInfo(lcApp) << "signed out by the cloud";
            signIn();
        }
    });

    qCInfo(lcApp) << "opening the cache for product" << connection.productId;
    const QString cachePath = m_connection.cachePath;
    m_session->openCache(cachePath, this, [this, done = std::move(done)](QString error) {
        if (!error.isEmpty()) {
            const QString reason
                = tr("The local cache %1 cannot be used: %2")
                      .arg(QDir::toNativeSeparators(m_connection.cachePath), error);
            if (!QFileInfo::exists(m_connection.cachePath)) {
                done(reason); // nothing there to keep or set aside
                return;
            }
            // A file that may hold changes not yet sent: the window asks what to do.
            done(QString());
            m_window->cacheProblems()->showUnusable(reason);
            return;
        }
        // Another Flotilla (flotillactl) may have the same cache open: one of them sends.
        startSharing();
        startEngine();
        done(QString());
    });
}

void AppContext::startSharing()
{
    if (m_session->isSharing())
        return;
    connect(m_session.get(), &Session::CloudSession::drivingChanged, this, &AppContext::showDriver);
    m_session->startSharing();
    showDriver(m_session->isDriving());
}

void AppContext::showDriver(bool driving)
{
    if (!m_window)
        return;
    if (!m_driverLabel) {
        m_driverLabel = new QLabel(m_window->statusBar());
        m_window->statusBar()->addPermanentWidget(m_driverLabel);
        m_driverLabel->hide(); // (the status bar shows what it is given) until another drives
    }
    if (driving) {
        if (m_driverLabel->isVisible()) {
            qCInfo(lcApp) << "this console sends the changes of its cache again";
            m_window->statusBar()->showMessage(tr("This window sends the changes again."), 10000);
        }
        m_driverLabel->hide();
        return;
    }
    const QString program = m_session->driverName();
    m_driverLabel->setText(program.isEmpty()
            ? tr("Changes are sent by another Flotilla on this computer")
            : tr("Changes are sent by another Flotilla on this computer (%1)").arg(program));
    m_driverLabel->setToolTip(
        tr("Another Flotilla program has this fleet's local cache open and sends its changes "
           "and runs its rollouts. Edits made here are saved and sent by it; this window "
           "shows what it does. This window takes over when it ends."));
    m_driverLabel->show();
}

void AppContext::startEngine()
{
    const bool haveToken = !m_connection.token.isEmpty();
    engine()->start(haveToken);
    if (!haveToken)
        signIn();
}

void AppContext::setCacheAside()
{
    m_session->setCacheAside(
        m_connection.cachePath, this, [this](QString damagedCopy, QString error) {
            if (!m_window)
                return;
            if (!error.isEmpty()) {
                m_window->cacheProblems()->showUnusable(error);
                return;
            }
            qCWarning(lcApp) << "the unreadable cache was set aside";
            startSharing();
            m_window->statusBar()->showMessage(
                tr("The unreadable cache is kept as %1; a new one is read from the cloud.")
                    .arg(QDir::toNativeSeparators(damagedCopy)),
                30000);
            startEngine();
        });
}

void AppContext::signIn()
{
    if (m_signInHandler && m_window) {
        m_signInHandler();
        return;
    }
    if (!m_credentials || !m_window || m_signingIn)
        return;
    if (!m_signIn) {
        m_signIn = m_session->makeSignIn(m_credentials->store(), tokenKey(m_connection.apiUrl));
        m_signIn->setProductClientKey(
            productClientKey(m_connection.apiUrl, m_connection.productId));
    }
    m_signingIn = true;
    auto *dialog
        = new Views::SignInDialog(m_signIn.get(), m_connection.description, m_window.get());
    dialog->offerProductClient(m_connection.oauthClientId);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this] { m_signingIn = false; });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!dialog->clientId().isEmpty() && !dialog->clientSecret().isEmpty())
            useProductClient(dialog->clientId(), dialog->clientSecret());
        useToken(dialog->token());
        if (!dialog->storeError().isEmpty())
            m_window->statusBar()->showMessage(
                tr("Signed in, but the token or the OAuth client could not be kept in the system "
                   "keychain (%1): Flotilla will ask for it again next time.")
                    .arg(dialog->storeError()),
                20000);
    });
    dialog->open();
}

void AppContext::editProductClient()
{
    if (!m_credentials || !m_window || m_connection.sandbox)
        return;
    auto *dialog = new Views::ProductClientDialog(m_connection.oauthClientId, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const auto reported = [this](const QString &error, const QString &done) {
            if (!m_window)
                return;
            if (error.isEmpty()) {
                m_window->statusBar()->showMessage(done, 10000);
                return;
            }
            qCWarning(lcApp) << "the token store refused the OAuth client";
            m_window->statusBar()->showMessage(
                tr("The OAuth client could not be kept in the system keychain (%1); this "
                   "session uses it until it ends.")
                    .arg(error),
                20000);
        };
        const QUrl &url = m_connection.apiUrl;
        const int product = m_connection.productId;
        if (dialog->action() == Views::ProductClientDialog::Action::Clear) {
            useProductClient(QString(), QString());
            m_credentials->forgetProductClient(url, product, this, [reported](QString error) {
                reported(error, tr("The product's OAuth client is forgotten."));
            });
            return;
        }
        const QString id = dialog->clientId();
        const QString secret = dialog->clientSecret();
        if (id.isEmpty() || secret.isEmpty())
            return;
        useProductClient(id, secret);
        m_credentials->writeProductClient(
            url, product, id, secret, this, [reported](QString error) {
                reported(error, tr("The product's OAuth client is saved in the system keychain."));
            });
    });
    dialog->open();
}

void AppContext::useProductClient(const QString &clientId, const QString &clientSecret)
{
    m_connection.oauthClientId = clientId;
    m_connection.oauthClientSecret = clientSecret;
    m_session->setProductClient(clientId, clientSecret);
    m_window->setProductClient(clientId, clientSecret);
}

void AppContext::editSettings()
{
    if (!m_window || !m_session)
        return;
    if (auto *open = m_window->findChild<Views::SettingsDialog *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    Views::SettingsDialog::CacheInfo cache;
    cache.path = m_connection.cachePath;
    cache.bytes = Session::CloudSession::cacheSize(m_connection.cachePath);
    cache.usualFolder = QFileInfo(
        Session::CloudSession::defaultCachePath(m_connection.apiUrl, m_connection.productId))
                            .absolutePath();
    auto *dialog = new Views::SettingsDialog(
        Session::Preferences::load(), cache, engine()->pendingCount(), m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setProxyPassword(m_proxyPassword);
    connect(engine(), &Sync::SyncEngine::pendingChanged, dialog,
        &Views::SettingsDialog::setPendingChanges);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Session::Preferences preferences = dialog->preferences();
        preferences.save();
        m_proxyPassword = dialog->proxyPassword();
        preferences.applyProxy(m_proxyPassword);
        qCInfo(lcApp) << "the preferences were changed";
        if (m_window)
            m_window->setRolloutDefaults(preferences.rolloutDefaults());
        // The window (the dialog's parent) goes: once the dialog has returned.
        if (dialog->clearCacheRequested())
            QTimer::singleShot(0, this, &AppContext::clearCache);
    });
    dialog->open();
}

void AppContext::clearCache()
{
    if (!m_session || !m_window)
        return;
    if (const int pending = engine()->pendingCount(); pending > 0) {
        m_window->statusBar()->showMessage(
            tr("The cache is kept: %Ln change(s) not sent yet live in it.", nullptr, pending),
            20000);
        return;
    }
    // The window goes and a new one comes: the application does not quit in between.
    const QEventLoopLocker keepRunning;
    const Connection connection = m_connection;
    const QByteArray geometry = m_window->saveGeometry();
    const bool shown = m_window->isVisible();
    closeSession(); // the cache is closed and the driver lease released
    QString error;
    const bool removed = Session::CloudSession::removeCache(connection.cachePath, &error);
    qCInfo(lcApp) << "the cache was" << (removed ? "cleared" : "kept");
    open(connection, [this](QString openError) {
        if (!openError.isEmpty() && m_window)
            m_window->cacheProblems()->showUnusable(openError);
    });
    m_window->restoreGeometry(geometry);
    if (shown)
        m_window->show();
    m_window->statusBar()->showMessage(removed
            ? tr("The cache was cleared: the fleet is read from the cloud again.")
            : tr("The cache could not be cleared: %1").arg(error),
        20000);
    Q_EMIT reopened();
}

void AppContext::useToken(const QString &token)
{
    m_connection.token = token;
    m_session->setAccessToken(token);
    engine()->pullNow();
}

} // namespace Flotilla::App
