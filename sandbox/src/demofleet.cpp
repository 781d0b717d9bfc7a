// SPDX-License-Identifier: MIT
#include "demofleet.h"

#include <QList>

#include <algorithm>
#include <cmath>

namespace Flotilla::Sandbox {

namespace {

constexpr qint64 Hour = 3600 * 1000LL;
constexpr qint64 Day = 24 * Hour;

struct NodeSpec
{
    QString path; // group name: slugs joined by "--"
    QString title;
    double weight; // share of the customer's devices placed at this node
};

struct CustomerSpec
{
    QString slug;
    QString title;
    bool linkedAccount;
    QList<NodeSpec> nodes; // below the customer node
};

QList<CustomerSpec> customerSpecs(int count)
{
    QList<CustomerSpec> specs {
        {QStringLiteral("acme"), QStringLiteral("Acme Logistics"), true,
            {{QStringLiteral("acme--berlin"), QStringLiteral("Berlin depot"), 0.30},
                {QStringLiteral("acme--berlin--test"), QStringLiteral("Berlin test bench"), 0.03},
                {QStringLiteral("acme--hamburg"), QStringLiteral("Hamburg port"), 0.35},
                {QStringLiteral("acme--hamburg--cold-store"), QStringLiteral("Hamburg cold store"),
                    0.12},
                {QStringLiteral("acme--munich"), QStringLiteral("Munich hub"), 0.18}}},
        {QStringLiteral("borealis"), QStringLiteral("Borealis Energy"), true,
            {{QStringLiteral("borealis--north"), QStringLiteral("North wind park"), 0.45},
                {QStringLiteral("borealis--north--test"), QStringLiteral("North test turbines"),
                    0.04},
                {QStringLiteral("borealis--south"), QStringLiteral("South solar farm"), 0.45}}},
        {QStringLiteral("cobalt"), QStringLiteral("Cobalt Farms"), false,
            {{QStringLiteral("cobalt--field-a"), QStringLiteral("Field A"), 0.45},
                {QStringLiteral("cobalt--field-b"), QStringLiteral("Field B"), 0.45},
                {QStringLiteral("cobalt--test"), QStringLiteral("Test plot"), 0.05}}},
        {QStringLiteral("delta-water"), QStringLiteral("Delta Water Authority"), false,
            {{QStringLiteral("delta-water--pump-1"), QStringLiteral("Pump station 1"), 0.5},
                {QStringLiteral("delta-water--pump-2"), QStringLiteral("Pump station 2"), 0.45}}},
        {QStringLiteral("evergreen"), QStringLiteral("Evergreen Transit"), false,
            {{QStringLiteral("evergreen--depot-east"), QStringLiteral("Depot East"), 0.40},
                {QStringLiteral("evergreen--depot-east--test"),
                    QStringLiteral("Depot East test buses"), 0.05},
                {QStringLiteral("evergreen--depot-east--night"), QStringLiteral("Night lines"),
                    0.15},
                {QStringLiteral("evergreen--depot-west"), QStringLiteral("Depot West"), 0.35}}},
        {QStringLiteral("fjord"), QStringLiteral("Fjord Marine"), false,
            {{QStringLiteral("fjord--vessels"), QStringLiteral("Vessels"), 0.8},
                {QStringLiteral("fjord--vessels--test"), QStringLiteral("Test vessel"), 0.05}}},
    };
    for (int i = static_cast<int>(specs.size()) + 1; i <= count; ++i) {
        const QString slug = QStringLiteral("customer-%1").arg(i);
        specs.append({slug, QStringLiteral("Customer %1").arg(i), false,
            {{slug + QStringLiteral("--site-a"), QStringLiteral("Site A"), 0.5},
                {slug + QStringLiteral("--site-a--test"), QStringLiteral("Site A test"), 0.05},
                {slug + QStringLiteral("--site-b"), QStringLiteral("Site B"), 0.4}}});
    }
    specs.resize(std::max(0, count));
    return specs;
}

QString digits(Fleet &fleet, int n)
{
    QString s;
    s.reserve(n);
    quint64 r = fleet.nextRandom();
    for (int i = 0; i < n; ++i) {
        if (i % 18 == 17)
            r = fleet.nextRandom();
        s.append(QLatin1Char(static_cast<char>('0' + r % 10)));
        r /= 10;
    }
    return s;
}

double uniform(Fleet &fleet)
{
    return static_cast<double>(fleet.nextRandom() >> 11) * (1.0 / 9007199254740992.0);
}

QByteArray fakeBinary(Fleet &fleet, int version)
{
    QByteArray bin
        = "FLOTILLA-SANDBOX-FIRMWARE PRODUCT_VERSION=" + QByteArray::number(version) + '\n';
    const int size = 4096 + static_cast<int>(fleet.nextRandom() % 4096);
    bin.reserve(size);
    while (bin.size() < size) {
        quint64 r = fleet.nextRandom();
        for (int i = 0; i < 8 && bin.size() < size; ++i, r >>= 8)
            bin.append(static_cast<char>(r & 0xff));
    }
    return bin;
}

} // namespace

QString generateDemoFleet(Fleet &fleet, const DemoOptions &options, qint64 now)
{
    fleet.seed(options.seed);
    fleet.product
        = Product {options.productId, options.productSlug, QStringLiteral("Flotilla Demo Tracker"),
            QStringLiteral("Asset trackers of the demo fleet"), 13};
    const QString password = QStringLiteral("sandbox-") + fleet.newHexId(10);
    fleet.users = {User {fleet.newHexId(24), QStringLiteral("demo@flotilla.example"), password, {}},
        User {fleet.newHexId(24), QStringLiteral("mfa@flotilla.example"), password,
            QString::fromLatin1(MfaSecretBase32)}};
    fleet.oauthClientId = QStringLiteral("flotilla-demo-") + fleet.newHexId(6);
    fleet.oauthClientSecret = fleet.newHexId(40);
    fleet.demoToken = fleet.newHexId(40);
    // The seeded values above only keep the generator's sequence (and so every id after them)
    // as it was; the credentials themselves must not be derivable from the seed.
    const QString randomPassword = QStringLiteral("sandbox-") + Fleet::randomSecret(16);
    for (User &u : fleet.users)
        u.password = randomPassword;
    fleet.oauthClientSecret = Fleet::randomSecret(40);
    const QString token = Fleet::randomSecret(40);
    fleet.demoToken = token;
    fleet.tokens.insert(token,
        Token {TokenKind::User, fleet.users.first().username, QStringLiteral("particle"), 0, {}});

    // Firmware: six versions; v4 is the product default, v5 goes to test groups and one whole
    // customer, v3 stays pinned for a customer, v6 is a release candidate on development units.
    const QStringList titles {QStringLiteral("1.0.0 first field release"),
        QStringLiteral("1.1.0 battery saver"), QStringLiteral("1.2.0 modem watchdog"),
        QStringLiteral("2.0.0 new sensor stack"), QStringLiteral("2.1.0 faster reporting"),
        QStringLiteral("2.2.0-rc1 release candidate")};
    for (int v = 1; v <= 6; ++v) {
        Firmware fw;
        fw.version = v;
        fw.id = fleet.newHexId(24);
        fw.title = titles.at(v - 1);
        fw.description = QStringLiteral("Demo firmware %1").arg(titles.at(v - 1));
        fw.fileName = QStringLiteral("tracker-v%1.bin").arg(v);
        fw.binary = fakeBinary(fleet, v);
        fw.uploadedMs = now - (7 - v) * 30 * Day;
        fw.updatedMs = fw.uploadedMs + Day;
        fw.uploadedBy = fleet.users.first().username;
        fw.hasRun = true;
        fw.everReleased = v <= 5;
        fleet.firmware.append(fw);
    }

    const QList<CustomerSpec> specs = customerSpecs(options.customers);
    struct Node
    {
        QList<int> chain; // group ids, root first
        QString name;
        QString owner;
        double weight;
    };
    QList<QList<Node>> nodesByCustomer;
    for (const CustomerSpec &spec : specs) {
        QString account;
        if (spec.linkedAccount) {
            account = spec.slug + QStringLiteral("@customers.flotilla.example");
            fleet.customers.append(
                Customer {fleet.newHexId(24), account, {}, true, now - 200 * Day});
        }
        const int root = fleet.ensureGroup(spec.slug);
        Group &rootGroup = fleet.groups[static_cast<size_t>(root)];
        // Descriptions as Flotilla writes them: the tag first, then the title.
        rootGroup.description = account.isEmpty()
            ? QString(QStringLiteral("[flotilla:customer] ") + spec.title)
            : QString(QStringLiteral("[flotilla:customer account=") + account + QStringLiteral("] ")
                + spec.title);
        rootGroup.color = QStringLiteral("#2c7be5");
        QList<Node> nodes;
        double used = 0;
        for (const NodeSpec &n : spec.nodes) {
            QList<int> chain {root};
            const QStringList parts = n.path.split(QStringLiteral("--"));
            QString prefix = parts.first();
            for (qsizetype i = 1; i < parts.size(); ++i) {
                prefix += QStringLiteral("--") + parts.at(i);
                chain.append(fleet.ensureGroup(prefix));
            }
            Group &g = fleet.groups[static_cast<size_t>(chain.last())];
            g.description = QStringLiteral("[flotilla:group] ") + n.title;
            g.color = n.path.endsWith(QStringLiteral("--test")) ? QStringLiteral("#e67e22")
                                                                : QStringLiteral("#34495e");
            nodes.append(Node {chain, n.path, account, n.weight});
            used += n.weight;
        }
        // What is left stays at the customer node itself.
        nodes.append(Node {{root}, spec.slug, account, std::max(0.02, 1.0 - used)});
        nodesByCustomer.append(nodes);
    }
    // The intermediate nodes created along the way need titles too.
    for (Group &g : fleet.groups) {
        if (g.description.isEmpty())
            g.description
                = QStringLiteral("[flotilla:group] ") + g.name.section(QStringLiteral("--"), -1);
    }
    const int returns = fleet.ensureGroup(QStringLiteral("flotilla-returns"));
    fleet.groups[static_cast<size_t>(returns)].description
        = QStringLiteral("[flotilla:returns] Returns");
    fleet.groups[static_cast<size_t>(returns)].color = QStringLiteral("#c0392b");
    const int beta = fleet.ensureGroup(QStringLiteral("beta-testers"));
    fleet.groups[static_cast<size_t>(beta)].description = QStringLiteral("Field beta participants");
    const int lowBattery = fleet.ensureGroup(QStringLiteral("low-battery"));
    fleet.groups[static_cast<size_t>(lowBattery)].description = QString();

    // Releases.
    const auto releaseTo = [&](int version, const QString &group) {
        const int g = fleet.findGroup(group);
        if (g >= 0)
            fleet.findFirmware(version)->groups.append(g);
    };
    fleet.findFirmware(4)->productDefault = true;
    releaseTo(5, QStringLiteral("acme--berlin--test"));
    releaseTo(5, QStringLiteral("evergreen--depot-east--test"));
    releaseTo(5, QStringLiteral("borealis"));
    releaseTo(3, QStringLiteral("delta-water"));
    fleet.recomputeReleases();

    // Devices.
    const int total = std::max(0, options.devices);
    const int stock = options.uniform ? 0 : total / 10;
    const int returned = options.uniform ? 0 : total * 3 / 100;
    QList<double> customerWeights;
    double weightSum = 0;
    for (qsizetype i = 0; i < specs.size(); ++i) {
        customerWeights.append(1.0 / (1.0 + 0.35 * static_cast<double>(i)));
        weightSum += customerWeights.last();
    }
    static const QStringList systemVersions {
        QStringLiteral("4.2.0"), QStringLiteral("5.6.0"), QStringLiteral("5.8.0")};
    fleet.devices.reserve(static_cast<size_t>(total + total / 100 + 8));
    int devCount = 0;
    for (int n = 0; n < total; ++n) {
        Device d;
        d.id = QStringLiteral("e00fce68") + fleet.newHexId(16);
        d.serial = QStringLiteral("B40KLA") + digits(fleet, 9);
        if (uniform(fleet) < 0.95)
            d.iccid = QStringLiteral("8901260") + digits(fleet, 13);
        d.imei = QStringLiteral("35") + digits(fleet, 13);
        d.platformId = fleet.product.platformId;
        d.systemFirmware = systemVersions.at(static_cast<qsizetype>(fleet.nextRandom() % 3));
        d.lastIp = QStringLiteral("100.%1.%2.%3")
                       .arg(64 + fleet.nextRandom() % 64)
                       .arg(fleet.nextRandom() % 256)
                       .arg(fleet.nextRandom() % 256);
        d.rng = fleet.nextRandom();
        if (n < stock) {
            d.name = QStringLiteral("stock-%1").arg(n + 1, 5, 10, QLatin1Char('0'));
            d.firmwareVersion = 3;
            d.active = false;
            d.lastHeardMs = d.lastHandshakeMs
                = now - (30 + static_cast<qint64>(fleet.nextRandom() % 60)) * Day;
        } else if (n < stock + returned) {
            d.name = QStringLiteral("return-%1").arg(n - stock + 1, 4, 10, QLatin1Char('0'));
            d.groups = {returns};
            d.firmwareVersion = 1 + static_cast<int>(fleet.nextRandom() % 5);
            d.active = false;
            d.hasNotes = true;
            static const QStringList reasons {QStringLiteral("RMA: water damage"),
                QStringLiteral("RMA: antenna cable"), QStringLiteral("Customer contract ended"),
                QStringLiteral("RMA: battery swollen")};
            d.notes = reasons.at(static_cast<qsizetype>(fleet.nextRandom() % reasons.size()));
            d.lastHeardMs = d.lastHandshakeMs
                = now - (2 + static_cast<qint64>(fleet.nextRandom() % 20)) * Day;
        } else {
            // Pick a customer by weight, then a node by weight.
            double pick = uniform(fleet) * weightSum;
            qsizetype c = 0;
            while (c + 1 < customerWeights.size() && pick >= customerWeights.at(c)) {
                pick -= customerWeights.at(c);
                ++c;
            }
            const QList<Node> &nodes = nodesByCustomer.at(c);
            double nodePick = uniform(fleet);
            double acc = 0;
            const Node *node = &nodes.last();
            double nodeSum = 0;
            for (const Node &x : nodes)
                nodeSum += x.weight;
            for (const Node &x : nodes) {
                acc += x.weight / nodeSum;
                if (nodePick < acc) {
                    node = &x;
                    break;
                }
            }
            d.groups = node->chain;
            d.owner = node->owner;
            const int seq = n - stock - returned + 1;
            d.name = node->name.section(QStringLiteral("--"), 0, 1)
                         .replace(QStringLiteral("--"), QStringLiteral("-"))
                + QStringLiteral("-%1").arg(seq, 5, 10, QLatin1Char('0'));
            const double r = uniform(fleet);
            if (options.uniform && r < 0.02) {
                // Neither locked nor a development device.
            } else if (r < 0.01) {
                d.desiredVersion = 2 + static_cast<int>(fleet.nextRandom() % 3);
            } else if (r < 0.02) {
                d.development = true;
                ++devCount;
            } else if (r < 0.07) {
                d.groups.append(beta);
            } else if (r < 0.09) {
                d.groups.append(lowBattery);
            }
            std::sort(d.groups.begin(), d.groups.end());
            const std::optional<int> target = fleet.targetOf(d);
            if (d.development)
                d.firmwareVersion = devCount <= 3 ? 6 : 5;
            else if (options.uniform)
                d.firmwareVersion = target.value_or(4);
            else if (target && uniform(fleet) < 0.92)
                d.firmwareVersion = *target;
            else
                d.firmwareVersion = std::max(1, target.value_or(4) - 1);
            d.online = uniform(fleet) < 0.80;
            d.lastHandshakeMs
                = now - static_cast<qint64>(uniform(fleet) * (d.online ? 6 : 48) * Hour);
            d.lastHeardMs = d.online
                ? now - static_cast<qint64>(uniform(fleet) * Hour)
                : d.lastHandshakeMs + static_cast<qint64>(uniform(fleet) * Hour);
            d.lastHeardMs = std::min(d.lastHeardMs, now);
        }
        fleet.addDevice(std::move(d));
    }
    // Units that exist outside the product: factory stock (importable), and a few that belong to
    // another product (import reports them as non-members).
    const int outside = options.stock >= 0 ? options.stock : std::max(5, total / 100);
    const size_t firstOutside = fleet.devices.size();
    for (int n = 0; n < outside + 3; ++n) {
        Device d;
        d.id = QStringLiteral("e00fce68") + fleet.newHexId(16);
        d.serial = QStringLiteral("B40KLA") + digits(fleet, 9);
        d.iccid = QStringLiteral("8901260") + digits(fleet, 13);
        d.platformId = fleet.product.platformId;
        d.systemFirmware = QStringLiteral("5.8.0");
        d.inProduct = false;
        d.active = false;
        d.foreignProductId = n < outside ? 0 : 99999;
        d.rng = fleet.nextRandom();
        fleet.addDevice(std::move(d));
    }
    // Their IMEIs come last, so that the ids and serial numbers before are those of fleets
    // generated before units outside the product had IMEIs.
    for (size_t i = firstOutside; i < fleet.devices.size(); ++i) {
        fleet.devices[i].imei = QStringLiteral("35") + digits(fleet, 13);
        fleet.indexDevice(static_cast<int>(i));
    }
    return token;
}

} // namespace Flotilla::Sandbox
