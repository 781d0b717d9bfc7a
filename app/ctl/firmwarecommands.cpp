// SPDX-License-Identifier: MIT
// firmware …, flash …, rollout …: firmware and its rollouts, through the console's rollout
// engine (docs/rollouts.md): the impact is printed as the Flash dialog shows it before anything
// starts, and the controls are those of the Rollouts window.
#include "app/ctl/context.h"
#include "app/ctl/ctl.h"
#include "domain/hierarchy.h"
#include "domain/nodepath.h"
#include "domain/rollout.h"
#include "domain/rolloutdefaults.h"
#include "rollout/rolloutengine.h"
#include "session/cloudsession.h"
#include "sync/syncengine.h"
#include "tree/rolloutmodels.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <optional>

namespace Flotilla::Ctl {

namespace {

using Domain::RolloutMethod;
using Domain::RolloutSpec;
using Domain::RolloutState;
// A rollout as the cache and the engine keep it. (Functions of this file that call Text::tr
// return unqualified types: lupdate files their texts under a qualified return type's
// namespace.)
using RolloutRecord = Domain::Rollout;

// How long `rollout start` and the controls wait for the cloud work they set off (the first
// wave's requests, cancellations, locks of a rollback) before leaving the rest to whichever
// Flotilla runs on the cache next.
constexpr int SettleTimeoutMs = 2 * 60 * 1000;
// How long a control asked of the Flotilla that drives the cache may wait for its answer.
constexpr int AnswerTimeoutMs = 60 * 1000;

QString methodTitle(RolloutMethod method)
{
    switch (method) {
    case RolloutMethod::Lock:
        return Text::tr("lock and flash");
    case RolloutMethod::Release:
        return Text::tr("release");
    case RolloutMethod::Staged:
        break;
    }
    return Text::tr("staged");
}

// "6" or "v6" → 6; 0 when it is not a version number.
int parseVersion(const QString &text)
{
    QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('v'), Qt::CaseInsensitive))
        t = t.mid(1);
    bool ok = false;
    const int version = t.toInt(&ok);
    return ok && version > 0 && version <= 65535 ? version : 0;
}

// The VERSION argument: a version of the product. Returns 0 with the reason printed and `status`
// set otherwise (2: not a number; 1: the product has no such version).
int productVersion(Context &ctx, const QString &text, int *status)
{
    const int version = parseVersion(text);
    if (version == 0) {
        *status = Usage;
        ctx.out().finish(Usage,
            Text::tr("\"%1\" is not a firmware version (a number from 1 to 65535).").arg(text));
        return 0;
    }
    if (!ctx.fleet().firmware.contains(version)) {
        *status = Partial;
        ctx.out().finish(Partial,
            Text::tr("The product has no firmware version %1 (\"flotillactl firmware ls\" lists "
                     "them; \"flotillactl firmware upload\" adds one).")
                .arg(version));
        return 0;
    }
    return version;
}

// "24h", "90m", "3600s", "2d", "3600" (seconds) → seconds; nullopt otherwise.
std::optional<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(\\d+)\\s*([smhd]?)\\s*$"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 n = m.captured(1).toLongLong(&ok);
    const QString unit = m.captured(2).toLower();
    const qint64 factor = unit == QLatin1String("m") ? 60
        : unit == QLatin1String("h")                 ? 3600
        : unit == QLatin1String("d")                 ? 86400
                                                     : 1;
    if (!ok || n <= 0 || n > 365LL * 86400 / factor)
        return std::nullopt;
    return n * factor;
}

QString durationText(qint64 seconds)
{
    if (seconds % 86400 == 0)
        return Text::tr("%Ln day(s)", nullptr, static_cast<int>(seconds / 86400));
    if (seconds % 3600 == 0)
        return Text::tr("%Ln hour(s)", nullptr, static_cast<int>(seconds / 3600));
    if (seconds % 60 == 0)
        return Text::tr("%Ln minute(s)", nullptr, static_cast<int>(seconds / 60));
    return Text::tr("%Ln second(s)", nullptr, static_cast<int>(seconds));
}

// "--to PATH…": the values of --to and the words after them. Node paths, or nothing with the
// reason printed and `status` set (2: none given; 1: one is not there).
std::optional<QStringList> targetNodes(Context &ctx, const QStringList &texts, int *status)
{
    if (texts.isEmpty()) {
        *status = Usage;
        ctx.out().finish(Usage, Text::tr("Name what to flash with --to PATH."));
        return std::nullopt;
    }
    QStringList nodes;
    for (const QString &text : texts) {
        QString error;
        const std::optional<QString> path = ctx.resolveNode(text, &error);
        if (!path) {
            *status = Partial;
            ctx.out().finish(Partial, error);
            return std::nullopt;
        }
        if (!nodes.contains(*path))
            nodes.append(*path);
    }
    return nodes;
}

// A --wave: GROUP_OR_PERCENT[:success%[:failure%]]. A syntax error is a usage error (`status`
// 2); a group that is not there or not under the targets is refused (1).
std::optional<Domain::WaveSpec> parseWave(
    Context &ctx, const QString &text, const QStringList &targets, int *status, QString *error)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    *status = Usage;
    if (parts.size() > 3 || parts.constFirst().trimmed().isEmpty()) {
        *error = Text::tr("--wave \"%1\": write GROUP or PERCENT%, then optionally :success% and "
                          ":failure% (for example \"acme--berlin--test\", \"25%:90%:5%\").")
                     .arg(text);
        return std::nullopt;
    }
    // Thresholds not given: the console's defaults (its preferences).
    const Domain::RolloutDefaults defaults = ctx.rolloutDefaults();
    Domain::WaveSpec wave;
    wave.success = defaults.success;
    wave.failure = defaults.failure;
    const QString what = parts.constFirst().trimmed();
    if (what.endsWith(QLatin1Char('%'))) {
        bool ok = false;
        const double percent = what.chopped(1).trimmed().toDouble(&ok);
        if (!ok || percent <= 0 || percent > 100) {
            *error = Text::tr("--wave \"%1\": the share of devices is a percentage above 0 and at "
                              "most 100.")
                         .arg(text);
            return std::nullopt;
        }
        wave.percent = percent;
    } else {
        const std::optional<QString> path = ctx.resolveNode(what, error);
        if (!path) {
            *status = Partial;
            *error = Text::tr("--wave \"%1\": %2").arg(text, *error);
            return std::nullopt;
        }
        const bool under = std::any_of(targets.cbegin(), targets.cend(),
            [&](const QString &t) { return Domain::isAncestorOrSelf(t, *path); });
        if (!under) {
            *status = Partial;
            *error = Text::tr("--wave \"%1\": %2 is not under what is flashed (--to).")
                         .arg(text, ctx.nodeTitle(*path));
            return std::nullopt;
        }
        wave.nodes = {*path};
        wave.name = Tree::waveName(ctx.fleet().hierarchy(), targets, *path);
    }
    for (qsizetype i = 1; i < parts.size(); ++i) {
        QString why;
        const std::optional<Domain::Threshold> threshold
            = Domain::Threshold::parse(parts.at(i).trimmed(), &why);
        if (!threshold) {
            *error = Text::tr("--wave \"%1\": the %2 threshold: %3")
                         .arg(text, i == 1 ? Text::tr("success") : Text::tr("failure"), why);
            return std::nullopt;
        }
        (i == 1 ? wave.success : wave.failure) = *threshold;
    }
    *status = Done;
    return wave;
}

