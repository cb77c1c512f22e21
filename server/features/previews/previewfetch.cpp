#include "features/previews/previewfetch.h"
#include "features/previews/htmlpreview.h"
#include "logging.h"

#include <QHostInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtConcurrentRun>

namespace Natter::Server {

namespace {
bool inAny(const QHostAddress &a, std::initializer_list<const char *> subnets)
{
    for (const char *s : subnets)
        if (a.isInSubnet(QHostAddress::parseSubnet(QString::fromLatin1(s))))
            return true;
    return false;
}

QHostAddress embeddedIPv4(const Q_IPV6ADDR &v6, int offset)
{
    return QHostAddress(quint32(v6[offset]) << 24 | quint32(v6[offset + 1]) << 16
        | quint32(v6[offset + 2]) << 8 | quint32(v6[offset + 3]));
}
} // namespace

PreviewFetch::PreviewFetch(QNetworkAccessManager &nam, const QUrl &url, Options options, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_original(url)
    , m_url(url)
    , m_options(options)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { fail("timed out"); });
}

void PreviewFetch::start()
{
    m_deadline.start(m_options.timeoutMs);
    resolve();
}

bool PreviewFetch::isPublic(const QHostAddress &input)
{
    QHostAddress a = input;
    bool mapped = false;
    const quint32 v4 = a.toIPv4Address(&mapped); // also unwraps ::ffff:a.b.c.d
    if (mapped)
        a = QHostAddress(v4);
    if (a.isNull() || a.isLoopback() || a.isLinkLocal() || a.isSiteLocal() || a.isUniqueLocalUnicast()
        || a.isMulticast() || a.isBroadcast() || !a.isGlobal())
        return false;
    if (a.protocol() == QAbstractSocket::IPv4Protocol)
        return !inAny(a,
            { "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
                "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
                "203.0.113.0/24", "224.0.0.0/3" });
    const Q_IPV6ADDR v6 = a.toIPv6Address();
    // NAT64 and 6to4 carry an IPv4 address inside: judge that one.
    if (inAny(a, { "64:ff9b::/96" }))
        return isPublic(embeddedIPv4(v6, 12));
    if (inAny(a, { "2002::/16" }))
        return isPublic(embeddedIPv4(v6, 2));
    return !inAny(a,
        { "::/96", "::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8", "100::/64",
            "2001:db8::/32", "2001::/32" });
}

void PreviewFetch::resolve()
{
    if (m_url.scheme() != u"http" && m_url.scheme() != u"https")
        return fail("not http(s)");
    const QHostAddress literal(m_url.host());
    if (!literal.isNull())
        return fetch(literal);
    m_lookupId = QHostInfo::lookupHost(m_url.host(), this, [this](const QHostInfo &info) {
        m_lookupId = -1;
        if (m_done)
            return;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
            return fail("host not found");
        // Every address must pass: otherwise a host could list a public address next to a private one.
        for (const QHostAddress &a : info.addresses())
            if (!m_options.allowPrivate && !isPublic(a))
                return fail("refused: the host has a non-public address");
        fetch(info.addresses().constFirst());
    });
}

void PreviewFetch::fetch(const QHostAddress &address)
{
    if (!m_options.allowPrivate && !isPublic(address))
        return fail("refused: non-public address");
    QUrl target = m_url;
    target.setHost(address.toString());
    QNetworkRequest request(target);
    QByteArray host = m_url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (m_url.port() != -1)
        host += ':' + QByteArray::number(m_url.port());
    request.setRawHeader("Host", host);
    if (m_url.scheme() == u"https")
        request.setPeerVerifyName(m_url.host());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setHeader(
        QNetworkRequest::UserAgentHeader, QByteArrayLiteral("NatterLinkPreview/1 (+chat link previews)"));
    request.setRawHeader("Accept", "text/html,application/xhtml+xml;q=0.9");
    // A pooled connection would be keyed by the address alone.
    request.setRawHeader("Connection", "close");
    // HTTP/2 would take its :authority from the URL, which holds the address, not the host.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    m_body.clear();
    m_reply = m_nam.get(request);
    m_reply->setReadBufferSize(64 * 1024);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &PreviewFetch::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &PreviewFetch::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &PreviewFetch::onReplyFinished);
}

void PreviewFetch::onMetaData()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300 && status < 400) {
        const QUrl location = QUrl::fromEncoded(m_reply->rawHeader("Location"));
        dropReply();
        if (location.isEmpty())
            return fail("redirect without Location");
        if (++m_redirects > m_options.maxRedirects)
            return fail("too many redirects");
        m_url = m_url.resolved(location);
        return resolve();
    }
    if (status < 200 || status >= 300)
        return fail("not a success status");
    m_contentType = m_reply->rawHeader("Content-Type");
    const QByteArray type = m_contentType.split(';').first().trimmed().toLower();
    if (type != "text/html" && type != "application/xhtml+xml")
        return fail("not text/html");
}

void PreviewFetch::onReadyRead()
{
    if (!m_reply)
        return;
    m_body += m_reply->read(m_options.maxBytes - m_body.size() + 1);
    if (m_body.size() > m_options.maxBytes) {
        // The head is what matters; a page past the limit is read no further and parsed as far as it came.
        m_body.truncate(m_options.maxBytes);
        dropReply();
        parse();
    }
}

void PreviewFetch::onReplyFinished()
{
    if (!m_reply)
        return;
    if (m_reply->error() != QNetworkReply::NoError) {
        qCDebug(lcPreview) << m_reply->errorString();
        dropReply();
        return fail("network error");
    }
    onReadyRead();
    if (!m_reply)
        return;
    dropReply();
    parse();
}

void PreviewFetch::parse()
{
    if (m_done)
        return;
    m_deadline.stop();
    QtConcurrent::run(&HtmlPreview::parse, m_body, m_contentType, m_url)
        .then(this, [this](const QJsonObject &preview) {
            if (preview.isEmpty())
                return fail("no title or description");
            QJsonObject out = preview;
            out.insert(u"url"_qs, m_original.toString(QUrl::FullyEncoded));
            done(out);
        });
}

void PreviewFetch::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    reply->abort();
    reply->deleteLater();
}

void PreviewFetch::fail(const char *why)
{
    qCInfo(lcPreview) << "no preview for" << m_original.toString() << "-" << why;
    done({});
}

void PreviewFetch::done(const QJsonObject &preview)
{
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    if (m_lookupId != -1)
        QHostInfo::abortHostLookup(m_lookupId);
    dropReply();
    Q_EMIT finished(preview);
}

} // namespace Natter::Server
