#include "frame.h"

#include "../protocollimits.h"

namespace Natter::Wire {

Envelope Envelope::read(const QJsonObject &frame, QString *error)
{
    Envelope e;
    error->clear();
    const QJsonValue reqId = frame.value(Key::ReqId);
    if (!reqId.isUndefined() && !reqId.isNull()) {
        if (!reqId.isString() || reqId.toString().isEmpty()
            || reqId.toString().size() > Limits::MaxReqIdChars) {
            *error
                = QStringLiteral("reqId must be a string of 1 to %1 characters").arg(Limits::MaxReqIdChars);
            return e;
        }
        e.reqId = reqId.toString();
    }
    const QJsonValue type = frame.value(Key::Type);
    if (!type.isString()) {
        *error = QStringLiteral("frame has no string 'type'");
        return e;
    }
    e.typeName = type.toString();
    e.type = frameTypeFromName(e.typeName);
    if (e.type == FrameType::Unknown)
        *error = QStringLiteral("unknown frame type '%1'").arg(e.typeName.left(64));
    return e;
}

} // namespace Natter::Wire
