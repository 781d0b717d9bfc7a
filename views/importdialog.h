// SPDX-License-Identifier: MIT
#pragma once

#include "edit/fleeteditor.h"
#include "io/table.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTableWidget;

namespace Flotilla::Edit {
class ImportPreviewModel;
}

namespace Flotilla::Views {

// Import of a spreadsheet (CSV, TSV, text or XLSX): the file's columns and what each holds
// (recognised from the headers, editable, remembered for files with the same headers), where
// devices of a file without customer and group columns go, whether missing customers and groups
// are created, and a preview of every row (import, move, rename, notes, unchanged or error, with
// the reason) with totals, the owner and firmware effect and the requests it takes. Nothing is
// sent before Import; a file with errors imports nothing unless only the valid rows are asked
// for. The plan and its application are FleetEditor's.
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    ImportDialog(Edit::FleetEditor *editor, const Domain::Hierarchy &hierarchy,
        const QString &filePath, QWidget *parent = nullptr);
    ~ImportDialog() override;

    // The preview as it stands (what Import applies) and whether only its valid rows are asked
    // for.
    const Edit::FleetEditor::ImportPreview &preview() const { return m_preview; }
    bool onlyValidRows() const;
    // Empty when the file was read; else why not (also shown in the dialog).
    QString readError() const { return m_readError; }
    QString fileName() const;

    // For tests and keyboard users: the parts of the dialog.
    QTableWidget *columnsTable() const { return m_columns; }
    QTableView *previewTable() const { return m_table; }
    QCheckBox *createMissingBox() const { return m_createMissing; }
    QCheckBox *onlyValidBox() const { return m_onlyValid; }
    QLineEdit *destinationField() const { return m_destination; }
    QPushButton *importButton() const { return m_import; }
    QLabel *summaryLabel() const { return m_summary; }
    // Sets what column `column` holds (as the user would in its list).
    void setField(int column, Edit::ImportField field);

private:
    void readFile(const QString &sheet);
    void fillColumns();
    void replan();
    void chooseDestination();
    void rememberMapping() const;
    QString summaryText() const;

    QPointer<Edit::FleetEditor> m_editor;
    Domain::Hierarchy m_hierarchy;
    QString m_path;
    QByteArray m_bytes;
    Io::TextTable m_file;
    Edit::ColumnMapping m_mapping;
    QString m_readError;
    Edit::FleetEditor::ImportPreview m_preview;
    bool m_filling = false;
    QString m_pickedPath; // the destination chosen from the tree, shown as m_pickedText
    QString m_pickedText;
    QString m_plannedDestination; // the destination text the preview was planned with

    QLabel *m_fileInfo = nullptr;
    QComboBox *m_sheet = nullptr;
    QCheckBox *m_hasHeader = nullptr;
    QTableWidget *m_columns = nullptr;
    QLineEdit *m_destination = nullptr;
    QPushButton *m_chooseDestination = nullptr;
    QCheckBox *m_createMissing = nullptr;
    QComboBox *m_show = nullptr;
    QTableView *m_table = nullptr;
    Edit::ImportPreviewModel *m_model = nullptr;
    QLabel *m_summary = nullptr;
    QCheckBox *m_onlyValid = nullptr;
    QPushButton *m_import = nullptr;
};

} // namespace Flotilla::Views
