// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace Flotilla::Remote {

// A product's OAuth client (for claims to customer accounts and creating customers), kept in
// the token store as one value: compact JSON {"id": ..., "secret": ...}.
struct OAuthClient
{
    QString id;
    QString secret;

    bool isValid() const { return !id.isEmpty() && !secret.isEmpty(); }
    QString toStored() const;
    // An invalid (empty) client when `stored` is not such a value.
    static OAuthClient fromStored(const QString &stored);
};

// Where secrets (access tokens, OAuth client secrets) are kept between runs: never in QSettings.
// Every operation is asynchronous; its callback runs later on the caller's thread, and is dropped
// if `context` has been destroyed by then. An empty `error` means success.
class TokenStore
{
public:
    using ReadCallback = std::function<void(std::optional<QString> value, QString error)>;
    using DoneCallback = std::function<void(QString error)>;

    TokenStore() = default;
    virtual ~TokenStore() = default;
    TokenStore(const TokenStore &) = delete;
    TokenStore &operator=(const TokenStore &) = delete;

    // `value` is nullopt (and error empty) when nothing is stored under `key`.
    virtual void read(const QString &key, QObject *context, ReadCallback callback) = 0;
    virtual void write(
        const QString &key, const QString &value, QObject *context, DoneCallback callback)
        = 0;
    // Removing a key that is not there is not an error.
    virtual void remove(const QString &key, QObject *context, DoneCallback callback) = 0;
};

// In memory only, for tests and for "do not remember me" sessions.
class MemoryTokenStore final : public TokenStore
{
public:
    MemoryTokenStore() = default;
    void read(const QString &key, QObject *context, ReadCallback callback) override;
    void write(
        const QString &key, const QString &value, QObject *context, DoneCallback callback) override;
    void remove(const QString &key, QObject *context, DoneCallback callback) override;

    // For tests: fail every following operation with this message (empty: succeed again).
    void setFailure(const QString &error) { m_failure = error; }
    int size() const { return static_cast<int>(m_values.size()); }

private:
    QHash<QString, QString> m_values;
    QString m_failure;
};

// The platform keychain through QtKeychain (Secret Service, macOS Keychain, Windows Credential
// Manager), service name "Flotilla". It never uses QtKeychain's insecure plain-text fallback:
// without a keychain every operation fails with QtKeychain's message.
class KeychainTokenStore final : public TokenStore
{
public:
    explicit KeychainTokenStore(QString service = QStringLiteral("Flotilla"));
    void read(const QString &key, QObject *context, ReadCallback callback) override;
    void write(
        const QString &key, const QString &value, QObject *context, DoneCallback callback) override;
    void remove(const QString &key, QObject *context, DoneCallback callback) override;

private:
    QString m_service;
};

} // namespace Flotilla::Remote
