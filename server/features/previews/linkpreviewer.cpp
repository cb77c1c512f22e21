#include "features/previews/linkpreviewer.h"
#include "features/previews/htmlpreview.h"
#include "logging.h"
#include "services/messageservice.h"

#include <QNetworkProxy>

namespace Natter::Server {

namespace {
constexpr int MaxRunning = 4;
constexpr qsizetype MaxQueued = 200;
} // namespace

LinkPreviewer::LinkPreviewer(MessageService &messages, PreviewFetch::Options options, QObject *parent)
    : QObject(parent)
    , m_messages(messages)
    , m_options(options)
{
    // Requests go to the address PreviewFetch checked, never through a proxy that would resolve the name
    // again.
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

void LinkPreviewer::onMessageStored(qint64 messageId, qint64 /*channelId*/, const QString &text)
{
    const QUrl url = HtmlPreview::firstUrl(text);
    if (!url.isValid())
        return;
    if (m_queue.size() >= MaxQueued) {
        qCInfo(lcPreview) << "preview queue full; no preview for message" << messageId;
        return;
    }
    m_queue.append({ messageId, url });
    startNext();
}

void LinkPreviewer::startNext()
{
    while (m_running < MaxRunning && !m_queue.isEmpty()) {
        const Pending next = m_queue.takeFirst();
        ++m_running;
        auto *fetch = new PreviewFetch(m_nam, next.url, m_options, this);
        const qint64 messageId = next.messageId;
        connect(fetch, &PreviewFetch::finished, this, [this, fetch, messageId](const QJsonObject &preview) {
            fetch->deleteLater();
            --m_running;
            if (!preview.isEmpty() && m_messages.setPreview(messageId, preview))
                qCInfo(lcPreview) << "preview stored for message" << messageId;
            startNext();
        });
        fetch->start();
    }
}

} // namespace Natter::Server
