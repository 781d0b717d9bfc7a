// SPDX-License-Identifier: MIT
#include "views/fleettreeview.h"

#include "tree/fleettreemodel.h"
#include "views/logging.h"

#include <QDragMoveEvent>
#include <QHeaderView>
#include <QMimeData>
#include <QPainter>
#include <QTimerEvent>
#include <QToolTip>

namespace Flotilla::Views {

FleetTreeView::FleetTreeView(QWidget *parent)
    : QTreeView(parent)
{
    setObjectName(QStringLiteral("fleetTree"));
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setDragEnabled(true);
    setAcceptDrops(true);
    // The target row is outlined by paintEvent(): Qt's indicator would show "between rows".
    setDropIndicatorShown(false);
    // Expanding on hover is done here, open-only (timerEvent).
    setAutoExpandDelay(-1);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(false);
}

FleetTreeView::~FleetTreeView()
{
    // The drag's payload may outlive the view (its QDrag is deleted later, as the view's
    // child): its destruction must not reach this half-destroyed view.
    if (m_mime)
        disconnect(m_mime, nullptr, this, nullptr);
}

QModelIndex FleetTreeView::dropTargetAt(const QPoint &pos) const
{
    const QModelIndex index = indexAt(pos);
    return index.isValid() ? index.siblingAtColumn(0) : QModelIndex();
}

void FleetTreeView::dragEnterEvent(QDragEnterEvent *event)
{
    QTreeView::dragEnterEvent(event);
    judge(event);
    // A widget that ignores the enter gets no moves: our items are always let in, so that the
    // moves (which follow at once and decide) can say why a row refuses them.
    if (event->mimeData()->hasFormat(Tree::ItemsMimeType)) {
        event->setDropAction(Qt::MoveAction);
        event->accept();
    }
}

void FleetTreeView::dragMoveEvent(QDragMoveEvent *event)
{
    QTreeView::dragMoveEvent(event); // auto-scroll
    const QModelIndex row = dropTargetAt(event->position().toPoint());
    if (QPersistentModelIndex(row) != m_hoverRow) {
        m_hoverRow = row;
        if (row.isValid())
            m_hoverTimer.start(m_hoverDelayMs, this);
        else
            m_hoverTimer.stop();
    }
    judge(event);
}

void FleetTreeView::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_hoverTimer.timerId()) {
        QTreeView::timerEvent(event);
        return;
    }
    m_hoverTimer.stop();
    const QModelIndex row = m_hoverRow;
    if (!row.isValid())
        return;
    if (model()->hasChildren(row) && !isExpanded(row))
        expand(row);
    Q_EMIT dragRested(row);
}

void FleetTreeView::dragLeaveEvent(QDragLeaveEvent *event)
{
    QTreeView::dragLeaveEvent(event);
    endDrag();
}

void FleetTreeView::dropEvent(QDropEvent *event)
{
    const QModelIndex target = dropTargetAt(event->position().toPoint());
    if (judge(event) && model()->dropMimeData(event->mimeData(), Qt::MoveAction, -1, -1, target)) {
        event->setDropAction(Qt::MoveAction);
        event->accept();
    } else {
        event->ignore();
    }
    stopAutoScroll();
    setState(NoState);
    endDrag();
}

void FleetTreeView::paintEvent(QPaintEvent *event)
{
    QTreeView::paintEvent(event);
    if (!m_dropTarget.isValid() || state() != DraggingState)
        return;
    QRect rect = visualRect(m_dropTarget);
    rect.setLeft(0);
    rect.setRight(viewport()->width() - 1);
    QPainter painter(viewport());
    QColor color = m_dropAllowed ? palette().color(QPalette::Highlight) : QColor(Qt::red);
    painter.setPen(QPen(color, 2));
    painter.drawRect(rect.adjusted(1, 1, -1, -1));
}

bool FleetTreeView::judge(QDropEvent *event)
{
    const auto *fleet = qobject_cast<const Tree::FleetTreeModel *>(model());
    if (!fleet)
        return false;
    if (event->mimeData() != m_mime) {
        m_mime = event->mimeData();
        connect(m_mime, &QObject::destroyed, this, [this] {
            m_hoverTimer.stop();
            if (m_dropTarget.isValid())
                endDrag();
        });
    }
    const QPoint pos = event->position().toPoint();
    const QModelIndex target = dropTargetAt(pos);
    const Tree::DropVerdict verdict = fleet->verdict(event->mimeData(), target);
    if (verdict.allowed) {
        event->setDropAction(Qt::MoveAction);
        event->accept();
    } else {
        event->ignore();
    }
    if (QPersistentModelIndex(target) != m_dropTarget || verdict.allowed != m_dropAllowed) {
        m_dropTarget = target;
        m_dropAllowed = verdict.allowed;
        viewport()->update();
    }
    const QString text = verdict.allowed
        ? tr("Move to %1").arg(target.data(Tree::TitleRole).toString())
        : verdict.reason;
    if (text != m_lastHint) {
        qCDebug(lcViews) << "drop hint at" << pos << target.data(Tree::TitleRole).toString() << ":"
                         << text;
        m_lastHint = text;
        if (verdict.allowed)
            QToolTip::hideText();
        else
            QToolTip::showText(viewport()->mapToGlobal(pos), text, viewport());
        Q_EMIT dropHint(text, verdict.allowed);
    }
    return verdict.allowed;
}

void FleetTreeView::endDrag()
{
    m_hoverTimer.stop();
    m_hoverRow = QPersistentModelIndex();
    const QString refusal = m_dropTarget.isValid() && !m_dropAllowed ? m_lastHint : QString();
    qCDebug(lcViews) << "drag ended; refused:" << refusal;
    m_dropTarget = QPersistentModelIndex();
    m_dropAllowed = false;
    m_lastHint.clear();
    QToolTip::hideText();
    viewport()->update();
    Q_EMIT dropHint(QString(), false);
    if (!refusal.isEmpty())
        Q_EMIT dropRefused(refusal);
}

} // namespace Flotilla::Views
