// SPDX-License-Identifier: MIT
// move, customer …, group …, import, export: every edit through the fleet editor.
#include "app/ctl/context.h"
#include "app/ctl/ctl.h"
#include "domain/hierarchy.h"
#include "domain/moves.h"
#include "domain/nodepath.h"
#include "edit/fleeteditor.h"
#include "edit/importplan.h"
#include "io/xlsx.h"
#include "sync/importoutcome.h"
#include "sync/syncengine.h"
#include "tree/devicefilter.h"
#include "tree/fleetexport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Flotilla::Ctl {

namespace {

// Larger spreadsheets are refused before they are read, as the console's import does.
constexpr qint64 MaxImportBytes = 256LL * 1024 * 1024;
// Rows of an import with errors listed for people (the JSON document lists every row).
constexpr int ErrorRowsShown = 20;
// Exports of at least this many rows show a progress bar (on a terminal).
constexpr int ProgressFromRows = 2000;

int refuse(Context &ctx, int status, const QString &message)
{
    ctx.out().finish(status, message);
    return status;
}

bool isDryRun(const Arguments &args)
{
    return args.isSet(QStringLiteral("dry-run"));
}

QCommandLineOption dryRunOption()
{
    return QCommandLineOption(QStringLiteral("dry-run"),
        Text::tr("Print what the edit would do, and change nothing (exit status 0 when it could "
                 "be applied)."));
}

// A place as scripts name it: a node's path, or the pools "unassigned" and "returns".
QString targetKey(const Domain::MoveTarget &target)
{
    switch (target.kind) {
    case Domain::MoveTarget::Kind::Unassigned:
        return QStringLiteral("unassigned");
    case Domain::MoveTarget::Kind::Returns:
        return QStringLiteral("returns");
    case Domain::MoveTarget::Kind::Node:
        break;
    }
    return target.path;
}

// Context::applyPlan, with what a script needs to know of the edit (the path of what it
// created, …) added to its JSON document.
int applyWith(Context &ctx, const Edit::EditPlan &plan, bool dryRun, const QJsonObject &extra)
{
    const int status = ctx.applyPlan(plan, dryRun);
    if (!ctx.out().isFinished()) {
        QJsonObject result = ctx.out().result().toObject();
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
            result.insert(it.key(), it.value());
        ctx.out().setResult(result);
    }
    return status;
}

// A customer (`customer`) or a group, as people type it; a node of the other kind is refused
// with the command to use instead (a usage error).
std::optional<QString> resolveKind(
    Context &ctx, const QString &text, bool customer, QString *error, int *status)
{
    const std::optional<QString> path = ctx.resolveNode(text, error);
    if (!path) {
        *status = Partial;
        return std::nullopt;
    }
    if ((Domain::pathDepth(*path) == 1) != customer) {
        *status = Usage;
        *error = customer
            ? Text::tr("%1 is a group, not a customer: use \"flotillactl group …\".")
                  .arg(ctx.nodeTitle(*path))
            : Text::tr("%1 is a customer, not a group: use \"flotillactl customer …\".")
                  .arg(ctx.nodeTitle(*path));
        return std::nullopt;
    }
    return path;
}

// ---- move ----

// The identifiers of a --from-file: one a line; blank lines and lines starting with '#' are
// skipped.
std::optional<QStringList> identifiersFromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Text::tr("%1 cannot be read: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    QString text = QString::fromUtf8(file.readAll());
    if (text.startsWith(QChar(0xfeff))) // a byte order mark
        text.remove(0, 1);
    QStringList identifiers;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString identifier = line.trimmed();
        if (!identifier.isEmpty() && !identifier.startsWith(QLatin1Char('#')))
            identifiers.append(identifier);
    }
    return identifiers;
}

