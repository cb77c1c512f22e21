#include "testclient.h"
#include "testserver.h"

#include <QBuffer>
#include <QDirIterator>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

// Uploads (streamed to disk by the server, see server/uploadreceiver.h) and downloads with their access
// rules.
class TestFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        RestClient rest(m_server);
        m_ana = rest.registerUser(u"ana"_qs);
        m_ben = rest.registerUser(u"ben"_qs);
        m_out = rest.registerUser(u"outsider"_qs);
        m_channel = rest.createChannel(m_ana, u"files"_qs, u"private"_qs, { m_ben.id });
        QVERIFY(!m_channel.isEmpty());
    }

    void roundTrip()
    {
        RestClient rest(m_server);
        // Zeros first: random bytes at the start can match a content rule by chance (once "text/x-microdvd"),
        // and the point here is a file of no known type.
        const QByteArray bytes = QByteArray(4096, '\0') + randomBytes(300 * 1024 - 4096);
        const auto up = rest.upload(m_ana, bytes, "report%202026.bin");
        QCOMPARE(up.status, 201);
        QCOMPARE(up.json.value(u"name").toString(), u"report 2026.bin"_qs);
        QCOMPARE(up.json.value(u"size").toInteger(), bytes.size());
        QCOMPARE(up.json.value(u"mime").toString(), u"application/octet-stream"_qs);
        QVERIFY(up.json.value(u"width").isNull());
        QVERIFY(up.json.value(u"height").isNull());
        QVERIFY(up.json.value(u"thumbnailUrl").isNull());
        const QString url = up.json.value(u"url").toString();
        QCOMPARE(url, u"/api/v1/uploads/"_qs + up.json.value(u"id").toString() + u"/report%202026.bin"_qs);

        const auto down = rest.get(url, m_ana.token);
        QCOMPARE(down.status, 200);
        QVERIFY(down.body == bytes);
        QCOMPARE(down.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QVERIFY2(
            down.header("Content-Disposition").startsWith("attachment"), down.header("Content-Disposition"));
        QCOMPARE(down.header("Content-Type"), QByteArray("application/octet-stream"));
        QVERIFY(down.header("Content-Disposition").contains("filename*=UTF-8''report%202026.bin"));
        // The name segment is informative; a token in the query works for <img src>.
        const auto byQuery = rest.get(
            u"/api/v1/uploads/"_qs + up.json.value(u"id").toString() + u"/x?token="_qs + m_ana.token);
        QCOMPARE(byQuery.status, 200);
        QVERIFY(byQuery.body == bytes);
    }

    void pathInNameIsStripped()
    {
        RestClient rest(m_server);
        const auto up = rest.upload(m_ana, "root:x:0:0\n", "..%2F..%2Fetc%2Fpasswd");
        QCOMPARE(up.status, 201);
        QCOMPARE(up.json.value(u"name").toString(), u"passwd"_qs);
        const auto thumbnailNamed = rest.upload(m_ana, "not a picture", "thumbnail");
        QCOMPARE(thumbnailNamed.json.value(u"name").toString(), u"thumbnail"_qs);
        QCOMPARE(rest.get(thumbnailNamed.json.value(u"url").toString(), m_ana.token).body,
            QByteArray("not a picture"));
        const auto windows = rest.upload(m_ana, "x", "..%5C..%5Cboot.ini");
        QCOMPARE(windows.json.value(u"name").toString(), u"boot.ini"_qs);
        // Every file the server wrote is under DATA/uploads and named by the server.
        static const QRegularExpression serverName(u"^[0-9]+(\\.thumb\\.(png|jpg))?$"_qs);
        QDirIterator it(m_server.dataDir(), QDir::Files, QDirIterator::Subdirectories);
        int uploads = 0;
        while (it.hasNext()) {
            const QFileInfo file(it.next());
            // The stores, and the running server's admin.token (docs/operations.md, `natter-server admin`).
            if (file.fileName().startsWith(u"natter.db") || file.fileName().startsWith(u"search.db")
                || file.fileName() == u"admin.token")
                continue;
            QCOMPARE(file.absolutePath(), QDir(m_server.dataDir()).absoluteFilePath(u"uploads"_qs));
            QVERIFY2(serverName.match(file.fileName()).hasMatch(), qPrintable(file.fileName()));
            ++uploads;
        }
        QVERIFY(uploads >= 2);
    }

    void badNames_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<bool>("present");
        QTest::newRow("missing") << QByteArray() << false;
        QTest::newRow("empty") << QByteArray() << true;
        QTest::newRow("only a directory") << QByteArray("dir%2F") << true;
        QTest::newRow("dot dot") << QByteArray("..") << true;
        QTest::newRow("newline") << QByteArray("a%0Ab.txt") << true;
        QTest::newRow("nul") << QByteArray("a%00b.txt") << true;
        QTest::newRow("bidi override") << QByteArray("evil%E2%80%AEtxt.exe") << true;
        QTest::newRow("not utf-8") << QByteArray("%FF%FE.txt") << true;
        QTest::newRow("256 chars") << QByteArray(256, 'n') << true;
    }
    void badNames()
    {
        QFETCH(QByteArray, name);
        QFETCH(bool, present);
        RestClient rest(m_server);
        const int before = storedFiles(m_server);
        QList<QPair<QByteArray, QByteArray>> headers { { "Content-Type", "text/plain" } };
        if (present)
            headers.append({ "X-Filename", name });
        const auto r = rest.request("POST", u"/api/v1/uploads"_qs, "some text", m_ana.token, headers);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"bad_request"_qs);
        QCOMPARE(storedFiles(m_server), before);
    }

    void refusedWithoutToken()
    {
        RestClient rest(m_server);
        const int before = storedFiles(m_server);
        const auto r = rest.request("POST", u"/api/v1/uploads"_qs, randomBytes(50'000), u"not-a-token"_qs,
            { { "X-Filename", "a.bin" } });
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), u"unauthorized"_qs);
        QCOMPARE(storedFiles(m_server), before);
        const auto down = rest.get(u"/api/v1/uploads/1/a.bin"_qs);
        QCOMPARE(down.status, 401);
    }

    void oneByteOverTheLimit()
    {
        TestServer small({ u"--max-upload-bytes"_qs, u"1000"_qs });
        QVERIFY(small.start());
        RestClient rest(small);
        const auto ana = rest.registerUser(u"ana"_qs);
        const auto over = rest.upload(ana, randomBytes(1001), "over.bin");
        QCOMPARE(over.status, 413);
        QCOMPARE(over.errorCode(), u"payload_too_large"_qs);
        QCOMPARE(storedFiles(small), 0);
        // Far over: still a 413 the client can read, although it sends the whole body before it reads.
        const auto farOver = rest.upload(ana, randomBytes(3 * 1024 * 1024), "far-over.bin");
        QCOMPARE(farOver.status, 413);
        QCOMPARE(farOver.errorCode(), u"payload_too_large"_qs);
        QCOMPARE(storedFiles(small), 0);
        // Answered before the body is read: the answer comes while a huge declared body is still being sent.
        QTcpSocket s;
        s.connectToHost(u"127.0.0.1"_qs, small.port());
        QVERIFY(s.waitForConnected());
        s.write("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ana.token.toLatin1()
            + "\r\nX-Filename: huge.bin\r\nContent-Length: 1073741824\r\n\r\n");
        QByteArray answer;
        const QByteArray chunk(64 * 1024, 'x');
        for (int i = 0; i < 64 && !answer.contains("}}"); ++i) {
            if (s.state() == QAbstractSocket::ConnectedState)
                s.write(chunk);
            s.waitForBytesWritten(100);
            s.waitForReadyRead(50);
            answer += s.readAll();
        }
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
        QCOMPARE(storedFiles(small), 0);

        const auto exact = rest.upload(ana, randomBytes(1000), "exact.bin");
        QCOMPARE(exact.status, 201);
        QCOMPARE(storedFiles(small), 1);
    }

    void accessFollowsChannelMembership()
    {
        RestClient rest(m_server);
        const QByteArray bytes = randomBytes(4096);
        const auto up = rest.upload(m_ana, bytes, "plan.bin");
        QCOMPARE(up.status, 201);
        const QString url = up.json.value(u"url").toString();
        const QString id = up.json.value(u"id").toString();

        // Before it is posted only the uploader may read it.
        QCOMPARE(rest.get(url, m_ana.token).status, 200);
        QCOMPARE(rest.get(url, m_ben.token).status, 404);

        const auto sent = rest.post(u"/api/v1/channels/"_qs + m_channel + u"/messages"_qs,
            { { u"clientMsgId"_qs, u"with-file"_qs }, { u"text"_qs, u"the plan"_qs },
                { u"attachmentIds"_qs, QJsonArray { id } } },
            m_ana.token);
        QCOMPARE(sent.status, 201);
        const QJsonArray attachments = sent.json.value(u"attachments").toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.at(0).toObject(), up.json);

        const auto history = rest.get(u"/api/v1/channels/"_qs + m_channel + u"/messages"_qs, m_ben.token);
        QCOMPARE(history.json.value(u"messages")
                     .toArray()
                     .last()
                     .toObject()
                     .value(u"attachments")
                     .toArray()
                     .size(),
            1);

        const auto byBen = rest.get(url, m_ben.token);
        QCOMPARE(byBen.status, 200);
        QVERIFY(byBen.body == bytes);
        QCOMPARE(rest.get(url, m_out.token).status, 404);
        QCOMPARE(rest.get(url + u"?token="_qs + m_out.token).status, 404);

        // Ben leaves: the file goes with the channel.
        QCOMPARE(
            rest.del(u"/api/v1/channels/"_qs + m_channel + u"/members/"_qs + m_ben.id, m_ben.token).status,
            204);
        QCOMPARE(rest.get(url, m_ben.token).status, 404);
        QCOMPARE(rest.get(url, m_ana.token).status, 200);
        QCOMPARE(rest.post(u"/api/v1/channels/"_qs + m_channel + u"/members"_qs,
                         { { u"userIds"_qs, QJsonArray { m_ben.id } } }, m_ana.token)
                     .status,
            200);
        QCOMPARE(rest.get(url, m_ben.token).status, 200);
    }

    void attachingSomebodyElsesUploadIsRefused()
    {
        RestClient rest(m_server);
        const auto up = rest.upload(m_ana, "mine", "mine.txt");
        QCOMPARE(up.status, 201);
        const QString id = up.json.value(u"id").toString();
        GatewayClient ben;
        QVERIFY(ben.open(m_server, m_ben.token));
        auto send = [&](const QJsonArray &ids, const QString &clientMsgId) {
            return ben.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, m_channel },
                { u"clientMsgId"_qs, clientMsgId }, { u"text"_qs, u"look"_qs },
                { u"attachmentIds"_qs, ids } });
        };
        const auto foreign = send({ id }, u"steal"_qs);
        QCOMPARE(foreign.value(u"type").toString(), u"error"_qs);
        QCOMPARE(foreign.value(u"error").toObject().value(u"code").toString(), u"not_found"_qs);
        const auto unknown = send({ u"12345"_qs }, u"unknown"_qs);
        QCOMPARE(unknown.value(u"error").toObject().value(u"code").toString(), u"not_found"_qs);
        const auto own = rest.upload(m_ben, "his", "his.txt");
        const auto ok = send({ own.json.value(u"id").toString() }, u"own"_qs);
        QCOMPARE(ok.value(u"type").toString(), u"ack"_qs);
        QCOMPARE(ok.value(u"message").toObject().value(u"attachments").toArray().size(), 1);
        // The same upload may go on another message too; an id listed twice counts once.
        const auto twice
            = send({ own.json.value(u"id").toString(), own.json.value(u"id").toString() }, u"twice"_qs);
        QCOMPARE(twice.value(u"type").toString(), u"ack"_qs);
        QCOMPARE(twice.value(u"message").toObject().value(u"attachments").toArray().size(), 1);
        // Nothing was posted with Ana's file: Ben still cannot read it.
        QCOMPARE(rest.get(up.json.value(u"url").toString(), m_ben.token).status, 404);
    }

    // An upload no message took up within --unattached-upload-ttl is deleted, file and all; one in use stays,
    // and so does one younger than the TTL.
    void unattachedUploadsExpire()
    {
        // A 6 s TTL: swept every 3 s; an upload is attachable for its first 3 s.
        TestServer server({ u"--unattached-upload-ttl"_qs, u"6"_qs });
        QVERIFY(server.start());
        RestClient rest(server);
        const auto [ana, ben, channel] = rest.registerPair(u"files"_qs);
        const auto post = [&](const QString &clientMsgId, const QJsonValue &uploadId) {
            return rest.post(u"/api/v1/channels/"_qs + channel + u"/messages"_qs,
                { { u"clientMsgId"_qs, clientMsgId }, { u"text"_qs, u"here"_qs },
                    { u"attachmentIds"_qs, QJsonArray { uploadId } } },
                ana.token);
        };
        const auto abandoned = rest.upload(ana, randomBytes(1024), "abandoned.bin");
        const auto used = rest.upload(ana, randomBytes(1024), "used.bin");
        QCOMPARE(abandoned.status, 201);
        QCOMPARE(used.status, 201);
        QCOMPARE(post(u"keeps-it"_qs, used.json.value(u"id")).status, 201);
        const QString onDisk
            = QDir(server.dataDir()).filePath(u"uploads/"_qs + abandoned.json.value(u"id").toString());
        QVERIFY(QFile::exists(onDisk));
        QTRY_COMPARE_WITH_TIMEOUT(
            rest.get(abandoned.json.value(u"url").toString(), ana.token).status, 404, 20000);
        QTRY_VERIFY(!QFile::exists(onDisk));
        QCOMPARE(rest.get(used.json.value(u"url").toString(), ben.token).status, 200);
        QCOMPARE(post(u"too-late"_qs, abandoned.json.value(u"id")).status, 404);

        // A new upload outlives the next sweep.
        const auto fresh = rest.upload(ana, randomBytes(1024), "fresh.bin");
        QCOMPARE(fresh.status, 201);
        QTest::qWait(3500);
        QCOMPARE(rest.get(fresh.json.value(u"url").toString(), ana.token).status, 200);
    }

    void deletedMessageTakesItsFiles()
    {
        RestClient rest(m_server);
        GatewayClient ana;
        QVERIFY(ana.open(m_server, m_ana.token));
        const auto up = rest.upload(m_ana, randomBytes(2048), "gone.bin");
        QCOMPARE(up.status, 201);
        const QString id = up.json.value(u"id").toString();
        const QString onDisk = QDir(m_server.dataDir()).filePath(u"uploads/"_qs + id);
        QVERIFY(QFile::exists(onDisk));
        const auto sent = ana.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, m_channel },
            { u"clientMsgId"_qs, u"to-delete"_qs }, { u"text"_qs, u"soon gone"_qs },
            { u"attachmentIds"_qs, QJsonArray { id } } });
        QCOMPARE(sent.value(u"type").toString(), u"ack"_qs);
        const QString messageId = sent.value(u"message").toObject().value(u"id").toString();
        const auto deleted
            = ana.call({ { u"type"_qs, u"message.delete"_qs }, { u"messageId"_qs, messageId } });
        if (deleted.value(u"error").toObject().value(u"message").toString().contains(u"unknown"))
            QSKIP("message.delete is not on the gateway yet");
        QCOMPARE(deleted.value(u"type").toString(), u"ack"_qs);
        QCOMPARE(rest.get(up.json.value(u"url").toString(), m_ana.token).status, 404);
        QCOMPARE(rest.get(up.json.value(u"url").toString(), m_ben.token).status, 404);
        QTRY_VERIFY(!QFile::exists(onDisk));
        // And it cannot be attached again.
        const auto again = ana.call({ { u"type"_qs, u"message.send"_qs }, { u"channelId"_qs, m_channel },
            { u"clientMsgId"_qs, u"resurrect"_qs }, { u"text"_qs, u"again"_qs },
            { u"attachmentIds"_qs, QJsonArray { id } } });
        QCOMPARE(again.value(u"error").toObject().value(u"code").toString(), u"not_found"_qs);
    }

    void bodyIsStreamedNotBuffered()
    {
        // 24 MiB through a socket that sends faster than a disk is usually written; the server's memory does
        // not grow with it (QHttpServer alone would hold all of it).
        const qint64 rssBefore = m_server.rssKb();
        QTcpSocket s;
        s.connectToHost(u"127.0.0.1"_qs, m_server.port());
        QVERIFY(s.waitForConnected());
        const qint64 total = 24 * 1024 * 1024;
        s.write("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_ana.token.toLatin1()
            + "\r\nX-Filename: big.bin\r\nContent-Length: " + QByteArray::number(total) + "\r\n\r\n");
        const QByteArray chunk = randomBytes(256 * 1024);
        qint64 peakKb = 0;
        for (qint64 sent = 0; sent < total; sent += chunk.size()) {
            s.write(chunk);
            while (s.bytesToWrite() > 1024 * 1024)
                QVERIFY(s.waitForBytesWritten(10000));
            peakKb = qMax(peakKb, m_server.rssKb());
        }
        QByteArray answer;
        while (!answer.contains("}") && s.waitForReadyRead(20000))
            answer += s.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 201"), answer.constData());
        QVERIFY2(answer.contains("\"size\":25165824"), answer.constData());
        if (!qEnvironmentVariableIsSet("NATTER_SANITIZED")) // ASan's shadow and quarantine are in RSS too
            QVERIFY2(peakKb - rssBefore < 8 * 1024, qPrintable(QString::number(peakKb - rssBefore)));
    }

    void headSplitOverPacketsAndKeepAlive()
    {
        QTcpSocket s;
        s.connectToHost(u"127.0.0.1"_qs, m_server.port());
        QVERIFY(s.waitForConnected());
        // A normal request first: QHttpServer answers it and keeps the connection.
        s.write("GET /api/v1/users/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_ana.token.toLatin1()
            + "\r\n\r\n");
        QByteArray first;
        while (!first.contains("\"username\"") && s.waitForReadyRead(5000))
            first += s.readAll();
        QVERIFY2(first.startsWith("HTTP/1.1 200"), first.constData());
        // Then an upload whose head arrives in pieces, the way a slow link delivers it.
        const QByteArray head = "POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + m_ana.token.toLatin1() + "\r\nX-Filename: split.txt\r\nContent-Length: 11\r\n\r\n";
        for (const QByteArray &piece : { head.left(10), head.mid(10, 40), head.mid(50) + "hello" }) {
            s.write(piece);
            QVERIFY(s.waitForBytesWritten(5000));
            QTest::qWait(50);
        }
        s.write(" world");
        QByteArray answer;
        while (!answer.contains("}") && s.waitForReadyRead(10000))
            answer += s.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 201"), answer.constData());
        const QJsonObject attachment
            = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
        RestClient rest(m_server);
        const auto down = rest.get(attachment.value(u"url").toString(), m_ana.token);
        QCOMPARE(down.body, QByteArray("hello world"));
    }

    void abandonedUploadLeavesNothing()
    {
        const int before = storedFiles(m_server);
        {
            QTcpSocket s;
            s.connectToHost(u"127.0.0.1"_qs, m_server.port());
            QVERIFY(s.waitForConnected());
            s.write("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + m_ana.token.toLatin1() + "\r\nX-Filename: half.bin\r\nContent-Length: 1000000\r\n\r\n"
                + randomBytes(300'000));
            QVERIFY(s.waitForBytesWritten(5000));
            QTRY_COMPARE(storedFiles(m_server), before + 1); // the temporary file
            s.abort();
        }
        QTRY_COMPARE(storedFiles(m_server), before);
    }

    void concurrentUploadsPerUserAreLimited()
    {
        RestClient rest(m_server);
        // Four uploads in flight (heads sent, bodies pending) take all of Ana's slots.
        QList<QTcpSocket *> open;
        for (int i = 0; i < 4; ++i) {
            auto *s = new QTcpSocket(this);
            s->connectToHost(u"127.0.0.1"_qs, m_server.port());
            QVERIFY(s->waitForConnected());
            s->write("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + m_ana.token.toLatin1() + "\r\nX-Filename: slot.bin\r\nContent-Length: 100000\r\n\r\nabc");
            QVERIFY(s->waitForBytesWritten(5000));
            open.append(s);
        }
        QTRY_VERIFY(storedFiles(m_server) >= 4); // their temporary files
        const auto fifth = rest.upload(m_ana, "one more", "fifth.txt");
        QCOMPARE(fifth.status, 429);
        QCOMPARE(fifth.errorCode(), u"rate_limited"_qs);
        QCOMPARE(fifth.header("Retry-After"), QByteArray("1"));
        // Others are not affected.
        QCOMPARE(rest.upload(m_ben, "his", "his.txt").status, 201);
        // The slots come back when those uploads end.
        for (QTcpSocket *s : open) {
            s->abort();
            delete s;
        }
        QTRY_COMPARE(rest.upload(m_ana, "now", "now.txt").status, 201);
    }

    void serverStillServes()
    {
        RestClient rest(m_server);
        QCOMPARE(rest.get(u"/api/v1/users/me"_qs, m_ana.token).status, 200);
        // Nothing staged is left (on PostgreSQL the server stages in tmp/node-K: see LocalBlobStore).
        QDirIterator staged(QDir(m_server.dataDir()).filePath(u"uploads/tmp"_qs), QDir::Files | QDir::Hidden,
            QDirIterator::Subdirectories);
        QVERIFY2(!staged.hasNext(), qPrintable(staged.hasNext() ? staged.next() : QString()));
    }

private:
    static QByteArray randomBytes(qsizetype n)
    {
        QByteArray out(n, Qt::Uninitialized);
        for (qsizetype i = 0; i < n; ++i)
            out[i] = char(QRandomGenerator::global()->bounded(256));
        return out;
    }
    // Files under DATA/uploads, the temporary ones included.
    static int storedFiles(const TestServer &server)
    {
        int n = 0;
        QDirIterator it(
            QDir(server.dataDir()).filePath(u"uploads"_qs), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            ++n;
        }
        return n;
    }

    TestServer m_server;
    TestAccount m_ana, m_ben, m_out;
    QString m_channel;
};

QTEST_GUILESS_MAIN(TestFiles)
#include "tst_files.moc"
