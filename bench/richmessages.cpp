#include "richmessages.h"

#include <QDateTime>

using namespace Natter::Client;
namespace Wire = Natter::Wire;

namespace RichMessages {

QString text(qint64 n)
{
    switch (n % 6) {
    case 0:
        return QStringLiteral("Deploy is **green** again, thanks @bo! See `build #%1` for the log.").arg(n);
    case 1:
        return QStringLiteral("Plan for today:\n- review the *branch*\n- ~~old~~ new migration\n- ship it");
    case 2:
        return QStringLiteral("> quoting the spec: ids are decimal strings\nso we parse them strictly");
    case 3:
        return QStringLiteral(
            "```\nSELECT count(*) FROM messages\nWHERE channel_id = ?;\n```\nthat one is fast");
    case 4:
        return QStringLiteral("Write-up here: https://example.org/posts/%1 — worth a read").arg(n);
    default:
        return QStringLiteral("ok, lunch at 12:30? I can book the table for five people");
    }
}

Message message(Wire::Id channel, qint64 n)
{
    static const qint64 base = QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
    Message m;
    // Ids unique across channels, in time order within each.
    m.id = channel.value() * IdStride + n;
    m.channelId = channel;
    m.seq = n;
    m.clientMsgId = QStringLiteral("r%1").arg(m.id.value());
    const int author = int((n / 2) % 6);
    m.author = { Wire::Id(FirstAuthor + author), QStringLiteral("user%1").arg(author),
        QStringLiteral("Person %1").arg(author) };
    m.text = text(n);
    m.createdAt = base + n * 45000;
    if (n % 3 == 0)
        m.reactions = { { QStringLiteral("👍"), int(1 + n % 4), n % 2 == 0 }, { QStringLiteral("🎉"), 2, false } };
    if (n % 6 == 4)
        m.preview = Wire::LinkPreview { QStringLiteral("https://example.org/posts/%1").arg(n),
            QStringLiteral("A post worth reading, number %1").arg(n),
            QStringLiteral("What happened, why it matters, and what we changed afterwards."), {} };
    if (n % 10 == 7) m.replyCount = int(n % 5 + 1);
    if (n % 25 == 0) m.editedAt = m.createdAt + 60000;
    return m;
}

MessagePageSource::Page page(Wire::Id channel, qint64 first, qint64 last, bool hasMore)
{
    MessagePageSource::Page p;
    p.hasMore = hasMore;
    for (qint64 n = first; n <= last; ++n)
        p.messages.append(message(channel, n));
    return p;
}

void History::fetchOlder(Wire::Id channelId, Wire::Id beforeId, int limit, PageCallback callback)
{
    const qint64 before = beforeId.isValid() ? beforeId.value() % IdStride : MessagesPerChannel + 1;
    const qint64 first = qMax<qint64>(1, before - limit);
    callback(page(channelId, first, before - 1, first > 1));
}

void History::fetchNewer(Wire::Id channelId, Wire::Id afterId, int limit, PageCallback callback)
{
    const qint64 first = afterId.value() % IdStride + 1;
    const qint64 last = qMin<qint64>(MessagesPerChannel, first + limit - 1);
    callback(page(channelId, first, last, last < MessagesPerChannel));
}

} // namespace RichMessages
