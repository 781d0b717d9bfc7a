// SPDX-License-Identifier: MIT
#include "app/appcontext.h"

#include "app/logging.h"
#include "edit/accountservice.h"
#include "edit/fleeteditor.h"
#include "remote/particleclient.h"
#include "remote/tokenstore.h"
#include "rollout/rolloutengine.h"
#include "store/cachestore.h"
#include "sync/syncengine.h"
#include "tree/devicetablemodel.h"
#include "tree/fleettreemodel.h"
#include "views/cacheproblems.h"
#include "views/mainwindow.h"
#include "views/productclientdialog.h"
#include "views/signindialog.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QStatusBar>
#include <QUndoStack>

namespace Flotilla::App {

AppContext::AppContext(QObject *parent)
    : QObject(parent)
{ }

AppContext::~AppContext()
{
    // The window and the commands first (they refer to the engine), the cache last: its
    // destructor waits for the writes already handed to it.
    m_window.reset();
    if (m_undoStack)
        m_undoStack->clear();
    m_editor.reset();
    m_accounts.reset();
    // The rollout engine follows the sync engine and writes to the cache: before both.
    m_rollouts.reset();
    m_engine.reset();
    m_table.reset();
    m_tree.reset();
    m_store.reset();
    m_probe.reset();
    m_client.reset();
    m_nam.reset();
}

QString AppContext::tokenKey(const QUrl &apiUrl)
{
    return QStringLiteral("access-token/") + apiUrl.host(QUrl::FullyEncoded).toLower()
        + (apiUrl.port() > 0 ? QLatin1Char(':') + QString::number(apiUrl.port()) : QString());
}

QString AppContext::productClientKey(const QUrl &apiUrl, int productId)
{
    return QStringLiteral("oauth-client-secret/") + apiUrl.host(QUrl::FullyEncoded).toLower()
        + (apiUrl.port() > 0 ? QLatin1Char(':') + QString::number(apiUrl.port()) : QString())
        + QLatin1Char('/') + QString::number(productId);
}

void AppContext::setTokenStore(Remote::TokenStore *store)
{
    m_tokenStore = store;
    if (m_window)
        m_window->setSignInAvailable(store != nullptr);
}

void AppContext::open(const Connection &connection, std::function<void(QString error)> done)
{
    m_connection = connection;
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    Remote::ClientConfig clientConfig;
    clientConfig.baseUrl = connection.apiUrl;
    m_client = std::make_unique<Remote::ParticleClient>(m_nam.get(), clientConfig);
    m_store = std::make_unique<Store::CacheStore>();

    Sync::SyncConfig config;
    config.productId = connection.productId;
    config.liveEvents = connection.liveEvents;
    config.actor = connection.actor;
    m_engine
        = std::make_unique<Sync::SyncEngine>(m_client.get(), m_store.get(), m_nam.get(), config);
    QUrl events = connection.apiUrl;
    events.setPath(QStringLiteral("/v1/products/%1/events").arg(connection.productId));
    m_engine->setEventsUrl(events);
    m_engine->setProductClient(connection.oauthClientId, connection.oauthClientSecret);
    if (!connection.token.isEmpty())
        m_engine->setAccessToken(connection.token);

    Rollout::RolloutConfig rolloutConfig;
    rolloutConfig.productId = connection.productId;
    rolloutConfig.actor = connection.actor;
    m_rollouts = std::make_unique<Rollout::RolloutEngine>(
        m_client.get(), m_store.get(), m_engine.get(), rolloutConfig);
    // Rollouts resume once the fleet they work on is known.
    connect(m_engine.get(), &Sync::SyncEngine::loaded, this, [this] {
        if (!m_rollouts || m_rollouts->isStarted())
            return;
        m_rollouts->start([this](QString error) {
            if (!error.isEmpty()) {
                qCWarning(lcApp) << "the rollouts could not be loaded:" << error;
                if (m_window)
                    m_window->cacheProblems()->showRolloutsUnreadable(error);
            }
        });
    });

    m_tree = std::make_unique<Tree::FleetTreeModel>();
    m_table = std::make_unique<Tree::DeviceTableModel>();
    m_undoStack = std::make_unique<QUndoStack>();
    m_undoStack->setUndoLimit(500);
    // Every edit of the fleet; new customers may get a new customer account.
    m_accounts = std::make_unique<Edit::AccountService>(m_client.get(), connection.productId);
    m_editor = std::make_unique<Edit::FleetEditor>(m_engine.get(), m_undoStack.get());
    m_editor->setAccountService(m_accounts.get());

    Views::MainWindowParts parts;
    parts.engine = m_engine.get();
    parts.client = m_client.get();
    parts.tree = m_tree.get();
    parts.table = m_table.get();
    parts.undoStack = m_undoStack.get();
    parts.editor = m_editor.get();
    parts.rollouts = m_rollouts.get();
    parts.productId = connection.productId;
    m_window = std::make_unique<Views::MainWindow>(parts);
    m_window->setConnectionDescription(connection.description);
    m_window->setProductClient(connection.oauthClientId, connection.oauthClientSecret);
    m_window->setSignInAvailable(m_tokenStore != nullptr && !connection.sandbox);
    // The sandbox the session started goes with it: closing asks first while rollouts run.
    m_window->setThrowawayCloud(connection.sandbox);
    connect(m_window.get(), &Views::MainWindow::signInRequested, this, &AppContext::signIn);
    connect(m_window.get(), &Views::MainWindow::productClientRequested, this,
        &AppContext::editProductClient);
    connect(m_window.get(), &Views::MainWindow::cacheSetAsideRequested, this,
        &AppContext::setCacheAside);
    connect(m_engine.get(), &Sync::SyncEngine::signedOutChanged, this, [this](bool signedOut) {
        if (signedOut && !m_connection.sandbox && m_tokenStore) {
            qCInfo(lcApp) << "signed out by the cloud";
            signIn();
        }
    });

    qCInfo(lcApp) << "opening the cache for product" << connection.productId;
    m_store->open(connection.cachePath,
        [this, done = std::move(done), self = QPointer<AppContext>(this)](QString error) {
            if (!self)
                return;
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
            startEngine();
            done(QString());
        });
}

void AppContext::startEngine()
{
    const bool haveToken = !m_connection.token.isEmpty();
    m_engine->start(haveToken);
    if (!haveToken)
        signIn();
}

void AppContext::setCacheAside()
{
    m_store->setAside(m_connection.cachePath,
        [this, self = QPointer<AppContext>(this)](QString damagedCopy, QString error) {
            if (!self || !m_window)
                return;
            if (!error.isEmpty()) {
                m_window->cacheProblems()->showUnusable(error);
                return;
            }
            qCWarning(lcApp) << "the unreadable cache was set aside";
            m_window->statusBar()->showMessage(
                tr("The unreadable cache is kept as %1; a new one is read from the cloud.")
                    .arg(QDir::toNativeSeparators(damagedCopy)),
                30000);
            startEngine();
        });
}

void AppContext::signIn()
{
    if (!m_tokenStore || !m_window || m_signingIn)
        return;
    if (!m_probe) {
        Remote::ClientConfig config;
        config.baseUrl = m_connection.apiUrl;
        config.maxAttempts = 2;
        m_probe = std::make_unique<Remote::ParticleClient>(m_nam.get(), config);
    }
    m_signingIn = true;
    auto *dialog = new Views::SignInDialog(m_probe.get(), m_tokenStore,
        tokenKey(m_connection.apiUrl), m_connection.description, m_window.get());
    dialog->setProductClientKey(
        productClientKey(m_connection.apiUrl, m_connection.productId), m_connection.oauthClientId);
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
    if (!m_tokenStore || !m_window || m_connection.sandbox)
        return;
    auto *dialog = new Views::ProductClientDialog(m_connection.oauthClientId, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString key = productClientKey(m_connection.apiUrl, m_connection.productId);
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
        if (dialog->action() == Views::ProductClientDialog::Action::Clear) {
            useProductClient(QString(), QString());
            m_tokenStore->remove(key, this, [reported](QString error) {
                reported(error, tr("The product's OAuth client is forgotten."));
            });
            return;
        }
        Remote::OAuthClient client;
        client.id = dialog->clientId();
        client.secret = dialog->clientSecret();
        if (!client.isValid())
            return;
        useProductClient(client.id, client.secret);
        m_tokenStore->write(key, client.toStored(), this, [reported](QString error) {
            reported(error, tr("The product's OAuth client is saved in the system keychain."));
        });
    });
    dialog->open();
}

void AppContext::useProductClient(const QString &clientId, const QString &clientSecret)
{
    m_connection.oauthClientId = clientId;
    m_connection.oauthClientSecret = clientSecret;
    m_engine->setProductClient(clientId, clientSecret);
    m_window->setProductClient(clientId, clientSecret);
}

void AppContext::useToken(const QString &token)
{
    m_connection.token = token;
    m_engine->setAccessToken(token);
    m_engine->pullNow();
}

} // namespace Flotilla::App
