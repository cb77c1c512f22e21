#include "metrics.h"

namespace Natter::Server {

Metrics &metrics()
{
    static Metrics instance;
    return instance;
}

void Metrics::Histogram::observeMicros(std::int64_t micros)
{
    const double ms = double(micros) / 1000.0;
    std::size_t i = 0;
    while (i < Bounds.size() && ms > Bounds[i])
        ++i;
    m_buckets[i].fetch_add(1, std::memory_order_relaxed);
    m_sumMicros.fetch_add(std::uint64_t(micros < 0 ? 0 : micros), std::memory_order_relaxed);
    m_count.fetch_add(1, std::memory_order_relaxed);
}

void Metrics::Histogram::write(QByteArray &out, const char *name, const char *help) const
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " histogram\n";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i <= Bounds.size(); ++i) {
        cumulative += m_buckets[i].load(std::memory_order_relaxed);
        const QByteArray le = i < Bounds.size() ? QByteArray::number(Bounds[i] / 1000.0, 'g', 6) : "+Inf";
        out += QByteArray(name) + "_bucket{le=\"" + le + "\"} " + QByteArray::number(quint64(cumulative)) + '\n';
    }
    out += QByteArray(name) + "_sum "
        + QByteArray::number(double(m_sumMicros.load(std::memory_order_relaxed)) / 1e6, 'g', 12) + '\n';
    out += QByteArray(name) + "_count " + QByteArray::number(quint64(m_count.load(std::memory_order_relaxed)))
        + '\n';
}

const char *Metrics::rejectName(Reject reason)
{
    switch (reason) {
    case Reject::HeaderTooLarge: return "header_too_large";
    case Reject::BodyTooLarge: return "body_too_large";
    case Reject::ChunkedBody: return "chunked_body";
    case Reject::BadRequest: return "bad_request";
    case Reject::Unauthorized: return "unauthorized";
    case Reject::Forbidden: return "forbidden";
    case Reject::NotFound: return "not_found";
    case Reject::RateLimited: return "rate_limited";
    case Reject::SlowConsumer: return "slow_consumer";
    case Reject::TlsHandshake: return "tls_handshake";
    case Reject::Other:
    case Reject::Count_: break;
    }
    return "other";
}

void Metrics::reject(Wire::ErrorCode code)
{
    using Wire::ErrorCode;
    switch (code) {
    case ErrorCode::BadRequest: return reject(Reject::BadRequest);
    case ErrorCode::Unauthorized: return reject(Reject::Unauthorized);
    case ErrorCode::Forbidden: return reject(Reject::Forbidden);
    case ErrorCode::NotFound: return reject(Reject::NotFound);
    case ErrorCode::PayloadTooLarge: return reject(Reject::BodyTooLarge);
    case ErrorCode::RateLimited: return reject(Reject::RateLimited);
    default: return reject(Reject::Other);
    }
}

namespace {
void counter(QByteArray &out, const char *name, const char *help, std::uint64_t value)
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " counter\n" + name + ' '
        + QByteArray::number(quint64(value)) + '\n';
}
} // namespace

void Metrics::write(QByteArray &out) const
{
    counter(out, "natter_messages_stored_total", "New messages committed durably since start.",
        messagesStored.load(std::memory_order_relaxed));
    counter(out, "natter_messages_delivered_total",
        "message.new frames handed to open gateway connections since start.",
        messagesDelivered.load(std::memory_order_relaxed));
    counter(out, "natter_http_requests_total", "HTTP requests read since start.",
        httpRequests.load(std::memory_order_relaxed));
    counter(out, "natter_gateway_sessions_total", "Gateway sessions opened since start.",
        gatewaySessions.load(std::memory_order_relaxed));
    out += QByteArray("# HELP natter_password_hashes_pending Password hashes running or queued "
                      "(--max-pending-hashes bounds it).\n# TYPE natter_password_hashes_pending gauge\n"
                      "natter_password_hashes_pending ")
        + QByteArray::number(qint64(passwordHashesPending.load(std::memory_order_relaxed))) + '\n';
    out += "# HELP natter_rejected_total Requests and gateway frames refused, by reason.\n"
           "# TYPE natter_rejected_total counter\n";
    for (std::size_t i = 0; i < rejected.size(); ++i)
        out += QByteArray("natter_rejected_total{reason=\"") + rejectName(Reject(i)) + "\"} "
            + QByteArray::number(quint64(rejected[i].load(std::memory_order_relaxed))) + '\n';
    sendToAck.write(out, "natter_send_ack_seconds", "message.send received to its ack sent (gateway).");
    fsync.write(out, "natter_fsync_seconds", "One fdatasync of the write-ahead log.");
}

} // namespace Natter::Server
