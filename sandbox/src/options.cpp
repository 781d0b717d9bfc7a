// SPDX-License-Identifier: MIT
#include "options.h"

#include <QCommandLineParser>

namespace Flotilla::Sandbox {

namespace {

struct NumberOption
{
    QCommandLineOption option;
    double min;
    double max;
};

} // namespace

ParsedOptions parseOptions(const QStringList &arguments)
{
    ParsedOptions result;
    SandboxOptions &o = result.options;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Flotilla sandbox cloud: a local Particle-compatible API server with simulated devices.\n"
        "Prints one JSON line with the URL and demo credentials on stdout, then serves on "
        "127.0.0.1 until SIGINT or SIGTERM."));
    const QCommandLineOption help(QStringList {QStringLiteral("h"), QStringLiteral("help")},
        QStringLiteral("Show this help."));
    parser.addOption(help);
    const auto value = [&](const char *name, const char *description, const char *valueName,
                           const QString &defaultValue) {
        QCommandLineOption opt(QString::fromLatin1(name), QString::fromLatin1(description),
            QString::fromLatin1(valueName), defaultValue);
        parser.addOption(opt);
        return opt;
    };
    const QCommandLineOption port
        = value("port", "TCP port on 127.0.0.1 (0 picks a free port).", "P", QStringLiteral("0"));
    const QCommandLineOption seed = value(
        "seed", "Seed of the demo fleet and of every simulated outcome.", "N", QStringLiteral("1"));
    const QCommandLineOption devices
        = value("devices", "Number of devices in the demo fleet.", "N", QStringLiteral("2000"));
    const QCommandLineOption customers
        = value("customers", "Number of customers in the demo fleet.", "N", QStringLiteral("6"));
    const QCommandLineOption stock = value("stock",
        "Factory stock: units with serial number, ICCID and IMEI in no product yet, ready to be "
        "imported (default: 1% of --devices, at least 5).",
        "N", QString());
    const QCommandLineOption timeScale = value("time-scale",
        "Simulated time runs X times faster than real time.", "X", QStringLiteral("1"));
    const QCommandLineOption state = value("state",
        "Keep the state in this SQLite file: load it on start if it exists, save it on exit.",
        "FILE", QString());
    const QCommandLineOption updateDuration = value(
        "update-duration", "Mean OTA update time in simulated seconds.", "S", QStringLiteral("60"));
    const QCommandLineOption updateFailure = value("update-failure-rate",
        "Fraction of OTA updates that fail (0..1).", "F", QStringLiteral("0.02"));
    const QCommandLineOption meanOnline
        = value("mean-online", "Mean length of a device's online session, simulated seconds.", "S",
            QStringLiteral("28800"));
    const QCommandLineOption meanOffline = value("mean-offline",
        "Mean time a device stays offline, simulated seconds.", "S", QStringLiteral("7200"));
    const QCommandLineOption rateLimit = value("rate-limit",
        "Requests allowed per client address per rate window.", "N", QStringLiteral("10000"));
    const QCommandLineOption rateWindow = value(
        "rate-window", "Length of the rate-limit window in seconds.", "S", QStringLiteral("300"));
    const QCommandLineOption maxPerPage = value(
        "max-per-page", "Largest accepted page size for device lists.", "N", QStringLiteral("100"));
    const QCommandLineOption maxBody = value("max-body-bytes",
        "Largest accepted request body; larger ones get 413.", "N", QStringLiteral("16777216"));
    const QCommandLineOption requestTimeout = value("request-timeout-ms",
        "Time allowed to send a complete request before 408.", "MS", QStringLiteral("30000"));
    const QCommandLineOption idleTimeout = value("idle-timeout-ms",
        "Idle keep-alive connections are closed after this long.", "MS", QStringLiteral("120000"));
    const QCommandLineOption keepAlive = value("keepalive-ms",
        "Interval of keep-alive comments on event streams.", "MS", QStringLiteral("9000"));
    const QCommandLineOption stockCsv = value("stock-csv",
        "Writes the factory stock to FILE as a warehouse's shipment list (serial number, ICCID, "
        "IMEI; CSV), ready for an import.",
        "FILE", QString());
    const QCommandLineOption stockOnline(QStringLiteral("stock-online"),
        QStringLiteral("Factory stock connects once it is imported into the product (units "
                       "unpacked and powered on at the bench; demos)."));
    parser.addOption(stockOnline);
    const QCommandLineOption allowUnproven(QStringLiteral("allow-unproven-release"),
        QStringLiteral("Allow releasing a version that has not run on any device yet (demos)."));
    parser.addOption(allowUnproven);
    const QCommandLineOption batchAddOnly(QStringLiteral("batch-applies-add-only"),
        QStringLiteral("A batch group request that both adds and removes groups applies only its "
                       "'add' list (one reading of Particle's reference; for tests)."));
    parser.addOption(batchAddOnly);
    const QCommandLineOption renameDrops(QStringLiteral("rename-drops-release"),
        QStringLiteral("A renamed group loses the firmware released to it (Particle does not "
                       "document whether it keeps it; for tests)."));
    parser.addOption(renameDrops);
    const QCommandLineOption cutDescriptions = value("cut-descriptions",
        "Group descriptions longer than N characters are kept cut short, not refused (Particle "
        "documents no limit; for tests).",
        "N", QStringLiteral("0"));
    const QCommandLineOption uniformFleet(QStringLiteral("uniform-fleet"),
        QStringLiteral("Demo fleet of customer devices only, every one of them updatable: no "
                       "unassigned stock, no returns, no development devices, no locks, all "
                       "on their target (benchmarks)."));
    parser.addOption(uniformFleet);
    const QCommandLineOption faultError = value("fault-error-rate",
        "Fraction of requests answered 500/503 without effect.", "F", QStringLiteral("0"));
    const QCommandLineOption faultDrop = value("fault-drop-rate",
        "Fraction of requests applied but cut off mid-response.", "F", QStringLiteral("0"));
    const QCommandLineOption faultGarble = value("fault-garble-rate",
        "Fraction of requests applied but answered 200 with a body that is not valid JSON.", "F",
        QStringLiteral("0"));
    const QCommandLineOption faultLatency
        = value("fault-latency-ms", "Latency added to every answer.", "MS", QStringLiteral("0"));
    const QCommandLineOption faultJitter = value(
        "fault-latency-jitter-ms", "Random extra latency, 0..MS.", "MS", QStringLiteral("0"));
    const QCommandLineOption faultBurstRate = value("fault-429-burst-rate",
        "Chance per request that a burst of 429 answers starts.", "F", QStringLiteral("0"));
    const QCommandLineOption faultBurstLength = value(
        "fault-429-burst-length", "Requests answered 429 per burst.", "N", QStringLiteral("20"));

    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        result.helpText = parser.helpText();
        return result;
    }
    result.helpText = parser.helpText();
    if (parser.isSet(help)) {
        result.help = true;
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.error
            = QStringLiteral("Unexpected argument: %1").arg(parser.positionalArguments().first());
        return result;
    }
    const auto number = [&](const QCommandLineOption &opt, double min, double max, double *out) {
        bool ok = false;
        const double v = parser.value(opt).toDouble(&ok);
        if (!ok || v < min || v > max) {
            if (result.error.isEmpty())
                result.error = QStringLiteral("--%1 must be a number from %2 to %3, got '%4'")
                                   .arg(opt.names().first())
                                   .arg(min)
                                   .arg(max)
                                   .arg(parser.value(opt));
            return false;
        }
        *out = v;
        return true;
    };
    double v = 0;
    if (number(port, 0, 65535, &v))
        o.port = static_cast<quint16>(v);
    bool seedOk = false;
    o.seed = parser.value(seed).toULongLong(&seedOk);
    if (!seedOk && result.error.isEmpty())
        result.error = QStringLiteral("--seed must be a non-negative integer, got '%1'")
                           .arg(parser.value(seed));
    if (number(devices, 0, 1000000, &v))
        o.devices = static_cast<int>(v);
    if (number(customers, 0, 500, &v))
        o.customers = static_cast<int>(v);
    if (parser.isSet(stock) && number(stock, 0, 1000000, &v))
        o.stock = static_cast<int>(v);
    number(timeScale, 0.001, 1000000, &o.simulation.timeScale);
    number(updateDuration, 0.001, 86400, &o.simulation.updateDurationS);
    number(updateFailure, 0, 1, &o.simulation.updateFailureRate);
    number(meanOnline, 1, 1e8, &o.simulation.meanOnlineS);
    number(meanOffline, 1, 1e8, &o.simulation.meanOfflineS);
    if (number(rateLimit, 1, 1e9, &v))
        o.limits.requestsPerWindow = static_cast<int>(v);
    if (number(rateWindow, 1, 86400, &v))
        o.limits.windowSeconds = static_cast<int>(v);
    if (number(maxPerPage, 1, 100000, &v))
        o.limits.maxPerPage = static_cast<int>(v);
    if (number(maxBody, 1024, 1e9, &v))
        o.http.maxBodyBytes = static_cast<qsizetype>(v);
    if (number(requestTimeout, 100, 3600000, &v))
        o.http.requestTimeoutMs = static_cast<int>(v);
    if (number(idleTimeout, 100, 86400000, &v))
        o.http.idleTimeoutMs = static_cast<int>(v);
    if (number(keepAlive, 10, 600000, &v))
        o.keepAliveMs = static_cast<int>(v);
    number(faultError, 0, 1, &o.faults.errorRate);
    number(faultDrop, 0, 1, &o.faults.dropRate);
    number(faultGarble, 0, 1, &o.faults.garbleRate);
    if (number(faultLatency, 0, 600000, &v))
        o.faults.latencyMs = static_cast<int>(v);
    if (number(faultJitter, 0, 600000, &v))
        o.faults.latencyJitterMs = static_cast<int>(v);
    number(faultBurstRate, 0, 1, &o.faults.burst429Rate);
    if (number(faultBurstLength, 1, 1000000, &v))
        o.faults.burst429Length = static_cast<int>(v);
    if (result.error.isEmpty() && o.faults.errorRate + o.faults.dropRate + o.faults.garbleRate > 1)
        result.error = QStringLiteral(
            "--fault-error-rate plus --fault-drop-rate plus --fault-garble-rate must not exceed 1");
    o.statePath = parser.value(state);
    o.allowUnprovenRelease = parser.isSet(allowUnproven);
    o.stockOnline = parser.isSet(stockOnline);
    o.stockCsvPath = parser.value(stockCsv);
    o.batchAppliesAddOnly = parser.isSet(batchAddOnly);
    o.renameDropsRelease = parser.isSet(renameDrops);
    if (number(cutDescriptions, 0, 1000000, &v))
        o.descriptionCut = static_cast<int>(v);
    o.uniformFleet = parser.isSet(uniformFleet);
    return result;
}

} // namespace Flotilla::Sandbox
