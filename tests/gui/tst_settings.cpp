// SPDX-License-Identifier: MIT
// Edit › Settings… in the console against a sandbox: the preferences shown, edited, kept and
// shown again; what Flash… and every request then follow; input that cannot be kept refused;
// "Clear cache…" refused while changes wait to be sent, and otherwise the cache deleted and the
// fleet read from the cloud again.
#include "consolefixture.h"
#include "session/cloudsession.h"
#include "session/preferences.h"
#include "views/flashdialog.h"
#include "views/settingsdialog.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>

using namespace Flotilla;
using namespace Flotilla::GuiTest;
using Session::Preferences;

class TestSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup() { m_console.close(); }

    void editedSavedAndShownAgain();
    void inputThatCannotBeKeptIsRefused();
    void clearCacheWaitsForPendingChangesThenReadsTheFleetAgain();

private:
    Views::MainWindow *window() const { return m_console.window(); }
    QAction *action(const char *name) const
    {
        return window()->findChild<QAction *>(QString::fromLatin1(name));
    }
    Views::SettingsDialog *openSettings()
    {
        QAction *settings = action("actionSettings");
        if (!settings)
            return nullptr;
        settings->trigger();
        if (!QTest::qWaitFor([] { return activeModal<Views::SettingsDialog>() != nullptr; }, 5000))
            return nullptr;
        return activeModal<Views::SettingsDialog>();
    }

    ConsoleFixture m_console;
};

void TestSettings::initTestCase()
{
    QVERIFY(m_console.setUp({QStringLiteral("--devices"), QStringLiteral("300")}));
}

void TestSettings::init()
{
    // Every test starts from the defaults.
    QSettings().remove(QStringLiteral("preferences"));
}

