#pragma once

#include "store/records.h"

#include <common/protocol/rest.h>
#include <common/result.h>

#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QObject>

class SnowflakeGenerator;

namespace Natter::Server {

class UserStore;
class PasswordHasher;
class Hub;
class AccountPolicy;
class LoginThrottle;

// Accounts and sessions: registration, login, logout, and turning a bearer token into a user.
class AuthService : public QObject
{
    Q_OBJECT
public:
    struct Session
    {
        UserRecord user;
        QString token;
    };

    AuthService(UserStore &users, PasswordHasher &hasher, SnowflakeGenerator &ids, Hub &hub,
        QObject *parent = nullptr);

    // BODY is the request's JSON; validation errors come back at once, hashing happens off the event loop.
    // CREDENTIALS as Wire::Credentials::read() took them from the body; the account rules are checked here.
    // ADDRESS is the client's LoginThrottle::addressKey(): registrations and failed logins are throttled by
    // it (rate_limited with retryAfterMs), and both are refused at once, unhashed, while the hash queue is
    // full.
    QFuture<Result<Session>> registerUser(
        const Wire::Credentials &credentials, const QByteArray &address = {});
    QFuture<Result<Session>> login(const Wire::Credentials &credentials, const QByteArray &address = {});
    // Revokes the token at once, including on open gateway connections (closed with 4002).
    void logout(const QByteArray &tokenHash);

    // The user a raw token belongs to, or 0; *TOKENHASH receives the token's stored form.
    qint64 authenticate(QByteArrayView token, QByteArray *tokenHash = nullptr);
    static QByteArray hashToken(QByteArrayView token);

    // Moderation (issue 16). Without a policy, registration is open and every account may sign in.
    void setPolicy(AccountPolicy *policy) { m_policy = policy; }
    // Issue 15: without a throttle, logins and registrations are limited only by the hash queue.
    void setThrottle(LoginThrottle *throttle) { m_throttle = throttle; }
    // An account made by an administrator (`natter-server admin create-user`): no registration policy.
    QFuture<Result<Session>> createUser(const Wire::Credentials &credentials);
    // POST /auth/password: CREDENTIALS' password must match; the account gets NEWPASSWORD, loses its other
    // sessions and the "must change" mark, and a new session is started.
    // It checks a password, so it is throttled like a login.
    QFuture<Result<Session>> changePassword(
        const Wire::Credentials &credentials, const QString &newPassword, const QByteArray &address = {});
    QFuture<QString> hashPassword(const QString &password);
    // Ends every session of USERID at once (deactivation, password reset): its tokens stop working and its open
    // gateway connections are closed with 4002.
    void revokeSessions(qint64 userId);

private:
    Result<Session> startSession(const UserRecord &user);
    QFuture<Result<Session>> registerChecked(
        const Wire::Credentials &credentials, bool admitted, const QByteArray &address);
    // The refusal of a login attempt before any hashing (throttled, or the hash queue full), or nothing; an
    // attempt let through must be reported to m_throttle->finished().
    std::optional<Wire::Error> admitLogin(const QString &username, const QByteArray &address);
    void loginChecked(const QString &username, const QByteArray &address, bool passwordMatched);

    UserStore &m_users;
    PasswordHasher &m_hasher;
    SnowflakeGenerator &m_ids;
    Hub &m_hub;
    QHash<QByteArray, qint64> m_tokenCache;
    AccountPolicy *m_policy = nullptr;
    LoginThrottle *m_throttle = nullptr;
};

} // namespace Natter::Server
