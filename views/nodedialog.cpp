// SPDX-License-Identifier: MIT
#include "views/nodedialog.h"

#include "domain/nodepath.h"
#include "edit/commands.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
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

// A long group name in a sentence: its start and its end ("acme-logistics-…--test").
QString shownName(const QString &name)
{
    constexpr qsizetype Limit = 48;
    if (name.size() <= Limit)
        return name;
    const qsizetype tail = qMin<qsizetype>(name.size() - name.lastIndexOf(QLatin1String("--")), 20);
    return name.left(Limit - tail - 1) + QChar(0x2026) + name.right(tail);
}

void setTextColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
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
                .arg(Edit::targetLabel(m_context.hierarchy, Domain::MoveTarget::node(path))));
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
    m_slug->setToolTip(tr("Lowercase letters and digits, with single '-' or '_' between them. "
                          "The Particle group name is the short names of every level, joined "
                          "by '--', in at most %1 characters.")
                           .arg(Domain::MaxGroupNameLength));
    form->addRow(tr("&Short name:"), m_slug);
    m_preview = new QLabel;
    m_preview->setObjectName(QStringLiteral("groupPreview"));
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setTextFormat(Qt::PlainText);
    form->addRow(tr("Particle group:"), m_preview);
    m_length = new QLabel;
    m_length->setObjectName(QStringLiteral("lengthLabel"));
    m_length->setTextFormat(Qt::PlainText);
    m_length->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    form->addRow(QString(), m_length);
    m_shortenedLabel = new QLabel;
    m_shortenedLabel->setObjectName(QStringLiteral("shortenedLabel"));
    m_shortenedLabel->setTextFormat(Qt::PlainText);
    m_shortenedLabel->setWordWrap(true);
    m_shortenedLabel->hide();
    form->addRow(QString(), m_shortenedLabel);
    m_offerRow = new QWidget;
    m_offerRow->setObjectName(QStringLiteral("offeredSlugs"));
    m_offerLayout = new QHBoxLayout(m_offerRow);
    m_offerLayout->setContentsMargins(0, 0, 0, 0);
    m_offerLayout->addWidget(new QLabel(tr("Other short names:")));
    m_offerLayout->addStretch(1);
    m_offerRow->hide();
    form->addRow(QString(), m_offerRow);

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

    m_warningLabel = new QLabel;
    m_warningLabel->setObjectName(QStringLiteral("warningLabel"));
    m_warningLabel->setWordWrap(true);
    m_warningLabel->setTextFormat(Qt::PlainText);
    setTextColor(m_warningLabel, QColor(0x8a, 0x5a, 0x00));
    m_warningLabel->hide();
    layout->addWidget(m_warningLabel);
    m_duplicate = new QCheckBox;
    m_duplicate->setObjectName(QStringLiteral("duplicateField"));
    m_duplicate->hide();
    connect(m_duplicate, &QCheckBox::toggled, this, &NodeDialog::validate);
    layout->addWidget(m_duplicate);

    m_errorLabel = new QLabel;
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    setTextColor(m_errorLabel, QColor(0xb0, 0x20, 0x20));
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
    titleEdited();
    resize(560, sizeHint().height());
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

QString NodeDialog::nodeLabel(const QString &path) const
{
    return Domain::shortTitlePath(m_context.hierarchy, path);
}

QString NodeDialog::parentLabel() const
{
    return nodeLabel(parentPath());
}

QString NodeDialog::notice() const
{
    QStringList parts;
    for (const QLabel *label : {m_shortenedLabel, m_warningLabel}) {
        if (!label->isHidden() && !label->text().isEmpty())
            parts.append(label->text());
    }
    return parts.join(QLatin1Char('\n'));
}

QString NodeDialog::lengthText() const
{
    return m_length->text();
}

void NodeDialog::titleEdited()
{
    QStringList names = m_context.hierarchy.groupNames();
    if (m_mode == Mode::Rename)
        names.removeAll(m_path); // its own name is free for it
    m_suggestions = Domain::suggestSlugs(m_title->text(), parentPath(), names);
    if (!m_slugEdited) {
        const QSignalBlocker blocker(m_slug);
        m_slug->setText(m_suggestions.slug);
    }
    validate();
}

