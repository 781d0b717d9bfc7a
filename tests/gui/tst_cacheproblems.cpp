// SPDX-License-Identifier: MIT
// The console on a damaged local cache: a dialog (never a passing message) says what was
// repaired and which changes not yet sent were kept, asks before a repair that loses some, and
// offers to set an unreadable file aside; nothing is lost unseen and the kept changes are sent.
#include "consolefixture.h"
#include "views/cacheproblems.h"

#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace Flotilla;
using namespace Flotilla::GuiTest;

namespace {

// Runs `sql` on the cache file, as another program (or a failing disk) would change it.
bool damage(const QString &path, const QString &sql)
{
    bool ok = false;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("damage"));
        db.setDatabaseName(path);
        ok = db.open() && QSqlQuery(db).exec(sql);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("damage"));
    return ok;
}

QString dialogText(QMessageBox *box)
{
    return box ? box->text() + QLatin1Char('\n') + box->informativeText() : QString();
}

} // namespace

class TestCacheProblems final : public QObject
{
    Q_OBJECT
    ConsoleFixture m_console;
    App::Connection m_connection;
    QStringList m_moved;

    QMessageBox *dialog() const { return m_console.window()->cacheProblems()->dialog(); }

    // A console whose moves wait in the outbox (work offline), then closed.
    void leaveMovesWaiting(int devices)
    {
        m_connection = m_console.sandboxConnection();
        QVERIFY(m_console.open(m_connection));
        m_console.engine()->setPaused(true);
        m_moved = m_console.devicesAt(QStringLiteral("cobalt--field-a")).mid(0, devices);
        QCOMPARE(m_moved.size(), devices);
        for (const QString &id : std::as_const(m_moved))
            QCOMPARE(m_console.engine()->moveDevices(
                         {id}, Domain::MoveTarget::node(QStringLiteral("fjord--vessels"))),
                QString());
        QTRY_COMPARE(m_console.engine()->pendingCount(), devices);
        m_console.close();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_console.setUp({QStringLiteral("--devices"), QStringLiteral("400"),
            QStringLiteral("--time-scale"), QStringLiteral("0.001")}));
    }
    void cleanup() { m_console.close(); }

    void repairedCacheSaysWhatItKept()
    {
        leaveMovesWaiting(3);
        QVERIFY(damage(m_connection.cachePath,
            QStringLiteral("UPDATE devices SET data = x'00' WHERE id = '%1'")
                .arg(m_moved.first())));
        QVERIFY(m_console.open(m_connection));
        QTRY_VERIFY(dialog() && dialog()->isVisible());
        const QString text = dialogText(dialog());
        QVERIFY2(text.contains(QLatin1String("rebuilt")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("No change made here was lost")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("3 changes made here and not yet sent are kept")),
            qPrintable(text));
        // The edits are named as people made them, with titles.
        QVERIFY2(text.contains(QLatin1String("1 device to ")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("fjord--")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String(".damaged-")), qPrintable(text));
        dialog()->button(QMessageBox::Ok)->click();
        QTRY_VERIFY(!dialog());
        // Kept, shown, and sent.
        QTRY_VERIFY_WITH_TIMEOUT(m_console.engine()->pendingCount() == 0, CloudTimeoutMs);
        for (const QString &id : std::as_const(m_moved))
            QVERIFY(m_console.cloudGroups(id).contains(QStringLiteral("fjord--vessels")));
    }

    void lossNeedsConsentFirst()
    {
        leaveMovesWaiting(2);
        QVERIFY(damage(m_connection.cachePath,
            QStringLiteral("UPDATE outbox SET payload = 'x' WHERE id = (SELECT max(id) FROM outbox "
                           "WHERE state = 0)")));
        QVERIFY(m_console.open(m_connection, nullptr, false));
        QTRY_VERIFY(dialog() && dialog()->isVisible());
        QVERIFY2(dialogText(dialog()).contains(QLatin1String("1 change made here and not yet sent "
                                                             "cannot be read")),
            qPrintable(dialogText(dialog())));
        // Nothing is loaded or sent meanwhile, and the status bar says why.
        QVERIFY(!m_console.engine()->isLoaded());
        QVERIFY(!m_console.engine()->blockedReason().isEmpty());
        auto *repair = dialog()->findChild<QPushButton *>(QStringLiteral("repairButton"));
        QVERIFY(repair);
        repair->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_console.engine()->isLoaded(), CloudTimeoutMs);
        // Then it says what the repair did.
        QTRY_VERIFY(dialog()
            && dialogText(dialog()).contains(QLatin1String("1 change made here "
                                                           "and not yet sent "
                                                           "could not be read")));
        // The kept move is sent; the lost one is not, and the tree shows that device where
        // the cloud has it.
        QTRY_VERIFY_WITH_TIMEOUT(m_console.engine()->pendingCount() == 0, CloudTimeoutMs);
        QVERIFY(m_console.cloudGroups(m_moved.at(0)).contains(QStringLiteral("fjord--vessels")));
        QVERIFY(m_console.cloudGroups(m_moved.at(1)).contains(QStringLiteral("cobalt--field-a")));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_console.devicesAt(QStringLiteral("cobalt--field-a")).contains(m_moved.at(1)),
            CloudTimeoutMs);
    }

    void unreadableRolloutsAreADialog()
    {
        m_connection = m_console.sandboxConnection();
        QVERIFY(m_console.open(m_connection));
        m_console.close();
        QVERIFY(damage(m_connection.cachePath,
            QStringLiteral("INSERT INTO rollouts(spec, state, created_ms) "
                           "VALUES('not a rollout', 'Running', 1)")));
        QVERIFY(m_console.open(m_connection));
        QTRY_VERIFY(dialog() && dialog()->isVisible());
        QVERIFY2(dialogText(dialog()).contains(QLatin1String("rollouts")),
            qPrintable(dialogText(dialog())));
        // The fleet itself is there.
        QVERIFY(m_console.tree()->deviceCount() > 0);
    }

    void unreadableFileCanBeSetAside()
    {
        m_connection = m_console.sandboxConnection();
        QFile file(m_connection.cachePath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, '\xa5')); // not a database at all
        file.close();
        QVERIFY(m_console.open(m_connection, nullptr, false));
        QTRY_VERIFY(dialog() && dialog()->isVisible());
        QVERIFY2(dialogText(dialog()).contains(QLatin1String("cannot be used")),
            qPrintable(dialogText(dialog())));
        auto *aside = dialog()->findChild<QPushButton *>(QStringLiteral("setAsideButton"));
        QVERIFY(aside);
        aside->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_console.tree()->deviceCount() > 0, CloudTimeoutMs);
        const QFileInfo cache(m_connection.cachePath);
        const QStringList kept
            = cache.dir().entryList({cache.fileName() + QStringLiteral(".damaged-*")}, QDir::Files);
        QCOMPARE(kept.size(), 1);
        QFile old(cache.dir().filePath(kept.first()));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray(8192, '\xa5'));
    }
};

QTEST_MAIN(TestCacheProblems)
#include "tst_cacheproblems.moc"
