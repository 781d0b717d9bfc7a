// SPDX-License-Identifier: MIT
// flotilla: the operations console. Without arguments it starts a fresh sandbox cloud with the
// demo fleet and works against it (no account needed); with --api and --product it works
// against a real Particle cloud, signing in with an access token kept in the OS keychain.
#include "app/appcontext.h"
#include "app/logging.h"
#include "app/sandboxlauncher.h"
#include "app/signalwatcher.h"
#include "app/translations.h"
#include "domain/text.h"
#include "session/cloudsession.h"
#include "session/credentials.h"
#include "views/icons.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QJsonObject>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Flotilla;

namespace {

void fatal(const QString &message)
{
    std::fprintf(stderr, "flotilla: %s\n", qPrintable(message));
}

// Options of QGuiApplication and QApplication themselves ("-platform offscreen", "-style
// fusion"): QApplication takes them out of the arguments before the parser sees them.
bool isQtOption(const QString &argument)
{
    static const QStringList names {QStringLiteral("platform"),
        QStringLiteral("platformpluginpath"), QStringLiteral("platformtheme"),
        QStringLiteral("plugin"), QStringLiteral("qwindowgeometry"), QStringLiteral("qwindowicon"),
        QStringLiteral("qwindowtitle"), QStringLiteral("reverse"), QStringLiteral("session"),
        QStringLiteral("display"), QStringLiteral("geometry"), QStringLiteral("style"),
        QStringLiteral("stylesheet"), QStringLiteral("widgetcount"), QStringLiteral("title"),
        QStringLiteral("visual"), QStringLiteral("name"), QStringLiteral("nograb"),
        QStringLiteral("dograb"), QStringLiteral("qmljsdebugger")};
    if (!argument.startsWith(QLatin1Char('-')))
        return false;
    QString name = argument.mid(argument.startsWith(QStringLiteral("--")) ? 2 : 1);
    name = name.section(QLatin1Char('='), 0, 0);
    return names.contains(name);
}

} // namespace

