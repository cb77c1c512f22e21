#pragma once

#include <QString>

// Account rules from PROTOCOL.md. Each returns an empty string when VALUE is acceptable, else the reason.
namespace Validation {
QString usernameProblem(const QString &username);
QString passwordProblem(const QString &password);
// Usernames are unique without regard to case; this is the form they are compared and stored in.
QString canonicalUsername(const QString &username);
} // namespace Validation
