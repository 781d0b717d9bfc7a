// SPDX-License-Identifier: MIT
#include "views/editcommands.h"

#include "domain/text.h"
#include "sync/syncengine.h"
#include "views/logging.h"

#include <QCoreApplication>

namespace Flotilla::Views {

namespace { } // namespace

ReportingExecutor::ReportingExecutor(Tree::MoveExecutor *inner, ErrorReporter reporter)
    : m_inner(inner)
    , m_reporter(std::move(reporter))
{ }

ReportingExecutor::~ReportingExecutor() = default;

QString ReportingExecutor::report(const QString &error) const
{
    if (!error.isEmpty()) {
        qCInfo(lcViews) << "edit refused:" << error;
        if (m_reporter)
            m_reporter(error);
    }
    return error;
}

QString ReportingExecutor::moveDevices(
    const QStringList &deviceIds, const Domain::MoveTarget &target)
{
    return report(m_inner->moveDevices(deviceIds, target));
}

QString ReportingExecutor::setDeviceGroups(const QHash<QString, QStringList> &groupsByDevice)
{
    return report(m_inner->setDeviceGroups(groupsByDevice));
}

QString ReportingExecutor::changeSubtree(const Tree::SubtreeEdit &edit)
{
    return report(m_inner->changeSubtree(edit));
}

GroupEditCommand::GroupEditCommand(Sync::SyncEngine *engine, const QString &action,
    const QString &subject, const QList<Store::OutboxEntry> &redoEntries,
    const QList<Store::OutboxEntry> &undoEntries, const QString &text, ErrorReporter reporter,
    QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_engine(engine)
    , m_action(action)
    , m_subject(subject)
    , m_redo(redoEntries)
    , m_undo(undoEntries)
    , m_reporter(std::move(reporter))
{ }

GroupEditCommand::~GroupEditCommand() = default;

void GroupEditCommand::run(const QString &action, const QList<Store::OutboxEntry> &entries)
{
    if (!m_engine)
        m_error = Text::tr("The fleet is not available");
    else if (entries.isEmpty())
        m_error.clear();
    else
        m_error = m_engine->applyEdit(action, m_subject, entries);
    if (!m_error.isEmpty() && m_reporter)
        m_reporter(m_error);
    setObsolete(!m_error.isEmpty());
}

void GroupEditCommand::redo()
{
    run(m_action, m_redo);
}

void GroupEditCommand::undo()
{
    run(QStringLiteral("undo ") + m_action, m_undo);
}

RepairDevicesCommand::RepairDevicesCommand(Tree::MoveExecutor *executor,
    const QHash<QString, QStringList> &before, const QHash<QString, QStringList> &after,
    const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_executor(executor)
    , m_before(before)
    , m_after(after)
{ }

RepairDevicesCommand::~RepairDevicesCommand() = default;

void RepairDevicesCommand::redo()
{
    setObsolete(!m_executor->setDeviceGroups(m_after).isEmpty());
}

void RepairDevicesCommand::undo()
{
    setObsolete(!m_executor->setDeviceGroups(m_before).isEmpty());
}

} // namespace Flotilla::Views
