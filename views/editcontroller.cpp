// SPDX-License-Identifier: MIT
#include "views/editcontroller.h"

#include "domain/hierarchy.h"
#include "domain/nodepath.h"
#include "edit/accountservice.h"
#include "edit/fleeteditor.h"
#include "sync/importoutcome.h"
#include "sync/syncengine.h"
#include "tree/fleettreemodel.h"
#include "views/fleettreeview.h"
#include "views/importdialog.h"
#include "views/logging.h"
#include "views/mainwindow.h"
#include "views/moveconfirmdialog.h"
#include "views/nodedialog.h"
#include "views/nodepickerdialog.h"
#include "views/notesdialog.h"

#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QUndoStack>

#include <algorithm>

namespace Flotilla::Views {

namespace {

using Tree::ItemKind;

ItemKind kindOf(const QModelIndex &index)
{
    return static_cast<ItemKind>(index.data(Tree::KindRole).toInt());
}

// How long status messages stay (as the window's own).
constexpr int SentNoticeMs = 8000;
constexpr int AccountRequestNoticeMs = 60000; // replaced by the answer

} // namespace

EditController::EditController(const Parts &parts, MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_engine(parts.engine)
    , m_editor(parts.editor)
    , m_tree(parts.tree)
{
    // Emitted from inside the view's drop handling: the confirmation opens afterwards.
    connect(m_tree, &Tree::FleetTreeModel::dropRequested, this, &EditController::onDrop,
        Qt::QueuedConnection);
    // Refusals of edits, and of their undo and redo.
    connect(m_editor, &Edit::FleetEditor::refused, this, &EditController::editRefused);
    connect(m_engine, &Sync::SyncEngine::importFinished, this, &EditController::importFinished);
}

EditController::~EditController() = default;

void EditController::setProductClient(const QString &clientId, const QString &clientSecret)
{
    if (Edit::AccountService *accounts = m_editor->accountService())
        accounts->setProductClient(clientId, clientSecret);
}

bool EditController::hasProductClient() const
{
    return m_editor->accountService() && m_editor->accountService()->canCreateAccounts();
}

void EditController::showError(const QString &message)
{
    Q_EMIT errorOccurred(message);
}

void EditController::showMessage(const QString &message, int timeoutMs)
{
    m_window->statusBar()->showMessage(message, timeoutMs);
}

QString EditController::currentNodePath() const
{
    const QModelIndex current = m_window->treeView()->currentIndex().siblingAtColumn(0);
    const ItemKind kind = kindOf(current);
    return current.isValid() && (kind == ItemKind::Customer || kind == ItemKind::Group)
        ? current.data(Tree::NodePathRole).toString()
        : QString();
}

void EditController::repairDevices(
    const QHash<QString, QStringList> &before, const QHash<QString, QStringList> &after)
{
    Q_UNUSED(before)
    applyPlan(m_editor->planRepair(after.keys()));
}

void EditController::editNotes()
{
    const Sync::FleetState &state = m_engine->state();
    QStringList ids;
    for (const QString &id : m_window->selectedDeviceIds()) {
        if (state.devices.contains(id))
            ids.append(id);
    }
    if (ids.isEmpty()) {
        showError(tr("Select the devices whose notes to edit."));
        return;
    }
    QStringList current;
    for (const QString &id : std::as_const(ids)) {
        const Domain::Device d = state.devices.value(id);
        current.append(d.hasNotes ? d.notes : QString());
    }
    const int count = static_cast<int>(ids.size());
    const Domain::Device first = state.devices.value(ids.constFirst());
    const QString subject = count == 1 ? (first.name.isEmpty() ? first.id : first.name)
                                       : tr("%Ln devices", nullptr, count);
    auto *dialog = new NotesDialog(subject, current, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
        [this, dialog, ids] { applyPlan(m_editor->planDeviceNotes(ids, dialog->notes())); });
    dialog->open();
}

void EditController::onDrop(const Tree::DropRequest &request)
{
    switch (request.operation) {
    case Tree::DropOperation::MoveDevices:
        requestMoveDevices(request.deviceIds(), request.moveTarget);
        break;
    case Tree::DropOperation::MoveSubtree:
        if (!request.items.isEmpty())
            requestMoveNode(request.items.constFirst().id, request.newParentPath);
        break;
    case Tree::DropOperation::None:
        break;
    }
}

void EditController::importFile(const QString &path)
{
    if (m_importDialog) {
        m_importDialog->raise();
        m_importDialog->activateWindow();
        return;
    }
    auto *dialog = new ImportDialog(m_editor, m_engine->state().hierarchy(), path, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_importDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Edit::FleetEditor::ImportPreview &preview = dialog->preview();
        // A refusal was said by the editor (refused()).
        if (!m_editor->applyImport(preview, dialog->onlyValidRows()).isEmpty())
            return;
        const int skipped = dialog->onlyValidRows() ? preview.rows.errorCount() : 0;
        Q_EMIT editApplied(preview.edit.text,
            skipped == 0 ? QString() : tr("%Ln rows with errors were left out.", nullptr, skipped));
    });
    dialog->open();
}

QDialog *EditController::importDialog() const
{
    return m_importDialog;
}

void EditController::importFinished(const Sync::ImportOutcome &outcome)
{
    // Row by row, as the file had them: the rows Particle refused, and the rows it took that
    // could not be placed.
    const QList<Edit::FleetEditor::ImportRowReport> reports = m_editor->importReports(outcome);
    if (reports.isEmpty())
        return;
    QStringList text;
    for (const Edit::FleetEditor::ImportRowReport &r : reports)
        text.append(tr("Row %1 (%2): %3").arg(r.row).arg(r.identifier, r.reason));
    const int n = static_cast<int>(reports.size());
    const QString headline = tr("Particle did not take %Ln devices of the import.", nullptr, n);
    showError(headline);
    auto *box
        = new QMessageBox(QMessageBox::Warning, tr("Import"), headline, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("importRefusedBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("The other rows were imported. Correct these rows in the file "
                               "and import it again:"));
    box->setDetailedText(text.join(u'\n'));
    box->open();
}

bool EditController::applyPlan(const Edit::EditPlan &plan, const QString &prefix)
{
    if (plan.isRefused()) {
        showError(plan.error);
        return false;
    }
    if (plan.isEmpty()) {
        showMessage(plan.notice, SentNoticeMs);
        return false;
    }
    // A refusal now was said by the editor (refused()).
    if (!m_editor->apply(plan).isEmpty())
        return false;
    Q_EMIT editApplied(plan.text, prefix);
    return true;
}

void EditController::requestMoveDevices(
    const QStringList &deviceIds, const Domain::MoveTarget &target)
{
    const Edit::EditPlan plan = m_editor->planMoveDevices(deviceIds, target);
    if (!plan.canApply() || !plan.needsConfirmation) {
        if (applyPlan(plan))
            qCInfo(lcViews) << "move:" << plan.deviceIds.size() << "devices";
        return;
    }
    const Sync::FleetState &state = m_engine->state();
    const int count = static_cast<int>(plan.impact.devices.devices.size());
    MovePreview preview;
    preview.headline = tr("Move %Ln devices to %1?", nullptr, count)
                           .arg(Edit::targetLabel(state.hierarchy(), target));
    preview.impact = plan.impact.devices;
    for (const Edit::DeviceMoveImpact &d : plan.impact.devices.devices)
        preview.deviceNames.insert(d.deviceId, state.devices.value(d.deviceId).name);
    auto *dialog = new MoveConfirmDialog(preview, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, deviceIds, target] {
        // Planned again: the fleet may have changed while the dialog was open.
        const Edit::EditPlan again = m_editor->planMoveDevices(deviceIds, target);
        if (applyPlan(again))
            qCInfo(lcViews) << "move:" << again.deviceIds.size() << "devices";
    });
    dialog->open();
}

