// SPDX-License-Identifier: MIT
// Column headers and the progress chart's legend in German, whose words are longer than the
// English ones the widths were chosen for: a column gets at least the width of its header's text
// (resizeSectionAtLeast), the Flash dialog's waves table shows each header whole, and the chart
// asks for room for its legend on one line.
#include "app/translations.h"
#include "views/headerwidths.h"
#include "views/progresschart.h"
#include "views/wavestable.h"

#include <QApplication>
#include <QHeaderView>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace Flotilla;

class TestHeaderWidths final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { App::installTranslations(QStringLiteral("de")); }
    void cleanup() { App::installTranslations(QStringLiteral("en")); }

    void atLeastTheHeadersText_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<int>("width");
        QTest::addColumn<bool>("widened");
        QTest::newRow("short text keeps the width") << QStringLiteral("ID") << 120 << false;
        QTest::newRow("long text widens it")
            << QStringLiteral("Ausstehende Änderungen in der Cloud") << 72 << true;
    }

    void atLeastTheHeadersText()
    {
        QFETCH(QString, header);
        QFETCH(int, width);
        QFETCH(bool, widened);
        QStandardItemModel model(1, 2);
        model.setHorizontalHeaderLabels({header, QStringLiteral("rest")});
        QTableView view;
        view.setModel(&model);
        QHeaderView *h = view.horizontalHeader();
        const int textWidth = h->fontMetrics().horizontalAdvance(header);
        Views::resizeSectionAtLeast(h, 0, width);
        if (widened) {
            // The whole text fits (with the header's margins), wider than asked.
            QVERIFY2(h->sectionSize(0) > textWidth,
                qPrintable(QStringLiteral("%1 <= %2").arg(h->sectionSize(0)).arg(textWidth)));
            QCOMPARE(h->sectionSize(0), h->sectionSizeHint(0));
        } else {
            QCOMPARE(h->sectionSize(0), width);
        }
    }

    // "Anhalten bei Fehlern" (Pause at failures) does not fit the table's default column width.
    void wavesTableShowsWholeGermanHeaders()
    {
        Views::WavesTable table;
        QHeaderView *h = table.horizontalHeader();
        QCOMPARE(table.horizontalHeaderItem(3)->text(), QStringLiteral("Anhalten bei Fehlern"));
        QVERIFY(h->sectionSizeHint(3) > h->defaultSectionSize());
        for (int c = 0; c < table.columnCount(); ++c) {
            QVERIFY2(h->sectionSize(c) >= h->sectionSizeHint(c),
                qPrintable(table.horizontalHeaderItem(c)->text()));
        }
    }

    void chartLegendFitsInGerman()
    {
        const Views::ProgressChart chart;
        int legend = 0;
        for (const char *text : {"Succeeded", "Failed", "In progress"}) {
            const QString german
                = QCoreApplication::translate("Flotilla::Views::ProgressChart", text);
            QVERIFY2(german != QLatin1String(text), text); // the catalogue is in use
            legend += chart.fontMetrics().horizontalAdvance(german);
        }
        QVERIFY2(chart.minimumSizeHint().width() > legend,
            qPrintable(
                QStringLiteral("%1 <= %2").arg(chart.minimumSizeHint().width()).arg(legend)));
    }
};

QTEST_MAIN(TestHeaderWidths)
#include "tst_headerwidths.moc"
