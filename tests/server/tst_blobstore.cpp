// LocalBlobStore (server/features/files/localblobstore.h), the blob store behind uploads: the layout existing
// data directories have (DIR/<key>, staging in DIR/tmp), put as an atomic rename that leaves nothing visible
// when it fails, keys that cannot leave the directory, and which staged files open() clears. Also FileSender
// streaming a sequential device, the shape an object store's GET would have.
#include "features/files/localblobstore.h"
#include "transport/http/filesender.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace Natter::Server;

namespace {
bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray readAll(const BlobStore::Reader &blob)
{
    return blob.device ? blob.device->readAll() : QByteArray();
}

// The names in DIR, the staging directory left out.
QStringList visible(const QString &dir)
{
    QStringList names = QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    names.removeAll(u"tmp"_qs);
    return names;
}

bool age(const QString &path, qint64 seconds)
{
    QFile f(path);
    return f.open(QIODevice::ReadWrite)
        && f.setFileTime(
            QDateTime::currentDateTimeUtc().addSecs(-seconds), QFileDevice::FileModificationTime);
}

// A sequential device fed by the test, like a network reply: readyRead as bytes arrive, then
// readChannelFinished.
class Trickle : public QIODevice
{
public:
    Trickle() { open(QIODevice::ReadOnly); }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_pending.size() + QIODevice::bytesAvailable(); }
    void feed(const QByteArray &bytes)
    {
        m_pending += bytes;
        emit readyRead();
    }
    void finish()
    {
        m_finished = true;
        emit readChannelFinished();
    }

protected:
    qint64 readData(char *data, qint64 max) override
    {
        const qint64 n = qMin<qint64>(max, m_pending.size());
        if (n == 0)
            return m_finished ? -1 : 0;
        memcpy(data, m_pending.constData(), size_t(n));
        m_pending.remove(0, n);
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_pending;
    bool m_finished = false;
};
} // namespace

class TestBlobStore : public QObject
{
    Q_OBJECT
private slots:
    void putReadExistsRemove()
    {
        QTemporaryDir root;
        LocalBlobStore store(root.filePath(u"uploads"_qs));
        QString error;
        QVERIFY2(store.open(QString(), &error), qPrintable(error));
        QCOMPARE(store.stagingPath(u"42"_qs), root.filePath(u"uploads/tmp/42"_qs));
        QVERIFY(writeFile(store.stagingPath(u"42"_qs), "forty-two"));
        QVERIFY(!store.exists(u"42"_qs));
        QVERIFY2(store.put(store.stagingPath(u"42"_qs), u"42"_qs, &error), qPrintable(error));
        // Today's layout: DIR/<key>; the staged file is gone.
        QVERIFY(QFile::exists(root.filePath(u"uploads/42"_qs)));
        QVERIFY(!QFile::exists(store.stagingPath(u"42"_qs)));
        QVERIFY(store.exists(u"42"_qs));
        BlobStore::Reader blob = store.read(u"42"_qs);
        QVERIFY(blob.device);
        QCOMPARE(blob.size, 9);
        QCOMPARE(readAll(blob), QByteArray("forty-two"));
        blob.device.reset();

        QVERIFY(store.remove(u"42"_qs));
        QVERIFY(!store.exists(u"42"_qs));
        QVERIFY(!store.read(u"42"_qs).device);
        QVERIFY(store.remove(u"42"_qs)); // already gone counts as removed
    }

    // A data directory written before BlobStore existed: its files are blobs as they are, and reading needs
    // no open() (a backup reads a live server's store without touching its staged uploads).
    void existingFilesAreBlobs()
    {
        QTemporaryDir root;
        QVERIFY(QDir().mkpath(root.filePath(u"uploads/tmp"_qs)));
        QVERIFY(writeFile(root.filePath(u"uploads/7001"_qs), "old body"));
        QVERIFY(writeFile(root.filePath(u"uploads/7001.thumb.jpg"_qs), "old thumbnail"));
        QVERIFY(writeFile(root.filePath(u"uploads/tmp/7002"_qs), "in progress"));
        const LocalBlobStore store(LocalBlobStore::defaultDir(root.path()));
        QCOMPARE(readAll(store.read(u"7001"_qs)), QByteArray("old body"));
        QCOMPARE(readAll(store.read(u"7001.thumb.jpg"_qs)), QByteArray("old thumbnail"));
        QVERIFY(QFile::exists(root.filePath(u"uploads/tmp/7002"_qs)));
    }