void EditController::requestMoveNode(const QString &path, const QString &newParentPath)
{
    const Edit::EditPlan plan = m_editor->planMoveNode(path, newParentPath);
    if (plan.isRefused()) {
        showError(plan.error);
        return;
    }
    const Sync::FleetState &state = m_engine->state();
    const Domain::Hierarchy hierarchy = state.hierarchy();
    MovePreview preview;
    const Domain::Node *node = hierarchy.node(path);
    preview.headline
        = tr("Move %1 with everything under it to %2?")
              .arg(node ? node->title : path,
                  Edit::targetLabel(hierarchy, Domain::MoveTarget::node(newParentPath)));
    preview.impact = plan.impact.devices;
    preview.renames = plan.impact.renames;
    for (const QString &id : plan.deviceIds)
        preview.deviceNames.insert(id, state.devices.value(id).name);
    auto *dialog = new MoveConfirmDialog(preview, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, path, newParentPath] {
        const Edit::EditPlan again = m_editor->planMoveNode(path, newParentPath);
        if (applyPlan(again))
            m_window->selectNode(again.newPath);
    });
    dialog->open();
}

void EditController::showMoveToPicker()
{
    const QStringList ids = m_window->selectedDeviceIds();
    const Domain::Hierarchy &hierarchy = m_tree->hierarchy();
    if (ids.isEmpty()) {
        const QModelIndex current = m_window->treeView()->currentIndex().siblingAtColumn(0);
        if (kindOf(current) != ItemKind::Group || !current.isValid()) {
            showError(tr("Select devices (or a group) to move first."));
            return;
        }
        const QString path = current.data(Tree::NodePathRole).toString();
        NodePickerDialog::Options options;
        options.includePools = false;
        options.excludeSubtree = path;
        auto *picker = new NodePickerDialog(hierarchy,
            tr("Move %1 with everything under it to:")
                .arg(current.data(Tree::TitleRole).toString()),
            options, m_window);
        picker->setAttribute(Qt::WA_DeleteOnClose);
        connect(picker, &QDialog::accepted, this, [this, picker, path] {
            if (const auto target = picker->target())
                requestMoveNode(path, target->path);
        });
        picker->open();
        return;
    }
    auto *picker = new NodePickerDialog(
        hierarchy, tr("Move %Ln devices to:", nullptr, static_cast<int>(ids.size())), {}, m_window);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this, [this, picker, ids] {
        if (const auto target = picker->target())
            requestMoveDevices(ids, *target);
    });
    picker->open();
}

