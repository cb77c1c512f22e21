#pragma once

class QHttpServer;

namespace Natter::Server {

class ConnectionAdmission;

class AuthService;
class ChannelService;
class MessageService;
class UserStore;
class Views;
class MessageEditor;
class PinService;
class ChannelSettings;
class SearchService;

// Installs PROTOCOL.md's REST routes. Handlers only translate HTTP to service calls and back.
class RestApi
{
public:
    struct Services
    {
        AuthService &auth;
        ChannelService &channels;
        MessageService &messages;
        MessageEditor &editor;
        PinService &pins;
        ChannelSettings &settings;
        SearchService &search;
        UserStore &users;
        Views &views;
    };
    explicit RestApi(Services services);

    void install(QHttpServer &http);
    // Names the client address that logins and registrations are throttled by (trusted proxies).
    void setAdmission(const ConnectionAdmission *admission) { m_admission = admission; }

private:
    void installAccounts(QHttpServer &http);
    void installChannels(QHttpServer &http);
    void installMessages(QHttpServer &http);
    void installMessageChanges(QHttpServer &http);

    AuthService &m_auth;
    const ConnectionAdmission *m_admission = nullptr;
    ChannelService &m_channels;
    MessageService &m_messages;
    MessageEditor &m_editor;
    PinService &m_pins;
    ChannelSettings &m_settings;
    SearchService &m_search;
    UserStore &m_users;
    Views &m_views;
};

} // namespace Natter::Server
