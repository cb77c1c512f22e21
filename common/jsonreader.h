#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <optional>

// A JSON key as callers spell it: a protocol key (Wire::Key::…, a Latin-1 view) or a QString. Non-owning: it
// lives only for the call it is passed to.
class JsonKey
{
public:
    constexpr JsonKey(QLatin1StringView key)
        : m_latin(key)
    {
    }
    JsonKey(const QString &key)
        : m_utf16(key)
        , m_isUtf16(true)
    {
    }
    QJsonValue in(const QJsonObject &object) const
    {
        return m_isUtf16 ? object.value(m_utf16) : object.value(m_latin);
    }
    QString toString() const { return m_isUtf16 ? m_utf16.toString() : QString(m_latin); }

private:
    QLatin1StringView m_latin;
    QStringView m_utf16;
    bool m_isUtf16 = false;
};

// Reads fields out of a JSON object strictly: a wrong type, a missing required field, an out-of-range number
// or an over-long string is an error with a precise reason, never a silent default. The first error wins;
// later reads return empty values, so a handler reads all of its fields and then checks ok() once.
class JsonReader
{
public:
    explicit JsonReader(const QJsonObject &object);

    // Whether strings holding U+0000 are an error, for every reader in the process. The server sets it: it
    // refuses such input (PostgreSQL cannot store it). The app reads what servers send and keeps the default,
    // so that a message stored before the server refused them still shows.
    static void setRefuseNul(bool refuse);

    // Parses BYTES as one JSON object; on failure returns nullopt and sets *error.
    static std::optional<QJsonObject> parseObject(const QByteArray &bytes, QString *error);

    QString string(JsonKey key, int minChars, int maxChars);
    std::optional<QString> optionalString(JsonKey key, int minChars, int maxChars);
    qint64 id(JsonKey key);
    std::optional<qint64> optionalId(JsonKey key);
    QList<qint64> idList(JsonKey key, int maxCount, bool required);
    std::optional<qint64> optionalInteger(JsonKey key, qint64 min, qint64 max);
    // One of ALLOWED, or FALLBACK when absent or null.
    QString choice(JsonKey key, const QStringList &allowed, const QString &fallback);
    QJsonObject object(JsonKey key);
    // A required or optional array (nullopt when absent or null and not required).
    std::optional<QJsonArray> optionalArray(JsonKey key, int maxCount);
    QJsonArray array(JsonKey key, int maxCount);
    std::optional<bool> optionalBool(JsonKey key);
    bool boolean(JsonKey key);
    // An integer that must be present.
    qint64 integer(JsonKey key, qint64 min, qint64 max);
    // A time on the wire (ISO-8601 UTC with milliseconds) as Unix milliseconds; null or absent is 0.
    qint64 optionalTime(JsonKey key);
    qint64 time(JsonKey key);
    // A string or null (absent is null too): an empty QString stands for null.
    QString nullableString(JsonKey key, int maxChars);

    const QJsonObject &source() const { return m_object; }
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    void fail(const QString &reason);

    // Length in Unicode code points, which is what "characters" means in PROTOCOL.md.
    static qsizetype codePoints(const QString &text);

private:
    bool present(JsonKey key) const;
    std::optional<QString> readString(JsonKey key, int minChars, int maxChars, bool required);

    QJsonObject m_object;
    QString m_error;
};
