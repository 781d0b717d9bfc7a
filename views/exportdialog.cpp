// SPDX-License-Identifier: MIT
#include "views/exportdialog.h"

#include "sync/syncengine.h"
#include "tree/roles.h"
#include "views/logging.h"

#include <QAbstractItemView>
#include <QButtonGroup>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QPalette>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <atomic>

namespace Flotilla::Views {

namespace {

constexpr int ProgressIntervalMs = 100;
constexpr int FinishedNoticeMs = 10000;

QString settingsGroup()
{
    return QStringLiteral("Export");
}

QString formatKey(Tree::ExportFormat format)
{
    return format == Tree::ExportFormat::Xlsx ? QStringLiteral("xlsx") : QStringLiteral("csv");
}

// A title as a file name: the characters file systems refuse become '_'.
QString fileNameOf(const QString &title)
{
    QString name = title.simplified();
    for (QChar &c : name) {
        if (QStringLiteral("/\\:*?\"<>|").contains(c) || c.unicode() < 0x20)
            c = QLatin1Char('_');
    }
    while (name.startsWith(QLatin1Char('.')))
        name.remove(0, 1);
    return name.isEmpty() ? ExportDialog::tr("devices") : name;
}

} // namespace

// One export on its thread: what it reports while it runs, and how it ended.
struct ExportDialog::Job
{
    std::atomic<int> rows {0};
    std::atomic<int> total {-1};
    std::atomic<bool> cancel {false};
    QThread *thread = nullptr;
    QTimer *timer = nullptr;
    QString path;
    bool written = false;
    QString error;
};

ExportDialog::Context ExportDialog::contextOf(Sync::SyncEngine *engine,
    const Tree::DeviceTableModel *table, const QTreeView *treeView, const QTableView *tableView,
    const QStringList &selection)
{
    Context c;
    c.engine = engine;
    const QModelIndex current = treeView->currentIndex().siblingAtColumn(0);
    if (current.isValid()) {
        c.node = Tree::DeviceScope::forTreeItem(
            static_cast<Tree::ItemKind>(current.data(Tree::KindRole).toInt()),
            current.data(Tree::NodePathRole).toString());
        c.nodeTitle = current.data(Tree::TitleRole).toString();
        c.nodeCount = current.data(Tree::DeviceCountRole).toInt();
    }
    c.selection = selection;
    c.filterScope = table->scope();
    c.filterText = table->filterText().trimmed();
    c.filterCount = table->visibleCount();
    const bool fromTable = tableView->hasFocus();
    const bool fromTree = treeView->hasFocus();
    if (fromTree && c.node)
        c.preselected = Source::Node;
    else if ((fromTable || fromTree) && !selection.isEmpty())
        c.preselected = Source::Selection;
    else if (!c.filterText.isEmpty())
        c.preselected = Source::Filter;
    else if (c.node)
        c.preselected = Source::Node;
    else if (!selection.isEmpty())
        c.preselected = Source::Selection;
    else
        c.preselected = Source::Fleet;
    return c;
}

ExportDialog::ExportDialog(const Context &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export devices"));
    buildUi();
    restoreSettings();
    setSource(m_sources[static_cast<int>(m_context.preselected)]->property("available").toBool()
            ? m_context.preselected
            : Source::Fleet);
    updateState();
}

ExportDialog::~ExportDialog()
{
    if (m_job && m_job->thread) {
        // The window goes while an export runs: it stops (nothing is written), and is waited
        // for, since it reads the dialog's job.
        m_job->cancel = true;
        m_job->thread->wait();
        delete m_job->thread;
        m_job->thread = nullptr;
    }
}

void ExportDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    auto *what = new QGroupBox(tr("Export"));
    auto *whatLayout = new QVBoxLayout(what);
    auto *sources = new QButtonGroup(this);
    const int fleetCount
        = m_context.engine ? static_cast<int>(m_context.engine->state().devices.size()) : 0;
    const QString texts[4] = {
        m_context.node
            ? tr("“%1” (%Ln devices)", nullptr, m_context.nodeCount).arg(m_context.nodeTitle)
            : tr("The selected customer or group (none selected)"),
        tr("The %Ln selected devices", nullptr, static_cast<int>(m_context.selection.size())),
        m_context.filterText.isEmpty()
            ? tr("The devices the filter shows (no filter)")
            : tr("The %Ln devices the filter “%1” shows", nullptr, m_context.filterCount)
                  .arg(m_context.filterText),
        tr("The whole fleet (%Ln devices)", nullptr, fleetCount),
    };
    const char *names[4] = {"exportNode", "exportSelection", "exportFilter", "exportFleet"};
    for (int i = 0; i < 4; ++i) {
        auto *button = new QRadioButton(texts[i]);
        button->setObjectName(QString::fromLatin1(names[i]));
        sources->addButton(button, i);
        whatLayout->addWidget(button);
        m_sources[i] = button;
    }
    // What there is to export; updateState() enables them.
    m_sources[int(Source::Node)]->setProperty("available", m_context.node.has_value());
    m_sources[int(Source::Selection)]->setProperty("available", !m_context.selection.isEmpty());
    m_sources[int(Source::Filter)]->setProperty("available", !m_context.filterText.isEmpty());
    m_sources[int(Source::Fleet)]->setProperty("available", m_context.engine != nullptr);
    connect(sources, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (!checked)
            return;
        if (!m_path->isModified())
            setPath(QFileInfo(path()).dir().filePath(suggestedName()));
        updateState();
    });
    layout->addWidget(what);

    auto *form = new QFormLayout;
    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(tr("Excel workbook (.xlsx)"), formatKey(Tree::ExportFormat::Xlsx));
    m_format->addItem(tr("CSV text (.csv)"), formatKey(Tree::ExportFormat::Csv));
    form->addRow(tr("&Format:"), m_format);
    m_delimiter = new QComboBox;
    m_delimiter->setObjectName(QStringLiteral("exportDelimiter"));
    m_delimiter->addItem(tr("Comma ( , )"), QString(QLatin1Char(',')));
    m_delimiter->addItem(tr("Semicolon ( ; ), as Excel reads it where decimals are written with a "
                            "comma"),
        QString(QLatin1Char(';')));
    form->addRow(tr("CSV &separator:"), m_delimiter);
    layout->addLayout(form);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::onFormatChanged);

    auto *columnsBox = new QGroupBox(tr("Columns (drag to reorder)"));
    auto *columnsLayout = new QHBoxLayout(columnsBox);
    m_columns = new QListWidget;
    m_columns->setObjectName(QStringLiteral("exportColumns"));
    m_columns->setDragDropMode(QAbstractItemView::InternalMove);
    m_columns->setDefaultDropAction(Qt::MoveAction);
    m_columns->setSelectionMode(QAbstractItemView::SingleSelection);
    for (const Tree::ExportField &f : Tree::exportFields()) {
        auto *item = new QListWidgetItem(f.title, m_columns);
        item->setData(Qt::UserRole, f.key);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable
            | Qt::ItemIsDragEnabled);
        item->setCheckState(Qt::Unchecked);
    }
    columnsLayout->addWidget(m_columns, 1);
    auto *columnButtons = new QVBoxLayout;
    m_up = new QPushButton(tr("&Up"));
    m_up->setObjectName(QStringLiteral("columnUp"));
    m_down = new QPushButton(tr("&Down"));
    m_down->setObjectName(QStringLiteral("columnDown"));
    auto *defaults = new QPushButton(tr("De&faults"));
    defaults->setObjectName(QStringLiteral("columnDefaults"));
    columnButtons->addWidget(m_up);
    columnButtons->addWidget(m_down);
    columnButtons->addSpacing(12);
    columnButtons->addWidget(defaults);
    columnButtons->addStretch(1);
    columnsLayout->addLayout(columnButtons);
    layout->addWidget(columnsBox, 1);
    connect(m_up, &QPushButton::clicked, this, [this] { moveColumn(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveColumn(1); });
    connect(defaults, &QPushButton::clicked, this,
        [this] { setColumns(Tree::defaultExportColumns()); });
    connect(m_columns, &QListWidget::itemChanged, this, &ExportDialog::updateState);
    connect(m_columns, &QListWidget::currentRowChanged, this, &ExportDialog::updateState);

    auto *fileRow = new QHBoxLayout;
    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("exportPath"));
    auto *choose = new QPushButton(tr("&Choose…"));
    choose->setObjectName(QStringLiteral("exportChoose"));
    fileRow->addWidget(new QLabel(tr("F&ile:")));
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(choose);
    qobject_cast<QLabel *>(fileRow->itemAt(0)->widget())->setBuddy(m_path);
    layout->addLayout(fileRow);
    connect(choose, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateState);

    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("exportError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_error->setPalette(palette);
    m_error->setVisible(false);
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("exportStart"));
    m_export->setDefault(true);
    m_cancel = buttons->button(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::startExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    layout->addWidget(buttons);
    resize(520, 560);
}

