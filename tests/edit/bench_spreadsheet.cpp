// SPDX-License-Identifier: MIT
// bench_spreadsheet: the spreadsheet benchmark's measuring program (bench/spreadsheet.sh; not a
// test). It builds a fleet in memory (customers with sites and lines, the pools, devices with
// serials, ICCIDs, notes and times; no network, no cache) and measures:
//   csv_export_ms   the export of the whole fleet with every column to a CSV file: the rows
//                   chosen and sorted (Tree::exportTable) and written (Tree::writeExportFile)
//   xlsx_export_ms  the same to an XLSX workbook
//   csv_plan_ms     the CSV file read (Io::readSpreadsheet) and planned as an import on the
//                   same fleet (Edit::planImport): what the import dialog does with the file
//   xlsx_plan_ms    the same for the workbook
//   rss_mb          peak resident set size (VmHWM) of the process
// An unchanged export planned as an import changes nothing: the plans are checked for that
// (every row "unchanged"), so the figures are those of a real round trip.
// The last line of stdout is
// "rows=… csv_plan_ms=… xlsx_plan_ms=… csv_export_ms=… xlsx_export_ms=… rss_mb=…";
// the lines before it give details.
//
//   bench_spreadsheet [--devices N] [--dir DIR]
#include "../support/peakrss.h"
#include "../tree/treefixture.h"
#include "edit/importplan.h"
#include "io/xlsx.h"
#include "tree/fleetexport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <optional>

using namespace Flotilla;

using Flotilla::TestSupport::peakRssMb;

namespace {

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "bench_spreadsheet: %s\n", qPrintable(message));
    std::fflush(stdout);
    std::_Exit(1);
}

// The generated fleet of the tree tests with what an export shows filled in.
Sync::FleetState benchFleet(int devices)
{
    const int customers = qMax(1, devices / 2500);
    Sync::FleetState s = TreeTest::generatedFleet(devices, customers, 20261207);
    s.product.platformId = 13;
    constexpr qint64 BaseMs = 1796601600000; // 2026-12-06T00:00:00Z
    // Device IDs as Particle makes them (random hexadecimal). The import plan takes an ID of
    // digits around one 'e' ("0585588957760e5559046507") for a number a spreadsheet rounded
    // (a row error): the fleet here has none, so that the plans measure a clean round trip.
    static const QRegularExpression exponent(QStringLiteral("^[0-9]+e[0-9]+$"));
    QHash<QString, Domain::Device> devicesById;
    devicesById.reserve(s.devices.size());
    int n = 0;
    for (Domain::Device d : std::as_const(s.devices)) {
        ++n;
        d.id.clear();
        for (int salt = 0; d.id.isEmpty() || exponent.match(d.id).hasMatch(); ++salt) {
            d.id = QString::fromLatin1(QCryptographicHash::hash(
                QByteArray(QByteArray::number(n) + QByteArray::number(salt)),
                QCryptographicHash::Sha1)
                                           .toHex()
                                           .left(24));
        }
        d.serialNumber = QStringLiteral("P%1").arg(n, 9, 10, QLatin1Char('0'));
        d.iccid = QStringLiteral("8988307%1").arg(n, 13, 10, QLatin1Char('0'));
        d.imei = QStringLiteral("35265610%1").arg(n, 7, 10, QLatin1Char('0'));
        d.platformId = 13;
        d.name.replace(QLatin1Char(' '), QLatin1Char('-')); // as Particle allows them
        d.lastHeardMs = n % 17 == 0 ? 0 : BaseMs - qint64(n) * 37000;
        if (n % 9 == 0) {
            d.notes = QStringLiteral("Battery replaced, unit %1; back from the field").arg(n);
            d.hasNotes = true;
        }
        if (n % 23 == 0)
            d.desiredFirmwareVersion = 3;
        devicesById.insert(d.id, d);
    }
    s.devices = devicesById;
    TreeTest::retarget(s);
    return s;
}

QStringList everyColumn()
{
    QStringList keys;
    for (const Tree::ExportField &f : Tree::exportFields())
        keys.append(f.key);
    return keys;
}

// CPU time of the process in ms (the machine may be shared: wall time alone can mislead).
qint64 cpuMs()
{
    return static_cast<qint64>(double(std::clock()) * 1000.0 / CLOCKS_PER_SEC);
}

qint64 timeExport(const Sync::FleetState &fleet, const QString &path, Tree::ExportFormat format)
{
    const qint64 cpuStart = cpuMs();
    QElapsedTimer timer;
    timer.start();
    const Io::ExportTable table
        = Tree::exportTable(fleet, Tree::ExportScope::all(), everyColumn(), {});
    const qint64 tableMs = timer.elapsed();
    Tree::ExportFileOptions options;
    options.format = format;
    QString error;
    if (!Tree::writeExportFile(path, table, options, &error))
        fail(error);
    const qint64 ms = timer.elapsed();
    std::printf("%s export: %d rows, %d columns, %lld ms (CPU %lld ms; rows chosen and sorted in "
                "%lld ms), %.1f MiB\n",
        format == Tree::ExportFormat::Csv ? "csv" : "xlsx", table.rowCount,
        static_cast<int>(table.columns.size()), static_cast<long long>(ms),
        static_cast<long long>(cpuMs() - cpuStart), static_cast<long long>(tableMs),
        double(QFileInfo(path).size()) / 1024.0 / 1024.0);
    if (table.rowCount != fleet.devices.size())
        fail(QStringLiteral("the export has %1 rows, not %2")
                 .arg(table.rowCount)
                 .arg(fleet.devices.size()));
    return ms;
}

