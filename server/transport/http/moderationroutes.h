#pragma once

#include <QByteArray>

class QHttpServer;

namespace Natter::Server {

class ConnectionAdmission;

class AuthService;
class ModerationService;

// The REST routes of moderation and administration (docs/protocol.md "Moderation"). Handlers translate HTTP
// to ModerationService calls; the decisions are the service's (ChannelService::authorize()).
class ModerationRoutes
{
public:
    ModerationRoutes(AuthService &auth, ModerationService &moderation);
    // LOCALTOKEN: the secret of DATA/admin.token, accepted on POST /api/v1/admin/local from loopback only.
    void setLocalToken(const QByteArray &token) { m_localToken = token; }
    void install(QHttpServer &http);
    void setAdmission(const ConnectionAdmission *admission) { m_admission = admission; }

private:
    AuthService &m_auth;
    const ConnectionAdmission *m_admission = nullptr;
    ModerationService &m_moderation;
    QByteArray m_localToken;
};

} // namespace Natter::Server