// The rollout as the Flash dialog plans it for this selection.
RolloutSpec makeSpec(Context &ctx, RolloutMethod method, int version, const QStringList &nodes,
    const QStringList &devices)
{
    const Sync::FleetState &state = ctx.fleet();
    const Domain::Hierarchy hierarchy = state.hierarchy();
    Domain::RolloutSpec spec;
    spec.version = version;
    spec.method = method;
    spec.title
        = Text::tr("v%1 to %2").arg(version).arg(Tree::flashSelectionTitle(state, nodes, devices));
    // Every node the rollout's devices may sit at, named for the Rollouts window.
    for (const QString &selected : nodes) {
        for (const QString &path : hierarchy.subtree(selected))
            spec.nodeTitles.insert(path, Domain::titlePath(hierarchy, path));
    }
    for (const QString &id : devices) {
        const auto it = state.devices.constFind(id);
        if (it == state.devices.cend())
            continue;
        const Domain::Placement p = Domain::placeDevice(it->groups, hierarchy);
        if (p.kind == Domain::PlacementKind::Node && !spec.nodeTitles.contains(p.path))
            spec.nodeTitles.insert(p.path, Domain::titlePath(hierarchy, p.path));
    }
    spec.nodes = nodes;
    spec.devices = devices;
    spec.seed = QRandomGenerator::global()->generate64();
    spec.order = Domain::RolloutSpec::Order::Random;
    spec.intelligent = true;
    spec.releaseToNodesWhenDone = method == RolloutMethod::Staged && !nodes.isEmpty();
    return spec;
}

QString versionsText(const QMap<int, int> &byVersion)
{
    QStringList parts;
    for (auto it = byVersion.cbegin(); it != byVersion.cend(); ++it)
        parts.append(it.key() == 0 ? Text::tr("none ×%1").arg(it.value())
                                   : Text::tr("v%1 ×%2").arg(it.key()).arg(it.value()));
    return parts.join(QStringLiteral(", "));
}

QString thresholdJson(const Domain::Threshold &t)
{
    return t.toString();
}

// The impact of `spec` as the Flash dialog shows it, printed; its JSON. `targeted` gets the
// devices it would flash.
QJsonObject printImpact(Context &ctx, const Domain::RolloutSpec &spec, int *targeted)
{
    const Domain::FlashImpact i
        = ctx.rollouts()->assess(spec.method, spec.version, spec.nodes, spec.devices);
    *targeted = i.targeted;
    const QList<Domain::WaveSpec> waves = spec.effectiveWaves();
    QList<Domain::RolloutDevice> devices = i.devices;
    const QList<int> perWave = Domain::assignWaves(spec, devices);
    // Devices to flash by wave and by the version they run now.
    QList<QMap<int, int>> waveVersions(waves.size());
    for (const Domain::RolloutDevice &d : std::as_const(devices)) {
        if (d.wave >= 0 && d.wave < waveVersions.size())
            ++waveVersions[d.wave][d.previousVersion];
    }

    Output &out = ctx.out();
    out.line(spec.title + QStringLiteral(" (%1)").arg(methodTitle(spec.method)));
    const auto bullet = [&out](const QString &text) { out.line(QStringLiteral("  • ") + text); };
    bullet(Text::tr("Devices selected: %1").arg(i.selected));
    bullet(i.targetedByVersion.isEmpty()
            ? Text::tr("To be flashed to v%1: %2").arg(spec.version).arg(i.targeted)
            : Text::tr("To be flashed to v%1: %2 (now running %3)")
                  .arg(spec.version)
                  .arg(i.targeted)
                  .arg(versionsText(i.targetedByVersion)));
    for (auto it = i.targetedByVersion.cbegin(); it != i.targetedByVersion.cend(); ++it)
        bullet(Text::tr("%1 → v%2: %Ln device(s)", nullptr, it.value())
                   .arg(it.key() == 0 ? Text::tr("none") : Text::tr("v%1").arg(it.key()))
                   .arg(spec.version));
    if (i.offline > 0)
        bullet(Text::tr("Offline now: %1 (they update when they come back)").arg(i.offline));
    if (i.development > 0)
        bullet(Text::tr("Development devices, skipped: %1").arg(i.development));
    if (i.locked > 0)
        bullet(spec.method == RolloutMethod::Lock
                ? Text::tr("Locked to another version, lock replaced: %1").arg(i.locked)
                : Text::tr("Locked, skipped (their lock wins): %1").arg(i.locked));
    if (i.overridden > 0)
        bullet(Text::tr("Held by a higher release of another group, skipped: %1 (flash lock "
                        "reaches them)")
                   .arg(i.overridden));
    if (i.alreadyCurrent > 0)
        bullet(
            Text::tr("Already running v%1, skipped: %2").arg(spec.version).arg(i.alreadyCurrent));
    if (i.inOtherRollout > 0)
        bullet(
            Text::tr("Still being updated by another rollout, skipped: %1").arg(i.inOtherRollout));
    if (i.downgrades > 0)
        bullet(Text::tr("%Ln downgrade(s): running a newer version than v%1, flashed back.",
            nullptr, i.downgrades)
                   .arg(spec.version));
    QJsonArray waveJson;
    for (qsizetype w = 0; w < waves.size(); ++w) {
        const Domain::WaveSpec &wave = waves.at(w);
        const QString name = wave.name.isEmpty() ? Domain::waveTitle(wave) : wave.name;
        if (spec.method == RolloutMethod::Staged) {
            const QString thresholds = w + 1 < waves.size()
                ? Text::tr("next wave at %1 succeeded, pause at %2 failed")
                      .arg(wave.success.toString(), wave.failure.toString())
                : Text::tr("pause at %1 failed").arg(wave.failure.toString());
            bullet(Text::tr("Wave %1 “%2”: %Ln device(s) (%3), %4", nullptr, perWave.value(w))
                       .arg(w + 1)
                       .arg(name, versionsText(waveVersions.at(w)), thresholds));
        }
        QJsonObject byVersion;
        const QMap<int, int> &versions = waveVersions.at(w);
        for (auto it = versions.cbegin(); it != versions.cend(); ++it)
            byVersion.insert(QString::number(it.key()), it.value());
        QJsonArray nodeJson;
        for (const QString &path : wave.nodes)
            nodeJson.append(QJsonObject {
                {QStringLiteral("path"), path}, {QStringLiteral("title"), ctx.nodeTitle(path)}});
        waveJson.append(QJsonObject {{QStringLiteral("wave"), static_cast<int>(w + 1)},
            {QStringLiteral("name"), name}, {QStringLiteral("nodes"), nodeJson},
            {QStringLiteral("percent"),
                wave.nodes.isEmpty() ? QJsonValue(wave.percent) : QJsonValue()},
            {QStringLiteral("success"), thresholdJson(wave.success)},
            {QStringLiteral("failure"), thresholdJson(wave.failure)},
            {QStringLiteral("devices"), perWave.value(w)},
            {QStringLiteral("by_version"), byVersion}});
    }
    bullet(Text::tr("Device timeout: %1").arg(durationText(spec.deviceTimeoutS)));

    QJsonObject byVersion;
    for (auto it = i.targetedByVersion.cbegin(); it != i.targetedByVersion.cend(); ++it)
        byVersion.insert(QString::number(it.key()), it.value());
    QJsonArray nodes;
    for (const QString &path : spec.nodes)
        nodes.append(QJsonObject {
            {QStringLiteral("path"), path}, {QStringLiteral("title"), ctx.nodeTitle(path)}});
    return {{QStringLiteral("title"), spec.title},
        {QStringLiteral("method"), Domain::methodKeyword(spec.method)},
        {QStringLiteral("version"), spec.version}, {QStringLiteral("nodes"), nodes},
        {QStringLiteral("devices"), QJsonArray::fromStringList(spec.devices)},
        {QStringLiteral("intelligent"), spec.intelligent},
        {QStringLiteral("timeout_s"), spec.deviceTimeoutS},
        {QStringLiteral("selected"), i.selected}, {QStringLiteral("targeted"), i.targeted},
        {QStringLiteral("by_version"), byVersion}, {QStringLiteral("offline"), i.offline},
        {QStringLiteral("development"), i.development}, {QStringLiteral("locked"), i.locked},
        {QStringLiteral("overridden"), i.overridden},
        {QStringLiteral("already_current"), i.alreadyCurrent},
        {QStringLiteral("in_other_rollout"), i.inOtherRollout},
        {QStringLiteral("downgrades"), i.downgrades}, {QStringLiteral("waves"), waveJson}};
}

