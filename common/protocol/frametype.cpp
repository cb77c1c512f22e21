#include "frametype.h"

#include <iterator>

namespace Natter::Wire {
using namespace Qt::StringLiterals;

namespace {
    struct Entry
    {
        FrameType type;
        QLatin1StringView name;
    };

    constexpr Entry Table[] = {
#define NATTER_WIRE_ENTRY(id, name) { FrameType::id, name##_L1 },
        NATTER_WIRE_FRAME_TYPES(NATTER_WIRE_ENTRY)
#undef NATTER_WIRE_ENTRY
    };

    // The table is in enum order; the check keeps it so.
    constexpr bool inEnumOrder()
    {
        for (qsizetype i = 0; i < qsizetype(std::size(Table)); ++i)
            if (int(Table[i].type) != i + 1)
                return false;
        return true;
    }
    static_assert(inEnumOrder());
} // namespace

QLatin1StringView frameTypeName(FrameType type)
{
    const int i = int(type) - 1;
    return i >= 0 && i < int(std::size(Table)) ? Table[i].name : QLatin1StringView();
}

FrameType frameTypeFromName(QStringView name)
{
    // Looked up once per frame on the server's hot path. Comparing sizes first rejects almost every entry at
    // once, and nothing is allocated.
    for (const Entry &e : Table)
        if (e.name.size() == name.size() && name == e.name)
            return e.type;
    return FrameType::Unknown;
}

bool isChannelEvent(FrameType type)
{
    return type >= FrameType::MessageNew && type <= FrameType::ChannelUpdated;
}

bool isClientFrame(FrameType type)
{
    return type >= FrameType::Ping && type <= FrameType::Sync;
}

} // namespace Natter::Wire
