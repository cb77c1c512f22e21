#include "pgbackup.h"
#include "features/files/blobcopy.h"
#include "features/files/localblobstore.h"

#include <QCollator>
#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

#include <libpq-fe.h>

#include <memory>

namespace Natter::Server::PgBackup {

namespace {
struct Connection
{
    PGconn *conn = nullptr;
    ~Connection() { PQfinish(conn); }
    QString error() const { return QString::fromUtf8(PQerrorMessage(conn)).trimmed(); }
};
using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

// A URL split for the tools: the password out of it (as user:password@ or ?password=), for PGPASSWORD, so
// that it is never in a process's arguments (ps, /proc/PID/cmdline) or in what is printed.
struct Target
{
    QString url;
    QString password;
};

Target split(const QString &url)
{
    QUrl u(url);
    Target t { {}, u.password() };
    u.setPassword({});
    QUrlQuery query(u);
    if (query.hasQueryItem(u"password"_qs)) {
        t.password = query.queryItemValue(u"password"_qs, QUrl::FullyDecoded);
        query.removeAllQueryItems(u"password"_qs);
        u.setQuery(query);
    }
    t.url = u.toString();
    return t;
}

// The URL as shown to the operator.
QString shown(const QString &url)
{
    const Target t = split(url);
    return t.password.isEmpty() ? t.url : t.url + u" (password set)"_qs;
}

bool connect(Connection &c, const QString &url, QString *error)
{
    c.conn = PQconnectdb(url.toUtf8().constData());
    if (PQstatus(c.conn) == CONNECTION_OK)
        return true;
    *error = u"cannot connect to PostgreSQL at %1: %2"_qs.arg(shown(url), c.error());
    return false;
}

// Runs SQL; the result when it succeeded, else null with ERROR set.
Result query(Connection &c, const char *sql, QString *error)
{
    Result r(PQexec(c.conn, sql), &PQclear);
    const ExecStatusType status = PQresultStatus(r.get());
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return r;
    *error = u"%1: %2"_qs.arg(QString::fromLatin1(sql), c.error());
    return Result(nullptr, &PQclear);
}

// What a backup holds, read in one transaction: the natter schema's version, the messages, and the blobs its
// `uploads` rows name.
struct Contents
{
    int version = 0;
    qint64 messages = 0;
    QStringList keys;
};

// False when it is not a natter database.
bool readContents(Connection &c, Contents *out, QString *error)
{
    Result v = query(c, "SELECT version FROM natter_schema", error);
    if (!v || PQntuples(v.get()) != 1) {
        *error = u"not a Natter database (no natter_schema): "_qs + *error;
        return false;
    }
    out->version = QByteArray(PQgetvalue(v.get(), 0, 0)).toInt();
    Result n = query(c, "SELECT count(*) FROM messages", error);
    if (!n)
        return false;
    Result r = query(c, "SELECT storage_key, thumbnail_key FROM uploads", error);
    if (!r)
        return false;
    out->messages = QByteArray(PQgetvalue(n.get(), 0, 0)).toLongLong();
    for (int row = 0; row < PQntuples(r.get()); ++row)
        for (int column = 0; column < 2; ++column)
            if (!PQgetisnull(r.get(), row, column))
                out->keys.append(QString::fromUtf8(PQgetvalue(r.get(), row, column)));
    return true;
}

// pg_dump or pg_restore: on the PATH (Debian's wrapper picks the newest installed version), else the
// newest under /usr/lib/postgresql/<version>/bin.
QString program(const QString &name)
{
    const QString onPath = QStandardPaths::findExecutable(name);
    if (!onPath.isEmpty())
        return onPath;
    QStringList versions = QDir(u"/usr/lib/postgresql"_qs).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCollator numeric;
    numeric.setNumericMode(true);
    std::sort(versions.begin(), versions.end(),
        [&numeric](const QString &a, const QString &b) { return numeric.compare(a, b) > 0; });
    for (const QString &version : std::as_const(versions)) {
        const QString candidate = u"/usr/lib/postgresql/%1/bin/%2"_qs.arg(version, name);
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return {};
}

// Runs NAME with ARGS and --dbname for URL to the end (a large database takes as long as it takes); false
// with its stderr.
bool runTool(const QString &name, QStringList args, const QString &url, QString *error)
{
    const Target target = split(url);
    args.prepend(u"--dbname="_qs + target.url);
    const QString path = program(name);
    if (path.isEmpty()) {
        *error = name + u" was not found (Debian: apt install postgresql-client)"_qs;
        return false;
    }
    QProcess tool;
    if (!target.password.isEmpty()) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"PGPASSWORD"_qs, target.password);
        tool.setProcessEnvironment(environment);
    }
    tool.setProcessChannelMode(QProcess::SeparateChannels);
    tool.setStandardOutputFile(QProcess::nullDevice());
    tool.start(path, args);
    if (!tool.waitForStarted() || !tool.waitForFinished(-1) || tool.exitStatus() != QProcess::NormalExit
        || tool.exitCode() != 0) {
        const QString said = QString::fromLocal8Bit(tool.readAllStandardError()).trimmed();
        *error = u"%1 failed: %2"_qs.arg(name, said.isEmpty() ? tool.errorString() : said);
        return false;
    }
    return true;
}
} // namespace

