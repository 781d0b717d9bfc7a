// SPDX-License-Identifier: MIT
#include "api.h"

namespace Flotilla::Sandbox {

namespace {
constexpr int MaxEventNameLength = 64;
constexpr int MaxEventDataLength = 1024;
} // namespace

Outcome Api::openStream(Context &ctx, StreamFilter filter)
{
    const QString address = ctx.request.remote.toString();
    if (m_openStreams.value(address, 0) >= m_limits.maxOpenStreams)
        return respond(ApiResponse::apiError(429,
            QStringLiteral("Too many simultaneous event streams: at most %1 per client address")
                .arg(m_limits.maxOpenStreams)));
    if (!m_streamLimiter.allow(address, m_clock.elapsed()))
        return respond(ApiResponse::apiError(429,
            QStringLiteral(
                "Too many event stream requests: at most %1 per %2 seconds per client address")
                .arg(m_limits.streamOpensPerWindow)
                .arg(m_limits.windowSeconds)));
    ++m_openStreams[address];
    Outcome o;
    o.stream = std::move(filter);
    return o;
}

Outcome Api::productEvents(Context &ctx)
{
    StreamFilter f;
    f.scope = StreamFilter::Scope::Product;
    f.prefix = ctx.params.value(1);
    return openStream(ctx, f);
}

Outcome Api::productDeviceEvents(Context &ctx)
{
    const int i = productDevice(ctx.params.at(1));
    if (i < 0)
        return deviceNotFound(ctx.params.at(1));
    StreamFilter f;
    f.scope = StreamFilter::Scope::Device;
    f.deviceId = m_fleet.devices[static_cast<size_t>(i)].id;
    f.prefix = ctx.params.value(2);
    return openStream(ctx, f);
}

Outcome Api::ownEvents(Context &ctx)
{
    StreamFilter f;
    f.scope = StreamFilter::Scope::Mine;
    f.owner = ownerName(ctx.auth);
    f.prefix = ctx.params.value(0);
    return openStream(ctx, f);
}

Outcome Api::deviceEvents(Context &ctx)
{
    const int i = visibleDevice(ctx.auth, ctx.params.at(0));
    if (i < 0)
        return unrecognizedDevice();
    StreamFilter f;
    f.scope = StreamFilter::Scope::Device;
    f.deviceId = m_fleet.devices[static_cast<size_t>(i)].id;
    f.prefix = ctx.params.value(1);
    return openStream(ctx, f);
}

Outcome Api::publicEvents(Context &ctx)
{
    if (ctx.params.isEmpty() || ctx.params.at(0).isEmpty())
        return respond(
            ApiResponse::apiError(400, QStringLiteral("event prefix filter is required")));
    StreamFilter f;
    f.scope = StreamFilter::Scope::Public;
    f.prefix = ctx.params.at(0);
    return openStream(ctx, f);
}

Outcome Api::publish(Context &ctx, bool product)
{
    const QString name = ctx.fields.string(QStringLiteral("name")).value_or(QString());
    if (name.isEmpty() || name.size() > MaxEventNameLength)
        return respond(ApiResponse::apiError(400,
            QStringLiteral("'name' is required and must be at most %1 characters")
                .arg(MaxEventNameLength)));
    const QString data = ctx.fields.string(QStringLiteral("data")).value_or(QString());
    if (data.size() > MaxEventDataLength)
        return respond(ApiResponse::apiError(
            400, QStringLiteral("'data' must be at most %1 characters").arg(MaxEventDataLength)));
    QString error;
    const bool isPrivate = ctx.fields.boolean(QStringLiteral("private"), &error).value_or(true);
    const qint64 ttl = ctx.fields.integer(QStringLiteral("ttl"), &error).value_or(60);
    if (!error.isEmpty())
        return respond(ApiResponse::apiError(400, error));
    CloudEvent e;
    e.name = name;
    e.data = data;
    e.coreId = QStringLiteral("api");
    e.owner = ownerName(ctx.auth);
    e.productId = product ? m_fleet.product.id : 0;
    e.publishedMs = m_fleet.now();
    e.ttl = static_cast<int>(ttl);
    e.isPublic = !isPrivate;
    if (m_fleet.observer)
        m_fleet.observer->publish(e);
    return respond(ApiResponse::ok());
}

Outcome Api::publishProductEvent(Context &ctx)
{
    return publish(ctx, true);
}

Outcome Api::publishEvent(Context &ctx)
{
    return publish(ctx, false);
}

} // namespace Flotilla::Sandbox
