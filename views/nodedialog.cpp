// SPDX-License-Identifier: MIT
#include "views/nodedialog.h"

#include "domain/nodepath.h"
#include "tree/commands.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Flotilla::Views {

namespace {

bool looksLikeAccount(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s\\[\\]=]+@[^@\\s\\[\\]=]+$"));
    return pattern.match(text).hasMatch();
}

} // namespace

NodeDialog::NodeDialog(Mode mode, const Context &context, const QString &path, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_context(context)
    , m_path(path)
{
    setObjectName(QStringLiteral("nodeDialog"));
    const Domain::Node *node = m_context.hierarchy.node(path);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel;
    intro->setWordWrap(true);
    switch (mode) {
    case Mode::NewCustomer:
        setWindowTitle(tr("New customer"));
        intro->setText(tr("A customer is a top-level node of the tree: a Particle group of its "
                          "own, which every device of the customer is in."));
        break;
    case Mode::NewGroup:
        setWindowTitle(tr("New group"));
        intro->setText(
            tr("A new group under %1. Its devices are also in the groups of every "
               "node above it.")
                .arg(Tree::targetLabel(m_context.hierarchy, Domain::MoveTarget::node(path))));
        break;
    case Mode::Rename:
        setWindowTitle(tr("Rename"));
        intro->setText(tr("The title is only a label. A new short name renames the Particle "
                          "group of this node and of every node under it."));
        break;
    }
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_title = new QLineEdit;
    m_title->setObjectName(QStringLiteral("titleField"));
    m_title->setMaxLength(Domain::MaxTitleLength);
    m_title->setPlaceholderText(mode == Mode::NewCustomer ? tr("for example: Acme Logistics")
                                                          : tr("for example: Berlin depot"));
    form->addRow(tr("&Title:"), m_title);
    m_slug = new QLineEdit;
    m_slug->setObjectName(QStringLiteral("slugField"));
    m_slug->setMaxLength(Domain::MaxGroupNameLength);
    m_slug->setToolTip(tr("Lowercase letters and digits, with single '-' or '_' between them"));
    form->addRow(tr("&Short name:"), m_slug);
    m_preview = new QLabel;
    m_preview->setObjectName(QStringLiteral("groupPreview"));
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setTextFormat(Qt::PlainText);
    form->addRow(tr("Particle group:"), m_preview);

    if (mode == Mode::NewCustomer) {
        m_link = new QCheckBox(tr("&Link a Particle customer account (devices moved here are "
                                  "claimed to it)"));
        m_link->setObjectName(QStringLiteral("linkField"));
        form->addRow(QString(), m_link);
        m_account = new QLineEdit;
        m_account->setObjectName(QStringLiteral("accountField"));
        m_account->setPlaceholderText(tr("for example: ops@acme.example"));
        form->addRow(tr("&Account:"), m_account);
        m_create = new QCheckBox(tr("&Create the account now (a customer without a password)"));
        m_create->setObjectName(QStringLiteral("createAccountField"));
        m_create->setChecked(m_context.canCreateAccounts);
        if (!m_context.canCreateAccounts)
            m_create->setToolTip(tr("Creating customer accounts needs the product's OAuth "
                                    "client, which this session does not have"));
        form->addRow(QString(), m_create);
        connect(m_link, &QCheckBox::toggled, this, &NodeDialog::validate);
        connect(m_account, &QLineEdit::textChanged, this, &NodeDialog::validate);
        connect(m_create, &QCheckBox::toggled, this, &NodeDialog::validate);
    } else if (mode == Mode::Rename && node && !node->account.isEmpty()) {
        auto *account = new QLabel(node->account);
        account->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(tr("Account:"), account);
    }
    layout->addLayout(form);

    m_errorLabel = new QLabel;
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    QPalette palette = m_errorLabel->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_errorLabel->setPalette(palette);
    layout->addWidget(m_errorLabel);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(mode == Mode::Rename ? tr("Rename") : tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        validate();
        if (m_error.isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    if (mode == Mode::Rename && node) {
        m_originalTitle = node->title;
        m_title->setText(node->title);
        m_slug->setText(Domain::lastSlug(path));
        m_slugEdited = true;
    }
    connect(m_title, &QLineEdit::textChanged, this, &NodeDialog::titleEdited);
    connect(m_slug, &QLineEdit::textEdited, this, [this] { m_slugEdited = true; });
    connect(m_slug, &QLineEdit::textChanged, this, &NodeDialog::validate);
    validate();
    resize(520, sizeHint().height());
}

NodeDialog::~NodeDialog() = default;

QString NodeDialog::parentPath() const
{
    switch (m_mode) {
    case Mode::NewCustomer:
        return QString();
    case Mode::NewGroup:
        return m_path;
    case Mode::Rename:
        return Domain::parentPath(m_path);
    }
    return QString();
}

void NodeDialog::titleEdited()
{
    if (!m_slugEdited) {
        const QSignalBlocker blocker(m_slug);
        m_slug->setText(
            Domain::suggestSlug(m_title->text(), parentPath(), m_context.hierarchy.groupNames()));
    }
    validate();
}

NodeDialog::Result NodeDialog::result() const
{
    Result r;
    r.title = m_title->text().simplified();
    r.slug = m_slug->text().trimmed();
    r.path = Domain::childPath(parentPath(), r.slug);
    if (m_link && m_link->isChecked()) {
        r.account = m_account->text().trimmed();
        r.createAccount
            = m_create->isChecked() && !m_context.customerAccounts.contains(r.account.toLower());
    }
    return r;
}

void NodeDialog::validate()
{
    const Result r = result();
    QString error;
    if (r.title.isEmpty())
        error = tr("Enter a title: the name people see in the tree.");
    if (error.isEmpty())
        error = Domain::titleError(r.title);
    if (error.isEmpty() && r.slug.isEmpty())
        error = m_mode == Mode::NewGroup && Domain::pathDepth(m_path) >= Domain::MaxNodeDepth
            ? tr("%1 is already %2 levels deep; no group can be created under it.")
                  .arg(Tree::targetLabel(m_context.hierarchy, Domain::MoveTarget::node(m_path)))
                  .arg(Domain::MaxNodeDepth)
            : tr("Enter a short name: lowercase letters and digits, with single '-' or '_' "
                 "between them.");
    if (error.isEmpty())
        error = Domain::slugError(r.slug);
    if (error.isEmpty())
        error = Domain::nodePathError(r.path);
    const bool slugChanged = m_mode != Mode::Rename || r.path != m_path;
    if (error.isEmpty() && slugChanged && m_context.hierarchy.contains(r.path))
        error = tr("A group named '%1' already exists in the product; choose another short name.")
                    .arg(r.path);
    if (error.isEmpty() && m_mode == Mode::Rename && !slugChanged && r.title == m_originalTitle)
        error = tr("Change the title or the short name.");
    if (error.isEmpty() && m_link && m_link->isChecked()) {
        if (r.account.isEmpty())
            error = tr("Enter the customer account's e-mail address, or do not link an account.");
        else if (!looksLikeAccount(r.account))
            error = tr("'%1' is not an e-mail address; a customer account is named by one.")
                        .arg(r.account);
        else if (!m_context.customerAccounts.contains(r.account.toLower())
            && !m_create->isChecked())
            error = tr("The product has no customer account '%1'; tick \"Create the account "
                       "now\" to create it.")
                        .arg(r.account);
        else if (m_create->isChecked() && !m_context.customerAccounts.contains(r.account.toLower())
            && !m_context.canCreateAccounts)
            error = tr("Creating customer accounts needs the product's OAuth client, which this "
                       "session does not have.");
    }
    if (error.isEmpty()) {
        Domain::NodeTag tag;
        tag.kind = parentPath().isEmpty() ? Domain::NodeKind::Customer : Domain::NodeKind::Group;
        tag.title = r.title;
        if (!r.account.isEmpty())
            tag.attributes.insert(Domain::AccountAttribute, r.account);
        error = Domain::tagError(tag);
    }
    if (m_account) {
        m_account->setEnabled(m_link->isChecked());
        m_create->setEnabled(m_link->isChecked() && m_context.canCreateAccounts
            && !m_context.customerAccounts.contains(r.account.toLower()));
    }
    m_preview->setText(r.slug.isEmpty() ? QString() : r.path);
    m_error = error;
    m_errorLabel->setText(error);
    m_ok->setEnabled(error.isEmpty());
}

} // namespace Flotilla::Views