// ---- rollouts as people and scripts read them ----

// The wave under way: the last one that started (-1 before the first).
int currentWave(const Domain::Rollout &r)
{
    for (int w = static_cast<int>(r.waves.size()) - 1; w >= 0; --w) {
        if (r.waves.at(w).state != Domain::WaveState::Pending)
            return w;
    }
    return -1;
}

QJsonObject countsJson(const Domain::WaveCounts &c)
{
    return {{QStringLiteral("total"), c.total}, {QStringLiteral("pending"), c.pending},
        {QStringLiteral("waiting"), c.waiting}, {QStringLiteral("updating"), c.updating},
        {QStringLiteral("succeeded"), c.succeeded}, {QStringLiteral("failed"), c.failed},
        {QStringLiteral("timed_out"), c.timedOut}, {QStringLiteral("cancelled"), c.cancelled},
        {QStringLiteral("rolling_back"), c.rollingBack},
        {QStringLiteral("rolled_back"), c.rolledBack}};
}

Domain::WaveCounts addCounts(Domain::WaveCounts a, const Domain::WaveCounts &b)
{
    a.total += b.total;
    a.pending += b.pending;
    a.waiting += b.waiting;
    a.updating += b.updating;
    a.succeeded += b.succeeded;
    a.failed += b.failed;
    a.timedOut += b.timedOut;
    a.cancelled += b.cancelled;
    a.rollingBack += b.rollingBack;
    a.rolledBack += b.rolledBack;
    return a;
}

Domain::WaveCounts totalCounts(const Domain::Rollout &r)
{
    Domain::WaveCounts total;
    for (int w = 0; w < r.waves.size(); ++w)
        total = addCounts(total, Domain::countWave(r.devices, w));
    return total;
}

QJsonObject rolloutJson(const Domain::Rollout &r, bool full)
{
    const QList<Domain::WaveSpec> waves = r.spec.effectiveWaves();
    QJsonArray waveJson;
    for (int w = 0; w < r.waves.size(); ++w) {
        const Domain::WaveSpec wave = waves.value(w);
        QJsonArray nodes;
        for (const QString &path : wave.nodes)
            nodes.append(QJsonObject {{QStringLiteral("path"), path},
                {QStringLiteral("title"), Tree::rolloutNodeTitle(r, path)}});
        waveJson.append(QJsonObject {{QStringLiteral("wave"), w + 1},
            {QStringLiteral("name"), wave.name.isEmpty() ? Domain::waveTitle(wave) : wave.name},
            {QStringLiteral("nodes"), nodes},
            {QStringLiteral("state"), Domain::toString(r.waves.at(w).state)},
            {QStringLiteral("success"), wave.success.toString()},
            {QStringLiteral("failure"), wave.failure.toString()},
            {QStringLiteral("started"), isoOrNull(r.waves.at(w).startedMs)},
            {QStringLiteral("finished"), isoOrNull(r.waves.at(w).finishedMs)},
            {QStringLiteral("counts"), countsJson(Domain::countWave(r.devices, w))}});
    }
    const int skipped = static_cast<int>(std::count_if(r.devices.cbegin(), r.devices.cend(),
        [](const Domain::RolloutDevice &d) { return d.wave < 0; }));
    QJsonObject counts = countsJson(totalCounts(r));
    counts.insert(QStringLiteral("skipped"), skipped);
    QJsonArray nodes;
    for (const QString &path : r.spec.nodes)
        nodes.append(QJsonObject {{QStringLiteral("path"), path},
            {QStringLiteral("title"), Tree::rolloutNodeTitle(r, path)}});
    QJsonObject o {{QStringLiteral("id"), r.id}, {QStringLiteral("title"), Tree::rolloutTitle(r)},
        {QStringLiteral("method"), Domain::methodKeyword(r.spec.method)},
        {QStringLiteral("version"), r.spec.version},
        {QStringLiteral("state"), Domain::toString(r.state)},
        {QStringLiteral("state_title"), Domain::displayName(r.state)},
        {QStringLiteral("reason"), r.stateReason},
        {QStringLiteral("paused_for_failures"), r.pausedForFailures},
        {QStringLiteral("wave"), currentWave(r) + 1},
        {QStringLiteral("waves_total"), static_cast<int>(r.waves.size())},
        {QStringLiteral("nodes"), nodes}, {QStringLiteral("created"), isoOrNull(r.createdMs)},
        {QStringLiteral("finished"), isoOrNull(r.finishedMs)},
        {QStringLiteral("requests"), r.requests}, {QStringLiteral("counts"), counts}};
    if (full) {
        o.insert(QStringLiteral("waves"), waveJson);
        o.insert(QStringLiteral("timeout_s"), r.spec.deviceTimeoutS);
        QJsonArray devices;
        for (const Domain::RolloutDevice &d : r.devices)
            devices.append(QJsonObject {{QStringLiteral("device_id"), d.id},
                {QStringLiteral("name"), d.name}, {QStringLiteral("path"), d.node},
                {QStringLiteral("node"), Tree::rolloutNodeTitle(r, d.node)},
                {QStringLiteral("wave"), d.wave >= 0 ? QJsonValue(d.wave + 1) : QJsonValue()},
                {QStringLiteral("state"), Domain::toString(d.state)},
                {QStringLiteral("stage"), d.stage}, {QStringLiteral("reason"), d.reason},
                {QStringLiteral("previous_version"), d.previousVersion},
                {QStringLiteral("attempts"), d.attempts}});
        o.insert(QStringLiteral("devices"), devices);
    }
    return o;
}

// "wave 2/3 “25%”: 10/15 succeeded, 1 failed, 4 in flight"
QString progressText(const Domain::Rollout &r)
{
    const int w = currentWave(r);
    const Domain::WaveCounts all = totalCounts(r);
    QString text = Text::tr("%1/%2 succeeded").arg(all.succeeded).arg(all.total);
    if (all.failures() > 0)
        text += Text::tr(", %1 failed or timed out").arg(all.failures());
    if (const int inFlight = all.waiting + all.updating + all.rollingBack; inFlight > 0)
        text += Text::tr(", %1 in flight").arg(inFlight);
    if (all.pending > 0)
        text += Text::tr(", %1 not started").arg(all.pending);
    if (all.cancelled > 0)
        text += Text::tr(", %1 cancelled").arg(all.cancelled);
    if (all.rolledBack > 0)
        text += Text::tr(", %1 rolled back").arg(all.rolledBack);
    if (w >= 0 && r.waves.size() > 1) {
        const Domain::WaveSpec wave = r.spec.effectiveWaves().value(w);
        text = Text::tr("wave %1/%2 “%3”: ")
                   .arg(w + 1)
                   .arg(r.waves.size())
                   .arg(wave.name.isEmpty() ? Domain::waveTitle(wave) : wave.name)
            + text;
    }
    return text;
}

// "Label:  value" lines, the values aligned.
void printFields(Output &out, const QList<QPair<QString, QString>> &fields)
{
    qsizetype width = 0;
    for (const auto &[label, value] : fields)
        width = std::max(width, label.size());
    for (const auto &[label, value] : fields)
        out.line(label.leftJustified(width + 2) + value);
}

// ---- running the engine ----

// A rollout control, as the rollout engine names it (RolloutEngine::controlName: "pause" …).
using Action = Rollout::RolloutEngine::Control;

