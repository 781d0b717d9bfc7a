// SPDX-License-Identifier: MIT
#include "rollout/rolloutplanner.h"

#include "domain/hierarchy.h"
#include "domain/nodepath.h"
#include "domain/precedence.h"
#include "domain/text.h"

#include <QRandomGenerator>

#include <algorithm>

namespace Flotilla::Rollout {

using Domain::RolloutDevice;
using Domain::RolloutDeviceState;
using Domain::RolloutMethod;
using Domain::RolloutState;

Domain::FlashImpact RolloutPlanner::assess(Domain::RolloutMethod method, int version,
    const QStringList &nodes, const QStringList &devices) const
{
    const Sync::FleetState &state = m_fleet;
    const Domain::Hierarchy hierarchy = state.hierarchy();
    const QHash<QString, int> released = state.releasedVersionByGroup();
    const std::optional<int> productDefault = state.productDefault();
    QHash<QString, int> releasedAfter = released;
    if (method == RolloutMethod::Release) {
        for (const QString &node : nodes)
            releasedAfter.insert(node, version);
    }

    QList<Domain::RolloutCandidate> candidates;
    QSet<QString> seen;
    auto add = [&](const Domain::Device &device, const QString &node) {
        if (seen.contains(device.id))
            return;
        seen.insert(device.id);
        Domain::RolloutCandidate c;
        c.id = device.id;
        c.name = device.name;
        c.node = node;
        c.firmwareVersion = device.firmwareVersion;
        c.lock = device.desiredFirmwareVersion;
        c.development = device.development;
        c.online = device.online;
        switch (method) {
        case RolloutMethod::Lock:
            c.targetAfter = Domain::effectiveTarget(device.development, version, {}, std::nullopt);
            break;
        case RolloutMethod::Release:
            c.targetAfter = Domain::effectiveTarget(device, releasedAfter, productDefault);
            break;
        case RolloutMethod::Staged: {
            QList<int> versions;
            for (const QString &g : device.groups) {
                const auto it = released.constFind(g);
                if (it != released.cend())
                    versions.append(*it);
            }
            versions.append(version);
            c.targetAfter = Domain::effectiveTarget(
                device.development, device.desiredFirmwareVersion, versions, productDefault);
            break;
        }
        }
        candidates.append(c);
    };

    QList<const Domain::Device *> underNodes;
    QHash<QString, QString> placeOf;
    for (auto it = state.devices.cbegin(); it != state.devices.cend(); ++it) {
        const Domain::Placement placement = Domain::placeDevice(it->groups, hierarchy);
        const QString path
            = placement.kind == Domain::PlacementKind::Node ? placement.path : QString();
        placeOf.insert(it.key(), path);
        if (path.isEmpty())
            continue;
        for (const QString &node : nodes) {
            if (Domain::isAncestorOrSelf(node, path)) {
                underNodes.append(&it.value());
                break;
            }
        }
    }
    std::sort(underNodes.begin(), underNodes.end(),
        [](const Domain::Device *a, const Domain::Device *b) { return a->id < b->id; });
    for (const Domain::Device *d : std::as_const(underNodes))
        add(*d, placeOf.value(d->id));
    for (const QString &id : devices) {
        const auto it = state.devices.constFind(id);
        if (it != state.devices.cend())
            add(*it, placeOf.value(id));
    }
    Domain::FlashImpact impact = Domain::assessFlash(method, version, candidates);
    // A device still in flight in another active rollout is left to that rollout: two rollouts
    // targeting one device would fight over its target and count its events twice.
    QHash<QString, QString> busy; // device id -> title of the rollout that holds it
    for (const RolloutRun *run : m_runs) {
        if (!isActive(run->r.state))
            continue;
        for (const RolloutDevice &d : std::as_const(run->r.devices)) {
            if (isInFlight(d.state))
                busy.insert(d.id, run->r.spec.title);
        }
    }
    if (busy.isEmpty())
        return impact;
    for (RolloutDevice &d : impact.devices) {
        const auto it = busy.constFind(d.id);
        if (d.state == RolloutDeviceState::Skipped || it == busy.cend())
            continue;
        d.state = RolloutDeviceState::Skipped;
        d.reason = Text::tr("Still being updated by the rollout “%1”").arg(*it);
        --impact.targeted;
        ++impact.inOtherRollout;
        const Domain::Device &device = state.devices.value(d.id);
        if (--impact.targetedByVersion[d.previousVersion] <= 0)
            impact.targetedByVersion.remove(d.previousVersion);
        if (!device.online)
            --impact.offline;
        if (d.previousVersion > version)
            --impact.downgrades;
        if (method == RolloutMethod::Lock && device.desiredFirmwareVersion
            && *device.desiredFirmwareVersion != version)
            --impact.locked;
    }
    return impact;
}

RolloutPlan RolloutPlanner::plan(Domain::RolloutSpec spec, const QString &actor, qint64 nowMs) const
{
    RolloutPlan out;
    auto refuse = [&out](const QString &message) {
        out.refusal = message;
        return out;
    };
    if (spec.order == Domain::RolloutSpec::Order::Random && spec.seed == 0)
        spec.seed = QRandomGenerator::global()->generate64() | 1u;
    if (spec.token.isEmpty())
        spec.token = Domain::newRolloutToken();

    Domain::FlashImpact impact = assess(spec.method, spec.version, spec.nodes, spec.devices);
    if (impact.targeted == 0)
        return refuse(Text::tr("No device of the selection would be flashed."));
    // Devices in flight in another active rollout are skipped by assess(), so no device is
    // targeted twice.
    QSet<QString> selected;
    for (const RolloutDevice &d : std::as_const(impact.devices))
        selected.insert(d.id);
    // A release to the selected nodes (now, or when a staged rollout completes) also reaches
    // the devices another rollout still holds there: with another version it would take them
    // over, and that rollout would wait for them in vain.
    const bool releasesToNodes = spec.method == RolloutMethod::Release || wantsFinalRelease(spec);
    if (releasesToNodes && impact.inOtherRollout > 0) {
        for (const RolloutRun *run : m_runs) {
            if (!isActive(run->r.state) || run->r.spec.version == spec.version)
                continue;
            int held = 0;
            for (const RolloutDevice &d : std::as_const(run->r.devices)) {
                if (isInFlight(d.state) && selected.contains(d.id))
                    ++held;
            }
            if (held > 0)
                return refuse(
                    Text::tr("%Ln device(s) of the selection are still being updated to v%1 by "
                             "the rollout “%2”, and this release would reach them too. Wait "
                             "for it to finish, abort it, or lock and flash instead.",
                        nullptr, held)
                        .arg(run->r.spec.version)
                        .arg(run->r.spec.title));
        }
    }
    Domain::Rollout r;
    r.spec = spec;
    r.state = RolloutState::Running;
    r.devices = impact.devices;
    const QList<Domain::WaveSpec> waves = spec.effectiveWaves();
    if (spec.method == RolloutMethod::Staged) {
        Domain::assignWaves(spec, r.devices);
    } else {
        for (RolloutDevice &d : r.devices) {
            if (d.state != RolloutDeviceState::Skipped)
                d.wave = 0;
        }
    }
    r.waves = QList<Domain::WaveProgress>(waves.size());
    r.createdMs = nowMs;
    for (RolloutDevice &d : r.devices)
        d.updatedMs = r.createdMs;

    Store::ActivityRecord activity;
    activity.actor = actor;
    activity.action = Text::tr("Rollout started");
    activity.subject = spec.title;
    activity.result = Text::tr("Started");
    activity.detail = Text::tr("Version %1 to %2 of %3 selected devices (%4 skipped), %Ln wave(s)",
        nullptr, static_cast<int>(waves.size()))
                          .arg(spec.version)
                          .arg(impact.targeted)
                          .arg(impact.selected)
                          .arg(impact.selected - impact.targeted);

    out.rollout = std::move(r);
    out.activity = activity;
    return out;
}

} // namespace Flotilla::Rollout
