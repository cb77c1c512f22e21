#include "session/account.h"
#include "media/mediacache.h"
#include "media/medialoader.h"
#include "media/uploadclient.h"
#include "store/appsettings.h"
#include "host/localserver.h"
#include "net/gatewayclient.h"
#include "session/session.h"
#include "store/cache.h"
#include "store/tokenstore.h"

#include <common/protocol/codec.h>
#include <common/protocol/error.h>
#include <common/protocol/keys.h>
#include <common/protocol/moderation.h>
#include <common/protocol/rest.h>
#include <common/protocollimits.h>

#include <QTimer>

namespace Natter::Client {

namespace {
const QString ServerKey = QStringLiteral("server");
const QString UsernameKey = QStringLiteral("username");
}

Account::Account(const Profile &profile, TokenStore *tokens, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_settings(profile.settingsPath(), QSettings::IniFormat)
    , m_tokens(tokens)
    , m_trust(profile.trustedCertificatesPath())
    , m_api(nam)
{
    m_nam = nam;
    connect(m_tokens, &TokenStore::persistenceUnavailable, this, &Account::tokenPersistenceUnavailable);
    m_trust.watch(nam);
    // An open session meeting a certificate it may not use (the gateway's reconnect, a REST call): ask. A
    // sign-in asks from its own failure path instead, below.
    connect(&m_trust, &TlsTrust::refused, this, [this](const TlsProblem &problem) {
        if (!m_session || problem.server != TlsTrust::serverKey(m_api.baseUrl())) return;
        if (m_declined.contains(problem.server + u' ' + problem.fingerprint)) return;
        askAboutCertificate(problem);
    });
}

Account::~Account()
{
    closeSession();
}

QString Account::lastServer() const
{
    return m_settings.value(ServerKey).toString();
}

QString Account::lastUsername() const
{
    return m_settings.value(UsernameKey).toString();
}

void Account::resume(const QString &server, std::function<void(bool resumed)> done)
{
    const QString last = lastServer();
    const QUrl url = normalizeServerUrl(server.isEmpty() ? last : server);
    const QString username = lastUsername();
    // A token belongs to one server and one user: resume only what was signed in last.
    if (!url.isValid() || username.isEmpty() || (!server.isEmpty() && normalizeServerUrl(last) != url)) {
        done(false);
        return;
    }
    m_tokens->readToken(
        m_profile.keychainKey(url, username), [this, url, username, done](const QString &token) {
            if (token.isEmpty()) {
                done(false);
                return;
            }
            User me;
            me.username = username;
            openSession(url, username, token, me);
            done(true);
        });
}

void Account::signIn(const Credentials &credentials, ErrorCallback done)
{
    const QUrl url = normalizeServerUrl(credentials.server);
    if (!url.isValid()) {
        done(tr("Enter the server's address, for example chat.example.com:%1.").arg(Limits::DefaultPort));
        return;
    }
    if (credentials.username.isEmpty() || credentials.password.isEmpty()) {
        done(tr("Enter your username and password."));
        return;
    }
    m_api.setBaseUrl(url);
    m_api.setToken({});
    const QString serverKey = TlsTrust::serverKey(url);
    m_trust.clearProblem(serverKey);
    auto finished = [this, url, serverKey, credentials, done](const ApiResult &result) {
        const auto session = result.ok() ? Wire::decode<Wire::AuthSession>(result.json) : std::nullopt;
        if (result.networkError) {
            // The handshake was abandoned over the certificate: nothing was sent. Ask, and wait for the answer.
            if (const std::optional<TlsProblem> problem = m_trust.problem(serverKey)) {
                if (m_pendingSignIn && m_pendingSignIn->done)
                    m_pendingSignIn->done(tr("Signing in to %1 was cancelled.").arg(m_pendingSignIn->credentials.server));
                m_pendingSignIn = PendingSignIn { credentials, done };
                m_asking.reset(); // a sign-in always asks again, even about a certificate refused earlier
                askAboutCertificate(*problem);
                return;
            }
        }
        if (!session && result.status == 403
            && result.errorCode == Wire::toName(Wire::ErrorCode::PasswordChangeRequired))
            emit passwordChangeRequired();
        if (!session) {
            done(result.ok() ? tr("%1 answered in a way Natter does not understand.").arg(credentials.server)
                             : signInFailure(result, credentials));
            return;
        }
        storeAndOpen(url, session->token, User(session->user));
        done({});
    };
    if (credentials.registering)
        m_api.registerUser(credentials.username, credentials.password, credentials.displayName,
            credentials.invite.isEmpty() ? inviteFromAddress(credentials.server) : credentials.invite, this, finished);
    else
        m_api.login(credentials.username, credentials.password, this, finished);
}

void Account::storeAndOpen(const QUrl &url, const QString &token, const User &me)
{
    m_tokens->writeToken(m_profile.keychainKey(url, me.username), token);
    m_settings.setValue(ServerKey, url.toString());
    m_settings.setValue(UsernameKey, me.username);
    openSession(url, me.username, token, me);
}

void Account::changePassword(const Credentials &credentials, const QString &newPassword, ErrorCallback done)
{
    const QUrl url = normalizeServerUrl(credentials.server);
    if (!url.isValid() || credentials.username.isEmpty() || credentials.password.isEmpty()) {
        done(tr("Enter your username and password."));
        return;
    }
    m_api.setBaseUrl(url);
    m_api.setToken({});
    const Wire::ChangePassword body { credentials.username, credentials.password, newPassword };
    m_api.post(Wire::Rest::changePasswordPath(), Wire::encode(body), this,
        [this, url, credentials, done](const ApiResult &result) {
            const auto changed = result.ok() ? Wire::decode<Wire::PasswordChanged>(result.json) : std::nullopt;
            if (changed) {
                // The answer has no user object: the session learns the rest of "me" as after a resume.
                User me;
                me.username = credentials.username;
                storeAndOpen(url, changed->token, me);
                done({});
                return;
            }
            if (result.status == 429) {
                const auto error = Wire::decode<Wire::Error>(result.json.value(Wire::Key::Error).toObject());
                const qint64 seconds = error && error->retryAfterMs > 0 ? (error->retryAfterMs + 999) / 1000 : 0;
                if (seconds > 0) {
                    done(tr("Too many attempts. Try again in %n second(s).", nullptr, int(seconds)));
                    return;
                }
            }
            if ((result.status == 400 || result.status == 403) && !result.errorMessage.isEmpty()) {
                done(tr("The server refused the new password: %1").arg(result.errorMessage));
                return;
            }
            done(result.ok() ? tr("%1 answered in a way Natter does not understand.").arg(credentials.server)
                             : signInFailure(result, credentials));
        });
}

QString Account::signInFailure(const ApiResult &result, const Credentials &credentials) const
{
    if (result.networkError)
        return tr("Cannot reach the server at %1. Check the address and that the server is running.")
            .arg(credentials.server);
    if (result.status == 401) return tr("Wrong username or password.");
    if (result.status == 409 && credentials.registering)
        return tr("The username “%1” is already taken. Choose another one, or sign in.")
            .arg(credentials.username);
    if (result.status == 429) return tr("Too many attempts. Wait a moment and try again.");
    // Moderation: a deactivated account, a password reset, an invite-only or closed server say why.
    if (result.status == 403 && !result.errorMessage.isEmpty()) return tr("Not allowed: %1").arg(result.errorMessage);
    if (result.status == 400)
        return credentials.registering
            ? tr("The server refused these details: %1. Usernames are %2–%3 characters of a–z, 0–9, "
                 "“_”, “.” and “-”; passwords at least %4 characters.")
                  .arg(result.errorMessage)
                  .arg(Limits::MinUsernameChars)
                  .arg(Limits::MaxUsernameChars)
                  .arg(Limits::MinPasswordChars)
            : tr("The server refused these details: %1").arg(result.errorMessage);
    if (result.status == 404) return tr("%1 does not look like a Natter server.").arg(credentials.server);
    return tr("The server answered with an error (%1). Try again later.").arg(result.status);
}

void Account::openSession(const QUrl &server, const QString &username, const QString &token, const User &me)
{
    closeSession();
    m_api.setBaseUrl(server);
    m_api.setToken(token);
    m_username = username;
    m_cache = std::make_unique<Cache>();
    m_cache->open(m_profile.cachePath(server, username));
    m_gateway = std::make_unique<GatewayClient>();
    m_gateway->setTlsTrust(&m_trust);
    m_session = std::make_unique<Session>(&m_api, m_gateway.get(), m_cache.get());
    if (me.id.isValid()) m_session->setMe(me);
    m_uploads = std::make_unique<UploadClient>(m_nam, &m_api);
    m_mediaCache = std::make_unique<MediaCache>(m_profile.mediaCachePath(server, username),
        AppSettings(m_profile).cacheMaxBytes());
    m_media = std::make_unique<MediaLoader>(m_nam, &m_api, m_mediaCache.get());
    connect(m_session.get(), &Session::signedOut, this, [this] {
        m_tokens->deleteToken(m_profile.keychainKey(m_api.baseUrl(), m_username));
        // Not from inside the session's own signal: it is destroyed here.
        QTimer::singleShot(0, this, [this] {
            closeSession();
            emit sessionExpired();
        });
    });
    m_session->start();
    emit sessionStarted(m_session.get());
}

void Account::closeSession()
{
    if (!m_session) return;
    emit sessionAboutToEnd();
    m_session->stop();
    m_media.reset();
    m_mediaCache.reset();
    m_uploads.reset();
    m_session.reset();
    m_gateway.reset();
    m_cache.reset();
    m_api.setToken({});
}

void Account::signOut()
{
    if (!m_session) return;
    // Revoke on the server first; the local copy goes whatever the answer, so signing out always works
    // offline.
    m_api.logout(this, [](const ApiResult &) {});
    m_tokens->deleteToken(m_profile.keychainKey(m_api.baseUrl(), m_username));
    closeSession();
}

void Account::askAboutCertificate(const TlsProblem &problem)
{
    if (m_asking && m_asking->server == problem.server && m_asking->fingerprint == problem.fingerprint)
        return; // already asked; the gateway's retries do not ask again
    m_asking = problem;
    if (problem.kind == TlsProblem::Kind::Changed)
        emit certificateChanged(problem.server, problem.pinnedFingerprint, problem.fingerprint, problem.subject);
    else
        emit certificateNeedsApproval(problem.server, problem.fingerprint, problem.subject);
}

void Account::answerCertificate(const QString &server, const QString &fingerprint, bool trust)
{
    if (!m_asking || m_asking->server != server || m_asking->fingerprint != fingerprint || fingerprint.isEmpty())
        return;
    const TlsProblem problem = *std::exchange(m_asking, std::nullopt);
    std::optional<PendingSignIn> pending = std::exchange(m_pendingSignIn, std::nullopt);
    if (trust) {
        m_trust.pin(server, fingerprint);
        m_declined.remove(server + u' ' + fingerprint);
        if (pending && TlsTrust::serverKey(normalizeServerUrl(pending->credentials.server)) == server) {
            signIn(pending->credentials, pending->done);
            return;
        }
        if (m_gateway && TlsTrust::serverKey(m_api.baseUrl()) == server) {
            // Reconnect now rather than after the backoff.
            m_gateway->stop();
            m_gateway->start();
        }
        if (pending && pending->done)
            pending->done(tr("Signing in to %1 was cancelled.").arg(pending->credentials.server));
        return;
    } else {
        m_declined.insert(server + u' ' + fingerprint);
    }
    if (pending && pending->done) {
        pending->done(problem.kind == TlsProblem::Kind::Changed
                ? tr("The certificate of %1 has changed and was not trusted, so nothing was sent to it. Ask the "
                     "server's administrator whether the certificate was replaced.")
                      .arg(pending->credentials.server)
                : tr("The certificate of %1 was not trusted, so nothing was sent to it.")
                      .arg(pending->credentials.server));
    }
}

LocalServer *Account::localServer()
{
    if (!m_localServer) m_localServer = new LocalServer(m_profile.dataDir() + u"/server"_qs, this);
    return m_localServer;
}

} // namespace Natter::Client
