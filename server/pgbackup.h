#pragma once

#include <QString>

namespace Natter::Server::PgBackup {

// `natter-server backup` and `restore` for a server on PostgreSQL. The database goes through PostgreSQL's own
// pg_dump and pg_restore (custom format, PATH/natter.pgdump); what natter adds is the upload files. backup()
// opens a REPEATABLE READ transaction, exports its snapshot, lists the uploads in that snapshot and has
// pg_dump read the same snapshot: the files copied are exactly the ones the dump names, however the servers
// write meanwhile (an upload's file is stored before its row commits, so every row in the snapshot has its
// file). Both return false with ERROR set; SUMMARY is the line to print.
bool backup(
    const QString &url, const QString &target, const QString &uploadsDir, QString *summary, QString *error);
// Into a new, empty database (createdb first) and an empty uploads directory only.
bool restore(const QString &backupDir, const QString &url, const QString &uploadsTarget, QString *summary,
    QString *error);

// The dump's file name in a backup directory: its presence tells a PostgreSQL backup from a SQLite one.
inline constexpr char DumpFile[] = "natter.pgdump";

} // namespace Natter::Server::PgBackup
