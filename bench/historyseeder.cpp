#include "historyseeder.h"

#include <store/database.h>
#include <store/messagestore.h>
#include <store/records.h>
#include <common/snowflake.h>

#include <cstdio>

using namespace Natter::Server;

namespace {
constexpr qint64 kBatch = 50000;
}

HistorySeeder::HistorySeeder(qint64 channelId, qint64 authorId, qint64 count, qint64 lastMs)
    : m_channelId(channelId)
    , m_authorId(authorId)
    , m_count(count)
    , m_lastMs(lastMs)
{
    static_assert(SnowflakeGenerator::EpochMs == 1767225600000 && SnowflakeGenerator::NodeBits == 10
            && SnowflakeGenerator::SequenceBits == 12,
        "seededId() hard-codes the Snowflake layout");
}

bool HistorySeeder::seed(const QString &dataDir, QString *error)
{
    using namespace Natter::Server;
    Database db;
    if (!db.open(dataDir, error)) return false;
    MessageStore store(db);
    for (qint64 start = 0; start < m_count; start += kBatch) {
        if (!db.begin()) {
            *error = QStringLiteral("could not begin a transaction");
            return false;
        }
        const qint64 end = qMin(m_count, start + kBatch);
        for (qint64 i = start; i < end; ++i) {
            MessageRecord m;
            m.id = seededId(m_lastMs, m_count, i);
            m.channelId = m_channelId;
            m.seq = i + 1;
            m.ordinal = i + 1;
            m.authorId = m_authorId;
            m.clientMsgId = QStringLiteral("seed-") + QString::number(i);
            m.text = QStringLiteral("seeded message ") + QString::number(i)
                + QStringLiteral(" with a line of ordinary chat text after it");
            m.createdAt = SnowflakeGenerator::timestampMs(m.id);
            if (store.insert(m) != MessageStore::Insert::Stored) {
                db.rollback();
                *error = QStringLiteral("insert failed at message %1").arg(i);
                return false;
            }
        }
        if (!db.commit()) {
            *error = QStringLiteral("commit failed at message %1").arg(end);
            return false;
        }
        std::fprintf(stderr, "\rhistory: seeded %lld of %lld", end, m_count);
    }
    std::fprintf(stderr, "\n");
    db.close();
    return true;
}
