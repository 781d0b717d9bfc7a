// SPDX-License-Identifier: MIT
// status, sync, ls, devices, show, push: reading the fleet and sending what is pending.
#include "app/ctl/context.h"
#include "app/ctl/ctl.h"
#include "domain/hierarchy.h"
#include "domain/nodepath.h"
#include "session/apiusage.h"
#include "session/cloudaccount.h"
#include "session/cloudsession.h"
#include "session/profiles.h"
#include "sync/syncengine.h"
#include "tree/activitymodel.h"
#include "tree/fleetexport.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>

#include <algorithm>

namespace Flotilla::Ctl {

namespace {

QString ageText(qint64 ms)
{
    if (ms <= 0)
        return Text::tr("never");
    const qint64 seconds = std::max<qint64>(0, (QDateTime::currentMSecsSinceEpoch() - ms) / 1000);
    if (seconds < 120)
        return Text::tr("%Ln second(s) ago", nullptr, static_cast<int>(seconds));
    if (seconds < 2 * 3600)
        return Text::tr("%Ln minute(s) ago", nullptr, static_cast<int>(seconds / 60));
    if (seconds < 2 * 86400)
        return Text::tr("%Ln hour(s) ago", nullptr, static_cast<int>(seconds / 3600));
    return Text::tr("%Ln day(s) ago", nullptr, static_cast<int>(seconds / 86400));
}

// What the tree shows of a node or pool: devices, online, firmware they run.
struct Tally
{
    int devices = 0;
    int online = 0;
    QMap<int, int> firmware; // running version (0: none) -> devices

