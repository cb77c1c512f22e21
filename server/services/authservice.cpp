#include "services/authservice.h"
#include "gateway/hub.h"
#include "logging.h"
#include "services/accountpolicy.h"
#include "services/loginthrottle.h"
#include "services/passwordhasher.h"
#include "store/moderationstore.h"
#include "store/userstore.h"

#include <common/protocol/enums.h>
#include <common/isotime.h>
#include <common/jsonreader.h>
#include <common/protocollimits.h>
#include <common/snowflake.h>
#include <common/validation.h>

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
    // A token revoked on another instance must not stay valid here through the cache.
    connect(&m_hub, &Hub::tokenRevokedElsewhere, this,
        [this](const QByteArray &tokenHash) { m_tokenCache.remove(tokenHash); });
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

QFuture<Result<AuthService::Session>> AuthService::registerUser(
    const Wire::Credentials &credentials, const QByteArray &address)
{
    return registerChecked(credentials, false, address);
}

QFuture<Result<AuthService::Session>> AuthService::createUser(const Wire::Credentials &credentials)
{
    return registerChecked(credentials, true, {});
}

std::optional<Wire::Error> AuthService::admitLogin(const QString &username, const QByteArray &address)
{
    if (m_throttle) {
        if (const qint64 wait = m_throttle->admitLogin(username, address, LoginThrottle::clockMs())) {
            qCDebug(lcAuth).noquote() << "login throttled for" << wait << "ms:" << username;
            return Wire::Error::rateLimited(wait);
        }
    }
    if (m_hasher.saturated()) {
        if (m_throttle)
            m_throttle->abandoned(username, address);
        qCDebug(lcAuth) << "password hashing queue full; refusing a login";
        return Wire::Error::busy(m_hasher.retryAfterMs());
    }
    return std::nullopt;
}

void AuthService::loginChecked(const QString &username, const QByteArray &address, bool passwordMatched)
{
    if (m_throttle)
        m_throttle->finished(username, address, passwordMatched, LoginThrottle::clockMs());
}

QFuture<Result<AuthService::Session>> AuthService::registerChecked(
    const Wire::Credentials &credentials, bool admitted, const QByteArray &address)
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
    // Throttled before the policy takes an invite code's use, so that a refusal here costs the invite
    // nothing.
    const bool throttled = !admitted && m_throttle;
    if (throttled) {
        if (const qint64 wait = m_throttle->admitRegistration(address, LoginThrottle::clockMs())) {
            qCDebug(lcAuth) << "registration throttled for" << wait << "ms";
            return readyFuture(Result<Session>(Wire::Error::rateLimited(wait)));
        }
    }
    if (!admitted && m_hasher.saturated()) {
        if (throttled)
            m_throttle->refundRegistration(address);
        qCDebug(lcAuth) << "password hashing queue full; refusing a registration";
        return readyFuture(Result<Session>(Wire::Error::busy(m_hasher.retryAfterMs())));
    }
    if (!admitted && m_policy)
        if (const auto refusal = m_policy->admit(credentials)) {
            if (throttled)
                m_throttle->refundRegistration(address);
            return readyFuture(Result<Session>(*refusal));
        }

    return m_hasher.hash(password).then(this,
        [this, username, displayName, credentials, admitted, address, throttled](
            const QString &hash) -> Result<Session> {
            const auto refund = [&] {
                if (!admitted && m_policy)
                    m_policy->refund(credentials);
                if (throttled)
                    m_throttle->refundRegistration(address);
            };
            if (hash.isEmpty()) {
                refund();
                return Wire::Error::internal(u"could not hash the password"_qs);
            }
            UserRecord user { m_ids.next(), username, displayName, nowMs(), 0 };
            // The name may have been taken while the hash was computed; the unique index decides.
            if (!m_users.create(user, hash)) {
                refund();
                return Wire::Error::conflict(u"username is taken"_qs);
            }
            qCInfo(lcAuth) << "registered" << username;
            if (throttled)
                m_throttle->registered(address);
            return startSession(user);
        });
}

QFuture<Result<AuthService::Session>> AuthService::login(
    const Wire::Credentials &credentials, const QByteArray &address)
{
    const QString &username = credentials.username;
    const QString &password = credentials.password;
    if (const auto refusal = admitLogin(username, address))
        return readyFuture(Result<Session>(*refusal));
    const auto found = m_users.byUsername(username);
    // An unknown user costs the same hash as a wrong password and gets the same answer.
    const QString stored = found ? found->second : m_hasher.decoyHash();
    const qint64 userId = found ? found->first.id : 0;
    return m_hasher.verify(stored, password)
        .then(this, [this, userId, username, address](bool match) -> Result<Session> {
            const auto user = userId ? m_users.byId(userId) : std::nullopt;
            loginChecked(username, address, match && user);
            if (!match || !user)
                return Wire::Error::unauthorized(u"wrong username or password"_qs);
            if (const auto refusal = AccountPolicy::loginRefusal(*user))
                return *refusal;
            return startSession(*user);
        });
}

QFuture<Result<AuthService::Session>> AuthService::changePassword(
    const Wire::Credentials &credentials, const QString &newPassword, const QByteArray &address)
{
    if (const QString problem = Validation::passwordProblem(newPassword); !problem.isEmpty())
        return readyFuture(Result<Session>(Wire::Error::badRequest(u"newPassword: "_qs + problem)));
    if (const auto refusal = admitLogin(credentials.username, address))
        return readyFuture(Result<Session>(*refusal));
    const auto found = m_users.byUsername(credentials.username);
    const QString stored = found ? found->second : m_hasher.decoyHash();
    const qint64 userId = found ? found->first.id : 0;
    return m_hasher.verify(stored, credentials.password)
        .then(this,
            [this, userId, newPassword, username = credentials.username, address](
                bool match) -> QFuture<Result<Session>> {
                const auto user = userId ? m_users.byId(userId) : std::nullopt;
                loginChecked(username, address, match && user);
                if (!match || !user)
                    return readyFuture(Result<Session>(Wire::Error::unauthorized(u"wrong username or password"_qs)));
                if (user->deactivatedAt)
                    return readyFuture(Result<Session>(Wire::Error::forbidden(u"this account has been deactivated"_qs)));
                return m_hasher.hash(newPassword).then(this, [this, userId](const QString &hash) -> Result<Session> {
                    ModerationStore store(m_users.database());
                    if (hash.isEmpty() || !store.setPassword(userId, hash, false))
                        return Wire::Error::internal(u"could not store the password"_qs);
                    revokeSessions(userId);
                    m_users.forget(userId);
                    m_hub.userChanged(userId);
                    qCInfo(lcAuth) << "password changed for" << userId;
                    return startSession(*m_users.byId(userId));
                });
            })
        .unwrap();
}

QFuture<QString> AuthService::hashPassword(const QString &password)
{
    return m_hasher.hash(password);
}

void AuthService::revokeSessions(qint64 userId)
{
    ModerationStore store(m_users.database());
    for (const QByteArray &hash : store.tokensOf(userId))
        logout(hash);
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
