#include "net/tlstrust.h"
#include "logging.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QWebSocket>

namespace Natter::Client {

namespace {
const QString PinGroup = QStringLiteral("pins");

// Errors that only say "not signed by a CA you know" or "issued for another name": what a self-signed certificate
// causes, and what a pin answers. Expiry, revocation, a broken signature or a missing certificate never are.
bool pinnable(QSslError::SslError error)
{
    switch (error) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
    case QSslError::InvalidCaCertificate:
    case QSslError::InvalidPurpose:
    case QSslError::HostNameMismatch:
        return true;
    default:
        return false;
    }
}

// QSettings treats '/' and '\' in keys as separators; host:port never has them, but be safe.
QString settingsKey(const QString &server)
{
    return QString(server).replace(u'/', u'_').replace(u'\\', u'_');
}
} // namespace

TlsTrust::TlsTrust(const QString &pinFile, QObject *parent)
    : QObject(parent)
{
    if (!pinFile.isEmpty()) m_pins = std::make_unique<QSettings>(pinFile, QSettings::IniFormat);
}

TlsTrust::~TlsTrust() = default;

QString TlsTrust::serverKey(const QUrl &url)
{
    const bool tls = url.scheme() == u"https" || url.scheme() == u"wss";
    return url.host().toLower() + u':' + QString::number(url.port(tls ? 443 : 80));
}

QString TlsTrust::fingerprint(const QSslCertificate &certificate)
{
    if (certificate.isNull()) return {};
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

QString TlsTrust::subject(const QSslCertificate &certificate)
{
    QStringList parts;
    for (const auto attribute : { QSslCertificate::CommonName, QSslCertificate::Organization }) {
        const QStringList values = certificate.subjectInfo(attribute);
        if (!values.isEmpty())
            parts.append((attribute == QSslCertificate::CommonName ? u"CN="_qs : u"O="_qs) + values.join(u", "));
    }
    return parts.join(u", ");
}

QString TlsTrust::pinnedFingerprint(const QString &server) const
{
    if (!m_pins) return m_memoryPins.value(server);
    return m_pins->value(PinGroup + u'/' + settingsKey(server)).toString();
}

void TlsTrust::pin(const QString &server, const QString &fingerprint)
{
    qCInfo(lcApi) << "pinning the certificate of" << server << fingerprint;
    if (m_pins) {
        m_pins->setValue(PinGroup + u'/' + settingsKey(server), fingerprint);
        m_pins->sync();
    } else {
        m_memoryPins.insert(server, fingerprint);
    }
    m_problems.remove(server);
}

void TlsTrust::unpin(const QString &server)
{
    if (m_pins) {
        m_pins->remove(PinGroup + u'/' + settingsKey(server));
        m_pins->sync();
    }
    m_memoryPins.remove(server);
}

std::optional<TlsProblem> TlsTrust::problem(const QString &server) const
{
    const auto it = m_problems.constFind(server);
    if (it == m_problems.cend()) return std::nullopt;
    return *it;
}

void TlsTrust::clearProblem(const QString &server)
{
    m_problems.remove(server);
}

bool TlsTrust::accepts(const QUrl &url, const QList<QSslError> &errors, const QSslCertificate &peer)
{
    const QString server = serverKey(url);
    QSslCertificate certificate = peer;
    for (const QSslError &error : errors)
        if (certificate.isNull() && !error.certificate().isNull()) certificate = error.certificate();
    const QString seen = fingerprint(certificate);
    const QString pinned = pinnedFingerprint(server);

    QStringList reasons;
    bool pinMatches = !pinned.isEmpty() && seen == pinned && !errors.isEmpty();
    for (const QSslError &error : errors) {
        reasons.append(error.errorString());
        if (!pinnable(error.error())) pinMatches = false;
        // Every certificate the errors name must be the pinned one: a chain that merely contains it is not.
        if (!error.certificate().isNull() && fingerprint(error.certificate()) != pinned) pinMatches = false;
    }
    if (pinMatches) return true;

    TlsProblem problem;
    problem.server = server;
    problem.fingerprint = seen;
    problem.subject = subject(certificate);
    problem.reason = reasons.join(u"; ");
    if (!pinned.isEmpty() && seen != pinned) {
        problem.kind = TlsProblem::Kind::Changed;
        problem.pinnedFingerprint = pinned;
        qCWarning(lcApi).noquote() << "refusing the certificate of" << server << seen << "- it is not the pinned"
                                   << pinned;
    } else {
        qCInfo(lcApi).noquote() << "refusing the certificate of" << server << seen << ':' << problem.reason;
    }
    m_problems.insert(server, problem);
    emit refused(problem);
    return false;
}

void TlsTrust::watch(QNetworkAccessManager *nam)
{
    if (!nam || m_watched.contains(nam)) return;
    m_watched.append(nam);
    connect(nam, &QObject::destroyed, this, [this, nam] { m_watched.removeAll(nam); });
    connect(nam, &QNetworkAccessManager::sslErrors, this, [this](QNetworkReply *reply, const QList<QSslError> &errors) {
        if (accepts(reply->url(), errors, reply->sslConfiguration().peerCertificate()))
            reply->ignoreSslErrors(errors);
    });
}

void TlsTrust::watch(QWebSocket *socket, const QUrl &url)
{
    connect(socket, &QWebSocket::sslErrors, this, [this, socket, url](const QList<QSslError> &errors) {
        if (accepts(url, errors)) socket->ignoreSslErrors();
    });
}

} // namespace Natter::Client