    void add(const Domain::Device &d)
    {
        ++devices;
        online += d.online ? 1 : 0;
        ++firmware[d.firmwareVersion];
    }
    void add(const Tally &other)
    {
        devices += other.devices;
        online += other.online;
        for (auto it = other.firmware.cbegin(); it != other.firmware.cend(); ++it)
            firmware[it.key()] += it.value();
    }
    QString firmwareText() const
    {
        QStringList parts;
        for (auto it = firmware.cbegin(); it != firmware.cend(); ++it)
            parts.append(QStringLiteral("%1: %2")
                             .arg(it.key() ? QStringLiteral("v%1").arg(it.key()) : Text::tr("none"))
                             .arg(it.value()));
        return parts.join(QStringLiteral(", "));
    }
    QJsonObject json() const
    {
        QJsonObject fw;
        for (auto it = firmware.cbegin(); it != firmware.cend(); ++it)
            fw.insert(it.key() ? QString::number(it.key()) : QStringLiteral("none"), it.value());
        return {{QStringLiteral("devices"), devices}, {QStringLiteral("online"), online},
            {QStringLiteral("firmware"), fw}};
    }
};

QString poolKey(Domain::PlacementKind kind)
{
    switch (kind) {
    case Domain::PlacementKind::Unassigned:
        return QStringLiteral("unassigned");
    case Domain::PlacementKind::Returns:
        return QStringLiteral("returns");
    case Domain::PlacementKind::Inconsistent:
        return QStringLiteral("needs-repair");
    case Domain::PlacementKind::Node:
        break;
    }
    return {};
}

int runStatus(Context &ctx, const Arguments &)
{
    const Sync::FleetState &fleet = ctx.fleet();
    const Connection &c = ctx.connection();
    Sync::SyncEngine *sync = ctx.engine();
    Session::ApiUsage *usage = ctx.session()->usage();

    QString user;
    int status = Done;
    QString signedIn;
    if (!ctx.hasToken()) {
        status = NotSignedIn;
        signedIn = Text::tr("not signed in");
    } else {
        Session::CloudAccount account(c.apiUrl, c.token);
        std::optional<Session::CloudAccount::Owner> owner;
        account.owner(nullptr, [&owner](Session::CloudAccount::Owner o) { owner = o; });
        ctx.waitUntil([&owner] { return owner.has_value(); });
        if (owner->failure == Session::CloudAccount::Failure::None) {
            user = owner->username;
            signedIn = user.isEmpty() ? Text::tr("an API user's token") : user;
        } else if (owner->failure == Session::CloudAccount::Failure::Refused) {
            status = NotSignedIn;
            signedIn = Text::tr("the cloud refused the token");
        } else {
            status = owner->failure == Session::CloudAccount::Failure::Unreachable ? Unreachable
                                                                                   : Partial;
            signedIn = Text::tr("unknown (%1)").arg(owner->error);
        }
    }
    const qint64 pulled = sync->lastFullPullMs();
    const QJsonObject json {{QStringLiteral("user"), user.isEmpty() ? QJsonValue() : user},
        {QStringLiteral("signed_in"), status == Done},
        {QStringLiteral("token_from"), c.tokenSource.isEmpty() ? QJsonValue() : c.tokenSource},
        {QStringLiteral("profile"), c.profile.isEmpty() ? QJsonValue() : c.profile},
        {QStringLiteral("api"), c.apiUrl.toString()},
        {QStringLiteral("product"),
            QJsonObject {{QStringLiteral("id"), c.productId},
                {QStringLiteral("slug"), fleet.product.slug},
                {QStringLiteral("name"), fleet.product.name}}},
        {QStringLiteral("cache"), QDir::toNativeSeparators(c.cachePath)},
        {QStringLiteral("last_pull"), isoOrNull(pulled)},
        {QStringLiteral("cache_age_s"),
            pulled > 0 ? QJsonValue((QDateTime::currentMSecsSinceEpoch() - pulled) / 1000)
                       : QJsonValue()},
        {QStringLiteral("devices"), static_cast<int>(fleet.devices.size())},
        {QStringLiteral("pending"), sync->pendingCount()},
        {QStringLiteral("held"), sync->heldCount()},
        {QStringLiteral("rate"),
            QJsonObject {{QStringLiteral("limit"), usage->rateLimit()},
                {QStringLiteral("window_s"), usage->windowSeconds()},
                {QStringLiteral("used"), usage->usedInWindow()},
                {QStringLiteral("headroom"), usage->headroom()}}}};
    ctx.out().setResult(json);
    const QString product = fleet.product.name.isEmpty()
        ? QString::number(c.productId)
        : QStringLiteral("%1 (%2, %3)")
              .arg(fleet.product.name, fleet.product.slug)
              .arg(c.productId);
    ctx.out().table({},
        {
            {Text::tr("Signed in:"), signedIn},
            {Text::tr("Cloud:"), c.apiUrl.toString()},
            {Text::tr("Product:"), product},
            {Text::tr("Profile:"),
                c.profile.isEmpty() ? Text::tr("none (--api, --product)") : c.profile},
            {Text::tr("Cache:"), QDir::toNativeSeparators(c.cachePath)},
            {Text::tr("Last full read:"),
                pulled > 0 ? QStringLiteral("%1 (%2)").arg(isoTime(pulled), ageText(pulled))
                           : ageText(0)},
            {Text::tr("Devices:"), QString::number(fleet.devices.size())},
            {Text::tr("Pending changes:"),
                sync->heldCount() > 0 ? Text::tr("%1 (%2 waiting: %3)")
                                            .arg(sync->pendingCount())
                                            .arg(sync->heldCount())
                                            .arg(sync->heldReason())
                                      : QString::number(sync->pendingCount())},
            {Text::tr("Request allowance:"),
                Text::tr("%1 of %2 left in this %3-second window")
                    .arg(usage->headroom())
                    .arg(usage->rateLimit())
                    .arg(usage->windowSeconds())},
        });
    if (status == NotSignedIn && !ctx.hasToken())
        ctx.out().note(Text::tr("Sign in with \"flotillactl login\", or set FLOTILLA_TOKEN."));
    return status;
}

int runSync(Context &ctx, const Arguments &)
{
    // open() read the fleet already when the cache had none.
    const qint64 before = ctx.engine()->lastFullPullMs();
    if (QDateTime::currentMSecsSinceEpoch() - before > 2000) {
        ctx.out().note(Text::tr("Reading the fleet from the cloud…"));
        if (const int status = ctx.pull(); status != Done)
            return status;
    }
    const Sync::FleetState &fleet = ctx.fleet();
    const Domain::Hierarchy hierarchy = fleet.hierarchy();
    int customers = 0;
    for (const QString &path : hierarchy.nodes().keys())
        customers += Domain::pathDepth(path) == 1 ? 1 : 0;
    const int nodes = static_cast<int>(hierarchy.nodes().size());
    ctx.out().setResult(
        QJsonObject {{QStringLiteral("devices"), static_cast<int>(fleet.devices.size())},
            {QStringLiteral("customers"), customers}, {QStringLiteral("groups"), nodes - customers},
            {QStringLiteral("firmware"), static_cast<int>(fleet.firmware.size())},
            {QStringLiteral("pending"), ctx.engine()->pendingCount()},
            {QStringLiteral("last_pull"), isoOrNull(ctx.engine()->lastFullPullMs())}});
    ctx.out().line(Text::tr("Read %1 devices, %2 customers, %3 groups and %4 firmware versions.")
                       .arg(fleet.devices.size())
                       .arg(customers)
                       .arg(nodes - customers)
                       .arg(fleet.firmware.size()));
    return Done;
}

int runLs(Context &ctx, const Arguments &args)
{
    const Sync::FleetState &fleet = ctx.fleet();
    const Domain::Hierarchy hierarchy = fleet.hierarchy();
    QString root;
    if (!args.positional().isEmpty()) {
        QString error;
        const std::optional<QString> path = ctx.resolveNode(args.positional().constFirst(), &error);
        if (!path) {
            ctx.out().finish(Partial, error);
            return Partial;
        }
        root = *path;
    }
    // Devices at each node (not below it), and in each pool.
    QHash<QString, Tally> at;
    QMap<QString, Tally> pools;
    for (const Domain::Device &d : fleet.devices) {
        const Domain::Placement placement = Domain::placeDevice(d.groups, hierarchy);
        if (placement.kind == Domain::PlacementKind::Node)
            at[placement.path].add(d);
        else
            pools[poolKey(placement.kind)].add(d);
    }
    const QStringList paths
        = root.isEmpty() ? QStringList(hierarchy.nodes().keys()) : hierarchy.subtree(root);
    QJsonArray nodes;
    QList<QStringList> rows;
    for (const QString &path : paths) {
        Tally total;
        for (const QString &below : hierarchy.subtree(path))
            total.add(at.value(below));
        const Domain::Node *node = hierarchy.node(path);
        const int depth = Domain::pathDepth(path) - (root.isEmpty() ? 1 : Domain::pathDepth(root));
        QJsonObject o = total.json();
        o.insert(QStringLiteral("path"), path);
        o.insert(QStringLiteral("title"), node->title);
        o.insert(QStringLiteral("title_path"), Domain::titlePath(hierarchy, path));
        o.insert(QStringLiteral("kind"),
            node->kind == Domain::NodeKind::Customer ? QStringLiteral("customer")
                                                     : QStringLiteral("group"));
        o.insert(QStringLiteral("devices_here"), at.value(path).devices);
        nodes.append(o);
        rows.append({QString(depth * 2, QLatin1Char(' ')) + node->title, path,
            QString::number(total.devices), QString::number(total.online), total.firmwareText()});
    }
    QJsonObject result {{QStringLiteral("nodes"), nodes}};
    if (root.isEmpty()) {
        QJsonObject poolJson;
        const QString returnsTitle
            = hierarchy.returnsTitle().isEmpty() ? Text::tr("Returns") : hierarchy.returnsTitle();
        const QList<QPair<QString, QString>> poolTitles {
            {QStringLiteral("unassigned"), Text::tr("Unassigned")},
            {QStringLiteral("returns"), returnsTitle},
            {QStringLiteral("needs-repair"), Text::tr("Needs repair")}};
        for (const auto &[key, title] : poolTitles) {
            const Tally t = pools.value(key);
            QJsonObject o = t.json();
            o.insert(QStringLiteral("title"), title);
            poolJson.insert(key, o);
            if (key != QLatin1String("needs-repair") || t.devices > 0)
                rows.append({title, key, QString::number(t.devices), QString::number(t.online),
                    t.firmwareText()});
        }
        result.insert(QStringLiteral("pools"), poolJson);
    }
    ctx.out().setResult(result);
    ctx.out().table({Text::tr("Customer / group"), Text::tr("Path"), Text::tr("Devices"),
                        Text::tr("Online"), Text::tr("Firmware")},
        rows);
    return Done;
}

} // namespace

std::optional<Tree::DeviceScope> deviceScope(Context &ctx, const QString &text, QString *error)
{
    if (text.isEmpty())
        return Tree::DeviceScope::all();
    if (text.compare(QLatin1String("needs-repair"), Qt::CaseInsensitive) == 0)
        return Tree::DeviceScope {Tree::DeviceScope::Kind::NeedsRepair, {}};
    const std::optional<Domain::MoveTarget> target = ctx.resolveTarget(text, error);
    if (!target)
        return std::nullopt;
    switch (target->kind) {
    case Domain::MoveTarget::Kind::Unassigned:
        return Tree::DeviceScope::unassigned();
    case Domain::MoveTarget::Kind::Returns:
        return Tree::DeviceScope::returns();
    case Domain::MoveTarget::Kind::Node:
        break;
    }
    return Tree::DeviceScope::node(target->path);
}

namespace {

QJsonValue cellJson(const QVariant &cell)
{
    if (!cell.isValid() || cell.isNull())
        return QJsonValue();
    if (cell.typeId() == QMetaType::QDateTime)
        return cell.toDateTime().toUTC().toString(Qt::ISODate);
    return QJsonValue::fromVariant(cell);
}

QString cellText(const QVariant &cell)
{
    if (cell.typeId() == QMetaType::QDateTime)
        return cell.toDateTime().toUTC().toString(Qt::ISODate);
    if (cell.typeId() == QMetaType::Bool)
        return cell.toBool() ? Text::tr("yes") : Text::tr("no");
    return cell.toString();
}

int runDevices(Context &ctx, const Arguments &args)
{
    QString error;
    const std::optional<Tree::DeviceScope> scope
        = deviceScope(ctx, args.positional().value(0), &error);
    if (!scope) {
        ctx.out().finish(Partial, error);
        return Partial;
    }
    const QStringList columns = args.isSet(QStringLiteral("columns"))
        ? args.value(QStringLiteral("columns")).split(QLatin1Char(','), Qt::SkipEmptyParts)
        : QStringList {QStringLiteral("device_id"), QStringLiteral("name"),
            QStringLiteral("serial"), QStringLiteral("customer"), QStringLiteral("group"),
            QStringLiteral("firmware_running"), QStringLiteral("firmware_targeted"),
            QStringLiteral("online"), QStringLiteral("pending")};
    if (const QString bad = Tree::exportColumnsError(columns); !bad.isEmpty()) {
        ctx.out().finish(Usage, bad);
        return Usage;
    }
    const Io::ExportTable table = Tree::exportTable(ctx.fleet(),
        Tree::ExportScope::of(*scope, args.value(QStringLiteral("filter"))), columns,
        ctx.engine()->pendingDevices());
    QJsonArray devices;
    QList<QStringList> rows;
    QVariantList cells;
    for (int r = 0; r < table.rowCount; ++r) {
        cells.clear();
        table.row(r, cells);
        QJsonObject o;
        QStringList row;
        for (qsizetype c = 0; c < columns.size() && c < cells.size(); ++c) {
            o.insert(columns.at(c), cellJson(cells.at(c)));
            row.append(cellText(cells.at(c)));
        }
        devices.append(o);
        if (!ctx.out().json())
            rows.append(row);
    }
    ctx.out().setResult(QJsonObject {
        {QStringLiteral("count"), table.rowCount}, {QStringLiteral("devices"), devices}});
    QStringList headers;
    for (const Io::ExportColumn &column : table.columns)
        headers.append(column.header);
    if (!ctx.out().json())
        ctx.out().table(headers, rows);
    ctx.out().note(Text::tr("%Ln device(s).", nullptr, table.rowCount));
    return Done;
}

int runShow(Context &ctx, const Arguments &args)
{
    QString error;
    const QString id = ctx.resolveDevice(args.positional().constFirst(), &error);
    if (id.isEmpty()) {
        ctx.out().finish(Partial, error);
        return Partial;
    }
    QStringList keys;
    for (const Tree::ExportField &f : Tree::exportFields())
        keys.append(f.key);
    const Io::ExportTable table = Tree::exportTable(
        ctx.fleet(), Tree::ExportScope::selection({id}), keys, ctx.engine()->pendingDevices());
    QVariantList cells;
    table.row(0, cells);
    QJsonObject o;
    QList<QStringList> rows;
    for (qsizetype c = 0; c < keys.size() && c < cells.size(); ++c) {
        o.insert(keys.at(c), cellJson(cells.at(c)));
        rows.append({table.columns.at(c).header + QLatin1Char(':'), cellText(cells.at(c))});
    }
    const Domain::Device &device = ctx.fleet().devices.value(id);
    const Domain::Placement placement = Domain::placeDevice(device.groups, ctx.fleet().hierarchy());
    o.insert(QStringLiteral("path"),
        placement.kind == Domain::PlacementKind::Node ? QJsonValue(placement.path)
                                                      : QJsonValue(poolKey(placement.kind)));
    QStringList problems;
    for (const Domain::PlacementProblem &p : placement.problems)
        problems.append(p.message);
    if (!problems.isEmpty()) {
        o.insert(QStringLiteral("problems"), QJsonArray::fromStringList(problems));
        rows.append({Text::tr("Needs repair:"), problems.join(QStringLiteral("; "))});
    }
    ctx.out().setResult(o);
    ctx.out().table({}, rows);
    return Done;
}

int runPush(Context &ctx, const Arguments &args)
{
    Sync::SyncEngine *sync = ctx.engine();
    const int before = sync->pendingCount();
    if (before == 0) {
        ctx.out().setResult(
            QJsonObject {{QStringLiteral("pending"), 0}, {QStringLiteral("sent"), 0}});
        ctx.out().line(Text::tr("Nothing to send: every change was taken by the cloud."));
        return Done;
    }
    ctx.out().note(Text::tr("Sending %Ln change(s)…", nullptr, before));
    const int status = ctx.waitForPush(args.isSet(QStringLiteral("wait")) ? -1 : 10 * 60 * 1000);
    const int after = sync->pendingCount();
    ctx.out().setResult(QJsonObject {
        {QStringLiteral("pending"), after}, {QStringLiteral("sent"), std::max(0, before - after)}});
    ctx.out().line(Text::tr("%1 sent, %2 pending.").arg(std::max(0, before - after)).arg(after));
    return status;
}

int runLog(Context &ctx, const Arguments &args)
{
    Store::ActivityQuery query;
    if (args.isSet(QStringLiteral("since"))) {
        const QString text = args.value(QStringLiteral("since"));
        QDateTime since = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!since.isValid())
            since = QDateTime::fromString(text, Qt::ISODate);
        if (!since.isValid()) {
            ctx.out().finish(Usage,
                Text::tr("--since takes a date and time as ISO 8601 (2026-12-07T09:30:00Z or "
                         "2026-12-07), not \"%1\".")
                    .arg(text));
            return Usage;
        }
        query.sinceMs = since.toMSecsSinceEpoch();
    }
    query.limit = 50;
    if (args.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        query.limit = args.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || query.limit < 0) {
            ctx.out().finish(Usage, Text::tr("--limit takes a number of lines (0: all)."));
            return Usage;
        }
    }
    std::optional<QList<Store::ActivityRecord>> lines;
    QObject here;
    ctx.engine()->activity(
        query, &here, [&lines](QList<Store::ActivityRecord> records) { lines = records; });
    ctx.waitUntil([&lines] { return lines.has_value(); });
    QJsonArray entries;
    QList<QStringList> rows;
    // Oldest first on a terminal, as a log reads; newest first in the JSON as it was read.
    for (const Store::ActivityRecord &r : *lines) {
        const QString source = r.source.isEmpty() ? QStringLiteral("console") : r.source;
        entries.append(
            QJsonObject {{QStringLiteral("id"), r.id}, {QStringLiteral("at"), isoOrNull(r.atMs)},
                {QStringLiteral("actor"), r.actor}, {QStringLiteral("source"), source},
                {QStringLiteral("action"), r.action}, {QStringLiteral("subject"), r.subject},
                {QStringLiteral("devices"), r.devices}, {QStringLiteral("from"), r.fromText},
                {QStringLiteral("to"), r.toText}, {QStringLiteral("result"), r.result},
                {QStringLiteral("requests"), r.requests}, {QStringLiteral("detail"), r.detail}});
        const QString where = r.fromText.isEmpty() && r.toText.isEmpty()
            ? QString()
            : QStringLiteral("%1 → %2").arg(r.fromText, r.toText);
        rows.prepend(
            {QDateTime::fromMSecsSinceEpoch(r.atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                r.actor, Tree::ActivityModel::sourceTitle(source),
                r.subject.isEmpty() ? r.action : QStringLiteral("%1: %2").arg(r.action, r.subject),
                r.devices > 0 ? QString::number(r.devices) : QString(), where, r.result,
                r.requests > 0 ? QString::number(r.requests) : QString()});
    }
    ctx.out().setResult(QJsonObject {{QStringLiteral("entries"), entries}});
    if (rows.isEmpty())
        ctx.out().note(Text::tr("The activity log has no line that matches."));
    else
        ctx.out().table({Text::tr("When"), Text::tr("Who"), Text::tr("Source"), Text::tr("What"),
                            Text::tr("Devices"), Text::tr("From → To"), Text::tr("Result"),
                            Text::tr("Requests")},
            rows);
    return Done;
}

} // namespace

