// SPDX-License-Identifier: MIT
#include "app/ctl/context.h"

#include "domain/hierarchy.h"
#include "domain/moves.h"
#include "domain/nodepath.h"
#include "edit/fleeteditor.h"
#include "rollout/rolloutengine.h"
#include "session/cloudaccount.h"
#include "session/cloudsession.h"
#include "session/credentials.h"
#include "session/preferences.h"
#include "session/profiles.h"
#include "sync/syncengine.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define FLOTILLA_ISATTY _isatty
#define FLOTILLA_FILENO _fileno
#else
#include <unistd.h>
#define FLOTILLA_ISATTY isatty
#define FLOTILLA_FILENO fileno
#endif

namespace Flotilla::Ctl {

namespace {

bool isTerminal(FILE *stream)
{
    return FLOTILLA_ISATTY(FLOTILLA_FILENO(stream)) != 0;
}

void write(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

std::shared_ptr<Remote::TokenStore> tokenStore()
{
    const bool memory = qEnvironmentVariable("FLOTILLA_TOKEN_STORE") == QLatin1String("memory");
    return Session::Credentials::makeStore(memory ? Session::Credentials::Keeping::MemoryOnly
                                                  : Session::Credentials::Keeping::Keychain);
}

bool stdinIsTerminal()
{
    return isTerminal(stdin);
}

QString isoTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QString();
}

QJsonValue isoOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(isoTime(ms)) : QJsonValue();
}

// ---- Output ----

Output::Output(bool json)
    : m_json(json)
{ }

void Output::line(const QString &text)
{
    endProgress();
    write(m_json ? stderr : stdout, text + QLatin1Char('\n'));
}

void Output::note(const QString &text)
{
    endProgress();
    write(stderr, text + QLatin1Char('\n'));
}

void Output::table(const QStringList &headers, const QList<QStringList> &rows)
{
    // As many columns as the widest row has (a key/value table has no headers).
    qsizetype columns = headers.size();
    for (const QStringList &row : rows)
        columns = std::max(columns, row.size());
    QList<qsizetype> widths(columns, 0);
    const auto measure = [&widths](const QStringList &cells) {
        for (qsizetype i = 0; i < cells.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], cells.at(i).size());
    };
    measure(headers);
    for (const QStringList &row : rows)
        measure(row);
    const auto format = [&widths](const QStringList &cells) {
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const bool last = i + 1 == cells.size();
            text += last ? cells.at(i) : cells.at(i).leftJustified(widths.value(i) + 2);
        }
        return text;
    };
    if (std::any_of(
            headers.cbegin(), headers.cend(), [](const QString &h) { return !h.isEmpty(); }))
        line(format(headers));
    for (const QStringList &row : rows)
        line(format(row));
}

void Output::progress(const QString &what, qint64 done, qint64 total)
{
    if (!isTerminal(stderr))
        return;
    const int width = 30;
    const qint64 filled = total > 0 ? std::min<qint64>(width, done * width / total) : 0;
    const QString bar
        = QString(filled, QLatin1Char('#')) + QString(width - filled, QLatin1Char('.'));
    write(stderr,
        QStringLiteral("\r%1 [%2] %3/%4").arg(what, bar).arg(done).arg(total)
            + QStringLiteral("\x1b[K"));
    m_progressShown = true;
}

void Output::endProgress()
{
    if (!m_progressShown)
        return;
    m_progressShown = false;
    write(stderr, QStringLiteral("\n"));
}

void Output::setResult(const QJsonValue &result)
{
    m_result = result;
}

