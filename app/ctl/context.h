// SPDX-License-Identifier: MIT
#pragma once

#include "app/ctl/ctl.h"
#include "domain/text.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QUndoStack;

namespace Flotilla::Domain {
struct MoveTarget;
struct RolloutDefaults;
} // namespace Flotilla::Domain
namespace Flotilla::Tree {
struct DeviceScope;
}
namespace Flotilla::Edit {
class FleetEditor;
struct EditPlan;
} // namespace Flotilla::Edit
namespace Flotilla::Remote {
class TokenStore;
}
namespace Flotilla::Rollout {
class RolloutEngine;
}
namespace Flotilla::Session {
class CloudSession;
struct Preferences;
} // namespace Flotilla::Session
namespace Flotilla::Sync {
class SyncEngine;
struct FleetState;
} // namespace Flotilla::Sync

namespace Flotilla::Ctl {

// Where a command's words go. Without --json: results on stdout, messages on stderr. With
// --json: exactly one JSON document on stdout (the result, or {"error": …, "status": N}), every
// human line on stderr. A progress bar only when stderr is a terminal.
class Output final
{
public:
    explicit Output(bool json);
    bool json() const { return m_json; }
    // A result line (stdout; stderr with --json).
    void line(const QString &text);
    // A message for people (stderr).
    void note(const QString &text);
    // Rows under headers, columns padded (a result: stdout; stderr with --json).
    void table(const QStringList &headers, const QList<QStringList> &rows);
    // "Moving devices: 120/500" on one line of a terminal's stderr; nothing elsewhere.
    void progress(const QString &what, qint64 done, qint64 total);
    void endProgress();
    // The JSON document of the command (the last one set counts), and the one set so far
    // (null when none).
    void setResult(const QJsonValue &result);
    QJsonValue result() const { return m_result.value_or(QJsonValue()); }
    // Ends the command's output, once (later calls do nothing): `error` on stderr, and with
    // --json the document: the result (with "status" and "error" added when it failed), or
    // {"error": …, "status": N} when none was set.
    void finish(int status, const QString &error = QString());
    bool isFinished() const { return m_finished; }

private:
    bool m_json;
    bool m_progressShown = false;
    bool m_finished = false;
    std::optional<QJsonValue> m_result;
};

// The connection a command works with: from --profile, --api/--product or the default profile.
struct Connection
{
    QString profile; // empty: from --api/--product
    QUrl apiUrl;
    QString product; // as given: an ID or a slug
    int productId = 0; // 0 until known
    QString cachePath;
    QString token; // memory only
    QString tokenSource; // "FLOTILLA_TOKEN", "keychain" or empty
    QString username; // the profile's account (its token in the keychain), or empty
};

// What a command works with: the output, the options every command has, and (for commands that
// need the fleet) the cloud session on the cache, the fleet editor and helpers that turn what
// people type into devices and nodes. Waits run the event loop.
class Context final
{
public:
    struct Globals
    {
        QString profile;
        QString api;
        QString product;
        QString cache;
        bool json = false;
        bool yes = false;
    };
    Context(const Globals &globals, Output *out);
    ~Context();
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;

    Output &out() const { return *m_out; }
    const Globals &globals() const { return m_globals; }
    // The console's preferences (Edit › Settings…), read once: the proxy (applied from the
    // start), the request budget, the cache folder and what a new rollout starts from.
    const Session::Preferences &preferences() const { return *m_preferences; }
    Domain::RolloutDefaults rolloutDefaults() const;
    bool yes() const { return m_globals.yes; }

    // Resolves the connection (profile or --api/--product), reads the token, opens the cache
    // and loads it; pulls when the cache has never been pulled (or `pull`). Returns 0, or the
    // exit status with the reason printed.
    int open(bool pull = false);
    // Before open(): the session follows the product event stream (for commands that run
    // rollouts for a while and follow their devices).
    void setLiveEvents(bool live) { m_liveEvents = live; }
    const Connection &connection() const { return m_connection; }
    bool hasToken() const { return !m_connection.token.isEmpty(); }

