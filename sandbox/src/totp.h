// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace Flotilla::Sandbox {

// RFC 4648 base32 (no padding required); empty on invalid input.
QByteArray base32Decode(const QString &text);
// RFC 6238 TOTP (HMAC-SHA1, 30 s steps, 6 digits) for the step containing `unixSeconds`.
QString totp(const QByteArray &key, qint64 unixSeconds);
// True when `code` matches the current step or one step either side (clock drift).
bool verifyTotp(const QByteArray &key, const QString &code, qint64 unixSeconds);

} // namespace Flotilla::Sandbox
