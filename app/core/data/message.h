#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace Natter::Client {

enum class SendState { Sent, Sending, Failed };

struct UserRef
{
    QString id;
    QString username;
    QString displayName;
};

// One chat message as the client keeps it. Local (not yet acknowledged) messages have an empty id and a
// clientMsgId; the server's copy always carries both.
struct Message
{
    QString id;
    QString channelId;
    qint64 seq = 0;
    QString clientMsgId;
    UserRef author;
    QString text;
    QDateTime createdAt;
    QDateTime editedAt;
    bool deleted = false;
    SendState state = SendState::Sent;

    bool isLocal() const { return id.isEmpty(); }
    quint64 idNumber() const { return id.toULongLong(); }

    static Message fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

// Wire times (common/isotime.h) as QDateTime: an invalid QDateTime stands for "no time".
QDateTime timeFromWire(QStringView text);
QString timeToWire(const QDateTime &time);

} // namespace Natter::Client

Q_DECLARE_METATYPE(Natter::Client::Message)
