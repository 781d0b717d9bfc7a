// SPDX-License-Identifier: MIT
// DeviceTableModel and DeviceFilter: scopes (a node with its descendants, the pools, the whole
// fleet), columns and roles, the filter grammar (data-driven), sorting by every column (stable,
// natural keys), the granular signals of deltas and of pending changes (never a reset), random
// deltas against a rebuild — all under QAbstractItemModelTester, on the model and through a
// sorting proxy — and a performance report at 100,000 devices: a query typed one character at
// a time, and setScope().
#include "tree/devicefilter.h"
#include "tree/devicetablemodel.h"
#include "tree/dragdrop.h"
#include "treefixture.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QMimeData>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <functional>
#include <memory>

using namespace Flotilla;
using namespace Flotilla::TreeTest;
using Tree::DeviceFilter;
using Tree::DeviceScope;
using Tree::DeviceTableModel;

Q_DECLARE_METATYPE(Flotilla::Tree::DeviceScope)

namespace {

using Column = DeviceTableModel::Column;

// The small fleet of treefixture.h with every column filled in:
//  n  name     node (location)                     fw  target  locked  serial   last heard
//  1  alpha    Acme › Berlin depot      online     4   4               SN-0007  5000
//  2  Bravo    Acme › Berlin depot                 3   4 (off)         SN-0003  100
//  3  charlie  Acme › Berlin › test     online     5   5       5       SN-0010  never
//  4  delta    Acme                                4   3 (off) 3       SN-0006  90000
//  5  echo     Acme › Hamburg port                 4   4               SN-0002  7000
//  6  foxtrot  Beta › North (dev)       online     2   none            SN-0009  7000
//  7  golf     Unassigned                          0   3 (off)         SN-0005  never
//  8  hotel    Returns                             4   3 (off)         SN-0001  123456789
//  9  india    Needs repair                        4   4               SN-0008  100000
// 10  juliet   Needs repair                        5   5               SN-0004  200
// Notes: 2 "Battery replaced", 5 "Pilot for ACME", 7 "Dev kit on the bench". Owners: 1
// ops@acme.example, 6 field@beta.example. Last heard in seconds after a base time.
constexpr qint64 BaseMs = 1700000000000;

Sync::FleetState tableFleet()
{
    Sync::FleetState s = smallFleet();
    const QList<qint64> heard = {5000, 100, 0, 90000, 7000, 7000, 0, 123456789, 100000, 200};
    for (int n = 1; n <= 10; ++n) {
        Domain::Device &d = s.devices[deviceId(n)];
        d.serialNumber = QStringLiteral("SN-%1").arg((n * 7) % 11, 4, 10, QLatin1Char('0'));
        const qint64 h = heard.at(n - 1);
        d.lastHeardMs = h == 0 ? 0 : BaseMs + h * 1000;
    }
    s.devices[deviceId(2)].notes = QStringLiteral("Battery replaced");
    s.devices[deviceId(5)].notes = QStringLiteral("Pilot for ACME");
    s.devices[deviceId(7)].notes = QStringLiteral("Dev kit on the bench");
    s.devices[deviceId(3)].desiredFirmwareVersion = 5;
    s.devices[deviceId(4)].desiredFirmwareVersion = 3;
    s.devices[deviceId(6)].development = true;
    s.devices[deviceId(6)].owner = QStringLiteral("field@beta.example");
    retarget(s);
    return s;
}

// The rows as the numbers of their devices (deviceId(n)), three digits, comma-separated.
QString rows(const QAbstractItemModel &m)
{
    QStringList ids;
    for (int r = 0; r < m.rowCount(); ++r) {
        const QString id = m.index(r, 0).data(Tree::DeviceIdRole).toString();
        ids.append(QStringLiteral("%1").arg(id.toInt(nullptr, 16), 3, 10, QLatin1Char('0')));
    }
    return ids.join(QLatin1Char(','));
}

Sync::FleetDelta edit(
    Sync::FleetState &s, int n, const std::function<void(Domain::Device &)> &change)
{
    Domain::Device d = s.devices.value(deviceId(n));
    change(d);
    Sync::FleetDelta delta;
    delta.changedDevices.append(d);
    Sync::apply(s, delta);
    return delta;
}

// The model with testers on it and on a sorting proxy over it, and a log of its signals.
struct Watched
{
    DeviceTableModel model;
    TestedModel tested {&model};
    SignalLog log {&model};
    QSignalSpy resets {&model, &QAbstractItemModel::modelAboutToBeReset};
    QSignalSpy layouts {&model, &QAbstractItemModel::layoutAboutToBeChanged};
    QSignalSpy counts {&model, &DeviceTableModel::countsChanged};

    void clear()
    {
        log.clear();
        resets.clear();
        layouts.clear();
        counts.clear();
    }
};

// Sort keys compared as the model does (strings ordinally, numbers numerically).
int compareKeys(const QVariant &a, const QVariant &b)
{
    if (a.typeId() == QMetaType::QString)
        return QString::compare(a.toString(), b.toString(), Qt::CaseSensitive);
    const qint64 x = a.toLongLong();
    const qint64 y = b.toLongLong();
    return x < y ? -1 : (x > y ? 1 : 0);
}

QString describe(const DeviceFilter &filter)
{
    using Kind = DeviceFilter::Term::Kind;
    QStringList parts;
    for (const DeviceFilter::Term &t : filter.terms()) {
        QString s = t.negated ? QStringLiteral("-") : QString();
        switch (t.kind) {
        case Kind::Text:
            s += QStringLiteral("text:") + t.text;
            break;
        case Kind::Id:
            s += QStringLiteral("id:") + t.text;
            break;
        case Kind::Name:
            s += QStringLiteral("name:") + t.text;
            break;
        case Kind::Serial:
            s += QStringLiteral("serial:") + t.text;
            break;
        case Kind::Notes:
            s += QStringLiteral("notes:") + t.text;
            break;
        case Kind::Owner:
            s += QStringLiteral("owner:") + t.text;
            break;
        case Kind::Location:
            s += QStringLiteral("in:") + t.text;
            break;
        case Kind::Firmware:
            s += QStringLiteral("fw=%1").arg(t.number);
            break;
        case Kind::Target:
            s += QStringLiteral("target=%1").arg(t.number);
            break;
        case Kind::Online:
            s += QStringLiteral("online");
            break;
        case Kind::Offline:
            s += QStringLiteral("offline");
            break;
        case Kind::Pending:
            s += QStringLiteral("pending");
            break;
        case Kind::Locked:
            s += QStringLiteral("locked");
            break;
        case Kind::Development:
            s += QStringLiteral("dev");
            break;
        case Kind::OffTarget:
            s += QStringLiteral("off-target");
            break;
        case Kind::Invalid:
            s += QStringLiteral("invalid");
            break;
        }
        parts.append(s);
    }
    return parts.join(QLatin1Char(' '));
}

// --- the 100,000-device fleet ------------------------------------------------------------

// generatedFleet() with Particle-like ids (a few common prefixes), serial numbers, notes,
// owners, last-heard times, development and locked devices.
Sync::FleetState perfFleet(int devices, int customers = 40)
{
    Sync::FleetState g = generatedFleet(devices, customers, 7);
    QRandomGenerator rng(23);
    const QList<QString> prefixes = {QStringLiteral("e00fce68"), QStringLiteral("e00fce69"),
        QStringLiteral("0a10aced"), QStringLiteral("3c003e00"), QStringLiteral("2f0021000d47")};
    const QString hex = QStringLiteral("0123456789abcdef");
    const QStringList notes = {QStringLiteral("Battery replaced"),
        QStringLiteral("Pilot unit for Acme Logistics"), QStringLiteral("Returned: water damage"),
        QStringLiteral("Firmware rollback requested by customer")};
    QHash<QString, Domain::Device> out;
    out.reserve(g.devices.size());
    QStringList keys = g.devices.keys();
    keys.sort();
    int counter = 0;
    for (const QString &key : std::as_const(keys)) {
        Domain::Device d = g.devices.value(key);
        ++counter;
        QString id = prefixes.at(rng.bounded(static_cast<int>(prefixes.size())));
        while (id.size() < 18)
            id.append(hex.at(rng.bounded(16)));
        id.append(QStringLiteral("%1").arg(counter, 6, 16, QLatin1Char('0')));
        d.id = id;
        d.serialNumber
            = QStringLiteral("P046AB%1").arg(rng.bounded(100000000), 9, 10, QLatin1Char('0'));
        const int n = rng.bounded(20);
        if (n < notes.size())
            d.notes = notes.at(n);
        if (rng.bounded(10) < 3)
            d.owner = QStringLiteral("ops%1@example.com").arg(rng.bounded(40));
        d.lastHeardMs = BaseMs + qint64(rng.bounded(30 * 24 * 3600)) * 1000;
        d.development = rng.bounded(50) == 0;
        if (rng.bounded(33) == 0)
            d.desiredFirmwareVersion = 3 + rng.bounded(3);
        out.insert(d.id, d);
    }
    g.devices = out;
    retarget(g);
    return g;
}

qint64 percentile(QList<qint64> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto i = static_cast<qsizetype>(std::ceil(p * double(values.size()))) - 1;
    return values.at(std::clamp<qsizetype>(i, 0, values.size() - 1));
}

QString msText(qint64 ns)
{
    return QString::number(double(ns) / 1e6, 'f', 1);
}

// The CPU time this process has used, in ns. The sanity bounds of the performance report are
// held against it rather than the wall clock, which on a loaded machine also counts the time
// other processes had the CPU (the figures printed are wall times).
qint64 cpuNs()
{
    return static_cast<qint64>(static_cast<double>(std::clock()) * 1e9 / CLOCKS_PER_SEC);
}

} // namespace

