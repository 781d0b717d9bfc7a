// SPDX-License-Identifier: MIT
// flotilla-iconbundle SVG SMALL_SVG OUTPUT_DIR NAME: renders the application icon into what the
// installers and the Linux icon theme need, in OUTPUT_DIR (SMALL_SVG, the icon drawn for small
// sizes, up to 24 px; SVG above):
//   NAME.ico   Windows: one PNG image per size, 16 to 256 px (ICONDIR + ICONDIRENTRY records)
//   NAME.icns  macOS: PNG chunks from 32 to 1024 px (ic11, ic12, ic07, ic13, ic08, ic14, ic09,
//              ic10)
//   hicolor/<N>x<N>/apps/NAME.png   the freedesktop hicolor theme, 16 to 256 px
// A build tool: it runs at build time, its output is not kept in the sources.
#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QtEndian>

#include <array>
#include <cstdio>
#include <utility>

namespace {

// The application icon's two drawings: the small one up to 24 px.
struct Drawings
{
    QSvgRenderer &large;
    QSvgRenderer &small;
};

constexpr int largestSmallSize = 24;

QByteArray renderPng(const Drawings &drawings, int size)
{
    QSvgRenderer &svg = size <= largestSmallSize ? drawings.small : drawings.large;
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        svg.render(&painter, QRectF(0, 0, size, size));
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.convertToFormat(QImage::Format_ARGB32).save(&buffer, "PNG");
    return png;
}

void appendLe16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void appendLe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void appendBe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

// ICO: a 6-byte header, a 16-byte entry per image, then the images (PNG data is allowed for
// every size since Windows Vista; a width or height of 0 means 256).
QByteArray ico(const Drawings &svg)
{
    static constexpr std::array sizes {16, 20, 24, 32, 40, 48, 64, 128, 256};
    QList<QByteArray> images;
    for (const int size : sizes)
        images.append(renderPng(svg, size));
    QByteArray out;
    appendLe16(out, 0); // reserved
    appendLe16(out, 1); // type: icon
    appendLe16(out, static_cast<quint16>(sizes.size()));
    quint32 offset = 6 + 16 * static_cast<quint32>(sizes.size());
    for (qsizetype i = 0; i < images.size(); ++i) {
        const int size = sizes.at(static_cast<std::size_t>(i));
        out.append(static_cast<char>(size >= 256 ? 0 : size)); // width
        out.append(static_cast<char>(size >= 256 ? 0 : size)); // height
        out.append('\0'); // colours in the palette: none
        out.append('\0'); // reserved
        appendLe16(out, 1); // colour planes
        appendLe16(out, 32); // bits per pixel
        appendLe32(out, static_cast<quint32>(images.at(i).size()));
        appendLe32(out, offset);
        offset += static_cast<quint32>(images.at(i).size());
    }
    for (const QByteArray &image : std::as_const(images))
        out.append(image);
    return out;
}

// ICNS: "icns" and the file's length, then chunks of a type, their length (with the 8-byte
// chunk header) and PNG data, all big-endian.
QByteArray icns(const Drawings &svg)
{
    static constexpr std::array<std::pair<const char *, int>, 8> chunks {
        {{"ic11", 32}, {"ic12", 64}, {"ic07", 128}, {"ic13", 256}, {"ic08", 256}, {"ic14", 512},
            {"ic09", 512}, {"ic10", 1024}}};
    QByteArray body;
    for (const auto &[type, size] : chunks) {
        const QByteArray png = renderPng(svg, size);
        body.append(type, 4);
        appendBe32(body, static_cast<quint32>(png.size() + 8));
        body.append(png);
    }
    QByteArray out("icns");
    appendBe32(out, static_cast<quint32>(body.size() + 8));
    out.append(body);
    return out;
}

bool write(const QString &path, const QByteArray &data)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        std::fprintf(stderr, "flotilla-iconbundle: cannot write %s\n", qPrintable(path));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    const QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: flotilla-iconbundle SVG SMALL_SVG OUTPUT_DIR NAME\n");
        return 2;
    }
    QSvgRenderer large(args.at(1));
    QSvgRenderer small(args.at(2));
    for (const QSvgRenderer *renderer : {&large, &small}) {
        if (!renderer->isValid()) {
            std::fprintf(stderr, "flotilla-iconbundle: cannot read %s\n",
                qPrintable(args.at(renderer == &large ? 1 : 2)));
            return 1;
        }
    }
    const Drawings svg {large, small};
    const QDir out(args.at(3));
    const QString &name = args.at(4);
    bool ok = write(out.filePath(name + QStringLiteral(".ico")), ico(svg))
        && write(out.filePath(name + QStringLiteral(".icns")), icns(svg));
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
        ok = ok
            && write(out.filePath(QStringLiteral("hicolor/%1x%1/apps/%2.png").arg(size).arg(name)),
                renderPng(svg, size));
    }
    return ok ? 0 : 1;
}
