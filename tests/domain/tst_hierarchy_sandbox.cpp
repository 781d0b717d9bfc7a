// SPDX-License-Identifier: MIT
// The encoding against the sandbox: the demo fleet's groups and devices, as the sandbox serves
// them (its own JSON), parse, classify and place without a single problem; every device's owner
// is the account of its customer node; and the console's precedence computes the target the
// sandbox reports for every device.
#include "demofleet.h"
#include "domain/hierarchy.h"
#include "domain/moves.h"
#include "domain/precedence.h"
#include "fleet.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Flotilla;

namespace {

constexpr qint64 Now = 1714550400000; // 2024-05-01T08:00:00Z

} // namespace

class TestHierarchySandbox final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_fleet.now = [] { return Now; };
        Sandbox::DemoOptions options;
        options.devices = 3000;
        Sandbox::generateDemoFleet(m_fleet, options, Now);

        for (int i = 0; i < static_cast<int>(m_fleet.groups.size()); ++i) {
            if (!m_fleet.groups[static_cast<size_t>(i)].alive)
                continue;
            QString error;
            const std::optional<Domain::Group> g
                = Domain::groupFromJson(m_fleet.groupJson(i, true), &error);
            QVERIFY2(g, qPrintable(error));
            m_groups.append(*g);
            if (g->releasedVersion)
                m_released.insert(g->name, *g->releasedVersion);
        }
        for (const Sandbox::Firmware &fw : std::as_const(m_fleet.firmware)) {
            QString error;
            const std::optional<Domain::Firmware> f
                = Domain::firmwareFromJson(m_fleet.firmwareJson(fw, false), &error);
            QVERIFY2(f, qPrintable(error));
            if (f->productDefault) {
                QVERIFY(!m_productDefault); // at most one
                m_productDefault = f->version;
            }
        }
        for (const Sandbox::Device &d : m_fleet.devices) {
            if (!d.inProduct)
                continue;
            QString error;
            const std::optional<Domain::Device> device
                = Domain::deviceFromJson(m_fleet.deviceJson(d), &error);
            QVERIFY2(device, qPrintable(error));
            m_devices.append(*device);
        }
        QVERIFY(m_devices.size() >= 3000);
        m_hierarchy = Domain::Hierarchy(m_groups);
    }

    void groupsClassifyCleanly()
    {
        for (const Domain::GroupProblem &p : m_hierarchy.problems())
            qWarning("%s", qPrintable(p.message));
        QVERIFY(m_hierarchy.problems().isEmpty());
        QCOMPARE(m_hierarchy.customers().size(), 6);
        QVERIFY(m_hierarchy.hasReturnsPool());
        QCOMPARE(m_hierarchy.labels(),
            (QStringList {QStringLiteral("beta-testers"), QStringLiteral("low-battery")}));
        int linked = 0;
        int deepest = 0;
        for (const Domain::Node &n : m_hierarchy.nodes()) {
            QVERIFY(!n.title.isEmpty());
            linked += n.account.isEmpty() ? 0 : 1;
            deepest = std::max(deepest, n.depth());
        }
        QVERIFY(linked > 0);
        QCOMPARE(deepest, 3);
        // Descriptions written by the sandbox read back as they were written.
        for (const Domain::Group &g : std::as_const(m_groups)) {
            const std::optional<Domain::NodeTag> tag = Domain::parseDescription(g.description);
            if (tag)
                QCOMPARE(Domain::formatDescription(*tag), g.description);
        }
    }

    void devicesPlaceCleanly()
    {
        QMap<int, int> counts; // by PlacementKind
        for (const Domain::Device &d : std::as_const(m_devices)) {
            const Domain::Placement p = Domain::placeDevice(d.groups, m_hierarchy);
            QVERIFY2(p.kind != Domain::PlacementKind::Inconsistent,
                qPrintable(d.id + QLatin1Char(' ') + d.groups.join(QLatin1Char(','))));
            ++counts[static_cast<int>(p.kind)];
            // The owner is the account of the device's customer (none outside customers).
            QCOMPARE(d.owner, Domain::accountOf(p.path, m_hierarchy));
            QCOMPARE(Domain::repairGroups(d.groups, m_hierarchy), d.groups);
        }
        QVERIFY(counts.value(static_cast<int>(Domain::PlacementKind::Node)) > 0);
        QVERIFY(counts.value(static_cast<int>(Domain::PlacementKind::Unassigned)) > 0);
        QVERIFY(counts.value(static_cast<int>(Domain::PlacementKind::Returns)) > 0);
    }

    void consoleComputesTheSandboxTargets()
    {
        QVERIFY(m_productDefault);
        QVERIFY(!m_released.isEmpty());
        int targeted = 0;
        for (const Domain::Device &d : std::as_const(m_devices)) {
            const std::optional<int> mine
                = Domain::effectiveTarget(d, m_released, m_productDefault);
            QVERIFY2(mine == d.targetedFirmwareVersion, qPrintable(d.id));
            targeted += mine ? 1 : 0;
        }
        QVERIFY(targeted > 0);
    }

    // Moving demo devices anywhere keeps them placeable, and the moves batch into few calls.
    void movesOnTheDemoFleet()
    {
        QList<Domain::MoveTarget> targets {
            Domain::MoveTarget::unassigned(), Domain::MoveTarget::returns()};
        for (const QString &path : m_hierarchy.nodes().keys())
            targets.append(Domain::MoveTarget::node(path));
        QRandomGenerator rng(5);
        QHash<QString, Domain::GroupDelta> deltas;
        const Domain::MoveTarget everyoneTo = targets.at(2);
        for (const Domain::Device &d : std::as_const(m_devices)) {
            const Domain::MoveTarget t
                = targets.at(static_cast<qsizetype>(rng.bounded(targets.size())));
            const QStringList after
                = Domain::applyDelta(d.groups, Domain::planMove(d.groups, t, m_hierarchy));
            const Domain::Placement p = Domain::placeDevice(after, m_hierarchy);
            QVERIFY(p.kind != Domain::PlacementKind::Inconsistent);
            QCOMPARE(p.path, t.path);
            deltas.insert(d.id, Domain::planMove(d.groups, everyoneTo, m_hierarchy));
        }
        // Everyone to one customer: one batch per distinct starting point, chunked by 1000.
        const QList<Domain::DeviceBatch> batches = Domain::batchByDelta(deltas, 1000);
        QVERIFY(!batches.isEmpty());
        QVERIFY(batches.size() < m_devices.size() / 10);
        qsizetype devices = 0;
        for (const Domain::DeviceBatch &b : batches) {
            QVERIFY(b.deviceIds.size() <= 1000);
            devices += b.deviceIds.size();
        }
        qsizetype alreadyThere = 0;
        for (const Domain::GroupDelta &d : std::as_const(deltas))
            alreadyThere += d.isEmpty() ? 1 : 0;
        QCOMPARE(devices + alreadyThere, m_devices.size());
    }

private:
    Sandbox::Fleet m_fleet;
    QList<Domain::Group> m_groups;
    QList<Domain::Device> m_devices;
    QHash<QString, int> m_released;
    std::optional<int> m_productDefault;
    Domain::Hierarchy m_hierarchy;
};

QTEST_APPLESS_MAIN(TestHierarchySandbox)
#include "tst_hierarchy_sandbox.moc"
