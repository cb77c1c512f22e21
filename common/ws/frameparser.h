#pragma once

#include <QByteArray>
#include <QList>

namespace Natter::Ws {

// RFC 6455 framing without I/O: parses the peer's frames and reassembles fragmented messages. A server reads
// client frames, which must be masked; a client reads server frames, which must not be (RFC 6455 5.1). Frames
// are written by framewriter.h.
class FrameParser
{
public:
    enum class Kind : quint8 { Text, Binary, Ping, Pong, Close };
    // Which end of the connection parses: decides whether the peer's frames must be masked.
    enum class Role : quint8 { Server, Client };
    struct Message
    {
        Kind kind;
        QByteArray payload; // for Close: the raw close payload (code + reason), already validated
    };

    explicit FrameParser(qint64 maxMessageBytes, Role role = Role::Server);

    // Parses the complete frames at the start of DATA and appends finished messages to OUT. Returns how many
    // bytes were consumed; the rest is an incomplete frame to present again with more bytes. On a protocol
    // violation *FAILCODE is set to the close code to fail the connection with (1002, 1007, 1009) and parsing
    // stops; after a Close message it stops too.
    qsizetype parse(const char *data, qsizetype size, QList<Message> &out, int *failCode);

    // True while a fragmented message is being collected: only then does the parser hold memory.
    bool isCollecting() const { return m_collecting; }

private:
    qint64 m_max;
    Role m_role;
    bool m_collecting = false;
    Kind m_fragmentKind = Kind::Text;
    QByteArray m_fragments;
    // How much of a fragmented text message is known to be whole, valid UTF-8 code points: each fragment is
    // checked as it arrives (only a code point cut by the fragment's end waits for the next), so an invalid
    // message fails at once instead of being held until its last fragment (RFC 6455 8.1, "fail fast").
    qsizetype m_utf8Checked = 0;
};

bool isValidUtf8(const char *data, qsizetype size);
// How many bytes at the start of DATA are whole, valid UTF-8 code points, when what follows them (at most three
// bytes) is the valid start of one more; -1 when DATA cannot be the start of valid UTF-8.
qsizetype validUtf8Prefix(const char *data, qsizetype size);
// A close code a peer may send (RFC 6455 7.4): 1000-1003, 1007-1011, 3000-4999.
bool isValidCloseCode(int code);

} // namespace Natter::Ws
