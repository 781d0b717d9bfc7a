// SPDX-License-Identifier: MIT
#include "sync/pushhandlers.h"

#include "domain/hierarchy.h"
#include "domain/text.h"
#include "remote/apierror.h"
#include "remote/particleclient.h"
#include "sync/outboxops.h"
#include "sync/pull.h"
#include "sync/synchost.h"
#include "sync/synclog.h"
#include "sync/syncshared.h"

#include <QJsonObject>

#include <algorithm>
#include <memory>

namespace Flotilla::Sync::Detail {

using Remote::ApiError;
using Store::OutboxEntry;

const PushHandlers::Route PushHandlers::Routes[] = {
    {Outbox::DeviceClaim, &PushHandlers::claim},
    {Outbox::DeviceUnclaim, &PushHandlers::unclaim},
    {Outbox::DeviceUpdate, &PushHandlers::updateDevice},
    {Outbox::GroupCreate, &PushHandlers::createGroup},
    {Outbox::GroupUpdate, &PushHandlers::updateGroup},
    {Outbox::GroupDelete, &PushHandlers::deleteGroup},
    {Outbox::DeviceImport, &PushHandlers::importDevices},
};

PushHandlers::PushHandlers(SyncShared &shared, SyncHost &host, Puller &puller, QObject *parent)
    : QObject(parent)
    , m_shared(shared)
    , m_host(host)
    , m_puller(puller)
    , m_tokens(shared.client)
{ }

PushHandlers::~PushHandlers() = default;

bool PushHandlers::handles(const QString &kind)
{
    return std::any_of(std::cbegin(Routes), std::cend(Routes),
        [&](const Route &route) { return kind == route.kind; });
}

void PushHandlers::send(const OutboxEntry &entry, const Finish &finish, const Finish &hold)
{
    for (const Route &route : Routes) {
        if (entry.kind == route.kind)
            return (this->*route.handler)(entry, finish, hold);
    }
    ApiError e;
    e.kind = ApiError::Kind::BadRequest;
    e.message = Text::tr("Unknown kind of change '%1'").arg(entry.kind);
    finish(e);
}

void PushHandlers::claim(const OutboxEntry &entry, const Finish &finish, const Finish &hold)
{
    const QString device = entry.deviceIds.value(0);
    const QString account = entry.payload.value(QStringLiteral("account")).toString();
    m_tokens.request(account, [this, device, finish, hold, account](QString token, ApiError error) {
        // An answer that cannot be read, or a failure on the way: ask again later.
        if ((error.isTransient() && error.kind != ApiError::Kind::RateLimited)
            || error.kind == ApiError::Kind::Malformed || error.kind == ApiError::Kind::Cancelled)
            return finish(error);
        // No usable client, or token requests refused for a while: the claim waits.
        if (error.kind == ApiError::Kind::Unauthorized || error.kind == ApiError::Kind::RateLimited)
            return hold(error);
        // Refused for this account only (it no longer exists, say).
        if (error.isError())
            return finish(error);
        m_shared.client->claimDevice(
            device, token, this, [this, device, finish, account](Remote::Result<bool> r) {
                if (r.error.kind == ApiError::Kind::Unauthorized)
                    m_tokens.forget(account); // the customer token, not ours
                if (!r.error.isError() || r.error.isTransient()
                    || r.error.kind == ApiError::Kind::Cancelled)
                    return finish(r.error);
                confirmOwner(device, account, r.error, finish);
            });
    });
}

void PushHandlers::unclaim(const OutboxEntry &entry, const Finish &finish, const Finish &)
{
    const QString device = entry.deviceIds.value(0);
    m_shared.client->unclaimDevice(
        m_shared.config.productId, device, this, [this, device, finish](Remote::Result<bool> r) {
            if (!r.error.isError() || r.error.isTransient()
                || r.error.kind == ApiError::Kind::Cancelled)
                return finish(r.error);
            confirmOwner(device, QString(), r.error, finish);
        });
}

void PushHandlers::updateDevice(const OutboxEntry &entry, const Finish &finish, const Finish &)
{
    m_shared.client->updateDevice(m_shared.config.productId, entry.deviceIds.value(0),
        entry.payload.value(QStringLiteral("fields")).toObject(), this,
        [finish](Remote::Result<QJsonObject> r) { finish(r.error); });
}

void PushHandlers::createGroup(const OutboxEntry &entry, const Finish &finish, const Finish &)
{
    Domain::Group g;
    g.name = entry.payload.value(QStringLiteral("name")).toString();
    g.description = entry.payload.value(QStringLiteral("description")).toString();
    g.color = entry.payload.value(QStringLiteral("color")).toString();
    m_shared.client->createGroup(
        m_shared.config.productId, g, this, [this, finish, g](Remote::Result<Domain::Group> r) {
            if (r.ok())
                checkDescriptionKept(g.name, g.description, r.value->description);
            if (r.ok()
                || (r.error.kind != ApiError::Kind::BadRequest
                    && r.error.kind != ApiError::Kind::Malformed))
                return finish(r.error);
            // Sent before and applied, but the answer was lost? Then the group is there.
            m_shared.client->listGroups(m_shared.config.productId, this,
                [finish, g, first = r.error](Remote::Result<QList<Domain::Group>> l) {
                    if (!l.ok())
                        return finish(unknownOutcome(first)); // cannot tell now: ask again
                    const bool there = std::any_of(l.value->cbegin(), l.value->cend(),
                        [&](const Domain::Group &x) { return x.name == g.name; });
                    finish(there ? ApiError() : first);
                });
        });
}

void PushHandlers::updateGroup(const OutboxEntry &entry, const Finish &finish, const Finish &)
{
    const QString name = entry.payload.value(QStringLiteral("name")).toString();
    const QJsonObject fields = entry.payload.value(QStringLiteral("fields")).toObject();
    const auto [from, to] = Outbox::renameOf(entry);
    // A rename is done once the versions released to the group are released to its new
    // name too (Particle does not document that a rename keeps them).
    const auto done = [this, finish, from = from, to = to](const ApiError &error) {
        if (error.isError() || from.isEmpty())
            return finish(error);
        keepReleases(from, to, finish);
    };
    m_shared.client->updateGroup(m_shared.config.productId, name, fields, this,
        [this, done, to = to, fields](Remote::Result<Domain::Group> r) {
            if (r.ok() && fields.contains(QStringLiteral("description")))
                checkDescriptionKept(r.value->name,
                    fields.value(QStringLiteral("description")).toString(), r.value->description);
            if (r.ok()
                || (r.error.kind != ApiError::Kind::NotFound
                    && r.error.kind != ApiError::Kind::Malformed)
                || to.isEmpty())
                return done(r.error);
            m_shared.client->listGroups(m_shared.config.productId, this,
                [done, to, first = r.error](Remote::Result<QList<Domain::Group>> l) {
                    if (!l.ok())
                        return done(unknownOutcome(first)); // cannot tell now: ask again
                    const bool there = std::any_of(l.value->cbegin(), l.value->cend(),
                        [&](const Domain::Group &x) { return x.name == to; });
                    done(there ? ApiError() : first);
                });
        });
}

void PushHandlers::deleteGroup(const OutboxEntry &entry, const Finish &finish, const Finish &)
{
    m_shared.client->deleteGroup(m_shared.config.productId,
        entry.payload.value(QStringLiteral("name")).toString(), this,
        [finish](Remote::Result<bool> r) {
            finish(r.error.kind == ApiError::Kind::NotFound ? ApiError() : r.error);
        });
}

void PushHandlers::keepReleases(const QString &from, const QString &to, const Finish &finish)
{
    // The versions this console knows released to the group (the rename is applied here).
    QList<int> expected;
    for (const Domain::Firmware &fw : std::as_const(m_shared.state.firmware)) {
        if (fw.groups.contains(to))
            expected.append(fw.version);
    }
    if (expected.isEmpty())
        return finish(ApiError());
    m_shared.client->listFirmware(m_shared.config.productId, this,
        [this, from, to, expected, finish](Remote::Result<QList<Domain::Firmware>> r) {
            // The rename is done; what follows only keeps its releases. A failure on the way
            // sends the rename again (nothing more happens to it) and comes back here.
            if (!r.ok())
                return finish(isRefusal(r.error) ? ApiError() : unknownOutcome(r.error));
            QList<QPair<int, QStringList>> lost;
            for (const Domain::Firmware &fw : std::as_const(*r.value)) {
                if (!expected.contains(fw.version) || fw.groups.contains(to))
                    continue;
                QStringList groups = fw.groups;
                groups.removeAll(from);
                groups.append(to);
                lost.append({fw.version, groups});
            }
            if (lost.isEmpty())
                return finish(ApiError());
            struct Releases
            {
                qsizetype outstanding = 0;
                ApiError error;
            };
            auto state = std::make_shared<Releases>();
            state->outstanding = lost.size();
            for (const auto &[version, groups] : std::as_const(lost)) {
                qCWarning(lcSync) << "the cloud did not keep version" << version
                                  << "released to the renamed group" << to << "; releasing again";
                // A standard release: devices update at their next connection, as they would
                // have without the rename.
                m_shared.client->releaseFirmware(m_shared.config.productId, version, groups,
                    std::nullopt, false, this,
                    [this, state, finish, version = version, to](
                        Remote::Result<Domain::Firmware> released) {
                        if (!released.ok() && !state->error.isError())
                            state->error = released.error;
                        if (!released.ok() && isRefusal(released.error))
                            Q_EMIT errorOccurred(
                                Text::tr("Version %1 could not be released again to %2 after its "
                                         "rename: %3")
                                    .arg(version)
                                    .arg(
                                        describeGroup(m_shared.state, to), released.error.message));
                        if (--state->outstanding > 0)
                            return;
                        m_puller.refreshReleases();
                        // A refusal is said (above); the rename itself stays done.
                        finish(state->error.isError() && !isRefusal(state->error)
                                ? unknownOutcome(state->error)
                                : ApiError());
                    });
            }
        });
}

void PushHandlers::checkDescriptionKept(
    const QString &group, const QString &sent, const QString &kept)
{
    // Particle documents no limit for a group's description. Flotilla writes the node's tag
    // first, so a description cut short keeps the tag; the title is what is cut.
    if (kept.isNull() || kept == sent)
        return;
    qCWarning(lcSync) << "the cloud kept" << kept.size() << "of" << sent.size()
                      << "characters of the description of" << group;
    m_descriptionsKept.insert(group, kept);
    if (m_shared.state.groups.contains(group)) {
        FleetDelta delta;
        Domain::Group g = m_shared.state.groups.value(group);
        g.description = kept;
        delta.changedGroups.append(g);
        m_host.publish(delta, true);
    }
    const std::optional<Domain::NodeTag> tag = Domain::parseDescription(kept);
    Q_EMIT errorOccurred(Text::tr(
        "Particle kept only %1 of the %2 characters of a node's description: its title now "
        "reads “%3”. Give it a shorter title.")
                             .arg(kept.size())
                             .arg(sent.size())
                             .arg(tag ? tag->title : Text::tr("(unreadable)")));
}

void PushHandlers::confirmOwner(
    const QString &deviceId, const QString &account, const ApiError &first, const Finish &finish)
{
    m_shared.client->getDevice(m_shared.config.productId, deviceId, this,
        [account, first, finish](Remote::Result<Domain::Device> r) {
            const ApiError retry = unknownOutcome(first);
            if (r.ok() && r.value->owner.compare(account, Qt::CaseInsensitive) == 0)
                return finish(ApiError()); // it was done (by an earlier attempt, or this one)
            if (r.error.kind == ApiError::Kind::NotFound)
                return finish(r.error); // the device left the product: refused for good
            if (!r.ok())
                return finish(retry); // cannot read it back now
            // Read back, and not done: a refusal stands; an unreadable answer is sent again.
            finish(first.kind == ApiError::Kind::Malformed ? retry : first);
        });
}

} // namespace Flotilla::Sync::Detail
