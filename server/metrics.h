#pragma once

#include <common/protocol/enums.h>

#include <QByteArray>

#include <array>
#include <atomic>
#include <cstdint>

namespace Natter::Server {

// Counters for GET /metrics (Prometheus text format). Cheap on the hot path: every field is a relaxed atomic
// (one `lock add` on x86, no fence), most of them touched only on the event-loop thread; the fsync histogram is
// written by WalSyncer's thread. Gauges that can be read off the live state (open connections, users online,
// queued outbound bytes) are not counted here: OpsRoutes computes them when asked.
// Like logging.h it sits at the top of server/ so that every layer may include it.
class Metrics
{
public:
    // A latency histogram in milliseconds with fixed buckets (Prometheus `le` bounds).
    class Histogram
    {
    public:
        static constexpr std::array<double, 14> Bounds { 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000,
            2500, 10000 };
        void observeMicros(std::int64_t micros);
        // Appends NAME's _bucket, _sum and _count lines (cumulative buckets, +Inf included), in seconds.
        void write(QByteArray &out, const char *name, const char *help) const;

    private:
        std::array<std::atomic<std::uint64_t>, Bounds.size() + 1> m_buckets {};
        std::atomic<std::uint64_t> m_sumMicros { 0 };
        std::atomic<std::uint64_t> m_count { 0 };
    };

    // Why a request or frame was refused; one counter each (natter_rejected_total{reason="…"}).
    enum class Reject {
        HeaderTooLarge,
        BodyTooLarge,
        ChunkedBody,
        BadRequest,
        Unauthorized,
        Forbidden,
        NotFound,
        RateLimited,
        SlowConsumer,
        TlsHandshake,
        Other,
        Count_
    };
    static const char *rejectName(Reject reason);

    std::atomic<std::uint64_t> messagesStored { 0 }; // new messages made durable
    std::atomic<std::uint64_t> messagesDelivered { 0 }; // message.new frames handed to connections
    std::atomic<std::uint64_t> httpRequests { 0 };
    std::atomic<std::uint64_t> gatewaySessions { 0 };
    std::atomic<std::int64_t> passwordHashesPending { 0 }; // a gauge: Argon2id jobs running or queued
    std::array<std::atomic<std::uint64_t>, std::size_t(Reject::Count_)> rejected {};
    Histogram sendToAck; // message.send received -> its ack written (gateway)
    Histogram fsync; // one fdatasync of the WAL

    void reject(Reject reason) { rejected[std::size_t(reason)].fetch_add(1, std::memory_order_relaxed); }
    // A protocol error answered to a client (REST or gateway), counted under its reason.
    void reject(Wire::ErrorCode code);
    static void add(std::atomic<std::uint64_t> &counter, std::uint64_t n = 1)
    {
        counter.fetch_add(n, std::memory_order_relaxed);
    }
    // The counters and histograms above in Prometheus text format.
    void write(QByteArray &out) const;
};

// The process's one set of counters.
Metrics &metrics();

} // namespace Natter::Server
