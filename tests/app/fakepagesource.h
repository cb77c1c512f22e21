#pragma once

#include "models/messagepagesource.h"

#include <QTimer>

using namespace Natter::Client;
namespace Wire = Natter::Wire;

// A channel of `total` messages (ids and seqs 1..total) generated on demand, so paging a million of them
// costs nothing but the pages asked for.
class FakePageSource : public MessagePageSource
{
public:
    explicit FakePageSource(qint64 total, Wire::Id channelId = Wire::Id(100))
        : m_total(total)
        , m_channelId(channelId)
    {
    }

    Message make(qint64 n) const
    {
        Message m;
        m.id = n;
        m.channelId = m_channelId;
        m.seq = n;
        const int who = int((n / 3) % 3);
        m.author = { Wire::Id(10 + who), QStringLiteral("user%1").arg(who),
            QStringLiteral("User %1").arg(who) };
        m.text = QStringLiteral("Message number %1").arg(n);
        m.createdAt = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC).addSecs(n * 40).toMSecsSinceEpoch();
        return m;
    }

    void fetchOlder(Wire::Id, Wire::Id beforeId, int limit, PageCallback callback) override
    {
        ++requests;
        const qint64 before = beforeId.isValid() ? beforeId.value() : m_total + 1;
        const qint64 first = std::max<qint64>(1, before - limit);
        Page page;
        for (qint64 n = first; n < before; ++n)
            page.messages.append(make(n));
        page.hasMore = first > 1;
        deliver(page, std::move(callback));
    }

    void fetchNewer(Wire::Id, Wire::Id afterId, int limit, PageCallback callback) override
    {
        ++requests;
        const qint64 after = afterId.value();
        const qint64 last = std::min<qint64>(m_total, after + limit);
        Page page;
        for (qint64 n = after + 1; n <= last; ++n)
            page.messages.append(make(n));
        page.hasMore = last < m_total;
        deliver(page, std::move(callback));
    }

    void setTotal(qint64 total) { m_total = total; }
    bool deferred = false;
    int requests = 0;

private:
    void deliver(const Page &page, PageCallback callback)
    {
        if (deferred)
            QTimer::singleShot(0, [page, callback] { callback(page); });
        else
            callback(page);
    }

    qint64 m_total;
    Wire::Id m_channelId;
};
