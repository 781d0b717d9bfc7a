// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Flotilla::Sync {
class SyncEngine;
}
namespace Flotilla::Tree {
class ActivityFilterModel;
class ActivityModel;
} // namespace Flotilla::Tree

namespace Flotilla::Views {

// View › Activity: the activity log of the cache, newest first, following new lines as they are
// written (by this console, an import, flotillactl, the rollouts and the sync). Who, when, what,
// how many devices, from → to, the result and the requests it took; a filter by source and by
// result, a search over every column, and Export… of the lines shown to a CSV file.
class ActivityWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityWindow)

public:
    explicit ActivityWindow(Sync::SyncEngine *engine, QWidget *parent = nullptr);
    ~ActivityWindow() override;

    Tree::ActivityModel *model() const { return m_model; }
    Tree::ActivityFilterModel *filter() const { return m_filter; }

    // Writes the lines shown (filtered and searched) to `path` as CSV; empty when written,
    // else why not (and nothing is left half-written there).
    QString exportTo(const QString &path);

private:
    void chooseExportFile();
    void updateCount();

    Tree::ActivityModel *m_model = nullptr;
    Tree::ActivityFilterModel *m_filter = nullptr;
    QComboBox *m_source = nullptr;
    QComboBox *m_result = nullptr;
    QLineEdit *m_search = nullptr;
    QPushButton *m_export = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_count = nullptr;
};

} // namespace Flotilla::Views
