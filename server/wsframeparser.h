#pragma once

#include <QByteArray>
#include <QList>

// RFC 6455 framing for the server side, without I/O: parses client frames (which must be masked), reassembles
// fragmented messages, and builds server frames (unmasked, so one frame serves every recipient).
class WsFrameParser
{
public:
    enum class Kind : quint8 { Text, Binary, Ping, Pong, Close };
    struct Message
    {
        Kind kind;
        QByteArray payload; // for Close: the raw close payload (code + reason), already validated
    };

    explicit WsFrameParser(qint64 maxMessageBytes);

    // Parses the complete frames at the start of DATA and appends finished messages to OUT. Returns how many
    // bytes were consumed; the rest is an incomplete frame to present again with more bytes. On a protocol
    // violation *FAILCODE is set to the close code to fail the connection with (1002, 1007, 1009) and parsing
    // stops; after a Close message it stops too.
    qsizetype parse(const char *data, qsizetype size, QList<Message> &out, int *failCode);

    // True while a fragmented message is being collected: only then does the parser hold memory.
    bool isCollecting() const { return m_collecting; }

    static QByteArray frame(quint8 opcode, const char *payload, qsizetype size);
    static QByteArray textFrame(const QByteArray &utf8) { return frame(0x1, utf8.constData(), utf8.size()); }
    static QByteArray closeFrame(int code, const QByteArray &reasonUtf8);
    static bool isValidUtf8(const char *data, qsizetype size);
    // A close code a peer may send (RFC 6455 7.4): 1000-1003, 1007-1011, 3000-4999.
    static bool isValidCloseCode(int code);

private:
    qint64 m_max;
    bool m_collecting = false;
    Kind m_fragmentKind = Kind::Text;
    QByteArray m_fragments;
};
