// SPDX-License-Identifier: MIT
// The language Flotilla speaks (app/translations.h): the setting preferences/language ("" = the
// system's, "en", "de") picks Flotilla's catalogue, Qt's own (qtbase: the buttons of a standard
// dialog) and the default locale (numbers and dates).
#include "app/translations.h"
#include "domain/hierarchy.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Flotilla;

namespace {

// The text a standard button shows, without its mnemonic ("&Abbrechen").
QString cancelText()
{
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    return box.button(QDialogButtonBox::Cancel)->text().remove(u'&');
}

// "%Ln device(s)." of flotillactl's output, for n devices.
QString devices(int n)
{
    return QCoreApplication::translate("Flotilla::Ctl", "%Ln device(s).", nullptr, n);
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private:
    QLocale m_system; // the default locale the test started with

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings(QStringLiteral("Flotilla"), QStringLiteral("Console")).clear();
        m_system = QLocale();
    }

    void cleanup()
    {
        QSettings(QStringLiteral("Flotilla"), QStringLiteral("Console")).clear();
        QLocale::setDefault(m_system);
        App::installTranslations(QStringLiteral("en"));
    }

    // The catalogues compiled into the program.
    void languages()
    {
        QCOMPARE(
            App::availableLanguages(), (QStringList {QStringLiteral("de"), QStringLiteral("en")}));
    }

    // German: Qt's buttons, Flotilla's texts and the numbers.
    void german()
    {
        const QLocale locale = App::installTranslations(QStringLiteral("de"));
        QCOMPARE(locale.language(), QLocale::German);
        QCOMPARE(QLocale().language(), QLocale::German);
        QCOMPARE(cancelText(), QStringLiteral("Abbrechen"));
        // A column of the device export and of the Activity window.
        QCOMPARE(
            QCoreApplication::translate("Flotilla::Tree", "Devices"), QStringLiteral("Geräte"));
        QCOMPARE(QLocale().toString(2000), QStringLiteral("2.000"));
        QCOMPARE(QLocale().toString(1.5, 'f', 1), QStringLiteral("1,5"));
    }

    // The Returns pool's default title, as the cloud's group description carries it in English,
    // reads in the console's language; a title the team gave it stays as it is.
    void returnsPoolTitle_data()
    {
        QTest::addColumn<QString>("description");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("title");
        const QString english = QStringLiteral("[flotilla:returns] Returns");
        const QString own = QStringLiteral("[flotilla:returns] RMA-Lager Kassel");
        QTest::newRow("default, German")
            << english << QStringLiteral("de") << QStringLiteral("Rücksendungen");
        QTest::newRow("default, English")
            << english << QStringLiteral("en") << QStringLiteral("Returns");
        QTest::newRow("no description, German")
            << QString() << QStringLiteral("de") << QStringLiteral("Rücksendungen");
        QTest::newRow("own title, German")
            << own << QStringLiteral("de") << QStringLiteral("RMA-Lager Kassel");
        QTest::newRow("own title, English")
            << own << QStringLiteral("en") << QStringLiteral("RMA-Lager Kassel");
    }

    void returnsPoolTitle()
    {
        QFETCH(QString, description);
        QFETCH(QString, language);
        QFETCH(QString, title);
        App::installTranslations(language);
        Domain::Group returns;
        returns.name = QStringLiteral("flotilla-returns");
        returns.description = description;
        const Domain::Hierarchy hierarchy(QList<Domain::Group> {returns});
        QCOMPARE(hierarchy.returnsTitle(), title);
    }

    // English: the source texts, with the English catalogue's plural forms; Qt's own English.
    void english()
    {
        App::installTranslations(QStringLiteral("de"));
        const QLocale locale = App::installTranslations(QStringLiteral("en"));
        QCOMPARE(cancelText(), QStringLiteral("Cancel"));
        QCOMPARE(devices(1), QStringLiteral("1 device."));
        QCOMPARE(devices(2), QStringLiteral("2 devices."));
        QCOMPARE(
            QCoreApplication::translate("Flotilla::Tree", "Devices"), QStringLiteral("Devices"));
        // The tests' C locale is English without a country: it stays.
        QCOMPARE(locale, m_system);
    }

    // English is a choice on a German desktop (numbers in English too); German on a Swiss German
    // desktop keeps the Swiss formats.
    void chosenLanguageAndTheSystemsCountry()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(App::localeFor(QStringLiteral("en")).language(), QLocale::English);
        App::installTranslations(QStringLiteral("en"));
        QCOMPARE(cancelText(), QStringLiteral("Cancel"));
        QCOMPARE(QLocale().toString(2000), QStringLiteral("2,000"));
        QCOMPARE(devices(2), QStringLiteral("2 devices."));

        QLocale::setDefault(QLocale(QLocale::German, QLocale::Switzerland));
        QCOMPARE(
            App::localeFor(QStringLiteral("de")), QLocale(QLocale::German, QLocale::Switzerland));
        // A language Flotilla has no catalogue for: English.
        QCOMPARE(App::localeFor(QStringLiteral("xx")).language(), QLocale::English);
    }

    void systemLanguage_data()
    {
        QTest::addColumn<QLocale>("system");
        QTest::addColumn<QString>("cancel");
        QTest::addColumn<QString>("device");
        QTest::newRow("German desktop") << QLocale(QLocale::German, QLocale::Germany)
                                        << QStringLiteral("Abbrechen") << QStringLiteral("Geräte");
        QTest::newRow("Austrian desktop")
            << QLocale(QLocale::German, QLocale::Austria) << QStringLiteral("Abbrechen")
            << QStringLiteral("Geräte");
        QTest::newRow("US desktop") << QLocale(QLocale::English, QLocale::UnitedStates)
                                    << QStringLiteral("Cancel") << QStringLiteral("Devices");
        // No French catalogue: English texts (Qt's too), French numbers.
        QTest::newRow("French desktop") << QLocale(QLocale::French, QLocale::France)
                                        << QStringLiteral("Cancel") << QStringLiteral("Devices");
    }

    // "" (or no setting): the system's locale decides.
    void systemLanguage()
    {
        QFETCH(QLocale, system);
        QFETCH(QString, cancel);
        QFETCH(QString, device);
        QLocale::setDefault(system);
        const QLocale locale = App::installTranslations();
        QCOMPARE(locale, system);
        QCOMPARE(cancelText(), cancel);
        QCOMPARE(QCoreApplication::translate("Flotilla::Tree", "Devices"), device);
        // The numbers are the system's: "2.000" in Germany, "2 000" in France.
        QCOMPARE(QLocale().toString(2000), system.toString(2000));
        QVERIFY(QLocale().toString(2000) != QLatin1String("2000"));
        // Installed twice (a settings change), the system's locale still decides.
        QCOMPARE(App::installTranslations(QString()), system);
    }

    // The setting of the Settings dialog.
    void setting()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QSettings(QStringLiteral("Flotilla"), QStringLiteral("Console"))
            .setValue(QLatin1String(App::LanguageSettingKey), QStringLiteral("de"));
        QCOMPARE(App::languageSetting(), QStringLiteral("de"));
        QCOMPARE(App::installTranslations().language(), QLocale::German);
        QCOMPARE(cancelText(), QStringLiteral("Abbrechen"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
