#include "store/threadpriority.h"
#include "logging.h"

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

#include <cerrno>
#include <cstring>

namespace Natter::Server {

void lowerThisThreadsPriority()
{
#ifdef Q_OS_LINUX
    // On Linux a nice value belongs to a thread, named by its id.
    if (setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10) != 0)
        qCDebug(lcServer) << "cannot lower a background thread's priority:" << std::strerror(errno);
#endif
}

} // namespace Natter::Server
