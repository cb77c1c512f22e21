#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QUrl>

namespace Natter::Server {

// Reading a link preview out of an HTML page. Pure functions: they run on a pool thread.
namespace HtmlPreview {
inline constexpr int MaxTitleChars = 200;
inline constexpr int MaxDescriptionChars = 500;
inline constexpr int MaxUrlChars = 2048;

// {title, description, imageUrl} from the page's OpenGraph tags (og:title, og:description, og:image), falling
// back to <title> and <meta name="description">; absent values are null. An empty object when the page has
// neither a title nor a description. CONTENTTYPE's charset (or the page's <meta charset>) decodes the bytes;
// PAGEURL resolves a relative og:image.
QJsonObject parse(const QByteArray &html, const QByteArray &contentType, const QUrl &pageUrl);

// The first http(s) URL in TEXT, without trailing punctuation; an invalid QUrl when there is none.
QUrl firstUrl(const QString &text);
} // namespace HtmlPreview

} // namespace Natter::Server
