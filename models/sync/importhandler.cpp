// SPDX-License-Identifier: MIT
// Sending an import (Outbox::DeviceImport): the part of PushHandlers that brings devices into
// the product and places them.
#include "domain/hierarchy.h"
#include "domain/text.h"
#include "remote/apierror.h"
#include "remote/particleclient.h"
#include "sync/outboxops.h"
#include "sync/pull.h"
#include "sync/pushhandlers.h"
#include "sync/synchost.h"
#include "sync/synclog.h"
#include "sync/syncshared.h"

#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace Flotilla::Sync::Detail {

using Remote::ApiError;
using Store::OutboxEntry;

namespace {

// At most this many refused identifiers are named in the activity row's detail.
constexpr int DetailNamesAtMost = 20;

} // namespace

struct PushHandlers::ImportRun
{
    OutboxEntry entry;
    QList<Outbox::ImportPlacement> placements;
    QStringList identifiers; // each once (by key), trimmed, as the first row wrote it
    QHash<QString, QString> byKey; // identifierKey -> the identifier as in `identifiers`
    QSet<QString> refusedKeys;
    QSet<QString> mentioned; // keys the cloud's answers named
    qsizetype chunksRefused = 0;
    Remote::ApiError lastRefusal; // the cloud's answer to the last chunk it refused
    ImportOutcome outcome;
    Finish finish;
    int requests = 0; // import requests sent (the reads of the new devices aside)
};

void PushHandlers::importDevices(const OutboxEntry &entry, const Finish &finish, const Finish &)
{
    QString why;
    const QList<Outbox::ImportPlacement> placements = Outbox::placementsOf(entry, &why);
    if (placements.isEmpty()) {
        qCWarning(lcSync) << "import" << entry.id << "cannot be read:" << why;
        ApiError error;
        error.kind = ApiError::Kind::BadRequest;
        error.message = Text::tr("The import cannot be read (%1): nothing was imported").arg(why);
        return finish(error);
    }
    auto run = std::make_shared<ImportRun>();
    run->entry = entry;
    run->placements = placements;
    run->finish = finish;
    run->outcome.entryId = entry.id;
    for (const Outbox::ImportPlacement &p : placements) {
        const QString key = Outbox::identifierKey(p.identifier);
        if (run->byKey.contains(key))
            continue;
        run->byKey.insert(key, p.identifier.trimmed());
        run->identifiers.append(p.identifier.trimmed());
    }
    importChunk(run, 0);
}

void PushHandlers::importChunk(const std::shared_ptr<ImportRun> &run, qsizetype from)
{
    if (from >= run->identifiers.size()) {
        // Every chunk refused: nothing was imported, the import fails with the cloud's word.
        const qsizetype chunks
            = (run->identifiers.size() + Outbox::ImportChunk - 1) / Outbox::ImportChunk;
        if (run->chunksRefused == chunks)
            return run->finish(run->lastRefusal);
        return learnImported(run);
    }
    // One chunk after the other: an import can make the cloud flash the devices it adds, and
    // a failure on the way leaves fewer requests to send again.
    const QStringList chunk = run->identifiers.mid(from, Outbox::ImportChunk);
    ++run->requests;
    m_shared.client->importDevices(m_shared.config.productId, chunk, {}, this,
        [this, run, chunk, next = from + chunk.size()](Remote::Result<Remote::ImportResult> r) {
            // A failure on the way, or an answer that cannot be read: the whole import goes
            // again later (what was imported answers "existing" then).
            if (!r.ok() && !isRefusal(r.error))
                return run->finish(r.error);
            // The request itself refused (its file, say): the identifiers of this chunk are
            // refused with the cloud's reason, and the others go on (those of the earlier
            // chunks are in the product already and must be placed).
            if (!r.ok()) {
                const QString reason
                    = r.error.message.isEmpty() ? r.error.toString() : r.error.message;
                qCWarning(lcSync) << "import" << run->entry.id << ": the cloud refused"
                                  << chunk.size() << "identifiers:" << r.error.toString();
                ++run->chunksRefused;
                run->lastRefusal = r.error;
                for (const QString &id : chunk) {
                    const QString key = Outbox::identifierKey(id);
                    run->mentioned.insert(key);
                    run->refusedKeys.insert(key);
                    run->outcome.refused.insert(run->byKey.value(key, id), reason);
                }
                return importChunk(run, next);
            }
            const auto note
                = [&](const QStringList &echoed, QStringList *list, const QString &reason) {
                      for (const QString &id : echoed) {
                          const QString key = Outbox::identifierKey(id);
                          if (run->mentioned.contains(key))
                              continue;
                          run->mentioned.insert(key);
                          const QString identifier = run->byKey.value(key, id);
                          if (list) {
                              list->append(identifier);
                          } else {
                              run->refusedKeys.insert(key);
                              run->outcome.refused.insert(identifier, reason);
                          }
                      }
                  };
            note(r.value->invalidDeviceIds, nullptr, Text::tr("unknown to Particle"));
            note(
                r.value->nonmemberDeviceIds, nullptr, Text::tr("owned outside the product's team"));
            note(r.value->protectedDeviceIds, nullptr, Text::tr("protected device"));
            note(r.value->existingDeviceIds, &run->outcome.existing, {});
            note(r.value->updatedDeviceIds, &run->outcome.imported, {});
            importChunk(run, next);
        });
}