    void keysStayInTheDirectory_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("empty") << QString();
        QTest::newRow("parent") << u".."_qs;
        QTest::newRow("path") << u"../natter.db"_qs;
        QTest::newRow("absolute") << u"/etc/passwd"_qs;
        QTest::newRow("subdirectory") << u"tmp/1"_qs;
        QTest::newRow("staging directory") << u"tmp"_qs;
        QTest::newRow("hidden") << u".1"_qs;
        QTest::newRow("backslash") << u"a\\b"_qs;
        QTest::newRow("not ascii") << u"\u0663"_qs;
        QTest::newRow("too long") << QString(129, u'1');
    }

    void keysStayInTheDirectory()
    {
        QFETCH(QString, key);
        QTemporaryDir root;
        QVERIFY(writeFile(root.filePath(u"natter.db"_qs), "secret"));
        LocalBlobStore store(root.filePath(u"uploads"_qs));
        QString error;
        QVERIFY(store.open(QString(), &error));
        QVERIFY(writeFile(store.stagingPath(u"1"_qs), "x"));
        QVERIFY(!store.put(store.stagingPath(u"1"_qs), key, &error));
        QVERIFY(error.contains(u"not a valid key"_qs));
        QVERIFY(!store.read(key).device);
        QVERIFY(!store.exists(key));
        QVERIFY(!store.remove(key));
        QCOMPARE(visible(store.dir()), QStringList());
        QVERIFY(QFile::exists(root.filePath(u"natter.db"_qs)));
    }

    // A put that fails leaves no blob (not even part of one) and the staged file where it was, for the caller
    // to remove.
    void failedPutLeavesNothingVisible()
    {
        QTemporaryDir root;
        LocalBlobStore store(root.filePath(u"uploads"_qs));
        QString error;
        QVERIFY(store.open(QString(), &error));
        // Nothing staged.
        QVERIFY(!store.put(store.stagingPath(u"5"_qs), u"5"_qs, &error));
        QVERIFY(!store.exists(u"5"_qs));
        // The rename fails (something that is not a blob is in the way).
        QVERIFY(QDir().mkpath(QDir(store.dir()).filePath(u"6"_qs)));
        QVERIFY(writeFile(store.stagingPath(u"6"_qs), QByteArray(100000, 's')));
        error.clear();
        QVERIFY(!store.put(store.stagingPath(u"6"_qs), u"6"_qs, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!store.exists(u"6"_qs));
        QVERIFY(!store.read(u"6"_qs).device);
        QCOMPARE(QFileInfo(store.stagingPath(u"6"_qs)).size(), 100000);
        QCOMPARE(visible(store.dir()), QStringList { u"6"_qs }); // the directory, untouched
    }

    // open() clears what this instance staged before; other instances' staged files only once they are a
    // day old (they may be running now).
    void openClearsStaging()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(u"shared"_qs);
        const auto staged
            = [&](const QString &relative) { return QDir(dir).filePath(u"tmp/"_qs + relative); };
        QVERIFY(QDir().mkpath(staged(u"node-1"_qs)));
        QVERIFY(QDir().mkpath(staged(u"node-2"_qs)));
        for (const QString &name :
            { u"node-1/10"_qs, u"node-1/10.thumb"_qs, u"node-2/20"_qs, u"node-2/21"_qs, u"30"_qs, u"31"_qs })
            QVERIFY(writeFile(staged(name), "partial"));
        QVERIFY(age(staged(u"node-2/21"_qs), LocalBlobStore::StaleStagingSeconds + 60));
        QVERIFY(age(staged(u"31"_qs), LocalBlobStore::StaleStagingSeconds + 60));
        QVERIFY(writeFile(QDir(dir).filePath(u"99"_qs), "a blob"));

        LocalBlobStore one(dir);
        QString error;
        QVERIFY2(one.open(u"node-1"_qs, &error), qPrintable(error));
        QCOMPARE(one.stagingPath(u"11"_qs), staged(u"node-1/11"_qs));
        QCOMPARE(QDir(staged(u"node-1"_qs)).entryList(QDir::Files), QStringList());
        QVERIFY(QFile::exists(staged(u"node-2/20"_qs))); // node-2's, fresh: maybe in progress
        QVERIFY(!QFile::exists(staged(u"node-2/21"_qs)));
        QVERIFY(QFile::exists(staged(u"30"_qs)));
        QVERIFY(!QFile::exists(staged(u"31"_qs)));
        QVERIFY(one.exists(u"99"_qs)); // blobs are never touched

        // Alone in its directory (no instance name), a server stages in tmp itself and clears all of it.
        LocalBlobStore alone(dir);
        QVERIFY(alone.open(QString(), &error));
        QCOMPARE(QDir(staged(QString())).entryList(QDir::Files), QStringList());
        QVERIFY(QFile::exists(staged(u"node-2/20"_qs)));
        QVERIFY(alone.exists(u"99"_qs));

        QVERIFY(!LocalBlobStore(dir).open(u"../x"_qs, &error));
    }

    // FileSender sends a stream as it arrives, and cuts the connection when it ends short of the size it
    // promised.
    void fileSenderStreamsASequentialDevice_data()
    {
        QTest::addColumn<bool>("complete");
        QTest::newRow("whole") << true;
        QTest::newRow("short") << false;
    }

    void fileSenderStreamsASequentialDevice()
    {
        QFETCH(bool, complete);
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, listener.serverPort());
        QVERIFY(listener.waitForNewConnection(5000));
        QTcpSocket *server = listener.nextPendingConnection();
        QVERIFY(client.waitForConnected(5000));

        auto device = std::make_unique<Trickle>();
        const QPointer<Trickle> trickle = device.get(); // the sender deletes it once it has sent SIZE bytes
        const QByteArray body = QByteArray(300 * 1024, 'b');
        FileSender::start(server, std::move(device), body.size(), { { "Content-Type", "text/plain" } });
        QByteArray received;
        QObject::connect(&client, &QTcpSocket::readyRead, [&] { received += client.readAll(); });
        const qsizetype sent = complete ? body.size() : body.size() / 2;
        for (qsizetype at = 0; at < sent; at += 50 * 1024) {
            QVERIFY(trickle);
            trickle->feed(body.mid(at, qMin<qsizetype>(50 * 1024, sent - at)));
            QTest::qWait(5);
        }
        if (trickle)
            trickle->finish();
        const QByteArray head
            = "HTTP/1.1 200 OK\r\nContent-Length: 307200\r\nContent-Type: text/plain\r\n\r\n";
        if (complete) {
            QTRY_COMPARE(received.size(), head.size() + body.size());
            QVERIFY(received == head + body);
            QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
        } else {
            QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
            QVERIFY(received.size() < head.size() + body.size());
        }
    }
};

QTEST_GUILESS_MAIN(TestBlobStore)
#include "tst_blobstore.moc"