ExportDialog *ExportDialog::showFor(const Context &context, QMainWindow *window)
{
    auto *dialog = new ExportDialog(context, window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::exportFinished, window,
        [window](bool written, const QString &path, int rows) {
            if (written)
                window->statusBar()->showMessage(tr("Exported %Ln devices to %1", nullptr, rows)
                                                     .arg(QDir::toNativeSeparators(path)),
                    FinishedNoticeMs);
        });
    dialog->open();
    return dialog;
}

void ExportDialog::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(settingsGroup());
    const QStringList columns = settings.value(QStringLiteral("columns")).toStringList();
    setColumns(columns.isEmpty() || !Tree::exportColumnsError(columns).isEmpty()
            ? Tree::defaultExportColumns()
            : columns);
    setFormat(
        settings.value(QStringLiteral("format")).toString() == formatKey(Tree::ExportFormat::Csv)
            ? Tree::ExportFormat::Csv
            : Tree::ExportFormat::Xlsx);
    const QString delimiter = settings.value(QStringLiteral("delimiter")).toString();
    setDelimiter(delimiter == QStringLiteral(",") || delimiter == QStringLiteral(";")
            ? delimiter.at(0)
            : Tree::defaultDelimiter(QLocale()));
    QString folder = settings.value(QStringLiteral("folder")).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_path->setText(QDir(folder).filePath(suggestedName()));
    m_path->setModified(false);
}

