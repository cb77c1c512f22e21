#pragma once

#include <QString>

// Writes COUNT messages into CHANNEL straight through the server's storage layer (natter-server-core), in the
// data directory of a server that is running but idle: the gateway would need most of an hour for ten
// million. Message i gets a Snowflake id from node 1023 (never a live server's), one millisecond apart,
// ending 10 s before now, so seeded history is older than anything sent live. Returns the id of message
// `index` through seededId().
class HistorySeeder
{
public:
    HistorySeeder(qint64 channelId, qint64 authorId, qint64 count);

    bool seed(const QString &dataDir, QString *error);
    qint64 seededId(qint64 index) const;

private:
    qint64 m_channelId;
    qint64 m_authorId;
    qint64 m_count;
    qint64 m_lastMs;
};
