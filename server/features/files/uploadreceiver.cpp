#include "features/files/uploadreceiver.h"
#include "services/authservice.h"
#include "features/files/fileservice.h"
#include "logging.h"

#include <common/protocol/codec.h>
#include <common/protocol/keys.h>
#include <common/snowflake.h>

#include <QHash>
#include <QJsonDocument>
#include <QStringDecoder>
#include <QTcpSocket>
#include <QtConcurrentRun>

namespace Natter::Server {

namespace {
constexpr qint64 ReadBufferBytes = 256 * 1024;
constexpr qint64 ChunkBytes = 64 * 1024;
constexpr int IdleTimeoutMs = 30'000;
constexpr int MaxNameChars = 255;

QHash<QByteArray, QByteArray> parseHeaders(const QByteArray &head)
{
    QHash<QByteArray, QByteArray> out;
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            out.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    return out;
}

bool isControl(char32_t c)
{
    // C0, DEL, C1, and the bidirectional overrides that make "exe.txt" look like "txt.exe".
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
}
} // namespace

UploadReceiver::UploadReceiver(QTcpSocket *socket, const QByteArray &header, FileService &files)
    : QObject(socket)
    , m_socket(socket)
    , m_files(files)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(IdleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        qCInfo(lcFiles) << "upload from" << m_socket->peerAddress().toString() << "stalled; dropped";
        discardFiles();
        m_socket->abort();
    });
    start(header);
}

UploadReceiver::~UploadReceiver()
{
    if (m_counted)
        m_files.endUpload(m_userId);
    // Gone before the answer (the client hung up): nothing of it stays on disk. While the pool still works on
    // the file, the continuation cleans up instead (see finishBody()).
    if (!m_answered && m_file.isOpen())
        discardFiles();
}

std::optional<QString> UploadReceiver::sanitiseName(const QByteArray &header, QString *problem)
{
    const QByteArray bytes = QByteArray::fromPercentEncoding(header);
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString name = utf8.decode(bytes);
    if (utf8.hasError()) {
        *problem = u"X-Filename is not URL-encoded UTF-8"_qs;
        return std::nullopt;
    }
    for (char32_t c : name.toUcs4()) {
        if (isControl(c)) {
            *problem = u"X-Filename contains control characters"_qs;
            return std::nullopt;
        }
    }
    // Only the last path component counts; the name is never used in a path on this server anyway.
    name = name.mid(qMax(name.lastIndexOf(u'/'), name.lastIndexOf(u'\\')) + 1).trimmed();
    if (name.isEmpty() || name == u"." || name == u"..") {
        *problem = u"X-Filename must name a file"_qs;
        return std::nullopt;
    }
    if (name.size() > MaxNameChars) {
        *problem = u"X-Filename is longer than %1 characters"_qs.arg(MaxNameChars);
        return std::nullopt;
    }
    return name;
}

void UploadReceiver::start(const QByteArray &header)
{
    // Reading stops when this much is buffered and the file has not taken it yet: memory stays bounded.
    m_socket->setReadBufferSize(ReadBufferBytes);
    const auto headers = parseHeaders(header);
    // With Expect: 100-continue the body only comes after "100 Continue", so a refusal can be answered at
    // once.
    m_expectsContinue = headers.value("expect").toLower() == "100-continue";
    const QByteArray authorization = headers.value("authorization");
    m_userId = authorization.startsWith("Bearer ")
        ? m_files.auth().authenticate(authorization.mid(7).trimmed())
        : 0;
    if (!m_userId)
        return fail(Wire::Error::unauthorized());
    bool ok = false;
    m_length = headers.value("content-length").toLongLong(&ok);
    if (!ok) {
        m_length = 0;
        return fail(Wire::Error::badRequest(u"send the file's size in Content-Length"_qs));
    }
    if (m_length > m_files.maxUploadBytes())
        return fail({ Wire::ErrorCode::PayloadTooLarge,
            u"the file is larger than %1 bytes"_qs.arg(m_files.maxUploadBytes()) });
    if (m_length == 0)
        return fail(Wire::Error::badRequest(u"the file is empty"_qs));
    if (!headers.contains("x-filename"))
        return fail(Wire::Error::badRequest(u"send the file's name in X-Filename (URL-encoded)"_qs));
    QString problem;
    const auto name = sanitiseName(headers.value("x-filename"), &problem);
    if (!name)
        return fail(Wire::Error::badRequest(problem));
    m_name = *name;

    if (!m_files.beginUpload(m_userId))
        return fail(Wire::Error::rateLimited(1000));
    m_counted = true;

    m_id = m_files.nextId();
    m_file.setFileName(m_files.stagingPath(m_id));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        qCWarning(lcFiles) << "cannot create" << m_file.fileName() << m_file.errorString();
        return fail(Wire::Error::internal(u"the file could not be stored"_qs));
    }
    if (m_expectsContinue) {
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        m_expectsContinue = false; // the body comes now; a later refusal waits for it like any other
    }
    connect(m_socket, &QTcpSocket::readyRead, this, &UploadReceiver::onReadyRead);
    m_idle.start();
    onReadyRead(); // the head's packet may have carried the start of the body
}