void Output::finish(int status, const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    endProgress();
    if (!error.isEmpty())
        write(stderr, QStringLiteral("flotillactl: %1\n").arg(error));
    if (!m_json)
        return;
    QJsonValue document = m_result.value_or(QJsonValue());
    if (!m_result) {
        document = QJsonObject {{QStringLiteral("error"), error.isEmpty() ? QJsonValue() : error},
            {QStringLiteral("status"), status}};
    } else if (status != Done && document.isObject()) {
        QJsonObject o = document.toObject();
        if (!o.contains(QStringLiteral("status")))
            o.insert(QStringLiteral("status"), status);
        if (!error.isEmpty() && !o.contains(QStringLiteral("error")))
            o.insert(QStringLiteral("error"), error);
        document = o;
    }
    const QByteArray bytes = document.isArray()
        ? QJsonDocument(document.toArray()).toJson(QJsonDocument::Indented)
        : QJsonDocument(document.toObject()).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

// ---- Context ----

Context::Context(const Globals &globals, Output *out)
    : m_globals(globals)
    , m_out(out)
    , m_preferences(std::make_unique<Session::Preferences>(Session::Preferences::load()))
{
    // Every request of the command (sign-in, the session) goes through the proxy the console
    // is set to (never for a sandbox on this computer).
    m_preferences->applyProxy();
}

Domain::RolloutDefaults Context::rolloutDefaults() const
{
    return m_preferences->rolloutDefaults();
}

Context::~Context()
{
    // The editor and its commands refer to the engine: they go first, the session last.
    if (m_undoStack)
        m_undoStack->clear();
    m_editor.reset();
    m_undoStack.reset();
    m_session.reset();
}

Sync::SyncEngine *Context::engine() const
{
    return m_session ? m_session->engine() : nullptr;
}

Rollout::RolloutEngine *Context::rollouts() const
{
    return m_session ? m_session->rollouts() : nullptr;
}

const Sync::FleetState &Context::fleet() const
{
    return engine()->state();
}

bool Context::waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer::Forever : QDeadlineTimer(timeoutMs));
    QEventLoop loop;
    // Every event may change what `done` looks at; a slow tick bounds the wait for one.
    QTimer tick;
    tick.setInterval(50);
    QObject::connect(&tick, &QTimer::timeout, &loop, &QEventLoop::quit);
    tick.start();
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        loop.exec();
    }
    return true;
}

int Context::resolveConnection()
{
    Connection &c = m_connection;
    if (!m_globals.profile.isEmpty()
        && (!m_globals.api.isEmpty() || !m_globals.product.isEmpty())) {
        m_out->finish(Usage, Text::tr("--profile, or --api with --product: not both."));
        return Usage;
    }
    if (!m_globals.api.isEmpty() || !m_globals.product.isEmpty()) {
        if (m_globals.api.isEmpty() || m_globals.product.isEmpty()) {
            m_out->finish(Usage, Text::tr("--api URL and --product ID_OR_SLUG go together."));
            return Usage;
        }
        QString error;
        c.apiUrl = Session::CloudSession::apiUrlFromUserInput(m_globals.api, &error);
        if (!error.isEmpty()) {
            m_out->finish(Usage, error);
            return Usage;
        }
        c.product = m_globals.product;
        bool numeric = false;
        const int id = c.product.toInt(&numeric);
        c.productId = numeric && id > 0 ? id : 0;
    } else {
        const QString name
            = m_globals.profile.isEmpty() ? Session::Profiles::defaultName() : m_globals.profile;
        if (name.isEmpty()) {
            m_out->finish(NotSignedIn,
                Session::Profiles::all().isEmpty()
                    ? Text::tr("Not signed in: sign in with \"flotillactl login\", or name a "
                               "cloud with --api URL --product ID.")
                    : Text::tr("Several profiles and none is the default: choose one with "
                               "--profile NAME (\"flotillactl profiles\" lists them)."));
            return NotSignedIn;
        }
        const std::optional<Session::Profile> profile = Session::Profiles::find(name);
        if (!profile) {
            m_out->finish(Usage,
                Text::tr("There is no profile \"%1\" (\"flotillactl profiles\" lists them).")
                    .arg(name));
            return Usage;
        }
        c.profile = profile->name;
        c.apiUrl = profile->apiUrl;
        c.productId = profile->productId;
        c.product = QString::number(profile->productId);
        c.cachePath = profile->cachePath;
        c.username = profile->username;
    }

    // The token: FLOTILLA_TOKEN for scripts, else the one kept in the keychain for this cloud.
    const QString fromEnvironment = qEnvironmentVariable("FLOTILLA_TOKEN").trimmed();
    if (!fromEnvironment.isEmpty()) {
        c.token = fromEnvironment;
        c.tokenSource = QStringLiteral("FLOTILLA_TOKEN");
    } else {
        const std::shared_ptr<Remote::TokenStore> store = tokenStore();
        const Session::Credentials credentials(store.get());
        bool answered = false;
        QObject guard;
        credentials.readToken(
            c.apiUrl, c.username, &guard, [&](std::optional<QString> token, const QString &error) {
                answered = true;
                if (!error.isEmpty())
                    m_out->note(Text::tr("The system keychain cannot be read: %1").arg(error));
                if (token && !token->isEmpty()) {
                    c.token = *token;
                    c.tokenSource = QStringLiteral("keychain");
                }
            });
        waitUntil([&answered] { return answered; }, 30000);
    }

    if (c.productId == 0) {
        // A product named by its slug: the cloud says which ID it has.
        if (c.token.isEmpty()) {
            m_out->finish(NotSignedIn,
                Text::tr("Not signed in: set FLOTILLA_TOKEN or sign in with \"flotillactl "
                         "login\" to find the product \"%1\".")
                    .arg(c.product));
            return NotSignedIn;
        }
        Session::CloudAccount account(c.apiUrl, c.token);
        std::optional<Session::CloudAccount::Products> answer;
        account.products(nullptr, [&answer](Session::CloudAccount::Products p) { answer = p; });
        waitUntil([&answer] { return answer.has_value(); });
        if (answer->failure != Session::CloudAccount::Failure::None) {
            const int status = answer->failure == Session::CloudAccount::Failure::Refused
                ? NotSignedIn
                : answer->failure == Session::CloudAccount::Failure::Unreachable ? Unreachable
                                                                                 : Partial;
            m_out->finish(status, Text::tr("The products cannot be read: %1").arg(answer->error));
            return status;
        }
        const Domain::Product *product
            = Session::CloudAccount::findProduct(answer->products, c.product);
        if (!product) {
            m_out->finish(Usage,
                Text::tr("The cloud has no product \"%1\" that this token may use.")
                    .arg(c.product));
            return Usage;
        }
        c.productId = product->id;
    }
    if (!m_globals.cache.isEmpty())
        c.cachePath = m_globals.cache;
    if (c.cachePath.isEmpty())
        c.cachePath = m_preferences->cachePath(c.apiUrl, c.productId);
    return Done;
}

