#include "jsonreader.h"
#include "snowflake.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

JsonReader::JsonReader(const QJsonObject &object)
    : m_object(object)
{
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
    qsizetype n = 0;
    for (QChar c : text)
        if (!c.isLowSurrogate())
            ++n;
    return n;
}

bool JsonReader::present(const QString &key) const
{
    const auto it = m_object.constFind(key);
    return it != m_object.constEnd() && !it->isNull() && !it->isUndefined();
}

std::optional<QString> JsonReader::readString(const QString &key, int minChars, int maxChars, bool required)
{
    if (!ok())
        return std::nullopt;
    if (!present(key)) {
        if (required)
            fail(QStringLiteral("missing field '%1'").arg(key));
        return std::nullopt;
    }
    const QJsonValue value = m_object.value(key);
    if (!value.isString()) {
        fail(QStringLiteral("field '%1' must be a string").arg(key));
        return std::nullopt;
    }
    const QString text = value.toString();
    const qsizetype length = codePoints(text);
    if (length < minChars) {
        fail(minChars == 1
                ? QStringLiteral("field '%1' must not be empty").arg(key)
                : QStringLiteral("field '%1' must be at least %2 characters").arg(key).arg(minChars));
        return std::nullopt;
    }
    if (length > maxChars) {
        fail(QStringLiteral("field '%1' is longer than %2 characters").arg(key).arg(maxChars));
        return std::nullopt;
    }
    return text;
}

QString JsonReader::string(const QString &key, int minChars, int maxChars)
{
    return readString(key, minChars, maxChars, true).value_or(QString());
}

std::optional<QString> JsonReader::optionalString(const QString &key, int minChars, int maxChars)
{
    return readString(key, minChars, maxChars, false);
}

std::optional<qint64> JsonReader::optionalId(const QString &key)
{
    if (!ok() || !present(key))
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    if (!value.isString()) {
        fail(QStringLiteral("field '%1' must be an id (a decimal string)").arg(key));
        return std::nullopt;
    }
    const qint64 id = idFromString(value.toString());
    if (id == 0) {
        fail(QStringLiteral("field '%1' is not a valid id").arg(key));
        return std::nullopt;
    }
    return id;
}

qint64 JsonReader::id(const QString &key)
{
    if (!ok())
        return 0;
    if (!present(key)) {
        fail(QStringLiteral("missing field '%1'").arg(key));
        return 0;
    }
    return optionalId(key).value_or(0);
}

QList<qint64> JsonReader::idList(const QString &key, int maxCount, bool required)
{
    QList<qint64> ids;
    if (!ok())
        return ids;
    if (!present(key)) {
        if (required)
            fail(QStringLiteral("missing field '%1'").arg(key));
        return ids;
    }
    const QJsonValue value = m_object.value(key);
    if (!value.isArray()) {
        fail(QStringLiteral("field '%1' must be an array of ids").arg(key));
        return ids;
    }
    const QJsonArray array = value.toArray();
    if (array.size() > maxCount) {
        fail(QStringLiteral("field '%1' has more than %2 entries").arg(key).arg(maxCount));
        return ids;
    }
    for (const QJsonValue &entry : array) {
        const qint64 id = entry.isString() ? idFromString(entry.toString()) : 0;
        if (id == 0) {
            fail(QStringLiteral("field '%1' must contain only ids (decimal strings)").arg(key));
            return {};
        }
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

std::optional<qint64> JsonReader::optionalInteger(const QString &key, qint64 min, qint64 max)
{
    if (!ok() || !present(key))
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    const double number = value.toDouble();
    if (!value.isDouble() || number != double(qint64(number))) {
        fail(QStringLiteral("field '%1' must be an integer").arg(key));
        return std::nullopt;
    }
    if (number < double(min) || number > double(max)) {
        fail(QStringLiteral("field '%1' must be between %2 and %3").arg(key).arg(min).arg(max));
        return std::nullopt;
    }
    return qint64(number);
}

QString JsonReader::choice(const QString &key, const QStringList &allowed, const QString &fallback)
{
    if (!ok() || !present(key))
        return fallback;
    const QJsonValue value = m_object.value(key);
    if (!value.isString() || !allowed.contains(value.toString())) {
        fail(QStringLiteral("field '%1' must be one of: %2").arg(key, allowed.join(QStringLiteral(", "))));
        return fallback;
    }
    return value.toString();
}

QJsonObject JsonReader::object(const QString &key)
{
    if (!ok())
        return {};
    if (!present(key)) {
        fail(QStringLiteral("missing field '%1'").arg(key));
        return {};
    }
    const QJsonValue value = m_object.value(key);
    if (!value.isObject()) {
        fail(QStringLiteral("field '%1' must be an object").arg(key));
        return {};
    }
    return value.toObject();
}