// The other Flotilla that runs the rollouts of this cache, for people: "flotilla" is the
// console.
QString driverText(Context &ctx)
{
    const QString name = ctx.session()->driverName();
    return name == QLatin1String("flotilla") ? Text::tr("the console")
        : name.isEmpty()                     ? Text::tr("another Flotilla")
                                             : Text::tr("another Flotilla (%1)").arg(name);
}

// Loads the rollouts, sharing the cache with the other Flotilla processes on it (the console).
// With `drive`, and when no other process drives the cache, this one runs the rollouts while
// the command runs; otherwise the rollouts are followed as the driver writes them to the cache
// and controls are asked of it.
int loadRollouts(Context &ctx, bool drive)
{
    Session::CloudSession *session = ctx.session();
    const bool first = !ctx.rollouts()->isStarted();
    if (!session->isSharing())
        session->startSharing();
    if (drive && !session->isDriving() && session->tryDrive())
        ctx.waitUntil([session] { return session->isDriving(); }, AnswerTimeoutMs);
    if (drive && first && !session->isDriving())
        ctx.out().note(Text::tr("The rollouts of this cache are run by %1: this command asks it "
                                "and follows what it does.")
                           .arg(driverText(ctx)));
    return ctx.startRollouts();
}

// Runs an action of the rollout engine, here when this process drives the cache, else asked of
// the process that does: the rollout's id (Start: the new one's), or 0 with the refusal in
// `error`.
qint64 control(
    Context &ctx, Action action, qint64 id, const Domain::RolloutSpec &spec, QString *error)
{
    // The answer may come after this command gave up waiting for it.
    auto answer = std::make_shared<std::optional<QPair<qint64, QString>>>();
    ctx.rollouts()->requestControl(action, id, spec,
        [answer](qint64 rolloutId, const QString &why) { *answer = qMakePair(rolloutId, why); });
    const bool here = ctx.session()->isDriving();
    if (!ctx.waitUntil([answer] { return answer->has_value(); }, here ? -1 : AnswerTimeoutMs)) {
        *error = Text::tr("%1 has not answered within a minute: the request stays in the cache, "
                          "and is run when it gets to it.")
                     .arg(driverText(ctx));
        return 0;
    }
    const auto &[rolloutId, why] = **answer;
    if (!why.isEmpty() || rolloutId <= 0) {
        *error = why.isEmpty() ? Text::tr("The rollout could not be started.") : why;
        return 0;
    }
    error->clear();
    return rolloutId;
}

// True once the cloud work the rollout's last step set off is sent: the current wave's requests
// (Release and Staged: its release; Lock: every device's lock), the cancellations of an abort,
// the locks of a rollback, a completed rollout's final release.
bool settled(const Domain::Rollout &r)
{
    const auto any = [&r](auto predicate) {
        return std::any_of(r.devices.cbegin(), r.devices.cend(), predicate);
    };
    if (any([](const Domain::RolloutDevice &d) {
            return d.state == Domain::RolloutDeviceState::Sending;
        }))
        return false;
    switch (r.state) {
    case RolloutState::Running: {
        const int w = currentWave(r);
        if (w < 0)
            return false;
        if (r.spec.method != RolloutMethod::Lock)
            return r.waves.at(w).released;
        return !any([w](const Domain::RolloutDevice &d) {
            return d.wave == w && d.state == Domain::RolloutDeviceState::Pending;
        });
    }
    case RolloutState::Aborted:
        return !any([](const Domain::RolloutDevice &d) {
            return d.state == Domain::RolloutDeviceState::Cancelled
                && d.stage == QLatin1String("cancelling");
        });
    case RolloutState::RollingBack:
        return !any([](const Domain::RolloutDevice &d) {
            return d.state == Domain::RolloutDeviceState::RollingBack && d.startedMs == 0;
        });
    case RolloutState::Completed:
        return r.finalReleaseDone || r.spec.method != RolloutMethod::Staged
            || !r.spec.releaseToNodesWhenDone;
    case RolloutState::Paused:
    case RolloutState::RolledBack:
        break;
    }
    return true;
}

// Waits (this process running the rollouts) until `id`'s last step is sent to the cloud: 0, or
// 4 (the cloud could not be reached in time; the rest is sent later) with the reason printed.
int waitSettled(Context &ctx, qint64 id)
{
    if (!ctx.session()->isDriving())
        return Done; // the driver sends it
    Rollout::RolloutEngine *engine = ctx.rollouts();
    const auto done = [engine, id] {
        const Domain::Rollout *r = engine->rollout(id);
        return !r || settled(*r);
    };
    if (done())
        return Done;
    ctx.out().note(Text::tr("Sending the requests to the cloud…"));
    if (ctx.waitUntil(done, SettleTimeoutMs))
        return Done;
    ctx.out().note(Text::tr("The cloud has not taken every request in time: the rest is sent "
                            "while Flotilla runs on this cache (the console, or \"flotillactl "
                            "rollout watch %1\").")
                       .arg(id));
    return Unreachable;
}

// A release changed where versions are released: the cache learns of it from a read of the
// fleet (the console from the product's event stream), so that `firmware ls` shows it. A failed
// read only leaves the cache as it was until the next one.
void rereadReleases(Context &ctx)
{
    if (const QString error = ctx.readFleet(); !error.isEmpty())
        ctx.out().note(Text::tr("The fleet could not be read again: %1").arg(error));
}

// When another process runs the rollouts: reads them again from the cache, so that what is
// printed shows what its driver made of a control.
void followDriver(Context &ctx)
{
    if (ctx.session()->isDriving())
        return;
    auto reloaded = std::make_shared<bool>(false);
    ctx.rollouts()->reloadFromCache([reloaded] { *reloaded = true; });
    ctx.waitUntil([reloaded] { return *reloaded; }, AnswerTimeoutMs);
}

// Flash or rollout start: prints the impact, asks, starts, waits for the first requests.
int startFlash(Context &ctx, const Domain::RolloutSpec &spec)
{
    if (const int status = loadRollouts(ctx, true); status != Done)
        return status;
    int targeted = 0;
    QJsonObject impact = printImpact(ctx, spec, &targeted);
    QJsonObject result {{QStringLiteral("impact"), impact}, {QStringLiteral("started"), false}};
    QString refusal = spec.validate();
    if (refusal.isEmpty() && targeted == 0)
        refusal = Text::tr("No device to flash: every selected device is skipped.");
    if (!refusal.isEmpty()) {
        ctx.out().setResult(result);
        ctx.out().finish(Partial, refusal);
        return Partial;
    }
    if (!ctx.confirm(Text::tr("Start?"))) {
        result.insert(QStringLiteral("error"), Text::tr("not confirmed"));
        ctx.out().setResult(result);
        return Partial;
    }
    QString error;
    const qint64 id = control(ctx, Action::Start, 0, spec, &error);
    if (id <= 0) {
        ctx.out().setResult(result);
        ctx.out().finish(Partial, error);
        return Partial;
    }
    const int sent = waitSettled(ctx, id);
    if (sent == Done && spec.method != RolloutMethod::Lock && ctx.session()->isDriving())
        rereadReleases(ctx);
    result.insert(QStringLiteral("started"), true);
    const Domain::Rollout *r = ctx.rollouts()->rollout(id);
    if (r)
        result.insert(QStringLiteral("rollout"), rolloutJson(*r, false));
    result.insert(QStringLiteral("id"), id);
    ctx.out().setResult(result);
    ctx.out().line(Text::tr("Started rollout %1 “%2”.").arg(id).arg(spec.title));
    if (spec.method == RolloutMethod::Staged && spec.effectiveWaves().size() > 1)
        ctx.out().note(Text::tr("The next waves start while Flotilla runs on this cache: the "
                                "console, or \"flotillactl rollout watch %1\".")
                           .arg(id));
    else
        ctx.out().note(Text::tr("Follow it with \"flotillactl rollout watch %1\".").arg(id));
    return sent;
}

