// SPDX-License-Identifier: MIT
// CacheWorker's part in sharing one cache between Flotilla processes: the data version that
// tells a process another one wrote, and the rollout controls a process that does not drive the
// cache leaves for the one that does.
#include "cachesql.h"
#include "cacheworker.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace Flotilla::Store {

using namespace Sql;

namespace {

// Answered controls are kept this long (a requester that was not running meanwhile can still
// read its answer), then deleted with the next answer.
constexpr qint64 AnsweredKeepMs = 7LL * 24 * 60 * 60 * 1000;

int controlStateCode(RolloutControl::State state)
{
    switch (state) {
    case RolloutControl::State::Pending:
        return 0;
    case RolloutControl::State::Done:
        return 1;
    case RolloutControl::State::Refused:
        return 2;
    }
    return 0;
}

RolloutControl::State controlStateFromCode(int code)
{
    return code == 1 ? RolloutControl::State::Done
        : code == 2  ? RolloutControl::State::Refused
                     : RolloutControl::State::Pending;
}

const QLatin1String ControlColumns(
    "id, rollout_id, action, spec, requested_ms, state, result, result_id");

RolloutControl readControl(const QSqlQuery &query)
{
    RolloutControl control;
    control.id = query.value(0).toLongLong();
    control.rolloutId = query.value(1).toLongLong();
    control.action = query.value(2).toString();
    control.spec = QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object();
    control.requestedMs = query.value(4).toLongLong();
    control.state = controlStateFromCode(query.value(5).toInt());
    control.result = query.value(6).toString();
    control.resultId = query.value(7).toLongLong();
    return control;
}

} // namespace

QString CacheWorker::dataVersion(qint64 &version)
{
    const QSqlDatabase db = database();
    if (!db.isOpen())
        return notOpen();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return failure(query, QStringLiteral("cannot read the data version"));
    version = query.value(0).toLongLong();
    return {};
}

QString CacheWorker::requestRolloutControl(const RolloutControl &control, qint64 &id)
{
    id = 0;
    if (control.action.isEmpty())
        return QStringLiteral("a rollout control needs an action");
    return inWriteTransaction(database(), *this, [&](const QSqlDatabase &db) {
        QSqlQuery query(db);
        if (!query.prepare(QStringLiteral("INSERT INTO rollout_controls(rollout_id, action, spec, "
                                          "requested_ms, state) VALUES(?, ?, ?, ?, 0)")))
            return failure(query, QStringLiteral("cannot write the rollout control"));
        query.bindValue(0, control.rolloutId);
        query.bindValue(1, control.action);
        query.bindValue(2,
            control.spec.isEmpty()
                ? QString(QLatin1String(""))
                : QString::fromUtf8(QJsonDocument(control.spec).toJson(QJsonDocument::Compact)));
        query.bindValue(3, control.requestedMs ? control.requestedMs : nowMs());
        if (!query.exec())
            return failure(query, QStringLiteral("cannot write the rollout control"));
        id = query.lastInsertId().toLongLong();
        return QString();
    });
}

QString CacheWorker::pendingRolloutControls(QList<RolloutControl> &controls)
{
    const QSqlDatabase db = database();
    if (!db.isOpen())
        return notOpen();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM rollout_controls WHERE state = 0 ORDER BY id")
                        .arg(ControlColumns)))
        return failure(query, QStringLiteral("cannot read the rollout controls"));
    while (query.next())
        controls.append(readControl(query));
    return {};
}

QString CacheWorker::answerRolloutControl(const RolloutControl &answer)
{
    if (answer.state == RolloutControl::State::Pending)
        return QStringLiteral("an answer to a rollout control is Done or Refused");
    return inWriteTransaction(database(), *this, [&](const QSqlDatabase &db) {
        QSqlQuery query(db);
        if (!query.prepare(QStringLiteral("UPDATE rollout_controls SET state = ?, result = ?, "
                                          "result_id = ? WHERE id = ? AND state = 0")))
            return failure(query, QStringLiteral("cannot answer the rollout control"));
        query.bindValue(0, controlStateCode(answer.state));
        query.bindValue(1, text(answer.result));
        query.bindValue(2, answer.resultId);
        query.bindValue(3, answer.id);
        if (!query.exec())
            return failure(query, QStringLiteral("cannot answer the rollout control"));
        if (query.numRowsAffected() != 1)
            return QStringLiteral("rollout control %1 is not waiting for an answer").arg(answer.id);
        if (!query.prepare(QStringLiteral(
                "DELETE FROM rollout_controls WHERE state <> 0 AND requested_ms < ?")))
            return failure(query, QStringLiteral("cannot answer the rollout control"));
        query.bindValue(0, nowMs() - AnsweredKeepMs);
        if (!query.exec())
            return failure(query, QStringLiteral("cannot answer the rollout control"));
        return QString();
    });
}

QString CacheWorker::rolloutControl(qint64 id, RolloutControl &control)
{
    const QSqlDatabase db = database();
    if (!db.isOpen())
        return notOpen();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(
            QStringLiteral("SELECT %1 FROM rollout_controls WHERE id = ?").arg(ControlColumns)))
        return failure(query, QStringLiteral("cannot read the rollout control"));
    query.bindValue(0, id);
    if (!query.exec())
        return failure(query, QStringLiteral("cannot read the rollout control"));
    if (!query.next())
        return QStringLiteral("there is no rollout control %1").arg(id);
    control = readControl(query);
    return {};
}

} // namespace Flotilla::Store
