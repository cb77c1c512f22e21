#include "maintenance.h"
#include "server.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace Natter::Server;

namespace {
int signalPipe[2];

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &byte, 1);
}

void applyLogLevel(const QString &level)
{
    QString rules = u"natter.*.debug=false\n"_qs;
    if (level == u"debug")
        rules = u"natter.*.debug=true\n"_qs;
    else if (level == u"warning")
        rules += u"natter.*.info=false\n"_qs;
    else if (level == u"error")
        rules += u"natter.*.info=false\nnatter.*.warning=false\n"_qs;
    QLoggingCategory::setFilterRules(rules);
}
} // namespace

int main(int argc, char *argv[])
{
    // Qt's own poll-based event dispatcher accepts connections several times faster than GLib's here
    // (natter-bench idle, 5k -> 15k connections: ~1,700/s against 120-500/s; docs/benchmarks.md).
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"natter-server"_qs);
    QCoreApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));

    if (Maintenance::isCommand(QCoreApplication::arguments()))
        return Maintenance::run(QCoreApplication::arguments());

    int exitCode = 0;
    const auto config = ServerConfig::fromArguments(QCoreApplication::arguments(), &exitCode);
    if (!config)
        return exitCode;
    applyLogLevel(config->logLevel);

    Server server(*config);
    // SIGTERM and SIGINT drain (Server::drain: stop accepting, finish the commits in flight, close WebSockets
    // with 1001) and then end the event loop, so that the database is closed after the last commit. A second
    // signal ends it at once.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [&server, &app] {
            char bytes[16];
            [[maybe_unused]] const auto n = ::read(signalPipe[0], bytes, sizeof bytes);
            static bool draining = false;
            if (draining) {
                app.quit();
                return;
            }
            draining = true;
            server.drain();
        });
        QObject::connect(&server, &Server::drained, &app, &QCoreApplication::quit);
        std::signal(SIGTERM, onSignal);
        std::signal(SIGINT, onSignal);
    }
    std::signal(SIGPIPE, SIG_IGN);

    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "natter-server: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("listening on %s:%u%s\n", qPrintable(config->listen.toString()), unsigned(server.port()),
        server.isTls() ? " (tls)" : "");
    std::fflush(stdout);
    return app.exec();
}