void PushHandlers::learnImported(const std::shared_ptr<ImportRun> &run)
{
    // An answer in the older form names only the refused identifiers: the others were added.
    for (const QString &identifier : std::as_const(run->identifiers)) {
        if (!run->mentioned.contains(Outbox::identifierKey(identifier)))
            run->outcome.imported.append(identifier);
    }
    // The devices this console does not know yet are read: one by one when they are named by
    // device ID, else with a full pull (the device list has no filter by serial number, ICCID or
    // IMEI).
    const QHash<QString, QString> known = Outbox::deviceIdsByIdentifier(m_shared.state);
    QStringList unknown;
    bool allDeviceIds = true;
    for (const QString &identifier : std::as_const(run->identifiers)) {
        const QString key = Outbox::identifierKey(identifier);
        if (run->refusedKeys.contains(key) || known.contains(key))
            continue;
        unknown.append(key);
        allDeviceIds = allDeviceIds && Domain::isDeviceId(key);
    }
    const auto learned = [this, run](const ApiError &error) {
        if (error.isError())
            return run->finish(error); // imported already: sent again, it places them
        placeImported(run);
    };
    if (unknown.isEmpty())
        placeImported(run);
    else if (allDeviceIds)
        m_puller.refreshDevices(unknown, learned);
    else
        m_puller.pullThen(learned);
}

