// SPDX-License-Identifier: MIT
#pragma once

#include "session/profiles.h"

#include <QWidget>

#include <memory>
#include <optional>

class QButtonGroup;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTreeWidget;

namespace Flotilla::Session {
class CloudAccount;
}

namespace Flotilla::Views {

// The first page of the console when it has nothing to open: try the demo (a sandbox cloud
// kept on this computer) or sign in to Particle. Signing in takes the cloud, then either an
// account's email and password (and the one-time code when Particle asks for it) or an access
// token (an API user's), then the product, picked from those the account can see (its own
// and its organisations'). The result is a profile and its token (signedIn()); the password is
// never kept. The same sign-in serves a profile whose token expired or was revoked
// (signInAgain(): the cloud and account are the profile's, no product is picked).
// All cloud work goes through Session::CloudAccount; the page stays responsive while it waits.
class WelcomeWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomeWindow)

public:
    enum class Page { Choices, SignIn, Code, Product };

    explicit WelcomeWindow(QWidget *parent = nullptr);
    ~WelcomeWindow() override;

    // Whether "Try the demo" can be offered; `why` says why not (no sandbox installed).
    void setDemoAvailable(bool available, const QString &why = QString());
    // Shown when something could not be opened (the demo did not start, a profile's cache).
    void showProblem(const QString &message);

    void showChoices();
    // Signing in to add a profile; `cancellable`: Back returns to the caller (cancelled()).
    void showSignIn(bool cancellable = false);
    // Signing in again for `profile` (its token was refused): the same account on the same
    // cloud; signedIn() gets the profile unchanged with the new token.
    void signInAgain(const Session::Profile &profile, const QString &why);
    Page page() const;
    bool isBusy() const { return m_busy; }

    // For keyboard users and tests: the fields and buttons by what they are.
    QPushButton *demoButton() const { return m_demoButton; }
    QPushButton *signInButton() const { return m_signInChoice; }
    QLineEdit *cloudField() const { return m_cloud; }
    QRadioButton *passwordChoice() const { return m_byPassword; }
    QRadioButton *tokenChoice() const { return m_byToken; }
    QLineEdit *usernameField() const { return m_username; }
    QLineEdit *passwordField() const { return m_password; }
    QLineEdit *tokenField() const { return m_token; }
    QLineEdit *codeField() const { return m_code; }
    QTreeWidget *productList() const { return m_products; }
    // The message of the page shown (an error, or what it waits for).
    QString statusText() const;

    // What the pages' default buttons do.
    void submitSignIn();
    void submitCode();
    void submitProduct();

Q_SIGNALS:
    void demoRequested();
    // A profile (new, or the one signed in again) and its access token, to keep in the
    // keychain and open.
    void signedIn(const Session::Profile &profile, const QString &token);
    // Back from a sign-in that was started from an open console (Add profile…, signing in
    // again).
    void cancelled();

private:
    QWidget *makeChoicesPage();
    QWidget *makeSignInPage();
    QWidget *makeCodePage();
    QWidget *makeProductPage();
    void setBusy(bool busy, const QString &status);
    void fail(const QString &message, QWidget *focus);
    void back();
    void updateMethod();
    // The token is known: find out whose it is, then the product (or finish signInAgain).
    void useToken(const QString &token, const QString &username);
    void chooseProduct(const QString &token, const QString &username);
    QString unreachableText(const QString &detail) const;
    // Drops the cloud account in use (later: it may be in one of its own callbacks).
    void retireAccount();

    QStackedWidget *m_pages = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_demoButton = nullptr;
    QLabel *m_demoNote = nullptr;
    QPushButton *m_signInChoice = nullptr;

    QLabel *m_signInIntro = nullptr;
    QLineEdit *m_cloud = nullptr;
    QRadioButton *m_byPassword = nullptr;
    QRadioButton *m_byToken = nullptr;
    QButtonGroup *m_method = nullptr;
    QFormLayout *m_form = nullptr; // the sign-in's fields
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_token = nullptr;
    QLineEdit *m_code = nullptr;
    QTreeWidget *m_products = nullptr;
    QList<QPushButton *> m_backButtons;
    QList<QPushButton *> m_goButtons;
    QList<QLabel *> m_status;
    QList<QProgressBar *> m_progress;

    std::unique_ptr<Session::CloudAccount> m_account;
    QUrl m_apiUrl;
    QString m_mfaToken;
    QString m_pendingToken; // between sign-in and the product's choice (memory only)
    QString m_pendingUser;
    std::optional<Session::Profile> m_again; // signing in again for this profile
    bool m_cancellable = false;
    bool m_busy = false;
};

} // namespace Flotilla::Views
