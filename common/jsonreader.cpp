#include "jsonreader.h"
#include "isotime.h"
#include "snowflake.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace {
// Set once at start-up, before any thread reads JSON.
bool refuseNul = false;
} // namespace

JsonReader::JsonReader(const QJsonObject &object)
    : m_object(object)
{
}

void JsonReader::setRefuseNul(bool refuse)
{
    refuseNul = refuse;
}

std::optional<QJsonObject> JsonReader::parseObject(const QByteArray &bytes, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("malformed JSON: %1 at offset %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("expected a JSON object");
        return std::nullopt;
    }
    return doc.object();
}

void JsonReader::fail(const QString &reason)
{
    if (m_error.isEmpty())
        m_error = reason;
}

qsizetype JsonReader::codePoints(const QString &text)
{
    // A pair counts once; a lone surrogate (JSON can spell one: "\udc4d") counts as the one character it is
    // written as ('?' in UTF-8). Skipping every low surrogate let a string of lone ones count as empty and
    // pass any length limit (found by fuzz_wire_server: an emoji that grew past 32 characters on
    // re-encoding).
    qsizetype n = 0;
    for (qsizetype i = 0; i < text.size(); ++i)
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))
            ++n;
    return n;
}

bool JsonReader::present(JsonKey key) const
{
    const QJsonValue value = key.in(m_object);
    return !value.isNull() && !value.isUndefined();
}

std::optional<QString> JsonReader::readString(JsonKey key, int minChars, int maxChars, bool required)
{
    if (!ok())
        return std::nullopt;
    if (!present(key)) {
        if (required)
            fail(QStringLiteral("missing field '%1'").arg(key.toString()));
        return std::nullopt;
    }
    const QJsonValue value = key.in(m_object);
    if (!value.isString()) {
        fail(QStringLiteral("field '%1' must be a string").arg(key.toString()));
        return std::nullopt;
    }
    const QString text = value.toString();
    const qsizetype length = codePoints(text);
    if (length < minChars) {
        fail(minChars == 1 ? QStringLiteral("field '%1' must not be empty").arg(key.toString())
                           : QStringLiteral("field '%1' must be at least %2 characters")
                                 .arg(key.toString())
                                 .arg(minChars));
        return std::nullopt;
    }
    if (length > maxChars) {
        fail(QStringLiteral("field '%1' is longer than %2 characters").arg(key.toString()).arg(maxChars));
        return std::nullopt;
    }
    // No text anyone writes holds U+0000, and PostgreSQL cannot store it (libpq would cut the text there).
    if (refuseNul && text.contains(QChar(u'\0'))) {
        fail(QStringLiteral("field '%1' must not contain NUL characters").arg(key.toString()));
        return std::nullopt;
    }
    return text;
}

QString JsonReader::string(JsonKey key, int minChars, int maxChars)
{
    return readString(key, minChars, maxChars, true).value_or(QString());
}

std::optional<QString> JsonReader::optionalString(JsonKey key, int minChars, int maxChars)
{
    return readString(key, minChars, maxChars, false);
}

std::optional<qint64> JsonReader::optionalId(JsonKey key)
{
    if (!ok() || !present(key))
        return std::nullopt;
    const QJsonValue value = key.in(m_object);
    if (!value.isString()) {
        fail(QStringLiteral("field '%1' must be an id (a decimal string)").arg(key.toString()));
        return std::nullopt;
    }
    const qint64 id = idFromString(value.toString());
    if (id == 0) {
        fail(QStringLiteral("field '%1' is not a valid id").arg(key.toString()));
        return std::nullopt;
    }
    return id;
}

qint64 JsonReader::id(JsonKey key)
{
    if (!ok())
        return 0;
    if (!present(key)) {
        fail(QStringLiteral("missing field '%1'").arg(key.toString()));
        return 0;
    }
    return optionalId(key).value_or(0);
}

