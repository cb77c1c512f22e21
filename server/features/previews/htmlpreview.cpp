#include "features/previews/htmlpreview.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

namespace Natter::Server {

namespace HtmlPreview {
namespace {

    QString decodeEntities(const QString &text)
    {
        static const QRegularExpression entity(u"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});"_qs);
        static const QHash<QString, QString> named { { u"amp"_qs, u"&"_qs }, { u"lt"_qs, u"<"_qs },
            { u"gt"_qs, u">"_qs }, { u"quot"_qs, u"\""_qs }, { u"apos"_qs, u"'"_qs }, { u"nbsp"_qs, u" "_qs },
            { u"hellip"_qs, u"…"_qs }, { u"mdash"_qs, u"—"_qs }, { u"ndash"_qs, u"–"_qs } };
        QString out;
        qsizetype last = 0;
        auto it = entity.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            out += QStringView(text).mid(last, m.capturedStart() - last);
            last = m.capturedEnd();
            const QString body = m.captured(1);
            if (body.startsWith(u'#')) {
                bool ok = false;
                const uint code = body.startsWith(u"#x", Qt::CaseInsensitive) ? body.mid(2).toUInt(&ok, 16)
                                                                              : body.mid(1).toUInt(&ok, 10);
                if (ok && code > 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF)) {
                    const char32_t c = code;
                    out += QString::fromUcs4(&c, 1);
                }
            } else {
                out += named.value(body, m.captured(0));
            }
        }
        out += QStringView(text).mid(last);
        return out;
    }

    // Entities decoded, whitespace collapsed, control characters gone, at most MAX characters.
    QString clean(const QString &raw, int max)
    {
        QString text = decodeEntities(raw);
        text.removeIf(
            [](QChar c) { return c.category() == QChar::Other_Control && c != u'\n' && c != u'\t'; });
        text = text.simplified();
        if (text.size() > max) {
            text.truncate(max - 1);
            if (text.back().isHighSurrogate())
                text.chop(1);
            text = text.trimmed() + u'…';
        }
        return text;
    }

    QString decode(const QByteArray &html, const QByteArray &contentType)
    {
        static const QRegularExpression charset(
            u"charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)"_qs, QRegularExpression::CaseInsensitiveOption);
        QString name = charset.match(QString::fromLatin1(contentType)).captured(1);
        if (name.isEmpty())
            name = charset.match(QString::fromLatin1(html.left(4096))).captured(1);
        QStringDecoder decoder(name.isEmpty() ? "UTF-8" : qPrintable(name));
        if (!decoder.isValid())
            decoder = QStringDecoder(QStringDecoder::Utf8);
        return decoder.decode(html);
    }

} // namespace

QJsonObject parse(const QByteArray &html, const QByteArray &contentType, const QUrl &pageUrl)
{
    QString page = decode(html, contentType);
    // Everything a preview needs is in the head; the rest of a large page is not worth the regex time.
    const qsizetype headEnd = page.indexOf(u"</head", 0, Qt::CaseInsensitive);
    if (headEnd > 0)
        page.truncate(headEnd);

    static const QRegularExpression metaTag(
        u"<meta\\b([^>]*)>"_qs, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression attribute(
        u"([A-Za-z_:.-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))"_qs);
    static const QRegularExpression titleTag(u"<title[^>]*>(.*?)</title>"_qs,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    QHash<QString, QString> meta; // first value of each og:* property and named meta
    auto tags = metaTag.globalMatch(page);
    while (tags.hasNext()) {
        const QString attributes = tags.next().captured(1);
        QString key, content;
        auto attrs = attribute.globalMatch(attributes);
        while (attrs.hasNext()) {
            const auto a = attrs.next();
            const QString name = a.captured(1).toLower();
            const QString value = a.hasCaptured(2) ? a.captured(2)
                : a.hasCaptured(3)                 ? a.captured(3)
                                                   : a.captured(4);
            if (name == u"property" || name == u"name")
                key = value.trimmed().toLower();
            else if (name == u"content")
                content = value;
        }
        if (!key.isEmpty() && !meta.contains(key))
            meta.insert(key, content);
    }

    QString title = clean(meta.value(u"og:title"_qs), MaxTitleChars);
    if (title.isEmpty())
        title = clean(titleTag.match(page).captured(1), MaxTitleChars);
    QString description = clean(meta.value(u"og:description"_qs), MaxDescriptionChars);
    if (description.isEmpty())
        description = clean(meta.value(u"description"_qs), MaxDescriptionChars);
    if (title.isEmpty() && description.isEmpty())
        return {};

    QJsonValue imageUrl(QJsonValue::Null);
    const QString image = decodeEntities(meta.value(u"og:image"_qs)).trimmed();
    if (!image.isEmpty()) {
        const QUrl resolved = pageUrl.resolved(QUrl(image));
        const QString text = resolved.toString(QUrl::FullyEncoded);
        if (resolved.isValid() && (resolved.scheme() == u"http" || resolved.scheme() == u"https")
            && !resolved.host().isEmpty() && text.size() <= MaxUrlChars)
            imageUrl = text;
    }
    const QJsonValue null(QJsonValue::Null);
    return { { u"title"_qs, title.isEmpty() ? null : QJsonValue(title) },
        { u"description"_qs, description.isEmpty() ? null : QJsonValue(description) },
        { u"imageUrl"_qs, imageUrl } };
}

QUrl firstUrl(const QString &text)
{
    // Most messages have no link: a plain search spares them the regular expression, which every message
    // passes through on the send path.
    if (!text.contains(u"://"))
        return {};
    static const QRegularExpression link(
        u"\\bhttps?://[^\\s<>\"'`]+"_qs, QRegularExpression::CaseInsensitiveOption);
    auto it = link.globalMatch(text);
    while (it.hasNext()) {
        QString candidate = it.next().captured(0);
        // "see https://example.com/a." ends the sentence, not the URL.
        while (!candidate.isEmpty() && QStringView(u".,;:!?)]}").contains(candidate.back()))
            candidate.chop(1);
        if (candidate.size() > MaxUrlChars)
            continue;
        const QUrl url(candidate, QUrl::StrictMode);
        if (url.isValid() && !url.host().isEmpty())
            return url;
    }
    return {};
}

} // namespace HtmlPreview

} // namespace Natter::Server
