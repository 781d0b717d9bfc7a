// SPDX-License-Identifier: MIT
#include "views/editcontroller.h"

#include "domain/hierarchy.h"
#include "domain/nodepath.h"
#include "remote/particleclient.h"
#include "sync/outboxops.h"
#include "sync/syncengine.h"
#include "tree/commands.h"
#include "tree/fleettreemodel.h"
#include "tree/moveimpact.h"
#include "views/editcommands.h"
#include "views/fleettreeview.h"
#include "views/logging.h"
#include "views/mainwindow.h"
#include "views/moveconfirmdialog.h"
#include "views/nodedialog.h"
#include "views/nodepickerdialog.h"
#include "views/notesdialog.h"
#include "views/plural.h"

#include <QJsonObject>
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
    , m_client(parts.client)
    , m_tree(parts.tree)
    , m_undoStack(parts.undoStack)
    , m_executor(std::make_unique<ReportingExecutor>(
          parts.executor, [this](const QString &error) { reportRefusal(error); }))
    , m_productId(parts.productId)
{
    // Emitted from inside the view's drop handling: the confirmation opens afterwards.
    connect(m_tree, &Tree::FleetTreeModel::dropRequested, this, &EditController::onDrop,
        Qt::QueuedConnection);
}

EditController::~EditController()
{
    // The commands on the stack refer to this controller's executor.
    m_undoStack->clear();
}

void EditController::setProductClient(const QString &clientId, const QString &clientSecret)
{
    m_clientId = clientId;
    m_clientSecret = clientSecret;
}

void EditController::showError(const QString &message)
{
    Q_EMIT errorOccurred(message);
}

void EditController::showMessage(const QString &message, int timeoutMs)
{
    m_window->statusBar()->showMessage(message, timeoutMs);
}

void EditController::reportRefusal(const QString &error)
{
    m_editRefused = true;
    m_lastRefusal = error;
    Q_EMIT editRefused(error);
}

bool EditController::pushEdit(QUndoCommand *command)
{
    const QString text = command->text();
    m_editRefused = false;
    m_undoStack->push(command); // refused: dropped again, reportRefusal() said why
    if (m_editRefused)
        return false;
    Q_EMIT editApplied(text, QString());
    return true;
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
    pushEdit(new RepairDevicesCommand(m_executor.get(), before, after,
        plural(static_cast<int>(after.size()), tr("Repair 1 device"),
            tr("Repair %n devices", nullptr, static_cast<int>(after.size())))));
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
                                       : tr("%n devices", nullptr, count);
    auto *dialog = new NotesDialog(subject, current, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids, subject] {
        const QString notes = dialog->notes();
        const Sync::FleetState &now = m_engine->state();
        QList<Store::OutboxEntry> redo;
        QList<Store::OutboxEntry> undo;
        const auto value = [](bool has, const QString &text) {
            return has ? QJsonValue(text) : QJsonValue(QJsonValue::Null);
        };
        for (const QString &id : ids) {
            const auto it = now.devices.constFind(id);
            if (it == now.devices.cend())
                continue;
            const QString old = it->hasNotes ? it->notes : QString();
            if (old == notes && it->hasNotes == !notes.isEmpty())
                continue;
            redo.append(Sync::Outbox::updateDevice(
                id, QJsonObject {{QStringLiteral("notes"), value(!notes.isEmpty(), notes)}}));
            undo.append(Sync::Outbox::updateDevice(
                id, QJsonObject {{QStringLiteral("notes"), value(it->hasNotes, it->notes)}}));
        }
        if (redo.isEmpty()) {
            showMessage(tr("The notes are unchanged."), SentNoticeMs);
            return;
        }
        const QString activity = ids.size() == 1 ? ids.constFirst() : subject;
        pushEdit(new GroupEditCommand(m_engine, QStringLiteral("update device"), activity, redo,
            undo, tr("Edit notes of %1").arg(subject),
            [this](const QString &error) { reportRefusal(error); }));
    });
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

