#include "error.h"
#include "codec.h"
#include "keys.h"

namespace Natter::Wire {

Error Error::read(JsonReader &r)
{
    Error e;
    e.code = readEnum(r, Key::Code, ErrorCode::Internal, true);
    e.message = r.string(Key::Message, 0, MaxWireChars);
    e.retryAfterMs
        = r.optionalInteger(Key::RetryAfterMs, 0, std::numeric_limits<qint64>::max() / 2).value_or(0);
    return e;
}

void Error::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::Code).value(toName(code));
    w.key(Key::Message).value(message);
    if (code == ErrorCode::RateLimited)
        w.key(Key::RetryAfterMs).value(retryAfterMs);
    w.endObject();
}

QJsonObject Error::toJson() const
{
    return toJsonObject(*this);
}

} // namespace Natter::Wire
