#include "attachment.h"
#include "codec.h"
#include "keys.h"

namespace Natter::Wire {

Attachment Attachment::read(JsonReader &r)
{
    Attachment a;
    a.id = r.id(Key::Id);
    a.name = r.string(Key::Name, 1, MaxWireChars);
    a.mime = r.string(Key::Mime, 1, 255);
    a.size = r.integer(Key::Size, 0, std::numeric_limits<qint64>::max() / 2);
    a.url = r.string(Key::Url, 1, MaxWireChars);
    a.width = int(r.optionalInteger(Key::Width, 1, 1 << 20).value_or(0));
    a.height = int(r.optionalInteger(Key::Height, 1, 1 << 20).value_or(0));
    a.thumbnailUrl = r.nullableString(Key::ThumbnailUrl, MaxWireChars);
    return a;
}

void Attachment::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::Id).idString(id.value());
    w.key(Key::Name).value(name);
    w.key(Key::Mime).value(mime);
    w.key(Key::Size).value(size);
    w.key(Key::Url).value(url);
    w.key(Key::Width);
    width > 0 ? w.value(qint64(width)) : w.null();
    w.key(Key::Height);
    height > 0 ? w.value(qint64(height)) : w.null();
    writeNullable(w.key(Key::ThumbnailUrl), thumbnailUrl);
    w.endObject();
}

} // namespace Natter::Wire
