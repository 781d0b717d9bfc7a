// SPDX-License-Identifier: MIT
// bench_console: the console benchmark's measuring program (bench/tree.sh; not a test). It opens
// the real console (AppContext: engine, models, MainWindow) on an existing cache file without a
// token, so the engine only loads the cache and sends nothing, and measures:
//   cold_start_ms  process start (--start-ns, CLOCK_REALTIME in ns, taken by the script just
//                  before starting it; else the start time in /proc/self/stat on Linux, the
//                  start of main() elsewhere) to the first paint of the tree's viewport after
//                  the tree model has the fleet
//   tree_paint_ms  process start to the first paint of the tree with its customers, groups and
//                  counts: from the fleet overview kept in the cache, before the devices are
//                  read (or with the fleet, when the cache has no overview)
//   filter_p95_ms  95th percentile over every keystroke typed into the device table's filter
//                  line edit (the whole fleet in scope), each with the events it causes processed
//   drop1000_ms    MainWindow::requestMoveDevices() of 1,000 devices (what a drop calls), the
//                  engine paused, until the tree's count of the target node has grown by 1,000
//                  and the tree has painted it
//   rss_mb         peak resident set size (VmHWM) of the process
// The last line of stdout is
// "cold_start_ms=… filter_p95_ms=… drop1000_ms=… rss_mb=… devices=… tree_paint_ms=…";
// the lines before it give details.
//
//   bench_console --cache FILE [--url URL --product ID] [--start-ns NS]
//                 [--move-from PATH] [--move-to PATH]
#include "../support/peakrss.h"
#include "app/appcontext.h"
#include "domain/hierarchy.h"
#include "sync/syncengine.h"
#include "tree/devicetablemodel.h"
#include "tree/fleettreemodel.h"
#include "views/fleettreeview.h"
#include "views/mainwindow.h"
#include "views/moveconfirmdialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

using namespace Flotilla;

using Flotilla::TestSupport::peakRssMb;

namespace {

// The wall clock in ns since the epoch (CLOCK_REALTIME on Linux, as the script's `date +%s%N`).
qint64 realtimeNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// When this process started, in realtimeNs() terms: from /proc/self/stat on Linux
// (clock-tick resolution); 0 where it is not known.
qint64 processStartNs()
{
#ifdef Q_OS_LINUX
    QFile file(QStringLiteral("/proc/self/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    // Field 22 (starttime) is the 20th after "pid (comm)".
    const double ticks = fields.value(19).toDouble();
    timespec boot {};
    clock_gettime(CLOCK_BOOTTIME, &boot);
    const qint64 sinceBootNs = qint64(boot.tv_sec) * 1000000000 + boot.tv_nsec;
    const qint64 startSinceBootNs = qint64(ticks / double(sysconf(_SC_CLK_TCK)) * 1e9);
    return realtimeNs() - (sinceBootNs - startSinceBootNs);
#else
    return 0;
#endif
}

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "bench_console: %s\n", qPrintable(message));
    std::fflush(stdout);
    std::_Exit(1);
}

// Counts the paints of a widget.
class PaintCounter final : public QObject
{
public:
    int paints = 0;
    std::function<void()> onPaint;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            ++paints;
            if (onPaint)
                onPaint();
        }
        return QObject::eventFilter(watched, event);
    }
};

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<size_t>(std::ceil(p * double(values.size())));
    return values.at(std::clamp<size_t>(rank, 1, values.size()) - 1);
}

} // namespace

