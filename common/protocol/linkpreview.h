#pragma once

#include <QString>

class JsonReader;
class JsonWriter;

namespace Natter::Wire {

// A message's link preview (docs/protocol.md "Link previews"): {url, title, description, imageUrl}; absent
// values are null (empty here).
struct LinkPreview
{
    QString url;
    QString title;
    QString description;
    QString imageUrl;

    static constexpr int MaxTitleChars = 200;
    static constexpr int MaxDescriptionChars = 500;

    static LinkPreview read(JsonReader &reader);
    void write(JsonWriter &writer) const;
    friend bool operator==(const LinkPreview &, const LinkPreview &) = default;
};

} // namespace Natter::Wire
