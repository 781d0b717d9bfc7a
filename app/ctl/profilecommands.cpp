// SPDX-License-Identifier: MIT
// login, logout, profiles: the connections flotillactl knows, and the token kept for each cloud.
#include "app/ctl/context.h"
#include "app/ctl/ctl.h"
#include "session/cloudaccount.h"
#include "session/cloudsession.h"
#include "session/credentials.h"
#include "session/preferences.h"
#include "session/profiles.h"
#include "session/signin.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <optional>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace Flotilla::Ctl {

namespace {

// Hides what is typed on a terminal while it lives (a password, a token).
class NoEcho final
{
public:
    NoEcho()
    {
#ifdef Q_OS_WIN
        m_handle = GetStdHandle(STD_INPUT_HANDLE);
        m_active = GetConsoleMode(m_handle, &m_mode) != 0
            && SetConsoleMode(m_handle, m_mode & ~static_cast<DWORD>(ENABLE_ECHO_INPUT)) != 0;
#else
        m_active = tcgetattr(fileno(stdin), &m_mode) == 0;
        if (m_active) {
            termios quiet = m_mode;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            m_active = tcsetattr(fileno(stdin), TCSANOW, &quiet) == 0;
        }
#endif
    }
    ~NoEcho()
    {
        if (!m_active)
            return;
#ifdef Q_OS_WIN
        SetConsoleMode(m_handle, m_mode);
#else
        tcsetattr(fileno(stdin), TCSANOW, &m_mode);
#endif
        std::fputs("\n", stderr);
    }
    NoEcho(const NoEcho &) = delete;
    NoEcho &operator=(const NoEcho &) = delete;

private:
    bool m_active = false;
#ifdef Q_OS_WIN
    HANDLE m_handle = nullptr;
    DWORD m_mode = 0;
#else
    termios m_mode {};
#endif
};

// One line from stdin: asked for on a terminal (hidden when `secret`), read as it comes from a
// pipe (scripts: `pass show particle | flotillactl login --username u`).
QString readLine(Output &out, const QString &prompt, bool secret)
{
    static QTextStream in(stdin);
    const bool terminal = stdinIsTerminal();
    if (terminal)
        out.note(prompt);
    std::optional<NoEcho> quiet;
    if (terminal && secret)
        quiet.emplace();
    return in.readLine().trimmed();
}

int statusOf(Session::CloudAccount::Failure failure)
{
    switch (failure) {
    case Session::CloudAccount::Failure::None:
        return Done;
    case Session::CloudAccount::Failure::Refused:
        return NotSignedIn;
    case Session::CloudAccount::Failure::Unreachable:
        return Unreachable;
    case Session::CloudAccount::Failure::Other:
        break;
    }
    return Partial;
}

// The cloud and product a login or logout is for: --api/--product, or the profile's.
struct Target
{
    QString profile;
    QUrl api;
    QString product;
    QString username; // the profile's account, when it has one on that cloud
};

std::optional<Target> targetOf(Context &ctx, bool needProduct)
{
    const Context::Globals &g = ctx.globals();
    Target t;
    t.profile = g.profile.isEmpty() ? Session::Profiles::defaultName() : g.profile;
    std::optional<Session::Profile> existing
        = t.profile.isEmpty() ? std::nullopt : Session::Profiles::find(t.profile);
    if (g.profile.isEmpty() && g.api.isEmpty() && !existing) {
        ctx.out().finish(Usage,
            Text::tr("Name the cloud and product: flotillactl --api URL --product ID_OR_SLUG "
                     "login (and --profile NAME to name the profile)."));
        return std::nullopt;
    }
    if (!g.profile.isEmpty()) {
        if (const QString error = Session::Profiles::nameError(g.profile); !error.isEmpty()) {
            ctx.out().finish(Usage, error);
            return std::nullopt;
        }
    }
    if (!g.api.isEmpty()) {
        QString error;
        t.api = Session::CloudSession::apiUrlFromUserInput(g.api, &error);
        if (!error.isEmpty()) {
            ctx.out().finish(Usage, error);
            return std::nullopt;
        }
    } else if (existing) {
        t.api = existing->apiUrl;
    }
    t.product = !g.product.isEmpty() ? g.product
        : existing                   ? QString::number(existing->productId)
                                     : QString();
    if (t.api.isEmpty() || (needProduct && t.product.isEmpty())) {
        ctx.out().finish(Usage,
            Text::tr("--api URL and --product ID_OR_SLUG go together (or --profile NAME of a "
                     "profile that has them)."));
        return std::nullopt;
    }
    if (existing && existing->apiUrl == t.api)
        t.username = existing->username;
    if (t.profile.isEmpty())
        t.profile = QStringLiteral("default");
    return t;
}

int runLogin(Context &ctx, const Arguments &args)
{
    const std::optional<Target> target = targetOf(ctx, true);
    if (!target)
        return Usage;
    const bool byPassword = args.isSet(QStringLiteral("username"));
    if (byPassword && args.isSet(QStringLiteral("token"))) {
        ctx.out().finish(Usage, Text::tr("--token, or --username: not both."));
        return Usage;
    }

    QString token;
    QString username;
    if (byPassword) {
        username = args.value(QStringLiteral("username"));
        const QString password
            = readLine(ctx.out(), Text::tr("Password for %1:").arg(username), true);
        Session::CloudAccount anonymous(target->api, QString());
        std::optional<Session::CloudAccount::Login> login;
        anonymous.logIn(
            username, password, nullptr, [&login](Session::CloudAccount::Login l) { login = l; });
        ctx.waitUntil([&login] { return login.has_value(); });
        if (!login->mfaToken.isEmpty()) {
            const QString code = readLine(
                ctx.out(), Text::tr("One-time code (from your authenticator app):"), false);
            const QString mfaToken = login->mfaToken;
            login.reset();
            anonymous.logInWithCode(
                mfaToken, code, nullptr, [&login](Session::CloudAccount::Login l) { login = l; });
            ctx.waitUntil([&login] { return login.has_value(); });
        }
        if (login->failure != Session::CloudAccount::Failure::None) {
            const int status = statusOf(login->failure);
            ctx.out().finish(status, Text::tr("Not signed in: %1").arg(login->error));
            return status;
        }
        token = login->token;
    } else {
        token = readLine(ctx.out(), Text::tr("Access token:"), true);
        if (token.isEmpty()) {
            ctx.out().finish(Usage, Text::tr("No access token was given (on stdin)."));
            return Usage;
        }
    }

    // The token must see the product; the profile remembers its ID and name.
    Session::CloudAccount account(target->api, token);
    std::optional<Session::CloudAccount::Products> products;
    account.products(nullptr, [&products](Session::CloudAccount::Products p) { products = p; });
    ctx.waitUntil([&products] { return products.has_value(); });
    if (products->failure != Session::CloudAccount::Failure::None) {
        const int status = statusOf(products->failure);
        ctx.out().finish(status,
            status == NotSignedIn
                ? Text::tr("The cloud refused the access token.")
                : Text::tr("The products cannot be read: %1").arg(products->error));
        return status;
    }
    const Domain::Product *product
        = Session::CloudAccount::findProduct(products->products, target->product);
    if (!product) {
        ctx.out().finish(
            Partial, Text::tr("This account has no product \"%1\".").arg(target->product));
        return Partial;
    }
    if (username.isEmpty()) {
        std::optional<Session::CloudAccount::Owner> owner;
        account.owner(nullptr, [&owner](Session::CloudAccount::Owner o) { owner = o; });
        ctx.waitUntil([&owner] { return owner.has_value(); });
        username = owner->username;
    }

    // Kept in the system keychain (checked once more by SignIn, as the console's sign-in does).
    const std::shared_ptr<Remote::TokenStore> store = tokenStore();
    QObject here; // the callbacks' context
    std::unique_ptr<Session::SignIn> signIn
        = account.makeSignIn(store.get(), Session::Credentials::tokenKey(target->api, username));
    std::optional<Session::SignIn::Outcome> outcome;
    signIn->signIn(
        token, {}, {}, &here, [] {}, [&outcome](Session::SignIn::Outcome o) { outcome = o; });
    ctx.waitUntil([&outcome] { return outcome.has_value(); });
    if (outcome->kind != Session::SignIn::Outcome::Kind::Accepted) {
        const int status = outcome->kind == Session::SignIn::Outcome::Kind::Refused ? NotSignedIn
            : outcome->kind == Session::SignIn::Outcome::Kind::Unreachable          ? Unreachable
                                                                                    : Partial;
        ctx.out().finish(status, Text::tr("Not signed in: %1").arg(outcome->message));
        return status;
    }

    Session::Profile profile
        = Session::Profiles::find(target->profile).value_or(Session::Profile {});
    profile.name = target->profile;
    profile.apiUrl = target->api;
    profile.productId = product->id;
    profile.productName = product->name;
    profile.username = username;
    Session::Profiles::save(profile);
    if (Session::Profiles::defaultName().isEmpty() || Session::Profiles::all().size() == 1)
        Session::Profiles::setDefault(profile.name);

    const bool kept = outcome->storeError.isEmpty();
    ctx.out().setResult(QJsonObject {{QStringLiteral("profile"), profile.name},
        {QStringLiteral("api"), profile.apiUrl.toString()},
        {QStringLiteral("product"),
            QJsonObject {{QStringLiteral("id"), product->id},
                {QStringLiteral("slug"), product->slug}, {QStringLiteral("name"), product->name}}},
        {QStringLiteral("user"), username.isEmpty() ? QJsonValue() : username},
        {QStringLiteral("token_kept"), kept}});
    ctx.out().line(
        Text::tr("Signed in to %1 as %2; profile \"%3\" works with %4.")
            .arg(profile.apiUrl.host(), username.isEmpty() ? Text::tr("an API user") : username,
                profile.name, product->name));
    if (!kept)
        ctx.out().note(Text::tr("The token could not be kept in the system keychain (%1): set "
                                "FLOTILLA_TOKEN for scripts instead.")
                           .arg(outcome->storeError));
    return Done;
}

int runLogout(Context &ctx, const Arguments &)
{
    const std::optional<Target> target = targetOf(ctx, false);
    if (!target)
        return Usage;
    const std::shared_ptr<Remote::TokenStore> store = tokenStore();
    const Session::Credentials credentials(store.get());
    std::optional<QString> token;
    bool read = false;
    QObject here; // the callbacks' context
    credentials.readToken(
        target->api, target->username, &here, [&](std::optional<QString> t, const QString &) {
            token = t;
            read = true;
        });
    ctx.waitUntil([&read] { return read; });
    bool revoked = false;
    if (token && !token->isEmpty()) {
        Session::CloudAccount account(target->api, *token);
        std::optional<Session::CloudAccount::Failure> failure;
        account.revoke(
            nullptr, [&failure, &ctx](Session::CloudAccount::Failure f, const QString &e) {
                failure = f;
                if (f != Session::CloudAccount::Failure::None
                    && f != Session::CloudAccount::Failure::Refused)
                    ctx.out().note(Text::tr("The token could not be revoked: %1").arg(e));
            });
        ctx.waitUntil([&failure] { return failure.has_value(); });
        revoked = *failure == Session::CloudAccount::Failure::None;
    }
    std::optional<QString> removed;
    credentials.forgetToken(target->api, target->username, &here,
        [&removed](const QString &error) { removed = error; });
    ctx.waitUntil([&removed] { return removed.has_value(); });
    ctx.out().setResult(QJsonObject {{QStringLiteral("api"), target->api.toString()},
        {QStringLiteral("revoked"), revoked}, {QStringLiteral("forgotten"), removed->isEmpty()}});
    if (!token || token->isEmpty()) {
        ctx.out().line(Text::tr("No token is kept for %1.").arg(target->api.host()));
        return Done;
    }
    ctx.out().line(revoked ? Text::tr("Signed out of %1: the token is revoked and forgotten.")
                                 .arg(target->api.host())
                           : Text::tr("The token for %1 is forgotten.").arg(target->api.host()));
    return removed->isEmpty() ? Done : Partial;
}

int runProfiles(Context &ctx, const Arguments &)
{
    const QString chosen = Session::Profiles::defaultName();
    QJsonArray list;
    QList<QStringList> rows;
    for (const Session::Profile &p : Session::Profiles::all()) {
        const QString cache = p.cachePath.isEmpty()
            ? ctx.preferences().cachePath(p.apiUrl, p.productId)
            : p.cachePath;
        list.append(QJsonObject {{QStringLiteral("name"), p.name},
            {QStringLiteral("api"), p.apiUrl.toString()}, {QStringLiteral("product"), p.productId},
            {QStringLiteral("product_name"), p.productName}, {QStringLiteral("user"), p.username},
            {QStringLiteral("default"), p.name == chosen},
            {QStringLiteral("cache"), QDir::toNativeSeparators(cache)}});
        rows.append(
            {p.name == chosen ? QStringLiteral("* ") + p.name : QStringLiteral("  ") + p.name,
                p.apiUrl.toString(), QStringLiteral("%1 (%2)").arg(p.productName).arg(p.productId),
                p.username});
    }
    ctx.out().setResult(QJsonObject {{QStringLiteral("profiles"), list}});
    if (rows.isEmpty())
        ctx.out().note(Text::tr("No profile yet: flotillactl --api URL --product ID login"));
    else
        ctx.out().table(
            {Text::tr("  Profile"), Text::tr("Cloud"), Text::tr("Product"), Text::tr("User")},
            rows);
    return Done;
}

} // namespace

