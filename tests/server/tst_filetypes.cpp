#include "testclient.h"
#include "testserver.h"

#include <QBuffer>
#include <QImage>
#include <QTest>

// What an upload's bytes make of it: the type (never the name's or the client's word), which images get a
// size and a thumbnail, and how each is served back. Access rules and the upload path are tst_files.
class TestFileTypes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_ana = RestClient(m_server).registerUser(u"ana"_qs);
        QVERIFY(!m_ana.token.isEmpty());
    }

    void pngHasSizeAndThumbnail()
    {
        RestClient rest(m_server);
        QImage image(640, 480, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "PNG"));
        // The Content-Type the client claims does not matter; the bytes do.
        const auto up = rest.upload(m_ana, png, "photo.png", "application/octet-stream");
        QCOMPARE(up.status, 201);
        QCOMPARE(up.json.value(u"mime").toString(), u"image/png"_qs);
        QCOMPARE(up.json.value(u"width").toInt(), 640);
        QCOMPARE(up.json.value(u"height").toInt(), 480);
        const QString thumbnailUrl = up.json.value(u"thumbnailUrl").toString();
        QCOMPARE(thumbnailUrl, u"/api/v1/uploads/"_qs + up.json.value(u"id").toString() + u"/thumbnail"_qs);

        const auto full = rest.get(up.json.value(u"url").toString(), m_ana.token);
        QCOMPARE(full.status, 200);
        QVERIFY(full.body == png);
        QCOMPARE(full.header("Content-Type"), QByteArray("image/png"));
        QVERIFY2(full.header("Content-Disposition").startsWith("inline"), full.header("Content-Disposition"));

        const auto thumb = rest.get(thumbnailUrl, m_ana.token);
        QCOMPARE(thumb.status, 200);
        QVERIFY(thumb.header("Content-Type").startsWith("image/"));
        QCOMPARE(thumb.header("X-Content-Type-Options"), QByteArray("nosniff"));
        const QImage small = QImage::fromData(thumb.body);
        QVERIFY(!small.isNull());
        QCOMPARE(small.width(), 320);
        QCOMPARE(small.height(), 240);
    }

    // Only the decoders the bytes' signature names run on an upload (common/imageguard.h); the rest are
    // files.
    void imagesTheServerDoesNotDecode_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("mime");
        QTest::addColumn<bool>("decoded");
        QImage image(40, 30, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        const auto encoded = [&image](const char *format) {
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            image.save(&buffer, format);
            return bytes;
        };
        QTest::newRow("bmp") << encoded("BMP") << u"image/bmp"_qs << true;
        QTest::newRow("ico") << encoded("ICO") << u"image/vnd.microsoft.icon"_qs << false;
        QTest::newRow("xpm") << encoded("XPM") << u"image/x-xpixmap"_qs << false;
        // What fuzz_upload found: libpng allocated the 2 GB this last chunk header claims.
        const QByteArray png = encoded("PNG");
        QTest::newRow("png ending in a chunk header")
            << png.left(png.size() - 12) + QByteArray::fromHex("77000025") + "tEXt" << u"image/png"_qs
            << false;
    }
    void imagesTheServerDoesNotDecode()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, mime);
        QFETCH(bool, decoded);
        QVERIFY(!bytes.isEmpty());
        RestClient rest(m_server);
        const auto up = rest.upload(m_ana, bytes, "picture");
        QCOMPARE(up.status, 201);
        QCOMPARE(up.json.value(u"mime").toString(), mime);
        QCOMPARE(up.json.value(u"width").isNull(), !decoded);
        QCOMPARE(up.json.value(u"thumbnailUrl").isNull(), !decoded);
        if (decoded)
            QCOMPARE(up.json.value(u"width").toInt(), 40);
        const auto down = rest.get(up.json.value(u"url").toString(), m_ana.token);
        QCOMPARE(down.status, 200);
        QVERIFY(down.body == bytes);
    }

    void htmlIsServedAsAttachment()
    {
        RestClient rest(m_server);
        const QByteArray html = "<!DOCTYPE html>\n<html><head><title>x</title></head>"
                                "<body><script>alert(document.cookie)</script></body></html>\n";
        // Named and declared as an image: neither makes it one.
        const auto up = rest.upload(m_ana, html, "cute.png", "image/png");
        QCOMPARE(up.status, 201);
        QCOMPARE(up.json.value(u"mime").toString(), u"text/html"_qs);
        QVERIFY(up.json.value(u"thumbnailUrl").isNull());
        const auto down = rest.get(up.json.value(u"url").toString(), m_ana.token);
        QCOMPARE(down.status, 200);
        QVERIFY(down.body == html);
        QCOMPARE(down.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QVERIFY2(
            down.header("Content-Disposition").startsWith("attachment"), down.header("Content-Disposition"));
        QVERIFY(!down.header("Content-Type").startsWith("image/"));
        QVERIFY(down.header("Content-Security-Policy").contains("sandbox"));
    }

private:
    TestServer m_server;
    TestAccount m_ana;
};

QTEST_GUILESS_MAIN(TestFileTypes)
#include "tst_filetypes.moc"