void EditController::requestMoveDevices(
    const QStringList &deviceIds, const Domain::MoveTarget &target)
{
    const Sync::FleetState &state = m_engine->state();
    const Tree::MoveImpact impact = Tree::computeMoveImpact(state, deviceIds, target);
    const Domain::Hierarchy hierarchy = state.hierarchy();
    const QString where = Tree::targetLabel(hierarchy, target);
    if (impact.devices.isEmpty()) {
        showError(tr("Nothing to move: the devices are no longer in the fleet."));
        return;
    }
    if (impact.alreadyThere == impact.devices.size()) {
        showMessage(
            tr("Already in %1: nothing to move.", nullptr, impact.alreadyThere).arg(where), 8000);
        return;
    }
    if (!impact.needsConfirmation) {
        applyMoveDevices(deviceIds, target);
        return;
    }
    MovePreview preview;
    preview.headline = plural(static_cast<int>(impact.devices.size()), tr("Move 1 device to %1?"),
        tr("Move %n devices to %1?", nullptr, static_cast<int>(impact.devices.size())))
                           .arg(where);
    preview.impact = impact;
    for (const Tree::DeviceMoveImpact &d : impact.devices)
        preview.deviceNames.insert(d.deviceId, state.devices.value(d.deviceId).name);
    auto *dialog = new MoveConfirmDialog(preview, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
        [this, deviceIds, target] { applyMoveDevices(deviceIds, target); });
    dialog->open();
}

void EditController::applyMoveDevices(
    const QStringList &deviceIds, const Domain::MoveTarget &target)
{
    auto command
        = Tree::MoveDevicesCommand::create(m_executor.get(), m_engine->state(), deviceIds, target);
    if (command->deviceIds().isEmpty())
        return;
    if (pushEdit(command.release()))
        qCInfo(lcViews) << "move:" << deviceIds.size() << "devices";
}

void EditController::requestMoveNode(const QString &path, const QString &newParentPath)
{
    const Sync::FleetState &state = m_engine->state();
    QString error;
    const auto command = Tree::MoveNodeCommand::move(
        m_executor.get(), state, path, newParentPath, QString(), &error);
    if (!command) {
        showError(error);
        return;
    }
    const Domain::Hierarchy hierarchy = state.hierarchy();
    MovePreview preview;
    const Domain::Node *node = hierarchy.node(path);
    preview.headline
        = tr("Move %1 with everything under it to %2?")
              .arg(node ? node->title : path,
                  Tree::targetLabel(hierarchy, Domain::MoveTarget::node(newParentPath)));
    preview.impact = subtreeImpact(state, command->edit());
    preview.renames = command->edit().renames;
    for (const QString &id : command->edit().deviceIds)
        preview.deviceNames.insert(id, state.devices.value(id).name);
    auto *dialog = new MoveConfirmDialog(preview, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
        [this, path, newParentPath] { applyMoveNode(path, newParentPath); });
    dialog->open();
}

