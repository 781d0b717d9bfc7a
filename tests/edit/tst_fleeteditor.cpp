// SPDX-License-Identifier: MIT
// FleetEditor without any widget, on a real SyncEngine over a temporary cache (paused: edits are
// queued in the outbox, nothing is sent). Each edit of the table is planned, applied, undone and
// redone; every step checks the plan's impact and entries, the outbox the cache holds, and the
// fleet. Refused edits change nothing, and say why in titles.
#include "../tree/treefixture.h"
#include "domain/nodepath.h"
#include "editfixture.h"

#include <QStandardPaths>

#include <functional>

using namespace Flotilla;
using namespace Flotilla::EditTest;
using Flotilla::TreeTest::deviceId;
using Flotilla::TreeTest::smallFleet;

namespace {

using Planner = std::function<Edit::EditPlan(const Edit::FleetEditor &)>;

QString versionText(const std::optional<int> &v)
{
    return v ? QStringLiteral("v%1").arg(*v) : QStringLiteral("none");
}

// The impact as one line: what the confirmation would show.
QString impactText(const Edit::EditImpact &impact)
{
    const Edit::MoveImpact &m = impact.devices;
    QStringList firmware;
    for (const Edit::FirmwareTargetChange &c : m.firmwareChanges)
        firmware.append(
            QStringLiteral("%1>%2:%3").arg(versionText(c.from), versionText(c.to)).arg(c.count));
    QStringList owners;
    for (const Edit::DeviceMoveImpact &d : m.devices) {
        if (d.ownerChange.action != Domain::OwnerChange::Action::None)
            owners.append(
                QStringLiteral("%1:%2%3%4")
                    .arg(shortId(d.deviceId),
                        d.ownerChange.releases() ? QStringLiteral("release") : QString(),
                        d.ownerChange.releases() && d.ownerChange.claims() ? QStringLiteral("+")
                                                                           : QString(),
                        d.ownerChange.claims() ? QStringLiteral("claim ") + d.ownerChange.account
                                               : QString()));
    }
    QStringList renames;
    for (const Domain::GroupRename &r : impact.renames)
        renames.append(r.from + QStringLiteral(">") + r.to);
    QStringList parts;
    parts.append(QStringLiteral("devices=%1").arg(m.devices.size()));
    if (m.alreadyThere > 0)
        parts.append(QStringLiteral("already=%1").arg(m.alreadyThere));
    if (!owners.isEmpty())
        parts.append(QStringLiteral("owners=[%1]").arg(owners.join(QStringLiteral(", "))));
    if (!firmware.isEmpty())
        parts.append(QStringLiteral("firmware=[%1]").arg(firmware.join(QStringLiteral(", "))));
    if (!renames.isEmpty())
        parts.append(QStringLiteral("renames=[%1]").arg(renames.join(QStringLiteral(", "))));
    if (!impact.createdNodes.isEmpty())
        parts.append(
            QStringLiteral("created=[%1]").arg(impact.createdNodes.join(QStringLiteral(", "))));
    if (!impact.deletedNodes.isEmpty())
        parts.append(
            QStringLiteral("deleted=[%1]").arg(impact.deletedNodes.join(QStringLiteral(", "))));
    if (!impact.releasesLost.isEmpty())
        parts.append(QStringLiteral("releasesLost=[%1]")
                         .arg(impact.releasesLost.join(QStringLiteral(", "))));
    if (impact.devicesRenamed > 0)
        parts.append(QStringLiteral("renamed=%1").arg(impact.devicesRenamed));
    if (impact.notesChanged > 0)
        parts.append(QStringLiteral("notes=%1").arg(impact.notesChanged));
    parts.append(QStringLiteral("requests=%1").arg(impact.requests));
    return parts.join(QLatin1Char(' '));
}

// The lines of fleetText() an edit took away ("-") and added ("+").
QStringList changes(const QStringList &before, const QStringList &after)
{
    QStringList out;
    for (const QString &line : before) {
        if (!after.contains(line))
            out.append(QStringLiteral("-") + line);
    }
    for (const QString &line : after) {
        if (!before.contains(line))
            out.append(QStringLiteral("+") + line);
    }
    return out;
}

struct Case
{
    const char *name;
    Planner plan;
    QString text; // the undo text
    QString impact;
    QStringList outbox; // what applying it queues
    QStringList undoOutbox; // what undoing it queues
    QStringList changes; // the fleet before and after
    // The fleet before and after the undo: the move back follows the ownership rule, so a
    // device that was unclaimed under a linked customer comes back claimed to its account.
    QStringList undoChanges;
};

QString dev(int n)
{
    return deviceId(n);
}

const QList<Case> &cases()
{
    using Domain::MoveTarget;
    static const QList<Case> table = {
        {"move devices within a linked customer",
            [](const Edit::FleetEditor &e) {
                return e.planMoveDevices(
                    {dev(1), dev(2)}, MoveTarget::node(QStringLiteral("acme--hamburg")));
            },
            QStringLiteral("Move 2 devices to Acme Logistics › Hamburg port"),
            QStringLiteral("devices=2 owners=[#2:claim ops@acme.example] requests=3"),
            {QStringLiteral(
                 "device.groups {\"add\":[\"acme--hamburg\"],\"remove\":[\"acme--berlin\"]} #1,#2"),
                QStringLiteral("device.claim {\"account\":\"ops@acme.example\"} #2")},
            {QStringLiteral(
                "device.groups {\"add\":[\"acme--berlin\"],\"remove\":[\"acme--hamburg\"]} #1,#2")},
            {QStringLiteral("-#1 name=alpha groups=acme,acme--berlin owner=ops@acme.example "
                            "notes=(none) target=4"),
                QStringLiteral(
                    "-#2 name=Bravo groups=acme,acme--berlin owner= notes=(none) target=4"),
                QStringLiteral("+#1 name=alpha groups=acme,acme--hamburg owner=ops@acme.example "
                               "notes=(none) target=4"),
                QStringLiteral("+#2 name=Bravo groups=acme,acme--hamburg owner=ops@acme.example "
                               "notes=(none) target=4")},
            {QStringLiteral("-#2 name=Bravo groups=acme,acme--berlin owner= notes=(none) target=4"),
                QStringLiteral("+#2 name=Bravo groups=acme,acme--berlin owner=ops@acme.example "
                               "notes=(none) target=4")}},

        {"move a device to Unassigned",
            [](const Edit::FleetEditor &e) {
                return e.planMoveDevices({dev(1)}, MoveTarget::unassigned());
            },
            QStringLiteral("Move alpha to Unassigned"),
            QStringLiteral("devices=1 owners=[#1:release] firmware=[v4>v3:1] requests=2"),
            {QStringLiteral("device.groups {\"add\":[],\"remove\":[\"acme\",\"acme--berlin\"]} #1"),
                QStringLiteral("device.unclaim {} #1")},
            {QStringLiteral("device.groups {\"add\":[\"acme\",\"acme--berlin\"],\"remove\":[]} #1"),
                QStringLiteral("device.claim {\"account\":\"ops@acme.example\"} #1")},
            {QStringLiteral("-#1 name=alpha groups=acme,acme--berlin owner=ops@acme.example "
                            "notes=(none) target=4"),
                QStringLiteral("+#1 name=alpha groups= owner= notes=(none) target=3")},
            {}},

        {"move devices to Returns",
            [](const Edit::FleetEditor &e) {
                return e.planMoveDevices({dev(4), dev(7)}, MoveTarget::returns());
            },
            QStringLiteral("Move 2 devices to Returns"),
            QStringLiteral("devices=2 firmware=[v4>v3:1] requests=3"),
            {QStringLiteral("device.groups {\"add\":[\"flotilla-returns\"],\"remove\":[]} #7"),
                QStringLiteral(
                    "device.groups {\"add\":[\"flotilla-returns\"],\"remove\":[\"acme\"]} #4")},
            {QStringLiteral("device.groups {\"add\":[],\"remove\":[\"flotilla-returns\"]} #7"),
                QStringLiteral(
                    "device.groups {\"add\":[\"acme\"],\"remove\":[\"flotilla-returns\"]} #4"),
                QStringLiteral("device.claim {\"account\":\"ops@acme.example\"} #4")},
            {QStringLiteral("-#4 name=delta groups=acme owner= notes=(none) target=4"),
                QStringLiteral("-#7 name=golf groups= owner= notes=(none) target=3"),
                QStringLiteral(
                    "+#4 name=delta groups=flotilla-returns owner= notes=(none) target=3"),
                QStringLiteral(
                    "+#7 name=golf groups=flotilla-returns owner= notes=(none) target=3")},
            {QStringLiteral("-#4 name=delta groups=acme owner= notes=(none) target=4"),
                QStringLiteral(
                    "+#4 name=delta groups=acme owner=ops@acme.example notes=(none) target=4")}},

        {"move a device to a customer with an account",
            [](const Edit::FleetEditor &e) {
                return e.planMoveDevices(
                    {dev(6)}, MoveTarget::node(QStringLiteral("acme--berlin")));
            },
            QStringLiteral("Move foxtrot to Acme Logistics › Berlin depot"),
            QStringLiteral(
                "devices=1 owners=[#6:claim ops@acme.example] firmware=[v3>v4:1] requests=3"),
            {QStringLiteral(
                 "device.groups "
                 "{\"add\":[\"acme\",\"acme--berlin\"],\"remove\":[\"beta\",\"beta--north\"]} #6"),
                QStringLiteral("device.claim {\"account\":\"ops@acme.example\"} #6")},
            {QStringLiteral(
                 "device.groups "
                 "{\"add\":[\"beta\",\"beta--north\"],\"remove\":[\"acme\",\"acme--berlin\"]} #6"),
                QStringLiteral("device.unclaim {} #6")},
            {QStringLiteral(
                 "-#6 name=foxtrot groups=beta,beta--north owner= notes=(none) target=3"),
                QStringLiteral("+#6 name=foxtrot groups=acme,acme--berlin owner=ops@acme.example "
                               "notes=(none) target=4")},
            {}},

        {"move a device to a customer without an account",
            [](const Edit::FleetEditor &e) {
                return e.planMoveDevices({dev(1)}, MoveTarget::node(QStringLiteral("beta--north")));
            },
            QStringLiteral("Move alpha to Beta Energy › North"),
            QStringLiteral("devices=1 owners=[#1:release] firmware=[v4>v3:1] requests=3"),
            {QStringLiteral(
                 "device.groups "
                 "{\"add\":[\"beta\",\"beta--north\"],\"remove\":[\"acme\",\"acme--berlin\"]} #1"),
                QStringLiteral("device.unclaim {} #1")},
            {QStringLiteral(
                 "device.groups "
                 "{\"add\":[\"acme\",\"acme--berlin\"],\"remove\":[\"beta\",\"beta--north\"]} #1"),
                QStringLiteral("device.claim {\"account\":\"ops@acme.example\"} #1")},
            {QStringLiteral("-#1 name=alpha groups=acme,acme--berlin owner=ops@acme.example "
                            "notes=(none) target=4"),
                QStringLiteral(
                    "+#1 name=alpha groups=beta,beta--north owner= notes=(none) target=3")},
            {}},

        {"move a device out of Needs repair",
            [](const Edit::FleetEditor &e) {
                return e.planMoveDevices({dev(9)}, MoveTarget::node(QStringLiteral("beta")));
            },
            QStringLiteral("Move india to Beta Energy"),
            QStringLiteral("devices=1 firmware=[v4>v3:1] requests=1"),
            {QStringLiteral("device.groups {\"add\":[],\"remove\":[\"acme\"]} #9")},
            {QStringLiteral("device.groups {\"add\":[\"acme\"],\"remove\":[]} #9")},
            {QStringLiteral("-#9 name=india groups=acme,beta owner= notes=(none) target=4"),
                QStringLiteral("+#9 name=india groups=beta owner= notes=(none) target=3")},
            {}},

        {"move a subtree within its customer",
            [](const Edit::FleetEditor &e) {
                return e.planMoveNode(
                    QStringLiteral("acme--berlin--test"), QStringLiteral("acme--hamburg"));
            },
            QStringLiteral("Move Berlin test bench to Acme Logistics › Hamburg port"),
            QStringLiteral("devices=1 renames=[acme--berlin--test>acme--hamburg--test] requests=3"),
            {QStringLiteral(
                 "group.update "
                 "{\"fields\":{\"name\":\"acme--hamburg--test\"},\"name\":\"acme--berlin--test\"}"),
                QStringLiteral("device.groups "
                               "{\"add\":[\"acme--hamburg\"],\"remove\":[\"acme--berlin\"]} #3")},
            {QStringLiteral(
                 "group.update "
                 "{\"fields\":{\"name\":\"acme--berlin--test\"},\"name\":\"acme--hamburg--test\"}"),
                QStringLiteral("device.groups "
                               "{\"add\":[\"acme--berlin\"],\"remove\":[\"acme--hamburg\"]} #3")},
            {QStringLiteral(
                 "-#10 name=juliet groups=acme,acme--berlin--test owner= notes=(none) target=5"),
                QStringLiteral("-#3 name=charlie groups=acme,acme--berlin,acme--berlin--test "
                               "owner= notes=(none) target=5"),
                QStringLiteral("-group acme--berlin--test: Berlin test bench [flotilla:group]"),
                QStringLiteral("+#10 name=juliet groups=acme,acme--hamburg--test owner= "
                               "notes=(none) target=5"),
                QStringLiteral("+#3 name=charlie groups=acme,acme--hamburg,acme--hamburg--test "
                               "owner= notes=(none) target=5"),
                QStringLiteral("+group acme--hamburg--test: Berlin test bench [flotilla:group]")},
            {}},

        {"move a subtree to another customer",
            [](const Edit::FleetEditor &e) {
                return e.planMoveNode(QStringLiteral("acme--berlin"), QStringLiteral("beta"));
            },
            QStringLiteral("Move Berlin depot to Beta Energy"),
            QStringLiteral("devices=3 owners=[#1:release] firmware=[v4>v3:2] "
                           "renames=[acme--berlin>beta--berlin, "
                           "acme--berlin--test>beta--berlin--test] requests=5"),
            {QStringLiteral(
                 "group.update {\"fields\":{\"name\":\"beta--berlin\"},\"name\":\"acme--berlin\"}"),
                QStringLiteral("group.update "
                               "{\"fields\":{\"name\":\"beta--berlin--test\"},\"name\":\"acme--"
                               "berlin--test\"}"),
                QStringLiteral("device.groups {\"add\":[\"beta\"],\"remove\":[\"acme\"]} #1,#2,#3"),
                QStringLiteral("device.unclaim {} #1")},
            {QStringLiteral(
                 "group.update {\"fields\":{\"name\":\"acme--berlin\"},\"name\":\"beta--berlin\"}"),
                QStringLiteral("group.update "
                               "{\"fields\":{\"name\":\"acme--berlin--test\"},\"name\":\"beta--"
                               "berlin--test\"}"),
                QStringLiteral("device.groups {\"add\":[\"acme\"],\"remove\":[\"beta\"]} #1,#2,#3"),
                QStringLiteral("device.claim {\"account\":\"ops@acme.example\"} #1"),
                QStringLiteral("device.claim {\"account\":\"ops@acme.example\"} #2"),
                QStringLiteral("device.claim {\"account\":\"ops@acme.example\"} #3")},
            {QStringLiteral("-#1 name=alpha groups=acme,acme--berlin owner=ops@acme.example "
                            "notes=(none) target=4"),
                QStringLiteral(
                    "-#10 name=juliet groups=acme,acme--berlin--test owner= notes=(none) target=5"),
                QStringLiteral(
                    "-#2 name=Bravo groups=acme,acme--berlin owner= notes=(none) target=4"),
                QStringLiteral("-#3 name=charlie groups=acme,acme--berlin,acme--berlin--test "
                               "owner= notes=(none) target=5"),
                QStringLiteral("-group acme--berlin--test: Berlin test bench [flotilla:group]"),
                QStringLiteral("-group acme--berlin: Berlin depot [flotilla:group]"),
                QStringLiteral(
                    "+#1 name=alpha groups=beta,beta--berlin owner= notes=(none) target=3"),
                QStringLiteral(
                    "+#10 name=juliet groups=acme,beta--berlin--test owner= notes=(none) target=5"),
                QStringLiteral(
                    "+#2 name=Bravo groups=beta,beta--berlin owner= notes=(none) target=3"),
                QStringLiteral("+#3 name=charlie groups=beta,beta--berlin,beta--berlin--test "
                               "owner= notes=(none) target=5"),
                QStringLiteral("+group beta--berlin--test: Berlin test bench [flotilla:group]"),
                QStringLiteral("+group beta--berlin: Berlin depot [flotilla:group]")},
            {QStringLiteral("-#2 name=Bravo groups=acme,acme--berlin owner= notes=(none) target=4"),
                QStringLiteral("-#3 name=charlie groups=acme,acme--berlin,acme--berlin--test "
                               "owner= notes=(none) target=5"),
                QStringLiteral("+#2 name=Bravo groups=acme,acme--berlin owner=ops@acme.example "
                               "notes=(none) target=4"),
                QStringLiteral("+#3 name=charlie groups=acme,acme--berlin,acme--berlin--test "
                               "owner=ops@acme.example notes=(none) target=5")}},

        {"create a customer",
            [](const Edit::FleetEditor &e) {
                return e.planCreateNode(
                    QString(), QStringLiteral("gamma"), QStringLiteral("Gamma Corp"));
            },
            QStringLiteral("Create customer Gamma Corp"),
            QStringLiteral("devices=0 created=[Gamma Corp] requests=1"),
            {QStringLiteral("group.create {\"color\":\"\",\"description\":\"[flotilla:customer] "
                            "Gamma Corp\",\"name\":\"gamma\"}")},
            {QStringLiteral("group.delete {\"name\":\"gamma\"}")},
            {QStringLiteral("+group gamma: [flotilla:customer] Gamma Corp")}, {}},

        {"create a customer linked to an account",
            [](const Edit::FleetEditor &e) {
                return e.planCreateNode(QString(), QStringLiteral("gamma"),
                    QStringLiteral("Gamma Corp"), QStringLiteral("it@gamma.example"));
            },
            QStringLiteral("Create customer Gamma Corp"),
            QStringLiteral("devices=0 created=[Gamma Corp] requests=1"),
            {QStringLiteral("group.create {\"color\":\"\",\"description\":\"[flotilla:customer "
                            "account=it@gamma.example] Gamma Corp\",\"name\":\"gamma\"}")},
            {QStringLiteral("group.delete {\"name\":\"gamma\"}")},
            {QStringLiteral(
                "+group gamma: [flotilla:customer account=it@gamma.example] Gamma Corp")},
            {}},

        {"create a group",
            [](const Edit::FleetEditor &e) {
                return e.planCreateNode(
                    QStringLiteral("beta"), QStringLiteral("south"), QStringLiteral("South"));
            },
            QStringLiteral("Create group South"),
            QStringLiteral("devices=0 created=[Beta Energy › South] requests=1"),
            {QStringLiteral("group.create {\"color\":\"\",\"description\":\"[flotilla:group] "
                            "South\",\"name\":\"beta--south\"}")},
            {QStringLiteral("group.delete {\"name\":\"beta--south\"}")},
            {QStringLiteral("+group beta--south: [flotilla:group] South")}, {}},

        {"retitle a group",
            [](const Edit::FleetEditor &e) {
                return e.planRenameNode(QStringLiteral("acme--hamburg"),
                    QStringLiteral("Hamburg harbour"), QStringLiteral("hamburg"));
            },
            QStringLiteral("Rename Hamburg port"), QStringLiteral("devices=0 requests=1"),
            {QStringLiteral("group.update {\"fields\":{\"description\":\"[flotilla:group] Hamburg "
                            "harbour\"},\"name\":\"acme--hamburg\"}")},
            {QStringLiteral("group.update {\"fields\":{\"description\":\"Hamburg port "
                            "[flotilla:group]\"},\"name\":\"acme--hamburg\"}")},
            {QStringLiteral("-group acme--hamburg: Hamburg port [flotilla:group]"),
                QStringLiteral("+group acme--hamburg: [flotilla:group] Hamburg harbour")},
            {}},

        {"rename a customer with its subtree",
            [](const Edit::FleetEditor &e) {
                return e.planRenameNode(QStringLiteral("beta"), QStringLiteral("Beta Power"),
                    QStringLiteral("betapower"));
            },
            QStringLiteral("Rename Beta Energy"),
            QStringLiteral(
                "devices=0 renames=[beta>betapower, beta--north>betapower--north] requests=3"),
            {QStringLiteral("group.update {\"fields\":{\"description\":\"[flotilla:customer] Beta "
                            "Power\"},\"name\":\"beta\"}"),
                QStringLiteral(
                    "group.update {\"fields\":{\"name\":\"betapower\"},\"name\":\"beta\"}"),
                QStringLiteral(
                    "group.update "
                    "{\"fields\":{\"name\":\"betapower--north\"},\"name\":\"beta--north\"}")},
            {QStringLiteral("group.update {\"fields\":{\"name\":\"beta\"},\"name\":\"betapower\"}"),
                QStringLiteral(
                    "group.update "
                    "{\"fields\":{\"name\":\"beta--north\"},\"name\":\"betapower--north\"}"),
                QStringLiteral("group.update {\"fields\":{\"description\":\"Beta Energy "
                               "[flotilla:customer]\"},\"name\":\"beta\"}")},
            {QStringLiteral(
                 "-#6 name=foxtrot groups=beta,beta--north owner= notes=(none) target=3"),
                QStringLiteral("-#9 name=india groups=acme,beta owner= notes=(none) target=4"),
                QStringLiteral("-group beta--north: North [flotilla:group]"),
                QStringLiteral("-group beta: Beta Energy [flotilla:customer]"),
                QStringLiteral("+#6 name=foxtrot groups=betapower,betapower--north owner= "
                               "notes=(none) target=3"),
                QStringLiteral("+#9 name=india groups=acme,betapower owner= notes=(none) target=4"),
                QStringLiteral("+group betapower--north: North [flotilla:group]"),
                QStringLiteral("+group betapower: [flotilla:customer] Beta Power")},
            {}},

        {"delete a group with devices and a release",
            [](const Edit::FleetEditor &e) {
                return e.planDeleteNode(QStringLiteral("acme--berlin"));
            },
            QStringLiteral("Delete Berlin depot"),
            QStringLiteral(
                "devices=3 owners=[#1:release] firmware=[v4>v3:2, v5>v3:1] deleted=[Acme Logistics "
                "› Berlin depot, Acme Logistics › Berlin depot › Berlin test bench] "
                "releasesLost=[Acme Logistics › Berlin depot › Berlin test bench] requests=5"),
            {QStringLiteral(
                 "device.groups {\"add\":[],\"remove\":[\"acme\",\"acme--berlin\"]} #1,#2"),
                QStringLiteral("device.groups "
                               "{\"add\":[],\"remove\":[\"acme\",\"acme--berlin\",\"acme--berlin--"
                               "test\"]} #3"),
                QStringLiteral("device.unclaim {} #1"),
                QStringLiteral("group.delete {\"name\":\"acme--berlin--test\"}"),
                QStringLiteral("group.delete {\"name\":\"acme--berlin\"}")},
            {QStringLiteral("group.create {\"color\":\"\",\"description\":\"Berlin depot "
                            "[flotilla:group]\",\"name\":\"acme--berlin\"}"),
                QStringLiteral("group.create {\"color\":\"\",\"description\":\"Berlin test bench "
                               "[flotilla:group]\",\"name\":\"acme--berlin--test\"}"),
                QStringLiteral(
                    "device.groups {\"add\":[\"acme--berlin--test\"],\"remove\":[]} #10"),
                QStringLiteral(
                    "device.groups {\"add\":[\"acme\",\"acme--berlin\"],\"remove\":[]} #1,#2"),
                QStringLiteral("device.claim {\"account\":\"ops@acme.example\"} #1"),
                QStringLiteral("device.claim {\"account\":\"ops@acme.example\"} #2"),
                QStringLiteral("device.groups "
                               "{\"add\":[\"acme\",\"acme--berlin\",\"acme--berlin--test\"],"
                               "\"remove\":[]} #3"),
                QStringLiteral("device.claim {\"account\":\"ops@acme.example\"} #3")},
            {QStringLiteral("-#1 name=alpha groups=acme,acme--berlin owner=ops@acme.example "
                            "notes=(none) target=4"),
                QStringLiteral(
                    "-#10 name=juliet groups=acme,acme--berlin--test owner= notes=(none) target=5"),
                QStringLiteral(
                    "-#2 name=Bravo groups=acme,acme--berlin owner= notes=(none) target=4"),
                QStringLiteral("-#3 name=charlie groups=acme,acme--berlin,acme--berlin--test "
                               "owner= notes=(none) target=5"),
                QStringLiteral("-group acme--berlin--test: Berlin test bench [flotilla:group]"),
                QStringLiteral("-group acme--berlin: Berlin depot [flotilla:group]"),
                QStringLiteral("+#1 name=alpha groups= owner= notes=(none) target=3"),
                QStringLiteral("+#10 name=juliet groups=acme owner= notes=(none) target=4"),
                QStringLiteral("+#2 name=Bravo groups= owner= notes=(none) target=3"),
                QStringLiteral("+#3 name=charlie groups= owner= notes=(none) target=3")},
            {QStringLiteral(
                 "-#10 name=juliet groups=acme,acme--berlin--test owner= notes=(none) target=5"),
                QStringLiteral(
                    "-#2 name=Bravo groups=acme,acme--berlin owner= notes=(none) target=4"),
                QStringLiteral("-#3 name=charlie groups=acme,acme--berlin,acme--berlin--test "
                               "owner= notes=(none) target=5"),
                QStringLiteral(
                    "+#10 name=juliet groups=acme,acme--berlin--test owner= notes=(none) target=4"),
                QStringLiteral("+#2 name=Bravo groups=acme,acme--berlin owner=ops@acme.example "
                               "notes=(none) target=4"),
                QStringLiteral("+#3 name=charlie groups=acme,acme--berlin,acme--berlin--test "
                               "owner=ops@acme.example notes=(none) target=4")}},

        {"delete a customer",
            [](const Edit::FleetEditor &e) { return e.planDeleteNode(QStringLiteral("beta")); },
            QStringLiteral("Delete Beta Energy"),
            QStringLiteral("devices=1 deleted=[Beta Energy, Beta Energy › North] requests=3"),
            {QStringLiteral("device.groups {\"add\":[],\"remove\":[\"beta\",\"beta--north\"]} #6"),
                QStringLiteral("group.delete {\"name\":\"beta--north\"}"),
                QStringLiteral("group.delete {\"name\":\"beta\"}")},
            {QStringLiteral("group.create {\"color\":\"\",\"description\":\"Beta Energy "
                            "[flotilla:customer]\",\"name\":\"beta\"}"),
                QStringLiteral("group.create {\"color\":\"\",\"description\":\"North "
                               "[flotilla:group]\",\"name\":\"beta--north\"}"),
                QStringLiteral("device.groups {\"add\":[\"beta\"],\"remove\":[]} #9"),
                QStringLiteral(
                    "device.groups {\"add\":[\"beta\",\"beta--north\"],\"remove\":[]} #6")},
            {QStringLiteral(
                 "-#6 name=foxtrot groups=beta,beta--north owner= notes=(none) target=3"),
                QStringLiteral("-#9 name=india groups=acme,beta owner= notes=(none) target=4"),
                QStringLiteral("-group beta--north: North [flotilla:group]"),
                QStringLiteral("-group beta: Beta Energy [flotilla:customer]"),
                QStringLiteral("+#6 name=foxtrot groups= owner= notes=(none) target=3"),
                QStringLiteral("+#9 name=india groups=acme owner= notes=(none) target=4")},
            {}},

        {"notes of two devices",
            [](const Edit::FleetEditor &e) {
                return e.planDeviceNotes({dev(1), dev(2)}, QStringLiteral("Check the battery"));
            },
            QStringLiteral("Edit notes of 2 devices"),
            QStringLiteral("devices=0 notes=2 requests=2"),
            {QStringLiteral("device.update {\"fields\":{\"notes\":\"Check the battery\"}} #1"),
                QStringLiteral("device.update {\"fields\":{\"notes\":\"Check the battery\"}} #2")},
            {QStringLiteral("device.update {\"fields\":{\"notes\":null}} #1"),
                QStringLiteral("device.update {\"fields\":{\"notes\":null}} #2")},
            {QStringLiteral("-#1 name=alpha groups=acme,acme--berlin owner=ops@acme.example "
                            "notes=(none) target=4"),
                QStringLiteral(
                    "-#2 name=Bravo groups=acme,acme--berlin owner= notes=(none) target=4"),
                QStringLiteral("+#1 name=alpha groups=acme,acme--berlin owner=ops@acme.example "
                               "notes=Check the battery target=4"),
                QStringLiteral("+#2 name=Bravo groups=acme,acme--berlin owner= notes=Check the "
                               "battery target=4")},
            {}},

        {"a device's name",
            [](const Edit::FleetEditor &e) {
                return e.planDeviceName(dev(7), QStringLiteral("golf-2"));
            },
            QStringLiteral("Rename golf to golf-2"),
            QStringLiteral("devices=0 renamed=1 requests=1"),
            {QStringLiteral("device.update {\"fields\":{\"name\":\"golf-2\"}} #7")},
            {QStringLiteral("device.update {\"fields\":{\"name\":\"golf\"}} #7")},
            {QStringLiteral("-#7 name=golf groups= owner= notes=(none) target=3"),
                QStringLiteral("+#7 name=golf-2 groups= owner= notes=(none) target=3")},
            {}},

        {"repair devices",
            [](const Edit::FleetEditor &e) {
                return e.planRepair({dev(9), dev(10), dev(1)});
            },
            QStringLiteral("Repair 2 devices"), QStringLiteral("devices=0 requests=2"),
            {QStringLiteral("device.groups {\"add\":[],\"remove\":[\"beta\"]} #9"),
                QStringLiteral("device.groups {\"add\":[\"acme--berlin\"],\"remove\":[]} #10")},
            {QStringLiteral("device.groups {\"add\":[],\"remove\":[\"acme--berlin\"]} #10"),
                QStringLiteral("device.groups {\"add\":[\"beta\"],\"remove\":[]} #9")},
            {QStringLiteral(
                 "-#10 name=juliet groups=acme,acme--berlin--test owner= notes=(none) target=5"),
                QStringLiteral("-#9 name=india groups=acme,beta owner= notes=(none) target=4"),
                QStringLiteral("+#10 name=juliet groups=acme,acme--berlin,acme--berlin--test "
                               "owner= notes=(none) target=5"),
                QStringLiteral("+#9 name=india groups=acme owner= notes=(none) target=4")},
            {}},

        {"a batch plan",
            [](const Edit::FleetEditor &e) {
                Edit::BatchEdit batch;
                batch.nodes = {{QString(), QStringLiteral("gamma"), QStringLiteral("Gamma Corp"),
                                   QStringLiteral("ops@acme.example")},
                    {QStringLiteral("gamma"), QStringLiteral("depot"), QStringLiteral("Depot"),
                        QString()}};
                batch.devices = {
                    {dev(7), MoveTarget::node(QStringLiteral("gamma--depot")),
                        QStringLiteral("golf-depot"), std::nullopt},
                    {dev(8), MoveTarget::unassigned(), std::nullopt, QStringLiteral("refurbished")},
                    {dev(2), std::nullopt, std::nullopt, QStringLiteral("spare")},
                };
                return e.planBatch(batch);
            },
            QStringLiteral("Import 5 changes"),
            QStringLiteral("devices=2 owners=[#7:claim ops@acme.example] created=[Gamma Corp, "
                           "Gamma Corp › Depot] renamed=1 notes=2 requests=8"),
            {QStringLiteral("group.create {\"color\":\"\",\"description\":\"[flotilla:customer "
                            "account=ops@acme.example] Gamma Corp\",\"name\":\"gamma\"}"),
                QStringLiteral("group.create {\"color\":\"\",\"description\":\"[flotilla:group] "
                               "Depot\",\"name\":\"gamma--depot\"}"),
                QStringLiteral("device.groups {\"add\":[],\"remove\":[\"flotilla-returns\"]} #8"),
                QStringLiteral(
                    "device.groups {\"add\":[\"gamma\",\"gamma--depot\"],\"remove\":[]} #7"),
                QStringLiteral("device.claim {\"account\":\"ops@acme.example\"} #7"),
                QStringLiteral("device.update {\"fields\":{\"name\":\"golf-depot\"}} #7"),
                QStringLiteral("device.update {\"fields\":{\"notes\":\"refurbished\"}} #8"),
                QStringLiteral("device.update {\"fields\":{\"notes\":\"spare\"}} #2")},
            {QStringLiteral("device.update {\"fields\":{\"name\":\"golf\"}} #7"),
                QStringLiteral("device.update {\"fields\":{\"notes\":null}} #8"),
                QStringLiteral("device.update {\"fields\":{\"notes\":null}} #2"),
                QStringLiteral(
                    "device.groups {\"add\":[],\"remove\":[\"gamma\",\"gamma--depot\"]} #7"),
                QStringLiteral("device.unclaim {} #7"),
                QStringLiteral("device.groups {\"add\":[\"flotilla-returns\"],\"remove\":[]} #8"),
                QStringLiteral("group.delete {\"name\":\"gamma--depot\"}"),
                QStringLiteral("group.delete {\"name\":\"gamma\"}")},
            {QStringLiteral("-#2 name=Bravo groups=acme,acme--berlin owner= notes=(none) target=4"),
                QStringLiteral("-#7 name=golf groups= owner= notes=(none) target=3"),
                QStringLiteral(
                    "-#8 name=hotel groups=flotilla-returns owner= notes=(none) target=3"),
                QStringLiteral(
                    "+#2 name=Bravo groups=acme,acme--berlin owner= notes=spare target=4"),
                QStringLiteral("+#7 name=golf-depot groups=gamma,gamma--depot "
                               "owner=ops@acme.example notes=(none) target=3"),
                QStringLiteral("+#8 name=hotel groups= owner= notes=refurbished target=3"),
                QStringLiteral("+group gamma--depot: [flotilla:group] Depot"),
                QStringLiteral(
                    "+group gamma: [flotilla:customer account=ops@acme.example] Gamma Corp")},
            {}},
    };
    return table;
}

} // namespace

