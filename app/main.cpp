// SPDX-License-Identifier: MIT
// flotilla: the operations console. Without arguments it opens the profile (or the demo) used
// last, else the welcome page (try the demo, or sign in to Particle); --profile NAME, --demo,
// --fresh-sandbox (a throw-away sandbox for development) and --api URL --product ID choose.
#include "app/logging.h"
#include "app/shell.h"
#include "app/signalwatcher.h"
#include "app/translations.h"
#include "domain/text.h"
#include "session/cloudsession.h"
#include "session/profiles.h"
#include "views/icons.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLoggingCategory>

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

// flotilla's options, with their texts in the language installed when it is called.
struct Options
{
    QCommandLineOption profile, demo, freshSandbox, api, product, memoryTokens, devices, timeScale,
        sandboxArg;
};

Options addOptions(QCommandLineParser *parser)
{
    parser->setApplicationDescription(App::Text::tr(
        "Flotilla, the operations console for Particle device fleets. Without arguments it opens "
        "the profile (or the demo) used last, else the welcome page: try the demo, or sign in "
        "to Particle."));
    parser->addHelpOption();
    parser->addVersionOption();
    const QCommandLineOption profile(QStringLiteral("profile"),
        App::Text::tr("Open this profile (File › Profiles lists them)."), QStringLiteral("NAME"));
    const QCommandLineOption demo(QStringLiteral("demo"),
        App::Text::tr("Open the demo: a sandbox cloud on this computer whose fleet is kept "
                      "across launches."));
    const QCommandLineOption freshSandbox(QStringLiteral("fresh-sandbox"),
        App::Text::tr("Open a fresh sandbox cloud of its own, discarded when the window closes "
                      "(development)."));
    const QCommandLineOption api(QStringLiteral("api"),
        App::Text::tr("Particle API base URL (https), e.g. https://api.particle.io."),
        QStringLiteral("URL"));
    const QCommandLineOption product(
        QStringLiteral("product"), App::Text::tr("Product ID (with --api)."), QStringLiteral("ID"));
    const QCommandLineOption memoryTokens(QStringLiteral("memory-token-store"),
        App::Text::tr("Keep the access token in memory only (tests; nothing is remembered)."));
    const QCommandLineOption devices(QStringLiteral("devices"),
        App::Text::tr("Sandbox (demo, fresh sandbox): devices in the demo fleet."),
        QStringLiteral("N"));
    const QCommandLineOption timeScale(QStringLiteral("time-scale"),
        App::Text::tr("Sandbox (demo, fresh sandbox): simulated time runs X times faster "
                      "(default 60)."),
        QStringLiteral("X"), QStringLiteral("60"));
    const QCommandLineOption sandboxArg(QStringLiteral("sandbox-arg"),
        App::Text::tr("Sandbox (demo, fresh sandbox): one more argument for flotilla-sandbox "
                      "(repeatable)."),
        QStringLiteral("ARG"));
    for (const QCommandLineOption &o :
        {profile, demo, freshSandbox, api, product, memoryTokens, devices, timeScale, sandboxArg})
        parser->addOption(o);
    return {
        profile, demo, freshSandbox, api, product, memoryTokens, devices, timeScale, sandboxArg};
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
    const Options cli = addOptions(&parser);
    const auto &[profile, demo, freshSandbox, api, product, memoryTokens, devices, timeScale,
        sandboxArg]
        = cli;

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
            // Only the answer on the terminal: Flotilla's own debug lines stay off here.
            if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
                QLoggingCategory::setFilterRules(QStringLiteral("flotilla.*.debug=false"));
            App::installTranslations(); // the help in the language of the settings or system
            // The help names the program as it is called ("flotilla"), the version too.
            QCoreApplication::setApplicationName(QStringLiteral("flotilla"));
            QCommandLineParser translated;
            addOptions(&translated);
            translated.process(QCoreApplication::arguments()); // prints, then exits
            return 0;
        }
    }

    QApplication app(argc, argv);
    identify();
    Views::Icons::installApplicationIdentity();
    App::installTranslations(); // the language of the settings, else the system's
    parser.process(app);
    const App::SignalWatcher signalWatcher;

    // One way to choose what opens.
    const int choices = int(parser.isSet(profile)) + int(parser.isSet(demo))
        + int(parser.isSet(freshSandbox)) + int(parser.isSet(api) || parser.isSet(product));
    if (choices > 1) {
        fatal(
            App::Text::tr("Choose one of --profile, --demo, --fresh-sandbox and --api/--product."));
        return 2;
    }
    QUrl url;
    int productId = 0;
    if (parser.isSet(api) || parser.isSet(product)) {
        // "api.particle.io" means https; plain http only to a loopback sandbox.
        QString urlError;
        url = Session::CloudSession::apiUrlFromUserInput(parser.value(api), &urlError);
        bool ok = false;
        productId = parser.value(product).toInt(&ok);
        if (!parser.isSet(api) || !parser.isSet(product) || !ok || productId <= 0) {
            fatal(App::Text::tr("--api URL and --product ID go together (a positive product ID)."));
            return 2;
        }
        if (!urlError.isEmpty()) {
            fatal(urlError);
            return 2;
        }
    }
    if (parser.isSet(profile) && !Session::Profiles::find(parser.value(profile))) {
        const QString error = Session::Profiles::nameError(parser.value(profile));
        fatal(!error.isEmpty()
                ? error
                : App::Text::tr("There is no profile \"%1\".").arg(parser.value(profile)));
        return 2;
    }

    App::ShellOptions options;
    options.memoryTokens = parser.isSet(memoryTokens);
    options.sandboxArguments
        = QStringList {QStringLiteral("--time-scale"), parser.value(timeScale)};
    if (parser.isSet(devices))
        options.sandboxArguments << QStringLiteral("--devices") << parser.value(devices);
    options.sandboxArguments += parser.values(sandboxArg);
    App::Shell shell(options);
    // A sandbox that cannot start is fatal when it was asked for on the command line; from the
    // welcome page it is said there.
    const bool sandboxOnly = parser.isSet(freshSandbox);
    QObject::connect(&shell, &App::Shell::openFailed, &shell, [sandboxOnly](const QString &error) {
        fatal(error);
        if (sandboxOnly)
            QCoreApplication::exit(1);
    });

    if (parser.isSet(freshSandbox))
        shell.openFreshSandbox();
    else if (parser.isSet(demo))
        shell.openDemo();
    else if (parser.isSet(profile))
        shell.openProfile(parser.value(profile));
    else if (url.isValid())
        shell.openCloud(url, productId);
    else
        shell.start();
    return QApplication::exec();
}
