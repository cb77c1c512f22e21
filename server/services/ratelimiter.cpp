#include "services/ratelimiter.h"

#include <cmath>

namespace Natter::Server {

RateLimiter::RateLimiter(double ratePerSecond, double burst)
    : m_rate(ratePerSecond)
    , m_burst(qMax(burst, 1.0))
{
}

qint64 RateLimiter::take(qint64 key, qint64 nowMs)
{
    if (!enabled())
        return 0;
    if (!m_heldUntil.isEmpty()) {
        if (const auto held = m_heldUntil.constFind(key); held != m_heldUntil.constEnd()) {
            if (nowMs < *held)
                return *held - nowMs;
            m_heldUntil.erase(held);
        }
    }
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, { m_burst, nowMs });
    Bucket &b = *it;
    b.tokens = qMin(m_burst, b.tokens + double(nowMs - b.updatedMs) * m_rate / 1000.0);
    b.updatedMs = nowMs;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        if (m_taken)
            m_taken(key);
        return 0;
    }
    return qMax<qint64>(1, qint64(std::ceil((1.0 - b.tokens) * 1000.0 / m_rate)));
}

} // namespace Natter::Server