// ---- commands ----

int runFirmwareLs(Context &ctx, const Arguments &)
{
    if (const int status = loadRollouts(ctx, false); status != Done)
        return status;
    const Sync::FleetState &fleet = ctx.fleet();
    const Domain::Hierarchy hierarchy = fleet.hierarchy();
    const Tree::RolloutSource rollouts = Tree::RolloutSource::of(ctx.rollouts());
    QHash<int, int> running;
    for (const Domain::Device &d : fleet.devices)
        ++running[d.firmwareVersion];
    QJsonArray list;
    QList<QStringList> rows;
    QList<Domain::Firmware> newestFirst = fleet.firmware.values();
    std::reverse(newestFirst.begin(), newestFirst.end());
    for (const Domain::Firmware &fw : std::as_const(newestFirst)) {
        QStringList released;
        if (fw.productDefault)
            released.append(Text::tr("product default"));
        const QString groups = Tree::releasedToText(hierarchy, rollouts, fw.groups);
        if (!groups.isEmpty())
            released.append(groups);
        QJsonArray nodes;
        for (const QString &group : fw.groups) {
            if (hierarchy.isNode(group))
                nodes.append(QJsonObject {{QStringLiteral("path"), group},
                    {QStringLiteral("title"), Domain::titlePath(hierarchy, group)}});
        }
        list.append(QJsonObject {{QStringLiteral("version"), fw.version},
            {QStringLiteral("title"), fw.title}, {QStringLiteral("notes"), fw.description},
            {QStringLiteral("uploaded"), isoOrNull(fw.uploadedMs)},
            {QStringLiteral("size"), fw.size},
            {QStringLiteral("product_default"), fw.productDefault},
            {QStringLiteral("released_to"), released.join(QStringLiteral(", "))},
            {QStringLiteral("released_nodes"), nodes},
            {QStringLiteral("running_on"), running.value(fw.version)}});
        rows.append({Text::tr("v%1").arg(fw.version), fw.title,
            fw.uploadedMs > 0 ? QDateTime::fromMSecsSinceEpoch(fw.uploadedMs, Qt::UTC)
                                    .date()
                                    .toString(Qt::ISODate)
                              : QString(),
            QString::number(running.value(fw.version)), released.join(QStringLiteral(", "))});
    }
    ctx.out().setResult(QJsonObject {{QStringLiteral("firmware"), list}});
    ctx.out().table({Text::tr("Version"), Text::tr("Title"), Text::tr("Uploaded"),
                        Text::tr("Running on"), Text::tr("Released to")},
        rows);
    return Done;
}

int runFirmwareUpload(Context &ctx, const Arguments &args)
{
    const QString path = args.positional().constFirst();
    const QString versionText = args.value(QStringLiteral("version"));
    const QString title = args.value(QStringLiteral("title")).trimmed();
    const int version = parseVersion(versionText);
    if (version == 0) {
        ctx.out().finish(Usage,
            versionText.isEmpty()
                ? Text::tr("Give the version with --version N.")
                : Text::tr("--version \"%1\": a number from 1 to 65535.").arg(versionText));
        return Usage;
    }
    if (title.isEmpty()) {
        ctx.out().finish(Usage, Text::tr("Give the firmware a title with --title T."));
        return Usage;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ctx.out().finish(Partial, Text::tr("%1 cannot be read: %2").arg(path, file.errorString()));
        return Partial;
    }
    const QByteArray binary = file.readAll();
    if (binary.isEmpty()) {
        ctx.out().finish(Partial, Text::tr("%1 is empty.").arg(path));
        return Partial;
    }
    if (const auto it = ctx.fleet().firmware.constFind(version);
        it != ctx.fleet().firmware.cend()) {
        ctx.out().finish(Partial,
            Text::tr("The product has a version %1 already (“%2”): upload a new version number.")
                .arg(version)
                .arg(it->title));
        return Partial;
    }
    const QString fileName = QFileInfo(path).fileName();
    const QString notes = args.value(QStringLiteral("notes"));
    QJsonObject result {{QStringLiteral("version"), version}, {QStringLiteral("title"), title},
        {QStringLiteral("notes"), notes}, {QStringLiteral("file"), fileName},
        {QStringLiteral("size"), static_cast<qint64>(binary.size())},
        {QStringLiteral("uploaded"), false}};
    ctx.out().line(Text::tr("Upload %1 (%Ln byte(s)) as version %2 “%3” of the product.", nullptr,
        static_cast<int>(binary.size()))
                       .arg(fileName)
                       .arg(version)
                       .arg(title));
    if (!ctx.confirm(Text::tr("Upload?"))) {
        result.insert(QStringLiteral("error"), Text::tr("not confirmed"));
        ctx.out().setResult(result);
        return Partial;
    }
    std::optional<QPair<std::optional<Domain::Firmware>, QString>> answer;
    ctx.rollouts()->uploadFirmware(version, title, notes, binary, fileName,
        [&answer](std::optional<Domain::Firmware> firmware, const QString &error) {
            answer = qMakePair(firmware, error);
        });
    ctx.waitUntil([&answer] { return answer.has_value(); });
    if (!answer->first) {
        ctx.out().setResult(result);
        const int status = ctx.engine()->isSignedOut() ? NotSignedIn
            : !ctx.engine()->isOnline()                ? Unreachable
                                                       : Partial;
        ctx.out().finish(status, answer->second);
        return status;
    }
    result.insert(QStringLiteral("uploaded"), true);
    ctx.out().setResult(result);
    ctx.out().line(Text::tr("Uploaded version %1 “%2”.").arg(version).arg(title));
    // The cache learns of it from a read of the fleet, so that the next command can flash it.
    return ctx.pull();
}

int runFlashLock(Context &ctx, const Arguments &args)
{
    int status = Done;
    const int version = productVersion(ctx, args.positional().constFirst(), &status);
    if (version == 0)
        return status;
    QStringList devices;
    for (const QString &text : args.positional().mid(1)) {
        QString error;
        const QString id = ctx.resolveDevice(text, &error);
        if (id.isEmpty()) {
            ctx.out().finish(Partial, error);
            return Partial;
        }
        if (!devices.contains(id))
            devices.append(id);
    }
    return startFlash(ctx, makeSpec(ctx, RolloutMethod::Lock, version, {}, devices));
}

int runFlashRelease(Context &ctx, const Arguments &args)
{
    int status = Done;
    const int version = productVersion(ctx, args.positional().constFirst(), &status);
    if (version == 0)
        return status;
    const std::optional<QStringList> nodes
        = targetNodes(ctx, args.values(QStringLiteral("to")) + args.positional().mid(1), &status);
    if (!nodes)
        return status;
    Domain::RolloutSpec spec = makeSpec(ctx, RolloutMethod::Release, version, *nodes, {});
    spec.intelligent = args.isSet(QStringLiteral("intelligent"));
    // A standard release reaches devices at their next handshake, spread over about a week.
    spec.deviceTimeoutS = spec.intelligent ? 24 * 3600 : 7 * 24 * 3600;
    return startFlash(ctx, spec);
}

