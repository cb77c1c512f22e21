#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Natter::Server {

class Database;

// The moderation tables (issue 16): account state (server role, deactivation, password resets), mutes, invites,
// reports and the append-only audit log. Callers open the transaction; every write here runs inside it.
class ModerationStore
{
public:
    struct AuditEntry
    {
        qint64 id = 0;
        qint64 at = 0;
        qint64 actorId = 0; // 0: the command line on a stopped server
        QString action;
        QString targetType; // "user" | "channel" | "message" | "invite" | "report"
        qint64 targetId = 0;
        qint64 channelId = 0;
        QString reason;
        QString detail;
    };
    struct Invite
    {
        QString code;
        qint64 createdBy = 0;
        qint64 createdAt = 0;
        qint64 expiresAt = 0;
        int maxUses = 1;
        int uses = 0;
    };
    struct Report
    {
        qint64 id = 0;
        qint64 messageId = 0;
        qint64 channelId = 0;
        qint64 reporterId = 0;
        QString reason;
        qint64 createdAt = 0;
        QString status; // "open" | "resolved"
        QString outcome;
        qint64 resolvedBy = 0;
        qint64 resolvedAt = 0;
    };

    explicit ModerationStore(Database &db);

    // Accounts (UserStore::forget() the user afterwards: it caches rows).
    bool setServerRole(qint64 userId, const QString &role);
    bool setDeactivated(qint64 userId, qint64 at); // 0 reactivates
    bool setPassword(qint64 userId, const QString &hash, bool mustChange);
    QList<QByteArray> tokensOf(qint64 userId);
    int serverAdminCount();
    bool hasUsers();
    QList<qint64> serverAdminIds();
    bool setMemberRole(qint64 channelId, qint64 userId, const QString &role); // ChannelStore::invalidate() after
    std::optional<qint64> userIdByName(const QString &username);

    // Mutes: the time (Unix ms) USERID's mute in CHANNELID ends, or 0. Kept in memory as well.
    qint64 mutedUntil(qint64 channelId, qint64 userId, qint64 now);
    bool setMute(qint64 channelId, qint64 userId, qint64 until, qint64 by);
    bool clearMute(qint64 channelId, qint64 userId);

    // Invites.
    bool addInvite(const Invite &invite);
    std::optional<Invite> invite(const QString &code);
    // Takes one use of CODE when it is still valid at NOW; false otherwise.
    bool useInvite(const QString &code, qint64 now);
    void giveBackInvite(const QString &code);
    // The invites still usable at NOW, newest first; deleting one revokes it.
    QList<Invite> usableInvites(qint64 now);
    bool deleteInvite(const QString &code);

    // Reports.
    bool addReport(const Report &report);
    std::optional<Report> report(qint64 id);
    QList<Report> reports(const QString &status, qint64 before, int limit);
    qint64 openReportCount();
    bool resolveReport(qint64 id, const QString &outcome, qint64 by, qint64 at);

    // The audit log: appended, never changed.
    bool audit(const AuditEntry &entry);
    QList<AuditEntry> auditLog(qint64 before, int limit);

    // Another server instance changed mutes: read them again when next asked.
    void forgetMutes()
    {
        m_mutesLoaded = false;
        m_mutes.clear();
    }

private:
    void loadMutes();

    Database &m_db;
    bool m_mutesLoaded = false;
    QHash<QPair<qint64, qint64>, qint64> m_mutes;
};

} // namespace Natter::Server
