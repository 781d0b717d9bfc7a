// SPDX-License-Identifier: MIT
#pragma once

#include "remote/tokenstore.h"

#include <QDialog>
#include <QPointer>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Flotilla::Remote {
class ParticleClient;
} // namespace Flotilla::Remote

namespace Flotilla::Views {

// Signing in to the Particle cloud with an access token. The token is checked with the cloud
// (GET /v1/access_tokens/current through `probe`, a client of that cloud with no token of its
// own) and, once accepted, written to the token store under `key` (the OS keychain, never
// settings, logs or the cache). Asynchronous: the dialog stays responsive while it checks.
// Optionally (setProductClientKey) it also takes the product's OAuth client, kept in the token
// store under its own key once the token is accepted.
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    SignInDialog(Remote::ParticleClient *probe, Remote::TokenStore *store, const QString &key,
        const QString &cloudName, QWidget *parent = nullptr);
    ~SignInDialog() override;

    // The accepted token (after accepted()).
    QString token() const { return m_token; }
    // Why the token could not be kept in the token store (the session still uses it), or empty.
    QString storeError() const { return m_storeError; }
    QString statusText() const;
    QLineEdit *tokenField() const { return m_tokenField; }

    // Offers the optional "Product OAuth client" section, kept under `key` in the token store;
    // `current` is shown (its ID) when one is known already. Left empty, a known client stays.
    void setProductClientKey(const QString &key, const QString &currentClientId);
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

    QPointer<Remote::ParticleClient> m_probe;
    Remote::TokenStore *m_store;
    QString m_key;
    QLineEdit *m_tokenField = nullptr;
    QGroupBox *m_clientBox = nullptr;
    QLineEdit *m_clientIdField = nullptr;
    QLineEdit *m_clientSecretField = nullptr;
    QString m_clientKey;
    QString m_currentClientId;
    Remote::OAuthClient m_pendingClient; // being saved with the token
    QString m_clientId;
    QString m_clientSecret;
    QLabel *m_status = nullptr;
    QPushButton *m_signIn = nullptr;
    QString m_token;
    QString m_storeError;
    bool m_busy = false;
};

} // namespace Flotilla::Views
