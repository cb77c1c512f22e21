#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// Reads fields out of a JSON object strictly: a wrong type, a missing required field, an out-of-range number
// or an over-long string is an error with a precise reason, never a silent default. The first error wins;
// later reads return empty values, so a handler reads all of its fields and then checks ok() once.
class JsonReader
{
public:
    explicit JsonReader(const QJsonObject &object);

    // Parses BYTES as one JSON object; on failure returns nullopt and sets *error.
    static std::optional<QJsonObject> parseObject(const QByteArray &bytes, QString *error);

    QString string(const QString &key, int minChars, int maxChars);
    std::optional<QString> optionalString(const QString &key, int minChars, int maxChars);
    qint64 id(const QString &key);
    std::optional<qint64> optionalId(const QString &key);
    QList<qint64> idList(const QString &key, int maxCount, bool required);
    std::optional<qint64> optionalInteger(const QString &key, qint64 min, qint64 max);
    // One of ALLOWED, or FALLBACK when absent or null.
    QString choice(const QString &key, const QStringList &allowed, const QString &fallback);
    QJsonObject object(const QString &key);

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    void fail(const QString &reason);

    // Length in Unicode code points, which is what "characters" means in PROTOCOL.md.
    static qsizetype codePoints(const QString &text);

private:
    bool present(const QString &key) const;
    std::optional<QString> readString(const QString &key, int minChars, int maxChars, bool required);

    QJsonObject m_object;
    QString m_error;
};
