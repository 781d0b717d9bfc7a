// SPDX-License-Identifier: MIT
// computeMoveImpact: which devices get which firmware target, and whose owner changes, before
// anything is sent.
#include "../tree/treefixture.h"
#include "edit/moveimpact.h"

#include <QStandardPaths>
#include <QTest>

using namespace Flotilla;
using namespace Flotilla::TreeTest;
using Edit::FirmwareTargetChange;
using Action = Domain::OwnerChange::Action;

class TestMoveImpact final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // alpha (owned by Acme's account) from the Berlin depot to the test bench: v5 is released
    // there, so its target goes up; the owner stays.
    void targetGoesUp()
    {
        const Sync::FleetState s = smallFleet();
        const Edit::MoveImpact impact = Edit::computeMoveImpact(
            s, {deviceId(1)}, Domain::MoveTarget::node(QStringLiteral("acme--berlin--test")));
        QCOMPARE(impact.devices.size(), 1);
        const Edit::DeviceMoveImpact &d = impact.devices.constFirst();
        QCOMPARE(d.deviceId, deviceId(1));
        QCOMPARE(d.targetBefore, std::optional<int>(4));
        QCOMPARE(d.targetAfter, std::optional<int>(5));
        QVERIFY(d.targetChanges());
        QCOMPARE(d.ownerChange.action, Action::None);
        QVERIFY(!d.alreadyThere);
        QCOMPARE(impact.firmwareChanges, (QList<FirmwareTargetChange> {{4, 5, 1}}));
        QCOMPARE(impact.firmwareChanges.constFirst().label(), QStringLiteral("v4 \u2192 v5: 1"));
        QCOMPARE(impact.claims, 0);
        QCOMPARE(impact.unclaims, 0);
        QVERIFY(impact.needsConfirmation);
    }

    // charlie (owned) from the test bench to Hamburg: only acme's v4 remains.
    void targetGoesDown()
    {
        Sync::FleetState s = smallFleet();
        s.devices[deviceId(3)].owner = QStringLiteral("ops@acme.example");
        const Edit::MoveImpact impact = Edit::computeMoveImpact(
            s, {deviceId(3)}, Domain::MoveTarget::node(QStringLiteral("acme--hamburg")));
        QCOMPARE(impact.firmwareChanges, (QList<FirmwareTargetChange> {{5, 4, 1}}));
        QCOMPARE(impact.devices.constFirst().ownerChange.action, Action::None);
        QVERIFY(impact.needsConfirmation);
        QCOMPARE(impact.targetChanges(), 1);
    }

    // Several devices with the same change are one line; lines are ordered by (from, to), with
    // "none" first.
    void changesAreGrouped()
    {
        Sync::FleetState s = smallFleet();
        for (int n : {1, 2, 3})
            s.devices[deviceId(n)].owner = QStringLiteral("ops@acme.example");
        s.devices[deviceId(7)].development = true; // never targeted
        s.devices[deviceId(4)].desiredFirmwareVersion = 4; // locked
        retarget(s);
        // alpha, Bravo: 4 -> 3 (the product default); charlie 5 -> 3; delta locked at 4;
        // golf (development) stays untargeted; hotel already there (3).
        const Edit::MoveImpact impact = Edit::computeMoveImpact(s,
            {deviceId(1), deviceId(2), deviceId(3), deviceId(4), deviceId(7), deviceId(8)},
            Domain::MoveTarget::returns());
        QCOMPARE(impact.firmwareChanges, (QList<FirmwareTargetChange> {{4, 3, 2}, {5, 3, 1}}));
        QCOMPARE(impact.firmwareChanges.at(1).label(), QStringLiteral("v5 \u2192 v3: 1"));
        QCOMPARE(impact.alreadyThere, 1);
        QCOMPARE(impact.devices.size(), 6);
        QVERIFY(!impact.devices.at(4).targetBefore.has_value());
        QVERIFY(!impact.devices.at(4).targetAfter.has_value());
        QCOMPARE(impact.devices.at(3).targetAfter, std::optional<int>(4));
        // Leaving Acme releases the devices its account owns.
        QCOMPARE(impact.unclaims, 3);
        QCOMPARE(impact.claims, 0);
    }

    void ownership()
    {
        Sync::FleetState s = smallFleet();
        s.devices[deviceId(6)].owner = QStringLiteral("someone@else.example");
        // golf (stock, unowned) into Acme: claimed, and v3 -> v4.
        Edit::MoveImpact impact = Edit::computeMoveImpact(
            s, {deviceId(7)}, Domain::MoveTarget::node(QStringLiteral("acme--hamburg")));
        QCOMPARE(impact.devices.constFirst().ownerChange,
            (Domain::OwnerChange {Action::Claim, QStringLiteral("ops@acme.example")}));
        QCOMPARE(impact.claims, 1);
        QCOMPARE(
            impact.claimsByAccount, (QMap<QString, int> {{QStringLiteral("ops@acme.example"), 1}}));
        QCOMPARE(impact.firmwareChanges, (QList<FirmwareTargetChange> {{3, 4, 1}}));

        // alpha (owned by Acme's account) to Beta, which has no account: released.
        impact = Edit::computeMoveImpact(
            s, {deviceId(1)}, Domain::MoveTarget::node(QStringLiteral("beta--north")));
        QCOMPARE(impact.devices.constFirst().ownerChange.action, Action::Unclaim);
        QCOMPARE(impact.unclaims, 1);
        QVERIFY(impact.needsConfirmation);

        // foxtrot, owned by another account, into Acme: released, then claimed.
        impact = Edit::computeMoveImpact(
            s, {deviceId(6)}, Domain::MoveTarget::node(QStringLiteral("acme")));
        QCOMPARE(impact.devices.constFirst().ownerChange,
            (Domain::OwnerChange {Action::UnclaimAndClaim, QStringLiteral("ops@acme.example")}));
        QCOMPARE(impact.claims, 1);
        QCOMPARE(impact.unclaims, 1);

        // A claim that is not a linked customer's stays when the target has no account.
        impact = Edit::computeMoveImpact(s, {deviceId(6)}, Domain::MoveTarget::unassigned());
        QCOMPARE(impact.devices.constFirst().ownerChange.action, Action::None);
        QCOMPARE(impact.unclaims, 0);
    }

    void nothingToDo()
    {
        Sync::FleetState s = smallFleet();
        Edit::MoveImpact impact = Edit::computeMoveImpact(
            s, {deviceId(1)}, Domain::MoveTarget::node(QStringLiteral("acme--berlin")));
        QCOMPARE(impact.alreadyThere, 1);
        QVERIFY(impact.devices.constFirst().alreadyThere);
        QVERIFY(impact.firmwareChanges.isEmpty());
        QVERIFY(!impact.needsConfirmation);

        // Unassigned to Unassigned, Returns to Returns.
        impact = Edit::computeMoveImpact(s, {deviceId(7)}, Domain::MoveTarget::unassigned());
        QVERIFY(!impact.needsConfirmation);
        impact = Edit::computeMoveImpact(s, {deviceId(8)}, Domain::MoveTarget::returns());
        QVERIFY(!impact.needsConfirmation);
        QCOMPARE(impact.alreadyThere, 1);

        // A move that changes groups but neither target nor owner (Beta to Beta's site).
        impact = Edit::computeMoveImpact(
            s, {deviceId(6)}, Domain::MoveTarget::node(QStringLiteral("beta")));
        QCOMPARE(impact.alreadyThere, 0);
        QVERIFY(!impact.needsConfirmation);

        // Nothing at all; unknown and repeated ids.
        impact = Edit::computeMoveImpact(s, {}, Domain::MoveTarget::returns());
        QVERIFY(impact.devices.isEmpty());
        QVERIFY(!impact.needsConfirmation);
        impact = Edit::computeMoveImpact(
            s, {QStringLiteral("nope"), deviceId(8), deviceId(8)}, Domain::MoveTarget::returns());
        QCOMPARE(impact.unknownDevices, QStringList {QStringLiteral("nope")});
        QCOMPARE(impact.devices.size(), 1);
    }

    // A Needs repair device dropped on a node: the move repairs it; the impact is computed
    // from its contradictory groups.
    void repairingMove()
    {
        const Sync::FleetState s = smallFleet();
        const Edit::MoveImpact impact = Edit::computeMoveImpact(
            s, {deviceId(10)}, Domain::MoveTarget::node(QStringLiteral("acme--berlin--test")));
        QCOMPARE(impact.devices.constFirst().targetBefore, std::optional<int>(5));
        QCOMPARE(impact.devices.constFirst().targetAfter, std::optional<int>(5));
        QVERIFY(!impact.devices.constFirst().alreadyThere);
        // Inconsistent: no source customer, so nothing to release; claimed to Acme's account.
        QCOMPARE(impact.devices.constFirst().ownerChange.action, Action::Claim);
    }
};

QTEST_MAIN(TestMoveImpact)
#include "tst_moveimpact.moc"
