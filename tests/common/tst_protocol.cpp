// The wire contract, proved against golden fixtures (tests/data/wire): every fixture decodes with its typed
// decoder and re-encodes to the same JSON; every malformed variant fails with its exact reason. The fixtures
// and the malformed frames spell the wire literally on purpose: they check common/protocol instead of
// trusting it.
#include <common/protocol/protocol.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QtTest>

#include <functional>

using namespace Natter::Wire;
using namespace Qt::StringLiterals;

// tst_protocol_cases.cpp
void addMalformedRows();

namespace {
struct Outcome
{
    bool ok = false;
    QByteArray encoded;
    QString error;
};

template<class T> Outcome objectRoundTrip(const QJsonObject &json)
{
    QString error;
    const auto value = decode<T>(json, &error);
    return value ? Outcome { true, encode(*value), {} } : Outcome { false, {}, error };
}

template<class F> Outcome frameRoundTrip(const QJsonObject &json)
{
    QString error;
    const Envelope envelope = Envelope::read(json, &error);
    if (!error.isEmpty())
        return { false, {}, error };
    const auto frame = decodeFrame<F>(json, envelope.type, &error);
    if (!frame)
        return { false, {}, error };
    if (frame->frameType() != envelope.type)
        return { false, {}, u"decoded as "_s + QString(frameTypeName(frame->frameType())) };
    return { true, encodeFrame(*frame, envelope.reqId), {} };
}

using Codec = std::function<Outcome(const QJsonObject &)>;

// What decodes each kind of fixture. Acks have no type of their own: the caller knows what it asked.
const QHash<QString, Codec> &codecs()
{
    static const QHash<QString, Codec> table {
        { u"User"_s, objectRoundTrip<User> },
        { u"Author"_s, objectRoundTrip<Author> },
        { u"Attachment"_s, objectRoundTrip<Attachment> },
        { u"Reaction"_s, objectRoundTrip<Reaction> },
        { u"LinkPreview"_s, objectRoundTrip<LinkPreview> },
        { u"Message"_s, objectRoundTrip<Message> },
        { u"Channel"_s, objectRoundTrip<Channel> },
        { u"Member"_s, objectRoundTrip<Member> },
        { u"Error"_s, objectRoundTrip<Error> },
        { u"Credentials"_s, objectRoundTrip<Credentials> },
        { u"AuthSession"_s, objectRoundTrip<AuthSession> },
        { u"CreateChannel"_s, objectRoundTrip<CreateChannel> },
        { u"ChannelSettings"_s, objectRoundTrip<ChannelSettings> },
        { u"HistoryPage"_s, objectRoundTrip<HistoryPage> },
        { u"ChannelList"_s, objectRoundTrip<ChannelList> },
        { u"UserList"_s, objectRoundTrip<UserList> },
        { u"MemberList"_s, objectRoundTrip<MemberList> },
        { u"AddMembers"_s, objectRoundTrip<AddMembers> },
        { u"Health"_s, objectRoundTrip<Health> },
        { u"Ping"_s, frameRoundTrip<Ping> },
        { u"SendMessage"_s, frameRoundTrip<SendMessage> },
        { u"EditMessage"_s, frameRoundTrip<EditMessage> },
        { u"MessageRequest"_s, frameRoundTrip<MessageRequest> },
        { u"React"_s, frameRoundTrip<React> },
        { u"TypingRequest"_s, frameRoundTrip<TypingRequest> },
        { u"ReadMark"_s, frameRoundTrip<ReadMark> },
        { u"PresenceSubscribe"_s, frameRoundTrip<PresenceSubscribe> },
        { u"Sync"_s, frameRoundTrip<Sync> },
        { u"Ready"_s, frameRoundTrip<Ready> },
        { u"Pong"_s, frameRoundTrip<Pong> },
        { u"Ack"_s, frameRoundTrip<Ack> },
        { u"MessageAck"_s, frameRoundTrip<MessageAck> },
        { u"SyncAck"_s, frameRoundTrip<SyncAck> },
        { u"ReadMarkAck"_s, frameRoundTrip<ReadMarkAck> },
        { u"ReactionAck"_s, frameRoundTrip<ReactionAck> },
        { u"PinAck"_s, frameRoundTrip<PinAck> },
        { u"PresenceAck"_s, frameRoundTrip<PresenceAck> },
        { u"ErrorFrame"_s, frameRoundTrip<ErrorFrame> },
        { u"MessageEvent"_s, frameRoundTrip<MessageEvent> },
        { u"MessageDeleted"_s, frameRoundTrip<MessageDeleted> },
        { u"ReactionChanged"_s, frameRoundTrip<ReactionChanged> },
        { u"PinChanged"_s, frameRoundTrip<PinChanged> },
        { u"MemberChanged"_s, frameRoundTrip<MemberChanged> },
        { u"ChannelUpdated"_s, frameRoundTrip<ChannelUpdated> },
        { u"TypingEvent"_s, frameRoundTrip<TypingEvent> },
        { u"ReadState"_s, frameRoundTrip<ReadState> },
        { u"PresenceEvent"_s, frameRoundTrip<PresenceEvent> },
        { u"ChannelAdded"_s, frameRoundTrip<ChannelAdded> },
        { u"ChannelRemoved"_s, frameRoundTrip<ChannelRemoved> },
        { u"ReportsCount"_s, frameRoundTrip<ReportsCount> },
        { u"ReportResolved"_s, frameRoundTrip<ReportResolved> },
        { u"MemberUpdated"_s, frameRoundTrip<MemberUpdated> },
        { u"MuteRequest"_s, objectRoundTrip<MuteRequest> },
        { u"MuteState"_s, objectRoundTrip<MuteState> },
        { u"MemberRoleChange"_s, objectRoundTrip<MemberRoleChange> },
        { u"ServerRoleChange"_s, objectRoundTrip<ServerRoleChange> },
        { u"ModerationNote"_s, objectRoundTrip<ModerationNote> },
        { u"PasswordReset"_s, objectRoundTrip<PasswordReset> },
        { u"ChangePassword"_s, objectRoundTrip<ChangePassword> },
        { u"PasswordChanged"_s, objectRoundTrip<PasswordChanged> },
        { u"CreateInvite"_s, objectRoundTrip<CreateInvite> },
        { u"Invite"_s, objectRoundTrip<Invite> },
        { u"InviteList"_s, objectRoundTrip<InviteList> },
        { u"ReportRequest"_s, objectRoundTrip<ReportRequest> },
        { u"Report"_s, objectRoundTrip<Report> },
        { u"ReportList"_s, objectRoundTrip<ReportList> },
        { u"ResolveReport"_s, objectRoundTrip<ResolveReport> },
        { u"AuditPage"_s, objectRoundTrip<AuditPage> },
    };
    return table;
}

// Fixture file -> the type that decodes it.
const QList<std::pair<QString, QString>> &fixtures()
{
    static const QList<std::pair<QString, QString>> list {
        { u"object.user"_s, u"User"_s },
        { u"object.user-offline"_s, u"User"_s },
        { u"object.author"_s, u"Author"_s },
        { u"object.attachment-image"_s, u"Attachment"_s },
        { u"object.attachment-file"_s, u"Attachment"_s },
        { u"object.reaction"_s, u"Reaction"_s },
        { u"object.link-preview"_s, u"LinkPreview"_s },
        { u"object.link-preview-partial"_s, u"LinkPreview"_s },
        { u"object.message"_s, u"Message"_s },
        { u"object.message-reply"_s, u"Message"_s },
        { u"object.message-deleted"_s, u"Message"_s },
        { u"object.channel"_s, u"Channel"_s },
        { u"object.channel-direct"_s, u"Channel"_s },
        { u"object.channel-outsider"_s, u"Channel"_s },
        { u"object.member"_s, u"Member"_s },
        { u"object.error"_s, u"Error"_s },
        { u"object.error-rate-limited"_s, u"Error"_s },
        { u"ping"_s, u"Ping"_s },
        { u"message.send"_s, u"SendMessage"_s },
        { u"message.send-minimal"_s, u"SendMessage"_s },
        { u"message.edit"_s, u"EditMessage"_s },
        { u"message.delete"_s, u"MessageRequest"_s },
        { u"message.pin"_s, u"MessageRequest"_s },
        { u"message.unpin"_s, u"MessageRequest"_s },
        { u"reaction.add"_s, u"React"_s },
        { u"reaction.remove"_s, u"React"_s },
        { u"typing.start"_s, u"TypingRequest"_s },
        { u"typing.stop"_s, u"TypingRequest"_s },
        { u"read.mark"_s, u"ReadMark"_s },
        { u"presence.subscribe"_s, u"PresenceSubscribe"_s },
        { u"sync"_s, u"Sync"_s },
        { u"ready"_s, u"Ready"_s },
        { u"pong"_s, u"Pong"_s },
        { u"ack"_s, u"Ack"_s },
        { u"ack.message"_s, u"MessageAck"_s },
        { u"ack.sync"_s, u"SyncAck"_s },
        { u"ack.read.mark"_s, u"ReadMarkAck"_s },
        { u"ack.reaction"_s, u"ReactionAck"_s },
        { u"ack.pin"_s, u"PinAck"_s },
        { u"ack.presence"_s, u"PresenceAck"_s },
        { u"error"_s, u"ErrorFrame"_s },
        { u"error-rate-limited"_s, u"ErrorFrame"_s },
        { u"error-no-reqid"_s, u"ErrorFrame"_s },
        { u"message.new"_s, u"MessageEvent"_s },
        { u"message.new-reply"_s, u"MessageEvent"_s },
        { u"message.updated"_s, u"MessageEvent"_s },
        { u"message.deleted"_s, u"MessageDeleted"_s },
        { u"reaction.added"_s, u"ReactionChanged"_s },
        { u"reaction.removed"_s, u"ReactionChanged"_s },
        { u"message.pinned"_s, u"PinChanged"_s },
        { u"message.unpinned"_s, u"PinChanged"_s },
        { u"member.joined"_s, u"MemberChanged"_s },
        { u"member.left"_s, u"MemberChanged"_s },
        { u"channel.updated"_s, u"ChannelUpdated"_s },
        { u"typing"_s, u"TypingEvent"_s },
        { u"read.updated"_s, u"ReadState"_s },
        { u"presence"_s, u"PresenceEvent"_s },
        { u"channel.added"_s, u"ChannelAdded"_s },
        { u"channel.removed"_s, u"ChannelRemoved"_s },
        { u"reports.count"_s, u"ReportsCount"_s },
        { u"report.resolved"_s, u"ReportResolved"_s },
        { u"object.user-me-admin"_s, u"User"_s },
        { u"object.user-deactivated"_s, u"User"_s },
        { u"rest.register"_s, u"Credentials"_s },
        { u"rest.login"_s, u"Credentials"_s },
        { u"rest.session"_s, u"AuthSession"_s },
        { u"rest.create-group"_s, u"CreateChannel"_s },
        { u"rest.create-direct"_s, u"CreateChannel"_s },
        { u"rest.channel-settings"_s, u"ChannelSettings"_s },
        { u"rest.history-page"_s, u"HistoryPage"_s },
        { u"rest.around-page"_s, u"HistoryPage"_s },
        { u"rest.channels"_s, u"ChannelList"_s },
        { u"rest.users"_s, u"UserList"_s },
        { u"rest.members"_s, u"MemberList"_s },
        { u"rest.add-members"_s, u"AddMembers"_s },
        { u"rest.health"_s, u"Health"_s },
        { u"rest.health-unavailable"_s, u"Health"_s },
        { u"member.updated"_s, u"MemberUpdated"_s },
        { u"object.author-deactivated"_s, u"Author"_s },
        { u"object.channel-muted"_s, u"Channel"_s },
        { u"object.member-muted"_s, u"Member"_s },
        { u"rest.mute"_s, u"MuteRequest"_s },
        { u"rest.mute-state"_s, u"MuteState"_s },
        { u"rest.member-role"_s, u"MemberRoleChange"_s },
        { u"rest.server-role"_s, u"ServerRoleChange"_s },
        { u"rest.moderation-note"_s, u"ModerationNote"_s },
        { u"rest.password-reset"_s, u"PasswordReset"_s },
        { u"rest.change-password"_s, u"ChangePassword"_s },
        { u"rest.password-changed"_s, u"PasswordChanged"_s },
        { u"rest.create-invite"_s, u"CreateInvite"_s },
        { u"rest.invite"_s, u"Invite"_s },
        { u"rest.invites"_s, u"InviteList"_s },
        { u"rest.report-request"_s, u"ReportRequest"_s },
        { u"object.report"_s, u"Report"_s },
        { u"object.report-resolved"_s, u"Report"_s },
        { u"rest.reports"_s, u"ReportList"_s },
        { u"rest.resolve-report"_s, u"ResolveReport"_s },
        { u"rest.audit"_s, u"AuditPage"_s },
        { u"rest.admin-users"_s, u"UserList"_s },
    };
    return list;
}

QJsonObject load(const QString &name)
{
    QFile file(QStringLiteral(NATTER_WIRE_FIXTURES) + u'/' + name + u".json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestProtocol : public QObject
{
    Q_OBJECT

private slots:
    void everyFixtureIsListed()
    {
        const QStringList files = QDir(QStringLiteral(NATTER_WIRE_FIXTURES)).entryList({ u"*.json"_s });
        QStringList listed;
        for (const auto &[name, kind] : fixtures())
            listed.append(name + u".json"_s);
        for (const QString &file : files)
            QVERIFY2(listed.contains(file), qPrintable(file + u" has no row in tst_protocol"_s));
        QCOMPARE(files.size(), listed.size());
    }

    void everyFrameTypeHasAFixture()
    {
        for (int t = int(FrameType::Unknown) + 1; !frameTypeName(FrameType(t)).isEmpty(); ++t) {
            const QString name = QString(frameTypeName(FrameType(t)));
            if (FrameType(t) == FrameType::Ack || FrameType(t) == FrameType::Error)
                continue; // several fixtures each, named ack.NAME and error-NAME
            QVERIFY2(QFile::exists(QStringLiteral(NATTER_WIRE_FIXTURES) + u'/' + name + u".json"_s),
                qPrintable(name));
        }
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("kind");
        for (const auto &[name, kind] : fixtures())
            QTest::newRow(qPrintable(name)) << name << kind;
    }

    void roundTrip()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, kind);
        const QJsonObject json = load(fixture);
        QVERIFY2(!json.isEmpty(), "fixture missing or not an object");
        QVERIFY(codecs().contains(kind));
        const Outcome out = codecs().value(kind)(json);
        QVERIFY2(out.ok, qPrintable(out.error));
        QCOMPARE(parse(out.encoded), json);
    }

    // Each malformed variant is refused with the reason the server answers (PROTOCOL.md: "a wrong type, a
    // missing field or an over-long field is bad_request, never a crash and never a silent default").
    void malformed_data() { addMalformedRows(); }

    void malformed()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const QJsonDocument doc = QJsonDocument::fromJson(json);
        QVERIFY2(doc.isObject(), "the malformed variant must still be a JSON object");
        const Outcome out = codecs().value(kind)(doc.object());
        QVERIFY(!out.ok);
        QCOMPARE(out.error, error);
    }

