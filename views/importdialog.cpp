// SPDX-License-Identifier: MIT
#include "views/importdialog.h"

#include "domain/hierarchy.h"
#include "edit/importpreviewmodel.h"
#include "io/xlsx.h"
#include "views/nodepickerdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Flotilla::Views {

namespace {

// Larger files are refused before they are read: a shipment list of 100,000 rows is a few MB.
constexpr qint64 MaxFileBytes = 256LL * 1024 * 1024;

QString settingsKey(const QString &headerKey)
{
    return QStringLiteral("import/mappings/") + headerKey;
}

QString encodingText(const Io::TextTable &table)
{
    if (!table.sheet.isEmpty())
        return ImportDialog::tr("sheet “%1”").arg(table.sheet);
    const QString delimiter = table.delimiter == u'\t' ? ImportDialog::tr("tabs")
        : table.delimiter == u';'                      ? ImportDialog::tr("semicolons")
                                                       : ImportDialog::tr("commas");
    return ImportDialog::tr("%1, separated by %2").arg(Io::encodingName(table.encoding), delimiter);
}

} // namespace

ImportDialog::ImportDialog(Edit::FleetEditor *editor, const Domain::Hierarchy &hierarchy,
    const QString &filePath, QWidget *parent)
    : QDialog(parent)
    , m_editor(editor)
    , m_hierarchy(hierarchy)
    , m_path(filePath)
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import devices from %1").arg(fileName()));
    setSizeGripEnabled(true);

    auto *layout = new QVBoxLayout(this);
    m_fileInfo = new QLabel;
    m_fileInfo->setObjectName(QStringLiteral("importFileInfo"));
    m_fileInfo->setWordWrap(true);
    m_fileInfo->setTextFormat(Qt::PlainText);
    layout->addWidget(m_fileInfo);

    auto *splitter = new QSplitter(Qt::Vertical);
    layout->addWidget(splitter, 1);

    // What the columns hold.
    auto *columnsBox = new QGroupBox(tr("Columns"));
    auto *columnsLayout = new QVBoxLayout(columnsBox);
    auto *sheetRow = new QHBoxLayout;
    m_sheet = new QComboBox;
    m_sheet->setObjectName(QStringLiteral("importSheet"));
    auto *sheetLabel = new QLabel(tr("&Sheet:"));
    sheetLabel->setBuddy(m_sheet);
    sheetRow->addWidget(sheetLabel);
    sheetRow->addWidget(m_sheet, 1);
    m_hasHeader = new QCheckBox(tr("The first row holds the column &names"));
    m_hasHeader->setObjectName(QStringLiteral("importHasHeader"));
    sheetRow->addWidget(m_hasHeader);
    columnsLayout->addLayout(sheetRow);
    m_columns = new QTableWidget(0, 3);
    m_columns->setObjectName(QStringLiteral("importColumns"));
    m_columns->setHorizontalHeaderLabels(
        {tr("Column in the file"), tr("First value"), tr("Holds")});
    m_columns->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_columns->verticalHeader()->hide();
    m_columns->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_columns->setSelectionMode(QAbstractItemView::NoSelection);
    // As high as its rows (a few columns leave no empty box); the preview gets the rest.
    m_columns->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_columns->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    columnsLayout->addWidget(m_columns);

    auto *options = new QFormLayout;
    auto *destinationRow = new QHBoxLayout;
    m_destination = new QLineEdit;
    m_destination->setObjectName(QStringLiteral("importDestination"));
    m_destination->setPlaceholderText(tr("Keep each device where it is"));
    m_destination->setToolTip(
        tr("Where the devices of a file without customer and group columns go: a customer or "
           "group by its titles (“Acme Logistics / Berlin depot”), or Unassigned or Returns"));
    m_chooseDestination = new QPushButton(tr("C&hoose…"));
    destinationRow->addWidget(m_destination, 1);
    destinationRow->addWidget(m_chooseDestination);
    auto *destinationLabel = new QLabel(tr("&Destination:"));
    destinationLabel->setBuddy(m_destination);
    options->addRow(destinationLabel, destinationRow);
    m_createMissing = new QCheckBox(tr("&Create customers and groups that do not exist yet"));
    m_createMissing->setObjectName(QStringLiteral("importCreateMissing"));
    options->addRow(QString(), m_createMissing);
    columnsLayout->addLayout(options);
    splitter->addWidget(columnsBox);

    // The preview.
    auto *previewBox = new QGroupBox(tr("Preview: nothing is sent before you import"));
    auto *previewLayout = new QVBoxLayout(previewBox);
    auto *showRow = new QHBoxLayout;
    m_show = new QComboBox;
    m_show->setObjectName(QStringLiteral("importShow"));
    m_show->addItem(tr("All rows"), static_cast<int>(Edit::ImportPreviewModel::Show::All));
    m_show->addItem(tr("Rows that change something"),
        static_cast<int>(Edit::ImportPreviewModel::Show::Changes));
    m_show->addItem(
        tr("Rows with errors"), static_cast<int>(Edit::ImportPreviewModel::Show::Errors));
    auto *showLabel = new QLabel(tr("Sho&w:"));
    showLabel->setBuddy(m_show);
    showRow->addWidget(showLabel);
    showRow->addWidget(m_show);
    showRow->addStretch(1);
    previewLayout->addLayout(showRow);
    m_model = new Edit::ImportPreviewModel(this);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("importPreview"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    previewLayout->addWidget(m_table, 1);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The summary scrolls when it is long, so that the preview keeps its room.
    auto *summaryArea = new QScrollArea;
    summaryArea->setWidget(m_summary);
    summaryArea->setWidgetResizable(true);
    summaryArea->setFrameShape(QFrame::NoFrame);
    summaryArea->setMaximumHeight(m_summary->fontMetrics().lineSpacing() * 7);
    summaryArea->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    previewLayout->addWidget(summaryArea);
    m_onlyValid = new QCheckBox(tr("Import only the rows &without errors"));
    m_onlyValid->setObjectName(QStringLiteral("importOnlyValid"));
    previewLayout->addWidget(m_onlyValid);
    splitter->addWidget(previewBox);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importApply"));
    m_import->setDefault(true);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        // A destination typed but not yet planned (Import pressed from the keyboard while the
        // field had the focus) is planned first and shown: Import applies what is shown.
        if (m_destination->isEnabled() && m_destination->text().trimmed() != m_plannedDestination) {
            replan();
            return;
        }
        if (!m_import->isEnabled())
            return;
        rememberMapping();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_hasHeader, &QCheckBox::toggled, this, [this](bool on) {
        if (m_filling)
            return;
        m_mapping.hasHeader = on;
        fillColumns();
        replan();
    });
    connect(m_createMissing, &QCheckBox::toggled, this, &ImportDialog::replan);
    connect(m_destination, &QLineEdit::editingFinished, this, &ImportDialog::replan);
    connect(m_chooseDestination, &QPushButton::clicked, this, &ImportDialog::chooseDestination);
    connect(m_onlyValid, &QCheckBox::toggled, this, [this] { m_summary->setText(summaryText()); });
    connect(m_show, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setShow(
            static_cast<Edit::ImportPreviewModel::Show>(m_show->currentData().toInt()));
    });
    connect(m_sheet, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            readFile(m_sheet->currentText());
    });

    QFile file(m_path);
    if (file.size() > MaxFileBytes)
        m_readError = tr("%1 is larger than %2 MB: split it into smaller lists.")
                          .arg(fileName())
                          .arg(MaxFileBytes / (1024 * 1024));
    else if (!file.open(QIODevice::ReadOnly))
        m_readError = tr("%1 cannot be read: %2").arg(fileName(), file.errorString());
    else
        m_bytes = file.readAll();
    if (m_readError.isEmpty()) {
        QString error;
        const QList<Io::SheetInfo> sheets = Io::xlsxSheets(m_bytes, &error);
        m_filling = true;
        for (const Io::SheetInfo &s : sheets) {
            if (!s.hidden && s.worksheet) // chart sheets hold no rows
                m_sheet->addItem(s.name);
        }
        m_filling = false;
        readFile(QString());
    } else {
        m_fileInfo->setText(m_readError);
        m_import->setEnabled(false);
    }
    m_sheet->setEnabled(m_sheet->count() > 1);
    sheetLabel->setVisible(m_sheet->count() > 0);
    m_sheet->setVisible(m_sheet->count() > 0);
    resize(900, 680);
}