int runMove(Context &ctx, const Arguments &args)
{
    QStringList wanted = args.positional();
    if (args.isSet(QStringLiteral("from-file"))) {
        QString error;
        const std::optional<QStringList> listed
            = identifiersFromFile(args.value(QStringLiteral("from-file")), &error);
        if (!listed)
            return refuse(ctx, Usage, error);
        wanted += *listed;
    }
    if (wanted.isEmpty())
        return refuse(ctx, Usage,
            Text::tr("Name the devices to move, or list them in a file: --from-file FILE."));
    if (!args.isSet(QStringLiteral("to")))
        return refuse(ctx, Usage,
            Text::tr("Say where the devices go: --to PATH (a path, titles, \"unassigned\" or "
                     "\"returns\")."));
    QString error;
    const std::optional<Domain::MoveTarget> target
        = ctx.resolveTarget(args.value(QStringLiteral("to")), &error);
    if (!target)
        return refuse(ctx, Partial, error);

    // Serial numbers, ICCIDs and IMEIs of long lists are looked up in one index; what it does
    // not find (IDs, names, mistakes) is resolved one by one.
    const Sync::FleetState &fleet = ctx.fleet();
    QHash<QString, QString> index;
    if (wanted.size() > 16) {
        for (auto it = fleet.devices.cbegin(); it != fleet.devices.cend(); ++it) {
            for (const QString &key : {it->serialNumber, it->iccid, it->imei}) {
                if (!key.isEmpty())
                    index.insert(key.toLower(), it.key());
            }
        }
    }
    QStringList ids;
    QSet<QString> seen;
    QStringList unknown;
    QStringList problems;
    for (const QString &text : std::as_const(wanted)) {
        const QString key = text.trimmed().toLower();
        QString id = fleet.devices.contains(key) ? key : index.value(key);
        if (id.isEmpty()) {
            QString problem;
            id = ctx.resolveDevice(text, &problem);
            if (id.isEmpty()) {
                unknown.append(text);
                problems.append(problem);
                continue;
            }
        }
        if (!seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    }
    if (!unknown.isEmpty()) {
        for (const QString &problem : std::as_const(problems))
            ctx.out().note(problem);
        ctx.out().setResult(QJsonObject {{QStringLiteral("applied"), false},
            {QStringLiteral("unknown"), QJsonArray::fromStringList(unknown)}});
        return refuse(ctx, Partial,
            Text::tr("%Ln identifier(s) name no device of the fleet: nothing was moved.", nullptr,
                static_cast<int>(unknown.size())));
    }
    const Edit::EditPlan plan = ctx.editor()->planMoveDevices(ids, *target);
    return applyWith(ctx, plan, isDryRun(args),
        {{QStringLiteral("devices"), QJsonArray::fromStringList(ids)},
            {QStringLiteral("to"), targetKey(*target)},
            {QStringLiteral("to_title"), ctx.targetTitle(*target)}});
}

// ---- customers and groups ----

bool looksLikeAccount(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s\\[\\]=]+@[^@\\s\\[\\]=]+$"));
    return pattern.match(text).hasMatch();
}

// The product's customer account `account` as the product spells it (those linked to customers
// exist too); empty when it has none such.
QString knownAccount(const Sync::FleetState &fleet, const QString &account)
{
    for (const Domain::Customer &c : fleet.customers) {
        if (c.username.compare(account, Qt::CaseInsensitive) == 0)
            return c.username;
    }
    const Domain::Hierarchy hierarchy = fleet.hierarchy();
    for (const Domain::Node &n : hierarchy.nodes()) {
        if (n.account.compare(account, Qt::CaseInsensitive) == 0)
            return n.account;
    }
    return {};
}

int runCustomerAdd(Context &ctx, const Arguments &args)
{
    const QString title = args.positional().constFirst().simplified();
    const Sync::FleetState &fleet = ctx.fleet();
    const QString slug = args.isSet(QStringLiteral("slug"))
        ? args.value(QStringLiteral("slug")).trimmed()
        : Domain::suggestSlug(title, QString(), fleet.groups.keys());
    QString account;
    if (args.isSet(QStringLiteral("account"))) {
        const QString typed = args.value(QStringLiteral("account")).trimmed();
        if (!looksLikeAccount(typed))
            return refuse(ctx, Usage,
                Text::tr("\"%1\" is not an e-mail address; a customer account is named by one.")
                    .arg(typed));
        // Creating customer accounts needs the product's OAuth client: the console's job.
        account = knownAccount(fleet, typed);
        if (account.isEmpty())
            return refuse(ctx, Partial,
                Text::tr("The product has no customer account %1: create it in the console "
                         "(New customer…, \"Create the account now\"), or name an existing one.")
                    .arg(typed));
    }
    const Edit::EditPlan plan = ctx.editor()->planCreateNode(QString(), slug, title, account);
    return applyWith(ctx, plan, isDryRun(args),
        {{QStringLiteral("path"), plan.path}, {QStringLiteral("title"), title},
            {QStringLiteral("title_path"), title},
            {QStringLiteral("account"), account.isEmpty() ? QJsonValue() : account}});
}