void ExportDialog::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(settingsGroup());
    settings.setValue(QStringLiteral("columns"), columns());
    settings.setValue(QStringLiteral("format"), formatKey(format()));
    settings.setValue(QStringLiteral("delimiter"), QString(delimiter()));
    settings.setValue(QStringLiteral("folder"), QFileInfo(path()).absolutePath());
}

ExportDialog::Source ExportDialog::source() const
{
    for (int i = 0; i < 4; ++i) {
        if (m_sources[i]->isChecked())
            return static_cast<Source>(i);
    }
    return Source::Fleet;
}

void ExportDialog::setSource(Source source)
{
    m_sources[static_cast<int>(source)]->setChecked(true);
}

QAbstractButton *ExportDialog::sourceButton(Source source) const
{
    return m_sources[static_cast<int>(source)];
}

Tree::ExportFormat ExportDialog::format() const
{
    return m_format->currentData().toString() == formatKey(Tree::ExportFormat::Csv)
        ? Tree::ExportFormat::Csv
        : Tree::ExportFormat::Xlsx;
}

void ExportDialog::setFormat(Tree::ExportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(formatKey(format)));
}

QChar ExportDialog::delimiter() const
{
    const QString d = m_delimiter->currentData().toString();
    return d.isEmpty() ? QLatin1Char(',') : d.at(0);
}

void ExportDialog::setDelimiter(QChar delimiter)
{
    const int index = m_delimiter->findData(QString(delimiter));
    if (index >= 0)
        m_delimiter->setCurrentIndex(index);
}

QStringList ExportDialog::columns() const
{
    QStringList keys;
    for (int i = 0; i < m_columns->count(); ++i) {
        const QListWidgetItem *item = m_columns->item(i);
        if (item->checkState() == Qt::Checked)
            keys.append(item->data(Qt::UserRole).toString());
    }
    return keys;
}

void ExportDialog::setColumns(const QStringList &keys)
{
    const QSignalBlocker blocker(m_columns);
    int next = 0;
    for (const QString &key : keys) {
        for (int i = next; i < m_columns->count(); ++i) {
            if (m_columns->item(i)->data(Qt::UserRole).toString() != key)
                continue;
            QListWidgetItem *item = m_columns->takeItem(i);
            item->setCheckState(Qt::Checked);
            m_columns->insertItem(next++, item);
            break;
        }
    }
    for (int i = next; i < m_columns->count(); ++i)
        m_columns->item(i)->setCheckState(Qt::Unchecked);
    // The unchecked ones in their natural order.
    QStringList natural;
    for (const Tree::ExportField &f : Tree::exportFields())
        natural.append(f.key);
    for (const QString &key : std::as_const(natural)) {
        for (int i = next; i < m_columns->count(); ++i) {
            if (m_columns->item(i)->data(Qt::UserRole).toString() == key) {
                m_columns->insertItem(next++, m_columns->takeItem(i));
                break;
            }
        }
    }
    updateState();
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
}

