#include "id.h"

#include "../snowflake.h"

namespace Natter::Wire {

QString Id::toString() const
{
    return isValid() ? QString::number(m_value) : QString();
}

QByteArray Id::toUtf8() const
{
    return isValid() ? QByteArray::number(m_value) : QByteArray();
}

Id Id::fromString(QStringView text)
{
    return Id(idFromString(text));
}

} // namespace Natter::Wire