ImportDialog::~ImportDialog() = default;

QString ImportDialog::fileName() const
{
    return QFileInfo(m_path).fileName();
}

bool ImportDialog::onlyValidRows() const
{
    return m_onlyValid->isChecked();
}

void ImportDialog::readFile(const QString &sheet)
{
    QString error;
    Io::XlsxOptions options;
    options.sheet = sheet;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    m_file = Io::readSpreadsheet(m_bytes, fileName(), options, &error);
    QApplication::restoreOverrideCursor();
    if (error.isEmpty() && m_file.rows.isEmpty())
        error = m_file.problems.isEmpty() ? tr("%1 has no rows to import.").arg(fileName())
                                          : m_file.problems.constFirst().message;
    if (!error.isEmpty()) {
        m_readError = error;
        m_fileInfo->setText(error);
        m_preview = {}; // nothing of another sheet may be imported
        m_model->setPlan({});
        m_columns->setRowCount(0);
        m_onlyValid->setChecked(false);
        m_onlyValid->setVisible(false);
        m_summary->clear();
        m_import->setEnabled(false);
        return;
    }
    m_readError.clear();
    const int rows = static_cast<int>(m_file.rows.size());
    m_fileInfo->setText(
        tr("%1: %Ln rows, %2", nullptr, rows).arg(fileName(), encodingText(m_file)));
    m_mapping = Edit::guessMapping(m_file);
    const QString key = Edit::headerSetKey(m_file);
    if (!key.isEmpty()) {
        const QString remembered = QSettings().value(settingsKey(key)).toString();
        if (const auto m = Edit::mappingFromText(remembered, m_file.columnCount))
            m_mapping = *m;
    }
    fillColumns();
    replan();
}