int runRolloutStart(Context &ctx, const Arguments &args)
{
    int status = Done;
    const int version = productVersion(ctx, args.positional().constFirst(), &status);
    if (version == 0)
        return status;
    const std::optional<QStringList> nodes
        = targetNodes(ctx, args.values(QStringLiteral("to")) + args.positional().mid(1), &status);
    if (!nodes)
        return status;
    Domain::RolloutSpec spec = makeSpec(ctx, RolloutMethod::Staged, version, *nodes, {});
    spec.deviceTimeoutS = ctx.rolloutDefaults().deviceTimeoutS;
    if (args.isSet(QStringLiteral("timeout"))) {
        const std::optional<qint64> timeout = parseDuration(args.value(QStringLiteral("timeout")));
        if (!timeout) {
            ctx.out().finish(Usage,
                Text::tr("--timeout \"%1\": a duration such as 24h, 90m or 3600s.")
                    .arg(args.value(QStringLiteral("timeout"))));
            return Usage;
        }
        spec.deviceTimeoutS = *timeout;
    }
    const QStringList waveTexts = args.values(QStringLiteral("wave"));
    if (waveTexts.isEmpty()) {
        // The console's default plan: the test groups, 25%, the rest; without the test wave
        // when it has nothing to flash.
        spec.waves = Tree::defaultWaves(ctx.fleet().hierarchy(), *nodes, ctx.rolloutDefaults());
        if (const int loaded = loadRollouts(ctx, true); loaded != Done)
            return loaded;
        const Domain::FlashImpact impact
            = ctx.rollouts()->assess(spec.method, spec.version, spec.nodes, spec.devices);
        QList<Domain::RolloutDevice> devices = impact.devices;
        const QList<int> counts = Domain::assignWaves(spec, devices);
        if (!spec.waves.constFirst().nodes.isEmpty() && counts.value(0) == 0)
            spec.waves.removeFirst();
    } else {
        for (const QString &text : waveTexts) {
            QString error;
            const std::optional<Domain::WaveSpec> wave
                = parseWave(ctx, text, *nodes, &status, &error);
            if (!wave) {
                ctx.out().finish(status, error);
                return status;
            }
            spec.waves.append(*wave);
        }
    }
    return startFlash(ctx, spec);
}

// ID → the rollout, or nothing with the reason printed (2: not a number; 1: no such rollout).
const RolloutRecord *findRollout(Context &ctx, const QString &text, bool drive, int *status)
{
    bool ok = false;
    const qint64 id = text.trimmed().toLongLong(&ok);
    if (!ok || id <= 0) {
        *status = Usage;
        ctx.out().finish(Usage,
            Text::tr("\"%1\" is not a rollout ID (\"flotillactl rollout ls\" "
                     "lists them).")
                .arg(text));
        return nullptr;
    }
    if (const int loaded = loadRollouts(ctx, drive); loaded != Done) {
        *status = loaded;
        return nullptr;
    }
    const Domain::Rollout *r = ctx.rollouts()->rollout(id);
    if (!r) {
        *status = Partial;
        ctx.out().finish(Partial,
            Text::tr("There is no rollout %1 (\"flotillactl rollout ls\" lists them).").arg(id));
    }
    return r;
}

int runRolloutLs(Context &ctx, const Arguments &)
{
    if (const int status = loadRollouts(ctx, false); status != Done)
        return status;
    Rollout::RolloutEngine *engine = ctx.rollouts();
    QJsonArray list;
    QList<QStringList> rows;
    for (const qint64 id : engine->rolloutIds()) {
        const Domain::Rollout *r = engine->rollout(id);
        if (!r)
            continue;
        list.append(rolloutJson(*r, false));
        const Domain::WaveCounts c = totalCounts(*r);
        const int w = currentWave(*r);
        rows.append({QString::number(id), Tree::rolloutTitle(*r), methodTitle(r->spec.method),
            Domain::displayName(r->state),
            r->waves.size() > 1 && w >= 0 ? QStringLiteral("%1/%2").arg(w + 1).arg(r->waves.size())
                                          : QString(),
            QStringLiteral("%1/%2").arg(c.succeeded).arg(c.total), QString::number(c.failures()),
            isoTime(r->createdMs)});
    }
    ctx.out().setResult(QJsonObject {{QStringLiteral("rollouts"), list}});
    ctx.out().table(
        {Text::tr("ID"), Text::tr("Rollout"), Text::tr("Method"), Text::tr("State"),
            Text::tr("Wave"), Text::tr("Succeeded"), Text::tr("Failed"), Text::tr("Started")},
        rows);
    return Done;
}

int runRolloutShow(Context &ctx, const Arguments &args)
{
    int status = Done;
    const Domain::Rollout *r = findRollout(ctx, args.positional().constFirst(), false, &status);
    if (!r)
        return status;
    ctx.out().setResult(rolloutJson(*r, true));
    const QList<QPair<QString, QString>> fields {
        {Text::tr("Rollout:"), QStringLiteral("%1 “%2”").arg(r->id).arg(Tree::rolloutTitle(*r))},
        {Text::tr("Method:"), methodTitle(r->spec.method)},
        {Text::tr("Version:"), Text::tr("v%1").arg(r->spec.version)},
        {Text::tr("State:"),
            r->stateReason.isEmpty()
                ? Domain::displayName(r->state)
                : QStringLiteral("%1 (%2)").arg(Domain::displayName(r->state), r->stateReason)},
        {Text::tr("Progress:"), progressText(*r)}, {Text::tr("Started:"), isoTime(r->createdMs)},
        {Text::tr("Finished:"), isoTime(r->finishedMs)},
        {Text::tr("Device timeout:"), durationText(r->spec.deviceTimeoutS)},
        {Text::tr("Requests:"), QString::number(r->requests)}};
    printFields(ctx.out(), fields);
    const QList<Domain::WaveSpec> waves = r->spec.effectiveWaves();
    QList<QStringList> waveRows;
    for (int w = 0; w < r->waves.size(); ++w) {
        const Domain::WaveSpec wave = waves.value(w);
        const Domain::WaveCounts c = Domain::countWave(r->devices, w);
        waveRows.append(
            {QString::number(w + 1), wave.name.isEmpty() ? Domain::waveTitle(wave) : wave.name,
                Domain::toString(r->waves.at(w).state), QString::number(c.total),
                QString::number(c.succeeded), QString::number(c.failures()),
                QString::number(c.active()), QString::number(c.cancelled + c.rolledBack),
                QStringLiteral("%1 / %2").arg(wave.success.toString(), wave.failure.toString())});
    }
    ctx.out().line(QString());
    ctx.out().table({Text::tr("Wave"), Text::tr("Name"), Text::tr("State"), Text::tr("Devices"),
                        Text::tr("Succeeded"), Text::tr("Failed"), Text::tr("In flight"),
                        Text::tr("Cancelled / back"), Text::tr("Next at / pause at")},
        waveRows);
    // The devices that need a look: failed and timed out.
    QList<QStringList> problemRows;
    for (const Domain::RolloutDevice &d : r->devices) {
        if (d.state == Domain::RolloutDeviceState::Failed
            || d.state == Domain::RolloutDeviceState::TimedOut)
            problemRows.append({d.name.isEmpty() ? d.id : d.name, d.id,
                Tree::rolloutNodeTitle(*r, d.node), Domain::displayName(d.state), d.reason});
    }
    if (!problemRows.isEmpty()) {
        ctx.out().line(QString());
        ctx.out().table({Text::tr("Device"), Text::tr("ID"), Text::tr("Where"), Text::tr("State"),
                            Text::tr("Why")},
            problemRows);
    }
    return Done;
}

