#pragma once

#include <QList>
#include <QObject>
#include <QSettings>
#include <QSslCertificate>
#include <QSslError>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QWebSocket;

namespace Natter::Client {

// A certificate refused because it does not verify (self-signed, unknown CA) and is not the one pinned for its
// server. Nothing but the TLS handshake has reached that server.
struct TlsProblem
{
    enum class Kind { Unknown, Changed };
    Kind kind = Kind::Unknown;
    QString server; // "host:port"
    QString fingerprint; // SHA-256 of the certificate, "AB:CD:…" as `natter-server make-cert` prints it
    QString pinnedFingerprint; // Changed: the fingerprint trusted before
    QString subject; // the certificate's subject, e.g. "CN=chat.lan"
    QString reason; // what the TLS layer said
};

// Which self-signed certificates this profile trusts: one pinned SHA-256 fingerprint per server (host:port),
// kept in PIN_FILE. It decides every TLS handshake that does not verify normally, for REST (watch(nam)) and the
// gateway (watch(socket)): the errors are ignored only when every certificate they name is the pinned one;
// anything else aborts the handshake before a byte of HTTP (so no token) is sent, records the problem and emits
// refused(). A certificate that verifies against the system's CAs never comes here. Asking the user is the
// Account's job; this class never decides to trust on its own.
class TlsTrust : public QObject
{
    Q_OBJECT
public:
    // PIN_FILE empty: pins live in memory only.
    explicit TlsTrust(const QString &pinFile = {}, QObject *parent = nullptr);
    ~TlsTrust() override;

    // "host:port" of URL (443 for https without a port).
    static QString serverKey(const QUrl &url);
    static QString fingerprint(const QSslCertificate &certificate);
    static QString subject(const QSslCertificate &certificate);

    QString pinnedFingerprint(const QString &server) const;
    void pin(const QString &server, const QString &fingerprint);
    void unpin(const QString &server);

    // The last refusal for SERVER since clearProblem(SERVER) or pin(SERVER).
    std::optional<TlsProblem> problem(const QString &server) const;
    void clearProblem(const QString &server);

    // Decides about a handshake with URL that reported ERRORS; true: ignore them (the pinned certificate).
    // PEER is the server's certificate when known (else taken from the errors).
    bool accepts(const QUrl &url, const QList<QSslError> &errors, const QSslCertificate &peer = QSslCertificate());

    // Applies accepts() to every reply of NAM and to SOCKET (opened on URL).
    void watch(QNetworkAccessManager *nam);
    void watch(QWebSocket *socket, const QUrl &url);

signals:
    void refused(const Natter::Client::TlsProblem &problem);

private:
    std::unique_ptr<QSettings> m_pins;
    QHash<QString, QString> m_memoryPins;
    QHash<QString, TlsProblem> m_problems;
    QList<QNetworkAccessManager *> m_watched;
};

} // namespace Natter::Client
