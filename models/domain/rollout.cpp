// SPDX-License-Identifier: MIT
#include "domain/rollout.h"

#include "domain/nodepath.h"
#include "domain/text.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <utility>

namespace Flotilla::Domain {

namespace {

constexpr double Epsilon = 1e-9;
constexpr qint64 MinDeviceTimeoutS = 60;
constexpr QLatin1String RolloutGroupPrefix("flotilla-rollout-");

QString percentText(double value)
{
    return QString::number(value, 'g', 10);
}

QString versionText(int version)
{
    return Text::tr("v%1").arg(version);
}

// ---- JSON helpers -------------------------------------------------------------------------

std::optional<RolloutMethod> methodFromKeyword(const QString &word)
{
    if (word == QLatin1String("lock"))
        return RolloutMethod::Lock;
    if (word == QLatin1String("release"))
        return RolloutMethod::Release;
    if (word == QLatin1String("staged"))
        return RolloutMethod::Staged;
    return std::nullopt;
}

QString orderKeyword(RolloutSpec::Order order)
{
    return order == RolloutSpec::Order::ByName ? QStringLiteral("by-name")
                                               : QStringLiteral("random");
}

std::optional<RolloutSpec::Order> orderFromKeyword(const QString &word)
{
    if (word == QLatin1String("random"))
        return RolloutSpec::Order::Random;
    if (word == QLatin1String("by-name"))
        return RolloutSpec::Order::ByName;
    return std::nullopt;
}

QJsonArray toJsonArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &s : list)
        array.append(s);
    return array;
}

// Reads the optional members of one JSON object, type-checked; the first problem ends reading
// and is kept in `error`.
class JsonReader
{
public:
    JsonReader(const QJsonObject &object, QString where)
        : m_object(object)
        , m_where(std::move(where))
    { }

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    void readString(const char *key, QString &out)
    {
        const QJsonValue v = value(key);
        if (v.isUndefined() || !ok())
            return;
        if (!v.isString())
            return fail(key, Text::tr("a string"));
        out = v.toString();
    }

    void readBool(const char *key, bool &out)
    {
        const QJsonValue v = value(key);
        if (v.isUndefined() || !ok())
            return;
        if (!v.isBool())
            return fail(key, Text::tr("true or false"));
        out = v.toBool();
    }

    void readDouble(const char *key, double &out)
    {
        const QJsonValue v = value(key);
        if (v.isUndefined() || !ok())
            return;
        if (!v.isDouble())
            return fail(key, Text::tr("a number"));
        out = v.toDouble();
    }

    template<typename Int>
    void readInteger(const char *key, Int &out)
    {
        const QJsonValue v = value(key);
        if (v.isUndefined() || !ok())
            return;
        const double d = v.toDouble();
        if (!v.isDouble() || !std::isfinite(d) || std::floor(d) != d
            || d < double(std::numeric_limits<Int>::min())
            || d >= double(std::numeric_limits<Int>::max()) + 1.0)
            return fail(key, Text::tr("a whole number"));
        out = static_cast<Int>(d);
    }

    void readStringList(const char *key, QStringList &out)
    {
        const QJsonValue v = value(key);
        if (v.isUndefined() || !ok())
            return;
        const QJsonArray array = v.toArray();
        QStringList list;
        bool allStrings = v.isArray();
        for (const QJsonValue &item : array) {
            if (!item.isString()) {
                allStrings = false;
                break;
            }
            list.append(item.toString());
        }
        if (!allStrings)
            return fail(key, Text::tr("a list of strings"));
        out = list;
    }

    void readThreshold(const char *key, Threshold &out)
    {
        QString text;
        const bool present = !value(key).isUndefined();
        readString(key, text);
        if (!present || !ok())
            return;
        QString why;
        const std::optional<Threshold> t = Threshold::parse(text, &why);
        if (!t) {
            m_error = Text::tr("%1 '%2': %3").arg(m_where, QLatin1String(key), why);
            return;
        }
        out = *t;
    }

