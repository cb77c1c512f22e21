#include "benchoptions.h"
#include "scenarios.h"
#include "worker.h"

#include <QCoreApplication>
#ifdef NATTER_BENCH_APP_MODEL
#include <QApplication>
#endif

#include <cstdio>
#include <memory>
#include <sys/resource.h>

namespace {
// Each process may hold at most the hard limit of open files (20,000 here); take all of it.
void raiseFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}
}

bool isAppScenario(const QString &name)
{
    return name == QLatin1String("app-model") || name == QLatin1String("app-rich")
        || name == QLatin1String("app-window") || name == QLatin1String("app-images");
}

int main(int argc, char *argv[])
{
    raiseFileLimit();
#ifdef NATTER_BENCH_APP_MODEL
    // The delegate paints with QtGui: that scenario needs a GUI application, headless.
    const bool gui = argc > 1 && isAppScenario(QString::fromLocal8Bit(argv[1]));
    if (gui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app(
        gui ? new QApplication(argc, argv) : new QCoreApplication(argc, argv));
#else
    QCoreApplication app(argc, argv);
#endif
    QCoreApplication::setApplicationName(QStringLiteral("natter-bench"));

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 3 && arguments.at(1) == QLatin1String("--worker")) {
        Worker worker(arguments.at(2).toInt());
        return QCoreApplication::exec();
    }

    BenchOptions options;
    QString error;
    if (!BenchOptions::parse(arguments, &options, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    if (isAppScenario(options.scenario)) {
#ifdef NATTER_BENCH_APP_MODEL
        if (options.scenario == QLatin1String("app-rich")) return runAppRich(options);
        if (options.scenario == QLatin1String("app-window")) return runAppWindow(options);
        if (options.scenario == QLatin1String("app-images")) return runAppImages(options);
        return runAppModel(options);
#else
        std::fprintf(
            stderr, "app-model: this natter-bench was built without the app (natter-client, natter-ui)\n");
        return 2;
#endif
    }
    BenchSession session(options);
    if (options.scenario == QLatin1String("idle")) return runIdle(session);
    if (options.scenario == QLatin1String("fanout")) return runFanout(session);
    if (options.scenario == QLatin1String("durable")) return runDurable(session);
    if (options.scenario == QLatin1String("history")) return runHistory(session);
    if (options.scenario == QLatin1String("reconnect-storm")) return runReconnectStorm(session);
    std::fprintf(stderr, "unknown scenario %s (idle, fanout, durable, history, reconnect-storm)\n",
        qPrintable(options.scenario));
    return 2;
}
