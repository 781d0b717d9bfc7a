// SPDX-License-Identifier: MIT
#include "views/productclientdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Flotilla::Views {

ProductClientDialog::ProductClientDialog(const QString &currentClientId, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("productClientDialog"));
    setWindowTitle(tr("Product OAuth Client"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Needed only to link customers to Particle customer accounts. "
                                "The secret is kept in the system keychain, never in files."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_idField = new QLineEdit(currentClientId);
    m_idField->setObjectName(QStringLiteral("clientIdField"));
    m_idField->setClearButtonEnabled(true);
    form->addRow(tr("Client &ID:"), m_idField);
    m_secretField = new QLineEdit;
    m_secretField->setObjectName(QStringLiteral("clientSecretField"));
    m_secretField->setEchoMode(QLineEdit::Password);
    m_secretField->setClearButtonEnabled(true);
    form->addRow(tr("Client s&ecret:"), m_secretField);
    layout->addLayout(form);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_clear = buttons->addButton(tr("C&lear"), QDialogButtonBox::DestructiveRole);
    m_clear->setObjectName(QStringLiteral("clearClientButton"));
    m_clear->setToolTip(tr("Forget the product's OAuth client"));
    m_clear->setEnabled(!currentClientId.isEmpty());
    connect(m_save, &QPushButton::clicked, this, [this] {
        m_action = Action::Save;
        accept();
    });
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_action = Action::Clear;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_idField, &QLineEdit::textChanged, this, &ProductClientDialog::validate);
    connect(m_secretField, &QLineEdit::textChanged, this, &ProductClientDialog::validate);
    layout->addWidget(buttons);
    validate();
    resize(440, sizeHint().height());
}

ProductClientDialog::~ProductClientDialog() = default;

QString ProductClientDialog::clientId() const
{
    return m_idField->text().trimmed();
}

QString ProductClientDialog::clientSecret() const
{
    return m_secretField->text().trimmed();
}

void ProductClientDialog::validate()
{
    m_save->setEnabled(!clientId().isEmpty() && !clientSecret().isEmpty());
}

} // namespace Flotilla::Views
