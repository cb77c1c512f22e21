#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>

// Writes compact UTF-8 JSON straight into bytes. The send path builds every new message's JSON with it once,
// for the event, the ack and the REST answer alike: going through QJsonObject and QJsonDocument cost a third
// of the server's time per message (docs/benchmarks.md). Elsewhere QJsonObject stays the clearer tool.
class JsonWriter
{
public:
    JsonWriter() { m_out.reserve(512); } // a message is about 400 bytes: one allocation in the common case

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    // KEY is written as is: it must be plain ASCII that needs no escaping.
    JsonWriter &key(const char *key);
    JsonWriter &key(QLatin1StringView key);
    JsonWriter &value(const QString &text);
    JsonWriter &value(QLatin1StringView text);
    JsonWriter &value(qint64 number);
    JsonWriter &value(bool flag);
    // A Snowflake id, which the protocol writes as a decimal string.
    JsonWriter &idString(qint64 id);
    JsonWriter &null();
    // Already-serialised JSON (an object, an array, or any value) inserted as the next value.
    JsonWriter &raw(const QByteArray &json);

    QByteArray take() { return std::move(m_out); }
    const QByteArray &bytes() const { return m_out; }

    // TEXT as a JSON string literal, quotes included.
    static void appendString(QByteArray &out, const QString &text);

private:
    void separate();

    QByteArray m_out;
    bool m_comma = false;
};

// The same form as isoTime() ("2026-11-27T21:04:46.123Z"), without going through QDateTime.
QByteArray isoTimeUtf8(qint64 unixMs);
