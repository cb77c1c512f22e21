#pragma once

// Transitional: the protocol's error object is Natter::Wire::Error (common/protocol/error.h).
#include "errorcode.h"
#include "protocol/error.h"

using ApiError = Natter::Wire::Error;
