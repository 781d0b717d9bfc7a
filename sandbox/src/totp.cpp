// SPDX-License-Identifier: MIT
#include "totp.h"

#include <QMessageAuthenticationCode>

namespace Flotilla::Sandbox {

QByteArray base32Decode(const QString &text)
{
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar ch : text) {
        const char16_t c = ch.toUpper().unicode();
        int value;
        if (c >= u'A' && c <= u'Z')
            value = c - u'A';
        else if (c >= u'2' && c <= u'7')
            value = c - u'2' + 26;
        else if (c == u'=' || c == u' ')
            continue;
        else
            return {};
        buffer = (buffer << 5) | static_cast<quint32>(value);
        bits += 5;
        if (bits >= 8) {
            out.append(static_cast<char>((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return out;
}

QString totp(const QByteArray &key, qint64 unixSeconds)
{
    const quint64 counter = static_cast<quint64>(unixSeconds / 30);
    QByteArray message(8, '\0');
    for (int i = 7; i >= 0; --i)
        message[i] = static_cast<char>((counter >> (8 * (7 - i))) & 0xff);
    const QByteArray mac = QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha1);
    const int offset = mac.at(mac.size() - 1) & 0x0f;
    const quint32 binary = ((static_cast<quint32>(mac.at(offset)) & 0x7f) << 24)
        | ((static_cast<quint32>(mac.at(offset + 1)) & 0xff) << 16)
        | ((static_cast<quint32>(mac.at(offset + 2)) & 0xff) << 8)
        | (static_cast<quint32>(mac.at(offset + 3)) & 0xff);
    return QStringLiteral("%1").arg(binary % 1000000, 6, 10, QLatin1Char('0'));
}

bool verifyTotp(const QByteArray &key, const QString &code, qint64 unixSeconds)
{
    if (key.isEmpty() || code.size() != 6)
        return false;
    for (int step = -1; step <= 1; ++step) {
        if (totp(key, unixSeconds + step * 30) == code)
            return true;
    }
    return false;
}

} // namespace Flotilla::Sandbox