int Context::open(bool pull)
{
    if (const int status = resolveConnection(); status != Done)
        return status;
    if (const int status = openCache(); status != Done)
        return status;
    if (pull || engine()->lastFullPullMs() <= 0) {
        if (!pull)
            m_out->note(Text::tr("The local cache has no fleet yet: reading it from the cloud…"));
        if (const int status = this->pull(); status != Done)
            return status;
    }
    return Done;
}

int Context::openCache()
{
    Session::SessionConfig config;
    config.apiUrl = m_connection.apiUrl;
    config.productId = m_connection.productId;
    config.actor = qEnvironmentVariable("USER", QStringLiteral("operator"));
    if (!m_connection.profile.isEmpty()) {
        if (const std::optional<Session::Profile> p = Session::Profiles::find(m_connection.profile);
            p && !p->username.isEmpty())
            config.actor = p->username;
    }
    config.liveEvents = m_liveEvents;
    // A console open on the same cache keeps driving it; this process takes the lease only
    // for the cloud work of a command, when it is free (waitForPush, the rollout commands).
    config.driveWhenFree = false;
    config.source = QStringLiteral("flotillactl"); // on the activity log's lines
    config.rateSharePercent = m_preferences->rateSharePercent;
    m_session = std::make_unique<Session::CloudSession>(config);
    if (!m_connection.token.isEmpty())
        m_session->setAccessToken(m_connection.token);
    // The product's OAuth client, as the console keeps it in the keychain (claims to customer
    // accounts need it).
    {
        const std::shared_ptr<Remote::TokenStore> store = tokenStore();
        const Session::Credentials credentials(store.get());
        QObject here;
        bool answered = false;
        credentials.readProductClient(m_connection.apiUrl, m_connection.productId, &here,
            [this, &answered](const QString &id, const QString &secret, const QString &) {
                answered = true;
                if (!id.isEmpty() && !secret.isEmpty())
                    m_session->setProductClient(id, secret);
            });
        waitUntil([&answered] { return answered; }, 30000);
    }

    std::optional<QString> opened;
    m_session->openCache(
        m_connection.cachePath, nullptr, [&opened](const QString &error) { opened = error; });
    waitUntil([&opened] { return opened.has_value(); });
    if (!opened->isEmpty()) {
        m_out->finish(Partial, Text::tr("The local cache cannot be used: %1").arg(*opened));
        return Partial;
    }

    Sync::SyncEngine *sync = engine();
    QString problem;
    QObject::connect(sync, &Sync::SyncEngine::cacheUnusable, sync,
        [&problem](const QString &reason) { problem = reason; });
    QObject::connect(sync, &Sync::SyncEngine::cacheDamaged, sync, [&problem] {
        problem = Text::tr("the cache is damaged and holds changes not sent yet: open the "
                           "console to repair it");
    });
    QObject::connect(sync, &Sync::SyncEngine::changeFailed, sync,
        [this](const QString &what, const QString &reason) {
            m_refusals.append(Text::tr("%1: %2").arg(what, reason));
        });
    sync->start(false);
    waitUntil([&] { return sync->isLoaded() || !problem.isEmpty(); });
    if (!problem.isEmpty()) {
        m_out->finish(Partial, Text::tr("The local cache cannot be used: %1").arg(problem));
        return Partial;
    }
    m_session->startSharing();
    m_undoStack = std::make_unique<QUndoStack>();
    m_editor = std::make_unique<Edit::FleetEditor>(sync, m_undoStack.get());
    return Done;
}

