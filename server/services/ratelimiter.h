#pragma once

#include <QHash>

#include <functional>

namespace Natter::Server {

// Token buckets per user: RATE tokens a second up to BURST. A rate of 0 turns limiting off (load tests).
class RateLimiter
{
public:
    RateLimiter(double ratePerSecond, double burst);

    // Takes one token for KEY at NOWMS; returns 0 when allowed, else the milliseconds until a token is free.
    qint64 take(qint64 key, qint64 nowMs);
    bool enabled() const { return m_rate > 0; }
    double rate() const { return m_rate; }
    double burst() const { return m_burst; }

    // Across server instances (cluster/): TAKEN hears of every token taken here, and holdUntil() refuses KEY
    // until UNTILMS when the shared bucket says it is empty. The local bucket still answers at once.
    void setShared(std::function<void(qint64 key)> taken) { m_taken = std::move(taken); }
    void holdUntil(qint64 key, qint64 untilMs) { m_heldUntil.insert(key, untilMs); }

private:
    struct Bucket
    {
        double tokens;
        qint64 updatedMs;
    };
    double m_rate;
    double m_burst;
    QHash<qint64, Bucket> m_buckets;
    QHash<qint64, qint64> m_heldUntil;
    std::function<void(qint64)> m_taken;
};

} // namespace Natter::Server
