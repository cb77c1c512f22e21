#pragma once

#include "data/channel.h"
#include "net/apiclient.h"
#include "net/tlstrust.h"
#include "store/profile.h"

#include <QObject>
#include <QSet>
#include <QSettings>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Natter::Client {

class Cache;
class GatewayClient;
class LocalServer;
class MediaCache;
class MediaLoader;
class Session;
class TokenStore;
class UploadClient;

// What the sign-in screen collects.
struct Credentials
{
    QString server; // as typed: "host", "host:port" or a URL
    QString username;
    QString password;
    QString displayName; // registration only; may be empty
    bool registering = false;
    // Registration on an invite-only server; when empty, taken from an invite link typed as the server address.
    QString invite;
};

// The composition root of the client: one profile's way onto a server. It builds the stack of a signed-in
// user (ApiClient, Cache, GatewayClient, Session), signs in, registers, resumes and signs out, and keeps the
// token in the TokenStore and the last server and username in the profile's settings. The UI talks to this
// and to the Session it hands out, never to REST.
class Account : public QObject
{
    Q_OBJECT
public:
    // TOKENS and NAM are not owned and must outlive the account.
    Account(
        const Profile &profile, TokenStore *tokens, QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~Account() override;

    const Profile &profile() const { return m_profile; }
    TokenStore *tokenStore() const { return m_tokens; }
    // The server and username of the last successful sign-in, as the profile's settings remember them.
    QString lastServer() const;
    QString lastUsername() const;

    // The signed-in user's session; null while signed out.
    Session *session() const { return m_session.get(); }
    bool isSignedIn() const { return m_session != nullptr; }
    QUrl server() const { return m_api.baseUrl(); }

    // Resumes the stored session on SERVER (as typed; empty: the last one used) without asking for a
    // password. DONE gets true when a session was opened (sessionStarted() has been emitted by then), false
    // when the user has to sign in. It may run before this returns.
    void resume(const QString &server, std::function<void(bool resumed)> done);

    // Signs in, or registers when CREDENTIALS.registering. On success the session is open (sessionStarted())
    // before DONE runs with an empty string; on failure DONE gets a sentence for the user. DONE may run
    // before this returns (an address that cannot be parsed, a missing field).
    using ErrorCallback = std::function<void(const QString &error)>;
    void signIn(const Credentials &credentials, ErrorCallback done);

    // After a sign-in refused because an administrator reset the password (passwordChangeRequired()): sets
    // NEWPASSWORD with the temporary one in CREDENTIALS (POST /auth/password) and opens the returned session
    // exactly as a sign-in does. DONE as for signIn(): empty on success, else a sentence for the user.
    void changePassword(const Credentials &credentials, const QString &newPassword, ErrorCallback done);

    // Revokes the token on the server (best effort: signing out works offline), forgets it locally and closes
    // the session.
    void signOut();

    // The bundled server for "Host a server on this computer", created on first use with its data in the
    // profile's server/ directory; it stops when the account is destroyed.
    LocalServer *localServer();

    // Files of the open session (null while signed out): uploads go on while the user reads other channels;
    // thumbnails and images are cached on disk under the profile, per server and user.
    UploadClient *uploads() const { return m_uploads.get(); }
    MediaLoader *media() const { return m_media.get(); }
    MediaCache *mediaCache() const { return m_mediaCache.get(); }
    // Self-signed servers. When a server's certificate does not verify and is not the one pinned for it, the
    // handshake is abandoned (nothing is sent) and the account asks through certificateNeedsApproval() (never
    // seen before) or certificateChanged() (a pinned server now shows another certificate). A sign-in waits for
    // the answer; an open session stays offline until then. Answer with answerCertificate(): TRUST pins
    // FINGERPRINT for SERVER (host:port) in the profile and retries (the sign-in, or the gateway at once);
    // refusing ends a waiting sign-in with a sentence saying nothing was sent. Each question is asked once at a
    // time; an answer to a question no longer pending is ignored.
    void answerCertificate(const QString &server, const QString &fingerprint, bool trust);
    TlsTrust *tlsTrust() { return &m_trust; }

signals:
    // A sign-in was refused with password_change_required: the user must choose a new password (emitted
    // before the sign-in's DONE runs).
    void passwordChangeRequired();
    void sessionStarted(Natter::Client::Session *session);
    // Emitted just before the session is destroyed: drop every pointer into it now.
    void sessionAboutToEnd();
    // The server stopped accepting the token; the session has been closed and the token forgotten.
    void sessionExpired();
    // The token store cannot keep tokens beyond this run (no keychain service).
    void tokenPersistenceUnavailable(const QString &reason);
    // SERVER ("host:port") presented a certificate that does not verify; FINGERPRINT is its SHA-256.
    void certificateNeedsApproval(const QString &server, const QString &fingerprint, const QString &subject);
    // SERVER, whose certificate PINNED was trusted, now presents another one (FINGERPRINT): refused.
    void certificateChanged(const QString &server, const QString &pinnedFingerprint, const QString &fingerprint,
        const QString &subject);

private:
    void openSession(const QUrl &server, const QString &username, const QString &token, const User &me);
    void closeSession();
    QString signInFailure(const ApiResult &result, const Credentials &credentials) const;
    void storeAndOpen(const QUrl &url, const QString &token, const User &me);
    void askAboutCertificate(const TlsProblem &problem);

    Profile m_profile;
    QSettings m_settings;
    TokenStore *m_tokens;
    // Before the gateway and the session, which use it: destroyed after them.
    TlsTrust m_trust;
    std::optional<TlsProblem> m_asking;
    struct PendingSignIn
    {
        Credentials credentials;
        ErrorCallback done;
    };
    std::optional<PendingSignIn> m_pendingSignIn;
    QSet<QString> m_declined; // "server fingerprint" refused by the user during this run (sessions only)
    ApiClient m_api;
    QString m_username;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<GatewayClient> m_gateway;
    std::unique_ptr<Session> m_session;
    LocalServer *m_localServer = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
    std::unique_ptr<UploadClient> m_uploads;
    std::unique_ptr<MediaCache> m_mediaCache;
    std::unique_ptr<MediaLoader> m_media;
};

} // namespace Natter::Client
