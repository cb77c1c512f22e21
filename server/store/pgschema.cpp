#include "store/pgschema.h"

namespace Natter::Server {

namespace PgSchema {

const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {
        // 0 -> 1: everything SQLite's schema 8 holds. Integers are bigint throughout (the code reads them as
        // qint64); BLOBs are bytea. Search is a generated tsvector with a GIN index instead of SQLite's
        // separate FTS5 database: it is written in the message's own transaction, so no indexer thread and no
        // search_changes table.
        {
            // Search folds case and accents, as SQLite's FTS5 (unicode61 remove_diacritics 2) does. unaccent
            // is a trusted extension (PostgreSQL 13+, in Debian's postgresql package): the database's owner
            // may create it. The wrapper is IMMUTABLE, as a generated column needs.
            QStringLiteral("CREATE EXTENSION IF NOT EXISTS unaccent"),
            QStringLiteral("CREATE FUNCTION natter_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE"
                           " STRICT AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$"),
            QStringLiteral("CREATE TABLE users ("
                           " id bigint PRIMARY KEY,"
                           " username text NOT NULL,"
                           " username_key text NOT NULL UNIQUE,"
                           " display_name text NOT NULL,"
                           " password_hash text NOT NULL,"
                           " created_at bigint NOT NULL,"
                           " last_seen bigint NOT NULL DEFAULT 0,"
                           " server_role text NOT NULL DEFAULT 'member' CHECK (server_role IN ('admin', 'member')),"
                           " deactivated_at bigint NOT NULL DEFAULT 0,"
                           " must_change_password bigint NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE tokens ("
                           " hash bytea PRIMARY KEY,"
                           " user_id bigint NOT NULL REFERENCES users(id),"
                           " created_at bigint NOT NULL)"),
            QStringLiteral("CREATE INDEX tokens_user ON tokens(user_id)"),
            QStringLiteral("CREATE TABLE channels ("
                           " id bigint PRIMARY KEY,"
                           " type text NOT NULL CHECK (type IN ('group', 'direct')),"
                           " name text NOT NULL,"
                           " topic text NOT NULL DEFAULT '',"
                           " visibility text NOT NULL CHECK (visibility IN ('public', 'private')),"
                           " created_by bigint NOT NULL,"
                           " created_at bigint NOT NULL,"
                           " last_message_at bigint NOT NULL DEFAULT 0,"
                           " last_seq bigint NOT NULL DEFAULT 0,"
                           " message_count bigint NOT NULL DEFAULT 0,"
                           " member_count bigint NOT NULL DEFAULT 0,"
                           " direct_key text UNIQUE,"
                           " pin_policy text NOT NULL DEFAULT 'members',"
                           " read_only bigint NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX channels_public ON channels(visibility, type, name)"),
            QStringLiteral("CREATE TABLE members ("
                           " channel_id bigint NOT NULL REFERENCES channels(id),"
                           " user_id bigint NOT NULL REFERENCES users(id),"
                           " role text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),"
                           " joined_at bigint NOT NULL,"
                           " last_read_message_id bigint NOT NULL DEFAULT 0,"
                           " read_ordinal bigint NOT NULL DEFAULT 0,"
                           " mention_count bigint NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (channel_id, user_id))"),
            QStringLiteral("CREATE INDEX members_user ON members(user_id, channel_id)"),
            QStringLiteral("CREATE TABLE messages ("
                           " id bigint PRIMARY KEY,"
                           " channel_id bigint NOT NULL REFERENCES channels(id),"
                           " seq bigint NOT NULL,"
                           " ordinal bigint NOT NULL,"
                           " author_id bigint NOT NULL REFERENCES users(id),"
                           " client_msg_id text NOT NULL,"
                           " text text NOT NULL,"
                           " parent_id bigint,"
                           " reply_count bigint NOT NULL DEFAULT 0,"
                           " mentions text NOT NULL DEFAULT '',"
                           " created_at bigint NOT NULL,"
                           " edited_at bigint NOT NULL DEFAULT 0,"
                           " deleted_at bigint NOT NULL DEFAULT 0,"
                           " preview text,"
                           " search tsvector GENERATED ALWAYS AS (to_tsvector('simple', natter_fold(text))) STORED)"),
            QStringLiteral("CREATE UNIQUE INDEX messages_idempotency ON messages(author_id, client_msg_id)"),
            QStringLiteral("CREATE INDEX messages_channel ON messages(channel_id, id) INCLUDE (seq)"
                           " WHERE parent_id IS NULL"),
            // With several instances, ids (each instance's clock) and seqs (the channel row's counter) need
            // not be in the same order: sync's replay walks seqs here.
            QStringLiteral("CREATE INDEX messages_channel_seq ON messages(channel_id, seq) WHERE parent_id IS NULL"),
            QStringLiteral("CREATE INDEX messages_thread ON messages(parent_id, id) WHERE parent_id IS NOT NULL"),
            QStringLiteral("CREATE INDEX messages_search ON messages USING gin(search)"),
            QStringLiteral("CREATE TABLE channel_events ("
                           " channel_id bigint NOT NULL,"
                           " seq bigint NOT NULL,"
                           " type text NOT NULL,"
                           " payload bytea NOT NULL,"
                           " message_id bigint,"
                           " PRIMARY KEY (channel_id, seq))"),
            QStringLiteral("CREATE TABLE reactions ("
                           " message_id bigint NOT NULL,"
                           " user_id bigint NOT NULL,"
                           " emoji text NOT NULL,"
                           " created_at bigint NOT NULL,"
                           " PRIMARY KEY (message_id, emoji, user_id))"),
            QStringLiteral("CREATE TABLE pins ("
                           " channel_id bigint NOT NULL,"
                           " message_id bigint NOT NULL,"
                           " pinned_by bigint NOT NULL,"
                           " pinned_at bigint NOT NULL,"
                           " PRIMARY KEY (channel_id, message_id))"),
            QStringLiteral("CREATE TABLE uploads ("
                           " id bigint PRIMARY KEY,"
                           " uploader_id bigint NOT NULL,"
                           " name text NOT NULL,"
                           " mime text NOT NULL,"
                           " size bigint NOT NULL,"
                           " storage_key text NOT NULL,"
                           " width bigint,"
                           " height bigint,"
                           " thumbnail_key text,"
                           " created_at bigint NOT NULL)"),
            QStringLiteral("CREATE TABLE message_attachments ("
                           " message_id bigint NOT NULL,"
                           " upload_id bigint NOT NULL,"
                           " channel_id bigint NOT NULL,"
                           " position bigint NOT NULL,"
                           " PRIMARY KEY (message_id, upload_id))"),
            QStringLiteral(
                "CREATE INDEX message_attachments_upload ON message_attachments(upload_id, channel_id)"),
            QStringLiteral("CREATE TABLE mutes ("
                           " channel_id bigint NOT NULL,"
                           " user_id bigint NOT NULL,"
                           " until bigint NOT NULL,"
                           " muted_by bigint NOT NULL,"
                           " PRIMARY KEY (channel_id, user_id))"),
            QStringLiteral("CREATE TABLE invites ("
                           " code text PRIMARY KEY,"
                           " created_by bigint NOT NULL,"
                           " created_at bigint NOT NULL,"
                           " expires_at bigint NOT NULL,"
                           " max_uses bigint NOT NULL,"
                           " uses bigint NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE reports ("
                           " id bigint PRIMARY KEY,"
                           " message_id bigint NOT NULL,"
                           " channel_id bigint NOT NULL,"
                           " reporter_id bigint NOT NULL,"
                           " reason text NOT NULL,"
                           " created_at bigint NOT NULL,"
                           " status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),"
                           " outcome text,"
                           " resolved_by bigint,"
                           " resolved_at bigint)"),
            QStringLiteral("CREATE INDEX reports_open ON reports(status, id)"),
            QStringLiteral("CREATE TABLE audit_log ("
                           " id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                           " at bigint NOT NULL,"
                           " actor_id bigint NOT NULL,"
                           " action text NOT NULL,"
                           " target_type text NOT NULL,"
                           " target_id bigint NOT NULL,"
                           " channel_id bigint NOT NULL DEFAULT 0,"
                           " reason text NOT NULL DEFAULT '',"
                           " detail text NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE FUNCTION natter_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS"
                           " $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$"),
            QStringLiteral("CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log"
                           " FOR EACH ROW EXECUTE FUNCTION natter_audit_log_append_only()"),
            // Snowflake node ids, one per running instance (NodeLease): a lease is held while its expiry is
            // renewed, and taken over only once it has lapsed.
            QStringLiteral("CREATE TABLE node_leases ("
                           " node_id integer PRIMARY KEY CHECK (node_id BETWEEN 0 AND 1023),"
                           " holder text NOT NULL,"
                           " expires_at bigint NOT NULL)"),
        },
    };
    return steps;
}

} // namespace PgSchema

} // namespace Natter::Server
