// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>
#include <QWidget>

class QFormLayout;
class QLabel;
class QStackedWidget;

namespace Flotilla::Sync {
struct FleetState;
}

namespace Flotilla::Views {

// The right-hand pane: everything known about one device (IDs, serial, owner, groups, firmware
// running / locked / targeted, online, last heard, notes), or a summary of the node or pool
// selected in the tree. Read-only; it shows what the fleet state says, pending edits included.
class DetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailPane)

public:
    explicit DetailPane(QWidget *parent = nullptr);
    ~DetailPane() override;

    struct NodeSummary
    {
        QString title;
        QString kind; // "Customer", "Group", "Pool"
        QString path; // the group name; empty for pools
        QString account;
        int devices = 0;
        int online = 0;
        int offTarget = 0;
        int pending = 0;
        QString firmware; // "v4 ×12, v5 ×3"
        QString release; // "v5" when a version is released to the group
    };

    void showDevice(const Sync::FleetState &state, const QString &deviceId, bool pending);
    void showNode(const NodeSummary &summary);
    void showNothing();

    QString deviceId() const { return m_deviceId; }
    // The text of a field as shown ("serial", "owner", "groups", "firmware", "online",
    // "lastHeard", ...), for tests.
    QString fieldText(const QString &key) const;

private:
    QLabel *addField(QFormLayout *form, const QString &key, const QString &label);
    void set(const QString &key, const QString &text);

    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_deviceTitle = nullptr;
    QLabel *m_nodeTitle = nullptr;
    QHash<QString, QLabel *> m_fields;
    QString m_deviceId;
};

} // namespace Flotilla::Views
