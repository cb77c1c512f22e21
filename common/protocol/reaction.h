#pragma once

#include <QString>

class JsonReader;
class JsonWriter;

namespace Natter::Wire {

// One emoji's aggregate on a message: {emoji, count, me}. `me` is the caller's own reaction; frames shared by
// every recipient always say false.
struct Reaction
{
    QString emoji;
    int count = 0;
    bool me = false;

    static Reaction read(JsonReader &reader);
    void write(JsonWriter &writer) const;
    friend bool operator==(const Reaction &, const Reaction &) = default;
};

// PROTOCOL.md: 1–32 bytes of UTF-8 without spaces or control characters. Empty when EMOJI is acceptable, else
// the reason.
QString emojiProblem(const QString &emoji);

} // namespace Natter::Wire
