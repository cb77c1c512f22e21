// ImageGuard: which decoder may read bytes somebody else chose (common/imageguard.h).
#include <common/imageguard.h>

#include <QBuffer>
#include <QImage>
#include <QTest>
#include <QtEndian>

using namespace Natter;

namespace {
QByteArray encoded(const char *format)
{
    QImage image(3, 2, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format))
        qFatal("cannot encode %s", format);
    return bytes;
}

QByteArray pngWithoutIend()
{
    const QByteArray png = encoded("PNG");
    Q_ASSERT(png.endsWith(QByteArray("IEND") + QByteArray::fromHex("ae426082")));
    return png.left(png.size() - 12);
}

QByteArray chunkHead(quint32 length, const char *type)
{
    QByteArray head(4, '\0');
    qToBigEndian(length, head.data());
    return head + type;
}

QByteArray guard(const QByteArray &bytes)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    const QByteArray format = ImageGuard::decoderFor(&buffer);
    if (buffer.pos() != 0)
        qFatal("the device was not left at its start");
    return format;
}
} // namespace

class TestImageGuard : public QObject
{
    Q_OBJECT
private slots:
    void decoders_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("decoder");
        const QByteArray iend = chunkHead(0, "IEND") + QByteArray::fromHex("ae426082");
        QTest::newRow("png") << encoded("PNG") << QByteArray("png");
        QTest::newRow("jpeg") << encoded("JPEG") << QByteArray("jpeg");
        QTest::newRow("bmp") << encoded("BMP") << QByteArray("bmp");
        QTest::newRow("gif") << QByteArray::fromHex(
            "47494638396101000100800000ffffff0000002c00000000010001000002024401003b")
                             << QByteArray("gif");
        QTest::newRow("webp") << QByteArray("RIFF\x1a\0\0\0WEBPVP8L", 16) + QByteArray(14, '\0')
                              << QByteArray("webp");
        // libpng allocates what a chunk's length claims before reading it (fuzz_upload found both).
        QTest::newRow("png chunk longer than the file")
            << pngWithoutIend() + chunkHead(0x77000025, "tEXt") + "abc" << QByteArray();
        QTest::newRow("png ending in a chunk header")
            << pngWithoutIend() + chunkHead(0x77000025, "tEXt") << QByteArray();
        QTest::newRow("png without IEND") << pngWithoutIend() << QByteArray();
        QTest::newRow("png with bytes after IEND") << encoded("PNG") + "trailing" << QByteArray("png");
        QTest::newRow("png signature only") << QByteArray("\x89PNG\r\n\x1a\n", 8) << QByteArray();
        QTest::newRow("png short chunk before IEND") << pngWithoutIend() + chunkHead(2, "tEXt") + "ab"
                + QByteArray(4, '\0') + iend << QByteArray("png");
        // Decoders Qt has but that do not read what users send.
        QTest::newRow("ppm") << encoded("PPM") << QByteArray();
        QTest::newRow("xpm") << encoded("XPM") << QByteArray();
        QTest::newRow("xbm") << encoded("XBM") << QByteArray();
        QTest::newRow("ico") << QByteArray::fromHex("000001000100") + QByteArray(16, '\1') << QByteArray();
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("text") << QByteArray("hello") << QByteArray();
    }
    void decoders()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, decoder);
        QCOMPARE(guard(bytes), decoder);
    }

    void streamsAndClosedDevicesAreRefused()
    {
        QCOMPARE(ImageGuard::decoderFor(nullptr), QByteArray());
        QByteArray png = encoded("PNG");
        QBuffer closed(&png);
        QCOMPARE(ImageGuard::decoderFor(&closed), QByteArray());
        // Open, and a PNG, but sequential: there is no size to check the chunks against.
        struct Stream : QBuffer
        {
            using QBuffer::QBuffer;
            bool isSequential() const override { return true; }
        };
        Stream stream(&png);
        QVERIFY(stream.open(QIODevice::ReadOnly));
        QCOMPARE(ImageGuard::decoderFor(&stream), QByteArray());
    }

    void mimeTypes()
    {
        QCOMPARE(ImageGuard::decoderForMime(u"image/png"_qs), QByteArray("png"));
        QCOMPARE(ImageGuard::decoderForMime(u"image/jpeg"_qs), QByteArray("jpeg"));
        QCOMPARE(ImageGuard::decoderForMime(u"image/gif"_qs), QByteArray("gif"));
        QCOMPARE(ImageGuard::decoderForMime(u"image/webp"_qs), QByteArray("webp"));
        QCOMPARE(ImageGuard::decoderForMime(u"image/bmp"_qs), QByteArray("bmp"));
        QCOMPARE(ImageGuard::decoderForMime(u"image/vnd.microsoft.icon"_qs), QByteArray());
        QCOMPARE(ImageGuard::decoderForMime(u"image/x-xpixmap"_qs), QByteArray());
        QCOMPARE(ImageGuard::decoderForMime(u"text/plain"_qs), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestImageGuard)
#include "tst_imageguard.moc"