void TestSettings::editedSavedAndShownAgain()
{
    QVERIFY(m_console.open());
    QAction *settings = action("actionSettings");
    QVERIFY(settings);
    QCOMPARE(settings->menuRole(), QAction::PreferencesRole);
    QVERIFY(!settings->shortcut().isEmpty());

    Views::SettingsDialog *dialog = openSettings();
    QVERIFY(dialog);
    // The defaults, as shown.
    const Preferences defaults;
    QCOMPARE(dialog->languageBox()->currentIndex(), 0);
    QCOMPARE(dialog->successBox()->value(), defaults.successPercent);
    QCOMPARE(dialog->failureBox()->value(), defaults.failurePercent);
    QCOMPARE(dialog->timeoutBox()->value(), defaults.deviceTimeoutHours);
    QCOMPARE(dialog->rateShareBox()->value(), defaults.rateSharePercent);
    QVERIFY(dialog->proxyButton(Preferences::Proxy::System)->isChecked());
    QVERIFY(!dialog->proxyHostField()->isEnabled());
    QVERIFY(dialog->cacheFolderField()->text().isEmpty());
    // The cache in use and its size.
    const QString cachePath = m_console.app()->connection().cachePath;
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("cachePath"))->text(),
        QDir::toNativeSeparators(cachePath));
    QVERIFY(Session::CloudSession::cacheSize(cachePath) > 0);

    // Edited: German, other thresholds and timeout, half the budget, a manual proxy that does
    // not exist (requests to the sandbox on 127.0.0.1 never go through it), a cache folder.
    const QString folder = QDir(QFileInfo(m_console.settingsPath()).absolutePath())
                               .filePath(QStringLiteral("caches"));
    dialog->languageBox()->setCurrentIndex(2);
    dialog->successBox()->setValue(90);
    dialog->failureBox()->setValue(5);
    dialog->timeoutBox()->setValue(48);
    dialog->rateShareBox()->setValue(50);
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("rateText"))
                ->text()
                .contains(QLocale().toString(5000)));
    dialog->proxyButton(Preferences::Proxy::Manual)->setChecked(true);
    QVERIFY(dialog->proxyHostField()->isEnabled());
    dialog->proxyHostField()->setText(QStringLiteral("proxy.invalid"));
    dialog->proxyPortBox()->setValue(3129);
    dialog->proxyUserField()->setText(QStringLiteral("ops"));
    dialog->findChild<QLineEdit *>(QStringLiteral("proxyPassword"))
        ->setText(QStringLiteral("not kept"));
    dialog->cacheFolderField()->setText(folder);
    dialog->accept();
    QVERIFY2(dialog->validationError().isEmpty(), qPrintable(dialog->validationError()));
    QTRY_VERIFY(!activeModal<Views::SettingsDialog>());

    // Kept, under the keys the app and flotillactl read.
    const Preferences kept = Preferences::load();
    QCOMPARE(kept.language, QStringLiteral("de"));
    QCOMPARE(kept.successPercent, 90.0);
    QCOMPARE(kept.failurePercent, 5.0);
    QCOMPARE(kept.deviceTimeoutHours, 48);
    QCOMPARE(kept.rateSharePercent, 50);
    QCOMPARE(kept.proxy, Preferences::Proxy::Manual);
    QCOMPARE(kept.proxyHost, QStringLiteral("proxy.invalid"));
    QCOMPARE(kept.proxyPort, 3129);
    QCOMPARE(kept.proxyUser, QStringLiteral("ops"));
    QCOMPARE(kept.cacheFolder, folder);
    for (const QString &key : QSettings().allKeys())
        QVERIFY2(!QSettings().value(key).toString().contains(QLatin1String("not kept")),
            qPrintable(key));

    // Flash… plans with the new defaults.
    window()->selectNode(QStringLiteral("acme"));
    QTRY_VERIFY(action("actionFlash")->isEnabled());
    action("actionFlash")->trigger();
    QTRY_VERIFY(activeModal<Views::FlashDialog>());
    auto *flash = activeModal<Views::FlashDialog>();
    const Domain::RolloutSpec spec = flash->spec();
    QCOMPARE(spec.deviceTimeoutS, qint64(48) * 3600);
    QVERIFY(!spec.waves.isEmpty());
    for (const Domain::WaveSpec &wave : spec.waves) {
        QCOMPARE(wave.success, (Domain::Threshold {Domain::Threshold::Unit::Percent, 90}));
        QCOMPARE(wave.failure, (Domain::Threshold {Domain::Threshold::Unit::Percent, 5}));
    }
    flash->reject();
    QTRY_VERIFY(!activeModal<Views::FlashDialog>());

    // The sandbox on 127.0.0.1 is still reached directly with the manual proxy: a pull works.
    const qint64 before = m_console.engine()->lastFullPullMs();
    action("actionSyncNow")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        m_console.engine()->lastFullPullMs() > before && !m_console.engine()->isPulling(),
        CloudTimeoutMs);
    QVERIFY(m_console.tree()->deviceCount() > 0);

    // Shown again as kept; the password only as long as the console runs.
    dialog = openSettings();
    QVERIFY(dialog);
    QCOMPARE(dialog->languageBox()->currentIndex(), 2);
    QCOMPARE(dialog->successBox()->value(), 90.0);
    QCOMPARE(dialog->failureBox()->value(), 5.0);
    QCOMPARE(dialog->timeoutBox()->value(), 48);
    QCOMPARE(dialog->rateShareBox()->value(), 50);
    QVERIFY(dialog->proxyButton(Preferences::Proxy::Manual)->isChecked());
    QCOMPARE(dialog->proxyHostField()->text(), QStringLiteral("proxy.invalid"));
    QCOMPARE(dialog->proxyPortBox()->value(), 3129);
    QCOMPARE(dialog->proxyPassword(), QStringLiteral("not kept"));
    QCOMPARE(dialog->cacheFolderField()->text(), QDir::toNativeSeparators(folder));
    dialog->reject();
}

void TestSettings::inputThatCannotBeKeptIsRefused()
{
    QVERIFY(m_console.open());
    Views::SettingsDialog *dialog = openSettings();
    QVERIFY(dialog);
    // A URL where a host name belongs.
    dialog->proxyButton(Preferences::Proxy::Manual)->setChecked(true);
    dialog->proxyHostField()->setText(QStringLiteral("http://proxy.example.com:8080"));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->validationError().contains(QLatin1String("not a host name")),
        qPrintable(dialog->validationError()));
    // A manual proxy without a host.
    dialog->proxyHostField()->clear();
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->validationError().contains(QLatin1String("host name or address")));
    dialog->proxyButton(Preferences::Proxy::System)->setChecked(true);
    // A file where the cache folder belongs.
    QFile file(QDir(QFileInfo(m_console.settingsPath()).absolutePath())
                   .filePath(QStringLiteral("not-a-folder")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    dialog->cacheFolderField()->setText(file.fileName());
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->validationError().contains(QLatin1String("not a folder")),
        qPrintable(dialog->validationError()));
    // Nothing was kept.
    QCOMPARE(Preferences::load(), Preferences());
    dialog->cacheFolderField()->clear();
    dialog->accept();
    QTRY_VERIFY(!activeModal<Views::SettingsDialog>());
}

