#pragma once

#include "features/previews/previewfetch.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

namespace Natter::Server {

class MessageService;

// Link previews, off the hot path: for each new message with an http(s) URL, fetch the first one
// (PreviewFetch: public addresses only, time and size limits), and store what it gives as the message's
// `preview`, which sends `message.updated`. A page that gives nothing leaves the message as it was. A few
// fetches run at once; the rest wait in a bounded queue (past it, new links get no preview).
class LinkPreviewer : public QObject
{
    Q_OBJECT
public:
    LinkPreviewer(MessageService &messages, PreviewFetch::Options options, QObject *parent = nullptr);

    void onMessageStored(qint64 messageId, qint64 channelId, const QString &text);

private:
    struct Pending
    {
        qint64 messageId;
        QUrl url;
    };
    void startNext();

    MessageService &m_messages;
    PreviewFetch::Options m_options;
    QNetworkAccessManager m_nam;
    QList<Pending> m_queue;
    int m_running = 0;
};

} // namespace Natter::Server