void ExportDialog::moveColumn(int by)
{
    const int row = m_columns->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_columns->count())
        return;
    QListWidgetItem *item = m_columns->takeItem(row);
    m_columns->insertItem(to, item);
    m_columns->setCurrentRow(to);
}

QString ExportDialog::suggestedName() const
{
    QString title;
    switch (source()) {
    case Source::Node:
        title = m_context.nodeTitle;
        break;
    case Source::Selection:
        title = tr("Selected devices");
        break;
    case Source::Filter:
        title = tr("Devices %1").arg(m_context.filterText);
        break;
    case Source::Fleet:
        title = tr("Fleet");
        break;
    }
    return fileNameOf(title) + QLatin1Char(' ') + QDate::currentDate().toString(Qt::ISODate)
        + QLatin1Char('.') + formatKey(format());
}

void ExportDialog::onFormatChanged()
{
    // The file's suffix follows the format.
    const QString p = path();
    const QFileInfo info(p);
    const QString suffix = info.suffix().toLower();
    if (!p.isEmpty() && (suffix == QStringLiteral("csv") || suffix == QStringLiteral("xlsx"))) {
        const QString changed = p.left(p.size() - suffix.size()) + formatKey(format());
        const bool modified = m_path->isModified();
        m_path->setText(changed);
        m_path->setModified(modified);
    }
    updateState();
}

Tree::ExportScope ExportDialog::scope() const
{
    switch (source()) {
    case Source::Node:
        return Tree::ExportScope::of(m_context.node.value_or(Tree::DeviceScope::all()));
    case Source::Selection:
        return Tree::ExportScope::selection(m_context.selection);
    case Source::Filter:
        return Tree::ExportScope::of(m_context.filterScope, m_context.filterText);
    case Source::Fleet:
        break;
    }
    return Tree::ExportScope::all();
}

QString ExportDialog::validationError() const
{
    if (!m_context.engine)
        return tr("There is no fleet to export");
    if (!m_sources[static_cast<int>(source())]->property("available").toBool())
        return tr("Choose which devices to export");
    if (columns().isEmpty())
        return tr("Check at least one column");
    const QString p = path();
    if (p.isEmpty())
        return tr("Choose the file to write");
    const QFileInfo info(p);
    if (info.isDir())
        return tr("%1 is a folder: name the file to write").arg(QDir::toNativeSeparators(p));
    if (!info.dir().exists())
        return tr("The folder %1 does not exist").arg(QDir::toNativeSeparators(info.path()));
    return QString();
}

bool ExportDialog::isRunning() const
{
    return m_job && m_job->thread;
}

void ExportDialog::updateState()
{
    const bool running = isRunning();
    m_export->setEnabled(!running && validationError().isEmpty());
    m_export->setToolTip(validationError());
    m_delimiter->setEnabled(!running && format() == Tree::ExportFormat::Csv);
    const int row = m_columns->currentRow();
    m_up->setEnabled(!running && row > 0);
    m_down->setEnabled(!running && row >= 0 && row < m_columns->count() - 1);
    for (QWidget *w : {static_cast<QWidget *>(m_format), static_cast<QWidget *>(m_columns),
             static_cast<QWidget *>(m_path)})
        w->setEnabled(!running);
    for (QAbstractButton *b : m_sources)
        b->setEnabled(!running && b->property("available").toBool());
}

void ExportDialog::chooseFile()
{
    auto *dialog = new QFileDialog(this, tr("Export to"), path(),
        format() == Tree::ExportFormat::Xlsx ? tr("Excel workbooks (*.xlsx)")
                                             : tr("CSV files (*.csv)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("exportFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(formatKey(format()));
    // Headless platforms have no native dialog to show.
    const QString platform = QGuiApplication::platformName();
    if (platform == QStringLiteral("offscreen") || platform == QStringLiteral("minimal"))
        dialog->setOption(QFileDialog::DontUseNativeDialog);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        setPath(file);
        m_path->setModified(true);
        m_replaceConfirmed = QDir::fromNativeSeparators(file); // the file dialog asked
    });
    dialog->open();
}

