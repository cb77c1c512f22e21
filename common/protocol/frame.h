#pragma once

#include "codec.h"
#include "frametype.h"
#include "keys.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Natter::Wire {

// Every gateway frame is one JSON object {type, reqId?, ...fields}. These wrap the typed requests
// (requests.h) and events (events.h) in that envelope.

// The envelope of a frame: its type and reqId, read before anything else.
struct Envelope
{
    FrameType type = FrameType::Unknown;
    QString typeName; // as sent, for "unknown frame type" errors
    QString reqId;

    // Reads the envelope of FRAME, with the exact reasons the gateway answers. ERROR is empty when the
    // envelope is good; reqId is set whenever it was valid, so that an error answer can echo it even when the
    // type is missing or unknown.
    static Envelope read(const QJsonObject &frame, QString *error);
};

// The whole frame: `type`, then `reqId` when given, then the fields.
template<class F> QByteArray encodeFrame(const F &frame, const QString &reqId = {})
{
    JsonWriter w;
    w.beginObject().key(Key::Type).value(frameTypeName(frame.frameType()));
    if (!reqId.isEmpty())
        w.key(Key::ReqId).value(reqId);
    frame.writeFields(w);
    w.endObject();
    return w.take();
}

// F's fields out of FRAME (whose envelope says TYPE); nullopt and *ERROR when they do not have F's shape.
template<class F>
std::optional<F> decodeFrame(const QJsonObject &frame, FrameType type, QString *error = nullptr)
{
    JsonReader reader(frame);
    F value = F::readFields(reader);
    if constexpr (requires { setFrameType(value, type); })
        setFrameType(value, type);
    if (reader.ok())
        return value;
    if (error)
        *error = reader.error();
    return std::nullopt;
}

// The same for a frame whose type the caller takes from F itself.
template<class F> std::optional<F> decodeFrame(const QJsonObject &frame, QString *error = nullptr)
{
    return decodeFrame<F>(frame, F {}.frameType(), error);
}

} // namespace Natter::Wire
