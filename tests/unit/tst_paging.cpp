// SPDX-License-Identifier: MIT
#include "paging.h"

#include <QTest>
#include <QUrlQuery>

using namespace Flotilla::Sandbox;

class TestPaging final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("page");
        QTest::addColumn<int>("perPage");
        QTest::addColumn<bool>("error");
        QTest::newRow("defaults") << QString() << 1 << 25 << false;
        QTest::newRow("docs spelling") << QStringLiteral("page=3&perPage=50") << 3 << 50 << false;
        QTest::newRow("js client spelling")
            << QStringLiteral("page=2&per_page=10") << 2 << 10 << false;
        QTest::newRow("clamped to max") << QStringLiteral("perPage=1000") << 1 << 100 << false;
        QTest::newRow("page zero") << QStringLiteral("page=0") << 1 << 25 << true;
        QTest::newRow("negative per page") << QStringLiteral("perPage=-5") << 1 << 25 << true;
        QTest::newRow("not a number") << QStringLiteral("page=two") << 1 << 25 << true;
    }
    void parse()
    {
        QFETCH(QString, query);
        QFETCH(int, page);
        QFETCH(int, perPage);
        QFETCH(bool, error);
        const Paging p = parsePaging(fieldsFromQuery(QUrlQuery(query)), 25, 100);
        QCOMPARE(!p.error.isEmpty(), error);
        if (!error) {
            QCOMPARE(p.page, page);
            QCOMPARE(p.perPage, perPage);
        }
    }
    void totalPages_data()
    {
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("perPage");
        QTest::addColumn<int>("pages");
        QTest::newRow("empty") << 0 << 25 << 0;
        QTest::newRow("one") << 1 << 25 << 1;
        QTest::newRow("exact") << 25 << 25 << 1;
        QTest::newRow("one over") << 26 << 25 << 2;
        QTest::newRow("100k") << 100000 << 100 << 1000;
    }
    void totalPages()
    {
        QFETCH(int, total);
        QFETCH(int, perPage);
        QFETCH(int, pages);
        Paging p;
        p.perPage = perPage;
        QCOMPARE(p.totalPages(total), pages);
    }
    void firstIndex()
    {
        Paging p;
        p.page = 3;
        p.perPage = 10;
        QCOMPARE(p.first(), qsizetype(20));
    }
};

QTEST_APPLESS_MAIN(TestPaging)
#include "tst_paging.moc"