    // A value of a keyword set: `parse` gives nullopt for unknown words.
    template<typename T, typename Parse>
    void readKeyword(const char *key, T &out, Parse parse)
    {
        QString word;
        const bool present = !value(key).isUndefined();
        readString(key, word);
        if (!present || !ok())
            return;
        const std::optional<T> parsed = parse(word);
        if (!parsed) {
            m_error = Text::tr("%1 '%2' has the unknown value '%3'")
                          .arg(m_where, QLatin1String(key), word);
            return;
        }
        out = *parsed;
    }

    QJsonValue value(const char *key) const { return m_object.value(QLatin1String(key)); }

    void fail(const char *key, const QString &expected)
    {
        m_error = Text::tr("%1 '%2' must be %3").arg(m_where, QLatin1String(key), expected);
    }

private:
    QJsonObject m_object;
    QString m_where;
    QString m_error;
};

// ---- waves ----------------------------------------------------------------------------------

// A uniformly drawn index below `bound` (> 0): rejection sampling on the raw 64-bit output,
// so that the result does not depend on the standard library's distributions.
quint64 uniformBelow(std::mt19937_64 &rng, quint64 bound)
{
    const quint64 limit = std::numeric_limits<quint64>::max()
        - (std::numeric_limits<quint64>::max() % bound + 1) % bound;
    quint64 r = rng();
    while (r > limit)
        r = rng();
    return r % bound;
}

void shuffle(QList<int> &items, quint64 seed)
{
    std::mt19937_64 rng(seed);
    for (qsizetype i = items.size() - 1; i > 0; --i) {
        const auto j = qsizetype(uniformBelow(rng, quint64(i) + 1));
        std::swap(items[i], items[j]);
    }
}

bool isUnderAny(const QString &node, const QStringList &waveNodes)
{
    if (node.isEmpty())
        return false;
    return std::any_of(waveNodes.begin(), waveNodes.end(),
        [&](const QString &waveNode) { return isAncestorOrSelf(waveNode, node); });
}

QString thresholdError(const Threshold &t)
{
    if (!std::isfinite(t.value) || t.value < 0)
        return Text::tr("it cannot be negative");
    if (t.unit == Threshold::Unit::Percent && t.value > 100)
        return Text::tr("a share cannot exceed 100%");
    if (t.unit == Threshold::Unit::Count && std::floor(t.value) != t.value)
        return Text::tr("a number of devices must be whole");
    return {};
}

// ---- events ---------------------------------------------------------------------------------

bool dataIs(const QString &data, QLatin1String word)
{
    return data.trimmed().startsWith(word);
}

} // namespace

QString methodKeyword(RolloutMethod method)
{
    switch (method) {
    case RolloutMethod::Lock:
        return QStringLiteral("lock");
    case RolloutMethod::Release:
        return QStringLiteral("release");
    case RolloutMethod::Staged:
        return QStringLiteral("staged");
    }
    return {};
}

// ---- Threshold ------------------------------------------------------------------------------

int Threshold::count(int total) const
{
    if (total <= 0 || !std::isfinite(value) || value <= 0)
        return 0;
    double n = 0;
    if (unit == Unit::Count)
        n = std::floor(value);
    else
        n = std::ceil(value * total / 100.0 - Epsilon);
    return int(std::clamp(n, 0.0, double(total)));
}

QString Threshold::toString() const
{
    if (unit == Unit::Percent)
        return percentText(value) + QLatin1Char('%');
    return QString::number(qint64(value));
}