void TestSettings::clearCacheWaitsForPendingChangesThenReadsTheFleetAgain()
{
    QVERIFY(m_console.open());
    const QString cachePath = m_console.app()->connection().cachePath;
    const int devices = m_console.tree()->deviceCount();
    QVERIFY(devices > 0);

    // Two moves wait to be sent (working offline).
    m_console.engine()->setPaused(true);
    const QStringList moved = m_console.devicesAt(QStringLiteral("cobalt--field-a")).mid(0, 2);
    QCOMPARE(moved.size(), 2);
    QCOMPARE(m_console.engine()->moveDevices(
                 moved, Domain::MoveTarget::node(QStringLiteral("fjord--vessels"))),
        QString());
    QTRY_VERIFY(m_console.engine()->pendingCount() > 0);
    const int pending = m_console.engine()->pendingCount();

    // Refused, saying how many; a new cache folder is refused too (the changes live here).
    Views::SettingsDialog *dialog = openSettings();
    QVERIFY(dialog);
    dialog->clearCacheButton()->click();
    QVERIFY(!dialog->clearQuestion());
    QVERIFY2(dialog->validationError().contains(QString::number(pending)),
        qPrintable(dialog->validationError()));
    QCOMPARE(dialog->pages()->currentIndex(), 3);
    dialog->cacheFolderField()->setText(
        QDir(QFileInfo(m_console.settingsPath()).absolutePath()).filePath(QStringLiteral("c2")));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->validationError().contains(QString::number(pending)));
    dialog->cacheFolderField()->clear();

    // Sent: the dialog hears of it while open.
    m_console.engine()->setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(m_console.engine()->pendingCount(), 0, CloudTimeoutMs);
    QSignalSpy reopened(m_console.app(), &App::AppContext::reopened);
    Sync::SyncEngine *oldEngine = m_console.engine();
    dialog->clearCacheButton()->click();
    QVERIFY(dialog->clearQuestion());
    // Asked first: Cancel keeps everything.
    dialog->clearQuestion()->button(QMessageBox::Cancel)->click();
    QVERIFY(dialog->isVisible());
    QCOMPARE(reopened.count(), 0);
    dialog->clearCacheButton()->click();
    QVERIFY(dialog->clearQuestion());
    QAbstractButton *clear = nullptr;
    for (QAbstractButton *b : dialog->clearQuestion()->buttons()) {
        if (dialog->clearQuestion()->buttonRole(b) == QMessageBox::DestructiveRole)
            clear = b;
    }
    QVERIFY(clear);
    // What the new session finds in its cache when it has loaded it: nothing pulled yet.
    qint64 pulledAtLoad = -1;
    connect(m_console.app(), &App::AppContext::reopened, this, [&] {
        connect(m_console.engine(), &Sync::SyncEngine::loaded, this,
            [&] { pulledAtLoad = m_console.engine()->lastFullPullMs(); });
    });
    clear->click();
    QVERIFY(reopened.wait(10000));
    QVERIFY(m_console.engine() != oldEngine);
    QVERIFY(m_console.window()->isVisible());
    QTRY_VERIFY(pulledAtLoad >= 0);
    QCOMPARE(pulledAtLoad, 0);
    // The fleet comes back from the cloud, with the moves the sandbox took.
    QTRY_VERIFY_WITH_TIMEOUT(m_console.engine()->lastFullPullMs() > 0
            && !m_console.engine()->isPulling() && m_console.tree()->deviceCount() == devices,
        CloudTimeoutMs);
    QCOMPARE(m_console.devicesAt(QStringLiteral("fjord--vessels")).count(moved.constFirst()), 1);
    QCOMPARE(m_console.app()->connection().cachePath, cachePath);
    QVERIFY(QFileInfo::exists(cachePath));
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