QString Context::readFleet()
{
    Sync::SyncEngine *sync = engine();
    std::optional<QString> finished;
    const QMetaObject::Connection connection = QObject::connect(
        sync, &Sync::SyncEngine::pullFinished, sync, [&finished](bool ok, const QString &error) {
            finished = ok ? QString() : (error.isEmpty() ? Text::tr("the pull failed") : error);
        });
    sync->pullNow();
    waitUntil([&finished] { return finished.has_value(); });
    QObject::disconnect(connection);
    return *finished;
}

int Context::pull()
{
    if (!hasToken()) {
        m_out->finish(NotSignedIn,
            Text::tr("Not signed in: set FLOTILLA_TOKEN or sign in with \"flotillactl login\"."));
        return NotSignedIn;
    }
    const QString error = readFleet();
    if (error.isEmpty())
        return Done;
    Sync::SyncEngine *sync = engine();
    const int status = sync->isSignedOut() ? NotSignedIn
        : !sync->isOnline()                ? Unreachable
                                           : Partial;
    m_out->finish(status,
        status == NotSignedIn
            ? Text::tr("The cloud refused the access token (invalid, expired or revoked): sign in "
                       "again.")
            : Text::tr("The fleet could not be read from the cloud: %1").arg(error));
    return status;
}

int Context::startRollouts()
{
    if (m_rolloutsStarted)
        return Done;
    std::optional<QString> started;
    rollouts()->start([&started](const QString &error) { started = error; });
    waitUntil([&started] { return started.has_value(); });
    if (!started->isEmpty()) {
        m_out->finish(Partial, Text::tr("The rollouts cannot be read: %1").arg(*started));
        return Partial;
    }
    m_rolloutsStarted = true;
    return Done;
}

std::optional<QString> Context::resolveNode(const QString &text, QString *error) const
{
    const Domain::Hierarchy hierarchy = fleet().hierarchy();
    const QString trimmed = text.trimmed();
    if (hierarchy.node(trimmed))
        return trimmed;
    // Titles, level by level; a title may itself hold the separator, so the longest run of
    // parts that names a node at a level wins.
    static const QRegularExpression separators(QStringLiteral("\\s*[/›]\\s*"));
    QStringList parts = trimmed.split(separators, Qt::SkipEmptyParts);
    QString parent;
    while (!parts.isEmpty()) {
        bool found = false;
        for (qsizetype take = parts.size(); take >= 1 && !found; --take) {
            const QString title = parts.mid(0, take).join(QStringLiteral("/"));
            QStringList matches = Domain::nodesTitled(hierarchy, parent, title);
            const QString bySlug = Domain::childPath(parent, title);
            if (matches.isEmpty() && hierarchy.node(bySlug))
                matches.append(bySlug);
            if (matches.size() > 1) {
                *error = Text::tr("\"%1\" names several customers or groups (%2): use the path.")
                             .arg(text, matches.join(QStringLiteral(", ")));
                return std::nullopt;
            }
            if (matches.size() == 1) {
                parent = matches.constFirst();
                parts = parts.mid(take);
                found = true;
            }
        }
        if (!found) {
            *error = parent.isEmpty()
                ? Text::tr("There is no customer or group \"%1\".").arg(text)
                : Text::tr("There is no group \"%1\" in %2.")
                      .arg(parts.join(QStringLiteral("/")), Domain::titlePath(hierarchy, parent));
            return std::nullopt;
        }
    }
    if (parent.isEmpty()) {
        *error = Text::tr("Name a customer or group: a path (acme--berlin) or titles (\"Acme "
                          "Logistics/Berlin depot\").");
        return std::nullopt;
    }
    return parent;
}

