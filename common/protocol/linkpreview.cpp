#include "linkpreview.h"
#include "codec.h"
#include "keys.h"

namespace Natter::Wire {

LinkPreview LinkPreview::read(JsonReader &r)
{
    LinkPreview p;
    p.url = r.string(Key::Url, 1, MaxWireChars);
    p.title = r.nullableString(Key::Title, MaxTitleChars);
    p.description = r.nullableString(Key::Description, MaxDescriptionChars);
    p.imageUrl = r.nullableString(Key::ImageUrl, MaxWireChars);
    return p;
}

void LinkPreview::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::Url).value(url);
    writeNullable(w.key(Key::Title), title);
    writeNullable(w.key(Key::Description), description);
    writeNullable(w.key(Key::ImageUrl), imageUrl);
    w.endObject();
}

} // namespace Natter::Wire