std::optional<Threshold> Threshold::parse(QStringView text, QString *error)
{
    const auto failed = [&](const QString &why) -> std::optional<Threshold> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QStringView t = text.trimmed();
    if (t.isEmpty())
        return failed(
            Text::tr("Enter a number of devices or a share of the wave, such as 3 or 10%"));
    Threshold result;
    result.unit = Unit::Count;
    if (t.endsWith(QLatin1Char('%'))) {
        result.unit = Unit::Percent;
        t = t.chopped(1).trimmed();
    }
    bool ok = false;
    const double value = t.toDouble(&ok);
    if (!ok || !std::isfinite(value) || t.isEmpty())
        return failed(Text::tr(
            "'%1' is neither a number of devices nor a share of the wave (such as 3 or 10%)")
                          .arg(text.trimmed()));
    if (value < 0)
        return failed(Text::tr("A threshold cannot be negative: '%1'").arg(text.trimmed()));
    if (result.unit == Unit::Percent && value > 100)
        return failed(Text::tr("A share of the wave cannot exceed 100%: '%1'").arg(text.trimmed()));
    if (result.unit == Unit::Count && std::floor(value) != value)
        return failed(
            Text::tr("A number of devices must be whole: '%1' (add % for a share of the wave)")
                .arg(text.trimmed()));
    result.value = value == 0 ? 0 : value; // no "-0"
    if (error)
        error->clear();
    return result;
}

// ---- WaveSpec / RolloutSpec -----------------------------------------------------------------

QString waveTitle(const WaveSpec &wave)
{
    if (!wave.name.isEmpty())
        return wave.name;
    if (!wave.nodes.isEmpty())
        return wave.nodes.join(QLatin1String(", "));
    if (wave.percent >= 100)
        return Text::tr("All remaining");
    return Text::tr("%1%").arg(percentText(wave.percent));
}

QList<WaveSpec> RolloutSpec::effectiveWaves() const
{
    if (method == RolloutMethod::Staged) {
        if (waves.isEmpty())
            return {WaveSpec {}};
        return waves;
    }
    const WaveSpec first = waves.value(0);
    WaveSpec all;
    all.success = first.success;
    all.failure = first.failure;
    all.name = Text::tr("All devices");
    return {all};
}

QJsonObject RolloutSpec::toJson() const
{
    QJsonArray waveArray;
    for (const WaveSpec &w : waves) {
        waveArray.append(QJsonObject {
            {QStringLiteral("name"), w.name},
            {QStringLiteral("nodes"), toJsonArray(w.nodes)},
            {QStringLiteral("percent"), w.percent},
            {QStringLiteral("success"), w.success.toString()},
            {QStringLiteral("failure"), w.failure.toString()},
            {QStringLiteral("pauseBefore"), w.pauseBefore},
        });
    }
    QJsonObject titles;
    for (auto it = nodeTitles.cbegin(); it != nodeTitles.cend(); ++it)
        titles.insert(it.key(), it.value());
    return QJsonObject {
        {QStringLiteral("title"), title},
        {QStringLiteral("version"), version},
        {QStringLiteral("method"), methodKeyword(method)},
        {QStringLiteral("intelligent"), intelligent},
        {QStringLiteral("nodes"), toJsonArray(nodes)},
        {QStringLiteral("devices"), toJsonArray(devices)},
        {QStringLiteral("waves"), waveArray},
        {QStringLiteral("order"), orderKeyword(order)},
        {QStringLiteral("seed"), QString::number(seed)},
        {QStringLiteral("token"), token},
        {QStringLiteral("deviceTimeoutS"), double(deviceTimeoutS)},
        {QStringLiteral("releaseToNodesWhenDone"), releaseToNodesWhenDone},
        {QStringLiteral("nodeTitles"), titles},
    };
}

