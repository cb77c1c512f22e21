#include "latencyhistogram.h"

#include <cmath>

namespace {
constexpr double kGrowth = 1.02;
constexpr int kBucketCount = 935; // 1.02^935 µs ≈ 106 s
const double kLogGrowth = std::log(kGrowth);
}

LatencyHistogram::LatencyHistogram()
    : m_buckets(kBucketCount, 0)
{
}

int LatencyHistogram::bucketFor(qint64 nanoseconds)
{
    const double us = nanoseconds / 1000.0;
    if (us <= 1.0) return 0;
    const int bucket = int(std::log(us) / kLogGrowth) + 1;
    return bucket >= kBucketCount ? kBucketCount - 1 : bucket;
}

double LatencyHistogram::upperBoundNs(int bucket)
{
    return std::pow(kGrowth, bucket) * 1000.0;
}

void LatencyHistogram::record(qint64 nanoseconds)
{
    if (nanoseconds < 0) nanoseconds = 0;
    ++m_buckets[bucketFor(nanoseconds)];
    ++m_count;
    if (nanoseconds > m_maxNs) m_maxNs = nanoseconds;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (int i = 0; i < kBucketCount; ++i)
        m_buckets[i] += other.m_buckets[i];
    m_count += other.m_count;
    m_maxNs = qMax(m_maxNs, other.m_maxNs);
}

void LatencyHistogram::clear()
{
    std::fill(m_buckets.begin(), m_buckets.end(), 0);
    m_count = 0;
    m_maxNs = 0;
}

double LatencyHistogram::quantileMs(double q) const
{
    if (m_count == 0) return 0.0;
    const auto rank = quint64(std::ceil(q * double(m_count)));
    quint64 seen = 0;
    for (int i = 0; i < kBucketCount; ++i) {
        seen += m_buckets[i];
        if (seen >= rank && seen > 0) return qMin(upperBoundNs(i), double(m_maxNs)) / 1e6;
    }
    return m_maxNs / 1e6;
}

QJsonArray LatencyHistogram::toJson() const
{
    QJsonArray array;
    array.append(double(m_maxNs));
    for (int i = 0; i < kBucketCount; ++i) {
        if (m_buckets[i]) array.append(QJsonArray { i, double(m_buckets[i]) });
    }
    return array;
}

LatencyHistogram LatencyHistogram::fromJson(const QJsonArray &array)
{
    LatencyHistogram histogram;
    if (array.isEmpty()) return histogram;
    histogram.m_maxNs = qint64(array.at(0).toDouble());
    for (qsizetype i = 1; i < array.size(); ++i) {
        const QJsonArray pair = array.at(i).toArray();
        const int bucket = pair.at(0).toInt();
        const auto n = quint64(pair.at(1).toDouble());
        if (bucket >= 0 && bucket < kBucketCount) {
            histogram.m_buckets[bucket] += n;
            histogram.m_count += n;
        }
    }
    return histogram;
}