bool backup(
    const QString &url, const QString &target, const QString &uploadsDir, QString *summary, QString *error)
{
    Connection c;
    if (!connect(c, url, error))
        return false;
    // The transaction stays open until pg_dump has finished: its snapshot is the backup's.
    if (!query(c, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", error))
        return false;
    Result snapshot = query(c, "SELECT pg_export_snapshot()", error);
    if (!snapshot)
        return false;
    Contents contents;
    if (!readContents(c, &contents, error))
        return false;
    if (!QDir().mkpath(target)) {
        *error = u"cannot create "_qs + target;
        return false;
    }
    // The files first, as soon as the snapshot names them: the servers delete a file once its message is
    // deleted, and the dump can take long. One deleted in between is reported, not hidden.
    qint64 files = 0, missing = 0;
    const LocalBlobStore from(uploadsDir);
    LocalBlobStore to(LocalBlobStore::defaultDir(target));
    if (!copyBlobs(contents.keys, from, to, &files, error, &missing))
        return false;
    const QString dump = QDir(target).filePath(QString::fromLatin1(DumpFile));
    if (!runTool(u"pg_dump"_qs,
            { u"--format=custom"_qs, u"--no-owner"_qs, u"--no-privileges"_qs,
                u"--snapshot="_qs + QString::fromUtf8(PQgetvalue(snapshot.get(), 0, 0)),
                u"--file="_qs + dump },
            url, error))
        return false;
    query(c, "COMMIT", error);
    *summary = u"backup of %1 in %2: %3 (schema %4, %5 messages, %6 bytes), %7 upload files"_qs
                   .arg(shown(url), target, QString::fromLatin1(DumpFile))
                   .arg(contents.version)
                   .arg(contents.messages)
                   .arg(QFileInfo(dump).size())
                   .arg(files);
    if (missing)
        *summary
            += u"; %1 named by the snapshot were deleted before they could be copied (their messages were"
               " deleted meanwhile)"_qs.arg(missing);
    return true;
}

bool restore(const QString &backupDir, const QString &url, const QString &uploadsTarget, QString *summary,
    QString *error)
{
    const QString dump = QDir(backupDir).filePath(QString::fromLatin1(DumpFile));
    Connection c;
    if (!connect(c, url, error))
        return false;
    Result tables = query(c,
        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')",
        error);
    if (!tables)
        return false;
    if (QByteArray(PQgetvalue(tables.get(), 0, 0)).toLongLong() != 0) {
        *error = shown(url)
            + u" is not empty: restore goes into a new, empty database (createdb one; never over a server's)"_qs;
        return false;
    }
    // One transaction: a restore that fails leaves the database as empty as it found it. No comments: the
    // only one is unaccent's, which a database owner who is not a superuser may not set when the extension
    // was created for them.
    if (!runTool(u"pg_restore"_qs,
            { u"--no-owner"_qs, u"--no-privileges"_qs, u"--no-comments"_qs, u"--exit-on-error"_qs,
                u"--single-transaction"_qs, dump },
            url, error))
        return false;
    const QString restartHint = u" (the database now holds the restored data: drop and create it again, and"
                                " empty the uploads directory, before another try)"_qs;
    // The leases were the old servers' (their Snowflake node ids): none of them runs on this database.
    Contents contents;
    if (!query(c, "DELETE FROM node_leases", error) || !readContents(c, &contents, error)) {
        *error += restartHint;
        return false;
    }
    qint64 files = 0;
    const LocalBlobStore from(LocalBlobStore::defaultDir(backupDir));
    LocalBlobStore to(uploadsTarget);
    if (!copyBlobs(contents.keys, from, to, &files, error)) {
        *error += restartHint;
        return false;
    }
    *summary
        = u"restored %1 into %2: schema %3, %4 messages, %5 upload files in %6"_qs.arg(backupDir, shown(url))
              .arg(contents.version)
              .arg(contents.messages)
              .arg(files)
              .arg(uploadsTarget);
    return true;
}

} // namespace Natter::Server::PgBackup