std::optional<RolloutSpec> RolloutSpec::fromJson(const QJsonObject &json, QString *error)
{
    const auto failed = [&](const QString &why) -> std::optional<RolloutSpec> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    RolloutSpec spec;
    JsonReader r(json, Text::tr("The rollout's"));
    r.readString("title", spec.title);
    r.readInteger("version", spec.version);
    r.readKeyword("method", spec.method, methodFromKeyword);
    r.readBool("intelligent", spec.intelligent);
    r.readStringList("nodes", spec.nodes);
    r.readStringList("devices", spec.devices);
    r.readKeyword("order", spec.order, orderFromKeyword);
    QString seedText;
    const bool hasSeed = !r.value("seed").isUndefined();
    r.readString("seed", seedText);
    if (r.ok() && hasSeed) {
        bool ok = false;
        spec.seed = seedText.toULongLong(&ok);
        if (!ok)
            return failed(
                Text::tr("The rollout's 'seed' must be a whole number, not '%1'").arg(seedText));
    }
    r.readString("token", spec.token);
    r.readInteger("deviceTimeoutS", spec.deviceTimeoutS);
    r.readBool("releaseToNodesWhenDone", spec.releaseToNodesWhenDone);
    if (!r.ok())
        return failed(r.error());

    const QJsonValue titles = r.value("nodeTitles");
    if (!titles.isUndefined() && !titles.isObject())
        return failed(Text::tr("The rollout's 'nodeTitles' must be an object"));
    const QJsonObject titleObject = titles.toObject();
    for (auto it = titleObject.constBegin(); it != titleObject.constEnd(); ++it) {
        if (!it.value().isString())
            return failed(Text::tr("The rollout's title of '%1' must be a string").arg(it.key()));
        spec.nodeTitles.insert(it.key(), it.value().toString());
    }

    const QJsonValue waves = r.value("waves");
    if (!waves.isUndefined() && !waves.isArray())
        return failed(Text::tr("The rollout's 'waves' must be a list"));
    const QJsonArray waveArray = waves.toArray();
    for (qsizetype i = 0; i < waveArray.size(); ++i) {
        const QString where = Text::tr("Wave %1's").arg(i + 1);
        if (!waveArray.at(i).isObject())
            return failed(Text::tr("%1 settings must be an object").arg(where));
        WaveSpec wave;
        JsonReader w(waveArray.at(i).toObject(), where);
        w.readString("name", wave.name);
        w.readStringList("nodes", wave.nodes);
        w.readDouble("percent", wave.percent);
        w.readThreshold("success", wave.success);
        w.readThreshold("failure", wave.failure);
        w.readBool("pauseBefore", wave.pauseBefore);
        if (!w.ok())
            return failed(w.error());
        spec.waves.append(wave);
    }
    if (error)
        error->clear();
    return spec;
}

QString RolloutSpec::validate() const
{
    if (version <= 0)
        return Text::tr("Choose the firmware version to flash");
    if (nodes.isEmpty() && devices.isEmpty())
        return Text::tr("Select at least one device, group or customer to flash");
    if (method == RolloutMethod::Release && nodes.isEmpty())
        return Text::tr(
            "A release reaches customers and groups: select at least one, or flash single "
            "devices with Lock and flash or a staged rollout");
    if (deviceTimeoutS < MinDeviceTimeoutS)
        return Text::tr("The device timeout must be at least one minute");
    if (method == RolloutMethod::Staged) {
        for (qsizetype i = 0; i < waves.size(); ++i) {
            const WaveSpec &w = waves.at(i);
            if (w.nodes.isEmpty() && !(w.percent > 0 && w.percent <= 100))
                return Text::tr(
                    "Wave %1 needs test nodes or a share of the devices above 0% and up to 100%")
                    .arg(i + 1);
        }
    }
    const QList<WaveSpec> effective = effectiveWaves();
    for (qsizetype i = 0; i < effective.size(); ++i) {
        const WaveSpec &w = effective.at(i);
        if (const QString why = thresholdError(w.success); !why.isEmpty())
            return Text::tr("Wave %1's success threshold %2 is not valid: %3")
                .arg(i + 1)
                .arg(w.success.toString(), why);
        if (const QString why = thresholdError(w.failure); !why.isEmpty())
            return Text::tr("Wave %1's failure threshold %2 is not valid: %3")
                .arg(i + 1)
                .arg(w.failure.toString(), why);
    }
    return {};
}

// ---- device states --------------------------------------------------------------------------

