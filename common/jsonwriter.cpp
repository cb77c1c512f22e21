#include "jsonwriter.h"

#include <charconv>
#include <cstdio>

void JsonWriter::separate()
{
    if (m_comma)
        m_out.append(',');
    m_comma = false;
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.append('}');
    m_comma = true;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.append(']');
    m_comma = true;
    return *this;
}

JsonWriter &JsonWriter::key(const char *key)
{
    separate();
    m_out.append('"').append(key).append("\":");
    return *this;
}

JsonWriter &JsonWriter::key(QLatin1StringView key)
{
    separate();
    m_out.append('"').append(key.data(), key.size()).append("\":");
    return *this;
}

// Protocol names (frame types, enum values) are plain ASCII and need no escaping.
JsonWriter &JsonWriter::value(QLatin1StringView text)
{
    separate();
    m_out.append('"').append(text.data(), text.size()).append('"');
    m_comma = true;
    return *this;
}

JsonWriter &JsonWriter::value(const QString &text)
{
    separate();
    appendString(m_out, text);
    m_comma = true;
    return *this;
}

JsonWriter &JsonWriter::value(qint64 number)
{
    separate();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    m_out.append(digits, end - digits);
    m_comma = true;
    return *this;
}

JsonWriter &JsonWriter::idString(qint64 id)
{
    separate();
    char quoted[24] = { '"' };
    char *end = std::to_chars(quoted + 1, quoted + sizeof quoted - 1, id).ptr;
    *end++ = '"';
    m_out.append(quoted, end - quoted);
    m_comma = true;
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separate();
    m_out.append(flag ? "true" : "false");
    m_comma = true;
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out.append("null");
    m_comma = true;
    return *this;
}

JsonWriter &JsonWriter::raw(const QByteArray &json)
{
    separate();
    m_out.append(json);
    m_comma = true;
    return *this;
}

void JsonWriter::appendString(QByteArray &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.reserve(out.size() + utf8.size() + 2);
    out.append('"');
    // Runs of bytes that need no escape (nearly all of any text) are appended whole.
    const char *run = utf8.constData();
    const char *const end = run + utf8.size();
    for (const char *p = run; p != end; ++p) {
        const auto u = static_cast<unsigned char>(*p);
        if (u >= 0x20 && u != '"' && u != '\\')
            continue;
        out.append(run, p - run);
        run = p + 1;
        switch (u) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\b':
            out.append("\\b", 2);
            break;
        case '\f':
            out.append("\\f", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        default: {
            const char escaped[] = { '\\', 'u', '0', '0', hex[u >> 4], hex[u & 0xf] };
            out.append(escaped, sizeof escaped);
        }
        }
    }
    out.append(run, end - run);
    out.append('"');
}

QByteArray isoTimeUtf8(qint64 unixMs)
{
    // Days to civil date: Howard Hinnant's algorithm, exact for the proleptic Gregorian calendar.
    qint64 days = unixMs >= 0 ? unixMs / 86400000 : (unixMs - 86399999) / 86400000;
    const qint64 msOfDay = unixMs - days * 86400000;
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char buffer[40];
    const int n = std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%03lldZ",
        static_cast<long long>(year), static_cast<long long>(month), static_cast<long long>(day),
        static_cast<long long>(msOfDay / 3600000), static_cast<long long>(msOfDay / 60000 % 60),
        static_cast<long long>(msOfDay / 1000 % 60), static_cast<long long>(msOfDay % 1000));
    return QByteArray(buffer, n);
}
