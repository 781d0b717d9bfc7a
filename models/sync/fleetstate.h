// SPDX-License-Identifier: MIT
#pragma once

#include "domain/entities.h"
#include "domain/hierarchy.h"
#include "store/changes.h"

#include <QHash>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Flotilla::Sync {

// The fleet as Flotilla knows it: the cache's content, with local edits applied.
struct FleetState
{
    Domain::Product product;
    QHash<QString, Domain::Device> devices; // by id
    QMap<QString, Domain::Group> groups; // by name
    QMap<int, Domain::Firmware> firmware; // by version
    QMap<QString, Domain::Customer> customers; // by username

    // The fleet a cache snapshot holds (its devices moved out of it).
    static FleetState fromSnapshot(Store::Snapshot &snapshot);

    Domain::Hierarchy hierarchy() const;
    QHash<QString, int> releasedVersionByGroup() const;
    std::optional<int> productDefault() const;
    // What the cloud will target for `device` with the releases known here.
    std::optional<int> targetFor(const Domain::Device &device) const;
};

// What changed, by id, for the models: never "everything changed".
struct FleetDelta
{
    QList<Domain::Device> addedDevices;
    QList<Domain::Device> changedDevices;
    QStringList removedDevices;
    QList<Domain::Group> addedGroups;
    QList<Domain::Group> changedGroups;
    QStringList removedGroups;
    QList<Domain::Firmware> addedFirmware;
    QList<Domain::Firmware> changedFirmware;
    QList<int> removedFirmware;
    QList<Domain::Customer> addedCustomers;
    QList<Domain::Customer> changedCustomers;
    QStringList removedCustomers;

    bool isEmpty() const;
    int size() const;
    bool groupsChanged() const;
    Store::ChangeSet toChangeSet() const;
};

// The full content of the cloud (or of part of it: `full` false leaves what is not mentioned).
struct CloudContent
{
    QHash<QString, Domain::Device> devices;
    std::optional<QMap<QString, Domain::Group>> groups;
    std::optional<QMap<int, Domain::Firmware>> firmware;
    std::optional<QMap<QString, Domain::Customer>> customers;
};

// The delta that turns `state` into `incoming`. With `fullDevices`, devices absent from
// `incoming` are removed; otherwise only the devices mentioned are compared.
FleetDelta diff(const FleetState &state, const CloudContent &incoming, bool fullDevices);
void apply(FleetState &state, const FleetDelta &delta);

} // namespace Flotilla::Sync

Q_DECLARE_METATYPE(Flotilla::Sync::FleetDelta)
