// SPDX-License-Identifier: MIT
// flotillactl's edit commands (move, customer …, group …, import, export), run as a process
// against a sandbox cloud: exit statuses, --json that parses, and what the cloud holds after
// each edit (read over HTTP, not from flotillactl's own cache).
#include "ctlprocess.h"
#include "io/xlsx.h"
#include "sandboxprocess.h"

#include <QFile>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace Flotilla::Test;

class TestCtlEdit final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;
    std::unique_ptr<CtlProcess> m_ctl;

    QString cachePath() const { return m_dir.filePath(QStringLiteral("cache.sqlite")); }

    // flotillactl --json ARGUMENTS (stdin is not a terminal: edits need --yes).
    CtlResult ctl(const QStringList &arguments) const
    {
        return m_ctl->run(QStringList {QStringLiteral("--json")} + arguments);
    }

    QString writeFile(const QString &name, const QByteArray &content) const
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return path;
    }

    // The cloud's group of that name: its description, or nothing when it has none such.
    std::optional<QString> cloudGroup(const QString &name)
    {
        const HttpResult r = Http(m_sandbox.token())
                                 .get(m_sandbox.url(QStringLiteral("/v1/products/%1/groups/%2")
                                                        .arg(m_sandbox.productId())
                                                        .arg(name)));
        if (r.status != 200)
            return std::nullopt;
        return r.json()
            .value(QStringLiteral("group"))
            .toObject()
            .value(QStringLiteral("description"))
            .toString();
    }

    QStringList cloudGroupsOf(const QString &deviceId)
    {
        return cloudDevices(m_sandbox).value(deviceId).groups;
    }

    // Devices of the product in no customer, group or pool, with a serial number.
    QList<Domain::Device> unassignedDevices()
    {
        QList<Domain::Device> out;
        for (const Domain::Device &d : cloudDevices(m_sandbox)) {
            if (d.groups.isEmpty() && !d.serialNumber.isEmpty())
                out.append(d);
        }
        std::sort(out.begin(), out.end(),
            [](const Domain::Device &a, const Domain::Device &b) { return a.id < b.id; });
        return out;
    }

    // What `flotillactl ls --json` says of a node: its devices, the groups below counted.
    int devicesUnder(const QString &path)
    {
        const CtlResult r = ctl({QStringLiteral("ls"), path});
        if (r.exitCode != 0)
            return -1;
        const QJsonArray nodes = r.object().value(QStringLiteral("nodes")).toArray();
        return nodes.isEmpty() ? -1
                               : nodes.first().toObject().value(QStringLiteral("devices")).toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sandbox.start({QStringLiteral("--devices"), QStringLiteral("60"),
                     QStringLiteral("--stock"), QStringLiteral("22")}),
            qPrintable(m_sandbox.errorString()));
        m_ctl = std::make_unique<CtlProcess>(m_dir.filePath(QStringLiteral("home")));
        m_ctl->setCloud(m_sandbox.url(), m_sandbox.productId(), m_sandbox.token(), cachePath());
        const CtlResult sync = ctl({QStringLiteral("sync")});
        QVERIFY2(sync.exitCode == 0, sync.describe().constData());
    }

    // A device named by its serial number goes to a group named by titles, then to Returns.
    // It stays with its customer first: a device new to Acme would be claimed to Acme's
    // customer account, which needs the product's OAuth client (the console has it).
    void moveBySerialToTitlesThenReturns()
    {
        Domain::Device device;
        for (const Domain::Device &d : cloudDevices(m_sandbox)) {
            if (!d.serialNumber.isEmpty() && d.groups.contains(QStringLiteral("acme--hamburg"))) {
                device = d;
                break;
            }
        }
        QVERIFY(!device.id.isEmpty());
        // "Acme Logistics/Berlin depot", as ls titles them.
        const CtlResult ls = ctl({QStringLiteral("ls"), QStringLiteral("acme--berlin")});
        QCOMPARE(ls.exitCode, 0);
        const QString titles = ls.object()
                                   .value(QStringLiteral("nodes"))
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(QStringLiteral("title_path"))
                                   .toString()
                                   .replace(QStringLiteral(" › "), QStringLiteral("/"));
        QVERIFY2(titles.contains(QLatin1Char('/')), qPrintable(titles));

        const CtlResult moved = ctl({QStringLiteral("--yes"), QStringLiteral("move"),
            device.serialNumber, QStringLiteral("--to"), titles});
        QVERIFY2(moved.exitCode == 0, moved.describe().constData());
        QVERIFY(moved.isJson());
        const QJsonObject m = moved.object();
        QCOMPARE(m.value(QStringLiteral("applied")).toBool(), true);
        QCOMPARE(m.value(QStringLiteral("to")).toString(), QStringLiteral("acme--berlin"));
        QCOMPARE(m.value(QStringLiteral("devices")).toArray(), QJsonArray {device.id});
        QCOMPARE(m.value(QStringLiteral("pending")).toInt(), 0);
        QVERIFY(m.value(QStringLiteral("to_title")).toString().contains(QStringLiteral(" › ")));
        QStringList groups = cloudGroupsOf(device.id);
        QVERIFY2(groups.contains(QStringLiteral("acme"))
                && groups.contains(QStringLiteral("acme--berlin"))
                && !groups.contains(QStringLiteral("acme--berlin--test")),
            qPrintable(groups.join(QLatin1Char(','))));

        const CtlResult returned = ctl({QStringLiteral("move"), QStringLiteral("--to"),
            QStringLiteral("returns"), device.id, QStringLiteral("--yes")});
        QVERIFY2(returned.exitCode == 0, returned.describe().constData());
        QCOMPARE(
            returned.object().value(QStringLiteral("to")).toString(), QStringLiteral("returns"));
        groups = cloudGroupsOf(device.id);
        QVERIFY2(groups.contains(QStringLiteral("flotilla-returns"))
                && !groups.contains(QStringLiteral("acme")),
            qPrintable(groups.join(QLatin1Char(','))));
        const CtlResult shown = ctl({QStringLiteral("show"), device.id});
        QCOMPARE(
            shown.object().value(QStringLiteral("path")).toString(), QStringLiteral("returns"));

        // Where it is already: nothing to do, and that is done.
        const CtlResult again = ctl({QStringLiteral("--yes"), QStringLiteral("move"), device.id,
            QStringLiteral("--to"), QStringLiteral("returns")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.object().value(QStringLiteral("applied")).toBool(), false);
    }

    // --dry-run prints the plan and sends nothing; without --yes and without a terminal an edit
    // is refused.
    void dryRunAndUnconfirmedChangeNothing()
    {
        const Domain::Device device = unassignedDevices().value(0);
        QVERIFY(!device.id.isEmpty());
        const CtlResult dry = ctl({QStringLiteral("move"), device.id, QStringLiteral("--to"),
            QStringLiteral("acme"), QStringLiteral("--dry-run")});
        QVERIFY2(dry.exitCode == 0, dry.describe().constData());
        const QJsonObject d = dry.object();
        QCOMPARE(d.value(QStringLiteral("dry_run")).toBool(), true);
        QCOMPARE(d.value(QStringLiteral("applied")).toBool(), false);
        QVERIFY(!d.value(QStringLiteral("effect")).toArray().isEmpty());
        QVERIFY(d.value(QStringLiteral("requests")).toInt() > 0);
        QCOMPARE(cloudGroupsOf(device.id), QStringList());

        const CtlResult human = m_ctl->run({QStringLiteral("move"), device.serialNumber,
            QStringLiteral("--to"), QStringLiteral("acme"), QStringLiteral("--dry-run")});
        QCOMPARE(human.exitCode, 0);
        QVERIFY2(human.out.contains("Acme Logistics"), human.describe().constData());
        QVERIFY(human.err.contains("Dry run"));

        const CtlResult unconfirmed = ctl(
            {QStringLiteral("move"), device.id, QStringLiteral("--to"), QStringLiteral("acme")});
        QCOMPARE(unconfirmed.exitCode, 1);
        QVERIFY(unconfirmed.isJson());
        QCOMPARE(unconfirmed.object().value(QStringLiteral("applied")).toBool(), false);
        QVERIFY2(unconfirmed.err.contains("--yes"), unconfirmed.describe().constData());
        QCOMPARE(cloudGroupsOf(device.id), QStringList());

        const CtlResult customer = ctl(
            {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("Unconfirmed Ltd")});
        QCOMPARE(customer.exitCode, 1);
        const CtlResult dryCustomer = ctl({QStringLiteral("customer"), QStringLiteral("add"),
            QStringLiteral("Unconfirmed Ltd"), QStringLiteral("--dry-run")});
        QCOMPARE(dryCustomer.exitCode, 0);
        QCOMPARE(dryCustomer.object().value(QStringLiteral("path")).toString(),
            QStringLiteral("unconfirmed-ltd"));
        QVERIFY(!cloudGroup(QStringLiteral("unconfirmed-ltd")));
    }

    // One identifier that names no device: nothing is moved, the others neither.
    void unknownDeviceMovesNothing()
    {
        const QList<Domain::Device> unassigned = unassignedDevices();
        QVERIFY(unassigned.size() >= 2);
        const Domain::Device first = unassigned.at(0);
        const CtlResult r = ctl({QStringLiteral("--yes"), QStringLiteral("move"), first.id,
            QStringLiteral("no-such-device"), QStringLiteral("--to"), QStringLiteral("acme")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.isJson(), r.describe().constData());
        QCOMPARE(r.object().value(QStringLiteral("unknown")).toArray(),
            QJsonArray {QStringLiteral("no-such-device")});
        QVERIFY(r.err.contains("no-such-device"));
        QCOMPARE(cloudGroupsOf(first.id), QStringList());

        // The same from a file, with blank lines and comments.
        const QString list = writeFile(QStringLiteral("devices.txt"),
            QByteArray("# purchase order 4711\n\n") + first.serialNumber.toUtf8()
                + "\nNOSUCHSERIAL\n");
        const CtlResult fromFile = ctl({QStringLiteral("--yes"), QStringLiteral("move"),
            QStringLiteral("--from-file"), list, QStringLiteral("--to"), QStringLiteral("acme")});
        QCOMPARE(fromFile.exitCode, 1);
        QCOMPARE(fromFile.object().value(QStringLiteral("unknown")).toArray(),
            QJsonArray {QStringLiteral("NOSUCHSERIAL")});
        QCOMPARE(cloudGroupsOf(first.id), QStringList());

        // Corrected, it moves both devices of the file and the command line.
        const Domain::Device second = unassigned.at(1);
        const QString corrected = writeFile(QStringLiteral("devices2.txt"),
            QByteArray("# purchase order 4711\n") + first.serialNumber.toUtf8() + "\n\n");
        const CtlResult moved = ctl({QStringLiteral("--yes"), QStringLiteral("move"), second.id,
            QStringLiteral("--from-file"), corrected, QStringLiteral("--to"),
            QStringLiteral("unassigned")});
        QCOMPARE(moved.exitCode, 0); // both unassigned already: nothing to do
        QCOMPARE(moved.object().value(QStringLiteral("devices")).toArray().size(), 2);

        const CtlResult noFile = ctl({QStringLiteral("move"), QStringLiteral("--from-file"),
            m_dir.filePath(QStringLiteral("missing.txt")), QStringLiteral("--to"),
            QStringLiteral("acme")});
        QCOMPARE(noFile.exitCode, 2);
        const CtlResult noTarget = ctl({QStringLiteral("move"), first.id});
        QCOMPARE(noTarget.exitCode, 2);
        const CtlResult badTarget = ctl({QStringLiteral("move"), first.id, QStringLiteral("--to"),
            QStringLiteral("No Such Customer")});
        QCOMPARE(badTarget.exitCode, 1);
    }

    void customerAddRenameRemove()
    {
        const CtlResult added = ctl({QStringLiteral("--yes"), QStringLiteral("customer"),
            QStringLiteral("add"), QStringLiteral("Nordwind Freight")});
        QVERIFY2(added.exitCode == 0, added.describe().constData());
        const QString path = added.object().value(QStringLiteral("path")).toString();
        QCOMPARE(path, QStringLiteral("nordwind-freight"));
        QCOMPARE(added.object().value(QStringLiteral("applied")).toBool(), true);
        QVERIFY(cloudGroup(path).value_or(QString()).contains(QStringLiteral("Nordwind Freight")));

        // Its own short name; a customer account that the product does not have is refused.
        const CtlResult slug
            = ctl({QStringLiteral("--yes"), QStringLiteral("customer"), QStringLiteral("add"),
                QStringLiteral("Orca Shipping"), QStringLiteral("--slug"), QStringLiteral("orca")});
        QVERIFY2(slug.exitCode == 0, slug.describe().constData());
        QVERIFY(cloudGroup(QStringLiteral("orca")));
        const CtlResult noAccount = ctl({QStringLiteral("--yes"), QStringLiteral("customer"),
            QStringLiteral("add"), QStringLiteral("Pelican Ltd"), QStringLiteral("--account"),
            QStringLiteral("nobody@customers.example")});
        QCOMPARE(noAccount.exitCode, 1);
        QVERIFY(!cloudGroup(QStringLiteral("pelican-ltd")));
        // A customer account the product has is linked, as the product spells it (devices moved
        // there will be claimed to it).
        const CtlResult linked = ctl({QStringLiteral("--yes"), QStringLiteral("customer"),
            QStringLiteral("add"), QStringLiteral("Acme Spares"), QStringLiteral("--account"),
            QStringLiteral("ACME@customers.flotilla.example")});
        QVERIFY2(linked.exitCode == 0, linked.describe().constData());
        QVERIFY2(cloudGroup(QStringLiteral("acme-spares"))
                     .value_or(QString())
                     .contains(QStringLiteral("account=acme@customers.flotilla.example")),
            qPrintable(cloudGroup(QStringLiteral("acme-spares")).value_or(QString())));
        QCOMPARE(ctl({QStringLiteral("--yes"), QStringLiteral("customer"), QStringLiteral("rm"),
                         QStringLiteral("acme-spares")})
                     .exitCode,
            0);
        const CtlResult notMail = ctl({QStringLiteral("customer"), QStringLiteral("add"),
            QStringLiteral("Pelican Ltd"), QStringLiteral("--account"), QStringLiteral("pelican")});
        QCOMPARE(notMail.exitCode, 2);
        const CtlResult taken
            = ctl({QStringLiteral("--yes"), QStringLiteral("customer"), QStringLiteral("add"),
                QStringLiteral("Orca Again"), QStringLiteral("--slug"), QStringLiteral("orca")});
        QCOMPARE(taken.exitCode, 1);

        const CtlResult renamed = ctl({QStringLiteral("--yes"), QStringLiteral("customer"),
            QStringLiteral("rename"), path, QStringLiteral("Nordwind Freight AG")});
        QVERIFY2(renamed.exitCode == 0, renamed.describe().constData());
        QCOMPARE(renamed.object().value(QStringLiteral("old_title")).toString(),
            QStringLiteral("Nordwind Freight"));
        QVERIFY(
            cloudGroup(path).value_or(QString()).contains(QStringLiteral("Nordwind Freight AG")));
        // A group is not a customer.
        const CtlResult wrongKind = ctl({QStringLiteral("--yes"), QStringLiteral("customer"),
            QStringLiteral("rename"), QStringLiteral("acme--berlin"), QStringLiteral("X")});
        QCOMPARE(wrongKind.exitCode, 2);

        const CtlResult dryRemove = ctl({QStringLiteral("customer"), QStringLiteral("rm"),
            QStringLiteral("Orca Shipping"), QStringLiteral("--dry-run")});
        QCOMPARE(dryRemove.exitCode, 0);
        QVERIFY(cloudGroup(QStringLiteral("orca")));
        const CtlResult removed = ctl({QStringLiteral("--yes"), QStringLiteral("customer"),
            QStringLiteral("rm"), QStringLiteral("Orca Shipping")});
        QVERIFY2(removed.exitCode == 0, removed.describe().constData());
        QVERIFY(!cloudGroup(QStringLiteral("orca")));
    }

    // Groups named by titles and by paths, moved with their devices, renamed and deleted.
    void groupAddMoveRenameRemove()
    {
        const CtlResult byTitles = ctl({QStringLiteral("--yes"), QStringLiteral("group"),
            QStringLiteral("add"), QStringLiteral("Nordwind Freight AG/Hamburg yard")});
        QVERIFY2(byTitles.exitCode == 0, byTitles.describe().constData());
        const QString yard = byTitles.object().value(QStringLiteral("path")).toString();
        QCOMPARE(yard, QStringLiteral("nordwind-freight--hamburg-yard"));
        QVERIFY(cloudGroup(yard).value_or(QString()).contains(QStringLiteral("Hamburg yard")));

        const CtlResult byPath = ctl({QStringLiteral("--yes"), QStringLiteral("group"),
            QStringLiteral("add"), QStringLiteral("nordwind-freight--kiel"),
            QStringLiteral("--title"), QStringLiteral("Kiel port")});
        QVERIFY2(byPath.exitCode == 0, byPath.describe().constData());
        QCOMPARE(byPath.object().value(QStringLiteral("title_path")).toString(),
            QStringLiteral("Nordwind Freight AG › Kiel port"));
        QVERIFY(cloudGroup(QStringLiteral("nordwind-freight--kiel"))
                    .value_or(QString())
                    .contains(QStringLiteral("Kiel port")));
        const CtlResult customerPath = ctl({QStringLiteral("group"), QStringLiteral("add"),
            QStringLiteral("lonely"), QStringLiteral("--dry-run")});
        QCOMPARE(customerPath.exitCode, 2);
        const CtlResult noParent = ctl({QStringLiteral("group"), QStringLiteral("add"),
            QStringLiteral("No Such Customer/Lab"), QStringLiteral("--dry-run")});
        QCOMPARE(noParent.exitCode, 1);

        const CtlResult renamed
            = ctl({QStringLiteral("--yes"), QStringLiteral("group"), QStringLiteral("rename"),
                QStringLiteral("Nordwind Freight AG/Kiel port"), QStringLiteral("Kiel harbour")});
        QVERIFY2(renamed.exitCode == 0, renamed.describe().constData());
        QVERIFY(cloudGroup(QStringLiteral("nordwind-freight--kiel"))
                    .value_or(QString())
                    .contains(QStringLiteral("Kiel harbour")));

        // A device in Kiel goes along when Kiel moves under the Hamburg yard.
        const Domain::Device device = unassignedDevices().value(0);
        QVERIFY(!device.id.isEmpty());
        QCOMPARE(ctl({QStringLiteral("--yes"), QStringLiteral("move"), device.id,
                         QStringLiteral("--to"), QStringLiteral("nordwind-freight--kiel")})
                     .exitCode,
            0);
        const CtlResult moved = ctl({QStringLiteral("--yes"), QStringLiteral("group"),
            QStringLiteral("mv"), QStringLiteral("nordwind-freight--kiel"), QStringLiteral("--to"),
            QStringLiteral("Nordwind Freight AG/Hamburg yard")});
        QVERIFY2(moved.exitCode == 0, moved.describe().constData());
        const QString kiel = moved.object().value(QStringLiteral("new_path")).toString();
        QCOMPARE(kiel, QStringLiteral("nordwind-freight--hamburg-yard--kiel"));
        QVERIFY(cloudGroup(kiel));
        QVERIFY(!cloudGroup(QStringLiteral("nordwind-freight--kiel")));
        QVERIFY2(cloudGroupsOf(device.id).contains(kiel),
            qPrintable(cloudGroupsOf(device.id).join(QLatin1Char(','))));
        QCOMPARE(devicesUnder(yard), 1);

        const CtlResult wrongKind = ctl({QStringLiteral("--yes"), QStringLiteral("group"),
            QStringLiteral("rm"), QStringLiteral("nordwind-freight")});
        QCOMPARE(wrongKind.exitCode, 2);
        const CtlResult removed
            = ctl({QStringLiteral("--yes"), QStringLiteral("group"), QStringLiteral("rm"), yard});
        QVERIFY2(removed.exitCode == 0, removed.describe().constData());
        QCOMPARE(removed.object().value(QStringLiteral("devices_unassigned")).toInt(), 1);
        QVERIFY(!cloudGroup(yard));
        QVERIFY(!cloudGroup(kiel));
        QCOMPARE(cloudGroupsOf(device.id), QStringList());
        QCOMPARE(ctl({QStringLiteral("--yes"), QStringLiteral("customer"), QStringLiteral("rm"),
                         QStringLiteral("nordwind-freight")})
                     .exitCode,
            0);
        QVERIFY(!cloudGroup(QStringLiteral("nordwind-freight")));
    }

    // Factory stock pre-assigned to a new customer's two groups from one CSV file.
    void importStockIntoNewCustomer()
    {
        const QStringList serials = stockSerials(m_sandbox);
        QVERIFY(serials.size() >= 20);
        QByteArray csv = "Serial number,Customer,Group\n";
        for (int i = 0; i < 20; ++i)
            csv += serials.at(i).toUtf8()
                + (i < 10 ? ",Polar Freight,North yard\n" : ",Polar Freight,South yard\n");
        const QString file = writeFile(QStringLiteral("stock.csv"), csv);

        const CtlResult dry = ctl({QStringLiteral("import"), file,
            QStringLiteral("--create-missing"), QStringLiteral("--dry-run")});
        QVERIFY2(dry.exitCode == 0, dry.describe().constData());
        QVERIFY(dry.isJson());
        const QJsonObject plan = dry.object();
        QCOMPARE(plan.value(QStringLiteral("rows")).toInt(), 20);
        const QJsonObject counts = plan.value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("import")).toInt(), 20);
        for (const char *zero : {"move", "rename", "notes", "unchanged", "error"})
            QCOMPARE(counts.value(QLatin1String(zero)).toInt(-1), 0);
        QCOMPARE(plan.value(QStringLiteral("creates")).toArray(),
            (QJsonArray {QStringLiteral("polar-freight"),
                QStringLiteral("polar-freight--north-yard"),
                QStringLiteral("polar-freight--south-yard")}));
        QVERIFY(plan.value(QStringLiteral("requests")).toInt() > 3);
        const QJsonArray detail = plan.value(QStringLiteral("rows_detail")).toArray();
        QCOMPARE(detail.size(), 20);
        const QJsonObject first = detail.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("row")).toInt(), 2); // the header is row 1
        QCOMPARE(first.value(QStringLiteral("action")).toString(), QStringLiteral("import"));
        QVERIFY(first.value(QStringLiteral("device_id")).isNull());
        QVERIFY(first.value(QStringLiteral("from")).isNull());
        QCOMPARE(first.value(QStringLiteral("to")).toString(),
            QStringLiteral("polar-freight--north-yard"));
        QCOMPARE(first.value(QStringLiteral("changes")).toArray(),
            (QJsonArray {QStringLiteral("import"), QStringLiteral("move")}));
        QCOMPARE(first.value(QStringLiteral("errors")).toArray(), QJsonArray());
        QCOMPARE(detail.at(19).toObject().value(QStringLiteral("row")).toInt(), 21);
        QCOMPARE(detail.at(19).toObject().value(QStringLiteral("to")).toString(),
            QStringLiteral("polar-freight--south-yard"));
        QVERIFY(!cloudGroup(QStringLiteral("polar-freight")));

        const CtlResult applied = ctl({QStringLiteral("--yes"), QStringLiteral("import"), file,
            QStringLiteral("--create-missing")});
        QVERIFY2(applied.exitCode == 0, applied.describe().constData());
        QCOMPARE(applied.object().value(QStringLiteral("applied")).toBool(), true);
        QCOMPARE(applied.object().value(QStringLiteral("refused_rows")).toArray(), QJsonArray());
        QCOMPARE(applied.object().value(QStringLiteral("pending")).toInt(), 0);

        QCOMPARE(devicesUnder(QStringLiteral("polar-freight")), 20);
        QCOMPARE(devicesUnder(QStringLiteral("Polar Freight/North yard")), 10);
        QCOMPARE(devicesUnder(QStringLiteral("polar-freight--south-yard")), 10);
        int inCloud = 0;
        for (const Domain::Device &d : cloudDevices(m_sandbox))
            inCloud += d.groups.contains(QStringLiteral("polar-freight--south-yard")) ? 1 : 0;
        QCOMPARE(inCloud, 10);

        // The same file again: every row is where it says.
        const CtlResult again = ctl({QStringLiteral("import"), file, QStringLiteral("--dry-run")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.object()
                     .value(QStringLiteral("counts"))
                     .toObject()
                     .value(QStringLiteral("unchanged"))
                     .toInt(),
            20);
    }

    // A row in error: nothing is applied, unless --only-valid applies the others (done in part).
    void importWithAnErrorRow()
    {
        const QList<Domain::Device> unassigned = unassignedDevices();
        QVERIFY(unassigned.size() >= 2);
        const QString file = writeFile(QStringLiteral("errors.csv"),
            "Serial number,Customer\n" + unassigned.at(0).serialNumber.toUtf8() + ",Cobalt Farms\n"
                + unassigned.at(1).serialNumber.toUtf8() + ",No Such Customer\n");

        const CtlResult dry = ctl({QStringLiteral("import"), file, QStringLiteral("--dry-run")});
        QCOMPARE(dry.exitCode, 1);
        QVERIFY2(dry.isJson(), dry.describe().constData());
        const QJsonObject counts = dry.object().value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("move")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("error")).toInt(), 1);
        const QJsonObject bad
            = dry.object().value(QStringLiteral("rows_detail")).toArray().at(1).toObject();
        QCOMPARE(bad.value(QStringLiteral("row")).toInt(), 3);
        QCOMPARE(bad.value(QStringLiteral("action")).toString(), QStringLiteral("error"));
        QVERIFY(!bad.value(QStringLiteral("errors")).toArray().isEmpty());

        const CtlResult refused = ctl({QStringLiteral("--yes"), QStringLiteral("import"), file});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.isJson());
        QCOMPARE(refused.object().value(QStringLiteral("applied")).toBool(), false);
        QCOMPARE(cloudGroupsOf(unassigned.at(0).id), QStringList());

        const CtlResult partly = ctl({QStringLiteral("--yes"), QStringLiteral("import"), file,
            QStringLiteral("--only-valid")});
        QCOMPARE(partly.exitCode, 1);
        QVERIFY2(partly.isJson(), partly.describe().constData());
        QCOMPARE(partly.object().value(QStringLiteral("applied")).toBool(), true);
        QCOMPARE(partly.object().value(QStringLiteral("skipped_rows")).toInt(), 1);
        QVERIFY(cloudGroupsOf(unassigned.at(0).id).contains(QStringLiteral("cobalt")));
        QCOMPARE(cloudGroupsOf(unassigned.at(1).id), QStringList());

        const CtlResult missing = ctl({QStringLiteral("import"),
            m_dir.filePath(QStringLiteral("none.csv")), QStringLiteral("--dry-run")});
        QCOMPARE(missing.exitCode, 2);
    }

    // A unit Particle does not know is refused by the cloud, by its row number; the other row
    // is imported.
    void importRowsTheCloudRefuses()
    {
        QSet<QString> inProduct;
        for (const Domain::Device &d : cloudDevices(m_sandbox))
            inProduct.insert(d.serialNumber);
        QString serial;
        for (const QString &s : stockSerials(m_sandbox)) {
            if (!inProduct.contains(s)) {
                serial = s;
                break;
            }
        }
        QVERIFY(!serial.isEmpty());
        const QString file = writeFile(QStringLiteral("refused.csv"),
            "Serial number\n" + serial.toUtf8() + "\nB40ZZZ000000000\n");
        const CtlResult r = ctl({QStringLiteral("--yes"), QStringLiteral("import"), file,
            QStringLiteral("--to"), QStringLiteral("Cobalt Farms/Field A")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.isJson(), r.describe().constData());
        QCOMPARE(r.object().value(QStringLiteral("applied")).toBool(), true);
        const QJsonArray refused = r.object().value(QStringLiteral("refused_rows")).toArray();
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().toObject().value(QStringLiteral("row")).toInt(), 3);
        QCOMPARE(refused.first().toObject().value(QStringLiteral("identifier")).toString(),
            QStringLiteral("B40ZZZ000000000"));
        QVERIFY(r.err.contains("Row 3 (B40ZZZ000000000)"));
        bool placed = false;
        for (const Domain::Device &d : cloudDevices(m_sandbox))
            placed = placed
                || (d.serialNumber == serial
                    && d.groups.contains(QStringLiteral("cobalt--field-a")));
        QVERIFY(placed);
    }

    void exportCsvAndXlsx()
    {
        const int acme = devicesUnder(QStringLiteral("acme"));
        const int borealis = devicesUnder(QStringLiteral("borealis"));
        QVERIFY(acme > 0 && borealis > 0);

        const QString csv = m_dir.filePath(QStringLiteral("acme.csv"));
        const CtlResult r
            = ctl({QStringLiteral("export"), QStringLiteral("Acme Logistics"), QStringLiteral("-o"),
                csv, QStringLiteral("--columns"), QStringLiteral("device_id,serial,customer"),
                QStringLiteral("--delimiter"), QStringLiteral(";")});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QCOMPARE(r.object().value(QStringLiteral("rows")).toInt(), acme);
        QCOMPARE(r.object().value(QStringLiteral("columns")).toArray(),
            (QJsonArray {QStringLiteral("device_id"), QStringLiteral("serial"),
                QStringLiteral("customer")}));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), acme + 1); // and the header
        QCOMPARE(lines.at(1).count(';'), 2);
        QVERIFY(lines.at(1).contains("Acme Logistics"));

        // Two customers in one workbook, read back.
        const QString xlsx = m_dir.filePath(QStringLiteral("two.xlsx"));
        const CtlResult two
            = ctl({QStringLiteral("export"), QStringLiteral("acme"), QStringLiteral("borealis"),
                QStringLiteral("acme--berlin"), QStringLiteral("-o"), xlsx});
        QVERIFY2(two.exitCode == 0, two.describe().constData());
        QCOMPARE(two.object().value(QStringLiteral("format")).toString(), QStringLiteral("xlsx"));
        QCOMPARE(two.object().value(QStringLiteral("rows")).toInt(), acme + borealis);
        QFile workbook(xlsx);
        QVERIFY(workbook.open(QIODevice::ReadOnly));
        QString error;
        const Io::TextTable table
            = Io::readSpreadsheet(workbook.readAll(), QStringLiteral("two.xlsx"), {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(table.rows.size(), acme + borealis + 1);
        // Imported back from its sheet, every row is where it says.
        const CtlResult back = ctl({QStringLiteral("import"), xlsx, QStringLiteral("--sheet"),
            QStringLiteral("Devices"), QStringLiteral("--dry-run")});
        QVERIFY2(back.exitCode == 0, back.describe().constData());
        QCOMPARE(back.object()
                     .value(QStringLiteral("counts"))
                     .toObject()
                     .value(QStringLiteral("unchanged"))
                     .toInt(),
            acme + borealis);
        QCOMPARE(ctl({QStringLiteral("import"), csv, QStringLiteral("--sheet"),
                         QStringLiteral("Devices"), QStringLiteral("--dry-run")})
                     .exitCode,
            2);

        // The console's filter, over the whole fleet.
        const CtlResult online = ctl(
            {QStringLiteral("devices"), QStringLiteral("--filter"), QStringLiteral("online")});
        const CtlResult filtered = ctl({QStringLiteral("export"), QStringLiteral("--output"),
            m_dir.filePath(QStringLiteral("online.dat")), QStringLiteral("--format"),
            QStringLiteral("csv"), QStringLiteral("--filter"), QStringLiteral("online")});
        QVERIFY2(filtered.exitCode == 0, filtered.describe().constData());
        QCOMPARE(filtered.object().value(QStringLiteral("rows")).toInt(),
            online.object().value(QStringLiteral("count")).toInt());
        QCOMPARE(
            filtered.object().value(QStringLiteral("format")).toString(), QStringLiteral("csv"));

        const QString out = m_dir.filePath(QStringLiteral("bad.csv"));
        for (const QStringList &usage : QList<QStringList> {
                 {QStringLiteral("export"), QStringLiteral("-o"), out, QStringLiteral("--columns"),
                     QStringLiteral("device_id,colour")},
                 {QStringLiteral("export"), QStringLiteral("-o"), out, QStringLiteral("--format"),
                     QStringLiteral("ods")},
                 {QStringLiteral("export"), QStringLiteral("-o"), out,
                     QStringLiteral("--delimiter"), QStringLiteral("|")},
                 {QStringLiteral("export"), QStringLiteral("-o"), out, QStringLiteral("--filter"),
                     QStringLiteral("fw:abc")},
                 {QStringLiteral("export"), QStringLiteral("acme")}}) {
            const CtlResult bad = ctl(usage);
            QVERIFY2(bad.exitCode == 2, bad.describe().constData());
            QVERIFY(bad.isJson());
        }
        QVERIFY(!QFile::exists(out));

        // The file's option is written as it is typed.
        const CtlResult help
            = m_ctl->run({QStringLiteral("help"), QStringLiteral("export")}, {}, false);
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains("\n  -o, --output FILE"), help.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCtlEdit)
#include "tst_ctl_edit.moc"
