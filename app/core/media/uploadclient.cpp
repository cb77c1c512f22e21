#include "media/uploadclient.h"
#include "logging.h"
#include "net/apiclient.h"

#include <common/protocol/codec.h>
#include <common/protocol/error.h>
#include <common/protocol/keys.h>
#include <common/protocol/rest.h>
#include <common/protocollimits.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>

namespace Natter::Client {

Upload::Upload(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(filePath)
    , m_fileName(QFileInfo(filePath).fileName())
    , m_size(QFileInfo(filePath).size())
{
}

void Upload::cancel()
{
    if (m_done) return;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    fail(Error::Cancelled, tr("Upload of “%1” cancelled.").arg(m_fileName));
}

void Upload::fail(Error error, const QString &message)
{
    if (m_done) return;
    m_done = true;
    m_error = error;
    if (m_file) m_file->close();
    qCInfo(lcApi) << "upload failed" << m_fileName << message;
    emit failed(error, message);
    deleteLater();
}

UploadClient::UploadClient(QNetworkAccessManager *nam, ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_api(api)
    , m_maxBytes(Limits::DefaultUploadBytes)
{
}

QString UploadClient::formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QList<Upload *> UploadClient::active() const
{
    QList<Upload *> out;
    for (Upload *u : findChildren<Upload *>(Qt::FindDirectChildrenOnly))
        if (!u->isDone()) out.append(u);
    return out;
}

Upload *UploadClient::start(const QString &filePath)
{
    auto *upload = new Upload(filePath, this);
    const auto failSoon = [upload](Upload::Error error, const QString &message) {
        // Queued, so that the caller can connect first; isDone() already tells.
        upload->m_done = true;
        upload->m_error = error;
        QTimer::singleShot(0, upload, [upload, error, message] {
            upload->m_done = false;
            upload->fail(error, message);
        });
        return upload;
    };
    const QFileInfo info(filePath);
    if (!info.isFile() || !info.isReadable())
        return failSoon(Upload::Error::Unreadable, tr("Cannot read “%1”.").arg(upload->m_fileName));
    if (info.size() == 0)
        return failSoon(Upload::Error::Unreadable, tr("“%1” is empty.").arg(upload->m_fileName));
    if (info.size() > m_maxBytes)
        return failSoon(Upload::Error::TooLarge,
            tr("“%1” is %2; the server accepts files up to %3.")
                .arg(upload->m_fileName, formatSize(info.size()), formatSize(m_maxBytes)));

    upload->m_file = new QFile(filePath, upload);
    if (!upload->m_file->open(QIODevice::ReadOnly))
        return failSoon(Upload::Error::Unreadable, tr("Cannot read “%1”.").arg(upload->m_fileName));

    QUrl url = m_api->baseUrl();
    url.setPath(Wire::Rest::uploadsPath());
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QMimeDatabase().mimeTypeForFile(info).name());
    request.setHeader(QNetworkRequest::ContentLengthHeader, info.size());
    request.setRawHeader(Wire::Rest::FilenameHeader, QUrl::toPercentEncoding(upload->m_fileName));
    request.setRawHeader("Authorization", "Bearer " + m_api->token().toUtf8());
    QNetworkReply *reply = m_nam->post(request, upload->m_file);
    upload->m_reply = reply;
    qCDebug(lcApi) << "upload" << upload->m_fileName << info.size();

    connect(reply, &QNetworkReply::uploadProgress, upload, [upload](qint64 sent, qint64 total) {
        if (upload->m_done || total <= 0) return;
        upload->m_sent = sent;
        emit upload->progress(sent, total);
    });
    connect(reply, &QNetworkReply::finished, upload, [this, upload, reply] {
        reply->deleteLater();
        if (upload->m_done) return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        if (status == 201) {
            if (const auto attachment = Wire::decode<Wire::Attachment>(json)) {
                upload->m_done = true;
                upload->m_sent = upload->m_size;
                upload->m_file->close();
                emit upload->progress(upload->m_size, upload->m_size);
                emit upload->finished(*attachment);
                upload->deleteLater();
                return;
            }
            upload->fail(Upload::Error::Refused, tr("The server's answer to the upload could not be read."));
            return;
        }
        if (status == 413) {
            upload->fail(Upload::Error::TooLarge,
                tr("“%1” is %2, more than the server accepts.")
                    .arg(upload->m_fileName, formatSize(upload->m_size)));
            // Our limit was too generous: remember the server's as at most this file's size.
            m_maxBytes = std::min(m_maxBytes, upload->m_size - 1);
            return;
        }
        if (status == 0) {
            upload->fail(Upload::Error::Network,
                tr("Cannot reach the server to upload “%1”: %2").arg(upload->m_fileName, reply->errorString()));
            return;
        }
        QString message;
        if (const auto error = Wire::decode<Wire::Error>(json.value(Wire::Key::Error).toObject()))
            message = error->message;
        upload->fail(Upload::Error::Refused,
            message.isEmpty() ? tr("The server refused “%1” (HTTP %2).").arg(upload->m_fileName).arg(status)
                              : tr("The server refused “%1”: %2").arg(upload->m_fileName, message));
    });
    emit uploadStarted(upload);
    return upload;
}

} // namespace Natter::Client
