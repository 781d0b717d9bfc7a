// SPDX-License-Identifier: MIT
#include "views/uploaddialog.h"

#include "rollout/rolloutengine.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Flotilla::Views {

namespace {
const QString ErrorStyle = QStringLiteral("color: #b02020;");
}

UploadDialog::UploadDialog(Rollout::RolloutEngine *rollouts, int suggestedVersion, QWidget *parent)
    : QDialog(parent)
    , m_rollouts(rollouts)
{
    setObjectName(QStringLiteral("uploadFirmwareDialog"));
    setWindowTitle(tr("Upload firmware"));
    m_file = new QLineEdit;
    m_file->setObjectName(QStringLiteral("uploadFile"));
    auto *browse = new QPushButton(tr("Browse…"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    m_version = new QSpinBox;
    m_version->setObjectName(QStringLiteral("uploadVersion"));
    m_version->setRange(1, 65535);
    m_version->setValue(suggestedVersion);
    m_title = new QLineEdit;
    m_title->setObjectName(QStringLiteral("uploadTitle"));
    m_notes = new QPlainTextEdit;
    m_notes->setObjectName(QStringLiteral("uploadNotes"));
    m_notes->setMaximumHeight(90);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("uploadStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    auto *form = new QFormLayout;
    form->addRow(tr("Binary (.bin):"), fileRow);
    form->addRow(tr("Version:"), m_version);
    form->addRow(tr("Title:"), m_title);
    form->addRow(tr("Notes:"), m_notes);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_ok = m_buttons->addButton(tr("Upload"), QDialogButtonBox::AcceptRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    connect(browse, &QPushButton::clicked, this, [this] {
        auto *files = new QFileDialog(
            this, tr("Firmware binary"), QString(), tr("Firmware binaries (*.bin);;All files (*)"));
        files->setAttribute(Qt::WA_DeleteOnClose);
        files->setFileMode(QFileDialog::ExistingFile);
        connect(files, &QFileDialog::fileSelected, m_file, &QLineEdit::setText);
        files->open();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ok, &QPushButton::clicked, this, &UploadDialog::send);
}

UploadDialog::~UploadDialog() = default;

void UploadDialog::send()
{
    const QString path = m_file->text().trimmed();
    if (m_title->text().trimmed().isEmpty())
        return fail(tr("Give the version a title."));
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return fail(tr("The binary %1 cannot be read.").arg(path));
    const QByteArray binary = file.readAll();
    if (binary.isEmpty())
        return fail(tr("The binary %1 is empty.").arg(path));
    setBusy(true);
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Uploading %1 (%2 bytes)…")
                          .arg(QFileInfo(path).fileName(), QLocale().toString(binary.size())));
    QPointer<UploadDialog> self(this);
    m_rollouts->uploadFirmware(m_version->value(), m_title->text().trimmed(),
        m_notes->toPlainText().trimmed(), binary, QFileInfo(path).fileName(),
        [self](std::optional<Domain::Firmware> firmware, QString error) {
            if (!self)
                return;
            self->setBusy(false);
            if (!firmware) {
                self->fail(error.isEmpty() ? tr("The upload failed.") : error);
                return;
            }
            self->m_firmware = firmware;
            self->accept();
        });
}
void UploadDialog::fail(const QString &message)
{
    m_status->setStyleSheet(ErrorStyle);
    m_status->setText(message);
}
void UploadDialog::setBusy(bool busy)
{
    m_ok->setEnabled(!busy);
    m_file->setEnabled(!busy);
    m_version->setEnabled(!busy);
    m_title->setEnabled(!busy);
    m_notes->setEnabled(!busy);
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

} // namespace Flotilla::Views
