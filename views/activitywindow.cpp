// SPDX-License-Identifier: MIT
#include "views/activitywindow.h"

#include "tree/activitymodel.h"
#include "tree/fleetexport.h"
#include "views/logging.h"

#include <QAction>
#include <QComboBox>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace Flotilla::Views {

ActivityWindow::ActivityWindow(Sync::SyncEngine *engine, QWidget *parent)
    : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("activityWindow"));
    setWindowTitle(tr("Activity"));

    m_model = new Tree::ActivityModel(this);
    m_filter = new Tree::ActivityFilterModel(this);
    m_filter->setSourceModel(m_model);

    m_source = new QComboBox;
    m_source->setObjectName(QStringLiteral("activitySource"));
    m_source->addItem(tr("All sources"), QString());
    for (const auto &[source, title] : Tree::ActivityModel::sourceChoices())
        m_source->addItem(title, source);
    auto *sourceLabel = new QLabel(tr("&Source:"));
    sourceLabel->setBuddy(m_source);

    m_result = new QComboBox;
    m_result->setObjectName(QStringLiteral("activityResult"));
    m_result->addItem(tr("All results"));
    m_result->addItem(tr("Failed"));
    auto *resultLabel = new QLabel(tr("&Result:"));
    resultLabel->setBuddy(m_result);

    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("activitySearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search: who, what, customer or group, result, reason"));
    auto *searchLabel = new QLabel(tr("S&earch:"));
    searchLabel->setBuddy(m_search);

    m_export = new QPushButton(tr("E&xport…"));
    m_export->setObjectName(QStringLiteral("activityExport"));
    m_export->setToolTip(tr("Write the lines shown to a CSV file"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(sourceLabel);
    filters->addWidget(m_source);
    filters->addWidget(resultLabel);
    filters->addWidget(m_result);
    filters->addWidget(searchLabel);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_export);

    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("activityView"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle); // "Acme Logistics › … › Test" keeps both ends
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    {
        using A = Tree::ActivityModel;
        QHeaderView *h = m_view->horizontalHeader();
        h->setHighlightSections(false);
        h->setStretchLastSection(false);
        h->resizeSection(A::When, 150);
        h->resizeSection(A::Who, 150);
        h->resizeSection(A::Source, 90);
        h->resizeSection(A::What, 380);
        h->resizeSection(A::Devices, 70);
        h->resizeSection(A::FromTo, 360);
        h->resizeSection(A::Result, 90);
        h->resizeSection(A::Requests, 80);
    }

    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("activityCount"));
    m_count->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);
    setTabOrder(m_source, m_result);
    setTabOrder(m_result, m_search);
    setTabOrder(m_search, m_export);
    setTabOrder(m_export, m_view);
    resize(1400, 640);

    // Ctrl+F goes to the search field, Escape closes the window.
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    auto *close = new QAction(this);
    close->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(close, &QAction::triggered, this, &QWidget::close);
    addActions({find, close});

    connect(m_source, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setSource(m_source->currentData().toString()); });
    connect(m_result, &QComboBox::currentIndexChanged, this,
        [this](int index) { m_filter->setFailedOnly(index == 1); });
    connect(m_search, &QLineEdit::textChanged, m_filter, &Tree::ActivityFilterModel::setSearchText);
    connect(m_export, &QPushButton::clicked, this, &ActivityWindow::chooseExportFile);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &ActivityWindow::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ActivityWindow::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &ActivityWindow::updateCount);
    updateCount();

    m_model->setEngine(engine);
}

ActivityWindow::~ActivityWindow() = default;

void ActivityWindow::updateCount()
{
    const int shown = m_filter->rowCount();
    const int all = m_model->rowCount();
    if (!m_model->isLoaded())
        m_count->setText(tr("Reading the activity log…"));
    else if (shown == all)
        m_count->setText(tr("%Ln line(s)", nullptr, all));
    else
        m_count->setText(tr("%1 of %Ln line(s)", nullptr, all).arg(QLocale().toString(shown)));
    m_export->setEnabled(shown > 0);
}

QString ActivityWindow::exportTo(const QString &path)
{
    Tree::ExportFileOptions options;
    options.format = Tree::ExportFormat::Csv;
    options.delimiter = Tree::defaultDelimiter(QLocale());
    QString error;
    if (!Tree::writeExportFile(path, Tree::activityTable(m_filter), options, &error))
        return error;
    qCInfo(lcViews) << "activity exported:" << m_filter->rowCount() << "lines";
    return QString();
}

void ActivityWindow::chooseExportFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder).filePath(
        tr("activity-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
    auto *dialog
        = new QFileDialog(this, tr("Export the activity to"), suggested, tr("CSV files (*.csv)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("activityExportDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    // Headless platforms have no native dialog to show.
    const QString platform = QGuiApplication::platformName();
    if (platform == QStringLiteral("offscreen") || platform == QStringLiteral("minimal"))
        dialog->setOption(QFileDialog::DontUseNativeDialog);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        const QString error = exportTo(file);
        m_count->setText(error.isEmpty()
                ? tr("%Ln line(s) written to %1", nullptr, m_filter->rowCount())
                      .arg(QDir::toNativeSeparators(file))
                : tr("The activity could not be exported: %1").arg(error));
    });
    dialog->open();
}

} // namespace Flotilla::Views
