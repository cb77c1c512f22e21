#pragma once

#include "id.h"

#include <QString>

class JsonReader;
class JsonWriter;

namespace Natter::Wire {

// PROTOCOL.md "Attachment": {id, name, mime, size, url, width, height, thumbnailUrl}; the image fields are
// null (0, empty) for other files.
struct Attachment
{
    Id id;
    QString name;
    QString mime;
    qint64 size = 0;
    QString url;
    int width = 0;
    int height = 0;
    QString thumbnailUrl;

    bool isImage() const { return width > 0 && height > 0; }
    static Attachment read(JsonReader &reader);
    void write(JsonWriter &writer) const;
    friend bool operator==(const Attachment &, const Attachment &) = default;
};

} // namespace Natter::Wire
