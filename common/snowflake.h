#pragma once

#include <QMutex>
#include <QString>

// 64-bit ids: 41 bits of milliseconds since 2026-01-01T00:00:00Z, 10 bits of node id, 12 bits of sequence.
// Ids from one generator strictly increase, even when the wall clock steps back: the generator then keeps
// counting from the last time it used, borrowing from the future until the clock catches up.
class SnowflakeGenerator
{
public:
    static constexpr qint64 EpochMs = 1767225600000; // 2026-01-01T00:00:00Z
    static constexpr int NodeBits = 10;
    static constexpr int SequenceBits = 12;
    static constexpr int MaxNodeId = (1 << NodeBits) - 1;

    explicit SnowflakeGenerator(int nodeId = 0);

    qint64 next();
    // Every later next() is greater than ID, even if the clock is behind it (it was set back, or the last run
    // took ids ahead of the clock): ids are in store order, and the store relies on it.
    void continueAfter(qint64 id);
    // For tests: the clock the generator reads, in Unix milliseconds.
    void setClockForTesting(qint64 (*clock)());

    int nodeId() const { return m_nodeId; }
    // Before the first next(): the node id known only once the process has started (a server leases its id
    // in a shared database).
    void setNodeId(int nodeId);

    static qint64 timestampMs(qint64 id) { return (id >> (NodeBits + SequenceBits)) + EpochMs; }
    static int nodeOf(qint64 id) { return int((id >> SequenceBits) & MaxNodeId); }
    static int sequenceOf(qint64 id) { return int(id & ((1 << SequenceBits) - 1)); }

private:
    QMutex m_mutex;
    int m_nodeId;
    qint64 m_lastMs = 0;
    int m_sequence = 0;
    qint64 (*m_clock)();
};

// Ids travel as decimal strings; 0 means "not an id".
QString idToString(qint64 id);
qint64 idFromString(QStringView text);
