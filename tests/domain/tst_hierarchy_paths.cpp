// SPDX-License-Identifier: MIT
// Node names: slugs, paths, Particle's group name rule, titles, and slug suggestions.
#include "domain/nodepath.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Flotilla::Domain;

namespace {

QString repeated(QChar c, qsizetype n)
{
    return QString(n, c);
}

} // namespace

class TestHierarchyPaths final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void slug_data()
    {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<QString>("error"); // a fragment of the message; empty: valid

        QTest::newRow("letters") << QStringLiteral("acme") << QString();
        QTest::newRow("one letter") << QStringLiteral("a") << QString();
        QTest::newRow("one digit") << QStringLiteral("7") << QString();
        QTest::newRow("digits inside") << QStringLiteral("berlin2") << QString();
        QTest::newRow("dash inside") << QStringLiteral("site-a") << QString();
        QTest::newRow("underscore inside") << QStringLiteral("site_a") << QString();
        QTest::newRow("mixed separators") << QStringLiteral("a-b_c-d") << QString();
        QTest::newRow("long slug") << repeated(QLatin1Char('x'), 80) << QString();

        QTest::newRow("empty") << QString() << QStringLiteral("must not be empty");
        QTest::newRow("upper case") << QStringLiteral("Acme") << QStringLiteral("contains 'A'");
        QTest::newRow("space") << QStringLiteral("acme berlin") << QStringLiteral("contains ' '");
        QTest::newRow("dot") << QStringLiteral("a.b") << QStringLiteral("contains '.'");
        QTest::newRow("umlaut") << QStringLiteral("m\u00fcnchen")
                                << QStringLiteral("contains '\u00fc'");
        QTest::newRow("leading dash")
            << QStringLiteral("-acme") << QStringLiteral("must start and end");
        QTest::newRow("trailing dash")
            << QStringLiteral("acme-") << QStringLiteral("must start and end");
        QTest::newRow("leading underscore")
            << QStringLiteral("_a") << QStringLiteral("must start and end");
        QTest::newRow("double dash") << QStringLiteral("a--b") << QStringLiteral("contains '--'");
        QTest::newRow("dash underscore")
            << QStringLiteral("a-_b") << QStringLiteral("contains '-_'");
        QTest::newRow("double underscore")
            << QStringLiteral("a__b") << QStringLiteral("contains '__'");
    }

    void slug()
    {
        QFETCH(QString, slug);
        QFETCH(QString, error);
        const QString got = slugError(slug);
        QCOMPARE(isSlug(slug), error.isEmpty());
        if (error.isEmpty()) {
            QVERIFY2(got.isEmpty(), qPrintable(got));
        } else {
            QVERIFY2(got.contains(error), qPrintable(got));
            if (!slug.isEmpty())
                QVERIFY2(got.contains(slug), qPrintable(got)); // names what it judged
        }
    }

    void groupName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("error");

        QTest::newRow("path") << QStringLiteral("acme--berlin") << QString();
        QTest::newRow("returns pool") << QStringLiteral("flotilla-returns") << QString();
        QTest::newRow("leading dash is Particle-valid") << QStringLiteral("-x") << QString();
        QTest::newRow("64 characters") << repeated(QLatin1Char('a'), 64) << QString();

        QTest::newRow("empty") << QString() << QStringLiteral("must not be empty");
        QTest::newRow("65 characters") << repeated(
            QLatin1Char('a'), 65) << QStringLiteral("would be 65 characters; Particle allows 64");
        QTest::newRow("upper case") << QStringLiteral("Acme") << QStringLiteral("contains 'A'");
        QTest::newRow("space") << QStringLiteral("a b") << QStringLiteral("contains ' '");
    }

    void groupName()
    {
        QFETCH(QString, name);
        QFETCH(QString, error);
        const QString got = groupNameError(name);
        if (error.isEmpty())
            QVERIFY2(got.isEmpty(), qPrintable(got));
        else
            QVERIFY2(got.contains(error), qPrintable(got));
    }

    void nodePath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("error");

        QTest::newRow("customer") << QStringLiteral("acme") << QString();
        QTest::newRow("group") << QStringLiteral("acme--berlin") << QString();
        QTest::newRow("three levels") << QStringLiteral("acme--berlin--test") << QString();
        QTest::newRow("maximum depth") << QStringLiteral("a--b--c--d") << QString();
        QTest::newRow("64 characters") << QString(
            repeated(QLatin1Char('a'), 30) + QLatin1String("--") + repeated(QLatin1Char('b'), 32))
                                       << QString();

        QTest::newRow("empty") << QString() << QStringLiteral("must not be empty");
        QTest::newRow("too deep") << QStringLiteral("a--b--c--d--e")
                                  << QStringLiteral("5 levels deep; at most 4");
        QTest::newRow("71 characters")
            << QString(QLatin1String("acme--") + repeated(QLatin1Char('s'), 65))
            << QStringLiteral("would be 71 characters; Particle allows 64");
        QTest::newRow("65 characters") << QString(
            repeated(QLatin1Char('a'), 31) + QLatin1String("--") + repeated(QLatin1Char('b'), 32))
                                       << QStringLiteral("would be 65 characters");
        QTest::newRow("triple dash")
            << QStringLiteral("acme---berlin") << QStringLiteral("must start and end");
        QTest::newRow("trailing separator")
            << QStringLiteral("acme--") << QStringLiteral("has an empty part");
        QTest::newRow("leading separator")
            << QStringLiteral("--acme") << QStringLiteral("has an empty part");
        QTest::newRow("upper case slug")
            << QStringLiteral("Acme--x") << QStringLiteral("contains 'A'");
        QTest::newRow("space in slug")
            << QStringLiteral("acme--a b") << QStringLiteral("contains ' '");
        QTest::newRow("reserved") << QStringLiteral("flotilla-returns")
                                  << QStringLiteral("reserved for the Returns pool");
    }

    void nodePath()
    {
        QFETCH(QString, path);
        QFETCH(QString, error);
        const QString got = nodePathError(path);
        QCOMPARE(isNodePath(path), error.isEmpty());
        if (error.isEmpty())
            QVERIFY2(got.isEmpty(), qPrintable(got));
        else
            QVERIFY2(got.contains(error), qPrintable(got));
    }

    // Long names are shortened in messages, but the start of the name stays recognisable.
    void longNamesAreShortenedInMessages()
    {
        const QString name = QLatin1String("acme--") + repeated(QLatin1Char('s'), 65);
        const QString message = nodePathError(name);
        QVERIFY2(message.contains(QLatin1String("'acme--sss")), qPrintable(message));
        QVERIFY2(!message.contains(name), qPrintable(message));
        QVERIFY2(message.contains(QChar(0x2026)), qPrintable(message));
    }

    void title_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("error");

        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("words") << QStringLiteral("Acme Logistics") << QString();
        QTest::newRow("brackets") << QStringLiteral("Acme [EU]") << QString();
        QTest::newRow("unicode") << QStringLiteral("M\u00fcnchen S\u00fcd") << QString();
        QTest::newRow("padded") << QString(QLatin1String("  Berlin  ")) << QString();
        QTest::newRow("200 characters") << repeated(QLatin1Char('t'), 200) << QString();
        QTest::newRow("200 characters padded")
            << QString(QLatin1String("  ") + repeated(QLatin1Char('t'), 200) + QLatin1String(" "))
            << QString();

        QTest::newRow("201 characters") << repeated(QLatin1Char('t'), 201)
                                        << QStringLiteral("201 characters long; at most 200");
        QTest::newRow("line break")
            << QStringLiteral("Berlin\nTest") << QStringLiteral("single line");
        QTest::newRow("tab") << QStringLiteral("Berlin\tTest") << QStringLiteral("single line");
        QTest::newRow("line separator")
            << QStringLiteral("Berlin\u2028Test") << QStringLiteral("single line");
        QTest::newRow("a tag of its own") << QStringLiteral("Berlin [flotilla:group]")
                                          << QStringLiteral("must not contain '[flotilla:'");
        QTest::newRow("a tag, other case") << QStringLiteral("Berlin [FLOTILLA:group]")
                                           << QStringLiteral("must not contain '[flotilla:'");
    }

    void title()
    {
        QFETCH(QString, title);
        QFETCH(QString, error);
        const QString got = titleError(title);
        if (error.isEmpty())
            QVERIFY2(got.isEmpty(), qPrintable(got));
        else
            QVERIFY2(got.contains(error), qPrintable(got));
    }

    void pathArithmetic_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("slugs");
        QTest::addColumn<QString>("parent");
        QTest::addColumn<QString>("last");
        QTest::addColumn<QString>("customer");
        QTest::addColumn<QStringList>("chain");

        QTest::newRow("empty") << QString() << QStringList {} << QString() << QString() << QString()
                               << QStringList {};
        QTest::newRow("customer") << QStringLiteral("acme") << QStringList {QStringLiteral("acme")}
                                  << QString() << QStringLiteral("acme") << QStringLiteral("acme")
                                  << QStringList {QStringLiteral("acme")};
        QTest::newRow("three levels")
            << QStringLiteral("acme--berlin--test")
            << QStringList {QStringLiteral("acme"), QStringLiteral("berlin"),
                   QStringLiteral("test")}
            << QStringLiteral("acme--berlin") << QStringLiteral("test") << QStringLiteral("acme")
            << QStringList {QStringLiteral("acme"), QStringLiteral("acme--berlin"),
                   QStringLiteral("acme--berlin--test")};
        QTest::newRow("slugs with single separators")
            << QStringLiteral("delta-water--pump_1")
            << QStringList {QStringLiteral("delta-water"), QStringLiteral("pump_1")}
            << QStringLiteral("delta-water") << QStringLiteral("pump_1")
            << QStringLiteral("delta-water")
            << QStringList {QStringLiteral("delta-water"), QStringLiteral("delta-water--pump_1")};
    }

    void pathArithmetic()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, slugs);
        QFETCH(QString, parent);
        QFETCH(QString, last);
        QFETCH(QString, customer);
        QFETCH(QStringList, chain);
        QCOMPARE(pathSlugs(path), slugs);
        QCOMPARE(pathDepth(path), slugs.size());
        QCOMPARE(parentPath(path), parent);
        QCOMPARE(lastSlug(path), last);
        QCOMPARE(customerSlug(path), customer);
        QCOMPARE(pathChain(path), chain);
        if (!path.isEmpty())
            QCOMPARE(childPath(parentPath(path), lastSlug(path)), path);
    }

    void ancestry_data()
    {
        QTest::addColumn<QString>("ancestor");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("orSelf");
        QTest::addColumn<bool>("strict");

        QTest::newRow("parent") << QStringLiteral("acme") << QStringLiteral("acme--berlin") << true
                                << true;
        QTest::newRow("grandparent")
            << QStringLiteral("acme") << QStringLiteral("acme--berlin--test") << true << true;
        QTest::newRow("self") << QStringLiteral("acme") << QStringLiteral("acme") << true << false;
        QTest::newRow("child is no ancestor")
            << QStringLiteral("acme--berlin") << QStringLiteral("acme") << false << false;
        QTest::newRow("string prefix only")
            << QStringLiteral("acme") << QStringLiteral("acme-x") << false << false;
        QTest::newRow("longer slug")
            << QStringLiteral("acme") << QStringLiteral("acmes--x") << false << false;
        QTest::newRow("slug prefix")
            << QStringLiteral("acme--b") << QStringLiteral("acme--berlin") << false << false;
        QTest::newRow("sibling") << QStringLiteral("acme--hamburg")
                                 << QStringLiteral("acme--berlin--test") << false << false;
        QTest::newRow("empty ancestor") << QString() << QStringLiteral("acme") << false << false;
    }

    void ancestry()
    {
        QFETCH(QString, ancestor);
        QFETCH(QString, path);
        QFETCH(bool, orSelf);
        QFETCH(bool, strict);
        QCOMPARE(isAncestorOrSelf(ancestor, path), orSelf);
        QCOMPARE(isStrictAncestor(ancestor, path), strict);
    }

    // Sorting paths as strings gives depth-first pre-order: every subtree is one run.
    void stringOrderIsPreOrder()
    {
        QStringList paths {QStringLiteral("acme-x"), QStringLiteral("acme--z"),
            QStringLiteral("acme_b"), QStringLiteral("acme"), QStringLiteral("acme--b--c"),
            QStringLiteral("acme0"), QStringLiteral("acme--b"), QStringLiteral("acme--b-2")};
        paths.sort();
        const QStringList expected {QStringLiteral("acme"), QStringLiteral("acme--b"),
            QStringLiteral("acme--b--c"), QStringLiteral("acme--b-2"), QStringLiteral("acme--z"),
            QStringLiteral("acme-x"), QStringLiteral("acme0"), QStringLiteral("acme_b")};
        QCOMPARE(paths, expected);
    }

    void suggestSlug_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("parent");
        QTest::addColumn<QStringList>("existing");
        QTest::addColumn<QString>("expected");

        const QString longParent = QStringLiteral("customer-with-a-long-name--site-long-name");
        QVERIFY(longParent.size() == 41); // room for a child slug: 64 - 43 = 21

        QTest::newRow("words") << QStringLiteral("Acme Logistics") << QString() << QStringList {}
                               << QStringLiteral("acme-logistics");
        QTest::newRow("diacritics") << QStringLiteral("M\u00fcller & S\u00f6hne GmbH") << QString()
                                    << QStringList {} << QStringLiteral("muller-sohne-gmbh");
        QTest::newRow("sharp s") << QStringLiteral("Stra\u00dfe") << QString() << QStringList {}
                                 << QStringLiteral("strasse");
        QTest::newRow("nordic letters") << QStringLiteral("\u00c6r\u00f8 \u00d8st") << QString()
                                        << QStringList {} << QStringLiteral("aero-ost");
        QTest::newRow("polish letters") << QStringLiteral("\u0141\u00f3d\u017a") << QString()
                                        << QStringList {} << QStringLiteral("lodz");
        QTest::newRow("punctuation runs") << QStringLiteral("  --Hello,   World!!  ") << QString()
                                          << QStringList {} << QStringLiteral("hello-world");
        QTest::newRow("underscores become dashes")
            << QStringLiteral("site_a test") << QStringLiteral("acme") << QStringList {}
            << QStringLiteral("site-a-test");
        QTest::newRow("apostrophes vanish") << QStringLiteral("O'Brien\u2019s Depot") << QString()
                                            << QStringList {} << QStringLiteral("obriens-depot");
        QTest::newRow("full-width letters")
            << QStringLiteral("\uff21\uff23\uff2d\uff25 2") << QString() << QStringList {}
            << QStringLiteral("acme-2");
        QTest::newRow("no letters: customer")
            << QStringLiteral("!!!") << QString() << QStringList {} << QStringLiteral("customer");
        QTest::newRow("no ASCII: group") << QStringLiteral("\u6771\u4eac") << QStringLiteral("acme")
                                         << QStringList {} << QStringLiteral("group");
        QTest::newRow("collision")
            << QStringLiteral("Berlin") << QStringLiteral("acme")
            << QStringList {QStringLiteral("acme--berlin")} << QStringLiteral("berlin-2");
        QTest::newRow("two collisions")
            << QStringLiteral("Berlin") << QStringLiteral("acme")
            << QStringList {QStringLiteral("acme--berlin"), QStringLiteral("acme--berlin-2")}
            << QStringLiteral("berlin-3");
        QTest::newRow("collision with a label")
            << QStringLiteral("Beta testers") << QString()
            << QStringList {QStringLiteral("beta-testers")} << QStringLiteral("beta-testers-2");
        QTest::newRow("same slug elsewhere is no collision")
            << QStringLiteral("Berlin") << QStringLiteral("beta")
            << QStringList {QStringLiteral("acme--berlin")} << QStringLiteral("berlin");
        QTest::newRow("reserved name") << QStringLiteral("Flotilla Returns") << QString()
                                       << QStringList {} << QStringLiteral("flotilla-returns-2");
        QTest::newRow("shortened at a word boundary")
            << QStringLiteral("North Harbour Terminal Building") << longParent << QStringList {}
            << QStringLiteral("north-harbour");
        QTest::newRow("shortened inside a long word")
            << QStringLiteral("Supercalifragilisticexpialidocious") << longParent << QStringList {}
            << QStringLiteral("supercalifragilistice");
        QTest::newRow("shortened, then a suffix")
            << QStringLiteral("North Harbour Terminal Building") << longParent
            << QStringList {QString(longParent + QLatin1String("--north-harbour"))}
            << QStringLiteral("north-harbour-2");
        QTest::newRow("exact fit") << QStringLiteral("abcdefghijklmnopqrstu") << longParent
                                   << QStringList {} << QStringLiteral("abcdefghijklmnopqrstu");
        QTest::newRow("no child below the maximum depth")
            << QStringLiteral("Rig") << QStringLiteral("a--b--c--d") << QStringList {} << QString();
        QTest::newRow("no room left") << QStringLiteral("Rig")
                                      << QString(repeated(QLatin1Char('a'), 30)
                                             + QLatin1String("--") + repeated(QLatin1Char('b'), 30))
                                      << QStringList {} << QString();
        QTest::newRow("room for one character")
            << QStringLiteral("Rig")
            << QString(repeated(QLatin1Char('a'), 30) + QLatin1String("--")
                   + repeated(QLatin1Char('b'), 29))
            << QStringList {} << QStringLiteral("r");
    }

    void suggestSlug()
    {
        QFETCH(QString, title);
        QFETCH(QString, parent);
        QFETCH(QStringList, existing);
        QFETCH(QString, expected);
        const QString got = Flotilla::Domain::suggestSlug(title, parent, existing);
        QCOMPARE(got, expected);
        if (!got.isEmpty()) {
            const QString path = childPath(parent, got);
            QVERIFY2(nodePathError(path).isEmpty(), qPrintable(nodePathError(path)));
            QVERIFY(!existing.contains(path));
        }
    }

    // Whatever the title and the siblings, a suggestion is a valid, unused node name.
    void suggestionsAreAlwaysValid()
    {
        QRandomGenerator rng(7);
        const QString alphabet
            = QStringLiteral("abcXYZ019 -_.,'&!\u00e9\u00df\u00f8\u0142\u6771\u2019\t");
        const QStringList parents {QString(), QStringLiteral("acme"),
            QStringLiteral("acme--berlin"), QStringLiteral("acme--berlin--test"),
            QStringLiteral("customer-with-a-long-name--site-with-a-long-name--x")};
        for (int i = 0; i < 2000; ++i) {
            QString title;
            for (int n = static_cast<int>(rng.bounded(70)); n > 0; --n)
                title += alphabet.at(static_cast<qsizetype>(rng.bounded(alphabet.size())));
            const QString parent = parents.at(static_cast<qsizetype>(rng.bounded(parents.size())));
            QStringList existing;
            for (int round = 0; round < 4; ++round) {
                const QString slug = Flotilla::Domain::suggestSlug(title, parent, existing);
                QVERIFY2(!slug.isEmpty(), qPrintable(title));
                const QString path = childPath(parent, slug);
                QVERIFY2(
                    isNodePath(path), qPrintable(path + QLatin1String(": ") + nodePathError(path)));
                QVERIFY2(!existing.contains(path), qPrintable(path));
                existing.append(path); // the next round must find another one
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestHierarchyPaths)
#include "tst_hierarchy_paths.moc"
