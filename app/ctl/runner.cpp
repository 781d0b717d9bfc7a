// SPDX-License-Identifier: MIT
// The command line itself: global options, the command tables, help, completion scripts.
#include "app/ctl/context.h"
#include "app/ctl/ctl.h"
#include "domain/text.h"

#include <QCommandLineParser>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace Flotilla::Ctl {

namespace {

struct GlobalOption
{
    QString name;
    QString valueName; // empty: a flag
    QString description;
};

QList<GlobalOption> globalOptions()
{
    return {
        {QStringLiteral("profile"), QStringLiteral("NAME"),
            Text::tr("The profile to use (\"flotillactl profiles\" lists them).")},
        {QStringLiteral("api"), QStringLiteral("URL"),
            Text::tr("The Particle API (https://api.particle.io; http only on loopback), with "
                     "--product.")},
        {QStringLiteral("product"), QStringLiteral("ID_OR_SLUG"),
            Text::tr("The product, by ID or slug, with --api.")},
        {QStringLiteral("cache"), QStringLiteral("FILE"),
            Text::tr("The local cache file (the console's own for the product by default).")},
        {QStringLiteral("json"), QString(),
            Text::tr("One JSON document on stdout; messages and progress on stderr.")},
        {QStringLiteral("yes"), QString(), Text::tr("Apply edits without asking.")},
    };
}

// An option as it is typed: "-o" for a one-letter name, "--output" for the others.
QString flag(const QString &name)
{
    return (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
}

QList<Command> allCommands()
{
    QList<Command> commands;
    commands += fleetCommands();
    commands += editCommands();
    commands += firmwareCommands();
    commands += profileCommands();
    return commands;
}

QString usageLine(const Command &command)
{
    return QStringLiteral("flotillactl %1%2")
        .arg(command.name(),
            command.synopsis.isEmpty() ? QString() : QLatin1Char(' ') + command.synopsis);
}

void printOverview(Output &out, const QList<Command> &commands)
{
    out.line(Text::tr("flotillactl: the Flotilla console on the command line."));
    out.line(QString());
    out.line(Text::tr("Usage: flotillactl [--profile NAME | --api URL --product ID_OR_SLUG] "
                      "[--cache FILE] [--json] [--yes] COMMAND …"));
    out.line(QString());
    out.line(Text::tr("Commands:"));
    QList<QStringList> rows;
    for (const Command &c : commands)
        rows.append({QStringLiteral("  ") + c.name(), c.summary});
    rows.append({QStringLiteral("  help"), Text::tr("help COMMAND: what a command does")});
    rows.append({QStringLiteral("  completion"),
        Text::tr("completion bash|zsh: the shell completion script")});
    out.table({QString(), QString()}, rows);
    out.line(QString());
    out.line(Text::tr("Options of every command:"));
    for (const GlobalOption &o : globalOptions())
        out.line(
            QStringLiteral("  --%1%2  %3")
                .arg(o.name, o.valueName.isEmpty() ? QString() : QLatin1Char(' ') + o.valueName,
                    o.description));
    out.line(QString());
    out.line(Text::tr("The access token comes from the system keychain (flotillactl login) or the "
                      "FLOTILLA_TOKEN environment variable."));
    out.line(Text::tr("Exit status: 0 done; 1 done in part or refused; 2 usage error; 3 not signed "
                      "in or the token was refused; 4 the cloud could not be reached."));
}

void printHelp(Output &out, const Command &command)
{
    out.line(Text::tr("Usage: %1").arg(usageLine(command)));
    out.line(QString());
    out.line(command.summary);
    if (!command.help.isEmpty()) {
        out.line(QString());
        out.line(command.help);
    }
    if (!command.options.isEmpty()) {
        out.line(QString());
        out.line(Text::tr("Options:"));
        QList<QStringList> rows;
        for (const QCommandLineOption &o : command.options) {
            QStringList flags;
            for (const QString &n : o.names())
                flags.append(flag(n));
            const QString names = flags.join(QStringLiteral(", "))
                + (o.valueName().isEmpty() ? QString() : QLatin1Char(' ') + o.valueName());
            rows.append({QStringLiteral("  ") + names, o.description()});
        }
        out.table({QString(), QString()}, rows);
    }
}

// The completion script: a bash function (zsh loads it through bashcompinit), made from the
// command tables so that it never lags behind them.
QString completionScript(const QList<Command> &commands, bool zsh)
{
    QMap<QString, QSet<QString>> next; // words typed so far -> the words that may follow
    QMap<QString, QStringList> options; // command -> its options
    QStringList valued; // options that take a value
    for (const GlobalOption &o : globalOptions()) {
        if (!o.valueName.isEmpty())
            valued.append(QStringLiteral("--") + o.name);
    }
    for (const Command &c : commands) {
        QString prefix;
        for (const QString &word : c.words) {
            next[prefix].insert(word);
            prefix = prefix.isEmpty() ? word : prefix + QLatin1Char(' ') + word;
        }
        QStringList names;
        for (const QCommandLineOption &o : c.options) {
            for (const QString &n : o.names()) {
                names.append(flag(n));
                if (!o.valueName().isEmpty())
                    valued.append(flag(n));
            }
        }
        options[c.name()] = names;
    }
    next[QString()].insert(QStringLiteral("help"));
    next[QString()].insert(QStringLiteral("completion"));
    next[QStringLiteral("completion")] = {QStringLiteral("bash"), QStringLiteral("zsh")};
    valued.removeDuplicates();
    QStringList globals;
    for (const GlobalOption &o : globalOptions())
        globals.append(QStringLiteral("--") + o.name);

    const auto sorted = [](const QSet<QString> &set) {
        QStringList list(set.cbegin(), set.cend());
        std::sort(list.begin(), list.end());
        return list.join(QLatin1Char(' '));
    };
    QString s;
    s += QStringLiteral("# flotillactl completion (%1): source <(flotillactl completion %1)\n")
             .arg(zsh ? QStringLiteral("zsh") : QStringLiteral("bash"));
    if (zsh)
        s += QStringLiteral("autoload -U +X bashcompinit && bashcompinit\n");
    s += QStringLiteral("_flotillactl() {\n"
                        "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" key=\"_\" word i skip=0\n"
                        "    local -A next opts\n");
    // Bash has no empty key: "_" stands for the words before the command.
    for (auto it = next.cbegin(); it != next.cend(); ++it)
        s += QStringLiteral("    next[\"%1\"]=\"%2\"\n")
                 .arg(it.key().isEmpty() ? QStringLiteral("_") : it.key(), sorted(it.value()));
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        s += QStringLiteral("    opts[\"%1\"]=\"%2\"\n")
                 .arg(it.key(), it.value().join(QLatin1Char(' ')));
    s += QStringLiteral("    local valued=\" %1 \" globals=\"%2\"\n")
             .arg(valued.join(QLatin1Char(' ')), globals.join(QLatin1Char(' ')));
    s += QStringLiteral(
        "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
        "        word=\"${COMP_WORDS[i]}\"\n"
        "        if ((skip)); then skip=0; continue; fi\n"
        "        if [[ $word == -* ]]; then\n"
        "            [[ $valued == *\" $word \"* ]] && skip=1\n"
        "            continue\n"
        "        fi\n"
        "        local candidate=\"$word\"\n"
        "        [[ $key != _ ]] && candidate=\"$key $word\"\n"
        "        if [[ -n ${next[$key]+x} && \" ${next[$key]} \" == *\" $word \"* ]]; then\n"
        "            key=\"$candidate\"\n"
        "        fi\n"
        "    done\n"
        "    if ((skip)); then COMPREPLY=($(compgen -f -- \"$cur\")); return; fi\n"
        "    if [[ $cur == -* ]]; then\n"
        "        COMPREPLY=($(compgen -W \"${opts[$key]} $globals\" -- \"$cur\"))\n"
        "    elif [[ -n ${next[$key]+x} ]]; then\n"
        "        COMPREPLY=($(compgen -W \"${next[$key]}\" -- \"$cur\"))\n"
        "    else\n"
        "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
        "    fi\n"
        "}\n"
        "complete -F _flotillactl flotillactl\n");
    return s;
}

// The longest command whose words start `words`.
const Command *findCommand(const QList<Command> &commands, const QStringList &words)
{
    const Command *best = nullptr;
    for (const Command &c : commands) {
        if (c.words.size() <= words.size()
            && std::equal(c.words.cbegin(), c.words.cend(), words.cbegin())
            && (!best || c.words.size() > best->words.size()))
            best = &c;
    }
    return best;
}

} // namespace

Arguments::Arguments(const QCommandLineParser *parser, QStringList positional)
    : m_parser(parser)
    , m_positional(std::move(positional))
{ }

bool Arguments::isSet(const QString &name) const
{
    return m_parser->isSet(name);
}

QString Arguments::value(const QString &name) const
{
    return m_parser->value(name);
}

QStringList Arguments::values(const QString &name) const
{
    return m_parser->values(name);
}

int run(const QStringList &arguments)
{
    // The options of every command may stand anywhere; the rest is the command.
    Context::Globals globals;
    globals.json = arguments.contains(QStringLiteral("--json"));
    QStringList rest;
    bool help = false;
    const QList<GlobalOption> known = globalOptions();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--")) {
            rest += arguments.mid(i);
            break;
        }
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            help = true;
            continue;
        }
        if (a == QLatin1String("--version") && rest.isEmpty()) {
            Output out(false);
            out.line(QStringLiteral("flotillactl %1").arg(QCoreApplication::applicationVersion()));
            return Done;
        }
        bool consumed = false;
        for (const GlobalOption &o : known) {
            const QString flag = QStringLiteral("--") + o.name;
            QString value;
            bool matched = false;
            if (a == flag) {
                matched = true;
                if (!o.valueName.isEmpty()) {
                    if (i + 1 >= arguments.size()) {
                        Output out(globals.json);
                        out.finish(
                            Usage, Text::tr("%1 needs a value (%2).").arg(flag, o.valueName));
                        return Usage;
                    }
                    value = arguments.at(++i);
                }
            } else if (!o.valueName.isEmpty() && a.startsWith(flag + QLatin1Char('='))) {
                matched = true;
                value = a.mid(flag.size() + 1);
            }
            if (!matched)
                continue;
            consumed = true;
            if (o.name == QLatin1String("profile"))
                globals.profile = value;
            else if (o.name == QLatin1String("api"))
                globals.api = value;
            else if (o.name == QLatin1String("product"))
                globals.product = value;
            else if (o.name == QLatin1String("cache"))
                globals.cache = value;
            else if (o.name == QLatin1String("json"))
                globals.json = true;
            else if (o.name == QLatin1String("yes"))
                globals.yes = true;
            break;
        }
        if (!consumed)
            rest.append(a);
    }

    Output out(globals.json);
    const QList<Command> commands = allCommands();

    if (rest.isEmpty()) {
        printOverview(out, commands);
        out.finish(help ? Done : Usage, help ? QString() : Text::tr("Name a command."));
        return help ? Done : Usage;
    }
    if (rest.constFirst() == QLatin1String("help") || help) {
        const QStringList words = rest.constFirst() == QLatin1String("help") ? rest.mid(1) : rest;
        if (words.isEmpty()) {
            printOverview(out, commands);
            out.finish(Done);
            return Done;
        }
        const Command *command = findCommand(commands, words);
        if (!command) {
            // "help customer": every customer command.
            bool any = false;
            for (const Command &c : commands) {
                if (c.words.constFirst() == words.constFirst()) {
                    out.line(QStringLiteral("%1\n    %2").arg(usageLine(c), c.summary));
                    any = true;
                }
            }
            if (any) {
                out.finish(Done);
                return Done;
            }
            out.finish(
                Usage, Text::tr("There is no command \"%1\".").arg(words.join(QLatin1Char(' '))));
            return Usage;
        }
        printHelp(out, *command);
        out.finish(Done);
        return Done;
    }
    if (rest.constFirst() == QLatin1String("completion")) {
        const QString shell = rest.value(1);
        if (shell != QLatin1String("bash") && shell != QLatin1String("zsh")) {
            out.finish(Usage, Text::tr("completion bash, or completion zsh."));
            return Usage;
        }
        Output plain(false);
        plain.line(completionScript(commands, shell == QLatin1String("zsh")));
        return Done;
    }

    const Command *command = findCommand(commands, rest);
    if (!command) {
        QStringList alike;
        for (const Command &c : commands) {
            if (c.words.constFirst() == rest.constFirst())
                alike.append(usageLine(c));
        }
        out.finish(Usage,
            alike.isEmpty()
                ? Text::tr("There is no command \"%1\" (\"flotillactl help\" lists them).")
                      .arg(rest.constFirst())
                : Text::tr("Which one? %1").arg(alike.join(QStringLiteral("; "))));
        return Usage;
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(command->options);
    QStringList own {QStringLiteral("flotillactl")};
    own += rest.mid(command->words.size());
    if (!parser.parse(own)) {
        out.finish(Usage, Text::tr("%1 (usage: %2)").arg(parser.errorText(), usageLine(*command)));
        return Usage;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < command->minArguments
        || (command->maxArguments >= 0 && positional.size() > command->maxArguments)) {
        out.finish(Usage, Text::tr("Usage: %1").arg(usageLine(*command)));
        return Usage;
    }

    Context context(globals, &out);
    if (command->needs == Command::Needs::Fleet) {
        if (const int status = context.open(); status != Done) {
            out.finish(status);
            return status;
        }
    }
    const int status = command->run(context, Arguments(&parser, positional));
    out.finish(status);
    return status;
}

} // namespace Flotilla::Ctl
