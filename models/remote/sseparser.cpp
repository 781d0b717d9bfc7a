// SPDX-License-Identifier: MIT
#include "sseparser.h"

namespace Flotilla::Remote {

namespace {
constexpr char Bom[] = "\xEF\xBB\xBF";
constexpr qsizetype BomSize = 3;
} // namespace

void SseParser::reset()
{
    *this = SseParser();
}

QList<SseEvent> SseParser::feed(QByteArrayView bytes)
{
    QList<SseEvent> out;
    if (bytes.isEmpty())
        return out;
    if (m_skipLf) {
        m_skipLf = false;
        if (bytes.front() == '\n')
            bytes = bytes.sliced(1);
    }
    if (!m_bomChecked) {
        // Collect up to three bytes to decide whether the stream starts with a BOM.
        const qsizetype take = std::min(BomSize - m_buffer.size(), bytes.size());
        m_buffer.append(bytes.first(take));
        bytes = bytes.sliced(take);
        const QByteArrayView bom(Bom, BomSize);
        if (m_buffer.size() < BomSize && bom.startsWith(m_buffer))
            return out; // still possibly a BOM
        m_bomChecked = true;
        if (m_buffer.startsWith(bom))
            m_buffer.remove(0, BomSize);
        // Whatever is left in m_buffer is ordinary stream content: feed it through the line
        // logic together with the rest.
        QByteArray head = std::exchange(m_buffer, QByteArray());
        head.append(bytes);
        out = feed(head);
        return out;
    }

    qsizetype start = 0;
    const qsizetype size = bytes.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = bytes[i];
        if (c != '\n' && c != '\r')
            continue;
        const qsizetype length = i - start;
        if (m_discardLine) {
            m_discardLine = false; // the end of the overlong line
        } else if (m_buffer.size() + length > MaxLineBytes) {
            overflow();
            m_discardLine = false; // ... which ends here
        } else if (m_buffer.isEmpty()) {
            processLine(bytes.sliced(start, length), &out);
        } else {
            m_buffer.append(bytes.sliced(start, length));
            processLine(m_buffer, &out);
            m_buffer.clear();
        }
        if (c == '\r') {
            if (i + 1 < size) {
                if (bytes[i + 1] == '\n')
                    ++i;
            } else {
                m_skipLf = true;
            }
        }
        start = i + 1;
    }
    if (start < size && !m_discardLine) {
        if (m_buffer.size() + (size - start) > MaxLineBytes)
            overflow();
        else
            m_buffer.append(bytes.sliced(start));
    }
    return out;
}

void SseParser::overflow()
{
    m_overflowed = true;
    m_discardLine = true;
    m_discardEvent = true;
    m_buffer = QByteArray(); // gives the memory back
    m_data = QByteArray();
    m_eventType.clear();
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> *out)
{
    if (line.isEmpty()) {
        // Dispatch.
        if (m_discardEvent) {
            m_discardEvent = false;
            m_data.clear();
            m_eventType.clear();
            return;
        }
        if (m_data.isEmpty()) {
            m_eventType.clear();
            return;
        }
        if (m_data.endsWith('\n'))
            m_data.chop(1);
        SseEvent event;
        event.name
            = m_eventType.isEmpty() ? QStringLiteral("message") : QString::fromUtf8(m_eventType);
        event.data = std::exchange(m_data, QByteArray());
        event.id = m_lastEventId;
        m_eventType.clear();
        out->append(event);
        return;
    }
    if (line.front() == ':' || m_discardEvent)
        return; // comment (keep-alive), or a field of a dropped event
    QByteArrayView field = line;
    QByteArrayView value;
    const qsizetype colon = line.indexOf(':');
    if (colon >= 0) {
        field = line.first(colon);
        value = line.sliced(colon + 1);
        if (value.startsWith(' '))
            value = value.sliced(1);
    }
    if (field == "event") {
        m_eventType = value.toByteArray();
    } else if (field == "data") {
        if (m_data.size() + value.size() + 1 > MaxLineBytes) {
            overflow();
            m_discardLine = false; // this line is complete: only the event goes
            return;
        }
        m_data.append(value);
        m_data.append('\n');
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value.toByteArray();
    } else if (field == "retry") {
        bool digits = !value.isEmpty() && value.size() <= 12;
        for (const char c : value)
            digits = digits && c >= '0' && c <= '9';
        if (digits)
            m_retryMs = value.toByteArray().toLongLong();
    }
}

} // namespace Flotilla::Remote