int main(int argc, char *argv[])
{
    const qint64 mainNs = realtimeNs();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Flotilla"));
    QApplication::setOrganizationDomain(QStringLiteral("flotilla.example"));
    QApplication::setApplicationName(QStringLiteral("Console"));

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption cache(QStringLiteral("cache"),
        QStringLiteral("Cache file (filled by a pull)."), QStringLiteral("FILE"));
    const QCommandLineOption url(QStringLiteral("url"),
        QStringLiteral("API base URL the cache belongs to (nothing is sent)."),
        QStringLiteral("URL"), QStringLiteral("http://127.0.0.1:9"));
    const QCommandLineOption product(QStringLiteral("product"), QStringLiteral("Product ID."),
        QStringLiteral("ID"), QStringLiteral("1"));
    const QCommandLineOption startNs(QStringLiteral("start-ns"),
        QStringLiteral("Start time (CLOCK_REALTIME, ns) taken just before starting this program."),
        QStringLiteral("NS"));
    const QCommandLineOption moveFrom(QStringLiteral("move-from"),
        QStringLiteral("Customer whose unowned devices are moved."), QStringLiteral("PATH"),
        QStringLiteral("cobalt"));
    const QCommandLineOption moveTo(QStringLiteral("move-to"),
        QStringLiteral("Node they are moved to."), QStringLiteral("PATH"),
        QStringLiteral("delta-water--pump-1"));
    for (const QCommandLineOption &o : {cache, url, product, startNs, moveFrom, moveTo})
        parser.addOption(o);
    parser.process(app);
    if (!parser.isSet(cache))
        fail(QStringLiteral("--cache FILE is needed"));
    qint64 startedNs
        = parser.isSet(startNs) ? parser.value(startNs).toLongLong() : processStartNs();
    if (startedNs <= 0)
        startedNs = mainNs;
    std::printf("process start to main(): %.1f ms\n", double(mainNs - startedNs) / 1e6);

    // --- cold start -------------------------------------------------------------------------
    App::Connection connection;
    connection.apiUrl = QUrl(parser.value(url));
    connection.productId = parser.value(product).toInt();
    connection.cachePath = parser.value(cache);
    connection.description = QStringLiteral("benchmark");
    connection.actor = QStringLiteral("bench_console");
    connection.sandbox = true;
    connection.liveEvents = false;
    // No token: the engine loads the cache and pulls nothing; without a token store there is
    // no sign-in dialog.

    App::AppContext context;
    QString openError = QStringLiteral("not opened");
    bool opened = false;
    context.open(connection, [&](QString error) {
        openError = error;
        opened = true;
    });
    Views::MainWindow *window = context.window();
    Tree::FleetTreeModel *tree = context.treeModel();
    Tree::DeviceTableModel *table = context.tableModel();
    Sync::SyncEngine *engine = context.engine();
    QWidget *treeViewport = window->treeView()->viewport();

    PaintCounter treePaints;
    qint64 firstFilledPaintNs = 0;
    qint64 firstCountsPaintNs = 0;
    bool paintedOverview = false;
    qint64 loadedNs = 0;
    QObject::connect(engine, &Sync::SyncEngine::loaded, [&] { loadedNs = realtimeNs(); });
    treePaints.onPaint = [&] {
        if (!firstCountsPaintNs && (tree->showsOverview() || tree->deviceCount() > 0)) {
            firstCountsPaintNs = realtimeNs();
            paintedOverview = tree->showsOverview();
        }
        if (!firstFilledPaintNs && tree->deviceCount() > 0)
            firstFilledPaintNs = realtimeNs();
    };
    treeViewport->installEventFilter(&treePaints);
    window->resize(1400, 900);
    window->show();
    const qint64 shownNs = realtimeNs();

    QElapsedTimer wait;
    wait.start();
    while (!firstFilledPaintNs && wait.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (!opened || !openError.isEmpty())
        fail(QStringLiteral("opening the console: %1").arg(openError));
    if (!firstFilledPaintNs)
        fail(QStringLiteral("the tree was not painted with the fleet within 60 s"));
    const double coldStartMs = double(firstFilledPaintNs - startedNs) / 1e6;
    const double treePaintMs = double(firstCountsPaintNs - startedNs) / 1e6;
    const int devices = tree->deviceCount();
    std::printf(
        "cold start: window shown %.0f ms, tree painted with counts %.0f ms (%s), fleet loaded "
        "%.0f ms, tree painted with the fleet %.0f ms after process start (%d devices, %d tree "
        "paints)\n",
        double(shownNs - startedNs) / 1e6, treePaintMs,
        paintedOverview ? "from the fleet overview" : "from the fleet",
        double(loadedNs - startedNs) / 1e6, coldStartMs, devices, treePaints.paints);
    std::fflush(stdout);

    // --- filter: keystrokes over the whole fleet ----------------------------------------------
    // No current row in the tree: the table shows the whole fleet.
    window->treeView()->selectionModel()->clearCurrentIndex();
    QTest::qWait(50);
    if (table->scope().kind != Tree::DeviceScope::Kind::All)
        std::printf("note: table scope is not the whole fleet (%d devices in scope)\n",
            table->totalInScope());
    const Sync::FleetState &state = engine->state();
    QStringList ids = state.devices.keys();
    ids.sort();
    const Domain::Device &a = state.devices[ids.at(ids.size() / 3)];
    const Domain::Device &b = state.devices[ids.at(ids.size() / 2)];
    const Domain::Device &c = state.devices[ids.at(2 * ids.size() / 3)];
    const QStringList queries {
        a.id.left(10), // a device ID, as far as needed
        b.name, // a device's name
        c.serialNumber.left(10), // a serial number
        QStringLiteral("online fw:%1").arg(c.firmwareVersion),
        QStringLiteral("in:%1 -online").arg(parser.value(moveFrom)),
        QStringLiteral("pump"),
    };
    QLineEdit *filter = window->filterField();
    filter->setFocus();
    std::vector<double> keystrokes;
    std::vector<QString> typed; // the field's text after each keystroke
    QElapsedTimer keystroke;
    const auto timed = [&](auto press) {
        keystroke.start();
        press();
        QCoreApplication::processEvents();
        keystrokes.push_back(double(keystroke.nsecsElapsed()) / 1e6);
        typed.push_back(filter->text());
    };
    for (const QString &query : queries) {
        for (const QChar ch : query)
            timed([&] { QTest::keyClicks(filter, QString(ch)); });
        std::printf("filter \"%s\": %d of %d devices\n", qPrintable(query), table->visibleCount(),
            table->totalInScope());
        // Clearing it (select all, Backspace) is a keystroke too.
        filter->selectAll();
        timed([&] { QTest::keyClick(filter, Qt::Key_Backspace); });
    }
    if (table->visibleCount() != table->totalInScope())
        fail(QStringLiteral("the filter was not cleared"));
    const double filterP95 = percentile(keystrokes, 0.95);
    std::printf("filter: %zu keystrokes, median %.1f ms, p95 %.1f ms, max %.1f ms\n",
        keystrokes.size(), percentile(keystrokes, 0.5), filterP95,
        *std::max_element(keystrokes.begin(), keystrokes.end()));
    std::vector<size_t> order(keystrokes.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
        [&](size_t x, size_t y) { return keystrokes[x] > keystrokes[y]; });
    for (size_t i = 0; i < std::min<size_t>(5, order.size()); ++i)
        std::printf("  slow keystroke: %.1f ms to \"%s\"\n", keystrokes[order[i]],
            qPrintable(typed[order[i]]));
    std::fflush(stdout);

    // --- drop of 1,000 devices -----------------------------------------------------------------
    const QString from = parser.value(moveFrom);
    const QString to = parser.value(moveTo);
    const Domain::Hierarchy hierarchy = state.hierarchy();
    QStringList moving;
    for (const QString &id : std::as_const(ids)) {
        const Domain::Device &d = state.devices[id];
        if (!d.owner.isEmpty())
            continue;
        const Domain::Placement p = Domain::placeDevice(d.groups, hierarchy);
        if (p.kind == Domain::PlacementKind::Node
            && (p.path == from || p.path.startsWith(from + QLatin1String("--")))) {
            moving.append(id);
            if (moving.size() == 1000)
                break;
        }
    }
    if (moving.size() != 1000)
        fail(QStringLiteral("only %1 unowned devices under %2").arg(moving.size()).arg(from));
    const QModelIndex target = tree->indexForNode(to, Tree::FleetTreeModel::DevicesColumn);
    const QModelIndex source = tree->indexForNode(from, Tree::FleetTreeModel::DevicesColumn);
    if (!target.isValid() || !source.isValid())
        fail(QStringLiteral("no node %1 or %2 in the tree").arg(from, to));
    const int countRole = Tree::DeviceCountRole;
    const int targetBefore = target.data(countRole).toInt();
    const int sourceBefore = source.data(countRole).toInt();
    // Shown in the tree (the customer expanded, the target visible), as before a real drop.
    window->selectNode(to);
    QTest::qWait(50);
    engine->setPaused(true);

    int movedRows = 0;
    QObject::connect(tree, &QAbstractItemModel::rowsMoved,
        [&](const QModelIndex &, int first, int last) { movedRows += last - first + 1; });
    int paintsAtDrop = 0;
    qint64 shownAtNs = 0;
    bool countsDone = false;
    qint64 countsNs = 0;
    treePaints.onPaint = [&] {
        if (countsDone && !shownAtNs && treePaints.paints > paintsAtDrop)
            shownAtNs = realtimeNs();
    };
    const qint64 dropNs = realtimeNs();
    paintsAtDrop = treePaints.paints;
    window->requestMoveDevices(moving, Domain::MoveTarget::node(to));
    bool confirmed = false;
    qint64 confirmNs = 0;
    wait.restart();
    while (!shownAtNs && wait.elapsed() < 60000) {
        if (!confirmed) {
            if (auto *dialog = window->findChild<Views::MoveConfirmDialog *>()) {
                confirmNs = realtimeNs();
                dialog->accept();
                confirmed = true;
            }
        }
        if (!countsDone && target.data(countRole).toInt() == targetBefore + 1000
            && source.data(countRole).toInt() == sourceBefore - 1000) {
            countsDone = true;
            countsNs = realtimeNs();
            paintsAtDrop = treePaints.paints;
            treeViewport->update();
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    if (!shownAtNs)
        fail(QStringLiteral("the tree did not show the move within 60 s (%1 -> %2, %3 -> %4)")
                 .arg(targetBefore)
                 .arg(target.data(countRole).toInt())
                 .arg(sourceBefore)
                 .arg(source.data(countRole).toInt()));
    const double dropMs = double(shownAtNs - dropNs) / 1e6;
    if (movedRows != 1000 || engine->pendingCount() == 0)
        fail(QStringLiteral("the tree moved %1 rows, %2 changes pending")
                 .arg(movedRows)
                 .arg(engine->pendingCount()));
    std::printf("drop: 1000 devices %s -> %s, %s, tree counts updated %.1f ms, painted %.1f ms "
                "after the request (%d rows moved, %d pending changes)\n",
        qPrintable(from), qPrintable(to),
        confirmed ? qPrintable(QStringLiteral("confirmation accepted %1 ms after the request")
                                   .arg(double(confirmNs - dropNs) / 1e6, 0, 'f', 1))
                  : "no confirmation needed",
        double(countsNs - dropNs) / 1e6, dropMs, movedRows, engine->pendingCount());

    const double rssMb = peakRssMb();
    std::printf("cold_start_ms=%.0f filter_p95_ms=%.1f drop1000_ms=%.0f rss_mb=%.1f devices=%d "
                "tree_paint_ms=%.0f\n",
        coldStartMs, filterP95, dropMs, rssMb, devices, treePaintMs);
    std::fflush(stdout);
    // Nothing was sent: the move stays in this cache file only.
    window->close();
    return 0;
}
