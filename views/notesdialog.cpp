// SPDX-License-Identifier: MIT
#include "views/notesdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Flotilla::Views {

NotesDialog::NotesDialog(const QString &subject, const QStringList &currentNotes, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("notesDialog"));
    setWindowTitle(tr("Notes of %1").arg(subject));
    auto *layout = new QVBoxLayout(this);
    m_hint = new QLabel;
    m_hint->setObjectName(QStringLiteral("notesHint"));
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    layout->addWidget(m_hint);
    m_editor = new QPlainTextEdit;
    m_editor->setObjectName(QStringLiteral("notesEditor"));
    m_editor->setTabChangesFocus(true);
    layout->addWidget(m_editor, 1);

    QStringList distinct = currentNotes;
    distinct.removeDuplicates();
    if (distinct.size() <= 1) {
        m_editor->setPlainText(distinct.value(0));
        m_hint->setText(currentNotes.size() > 1
                ? tr("The notes of the %1, kept with each device in Particle. An empty text "
                     "clears them.")
                      .arg(subject)
                : tr("Notes of %1, kept with the device in Particle. An empty text clears them.")
                      .arg(subject));
    } else {
        m_editor->setPlaceholderText(tr("The devices have different notes"));
        m_hint->setText(tr("The %1 have different notes: what you enter here replaces the notes "
                           "of every one of them. An empty text clears them.")
                            .arg(subject));
    }
    m_editor->moveCursor(QTextCursor::End);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    m_save = buttons->button(QDialogButtonBox::Save);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(460, 260);
}

NotesDialog::~NotesDialog() = default;

QString NotesDialog::notes() const
{
    return m_editor->toPlainText().trimmed();
}

} // namespace Flotilla::Views
