#include "store/records.h"

namespace Natter::Server {

qint64 ChannelRecord::directPeer(qint64 userId) const
{
    const auto parts = QStringView(directKey).split(u':');
    if (parts.size() != 2)
        return 0;
    const qint64 a = parts.at(0).toLongLong();
    const qint64 b = parts.at(1).toLongLong();
    return a == userId ? b : a;
}

} // namespace Natter::Server
