#pragma once

#include <QString>

// Writes COUNT messages into CHANNEL straight through the server's storage layer (natter-server-core), in the
// data directory of a server that is running but idle: the gateway would need most of an hour for ten
// million. Message i gets a Snowflake id from node 1023 (never a live server's), one millisecond apart, the
// last at LASTMS, so seeded history is older than anything sent live.
//
// The seeding runs in its own executable, natter-bench-seed: natter-server-core and the app's natter-client
// both define classes such as Gateway, so one binary cannot link both. natter-bench only needs seededId().
class HistorySeeder
{
public:
    HistorySeeder(qint64 channelId, qint64 authorId, qint64 count, qint64 lastMs);

    bool seed(const QString &dataDir, QString *error);

    // The Snowflake layout is PROTOCOL.md's: 41 bits of ms since 2026-01-01, 10 bits of node, 12 of sequence.
    static qint64 seededId(qint64 lastMs, qint64 count, qint64 index)
    {
        constexpr qint64 epochMs = 1767225600000;
        constexpr qint64 seedNode = 1023;
        const qint64 ms = lastMs - (count - 1 - index) - epochMs;
        return (ms << 22) | (seedNode << 12);
    }

private:
    qint64 m_channelId;
    qint64 m_authorId;
    qint64 m_count;
    qint64 m_lastMs;
};
