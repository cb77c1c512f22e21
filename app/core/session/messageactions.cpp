#include "session/messageactions.h"
#include "logging.h"
#include "models/messagelistmodel.h"
#include "net/apiclient.h"
#include "net/gatewayclient.h"
#include "session/session.h"
#include "session/threadpagesource.h"

#include <common/isotime.h>
#include <common/protocol/codec.h>
#include <common/protocol/requests.h>
#include <common/protocol/rest.h>

#include <QPointer>
#include <QUuid>

namespace Natter::Client {

namespace {
// The same patience as the outbox's: after this long without an answer the action is reported as failed.
constexpr int AnswerTimeoutMs = 15000;
}

MessageActions::MessageActions(Session *session, ApiClient *api, GatewayClient *gateway, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_api(api)
    , m_gateway(gateway)
{
    connect(m_gateway, &GatewayClient::replyReceived, this, &MessageActions::onReply);
    connect(m_gateway, &GatewayClient::stateChanged, this, [this](GatewayClient::State state) {
        if (state != GatewayClient::State::Connected)
            failAll(tr("The connection dropped before the server answered; check whether it was applied."));
    });
    m_timeouts.setInterval(1000);
    connect(&m_timeouts, &QTimer::timeout, this, &MessageActions::expire);
}

MessageActions::~MessageActions() = default;

Wire::Id MessageActions::me() const
{
    return m_session->me().id;
}

void MessageActions::attach(MessageListModel *model)
{
    // Reaction and pin events reach the model through Session::attach(); these are the answers to our own.
    connect(this, &MessageActions::reactionsChanged, model, &MessageListModel::setReactions);
    connect(this, &MessageActions::pinnedChanged, model, &MessageListModel::setPinned);
    connect(this, &MessageActions::pinsLoaded, model, [model](Wire::Id channelId, const QSet<Wire::Id> &ids) {
        if (model->channelId() == channelId) model->setPinnedIds(ids);
    });
    connect(this, &MessageActions::messageEdited, model, &MessageListModel::updateMessage);
    connect(this, &MessageActions::replyPending, model, &MessageListModel::addPending);
    connect(this, &MessageActions::replyConfirmed, model, &MessageListModel::addMessage);
    connect(this, &MessageActions::replyStateChanged, model,
        [model](Wire::Id channelId, const QString &clientMsgId, SendState state) {
            if (model->channelId() == channelId) model->setSendState(clientMsgId, state);
        });
}

template<class F> bool MessageActions::call(const F &frame, Pending pending)
{
    if (!m_gateway->isConnected() || !m_session->isSynced()) {
        pending.done(MessageActions::tr("You're offline. Nothing was changed; try again when you're back."));
        return false;
    }
    const QString reqId = m_gateway->call(frame);
    if (reqId.isEmpty()) {
        pending.done(MessageActions::tr("You're offline. Nothing was changed; try again when you're back."));
        return false;
    }
    pending.deadline = nowMs() + AnswerTimeoutMs;
    m_pending.insert(reqId, std::move(pending));
    m_timeouts.start();
    return true;
}

void MessageActions::edit(Wire::Id messageId, const QString &text, Done done)
{
    qCInfo(lcActions) << "edit" << messageId.value();
    call(Wire::EditMessage { messageId, text }, { Wire::FrameType::MessageEdit, messageId, std::move(done), 0, {} });
}

void MessageActions::remove(Wire::Id messageId, Done done)
{
    qCInfo(lcActions) << "delete" << messageId.value();
    call(Wire::MessageRequest { Wire::FrameType::MessageDelete, messageId },
        { Wire::FrameType::MessageDelete, messageId, std::move(done), 0, {} });
}

void MessageActions::setPinned(Wire::Id messageId, bool pinned, Done done)
{
    const auto type = pinned ? Wire::FrameType::MessagePin : Wire::FrameType::MessageUnpin;
    call(Wire::MessageRequest { type, messageId }, { type, messageId, std::move(done), 0, {} });
}

void MessageActions::react(Wire::Id messageId, const QString &emoji, bool add, Done done)
{
    const QString problem = Wire::emojiProblem(emoji);
    if (!problem.isEmpty()) {
        done(tr("That reaction cannot be sent: %1").arg(problem));
        return;
    }
    const Wire::React frame { add, messageId, emoji };
    call(frame, { frame.frameType(), messageId, std::move(done), 0, {} });
}

QString MessageActions::sendReply(const Message &root, const QString &text, Done done, const QList<Wire::Attachment> &attachments)
{
    Message reply;
    reply.channelId = root.channelId;
    reply.parentId = root.id;
    reply.clientMsgId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const User self = m_session->me();
    reply.author = { me(), self.username, self.displayName };
    reply.text = text;
    reply.attachments = attachments;
    reply.createdAt = nowMs();
    reply.state = SendState::Sending;
    Wire::SendMessage frame;
    frame.channelId = root.channelId;
    frame.clientMsgId = reply.clientMsgId;
    frame.text = text;
    frame.parentId = root.id;
    for (const Wire::Attachment &a : attachments)
        frame.attachmentIds.append(a.id);
    if (!call(frame, { Wire::FrameType::MessageSend, root.id, std::move(done), 0, reply })) return {};
    emit replyPending(reply);
    return reply.clientMsgId;
}

void MessageActions::loadPins(Wire::Id channelId)
{
    m_api->get(Wire::Rest::channelPinsPath(channelId), {}, this, [this, channelId](const ApiResult &result) {
        if (!result.ok()) {
            qCInfo(lcActions) << "pins of" << channelId.value() << "not loaded:" << result.errorMessage;
            return;
        }
        QString problem;
        const auto page = Wire::decode<Wire::HistoryPage>(result.json, &problem);
        if (!page) {
            qCWarning(lcActions) << "dropping a malformed pins answer:" << problem;
            return;
        }
        QSet<Wire::Id> ids;
        for (const Wire::Message &m : page->messages)
            ids.insert(m.id);
        emit pinsLoaded(channelId, ids);
    });
}

std::unique_ptr<MessagePageSource> MessageActions::threadSource(const Message &root)
{
    return std::make_unique<ThreadPageSource>(m_api, root);
}

bool MessageActions::canEdit(const Message &message) const
{
    return !message.isLocal() && !message.isDeleted() && message.author.id == me();
}

bool MessageActions::canDelete(const Message &message) const
{
    if (message.isLocal() || message.isDeleted()) return false;
    if (message.author.id == me()) return true;
    const Wire::Role role = m_session->channel(message.channelId).role;
    return role == Wire::Role::Owner || role == Wire::Role::Admin;
}

QString MessageActions::describe(const Wire::Error &error)
{
    switch (error.code) {
    case Wire::ErrorCode::Forbidden:
        return tr("Not allowed: %1").arg(error.message);
    case Wire::ErrorCode::NotFound:
        return tr("That message no longer exists.");
    case Wire::ErrorCode::RateLimited:
        return tr("Too many changes at once; wait a moment and try again.");
    default:
        return tr("The server refused: %1").arg(error.message);
    }
}

void MessageActions::onReply(const QString &reqId, Wire::FrameType type, const QJsonObject &frame)
{
    const auto it = m_pending.find(reqId);
    if (it == m_pending.end()) return;
    Pending p = std::move(it.value());
    m_pending.erase(it);
    if (m_pending.isEmpty()) m_timeouts.stop();
    QString problem;
    if (type == Wire::FrameType::Error) {
        const auto refused = Wire::decodeFrame<Wire::ErrorFrame>(frame, type, &problem);
        const QString sentence = refused ? describe(refused->error) : tr("The server refused: %1").arg(problem);
        qCInfo(lcActions) << Wire::frameTypeName(p.type) << "refused:" << sentence;
        if (p.type == Wire::FrameType::MessageSend)
            emit replyStateChanged(p.reply.channelId, p.reply.clientMsgId, SendState::Failed);
        p.done(sentence);
        return;
    }
    using T = Wire::FrameType;
    switch (p.type) {
    case T::MessageEdit:
    case T::MessageSend:
        if (const auto ack = Wire::decodeFrame<Wire::MessageAck>(frame, type, &problem)) {
            if (p.type == T::MessageEdit)
                emit messageEdited(Message(ack->message));
            else
                emit replyConfirmed(Message(ack->message));
        }
        break;
    case T::ReactionAdd:
    case T::ReactionRemove:
        if (const auto ack = Wire::decodeFrame<Wire::ReactionAck>(frame, type, &problem))
            emit reactionsChanged(p.messageId, ack->reactions);
        break;
    case T::MessagePin:
    case T::MessageUnpin:
        if (const auto ack = Wire::decodeFrame<Wire::PinAck>(frame, type, &problem))
            emit pinnedChanged(p.messageId, ack->pinned);
        break;
    default:
        break; // message.delete: the message.deleted event turns the row into a tombstone
    }
    if (!problem.isEmpty()) qCWarning(lcActions) << "malformed ack:" << problem;
    p.done({});
}

void MessageActions::expire()
{
    const qint64 now = nowMs();
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->deadline > now) {
            ++it;
            continue;
        }
        Pending p = std::move(it.value());
        it = m_pending.erase(it);
        if (p.type == Wire::FrameType::MessageSend)
            emit replyStateChanged(p.reply.channelId, p.reply.clientMsgId, SendState::Failed);
        p.done(tr("The server did not answer in time; check whether it was applied."));
    }
    if (m_pending.isEmpty()) m_timeouts.stop();
}

void MessageActions::failAll(const QString &error)
{
    const auto pending = std::exchange(m_pending, {});
    m_timeouts.stop();
    for (const Pending &p : pending) {
        if (p.type == Wire::FrameType::MessageSend)
            emit replyStateChanged(p.reply.channelId, p.reply.clientMsgId, SendState::Failed);
        p.done(error);
    }
}

} // namespace Natter::Client
