#pragma once

#include <QByteArray>

// RFC 6455 frames without I/O. A server writes them unmasked, so that one frame serves every recipient; a
// client masks each one (maskedFrame).
namespace Natter::Ws {

QByteArray frame(quint8 opcode, const char *payload, qsizetype size);
inline QByteArray textFrame(const QByteArray &utf8)
{
    return frame(0x1, utf8.constData(), utf8.size());
}
// A close frame with CODE (none when 0) and the reason cut to fit a control frame on a character boundary.
QByteArray closeFrame(int code, const QByteArray &reasonUtf8);
// textFrame(UTF8), built once for a run of calls with the same array: a fan-out hands every recipient the
// same QByteArray in a row. One cache per thread; the reference is valid until the next call on this thread.
const QByteArray &sharedTextFrame(const QByteArray &utf8);

// A frame as a client writes it: masked with MASKKEY (RFC 6455 5.3; any value that a proxy cannot predict).
QByteArray maskedFrame(quint8 opcode, const char *payload, qsizetype size, quint32 maskKey);

} // namespace Natter::Ws
