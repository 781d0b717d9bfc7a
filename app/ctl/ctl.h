// SPDX-License-Identifier: MIT
#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QCommandLineParser;

// flotillactl: the console on the command line (docs/flotillactl.md). Every command works on the
// same cache, engines and edit path as the console; this header is what its command tables
// share.
namespace Flotilla::Ctl {

// The exit statuses scripts rely on.
enum ExitStatus {
    Done = 0, // done
    Partial = 1, // done in part, or refused (the reasons printed)
    Usage = 2, // the command line is wrong
    NotSignedIn = 3, // no token, or the cloud refused it
    Unreachable = 4, // the cloud could not be reached (an edit stays queued in the outbox)
};

class Context;

// A command's own arguments, parsed.
class Arguments final
{
public:
    explicit Arguments(const QCommandLineParser *parser, QStringList positional);
    const QStringList &positional() const { return m_positional; }
    bool isSet(const QString &name) const;
    QString value(const QString &name) const;
    QStringList values(const QString &name) const;

private:
    const QCommandLineParser *m_parser;
    QStringList m_positional;
};

struct Command
{
    // What opens before the command runs.
    enum class Needs {
        Nothing, // no profile, no cache (help, profiles, login)
        Fleet, // the cache, loaded; pulled first when it has never been
    };
    QStringList words; // {"customer", "add"}
    QString synopsis; // "TITLE [--slug S] [--account EMAIL]" (after the words)
    QString summary; // one line for the command list
    QString help; // what it does, in full, for `flotillactl help COMMAND`
    QList<QCommandLineOption> options;
    int minArguments = 0;
    int maxArguments = 0; // -1: any number
    Needs needs = Needs::Fleet;
    // Runs the command; returns its exit status. The JSON document it gives `Output::setResult`
    // is printed on stdout with --json.
    std::function<int(Context &, const Arguments &)> run;
    QString name() const { return words.join(QLatin1Char(' ')); }
};

// The command tables, one per area.
QList<Command> fleetCommands(); // status, sync, ls, devices, show, push, log
QList<Command> editCommands(); // move, customer …, group …, import, export
QList<Command> firmwareCommands(); // firmware …, flash …, rollout …
QList<Command> profileCommands(); // login, logout, profiles

// The whole program: `arguments` as QCoreApplication::arguments() gives them.
int run(const QStringList &arguments);

} // namespace Flotilla::Ctl
