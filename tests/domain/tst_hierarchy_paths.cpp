// SPDX-License-Identifier: MIT
// Node names: slugs, paths, Particle's group name rule, titles, slug suggestions (shortened
// with a reason, never silently), titles that name the same thing, and title paths.
#include "domain/hierarchy.h"
#include "domain/nodepath.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Flotilla::Domain;

namespace {

QString repeated(QChar c, qsizetype n)
{
    return QString(n, c);
}

// A hierarchy of tagged nodes: "path|title" each (customers for one slug, groups below).
Hierarchy treeOf(const QStringList &specs)
{
    QList<Group> groups;
    for (const QString &spec : specs) {
        Group g;
        g.name = spec.section(QLatin1Char('|'), 0, 0);
        NodeTag tag;
        tag.kind = pathDepth(g.name) == 1 ? NodeKind::Customer : NodeKind::Group;
        tag.title = spec.section(QLatin1Char('|'), 1);
        g.description = formatDescription(tag);
        groups.append(g);
    }
    return Hierarchy(groups);
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
        QTest::newRow("diacritics") << QStringLiteral("M\u00fcller & S\u00f6hne") << QString()
                                    << QStringList {} << QStringLiteral("muller-sohne");
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
            << QStringLiteral("supercalifragi");
        QTest::newRow("shortened, taken: the next shortening")
            << QStringLiteral("North Harbour Terminal Building") << longParent
            << QStringList {QString(longParent + QLatin1String("--north-harbour"))}
            << QStringLiteral("north-building");
        QTest::newRow("every shortening taken: a suffix")
            << QStringLiteral("North Harbour") << QStringLiteral("acme")
            << QStringList {QStringLiteral("acme--north-harbour")}
            << QStringLiteral("north-harbour-2");
        QTest::newRow("a customer's short name is kept short")
            << QStringLiteral("Northwind Logistics International") << QString() << QStringList {}
            << QStringLiteral("northwind");
        QTest::newRow("legal forms are left out first")
            << QStringLiteral("Gamma Robotics Ltd.") << QString() << QStringList {}
            << QStringLiteral("gamma-robotics");
        QTest::newRow("exact fit") << QStringLiteral("abcdefghijklmn") << longParent
                                   << QStringList {} << QStringLiteral("abcdefghijklmn");
        QTest::newRow("a short title under a long parent stays whole") << QStringLiteral(
            "Test") << repeated(QLatin1Char('a'), 50) << QStringList {} << QStringLiteral("test");
        QTest::newRow("cut by Particle's limit")
            << QStringLiteral("Test") << repeated(QLatin1Char('a'), 59) << QStringList {}
            << QStringLiteral("tes");
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

    // What is suggested instead when a title's short name is too long, and why.
    void suggestSlugs_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("parent");
        QTest::addColumn<QStringList>("existing");
        QTest::addColumn<QString>("slug");
        QTest::addColumn<QStringList>("alternatives");
        QTest::addColumn<QString>("full");
        QTest::addColumn<int>("limit");
        QTest::addColumn<bool>("shortened");
        QTest::addColumn<bool>("byParticle"); // cut because of the 64 characters

        const QString long50 = repeated(QLatin1Char('a'), 50);
        const QString long59 = repeated(QLatin1Char('a'), 59);

        QTest::newRow("fits: nothing else offered")
            << QStringLiteral("Acme Logistics") << QString() << QStringList {}
            << QStringLiteral("acme-logistics") << QStringList {}
            << QStringLiteral("acme-logistics") << 16 << false << false;
        QTest::newRow("long customer: words, initials")
            << QStringLiteral("M\u00fcller Stra\u00dfenbau GmbH & Co. KG") << QString()
            << QStringList {} << QStringLiteral("muller") << QStringList {QStringLiteral("ms")}
            << QStringLiteral("muller-strassenbau-gmbh-co-kg") << 16 << true << false;
        QTest::newRow("long customer title")
            << QStringLiteral("Northern Regional Water and Wastewater Utility Board") << QString()
            << QStringList {} << QStringLiteral("northern")
            << QStringList {QStringLiteral("northern-board"), QStringLiteral("nrwwub")}
            << QStringLiteral("northern-regional-water-and-wastewater-utility-board") << 16 << true
            << false;
        QTest::newRow("long group: leading words, first and last, initials")
            << QStringLiteral("Test bench north-east") << QStringLiteral("acme") << QStringList {}
            << QStringLiteral("test-bench")
            << QStringList {QStringLiteral("test-east"), QStringLiteral("tbne")}
            << QStringLiteral("test-bench-north-east") << 14 << true << false;
        QTest::newRow("digits stay whole in initials")
            << QStringLiteral("Depot 12 North Harbour") << QStringLiteral("acme") << QStringList {}
            << QStringLiteral("depot-12-north")
            << QStringList {QStringLiteral("depot-harbour"), QStringLiteral("d12nh")}
            << QStringLiteral("depot-12-north-harbour") << 14 << true << false;
        QTest::newRow("taken alternatives are left out")
            << QStringLiteral("Test bench north-east") << QStringLiteral("acme")
            << QStringList {QStringLiteral("acme--test-east")} << QStringLiteral("test-bench")
            << QStringList {QStringLiteral("tbne")} << QStringLiteral("test-bench-north-east") << 14
            << true << false;
        QTest::newRow("short title under a long customer: whole")
            << QStringLiteral("Test") << long50 << QStringList {} << QStringLiteral("test")
            << QStringList {} << QStringLiteral("test") << 12 << false << false;
        QTest::newRow("cut by the 64 characters, said so")
            << QStringLiteral("Test") << long59 << QStringList {} << QStringLiteral("tes")
            << QStringList {} << QStringLiteral("test") << 3 << true << true;
        QTest::newRow("cut by the 64 characters, with initials")
            << QStringLiteral("Test bench") << repeated(QLatin1Char('a'), 55) << QStringList {}
            << QStringLiteral("test") << QStringList {QStringLiteral("tb")}
            << QStringLiteral("test-bench") << 7 << true << true;
        QTest::newRow("taken: a suffix is no shortening")
            << QStringLiteral("Berlin") << QStringLiteral("acme")
            << QStringList {QStringLiteral("acme--berlin")} << QStringLiteral("berlin-2")
            << QStringList {} << QStringLiteral("berlin") << 14 << false << false;
        QTest::newRow("taken at the limit: a suffix beyond the suggested length")
            << QStringLiteral("Acme Logistics") << QString()
            << QStringList {QStringLiteral("acme-logistics")} << QStringLiteral("acme-logistics-2")
            << QStringList {} << QStringLiteral("acme-logistics") << 16 << false << false;
        QTest::newRow("taken where only a cut suffix fits")
            << QStringLiteral("Test") << repeated(QLatin1Char('a'), 57)
            << QStringList {QString(repeated(QLatin1Char('a'), 57) + QLatin1String("--test"))}
            << QStringLiteral("tes-2") << QStringList {} << QStringLiteral("test") << 5 << true
            << true;
        QTest::newRow("no room at all")
            << QStringLiteral("Test") << QString(repeated(QLatin1Char('a'), 62)) << QStringList {}
            << QString() << QStringList {} << QStringLiteral("test") << 0 << false << false;
    }

