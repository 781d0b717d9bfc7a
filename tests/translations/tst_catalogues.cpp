// SPDX-License-Identifier: MIT
// The committed catalogues against the sources: lupdate runs exactly as the update targets run it
// (translations/CMakeLists.txt writes their sources, include directories and options into
// catalogues.json) over a temporary copy of each catalogue. It fails when
// - lupdate warns: a text it files under a context the program does not ask for ("Qualifying
//   with unknown namespace", "lacks Q_OBJECT macro") is never translated;
// - a source text is new or has gone: the committed catalogue is out of date (build the target
//   update_translations and commit the result);
// - an entry is unfinished: a German text not yet translated, an English plural not yet written.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

// A message of a catalogue as lupdate keys it.
struct Entry
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    bool unfinished = false;
};

QString keyOf(const Entry &e)
{
    return e.context + QStringLiteral(" | ") + e.source
        + (e.comment.isEmpty() ? QString() : QStringLiteral(" (") + e.comment + u')');
}

QList<Entry> readCatalogue(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Entry> entries;
    QXmlStreamReader xml(&file);
    QString context;
    Entry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == QLatin1String("message"))
                entries.append(entry);
            continue;
        }
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            entry = Entry {};
            entry.context = context;
            entry.numerus
                = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            entry.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            entry.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            entry.unfinished
                = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return entries;
}

// The first `limit` lines of a list (each cut to a line of the terminal), and how many more
// there are.
QString listing(const QStringList &lines, int limit = 12)
{
    QStringList shown;
    for (QString line : lines.mid(0, limit)) {
        line.replace(u'\n', u' ');
        shown.append(line.size() > 100 ? line.left(99) + u'…' : line);
    }
    QString text = shown.join(u'\n');
    if (lines.size() > limit)
        text += QStringLiteral("\n… and %1 more").arg(lines.size() - limit);
    return text;
}

} // namespace