// What a control will do to `r`, said before it is asked for; empty when it does not apply
// (`refusal` says why, in the engine's words for the same rules).
QString controlEffect(const Domain::Rollout &r, Action action, QString *refusal)
{
    const QString name = QStringLiteral("%1 “%2”").arg(r.id).arg(Tree::rolloutTitle(r));
    const int w = currentWave(r);
    const Domain::WaveCounts all = totalCounts(r);
    const bool runningOrPaused
        = r.state == RolloutState::Running || r.state == RolloutState::Paused;
    switch (action) {
    case Action::Start:
    case Action::Remove:
        break;
    case Action::Pause:
        if (r.state != RolloutState::Running) {
            *refusal = Text::tr("Only a running rollout can be paused.");
            return {};
        }
        return Text::tr("Rollout %1 pauses: no new wave starts and no new request is sent; %Ln "
                        "device(s) already targeted go on.",
            nullptr, all.waiting + all.updating)
            .arg(name);
    case Action::Resume:
        if (r.state != RolloutState::Paused) {
            *refusal = Text::tr("Only a paused rollout can be resumed.");
            return {};
        }
        return r.pausedForFailures && w >= 0
            ? Text::tr("Rollout %1 resumes; the failures of wave %2 are accepted.")
                  .arg(name)
                  .arg(w + 1)
            : Text::tr("Rollout %1 resumes.").arg(name);
    case Action::NextWave: {
        if (!runningOrPaused) {
            *refusal = Text::tr("Only a running or paused rollout can start its next wave.");
            return {};
        }
        if (w + 1 >= r.waves.size()) {
            *refusal = Text::tr("The rollout is in its last wave.");
            return {};
        }
        const Domain::WaveSpec next = r.spec.effectiveWaves().value(w + 1);
        return Text::tr("Rollout %1 starts wave %2 “%3” now: %Ln device(s).", nullptr,
            Domain::countWave(r.devices, w + 1).total)
            .arg(name)
            .arg(w + 2)
            .arg(next.name.isEmpty() ? Domain::waveTitle(next) : next.name);
    }
    case Action::Abort:
        if (!runningOrPaused) {
            *refusal = Text::tr("Only a running or paused rollout can be aborted.");
            return {};
        }
        return Text::tr("Rollout %1 is aborted: %2 device(s) not started yet are cancelled, %3 "
                        "updating finish, %4 updated stay as they are.")
            .arg(name)
            .arg(all.pending)
            .arg(all.waiting + all.updating)
            .arg(all.succeeded);
    case Action::Rollback: {
        if (r.state == RolloutState::RollingBack || r.state == RolloutState::RolledBack) {
            *refusal = Text::tr("The rollout is already rolled back.");
            return {};
        }
        QMap<int, int> back;
        for (const Domain::RolloutDevice &d : r.devices) {
            if ((d.state == Domain::RolloutDeviceState::Succeeded
                    || d.state == Domain::RolloutDeviceState::Updating)
                && d.previousVersion > 0)
                ++back[d.previousVersion];
        }
        int count = 0;
        for (const int n : back)
            count += n;
        return (runningOrPaused ? Text::tr("Rollout %1 is aborted and rolled back: ").arg(name)
                                : Text::tr("Rollout %1 is rolled back: ").arg(name))
            + (count == 0 ? Text::tr("no device runs v%1 yet.").arg(r.spec.version)
                          : Text::tr("%Ln device(s) return from v%1 to their previous version "
                                     "(%2) and stay locked to it.",
                              nullptr, count)
                                .arg(r.spec.version)
                                .arg(versionsText(back)));
    }
    }
    return {};
}

int runControl(Context &ctx, const Arguments &args, Action action)
{
    int status = Done;
    const Domain::Rollout *r = findRollout(ctx, args.positional().constFirst(), true, &status);
    if (!r)
        return status;
    const qint64 id = r->id;
    QJsonObject result {{QStringLiteral("id"), id},
        {QStringLiteral("action"), Rollout::RolloutEngine::controlName(action)},
        {QStringLiteral("done"), false}};
    QString refusal;
    const QString effect = controlEffect(*r, action, &refusal);
    if (effect.isEmpty()) {
        result.insert(QStringLiteral("rollout"), rolloutJson(*r, false));
        ctx.out().setResult(result);
        ctx.out().finish(Partial, refusal);
        return Partial;
    }
    result.insert(QStringLiteral("effect"), effect);
    ctx.out().line(effect);
    if (!ctx.confirm(Text::tr("Apply?"))) {
        result.insert(QStringLiteral("error"), Text::tr("not confirmed"));
        ctx.out().setResult(result);
        return Partial;
    }
    QString error;
    control(ctx, action, id, {}, &error);
    if (!error.isEmpty()) {
        if (const Domain::Rollout *now = ctx.rollouts()->rollout(id))
            result.insert(QStringLiteral("rollout"), rolloutJson(*now, false));
        ctx.out().setResult(result);
        ctx.out().finish(Partial, error);
        return Partial;
    }
    const int sent = waitSettled(ctx, id);
    followDriver(ctx);
    result.insert(QStringLiteral("done"), true);
    if (const Domain::Rollout *now = ctx.rollouts()->rollout(id)) {
        result.insert(QStringLiteral("rollout"), rolloutJson(*now, false));
        ctx.out().line(Text::tr("Rollout %1: %2.").arg(id).arg(Domain::displayName(now->state)));
    }
    ctx.out().setResult(result);
    return sent;
}

int runRolloutWatch(Context &ctx, const Arguments &args)
{
    // The rollout runs here while it is watched: its devices' events are followed.
    ctx.setLiveEvents(true);
    int status = ctx.open();
    if (status != Done)
        return status;
    const Domain::Rollout *found = findRollout(ctx, args.positional().constFirst(), true, &status);
    if (!found)
        return status;
    const qint64 id = found->id;
    Rollout::RolloutEngine *engine = ctx.rollouts();
    Session::CloudSession *session = ctx.session();
    // Followed from the cache while another process runs it; run here once that one is gone.
    QTimer takeOver;
    takeOver.setInterval(2000);
    QObject::connect(&takeOver, &QTimer::timeout, session, [session] {
        if (!session->isDriving())
            session->tryDrive();
    });
    takeOver.start();
    QString last;
    QString lastPhase; // state and wave: a change is printed at once
    QElapsedTimer sinceLine;
    QString problem;
    const QMetaObject::Connection problems
        = QObject::connect(engine, &Rollout::RolloutEngine::problem, engine,
            [&ctx, &problem, id](qint64 of, const QString &m) {
                if (of == id && m != problem) {
                    problem = m;
                    ctx.out().note(Text::tr("Problem: %1").arg(m));
                }
            });
    const auto finished = [engine, session, id, &ctx, &last, &lastPhase, &sinceLine] {
        const Domain::Rollout *r = engine->rollout(id);
        if (!r)
            return true;
        const QString line
            = QStringLiteral("%1 — %2").arg(Domain::displayName(r->state), progressText(*r))
            + (r->stateReason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r->stateReason));
        const Domain::WaveCounts c = totalCounts(*r);
        const QString phase = QStringLiteral("%1/%2/%3")
                                  .arg(Domain::toString(r->state))
                                  .arg(currentWave(*r))
                                  .arg(r->stateReason);
        // Counts change with every device: a line for them at most every two seconds.
        const bool ended = r->state == RolloutState::Completed || r->state == RolloutState::Aborted
            || r->state == RolloutState::RolledBack
            || (r->state == RolloutState::Paused && r->pausedForFailures);
        if (line != last
            && (phase != lastPhase || ended || !sinceLine.isValid()
                || sinceLine.hasExpired(2000))) {
            last = line;
            lastPhase = phase;
            sinceLine.start();
            ctx.out().note(QStringLiteral("%1  %2").arg(
                QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")), line));
        }
        ctx.out().progress(Text::tr("Rollout %1").arg(id),
            c.succeeded + c.failures() + c.cancelled + c.rolledBack, c.total);
        // A finished rollout's last cloud work (its final release, cancellations) first, when
        // it is sent from here.
        return ended && (!session->isDriving() || settled(*r));
    };
    ctx.waitUntil(finished);
    QObject::disconnect(problems);
    ctx.out().endProgress();
    const Domain::Rollout *r = engine->rollout(id);
    if (!r) {
        ctx.out().finish(Partial, Text::tr("Rollout %1 was removed.").arg(id));
        return Partial;
    }
    ctx.out().setResult(rolloutJson(*r, true));
    ctx.out().line(
        Text::tr("Rollout %1 “%2”: %3 — %4.")
            .arg(id)
            .arg(Tree::rolloutTitle(*r), Domain::displayName(r->state), progressText(*r)));
    switch (r->state) {
    case RolloutState::Completed:
        return Done;
    case RolloutState::Paused:
        ctx.out().finish(Partial,
            Text::tr("Rollout %1 paused: %2. \"flotillactl rollout resume %1\" accepts the "
                     "failures and goes on; \"rollout rollback %1\" takes it back.")
                .arg(id)
                .arg(r->stateReason));
        return Partial;
    default:
        ctx.out().finish(Partial,
            Text::tr("Rollout %1 did not complete: %2%3.")
                .arg(id)
                .arg(Domain::displayName(r->state))
                .arg(r->stateReason.isEmpty() ? QString()
                                              : QStringLiteral(" (%1)").arg(r->stateReason)));
        return Partial;
    }
}

Command rolloutCommand(const QString &word, const QString &summary, const QString &help,
    std::function<int(Context &, const Arguments &)> run)
{
    Command c;
    c.words = {QStringLiteral("rollout"), word};
    c.synopsis = QStringLiteral("ID");
    c.summary = summary;
    c.help = help;
    c.minArguments = 1;
    c.maxArguments = 1;
    c.run = std::move(run);
    return c;
}

} // namespace

