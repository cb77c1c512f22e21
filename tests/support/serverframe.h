#pragma once

#include <QAbstractSocket>
#include <QByteArray>
#include <QDeadlineTimer>

// A frame as a server sent it, read off a raw socket by the black-box WebSocket tests. They parse the bytes
// themselves on purpose: the codec under test (common/ws) must not be what checks it.
struct ServerFrame
{
    int opcode = -1; // -1: the connection closed (or nothing came in time) before a whole frame
    QByteArray payload;
    int closeCode() const { return payload.size() >= 2 ? (uchar(payload[0]) << 8) | uchar(payload[1]) : 0; }
};

// The next whole (unmasked) frame from BUFFER, topped up from SOCKET until TIMEOUTMS; the frame's bytes are
// removed from BUFFER.
inline ServerFrame readServerFrame(QAbstractSocket &socket, QByteArray &buffer, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (buffer.size() >= 2) {
            const auto *p = reinterpret_cast<const uchar *>(buffer.constData());
            const int len7 = p[1] & 0x7F;
            const int extra = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
            if (buffer.size() >= 2 + extra) {
                quint64 length = len7;
                if (extra) {
                    length = 0;
                    for (int i = 0; i < extra; ++i)
                        length = (length << 8) | p[2 + i];
                }
                if (quint64(buffer.size()) >= 2 + extra + length) {
                    ServerFrame f { p[0] & 0x0F, buffer.mid(2 + extra, qsizetype(length)) };
                    buffer.remove(0, 2 + extra + qsizetype(length));
                    return f;
                }
            }
        }
        if (deadline.hasExpired())
            return {};
        if (!socket.waitForReadyRead(50) && socket.state() != QAbstractSocket::ConnectedState
            && !socket.bytesAvailable())
            return {};
        buffer += socket.readAll();
    }
}