QString toString(RolloutDeviceState state)
{
    switch (state) {
    case RolloutDeviceState::Skipped:
        return QStringLiteral("skipped");
    case RolloutDeviceState::Pending:
        return QStringLiteral("pending");
    case RolloutDeviceState::Sending:
        return QStringLiteral("sending");
    case RolloutDeviceState::Waiting:
        return QStringLiteral("waiting");
    case RolloutDeviceState::Updating:
        return QStringLiteral("updating");
    case RolloutDeviceState::Succeeded:
        return QStringLiteral("succeeded");
    case RolloutDeviceState::Failed:
        return QStringLiteral("failed");
    case RolloutDeviceState::TimedOut:
        return QStringLiteral("timed-out");
    case RolloutDeviceState::Cancelled:
        return QStringLiteral("cancelled");
    case RolloutDeviceState::RollingBack:
        return QStringLiteral("rolling-back");
    case RolloutDeviceState::RolledBack:
        return QStringLiteral("rolled-back");
    }
    return {};
}

std::optional<RolloutDeviceState> rolloutDeviceStateFromString(QStringView text)
{
    for (int i = int(RolloutDeviceState::Skipped); i <= int(RolloutDeviceState::RolledBack); ++i) {
        const auto state = RolloutDeviceState(i);
        if (text == toString(state))
            return state;
    }
    return std::nullopt;
}

QString displayName(RolloutDeviceState state)
{
    switch (state) {
    case RolloutDeviceState::Skipped:
        return Text::tr("Skipped");
    case RolloutDeviceState::Pending:
        return Text::tr("Pending");
    case RolloutDeviceState::Sending:
        return Text::tr("Sending");
    case RolloutDeviceState::Waiting:
        return Text::tr("Waiting");
    case RolloutDeviceState::Updating:
        return Text::tr("Updating");
    case RolloutDeviceState::Succeeded:
        return Text::tr("Succeeded");
    case RolloutDeviceState::Failed:
        return Text::tr("Failed");
    case RolloutDeviceState::TimedOut:
        return Text::tr("Timed out");
    case RolloutDeviceState::Cancelled:
        return Text::tr("Cancelled");
    case RolloutDeviceState::RollingBack:
        return Text::tr("Rolling back");
    case RolloutDeviceState::RolledBack:
        return Text::tr("Rolled back");
    }
    return {};
}

bool isTerminal(RolloutDeviceState state)
{
    switch (state) {
    case RolloutDeviceState::Succeeded:
    case RolloutDeviceState::Failed:
    case RolloutDeviceState::TimedOut:
    case RolloutDeviceState::Cancelled:
    case RolloutDeviceState::Skipped:
    case RolloutDeviceState::RolledBack:
        return true;
    case RolloutDeviceState::Pending:
    case RolloutDeviceState::Sending:
    case RolloutDeviceState::Waiting:
    case RolloutDeviceState::Updating:
    case RolloutDeviceState::RollingBack:
        return false;
    }
    return false;
}

// ---- impact ---------------------------------------------------------------------------------

