// SPDX-License-Identifier: MIT
#include "sse.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Flotilla::Sandbox::Sse {

QByteArray opening()
{
    return ":ok\n\n";
}

QByteArray keepAlive()
{
    return ":\n";
}

QByteArray frame(const QString &name, const QByteArray &jsonData)
{
    QString safeName = name;
    safeName.replace(QLatin1Char('\r'), QLatin1Char(' '));
    safeName.replace(QLatin1Char('\n'), QLatin1Char(' '));
    QByteArray data = jsonData;
    data.replace('\r', ' ');
    data.replace('\n', ' ');
    return "event: " + safeName.toUtf8() + "\ndata: " + data + "\n\n";
}

QByteArray eventData(const CloudEvent &event, bool productStream)
{
    QJsonObject o {{QStringLiteral("data"), event.data}, {QStringLiteral("ttl"), event.ttl},
        {QStringLiteral("published_at"), Fleet::isoTime(event.publishedMs)},
        {QStringLiteral("coreid"), event.coreId}};
    if (productStream) {
        o.insert(QStringLiteral("userid"), QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("version"), event.version);
        o.insert(QStringLiteral("public"), event.isPublic);
        o.insert(QStringLiteral("productID"), event.productId);
        o.insert(QStringLiteral("name"), event.name);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace Flotilla::Sandbox::Sse
