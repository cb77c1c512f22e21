#include "clientstack.h"
#include "media/mediacache.h"
#include "media/medialoader.h"
#include "media/uploadclient.h"
#include "testclient.h"
#include "testserver.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

// Attachments in the client core against a real natter-server: uploads (progress, cancel, the size limit
// before and after the body), a message with files through the outbox across a server restart, thumbnails
// from the disk cache without the network, and a download the user may not make.
using namespace Natter::Client;
namespace Wire = Natter::Wire;

class TestFiles : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        explicit Fixture(QStringList serverArgs = {})
            : server(std::move(serverArgs))
        {
        }
        TestServer server;
        QTemporaryDir dir;
        TestAccount alice;
        TestAccount bob;
        Wire::Id channelId;

        bool setUp(bool withBob = true)
        {
            if (!server.start()) return false;
            RestClient rest(server);
            alice = rest.registerUser(QStringLiteral("alice"));
            if (withBob) bob = rest.registerUser(QStringLiteral("bob"));
            channelId = Wire::Id::fromString(rest.createChannel(alice, QStringLiteral("general"),
                QStringLiteral("public"), withBob ? QStringList { bob.id } : QStringList {}));
            return !alice.token.isEmpty() && channelId.isValid();
        }
        std::unique_ptr<ClientStack> client(const TestAccount &who)
        {
            return std::make_unique<ClientStack>(
                server.httpUrl(), who.token, dir.filePath(who.username + QStringLiteral(".sqlite")));
        }
        QString file(const QString &name, qint64 size)
        {
            QFile f(dir.filePath(name));
            f.open(QIODevice::WriteOnly);
            QByteArray chunk(64 * 1024, 'x');
            for (qint64 left = size; left > 0; left -= chunk.size())
                f.write(chunk.constData(), std::min<qint64>(left, chunk.size()));
            return f.fileName();
        }
        QString image(const QString &name, int w, int h)
        {
            QImage img(w, h, QImage::Format_RGB32);
            img.fill(QColor(40, 120, 200));
            const QString path = dir.filePath(name);
            img.save(path, "PNG");
            return path;
        }
    };

    static Wire::Attachment upload(ClientStack &c, const QString &path)
    {
        UploadClient uploads(&c.nam, &c.api);
        Upload *u = uploads.start(path);
        QSignalSpy done(u, &Upload::finished);
        if (!done.wait(30000)) return {};
        return done.at(0).at(0).value<Wire::Attachment>();
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<Wire::Attachment>();
        qRegisterMetaType<Upload::Error>();
        qRegisterMetaType<MediaLoader::Status>();
    }

    void uploadReportsProgressAndCanBeCancelled()
    {
        Fixture f;
        QVERIFY(f.setUp(false));
        auto a = f.client(f.alice);
        UploadClient uploads(&a->nam, &a->api);
        const QString big = f.file(QStringLiteral("big.bin"), 12 * 1024 * 1024);

        Upload *u = uploads.start(big);
        QSignalSpy progress(u, &Upload::progress);
        QSignalSpy finished(u, &Upload::finished);
        QVERIFY(finished.wait(60000));
        QVERIFY(progress.size() >= 2);
        qint64 last = 0;
        for (const auto &args : progress) {
            QVERIFY(args.at(0).toLongLong() >= last);
            last = args.at(0).toLongLong();
            QCOMPARE(args.at(1).toLongLong(), qint64(12 * 1024 * 1024));
        }
        QCOMPARE(last, qint64(12 * 1024 * 1024));
        const auto att = finished.at(0).at(0).value<Wire::Attachment>();
        QVERIFY(att.id.isValid());
        QCOMPARE(att.name, QStringLiteral("big.bin"));
        QCOMPARE(att.size, qint64(12 * 1024 * 1024));

        // Cancelled after the first progress: failed(Cancelled) at once, no attachment.
        Upload *c = uploads.start(big);
        QSignalSpy cprogress(c, &Upload::progress);
        QSignalSpy cfailed(c, &Upload::failed);
        QSignalSpy cfinished(c, &Upload::finished);
        QVERIFY(cprogress.wait(30000));
        QCOMPARE(uploads.active().size(), 1);
        c->cancel();
        QCOMPARE(cfailed.size(), 1);
        QCOMPARE(cfailed.at(0).at(0).value<Upload::Error>(), Upload::Error::Cancelled);
        QTest::qWait(300);
        QCOMPARE(cfinished.size(), 0);
        QCOMPARE(uploads.active().size(), 0);
    }

    void oversizedFileIsRefusedBeforeUpload()
    {
        Fixture f;
        QVERIFY(f.setUp(false));
        auto a = f.client(f.alice);
        UploadClient uploads(&a->nam, &a->api);
        QCOMPARE(uploads.maxBytes(), qint64(25 * 1024 * 1024));
        QFile huge(f.dir.filePath(QStringLiteral("huge.iso")));
        QVERIFY(huge.open(QIODevice::WriteOnly));
        QVERIFY(huge.resize(26 * 1024 * 1024)); // sparse: nothing is written
        huge.close();
        Upload *u = uploads.start(huge.fileName());
        QVERIFY(u->isDone());
        QSignalSpy failed(u, &Upload::failed);
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(0).value<Upload::Error>(), Upload::Error::TooLarge);
        const QString message = failed.at(0).at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("huge.iso")) && message.contains(QStringLiteral("25")),
            qPrintable(message));
    }

    void serverLimitAnswers413()
    {
        // A server with a smaller limit than the client assumes: its 413 comes before the body is read.
        Fixture f({ QStringLiteral("--max-upload-bytes"), QStringLiteral("100000") });
        QVERIFY(f.setUp(false));
        auto a = f.client(f.alice);
        UploadClient uploads(&a->nam, &a->api);
        Upload *u = uploads.start(f.file(QStringLiteral("medium.bin"), 3 * 1024 * 1024));
        QSignalSpy failed(u, &Upload::failed);
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.at(0).at(0).value<Upload::Error>(), Upload::Error::TooLarge);
        QVERIFY(uploads.maxBytes() < 3 * 1024 * 1024);
    }

    void messageWithFilesGoesThroughOutboxOnce()
    {
        Fixture f;
        QVERIFY(f.setUp());
        auto a = f.client(f.alice);
        auto b = f.client(f.bob);
        a->session->start();
        b->session->start();
        QTRY_VERIFY_WITH_TIMEOUT(a->session->isSynced() && b->session->isSynced(), 20000);
        a->session->openChannel(a->model.get(), f.channelId);
        b->session->openChannel(b->model.get(), f.channelId);
        QTRY_VERIFY(!a->model->isLoading() && !b->model->isLoading());

        const Wire::Attachment pic = upload(*a, f.image(QStringLiteral("pic.png"), 640, 480));
        const Wire::Attachment doc = upload(*a, f.file(QStringLiteral("notes.txt"), 2000));
        QVERIFY(pic.id.isValid() && doc.id.isValid());
        QCOMPARE(pic.width, 640);
        QVERIFY(!pic.thumbnailUrl.isEmpty());

        // Written while the server is down: the pending row shows the files, the restart sends it once.
        f.server.stop();
        QTRY_VERIFY(!a->gateway.isConnected());
        a->session->sendMessage(f.channelId, QStringLiteral("two files"), { pic, doc });
        QCOMPARE(a->model->pendingCount(), 1);
        QCOMPARE(a->model->messageAt(a->model->rowCount() - 1).attachments.size(), 2);
        QVERIFY(f.server.start());
        QTRY_VERIFY_WITH_TIMEOUT(a->session->outboxSize() == 0, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(b->texts(), QStringList { QStringLiteral("two files") }, 60000);
        const Message got = b->model->messageAt(0);
        QCOMPARE(got.attachments.size(), 2);
        QCOMPARE(got.attachments.at(0).id, pic.id);
        QCOMPARE(got.attachments.at(1).name, QStringLiteral("notes.txt"));
        QTest::qWait(500);
        QCOMPARE(b->model->rowCount(), 1);
        QCOMPARE(a->texts(), QStringList { QStringLiteral("two files") });
    }

    void thumbnailComesFromDiskCacheWithoutNetwork()
    {
        Fixture f;
        QVERIFY(f.setUp(false));
        auto a = f.client(f.alice);
        const Wire::Attachment pic = upload(*a, f.image(QStringLiteral("wide.png"), 1200, 600));
        QVERIFY(!pic.thumbnailUrl.isEmpty());
        const QString cacheDir = f.dir.filePath(QStringLiteral("media"));
        {
            MediaCache cache(cacheDir);
            MediaLoader loader(&a->nam, &a->api, &cache);
            QSignalSpy ready(&loader, &MediaLoader::imageReady);
            QVERIFY(loader.image(pic.thumbnailUrl).isNull());
            QCOMPARE(loader.status(pic.thumbnailUrl), MediaLoader::Status::Loading);
            QVERIFY(ready.wait(10000));
            const QImage thumb = loader.image(pic.thumbnailUrl);
            QCOMPARE(thumb.size(), QSize(320, 160)); // fits 320×320, aspect kept
            QCOMPARE(loader.networkRequests(), 1);
        }
        // A new run, with the server gone: the thumbnail is read from disk, decoded off the UI thread.
        f.server.stop();
        MediaCache cache(cacheDir);
        MediaLoader loader(&a->nam, &a->api, &cache);
        QSignalSpy ready(&loader, &MediaLoader::imageReady);
        QVERIFY(loader.image(pic.thumbnailUrl).isNull());
        QVERIFY(ready.wait(10000));
        QCOMPARE(loader.image(pic.thumbnailUrl).size(), QSize(320, 160));
        QCOMPARE(loader.networkRequests(), 0);
    }

    // A PNG whose last chunk header claims 2 GB: the server keeps it as image/png without a thumbnail, and the
    // app, asked for the original (as the viewer does), refuses to decode it instead of letting libpng allocate.
    void imageWhoseChunksOverrunTheFileIsNotDecoded()
    {
        Fixture f;
        QVERIFY(f.setUp(false));
        auto a = f.client(f.alice);
        const QString path = f.image(QStringLiteral("claims.png"), 20, 20);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() - 12)); // IEND off
        QVERIFY(file.seek(file.size()));
        file.write(QByteArray::fromHex("77000025") + "tEXt");
        file.close();
        const Wire::Attachment pic = upload(*a, path);
        QCOMPARE(pic.mime, QStringLiteral("image/png"));
        QVERIFY(pic.thumbnailUrl.isEmpty());
        MediaCache cache(f.dir.filePath(QStringLiteral("media")));
        MediaLoader loader(&a->nam, &a->api, &cache);
        QSignalSpy failed(&loader, &MediaLoader::imageFailed);
        // Refused before any decoder ran (libpng, let loose, fails too, but only after its 2 GB malloc).
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("not decoding .* not an image this app decodes")));
        QVERIFY(loader.image(pic.url).isNull());
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.at(0).at(1).value<MediaLoader::Status>(), MediaLoader::Status::Failed);
        QCOMPARE(loader.networkRequests(), 1);
    }

    void cacheKeepsRecentlyUsedWithinCap()
    {
        QTemporaryDir dir;
        MediaCache cache(dir.path(), 3000);
        cache.store(QStringLiteral("a"), QByteArray(1000, 'a'));
        QThread::msleep(20);
        cache.store(QStringLiteral("b"), QByteArray(1000, 'b'));
        QThread::msleep(20);
        cache.store(QStringLiteral("c"), QByteArray(1000, 'c'));
        QThread::msleep(20);
        QVERIFY(!cache.lookup(QStringLiteral("a")).isEmpty()); // a is now the most recently used
        QThread::msleep(20);
        cache.store(QStringLiteral("d"), QByteArray(1000, 'd'));
        QVERIFY(cache.lookup(QStringLiteral("b")).isEmpty());
        QVERIFY(!cache.lookup(QStringLiteral("a")).isEmpty());
        QVERIFY(cache.sizeOnDisk() <= 3000);
        cache.clear();
        QCOMPARE(cache.sizeOnDisk(), qint64(0));
    }

    void downloadOfAFileNotSharedIsRefused()
    {
        Fixture f;
        QVERIFY(f.setUp());
        auto a = f.client(f.alice);
        auto b = f.client(f.bob);
        // Alice uploaded it but never posted it: Bob may not read it, and the server does not say it exists.
        const Wire::Attachment secret = upload(*a, f.image(QStringLiteral("secret.png"), 100, 100));
        QVERIFY(secret.id.isValid());
        MediaCache cache(f.dir.filePath(QStringLiteral("bobmedia")));
        MediaLoader loader(&b->nam, &b->api, &cache);
        QSignalSpy failed(&loader, &MediaLoader::imageFailed);
        loader.image(secret.thumbnailUrl);
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.at(0).at(1).value<MediaLoader::Status>(), MediaLoader::Status::Missing);
        QCOMPARE(loader.status(secret.thumbnailUrl), MediaLoader::Status::Missing);
        QVERIFY(loader.image(secret.thumbnailUrl).isNull()); // not asked again
        QCOMPARE(loader.networkRequests(), 1);

        const QString target = f.dir.filePath(QStringLiteral("saved.png"));
        QSignalSpy dfailed(&loader, &MediaLoader::downloadFailed);
        loader.download(secret.url, target);
        QVERIFY(dfailed.wait(10000));
        QCOMPARE(dfailed.at(0).at(1).value<MediaLoader::Status>(), MediaLoader::Status::Missing);
        QCOMPARE(dfailed.at(0).at(2).toString(), mediaStatusText(MediaLoader::Status::Missing));
        QVERIFY(!QFile::exists(target));

        // Alice, who uploaded it, may save it.
        MediaLoader mine(&a->nam, &a->api, &cache);
        QSignalSpy saved(&mine, &MediaLoader::downloadFinished);
        mine.download(secret.url, target);
        QVERIFY(saved.wait(10000));
        QCOMPARE(QImage(target).size(), QSize(100, 100));
    }
};

QTEST_MAIN(TestFiles)
#include "tst_files.moc"
