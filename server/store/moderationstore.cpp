#include "store/moderationstore.h"
#include "store/database.h"

#include <common/validation.h>

#include <QSqlQuery>

namespace Natter::Server {

ModerationStore::ModerationStore(Database &db)
    : m_db(db)
{
}

namespace {
bool changedOne(QSqlQuery &q)
{
    return Database::exec(q) && q.numRowsAffected() == 1;
}
} // namespace

bool ModerationStore::setServerRole(qint64 userId, const QString &role)
{
    QSqlQuery &q = m_db.prepare(u"UPDATE users SET server_role = ? WHERE id = ?"_qs);
    q.addBindValue(role);
    q.addBindValue(userId);
    return changedOne(q);
}

bool ModerationStore::setDeactivated(qint64 userId, qint64 at)
{
    QSqlQuery &q = m_db.prepare(u"UPDATE users SET deactivated_at = ? WHERE id = ?"_qs);
    q.addBindValue(at);
    q.addBindValue(userId);
    return changedOne(q);
}

bool ModerationStore::setPassword(qint64 userId, const QString &hash, bool mustChange)
{
    QSqlQuery &q = m_db.prepare(u"UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?"_qs);
    q.addBindValue(hash);
    q.addBindValue(mustChange ? 1 : 0);
    q.addBindValue(userId);
    return changedOne(q);
}

QList<QByteArray> ModerationStore::tokensOf(qint64 userId)
{
    QSqlQuery &q = m_db.prepare(u"SELECT hash FROM tokens WHERE user_id = ?"_qs);
    q.addBindValue(userId);
    QList<QByteArray> out;
    Database::forEach(q, [&](const QSqlQuery &row) { out.append(row.value(0).toByteArray()); });
    return out;
}

int ModerationStore::serverAdminCount()
{
    QSqlQuery &q = m_db.prepare(u"SELECT count(*) FROM users WHERE server_role = 'admin' AND deactivated_at = 0"_qs);
    return Database::one(q, [](const QSqlQuery &row) { return row.value(0).toInt(); }).value_or(0);
}

QList<qint64> ModerationStore::serverAdminIds()
{
    QSqlQuery &q = m_db.prepare(u"SELECT id FROM users WHERE server_role = 'admin' AND deactivated_at = 0"_qs);
    QList<qint64> out;
    Database::forEach(q, [&](const QSqlQuery &row) { out.append(row.value(0).toLongLong()); });
    return out;
}

bool ModerationStore::setMemberRole(qint64 channelId, qint64 userId, const QString &role)
{
    QSqlQuery &q = m_db.prepare(u"UPDATE members SET role = ? WHERE channel_id = ? AND user_id = ?"_qs);
    q.addBindValue(role);
    q.addBindValue(channelId);
    q.addBindValue(userId);
    return changedOne(q);
}

bool ModerationStore::hasUsers()
{
    QSqlQuery &q = m_db.prepare(u"SELECT EXISTS (SELECT 1 FROM users)"_qs);
    return Database::one(q, [](const QSqlQuery &row) { return row.value(0).toBool(); }).value_or(true);
}

std::optional<qint64> ModerationStore::userIdByName(const QString &username)
{
    QSqlQuery &q = m_db.prepare(u"SELECT id FROM users WHERE username_key = ?"_qs);
    q.addBindValue(Validation::canonicalUsername(username));
    return Database::one(q, [](const QSqlQuery &row) { return row.value(0).toLongLong(); });
}

void ModerationStore::loadMutes()
{
    if (m_mutesLoaded)
        return;
    QSqlQuery &q = m_db.prepare(u"SELECT channel_id, user_id, until FROM mutes"_qs);
    Database::forEach(q, [&](const QSqlQuery &row) {
        m_mutes.insert({ row.value(0).toLongLong(), row.value(1).toLongLong() }, row.value(2).toLongLong());
    });
    m_mutesLoaded = true;
}

qint64 ModerationStore::mutedUntil(qint64 channelId, qint64 userId, qint64 now)
{
    loadMutes();
    const qint64 until = m_mutes.value({ channelId, userId }, 0);
    return until > now ? until : 0;
}

bool ModerationStore::setMute(qint64 channelId, qint64 userId, qint64 until, qint64 by)
{
    loadMutes();
    QSqlQuery &q = m_db.prepare(u"INSERT INTO mutes (channel_id, user_id, until, muted_by) VALUES (?, ?, ?, ?)"
                                " ON CONFLICT (channel_id, user_id) DO UPDATE SET until = excluded.until,"
                                " muted_by = excluded.muted_by"_qs);
    q.addBindValue(channelId);
    q.addBindValue(userId);
    q.addBindValue(until);
    q.addBindValue(by);
    if (!Database::exec(q))
        return false;
    m_mutes.insert({ channelId, userId }, until);
    return true;
}

bool ModerationStore::clearMute(qint64 channelId, qint64 userId)
{
    loadMutes();
    QSqlQuery &q = m_db.prepare(u"DELETE FROM mutes WHERE channel_id = ? AND user_id = ?"_qs);
    q.addBindValue(channelId);
    q.addBindValue(userId);
    if (!Database::exec(q))
        return false;
    m_mutes.remove({ channelId, userId });
    return true;
}

bool ModerationStore::addInvite(const Invite &i)
{
    QSqlQuery &q = m_db.prepare(u"INSERT INTO invites (code, created_by, created_at, expires_at, max_uses, uses)"
                                " VALUES (?, ?, ?, ?, ?, 0)"_qs);
    q.addBindValue(i.code);
    q.addBindValue(i.createdBy);
    q.addBindValue(i.createdAt);
    q.addBindValue(i.expiresAt);
    q.addBindValue(i.maxUses);
    return Database::exec(q);
}

std::optional<ModerationStore::Invite> ModerationStore::invite(const QString &code)
{
    QSqlQuery &q = m_db.prepare(
        u"SELECT code, created_by, created_at, expires_at, max_uses, uses FROM invites WHERE code = ?"_qs);
    q.addBindValue(code);
    return Database::one(q, [](const QSqlQuery &r) {
        return Invite { r.value(0).toString(), r.value(1).toLongLong(), r.value(2).toLongLong(),
            r.value(3).toLongLong(), r.value(4).toInt(), r.value(5).toInt() };
    });
}

bool ModerationStore::useInvite(const QString &code, qint64 now)
{
    QSqlQuery &q = m_db.prepare(
        u"UPDATE invites SET uses = uses + 1 WHERE code = ? AND uses < max_uses AND expires_at > ?"_qs);
    q.addBindValue(code);
    q.addBindValue(now);
    return changedOne(q);
}

void ModerationStore::giveBackInvite(const QString &code)
{
    QSqlQuery &q = m_db.prepare(u"UPDATE invites SET uses = uses - 1 WHERE code = ? AND uses > 0"_qs);
    q.addBindValue(code);
    Database::exec(q);
}

QList<ModerationStore::Invite> ModerationStore::usableInvites(qint64 now)
{
    QSqlQuery &q = m_db.prepare(u"SELECT code, created_by, created_at, expires_at, max_uses, uses FROM invites"
                                " WHERE expires_at > ? AND uses < max_uses ORDER BY created_at DESC LIMIT 1000"_qs);
    q.addBindValue(now);
    QList<Invite> out;
    Database::forEach(q, [&](const QSqlQuery &r) {
        out.append({ r.value(0).toString(), r.value(1).toLongLong(), r.value(2).toLongLong(), r.value(3).toLongLong(),
            r.value(4).toInt(), r.value(5).toInt() });
    });
    return out;
}

bool ModerationStore::deleteInvite(const QString &code)
{
    QSqlQuery &q = m_db.prepare(u"DELETE FROM invites WHERE code = ?"_qs);
    q.addBindValue(code);
    return changedOne(q);
}

namespace {
const QString ReportColumns = u"id, message_id, channel_id, reporter_id, reason, created_at, status,"
                              " coalesce(outcome, ''), coalesce(resolved_by, 0), coalesce(resolved_at, 0)"_qs;
ModerationStore::Report reportFrom(const QSqlQuery &r)
{
    return { r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toLongLong(), r.value(3).toLongLong(),
        r.value(4).toString(), r.value(5).toLongLong(), r.value(6).toString(), r.value(7).toString(),
        r.value(8).toLongLong(), r.value(9).toLongLong() };
}
} // namespace

bool ModerationStore::addReport(const Report &r)
{
    QSqlQuery &q = m_db.prepare(u"INSERT INTO reports (id, message_id, channel_id, reporter_id, reason, created_at)"
                                " VALUES (?, ?, ?, ?, coalesce(?, ''), ?)"_qs);
    q.addBindValue(r.id);
    q.addBindValue(r.messageId);
    q.addBindValue(r.channelId);
    q.addBindValue(r.reporterId);
    q.addBindValue(r.reason);
    q.addBindValue(r.createdAt);
    return Database::exec(q);
}

std::optional<ModerationStore::Report> ModerationStore::report(qint64 id)
{
    QSqlQuery &q = m_db.prepare(u"SELECT "_qs + ReportColumns + u" FROM reports WHERE id = ?"_qs);
    q.addBindValue(id);
    return Database::one(q, reportFrom);
}

QList<ModerationStore::Report> ModerationStore::reports(const QString &status, qint64 before, int limit)
{
    QSqlQuery &q = m_db.prepare(u"SELECT "_qs + ReportColumns
        + u" FROM reports WHERE (? = 1 OR status = ?) AND id < ? ORDER BY id DESC LIMIT ?"_qs);
    // An empty STATUS is every report (a null QString would bind as NULL, which equals nothing).
    q.addBindValue(status.isEmpty() ? 1 : 0);
    q.addBindValue(status);
    q.addBindValue(before ? before : std::numeric_limits<qint64>::max());
    q.addBindValue(limit);
    QList<Report> out;
    Database::forEach(q, [&](const QSqlQuery &row) { out.append(reportFrom(row)); });
    return out;
}

qint64 ModerationStore::openReportCount()
{
    QSqlQuery &q = m_db.prepare(u"SELECT count(*) FROM reports WHERE status = 'open'"_qs);
    return Database::one(q, [](const QSqlQuery &row) { return row.value(0).toLongLong(); }).value_or(0);
}

bool ModerationStore::resolveReport(qint64 id, const QString &outcome, qint64 by, qint64 at)
{
    QSqlQuery &q = m_db.prepare(u"UPDATE reports SET status = 'resolved', outcome = ?, resolved_by = ?,"
                                " resolved_at = ? WHERE id = ? AND status = 'open'"_qs);
    q.addBindValue(outcome);
    q.addBindValue(by);
    q.addBindValue(at);
    q.addBindValue(id);
    return changedOne(q);
}

bool ModerationStore::audit(const AuditEntry &e)
{
    QSqlQuery &q = m_db.prepare(u"INSERT INTO audit_log (at, actor_id, action, target_type, target_id, channel_id,"
                                " reason, detail) VALUES (?, ?, ?, ?, ?, ?, coalesce(?, ''), coalesce(?, ''))"_qs);
    q.addBindValue(e.at);
    q.addBindValue(e.actorId);
    q.addBindValue(e.action);
    q.addBindValue(e.targetType);
    q.addBindValue(e.targetId);
    q.addBindValue(e.channelId);
    q.addBindValue(e.reason);
    q.addBindValue(e.detail);
    return Database::exec(q);
}

QList<ModerationStore::AuditEntry> ModerationStore::auditLog(qint64 before, int limit)
{
    QSqlQuery &q = m_db.prepare(u"SELECT id, at, actor_id, action, target_type, target_id, channel_id, reason,"
                                " detail FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?"_qs);
    q.addBindValue(before ? before : std::numeric_limits<qint64>::max());
    q.addBindValue(limit);
    QList<AuditEntry> out;
    Database::forEach(q, [&](const QSqlQuery &r) {
        out.append({ r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toLongLong(), r.value(3).toString(),
            r.value(4).toString(), r.value(5).toLongLong(), r.value(6).toLongLong(), r.value(7).toString(),
            r.value(8).toString() });
    });
    return out;
}

} // namespace Natter::Server
