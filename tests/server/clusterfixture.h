#pragma once

#include "testclient.h"
#include "testredis.h"
#include "testserver.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <memory>

// What the cluster suites (tst_cluster, tst_clusterwrites) share: natter-server instances with --redis, on a
// fresh PostgreSQL database per case when NATTER_TEST_POSTGRES is set. The single-instance cases need Redis
// only (NATTER_TEST_REDIS); scripts/test provides both.
class ClusterFixture : public QObject
{
protected:
    // For initTestCase(): false when no Redis is given to test against (the suite skips).
    bool setUpCluster()
    {
        m_redis = TestRedis::sharedUrl();
        m_database = qEnvironmentVariable("NATTER_TEST_POSTGRES");
        return !m_redis.isEmpty();
    }

    static QString errorCode(const QJsonObject &answer)
    {
        return answer.value(u"error").toObject().value(u"code").toString();
    }
    static QJsonObject sendFrame(const QString &channel, const QString &clientMsgId, const QString &text)
    {
        return { { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, channel },
            { u"clientMsgId"_qs, clientMsgId }, { u"text"_qs, text } };
    }
    // Waits until G has COUNT frames of TYPE (bounded by the wait, not timed), and takes them.
    static QList<QJsonObject> collect(GatewayClient &g, const QString &type, int count, int timeoutMs = 30000)
    {
        (void)QTest::qWaitFor(
            [&] {
                return std::count_if(g.frames().cbegin(), g.frames().cend(), [&](const QJsonObject &f) {
                    return f.value(u"type").toString() == type;
                }) >= count;
            },
            timeoutMs);
        return g.takeAll(type);
    }
    // The seqs of FRAMES are FIRST, FIRST + 1, … each once.
    static bool gapless(const QList<QJsonObject> &frames, qint64 first)
    {
        for (qsizetype i = 0; i < frames.size(); ++i) {
            if (frames.at(i).value(u"seq").toInteger() != first + i) {
                qWarning("frame %lld has seq %lld, expected %lld", qint64(i),
                    frames.at(i).value(u"seq").toInteger(), first + i);
                return false;
            }
        }
        return true;
    }
    static QByteArray publish(const QString &redis, const QByteArray &payload)
    {
        return TestRedis::command(redis, { "PUBLISH", "natter:cluster", payload });
    }
    static qint64 lastSeq(const GatewayClient &g, const QString &channel)
    {
        for (const auto &c : g.ready().value(u"channels"_qs).toArray())
            if (c.toObject().value(u"id").toString() == channel)
                return c.toObject().value(u"lastSeq").toInteger();
        return -1;
    }
    // A new, empty database on the PostgreSQL of NATTER_TEST_POSTGRES for each case (they register the
    // same user names), or empty without one.
    QString freshDatabase()
    {
        if (m_database.isEmpty())
            return {};
        const QUrl base(m_database);
        const QString name
            = u"natter_cluster_%1_%2"_qs.arg(QCoreApplication::applicationPid()).arg(++m_databases);
        {
            QSqlDatabase admin = QSqlDatabase::addDatabase(u"QPSQL"_qs, u"admin"_qs);
            admin.setHostName(base.host());
            admin.setPort(base.port(5432));
            admin.setUserName(base.userName());
            admin.setPassword(base.password());
            admin.setDatabaseName(base.path().mid(1));
            if (!admin.open()) {
                qWarning("cannot open %s: %s", qPrintable(m_database), qPrintable(admin.lastError().text()));
                return {};
            }
            QSqlQuery create(admin);
            if (!create.exec(u"CREATE DATABASE "_qs + name))
                qWarning("CREATE DATABASE failed: %s", qPrintable(create.lastError().text()));
            admin.close();
        }
        QSqlDatabase::removeDatabase(u"admin"_qs);
        QUrl url = base;
        url.setPath(u"/"_qs + name);
        return url.toString();
    }
    QStringList serverArgs(const QString &redis, int node, const QString &database = {}) const
    {
        QStringList args { u"--redis"_qs, redis, u"--node-id"_qs, QString::number(node), u"--rate-limit"_qs,
            u"0"_qs };
        if (!database.isEmpty())
            args += { u"--database"_qs, database };
        return args;
    }
    bool needDatabase() { return !m_database.isEmpty(); }
    struct TwoInstances
    {
        std::unique_ptr<TestServer> a, b;
        explicit operator bool() const { return a && b; }
    };
    // Instances 1 and 2 on a new shared database and m_redis, both started; EXTRA goes to both. Empty when
    // either could not start.
    TwoInstances startTwo(const QStringList &extra = {})
    {
        const QString database = freshDatabase();
        if (database.isEmpty())
            return {};
        TwoInstances two { std::make_unique<TestServer>(serverArgs(m_redis, 1, database) + extra),
            std::make_unique<TestServer>(serverArgs(m_redis, 2, database) + extra) };
        if (!two.a->start() || !two.b->start())
            return {};
        return two;
    }

    QString m_redis;
    QString m_database;
    int m_databases = 0;
};
