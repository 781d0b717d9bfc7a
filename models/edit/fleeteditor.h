// SPDX-License-Identifier: MIT
#pragma once

#include "domain/moves.h"
#include "edit/commands.h"
#include "edit/importplan.h"
#include "edit/moveimpact.h"
#include "store/changes.h"
#include "sync/outboxops.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QUndoStack;

namespace Flotilla::Sync {
class SyncEngine;
struct ImportOutcome;
} // namespace Flotilla::Sync

namespace Flotilla::Edit {

class AccountService;

// Everything an edit will do, shown before it is applied.
struct EditImpact
{
    MoveImpact devices; // owners and firmware targets that change, device by device
    QList<Domain::GroupRename> renames; // Particle groups renamed (a node moved or renamed)
    QStringList createdNodes; // title paths of the customers and groups created
    QStringList deletedNodes; // title paths of the customers and groups deleted
    QStringList releasesLost; // deleted nodes with a firmware release (Undo does not restore it)
    int devicesRenamed = 0;
    int notesChanged = 0;
    // Devices imported into the product, and of those the ones a linked customer's account
    // will claim once they are placed.
    int devicesImported = 0;
    int importClaims = 0;
    // Requests to the cloud it takes: one per entry, two for a group change that both adds
    // and removes groups (customer tokens and read-backs aside).
    int requests = 0;
};

// One device of a batch: any of a move, a new name, new notes (empty notes: none).
struct DeviceChange
{
    QString deviceId;
    std::optional<Domain::MoveTarget> target;
    std::optional<QString> name;
    std::optional<QString> notes;
};

// A customer (`parentPath` empty) or group of a batch, created before the devices move.
struct NodeCreation
{
    QString parentPath;
    QString slug;
    QString title;
    QString account; // a customer's linked customer account (it must exist)
};

// Many edits at once, as a spreadsheet import produces them: validated together, one impact,
// applied as one undoable command (one transaction).
struct BatchEdit
{
    QList<NodeCreation> nodes; // parents before their children
    QList<DeviceChange> devices;
    // Devices not in the product yet: imported, then placed (one outbox entry for all).
    QList<Sync::Outbox::ImportPlacement> imports;
    QString text; // the undo text; "Import N changes" when empty
};

// An edit, planned on the fleet as it is: what it will do, or why it is refused. Plans are
// values; FleetEditor::apply() checks them again against the fleet as it is then.
struct EditPlan
{
    enum class Kind {
        None,
        MoveDevices,
        MoveNode,
        CreateNode,
        RenameNode,
        DeleteNode,
        UpdateDevices,
        Repair,
        Batch
    };
    Kind kind = Kind::None;
    // Refused: why, naming customers and groups by their titles. Nothing else is meaningful.
    QString error;
    // Nothing to do (the devices are there already, the notes are unchanged): what to say.
    QString notice;
    QString text; // the undo text ("Move 3 devices to Acme Logistics › Berlin depot")
    EditImpact impact;
    // What applying it now queues, in order (the outbox entries of the whole edit).
    QList<Store::OutboxEntry> entries;
    bool needsConfirmation = false; // an owner, a firmware target or a group name changes

    bool isRefused() const { return !error.isEmpty(); }
    bool isEmpty() const { return !notice.isEmpty(); }
    bool canApply() const { return kind != Kind::None && error.isEmpty() && notice.isEmpty(); }

    // What was asked (read by apply()).
    int skippedRows = 0; // an import applied without its rows with errors
    QStringList deviceIds;
    Domain::MoveTarget target;
    QString path; // the node moved, renamed, deleted or created
    QString newPath; // where it is after the edit
    QString newParentPath;
    QString title;
    QString oldTitle;
    QString slug;
    QString account;
    bool createAccount = false;
    std::optional<QString> name;
    std::optional<QString> notes;
    QHash<QString, QStringList> groupsBefore; // repairs
    QHash<QString, QStringList> groupsAfter;
    SubtreeEdit subtree;
    BatchEdit batch;
};

// The one place where fleet edits are planned, checked and applied: devices moved, a subtree
// moved, customers and groups created (with an optional new customer account), renamed and
// deleted, device names and notes, repairs, and batch plans. Each edit is planned (validated,
// with its impact and outbox entries), then applied as one undoable command on the undo stack,
// through the sync engine (local first, then sent from the outbox). The console, an import
// and the command line all edit through it.
class FleetEditor final
    : public QObject
    , public EditExecutor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetEditor)

