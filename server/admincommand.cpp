#include "admincommand.h"
#include "adminfile.h"
#include "server.h"
#include "serverconfig.h"

#include <common/protocol/restmoderation.h>

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace Natter::Server::AdminCommand {

namespace {
int fail(const QString &message)
{
    std::fprintf(stderr, "natter-server admin: %s\n", qPrintable(message));
    return 1;
}

QString readPassword()
{
    // Read one line from stdin, without echo when it is a terminal.
    termios saved {};
    const bool tty = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty) {
        std::fprintf(stderr, "password: ");
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
    return line;
}

// POSTs COMMAND to the server at URL; prints the answer; the exit code.
int send(const QUrl &base, const QByteArray &token, const QJsonObject &command)
{
    QNetworkAccessManager nam;
    QUrl url = base;
    url.setPath(QString::fromLatin1(Wire::Rest::Route::AdminLocal));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + token);
    request.setTransferTimeout(60000);
    QNetworkReply *reply = nam.post(request, QJsonDocument(command).toJson(QJsonDocument::Compact));
    if (url.scheme() == u"https")
        reply->ignoreSslErrors(); // our own server on loopback, often with a self-signed certificate
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    if (status == 0)
        return fail(u"cannot reach the server at %1: %2"_qs.arg(base.toString(), reply->errorString()));
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    if (status < 200 || status >= 300)
        return fail(answer.value(u"error").toObject().value(u"message").toString());
    std::printf("%s\n", QJsonDocument(answer).toJson(QJsonDocument::Indented).constData());
    return 0;
}
} // namespace

qint64 parseDuration(const QString &text)
{
    if (text.isEmpty())
        return 0;
    qint64 unit = 1;
    QString number = text;
    const QChar last = text.back();
    if (!last.isDigit()) {
        unit = last == u's' ? 1 : last == u'm' ? 60 : last == u'h' ? 3600 : last == u'd' ? 86400 : 0;
        number.chop(1);
    }
    bool ok = false;
    const qint64 n = number.toLongLong(&ok);
    return ok && n > 0 && unit ? n * unit : 0;
}

int run(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(u"Administer a Natter server's accounts (docs/operations.md)."_qs);
    p.addHelpOption();
    const QCommandLineOption dataDir(u"data-dir"_qs, u"The server's data directory."_qs, u"DIR"_qs);
    const QCommandLineOption database(u"database"_qs,
        u"The server's store, when it is not SQLite in DIR: postgresql://USER@HOST:PORT/DATABASE."_qs, u"URL"_qs);
    const QCommandLineOption uses(u"uses"_qs, u"invite: how many accounts the invite may create (1)."_qs, u"N"_qs, u"1"_qs);
    const QCommandLineOption expires(u"expires"_qs, u"invite: valid for DURATION (90s, 15m, 12h, 7d; 7d)."_qs,
        u"DURATION"_qs, u"7d"_qs);
    const QCommandLineOption reason(u"reason"_qs, u"deactivate, reactivate: recorded in the audit log."_qs, u"TEXT"_qs);
    const QCommandLineOption limit(u"limit"_qs, u"audit: how many entries, newest first (100)."_qs, u"N"_qs, u"100"_qs);
    p.addOptions({ dataDir, database, uses, expires, reason, limit });
    p.addPositionalArgument(u"admin"_qs, u"admin"_qs);
    p.addPositionalArgument(u"command"_qs,
        u"create-user USERNAME | reset-password USERNAME | set-role USERNAME admin|member | deactivate USERNAME |"
        " reactivate USERNAME | invite | audit"_qs);
    if (!p.parse(args))
        return fail(p.errorText());
    if (p.isSet(u"help"_qs)) {
        std::printf("%s", qPrintable(p.helpText()));
        return 0;
    }
    const QStringList pos = p.positionalArguments(); // "admin", COMMAND, ARGS...
    const QString command = pos.value(1);
    if (!p.isSet(dataDir))
        return fail(u"--data-dir DIR is required"_qs);
    const QString dir = p.value(dataDir);

    QJsonObject c { { u"command"_qs, command } };
    const QStringList needUser { u"create-user"_qs, u"reset-password"_qs, u"set-role"_qs, u"deactivate"_qs,
        u"reactivate"_qs };
    if (needUser.contains(command)) {
        if (pos.size() < 3)
            return fail(u"%1 needs a USERNAME"_qs.arg(command));
        c.insert(u"username"_qs, pos.at(2));
    } else if (command != u"invite" && command != u"audit") {
        return fail(u"unknown command '%1' (try --help)"_qs.arg(command));
    }
    if (command == u"set-role") {
        if (pos.value(3) != u"admin" && pos.value(3) != u"member")
            return fail(u"set-role USERNAME admin|member"_qs);
        c.insert(u"role"_qs, pos.at(3));
    }
    if (command == u"create-user") {
        const QString password = readPassword();
        if (password.isEmpty())
            return fail(u"no password on stdin"_qs);
        c.insert(u"password"_qs, password);
    }
    if (command == u"invite") {
        bool ok = false;
        const int n = p.value(uses).toInt(&ok);
        const qint64 seconds = parseDuration(p.value(expires));
        if (!ok || n < 1)
            return fail(u"--uses must be a positive number"_qs);
        if (!seconds)
            return fail(u"--expires must be a duration such as 90s, 15m, 12h or 7d"_qs);
        c.insert(u"maxUses"_qs, n);
        c.insert(u"expiresInSeconds"_qs, seconds);
    }
    if (command == u"audit")
        c.insert(u"limit"_qs, p.value(limit).toInt());
    if (p.isSet(reason))
        c.insert(u"reason"_qs, p.value(reason));

    if (const auto running = AdminFile::read(dir))
        return send(running->url, running->token, c);

    // A stopped server: this process opens the data directory as the server would (migrations included), on
    // loopback and an ephemeral port, and sends the command to itself, so both cases run the same code.
    QLoggingCategory::setFilterRules(u"natter.*.info=false\nnatter.*.debug=false\n"_qs);
    ServerConfig config;
    config.dataDir = dir;
    if (p.isSet(database))
        config.database = p.value(database);
    config.port = 0;
    config.listen = QHostAddress::LocalHost;
    Server server(config);
    QString error;
    if (!server.start(&error))
        return fail(error);
    const auto self = AdminFile::read(dir);
    if (!self)
        return fail(u"cannot read back "_qs + AdminFile::path(dir));
    return send(self->url, self->token, c);
}

} // namespace Natter::Server::AdminCommand
