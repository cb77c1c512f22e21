#pragma once

#include <QStringList>

namespace Natter::Server {

// natter-server's commands besides serving (`natter-server COMMAND ...`), each returning the exit code:
//   backup PATH [--data-dir DIR | --config FILE]   natter.db through SQLite's online backup API (safe while a
//                                                   server writes it), then the upload files it names (from
//                                                   --uploads-dir, default DIR/uploads) into PATH/uploads;
//                                                   search.db is left out (derived, rebuilt at start)
//   backup PATH --database postgresql://...        on PostgreSQL: pg_dump of one snapshot, and the upload
//                                                   files that snapshot names (PgBackup)
//   restore PATH --data-dir NEWDIR [--uploads-dir D] [--database URL]
//                                                   into empty or new directories (and an empty database) only
//   make-cert DIR [--host NAME]... [--days N]      a self-signed certificate (cert.pem, key.pem) for --tls-*
namespace Maintenance {
// True when ARGS (argv with the program name) name one of the commands above.
bool isCommand(const QStringList &args);
int run(const QStringList &args);
} // namespace Maintenance

} // namespace Natter::Server