void PushHandlers::placeImported(const std::shared_ptr<ImportRun> &run)
{
    const FleetState &state = m_shared.state;
    const QHash<QString, QString> deviceIds = Outbox::deviceIdsByIdentifier(state);
    const Domain::Hierarchy hierarchy = state.hierarchy();
    ImportOutcome &outcome = run->outcome;
    // The rows by the device they name, in the order the rows first name each device.
    QHash<QString, QList<const Outbox::ImportPlacement *>> rowsOf;
    QStringList order;
    QSet<QString> notFound;
    for (const Outbox::ImportPlacement &p : std::as_const(run->placements)) {
        const QString key = Outbox::identifierKey(p.identifier);
        const QString identifier = p.identifier.trimmed();
        if (run->refusedKeys.contains(key))
            continue;
        const QString id = deviceIds.value(key);
        if (id.isEmpty()) {
            if (!notFound.contains(key)) {
                notFound.insert(key);
                outcome.notFound.append(identifier);
                qCWarning(lcSync) << "import" << run->entry.id << ":" << identifier
                                  << "was imported but is not among the product's devices";
            }
            continue;
        }
        outcome.deviceIds.insert(identifier, id);
        if (!rowsOf.contains(id))
            order.append(id);
        rowsOf[id].append(&p);
    }
    // Rows that name one device by different identifiers (its serial number and its device
    // ID, say) could not be seen to be one device before the import. When they place it alike
    // it is placed once; when they do not, none of them is applied: which one the file meant
    // is not for the console to guess, and each of their identifiers is said to be unplaced.
    struct Placed
    {
        std::optional<Domain::MoveTarget> target;
        std::optional<QString> name;
        std::optional<QString> notes;
    };
    QHash<QString, Placed> placed;
    int gone = 0;
    int conflicting = 0;
    const auto unplace = [&](const Outbox::ImportPlacement &p, const QString &reason) {
        const QString key = Outbox::identifierKey(p.identifier);
        const QString identifier = run->byKey.value(key, p.identifier.trimmed());
        if (outcome.unplaced.contains(identifier))
            return false;
        outcome.unplaced.insert(identifier, reason);
        return true;
    };
    for (const QString &id : std::as_const(order)) {
        const QList<const Outbox::ImportPlacement *> &rows = rowsOf[id];
        const Outbox::ImportPlacement &first = *rows.first();
        const bool alike
            = std::all_of(rows.cbegin(), rows.cend(), [&](const Outbox::ImportPlacement *p) {
                  return p->target == first.target && p->name == first.name
                      && p->notes == first.notes;
              });
        if (!alike) {
            qCWarning(lcSync) << "import" << run->entry.id << ":" << rows.size()
                              << "rows place device" << id << "differently: none applied";
            for (const Outbox::ImportPlacement *p : rows) {
                if (unplace(*p,
                        Text::tr("another row of the import names the same device with another "
                                 "place, name or notes")))
                    ++conflicting;
            }
            continue;
        }
        Placed d {first.target, first.name, first.notes};
        if (first.target && first.target->kind == Domain::MoveTarget::Kind::Node
            && !hierarchy.node(first.target->path)) {
            d.target.reset();
            for (const Outbox::ImportPlacement *p : rows) {
                if (unplace(*p, Text::tr("its customer or group is not in the tree any more")))
                    ++gone;
            }
        }
        placed.insert(id, d);
    }
    order.erase(std::remove_if(order.begin(), order.end(),
                    [&](const QString &id) { return !placed.contains(id); }),
        order.end());
    // The moves, target by target (in the order the rows name them), then the names and notes.
    QList<QPair<Domain::MoveTarget, QStringList>> moves;
    for (const QString &id : std::as_const(order)) {
        const Placed &d = placed[id];
        if (!d.target)
            continue;
        const auto it = std::find_if(moves.begin(), moves.end(),
            [&](const QPair<Domain::MoveTarget, QStringList> &m) { return m.first == *d.target; });
        if (it == moves.end())
            moves.append({*d.target, {id}});
        else
            it->second.append(id);
    }
    QList<OutboxEntry> entries;
    for (const auto &[target, ids] : std::as_const(moves)) {
        QString error;
        entries += Outbox::moveEntries(state, ids, target, m_shared.batchSize(), &error);
        if (!error.isEmpty()) // cannot be: every device was found in `state`
            qCWarning(lcSync) << "import" << run->entry.id << ":" << error;
    }
    for (const QString &id : std::as_const(order)) {
        const Placed &p = placed[id];
        const Domain::Device &device = state.devices[id];
        QJsonObject fields;
        if (p.name && *p.name != device.name)
            fields.insert(QStringLiteral("name"), *p.name);
        if (p.notes && (!device.hasNotes || *p.notes != device.notes))
            fields.insert(QStringLiteral("notes"), *p.notes);
        if (!fields.isEmpty())
            entries.append(Outbox::updateDevice(id, fields));
    }

    // The activity row: "Imported 297 devices into the product; 3 refused (unknown to Particle)".
    const auto count = [](qsizetype n) { return static_cast<int>(n); };
    QStringList parts;
    const int imported = count(outcome.imported.size());
    if (imported == 0)
        parts.append(Text::tr("No device imported into the product"));
    else
        parts.append(Text::tr("Imported %Ln devices into the product", nullptr, imported));
    if (!outcome.existing.isEmpty())
        parts.append(Text::tr("%Ln already in it", nullptr, count(outcome.existing.size())));
    if (!outcome.refused.isEmpty()) {
        QStringList reasons;
        for (const QString &reason : std::as_const(outcome.refused)) {
            if (!reasons.contains(reason))
                reasons.append(reason);
        }
        reasons.sort();
        parts.append(Text::tr("%Ln refused (%1)", nullptr, count(outcome.refused.size()))
                         .arg(reasons.join(QStringLiteral(", "))));
    }
    if (!outcome.notFound.isEmpty())
        parts.append(
            Text::tr("%Ln not found after the import", nullptr, count(outcome.notFound.size())));
    if (!outcome.unplaced.isEmpty()) {
        QStringList reasons;
        if (gone > 0)
            reasons.append(Text::tr("their customer or group is gone"));
        if (conflicting > 0)
            reasons.append(Text::tr("rows naming one device differently"));
        parts.append(Text::tr("%Ln not placed (%1)", nullptr, count(outcome.unplaced.size()))
                         .arg(reasons.join(QStringLiteral(", "))));
    }
    QStringList named;
    for (auto it = outcome.refused.cbegin(); it != outcome.refused.cend(); ++it)
        named.append(QStringLiteral("%1: %2").arg(it.key(), it.value()));
    for (auto it = outcome.unplaced.cbegin(); it != outcome.unplaced.cend(); ++it)
        named.append(
            QStringLiteral("%1: %2").arg(it.key(), Text::tr("not placed, %1").arg(it.value())));
    named.sort();
    if (named.size() > DetailNamesAtMost) {
        const int more = count(named.size() - DetailNamesAtMost);
        named = named.mid(0, DetailNamesAtMost);
        named.append(Text::tr("and %Ln more", nullptr, more));
    }
    Store::ActivityRecord activity;
    activity.action = QStringLiteral("import");
    activity.subject = parts.join(QStringLiteral("; "));
    activity.result = QStringLiteral("done");
    activity.detail = named.join(QStringLiteral("; "));
    activity.source = Store::ActivitySource::Import;
    activity.devices = count(run->identifiers.size());
    activity.requests = run->requests;

    // The placements are queued and the import marked done in one cache transaction: after a
    // crash either both are there or the import is sent again.
    m_host.queueEdit(activity, entries, {run->entry.id},
        [this, run, summary = activity.subject](const QString &error) {
            if (!error.isEmpty()) {
                ApiError failure;
                failure.kind = ApiError::Kind::Server; // not queued: the import goes again
                failure.message = Text::tr("Cannot write the local cache: %1").arg(error);
                return run->finish(failure);
            }
            m_completed.insert(run->entry.id);
            qCInfo(lcSync).noquote() << summary;
            Q_EMIT importFinished(run->outcome);
            run->finish(ApiError());
        });
}

} // namespace Flotilla::Sync::Detail