void EditController::applyMoveNode(const QString &path, const QString &newParentPath)
{
    QString error;
    auto command = Tree::MoveNodeCommand::move(
        m_executor.get(), m_engine->state(), path, newParentPath, QString(), &error);
    if (!command) {
        showError(error);
        return;
    }
    const QString newPath = Domain::childPath(newParentPath, Domain::lastSlug(path));
    if (pushEdit(command.release()))
        m_window->selectNode(newPath);
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
    auto *picker = new NodePickerDialog(hierarchy,
        plural(static_cast<int>(ids.size()), tr("Move 1 device to:"),
            tr("Move %n devices to:", nullptr, static_cast<int>(ids.size()))),
        {}, m_window);
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
        if (!r.createAccount || !m_client) {
            pushNodeCreation(r.path, r.title, r.account);
            return;
        }
        // Replaced by the answer; the timeout only bounds a request that never ends.
        const QString asking = tr("Creating the customer account %1…").arg(r.account);
        showMessage(asking, AccountRequestNoticeMs);
        m_client->createCustomer(m_productId, r.account, true, QString(), m_clientId,
            m_clientSecret, this, [this, r, asking](Remote::Result<QJsonObject> result) {
                // The answer carries the customer's token: it is not kept anywhere.
                const auto finish
                    = [this, r, asking](bool created, bool exists, const QString &error) {
                          if (m_window->statusBar()->currentMessage() == asking)
                              m_window->statusBar()->clearMessage();
                          if (!created && !exists) {
                              showError(tr("The customer account %1 could not be created, so the "
                                           "customer was not created either: %2")
                                            .arg(r.account, error));
                              return;
                          }
                          pushNodeCreation(r.path, r.title, r.account,
                              exists ? tr("The customer account %1 already exists.").arg(r.account)
                                     : tr("Customer account %1 created.").arg(r.account));
                      };
                const bool unknown = result.error.kind == Remote::ApiError::Kind::Malformed
                    || result.error.isTransient();
                if (result.ok()
                    || (result.error.kind != Remote::ApiError::Kind::BadRequest && !unknown))
                    return finish(result.ok(), false, result.error.message);
                // Refused: because the account exists already? Particle documents no code for
                // it, so the product's customers are read rather than the message. (The same
                // when the answer could not be read: it may have been created.)
                m_client->listCustomers(m_productId, this,
                    [finish, account = r.account, refusal = result.error.message](
                        Remote::Result<QList<Domain::Customer>> customers) {
                        const bool exists = customers.ok()
                            && std::any_of(customers.value->cbegin(), customers.value->cend(),
                                [&](const Domain::Customer &c) {
                                    return c.username.compare(account, Qt::CaseInsensitive) == 0;
                                });
                        finish(false, exists, refusal);
                    });
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
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const NodeDialog::Result r = dialog->result();
        pushNodeCreation(r.path, r.title, QString());
    });
    dialog->open();
}

void EditController::pushNodeCreation(
    const QString &path, const QString &title, const QString &account, const QString &prefix)
{
    Domain::NodeTag tag;
    tag.kind = Domain::pathDepth(path) == 1 ? Domain::NodeKind::Customer : Domain::NodeKind::Group;
    tag.title = title;
    if (!account.isEmpty())
        tag.attributes.insert(Domain::AccountAttribute, account);
    Domain::Group group;
    group.name = path;
    group.description = Domain::formatDescription(tag);
    const QString text = tag.kind == Domain::NodeKind::Customer
        ? tr("Create customer %1").arg(title)
        : tr("Create group %1").arg(title);
    m_editRefused = false;
    m_undoStack->push(new GroupEditCommand(m_engine, QStringLiteral("create group"), path,
        {Sync::Outbox::createGroup(group)}, {Sync::Outbox::deleteGroup(path)}, text,
        [this](const QString &error) { reportRefusal(error); }));
    if (m_editRefused) {
        if (!prefix.isEmpty())
            showError(tr("%1 The customer was not created: %2").arg(prefix, m_lastRefusal));
        return;
    }
    Q_EMIT editApplied(text, prefix);
    m_window->selectNode(path);
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
        const Sync::FleetState &state = m_engine->state();
        const Domain::Hierarchy hierarchy = state.hierarchy();
        const Domain::Node *node = hierarchy.node(path);
        if (!node)
            return showError(tr("That customer or group is not in the tree any more."));
        const bool titleChanged = r.title != node->title;
        const bool slugChanged = r.path != path;
        std::unique_ptr<Tree::MoveNodeCommand> rename;
        if (slugChanged) {
            QString error;
            rename = Tree::MoveNodeCommand::rename(m_executor.get(), state, path, r.slug, &error);
            if (!rename)
                return showError(error);
        }
        const ErrorReporter reporter = [this](const QString &error) { reportRefusal(error); };
        m_editRefused = false;
        m_undoStack->beginMacro(tr("Rename %1").arg(node->title));
        if (titleChanged) {
            const QString oldDescription = state.groups.value(path).description;
            Domain::NodeTag tag = Domain::parseDescription(oldDescription)
                                      .value_or(Domain::NodeTag {node->kind, node->title, {}});
            if (!node->account.isEmpty())
                tag.attributes.insert(Domain::AccountAttribute, node->account);
            tag.title = r.title;
            const QString description = Domain::formatDescription(tag);
            m_undoStack->push(new GroupEditCommand(m_engine, QStringLiteral("update group"), path,
                {Sync::Outbox::updateGroup(
                    path, QJsonObject {{QStringLiteral("description"), description}})},
                {Sync::Outbox::updateGroup(
                    path, QJsonObject {{QStringLiteral("description"), oldDescription}})},
                tr("Retitle %1").arg(node->title), reporter));
        }
        if (rename)
            m_undoStack->push(rename.release());
        m_undoStack->endMacro();
        if (m_editRefused)
            return;
        Q_EMIT editApplied(tr("Rename %1").arg(node->title), QString());
        m_window->selectNode(r.path);
    });
    dialog->open();
}

