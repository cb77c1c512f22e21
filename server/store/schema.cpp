#include "store/schema.h"

namespace Natter::Server {

namespace Schema {

const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {
        // 0 -> 1: accounts, channels, membership, messages and the per-channel event log.
        {
            QStringLiteral("CREATE TABLE users ("
                           " id INTEGER PRIMARY KEY,"
                           " username TEXT NOT NULL,"
                           " username_key TEXT NOT NULL UNIQUE,"
                           " display_name TEXT NOT NULL,"
                           " password_hash TEXT NOT NULL,"
                           " created_at INTEGER NOT NULL,"
                           " last_seen INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE tokens ("
                           " hash BLOB PRIMARY KEY,"
                           " user_id INTEGER NOT NULL REFERENCES users(id),"
                           " created_at INTEGER NOT NULL) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX tokens_user ON tokens(user_id)"),
            QStringLiteral("CREATE TABLE channels ("
                           " id INTEGER PRIMARY KEY,"
                           " type TEXT NOT NULL CHECK (type IN ('group', 'direct')),"
                           " name TEXT NOT NULL,"
                           " topic TEXT NOT NULL DEFAULT '',"
                           " visibility TEXT NOT NULL CHECK (visibility IN ('public', 'private')),"
                           " created_by INTEGER NOT NULL,"
                           " created_at INTEGER NOT NULL,"
                           " last_message_at INTEGER NOT NULL DEFAULT 0,"
                           " last_seq INTEGER NOT NULL DEFAULT 0,"
                           " message_count INTEGER NOT NULL DEFAULT 0,"
                           " member_count INTEGER NOT NULL DEFAULT 0,"
                           " direct_key TEXT UNIQUE)"),
            QStringLiteral("CREATE INDEX channels_public ON channels(visibility, type, name)"),
            // read_ordinal counts the channel's messages the member has read, so that
            // unread = channels.message_count - read_ordinal without scanning messages.
            QStringLiteral("CREATE TABLE members ("
                           " channel_id INTEGER NOT NULL REFERENCES channels(id),"
                           " user_id INTEGER NOT NULL REFERENCES users(id),"
                           " role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member')),"
                           " joined_at INTEGER NOT NULL,"
                           " last_read_message_id INTEGER NOT NULL DEFAULT 0,"
                           " read_ordinal INTEGER NOT NULL DEFAULT 0,"
                           " mention_count INTEGER NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (channel_id, user_id)) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX members_user ON members(user_id, channel_id)"),
            QStringLiteral("CREATE TABLE messages ("
                           " id INTEGER PRIMARY KEY,"
                           " channel_id INTEGER NOT NULL REFERENCES channels(id),"
                           " seq INTEGER NOT NULL,"
                           " ordinal INTEGER NOT NULL,"
                           " author_id INTEGER NOT NULL REFERENCES users(id),"
                           " client_msg_id TEXT NOT NULL,"
                           " text TEXT NOT NULL,"
                           " parent_id INTEGER,"
                           " reply_count INTEGER NOT NULL DEFAULT 0,"
                           " mentions TEXT NOT NULL DEFAULT '',"
                           " created_at INTEGER NOT NULL,"
                           " edited_at INTEGER NOT NULL DEFAULT 0,"
                           " deleted_at INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE UNIQUE INDEX messages_idempotency ON messages(author_id, client_msg_id)"),
            QStringLiteral(
                "CREATE INDEX messages_channel ON messages(channel_id, id) WHERE parent_id IS NULL"),
            QStringLiteral(
                "CREATE INDEX messages_thread ON messages(parent_id, id) WHERE parent_id IS NOT NULL"),
            QStringLiteral("CREATE TABLE channel_events ("
                           " channel_id INTEGER NOT NULL,"
                           " seq INTEGER NOT NULL,"
                           " type TEXT NOT NULL,"
                           " payload BLOB NOT NULL,"
                           " PRIMARY KEY (channel_id, seq)) WITHOUT ROWID"),
        },
        // 1 -> 2: reactions, pins, full-text search, uploads and attachments, link previews.
        {
            QStringLiteral("CREATE TABLE reactions ("
                           " message_id INTEGER NOT NULL,"
                           " user_id INTEGER NOT NULL,"
                           " emoji TEXT NOT NULL,"
                           " created_at INTEGER NOT NULL,"
                           " PRIMARY KEY (message_id, emoji, user_id)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE pins ("
                           " channel_id INTEGER NOT NULL,"
                           " message_id INTEGER NOT NULL,"
                           " pinned_by INTEGER NOT NULL,"
                           " pinned_at INTEGER NOT NULL,"
                           " PRIMARY KEY (channel_id, message_id)) WITHOUT ROWID"),
            // Who may pin: 'members' (default) or 'admins' (owners and admins only).
            QStringLiteral("ALTER TABLE channels ADD COLUMN pin_policy TEXT NOT NULL DEFAULT 'members'"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN preview TEXT"),
            // External-content FTS5 index over messages.text, kept in step by triggers: a deleted message
            // (text
            // cleared, deleted_at set) leaves the index.
            QStringLiteral(
                "CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='id',"
                " tokenize='unicode61 remove_diacritics 2')"),
            QStringLiteral(
                "CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.deleted_at = 0 BEGIN"
                " INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text); END"),
            QStringLiteral(
                "CREATE TRIGGER messages_fts_update AFTER UPDATE OF text, deleted_at ON messages BEGIN"
                " INSERT INTO messages_fts(messages_fts, rowid, text)"
                "  SELECT 'delete', old.id, old.text WHERE old.deleted_at = 0;"
                " INSERT INTO messages_fts(rowid, text) SELECT new.id, new.text WHERE new.deleted_at = 0;"
                " END"),
            QStringLiteral("CREATE TABLE uploads ("
                           " id INTEGER PRIMARY KEY,"
                           " uploader_id INTEGER NOT NULL,"
                           " name TEXT NOT NULL,"
                           " mime TEXT NOT NULL,"
                           " size INTEGER NOT NULL,"
                           " storage_key TEXT NOT NULL,"
                           " width INTEGER,"
                           " height INTEGER,"
                           " thumbnail_key TEXT,"
                           " created_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE message_attachments ("
                           " message_id INTEGER NOT NULL,"
                           " upload_id INTEGER NOT NULL,"
                           " channel_id INTEGER NOT NULL,"
                           " position INTEGER NOT NULL,"
                           " PRIMARY KEY (message_id, upload_id)) WITHOUT ROWID"),
            QStringLiteral(
                "CREATE INDEX message_attachments_upload ON message_attachments(upload_id, channel_id)"),
        },
        // 2 -> 3: new messages are indexed for search by one statement at the end of each group commit
        // instead of
        // a trigger per row: once FTS5 has been written in a transaction, every later statement in it pays
        // for
        // a virtual-table savepoint (measured: a third of the send path's time).
        {
            QStringLiteral("DROP TRIGGER messages_fts_insert"),
        },
        // 3 -> 4: uploads were stored without their time; the expiry of unattached uploads counts from it, so
        // those give their TTL a fresh start from the upgrade.
        {
            QStringLiteral("UPDATE uploads SET created_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000"
                           " WHERE created_at = 0"),
        },
        // 4 -> 5: a message.new event keeps only its message's id and is written out from the message when
        // replayed. Its full JSON had been most of each event row, and the rows of one batch land on one
        // leaf page per channel: the copies were half of the bytes each group commit wrote to the WAL.
        {
            QStringLiteral("ALTER TABLE channel_events ADD COLUMN message_id INTEGER"),
        },
        // 5 -> 6: the search index moves to search.db, written by a thread of its own (SearchIndexer), which
        // rebuilds it from the messages. Edits and deletions reach it through search_changes.
        {
            QStringLiteral("DROP TRIGGER messages_fts_update"),
            QStringLiteral("DROP TABLE messages_fts"),
            // AUTOINCREMENT: a seq is never handed out twice, even after the rows before it were pruned.
            QStringLiteral("CREATE TABLE search_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " message_id INTEGER NOT NULL)"),
            QStringLiteral(
                "CREATE TRIGGER messages_search_change AFTER UPDATE OF text, deleted_at ON messages BEGIN"
                " INSERT INTO search_changes (message_id) VALUES (new.id); END"),
        },
        // 6 -> 7: a top-level message's message.new is no longer a channel_events row at all: sync replays
        // it from the message, found through messages_channel, which now carries the seq. The event row had
        // cost a leaf page of channel_events per channel in every group commit, a third of the WAL written.
        // Replies keep their row (they are not in messages_channel).
        {
            QStringLiteral("DROP INDEX messages_channel"),
            // parent_id (always NULL here) makes the index cover the replay's query, which names it.
            QStringLiteral("CREATE INDEX messages_channel ON messages(channel_id, id, seq, parent_id)"
                           " WHERE parent_id IS NULL"),
            QStringLiteral(
                "DELETE FROM channel_events WHERE type = 'message.new' AND (CASE WHEN message_id IS NOT NULL"
                " THEN (SELECT parent_id FROM messages WHERE id = channel_events.message_id)"
                " ELSE json_extract(payload, '$.message.parentId') END) IS NULL"),
        },
        // 7 -> 8: moderation (issue 16). Server roles (the first account is the administrator), deactivation,
        // password resets, read-only channels, mutes, invites, reports, and the append-only audit log.
        {
            QStringLiteral("ALTER TABLE users ADD COLUMN server_role TEXT NOT NULL DEFAULT 'member'"
                           " CHECK (server_role IN ('admin', 'member'))"),
            QStringLiteral("ALTER TABLE users ADD COLUMN deactivated_at INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("UPDATE users SET server_role = 'admin' WHERE id = (SELECT min(id) FROM users)"),
            QStringLiteral("ALTER TABLE channels ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE TABLE mutes ("
                           " channel_id INTEGER NOT NULL,"
                           " user_id INTEGER NOT NULL,"
                           " until INTEGER NOT NULL,"
                           " muted_by INTEGER NOT NULL,"
                           " PRIMARY KEY (channel_id, user_id)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE invites ("
                           " code TEXT PRIMARY KEY,"
                           " created_by INTEGER NOT NULL,"
                           " created_at INTEGER NOT NULL,"
                           " expires_at INTEGER NOT NULL,"
                           " max_uses INTEGER NOT NULL,"
                           " uses INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE reports ("
                           " id INTEGER PRIMARY KEY,"
                           " message_id INTEGER NOT NULL,"
                           " channel_id INTEGER NOT NULL,"
                           " reporter_id INTEGER NOT NULL,"
                           " reason TEXT NOT NULL,"
                           " created_at INTEGER NOT NULL,"
                           " status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),"
                           " outcome TEXT,"
                           " resolved_by INTEGER,"
                           " resolved_at INTEGER)"),
            QStringLiteral("CREATE INDEX reports_open ON reports(status, id)"),
            QStringLiteral("CREATE TABLE audit_log ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " at INTEGER NOT NULL,"
                           " actor_id INTEGER NOT NULL," // 0: the command line on a stopped server
                           " action TEXT NOT NULL,"
                           " target_type TEXT NOT NULL,"
                           " target_id INTEGER NOT NULL,"
                           " channel_id INTEGER NOT NULL DEFAULT 0,"
                           " reason TEXT NOT NULL DEFAULT '',"
                           " detail TEXT NOT NULL DEFAULT '')"),
            // Never editable: no code path updates or deletes it, and SQLite refuses if one tries.
            QStringLiteral("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN"
                           " SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
            QStringLiteral("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN"
                           " SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
        },
    };
    return steps;
}

} // namespace Schema

} // namespace Natter::Server