    void envelope_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("reqId");
        QTest::newRow("no type") << QByteArray(R"({"reqId":"r1"})") << u"frame has no string 'type'"_s
                                 << u"r1"_s;
        QTest::newRow("type as number")
            << QByteArray(R"({"type":3})") << u"frame has no string 'type'"_s << QString();
        QTest::newRow("unknown type") << QByteArray(R"({"type":"message.sned","reqId":"r2"})")
                                      << u"unknown frame type 'message.sned'"_s << u"r2"_s;
        QTest::newRow("reqId as number") << QByteArray(R"({"type":"ping","reqId":5})")
                                         << u"reqId must be a string of 1 to 64 characters"_s << QString();
        QTest::newRow("reqId empty") << QByteArray(R"({"type":"ping","reqId":""})")
                                     << u"reqId must be a string of 1 to 64 characters"_s << QString();
        QTest::newRow("reqId too long")
            << QByteArray("{\"type\":\"ping\",\"reqId\":\"" + QByteArray(65, 'r') + "\"}")
            << u"reqId must be a string of 1 to 64 characters"_s << QString();
        QTest::newRow("good") << QByteArray(R"({"type":"ping","reqId":"p"})") << QString() << u"p"_s;
        QTest::newRow("null reqId") << QByteArray(R"({"type":"ping","reqId":null})") << QString()
                                    << QString();
    }

    void envelope()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QFETCH(QString, reqId);
        QString actual;
        const Envelope e = Envelope::read(QJsonDocument::fromJson(json).object(), &actual);
        QCOMPARE(actual, error);
        QCOMPARE(e.reqId, reqId);
    }

    void frameNamesRoundTrip()
    {
        int count = 0;
        for (int t = 1; !frameTypeName(FrameType(t)).isEmpty(); ++t, ++count)
            QCOMPARE(frameTypeFromName(QString(frameTypeName(FrameType(t)))), FrameType(t));
        QCOMPARE(count, 35);
        QCOMPARE(frameTypeFromName(u"message.send"), FrameType::MessageSend);
        QCOMPARE(frameTypeFromName(u"MESSAGE.SEND"), FrameType::Unknown);
        QCOMPARE(frameTypeFromName(u""), FrameType::Unknown);
        QVERIFY(isChannelEvent(FrameType::MessageNew));
        QVERIFY(isChannelEvent(FrameType::ChannelUpdated));
        QVERIFY(!isChannelEvent(FrameType::Typing));
        QVERIFY(isClientFrame(FrameType::Sync));
        QVERIFY(!isClientFrame(FrameType::Ready));
    }

    void enumNames()
    {
        QCOMPARE(toName(ErrorCode::RateLimited), "rate_limited"_L1);
        QCOMPARE(httpStatus(ErrorCode::RateLimited), 429);
        QCOMPARE(httpStatus(ErrorCode::UnsupportedMediaType), 415);
        QCOMPARE(fromName<ErrorCode>(u"not_found"), ErrorCode::NotFound);
        QCOMPARE(fromName<Role>(u"admin"), Role::Admin);
        QVERIFY(!fromName<Role>(u"Admin"));
        QCOMPARE(toName(Role::None), QLatin1StringView());
        QCOMPARE(toName(PinPolicy::Admins), "admins"_L1);
        QVERIFY(CloseCode::isAuthFailure(4001) && CloseCode::isAuthFailure(4002)
            && !CloseCode::isAuthFailure(4009));
    }

    void ids()
    {
        QCOMPARE(Id::fromString(u"1180591620717411303").value(), Q_INT64_C(1180591620717411303));
        QCOMPARE(Id(Q_INT64_C(1180591620717411303)).toString(), u"1180591620717411303"_s);
        QVERIFY(!Id::fromString(u"-5").isValid());
        QVERIFY(!Id::fromString(u"9223372036854775808").isValid()); // 2^63
        QVERIFY(Id::fromString(u"9223372036854775807").isValid());
        QVERIFY(!Id::fromString(u" 5").isValid());
        QVERIFY(!Id().isValid());
        QCOMPARE(Id().toString(), QString());
        QVERIFY(Id(5) < Id(6));
    }

    // The server's send path writes message.new and the send ack around a message rendered once; the typed
    // encoders must give the same bytes.
    void fastPathEqualsTypedEncoder()
    {
        const auto message = decode<Message>(load(u"object.message"_s));
        QVERIFY(message);
        const QByteArray json = encode(*message);
        const MessageEvent event { false, message->channelId, message->seq, *message };
        QCOMPARE(MessageEvent::encode(FrameType::MessageNew, message->channelId, message->seq, json),
            encodeFrame(event));
        QCOMPARE(MessageAck::encode(u"r1"_s, json), encodeFrame(MessageAck { *message }, u"r1"_s));
        JsonWriter w;
        message->write(w, encode(*message->preview));
        QCOMPARE(w.take(), json);
    }

    void restPaths()
    {
        QCOMPARE(Rest::channelMessagesPath(Id(42)), u"/api/v1/channels/42/messages"_s);
        QCOMPARE(Rest::channelMemberPath(Id(1), Id(2)), u"/api/v1/channels/1/members/2"_s);
        QCOMPARE(Rest::messagePinPath(Id(7)), u"/api/v1/messages/7/pin"_s);
        QCOMPARE(Rest::registerPath(), u"/api/v1/auth/register"_s);
        QCOMPARE(Rest::gatewayPath(), u"/api/v1/ws"_s);
    }

    // A deleted message never carries what it had: even a writer handed stale fields writes the tombstone.
    void deletedMessageWritesTombstone()
    {
        auto message = decode<Message>(load(u"object.message"_s));
        QVERIFY(message);
        message->deletedAt = message->createdAt + 1000;
        const QJsonObject json = parse(encode(*message));
        QCOMPARE(json.value(u"text").toString(), QString());
        QVERIFY(json.value(u"attachments").toArray().isEmpty());
        QVERIFY(json.value(u"reactions").toArray().isEmpty());
        QVERIFY(json.value(u"mentions").toArray().isEmpty());
        QVERIFY(json.value(u"preview").isNull());
        QVERIFY(json.value(u"deletedAt").isString());
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
