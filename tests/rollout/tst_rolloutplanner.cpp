// SPDX-License-Identifier: MIT
// The rollout planner without a network or a cache: which devices a rollout would flash when
// another active rollout still holds some of them, and which plans it refuses (a selection with
// nothing to flash, a release that would reach another rollout's devices with another version).
// The fleet is built as the sync engine would hold it.
#include "rollout/rolloutplanner.h"

#include <QTest>

using namespace Flotilla;
using Domain::RolloutDeviceState;
using Domain::RolloutMethod;
using Domain::RolloutState;
using Rollout::RolloutPlanner;
using Rollout::RolloutRun;

Q_DECLARE_METATYPE(Flotilla::Domain::RolloutMethod)
Q_DECLARE_METATYPE(Flotilla::Domain::RolloutState)

namespace {

Domain::Device device(const QString &id, const QStringList &groups, int firmware, bool online)
{
    Domain::Device d;
    d.id = id;
    d.name = id;
    d.groups = groups;
    d.firmwareVersion = firmware;
    d.online = online;
    d.productId = 4242;
    return d;
}

// Acme Logistics (acme) with its Berlin depot (acme--berlin), Beta Energy (beta); v3 is the
// product default, v5 and v6 are not released. a1, a2 in Berlin, a3 at Acme, b1, b2 at Beta
// (b2 offline); all on v3.
Sync::FleetState fleet()
{
    Sync::FleetState s;
    s.product.id = 4242;
    const QList<Domain::Group> groups {
        {QStringLiteral("acme"), QStringLiteral("Acme Logistics [flotilla:customer]"), QString(),
            std::nullopt},
        {QStringLiteral("acme--berlin"), QStringLiteral("Berlin depot [flotilla:group]"), QString(),
            std::nullopt},
        {QStringLiteral("beta"), QStringLiteral("Beta Energy [flotilla:customer]"), QString(),
            std::nullopt},
    };
    for (const Domain::Group &g : groups)
        s.groups.insert(g.name, g);
    for (const int version : {3, 5, 6}) {
        Domain::Firmware f;
        f.version = version;
        f.title = QStringLiteral("v%1").arg(version);
        f.productDefault = version == 3;
        s.firmware.insert(version, f);
    }
    const QStringList berlin {QStringLiteral("acme"), QStringLiteral("acme--berlin")};
    for (const Domain::Device &d : {device(QStringLiteral("a1"), berlin, 3, true),
             device(QStringLiteral("a2"), berlin, 3, true),
             device(QStringLiteral("a3"), {QStringLiteral("acme")}, 3, true),
             device(QStringLiteral("b1"), {QStringLiteral("beta")}, 3, true),
             device(QStringLiteral("b2"), {QStringLiteral("beta")}, 3, false)})
        s.devices.insert(d.id, d);
    for (Domain::Device &d : s.devices)
        d.targetedFirmwareVersion = s.targetFor(d);
    return s;
}

// "v5 to Beta", a release in state `state`: b1 updated, b2 (offline) still waiting.
std::unique_ptr<RolloutRun> heldRollout(RolloutState state)
{
    auto run = std::make_unique<RolloutRun>();
    run->r.id = 1;
    run->r.spec.title = QStringLiteral("v5 to Beta");
    run->r.spec.version = 5;
    run->r.spec.method = RolloutMethod::Release;
    run->r.spec.nodes = {QStringLiteral("beta")};
    run->r.state = state;
    Domain::RolloutDevice b1;
    b1.id = QStringLiteral("b1");
    b1.wave = 0;
    b1.state = RolloutDeviceState::Succeeded;
    Domain::RolloutDevice b2 = b1;
    b2.id = QStringLiteral("b2");
    b2.state = RolloutDeviceState::Waiting;
    run->r.devices = {b1, b2};
    run->reindex();
    return run;
}

} // namespace

class TestRolloutPlanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plan_data()
    {
        QTest::addColumn<RolloutState>("held"); // the state of "v5 to Beta"
        QTest::addColumn<RolloutMethod>("method");
        QTest::addColumn<int>("version");
        QTest::addColumn<QStringList>("nodes");
        QTest::addColumn<QStringList>("devices");
        QTest::addColumn<int>("targeted");
        QTest::addColumn<int>("inOtherRollout");
        QTest::addColumn<QString>("refusal"); // a part of it; empty: planned

        const QStringList acme {QStringLiteral("acme")};
        const QStringList beta {QStringLiteral("beta")};
        const QStringList betaDevices {QStringLiteral("b1"), QStringLiteral("b2")};
        const QString noDevice = QStringLiteral("No device of the selection");
        const QString held = QStringLiteral("v5 to Beta");
        // clang-format off
        QTest::newRow("staged to a customer nobody holds")
            << RolloutState::Running << RolloutMethod::Staged << 6 << acme << QStringList() << 3 << 0 << QString();
        QTest::newRow("lock of the held device alone: nothing to flash")
            << RolloutState::Running << RolloutMethod::Lock << 6 << QStringList() << QStringList {QStringLiteral("b2")} << 0 << 1 << noDevice;
        QTest::newRow("lock of the held customer flashes the rest")
            << RolloutState::Running << RolloutMethod::Lock << 6 << beta << QStringList() << 1 << 1 << QString();
        QTest::newRow("release of another version over held devices")
            << RolloutState::Running << RolloutMethod::Release << 6 << beta << QStringList() << 1 << 1 << held;
        QTest::newRow("staged whose final release reaches held devices")
            << RolloutState::Running << RolloutMethod::Staged << 6 << beta << QStringList() << 1 << 1 << held;
        QTest::newRow("staged of devices (no final release)")
            << RolloutState::Running << RolloutMethod::Staged << 6 << QStringList() << betaDevices << 1 << 1 << QString();
        QTest::newRow("paused rollouts hold their devices")
            << RolloutState::Paused << RolloutMethod::Release << 6 << beta << QStringList() << 1 << 1 << held;
        QTest::newRow("aborted rollouts hold nothing")
            << RolloutState::Aborted << RolloutMethod::Release << 6 << beta << QStringList() << 2 << 0 << QString();
        QTest::newRow("completed rollouts hold nothing")
            << RolloutState::Completed << RolloutMethod::Release << 6 << beta << QStringList() << 2 << 0 << QString();
        // clang-format on
    }

    void plan()
    {
        QFETCH(RolloutState, held);
        QFETCH(RolloutMethod, method);
        QFETCH(int, version);
        QFETCH(QStringList, nodes);
        QFETCH(QStringList, devices);
        QFETCH(int, targeted);
        QFETCH(int, inOtherRollout);
        QFETCH(QString, refusal);

        const Sync::FleetState state = fleet();
        const std::unique_ptr<RolloutRun> other = heldRollout(held);
        const RolloutPlanner planner(state, {other.get()});

        const Domain::FlashImpact impact = planner.assess(method, version, nodes, devices);
        QCOMPARE(impact.targeted, targeted);
        QCOMPARE(impact.inOtherRollout, inOtherRollout);
        if (inOtherRollout > 0) {
            for (const Domain::RolloutDevice &d : impact.devices) {
                if (d.id == QLatin1String("b2")) {
                    QCOMPARE(
                        Domain::toString(d.state), Domain::toString(RolloutDeviceState::Skipped));
                    QVERIFY2(d.reason.contains(QLatin1String("v5 to Beta")), qPrintable(d.reason));
                }
            }
        }

        Domain::RolloutSpec spec;
        spec.title = QStringLiteral("the new one");
        spec.version = version;
        spec.method = method;
        spec.nodes = nodes;
        spec.devices = devices;
        const Rollout::RolloutPlan plan = planner.plan(spec, QStringLiteral("ops"), 1000);
        if (!refusal.isEmpty()) {
            QVERIFY2(plan.refusal.contains(refusal), qPrintable(plan.refusal));
            return;
        }
        QCOMPARE(plan.refusal, QString());
        const Domain::Rollout &r = plan.rollout;
        QCOMPARE(Domain::toString(r.state), Domain::toString(RolloutState::Running));
        QCOMPARE(r.createdMs, qint64(1000));
        QCOMPARE(r.spec.token.size(), 10); // names its groups
        QVERIFY(r.spec.seed != 0); // the random order is kept
        QCOMPARE(r.waves.size(), r.spec.effectiveWaves().size());
        int inWaves = 0;
        for (const Domain::RolloutDevice &d : r.devices) {
            QCOMPARE(d.updatedMs, qint64(1000));
            if (d.state == RolloutDeviceState::Skipped) {
                QCOMPARE(d.wave, -1);
                continue;
            }
            QVERIFY(d.wave >= 0 && d.wave < r.waves.size());
            ++inWaves;
        }
        QCOMPARE(inWaves, targeted);
        QCOMPARE(plan.activity.actor, QStringLiteral("ops"));
        QCOMPARE(plan.activity.subject, spec.title);
    }
};

QTEST_GUILESS_MAIN(TestRolloutPlanner)
#include "tst_rolloutplanner.moc"
