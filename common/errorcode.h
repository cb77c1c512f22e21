#pragma once

#include <QString>

// The error codes of PROTOCOL.md and the HTTP status each one travels with.
enum class ErrorCode {
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    PayloadTooLarge,
    UnsupportedMediaType,
    RateLimited,
    Internal,
};

QString errorCodeName(ErrorCode code);
int errorHttpStatus(ErrorCode code);

// Gateway close codes (PROTOCOL.md, "Close codes"), plus the standard one for oversized frames.
namespace CloseCode {
inline constexpr int TooBig = 1009;
inline constexpr int Unauthorized = 4001;
inline constexpr int TokenRevoked = 4002;
inline constexpr int PolicyViolation = 4008;
inline constexpr int TooSlow = 4009;
} // namespace CloseCode
