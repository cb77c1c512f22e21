#include "maintenance.h"
#include "admincommand.h"
#include "features/files/blobcopy.h"
#include "features/files/localblobstore.h"
#include "pgbackup.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QNetworkInterface>
#include <QProcess>
#include <QSettings>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QSysInfo>

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <thread>

namespace Natter::Server::Maintenance {

namespace {
int fail(const QString &message)
{
    std::fprintf(stderr, "natter-server: %s\n", qPrintable(message));
    return 1;
}

// Empty, or not there yet.
bool isEmptyTarget(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return true;
    return info.isDir() && QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

struct Db
{
    sqlite3 *handle = nullptr;
    ~Db() { sqlite3_close(handle); }
    QString error() const { return QString::fromUtf8(sqlite3_errmsg(handle)); }
};

// PRAGMA quick_check, and how many messages there are.
bool checkDatabase(const QString &path, qint64 *messages, QString *error)
{
    Db db;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db.handle, SQLITE_OPEN_READONLY, nullptr)
        != SQLITE_OK) {
        *error = db.error();
        return false;
    }
    sqlite3_busy_timeout(db.handle, 10000);
    sqlite3_stmt *stmt = nullptr;
    bool ok = sqlite3_prepare_v2(db.handle, "PRAGMA quick_check", -1, &stmt, nullptr) == SQLITE_OK
        && sqlite3_step(stmt) == SQLITE_ROW
        && qstrcmp(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)), "ok") == 0;
    if (!ok)
        *error = stmt && sqlite3_column_text(stmt, 0)
            ? QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)))
            : db.error();
    sqlite3_finalize(stmt);
    if (!ok)
        return false;
    *messages = 0;
    if (sqlite3_prepare_v2(db.handle, "SELECT count(*) FROM messages", -1, &stmt, nullptr) == SQLITE_OK
        && sqlite3_step(stmt) == SQLITE_ROW)
        *messages = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return true;
}

// The blobs the `uploads` rows of the SQLite database at DB name: only those, so no staged files and no blobs
// of uploads deleted before it.
bool uploadKeys(const QString &db, QStringList *keys, QString *error)
{
    Db d;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(db).constData(), &d.handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK
        || sqlite3_prepare_v2(d.handle, "SELECT storage_key, thumbnail_key FROM uploads", -1, &stmt, nullptr)
            != SQLITE_OK) {
        *error = u"cannot read the uploads of %1: %2"_qs.arg(db, d.error());
        return false;
    }
    while (sqlite3_step(stmt) == SQLITE_ROW)
        for (int column = 0; column < 2; ++column)
            if (const auto *text = sqlite3_column_text(stmt, column))
                keys->append(QString::fromUtf8(reinterpret_cast<const char *>(text)));
    sqlite3_finalize(stmt);
    return true;
}

bool copyBlobs(const QString &db, const BlobStore &from, BlobStore &to, qint64 *files, QString *error)
{
    QStringList keys;
    return uploadKeys(db, &keys, error) && Server::copyBlobs(keys, from, to, files, error);
}

// OPTION from the command line, else from the --config file, else empty.
QString optionFrom(const QCommandLineParser &p, const QString &option)
{
    if (p.isSet(option))
        return p.value(option);
    if (p.isSet(u"config"_qs))
        return QSettings(p.value(u"config"_qs), QSettings::IniFormat).value(option).toString().trimmed();
    return {};
}

bool isPostgres(const QString &database)
{
    return database.startsWith(u"postgresql://") || database.startsWith(u"postgres://");
}

QString dataDirFrom(const QCommandLineParser &p)
{
    const QString dir = optionFrom(p, u"data-dir"_qs);
    return dir.isEmpty() ? u"./data"_qs : dir;
}

QString uploadsDirFrom(const QCommandLineParser &p, const QString &dataDir)
{
    const QString dir = optionFrom(p, u"uploads-dir"_qs);
    return dir.isEmpty() ? LocalBlobStore::defaultDir(dataDir) : dir;
}