QList<Command> fleetCommands()
{
    QList<Command> commands;
    {
        Command c;
        c.words = {QStringLiteral("status")};
        c.summary = Text::tr("Who is signed in, the product, the cache's age, pending changes, the "
                             "request allowance left");
        c.help = Text::tr("Exit status 3 when no token is set or the cloud refuses it.");
        c.run = runStatus;
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("sync")};
        c.summary = Text::tr("Reads the whole fleet from the cloud into the local cache");
        c.run = runSync;
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("ls")};
        c.synopsis = QStringLiteral("[PATH]");
        c.summary = Text::tr("Customers and groups with their devices, online and firmware");
        c.help
            = Text::tr("PATH: a path (acme--berlin) or titles (\"Acme Logistics/Berlin depot\"); "
                       "without it, every customer and the pools. Counts include the groups "
                       "below.");
        c.maxArguments = 1;
        c.run = runLs;
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("devices")};
        c.synopsis = QStringLiteral("[PATH] [--filter EXPR] [--columns a,b,…]");
        c.summary
            = Text::tr("The devices of a customer, group or pool, filtered as in the console");
        c.help = Text::tr(
            "PATH: a path, titles, or the pools unassigned, returns, needs-repair; without it, "
            "every device.\n--filter takes the console's filter: words, \"phrases\", fw:5, "
            "target:5, online, offline, pending, locked, dev, off-target, id: name: serial: "
            "notes: owner: in:, and -term for not.\n--columns: the export's columns (device_id, "
            "name, serial, iccid, imei, platform, customer, group, firmware_running, "
            "firmware_targeted, locked, development, online, last_heard, owner, notes, pending).");
        c.options = {QCommandLineOption(QStringLiteral("filter"), Text::tr("The console's filter."),
                         QStringLiteral("EXPR")),
            QCommandLineOption(QStringLiteral("columns"), Text::tr("Columns, comma-separated."),
                QStringLiteral("a,b,…"))};
        c.maxArguments = 1;
        c.run = runDevices;
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("show")};
        c.synopsis = QStringLiteral("DEVICE");
        c.summary = Text::tr("One device: where it is, firmware, owner, notes");
        c.help = Text::tr("DEVICE: a device ID, serial number, ICCID, IMEI or name.");
        c.minArguments = 1;
        c.maxArguments = 1;
        c.run = runShow;
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("push")};
        c.synopsis = QStringLiteral("[--wait]");
        c.summary = Text::tr("Sends the pending changes of the local cache");
        c.help = Text::tr("Without --wait it gives up after 10 minutes (exit status 4); the "
                          "changes stay queued.");
        c.options = {QCommandLineOption(QStringLiteral("wait"),
            Text::tr("Wait until each change is confirmed, however long it takes."))};
        c.run = runPush;
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("log")};
        c.synopsis = QStringLiteral("[--since ISO8601] [--limit N]");
        c.summary = Text::tr("The activity log: who changed what, from where, with what result");
        c.help = Text::tr("The lines of every Flotilla on this cache: the console, imports, "
                          "flotillactl, rollouts and what was sent (source). --limit: the newest "
                          "N lines (50 by default, 0 for all), printed oldest first; --json "
                          "lists them newest first.");
        c.options = {QCommandLineOption(QStringLiteral("since"),
                         Text::tr("Lines at or after this time."), QStringLiteral("ISO8601")),
            QCommandLineOption(
                QStringLiteral("limit"), Text::tr("The newest N lines."), QStringLiteral("N"))};
        c.run = runLog;
        commands.append(c);
    }
    return commands;
}

} // namespace Flotilla::Ctl
