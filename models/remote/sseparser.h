// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Flotilla::Remote {

// One dispatched Server-Sent Event.
struct SseEvent
{
    QString name; // the `event:` field, "message" when none was given
    QByteArray data; // the `data:` lines joined with '\n' (UTF-8)
    QByteArray id; // the last event ID at dispatch time (it persists across events)
    bool operator==(const SseEvent &) const = default;
};

// The event-stream interpretation of the HTML Living Standard (§9.2.6), as a pure byte-in,
// events-out machine: a UTF-8 BOM at the very start is skipped; lines end with CRLF, LF or CR
// (also when a CRLF is split between two feeds); `:` lines are comments; fields are event,
// data, id (ignored when it contains NUL) and retry (digits only); unknown fields are ignored;
// a blank line dispatches the pending event unless it has no data. How the input is split into
// feeds never changes the result.
//
// Memory stays bounded: a line longer than MaxLineBytes is not kept. Its bytes are skipped up to
// its end, the event it belongs to is dropped (the fields still to come up to the next blank
// line included) and overflowed() says so until reset(). The same holds for an event whose data
// lines add up to more than MaxLineBytes.
class SseParser
{
public:
    // 1 MiB. A Particle event is one `data:` line of JSON around at most 16 KiB of event data
    // (1,024 bytes on most devices), so a longer line is a broken or hostile stream, never an
    // event worth keeping.
    static constexpr qsizetype MaxLineBytes = 1024 * 1024;

    // Parses `bytes` and returns the events completed by them.
    QList<SseEvent> feed(QByteArrayView bytes);
    // Forgets everything (a new connection): pending lines and event, last event ID, retry.
    void reset();

    // The last `id:` seen (what to send as Last-Event-ID when reconnecting).
    QByteArray lastEventId() const { return m_lastEventId; }
    // The last valid `retry:` value in milliseconds, or -1 when none was sent.
    qint64 retryMs() const { return m_retryMs; }
    // True once a line or an event was dropped for its length (until reset()).
    bool overflowed() const { return m_overflowed; }
    // Bytes held for an unfinished line and event: at most 3 * MaxLineBytes.
    qsizetype bufferedBytes() const { return m_buffer.size() + m_data.size() + m_eventType.size(); }

private:
    void processLine(QByteArrayView line, QList<SseEvent> *out);
    void overflow();

    QByteArray m_buffer; // bytes of an incomplete line (or of a possible BOM)
    QByteArray m_data;
    QByteArray m_eventType;
    QByteArray m_lastEventId;
    qint64 m_retryMs = -1;
    bool m_bomChecked = false;
    bool m_skipLf = false; // the previous feed ended with CR: a leading LF belongs to it
    bool m_discardLine = false; // skipping the rest of an overlong line
    bool m_discardEvent = false; // skipping the fields of an event that overflowed
    bool m_overflowed = false;
};

} // namespace Flotilla::Remote

Q_DECLARE_METATYPE(Flotilla::Remote::SseEvent)
