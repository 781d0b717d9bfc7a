// SPDX-License-Identifier: MIT
// The console's icons and the application icon: every icon draws at the sizes the views ask
// for, follows the palette's lightness, and is the one the fleet tree, the node picker and the
// main window's actions show; the build rendered the .ico and .icns the installers need and the
// PNGs of the icon theme.
#include "domain/hierarchy.h"
#include "resources/iconpaths.h"
#include "tree/roles.h"
#include "views/fleetitemdelegate.h"
#include "views/icons.h"
#include "views/mainwindowactions.h"
#include "views/nodepickerdialog.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QListView>
#include <QPainter>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QSvgRenderer>
#include <QTest>
#include <QtEndian>

#include <memory>

using namespace Flotilla;

using IconFunction = QIcon (*)();
Q_DECLARE_METATYPE(IconFunction)
Q_DECLARE_METATYPE(Tree::ItemKind)

namespace {

QPalette lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion->standardPalette();
}

QPalette darkPalette()
{
    QPalette palette = lightPalette();
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    return palette;
}

// Pixels that are more than half opaque.
int opaquePixels(const QImage &image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += qAlpha(image.pixel(x, y)) > 128 ? 1 : 0;
    return count;
}

// The mean lightness of the undo arrow's pixels (drawn in ink only).
int inkLightness(const QImage &image)
{
    qint64 sum = 0;
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = QColor::fromRgba(image.pixel(x, y));
            if (c.alpha() > 200) {
                sum += c.lightness();
                ++count;
            }
        }
    }
    return count == 0 ? -1 : static_cast<int>(sum / count);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// What a delegate paints for `index` on a transparent row with no text.
QImage paintRow(QAbstractItemDelegate &delegate, const QModelIndex &index)
{
    QImage image(60, 24, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QStyleOptionViewItem option;
    option.rect = image.rect();
    option.decorationSize = QSize(16, 16);
    option.palette = lightPalette();
    QPainter painter(&image);
    delegate.paint(&painter, option, index);
    return image;
}

} // namespace