// "group add PATH": the new group's path (its parent's path, "--" and its short name), titled
// by --title (else by its short name); or titles ending in the new group's title, under an
// existing customer or group, its short name suggested from the title.
int runGroupAdd(Context &ctx, const Arguments &args)
{
    const QString text = args.positional().constFirst().trimmed();
    const Sync::FleetState &fleet = ctx.fleet();
    const Domain::Hierarchy hierarchy = fleet.hierarchy();
    QString parent;
    QString slug;
    QString title;
    if (Domain::isNodePath(text)) {
        if (Domain::pathDepth(text) < 2)
            return refuse(ctx, Usage,
                Text::tr("\"%1\" would be a customer: a group's path is its parent's path, \"--\" "
                         "and its short name (acme--berlin--lab); or name it by titles "
                         "(\"Acme Logistics/Berlin depot/Lab\"). Customers: \"flotillactl "
                         "customer add\".")
                    .arg(text));
        parent = Domain::parentPath(text);
        if (!hierarchy.isNode(parent))
            return refuse(ctx, Partial,
                Text::tr("There is no customer or group %1 to create %2 in.").arg(parent, text));
        slug = Domain::lastSlug(text);
        title = args.isSet(QStringLiteral("title"))
            ? args.value(QStringLiteral("title")).simplified()
            : slug;
    } else {
        if (args.isSet(QStringLiteral("title")))
            return refuse(ctx, Usage,
                Text::tr("--title goes with a path (acme--berlin--lab); named by titles, the "
                         "last one is the new group's title."));
        // The parent: everything before the last separator; the new title: what follows it.
        static const QRegularExpression lastPart(QStringLiteral("^(.*\\S)\\s*[/›]\\s*([^/›]+)$"));
        const QRegularExpressionMatch m = lastPart.match(text);
        if (!m.hasMatch() || m.captured(2).trimmed().isEmpty())
            return refuse(ctx, Usage,
                Text::tr("Name the new group under its customer or group: a path "
                         "(acme--berlin--lab) or titles (\"Acme Logistics/Berlin depot/Lab\")."));
        QString error;
        const std::optional<QString> found = ctx.resolveNode(m.captured(1), &error);
        if (!found)
            return refuse(ctx, Partial, error);
        parent = *found;
        title = m.captured(2).simplified();
        slug = Domain::suggestSlug(title, parent, fleet.groups.keys());
    }
    const Edit::EditPlan plan = ctx.editor()->planCreateNode(parent, slug, title);
    return applyWith(ctx, plan, isDryRun(args),
        {{QStringLiteral("path"), plan.path}, {QStringLiteral("title"), title},
            {QStringLiteral("title_path"),
                QString(Domain::titlePath(hierarchy, parent) + QStringLiteral(" › ") + title)}});
}

int runRename(Context &ctx, const Arguments &args, bool customer)
{
    QString error;
    int status = Done;
    const std::optional<QString> path
        = resolveKind(ctx, args.positional().at(0), customer, &error, &status);
    if (!path)
        return refuse(ctx, status, error);
    const QString title = args.positional().at(1).simplified();
    const QString oldTitle = ctx.fleet().hierarchy().node(*path)->title;
    const QJsonObject extra {{QStringLiteral("path"), *path}, {QStringLiteral("title"), title},
        {QStringLiteral("old_title"), oldTitle}};
    if (title == oldTitle) {
        // Already so: nothing to do, as a move to where the devices are.
        const QString notice
            = Text::tr("%1 has this title already: nothing to change.").arg(ctx.nodeTitle(*path));
        QJsonObject result = extra;
        result.insert(QStringLiteral("applied"), false);
        result.insert(QStringLiteral("notice"), notice);
        ctx.out().setResult(result);
        ctx.out().line(notice);
        return Done;
    }
    return applyWith(ctx, ctx.editor()->planRenameNode(*path, title, Domain::lastSlug(*path)),
        isDryRun(args), extra);
}

int runRemove(Context &ctx, const Arguments &args, bool customer)
{
    QString error;
    int status = Done;
    const std::optional<QString> path
        = resolveKind(ctx, args.positional().constFirst(), customer, &error, &status);
    if (!path)
        return refuse(ctx, status, error);
    const Edit::EditPlan plan = ctx.editor()->planDeleteNode(*path);
    return applyWith(ctx, plan, isDryRun(args),
        {{QStringLiteral("path"), *path}, {QStringLiteral("title_path"), ctx.nodeTitle(*path)},
            {QStringLiteral("devices_unassigned"), static_cast<int>(plan.deviceIds.size())}});
}

