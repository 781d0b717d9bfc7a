// SPDX-License-Identifier: MIT
#pragma once

#include "domain/entities.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace Flotilla::Rollout {
class RolloutEngine;
}

namespace Flotilla::Views {

// Flash… › Upload new…: a firmware binary with its version, title and notes, sent through the
// rollout engine; accepted once the cloud has it (firmware()).
class UploadDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadDialog)

public:
    UploadDialog(Rollout::RolloutEngine *rollouts, int suggestedVersion, QWidget *parent = nullptr);
    ~UploadDialog() override;

    // The uploaded version (after accepted()).
    std::optional<Domain::Firmware> firmware() const { return m_firmware; }

private:
    void send();
    void fail(const QString &message);
    void setBusy(bool busy);

    Rollout::RolloutEngine *m_rollouts;
    QLineEdit *m_file;
    QSpinBox *m_version;
    QLineEdit *m_title;
    QPlainTextEdit *m_notes;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_ok;
    std::optional<Domain::Firmware> m_firmware;
};

} // namespace Flotilla::Views
