// SPDX-License-Identifier: MIT
#include "schema.h"

#include "storelog.h"

#include <QList>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace Flotilla::Store::Schema {

namespace {

struct Step
{
    int version;
    QStringList statements;
};

// The ordered migration steps. Never edit a released step: append a new one.
const QList<Step> &steps()
{
    static const QList<Step> all = {
        {1,
            {
                QStringLiteral("CREATE TABLE products(id INTEGER PRIMARY KEY, slug TEXT NOT NULL, "
                               "name TEXT NOT NULL, platform_id INTEGER NOT NULL)"),
                // One compact record per device (see DeviceCodec): a device is always read and
                // written whole, and loading 100,000 of them must be fast.
                QStringLiteral("CREATE TABLE devices(id TEXT PRIMARY KEY CHECK(id <> ''), "
                               "data BLOB NOT NULL)"),
                QStringLiteral("CREATE TABLE groups(name TEXT PRIMARY KEY CHECK(name <> ''), "
                               "description TEXT NOT NULL, color TEXT NOT NULL, "
                               "released_version INTEGER)"),
                QStringLiteral("CREATE TABLE firmware(version INTEGER PRIMARY KEY, "
                               "title TEXT NOT NULL, description TEXT NOT NULL, "
                               "groups TEXT NOT NULL, uploaded_ms INTEGER NOT NULL, "
                               "size INTEGER NOT NULL, product_default INTEGER NOT NULL)"),
                QStringLiteral("CREATE TABLE customers(id TEXT PRIMARY KEY CHECK(id <> ''), "
                               "username TEXT NOT NULL)"),
                // AUTOINCREMENT: an id is never reused, even after the newest entry is discarded,
                // so a stale id held by the sync layer can never name a different change.
                QStringLiteral("CREATE TABLE outbox(id INTEGER PRIMARY KEY AUTOINCREMENT, "
                               "kind TEXT NOT NULL CHECK(kind <> ''), payload TEXT NOT NULL, "
                               "device_ids TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, "
                               "last_error TEXT NOT NULL DEFAULT '', created_ms INTEGER NOT NULL, "
                               "state INTEGER NOT NULL DEFAULT 0 CHECK(state IN (0, 1, 2)))"),
                QStringLiteral("CREATE TABLE activity(id INTEGER PRIMARY KEY AUTOINCREMENT, "
                               "at_ms INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, "
                               "subject TEXT NOT NULL, result TEXT NOT NULL, "
                               "outbox_id INTEGER REFERENCES outbox(id) ON DELETE SET NULL)"),
                QStringLiteral(
                    "CREATE TABLE sync_state(key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
                QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId),
            }},
        {2,
            {
                QStringLiteral("ALTER TABLE activity ADD COLUMN detail TEXT NOT NULL DEFAULT ''"),
                // The log is read newest first; the outbox is read by state in id order.
                QStringLiteral("CREATE INDEX activity_at ON activity(at_ms)"),
                QStringLiteral("CREATE INDEX outbox_state ON outbox(state, id)"),
            }},
        // Rollouts (docs/rollouts.md). The spec is JSON (RolloutSpec::toJson); states are the
        // domain's stable names. Devices and samples are read in insertion (rowid) order.
        {3,
            {
                QStringLiteral("CREATE TABLE rollouts(id INTEGER PRIMARY KEY AUTOINCREMENT, "
                               "spec TEXT NOT NULL, state TEXT NOT NULL, "
                               "state_reason TEXT NOT NULL DEFAULT '', "
                               "paused_for_failures INTEGER NOT NULL DEFAULT 0, "
                               "requests INTEGER NOT NULL DEFAULT 0, "
                               "final_release_done INTEGER NOT NULL DEFAULT 0, "
                               "created_ms INTEGER NOT NULL, "
                               "finished_ms INTEGER NOT NULL DEFAULT 0)"),
                QStringLiteral("CREATE TABLE rollout_waves(rollout_id INTEGER NOT NULL "
                               "REFERENCES rollouts(id) ON DELETE CASCADE, "
                               "wave INTEGER NOT NULL CHECK(wave >= 0), state TEXT NOT NULL, "
                               "started_ms INTEGER NOT NULL, finished_ms INTEGER NOT NULL, "
                               "batches_done INTEGER NOT NULL, released INTEGER NOT NULL, "
                               "failures_accepted INTEGER NOT NULL, "
                               "PRIMARY KEY(rollout_id, wave))"),
                QStringLiteral("CREATE TABLE rollout_devices(rollout_id INTEGER NOT NULL "
                               "REFERENCES rollouts(id) ON DELETE CASCADE, "
                               "device_id TEXT NOT NULL CHECK(device_id <> ''), "
                               "name TEXT NOT NULL, node TEXT NOT NULL, wave INTEGER NOT NULL, "
                               "state TEXT NOT NULL, reason TEXT NOT NULL, stage TEXT NOT NULL, "
                               "previous_version INTEGER NOT NULL, attempts INTEGER NOT NULL, "
                               "started_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, "
                               "PRIMARY KEY(rollout_id, device_id))"),
                QStringLiteral("CREATE TABLE rollout_samples(rollout_id INTEGER NOT NULL "
                               "REFERENCES rollouts(id) ON DELETE CASCADE, "
                               "ms INTEGER NOT NULL, succeeded INTEGER NOT NULL, "
                               "failed INTEGER NOT NULL, active INTEGER NOT NULL)"),
                QStringLiteral(
                    "CREATE INDEX rollout_samples_rollout ON rollout_samples(rollout_id)"),
            }},
        // The activity log says where each line came from (console, import, flotillactl,
        // sync, rollout), how many devices it concerns, from where to where (as people read
        // it) and the requests it took.
        {4,
            {
                QStringLiteral(
                    "ALTER TABLE activity ADD COLUMN source TEXT NOT NULL DEFAULT 'console'"),
                QStringLiteral(
                    "ALTER TABLE activity ADD COLUMN devices INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral(
                    "ALTER TABLE activity ADD COLUMN from_text TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("ALTER TABLE activity ADD COLUMN to_text TEXT NOT NULL DEFAULT ''"),
                QStringLiteral(
                    "ALTER TABLE activity ADD COLUMN requests INTEGER NOT NULL DEFAULT 0"),
            }},
        // Several Flotilla processes on one cache: controls of rollouts asked by a process that
        // does not drive the cache, run and answered by the one that does (RolloutControl).
        {5,
            {
                QStringLiteral(
                    "CREATE TABLE rollout_controls(id INTEGER PRIMARY KEY AUTOINCREMENT, "
                    "rollout_id INTEGER NOT NULL DEFAULT 0, action TEXT NOT NULL, "
                    "spec TEXT NOT NULL DEFAULT '', requested_ms INTEGER NOT NULL, "
                    "state INTEGER NOT NULL DEFAULT 0, "
                    "result TEXT NOT NULL DEFAULT '', "
                    "result_id INTEGER NOT NULL DEFAULT 0)"),
                QStringLiteral(
                    "CREATE INDEX rollout_controls_state ON rollout_controls(state, id)"),
            }},
    };
    return all;
}

QString exec(QSqlQuery &query, const QString &statement)
{
    if (query.exec(statement))
        return {};
    return QStringLiteral("%1 (in \"%2\")").arg(query.lastError().text(), statement);
}

} // namespace

int latestVersion()
{
    return steps().constLast().version;
}

int userVersion(const QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        if (error)
            *error = query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

QString migrate(const QSqlDatabase &db, int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = latestVersion();
    QString error;
    const int current = userVersion(db, &error);
    if (current < 0)
        return error;
    if (current > latestVersion())
        return QStringLiteral("schema version %1 is newer than this version of Flotilla knows (%2)")
            .arg(QString::number(current), QString::number(latestVersion()));
    for (const Step &step : steps()) {
        if (step.version <= current || step.version > targetVersion)
            continue;
        QSqlQuery query(db);
        error = exec(query, QStringLiteral("BEGIN IMMEDIATE"));
        for (qsizetype i = 0; error.isEmpty() && i < step.statements.size(); ++i)
            error = exec(query, step.statements.at(i));
        if (error.isEmpty())
            error = exec(query, QStringLiteral("PRAGMA user_version = %1").arg(step.version));
        if (error.isEmpty())
            error = exec(query, QStringLiteral("COMMIT"));
        if (!error.isEmpty()) {
            query.exec(QStringLiteral("ROLLBACK"));
            return QStringLiteral("migration to schema version %1 failed: %2")
                .arg(QString::number(step.version), error);
        }
        qCInfo(lcStore) << "cache schema migrated to version" << step.version;
    }
    return {};
}

} // namespace Flotilla::Store::Schema