std::optional<Domain::MoveTarget> Context::resolveTarget(const QString &text, QString *error) const
{
    const QString trimmed = text.trimmed();
    if (trimmed.compare(QLatin1String("unassigned"), Qt::CaseInsensitive) == 0)
        return Domain::MoveTarget::unassigned();
    if (trimmed.compare(QLatin1String("returns"), Qt::CaseInsensitive) == 0
        || trimmed == Domain::ReturnsGroupName)
        return Domain::MoveTarget::returns();
    const std::optional<QString> path = resolveNode(trimmed, error);
    if (!path)
        return std::nullopt;
    return Domain::MoveTarget::node(*path);
}

QString Context::resolveDevice(const QString &text, QString *error) const
{
    const QString wanted = text.trimmed();
    const auto &devices = fleet().devices;
    if (devices.contains(wanted.toLower()))
        return wanted.toLower();
    QStringList byName;
    for (auto it = devices.cbegin(); it != devices.cend(); ++it) {
        const Domain::Device &d = it.value();
        if ((!d.serialNumber.isEmpty() && d.serialNumber.compare(wanted, Qt::CaseInsensitive) == 0)
            || (!d.iccid.isEmpty() && d.iccid == wanted) || (!d.imei.isEmpty() && d.imei == wanted))
            return d.id;
        if (!d.name.isEmpty() && d.name == wanted)
            byName.append(d.id);
    }
    if (byName.size() == 1)
        return byName.constFirst();
    if (byName.size() > 1) {
        std::sort(byName.begin(), byName.end());
        *error = Text::tr("%1 devices are named \"%2\": name one by its device ID (%3).")
                     .arg(byName.size())
                     .arg(wanted, byName.join(QStringLiteral(", ")));
        return {};
    }
    *error = Text::tr("No device of the fleet has the ID, serial number, ICCID, IMEI or name "
                      "\"%1\".")
                 .arg(wanted);
    return {};
}

QString Context::nodeTitle(const QString &path) const
{
    return Domain::titlePath(fleet().hierarchy(), path);
}

QString Context::targetTitle(const Domain::MoveTarget &target) const
{
    switch (target.kind) {
    case Domain::MoveTarget::Kind::Unassigned:
        return Text::tr("Unassigned");
    case Domain::MoveTarget::Kind::Returns: {
        const QString title = fleet().hierarchy().returnsTitle();
        return title.isEmpty() ? Text::tr("Returns") : title;
    }
    case Domain::MoveTarget::Kind::Node:
        break;
    }
    return nodeTitle(target.path);
}

bool Context::confirm(const QString &question)
{
    if (m_globals.yes)
        return true;
    if (!isTerminal(stdin)) {
        m_out->note(Text::tr("Not applied: add --yes to apply without a question (stdin is not a "
                             "terminal)."));
        return false;
    }
    write(stderr, question + Text::tr(" [y/N] "));
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes") || answer == Text::tr("y")
        || answer == Text::tr("yes");
}

QStringList Context::describe(const Edit::EditPlan &plan) const
{
    const Edit::EditImpact &impact = plan.impact;
    QStringList lines;
    if (!plan.impact.devices.devices.isEmpty() || !impact.renames.isEmpty())
        lines += Edit::impactSummary(impact.devices, static_cast<int>(impact.renames.size()));
    const Domain::Hierarchy hierarchy = fleet().hierarchy();
    for (const QString &created : impact.createdNodes)
        lines.append(Text::tr("New: %1.").arg(created));
    for (const QString &deleted : impact.deletedNodes)
        lines.append(Text::tr("Deleted: %1.").arg(deleted));
    for (const QString &lost : impact.releasesLost)
        lines.append(
            Text::tr("The firmware release of %1 is deleted with it (Undo does not bring it back).")
                .arg(lost));
    if (impact.devicesRenamed > 0)
        lines.append(Text::tr("%Ln device(s) get a new name.", nullptr, impact.devicesRenamed));
    if (impact.notesChanged > 0)
        lines.append(Text::tr("%Ln device(s) get new notes.", nullptr, impact.notesChanged));
    if (impact.devicesImported > 0)
        lines.append(Text::tr(
            "%Ln device(s) are imported into the product.", nullptr, impact.devicesImported));
    lines.append(Text::tr("Requests to the cloud: about %1.").arg(impact.requests));
    return lines;
}