int runGroupMove(Context &ctx, const Arguments &args)
{
    QString error;
    int status = Done;
    const std::optional<QString> path
        = resolveKind(ctx, args.positional().constFirst(), false, &error, &status);
    if (!path)
        return refuse(ctx, status, error);
    if (!args.isSet(QStringLiteral("to")))
        return refuse(ctx, Usage,
            Text::tr("Say where the group goes: --to PATH (the customer or group it goes under)."));
    const std::optional<QString> parent = ctx.resolveNode(args.value(QStringLiteral("to")), &error);
    if (!parent)
        return refuse(ctx, Partial, error);
    const Edit::EditPlan plan = ctx.editor()->planMoveNode(*path, *parent);
    return applyWith(ctx, plan, isDryRun(args),
        {{QStringLiteral("path"), *path}, {QStringLiteral("new_path"), plan.newPath},
            {QStringLiteral("to"), *parent}, {QStringLiteral("to_title"), ctx.nodeTitle(*parent)},
            {QStringLiteral("devices"), static_cast<int>(plan.deviceIds.size())}});
}

// ---- import ----

// What the import will do, as the console's import dialog summarizes it.
QStringList importSummary(Context &ctx, const Edit::FleetEditor::ImportPreview &preview)
{
    const Edit::ImportPlan &plan = preview.rows;
    QStringList lines;
    QStringList counts;
    const QList<QPair<Edit::RowAction, QString>> words = {
        {Edit::RowAction::Import, Text::tr("%1 to import into the product")},
        {Edit::RowAction::Move, Text::tr("%1 to move")},
        {Edit::RowAction::Rename, Text::tr("%1 to rename")},
        {Edit::RowAction::Notes, Text::tr("%1 with new notes")},
        {Edit::RowAction::Unchanged, Text::tr("%1 unchanged")},
        {Edit::RowAction::Error, Text::tr("%1 with errors")},
    };
    for (const auto &[action, text] : words) {
        if (const int n = plan.count(action); n > 0)
            counts.append(text.arg(n));
    }
    const int rows = static_cast<int>(plan.rows.size());
    lines.append(Text::tr("%Ln row(s): %1.", nullptr, rows).arg(counts.join(QStringLiteral(", "))));
    if (!plan.ignoredColumns.isEmpty())
        lines.append(Text::tr("Columns not imported: %1.")
                         .arg(plan.ignoredColumns.join(QStringLiteral(", "))));
    for (const Io::ReadProblem &p : plan.readProblems)
        lines.append(p.message);
    int shown = 0;
    for (const Edit::ImportRow &r : plan.rows) {
        if (!r.isError())
            continue;
        if (shown++ == ErrorRowsShown) {
            lines.append(Text::tr(
                "… and %Ln more row(s) with errors.", nullptr, plan.errorCount() - ErrorRowsShown));
            break;
        }
        lines.append(Text::tr("Row %1 (%2): %3")
                         .arg(r.row)
                         .arg(r.identifier, r.errors.join(QStringLiteral("; "))));
    }
    if (preview.edit.canApply()) {
        // The effect as the console's confirmation says it (the customers and groups created
        // included); the requests are the import's (its reads of the new devices and their
        // placing included).
        lines.append(preview.edit.text);
        QStringList effect = ctx.describe(preview.edit);
        if (!effect.isEmpty())
            effect.removeLast();
        effect.append(Text::tr("Requests to the cloud: about %1.").arg(preview.requests));
        for (const QString &line : std::as_const(effect))
            lines.append(QStringLiteral("  • ") + line);
    }
    return lines;
}

