// SPDX-License-Identifier: MIT
#include "views/signindialog.h"

#include "session/signin.h"
#include "views/logging.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Flotilla::Views {

SignInDialog::SignInDialog(Session::SignIn *signIn, const QString &cloudName, QWidget *parent)
    : QDialog(parent)
    , m_service(signIn)
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

void SignInDialog::offerProductClient(const QString &currentClientId)
{
    m_offersClient = m_service && m_service->takesProductClient();
    m_currentClientId = currentClientId;
    m_clientBox->setVisible(m_offersClient);
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
    setBusy(false, message);
    m_tokenField->setFocus();
    m_tokenField->selectAll();
}

void SignInDialog::submit()
{
    const QString token = m_tokenField->text().trimmed();
    if (m_busy || token.isEmpty())
        return;
    if (!m_service) {
        fail(tr("The connection to the cloud is gone; restart Flotilla."));
        return;
    }
    QString clientId;
    QString clientSecret;
    if (m_offersClient) {
        clientId = m_clientIdField->text().trimmed();
        clientSecret = m_clientSecretField->text().trimmed();
        // The known client's ID with no secret keeps that client as it is.
        const bool unchanged = !m_currentClientId.isEmpty() && clientId == m_currentClientId
            && clientSecret.isEmpty();
        if (unchanged) {
            clientId.clear();
        } else if (clientId.isEmpty() != clientSecret.isEmpty()) {
            fail(tr("Enter both the client ID and the client secret, or neither."));
            return;
        }
    }
    setBusy(true, tr("Checking the token with the cloud…"));
    m_service->signIn(
        token, clientId, clientSecret, this,
        [this] { setBusy(true, tr("Saving the token in the keychain…")); },
        [this, token](const Session::SignIn::Outcome &outcome) {
            using Kind = Session::SignIn::Outcome::Kind;
            switch (outcome.kind) {
            case Kind::Refused:
                fail(tr("The cloud refused this token: it is invalid, expired or revoked."));
                return;
            case Kind::Unreachable:
                fail(tr("The cloud cannot be reached (%1). Check the network and try again.")
                         .arg(outcome.message));
                return;
            case Kind::Failed:
                fail(tr("The token could not be checked: %1").arg(outcome.message));
                return;
            case Kind::Accepted:
                break;
            }
            m_clientId = outcome.clientId;
            m_clientSecret = outcome.clientSecret;
            finish(token, outcome.storeError);
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