int Context::applyPlan(const Edit::EditPlan &plan, bool dryRun)
{
    QJsonObject result {{QStringLiteral("edit"), plan.text}, {QStringLiteral("dry_run"), dryRun},
        {QStringLiteral("applied"), false}};
    if (plan.isRefused()) {
        result.insert(QStringLiteral("error"), plan.error);
        m_out->setResult(result);
        m_out->finish(Partial, plan.error);
        return Partial;
    }
    if (plan.isEmpty()) {
        result.insert(QStringLiteral("notice"), plan.notice);
        m_out->setResult(result);
        m_out->line(plan.notice);
        return Done;
    }
    const QStringList effect = describe(plan);
    result.insert(QStringLiteral("effect"), QJsonArray::fromStringList(effect));
    result.insert(QStringLiteral("requests"), plan.impact.requests);
    m_out->line(plan.text);
    for (const QString &line : effect)
        m_out->line(QStringLiteral("  • ") + line);
    if (dryRun) {
        m_out->setResult(result);
        m_out->note(Text::tr("Dry run: nothing was changed."));
        return Done;
    }
    if (!confirm(Text::tr("Apply?"))) {
        result.insert(QStringLiteral("error"), Text::tr("not confirmed"));
        m_out->setResult(result);
        return Partial;
    }
    const QString error = m_editor->apply(plan);
    if (!error.isEmpty()) {
        result.insert(QStringLiteral("error"), error);
        m_out->setResult(result);
        m_out->finish(Partial, error);
        return Partial;
    }
    result.insert(QStringLiteral("applied"), true);
    const int status = waitForPush();
    result.insert(QStringLiteral("pending"), engine()->pendingCount());
    if (!m_refusals.isEmpty())
        result.insert(QStringLiteral("refused"), QJsonArray::fromStringList(m_refusals));
    m_out->setResult(result);
    return status;
}

bool Context::drive()
{
    if (m_session->isDriving() || m_session->tryDrive())
        return true;
    const QString driver = m_session->driverName();
    m_out->note(driver.isEmpty()
            ? Text::tr("Another Flotilla open on this cache sends the changes and runs the "
                       "rollouts.")
            : Text::tr("%1, open on this cache, sends the changes and runs the rollouts.")
                  .arg(driver));
    return false;
}

int Context::waitForPush(int timeoutMs)
{
    Sync::SyncEngine *sync = engine();
    const qsizetype refusalsBefore = m_refusals.size();
    const int heldBefore = sync->heldCount();
    if (sync->pendingCount() == 0)
        return Done;
    if (!hasToken()) {
        m_out->note(Text::tr("Not signed in: %Ln change(s) stay queued in the local cache.",
            nullptr, sync->pendingCount()));
        return NotSignedIn;
    }
    // The driver sends: this process when the lease is free, else the console that holds it
    // (its confirmations reach this process when it reads the cache again).
    const bool driving = drive();
    if (driving)
        sync->pushNow();
    const int total = std::max(1, sync->pendingCount());
    const bool finished = waitUntil(
        [&] {
            const int pending = sync->pendingCount();
            m_out->progress(Text::tr("Sending changes"), total - std::min(total, pending), total);
            const bool settled = pending == sync->heldCount();
            return (settled && !sync->isPushing()) || !sync->isOnline() || sync->isSignedOut();
        },
        driving || timeoutMs < 0 ? timeoutMs : std::min(timeoutMs, 2 * 60 * 1000));
    m_out->endProgress();
    const int pending = sync->pendingCount();
    const int held = sync->heldCount();
    if (sync->isSignedOut()) {
        m_out->note(Text::tr(
            "The cloud refused the access token: %Ln change(s) stay queued.", nullptr, pending));
        return NotSignedIn;
    }
    if (!finished || !sync->isOnline()) {
        m_out->note(driving
                ? Text::tr("The cloud cannot be reached: %Ln change(s) stay queued in the local "
                           "cache; \"flotillactl push\" sends them.",
                    nullptr, pending)
                : Text::tr("Not confirmed yet: %Ln change(s) stay queued in the local cache for "
                           "the Flotilla that sends them.",
                    nullptr, pending));
        return Unreachable;
    }
    if (held > 0)
        m_out->note(Text::tr("%Ln change(s) wait: %1", nullptr, held).arg(sync->heldReason()));
    if (m_refusals.size() > refusalsBefore) {
        for (qsizetype i = refusalsBefore; i < m_refusals.size(); ++i)
            m_out->note(Text::tr("Refused by the cloud: %1").arg(m_refusals.at(i)));
        return Partial;
    }
    // Changes held back before this command are not its own.
    if (held > heldBefore)
        return Partial;
    m_out->note(pending == held
            ? Text::tr("Every change was taken by the cloud.")
            : Text::tr("%Ln change(s) still pending.", nullptr, pending - held));
    return Done;
}

} // namespace Flotilla::Ctl