void ImportDialog::fillColumns()
{
    const QScopedValueRollback filling(m_filling, true);
    m_hasHeader->setChecked(m_mapping.hasHeader);
    m_columns->setRowCount(m_file.columnCount);
    // The header row, and the first row of values, as the file has them.
    const Io::TextRow *first = nullptr;
    const Io::TextRow *firstValues = nullptr;
    for (const Io::TextRow &row : m_file.rows) {
        const bool blank = std::none_of(row.cells.cbegin(), row.cells.cend(),
            [](const QString &c) { return !c.trimmed().isEmpty(); });
        if (blank)
            continue;
        if (!first) {
            first = &row;
            if (m_mapping.hasHeader)
                continue;
        }
        firstValues = &row;
        break;
    }
    for (int c = 0; c < m_file.columnCount; ++c) {
        QString name = Edit::columnName(c);
        if (m_mapping.hasHeader && first && c < first->cells.size()
            && !first->cells.at(c).trimmed().isEmpty())
            name = tr("%1: %2").arg(name, first->cells.at(c).trimmed());
        m_columns->setItem(c, 0, new QTableWidgetItem(name));
        m_columns->setItem(c, 1,
            new QTableWidgetItem(firstValues && c < firstValues->cells.size()
                    ? firstValues->cells.at(c).left(60)
                    : QString()));
        auto *combo = new QComboBox;
        combo->setObjectName(QStringLiteral("importField%1").arg(c));
        combo->addItem(tr("Not imported"), static_cast<int>(Edit::ImportField::Ignore));
        for (Edit::ImportField f : Edit::allFields())
            combo->addItem(Edit::fieldTitle(f), static_cast<int>(f));
        const Edit::ImportField current
            = c < m_mapping.fields.size() ? m_mapping.fields.at(c) : Edit::ImportField::Ignore;
        combo->setCurrentIndex(combo->findData(static_cast<int>(current)));
        connect(combo, &QComboBox::currentIndexChanged, this, [this, c, combo] {
            if (m_filling)
                return;
            m_mapping.fields[c] = static_cast<Edit::ImportField>(combo->currentData().toInt());
            replan();
        });
        m_columns->setCellWidget(c, 2, combo);
    }
    m_columns->resizeRowsToContents();
}

void ImportDialog::setField(int column, Edit::ImportField field)
{
    auto *combo = qobject_cast<QComboBox *>(m_columns->cellWidget(column, 2));
    if (combo)
        combo->setCurrentIndex(combo->findData(static_cast<int>(field)));
}

void ImportDialog::replan()
{
    if (!m_editor || !m_readError.isEmpty())
        return;
    const bool placesByColumn
        = std::any_of(m_mapping.fields.cbegin(), m_mapping.fields.cend(), [](Edit::ImportField f) {
              return f == Edit::ImportField::Customer || f == Edit::ImportField::Group;
          });
    m_destination->setEnabled(!placesByColumn);
    m_chooseDestination->setEnabled(!placesByColumn);
    Edit::ImportOptions options;
    options.mapping = m_mapping;
    options.createMissing = m_createMissing->isChecked();
    const QString destination = m_destination->text().trimmed();
    options.destination = placesByColumn                         ? QString()
        : !m_pickedText.isEmpty() && destination == m_pickedText ? m_pickedPath
                                                                 : destination;
    m_plannedDestination = destination;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    m_preview = m_editor->planImport(m_file, options, fileName());
    QApplication::restoreOverrideCursor();
    m_model->setPlan(m_preview.rows);
    m_table->resizeColumnsToContents();
    const int errors = m_preview.rows.errorCount();
    m_onlyValid->setVisible(errors > 0);
    if (errors == 0)
        m_onlyValid->setChecked(false);
    m_summary->setText(summaryText());
}