    void suggestSlugs()
    {
        QFETCH(QString, title);
        QFETCH(QString, parent);
        QFETCH(QStringList, existing);
        QFETCH(QString, slug);
        QFETCH(QStringList, alternatives);
        QFETCH(QString, full);
        QFETCH(int, limit);
        QFETCH(bool, shortened);
        QFETCH(bool, byParticle);
        const SlugSuggestions s = Flotilla::Domain::suggestSlugs(title, parent, existing);
        QCOMPARE(s.slug, slug);
        QCOMPARE(s.alternatives, alternatives);
        QCOMPARE(s.full, full);
        QCOMPARE(s.limit, limit);
        QCOMPARE(s.room, slugRoom(parent));
        QCOMPARE(s.shortened, shortened);
        QCOMPARE(s.cutByParticleLimit, byParticle);
        for (const QString &suggested : QStringList {s.slug} + s.alternatives) {
            if (suggested.isEmpty())
                continue;
            const QString path = childPath(parent, suggested);
            QVERIFY2(isNodePath(path), qPrintable(nodePathError(path)));
            QVERIFY(!existing.contains(path));
            QVERIFY(suggested.size() <= (s.shortened ? s.limit : s.room));
        }
    }

    void room_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("slugRoom"); // for a child of `path`
        QTest::addColumn<int>("roomBelow");
        QTest::addColumn<int>("recommended");

