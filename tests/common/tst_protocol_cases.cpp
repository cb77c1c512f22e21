// The malformed variants of tst_protocol, in a file of their own: moc misreads some of these raw strings, and
// only the test class needs it.
#include <QString>
#include <QtTest>

using namespace Qt::StringLiterals;

void addMalformedRows()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QByteArray c = R"("channelId":"1180591650000000001")";
    auto row = [](const char *name, const char *kind, const QByteArray &json, const QString &error) {
        QTest::newRow(name) << QString::fromLatin1(kind) << json << error;
    };
    row("send: no channelId", "SendMessage", R"({"type":"message.send","clientMsgId":"a","text":"x"})",
        u"missing field 'channelId'"_s);
    row("send: channelId as number", "SendMessage",
        R"({"type":"message.send","channelId":1180591650000000001,"clientMsgId":"a","text":"x"})",
        u"field 'channelId' must be an id (a decimal string)"_s);
    row("send: channelId not digits", "SendMessage",
        R"({"type":"message.send","channelId":"12ab","clientMsgId":"a","text":"x"})",
        u"field 'channelId' is not a valid id"_s);
    row("send: channelId past 64 bits", "SendMessage",
        R"({"type":"message.send","channelId":"99999999999999999999","clientMsgId":"a","text":"x"})",
        u"field 'channelId' is not a valid id"_s);
    row("send: channelId zero", "SendMessage",
        R"({"type":"message.send","channelId":"0","clientMsgId":"a","text":"x"})",
        u"field 'channelId' is not a valid id"_s);
    row("send: no clientMsgId", "SendMessage", "{\"type\":\"message.send\"," + c + R"(,"text":"x"})",
        u"missing field 'clientMsgId'"_s);
    row("send: empty clientMsgId", "SendMessage",
        "{\"type\":\"message.send\"," + c + R"(,"clientMsgId":"","text":"x"})",
        u"field 'clientMsgId' must not be empty"_s);
    row("send: clientMsgId too long", "SendMessage",
        "{\"type\":\"message.send\"," + c + ",\"clientMsgId\":\"" + QByteArray(65, 'k') + R"(","text":"x"})",
        u"field 'clientMsgId' is longer than 64 characters"_s);
    row("send: text as number", "SendMessage",
        "{\"type\":\"message.send\"," + c + R"(,"clientMsgId":"a","text":5})",
        u"field 'text' must be a string"_s);
    row("send: text too long", "SendMessage",
        "{\"type\":\"message.send\"," + c + R"(,"clientMsgId":"a","text":")" + QByteArray(4001, 'x') + "\"}",
        u"field 'text' is longer than 4000 characters"_s);
    row("send: blank text", "SendMessage", "{\"type\":\"message.send\"," + c + R"(,"clientMsgId":"a","text":"  "})",
        u"field 'text' must not be blank"_s);
    row("send: parentId as number", "SendMessage",
        "{\"type\":\"message.send\"," + c + R"(,"clientMsgId":"a","text":"x","parentId":7})",
        u"field 'parentId' must be an id (a decimal string)"_s);
    row("send: attachmentIds not an array", "SendMessage",
        "{\"type\":\"message.send\"," + c + R"(,"clientMsgId":"a","text":"x","attachmentIds":"1"})",
        u"field 'attachmentIds' must be an array of ids"_s);
    row("send: attachmentIds with numbers", "SendMessage",
        "{\"type\":\"message.send\"," + c + R"(,"clientMsgId":"a","text":"x","attachmentIds":[1]})",
        u"field 'attachmentIds' must contain only ids (decimal strings)"_s);
    row("send: eleven attachments", "SendMessage",
        "{\"type\":\"message.send\"," + c + R"(,"clientMsgId":"a","text":"x","attachmentIds":["1","2","3","4","5","6","7","8","9","10","11"]})",
        u"field 'attachmentIds' has more than 10 entries"_s);
    row("edit: no text", "EditMessage", R"({"type":"message.edit","messageId":"5"})", u"missing field 'text'"_s);
    row("delete: no messageId", "MessageRequest", R"({"type":"message.delete"})", u"missing field 'messageId'"_s);
    row("react: emoji too long", "React",
        R"({"type":"reaction.add","messageId":"5","emoji":")" + QByteArray(33, 'x') + "\"}",
        u"field 'emoji' is longer than 32 characters"_s);
    row("react: emoji over 32 bytes", "React",
        QByteArray(R"({"type":"reaction.add","messageId":"5","emoji":")") + QString(11, QChar(0x2764)).toUtf8() + "\"}",
        u"emoji must be 1 to 32 bytes of UTF-8"_s);
    row("react: emoji with a space", "React", R"({"type":"reaction.add","messageId":"5","emoji":"a b"})",
        u"emoji must not contain spaces or control characters"_s);
    row("react: empty emoji", "React", R"({"type":"reaction.remove","messageId":"5","emoji":""})",
        u"field 'emoji' must not be empty"_s);
    row("read.mark: no messageId", "ReadMark", "{\"type\":\"read.mark\"," + c + "}", u"missing field 'messageId'"_s);
    row("presence: userIds missing", "PresenceSubscribe", R"({"type":"presence.subscribe"})",
        u"missing field 'userIds'"_s);
    QByteArray many = R"({"type":"presence.subscribe","userIds":[)";
    for (int i = 1; i <= 501; ++i)
        many += (i > 1 ? ",\"" : "\"") + QByteArray::number(i) + '"';
    row("presence: 501 users", "PresenceSubscribe", many + "]}", u"field 'userIds' has more than 500 entries"_s);
    row("sync: channels not an object", "Sync", R"({"type":"sync","channels":[]})",
        u"field 'channels' must be an object"_s);
    row("sync: negative seq", "Sync", R"({"type":"sync","channels":{"5":-1}})",
        u"sync.channels must map channel ids to non-negative integer seqs"_s);
    row("sync: seq as string", "Sync", R"({"type":"sync","channels":{"5":"3"}})",
        u"sync.channels must map channel ids to non-negative integer seqs"_s);
    row("sync: bad channel id", "Sync", R"({"type":"sync","channels":{"x":3}})",
        u"sync.channels must map channel ids to non-negative integer seqs"_s);
    row("sync: fractional seq", "Sync", R"({"type":"sync","channels":{"5":1.5}})",
        u"sync.channels must map channel ids to non-negative integer seqs"_s);
    // Regression (fuzz_wire_server, UBSan): a seq past qint64's range was cast before it was checked.
    row("sync: seq past 64 bits", "Sync", R"({"type":"sync","channels":{"5":4.44e78}})",
        u"sync.channels must map channel ids to non-negative integer seqs"_s);
    row("sync: seq 2^63", "Sync", R"({"type":"sync","channels":{"5":9223372036854775808}})",
        u"sync.channels must map channel ids to non-negative integer seqs"_s);

    // What a client reads from a server is held to the same strictness.
    const QByteArray author = R"("author":{"id":"3","username":"ana","displayName":"Ana"})";
    const QByteArray base = R"({"id":"9","channelId":"5","seq":1,"clientMsgId":"a",)" + author;
    row("message: no author id", "Message",
        R"({"id":"9","channelId":"5","seq":1,"author":{"username":"a","displayName":"A"},"text":"","createdAt":"2026-11-27T21:04:46.123Z"})",
        u"author: missing field 'id'"_s);
    row("message: author not an object", "Message",
        R"({"id":"9","channelId":"5","seq":1,"author":"ana","text":"","createdAt":"2026-11-27T21:04:46.123Z"})",
        u"field 'author' must be an object"_s);
    row("message: seq as string", "Message",
        R"({"id":"9","channelId":"5","seq":"1",)" + author + R"(,"text":"","createdAt":"2026-11-27T21:04:46.123Z"})",
        u"field 'seq' must be an integer"_s);
    row("message: huge seq", "Message",
        R"({"id":"9","channelId":"5","seq":1e300,)" + author + R"(,"text":"","createdAt":"2026-11-27T21:04:46.123Z"})",
        u"field 'seq' must be between 0 and 4611686018427387903"_s);
    row("message: bad time", "Message", base + R"(,"text":"","createdAt":"yesterday"})",
        u"field 'createdAt' must be an ISO-8601 UTC time"_s);
    row("message: local time", "Message", base + R"(,"text":"","createdAt":"2026-11-27T21:04:46.123"})",
        u"field 'createdAt' must be an ISO-8601 UTC time"_s);
    row("message: no createdAt", "Message", base + R"(,"text":""})", u"missing field 'createdAt'"_s);
    row("message: reaction without count", "Message",
        base + R"(,"text":"","reactions":[{"emoji":"x"}],"createdAt":"2026-11-27T21:04:46.123Z"})",
        u"reactions[0]: missing field 'count'"_s);
    row("message: attachments of strings", "Message",
        base + R"(,"text":"","attachments":["a"],"createdAt":"2026-11-27T21:04:46.123Z"})",
        u"field 'attachments' must contain only objects"_s);
    row("message: mentions as numbers", "Message",
        base + R"(,"text":"","mentions":[3],"createdAt":"2026-11-27T21:04:46.123Z"})",
        u"field 'mentions' must contain only ids (decimal strings)"_s);
    row("message: preview not an object", "Message",
        base + R"(,"text":"","preview":"x","createdAt":"2026-11-27T21:04:46.123Z"})",
        u"field 'preview' must be an object"_s);
    row("channel: unknown type", "Channel", R"({"id":"5","type":"room","name":"x"})",
        u"field 'type' must be one of: group, direct"_s);
    row("channel: unknown role", "Channel", R"({"id":"5","type":"group","name":"x","role":"king"})",
        u"field 'role' must be one of: owner, admin, member"_s);
    row("channel: memberCount fractional", "Channel",
        R"({"id":"5","type":"group","name":"x","memberCount":2.5})", u"field 'memberCount' must be an integer"_s);
    row("event: message.new without seq", "MessageEvent",
        R"({"type":"message.new","channelId":"5","message":{}})", u"missing field 'seq'"_s);
    row("event: message of another channel", "MessageEvent",
        QByteArray(R"({"type":"message.new","channelId":"6","seq":1,"message":)") + base
            + R"(,"text":"","createdAt":"2026-11-27T21:04:46.123Z"}})",
        u"message: channelId differs from the event's"_s);
    row("event: typing without flag", "TypingEvent", R"({"type":"typing","channelId":"5","userId":"3"})",
        u"missing field 'typing'"_s);
    row("error: unknown code", "ErrorFrame", R"({"type":"error","error":{"code":"oops","message":"x"}})",
        u"error: field 'code' must be one of: bad_request, unauthorized, forbidden, not_found, conflict, "
        "payload_too_large, unsupported_media_type, rate_limited, internal, password_change_required"_s);
    row("ready: channels not a list", "Ready",
        R"({"type":"ready","sessionId":"s","user":{"id":"3","username":"ana","displayName":"A"},"heartbeatMs":30000,"channels":{}})",
        u"field 'channels' must be an array"_s);
    row("create channel: blank name", "CreateChannel", R"({"type":"group","name":"   "})",
        u"field 'name' must not be blank"_s);
    row("create channel: no type", "CreateChannel", R"({"name":"x"})", u"missing field 'type'"_s);
    row("settings: unknown pin policy", "ChannelSettings", R"({"pinPolicy":"everyone"})",
        u"field 'pinPolicy' must be one of: members, admins"_s);
    row("mute: no duration", "MuteRequest", R"({"reason":"x"})", u"missing field 'durationSeconds'"_s);
    row("mute: zero seconds", "MuteRequest", R"({"durationSeconds":0})",
        u"field 'durationSeconds' must be between 1 and 31622400"_s);
    row("member.updated: unknown role", "MemberUpdated",
        R"({"type":"member.updated","channelId":"5","userId":"3","role":"king","mutedUntil":null})",
        u"field 'role' must be one of: owner, admin, member"_s);
    row("resolve: unknown action", "ResolveReport", R"({"action":"ban"})",
        u"field 'action' must be one of: dismiss, delete, mute, deactivate"_s);
    row("report: blank reason", "ReportRequest", R"({"reason":""})", u"field 'reason' must not be empty"_s);
    row("server role: missing", "ServerRoleChange", R"({})", u"missing field 'serverRole'"_s);
}
