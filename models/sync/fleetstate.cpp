// SPDX-License-Identifier: MIT
#include "sync/fleetstate.h"

#include "domain/precedence.h"

namespace Flotilla::Sync {

FleetState FleetState::fromSnapshot(Store::Snapshot &snapshot)
{
    FleetState state;
    state.product = snapshot.product;
    state.devices.reserve(snapshot.devices.size());
    for (Domain::Device &d : snapshot.devices)
        state.devices.insert(d.id, std::move(d));
    snapshot.devices.clear();
    for (const Domain::Group &g : std::as_const(snapshot.groups))
        state.groups.insert(g.name, g);
    for (const Domain::Firmware &f : std::as_const(snapshot.firmware))
        state.firmware.insert(f.version, f);
    for (const Domain::Customer &c : std::as_const(snapshot.customers))
        state.customers.insert(c.username, c);
    return state;
}

Domain::Hierarchy FleetState::hierarchy() const
{
    return Domain::Hierarchy(groups.values());
}

QHash<QString, int> FleetState::releasedVersionByGroup() const
{
    QHash<QString, int> out;
    for (const Domain::Firmware &fw : firmware) {
        for (const QString &g : fw.groups)
            out.insert(g, std::max(out.value(g, 0), fw.version));
    }
    return out;
}

std::optional<int> FleetState::productDefault() const
{
    for (const Domain::Firmware &fw : firmware) {
        if (fw.productDefault)
            return fw.version;
    }
    return std::nullopt;
}

std::optional<int> FleetState::targetFor(const Domain::Device &device) const
{
    return Domain::effectiveTarget(device, releasedVersionByGroup(), productDefault());
}

bool FleetDelta::isEmpty() const
{
    return size() == 0;
}

int FleetDelta::size() const
{
    return static_cast<int>(addedDevices.size() + changedDevices.size() + removedDevices.size()
        + addedGroups.size() + changedGroups.size() + removedGroups.size() + addedFirmware.size()
        + changedFirmware.size() + removedFirmware.size() + addedCustomers.size()
        + changedCustomers.size() + removedCustomers.size());
}

bool FleetDelta::groupsChanged() const
{
    return !addedGroups.isEmpty() || !changedGroups.isEmpty() || !removedGroups.isEmpty();
}

Store::ChangeSet FleetDelta::toChangeSet() const
{
    Store::ChangeSet c;
    c.devices = addedDevices + changedDevices;
    c.removedDevices = removedDevices;
    c.groups = addedGroups + changedGroups;
    c.removedGroups = removedGroups;
    c.firmware = addedFirmware + changedFirmware;
    c.removedFirmware = removedFirmware;
    c.customers = addedCustomers + changedCustomers;
    c.removedCustomers = removedCustomers;
    return c;
}

namespace {

template<typename Map, typename Key, typename Value>
void diffMap(const Map &current, const Map &incoming, QList<Value> *added, QList<Value> *changed,
    QList<Key> *removed)
{
    for (auto it = incoming.cbegin(); it != incoming.cend(); ++it) {
        const auto old = current.constFind(it.key());
        if (old == current.cend())
            added->append(it.value());
        else if (!(old.value() == it.value()))
            changed->append(it.value());
    }
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        if (!incoming.contains(it.key()))
            removed->append(it.key());
    }
}

} // namespace

FleetDelta diff(const FleetState &state, const CloudContent &incoming, bool fullDevices)
{
    FleetDelta d;
    for (auto it = incoming.devices.cbegin(); it != incoming.devices.cend(); ++it) {
        const auto old = state.devices.constFind(it.key());
        if (old == state.devices.cend())
            d.addedDevices.append(it.value());
        else if (!(old.value() == it.value()))
            d.changedDevices.append(it.value());
    }
    if (fullDevices) {
        for (auto it = state.devices.cbegin(); it != state.devices.cend(); ++it) {
            if (!incoming.devices.contains(it.key()))
                d.removedDevices.append(it.key());
        }
    }
    if (incoming.groups)
        diffMap(state.groups, *incoming.groups, &d.addedGroups, &d.changedGroups, &d.removedGroups);
    if (incoming.firmware)
        diffMap(state.firmware, *incoming.firmware, &d.addedFirmware, &d.changedFirmware,
            &d.removedFirmware);
    if (incoming.customers)
        diffMap(state.customers, *incoming.customers, &d.addedCustomers, &d.changedCustomers,
            &d.removedCustomers);
    return d;
}

void apply(FleetState &state, const FleetDelta &delta)
{
    for (const Domain::Device &d : delta.addedDevices)
        state.devices.insert(d.id, d);
    for (const Domain::Device &d : delta.changedDevices)
        state.devices.insert(d.id, d);
    for (const QString &id : delta.removedDevices)
        state.devices.remove(id);
    for (const Domain::Group &g : delta.addedGroups + delta.changedGroups)
        state.groups.insert(g.name, g);
    for (const QString &name : delta.removedGroups)
        state.groups.remove(name);
    for (const Domain::Firmware &f : delta.addedFirmware + delta.changedFirmware)
        state.firmware.insert(f.version, f);
    for (int v : delta.removedFirmware)
        state.firmware.remove(v);
    for (const Domain::Customer &c : delta.addedCustomers + delta.changedCustomers)
        state.customers.insert(c.username, c);
    for (const QString &name : delta.removedCustomers)
        state.customers.remove(name);
}

} // namespace Flotilla::Sync