// --- import plans ---------------------------------------------------------------------------
// The exported files read and planned as imports on the fleet they were exported from: the
// file's bytes to an ImportPlan, as the import dialog does (read, columns from the headers,
// plan). Each plan must change nothing: an unchanged export is an unchanged fleet.
struct PlanTimes
{
    qint64 csvMs = -1;
    qint64 xlsxMs = -1;
};

qint64 timePlan(const Sync::FleetState &fleet, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    const qint64 cpuStart = cpuMs();
    QElapsedTimer timer;
    timer.start();
    const QByteArray bytes = file.readAll();
    QString error;
    const Io::TextTable table = Io::readSpreadsheet(bytes, path, {}, &error);
    if (!error.isEmpty())
        fail(error);
    const qint64 readMs = timer.elapsed();
    Edit::ImportOptions options;
    options.mapping = Edit::guessMapping(table);
    const Edit::ImportPlan plan = Edit::planImport(table, options, fleet);
    const qint64 ms = timer.elapsed();
    if (!plan.error.isEmpty())
        fail(plan.error);
    const int unchanged = plan.count(Edit::RowAction::Unchanged);
    std::printf("%s plan: %lld ms (CPU %lld ms; file read in %lld ms), %d rows: %d unchanged, %d "
                "errors, %d changes\n",
        qPrintable(QFileInfo(path).suffix()), static_cast<long long>(ms),
        static_cast<long long>(cpuMs() - cpuStart), static_cast<long long>(readMs),
        static_cast<int>(plan.rows.size()), unchanged, plan.errorCount(), plan.validChanges());
    for (const Edit::ImportRow &row : plan.rows) {
        if (row.action != Edit::RowAction::Unchanged) {
            fail(
                QStringLiteral("row %1 of %2 is not unchanged: %3 %4")
                    .arg(row.row)
                    .arg(path, Edit::actionKey(row.action), row.errors.join(QStringLiteral("; "))));
        }
    }
    if (plan.rows.size() != fleet.devices.size())
        fail(QStringLiteral("the plan of %1 has %2 rows, not %3")
                 .arg(path)
                 .arg(plan.rows.size())
                 .arg(fleet.devices.size()));
    return ms;
}

PlanTimes timeImportPlans(const Sync::FleetState &fleet, const QString &csv, const QString &xlsx)
{
    PlanTimes times;
    times.csvMs = timePlan(fleet, csv);
    times.xlsxMs = timePlan(fleet, xlsx);
    return times;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption devicesOption(QStringLiteral("devices"),
        QStringLiteral("Fleet size (default 100000)."), QStringLiteral("N"),
        QStringLiteral("100000"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
        QStringLiteral("Folder for the files written (default: a temporary one, removed)."),
        QStringLiteral("DIR"));
    parser.addOption(devicesOption);
    parser.addOption(dirOption);
    parser.process(app);
    bool ok = false;
    const int devices = parser.value(devicesOption).toInt(&ok);
    if (!ok || devices < 1)
        fail(QStringLiteral("--devices must be a positive number"));
    std::optional<QTemporaryDir> temporary;
    QString dir = parser.value(dirOption);
    if (dir.isEmpty()) {
        temporary.emplace();
        if (!temporary->isValid())
            fail(QStringLiteral("no temporary folder"));
        dir = temporary->path();
    }

    QElapsedTimer timer;
    timer.start();
    const Sync::FleetState fleet = benchFleet(devices);
    std::printf("fleet: %d devices, %d groups, built in %lld ms\n",
        static_cast<int>(fleet.devices.size()), static_cast<int>(fleet.groups.size()),
        static_cast<long long>(timer.elapsed()));

    const QString csv = dir + QStringLiteral("/fleet.csv");
    const QString xlsx = dir + QStringLiteral("/fleet.xlsx");
    const qint64 csvExportMs = timeExport(fleet, csv, Tree::ExportFormat::Csv);
    const qint64 xlsxExportMs = timeExport(fleet, xlsx, Tree::ExportFormat::Xlsx);
    {
        // What making the cells costs, apart from writing them.
        const Io::ExportTable table
            = Tree::exportTable(fleet, Tree::ExportScope::all(), everyColumn(), {});
        const qint64 cpuStart = cpuMs();
        QVariantList cells;
        for (int r = 0; r < table.rowCount; ++r) {
            cells.clear();
            table.row(r, cells);
        }
        std::printf("cells of every row made (not written): CPU %lld ms\n",
            static_cast<long long>(cpuMs() - cpuStart));
    }
    std::printf("peak RSS with the fleet and both exports: %.0f MiB\n", peakRssMb());
    const PlanTimes plans = timeImportPlans(fleet, csv, xlsx);

    std::printf("rows=%d csv_plan_ms=%lld xlsx_plan_ms=%lld csv_export_ms=%lld xlsx_export_ms=%lld "
                "rss_mb=%.0f\n",
        static_cast<int>(fleet.devices.size()), static_cast<long long>(plans.csvMs),
        static_cast<long long>(plans.xlsxMs), static_cast<long long>(csvExportMs),
        static_cast<long long>(xlsxExportMs), peakRssMb());
    std::fflush(stdout);
    return 0;
}