int backup(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        u"Copies a server's data into PATH (a new or empty directory), while it runs:"
        " natter.db with SQLite's online backup API, then the upload files it names"
        " (into PATH/uploads). search.db is left out: it is rebuilt from natter.db."_qs);
    p.addHelpOption();
    p.addPositionalArgument(u"backup"_qs, u"The command."_qs);
    p.addPositionalArgument(u"PATH"_qs, u"Where the backup goes (created; must be empty)."_qs);
    p.addOption({ u"data-dir"_qs, u"The server's data directory (default ./data)."_qs, u"DIR"_qs });
    p.addOption(
        { u"uploads-dir"_qs, u"The server's upload files (default DATA-DIR/uploads)."_qs, u"DIR"_qs });
    p.addOption({ u"database"_qs,
        u"The server's PostgreSQL database (postgresql://USER@HOST:PORT/DB): dumped with pg_dump instead."_qs,
        u"URL"_qs });
    p.addOption({ u"config"_qs, u"Take data-dir, uploads-dir and database from this config file."_qs, u"FILE"_qs });
    p.process(args);
    if (p.positionalArguments().size() != 2)
        return fail(u"usage: natter-server backup PATH [--data-dir DIR [--uploads-dir DIR] [--database URL]"
                    " | --config FILE]"_qs);
    const QString target = p.positionalArguments().at(1);
    const QString dataDir = dataDirFrom(p);
    const QString uploadsDir = uploadsDirFrom(p, dataDir);
    if (const QString database = optionFrom(p, u"database"_qs); isPostgres(database)) {
        if (!isEmptyTarget(target))
            return fail(target + u" is not empty: a backup goes into a new or empty directory"_qs);
        QString summary, error;
        if (!PgBackup::backup(database, target, uploadsDir, &summary, &error))
            return fail(error);
        std::printf("%s\n", qPrintable(summary));
        return 0;
    }
    const QString source = QDir(dataDir).filePath(u"natter.db"_qs);
    if (!QFileInfo(source).isFile())
        return fail(u"no database at "_qs + source);
    if (!isEmptyTarget(target))
        return fail(target + u" is not empty: a backup goes into a new or empty directory"_qs);
    if (!QDir().mkpath(target))
        return fail(u"cannot create "_qs + target);
    const QString copy = QDir(target).filePath(u"natter.db"_qs);

    // The online backup reads one consistent snapshot (a WAL read transaction) while the server keeps
    // committing; the server is never blocked. Read-only, so that running as another user creates no files
    // in the data directory (run it as the server's user: it must be able to read the -shm and -wal files).
    {
        Db from, to;
        if (sqlite3_open_v2(QFile::encodeName(source).constData(), &from.handle, SQLITE_OPEN_READONLY, nullptr)
            != SQLITE_OK)
            return fail(u"cannot open %1: %2"_qs.arg(source, from.error()));
        sqlite3_busy_timeout(from.handle, 10000);
        if (sqlite3_open_v2(QFile::encodeName(copy).constData(), &to.handle,
                SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr)
            != SQLITE_OK)
            return fail(u"cannot create %1: %2"_qs.arg(copy, to.error()));
        sqlite3_backup *job = sqlite3_backup_init(to.handle, "main", from.handle, "main");
        if (!job)
            return fail(u"cannot start the backup: "_qs + to.error());
        int rc = SQLITE_OK;
        for (int attempt = 0; attempt < 600; ++attempt) {
            rc = sqlite3_backup_step(job, -1); // all pages in one step: one snapshot
            if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        sqlite3_backup_finish(job);
        if (rc != SQLITE_DONE)
            return fail(u"backup of %1 failed: %2"_qs.arg(source, QString::fromUtf8(sqlite3_errstr(rc))));
        // One self-contained file: the server switches it back to WAL when it opens it.
        sqlite3_exec(to.handle, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    }
    qint64 messages = 0;
    QString error;
    if (!checkDatabase(copy, &messages, &error))
        return fail(u"the copy %1 does not check out: %2"_qs.arg(copy, error));
    // After the database: every upload its snapshot names was stored before its row was committed. Read
    // only: the server's store is not opened (that would clear its staged uploads).
    qint64 files = 0;
    const LocalBlobStore from(uploadsDir);
    LocalBlobStore to(LocalBlobStore::defaultDir(target));
    if (!copyBlobs(copy, from, to, &files, &error))
        return fail(error);
    std::printf("backup of %s in %s: natter.db (%lld messages, %lld bytes), %lld upload files\n",
        qPrintable(dataDir), qPrintable(target), messages, QFileInfo(copy).size(), files);
    return 0;
}

int restore(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(u"Restores a backup made by `natter-server backup` into a new data directory."_qs);
    p.addHelpOption();
    p.addPositionalArgument(u"restore"_qs, u"The command."_qs);
    p.addPositionalArgument(u"PATH"_qs, u"The backup."_qs);
    p.addOption({ u"data-dir"_qs, u"The new data directory (must be empty or not exist)."_qs, u"DIR"_qs });
    p.addOption({ u"uploads-dir"_qs,
        u"Where the upload files go (must be empty or not exist; default NEWDIR/uploads)."_qs, u"DIR"_qs });
    p.addOption({ u"database"_qs,
        u"A new, empty PostgreSQL database (postgresql://USER@HOST:PORT/DB) for a backup of a server on"
        " PostgreSQL."_qs,
        u"URL"_qs });
    p.process(args);
    if (p.positionalArguments().size() != 2 || !p.isSet(u"data-dir"_qs))
        return fail(u"usage: natter-server restore PATH --data-dir NEWDIR [--uploads-dir NEWDIR]"
                    " [--database URL]"_qs);
    const QString backupDir = p.positionalArguments().at(1);
    const QString target = p.value(u"data-dir"_qs);
    const QString uploadsTarget
        = p.isSet(u"uploads-dir"_qs) ? p.value(u"uploads-dir"_qs) : LocalBlobStore::defaultDir(target);
    const bool fromPostgres = QFileInfo::exists(QDir(backupDir).filePath(QString::fromLatin1(PgBackup::DumpFile)));
    if (fromPostgres != isPostgres(p.value(u"database"_qs)))
        return fail(fromPostgres
                ? backupDir + u" holds a PostgreSQL dump: restore it with --database postgresql://..."_qs
                : backupDir + u" holds no PostgreSQL dump (natter.pgdump): --database is for those"_qs);
    if (fromPostgres) {
        if (!isEmptyTarget(uploadsTarget))
            return fail(uploadsTarget + u" is not empty: restore goes into a new or empty directory"_qs);
        QString summary, error;
        if (!PgBackup::restore(backupDir, p.value(u"database"_qs), uploadsTarget, &summary, &error))
            return fail(error);
        std::printf("%s\n", qPrintable(summary));
        return 0;
    }
    const QString db = QDir(backupDir).filePath(u"natter.db"_qs);
    if (!QFileInfo(db).isFile())
        return fail(u"no natter.db in "_qs + backupDir);
    for (const QString &dir : { target, uploadsTarget })
        if (!isEmptyTarget(dir))
            return fail(dir
                + u" is not empty: restore goes into a new or empty directory (stop the server and"
                  " move the old data away first)"_qs);
    qint64 messages = 0;
    QString error;
    if (!checkDatabase(db, &messages, &error))
        return fail(u"%1 does not check out: %2"_qs.arg(db, error));
    if (!QDir().mkpath(target) || !QFile::copy(db, QDir(target).filePath(u"natter.db"_qs)))
        return fail(u"cannot copy natter.db into "_qs + target);
    qint64 files = 0;
    const LocalBlobStore from(LocalBlobStore::defaultDir(backupDir));
    LocalBlobStore to(uploadsTarget);
    if (!copyBlobs(QDir(target).filePath(u"natter.db"_qs), from, to, &files, &error))
        return fail(error);
    std::printf("restored %s into %s: %lld messages, %lld upload files; search.db is rebuilt when the server"
                " starts\n",
        qPrintable(backupDir), qPrintable(target), messages, files);
    return 0;
}

int makeCert(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(u"Makes a self-signed TLS certificate (DIR/cert.pem, DIR/key.pem) for"
                                " --tls-cert/--tls-key, valid for localhost, this machine's name and addresses"
                                " and every --host. Needs the openssl command."_qs);
    p.addHelpOption();
    p.addPositionalArgument(u"make-cert"_qs, u"The command."_qs);
    p.addPositionalArgument(u"DIR"_qs, u"Where cert.pem and key.pem go."_qs);
    p.addOption({ u"host"_qs, u"Another name or address clients use (repeatable)."_qs, u"NAME"_qs });
    p.addOption({ u"days"_qs, u"Validity in days (default 825)."_qs, u"N"_qs, u"825"_qs });
    p.addOption({ u"force"_qs, u"Replace an existing cert.pem/key.pem."_qs });
    p.process(args);
    if (p.positionalArguments().size() != 2)
        return fail(u"usage: natter-server make-cert DIR [--host NAME]... [--days N]"_qs);
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_qs);
    if (openssl.isEmpty())
        return fail(u"make-cert needs the openssl command (Debian: apt install openssl)"_qs);
    const QDir dir(p.positionalArguments().at(1));
    if (!QDir().mkpath(dir.path()))
        return fail(u"cannot create "_qs + dir.path());
    const QString cert = dir.filePath(u"cert.pem"_qs), key = dir.filePath(u"key.pem"_qs);
    if (!p.isSet(u"force"_qs) && (QFileInfo::exists(cert) || QFileInfo::exists(key)))
        return fail(u"%1 already holds a certificate (--force replaces it)"_qs.arg(dir.path()));
    bool daysOk = false;
    const int days = p.value(u"days"_qs).toInt(&daysOk);
    if (!daysOk || days < 1)
        return fail(u"--days must be a positive number"_qs);

    QStringList names { u"localhost"_qs };
    const QString hostName = QSysInfo::machineHostName();
    if (!hostName.isEmpty() && hostName != u"localhost")
        names.append(hostName);
    names += p.values(u"host"_qs);
    QStringList addresses { u"127.0.0.1"_qs, u"::1"_qs };
    for (const QHostAddress &a : QNetworkInterface::allAddresses())
        if (!a.isLoopback() && !a.isLinkLocal())
            addresses.append(a.toString().section(u'%', 0, 0));
    QStringList san;
    for (const QString &n : std::as_const(names)) {
        if (QHostAddress(n).isNull())
            san.append(u"DNS:"_qs + n);
        else
            addresses.append(n);
    }
    addresses.removeDuplicates();
    for (const QString &a : std::as_const(addresses))
        san.append(u"IP:"_qs + a);
    san.removeDuplicates();
    const QString commonName = p.values(u"host"_qs).value(0, hostName.isEmpty() ? u"localhost"_qs : hostName);

    QProcess run;
    run.setProcessChannelMode(QProcess::MergedChannels);
    run.start(openssl,
        { u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs, u"ec_paramgen_curve:prime256v1"_qs,
            u"-nodes"_qs, u"-sha256"_qs, u"-days"_qs, QString::number(days), u"-keyout"_qs, key, u"-out"_qs, cert,
            u"-subj"_qs, u"/CN="_qs + commonName, u"-addext"_qs, u"subjectAltName="_qs + san.join(u',') });
    if (!run.waitForFinished(60000) || run.exitStatus() != QProcess::NormalExit || run.exitCode() != 0)
        return fail(u"openssl failed: "_qs + QString::fromLocal8Bit(run.readAll()).trimmed());
    QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QList<QSslCertificate> made = QSslCertificate::fromPath(cert);
    const QByteArray fingerprint = made.isEmpty() ? QByteArray() : made.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper();
    std::printf("made %s and %s (self-signed, %d days) for %s\nSHA-256 fingerprint %s\n"
                "start with: natter-server --tls-cert %s --tls-key %s ...\n",
        qPrintable(cert), qPrintable(key), days, qPrintable(san.join(u", "_qs)), fingerprint.constData(),
        qPrintable(cert), qPrintable(key));
    return 0;
}
} // namespace

bool isCommand(const QStringList &args)
{
    const QString first = args.value(1);
    return first == u"backup" || first == u"restore" || first == u"make-cert" || first == u"admin";
}

int run(const QStringList &args)
{
    const QString command = args.value(1);
    if (command == u"backup")
        return backup(args);
    if (command == u"restore")
        return restore(args);
    if (command == u"admin")
        return AdminCommand::run(args);
    return makeCert(args);
}

} // namespace Natter::Server::Maintenance