int runImport(Context &ctx, const Arguments &args)
{
    const QString path = args.positional().constFirst();
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refuse(ctx, Usage,
            Text::tr("%1 cannot be read: %2")
                .arg(QDir::toNativeSeparators(path), file.errorString()));
    if (file.size() > MaxImportBytes)
        return refuse(ctx, Partial,
            Text::tr("%1 is larger than %2 MB: split it into smaller lists.")
                .arg(name)
                .arg(MaxImportBytes / (1024 * 1024)));
    const QByteArray bytes = file.readAll();
    Io::XlsxOptions sheet;
    if (args.isSet(QStringLiteral("sheet"))) {
        QString notWorkbook;
        if (Io::xlsxSheets(bytes, &notWorkbook).isEmpty())
            return refuse(
                ctx, Usage, Text::tr("--sheet is for XLSX workbooks, and %1 is none.").arg(name));
        sheet.sheet = args.value(QStringLiteral("sheet"));
    }
    QString error;
    const Io::TextTable table = Io::readSpreadsheet(bytes, name, sheet, &error);
    if (error.isEmpty() && table.rows.isEmpty())
        error = table.problems.isEmpty() ? Text::tr("%1 has no rows to import.").arg(name)
                                         : table.problems.constFirst().message;
    if (!error.isEmpty())
        return refuse(ctx, Partial, error);

    Edit::ImportOptions options;
    options.mapping = Edit::guessMapping(table);
    options.createMissing = args.isSet(QStringLiteral("create-missing"));
    options.destination = args.value(QStringLiteral("to")).trimmed();
    const bool placesByColumn = std::any_of(
        options.mapping.fields.cbegin(), options.mapping.fields.cend(), [](Edit::ImportField f) {
            return f == Edit::ImportField::Customer || f == Edit::ImportField::Group;
        });
    if (placesByColumn && !options.destination.isEmpty())
        ctx.out().note(Text::tr("--to is not used: the customer and group columns of %1 say where "
                                "each device goes.")
                           .arg(name));
    const Edit::FleetEditor::ImportPreview preview = ctx.editor()->planImport(table, options, name);
    if (!preview.rows.error.isEmpty())
        return refuse(ctx, Partial, preview.rows.error);

    for (const QString &line : importSummary(ctx, preview))
        ctx.out().line(line);
    const int errors = preview.rows.errorCount();
    QJsonObject result = Edit::planToJson(preview.rows, preview.requests);
    if (isDryRun(args)) {
        // The plan exactly as Edit::planToJson says it (scripts read it).
        ctx.out().setResult(result);
        ctx.out().note(Text::tr("Dry run: nothing was changed."));
        if (preview.edit.isRefused()) {
            ctx.out().note(preview.edit.error);
            return Partial;
        }
        return errors > 0 ? Partial : Done;
    }
    result.insert(QStringLiteral("dry_run"), false);
    result.insert(QStringLiteral("applied"), false);
    const bool onlyValid = args.isSet(QStringLiteral("only-valid"));
    if (errors > 0 && !onlyValid) {
        // The editor says why nothing is applied, as it says it to the console.
        ctx.out().setResult(result);
        return refuse(ctx, Partial, ctx.editor()->applyImport(preview, false));
    }
    if (preview.edit.isRefused()) {
        ctx.out().setResult(result);
        return refuse(ctx, Partial, preview.edit.error);
    }
    if (preview.edit.isEmpty()) {
        result.insert(QStringLiteral("notice"), preview.edit.notice);
        ctx.out().setResult(result);
        ctx.out().line(preview.edit.notice);
        return errors > 0 ? Partial : Done;
    }
    if (!ctx.confirm(Text::tr("Import?"))) {
        result.insert(QStringLiteral("error"), Text::tr("not confirmed"));
        ctx.out().setResult(result);
        return Partial;
    }

    // The rows the cloud refuses, or takes but cannot place, come with the import's outcome.
    QList<Edit::FleetEditor::ImportRowReport> reports;
    Edit::FleetEditor *editor = ctx.editor();
    const QMetaObject::Connection outcomes
        = QObject::connect(ctx.engine(), &Sync::SyncEngine::importFinished, editor,
            [editor, &reports](
                const Sync::ImportOutcome &outcome) { reports += editor->importReports(outcome); });
    if (const QString refused = editor->applyImport(preview, onlyValid); !refused.isEmpty()) {
        QObject::disconnect(outcomes);
        ctx.out().setResult(result);
        return refuse(ctx, Partial, refused);
    }
    result.insert(QStringLiteral("applied"), true);
    int status = ctx.waitForPush();
    QObject::disconnect(outcomes);
    if (errors > 0) {
        ctx.out().note(Text::tr("%Ln row(s) with errors were left out.", nullptr, errors));
        result.insert(QStringLiteral("skipped_rows"), errors);
        status = status == Done ? Partial : status;
    }
    QJsonArray refusedRows;
    for (const Edit::FleetEditor::ImportRowReport &r : std::as_const(reports)) {
        ctx.out().note(Text::tr("Row %1 (%2): %3").arg(r.row).arg(r.identifier, r.reason));
        refusedRows.append(QJsonObject {{QStringLiteral("row"), r.row},
            {QStringLiteral("identifier"), r.identifier}, {QStringLiteral("reason"), r.reason}});
    }
    if (!reports.isEmpty()) {
        ctx.out().note(Text::tr("Particle did not take %Ln device(s) of the import.", nullptr,
            static_cast<int>(reports.size())));
        status = status == Done ? Partial : status;
    }
    result.insert(QStringLiteral("refused_rows"), refusedRows);
    result.insert(QStringLiteral("pending"), ctx.engine()->pendingCount());
    ctx.out().setResult(result);
    return status;
}

// ---- export ----