class TestDeviceTable final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void scopes_data()
    {
        QTest::addColumn<DeviceScope>("scope");
        QTest::addColumn<QString>("expected");
        QTest::newRow("all") << DeviceScope::all() << "001,002,003,004,005,006,007,008,009,010";
        QTest::newRow("customer with descendants")
            << DeviceScope::node(QStringLiteral("acme")) << "001,002,003,004,005";
        QTest::newRow("site with its test group")
            << DeviceScope::node(QStringLiteral("acme--berlin")) << "001,002,003";
        QTest::newRow("leaf node")
            << DeviceScope::node(QStringLiteral("acme--berlin--test")) << "003";
        QTest::newRow("other customer") << DeviceScope::node(QStringLiteral("beta")) << "006";
        QTest::newRow("label is no node")
            << DeviceScope::node(QStringLiteral("beta-testers")) << "";
        QTest::newRow("unknown node") << DeviceScope::node(QStringLiteral("zulu")) << "";
        QTest::newRow("unassigned") << DeviceScope::unassigned() << "007";
        QTest::newRow("returns") << DeviceScope::returns() << "008";
        QTest::newRow("needs repair") << DeviceScope::needsRepair() << "009,010";
    }

    void scopes()
    {
        QFETCH(DeviceScope, scope);
        QFETCH(QString, expected);
        const Sync::FleetState s = tableFleet();
        Watched w;
        w.model.setScope(s, DeviceScope::node(QStringLiteral("beta")));
        w.clear();
        w.model.setScope(s, scope);
        QCOMPARE(w.resets.size(), 1); // a scope change is a reset
        QCOMPARE(w.counts.size(), 1);
        QCOMPARE(rows(w.model), expected);
        const int count = expected.isEmpty() ? 0 : int(expected.count(QLatin1Char(',')) + 1);
        QCOMPARE(w.model.totalInScope(), count);
        QCOMPARE(w.model.visibleCount(), count);
        QVERIFY(w.model.scope() == scope);
    }

    void scopeOfTreeItems()
    {
        using Tree::ItemKind;
        const QString acme = QStringLiteral("acme");
        QVERIFY(DeviceScope::forTreeItem(ItemKind::Customer, acme) == DeviceScope::node(acme));
        QVERIFY(DeviceScope::forTreeItem(ItemKind::Group, acme) == DeviceScope::node(acme));
        QVERIFY(DeviceScope::forTreeItem(ItemKind::Unassigned, {}) == DeviceScope::unassigned());
        QVERIFY(DeviceScope::forTreeItem(ItemKind::Returns, {}) == DeviceScope::returns());
        QVERIFY(DeviceScope::forTreeItem(ItemKind::NeedsRepair, {}) == DeviceScope::needsRepair());
        QVERIFY(!DeviceScope::forTreeItem(ItemKind::Device, acme));
    }

    void columnsAndRoles()
    {
        Sync::FleetState s = tableFleet();
        Watched w;
        w.model.setPending({deviceId(4)});
        w.model.setScope(s, DeviceScope::all());
        QCOMPARE(w.model.columnCount(), int(DeviceTableModel::ColumnCount));
        QStringList headers;
        for (int c = 0; c < w.model.columnCount(); ++c)
            headers.append(w.model.headerData(c, Qt::Horizontal).toString());
        QCOMPARE(headers.join(QLatin1Char('|')),
            QStringLiteral("Name|Device ID|Serial|Customer › node|Online|Last heard|Firmware|"
                           "Target|Locked|Development|Owner|Notes|Pending"));

        const auto row = [&w](int n) {
            const QModelIndex i = w.model.indexForDevice(deviceId(n));
            QStringList cells;
            for (int c = 0; c < w.model.columnCount(); ++c) {
                if (c != DeviceTableModel::LastHeardColumn)
                    cells.append(i.siblingAtColumn(c).data().toString());
            }
            return cells.join(QLatin1Char('|'));
        };
        QCOMPARE(row(1),
            QStringLiteral("alpha|%1|SN-0007|Acme Logistics › Berlin depot|online|v4|v4|||"
                           "ops@acme.example||")
                .arg(deviceId(1)));
        QCOMPARE(row(3),
            QStringLiteral("charlie|%1|SN-0010|Acme Logistics › Berlin depot › Berlin test "
                           "bench|online|v5|v5|v5||||")
                .arg(deviceId(3)));
        QCOMPARE(row(4),
            QStringLiteral("delta|%1|SN-0006|Acme Logistics|offline|v4|v3|v3||||pending")
                .arg(deviceId(4)));
        QCOMPARE(row(6),
            QStringLiteral("foxtrot|%1|SN-0009|Beta Energy › North|online|v2|||yes|"
                           "field@beta.example||")
                .arg(deviceId(6)));
        QCOMPARE(row(7),
            QStringLiteral("golf|%1|SN-0005|Unassigned|offline|none|v3||||Dev kit on the bench|")
                .arg(deviceId(7)));
        QCOMPARE(
            row(8), QStringLiteral("hotel|%1|SN-0001|Returns|offline|v4|v3|||||").arg(deviceId(8)));
        QCOMPARE(row(9).section(QLatin1Char('|'), 3, 3), QStringLiteral("Needs repair"));

        const QModelIndex three = w.model.indexForDevice(deviceId(3));
        QCOMPARE(three.siblingAtColumn(DeviceTableModel::LastHeardColumn).data().toString(),
            QStringLiteral("never"));
        QCOMPARE(three.data(Tree::KindRole).toInt(), int(Tree::ItemKind::Device));
        QCOMPARE(three.data(Tree::DeviceIdRole).toString(), deviceId(3));
        QCOMPARE(three.data(Tree::TitleRole).toString(), QStringLiteral("charlie"));
        QCOMPARE(three.data(Tree::FirmwareVersionRole).toInt(), 5);
        QCOMPARE(three.data(Tree::TargetVersionRole).toInt(), 5);
        QCOMPARE(three.data(Tree::OnlineRole).toBool(), true);
        QCOMPARE(three.data(Tree::PendingRole).toBool(), false);
        QCOMPARE(three.data(Tree::LockedVersionRole).toInt(), 5);
        QCOMPARE(three.data(Tree::LastHeardRole).toLongLong(), qint64(0));
        QCOMPARE(
            three.data(Tree::LocationPathRole).toString(), QStringLiteral("acme--berlin--test"));
        QVERIFY(three.data(Tree::PlacementProblemRole).toString().isEmpty());
        const QModelIndex one = w.model.indexForDevice(deviceId(1));
        QCOMPARE(one.data(Tree::LastHeardRole).toLongLong(), BaseMs + 5000 * 1000);
        QVERIFY(
            !one.siblingAtColumn(DeviceTableModel::LastHeardColumn).data().toString().isEmpty());
        QVERIFY(!one.data(Tree::LockedVersionRole).isValid());
        QCOMPARE(w.model.indexForDevice(deviceId(6)).data(Tree::DevelopmentRole).toBool(), true);
        QVERIFY(!w.model.indexForDevice(deviceId(6)).data(Tree::TargetVersionRole).isValid());
        const QModelIndex ten = w.model.indexForDevice(deviceId(10));
        QVERIFY(ten.data(Tree::PlacementProblemRole)
                    .toString()
                    .contains(QStringLiteral("acme--berlin")));
        QVERIFY(ten.data(Qt::ToolTipRole).toString().startsWith(deviceId(10)));
        QVERIFY(!w.model.indexForDevice(deviceId(99)).isValid());

        // Rows drag onto the tree with the tree's own payload, one item per device.
        const QModelIndexList dragged = {one, one.siblingAtColumn(2), three};
        std::unique_ptr<QMimeData> mime(w.model.mimeData(dragged));
        QVERIFY(mime);
        const auto decoded = Tree::decodeDragItems(mime->data(Tree::ItemsMimeType));
        QVERIFY(decoded);
        QCOMPARE(decoded->productId, 4242);
        const QList<Tree::DragItem> expected
            = {{Tree::ItemKind::Device, deviceId(1)}, {Tree::ItemKind::Device, deviceId(3)}};
        QVERIFY(decoded->items == expected);
        QVERIFY(w.model.flags(one).testFlag(Qt::ItemIsDragEnabled));
        QVERIFY(w.model.flags(one).testFlag(Qt::ItemNeverHasChildren));
        QCOMPARE(w.model.visibleDeviceIds().size(), 10);
        QCOMPARE(w.model.countText(), QStringLiteral("10 devices"));
    }

    // The grammar: a query, the terms it gives (text folded), and how many errors.
    void filterGrammar_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("terms");
        QTest::addColumn<int>("errors");
        QTest::newRow("empty") << ""
                               << "" << 0;
        QTest::newRow("spaces") << "   "
                                << "" << 0;
        QTest::newRow("word") << "Alpha"
                              << "text:alpha" << 0;
        QTest::newRow("words") << "unit  12"
                               << "text:unit text:12" << 0;
        QTest::newRow("phrase") << "\"Battery Replaced\" x"
                                << "text:battery replaced text:x" << 0;
        QTest::newRow("open phrase") << "\"water dam"
                                     << "text:water dam" << 0;
        QTest::newRow("quoted keyword") << "\"dev\" \"fw:5\""
                                        << "text:dev text:fw:5" << 0;
        QTest::newRow("fw") << "fw:5"
                            << "fw=5" << 0;
        QTest::newRow("firmware") << "firmware:12"
                                  << "fw=12" << 0;
        QTest::newRow("fw v") << "FW:v7"
                              << "fw=7" << 0;
        QTest::newRow("fw none") << "fw:none"
                                 << "fw=0" << 0;
        QTest::newRow("target") << "target:4"
                                << "target=4" << 0;
        QTest::newRow("target none") << "target:none"
                                     << "target=-1" << 0;
        QTest::newRow("statuses") << "online offline pending locked dev off-target"
                                  << "online offline pending locked dev off-target" << 0;
        QTest::newRow("development") << "development"
                                     << "dev" << 0;
        QTest::newRow("is:") << "is:online is:Dev is:off-target"
                             << "online dev off-target" << 0;
        QTest::newRow("fields") << "id:E00F name:Unit serial:p0 notes:bat owner:ops in:Berlin"
                                << "id:e00f name:unit serial:p0 notes:bat owner:ops in:berlin" << 0;
        QTest::newRow("field phrase") << "name:\"unit 5\""
                                      << "name:unit 5" << 0;
        QTest::newRow("negation") << "-online -\"water damage\" -fw:4"
                                  << "-online -text:water damage -fw=4" << 0;
        QTest::newRow("lone dash") << "- a"
                                   << "text:- text:a" << 0;
        QTest::newRow("incomplete key") << "fw: target: is: x"
                                        << "text:x" << 0;
        QTest::newRow("bad version") << "fw:abc target:-1"
                                     << "invalid invalid" << 2;
        QTest::newRow("bad status") << "is:blue"
                                    << "invalid" << 1;
        QTest::newRow("unknown key") << "mac:00:11"
                                     << "text:mac:00:11" << 0;
        QTest::newRow("colon first") << ":x"
                                     << "text::x" << 0;
        QTest::newRow("combined") << "acme fw:4 online"
                                  << "text:acme fw=4 online" << 0;
    }

    void filterGrammar()
    {
        QFETCH(QString, query);
        QFETCH(QString, terms);
        QFETCH(int, errors);
        const DeviceFilter filter(query);
        QCOMPARE(describe(filter), terms);
        QCOMPARE(filter.errors().size(), errors);
        QCOMPARE(filter.isEmpty(), terms.isEmpty());
    }

    // Queries over the whole small fleet (device 9 pending), rows sorted by name.
    void filterMatches_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expected");
        const QString all = QStringLiteral("001,002,003,004,005,006,007,008,009,010");
        QTest::newRow("none") << "" << all;
        QTest::newRow("name") << "alpha"
                              << "001";
        QTest::newRow("case") << "ALPHA"
                              << "001";
        QTest::newRow("substring") << "lph"
                                   << "001";
        QTest::newRow("notes") << "acme"
                               << "005";
        QTest::newRow("owner is no free word") << "ops@acme"
                                               << "";
        QTest::newRow("owner:") << "owner:ACME"
                                << "001";
        QTest::newRow("serial") << "sn-0001"
                                << "008";
        QTest::newRow("serial:") << "serial:0010"
                                 << "003";
        QTest::newRow("id") << deviceId(7) << "007";
        QTest::newRow("id:") << "id:00a"
                             << "010";
        QTest::newRow("name:") << "name:bravo"
                               << "002";
        QTest::newRow("notes:") << "notes:bench"
                                << "007";
        QTest::newRow("words in two fields") << "alpha sn-0007"
                                             << "001";
        QTest::newRow("fw") << "fw:4"
                            << "001,004,005,008,009";
        QTest::newRow("firmware") << "firmware:4"
                                  << "001,004,005,008,009";
        QTest::newRow("fw v") << "fw:v5"
                              << "003,010";
        QTest::newRow("fw none") << "fw:none"
                                 << "007";
        QTest::newRow("fw 0") << "fw:0"
                              << "007";
        QTest::newRow("target") << "target:3"
                                << "004,007,008";
        QTest::newRow("target none") << "target:none"
                                     << "006";
        QTest::newRow("online") << "online"
                                << "001,003,006";
        QTest::newRow("is:online") << "is:online"
                                   << "001,003,006";
        QTest::newRow("offline") << "offline"
                                 << "002,004,005,007,008,009,010";
        QTest::newRow("-online") << "-online"
                                 << "002,004,005,007,008,009,010";
        QTest::newRow("pending") << "pending"
                                 << "009";
        QTest::newRow("locked") << "locked"
                                << "003,004";
        QTest::newRow("dev") << "dev"
                             << "006";
        QTest::newRow("quoted dev") << "\"dev\""
                                    << "007";
        QTest::newRow("off-target") << "off-target"
                                    << "002,004,007,008";
        QTest::newRow("and") << "fw:4 online"
                             << "001";
        QTest::newRow("and not") << "fw:4 -online"
                                 << "004,005,008,009";
        QTest::newRow("words in any order") << "replaced battery"
                                            << "002";
        QTest::newRow("phrase") << "\"battery replaced\""
                                << "002";
        QTest::newRow("phrase order") << "\"replaced battery\""
                                      << "";
        QTest::newRow("in: title") << "in:berlin"
                                   << "001,002,003";
        QTest::newRow("in: path") << "in:acme--hamburg"
                                  << "005";
        QTest::newRow("in: pool") << "in:returns"
                                  << "008";
        QTest::newRow("in: repair") << "in:repair"
                                    << "009,010";
        QTest::newRow("bad version") << "fw:abc"
                                     << "";
        QTest::newRow("bad status") << "is:blue"
                                    << "";
        QTest::newRow("incomplete") << "fw:" << all;
        QTest::newRow("unknown key") << "unknown:thing"
                                     << "";
    }

    void filterMatches()
    {
        QFETCH(QString, query);
        QFETCH(QString, expected);
        const Sync::FleetState s = tableFleet();
        Watched w;
        w.model.setPending({deviceId(9)});
        w.model.setScope(s, DeviceScope::all());
        w.clear();
        w.model.setFilter(query);
        QCOMPARE(rows(w.model), expected);
        QCOMPARE(w.model.filterText(), query);
        QCOMPARE(w.model.totalInScope(), 10);
        const int visible = expected.isEmpty() ? 0 : int(expected.count(QLatin1Char(',')) + 1);
        QCOMPARE(w.model.visibleCount(), visible);
        QCOMPARE(w.resets.size(), 0); // a filter change is a layout change
        QCOMPARE(w.layouts.size(), visible == 10 ? 0 : 1);
        QCOMPARE(w.counts.size(), visible == 10 ? 0 : 1);
        if (visible != 10)
            QCOMPARE(w.model.countText(), QStringLiteral("%1 of 10 devices").arg(visible));

        // The same query set before the scope gives the same rows.
        DeviceTableModel fresh;
        fresh.setPending({deviceId(9)});
        fresh.setFilter(query);
        fresh.setScope(s, DeviceScope::all());
        QCOMPARE(rows(fresh), expected);
    }

    // narrows(): may the model re-test only the rows shown?
    void filterNarrows_data()
    {
        QTest::addColumn<QString>("wider");
        QTest::addColumn<QString>("narrower");
        QTest::addColumn<bool>("narrows");
        QTest::newRow("from nothing") << ""
                                      << "a" << true;
        QTest::newRow("one more character") << "e00"
                                            << "e00f" << true;
        QTest::newRow("one less") << "e00f"
                                  << "e00" << false;
        QTest::newRow("another word") << "e00f"
                                      << "e00f u" << true;
        QTest::newRow("trailing space") << "acme"
                                        << "acme " << true;
        QTest::newRow("version grows") << "fw:4"
                                       << "fw:45" << false;
        QTest::newRow("after version") << "fw:4"
                                       << "fw:4 o" << true;
        QTest::newRow("word becomes status") << "fw:4 onlin"
                                             << "fw:4 online" << false;
        QTest::newRow("status kept") << "online"
                                     << "online fw:4" << true;
        QTest::newRow("negation shorter") << "-ab"
                                          << "-a" << true;
        QTest::newRow("negation longer") << "-a"
                                         << "-ab" << false;
        QTest::newRow("field of free word") << "unit"
                                            << "name:unit" << true;
        QTest::newRow("free word of field") << "name:unit"
                                            << "unit" << false;
        QTest::newRow("matches nothing") << "a"
                                         << "fw:x" << true;
        QTest::newRow("from nothing matched") << "fw:x"
                                              << "a" << false;
    }

    void filterNarrows()
    {
        QFETCH(QString, wider);
        QFETCH(QString, narrower);
        QFETCH(bool, narrows);
        QCOMPARE(DeviceFilter(narrower).narrows(DeviceFilter(wider)), narrows);
    }

    // Typing, deleting and retyping gives the rows a fresh filter gives, and the selection
    // (a persistent index) follows its device through layout changes.
    void filterKeystrokes()
    {
        const Sync::FleetState s = generatedFleet(400, 3, 5);
        Watched w;
        w.model.setScope(s, DeviceScope::all());
        QPersistentModelIndex selected = w.model.indexForDevice(deviceId(17), 2);
        QVERIFY(selected.isValid());
        const QString wanted = w.model.index(selected.row(), 0).data().toString();
        const QStringList typed = {QStringLiteral("u"), QStringLiteral("un"), QStringLiteral("uni"),
            QStringLiteral("unit"), QStringLiteral("unit "), QStringLiteral("unit 1"),
            QStringLiteral("unit 1 o"), QStringLiteral("unit 1 online"), QStringLiteral("unit 1"),
            QStringLiteral("unit"), QStringLiteral("-unit"), QStringLiteral(""),
            QStringLiteral("fw:4"), QStringLiteral("fw:4 offline"), QStringLiteral("fw:")};
        for (const QString &query : typed) {
            w.model.setFilter(query);
            DeviceTableModel fresh;
            fresh.setFilter(query);
            fresh.setScope(s, DeviceScope::all());
            QCOMPARE(rows(w.model), rows(fresh));
            const QModelIndex now = w.model.indexForDevice(deviceId(17), 2);
            // A persistent index follows its device, and is lost when the filter hides it.
            if (selected.isValid())
                QCOMPARE(QModelIndex(selected), now);
            else
                selected = now;
            if (now.isValid())
                QCOMPARE(w.model.index(now.row(), 0).data().toString(), wanted);
        }
        QCOMPARE(w.resets.size(), 1);
    }

    // Each column sorts by its natural key; stable; ascending and descending.
    void sortColumns_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("ascending");
        QTest::newRow("name (case-insensitive)")
            << int(DeviceTableModel::NameColumn) << "001,002,003,004,005,006,007,008,009,010";
        QTest::newRow("id") << int(DeviceTableModel::IdColumn)
                            << "001,002,003,004,005,006,007,008,009,010";
        QTest::newRow("serial") << int(DeviceTableModel::SerialColumn)
                                << "008,005,002,010,007,004,001,009,006,003";
        QTest::newRow("location (pre-order of titles)")
            << int(DeviceTableModel::LocationColumn) << "004,001,002,003,005,006,009,010,008,007";
        QTest::newRow("online") << int(DeviceTableModel::OnlineColumn)
                                << "002,004,005,007,008,009,010,001,003,006";
        QTest::newRow("last heard (numeric)")
            << int(DeviceTableModel::LastHeardColumn) << "003,007,002,010,001,005,006,004,009,008";
        QTest::newRow("firmware") << int(DeviceTableModel::FirmwareColumn)
                                  << "007,006,002,001,004,005,008,009,003,010";
        QTest::newRow("target (none first)")
            << int(DeviceTableModel::TargetColumn) << "006,004,007,008,001,002,005,009,003,010";
        QTest::newRow("locked") << int(DeviceTableModel::LockedColumn)
                                << "001,002,005,006,007,008,009,010,004,003";
        QTest::newRow("development") << int(DeviceTableModel::DevelopmentColumn)
                                     << "001,002,003,004,005,007,008,009,010,006";
        QTest::newRow("owner") << int(DeviceTableModel::OwnerColumn)
                               << "002,003,004,005,007,008,009,010,006,001";
        QTest::newRow("notes") << int(DeviceTableModel::NotesColumn)
                               << "001,003,004,006,008,009,010,002,007,005";
        QTest::newRow("pending") << int(DeviceTableModel::PendingColumn)
                                 << "001,002,003,004,005,006,007,008,010,009";
    }

    void sortColumns()
    {
        QFETCH(int, column);
        QFETCH(QString, ascending);
        const Sync::FleetState s = tableFleet();
        Watched w;
        w.model.setPending({deviceId(9)});
        w.model.setScope(s, DeviceScope::all());
        w.clear();
        w.model.sort(column, Qt::AscendingOrder);
        QCOMPARE(rows(w.model), ascending);
        QCOMPARE(w.resets.size(), 0);
        QCOMPARE(w.layouts.size(), 1);
        QCOMPARE(w.model.sortColumn(), column);

        // Descending from the name order: equal keys keep the name order (stable), the rest
        // reverses.
        w.model.sort(DeviceTableModel::NameColumn);
        w.model.sort(column, Qt::DescendingOrder);
        QCOMPARE(w.model.sortOrder(), Qt::DescendingOrder);
        const QStringList asc = ascending.split(QLatin1Char(','));
        QStringList expected;
        QList<QVariant> keys;
        for (const QString &id : asc) {
            const QModelIndex i = w.model.indexForDevice(deviceId(id.toInt()), column);
            keys.append(i.data(Tree::SortKeyRole));
        }
        // Group the ascending order by key, reverse the groups, keep each group's order.
        for (qsizetype end = asc.size(); end > 0;) {
            qsizetype begin = end - 1;
            while (begin > 0 && compareKeys(keys.at(begin - 1), keys.at(end - 1)) == 0)
                --begin;
            for (qsizetype i = begin; i < end; ++i)
                expected.append(asc.at(i));
            end = begin;
        }
        QCOMPARE(rows(w.model), expected.join(QLatin1Char(',')));
        QCOMPARE(w.resets.size(), 0);
    }

    void sortIsStable()
    {
        const Sync::FleetState s = tableFleet();
        Watched w;
        w.model.setScope(s, DeviceScope::all());
        w.model.sort(DeviceTableModel::FirmwareColumn);
        w.model.sort(DeviceTableModel::OnlineColumn);
        QCOMPARE(rows(w.model), QStringLiteral("007,002,004,005,008,009,010,006,001,003"));
        w.model.sort(DeviceTableModel::FirmwareColumn);
        w.model.sort(DeviceTableModel::OnlineColumn, Qt::DescendingOrder);
        QCOMPARE(rows(w.model), QStringLiteral("006,001,003,007,002,004,005,008,009,010"));
        // A new scope keeps the sort column, and a filter keeps the order.
        w.model.setScope(s, DeviceScope::node(QStringLiteral("acme")));
        QCOMPARE(w.model.sortColumn(), int(DeviceTableModel::OnlineColumn));
        QCOMPARE(rows(w.model), QStringLiteral("001,003,002,004,005"));
        w.model.setFilter(QStringLiteral("fw:4"));
        QCOMPARE(rows(w.model), QStringLiteral("001,004,005"));
        QCOMPARE(w.resets.size(), 2);
    }

    void versionsAndTimesSortNumerically()
    {
        Sync::FleetState s = tableFleet();
        const QList<int> versions = {10, 9, 100, 2, 11};
        for (int n = 1; n <= versions.size(); ++n) {
            s.devices[deviceId(n)].firmwareVersion = versions.at(n - 1);
            s.devices[deviceId(n)].desiredFirmwareVersion = versions.at(n - 1);
        }
        retarget(s);
        Watched w;
        w.model.setScope(s, DeviceScope::node(QStringLiteral("acme")));
        for (const int column : {int(DeviceTableModel::FirmwareColumn),
                 int(DeviceTableModel::TargetColumn), int(DeviceTableModel::LockedColumn)}) {
            w.model.sort(column);
            QStringList shown;
            for (int r = 0; r < w.model.rowCount(); ++r)
                shown.append(w.model.index(r, column).data().toString());
            QCOMPARE(shown.join(QLatin1Char(',')), QStringLiteral("v2,v9,v10,v11,v100"));
        }
    }

    // Every column of a bigger fleet: keys in order both ways, under the testers.
    void sortGeneratedFleet()
    {
        Sync::FleetState s = perfFleet(1500);
        Watched w;
        w.model.setScope(s, DeviceScope::all());
        for (int column = 0; column < DeviceTableModel::ColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                w.model.sort(column, order);
                for (int r = 1; r < w.model.rowCount(); ++r) {
                    const int c = compareKeys(w.model.index(r - 1, column).data(Tree::SortKeyRole),
                        w.model.index(r, column).data(Tree::SortKeyRole));
                    if (order == Qt::AscendingOrder ? c > 0 : c < 0)
                        QFAIL(qPrintable(QStringLiteral("column %1, rows %2 and %3 out of order")
                                             .arg(column)
                                             .arg(r - 1)
                                             .arg(r)));
                }
            }
        }
        QCOMPARE(w.resets.size(), 1);
    }

    // The signals of each kind of delta, as whole sequences; never a reset.
    void deltaSignals()
    {
        Sync::FleetState s = tableFleet();
        Watched w;
        w.model.setScope(s, DeviceScope::node(QStringLiteral("acme--berlin")));
        QCOMPARE(rows(w.model), QStringLiteral("001,002,003"));
        w.clear();

        // Into the scope: a row insert at its sorted place.
        w.model.applyDelta(s,
            moveDevices(
                s, {deviceId(4)}, Domain::MoveTarget::node(QStringLiteral("acme--berlin"))));
        QCOMPARE(w.log.lines,
            QStringList(
                {QStringLiteral("aboutToInsert root 3-3"), QStringLiteral("inserted root 3-3")}));
        QCOMPARE(rows(w.model), QStringLiteral("001,002,003,004"));
        QCOMPARE(w.counts.size(), 1);
        w.clear();

        // Out of the scope: a row remove.
        w.model.applyDelta(s,
            moveDevices(s, {deviceId(1)}, Domain::MoveTarget::node(QStringLiteral("beta--north"))));
        QCOMPARE(w.log.lines,
            QStringList(
                {QStringLiteral("aboutToRemove root 0-0"), QStringLiteral("removed root 0-0")}));
        QVERIFY(w.log.changed.isEmpty());
        QCOMPARE(rows(w.model), QStringLiteral("002,003,004"));
        w.clear();

        // Changed, same place: one dataChanged for its row, nothing else.
        w.model.applyDelta(s, edit(s, 2, [](Domain::Device &d) {
            d.notes = QStringLiteral("Screen cracked");
            d.online = true;
        }));
        QVERIFY(w.log.lines.isEmpty());
        QCOMPARE(w.log.changed, QStringList({QStringLiteral("002 0-12")}));
        QCOMPARE(w.model.index(0, DeviceTableModel::NotesColumn).data().toString(),
            QStringLiteral("Screen cracked"));
        QCOMPARE(w.counts.size(), 0);
        w.clear();

        // Changed so that it sorts elsewhere: a move (the selection follows), then dataChanged.
        QPersistentModelIndex selected = w.model.indexForDevice(deviceId(3));
        QCOMPARE(selected.row(), 1);
        w.model.applyDelta(
            s, edit(s, 3, [](Domain::Device &d) { d.name = QStringLiteral("aardvark"); }));
        QCOMPARE(w.log.lines,
            QStringList({QStringLiteral("aboutToMove root 1-1 -> root 0"),
                QStringLiteral("moved root 1-1 -> root 0")}));
        QCOMPARE(w.log.changed, QStringList({QStringLiteral("003 0-12")}));
        QCOMPARE(selected.row(), 0);
        QCOMPARE(rows(w.model), QStringLiteral("003,002,004"));
        w.clear();

        // Downwards too.
        w.model.applyDelta(
            s, edit(s, 3, [](Domain::Device &d) { d.name = QStringLiteral("zulu"); }));
        QCOMPARE(w.log.lines,
            QStringList({QStringLiteral("aboutToMove root 0-0 -> root 3"),
                QStringLiteral("moved root 0-0 -> root 3")}));
        QCOMPARE(selected.row(), 2);
        QCOMPARE(rows(w.model), QStringLiteral("002,004,003"));
        w.clear();

        // Removed from the fleet, and a new device in the scope.
        Sync::FleetDelta removal;
        removal.removedDevices.append(deviceId(4));
        Sync::apply(s, removal);
        w.model.applyDelta(s, removal);
        QCOMPARE(w.log.lines,
            QStringList(
                {QStringLiteral("aboutToRemove root 1-1"), QStringLiteral("removed root 1-1")}));
        w.clear();
        Sync::FleetDelta addition;
        addition.addedDevices.append(
            device(11, QStringLiteral("kilo"), chain(QStringLiteral("acme--berlin--test")), 5));
        Sync::apply(s, addition);
        w.model.applyDelta(s, addition);
        QCOMPARE(w.log.lines,
            QStringList(
                {QStringLiteral("aboutToInsert root 1-1"), QStringLiteral("inserted root 1-1")}));
        QCOMPARE(rows(w.model), QStringLiteral("002,011,003"));
        w.clear();

        // Outside the scope: nothing.
        w.model.applyDelta(s, edit(s, 6, [](Domain::Device &d) { d.online = false; }));
        QVERIFY(w.log.lines.isEmpty());
        QVERIFY(w.log.changed.isEmpty());

        // With a filter: a device the filter starts to show is an insert, one it stops showing
        // a remove, a hidden one changing is nothing.
        w.model.setFilter(QStringLiteral("online"));
        QCOMPARE(rows(w.model), QStringLiteral("002,003"));
        w.clear();
        w.model.applyDelta(s, edit(s, 11, [](Domain::Device &d) { d.online = true; }));
        QCOMPARE(w.log.lines,
            QStringList(
                {QStringLiteral("aboutToInsert root 1-1"), QStringLiteral("inserted root 1-1")}));
        QCOMPARE(rows(w.model), QStringLiteral("002,011,003"));
        w.clear();
        w.model.applyDelta(s, edit(s, 2, [](Domain::Device &d) { d.online = false; }));
        QCOMPARE(w.log.lines,
            QStringList(
                {QStringLiteral("aboutToRemove root 0-0"), QStringLiteral("removed root 0-0")}));
        w.clear();
        w.model.applyDelta(s, edit(s, 2, [](Domain::Device &d) { d.notes = QStringLiteral("x"); }));
        QVERIFY(w.log.lines.isEmpty());
        QVERIFY(w.log.changed.isEmpty());
        QCOMPARE(w.model.totalInScope(), 3);
        QCOMPARE(w.model.visibleCount(), 2);

        // A hidden device leaving the scope changes the total only.
        w.model.applyDelta(s, moveDevices(s, {deviceId(2)}, Domain::MoveTarget::returns()));
        QVERIFY(w.log.lines.isEmpty());
        QCOMPARE(w.model.totalInScope(), 2);
        QCOMPARE(w.counts.size(), 1);

        QCOMPARE(w.resets.size(), 0);
        QCOMPARE(w.layouts.size(), 0);
    }

    // Deltas that change the groups: titles (Location column), nodes that stop being nodes.
    void groupDeltas()
    {
        Sync::FleetState s = tableFleet();
        Watched w;
        w.model.setScope(s, DeviceScope::all());
        w.clear();
        Sync::FleetState next = s;
        next.groups[QStringLiteral("acme--hamburg")].description
            = QStringLiteral("Hamburg harbour [flotilla:group]");
        w.model.applyDelta(next, follow(s, next));
        QVERIFY(w.log.lines.isEmpty());
        QCOMPARE(w.log.changed, QStringList({QStringLiteral("005 3-3")}));
        QCOMPARE(
            w.model.indexForDevice(deviceId(5), DeviceTableModel::LocationColumn).data().toString(),
            QStringLiteral("Acme Logistics › Hamburg harbour"));

        // Sorted by the titles: the rows follow (a layout change, not a reset).
        w.model.sort(DeviceTableModel::LocationColumn);
        QCOMPARE(rows(w.model), QStringLiteral("004,001,002,003,005,006,009,010,008,007"));
        w.clear();
        next.groups[QStringLiteral("acme--hamburg")].description
            = QStringLiteral("Altona [flotilla:group]");
        w.model.applyDelta(next, follow(s, next));
        QCOMPARE(rows(w.model), QStringLiteral("004,005,001,002,003,006,009,010,008,007"));
        QCOMPARE(w.layouts.size(), 1);
        QCOMPARE(w.resets.size(), 0);

        // An in: filter follows the titles.
        w.model.setFilter(QStringLiteral("in:altona"));
        QCOMPARE(rows(w.model), QStringLiteral("005"));
        next.groups[QStringLiteral("acme--hamburg")].description
            = QStringLiteral("Hamburg port [flotilla:group]");
        w.model.applyDelta(next, follow(s, next));
        QCOMPARE(rows(w.model), QString());
        w.model.setFilter(QString());

        // The node becomes a plain label: its device now sits at the customer.
        Watched node;
        node.model.setScope(s, DeviceScope::node(QStringLiteral("acme--hamburg")));
        QCOMPARE(rows(node.model), QStringLiteral("005"));
        node.clear();
        next.groups[QStringLiteral("acme--hamburg")].description = QStringLiteral("Hamburg port");
        const Sync::FleetDelta untag = follow(s, next);
        node.model.applyDelta(s, untag);
        QCOMPARE(node.log.lines,
            QStringList(
                {QStringLiteral("aboutToRemove root 0-0"), QStringLiteral("removed root 0-0")}));
        w.model.applyDelta(s, untag);
        QCOMPARE(
            w.model.indexForDevice(deviceId(5), DeviceTableModel::LocationColumn).data().toString(),
            QStringLiteral("Acme Logistics"));
        QCOMPARE(node.resets.size(), 0);
        QCOMPARE(w.resets.size(), 0);
    }

    void pendingChanges()
    {
        const Sync::FleetState s = tableFleet();
        Watched w;
        w.model.setScope(s, DeviceScope::all());
        w.clear();
        w.model.setPending({deviceId(2)});
        QVERIFY(w.log.lines.isEmpty());
        QCOMPARE(w.log.changed, QStringList({QStringLiteral("002 0-12")}));
        QCOMPARE(w.model.index(1, DeviceTableModel::PendingColumn).data().toString(),
            QStringLiteral("pending"));
        w.model.setFilter(QStringLiteral("pending"));
        QCOMPARE(rows(w.model), QStringLiteral("002"));
        w.clear();
        w.model.setPending({deviceId(2), deviceId(3)});
        QCOMPARE(w.log.lines,
            QStringList(
                {QStringLiteral("aboutToInsert root 1-1"), QStringLiteral("inserted root 1-1")}));
        w.clear();
        w.model.setPending({});
        QCOMPARE(w.log.lines.size(), 4);
        QCOMPARE(rows(w.model), QString());
        QCOMPARE(w.resets.size(), 0);
        QCOMPARE(w.layouts.size(), 0);
    }

    // Random deltas, applied one after another, give the rows a rebuild gives.
    void randomDeltasMatchRebuild_data()
    {
        QTest::addColumn<DeviceScope>("scope");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("column");
        QTest::newRow("all by id")
            << DeviceScope::all() << QString() << int(DeviceTableModel::IdColumn);
        QTest::newRow("customer, filtered, by id")
            << DeviceScope::node(QStringLiteral("c001")) << QStringLiteral("unit -fw:5")
            << int(DeviceTableModel::IdColumn);
        QTest::newRow("site by name") << DeviceScope::node(QStringLiteral("c002--s1")) << QString()
                                      << int(DeviceTableModel::NameColumn);
        QTest::newRow("unassigned online by firmware")
            << DeviceScope::unassigned() << QStringLiteral("online")
            << int(DeviceTableModel::FirmwareColumn);
        QTest::newRow("returns by location")
            << DeviceScope::returns() << QString() << int(DeviceTableModel::LocationColumn);
        QTest::newRow("repair by last heard")
            << DeviceScope::needsRepair() << QString() << int(DeviceTableModel::LastHeardColumn);
    }

    void randomDeltasMatchRebuild()
    {
        QFETCH(DeviceScope, scope);
        QFETCH(QString, filter);
        QFETCH(int, column);
        // Four customers, so that every scope has some devices.
        Sync::FleetState s = perfFleet(300, 4);
        QStringList nodes = s.hierarchy().nodes().keys();
        QStringList ids = s.devices.keys();
        ids.sort();
        QRandomGenerator rng(99);
        Watched w;
        w.model.setFilter(filter);
        w.model.sort(column);
        w.model.setScope(s, scope);
        w.clear();
        int switches = 0;
        const auto pick = [&] { return ids.at(rng.bounded(int(ids.size()))); };
        int next = 100000;
        for (int round = 0; round < 40; ++round) {
            Sync::FleetDelta delta;
            const int kind = rng.bounded(5);
            if (kind == 0) {
                QStringList moved;
                for (int i = 0; i < 1 + rng.bounded(8); ++i)
                    moved.append(pick());
                moved.removeDuplicates();
                const int t = rng.bounded(int(nodes.size()) + 2);
                const Domain::MoveTarget target = t == 0 ? Domain::MoveTarget::unassigned()
                    : t == 1                             ? Domain::MoveTarget::returns()
                             : Domain::MoveTarget::node(nodes.at(t - 2));
                delta = moveDevices(s, moved, target);
            } else if (kind == 1 || kind == 2) {
                for (int i = 0; i < 1 + rng.bounded(6); ++i) {
                    Domain::Device d = s.devices.value(pick());
                    d.online = !d.online;
                    d.firmwareVersion = 3 + rng.bounded(3);
                    d.lastHeardMs += rng.bounded(100000);
                    if (rng.bounded(2) == 0)
                        d.name = QStringLiteral("unit %1").arg(rng.bounded(500));
                    delta.changedDevices.append(d);
                }
                Sync::apply(s, delta);
            } else if (kind == 3) {
                const QString id = pick();
                delta.removedDevices.append(id);
                ids.removeAll(id);
                Sync::apply(s, delta);
            } else {
                Domain::Device d = device(++next, QStringLiteral("unit %1").arg(rng.bounded(500)),
                    chain(nodes.at(rng.bounded(int(nodes.size())))), 3 + rng.bounded(3),
                    rng.bounded(2) == 1);
                if (rng.bounded(4) == 0)
                    d.groups = {};
                delta.addedDevices.append(d);
                ids.append(d.id);
                Sync::apply(s, delta);
            }
            w.model.applyDelta(s, delta);
            if (round % 10 == 9) {
                // Away to the whole fleet and back: the records are reused.
                w.model.setScope(s, DeviceScope::all());
                w.model.setScope(s, scope);
                switches += 2;
            }
            DeviceTableModel rebuilt;
            rebuilt.setFilter(filter);
            rebuilt.sort(column);
            rebuilt.setScope(s, scope);
            QCOMPARE(w.model.totalInScope(), rebuilt.totalInScope());
            if (column == DeviceTableModel::IdColumn) {
                QCOMPARE(w.model.visibleDeviceIds(), rebuilt.visibleDeviceIds());
            } else {
                QStringList a = w.model.visibleDeviceIds();
                QStringList b = rebuilt.visibleDeviceIds();
                for (int r = 1; r < w.model.rowCount(); ++r) {
                    QVERIFY(compareKeys(w.model.index(r - 1, column).data(Tree::SortKeyRole),
                                w.model.index(r, column).data(Tree::SortKeyRole))
                        <= 0);
                }
                a.sort();
                b.sort();
                QCOMPARE(a, b);
            }
        }
        QCOMPARE(w.resets.size(), switches); // scope changes only
    }

    // setScope() with a state the model was not told about (no deltas): what changed is
    // remade, what did not is reused, and the rows are those of a fresh model.
    void setScopeFollowsAnyState()
    {
        Sync::FleetState s = perfFleet(400, 4);
        Watched w;
        w.model.sort(DeviceTableModel::IdColumn);
        w.model.setFilter(QStringLiteral("unit -fw:5"));
        w.model.setScope(s, DeviceScope::all());
        const auto check = [&w, &s](const DeviceScope &scope) {
            w.model.setScope(s, scope);
            DeviceTableModel fresh;
            fresh.sort(DeviceTableModel::IdColumn);
            fresh.setFilter(QStringLiteral("unit -fw:5"));
            fresh.setScope(s, scope);
            QCOMPARE(w.model.totalInScope(), fresh.totalInScope());
            QCOMPARE(w.model.visibleDeviceIds(), fresh.visibleDeviceIds());
            for (int r = 0; r < w.model.rowCount(); ++r) {
                for (int c = 0; c < DeviceTableModel::ColumnCount; ++c)
                    QCOMPARE(w.model.index(r, c).data(), fresh.index(r, c).data());
            }
        };
        const QList<DeviceScope> scopes = {DeviceScope::node(QStringLiteral("c001")),
            DeviceScope::node(QStringLiteral("c002--s1")), DeviceScope::unassigned(),
            DeviceScope::returns(), DeviceScope::needsRepair(), DeviceScope::all()};
        for (const DeviceScope &scope : scopes)
            check(scope);
        QStringList ids = s.devices.keys();
        ids.sort();

        // Edited in place: fields, groups, a device gone, a device new.
        s.devices[ids.at(0)].name = QStringLiteral("unit renamed");
        s.devices[ids.at(1)].online = !s.devices[ids.at(1)].online;
        s.devices[ids.at(2)].firmwareVersion = 5;
        s.devices[ids.at(3)].groups = chain(QStringLiteral("c001--s0--l1"));
        s.devices[ids.at(4)].groups = {};
        s.devices.remove(ids.at(5));
        addDevice(s, device(777, QStringLiteral("unit new"), chain(QStringLiteral("c001")), 4));
        for (const DeviceScope &scope : scopes)
            check(scope);

        // A deep copy: equal, but nothing shared with the records.
        Sync::FleetState copy = s;
        QHash<QString, Domain::Device> devices;
        for (const Domain::Device &d : std::as_const(s.devices)) {
            Domain::Device e = d;
            const auto deep = [](const QString &t) { return QString(t.constData(), t.size()); };
            e.id = deep(d.id);
            e.name = deep(d.name);
            e.serialNumber = deep(d.serialNumber);
            e.notes = deep(d.notes);
            e.owner = deep(d.owner);
            e.groups = QStringList();
            for (const QString &g : d.groups)
                e.groups.append(deep(g));
            devices.insert(e.id, e);
        }
        copy.devices = devices;
        s = copy;
        for (const DeviceScope &scope : scopes)
            check(scope);

        // Groups: a title changed, a node untagged.
        s.groups[QStringLiteral("c001")].description
            = QStringLiteral("Renamed [flotilla:customer]");
        s.groups[QStringLiteral("c002--s1")].description = QStringLiteral("plain label");
        for (const DeviceScope &scope : scopes)
            check(scope);
    }

    // The performance report: 100,000 devices, a query typed one character at a time.
    void performance()
    {
        constexpr int Devices = 100000;
        QElapsedTimer timer;
        timer.start();
        const Sync::FleetState s = perfFleet(Devices);
        qInfo("generated %d devices in %lld ms", int(s.devices.size()), timer.elapsed());

        DeviceTableModel model;
        QList<qint64> scopes;
        qint64 firstScopeCpu = 0;
        for (int run = 0; run < 3; ++run) {
            timer.restart();
            const qint64 cpu = cpuNs();
            model.setScope(s, DeviceScope::all());
            scopes.append(timer.nsecsElapsed());
            if (run == 0)
                firstScopeCpu = cpuNs() - cpu;
        }
        QCOMPARE(model.totalInScope(), Devices);
        qInfo("setScope(all, %d devices): first %s ms (builds every record), then %s ms and %s ms "
              "(records reused)",
            Devices, qPrintable(msText(scopes.at(0))), qPrintable(msText(scopes.at(1))),
            qPrintable(msText(scopes.at(2))));
        QVERIFY2(firstScopeCpu < 3'000'000'000, qPrintable(msText(firstScopeCpu))); // sanity only
        timer.restart();
        model.setScope(s, DeviceScope::node(QStringLiteral("c003")));
        qInfo("setScope(customer c003, %d devices): %s ms", model.totalInScope(),
            qPrintable(msText(timer.nsecsElapsed())));
        model.setScope(s, DeviceScope::all());

        for (const int column : {int(DeviceTableModel::LastHeardColumn),
                 int(DeviceTableModel::LocationColumn), int(DeviceTableModel::NameColumn)}) {
            timer.restart();
            model.sort(column);
            qInfo("sort(%s): %s ms",
                qPrintable(model.headerData(column, Qt::Horizontal).toString()),
                qPrintable(msText(timer.nsecsElapsed())));
        }

        // Typed one character at a time; then deleted again one at a time.
        const QStringList queries = {QStringLiteral("e00f"), QStringLiteral("acme"),
            QStringLiteral("fw:4 online"), QStringLiteral("unit 12"), QStringLiteral("P046AB00"),
            QStringLiteral("in:c003--s1 off-target"), QStringLiteral("\"battery replaced\" -dev")};
        QList<qint64> all;
        for (const QString &query : queries) {
            model.setFilter(QString());
            QStringList times;
            const auto type = [&](const QString &text) {
                timer.restart();
                const qint64 cpu = cpuNs();
                model.setFilter(text);
                const qint64 ns = timer.nsecsElapsed();
                const qint64 cpuUsed = cpuNs() - cpu;
                all.append(ns);
                times.append(msText(ns));
                QVERIFY2(
                    cpuUsed < 500'000'000, qPrintable(text + QLatin1Char(' ') + msText(cpuUsed)));
            };
            for (qsizetype n = 1; n <= query.size(); ++n)
                type(query.left(n));
            const int shown = model.visibleCount();
            times.append(QStringLiteral("|"));
            for (qsizetype n = query.size() - 1; n >= 0; --n)
                type(query.left(n));
            qInfo("typing \"%s\" (%d rows), per keystroke, then deleting it (ms): %s",
                qPrintable(query), shown, qPrintable(times.join(QLatin1Char(' '))));
        }
        qInfo("per keystroke over %d devices: p50 %s ms, p95 %s ms, max %s ms (%d keystrokes)",
            Devices, qPrintable(msText(percentile(all, 0.5))),
            qPrintable(msText(percentile(all, 0.95))), qPrintable(msText(percentile(all, 1.0))),
            int(all.size()));

        // The rows typed are the rows a reference gives.
        model.setFilter(QStringLiteral("fw:4 online"));
        int expected = 0;
        for (const Domain::Device &d : s.devices)
            expected += d.firmwareVersion == 4 && d.online ? 1 : 0;
        QCOMPARE(model.visibleCount(), expected);
        model.setFilter(QStringLiteral("e00fc"));
        model.setFilter(QStringLiteral("e00f"));
        expected = 0;
        for (const Domain::Device &d : s.devices) {
            const QString text = d.id + QLatin1Char('\n') + d.name + QLatin1Char('\n')
                + d.serialNumber + QLatin1Char('\n') + d.notes;
            expected += text.contains(QStringLiteral("e00f"), Qt::CaseInsensitive) ? 1 : 0;
        }
        QCOMPARE(model.visibleCount(), expected);
        DeviceTableModel fresh;
        fresh.sort(DeviceTableModel::NameColumn);
        fresh.setFilter(QStringLiteral("e00f"));
        fresh.setScope(s, DeviceScope::all());
        QStringList typed = model.visibleDeviceIds();
        QStringList direct = fresh.visibleDeviceIds();
        typed.sort();
        direct.sort();
        QCOMPARE(typed, direct);

        // Deltas, every row shown: 1,000 devices from all over the fleet onto one node (a
        // dataChanged each), then renamed (a row move each); setScope() after them.
        model.setFilter(QString());
        Sync::FleetState next = s;
        QStringList ids = s.devices.keys();
        ids.sort();
        QRandomGenerator rng(5);
        std::shuffle(ids.begin(), ids.end(), rng);
        ids = ids.mid(0, 1000);
        Sync::FleetDelta delta
            = moveDevices(next, ids, Domain::MoveTarget::node(QStringLiteral("c001--s2--l1")));
        timer.restart();
        model.applyDelta(next, delta);
        qInfo("applyDelta(move %d devices onto one node) over %d rows: %s ms", int(ids.size()),
            model.visibleCount(), qPrintable(msText(timer.nsecsElapsed())));
        delta = Sync::FleetDelta();
        for (const QString &id : std::as_const(ids)) {
            Domain::Device d = next.devices.value(id);
            d.name = QStringLiteral("renamed %1").arg(rng.bounded(1000));
            delta.changedDevices.append(d);
        }
        Sync::apply(next, delta);
        timer.restart();
        model.applyDelta(next, delta);
        qInfo("applyDelta(rename %d devices: row moves) over %d rows: %s ms", int(ids.size()),
            model.visibleCount(), qPrintable(msText(timer.nsecsElapsed())));
        timer.restart();
        model.setScope(next, DeviceScope::node(QStringLiteral("c001")));
        qInfo("setScope(customer c001, %d devices) after the deltas: %s ms", model.totalInScope(),
            qPrintable(msText(timer.nsecsElapsed())));
        QCOMPARE(model.totalInScope(), [&next] {
            int n = 0;
            const Domain::Hierarchy h = next.hierarchy();
            for (const Domain::Device &d : std::as_const(next.devices)) {
                const Domain::Placement p = Domain::placeDevice(d.groups, h);
                n += DeviceScope::node(QStringLiteral("c001")).contains(p) ? 1 : 0;
            }
            return n;
        }());

        // Under observation at full size: a narrow filter, a delta, another filter.
        model.setScope(next, DeviceScope::all());
        model.setFilter(QStringLiteral("e00fce68 fw:4 online unit 1"));
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QStringList some = model.visibleDeviceIds().mid(0, 5);
        QVERIFY(!some.isEmpty());
        model.applyDelta(next, moveDevices(next, some, Domain::MoveTarget::returns()));
        model.setFilter(QStringLiteral("e00fce68 fw:4 online unit 2"));
        QVERIFY(model.visibleCount() > 0);
    }
};

QTEST_MAIN(TestDeviceTable)
#include "tst_devicetable.moc"