namespace {

NodeDialog::Context dialogContext(const Sync::FleetState &state, bool canCreateAccounts)
{
    NodeDialog::Context context;
    context.hierarchy = state.hierarchy();
    for (const Domain::Customer &c : state.customers)
        context.customerAccounts.insert(c.username.toLower());
    // Accounts already linked to a customer node exist too.
    for (const Domain::Node &n : context.hierarchy.nodes()) {
        if (!n.account.isEmpty())
            context.customerAccounts.insert(n.account.toLower());
    }
    context.canCreateAccounts = canCreateAccounts;
    return context;
}

} // namespace

void EditController::newCustomer()
{
    auto *dialog = new NodeDialog(NodeDialog::Mode::NewCustomer,
        dialogContext(m_engine->state(), hasProductClient()), QString(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const NodeDialog::Result r = dialog->result();
        const Edit::EditPlan plan = m_editor->planCreateNode(
            QString(), r.slug, r.title, r.account, r.createAccount && hasProductClient());
        if (!plan.createAccount || !plan.canApply()) {
            if (applyPlan(plan))
                m_window->selectNode(plan.newPath);
            return;
        }
        // Replaced by the answer; the timeout only bounds a request that never ends.
        const QString asking = tr("Creating the customer account %1…").arg(r.account);
        showMessage(asking, AccountRequestNoticeMs);
        m_editor->applyWithAccount(
            plan, this, [this, plan, asking](const Edit::FleetEditor::Outcome &outcome) {
                if (m_window->statusBar()->currentMessage() == asking)
                    m_window->statusBar()->clearMessage();
                if (!outcome.applied) {
                    showError(outcome.error);
                    return;
                }
                Q_EMIT editApplied(plan.text, outcome.prefix);
                m_window->selectNode(plan.newPath);
            });
    });
    dialog->open();
}

void EditController::newGroup()
{
    const QString parentPath = currentNodePath();
    if (parentPath.isEmpty()) {
        showError(tr("Select the customer or group to create the group under."));
        return;
    }
    auto *dialog = new NodeDialog(
        NodeDialog::Mode::NewGroup, dialogContext(m_engine->state(), false), parentPath, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, parentPath] {
        const NodeDialog::Result r = dialog->result();
        const Edit::EditPlan plan = m_editor->planCreateNode(parentPath, r.slug, r.title);
        if (applyPlan(plan))
            m_window->selectNode(plan.newPath);
    });
    dialog->open();
}

void EditController::renameNode()
{
    const QString path = currentNodePath();
    if (path.isEmpty())
        return;
    auto *dialog = new NodeDialog(
        NodeDialog::Mode::Rename, dialogContext(m_engine->state(), false), path, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, path] {
        const NodeDialog::Result r = dialog->result();
        const Edit::EditPlan plan = m_editor->planRenameNode(path, r.title, r.slug);
        if (applyPlan(plan))
            m_window->selectNode(plan.newPath);
    });
    dialog->open();
}

void EditController::deleteNode()
{
    const QString path = currentNodePath();
    if (path.isEmpty())
        return;
    const Edit::EditPlan plan = m_editor->planDeleteNode(path);
    if (plan.isRefused())
        return;
    const QString &title = plan.title;
    const int deviceCount = static_cast<int>(plan.deviceIds.size());
    const int groupCount = static_cast<int>(plan.impact.deletedNodes.size());
    QStringList sentences;
    if (deviceCount == 0) {
        sentences.append(tr("Delete %1? It has no devices.").arg(title));
    } else {
        sentences.append(
            tr("Delete %1? Its %Ln devices go to Unassigned.", nullptr, deviceCount).arg(title));
        if (!plan.account.isEmpty())
            sentences.append(
                tr("They are released from the customer account %1.", nullptr, deviceCount)
                    .arg(plan.account));
    }
    sentences.append(tr("%Ln Particle groups are deleted.", nullptr, groupCount));
    if (!plan.impact.releasesLost.isEmpty())
        sentences.append(tr("The firmware released to %1 is not restored by Undo.")
                             .arg(plan.impact.releasesLost.join(QStringLiteral(", "))));
    auto *box = new QMessageBox(QMessageBox::Warning,
        Domain::pathDepth(path) == 1 ? tr("Delete customer") : tr("Delete group"),
        sentences.join(QLatin1Char(' ')), QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    QPushButton *remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, path](QAbstractButton *clicked) {
        if (clicked == remove)
            applyPlan(m_editor->planDeleteNode(path));
    });
    box->open();
}

} // namespace Flotilla::Views
