#pragma once

#include "data/message.h"

#include <common/protocol/events.h>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace Natter::Client {

class ApiClient;
class GatewayClient;
class MessageListModel;
class MessagePageSource;
class Session;

// What a user does to messages that exist: edit, delete, pin and unpin, react, reply in a thread, and the
// pins of a channel. Every change goes out as a gateway frame built from the Wire request types and answers
// through a callback: an empty string on success, else a sentence for the user (the server's own reason for
// a refusal). While offline nothing is queued: the call is refused at once with a sentence saying so, so
// nothing is lost silently. The acks update attached models at once; the events that follow (and their
// replay by `sync`) keep every other client and this one after a reconnect in step.
class MessageActions : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const QString &error)>;

    MessageActions(Session *session, ApiClient *api, GatewayClient *gateway, QObject *parent = nullptr);
    ~MessageActions() override;

    // Feeds reaction and pin events, acks and pending replies into MODEL (a channel or a thread list).
    void attach(MessageListModel *model);

    void edit(Wire::Id messageId, const QString &text, Done done);
    void remove(Wire::Id messageId, Done done);
    void setPinned(Wire::Id messageId, bool pinned, Done done);
    // Adds the caller's EMOJI to the message, or takes it away when ADD is false.
    void react(Wire::Id messageId, const QString &emoji, bool add, Done done);
    // Sends TEXT as a reply under ROOT (message.send with parentId). Shown at once as sending; refused (and
    // not shown) while offline. Returns the clientMsgId, or empty when refused.
    QString sendReply(const Message &root, const QString &text, Done done, const QList<Wire::Attachment> &attachments = {});
    // Loads which messages of CHANNELID are pinned and tells attached models.
    void loadPins(Wire::Id channelId);
    // A page source for the thread under ROOT (GET /messages/{id}/replies).
    std::unique_ptr<MessagePageSource> threadSource(const Message &root);

    // Whether the caller may delete MESSAGE: its author, or an owner or admin of the channel.
    bool canDelete(const Message &message) const;
    bool canEdit(const Message &message) const;

    // A sentence for a refusal by the server; exposed for tests.
    static QString describe(const Wire::Error &error);

signals:
    void reactionsChanged(Natter::Wire::Id messageId, const QList<Natter::Wire::Reaction> &reactions);
    void pinnedChanged(Natter::Wire::Id messageId, bool pinned);
    void pinsLoaded(Natter::Wire::Id channelId, const QSet<Natter::Wire::Id> &pinned);
    void messageEdited(const Natter::Client::Message &message);
    void replyPending(const Natter::Client::Message &message);
    void replyStateChanged(Natter::Wire::Id channelId, const QString &clientMsgId, Natter::Client::SendState state);
    void replyConfirmed(const Natter::Client::Message &message);

private:
    struct Pending
    {
        Wire::FrameType type;
        Wire::Id messageId;
        Done done;
        qint64 deadline;
        Message reply; // message.send only
    };
    template<class F> bool call(const F &frame, Pending pending);
    void onReply(const QString &reqId, Wire::FrameType type, const QJsonObject &frame);
    void failAll(const QString &error);
    void expire();
    Wire::Id me() const;

    Session *m_session;
    ApiClient *m_api;
    GatewayClient *m_gateway;
    QHash<QString, Pending> m_pending;
    QTimer m_timeouts;
};

} // namespace Natter::Client
