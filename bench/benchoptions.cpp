#include "benchoptions.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QRandomGenerator>

namespace {
template<typename T> bool parseList(const QString &text, QList<T> *out)
{
    out->clear();
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const double value = part.trimmed().toDouble(&ok);
        if (!ok || value <= 0) return false;
        out->append(T(value));
    }
    return !out->isEmpty();
}

template<typename T> QJsonArray toArray(const QList<T> &list)
{
    QJsonArray array;
    for (const T &value : list)
        array.append(double(value));
    return array;
}
}

bool BenchOptions::parse(const QStringList &arguments, BenchOptions *options, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Load generator for Natter and protocol-compatible servers. Scenarios: idle, fanout, durable, "
        "history, reconnect-storm. Each prints a table and one JSON line."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("scenario"),
        QStringLiteral("idle | fanout | durable | history | reconnect-storm | app-model | app-rich | app-window | app-images"));
    const QCommandLineOption target(QStringLiteral("target"), QStringLiteral("Server base URL (loopback); several, comma-separated, for instances of one cluster: the workers' connections are spread over them, REST goes to the first."),
        QStringLiteral("url"), QStringLiteral("http://127.0.0.1:8787"));
    const QCommandLineOption label(
        QStringLiteral("label"), QStringLiteral("Name of the server in the report."), QStringLiteral("name"));
    const QCommandLineOption pid(QStringLiteral("server-pid"),
        QStringLiteral("Server pid for /proc readings (default: found from the port)."),
        QStringLiteral("pid"));
    const QCommandLineOption workers(QStringLiteral("workers"),
        QStringLiteral("Worker processes (0 = auto)."), QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption sources(QStringLiteral("sources"),
        QStringLiteral("Source addresses 127.0.0.2 … 127.0.0.(1+n)."), QStringLiteral("n"),
        QStringLiteral("8"));
    const QCommandLineOption parallel(QStringLiteral("parallel"),
        QStringLiteral("Handshakes in flight per worker."), QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption prefix(QStringLiteral("prefix"),
        QStringLiteral("Username prefix (default random)."), QStringLiteral("text"));
    const QCommandLineOption counts(QStringLiteral("counts"), QStringLiteral("idle: connection counts."),
        QStringLiteral("list"), QStringLiteral("1000,5000,15000"));
    const QCommandLineOption users(QStringLiteral("users"),
        QStringLiteral("idle: distinct users the connections share."), QStringLiteral("n"),
        QStringLiteral("200"));
    const QCommandLineOption channels(QStringLiteral("channels"), QStringLiteral("fanout: channels."),
        QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption members(QStringLiteral("members"),
        QStringLiteral("fanout: members per channel."), QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption senders(QStringLiteral("senders"),
        QStringLiteral("fanout: senders per channel."), QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption rates(QStringLiteral("rates"),
        QStringLiteral("fanout: total messages per second, one step each."), QStringLiteral("list"),
        QStringLiteral("50,100,200,300,400,500,600,800,1000,1200,1500,2000,3000,5000"));
    const QCommandLineOption stepSeconds(QStringLiteral("step-seconds"), QStringLiteral("Seconds per step."),
        QStringLiteral("s"), QStringLiteral("8"));
    const QCommandLineOption maxP99(QStringLiteral("max-p99-ms"),
        QStringLiteral("fanout: stop after the step whose p99 passes this."), QStringLiteral("ms"),
        QStringLiteral("500"));
    const QCommandLineOption inFlight(QStringLiteral("inflight"),
        QStringLiteral("durable: sends in flight in total, one step each."), QStringLiteral("list"),
        QStringLiteral("1,8,32,128,512"));
    const QCommandLineOption durableSenders(QStringLiteral("durable-senders"),
        QStringLiteral("durable: sending connections."), QStringLiteral("n"), QStringLiteral("64"));
    const QCommandLineOption stormClients(QStringLiteral("clients"),
        QStringLiteral("reconnect-storm: clients."), QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption stormChannels(QStringLiteral("storm-channels"),
        QStringLiteral("reconnect-storm: channels."), QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption rewind(QStringLiteral("rewind"),
        QStringLiteral("reconnect-storm: events each client missed."), QStringLiteral("n"),
        QStringLiteral("20"));
    const QCommandLineOption historyMessages(QStringLiteral("messages"),
        QStringLiteral("history: messages to seed through the gateway."), QStringLiteral("n"),
        QStringLiteral("200000"));
    const QCommandLineOption pageSize(QStringLiteral("page-size"),
        QStringLiteral("history: messages per page."), QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption appMessages(QStringLiteral("app-messages"),
        QStringLiteral("app-model: messages in the synthetic channel."), QStringLiteral("n"),
        QStringLiteral("1000000"));
    const QCommandLineOption seedDb(QStringLiteral("seed-db"),
        QStringLiteral(
            "history: seed --messages straight into this natter-server data directory (storage layer)."),
        QStringLiteral("dir"));
    parser.addOptions({ historyMessages, pageSize, appMessages, seedDb });
    parser.addOptions(
        { target, label, pid, workers, sources, parallel, prefix, counts, users, channels, members, senders,
            rates, stepSeconds, maxP99, inFlight, durableSenders, stormClients, stormChannels, rewind });
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        *error = parser.helpText();
        return false;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        *error = parser.helpText();
        return false;
    }
    BenchOptions &o = *options;
    o.scenario = positional.first();
    const QStringList targets = parser.value(target).split(QLatin1Char(','), Qt::SkipEmptyParts);
    o.target = QUrl(targets.value(0));
    o.host = QHostAddress(o.target.host());
    o.port = quint16(o.target.port(80));
    for (const QString &t : targets) {
        const QUrl url(t);
        if (QHostAddress(url.host()) != o.host) {
            *error = QStringLiteral("--target: every instance must be on the same loopback address");
            return false;
        }
        o.ports.append(quint16(url.port(80)));
    }
    if (o.host.isNull() || !o.host.isLoopback()) {
        *error = QStringLiteral("--target must be a loopback address such as http://127.0.0.1:8787");
        return false;
    }
    o.label = parser.isSet(label) ? parser.value(label) : o.target.toString();
    o.serverPid = parser.value(pid).toLongLong();
    o.workers = parser.value(workers).toInt();
    o.sources = qBound(1, parser.value(sources).toInt(), 250);
    o.parallel = qMax(1, parser.value(parallel).toInt());
    o.prefix = parser.isSet(prefix)
        ? parser.value(prefix)
        : QStringLiteral("b%1_").arg(QRandomGenerator::global()->bounded(1u << 30), 0, 36);
    o.users = qMax(1, parser.value(users).toInt());
    o.channels = qMax(1, parser.value(channels).toInt());
    o.members = qMax(1, parser.value(members).toInt());
    o.sendersPerChannel = qBound(1, parser.value(senders).toInt(), o.members);
    o.stepSeconds = qMax(1.0, parser.value(stepSeconds).toDouble());
    o.maxP99Ms = parser.value(maxP99).toDouble();
    o.durableSenders = qMax(1, parser.value(durableSenders).toInt());
    o.stormClients = qMax(1, parser.value(stormClients).toInt());
    o.stormChannels = qMax(1, parser.value(stormChannels).toInt());
    o.rewind = qMax(0, parser.value(rewind).toInt());
    o.historyMessages = qMax(1, parser.value(historyMessages).toInt());
    o.seedDataDir = parser.value(seedDb);
    o.appMessages = qMax<qint64>(1, parser.value(appMessages).toLongLong());
    o.pageSize = qBound(1, parser.value(pageSize).toInt(), 100);
    if (!parseList(parser.value(counts), &o.counts) || !parseList(parser.value(rates), &o.rates)
        || !parseList(parser.value(inFlight), &o.inFlight)) {
        *error = QStringLiteral("--counts, --rates and --inflight take comma-separated positive numbers");
        return false;
    }
    return true;
}

QJsonObject BenchOptions::toJson() const
{
    QJsonObject json { { QStringLiteral("target"), target.toString() }, { QStringLiteral("label"), label },
        { QStringLiteral("workers"), workers }, { QStringLiteral("sources"), sources } };
    if (scenario == QLatin1String("idle")) {
        json.insert(QStringLiteral("counts"), toArray(counts));
        json.insert(QStringLiteral("users"), users);
    } else if (scenario == QLatin1String("fanout")) {
        json.insert(QStringLiteral("channels"), channels);
        json.insert(QStringLiteral("members"), members);
        json.insert(QStringLiteral("sendersPerChannel"), sendersPerChannel);
        json.insert(QStringLiteral("rates"), toArray(rates));
        json.insert(QStringLiteral("stepSeconds"), stepSeconds);
    } else if (scenario == QLatin1String("durable")) {
        json.insert(QStringLiteral("inFlight"), toArray(inFlight));
        json.insert(QStringLiteral("senders"), durableSenders);
        json.insert(QStringLiteral("stepSeconds"), stepSeconds);
    } else if (scenario == QLatin1String("reconnect-storm")) {
        json.insert(QStringLiteral("clients"), stormClients);
        json.insert(QStringLiteral("channels"), stormChannels);
        json.insert(QStringLiteral("rewind"), rewind);
    } else if (scenario == QLatin1String("app-model")) {
        json.insert(QStringLiteral("messages"), double(appMessages));
        json.insert(QStringLiteral("pageSize"), pageSize);
    } else if (scenario == QLatin1String("history")) {
        json.insert(QStringLiteral("messages"), this->historyMessages);
        json.insert(QStringLiteral("pageSize"), pageSize);
        json.insert(QStringLiteral("repeats"), pageRepeats);
        json.insert(QStringLiteral("seededThrough"),
            seedDataDir.isEmpty() ? QStringLiteral("gateway") : QStringLiteral("storage"));
    }
    return json;
}