void NodeDialog::offerSlugs(const QStringList &slugs)
{
    if (slugs == m_offered)
        return;
    m_offered = slugs;
    // A button may be the one being clicked: the old ones go once control returns.
    for (QPushButton *old : m_offerRow->findChildren<QPushButton *>()) {
        old->setObjectName(QString());
        old->hide();
        old->deleteLater();
    }
    for (const QString &slug : slugs) {
        auto *button = new QPushButton(slug);
        button->setObjectName(QStringLiteral("offeredSlug"));
        button->setToolTip(tr("Use the short name “%1” (Particle group %2)")
                               .arg(slug, Domain::childPath(parentPath(), slug)));
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, this, [this, slug] {
            m_slugEdited = true;
            m_slug->setText(slug);
        });
        m_offerLayout->insertWidget(m_offerLayout->count() - 1, button);
    }
    m_offerRow->setVisible(!slugs.isEmpty());
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
    const QString parent = parentPath();
    const int room = Domain::slugRoom(parent);
    const Domain::SlugSuggestions &s = m_suggestions;
    // The suggestions that fit, for when the field's short name does not.
    QStringList fitting;
    for (const QString &slug : QStringList {s.slug} + s.alternatives) {
        if (!slug.isEmpty() && slug != r.slug)
            fitting.append(slug);
    }
    QStringList offers;
    QString error;

    // Under a node that has no room for a child, typing is pointless: say why first.
    if (m_mode == Mode::NewGroup && room < 1) {
        error = Domain::pathDepth(m_path) >= Domain::MaxNodeDepth
            ? tr("%1 is already %2 levels deep; no group can be created under it.")
                  .arg(parentLabel())
                  .arg(Domain::MaxNodeDepth)
            : tr("There is no room for a group under %1: its Particle group name already has "
                 "%2 of the %3 characters Particle allows, and a group under it needs '--' and "
                 "at least one character more. Give %1 a shorter short name first (Rename).")
                  .arg(parentLabel())
                  .arg(m_path.size())
                  .arg(Domain::MaxGroupNameLength);
    }
    // Before the title was typed in, an empty one is no mistake yet: Create stays disabled, and
    // the hint shows once the field was edited.
    bool untouchedTitle = false;
    if (error.isEmpty() && r.title.isEmpty()) {
        error = tr("Enter a title: the name people see in the tree.");
        untouchedTitle = !m_title->isModified();
    }
    if (error.isEmpty())
        error = Domain::titleError(r.title);
    if (error.isEmpty() && r.slug.isEmpty())
        error = tr("Enter a short name: lowercase letters and digits, with single '-' or '_' "
                   "between them.");
    if (error.isEmpty())
        error = Domain::slugError(r.slug);
    if (error.isEmpty() && r.path.size() > Domain::MaxGroupNameLength) {
        error = tr("The full path %1 would be %2 characters; Particle allows %3. Under %4 a "
                   "short name may have %5 characters.")
                    .arg(shownName(r.path))
                    .arg(r.path.size())
                    .arg(Domain::MaxGroupNameLength)
                    .arg(parentLabel())
                    .arg(room);
        if (!fitting.isEmpty())
            error += QLatin1Char(' ') + tr("Suggested: %1.").arg(fitting.join(tr(", ")));
        offers = fitting;
    }
    if (error.isEmpty())
        error = Domain::nodePathError(r.path);
    const bool slugChanged = m_mode != Mode::Rename || r.path != m_path;
    // A new short name renames every node under it too: their names must fit as well.
    if (error.isEmpty() && m_mode == Mode::Rename && slugChanged) {
        QString longest;
        qsizetype longestSize = 0;
        for (const QString &descendant : m_context.hierarchy.subtree(m_path)) {
            const qsizetype size = descendant.size() - m_path.size() + r.path.size();
            if (size > longestSize) {
                longest = descendant;
                longestSize = size;
            }
        }
        if (longestSize > Domain::MaxGroupNameLength)
            error = tr("With this short name, the Particle group name of %1 would be %2 "
                       "characters; Particle allows %3. A short name of at most %4 characters "
                       "fits.")
                        .arg(nodeLabel(longest))
                        .arg(longestSize)
                        .arg(Domain::MaxGroupNameLength)
                        .arg(r.slug.size() - (longestSize - Domain::MaxGroupNameLength));
    }
    if (error.isEmpty() && slugChanged && m_context.hierarchy.contains(r.path))
        error = m_context.hierarchy.isNode(r.path)
            ? tr("The short name '%1' is taken here by “%2”; choose another one.")
                  .arg(r.slug, Domain::titlePath(m_context.hierarchy, r.path))
            : tr("The short name '%1' is taken here by a group of the product outside the "
                 "tree; choose another one.")
                  .arg(r.slug);
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
        tag.kind = parent.isEmpty() ? Domain::NodeKind::Customer : Domain::NodeKind::Group;
        tag.title = r.title;
        if (!r.account.isEmpty())
            tag.attributes.insert(Domain::AccountAttribute, r.account);
        error = Domain::tagError(tag);
    }

    // The same title as another node under the same parent is almost always a mistake: it is
    // said plainly and needs the box ticked.
    QStringList warnings;
    const bool titleChanged
        = m_mode != Mode::Rename || !Domain::sameTitle(r.title, m_originalTitle);
    const QStringList sameTitle = titleChanged ? Domain::nodesTitled(m_context.hierarchy, parent,
                                      r.title, m_mode == Mode::Rename ? m_path : QString())
                                               : QStringList();
    if (!sameTitle.isEmpty()) {
        const Domain::Node *other = m_context.hierarchy.node(sameTitle.constFirst());
        const QString otherTitle = other ? other->title : r.title;
        if (parent.isEmpty()) {
            warnings.append(tr("There is already a customer named “%1”. Two customers with the "
                               "same title cannot be told apart in the tree, in moves and in "
                               "rollouts. If this is another customer, give it a title that "
                               "sets it apart (for example with its city).")
                                .arg(otherTitle));
            m_duplicate->setText(m_mode == Mode::Rename
                    ? tr("Yes, give it the same title as the other customer")
                    : tr("Yes, create a second customer named “%1”").arg(r.title));
        } else {
            warnings.append(tr("%1 already has a group named “%2”. Two groups with the same "
                               "title under one parent cannot be told apart in the tree, in "
                               "moves and in rollouts.")
                                .arg(parentLabel(), otherTitle));
            m_duplicate->setText(m_mode == Mode::Rename
                    ? tr("Yes, give it the same title as the other group")
                    : tr("Yes, create a second group named “%1” there").arg(r.title));
        }
        if (error.isEmpty() && !m_duplicate->isChecked())
            error = tr("Change the title, or confirm that a second one with this title is meant.");
    } else if (m_duplicate->isChecked()) {
        const QSignalBlocker blocker(m_duplicate);
        m_duplicate->setChecked(false); // a new duplicate is confirmed anew
    }
    m_duplicate->setVisible(!sameTitle.isEmpty());

    // Never cut silently: a shortened suggestion says what was cut and why.
    QString shortenedText;
    const bool suggestionShown = !s.slug.isEmpty() && r.slug == s.slug && s.shortened;
    if (suggestionShown) {
        if (s.cutByParticleLimit) {
            const QString fullPath = Domain::childPath(parent, s.full);
            shortenedText
                = tr("The full path %1 would be %2 characters; Particle allows %3, so the short "
                     "name is shortened to “%4”.")
                      .arg(shownName(fullPath))
                      .arg(fullPath.size())
                      .arg(Domain::MaxGroupNameLength)
                      .arg(s.slug);
            if (!parent.isEmpty())
                shortenedText += QLatin1Char(' ')
                    + tr("A shorter short name for %1 would leave more room.").arg(parentLabel());
        } else {
            shortenedText = tr("“%1” (%2 characters) is shortened to “%3” so that the groups "
                               "under it have room: a Particle group name holds the short names "
                               "of every level in at most %4 characters.")
                                .arg(s.full)
                                .arg(s.full.size())
                                .arg(s.slug)
                                .arg(Domain::MaxGroupNameLength);
        }
        if (offers.isEmpty())
            offers = s.alternatives;
    }
    m_shortenedLabel->setText(shortenedText);
    m_shortenedLabel->setVisible(!shortenedText.isEmpty());
    offerSlugs(offers);

    // A long short name leaves the groups under it little room.
    const int depth = Domain::pathDepth(r.path);
    const bool pathFits = !r.slug.isEmpty() && r.path.size() <= Domain::MaxGroupNameLength;
    if (pathFits && Domain::isSlug(r.slug) && depth < Domain::MaxNodeDepth
        && r.slug.size() > Domain::suggestedSlugLength(depth)
        && Domain::roomBelow(r.path) < Domain::recommendedRoomBelow(r.path))
        warnings.append(tr("With this short name, the groups under it have %1 of the %2 "
                           "characters left for their short names (up to %3 more levels); a "
                           "shorter one leaves them more room.")
                            .arg(Domain::roomBelow(r.path))
                            .arg(Domain::MaxGroupNameLength)
                            .arg(Domain::MaxNodeDepth - depth));
    m_warningLabel->setText(warnings.join(QLatin1Char('\n')));
    m_warningLabel->setVisible(!warnings.isEmpty());

    if (m_account) {
        m_account->setEnabled(m_link->isChecked());
        m_create->setEnabled(m_link->isChecked() && m_context.canCreateAccounts
            && !m_context.customerAccounts.contains(r.account.toLower()));
    }
    m_preview->setText(r.slug.isEmpty() ? QString() : r.path);
    QString length;
    if (!r.slug.isEmpty()) {
        length = tr("%1 of %2 characters").arg(r.path.size()).arg(Domain::MaxGroupNameLength);
        if (r.path.size() > Domain::MaxGroupNameLength)
            length += tr(" · %1 too many").arg(r.path.size() - Domain::MaxGroupNameLength);
        else if (depth >= Domain::MaxNodeDepth)
            length += tr(" · the deepest level: no groups under it");
        else if (Domain::slugRoom(r.path) < 1)
            length += tr(" · no room for groups under it");
        else
            length += tr(" · %1 left for the groups under it").arg(Domain::roomBelow(r.path));
    }
    m_length->setText(length);
    m_length->setVisible(!length.isEmpty());
    m_error = error;
    m_errorLabel->setText(untouchedTitle ? QString() : error);
    m_ok->setEnabled(error.isEmpty());

    // Notes come and go as the user types: the dialog grows so that none is cut off.
    if (QLayout *l = layout(); l && l->hasHeightForWidth()) {
        const int needed = l->totalHeightForWidth(width());
        if (needed > height())
            resize(width(), needed);
    }
}

QString NodeDialog::shownError() const
{
    return m_errorLabel->text();
}

} // namespace Flotilla::Views
