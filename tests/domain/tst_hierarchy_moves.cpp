// SPDX-License-Identifier: MIT
// Moves as group deltas: planning, applying, merging, batching; ownership changes; moving and
// renaming whole subtrees.
#include "domain/moves.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Flotilla::Domain;

Q_DECLARE_METATYPE(Flotilla::Domain::GroupDelta)
Q_DECLARE_METATYPE(Flotilla::Domain::MoveTarget)

namespace {

QList<Group> groupsFrom(const QStringList &specs)
{
    QList<Group> groups;
    for (const QString &spec : specs)
        groups.append(Group {spec.section(QLatin1Char('|'), 0, 0),
            spec.section(QLatin1Char('|'), 1), QString(), std::nullopt});
    return groups;
}

// acme (account ops@acme.example) > berlin > test > rig, acme > hamburg; beta (no account) >
// north > test; northwind-logistics-international (account nw@example.com) >
// distribution-centre; the Returns pool; labels beta-testers, low-battery and an untagged
// acme--hamburg--spare.
QList<Group> fleetGroups()
{
    return groupsFrom({
        QStringLiteral("acme|Acme [flotilla:customer account=ops@acme.example]"),
        QStringLiteral("acme--berlin|Berlin [flotilla:group]"),
        QStringLiteral("acme--berlin--test|Berlin test [flotilla:group]"),
        QStringLiteral("acme--berlin--test--rig|Test rig [flotilla:group]"),
        QStringLiteral("acme--hamburg|Hamburg [flotilla:group]"),
        QStringLiteral("acme--hamburg--spare|made by hand in the Particle console"),
        QStringLiteral("beta|Beta [flotilla:customer]"),
        QStringLiteral("beta--north|North [flotilla:group]"),
        QStringLiteral("beta--north--test|North test [flotilla:group]"),
        QStringLiteral("northwind-logistics-international|Northwind [flotilla:customer "
                       "account=nw@example.com]"),
        QStringLiteral(
            "northwind-logistics-international--distribution-centre|DC [flotilla:group]"),
        QStringLiteral("flotilla-returns|Returns [flotilla:returns]"),
        QStringLiteral("beta-testers|Field beta"),
        QStringLiteral("low-battery|"),
    });
}

Hierarchy fleetHierarchy()
{
    return Hierarchy(fleetGroups());
}

QStringList sorted(QStringList list)
{
    list.sort();
    list.removeDuplicates();
    return list;
}

bool disjoint(const QStringList &a, const QStringList &b)
{
    return std::none_of(a.cbegin(), a.cend(), [&b](const QString &s) { return b.contains(s); });
}

QStringList randomSubset(QRandomGenerator &rng, const QStringList &universe, int oneIn)
{
    QStringList out;
    for (const QString &s : universe) {
        if (rng.bounded(oneIn) == 0)
            out.append(s);
    }
    return out;
}

QString ownerText(const OwnerChange &change)
{
    switch (change.action) {
    case OwnerChange::Action::None:
        return QStringLiteral("none");
    case OwnerChange::Action::Claim:
        return QStringLiteral("claim ") + change.account;
    case OwnerChange::Action::Unclaim:
        return QStringLiteral("unclaim");
    case OwnerChange::Action::UnclaimAndClaim:
        return QStringLiteral("unclaim, claim ") + change.account;
    }
    return {};
}

} // namespace

