// Two natter-server instances, each with its own --data-dir, sharing one --uploads-dir (docs/operations.md,
// "Several instances"): a file uploaded through one downloads through the other.
//
// Sharing uploads only means something between instances that share their rows too, and SQLite cannot be
// shared. So on the PostgreSQL pass (NATTER_TEST_POSTGRES, scripts/test) both instances run at once on one
// database, as in production: A stores, B serves and deletes, and a restart of A leaves B's upload in
// progress alone. On SQLite the case is the sequential one a single-instance operator meets when moving a
// server: A stores, stops, and B starts on a copy of A's data directory with the same --uploads-dir; B serves
// the file that never was in either data directory.
#include "testclient.h"
#include "testserver.h"

#include <QBuffer>
#include <QDirIterator>
#include <QImage>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {
QByteArray png()
{
    QImage image(400, 300, QImage::Format_RGB32);
    image.fill(Qt::darkMagenta);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

HttpResult upload(RestClient &rest, const TestAccount &who, const QByteArray &bytes, const QByteArray &name)
{
    return rest.request("POST", u"/api/v1/uploads"_qs, bytes, who.token,
        { { "Content-Type", "application/octet-stream" }, { "X-Filename", name } });
}

// The files under DIR, recursively, as paths relative to it.
QStringList filesUnder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(QDir(dir).relativeFilePath(it.next()));
    out.sort();
    return out;
}
} // namespace

class TestSharedStore : public QObject
{
    Q_OBJECT
private slots:
    void uploadThroughOneDownloadThroughTheOther()
    {
        QTemporaryDir shared;
        QVERIFY(shared.isValid());
        TestServer a({ u"--uploads-dir"_qs, shared.path() });
        QVERIFY(a.start());
        RestClient restA(a);
        const auto [ana, ben, channel] = restA.registerPair(u"shared"_qs);
        const QByteArray image = png();
        const auto up = upload(restA, ana, image, "photo.png");
        QCOMPARE(up.status, 201);
        const QString id = up.json.value(u"id").toString();
        QVERIFY(!up.json.value(u"thumbnailUrl").toString().isEmpty());
        const auto posted = restA.post(u"/api/v1/channels/"_qs + channel + u"/messages"_qs,
            { { u"clientMsgId"_qs, u"with-photo"_qs }, { u"text"_qs, u"look"_qs },
                { u"attachmentIds"_qs, QJsonArray { id } } },
            ana.token);
        QCOMPARE(posted.status, 201);
        // The blobs are in the shared directory, under today's names, and nothing of them in A's data dir.
        QVERIFY(QFile::exists(QDir(shared.path()).filePath(id)));
        QVERIFY(QFile::exists(QDir(shared.path()).filePath(id + u".thumb.jpg"_qs)));
        QVERIFY(!QFileInfo::exists(QDir(a.dataDir()).filePath(u"uploads"_qs)));

        std::unique_ptr<TestServer> b;
        if (TestServer::usesPostgres()) {
            // At once, on A's database (the last --database wins over the one TestServer adds).
            b = std::make_unique<TestServer>(
                QStringList { u"--uploads-dir"_qs, shared.path(), u"--database"_qs, a.databaseUrl() });
        } else {
            a.stop();
            QVERIFY(a.stoppedCleanly());
            b = std::make_unique<TestServer>(QStringList { u"--uploads-dir"_qs, shared.path() });
            for (const QString &name : QDir(a.dataDir()).entryList(QDir::Files))
                QVERIFY(QFile::copy(QDir(a.dataDir()).filePath(name), QDir(b->dataDir()).filePath(name)));
        }
        QVERIFY(b->start());
        RestClient restB(*b);
        const auto body = restB.get(up.json.value(u"url").toString(), ben.token);
        QCOMPARE(body.status, 200);
        QVERIFY(body.body == image);
        QCOMPARE(body.header("Content-Type"), QByteArray("image/png"));
        const auto thumbnail = restB.get(up.json.value(u"thumbnailUrl").toString(), ben.token);
        QCOMPARE(thumbnail.status, 200);
        QCOMPARE(QImage::fromData(thumbnail.body).width(), 320);
        QVERIFY(!QFileInfo::exists(QDir(b->dataDir()).filePath(u"uploads"_qs)));

        if (!TestServer::usesPostgres())
            return;
        // Each instance stages under its own node id: A restarting clears its own staged uploads, never B's.
        QTcpSocket inProgress;
        inProgress.connectToHost(u"127.0.0.1"_qs, b->port());
        QVERIFY(inProgress.waitForConnected());
        inProgress.write("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + ana.token.toLatin1() + "\r\nX-Filename: half.bin\r\nContent-Length: 100000\r\n\r\n"
            + QByteArray(1000, 'h'));
        QVERIFY(inProgress.waitForBytesWritten(5000));
        const QString stagingRoot = QDir(shared.path()).filePath(u"tmp"_qs);
        QTRY_COMPARE(filesUnder(stagingRoot).size(), 1);
        const QStringList staged = filesUnder(stagingRoot);
        QVERIFY2(staged.first().startsWith(u"node-"_qs), qPrintable(staged.first()));
        a.stop();
        QVERIFY(a.start());
        QCOMPARE(filesUnder(stagingRoot), staged);
        inProgress.abort();
        QTRY_COMPARE(filesUnder(stagingRoot), QStringList());

        // Deleting the message through B deletes the files for both.
        GatewayClient gateway;
        QVERIFY(gateway.open(*b, ana.token));
        const auto deleted = gateway.call({ { u"type"_qs, u"message.delete"_qs },
            { u"messageId"_qs, posted.json.value(u"id").toString() } });
        QCOMPARE(deleted.value(u"type").toString(), u"ack"_qs);
        QTRY_VERIFY(!QFile::exists(QDir(shared.path()).filePath(id)));
        QVERIFY(!QFile::exists(QDir(shared.path()).filePath(id + u".thumb.jpg"_qs)));
        QCOMPARE(RestClient(a).get(up.json.value(u"url").toString(), ana.token).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestSharedStore)
#include "tst_sharedstore.moc"
