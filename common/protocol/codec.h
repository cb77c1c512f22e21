#pragma once

#include "../jsonreader.h"
#include "../jsonwriter.h"

#include "enums.h"

#include <QJsonDocument>
#include <QList>

#include <optional>

namespace Natter::Wire {

// Strings a server sends have their limits on the server; a reader still bounds them, so that a hostile peer
// cannot make a client hold arbitrarily large fields.
inline constexpr int MaxWireChars = 1 << 20;
inline constexpr int MaxWireListItems = 100000;

// Helpers every wire type's read()/write() is built from. A type T has
//   static T read(JsonReader &reader);        // strict: the first problem is the reader's error
//   void write(JsonWriter &writer) const;     // the object, in the protocol's key order

// The nested object under KEY, read as T; a problem inside it names the path ("author: missing field 'id'").
template<class T> T readObject(JsonReader &reader, JsonKey key)
{
    const QJsonObject object = reader.object(key);
    if (!reader.ok())
        return {};
    JsonReader inner(object);
    T value = T::read(inner);
    if (!inner.ok())
        reader.fail(key.toString() + QStringLiteral(": ") + inner.error());
    return value;
}

// The same for an object that may be null or absent.
template<class T> std::optional<T> readOptionalObject(JsonReader &reader, JsonKey key)
{
    const QJsonValue value = key.in(reader.source());
    if (!reader.ok() || value.isNull() || value.isUndefined())
        return std::nullopt;
    return readObject<T>(reader, key);
}

// An array of T under KEY (required), at most MAXCOUNT long.
template<class T> QList<T> readList(JsonReader &reader, JsonKey key, int maxCount)
{
    const QJsonArray items = reader.array(key, maxCount);
    QList<T> out;
    out.reserve(items.size());
    for (qsizetype i = 0; reader.ok() && i < items.size(); ++i) {
        if (!items.at(i).isObject()) {
            reader.fail(QStringLiteral("field '%1' must contain only objects").arg(key.toString()));
            break;
        }
        JsonReader inner(items.at(i).toObject());
        out.append(T::read(inner));
        if (!inner.ok())
            reader.fail(QStringLiteral("%1[%2]: ").arg(key.toString()).arg(i) + inner.error());
    }
    return reader.ok() ? out : QList<T>();
}

template<class T> void writeList(JsonWriter &writer, const QList<T> &items)
{
    writer.beginArray();
    for (const T &item : items)
        item.write(writer);
    writer.endArray();
}

// A time (Unix ms) as the wire writes it, or null for 0.
void writeTime(JsonWriter &writer, qint64 unixMs);
// An id (0 is null).
void writeId(JsonWriter &writer, qint64 id);
// Text, or null when empty.
void writeNullable(JsonWriter &writer, const QString &text);

// One of E's names under KEY; FALLBACK when absent or null (an error if REQUIRED).
template<class E> E readEnum(JsonReader &r, JsonKey key, E fallback, bool required)
{
    if (!r.ok())
        return fallback;
    const QJsonValue value = key.in(r.source());
    if (value.isUndefined() || value.isNull()) {
        if (required)
            r.fail(QStringLiteral("missing field '%1'").arg(key.toString()));
        return fallback;
    }
    const auto parsed = value.isString() ? fromName<E>(value.toString()) : std::nullopt;
    if (!parsed)
        r.fail(QStringLiteral("field '%1' must be one of: %2")
                   .arg(key.toString(), allNames<E>().join(QStringLiteral(", "))));
    return parsed.value_or(fallback);
}

// T as compact JSON bytes.
template<class T> QByteArray encode(const T &value)
{
    JsonWriter w;
    value.write(w);
    return w.take();
}

// T from a JSON object; nullopt and *ERROR when it does not have T's shape.
template<class T> std::optional<T> decode(const QJsonObject &object, QString *error = nullptr)
{
    JsonReader reader(object);
    T value = T::read(reader);
    if (reader.ok())
        return value;
    if (error)
        *error = reader.error();
    return std::nullopt;
}

// T as a QJsonObject, for code that assembles JSON by hand (tests, REST answers off the hot path).
template<class T> QJsonObject toJsonObject(const T &value)
{
    return QJsonDocument::fromJson(encode(value)).object();
}

} // namespace Natter::Wire
