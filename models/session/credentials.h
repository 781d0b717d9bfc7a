// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace Flotilla::Remote {
class TokenStore;
}

namespace Flotilla::Session {

// The secrets a session keeps between runs, in a token store (the system keychain, or memory):
// the access token of a cloud and the product's OAuth client. Never in settings, logs or the
// cache. Every call is asynchronous; its callback runs later on the caller's thread, and is
// dropped if `context` has been destroyed by then. An empty error means success.
class Credentials final
{
public:
    // Where secrets are kept: the system keychain (service "Flotilla"), or memory only (tests,
    // sessions that remember nothing).
    enum class Keeping { Keychain, MemoryOnly };
    static std::shared_ptr<Remote::TokenStore> makeStore(Keeping keeping);

    // On `store` (not owned; it outlives this).
    explicit Credentials(Remote::TokenStore *store);
    Credentials(const Credentials &) = delete;
    Credentials &operator=(const Credentials &) = delete;
    ~Credentials();

    Remote::TokenStore *store() const { return m_store; }

    // Where the access token of `username` on `apiUrl` is kept:
    // "access-token/<host[:port]>/<username>", so that two accounts of one cloud keep a token
    // each; "access-token/<host[:port]>" (the key of one token per cloud, as older versions
    // kept it) for an API user's token (no username).
    static QString tokenKey(const QUrl &apiUrl, const QString &username = QString());
    // Where the product's OAuth client is kept: "oauth-client-secret/<host[:port]>/<product>".
    static QString productClientKey(const QUrl &apiUrl, int productId);

    // The access token kept for `username` on `apiUrl` (nullopt when none); a token kept for
    // the whole cloud (older versions, API users) when the account has none of its own.
    void readToken(const QUrl &apiUrl, const QString &username, QObject *context,
        std::function<void(std::optional<QString> token, QString error)> done) const;
    // Keeps the access token of `username` on `apiUrl`.
    void writeToken(const QUrl &apiUrl, const QString &username, const QString &token,
        QObject *context, std::function<void(QString error)> done) const;
    // Forgets the access token kept for `username` on `apiUrl`, and the cloud's own one when
    // it is the same token (none kept: not an error).
    void forgetToken(const QUrl &apiUrl, const QString &username, QObject *context,
        std::function<void(QString error)> done) const;
    // The product's OAuth client kept for `apiUrl` and `productId` (both empty when none, or
    // when what is kept cannot be read as a client).
    void readProductClient(const QUrl &apiUrl, int productId, QObject *context,
        std::function<void(QString clientId, QString clientSecret, QString error)> done) const;
    // Keeps the product's OAuth client. False (nothing written, `done` not called) when the ID
    // or the secret is empty.
    bool writeProductClient(const QUrl &apiUrl, int productId, const QString &clientId,
        const QString &clientSecret, QObject *context, std::function<void(QString error)> done);
    void forgetProductClient(const QUrl &apiUrl, int productId, QObject *context,
        std::function<void(QString error)> done);

private:
    Remote::TokenStore *m_store;
};

} // namespace Flotilla::Session
