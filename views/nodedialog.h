// SPDX-License-Identifier: MIT
#pragma once

#include "domain/hierarchy.h"

#include <QDialog>
#include <QSet>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Flotilla::Views {

// Creating a customer, creating a group under a node, or renaming a node. The title is free
// text; the short name (the slug that makes the Particle group name) is suggested from the
// title (Domain::suggestSlug) until the user edits it, and both are validated as the user
// types, with one clear sentence saying what is wrong. A new customer may be linked to a
// Particle customer account (devices moved under it are claimed to that account), which can be
// created here as a shadow customer without a password.
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

    QLineEdit *titleField() const { return m_title; }
    QLineEdit *slugField() const { return m_slug; }
    QCheckBox *linkField() const { return m_link; }
    QLineEdit *accountField() const { return m_account; }

private:
    void titleEdited();
    void validate();
    QString parentPath() const;

    Mode m_mode;
    Context m_context;
    QString m_path;
    QString m_originalTitle;
    bool m_slugEdited = false;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_slug = nullptr;
    QLabel *m_preview = nullptr;
    QCheckBox *m_link = nullptr;
    QLineEdit *m_account = nullptr;
    QCheckBox *m_create = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_ok = nullptr;
    QString m_error;
};

} // namespace Flotilla::Views