class TestHierarchyMoves final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // ---- planMove -----------------------------------------------------------------------------

    // Every starting point (consistent or not) to every kind of target. What the device must
    // end up with is spelled out: its labels, plus the target's chain, plus the Returns pool
    // for Returns.
    void planMoveEverywhere_data()
    {
        QTest::addColumn<QStringList>("from");
        QTest::addColumn<QStringList>("labels"); // the labels among `from`
        QTest::addColumn<MoveTarget>("target");
        QTest::addColumn<QStringList>("targetGroups"); // the node groups (or pool) of the target

        struct Start
        {
            const char *name;
            QStringList groups;
            QStringList labels;
        };
        const auto s = [](const char *t) { return QString::fromUtf8(t); };
        const QList<Start> starts {
            {"unassigned", {}, {}},
            {"unassigned with labels", {s("low-battery"), s("beta-testers")},
                {s("low-battery"), s("beta-testers")}},
            {"returns", {s("flotilla-returns"), s("low-battery")}, {s("low-battery")}},
            {"customer", {s("acme")}, {}},
            {"deep node with a label",
                {s("acme"), s("acme--berlin"), s("acme--berlin--test"), s("beta-testers")},
                {s("beta-testers")}},
            {"other customer", {s("beta"), s("beta--north")}, {}},
            {"untagged look-alike label",
                {s("acme"), s("acme--hamburg"), s("acme--hamburg--spare")},
                {s("acme--hamburg--spare")}},
            {"two branches", {s("acme"), s("acme--berlin"), s("acme--hamburg")}, {}},
            {"missing ancestor", {s("acme--berlin--test"), s("low-battery")}, {s("low-battery")}},
            {"returns and a node", {s("flotilla-returns"), s("beta"), s("beta--north")}, {}},
            {"two customers", {s("acme"), s("beta")}, {}},
        };
        struct Target
        {
            const char *name;
            MoveTarget target;
            QStringList groups;
        };
        const QList<Target> targets {
            {"unassigned", MoveTarget::unassigned(), {}},
            {"returns", MoveTarget::returns(), {s("flotilla-returns")}},
            {"acme", MoveTarget::node(s("acme")), {s("acme")}},
            {"acme--berlin", MoveTarget::node(s("acme--berlin")), {s("acme"), s("acme--berlin")}},
            {"acme--berlin--test--rig", MoveTarget::node(s("acme--berlin--test--rig")),
                {s("acme"), s("acme--berlin"), s("acme--berlin--test"),
                    s("acme--berlin--test--rig")}},
            {"acme--hamburg", MoveTarget::node(s("acme--hamburg")),
                {s("acme"), s("acme--hamburg")}},
            {"beta--north", MoveTarget::node(s("beta--north")), {s("beta"), s("beta--north")}},
        };
        for (const Start &from : starts) {
            for (const Target &to : targets) {
                const QByteArray name = QByteArray(from.name) + " -> " + to.name;
                QTest::newRow(name.constData())
                    << from.groups << from.labels << to.target << to.groups;
            }
        }
    }

    void planMoveEverywhere()
    {
        QFETCH(QStringList, from);
        QFETCH(QStringList, labels);
        QFETCH(MoveTarget, target);
        QFETCH(QStringList, targetGroups);
        const Hierarchy h = fleetHierarchy();
        const GroupDelta delta = planMove(from, target, h);
        const QStringList after = Flotilla::Domain::applyDelta(from, delta);
        QCOMPARE(after, sorted(labels + targetGroups));
        // A minimal, well-formed delta: sorted, disjoint, only real changes.
        QCOMPARE(delta.add, sorted(delta.add));
        QCOMPARE(delta.remove, sorted(delta.remove));
        QVERIFY(disjoint(delta.add, delta.remove));
        QVERIFY(disjoint(delta.add, from));
        for (const QString &g : delta.remove)
            QVERIFY(from.contains(g));
        for (const QString &g : labels)
            QVERIFY(!delta.remove.contains(g));
        // The device is where it was dropped.
        const Placement placed = placeDevice(after, h);
        switch (target.kind) {
        case MoveTarget::Kind::Unassigned:
            QCOMPARE(placed.kind, PlacementKind::Unassigned);
            break;
        case MoveTarget::Kind::Returns:
            QCOMPARE(placed.kind, PlacementKind::Returns);
            break;
        case MoveTarget::Kind::Node:
            QCOMPARE(placed.kind, PlacementKind::Node);
            QCOMPARE(placed.path, target.path);
            break;
        }
        // Moving again to the same place changes nothing.
        QVERIFY(planMove(after, target, h).isEmpty());
    }

    // A few moves with their exact deltas.
    void planMoveExact_data()
    {
        QTest::addColumn<QStringList>("from");
        QTest::addColumn<MoveTarget>("target");
        QTest::addColumn<QStringList>("add");
        QTest::addColumn<QStringList>("remove");

        const auto s = [](const char *t) { return QString::fromUtf8(t); };
        QTest::newRow("stock to a customer")
            << QStringList {s("low-battery")} << MoveTarget::node(s("acme"))
            << QStringList {s("acme")} << QStringList {};
        QTest::newRow("returns to a site")
            << QStringList {s("flotilla-returns")} << MoveTarget::node(s("acme--berlin"))
            << QStringList {s("acme"), s("acme--berlin")} << QStringList {s("flotilla-returns")};
        QTest::newRow("test bench to the sibling site")
            << QStringList {s("acme"), s("acme--berlin"), s("acme--berlin--test")}
            << MoveTarget::node(s("acme--hamburg")) << QStringList {s("acme--hamburg")}
            << QStringList {s("acme--berlin"), s("acme--berlin--test")};
        QTest::newRow("site up to its customer")
            << QStringList {s("acme"), s("acme--berlin"), s("beta-testers")}
            << MoveTarget::node(s("acme")) << QStringList {} << QStringList {s("acme--berlin")};
        QTest::newRow("site to returns")
            << QStringList {s("acme"), s("acme--berlin"), s("beta-testers")}
            << MoveTarget::returns() << QStringList {s("flotilla-returns")}
            << QStringList {s("acme"), s("acme--berlin")};
        QTest::newRow("customer to customer")
            << QStringList {s("beta"), s("beta--north")} << MoveTarget::node(s("acme--berlin"))
            << QStringList {s("acme"), s("acme--berlin")}
            << QStringList {s("beta"), s("beta--north")};
        QTest::newRow("returns to stock")
            << QStringList {s("flotilla-returns"), s("low-battery")} << MoveTarget::unassigned()
            << QStringList {} << QStringList {s("flotilla-returns")};
        QTest::newRow("already there")
            << QStringList {s("acme"), s("acme--hamburg")} << MoveTarget::node(s("acme--hamburg"))
            << QStringList {} << QStringList {};
        QTest::newRow("a move also repairs")
            << QStringList {s("acme--berlin--test")} << MoveTarget::node(s("acme--berlin--test"))
            << QStringList {s("acme"), s("acme--berlin")} << QStringList {};
    }

    void planMoveExact()
    {
        QFETCH(QStringList, from);
        QFETCH(MoveTarget, target);
        QFETCH(QStringList, add);
        QFETCH(QStringList, remove);
        const GroupDelta delta = planMove(from, target, fleetHierarchy());
        QCOMPARE(delta.add, add);
        QCOMPARE(delta.remove, remove);
    }

    // ---- applyDelta and mergeDeltas ---------------------------------------------------------

    void applyDelta_data()
    {
        QTest::addColumn<QStringList>("groups");
        QTest::addColumn<GroupDelta>("delta");
        QTest::addColumn<QStringList>("expected");

        const auto s = [](const char *t) { return QString::fromUtf8(t); };
        QTest::newRow("empty delta sorts and dedups") << QStringList {
            s("b"), s("a"), s("b")} << GroupDelta {} << QStringList {s("a"), s("b")};
        QTest::newRow("add") << QStringList {s("a")} << GroupDelta {{s("c"), s("b")}, {}}
                             << QStringList {s("a"), s("b"), s("c")};
        QTest::newRow("add what is there")
            << QStringList {s("a")} << GroupDelta {{s("a")}, {}} << QStringList {s("a")};
        QTest::newRow("remove") << QStringList {s("a"), s("b")} << GroupDelta {{}, {s("a")}}
                                << QStringList {s("b")};
        QTest::newRow("remove what is not there")
            << QStringList {s("a")} << GroupDelta {{}, {s("x")}} << QStringList {s("a")};
        QTest::newRow("remove then add the same group")
            << QStringList {} << GroupDelta {{s("a")}, {s("a")}} << QStringList {s("a")};
    }

    void applyDelta()
    {
        QFETCH(QStringList, groups);
        QFETCH(GroupDelta, delta);
        QFETCH(QStringList, expected);
        QCOMPARE(Flotilla::Domain::applyDelta(groups, delta), expected);
    }

    void mergeDeltasExact_data()
    {
        QTest::addColumn<GroupDelta>("first");
        QTest::addColumn<GroupDelta>("second");
        QTest::addColumn<GroupDelta>("merged");

        const auto s = [](const char *t) { return QString::fromUtf8(t); };
        QTest::newRow("empty") << GroupDelta {} << GroupDelta {} << GroupDelta {};
        QTest::newRow("add then remove cancels")
            << GroupDelta {{s("a")}, {}} << GroupDelta {{}, {s("a")}} << GroupDelta {{}, {s("a")}};
        QTest::newRow("remove then add keeps")
            << GroupDelta {{}, {s("a")}} << GroupDelta {{s("a")}, {}} << GroupDelta {{s("a")}, {}};
        QTest::newRow("site to site to site")
            << GroupDelta {{s("acme--b")}, {s("acme--a")}}
            << GroupDelta {{s("acme--c")}, {s("acme--b")}}
            << GroupDelta {{s("acme--c")}, {s("acme--a"), s("acme--b")}};
        QTest::newRow("independent")
            << GroupDelta {{s("x")}, {s("y")}} << GroupDelta {{s("p")}, {s("q")}}
            << GroupDelta {{s("p"), s("x")}, {s("q"), s("y")}};
    }

    void mergeDeltasExact()
    {
        QFETCH(GroupDelta, first);
        QFETCH(GroupDelta, second);
        QFETCH(GroupDelta, merged);
        const GroupDelta got = mergeDeltas(first, second);
        QCOMPARE(got.add, merged.add);
        QCOMPARE(got.remove, merged.remove);
    }

    // The property: for random deltas and random group sets, applying the merged delta equals
    // applying the first then the second. One row per seed; every row tries many group sets.
    void mergeDeltasProperty_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 200; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }

    void mergeDeltasProperty()
    {
        QFETCH(quint32, seed);
        QRandomGenerator rng(seed);
        const QStringList universe {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
            QStringLiteral("d"), QStringLiteral("e"), QStringLiteral("f"), QStringLiteral("g")};
        // Deltas may even overlap add and remove: applyDelta removes first, then adds.
        const GroupDelta first {
            sorted(randomSubset(rng, universe, 3)), sorted(randomSubset(rng, universe, 3))};
        const GroupDelta second {
            sorted(randomSubset(rng, universe, 3)), sorted(randomSubset(rng, universe, 3))};
        const GroupDelta merged = mergeDeltas(first, second);
        QVERIFY(disjoint(merged.add, merged.remove));
        QCOMPARE(merged.add, sorted(merged.add));
        QCOMPARE(merged.remove, sorted(merged.remove));
        for (int i = 0; i < 50; ++i) {
            const QStringList groups = randomSubset(rng, universe, 2);
            QCOMPARE(Flotilla::Domain::applyDelta(groups, merged),
                Flotilla::Domain::applyDelta(Flotilla::Domain::applyDelta(groups, first), second));
        }
        // Merging is associative in effect: ((d1 d2) d2) behaves like (d1 (d2 d2)).
        const GroupDelta left = mergeDeltas(merged, second);
        const GroupDelta right = mergeDeltas(first, mergeDeltas(second, second));
        QCOMPARE(left, right);
    }

    // Two moves queued one after the other (offline edits) collapse into the single move.
    void mergedMovesEqualDirectMove()
    {
        const Hierarchy h = fleetHierarchy();
        const QStringList universe = h.groupNames();
        QList<MoveTarget> targets {MoveTarget::unassigned(), MoveTarget::returns()};
        for (const QString &path : h.nodes().keys())
            targets.append(MoveTarget::node(path));
        QRandomGenerator rng(99);
        for (int i = 0; i < 2000; ++i) {
            const QStringList groups = randomSubset(rng, universe, 4);
            const MoveTarget t1 = targets.at(static_cast<qsizetype>(rng.bounded(targets.size())));
            const MoveTarget t2 = targets.at(static_cast<qsizetype>(rng.bounded(targets.size())));
            const GroupDelta d1 = planMove(groups, t1, h);
            const GroupDelta d2 = planMove(Flotilla::Domain::applyDelta(groups, d1), t2, h);
            QCOMPARE(Flotilla::Domain::applyDelta(groups, mergeDeltas(d1, d2)),
                Flotilla::Domain::applyDelta(groups, planMove(groups, t2, h)));
        }
    }

    // ---- Batching -----------------------------------------------------------------------------

    void batchByDelta_data()
    {
        QTest::addColumn<QStringList>("devices"); // "id:add,add/remove,remove"
        QTest::addColumn<int>("chunk");
        QTest::addColumn<QStringList>("batches"); // "add,add/remove,remove:id id"

        const auto s = [](const char *t) { return QString::fromUtf8(t); };
        QTest::newRow("nothing") << QStringList {} << 100 << QStringList {};
        QTest::newRow("empty deltas need no call")
            << QStringList {s("d1:/"), s("d2:/")} << 100 << QStringList {};
        QTest::newRow("one delta, one batch") << QStringList {s("d3:acme/"), s("d1:acme/"),
            s("d2:acme/")} << 100 << QStringList {s("acme/:d1 d2 d3")};
        QTest::newRow("chunks of two") << QStringList {s("d5:acme/"), s("d3:acme/"), s("d1:acme/"),
            s("d4:acme/"),
            s("d2:acme/")} << 2 << QStringList {s("acme/:d1 d2"), s("acme/:d3 d4"), s("acme/:d5")};
        QTest::newRow("chunk of one") << QStringList {s("d2:acme/"), s("d1:acme/")} << 1
                                      << QStringList {s("acme/:d1"), s("acme/:d2")};
        QTest::newRow("no limit below one") << QStringList {s("d2:acme/"), s("d1:acme/"),
            s("d3:acme/")} << 0 << QStringList {s("acme/:d1 d2 d3")};
        QTest::newRow("distinct deltas, ordered by delta")
            << QStringList {s("d1:acme,acme--b/flotilla-returns"), s("d2:acme/"), s("d3:/acme"),
                   s("d4:acme/"), s("d5:acme,acme--b/flotilla-returns"), s("d6:/")}
            << 100
            << QStringList {
                   s("/acme:d3"), s("acme/:d2 d4"), s("acme,acme--b/flotilla-returns:d1 d5")};
        QTest::newRow("same add, different remove")
            << QStringList {s("d1:acme/beta"), s("d2:acme/"), s("d3:acme/beta")} << 1
            << QStringList {s("acme/:d2"), s("acme/beta:d1"), s("acme/beta:d3")};
    }

    void batchByDelta()
    {
        QFETCH(QStringList, devices);
        QFETCH(int, chunk);
        QFETCH(QStringList, batches);
        const auto list = [](const QString &s) {
            return s.isEmpty() ? QStringList() : s.split(QLatin1Char(','));
        };
        QHash<QString, GroupDelta> input;
        for (const QString &d : devices) {
            const QString delta = d.section(QLatin1Char(':'), 1);
            input.insert(d.section(QLatin1Char(':'), 0, 0),
                GroupDelta {list(delta.section(QLatin1Char('/'), 0, 0)),
                    list(delta.section(QLatin1Char('/'), 1))});
        }
        QStringList got;
        int devicesInBatches = 0;
        for (const DeviceBatch &b : Flotilla::Domain::batchByDelta(input, chunk)) {
            got.append(b.delta.add.join(QLatin1Char(',')) + QLatin1Char('/')
                + b.delta.remove.join(QLatin1Char(',')) + QLatin1Char(':')
                + b.deviceIds.join(QLatin1Char(' ')));
            if (chunk > 0)
                QVERIFY(b.deviceIds.size() <= chunk);
            QVERIFY(!b.deviceIds.isEmpty());
            for (const QString &id : b.deviceIds)
                QCOMPARE(input.value(id), b.delta); // every device gets its own delta
            devicesInBatches += static_cast<int>(b.deviceIds.size());
        }
        QCOMPARE(got, batches);
        int nonEmpty = 0;
        for (const GroupDelta &d : std::as_const(input))
            nonEmpty += d.isEmpty() ? 0 : 1;
        QCOMPARE(devicesInBatches, nonEmpty); // each device exactly once
    }

    // ---- Ownership ------------------------------------------------------------------------------

    void ownerChange_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected");

        QTest::newRow("no accounts") << QString() << QString() << QStringLiteral("none");
        QTest::newRow("same account")
            << QStringLiteral("ops@acme.example") << QStringLiteral("ops@acme.example")
            << QStringLiteral("none");
        QTest::newRow("same account, other case")
            << QStringLiteral("Ops@Acme.example") << QStringLiteral("ops@acme.example")
            << QStringLiteral("none");
        QTest::newRow("into a linked customer") << QString() << QStringLiteral("ops@acme.example")
                                                << QStringLiteral("claim ops@acme.example");
        QTest::newRow("out of a linked customer")
            << QStringLiteral("ops@acme.example") << QString() << QStringLiteral("unclaim");
        QTest::newRow("between linked customers")
            << QStringLiteral("ops@acme.example") << QStringLiteral("nw@example.com")
            << QStringLiteral("unclaim, claim nw@example.com");
    }

    void ownerChange()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        QCOMPARE(ownerText(Flotilla::Domain::ownerChange(from, to)), expected);
    }

    // Moves across the tree and what they do to the owner, through accountOf().
    void ownerChangeOfMoves_data()
    {
        QTest::addColumn<QString>("fromPath"); // "" for Unassigned / Returns
        QTest::addColumn<QString>("toPath");
        QTest::addColumn<QString>("expected");

        QTest::newRow("stock to acme site") << QString() << QStringLiteral("acme--berlin--test")
                                            << QStringLiteral("claim ops@acme.example");
        QTest::newRow("within acme") << QStringLiteral("acme--berlin")
                                     << QStringLiteral("acme--hamburg") << QStringLiteral("none");
        QTest::newRow("acme to beta (no account)")
            << QStringLiteral("acme--berlin") << QStringLiteral("beta--north")
            << QStringLiteral("unclaim");
        QTest::newRow("acme to northwind")
            << QStringLiteral("acme") << QStringLiteral("northwind-logistics-international")
            << QStringLiteral("unclaim, claim nw@example.com");
        QTest::newRow("acme to returns")
            << QStringLiteral("acme--hamburg") << QString() << QStringLiteral("unclaim");
        QTest::newRow("beta to stock")
            << QStringLiteral("beta") << QString() << QStringLiteral("none");
    }

    void ownerChangeOfMoves()
    {
        QFETCH(QString, fromPath);
        QFETCH(QString, toPath);
        QFETCH(QString, expected);
        const Hierarchy h = fleetHierarchy();
        QCOMPARE(
            ownerText(Flotilla::Domain::ownerChange(accountOf(fromPath, h), accountOf(toPath, h))),
            expected);
    }

    // ---- Subtree moves and renames -------------------------------------------------------------

    void subtreeMove_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("newParent");
        QTest::addColumn<QString>("newSlug");
        QTest::addColumn<QStringList>("renames"); // "from>to"
        QTest::addColumn<QStringList>("add");
        QTest::addColumn<QStringList>("remove");
        QTest::addColumn<QString>("accounts"); // "from>to"
        QTest::addColumn<QString>("error"); // fragment; empty: allowed

        const auto s = [](const char *t) { return QString::fromUtf8(t); };
        const QString nwdc = s("northwind-logistics-international--distribution-centre");
        QTest::newRow("test bench to the sibling site")
            << s("acme--berlin--test") << s("acme--hamburg") << QString()
            << QStringList {s("acme--berlin--test>acme--hamburg--test"),
                   s("acme--berlin--test--rig>acme--hamburg--test--rig")}
            << QStringList {s("acme--hamburg")} << QStringList {s("acme--berlin")}
            << s("ops@acme.example>ops@acme.example") << QString();
        QTest::newRow("site to another customer")
            << s("acme--berlin") << s("beta") << QString()
            << QStringList {s("acme--berlin>beta--berlin"),
                   s("acme--berlin--test>beta--berlin--test"),
                   s("acme--berlin--test--rig>beta--berlin--test--rig")}
            << QStringList {s("beta")} << QStringList {s("acme")} << s("ops@acme.example>")
            << QString();
        QTest::newRow("site down into a sibling's subtree")
            << s("acme--hamburg") << s("acme--berlin--test") << QString()
            << QStringList {s("acme--hamburg>acme--berlin--test--hamburg")}
            << QStringList {s("acme--berlin"), s("acme--berlin--test")} << QStringList {}
            << s("ops@acme.example>ops@acme.example") << QString();
        QTest::newRow("deep group up to its customer")
            << s("beta--north--test") << s("beta") << QString()
            << QStringList {s("beta--north--test>beta--test")} << QStringList {}
            << QStringList {s("beta--north")} << s(">") << QString();
        QTest::newRow("rename in place through a move")
            << s("acme--berlin") << s("acme") << s("berlin-old")
            << QStringList {s("acme--berlin>acme--berlin-old"),
                   s("acme--berlin--test>acme--berlin-old--test"),
                   s("acme--berlin--test--rig>acme--berlin-old--test--rig")}
            << QStringList {} << QStringList {} << s("ops@acme.example>ops@acme.example")
            << QString();
        QTest::newRow("to northwind under a new slug")
            << s("beta--north") << s("northwind-logistics-international") << s("n")
            << QStringList {s("beta--north>northwind-logistics-international--n"),
                   s("beta--north--test>northwind-logistics-international--n--test")}
            << QStringList {s("northwind-logistics-international")} << QStringList {s("beta")}
            << s(">nw@example.com") << QString();

        const auto refused = [](const char *name, const QString &path, const QString &parent,
                                 const QString &slug, const QString &error) {
            QTest::newRow(name) << path << parent << slug << QStringList {} << QStringList {}
                                << QStringList {} << QString() << error;
        };
        refused("too deep", s("acme--berlin"), s("acme--hamburg"), QString(),
            s("'acme--hamburg--berlin--test--rig' would be 5 levels deep"));
        refused("into its own subtree", s("acme--berlin"), s("acme--berlin--test"), QString(),
            s("into its own subtree"));
        refused("onto itself", s("acme--berlin"), s("acme--berlin"), QString(), s("onto itself"));
        refused("a customer", s("acme"), s("beta"), QString(),
            s("“Acme” is a customer; a customer cannot be moved"));
        refused("to the top level", s("acme--berlin"), QString(), QString(),
            s("only customers are there"));
        refused("to a label", s("acme--hamburg"), s("beta-testers"), QString(),
            s("the group 'beta-testers' is not a customer or group"));
        refused("to the returns pool", s("acme--hamburg"), s("flotilla-returns"), QString(),
            s("the group 'flotilla-returns' is not a customer or group"));
        refused("a label", s("beta-testers"), s("acme"), QString(),
            s("the group 'beta-testers' is not a customer or group"));
        refused("where it is", s("acme--berlin"), s("acme"), QString(),
            s("“Acme › Berlin” is already directly under “Acme”"));
        refused("where it is, same slug", s("acme--berlin"), s("acme"), s("berlin"),
            s("already directly under “Acme”"));
        refused("over 64 characters", s("acme--hamburg"), nwdc, s("hamburg-harbour"),
            s("would be 71 characters; Particle allows 64"));
        refused("onto an existing node", s("beta--north"), s("acme"), s("berlin"),
            s("“Acme › Berlin” already exists in the product, where “Beta › North” would go"));
        refused("onto an untagged group", s("beta--north--test"), s("acme--hamburg"), s("spare"),
            s("the group 'acme--hamburg--spare' already exists"));
        refused("invalid slug", s("acme--hamburg"), s("beta"), s("Hamburg"), s("contains 'H'"));
    }

    void subtreeMove()
    {
        QFETCH(QString, path);
        QFETCH(QString, newParent);
        QFETCH(QString, newSlug);
        QFETCH(QStringList, renames);
        QFETCH(QStringList, add);
        QFETCH(QStringList, remove);
        QFETCH(QString, accounts);
        QFETCH(QString, error);
        const Hierarchy h = fleetHierarchy();
        const SubtreeChange change = planSubtreeMove(h, path, newParent, newSlug);
        if (!error.isEmpty()) {
            QVERIFY(!change.ok());
            QVERIFY2(change.error.contains(error), qPrintable(change.error));
            QVERIFY(change.renames.isEmpty());
            return;
        }
        QVERIFY2(change.ok(), qPrintable(change.error));
        QStringList got;
        for (const GroupRename &r : change.renames)
            got.append(r.from + QLatin1Char('>') + r.to);
        QCOMPARE(got, renames);
        QCOMPARE(change.memberDelta.add, add);
        QCOMPARE(change.memberDelta.remove, remove);
        QCOMPARE(change.fromAccount + QLatin1Char('>') + change.toAccount, accounts);
        verifyDevicesFollow(h, change);
    }

    void rename_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("newSlug");
        QTest::addColumn<QStringList>("renames");
        QTest::addColumn<QString>("error");

        const auto s = [](const char *t) { return QString::fromUtf8(t); };
        QTest::newRow("customer, labels untouched")
            << s("acme") << s("acme-corp")
            << QStringList {s("acme>acme-corp"), s("acme--berlin>acme-corp--berlin"),
                   s("acme--berlin--test>acme-corp--berlin--test"),
                   s("acme--berlin--test--rig>acme-corp--berlin--test--rig"),
                   s("acme--hamburg>acme-corp--hamburg")}
            << QString();
        QTest::newRow("site") << s("acme--berlin") << s("berlin-mitte")
                              << QStringList {s("acme--berlin>acme--berlin-mitte"),
                                     s("acme--berlin--test>acme--berlin-mitte--test"),
                                     s("acme--berlin--test--rig>acme--berlin-mitte--test--rig")}
                              << QString();
        QTest::newRow("leaf") << s("beta--north--test") << s("canary")
                              << QStringList {s("beta--north--test>beta--north--canary")}
                              << QString();
        QTest::newRow("invalid slug")
            << s("acme--berlin") << s("Berlin") << QStringList {} << s("contains 'B'");
        QTest::newRow("slug with the separator")
            << s("acme--berlin") << s("ber--lin") << QStringList {} << s("contains '--'");
        QTest::newRow("empty slug")
            << s("acme--berlin") << QString() << QStringList {} << s("must not be empty");
        QTest::newRow("unchanged") << s("acme--berlin") << s("berlin") << QStringList {}
                                   << s("already has the short name 'berlin'");
        QTest::newRow("taken by a sibling") << s("acme--berlin") << s("hamburg") << QStringList {}
                                            << s("“Acme › Hamburg” already exists");
        QTest::newRow("taken by a label") << s("acme") << s("beta-testers") << QStringList {}
                                          << s("the group 'beta-testers' already exists");
        QTest::newRow("the returns pool's name")
            << s("beta") << s("flotilla-returns") << QStringList {}
            << s("reserved for the Returns pool");
        QTest::newRow("not a node") << s("acme--hamburg--spare") << s("x") << QStringList {}
                                    << s("is not a customer or group of the tree");
        QTest::newRow("descendant would be too long")
            << s("northwind-logistics-international")
            << s("northwind-logistics-international-holding-gmbh") << QStringList {}
            << s("would be 67 characters; Particle allows 64");
    }

    void rename()
    {
        QFETCH(QString, path);
        QFETCH(QString, newSlug);
        QFETCH(QStringList, renames);
        QFETCH(QString, error);
        const Hierarchy h = fleetHierarchy();
        const SubtreeChange change = planNodeRename(h, path, newSlug);
        if (!error.isEmpty()) {
            QVERIFY(!change.ok());
            QVERIFY2(change.error.contains(error), qPrintable(change.error));
            return;
        }
        QVERIFY2(change.ok(), qPrintable(change.error));
        QStringList got;
        for (const GroupRename &r : change.renames)
            got.append(r.from + QLatin1Char('>') + r.to);
        QCOMPARE(got, renames);
        QVERIFY(change.memberDelta.isEmpty()); // in place: the chain only changes names
        QCOMPARE(change.toAccount, change.fromAccount); // the customer keeps its account
        verifyDevicesFollow(h, change);
    }

