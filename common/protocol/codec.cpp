#include "codec.h"

namespace Natter::Wire {

void writeTime(JsonWriter &writer, qint64 unixMs)
{
    if (unixMs > 0)
        writer.raw('"' + isoTimeUtf8(unixMs) + '"');
    else
        writer.null();
}

void writeId(JsonWriter &writer, qint64 id)
{
    if (id > 0)
        writer.idString(id);
    else
        writer.null();
}

void writeNullable(JsonWriter &writer, const QString &text)
{
    if (text.isEmpty())
        writer.null();
    else
        writer.value(text);
}

} // namespace Natter::Wire
