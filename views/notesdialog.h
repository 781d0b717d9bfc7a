// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Flotilla::Views {

// The notes of one device, or of several at once: free text, kept with the device in Particle.
// With several devices whose notes differ the text starts empty and replaces them all (the
// dialog says so); an empty text clears the notes.
class NotesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotesDialog)

public:
    // `subject`: the device's name, or "3 devices"; `currentNotes`: each device's notes.
    NotesDialog(const QString &subject, const QStringList &currentNotes, QWidget *parent = nullptr);
    ~NotesDialog() override;

    // The notes as typed, trimmed.
    QString notes() const;
    QPlainTextEdit *editor() const { return m_editor; }
    QPushButton *saveButton() const { return m_save; }

private:
    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace Flotilla::Views