        QTest::newRow("top level") << QString() << 64 << 64 << 64;
        QTest::newRow("customer") << QStringLiteral("acme") << 58 << 60 << 48;
        QTest::newRow("group") << QStringLiteral("acme--berlin") << 50 << 52 << 32;
        QTest::newRow("depth 3") << QStringLiteral("acme--berlin--test") << 44 << 46 << 16;
        QTest::newRow("deepest") << QStringLiteral("acme--berlin--test--rig") << 0 << 0 << 0;
        QTest::newRow("62 characters") << repeated(QLatin1Char('a'), 62) << 0 << 2 << 48;
        QTest::newRow("61 characters") << repeated(QLatin1Char('a'), 61) << 1 << 3 << 48;
    }

    void room()
    {
        QFETCH(QString, path);
        QFETCH(int, slugRoom);
        QFETCH(int, roomBelow);
        QFETCH(int, recommended);
        QCOMPARE(Flotilla::Domain::slugRoom(path), slugRoom);
        QCOMPARE(Flotilla::Domain::roomBelow(path), roomBelow);
        QCOMPARE(recommendedRoomBelow(path), recommended);
    }

    // Suggested short names down to the deepest level always fit, whatever the titles: the
    // suggestions leave room for every level under them.
    void suggestedTreesNeverRunOutOfRoom()
    {
        QRandomGenerator rng(11);
        const QStringList words {QStringLiteral("Northern"), QStringLiteral("M\u00fcller"),
            QStringLiteral("Stra\u00dfenbau"), QStringLiteral("GmbH"), QStringLiteral("depot"),
            QStringLiteral("Test"), QStringLiteral("bench"), QStringLiteral("international"),
            QStringLiteral("12"), QStringLiteral("Wastewater"),
            QStringLiteral("Supercalifragilistic")};
        for (int i = 0; i < 500; ++i) {
            QString parent;
            for (int depth = 1; depth <= MaxNodeDepth; ++depth) {
                QStringList title;
                for (int n = 1 + static_cast<int>(rng.bounded(6)); n > 0; --n)
                    title.append(words.at(static_cast<qsizetype>(rng.bounded(words.size()))));
                const SlugSuggestions s
                    = Flotilla::Domain::suggestSlugs(title.join(QLatin1Char(' ')), parent, {});
                // Every level still has its full suggested length.
                QVERIFY2(s.room >= suggestedSlugLength(depth), qPrintable(parent));
                QCOMPARE(s.limit, suggestedSlugLength(depth));
                QVERIFY(!s.slug.isEmpty());
                parent = childPath(parent, s.slug);
                QVERIFY2(isNodePath(parent), qPrintable(parent));
            }
        }
    }

    void sameTitle_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");

        QTest::newRow("equal") << QStringLiteral("Acme Logistics")
                               << QStringLiteral("Acme Logistics") << true;
        QTest::newRow("case and spaces")
            << QStringLiteral("Acme Logistics") << QStringLiteral("  ACME   logistics ") << true;
        QTest::newRow("punctuation") << QStringLiteral("Acme Logistics Ltd.")
                                     << QStringLiteral("Acme Logistics, Ltd") << true;
        QTest::newRow("accents") << QStringLiteral("M\u00fcller Stra\u00dfenbau")
                                 << QStringLiteral("Muller Strassenbau") << true;
        QTest::newRow("apostrophes")
            << QStringLiteral("O'Brien's") << QStringLiteral("OBriens") << true;
        QTest::newRow("other script")
            << QStringLiteral("\u6771\u4eac") << QStringLiteral("\u6771\u4eac") << true;
        QTest::newRow("other script differs")
            << QStringLiteral("\u6771\u4eac 1") << QStringLiteral("\u5927\u962a 1") << false;
        QTest::newRow("a number more")
            << QStringLiteral("Acme") << QStringLiteral("Acme 2") << false;
        QTest::newRow("another word") << QStringLiteral("Acme Logistics")
                                      << QStringLiteral("Acme Logistics Hamburg") << false;
        QTest::newRow("words joined")
            << QStringLiteral("Acme Logistics") << QStringLiteral("AcmeLogistics") << false;
        QTest::newRow("empty") << QString() << QString() << false;
        QTest::newRow("punctuation only") << QStringLiteral("!!") << QStringLiteral("?") << false;
    }

    void sameTitle()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(Flotilla::Domain::sameTitle(a, b), same);
        QCOMPARE(Flotilla::Domain::sameTitle(b, a), same);
    }

    void titlePaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("maxLength");
        QTest::addColumn<QString>("full");
        QTest::addColumn<QString>("shortened");

        const QString longTitle = QStringLiteral(
            "M\u00fcller Stra\u00dfenbau GmbH & Co. KG Niederlassung S\u00fcd-West");
        QTest::newRow("customer") << QStringLiteral("acme") << 60
                                  << QStringLiteral("Acme Logistics")
                                  << QStringLiteral("Acme Logistics");
        QTest::newRow("three levels fit")
            << QStringLiteral("acme--berlin--test") << 60
            << QStringLiteral("Acme Logistics \u203a Berlin depot \u203a Test")
            << QStringLiteral("Acme Logistics \u203a Berlin depot \u203a Test");
        QTest::newRow("the levels between go first")
            << QStringLiteral("acme--berlin--test") << 30
            << QStringLiteral("Acme Logistics \u203a Berlin depot \u203a Test")
            << QStringLiteral("Acme Logistics \u203a \u2026 \u203a Test");
        QTest::newRow("then the longest title is cut")
            << QStringLiteral("muller--pruefstand") << 40
            << QString(longTitle + QStringLiteral(" \u203a Pr\u00fcfstand"))
            << QStringLiteral("M\u00fcller Stra\u00dfenbau GmbH & Co\u2026 \u203a Pr\u00fcfstand");
        QTest::newRow("a part that is not a node shows its slug")
            << QStringLiteral("acme--gone") << 60 << QStringLiteral("Acme Logistics \u203a gone")
            << QStringLiteral("Acme Logistics \u203a gone");
    }

    void titlePaths()
    {
        QFETCH(QString, path);
        QFETCH(int, maxLength);
        QFETCH(QString, full);
        QFETCH(QString, shortened);
        const Hierarchy tree = treeOf({QStringLiteral("acme|Acme Logistics"),
            QStringLiteral("acme--berlin|Berlin depot"), QStringLiteral("acme--berlin--test|Test"),
            QStringLiteral(
                "muller|M\u00fcller Stra\u00dfenbau GmbH & Co. KG Niederlassung S\u00fcd-West"),
            QStringLiteral("muller--pruefstand|Pr\u00fcfstand")});
        QCOMPARE(titlePath(tree, path), full);
        QCOMPARE(shortTitlePath(tree, path, maxLength), shortened);
        QVERIFY(shortened.size() <= qMax(maxLength, 8));
        QVERIFY(!shortened.contains(QLatin1String("--")));
    }

    // Nodes under the same parent with the same title (as a reader sees it).
    void nodesWithTheSameTitle()
    {
        const Hierarchy tree = treeOf(
            {QStringLiteral("acme|Acme Logistics"), QStringLiteral("acme-2|ACME logistics"),
                QStringLiteral("beta|Beta Energy"), QStringLiteral("acme--test|Test"),
                QStringLiteral("acme--berlin|Berlin"), QStringLiteral("acme--berlin--test|Test")});
        QCOMPARE(nodesTitled(tree, QString(), QStringLiteral("Acme  Logistics.")),
            (QStringList {QStringLiteral("acme"), QStringLiteral("acme-2")}));
        QCOMPARE(
            nodesTitled(tree, QString(), QStringLiteral("Acme Logistics"), QStringLiteral("acme")),
            QStringList {QStringLiteral("acme-2")});
        QCOMPARE(nodesTitled(tree, QString(), QStringLiteral("Gamma")), QStringList {});
        // Only siblings count: "Test" under Berlin is another "Test" than the one under Acme.
        QCOMPARE(nodesTitled(tree, QStringLiteral("acme"), QStringLiteral("test")),
            QStringList {QStringLiteral("acme--test")});
        QCOMPARE(nodesTitled(tree, QStringLiteral("acme--berlin"), QStringLiteral("Test")),
            QStringList {QStringLiteral("acme--berlin--test")});
        QCOMPARE(nodesTitled(tree, QStringLiteral("beta"), QStringLiteral("Test")), QStringList {});
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
