#pragma once

#include <common/protocol/events.h>
#include <common/protocol/moderation.h>
#include <common/protocol/user.h>

#include <QObject>
#include <QUrl>

#include <functional>

namespace Natter::Client {

class ApiClient;

// Moderation and administration through REST (docs/protocol.md, "Moderation"): reports, channel roles and mutes,
// read-only channels, and the server administrator's accounts, invites, report queue and audit log. It also
// knows whether the signed-in user is a server administrator (GET /users/me) and follows the live events that
// concern the UI: the open report count, the outcome of the user's reports and members' role and mute changes.
// Every callback gets a sentence for the user on failure (the server's own reason for a refusal), empty on
// success; callbacks never run after this object is gone. Nothing here spells a path or a JSON key.
class Moderation : public QObject
{
    Q_OBJECT
public:
    explicit Moderation(ApiClient *api, QObject *parent = nullptr);

    using Done = std::function<void(const QString &error)>;
    template<class T> using Answer = std::function<void(const T &value, const QString &error)>;

    // Asks the server who the signed-in user is (their server role) and, for an administrator, the number of
    // open reports. Called by the session after every `ready`.
    void refresh();
    bool isServerAdmin() const { return m_serverAdmin; }
    // The open reports (administrators only; 0 otherwise), kept current by `reports.count`.
    qint64 openReports() const { return m_openReports; }

    // Everybody.
    void report(Wire::Id messageId, const QString &reason, Done done);

    // Channel owners and admins (the server decides; the UI offers what docs/protocol.md allows).
    void setMemberRole(Wire::Id channel, Wire::Id user, Wire::Role role, Done done);
    void mute(Wire::Id channel, Wire::Id user, qint64 seconds, const QString &reason, Answer<qint64> done);
    void unmute(Wire::Id channel, Wire::Id user, Done done);
    void setReadOnly(Wire::Id channel, bool readOnly, Done done);

    // Server administrators.
    void users(const QString &query, Answer<QList<Wire::User>> done);
    void setDeactivated(Wire::Id user, bool deactivated, const QString &reason, Answer<Wire::User> done);
    void setServerRole(Wire::Id user, Wire::ServerRole role, Answer<Wire::User> done);
    // The temporary password the user signs in with once, then must replace.
    void resetPassword(Wire::Id user, Answer<QString> done);
    void createInvite(int maxUses, qint64 expiresInSeconds, Answer<Wire::Invite> done);
    void invites(Answer<QList<Wire::Invite>> done);
    void revokeInvite(const QString &code, Done done);
    // OPENONLY: the queue; else every report, newest first. BEFORE pages.
    void reports(bool openOnly, Wire::Id before, Answer<Wire::ReportList> done);
    void resolveReport(Wire::Id report, Wire::ReportAction action, const QString &reason, qint64 muteSeconds,
        Answer<Wire::Report> done);
    void audit(Wire::Id before, int limit, Answer<Wire::AuditPage> done);

    // The address a teammate enters to register with CODE: the server's address with `?invite=CODE`.
    static QUrl inviteLink(const QUrl &server, const QString &code);

    // Live events, fed by the session.
    void applyReportsCount(qint64 open);
    void applyReportResolved(const Wire::ReportResolved &event);
    void applyMemberUpdated(const Wire::MemberUpdated &event);

    // A sentence for the reporter: what became of their report.
    static QString outcomeSentence(const QString &outcome);

signals:
    void serverRoleChanged(bool admin);
    void openReportsChanged(qint64 open);
    // One of the user's reports was acted on; SENTENCE says how.
    void reportResolved(Natter::Wire::Id reportId, Natter::Wire::Id messageId, const QString &sentence);
    // A member's role or mute changed in a channel (mutedUntil 0: not muted).
    void memberUpdated(Natter::Wire::Id channelId, Natter::Wire::Id userId, Natter::Wire::Role role, qint64 mutedUntil);

private:
    ApiClient *m_api;
    bool m_serverAdmin = false;
    qint64 m_openReports = 0;
};

} // namespace Natter::Client
