// SPDX-License-Identifier: MIT
// Reader of tests/data/precedence.tsv, the firmware precedence rule table shared by the
// sandbox's tests (tests/unit/tst_precedence.cpp) and the console's (tests/domain). Header-only,
// Qt Core only, so that each test links just the implementation it checks.
#pragma once

#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTest>

#include <optional>

Q_DECLARE_METATYPE(std::optional<int>)

namespace Flotilla::TestData {

struct PrecedenceRow
{
    QString name;
    bool development = false;
    std::optional<int> locked;
    QList<int> groupReleases;
    std::optional<int> productDefault;
    std::optional<int> expected;
};

namespace Detail {

inline std::optional<int> version(const QString &cell, bool *ok)
{
    if (cell == QLatin1String("-"))
        return std::nullopt;
    const int v = cell.toInt(ok);
    *ok = *ok && v > 0;
    return v;
}

} // namespace Detail

// The rows of the table, or nothing and `error` naming the line that is wrong.
inline QList<PrecedenceRow> readPrecedenceTable(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return {};
    }
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    QList<PrecedenceRow> rows;
    bool headerSeen = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList cells = line.split(QLatin1Char('\t'));
        const auto bad = [&](const QString &why) {
            *error = QStringLiteral("%1:%2: %3").arg(path).arg(i + 1).arg(why);
            return QList<PrecedenceRow>();
        };
        if (cells.size() != 6)
            return bad(QStringLiteral("expected 6 tab-separated cells, got %1").arg(cells.size()));
        if (!headerSeen) {
            if (cells.first() != QLatin1String("name"))
                return bad(QStringLiteral("the first line must be the header"));
            headerSeen = true;
            continue;
        }
        PrecedenceRow row;
        row.name = cells.at(0);
        if (row.name.isEmpty())
            return bad(QStringLiteral("a row needs a name"));
        for (const PrecedenceRow &other : std::as_const(rows)) {
            if (other.name == row.name)
                return bad(QStringLiteral("the name '%1' is used twice").arg(row.name));
        }
        if (cells.at(1) != QLatin1String("yes") && cells.at(1) != QLatin1String("no"))
            return bad(QStringLiteral("development must be yes or no"));
        row.development = cells.at(1) == QLatin1String("yes");
        bool ok = true;
        row.locked = Detail::version(cells.at(2), &ok);
        if (ok && cells.at(3) != QLatin1String("-")) {
            for (const QString &v : cells.at(3).split(QLatin1Char(',')))
                row.groupReleases.append(Detail::version(v, &ok).value_or(0));
            ok = ok && !row.groupReleases.contains(0);
        }
        if (ok)
            row.productDefault = Detail::version(cells.at(4), &ok);
        if (ok)
            row.expected = Detail::version(cells.at(5), &ok);
        if (!ok)
            return bad(QStringLiteral("a version must be a positive integer or '-'"));
        rows.append(row);
    }
    if (!headerSeen)
        *error = QStringLiteral("%1: no header line").arg(path);
    return rows;
}

// "none" or the version, so that a failed comparison prints both sides readably.
inline QString shownVersion(std::optional<int> v)
{
    return v ? QString::number(*v) : QStringLiteral("none");
}

// The data columns of a test run over the table (development, locked, groupReleases,
// productDefault, expected), one row per table row.
inline void addPrecedenceRows(const QList<PrecedenceRow> &rows)
{
    QTest::addColumn<bool>("development");
    QTest::addColumn<std::optional<int>>("locked");
    QTest::addColumn<QList<int>>("groupReleases");
    QTest::addColumn<std::optional<int>>("productDefault");
    QTest::addColumn<std::optional<int>>("expected");
    for (const PrecedenceRow &r : rows)
        QTest::newRow(qPrintable(r.name))
            << r.development << r.locked << r.groupReleases << r.productDefault << r.expected;
}

} // namespace Flotilla::TestData
