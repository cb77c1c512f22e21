#pragma once

#include <QStringList>

namespace Natter::Server::AdminCommand {
// `natter-server admin COMMAND --data-dir DIR ARGS` (docs/operations.md): create-user USERNAME (password on
// stdin), reset-password USERNAME, set-role USERNAME admin|member, deactivate USERNAME, reactivate USERNAME,
// invite [--uses N] [--expires DURATION], audit [--limit N]. When a server runs on DIR (DIR/admin.token), the
// command goes through it (POST /api/v1/admin/local, loopback only), so that one process writes the store and a
// deactivation closes connections at once; otherwise the data directory is opened here, through the same code.
int run(const QStringList &args);
// "90" (seconds), "90s", "15m", "12h", "7d"; 0 for anything else.
qint64 parseDuration(const QString &text);
} // namespace Natter::Server::AdminCommand
