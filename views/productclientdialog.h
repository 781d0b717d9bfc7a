// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Flotilla::Views {

// Setting or clearing the product's OAuth client (File › Product OAuth client…): its ID and
// secret, needed only to link customers to Particle customer accounts. The dialog only asks;
// the caller keeps the client in the token store (never in settings, logs or the cache).
class ProductClientDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductClientDialog)

public:
    enum class Action { Save, Clear };

    // `currentClientId`: the client known now (its secret is not shown), or empty.
    explicit ProductClientDialog(const QString &currentClientId, QWidget *parent = nullptr);
    ~ProductClientDialog() override;

    // After accepted(): what to do, and the client to save.
    Action action() const { return m_action; }
    QString clientId() const;
    QString clientSecret() const;

    QLineEdit *clientIdField() const { return m_idField; }
    QLineEdit *clientSecretField() const { return m_secretField; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *clearButton() const { return m_clear; }

private:
    void validate();

    QLineEdit *m_idField = nullptr;
    QLineEdit *m_secretField = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_clear = nullptr;
    Action m_action = Action::Save;
};

} // namespace Flotilla::Views
