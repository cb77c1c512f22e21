#pragma once

#include <QJsonArray>
#include <QtGlobal>

#include <vector>

// Log-bucketed latency histogram (2 % wide buckets from 1 µs to ~100 s). Fixed size, so workers can merge and
// ship it to the coordinator cheaply however many samples a step collects.
class LatencyHistogram
{
public:
    LatencyHistogram();

    void record(qint64 nanoseconds);
    void merge(const LatencyHistogram &other);
    void clear();

    quint64 count() const { return m_count; }
    // Latency in milliseconds at quantile q (0..1); the bucket's upper bound, so never optimistic.
    double quantileMs(double q) const;
    double maxMs() const { return m_maxNs / 1e6; }

    // Sparse [[index, count], ...] plus max, for the worker → coordinator line protocol.
    QJsonArray toJson() const;
    static LatencyHistogram fromJson(const QJsonArray &array);

private:
    static int bucketFor(qint64 nanoseconds);
    static double upperBoundNs(int bucket);

    std::vector<quint64> m_buckets;
    quint64 m_count = 0;
    qint64 m_maxNs = 0;
};
