#include "transport/http/requesthead.h"

#include <QList>

namespace Natter::Server {

RequestHead RequestHead::parse(const QByteArray &head)
{
    RequestHead out;
    const QList<QByteArray> lines = head.split('\n');
    out.requestLine = lines.value(0).trimmed();
    out.target = out.requestLine.split(' ').value(1);
    bool sawContentLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            out.contentLength = value.toLongLong(&ok);
            if (!ok || out.contentLength < 0 || sawContentLength) {
                out.problem = Problem::BadContentLength;
                return out;
            }
            sawContentLength = true;
        } else if (name == "transfer-encoding" && value.toLower() != "identity") {
            out.problem = Problem::Chunked;
            return out;
        } else if (name == "upgrade") {
            out.upgrade = true;
        } else if (name == "connection" && value.toLower().contains("upgrade")) {
            out.connectionUpgrade = true;
        } else if (name == "origin") {
            out.origin = out.hasOrigin ? QByteArray() : value;
            out.hasOrigin = true;
        } else if (name == "authorization" && value.startsWith("Bearer ") && out.token.isEmpty()) {
            out.token = value.mid(7).trimmed();
        }
    }
    if (out.token.isEmpty()) {
        const qsizetype q = out.target.indexOf('?');
        for (const QByteArray &pair : out.target.mid(q < 0 ? out.target.size() : q + 1).split('&')) {
            if (pair.startsWith("token=")) {
                out.token = QByteArray::fromPercentEncoding(pair.mid(6).replace('+', ' '));
                break;
            }
        }
    }
    return out;
}

qsizetype RequestHead::bareLineFeed(const QByteArray &bytes, qsizetype from, qsizetype to)
{
    to = qMin(to, bytes.size());
    for (qsizetype i = qMax<qsizetype>(from, 0); i < to; ++i) {
        if (bytes.at(i) == '\n' && (i == 0 || bytes.at(i - 1) != '\r'))
            return i;
    }
    return -1;
}

} // namespace Natter::Server
