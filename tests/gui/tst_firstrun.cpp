// SPDX-License-Identifier: MIT
// The console's first run and its profiles, through the app's own Shell: the welcome page's
// demo (kept across two lifetimes of the console), signing in to a sandbox cloud with a
// password and a one-time code or with an access token, the product's choice, switching
// profiles, signing out (the token revoked at the cloud and forgotten), and a token refused
// while a change is pending (signed in again, the change reaches the cloud). Settings, standard
// paths and the token store are the test's own.
#include "app/sandboxlauncher.h"
#include "app/shell.h"
#include "remote/tokenstore.h"
#include "sandboxprocess.h"
#include "session/credentials.h"
#include "session/profiles.h"
#include "sync/syncengine.h"
#include "tree/fleettreemodel.h"
#include "views/mainwindow.h"
#include "views/nodedialog.h"
#include "views/welcomewindow.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#endif

using namespace Flotilla;

namespace {

constexpr int CloudTimeoutMs = 60000;

} // namespace

class TestFirstRun final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void demoKeepsCustomerAcrossRestarts();
    void demoSavedWithoutStopping();
    void demoNeedsTheSandbox();
    void welcomeFitsNarrowWindows();
    void passwordAndCodeMakeAProfile();
    void wrongPasswordOrCodeMakeNoProfile();
    void tokenNotKeptIsTold();
    void tokenSignInAndSwitching();
    void signOutRevokesAndForgets();
    void refusedTokenKeepsPendingChange();

private:
    std::unique_ptr<App::Shell> newShell(const QString &demoFolder = QString());
    // Waits until the shell's session is open and its fleet read from the cloud.
    bool waitForFleet(App::Shell &shell);
    // The welcome page's sign-in, on the test's sandbox.
    Views::WelcomeWindow *signInPage(App::Shell &shell);
    // Signs in as the sandbox's MFA user with the current one-time code and opens the product:
    // from the welcome page, or (`page` given) on a sign-in page shown already.
    bool signInWithCode(App::Shell &shell, Views::WelcomeWindow *page = nullptr);
    QString tokenKept(App::Shell &shell, const QString &username);
    // Chooses profile `name` in File › Profiles and waits until it is open.
    bool openProfileFromMenu(App::Shell &shell, const QString &name);
    bool tokenAccepted(const QString &token);
    // A new customer through the window's dialog (one pending change until it is sent).
    bool newCustomer(App::Shell &shell, const QString &title, const QString &slug);
    QJsonObject mfaUser();

    QTemporaryDir m_dir;
    Test::SandboxProcess m_sandbox;
};

