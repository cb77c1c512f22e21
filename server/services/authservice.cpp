#include "services/authservice.h"
#include "gateway/hub.h"
#include "logging.h"
#include "services/passwordhasher.h"
#include "store/userstore.h"

#include <common/protocol/enums.h>
#include <isotime.h>
#include <jsonreader.h>
#include <protocollimits.h>
#include <snowflake.h>
#include <validation.h>

#include <QCryptographicHash>

#include <sodium.h>

namespace Natter::Server {

namespace {
template<class T> QFuture<T> readyFuture(T value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}

QString newToken()
{
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
} // namespace

AuthService::AuthService(
    UserStore &users, PasswordHasher &hasher, SnowflakeGenerator &ids, Hub &hub, QObject *parent)
    : QObject(parent)
    , m_users(users)
    , m_hasher(hasher)
    , m_ids(ids)
    , m_hub(hub)
{
}

QByteArray AuthService::hashToken(QByteArrayView token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

Result<AuthService::Session> AuthService::startSession(const UserRecord &user)
{
    const QString token = newToken();
    if (!m_users.addToken(hashToken(token.toLatin1()), user.id))
        return Wire::Error::internal();
    return Session { user, token };
}

QFuture<Result<AuthService::Session>> AuthService::registerUser(const Wire::Credentials &credentials)
{
    const QString &username = credentials.username;
    const QString &password = credentials.password;
    QString displayName = credentials.displayName.isEmpty() ? username : credentials.displayName;
    if (const QString problem = Validation::usernameProblem(username); !problem.isEmpty())
        return readyFuture(Result<Session>(Wire::Error::badRequest(problem)));
    if (const QString problem = Validation::passwordProblem(password); !problem.isEmpty())
        return readyFuture(Result<Session>(Wire::Error::badRequest(problem)));
    displayName = displayName.trimmed();
    if (displayName.isEmpty())
        return readyFuture(Result<Session>(Wire::Error::badRequest(u"displayName must not be blank"_qs)));
    if (m_users.byUsername(username))
        return readyFuture(Result<Session>(Wire::Error::conflict(u"username is taken"_qs)));

    return m_hasher.hash(password).then(
        this, [this, username, displayName](const QString &hash) -> Result<Session> {
            if (hash.isEmpty())
                return Wire::Error::internal(u"could not hash the password"_qs);
            UserRecord user { m_ids.next(), username, displayName, nowMs(), 0 };
            // The name may have been taken while the hash was computed; the unique index decides.
            if (!m_users.create(user, hash))
                return Wire::Error::conflict(u"username is taken"_qs);
            qCInfo(lcAuth) << "registered" << username;
            return startSession(user);
        });
}

QFuture<Result<AuthService::Session>> AuthService::login(const Wire::Credentials &credentials)
{
    const QString &username = credentials.username;
    const QString &password = credentials.password;
    const auto found = m_users.byUsername(username);
    // An unknown user costs the same hash as a wrong password and gets the same answer.
    const QString stored = found ? found->second : m_hasher.decoyHash();
    const qint64 userId = found ? found->first.id : 0;
    return m_hasher.verify(stored, password).then(this, [this, userId](bool match) -> Result<Session> {
        const auto user = userId ? m_users.byId(userId) : std::nullopt;
        if (!match || !user)
            return Wire::Error::unauthorized(u"wrong username or password"_qs);
        return startSession(*user);
    });
}

void AuthService::logout(const QByteArray &tokenHash)
{
    m_users.deleteToken(tokenHash);
    m_tokenCache.remove(tokenHash);
    m_hub.closeToken(tokenHash, Wire::CloseCode::TokenRevoked, u"token revoked"_qs);
}

qint64 AuthService::authenticate(QByteArrayView token, QByteArray *tokenHash)
{
    if (token.isEmpty() || token.size() > 256)
        return 0;
    const QByteArray hash = hashToken(token);
    if (tokenHash)
        *tokenHash = hash;
    if (const auto it = m_tokenCache.constFind(hash); it != m_tokenCache.constEnd())
        return *it;
    const qint64 userId = m_users.userForToken(hash);
    if (userId)
        m_tokenCache.insert(hash, userId);
    return userId;
}

} // namespace Natter::Server
