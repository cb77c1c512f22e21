#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Natter::Server {

// One link preview fetch: resolve the host, refuse addresses that are not public (unless allowed), GET the
// page from the checked address itself (so a second DNS answer cannot point elsewhere), follow a few
// redirects by hand, each checked the same way, read at most a size limit of text/html within a time limit,
// and parse it on the pool. Emits finished() exactly once; the preview is empty when the page gave none or
// failed.
class PreviewFetch : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool allowPrivate = false;
        int timeoutMs = 5000;
        qint64 maxBytes = 1024 * 1024;
        int maxRedirects = 3;
    };

    PreviewFetch(QNetworkAccessManager &nam, const QUrl &url, Options options, QObject *parent = nullptr);
    void start();

    // Whether ADDRESS may be fetched from: not loopback, private, link-local, unspecified, multicast,
    // reserved, and not one of those wrapped in IPv6 (::ffff:127.0.0.1, 64:ff9b::/96, 6to4).
    static bool isPublic(const QHostAddress &address);

Q_SIGNALS:
    void finished(const QJsonObject &preview);

private:
    void resolve();
    void fetch(const QHostAddress &address);
    void onMetaData();
    void onReadyRead();
    void onReplyFinished();
    void parse();
    void fail(const char *why);
    void done(const QJsonObject &preview);
    void dropReply();

    QNetworkAccessManager &m_nam;
    QUrl m_original;
    QUrl m_url;
    Options m_options;
    QTimer m_deadline;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    QByteArray m_contentType;
    int m_redirects = 0;
    int m_lookupId = -1;
    bool m_done = false;
};

} // namespace Natter::Server