class TestCatalogues final : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        QString committed; // the catalogue in translations/
        bool pluralOnly = false;
        QStringList warnings;
        QList<Entry> before; // the committed catalogue
        QList<Entry> after; // its copy, updated by lupdate
    };
    QList<Run> m_runs;
    QTemporaryDir m_dir;

    const Run *run(const QString &name) const
    {
        for (const Run &r : m_runs)
            if (r.committed.endsWith(name))
                return &r;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile config(QStringLiteral(FLOTILLA_CATALOGUES_JSON));
        QVERIFY2(config.open(QIODevice::ReadOnly), qPrintable(config.errorString()));
        const QJsonObject settings = QJsonDocument::fromJson(config.readAll()).object();
        const QString lupdate = settings.value(QLatin1String("lupdate")).toString();
        QVERIFY2(QFile::exists(lupdate), qPrintable(lupdate));
        QVERIFY(!settings.value(QLatin1String("sources")).toArray().isEmpty());

        // What lupdate says besides its warnings.
        static const QRegularExpression summary(QStringLiteral(
            R"(^(Updating '.*'\.\.\.|\s*(Found|Removed|Kept|Stripping|Same-text|Number heuristic) .*)$)"));
        const QJsonArray catalogues = settings.value(QLatin1String("catalogues")).toArray();
        for (const QJsonValue &value : catalogues) {
            const QJsonObject catalogue = value.toObject();
            Run r;
            r.committed = catalogue.value(QLatin1String("ts")).toString();
            r.pluralOnly = catalogue.value(QLatin1String("pluralOnly")).toBool();
            QString error;
            r.before = readCatalogue(r.committed, &error);
            QVERIFY2(error.isEmpty(), qPrintable(r.committed + QStringLiteral(": ") + error));

            const QString copy = m_dir.filePath(r.committed.section(u'/', -1));
            QVERIFY(QFile::copy(r.committed, copy));
            QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
            // The project file the update target writes, with the copy as its catalogue.
            QJsonObject project;
            project.insert(QLatin1String("projectFile"), QStringLiteral(FLOTILLA_CATALOGUES_JSON));
            project.insert(
                QLatin1String("includePaths"), settings.value(QLatin1String("includePaths")));
            project.insert(QLatin1String("sources"), settings.value(QLatin1String("sources")));
            project.insert(QLatin1String("translations"), QJsonArray {copy});
            QFile projectFile(copy + QStringLiteral(".json"));
            QVERIFY(projectFile.open(QIODevice::WriteOnly));
            projectFile.write(QJsonDocument(project).toJson());
            projectFile.close();

            QStringList arguments {QStringLiteral("-project"), projectFile.fileName()};
            const QJsonArray options = catalogue.value(QLatin1String("options")).toArray();
            for (const QJsonValue &option : options)
                arguments.append(option.toString());
            QProcess process;
            process.setProcessChannelMode(QProcess::MergedChannels);
            process.start(lupdate, arguments);
            QVERIFY2(process.waitForFinished(60000), qPrintable(process.errorString()));
            const QString output = QString::fromLocal8Bit(process.readAll());
            QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                qPrintable(output));
            const QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
            for (const QString &line : lines)
                if (!summary.match(line).hasMatch())
                    r.warnings.append(line);
            r.after = readCatalogue(copy, &error);
            QVERIFY2(error.isEmpty(), qPrintable(copy + QStringLiteral(": ") + error));
            m_runs.append(r);
        }
        QVERIFY(run(QStringLiteral("/flotilla_de.ts")));
        QVERIFY(run(QStringLiteral("/flotilla_en.ts")));
    }

    void noWarnings_data()
    {
        QTest::addColumn<QString>("catalogue");
        QTest::newRow("de") << QStringLiteral("/flotilla_de.ts");
        QTest::newRow("en") << QStringLiteral("/flotilla_en.ts");
    }

    // Every tr() is filed under the context the program looks it up in.
    void noWarnings()
    {
        QFETCH(QString, catalogue);
        const Run *r = run(catalogue);
        QVERIFY2(r->warnings.isEmpty(),
            qPrintable(QStringLiteral("lupdate warns:\n") + listing(r->warnings)));
    }

    void upToDate_data() { noWarnings_data(); }

    // The committed catalogue holds exactly the texts of the sources.
    void upToDate()
    {
        QFETCH(QString, catalogue);
        const Run *r = run(catalogue);
        QSet<QString> before;
        for (const Entry &e : r->before)
            before.insert(keyOf(e));
        QSet<QString> after;
        for (const Entry &e : r->after)
            after.insert(keyOf(e));
        QStringList added = QSet<QString>(after).subtract(before).values();
        QStringList gone = QSet<QString>(before).subtract(after).values();
        added.sort();
        gone.sort();
        QVERIFY2(added.isEmpty() && gone.isEmpty(),
            qPrintable(QStringLiteral("%1 is out of date (build the target update_translations):\n"
                                      "new texts:\n%2\ntexts no longer in the sources:\n%3")
                           .arg(r->committed, listing(added), listing(gone))));
        QCOMPARE(r->after.size(), r->before.size());
    }

    // The German catalogue: every text translated.
    void germanFinished()
    {
        const Run *r = run(QStringLiteral("/flotilla_de.ts"));
        QVERIFY(!r->pluralOnly);
        QVERIFY(r->before.size() > 1000);
        QStringList unfinished;
        for (const Entry &e : r->before)
            if (e.unfinished)
                unfinished.append(keyOf(e));
        QVERIFY2(unfinished.isEmpty(),
            qPrintable(QStringLiteral("%1 of %2 German entries are unfinished:\n%3")
                           .arg(unfinished.size())
                           .arg(r->before.size())
                           .arg(listing(unfinished))));
    }

    // The English catalogue: the plural forms only, every one written.
    void englishPluralsFinished()
    {
        const Run *r = run(QStringLiteral("/flotilla_en.ts"));
        QVERIFY(r->pluralOnly);
        QVERIFY(r->before.size() > 100);
        QStringList unfinished;
        for (const Entry &e : r->before) {
            QVERIFY2(e.numerus, qPrintable(keyOf(e)));
            if (e.unfinished)
                unfinished.append(keyOf(e));
        }
        QVERIFY2(unfinished.isEmpty(),
            qPrintable(
                QStringLiteral("English plural forms not written:\n") + listing(unfinished)));
    }
};

QTEST_GUILESS_MAIN(TestCatalogues)
#include "tst_catalogues.moc"
