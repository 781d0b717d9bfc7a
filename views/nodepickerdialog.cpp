// SPDX-License-Identifier: MIT
#include "views/nodepickerdialog.h"

#include "domain/hierarchy.h"
#include "edit/commands.h"
#include "views/icons.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

namespace Flotilla::Views {

namespace {

enum PickerRole {
    TargetKindRole = Qt::UserRole + 1,
    TargetPathRole,
    SearchRole,
};

} // namespace

NodePickerDialog::NodePickerDialog(const Domain::Hierarchy &hierarchy, const QString &prompt,
    const Options &options, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("nodePicker"));
    setWindowTitle(tr("Move to"));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(prompt);
    label->setWordWrap(true);
    layout->addWidget(label);

    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("nodePickerSearch"));
    m_search->setPlaceholderText(tr("Type to search customers, groups and pools"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    label->setBuddy(m_search);
    layout->addWidget(m_search);

    m_model = new QStandardItemModel(this);
    const QIcon customerIcon = Icons::customer();
    const QIcon groupIcon = Icons::group();
    QList<QPair<QString, const Domain::Node *>> nodes;
    for (const Domain::Node &node : hierarchy.nodes()) {
        if (!options.excludeSubtree.isEmpty()
            && Domain::isAncestorOrSelf(options.excludeSubtree, node.path))
            continue;
        nodes.append({Edit::targetLabel(hierarchy, Domain::MoveTarget::node(node.path)), &node});
    }
    std::sort(nodes.begin(), nodes.end(), [](const auto &a, const auto &b) {
        return QString::compare(a.first, b.first, Qt::CaseInsensitive) < 0;
    });
    for (const auto &[text, node] : std::as_const(nodes)) {
        auto *item = new QStandardItem(
            node->kind == Domain::NodeKind::Customer ? customerIcon : groupIcon, text);
        item->setData(static_cast<int>(Domain::MoveTarget::Kind::Node), TargetKindRole);
        item->setData(node->path, TargetPathRole);
        item->setData(QString(text + QLatin1Char(' ') + node->path), SearchRole);
        item->setToolTip(node->path);
        item->setEditable(false);
        m_model->appendRow(item);
    }
    if (options.includePools) {
        for (const Domain::MoveTarget &pool :
            {Domain::MoveTarget::unassigned(), Domain::MoveTarget::returns()}) {
            const QString text = Edit::targetLabel(hierarchy, pool);
            auto *item = new QStandardItem(pool.kind == Domain::MoveTarget::Kind::Returns
                    ? Icons::returnsPool()
                    : Icons::unassignedPool(),
                text);
            item->setData(static_cast<int>(pool.kind), TargetKindRole);
            item->setData(QString(), TargetPathRole);
            item->setData(text, SearchRole);
            item->setEditable(false);
            m_model->appendRow(item);
        }
    }
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(SearchRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_list = new QListView;
    m_list->setObjectName(QStringLiteral("nodePickerList"));
    m_list->setModel(m_proxy);
    m_list->setUniformItemSizes(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_list, 1);
    m_empty = new QLabel(tr("Nothing matches."));
    m_empty->setEnabled(false);
    m_empty->hide();
    layout->addWidget(m_empty);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Move here"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textChanged, this, &NodePickerDialog::filterChanged);
    connect(m_list, &QListView::activated, this, &QDialog::accept);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &NodePickerDialog::updateOk);
    filterChanged(QString());
    m_search->setFocus();
    resize(480, 420);
}

NodePickerDialog::~NodePickerDialog() = default;

int NodePickerDialog::visibleCount() const
{
    return m_proxy->rowCount();
}

std::optional<Domain::MoveTarget> NodePickerDialog::target() const
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    Domain::MoveTarget t;
    t.kind = static_cast<Domain::MoveTarget::Kind>(current.data(TargetKindRole).toInt());
    t.path = current.data(TargetPathRole).toString();
    return t;
}

void NodePickerDialog::filterChanged(const QString &text)
{
    // Every word must appear somewhere: "acme berl" finds "Acme Logistics › Berlin depot".
    QString pattern;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        pattern += QStringLiteral("(?=.*%1)").arg(QRegularExpression::escape(word));
    m_proxy->setFilterRegularExpression(
        QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption));
    const bool any = m_proxy->rowCount() > 0;
    m_empty->setVisible(!any);
    if (any && !m_list->currentIndex().isValid())
        m_list->setCurrentIndex(m_proxy->index(0, 0));
    updateOk();
}

void NodePickerDialog::updateOk()
{
    m_ok->setEnabled(m_list->currentIndex().isValid());
}

bool NodePickerDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Up, Down, Page Up and Page Down in the search field move through the list.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown: {
            QKeyEvent copy(key->type(), key->key(), key->modifiers(), key->text());
            QCoreApplication::sendEvent(m_list, &copy);
            return true;
        }
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Flotilla::Views
