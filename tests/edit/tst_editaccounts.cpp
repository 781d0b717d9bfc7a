// SPDX-License-Identifier: MIT
// A new customer with a new customer account, through FleetEditor and its AccountService,
// against the sandbox cloud over real HTTP: the account is created first (with the product's
// OAuth client), then the customer; an account that exists already is said and used; a refused
// account creation creates no customer.
#include "edit/accountservice.h"
#include "edit/fleeteditor.h"
#include "remote/particleclient.h"
#include "sandboxprocess.h"
#include "store/cachestore.h"
#include "sync/syncengine.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>
#include <optional>

using namespace Flotilla;
using Flotilla::Test::Http;
using Flotilla::Test::SandboxProcess;

namespace {

// Limits for a loaded 2-core machine running the suite with ctest -j 2 (never waits).
constexpr int CacheTimeoutMs = 30000;
constexpr int CloudTimeoutMs = 60000;

struct Console
{
    QTemporaryDir dir;
    QNetworkAccessManager nam;
    std::unique_ptr<Remote::ParticleClient> client;
    std::unique_ptr<Store::CacheStore> store;
    std::unique_ptr<Sync::SyncEngine> engine;
    std::unique_ptr<Edit::AccountService> accounts;
    QUndoStack stack;
    std::unique_ptr<Edit::FleetEditor> editor;

    bool open(SandboxProcess &sandbox, const QString &clientSecret)
    {
        Remote::ClientConfig clientConfig;
        clientConfig.baseUrl = sandbox.url();
        clientConfig.backoffBaseMs = 50;
        client = std::make_unique<Remote::ParticleClient>(&nam, clientConfig);
        store = std::make_unique<Store::CacheStore>();
        Sync::SyncConfig config;
        config.productId = sandbox.productId();
        config.refreshIntervalMs = 0;
        config.retryBaseMs = 50;
        config.liveEvents = false;
        config.actor = QStringLiteral("test");
        engine = std::make_unique<Sync::SyncEngine>(client.get(), store.get(), &nam, config);
        engine->setAccessToken(sandbox.token());
        bool opened = false;
        QString error;
        store->open(dir.filePath(QStringLiteral("cache.sqlite")), [&](QString e) {
            error = e;
            opened = true;
        });
        if (!QTest::qWaitFor([&] { return opened; }, CacheTimeoutMs) || !error.isEmpty())
            return false;
        QSignalSpy loaded(engine.get(), &Sync::SyncEngine::loaded);
        QSignalSpy pulled(engine.get(), &Sync::SyncEngine::pullFinished);
        engine->start(true);
        if ((loaded.count() == 0 && !loaded.wait(CacheTimeoutMs))
            || (pulled.count() == 0 && !pulled.wait(CloudTimeoutMs))
            || !pulled.first().at(0).toBool())
            return false;

        accounts = std::make_unique<Edit::AccountService>(client.get(), sandbox.productId());
        const QJsonObject oauth
            = sandbox.startLine().value(QStringLiteral("oauth_client")).toObject();
        // The service keeps the OAuth client and gives it to the engine (claims).
        accounts->setForwarding([this](const QString &id, const QString &secret) {
            engine->setProductClient(id, secret);
        });
        accounts->setProductClient(oauth.value(QStringLiteral("id")).toString(),
            clientSecret.isEmpty() ? oauth.value(QStringLiteral("secret")).toString()
                                   : clientSecret);
        editor = std::make_unique<Edit::FleetEditor>(engine.get(), &stack);
        editor->setAccountService(accounts.get());
        return true;
    }

    std::optional<Edit::FleetEditor::Outcome> createCustomer(
        const QString &slug, const QString &title, const QString &account)
    {
        const Edit::EditPlan plan = editor->planCreateNode(QString(), slug, title, account, true);
        if (!plan.canApply())
            return Edit::FleetEditor::Outcome {false, plan.error, QString()};
        std::optional<Edit::FleetEditor::Outcome> outcome;
        QObject context;
        editor->applyWithAccount(
            plan, &context, [&](const Edit::FleetEditor::Outcome &o) { outcome = o; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, CloudTimeoutMs))
            return std::nullopt;
        return outcome;
    }