QList<Command> firmwareCommands()
{
    QList<Command> commands;
    {
        Command c;
        c.words = {QStringLiteral("firmware"), QStringLiteral("ls")};
        c.summary = Text::tr("The product's firmware versions, where they are released and run");
        c.run = runFirmwareLs;
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("firmware"), QStringLiteral("upload")};
        c.synopsis = QStringLiteral("FILE --version N --title T [--notes …]");
        c.summary = Text::tr("Uploads a firmware binary as a new version of the product");
        c.help = Text::tr("FILE: the binary (.bin). The version must be new to the product.");
        c.options = {QCommandLineOption(QStringLiteral("version"),
                         Text::tr("The version number (1–65535)."), QStringLiteral("N")),
            QCommandLineOption(
                QStringLiteral("title"), Text::tr("The version's title."), QStringLiteral("T")),
            QCommandLineOption(
                QStringLiteral("notes"), Text::tr("Release notes."), QStringLiteral("…"))};
        c.minArguments = 1;
        c.maxArguments = 1;
        c.run = runFirmwareUpload;
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("flash"), QStringLiteral("lock")};
        c.synopsis = QStringLiteral("VERSION DEVICE…");
        c.summary = Text::tr("Locks devices to a version and flashes them now (lock and flash)");
        c.help = Text::tr(
            "DEVICE: a device ID, serial number, ICCID, IMEI or name. Online devices are flashed "
            "now, offline ones at their next handshake; existing locks are replaced, downgrades "
            "are possible. Prints the impact and asks unless --yes; the rollout is followed with "
            "\"rollout watch ID\".");
        c.minArguments = 2;
        c.maxArguments = -1;
        c.run = runFlashLock;
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("flash"), QStringLiteral("release")};
        c.synopsis = QStringLiteral("VERSION --to PATH… [--intelligent]");
        c.summary = Text::tr("Releases a version to customers' and groups' devices");
        c.help = Text::tr(
            "PATH: a path (acme--berlin) or titles (\"Acme Logistics/Berlin depot\"); several "
            "with --to PATH --to PATH or --to PATH PATH. Devices that join them later get it too. "
            "Standard: devices update at their next handshake (over about a week); "
            "--intelligent: online devices update now. Locked devices and devices held by a "
            "higher release elsewhere are skipped (flash lock reaches them).");
        c.options = {QCommandLineOption(QStringLiteral("to"),
                         Text::tr("A customer or group to release to."), QStringLiteral("PATH")),
            QCommandLineOption(
                QStringLiteral("intelligent"), Text::tr("Push the update to online devices now."))};
        c.minArguments = 1;
        c.maxArguments = -1;
        c.run = runFlashRelease;
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("rollout"), QStringLiteral("start")};
        c.synopsis = QStringLiteral(
            "VERSION --to PATH… [--wave GROUP_OR_PERCENT[:success%[:failure%]]]… [--timeout 24h]");
        c.summary = Text::tr("Starts a staged rollout: waves of devices, with thresholds");
        c.help = Text::tr(
            "Each --wave, in order: a group under the targets (the test group) or a share of the "
            "devices left (\"25%\"), with the success threshold that starts the next wave (95% "
            "unless given) and the failure threshold that pauses the rollout (10%): "
            "--wave acme--berlin--test:100%:1 --wave 25% --wave 100%. The last wave takes every "
            "device left. Without --wave: the console's plan (the test groups, 25%, the rest). "
            "--timeout: how long a device may take (24h, 90m, 3600s). Prints the impact per wave "
            "and asks unless --yes. The first wave starts now; the next ones while Flotilla runs "
            "on the cache (the console, or \"rollout watch ID\").");
        c.options = {QCommandLineOption(QStringLiteral("to"),
                         Text::tr("A customer or group to roll out to."), QStringLiteral("PATH")),
            QCommandLineOption(QStringLiteral("wave"), Text::tr("A wave, in order (repeatable)."),
                QStringLiteral("GROUP_OR_PERCENT[:success%[:failure%]]")),
            QCommandLineOption(QStringLiteral("timeout"), Text::tr("Device timeout (default 24h)."),
                QStringLiteral("24h"))};
        c.minArguments = 1;
        c.maxArguments = -1;
        c.run = runRolloutStart;
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("rollout"), QStringLiteral("ls")};
        c.summary = Text::tr("The rollouts: state, wave, progress");
        c.run = runRolloutLs;
        commands.append(c);
    }
    commands.append(rolloutCommand(QStringLiteral("show"),
        Text::tr("One rollout: its waves, progress and failed devices"),
        Text::tr("With --json also every device of the rollout."), runRolloutShow));
    commands.append(rolloutCommand(QStringLiteral("pause"),
        Text::tr("Pauses a rollout: no new wave, no new request"),
        Text::tr("Devices already targeted go on."),
        [](Context &ctx, const Arguments &args) { return runControl(ctx, args, Action::Pause); }));
    commands.append(rolloutCommand(QStringLiteral("resume"), Text::tr("Resumes a paused rollout"),
        Text::tr("After a pause for failures, the failures of that wave are accepted."),
        [](Context &ctx, const Arguments &args) { return runControl(ctx, args, Action::Resume); }));
    commands.append(
        rolloutCommand(QStringLiteral("next"), Text::tr("Starts a rollout's next wave now"),
            Text::tr("Skips the success threshold (and a pause)."),
            [](Context &ctx, const Arguments &args) {
                return runControl(ctx, args, Action::NextWave);
            }));
    commands.append(rolloutCommand(QStringLiteral("abort"), Text::tr("Aborts a rollout"),
        Text::tr("Devices not started yet are cancelled; devices updating finish; updated "
                 "devices stay as they are."),
        [](Context &ctx, const Arguments &args) { return runControl(ctx, args, Action::Abort); }));
    commands.append(rolloutCommand(QStringLiteral("rollback"),
        Text::tr("Returns a rollout's updated devices to their previous version"),
        Text::tr("Aborts it if needed; the devices are locked to their previous version and "
                 "flashed, and stay locked."),
        [](Context &ctx, const Arguments &args) {
            return runControl(ctx, args, Action::Rollback);
        }));
    commands.append(rolloutCommand(QStringLiteral("watch"),
        Text::tr("Follows a rollout until it completes, is aborted or rolled back"),
        Text::tr("A line per change (and a progress bar on a terminal); --json: the final state. "
                 "Exit status 0 when it completed; 1 when it was aborted, rolled back or paused "
                 "for failures (the reason printed). The rollout runs while it is watched."),
        runRolloutWatch));
    commands.last().needs = Command::Needs::Nothing; // it opens the cache itself, live
    return commands;
}

} // namespace Flotilla::Ctl
