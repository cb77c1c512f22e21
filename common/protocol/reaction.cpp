#include "reaction.h"
#include "codec.h"
#include "keys.h"

#include "../protocollimits.h"

namespace Natter::Wire {

Reaction Reaction::read(JsonReader &r)
{
    Reaction x;
    x.emoji = r.string(Key::Emoji, 1, Limits::MaxEmojiBytes);
    x.count = int(r.integer(Key::Count, 1, std::numeric_limits<int>::max()));
    x.me = r.optionalBool(Key::Me).value_or(false);
    return x;
}

void Reaction::write(JsonWriter &w) const
{
    w.beginObject();
    w.key(Key::Emoji).value(emoji);
    w.key(Key::Count).value(qint64(count));
    w.key(Key::Me).value(me);
    w.endObject();
}

QString emojiProblem(const QString &emoji)
{
    const QByteArray utf8 = emoji.toUtf8();
    if (utf8.isEmpty() || utf8.size() > Limits::MaxEmojiBytes)
        return QStringLiteral("emoji must be 1 to %1 bytes of UTF-8").arg(Limits::MaxEmojiBytes);
    for (QChar c : emoji)
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return QStringLiteral("emoji must not contain spaces or control characters");
    return {};
}

} // namespace Natter::Wire
