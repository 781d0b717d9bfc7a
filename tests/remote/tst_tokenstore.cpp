// SPDX-License-Identifier: MIT
// MemoryTokenStore: the asynchronous contract every TokenStore keeps (the keychain one cannot run
// without a Secret Service, so only its construction is checked here).
#include "remote/tokenstore.h"

#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Flotilla::Remote;

class TestTokenStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void writeReadRemove()
    {
        MemoryTokenStore store;
        QObject context;
        bool wrote = false;
        store.write(QStringLiteral("token/demo"), QStringLiteral("secret-1"), &context,
            [&](const QString &error) {
                QVERIFY(error.isEmpty());
                wrote = true;
            });
        QVERIFY(!wrote); // never inside the call
        QTRY_VERIFY(wrote);

        std::optional<QString> value;
        bool read = false;
        store.read(QStringLiteral("token/demo"), &context,
            [&](std::optional<QString> v, const QString &error) {
                QVERIFY(error.isEmpty());
                value = v;
                read = true;
            });
        QTRY_VERIFY(read);
        QCOMPARE(value, std::optional<QString>(QStringLiteral("secret-1")));

        bool removed = false;
        store.remove(QStringLiteral("token/demo"), &context, [&](const QString &error) {
            QVERIFY(error.isEmpty());
            removed = true;
        });
        QTRY_VERIFY(removed);
        QCOMPARE(store.size(), 0);

        read = false;
        store.read(QStringLiteral("token/demo"), &context,
            [&](std::optional<QString> v, const QString &error) {
                QVERIFY(error.isEmpty());
                value = v;
                read = true;
            });
        QTRY_VERIFY(read);
        QVERIFY(!value.has_value());

        // Removing what is not there is fine.
        removed = false;
        store.remove(QStringLiteral("nothing"), nullptr, [&](const QString &error) {
            QVERIFY(error.isEmpty());
            removed = true;
        });
        QTRY_VERIFY(removed);
    }

    void failuresAreReported()
    {
        MemoryTokenStore store;
        store.setFailure(QStringLiteral("The keychain is locked"));
        QString writeError;
        store.write(QStringLiteral("k"), QStringLiteral("v"), nullptr,
            [&](const QString &error) { writeError = error; });
        QTRY_COMPARE(writeError, QStringLiteral("The keychain is locked"));
        QCOMPARE(store.size(), 0);
        QString readError;
        store.read(
            QStringLiteral("k"), nullptr, [&](std::optional<QString> v, const QString &error) {
                QVERIFY(!v);
                readError = error;
            });
        QTRY_COMPARE(readError, QStringLiteral("The keychain is locked"));
    }

    void callbackDroppedWhenContextDies()
    {
        MemoryTokenStore store;
        auto context = std::make_unique<QObject>();
        bool called = false;
        store.write(QStringLiteral("k"), QStringLiteral("v"), context.get(),
            [&](const QString &) { called = true; });
        context.reset();
        // A later operation with a live context completes; the dropped one never runs.
        QObject alive;
        bool second = false;
        store.read(QStringLiteral("k"), &alive, [&](std::optional<QString> v, const QString &) {
            QCOMPARE(v, std::optional<QString>(QStringLiteral("v")));
            second = true;
        });
        QTRY_VERIFY(second);
        QVERIFY(!called);
    }

    void keychainStoreConstructs()
    {
        // Only construction: CI has no Secret Service to talk to.
        std::unique_ptr<TokenStore> store = std::make_unique<KeychainTokenStore>();
        QVERIFY(store);
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
