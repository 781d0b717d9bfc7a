// SPDX-License-Identifier: MIT
#pragma once

#include "tree/devicetablemodel.h"
#include "tree/fleetexport.h"

#include <QDialog>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QAbstractButton;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QMainWindow;
class QProgressBar;
class QPushButton;
class QTableView;
class QTreeView;

namespace Flotilla::Sync {
class SyncEngine;
}

namespace Flotilla::Views {

// File › Export… (and "Export…" in the context menus of the tree and the device table): part of
// the fleet to a CSV file or an Excel workbook, to hand a customer a list of its devices or to
// edit it in a spreadsheet and import it again.
//
// What: the node (or pool) selected in the tree, the devices selected, the devices the table's
// filter shows, or the whole fleet, preselected from where the dialog was opened. Format: CSV,
// with ',' or ';' (';' by default where the locale writes decimals with ','), or XLSX. Columns:
// a checkable list that can be reordered (drag, or the Up and Down buttons). The columns, their
// order, the format and the folder are remembered (QSettings, group "Export").
//
// The rows are made and written on a thread of their own from a copy of the fleet (a value, so
// the engine goes on meanwhile): the window stays responsive, the dialog shows the progress and
// Stop ends the export. Nothing half-written is ever left; a file that exists is replaced only
// once the user agreed (in the file chooser, or asked on Export); a file that cannot be written
// is said in the dialog, which stays open.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    enum class Source { Node, Selection, Filter, Fleet };

    struct Context
    {
        Sync::SyncEngine *engine = nullptr; // the fleet and its pending devices
        std::optional<Tree::DeviceScope> node; // the tree's current customer, group or pool
        QString nodeTitle;
        int nodeCount = 0;
        QStringList selection; // the selected devices
        Tree::DeviceScope filterScope; // the table's scope and filter
        QString filterText;
        int filterCount = 0;
        Source preselected = Source::Fleet;
    };

    // What the main window shows: the tree's current row, the devices selected (`selection`),
    // the table's filter. The source is the view with the focus: the tree's customer, group or
    // pool, else the devices selected in the view; without either, the filter when there is
    // one, the tree's node, the whole fleet.
    static Context contextOf(Sync::SyncEngine *engine, const Tree::DeviceTableModel *table,
        const QTreeView *treeView, const QTableView *tableView, const QStringList &selection);

    // The dialog on `window`, open (window-modal) and deleted when closed; a written file is
    // said in the window's status bar.
    static ExportDialog *showFor(const Context &context, QMainWindow *window);

    explicit ExportDialog(const Context &context, QWidget *parent = nullptr);
    ~ExportDialog() override;

    Source source() const;
    void setSource(Source source);
    QAbstractButton *sourceButton(Source source) const;
    Tree::ExportFormat format() const;
    void setFormat(Tree::ExportFormat format);
    QChar delimiter() const;
    void setDelimiter(QChar delimiter);
    // Checked columns in their order (keys of Tree::exportFields()).
    QStringList columns() const;
    // Checks `keys` in this order at the top of the list; the others follow, unchecked.
    void setColumns(const QStringList &keys);
    QString path() const;
    void setPath(const QString &path);
    // Why Export is not possible now (no column, no file, no devices), or empty.
    QString validationError() const;
    bool isRunning() const;

    QListWidget *columnList() const { return m_columns; }
    QComboBox *formatField() const { return m_format; }
    QComboBox *delimiterField() const { return m_delimiter; }
    QLineEdit *pathField() const { return m_path; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *exportButton() const { return m_export; }

public Q_SLOTS:
    // Starts writing the file (Export); the dialog closes when it is written.
    void startExport();
    // Stops a running export; nothing is written.
    void cancelExport();
    void chooseFile();
    // Cancel: stops a running export first (the dialog stays), else closes.
    void reject() override;

Q_SIGNALS:
    // The export ended: `rows` devices written to `path`, or not (`message` says why).
    void exportFinished(bool written, const QString &path, int rows, const QString &message);

private:
    struct Job;
    void buildUi();
    void restoreSettings();
    void saveSettings() const;
    void moveColumn(int by);
    void updateState();
    void onFormatChanged();
    void onJobFinished();
    Tree::ExportScope scope() const;
    QString suggestedName() const;

    Context m_context;
    QAbstractButton *m_sources[4] = {};
    QComboBox *m_format = nullptr;
    QComboBox *m_delimiter = nullptr;
    QListWidget *m_columns = nullptr;
    QLineEdit *m_path = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    std::shared_ptr<Job> m_job;
    QString m_replaceConfirmed; // an existing file the user agreed to replace
};

} // namespace Flotilla::Views
