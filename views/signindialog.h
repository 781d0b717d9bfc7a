// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QPointer>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Flotilla::Session {
class SignIn;
}

namespace Flotilla::Views {

// Signing in to the Particle cloud with an access token. The token is checked with the cloud
// and, once accepted, kept in the token store (the OS keychain, never settings, logs or the
// cache), both through `signIn` (Session::SignIn). Asynchronous: the dialog stays responsive
// while it checks. Optionally (offerProductClient) it also takes the product's OAuth client,
// kept with the token.
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    SignInDialog(Session::SignIn *signIn, const QString &cloudName, QWidget *parent = nullptr);
    ~SignInDialog() override;

    // The accepted token (after accepted()).
    QString token() const { return m_token; }
    // Why the token could not be kept in the token store (the session still uses it), or empty.
    QString storeError() const { return m_storeError; }
    QString statusText() const;
    QLineEdit *tokenField() const { return m_tokenField; }

    // Offers the optional "Product OAuth client" section (when the sign-in service keeps one);
    // `currentClientId` is shown when a client is known already. Left empty, it stays.
    void offerProductClient(const QString &currentClientId);
    QLineEdit *clientIdField() const { return m_clientIdField; }
    QLineEdit *clientSecretField() const { return m_clientSecretField; }
    // The client entered with the accepted token (empty when none was entered).
    QString clientId() const { return m_clientId; }
    QString clientSecret() const { return m_clientSecret; }

    // Starts checking the token typed (what the Sign in button does).
    void submit();

private:
    void setBusy(bool busy, const QString &status);
    void fail(const QString &message);
    void finish(const QString &token, const QString &error);

    QPointer<Session::SignIn> m_service;
    QLineEdit *m_tokenField = nullptr;
    QGroupBox *m_clientBox = nullptr;
    QLineEdit *m_clientIdField = nullptr;
    QLineEdit *m_clientSecretField = nullptr;
    bool m_offersClient = false;
    QString m_currentClientId;
    QString m_clientId;
    QString m_clientSecret;
    QLabel *m_status = nullptr;
    QPushButton *m_signIn = nullptr;
    QString m_token;
    QString m_storeError;
    bool m_busy = false;
};

} // namespace Flotilla::Views