FlashImpact assessFlash(
    RolloutMethod method, int version, const QList<RolloutCandidate> &candidates)
{
    FlashImpact impact;
    impact.version = version;
    impact.selected = int(candidates.size());
    impact.devices.reserve(candidates.size());
    const bool viaRelease = method != RolloutMethod::Lock;
    for (const RolloutCandidate &c : candidates) {
        RolloutDevice d;
        d.id = c.id;
        d.name = c.name;
        d.node = c.node;
        d.previousVersion = c.firmwareVersion;
        d.state = RolloutDeviceState::Skipped;
        if (c.development) {
            ++impact.development;
            d.reason = Text::tr("Development devices are never updated by the cloud");
        } else if (viaRelease && c.lock) {
            ++impact.locked;
            d.reason = Text::tr("It is locked to %1, and a lock wins over any release")
                           .arg(versionText(*c.lock));
        } else if (c.firmwareVersion == version) {
            ++impact.alreadyCurrent;
            d.reason = Text::tr("It already runs %1").arg(versionText(version));
        } else if (viaRelease && c.targetAfter != version) {
            ++impact.overridden;
            if (c.targetAfter && *c.targetAfter > version)
                d.reason = Text::tr("Another of its groups releases %1, which wins")
                               .arg(versionText(*c.targetAfter));
            else
                d.reason
                    = Text::tr("The release of %1 would not reach it").arg(versionText(version));
        } else {
            d.state = RolloutDeviceState::Pending;
            ++impact.targeted;
            ++impact.targetedByVersion[c.firmwareVersion];
            if (!c.online)
                ++impact.offline;
            if (c.firmwareVersion > version)
                ++impact.downgrades;
            if (!viaRelease && c.lock && *c.lock != version)
                ++impact.locked; // the lock is replaced
        }
        impact.devices.append(d);
    }
    return impact;
}

// ---- waves ----------------------------------------------------------------------------------

QList<int> assignWaves(const RolloutSpec &spec, QList<RolloutDevice> &devices)
{
    const QList<WaveSpec> waves = spec.effectiveWaves();
    QList<int> counts(waves.size(), 0);

    // Pending devices in the rollout's order, and in the order percentage waves pick them.
    QList<int> pending;
    for (qsizetype i = 0; i < devices.size(); ++i) {
        if (devices[i].state == RolloutDeviceState::Pending) {
            devices[i].wave = -1;
            pending.append(int(i));
        }
    }
    QList<int> picking = pending;
    if (spec.order == RolloutSpec::Order::ByName) {
        std::stable_sort(picking.begin(), picking.end(), [&](int a, int b) {
            const RolloutDevice &da = devices.at(a);
            const RolloutDevice &db = devices.at(b);
            if (da.name != db.name)
                return da.name < db.name;
            return da.id < db.id;
        });
    } else {
        shuffle(picking, spec.seed);
    }

    qsizetype remaining = pending.size();
    const auto assign = [&](int index, int wave) {
        devices[index].wave = wave;
        ++counts[wave];
        --remaining;
    };
    const int last = int(waves.size()) - 1;
    for (int w = 0; w <= last; ++w) {
        const WaveSpec &wave = waves.at(w);
        if (!wave.nodes.isEmpty()) {
            for (int i : pending) {
                if (devices.at(i).wave < 0 && isUnderAny(devices.at(i).node, wave.nodes))
                    assign(i, w);
            }
            continue;
        }
        qsizetype take = remaining;
        if (w < last) {
            const double share = std::clamp(wave.percent, 0.0, 100.0);
            take = qsizetype(std::ceil(share * double(remaining) / 100.0 - Epsilon));
            take = std::clamp<qsizetype>(take, remaining > 0 ? 1 : 0, remaining);
        }
        for (int i : picking) {
            if (take == 0)
                break;
            if (devices.at(i).wave < 0) {
                assign(i, w);
                --take;
            }
        }
    }
    // Devices under none of a trailing node wave's nodes join the last wave.
    if (last >= 0) {
        for (int i : pending) {
            if (devices.at(i).wave < 0)
                assign(i, last);
        }
    }
    return counts;
}

QString rolloutGroupName(const QString &token, int wave)
{
    return RolloutGroupPrefix + token + QLatin1String("-w") + QString::number(wave + 1);
}

QString newRolloutToken()
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString token;
    for (int i = 0; i < 10; ++i)
        token.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(36)]));
    return token;
}

bool isRolloutGroupName(QStringView groupName)
{
    return parseRolloutGroupName(groupName, nullptr, nullptr);
}

