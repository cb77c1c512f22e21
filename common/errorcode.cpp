#include "errorcode.h"

QString errorCodeName(ErrorCode code)
{
    return QString(Natter::Wire::toName(code));
}

int errorHttpStatus(ErrorCode code)
{
    return Natter::Wire::httpStatus(code);
}