void EditController::deleteNode()
{
    const QString path = currentNodePath();
    if (path.isEmpty())
        return;
    const Sync::FleetState &state = m_engine->state();
    const Domain::Hierarchy hierarchy = state.hierarchy();
    const Domain::Node *node = hierarchy.node(path);
    if (!node)
        return;
    const QStringList subtree = hierarchy.subtree(path);
    QStringList devices;
    for (auto it = state.devices.cbegin(); it != state.devices.cend(); ++it) {
        const Domain::Placement p = Domain::placeDevice(it->groups, hierarchy);
        if (p.kind == Domain::PlacementKind::Node && Domain::isAncestorOrSelf(path, p.path))
            devices.append(it.key());
    }
    devices.sort();
    const QString title = node->title;
    const int deviceCount = static_cast<int>(devices.size());
    const int groupCount = static_cast<int>(subtree.size());
    QStringList sentences;
    if (devices.isEmpty()) {
        sentences.append(tr("Delete %1? It has no devices.").arg(title));
    } else {
        sentences.append(plural(deviceCount, tr("Delete %1? Its device goes to Unassigned."),
            tr("Delete %1? Its %n devices go to Unassigned.", nullptr, deviceCount))
                             .arg(title));
        const QString account = Domain::accountOf(path, hierarchy);
        if (!account.isEmpty())
            sentences.append(plural(deviceCount, tr("It is released from the customer account %1."),
                tr("They are released from the customer account %1."))
                                 .arg(account));
    }
    sentences.append(plural(groupCount, tr("1 Particle group is deleted."),
        tr("%n Particle groups are deleted.", nullptr, groupCount)));
    const QHash<QString, int> released = state.releasedVersionByGroup();
    QStringList withRelease;
    for (const QString &g : subtree) {
        if (released.contains(g))
            withRelease.append(g);
    }
    if (!withRelease.isEmpty())
        sentences.append(tr("The firmware released to %1 is not restored by Undo.")
                             .arg(withRelease.join(QStringLiteral(", "))));
    const QString text = sentences.join(QLatin1Char(' '));
    auto *box = new QMessageBox(QMessageBox::Warning,
        node->kind == Domain::NodeKind::Customer ? tr("Delete customer") : tr("Delete group"), text,
        QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    QPushButton *remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this,
        [this, box, remove, path, subtree, devices, title](QAbstractButton *clicked) {
            Q_UNUSED(box)
            if (clicked != remove)
                return;
            const Sync::FleetState &now = m_engine->state();
            QList<Store::OutboxEntry> deletes;
            QList<Store::OutboxEntry> recreates;
            for (auto it = subtree.crbegin(); it != subtree.crend(); ++it)
                deletes.append(Sync::Outbox::deleteGroup(*it));
            for (const QString &g : subtree) {
                if (now.groups.contains(g))
                    recreates.append(Sync::Outbox::createGroup(now.groups.value(g)));
            }
            m_editRefused = false;
            m_undoStack->beginMacro(tr("Delete %1").arg(title));
            if (!devices.isEmpty())
                m_undoStack->push(Tree::MoveDevicesCommand::create(
                    m_executor.get(), now, devices, Domain::MoveTarget::unassigned())
                                      .release());
            m_undoStack->push(new GroupEditCommand(m_engine, QStringLiteral("delete group"), path,
                deletes, recreates, tr("Delete %1").arg(title),
                [this](const QString &error) { reportRefusal(error); }));
            m_undoStack->endMacro();
            if (!m_editRefused)
                Q_EMIT editApplied(tr("Delete %1").arg(title), QString());
        });
    box->open();
}

} // namespace Flotilla::Views
