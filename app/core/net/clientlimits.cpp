#include "net/clientlimits.h"
#include "logging.h"

#include <QNetworkReply>

namespace Natter::Client::ClientLimits {

void limitReplySize(QNetworkReply *reply, qint64 maxBytes)
{
    const auto check = [reply, maxBytes](qint64 received, qint64 total) {
        if (received > maxBytes || total > maxBytes) {
            qCWarning(lcApi) << "aborting an answer larger than" << maxBytes
                             << "bytes:" << reply->url().path();
            reply->abort();
        }
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply,
        [reply, check] { check(0, reply->header(QNetworkRequest::ContentLengthHeader).toLongLong()); });
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, check);
}

} // namespace Natter::Client::ClientLimits
