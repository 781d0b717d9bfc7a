// SPDX-License-Identifier: MIT
// The tree in Particle groups: description tags, classification of a product's groups, where a
// device sits, the problems of its groups and their repair.
#include "domain/hierarchy.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Flotilla::Domain;

namespace {

// "name|description" -> a group.
QList<Group> groupsFrom(const QStringList &specs)
{
    QList<Group> groups;
    for (const QString &spec : specs) {
        Group g;
        g.name = spec.section(QLatin1Char('|'), 0, 0);
        g.description = spec.section(QLatin1Char('|'), 1);
        groups.append(g);
    }
    return groups;
}

QString kindText(NodeKind kind)
{
    return kindKeyword(kind);
}

// "path:kind:title:account" per node, in the hierarchy's order.
QStringList describeNodes(const Hierarchy &h)
{
    QStringList out;
    for (const Node &n : h.nodes())
        out.append(
            QStringList {n.path, kindText(n.kind), n.title, n.account}.join(QLatin1Char(':')));
    return out;
}

QString issueText(GroupIssue issue)
{
    switch (issue) {
    case GroupIssue::MalformedTag:
        return QStringLiteral("MalformedTag");
    case GroupIssue::MisplacedReturnsTag:
        return QStringLiteral("MisplacedReturnsTag");
    case GroupIssue::InvalidName:
        return QStringLiteral("InvalidName");
    case GroupIssue::KindContradictsName:
        return QStringLiteral("KindContradictsName");
    case GroupIssue::MissingParent:
        return QStringLiteral("MissingParent");
    }
    return {};
}

QString placementText(PlacementKind kind)
{
    switch (kind) {
    case PlacementKind::Unassigned:
        return QStringLiteral("Unassigned");
    case PlacementKind::Returns:
        return QStringLiteral("Returns");
    case PlacementKind::Node:
        return QStringLiteral("Node");
    case PlacementKind::Inconsistent:
        return QStringLiteral("Inconsistent");
    }
    return {};
}

QString placementIssueText(PlacementIssue issue)
{
    switch (issue) {
    case PlacementIssue::TwoBranches:
        return QStringLiteral("TwoBranches");
    case PlacementIssue::MissingAncestor:
        return QStringLiteral("MissingAncestor");
    case PlacementIssue::ReturnsWithNode:
        return QStringLiteral("ReturnsWithNode");
    }
    return {};
}

// The product of the placement tests:
//   acme (customer, account ops@acme.example) > berlin > test, acme > hamburg,
//   beta (customer, no account) > north, the Returns pool, labels beta-testers and low-battery,
//   and an orphan: acme--ghost--x is tagged but acme--ghost does not exist.
Hierarchy fleetHierarchy()
{
    return Hierarchy(groupsFrom({
        QStringLiteral("acme|Acme Logistics [flotilla:customer account=ops@acme.example]"),
        QStringLiteral("acme--berlin|Berlin depot [flotilla:group]"),
        QStringLiteral("acme--berlin--test|Berlin test bench [flotilla:group]"),
        QStringLiteral("acme--hamburg|Hamburg port [flotilla:group]"),
        QStringLiteral("acme--ghost--x|Orphan [flotilla:group]"),
        QStringLiteral("beta|Beta Energy [flotilla:customer]"),
        QStringLiteral("beta--north|North [flotilla:group]"),
        QStringLiteral("flotilla-returns|Returns [flotilla:returns]"),
        QStringLiteral("beta-testers|Field beta participants"),
        QStringLiteral("low-battery|"),
    }));
}

QStringList sorted(QStringList list)
{
    list.sort();
    list.removeDuplicates();
    return list;
}

} // namespace

