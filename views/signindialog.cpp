// SPDX-License-Identifier: MIT
#include "views/signindialog.h"

#include "remote/particleclient.h"
#include "remote/tokenstore.h"
#include "views/logging.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Flotilla::Views {

SignInDialog::SignInDialog(Remote::ParticleClient *probe, Remote::TokenStore *store,
    const QString &key, const QString &cloudName, QWidget *parent)
    : QDialog(parent)
    , m_probe(probe)
    , m_store(store)
    , m_key(key)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to Particle"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Sign in to %1 with an access token of a member of the "
                                "product's team (create one with \"particle token create\" "
                                "or in the Particle console). It is kept in the system "
                                "keychain, never in files.")
                                 .arg(cloudName));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_tokenField = new QLineEdit;
    m_tokenField->setObjectName(QStringLiteral("tokenField"));
    m_tokenField->setEchoMode(QLineEdit::Password);
    m_tokenField->setClearButtonEnabled(true);
    form->addRow(tr("&Access token:"), m_tokenField);
    layout->addLayout(form);
    m_clientBox = new QGroupBox(tr("Product OAuth client (optional)"));
    m_clientBox->setObjectName(QStringLiteral("productClientBox"));
    auto *clientLayout = new QVBoxLayout(m_clientBox);
    auto *clientIntro
        = new QLabel(tr("Needed only to link customers to Particle customer accounts."));
    clientIntro->setWordWrap(true);
    clientLayout->addWidget(clientIntro);
    auto *clientForm = new QFormLayout;
    m_clientIdField = new QLineEdit;
    m_clientIdField->setObjectName(QStringLiteral("clientIdField"));
    m_clientIdField->setClearButtonEnabled(true);
    clientForm->addRow(tr("Client &ID:"), m_clientIdField);
    m_clientSecretField = new QLineEdit;
    m_clientSecretField->setObjectName(QStringLiteral("clientSecretField"));
    m_clientSecretField->setEchoMode(QLineEdit::Password);
    m_clientSecretField->setClearButtonEnabled(true);
    clientForm->addRow(tr("Client s&ecret:"), m_clientSecretField);
    clientLayout->addLayout(clientForm);
    m_clientBox->setVisible(false);
    layout->addWidget(m_clientBox);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("signInStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);
    layout->addStretch(1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_signIn = buttons->button(QDialogButtonBox::Ok);
    m_signIn->setText(tr("Sign in"));
    m_signIn->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_tokenField, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_signIn->setEnabled(!m_busy && !text.trimmed().isEmpty());
    });
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::setProductClientKey(const QString &key, const QString &currentClientId)
{
    m_clientKey = key;
    m_currentClientId = currentClientId;
    m_clientBox->setVisible(!key.isEmpty());
    m_clientIdField->setText(currentClientId);
    if (!currentClientId.isEmpty())
        m_clientSecretField->setPlaceholderText(tr("unchanged"));
}

QString SignInDialog::statusText() const
{
    return m_status->text();
}

void SignInDialog::setBusy(bool busy, const QString &status)
{
    m_busy = busy;
    m_tokenField->setEnabled(!busy);
    m_clientBox->setEnabled(!busy);
    m_signIn->setEnabled(!busy && !m_tokenField->text().trimmed().isEmpty());
    m_status->setText(status);
}

void SignInDialog::fail(const QString &message)
{
    if (m_probe)
        m_probe->setAccessToken(QString());
    setBusy(false, message);
    m_tokenField->setFocus();
    m_tokenField->selectAll();
}

void SignInDialog::submit()
{
    const QString token = m_tokenField->text().trimmed();
    if (m_busy || token.isEmpty())
        return;
    if (!m_probe) {
        fail(tr("The connection to the cloud is gone; restart Flotilla."));
        return;
    }
    m_pendingClient = {};
    if (!m_clientKey.isEmpty()) {
        m_pendingClient.id = m_clientIdField->text().trimmed();
        m_pendingClient.secret = m_clientSecretField->text().trimmed();
        // The known client's ID with no secret keeps that client as it is.
        const bool unchanged = !m_currentClientId.isEmpty()
            && m_pendingClient.id == m_currentClientId && m_pendingClient.secret.isEmpty();
        if (unchanged) {
            m_pendingClient = {};
        } else if (m_pendingClient.id.isEmpty() != m_pendingClient.secret.isEmpty()) {
            fail(tr("Enter both the client ID and the client secret, or neither."));
            return;
        }
    }
    setBusy(true, tr("Checking the token with the cloud…"));
    m_probe->setAccessToken(token);
    m_probe->tokenInfo(this, [this, token](Remote::Result<QJsonObject> result) {
        if (!result.ok()) {
            using Kind = Remote::ApiError::Kind;
            const Remote::ApiError &e = result.error;
            if (e.kind == Kind::Unauthorized)
                fail(tr("The cloud refused this token: it is invalid, expired or revoked."));
            else if (e.kind == Kind::Network || e.kind == Kind::Timeout)
                fail(tr("The cloud cannot be reached (%1). Check the network and try again.")
                         .arg(e.message));
            else
                fail(tr("The token could not be checked: %1").arg(e.toString()));
            qCInfo(lcViews) << "sign-in refused:" << Remote::ApiError::kindName(e.kind);
            return;
        }
        setBusy(true, tr("Saving the token in the keychain…"));
        m_store->write(m_key, token, this, [this, token](QString error) {
            if (!error.isEmpty())
                qCWarning(lcViews) << "the token could not be saved in the token store";
            if (m_clientKey.isEmpty() || !m_pendingClient.isValid()) {
                finish(token, error);
                return;
            }
            const Remote::OAuthClient client = m_pendingClient;
            m_store->write(m_clientKey, client.toStored(), this,
                [this, token, error, client](QString clientError) {
                    m_clientId = client.id;
                    m_clientSecret = client.secret;
                    if (!clientError.isEmpty())
                        qCWarning(lcViews)
                            << "the OAuth client could not be saved in the token store";
                    finish(token, error.isEmpty() ? clientError : error);
                });
        });
    });
}

void SignInDialog::finish(const QString &token, const QString &error)
{
    m_token = token;
    m_storeError = error;
    qCInfo(lcViews) << "signed in";
    setBusy(false, QString());
    accept();
}

} // namespace Flotilla::Views