int runExport(Context &ctx, const Arguments &args)
{
    const QString path = args.value(QStringLiteral("output"));
    if (path.isEmpty())
        return refuse(ctx, Usage, Text::tr("Name the file to write: -o FILE."));
    Tree::ExportFileOptions options;
    if (args.isSet(QStringLiteral("format"))) {
        const QString format = args.value(QStringLiteral("format")).trimmed().toLower();
        if (format == QLatin1String("xlsx"))
            options.format = Tree::ExportFormat::Xlsx;
        else if (format != QLatin1String("csv"))
            return refuse(ctx, Usage, Text::tr("--format is csv or xlsx."));
    } else if (QFileInfo(path).suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0) {
        options.format = Tree::ExportFormat::Xlsx;
    }
    if (args.isSet(QStringLiteral("delimiter"))) {
        const QString delimiter = args.value(QStringLiteral("delimiter"));
        if (delimiter != QLatin1String(",") && delimiter != QLatin1String(";"))
            return refuse(ctx, Usage, Text::tr("--delimiter is ',' or ';'."));
        options.delimiter = delimiter.at(0);
    }
    QStringList columns = Tree::defaultExportColumns();
    if (args.isSet(QStringLiteral("columns"))) {
        columns.clear();
        for (const QString &key :
            args.value(QStringLiteral("columns")).split(QLatin1Char(','), Qt::SkipEmptyParts))
            columns.append(key.trimmed());
        if (columns.isEmpty())
            return refuse(ctx, Usage, Text::tr("Name the columns: --columns a,b,…"));
        if (const QString bad = Tree::exportColumnsError(columns); !bad.isEmpty())
            return refuse(ctx, Usage, bad);
    }
    const QString filter = args.value(QStringLiteral("filter"));
    if (const QStringList wrong = Tree::DeviceFilter(filter).errors(); !wrong.isEmpty())
        return refuse(ctx, Usage, wrong.join(QLatin1Char(' ')));

    QList<Tree::DeviceScope> scopes;
    for (const QString &text : args.positional()) {
        QString error;
        const std::optional<Tree::DeviceScope> scope = deviceScope(ctx, text, &error);
        if (!scope)
            return refuse(ctx, Partial, error);
        scopes.append(*scope);
    }
    const Sync::FleetState &fleet = ctx.fleet();
    const QSet<QString> pending = ctx.engine()->pendingDevices();
    Io::ExportTable table;
    if (scopes.size() <= 1) {
        table = Tree::exportTable(fleet,
            Tree::ExportScope::of(scopes.value(0, Tree::DeviceScope::all()), filter), columns,
            pending);
    } else {
        // Several places: the devices of any of them, each once, in the tree's order.
        QStringList ids;
        QSet<QString> seen;
        QVariantList cells;
        for (const Tree::DeviceScope &scope : std::as_const(scopes)) {
            const Io::ExportTable part = Tree::exportTable(fleet,
                Tree::ExportScope::of(scope, filter), {QStringLiteral("device_id")}, pending);
            for (int r = 0; r < part.rowCount; ++r) {
                cells.clear();
                part.row(r, cells);
                const QString id = cells.value(0).toString();
                if (!seen.contains(id)) {
                    seen.insert(id);
                    ids.append(id);
                }
            }
        }
        table = Tree::exportTable(fleet, Tree::ExportScope::selection(ids), columns, pending);
    }
    if (table.rowCount >= ProgressFromRows) {
        Output *out = &ctx.out();
        const int total = table.rowCount;
        options.progress
            = [out, total](int rows) { out->progress(Text::tr("Exporting"), rows, total); };
    }
    QString error;
    const bool written = Tree::writeExportFile(path, table, options, &error);
    ctx.out().endProgress();
    if (!written)
        return refuse(ctx, Partial, error);
    const QString absolute = QFileInfo(path).absoluteFilePath();
    ctx.out().setResult(QJsonObject {{QStringLiteral("file"), QDir::toNativeSeparators(absolute)},
        {QStringLiteral("rows"), table.rowCount},
        {QStringLiteral("format"),
            options.format == Tree::ExportFormat::Xlsx ? QStringLiteral("xlsx")
                                                       : QStringLiteral("csv")},
        {QStringLiteral("columns"), QJsonArray::fromStringList(columns)}});
    ctx.out().line(Text::tr("%Ln device(s) written to %1.", nullptr, table.rowCount)
                       .arg(QDir::toNativeSeparators(absolute)));
    return Done;
}

} // namespace