QString ImportDialog::summaryText() const
{
    const Edit::ImportPlan &plan = m_preview.rows;
    QStringList lines;
    const auto enable = [this](bool on) { m_import->setEnabled(on && m_readError.isEmpty()); };
    if (!plan.error.isEmpty()) {
        enable(false);
        return plan.error;
    }
    const int rows = static_cast<int>(plan.rows.size());
    QStringList counts;
    const QList<QPair<Edit::RowAction, QString>> words = {
        {Edit::RowAction::Import, tr("%1 to import into the product")},
        {Edit::RowAction::Move, tr("%1 to move")},
        {Edit::RowAction::Rename, tr("%1 to rename")},
        {Edit::RowAction::Notes, tr("%1 with new notes")},
        {Edit::RowAction::Unchanged, tr("%1 unchanged")},
        {Edit::RowAction::Error, tr("%1 with errors")},
    };
    for (const auto &[action, text] : words) {
        if (const int n = plan.count(action); n > 0)
            counts.append(text.arg(QLocale().toString(n)));
    }
    lines.append(tr("%Ln rows: %1.", nullptr, rows).arg(counts.join(tr(", "))));
    if (!plan.creates.isEmpty()) {
        // The deepest new nodes name their new parents too; the first few of them, since a
        // long list would push the rest of the summary away.
        constexpr int Shown = 5;
        QStringList leaves;
        for (const Edit::ImportCreation &c : plan.creates) {
            const bool parent = std::any_of(plan.creates.cbegin(), plan.creates.cend(),
                [&](const Edit::ImportCreation &o) { return o.parentPath == c.path; });
            if (!parent)
                leaves.append(c.titlePath);
        }
        const int more = static_cast<int>(leaves.size()) - Shown;
        QStringList shown = leaves.mid(0, Shown);
        if (more > 0)
            shown.append(tr("%Ln more", nullptr, more));
        const int n = static_cast<int>(plan.creates.size());
        lines.append(tr("%Ln new customers and groups: %1.", nullptr, n).arg(shown.join(tr("; "))));
    }
    if (!plan.ignoredColumns.isEmpty())
        lines.append(tr("Columns not imported: %1.").arg(plan.ignoredColumns.join(tr(", "))));
    for (const Io::ReadProblem &p : plan.readProblems)
        lines.append(p.message);
    const Edit::EditImpact &impact = m_preview.edit.impact;
    for (auto it = impact.devices.claimsByAccount.cbegin();
         it != impact.devices.claimsByAccount.cend(); ++it)
        lines.append(
            tr("%Ln devices will be claimed to the customer account %1.", nullptr, it.value())
                .arg(it.key()));
    if (impact.devices.unclaims > 0)
        lines.append(tr("%Ln devices will be released from their current owner.", nullptr,
            impact.devices.unclaims));
    const int flashes = impact.devices.targetChanges();
    if (flashes > 0) {
        QStringList changes;
        for (const Edit::FirmwareTargetChange &c : impact.devices.firmwareChanges)
            changes.append(c.label());
        lines.append(tr("%Ln devices get a new firmware target, and Particle will flash them (%1).",
            nullptr, flashes)
                         .arg(changes.join(tr(", "))));
    }
    const bool canApply = m_preview.edit.canApply();
    if (canApply)
        lines.append(tr("It takes about %Ln requests to the cloud.", nullptr, m_preview.requests));
    else if (m_preview.edit.isRefused())
        lines.append(m_preview.edit.error);
    const int errors = plan.errorCount();
    if (errors > 0 && !m_onlyValid->isChecked())
        lines.append(tr("Correct the rows with errors in the file, or import only the rows "
                        "without errors."));
    enable(canApply && (errors == 0 || m_onlyValid->isChecked()));
    const int changing = plan.validChanges();
    m_import->setText(tr("&Import %Ln rows", nullptr, changing));
    return lines.join(u'\n');
}

void ImportDialog::chooseDestination()
{
    NodePickerDialog picker(m_hierarchy, tr("Where do the devices of this file go?"), {}, this);
    if (picker.exec() != QDialog::Accepted)
        return;
    const std::optional<Domain::MoveTarget> target = picker.target();
    if (!target)
        return;
    // People see titles; the plan gets the path, so that titles two nodes share are no matter.
    switch (target->kind) {
    case Domain::MoveTarget::Kind::Unassigned:
        m_pickedPath = QStringLiteral("unassigned");
        m_pickedText = tr("Unassigned");
        break;
    case Domain::MoveTarget::Kind::Returns:
        m_pickedPath = QStringLiteral("returns");
        m_pickedText
            = m_hierarchy.returnsTitle().isEmpty() ? tr("Returns") : m_hierarchy.returnsTitle();
        break;
    case Domain::MoveTarget::Kind::Node:
        m_pickedPath = target->path;
        m_pickedText = Domain::titlePath(m_hierarchy, target->path);
        break;
    }
    m_destination->setText(m_pickedText);
    replan();
}

void ImportDialog::rememberMapping() const
{
    const QString key = Edit::headerSetKey(m_file);
    if (!key.isEmpty() && m_mapping.hasHeader)
        QSettings().setValue(settingsKey(key), Edit::mappingToText(m_mapping));
}

} // namespace Flotilla::Views
