// libFuzzer target: JsonReader and every decoder of common/protocol. The bytes are one gateway frame or REST
// body as it arrives: JsonReader::parseObject, then the envelope, then (whatever the envelope says) every
// frame decoder, every object decoder and every REST shape on the same object. Whatever decodes must encode
// and decode again to the same bytes: a value one end accepts, the other end must be able to send.
//
// Built twice: fuzz_wire_server reads the bytes as the server's gateway does (UTF-8 bytes straight into
// JsonReader); fuzz_wire_client as the app's GatewayClient::onTextMessage does (QWebSocket hands it a QString,
// which it turns back into UTF-8), and then the app's decode of users, channels and messages.
#include <common/protocol/protocol.h>
#include <common/jsonreader.h>

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

using namespace Natter;

namespace {

[[noreturn]] void fail(const char *what, const QByteArray &a, const QByteArray &b = {})
{
    fprintf(stderr, "fuzz_wire: %s\n  first:  %s\n  second: %s\n", what, a.constData(), b.constData());
    abort();
}

// JSON objects are unordered: a map written from a hash may list its keys in another order each time.
bool sameJson(const QByteArray &a, const QByteArray &b)
{
    return a == b || QJsonDocument::fromJson(a) == QJsonDocument::fromJson(b);
}

// decode → encode → decode → encode must give the same JSON both times.
template<class T> void object(const QJsonObject &json)
{
    const std::optional<T> value = Wire::decode<T>(json);
    if (!value)
        return;
    const QByteArray once = Wire::encode(*value);
    QString error;
    const std::optional<QJsonObject> again = JsonReader::parseObject(once, &error);
    if (!again)
        fail("an encoded object is not JSON", once, error.toUtf8());
    const std::optional<T> value2 = Wire::decode<T>(*again, &error);
    if (!value2)
        fail("an encoded object does not decode", once, error.toUtf8());
    const QByteArray twice = Wire::encode(*value2);
    if (!sameJson(once, twice))
        fail("an object changes on a round trip", once, twice);
}

template<class F> void frame(const QJsonObject &json, Wire::FrameType type)
{
    const std::optional<F> value = Wire::decodeFrame<F>(json, type);
    if (!value)
        return;
    const QByteArray once = Wire::encodeFrame(*value, u"r"_qs);
    QString error;
    const std::optional<QJsonObject> again = JsonReader::parseObject(once, &error);
    if (!again)
        fail("an encoded frame is not JSON", once, error.toUtf8());
    const Wire::Envelope envelope = Wire::Envelope::read(*again, &error);
    if (!error.isEmpty() || envelope.type != value->frameType())
        fail("an encoded frame has a bad envelope", once, error.toUtf8());
    const std::optional<F> value2 = Wire::decodeFrame<F>(*again, envelope.type, &error);
    if (!value2)
        fail("an encoded frame does not decode", once, error.toUtf8());
    const QByteArray twice = Wire::encodeFrame(*value2, u"r"_qs);
    if (!sameJson(once, twice))
        fail("a frame changes on a round trip", once, twice);
}

void allFrames(const QJsonObject &json, Wire::FrameType type)
{
    using FT = Wire::FrameType;
    // Requests (client → server).
    frame<Wire::Ping>(json, FT::Ping);
    frame<Wire::SendMessage>(json, FT::MessageSend);
    frame<Wire::EditMessage>(json, FT::MessageEdit);
    for (FT t : { FT::MessageDelete, FT::MessagePin, FT::MessageUnpin })
        frame<Wire::MessageRequest>(json, t);
    for (FT t : { FT::ReactionAdd, FT::ReactionRemove })
        frame<Wire::React>(json, t);
    for (FT t : { FT::TypingStart, FT::TypingStop })
        frame<Wire::TypingRequest>(json, t);
    frame<Wire::ReadMark>(json, FT::ReadMark);
    frame<Wire::PresenceSubscribe>(json, FT::PresenceSubscribe);
    frame<Wire::Sync>(json, FT::Sync);
    // Answers and events (server → client).
    frame<Wire::Ready>(json, FT::Ready);
    frame<Wire::Pong>(json, FT::Pong);
    frame<Wire::ErrorFrame>(json, FT::Error);
    frame<Wire::Ack>(json, FT::Ack);
    frame<Wire::MessageAck>(json, FT::Ack);
    frame<Wire::SyncAck>(json, FT::Ack);
    frame<Wire::ReadMarkAck>(json, FT::Ack);
    frame<Wire::ReactionAck>(json, FT::Ack);
    frame<Wire::PinAck>(json, FT::Ack);
    frame<Wire::PresenceAck>(json, FT::Ack);
    for (FT t : { FT::MessageNew, FT::MessageUpdated })
        frame<Wire::MessageEvent>(json, t);
    frame<Wire::MessageDeleted>(json, FT::MessageDeleted);
    for (FT t : { FT::ReactionAdded, FT::ReactionRemoved })
        frame<Wire::ReactionChanged>(json, t);
    for (FT t : { FT::MessagePinned, FT::MessageUnpinned })
        frame<Wire::PinChanged>(json, t);
    for (FT t : { FT::MemberJoined, FT::MemberLeft })
        frame<Wire::MemberChanged>(json, t);
    frame<Wire::ChannelUpdated>(json, FT::ChannelUpdated);
    frame<Wire::TypingEvent>(json, FT::Typing);
    frame<Wire::ReadState>(json, FT::ReadUpdated);
    frame<Wire::PresenceEvent>(json, FT::Presence);
    frame<Wire::ChannelAdded>(json, FT::ChannelAdded);
    frame<Wire::ChannelRemoved>(json, FT::ChannelRemoved);
    (void)type;
}

void allObjects(const QJsonObject &json)
{
    object<Wire::User>(json);
    object<Wire::Author>(json);
    object<Wire::Channel>(json);
    object<Wire::Member>(json);
    object<Wire::Message>(json);
    object<Wire::Attachment>(json);
    object<Wire::Reaction>(json);
    object<Wire::LinkPreview>(json);
    object<Wire::Error>(json);
    // REST bodies and answers.
    object<Wire::Credentials>(json);
    object<Wire::AuthSession>(json);
    object<Wire::CreateChannel>(json);
    object<Wire::ChannelSettings>(json);
    object<Wire::HistoryPage>(json);
    object<Wire::ChannelList>(json);
    object<Wire::UserList>(json);
    object<Wire::MemberList>(json);
    object<Wire::AddMembers>(json);
    object<Wire::Health>(json);
    // The REST bodies of message.send and message.edit.
    {
        JsonReader r(json);
        (void)Wire::SendMessage::readBody(r);
    }
    {
        JsonReader r(json);
        (void)Wire::EditMessage::readBody(r);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    QByteArray data(reinterpret_cast<const char *>(bytes), qsizetype(size));
#ifdef NATTER_FUZZ_CLIENT
    data = QString::fromUtf8(data).toUtf8(); // what QWebSocket::textMessageReceived and toUtf8() make of it
#endif
    QString error;
    const std::optional<QJsonObject> json = JsonReader::parseObject(data, &error);
    if (!json) {
        if (error.isEmpty())
            abort();
        return 0;
    }
    const Wire::Envelope envelope = Wire::Envelope::read(*json, &error);
    if (error.isEmpty() && envelope.type == Wire::FrameType::Unknown)
        abort();
    allFrames(*json, envelope.type);
    allObjects(*json);
    return 0;
}
