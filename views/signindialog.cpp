// SPDX-License-Identifier: MIT
#include "views/signindialog.h"

#include "remote/particleclient.h"
#include "remote/tokenstore.h"
#include "views/logging.h"

#include <QDialogButtonBox>
#include <QFormLayout>
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

QString SignInDialog::statusText() const
{
    return m_status->text();
}

void SignInDialog::setBusy(bool busy, const QString &status)
{
    m_busy = busy;
    m_tokenField->setEnabled(!busy);
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
            m_token = token;
            m_storeError = error;
            if (!error.isEmpty())
                qCWarning(lcViews) << "the token could not be saved in the token store";
            qCInfo(lcViews) << "signed in";
            setBusy(false, QString());
            accept();
        });
    });
}

} // namespace Flotilla::Views
