#include "validation.h"
#include "jsonreader.h"
#include "protocollimits.h"

namespace Validation {

QString usernameProblem(const QString &username)
{
    if (username.size() < Limits::MinUsernameChars || username.size() > Limits::MaxUsernameChars)
        return QStringLiteral("username must be %1 to %2 characters")
            .arg(Limits::MinUsernameChars)
            .arg(Limits::MaxUsernameChars);
    for (QChar c : username) {
        const char16_t u = c.unicode();
        const bool allowed = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
            || u == u'_' || u == u'.' || u == u'-';
        if (!allowed)
            return QStringLiteral("username may contain only a-z, 0-9, '_', '.' and '-'");
    }
    return {};
}

QString passwordProblem(const QString &password)
{
    const qsizetype length = JsonReader::codePoints(password);
    if (length < Limits::MinPasswordChars || length > Limits::MaxPasswordChars)
        return QStringLiteral("password must be %1 to %2 characters")
            .arg(Limits::MinPasswordChars)
            .arg(Limits::MaxPasswordChars);
    return {};
}

QString canonicalUsername(const QString &username)
{
    return username.toLower();
}

} // namespace Validation
