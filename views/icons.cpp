// SPDX-License-Identifier: MIT
#include "views/icons.h"

#include "resources/iconpaths.h"
#include "views/logging.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QStyle>
#include <QStyleOption>
#include <QSvgRenderer>

#include <memory>

namespace Flotilla::Views::Icons {

namespace {

// The ink of resources/icons/*.svg and the one it becomes on a dark palette.
constexpr QLatin1String darkInk("#27313d");
constexpr QLatin1String lightInk("#dfe5ec");

bool darkPalette()
{
    const QPalette palette = QGuiApplication::palette();
    return palette.color(QPalette::Window).lightness()
        < palette.color(QPalette::WindowText).lightness();
}

// Renders one of the console's SVG icons at any size, with the ink of the palette of the moment;
// the disabled look is the style's. Pixmaps are kept in the QPixmapCache. An icon may have a
// second drawing for small sizes (up to `largestSmall` px).
class SvgIconEngine final : public QIconEngine
{
public:
    explicit SvgIconEngine(const QString &path, const QString &smallPath = {}, int largestSmall = 0)
        : m_path(path)
        , m_small(smallPath.isEmpty() ? nullptr : new SvgIconEngine(smallPath))
        , m_largestSmall(largestSmall)
    { }

    QIconEngine *clone() const override
    {
        return new SvgIconEngine(m_path, m_small ? m_small->m_path : QString(), m_largestSmall);
    }
    QString key() const override { return QStringLiteral("flotilla-svg"); }
    bool isNull() override { return source(false).isEmpty(); }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }

    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        return {QSize(16, 16), QSize(24, 24), QSize(32, 32), QSize(48, 48)};
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, render(rect.size(), ratio, mode));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override
    {
        return render(size, 1.0, mode);
    }

    // `size` in device pixels, for a screen of `scale` device pixels per logical pixel.
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        return render(size / scale, scale, mode);
    }

private:
    // The icon for `size` logical pixels; the small drawing is chosen by the logical size, so
    // a 16 px icon on a 2x screen is the small drawing with twice the detail.
    QPixmap render(const QSize &size, qreal scale, QIcon::Mode mode) const
    {
        if (size.isEmpty())
            return {};
        if (m_small && qMax(size.width(), size.height()) <= m_largestSmall)
            return m_small->render(size, scale, mode);
        const QSize pixels = (QSizeF(size) * scale).toSize();
        const bool dark = darkPalette();
        const QString cacheKey = QStringLiteral("flotilla-icon:%1:%2x%3:%4:%5")
                                     .arg(m_path)
                                     .arg(pixels.width())
                                     .arg(pixels.height())
                                     .arg(static_cast<int>(mode))
                                     .arg(dark ? 1 : 0);
        QPixmap pm;
        if (!QPixmapCache::find(cacheKey, &pm)) {
            QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QSvgRenderer renderer(source(dark));
            if (renderer.isValid()) {
                QPainter painter(&image);
                painter.setRenderHint(QPainter::Antialiasing);
                renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(pixels)));
            }
            pm = QPixmap::fromImage(image);
            if (mode == QIcon::Disabled) {
                const QStyleOption option;
                pm = QApplication::style()->generatedIconPixmap(QIcon::Disabled, pm, &option);
            }
            QPixmapCache::insert(cacheKey, pm);
        }
        pm.setDevicePixelRatio(scale);
        return pm;
    }

    QByteArray source(bool dark) const
    {
        QByteArray &svg = m_sources[dark ? 1 : 0];
        if (svg.isEmpty() && !m_missing) {
            QFile file(m_path);
            if (file.open(QIODevice::ReadOnly)) {
                svg = file.readAll();
            } else {
                qCWarning(lcViews) << "icon not compiled in:" << m_path;
                m_missing = true;
            }
            if (dark)
                svg.replace(QByteArray(darkInk.data(), darkInk.size()),
                    QByteArray(lightInk.data(), lightInk.size()));
        }
        return svg;
    }

    QString m_path;
    std::unique_ptr<SvgIconEngine> m_small;
    int m_largestSmall = 0;
    mutable QByteArray m_sources[2];
    mutable bool m_missing = false;
};

QIcon svgIcon(const QString &path)
{
    // One QIcon per file: item delegates ask for the icon of every row they paint.
    static QHash<QString, QIcon> icons;
    auto it = icons.find(path);
    if (it == icons.end())
        it = icons.insert(path, QIcon(new SvgIconEngine(path)));
    return *it;
}

QIcon applicationIcon()
{
    static const QIcon icon(new SvgIconEngine(Resources::applicationIconPath(),
        Resources::smallApplicationIconPath(), Resources::largestSmallApplicationIcon));
    return icon;
}

QIcon named(QStringView name)
{
    return svgIcon(Resources::iconPath(name));
}

} // namespace

QIcon application()
{
    return applicationIcon();
}

QIcon customer()
{
    return named(u"customer");
}
QIcon group()
{
    return named(u"group");
}
QIcon unassignedPool()
{
    return named(u"pool");
}
QIcon returnsPool()
{
    return named(u"returns");
}
QIcon needsRepairPool()
{
    return named(u"needs-repair");
}
QIcon deviceOnline()
{
    return named(u"device-online");
}
QIcon deviceOffline()
{
    return named(u"device-offline");
}

QIcon forItem(Tree::ItemKind kind, bool online)
{
    switch (kind) {
    case Tree::ItemKind::Customer:
        return customer();
    case Tree::ItemKind::Group:
        return group();
    case Tree::ItemKind::Unassigned:
        return unassignedPool();
    case Tree::ItemKind::Returns:
        return returnsPool();
    case Tree::ItemKind::NeedsRepair:
        return needsRepairPool();
    case Tree::ItemKind::Device:
        return online ? deviceOnline() : deviceOffline();
    }
    return {};
}

QIcon sync()
{
    return named(u"sync");
}
QIcon workOffline()
{
    return named(u"work-offline");
}
QIcon signIn()
{
    return named(u"sign-in");
}
QIcon importDevices()
{
    return named(u"import");
}
QIcon exportDevices()
{
    return named(u"export");
}
QIcon undo()
{
    return named(u"undo");
}
QIcon redo()
{
    return named(u"redo");
}
QIcon moveTo()
{
    return named(u"move");
}
QIcon newCustomer()
{
    return named(u"new-customer");
}
QIcon newGroup()
{
    return named(u"new-group");
}
QIcon rename()
{
    return named(u"rename");
}
QIcon remove()
{
    return named(u"delete");
}
QIcon problems()
{
    return named(u"problems");
}
QIcon flash()
{
    return named(u"flash");
}
QIcon rollouts()
{
    return named(u"rollouts");
}
QIcon activity()
{
    return named(u"activity");
}
QIcon copy()
{
    return named(u"copy");
}
QIcon find()
{
    return named(u"find");
}
QIcon notes()
{
    return named(u"notes");
}
QIcon expandAll()
{
    return named(u"expand-all");
}
QIcon collapseAll()
{
    return named(u"collapse-all");
}

void installApplicationIdentity()
{
    QApplication::setWindowIcon(application());
    QGuiApplication::setDesktopFileName(Resources::applicationId());
}

} // namespace Flotilla::Views::Icons
