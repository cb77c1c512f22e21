#pragma once

#include "store/records.h"

#include <common/protocol/rest.h>
#include <result.h>

#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QObject>

class SnowflakeGenerator;

namespace Natter::Server {

class UserStore;
class PasswordHasher;
class Hub;

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
    QFuture<Result<Session>> registerUser(const Wire::Credentials &credentials);
    QFuture<Result<Session>> login(const Wire::Credentials &credentials);
    // Revokes the token at once, including on open gateway connections (closed with 4002).
    void logout(const QByteArray &tokenHash);

    // The user a raw token belongs to, or 0; *TOKENHASH receives the token's stored form.
    qint64 authenticate(QByteArrayView token, QByteArray *tokenHash = nullptr);
    static QByteArray hashToken(QByteArrayView token);

private:
    Result<Session> startSession(const UserRecord &user);

    UserStore &m_users;
    PasswordHasher &m_hasher;
    SnowflakeGenerator &m_ids;
    Hub &m_hub;
    QHash<QByteArray, qint64> m_tokenCache;
};

} // namespace Natter::Server