class TestFleetEditor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void edits_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < cases().size(); ++i)
            QTest::newRow(cases().at(i).name) << i;
    }

    // Plan, apply, undo, redo: the impact, the outbox and the fleet at every step.
    void edits()
    {
        QFETCH(int, index);
        const Case &c = cases().at(index);
        EditConsole console;
        QVERIFY(console.open(smallFleet()));
        const QStringList before = fleetText(console.engine->state());

        const Edit::EditPlan plan = c.plan(*console.editor);
        QVERIFY2(plan.canApply(), qPrintable(plan.error + plan.notice));
        QCOMPARE(plan.text, c.text);
        QCOMPARE(impactText(plan.impact), c.impact);
        QCOMPARE(entriesText(plan.entries), c.outbox);
        // Planning changes nothing.
        QCOMPARE(fleetText(console.engine->state()), before);
        QCOMPARE(console.outbox(), QStringList());

        QSignalSpy refused(console.editor.get(), &Edit::FleetEditor::refused);
        QCOMPARE(console.editor->apply(plan), QString());
        QCOMPARE(console.stack.count(), 1);
        QCOMPARE(console.stack.undoText(), c.text);
        const QStringList after = fleetText(console.engine->state());
        QCOMPARE(changes(before, after), c.changes);
        QCOMPARE(console.outbox(), c.outbox);

        console.stack.undo();
        QCOMPARE(changes(before, fleetText(console.engine->state())), c.undoChanges);
        QCOMPARE(console.outbox(), c.outbox + c.undoOutbox);

        // Redo makes the edit again on the fleet as it is now: what a plan says now.
        const QStringList again = entriesText(c.plan(*console.editor).entries);
        console.stack.redo();
        QCOMPARE(fleetText(console.engine->state()), after);
        QCOMPARE(console.outbox(), c.outbox + c.undoOutbox + again);
        QCOMPARE(console.stack.count(), 1);
        QCOMPARE(refused.count(), 0);
    }

    void refusals_data()
    {
        using Domain::MoveTarget;
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("reason");
        const QString tooLong(Domain::MaxGroupNameLength + 1, QLatin1Char('x'));
        static const QList<QPair<const char *, Planner>> plans = {
            {"a target that is not in the tree",
                [](const Edit::FleetEditor &e) {
                    return e.planMoveDevices({dev(1)}, MoveTarget::node(QStringLiteral("nope")));
                }},
            {"devices that are not in the fleet",
                [](const Edit::FleetEditor &e) {
                    return e.planMoveDevices({QStringLiteral("ffff")}, MoveTarget::returns());
                }},
            {"a node under itself",
                [](const Edit::FleetEditor &e) {
                    return e.planMoveNode(
                        QStringLiteral("acme--berlin"), QStringLiteral("acme--berlin--test"));
                }},
            {"a customer under another node",
                [](const Edit::FleetEditor &e) {
                    return e.planMoveNode(QStringLiteral("acme"), QStringLiteral("beta"));
                }},
            {"a short name too long",
                [](const Edit::FleetEditor &e) {
                    return e.planCreateNode(QString(),
                        QString(Domain::MaxGroupNameLength + 1, QLatin1Char('x')),
                        QStringLiteral("Long"));
                }},
            {"a short name too long under its parent",
                [](const Edit::FleetEditor &e) {
                    return e.planCreateNode(QStringLiteral("acme--berlin"),
                        QString(60, QLatin1Char('y')), QStringLiteral("Long"));
                }},
            {"a duplicate customer",
                [](const Edit::FleetEditor &e) {
                    return e.planCreateNode(
                        QString(), QStringLiteral("acme"), QStringLiteral("Acme again"));
                }},
            {"a duplicate group",
                [](const Edit::FleetEditor &e) {
                    return e.planCreateNode(
                        QStringLiteral("beta"), QStringLiteral("north"), QStringLiteral("North"));
                }},
            {"a group under a missing parent",
                [](const Edit::FleetEditor &e) {
                    return e.planCreateNode(
                        QStringLiteral("gone"), QStringLiteral("x"), QStringLiteral("X"));
                }},
            {"a group linked to an account",
                [](const Edit::FleetEditor &e) {
                    return e.planCreateNode(QStringLiteral("beta"), QStringLiteral("south"),
                        QStringLiteral("South"), QStringLiteral("it@beta.example"));
                }},
            {"an invalid short name",
                [](const Edit::FleetEditor &e) {
                    return e.planCreateNode(
                        QString(), QStringLiteral("Bad Name"), QStringLiteral("Bad"));
                }},
            {"a rename that changes nothing",
                [](const Edit::FleetEditor &e) {
                    return e.planRenameNode(QStringLiteral("beta"), QStringLiteral("Beta Energy"),
                        QStringLiteral("beta"));
                }},
            {"a rename onto a taken name",
                [](const Edit::FleetEditor &e) {
                    return e.planRenameNode(QStringLiteral("acme--hamburg"),
                        QStringLiteral("Hamburg port"), QStringLiteral("berlin"));
                }},
            {"deleting a node that is not there",
                [](const Edit::FleetEditor &e) {
                    return e.planDeleteNode(QStringLiteral("acme--paris"));
                }},
            {"an empty device name",
                [](const Edit::FleetEditor &e) {
                    return e.planDeviceName(dev(1), QStringLiteral("  "));
                }},
            {"a batch with one bad change",
                [](const Edit::FleetEditor &e) {
                    Edit::BatchEdit batch;
                    batch.nodes = {{QStringLiteral("beta"), QStringLiteral("south"),
                        QStringLiteral("South"), QString()}};
                    batch.devices = {{dev(6), MoveTarget::node(QStringLiteral("beta--south")),
                                         std::nullopt, std::nullopt},
                        {QStringLiteral("ffff"), MoveTarget::unassigned(), std::nullopt,
                            std::nullopt}};
                    return e.planBatch(batch);
                }},
            {"a batch moving a device twice",
                [](const Edit::FleetEditor &e) {
                    Edit::BatchEdit batch;
                    batch.devices = {{dev(6), MoveTarget::unassigned(), std::nullopt, std::nullopt},
                        {dev(6), MoveTarget::returns(), std::nullopt, std::nullopt}};
                    return e.planBatch(batch);
                }},
        };
        const QStringList reasons = {
            QStringLiteral("not in the tree any more"),
            QStringLiteral("no longer in the fleet"),
            QStringLiteral("own subtree"),
            QStringLiteral("customer"),
            QStringLiteral("Particle allows 64"),
            QStringLiteral("too long under “Acme Logistics › Berlin depot”"),
            QStringLiteral("taken here by “Acme Logistics”"),
            QStringLiteral("taken here by “Beta Energy › North”"),
            QStringLiteral("not in the tree any more"),
            QStringLiteral("Only a customer"),
            QStringLiteral("short name"),
            QStringLiteral("Change the title or the short name"),
            QStringLiteral("“Acme Logistics › Berlin depot” already exists"),
            QStringLiteral("not in the tree any more"),
            QStringLiteral("device name"),
            QStringLiteral("ffff: not in the fleet"),
            QStringLiteral("foxtrot: more than one change"),
        };
        Q_UNUSED(tooLong)
        refusalPlans() = plans;
        for (int i = 0; i < plans.size(); ++i)
            QTest::newRow(plans.at(i).first) << i << reasons.at(i);
    }

    // A refused edit says why, naming nodes by their titles, and changes nothing: no command,
    // no outbox entry, the fleet as it was.
    void refusals()
    {
        QFETCH(int, index);
        QFETCH(QString, reason);
        EditConsole console;
        QVERIFY(console.open(smallFleet()));
        const QStringList before = fleetText(console.engine->state());
        const Edit::EditPlan plan = refusalPlans().at(index).second(*console.editor);
        QVERIFY(plan.isRefused());
        QVERIFY2(plan.error.contains(reason), qPrintable(plan.error));
        QVERIFY2(!plan.error.contains(QStringLiteral("acme--")), qPrintable(plan.error));
        QVERIFY2(!plan.error.contains(QStringLiteral("beta--")), qPrintable(plan.error));
        QCOMPARE(console.editor->apply(plan), plan.error);
        QCOMPARE(console.stack.count(), 0);
        QCOMPARE(fleetText(console.engine->state()), before);
        QCOMPARE(console.outbox(), QStringList());
    }

    // A plan is checked again when applied: the fleet may have changed since.
    void planCheckedAgainWhenApplied()
    {
        EditConsole console;
        QVERIFY(console.open(smallFleet()));
        const Edit::EditPlan first = console.editor->planCreateNode(
            QStringLiteral("beta"), QStringLiteral("south"), QStringLiteral("South"));
        const Edit::EditPlan second = console.editor->planCreateNode(
            QStringLiteral("beta"), QStringLiteral("south"), QStringLiteral("South too"));
        QVERIFY(first.canApply());
        QVERIFY(second.canApply());
        QCOMPARE(console.editor->apply(first), QString());
        const QStringList before = fleetText(console.engine->state());
        QSignalSpy refused(console.editor.get(), &Edit::FleetEditor::refused);
        const QString error = console.editor->apply(second);
        QVERIFY2(error.contains(QStringLiteral("taken here by “Beta Energy › South”")),
            qPrintable(error));
        QCOMPARE(refused.count(), 1);
        QCOMPARE(console.stack.count(), 1);
        QCOMPARE(fleetText(console.engine->state()), before);
        QCOMPARE(console.outbox().size(), 1);
    }

    // A batch is planned again when it is applied: a customer it would create that exists by
    // now refuses the whole batch, says so, and leaves nothing on the undo stack or in the
    // outbox.
    void batchCheckedAgainWhenApplied()
    {
        EditConsole console;
        QVERIFY(console.open(smallFleet()));
        Edit::BatchEdit batch;
        batch.nodes
            = {{QString(), QStringLiteral("gamma"), QStringLiteral("Gamma Corp"), QString()}};
        batch.devices = {{dev(7), Domain::MoveTarget::node(QStringLiteral("gamma")), std::nullopt,
            std::nullopt}};
        const Edit::EditPlan plan = console.editor->planBatch(batch);
        QVERIFY(plan.canApply());
        QCOMPARE(console.editor->apply(console.editor->planCreateNode(
                     QString(), QStringLiteral("gamma"), QStringLiteral("Gamma Corp"))),
            QString());
        const QStringList before = fleetText(console.engine->state());
        const QStringList outbox = console.outbox();
        QSignalSpy refused(console.editor.get(), &Edit::FleetEditor::refused);
        const QString error = console.editor->apply(plan);
        QVERIFY(!error.isEmpty());
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.first().first().toString(), error);
        QCOMPARE(console.stack.count(), 1);
        QCOMPARE(fleetText(console.engine->state()), before);
        QCOMPARE(console.outbox(), outbox);
    }

    // A customer whose new customer account must be created first is applied only with its
    // account (applyWithAccount): apply() alone refuses it, and creates nothing.
    void customerWithANewAccountNeedsTheAccountFirst()
    {
        EditConsole console;
        QVERIFY(console.open(smallFleet()));
        const Edit::EditPlan plan
            = console.editor->planCreateNode(QString(), QStringLiteral("delta"),
                QStringLiteral("Delta Water"), QStringLiteral("ops@delta.example"), true);
        QVERIFY(plan.canApply());
        const QString error = console.editor->apply(plan);
        QCOMPARE(
            error, QStringLiteral("The customer account ops@delta.example must be created first."));
        QCOMPARE(console.stack.count(), 0);
        QCOMPARE(console.outbox(), QStringList());
    }

    // Nothing to do is said, not applied.
    void nothingToDo()
    {
        EditConsole console;
        QVERIFY(console.open(smallFleet()));
        const Edit::EditPlan there = console.editor->planMoveDevices(
            {dev(1), dev(2)}, Domain::MoveTarget::node(QStringLiteral("acme--berlin")));
        QVERIFY(there.isEmpty());
        QCOMPARE(there.notice,
            QStringLiteral("Already in Acme Logistics › Berlin depot: nothing to move."));
        const Edit::EditPlan notes = console.editor->planDeviceNotes({dev(1)}, QString());
        QCOMPARE(notes.notice, QStringLiteral("The notes are unchanged."));
        QCOMPARE(console.editor->apply(notes), notes.notice);
        QCOMPARE(console.stack.count(), 0);
        QCOMPARE(console.outbox(), QStringList());
    }

    // Undo or redo that the fleet no longer allows is refused, said, and the command dropped.
    void refusedUndo()
    {
        EditConsole console;
        QVERIFY(console.open(smallFleet()));
        QCOMPARE(console.editor->apply(console.editor->planMoveNode(
                     QStringLiteral("acme--berlin--test"), QStringLiteral("acme--hamburg"))),
            QString());
        // Meanwhile a new group takes the name the undo would give back.
        QCOMPARE(console.engine->createGroup(TreeTest::group(QStringLiteral("acme--berlin--test"),
                     QStringLiteral("New bench [flotilla:group]"))),
            QString());
        const QStringList before = fleetText(console.engine->state());
        QSignalSpy refused(console.editor.get(), &Edit::FleetEditor::refused);
        console.stack.undo();
        QCOMPARE(refused.count(), 1);
        QVERIFY2(refused.first().first().toString().contains(
                     QStringLiteral("“Acme Logistics › Berlin depot › New bench” already exists")),
            qPrintable(refused.first().first().toString()));
        QCOMPARE(console.stack.count(), 0); // dropped
        QCOMPARE(fleetText(console.engine->state()), before);
    }

private:
    static QList<QPair<const char *, Planner>> &refusalPlans()
    {
        static QList<QPair<const char *, Planner>> plans;
        return plans;
    }
};

QTEST_GUILESS_MAIN(TestFleetEditor)
#include "tst_fleeteditor.moc"