class TstIcons final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(lightPalette());
    }

    void cleanup() { QApplication::setPalette(lightPalette()); }

    void everyIconDraws_data()
    {
        QTest::addColumn<IconFunction>("icon");
        const QList<std::pair<const char *, IconFunction>> icons {
            {"application", &Views::Icons::application},
            {"customer", &Views::Icons::customer},
            {"group", &Views::Icons::group},
            {"unassignedPool", &Views::Icons::unassignedPool},
            {"returnsPool", &Views::Icons::returnsPool},
            {"needsRepairPool", &Views::Icons::needsRepairPool},
            {"deviceOnline", &Views::Icons::deviceOnline},
            {"deviceOffline", &Views::Icons::deviceOffline},
            {"sync", &Views::Icons::sync},
            {"workOffline", &Views::Icons::workOffline},
            {"signIn", &Views::Icons::signIn},
            {"importDevices", &Views::Icons::importDevices},
            {"exportDevices", &Views::Icons::exportDevices},
            {"undo", &Views::Icons::undo},
            {"redo", &Views::Icons::redo},
            {"moveTo", &Views::Icons::moveTo},
            {"newCustomer", &Views::Icons::newCustomer},
            {"newGroup", &Views::Icons::newGroup},
            {"rename", &Views::Icons::rename},
            {"remove", &Views::Icons::remove},
            {"problems", &Views::Icons::problems},
            {"flash", &Views::Icons::flash},
            {"rollouts", &Views::Icons::rollouts},
            {"activity", &Views::Icons::activity},
            {"copy", &Views::Icons::copy},
            {"find", &Views::Icons::find},
            {"notes", &Views::Icons::notes},
            {"expandAll", &Views::Icons::expandAll},
            {"collapseAll", &Views::Icons::collapseAll},
        };
        for (const auto &[name, function] : icons)
            QTest::newRow(name) << function;
    }

    // Each icon is there and draws something at 16 and 32 px, in both palettes and disabled.
    void everyIconDraws()
    {
        QFETCH(IconFunction, icon);
        for (const QPalette &palette : {lightPalette(), darkPalette()}) {
            QApplication::setPalette(palette);
            const QIcon i = icon();
            QVERIFY(!i.isNull());
            for (const int size : {16, 32}) {
                const QPixmap pixmap = i.pixmap(size);
                QCOMPARE(pixmap.size(), QSize(size, size));
                // At least a tenth of the square is drawn: an icon, not a speck.
                QVERIFY2(opaquePixels(pixmap.toImage()) > size * size / 10,
                    qPrintable(QString::number(opaquePixels(pixmap.toImage()))));
                QVERIFY(i.pixmap(size, QIcon::Disabled).toImage() != pixmap.toImage());
            }
        }
    }

    // The outlines and glyphs are dark on a light palette and light on a dark one.
    void inkFollowsThePalette()
    {
        QApplication::setPalette(lightPalette());
        const QImage onLight = Views::Icons::undo().pixmap(32).toImage();
        QApplication::setPalette(darkPalette());
        const QImage onDark = Views::Icons::undo().pixmap(32).toImage();
        QVERIFY2(inkLightness(onLight) < 80, qPrintable(QString::number(inkLightness(onLight))));
        QVERIFY2(inkLightness(onDark) > 180, qPrintable(QString::number(inkLightness(onDark))));
    }

    void treeRowsShowTheirKind_data()
    {
        QTest::addColumn<Tree::ItemKind>("kind");
        QTest::addColumn<bool>("online");
        QTest::addColumn<IconFunction>("icon");
        QTest::newRow("customer") << Tree::ItemKind::Customer << false << &Views::Icons::customer;
        QTest::newRow("group") << Tree::ItemKind::Group << false << &Views::Icons::group;
        QTest::newRow("unassigned")
            << Tree::ItemKind::Unassigned << false << &Views::Icons::unassignedPool;
        QTest::newRow("returns") << Tree::ItemKind::Returns << false << &Views::Icons::returnsPool;
        QTest::newRow("needs repair")
            << Tree::ItemKind::NeedsRepair << false << &Views::Icons::needsRepairPool;
        QTest::newRow("device online")
            << Tree::ItemKind::Device << true << &Views::Icons::deviceOnline;
        QTest::newRow("device offline")
            << Tree::ItemKind::Device << false << &Views::Icons::deviceOffline;
    }

    // The fleet tree's delegate paints a row's icon exactly as a plain delegate paints the
    // expected icon given as the row's decoration; and another kind's icon looks different.
    void treeRowsShowTheirKind()
    {
        QFETCH(Tree::ItemKind, kind);
        QFETCH(bool, online);
        QFETCH(IconFunction, icon);
        QStandardItemModel model;
        auto *row = new QStandardItem;
        row->setData(static_cast<int>(kind), Tree::KindRole);
        row->setData(online, Tree::OnlineRole);
        auto *expected = new QStandardItem;
        expected->setData(icon(), Qt::DecorationRole);
        auto *other = new QStandardItem;
        other->setData(
            kind == Tree::ItemKind::Customer ? Views::Icons::group() : Views::Icons::customer(),
            Qt::DecorationRole);
        model.appendRow({row, expected, other});
        Views::FleetItemDelegate fleetDelegate;
        QStyledItemDelegate plainDelegate;
        const QImage painted = paintRow(fleetDelegate, model.index(0, 0));
        const QImage reference = paintRow(plainDelegate, model.index(0, 1));
        QVERIFY(opaquePixels(reference) > 16 * 16 / 6);
        QCOMPARE(painted, reference);
        QVERIFY(paintRow(plainDelegate, model.index(0, 2)) != reference);
        QCOMPARE(Views::Icons::forItem(kind, online).cacheKey(), icon().cacheKey());
    }

    // Move to…'s list shows customers, groups and the two pools with their icons.
    void nodePickerShowsKinds()
    {
        QList<Domain::Group> groups;
        for (const auto &[name, nodeKind] :
            {std::pair {QStringLiteral("acme"), Domain::NodeKind::Customer},
                std::pair {QStringLiteral("acme--berlin"), Domain::NodeKind::Group}}) {
            Domain::NodeTag tag;
            tag.kind = nodeKind;
            tag.title = name;
            groups.append(Domain::Group {name, Domain::formatDescription(tag), QString(), {}});
        }
        const Domain::Hierarchy hierarchy(groups);
        Views::NodePickerDialog picker(hierarchy, QStringLiteral("Move to"), {});
        const QAbstractItemModel *model
            = picker.findChild<QListView *>(QStringLiteral("nodePickerList"))->model();
        QCOMPARE(model->rowCount(), 4);
        QSet<qint64> icons;
        for (int r = 0; r < model->rowCount(); ++r)
            icons.insert(model->index(r, 0).data(Qt::DecorationRole).value<QIcon>().cacheKey());
        const QSet<qint64> expected {Views::Icons::customer().cacheKey(),
            Views::Icons::group().cacheKey(), Views::Icons::unassignedPool().cacheKey(),
            Views::Icons::returnsPool().cacheKey()};
        QCOMPARE(icons, expected);
    }

    void actionsShowTheirIcons_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<IconFunction>("icon");
        const QList<std::pair<const char *, IconFunction>> actions {
            {"actionSyncNow", &Views::Icons::sync},
            {"actionWorkOffline", &Views::Icons::workOffline},
            {"actionSignIn", &Views::Icons::signIn},
            {"actionImport", &Views::Icons::importDevices},
            {"actionExport", &Views::Icons::exportDevices},
            {"actionUndo", &Views::Icons::undo},
            {"actionRedo", &Views::Icons::redo},
            {"actionMoveTo", &Views::Icons::moveTo},
            {"actionNewCustomer", &Views::Icons::newCustomer},
            {"actionNewGroup", &Views::Icons::newGroup},
            {"actionRename", &Views::Icons::rename},
            {"actionDelete", &Views::Icons::remove},
            {"actionProblems", &Views::Icons::problems},
            {"actionFlash", &Views::Icons::flash},
            {"actionRollouts", &Views::Icons::rollouts},
            {"actionActivity", &Views::Icons::activity},
            {"actionCopyRows", &Views::Icons::copy},
            {"actionEditNotes", &Views::Icons::notes},
            {"actionFind", &Views::Icons::find},
            {"actionExpandAll", &Views::Icons::expandAll},
            {"actionCollapseAll", &Views::Icons::collapseAll},
            {"actionAbout", &Views::Icons::application},
        };
        for (const auto &[name, function] : actions)
            QTest::newRow(name) << QString::fromLatin1(name) << function;
    }

    // The main window's actions carry the console's icons, not the style's.
    void actionsShowTheirIcons()
    {
        QFETCH(QString, action);
        QFETCH(IconFunction, icon);
        QWidget owner;
        Views::MainWindowActions actions;
        actions.create(&owner, true);
        const auto *a = owner.findChild<QAction *>(action);
        QVERIFY(a != nullptr);
        QCOMPARE(a->icon().cacheKey(), icon().cacheKey());
    }

    // Every window shows the application icon; the desktop knows the app by its desktop entry.
    void applicationIdentity()
    {
        Views::Icons::installApplicationIdentity();
        QCOMPARE(QApplication::windowIcon().cacheKey(), Views::Icons::application().cacheKey());
        QCOMPARE(QGuiApplication::desktopFileName(), QStringLiteral(FLOTILLA_APP_ID));
        QCOMPARE(Resources::applicationId(), QStringLiteral(FLOTILLA_APP_ID));
    }

    // Up to 24 px the application icon is its small drawing (the flagship and its signal);
    // above, the whole flotilla.
    void applicationIconHasASmallDrawing()
    {
        const auto rendered = [](const QString &path, int size) {
            QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QSvgRenderer renderer(path);
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            renderer.render(&painter, QRectF(0, 0, size, size));
            return image;
        };
        const QString small = Resources::smallApplicationIconPath();
        const QString large = Resources::applicationIconPath();
        for (const int size : {16, 24}) {
            const QImage icon = Views::Icons::application().pixmap(size).toImage().convertToFormat(
                QImage::Format_ARGB32_Premultiplied);
            QCOMPARE(icon, rendered(small, size));
            QVERIFY(icon != rendered(large, size));
        }
        const QImage icon = Views::Icons::application().pixmap(48).toImage().convertToFormat(
            QImage::Format_ARGB32_Premultiplied);
        QCOMPARE(icon, rendered(large, 48));
    }

    // The Windows icon: one PNG image per size from 16 to 256 px (a 0 in the entry means 256).
    void icoHasEverySize()
    {
        const QByteArray ico
            = readFile(QStringLiteral(FLOTILLA_APP_ICON_DIR "/" FLOTILLA_APP_ID ".ico"));
        QVERIFY(ico.size() > 6);
        QCOMPARE(qFromLittleEndian<quint16>(ico.constData()), quint16(0));
        QCOMPARE(qFromLittleEndian<quint16>(ico.constData() + 2), quint16(1));
        const int count = qFromLittleEndian<quint16>(ico.constData() + 4);
        QList<int> sizes;
        for (int i = 0; i < count; ++i) {
            const char *entry = ico.constData() + 6 + 16 * i;
            const int width
                = static_cast<quint8>(entry[0]) == 0 ? 256 : static_cast<quint8>(entry[0]);
            const quint32 length = qFromLittleEndian<quint32>(entry + 8);
            const quint32 offset = qFromLittleEndian<quint32>(entry + 12);
            QVERIFY(offset + length <= static_cast<quint32>(ico.size()));
            const QImage image = QImage::fromData(ico.mid(offset, length), "PNG");
            QCOMPARE(image.size(), QSize(width, width));
            QVERIFY(opaquePixels(image) > width * width / 2);
            sizes.append(width);
        }
        QCOMPARE(sizes, (QList<int> {16, 20, 24, 32, 40, 48, 64, 128, 256}));
    }

    // The macOS icon: the chunks of the sizes Finder and the Dock use, each a PNG.
    void icnsHasEveryChunk()
    {
        const QByteArray icns
            = readFile(QStringLiteral(FLOTILLA_APP_ICON_DIR "/" FLOTILLA_APP_ID ".icns"));
        QVERIFY(icns.startsWith("icns"));
        QCOMPARE(qFromBigEndian<quint32>(icns.constData() + 4), quint32(icns.size()));
        QMap<QByteArray, int> chunks;
        qsizetype at = 8;
        while (at + 8 <= icns.size()) {
            const QByteArray type = icns.mid(at, 4);
            const quint32 length = qFromBigEndian<quint32>(icns.constData() + at + 4);
            QVERIFY(length > 8 && at + length <= icns.size());
            const QImage image = QImage::fromData(icns.mid(at + 8, length - 8), "PNG");
            QVERIFY(!image.isNull());
            QCOMPARE(image.width(), image.height());
            chunks.insert(type, image.width());
            at += length;
        }
        QCOMPARE(at, icns.size());
        const QMap<QByteArray, int> expected {{"ic11", 32}, {"ic12", 64}, {"ic07", 128},
            {"ic13", 256}, {"ic08", 256}, {"ic14", 512}, {"ic09", 512}, {"ic10", 1024}};
        QCOMPARE(chunks, expected);
    }

    // The icon theme's PNGs, installed under share/icons/hicolor on Linux.
    void hicolorPngs()
    {
        for (const int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
            const QImage image(
                QStringLiteral(FLOTILLA_APP_ICON_DIR "/hicolor/%1x%1/apps/" FLOTILLA_APP_ID ".png")
                    .arg(size));
            QCOMPARE(image.size(), QSize(size, size));
        }
    }
};

QTEST_MAIN(TstIcons)
#include "tst_icons.moc"