QList<Command> profileCommands()
{
    QList<Command> commands;
    {
        Command c;
        c.words = {QStringLiteral("login")};
        c.synopsis = QStringLiteral("[--token] | login --username U");
        c.summary = Text::tr("Signs in and keeps the token in the system keychain, as a profile");
        c.help = Text::tr(
            "With --api URL --product ID_OR_SLUG (and --profile NAME, \"default\" otherwise). The "
            "access token (--token, the default: an API user's token) or the password (--username) "
            "is read from the terminal without echo, or from stdin; when Particle asks for it, the "
            "one-time code of the authenticator app follows on the next line. Never give a secret "
            "as an argument.");
        c.options = {QCommandLineOption(QStringLiteral("token"),
                         Text::tr("Sign in with an access token read from stdin.")),
            QCommandLineOption(QStringLiteral("username"),
                Text::tr("Sign in with this account's password (and one-time code)."),
                QStringLiteral("U"))};
        c.needs = Command::Needs::Nothing;
        c.run = runLogin;
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("logout")};
        c.summary = Text::tr("Revokes the token kept for the profile's cloud and forgets it");
        c.needs = Command::Needs::Nothing;
        c.run = runLogout;
        commands.append(c);
    }
    {
        Command c;
        c.words = {QStringLiteral("profiles")};
        c.summary = Text::tr("The profiles (* marks the one used without --profile)");
        c.needs = Command::Needs::Nothing;
        c.run = runProfiles;
        commands.append(c);
    }
    return commands;
}

} // namespace Flotilla::Ctl
