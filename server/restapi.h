#pragma once

class QHttpServer;
class AuthService;
class ChannelService;
class MessageService;
class UserStore;
class Views;

// Installs PROTOCOL.md's REST routes. Handlers only translate HTTP to service calls and back.
class RestApi
{
public:
    RestApi(AuthService &auth, ChannelService &channels, MessageService &messages, UserStore &users, Views &views);

    void install(QHttpServer &http);

private:
    void installAccounts(QHttpServer &http);
    void installChannels(QHttpServer &http);
    void installMessages(QHttpServer &http);

    AuthService &m_auth;
    ChannelService &m_channels;
    MessageService &m_messages;
    UserStore &m_users;
    Views &m_views;
};