QList<Command> editCommands()
{
    const QString pathHelp = Text::tr(
        "PATH: a path (acme--berlin) or titles separated by '/' or '›' (\"Acme Logistics/Berlin "
        "depot\").");
    const QString editHelp = Text::tr(
        "It prints its effect as the console's confirmation says it and asks before applying "
        "(unless --yes; without a terminal it needs --yes); --dry-run prints it and changes "
        "nothing. Then it waits until the cloud has taken the change (exit status 4 when the "
        "cloud cannot be reached: the change stays queued and \"flotillactl push\" sends it).");
    QList<Command> commands;
    {
        Command c;
        c.words = {QStringLiteral("move")};
        c.synopsis = QStringLiteral("DEVICE… --to PATH [--from-file FILE] [--dry-run]");
        c.summary = Text::tr("Moves devices to a customer, a group, Unassigned or Returns");
        c.help = Text::tr("DEVICE: a device ID, serial number, ICCID, IMEI or name. --from-file "
                          "FILE lists more, one a line (blank lines and lines starting with '#' "
                          "are skipped). When any of them names no device, nothing is moved "
                          "(exit status 1).\n--to PATH: a path, titles, or the pools "
                          "\"unassigned\" and \"returns\".\n")
            + editHelp;
        c.options = {QCommandLineOption(QStringLiteral("to"), Text::tr("Where the devices go."),
                         QStringLiteral("PATH")),
            QCommandLineOption(QStringLiteral("from-file"),
                Text::tr("A file of device identifiers, one a line."), QStringLiteral("FILE")),
            dryRunOption()};
        c.maxArguments = -1;
        c.run = runMove;
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("customer"), QStringLiteral("add")};
        c.synopsis = QStringLiteral("TITLE [--slug S] [--account EMAIL] [--dry-run]");
        c.summary = Text::tr("Creates a customer");
        c.help = Text::tr("TITLE: the name people see. --slug: its short name, the start of its "
                          "groups' Particle names (suggested from the title when not given; "
                          "the JSON document says the path). --account: a customer account of "
                          "the product to link (devices moved to the customer are claimed to "
                          "it); the console creates new accounts.\n")
            + editHelp;
        c.options = {QCommandLineOption(
                         QStringLiteral("slug"), Text::tr("The short name."), QStringLiteral("S")),
            QCommandLineOption(QStringLiteral("account"), Text::tr("The customer account to link."),
                QStringLiteral("EMAIL")),
            dryRunOption()};
        c.minArguments = 1;
        c.maxArguments = 1;
        c.run = runCustomerAdd;
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("customer"), QStringLiteral("rename")};
        c.synopsis = QStringLiteral("PATH TITLE [--dry-run]");
        c.summary = Text::tr("Gives a customer a new title");
        c.help = pathHelp + Text::tr(" Its short name and path stay.\n") + editHelp;
        c.options = {dryRunOption()};
        c.minArguments = 2;
        c.maxArguments = 2;
        c.run = [](Context &ctx, const Arguments &args) { return runRename(ctx, args, true); };
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("customer"), QStringLiteral("rm")};
        c.synopsis = QStringLiteral("PATH [--dry-run]");
        c.summary = Text::tr("Deletes a customer and its groups; their devices go to Unassigned");
        c.help = pathHelp + QLatin1Char('\n') + editHelp;
        c.options = {dryRunOption()};
        c.minArguments = 1;
        c.maxArguments = 1;
        c.run = [](Context &ctx, const Arguments &args) { return runRemove(ctx, args, true); };
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("group"), QStringLiteral("add")};
        c.synopsis = QStringLiteral("PATH [--title T] [--dry-run]");
        c.summary = Text::tr("Creates a group under a customer or group");
        c.help = Text::tr("PATH is either the new group's path, its parent's path, \"--\" and "
                          "its short name (acme--berlin--lab), titled --title T (else by its "
                          "short name); or titles ending in the new group's title, under an "
                          "existing customer or group (\"Acme Logistics/Berlin depot/Lab\"), its "
                          "short name suggested from the title (the JSON document says the "
                          "path).\n")
            + editHelp;
        c.options = {QCommandLineOption(QStringLiteral("title"),
                         Text::tr("The title of a group named by its path."), QStringLiteral("T")),
            dryRunOption()};
        c.minArguments = 1;
        c.maxArguments = 1;
        c.run = runGroupAdd;
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("group"), QStringLiteral("mv")};
        c.synopsis = QStringLiteral("PATH --to PATH [--dry-run]");
        c.summary = Text::tr("Moves a group, with its groups and devices, under another customer "
                             "or group");
        c.help = pathHelp
            + Text::tr(" Its Particle group names change with its path; devices that change "
                       "customer change owner and may get another firmware.\n")
            + editHelp;
        c.options = {QCommandLineOption(QStringLiteral("to"),
                         Text::tr("The customer or group it goes under."), QStringLiteral("PATH")),
            dryRunOption()};
        c.minArguments = 1;
        c.maxArguments = 1;
        c.run = runGroupMove;
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("group"), QStringLiteral("rename")};
        c.synopsis = QStringLiteral("PATH TITLE [--dry-run]");
        c.summary = Text::tr("Gives a group a new title");
        c.help = pathHelp + Text::tr(" Its short name and path stay.\n") + editHelp;
        c.options = {dryRunOption()};
        c.minArguments = 2;
        c.maxArguments = 2;
        c.run = [](Context &ctx, const Arguments &args) { return runRename(ctx, args, false); };
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("group"), QStringLiteral("rm")};
        c.synopsis = QStringLiteral("PATH [--dry-run]");
        c.summary = Text::tr("Deletes a group and the groups below it; their devices go to "
                             "Unassigned");
        c.help = pathHelp + QLatin1Char('\n') + editHelp;
        c.options = {dryRunOption()};
        c.minArguments = 1;
        c.maxArguments = 1;
        c.run = [](Context &ctx, const Arguments &args) { return runRemove(ctx, args, false); };
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("import")};
        c.synopsis = QStringLiteral(
            "FILE [--sheet NAME] [--to PATH] [--create-missing] [--only-valid] [--dry-run]");
        c.summary = Text::tr("Imports a spreadsheet of devices (CSV or XLSX) as the console does");
        c.help = Text::tr(
            "The import rules of the console (docs/import.md): the columns are read from the "
            "header row (device ID, serial number, ICCID, IMEI, name, customer, group, notes); "
            "a file of one column is a list of identifiers. Devices not in the product yet are "
            "imported into it.\n--sheet NAME: the sheet of an XLSX workbook (else the first). "
            "--to PATH: where the devices of a file without customer and group columns go (a "
            "path, titles, unassigned or returns). --create-missing: customers and groups the "
            "file names that do not exist are created (else their rows are errors).\nA file "
            "with rows in error is not imported (exit status 1) unless --only-valid says to "
            "import the other rows (exit status 1 too, the rows left out said). Rows the cloud "
            "refuses are said by their row numbers (exit status 1).\n--dry-run prints the plan "
            "(with --json: rows, counts, creates, requests and rows_detail) and changes "
            "nothing: exit status 0 when no row is an error, else 1.\nIt asks before applying "
            "unless --yes, then waits until the cloud has taken the import.");
        c.options = {QCommandLineOption(QStringLiteral("sheet"),
                         Text::tr("The sheet of an XLSX workbook."), QStringLiteral("NAME")),
            QCommandLineOption(QStringLiteral("to"),
                Text::tr("Where the devices of a list of identifiers go."), QStringLiteral("PATH")),
            QCommandLineOption(QStringLiteral("create-missing"),
                Text::tr("Create the customers and groups the file names that do not exist.")),
            QCommandLineOption(QStringLiteral("only-valid"),
                Text::tr("Import the rows without errors, leaving the others out.")),
            dryRunOption()};
        c.minArguments = 1;
        c.maxArguments = 1;
        c.run = runImport;
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("export")};
        c.synopsis = QStringLiteral(
            "[PATH…] -o FILE [--format csv|xlsx] [--columns a,b,…] [--delimiter ';'] "
            "[--filter EXPR]");
        c.summary = Text::tr("Writes devices to a CSV or XLSX file, as the console's Export…");
        c.help = Text::tr(
            "PATH: a path, titles, or the pools unassigned, returns, needs-repair; several: "
            "the devices of any of them; none: the whole fleet.\n--format: csv or xlsx (else "
            "from the file's suffix: .xlsx is xlsx, anything else csv). --delimiter: ',' (the "
            "default) or ';' for CSV.\n--columns: device_id, name, serial, iccid, imei, "
            "platform, customer, group, firmware_running, firmware_targeted, locked, "
            "development, online, last_heard, owner, notes, pending (default: device_id, name, "
            "serial, customer, group, firmware_running, firmware_targeted, online, last_heard, "
            "notes).\n--filter: the console's filter (see \"flotillactl help devices\").\nA "
            "file that was there is replaced only once the new one is complete.");
        c.options = {QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                         Text::tr("The file to write."), QStringLiteral("FILE")),
            QCommandLineOption(
                QStringLiteral("format"), Text::tr("csv or xlsx."), QStringLiteral("FORMAT")),
            QCommandLineOption(QStringLiteral("columns"), Text::tr("Columns, comma-separated."),
                QStringLiteral("a,b,…")),
            QCommandLineOption(
                QStringLiteral("delimiter"), Text::tr("CSV: ',' or ';'."), QStringLiteral("CHAR")),
            QCommandLineOption(QStringLiteral("filter"), Text::tr("The console's filter."),
                QStringLiteral("EXPR"))};
        c.maxArguments = -1;
        c.run = runExport;
        commands.append(c);
    }
    return commands;
}

} // namespace Flotilla::Ctl
