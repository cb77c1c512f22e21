#include "snowflake.h"

#include <QDateTime>

static qint64 systemClock()
{
    return QDateTime::currentMSecsSinceEpoch();
}

SnowflakeGenerator::SnowflakeGenerator(int nodeId)
    : m_nodeId(qBound(0, nodeId, MaxNodeId))
    , m_clock(&systemClock)
{
}

void SnowflakeGenerator::setNodeId(int nodeId)
{
    QMutexLocker lock(&m_mutex);
    m_nodeId = qBound(0, nodeId, MaxNodeId);
}

void SnowflakeGenerator::setClockForTesting(qint64 (*clock)())
{
    QMutexLocker lock(&m_mutex);
    m_clock = clock;
}

qint64 SnowflakeGenerator::next()
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = qMax<qint64>(m_clock() - EpochMs, 0);
    if (now > m_lastMs) {
        m_lastMs = now;
        m_sequence = 0;
    } else if (++m_sequence >= (1 << SequenceBits)) {
        ++m_lastMs;
        m_sequence = 0;
    }
    return (m_lastMs << (NodeBits + SequenceBits)) | (qint64(m_nodeId) << SequenceBits) | m_sequence;
}

void SnowflakeGenerator::continueAfter(qint64 id)
{
    QMutexLocker lock(&m_mutex);
    const qint64 ms = id >> (NodeBits + SequenceBits);
    if (ms > m_lastMs || (ms == m_lastMs && sequenceOf(id) > m_sequence)) {
        m_lastMs = ms;
        m_sequence = sequenceOf(id);
    }
}

QString idToString(qint64 id)
{
    return QString::number(id);
}

qint64 idFromString(QStringView text)
{
    if (text.isEmpty() || text.size() > 19)
        return 0;
    for (QChar c : text)
        if (c < u'0' || c > u'9')
            return 0;
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}
