// natter-bench-seed DATA_DIR CHANNEL_ID AUTHOR_ID COUNT LAST_MS: the storage-layer half of `natter-bench
// history
// --seed-db`, which runs it. A separate executable because the server core and the app core cannot share one.
#include "historyseeder.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 6) {
        std::fprintf(stderr, "usage: natter-bench-seed DATA_DIR CHANNEL_ID AUTHOR_ID COUNT LAST_MS\n");
        return 2;
    }
    HistorySeeder seeder(
        args.at(2).toLongLong(), args.at(3).toLongLong(), args.at(4).toLongLong(), args.at(5).toLongLong());
    QString error;
    if (!seeder.seed(args.at(1), &error)) {
        std::fprintf(stderr, "natter-bench-seed: %s\n", qPrintable(error));
        return 1;
    }
    return 0;
}