bool parseRolloutGroupName(QStringView groupName, QString *tokenOut, int *waveOut)
{
    if (!groupName.startsWith(RolloutGroupPrefix))
        return false;
    const QStringView rest = groupName.mid(RolloutGroupPrefix.size());
    const qsizetype w = rest.lastIndexOf(QLatin1String("-w"));
    if (w < 0)
        return false;
    const QStringView token = rest.left(w);
    const QStringView wave = rest.mid(w + 2);
    const auto isDigit = [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); };
    const bool tokenOk = !token.isEmpty() && token.size() <= 32
        && std::all_of(token.begin(), token.end(), [&](QChar c) {
               return isDigit(c) || (c >= QLatin1Char('a') && c <= QLatin1Char('z'));
           });
    // A positive decimal number without leading zeros, as QString::number writes it.
    const bool waveOk = !wave.isEmpty() && wave.front() != QLatin1Char('0') && wave.size() <= 9
        && std::all_of(wave.begin(), wave.end(), isDigit);
    if (!tokenOk || !waveOk)
        return false;
    if (tokenOut)
        *tokenOut = token.toString();
    if (waveOut)
        *waveOut = wave.toInt() - 1;
    return true;
}

QString slugTitlePath(const QString &path)
{
    return pathSlugs(path).join(QStringLiteral(" \u203a "));
}

// ---- events ---------------------------------------------------------------------------------

std::optional<RolloutDevice> applyDeviceEvent(const RolloutDevice &device, const QString &name,
    const QString &data, int eventVersion, int target, qint64 nowMs)
{
    using S = RolloutDeviceState;
    switch (device.state) {
    case S::Pending:
    case S::Sending:
    case S::Skipped:
    case S::Cancelled:
    case S::Succeeded:
    case S::RolledBack:
        return std::nullopt;
    case S::Waiting:
    case S::Updating:
    case S::Failed:
    case S::TimedOut:
    case S::RollingBack:
        break;
    }
    const bool rollingBack = device.state == S::RollingBack;
    RolloutDevice d = device;

    // While rolling back the device stays RollingBack until it runs its previous version; the
    // stage and attempts tell how far it got.
    const auto moveTo = [&](S state, const QString &stage) {
        d.state = rollingBack ? S::RollingBack : state;
        d.stage = stage;
        d.reason.clear();
    };

    if (eventVersion > 0 && eventVersion == target) {
        d.state = rollingBack ? S::RolledBack : S::Succeeded;
        d.reason.clear();
        d.stage.clear();
    } else if (name == QLatin1String("spark/status")) {
        if (dataIs(data, QLatin1String("auto-update"))) {
            moveTo(S::Updating, QStringLiteral("auto-update"));
        } else if (dataIs(data, QLatin1String("offline"))) {
            const bool updating = device.state == S::Updating || rollingBack;
            // After a successful flash the device restarts: going offline is part of the update.
            if (updating && device.stage == QLatin1String("rebooting"))
                return std::nullopt;
            if (updating) {
                moveTo(S::Waiting, QStringLiteral("offline"));
                d.reason = Text::tr("The device went offline during the update");
            } else if (device.state == S::Waiting) {
                d.stage = QStringLiteral("offline");
                d.reason = Text::tr("Offline: it updates when it comes back");
            } else {
                return std::nullopt;
            }
        } else if (dataIs(data, QLatin1String("online")) && device.state == S::Waiting
            && device.stage == QLatin1String("offline")) {
            d.stage.clear();
            d.reason.clear();
        } else {
            return std::nullopt;
        }
    } else if (name == QLatin1String("spark/flash/status")) {
        if (dataIs(data, QLatin1String("started"))) {
            moveTo(S::Updating, QStringLiteral("flashing"));
        } else if (dataIs(data, QLatin1String("success"))) {
            moveTo(S::Updating, QStringLiteral("rebooting"));
        } else if (dataIs(data, QLatin1String("failed"))) {
            d.state = rollingBack ? S::RollingBack : S::Failed;
            ++d.attempts;
            d.reason = Text::tr("The device reported that the update failed (attempt %1)")
                           .arg(d.attempts);
        } else {
            return std::nullopt;
        }
    } else if (name == QLatin1String("particle/device/updates/pending")) {
        if (!dataIs(data, QLatin1String("true")))
            return std::nullopt;
        moveTo(S::Waiting, QStringLiteral("updates disabled"));
        d.reason = Text::tr(
            "Updates are disabled on the device; it updates once they are enabled again");
    } else {
        return std::nullopt;
    }

    if (d == device)
        return std::nullopt;
    d.updatedMs = nowMs;
    return d;
}