QList<qint64> JsonReader::idList(JsonKey key, int maxCount, bool required)
{
    QList<qint64> ids;
    if (!ok())
        return ids;
    if (!present(key)) {
        if (required)
            fail(QStringLiteral("missing field '%1'").arg(key.toString()));
        return ids;
    }
    const QJsonValue value = key.in(m_object);
    if (!value.isArray()) {
        fail(QStringLiteral("field '%1' must be an array of ids").arg(key.toString()));
        return ids;
    }
    const QJsonArray array = value.toArray();
    if (array.size() > maxCount) {
        fail(QStringLiteral("field '%1' has more than %2 entries").arg(key.toString()).arg(maxCount));
        return ids;
    }
    for (const QJsonValue &entry : array) {
        const qint64 id = entry.isString() ? idFromString(entry.toString()) : 0;
        if (id == 0) {
            fail(QStringLiteral("field '%1' must contain only ids (decimal strings)").arg(key.toString()));
            return {};
        }
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

std::optional<qint64> JsonReader::optionalInteger(JsonKey key, qint64 min, qint64 max)
{
    if (!ok() || !present(key))
        return std::nullopt;
    const QJsonValue value = key.in(m_object);
    const double number = value.toDouble();
    // Converting a double outside qint64's range is undefined: such a number is out of range, not cast.
    if (value.isDouble() && std::isfinite(number) && std::abs(number) >= 9.2e18) {
        fail(QStringLiteral("field '%1' must be between %2 and %3").arg(key.toString()).arg(min).arg(max));
        return std::nullopt;
    }
    if (!value.isDouble() || number != double(qint64(number))) {
        fail(QStringLiteral("field '%1' must be an integer").arg(key.toString()));
        return std::nullopt;
    }
    if (number < double(min) || number > double(max)) {
        fail(QStringLiteral("field '%1' must be between %2 and %3").arg(key.toString()).arg(min).arg(max));
        return std::nullopt;
    }
    return qint64(number);
}

QString JsonReader::choice(JsonKey key, const QStringList &allowed, const QString &fallback)
{
    if (!ok() || !present(key))
        return fallback;
    const QJsonValue value = key.in(m_object);
    if (!value.isString() || !allowed.contains(value.toString())) {
        fail(QStringLiteral("field '%1' must be one of: %2")
                 .arg(key.toString(), allowed.join(QStringLiteral(", "))));
        return fallback;
    }
    return value.toString();
}

QJsonObject JsonReader::object(JsonKey key)
{
    if (!ok())
        return {};
    if (!present(key)) {
        fail(QStringLiteral("missing field '%1'").arg(key.toString()));
        return {};
    }
    const QJsonValue value = key.in(m_object);
    if (!value.isObject()) {
        fail(QStringLiteral("field '%1' must be an object").arg(key.toString()));
        return {};
    }
    return value.toObject();
}

std::optional<QJsonArray> JsonReader::optionalArray(JsonKey key, int maxCount)
{
    if (!ok() || !present(key))
        return std::nullopt;
    const QJsonValue value = key.in(m_object);
    if (!value.isArray()) {
        fail(QStringLiteral("field '%1' must be an array").arg(key.toString()));
        return std::nullopt;
    }
    QJsonArray items = value.toArray();
    if (items.size() > maxCount) {
        fail(QStringLiteral("field '%1' has more than %2 entries").arg(key.toString()).arg(maxCount));
        return std::nullopt;
    }
    return items;
}

QJsonArray JsonReader::array(JsonKey key, int maxCount)
{
    if (ok() && !present(key)) {
        fail(QStringLiteral("missing field '%1'").arg(key.toString()));
        return {};
    }
    return optionalArray(key, maxCount).value_or(QJsonArray());
}

std::optional<bool> JsonReader::optionalBool(JsonKey key)
{
    if (!ok() || !present(key))
        return std::nullopt;
    const QJsonValue value = key.in(m_object);
    if (!value.isBool()) {
        fail(QStringLiteral("field '%1' must be true or false").arg(key.toString()));
        return std::nullopt;
    }
    return value.toBool();
}

bool JsonReader::boolean(JsonKey key)
{
    if (ok() && !present(key)) {
        fail(QStringLiteral("missing field '%1'").arg(key.toString()));
        return false;
    }
    return optionalBool(key).value_or(false);
}

qint64 JsonReader::integer(JsonKey key, qint64 min, qint64 max)
{
    if (ok() && !present(key)) {
        fail(QStringLiteral("missing field '%1'").arg(key.toString()));
        return 0;
    }
    return optionalInteger(key, min, max).value_or(0);
}

qint64 JsonReader::optionalTime(JsonKey key)
{
    if (!ok() || !present(key))
        return 0;
    const QJsonValue value = key.in(m_object);
    const qint64 ms = value.isString() ? parseIsoTime(value.toString()) : -1;
    if (ms <= 0) {
        fail(QStringLiteral("field '%1' must be an ISO-8601 UTC time").arg(key.toString()));
        return 0;
    }
    return ms;
}

qint64 JsonReader::time(JsonKey key)
{
    if (ok() && !present(key)) {
        fail(QStringLiteral("missing field '%1'").arg(key.toString()));
        return 0;
    }
    return optionalTime(key);
}

QString JsonReader::nullableString(JsonKey key, int maxChars)
{
    return readString(key, 0, maxChars, false).value_or(QString());
}
