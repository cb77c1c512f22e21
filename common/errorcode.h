#pragma once

// Transitional: the error and close codes live in the protocol library now (common/protocol/enums.h). These
// names keep older code compiling while it moves over.
#include "protocol/enums.h"

#include <QString>

using ErrorCode = Natter::Wire::ErrorCode;
namespace CloseCode = Natter::Wire::CloseCode;

QString errorCodeName(ErrorCode code);
int errorHttpStatus(ErrorCode code);
