// SPDX-License-Identifier: MIT
#pragma once

#include "domain/hierarchy.h"

#include <QDialog>
#include <QSet>

class QCheckBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace Flotilla::Views {

// Creating a customer, creating a group under a node, or renaming a node. The title is free
// text; the short name (the slug that makes the Particle group name) is suggested from the
// title (Domain::suggestSlugs) until the user edits it, and both are validated as the user
// types, with one clear sentence saying what is wrong. A short name is never cut silently:
// when the title's short name is shortened (to leave room for groups under the node, or
// because Particle's 64 characters do not allow more), the dialog says what was cut and why and
// offers other short names; the resulting group name's length and the room it leaves for
// groups under it are shown. A customer (or a group under the same parent) with the same title
// as an existing one is only created once the user confirms it. A new customer may be linked
// to a Particle customer account (devices moved under it are claimed to that account), which
// can be created here as a shadow customer without a password.
class NodeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeDialog)

public:
    enum class Mode { NewCustomer, NewGroup, Rename };

    struct Context
    {
        Domain::Hierarchy hierarchy;
        QSet<QString> customerAccounts; // accounts known to exist in the product (lowercase)
        bool canCreateAccounts = false; // the product's OAuth client is known
    };

    struct Result
    {
        QString title;
        QString slug;
        QString path; // the group name the node gets
        QString account; // the linked customer account; empty when not linked
        bool createAccount = false; // create `account` in Particle first
    };

    // `path`: the parent for NewGroup, the node for Rename, ignored for NewCustomer.
    NodeDialog(Mode mode, const Context &context, const QString &path, QWidget *parent = nullptr);
    ~NodeDialog() override;

    Result result() const;
    // Empty when the input can be applied, else what is wrong with it.
    QString validationError() const { return m_error; }
    // What the dialog shows of it (nothing while the title was not typed in yet).
    QString shownError() const;
    // What the user should know but may go on with (a shortened short name, little room left
    // for groups under the node, a confirmed duplicate title); empty when there is nothing.
    QString notice() const;
    // The short names offered instead of the one in the field (shortened ones, or ones that
    // fit when the field's does not); each is a button of the dialog.
    QStringList offeredSlugs() const { return m_offered; }
    // "20 of 64 characters · 44 left for groups under it".
    QString lengthText() const;

    QLineEdit *titleField() const { return m_title; }
    QLineEdit *slugField() const { return m_slug; }
    QCheckBox *linkField() const { return m_link; }
    QLineEdit *accountField() const { return m_account; }
    // Shown when another node under the same parent has the same title: ticking it confirms
    // that a second one is meant.
    QCheckBox *duplicateField() const { return m_duplicate; }

private:
    void titleEdited();
    void validate();
    void offerSlugs(const QStringList &slugs);
    QString parentPath() const;
    QString parentLabel() const; // the parent's title path, for sentences
    QString nodeLabel(const QString &path) const;

    Mode m_mode;
    Context m_context;
    QString m_path;
    QString m_originalTitle;
    bool m_slugEdited = false;
    Domain::SlugSuggestions m_suggestions;
    QStringList m_offered;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_slug = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_length = nullptr;
    QLabel *m_shortenedLabel = nullptr;
    QWidget *m_offerRow = nullptr;
    QHBoxLayout *m_offerLayout = nullptr;
    QCheckBox *m_link = nullptr;
    QLineEdit *m_account = nullptr;
    QCheckBox *m_create = nullptr;
    QLabel *m_warningLabel = nullptr;
    QCheckBox *m_duplicate = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_ok = nullptr;
    QString m_error;
};

} // namespace Flotilla::Views
