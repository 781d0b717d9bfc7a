// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Flotilla::Store::Schema {

// PRAGMA application_id of a Flotilla cache ("Flot"), set by the first migration step.
inline constexpr int ApplicationId = 0x466c6f74;

// The schema version this code writes, i.e. the number of migration steps.
//   1  initial schema: products, devices, groups, firmware, customers, outbox, activity,
//      sync_state
//   2  activity.detail column; indexes activity(at_ms) and outbox(state, id)
//   3  rollouts, rollout_waves, rollout_devices, rollout_samples (docs/rollouts.md)
//   4  activity.source, devices, from_text, to_text, requests
//   5  rollout_controls (controls asked by a process that does not drive the cache)
int latestVersion();

// PRAGMA user_version of `db`, or -1 with `error` set.
int userVersion(const QSqlDatabase &db, QString *error);

// Brings `db` (open, used on the calling thread) from its PRAGMA user_version up to
// `targetVersion` (latestVersion() when negative). Each step runs in its own transaction, which
// also sets user_version, so an interrupted migration leaves the database at the previous
// version. Returns an empty string on success, otherwise the error (and the database is left at
// the last version reached).
QString migrate(const QSqlDatabase &db, int targetVersion = -1);

} // namespace Flotilla::Store::Schema
