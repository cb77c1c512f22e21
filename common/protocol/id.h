#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <QString>

#include <compare>

namespace Natter::Wire {

// A Snowflake id (common/snowflake.h): 64 bits in memory, a decimal string on the wire. 0 is "no id" and is
// written as null. Built implicitly from the server's qint64 columns; value() gives the number back.
class Id
{
public:
    constexpr Id() = default;
    constexpr Id(qint64 value)
        : m_value(value)
    {
    }

    constexpr qint64 value() const { return m_value; }
    constexpr bool isValid() const { return m_value > 0; }
    constexpr explicit operator bool() const { return isValid(); }

    // The wire form: "1234567890123"; empty for no id.
    QString toString() const;
    QByteArray toUtf8() const;
    // An id from its wire form; an invalid Id (0) for anything but 1–19 decimal digits of a positive number.
    static Id fromString(QStringView text);

    friend constexpr auto operator<=>(Id, Id) = default;
    friend constexpr bool operator==(Id, Id) = default;

private:
    qint64 m_value = 0;
};

inline size_t qHash(Id id, size_t seed = 0) noexcept
{
    return ::qHash(id.value(), seed);
}

} // namespace Natter::Wire

Q_DECLARE_METATYPE(Natter::Wire::Id)