void TestFirstRun::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The profiles' caches (in the application's data folder) in the test's own folder.
    qputenv("HOME", m_dir.filePath(QStringLiteral("home")).toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    for (const auto format : {QSettings::NativeFormat, QSettings::IniFormat})
        QSettings::setPath(
            format, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    // The demo starts the sandbox under test.
    qputenv("FLOTILLA_SANDBOX", Test::sandboxExecutable().toLocal8Bit());
    QVERIFY2(m_sandbox.start({QStringLiteral("--devices"), QStringLiteral("60")}),
        qPrintable(m_sandbox.errorString()));
}

void TestFirstRun::cleanup()
{
    for (const Session::Profile &p : Session::Profiles::all())
        Session::Profiles::remove(p.name);
    Session::Profiles::setLastUsed(QString());
}

std::unique_ptr<App::Shell> TestFirstRun::newShell(const QString &demoFolder)
{
    App::ShellOptions options;
    options.memoryTokens = true;
    options.sandboxArguments = {QStringLiteral("--devices"), QStringLiteral("40")};
    options.demoFolder = demoFolder.isEmpty() ? m_dir.filePath(QStringLiteral("demo")) : demoFolder;
    options.demoSaveIntervalMs = 1000;
    return std::make_unique<App::Shell>(options);
}

bool TestFirstRun::waitForFleet(App::Shell &shell)
{
    return QTest::qWaitFor(
        [&shell] {
            App::AppContext *c = shell.context();
            return c && c->window() && c->window()->isVisible() && c->engine()->isLoaded()
                && c->engine()->lastFullPullMs() > 0 && !c->engine()->isPulling()
                && c->treeModel()->deviceCount() > 0;
        },
        CloudTimeoutMs);
}

Views::WelcomeWindow *TestFirstRun::signInPage(App::Shell &shell)
{
    shell.showWelcome();
    Views::WelcomeWindow *welcome = shell.welcome();
    if (!welcome || !welcome->isVisible())
        return nullptr;
    QTest::mouseClick(welcome->signInButton(), Qt::LeftButton);
    if (welcome->page() != Views::WelcomeWindow::Page::SignIn)
        return nullptr;
    // The default cloud is Particle's; the sandbox's address (http: on loopback) replaces it.
    if (welcome->cloudField()->text() != QLatin1String("https://api.particle.io"))
        return nullptr;
    welcome->cloudField()->setText(m_sandbox.url().toString());
    return welcome;
}

QJsonObject TestFirstRun::mfaUser()
{
    return Test::Http(m_sandbox.adminToken())
        .get(m_sandbox.url(QStringLiteral("/admin/mfa")))
        .json();
}

bool TestFirstRun::signInWithCode(App::Shell &shell, Views::WelcomeWindow *page)
{
    Views::WelcomeWindow *welcome = page ? page : signInPage(shell);
    if (!welcome)
        return false;
    welcome->cloudField()->setText(m_sandbox.url().toString());
    const QJsonObject mfa = mfaUser();
    welcome->passwordChoice()->setChecked(true);
    QTest::keyClicks(welcome->usernameField(), mfa.value(QStringLiteral("username")).toString());
    QTest::keyClicks(welcome->passwordField(), mfa.value(QStringLiteral("password")).toString());
    QTest::keyClick(welcome->passwordField(), Qt::Key_Return);
    if (!QTest::qWaitFor(
            [welcome] { return welcome->page() == Views::WelcomeWindow::Page::Code; }, 20000))
        return false;
    // The password is not kept once it was sent; the window's title names the step.
    if (!welcome->passwordField()->text().isEmpty()
        || welcome->windowTitle() != QStringLiteral("One-time code"))
        return false;
    QTest::keyClicks(welcome->codeField(), mfaUser().value(QStringLiteral("otp")).toString());
    welcome->submitCode();
    if (!QTest::qWaitFor(
            [welcome] { return welcome->page() == Views::WelcomeWindow::Page::Product; }, 20000)
        || welcome->windowTitle() != QStringLiteral("Choose the product"))
        return false;
    QSignalSpy opened(&shell, &App::Shell::opened);
    welcome->submitProduct();
    return (opened.count() > 0 || opened.wait(CloudTimeoutMs)) && waitForFleet(shell);
}

QString TestFirstRun::tokenKept(App::Shell &shell, const QString &username)
{
    std::optional<QString> kept;
    bool answered = false;
    Session::Credentials(shell.tokenStore())
        .readToken(m_sandbox.url(), username, this, [&](std::optional<QString> t, QString) {
            kept = t;
            answered = true;
        });
    if (!QTest::qWaitFor([&answered] { return answered; }, 5000))
        return QStringLiteral("(no answer)");
    return kept.value_or(QString());
}

bool TestFirstRun::openProfileFromMenu(App::Shell &shell, const QString &name)
{
    auto *menu = shell.context()->window()->findChild<QMenu *>(QStringLiteral("profilesMenu"));
    if (!menu)
        return false;
    for (QAction *a : menu->actions()) {
        if (a->data().toString() != name)
            continue;
        QSignalSpy opened(&shell, &App::Shell::opened);
        a->trigger();
        return opened.wait(CloudTimeoutMs) && shell.current() == name && waitForFleet(shell);
    }
    return false;
}

bool TestFirstRun::tokenAccepted(const QString &token)
{
    return Test::Http(token).get(m_sandbox.url(QStringLiteral("/v1/access_tokens/current"))).status
        == 200;
}

bool TestFirstRun::newCustomer(App::Shell &shell, const QString &title, const QString &slug)
{
    Views::MainWindow *window = shell.context()->window();
    auto *action = window->findChild<QAction *>(QStringLiteral("actionNewCustomer"));
    if (!action || !action->isEnabled())
        return false;
    action->trigger();
    if (!QTest::qWaitFor(
            [] { return qobject_cast<Views::NodeDialog *>(QApplication::activeModalWidget()); },
            5000))
        return false;
    auto *dialog = qobject_cast<Views::NodeDialog *>(QApplication::activeModalWidget());
    QTest::keyClicks(dialog->titleField(), title);
    dialog->slugField()->clear();
    QTest::keyClicks(dialog->slugField(), slug);
    dialog->accept();
    return QTest::qWaitFor(
        [&shell, slug] { return shell.context()->treeModel()->indexForNode(slug).isValid(); },
        10000);
}

// Try the demo, create a customer, quit; the next console (no choice on its command line)
// opens the demo again, whose sandbox (restarted) still has the customer.
void TestFirstRun::demoKeepsCustomerAcrossRestarts()
{
    const QString folder = m_dir.filePath(QStringLiteral("demo-restart"));
    const QString state = folder + QStringLiteral("/sandbox-state.sqlite");
    {
        std::unique_ptr<App::Shell> shell = newShell(folder);
        shell->start(); // nothing used yet: the welcome page
        Views::WelcomeWindow *welcome = shell->welcome();
        QVERIFY(welcome && welcome->isVisible());
        QCOMPARE(welcome->page(), Views::WelcomeWindow::Page::Choices);
        QVERIFY(welcome->demoButton()->isEnabled());
        QTest::mouseClick(welcome->demoButton(), Qt::LeftButton);
        QVERIFY(waitForFleet(*shell));
        QCOMPARE(shell->current(), QString(Session::Profiles::DemoEntry));
        QVERIFY(!welcome->isVisible());
        QVERIFY(QFileInfo::exists(folder + QStringLiteral("/cache.sqlite")));
        // The demo offers its reset; it is not a profile to sign out of.
        auto *reset
            = shell->context()->window()->findChild<QAction *>(QStringLiteral("actionResetDemo"));
        QVERIFY(reset && reset->isVisible());
        QVERIFY(!shell->context()->window()->findChild<QAction *>(QStringLiteral("actionSignOut")));

        QVERIFY(newCustomer(*shell, QStringLiteral("Kept Customer GmbH"), QStringLiteral("kept")));
        QTRY_COMPARE_WITH_TIMEOUT(shell->context()->engine()->pendingCount(), 0, CloudTimeoutMs);
        const QDateTime sent = QDateTime::currentDateTime();
        // Saved on request too (what the periodic saves do), without a signal to the sandbox.
        QVERIFY(shell->sandbox()->saveNow());
        QVERIFY(QFileInfo(state).lastModified() >= sent);
    } // the console quits: the session closes, the sandbox saves and stops
    QVERIFY(QFileInfo::exists(state));

    std::unique_ptr<App::Shell> shell = newShell(folder);
    shell->start();
    QVERIFY(waitForFleet(*shell));
    QCOMPARE(shell->current(), QString(Session::Profiles::DemoEntry));
    QVERIFY(shell->context()->treeModel()->indexForNode(QStringLiteral("kept")).isValid());
    // In the restarted sandbox itself, not only in the console's cache.
    const App::Connection &c = shell->context()->connection();
    QCOMPARE(Test::Http(c.token)
                 .get(QUrl(c.apiUrl.toString()
                     + QStringLiteral("/v1/products/%1/groups/kept").arg(c.productId)))
                 .status,
        200);

    // View › Reset demo, confirmed: a fresh demo, without the customer.
    QSignalSpy opened(shell.get(), &App::Shell::opened);
    shell->context()->window()->findChild<QAction *>(QStringLiteral("actionResetDemo"))->trigger();
    QMessageBox *question = nullptr;
    QTRY_VERIFY(question = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
    QCOMPARE(question->objectName(), QStringLiteral("resetDemoQuestion"));
    question->button(QMessageBox::Reset)->click();
    QVERIFY(opened.wait(CloudTimeoutMs));
    QVERIFY(waitForFleet(*shell));
    QCOMPARE(shell->current(), QString(Session::Profiles::DemoEntry));
    QVERIFY(!shell->context()->treeModel()->indexForNode(QStringLiteral("kept")).isValid());
}

// The demo's sandbox saves once a change is sent, without being asked to stop (where there is
// no SIGTERM, or the console is killed): a sandbox killed outright keeps the customer.
void TestFirstRun::demoSavedWithoutStopping()
{
#ifdef Q_OS_UNIX
    const QString folder = m_dir.filePath(QStringLiteral("demo-killed"));
    const QString state = folder + QStringLiteral("/sandbox-state.sqlite");
    {
        std::unique_ptr<App::Shell> shell = newShell(folder);
        shell->openDemo();
        QVERIFY(waitForFleet(*shell));
        QVERIFY(newCustomer(*shell, QStringLiteral("Survivor Ltd"), QStringLiteral("survivor")));
        QTRY_COMPARE_WITH_TIMEOUT(shell->context()->engine()->pendingCount(), 0, CloudTimeoutMs);
        const QDateTime sent = QDateTime::currentDateTime();
        QTRY_VERIFY_WITH_TIMEOUT(
            QFileInfo::exists(state) && QFileInfo(state).lastModified() >= sent, 20000);
        QCOMPARE(::kill(pid_t(shell->sandbox()->processId()), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!shell->sandbox()->isRunning(), 10000);
    }
    std::unique_ptr<App::Shell> shell = newShell(folder);
    shell->openDemo();
    QVERIFY(waitForFleet(*shell));
    const App::Connection &c = shell->context()->connection();
    QCOMPARE(Test::Http(c.token)
                 .get(QUrl(c.apiUrl.toString()
                     + QStringLiteral("/v1/products/%1/groups/survivor").arg(c.productId)))
                 .status,
        200);
#else
    QSKIP("kills the sandbox with SIGKILL");
#endif
}

// Without the training sandbox installed, the demo is not offered, and the page says why.
void TestFirstRun::demoNeedsTheSandbox()
{
    const QByteArray installed = qgetenv("FLOTILLA_SANDBOX");
    qputenv("FLOTILLA_SANDBOX", m_dir.filePath(QStringLiteral("no-such-sandbox")).toLocal8Bit());
    std::unique_ptr<App::Shell> shell = newShell();
    shell->start();
    qputenv("FLOTILLA_SANDBOX", installed);
    Views::WelcomeWindow *welcome = shell->welcome();
    QVERIFY(welcome && welcome->isVisible());
    QVERIFY(!welcome->demoButton()->isEnabled());
    QVERIFY2(welcome->statusText().contains(QStringLiteral("training sandbox")),
        qPrintable(welcome->statusText()));
    QVERIFY(welcome->signInButton()->isEnabled());
}

// Every page of the welcome window fits a narrow window (its texts wrap), and Tab reaches the
// sign-in's fields from the cloud's on.
void TestFirstRun::welcomeFitsNarrowWindows()
{
    Views::WelcomeWindow welcome;
    welcome.show();
    QVERIFY(QTest::qWaitForWindowExposed(&welcome));
    QVERIFY2(welcome.minimumSizeHint().width() <= 420,
        qPrintable(QString::number(welcome.minimumSizeHint().width())));
    welcome.showSignIn();
    QVERIFY(welcome.minimumSizeHint().width() <= 420);
    welcome.resize(welcome.minimumSizeHint().width(), welcome.height());
    QVERIFY(welcome.usernameField()->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), welcome.passwordField());
    welcome.tokenChoice()->setChecked(true);
    QVERIFY(welcome.tokenField()->isVisible());
    QVERIFY(!welcome.passwordField()->isVisible());
}

// The MFA user: password, then the one-time code; the product picked makes a profile that
// opens, with its token kept for that account (the password nowhere).
void TestFirstRun::passwordAndCodeMakeAProfile()
{
    std::unique_ptr<App::Shell> shell = newShell();
    QVERIFY(signInWithCode(*shell));
    const QString username = mfaUser().value(QStringLiteral("username")).toString();
    const QList<Session::Profile> profiles = Session::Profiles::all();
    QCOMPARE(profiles.size(), 1);
    QCOMPARE(profiles.first().username, username);
    QCOMPARE(profiles.first().productId, m_sandbox.productId());
    QCOMPARE(profiles.first().apiUrl, m_sandbox.url());
    QCOMPARE(shell->current(), profiles.first().name);
    QCOMPARE(Session::Profiles::lastUsed(), profiles.first().name);
    const QString token = tokenKept(*shell, username);
    QVERIFY(!token.isEmpty());
    QCOMPARE(token, shell->context()->connection().token);
    QVERIFY(tokenAccepted(token));
    const QString password = mfaUser().value(QStringLiteral("password")).toString();
    QVERIFY(!QSettings(QStringLiteral("Flotilla"), QStringLiteral("Profiles"))
                 .allKeys()
                 .join(QLatin1Char(' '))
                 .contains(password));

    // The next console (no choice on its command line) opens that profile, with its token.
    shell.reset();
    shell = newShell();
    shell->start();
    QVERIFY(!shell->welcome() || !shell->welcome()->isVisible());
}

void TestFirstRun::wrongPasswordOrCodeMakeNoProfile()
{
    std::unique_ptr<App::Shell> shell = newShell();
    Views::WelcomeWindow *welcome = signInPage(*shell);
    QVERIFY(welcome);
    const QJsonObject mfa = mfaUser();
    QTest::keyClicks(welcome->usernameField(), mfa.value(QStringLiteral("username")).toString());
    QTest::keyClicks(welcome->passwordField(), QStringLiteral("not-the-password"));
    welcome->submitSignIn();
    QTRY_VERIFY_WITH_TIMEOUT(!welcome->isBusy(), 20000);
    QCOMPARE(welcome->page(), Views::WelcomeWindow::Page::SignIn);
    QVERIFY2(welcome->statusText().contains(QStringLiteral("Wrong email or password")),
        qPrintable(welcome->statusText()));

    // The right password, a wrong code.
    welcome->passwordField()->setText(mfa.value(QStringLiteral("password")).toString());
    welcome->submitSignIn();
    QTRY_COMPARE_WITH_TIMEOUT(welcome->page(), Views::WelcomeWindow::Page::Code, 20000);
    const QString otp = mfaUser().value(QStringLiteral("otp")).toString();
    welcome->codeField()->setText(
        otp == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000"));
    welcome->submitCode();
    QTRY_VERIFY_WITH_TIMEOUT(!welcome->isBusy(), 20000);
    QCOMPARE(welcome->page(), Views::WelcomeWindow::Page::Code);
    QVERIFY2(welcome->statusText().contains(QStringLiteral("Wrong or expired code")),
        qPrintable(welcome->statusText()));

    // An address that is no cloud (nothing listens there).
    QTest::mouseClick(
        welcome->findChild<QPushButton *>(QStringLiteral("codeBack")), Qt::LeftButton);
    QCOMPARE(welcome->page(), Views::WelcomeWindow::Page::SignIn);
    welcome->cloudField()->setText(QStringLiteral("http://127.0.0.1:9"));
    welcome->passwordField()->setText(mfa.value(QStringLiteral("password")).toString());
    welcome->submitSignIn();
    QTRY_VERIFY_WITH_TIMEOUT(!welcome->isBusy(), 30000);
    QVERIFY2(welcome->statusText().contains(QStringLiteral("cannot be reached")),
        qPrintable(welcome->statusText()));

    QVERIFY(Session::Profiles::all().isEmpty());
    QVERIFY(!shell->context());
}

// Without a keychain (e.g. no Secret Service on the desktop) the sign-in still opens the
// product, and the window says that the token was not kept: the message is not lost while
// the window opens, nor replaced by the note that this window drives its cache (it is alone).
void TestFirstRun::tokenNotKeptIsTold()
{
    std::unique_ptr<App::Shell> shell = newShell();
    auto *store = dynamic_cast<Remote::MemoryTokenStore *>(shell->tokenStore());
    QVERIFY(store);
    store->setFailure(QStringLiteral("no keychain on this desktop"));
    QVERIFY(signInWithCode(*shell));
    Views::MainWindow *window = shell->context()->window();
    QTRY_VERIFY_WITH_TIMEOUT(
        window->findChild<QMessageBox *>(QStringLiteral("tokenNotKeptNote")), 10000);
    const auto *note = window->findChild<QMessageBox *>(QStringLiteral("tokenNotKeptNote"));
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QStringLiteral("keychain (no keychain on this desktop)")),
        qPrintable(note->text()));
    // No other Flotilla has the cache: nothing says another one sends its changes, or that
    // this window sends them "again".
    QStatusBar *bar = window->statusBar();
    QVERIFY2(!bar->currentMessage().contains(QStringLiteral("again")),
        qPrintable(bar->currentMessage()));
    for (const QLabel *label : bar->findChildren<QLabel *>())
        QVERIFY2(!label->isVisible() || !label->text().contains(QStringLiteral("another")),
            qPrintable(label->text()));

    // The next start cannot read the keychain either: the sign-in asks again and says that
    // the keychain is the cause, not a sign-out.
    shell.reset();
    shell = newShell();
    store = dynamic_cast<Remote::MemoryTokenStore *>(shell->tokenStore());
    QVERIFY(store);
    store->setFailure(QStringLiteral("no keychain on this desktop"));
    shell->start();
    QTRY_VERIFY_WITH_TIMEOUT(shell->welcome() && shell->welcome()->isVisible()
            && shell->welcome()->page() == Views::WelcomeWindow::Page::SignIn,
        CloudTimeoutMs);
    const auto *intro = shell->welcome()->findChild<QLabel *>(QStringLiteral("signInIntro"));
    QVERIFY(intro);
    QVERIFY2(intro->text().contains(QStringLiteral("keychain (no keychain on this desktop)")),
        qPrintable(intro->text()));
    QVERIFY2(!intro->text().contains(QStringLiteral("signed out")), qPrintable(intro->text()));
}

// An API user's kind of sign-in: the access token; the product list shows the sandbox's
// product under the account's own. Two profiles then: File › Profiles switches between them.
void TestFirstRun::tokenSignInAndSwitching()
{
    std::unique_ptr<App::Shell> shell = newShell();
    Views::WelcomeWindow *welcome = signInPage(*shell);
    QVERIFY(welcome);
    welcome->tokenChoice()->setChecked(true);
    QTest::keyClicks(welcome->tokenField(), QStringLiteral("not-a-token"));
    welcome->submitSignIn();
    QTRY_VERIFY_WITH_TIMEOUT(!welcome->isBusy(), 20000);
    QVERIFY2(welcome->statusText().contains(QStringLiteral("refused")),
        qPrintable(welcome->statusText()));

    QTest::keyClicks(welcome->tokenField(), m_sandbox.token());
    welcome->submitSignIn();
    QTRY_COMPARE_WITH_TIMEOUT(welcome->page(), Views::WelcomeWindow::Page::Product, 20000);
    QTreeWidget *list = welcome->productList();
    QCOMPARE(list->topLevelItemCount(), 2); // "Your products", then the product
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Your products"));
    QCOMPARE(list->topLevelItem(1)->text(1), QString::number(m_sandbox.productId()));
    QCOMPARE(list->currentItem(), list->topLevelItem(1));
    welcome->submitProduct();
    QVERIFY(waitForFleet(*shell));
    const QString tokenProfile = shell->current();
    QCOMPARE(Session::Profiles::find(tokenProfile)->username,
        m_sandbox.startLine().value(QStringLiteral("username")).toString());

    // File › Profiles › Add profile… opens the sign-in over the console.
    auto *add
        = shell->context()->window()->findChild<QAction *>(QStringLiteral("actionAddProfile"));
    QVERIFY(add);
    add->trigger();
    QTRY_VERIFY(shell->welcome()->isVisible());
    QCOMPARE(shell->welcome()->page(), Views::WelcomeWindow::Page::SignIn);
    QVERIFY(shell->context()); // the console stays open meanwhile
    QVERIFY(signInWithCode(*shell, shell->welcome()));
    const QString mfaProfile = shell->current();
    QVERIFY(mfaProfile != tokenProfile);
    QCOMPARE(Session::Profiles::all().size(), 2);

    // The menu lists both (and the demo), the current one checked; choosing the other switches.
    QMenu *menu = shell->context()->window()->findChild<QMenu *>(QStringLiteral("profilesMenu"));
    QVERIFY(menu);
    QAction *other = nullptr;
    for (QAction *a : menu->actions()) {
        if (a->data().toString() == mfaProfile)
            QVERIFY(a->isChecked());
        if (a->data().toString() == tokenProfile) {
            QVERIFY(!a->isChecked());
            other = a;
        }
    }
    QVERIFY(other);
    QSignalSpy opened(shell.get(), &App::Shell::opened);
    other->trigger();
    QVERIFY(opened.wait(CloudTimeoutMs));
    QVERIFY(waitForFleet(*shell));
    QCOMPARE(shell->current(), tokenProfile);
    QCOMPARE(shell->context()->connection().token, m_sandbox.token());

    // Remove profile…, confirmed: signed out of it and gone; the other stays.
    const QString mfaToken
        = tokenKept(*shell, mfaUser().value(QStringLiteral("username")).toString());
    QVERIFY(opened.count() > 0);
    QSignalSpy signedOut(shell.get(), &App::Shell::signedOut);
    QVERIFY(openProfileFromMenu(*shell, mfaProfile));
    shell->context()
        ->window()
        ->findChild<QAction *>(QStringLiteral("actionRemoveProfile"))
        ->trigger();
    QMessageBox *question = nullptr;
    QTRY_VERIFY(question = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
    question->button(QMessageBox::Yes)->click();
    QVERIFY(signedOut.wait(CloudTimeoutMs));
    QVERIFY(!Session::Profiles::find(mfaProfile));
    QVERIFY(Session::Profiles::find(tokenProfile));
    QVERIFY(!tokenAccepted(mfaToken));
}

// Sign out: the token is revoked at the cloud (refused afterwards) and forgotten; the welcome
// page follows, and the next console starts there.
void TestFirstRun::signOutRevokesAndForgets()
{
    std::unique_ptr<App::Shell> shell = newShell();
    QVERIFY(signInWithCode(*shell));
    const QString username = mfaUser().value(QStringLiteral("username")).toString();
    const QString token = shell->context()->connection().token;
    QVERIFY(tokenAccepted(token));

    QSignalSpy signedOut(shell.get(), &App::Shell::signedOut);
    auto *action
        = shell->context()->window()->findChild<QAction *>(QStringLiteral("actionSignOut"));
    QVERIFY(action);
    action->trigger();
    QVERIFY(signedOut.wait(CloudTimeoutMs));
    QVERIFY(!tokenAccepted(token));
    QCOMPARE(tokenKept(*shell, username), QString());
    QVERIFY(!shell->context());
    QVERIFY(shell->welcome()->isVisible());
    QCOMPARE(shell->welcome()->page(), Views::WelcomeWindow::Page::Choices);
    QCOMPARE(Session::Profiles::lastUsed(), QString());
    QCOMPARE(Session::Profiles::all().size(), 1); // the profile (and its cache) stay
}

// The cloud stops accepting the profile's token while an edit waits to be sent: the same
// sign-in asks for the account's password (and code); the change stays pending meanwhile and
// reaches the cloud once signed in.
void TestFirstRun::refusedTokenKeepsPendingChange()
{
    std::unique_ptr<App::Shell> shell = newShell();
    QVERIFY(signInWithCode(*shell));
    const QString profile = shell->current();
    const QString oldToken = shell->context()->connection().token;
    // Offline while the edit is made and the token revoked: the edit is pending, and the
    // refusal comes when it is sent.
    auto *offline
        = shell->context()->window()->findChild<QAction *>(QStringLiteral("actionWorkOffline"));
    QVERIFY(offline);
    offline->trigger();
    QVERIFY(newCustomer(*shell, QStringLiteral("Late Customer AG"), QStringLiteral("late")));
    QVERIFY(shell->context()->engine()->pendingCount() > 0);
    QCOMPARE(
        Test::Http(oldToken).del(m_sandbox.url(QStringLiteral("/v1/access_tokens/current"))).status,
        200);
    offline->trigger();
    Views::WelcomeWindow *welcome = shell->welcome();
    QTRY_VERIFY_WITH_TIMEOUT(
        welcome && welcome->isVisible() && welcome->page() == Views::WelcomeWindow::Page::SignIn,
        CloudTimeoutMs);
    QVERIFY(shell->context()->engine()->isSignedOut());
    QVERIFY(shell->context()->engine()->pendingCount() > 0);
    // The profile's cloud and account, fixed.
    QVERIFY(!welcome->cloudField()->isEnabled());
    QCOMPARE(
        welcome->usernameField()->text(), mfaUser().value(QStringLiteral("username")).toString());
    QTest::keyClicks(
        welcome->passwordField(), mfaUser().value(QStringLiteral("password")).toString());
    welcome->submitSignIn();
    QTRY_COMPARE_WITH_TIMEOUT(welcome->page(), Views::WelcomeWindow::Page::Code, 20000);
    QTest::keyClicks(welcome->codeField(), mfaUser().value(QStringLiteral("otp")).toString());
    welcome->submitCode();

    QTRY_VERIFY_WITH_TIMEOUT(!welcome->isVisible(), 20000);
    QCOMPARE(shell->current(), profile);
    QVERIFY(shell->context()->connection().token != oldToken);
    QTRY_COMPARE_WITH_TIMEOUT(shell->context()->engine()->pendingCount(), 0, CloudTimeoutMs);
    QCOMPARE(Test::Http(m_sandbox.token())
                 .get(m_sandbox.url(
                     QStringLiteral("/v1/products/%1/groups/late").arg(m_sandbox.productId())))
                 .status,
        200);
    QCOMPARE(tokenKept(*shell, mfaUser().value(QStringLiteral("username")).toString()),
        shell->context()->connection().token);
}

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