    bool pushed()
    {
        return QTest::qWaitFor(
            [&] { return engine->pendingCount() == 0 && !engine->isPushing(); }, CloudTimeoutMs);
    }
};

QStringList cloudCustomers(SandboxProcess &sandbox)
{
    QStringList names;
    const QJsonArray customers
        = Http(sandbox.token())
              .get(
                  sandbox.url(QStringLiteral("/v1/products/%1/customers").arg(sandbox.productId())))
              .json()
              .value(QStringLiteral("customers"))
              .toArray();
    for (const QJsonValue &c : customers)
        names.append(c.toObject().value(QStringLiteral("username")).toString());
    return names;
}

QStringList cloudGroups(SandboxProcess &sandbox)
{
    QStringList names;
    const QJsonArray groups
        = Http(sandbox.token())
              .get(sandbox.url(QStringLiteral("/v1/products/%1/groups").arg(sandbox.productId())))
              .json()
              .value(QStringLiteral("groups"))
              .toArray();
    for (const QJsonValue &g : groups)
        names.append(g.toObject().value(QStringLiteral("name")).toString());
    return names;
}

} // namespace

class TestEditAccounts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_sandbox.start({QStringLiteral("--devices"), QStringLiteral("20"),
                     QStringLiteral("--customers"), QStringLiteral("2")}),
            qPrintable(m_sandbox.errorString()));
    }

    void newCustomerWithNewAccount()
    {
        Console console;
        QVERIFY(console.open(m_sandbox, QString()));
        const QString account = QStringLiteral("buyer@newco.example");
        QVERIFY(!cloudCustomers(m_sandbox).contains(account));

        const auto outcome
            = console.createCustomer(QStringLiteral("newco"), QStringLiteral("NewCo"), account);
        QVERIFY(outcome);
        QVERIFY2(outcome->applied, qPrintable(outcome->error));
        QCOMPARE(outcome->prefix, QStringLiteral("Customer account buyer@newco.example created."));
        QCOMPARE(console.stack.undoText(), QStringLiteral("Create customer NewCo"));
        const Domain::Hierarchy hierarchy = console.engine->state().hierarchy();
        QVERIFY(hierarchy.node(QStringLiteral("newco")));
        QCOMPARE(hierarchy.node(QStringLiteral("newco"))->account, account);
        QVERIFY(cloudCustomers(m_sandbox).contains(account));
        QVERIFY(console.pushed());
        QVERIFY(cloudGroups(m_sandbox).contains(QStringLiteral("newco")));

        // The same account for a second customer: it exists, it is said, the customer is made.
        const auto again = console.createCustomer(
            QStringLiteral("newco-east"), QStringLiteral("NewCo East"), account);
        QVERIFY(again);
        QVERIFY2(again->applied, qPrintable(again->error));
        QCOMPARE(again->prefix,
            QStringLiteral("The customer account buyer@newco.example already exists."));
        QVERIFY(console.engine->state().hierarchy().node(QStringLiteral("newco-east")));
    }

    // The cloud refuses the product's OAuth client: no account, and no customer either.
    void refusedAccountCreatesNoCustomer()
    {
        Console console;
        QVERIFY(console.open(m_sandbox, QStringLiteral("not-the-secret")));
        const int groups = static_cast<int>(console.engine->state().groups.size());
        const auto outcome = console.createCustomer(QStringLiteral("refused"),
            QStringLiteral("Refused Inc"), QStringLiteral("buyer@refused.example"));
        QVERIFY(outcome);
        QVERIFY(!outcome->applied);
        QVERIFY2(outcome->error.startsWith(QStringLiteral(
                     "The customer account buyer@refused.example could not be created, so the "
                     "customer was not created either:")),
            qPrintable(outcome->error));
        QCOMPARE(console.stack.count(), 0);
        QCOMPARE(console.engine->state().groups.size(), groups);
        QCOMPARE(console.engine->pendingCount(), 0);
        QVERIFY(!cloudCustomers(m_sandbox).contains(QStringLiteral("buyer@refused.example")));
    }

private:
    SandboxProcess m_sandbox;
};

QTEST_GUILESS_MAIN(TestEditAccounts)
#include "tst_editaccounts.moc"
