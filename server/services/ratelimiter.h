#pragma once

#include <QHash>

namespace Natter::Server {

// Token buckets per user: RATE tokens a second up to BURST. A rate of 0 turns limiting off (load tests).
class RateLimiter
{
public:
    RateLimiter(double ratePerSecond, double burst);

    // Takes one token for KEY at NOWMS; returns 0 when allowed, else the milliseconds until a token is free.
    qint64 take(qint64 key, qint64 nowMs);
    bool enabled() const { return m_rate > 0; }

private:
    struct Bucket
    {
        double tokens;
        qint64 updatedMs;
    };
    double m_rate;
    double m_burst;
    QHash<qint64, Bucket> m_buckets;
};

} // namespace Natter::Server
