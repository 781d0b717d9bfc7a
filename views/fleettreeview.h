// SPDX-License-Identifier: MIT
#pragma once

#include <QBasicTimer>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QTreeView>

class QMimeData;

namespace Flotilla::Views {

// The fleet tree: drags devices and groups, takes drops from itself and from the device table.
// A drop lands on the row under the cursor (never "between rows"): a customer, a group or a
// pool takes it; anything else is refused, and while the drag hovers the view says why
// (dropHint, and a tooltip at the cursor). An accepted drop becomes the model's
// FleetTreeModel::dropRequested; nothing changes before the window confirms it.
//
// A drag that rests on a collapsed customer, group or pool for hoverExpandDelay() opens it; one
// that rests on an open row leaves it open (QTreeView's own auto-expand would close it, so it
// is off).
class FleetTreeView final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetTreeView)

public:
    explicit FleetTreeView(QWidget *parent = nullptr);
    ~FleetTreeView() override;

    // The row a drop at `pos` (viewport coordinates) lands on, in column 0; invalid when there
    // is no row there.
    QModelIndex dropTargetAt(const QPoint &pos) const;
    int hoverExpandDelay() const { return m_hoverDelayMs; }

Q_SIGNALS:
    // While dragging: what dropping here would do, or why it is refused; an empty text when
    // the drag ends or leaves the view.
    void dropHint(const QString &text, bool allowed);
    // The drag ended over a row that refuses it (the drop is cancelled): why.
    void dropRefused(const QString &reason);
    // A drag rested on `index` (column 0) for hoverExpandDelay(): the row is open now if it has
    // children, whether it was before or not.
    void dragRested(const QModelIndex &index);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void timerEvent(QTimerEvent *event) override;

private:
    // Accepts or ignores the event by the model's verdict, and updates the hint.
    bool judge(QDropEvent *event);
    void endDrag();

    // The payload of the drag being judged: it goes with its QDrag, which is how the end of a
    // drag cancelled over a refusing row is seen (no drop, and no leave event, arrives then).
    QPointer<const QMimeData> m_mime;
    QPersistentModelIndex m_dropTarget;
    bool m_dropAllowed = false;
    QString m_lastHint;
    // The row a drag rests on, and since when (hover expansion).
    QPersistentModelIndex m_hoverRow;
    QBasicTimer m_hoverTimer;
    int m_hoverDelayMs = 700;
};

} // namespace Flotilla::Views