private:
    // Simulates the change on the product: rename the groups (descriptions go with them), give
    // each device of the subtree the member delta; then every such device must sit at the
    // renamed node, consistently, with its labels.
    void verifyDevicesFollow(const Hierarchy &h, const SubtreeChange &change)
    {
        QHash<QString, QString> renamed;
        for (const GroupRename &r : change.renames)
            renamed.insert(r.from, r.to);
        QList<Group> groups = fleetGroups();
        QVERIFY(Hierarchy(groups).nodes() == h.nodes()); // `h` is this product
        for (Group &g : groups)
            g.name = renamed.value(g.name, g.name);
        const Hierarchy after(groups);
        QVERIFY(after.problems().isEmpty());
        for (const GroupRename &r : change.renames) {
            QStringList device = pathChain(r.from);
            device.append(QStringLiteral("beta-testers"));
            for (QString &g : device)
                g = renamed.value(g, g);
            device = Flotilla::Domain::applyDelta(device, change.memberDelta);
            const Placement placed = placeDevice(device, after);
            QCOMPARE(placed.kind, PlacementKind::Node);
            QCOMPARE(placed.path, r.to);
            QVERIFY(device.contains(QStringLiteral("beta-testers")));
            QCOMPARE(accountOf(r.to, after), change.toAccount);
        }
    }
};

QTEST_APPLESS_MAIN(TestHierarchyMoves)
#include "tst_hierarchy_moves.moc"