public:
    // `undoStack`: the stack the edits go on (an own one when none); it must outlive the editor.
    explicit FleetEditor(
        Sync::SyncEngine *engine, QUndoStack *undoStack = nullptr, QObject *parent = nullptr);
    ~FleetEditor() override;

    QUndoStack *undoStack() const { return m_undoStack; }
    // Creates customer accounts for new customers that ask for one (none: not offered).
    void setAccountService(AccountService *service);
    AccountService *accountService() const;

    EditPlan planMoveDevices(const QStringList &deviceIds, const Domain::MoveTarget &target) const;
    // The group node `path` with its subtree under `newParentPath`.
    EditPlan planMoveNode(const QString &path, const QString &newParentPath) const;
    // A customer (`parentPath` empty) or a group. `account`: the customer account to link; with
    // `createAccount` it is created first (applyWithAccount).
    EditPlan planCreateNode(const QString &parentPath, const QString &slug, const QString &title,
        const QString &account = QString(), bool createAccount = false) const;
    // A new title and/or short name for a customer or group (its subtree follows a new name).
    EditPlan planRenameNode(const QString &path, const QString &title, const QString &slug) const;
    // The node and its subtree; their devices go to Unassigned.
    EditPlan planDeleteNode(const QString &path) const;
    // The same notes for every device (empty: none).
    EditPlan planDeviceNotes(const QStringList &deviceIds, const QString &notes) const;
    EditPlan planDeviceName(const QString &deviceId, const QString &name) const;
    // Devices of Needs repair get their repaired groups (Domain::repairGroups).
    EditPlan planRepair(const QStringList &deviceIds) const;
    EditPlan planBatch(const BatchEdit &batch) const;

    // A spreadsheet import: every row planned by the import rules, and the edit of its rows
    // without errors (with its impact and requests).
    struct ImportPreview
    {
        ImportPlan rows;
        EditPlan edit;
        // Requests it takes: the edit's, plus the import's reads of the new devices.
        int requests = 0;
    };
    ImportPreview planImport(const Io::TextTable &table, const ImportOptions &options,
        const QString &fileName = QString()) const;
    // Applies an import as one undoable edit. Rows with errors are never half-applied: with
    // any, nothing is applied unless `onlyValid` says to apply the other rows knowingly. The
    // rows of devices to import are remembered for importReports().
    QString applyImport(const ImportPreview &preview, bool onlyValid);

    // A row of an import applied here that the cloud did not take, or took but could not place.
    struct ImportRowReport
    {
        int row = 0; // the spreadsheet's row number
        QString identifier; // as the row wrote it
        QString reason; // for people
    };
    // The rows of the imports applied here that `outcome` names as refused, not found or not
    // placed, in row order. Each row is reported once: an undo sends the import again, and the
    // cloud's refusals then are the ones already said.
    QList<ImportRowReport> importReports(const Sync::ImportOutcome &outcome);

    // Applies a plan as one undoable command: empty when applied, else why not (a refusal, also
    // emitted as refused(); or the plan's notice when it has nothing to do). The plan is checked
    // again against the fleet as it is now. A plan whose customer account must be created first
    // is refused here: see applyWithAccount().
    QString apply(const EditPlan &plan);

    struct Outcome
    {
        bool applied = false;
        QString error; // what to show when not applied
        QString prefix; // what happened first ("Customer account … created."), when applied
    };
    // apply(), creating the plan's customer account first when it asks for that; `done` is
    // called (in `context`) once it is known.
    void applyWithAccount(
        const EditPlan &plan, QObject *context, std::function<void(const Outcome &)> done);

    // EditExecutor: the commands' steps, each one edit of the sync engine. A refusal is also
    // emitted as refused().
    QString moveDevices(const QStringList &deviceIds, const Domain::MoveTarget &target) override;
    QString setDeviceGroups(const QHash<QString, QStringList> &groupsByDevice) override;
    // The renames (PUT /groups), the member delta (batch PUT /devices) and the owner changes as
    // one edit, so that the tree never shows the subtree half-moved.
    QString changeSubtree(const SubtreeEdit &edit) override;
    QString applyEntries(const QString &action, const QString &subject,
        const QList<Store::OutboxEntry> &entries) override;
    QString refuse(const QString &reason) override;

    static constexpr int BatchSize = 500; // devices per group change, as the engine's default

Q_SIGNALS:
    // An edit, or the undo or redo of one, was refused: nothing changed.
    void refused(const QString &error);

private:
    QString report(const QString &error);
    bool push(QUndoCommand *command);

    QPointer<Sync::SyncEngine> m_engine;
    QUndoStack *m_undoStack;
    QPointer<AccountService> m_accounts;
    bool m_refused = false;
    bool m_accountCreated = false; // applyWithAccount() has created the plan's account
    QString m_lastRefusal;
    // The rows of applied imports' devices to import, by identifier key, until reported.
    QHash<QString, int> m_importRows;
    // The source of the activity rows of the edit being applied (an import's); empty: the sync
    // engine's (this process's).
    QString m_source;
};

} // namespace Flotilla::Edit
