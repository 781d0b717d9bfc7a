// SPDX-License-Identifier: MIT
#include "sandbox.h"

#include "demofleet.h"
#include "statestore.h"
#include "totp.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTimer>

#include <cmath>

namespace Flotilla::Sandbox {

Q_LOGGING_CATEGORY(lcSandbox, "flotilla.sandbox")

namespace {
QByteArray jsonString(const QString &s)
{
    // A JSON string literal: serialise a one-element array and strip the brackets.
    const QByteArray array = QJsonDocument(QJsonArray {s}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

// The garble fault: a 200 whose body is not valid JSON (the first half of the real answer).
ApiResponse garbled(const ApiResponse &response)
{
    ApiResponse out;
    out.status = 200;
    out.body = response.body.size() >= 2 ? response.body.left(response.body.size() / 2)
                                         : QByteArrayLiteral("{\"ok\":");
    QJsonParseError parseError {};
    QJsonDocument::fromJson(out.body, &parseError);
    if (parseError.error == QJsonParseError::NoError)
        out.body += '{'; // a complete document followed by garbage is never valid
    return out;
}
} // namespace

Sandbox::Sandbox(const SandboxOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_faults(options.seed)
{
    m_faults.settings = options.faults;
    m_fleet.requireFirmwareRanBeforeRelease = !options.allowUnprovenRelease;
    m_fleet.importedStockConnects = options.stockOnline;
    m_fleet.batchAppliesAddOnly = options.batchAppliesAddOnly;
    m_fleet.renameDropsRelease = options.renameDropsRelease;
    m_fleet.descriptionCut = options.descriptionCut;
    m_simulator = new Simulator(m_fleet, options.simulation, this);
    m_api = std::make_unique<Api>(m_fleet, options.limits);
    m_events = new EventHub(m_fleet, options.keepAliveMs, this);
    m_events->onClosed = [this](const QString &address) { m_api->streamClosed(address); };
    m_simulator->sink = [this](const CloudEvent &e) { m_events->publish(e); };
    m_server = new HttpServer(options.http, this);
    m_server->setHandler([this](const ApiRequest &r, Connection c) { handle(r, c); });
}

Sandbox::~Sandbox() = default;

bool Sandbox::start(QString *error)
{
    const bool fromState = !m_options.statePath.isEmpty() && QFileInfo::exists(m_options.statePath);
    if (fromState) {
        QString loadError;
        if (!StateStore::load(m_fleet, m_options.statePath, &loadError)) {
            if (error)
                *error = QStringLiteral("cannot load state %1: %2")
                             .arg(m_options.statePath, loadError);
            return false;
        }
        m_fleet.seed(m_options.seed ^ static_cast<quint64>(QDateTime::currentMSecsSinceEpoch()));
    } else {
        DemoOptions demo;
        demo.seed = m_options.seed;
        demo.devices = m_options.devices;
        demo.customers = m_options.customers;
        demo.uniform = m_options.uniformFleet;
        demo.stock = m_options.stock;
        generateDemoFleet(m_fleet, demo, m_simulator->now());
    }
    // Random on every start, unless the state file holds one already.
    if (m_fleet.adminToken.isEmpty())
        m_fleet.adminToken = Fleet::randomSecret(40);
    QString listenError;
    m_port = m_server->listenLoopback(m_options.port, &listenError);
    if (m_port == 0) {
        if (error)
            *error = QStringLiteral("cannot listen on 127.0.0.1:%1: %2")
                         .arg(m_options.port)
                         .arg(listenError);
        return false;
    }
    if (!m_options.stockCsvPath.isEmpty() && !writeStockList(m_options.stockCsvPath, error))
        return false;
    m_simulator->start();
    qCInfo(lcSandbox) << "serving" << m_fleet.devices.size() << "devices on port" << m_port;
    return true;
}

bool Sandbox::writeStockList(const QString &path, QString *error) const
{
    // As a warehouse's shipment list comes: one unit a line, serial number, ICCID and IMEI.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write("Serial number,ICCID,IMEI\r\n");
    for (const Device &d : m_fleet.devices) {
        if (!d.inProduct && d.foreignProductId == 0)
            file.write(QStringLiteral("%1,%2,%3\r\n").arg(d.serial, d.iccid, d.imei).toUtf8());
    }
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QByteArray Sandbox::startLine() const
{
    const User &user = m_fleet.users.first();
    return "{\"url\":" + jsonString(QStringLiteral("http://127.0.0.1:%1").arg(m_port))
        + ",\"token\":" + jsonString(m_fleet.demoToken) + ",\"username\":"
        + jsonString(user.username) + ",\"password\":" + jsonString(user.password)
        + ",\"product\":{\"id\":" + QByteArray::number(m_fleet.product.id)
        + ",\"slug\":" + jsonString(m_fleet.product.slug) + "},\"oauth_client\":{\"id\":"
        + jsonString(m_fleet.oauthClientId) + ",\"secret\":" + jsonString(m_fleet.oauthClientSecret)
        + "},\"admin_token\":" + jsonString(m_fleet.adminToken) + "}";
}

bool Sandbox::saveState(QString *error)
{
    if (m_options.statePath.isEmpty())
        return true;
    return StateStore::save(m_fleet, m_options.statePath, error);
}

void Sandbox::count(const QString &route, int status)
{
    ++m_requests;
    ++m_byRoute[route];
    ++m_byStatus[status];
}

void Sandbox::handle(const ApiRequest &request, Connection connection)
{
    if (request.path == QLatin1String("/admin")
        || request.path.startsWith(QLatin1String("/admin/"))) {
        if (!request.remote.isLoopback())
            connection.send(ApiResponse::apiError(
                403, QStringLiteral("Admin routes are available on loopback only")));
        else if (!isAdmin(request))
            connection.send(ApiResponse::apiError(401,
                QStringLiteral("Admin routes need the sandbox's admin token: send the start "
                               "line's admin_token as 'Authorization: Bearer <admin_token>'")));
        else
            connection.send(admin(request));
        return;
    }
    const Faults::Decision decision = m_faults.decide();
    if (decision.latencyMs > 0) {
        QTimer::singleShot(
            decision.latencyMs, this, [this, request, connection, action = decision.action] {
                if (connection.isOpen())
                    deliver(request, connection, action);
            });
        return;
    }
    deliver(request, connection, decision.action);
}

void Sandbox::deliver(const ApiRequest &request, Connection connection, Faults::Action action)
{
    switch (action) {
    case Faults::Action::Error500:
        count(QStringLiteral("injected"), 500);
        connection.send(
            ApiResponse::apiError(500, QStringLiteral("Internal server error (injected fault)")));
        return;
    case Faults::Action::Error503:
        count(QStringLiteral("injected"), 503);
        connection.send(
            ApiResponse::apiError(503, QStringLiteral("Service unavailable (injected fault)")));
        return;
    case Faults::Action::TooMany:
        count(QStringLiteral("injected"), 429);
        connection.send(
            ApiResponse::apiError(429, QStringLiteral("Too many requests (injected 429 burst)")));
        return;
    case Faults::Action::None:
    case Faults::Action::Drop:
    case Faults::Action::Garble:
        break;
    }
    Outcome outcome = m_api->handle(request);
    if (outcome.stream) {
        // Event streams are not JSON answers: a garble decision leaves them alone.
        count(outcome.route, 200);
        if (action == Faults::Action::Drop) {
            m_api->streamClosed(request.remote.toString());
            connection.sendTruncated(ApiResponse::json(200, QJsonObject()));
            return;
        }
        m_events->subscribe(connection, *outcome.stream, request.remote.toString());
        return;
    }
    if (action == Faults::Action::Garble) {
        count(outcome.route, 200);
        connection.send(garbled(outcome.response));
        return;
    }
    count(outcome.route, outcome.response.status);
    if (action == Faults::Action::Drop)
        connection.sendTruncated(outcome.response);
    else
        connection.send(outcome.response);
}

bool Sandbox::isAdmin(const ApiRequest &request) const
{
    const QByteArray header = request.header("authorization").trimmed();
    if (!header.toLower().startsWith("bearer "))
        return false;
    const QByteArray given = header.mid(7).trimmed();
    const QByteArray expected = m_fleet.adminToken.toLatin1();
    // Compared in time that does not depend on where the first difference is.
    unsigned char difference = given.size() == expected.size() ? 0 : 1;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= static_cast<unsigned char>(
            expected.at(i) ^ (i < given.size() ? given.at(i) : char(0)));
    return difference == 0 && !expected.isEmpty();
}

ApiResponse Sandbox::admin(const ApiRequest &request)
{
    const QStringList path = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QByteArray &method = request.method;
    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        QJsonParseError parseError {};
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return ApiResponse::apiError(
                400, QStringLiteral("Admin routes take a JSON object body"));
        body = doc.object();
    }
    const QString route = path.mid(1).join(QLatin1Char('/'));
    if (method == "GET" && route == QLatin1String("stats")) {
        QJsonObject byRoute;
        for (auto it = m_byRoute.cbegin(); it != m_byRoute.cend(); ++it)
            byRoute.insert(it.key(), static_cast<qint64>(it.value()));
        QJsonObject byStatus;
        for (auto it = m_byStatus.cbegin(); it != m_byStatus.cend(); ++it)
            byStatus.insert(QString::number(it.key()), static_cast<qint64>(it.value()));
        int online = 0;
        int inProduct = 0;
        for (const Device &d : m_fleet.devices) {
            inProduct += d.inProduct ? 1 : 0;
            online += d.inProduct && d.online ? 1 : 0;
        }
        return ApiResponse::json(200,
            QJsonObject {{QStringLiteral("requests"), static_cast<qint64>(m_requests)},
                {QStringLiteral("by_route"), byRoute}, {QStringLiteral("by_status"), byStatus},
                {QStringLiteral("faults_injected"), static_cast<qint64>(m_faults.injected())},
                {QStringLiteral("open_streams"), m_events->size()},
                {QStringLiteral("slow_streams_dropped"),
                    static_cast<qint64>(m_events->droppedSlowStreams())},
                {QStringLiteral("connections"), m_server->connectionCount()},
                {QStringLiteral("events_published"),
                    static_cast<qint64>(m_simulator->eventsPublished())},
                {QStringLiteral("devices"), inProduct}, {QStringLiteral("online"), online},
                {QStringLiteral("now"), Fleet::isoTime(m_simulator->now())}});
    }
    if (method == "GET" && route == QLatin1String("ota")) {
        const OtaStats &ota = m_simulator->otaStats();
        const auto counts = [](const OtaCounts &c) {
            return QJsonObject {{QStringLiteral("started"), static_cast<qint64>(c.started)},
                {QStringLiteral("succeeded"), static_cast<qint64>(c.succeeded)},
                {QStringLiteral("failed"), static_cast<qint64>(c.failed)},
                {QStringLiteral("interrupted"), static_cast<qint64>(c.interrupted)}};
        };
        QJsonObject byVersion;
        for (auto it = ota.byVersion.cbegin(); it != ota.byVersion.cend(); ++it)
            byVersion.insert(QString::number(it.key()), counts(it.value()));
        QJsonObject o = counts(ota.total);
        o.insert(QStringLiteral("flashed_twice"), QJsonArray::fromStringList(ota.flashedTwice));
        o.insert(QStringLiteral("by_version"), byVersion);
        // Which versions are released intelligently (the firmware list does not say, as in
        // Particle's reference).
        QJsonArray intelligent;
        for (const Firmware &fw : m_fleet.firmware) {
            if (fw.intelligent)
                intelligent.append(fw.version);
        }
        o.insert(QStringLiteral("intelligent_versions"), intelligent);
        return ApiResponse::json(200, o);
    }
    if (method == "POST" && route == QLatin1String("ota/reset")) {
        m_simulator->resetOtaStats();
        return ApiResponse::ok();
    }
    if (method == "POST" && route == QLatin1String("stats/reset")) {
        m_requests = 0;
        m_byRoute.clear();
        m_byStatus.clear();
        return ApiResponse::ok();
    }
    if (route == QLatin1String("faults")) {
        if (method == "PUT" || method == "POST") {
            const QString error = m_faults.settings.update(body);
            if (!error.isEmpty())
                return ApiResponse::apiError(400, error);
        } else if (method != "GET") {
            return ApiResponse::apiError(404, QStringLiteral("Not found"));
        }
        return ApiResponse::json(200, m_faults.settings.toJson());
    }
    if (method == "POST" && route == QLatin1String("faults/burst429")) {
        // A missing count means the configured burst length; anything else must be a whole number.
        const QJsonValue count = body.value(QStringLiteral("count"));
        const double n
            = count.isUndefined() ? m_faults.settings.burst429Length : count.toDouble(-1);
        if (!(count.isUndefined() || count.isDouble()) || n < 1 || n > 1000000
            || n != std::floor(n))
            return ApiResponse::apiError(
                400, QStringLiteral("'count' must be an integer from 1 to 1000000"));
        m_faults.startBurst(static_cast<int>(n));
        return ApiResponse::ok();
    }
    if (route == QLatin1String("simulation")) {
        if (method == "PUT" || method == "POST") {
            const QJsonValue rate = body.value(QStringLiteral("update_failure_rate"));
            const QJsonValue duration = body.value(QStringLiteral("update_duration_s"));
            const QJsonValue scale = body.value(QStringLiteral("time_scale"));
            if ((!rate.isUndefined()
                    && (!rate.isDouble() || rate.toDouble() < 0 || rate.toDouble() > 1))
                || (!duration.isUndefined() && (!duration.isDouble() || duration.toDouble() <= 0))
                || (!scale.isUndefined() && (!scale.isDouble() || scale.toDouble() <= 0)))
                return ApiResponse::apiError(400,
                    QStringLiteral("update_failure_rate must be 0..1; update_duration_s and "
                                   "time_scale must be positive numbers"));
            if (rate.isDouble())
                m_simulator->setUpdateFailureRate(rate.toDouble());
            if (duration.isDouble())
                m_simulator->setUpdateDuration(duration.toDouble());
            if (scale.isDouble())
                m_simulator->setTimeScale(scale.toDouble());
        } else if (method != "GET") {
            return ApiResponse::apiError(404, QStringLiteral("Not found"));
        }
        const SimulationSettings s = m_simulator->settings();
        return ApiResponse::json(200,
            QJsonObject {{QStringLiteral("update_failure_rate"), s.updateFailureRate},
                {QStringLiteral("update_duration_s"), s.updateDurationS},
                {QStringLiteral("time_scale"), s.timeScale},
                {QStringLiteral("now"), Fleet::isoTime(m_simulator->now())}});
    }
    if (path.size() == 3 && path.at(1) == QLatin1String("devices")
        && (method == "PUT" || method == "POST")) {
        const int i = m_fleet.findDevice(path.at(2));
        if (i < 0)
            return ApiResponse::apiError(
                404, QStringLiteral("Device %1 not found").arg(path.at(2)));
        if (body.contains(QStringLiteral("active")))
            m_simulator->setActive(i, body.value(QStringLiteral("active")).toBool());
        if (body.contains(QStringLiteral("online")))
            m_simulator->setOnline(i, body.value(QStringLiteral("online")).toBool());
        if (body.contains(QStringLiteral("updates_enabled")))
            m_fleet.devices[static_cast<size_t>(i)].updatesEnabled
                = body.value(QStringLiteral("updates_enabled")).toBool();
        return ApiResponse::json(200, m_fleet.deviceJson(m_fleet.devices[static_cast<size_t>(i)]));
    }
    if (method == "GET" && route == QLatin1String("stock")) {
        // Units outside the product: factory stock to import, and other products' units.
        QJsonArray stock;
        QJsonArray otherProduct;
        for (const Device &d : m_fleet.devices) {
            if (d.inProduct)
                continue;
            QJsonObject o {{QStringLiteral("id"), d.id},
                {QStringLiteral("serial_number"), d.serial}, {QStringLiteral("iccid"), d.iccid},
                {QStringLiteral("imei"), d.imei}};
            if (d.foreignProductId != 0) {
                o.insert(QStringLiteral("product_id"), d.foreignProductId);
                otherProduct.append(o);
            } else {
                stock.append(o);
            }
        }
        return ApiResponse::json(200,
            QJsonObject {
                {QStringLiteral("stock"), stock}, {QStringLiteral("other_product"), otherProduct}});
    }
    if (method == "GET" && route == QLatin1String("mfa")) {
        for (const User &u : std::as_const(m_fleet.users)) {
            if (!u.mfaSecretBase32.isEmpty())
                return ApiResponse::json(200,
                    QJsonObject {{QStringLiteral("username"), u.username},
                        {QStringLiteral("password"), u.password},
                        {QStringLiteral("otp"),
                            totp(base32Decode(u.mfaSecretBase32),
                                QDateTime::currentSecsSinceEpoch())}});
        }
        return ApiResponse::apiError(404, QStringLiteral("No MFA user"));
    }
    if (method == "POST" && route == QLatin1String("save")) {
        QString error;
        if (m_options.statePath.isEmpty())
            return ApiResponse::apiError(
                400, QStringLiteral("The sandbox was started without --state"));
        if (!saveState(&error))
            return ApiResponse::apiError(500, error);
        return ApiResponse::ok();
    }
    return ApiResponse::apiError(404, QStringLiteral("Not found: %1").arg(request.path));
}

} // namespace Flotilla::Sandbox