void UploadReceiver::onReadyRead()
{
    while (m_received < m_length && m_socket->bytesAvailable() > 0) {
        const QByteArray chunk = m_socket->read(qMin(ChunkBytes, m_length - m_received));
        if (chunk.isEmpty())
            break;
        m_received += chunk.size();
        // After an early answer the body is only drained, so that the client reads the answer, not a reset.
        if (!m_answered && m_file.write(chunk) != chunk.size()) {
            qCWarning(lcFiles) << "cannot write" << m_file.fileName() << m_file.errorString();
            discardFiles();
            return fail(Wire::Error::internal(u"the file could not be stored"_qs));
        }
    }
    m_idle.start();
    if (m_received < m_length)
        return;
    disconnect(m_socket, &QTcpSocket::readyRead, this, &UploadReceiver::onReadyRead);
    m_idle.stop();
    if (m_answered) {
        m_socket->write(std::exchange(m_deferred, {}));
        close();
    } else
        finishBody();
}

void UploadReceiver::finishBody()
{
    if (!m_file.flush()) {
        discardFiles();
        return fail(Wire::Error::internal(u"the file could not be stored"_qs));
    }
    m_file.close();
    FileService *files = &m_files;
    FileService::Upload received;
    received.id = m_id;
    received.uploaderId = m_userId;
    received.name = m_name;
    received.size = m_received;
    const QPointer<UploadReceiver> self(this);
    // The blob store's put may take a while (an fsync; for a remote store, the transfer): the pool does it.
    QtConcurrent::run(&m_files.pool(), [blobs = &m_files.blobs(), received] {
        return FileService::prepare(*blobs, received);
    }).then(files, [self, files](const std::optional<FileService::Upload> &upload) {
        if (!upload) {
            if (self)
                self->fail(Wire::Error::internal(u"the file could not be stored"_qs));
            return;
        }
        if (!self) // the client left while the pool worked: nothing of its upload stays
            return files->discard(*upload);
        const auto attachment = files->store(*upload);
        if (!attachment)
            return self->fail(Wire::Error::internal(u"the file could not be stored"_qs));
        qCInfo(lcFiles) << "stored upload" << upload->id << upload->mime << upload->size << "bytes";
        self->answer(201, Wire::encode(*attachment));
    });
}

namespace {
QByteArray errorBody(const Wire::Error &error)
{
    JsonWriter w;
    error.write(w.beginObject().key(Wire::Key::Error));
    w.endObject();
    return w.take();
}
} // namespace

void UploadReceiver::fail(const Wire::Error &error)
{
    qCInfo(lcFiles) << "upload refused:" << error.message;
    answer(Wire::httpStatus(error.code),
        errorBody(error));
}

void UploadReceiver::answer(int status, const QByteArray &json)
{
    if (m_answered)
        return;
    m_answered = true;
    if (std::exchange(m_counted, false))
        m_files.endUpload(m_userId);
    static const QHash<int, QByteArray> reasons { { 201, "Created" }, { 400, "Bad Request" },
        { 401, "Unauthorized" }, { 413, "Payload Too Large" }, { 429, "Too Many Requests" },
        { 500, "Internal Server Error" } };
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasons.value(status, "Error")
        + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(json.size()) + "\r\n";
    if (status == 401)
        head += "WWW-Authenticate: Bearer\r\n";
    if (status == 429)
        head += "Retry-After: 1\r\n";
    const QByteArray response = head + "\r\n" + json;
    m_idle.stop();
    if (!m_expectsContinue && m_received < m_length && m_length <= m_files.maxUploadBytes()) {
        // Clients that send the whole body before they read (QNetworkAccessManager among them) would see a
        // reset instead of this answer: read the rest of the declared body first, storing nothing, then
        // answer.
        m_deferred = response;
        m_idle.start();
        connect(m_socket, &QTcpSocket::readyRead, this, &UploadReceiver::onReadyRead, Qt::UniqueConnection);
        onReadyRead();
        return;
    }
    m_socket->write(response);
    close();
}

void UploadReceiver::close()
{
    // The answer says Connection: close, so the client hangs up once it has read it. Closing first would race
    // a client that has not read it yet, and most clients (QNetworkAccessManager, browsers) read only after
    // sending their whole body: they would report a reset instead of, say, the 413. So whatever still comes
    // is discarded (read and dropped, never stored) until the client hangs up, goes quiet, sends more than it
    // declared, or takes too long.
    QTcpSocket *socket = m_socket;
    const qint64 allowance = qMax<qint64>(0, m_length - m_received) + 64 * 1024;
    auto *quiet = new QTimer(socket);
    quiet->setSingleShot(true);
    quiet->setInterval(5'000);
    connect(quiet, &QTimer::timeout, socket, [socket] { socket->disconnectFromHost(); });
    quiet->start();
    connect(
        socket, &QTcpSocket::readyRead, socket, [socket, quiet, discarded = qint64(0), allowance]() mutable {
            discarded += socket->skip(socket->bytesAvailable());
            if (discarded > allowance)
                socket->abort();
            else
                quiet->start();
        });
    QTimer::singleShot(120'000, socket, [socket] { socket->abort(); });
}

void UploadReceiver::discardFiles()
{
    m_file.close();
    m_files.discardStaged(m_id);
}

} // namespace Natter::Server
