// SPDX-License-Identifier: MIT
#pragma once

#include "fleet.h"

#include <QByteArray>

namespace Flotilla::Sandbox {

// Server-Sent Events framing as Particle's cloud writes it.
namespace Sse {
// The comment that opens every stream.
QByteArray opening();
// A comment line that keeps idle connections (and clients' dead-stream timers) alive.
QByteArray keepAlive();
// `event: <name>\ndata: <json>\n\n`; line breaks in the name are replaced, the data is compact
// JSON, so a frame is always exactly two field lines and a blank line.
QByteArray frame(const QString &name, const QByteArray &jsonData);
// The JSON data of an event on product and device streams.
QByteArray eventData(const CloudEvent &event, bool productStream);
} // namespace Sse

} // namespace Flotilla::Sandbox