class TestHierarchy final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // ---- Description tags -------------------------------------------------------------------

    void parse_data()
    {
        QTest::addColumn<QString>("description");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QStringList>("attributes"); // "key=value", sorted
        QTest::addColumn<bool>("tagged"); // hasFlotillaTag()

        QTest::newRow("customer with account")
            << QStringLiteral("Acme Logistics [flotilla:customer account=acme@customers.example]")
            << true << QStringLiteral("customer") << QStringLiteral("Acme Logistics")
            << QStringList {QStringLiteral("account=acme@customers.example")} << true;
        QTest::newRow("group") << QStringLiteral("Berlin test bench [flotilla:group]") << true
                               << QStringLiteral("group") << QStringLiteral("Berlin test bench")
                               << QStringList {} << true;
        QTest::newRow("returns") << QStringLiteral("Returns [flotilla:returns]") << true
                                 << QStringLiteral("returns") << QStringLiteral("Returns")
                                 << QStringList {} << true;
        QTest::newRow("no title") << QStringLiteral("[flotilla:group]") << true
                                  << QStringLiteral("group") << QString() << QStringList {} << true;
        QTest::newRow("surrounding whitespace")
            << QStringLiteral("  Padded   title \t [flotilla:group]  \n") << true
            << QStringLiteral("group") << QStringLiteral("Padded   title") << QStringList {}
            << true;
        QTest::newRow("brackets in the title")
            << QStringLiteral("Acme [EU] [flotilla:customer]") << true << QStringLiteral("customer")
            << QStringLiteral("Acme [EU]") << QStringList {} << true;
        QTest::newRow("no space before the tag")
            << QStringLiteral("Acme[flotilla:customer]") << true << QStringLiteral("customer")
            << QStringLiteral("Acme") << QStringList {} << true;
        QTest::newRow("two attributes")
            << QStringLiteral("X [flotilla:customer region=eu account=a@b.example]") << true
            << QStringLiteral("customer") << QStringLiteral("X")
            << QStringList {QStringLiteral("account=a@b.example"), QStringLiteral("region=eu")}
            << true;
        QTest::newRow("'=' inside a value")
            << QStringLiteral("X [flotilla:customer account=a=b]") << true
            << QStringLiteral("customer") << QStringLiteral("X")
            << QStringList {QStringLiteral("account=a=b")} << true;
        // Written by this version: the tag first, so that a description cut short keeps it.
        QTest::newRow("tag first")
            << QStringLiteral("[flotilla:customer account=acme@customers.example] Acme Logistics")
            << true << QStringLiteral("customer") << QStringLiteral("Acme Logistics")
            << QStringList {QStringLiteral("account=acme@customers.example")} << true;
        QTest::newRow("tag first, title with brackets")
            << QStringLiteral("[flotilla:group]   Rack [B] 4  ") << true << QStringLiteral("group")
            << QStringLiteral("Rack [B] 4") << QStringList {} << true;
        QTest::newRow("tag first, title cut short")
            << QStringLiteral(
                   "[flotilla:customer account=a@b.example] Müller Straßenbau GmbH & Co. K")
            << true << QStringLiteral("customer")
            << QStringLiteral("Müller Straßenbau GmbH & Co. K")
            << QStringList {QStringLiteral("account=a@b.example")} << true;
        QTest::newRow("the last tag counts")
            << QStringLiteral("Old [flotilla:group] [flotilla:customer]") << true
            << QStringLiteral("customer") << QStringLiteral("Old [flotilla:group]")
            << QStringList {} << true;

        // Foreign descriptions: no tag at all.
        QTest::newRow("empty") << QString() << false << QString() << QString() << QStringList {}
                               << false;
        QTest::newRow("free text") << QStringLiteral("Field beta participants") << false
                                   << QString() << QString() << QStringList {} << false;
        QTest::newRow("other brackets") << QStringLiteral("Units in [Berlin]") << false << QString()
                                        << QString() << QStringList {} << false;
        QTest::newRow("other case") << QStringLiteral("Acme [Flotilla:customer]") << false
                                    << QString() << QString() << QStringList {} << false;
        // Malformed tags.
        const auto malformed = [](const char *name, const QString &description) {
            QTest::newRow(name) << description << false << QString() << QString() << QStringList {}
                                << true;
        };
        malformed("unknown kind", QStringLiteral("Acme [flotilla:site]"));
        malformed("upper-case kind", QStringLiteral("Acme [flotilla:Customer]"));
        malformed("no kind", QStringLiteral("Acme [flotilla:]"));
        malformed("not closed", QStringLiteral("Acme [flotilla:customer"));
        malformed("text after the tag", QStringLiteral("Acme [flotilla:customer] since 2020"));
        malformed("bracket after the tag", QStringLiteral("Acme [flotilla:group] [note]"));
        malformed("space before the kind", QStringLiteral("Acme [flotilla: customer]"));
        malformed("trailing space", QStringLiteral("Acme [flotilla:customer ]"));
        malformed("double space", QStringLiteral("Acme [flotilla:customer  account=a@b]"));
        malformed("tab separator", QStringLiteral("Acme [flotilla:customer\taccount=a@b]"));
        malformed("attribute without '='", QStringLiteral("Acme [flotilla:customer account]"));
        malformed("empty value", QStringLiteral("Acme [flotilla:customer account=]"));
        malformed("empty key", QStringLiteral("Acme [flotilla:customer =a@b]"));
        malformed("upper-case key", QStringLiteral("Acme [flotilla:customer Account=a@b]"));
        malformed("key starting with a digit", QStringLiteral("Acme [flotilla:customer 1a=b]"));
        malformed("repeated key", QStringLiteral("Acme [flotilla:customer account=a account=b]"));
        malformed("nested bracket", QStringLiteral("Acme [flotilla:customer account=[a]]"));
        malformed("tag first, unknown kind", QStringLiteral("[flotilla:site] Acme"));
        malformed("tag first, not closed", QStringLiteral("[flotilla:customer Acme"));
        malformed(
            "tag first and last", QStringLiteral("[flotilla:customer] Acme [flotilla:group]"));
        malformed("tag first, bad attribute", QStringLiteral("[flotilla:customer account] Acme"));
    }

    void parse()
    {
        QFETCH(QString, description);
        QFETCH(bool, valid);
        QFETCH(QString, kind);
        QFETCH(QString, title);
        QFETCH(QStringList, attributes);
        QFETCH(bool, tagged);
        const std::optional<NodeTag> tag = parseDescription(description);
        QCOMPARE(hasFlotillaTag(description), tagged);
        QCOMPARE(tag.has_value(), valid);
        if (!tag)
            return;
        QCOMPARE(kindKeyword(tag->kind), kind);
        QCOMPARE(tag->title, title);
        QStringList got;
        for (auto it = tag->attributes.cbegin(); it != tag->attributes.cend(); ++it)
            got.append(it.key() + QLatin1Char('=') + it.value());
        QCOMPARE(got, attributes);
        QCOMPARE(tag->account(),
            tag->attributes.value(QStringLiteral("account"))); // the accessor reads the attribute
    }

    void format_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QStringList>("attributes");
        QTest::addColumn<QString>("expected");

        QTest::newRow("customer with account")
            << static_cast<int>(NodeKind::Customer) << QStringLiteral("Acme Logistics")
            << QStringList {QStringLiteral("account=acme@customers.example")}
            << QStringLiteral("[flotilla:customer account=acme@customers.example] Acme Logistics");
        QTest::newRow("customer without account")
            << static_cast<int>(NodeKind::Customer) << QStringLiteral("Beta") << QStringList {}
            << QStringLiteral("[flotilla:customer] Beta");
        QTest::newRow("group") << static_cast<int>(NodeKind::Group)
                               << QStringLiteral("Berlin test bench") << QStringList {}
                               << QStringLiteral("[flotilla:group] Berlin test bench");
        QTest::newRow("returns") << static_cast<int>(NodeKind::Returns) << QStringLiteral("Returns")
                                 << QStringList {} << QStringLiteral("[flotilla:returns] Returns");
        QTest::newRow("empty title") << static_cast<int>(NodeKind::Group) << QString()
                                     << QStringList {} << QStringLiteral("[flotilla:group]");
        QTest::newRow("attributes in key order")
            << static_cast<int>(NodeKind::Customer) << QStringLiteral("X")
            << QStringList {QStringLiteral("zone=eu"), QStringLiteral("account=a@b.example")}
            << QStringLiteral("[flotilla:customer account=a@b.example zone=eu] X");
        QTest::newRow("title with brackets")
            << static_cast<int>(NodeKind::Customer) << QStringLiteral("Acme [EU]") << QStringList {}
            << QStringLiteral("[flotilla:customer] Acme [EU]");
    }

    void format()
    {
        QFETCH(int, kind);
        QFETCH(QString, title);
        QFETCH(QStringList, attributes);
        QFETCH(QString, expected);
        NodeTag tag;
        tag.kind = static_cast<NodeKind>(kind);
        tag.title = title;
        for (const QString &a : attributes)
            tag.attributes.insert(
                a.section(QLatin1Char('='), 0, 0), a.section(QLatin1Char('='), 1));
        QVERIFY2(
            Flotilla::Domain::tagError(tag).isEmpty(), qPrintable(Flotilla::Domain::tagError(tag)));
        const QString description = formatDescription(tag);
        QCOMPARE(description, expected);
        // Both directions of the round trip.
        const std::optional<NodeTag> back = parseDescription(description);
        QVERIFY(back);
        QCOMPARE(*back, tag);
        QCOMPARE(formatDescription(*back), description);
    }

    void tagError_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("error"); // fragment; empty: acceptable

        const int customer = static_cast<int>(NodeKind::Customer);
        const int group = static_cast<int>(NodeKind::Group);
        QTest::newRow("customer with account")
            << customer << QStringLiteral("Acme") << QStringLiteral("account")
            << QStringLiteral("ops@acme.example") << QString();
        QTest::newRow("group") << group << QStringLiteral("Berlin") << QString() << QString()
                               << QString();
        QTest::newRow("title on two lines") << group << QStringLiteral("Berlin\nTest") << QString()
                                            << QString() << QStringLiteral("single line");
        QTest::newRow("title with a tag")
            << group << QStringLiteral("x [flotilla:customer]") << QString() << QString()
            << QStringLiteral("'[flotilla:'");
        QTest::newRow("value with a space")
            << customer << QStringLiteral("Acme") << QStringLiteral("account")
            << QStringLiteral("ops team") << QStringLiteral("one word");
        QTest::newRow("value with a bracket")
            << customer << QStringLiteral("Acme") << QStringLiteral("account")
            << QStringLiteral("ops]") << QStringLiteral("one word");
        QTest::newRow("empty value")
            << customer << QStringLiteral("Acme") << QStringLiteral("account") << QString()
            << QStringLiteral("one word");
        QTest::newRow("bad key") << customer << QStringLiteral("Acme") << QStringLiteral("Zone")
                                 << QStringLiteral("eu")
                                 << QStringLiteral("not a valid attribute name");
        QTest::newRow("account on a group")
            << group << QStringLiteral("Berlin") << QStringLiteral("account")
            << QStringLiteral("ops@acme.example") << QStringLiteral("Only a customer");
    }

    void tagError()
    {
        QFETCH(int, kind);
        QFETCH(QString, title);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, error);
        NodeTag tag;
        tag.kind = static_cast<NodeKind>(kind);
        tag.title = title;
        if (!key.isEmpty())
            tag.attributes.insert(key, value);
        const QString got = Flotilla::Domain::tagError(tag);
        if (error.isEmpty()) {
            QVERIFY2(got.isEmpty(), qPrintable(got));
        } else {
            QVERIFY2(got.contains(error), qPrintable(got));
        }
    }

    // Every tag that tagError() accepts survives format -> parse unchanged; those it refuses
    // are exactly the ones that would not.
    void randomTagsRoundTrip()
    {
        QRandomGenerator rng(42);
        const QString titleChars = QStringLiteral("Ab z0[]=:-_.\u00fc\u6771 ");
        const QString valueChars = QStringLiteral("ab@.=_-9 ]");
        int accepted = 0;
        for (int i = 0; i < 3000; ++i) {
            NodeTag tag;
            tag.kind = static_cast<NodeKind>(rng.bounded(3));
            for (int n = static_cast<int>(rng.bounded(25)); n > 0; --n)
                tag.title += titleChars.at(static_cast<qsizetype>(rng.bounded(titleChars.size())));
            tag.title = tag.title.trimmed();
            if (rng.bounded(2) == 0) {
                QString value;
                for (int n = static_cast<int>(rng.bounded(12)); n > 0; --n)
                    value += valueChars.at(static_cast<qsizetype>(rng.bounded(valueChars.size())));
                tag.attributes.insert(
                    rng.bounded(2) == 0 ? QStringLiteral("account") : QStringLiteral("zone"),
                    value);
            }
            const std::optional<NodeTag> back = parseDescription(formatDescription(tag));
            if (Flotilla::Domain::tagError(tag).isEmpty()) {
                ++accepted;
                QVERIFY2(back && *back == tag, qPrintable(formatDescription(tag)));
            } else if (!tag.attributes.contains(AccountAttribute)
                || tag.kind == NodeKind::Customer) {
                // Refused for its spelling (not for an account on a non-customer): unreadable.
                QVERIFY2(!back || *back != tag, qPrintable(formatDescription(tag)));
            }
        }
        QVERIFY(accepted > 500); // the generator does produce valid tags
    }

    // ---- Classification ---------------------------------------------------------------------

    void classify_data()
    {
        QTest::addColumn<QStringList>("groups"); // "name|description"
        QTest::addColumn<QStringList>("nodes"); // "path:kind:title:account"
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QStringList>("problems"); // "group:Issue"
        QTest::addColumn<bool>("returnsPool");
        QTest::addColumn<QString>("returnsTitle");

        QTest::newRow("empty product") << QStringList {} << QStringList {} << QStringList {}
                                       << QStringList {} << false << QString();
        QTest::newRow("the demo shape")
            << QStringList {QStringLiteral(
                                "acme|Acme [flotilla:customer account=ops@acme.example]"),
                   QStringLiteral("acme--berlin|Berlin depot [flotilla:group]"),
                   QStringLiteral("acme--berlin--test|Berlin test bench [flotilla:group]"),
                   QStringLiteral("flotilla-returns|Returns [flotilla:returns]"),
                   QStringLiteral("beta-testers|Field beta participants"),
                   QStringLiteral("low-battery|")}
            << QStringList {QStringLiteral("acme:customer:Acme:ops@acme.example"),
                   QStringLiteral("acme--berlin:group:Berlin depot:"),
                   QStringLiteral("acme--berlin--test:group:Berlin test bench:")}
            << QStringList {QStringLiteral("beta-testers"), QStringLiteral("low-battery")}
            << QStringList {} << true << QStringLiteral("Returns");
        QTest::newRow("nodes in pre-order whatever the input order")
            << QStringList {QStringLiteral("acme-x|[flotilla:customer]"),
                   QStringLiteral("acme--z|[flotilla:group]"),
                   QStringLiteral("acme|[flotilla:customer]"),
                   QStringLiteral("acme--b|[flotilla:group]")}
            << QStringList {QStringLiteral("acme:customer:acme:"),
                   QStringLiteral("acme--b:group:b:"), QStringLiteral("acme--z:group:z:"),
                   QStringLiteral("acme-x:customer:acme-x:")}
            << QStringList {} << QStringList {} << false << QString();
        QTest::newRow("empty title falls back to the last slug")
            << QStringList {QStringLiteral("acme|[flotilla:customer]"),
                   QStringLiteral("acme--site-a|  [flotilla:group]")}
            << QStringList {QStringLiteral("acme:customer:acme:"),
                   QStringLiteral("acme--site-a:group:site-a:")}
            << QStringList {} << QStringList {} << false << QString();
        QTest::newRow("untagged groups are labels, never customers")
            << QStringList {QStringLiteral("acme|Acme Logistics"),
                   QStringLiteral("acme--berlin|Berlin"), QStringLiteral("fleet-2024|")}
            << QStringList {}
            << QStringList {QStringLiteral("acme"), QStringLiteral("acme--berlin"),
                   QStringLiteral("fleet-2024")}
            << QStringList {} << false << QString();
        QTest::newRow("customer tag on a nested name")
            << QStringList {QStringLiteral("acme|[flotilla:customer]"),
                   QStringLiteral("acme--berlin|Berlin [flotilla:customer]")}
            << QStringList {QStringLiteral("acme:customer:acme:")}
            << QStringList {QStringLiteral("acme--berlin")}
            << QStringList {QStringLiteral("acme--berlin:KindContradictsName")} << false
            << QString();
        QTest::newRow("group tag on a single slug")
            << QStringList {QStringLiteral("acme|Acme [flotilla:group]")} << QStringList {}
            << QStringList {QStringLiteral("acme")}
            << QStringList {QStringLiteral("acme:KindContradictsName")} << false << QString();
        QTest::newRow("invalid names")
            << QStringList {QStringLiteral("acme_|[flotilla:customer]"),
                   QStringLiteral("a---b|[flotilla:group]"),
                   QStringLiteral("a--b--c--d--e|[flotilla:group]")}
            << QStringList {}
            << QStringList {QStringLiteral("a---b"), QStringLiteral("a--b--c--d--e"),
                   QStringLiteral("acme_")}
            << QStringList {QStringLiteral("a---b:InvalidName"),
                   QStringLiteral("a--b--c--d--e:InvalidName"), QStringLiteral("acme_:InvalidName")}
            << false << QString();
        QTest::newRow("missing parent, and its child too")
            << QStringList {QStringLiteral("acme|[flotilla:customer]"),
                   QStringLiteral("acme--berlin--test|[flotilla:group]"),
                   QStringLiteral("acme--berlin--test--rig|[flotilla:group]")}
            << QStringList {QStringLiteral("acme:customer:acme:")}
            << QStringList {QStringLiteral("acme--berlin--test"),
                   QStringLiteral("acme--berlin--test--rig")}
            << QStringList {QStringLiteral("acme--berlin--test:MissingParent"),
                   QStringLiteral("acme--berlin--test--rig:MissingParent")}
            << false << QString();
        QTest::newRow("parent is only a label")
            << QStringList {QStringLiteral("acme|Acme Logistics"),
                   QStringLiteral("acme--berlin|Berlin [flotilla:group]")}
            << QStringList {}
            << QStringList {QStringLiteral("acme"), QStringLiteral("acme--berlin")}
            << QStringList {QStringLiteral("acme--berlin:MissingParent")} << false << QString();
        QTest::newRow("returns tag elsewhere")
            << QStringList {QStringLiteral("old-returns|Old returns [flotilla:returns]")}
            << QStringList {} << QStringList {QStringLiteral("old-returns")}
            << QStringList {QStringLiteral("old-returns:MisplacedReturnsTag")} << false
            << QString();
        QTest::newRow("returns pool tagged as a customer")
            << QStringList {QStringLiteral("flotilla-returns|Returns [flotilla:customer]")}
            << QStringList {} << QStringList {}
            << QStringList {QStringLiteral("flotilla-returns:MisplacedReturnsTag")} << true
            << QStringLiteral("Returns");
        QTest::newRow("untagged returns pool")
            << QStringList {QStringLiteral("flotilla-returns|")} << QStringList {} << QStringList {}
            << QStringList {} << true << QStringLiteral("Returns");
        QTest::newRow("returns pool with its own title")
            << QStringList {QStringLiteral("flotilla-returns|RMA shelf [flotilla:returns]")}
            << QStringList {} << QStringList {} << QStringList {} << true
            << QStringLiteral("RMA shelf");
        QTest::newRow("malformed tag")
            << QStringList {QStringLiteral("acme|Acme [flotilla:customr]"),
                   QStringLiteral("flotilla-returns|Returns [flotilla:returns")}
            << QStringList {} << QStringList {QStringLiteral("acme")}
            << QStringList {QStringLiteral("acme:MalformedTag"),
                   QStringLiteral("flotilla-returns:MalformedTag")}
            << true << QStringLiteral("Returns");
        QTest::newRow("an account on a group is not the group's")
            << QStringList {QStringLiteral("acme|[flotilla:customer account=a@acme.example]"),
                   QStringLiteral("acme--x|X [flotilla:group account=b@acme.example]")}
            << QStringList {QStringLiteral("acme:customer:acme:a@acme.example"),
                   QStringLiteral("acme--x:group:X:")}
            << QStringList {} << QStringList {} << false << QString();
    }

    void classify()
    {
        QFETCH(QStringList, groups);
        QFETCH(QStringList, nodes);
        QFETCH(QStringList, labels);
        QFETCH(QStringList, problems);
        QFETCH(bool, returnsPool);
        QFETCH(QString, returnsTitle);
        const Hierarchy h(groupsFrom(groups));
        QCOMPARE(describeNodes(h), nodes);
        QCOMPARE(h.labels(), labels);
        QStringList gotProblems;
        for (const GroupProblem &p : h.problems()) {
            gotProblems.append(p.group + QLatin1Char(':') + issueText(p.issue));
            QVERIFY2(p.message.contains(p.group), qPrintable(p.message));
        }
        QCOMPARE(gotProblems, problems);
        QCOMPARE(h.hasReturnsPool(), returnsPool);
        if (returnsPool)
            QCOMPARE(h.returnsTitle(), returnsTitle);
        // Every group is exactly one of: node, label, Returns pool.
        for (const Group &g : groupsFrom(groups)) {
            QVERIFY(h.contains(g.name));
            const int roles = (h.isNode(g.name) ? 1 : 0) + (h.isLabel(g.name) ? 1 : 0)
                + (g.name == ReturnsGroupName ? 1 : 0);
            QCOMPARE(roles, 1);
        }
    }

    void navigation()
    {
        const Hierarchy h = fleetHierarchy();
        QCOMPARE(h.customers(), (QStringList {QStringLiteral("acme"), QStringLiteral("beta")}));
        QCOMPARE(h.children(QStringLiteral("acme")),
            (QStringList {QStringLiteral("acme--berlin"), QStringLiteral("acme--hamburg")}));
        QCOMPARE(h.children(QStringLiteral("acme--berlin--test")), QStringList {});
        QCOMPARE(h.subtree(QStringLiteral("acme")),
            (QStringList {QStringLiteral("acme"), QStringLiteral("acme--berlin"),
                QStringLiteral("acme--berlin--test"), QStringLiteral("acme--hamburg")}));
        QCOMPARE(h.subtree(QStringLiteral("acme--berlin")),
            (QStringList {QStringLiteral("acme--berlin"), QStringLiteral("acme--berlin--test")}));
        QCOMPARE(h.subtree(QStringLiteral("acme--ghost--x")), QStringList {}); // not a node
        QVERIFY(h.node(QStringLiteral("acme")));
        QCOMPARE(h.node(QStringLiteral("acme"))->title, QStringLiteral("Acme Logistics"));
        QCOMPARE(h.node(QStringLiteral("acme"))->depth(), 1);
        QCOMPARE(h.node(QStringLiteral("acme--berlin--test"))->depth(), 3);
        QVERIFY(!h.node(QStringLiteral("beta-testers")));
        QVERIFY(h.isLabel(QStringLiteral("acme--ghost--x")));
        QVERIFY(!h.isLabel(QStringLiteral("flotilla-returns")));
        QVERIFY(!h.isLabel(QStringLiteral("unknown")));
        QCOMPARE(h.groupNames().size(), 10);
    }

    // ---- Placement, problems, repair ------------------------------------------------------

    void placement_data()
    {
        QTest::addColumn<QStringList>("groups");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("problems"); // "Issue:group,group"
        QTest::addColumn<QString>("messageFragment"); // in the first problem's message

        const auto s = [](const char *text) { return QString::fromUtf8(text); };
        QTest::newRow("no groups")
            << QStringList {} << s("Unassigned") << QString() << QStringList {} << QString();
        QTest::newRow("labels only") << QStringList {s("beta-testers"), s("low-battery")}
                                     << s("Unassigned") << QString() << QStringList {} << QString();
        QTest::newRow("unknown groups are labels") << QStringList {s("whatever")} << s("Unassigned")
                                                   << QString() << QStringList {} << QString();
        QTest::newRow("returns") << QStringList {s("flotilla-returns")} << s("Returns") << QString()
                                 << QStringList {} << QString();
        QTest::newRow("returns with a label")
            << QStringList {s("low-battery"), s("flotilla-returns")} << s("Returns") << QString()
            << QStringList {} << QString();
        QTest::newRow("customer") << QStringList {s("acme")} << s("Node") << s("acme")
                                  << QStringList {} << QString();
        QTest::newRow("group") << QStringList {s("acme"), s("acme--berlin")} << s("Node")
                               << s("acme--berlin") << QStringList {} << QString();
        QTest::newRow("deepest with a label")
            << QStringList {s("beta-testers"), s("acme--berlin--test"), s("acme"),
                   s("acme--berlin")}
            << s("Node") << s("acme--berlin--test") << QStringList {} << QString();
        QTest::newRow("duplicates") << QStringList {s("acme"), s("acme")} << s("Node") << s("acme")
                                    << QStringList {} << QString();
        QTest::newRow("orphan tag is a label")
            << QStringList {s("acme--ghost--x"), s("acme")} << s("Node") << s("acme")
            << QStringList {} << QString();
        QTest::newRow("two sites")
            << QStringList {s("acme"), s("acme--berlin"), s("acme--hamburg")} << s("Inconsistent")
            << QString() << QStringList {s("TwoBranches:acme--berlin,acme--hamburg")}
            << s("more than one branch");
        QTest::newRow("two customers")
            << QStringList {s("acme"), s("beta")} << s("Inconsistent") << QString()
            << QStringList {s("TwoBranches:acme,beta")} << s("more than one customer");
        QTest::newRow("missing parent")
            << QStringList {s("acme"), s("acme--berlin--test")} << s("Inconsistent") << QString()
            << QStringList {s("MissingAncestor:acme--berlin")} << s("not in 'acme--berlin'");
        QTest::newRow("missing all ancestors")
            << QStringList {s("acme--berlin--test")} << s("Inconsistent") << QString()
            << QStringList {s("MissingAncestor:acme,acme--berlin")}
            << s("in 'acme--berlin--test' but not in 'acme', 'acme--berlin'");
        QTest::newRow("returns with a node")
            << QStringList {s("flotilla-returns"), s("acme")} << s("Inconsistent") << QString()
            << QStringList {s("ReturnsWithNode:acme")} << s("Returns pool and also in 'acme'");
        QTest::newRow("two branches without their customer")
            << QStringList {s("acme--berlin"), s("acme--hamburg")} << s("Inconsistent") << QString()
            << QStringList {s("TwoBranches:acme--berlin,acme--hamburg"), s("MissingAncestor:acme"),
                   s("MissingAncestor:acme")}
            << s("more than one branch");
        QTest::newRow("everything at once")
            << QStringList {s("flotilla-returns"), s("acme--berlin--test"), s("beta")}
            << s("Inconsistent") << QString()
            << QStringList {s("TwoBranches:acme--berlin--test,beta"),
                   s("MissingAncestor:acme,acme--berlin"),
                   s("ReturnsWithNode:acme--berlin--test,beta")}
            << s("more than one customer");
    }

    void placement()
    {
        QFETCH(QStringList, groups);
        QFETCH(QString, kind);
        QFETCH(QString, path);
        QFETCH(QStringList, problems);
        QFETCH(QString, messageFragment);
        const Placement p = placeDevice(groups, fleetHierarchy());
        QCOMPARE(placementText(p.kind), kind);
        QCOMPARE(p.path, path);
        QStringList got;
        for (const PlacementProblem &problem : p.problems) {
            got.append(placementIssueText(problem.issue) + QLatin1Char(':')
                + problem.groups.join(QLatin1Char(',')));
            QVERIFY(!problem.message.isEmpty());
        }
        QCOMPARE(got, problems);
        if (!messageFragment.isEmpty())
            QVERIFY2(p.problems.front().message.contains(messageFragment),
                qPrintable(p.problems.front().message));
    }

    void repair_data()
    {
        QTest::addColumn<QStringList>("groups");
        QTest::addColumn<QStringList>("expected");

        const auto s = [](const char *text) { return QString::fromUtf8(text); };
        QTest::newRow("nothing to repair, labels only") << QStringList {s("low-battery"),
            s("beta-testers")} << QStringList {s("beta-testers"), s("low-battery")};
        QTest::newRow("nothing to repair, returns") << QStringList {s("flotilla-returns"),
            s("low-battery")} << QStringList {s("flotilla-returns"), s("low-battery")};
        QTest::newRow("nothing to repair, node") << QStringList {s("acme"), s("acme--berlin"),
            s("beta-testers")} << QStringList {s("acme"), s("acme--berlin"), s("beta-testers")};
        QTest::newRow("no groups") << QStringList {} << QStringList {};
        QTest::newRow("tie at the same depth: smallest name") << QStringList {s("acme"),
            s("acme--hamburg"), s("acme--berlin")} << QStringList {s("acme"), s("acme--berlin")};
        QTest::newRow("two customers: smallest name")
            << QStringList {s("beta"), s("acme")} << QStringList {s("acme")};
        QTest::newRow("deepest wins over a smaller name")
            << QStringList {s("acme"), s("beta--north"), s("beta-testers")}
            << QStringList {s("beta"), s("beta--north"), s("beta-testers")};
        QTest::newRow("deepest wins across branches")
            << QStringList {s("acme--hamburg"), s("acme--berlin--test")}
            << QStringList {s("acme"), s("acme--berlin"), s("acme--berlin--test")};
        QTest::newRow("ancestors added, labels kept")
            << QStringList {s("acme--berlin--test"), s("beta-testers")}
            << QStringList {
                   s("acme"), s("acme--berlin"), s("acme--berlin--test"), s("beta-testers")};
        QTest::newRow("returns dropped when a node is kept")
            << QStringList {s("flotilla-returns"), s("acme--hamburg"), s("low-battery")}
            << QStringList {s("acme"), s("acme--hamburg"), s("low-battery")};
        QTest::newRow("orphan tag kept as a label") << QStringList {s("acme--ghost--x"),
            s("acme--hamburg")} << QStringList {s("acme"), s("acme--ghost--x"), s("acme--hamburg")};
        QTest::newRow("duplicates removed") << QStringList {s("acme"), s("acme"), s("low-battery")}
                                            << QStringList {s("acme"), s("low-battery")};
    }

    void repair()
    {
        QFETCH(QStringList, groups);
        QFETCH(QStringList, expected);
        const Hierarchy h = fleetHierarchy();
        const QStringList repaired = repairGroups(groups, h);
        QCOMPARE(repaired, expected);
        QVERIFY(placeDevice(repaired, h).kind != PlacementKind::Inconsistent);
        QCOMPARE(repairGroups(repaired, h), repaired); // idempotent
    }

    // Over random group sets: the repair always gives a consistent placement, keeps every label,
    // and leaves consistent lists alone.
    void repairProperties()
    {
        const Hierarchy h = fleetHierarchy();
        const QStringList universe = h.groupNames();
        QRandomGenerator rng(1234);
        for (int i = 0; i < 3000; ++i) {
            QStringList groups;
            for (const QString &g : universe) {
                if (rng.bounded(4) == 0)
                    groups.append(g);
            }
            const Placement before = placeDevice(groups, h);
            const QStringList repaired = repairGroups(groups, h);
            const Placement after = placeDevice(repaired, h);
            QVERIFY2(after.kind != PlacementKind::Inconsistent, qPrintable(groups.join(u' ')));
            if (before.kind != PlacementKind::Inconsistent)
                QCOMPARE(repaired, sorted(groups));
            for (const QString &g : groups) {
                if (h.isLabel(g))
                    QVERIFY(repaired.contains(g));
            }
            // The kept node is one the device was in, at the greatest depth it had.
            const QStringList nodes = nodeGroups(groups, h);
            if (!nodes.isEmpty()) {
                QCOMPARE(after.kind, PlacementKind::Node);
                QVERIFY(nodes.contains(after.path));
                for (const QString &n : nodes)
                    QVERIFY(pathDepth(n) <= pathDepth(after.path));
            }
        }
    }

    void accountOf_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("account");

        QTest::newRow("customer") << QStringLiteral("acme") << QStringLiteral("ops@acme.example");
        QTest::newRow("deep under the customer")
            << QStringLiteral("acme--berlin--test") << QStringLiteral("ops@acme.example");
        QTest::newRow("customer without account") << QStringLiteral("beta--north") << QString();
        QTest::newRow("unassigned") << QString() << QString();
        QTest::newRow("unknown customer") << QStringLiteral("zeta--x") << QString();
        QTest::newRow("label with a customer's name")
            << QStringLiteral("beta-testers") << QString();
    }

    void accountOf()
    {
        QFETCH(QString, path);
        QFETCH(QString, account);
        QCOMPARE(Flotilla::Domain::accountOf(path, fleetHierarchy()), account);
    }
};

QTEST_APPLESS_MAIN(TestHierarchy)
#include "tst_hierarchy.moc"