    Session::CloudSession *session() const { return m_session.get(); }
    Sync::SyncEngine *engine() const;
    Rollout::RolloutEngine *rollouts() const;
    Edit::FleetEditor *editor() const { return m_editor.get(); }
    const Sync::FleetState &fleet() const;

    // A full pull: empty, or why it failed (nothing printed).
    QString readFleet();
    // A full pull: 0, or the exit status (3 not signed in, 4 unreachable, 1 other) with the
    // reason printed.
    int pull();
    // Starts the rollout engine (loading the rollouts from the cache) once; 0 or 1.
    int startRollouts();

    // Runs the event loop until `done()` or `timeoutMs` (< 0: no limit); true when done.
    bool waitUntil(const std::function<bool()> &done, int timeoutMs = -1);

    // What people type, resolved against the fleet. Nodes: a path ("acme--berlin"), titles
    // separated by '/' ("Acme Logistics/Berlin depot") or '›'. Targets also take the pools
    // "unassigned" and "returns". Devices: device ID, serial number, ICCID, IMEI or name (a
    // name several devices have is refused). Nullopt/empty with `error` set otherwise.
    std::optional<QString> resolveNode(const QString &text, QString *error) const;
    std::optional<Domain::MoveTarget> resolveTarget(const QString &text, QString *error) const;
    QString resolveDevice(const QString &text, QString *error) const;
    // "Acme Logistics › Berlin depot", "Unassigned", "Returns".
    QString targetTitle(const Domain::MoveTarget &target) const;
    QString nodeTitle(const QString &path) const;

    // Asks "question [y/N]" on the terminal (always yes with --yes). Without a terminal and
    // without --yes it refuses, saying to use --yes.
    bool confirm(const QString &question);

    // The one way an edit is made: prints the plan's effect as the console's confirmation
    // says it, stops there with `dryRun` (JSON: the plan), asks unless --yes, applies it with the
    // fleet editor and waits until the cloud has taken it. Returns the exit status.
    int applyPlan(const Edit::EditPlan &plan, bool dryRun);
    // The effect of a plan, line by line, as the console's confirmation says it.
    QStringList describe(const Edit::EditPlan &plan) const;
    // Takes the cache's driver lease when it is free (this process then sends the outbox and
    // runs rollouts); false, with a note, when another Flotilla process drives.
    bool drive();
    // Waits until no change is pending: 0 when every change was taken, 1 when the cloud refused
    // one (the reasons printed), 4 when it cannot be reached (they stay queued), 3 signed out.
    int waitForPush(int timeoutMs = 10 * 60 * 1000);

private:
    int resolveConnection();
    int openCache();

    Globals m_globals;
    Output *m_out;
    std::unique_ptr<Session::Preferences> m_preferences;
    Connection m_connection;
    std::unique_ptr<Session::CloudSession> m_session;
    std::unique_ptr<QUndoStack> m_undoStack;
    std::unique_ptr<Edit::FleetEditor> m_editor;
    QStringList m_refusals; // changes the cloud refused while this command ran
    bool m_rolloutsStarted = false;
    bool m_liveEvents = false;
};

// Times as the JSON documents and tables give them: ISO 8601 UTC ("2026-12-07T09:30:00Z"); empty
// (null) for 0.
QString isoTime(qint64 ms);
QJsonValue isoOrNull(qint64 ms);
// Whether stdin is a terminal (a question can be asked, a secret typed without echo).
bool stdinIsTerminal();
// The token store of this run: the system keychain, or memory only when FLOTILLA_TOKEN_STORE is
// "memory" (tests, machines without a keychain; nothing is remembered then).
std::shared_ptr<Remote::TokenStore> tokenStore();

// What "devices PATH" and "export PATH" name: everything (empty), a node's subtree (a path or
// titles), the pools "unassigned" and "returns", or "needs-repair". Nullopt with `error` set.
std::optional<Tree::DeviceScope> deviceScope(Context &ctx, const QString &text, QString *error);

} // namespace Flotilla::Ctl
