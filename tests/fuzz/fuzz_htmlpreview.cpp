// libFuzzer target: the link preview's HTML reader (server/features/previews/htmlpreview) on a fetched page.
// The first line of the input is the Content-Type header the page came with; the rest is the body. Also the
// URL finder that decides which link of a message gets a preview.
#include "features/previews/htmlpreview.h"

#include <QJsonValue>

#include <cstdint>
#include <cstdlib>

using namespace Natter::Server;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArray data = QByteArray::fromRawData(reinterpret_cast<const char *>(bytes), qsizetype(size));
    const qsizetype newline = data.indexOf('\n');
    const QByteArray contentType = newline < 0 ? QByteArray() : data.left(newline);
    const QByteArray html = newline < 0 ? data : data.mid(newline + 1);
    static const QUrl page(QStringLiteral("https://example.org/a/page.html"));
    const QJsonObject preview = HtmlPreview::parse(html, contentType, page);
    // The limits are promises to every client that renders a preview.
    if (preview.value(u"title").toString().size() > HtmlPreview::MaxTitleChars * 2
        || preview.value(u"description").toString().size() > HtmlPreview::MaxDescriptionChars * 2
        || preview.value(u"imageUrl").toString().size() > HtmlPreview::MaxUrlChars)
        abort();
    const QString image = preview.value(u"imageUrl").toString();
    if (!image.isEmpty() && !image.startsWith(u"https://") && !image.startsWith(u"http://"))
        abort(); // javascript:, data: or file: must never come out as an image to load
    const QUrl url = HtmlPreview::firstUrl(QString::fromUtf8(data));
    if (url.isValid() && url.scheme() != u"http" && url.scheme() != u"https")
        abort();
    return 0;
}
