#pragma once

#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrl>

// Command-line options shared by every scenario; see --help.
struct BenchOptions
{
    QString scenario;
    QUrl target;
    QHostAddress host;
    quint16 port = 0;
    // Every instance's port (--target a,b): worker W connects to ports[W % n]; port is the first, which also
    // answers REST and is probed.
    QList<quint16> ports;
    QString label;
    QString prefix;
    qint64 serverPid = 0;
    int workers = 0;
    int sources = 8;
    int parallel = 200;
    int registerParallel = 8;
    // idle
    QList<int> counts;
    int users = 200;
    int settleMs = 3000;
    // fanout
    int channels = 10;
    int members = 100;
    int sendersPerChannel = 10;
    QList<double> rates;
    double stepSeconds = 8;
    int drainMs = 3000;
    double maxP99Ms = 500;
    // durable
    QList<int> inFlight;
    int durableSenders = 64;
    // reconnect-storm
    int stormClients = 10000;
    int stormChannels = 100;
    int rewind = 20;
    // history
    int historyMessages = 200000;
    int pageSize = 50;
    int pageRepeats = 200;
    QString seedDataDir;
    // app-model
    qint64 appMessages = 1000000;

    static bool parse(const QStringList &arguments, BenchOptions *options, QString *error);
    QJsonObject toJson() const;
};