int main(int argc, char *argv[])
{
    const auto identify = [] {
        // Before anything reads QSettings or QStandardPaths: ~/.config/Flotilla/Console.conf.
        QCoreApplication::setOrganizationName(QStringLiteral("Flotilla"));
        QCoreApplication::setOrganizationDomain(QStringLiteral("flotilla.example"));
        QCoreApplication::setApplicationName(QStringLiteral("Console"));
        QCoreApplication::setApplicationVersion(QStringLiteral(FLOTILLA_VERSION));
    };

    QCommandLineParser parser;
    parser.setApplicationDescription(
        App::Text::tr("Flotilla, the operations console for Particle device fleets. Without --api "
                      "it starts a fresh sandbox cloud with a demo fleet."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption api(QStringLiteral("api"),
        App::Text::tr("Particle API base URL (https), e.g. https://api.particle.io."),
        QStringLiteral("URL"));
    const QCommandLineOption product(
        QStringLiteral("product"), App::Text::tr("Product ID (with --api)."), QStringLiteral("ID"));
    const QCommandLineOption memoryTokens(QStringLiteral("memory-token-store"),
        App::Text::tr("Keep the access token in memory only (tests; nothing is remembered)."));
    const QCommandLineOption devices(QStringLiteral("devices"),
        App::Text::tr("Sandbox: devices in the demo fleet."), QStringLiteral("N"));
    const QCommandLineOption timeScale(QStringLiteral("time-scale"),
        App::Text::tr("Sandbox: simulated time runs X times faster (default 60)."),
        QStringLiteral("X"), QStringLiteral("60"));
    const QCommandLineOption sandboxArg(QStringLiteral("sandbox-arg"),
        App::Text::tr("Sandbox: one more argument for flotilla-sandbox (repeatable)."),
        QStringLiteral("ARG"));
    for (const QCommandLineOption &o : {api, product, memoryTokens, devices, timeScale, sandboxArg})
        parser.addOption(o);

    // --help, --version and a wrong option are answered without a display: QApplication would
    // abort without one before the parser could say anything.
    {
        QStringList arguments;
        for (int i = 0; i < argc; ++i)
            arguments.append(QString::fromLocal8Bit(argv[i]));
        // With Qt's own options (for a display) the parser could misread them ("-stylesheet"
        // holds "-h"): QApplication takes them out first, as before.
        const bool qtOptions = std::any_of(arguments.cbegin() + 1, arguments.cend(), isQtOption);
        const bool parsed = parser.parse(arguments);
        const bool answerNow = !qtOptions
            && (!parsed || parser.isSet(QStringLiteral("help"))
                || parser.isSet(QStringLiteral("help-all"))
                || parser.isSet(QStringLiteral("version")));
        if (answerNow) {
            const QCoreApplication core(argc, argv);
            identify();
            // The help names the program as it is called ("flotilla"), the version too.
            QCoreApplication::setApplicationName(QStringLiteral("flotilla"));
            parser.process(QCoreApplication::arguments()); // prints, then exits
            return 0;
        }
    }

    QApplication app(argc, argv);
    identify();
    Views::Icons::installApplicationIdentity();
    App::installTranslations(); // the language of the settings, else the system's
    parser.process(app);
    const App::SignalWatcher signalWatcher;

    const std::shared_ptr<Remote::TokenStore> tokenStore = Session::Credentials::makeStore(
        parser.isSet(memoryTokens) ? Session::Credentials::Keeping::MemoryOnly
                                   : Session::Credentials::Keeping::Keychain);
    const Session::Credentials credentials(tokenStore.get());

    // Destroyed in reverse order: the window and the cache (its writes finished) first, then
    // the session's folder, then the sandbox is stopped.
    App::SandboxLauncher launcher;
    QTemporaryDir sessionDir(QDir::tempPath() + QStringLiteral("/flotilla-sandbox-XXXXXX"));
    App::AppContext context;
    const auto opened = [](QString error) {
        if (!error.isEmpty()) {
            fatal(error);
            QCoreApplication::exit(1);
        }
    };

    if (parser.isSet(api) || parser.isSet(product)) {
        // "api.particle.io" means https; plain http only to a loopback sandbox.
        QString urlError;
        const QUrl url = Session::CloudSession::apiUrlFromUserInput(parser.value(api), &urlError);
        bool ok = false;
        const int productId = parser.value(product).toInt(&ok);
        if (!parser.isSet(api) || !parser.isSet(product) || !ok || productId <= 0) {
            fatal(App::Text::tr("--api URL and --product ID go together (a positive product ID)."));
            return 2;
        }
        if (!urlError.isEmpty()) {
            fatal(urlError);
            return 2;
        }
        App::Connection connection;
        connection.apiUrl = url;
        connection.productId = productId;
        // connection.cachePath empty: where the preferences put it (Edit › Settings…).
        connection.description = url.host();
        connection.actor = qEnvironmentVariable("USER", QStringLiteral("operator"));
        context.setTokenStore(tokenStore.get());
        // The token and the product's OAuth client from the token store, if there are
        // some; without a token, sign-in asks for it.
        credentials.readToken(url, &context,
            [&context, &credentials, connection, opened](
                std::optional<QString> token, QString error) mutable {
                if (!error.isEmpty())
                    qCWarning(App::lcApp) << "the token store cannot be read:" << error;
                connection.token = token.value_or(QString());
                credentials.readProductClient(connection.apiUrl, connection.productId, &context,
                    [&context, connection, opened](
                        QString clientId, QString clientSecret, QString clientError) mutable {
                        if (!clientError.isEmpty())
                            qCWarning(App::lcApp)
                                << "the OAuth client cannot be read from the token store";
                        connection.oauthClientId = clientId;
                        connection.oauthClientSecret = clientSecret;
                        context.open(connection, opened);
                        context.window()->show();
                    });
            });
        return QApplication::exec();
    }

    QString error;
    const QString program = App::SandboxLauncher::findExecutable(&error);
    if (program.isEmpty()) {
        fatal(error);
        return 1;
    }
    if (!sessionDir.isValid()) {
        fatal(
            App::Text::tr("No temporary folder for the session: %1").arg(sessionDir.errorString()));
        return 1;
    }
    QStringList arguments {QStringLiteral("--time-scale"), parser.value(timeScale)};
    if (parser.isSet(devices))
        arguments << QStringLiteral("--devices") << parser.value(devices);
    arguments += parser.values(sandboxArg);
    launcher.start(program, arguments, [&](QJsonObject line, QString startError) {
        if (!startError.isEmpty()) {
            fatal(startError);
            QCoreApplication::exit(1);
            return;
        }
        App::Connection connection;
        connection.apiUrl = QUrl(line.value(QStringLiteral("url")).toString());
        const QJsonObject productObject = line.value(QStringLiteral("product")).toObject();
        connection.productId = productObject.value(QStringLiteral("id")).toInt();
        connection.token = line.value(QStringLiteral("token")).toString();
        const QJsonObject oauth = line.value(QStringLiteral("oauth_client")).toObject();
        connection.oauthClientId = oauth.value(QStringLiteral("id")).toString();
        connection.oauthClientSecret = oauth.value(QStringLiteral("secret")).toString();
        connection.cachePath = sessionDir.filePath(QStringLiteral("cache.sqlite"));
        connection.description = App::Text::tr("sandbox %1").arg(connection.apiUrl.authority());
        connection.actor = line.value(QStringLiteral("username")).toString();
        connection.sandbox = true;
        qCInfo(App::lcApp) << "sandbox ready at" << connection.apiUrl.toString() << "product"
                           << connection.productId;
        // flotillactl works beside the console on its cache; the sandbox's own demo token is
        // what it prints on its start line too.
        std::fprintf(stderr, "%s\n",
            qPrintable(App::Text::tr("flotillactl on this sandbox (the console shows what it "
                                     "does):\n  export FLOTILLA_TOKEN=%1\n  flotillactl --api %2 "
                                     "--product %3 --cache %4 status")
                           .arg(connection.token, connection.apiUrl.toString())
                           .arg(connection.productId)
                           .arg(QDir::toNativeSeparators(connection.cachePath))));
        context.open(connection, opened);
        context.window()->show();
    });
    return QApplication::exec();
}
