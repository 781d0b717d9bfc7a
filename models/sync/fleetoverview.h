// SPDX-License-Identifier: MIT
#pragma once

#include "sync/fleetstate.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace Flotilla::Sync {

// What a tree row of containers shows, for the devices placed directly at one container.
struct ContainerCounts
{
    int devices = 0;
    int online = 0;
    int offTarget = 0; // devices whose firmware is not the version the cloud targets for them
    int pending = 0; // devices with local changes not yet confirmed by the cloud
    std::vector<std::pair<int, int>> firmware; // version -> devices, by version, no zeros

    void addDevice(int firmwareVersion, bool isOnline, bool isOffTarget, bool isPending);
    void addFirmware(int version, int count);
    // Adds (sign 1) or takes away (sign -1) the counts of `other`.
    void add(const ContainerCounts &other, int sign);
    bool operator==(const ContainerCounts &) const = default;
};

// The fleet in numbers, per container (node, Unassigned, Returns, Needs repair), kept in the
// cache beside the devices so that a cold start can paint the tree (nodes and their counts)
// before the devices themselves are read: with 300,000 devices that is most of the start.
// It is a picture of the fleet when it was written; the devices, once read, replace it.
struct FleetOverview
{
    QHash<QString, ContainerCounts> nodes; // by node path: the devices placed at the node itself
    ContainerCounts unassigned;
    ContainerCounts returns;
    ContainerCounts needsRepair;
    qint64 writtenMs = 0;

    int deviceCount() const;
    bool operator==(const FleetOverview &) const = default;

    // Counts `state` as the fleet tree places its devices (Domain::placeDevice): a device whose
    // node is gone or whose groups contradict each other counts under Needs repair.
    static FleetOverview of(const FleetState &state, const QSet<QString> &pending);

    // The sync-state key under which the overview is kept, and its compact JSON form.
    static QString syncStateKey();
    QByteArray toJson() const;
    // Nothing for text that is not an overview of this format (an older or damaged one): the
    // tree then waits for the devices, as it always could.
    static std::optional<FleetOverview> fromJson(const QByteArray &json);
};

} // namespace Flotilla::Sync