void ExportDialog::startExport()
{
    if (isRunning())
        return;
    const QString invalid = validationError();
    if (!invalid.isEmpty()) {
        m_error->setText(invalid);
        m_error->setVisible(true);
        return;
    }
    m_error->setVisible(false);
    const QString target = QDir::fromNativeSeparators(path());
    if (QFileInfo::exists(target) && target != m_replaceConfirmed) {
        // A file chosen with Choose… was confirmed there; one typed or suggested is asked for.
        auto *box = new QMessageBox(QMessageBox::Question, tr("Replace the file?"),
            tr("%1 exists already. Replace it with the export?")
                .arg(QDir::toNativeSeparators(target)),
            QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("exportReplaceQuestion"));
        box->setTextFormat(Qt::PlainText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        QPushButton *replace = box->addButton(tr("&Replace"), QMessageBox::AcceptRole);
        replace->setObjectName(QStringLiteral("exportReplace"));
        box->setDefaultButton(QMessageBox::Cancel);
        connect(replace, &QPushButton::clicked, this, [this, target] {
            m_replaceConfirmed = target;
            startExport();
        });
        box->open();
        return;
    }

    auto job = std::make_shared<Job>();
    job->path = target;
    m_job = job;
    // The rows are made from copies: the fleet is a value (shared until the engine changes its
    // own), so the engine goes on while the file is written.
    const Sync::FleetState state = m_context.engine->state();
    const QSet<QString> pending = m_context.engine->pendingDevices();
    const Tree::ExportScope exportScope = scope();
    const QStringList keys = columns();
    Tree::ExportFileOptions options;
    options.format = format();
    options.delimiter = delimiter();
    Job *j = job.get();
    options.progress = [j](int rows) { j->rows = rows; };
    options.cancelled = [j] { return j->cancel.load(); };
    qCInfo(lcViews) << "export of" << keys.size() << "columns to" << job->path;
    job->thread = QThread::create([j, state, pending, exportScope, keys, options] {
        const Io::ExportTable table = Tree::exportTable(state, exportScope, keys, pending);
        j->total = table.rowCount;
        j->written = Tree::writeExportFile(j->path, table, options, &j->error);
    });
    job->thread->setObjectName(QStringLiteral("export"));
    connect(job->thread, &QThread::finished, this, &ExportDialog::onJobFinished);

    job->timer = new QTimer(this);
    job->timer->setInterval(ProgressIntervalMs);
    connect(job->timer, &QTimer::timeout, this, [this, j] {
        const int total = j->total;
        if (total < 0) {
            m_progress->setRange(0, 0); // busy: the rows are being chosen
            return;
        }
        m_progress->setRange(0, qMax(total, 1));
        m_progress->setValue(qMin(j->rows.load(), total));
        m_progress->setFormat(
            tr("%1 of %2 devices")
                .arg(QLocale().toString(j->rows.load()), QLocale().toString(total)));
    });
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_cancel->setText(tr("&Stop"));
    updateState();
    job->timer->start();
    job->thread->start(QThread::LowPriority);
}

void ExportDialog::cancelExport()
{
    if (isRunning())
        m_job->cancel = true;
}

void ExportDialog::reject()
{
    if (isRunning()) {
        cancelExport();
        return;
    }
    QDialog::reject();
}

void ExportDialog::onJobFinished()
{
    const std::shared_ptr<Job> job = m_job;
    if (!job)
        return;
    job->thread->wait();
    job->thread->deleteLater();
    job->thread = nullptr;
    delete job->timer;
    job->timer = nullptr;
    m_progress->setVisible(false);
    m_cancel->setText(tr("Cancel"));
    const int rows = qMax(job->total.load(), 0);
    updateState();
    if (job->written) {
        qCInfo(lcViews) << "exported" << rows << "devices to" << job->path;
        saveSettings();
        Q_EMIT exportFinished(true, job->path, rows, QString());
        accept();
        return;
    }
    m_error->setText(job->error);
    m_error->setVisible(true);
    Q_EMIT exportFinished(false, job->path, 0, job->error);
}

} // namespace Flotilla::Views