WaveCounts countWave(const QList<RolloutDevice> &devices, int wave)
{
    WaveCounts c;
    for (const RolloutDevice &d : devices) {
        if (d.wave != wave)
            continue;
        ++c.total;
        switch (d.state) {
        case RolloutDeviceState::Pending:
        case RolloutDeviceState::Sending:
            ++c.pending;
            break;
        case RolloutDeviceState::Waiting:
            ++c.waiting;
            break;
        case RolloutDeviceState::Updating:
            ++c.updating;
            break;
        case RolloutDeviceState::Succeeded:
            ++c.succeeded;
            break;
        case RolloutDeviceState::Failed:
            ++c.failed;
            break;
        case RolloutDeviceState::TimedOut:
            ++c.timedOut;
            break;
        case RolloutDeviceState::Cancelled:
            ++c.cancelled;
            break;
        case RolloutDeviceState::RollingBack:
            ++c.rollingBack;
            break;
        case RolloutDeviceState::RolledBack:
            ++c.rolledBack;
            break;
        case RolloutDeviceState::Skipped:
            break;
        }
    }
    return c;
}

WaveVerdict evaluateWave(const WaveSpec &wave, const WaveCounts &counts, bool failuresAccepted)
{
    if (!failuresAccepted && counts.failures() >= wave.failure.failureCount(counts.total))
        return WaveVerdict::Pause;
    if (counts.active() == 0)
        return WaveVerdict::Done;
    if (counts.succeeded >= wave.success.count(counts.total))
        return WaveVerdict::Advance;
    return WaveVerdict::Continue;
}

// ---- rollout and wave states ----------------------------------------------------------------

QString toString(RolloutState state)
{
    switch (state) {
    case RolloutState::Running:
        return QStringLiteral("running");
    case RolloutState::Paused:
        return QStringLiteral("paused");
    case RolloutState::Completed:
        return QStringLiteral("completed");
    case RolloutState::Aborted:
        return QStringLiteral("aborted");
    case RolloutState::RollingBack:
        return QStringLiteral("rolling-back");
    case RolloutState::RolledBack:
        return QStringLiteral("rolled-back");
    }
    return {};
}

std::optional<RolloutState> rolloutStateFromString(QStringView text)
{
    for (int i = int(RolloutState::Running); i <= int(RolloutState::RolledBack); ++i) {
        const auto state = RolloutState(i);
        if (text == toString(state))
            return state;
    }
    return std::nullopt;
}

QString displayName(RolloutState state)
{
    switch (state) {
    case RolloutState::Running:
        return Text::tr("Running");
    case RolloutState::Paused:
        return Text::tr("Paused");
    case RolloutState::Completed:
        return Text::tr("Completed");
    case RolloutState::Aborted:
        return Text::tr("Aborted");
    case RolloutState::RollingBack:
        return Text::tr("Rolling back");
    case RolloutState::RolledBack:
        return Text::tr("Rolled back");
    }
    return {};
}

QString toString(WaveState state)
{
    switch (state) {
    case WaveState::Pending:
        return QStringLiteral("pending");
    case WaveState::Running:
        return QStringLiteral("running");
    case WaveState::Finished:
        return QStringLiteral("finished");
    }
    return {};
}

std::optional<WaveState> waveStateFromString(QStringView text)
{
    for (int i = int(WaveState::Pending); i <= int(WaveState::Finished); ++i) {
        const auto state = WaveState(i);
        if (text == toString(state))
            return state;
    }
    return std::nullopt;
}

} // namespace Flotilla::Domain
